"""Analysis benchmark: near-duplicate linking and each graph analysis, timed on synthetic corpora of growing size.

    python bench/analysis.py [SIZES ...] [--data-root DIR] [--reuse-10k DIR] [--out FILE]

SIZES are numbers of synthetic documents (default 1000 2500 5000 10000). For each size a data directory
``DATA_ROOT/analysis-N`` holds ``../shared/corpus`` and N documents of bench/synthetic.py (seed 7), ingested
with ``ingest(..., link=False)`` so that linking is timed on its own; a directory left by an earlier run
with the right number of documents is reused. ``--reuse-10k DIR`` copies an existing data directory (such as
the one ``bench/api.py`` builds) for the size 10000 instead of ingesting it again; the original is not touched.

Per size, with the wall time and the growth of this process's resident memory during the step (sampled
every 10 ms with psutil; the FalkorDB server is a separate process, its RSS is reported once per size):

1. full link: ``similarity.reset`` then ``similarity.link_pending`` (every issue compared);
2. incremental link: 10 new synthetic documents (seed 8) ingested without linking, then ``link_pending``
   for just those, the cost of one upload; the 10 documents are deleted again afterwards;
3. ``analysis.load``: the pull of the target-problem graph (statements and clusters);
4. each analysis on the loaded graph: central problems and communities by category and by cluster,
   co-occurrence, similar targets of the target with the most statements;
5. ``api.analysis.central``: the first call (it loads the graph itself) and a second, cached one.

Prints markdown tables (one column per size, and the growth from the smallest size to the largest) and
writes every number to ``--out`` as JSON.
"""

from __future__ import annotations

import argparse
import json
import shutil
import sys
import tempfile
import threading
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

import psutil

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.api import machine  # noqa: E402
from bench.synthetic import generate  # noqa: E402
from graph import analysis, similarity  # noqa: E402
from graph.ingest import ingest  # noqa: E402
from graph.store import Store, open_store  # noqa: E402
from graph.writer import delete_document  # noqa: E402
from loaders.pipeline import expand  # noqa: E402

CORPUS = ROOT.parent / "shared" / "corpus"
SEED = 7
EXTRA_SEED = 8
EXTRA_DOCUMENTS = 10
MB = 1024 * 1024


@dataclass
class Timing:
    seconds: float
    rss_mb: float  # peak growth of this process's resident memory during the step


@dataclass
class SizeResult:
    size: int
    data: str
    built: str  # "ingested in N s" / "reused" / "copied from DIR"
    counts: dict[str, int] = field(default_factory=dict)
    steps: dict[str, Timing] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)
    server_rss_mb: float | None = None


class PeakRss:
    """Samples the resident memory of this process in a thread; ``growth`` is the peak minus the start."""

    def __init__(self, interval: float = 0.01) -> None:
        self.process = psutil.Process()
        self.interval = interval
        self.start = self.peak = 0
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    def __enter__(self) -> PeakRss:
        self.start = self.peak = self.process.memory_info().rss
        self._stop.clear()
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._thread.start()
        return self

    def _run(self) -> None:
        while not self._stop.wait(self.interval):
            self.peak = max(self.peak, self.process.memory_info().rss)

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join()
        self.peak = max(self.peak, self.process.memory_info().rss)

    @property
    def growth(self) -> float:
        return (self.peak - self.start) / MB


def timed(result: SizeResult, name: str, fn: Callable[[], Any]) -> Any:
    """Run ``fn``, record its wall time and memory growth under ``name``, return its value."""
    with PeakRss() as rss:
        t = time.perf_counter()
        value = fn()
        seconds = time.perf_counter() - t
    result.steps[name] = Timing(seconds, rss.growth)
    print(f"    {name}: {seconds:.3f} s, +{rss.growth:.0f} MB", file=sys.stderr, flush=True)
    return value


def count_documents(store: Store) -> int:
    return int(store.read("MATCH (d:Document) RETURN count(d)").rows[0][0])


def corpus_files() -> list[Path]:
    return expand([CORPUS]) if CORPUS.exists() else []


