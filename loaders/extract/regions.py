"""Regions: every county-level-or-above division the text names, full official name and code."""

from __future__ import annotations

from functools import cache

from loaders.extract.context import Context
from loaders.gazetteer import Place, PlaceMention, gazetteer
from loaders.record import Region
from loaders.rules import patterns


@cache
def _after(label: str) -> tuple[str, ...]:
    return tuple(patterns("regions", label))


def find_places(ctx: Context) -> None:
    """Fill ``ctx.places`` with every accepted place mention and its resolved place."""
    text = ctx.text
    mentions = [m for m in gazetteer().scan(text) if _accept(m, text, ctx)]
    provinces = {p.name for m in mentions for p in m.candidates if p.level == "province" and len(m.candidates) == 1}
    prefectures = {p.name for m in mentions for p in m.candidates if p.level == "prefecture" and len(m.candidates) == 1}
    ctx.places = [(m, _resolve(m, provinces, prefectures)) for m in mentions]


def _accept(m: PlaceMention, text: str, ctx: Context) -> bool:
    if ctx.inside_person(m.start, m.end):
        return False
    tail = text[m.end : m.end + 5]
    if tail.startswith(_after("media_after")):
        return False
    return not (m.bare and tail.startswith(_after("locality_after")))


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
