"""Measures by who speaks and how a unit opens, on sentences of our own writing."""

from __future__ import annotations

import pytest

from loaders.extract import extract
from loaders.load import load_text

FEEDBACK = "市委第一巡察组向青河镇党委反馈了巡察情况。巡察组指出，该镇议事规则执行不严。\n"


def _measures(text: str) -> list[tuple[str, str]]:
    return [(m.text, m.status) for m in extract(load_text(FEEDBACK + text)).measures]


@pytest.mark.parametrize("text, expected", [
    # the inspected body's own leader: 表示 with numbered 一要/二要 points and modal units
    ("镇党委书记王晓东表示，一要提高认识，把整改作为政治任务。二要压实责任，逐条抓好落实。",
     ["提高认识，把整改作为政治任务", "压实责任，逐条抓好落实"]),
    # the inspected body's own leader requiring of its own people: a pledge (record-format.md)
    ("镇长李春明要求，各村各站所要对照问题清单逐项整改。",
     ["各村各站所要对照问题清单逐项整改"]),
    ("镇党委书记王晓东强调，全镇干部必须立行立改，确保按期销号。",
     ["全镇干部必须立行立改，确保按期销号"]),
])
def test_pledges_of_the_inspected_body(text: str, expected: list[str]) -> None:
    got = _measures(text)
    assert [t for t, _ in got] == expected
    assert {status for _, status in got} == {"pledged"}


@pytest.mark.parametrize("text", [
    "巡察组要求，镇党委要认真抓好整改落实。",
    "市委巡察办负责人强调，被巡察党组织要把整改作为重大政治任务。",
])
def test_requirements_of_the_inspection_side_are_not_measures(text: str) -> None:
    assert _measures(text) == []


@pytest.mark.parametrize("text, expected", [
    ("针对巡察反馈的问题，接到反馈意见后，镇党委迅速召开班子会议研究整改方案。",
     "接到反馈意见后，镇党委迅速召开班子会议研究整改方案"),
    ("为推动整改落实，镇党委专门成立了整改工作专班。", "为推动整改落实，镇党委专门成立了整改工作专班"),
])
def test_actions_after_a_time_or_purpose_lead_in(text: str, expected: str) -> None:
    assert [t for t, _ in _measures(text)] == [expected]


def test_a_question_is_no_measure() -> None:
    assert _measures("整改之后，长效机制有没有真正建立？") == []


@pytest.mark.parametrize("text, expected", [
    # acting on the team's feedback is the body's own work, not the inspection's
    ("针对巡察反馈的问题，县委迅速召开常委会会议，传达学习市委巡察组反馈意见，研究部署整改工作。",
     "县委迅速召开常委会会议，传达学习市委巡察组反馈意见，研究部署整改工作"),
    ("整改中，县委及时成立落实市委巡察组反馈意见整改工作专班，由县委书记任组长。",
     "整改中，县委及时成立落实市委巡察组反馈意见整改工作专班，由县委书记任组长"),
    # an action a few words in, and a published rectification report
    ("整改启动后，各乡镇迅速反应，逐条制定整改措施。", "整改启动后，各乡镇迅速反应，逐条制定整改措施"),
    ("近日，被巡察单位先后公布了整改进展情况。", "近日，被巡察单位先后公布了整改进展情况"),
])
def test_the_body_acting_on_the_feedback(text: str, expected: str) -> None:
    assert expected in [t for t, _ in _measures(text)]


def test_the_team_giving_its_feedback_is_no_measure() -> None:
    assert _measures("整改方面，市委第一巡察组向镇党委反馈意见，指出了问题。") == []


@pytest.mark.parametrize("text", [
    "整改方面，随后召开巡察情况反馈会，市委第二巡察组向镇党委通报了巡察情况。",
    "整改方面，集中反馈会议传达了市委书记的讲话精神，通报了巡察发现的共性问题。",
])
def test_the_feedback_meeting_is_the_inspection_s_own_work(text: str) -> None:
    assert _measures(text) == []


@pytest.mark.parametrize("text, expected", [
    # a district, a bureau or a school as the subject before the action
    ("整改以来，东湖区多次召开整改工作推进会，逐项督办。", "整改以来，东湖区多次召开整改工作推进会，逐项督办"),
    ("整改中，县交通局专门成立整改专班，由局长任组长。", "整改中，县交通局专门成立整改专班，由局长任组长"),
    # rectification reports made public
    ("整改期间，12个被巡察单位的整改进展情况已在县纪委网站集中公布。",
     "整改期间，12个被巡察单位的整改进展情况已在县纪委网站集中公布"),
    ("近日，县卫健局党组向社会公开了巡察整改落实情况。", "近日，县卫健局党组向社会公开了巡察整改落实情况"),
])
def test_more_subjects_and_published_reports(text: str, expected: str) -> None:
    assert expected in [t for t, _ in _measures(text)]


def test_a_headline_that_announces_a_publication_is_no_measure() -> None:
    assert _measures("据报道，十二届县委第三轮巡察5个单位整改情况公布") == []


@pytest.mark.parametrize("text, first", [
    ("随后，镇党委书记王晓东作表态发言，一是统一思想，全盘认领问题清单。二是立行立改，逐项销号。",
     "统一思想，全盘认领问题清单"),
    ("镇长李春明做表态讲话：一是压实责任，二是建立长效机制。", "压实责任，二是建立长效机制"),
])
def test_a_pledge_speech_opens_pledges(text: str, first: str) -> None:
    got = _measures(text)
    assert got and got[0] == (first, "pledged")


def test_a_pledge_speech_reported_inside_an_action_opens_nothing() -> None:
    text = "针对巡察反馈的问题，县委实行挂图作战，责令排名靠后的乡镇主要领导在县电视台作表态发言，做到以责促行。"
    expected = "县委实行挂图作战，责令排名靠后的乡镇主要领导在县电视台作表态发言，做到以责促行"
    assert _measures(text) == [(expected, "done")]


@pytest.mark.parametrize("text", [
    "整改工作中，县委充分认识到抓好巡察整改的重要意义，把整改作为重大政治任务。",
    "整改工作中，镇党委深刻认识到问题的严重性，逐条制定整改措施。",
])
def test_the_body_s_own_stance_on_its_rectification_is_a_measure(text: str) -> None:
    assert len(_measures(text)) == 1
