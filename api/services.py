"""Service functions shared by the HTTP routes and the CLI: they take a store and
return plain models; neither the routes nor the CLI query the store themselves."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel

from graph import queries
from graph.readonly import check_read_only
from graph.store import DEFAULT_MAX_ROWS, DEFAULT_TIMEOUT_MS, Store


class Stats(BaseModel):
    labels: dict[str, int]
    relationships: dict[str, int]


class CypherResult(BaseModel):
    columns: list[str]
    rows: list[list[Any]]
    truncated: bool


def stats(*, store: Store) -> Stats:
    labels = store.read(queries.get("stats_labels").text)
    rels = store.read(queries.get("stats_relationships").text)
    return Stats(labels={r[0]: r[1] for r in labels.rows}, relationships={r[0]: r[1] for r in rels.rows})


def run_cypher(*, store: Store, query: str, parameters: dict[str, Any] | None = None,
               timeout_ms: int = DEFAULT_TIMEOUT_MS, max_rows: int = DEFAULT_MAX_ROWS) -> CypherResult:
    check_read_only(query)
    result = store.read(query, parameters or {}, timeout_ms=timeout_ms, max_rows=max_rows)
    return CypherResult(columns=result.columns, rows=result.rows, truncated=result.truncated)


def run_named(*, store: Store, name: str, parameters: dict[str, Any] | None = None,
              timeout_ms: int = DEFAULT_TIMEOUT_MS, max_rows: int = DEFAULT_MAX_ROWS) -> CypherResult:
    query = queries.get(name)
    result = store.read(query.text, parameters or {}, timeout_ms=timeout_ms, max_rows=max_rows)
    return CypherResult(columns=result.columns, rows=result.rows, truncated=result.truncated)
