"""The Neo4j backend, driver and all, against FalkorDB's experimental Bolt port.

The seeds go in through ``bolt://127.0.0.1:<port>`` (graph/neo4j_store.py: the official driver, managed
transactions, bookmarks) and, on the same server, through the native FalkorDB path into a graph of its
own; the stats, the entities and the recurring-issues answer must be the same. What FalkorDB's Bolt port
lacks compared with Neo4j is said where it matters, covered another way here, and checked for real in
tests/graph/test_neo4j_real.py (NEO4J_URI); docs/neo4j.md lists every gap.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from falkordb import FalkorDB

from api.services import analysis
from api.services.cypher import run_cypher
from api.services.recurring import recurring
from api.services.stats import stats as graph_stats
from graph import queries
from graph.errors import ReadOnlyViolation, StoreError
from graph.export import selection
from graph.falkordb_store import FalkorStore
from graph.ingest import ingest
from graph.neo4j_store import FALKORDB_BOLT, Neo4jOptions, Neo4jStore, Neo4jTarget
from graph.rows import LABELS
from graph.store import open_store
from loaders.pipeline import expand
from tests.conftest import ROOT, SEEDS, needs_shared
from tests.graph.bolt_server import BoltServer, bolt_server

pytestmark = needs_shared
MODULE_SECONDS = 300


@pytest.fixture(scope="module", autouse=True)
def _time_limit() -> Iterator[None]:
    """Nothing here may hang on a Bolt handshake: the module, fixtures included, gets a hard limit."""
    def expired(signum: int, frame: Any) -> None:
        raise TimeoutError(f"the Bolt tests ran longer than {MODULE_SECONDS}s")

    previous = signal.signal(signal.SIGALRM, expired)
    signal.alarm(MODULE_SECONDS)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[BoltServer]:
    with bolt_server(tmp_path_factory.mktemp("bolt")) as running:
        yield running


@pytest.fixture(scope="module")
def native(server: BoltServer) -> Iterator[FalkorStore]:
    store = FalkorStore(FalkorDB(unix_socket_path=server.socket_path), graph="native", location="native")
    yield store
    store.close()


@pytest.fixture(scope="module")
def bolt(server: BoltServer) -> Iterator[Neo4jStore]:
    # FalkorDB's Bolt port stalls the handshake of a connection opened after another one closed, until
    # the client gives up; a short connection timeout and the driver's retries get past it.
    store = Neo4jStore(Neo4jTarget(server.uri, None, None, "xunshi"), connection_timeout=1.0)
    yield store
    store.close()


@pytest.fixture(scope="module")
def ingested(native: FalkorStore, bolt: Neo4jStore) -> None:
    for store in (native, bolt):
        summary = ingest(store, expand([SEEDS]))
        assert summary.ok and len(summary.ingested) == 5, (store.name, summary.failed)


def test_the_server_is_recognised_as_falkordbs_bolt_port(bolt: Neo4jStore) -> None:
    # It introduces itself as "Neo4j/5.13.0"; it does not answer dbms.components().
    assert bolt.driver.get_server_info().agent.startswith("Neo4j/")
    assert bolt.dialect is FALKORDB_BOLT


def test_seeds_through_bolt_give_the_native_stats(ingested: None, native: FalkorStore, bolt: Neo4jStore,
                                                  server: BoltServer) -> None:
    expected = graph_stats(store=native)
    assert expected.labels["Document"] == 5 and expected.relationships["MENTIONED_IN"] > 0
    assert graph_stats(store=bolt) == expected
    # Gap: FalkorDB's Bolt port serves its graph "falkordb" whatever database the driver names.
    seen_natively = FalkorStore(FalkorDB(unix_socket_path=server.socket_path), graph="falkordb")
    assert graph_stats(store=seen_natively) == expected


def test_every_entity_is_the_same_through_bolt(ingested: None, native: FalkorStore, bolt: Neo4jStore) -> None:
    text = queries.get("search_names").text

    def entities(store: Any) -> list[list[Any]]:
        rows = store.read(text, max_rows=100_000).rows
        return sorted([uid, sorted(labels), props] for uid, labels, props in rows)

    assert entities(bolt) == entities(native)


def test_recurring_issues_through_bolt_equal_native(ingested: None, native: FalkorStore, bolt: Neo4jStore) -> None:
    for target in ("漾濞县", None):
        expected = recurring(store=native, target=target)
        assert expected.count >= 1, target
        assert recurring(store=bolt, target=target) == expected


def test_analyses_through_bolt_equal_native(ingested: None, native: FalkorStore, bolt: Neo4jStore) -> None:
    # The near-duplicate links were written through the driver at ingest, like every other write.
    links = "MATCH (a:Issue)-[s:SIMILAR_TO]->(b:Issue) RETURN a.id, b.id, s.score, s.scope ORDER BY a.id, b.id"
    assert bolt.read(links).rows == native.read(links).rows != []
    central = analysis.central(store=native)
    assert central.clusters and central.unlinked_documents == 0
    assert analysis.central(store=bolt) == central
    assert analysis.communities(store=bolt) == analysis.communities(store=native)
    assert analysis.co_occurrence(store=bolt, max_p=1.0) == analysis.co_occurrence(store=native, max_p=1.0)
    assert analysis.similar(store=bolt, target="漾濞县") == analysis.similar(store=native, target="漾濞县")


def test_graph_exports_through_bolt_equal_native(ingested: None, native: FalkorStore, bolt: Neo4jStore) -> None:
    stamps = {"ingested_at", "similar_at"}  # when each copy was written

    def contents(store: Any, **filters: Any) -> tuple[list[str], list[str]]:
        graph = selection.select(store, **filters)
        found = sorted(json.dumps([n, {k: v for k, v in a.items() if k not in stamps}], ensure_ascii=False,
                                  sort_keys=True) for n, a in graph.nodes(data=True))
        edges = sorted(json.dumps([u, v, a], ensure_ascii=False, sort_keys=True)
                       for u, v, a in graph.edges(data=True))
        return found, edges

    for filters in ({}, {"region": "漾濞县"}, {"labels": ["Region", "Issue"], "since": "2019-01-01"}):
        expected = contents(native, **filters)
        assert expected[0] and expected[1], filters
        assert contents(bolt, **filters) == expected, filters


def test_ingesting_again_through_bolt_changes_nothing(ingested: None, native: FalkorStore, bolt: Neo4jStore) -> None:
    summary = ingest(bolt, expand([SEEDS]))
    assert len(summary.unchanged) == 5
    assert graph_stats(store=bolt) == graph_stats(store=native)


def test_large_parameters_travel_in_a_cypher_header(bolt: Neo4jStore) -> None:
    # Gap: FalkorDB 4.16's Bolt port crashes the server on parameters over about 4 KB, so this dialect
    # sends them as FalkorDB's own "CYPHER name=value" header; a real Neo4j gets Bolt parameters.
    query, params = FALKORDB_BOLT.statement("RETURN size($text) AS n", {"text": "漾濞" * 10_000})
    assert query.startswith("CYPHER text=") and params == {}
    assert bolt.read("RETURN size($text) AS n", {"text": "漾濞\"'\\\n" * 10_000}).rows == [[60_000]]


def test_reads_are_walled_by_the_guard_where_bolt_does_not_enforce_read_mode(bolt: Neo4jStore) -> None:
    # First wall, on every backend: the query guard refuses anything that could write.
    with pytest.raises(ReadOnlyViolation):
        run_cypher(store=bolt, query="CREATE (:Probe {v: 1}) RETURN 1")
    # Gap: FalkorDB's Bolt port runs a write sent in a READ transaction (Neo4j refuses it, see
    # test_neo4j_real.py), so behind the guard there is no second wall on this server.
    assert FALKORDB_BOLT.enforces_read_only is False
    try:
        bolt.read("CREATE (:Probe {v: 1}) RETURN 1")
        assert bolt.read("MATCH (p:Probe) RETURN count(p)").rows == [[1]]
    finally:
        bolt.write("MATCH (p:Probe) DELETE p")


def test_schema_on_each_backend(bolt: Neo4jStore) -> None:
    # Gap: FalkorDB's Bolt port has no constraints and no IF NOT EXISTS, so there the store creates
    # FalkorDB's indexes (those not there yet); the Neo4j schema is checked here as text and run for
    # real in test_neo4j_real.py.
    indexes = bolt.read("CALL db.indexes() YIELD label, properties RETURN label, properties").rows
    assert {(label, prop) for label, props in indexes for prop in props} >= {
        ("Entity", "uid"), ("Document", "id"), ("Team", "key"), ("Region", "code"), ("Issue", "id")}
    bolt.ensure_schema()  # again: nothing to create, no error
    neo4j_schema = queries.schema_statements("neo4j")
    assert all("IF NOT EXISTS" in s for s in neo4j_schema)
    keys = {"Region": "code", "Issue": "id", "Measure": "id", "Category": "code"}
    for label in (*LABELS, "Entity", "Document"):
        prop = {"Entity": "uid", "Document": "id"}.get(label, keys.get(label, "key"))
        assert f"FOR (n:{label}) REQUIRE n.{prop} IS UNIQUE" in "\n".join(neo4j_schema), label


def test_reads_see_this_processs_writes(bolt: Neo4jStore) -> None:
    # Every session shares one bookmark manager. FalkorDB hands out no bookmarks (gap), so here this only
    # shows the write-then-read order holds; on Neo4j the bookmarks carry it to any cluster member.
    bolt.write("CREATE (:Probe {v: 2})")
    try:
        assert bolt.read("MATCH (p:Probe {v: 2}) RETURN count(p)").rows == [[1]]
    finally:
        bolt.write("MATCH (p:Probe) DELETE p")


def test_cli_stats_through_bolt_from_the_environment(ingested: None, native: FalkorStore, server: BoltServer,
                                                     tmp_path: Path) -> None:
    env = {**os.environ, "XUNSHI_STORE": server.uri, "XUNSHI_NEO4J_DATABASE": "xunshi",
           "XUNSHI_NEO4J_CONNECTION_TIMEOUT": "1", "PYTHONPATH": str(ROOT)}
    run = subprocess.run([sys.executable, "-m", "api.cli", "stats", "--json"], capture_output=True, text=True,
                         cwd=tmp_path, env=env, timeout=120)
    assert run.returncode == 0, run.stderr
    assert json.loads(run.stdout) == graph_stats(store=native).model_dump()
    assert not (tmp_path / "data").exists(), "no embedded store was started"


def test_unreachable_bolt_server_is_a_clear_error(server: BoltServer) -> None:
    uri = f"bolt://127.0.0.1:{server.port + 1}"
    with pytest.raises(StoreError, match=r"cannot reach Neo4j at bolt://127\.0\.0\.1:\d+ \(database 'neo4j'\)"):
        Neo4jStore.open(uri, Neo4jOptions(), connection_timeout=1.0, connect_attempts=1)


def test_store_uris_credentials_and_database() -> None:
    settings = Neo4jOptions(user="env-user", password="env-pass", database="graphs")
    target = Neo4jTarget.parse("neo4j+s://alice:p%40ss@db.example.org:7687", settings)
    assert (target.uri, target.auth, target.database) == ("neo4j+s://db.example.org:7687", ("alice", "p@ss"),
                                                          "graphs")
    assert Neo4jTarget.parse("bolt://db:7687", settings).auth == ("env-user", "env-pass")
    assert Neo4jTarget.parse("bolt://db", Neo4jOptions()).auth is None
    with pytest.raises(StoreError, match="has a path"):
        Neo4jTarget.parse("neo4j://db:7687/mydb", settings)
    with pytest.raises(StoreError, match="unknown store URI"):
        open_store("http://db:7474")
