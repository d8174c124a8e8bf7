"""Extraction benchmark: the extractor alone, beside plain ``jieba.lcut`` on the same text.

    python bench/extract.py ../shared/corpus [--repeat 5]

Documents are loaded once; then every pass extracts every document. Throughput is
counted in KB of the normalised text (UTF-8) and in characters, on one core. The
ratio says how many times longer extraction takes than segmenting the same text
with ``jieba.lcut``: a yardstick that holds from machine to machine.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import jieba

from loaders.errors import XunshiError
from loaders.extract import extract
from loaders.load import load_file
from loaders.pipeline import expand


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("paths", nargs="+")
    ap.add_argument("--repeat", type=int, default=5)
    args = ap.parse_args()
    docs = []
    for path in (p for p in expand(args.paths) if isinstance(p, Path)):
        try:
            docs.append(load_file(path))
        except XunshiError:
            continue
    texts = [d.text for d in docs]
    size_kb = sum(len(t.encode("utf-8")) for t in texts) / 1024
    chars = sum(len(t) for t in texts)

    t = time.perf_counter()
    extract(docs[0])
    jieba.lcut(texts[0])
    warmup = time.perf_counter() - t

    t = time.perf_counter()
    for doc in docs:
        extract(doc)
    first = time.perf_counter() - t

    t = time.perf_counter()
    for _ in range(args.repeat):
        for doc in docs:
            extract(doc)
    extract_s = (time.perf_counter() - t) / args.repeat

    t = time.perf_counter()
    for _ in range(args.repeat):
        for text in texts:
            jieba.lcut(text)
    jieba_s = (time.perf_counter() - t) / args.repeat

    print(f"corpus: {', '.join(args.paths)}; {len(docs)} documents, {size_kb:.0f} KB, {chars} characters; "
          f"warm-up {warmup:.2f} s; {args.repeat} timed passes")
    print(f"{'run':<22}{'s/pass':>10}{'KB/s':>10}{'chars/s':>12}")
    for name, seconds in [("extract, first pass", first), ("extract", extract_s), ("jieba.lcut", jieba_s)]:
        print(f"{name:<22}{seconds:>10.3f}{size_kb / seconds:>10.0f}{chars / seconds:>12.0f}")
    print(f"extract / jieba.lcut time ratio: {extract_s / jieba_s:.2f}")


if __name__ == "__main__":
    main()
