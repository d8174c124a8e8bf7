"""Hostile requests, in process (the real app over the real embedded store): keys, names, what errors show."""

from __future__ import annotations

import os
import signal
from collections.abc import Callable
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from api.main import create_app
from api.settings import Settings
from graph.store import open_store
from tests.serving import in_process

KEY = "k3y-for-tests"
DOC = {"name": "通报.txt", "text": "市委第二巡察组向松岭镇党委反馈巡察情况。巡察发现，松岭镇落实主体责任不到位。"}
#: POST routes that only read (a query body, not a change): every other POST, PUT, PATCH and DELETE writes.
READS_BY_POST = {"/cypher"}


def _write_routes() -> list[tuple[str, str]]:
    """Every route that may write, from the app's own OpenAPI description."""
    app = create_app(Settings(_env_file=None))  # type: ignore[call-arg]
    found = []
    for path, operations in app.openapi()["paths"].items():
        for method in operations:
            if method.upper() in {"POST", "PUT", "PATCH", "DELETE"} and not (
                    method.upper() == "POST" and path in READS_BY_POST):
                found.append((method.upper(), path.replace("{doc_id}", "0" * 32)))
    return sorted(found)


def test_the_write_routes_are_the_ones_this_file_knows() -> None:
    assert _write_routes() == [("DELETE", "/documents/" + "0" * 32), ("POST", "/documents")]


@pytest.mark.parametrize(("method", "path"), _write_routes())
@pytest.mark.parametrize("how", ["no key", "wrong key", "key in the query string", "key as a cookie",
                                 "key with a suffix"])
def test_every_write_route_refuses_without_the_key_in_its_header(make_client: Callable[..., TestClient],
                                                                method: str, path: str, how: str) -> None:
    client = make_client(api_key=KEY)
    request: dict[str, object] = {"json": DOC} if method == "POST" else {}
    if how == "wrong key":
        request["headers"] = {"X-API-Key": KEY[:-1]}
    elif how == "key in the query string":
        request["params"] = {"api_key": KEY, "x-api-key": KEY, "X-API-Key": KEY}
    elif how == "key as a cookie":
        client.cookies.set("X-API-Key", KEY)
    elif how == "key with a suffix":
        request["headers"] = {"X-API-Key": KEY + " "}
    response = client.request(method, path, **request)  # type: ignore[arg-type]
    assert response.status_code == 401, response.text
    assert response.json()["code"] == "E303"
    assert client.get("/documents").json()["count"] == 0, "nothing was written"


def test_with_the_key_in_its_header_a_write_goes_through(make_client: Callable[..., TestClient]) -> None:
    client = make_client(api_key=KEY)
    created = client.post("/documents", json=DOC, headers={"X-API-Key": KEY})
    assert created.status_code == 201
    doc_id = created.json()["results"][0]["id"]
    assert client.delete(f"/documents/{doc_id}", headers={"X-API-Key": KEY}).status_code == 204


@pytest.mark.parametrize(("filename", "stored"), [
    ("../../../../etc/cron.d/通报.txt", "通报.txt"),
    ("C:\\Users\\x\\反馈.txt", "反馈.txt"),
    ("a\x00b.txt", "ab.txt"),
    ("巡" * 600 + ".txt", None),
])
def test_an_upload_name_is_stored_as_a_clean_file_name(client: TestClient, filename: str, stored: str | None) -> None:
    # The multipart body is written by hand: a client library would escape the NUL and the backslashes.
    body = (b"--b0undary\r\nContent-Disposition: form-data; name=\"files\"; filename=\"" + filename.encode() +
            b"\"\r\nContent-Type: text/plain\r\n\r\n" + DOC["text"].encode() + b"\r\n--b0undary--\r\n")
    response = client.post("/documents", content=body,
                           headers={"content-type": "multipart/form-data; boundary=b0undary"})
    assert response.status_code == 201, response.text
    name = response.json()["results"][0]["name"]
    listed = client.get("/documents").json()["data"][0]
    assert listed["name"] == name and listed["source"] == name
    if stored is not None:
        assert name == stored
    else:
        assert len(name) <= 120 and name.endswith(".txt")


def test_a_file_name_too_long_for_a_multipart_header_is_a_400_problem(client: TestClient) -> None:
    body = (b"--b0undary\r\nContent-Disposition: form-data; name=\"files\"; filename=\"" + ("巡" * 30_000).encode() +
            b".txt\"\r\n\r\n" + DOC["text"].encode() + b"\r\n--b0undary--\r\n")
    response = client.post("/documents", content=body,
                           headers={"content-type": "multipart/form-data; boundary=b0undary"})
    assert response.status_code == 400 and response.headers["content-type"].startswith("application/problem+json")
    assert client.get("/documents").json()["count"] == 0


def test_a_document_ingested_from_an_absolute_path_is_listed_by_its_file_name(tmp_path: Path) -> None:
    folder = tmp_path / "private" / "archive"
    folder.mkdir(parents=True)
    (folder / "松岭镇.txt").write_text(DOC["text"], encoding="utf-8")
    from graph.ingest import ingest

    data = tmp_path / "data"
    with open_store(data_dir=data) as store:
        assert ingest(store, [folder / "松岭镇.txt"]).ok
    with in_process(data) as client:
        listed = client.get("/documents").json()["data"][0]
        doc = client.get(f"/documents/{listed['id']}").json()
    assert listed["source"] == "松岭镇.txt" and doc["source"] == "松岭镇.txt"
    assert str(tmp_path) not in str(listed) + str(doc)


def test_a_store_that_died_is_a_503_that_names_no_server_path(tmp_path: Path) -> None:
    data = tmp_path / "data"
    with in_process(data) as client:
        assert client.get("/stats").status_code == 200
        pid = int((data / "falkordb.pid").read_text())
        os.kill(pid, signal.SIGKILL)
        response = client.get("/stats")
    assert response.status_code == 503
    body = response.json()
    assert body["code"] == "E200" and "log" in body["detail"]
    assert str(tmp_path) not in response.text and "falkordb.sock" not in response.text


def test_an_unexpected_failure_is_a_plain_500_without_a_trace(make_client: Callable[..., TestClient]) -> None:
    client = make_client()

    def broken() -> None:
        raise RuntimeError(f"failed while reading {Path(__file__)}")

    client.app.add_api_route("/broken-for-the-test", broken)  # type: ignore[attr-defined]
    client = TestClient(client.app, raise_server_exceptions=False)
    response = client.get("/broken-for-the-test")
    assert response.status_code == 500
    assert response.headers["content-type"].startswith("application/problem+json")
    assert response.json()["code"] == "E399"
    assert "Traceback" not in response.text and str(Path(__file__).parent) not in response.text
