"""Rounds and campaigns: 十九届中央第二轮巡视, 省委第六轮巡视, 脱贫攻坚专项巡视"回头看"."""

from __future__ import annotations

import re

from loaders.extract.context import Context
from loaders.extract.numerals import NUMERAL_CHARS, to_int
from loaders.extract.teams import issuer_before
from loaders.record import Round, Team

_N = f"[{NUMERAL_CHARS}]+"
_ROUND = re.compile(rf"(?:({_N})届)?第({_N})轮(巡视|巡察)")
_TERM_BEFORE = re.compile(rf"({_N})届$")
_LOOKBACK = re.compile(r"((?:脱贫攻坚|扶贫领域|扶贫|整改|选人用人|巡视整改)?(?:专项)?)(巡视|巡察)“?回头看”?")


def extract_rounds(ctx: Context, teams: list[Team] | None = None) -> list[Round]:
    """Rounds and campaigns. One written without its issuer takes that of a team its sentence names
    ("省委第八巡视组对某县开展了脱贫攻坚巡视“回头看”" → 云南省委…), and its other bare mentions join it."""
    text = ctx.text
    out: dict[str, Round] = {}
    for m in _ROUND.finditer(text):
        pos = m.start(2) - 1
        issuer, _, start = issuer_before(text, pos, ctx)
        if issuer is None and start >= pos:
            issuer = _team_issuer(ctx, m.start(), teams or [])
        sender = issuer if issuer or start >= pos else text[start:pos]  # 五届市委第六轮巡察: a body as written
        written_term = m.group(1)
        if written_term is None and start < m.start():  # 十四届省委第四轮巡视: the term before the issuer
            before = _TERM_BEFORE.search(text, max(0, start - 6), start)
            if before:
                written_term, start = before.group(1), before.start()
        term = to_int(written_term) if written_term else None
        ordinal = to_int(m.group(2))
        term_text = f"{written_term}届" if written_term else ""
        name = f"{term_text}{sender or ''}第{m.group(2)}轮{m.group(3)}"
        item = out.setdefault(name, Round(name=name, issuer=issuer, term=term, ordinal=ordinal))
        item.spans.append(ctx.span(min(start, m.start()), m.end()))
    for m in _LOOKBACK.finditer(text):
        theme = f"{m.group(1)}{m.group(2)}“回头看”"
        issuer, _, start = issuer_before(text, m.start(), ctx)
        issuer = issuer or _team_issuer(ctx, m.start(), teams or [])
        name = f"{issuer or ''}{theme}"
        item = out.setdefault(name, Round(name=name, issuer=issuer, theme=theme, lookback=True))
        item.spans.append(ctx.span(m.start(), m.end()))
    return _join_bare(list(out.values()))


def _team_issuer(ctx: Context, pos: int, teams: list[Team]) -> str | None:
    """The issuer of the one team named in the sentence at ``pos``, if one is."""
    sentence = next(((s, e) for s, e in ctx.doc.sentences if s <= pos < e), None)
    if sentence is None:
        return None
    written = ctx.text[sentence[0]:sentence[1]]
    issuers = {t.issuer for t in teams if t.issuer and (t.as_written or t.name) in written}
    return issuers.pop() if len(issuers) == 1 else None


def _join_bare(rounds: list[Round]) -> list[Round]:
    """A round written without issuer is the one round of the same kind that has one, where there is one."""
    out: list[Round] = []
    for item in rounds:
        if item.issuer is None:
            same = [r for r in rounds if r.issuer and r.theme == item.theme and r.ordinal == item.ordinal
                    and r.lookback == item.lookback and item.term in (None, r.term)]
            if len(same) == 1:
                same[0].spans.extend(item.spans)
                continue
        out.append(item)
    return out
