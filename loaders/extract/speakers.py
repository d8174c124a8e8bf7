"""Speakers: who is talking in a unit of text, and whether what they say is a pledge.

A pledge of the inspected body is spoken by one of its leaders ("县委书记某某表示，",
"镇长某某强调，", "随后，某某作表态发言，"); the same verbs from the inspection side
("巡察组组长某某要求，", "反馈会议强调，") are requirements on others. What the
leader pledges starts at the subject that carries a modal ("…表示，县委将…"), or
right after the lead where it opens with a numbered point or a modal
("表示，一要…", "要求，各村要…"). Words are in ``rules/measures.jsonl``
(``speaker_title``, ``inspector``, ``modal``, ``subject_suffix``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from typing import Literal

from loaders.rules import alternation

# A numbered point of a speech or a list: 一是, 一要, （一）, 1., 第一，
POINT = re.compile(r"^(?:[一二三四五六七八九十]+[是要]|[（(]?[一二三四五六七八九十\d]+[）)、.．]|第[一二三四五六七八九十]+[，、])")
# A pledge speech that opens its unit ("随后，镇党委书记某某作表态发言，一是…"), not one reported inside an action.
_PLEDGE_SPEECH = re.compile(r"^(?:[^，。]{0,6}，)?[^，。]{0,20}?[作做]表态(?:发言|讲话)?[，：]")


@dataclass(frozen=True)
class Speech:
    """A speech lead in a unit: where it ends, whose side speaks, and where the pledge starts.

    ``pledge_start`` is ``None`` where the inspected side speaks but the rest of the
    unit holds no pledge (a report of the speech, not its content), and for the inspection side."""

    lead_end: int
    side: Literal["inspected", "inspector"]
    pledge_start: int | None


@dataclass(frozen=True)
class _Lexicon:
    speaker: re.Pattern[str]
    inspector: re.Pattern[str]
    modal_head: re.Pattern[str]
    subject_modal: re.Pattern[str]


@cache
def _lexicon() -> _Lexicon:
    def alt(label: str) -> str:
        return alternation("measures", label)

    title, modal = alt("speaker_title"), alt("modal")
    return _Lexicon(
        speaker=re.compile(rf"(?:(?:{title})?[\u4e00-\u9fff]{{0,4}}表示|(?:{title})[\u4e00-\u9fff]{{0,4}}"
                           rf"(?:要求|强调|提出了?[^，。]{{0,6}}要求))[，：]"),
        inspector=re.compile(alt("inspector")),
        modal_head=re.compile(rf"^[^，。]{{0,14}}?(?:{modal})"),
        subject_modal=re.compile(rf"(?:^|，)(?P<subject>[\u4e00-\u9fff]{{2,12}}?(?:{alt('subject_suffix')}))(?={modal})"))


def opens_with_modal(text: str) -> bool:
    """Does ``text`` say, within its first words, what someone will or must do (将, 要, 一定)?"""
    return bool(_lexicon().modal_head.match(text))


def speech_in(unit: str) -> Speech | None:
    """The speech lead of ``unit``, if it has one."""
    lex = _lexicon()
    lead = lex.speaker.search(unit) or _PLEDGE_SPEECH.match(unit)
    if lead is None:
        return None
    if lex.inspector.search(unit[: lead.end()]):
        return Speech(lead_end=lead.end(), side="inspector", pledge_start=None)
    cut = lex.subject_modal.search(unit, lead.end())
    rest = unit[lead.end():]
    if cut:
        start: int | None = cut.start("subject")
    elif POINT.match(rest) or lex.modal_head.match(rest):
        start = lead.end()
    else:
        start = None
    return Speech(lead_end=lead.end(), side="inspected", pledge_start=start)
