"""Issues, measures, localities and assignments on sentences written for the tests (invented people)."""

from __future__ import annotations

import pytest

from loaders.extract import extract
from loaders.load import load_text


def _record(text: str):
    return extract(load_text(text))


def _texts(rec) -> list[str]:
    return [i.text for i in rec.issues]


def test_problems_of_some_places_are_split_trimmed_and_have_no_owner() -> None:
    rec = _record("中央巡视组对云南省开展了巡视。有的地方被指出落实政策有偏差，产业带动机制弱；"
                  "有的地方被指出一段时间急于求成，有的地方工作不实；个别地方问责泛化。")
    texts = _texts(rec)
    assert texts == ["落实政策有偏差", "产业带动机制弱", "一段时间急于求成", "工作不实", "问责泛化"]
    assert all(i.target is None for i in rec.issues)


def test_short_parallel_clauses_stay_one_problem() -> None:
    rec = _record("巡察发现5大类问题最为突出：识别不精准，退出不精准；扶贫资金违规违纪使用，项目监管不规范。")
    assert _texts(rec) == ["识别不精准，退出不精准", "扶贫资金违规违纪使用", "项目监管不规范"]


def test_enumeration_splits_only_where_both_sides_are_problems() -> None:
    rec = _record("有的单位被指出贫困地区农村公路建设标准不健全、养护机制不完善，定点帮扶不够精准、力度不够。")
    assert _texts(rec) == ["贫困地区农村公路建设标准不健全", "养护机制不完善", "定点帮扶不够精准、力度不够"]


def test_framed_list_items_need_no_marker() -> None:
    rec = _record("部分基层干部还存在优亲厚友、雁过拔毛、强占掠夺等问题，影响恶劣。")
    assert _texts(rec) == ["优亲厚友", "雁过拔毛", "强占掠夺"]
    assert {i.category for i in rec.issues} == {"corruption"}


def test_quoted_findings_belong_to_the_body_before_the_quote() -> None:
    rec = _record("例如，重庆市“部分产业扶持资金存在浪费损失”；农业农村部“有的定点扶贫干部对基层实际了解不深”等。")
    owners = {i.text: i.target for i in rec.issues}
    assert owners == {"部分产业扶持资金存在浪费损失": "重庆市", "有的定点扶贫干部对基层实际了解不深": "农业农村部"}


def test_checklists_and_praise_are_not_findings() -> None:
    rec = _record("重点检查党组织在扶贫工作中存在的党的领导弱化、党的建设缺失等突出问题。"
                  "组长何立平指出，该省在全国率先开展扶贫领域腐败和作风问题专项治理，取得明显成效。")
    assert rec.issues == []


def test_earlier_round_phrase_marks_a_stated_recurrence() -> None:
    rec = _record("巡察组指出，上轮巡察反馈的村务公开不及时问题仍然存在。")
    assert rec.issues and rec.issues[0].earlier_round == "上轮巡察"


def test_measures_answer_the_problem_named_before_them() -> None:
    rec = _record("德江县针对落实教育扶贫政策不到位的问题，对排查出的80名疑似辍学学生全部劝追复学。"
                  "投入资金68万元新建村卫生室17个。\n"
                  "针对住房保障推进缓慢问题，实行倒排工期、挂图作战；危房改造已全部竣工。")
    measures = [(m.text, m.issue, m.actor, m.status) for m in rec.measures]
    assert measures[0] == ("对排查出的80名疑似辍学学生全部劝追复学", "落实教育扶贫政策不到位", "德江县", "done")
    assert measures[1][1] == "落实教育扶贫政策不到位"
    assert [m[0] for m in measures[2:]] == ["实行倒排工期、挂图作战", "危房改造已全部竣工"]
    assert {m[1] for m in measures[2:]} == {"住房保障推进缓慢"}
    assert {i.text for i in rec.issues} == {"落实教育扶贫政策不到位", "住房保障推进缓慢"}


def test_pledges_after_the_inspected_body_speaks_and_no_requirements() -> None:
    rec = _record("省委第八巡视组对漾濞县开展了巡视。县委主要负责人表示，反馈的问题切中要害，漾濞县委一定照单全收，"
                  "坚决真改实改。一是统一思想，提高站位。二是漾濞县委将逐件整改销号。\n"
                  "省委巡视办负责人强调，要持续开展专项治理，坚决纠正形式主义问题；要认真抓好巡视整改工作。")
    measures = [(m.text, m.status) for m in rec.measures]
    assert measures == [("漾濞县委一定照单全收，坚决真改实改", "pledged"), ("统一思想，提高站位", "pledged"),
                        ("漾濞县委将逐件整改销号", "pledged")]
    assert rec.measures[0].actor == "漾濞县委"


def test_localities_come_with_their_county_and_a_village_needs_its_town() -> None:
    rec = _record("常山县委对同弓乡胡村村开展专项巡察。在涟源市龙塘镇河东村，贫困户林小红养起了母猪。"
                  "该县新建村卫生室12个。")
    found = {(loc.name, loc.county, loc.town) for loc in rec.localities}
    assert found == {("同弓乡", "常山县", None), ("胡村村", "常山县", "同弓乡"),
                     ("龙塘镇", "涟源市", None), ("河东村", "涟源市", "龙塘镇")}


