"""Document structure and finding zones, each step on its own, on sentences of our own writing."""

from __future__ import annotations

import pytest

from loaders.extract import extract
from loaders.extract.context import Context
from loaders.extract.issues import is_problem
from loaders.extract.zones import Zone, find_zones
from loaders.load import load_text


def _zones(text: str) -> tuple[str, list[Zone]]:
    doc = load_text(text)
    return doc.text, find_zones(Context(doc), is_problem)


def _issues(text: str) -> list[tuple[str, str | None]]:
    return [(i.text, i.target) for i in extract(load_text(text)).issues]


def test_blocks_know_headings_labels_items_and_paragraphs() -> None:
    doc = load_text("二、存在的主要问题\n青石镇党委存在的主要问题：学习不深入。\n一是台账不规范，二是制度不健全。\n"
                    "会后，镇党委召开了专题会议，研究整改。")
    assert [b.kind for b in doc.blocks] == ["heading", "label", "item", "paragraph"]
    assert doc.blocks[2].marker == "一是"


def test_a_label_line_opens_a_zone_over_its_sentences_with_its_owner() -> None:
    text, zones = _zones("县水务局党组存在的主要问题：理论学习流于形式，议事规则执行不严。干部队伍老化。\n"
                         "县林业局党组存在的主要问题：财务管理混乱。")
    assert [(z.owner, z.closed_by) for z in zones] == [("县水务局党组", "announcement"), ("县林业局党组", "end")]
    assert "干部队伍老化" in text[zones[0].start:zones[0].end]


def test_a_zone_runs_over_list_items_and_closes_at_the_requirements() -> None:
    text, zones = _zones("巡察组指出了巡察县档案馆党支部发现的主要问题：\n一是制度建设滞后；\n二是经费报销不规范。\n"
                         "巡察组提出三条意见：一是加强学习，二是健全制度。")
    assert len(zones) == 1 and zones[0].owner == "县档案馆党支部" and zones[0].closed_by == "requirement"
    assert "经费报销不规范" in text[zones[0].start:zones[0].end]
    assert "健全制度" not in text[zones[0].start:zones[0].end]


def test_a_cue_in_running_text_ends_with_its_paragraph() -> None:
    text, zones = _zones("反馈指出，该局决策程序不规范，资产管理薄弱。\n去年该局完成了办公楼改造，群众满意度提高。")
    assert zones[0].closed_by == "paragraph"
    assert "办公楼" not in text[zones[0].start:zones[0].end]


def test_a_quiet_paragraph_closes_a_zone() -> None:
    text, zones = _zones("存在问题\n党组会议记录不全，请示报告制度执行不严。\n本次巡察历时一个月，共谈话六十人次。\n"
                         "宣传工作力度不够。")
    assert zones[0].closed_by == "quiet"
    assert "宣传工作" not in text[zones[0].start:zones[0].end]


def test_found_cue_names_the_owner_after_it() -> None:
    _, zones = _zones("巡察发现，白沙村党支部不同程度存在组织生活不经常、村务公开不及时等问题。")
    assert zones[0].owner == "白沙村党支部"


@pytest.mark.parametrize("text, expected", [
    # Problems stated over several sentences after a label line, owned by the body it names.
    ("市交通局党组存在的主要问题：执行民主集中制不严格。选人用人程序不规范，干部队伍老化。",
     [("执行民主集中制不严格", "市交通局党组"), ("选人用人程序不规范", "市交通局党组"),
      ("干部队伍老化", "市交通局党组")]),
    # A heading announces, numbered items follow, requirements close.
    ("三、巡察发现的问题\n（一）议事决策不规范，重大事项未经集体研究。\n（二）公款吃喝时有发生。\n要求：立即整改。",
     [("议事决策不规范", None), ("重大事项未经集体研究", None), ("公款吃喝时有发生", None)]),
])
def test_problems_over_a_zone(text: str, expected: list[tuple[str, str | None]]) -> None:
    assert _issues(text) == expected


# Two sentences of our own for each marker class added to rules/problems.jsonl, in other wording than the
# corpus sentence that prompted it, and one that must not count.
@pytest.mark.parametrize("clause", [
    # persistence
    "违规收送礼品问题依然存在", "公车私用现象时有发生", "大操大办问题禁而不绝", "基层微腐败问题比较突出",
    "庸懒散现象犹存", "新旧问题并存", "攀比之风盛行", "资源浪费严重",
    # weak state
    "民主评议流于形式", "村务监督委员会有名无实", "党员先锋作用缺位", "廉洁意识淡薄", "服务群众意识较差",
    "财务制度存在漏洞", "干部工作作风浮漂", "班子成员配备不齐", "档案管理水平需提升",
    # misconduct nouns
    "个别干部以权谋私", "违规插手工程招投标", "超标准配备公务用车", "违规发放津补贴", "设立小金库",
])
def test_problem_markers_of_our_own_wording(clause: str) -> None:
    assert is_problem(clause)


