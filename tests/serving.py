"""Start a real ``xunshi serve`` process on loopback for HTTP tests, and stop it."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import httpx
from fastapi.testclient import TestClient

from tests.conftest import ROOT, free_port


def ingest(data: Path, *paths: Path) -> None:
    subprocess.run([sys.executable, "-m", "api.cli", "ingest", "--data", str(data), *map(str, paths)],
                   check=True, cwd=ROOT, capture_output=True, timeout=600)


@contextmanager
def serving(data: Path, **env: str) -> Iterator[tuple[str, subprocess.Popen[str]]]:
    """(base URL, process) of a running server over ``data``; ``env`` sets XUNSHI_ variables (those of the
    calling shell are left out, so a test's settings are the whole configuration)."""
    clean = {k: v for k, v in os.environ.items() if not k.startswith("XUNSHI_")}
    port = free_port()
    proc = subprocess.Popen([sys.executable, "-m", "api.cli", "serve", "--data", str(data), "--port", str(port)],
                            cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            env={**clean, **env})
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while True:
        try:
            if httpx.get(f"{base}/health", timeout=1).status_code == 200:
                break
        except httpx.HTTPError:
            pass
        if time.monotonic() > deadline or proc.poll() is not None:
            proc.kill()
            raise RuntimeError(f"server did not start: {proc.stderr.read() if proc.stderr else ''}")
        time.sleep(0.2)
    try:
        yield base, proc
    finally:
        proc.terminate()
        proc.wait(timeout=30)


@contextmanager
def in_process(data: Path, **settings: object) -> Iterator[TestClient]:
    """A client of the app over the embedded store of ``data``, in this process (no server): the routes,
    validation, error handlers and serialisation are the real ones; the store is closed afterwards."""
    from api.main import create_app
    from api.settings import Settings
    from graph.store import open_store

    store = open_store(data_dir=data)
    try:
        app = create_app(Settings(_env_file=None, data=data, **settings), store=store)  # type: ignore[call-arg,arg-type]
        with TestClient(app) as client:
            yield client
    finally:
        store.close()
