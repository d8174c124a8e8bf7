"""Stream files through load -> extract, in input order, one result per file.

A file that fails yields its error instead of a record; the stream goes on.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from loaders.errors import UnsupportedFormatError, XunshiError
from loaders.extract import extract
from loaders.load import load_file
from loaders.read import DEFAULT_MAX_BYTES, FORMATS
from loaders.record import Record
from loaders.types import LoadedDocument


@dataclass
class Outcome:
    path: Path
    doc: LoadedDocument | None = None
    record: Record | None = None
    error: XunshiError | None = None


def expand(paths: Iterable[str | Path]) -> list[Path]:
    """Files as given, and the documents inside folders (recursively, known extensions only)."""
    out: list[Path] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            out.extend(sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in FORMATS
                              and not p.name.startswith(".")))
        else:
            out.append(path)
    return out


def run(paths: Iterable[Path], *, max_bytes: int = DEFAULT_MAX_BYTES) -> Iterator[Outcome]:
    for path in paths:
        try:
            if not path.exists():
                raise UnsupportedFormatError("no such file or folder", path=path)
            doc = load_file(path, max_bytes=max_bytes)
            yield Outcome(path, doc, extract(doc))
        except XunshiError as exc:
            yield Outcome(path, error=exc)
