"""Stream documents through load -> extract, in input order, one result per document.

A source is a file (a path) or an upload (a name and its bytes). A source that fails
yields its error instead of a record; the stream goes on.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from loaders.errors import LimitExceededError, LoadError, UnsupportedFormatError, XunshiError
from loaders.extract import extract
from loaders.load import load_bytes, load_file
from loaders.names import upload_name
from loaders.read import DEFAULT_MAX_BYTES, FORMATS
from loaders.record import Record
from loaders.types import LoadedDocument

_log = logging.getLogger("xunshi")

@dataclass(frozen=True)
class Refused:
    """A file inside a folder that is not read, and why (a link out of the folder, a broken link)."""

    path: Path
    reason: str


#: A file on disk, an uploaded document (its name, whose extension picks the reader, and its bytes), or a
#: file of a folder that is refused before reading.
Source = Path | tuple[str, bytes] | Refused


@dataclass
class Outcome:
    name: str
    path: Path | None = None
    doc: LoadedDocument | None = None
    record: Record | None = None
    error: XunshiError | None = None


def expand(paths: Iterable[str | Path]) -> list[Path | Refused]:
    """Files as given, and the documents inside folders (recursively, known extensions only, hidden
    files left out), each folder in name order."""
    out: list[Path | Refused] = []
    for raw in paths:
        path = Path(raw)
        out.extend(_walk(path) if path.is_dir() else [path])
    return out


def _walk(root: Path) -> list[Path | Refused]:
    """The documents of one folder. Symbolic links are followed only while they stay inside the folder:
    a link out of it is refused (a folder of documents must not read ``/etc``), a directory met twice
    (a link loop, or two links to one place) is walked once, a file met twice is read once."""
    top = root.resolve()
    seen_dirs: set[Path] = set()
    files_by_target: dict[Path, Path] = {}
    found: list[Path | Refused] = []
    for folder, dirs, files in os.walk(root, followlinks=True):
        real = Path(folder).resolve()
        if real in seen_dirs or not real.is_relative_to(top):
            dirs[:] = []
            if not real.is_relative_to(top):
                found.append(Refused(Path(folder), "a symbolic link to a place outside the folder"))
            continue
        seen_dirs.add(real)
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            path = Path(folder) / name
            if name.startswith(".") or path.suffix.lower() not in FORMATS:
                continue
            target = path.resolve()
            if not target.exists():
                found.append(Refused(path, "a broken symbolic link"))
            elif not target.is_relative_to(top):
                found.append(Refused(path, "a symbolic link to a place outside the folder"))
            elif target.is_file():
                known = files_by_target.get(target)
                if known is None or (known.is_symlink() and not path.is_symlink()):  # the file's own name wins
                    files_by_target[target] = path
    found.extend(files_by_target.values())
    found.sort(key=lambda item: str(item.path if isinstance(item, Refused) else item))
    return found


def run(sources: Iterable[Source], *, max_bytes: int = DEFAULT_MAX_BYTES) -> Iterator[Outcome]:
    for source in sources:
        if isinstance(source, Refused):
            yield Outcome(str(source.path), source.path,
                          error=LoadError(f"not read: {source.reason}", path=source.path))
            continue
        if isinstance(source, Path):
            name, path = str(source), source
        else:
            name, path = upload_name(source[0]), None
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
        except (RecursionError, MemoryError) as exc:  # what the readers' own bounds did not foresee
            reason = "nested too deeply" if isinstance(exc, RecursionError) else "too large for memory"
            yield Outcome(name, path, error=LimitExceededError(f"reading it failed: {reason}", path=path or name))
        except Exception as exc:  # a bug in a reader or the extractor: this file fails, the others go on
            _log.exception("reading %s failed", name)
            yield Outcome(name, path, error=LoadError(f"reading it failed with an internal error "
                                                      f"({exc.__class__.__name__}); please report it",
                                                      path=path or name))
