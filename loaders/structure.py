"""Document structure: the text as blocks (headings, label lines, list items, paragraphs).

A block is one line of the normalised text. Its kind says how a reader takes it:

* ``heading``: a short line with no sentence end inside ("四、存在的问题", "基本情况");
* ``label``: a line that announces what follows it ("市某局党组存在的主要问题：…",
  "问题："), that is, it ends, or its first sentence ends, with a colon;
* ``item``: a line that opens with a list marker (一是, 一、, （一）, 1., 第一，);
* ``paragraph``: any other line.

Every block keeps its sentences (offsets into the normalised text), so later steps
read a document as structure rather than as a flat list of sentences.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

BlockKind = Literal["heading", "label", "item", "paragraph"]

_MARKER = re.compile(r"^(?:[一二三四五六七八九十]+是|[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十\d]+[）)]"
                     r"|\d{1,2}[、.．](?!\d)|第[一二三四五六七八九十]+[，、：:]|[①-⑳])")
_HEADING_MAX = 40
_LABEL = re.compile(r"^[^。；，,：:]{2,30}[：:](?!\d)")


@dataclass(frozen=True)
class Block:
    kind: BlockKind
    start: int
    end: int
    marker: str | None
    sentences: tuple[tuple[int, int], ...]


def list_marker(s: str) -> str | None:
    """The enumerator a piece of text opens with (一是, （二）, 3.), if any."""
    m = _MARKER.match(s)
    return m.group(0) if m else None


def split_blocks(text: str, sentences: list[tuple[int, int]]) -> list[Block]:
    """One block per line that holds a sentence, in order."""
    blocks: list[Block] = []
    by_line: dict[int, list[tuple[int, int]]] = {}
    for s, e in sentences:
        by_line.setdefault(text.rfind("\n", 0, s) + 1, []).append((s, e))
    for own in by_line.values():
        start, end = own[0][0], own[-1][1]
        blocks.append(Block(_kind(text[start:end], text[own[0][0]:own[0][1]]), start, end,
                            list_marker(text[start:end]), tuple(own)))
    return blocks


def _kind(line: str, first: str) -> BlockKind:
    body = line.rstrip()
    if body.endswith(("：", ":")) or re.search(r"[：:]$", first.rstrip()) or _LABEL.match(body):
        return "label"
    if len(body) <= _HEADING_MAX and not re.search(r"[。；;！？!?，,]", body.rstrip("。")):
        return "heading"
    if list_marker(body):
        return "item"
    return "paragraph"
