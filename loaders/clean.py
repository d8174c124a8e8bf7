"""Drop page furniture (navigation, share prompts, comment boxes, copyright and
ICP lines, editor credits) using the rules in ``rules/furniture.jsonl``."""

from __future__ import annotations

import re
from functools import cache

from loaders.mapped import MappedText
from loaders.rules import load_rules


@cache
def _compiled() -> tuple[list[tuple[re.Pattern[str], int]], re.Pattern[str] | None]:
    lines, inline = [], []
    for rule in load_rules("furniture"):
        pats = rule.patterns
        for pat in pats:
            if rule.label == "line":
                lines.append((re.compile(pat), rule.max_len or 10_000))
            elif rule.label == "inline":
                inline.append(pat)
    joined = re.compile("|".join(f"(?:{p})" for p in inline), re.M) if inline else None
    return lines, joined


def is_furniture_line(line: str) -> bool:
    stripped = line.strip()
    if not stripped:
        return False
    line_rules, _ = _compiled()
    return any(len(stripped) <= max_len and pat.search(stripped) for pat, max_len in line_rules)


_LINE = re.compile(r"[^\n]*\n?")


def drop_furniture(text: MappedText) -> MappedText:
    _, inline = _compiled()
    text = text.sub(_LINE, lambda m: "" if is_furniture_line(m.group(0)) else m.group(0))
    if inline is not None:
        text = text.sub(inline, "")
    return text
