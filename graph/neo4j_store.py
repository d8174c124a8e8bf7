"""Neo4j 5 (single server, cluster or Aura) as the store, through the official ``neo4j`` driver.

One driver per store (one store per process), managed transactions with the driver's retries for
transient errors: reads in ``execute_read`` (READ access mode: routed to followers in a cluster, and
Neo4j refuses any write in them), one ``execute_write`` per statement (the writer sends one statement
per document). Every session shares one bookmark manager, so a read sees the writes this process made
before it, on any cluster member.

FalkorDB's experimental Bolt port speaks enough of the protocol to run this code path in the tests;
what it lacks is listed in docs/neo4j.md and handled by :class:`Dialect`.
"""

from __future__ import annotations

import json
import logging
import time
from dataclasses import dataclass
from typing import Any
from urllib.parse import unquote, urlparse, urlunparse

import neo4j
from neo4j import exceptions as nx

from graph.errors import QueryError, QueryTimeoutError, ReadOnlyViolation, ResultTooLargeError, StoreError
from graph.queries import schema_statements
from graph.reply_budget import ReplyTooLarge
from graph.store import DEFAULT_MAX_ROWS, DEFAULT_TIMEOUT_MS, Neo4jOptions, QueryResult, Store

log = logging.getLogger(__name__)

SCHEMES = ("neo4j", "neo4j+s", "neo4j+ssc", "bolt", "bolt+s", "bolt+ssc")
_COUNTERS = ("nodes_created", "nodes_deleted", "relationships_created", "relationships_deleted",
             "properties_set", "labels_added", "labels_removed", "indexes_added", "constraints_added")


@dataclass(frozen=True)
class Neo4jTarget:
    """Where to connect: the URI without credentials, the user and password, and the database."""

    uri: str
    user: str | None
    password: str | None
    database: str

    @classmethod
    def parse(cls, store_uri: str, settings: Neo4jOptions | None = None) -> Neo4jTarget:
        """Split ``neo4j://user:password@host:7687`` into a driver URI and credentials."""
        settings = settings or Neo4jOptions()
        parsed = urlparse(store_uri)
        if parsed.scheme not in SCHEMES:
            raise StoreError(f"{store_uri!r} is not a Neo4j URI: the scheme must be one of "
                             f"{', '.join(s + '://' for s in SCHEMES)}")
        if not parsed.hostname:
            raise StoreError(f"the Neo4j URI {_redact(store_uri)} names no host")
        if parsed.path not in ("", "/"):
            raise StoreError(f"the Neo4j URI {_redact(store_uri)} has a path; name the database with "
                             f"XUNSHI_NEO4J_DATABASE instead")
        netloc = parsed.hostname if parsed.port is None else f"{parsed.hostname}:{parsed.port}"
        if ":" in parsed.hostname:  # IPv6
            netloc = f"[{parsed.hostname}]" + (f":{parsed.port}" if parsed.port else "")
        uri = urlunparse((parsed.scheme, netloc, "", "", parsed.query, ""))
        user = unquote(parsed.username) if parsed.username else settings.user
        password = unquote(parsed.password) if parsed.password is not None else settings.password
        if not settings.database:
            raise StoreError("XUNSHI_NEO4J_DATABASE is empty: name the database (Neo4j's default is 'neo4j')")
        return cls(uri, user, password, settings.database)

    @property
    def auth(self) -> tuple[str, str] | None:
        if self.user is None and self.password is None:
            return None
        return (self.user or "neo4j", self.password or "")

    def where(self) -> str:
        return f"{self.uri} (database {self.database!r})"


