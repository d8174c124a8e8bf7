"""The analyses on target-problem graphs the tests build, with answers worked out by hand."""

from __future__ import annotations

import math

import pytest

from graph.analysis import central_problems, co_occurrence, communities, find_target, similar_targets
from graph.analysis.subgraph import ProblemGraph, Statement, clusters


def _s(issue: str, target: str, category: str = "funds", text: str | None = None, round: str | None = "R1",
       date: str | None = "2020-01-01", doc: str | None = None, earlier: tuple[str, ...] = ()) -> Statement:
    rounds = ((f"Round:{round}", round, date),) if round else ()
    return Statement(issue=issue, text=text or issue, category=category, target_uid=f"Region:{target}",
                     target=f"{target}县", target_kind="Region", document=doc or issue.split(":")[0],
                     published=date, rounds=rounds, earlier=tuple((f"Team:{e}", e) for e in earlier))


def _graph(statements: list[Statement], links: list[tuple[str, str]] = ()) -> ProblemGraph:
    return ProblemGraph(statements, *clusters({s.issue: s.text for s in statements}, list(links)))


def test_clusters_are_connected_groups_keyed_by_their_smallest_id_and_named_by_their_commonest_text() -> None:
    texts = {"b:1": "资金闲置", "a:1": "扶贫资金闲置", "c:1": "扶贫资金闲置", "d:1": "村务不公开"}
    cluster_of, wording = clusters(texts, [("b:1", "c:1"), ("c:1", "a:1"), ("x:9", "d:1")])
    assert cluster_of == {"a:1": "a:1", "b:1": "a:1", "c:1": "a:1", "d:1": "d:1"}  # links to unknown issues drop
    assert wording == {"a:1": "扶贫资金闲置", "d:1": "村务不公开"}


def test_central_problems_rank_by_targets_then_rounds_with_their_evidence() -> None:
    # funds at 甲 乙 丙 (3 of 4 targets); corruption at 甲 twice (two rounds) and 丁 once.
    graph = _graph([_s("d1:i0", "甲"), _s("d2:i0", "乙"), _s("d3:i0", "丙", round="R2"),
                    _s("d1:i1", "甲", "corruption"), _s("d4:i0", "甲", "corruption", round="R2"),
                    _s("d5:i0", "丁", "corruption", round=None)])
    funds, corruption = central_problems(graph, "category")
    assert (funds.key, corruption.key) == ("funds", "corruption")
    assert funds.evidence.model_dump() == {"targets": 3, "rounds": 2, "inspections": 3, "statements": 3,
                                           "documents": 3}
    # corruption: two targets; rounds R1, R2 (丁's statement names no team); 3 inspections (R1@甲, R2@甲, d5@丁)
    assert corruption.evidence.model_dump() == {"targets": 2, "rounds": 2, "inspections": 3, "statements": 3,
                                                "documents": 3}
    assert funds.degree_centrality == pytest.approx(3 / 4) and corruption.degree_centrality == pytest.approx(2 / 4)
    assert corruption.top_targets[0].name == "甲县" and corruption.top_targets[0].statements == 2
    assert funds.pagerank > 0 and corruption.pagerank > 0


def test_a_cluster_spans_the_rounds_its_statements_say_raised_it_before() -> None:
    earlier = ("中央第十二巡视组", "省委第七巡视组")
    graph = _graph([_s("d1:i0", "甲", text="扶贫资金使用不及时", round="R3", earlier=earlier),
                    _s("d1:i5", "甲", text="扶贫资金使用不及时、不精准", round="R3"),
                    _s("d2:i0", "乙", text="产业扶贫成效不明显", round="R3")], links=[("d1:i5", "d1:i0")])
    ranked = central_problems(graph, "cluster")
    top = ranked[0]
    assert top.key == "d1:i0" and top.evidence.rounds == 3 and top.evidence.statements == 2
    assert top.evidence.targets == 1 and top.evidence.inspections == 1
    assert {e.text for e in top.examples} == {"扶贫资金使用不及时", "扶贫资金使用不及时、不精准"}


def test_communities_group_the_targets_that_share_a_problem() -> None:
    # 甲 乙 丙 share cluster X; 丁 戊 己 share cluster Y; 庚 has a problem of its own.
    x = [_s(f"x{n}:i0", t, text="扶贫资金闲置") for n, t in enumerate("甲乙丙")]
    y = [_s(f"y{n}:i0", t, "corruption", text="违规发放津贴补贴") for n, t in enumerate("丁戊己")]
    alone = [_s("z0:i0", "庚", "other", text="档案管理混乱")]
    graph = _graph(x + y + alone, links=[("x0:i0", "x1:i0"), ("x1:i0", "x2:i0"), ("y0:i0", "y1:i0"),
                                         ("y1:i0", "y2:i0")])
    groups, modularity, unconnected = communities(graph, "cluster")
    # equal groups come in the order of their first member's name (丁 U+4E01 before 丙 U+4E19)
    assert [[t.name for t in g.targets] for g in groups] == [["丁县", "己县", "戊县"], ["丙县", "乙县", "甲县"]]
    assert [g.id for g in groups] == [1, 2]
    assert [(p.problem, p.targets, p.statements) for p in groups[1].shared_problems] == [("扶贫资金闲置", 3, 3)]
    assert unconnected == 1
    # two stars of equal weight, each its own community: Q = 2 * (3/6 - (6/12)^2) = 0.5
    assert modularity == pytest.approx(0.5)


