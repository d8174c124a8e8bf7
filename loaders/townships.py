"""Towns and villages of each county, from the national place list that ships with jionlp.

The list holds about 43,000 towns (镇, 乡, 街道) and 650,000 villages (村, 社区).
It is read once, kept as one text block per county, and a county's block is only
parsed when a document mentions that county: a locality is accepted only if it
belongs to a county the document names, which keeps 村 and 镇 words that are not
places (农村, 乡镇) out.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from loaders.jio import jionlp


@dataclass(frozen=True)
class Township:
    name: str
    kind: str  # town | village
    town: str | None  # the town a village belongs to


def _location_file() -> Path:
    return Path(str(jionlp().__file__)).parent / "dictionary" / "china_location.txt"


_COUNTY = re.compile(r"^\t\t(?!\t)[^\t\n]+\t(\d{6})\t", re.M)


@cache
def _blocks() -> tuple[str, dict[str, tuple[int, int]]]:
    """The place list and, per county code, where its towns and villages sit in it."""
    text = _location_file().read_text(encoding="utf-8")
    heads = [(m.group(1), m.end()) for m in _COUNTY.finditer(text)]
    spans: dict[str, tuple[int, int]] = {}
    for i, (code, begin) in enumerate(heads):
        end = heads[i + 1][1] if i + 1 < len(heads) else len(text)
        spans[code] = (begin, end)
    return text, spans


@cache
def townships(county_code: str) -> tuple[Township, ...]:
    """Every town and village of one county, by its six-digit code."""
    text, spans = _blocks()
    if county_code not in spans:
        return ()
    out: list[Township] = []
    town: str | None = None
    for line in text[slice(*spans[county_code])].splitlines()[1:]:
        name = line.strip()
        if not name or not line.startswith("\t\t\t"):
            continue
        if line.startswith("\t\t\t\t"):
            out.append(Township(name, "village", town))
        else:
            town = name
            out.append(Township(name, "town", None))
    return tuple(out)


_TOWN_LINE = re.compile(r"^\t\t\t(?!\t)([^\t\r\n]+)", re.M)


@cache
def towns_by_name() -> dict[str, tuple[str, ...]]:
    """Every town's name (镇, 乡, 街道) and the codes of the counties that have a town of that name."""
    text, spans = _blocks()
    out: dict[str, list[str]] = {}
    for code, (begin, end) in spans.items():
        for m in _TOWN_LINE.finditer(text, begin, end):
            out.setdefault(m.group(1).strip(), []).append(code)
    return {name: tuple(codes) for name, codes in out.items()}
