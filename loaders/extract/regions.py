"""Regions: every county-level-or-above division the text names, full official name and code."""

from __future__ import annotations

import re
from functools import cache

from loaders.extract.context import Context
from loaders.gazetteer import Place, PlaceMention, gazetteer, jieba_words
from loaders.record import Region
from loaders.rules import alternation, patterns

_HAN = re.compile(r"[\u4e00-\u9fff]")


@cache
def _after(label: str) -> tuple[str, ...]:
    return tuple(patterns("regions", label))


def find_places(ctx: Context) -> tuple[tuple[PlaceMention, Place], ...]:
    """Every accepted place mention (none inside a person's name) and the place it resolves to."""
    text = ctx.text
    mentions = [m for m in gazetteer().scan(text) if _accept(m, text, ctx)]
    provinces = {p.name for m in mentions for p in m.candidates if p.level == "province" and len(m.candidates) == 1}
    prefectures = {p.name for m in mentions for p in m.candidates if p.level == "prefecture" and len(m.candidates) == 1}
    return tuple((m, _resolve(m, provinces, prefectures)) for m in mentions)


def _accept(m: PlaceMention, text: str, ctx: Context) -> bool:
    if ctx.inside_person(m.start, m.end):
        return False
    if _conjunction(m, text):
        return False
    tail = text[m.end : m.end + 5]
    if tail.startswith(_after("media_after")) or _brand().match(tail):
        return False
    if m.bare and (tail.startswith(_after("locality_after")) or tail.startswith(_after("institution_after"))):
        return False
    return not (m.bare and _runs_into_word(text, m))


_OVERRUN_FREQ = 5  # a word that starts with the form (文山会海)
_INNER_OVERRUN_FREQ = 500  # a word that starts inside it (中医 of 市中医院) must be common, not 明主 of 昆明主会场


def _runs_into_word(text: str, m: PlaceMention) -> bool:
    """市中 in 市中医院, 文山 in 文山会海: a common word (not itself a place name) starts inside a bare
    form and runs past its end."""
    words = jieba_words()
    for start in range(m.start, m.end):
        for end in range(m.end + 1, min(len(text), start + 4) + 1):
            entry = words.get(text[start:end])
            floor = _OVERRUN_FREQ if start == m.start else _INNER_OVERRUN_FREQ
            if entry is not None and entry[0] >= floor and entry[1] != "ns":
                return True
    return False


@cache
def _brand() -> re.Pattern[str]:
    return re.compile(alternation("regions", "brand_after"))


def _conjunction(m: PlaceMention, text: str) -> bool:
    """和县 in 县委和县纪委 is 和 + 县纪委: a two-character form that starts with a conjunction,
    glued to the word before it, is not the place."""
    if len(m.form) != 2 or m.form[0] not in "和与及同" or m.start == 0:
        return False
    before = text[m.start - 1]
    return bool(_HAN.match(before)) and before not in "省市州"


def _resolve(m: PlaceMention, provinces: set[str], prefectures: set[str]) -> Place:
    if len(m.candidates) == 1:
        return m.candidates[0]

    def score(p: Place) -> tuple[int, int, int]:
        level_rank = {"province": 2, "prefecture": 1, "county": 0}[p.level]
        return (int(p.prefecture in prefectures), int(p.province in provinces or p.name in provinces),
                level_rank if m.bare else -level_rank)

    return max(m.candidates, key=score)


def extract_regions(ctx: Context) -> list[Region]:
    out: dict[str, Region] = {}
    for mention, place in ctx.places:
        span = ctx.span(mention.start, mention.end)
        region = out.get(place.code)
        if region is None:
            as_written = mention.form if mention.form != place.name else None
            region = Region(**place.as_region(), as_written=as_written)
            out[place.code] = region
        region.spans.append(span)
    return list(out.values())
