"""Ingest benchmark: load + extract + write over a corpus folder, on the embedded store.

    python bench/ingest.py ../shared/corpus [--repeat 3] [--data DIR]

Prints one table: documents and characters per second for each phase and for
the whole pass, and the peak resident memory of the process. Each repeat
writes into a fresh graph so every document is really written.
"""

from __future__ import annotations

import argparse
import resource
import sys
import tempfile
import time
import uuid
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from graph.falkordb_store import FalkorStore
from graph.writer import write_document
from loaders.extract import extract
from loaders.load import load_file
from loaders.pipeline import expand


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("paths", nargs="+")
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--data", type=Path, default=None)
    args = ap.parse_args()
    files = [p for p in expand(args.paths) if isinstance(p, Path)]
    data = args.data or Path(tempfile.mkdtemp(prefix="xunshi-bench-"))
    base = FalkorStore.embedded(data, graph="bench-warmup")
    # Warm-up: gazetteer, jieba dictionary, OpenCC tables (reported separately).
    t0 = time.perf_counter()
    extract(load_file(files[0]))
    warmup = time.perf_counter() - t0
    timings = {"load": 0.0, "extract": 0.0, "write": 0.0}
    chars = docs = 0
    for _ in range(args.repeat):
        store = FalkorStore(base.db, graph=f"bench-{uuid.uuid4().hex[:8]}", location=base.location)
        for path in files:
            t = time.perf_counter()
            try:
                doc = load_file(path)
            except Exception:
                continue
            t1 = time.perf_counter()
            record = extract(doc)
            t2 = time.perf_counter()
            write_document(store, doc, record)
            t3 = time.perf_counter()
            timings["load"] += t1 - t
            timings["extract"] += t2 - t1
            timings["write"] += t3 - t2
            chars += len(doc.raw.original)
            docs += 1
        store.graph.delete()
    base.close()
    total = sum(timings.values())
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"corpus: {', '.join(args.paths)}; {len(files)} files x {args.repeat} passes = {docs} documents, "
          f"{chars} characters; warm-up {warmup:.2f} s")
    print(f"{'phase':<10}{'seconds':>10}{'docs/s':>10}{'chars/s':>12}")
    for phase, seconds in [*timings.items(), ("total", total)]:
        print(f"{phase:<10}{seconds:>10.3f}{docs / seconds:>10.1f}{chars / seconds:>12.0f}")
    print(f"peak resident memory: {peak_mb:.0f} MB")


if __name__ == "__main__":
    main()
