"""Dates of an inspection as the text writes them: "2019年11月28日至2020年1月12日" → ISO start and end."""

from __future__ import annotations

import re

_DATE = r"\d{4}年\d{1,2}月\d{1,2}日"
_SPAN = re.compile(rf"({_DATE})\s*(?:至|到|—|－|-|~)\s*((?:\d{{4}}年)?(?:\d{{1,2}}月)?\d{{1,2}}日)")
_ONE = re.compile(r"(\d{4})年(\d{1,2})月(\d{1,2})日")


def iso_span(sentence: str) -> tuple[str | None, str | None]:
    m = _SPAN.search(sentence)
    if not m:
        return None, None
    y, mo, d = _ONE.match(m.group(1)).groups()  # type: ignore[union-attr]
    start = f"{int(y):04d}-{int(mo):02d}-{int(d):02d}"
    end_text = m.group(2)
    ey = re.search(r"(\d{4})年", end_text)
    em = re.search(r"(\d{1,2})月", end_text)
    ed = re.search(r"(\d{1,2})日", end_text)
    end = f"{int(ey.group(1)) if ey else int(y):04d}-{int(em.group(1)) if em else int(mo):02d}-{int(ed.group(1)):02d}" \
        if ed else None
    return start, end
