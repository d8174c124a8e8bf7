"""A Cypher script of parameterised, idempotent MERGE statements that loads the graph into an existing
Neo4j database (``cypher-shell -f FILE``).

The script first creates the Neo4j schema (``cypher/neo4j/schema.cypher``, IF NOT EXISTS), then, per
label, batches of ``:param {rows: [...]}`` followed by ``UNWIND $rows AS row MERGE`` on the label's key,
then per relationship type batches that create a relationship only where an identical one (same type,
same ends, same properties) is not there yet. Running it twice changes nothing.
"""

from __future__ import annotations

import json
import math
import re
from collections import defaultdict
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any

from graph.errors import ExportError
from graph.export.elements import Node, Relationship, key_property, nodes, relationships
from graph.queries import schema_statements
from graph.store import Store

BATCH_ROWS = 1_000
BATCH_CHARS = 1_000_000
_NAME = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")


def literal(value: Any) -> str:
    """``value`` as a Cypher literal (strings in double quotes with JSON escapes, which Cypher reads)."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        if not math.isfinite(value):
            raise ExportError(f"{value} has no Cypher literal")
        return repr(value)
    if isinstance(value, str):
        return json.dumps(value, ensure_ascii=False)
    if isinstance(value, list | tuple):
        return "[" + ", ".join(literal(v) for v in value) + "]"
    if isinstance(value, dict):
        return "{" + ", ".join(f"{name(str(k))}: {literal(v)}" for k, v in value.items()) + "}"
    raise ExportError(f"{type(value).__name__} values cannot be written as Cypher literals")


def name(identifier: str) -> str:
    """A label, type or key, backquoted unless it is a plain identifier."""
    if _NAME.match(identifier):
        return identifier
    if "`" in identifier:
        raise ExportError(f"the name {identifier!r} contains a backtick")
    return f"`{identifier}`"


def node_statement(label: str, other_labels: list[str]) -> str:
    key = key_property(label)
    extra = "".join(f", n:{name(x)}" for x in other_labels)
    return f"UNWIND $rows AS row MERGE (n:{name(label)} {{{key}: row.key}}) SET n += row.props{extra};"


def relationship_statement(rel_type: str, start_is_doc: bool, end_is_doc: bool) -> str:
    def end(var: str, is_doc: bool, field: str) -> str:
        return f"MATCH ({var}:Document {{id: row.{field}}})" if is_doc else f"MATCH ({var}:Entity {{uid: row.{field}}})"

    t = name(rel_type)
    return (f"UNWIND $rows AS row {end('a', start_is_doc, 'start')} {end('b', end_is_doc, 'end')} "
            f"OPTIONAL MATCH (a)-[old:{t}]->(b) WHERE properties(old) = row.props "
            f"WITH a, b, row, count(old) AS found WHERE found = 0 "
            f"CREATE (a)-[r:{t}]->(b) SET r += row.props;")


def _batches(rows: list[dict[str, Any]]) -> Iterator[str]:
    batch: list[str] = []
    size = 0
    for row in rows:
        text = literal(row)
        if batch and (len(batch) >= BATCH_ROWS or size + len(text) > BATCH_CHARS):
            yield "[" + ", ".join(batch) + "]"
            batch, size = [], 0
        batch.append(text)
        size += len(text)
    if batch:
        yield "[" + ", ".join(batch) + "]"


def _doc_id(node_id: str) -> str | None:
    return node_id.split(":", 1)[1] if node_id.startswith("Document:") else None


def write_cypher_script(store: Store, path: str | Path | IO[str]) -> dict[str, Any]:
    """Write the graph of ``store`` as a MERGE script to ``path``; return the counts written."""
    by_label: dict[tuple[str, tuple[str, ...]], list[dict[str, Any]]] = defaultdict(list)
    for node in nodes(store):
        by_label[(node.label, tuple(node.labels[1:]))].append(_node_row(node))
    by_type: dict[tuple[str, bool, bool], list[dict[str, Any]]] = defaultdict(list)
    for rel in relationships(store):
        start_doc, end_doc = _doc_id(rel.start), _doc_id(rel.end)
        by_type[(rel.type, start_doc is not None, end_doc is not None)].append(_rel_row(rel, start_doc, end_doc))

    if isinstance(path, str | Path):
        with Path(path).open("w", encoding="utf-8") as out:
            return _write(out, by_label, by_type)
    return _write(path, by_label, by_type)


def _node_row(node: Node) -> dict[str, Any]:
    key = key_property(node.label)
    if node.props.get(key) is None:
        raise ExportError(f"the {node.label} node {node.id} has no {key}")
    return {"key": node.props[key], "props": node.props}


def _rel_row(rel: Relationship, start_doc: str | None, end_doc: str | None) -> dict[str, Any]:
    return {"start": start_doc or rel.start, "end": end_doc or rel.end, "props": rel.props}


def _write(out: IO[str], by_label: dict[tuple[str, tuple[str, ...]], list[dict[str, Any]]],
           by_type: dict[tuple[str, bool, bool], list[dict[str, Any]]]) -> dict[str, Any]:
    out.write("// xunshi export --format cypher: the graph as idempotent, parameterised MERGE statements.\n"
              "// Load it with: cypher-shell -a neo4j://HOST:7687 -u USER -p PASSWORD -d DATABASE -f FILE\n"
              "// Schema first (IF NOT EXISTS), then nodes by label, then relationships by type.\n")
    for statement in schema_statements("neo4j"):
        out.write(statement + ";\n")
    counts: dict[str, dict[str, int]] = {"nodes": {}, "relationships": {}}
    for (label, others), rows in sorted(by_label.items()):
        statement = node_statement(label, list(others))
        for batch in _batches(rows):
            out.write(f":param {{rows: {batch}}}\n{statement}\n")
        counts["nodes"][label] = counts["nodes"].get(label, 0) + len(rows)
    for (rel_type, start_doc, end_doc), rows in sorted(by_type.items()):
        statement = relationship_statement(rel_type, start_doc, end_doc)
        for batch in _batches(rows):
            out.write(f":param {{rows: {batch}}}\n{statement}\n")
        counts["relationships"][rel_type] = counts["relationships"].get(rel_type, 0) + len(rows)
    return counts
