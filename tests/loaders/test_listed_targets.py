"""Inspected targets named in a list without a numbered team (record-format.md: "team": null)."""

from __future__ import annotations

import pytest

from loaders.extract import extract
from loaders.load import load_text


def _targets(text: str) -> list[tuple[str | None, str]]:
    return [(i.team, i.target) for i in extract(load_text(text)).inspected]


@pytest.mark.parametrize("text, expected", [
    ("县委3个巡察组陆续向县档案馆、县供销社、县农机中心反馈巡察情况。",
     [(None, "县档案馆"), (None, "县供销社"), (None, "县农机中心")]),
    ("区委派出两个巡察组对青山街道、白沙镇等4个镇街开展常规巡察。", [(None, "青山街道"), (None, "白沙镇")]),
    ("本轮巡视对湖南、贵州开展了专项巡视。", [(None, "湖南省"), (None, "贵州省")]),
    ("巡察组分别向本轮巡察的县教育局、县卫健局党组反馈意见。", [(None, "县教育局"), (None, "县卫健局")]),
])
def test_listed_targets_have_no_team(text: str, expected: list[tuple[None, str]]) -> None:
    assert _targets(text) == expected


@pytest.mark.parametrize("text", [
    "市委5个巡察组对26个单位开展巡察。",  # a count alone names no one
    "对此，巡察组提出整改意见。",
    "巡察组对照问题清单逐项开展核查。",
])
def test_counts_and_other_objects_are_no_targets(text: str) -> None:
    assert _targets(text) == []


def test_a_numbered_team_keeps_its_own_target() -> None:
    assert _targets("市委第二巡察组对市审计局开展了巡察。") == [("市委第二巡察组", "市审计局")]


def test_a_body_whose_name_holds_he_stays_whole_and_a_count_may_name_two_kinds() -> None:
    text = "本轮巡视对江西、人力资源和社会保障部等3个地方、单位开展了专项巡视。"
    assert _targets(text) == [(None, "江西省"), (None, "人力资源和社会保障部")]


def test_aimed_at_is_no_list_of_targets() -> None:
    assert _targets("各巡察组针对贫困村、软弱涣散村进行了重点巡察。") == []


@pytest.mark.parametrize("text, expected", [
    ("3月初，汝州市委第二巡察组入驻陵头镇，开展为期一个月的巡察。", ("汝州市委第二巡察组", "陵头镇")),
    ("县委第一巡察组进驻均川镇开展巡察“回头看”。", ("县委第一巡察组", "均川镇")),
])
def test_a_team_that_moves_into_a_town(text: str, expected: tuple[str, str]) -> None:
    assert expected in _targets(text)


@pytest.mark.parametrize("text, expected", [
    ("市委第二巡察组组长王立新，副组长赵春明，向县档案局党组反馈了巡察情况。", [("市委第二巡察组", "县档案局党组")]),
    ("县委第三巡察组组长、县人大常委会副主任刘海波一行，对县林业局开展巡察。", [("县委第三巡察组", "县林业局")]),
    ("县委第一巡察组在青山镇开展了为期一个月的常规巡察。", [("县委第一巡察组", "青山镇")]),
])
def test_leaders_between_the_team_and_its_target_and_inspecting_in_a_place(
        text: str, expected: list[tuple[str, str]]) -> None:
    assert _targets(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("6月2日，市委第五巡察组分别对市档案馆、市供销社开展机动巡察。",
     [("市委第五巡察组", "市档案馆"), ("市委第五巡察组", "市供销社")]),
    ("县委第二巡察组组长韩立新反馈了对红旗村、向阳村的巡察“回头看”情况。",
     [("县委第二巡察组", "红旗村"), ("县委第二巡察组", "向阳村")]),
])
def test_one_team_before_a_list_inspects_every_target_of_it(text: str, expected: list[tuple[str, str]]) -> None:
    assert _targets(text) == expected


def test_the_problems_of_one_teams_several_targets_belong_to_none_of_them() -> None:
    text = ("县委第二巡察组组长韩立新反馈了对红旗村、向阳村的巡察情况。巡察发现，两个村村务公开不及时，"
            "集体资产管理不规范。")
    issues = extract(load_text(text)).issues
    assert [(i.text, i.target) for i in issues] == [("两个村村务公开不及时", None), ("集体资产管理不规范", None)]


@pytest.mark.parametrize("text", [
    "5月8日，县委第四巡察组在青石镇召开巡察情况反馈会。",  # the venue of a meeting is no target
    "市委第一巡察组在市民中心举行巡察工作动员会议。",
])
def test_a_meeting_venue_is_no_target(text: str) -> None:
    assert _targets(text) == []


@pytest.mark.parametrize("text, expected", [
    # a list in groups: commas between them, 和 joining a city and its district, a bracketed tail
    ("按照省委部署，省委第五轮巡视对衡阳市和雁峰区、石鼓区，株洲市和芦淞区，以及省林业局、省文化馆党组（党委）开展了常规巡视。",
     ["衡阳市", "雁峰区", "石鼓区", "株洲市", "芦淞区", "省林业局", "省文化馆党组"]),
    ("市委巡察组分别向青石镇、白沙镇党委及其所辖村（社区）党组织，市档案馆、市供销社党组（党委）反馈巡察情况。",
     ["青石镇", "白沙镇党委", "市档案馆", "市供销社党组"]),
])
def test_a_list_in_groups_names_every_target(text: str, expected: list[str]) -> None:
    assert [target for _, target in _targets(text)] == expected


def test_a_target_read_with_its_team_is_not_listed_again_under_a_shorter_name() -> None:
    text = "湖北省委第四、第五巡视组分别进驻省总工会、荆州市开展巡视“回头看”。"
    assert ("湖北省委第四巡视组", "湖北省总工会") in _targets(text)
    assert (None, "省总工会") not in _targets(text)


def test_targets_listed_under_their_team_on_lines_of_a_table() -> None:
    text = ("十三届湖南省委第五轮巡视整改进展情况公布\n"
            "省委第一巡视组：衡阳市、雁峰区、石鼓区\n"
            "省委第二巡视组：株洲市芦淞区荷塘区\n"  # a table's cells run together in the page text
            "省委第三巡视组：省林业局省文化馆\n")
    got = _targets(text)
    assert ("湖南省委第一巡视组", "衡阳市") in got and ("湖南省委第一巡视组", "石鼓区") in got
    assert [t for team, t in got if team == "湖南省委第二巡视组"] == ["株洲市", "芦淞区", "荷塘区"]
    assert [t for team, t in got if team == "湖南省委第三巡视组"] == ["省林业局", "省文化馆"]


def test_a_team_line_that_is_not_all_targets_gives_none() -> None:
    text = "湖南省委第一巡视组对衡阳市开展巡视。\n省委第一巡视组：进驻期间共受理信访件120件\n"
    assert _targets(text) == [("湖南省委第一巡视组", "衡阳市")]
