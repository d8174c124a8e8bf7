"""Stream documents through load -> extract, in input order, one result per document.

A source is a file (a path) or an upload (a name and its bytes). A source that fails
yields its error instead of a record; the stream goes on.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from loaders.errors import UnsupportedFormatError, XunshiError
from loaders.extract import extract
from loaders.load import load_bytes, load_file
from loaders.read import DEFAULT_MAX_BYTES, FORMATS
from loaders.record import Record
from loaders.types import LoadedDocument

#: A file on disk, or an uploaded document: its name (the extension picks the reader) and its bytes.
Source = Path | tuple[str, bytes]


@dataclass
class Outcome:
    name: str
    path: Path | None = None
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


def run(sources: Iterable[Source], *, max_bytes: int = DEFAULT_MAX_BYTES) -> Iterator[Outcome]:
    for source in sources:
        if isinstance(source, Path):
            name, path = str(source), source
        else:
            name, path = source[0], None
        try:
            if path is None:
                doc = load_bytes(source[1], name=name, max_bytes=max_bytes)  # type: ignore[index]
            elif not path.exists():
                raise UnsupportedFormatError("no such file or folder", path=path)
            else:
                doc = load_file(path, max_bytes=max_bytes)
            yield Outcome(name, path, doc, extract(doc))
        except XunshiError as exc:
            yield Outcome(name, path, error=exc)
