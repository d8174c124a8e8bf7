"""Organizations: named party and state bodies (云南省委, 县纪委监委, 教育部, 三峡集团).

Three ways a body is written, each a rule family in ``rules/organizations.jsonl``:

- a place, or a bare level word (省, 市, 县, 自治区), right before a fixed body
  word (委, 纪委监委, 委巡察办, 政府). A bare level word stands for the
  document's own province, prefecture or county, so 县政府 in a report about
  漾濞县 is 漾濞县政府;
- a run of characters between two delimiters that starts with a place or a
  level word and ends in an open body word (扶贫开发领导小组, 审计局, 金融办);
- a company name ending in 公司 or 集团, and the closed list of central organs
  and ministries that are named without a place.

A body followed by 党组 or 党委 also gives that party group (市金融办党组).
"""

from __future__ import annotations

import re
from collections import Counter
from functools import cache

from loaders.extract.context import Context
from loaders.gazetteer import Place, PlaceMention
from loaders.record import Organization
from loaders.rules import alternation, chars, load_rules, words

_HAN = re.compile(r"[\u4e00-\u9fff]")
_DELIMITERS = chars("body_names", "delimiter")
_LEVELS = tuple(words("body_names", "level"))
_BAD_START = re.compile(rf"^(?:{alternation('body_names', 'bad_start')})")
_NOT_COMMITTEE = re.compile(alternation("body_names", "not_committee"))
_PARTY_GROUP = tuple(words("body_names", "party_group"))


@cache
def _rules() -> dict[str, list[tuple[str, str]]]:
    """Rule family → (body, type), longest body first."""
    out: dict[str, list[tuple[str, str]]] = {}
    for rule in load_rules("organizations"):
        bodies = rule.words
        out.setdefault(rule.id or "", []).extend((body, rule.label) for body in bodies)
    return {family: sorted(items, key=lambda item: -len(item[0])) for family, items in out.items()}


@cache
def _pattern(family: str) -> re.Pattern[str]:
    return re.compile("|".join(re.escape(body) for body, _ in _rules()[family]))


@cache
def _not_after() -> tuple[str, ...]:
    return tuple(body for body, _ in _rules()["not_after"])


@cache
def _types(family: str) -> dict[str, str]:
    return dict(_rules()[family])


