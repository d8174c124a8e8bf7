"""Write documents to the store: one document, one statement, one transaction.

Re-ingesting an unchanged document (same content hash, same extractor version)
changes nothing. A changed document (same source, new content) or one read by
a newer extractor replaces that document's facts and leaves every other
document's facts alone. Deleting a document removes what only it supported.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from typing import Literal

from graph import queries
from graph.rows import build_rows
from graph.store import Store
from loaders.extract import EXTRACTOR_VERSION
from loaders.record import Record
from loaders.types import LoadedDocument

Status = Literal["ingested", "replaced", "unchanged"]


@dataclass
class WriteResult:
    id: str
    status: Status
    counts: dict[str, int]
    replaced: list[str]


def source_of(doc: LoadedDocument) -> str:
    return doc.raw.path or doc.raw.name


def write_document(store: Store, doc: LoadedDocument, record: Record, *, force: bool = False) -> WriteResult:
    doc_id = doc.id
    source = source_of(doc)
    existing = store.read(queries.get("document_versions").text, {"id": doc_id, "source": source}).records()
    same = [e for e in existing if e["id"] == doc_id]
    if same and not force and all(e["extractor"] == EXTRACTOR_VERSION for e in same):
        return WriteResult(doc_id, "unchanged", {}, [])
    replaced = sorted({e["id"] for e in existing if e["id"] != doc_id and e["source"] == source})
    rows = build_rows(record, doc_id)
    params = rows.params()
    params.update({
        "replace": [doc_id, *replaced],
        "doc": doc_id,
        "document": {
            "name": doc.raw.name, "source": source, "format": doc.raw.format, "encoding": doc.raw.encoding,
            "title": record.title, "published": record.published, "kind": record.kind,
            "extractor": EXTRACTOR_VERSION, "text": doc.text, "original": doc.raw.original,
            "record": record.model_dump_json(),
            "ingested_at": time.time(),
        },
    })
    # A document the graph holds no version of has nothing to forget first (graph/ingest at scale: docs/performance.md).
    store.write(queries.get("write_document" if existing else "write_new_document").text, params)
    status: Status = "replaced" if replaced or same else "ingested"
    return WriteResult(doc_id, status, rows.counts(), replaced)


def delete_document(store: Store, doc_id: str) -> bool:
    found = store.read(queries.get("document_exists").text, {"id": doc_id}).rows[0][0]
    if not found:
        return False
    store.write(queries.get("delete_document").text, {"replace": [doc_id]})
    return True
