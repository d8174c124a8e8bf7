"""A real `xunshi serve` process over real HTTP on loopback."""

from __future__ import annotations

from collections.abc import Iterator

import httpx
import pytest

from tests.conftest import ROOT
from tests.serving import ingest, serving


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    data = tmp_path_factory.mktemp("serve-data")
    ingest(data, ROOT / "samples")
    with serving(data) as (base, _):
        yield base
    assert not (data / "server.json").exists(), "serve shuts the embedded store down cleanly"


def test_health_and_stats(server: str) -> None:
    assert httpx.get(f"{server}/health").json()["status"] == "ok"
    stats = httpx.get(f"{server}/stats").json()
    assert stats["labels"]["Document"] == 4
    assert stats["labels"]["Team"] >= 4 and stats["labels"]["Person"] >= 6


def test_documents_are_paged(server: str) -> None:
    page = httpx.get(f"{server}/documents", params={"limit": 2, "offset": 0}).json()
    assert page["count"] == 4 and len(page["data"]) == 2
    bad = httpx.get(f"{server}/documents", params={"limit": 0})
    assert bad.status_code == 422 and bad.json()["title"] == "Invalid parameters"


def test_cypher_reads_and_refuses_writes(server: str) -> None:
    ok = httpx.post(f"{server}/cypher", json={"query": "MATCH (p:Person {name: $n}) RETURN p.name",
                                              "parameters": {"n": "赵明川"}})
    assert ok.status_code == 200 and ok.json()["rows"] == [["赵明川"]]
    refused = httpx.post(f"{server}/cypher", json={"query": "MATCH (n) /* hidden */ DETACH DELETE n"})
    assert refused.status_code == 403
    body = refused.json()
    assert set(body) >= {"status", "title", "detail"} and body["status"] == 403
    assert httpx.get(f"{server}/stats").json()["labels"]["Document"] == 4
