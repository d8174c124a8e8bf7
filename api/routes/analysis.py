"""``/analysis/…``: the shape of the graph, computed with networkx over the target-problem graph."""

from __future__ import annotations

import datetime as dt
from typing import Annotated

from fastapi import APIRouter, Query
from fastapi.concurrency import run_in_threadpool

from api.deps import StoreDep
from api.services import analysis
from graph.analysis.models import CentralProblems, Communities, CoOccurrence, SimilarTargets
from graph.analysis.subgraph import By
from loaders.record import CATEGORIES

router = APIRouter(prefix="/analysis", tags=["analysis"])

RoundQ = Annotated[str | None, Query(description="Only statements found in this round (uid or name, or a team's).")]
SinceQ = Annotated[dt.date | None, Query(description="Only statements of rounds dated on or after (ISO date).")]
UntilQ = Annotated[dt.date | None, Query(description="Only statements of rounds dated on or before.")]
CategoryQ = Annotated[str | None, Query(description=f"One of: {', '.join(CATEGORIES)}.",
                                        pattern="^(" + "|".join(CATEGORIES) + ")$")]


def _iso(day: dt.date | None) -> str | None:
    return day.isoformat() if day else None


@router.get("/central-problems", response_model=CentralProblems)
async def central_problems(store: StoreDep, round: RoundQ = None, since: SinceQ = None, until: UntilQ = None,
                           category: CategoryQ = None, limit: Annotated[int, Query(ge=1, le=500)] = 20,
                           offset: Annotated[int, Query(ge=0)] = 0) -> CentralProblems:
    """Problem categories, and clusters of near-duplicate statements, ranked by how many targets and rounds
    they span, with degree centrality and PageRank in the target-problem graph and the counts behind them."""
    return await run_in_threadpool(analysis.central, store=store, round=round, since=_iso(since), until=_iso(until),
                                   category=category, limit=limit, offset=offset)


@router.get("/communities", response_model=Communities)
async def communities(store: StoreDep, round: RoundQ = None, since: SinceQ = None, until: UntilQ = None,
                      category: CategoryQ = None,
                      by: Annotated[By, Query(description="What targets must share to be grouped: category "
                                                          "(default) or cluster (near-duplicate statements).")]
                      = "category",
                      resolution: Annotated[float, Query(gt=0, le=10, description="Louvain resolution: above 1 "
                                                                                   "gives more, smaller groups.")]
                      = 1.0,
                      limit: Annotated[int, Query(ge=1, le=500)] = 20,
                      offset: Annotated[int, Query(ge=0)] = 0) -> Communities:
    """Groups of targets (regions, bodies) that share problems, by Louvain community detection, each with
    the problems two or more of its members share."""
    return await run_in_threadpool(analysis.communities, store=store, by=by, round=round, since=_iso(since),
                                   until=_iso(until), category=category, resolution=resolution, limit=limit,
                                   offset=offset)


@router.get("/co-occurrence", response_model=CoOccurrence)
async def co_occurrence(store: StoreDep, round: RoundQ = None, since: SinceQ = None, until: UntilQ = None,
                        min_together: Annotated[int, Query(ge=1, description="Fewest inspections finding both.")]
                        = 2,
                        max_p: Annotated[float, Query(gt=0, le=1, description="Largest p-value kept.")] = 0.05,
                        limit: Annotated[int, Query(ge=1, le=500)] = 50,
                        offset: Annotated[int, Query(ge=0)] = 0) -> CoOccurrence:
    """Pairs of problem categories found together in the same inspection (a round at a target) more often
    than chance: counts, expected count, lift and hypergeometric p-value, most significant first."""
    return await run_in_threadpool(analysis.co_occurrence, store=store, round=round, since=_iso(since),
                                   until=_iso(until), min_together=min_together, max_p=max_p, limit=limit,
                                   offset=offset)


@router.get("/similar-targets", response_model=SimilarTargets, responses={404: {"description": "Unknown target"}})
async def similar_targets(store: StoreDep,
                          target: Annotated[str, Query(min_length=1, max_length=200,
                                                       description="Region (any name or its code) or body.")],
                          round: RoundQ = None, since: SinceQ = None, until: UntilQ = None,
                          limit: Annotated[int, Query(ge=1, le=500)] = 10,
                          offset: Annotated[int, Query(ge=0)] = 0) -> SimilarTargets:
    """The targets whose problem profile (statements per category and per cluster, tf-idf weighted) is
    closest to this target's, by cosine similarity, with what they share."""
    return await run_in_threadpool(analysis.similar, store=store, target=target, round=round, since=_iso(since),
                                   until=_iso(until), limit=limit, offset=offset)
