"""Title, publication date and kind of a document."""

from __future__ import annotations

import re
from functools import cache

from loaders.rules import alternation
from loaders.types import LoadedDocument

_ISO = re.compile(r"(20\d{2}|19\d{2})[-/.年](\d{1,2})[-/.月](\d{1,2})日?")


def title_of(doc: LoadedDocument) -> str | None:
    first = doc.text.split("\n", 1)[0].strip()
    if 4 <= len(first) <= 60 and not first.endswith(("。", "；", "，")) and not _ISO.match(first):
        return first
    return None


def published_of(doc: LoadedDocument) -> str | None:
    m = _ISO.search(doc.text[:2000])
    if not m:
        return None
    y, mo, d = (int(g) for g in m.groups())
    if not (1 <= mo <= 12 and 1 <= d <= 31):
        return None
    return f"{y:04d}-{mo:02d}-{d:02d}"


_KINDS = ("rectification", "feedback", "news")


@cache
def _kind_cues() -> tuple[tuple[str, re.Pattern[str]], ...]:
    return tuple((kind, re.compile(alternation("kinds", kind))) for kind in _KINDS)


def kind_of(doc: LoadedDocument) -> str:
    """rectification, feedback or news by the cues of ``rules/kinds.jsonl``: in the title where it has one
    (a feedback report that mentions 整改工作 is still feedback), else in the document's head; else other."""
    title = title_of(doc)
    for where in ([title] if title else []) + [doc.text[:600]]:
        for kind, cue in _kind_cues():
            if cue.search(where):
                return kind
    return "other"