@dataclass(frozen=True)
class Dialect:
    """What the server on the other end can do: the one place where Neo4j and FalkorDB's Bolt differ.

    ``schema`` names the schema file (``cypher/<schema>/schema.cypher``); ``enforces_read_only`` says
    whether a READ transaction refuses writes on the server; ``tx_timeout`` whether transaction
    timeouts are honoured; ``atomic_tx`` whether a failed transaction function rolls back;
    ``inline_params`` whether parameters travel in a ``CYPHER name=value ...`` header (FalkorDB's own
    way) instead of as Bolt parameters: FalkorDB 4.16's Bolt port crashes on parameters over ~4 KB.
    """

    name: str
    schema: str
    enforces_read_only: bool
    tx_timeout: bool
    atomic_tx: bool
    inline_params: bool

    def statement(self, query: str, params: dict[str, Any]) -> tuple[str, dict[str, Any]]:
        """The query and parameters as this server must receive them."""
        if not self.inline_params or not params:
            return query, params
        from falkordb.helpers import stringify_param_value

        header = " ".join(f"{name}={stringify_param_value(value)}" for name, value in params.items())
        return f"CYPHER {header} {query}", {}


NEO4J = Dialect("neo4j", schema="neo4j", enforces_read_only=True, tx_timeout=True, atomic_tx=True,
                inline_params=False)
FALKORDB_BOLT = Dialect("falkordb-bolt", schema="falkordb", enforces_read_only=False, tx_timeout=False,
                        atomic_tx=False, inline_params=True)


