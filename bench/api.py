"""API benchmark: a real ``xunshi serve`` over a real corpus plus a synthetic one, endpoint by endpoint.

    python bench/api.py [--small] [--count 10000] [--data DIR] [--reuse]
                        [--requests 200] [--seconds 20] [--clients 4] [--neo4j]

1. Builds a data directory: ``xunshi ingest`` of ../shared/corpus and of ``--count`` synthetic documents
   (bench/synthetic.py; ``--small`` = 1,000); the ingest time is reported. ``--reuse`` keeps a data
   directory built before.
2. Starts ``xunshi serve`` on loopback and, for each endpoint, sends a few requests one at a time
   (the sequential p50) and then a bounded load from ``--clients`` concurrent clients (at most
   ``--requests`` requests or ``--seconds`` seconds): p50/p99 latency and throughput.
3. Times the named queries an endpoint runs directly on the store (``store.read`` on the same embedded
   server) and reports API p50 (sequential) / direct p50; "n/a" where an endpoint runs no fixed
   sequence of named queries (search, recurrence, neighbourhood, timeline).

Endpoints that answer 404 or 405 (not there yet) are skipped and listed as such.

``--neo4j`` runs the same on a real Neo4j 5.26 instead of the embedded FalkorDB: the harness of
tools/neo4j (``make neo4j``), started for the run, or ``NEO4J_URI``; the ingest and the server go through
``--store``/``XUNSHI_STORE``.
"""

from __future__ import annotations

import argparse
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.synthetic import generate  # noqa: E402
from graph import queries  # noqa: E402
from graph.store import Store, open_store  # noqa: E402

CORPUS = ROOT.parent / "shared" / "corpus"
CYPHER_QUERY = ("MATCH (i:Issue)-[:CONCERNS]->(r:Region {code: $code}) "
                "RETURN i.category AS category, count(*) AS n ORDER BY n DESC")


@dataclass
class Endpoint:
    """One request to load, and the queries the endpoint runs on the store (None: not a fixed sequence)."""

    label: str
    method: str
    path: str
    params: dict[str, Any] | None = None
    body: dict[str, Any] | None = None
    direct: list[tuple[str, dict[str, Any]]] | None = None
    direct_label: str = "n/a"


@dataclass
class Measured:
    endpoint: Endpoint
    status: str = "ok"
    first_ms: float = 0.0
    seq_p50: float | None = None
    p50: float | None = None
    p99: float | None = None
    rps: float | None = None
    count: int = 0
    errors: int = 0
    direct_p50: float | None = None
    notes: list[str] = field(default_factory=list)


def percentile(values: list[float], q: float) -> float:
    """The ``q`` quantile (0..1) by nearest rank."""
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(q * len(ordered) + 0.5) - 1))]


def build(data: Path, count: int, store_uri: str | None = None) -> tuple[float, str]:
    """Ingest the shared corpus and ``count`` synthetic documents into ``data``; (seconds, CLI summary)."""
    synth = data.parent / f"{data.name}-synthetic"
    if synth.exists():
        shutil.rmtree(synth)
    t = time.perf_counter()
    generate(synth, count)
    print(f"generated {count} synthetic documents in {time.perf_counter() - t:.1f} s", flush=True)
    t = time.perf_counter()
    where = ["--store", store_uri] if store_uri else ["--data", str(data)]
    done = subprocess.run([sys.executable, "-m", "api.cli", "ingest", *where, str(CORPUS), str(synth)],
                          cwd=ROOT, capture_output=True, text=True)
    seconds = time.perf_counter() - t
    summary = done.stdout.strip().splitlines()[0] if done.stdout.strip() else done.stderr.strip()[-500:]
    print(f"ingest: {seconds:.1f} s; {summary}", flush=True)
    return seconds, summary


def compact(store: Store) -> float:
    """Rewrite the append-only file as a snapshot (BGREWRITEAOF) and wait; seconds taken.

    Replaying the write statements of the log is slow (about 140 s for 1,000 documents here, past the
    30 s the store waits for its server to start); a snapshot loads in a moment, so ``--reuse`` works.
    """
    conn = store.db.connection  # type: ignore[attr-defined]
    t = time.perf_counter()
    conn.execute_command("BGREWRITEAOF")
    while True:
        time.sleep(0.2)
        info = conn.info("persistence")
        if not info.get("aof_rewrite_in_progress") and not info.get("aof_rewrite_scheduled"):
            return time.perf_counter() - t


