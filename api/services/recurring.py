"""Recurring issues for the API and the CLI: resolve the target as a reader writes it, run the named
query, group (graph/recurrence.py), page."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, Field

from graph.cache import cached
from graph.recurrence import AcrossTargets, Link, Recurrence, group_across_targets, group_recurrences, statements
from graph.store import Store
from loaders.places import store_key


class RecurringPage(BaseModel):
    data: list[Recurrence]
    count: int = Field(description="Recurring problems in all, before paging.")
    limit: int
    offset: int


class AcrossTargetsPage(BaseModel):
    data: list[AcrossTargets]
    count: int
    limit: int
    offset: int


def cached_statements(*, store: Store, target: str | None = None, category: str | None = None
                      ) -> list[dict[str, Any]]:
    """The statement rows of one target (or all), reused until the graph changes."""
    return cached(store, ("rows", target, category), lambda: statements(store, target=target, category=category))


def recurring(*, store: Store, target: str | None = None, category: str | None = None, min_rounds: int = 2,
              since: str | None = None, until: str | None = None, link: Link = "similar",
              threshold: float = 80.0, limit: int = 50, offset: int = 0) -> RecurringPage:
    resolved = store_key(target)

    def compute() -> list[Recurrence]:
        rows = cached_statements(store=store, target=resolved, category=category)
        return group_recurrences(rows, min_rounds=min_rounds, link=link, threshold=threshold, since=since,
                                 until=until)

    found = cached(store, ("recurring", resolved, category, min_rounds, link, threshold, since, until), compute)
    return RecurringPage(data=found[offset:offset + limit], count=len(found), limit=limit, offset=offset)


def across_targets(*, store: Store, round: str | None = None, category: str | None = None, min_targets: int = 2,
                   link: Link = "similar", threshold: float = 80.0, limit: int = 50,
                   offset: int = 0) -> AcrossTargetsPage:
    def compute() -> list[AcrossTargets]:
        rows = cached_statements(store=store, category=category)
        return group_across_targets(rows, min_targets=min_targets, link=link, threshold=threshold,
                                    round_filter=round)

    found = cached(store, ("across", round, category, min_targets, link, threshold), compute)
    return AcrossTargetsPage(data=found[offset:offset + limit], count=len(found), limit=limit, offset=offset)
