"""Inspected targets named without a numbered team.

"10个中央巡视组分别对山西、吉林、新华社开展巡视", "市委4个巡察组陆续向市科技局、市残联…8家单位党组织反馈",
"派出三个巡察组对团县委、县科协…5个单位开展巡察“回头看”": each named target is inspected, by no team
the text names one to one (``team`` is ``None``, record-format.md). A count alone ("26个地方") names no one.
Where one numbered team alone leads the list ("县委第三巡察组分别对A镇、B镇开展巡察", "第二巡察组组长某某
反馈了对A村、B村的巡察情况"), every target is that team's.

A list is the run after 对/向/进驻 up to the verb (开展, 进行, 反馈, 展开), cut at 、，及 (not 和, which joins the words of many a body's name); a prefix that
says which round the targets belong to ("本轮巡察的") is dropped. An item counts when it is a region the
place list knows or ends in a body word (局, 委, 办, 院, 中心, 集团, 镇, 街道, 社区…: ``rules/targets.jsonl``).
"""

from __future__ import annotations

import re
from functools import cache

from loaders.extract.context import Context
from loaders.extract.dates import iso_span
from loaders.gazetteer import gazetteer
from loaders.places import official, without_party_group
from loaders.record import Inspected, Team
from loaders.rules import alternation

_LIST = re.compile(r"(?:(?<![针面相])对|向|进驻)(?P<list>[^。；：！？，]{2,400}?)(?:(?:等)?[\d一二三四五六七八九十两]+(?:个|家|所|名)[^，。；]{0,12}?)?"
                   r"(?:党组织|党委|党组)?(?P<end>(?:分别|集中|陆续|全面|逐一)?(?:开展|进行|反馈|展开|实施)|的(?:巡视|巡察)|，|$)")
# A long list in groups (对A市和B区、C县，D市和E区，以及F局、G委党组（党委）开展…): commas inside, a verb at the end.
_GROUPED = re.compile(r"(?:(?<![针面相])对|向|进驻)(?P<list>[^。；：！？]{2,1500}?[、，][^。；：！？]{2,1500}?)(?:（[^）]{1,8}）)?"
                      r"(?P<end>(?:分别|集中|陆续|全面|逐一)?(?:开展|进行|反馈|展开|实施))")
_BRACKET_TAIL = re.compile(r"[（(][^）)]{1,8}[）)]$")
# Several teams before a list, or a count of them: which team went where is not said one to one.
_MANY_TEAMS = re.compile(r"[\d一二三四五六七八九十两]+个[^，。；]{0,6}?(?:巡视|巡察)组|、第?[\d一二三四五六七八九十]+(?:巡视|巡察)?组")
_SENT_BY = re.compile(r"(?:巡视|巡察)")
_ROUND_PREFIX = re.compile(r"^[^、，]*?(?:巡视|巡察)的")
_SPLIT = re.compile(r"[、，,]|以及|及")  # not 和: 国家发展和改革委员会 is one body


@cache
def _words() -> tuple[re.Pattern[str], re.Pattern[str]]:
    return (re.compile(rf"(?:{alternation('targets', 'body_suffix')})$"),
            re.compile(alternation("targets", "not_target")))


def listed_targets(ctx: Context, taken: set[str], teams: list[Team] | None = None) -> list[Inspected]:
    """Targets of an inspection that the text names in a list, except those in ``taken``: each with the one
    team of ``teams`` written before the list in its sentence, else with ``team=None``."""
    text = ctx.text
    out: dict[str, Inspected] = {}
    for s, e in ctx.doc.sentences:
        sentence = text[s:e]
        if not _SENT_BY.search(sentence):
            continue
        grouped = [m for m in _GROUPED.finditer(sentence) if "，" in m.group("list")]
        accepted: list[tuple[int, int]] = []
        for m in grouped + list(_LIST.finditer(sentence)):
            if any(a <= m.start() < b for a, b in accepted):
                continue  # inside a grouped list already read
            if not _SENT_BY.search(sentence[max(0, m.start() - 40):m.end() + 30]):
                continue
            items = _ROUND_PREFIX.sub("", m.group("list"))
            if m.group("end") in ("，", "") and "、" not in items:
                continue  # one name before a comma is no list ("对此，")
            names = [target_name(raw, ctx) for raw in _split(items)]
            if sum(n is not None for n in names) * 4 < len(names) * 3:
                continue  # mostly no targets: not a list of them ("对照问题清单逐项…开展")
            accepted.append((m.start(), m.end()))
            team = _one_team(sentence[:m.start()], teams or [])
            start, end = iso_span(sentence) if team and not m.group(0).startswith("向") else (None, None)
            for name in names:
                if name and not _taken(name, taken) and name not in out:
                    out[name] = Inspected(team=team, target=name, start=start, end=end,
                                          spans=[ctx.span(s + m.start("list"), s + m.end("list"))])
    return list(out.values())


def _taken(name: str, taken: set[str]) -> bool:
    """Is ``name`` a target already read with its team (also as 湖北省总工会 for 省总工会, or with its party group)?"""
    body = without_party_group(name)
    return any(body.endswith(without_party_group(t)) or without_party_group(t).endswith(body) for t in taken)


def _split(items: str) -> list[str]:
    """The items of a list: cut at 、，及 and at a 和 that joins two places (兰州市和城关区), never inside a
    body's name (国家发展和改革委员会); a bracketed tail (党组（党委）) dropped."""
    forms = gazetteer().forms
    out: list[str] = []
    for raw in _SPLIT.split(items):
        raw = _BRACKET_TAIL.sub("", raw.strip())
        left, joined, right = raw.partition("和")
        if joined and left in forms and right in forms:
            out.extend([left, right])
        else:
            out.append(raw)
    return out


def _one_team(lead: str, teams: list[Team]) -> str | None:
    """The name of the one team written in ``lead``, if one team alone is."""
    if _MANY_TEAMS.search(lead):
        return None
    named = {team.name for team in teams if (team.as_written or team.name) in lead or team.name in lead}
    return named.pop() if len(named) == 1 else None


def target_name(raw: str, ctx: Context) -> str | None:
    """``raw`` as a target: a region by its official name, a body as written; ``None`` if it is neither."""
    body, not_target = _words()
    if len(raw) < 2 or len(raw) > 24 or not_target.search(raw) or not re.fullmatch(r"[\u4e00-\u9fff“”（）()]+", raw):
        return None
    name = official(raw, ctx)
    if name and (name != raw or raw in gazetteer().forms):
        return name  # a region by its official name
    return raw if body.search(raw) else None
