"""Who a statement is about: the region or body written as its subject.

"德江县针对…问题，…" is about 德江县; "重庆市“…存在浪费损失”" quotes a finding
about 重庆市; "对教育部的反馈中提到…" reports a finding about 教育部. Regions come
back under their official name (威宁自治县 → 威宁彝族回族苗族自治县), bodies as
written.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from loaders.extract.context import Context
from loaders.gazetteer import gazetteer
from loaders.rules import alternation

_CJK = re.compile(r"[\u4e00-\u9fff]")
_FEEDBACK_TO = re.compile(r"对([\u4e00-\u9fff]{2,16}?)的(?:巡视|巡察)?反馈")
_INSPECTS = re.compile(r"对([\u4e00-\u9fff]{2,16}?)(?:延伸|集中)?(?:开展|进行)了?[^，。；]{0,12}?(?:巡视|巡察)")


@dataclass(frozen=True)
class _Lexicon:
    body: re.Pattern[str]
    not_subject: re.Pattern[str]
    party_group: re.Pattern[str]
    committee: re.Pattern[str]
    leading: re.Pattern[str]


@cache
def _lexicon() -> _Lexicon:
    def alt(label: str) -> str:
        return alternation("subjects", label)

    return _Lexicon(body=re.compile(rf"^[\u4e00-\u9fff]{{1,14}}?(?:{alt('body_suffix')})$"),
                    not_subject=re.compile(rf"^(?:{alt('not_subject')})"),
                    party_group=re.compile(rf"(?:{alt('party_group')})$"),
                    committee=re.compile(rf"(?:{alt('committee')})$"),
                    leading=re.compile(rf"^(?:[\u4e00-\u9fff]{{2,16}}?)(?={alt('lead_verb')})"))


def without_party_group(name: str) -> str:
    """市金融办党组 → 市金融办: a body and its party group are one target."""
    return _lexicon().party_group.sub("", name)


def without_committee(name: str) -> str:
    """漾濞县委 → 漾濞县, 某镇党委 → 某镇: the place a committee belongs to (a body's name unchanged but for the ending)."""
    return _lexicon().committee.sub("", name)


def official(name: str, ctx: Context | None = None) -> str | None:
    """The official name of a region written ``name`` (also 漾濞县委), or ``name`` itself if it is a body."""
    gaz = gazetteer()
    lex = _lexicon()
    stem = without_committee(name)
    for form in (name, stem):
        places = gaz.forms.get(form)
        if places:
            if ctx is not None:
                known = {p.code: p for _, p in ctx.places}
                for p in places:
                    if p.code in known:
                        return p.name
            return places[0].name
    if ctx is not None:
        for locality in sorted(ctx.localities, key=len, reverse=True):
            if name.endswith(locality):
                return locality
    if lex.body.match(name) and not lex.not_subject.match(name):
        return name
    return None


def subject_before(ctx: Context, pos: int, whole_clause: bool = False) -> str | None:
    """The subject written right before ``pos`` (a quote), or, with ``whole_clause``,
    the subject that opens the sentence starting at ``pos``."""
    text, lex = ctx.text, _lexicon()
    if whole_clause:
        head = text[pos:pos + 80]
        end = min(len(text), pos + 200)
        stop = text.find("。", pos, end)
        sentence = text[pos:stop if stop >= 0 else end]
        m = _FEEDBACK_TO.search(head) or _INSPECTS.search(sentence)
        if m:
            return official(m.group(1), ctx)
        m = lex.leading.match(head)
        if m and not lex.not_subject.match(m.group(0)):
            return official(m.group(0), ctx)
        return None
    start = pos
    while start > 0 and pos - start < 16 and _CJK.match(text[start - 1]):
        start -= 1
    chunk = text[start:pos]
    for k in range(len(chunk) - 1):
        candidate = chunk[k:]
        if lex.not_subject.match(candidate):
            continue
        name = official(candidate, ctx)
        if name:
            return name
    return None
