"""Normalise the original text: glosses out, Simplified characters, one kind of
punctuation and whitespace, page furniture out, with the offset map kept."""

from __future__ import annotations

import re
import unicodedata
from functools import cache

from loaders.clean import drop_furniture
from loaders.mapped import MappedText
from loaders.rules import DATA_DIR

_HAN = "\u3400-\u4dbf\u4e00-\u9fff"
# A Han character followed by a bracketed romanisation: 長(zhǎng)沙, 覺(jué).
_GLOSS = re.compile(rf"(?<=[{_HAN}])\s?[(（]\s*([a-zA-ZüÜ\u00c0-\u024f\u1e00-\u1eff]{{1,7}}[1-5]?)\s*[)）]")
_PINYIN_SYLLABLE = re.compile(
    r"^(?:zh|ch|sh|[bpmfdtnlgkhjqxrzcsyw])?"
    r"(?:iang|iong|uang|ueng|ang|eng|ing|ong|ian|iao|uai|uan|van|ai|ei|ao|ou|an|en|er|in|un|vn|ia|ie|iu|ua|uo|ue|ve|ui|a|o|e|i|u|v)$"
)


def _is_pinyin(word: str) -> bool:
    plain = "".join(c for c in unicodedata.normalize("NFD", word.lower()) if not unicodedata.combining(c))
    plain = plain.replace("ü", "v").rstrip("12345")
    return bool(_PINYIN_SYLLABLE.match(plain))


def _drop_gloss(m: re.Match[str]) -> str:
    return "" if _is_pinyin(m.group(1)) else m.group(0)


@cache
def _t2s():
    import opencc

    convert = opencc.OpenCC("t2s").convert
    variants = _variants()
    return lambda s: convert(s).translate(variants)


@cache
def _variants() -> dict[int, int]:
    """Variant characters OpenCC leaves alone (``data/variants.txt``)."""
    table: dict[int, int] = {}
    for line in (DATA_DIR / "variants.txt").read_text(encoding="utf-8").splitlines():
        parts = line.split("#", 1)[0].split()
        if len(parts) == 2 and len(parts[0]) == len(parts[1]) == 1:
            table[ord(parts[0])] = ord(parts[1])
    return table


# Half-width punctuation between Chinese text becomes full-width; full-width
# letters and digits become half-width. Both maps are one character to one.
_FULLWIDTH_ASCII = {cp: cp - 0xFEE0 for cp in range(0xFF10, 0xFF1A)}
_FULLWIDTH_ASCII.update({cp: cp - 0xFEE0 for cp in range(0xFF21, 0xFF3B)})
_FULLWIDTH_ASCII.update({cp: cp - 0xFEE0 for cp in range(0xFF41, 0xFF5B)})
_FULLWIDTH_ASCII.update({0x00A0: 0x20, 0x3000: 0x20, 0x2002: 0x20, 0x2003: 0x20, 0x2009: 0x20, 0xFEFF: 0x20,
                         0x200B: 0x20, 0x00B7: 0x00B7})
_HALF_TO_FULL = {",": "，", ";": "；", ":": "：", "!": "！", "?": "？", "(": "（", ")": "）"}
_CJK_PUNCT = re.compile(rf"(?<=[{_HAN}“”」）\)])\s*[,;:!?]|[,;:!?]\s*(?=[{_HAN}“「（])|(?<=[{_HAN}])\((?=[{_HAN}])|(?<=[{_HAN}])\)")
_SPACES = re.compile(r"[ \t\r\f\v]+")
_BLANK_LINES = re.compile(r"\n\s*\n+")


def _full(m: re.Match[str]) -> str:
    s = m.group(0).strip()
    return _HALF_TO_FULL.get(s, s)


def normalise(original: str) -> MappedText:
    """The normalised text of a document, mapped back to ``original``."""
    text = MappedText.identity(original)
    text = text.sub(_GLOSS, _drop_gloss)
    text = text.translate_same_length(lambda s: s.translate(_FULLWIDTH_ASCII))
    text = text.translate_same_length(_t2s())
    text = text.sub(_SPACES, " ")
    text = text.sub(_CJK_PUNCT, _full)
    text = drop_furniture(text)
    text = text.sub(_BLANK_LINES, "\n")
    return text.sub(re.compile(r"^\s+|\s+$"), "")
