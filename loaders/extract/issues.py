"""Issues: the problems an inspection found, one per enumerated item.

Finding zones are the clauses after "主要是：", "存在…等问题", "针对…问题" and the
like. A zone splits on ；, on "一是/二是", and inside "存在A、B、C等问题" on 、 —
but an item too short to stand alone ("不精准") stays with the one before it.
A quoted problem that earlier teams "反馈的" is a stated recurrence.
"""

from __future__ import annotations

import re

from loaders.extract.categories import categorise
from loaders.extract.context import Context
from loaders.record import Issue, Team

_ZONE_START = re.compile(r"(?:主要是|主要问题是|主要问题有|突出问题是|问题主要有|问题主要是|主要表现在|发现(?:了)?[^，。；]{0,12}问题|指出|具体是|主要有)[：:]")
_EXISTS = re.compile(r"存在(?!差距|不足|问题)(.{4,160}?)(?:等方面的?问题|等问题|的问题|等情况|问题|等)(?=[，。；、）)]|$)")
_AIMED = re.compile(r"针对(.{4,120}?)(?:等问题|的问题|问题)[，,]")
_QUOTED_EARLIER = re.compile(r"反馈的?“([^”]{4,80})”(?:等)?问题")
_ORDINAL = re.compile(r"^(?:[一二三四五六七八九十]+是|[（(]?[一二三四五六七八九十\d]+[）)、.．])")
_LEAD = re.compile(r"^(?:一些|部分|有的地方|有的|个别|还|仍|仍然|依然|也|都)?(?:存在|被指出|针对)?")
_TAIL = re.compile(r"(?:等方面的?问题|等问题|的问题|问题|等情况|等)$")
_PROBLEM_END = re.compile(r"(不到位|不够[\u4e00-\u9fff]{0,4}|不高|不强|不力|不足|不实|缓慢|薄弱|差距|短板|偏差|不明显|不规范|不精准|不及时|闲置|滞后|较多|多发|缺失|淡漠|弱化|不严|不深|不细|不准|宽松软|不完善|不健全|乏力|有待提高|落空|问题|现象|情况)$")


def _split_items(zone: str) -> list[str]:
    """Split an enumeration on 、 outside quotes and brackets, keeping short tails with their head."""
    items: list[str] = []
    depth = 0
    current = ""
    for ch in zone:
        if ch in "“‘（(《":
            depth += 1
        elif ch in "”’）)》":
            depth = max(0, depth - 1)
        if ch == "、" and depth == 0:
            items.append(current)
            current = ""
        else:
            current += ch
    items.append(current)
    merged: list[str] = []
    for item in items:
        if merged and (len(item) < 5 or item[:1] in "不未没无"):
            merged[-1] += "、" + item
        else:
            merged.append(item)
    return merged


def clean_issue(text: str) -> str:
    text = text.strip(" ，,。；;：:")
    text = _ORDINAL.sub("", text)
    text = _LEAD.sub("", text, count=1)
    text = _TAIL.sub("", text)
    return text.strip(" ，,。；;：:“”")


def extract_issues(ctx: Context, teams: list[Team], main_teams: list[str], target: str | None) -> list[Issue]:
    text = ctx.text
    issues: list[Issue] = []
    taken: list[tuple[int, int]] = []

    def add(raw: str, start: int, earlier: list[str] | None = None) -> None:
        cleaned = clean_issue(raw)
        if len(cleaned) < 4 or len(cleaned) > 120:
            return
        pos = text.find(cleaned, start)
        pos = pos if pos >= 0 else start
        end = pos + len(cleaned)
        if any(s < end and pos < e for s, e in taken):
            return
        taken.append((pos, end))
        issues.append(Issue(text=cleaned, category=categorise(cleaned), target=target,
                            found_by=list(main_teams), earlier_teams=earlier or [],
                            spans=[ctx.span(pos, end)]))

    team_names = [(t.as_written or t.name, t.name) for t in teams]
    for s, e in ctx.doc.sentences:
        sentence = text[s:e]
        zone_match = _ZONE_START.search(sentence)
        if zone_match:
            offset = s + zone_match.end()
            for clause_match in re.finditer(r"[^；;。]+", text[offset:e]):
                _clause(clause_match.group(0), offset + clause_match.start(), team_names, main_teams, add)
        else:
            for m in _EXISTS.finditer(sentence):
                for item in _split_items(m.group(1)):
                    add(item, s + m.start(1))
        for m in _AIMED.finditer(sentence):
            add(m.group(1), s + m.start(1))
    return issues


def _clause(clause: str, start: int, team_names: list[tuple[str, str]], main_teams: list[str], add) -> None:
    quoted = _QUOTED_EARLIER.search(clause)
    if quoted:
        before = clause[: quoted.start()]
        earlier = [name for written, name in team_names if written in before and name not in main_teams]
        add(quoted.group(1), start + quoted.start(1), earlier)
        return
    exists = list(_EXISTS.finditer(clause))
    if exists:
        for m in exists:
            for item in _split_items(m.group(1)):
                add(item, start + m.start(1))
        return
    parts = [p for p in re.split(r"[，,]", clause) if p.strip()]
    if len(parts) > 1 and all(len(p) >= 8 and _PROBLEM_END.search(p.strip()) for p in parts):
        for p in parts:
            add(p, start + clause.find(p))
    else:
        add(clause, start)
