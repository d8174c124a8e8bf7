"""One resolver of written names to the targets the graph knows, for extraction, the API and export.

A region comes back under its official name, however it is written (漾濞县, 漾濞, 漾濞县委 →
漾濞彝族自治县), preferring the places the document itself names; a body (教育部, 市金融办) as
written; a body and its party group are one target (市金融办党组 → 市金融办). For looking a target
up in the store, :func:`store_key` gives a region's code. Words are in ``rules/subjects.jsonl``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING

from loaders.gazetteer import gazetteer
from loaders.normalise import normalise
from loaders.rules import alternation

if TYPE_CHECKING:
    from loaders.extract.context import Context


@dataclass(frozen=True)
class _Lexicon:
    body: re.Pattern[str]
    not_subject: re.Pattern[str]
    party_group: re.Pattern[str]
    committee: re.Pattern[str]


@cache
def _lexicon() -> _Lexicon:
    def alt(label: str) -> str:
        return alternation("subjects", label)

    return _Lexicon(body=re.compile(rf"^[\u4e00-\u9fff]{{1,14}}?(?:{alt('body_suffix')})$"),
                    not_subject=re.compile(rf"^(?:{alt('not_subject')})"),
                    party_group=re.compile(rf"(?:{alt('party_group')})$"),
                    committee=re.compile(rf"(?:{alt('committee')})$"))


def without_party_group(name: str) -> str:
    """市金融办党组 → 市金融办: a body and its party group are one target."""
    return _lexicon().party_group.sub("", name)


def without_committee(name: str) -> str:
    """漾濞县委 → 漾濞县, 某镇党委 → 某镇: the place a committee belongs to."""
    return _lexicon().committee.sub("", name)


def official(name: str, ctx: Context | None = None) -> str | None:
    """The official name of a region written ``name`` (also 漾濞县委), or ``name`` itself if it is a body."""
    gaz = gazetteer()
    lex = _lexicon()
    stem = without_committee(name)
    for form in (name, stem):
        places = gaz.forms.get(form)
        if places:
            if ctx is not None:
                known = {p.code: p for _, p in ctx.places}
                for p in places:
                    if p.code in known:
                        return p.name
            return places[0].name
    if ctx is not None:
        for locality in sorted(ctx.localities, key=len, reverse=True):
            if name.endswith(locality):
                return locality
    if lex.body.match(name) and not lex.not_subject.match(name):
        return name
    return None


def not_a_subject(name: str) -> bool:
    """Does ``name`` start as no one body does (各, 有的, 部分…, or the inspection itself)?"""
    return bool(_lexicon().not_subject.match(name))


def store_key(written: str | None) -> str | None:
    """The form the store knows a target by: a region's code for any of its names (漾濞县, 漾濞,
    Traditional 漾濞縣 → 532922); bodies and uids unchanged (Traditional converted)."""
    if written is None or not written.strip():
        return None
    text = normalise(written.strip()).text
    places = gazetteer().forms.get(text)
    if places:
        return places[0].code
    return text
