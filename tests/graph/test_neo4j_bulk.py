"""The bulk paths into a real Neo4j: the ``neo4j-admin`` export imported by Neo4j's own importer (run from
the harness's jars through the export's unchanged ``import.sh``) into a new database that a second Neo4j
then serves. Counts and a sample of properties are compared with the source store. (The Cypher script
export replaying through the driver is tests/graph/test_neo4j_real.py.)"""

from __future__ import annotations

import json
import os
import subprocess
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

from api.services.stats import stats as graph_stats
from graph.export import write_neo4j_admin
from graph.falkordb_store import FalkorStore
from graph.ingest import ingest
from loaders.pipeline import expand
from tests.conftest import SEEDS, needs_shared, open_neo4j
from tests.neo4j_server import admin_tool, running_neo4j

pytestmark = [needs_shared, pytest.mark.neo4j,
              pytest.mark.skipif(bool(os.environ.get("NEO4J_URI")), reason="imports need the harness, not NEO4J_URI")]

SAMPLE = ("MATCH (i:Issue) RETURN i.id, i.text, i.category, i.target ORDER BY i.id",
          "MATCH (r:Region) RETURN r.code, r.name, r.level ORDER BY r.code",
          "MATCH (a)-[m:MENTIONED_IN]->(d:Document) RETURN a.uid, d.id, m.start, m.end ORDER BY a.uid, d.id, m.start",
          "MATCH (d:Document) RETURN d.id, d.title, d.published, size(d.text) ORDER BY d.id")


@pytest.fixture
def source(_server_store: FalkorStore) -> Iterator[FalkorStore]:
    """The seeds in a graph of the embedded store: what is exported."""
    store = FalkorStore(_server_store.db, graph=f"bulk{uuid.uuid4().hex[:8]}", location="bulk source")
    assert ingest(store, expand([SEEDS])).ok
    yield store
    store.graph.delete()


def test_the_admin_export_imports_with_neo4j_admin_and_serves_the_same_graph(source: FalkorStore, neo4j_uri: str,
                                                                            tmp_path: Path) -> None:
    seeded = source  # neo4j_uri: skip, saying why, where no Neo4j can run
    out = tmp_path / "export"
    manifest = write_neo4j_admin(seeded, out)
    home = tmp_path / "home"
    (home / "conf").mkdir(parents=True)
    (home / "conf" / "neo4j.conf").write_text("")
    tools = admin_tool(tmp_path / "bin")
    env = {**os.environ, "NEO4J_HOME": str(home), "NEO4J_CONF": str(home / "conf"),
           "PATH": f"{tools.parent}:{os.environ['PATH']}"}
    done = subprocess.run(["sh", "import.sh"], cwd=out, env=env, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stdout[-2000:] + done.stderr[-2000:]
    assert "IMPORT DONE" in done.stdout
    assert f"{sum(manifest['nodes'].values())} nodes" in done.stdout
    with running_neo4j(tmp_path, start_from=home) as uri:  # its data/ becomes the server's data/
        imported = open_neo4j(uri, wipe=False)
        try:
            counts = graph_stats(store=imported)
            assert counts == graph_stats(store=seeded)
            assert counts.labels == manifest["nodes"] and counts.relationships == manifest["relationships"]
            for query in SAMPLE:
                assert imported.read(query).rows == seeded.read(query).rows, query
        finally:
            imported.close()
    print(json.dumps({"imported": manifest["nodes"]}, ensure_ascii=False))
