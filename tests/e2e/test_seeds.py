"""End to end: the seed documents into the embedded store, through the CLI."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from graph.falkordb_store import FalkorStore
from graph.ingest import ingest
from loaders.pipeline import expand
from tests.conftest import SEEDS, SHARED, needs_shared

CLI = [sys.executable, "-m", "api.cli"]
ROOT = Path(__file__).resolve().parents[2]


@needs_shared
def test_seeds_give_the_county_the_team_and_its_leader_with_spans(store: FalkorStore) -> None:
    summary = ingest(store, expand([SEEDS]))
    assert summary.ok and len(summary.ingested) == 5
    county = store.read(
        "MATCH (r:Region {name: '漾濞彝族自治县'})-[m:MENTIONED_IN]->(d:Document) "
        "RETURN r.code, r.prefecture, substring(d.original, m.start, m.end - m.start)").rows
    assert county and county[0][0] == "532922" and county[0][1] == "大理白族自治州"
    assert {row[2] for row in county} == {"漾濞县"}
    team = store.read(
        "MATCH (t:Team {key: 'province:云南省委:8:巡视'})-[m:MENTIONED_IN]->(d:Document) "
        "RETURN t.name, substring(d.original, m.start, m.end - m.start)").rows
    assert team and {row[0] for row in team} == {"云南省委第八巡视组"}
    assert {row[1] for row in team} == {"省委第八巡视组"}
    leader = store.read(
        "MATCH (p:Person {name: '杨琼瑛'})-[h:HOLDS]->(t:Team {key: 'province:云南省委:8:巡视'}), "
        "(p)-[m:MENTIONED_IN]->(d:Document) "
        "RETURN h.title, substring(d.original, m.start, m.end - m.start)").rows
    assert leader and leader[0][0].endswith("组长")
    assert {row[1] for row in leader} == {"杨琼瑛"}
    inspected = store.read("MATCH (:Team {key: 'province:云南省委:8:巡视'})-[i:INSPECTED]->(r:Region) "
                           "RETURN r.name, i.start, i.end").rows
    assert ["漾濞彝族自治县", "2019-11-28", "2020-01-12"] in inspected


@needs_shared
def test_cli_ingest_stats_and_cypher(tmp_path: Path) -> None:
    data = tmp_path / "data"
    run = subprocess.run([*CLI, "ingest", "--data", str(data), str(SEEDS), str(SHARED / "corpus" / "dev")],
                         capture_output=True, text=True, cwd=ROOT, timeout=300)
    assert run.returncode == 0, run.stderr
    documents = len(expand([SEEDS, SHARED / "corpus" / "dev"]))  # the corpus grows; count what is there
    assert f"ingested {documents}" in run.stdout
    again = subprocess.run([*CLI, "ingest", "--data", str(data), str(SEEDS)], capture_output=True, text=True,
                           cwd=ROOT, timeout=300)
    assert "unchanged 5" in again.stdout
    stats = json.loads(subprocess.run([*CLI, "stats", "--data", str(data), "--json"], capture_output=True,
                                      text=True, cwd=ROOT, timeout=120).stdout)
    for label in ("Team", "Region", "Person", "Issue", "Document"):
        assert stats["labels"].get(label, 0) > 0, label
    assert stats["labels"]["Document"] == documents
    query = subprocess.run([*CLI, "cypher", "--data", str(data), "--json",
                            "MATCH (p:Person {name: $name}) RETURN p.name", "--params", '{"name": "杨琼瑛"}'],
                           capture_output=True, text=True, cwd=ROOT, timeout=120)
    assert json.loads(query.stdout)["rows"] == [["杨琼瑛"]]
    refused = subprocess.run([*CLI, "cypher", "--data", str(data), "MATCH (n) DETACH DELETE n"],
                             capture_output=True, text=True, cwd=ROOT, timeout=120)
    assert refused.returncode == 1 and "not allowed" in refused.stderr


def test_cli_folder_ingest_reports_failures_and_exits_non_zero(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "good.txt").write_text("省委第二巡视组组长王明远对某县开展了巡视。", encoding="utf-8")
    (docs / "empty.txt").write_bytes(b"")
    (docs / "binary.txt").write_bytes(bytes(range(256)) * 4)
    (docs / "photo.jpg").write_bytes(b"\xff\xd8\xff")  # not a document extension: skipped in folders
    run = subprocess.run([*CLI, "ingest", "--data", str(tmp_path / "data"), str(docs),
                          str(docs / "photo.jpg")], capture_output=True, text=True, cwd=ROOT, timeout=120)
    assert run.returncode == 1
    assert "ingested 1" in run.stdout and "failed 3" in run.stdout
    assert "empty.txt" in run.stdout and "binary" in run.stdout and "unknown extension" in run.stdout


def test_cli_extract_writes_one_record_per_file_and_no_store(tmp_path: Path) -> None:
    src = tmp_path / "in"
    src.mkdir()
    (src / "a.txt").write_text("2019年11月28日至2020年1月12日，省委第八巡视组对漾濞县开展了巡视。", encoding="utf-8")
    out = tmp_path / "out"
    run = subprocess.run([*CLI, "extract", "--out", str(out), str(src)], capture_output=True, text=True,
                         cwd=tmp_path, timeout=120)
    assert run.returncode == 0, run.stderr
    record = json.loads((out / "a.json").read_text(encoding="utf-8"))
    assert record["doc"] == "a.txt"
    assert record["teams"][0]["name"] == "云南省委第八巡视组"
    assert record["inspected"][0]["start"] == "2019-11-28"
    assert not (tmp_path / "data").exists()


@pytest.mark.parametrize("bad", ["CREATE (n)", "match (n) set n.x = 1"])
def test_cli_cypher_refuses_writes_before_touching_the_store(tmp_path: Path, bad: str) -> None:
    run = subprocess.run([*CLI, "cypher", "--data", str(tmp_path / "d"), bad], capture_output=True, text=True,
                         cwd=ROOT, timeout=120)
    assert run.returncode == 1 and "not allowed" in run.stderr
