"""Communities: groups of targets that share problems, by Louvain modularity (networkx).

The graph is the bipartite target-problem graph, keeping only the problems found at two or more targets
(a problem of one target ties it to no one); Louvain runs on it with edges weighted by statements and a
fixed seed, so the same graph gives the same groups. A group is the targets of one community; its shared
problems are those two or more of its members have, whichever community Louvain put the problem in.
"""

from __future__ import annotations

from collections import defaultdict

import networkx as nx

from graph.analysis.models import Community, SharedProblem, TargetCount
from graph.analysis.subgraph import By, ProblemGraph

SEED = 42


def communities(graph: ProblemGraph, by: By, *, resolution: float = 1.0,
                min_size: int = 2) -> tuple[list[Community], float, int]:
    """(groups of at least ``min_size`` targets, the partition's modularity, targets in no group)."""
    full = graph.bipartite(by)
    shared = [n for n, kind in full.nodes(data="kind") if kind == "problem" and full.degree(n) >= 2]
    linked = set(shared) | {t for p in shared for t in full.neighbors(p)}
    all_targets = [n for n, kind in full.nodes(data="kind") if kind == "target"]
    sub = full.subgraph(linked)
    if sub.number_of_edges() == 0:
        return [], 0.0, len(all_targets)
    parts = nx.community.louvain_communities(sub, weight="weight", resolution=resolution, seed=SEED)
    modularity = nx.community.modularity(sub, parts, weight="weight", resolution=resolution)
    counts: dict[tuple[str, str], int] = defaultdict(int)  # (target uid, problem) -> statements
    category: dict[str, str] = {}
    for s in graph.statements:
        problem = graph.problem_of(s, by)
        counts[(s.target_uid, problem)] += 1
        category[problem] = s.category
    by_target: dict[str, list[str]] = defaultdict(list)
    for target_uid, problem in counts:
        by_target[target_uid].append(problem)
    groups: list[Community] = []
    grouped = 0
    for part in parts:
        members = sorted((n for n in part if n[0] == "target"), key=lambda n: (full.nodes[n]["name"], n[1]))
        if len(members) < min_size:
            continue
        grouped += len(members)
        holders: dict[str, list[str]] = defaultdict(list)
        for _, uid in members:
            for problem in by_target[uid]:
                holders[problem].append(uid)
        problems = [SharedProblem(key=p, problem=graph.label_of(p, by), category=category[p], targets=len(uids),
                                  statements=sum(counts[(u, p)] for u in uids))
                    for p, uids in holders.items() if len(uids) >= 2]
        problems.sort(key=lambda p: (-p.targets, -p.statements, p.key))
        targets = [TargetCount(uid=uid, name=full.nodes[(kind, uid)]["name"], label=full.nodes[(kind, uid)]["label"],
                               statements=sum(counts[(uid, p)] for p in by_target[uid]))
                   for kind, uid in members]
        groups.append(Community(id=0, size=len(targets), targets=targets, shared_problems=problems))
    groups.sort(key=lambda c: (-c.size, -sum(p.targets for p in c.shared_problems), c.targets[0].name))
    for number, group in enumerate(groups, start=1):
        group.id = number
    return groups, round(modularity, 6), len(all_targets) - grouped
