"""Organizations and figures on sentences written for the tests (invented people and numbers)."""

from __future__ import annotations

from loaders.extract import extract
from loaders.extract.organizations import type_of
from loaders.load import load_text


def _orgs(text: str) -> dict[str, str]:
    return {o.name: o.type for o in extract(load_text(text)).organizations}


def test_bare_level_words_take_the_documents_own_places() -> None:
    orgs = _orgs("云南省委第三巡视组向宾川县委反馈巡视情况。省委巡视办有关同志，县政府、县人大、县政协负责人，"
                 "县纪委监委、县委组织部、县委巡察办负责同志参加会议。")
    assert orgs == {
        "云南省委": "party_committee", "宾川县委": "party_committee", "云南省委巡视办": "inspection_office",
        "宾川县政府": "government", "宾川县人大": "other", "宾川县政协": "other",
        "宾川县纪委监委": "discipline", "宾川县委组织部": "organization_dept",
        "宾川县委巡察办": "inspection_office",
    }


def test_as_written_keeps_the_short_form_and_spans_point_at_it() -> None:
    text = "湖南省委第二巡视组进驻宁乡市。市委召开会议，市纪委监委列席。"
    rec = extract(load_text(text))
    org = next(o for o in rec.organizations if o.name == "宁乡市纪委监委")
    assert org.as_written == "市纪委监委"
    start, end = org.spans[0]
    assert text[start:end] == "市纪委监委"


def test_bare_county_words_follow_the_county_that_opens_the_paragraph() -> None:
    orgs = _orgs("贵州省委巡视组反馈了意见。\n息烽县针对问题，由县纪委牵头整改。\n修文县针对问题，由县纪委牵头整改。")
    assert {"息烽县纪委", "修文县纪委"} <= set(orgs)


def test_open_bodies_need_a_place_and_levels_together_are_no_body() -> None:
    orgs = _orgs("铜陵市委巡察办与市县扶贫办、市审计局会商，成立县扶贫开发领导小组。")
    assert orgs.get("铜陵市审计局") == "government"
    assert "铜陵市委巡察办" in orgs
    assert not any("县扶贫办" in name for name in orgs)


def test_central_organs_companies_and_party_groups() -> None:
    orgs = _orgs("中央第六巡视组对中国航天材料集团公司党组开展巡视，并向国务院扶贫办、教育部通报。"
                 "反馈情况在中央纪委国家监委网站公布。")
    assert orgs["中国航天材料集团公司"] == "enterprise"
    assert orgs["中国航天材料集团公司党组"] == "party_committee"
    assert orgs["国务院扶贫办"] == "government" and orgs["教育部"] == "government"
    assert "中央纪委国家监委" not in orgs  # a website named after a body is a source, not the body acting


def test_conjunction_before_a_level_word_is_not_a_county() -> None:
    rec = extract(load_text("安徽省铜陵市委巡察组向枞阳县委和县纪委反馈。"))
    assert "和县" not in {r.name for r in rec.regions}
    assert {"枞阳县委", "枞阳县纪委"} <= {o.name for o in rec.organizations}


def test_type_of_a_body_known_only_by_name() -> None:
    assert type_of("某某县纪委监委") == "discipline"
    assert type_of("某某市金融办党组") == "party_committee"
    assert type_of("某某集团公司") == "enterprise"
    assert type_of("农业农村部") == "government"
    assert type_of("某某协会") == "other"


def _figures(text: str) -> list[tuple[str, float, str | None, str | None]]:
    return [(f.what, f.value, f.unit, f.actor) for f in extract(load_text(text)).figures]


def test_counts_and_amounts_with_what_they_count_and_who_reports_them() -> None:
    figures = _figures("省委巡视反馈后，息烽县累计查处扶贫领域腐败和作风问题46件，党纪政务处分38人，"
                       "追缴违规资金12.5万元。")
    assert figures == [
        ("查处扶贫领域腐败和作风问题", 46, "件", "息烽县"),
        ("党纪政务处分", 38, "人", "息烽县"),
        ("追缴违规资金", 12.5, "万元", "息烽县"),
    ]


def test_the_thing_counted_may_follow_the_number() -> None:
    figures = _figures("巡察组共发现3个方面27个问题，移交问题线索5条。")
    assert ("发现3个方面问题", 27, "个", None) not in figures
    assert [f[1:3] for f in figures] == [(27, "个"), (5, "条")]
    assert "问题" in figures[0][0] and figures[1][0] == "移交问题线索"


def test_dates_percentages_and_ordinary_counting_words_are_not_figures() -> None:
    figures = _figures("2019年11月28日，第一巡视组进驻。贫困发生率降至0.5%，两个问题整改到位，一项制度出台。")
    assert figures == []
