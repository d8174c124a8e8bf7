"""People named outside a title-then-name pattern: bracketed bylines, photo credits, names before roles."""

from __future__ import annotations

import pytest

from loaders.extract import extract
from loaders.load import load_text


def _people(text: str) -> dict[str, list[str]]:
    return {p.name: p.titles for p in extract(load_text(text)).people}


@pytest.mark.parametrize("text, name, titles", [
    ("镇党委召开专题会议，研究巡察整改工作。（青山县纪委监委 王立新）", "王立新", []),
    ("本报讯（记者：刘海燕）市委巡察组近日进驻市水务局。", "刘海燕", ["记者"]),
    ("新华社南京5月3日电（陈志远）省委巡视组反馈了巡视情况。", "陈志远", []),
    ("巡察组在村部与群众座谈。赵宏伟 摄", "赵宏伟", []),
    ("本文作者为孙晓梅。", "孙晓梅", ["作者"]),
    ("会议由学校办公室主持，周建国书记、吴丽华副校长出席。", "吴丽华", ["副校长"]),
])
def test_people_outside_title_patterns(text: str, name: str, titles: list[str]) -> None:
    assert _people(text).get(name) == titles


@pytest.mark.parametrize("text", [
    "整改工作由县委统一部署。（顺河区纪委监委）",  # a body in brackets, no name
    "各乡镇（街道）要抓好落实。",
])
def test_bracketed_bodies_are_not_people(text: str) -> None:
    assert _people(text) == {}


@pytest.mark.parametrize("text, name, title", [
    ("课题组由省社科院研究员孙立平牵头。", "孙立平", "省社科院研究员"),
    ("项目负责人周海涛介绍了整改情况。", "周海涛", "项目负责人"),
])
def test_roles_beyond_party_and_state_posts(text: str, name: str, title: str) -> None:
    assert _people(text).get(name) == [title]


def test_a_conjunction_between_two_roles_is_no_name() -> None:
    assert _people("各部门负责人和乡镇党委书记参加会议。") == {}
