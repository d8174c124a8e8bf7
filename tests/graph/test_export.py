"""``xunshi export``: neo4j-admin import files and the MERGE script, read back and checked against the graph.

No neo4j-admin or cypher-shell runs here: the CSV files are parsed by the header rules of
``neo4j-admin database import`` and must give back every node and relationship exactly; the script's
statements run on FalkorDB (the Neo4j-only schema lines left out) and must rebuild the same graph, twice
without change. tests/graph/test_neo4j_real.py loads the script into a real Neo4j when NEO4J_URI is set.
"""

from __future__ import annotations

import json
import subprocess
import sys
import uuid
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from api.services.recurring import recurring
from api.services.stats import stats as graph_stats
from graph.errors import ExportError
from graph.export import write_cypher_script, write_neo4j_admin
from graph.export.elements import nodes, relationships
from graph.falkordb_store import FalkorStore
from tests.conftest import ROOT, needs_shared

pytestmark = needs_shared


@pytest.fixture
def empty_graph(_server_store: FalkorStore) -> Iterator[FalkorStore]:
    store = FalkorStore(_server_store.db, graph=f"import{uuid.uuid4().hex[:8]}", location="import target")
    yield store
    store.graph.delete()


def _cells(text: str) -> list[list[tuple[str, bool]]]:
    """Rows of (field, quoted) from CSV text: quotes double inside quoted fields, which may span lines."""
    rows: list[list[tuple[str, bool]]] = []
    row: list[tuple[str, bool]] = []
    i, n = 0, len(text)
    while i < n:
        if text[i] == '"':
            j, buf = i + 1, []
            while True:
                k = text.index('"', j)
                buf.append(text[j:k])
                if k + 1 < n and text[k + 1] == '"':
                    buf.append('"')
                    j = k + 2
                    continue
                i = k + 1
                break
            row.append(("".join(buf), True))
        else:
            j = i
            while j < n and text[j] not in ",\n":
                j += 1
            row.append((text[i:j], False))
            i = j
        if i < n and text[i] == ",":
            i += 1
            if i == n or text[i] == "\n":
                row.append(("", False))
        if i < n and text[i] == "\n":
            rows.append(row)
            row = []
            i += 1
    if row:
        rows.append(row)
    return rows


def _value(field: str, quoted: bool, kind: str, delimiter: str) -> Any:
    if not quoted and field == "":
        return None
    if kind.endswith("[]"):
        return [_value(x, True, kind[:-2], delimiter) for x in field.split(delimiter)]
    return {"long": int, "double": float, "boolean": lambda s: s == "true"}.get(kind, str)(field)


def _read_admin(directory: Path, delimiter: str) -> tuple[list[Any], list[Any]]:
    """Nodes (id, labels, props) and relationships (type, start, end, props) from the import files."""
    read_nodes, read_rels = [], []
    for kind, out in (("nodes", read_nodes), ("relationships", read_rels)):
        for header_path in sorted((directory / kind).glob("*.header.csv")):
            header = header_path.read_text(encoding="utf-8").strip().split(",")
            data = header_path.with_name(header_path.name.replace(".header", ""))
            for row in _cells(data.read_text(encoding="utf-8")):
                assert len(row) == len(header), (data, row)
                props, special = {}, {}
                for column, (field, quoted) in zip(header, row, strict=True):
                    prop, _, col_type = column.partition(":")
                    if prop == "":
                        special[col_type] = field
                    elif (value := _value(field, quoted, col_type or "string", delimiter)) is not None:
                        props[prop] = value
                if kind == "nodes":
                    out.append((special["ID"], sorted(special["LABEL"].split(delimiter)), props))
                else:
                    out.append((special["TYPE"], special["START_ID"], special["END_ID"], props))
    return read_nodes, read_rels


def _key(item: Any) -> str:
    """A node or relationship as comparable text. Floats to 15 significant digits: FalkorDB answers with
    no more, Neo4j with all 17 (the seeds' ``ingested_at`` differs in its last digits across stores)."""
    def rounded(value: Any) -> Any:
        if isinstance(value, float):
            return float(f"{value:.15g}")
        if isinstance(value, dict):
            return {k: rounded(v) for k, v in value.items()}
        if isinstance(value, (list, tuple)):
            return [rounded(v) for v in value]
        return value
    return json.dumps(rounded(item), ensure_ascii=False, sort_keys=True)


