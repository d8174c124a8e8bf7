"""``/recurring-issues``: problems that come back for the same target across rounds, and the problems one
round finds in many targets."""

from __future__ import annotations

import datetime as dt
from typing import Annotated

from fastapi import APIRouter, Query

from api.deps import StoreDep
from api.services.recurring import AcrossTargetsPage, RecurringPage, across_targets, recurring
from graph.recurrence import Link
from loaders.record import CATEGORIES

router = APIRouter(prefix="/recurring-issues", tags=["recurrence"])

_CATEGORY = Query(description=f"One of: {', '.join(CATEGORIES)}.", pattern="^(" + "|".join(CATEGORIES) + ")$")
_LINK = Query(description="The weakest link allowed: stated (the document says an earlier team raised it), "
                          "similar (near-duplicate text, default) or category (the same category).")


@router.get("", response_model=RecurringPage)
def recurring_issues(store: StoreDep,
                     target: Annotated[str | None, Query(description="Region (any name or its code) or body.")] = None,
                     category: Annotated[str | None, _CATEGORY] = None,
                     min_rounds: Annotated[int, Query(ge=2, le=20)] = 2,
                     since: Annotated[dt.date | None, Query(description="Rounds dated on or after (ISO date).")] = None,
                     until: Annotated[dt.date | None, Query(description="Rounds dated on or before.")] = None,
                     link: Annotated[Link, _LINK] = "similar",
                     threshold: Annotated[float, Query(ge=50, le=100, description="Text similarity, 0-100.")] = 80.0,
                     limit: Annotated[int, Query(ge=1, le=500)] = 50,
                     offset: Annotated[int, Query(ge=0)] = 0) -> RecurringPage:
    """Problems found for the same target in two or more rounds, most rounds and most recent first; each
    round with its statements (document, spans, text) and how it was linked."""
    return recurring(store=store, target=target, category=category, min_rounds=min_rounds,
                     since=since.isoformat() if since else None, until=until.isoformat() if until else None,
                     link=link, threshold=threshold, limit=limit, offset=offset)


@router.get("/across-targets", response_model=AcrossTargetsPage)
def recurring_across_targets(store: StoreDep,
                             round: Annotated[str | None, Query(description="Round (or team) uid or name.")] = None,
                             category: Annotated[str | None, _CATEGORY] = None,
                             min_targets: Annotated[int, Query(ge=2, le=1000)] = 2,
                             link: Annotated[Link, Query(description="similar (default) or category.")] = "similar",
                             threshold: Annotated[float, Query(ge=50, le=100)] = 80.0,
                             limit: Annotated[int, Query(ge=1, le=500)] = 50,
                             offset: Annotated[int, Query(ge=0)] = 0) -> AcrossTargetsPage:
    """The problems one round found in many targets, most targets first."""
    return across_targets(store=store, round=round, category=category, min_targets=min_targets, link=link,
                          threshold=threshold, limit=limit, offset=offset)
