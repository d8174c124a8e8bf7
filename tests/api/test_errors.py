"""One error shape for every failure the API reports: problem+json with status, title, detail and code."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import httpx
import pytest
from fastapi.testclient import TestClient

SLOW = "UNWIND range(1, 3000) AS a UNWIND range(1, 3000) AS b UNWIND range(1, 3000) AS c RETURN count(*) AS n"


def _problem(response: httpx.Response, status: int, title: str, code: str) -> dict[str, Any]:
    assert response.status_code == status, response.text
    assert response.headers["content-type"].startswith("application/problem+json")
    body = response.json()
    assert set(body) == {"status", "title", "detail", "code"}
    assert (body["status"], body["title"], body["code"]) == (status, title, code)
    assert body["detail"] and not body["detail"].startswith("[E"), "the code is a field of its own"
    assert "Traceback" not in body["detail"] and "/work/" not in body["detail"]
    return body


def test_unknown_document_and_unknown_path_are_404(client: TestClient) -> None:
    body = _problem(client.get("/documents/nope"), 404, "Document not found", "E301")
    assert "nope" in body["detail"]
    _problem(client.get("/entities/Region/000000"), 404, "Not found", "E301")
    _problem(client.get("/no/such/page"), 404, "Not found", "E301")


def test_malformed_parameters_are_422(client: TestClient) -> None:
    body = _problem(client.get("/documents", params={"limit": 0}), 422, "Invalid parameters", "E302")
    assert "limit" in body["detail"]
    _problem(client.get("/search", params={"q": " "}), 422, "Invalid parameters", "E302")
    _problem(client.get("/entities/Nolabel/1"), 422, "Invalid parameters", "E302")
    _problem(client.post("/documents", content=b"{not json", headers={"content-type": "application/json"}),
             422, "Invalid upload", "E302")


def test_writes_without_the_key_are_401(make_client: Callable[..., TestClient]) -> None:
    client = make_client(api_key="s3cret")
    doc = {"name": "a.txt", "text": "市委第一巡察组向青石镇党委反馈巡察情况。"}
    _problem(client.post("/documents", json=doc), 401, "API key required", "E303")
    _problem(client.post("/documents", json=doc, headers={"X-API-Key": "wrong"}), 401, "API key required", "E303")
    _problem(client.post("/documents", json=doc, params={"api_key": "s3cret"}), 401, "API key required", "E303")
    _problem(client.delete("/documents/x"), 401, "API key required", "E303")
    assert client.post("/documents", json=doc, headers={"X-API-Key": "s3cret"}).status_code == 201


def test_cypher_failures_are_403_400_408(client: TestClient) -> None:
    _problem(client.post("/cypher", json={"query": "CREATE (n:X) RETURN n"}), 403, "Read-only", "E201")
    _problem(client.post("/cypher", json={"query": "MATCH (n RETURN n"}), 400, "Query failed", "E202")
    body = _problem(client.post("/cypher", json={"query": SLOW, "timeout_ms": 200}), 408, "Query timed out", "E204")
    assert "200 ms" in body["detail"]
    _problem(client.post("/cypher", json={"query": "RETURN 1", "max_rows": 10**9}), 422, "Invalid parameters", "E302")


def test_uploads_too_large_or_unreadable(make_client: Callable[..., TestClient]) -> None:
    client = make_client(max_upload_bytes=64)
    big = {"name": "big.txt", "text": "巡察" * 100}
    body = _problem(client.post("/documents", json=big), 413, "Document too large", "E104")
    assert "big.txt" in body["detail"]
    files = [("files", ("a.docx", b"not a zip", "application/octet-stream"))]
    _problem(client.post("/documents", files=files), 422, "Nothing ingested", "E302")


@pytest.mark.parametrize("path", ["/stats", "/issues", "/documents"])
def test_an_empty_graph_answers_without_errors(client: TestClient, path: str) -> None:
    assert client.get(path).status_code == 200
