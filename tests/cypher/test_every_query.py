"""Every named query of cypher/ runs on an empty embedded graph (reads through the read path, writes as writes)."""

from __future__ import annotations

from typing import Any

import pytest

from graph import queries
from graph.errors import ReadOnlyViolation
from graph.falkordb_store import FalkorStore
from graph.readonly import check_read_only
from graph.writer import write_document
from loaders.extract import extract
from loaders.load import load_text

LISTS = {"docs", "uids", "categories", "keys", "ids", "labels", "codes", "rows", "nodes", "rels", "statements"}


def _value(name: str) -> Any:
    if name in ("offset", "after", "skip"):
        return 0
    if name in ("limit", "upto", "max_hops", "depth"):
        return 10
    if name in LISTS or (name.endswith("s") and name not in ("status", "threshold")):
        return []
    return None


@pytest.mark.parametrize("name", [q.name for q in queries.all_queries()])
def test_every_named_query_runs_on_an_empty_graph(store: FalkorStore, name: str) -> None:
    if name in ("write_document", "write_new_document"):  # rows of a record as parameters: through the writer
        doc = load_text("市委第一巡察组向青石镇党委反馈巡察情况。巡察发现，该镇财务管理不规范。")
        assert write_document(store, doc, extract(doc)).status == "ingested"  # new: write_new_document
        assert write_document(store, doc, extract(doc), force=True).status == "replaced"  # again: write_document
        return
    query = queries.get(name)
    params = {p: _value(p) for p in query.parameters}
    try:
        check_read_only(query.text)
    except ReadOnlyViolation:
        result = store.write(query.text, params)
    else:
        result = store.read(query.text, params)
    assert result.columns is not None
    assert len(result.rows) <= 1, "an empty graph has at most one row of counts"
