"""Title, publication date and kind of a document."""

from __future__ import annotations

import re

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


def kind_of(doc: LoadedDocument) -> str:
    head = doc.text[:600]
    if re.search(r"整改(?:进展)?情况|整改工作|整改落实情况", head):
        return "rectification"
    if re.search(r"(?:巡视|巡察)组[^。]{0,20}反馈|反馈(?:了)?(?:脱贫攻坚)?(?:专项)?(?:巡视|巡察)", head):
        return "feedback"
    if re.search(r"巡视|巡察", head):
        return "news"
    return "other"
