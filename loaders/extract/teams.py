"""Inspection teams: 省委第八巡视组, 中央第十二巡视组, 市委第二巡察组, and
enumerations of them (省委第一、第二、第三巡视组; 中央巡视组第五、六组)."""

from __future__ import annotations

import re
from functools import cache

from loaders.extract.context import Context
from loaders.extract.numerals import NUMERAL_CHARS, to_chinese, to_int
from loaders.gazetteer import Place, gazetteer
from loaders.record import Team
from loaders.rules import load_rules

_N = f"[{NUMERAL_CHARS}]+"
_NUMBERED = re.compile(rf"第({_N})((?:[、和及与]第?{_N})*)(巡视|巡察)组")
_GROUP_FIRST = re.compile(rf"(巡视|巡察)组第({_N})((?:[、和及与]第?{_N})*)组")
_MUNICIPALITIES = {"北京市", "上海市", "天津市", "重庆市"}


@cache
def _bodies() -> list[tuple[str, str]]:
    """(body, level), longest body first."""
    out = [(body, rule.label) for rule in load_rules("teams")
           for body in ([rule.pattern] if isinstance(rule.pattern, str) else rule.pattern)]
    return sorted(out, key=lambda item: -len(item[0]))


def _place_before(text: str, end: int) -> tuple[Place, int] | None:
    gaz = gazetteer()
    for length in range(min(12, end), 1, -1):
        form = text[end - length : end]
        if form in gaz.forms:
            return gaz.forms[form][0], end - length
    return None


def issuer_before(text: str, pos: int, ctx: Context) -> tuple[str | None, str | None, int]:
    """(issuer, level, start of the issuer as written) for a team or round whose
    number starts at ``pos``. Infers the place of a bare 省委/市委 from the document."""
    for body, level in _bodies():
        if not text.startswith(body, max(0, pos - len(body))) or pos < len(body):
            continue
        body_start = pos - len(body)
        if level == "central":
            return "中央", "central", body_start
        found = _place_before(text, body_start)
        if found is not None:
            place, start = found
            if place.name in _MUNICIPALITIES or place.level == "province":
                level = "province"
            elif place.level == "county":
                level = "county"
            elif place.level == "prefecture":
                level = "city"
            return place.name + body[-1:] if body.endswith("委") else place.name + body, level, start
        return _infer(body, level, ctx), level, body_start
    return None, None, pos


def _infer(body: str, level: str, ctx: Context) -> str | None:
    """省委 in a document about a Yunnan county is 云南省委."""
    suffix = "委" if body.endswith("委") else body
    if level == "province" and ctx.province:
        return ctx.province + suffix
    if level == "city" and ctx.prefecture:
        return ctx.prefecture + suffix
    if level == "county" and ctx.county is not None:
        return ctx.county.name + suffix
    return None


def _team(issuer: str | None, level: str | None, ordinal: int, kind: str, written_issuer: str) -> Team:
    prefix = issuer if issuer is not None else written_issuer
    return Team(name=f"{prefix}第{to_chinese(ordinal)}{kind}组", level=level, issuer=issuer,  # type: ignore[arg-type]
                ordinal=ordinal, kind=kind)  # type: ignore[arg-type]


def extract_teams(ctx: Context) -> list[Team]:
    text = ctx.text
    found: dict[str, Team] = {}

    def add(team: Team, start: int, end: int, as_written: str) -> None:
        existing = found.setdefault(team.name, team)
        if existing.as_written is None and as_written != team.name:
            existing.as_written = as_written
        existing.spans.append(ctx.span(start, end))

    for m in _NUMBERED.finditer(text):
        issuer, level, start = issuer_before(text, m.start(), ctx)
        written_issuer = text[start : m.start()]
        numbers = [m.group(1), *re.findall(_N, m.group(2))]
        for number in numbers:
            ordinal = to_int(number)
            if ordinal:
                add(_team(issuer, level, ordinal, m.group(3), written_issuer), start, m.end(), text[start : m.end()])
    for m in _GROUP_FIRST.finditer(text):
        issuer, level, start = issuer_before(text, m.start(), ctx)
        written_issuer = text[start : m.start()]
        for number in [m.group(2), *re.findall(_N, m.group(3))]:
            ordinal = to_int(number)
            if ordinal:
                add(_team(issuer, level, ordinal, m.group(1), written_issuer), start, m.end(), text[start : m.end()])
    return _merge_bare(found)


def _merge_bare(found: dict[str, Team]) -> list[Team]:
    """A bare 第六巡视组 (a headline, a later mention) is the team of the same number and kind that the
    document names with its issuer, where there is exactly one."""
    teams = list(found.values())
    out = []
    for team in teams:
        if team.issuer is None and team.name.startswith("第"):
            same = [t for t in teams if t is not team and t.issuer and t.ordinal == team.ordinal and t.kind == team.kind]
            if len(same) == 1:
                same[0].spans.extend(team.spans)
                continue
        out.append(team)
    return out
