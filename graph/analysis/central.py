"""Central problems: categories and clusters ranked by how many targets and rounds they span.

Over the bipartite target-problem graph: the evidence counts (targets, rounds, inspections, statements,
documents), the degree centrality of the problem node (the share of all targets that have it) and its
PageRank (edges weighted by statements). Ranked by targets, then rounds, then PageRank.
"""

from __future__ import annotations

from collections import Counter, defaultdict

import networkx as nx

from graph.analysis.models import CentralProblem, Evidence, Example, TargetCount
from graph.analysis.subgraph import By, ProblemGraph, Statement

TOP_TARGETS = 5
EXAMPLES = 3


def central_problems(graph: ProblemGraph, by: By, *, min_statements: int = 1) -> list[CentralProblem]:
    """Every problem with at least ``min_statements`` statements, ranked."""
    bipartite = graph.bipartite(by)
    targets = [n for n, kind in bipartite.nodes(data="kind") if kind == "target"]
    if not targets:
        return []
    degree = nx.bipartite.degree_centrality(bipartite, targets)
    rank = nx.pagerank(bipartite, weight="weight") if bipartite.number_of_edges() else {}
    members: dict[str, list[Statement]] = defaultdict(list)
    for s in graph.statements:
        members[graph.problem_of(s, by)].append(s)
    out = []
    for problem, statements in members.items():
        if len(statements) < min_statements:
            continue
        node = ("problem", problem)
        out.append(CentralProblem(kind=by, key=problem, problem=graph.label_of(problem, by),
                                  category=statements[0].category, evidence=evidence(statements),
                                  degree_centrality=round(degree[node], 6), pagerank=round(rank.get(node, 0.0), 6),
                                  top_targets=top_targets(statements), examples=examples(statements)))
    out.sort(key=lambda p: (-p.evidence.targets, -p.evidence.rounds, -p.pagerank, p.key))
    return out


def evidence(statements: list[Statement]) -> Evidence:
    return Evidence(targets=len({s.target_uid for s in statements}),
                    rounds=len(set().union(*(s.all_rounds for s in statements))),
                    inspections=len({key for s in statements for key in s.inspections}),
                    statements=len({s.issue for s in statements}),
                    documents=len({s.document for s in statements}))


def top_targets(statements: list[Statement], limit: int = TOP_TARGETS) -> list[TargetCount]:
    counts = Counter(s.target_uid for s in statements)
    first = {s.target_uid: s for s in reversed(statements)}
    ranked = sorted(counts, key=lambda uid: (-counts[uid], first[uid].target))[:limit]
    return [TargetCount(uid=uid, name=first[uid].target, label=first[uid].target_kind, statements=counts[uid])
            for uid in ranked]


def examples(statements: list[Statement], limit: int = EXAMPLES) -> list[Example]:
    """One statement per distinct wording, the most common wordings first."""
    by_text: dict[str, Statement] = {}
    counts = Counter(s.text for s in statements)
    for s in statements:
        by_text.setdefault(s.text, s)
    ranked = sorted(by_text, key=lambda t: (-counts[t], t))[:limit]
    return [Example(issue=by_text[t].issue, text=t, target=by_text[t].target, document=by_text[t].document)
            for t in ranked]