def test_teams_sent_together_get_targets_by_order_and_by_prefecture() -> None:
    rec = _record("4月24日，省委第四、第七、第八巡视组分别进驻省总工会、宜昌市、襄阳市及当阳市、老河口市、"
                  "鱼梁洲开发区开展巡视“回头看”。湖北省委高度重视。")
    pairs = {(i.team, i.target) for i in rec.inspected}
    assert pairs == {("湖北省委第四巡视组", "湖北省总工会"), ("湖北省委第七巡视组", "宜昌市"),
                     ("湖北省委第八巡视组", "襄阳市"), ("湖北省委第七巡视组", "当阳市"),
                     ("湖北省委第八巡视组", "老河口市"), ("湖北省委第八巡视组", "鱼梁洲开发区")}


def test_inspection_dates_become_iso_dates() -> None:
    rec = _record("2019年11月28日至2020年1月12日，省委第八巡视组对漾濞县开展了脱贫攻坚巡视“回头看”。")
    item = rec.inspected[0]
    assert (item.team, item.target, item.start, item.end) == (
        "云南省委第八巡视组", "漾濞彝族自治县", "2019-11-28", "2020-01-12")
    assert item.round == "云南省委脱贫攻坚巡视“回头看”" or item.round.endswith("脱贫攻坚巡视“回头看”")


def test_traditional_text_with_glosses_still_yields_findings() -> None:
    original = "有的地方被指出扶貧資(zī)金使用監(jiān)管存在薄弱環節，易地扶貧搬遷進度滯後。"
    rec = extract(load_text(original))
    assert _texts(rec) == ["扶贫资金使用监管存在薄弱环节", "易地扶贫搬迁进度滞后"]
    assert [i.category for i in rec.issues] == ["funds", "relocation_housing"]
    start, end = rec.issues[0].spans[0]
    assert original[start:end].startswith("扶貧資")


def test_categories_prefer_a_sector_over_general_duty_words() -> None:
    rec = _record("有的部门被指出制定交通扶贫政策措施科学性不够，有关低保政策措施待完善，脱贫攻坚规划频繁调整。")
    assert [i.category for i in rec.issues] == ["infrastructure", "public_services", "political_responsibility"]


@pytest.mark.parametrize("text, expected", [
    ("巡察发现，该局存在“三重一大”制度执行不严、“一岗双责”落实不到位等问题。",
     ["“三重一大”制度执行不严", "“一岗双责”落实不到位"]),
    ("反馈指出，有的村存在选人用人“带病提拔”等问题。", ["选人用人“带病提拔”"]),
])
def test_quotes_around_part_of_a_problem_are_kept(text: str, expected: list[str]) -> None:
    assert [i.text for i in extract(load_text(text)).issues] == expected


def test_a_meetings_requirement_is_no_measure_and_neither_is_the_rest_of_it() -> None:
    text = ("县委第三巡察组向青石镇党委反馈巡察情况\n会议要求被巡察党组织要提高站位，确保问题整改到位；"
            "压实整改责任，建立整改台账；严格整改标准，强化成果运用。")
    assert extract(load_text(text)).measures == []


@pytest.mark.parametrize("text, expected", [
    # 针对 aims at the problem clauses only, not at an aside that happens to end in 问题
    ("针对乡镇巡察力量不足，各县探索建立交叉巡察机制，群众可以随时向巡察组反映问题。", ["乡镇巡察力量不足"]),
    ("针对部分村民存在“等靠要”思想，出现争当低保户现象的问题，该村开展宣讲。",
     ["部分村民存在“等靠要”思想，出现争当低保户现象"]),
    ("针对村级平台建设，群众通过手机即可向巡察组反映问题。", []),
])
def test_an_aimed_problem_is_its_problem_clauses(text: str, expected: list[str]) -> None:
    assert [i.text for i in extract(load_text(text)).issues] == expected


@pytest.mark.parametrize("text, expected", [
    ("巡察发现，该局党组落实监督责任有落差，整治群众身边腐败的力度不大。",
     ["该局党组落实监督责任有落差", "整治群众身边腐败的力度不大"]),
    ("反馈指出，部分村帮扶项目带动作用不大；村务监督委员会履职与要求存在落差。",
     ["帮扶项目带动作用不大", "村务监督委员会履职与要求存在落差"]),
])
def test_shortfall_predicates_mark_problems(text: str, expected: list[str]) -> None:
    assert [i.text for i in extract(load_text(text)).issues] == expected


def test_feedback_that_stresses_requirements_gives_no_measures() -> None:
    text = ("巡视组反馈巡视情况\n反馈强调，要切实提高政治站位。纪检监察机关要加强整改监督，对敷衍整改的严肃问责。"
            "职能部门要用好巡视成果，推动解决行业性问题。")
    assert extract(load_text(text)).measures == []