def serve(data: Path, port: int, store_uri: str | None = None) -> subprocess.Popen[str]:
    env = {**os.environ, "XUNSHI_API_KEY": "", **({"XUNSHI_STORE": store_uri} if store_uri else {})}
    proc = subprocess.Popen([sys.executable, "-m", "api.cli", "serve", "--data", str(data), "--port", str(port)],
                            cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, env=env)
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        try:
            if httpx.get(f"http://127.0.0.1:{port}/health", timeout=2).status_code == 200:
                return proc
        except httpx.HTTPError:
            time.sleep(0.3)
    proc.kill()
    raise RuntimeError(f"serve did not start: {proc.stderr.read() if proc.stderr else ''}")


def samples(store: Store) -> dict[str, str]:
    """Ids to ask for: a document, the region with most issues, and a team that found issues there."""
    region = store.read("MATCH (i:Issue)-[:CONCERNS]->(r:Region) WHERE r.level = 'county' "
                        "RETURN r.code, count(i) AS n ORDER BY n DESC, r.code LIMIT 1").rows
    code = region[0][0] if region else store.read("MATCH (r:Region) RETURN r.code LIMIT 1").rows[0][0]
    team = store.read("MATCH (r:Region {code: $code})<-[:CONCERNS]-(:Issue)-[:FOUND_BY]->(t:Team) "
                      "RETURN t.uid LIMIT 1", {"code": code}).rows
    team_uid = team[0][0] if team else store.read("MATCH (t:Team) RETURN t.uid LIMIT 1").rows[0][0]
    doc = store.read("MATCH (d:Document) RETURN d.id ORDER BY d.id LIMIT 1").rows[0][0]
    return {"code": code, "team": team_uid, "doc": doc}


def endpoints(s: dict[str, str]) -> list[Endpoint]:
    def q(name: str) -> str:
        return queries.get(name).text

    region_uid = f"Region:{s['code']}"
    return [
        Endpoint("GET /health", "GET", "/health", direct=[("RETURN 1", {})], direct_label="RETURN 1"),
        Endpoint("GET /stats", "GET", "/stats", direct=[(q("stats_labels"), {}), (q("stats_relationships"), {})],
                 direct_label="stats_labels + stats_relationships"),
        Endpoint("GET /documents", "GET", "/documents",
                 direct=[(q("documents"), {"offset": 0, "limit": 50}), (q("documents_count"), {})],
                 direct_label="documents + documents_count"),
        Endpoint("GET /documents/{id}", "GET", f"/documents/{s['doc']}", direct=[(q("document"), {"id": s["doc"]})],
                 direct_label="document"),
        Endpoint("GET /recurring-issues", "GET", "/recurring-issues"),
        Endpoint("GET /recurring-issues/across-targets", "GET", "/recurring-issues/across-targets"),
        Endpoint("GET /search?q=漾濞", "GET", "/search", params={"q": "漾濞"}),
        Endpoint("GET /entities/Region/{code}", "GET", f"/entities/Region/{s['code']}",
                 direct=[(q("entity"), {"uid": region_uid}), (q("entity_relationships"), {"uid": region_uid})],
                 direct_label="entity + entity_relationships"),
        Endpoint("GET /entities/Region/{code}/neighbors", "GET", f"/entities/Region/{s['code']}/neighbors"),
        Endpoint("GET /regions/{code}/timeline", "GET", f"/regions/{s['code']}/timeline"),
        Endpoint("GET /issues", "GET", "/issues",
                 direct=[(q("issues"), {"category": None, "target": None, "round": None, "offset": 0, "limit": 50})],
                 direct_label="issues"),
        Endpoint("GET /paths", "GET", "/paths", params={"from": region_uid, "to": s["team"]},
                 direct=[(q("entity"), {"uid": region_uid}), (q("entity"), {"uid": s["team"]}),
                         (q("paths"), {"from": region_uid, "to": s["team"], "max_hops": 4})],
                 direct_label="entity x2 + paths"),
        Endpoint("POST /cypher", "POST", "/cypher", body={"query": CYPHER_QUERY, "parameters": {"code": s["code"]}},
                 direct=[(CYPHER_QUERY, {"code": s["code"]})], direct_label="the posted query"),
    ]


