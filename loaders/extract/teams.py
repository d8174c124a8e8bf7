"""Inspection teams: 省委第八巡视组, 中央第十二巡视组, 市委第二巡察组, and
enumerations of them (省委第一、第二、第三巡视组; 中央巡视组第五、六组).

Variants name a kind of team between the number and 组 or put the number last
(第一专项巡察组, 机动巡察一组, 交叉巡察第五组); a central ministry sends teams of
the central level (某部第一巡视组). A bare 第N巡察组 takes the issuer of the sender
named before it in its paragraph ("县委组建5个巡察组，其中第一、第二巡察组…")."""

from __future__ import annotations

import re
from functools import cache

from loaders.extract.context import Context
from loaders.extract.numerals import NUMERAL_CHARS, to_chinese, to_int
from loaders.gazetteer import Place, gazetteer
from loaders.record import Team
from loaders.rules import load_rules

_N = f"[{NUMERAL_CHARS}]+"
_VARIANT = "专项|机动|交叉|提级"
_NUMBERED = re.compile(rf"第({_N})((?:[、和及与]第?{_N})*|(?:至|到|—|-|~)第?{_N})(?:{_VARIANT})?(巡视|巡察)组")
_GROUP_FIRST = re.compile(rf"(?:{_VARIANT})?(巡视|巡察)组?第({_N})((?:[、和及与]第?{_N})*)组")
_NUMBER_LAST = re.compile(rf"(?:{_VARIANT})?(巡视|巡察)([一二三四五六七八九十]+)组")
_SENDER = re.compile(r"(?:中央|省委|自治区党委|市委|州委|县委|区委|旗委)(?=[^。]{0,16}?(?:巡视|巡察))")
_MUNICIPALITIES = {"北京市", "上海市", "天津市", "重庆市"}


@cache
def _bodies() -> list[tuple[str, str]]:
    """(body, level), longest body first."""
    out = [(body, rule.label) for rule in load_rules("teams")
           for body in rule.words]
    return sorted(out, key=lambda item: -len(item[0]))


def _place_before(text: str, end: int) -> tuple[Place, int] | None:
    gaz = gazetteer()
    for length in range(min(12, end), 1, -1):
        form = text[end - length : end]
        if form in gaz.forms:
            return gaz.forms[form][0], end - length
    return None


@cache
def _ministries() -> tuple[str, ...]:
    """Central organs that send inspection teams of their own (教育部第一巡视组)."""
    names = [name for rule in load_rules("organizations") if rule.id == "named" and rule.label == "government"
             for name in rule.words]
    return tuple(sorted(names, key=len, reverse=True))


def issuer_before(text: str, pos: int, ctx: Context) -> tuple[str | None, str | None, int]:
    """(issuer, level, start of the issuer as written) for a team or round whose
    number starts at ``pos``. Infers the place of a bare 省委/市委 from the document."""
    for name in _ministries():
        if pos >= len(name) and text.startswith(name, pos - len(name)):
            return name, "central", pos - len(name)
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
        if body == "市委" and _county_level_city(ctx):
            return ctx.county.name + "委", "county", body_start  # type: ignore[union-attr]
        return _infer(body, level, ctx), level, body_start
    return None, None, pos


def _county_level_city(ctx: Context) -> bool:
    """A report about a county-level city (汝州市) that names no prefecture-level place: its 市委 is the city's."""
    county = ctx.county
    return county is not None and county.name.endswith("市") and \
        not any(place.level == "prefecture" for _, place in ctx.places)


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
    return Team(name=f"{prefix}第{to_chinese(ordinal)}{kind}组", level=level, issuer=issuer,
                ordinal=ordinal, kind=kind)


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
        if re.match(r"^(?:至|到|—|-|~)", m.group(2)):
            first, last = to_int(numbers[0]) or 0, to_int(numbers[-1]) or 0
            numbers = [str(n) for n in range(first, last + 1)] if 0 < first < last <= 30 else numbers
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
    for m in _NUMBER_LAST.finditer(text):
        ordinal = to_int(m.group(2))
        if ordinal and not _NUMBERED.match(text, m.start()):
            issuer, level, start = issuer_before(text, m.start(), ctx)
            add(_team(issuer, level, ordinal, m.group(1), text[start : m.start()]), start, m.end(), text[start : m.end()])
    return _merge_bare(found, ctx)


def _sender_before(ctx: Context, pos: int) -> tuple[str | None, str | None, str]:
    """The issuer, level and written name of the last sending body named before ``pos`` in its paragraph."""
    text = ctx.text
    line_start = text.rfind("\n", 0, pos) + 1
    last = None
    for m in _SENDER.finditer(text, line_start, pos):
        last = m
    if last is None:
        return None, None, ""
    issuer, level, start = issuer_before(text, last.end(), ctx)
    return issuer, level, text[start:last.end()]


def _merge_bare(found: dict[str, Team], ctx: Context) -> list[Team]:
    """A bare 第六巡视组 (a headline, a later mention) is the team of the same number and kind that the
    document names with its issuer, where there is exactly one; else it is sent by the body named
    before it in its paragraph, where there is one."""
    teams = list(found.values())
    out: list[Team] = []
    for team in teams:
        if team.issuer is None and team.name.startswith("第"):
            same = [t for t in teams if t is not team and t.issuer and t.ordinal == team.ordinal and t.kind == team.kind]
            if len(same) == 1:
                same[0].spans.extend(team.spans)
                continue
            issuer, level, written = _sender_before(ctx, ctx.text.find(team.as_written or team.name))
            if level is not None:
                named = _team(issuer, level, team.ordinal or 0, team.kind or "巡视", written)
                twin = next((t for t in out if t.name == named.name), None)
                if twin is not None:
                    twin.spans.extend(team.spans)
                    continue
                team = named.model_copy(update={"as_written": team.as_written or team.name, "spans": team.spans})
        out.append(team)
    return out
