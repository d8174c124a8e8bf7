from __future__ import annotations

from fastapi import APIRouter
from pydantic import BaseModel

from api.deps import StoreDep
from api.services.stats import Stats
from api.services.stats import stats as count_stats
from api.vocabulary import Vocabulary, vocabulary

router = APIRouter(tags=["system"])


class Health(BaseModel):
    status: str
    store: str


@router.get("/health", response_model=Health)
def health(store: StoreDep) -> Health:
    store.read("RETURN 1")
    return Health(status="ok", store=getattr(store, "location", store.name))


@router.get("/stats", response_model=Stats)
def stats(store: StoreDep) -> Stats:
    return count_stats(store=store)


@router.get("/vocabulary", response_model=Vocabulary)
def display_names() -> Vocabulary:
    """Chinese display names of node labels, issue categories and link kinds (what the web page shows)."""
    return vocabulary()
