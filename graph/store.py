"""The store interface every backend implements, and the choice of backend by URI."""

from __future__ import annotations

from abc import ABC, abstractmethod
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from graph.errors import StoreError

DEFAULT_TIMEOUT_MS = 5000
DEFAULT_MAX_ROWS = 10_000
#: Most bytes of one answer a user's query (POST /cypher, ``xunshi cypher``) may bring into this process.
DEFAULT_MAX_RESULT_BYTES = 32 * 1024 * 1024
#: Most memory one query may take inside the embedded FalkorDB server.
DEFAULT_QUERY_MEMORY_MB = 1024
# The named exception to those limits: internal reads that must see the whole graph (linking, the analyses'
# problem graph, the search index, recurrence over every target, exports). See Store.read_bulk.
BULK_TIMEOUT_MS = 300_000
BULK_MAX_ROWS = 10_000_000


@dataclass
class QueryResult:
    columns: list[str]
    rows: list[list[Any]]
    truncated: bool = False
    stats: dict[str, float] = field(default_factory=dict)

    def records(self) -> list[dict[str, Any]]:
        return [dict(zip(self.columns, row, strict=False)) for row in self.rows]


class Store(ABC):
    """A graph store: read-only queries, one write per document, close."""

    name = "store"

    @abstractmethod
    def read(self, query: str, params: dict[str, Any] | None = None, *,
             timeout_ms: int = DEFAULT_TIMEOUT_MS, max_rows: int = DEFAULT_MAX_ROWS,
             max_bytes: int | None = None) -> QueryResult:
        """Run a query that cannot write; the store itself refuses writes. ``max_bytes`` bounds the size of
        the answer read into this process (:class:`~graph.errors.ResultTooLargeError` beyond it)."""

    def read_bulk(self, query: str, params: dict[str, Any] | None = None) -> QueryResult:
        """An internal read over the whole graph, with the bulk limits instead of a request's."""
        return self.read(query, params, timeout_ms=BULK_TIMEOUT_MS, max_rows=BULK_MAX_ROWS)

    @abstractmethod
    def write(self, query: str, params: dict[str, Any] | None = None) -> QueryResult:
        """Run one statement as one transaction."""

    @abstractmethod
    def ensure_schema(self) -> None:
        """Create the indexes on every key (idempotent)."""

    @abstractmethod
    def close(self) -> None: ...

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


NEO4J_SCHEMES = ("neo4j://", "neo4j+s://", "neo4j+ssc://", "bolt://", "bolt+s://", "bolt+ssc://")


@dataclass(frozen=True)
class Neo4jOptions:
    """Credentials and database of the Neo4j backend, as the one ``Settings`` gives them
    (``XUNSHI_NEO4J_USER``, ``_PASSWORD``, ``_DATABASE``, ``_CONNECTION_TIMEOUT``). A user and password in
    the URI win."""

    user: str | None = None
    password: str | None = None
    database: str = "neo4j"
    connection_timeout: float = 10.0


def open_store(store: str | None = None, *, data_dir: str | Path = "data", graph: str = "xunshi",
               neo4j: Neo4jOptions | None = None, query_memory_mb: int = DEFAULT_QUERY_MEMORY_MB) -> Store:
    """The embedded store of ``data_dir`` by default; ``falkordb://host:port`` for an external FalkorDB;
    ``neo4j://``, ``neo4j+s://`` or ``bolt://`` URIs for Neo4j (user and password from the URI or ``neo4j``,
    the database from ``neo4j``; ``graph`` is not used). ``query_memory_mb`` bounds each query of the
    embedded store (an external server keeps its own configuration). ``api/settings.py`` builds ``neo4j``
    from the environment."""
    if not store or store in ("embedded", "falkordb+embedded://"):
        from graph.falkordb_store import FalkorStore

        return FalkorStore.embedded(data_dir, graph=graph, query_memory_mb=query_memory_mb)
    if store.startswith(("falkordb://", "redis://")):
        from graph.falkordb_store import FalkorStore

        return FalkorStore.remote(store, graph=graph)
    if store.startswith(NEO4J_SCHEMES):
        from graph.neo4j_store import Neo4jStore

        return Neo4jStore.open(store, neo4j)
    raise StoreError(f"unknown store URI {store!r}: use falkordb://host:port, neo4j://host:7687, "
                     f"neo4j+s://host or bolt://host:7687, or leave it out for the embedded store in --data")