def timed(fn: Callable[[], None], *, count: int, seconds: float) -> list[float]:
    """Latencies (ms) of calling ``fn`` until ``count`` calls or ``seconds`` have passed."""
    out: list[float] = []
    deadline = time.perf_counter() + seconds
    while len(out) < count and time.perf_counter() < deadline:
        t = time.perf_counter()
        fn()
        out.append((time.perf_counter() - t) * 1000)
    return out


def measure(base: str, ep: Endpoint, store: Store, args: argparse.Namespace) -> Measured:
    m = Measured(ep)

    def request(client: httpx.Client) -> httpx.Response:
        return client.request(ep.method, base + ep.path, params=ep.params, json=ep.body, timeout=120)

    with httpx.Client() as client:
        t = time.perf_counter()
        first = request(client)
        m.first_ms = (time.perf_counter() - t) * 1000
        if first.status_code in (404, 405):
            m.status = f"skipped ({first.status_code})"
            return m
        if first.status_code >= 400:
            m.status = f"error {first.status_code}"
            m.notes.append(first.text[:200])
            return m
        seq = timed(lambda: request(client).raise_for_status(), count=30, seconds=5)
        m.seq_p50 = statistics.median(seq)

    latencies: list[float] = []
    errors = sent = 0
    lock = threading.Lock()
    deadline = time.perf_counter() + args.seconds

    def worker() -> None:
        nonlocal errors, sent
        with httpx.Client() as client:
            while time.perf_counter() < deadline:
                with lock:
                    if sent >= args.requests:
                        return
                    sent += 1
                t = time.perf_counter()
                try:
                    ok = request(client).status_code < 400
                except httpx.HTTPError:
                    ok = False
                elapsed = (time.perf_counter() - t) * 1000
                with lock:
                    if ok:
                        latencies.append(elapsed)
                    else:
                        errors += 1

    started = time.perf_counter()
    with ThreadPoolExecutor(args.clients) as pool:
        for _ in range(args.clients):
            pool.submit(worker)
    wall = time.perf_counter() - started
    m.count, m.errors = len(latencies), errors
    if latencies:
        m.p50, m.p99 = statistics.median(latencies), percentile(latencies, 0.99)
        m.rps = len(latencies) / wall

    if ep.direct is not None:
        def run_direct() -> None:
            for text, params in ep.direct or []:
                store.read(text, params, max_rows=100_000)
        try:
            run_direct()
            m.direct_p50 = statistics.median(timed(run_direct, count=30, seconds=5))
        except Exception as exc:  # a named query renamed by a later change: report, do not stop
            m.notes.append(f"direct: {exc}")
    return m


def machine() -> str:
    model = ""
    try:
        model = next(line.split(":", 1)[1].strip() for line in Path("/proc/cpuinfo").read_text().splitlines()
                     if line.startswith("model name"))
    except (OSError, StopIteration):
        pass
    mem = ""
    try:
        kb = int(re.search(r"MemTotal:\s+(\d+)", Path("/proc/meminfo").read_text()).group(1))  # type: ignore[union-attr]
        mem = f", {kb / 1024 / 1024:.0f} GiB"
    except (OSError, AttributeError):
        pass
    return f"{os.cpu_count()} cores, {model or platform.processor()}{mem}, Python {platform.python_version()}"


