"""Localities: towns (镇, 乡, 街道) and villages (村, 社区) of the counties a document names.

A word is a locality only if the national place list has it under one of the
document's counties, so 农村 or 乡镇 never become places and every locality comes
with its county (and a village with its town). A town whose name only one county
of the country has (均川镇) is taken even where that county is not named. Place lists sometimes drop a
doubled suffix (胡村村 is listed as 胡村); the text's longer form wins. A village
is taken only where its town is also named, or its county stands right before it.
"""

from __future__ import annotations

import re
from functools import cache

from loaders.extract.context import Context
from loaders.gazetteer import gazetteer, jieba_words
from loaders.record import Locality
from loaders.townships import towns_by_name, townships

_HAN = re.compile(r"[\u4e00-\u9fff]")
# 村 that starts a word of its own after a village's name (梅庄村村里, 某村村民): no doubled suffix.
_VILLAGE_WORD = re.compile(r"村(?:委|里|民|级|务|干部|两委|集体|组|小组|党|支部|部|规)")
# What may stand right before a locality: a larger place, or a word that takes a place after it.
_BEFORE = re.compile(r"[县市区旗州镇乡村道]$|(?:在|对|到|赴|向|和|与|及|、|的|从|是|至|于|将|把|为|驻)$")


def extract_localities(ctx: Context) -> list[Locality]:
    text = ctx.text
    counties = {place.code: place for _, place in ctx.places if place.level == "county"}
    out: dict[str, Locality] = {}
    for code, county in counties.items():
        for township in townships(code):
            name = township.name
            if (len(name) < 3 and not name.endswith("村")) or _common_word(name):
                continue
            for start in _occurrences(text, name):
                end = start + len(name)
                if name.endswith("村") and text.startswith("村", end) and not _VILLAGE_WORD.match(text, end):
                    end += 1
                if start > 0 and _HAN.match(text[start - 1]) and not _BEFORE.search(text[max(0, start - 4):start]):
                    continue
                if ctx.inside_person(start, end):
                    continue
                written = text[start:end]
                item = out.get(written)
                if item is None:
                    item = out[written] = Locality(name=written, county=county.name, town=township.town)
                item.spans.append(ctx.span(start, end))
    for start, end, county_name in _unique_towns(ctx):
        written = text[start:end]
        if written not in out and not any(written in other for other in out):
            out[written] = Locality(name=written, county=county_name, town=None)
        if written in out and ctx.span(start, end) not in out[written].spans:
            out[written].spans.append(ctx.span(start, end))
    for written, item in list(out.items()):  # a village stands only with its town or its county beside it
        if item.town and item.town not in out and not any(
                text[max(0, s - 6):s].endswith(tuple(_county_forms(item.county))) for s, _ in _starts(ctx, item)):
            del out[written]
    for written in list(out):  # 胡村 where the text also writes 胡村村: one village
        longer = out.get(written + "村")
        if longer is not None:
            longer.spans.extend(out.pop(written).spans)
    return sorted(out.values(), key=lambda loc: loc.spans[0][0])


def _occurrences(text: str, name: str) -> list[int]:
    found, pos = [], text.find(name)
    while pos >= 0:
        found.append(pos)
        pos = text.find(name, pos + 1)
    return found


def _starts(ctx: Context, item: Locality) -> list[tuple[int, int]]:
    return [(pos, pos + len(item.name)) for pos in _occurrences(ctx.text, item.name)]


@cache
def _county_forms(county: str | None) -> list[str]:
    if not county:
        return []
    return [form for form, places in gazetteer().forms.items() if any(p.name == county for p in places)] or [county]


def _common_word(name: str) -> bool:
    """新建村 is a village, but "新建村卫生室" is about building: a stem that is a
    common verb or adjective in jieba's dictionary is not taken as a village."""
    stem = name[:-1] if name.endswith(("村", "镇", "乡")) else name
    entry = jieba_words().get(stem)
    return entry is not None and entry[1] in {"v", "vn", "a", "ad", "d", "m", "r", "c", "p"}


_TOWN_END = re.compile(r"镇|乡|街道")


@cache
def _county_by_code() -> dict[str, str]:
    return {p.code: p.name for places in gazetteer().forms.values() for p in places if p.level == "county"}


def _unique_towns(ctx: Context) -> list[tuple[int, int, str]]:
    """Towns written in the text whose name belongs to one county only, with that county's name."""
    text, towns, counties = ctx.text, towns_by_name(), _county_by_code()
    out = []
    for m in _TOWN_END.finditer(text):
        for length in range(6, 2, -1):
            start = m.end() - length
            name = text[max(0, start):m.end()]
            codes = towns.get(name)
            if start < 0 or not codes:
                continue
            if len(codes) == 1 and codes[0] in counties and not _common_word(name) \
                    and not (start > 0 and _HAN.match(text[start - 1]) and not _BEFORE.search(text[max(0, start - 4):start])) \
                    and not ctx.inside_person(start, m.end()):
                out.append((start, m.end(), counties[codes[0]]))
            break
    return out
