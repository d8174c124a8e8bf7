"""Region timelines, team and person profiles, issues and the measures that address them."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query

from api.deps import StoreDep
from api.models import Page
from api.services import profiles, timeline

router = APIRouter(tags=["profiles"])

Limit = Annotated[int, Query(ge=1, le=500)]
Offset = Annotated[int, Query(ge=0)]


@router.get("/regions/{code}/timeline", response_model=timeline.Timeline)
def region_timeline(store: StoreDep, code: str,
                    include_subregions: Annotated[bool, Query(description="Add the regions within it.")] = False,
                    limit: Limit = 100, offset: Offset = 0) -> timeline.Timeline:
    """Inspections, issues and measures of a region in time order, each with its document and spans."""
    return timeline.region_timeline(store=store, code=code, include_subregions=include_subregions, limit=limit,
                                    offset=offset)


@router.get("/teams/{key:path}", response_model=profiles.TeamProfile)
def team(store: StoreDep, key: str, limit: Limit = 50, offset: Offset = 0) -> profiles.TeamProfile:
    """A team with members, rounds, targets and a page (limit/offset) of the issues it found."""
    return profiles.team(store=store, key=key, limit=limit, offset=offset)


@router.get("/people/{key:path}", response_model=profiles.PersonProfile)
def person(store: StoreDep, key: str) -> profiles.PersonProfile:
    """A person with titles, the bodies they hold posts in, and the documents that mention them."""
    return profiles.person(store=store, key=key)


@router.get("/issues", response_model=Page[profiles.IssueSummary])
def issues(store: StoreDep,
           category: Annotated[str | None, Query(description="Category code, e.g. funds.")] = None,
           target: Annotated[str | None, Query(description="Name, key, code or uid of the issue's target.")] = None,
           round: Annotated[str | None, Query(description="Name or key of a round of a team that found it.")] = None,
           limit: Limit = 50, offset: Offset = 0) -> Page[profiles.IssueSummary]:
    """Issues filtered by category, target and round."""
    return profiles.issues(store=store, category=category, target=target, round=round, limit=limit, offset=offset)


@router.get("/issues/{issue_id:path}/measures", response_model=Page[profiles.MeasureSummary])
def issue_measures(store: StoreDep, issue_id: str, limit: Limit = 50,
                   offset: Offset = 0) -> Page[profiles.MeasureSummary]:
    """The measures that address one issue."""
    return profiles.issue_measures(store=store, issue_id=issue_id, limit=limit, offset=offset)
