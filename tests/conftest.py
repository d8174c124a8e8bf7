"""Shared fixtures: the real embedded FalkorDB in a temporary data directory."""

from __future__ import annotations

import os
import socket
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from graph.falkordb_store import FalkorStore
from graph.store import Store

if TYPE_CHECKING:
    from graph.neo4j_store import Neo4jStore

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
SEEDS = SHARED / "corpus" / "seeds"
needs_shared = pytest.mark.skipif(not SEEDS.is_dir(), reason="../shared/corpus is not beside the project")


@pytest.fixture(scope="session")
def data_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("data")


@pytest.fixture(scope="session")
def _server_store(data_dir: Path) -> Iterator[FalkorStore]:
    """One embedded server for the session; each test gets its own graph in it."""
    store = FalkorStore.embedded(data_dir, graph="session")
    yield store
    store.close()


@pytest.fixture
def falkor_store(_server_store: FalkorStore) -> Iterator[FalkorStore]:
    """A fresh graph of the session's embedded FalkorDB, for tests of FalkorDB itself."""
    graph = f"t{uuid.uuid4().hex[:10]}"
    fresh = FalkorStore(_server_store.db, graph=graph, location=_server_store.location)
    yield fresh
    try:
        fresh.graph.delete()
    except Exception:
        pass


@pytest.fixture(scope="session")
def neo4j_uri(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The Bolt URI of the session's real Neo4j (``tests/neo4j_server.py``); skips without Java."""
    from tests.neo4j_server import running_neo4j, unavailable

    reason = unavailable()
    if reason:
        pytest.skip(reason)
    with running_neo4j(tmp_path_factory.mktemp("neo4j")) as uri:
        yield uri


def open_neo4j(uri: str, *, wipe: bool = True) -> Neo4jStore:
    """A store on the session's Neo4j with nothing in it (the tests share its one database); ``wipe=False``
    keeps what is there."""
    from graph.neo4j_store import Neo4jStore
    from graph.store import Neo4jOptions

    store = Neo4jStore.open(uri, Neo4jOptions(user=os.environ.get("NEO4J_USER"),
                                              password=os.environ.get("NEO4J_PASSWORD"),
                                              database=os.environ.get("NEO4J_DATABASE", "neo4j")))
    if wipe:
        store.write("MATCH (n) DETACH DELETE n")
    return store


@pytest.fixture
def neo4j_store(neo4j_uri: str) -> Iterator[Neo4jStore]:
    """An empty graph on the session's real Neo4j."""
    store = open_neo4j(neo4j_uri)
    yield store
    store.close()


BACKENDS = [pytest.param("falkordb", marks=pytest.mark.falkordb), pytest.param("neo4j", marks=pytest.mark.neo4j)]


@pytest.fixture(params=BACKENDS)
def store(request: pytest.FixtureRequest) -> Store:
    """A fresh, empty graph on each backend in turn: the embedded FalkorDB and a real Neo4j
    (``-m falkordb`` or ``-m neo4j`` runs one)."""
    return request.getfixturevalue(f"{request.param.replace('falkordb', 'falkor')}_store")


def free_port() -> int:
    """A TCP port nobody listens on right now, on loopback."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]
