"""CSV files and headers for ``neo4j-admin database import full``.

One header file and one data file per node label and per relationship type, in ``nodes/`` and
``relationships/``; ``import.sh`` holds the exact command, ``manifest.json`` the counts. Two passes over
the store: the first finds each file's columns and their types, the second writes the rows.

- ``:ID`` is the uid of an entity, ``Document:<id>`` of a document (one global ID space, string ids);
- ``:LABEL`` carries all labels (``Team;Entity``), ``:TYPE`` the relationship type;
- types: ``:long``, ``:double``, ``:boolean``, strings, and arrays of them (``:string[]``); a property
  whose values mix types is written as strings;
- an absent property is an empty unquoted field; every string is quoted, so an empty string stays one;
- the array delimiter is one that no array value contains (``;`` unless it is taken).
"""

from __future__ import annotations

import csv
import json
import shlex
from collections import defaultdict
from pathlib import Path
from typing import Any

from graph.errors import ExportError
from graph.export.elements import nodes, relationships
from graph.store import Store

_DELIMITERS = (";", "|", "^", "~", "\u00a6")


def _kind(value: Any) -> str:
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, int):
        return "long"
    if isinstance(value, float):
        return "double"
    if isinstance(value, str):
        return "string"
    if isinstance(value, list):
        kinds = {_kind(v) for v in value}
        if not kinds:
            return "empty[]"
        if len(kinds) == 1 and not next(iter(kinds)).endswith("[]"):
            return next(iter(kinds)) + "[]"
        if kinds <= {"long", "double"}:
            return "double[]"
        return "string[]"
    return "json"


def _merge(kinds: set[str]) -> str:
    kinds = set(kinds)
    if len(kinds) > 1:
        kinds.discard("empty[]")
    if len(kinds) == 1:
        kind = next(iter(kinds))
        return {"empty[]": "string[]", "json": "string"}.get(kind, kind)
    if kinds <= {"long", "double"}:
        return "double"
    if all(k.endswith("[]") for k in kinds):
        return "double[]" if kinds <= {"long[]", "double[]"} else "string[]"
    return "string"


class _Columns:
    """The properties of one file and the type of each."""

    def __init__(self) -> None:
        self.kinds: dict[str, set[str]] = defaultdict(set)
        self.count = 0

    def see(self, props: dict[str, Any]) -> None:
        self.count += 1
        for key, value in props.items():
            if value is not None:
                self.kinds[key].add(_kind(value))

    def typed(self) -> list[tuple[str, str]]:
        return [(key, _merge(kinds)) for key, kinds in sorted(self.kinds.items())]


def _field(value: Any, kind: str, delimiter: str) -> str:
    if value is None:
        return ""
    if kind.endswith("[]"):
        items = value if isinstance(value, list) else [value]
        return delimiter.join(_field(v, kind[:-2], delimiter) for v in items)
    if kind == "boolean":
        return "true" if value else "false"
    if kind in ("long", "double"):
        return repr(value) if isinstance(value, float) else str(int(value))
    if isinstance(value, str):
        return value
    return json.dumps(value, ensure_ascii=False)


def _header(name: str, kind: str) -> str:
    if "," in name or ":" in name or '"' in name:
        raise ExportError(f"the property name {name!r} cannot be written in a neo4j-admin header")
    return name if kind == "string" else f"{name}:{kind}"


class _Writer:
    """Writes rows where every non-empty field is quoted; empty fields stay unquoted (absent)."""

    def __init__(self, path: Path) -> None:
        self.file = path.open("w", encoding="utf-8", newline="")

    def row(self, fields: list[str], present: list[bool]) -> None:
        cells = ['"' + f.replace('"', '""') + '"' if keep else "" for f, keep in zip(fields, present, strict=True)]
        self.file.write(",".join(cells) + "\n")

    def close(self) -> None:
        self.file.close()


def _array_strings(value: Any) -> list[str]:
    return [str(v) for v in value] if isinstance(value, list) else []


