"""Who a statement is about: the region or body written as its subject.

"德江县针对…问题，…" is about 德江县; "重庆市“…存在浪费损失”" quotes a finding
about 重庆市; "对教育部的反馈中提到…" reports a finding about 教育部. Regions come
back under their official name (威宁自治县 → 威宁彝族回族苗族自治县), bodies as
written.
"""

from __future__ import annotations

import re
from functools import cache

from loaders.extract.context import Context
from loaders.places import not_a_subject, official
from loaders.rules import alternation

_CJK = re.compile(r"[\u4e00-\u9fff]")
_FEEDBACK_TO = re.compile(r"对([\u4e00-\u9fff]{2,16}?)的(?:巡视|巡察)?反馈")
_INSPECTS = re.compile(r"对([\u4e00-\u9fff]{2,16}?)(?:延伸|集中)?(?:开展|进行)了?[^，。；]{0,12}?(?:巡视|巡察)")


@cache
def _leading() -> re.Pattern[str]:
    return re.compile(rf"^(?:[\u4e00-\u9fff]{{2,16}}?)(?={alternation('subjects', 'lead_verb')})")


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
        m = _leading().match(head)
        if m and not not_a_subject(m.group(0)):
            return official(m.group(0), ctx)
        return None
    start = pos
    while start > 0 and pos - start < 16 and _CJK.match(text[start - 1]):
        start -= 1
    chunk = text[start:pos]
    for k in range(len(chunk) - 1):
        candidate = chunk[k:]
        if not_a_subject(candidate):
            continue
        name = official(candidate, ctx)
        if name:
            return name
    return None
