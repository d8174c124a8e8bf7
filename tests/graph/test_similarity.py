"""Near-duplicate links (SIMILAR_TO) in the real embedded store: written at ingest, incremental, forgotten
with their documents. The documents are written for these tests (invented people, real county names)."""

from __future__ import annotations

from pathlib import Path

from graph import analysis
from graph.falkordb_store import FalkorStore
from graph.ingest import ingest
from graph.similarity import link_pending, pending_documents, reset
from graph.writer import delete_document

TEMPLATE = ("{date}，省委第{n}巡视组对{county}开展了专项巡视。省委第{n}巡视组组长{boss}反馈意见指出，"
            "主要是：存在{problems}等问题。")
DOCS = {
    "a.txt": ("2018年4月", "一", "德江县", "周可新", "扶贫资金拨付滞后、违规发放津贴补贴"),
    "b.txt": ("2021年5月", "二", "德江县", "吴敬之", "扶贫资金拨付滞后问题仍然突出"),
    "c.txt": ("2021年6月", "三", "晴隆县", "郑立新", "扶贫资金拨付滞后"),
    "d.txt": ("2021年7月", "四", "天柱县", "冯海涛", "村级财务管理混乱"),
}


def _write(folder: Path, name: str, date: str, n: str, county: str, boss: str, problems: str) -> Path:
    path = folder / name
    path.write_text(TEMPLATE.format(date=date, n=n, county=county, boss=boss, problems=problems), encoding="utf-8")
    return path


def _links(store: FalkorStore) -> set[tuple[frozenset[str], str, float]]:
    rows = store.read("MATCH (a:Issue)-[s:SIMILAR_TO]->(b:Issue) RETURN a.text, b.text, s.scope, s.score",
                      max_rows=100_000).rows
    return {(frozenset((a, b)), scope, score) for a, b, scope, score in rows}


def _ingest(store: FalkorStore, folder: Path, docs: dict[str, tuple[str, ...]], **kwargs: object) -> None:
    paths = [_write(folder, name, *fields) for name, fields in docs.items()]
    assert ingest(store, paths, **kwargs).ok  # type: ignore[arg-type]


def test_ingest_links_near_duplicates_of_a_category_within_and_across_targets(store: FalkorStore,
                                                                              tmp_path: Path) -> None:
    _ingest(store, tmp_path, DOCS)
    assert _links(store) == {
        # the same county: one statement inside the other counts (the recurrence test)
        (frozenset(("扶贫资金拨付滞后", "扶贫资金拨付滞后问题仍然突出")), "target", 72.7),
        # another county: only a whole-text match counts
        (frozenset(("扶贫资金拨付滞后",)), "category", 100.0),
    }
    assert pending_documents(store) == []


def test_a_new_document_is_compared_with_the_graph_and_nothing_else_is_redone(store: FalkorStore,
                                                                             tmp_path: Path) -> None:
    _ingest(store, tmp_path, DOCS)
    links = "MATCH (a)-[s:SIMILAR_TO]->(b) RETURN a.uid, b.uid, s.doc, s.score"  # keys, not store ids
    before = store.read(links).rows
    _ingest(store, tmp_path, {"e.txt": ("2022年3月", "五", "威宁县", "何俊杰", "扶贫资金拨付滞后")}, link=False)
    [pending] = pending_documents(store)
    summary = link_pending(store)
    assert (summary.documents, summary.issues, summary.links) == (1, 1, 2)  # to a.txt's and c.txt's statements
    after = store.read(links).rows
    kept = [row for row in after if row in before]
    assert len(kept) == len(before), "every earlier link is as it was"
    assert {row[2] for row in after if row not in before} == {pending}, "the new links are the new document's"
    assert link_pending(store).documents == 0


def test_each_statement_keeps_its_best_links_and_the_cluster_stays_whole(store: FalkorStore, tmp_path: Path) -> None:
    counties = ["德江县", "晴隆县", "天柱县", "威宁县", "罗甸县", "独山县", "从江县", "织金县"]
    docs = {f"{n}.txt": ("2021年5月", "二", county, "周可新", "违规发放津贴补贴") for n, county in enumerate(counties)}
    _ingest(store, tmp_path, docs)
    per_issue = store.read("MATCH (a:Issue)-[s:SIMILAR_TO]->() RETURN a.id, count(s)").rows
    assert max(n for _, n in per_issue) == 5 and len(per_issue) == 7  # the first has no earlier one to link to
    graph = analysis.load(store)
    assert len(set(graph.cluster_of.values())) == 1
    [cluster] = analysis.central_problems(graph, "cluster")
    assert cluster.problem == "违规发放津贴补贴" and cluster.evidence.targets == 8


def test_replacing_or_deleting_a_document_forgets_its_links_and_relinks_the_new_text(store: FalkorStore,
                                                                                    tmp_path: Path) -> None:
    _ingest(store, tmp_path, DOCS)
    changed = dict(DOCS)
    changed["a.txt"] = ("2018年4月", "一", "德江县", "周可新", "违规发放津贴补贴、村级财务管理混乱")
    _ingest(store, tmp_path, {"a.txt": changed["a.txt"]})
    texts = {row[0] for row in store.read("MATCH (i:Issue) RETURN i.text").rows}
    assert "扶贫资金拨付滞后" in texts  # c.txt's statement stays
    assert store.read("MATCH (i:Issue {text: '扶贫资金拨付滞后'}) RETURN count(i)").rows == [[1]]  # a.txt's went
    assert _links(store) == {(frozenset(("村级财务管理混乱",)), "category", 100.0)}  # a.txt (new) ~ d.txt
    c_id = store.read("MATCH (d:Document {name: 'd.txt'}) RETURN d.id").rows[0][0]
    assert delete_document(store, c_id)
    assert _links(store) == set()
    assert store.read("MATCH (i:Issue) WHERE NOT (i)-[:MENTIONED_IN]->() RETURN count(i)").rows == [[0]]


def test_a_reset_and_a_full_pass_rebuild_the_same_links(store: FalkorStore, tmp_path: Path) -> None:
    _ingest(store, tmp_path, DOCS)
    before = _links(store)
    assert reset(store) == 4 and _links(store) == set() and len(pending_documents(store)) == 4
    assert link_pending(store).documents == 4
    assert _links(store) == before
