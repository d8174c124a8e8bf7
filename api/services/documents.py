"""Documents: upload (through the one ingest of ``graph/ingest.py``), read back, delete."""

from __future__ import annotations

import json
from pathlib import PurePath
from typing import Any

from pydantic import BaseModel, Field, field_validator

from api.errors import InvalidRequestError, NotFoundError, detail_of, status_of
from graph import queries
from graph.ingest import ingest
from graph.store import Store
from graph.writer import delete_document
from loaders.errors import FileTooLargeError, LimitExceededError
from loaders.record import Record


class DocumentText(BaseModel):
    """A document posted as JSON."""

    name: str = Field(..., min_length=1, max_length=255, description="File name; its extension picks the reader.")
    text: str = Field(..., min_length=1, description="The document's text.")


class Ingested(BaseModel):
    name: str
    id: str
    status: str = Field(description="ingested, replaced or unchanged")
    counts: dict[str, int] = Field(default_factory=dict, description="Nodes and relationships written, by type.")
    record: Record


class FileError(BaseModel):
    name: str
    status: int = Field(description="The HTTP status this file alone would get (413 too large, 422 unreadable).")
    code: str | None = None
    detail: str


class UploadResult(BaseModel):
    results: list[Ingested]
    errors: list[FileError]
    similar_links: int = Field(0, description="Near-duplicate links (SIMILAR_TO) written for the new issues.")


class DocumentPublic(BaseModel):
    id: str
    name: str | None = None
    title: str | None = None
    published: str | None = None
    kind: str | None = None
    extractor: str | None = None
    source: str | None = Field(None, description="Where the document came from: the upload's name, or the path "
                                                 "it was ingested from (a file name only, when that path is "
                                                 "absolute: the API names no server folder).")

    @field_validator("source")
    @classmethod
    def _no_server_folder(cls, value: str | None) -> str | None:
        return PurePath(value).name if value and PurePath(value).is_absolute() else value


class DocumentsPublic(BaseModel):
    data: list[DocumentPublic]
    count: int
    limit: int
    offset: int


class DocumentDetail(DocumentPublic):
    format: str | None = None
    encoding: str | None = None
    ingested_at: float | None = None
    text: str = Field(description="The normalised text (Simplified, glosses and page furniture removed).")
    original: str | None = Field(None, description="The original text; every span is an offset into it.")


def upload(*, store: Store, uploads: list[tuple[str, bytes]], max_bytes: int) -> UploadResult:
    """Ingest uploaded documents (name and bytes) through the one ingest (``graph/ingest.py``, linking
    included). Files that fail are listed with their reasons; if none was ingested, the error is raised:
    too large (every file) or nothing ingested."""
    summary = ingest(store, uploads, max_bytes=max_bytes)
    results, errors = [], []
    for done in summary.files:
        if done.error is not None:
            errors.append(FileError(name=done.name, status=status_of(done.error)[0], code=done.error.code,
                                    detail=detail_of(done.error)))
        else:
            assert done.id is not None and done.record is not None
            results.append(Ingested(name=done.name, id=done.id, status=done.status, counts=done.counts,
                                    record=done.record))
    if not results:
        detail = "; ".join(f"{e.name}: {e.detail}" if e.name not in e.detail else e.detail for e in errors)
        if {e.status for e in errors} == {413}:
            too_large = all(e.code == FileTooLargeError.code for e in errors)
            raise FileTooLargeError(detail) if too_large else LimitExceededError(detail)
        raise InvalidRequestError(detail, title="Nothing ingested")
    links = summary.linked.links if summary.linked else 0
    return UploadResult(results=results, errors=errors, similar_links=links)


def _row(store: Store, doc_id: str) -> dict[str, Any]:
    rows = store.read(queries.get("document").text, {"id": doc_id}).records()
    if not rows:
        raise NotFoundError(f"no document with id {doc_id!r}; GET /documents lists them", title="Document not found")
    return rows[0]


def get_document(*, store: Store, doc_id: str) -> DocumentDetail:
    row = _row(store, doc_id)
    return DocumentDetail(**{k: v for k, v in row.items() if k != "record"})


def get_extraction(*, store: Store, doc_id: str) -> Record:
    row = _row(store, doc_id)
    if not row.get("record"):
        raise NotFoundError(f"document {doc_id!r} was written before records were stored; ingest it again to keep "
                            f"its record", title="No extraction record")
    return Record.model_validate(json.loads(row["record"]))


def remove_document(*, store: Store, doc_id: str) -> None:
    if not delete_document(store, doc_id):
        raise NotFoundError(f"no document with id {doc_id!r}", title="Document not found")
