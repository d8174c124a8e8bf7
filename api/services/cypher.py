"""Cypher for callers: a user's read-only query (checked by ``graph/readonly.py``), or one of the named
queries of ``cypher/``, with a time limit and a row cap."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel

from graph import queries
from graph.readonly import check_read_only
from graph.row_cap import capped
from graph.store import DEFAULT_MAX_RESULT_BYTES, DEFAULT_MAX_ROWS, DEFAULT_TIMEOUT_MS, Store


class CypherResult(BaseModel):
    columns: list[str]
    rows: list[list[Any]]
    truncated: bool


def run_cypher(*, store: Store, query: str, parameters: dict[str, Any] | None = None,
               timeout_ms: int = DEFAULT_TIMEOUT_MS, max_rows: int = DEFAULT_MAX_ROWS,
               max_bytes: int = DEFAULT_MAX_RESULT_BYTES) -> CypherResult:
    """A user's query: refused if it writes; its answer held to ``max_rows`` rows and ``max_bytes`` bytes."""
    check_read_only(query)
    # The store stops at the cap (one row more tells the answer was cut), not after computing every row.
    result = store.read(capped(query, max_rows + 1), parameters or {}, timeout_ms=timeout_ms, max_rows=max_rows,
                        max_bytes=max_bytes)
    return CypherResult(columns=result.columns, rows=result.rows, truncated=result.truncated)


def run_named(*, store: Store, name: str, parameters: dict[str, Any] | None = None,
              timeout_ms: int = DEFAULT_TIMEOUT_MS, max_rows: int = DEFAULT_MAX_ROWS) -> CypherResult:
    query = queries.get(name)
    result = store.read(query.text, parameters or {}, timeout_ms=timeout_ms, max_rows=max_rows)
    return CypherResult(columns=result.columns, rows=result.rows, truncated=result.truncated)