@pytest.mark.parametrize("clause", ["召开专题民主生活会", "修订完善财务报销制度", "组织全体党员集中学习"])
def test_actions_are_not_problems(clause: str) -> None:
    assert not is_problem(clause)


@pytest.mark.parametrize("text", [
    # A vague announcement is no problem of its own.
    "巡察发现，两个社区在落实政策方面、服务群众方面还存在一些突出问题。",
    "督导组指出工作中存在的短板和不足，推动整改。",
])
def test_vague_announcements_give_no_issue(text: str) -> None:
    assert _issues(text) == []


@pytest.mark.parametrize("text, expected", [
    ("从巡察反馈情况看，部分单位财务报销不规范，资产台账缺失。", ["财务报销不规范", "资产台账缺失"]),
    ("从本轮巡视发现的情况来看，有的乡镇议事规则执行不严。", ["议事规则执行不严"]),
])
def test_a_from_the_findings_lead_opens_a_zone(text: str, expected: list[str]) -> None:
    assert [t for t, _ in _issues(text)] == expected


def test_the_inspected_bodies_as_a_group_own_their_findings_and_the_owner_carries_on() -> None:
    text = ("巡察发现，被巡察的社区党组织不同程度存在学习教育不经常等问题。主要表现在：一是会议记录不全，"
            "二是经费报销不规范。")
    found = _issues(text)
    assert found and all(target == "被巡察的社区党组织" for _, target in found)
    assert ("经费报销不规范", "被巡察的社区党组织") in found


@pytest.mark.parametrize("text, expected", [
    # the feedback's own words, after 反馈意见提出/认为
    ("巡视组对某省的反馈意见提出，国有资产流失严重，选人用人把关不严。", ["国有资产流失严重", "选人用人把关不严"]),
    ("反馈意见认为，该校招生管理存在漏洞，科研经费报销不规范。", ["该校招生管理存在漏洞", "科研经费报销不规范"]),
    # a list of problems announced by 问题清单…包括
    ("巡察组给该局开出的问题清单内容不少，包括公款吃喝时有发生，违规发放补贴。", ["公款吃喝时有发生", "违规发放补贴"]),
    ("这份问题清单涉及：执纪问责偏轻偏软，信访案件查办缓慢。", ["执纪问责偏轻偏软", "信访案件查办缓慢"]),
])
def test_more_announcements(text: str, expected: list[str]) -> None:
    assert [t for t, _ in _issues(text)] == expected


@pytest.mark.parametrize("text, expected", [
    ("干部担当意识不强是本轮巡察发现的突出问题之一。", ["干部担当意识不强"]),
    ("本轮巡视中发现的问题集中在财务管理混乱、基层党建薄弱等几个方面。", ["财务管理混乱", "基层党建薄弱"]),
])
def test_framed_statements_of_found_problems(text: str, expected: list[str]) -> None:
    assert [t for t, _ in _issues(text)] == expected


@pytest.mark.parametrize("text", [
    "县委牢固树立“发现问题不整改就是失职”的理念，压实整改责任。",
    "全县坚持“问题不解决不放过”的原则推进整改。",
])
def test_a_quoted_slogan_is_no_finding(text: str) -> None:
    assert _issues(text) == []


def test_the_owner_in_a_feedback_given_in_a_place() -> None:
    _, zones = _zones("巡视组在贵州开出的问题清单包括：扶贫资金闲置。")
    assert zones[0].owner == "贵州省"


def _recurring(text: str) -> list[tuple[str, str | None]]:
    return [(i.text, i.earlier_round) for i in extract(load_text(text)).issues]


@pytest.mark.parametrize("text, listed, phrase", [
    ("巡察指出，该镇对上一轮巡察反馈问题整改力度不够，存在台账管理混乱、村务公开不及时等问题。",
     ["台账管理混乱", "村务公开不及时"], "上一轮巡察"),
    ("巡视发现，对上轮巡视指出问题整改不到位，仍存在财务审批不严、工程变更随意等问题。",
     ["财务审批不严", "工程变更随意"], "上轮巡视"),
])
def test_a_recurrence_governs_the_list_it_introduces(text: str, listed: list[str], phrase: str) -> None:
    found = dict(_recurring(text))
    assert all(found.get(item) == phrase for item in listed), found


def test_a_recurrence_stated_in_the_sentence_before_carries_to_the_listed_problems() -> None:
    text = ("巡察发现，该局上一轮巡察发现问题整改不彻底，主要表现在以下方面。"
            "一是资产台账缺失，二是公务接待审批不严。")
    found = dict(_recurring(text))
    assert found["资产台账缺失"] == found["公务接待审批不严"] == "上一轮巡察"
