"""Where a place name is not a mention of the place, and towns found without their county."""

from __future__ import annotations

import pytest

from loaders.extract import extract
from loaders.load import load_text


def _regions(text: str) -> set[str]:
    return {r.name for r in extract(load_text(text)).regions}


@pytest.mark.parametrize("text, absent", [
    ("巡视组向兰州大学党委反馈了专项巡视情况。", "兰州市"),      # a university's name
    ("中央巡视组进驻武汉大学，开展专项巡视。", "武汉市"),
    ("据山东廉政网消息，整改进展已公布。", "山东省"),            # a web brand
    ("来源：中国江西网", "江西省"),
    ("市委巡察组进驻市中医院开展巡察。", "市中区"),            # 中医院 runs past the bare form
    ("有的单位文山会海问题突出。", "文山壮族苗族自治州"),
])
def test_place_forms_inside_other_names_are_not_places(text: str, absent: str) -> None:
    assert absent not in _regions(text)


@pytest.mark.parametrize("text, present", [
    ("省委巡视组对兰州市开展了巡视。", "兰州市"),
    ("武汉市委召开巡视整改专题会议。", "武汉市"),
])
def test_the_places_themselves_still_count(text: str, present: str) -> None:
    assert present in _regions(text)


@pytest.mark.parametrize("line", ["主办单位：某某县纪律检查委员会 某某县监察委员会", "首页 >> 新闻中心 >> 巡察工作"])
def test_site_owner_lines_and_breadcrumb_trails_are_furniture(line: str) -> None:
    doc = load_text("县委巡察组进驻某镇开展巡察。\n" + line)
    assert line not in doc.text


def test_a_town_of_one_county_only_is_a_locality_without_its_county_named() -> None:
    # 均川镇 exists under one county of the national list (随县); the text names no county.
    localities = extract(load_text("县纪委监委工作组到均川镇开展整改回访督查。")).localities
    assert [(loc.name, loc.county) for loc in localities] == [("均川镇", "随县")]


@pytest.mark.parametrize("text, village", [
    ("巡察组来到陵头镇梅庄村，梅庄村村民反映了操场被占的问题。", "梅庄村"),
    ("陵头镇梅庄村村里的戏台被占多年。", "梅庄村"),
])
def test_a_word_that_starts_with_cun_is_no_doubled_suffix(text: str, village: str) -> None:
    assert village in {loc.name for loc in extract(load_text("汝州市委巡察组开展村级巡察。" + text)).localities}
