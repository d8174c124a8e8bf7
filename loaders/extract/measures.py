"""Measures: what the inspected body did, or promises to do, about the findings.

A measure is a whole unit of text (a sentence, or a clause ended by "；"):
* after "针对X问题，" every unit of the paragraph up to the next "针对" answers X;
* after a speaker of the inspected body "表示" (``speakers.py``), its numbered
  points and its units with a modal (将, 一定, 坚决) are pledges;
* elsewhere, in a document or paragraph about rectification, a unit that opens
  with an action (成立, 建立, 查处) or reports a result (已全部, 累计, 处分15人).
Requirements that inspectors impose, the inspection's own work and background
are left out (``rules/measures.jsonl``). Status is ``pledged`` where a modal
makes the unit a promise, else ``done``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from loaders.extract.clauses import Piece, split_top, trim
from loaders.extract.context import Context
from loaders.extract.issues import clean_issue_text
from loaders.extract.speakers import POINT, opens_with_modal, speech_in
from loaders.gazetteer import gazetteer
from loaders.places import official
from loaders.record import Issue, Measure
from loaders.rules import alternation

_AIMED = re.compile(r"^(?P<subject>[\u4e00-\u9fff]{2,16}?)?针对(?P<issue>(?:(?!问题)[^。；]){4,120}?)(?:的|等)?问题[，,。]")


@dataclass(frozen=True)
class _Lexicon:
    action: re.Pattern[str]
    result: re.Pattern[str]
    pledge: re.Pattern[str]
    context: re.Pattern[str]
    not_measure: re.Pattern[str]
    strong: re.Pattern[str]
    subject: re.Pattern[str]
    when: re.Pattern[str]
    requiring: re.Pattern[str]
    inspection: re.Pattern[str]
    rectification: re.Pattern[str]


@cache
def _lexicon() -> _Lexicon:
    def alt(label: str) -> str:
        return alternation("measures", label)

    suffix = alt("subject_suffix")
    return _Lexicon(
        action=re.compile(rf"^(?:{alt('action')})"), result=re.compile(alt("result")),
        pledge=re.compile(alt("pledge")), context=re.compile(alt("context")),
        not_measure=re.compile(alt("not_measure")), strong=re.compile(alt("strong")),
        subject=re.compile(rf"^(?P<subject>[\u4e00-\u9fff]{{0,16}}?(?:{suffix})(?:党组|党委)?)(?=[\u4e00-\u9fff])"),
        when=re.compile(rf"^(?:(?:{alt('time_lead')})(?:{alt('time_tail')})?"
                        rf"|[^，。；]{{2,30}}?(?:{alt('lead_end')})|为[^，。；]{{2,30}})，"),
        requiring=re.compile(alt("requiring")),
        inspection=re.compile(alt("inspection")), rectification=re.compile(alt("rectification")))


def extract_measures(ctx: Context, issues: list[Issue], target: str | None, kind: str) -> list[Measure]:
    text, lex = ctx.text, _lexicon()
    about_rectification = kind == "rectification"
    measures: list[Measure] = []
    taken = [_normalised(ctx, i) for i in issues]
    for block in ctx.doc.blocks:
        line_sentences = block.sentences
        paragraph = text[block.start:block.end]
        in_context = about_rectification or bool(lex.context.search(paragraph))
        issue: str | None = None
        actor: str | None = None
        pledging = requiring = False
        heading = not re.search(r"[。；！？]", paragraph) and len(paragraph) < 60
        if heading:
            continue
        for s, e in line_sentences:
            for unit in split_top(text, s, e, "；;。"):
                unit = trim(text, *unit, chars=" 。；;，,")
                raw = text[unit[0]:unit[1]]
                aimed = _AIMED.match(raw)
                if aimed:
                    issue = clean_issue_text(aimed.group("issue"))
                    if aimed.group("subject"):
                        actor = _actor(aimed.group("subject"), ctx) or actor
                    unit = (unit[0] + aimed.end(), unit[1])
                    raw = text[unit[0]:unit[1]]
                speech = speech_in(raw)
                if speech is not None and speech.side == "inspected":
                    pledging, requiring = True, False
                    if speech.pledge_start is None:
                        continue
                    unit = (unit[0] + speech.pledge_start, unit[1])
                    raw = text[unit[0]:unit[1]]
                listed = re.search(r"[，：]一是", raw)
                if listed:
                    pledging = pledging or bool(lex.pledge.search(raw[: listed.start()]))
                    unit = (unit[0] + listed.start() + 1, unit[1])
                    raw = text[unit[0]:unit[1]]
                ordinal = POINT.match(raw)
                body = raw[ordinal.end():] if ordinal else raw
                for _ in range(2):  # "3月13日，接到反馈意见当天，…"
                    when = lex.when.match(body)
                    if when:
                        body = body[when.end():]
                refused = lex.not_measure.search(body)
                # "强调…", "会议要求…", "反馈强调…": a requirement on others, and so is the rest of the paragraph
                said = body[refused.start():refused.end() + 4] if refused and refused.group(0).startswith(("会", "反馈")) \
                    else (refused.group(0) if refused else "")
                if refused and lex.requiring.search(said) and not pledging:
                    requiring = True
                if len(body) < 6 or refused or requiring or _overlaps(unit, taken):
                    continue
                if ordinal and not pledging and len(body) < 20:
                    continue  # a numbered heading: "（一）深化思想认识，深刻对照反思"
                if not pledging and lex.inspection.search(body) and not lex.rectification.search(body):
                    continue  # the inspection's own work
                subject = lex.subject.match(body)
                head = body[subject.end():] if subject else body
                modal = bool(lex.pledge.match(head) or lex.pledge.search(head[:6])
                             or (pledging and opens_with_modal(head)))
                if pledging:
                    keep = bool(ordinal) or modal
                elif issue is not None:
                    keep = True
                else:
                    keep = in_context and (bool(lex.action.match(head)) or bool(lex.strong.search(head[:16]))
                                           or bool(lex.result.search(body)))
                if not keep:
                    continue
                start = unit[0] + (ordinal.end() if ordinal else 0)
                who = (_actor(subject.group("subject"), ctx) if subject else None) or actor or target
                measures.append(Measure(text=text[start:unit[1]], actor=who, issue=issue,
                                        status="pledged" if (pledging or modal) else "done",
                                        spans=[ctx.span(start, unit[1])]))
    return measures


def _normalised(ctx: Context, issue: Issue) -> Piece:
    """Where an issue sits in the normalised text (its spans are offsets into the original)."""
    start = ctx.text.find(issue.text)
    return (start, start + len(issue.text)) if start >= 0 else (-1, -1)


def _overlaps(unit: Piece, taken: list[Piece]) -> bool:
    """A unit that is mostly a reported problem is not a measure."""
    inside = sum(max(0, min(unit[1], e) - max(unit[0], s)) for s, e in taken)
    return inside * 2 > unit[1] - unit[0]


def _actor(written: str, ctx: Context) -> str | None:
    """A place alone (威宁自治县) by its official name; a body (漾濞县委) as written."""
    if written in gazetteer().forms:
        return official(written, ctx)
    return written if official(written, ctx) else None
