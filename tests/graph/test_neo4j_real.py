"""The Neo4j backend against a real Neo4j 5: the session's harness (``tests/neo4j_server.py``), or a server
of your own named by ``NEO4J_URI``:

    NEO4J_URI=neo4j://localhost:7687 NEO4J_USER=neo4j NEO4J_PASSWORD=... [NEO4J_DATABASE=neo4j] \\
        .venv/bin/pytest -m neo4j

THE TESTS EMPTY THAT DATABASE: point them at a throwaway one. They cover what FalkorDB's Bolt port cannot
(tests/graph/test_neo4j_bolt.py): the Neo4j schema, READ transactions refusing writes, transaction
timeouts, bookmarks, every named query compiling on Neo4j, the MERGE script loading through the driver,
and the same stats and recurring-issues answer as the embedded FalkorDB.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from api.services.recurring import recurring
from api.services.stats import stats as graph_stats
from graph import queries
from graph.errors import QueryError, ReadOnlyViolation
from graph.export import write_cypher_script
from graph.falkordb_store import FalkorStore
from graph.ingest import ingest
from graph.neo4j_store import NEO4J, Neo4jStore
from graph.readonly import check_read_only
from loaders.pipeline import expand
from tests.conftest import SEEDS, needs_shared, open_neo4j

pytestmark = [needs_shared, pytest.mark.neo4j]


def _wipe(store: Neo4jStore) -> None:
    store.write("MATCH (n) DETACH DELETE n")


@pytest.fixture(scope="module")
def neo(neo4j_uri: str) -> Iterator[Neo4jStore]:
    store = open_neo4j(neo4j_uri)
    yield store
    _wipe(store)
    store.close()


@pytest.fixture(scope="module")
def native(_server_store: FalkorStore) -> Iterator[FalkorStore]:
    store = FalkorStore(_server_store.db, graph="neo4j-real-native", location="native")
    assert ingest(store, expand([SEEDS])).ok
    yield store
    store.graph.delete()


def test_it_is_neo4j_with_the_whole_schema(neo: Neo4jStore) -> None:
    assert neo.dialect is NEO4J
    names = {row[0] for row in neo.read("SHOW CONSTRAINTS YIELD name RETURN name").rows}
    assert {"entity_uid", "document_id", "team_key", "region_code", "person_key", "issue_id"} <= names
    indexes = {row[0] for row in neo.read("SHOW INDEXES YIELD name RETURN name").rows}
    assert {"document_source", "issue_category", "entity_text"} <= indexes
    neo.ensure_schema()  # IF NOT EXISTS: again without error


def test_every_named_query_compiles_on_neo4j(neo: Neo4jStore) -> None:
    for query in queries.all_queries():
        params = dict.fromkeys(query.parameters)
        params.update({k: 0 for k in ("offset", "limit", "after", "max_hops") if k in params})
        params.update({k: [] for k in ("uids", "docs", "replace") if k in params})
        runner = neo.write if query.name in ("write_document", "delete_document") else neo.read
        try:
            runner("EXPLAIN " + query.text, params)
        except QueryError as exc:
            pytest.fail(f"{query.name}: {exc}")


def test_seeds_give_the_same_stats_and_recurring_issues(neo: Neo4jStore, native: FalkorStore) -> None:
    summary = ingest(neo, expand([SEEDS]))
    assert summary.ok and len(summary.ingested) == 5
    assert graph_stats(store=neo) == graph_stats(store=native)
    for target in ("漾濞县", None):
        assert recurring(store=neo, target=target).count == recurring(store=native, target=target).count
    assert len(ingest(neo, expand([SEEDS])).unchanged) == 5
    assert neo.bookmarks.get_bookmarks(), "writes leave bookmarks that later sessions wait for"


def test_read_transactions_refuse_writes(neo: Neo4jStore) -> None:
    with pytest.raises(ReadOnlyViolation):
        neo.read("CREATE (:Probe) RETURN 1")
    assert neo.read("MATCH (p:Probe) RETURN count(p)").rows == [[0]]


def test_reads_stop_at_their_timeout(neo: Neo4jStore) -> None:
    with pytest.raises(QueryError, match="ran longer than 200 ms"):
        neo.read("UNWIND range(1, 100000000) AS i WITH i WHERE i % 7 = 3 RETURN count(i)", timeout_ms=200)


def test_the_merge_script_loads_through_the_driver(neo: Neo4jStore, native: FalkorStore, tmp_path: Path) -> None:
    script = tmp_path / "graph.cypher"
    write_cypher_script(native, script)
    _wipe(neo)
    for _ in range(2):  # idempotent
        rows = None
        for line in script.read_text(encoding="utf-8").splitlines():
            if line.startswith("//"):
                continue
            if line.startswith(":param {rows: "):
                rows = line[len(":param {rows: "):-1]
                continue
            neo.write(line[:-1].replace("$rows", rows) if rows else line[:-1])
            rows = None
        assert graph_stats(store=neo) == graph_stats(store=native)


def test_uniqueness_constraints_refuse_a_second_node_with_a_key(neo: Neo4jStore) -> None:
    neo.write("MERGE (:Entity:Region {uid: 'Region:999999', code: '999999', name: '试验县'})")
    with pytest.raises(QueryError, match=r"ConstraintValidationFailed|already exists"):
        neo.write("CREATE (:Entity:Region {uid: 'Region:999999', code: '999999', name: '重复'})")
    assert neo.read("MATCH (r:Region {code: '999999'}) RETURN r.name").rows == [["试验县"]]
    neo.write("MATCH (r:Region {code: '999999'}) DETACH DELETE r")


def test_the_cjk_full_text_index_serves_cypher_on_neo4j(neo: Neo4jStore) -> None:
    """The product's own search is the fuzzy index of graph/search_index.py on both stores (it forgives
    Traditional characters and typos); on Neo4j the CJK full-text index answers users' Cypher too."""
    if not neo.read("MATCH (d:Document) RETURN count(d)").rows[0][0]:
        assert ingest(neo, expand([SEEDS])).ok
    neo.write("CALL db.awaitIndexes(60)")
    query = ("CALL db.index.fulltext.queryNodes('entity_text', '漾濞') YIELD node, score "
             "RETURN labels(node) AS labels, coalesce(node.name, node.text) AS name ORDER BY score DESC LIMIT 50")
    check_read_only(query)  # the guard lets it through
    rows = neo.read(query).rows
    assert rows and all("漾濞" in name for _, name in rows)
    assert ["Region"] in [[label for label in labels if label != "Entity"] for labels, _ in rows]