class Neo4jStore(Store):
    """The store on a Neo4j server (or anything speaking Bolt the way Neo4j does)."""

    name = "neo4j"

    def __init__(self, target: Neo4jTarget, *, dialect: Dialect | None = None, connect_attempts: int = 3,
                 connection_timeout: float = 10.0, retry_time: float = 15.0) -> None:
        self.target = target
        self.location = target.where()
        try:
            self.driver = neo4j.GraphDatabase.driver(
                target.uri, auth=target.auth, user_agent="xunshi",
                connection_timeout=connection_timeout, connection_acquisition_timeout=connection_timeout * 3,
                max_transaction_retry_time=retry_time)
        except (ValueError, nx.ConfigurationError) as exc:
            raise StoreError(f"cannot use the Neo4j URI {target.uri}: {exc}") from exc
        self.bookmarks = neo4j.GraphDatabase.bookmark_manager()
        self._closed = False
        try:
            self._connect(connect_attempts)
            self.dialect = dialect or self._detect_dialect()
            self.ensure_schema()
        except BaseException:
            self.close()
            raise

    @classmethod
    def open(cls, store_uri: str, settings: Neo4jOptions | None = None, **kwargs: Any) -> Neo4jStore:
        """Connect to ``store_uri`` with credentials and database from the URI or the environment."""
        settings = settings or Neo4jOptions()
        kwargs.setdefault("connection_timeout", settings.connection_timeout)
        return cls(Neo4jTarget.parse(store_uri, settings), **kwargs)

    # -- connecting ---------------------------------------------------------------------------------
    def _connect(self, attempts: int) -> None:
        """Check the server answers; a failed handshake is retried (FalkorDB's Bolt drops some)."""
        for attempt in range(1, attempts + 1):
            try:
                with self._session(neo4j.READ_ACCESS) as session:  # verify_connectivity(database=) is a preview
                    session.run("RETURN 1").consume()
                return
            except nx.AuthError as exc:
                raise StoreError(f"authentication failed for user {self.target.user or 'neo4j'!r} at "
                                 f"{self.location}: {_message(exc)}") from exc
            except (nx.ServiceUnavailable, nx.SessionExpired, OSError) as exc:
                if attempt == attempts:
                    raise StoreError(f"cannot reach Neo4j at {self.location}: {_message(exc)}") from exc
                time.sleep(0.2 * attempt)
            except nx.Neo4jError as exc:
                raise self._error(exc) from exc

    def _detect_dialect(self) -> Dialect:
        """Neo4j answers ``dbms.components()``; FalkorDB's Bolt (which calls itself Neo4j/5.13) does not."""
        try:
            rows = self._run_read("CALL dbms.components() YIELD name RETURN name", {}, 1, 10_000)[1]
        except (QueryError, StoreError):
            rows = []
        if rows and "neo4j" in str(rows[0][0]).lower():
            return NEO4J
        log.warning("%s does not answer dbms.components(): treating it as FalkorDB's Bolt port", self.location)
        return FALKORDB_BOLT

    def _session(self, mode: str) -> neo4j.Session:
        # Always name the database: FalkorDB's Bolt once hung on a session without one, and Neo4j
        # would otherwise spend a round trip resolving the home database.
        return self.driver.session(database=self.target.database, default_access_mode=mode,
                                   bookmark_manager=self.bookmarks)

    # -- the Store interface ------------------------------------------------------------------------
    def read(self, query: str, params: dict[str, Any] | None = None, *,
             timeout_ms: int = DEFAULT_TIMEOUT_MS, max_rows: int = DEFAULT_MAX_ROWS,
             max_bytes: int | None = None) -> QueryResult:
        columns, rows, truncated = self._run_read(query, params or {}, max_rows, timeout_ms, max_bytes)
        return QueryResult(columns, rows, truncated)

    def write(self, query: str, params: dict[str, Any] | None = None) -> QueryResult:
        query, params = self.dialect.statement(query, params or {})
        try:
            with self._session(neo4j.WRITE_ACCESS) as session:
                columns, rows, stats = session.execute_write(_write_work, query, params)
        except nx.Neo4jError as exc:
            raise self._error(exc) from exc
        except nx.DriverError as exc:
            raise StoreError(f"lost the connection to {self.location}: {_message(exc)}") from exc
        return QueryResult(columns, rows, False, stats)

    def ensure_schema(self) -> None:
        """Constraints and indexes of ``cypher/<dialect.schema>/schema.cypher``, idempotently."""
        statements = schema_statements(self.dialect.schema)
        if self.dialect is FALKORDB_BOLT:
            statements = self._missing_falkordb_indexes(statements)
        for statement in statements:
            try:
                with self._session(neo4j.WRITE_ACCESS) as session:
                    session.execute_write(_write_work, statement, {})
            except nx.Neo4jError as exc:
                raise StoreError(f"cannot create the schema on {self.location} ({statement}): "
                                 f"{_message(exc)}") from exc

    def close(self) -> None:
        if self._closed:
            return
        self._closed = True
        try:
            self.driver.close()
        except Exception:  # pragma: no cover - closing a broken driver
            pass

    # -- internals ----------------------------------------------------------------------------------
    def _run_read(self, query: str, params: dict[str, Any], max_rows: int,
                  timeout_ms: int, max_bytes: int | None = None) -> tuple[list[str], list[list[Any]], bool]:
        work = neo4j.unit_of_work(timeout=max(timeout_ms, 1) / 1000)(_read_work)
        dialect = getattr(self, "dialect", NEO4J)  # not known yet while it is being detected
        query, params = dialect.statement(query, params)
        try:
            with self._session(neo4j.READ_ACCESS) as session:
                return session.execute_read(work, query, params, max_rows, max_bytes)
        except ReplyTooLarge as exc:
            raise ResultTooLargeError(f"the answer is larger than {exc.budget:,} bytes and was not read") from exc
        except nx.Neo4jError as exc:
            raise self._error(exc, timeout_ms=timeout_ms) from exc
        except nx.DriverError as exc:
            raise StoreError(f"lost the connection to {self.location}: {_message(exc)}") from exc

    def _missing_falkordb_indexes(self, statements: list[str]) -> list[str]:
        """FalkorDB over Bolt reports "already indexed" only as an unknown error: skip what exists."""
        rows = self._run_read("CALL db.indexes() YIELD label, properties RETURN label, properties", {},
                              10_000, 10_000)[1]
        have = {(label, prop) for label, props in rows for prop in props}
        missing = []
        for statement in statements:
            label = statement.split("(n:", 1)[1].split(")", 1)[0]
            prop = statement.rsplit("(n.", 1)[1].split(")", 1)[0]
            if (label, prop) not in have:
                missing.append(statement)
        return missing

    def _error(self, exc: nx.Neo4jError, *, timeout_ms: int | None = None) -> Exception:
        code = exc.code or ""
        message = _message(exc)
        if isinstance(exc, nx.AuthError) or ".Security." in code:
            return StoreError(f"authentication failed for user {self.target.user or 'neo4j'!r} at "
                              f"{self.location}: {message}")
        if "DatabaseNotFound" in code:
            return StoreError(f"the database {self.target.database!r} does not exist at {self.target.uri}: "
                              f"{message}")
        if "AccessMode" in code or "WriteOnReadOnlyAccessDatabase" in code or "ForbiddenOnReadOnly" in code:
            return ReadOnlyViolation(f"the store refused the query: it writes, and reads run in READ "
                                     f"transactions on {self.location}")
        if "TransactionTimedOut" in code or "Transaction.TransactionTimedOut" in code:
            return QueryTimeoutError(f"the query ran longer than {timeout_ms} ms and was stopped")
        if code == "Neo.DatabaseError.General.UnknownError" and self.dialect_name() == "falkordb-bolt":
            return QueryError(f"{self.location} refused the query (FalkorDB's Bolt port gives no reason: "
                              f"run it on the native FalkorDB path to see why)")
        return QueryError(f"{code}: {message}" if code else message)

    def dialect_name(self) -> str:
        dialect = getattr(self, "dialect", None)
        return dialect.name if dialect else "unknown"


