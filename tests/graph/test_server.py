"""The embedded server: one per data directory, shared, recovered from stale locks."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

from graph.falkordb_server import EmbeddedServer, _pid_alive
from graph.falkordb_store import FalkorStore


def test_persists_across_restarts(tmp_path: Path) -> None:
    store = FalkorStore.embedded(tmp_path)
    store.write("CREATE (:Marker {v: 42})")
    store.close()
    assert not (tmp_path / "server.json").exists(), "the last user shuts the server down"
    store = FalkorStore.embedded(tmp_path)
    assert store.read("MATCH (m:Marker) RETURN m.v").rows == [[42]]
    store.close()


def test_a_second_user_reuses_the_running_server(tmp_path: Path) -> None:
    first = FalkorStore.embedded(tmp_path)
    pid = json.loads((tmp_path / "server.json").read_text())["pid"]
    second = FalkorStore.embedded(tmp_path)
    assert json.loads((tmp_path / "server.json").read_text())["pid"] == pid
    first.close()
    assert _pid_alive(pid), "the server stays up while another process uses it"
    assert second.read("RETURN 1").rows == [[1]]
    second.close()
    assert not _pid_alive(pid)


def test_stale_lock_from_a_killed_server_is_recovered(tmp_path: Path) -> None:
    store = FalkorStore.embedded(tmp_path)
    store.write("CREATE (:Marker {v: 7})")
    time.sleep(1.2)  # appendfsync everysec
    info = json.loads((tmp_path / "server.json").read_text())
    os.kill(info["pid"], signal.SIGKILL)
    while _pid_alive(info["pid"]):
        time.sleep(0.05)
    server = EmbeddedServer(tmp_path)
    server.acquire()
    assert server.started_here
    assert json.loads((tmp_path / "server.json").read_text())["pid"] != info["pid"]
    recovered = FalkorStore.embedded(tmp_path)
    assert recovered.read("MATCH (m:Marker) RETURN m.v").rows == [[7]]
    recovered.close()
    server.release()


def test_stale_lock_naming_a_dead_pid_is_replaced(tmp_path: Path) -> None:
    (tmp_path / "server.json").write_text(json.dumps({"pid": 999_999_9, "socket": str(tmp_path / "gone.sock")}))
    store = FalkorStore.embedded(tmp_path)
    assert store.read("RETURN 1").rows == [[1]]
    store.close()


def test_two_processes_share_one_data_directory(tmp_path: Path) -> None:
    script = textwrap.dedent(f"""
        import sys, time
        from graph.falkordb_store import FalkorStore
        store = FalkorStore.embedded({str(tmp_path)!r})
        store.write("CREATE (:Writer {{who: $who}})", {{"who": sys.argv[1]}})
        print(open({str(tmp_path / 'server.json')!r}).read(), flush=True)
        time.sleep(1.5)
        print(store.read("MATCH (w:Writer) RETURN count(w)").rows[0][0], flush=True)
        store.close()
    """)
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[2])}
    procs = [subprocess.Popen([sys.executable, "-c", script, who], stdout=subprocess.PIPE, text=True, env=env)
             for who in ("a", "b")]
    outputs = [p.communicate(timeout=60)[0].split("\n") for p in procs]
    assert all(p.returncode == 0 for p in procs)
    pids = {json.loads(out[0])["pid"] for out in outputs}
    assert len(pids) == 1, "both processes used the same server"
    assert {out[1] for out in outputs} == {"2"}, "each sees the other's write"
    assert not (tmp_path / "server.json").exists()



def test_a_server_that_does_not_stop_keeps_its_record(tmp_path: Path) -> None:
    # If the server outlives SHUTDOWN and SIGTERM, server.json must stay: without it the next user would
    # start a second server on the same append-only file. (A process that ignores SIGTERM stands in.)
    stubborn = subprocess.Popen([sys.executable, "-c", "import signal, time; "
                                 "signal.signal(signal.SIGTERM, signal.SIG_IGN); print(1, flush=True); time.sleep(60)"],
                                stdout=subprocess.PIPE, text=True)
    assert stubborn.stdout is not None and stubborn.stdout.readline().strip() == "1"
    try:
        (tmp_path / "server.json").write_text(json.dumps({"pid": stubborn.pid, "socket": str(tmp_path / "x.sock")}))
        EmbeddedServer(tmp_path, stop_timeout=0.5).stop()
        assert json.loads((tmp_path / "server.json").read_text())["pid"] == stubborn.pid
    finally:
        stubborn.kill()
        stubborn.wait()
    EmbeddedServer(tmp_path, stop_timeout=0.5).stop()
    assert not (tmp_path / "server.json").exists()
