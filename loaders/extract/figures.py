"""Figures: the numbers a document reports about inspections and their follow-up
(立案23件, 处分18人, 追缴资金45.6万元, 发现问题35个), with what they count and who reports them.

A number counts where a unit from ``rules/figures.jsonl`` follows it and its
clause speaks of something inspections count (问题, 线索, 处分, 资金 …). What it
counts is the clause before the number, without lead-ins (共, 累计, 截至目前);
where the thing counted comes after the number (发现15个问题), it is taken from
there. Dates, percentages and ordinals are never figures.
"""

from __future__ import annotations

import re
from functools import cache

from loaders.extract.context import Context
from loaders.extract.numerals import to_int
from loaders.places import official
from loaders.record import Figure
from loaders.rules import patterns

_CLAUSE_END = "，。；：！？、\n"
_CHINESE_NUMBER = "一二两三四五六七八九十百千"
_NOUN_AFTER = re.compile(r"^[\u4e00-\u9fff]{0,8}?(?:问题线索|问题|线索|干部|党员|人员|案件|资金|制度|建议)")


@cache
def _number() -> re.Pattern[str]:
    units = "|".join(sorted(patterns("figures", "unit"), key=len, reverse=True))
    return re.compile(
        rf"(?<![\d.第])(\d+(?:,\d{{3}})*(?:\.\d+)?|[{_CHINESE_NUMBER}]{{1,5}})(余|多)?(万|亿)?({units})(?!分之)")


@cache
def _counted() -> re.Pattern[str]:
    return re.compile("|".join(re.escape(p) for p in patterns("figures", "counted")))


@cache
def _lead() -> re.Pattern[str]:
    leads = "|".join(re.escape(p) for p in sorted(patterns("figures", "lead"), key=len, reverse=True))
    return re.compile(rf"^(?:(?:{leads})[，,]?)+")


def _value(number: str, multiplier: str | None, unit: str) -> int | float | None:
    value: int | float | None
    if number[0].isdigit():
        digits = number.replace(",", "")
        value = float(digits) if "." in digits else int(digits)
    else:
        value = to_int(number)
        if value is None:
            return None
    if multiplier and not unit.endswith("元"):
        value *= 10_000 if multiplier == "万" else 100_000_000
    return value


def _clause_start(text: str, pos: int) -> int:
    start = pos
    while start > 0 and text[start - 1] not in _CLAUSE_END:
        start -= 1
    return start


def extract_figures(ctx: Context, actor: str | None) -> list[Figure]:
    """Every counted figure; ``actor`` is who reports them where the sentence names no one."""
    text = ctx.text
    out: list[Figure] = []
    previous_end = 0
    for m in _number().finditer(text):
        number, _, multiplier, unit = m.groups()
        if number[0] in _CHINESE_NUMBER and unit in ("个", "次", "名", "项", "条", "家", "批", "份"):
            continue  # 一个, 两次, 三项: counting words of ordinary prose, not reported figures
        if multiplier and unit.endswith("元"):
            unit = multiplier + unit
        value = _value(number, multiplier, unit)
        clause = _clause_start(text, m.start())
        subject = _subject(ctx, clause)
        if subject is not None and subject[1] <= m.start():
            clause = subject[1]
        start = max(clause, previous_end)  # 查处问题32件、处分21人: each number counts what follows the last
        previous_end = m.end()
        clause_end = m.end()
        while clause_end < len(text) and text[clause_end] not in _CLAUSE_END:
            clause_end += 1
        if value is None:
            continue
        what = _trim(text[start:m.start()])
        after = _NOUN_AFTER.match(text[m.end():clause_end])
        if after and (len(what) <= 2 or not _counted().search(what)):
            what = _trim(what + after.group())
        if not what or not _counted().search(what):
            continue
        out.append(Figure(what=what, value=value, unit=unit, actor=(subject[0] if subject else None) or _actor(ctx, clause) or actor,
                          spans=[ctx.span(start, m.end())]))
    return out


def _trim(what: str) -> str:
    """Drop enumerators (一是), lead-ins (共, 累计) and the particles around the counted thing."""
    what = re.sub(r"^(?:[一二三四五六七八九十]是|首先|其次|再次|最后|[“\"（(]|[\d一二三四五六七八九十]+[、.．])+", "", what.strip())
    what = _lead().sub("", what)
    what = re.sub(r"^(?:对|在|将|把|向|从)(?=[\u4e00-\u9fff]{2})", "", what)
    return re.sub(r"(?:的|了|达|为|有|是)$", "", what).strip()


_SUBJECT = re.compile(r"[\u4e00-\u9fff]{2,16}?(?=针对|共|累计|先后|已|在|对|将|把|通过|立案|查处|处分|问责|发现|移交|收到|受理)")


def _subject(ctx: Context, start: int) -> tuple[str, int] | None:
    """(region or body, where it ends) for a clause that opens with one (息烽县累计查处…)."""
    m = _SUBJECT.match(ctx.text, start, start + 20)
    if m is None:
        return None
    name = official(m.group(), ctx)
    return (name, m.end()) if name else None


def _actor(ctx: Context, clause_start: int) -> str | None:
    """The body or region that opens the sentence the figure is in, or the paragraph's county."""
    text = ctx.text
    sentence = max(text.rfind(ch, 0, clause_start) for ch in "。\n！？") + 1
    subject = _subject(ctx, sentence)
    if subject is not None:
        return subject[0]
    paragraph = text.rfind("\n", 0, clause_start)
    for mention, place in ctx.places:  # a paragraph that opens with a county is that county's report
        if paragraph < mention.start <= clause_start and place.level == "county":
            return place.name
    return None
