"""Hostile load on a real ``xunshi serve`` process over loopback: queries that would exhaust memory, idle
connections, exports at once. Each asserts the server stays up, answers others, and stays within memory."""

from __future__ import annotations

import json
import socket
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import httpx
import pytest

from graph.falkordb_store import FalkorStore
from tests.conftest import SEEDS, needs_shared
from tests.serving import ingest, serving

MB = 1024 * 1024


def _peak_mb(pid: int) -> float:
    """The most memory the process has held (VmHWM), in MB."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    raise AssertionError(f"no VmHWM for {pid}")


def _store_pid(data: Path) -> int:
    return int(json.loads((data / "server.json").read_text())["pid"])


@pytest.fixture(scope="module")
def wide(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A data directory whose graph has 2,000 nodes of 4 KB each: any two of them make 4 million pairs."""
    data = tmp_path_factory.mktemp("wide")
    store = FalkorStore.embedded(data)
    try:
        store.write("UNWIND range(1, 2000) AS i CREATE (:Region {code: 'w' + toString(i), name: 'r' + toString(i), "
                    "note: reduce(s = '', k IN range(1, 64) | s + '0123456789abcdef0123456789abcdef0123456789abcdef"
                    "0123456789abcdef')})")
    finally:
        store.close()
    return data


@pytest.fixture(scope="module")
def wide_server(wide: Path) -> Iterator[tuple[str, int]]:
    """``xunshi serve`` over ``wide``, its time limit raised to 15 s so the memory bounds act first."""
    with serving(wide, XUNSHI_QUERY_TIMEOUT_MS="15000", XUNSHI_QUERY_MEMORY_MB="256") as (base, proc):
        yield base, proc.pid


@pytest.mark.parametrize(("query", "timeout_ms", "status"), [
    ("MATCH (a), (b) RETURN a, b", None, 413),                             # millions of rows of whole nodes
    ("MATCH (a), (b) RETURN a.note, b.note ORDER BY a.name", None, 413),   # sorted first, then cut
    ("UNWIND range(1, 30000000) AS x RETURN collect(x)", None, 413),       # one row over the store's query memory
    ("MATCH (a), (b), (c) RETURN count(*)", 3000, 408),                    # billions of steps
])
def test_a_query_that_would_exhaust_memory_is_refused_and_the_server_stays_up(
        wide: Path, wide_server: tuple[str, int], query: str, timeout_ms: int | None, status: int) -> None:
    base, pid = wide_server
    started = time.monotonic()
    request: dict[str, object] = {"query": query, **({"timeout_ms": timeout_ms} if timeout_ms else {})}
    response = httpx.post(f"{base}/cypher", json=request, timeout=60)
    took = time.monotonic() - started
    assert response.status_code == status, response.text[:300]
    body = response.json()
    assert body["code"] in {"E204", "E205", "E206"} and "XUNSHI_" in body["detail"]
    assert took < 30
    assert httpx.get(f"{base}/health", timeout=5).status_code == 200
    small = httpx.post(f"{base}/cypher", json={"query": "MATCH (r:Region {code: 'w7'}) RETURN r.name"}, timeout=10)
    assert small.json()["rows"] == [["r7"]]
    time.sleep(1)  # let a reply the API gave up on arrive, if one still comes
    print(f"{query}: {response.status_code} {body['code']} in {took:.1f} s; peak so far: serve "
          f"{_peak_mb(pid):.0f} MB, store {_peak_mb(_store_pid(wide)):.0f} MB")
    assert _peak_mb(pid) < 1024, "the serve process held over 1 GB"
    assert _peak_mb(_store_pid(wide)) < 2048, "the store process held over 2 GB"


@needs_shared
def test_two_hundred_idle_connections_for_twenty_seconds_do_not_stop_the_answers_and_are_closed(
        tmp_path_factory: pytest.TempPathFactory) -> None:
    data = tmp_path_factory.mktemp("idle")
    ingest(data, SEEDS)
    with serving(data) as (base, proc):
        port = int(base.rsplit(":", 1)[1])
        idle = []
        for i in range(200):
            sock = socket.create_connection(("127.0.0.1", port), timeout=5)
            if i % 2:  # half send the start of a request and never finish it
                sock.sendall(b"GET /stats HTTP/1.1\r\nHost: x\r\n")
            idle.append(sock)
        slowest = 0.0
        deadline = time.monotonic() + 20
        with httpx.Client(timeout=10) as client:
            while time.monotonic() < deadline:
                started = time.monotonic()
                assert client.get(f"{base}/stats").status_code == 200
                assert client.get(f"{base}/recurring-issues", params={"target": "漾濞县"}).status_code == 200
                slowest = max(slowest, time.monotonic() - started)
                time.sleep(0.5)
        closed = 0
        for sock in idle:
            sock.settimeout(0.01)
            try:
                closed += sock.recv(1) == b""
            except OSError:
                pass
            sock.close()
        print(f"200 idle connections, 20 s: slowest answer {slowest:.2f} s; the server closed {closed} of them")
        assert slowest < 3, f"a request took {slowest:.1f} s while 200 connections sat idle"
        assert closed == 200, "a connection that sends no whole request within 10 s is closed"
        assert httpx.get(f"{base}/health", timeout=5).status_code == 200
        assert proc.poll() is None


@needs_shared
def test_four_exports_of_the_whole_graph_at_once_are_the_same_file(tmp_path_factory: pytest.TempPathFactory) -> None:
    data = tmp_path_factory.mktemp("exports")
    ingest(data, SEEDS)
    with serving(data) as (base, proc):
        def export(fmt: str) -> bytes:
            response = httpx.get(f"{base}/export", params={"format": fmt}, timeout=120)
            assert response.status_code == 200, response.text[:300]
            return response.content

        with ThreadPoolExecutor(4) as pool:
            files = list(pool.map(export, ["graphml"] * 4))
        assert len(set(files)) == 1 and b"<graphml" in files[0]
        with ThreadPoolExecutor(4) as pool:
            mixed = list(pool.map(export, ["graphml", "gexf", "node-link", "jsonl"]))
        assert mixed[0] == files[0]
        assert httpx.get(f"{base}/health", timeout=5).status_code == 200
        print(f"4 exports at once, twice: peak serve {_peak_mb(proc.pid):.0f} MB")
        assert _peak_mb(proc.pid) < 1024
