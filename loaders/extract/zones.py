"""Finding zones: the stretches of a document that report what an inspection found.

A zone opens at an *announcement*: a cue inside a sentence ("反馈指出，", "巡察发现，",
"主要表现在："), a label line ("某局党组存在的主要问题：") or a heading ("存在问题").
It runs over the following sentences, lines and list items until the text turns
away from findings:

* ``requirement``: a sentence that opens with a requirement, a recommendation, a
  pledge or a reply ("巡察组提出…", "要求…", "某某表示，", "针对…");
* ``heading``: a new heading that announces nothing (a numbered sub-heading such as
  "（一）政治建设方面" stays inside the zone);
* ``announcement``: the next announcement (which opens a zone of its own);
* ``quiet``: a later line in which no clause reads as a problem;
* ``paragraph``: the end of the line, for a cue that is followed by more text on its
  line and whose next line is no list item ("X指出，…。" then a new paragraph);
* ``end``: the end of the document.

The *owner* is the body the announcement names ("市残联党组存在的主要问题：",
"巡察市政府办公室党组发现的主要问题：", "巡察发现，某镇党委存在…"), or the inspected bodies
as a group ("被巡察的二级党委存在以下问题："); an announcement that names none right after
another zone ("主要表现在：") carries that zone's owner on; ``None`` otherwise. Words are in ``rules/zones.jsonl``.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from typing import Literal

from loaders.extract.clauses import Piece, split_top
from loaders.extract.context import Context
from loaders.places import official
from loaders.rules import alternation
from loaders.structure import list_marker

# The inspected bodies as a group ("被巡察的二级党委", "被巡察村（社区）党支部"): the owner of what is said of all of them.
_COLLECTIVE = re.compile(r"^被巡[视察]的?[\u4e00-\u9fff（）()]{0,12}(?:党组织|党委|党组|党支部|单位|地区|部门)$")
_NAME = r"(?:被巡[视察])?(?:(?!巡视|巡察|指出|反馈)[^，。；：:、\s“”‘’]){2,24}?"
Closing = Literal["requirement", "heading", "announcement", "quiet", "paragraph", "end"]


@dataclass(frozen=True)
class Zone:
    announcement: Piece
    """The cue, label or heading that opens the zone."""
    start: int
    end: int
    owner: str | None
    closed_by: Closing

    def covers(self, pos: int) -> bool:
        return self.start <= pos < self.end


@dataclass(frozen=True)
class _Lexicon:
    cue: re.Pattern[str]
    heading: re.Pattern[str]
    close: re.Pattern[str]
    owners_before: tuple[re.Pattern[str], ...]
    owner_after: re.Pattern[str]


@cache
def _lexicon() -> _Lexicon:
    def alt(label: str) -> str:
        return alternation("zones", label)

    return _Lexicon(
        cue=re.compile(alt("cue")),
        heading=re.compile(rf"^(?:{alt('heading')})$"),
        close=re.compile(rf"^(?:{alt('close')})"),
        owners_before=(re.compile(rf"(?:向|给|对|在)(?P<owner>{_NAME})的?(?:{alt('recipient_verb')})"),
                       re.compile(rf"(?:巡视|巡察|检查)(?P<owner>{_NAME})(?:时|期间|中)?发现"),
                       re.compile(rf"(?P<owner>{_NAME})(?:{alt('owner_verb')})?(?:的|以下|如下)?$")),
        owner_after=re.compile(rf"^(?P<owner>{_NAME})(?:{alt('owner_verb')})"),
    )


def announcement_in(sentence: str) -> re.Match[str] | None:
    """The first announcement cue in a sentence, if any."""
    return _lexicon().cue.search(sentence)


@dataclass
class _Open:
    announcement: Piece
    start: int
    owner: str | None
    block: int
    paragraph_only: bool
    seen: bool = False


def find_zones(ctx: Context, is_problem: Callable[[str], bool],
               planned: Callable[[str], bool] = lambda s: False) -> list[Zone]:
    """The finding zones of a document, in order; ``is_problem`` says whether a clause states one,
    ``planned`` whether the words before a cue make it a plan rather than a report."""
    text, lex = ctx.text, _lexicon()
    zones: list[Zone] = []
    current: _Open | None = None

    def close(at: int, reason: Closing) -> None:
        nonlocal current
        if current is not None and at > current.start:
            zones.append(Zone(current.announcement, current.start, at, current.owner, reason))
        current = None

    for index, block in enumerate(ctx.doc.blocks):
        line = text[block.start:block.end]
        announces = block.kind == "heading" and bool(lex.heading.match(_bare(line)))
        if current is not None:
            first = text[block.sentences[0][0]:block.sentences[0][1]]
            if block.start >= current.start and lex.close.match(_head(first)):
                close(block.start, "requirement")
            elif block.kind == "heading" and not announces and not block.marker:
                close(block.start, "heading")
            elif current.paragraph_only and block.kind != "item":
                close(block.start, "paragraph")
            elif current.seen and not _states_problem(text, block.start, block.end, is_problem):
                close(block.start, "quiet")
        if announces:
            close(block.start, "announcement")
            current = _Open((block.start, block.end), block.end, _heading_owner(ctx, _bare(line)), index, False)
            continue
        for s, e in block.sentences:
            sentence = text[s:e]
            if current is not None and s >= current.start and lex.close.match(_head(sentence)):
                close(s, "requirement")
            cue = lex.cue.search(sentence)
            if cue and not planned(sentence[:cue.start()]):
                carried = current.owner if current is not None else None  # "…存在A等问题。主要表现在：…"
                close(s, "announcement")
                rest = text[s + cue.end():block.end]
                open_ended = not rest.strip(" ，,。：:") or block.kind == "label" \
                    or bool(re.search(r"[：:]\s*$", sentence[:cue.end()]))
                owner = _owner(ctx, sentence[:cue.start()], sentence[cue.start():cue.end()], sentence[cue.end():])
                current = _Open((s + cue.start(), s + cue.end()), s + cue.end(), owner or carried, index, not open_ended)
        if current is not None and block.end > current.start + 2:
            current.seen = True
    close(len(text), "end")
    return zones


def _states_problem(text: str, start: int, end: int, is_problem: Callable[[str], bool]) -> bool:
    return any(is_problem(text[a:b]) for a, b in split_top(text, start, end, "；;。：:，,"))


def _head(sentence: str) -> str:
    """The sentence without a leading enumerator or linking word, where a closing word would stand."""
    marker = list_marker(sentence)
    rest = sentence[len(marker):] if marker else sentence
    return re.sub(r"^(?:同时|此外|另外)，", "", rest)


def _bare(line: str) -> str:
    """A heading without its enumerator and closing punctuation."""
    marker = list_marker(line)
    return (line[len(marker):] if marker else line).strip(" ：:。")


def _owner(ctx: Context, before: str, cue: str, after: str) -> str | None:
    """The body an announcement names: "向X反馈", "巡察X发现的主要问题", "X存在的主要问题", "发现，X存在…"."""
    lex = _lexicon()
    recipient, inspecting, trailing = lex.owners_before
    for m in (recipient.search(before + cue), inspecting.search(before + cue), trailing.search(before),
              lex.owner_after.match(after)):
        if m:
            written = _strip_lead(m.group("owner"))
            name = official(written, ctx) or (written if _COLLECTIVE.match(written) else None)
            if name:
                return name
    return None


def _heading_owner(ctx: Context, heading: str) -> str | None:
    """"某镇党委存在的主要问题" names 某镇党委."""
    m = re.search(r"(?:存在|发现)?的?(?:主要|突出|具体)?问题", heading)
    return _owner(ctx, heading[:m.start()], "", "") if m and m.start() >= 2 else None


def _strip_lead(s: str) -> str:
    return re.sub(r"^(?:但|而|同时|其中|对|在|经|通过)", "", s)
