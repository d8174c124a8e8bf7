"""Who inspected whom and when: "2019年11月28日至2020年1月12日，省委第八巡视组对漾濞县开展了…巡视",
"中央第二巡视组向湖北省委反馈…"."""

from __future__ import annotations

import re

from loaders.extract.assignments import assign_enumerated
from loaders.extract.context import Context
from loaders.extract.dates import iso_span
from loaders.extract.team_lines import team_lines
from loaders.gazetteer import gazetteer
from loaders.places import official, without_party_group
from loaders.record import Inspected, Team

# The team's leaders may stand between the team and its target ("第二巡视组组长某某，副组长某某，向X反馈").
_LEADERS = r"(?:(?:组长|副组长|成员|一行|带队)[^，。；]{0,16}[，、])*"
# A meeting's venue is no target ("在某街道召开巡察情况反馈会"): the target holds no verb of a meeting.
_TARGET = re.compile(rf"^{_LEADERS}(?:[^，。；]{{0,20}}?)(对|向|在)((?:(?!召开|举行|主持|会议)[^对向在，。；：、\s“”]){{2,24}}?)"
                     r"(?:开展|进行|实施|反馈|进驻)")
# A team that "visits" its target directly: 中央第六巡视组巡视山西省, 省委第二巡视组进驻十堰市, 市委第三巡察组入驻某村.
_VISITS = re.compile(r"^(?:分别|近日|已)?(进驻|入驻|巡视|巡察)([\u4e00-\u9fff]{2,12}?)(?=[的，。；、]|开展|并|期间|工作|$)")


def extract_inspected(ctx: Context, teams: list[Team]) -> list[Inspected]:
    text = ctx.text
    by_written: list[tuple[str, Team]] = []
    for team in teams:
        by_written.append((team.as_written or team.name, team))
        if team.as_written and team.as_written != team.name:
            by_written.append((team.name, team))
    out: dict[tuple[str, str], Inspected] = {}
    for s, e in ctx.doc.sentences:
        sentence = text[s:e]
        for written, team in by_written:
            if "、" in written:  # 省委第一、第二巡视组分别进驻…: which team went where is not said one to one
                continue
            pos = sentence.find(written)
            if pos < 0:
                continue
            rest = sentence[pos + len(written) :]
            m = _TARGET.match(rest)
            if not m:
                m = _VISITS.match(rest)
                if not m or (m.group(2) not in gazetteer().forms and m.group(2) not in ctx.localities):
                    continue
            target = official(m.group(2), ctx) or m.group(2)  # a region by its official name
            if target in ("被巡视地区", "被巡视单位", "被巡察单位") or target.endswith("领导班子"):
                continue
            start, end = iso_span(sentence) if m.group(1) != "向" else (None, None)
            key = (team.name, target)
            item = out.get(key)
            if item is None:
                item = out[key] = Inspected(team=team.name, target=target, start=start, end=end)
            elif start and not item.start:
                item.start, item.end = start, end
            item.spans.append(ctx.span(s + pos, s + pos + len(written) + m.end()))
    for item in assign_enumerated(ctx, teams) + team_lines(ctx, teams):
        out.setdefault((item.team or "", item.target), item)
    return _drop_party_groups(list(out.values()))


def _drop_party_groups(items: list[Inspected]) -> list[Inspected]:
    """"向市金融办党组反馈" and "对市金融办开展" name one target: keep the body, not its party group."""
    names = {(i.team, i.target) for i in items}
    kept = []
    for item in items:
        body = without_party_group(item.target)
        if body != item.target and (item.team, body) in names:
            twin = next(i for i in items if i.team == item.team and i.target == body)
            twin.spans.extend(item.spans)
            continue
        kept.append(item)
    return kept