def test_neo4j_admin_files_hold_every_node_and_relationship(seeded: FalkorStore, tmp_path: Path) -> None:
    out = tmp_path / "admin"
    manifest = write_neo4j_admin(seeded, out)
    stats = graph_stats(store=seeded)
    assert manifest["nodes"] == stats.labels and manifest["relationships"] == stats.relationships
    got_nodes, got_rels = _read_admin(out, manifest["array_delimiter"])
    want_nodes = [(n.id, sorted(n.labels), n.props) for n in nodes(seeded)]
    want_rels = [(r.type, r.start, r.end, r.props) for r in relationships(seeded)]
    assert Counter(map(_key, got_nodes)) == Counter(map(_key, want_nodes))
    assert Counter(map(_key, got_rels)) == Counter(map(_key, want_rels))
    person = next(n for n in got_nodes if n[1] == ["Entity", "Person"])
    assert isinstance(person[2]["titles"], list), "arrays stay arrays (string[])"
    header = (out / "nodes" / "Document.header.csv").read_text(encoding="utf-8")
    assert header.startswith(":ID,") and "ingested_at:double" in header and header.strip().endswith(":LABEL")
    script = (out / "import.sh").read_text(encoding="utf-8")
    assert "neo4j-admin database import full" in script and "--multiline-fields=true" in script
    for label in stats.labels:
        assert f"--nodes=nodes/{label}.header.csv,nodes/{label}.csv" in script
    for rel_type in stats.relationships:
        assert f"--relationships=relationships/{rel_type}.header.csv,relationships/{rel_type}.csv" in script
    with pytest.raises(ExportError, match="not empty"):
        write_neo4j_admin(seeded, out)


def _apply_on_falkordb(script: Path, store: FalkorStore) -> None:
    """Run the script's statements with the batch of each ``:param`` inlined; skip Neo4j's schema lines."""
    rows = None
    for line in script.read_text(encoding="utf-8").splitlines():
        if line.startswith("//") or line.startswith("CREATE CONSTRAINT") or line.startswith(("CREATE INDEX",
                                                                                           "CREATE FULLTEXT")):
            continue
        if line.startswith(":param {rows: "):
            rows = line[len(":param {rows: "):-1]
            continue
        assert rows is not None and line.endswith(";"), line[:200]
        store.write(line[:-1].replace("$rows", rows))
        rows = None


def test_cypher_script_rebuilds_the_graph_and_is_idempotent(seeded: FalkorStore, empty_graph: FalkorStore,
                                                            tmp_path: Path) -> None:
    script = tmp_path / "graph.cypher"
    counts = write_cypher_script(seeded, script)
    stats = graph_stats(store=seeded)
    assert counts == {"nodes": stats.labels, "relationships": stats.relationships}
    text = script.read_text(encoding="utf-8")
    assert "CREATE CONSTRAINT entity_uid IF NOT EXISTS" in text
    assert "UNWIND $rows AS row MERGE (n:Team {key: row.key}) SET n += row.props, n:Entity;" in text
    for _ in range(2):
        _apply_on_falkordb(script, empty_graph)
        assert graph_stats(store=empty_graph) == stats
    want = Counter(_key((n.id, n.labels, n.props)) for n in nodes(seeded))
    assert Counter(_key((n.id, n.labels, n.props)) for n in nodes(empty_graph)) == want
    copied, original = recurring(store=empty_graph, target="漾濞县"), recurring(store=seeded, target="漾濞县")
    assert _comparable(copied) == _comparable(original)


def _comparable(page: Any) -> Any:
    """The answer with undated rounds in a fixed order: graph/recurrence.py keeps the earlier teams a
    document names in the order the store returns them, which depends on the order they were written."""
    answer = page.model_dump()
    for found in answer["data"]:
        found["rounds"].sort(key=lambda r: (r["date"] or "", r["round"]))
    return answer


def test_cli_export_both_formats(tmp_path: Path) -> None:
    data = tmp_path / "data"
    cli = [sys.executable, "-m", "api.cli", "export", "--data", str(data)]
    admin = subprocess.run([*cli, "--format", "neo4j-admin", str(tmp_path / "admin")], capture_output=True,
                           text=True, cwd=ROOT, timeout=120)
    assert admin.returncode == 0, admin.stderr
    assert json.loads(admin.stdout) == {"nodes": {}, "relationships": {}}
    assert (tmp_path / "admin" / "import.sh").exists()
    again = subprocess.run([*cli, "--format", "neo4j-admin", str(tmp_path / "admin")], capture_output=True,
                           text=True, cwd=ROOT, timeout=120)
    assert again.returncode == 1 and "not empty" in again.stderr
    script = subprocess.run([*cli, "--format", "cypher", str(tmp_path / "g.cypher")], capture_output=True,
                            text=True, cwd=ROOT, timeout=120)
    assert script.returncode == 0, script.stderr
    assert (tmp_path / "g.cypher").read_text(encoding="utf-8").startswith("// xunshi export --format cypher")
