"""Issues: the problems an inspection found, one per distinct problem.

Three kinds of sentence report problems (the words are in ``rules/problems.jsonl``):

* a **cue** ("被指出", "主要是：", "反馈中提到") opens a finding that runs to the
  end of the sentence; every clause after it that reads as a problem (it holds a
  problem marker such as 不到位, 滞后, 违规) is one issue;
* a **list** with its own frame ("存在A、B等问题", "针对A问题，", "A等问题线索被牵出")
  names its problems even when they hold no marker (优亲厚友);
* a **quoted finding** whose every clause is a problem (重庆市“…存在浪费损失”).

Clauses are cut at ；and ，, then at 、 where both sides are whole problems, and
trimmed of lead-ins and of the tail "等问题". A problem quoted as fed back by
earlier teams ("对中央第十二巡视组反馈的“…”等问题整改…") is a stated recurrence.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass
from functools import cache

from loaders.extract.categories import categorise
from loaders.extract.clauses import Piece, split_top, strip_re, trim, unquoted
from loaders.extract.context import Context
from loaders.extract.subjects import subject_before
from loaders.extract.zones import Zone, find_zones
from loaders.record import Issue, Team
from loaders.rules import alternation, load_rules

_QUOTED_EARLIER = re.compile(r"反馈的?“([^”]{4,80})”(?:等)?问题")
_SHORT = 6


@dataclass(frozen=True)
class _Lexicon:
    marker: re.Pattern[str]
    topic: re.Pattern[str]
    action: re.Pattern[str]
    vague: re.Pattern[str]
    not_issue: re.Pattern[str]
    lists: tuple[re.Pattern[str], ...]
    planned: re.Pattern[str]
    lead: re.Pattern[str]
    tail: re.Pattern[str]
    unowned: re.Pattern[str]
    slogan_after: re.Pattern[str]
    earlier_round: re.Pattern[str]
    still: re.Pattern[str]


@cache
def _lexicon() -> _Lexicon:
    def alt(label: str) -> str:
        return alternation("problems", label)

    bodies = alt("body")
    some = alt("some")
    unowned = rf"(?:{some})(?:{bodies})?(?:还|也)?(?:被[^，。；：]{{0,10}}?指出|存在(?=“))" \
              rf"|(?:{some})(?:{bodies})(?:还|也)?|有的(?=存在)"
    return _Lexicon(
        marker=re.compile(alt("marker")),
        topic=re.compile(alt("topic")),
        action=re.compile(alt("action")),
        vague=re.compile(alt("vague")),
        not_issue=re.compile(alt("not_issue")),
        lists=tuple(re.compile(r.pattern) for r in load_rules("problems")
                    if r.label == "list" and isinstance(r.pattern, str)),
        planned=re.compile(alt("planned")),
        lead=re.compile(rf"(?:[，、：:\s]|{alt('lead')}|在[^，。；]{{2,16}}中，)+"),
        tail=re.compile(rf"(?:{alt('tail')})[”’]?$"),
        unowned=re.compile(rf"(?:[，：:\s]|{unowned})+"),
        slogan_after=re.compile(alt("slogan_after")),
        earlier_round=re.compile(rf"({alt('earlier_round')})(?:巡视|巡察)(?:组)?"),
        still=re.compile(alt("still")),
    )


def clean_issue_text(s: str) -> str:
    """An issue as written, without lead-ins or the tail "等问题"."""
    lex = _lexicon()
    start, end = strip_re(s, (0, len(s)), lex.lead, lex.tail)
    return unquoted(s[start:end].strip(" ，,；;。：:"))


def is_problem(s: str) -> bool:
    """Does the clause say something is wrong? A predicate (不到位, 滞后) always does; a
    problem area (腐败, 形式主义) does unless the clause is an action taken against it."""
    lex = _lexicon()
    if lex.marker.search(s):
        return True
    return bool(lex.topic.search(s)) and not lex.action.search(s)


def extract_issues(ctx: Context, teams: list[Team], main_teams: list[str], target: str | None) -> list[Issue]:
    return _Finder(ctx, teams, main_teams, target).run()


class _Finder:
    def __init__(self, ctx: Context, teams: list[Team], main_teams: list[str], target: str | None) -> None:
        self.ctx = ctx
        self.text = ctx.text
        self.lex = _lexicon()
        self.main_teams = main_teams
        self.default_target = target
        self.team_names = [(t.as_written or t.name, t.name) for t in teams]
        self.issues: list[Issue] = []
        self.taken: list[Piece] = []
        self.line_subject: tuple[int, str | None] = (-1, None)
        self.quote_subject: str | None = None
        self.zones: list[Zone] = find_zones(ctx, is_problem, planned=lambda before: bool(self.lex.planned.search(before)))
        self.owner: str | None = None

    def run(self) -> list[Issue]:
        for s, e in self.ctx.doc.sentences:
            self._sentence(s, e)
        self.issues.sort(key=lambda i: i.spans[0][0] if i.spans else 0)
        return self.issues

    # -- sentence level -------------------------------------------------

    def _sentence(self, s: int, e: int) -> None:
        text, lex = self.text, self.lex
        sentence = text[s:e]
        for m in _QUOTED_EARLIER.finditer(sentence):
            before = sentence[: m.start()]
            earlier = [name for written, name in self.team_names if written in before and name not in self.main_teams]
            self._add((s + m.start(1), s + m.end(1)), s, earlier=earlier)
        for m in re.finditer(r"“([^”]{6,200})”", sentence):
            self._quoted((s + m.start(1), s + m.end(1)), s)
        zoned = [z for z in self.zones if z.start < e and s < z.end]
        for zone in zoned:
            self.owner = zone.owner
            self._zone(max(s, zone.start), min(e, zone.end), s, unowned_lead=self._unowned_lead(zone, s))
        self.owner = zoned[-1].owner if zoned else None
        cue_at = min((z.announcement[0] for z in zoned if s <= z.announcement[0] < e), default=e)
        planned = lex.planned.search(sentence[: cue_at - s])
        for pattern in lex.lists:
            for m in pattern.finditer(sentence):
                if planned and planned.start() < m.start() and not sentence.startswith("针对", m.start()):
                    continue
                items = (s + m.start("items"), s + m.end("items"))
                framed = "etc" in m.groupdict() and bool(m.group("etc"))
                self._list(items, s, aimed=m.group(0).startswith("针对"), framed=framed)

    def _unowned_lead(self, zone: Zone, sentence_start: int) -> bool:
        """Does the clause of the zone's cue open with "有的地方", "一些单位" (its problems are of no one body)?"""
        cue_start, cue_end = zone.announcement
        if not sentence_start <= cue_start:
            return False
        lead_start = max([self.text.rfind(c, sentence_start, cue_start) for c in "，；："] + [sentence_start - 1]) + 1
        return bool(self.lex.unowned.fullmatch(self.text, lead_start, cue_end))

    def _zone(self, start: int, end: int, sentence_start: int, unowned_lead: bool = False) -> None:
        """Everything after a cue: clauses that read as problems; ``unowned_lead`` for a cue of "有的地方被指出"."""
        text = self.text
        for number, piece in enumerate(split_top(text, start, end, "；;。：:")):
            if text[piece[0]] == "“" and text[piece[1] - 1] == "”":
                piece = trim(text, piece[0] + 1, piece[1] - 1, chars="。 ")
            owned = self._owner(piece)
            for clause in self._commas(piece[0] if owned is None else owned[0][0], piece[1]):
                inner = self._owner(clause)
                if inner is not None:
                    clause, owned = inner[0], inner
                clause = self._clean(clause)
                raw = text[clause[0]:clause[1]]
                frame = re.search(r"等(?:方面的?|共性|突出)?问题", text[clause[0]:clause[1] + 8])
                framed = frame is not None
                shared = frame is not None and "共性" in frame.group(0)
                exists = raw.find("存在")
                if framed and exists > 0 and not is_problem(raw[:exists]):
                    clause = (clause[0] + exists + 2, clause[1])
                for item in self._enumeration(clause, liberal=framed):
                    if framed or is_problem(text[item[0]:item[1]]):
                        unowned = shared or (owned is not None and owned[1]) or (number == 0 and unowned_lead)
                        self._add(item, sentence_start, unowned=unowned)

    def _list(self, items: Piece, sentence_start: int, aimed: bool, framed: bool) -> None:
        """"存在A、B等问题": every item is a problem; "针对A问题": A is one; "存在A问题": A if it reads as one."""
        raw = self.text[items[0]:items[1]]
        if self.lex.vague.search(raw) or self.lex.not_issue.search(raw) or "反馈" in raw or "发现的" in raw:
            return
        if aimed:
            self._add(self._aimed_problem(items), sentence_start)
            return
        for item in self._enumeration(items, liberal=framed):
            if framed or is_problem(self.text[item[0]:item[1]]):
                self._add(item, sentence_start)

    def _aimed_problem(self, items: Piece) -> Piece:
        """"针对A，B问题": the clauses from A on while each reads as a problem (or ends in 现象, 情况, 思想);
        "针对A不足，各县探索建立…，群众可向巡察组反映问题" aims at A alone. Commas inside quotes do not count."""
        clauses = split_top(self.text, items[0], items[1], "，,")
        if len(clauses) < 2:
            return items
        kept: list[Piece] = []
        for clause in clauses:
            raw = self.text[clause[0]:clause[1]].rstrip("的")
            if not (is_problem(raw) or raw.endswith(("现象", "情况", "思想"))):
                break
            kept.append(clause)
        return (kept[0][0], kept[-1][1]) if kept else (items[0], items[0])

    def _quoted(self, piece: Piece, sentence_start: int) -> None:
        if self._overlaps(piece) or self.lex.slogan_after.match(self.text, piece[1], piece[1] + 6):
            return
        clauses = split_top(self.text, piece[0], piece[1], "，,；;")
        if not clauses or not all(is_problem(self.text[a:b]) for a, b in clauses):
            return
        if piece[0] >= 2 and self.text[piece[0] - 2] in "”\"":
            subject = self.quote_subject
        else:
            subject = self.quote_subject = subject_before(self.ctx, piece[0] - 1)
        for clause in self._commas(*piece):
            for item in self._enumeration(clause, liberal=False):
                self._add(item, sentence_start, explicit=subject)

    # -- clause level ---------------------------------------------------

    def _owner(self, piece: Piece) -> tuple[Piece, bool] | None:
        """Strip "有的地方被指出" and the like; True when that leaves the problem without one owner."""
        m = self.lex.unowned.match(self.text, piece[0], piece[1])
        if m and m.end() > piece[0] and re.search(r"[\u4e00-\u9fff]", m.group(0)):
            return (m.end(), piece[1]), True
        return None

    def _commas(self, start: int, end: int) -> list[Piece]:
        """Cut at ，, keeping together what a reader takes as one problem:
        short parallel clauses (识别不精准，退出不精准) and a clause that goes on with
        存在/没有/出现 (…重形式轻实效，存在简单“送钱送物”情况)."""
        pieces = split_top(self.text, start, end, "，,")
        out: list[Piece] = []
        for piece in pieces:
            s = self.text[piece[0]:piece[1]]
            if out:
                prev = self.text[out[-1][0]:out[-1][1]]
                listing = re.match(r"^存在[^，]*、[^，]*等[^，]{0,4}问题", s)  # 存在A、B等问题: a list of its own
                joined = ((re.match(r"^(?:存在|没有|出现|导致|造成|致使|甚至)", s) and not listing)
                          or (len(prev) <= _SHORT and len(s) <= _SHORT and is_problem(prev) and is_problem(s)))
                if joined:
                    out[-1] = (out[-1][0], piece[1])
                    continue
            out.append(piece)
        return out

    def _enumeration(self, piece: Piece, liberal: bool) -> list[Piece]:
        """Cut at 、 where each side stands alone as a problem.

        In a framed list ("A、B等问题") every item of four characters or more stands
        alone; elsewhere the left side must end as a problem and the right side must
        hold its own marker. Bare predicates (不精准, 不作为) stay with what precedes.
        """
        text = self.text
        piece = self._clean(piece)
        parts = split_top(text, piece[0], piece[1], "、")
        out: list[Piece] = []
        for part in parts:
            s = text[part[0]:part[1]]
            if out:
                prev = text[out[-1][0]:out[-1][1]]
                if liberal:
                    alone = len(s) >= 4 and s[:1] not in "不未没无" and not (len(s) <= 4 and _bare_predicate(s))
                else:
                    alone = len(s) >= 5 and s[:1] not in "不未没无" and is_problem(s) and _ends_as_problem(prev)
                if not alone:
                    out[-1] = (out[-1][0], part[1])
                    continue
            out.append(part)
        return [p for p in (self._clean(p) for p in out) if p[1] > p[0]]

    def _clean(self, piece: Piece) -> Piece:
        piece = strip_re(self.text, trim(self.text, *piece, chars=" \u3000，,；;。：:"), self.lex.lead, self.lex.tail)
        return trim(self.text, *piece, chars=" \u3000，,；;。：:")

    # -- output ---------------------------------------------------------

    def _overlaps(self, piece: Piece) -> bool:
        return any(s < piece[1] and piece[0] < e for s, e in self.taken)

    def _add(self, piece: Piece, sentence_start: int, earlier: list[str] | None = None,
             unowned: bool = False, explicit: str | None = None) -> None:
        piece = self._clean(piece)
        raw = self.text[piece[0]:piece[1]]
        text = unquoted(raw)
        if len(text) < 4 or len(text) > 120 or self._overlaps(piece) or self.lex.not_issue.search(text):
            return
        self.taken.append(piece)
        target = None if unowned else (explicit or self._target(sentence_start))
        round_phrase = self._earlier_round(sentence_start, piece)
        self.issues.append(Issue(
            text=text, category=categorise(text), target=target, found_by=list(self.main_teams),
            earlier_teams=earlier or [], earlier_round=round_phrase, spans=[self.ctx.span(*piece)]))

    def _target(self, sentence_start: int) -> str | None:
        """The body named as the sentence's subject, else the line's, else the document's."""
        line_start = self.text.rfind("\n", 0, sentence_start) + 1
        own = subject_before(self.ctx, sentence_start, whole_clause=True)
        if own:
            self.line_subject = (line_start, own)
            return own
        if self.line_subject[0] == line_start and self.line_subject[1]:
            return self.line_subject[1]
        return self.owner or self.default_target

    def _earlier_round(self, sentence_start: int, piece: Piece) -> str | None:
        """The earlier round a problem came back from: named in its own sentence ("上轮巡察反馈问题整改不到位，
        存在A、B"), or in the sentence before it on the same line when that sentence says so of its problems."""
        window = self.text[sentence_start:piece[1] + 20]
        m = self.lex.earlier_round.search(window)
        if m and self.lex.still.search(window[m.end():]):
            return m.group(0)
        line_start = self.text.rfind("\n", 0, sentence_start) + 1
        sentences = self.ctx.doc.sentences
        at = bisect_left(sentences, (sentence_start, -1))
        if at > 0 and sentences[at - 1][0] >= line_start:
            before = self.text[sentences[at - 1][0]:sentences[at - 1][1]]
            m = self.lex.earlier_round.search(before)
            if m and self.lex.still.search(before[m.end():]) and re.search(r"[：:]|(?:如下|以下|主要|具体)", before[m.end():]):
                return m.group(0)
        return None


def _bare_predicate(s: str) -> bool:
    """力度不够: a predicate with a one- or two-character subject, not a problem of its own."""
    m = _lexicon().marker.search(s)
    return m is not None and 1 <= m.start() <= 2 and m.end() == len(s)


def _ends_as_problem(s: str) -> bool:
    ends = [m.end() for m in _lexicon().marker.finditer(s)]
    return bool(ends) and len(s) - ends[-1] <= 2
