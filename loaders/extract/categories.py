"""Issue categories by keyword (``rules/categories.jsonl``)."""

from __future__ import annotations

from functools import cache

from loaders.rules import load_rules


@cache
def _table() -> list[tuple[str, tuple[str, ...]]]:
    return [(rule.label, tuple([rule.pattern] if isinstance(rule.pattern, str) else rule.pattern))
            for rule in load_rules("categories")]


def categorise(text: str) -> str:
    best, best_hits = "other", 0
    for label, words in _table():
        hits = sum(len(w) for w in words if w in text)
        if hits > best_hits:
            best, best_hits = label, hits
    return best
