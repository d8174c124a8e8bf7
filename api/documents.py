"""Documents over HTTP: upload (load, extract, write, one transaction each), read back, delete.

Shared by the routes and any other caller; it takes a store and returns pydantic models.
"""

from __future__ import annotations

import json
from typing import Any

from pydantic import BaseModel, Field

from api.errors import NotFoundError, detail_of, status_of
from graph import queries
from graph.store import Store
from graph.writer import delete_document, write_document
from loaders.errors import XunshiError
from loaders.extract import extract
from loaders.load import load_bytes
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
    source: str | None = None


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


def ingest_one(store: Store, name: str, data: bytes, *, max_bytes: int) -> Ingested | FileError:
    """Load, extract and write one uploaded file; an error names the file and the reason."""
    try:
        doc = load_bytes(data, name=name, max_bytes=max_bytes)
        record = extract(doc)
        result = write_document(store, doc, record)
    except XunshiError as exc:
        return FileError(name=name, status=status_of(exc)[0], code=exc.code, detail=detail_of(exc))
    return Ingested(name=name, id=result.id, status=result.status, counts=result.counts,
                    record=record.model_copy(update={"id": result.id}))


def _row(store: Store, doc_id: str) -> dict[str, Any]:
    rows = store.read(queries.get("document").text, {"id": doc_id}).records()
    if not rows:
        raise NotFoundError(f"no document with id {doc_id!r}; GET /documents lists them", title="Document not found")
    return rows[0]


def get_document(store: Store, doc_id: str) -> DocumentDetail:
    row = _row(store, doc_id)
    return DocumentDetail(**{k: v for k, v in row.items() if k != "record"})


def get_extraction(store: Store, doc_id: str) -> Record:
    row = _row(store, doc_id)
    if not row.get("record"):
        raise NotFoundError(f"document {doc_id!r} was written before records were stored; ingest it again to keep "
                            f"its record", title="No extraction record")
    return Record.model_validate(json.loads(row["record"]))


def remove_document(store: Store, doc_id: str) -> None:
    if not delete_document(store, doc_id):
        raise NotFoundError(f"no document with id {doc_id!r}", title="Document not found")
