"""A real Neo4j 5 for the tests: the harness of ``tools/neo4j`` (built by ``make neo4j``) in its own JVM.

``running_neo4j(workdir)`` starts it on a free loopback port and yields its Bolt URI; leaving the block
closes its standard input, and it stops the database cleanly. ``NEO4J_URI`` in the environment names a
server of your own instead (THE TESTS EMPTY ITS DATABASE). Without Java the Neo4j tests skip, saying so;
with Java and a harness that does not start, they fail.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from tests.conftest import ROOT

HARNESS = ROOT / "tools" / "neo4j"
CLASSPATH = HARNESS / "target" / "classpath.txt"
START_TIMEOUT_S = 180


def unavailable() -> str | None:
    """Why no Neo4j can run here, or None."""
    if os.environ.get("NEO4J_URI"):
        return None
    if shutil.which("java") is None:
        return "no Java on this machine: the Neo4j tests need Java 17 (and Maven to build tools/neo4j)"
    if not CLASSPATH.exists():
        return "tools/neo4j is not built: run `make neo4j` (Maven downloads Neo4j's jars)"
    return None


def classpath() -> str:
    return f"{HARNESS / 'target' / 'classes'}:{CLASSPATH.read_text().strip()}"


def admin_tool(bin_dir: Path) -> Path:
    """A ``neo4j-admin`` in ``bin_dir`` that runs Neo4j's own admin tool from the harness's jars (the
    harness ships the importer of ``neo4j-admin database import`` though not its launch script)."""
    bin_dir.mkdir(parents=True, exist_ok=True)
    tool = bin_dir / "neo4j-admin"
    tool.write_text(f'#!/bin/sh\nexec java -Xmx1g -cp "{classpath()}" org.neo4j.cli.AdminTool "$@"\n')
    tool.chmod(0o755)
    return tool


@contextmanager
def running_neo4j(workdir: Path, *, start_from: Path | None = None) -> Iterator[str]:
    """The Bolt URI of a Neo4j started for the block (or of ``NEO4J_URI``); ``start_from`` a Neo4j home whose
    ``data/`` (``databases/neo4j`` and ``transactions/neo4j`` inside) the database is copied from first."""
    if os.environ.get("NEO4J_URI") and start_from is None:
        yield os.environ["NEO4J_URI"]
        return
    log = (workdir / "neo4j-harness.log").open("w")
    args = ["java", "-Xmx1g", "-XX:+UseSerialGC", "-cp", classpath(), "xunshi.Neo4jServer", "0",
            str(workdir / "neo4j"), "512", *([str(start_from)] if start_from else [])]
    proc = subprocess.Popen(args, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=log, text=True)
    found: list[str] = []

    def read_uri() -> None:
        assert proc.stdout is not None
        for line in proc.stdout:
            if line.startswith("bolt "):
                found.append(line.split()[1].rstrip("/"))
                return

    reader = threading.Thread(target=read_uri, daemon=True)
    reader.start()
    reader.join(START_TIMEOUT_S)
    try:
        if not found:
            proc.kill()
            raise RuntimeError(f"Neo4j did not start within {START_TIMEOUT_S} s; see {log.name}")
        yield found[0]
    finally:
        if proc.stdin is not None and proc.poll() is None:
            proc.stdin.close()
        try:
            proc.wait(timeout=60)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
        log.close()