def fmt(v: float | None, spec: str = ".1f") -> str:
    return "n/a" if v is None else format(v, spec)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--small", action="store_true", help="1,000 synthetic documents instead of 10,000")
    ap.add_argument("--count", type=int, default=None, help="synthetic documents (default 10,000; 1,000 with --small)")
    ap.add_argument("--data", type=Path, default=None, help="data directory (default: a folder in the temp dir)")
    ap.add_argument("--reuse", action="store_true", help="keep the data directory if it was built before")
    ap.add_argument("--requests", type=int, default=200, help="most requests per endpoint under load")
    ap.add_argument("--seconds", type=float, default=20.0, help="most seconds per endpoint under load")
    ap.add_argument("--clients", type=int, default=4, help="concurrent clients")
    ap.add_argument("--port", type=int, default=0)
    ap.add_argument("--neo4j", action="store_true", help="a real Neo4j (tools/neo4j, or NEO4J_URI) as the store")
    args = ap.parse_args()
    if args.neo4j:
        from tests.neo4j_server import running_neo4j

        with tempfile.TemporaryDirectory(prefix="xunshi-bench-neo4j-") as work, running_neo4j(Path(work)) as uri:
            run(args, uri)
    else:
        run(args, None)


def run(args: argparse.Namespace, store_uri: str | None) -> None:
    count = args.count if args.count is not None else (1_000 if args.small else 10_000)
    data = args.data or Path(tempfile.gettempdir()) / f"xunshi-bench-api-{count}"

    fresh = store_uri is not None or not (args.reuse and (data / "appendonlydir").exists())
    if fresh and data.exists():
        shutil.rmtree(data)
    data.mkdir(parents=True, exist_ok=True)
    # This process holds the embedded server from the start, so ingest and serve share it (no restart).
    store = open_store(store_uri, data_dir=data)
    if store_uri:
        store.write("MATCH (n) DETACH DELETE n")
    ingest_s, summary, compact_s = None, "reused", None
    if fresh:
        ingest_s, summary = build(data, count, store_uri)
        compact_s = compact(store) if store_uri is None else None
    port = args.port or _free_port()
    proc = serve(data, port, store_uri)
    base = f"http://127.0.0.1:{port}"
    try:
        stats = httpx.get(f"{base}/stats", timeout=60).json()
        s = samples(store)
        results = []
        for ep in endpoints(s):
            m = measure(base, ep, store, args)
            print(f"  {ep.label}: {m.status}, p50 {fmt(m.p50)} ms", file=sys.stderr, flush=True)
            results.append(m)
    finally:
        store.close()
        proc.terminate()
        proc.wait(timeout=60)

    labels = stats.get("labels", {})
    print(f"command: python bench/api.py {' '.join(sys.argv[1:])}")
    print(f"store: {'Neo4j 5.26.0 (tools/neo4j harness)' if store_uri else 'embedded FalkorDB'}")
    print(f"machine: {machine()}")
    print(f"documents: {labels.get('Document')} ({count} synthetic + ../shared/corpus); "
          f"ingest {fmt(ingest_s)} s ({summary}); AOF rewrite {fmt(compact_s)} s")
    print("graph: " + ", ".join(f"{k} {v}" for k, v in labels.items() if k != "Entity"))
    print(f"samples: region {s['code']}, team {s['team']}, document {s['doc']}")
    print(f"load: {args.clients} clients, at most {args.requests} requests or {args.seconds:g} s per endpoint; "
          f"latencies in ms; ratio = sequential API p50 / direct store.read p50")
    head = (f"{'endpoint':<40}{'first':>8}{'seq p50':>9}{'p50':>9}{'p99':>9}{'req/s':>8}{'ok/err':>9}"
            f"{'direct':>9}{'ratio':>7}  direct queries")
    print(head)
    print("-" * len(head))
    for m in results:
        if m.status != "ok":
            print(f"{m.endpoint.label:<40}{fmt(m.first_ms):>8}  {m.status}")
            continue
        ratio = fmt(m.seq_p50 / m.direct_p50 if m.seq_p50 and m.direct_p50 else None)
        print(f"{m.endpoint.label:<40}{fmt(m.first_ms):>8}{fmt(m.seq_p50):>9}{fmt(m.p50):>9}{fmt(m.p99):>9}"
              f"{fmt(m.rps):>8}{f'{m.count}/{m.errors}':>9}{fmt(m.direct_p50, '.2f'):>9}{ratio:>7}  "
              f"{m.endpoint.direct_label if m.direct_p50 is not None else 'n/a'}")
    for m in results:
        for note in m.notes:
            print(f"note: {m.endpoint.label}: {note}")


def _free_port() -> int:
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


if __name__ == "__main__":
    main()