def open_dir(data: Path, size: int, reuse_from: Path | None, root: Path) -> tuple[Store, str]:
    """The store of ``data``, built (or reused, or copied) for ``size`` synthetic documents."""
    if reuse_from is not None:
        if not (data / "appendonlydir").exists():
            if data.exists():
                shutil.rmtree(data)
            if (reuse_from / "server.json").exists():
                raise SystemExit(f"{reuse_from} has a running server (server.json); stop it before copying")
            shutil.copytree(reuse_from, data, ignore=shutil.ignore_patterns("clients", "server.json", ".server.lock"))
            print(f"  copied {reuse_from} to {data}", file=sys.stderr, flush=True)
        return open_store(data_dir=data), f"copied from {reuse_from}"
    expected = size + len(corpus_files())
    if (data / "appendonlydir").exists():
        store = open_store(data_dir=data)
        found = count_documents(store)
        if found == expected:
            return store, "reused"
        print(f"  {data} holds {found} documents, not {expected}: rebuilding", file=sys.stderr, flush=True)
        store.close()
    if data.exists():
        shutil.rmtree(data)
    synth = root / f"synthetic-{size}"
    if synth.exists():
        shutil.rmtree(synth)
    t = time.perf_counter()
    files = corpus_files() + generate(synth, size, SEED)
    generated = time.perf_counter() - t
    store = open_store(data_dir=data)
    t = time.perf_counter()
    summary = ingest(store, files, link=False)
    ingested = time.perf_counter() - t
    built = (f"generated in {generated:.1f} s, ingested in {ingested:.1f} s "
             f"({len(summary.ingested)} ingested, {len(summary.failed)} failed, "
             f"{len(files) / ingested:.0f} docs/s)")
    print(f"  {built}", file=sys.stderr, flush=True)
    return store, built


def server_rss(store: Store) -> float | None:
    server = getattr(store, "server", None)
    try:
        info = json.loads((server.info_path).read_text())  # type: ignore[union-attr]
        return psutil.Process(info["pid"]).memory_info().rss / MB
    except (AttributeError, OSError, ValueError, KeyError, psutil.Error):
        return None


def warm_up() -> None:
    """Load the gazetteer, jieba's dictionary and OpenCC once, so that no step pays for them."""
    from loaders.extract import extract
    from loaders.load import load_file

    files = corpus_files()
    if files:
        extract(load_file(files[0]))


def measure(size: int, data: Path, reuse_from: Path | None, root: Path, extra: list[Path]) -> SizeResult:
    import api.services.analysis as api_analysis

    print(f"size {size}: {data}", file=sys.stderr, flush=True)
    store, built = open_dir(data, size, reuse_from, root)
    result = SizeResult(size=size, data=str(data), built=built)
    try:
        result.counts["documents"] = count_documents(store)

        # 1. full link
        timed(result, "reset", lambda: similarity.reset(store))
        full = timed(result, "full link", lambda: similarity.link_pending(store))
        result.counts["issues linked"] = full.issues
        result.counts["links written"] = full.links
        result.counts["largest block"] = max(full.blocks.values(), default=0)
        result.counts["blocks"] = len(full.blocks)

        # 2. incremental link: one upload of 10 new documents
        t = time.perf_counter()
        added = ingest(store, extra, link=False)
        result.steps["ingest 10 docs (no link)"] = Timing(time.perf_counter() - t, 0.0)
        new_docs = similarity.pending_documents(store)
        if len(added.ingested) != len(extra) or len(new_docs) != len(extra):
            result.notes.append(f"incremental: {len(added.ingested)} of {len(extra)} extra documents ingested, "
                                f"{len(new_docs)} pending")
        inc = timed(result, "incremental link (10 docs)", lambda: similarity.link_pending(store))
        result.counts["incremental issues"] = inc.issues
        result.counts["incremental links"] = inc.links
        result.counts["incremental block issues"] = sum(inc.blocks.values())
        t = time.perf_counter()
        for doc in new_docs:
            delete_document(store, doc)
        result.steps["delete 10 docs"] = Timing(time.perf_counter() - t, 0.0)
        if count_documents(store) != result.counts["documents"]:
            result.notes.append("the extra documents were not all deleted")

        # 3. load
        graph = timed(result, "load", lambda: analysis.load(store))
        per_cluster = Counter(graph.problem_of(s, "cluster") for s in graph.statements)
        result.counts["statements"] = len(graph.statements)
        result.counts["clusters (>=2 statements)"] = sum(1 for n in per_cluster.values() if n >= 2)
        targets = Counter(s.target_uid for s in graph.statements)
        result.counts["targets"] = len(targets)
        result.server_rss_mb = server_rss(store)

        # 4. the analyses on the loaded graph
        timed(result, "central by category", lambda: analysis.central_problems(graph, "category"))
        timed(result, "central by cluster", lambda: analysis.central_problems(graph, "cluster"))
        groups, _, _ = timed(result, "communities by category", lambda: analysis.communities(graph, "category"))
        result.counts["communities by category"] = len(groups)
        groups, _, _ = timed(result, "communities by cluster", lambda: analysis.communities(graph, "cluster"))
        result.counts["communities by cluster"] = len(groups)
        pairs, inspections = timed(result, "co-occurrence", lambda: analysis.co_occurrence(graph))
        result.counts["co-occurring pairs"] = len(pairs)
        result.counts["inspections"] = inspections
        uid, most = targets.most_common(1)[0]
        result.notes.append(f"similar targets of {uid} ({most} statements)")
        _, _, found = timed(result, "similar targets (1 target)", lambda: analysis.similar_targets(graph, uid))
        result.counts["similar targets found"] = len(found)
        graph = None  # free it before the API loads its own copy

        # 5. the API's cached service
        timed(result, "api central, first call", lambda: api_analysis.central(store=store))
        timed(result, "api central, cached", lambda: api_analysis.central(store=store))
    finally:
        t = time.perf_counter()
        store.close()
        print(f"  store closed in {time.perf_counter() - t:.1f} s", file=sys.stderr, flush=True)
    return result



