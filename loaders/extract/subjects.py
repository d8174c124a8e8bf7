"""Who a statement is about: the region or body written as its subject.

"德江县针对…问题，…" is about 德江县; "重庆市“…存在浪费损失”" quotes a finding
about 重庆市; "对教育部的反馈中提到…" reports a finding about 教育部. Regions come
back under their official name (威宁自治县 → 威宁彝族回族苗族自治县), bodies as
written.
"""

from __future__ import annotations

import re

from loaders.extract.context import Context
from loaders.gazetteer import gazetteer

_CJK = re.compile(r"[\u4e00-\u9fff]")
_BODY = re.compile(r"^[\u4e00-\u9fff]{1,14}?(?:部|委|办|局|厅|署|院|行|公司|集团|中心|工会|银行|大学|学院|医院|党组|党委|委员会)$")
_FEEDBACK_TO = re.compile(r"对([\u4e00-\u9fff]{2,16}?)的(?:巡视|巡察)?反馈")
_INSPECTS = re.compile(r"对([\u4e00-\u9fff]{2,16}?)(?:延伸|集中)?(?:开展|进行)了?[^，。；]{0,12}?(?:巡视|巡察)")
_LEADING = re.compile(r"^(?:[\u4e00-\u9fff]{2,16}?)(?=针对|对照|围绕|聚焦)")
_NOT_SUBJECT = re.compile(r"^(?:各|全|本|我|该|其|此|有的|一些|部分|个别|不少|巡视|巡察|中央巡视|省委巡视|被巡)")


def without_party_group(name: str) -> str:
    """市金融办党组 → 市金融办: a body and its party group are one target."""
    return re.sub(r"(?:党组|党委|党工委)$", "", name)


def official(name: str, ctx: Context | None = None) -> str | None:
    """The official name of a region written ``name`` (also 漾濞县委), or ``name`` itself if it is a body."""
    gaz = gazetteer()
    stem = re.sub(r"(?:党委|党组|委员会|委)$", "", name)
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
    if _BODY.match(name) and not _NOT_SUBJECT.match(name):
        return name
    return None


def subject_before(ctx: Context, pos: int, whole_clause: bool = False) -> str | None:
    """The subject written right before ``pos`` (a quote), or, with ``whole_clause``,
    the subject that opens the sentence starting at ``pos``."""
    text = ctx.text
    if whole_clause:
        head = text[pos:pos + 80]
        end = min(len(text), pos + 200)
        stop = text.find("。", pos, end)
        sentence = text[pos:stop if stop >= 0 else end]
        m = _FEEDBACK_TO.search(head) or _INSPECTS.search(sentence)
        if m:
            return official(m.group(1), ctx)
        m = _LEADING.match(head)
        if m and not _NOT_SUBJECT.match(m.group(0)):
            return official(m.group(0), ctx)
        return None
    start = pos
    while start > 0 and pos - start < 16 and _CJK.match(text[start - 1]):
        start -= 1
    chunk = text[start:pos]
    for k in range(len(chunk) - 1):
        candidate = chunk[k:]
        if _NOT_SUBJECT.match(candidate):
            continue
        name = official(candidate, ctx)
        if name:
            return name
    return None
