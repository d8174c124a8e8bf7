"""Similar targets: the targets whose problem profile is closest to one target's.

A profile counts a target's statements per category and per problem cluster (the neighbours of the
target in the two bipartite graphs). Each feature is weighted by its inverse target frequency,
ln((1 + T) / (1 + df)) + 1 over T targets, so a problem every county has counts for less than a rare
one, and two profiles are compared by cosine similarity.
"""

from __future__ import annotations

import math
from collections import defaultdict

import networkx as nx

from graph.analysis.models import SharedProblem, SimilarTarget, TargetCount
from graph.analysis.subgraph import ProblemGraph

Feature = tuple[str, str]  # ("category" | "cluster", key)


def profiles(graph: ProblemGraph) -> tuple[dict[str, dict[Feature, float]], dict[str, dict], dict[Feature, int]]:
    """(target uid -> weighted profile, target uid -> node attributes, feature -> targets that have it)."""
    vectors: dict[str, dict[Feature, float]] = defaultdict(dict)
    attrs: dict[str, dict] = {}
    for by in ("category", "cluster"):
        bipartite: nx.Graph = graph.bipartite(by)
        for node, data in bipartite.nodes(data=True):
            if data["kind"] != "target":
                continue
            attrs[node[1]] = data
            for _, problem, weight in bipartite.edges(node, data="weight"):
                vectors[node[1]][(by, problem[1])] = float(weight)
    total = len(vectors)
    df: dict[Feature, int] = defaultdict(int)
    for vector in vectors.values():
        for feature in vector:
            df[feature] += 1
    for vector in vectors.values():
        for feature in vector:
            vector[feature] *= math.log((1 + total) / (1 + df[feature])) + 1
    return vectors, attrs, df


def cosine(a: dict[Feature, float], b: dict[Feature, float]) -> float:
    dot = sum(w * b[f] for f, w in a.items() if f in b)
    norm = math.sqrt(sum(w * w for w in a.values())) * math.sqrt(sum(w * w for w in b.values()))
    return dot / norm if norm else 0.0


def find_target(graph: ProblemGraph, target: str) -> str | None:
    """The uid of a target given by uid, name or code (Region:532922, 漾濞彝族自治县, 532922)."""
    for s in graph.statements:
        if target in (s.target_uid, s.target) or s.target_uid.split(":", 1)[-1] == target:
            return s.target_uid
    return None


def similar_targets(graph: ProblemGraph, uid: str) -> tuple[TargetCount, list[SharedProblem], list[SimilarTarget]]:
    """(the target, its own problems, every other target sharing a problem, closest first)."""
    vectors, attrs, df = profiles(graph)
    mine = vectors[uid]
    statements: dict[tuple[str, Feature], int] = defaultdict(int)
    category_of: dict[str, str] = {}
    for s in graph.statements:
        statements[(s.target_uid, ("category", s.category))] += 1
        cluster = graph.problem_of(s, "cluster")
        statements[(s.target_uid, ("cluster", cluster))] += 1
        category_of[cluster] = s.category
        category_of[s.category] = s.category

    def problem(feature: Feature, holders: list[str], targets: int) -> SharedProblem:
        kind, key = feature
        return SharedProblem(key=key, problem=graph.label_of(key, kind), category=category_of[key],  # type: ignore[arg-type]
                             targets=targets, statements=sum(statements[(h, feature)] for h in holders))

    own = sorted((problem(f, [uid], df[f]) for f in mine), key=lambda p: (-p.statements, p.key))
    out = []
    for other, vector in vectors.items():
        shared = [f for f in mine if f in vector]
        if other == uid or not shared:
            continue
        out.append(SimilarTarget(
            uid=other, name=attrs[other]["name"], label=attrs[other]["label"], score=round(cosine(mine, vector), 6),
            shared_categories=sorted(k for kind, k in shared if kind == "category"),
            shared_problems=sorted((problem(f, [uid, other], 2) for f in shared if f[0] == "cluster"),
                                   key=lambda p: (-p.statements, p.key))))
    out.sort(key=lambda t: (-t.score, t.name, t.uid))
    me = TargetCount(uid=uid, name=attrs[uid]["name"], label=attrs[uid]["label"],
                     statements=sum(1 for s in graph.statements if s.target_uid == uid))
    return me, own, out