def growth(values: list[float | None]) -> str:
    first, last = values[0], values[-1]
    if first is None or last is None or len(values) < 2 or first <= 0:
        return "n/a"
    return f"{last / first:.1f}x"


def fmt_seconds(v: float | None) -> str:
    if v is None:
        return "n/a"
    return f"{v:.3f}" if v < 10 else f"{v:.1f}"


def table(title: str, header: str, rows: list[tuple[str, list[Any]]], fmt: Callable[[Any], str]) -> str:
    sizes = len(rows[0][1]) if rows else 0
    lines = [f"{title}", "", f"| {header} | " + " | ".join(HEADS) + " | growth |",
             "|---|" + "---:|" * (sizes + 1)]
    for name, values in rows:
        lines.append(f"| {name} | " + " | ".join(fmt(v) for v in values) + f" | {growth(values)} |")
    return "\n".join(lines)


HEADS: list[str] = []


def report(results: list[SizeResult], args: argparse.Namespace, wall: float) -> str:
    HEADS[:] = [f"{r.size:,}" for r in results]
    step_names = list(dict.fromkeys(name for r in results for name in r.steps))
    count_names = list(dict.fromkeys(name for r in results for name in r.counts))
    out = [f"command: python bench/analysis.py {' '.join(sys.argv[1:])}",
           f"machine: {machine()}",
           f"total run time: {wall:.0f} s"]
    for r in results:
        out.append(f"- {r.size:,}: {r.data}: {r.built}" + "".join(f"; {n}" for n in r.notes))
    out.append("")
    out.append(table("Counts (synthetic documents per column; documents include ../shared/corpus)", "count",
                     [(n, [r.counts.get(n) for r in results]) for n in count_names],
                     lambda v: "n/a" if v is None else f"{v:,}"))
    out.append("")
    out.append(table("Wall time, seconds", "step",
                     [(n, [r.steps[n].seconds if n in r.steps else None for r in results]) for n in step_names],
                     fmt_seconds))
    out.append("")
    rss_rows = [(n, [r.steps[n].rss_mb if n in r.steps else None for r in results]) for n in step_names
                if not n.endswith(("(no link)", "docs"))]
    rss_rows.append(("FalkorDB server RSS after load", [r.server_rss_mb for r in results]))
    out.append(table("Peak growth of the benchmark process's resident memory during the step, MB", "step", rss_rows,
                     lambda v: "n/a" if v is None else f"{v:.0f}"))
    return "\n".join(out)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("sizes", nargs="*", type=int, default=[1000, 2500, 5000, 10000])
    ap.add_argument("--data-root", type=Path, default=Path(tempfile.gettempdir()) / "xunshi-bench-analysis")
    ap.add_argument("--reuse-10k", type=Path, default=None,
                    help="an existing data directory of 10,000 synthetic documents, copied for the size 10000")
    ap.add_argument("--out", type=Path, default=None, help="JSON results (default DATA_ROOT/analysis.json)")
    args = ap.parse_args()
    root: Path = args.data_root
    root.mkdir(parents=True, exist_ok=True)
    started = time.perf_counter()
    warm_up()
    extra_dir = root / f"extra-seed{EXTRA_SEED}"
    if extra_dir.exists():
        shutil.rmtree(extra_dir)
    extra = generate(extra_dir, EXTRA_DOCUMENTS, EXTRA_SEED)
    results = []
    for size in sorted(args.sizes):
        reuse_from = args.reuse_10k if size == 10_000 and args.reuse_10k is not None else None
        results.append(measure(size, root / f"analysis-{size}", reuse_from, root, extra))
    wall = time.perf_counter() - started
    text = report(results, args, wall)
    print(text)
    out = args.out or root / "analysis.json"
    out.write_text(json.dumps({"command": f"python bench/analysis.py {' '.join(sys.argv[1:])}", "machine": machine(),
                               "seconds": round(wall, 1), "results": [asdict(r) for r in results]},
                              ensure_ascii=False, indent=2), encoding="utf-8")
    print(f"\nwrote {out}", file=sys.stderr)


if __name__ == "__main__":
    main()
