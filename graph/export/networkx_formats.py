"""The graph, or a filtered part of it, as a networkx graph and as files other graph tools read: GraphML,
GEXF, networkx node-link JSON and JSON Lines (``docs/export.md``).

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

**Files.** GraphML and GEXF hold only scalars of one type per attribute, so an attribute (per nodes or
edges) is written as JSON text when any of its values is a list or map, when its values have different
types, or when a string cannot be written into XML as it is (control characters, a carriage return, and
for GraphML the empty string). Those attribute names are listed in ``json_keys``
(``{"node": [...], "edge": [...]}``): a graph attribute of GraphML, the ``<meta><description>`` of GEXF.
Attribute names the format itself uses (GEXF: ``id``, ``label``, ``start``, ``end``, ``key``, ...;
node-link: ``id`` of nodes, ``source``/``target``/``key`` of edges) are written with a ``_`` in front,
and so is every name that starts with ``_``. In GEXF the node label is ``name`` and the edge label the
type (what Gephi shows). JSON Lines is our own: one node or relationship per line, properties apart.
``read`` undoes all of this and gives back the same graph.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import xml.etree.ElementTree as ET
from collections import Counter
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import IO, Any

import networkx as nx
from networkx.readwrite.gexf import GEXFWriter

from graph import queries
from graph.errors import ExportError, FilterError
from graph.export.elements import TIMEOUT_MS, Node, Relationship, node_id, nodes, relationships
from graph.rows import LABELS
from graph.store import BULK_MAX_ROWS, Store

FORMATS = ("graphml", "gexf", "jsonl", "node-link")
EXTENSIONS = {"graphml": "graphml", "gexf": "gexf", "jsonl": "jsonl", "node-link": "json"}
MEDIA_TYPES = {"graphml": "application/graphml+xml", "gexf": "application/gexf+xml",
               "jsonl": "application/jsonl", "node-link": "application/json"}
KNOWN_LABELS = ("Document", *LABELS, "Entity")
DOCUMENT_TEXT = ("text", "original", "record")
NODE_ATTRIBUTES = ("labels", "label", "name")  # what every node has besides its properties
DOCS_PER_QUERY = 500
KEYS_PER_QUERY = 1_000
MAX_ROWS = BULK_MAX_ROWS

# Names networkx's GEXF writer and reader treat specially (XML attributes, time spells, drawing).
_GEXF_RESERVED = {
    "node": {"id", "label", "pid", "start", "end", "viz", "parents", "spells", "slices", "key", "networkx_key"},
    "edge": {"id", "label", "weight", "type", "start", "end", "viz", "spells", "slices", "key", "networkx_key"},
}
_NODE_LINK_RESERVED = {"node": {"id"}, "edge": {"source", "target", "key"}}
# Characters XML 1.0 cannot hold, and the carriage return, which an XML parser turns into a line feed.
_NOT_XML = re.compile("[^\t\n\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
_SCALARS = (str, int, float, bool)


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
            _add_edge(graph, rel.start, rel.end, edge_attributes(rel))
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


def _add_edge(graph: nx.MultiDiGraph, start: str, end: str, attrs: dict[str, Any]) -> None:
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


# ---------------------------------------------------------------------------------------------------------
# Writing


def write(graph: nx.MultiDiGraph, path: str | Path | IO[bytes], fmt: str) -> dict[str, dict[str, int]]:
    """Write ``graph`` (the shape ``select`` makes) to a file or binary stream; return the summary."""
    writer = {"graphml": _write_graphml, "gexf": _write_gexf, "jsonl": _write_jsonl,
              "node-link": _write_node_link}.get(fmt)
    if writer is None:
        raise ExportError(f"unknown format {fmt!r}; formats: {', '.join(FORMATS)}")
    if not isinstance(path, str | Path):
        writer(graph, path)
        return summary(graph)
    target = Path(path)
    try:
        with target.open("wb") as out:
            writer(graph, out)
    except BaseException:
        target.unlink(missing_ok=True)
        raise
    return summary(graph)


def _json_keys(items: Iterable[dict[str, Any]], *, empty_ok: bool) -> list[str]:
    """The attribute names that must be written as JSON text in an XML format."""
    kinds: dict[str, type] = {}
    encode: set[str] = set()
    for attrs in items:
        for key, value in attrs.items():
            if key in encode:
                continue
            kind = type(value)
            if kind not in _SCALARS:
                encode.add(key)
            elif kinds.setdefault(key, kind) is not kind:
                encode.add(key)
            elif kind is str and ((not empty_ok and value == "") or _NOT_XML.search(value)):
                encode.add(key)
    return sorted(encode)


def _to_json(value: Any) -> str:
    try:
        text = json.dumps(value, ensure_ascii=False)
    except (TypeError, ValueError) as exc:
        raise ExportError(f"a {type(value).__name__} value cannot be exported: {exc}") from exc
    # json escapes control characters; escape the other code points XML cannot hold as well.
    return _NOT_XML.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


def _encoded(attrs: dict[str, Any], as_json: set[str], reserved: set[str] | None = None) -> dict[str, Any]:
    out = {}
    for key, value in attrs.items():
        if value is None:
            continue
        if key in as_json:
            value = _to_json(value)
        out[_escape(key, reserved) if reserved is not None else key] = value
    return out


def _escape(name: str, reserved: set[str]) -> str:
    return "_" + name if name in reserved or name.startswith("_") else name


def _unescape(name: str) -> str:
    return name[1:] if name.startswith("_") else name


def _check_xml_ids(graph: nx.MultiDiGraph) -> None:
    for node in graph:
        if _NOT_XML.search(str(node)):
            raise ExportError(f"the node id {node!r} holds characters XML cannot carry")


def _xml_plan(graph: nx.MultiDiGraph, *, empty_ok: bool) -> dict[str, list[str]]:
    _check_xml_ids(graph)
    return {"node": _json_keys((a for _, a in graph.nodes(data=True)), empty_ok=empty_ok),
            "edge": _json_keys((a for _, _, a in graph.edges(data=True)), empty_ok=empty_ok)}


def _write_graphml(graph: nx.MultiDiGraph, out: IO[bytes]) -> None:
    plan = _xml_plan(graph, empty_ok=False)
    node_json, edge_json = set(plan["node"]), set(plan["edge"])
    copy = nx.MultiDiGraph(json_keys=json.dumps(plan, ensure_ascii=False))
    copy.add_nodes_from((n, _encoded(a, node_json)) for n, a in graph.nodes(data=True))
    # Edge ids unique in the whole file (Gephi drops edges whose id it has seen); read() rebuilds the keys.
    copy.add_edges_from((u, v, f"e{i}", _encoded(a, edge_json))
                        for i, (u, v, a) in enumerate(graph.edges(data=True)))
    nx.write_graphml(copy, out, encoding="utf-8", prettyprint=True)


def _write_gexf(graph: nx.MultiDiGraph, out: IO[bytes]) -> None:
    plan = _xml_plan(graph, empty_ok=True)
    node_json, edge_json = set(plan["node"]), set(plan["edge"])
    copy = nx.MultiDiGraph()
    for n, attrs in graph.nodes(data=True):
        data = _encoded(attrs, node_json, _GEXF_RESERVED["node"])
        data["label"] = _NOT_XML.sub("\ufffd", str(attrs.get("name", n)))  # what Gephi shows
        copy.add_nodes_from([(n, data)])
    for u, v, key, attrs in graph.edges(keys=True, data=True):
        data = _encoded(attrs, edge_json, _GEXF_RESERVED["edge"])
        data["label"] = str(attrs.get("type", ""))
        copy.add_edges_from([(u, v, key, data)])  # the key is written as networkx_key
    writer = GEXFWriter(encoding="utf-8", prettyprint=True, version="1.2draft")
    writer.add_graph(copy)
    meta = writer.xml.find("meta")
    if meta is not None:
        ET.SubElement(meta, "description").text = json.dumps({"json_keys": plan}, ensure_ascii=False)
    writer.write(out)


def _write_node_link(graph: nx.MultiDiGraph, out: IO[bytes]) -> None:
    copy = nx.MultiDiGraph()
    copy.add_nodes_from((n, _encoded(a, set(), _NODE_LINK_RESERVED["node"])) for n, a in graph.nodes(data=True))
    copy.add_edges_from((u, v, k, _encoded(a, set(), _NODE_LINK_RESERVED["edge"]))
                        for u, v, k, a in graph.edges(keys=True, data=True))
    data = nx.node_link_data(copy, edges="edges")
    try:
        text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    except (TypeError, ValueError) as exc:
        raise ExportError(f"the graph cannot be written as JSON: {exc}") from exc
    out.write(text.encode("utf-8"))
    out.write(b"\n")


def jsonl_lines(graph: nx.MultiDiGraph) -> Iterator[dict[str, Any]]:
    """The JSON Lines records: every node, then every relationship."""
    for n, attrs in graph.nodes(data=True):
        labels = str(attrs.get("labels", "")).split(";") if attrs.get("labels") else []
        yield {"type": "node", "id": n, "labels": labels, "properties": node_properties(n, attrs)}
    for u, v, attrs in graph.edges(data=True):
        yield {"type": "relationship", "label": attrs.get("type"), "start": u, "end": v,
               "properties": {k: val for k, val in attrs.items() if k != "type"}}


def _write_jsonl(graph: nx.MultiDiGraph, out: IO[bytes]) -> None:
    for record in jsonl_lines(graph):
        try:
            line = json.dumps(record, ensure_ascii=False, separators=(",", ":"))
        except (TypeError, ValueError) as exc:
            raise ExportError(f"{record.get('id') or record.get('label')} cannot be written as JSON: {exc}") from exc
        out.write(line.encode("utf-8") + b"\n")


# ---------------------------------------------------------------------------------------------------------
# Reading back


def read(path: str | Path, fmt: str) -> nx.MultiDiGraph:
    """A file written by ``write``, as the graph ``select`` made (lists and types restored)."""
    if fmt == "graphml":
        return _read_graphml(path)
    if fmt == "gexf":
        return _read_gexf(path)
    if fmt == "node-link":
        return _read_node_link(path)
    if fmt == "jsonl":
        return read_jsonl(path)
    raise ExportError(f"unknown format {fmt!r}; formats: {', '.join(FORMATS)}")


def _decoded(attrs: dict[str, Any], as_json: set[str], escaped: bool) -> dict[str, Any]:
    out = {}
    for key, value in attrs.items():
        name = _unescape(key) if escaped else key
        out[name] = json.loads(value) if name in as_json and isinstance(value, str) else value
    return out


def _rebuild(node_items: Iterable[tuple[str, dict[str, Any]]],
             edge_items: Iterable[tuple[str, str, dict[str, Any]]]) -> nx.MultiDiGraph:
    graph = nx.MultiDiGraph()
    graph.add_nodes_from(node_items)
    for u, v, attrs in edge_items:
        _add_edge(graph, u, v, attrs)
    return graph


def _read_graphml(path: str | Path) -> nx.MultiDiGraph:
    raw = nx.read_graphml(path, force_multigraph=True)
    plan = json.loads(raw.graph.get("json_keys") or "{}")
    node_json, edge_json = set(plan.get("node", ())), set(plan.get("edge", ()))
    return _rebuild(((n, _decoded(a, node_json, False)) for n, a in raw.nodes(data=True)),
                    ((u, v, _decoded(a, edge_json, False)) for u, v, a in raw.edges(data=True)))


def gexf_json_keys(path: str | Path) -> dict[str, list[str]]:
    """The ``json_keys`` a GEXF file of ours records in ``<meta><description>``."""
    for _, element in ET.iterparse(str(path), events=("end",)):
        tag = element.tag.rsplit("}", 1)[-1]
        if tag == "description":
            try:
                return json.loads(element.text or "{}").get("json_keys", {})
            except (ValueError, AttributeError):
                return {}
        if tag in ("meta", "graph", "attributes", "nodes"):
            break
    return {}


def _read_gexf(path: str | Path) -> nx.MultiDiGraph:
    plan = gexf_json_keys(path)
    node_json, edge_json = set(plan.get("node", ())), set(plan.get("edge", ()))
    raw = nx.read_gexf(path, version="1.2draft")
    edges = raw.edges(keys=True, data=True) if raw.is_multigraph() else ((u, v, None, a)
                                                                       for u, v, a in raw.edges(data=True))
    return _rebuild(
        ((n, _decoded({k: x for k, x in a.items() if k != "label"}, node_json, True))
         for n, a in raw.nodes(data=True)),
        ((u, v, _decoded({k: x for k, x in a.items() if k not in ("id", "label")}, edge_json, True))
         for u, v, _, a in edges))


def _read_node_link(path: str | Path) -> nx.MultiDiGraph:
    with Path(path).open(encoding="utf-8") as f:
        data = json.load(f)
    raw = nx.node_link_graph(data, directed=True, multigraph=True, edges="edges")
    return _rebuild(((n, _decoded(a, set(), True)) for n, a in raw.nodes(data=True)),
                    ((u, v, _decoded(a, set(), True)) for u, v, a in raw.edges(data=True)))


def read_jsonl(path: str | Path) -> nx.MultiDiGraph:
    """A JSON Lines export as the graph ``select`` made."""
    graph = nx.MultiDiGraph()
    with Path(path).open(encoding="utf-8") as f:
        for number, line in enumerate(f, 1):
            if not line.strip():
                continue
            record = json.loads(line)
            if record.get("type") == "node":
                node = Node(record["id"], list(record.get("labels") or []), record.get("properties") or {})
                graph.add_nodes_from([(node.id, node_attributes(node))])
            elif record.get("type") == "relationship":
                rel = Relationship(record["label"], record["start"], record["end"], record.get("properties") or {})
                _add_edge(graph, rel.start, rel.end, edge_attributes(rel))
            else:
                raise ExportError(f"line {number} is neither a node nor a relationship", path=path)
    return graph
