"""FalkorDB as the store: the embedded server of a data directory, or a remote one."""

from __future__ import annotations

import atexit
from pathlib import Path
from typing import Any
from urllib.parse import urlparse

import redis
from falkordb import FalkorDB

from graph.errors import (
    QueryError,
    QueryMemoryError,
    QueryTimeoutError,
    ReadOnlyViolation,
    ResultTooLargeError,
    StoreError,
)
from graph.falkordb_server import EmbeddedServer
from graph.queries import schema_statements
from graph.reply_budget import BudgetParser, ReplyTooLarge, budget
from graph.store import BULK_MAX_ROWS, DEFAULT_MAX_ROWS, DEFAULT_QUERY_MEMORY_MB, DEFAULT_TIMEOUT_MS, QueryResult, Store


class FalkorStore(Store):
    name = "falkordb"

    def __init__(self, db: FalkorDB, *, graph: str, server: EmbeddedServer | None = None,
                 location: str = "") -> None:
        self.db = db
        self.graph = db.select_graph(graph)
        self.server = server
        self.location = location
        self._closed = False
        self.ensure_schema()

    @classmethod
    def embedded(cls, data_dir: str | Path, *, graph: str = "xunshi",
                 query_memory_mb: int = DEFAULT_QUERY_MEMORY_MB) -> FalkorStore:
        """The server of ``data_dir`` (started if none runs), each query held to ``query_memory_mb`` of the
        server's memory (FalkorDB's QUERY_MEM_CAPACITY; 0 for no limit)."""
        server = EmbeddedServer(data_dir)
        socket_path = server.acquire()
        try:
            pool = redis.ConnectionPool(connection_class=redis.UnixDomainSocketConnection, path=socket_path,
                                        decode_responses=True, protocol=2, parser_class=BudgetParser,
                                        socket_timeout=None, socket_connect_timeout=None)
            store = cls(FalkorDB(connection_pool=pool), graph=graph, server=server,
                        location=f"embedded FalkorDB in {server.data_dir}")
            store.limit_query_memory(query_memory_mb)
        except BaseException:
            server.release()
            raise
        atexit.register(store.close)
        return store

    @classmethod
    def remote(cls, uri: str, *, graph: str = "xunshi") -> FalkorStore:
        parsed = urlparse(uri)
        try:
            pool = redis.ConnectionPool(host=parsed.hostname or "127.0.0.1", port=parsed.port or 6379,
                                        username=parsed.username, password=parsed.password,
                                        decode_responses=True, protocol=2, parser_class=BudgetParser,
                                        socket_timeout=None, socket_connect_timeout=10)
            db = FalkorDB(connection_pool=pool)
            db.connection.ping()
        except (redis.RedisError, OSError) as exc:
            raise StoreError(f"cannot reach FalkorDB at {uri}: {exc}") from exc
        return cls(db, graph=graph, location=uri)

    def _result(self, res: Any, max_rows: int) -> QueryResult:
        columns = [h[1] if isinstance(h, (list, tuple)) else str(h) for h in (res.header or [])]
        rows = [[_plain(v) for v in row] for row in res.result_set[: max_rows + 1]]
        truncated = len(rows) > max_rows
        stats = {k: v for k, v in {
            "nodes_created": res.nodes_created, "nodes_deleted": res.nodes_deleted,
            "relationships_created": res.relationships_created,
            "relationships_deleted": res.relationships_deleted, "properties_set": res.properties_set,
        }.items() if v}
        return QueryResult(columns, rows[:max_rows], truncated, stats)

    def limit_query_memory(self, megabytes: int) -> None:
        """Hold every query to ``megabytes`` of the server's memory and to the bulk row cap (settings of the
        whole server: the embedded one only, an external server keeps its operator's)."""
        try:
            self.db.connection.execute_command("GRAPH.CONFIG", "SET", "QUERY_MEM_CAPACITY", megabytes * 1024 * 1024)
            self.db.connection.execute_command("GRAPH.CONFIG", "SET", "RESULTSET_SIZE", BULK_MAX_ROWS)
        except redis.RedisError as exc:
            raise StoreError(f"cannot set the query memory limit of {self.location}: {exc}") from exc

    def read(self, query: str, params: dict[str, Any] | None = None, *,
             timeout_ms: int = DEFAULT_TIMEOUT_MS, max_rows: int = DEFAULT_MAX_ROWS,
             max_bytes: int | None = None) -> QueryResult:
        try:
            with budget(max_bytes):
                res = self.graph.ro_query(query, params or {}, timeout=timeout_ms)
        except ReplyTooLarge as exc:
            raise ResultTooLargeError(f"the answer is larger than {exc.budget:,} bytes and was not read") from exc
        except redis.ResponseError as exc:
            message = str(exc)
            if "mem consumption exceeded capacity" in message:
                raise QueryMemoryError("the query needs more memory in the store than one query may take") from exc
            if message.strip().lower().startswith("query timed out"):  # not "'timeout' not defined"
                raise QueryTimeoutError(f"the query ran longer than {timeout_ms} ms and was stopped") from exc
            if "only on read-only queries" in message:
                raise ReadOnlyViolation("the store refused the query: it writes, and reads run read-only "
                                        "(GRAPH.RO_QUERY)") from exc
            raise QueryError(message) from exc
        except (redis.ConnectionError, OSError) as exc:
            raise StoreError(f"lost the connection to {self.location}: {exc}") from exc
        return self._result(res, max_rows)

    def write(self, query: str, params: dict[str, Any] | None = None) -> QueryResult:
        try:
            res = self.graph.query(query, params or {})
        except redis.ResponseError as exc:
            raise QueryError(str(exc)) from exc
        except (redis.ConnectionError, OSError) as exc:
            raise StoreError(f"lost the connection to {self.location}: {exc}") from exc
        return self._result(res, 10**9)

    def ensure_schema(self) -> None:
        for statement in schema_statements("falkordb"):
            try:
                self.graph.query(statement)
            except redis.ResponseError as exc:
                if "already indexed" not in str(exc):
                    raise StoreError(f"cannot create index ({statement}): {exc}") from exc

    def close(self) -> None:
        if self._closed:
            return
        self._closed = True
        try:
            self.db.connection.close()
        except Exception:
            pass
        if self.server is not None:
            self.server.release()


def _plain(value: Any) -> Any:
    """Nodes, edges and paths as plain JSON-able values."""
    from falkordb import Edge, Node
    from falkordb import Path as FPath

    if isinstance(value, Node):
        return {"labels": [x for x in value.labels if x != "Entity"], "properties": dict(value.properties)}
    if isinstance(value, Edge):
        return {"type": value.relation, "properties": dict(value.properties)}
    if isinstance(value, FPath):
        return {"nodes": [_plain(n) for n in value.nodes()], "edges": [_plain(e) for e in value.edges()]}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    return value
