"""Read every node and relationship of a store, a page at a time, with the ids both export formats use."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from graph import queries
from graph.store import Store
from loaders.errors import XunshiError

PAGE = 5_000
TIMEOUT_MS = 120_000
# The property that identifies a node of each label (docs/store.md); every entity also has a unique uid.
KEY_PROPERTY = {"Document": "id", "Region": "code", "Issue": "id", "Measure": "id", "Category": "code"}


class ExportError(XunshiError):
    """The graph cannot be exported as asked."""

    code = "E210"


@dataclass
class Node:
    id: str
    labels: list[str]  # the primary label first, then the others (Entity)
    props: dict[str, Any]

    @property
    def label(self) -> str:
        return self.labels[0]


@dataclass
class Relationship:
    type: str
    start: str
    end: str
    props: dict[str, Any]


def node_id(labels: list[str], props: dict[str, Any]) -> str:
    """``Document:<id>`` for a document, the uid (``Label:key``) for an entity."""
    if "Document" in labels:
        return f"Document:{props['id']}"
    if "uid" not in props:
        raise ExportError(f"a node labelled {':'.join(labels)} has no uid, so it cannot be exported: {props}")
    return str(props["uid"])


def key_property(label: str) -> str:
    return KEY_PROPERTY.get(label, "key")


def nodes(store: Store) -> Iterator[Node]:
    text = queries.get("export_nodes").text
    after = -1
    while True:
        rows = store.read(text, {"after": after, "limit": PAGE}, timeout_ms=TIMEOUT_MS, max_rows=PAGE).rows
        for _nid, labels, props in rows:
            ordered = sorted(labels, key=lambda x: (x == "Entity", x))
            yield Node(node_id(ordered, props), ordered, props)
        if len(rows) < PAGE:
            return
        after = rows[-1][0]


def relationships(store: Store) -> Iterator[Relationship]:
    text = queries.get("export_relationships").text
    after = -1
    while True:
        rows = store.read(text, {"after": after, "limit": PAGE}, timeout_ms=TIMEOUT_MS, max_rows=PAGE).rows
        for _rid, rel_type, start, end, props in rows:
            yield Relationship(rel_type, start, end, props)
        if len(rows) < PAGE:
            return
        after = rows[-1][0]
