"""kill -9 of the store process in the middle of an ingest: the ingest stops with a clear error, the store
comes back from its append-only file, no document is half-written, and ingesting again completes the graph."""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import redis

from graph.falkordb_store import FalkorStore
from graph.ingest import ingest
from loaders.pipeline import expand
from tests.conftest import ROOT, SEEDS, SHARED, needs_shared

pytestmark = needs_shared


def _documents(socket_path: str) -> int:
    try:
        client = redis.Redis(unix_socket_path=socket_path, socket_timeout=2)
        reply = client.execute_command("GRAPH.RO_QUERY", "xunshi", "MATCH (d:Document) RETURN count(d)")
        return int(reply[1][0][0])
    except (redis.RedisError, OSError, IndexError):
        return 0


def _facts(store: FalkorStore) -> tuple[dict[str, int], dict[str, int]]:
    labels = {row[0]: row[1] for row in store.read("MATCH (n) UNWIND labels(n) AS l RETURN l, count(*)").rows}
    types = {row[0]: row[1] for row in store.read("MATCH ()-[r]->() RETURN type(r), count(*)").rows}
    return labels, types


def test_kill_9_of_the_store_mid_ingest_loses_no_more_than_the_last_writes_and_half_writes_nothing(
        tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for path in [*sorted(SEEDS.iterdir()), *sorted((SHARED / "corpus" / "dev").glob("*.txt"))[:20]]:
        shutil.copy(path, corpus / path.name)
    data = tmp_path / "data"
    run = subprocess.Popen([sys.executable, "-m", "api.cli", "ingest", "--data", str(data), str(corpus)], cwd=ROOT,
                           stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    deadline = time.monotonic() + 120
    while not (data / "server.json").exists() and time.monotonic() < deadline:
        time.sleep(0.05)
    info = json.loads((data / "server.json").read_text())
    while _documents(info["socket"]) < 6 and time.monotonic() < deadline:
        time.sleep(0.05)
    written_before_kill = _documents(info["socket"])
    assert written_before_kill >= 6, "the ingest never got going"
    os.kill(info["pid"], signal.SIGKILL)
    out, err = run.communicate(timeout=120)
    assert run.returncode != 0
    assert "[E200]" in out + err and "Traceback" not in out + err

    with FalkorStore.embedded(data) as store:  # a new server, from the append-only file
        kept = store.read("MATCH (d:Document) RETURN count(d)").rows[0][0]
        assert 0 < kept <= len(list(corpus.iterdir()))
        again = ingest(store, expand([corpus]))
        assert again.ok
        assert len(again.unchanged) == kept, "every document the file kept is whole: it is not written again"
        after_crash = _facts(store)
    with FalkorStore.embedded(tmp_path / "clean") as clean:
        assert ingest(clean, expand([corpus])).ok
        assert _facts(clean) == after_crash, "crash, restart and re-ingest give the graph of one clean ingest"
    print(f"documents written before kill -9: {written_before_kill}; kept by the append-only file: {kept}")


def test_a_store_killed_while_idle_restarts_with_everything(tmp_path: Path) -> None:
    data = tmp_path / "data"
    with FalkorStore.embedded(data) as store:
        assert ingest(store, expand([SEEDS])).ok
        before = _facts(store)
        time.sleep(1.5)  # appendfsync everysec: what was written a second ago is on disk
        os.kill(int(json.loads((data / "server.json").read_text())["pid"]), signal.SIGKILL)
    with FalkorStore.embedded(data) as store:
        assert _facts(store) == before
