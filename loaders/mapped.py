"""Text that remembers where each of its characters came from.

Every normalisation step (deleting glosses, converting characters, dropping
page furniture) produces a new :class:`MappedText` whose ``offsets[i]`` is the
offset in the *original* text of character ``i``. A span of the normalised
text can therefore always be shown in the source.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class MappedText:
    text: str
    offsets: tuple[int, ...]
    original_length: int

    @classmethod
    def identity(cls, text: str) -> MappedText:
        return cls(text, tuple(range(len(text))), len(text))

    def __len__(self) -> int:
        return len(self.text)

    def to_original(self, start: int, end: int) -> tuple[int, int]:
        """Map the half-open span [start, end) of this text to the original text."""
        if not self.text:
            return (0, 0)
        start = max(0, min(start, len(self.text) - 1))
        end = max(start + 1, min(end, len(self.text)))
        return (self.offsets[start], self.offsets[end - 1] + 1)

    def sub(self, pattern: re.Pattern[str], repl: str | Callable[[re.Match[str]], str]) -> MappedText:
        """Like ``re.sub``; a replacement of equal length maps character by character,
        any other replacement maps all its characters to the start of the match."""
        pieces: list[str] = []
        offsets: list[int] = []
        pos = 0
        changed = False
        for m in pattern.finditer(self.text):
            new = repl if isinstance(repl, str) else repl(m)
            if new == m.group(0):
                continue
            changed = True
            pieces.append(self.text[pos : m.start()])
            offsets.extend(self.offsets[pos : m.start()])
            pieces.append(new)
            if len(new) == m.end() - m.start():
                offsets.extend(self.offsets[m.start() : m.end()])
            else:
                anchor = self.offsets[m.start()] if m.start() < len(self.offsets) else self.original_length
                offsets.extend([anchor] * len(new))
            pos = m.end()
        if not changed:
            return self
        pieces.append(self.text[pos:])
        offsets.extend(self.offsets[pos:])
        return MappedText("".join(pieces), tuple(offsets), self.original_length)

    def translate_same_length(self, convert: Callable[[str], str]) -> MappedText:
        """Apply a character conversion line by line, keeping the map where lengths agree.

        Where a converted line changes length (rare phrase conversions), the line is
        converted one character at a time instead so the map stays exact."""
        out: list[str] = []
        for line in self.text.splitlines(keepends=True):
            new = convert(line)
            if len(new) != len(line):
                new = "".join(c if len(c2 := convert(c)) != 1 else c2 for c in line)
            out.append(new)
        text = "".join(out)
        if text == self.text:
            return self
        return MappedText(text, self.offsets, self.original_length)
