"""Recurrence, the flagship question: which problems come back for the same target in two or more rounds.

The statements come from one named query (``cypher/recurring_statements.cypher``); this module groups
them. Two statements about the same target are the same problem, in order of strength, when

1. ``stated``: the document says an earlier team already raised it (``RAISED_BEFORE_BY``); the earlier
   team's inspection is then a round of its own, known only from the later document;
2. ``similar``: their texts are near-duplicates (rapidfuzz, over a threshold);
3. ``category``: they share a category (only when the caller asks for links this weak).

A round is the ``Round`` a team was sent in, or the team's own inspection where the text names no round.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from typing import Any, Literal, cast

from networkx.utils import UnionFind
from pydantic import BaseModel, Field
from rapidfuzz import fuzz, process

from graph import queries
from graph.store import BULK_MAX_ROWS, Store

Link = Literal["stated", "similar", "category"]
STRENGTH: dict[str, int] = {"stated": 3, "similar": 2, "category": 1}
DEFAULT_SIMILARITY = 80.0


class Span(BaseModel):
    start: int
    end: int
    text: str | None = Field(None, description="The original text the span covers.")


class Statement(BaseModel):
    issue: str = Field(description="Issue id (document:index).")
    text: str
    category: str
    document: str
    document_name: str | None = None
    published: str | None = None
    spans: list[Span]


class RoundOccurrence(BaseModel):
    round: str = Field(description="Round uid, or the team's uid where the text names no round.")
    name: str
    teams: list[str]
    date: str | None = Field(None, description="When the target was inspected (or the document's date).")
    statements: list[Statement] = Field(default_factory=list,
                                        description="What documents of this round say about the problem.")
    stated_by: list[Statement] = Field(default_factory=list,
                                       description="For an earlier round known only from a later document: "
                                                   "the later statements that say this round raised it.")
    linked_by: Link = Field(description="How this round was tied to the others.")


class Recurrence(BaseModel):
    target: str
    target_uid: str
    problem: str
    category: str
    rounds: list[RoundOccurrence] = Field(description="In time order; rounds known only as earlier come first.")
    round_count: int
    linked_by: list[Link]
    strength: Link = Field(description="The strongest link in the group.")


class Occurrence(BaseModel):
    target: str
    target_uid: str
    statements: list[Statement]


class AcrossTargets(BaseModel):
    round: str
    round_name: str
    problem: str
    category: str
    targets: list[Occurrence]
    target_count: int
    linked_by: Link


class _Item:
    """One statement in one round (a statement found by teams of two rounds is in both)."""

    __slots__ = ("category", "date", "round", "round_name", "statement", "target", "target_uid", "teams", "text")

    def __init__(self, row: dict[str, Any], round_uid: str, round_name: str, teams: list[str],
                 date: str | None) -> None:
        self.statement = _statement(row)
        self.text: str = row["text"]
        self.category: str = row["category"]
        self.target: str = row["target"]
        self.target_uid: str = row["target_uid"]
        self.round, self.round_name, self.teams, self.date = round_uid, round_name, teams, date


def _statement(row: dict[str, Any]) -> Statement:
    spans = [Span(start=s[0], end=s[1], text=s[2] if len(s) > 2 else None)
             for s in row.get("spans") or [] if s and s[0] is not None]
    return Statement(issue=row["issue"], text=row["text"], category=row["category"], document=row["document"],
                     document_name=row.get("document_name"), published=row.get("published"), spans=spans)


def rounds_of(row: dict[str, Any]) -> list[tuple[str, str, list[str], str | None]]:
    """(round uid, round name, teams, date) of each round whose teams found the statement."""
    out: dict[str, tuple[str, str, list[str], str | None]] = {}
    for team_uid, team_name, round_uid, round_name, start in row.get("found") or []:
        if team_uid is None:
            continue
        key = round_uid or team_uid
        _, name, teams, date = out.get(key, (key, round_name or team_name, [], None))
        if team_name not in teams:
            teams.append(team_name)
        out[key] = (key, name, teams, date or start or row.get("published"))
    return list(out.values())


class _Groups:
    """Item indexes joined into groups (networkx's union-find), remembering which kinds of link joined them."""

    def __init__(self, n: int) -> None:
        self.size = n
        self.sets: UnionFind = UnionFind(range(n))
        self.joined: list[tuple[int, str]] = []

    def union(self, a: int, b: int, link: str) -> None:
        self.sets.union(a, b)
        self.joined.append((a, link))

    def components(self) -> list[tuple[list[int], set[str]]]:
        """Each group's indexes in order, and the kinds of link inside it; groups ordered by first index."""
        kinds: dict[int, set[str]] = defaultdict(set)
        for index, link in self.joined:
            kinds[self.sets[index]].add(link)
        members: dict[int, list[int]] = defaultdict(list)
        for index in range(self.size):
            members[self.sets[index]].append(index)
        return [(indexes, kinds.get(root, set())) for root, indexes in members.items()]


def similar(a: str, b: str, threshold: float = DEFAULT_SIMILARITY) -> bool:
    """Near-duplicate problem statements (扶贫资金使用不及时、不精准 ~ 扶贫资金使用不及时不精准)."""
    return fuzz.ratio(a, b) >= threshold or (min(len(a), len(b)) >= 6 and fuzz.partial_ratio(a, b) >= 95)


def similar_pairs(texts: list[str], threshold: float = DEFAULT_SIMILARITY,
                  blocks: list[str] | None = None) -> list[tuple[int, int]]:
    """Index pairs of near-duplicate texts; with ``blocks``, only texts of the same block are compared
    (vectorised with rapidfuzz's cdist, so a round with thousands of statements stays fast)."""
    by_block: dict[str, list[int]] = defaultdict(list)
    for index, block in enumerate(blocks or [""] * len(texts)):
        by_block[block].append(index)
    out: list[tuple[int, int]] = []
    for indexes in by_block.values():
        if len(indexes) < 2:
            continue
        chunk = [texts[i] for i in indexes]
        scores = process.cdist(chunk, chunk, scorer=fuzz.ratio, score_cutoff=threshold, dtype="uint8", workers=-1)
        for a, b in zip(*scores.nonzero(), strict=True):
            if a < b:
                out.append((indexes[a], indexes[b]))
        if len(chunk) <= 400:  # the containment test (one statement inside a longer one) is pairwise
            for a in range(len(chunk)):
                for b in range(a + 1, len(chunk)):
                    if scores[a, b] == 0 and similar(chunk[a], chunk[b], threshold):
                        out.append((indexes[a], indexes[b]))
    return out


def group_recurrences(rows: Iterable[dict[str, Any]], *, min_rounds: int = 2, link: Link = "similar",
                      threshold: float = DEFAULT_SIMILARITY, since: str | None = None,
                      until: str | None = None) -> list[Recurrence]:
    """Group statement rows (as ``recurring_statements`` returns them) into recurring problems.

    ``link`` is the weakest kind of link allowed; ``since``/``until`` (ISO dates) keep the rounds dated
    inside the period (earlier rounds known only from a later statement count when that statement does).
    """
    rows = list(rows)
    by_target: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for row in rows:
        by_target[row["target_uid"]].append(row)
    out: list[Recurrence] = []
    for target_rows in by_target.values():
        out.extend(_target_recurrences(target_rows, min_rounds, link, threshold, since, until))
    out.sort(key=lambda r: (r.target, r.problem))
    out.sort(key=_latest, reverse=True)  # stable sorts: most rounds first, then the strongest, then the latest
    out.sort(key=lambda r: (-r.round_count, -STRENGTH[r.strength]))
    return out


def _in_period(date: str | None, since: str | None, until: str | None) -> bool:
    if date is None:
        return since is None and until is None
    return (since is None or date >= since) and (until is None or date <= until[:10] + "\uffff")


def _target_recurrences(rows: list[dict[str, Any]], min_rounds: int, link: Link, threshold: float,
                        since: str | None, until: str | None) -> list[Recurrence]:
    items: list[_Item] = []
    earlier: dict[int, list[tuple[str, str, str]]] = {}  # item index -> earlier rounds (uid, name, team)
    for row in rows:
        for round_uid, round_name, teams, date in rounds_of(row):
            if not _in_period(date, since, until):
                continue
            index = len(items)
            items.append(_Item(row, round_uid, round_name, teams, date))
            named = sorted((e for e in row.get("earlier") or [] if e and e[0]),
                           key=lambda e: (e[4] if len(e) > 4 and e[4] is not None else 1_000, e[1]))
            stated = [(e[2] or e[0], e[3] or e[1], e[1]) for e in named]
            if stated:
                earlier[index] = stated
    groups = _Groups(len(items))
    for index in earlier:
        groups.union(index, index, "stated")
    allowed = STRENGTH[link]
    if allowed <= STRENGTH["similar"]:
        for a, b in similar_pairs([item.text for item in items], threshold):
            groups.union(a, b, "similar")
    if allowed <= STRENGTH["category"]:
        first_of: dict[str, int] = {}
        for index, item in enumerate(items):
            if item.category in first_of:
                groups.union(first_of[item.category], index, "category")
            else:
                first_of[item.category] = index
    out = []
    for indexes, kinds in groups.components():
        found = _recurrence(items, indexes, earlier, kinds)
        if found is not None and found.round_count >= min_rounds:
            out.append(found)
    return out


def _recurrence(items: list[_Item], indexes: list[int], earlier: dict[int, list[tuple[str, str, str]]],
                links: set[str]) -> Recurrence | None:
    rounds: dict[str, RoundOccurrence] = {}
    seen: dict[str, set[str]] = defaultdict(set)
    for index in indexes:
        item = items[index]
        occurrence = rounds.get(item.round)
        if occurrence is None:
            kind: Link = "stated" if index in earlier else _strongest(links - {"stated"}) or "similar"
            occurrence = rounds[item.round] = RoundOccurrence(round=item.round, name=item.round_name,
                                                              teams=list(item.teams), date=item.date,
                                                              linked_by=kind)
        if item.statement.issue not in seen[item.round]:
            occurrence.statements.append(item.statement)
            seen[item.round].add(item.statement.issue)
        if item.date and (occurrence.date is None or item.date < occurrence.date):
            occurrence.date = item.date
    for index in indexes:
        for round_uid, round_name, team in earlier.get(index, []):
            if round_uid in rounds and rounds[round_uid].statements:
                rounds[round_uid].linked_by = "stated"
                continue
            occurrence = rounds.setdefault(round_uid, RoundOccurrence(round=round_uid, name=round_name, teams=[team],
                                                                      linked_by="stated"))
            if items[index].statement.issue not in {s.issue for s in occurrence.stated_by}:
                occurrence.stated_by.append(items[index].statement)
    if len(rounds) < 2:
        return None
    ordered = _in_time_order(list(rounds.values()))
    anchor = items[next((i for i in indexes if i in earlier), indexes[0])]
    link_kinds = sorted(set(links) | {r.linked_by for r in ordered}, key=lambda k: -STRENGTH[k])
    problem = anchor.text if link_kinds[0] != "category" or len(indexes) == 1 else anchor.category
    return Recurrence(target=anchor.target, target_uid=anchor.target_uid, problem=problem,
                      category=anchor.category, rounds=ordered, round_count=len(ordered),
                      linked_by=link_kinds, strength=link_kinds[0])


def _strongest(links: set[str]) -> Link | None:
    strongest = max(links, key=lambda k: STRENGTH[k], default=None)
    return cast("Link | None", strongest)


def _in_time_order(rounds: list[RoundOccurrence]) -> list[RoundOccurrence]:
    """Dated rounds by date; rounds known only as 'raised before' come first, in the order stated."""
    undated = [r for r in rounds if r.date is None and not r.statements]
    dated = sorted((r for r in rounds if r not in undated), key=lambda r: (r.date or "9999", r.name))
    return undated + dated


def _latest(recurrence: Recurrence) -> str:
    return max((r.date for r in recurrence.rounds if r.date), default="")


def group_across_targets(rows: Iterable[dict[str, Any]], *, min_targets: int = 2, link: Link = "similar",
                         threshold: float = DEFAULT_SIMILARITY, round_filter: str | None = None
                         ) -> list[AcrossTargets]:
    """The problems one round found in many targets: statements of a round grouped by similar text
    (or, with ``link="category"``, by category) across its targets."""
    by_round: dict[str, list[_Item]] = defaultdict(list)
    for row in rows:
        for round_uid, round_name, teams, date in rounds_of(row):
            if round_filter and round_filter not in (round_uid, round_name):
                continue
            by_round[round_uid].append(_Item(row, round_uid, round_name, teams, date))
    out: list[AcrossTargets] = []
    for items in by_round.values():
        groups = _Groups(len(items))
        if link == "category":
            first_of: dict[str, int] = {}
            for index, item in enumerate(items):
                groups.union(first_of.setdefault(item.category, index), index, "category")
        else:  # near-duplicates are compared within a category: a problem keeps its category everywhere
            for a, b in similar_pairs([i.text for i in items], threshold, blocks=[i.category for i in items]):
                groups.union(a, b, "similar")
        for indexes, _ in groups.components():
            targets: dict[str, Occurrence] = {}
            for index in indexes:
                item = items[index]
                occurrence = targets.setdefault(item.target_uid, Occurrence(target=item.target,
                                                                           target_uid=item.target_uid,
                                                                           statements=[]))
                occurrence.statements.append(item.statement)
            if len(targets) < min_targets:
                continue
            first = items[indexes[0]]
            out.append(AcrossTargets(round=first.round, round_name=first.round_name,
                                     problem=first.category if link == "category" else first.text,
                                     category=first.category, targets=list(targets.values()),
                                     target_count=len(targets), linked_by=link))
    out.sort(key=lambda r: (-r.target_count, r.round_name, r.problem))
    return out


def statements(store: Store, *, target: str | None = None, category: str | None = None,
               timeout_ms: int | None = None) -> list[dict[str, Any]]:
    """The statement rows of ``recurring_statements`` for one target (name, uid or code) or all."""
    kwargs: dict[str, Any] = {} if timeout_ms is None else {"timeout_ms": timeout_ms}
    result = store.read(queries.get("recurring_statements").text, {"target": target, "category": category},
                        max_rows=BULK_MAX_ROWS, **kwargs)
    return result.records()
