"""The graph, or a filtered part of it, as a networkx graph: what ``xunshi export`` and ``GET /export``
write in the formats of ``networkx_formats.py`` (``docs/export.md``).

**Selection** (``select``):

- No filter: every node and every relationship.
- ``region`` (a code such as 532922, or a name: 漾濞县, 漾濞, 漾濞縣) and/or ``since``/``until`` (ISO
  dates, both ends included, compared with ``Document.published``; a document without a date is left out
  as soon as a period is given) select documents: those that mention the region or any region or
  locality lying in it (PART_OF, any depth), and/or those published in the period. The export keeps those
  documents, every node with a MENTIONED_IN edge to one of them, and the categories of the issues among
  those nodes. A region that is not in the graph is an error.
- ``labels`` then keeps only the nodes with at least one of these labels (``Entity`` means all entities).
- A relationship is kept when both of its ends are kept, so MENTIONED_IN only points at kept documents.
- ``text=False`` drops the large ``text``, ``original`` and ``record`` properties of documents.

The whole graph is read in one pass over pages of nodes (``elements.nodes``) and one over pages of
relationships by start node (``elements.relationships``). With a region or a period, the
documents and the node ids to keep come from ``export_region_documents``, ``export_period_documents`` and
``export_document_nodes``, then only those nodes and their relationships are read, by key
(``export_nodes_by_key``, ``export_relationships_of``).

**The networkx graph** is a ``MultiDiGraph`` keyed by node id (the entity's uid, ``Document:<id>``).
Node attributes: ``labels`` (``Issue;Entity``, the primary label first), ``label`` (the primary label),
``name`` (the ``name`` property, else ``text``, else the id: something to show in Gephi or Cytoscape),
then every property. Edge attributes: ``type`` and every property; the edge key is the type, with
``#2``, ``#3``... for further relationships of the same type between the same two nodes.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterable, Iterator
from typing import Any

import networkx as nx

from graph import queries
from graph.errors import ExportError, FilterError
from graph.export.elements import TIMEOUT_MS, Node, Relationship, node_id, nodes, relationships
from graph.rows import LABELS
from graph.store import BULK_MAX_ROWS, Store

KNOWN_LABELS = ("Document", *LABELS, "Entity")
DOCUMENT_TEXT = ("text", "original", "record")
NODE_ATTRIBUTES = ("labels", "label", "name")  # what every node has besides its properties
DOCS_PER_QUERY = 500
KEYS_PER_QUERY = 1_000
MAX_ROWS = BULK_MAX_ROWS


# ---------------------------------------------------------------------------------------------------------
# Selection


def select(store: Store, *, labels: Iterable[str] | None = None, region: str | None = None,
           since: str | None = None, until: str | None = None, text: bool = True) -> nx.MultiDiGraph:
    """The graph of ``store``, filtered as the module docstring says, as a MultiDiGraph."""
    wanted, since, until = check_filters(labels, since, until)
    region = region.strip() if region and region.strip() else None
    if region is None and not since and not until:
        found_nodes, found_rels = nodes(store), relationships(store)
    else:
        docs = _region_documents(store, region) if region is not None else None
        if since or until:
            period = _period_documents(store, since, until)
            docs = period if docs is None else docs & period
        keep = _document_nodes(store, docs or set())
        found_nodes, found_rels = _nodes_of(store, keep), _relationships_of(store, keep)

    graph = nx.MultiDiGraph()
    for node in found_nodes:
        if wanted and wanted.isdisjoint(node.labels):
            continue
        if not text and "Document" in node.labels:
            node = Node(node.id, node.labels, {k: v for k, v in node.props.items() if k not in DOCUMENT_TEXT})
        graph.add_nodes_from([(node.id, node_attributes(node))])
    for rel in found_rels:
        if rel.start in graph and rel.end in graph:
            add_edge(graph, rel.start, rel.end, edge_attributes(rel))
    return graph


def check_filters(labels: Iterable[str] | None, since: str | None, until: str | None
                  ) -> tuple[set[str], str | None, str | None]:
    """The labels and the period, checked without the store (a FilterError names what is wrong)."""
    wanted = check_labels(labels)
    since, until = _date(since, "since"), _date(until, "until")
    if since and until and since > until:
        raise FilterError(f"the period is empty: since {since} is after until {until}")
    return wanted, since, until


def check_labels(labels: Iterable[str] | None) -> set[str]:
    """The labels asked for (``Region,Issue`` may be one item); an unknown one is a FilterError."""
    wanted = {part.strip() for item in labels or () for part in item.split(",") if part.strip()}
    for label in sorted(wanted):
        if label not in KNOWN_LABELS:
            raise FilterError(f"unknown label {label!r}; known labels: {', '.join(KNOWN_LABELS)}")
    return wanted


def _date(value: str | dt.date | None, name: str) -> str | None:
    if value is None or value == "":
        return None
    if isinstance(value, dt.date):
        return value.isoformat()
    try:
        return dt.date.fromisoformat(value.strip()).isoformat()
    except ValueError as exc:
        raise FilterError(f"{name} must be an ISO date such as 2020-03-11, not {value!r}") from exc


def _region_documents(store: Store, region: str) -> set[str]:
    from loaders.places import store_key  # the names of places live with the query services

    code = store_key(region) or ""
    code = code.removeprefix("Region:")
    rows = store.read(queries.get("export_region_documents").text, {"code": code}, timeout_ms=TIMEOUT_MS).rows
    if not rows:
        shown = region if code == region.strip() else f"{region} ({code})"
        raise FilterError(f"no region {shown} in the graph: give a region's code or name")
    return set(rows[0][1])


def _period_documents(store: Store, since: str | None, until: str | None) -> set[str]:
    result = store.read(queries.get("export_period_documents").text, {"since": since, "until": until},
                        timeout_ms=TIMEOUT_MS, max_rows=MAX_ROWS)
    if result.truncated:
        raise ExportError(f"more than {MAX_ROWS} documents in the period")
    return {row[0] for row in result.rows}


def _document_nodes(store: Store, docs: set[str]) -> set[str]:
    """The ids of the documents and of the nodes kept with them."""
    keep = {f"Document:{doc}" for doc in docs}
    text = queries.get("export_document_nodes").text
    ordered = sorted(docs)
    for i in range(0, len(ordered), DOCS_PER_QUERY):
        result = store.read(text, {"docs": ordered[i:i + DOCS_PER_QUERY]}, timeout_ms=TIMEOUT_MS,
                            max_rows=MAX_ROWS)
        if result.truncated:
            raise ExportError(f"more than {MAX_ROWS} nodes mentioned in {DOCS_PER_QUERY} documents")
        keep.update(row[0] for row in result.rows if row[0] is not None)
    return keep


def _split(keep: set[str]) -> Iterator[dict[str, list[str]]]:
    """The kept ids as parameters of the by-key queries, in chunks: entity uids and document ids."""
    ordered = sorted(keep)
    for i in range(0, len(ordered), KEYS_PER_QUERY):
        chunk = ordered[i:i + KEYS_PER_QUERY]
        yield {"uids": [k for k in chunk if not k.startswith("Document:")],
               "docs": [k.removeprefix("Document:") for k in chunk if k.startswith("Document:")]}


def _nodes_of(store: Store, keep: set[str]) -> Iterator[Node]:
    text = queries.get("export_nodes_by_key").text
    for params in _split(keep):
        result = store.read(text, params, timeout_ms=TIMEOUT_MS, max_rows=MAX_ROWS)
        if result.truncated:
            raise ExportError(f"more than {MAX_ROWS} nodes for {KEYS_PER_QUERY} keys")
        for _nid, labels, props in result.rows:
            ordered = sorted(labels, key=lambda x: (x == "Entity", x))  # as elements.nodes orders them
            yield Node(node_id(ordered, props), ordered, props)


def _relationships_of(store: Store, keep: set[str]) -> Iterator[Relationship]:
    text = queries.get("export_relationships_of").text
    for params in _split(keep):
        result = store.read(text, params, timeout_ms=TIMEOUT_MS, max_rows=MAX_ROWS)
        if result.truncated:
            raise ExportError(f"more than {MAX_ROWS} relationships at {KEYS_PER_QUERY} kept nodes")
        for _rid, rel_type, start, end, props in result.rows:
            if start in keep and end in keep:
                yield Relationship(rel_type, start, end, props)


# ---------------------------------------------------------------------------------------------------------
# The attribute shape


def display_name(nid: str, props: dict[str, Any]) -> Any:
    """What a viewer shows for a node: its name, else its text, else its id."""
    if props.get("name") is not None:
        return props["name"]
    text = props.get("text")
    return text if isinstance(text, str) and text else nid


def node_attributes(node: Node) -> dict[str, Any]:
    for reserved in ("labels", "label"):
        if reserved in node.props:
            raise ExportError(f"the node {node.id} has a property {reserved!r}, a name the export uses itself")
    attrs: dict[str, Any] = {"labels": ";".join(node.labels), "label": node.labels[0] if node.labels else "",
                             "name": display_name(node.id, node.props)}
    attrs.update((k, v) for k, v in node.props.items() if v is not None)
    return attrs


def node_properties(nid: str, attrs: dict[str, Any]) -> dict[str, Any]:
    """The stored properties of a node from its attributes: ``name`` is one unless it is the fallback
    (a node whose own name equals its text, or its id without a text, cannot be told apart)."""
    props = {k: v for k, v in attrs.items() if k not in NODE_ATTRIBUTES}
    if "name" in attrs and attrs["name"] != display_name(nid, props):
        props["name"] = attrs["name"]
    return props


def edge_attributes(rel: Relationship) -> dict[str, Any]:
    if "type" in rel.props:
        raise ExportError(f"a {rel.type} relationship from {rel.start} has a property 'type', a name the "
                          "export uses itself")
    return {"type": rel.type, **{k: v for k, v in rel.props.items() if v is not None}}


def add_edge(graph: nx.MultiDiGraph, start: str, end: str, attrs: dict[str, Any]) -> None:
    rel_type = str(attrs["type"])
    key, n = rel_type, 1
    while graph.has_edge(start, end, key):
        n += 1
        key = f"{rel_type}#{n}"
    graph.add_edges_from([(start, end, key, attrs)])  # a property may be called 'key'


def summary(graph: nx.MultiDiGraph) -> dict[str, dict[str, int]]:
    """Nodes per primary label and relationships per type, as the other exporters report them."""
    labels = Counter(attrs.get("label") for _, attrs in graph.nodes(data=True))
    types = Counter(attrs.get("type") for _, _, attrs in graph.edges(data=True))
    return {"nodes": dict(sorted(labels.items())), "relationships": dict(sorted(types.items()))}