def test_co_occurrence_against_chance_by_hand() -> None:
    # Six inspections (round R1 at six targets): funds+corruption at 甲 乙 丙, funds alone at 丁,
    # other alone at 戊 己. n(funds)=4, n(corruption)=3, together 3, expected 4*3/6 = 2, lift 1.5,
    # P(X >= 3) for X ~ Hypergeometric(N=6, K=4, n=3) = C(4,3)C(2,0)/C(6,3) = 4/20.
    statements = []
    for t in "甲乙丙":
        statements += [_s(f"{t}:i0", t, "funds"), _s(f"{t}:i1", t, "corruption")]
    statements += [_s("丁:i0", "丁", "funds"), _s("戊:i0", "戊", "other"), _s("己:i0", "己", "other")]
    graph = _graph(statements)
    pairs, inspections = co_occurrence(graph, max_p=1.0)
    assert inspections == 6
    [pair] = pairs  # funds-other and corruption-other never meet
    assert (pair.a, pair.b, pair.together, pair.a_count, pair.b_count) == ("corruption", "funds", 3, 3, 4)
    assert pair.expected == pytest.approx(2.0) and pair.lift == pytest.approx(1.5)
    assert pair.p_value == pytest.approx(4 / 20)
    assert co_occurrence(graph)[0] == []  # not significant at 0.05
    assert co_occurrence(graph, max_p=1.0, min_together=4)[0] == []


def test_similar_targets_by_tf_idf_cosine_by_hand() -> None:
    # 甲 and 乙 state the same two problems (linked into clusters); 丙 states only the funds one, in its
    # own words (its own cluster); 丁 shares nothing.
    graph = _graph([_s("a:i0", "甲", "funds", text="扶贫资金闲置"), _s("a:i1", "甲", "corruption", text="吃拿卡要"),
                    _s("b:i0", "乙", "funds", text="扶贫资金闲置"), _s("b:i1", "乙", "corruption", text="吃拿卡要"),
                    _s("c:i0", "丙", "funds", text="项目资金拨付滞后"), _s("d:i0", "丁", "other", text="档案混乱")],
                   links=[("a:i0", "b:i0"), ("a:i1", "b:i1")])
    me, profile, found = similar_targets(graph, "Region:甲")
    assert me.name == "甲县" and me.statements == 2
    assert [t.name for t in found] == ["乙县", "丙县"]
    assert found[0].score == pytest.approx(1.0)
    assert found[0].shared_categories == ["corruption", "funds"]
    assert {p.problem for p in found[0].shared_problems} == {"扶贫资金闲置", "吃拿卡要"}
    # Four targets; idf = ln(5 / (1 + df)) + 1. 甲 has funds (df 3), corruption (df 2) and two clusters
    # (df 2 each); 丙 has funds and a cluster of its own (df 1).
    idf = {n: math.log(5 / (1 + n)) + 1 for n in (1, 2, 3)}
    mine = [idf[3], idf[2], idf[2], idf[2]]
    theirs = [idf[3], idf[1]]
    expected = idf[3] ** 2 / (math.hypot(*mine) * math.hypot(*theirs))
    assert found[1].score == pytest.approx(expected, abs=1e-6)
    assert {p.problem: p.targets for p in profile}["funds"] == 3


def test_filters_keep_a_round_a_period_a_category() -> None:
    graph = _graph([_s("a:i0", "甲", round="R1", date="2018-05-01"), _s("b:i0", "乙", round="R2", date="2021-05-01"),
                    _s("c:i0", "丙", "corruption", round="R2", date="2021-06-01")])
    assert [s.issue for s in graph.filtered(round="R2").statements] == ["b:i0", "c:i0"]
    assert [s.issue for s in graph.filtered(since="2019-01-01", until="2021-05-31").statements] == ["b:i0"]
    assert [s.issue for s in graph.filtered(category="corruption").statements] == ["c:i0"]
    assert find_target(graph, "乙县") == find_target(graph, "Region:乙") == find_target(graph, "乙") == "Region:乙"
    assert find_target(graph, "戊县") is None
