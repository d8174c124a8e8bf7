"""``GET /search``: entities of every type by name, fuzzy."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query

from api.deps import StoreDep
from api.models import EntityLabel, Page
from api.services import explore

router = APIRouter(tags=["search"])


@router.get("/search", response_model=Page[explore.SearchHit])
def search(store: StoreDep,
           q: Annotated[str, Query(min_length=1, max_length=200, description="Name or part of it; one wrong or "
                                   "missing character is forgiven, Traditional characters are folded.")],
           label: Annotated[EntityLabel | None, Query(description="Only entities with this label.")] = None,
           limit: Annotated[int, Query(ge=1, le=200)] = 20,
           offset: Annotated[int, Query(ge=0)] = 0) -> Page[explore.SearchHit]:
    """Entities whose name matches ``q``, best first, each with a score (0..100) and a detail line."""
    return explore.search(store=store, q=q, label=label.value if label else None, limit=limit, offset=offset)
