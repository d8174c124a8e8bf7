"""The in-process tier of the API tests: the app over the session's embedded store, through Starlette's
TestClient (real routing, validation, error handlers and serialisation; no server process)."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest
from fastapi.testclient import TestClient

from api.main import create_app
from api.settings import Settings
from graph.store import Store


@pytest.fixture
def make_client(store: Store) -> Iterator[Callable[..., TestClient]]:
    """``make_client(**settings)``: a client of an app over this test's fresh graph, with these settings."""
    opened: list[TestClient] = []

    def make(**settings: object) -> TestClient:
        client = TestClient(create_app(Settings(**settings), store=store))  # type: ignore[arg-type]
        opened.append(client.__enter__())
        return client

    yield make
    for client in opened:
        client.__exit__(None, None, None)


@pytest.fixture
def client(make_client: Callable[..., TestClient]) -> TestClient:
    return make_client()
