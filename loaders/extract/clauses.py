"""Clauses: pieces of a sentence cut at punctuation that sits outside quotes and brackets.

Issue and measure extraction both work clause by clause. A piece is a half-open
``(start, end)`` pair of offsets into the normalised text, so every item cut
from it keeps its place in the document.
"""

from __future__ import annotations

import re

_OPEN = "“‘（(《「『"
_CLOSE = "”’）)》」』"

Piece = tuple[int, int]


def split_top(text: str, start: int, end: int, seps: str) -> list[Piece]:
    """Cut ``text[start:end]`` at any of ``seps`` that is not inside quotes or brackets.

    Blank pieces are dropped; surrounding spaces are trimmed off each piece.
    """
    pieces: list[Piece] = []
    depth = 0
    ascii_quote = False
    begin = start
    for i in range(start, end):
        ch = text[i]
        if ch in _OPEN:
            depth += 1
        elif ch in _CLOSE:
            depth = max(0, depth - 1)
        elif ch == '"':
            ascii_quote = not ascii_quote
        elif ch in seps and depth == 0 and not ascii_quote:
            pieces.append((begin, i))
            begin = i + 1
    pieces.append((begin, end))
    return [p for p in (trim(text, s, e) for s, e in pieces) if p[1] > p[0]]


def trim(text: str, start: int, end: int, chars: str = " \u3000\t\n") -> Piece:
    while start < end and text[start] in chars:
        start += 1
    while end > start and text[end - 1] in chars:
        end -= 1
    return start, end


def strip_re(text: str, piece: Piece, lead: re.Pattern[str] | None, tail: re.Pattern[str] | None) -> Piece:
    """Move the piece's ends past a leading and a trailing match, repeatedly."""
    start, end = piece
    changed = True
    while changed and end > start:
        changed = False
        if lead is not None:
            m = lead.match(text, start, end)
            if m and m.end() > start:
                start, changed = m.end(), True
        if tail is not None:
            m = tail.search(text[start:end])
            if m and m.start() < end - start:
                end, changed = start + m.start(), True
    return start, end


def unquoted(s: str) -> str:
    """Drop quotes that wrap the whole of ``s`` (“A”), keep those around a part of it (“A”程序不规范), then :func:`balanced`."""
    pairs = {"“": "”", "‘": "’", '"': '"', "'": "'"}
    while len(s) >= 2 and s[0] in pairs and s[-1] == pairs[s[0]] and _closed_at_end(s):
        s = s[1:-1]
    return balanced(s)


def _closed_at_end(s: str) -> bool:
    """Is the quote that opens ``s`` closed only by its last character?"""
    depth = 0
    for i, c in enumerate(s):
        if c in _OPEN or (c in "\"'" and depth == 0):
            depth += 1
        elif c in _CLOSE or c in "\"'":
            depth -= 1
            if depth == 0:
                return i == len(s) - 1
    return False


def balanced(s: str) -> str:
    """Drop a quote or bracket left open or closed at either end of ``s``."""
    while s and s[0] in _CLOSE:
        s = s[1:]
    while s and s[-1] in _OPEN:
        s = s[:-1]
    if s and s[0] in _OPEN and not any(c in s for c in _CLOSE):
        s = s[1:]
    if s and s[-1] in _CLOSE and not any(c in s for c in _OPEN):
        s = s[:-1]
    return s
