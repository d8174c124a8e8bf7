"""The first extractor on sentences written for the tests (invented people)."""

from __future__ import annotations

import pytest

from loaders.extract import extract
from loaders.load import load_text


def _record(text: str):
    return extract(load_text(text))


def test_team_issuer_is_inferred_from_the_county_the_report_is_about() -> None:
    rec = _record("省委第五巡视组对漾濞县开展了巡视。会上，省委第五巡视组组长林晓川反馈了意见。")
    team = rec.teams[0]
    assert (team.name, team.level, team.issuer, team.ordinal, team.as_written) == (
        "云南省委第五巡视组", "province", "云南省委", 5, "省委第五巡视组")
    assert rec.regions[0].name == "漾濞彝族自治县" and rec.regions[0].code == "532922"


def test_enumerated_teams_are_each_a_team() -> None:
    rec = _record("湖北省委第一、第二、第五巡视组分别进驻黄冈市、十堰市。")
    assert [t.name for t in rec.teams] == ["湖北省委第一巡视组", "湖北省委第二巡视组", "湖北省委第五巡视组"]
    assert {r.name for r in rec.regions} >= {"湖北省", "黄冈市", "十堰市"}


def test_central_and_city_teams() -> None:
    rec = _record("中央第十二巡视组反馈后，市委第三巡察组组长何立平对市扶贫办开展了巡察。")
    names = {t.name: t.level for t in rec.teams}
    assert names["中央第十二巡视组"] == "central"
    assert names["市委第三巡察组"] == "city"


def test_chained_titles_and_a_name_a_segmenter_reads_as_a_place() -> None:
    rec = _record("市委常委、市纪委书记、市委巡察工作领导小组组长盛九江同志多次带队到各个巡察组现场指导。")
    person = rec.people[0]
    assert person.name == "盛九江"
    assert person.titles == ["市委常委、市纪委书记、市委巡察工作领导小组组长"]
    assert "九江市" not in {r.name for r in rec.regions}


def test_two_character_names_before_verbs() -> None:
    rec = _record("市委第二巡察组组长陈芳传达了讲话精神。县委书记杨瑜作表态讲话。")
    assert {p.name for p in rec.people} >= {"陈芳", "杨瑜"}


def test_short_historical_and_autonomous_county_names_resolve() -> None:
    rec = _record("巡视组对威宁自治县、涟源开展了巡视，新华社长沙电。")
    names = {r.name for r in rec.regions}
    assert {"威宁彝族回族苗族自治县", "涟源市", "长沙市"} <= names


def test_media_brands_are_not_places() -> None:
    rec = _record("据贵州日报报道，省委巡视组进驻。")
    assert "贵州省" not in {r.name for r in rec.regions}


def test_enumeration_splits_into_issues_and_keeps_clause_level_pairs_together() -> None:
    rec = _record("省委第八巡视组对漾濞县开展了巡视。反馈意见指出，主要是：县委存在落实“四个不摘”要求有差距、"
                  "产业扶贫成效不明显等问题；相关部门存在扶贫资金使用不及时、不精准等问题。")
    texts = [i.text for i in rec.issues]
    assert "落实“四个不摘”要求有差距" in texts
    assert "产业扶贫成效不明显" in texts
    assert "扶贫资金使用不及时、不精准" in texts
    funds = next(i for i in rec.issues if i.text.startswith("扶贫资金"))
    assert funds.category == "funds"
    assert funds.target == "漾濞彝族自治县"
    assert funds.found_by == ["云南省委第八巡视组"]


def test_recurrence_stated_by_the_document() -> None:
    rec = _record("省委第八巡视组对漾濞县开展了巡视。反馈意见指出，主要是：对中央第十二巡视组、省委第七巡视组反馈的"
                  "“扶贫资金使用不及时、不精准”等问题整改还存在差距。")
    issue = rec.issues[0]
    assert issue.text == "扶贫资金使用不及时、不精准"
    assert set(issue.earlier_teams) == {"中央第十二巡视组", "云南省委第七巡视组"}


def test_spans_point_into_the_original_traditional_text() -> None:
    original = "省委第八巡視組組長林曉川向漾濞縣委反饋了意見。"
    doc = load_text(original)
    rec = extract(doc)
    person = rec.people[0]
    assert person.name == "林晓川"
    start, end = person.spans[0]
    assert original[start:end] == "林曉川"


def test_names_listed_after_one_role_share_it() -> None:
    rec = _record("中央第三巡视组组长林维新，副组长王立群、赵永康、钱晓东反馈了专项巡视情况。")
    titles = {p.name: p.titles for p in rec.people}
    assert titles["林维新"] == ["中央第三巡视组组长"]
    for name in ("王立群", "赵永康", "钱晓东"):
        assert titles[name] == ["副组长"], name


@pytest.mark.parametrize("text, kind", [
    ("县委第三巡察组向青石镇党委反馈巡察情况\n会上，巡察组对抓好巡察整改工作提出要求。", "feedback"),
    ("市委巡察组向市档案馆反馈巡察情况\n会议强调，要把整改情况纳入年度考核。", "feedback"),
    ("青石镇党委关于巡察整改情况的通报\n巡察组反馈了巡察情况。", "rectification"),
])
def test_the_title_decides_the_kind_before_the_text(text: str, kind: str) -> None:
    assert extract(load_text(text)).kind == kind
