"""Shared fixtures: the real embedded FalkorDB in a temporary data directory."""

from __future__ import annotations

import socket
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

from graph.falkordb_store import FalkorStore

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
def store(_server_store: FalkorStore) -> Iterator[FalkorStore]:
    graph = f"t{uuid.uuid4().hex[:10]}"
    fresh = FalkorStore(_server_store.db, graph=graph, location=_server_store.location)
    yield fresh
    try:
        fresh.graph.delete()
    except Exception:
        pass


def free_port() -> int:
    """A TCP port nobody listens on right now, on loopback."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]
