"""Read every node and relationship of a store, a page at a time, with the ids both export formats use."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from graph import queries
from graph.errors import ExportError
from graph.store import BULK_MAX_ROWS, Store

PAGE = 5_000
MAX_ROWS = BULK_MAX_ROWS
TIMEOUT_MS = 120_000
# The property that identifies a node of each label (docs/store.md); every entity also has a unique uid.
KEY_PROPERTY = {"Document": "id", "Region": "code", "Issue": "id", "Measure": "id", "Category": "code"}


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
    """Every relationship, in pages of start nodes (a window of internal ids that grows or shrinks so a
    page holds about PAGE relationships). Paging on the relationship's own id made FalkorDB scan every
    relationship for every page (159 s for a 10,000-document graph, against 64 s this way)."""
    rows = store.read(queries.get("export_node_id_range").text, timeout_ms=TIMEOUT_MS).rows
    if not rows or rows[0][0] is None:
        return
    first, last = rows[0]
    text = queries.get("export_relationships_from").text
    after, window = first - 1, PAGE
    while after < last:
        upto = min(after + window, last)
        result = store.read(text, {"after": after, "upto": upto}, timeout_ms=TIMEOUT_MS, max_rows=MAX_ROWS)
        if result.truncated:
            raise ExportError(f"more than {MAX_ROWS} relationships start at nodes {after + 1}..{upto}")
        for _nid, _rid, rel_type, start, end, props in result.rows:
            yield Relationship(rel_type, start, end, props)
        if len(result.rows) < PAGE // 2:
            window = min(window * 2, 1 << 40)
        elif len(result.rows) > PAGE * 2:
            window = max(window // 2, 1)
        after = upto
