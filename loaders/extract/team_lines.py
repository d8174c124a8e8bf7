"""Targets listed under their team on a line of its own, as a published round's table reads:
"省委第一巡视组：A市、B区、C县", or, where the table's cells were run together in the page text,
"省委第二巡视组：白银市白银区平川区景泰县" and "省委第三巡视组：省卫生健康委省人民医院".

A line counts only when all of it after the colon reads as targets: regions the place list
knows (by a form that keeps its level word, so 白银 alone never splits a name) and bodies
ending in a body word (``rules/targets.jsonl``) right before the next target starts.
"""

from __future__ import annotations

import re

from loaders.extract.context import Context
from loaders.extract.listed_targets import target_name
from loaders.gazetteer import gazetteer
from loaders.record import Inspected, Team

_SEPARATORS = re.compile(r"[、，,；;\s]+")
_LEVEL_END = tuple("省市区县州旗盟")
_NEXT_START = tuple("省市县区州")


def team_lines(ctx: Context, teams: list[Team]) -> list[Inspected]:
    """Every target listed on a "TEAM：targets" line, with that team."""
    text = ctx.text
    out: list[Inspected] = []
    for block in ctx.doc.blocks:
        line = text[block.start:block.end]
        for team in teams:
            for written in dict.fromkeys([team.as_written or team.name, team.name]):
                if not line.startswith(written) or line[len(written):len(written) + 1] not in ("：", ":"):
                    continue
                names = _targets(line[len(written) + 1:], ctx)
                span = ctx.span(block.start, block.end)
                out.extend(Inspected(team=team.name, target=name, spans=[span]) for name in names)
                break
    return out


def _targets(rest: str, ctx: Context) -> list[str]:
    """The targets ``rest`` consists of, or none if any part of it is no target."""
    names: list[str] = []
    for piece in _SEPARATORS.split(rest.strip()):
        if not piece:
            continue
        cut = _run_together(piece)  # a table's cells run together: one name each, before the piece as one
        parts = [target_name(p, ctx) for p in cut] if len(cut) > 1 else [target_name(piece, ctx)]
        if not parts or any(p is None for p in parts):
            return []
        names.extend(p for p in parts if p)
    return names


def _run_together(s: str) -> list[str]:
    """Cut names written without separators (白银市白银区平川区, 省卫生健康委省人民医院); [] if they do not cut cleanly."""
    forms = gazetteer().forms
    out: list[str] = []
    i = 0
    while i < len(s):
        place = next((s[i:j] for j in range(min(len(s), i + 12), i + 1, -1)
                      if s[i:j] in forms and s[i:j].endswith(_LEVEL_END)), None)
        if place is not None:
            out.append(place)
            i += len(place)
            continue
        body = next((s[i:j] for j in range(i + 3, min(len(s), i + 24) + 1)
                     if j == len(s) or s.startswith(_NEXT_START, j)), None)
        if body is None:
            return []
        out.append(body)
        i += len(body)
    return out
