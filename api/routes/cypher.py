from __future__ import annotations

from typing import Any

from fastapi import APIRouter
from pydantic import BaseModel, Field

from api import services
from api.deps import SettingsDep, StoreDep

router = APIRouter(tags=["cypher"])


class CypherRequest(BaseModel):
    query: str = Field(..., min_length=1, description="A read-only openCypher query.")
    parameters: dict[str, Any] = Field(default_factory=dict)


@router.post("/cypher", response_model=services.CypherResult)
def cypher(body: CypherRequest, store: StoreDep, settings: SettingsDep) -> services.CypherResult:
    return services.run_cypher(store=store, query=body.query, parameters=body.parameters,
                               timeout_ms=settings.query_timeout_ms, max_rows=settings.max_rows)
