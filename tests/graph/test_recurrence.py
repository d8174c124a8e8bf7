"""Grouping statements into recurring problems, on rows the tests write themselves."""

from __future__ import annotations

from typing import Any

from graph.recurrence import group_across_targets, group_recurrences, similar

COUNTY = ("Region:900001", "甲县")


def _row(issue: str, text: str, *, category: str = "funds", team: str = "省委第一巡视组", round_name: str | None = None,
         date: str | None = "2019-05-01", earlier: list[str] | None = None, target: tuple[str, str] = COUNTY,
         doc: str = "d1") -> dict[str, Any]:
    round_uid = f"Round:{round_name}" if round_name else None
    return {
        "issue": issue, "text": text, "category": category, "target_uid": target[0], "target": target[1],
        "document": doc, "document_name": f"{doc}.txt", "published": date, "spans": [[10, 10 + len(text), text]],
        "found": [[f"Team:{team}", team, round_uid, round_name, date]],
        "earlier": [[f"Team:{e}", e, None, None] for e in earlier or []] or [[None, None, None, None]],
    }


def test_a_stated_recurrence_puts_the_earlier_teams_first_as_rounds_of_their_own() -> None:
    rows = [_row("d1:i0", "扶贫资金使用不及时", team="省委第八巡视组", earlier=["中央第十二巡视组", "省委第七巡视组"]),
            _row("d1:i1", "产业扶贫成效不明显", team="省委第八巡视组", category="industry_projects")]
    [found] = group_recurrences(rows)
    assert found.problem == "扶贫资金使用不及时" and found.strength == "stated"
    assert [r.name for r in found.rounds] == ["中央第十二巡视组", "省委第七巡视组", "省委第八巡视组"]
    assert found.rounds[0].stated_by[0].issue == "d1:i0" and not found.rounds[0].statements
    assert found.rounds[-1].statements[0].spans[0].text == "扶贫资金使用不及时"


def test_near_duplicate_texts_in_two_rounds_recur_and_stay_in_time_order() -> None:
    rows = [_row("d2:i0", "扶贫资金使用不及时、不精准", team="省委第二巡视组", date="2021-04-02", doc="d2"),
            _row("d1:i0", "扶贫资金使用不及时不精准", team="省委第一巡视组", date="2018-10-09", doc="d1"),
            _row("d1:i1", "村集体经济收入不实", team="省委第一巡视组", date="2018-10-09", doc="d1")]
    [found] = group_recurrences(rows)
    assert found.strength == "similar" and found.round_count == 2
    assert [r.date for r in found.rounds] == ["2018-10-09", "2021-04-02"]
    assert group_recurrences(rows, link="stated") == []
    assert group_recurrences(rows, min_rounds=3) == []


def test_category_links_only_when_asked_and_other_targets_never_mix() -> None:
    rows = [_row("d1:i0", "易地扶贫搬迁后续扶持不到位", category="relocation_housing", team="第一组",
                 date="2018-01-01"),
            _row("d2:i0", "安置点配套设施建设滞后", category="relocation_housing", team="第二组", date="2020-01-01"),
            _row("d3:i0", "安置点配套设施建设滞后", category="relocation_housing", team="第三组", date="2021-01-01",
                 target=("Region:900002", "乙县"))]
    assert group_recurrences(rows) == []
    [found] = group_recurrences(rows, link="category")
    assert found.target == "甲县" and found.strength == "category" and found.round_count == 2


def test_period_filters_drop_rounds_outside_it() -> None:
    rows = [_row("d1:i0", "扶贫资金闲置", team="第一组", date="2017-03-01"),
            _row("d2:i0", "扶贫资金闲置", team="第二组", date="2019-03-01"),
            _row("d3:i0", "扶贫资金闲置", team="第三组", date="2021-03-01")]
    assert group_recurrences(rows)[0].round_count == 3
    assert group_recurrences(rows, since="2018-01-01")[0].round_count == 2
    assert group_recurrences(rows, since="2018-01-01", until="2020-01-01") == []


def test_teams_of_one_round_count_as_one_round() -> None:
    rows = [_row("d1:i0", "扶贫资金闲置", team="第一组", round_name="第三轮"),
            _row("d2:i0", "扶贫资金闲置", team="第二组", round_name="第三轮")]
    assert group_recurrences(rows) == []


def test_one_round_finding_the_same_problem_in_many_targets() -> None:
    rows = [_row("d1:i0", "产业扶贫项目同质化", round_name="第五轮", target=("Region:1", "甲县")),
            _row("d2:i0", "产业扶贫项目同质化严重", round_name="第五轮", target=("Region:2", "乙县")),
            _row("d3:i0", "产业扶贫项目同质化", round_name="第六轮", target=("Region:3", "丙县"))]
    [found] = group_across_targets(rows)
    assert found.round_name == "第五轮" and found.target_count == 2
    assert {t.target for t in found.targets} == {"甲县", "乙县"}


def test_similarity_is_about_the_problem_not_shared_words() -> None:
    assert similar("扶贫资金使用不及时、不精准", "扶贫资金使用不及时不精准")
    assert not similar("扶贫资金使用不及时", "村集体经济收入不实")
