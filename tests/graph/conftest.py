"""Fixtures of the graph tests beyond the shared store: the seeds ingested once per test module."""

from __future__ import annotations

import uuid
from collections.abc import Iterator

import pytest

from graph.falkordb_store import FalkorStore
from graph.ingest import ingest
from loaders.pipeline import expand
from tests.conftest import SEEDS


@pytest.fixture(scope="module")
def seeded(_server_store: FalkorStore) -> Iterator[FalkorStore]:
    """A graph of its own holding the five seeds (tests using it need ``needs_shared``)."""
    store = FalkorStore(_server_store.db, graph=f"seeds{uuid.uuid4().hex[:8]}", location="seeds")
    assert ingest(store, expand([SEEDS])).ok
    yield store
    store.graph.delete()
