"""The speaker step alone: whose side a speech lead is on and where its pledge starts (sentences of our own)."""

from __future__ import annotations

import pytest

from loaders.extract.speakers import opens_with_modal, speech_in


@pytest.mark.parametrize("unit, pledge", [
    ("区委书记赵文涛表示，区委将照单全收、逐条整改", "区委将照单全收、逐条整改"),
    ("局长孙立平表示，一是立即成立整改专班", "一是立即成立整改专班"),
    ("随后，街道党工委书记钱敏作表态发言，要坚决扛起整改主体责任", "要坚决扛起整改主体责任"),
    ("院长周海燕强调，各科室必须对照清单逐项销号", "各科室必须对照清单逐项销号"),
])
def test_a_leader_of_the_inspected_body_pledges(unit: str, pledge: str) -> None:
    speech = speech_in(unit)
    assert speech is not None and speech.side == "inspected"
    assert speech.pledge_start is not None and unit[speech.pledge_start:] == pledge


@pytest.mark.parametrize("unit", [
    "市委巡察组组长吴国栋表示，被巡察党组织要认真抓好整改",
    "省委督导组负责人刘洋强调，各单位必须把整改作为政治任务",
])
def test_the_inspection_side_speaks_requirements_not_pledges(unit: str) -> None:
    speech = speech_in(unit)
    assert speech is not None and speech.side == "inspector" and speech.pledge_start is None


@pytest.mark.parametrize("unit", [
    "镇长冯雪梅表示，感谢巡察组的辛勤工作",  # a leader speaks, but says nothing to be done
    "校长郑一鸣表示，巡察反馈的问题点得准、说得透",
])
def test_a_speech_without_a_pledge_has_no_pledge_start(unit: str) -> None:
    speech = speech_in(unit)
    assert speech is not None and speech.side == "inspected" and speech.pledge_start is None


@pytest.mark.parametrize("unit", ["县财政局成立了整改工作领导小组", "全县共清理违规发放津贴补贴42万元"])
def test_a_unit_without_a_speech_lead_has_no_speech(unit: str) -> None:
    assert speech_in(unit) is None


def test_a_modal_must_open_the_text_and_a_requirement_is_not_one() -> None:
    assert opens_with_modal("各村要在月底前完成自查")
    assert opens_with_modal("我们一定举一反三")
    assert not opens_with_modal("要求各村在月底前完成自查")
