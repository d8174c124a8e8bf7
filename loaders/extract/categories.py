"""Issue categories by keyword (``rules/categories.jsonl``)."""

from __future__ import annotations

import re
from functools import cache

from loaders.rules import load_rules

_POVERTY_WORK = re.compile("脱贫攻坚|扶贫|脱贫")
_GENERAL_WEIGHT = 0.3


@cache
def _table() -> list[tuple[str, float, tuple[str, ...]]]:
    return [(rule.label, _GENERAL_WEIGHT if rule.id == "general" else 1.0,
             tuple(rule.words))
            for rule in load_rules("categories")]


def categorise(text: str) -> str:
    """The category whose keywords cover most of ``text``; see the rule file's header."""
    scores: dict[str, float] = {}
    for label, weight, words in _table():
        scores[label] = scores.get(label, 0.0) + weight * sum(len(w) for w in words if w in text)
    best, best_score = "other", 0.0
    for label, score in scores.items():  # dicts keep file order, so ties go to the earlier line
        if score > best_score:
            best, best_score = label, score
    if best == "other" and _POVERTY_WORK.search(text):
        return "political_responsibility"
    return best
