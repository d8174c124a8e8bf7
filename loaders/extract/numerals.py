"""Chinese numerals both ways: 第十二 -> 12 and 12 -> 十二."""

from __future__ import annotations

_DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7,
           "八": 8, "九": 9}
_NAMES = "零一二三四五六七八九"
NUMERAL_CHARS = "一二三四五六七八九十百零〇两0123456789"


def to_int(text: str) -> int | None:
    s = text.strip().lstrip("第")
    if not s:
        return None
    if s.isdigit():
        return int(s)
    total = current = 0
    for ch in s:
        if ch in _DIGITS:
            current = _DIGITS[ch]
        elif ch == "十":
            total += (current or 1) * 10
            current = 0
        elif ch == "百":
            total += (current or 1) * 100
            current = 0
        else:
            return None
    value = total + current
    return value or None


def to_chinese(n: int) -> str:
    if n < 10:
        return _NAMES[n]
    if n < 20:
        return "十" + (_NAMES[n % 10] if n % 10 else "")
    if n < 100:
        return _NAMES[n // 10] + "十" + (_NAMES[n % 10] if n % 10 else "")
    return str(n)
