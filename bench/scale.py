"""Write cost as the graph grows: synthetic documents (bench/synthetic.py) written one by one into a fresh
embedded graph, with the write time of each document measured alone (load and extraction are done first).

    python bench/scale.py [--count 2000] [--seed 7] [--always-forget]

Prints the write ms per document over the first and the last 10% of the documents, and their ratio: a
write path whose cost grows with the graph shows a ratio well above 1. ``--always-forget`` runs the
forget step on new documents too (the write path before 0.5.0 of the writer), for comparison.
This is the first part of the scale benchmark of issue 14; ingest end to end at 100,000 documents is not
measured yet.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
import uuid
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.synthetic import generate
from graph import queries, writer
from graph.falkordb_store import FalkorStore
from loaders.pipeline import expand, run


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--count", type=int, default=2000)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--always-forget", action="store_true")
    args = ap.parse_args()
    work = Path(tempfile.mkdtemp(prefix="xunshi-scale-"))
    generate(work / "corpus", count=args.count, seed=args.seed)
    prepared = [(o.doc, o.record) for o in run(expand([work / "corpus"])) if o.doc is not None]
    base = FalkorStore.embedded(work / "data", graph="warm")
    store = FalkorStore(base.db, graph=f"scale-{uuid.uuid4().hex[:8]}", location=base.location)
    store.ensure_schema()
    if args.always_forget:
        new = queries.get("write_new_document")
        original = queries.get

        def always(name: str) -> queries.NamedQuery:
            return original("write_document") if name == new.name else original(name)

        writer.queries.get = always  # type: ignore[assignment]
    times = []
    for doc, record in prepared:
        assert doc is not None and record is not None
        t = time.perf_counter()
        writer.write_document(store, doc, record)
        times.append((time.perf_counter() - t) * 1000)
    tenth = max(1, len(times) // 10)
    first, last = statistics.mean(times[:tenth]), statistics.mean(times[-tenth:])
    mode = "forget on every write" if args.always_forget else "forget only on replacement"
    print(f"{len(times)} documents written ({mode}); write ms per document: first 10% {first:.1f}, "
          f"last 10% {last:.1f}, ratio {last / first:.2f}; total {sum(times) / 1000:.1f} s")
    store.graph.delete()
    base.close()


if __name__ == "__main__":
    main()
