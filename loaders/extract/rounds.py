"""Rounds and campaigns: 十九届中央第二轮巡视, 省委第六轮巡视, 脱贫攻坚专项巡视"回头看"."""

from __future__ import annotations

import re

from loaders.extract.context import Context
from loaders.extract.numerals import NUMERAL_CHARS, to_int
from loaders.extract.teams import issuer_before
from loaders.record import Round

_N = f"[{NUMERAL_CHARS}]+"
_ROUND = re.compile(rf"(?:({_N})届)?第({_N})轮(巡视|巡察)")
_LOOKBACK = re.compile(r"((?:脱贫攻坚|扶贫领域|扶贫|整改|选人用人|巡视整改)?(?:专项)?)(巡视|巡察)“?回头看”?")


def extract_rounds(ctx: Context) -> list[Round]:
    text = ctx.text
    out: dict[str, Round] = {}
    for m in _ROUND.finditer(text):
        pos = m.start(2) - 1
        issuer, _, start = issuer_before(text, pos, ctx)
        term = to_int(m.group(1)) if m.group(1) else None
        ordinal = to_int(m.group(2))
        term_text = f"{m.group(1)}届" if m.group(1) else ""
        name = f"{term_text}{issuer or ''}第{m.group(2)}轮{m.group(3)}"
        item = out.setdefault(name, Round(name=name, issuer=issuer, term=term, ordinal=ordinal))
        item.spans.append(ctx.span(min(start, m.start()), m.end()))
    for m in _LOOKBACK.finditer(text):
        theme = f"{m.group(1)}{m.group(2)}“回头看”"
        issuer, _, start = issuer_before(text, m.start(), ctx)
        name = f"{issuer or ''}{theme}"
        item = out.setdefault(name, Round(name=name, issuer=issuer, theme=theme, lookback=True))
        item.spans.append(ctx.span(m.start(), m.end()))
    return list(out.values())
