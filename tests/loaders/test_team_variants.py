"""Team wordings beyond 省委第N巡视组, two sentences of our own for each."""

from __future__ import annotations

import pytest

from loaders.extract import extract
from loaders.load import load_text


def _teams(text: str) -> list[tuple[str, str | None, int | None]]:
    return [(t.name, t.level, t.ordinal) for t in extract(load_text(text)).teams]


@pytest.mark.parametrize("text, expected", [
    # a kind of team between the number and 组
    ("市委第二专项巡察组向市卫健委党组反馈了巡察情况。", ("市委第二巡察组", "city", 2)),
    ("县委第三机动巡察组进驻县供销社开展巡察。", ("县委第三巡察组", "county", 3)),
    # the number last
    ("市委机动巡察一组对某街道党工委开展巡察。", ("市委第一巡察组", "city", 1)),
    ("县委交叉巡察第五组对某乡开展交叉巡察。", ("县委第五巡察组", "county", 5)),
    # a central ministry's own teams
    ("根据教育部第一巡视组的反馈意见，学院制定了整改方案。", ("教育部第一巡视组", "central", 1)),
    ("财政部第二巡视组向部属某单位党委反馈巡视意见。", ("财政部第二巡视组", "central", 2)),
])
def test_team_variants(text: str, expected: tuple[str, str, int]) -> None:
    assert expected in _teams(text)


@pytest.mark.parametrize("text, expected", [
    ("本轮巡察县委组建4个巡察组，其中第一、第二巡察组对县教育局开展常规巡察。",
     [("县委第一巡察组", "county", 1), ("县委第二巡察组", "county", 2)]),
    ("市委派出3个巡察组开展提级巡察，第三巡察组负责某镇。", [("市委第三巡察组", "city", 3)]),
])
def test_a_bare_team_takes_the_sender_named_before_it(text: str, expected: list[tuple[str, str, int]]) -> None:
    assert _teams(text) == expected


def test_a_bare_team_with_no_sender_stays_bare() -> None:
    assert _teams("第三巡视组进驻后，设立了举报信箱。") == [("第三巡视组", None, 3)]


@pytest.mark.parametrize("text, count", [
    ("市委第一至第四巡察组分别向各区委反馈巡察情况。", 4),
    ("省委第二至五巡视组进驻各市开展巡视。", 4),
])
def test_a_range_of_teams_names_each(text: str, count: int) -> None:
    assert len(_teams(text)) == count


@pytest.mark.parametrize("text, expected", [
    ("汝州市召开巡察工作会议。市委第三巡察组进驻某村开展巡察。", ("汝州市委第三巡察组", "county", 3)),
    ("涟源市委巡察办部署工作。市委第一巡察组向某镇党委反馈巡察情况。", ("涟源市委第一巡察组", "county", 1)),
])
def test_a_bare_city_committee_in_a_report_on_a_county_level_city(text: str, expected: tuple[str, str, int]) -> None:
    assert expected in _teams(text)


def test_a_bare_city_committee_beside_its_prefecture_stays_the_prefecture_s() -> None:
    teams = _teams("平顶山市召开会议，汝州市参加。市委第三巡察组进驻某村。")
    assert ("平顶山市委第三巡察组", "city", 3) in teams
