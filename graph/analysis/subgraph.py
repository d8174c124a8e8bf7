"""The target-problem graph the analyses work on, pulled from any store into Python and networkx.

One read of ``cypher/analysis_issues.cypher`` gives every issue statement with its target, category,
document and teams (``analysis_teams`` and ``analysis_documents`` give the teams' rounds and dates and the
documents' dates, joined here); one read of ``cypher/similar_edges.cypher`` gives the near-duplicate links, whose
connected groups (networkx ``connected_components``) are the problem clusters. A statement not linked to
any other is a cluster of its own.

A problem is either a category (``by="category"``) or a cluster (``by="cluster"``); the bipartite graph
has a node per target and per problem, and an edge weighted by the number of statements between them.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from typing import Any, Literal

import networkx as nx

from graph import queries
from graph.recurrence import rounds_of
from graph.store import Store

By = Literal["cluster", "category"]


@dataclass(frozen=True)
class Statement:
    issue: str
    text: str
    category: str
    target_uid: str
    target: str
    target_kind: str
    document: str
    published: str | None
    rounds: tuple[tuple[str, str, str | None], ...]  # (round or team uid, name, date)
    earlier: tuple[tuple[str, str], ...] = ()  # rounds (or teams) the document says raised it before

    @property
    def all_rounds(self) -> set[str]:
        """The rounds that found it and those said to have raised it before."""
        return {r[0] for r in self.rounds} | {e[0] for e in self.earlier}

    @property
    def inspections(self) -> list[str]:
        """The inspections that found it: a round (or team) at this target; the document where no team
        is named."""
        keys = [r[0] for r in self.rounds] or [f"Document:{self.document}"]
        return [f"{key}@{self.target_uid}" for key in keys]

    def dates(self) -> list[str]:
        return [r[2] for r in self.rounds if r[2]] or ([self.published] if self.published else [])


@dataclass
class ProblemGraph:
    statements: list[Statement]
    cluster_of: dict[str, str]  # issue id -> cluster key (the smallest issue id of the cluster)
    cluster_text: dict[str, str] = field(default_factory=dict)  # cluster key -> its most common wording

    def problem_of(self, statement: Statement, by: By) -> str:
        return statement.category if by == "category" else self.cluster_of.get(statement.issue, statement.issue)

    def label_of(self, problem: str, by: By) -> str:
        return problem if by == "category" else self.cluster_text.get(problem, problem)

    def filtered(self, *, round: str | None = None, since: str | None = None, until: str | None = None,
                 category: str | None = None, target_kind: str | None = None) -> ProblemGraph:
        """The statements of one round (uid or name), inspected (or published) in a period, of one category
        or about one kind of target (Region, Organization); clusters stay as found over the whole graph. A
        round matches the rounds that found a statement, not those said to have raised it before."""
        kept = [s for s in self.statements
                if (category is None or s.category == category)
                and (target_kind is None or s.target_kind == target_kind)
                and (round is None or any(round in (r[0], r[1]) for r in s.rounds))
                and _in_period(s, since, until)]
        return ProblemGraph(kept, self.cluster_of, self.cluster_text)

    def bipartite(self, by: By) -> nx.Graph:
        """Targets and problems, an edge weighted by the statements between them. Node attributes:
        ``kind`` (target|problem), ``name``; target nodes also ``label`` (Region, Organization)."""
        graph = nx.Graph()
        for s in self.statements:
            target, problem = ("target", s.target_uid), ("problem", self.problem_of(s, by))
            if target not in graph:
                graph.add_node(target, kind="target", name=s.target, label=s.target_kind, bipartite=0)
            if problem not in graph:
                graph.add_node(problem, kind="problem", name=self.label_of(problem[1], by), category=s.category,
                               bipartite=1)
            if graph.has_edge(target, problem):
                graph[target][problem]["weight"] += 1
            else:
                graph.add_edge(target, problem, weight=1)
        return graph


def _in_period(statement: Statement, since: str | None, until: str | None) -> bool:
    if since is None and until is None:
        return True
    return any((since is None or d >= since) and (until is None or d[:10] <= until[:10])
               for d in statement.dates())


def load(store: Store) -> ProblemGraph:
    """Every statement about a target, with its rounds and dates, and the clusters of near-duplicates."""
    def read(name: str, params: dict[str, Any] | None = None) -> list[dict[str, Any]]:
        return store.read_bulk(queries.get(name).text, params).records()

    teams = _Teams(read("analysis_teams"))
    published = {row["id"]: row["published"] for row in read("analysis_documents")}
    statements = [_statement(row, teams, published) for row in read("analysis_issues", {"category": None})]
    edges = store.read_bulk(queries.get("similar_edges").text).rows
    links = [(a, b) for a, similar in edges for b in similar]
    return ProblemGraph(statements, *clusters({s.issue: s.text for s in statements}, links))


class _Teams:
    """Each team's name and rounds, and the date it started at each target."""

    def __init__(self, rows: list[dict[str, Any]]) -> None:
        self.name: dict[str, str] = {}
        self.rounds: dict[str, dict[str, str]] = defaultdict(dict)  # team -> round uid -> round name
        self.start: dict[tuple[str, str], str] = {}
        for row in rows:
            team = row["team"]
            self.name[team] = row["name"]
            if row["round"]:
                self.rounds[team][row["round"]] = row["round_name"]
            if row["target"] and row["start"]:
                self.start[(team, row["target"])] = row["start"]

    def found(self, team_uids: list[str], target: str) -> list[list[Any]]:
        """The ``found`` entries of ``recurrence.rounds_of``: [team uid, name, round uid, round name, start]."""
        out = []
        for team in team_uids:
            if team not in self.name:
                continue
            start = self.start.get((team, target))
            known = self.rounds.get(team)
            pairs: list[tuple[str | None, str | None]] = list(known.items()) if known else [(None, None)]
            for round_uid, round_name in pairs:
                out.append([team, self.name[team], round_uid, round_name, start])
        return out


def _statement(row: dict[str, Any], teams: _Teams, published: dict[str, str | None]) -> Statement:
    labels = [x for x in row.get("target_labels") or [] if x != "Entity"]
    date = published.get(row["document"] or "")
    found = {"found": teams.found(row.get("teams") or [], row["target_uid"]), "published": date}
    rounds = tuple((uid, name, day) for uid, name, _teams, day in rounds_of(found))
    earlier = tuple(dict.fromkeys((e[0], e[1]) for e in row.get("earlier") or [] if e and e[0]))
    return Statement(issue=row["issue"], text=row["text"] or "", category=row["category"] or "other",
                     target_uid=row["target_uid"], target=row["target"] or row["target_uid"],
                     target_kind=labels[0] if labels else "Entity", document=row["document"] or "",
                     published=date, rounds=rounds, earlier=earlier)


def clusters(texts: dict[str, str], links: list[tuple[str, str]]) -> tuple[dict[str, str], dict[str, str]]:
    """(issue -> cluster key, cluster key -> wording) for the connected groups of ``links``; a cluster's
    key is its smallest issue id and its wording the text most of its statements use (then the shortest)."""
    graph = nx.Graph()
    graph.add_nodes_from(texts)
    graph.add_edges_from((a, b) for a, b in links if a in texts and b in texts)
    cluster_of: dict[str, str] = {}
    wording: dict[str, str] = {}
    for component in nx.connected_components(graph):
        key = min(component)
        counts = Counter(texts[i] for i in component)
        wording[key] = min(counts, key=lambda t: (-counts[t], len(t), t))
        for issue in component:
            cluster_of[issue] = key
    return cluster_of, wording
