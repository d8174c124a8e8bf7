"""The one ingest, for the CLI and HTTP alike: load, extract and write each document (one
transaction each), then link the new issues to their near-duplicates, and sum up what happened."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from graph.similarity import LinkSummary, link_pending
from graph.store import Store
from graph.writer import write_document
from loaders.errors import XunshiError
from loaders.pipeline import Source, run
from loaders.read import DEFAULT_MAX_BYTES
from loaders.record import Record


@dataclass
class FileOutcome:
    """What became of one document: ``status`` is ingested, replaced, unchanged or failed."""

    name: str
    status: str
    id: str | None = None
    counts: dict[str, int] = field(default_factory=dict)
    record: Record | None = None
    error: XunshiError | None = None


@dataclass
class IngestSummary:
    files: list[FileOutcome] = field(default_factory=list)
    linked: LinkSummary | None = None

    def _named(self, status: str) -> list[str]:
        return [f.name for f in self.files if f.status == status]

    @property
    def ingested(self) -> list[str]:
        return self._named("ingested")

    @property
    def replaced(self) -> list[str]:
        return self._named("replaced")

    @property
    def unchanged(self) -> list[str]:
        return self._named("unchanged")

    @property
    def failed(self) -> list[tuple[str, str]]:
        return [(f.name, str(f.error)) for f in self.files if f.error is not None]

    @property
    def ok(self) -> bool:
        return not self.failed


def ingest(store: Store, sources: Iterable[Source], *, max_bytes: int = DEFAULT_MAX_BYTES,
           on_file: Callable[[str, str], None] | None = None, link: bool = True) -> IngestSummary:
    """Write each document as one transaction (files by path, uploads as name and bytes); then (``link``)
    link the new issues to their near-duplicates (``graph/similarity.py``), a pass over the new documents
    only. ``on_file(name, status)`` is called after each document."""
    summary = IngestSummary()
    for outcome in run(sources, max_bytes=max_bytes):
        if outcome.error is not None:
            done = FileOutcome(outcome.name, "failed", error=outcome.error)
        else:
            assert outcome.doc is not None and outcome.record is not None
            try:
                result = write_document(store, outcome.doc, outcome.record)
            except XunshiError as exc:
                done = FileOutcome(outcome.name, "failed", error=exc)
            else:
                done = FileOutcome(outcome.name, result.status, id=result.id, counts=result.counts,
                                   record=outcome.record.model_copy(update={"id": result.id}))
        summary.files.append(done)
        if on_file is not None:
            on_file(outcome.name, done.status)
    if link:
        summary.linked = link_pending(store)
    return summary
