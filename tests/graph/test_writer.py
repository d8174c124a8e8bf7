"""The writer: one document at a time, idempotent, replacing only what changed."""

from __future__ import annotations

from pathlib import Path

import pytest

from graph.falkordb_store import FalkorStore
from graph.ingest import ingest
from graph.writer import delete_document, write_document
from loaders.extract import extract
from loaders.load import load_file

DOC_A = ("2019年11月28日至2020年1月12日，省委第八巡视组对漾濞县开展了脱贫攻坚巡视。"
         "会上，省委第八巡视组组长李明远向漾濞县委领导班子反馈了巡视意见。"
         "反馈意见指出，主要是：县委存在产业扶贫成效不明显、易地扶贫搬迁工作有差距等问题。")
DOC_A2 = DOC_A.replace("产业扶贫成效不明显", "村集体经济收入不实")
DOC_B = ("2019年9月，省委第三巡视组对德江县开展了专项巡视。省委第三巡视组组长周可新反馈意见指出，"
         "主要是：存在扶贫资金闲置、产业扶贫成效不明显等问题。")


def _write(store: FalkorStore, path: Path) -> str:
    doc = load_file(path)
    return write_document(store, doc, extract(doc)).status


def _count(store: FalkorStore, query: str, **params: object) -> int:
    return store.read(query, params).rows[0][0]


def _snapshot(store: FalkorStore) -> tuple:
    nodes = store.read("MATCH (n) RETURN labels(n), properties(n)").rows
    rels = store.read("MATCH (a)-[r]->(b) RETURN type(r), properties(r), a.uid, b.uid, b.id").rows
    drop = {"ingested_at"}
    node_set = sorted(repr((labels, sorted((k, v) for k, v in props.items() if k not in drop)))
                      for labels, props in nodes)
    return node_set, sorted(repr(row) for row in rels)


def test_reingesting_an_unchanged_document_changes_nothing(store: FalkorStore, tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text(DOC_A, encoding="utf-8")
    assert _write(store, path) == "ingested"
    before = _snapshot(store)
    assert _write(store, path) == "unchanged"
    assert _snapshot(store) == before


def test_a_changed_document_replaces_its_facts_only(store: FalkorStore, tmp_path: Path) -> None:
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    a.write_text(DOC_A, encoding="utf-8")
    b.write_text(DOC_B, encoding="utf-8")
    _write(store, a)
    _write(store, b)
    b_facts = store.read("MATCH (i:Issue)-[:MENTIONED_IN]->(d:Document {name: 'b.txt'}) "
                         "RETURN i.text ORDER BY i.text").rows
    a.write_text(DOC_A2, encoding="utf-8")
    assert _write(store, a) == "replaced"
    assert _count(store, "MATCH (d:Document) RETURN count(d)") == 2
    a_issues = {r[0] for r in store.read("MATCH (i:Issue)-[:MENTIONED_IN]->(d:Document {name: 'a.txt'}) "
                                         "RETURN i.text").rows}
    assert "村集体经济收入不实" in a_issues
    assert "产业扶贫成效不明显" not in a_issues
    # The other document's facts are untouched, including its own 产业扶贫成效不明显.
    assert store.read("MATCH (i:Issue)-[:MENTIONED_IN]->(d:Document {name: 'b.txt'}) "
                      "RETURN i.text ORDER BY i.text").rows == b_facts
    assert ["产业扶贫成效不明显"] in b_facts


def test_shared_entities_survive_the_deletion_of_one_document(store: FalkorStore, tmp_path: Path) -> None:
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    a.write_text(DOC_A, encoding="utf-8")
    b.write_text(DOC_B.replace("德江县", "漾濞县"), encoding="utf-8")
    _write(store, a)
    _write(store, b)
    doc_a = store.read("MATCH (d:Document {name: 'a.txt'}) RETURN d.id").rows[0][0]
    assert delete_document(store, doc_a)
    # 漾濞县 is still supported by b; 李明远 and a's team 8 only by a.
    assert _count(store, "MATCH (r:Region {name: '漾濞彝族自治县'}) RETURN count(r)") == 1
    assert _count(store, "MATCH (p:Person {name: '李明远'}) RETURN count(p)") == 0
    assert _count(store, "MATCH (t:Team {ordinal: 8}) RETURN count(t)") == 0
    assert _count(store, "MATCH ()-[r]->() WHERE r.doc = $id RETURN count(r)", id=doc_a) == 0
    assert _count(store, "MATCH (n) WHERE NOT (n)--() RETURN count(n)") == 0, "no orphan nodes"
    assert not delete_document(store, doc_a)


def test_every_fact_has_provenance_into_the_original_text(store: FalkorStore, tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text(DOC_A, encoding="utf-8")
    _write(store, path)
    rows = store.read("MATCH (n:Entity)-[m:MENTIONED_IN]->(d:Document) "
                      "RETURN labels(n), substring(d.original, m.start, m.end - m.start), n.name, n.text").rows
    assert rows
    mentioned = {text for _, text, _, _ in rows}
    assert "李明远" in mentioned and "漾濞县" in mentioned
    assert _count(store, "MATCH ()-[r]->() WHERE r.doc IS NULL RETURN count(r)") == 0


def test_a_folder_ingest_goes_on_past_bad_files(store: FalkorStore, tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(DOC_A, encoding="utf-8")
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "b.txt").write_text(DOC_B, encoding="utf-8")
    summary = ingest(store, sorted(tmp_path.iterdir()))
    assert len(summary.ingested) == 2
    assert [name for name, _ in summary.failed] == [str(tmp_path / "empty.txt")]
    assert "empty" in summary.failed[0][1]


def test_a_newer_extractor_rewrites_the_document(store: FalkorStore, tmp_path: Path,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    import graph.writer

    path = tmp_path / "a.txt"
    path.write_text(DOC_A, encoding="utf-8")
    assert _write(store, path) == "ingested"
    before = _snapshot(store)
    monkeypatch.setattr(graph.writer, "EXTRACTOR_VERSION", "9.9.9")
    assert _write(store, path) == "replaced"
    assert store.read("MATCH (d:Document) RETURN d.extractor").rows == [["9.9.9"]]
    assert _write(store, path) == "unchanged"
    nodes_after, rels_after = _snapshot(store)
    assert len(nodes_after) == len(before[0]) and len(rels_after) == len(before[1]), "no duplicated facts"


def test_the_inspected_bodies_as_a_group_are_one_document_s_own_node(store: FalkorStore, tmp_path: Path) -> None:
    """"被巡察的村党组织" in two documents are two different groups of bodies: never one node."""
    for name, county in (("a.txt", "漾濞县"), ("b.txt", "德江县")):
        (tmp_path / name).write_text(f"县委巡察组对{county}部分村开展了巡察。巡察发现，被巡察的村党组织不同程度存在"
                                     "组织生活不规范、村务公开不及时等问题。", encoding="utf-8")
        assert _write(store, tmp_path / name) == "ingested"
    groups = store.read("MATCH (o:Organization {name: '被巡察的村党组织'}) RETURN o.document").rows
    assert len(groups) == 2 and groups[0][0] != groups[1][0]