class _Finder:
    def __init__(self, ctx: Context) -> None:
        self.ctx = ctx
        self.text = ctx.text
        self.ends: dict[int, tuple[PlaceMention, Place]] = {m.end: (m, p) for m, p in ctx.places}
        self.starts: dict[int, tuple[PlaceMention, Place]] = {m.start: (m, p) for m, p in ctx.places}
        self.forms = _written_forms(ctx)
        self.found: dict[str, Organization] = {}
        self.taken: list[tuple[int, int]] = []

    # -- qualifiers ---------------------------------------------------------

    def qualifier_before(self, pos: int) -> tuple[str, int] | None:
        """(place as it goes into the name, start) for a place or level word ending at ``pos``."""
        hit = self.ends.get(pos)
        if hit is not None:
            mention, place = hit
            return self._with_suffix(mention.form, place), mention.start
        for locality in self.ctx.localities:
            start = pos - len(locality)
            if start >= 0 and self.text.startswith(locality, start):
                county = self._home("县", start)
                return (county or "") + locality, start
        for level in _LEVELS:
            start = pos - len(level)
            if start < 0 or not self.text.startswith(level, start):
                continue
            hit = self.ends.get(start)
            if hit is not None:  # 云南 + 省委: the short form and its level word
                mention, place = hit
                return mention.form + level, mention.start
            if self._bare_ok(start):
                home = self._home(level, start)
                return (home, start) if home else (level, start)
            return None
        return None

    def qualifier_at(self, start: int) -> tuple[str, int] | None:
        """(place as it goes into the name, end) for a place or level word starting at ``start``."""
        hit = self.starts.get(start)
        if hit is not None:
            mention, place = hit
            name = self._with_suffix(mention.form, place)
            end = mention.end + (len(name) - len(mention.form))
            return name, end
        for level in _LEVELS:
            if self.text.startswith(level, start):
                if self.text.startswith(_LEVELS, start + len(level)):
                    return None  # 市县扶贫办: the offices of every city and county, not one body
                home = self._home(level, start)
                return (home or level), start + len(level)
        return None

    def _with_suffix(self, form: str, place: Place) -> str:
        if form.endswith(_LEVELS) or form == place.name:
            return form
        return place.name

    def _bare_ok(self, start: int) -> bool:
        """A level word stands alone (县政府, not 城市委) where a delimiter or a verb comes before it."""
        if start == 0:
            return True
        before = self.text[start - 1]
        if before in "省市州县区乡镇":
            return False  # 省市县委, 市县纪委: bodies of several levels at once
        if not _HAN.match(before) or before in _DELIMITERS:
            return True
        from loaders.gazetteer import jieba_words

        entry = jieba_words().get(self.text[max(0, start - 2):start])
        return entry is not None and entry[1].startswith(("v", "p"))

    def _home(self, level: str, pos: int) -> str | None:
        """The place a bare level word stands for at ``pos``: the first place of that level named
        earlier in the same paragraph (its subject), else the document's own province, prefecture or county."""
        paragraph = self.text.rfind("\n", 0, pos)
        for mention, place in self.ctx.places:
            if paragraph < mention.end <= pos and _fits(place, level):
                return self.forms.get(place.name, place.name)
        ctx = self.ctx
        county = ctx.county.name if ctx.county is not None else None
        if level in ("省", "自治区"):
            name = ctx.province
        elif level == "市":
            name = county if county and county.endswith("市") else ctx.prefecture
        elif level in ("州", "盟"):
            name = ctx.prefecture if ctx.prefecture and ctx.prefecture.endswith(level) else None
        else:
            name = county if county and (county.endswith(level) or level == "县") else None
        if name is None:
            return None
        return self.forms.get(name, name)

    # -- finding ------------------------------------------------------------

    def add(self, name: str, kind: str, start: int, end: int) -> None:
        if self.ctx.inside_person(start, end) or any(s < end and start < e for s, e in self.taken):
            return
        if self.text.startswith(_not_after(), end):
            return
        self.taken.append((start, end))
        self._record(name, kind, start, end)
        for group in _PARTY_GROUP:
            if self.text.startswith(group, end) and not name.endswith(_PARTY_GROUP):
                self._record(name + group, "party_committee", start, end + len(group))
                break

    def _record(self, name: str, kind: str, start: int, end: int) -> None:
        written = self.text[start:end]
        item = self.found.get(name)
        if item is None:  # as_written keeps the first mention's form, where it differs from the name
            item = self.found[name] = Organization(name=name, type=kind, as_written=written if written != name else None)
        item.spans.append(self.ctx.span(start, end))

    def named(self) -> None:
        types = _types("named")
        for m in _pattern("named").finditer(self.text):
            self.add(m.group(), types[m.group()], m.start(), m.end())

    def after_place(self) -> None:
        types = _types("after_place")
        for m in _pattern("after_place").finditer(self.text):
            body = m.group()
            if body.startswith("委") and _NOT_COMMITTEE.match(self.text, m.start()) and body == "委":
                continue
            qualifier = self.qualifier_before(m.start())
            if qualifier is None:
                continue
            place, start = qualifier
            if place in _LEVELS and body == "委":
                continue  # a bare 县委 in a document about no county: not a name anyone can look up
            self.add(place + body, types[body], start, m.end())

    def runs(self, family: str) -> None:
        types = _types(family)
        for m in _pattern(family).finditer(self.text):
            start = self._run_start(m.start())
            if start is None or m.start() - start < 2:
                continue
            run = self.text[start:m.start()]
            if _BAD_START.match(run) or _pattern("run").search(run):
                continue
            if family == "run":
                self.add(run + m.group(), types[m.group()], start, m.end())
                continue
            qualifier = self.qualifier_at(start)
            if qualifier is None:
                continue
            place, end = qualifier
            middle = self.text[end:m.start()] if end <= m.start() else ""
            if len(middle) < 2 or "委" in middle:
                continue
            self.add(place + middle + m.group(), types[m.group()], start, m.end())

    def _run_start(self, end: int, longest: int = 10) -> int | None:
        """Start of the run of name characters that ends at ``end``; None when it is too long to be one name."""
        start = end
        while start > 0 and _HAN.match(self.text[start - 1]) and self.text[start - 1] not in _DELIMITERS:
            start -= 1
            if end - start > longest:
                return None
        return start


def _fits(place: Place, level: str) -> bool:
    if level in ("省", "自治区"):
        return place.level == "province"
    if level in ("州", "盟"):
        return place.level == "prefecture" and place.name.endswith(level)
    if level == "市":
        return place.name.endswith("市") and place.level in ("prefecture", "county")
    return place.level == "county" and place.name.endswith(level)


def _written_forms(ctx: Context) -> dict[str, str]:
    """Each place's most frequent written form that keeps its level word (漾濞县 for 漾濞彝族自治县)."""
    counts: dict[str, Counter[str]] = {}
    for mention, place in ctx.places:
        if mention.form.endswith(_LEVELS):
            counts.setdefault(place.name, Counter())[mention.form] += 1
    return {name: c.most_common(1)[0][0] for name, c in counts.items()}


def type_of(name: str) -> str:
    """The type of a body known only by its name (a target or a title's body): by its last word."""
    named = _types("named")
    if name in named:
        return named[name]
    best = ("", "other")
    for family in ("after_place", "run_after_place", "run"):
        for body, kind in _rules()[family]:
            if name.endswith(body) and len(body) > len(best[0]):
                best = (body, kind)
    if name.endswith(_PARTY_GROUP):
        return "party_committee"
    return best[1]


def extract_organizations(ctx: Context) -> list[Organization]:
    finder = _Finder(ctx)
    finder.named()
    finder.after_place()
    finder.runs("run_after_place")
    finder.runs("run")
    return sorted(finder.found.values(), key=lambda item: item.spans[0][0])
