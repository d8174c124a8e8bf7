"""Split normalised text into sentences: ends at 。！？ (and their closing quotes) or a line break."""

from __future__ import annotations

import re

_SENTENCE = re.compile(r"[^\n。！？!?]*(?:[。！？!?]+[”’」』）)]*|\n|$)")


def split_sentences(text: str) -> list[tuple[int, int]]:
    """Half-open spans of the sentences of ``text``, blank ones left out."""
    spans = []
    for m in _SENTENCE.finditer(text):
        start, end = m.start(), m.end()
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if end > start:
            spans.append((start, end))
    return spans
