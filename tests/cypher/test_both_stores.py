"""The same seeds on the embedded FalkorDB and on a real Neo4j give the same answers: every named read
query of cypher/, and the services on top of them (stats, recurrence, search, analyses, exports)."""

from __future__ import annotations

import json
import uuid
from collections.abc import Iterator
from typing import Any

import pytest

from api.services import analysis, recurring, stats
from graph import queries
from graph.errors import ReadOnlyViolation
from graph.export import selection
from graph.falkordb_store import FalkorStore
from graph.ingest import ingest
from graph.neo4j_store import Neo4jStore
from graph.readonly import check_read_only
from graph.search_index import index_for
from loaders.pipeline import expand
from tests.conftest import SEEDS, needs_shared, open_neo4j
from tests.cypher.test_every_query import _value

pytestmark = [needs_shared, pytest.mark.neo4j]

#: Queries whose answers name each store's own internal node ids, or the time of its writes: equal in
#: columns, not in values.
STORE_IDS = {"export_node_id_range", "export_nodes", "export_relationships_from"}
WRITE_TIMES = {"graph_fingerprint", "similar_stamp"}


@pytest.fixture(scope="module")
def both(_server_store: FalkorStore, neo4j_uri: str) -> Iterator[tuple[FalkorStore, Neo4jStore]]:
    falkor = FalkorStore(_server_store.db, graph=f"both{uuid.uuid4().hex[:8]}", location="both")
    neo = open_neo4j(neo4j_uri)
    for store in (falkor, neo):
        assert ingest(store, expand([SEEDS])).ok
    yield falkor, neo
    falkor.graph.delete()
    neo.close()


def _canonical(rows: list[list[Any]]) -> list[str]:
    """Rows as sorted JSON, lists inside sorted too: the stores may order ties differently."""
    def plain(value: Any) -> Any:
        if isinstance(value, dict):
            return {k: plain(v) for k, v in sorted(value.items()) if k != "id" or not isinstance(v, int)}
        if isinstance(value, list):
            return sorted((plain(v) for v in value), key=lambda v: json.dumps(v, sort_keys=True, default=str))
        if isinstance(value, float):
            return round(value, 6)
        return value
    return sorted(json.dumps(plain(r), sort_keys=True, ensure_ascii=False, default=str) for r in rows)


def _reads_only(name: str) -> bool:
    try:
        check_read_only(queries.get(name).text)
    except ReadOnlyViolation:
        return False  # a write: test_every_query.py runs it on an empty graph of each store
    return True


READS = [q.name for q in queries.all_queries()
         if q.name not in ("write_document", "write_new_document") and _reads_only(q.name)]


@pytest.mark.parametrize("name", READS)
def test_every_named_read_gives_the_same_rows_on_both_stores(both: tuple[FalkorStore, Neo4jStore],
                                                            name: str) -> None:
    query = queries.get(name)
    params = {p: _value(p) for p in query.parameters}
    answers = [store.read(query.text, params, max_rows=100_000) for store in both]
    assert answers[0].columns == answers[1].columns
    if name not in STORE_IDS | WRITE_TIMES:
        assert _canonical(answers[0].rows) == _canonical(answers[1].rows)


def test_stats_recurrence_search_analyses_and_exports_agree(both: tuple[FalkorStore, Neo4jStore]) -> None:
    falkor, neo = both
    assert stats.stats(store=falkor) == stats.stats(store=neo)
    for target in (None, "漾濞彝族自治县"):
        one = recurring.recurring(store=falkor, target=target)
        other = recurring.recurring(store=neo, target=target)
        assert one.model_dump() == other.model_dump()
    hits = [[(h.label, h.key, h.score) for h in index_for(store).search("漾濞")] for store in both]
    assert hits[0] and hits[0] == hits[1]
    assert analysis.central(store=falkor).model_dump() == analysis.central(store=neo).model_dump()
    graphs = [selection.select(store) for store in both]
    assert sorted(graphs[0].nodes) == sorted(graphs[1].nodes)
    assert sorted((u, v, k) for u, v, k in graphs[0].edges(keys=True)) == \
        sorted((u, v, k) for u, v, k in graphs[1].edges(keys=True))
