"""The analyses for the API and the CLI: the target-problem graph pulled once per state of the graph
(and of its near-duplicate links), filtered, analysed, paged."""

from __future__ import annotations

from typing import Any

from api.errors import NotFoundError
from graph import analysis, queries
from graph.analysis.models import CentralProblems, Communities, CoOccurrence, SimilarTargets
from graph.analysis.subgraph import By, ProblemGraph
from graph.cache import cached
from graph.store import Store
from loaders.places import store_key


def _stamp(store: Store) -> tuple[Any, int]:
    """(when the near-duplicate links last changed, documents not linked yet)."""
    linked_at, pending = store.read(queries.get("similar_stamp").text).rows[0]
    return linked_at, int(pending or 0)


def problem_graph(*, store: Store, **filters: str | None) -> tuple[ProblemGraph, Any, int]:
    """(the target-problem graph with the filters applied, when its links last changed, documents not
    linked yet)."""
    linked_at, pending = _stamp(store)
    full: ProblemGraph = cached(store, ("analysis-graph", linked_at), lambda: analysis.load(store))
    if not any(filters.values()):
        return full, linked_at, pending
    return cached(store, ("analysis-filtered", linked_at, tuple(sorted(filters.items()))),
                  lambda: full.filtered(**filters)), linked_at, pending


def central(*, store: Store, round: str | None = None, since: str | None = None, until: str | None = None,
            category: str | None = None, limit: int = 20, offset: int = 0) -> CentralProblems:
    graph, linked_at, pending = problem_graph(store=store, round=round, since=since, until=until, category=category)
    key = (linked_at, round, since, until, category)
    categories = cached(store, ("central-categories", *key), lambda: analysis.central_problems(graph, "category"))
    clusters = cached(store, ("central-clusters", *key),
                      lambda: [p for p in analysis.central_problems(graph, "cluster")
                               if p.evidence.rounds >= 2 or p.evidence.targets >= 2])
    return CentralProblems(categories=categories, clusters=clusters[offset:offset + limit],
                           cluster_count=len(clusters), limit=limit, offset=offset,
                           targets=len({s.target_uid for s in graph.statements}), statements=len(graph.statements),
                           unlinked_documents=pending)


def communities(*, store: Store, by: By = "cluster", round: str | None = None, since: str | None = None,
                until: str | None = None, category: str | None = None, resolution: float = 1.0,
                limit: int = 20, offset: int = 0) -> Communities:
    graph, linked_at, _ = problem_graph(store=store, round=round, since=since, until=until, category=category)
    key = ("communities", linked_at, by, round, since, until, category, resolution)
    groups, modularity, alone = cached(store, key, lambda: analysis.communities(graph, by, resolution=resolution))
    return Communities(by=by, algorithm=f"louvain (networkx, resolution {resolution}, seed 42)",
                       modularity=modularity, data=groups[offset:offset + limit], count=len(groups), limit=limit,
                       offset=offset, unconnected_targets=alone)


def co_occurrence(*, store: Store, round: str | None = None, since: str | None = None, until: str | None = None,
                  min_together: int = 2, max_p: float = 0.05, limit: int = 50, offset: int = 0) -> CoOccurrence:
    graph, _, _ = problem_graph(store=store, round=round, since=since, until=until)
    pairs, total = analysis.co_occurrence(graph, min_together=min_together, max_p=max_p)
    return CoOccurrence(inspections=total, data=pairs[offset:offset + limit], count=len(pairs), limit=limit,
                        offset=offset)


def similar(*, store: Store, target: str, round: str | None = None, since: str | None = None,
            until: str | None = None, limit: int = 10, offset: int = 0) -> SimilarTargets:
    graph, linked_at, _ = problem_graph(store=store, round=round, since=since, until=until)
    uid = analysis.find_target(graph, target.strip()) or analysis.find_target(graph, store_key(target) or "")
    if uid is None:
        raise NotFoundError(f"no statement concerns a target named {target!r}"
                            + (" in the rounds and period asked" if round or since or until
                               else "; /search finds how the graph names it"), title="Target not found")
    key = ("similar", linked_at, uid, round, since, until)
    me, own, found = cached(store, key, lambda: analysis.similar_targets(graph, uid))
    return SimilarTargets(target=me, profile=own, data=found[offset:offset + limit], count=len(found), limit=limit,
                          offset=offset)
