"""The types passed between loader steps."""

from __future__ import annotations

import hashlib

from pydantic import BaseModel, ConfigDict

from loaders.mapped import MappedText
from loaders.structure import Block


class RawDocument(BaseModel):
    """A file as read: its original text before any normalisation."""

    model_config = ConfigDict(extra="forbid")

    name: str
    path: str | None = None
    format: str
    encoding: str | None = None
    original: str
    size: int


class LoadedDocument(BaseModel):
    """A document ready for extraction: normalised text with its map to the original."""

    model_config = ConfigDict(extra="forbid", arbitrary_types_allowed=True)

    raw: RawDocument
    mapped: MappedText
    sentences: list[tuple[int, int]]
    blocks: list[Block] = []

    @property
    def text(self) -> str:
        return self.mapped.text

    @property
    def id(self) -> str:
        """The document id: a content hash of the normalised text."""
        return hashlib.sha256(self.mapped.text.encode("utf-8")).hexdigest()[:32]

    def span(self, start: int, end: int) -> tuple[int, int]:
        """A span of the normalised text as offsets into the original text."""
        return self.mapped.to_original(start, end)
