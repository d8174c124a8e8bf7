"""Measures: what the inspected body did, or promises to do, about the findings.

A measure is a whole unit of text (a sentence, or a clause ended by "；"):
* after "针对X问题，" every unit of the paragraph up to the next "针对" answers X;
* after a speaker of the inspected body "表示", its numbered points and its
  units with a modal (将, 一定, 坚决) are pledges;
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
from loaders.extract.subjects import official
from loaders.gazetteer import gazetteer
from loaders.record import Issue, Measure
from loaders.rules import alternation

_AIMED = re.compile(r"^(?P<subject>[\u4e00-\u9fff]{2,16}?)?针对(?P<issue>(?:(?!问题)[^。；]){4,120}?)(?:的|等)?问题[，,。]")
_ORDINAL = re.compile(r"^(?:[一二三四五六七八九十]+[是要]|[（(]?[一二三四五六七八九十\d]+[）)、.．]|第[一二三四五六七八九十]+[，、])")
_SUBJECT_MODAL = re.compile(r"(?:^|，)(?P<subject>[\u4e00-\u9fff]{2,12}?(?:县委|市委|州委|省委|党委|党组|县|市|州|省|区|公司|集团))(?=将|一定|要|坚决|必须)")
_TITLE = "负责人|书记|主任|县长|市长|省长|镇长|乡长|区长|校长|院长|局长|董事长|总经理"
_SPEAKER = re.compile(rf"(?:(?:{_TITLE})?[\u4e00-\u9fff]{{0,4}}表示|(?:{_TITLE})[\u4e00-\u9fff]{{0,4}}"
                      rf"(?:要求|强调|提出了?[^，。]{{0,6}}要求))[，：]")
# A pledge speech that opens its unit ("随后，镇党委书记某某作表态发言，一是…"), not one reported inside an action.
_PLEDGE_SPEECH = re.compile(r"^(?:[^，。]{0,6}，)?[^，。]{0,20}?[作做]表态(?:发言|讲话)?[，：]")
_INSPECTOR = re.compile(r"(?<!被)(?:巡视|巡察|督导|检查)(?:组|办)|领导小组|^(?:反馈|会议)")
_MODAL_HEAD = re.compile(r"^[^，。]{0,14}?(?:要|将|一定|必须|坚决|力争)(?!求)")
_SUBJECT = re.compile(r"^(?P<subject>[\u4e00-\u9fff]{0,16}?(?:县委|市委|州委|省委|区委|党委|党组|县|市|州|省|自治区|区|旗|镇|乡|街道|局|"
                      r"学校|大学|学院|公司|集团|纪委|监委)(?:党组|党委)?)(?=[\u4e00-\u9fff])")
_WHEN = re.compile(r"^(?:(?:(?:\d{4}年)?\d{1,2}月(?:\d{1,2}日)?|去年|今年|近日|日前|目前|同时|此外|另外)(?:以来|至今|初|底|中旬|下旬)?"
                   r"|[^，。；]{2,30}?(?:后|以来|当天|期间|之初|伊始)|为[^，。；]{2,30})，")
_REQUIRING = re.compile(r"强调|要求|提出")


@dataclass(frozen=True)
class _Lexicon:
    action: re.Pattern[str]
    result: re.Pattern[str]
    pledge: re.Pattern[str]
    context: re.Pattern[str]
    not_measure: re.Pattern[str]
    strong: re.Pattern[str]


@cache
def _lexicon() -> _Lexicon:
    def alt(label: str) -> str:
        return alternation("measures", label)

    return _Lexicon(action=re.compile(rf"^(?:{alt('action')})"), result=re.compile(alt("result")),
                    pledge=re.compile(alt("pledge")), context=re.compile(alt("context")),
                    not_measure=re.compile(alt("not_measure")), strong=re.compile(alt("strong")))


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
                speaker = _SPEAKER.search(raw) or _PLEDGE_SPEECH.match(raw)
                if speaker and not _INSPECTOR.search(raw[: speaker.end()]):
                    pledging, requiring = True, False
                    cut = _SUBJECT_MODAL.search(raw, speaker.end())
                    rest = raw[speaker.end():]
                    if cut:
                        unit = (unit[0] + cut.start("subject"), unit[1])
                    elif _ORDINAL.match(rest) or _MODAL_HEAD.match(rest):  # 表示，一要…; 要求，各村要…
                        unit = (unit[0] + speaker.end(), unit[1])
                    else:
                        continue
                    raw = text[unit[0]:unit[1]]
                listed = re.search(r"[，：]一是", raw)
                if listed:
                    pledging = pledging or bool(lex.pledge.search(raw[: listed.start()]))
                    unit = (unit[0] + listed.start() + 1, unit[1])
                    raw = text[unit[0]:unit[1]]
                ordinal = _ORDINAL.match(raw)
                body = raw[ordinal.end():] if ordinal else raw
                for _ in range(2):  # "3月13日，接到反馈意见当天，…"
                    when = _WHEN.match(body)
                    if when:
                        body = body[when.end():]
                refused = lex.not_measure.search(body)
                if refused and _REQUIRING.search(refused.group(0)) and not pledging:
                    requiring = True
                if len(body) < 6 or refused or requiring or _overlaps(unit, taken):
                    continue
                if ordinal and not pledging and len(body) < 20:
                    continue  # a numbered heading: "（一）深化思想认识，深刻对照反思"
                if not pledging and re.search("巡视|巡察", body) and \
                        not re.search("整改|反馈|移交问题线索|移交的问题线索|发现(?:的)?问题", body):
                    continue  # the inspection's own work
                subject = _SUBJECT.match(body)
                head = body[subject.end():] if subject else body
                modal = bool(lex.pledge.match(head) or lex.pledge.search(head[:6])
                             or (pledging and _MODAL_HEAD.match(head)))
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
