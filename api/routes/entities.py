"""``/entities``: one entity with its relationships, its neighbourhood; ``/paths`` between two entities."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Path, Query

from api.deps import StoreDep
from api.models import EntityLabel
from api.services import explore

router = APIRouter(tags=["entities"])

KeyPath = Annotated[str, Path(description="The entity's key (code for regions, id for issues and measures).")]


@router.get("/entities/{label}/{key:path}/neighbors", response_model=explore.Neighborhood)
def neighbors(store: StoreDep, label: EntityLabel, key: KeyPath,
              depth: Annotated[int, Query(ge=1, le=3, description="Steps away from the entity.")] = 1,
              include_documents: Annotated[bool, Query(description="Keep documents and MENTIONED_IN edges.")] = False,
              max_nodes: Annotated[int, Query(ge=1, le=explore.MAX_NODES)] = explore.MAX_NODES,
              ) -> explore.Neighborhood:
    """Nodes and edges within ``depth`` steps, for a graph view; ``truncated`` when ``max_nodes`` was hit."""
    return explore.neighbors(store=store, label=label.value, key=key, depth=depth,
                             include_documents=include_documents, max_nodes=max_nodes)


@router.get("/entities/{label}/{key:path}", response_model=explore.EntityDetail)
def entity(store: StoreDep, label: EntityLabel, key: KeyPath) -> explore.EntityDetail:
    """One entity: its properties and its relationships grouped by type, provenance included."""
    return explore.entity(store=store, label=label.value, key=key)


@router.get("/paths", response_model=explore.Paths)
def paths(store: StoreDep,
          source: Annotated[str, Query(alias="from", description="uid Label:key of one end.")],
          target: Annotated[str, Query(alias="to", description="uid Label:key of the other end.")],
          max_hops: Annotated[int, Query(ge=1, le=explore.MAX_PATH_HOPS)] = 4,
          limit: Annotated[int, Query(ge=1, le=100)] = 5,
          offset: Annotated[int, Query(ge=0)] = 0) -> explore.Paths:
    """The shortest connections between two entities over the graph's facts (documents left out)."""
    return explore.paths(store=store, source=source, target=target, max_hops=max_hops, limit=limit, offset=offset)
