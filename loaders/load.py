"""From a file (or bytes) to a :class:`LoadedDocument`: read, normalise, split."""

from __future__ import annotations

from pathlib import Path

from loaders.errors import NoTextError
from loaders.normalise import normalise
from loaders.read import DEFAULT_MAX_BYTES, read_bytes, read_file
from loaders.sentences import split_sentences
from loaders.structure import split_blocks
from loaders.types import LoadedDocument, RawDocument


def prepare(raw: RawDocument) -> LoadedDocument:
    mapped = normalise(raw.original)
    if not mapped.text.strip():
        raise NoTextError("nothing left after page furniture was removed", path=raw.path or raw.name)
    sentences = split_sentences(mapped.text)
    return LoadedDocument(raw=raw, mapped=mapped, sentences=sentences, blocks=split_blocks(mapped.text, sentences))


def load_file(path: str | Path, *, max_bytes: int = DEFAULT_MAX_BYTES) -> LoadedDocument:
    return prepare(read_file(path, max_bytes=max_bytes))


def load_bytes(data: bytes, *, name: str, max_bytes: int = DEFAULT_MAX_BYTES) -> LoadedDocument:
    return prepare(read_bytes(data, name=name, max_bytes=max_bytes))


def load_text(text: str, *, name: str = "text.txt") -> LoadedDocument:
    raw = RawDocument(name=name, format="txt", encoding="utf-8", original=text, size=len(text.encode()))
    return prepare(raw)
