"""The networkx graph of ``selection.py`` as files other graph tools read: GraphML, GEXF, networkx
node-link JSON and JSON Lines (``docs/export.md``), and read back.

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

import json
import re
import xml.etree.ElementTree as ET
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import IO, Any

import networkx as nx
from networkx.readwrite.gexf import GEXFWriter

from graph.errors import ExportError
from graph.export.elements import Node, Relationship
from graph.export.selection import add_edge, edge_attributes, node_attributes, node_properties, summary

FORMATS = ("graphml", "gexf", "jsonl", "node-link")
EXTENSIONS = {"graphml": "graphml", "gexf": "gexf", "jsonl": "jsonl", "node-link": "json"}
MEDIA_TYPES = {"graphml": "application/graphml+xml", "gexf": "application/gexf+xml",
               "jsonl": "application/jsonl", "node-link": "application/json"}

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
        add_edge(graph, u, v, attrs)
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
                add_edge(graph, rel.start, rel.end, edge_attributes(rel))
            else:
                raise ExportError(f"line {number} is neither a node nor a relationship", path=path)
    return graph