def _read_work(tx: neo4j.ManagedTransaction, query: str, params: dict[str, Any],
               max_rows: int, max_bytes: int | None = None) -> tuple[list[str], list[list[Any]], bool]:
    result = tx.run(query, params)
    columns = list(result.keys())
    rows: list[list[Any]] = []
    truncated = False
    size = 0
    for record in result:  # the driver streams records in batches: stop at the row cap or the byte budget
        if len(rows) >= max_rows:
            truncated = True
            break
        rows.append([plain(v) for v in record.values()])
        if max_bytes is not None:
            size += len(json.dumps(rows[-1], ensure_ascii=False, default=str).encode())
            if size > max_bytes:
                raise ReplyTooLarge(max_bytes)
    return columns, rows, truncated


def _write_work(tx: neo4j.ManagedTransaction, query: str,
                params: dict[str, Any]) -> tuple[list[str], list[list[Any]], dict[str, float]]:
    result = tx.run(query, params)
    columns = list(result.keys())
    rows = [[plain(v) for v in record.values()] for record in result]
    counters = result.consume().counters
    stats = {name: float(getattr(counters, name, 0)) for name in _COUNTERS if getattr(counters, name, 0)}
    return columns, rows, stats


def plain(value: Any) -> Any:
    """Nodes, relationships, paths and temporal values as plain JSON-able values, shaped as the
    FalkorDB store shapes them (``graph/falkordb_store.py``)."""
    from neo4j.graph import Node, Path, Relationship

    if isinstance(value, Node):
        return {"labels": sorted(x for x in value.labels if x != "Entity"),
                "properties": {k: plain(v) for k, v in value.items()}}
    if isinstance(value, Relationship):
        return {"type": value.type, "properties": {k: plain(v) for k, v in value.items()}}
    if isinstance(value, Path):
        return {"nodes": [plain(n) for n in value.nodes], "edges": [plain(r) for r in value.relationships]}
    if isinstance(value, list | tuple):
        return [plain(v) for v in value]
    if isinstance(value, dict):
        return {k: plain(v) for k, v in value.items()}
    if hasattr(value, "iso_format"):  # neo4j.time Date, DateTime, Time, Duration
        return value.iso_format()
    return value


def _message(exc: BaseException) -> str:
    return str(getattr(exc, "message", None) or exc).splitlines()[0]


def _redact(uri: str) -> str:
    parsed = urlparse(uri)
    if parsed.password is None:
        return uri
    return uri.replace(f":{parsed.password}@", ":***@", 1)
