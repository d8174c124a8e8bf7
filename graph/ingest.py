"""Ingest files into a store: load, extract and write each, and sum up what happened."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from graph.similarity import LinkSummary, link_pending
from graph.store import Store
from graph.writer import write_document
from loaders.errors import XunshiError
from loaders.pipeline import run
from loaders.read import DEFAULT_MAX_BYTES


@dataclass
class IngestSummary:
    ingested: list[str] = field(default_factory=list)
    replaced: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    failed: list[tuple[str, str]] = field(default_factory=list)
    linked: LinkSummary | None = None

    @property
    def ok(self) -> bool:
        return not self.failed


def ingest_paths(store: Store, paths: Iterable[Path], *, max_bytes: int = DEFAULT_MAX_BYTES,
                 on_file: Callable[[Path, str], None] | None = None, link: bool = True) -> IngestSummary:
    """Write each file as one transaction; then (``link``) link the new issues to their near-duplicates
    (``graph/similarity.py``), a pass over the new documents only."""
    summary = IngestSummary()
    for outcome in run(paths, max_bytes=max_bytes):
        name = str(outcome.path)
        if outcome.error is not None:
            summary.failed.append((name, str(outcome.error)))
            status = "failed"
        else:
            assert outcome.doc is not None and outcome.record is not None
            try:
                result = write_document(store, outcome.doc, outcome.record)
            except XunshiError as exc:
                summary.failed.append((name, str(exc)))
                status = "failed"
            else:
                status = result.status
                getattr(summary, status).append(name)
        if on_file is not None:
            on_file(outcome.path, status)
    if link:
        summary.linked = link_pending(store)
    return summary