def write_neo4j_admin(store: Store, directory: str | Path, *, database: str = "neo4j") -> dict[str, Any]:
    """Write the graph of ``store`` as neo4j-admin import files into ``directory``; return the manifest."""
    out = Path(directory)
    if out.exists() and any(out.iterdir()):
        raise ExportError(f"{out} is not empty: export into a new or empty directory", path=out)
    node_cols: dict[str, _Columns] = defaultdict(_Columns)
    rel_cols: dict[str, _Columns] = defaultdict(_Columns)
    taken: set[str] = set()
    for node in nodes(store):
        node_cols[node.label].see(node.props)
        for value in node.props.values():
            taken.update(ch for s in _array_strings(value) for ch in _DELIMITERS if ch in s)
    for rel in relationships(store):
        rel_cols[rel.type].see(rel.props)
        for value in rel.props.values():
            taken.update(ch for s in _array_strings(value) for ch in _DELIMITERS if ch in s)
    free = [d for d in _DELIMITERS if d not in taken]
    if not free:
        raise ExportError(f"every array delimiter ({' '.join(_DELIMITERS)}) occurs in some array value")
    delimiter = free[0]
    (out / "nodes").mkdir(parents=True, exist_ok=True)
    (out / "relationships").mkdir(exist_ok=True)

    node_types = {label: cols.typed() for label, cols in node_cols.items()}
    writers: dict[str, _Writer] = {}
    for label, typed in node_types.items():
        _write_header(out / "nodes" / f"{label}.header.csv", [":ID", *(_header(k, t) for k, t in typed), ":LABEL"])
        writers[label] = _Writer(out / "nodes" / f"{label}.csv")
    try:
        for node in nodes(store):
            typed = node_types[node.label]
            values = [node.props.get(k) for k, _ in typed]
            fields = [node.id, *(_field(v, t, delimiter) for v, (_, t) in zip(values, typed, strict=True)),
                      delimiter.join(node.labels)]
            writers[node.label].row(fields, [True, *(v is not None for v in values), True])
    finally:
        for writer in writers.values():
            writer.close()

    rel_types = {rel_type: cols.typed() for rel_type, cols in rel_cols.items()}
    writers = {}
    for rel_type, typed in rel_types.items():
        _write_header(out / "relationships" / f"{rel_type}.header.csv",
                      [":START_ID", ":END_ID", *(_header(k, t) for k, t in typed), ":TYPE"])
        writers[rel_type] = _Writer(out / "relationships" / f"{rel_type}.csv")
    try:
        for rel in relationships(store):
            typed = rel_types[rel.type]
            values = [rel.props.get(k) for k, _ in typed]
            fields = [rel.start, rel.end, *(_field(v, t, delimiter) for v, (_, t) in zip(values, typed, strict=True)),
                      rel.type]
            writers[rel.type].row(fields, [True, True, *(v is not None for v in values), True])
    finally:
        for writer in writers.values():
            writer.close()

    command = import_command(sorted(node_cols), sorted(rel_cols), delimiter, database)
    manifest = {
        "format": "neo4j-admin", "array_delimiter": delimiter, "database": database,
        "nodes": {label: cols.count for label, cols in sorted(node_cols.items())},
        "relationships": {t: cols.count for t, cols in sorted(rel_cols.items())},
        "command": command,
    }
    (out / "manifest.json").write_text(json.dumps(manifest, ensure_ascii=False, indent=2), encoding="utf-8")
    script = out / "import.sh"
    script.write_text("#!/bin/sh\n# Run from this directory, with the Neo4j DBMS's bin/ on PATH; the database must"
                      " not exist yet.\nset -e\n" + " ".join(command[:5]) + " \\\n  "
                      + " \\\n  ".join(command[5:]) + "\n", encoding="utf-8")
    script.chmod(0o755)
    return manifest


def import_command(labels: list[str], rel_types: list[str], delimiter: str, database: str) -> list[str]:
    """The ``neo4j-admin database import full`` command for these files, one argument per item. The database
    comes right after ``full``: at the end, Neo4j 5.26 reads it as one more file of the last
    ``--relationships`` (those options take several files each)."""
    args = ["neo4j-admin", "database", "import", "full", shlex.quote(database), "--id-type=string",
            "--multiline-fields=true",
            f"--array-delimiter={shlex.quote(delimiter)}", "--skip-duplicate-nodes=false"]
    args += [f"--nodes=nodes/{label}.header.csv,nodes/{label}.csv" for label in labels]
    args += [f"--relationships=relationships/{t}.header.csv,relationships/{t}.csv" for t in rel_types]
    return args


def _write_header(path: Path, columns: list[str]) -> None:
    with path.open("w", encoding="utf-8", newline="") as f:
        csv.writer(f, lineterminator="\n").writerow(columns)
