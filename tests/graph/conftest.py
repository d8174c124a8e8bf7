"""Fixtures of the graph tests beyond the shared store: the seeds ingested once per test module, on each
backend in turn."""

from __future__ import annotations

import uuid
from collections.abc import Iterator

import pytest

from graph.falkordb_store import FalkorStore
from graph.ingest import ingest
from graph.store import Store
from loaders.pipeline import expand
from tests.conftest import BACKENDS, SEEDS, open_neo4j


@pytest.fixture(scope="module", params=BACKENDS)
def seeded(request: pytest.FixtureRequest) -> Iterator[Store]:
    """A graph of its own holding the five seeds (tests using it need ``needs_shared``). On Neo4j it is the
    session's one database: a module using ``seeded`` uses no other Neo4j store."""
    store: Store
    if request.param == "neo4j":
        store = open_neo4j(request.getfixturevalue("neo4j_uri"))
    else:
        server: FalkorStore = request.getfixturevalue("_server_store")
        store = FalkorStore(server.db, graph=f"seeds{uuid.uuid4().hex[:8]}", location="seeds")
    assert ingest(store, expand([SEEDS])).ok
    yield store
    if isinstance(store, FalkorStore):
        store.graph.delete()  # the session's server stays open
    else:
        store.close()
