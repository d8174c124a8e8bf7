from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query
from pydantic import BaseModel

from api import services
from api.deps import StoreDep

router = APIRouter(prefix="/documents", tags=["documents"])


class DocumentPublic(BaseModel):
    id: str
    name: str | None = None
    title: str | None = None
    published: str | None = None
    kind: str | None = None
    extractor: str | None = None
    source: str | None = None


class DocumentsPublic(BaseModel):
    data: list[DocumentPublic]
    count: int
    limit: int
    offset: int


@router.get("", response_model=DocumentsPublic)
def list_documents(store: StoreDep, limit: Annotated[int, Query(ge=1, le=500)] = 50,
                   offset: Annotated[int, Query(ge=0)] = 0) -> DocumentsPublic:
    page = services.run_named(store=store, name="documents", parameters={"offset": offset, "limit": limit})
    total = services.run_named(store=store, name="documents_count").rows[0][0]
    data = [DocumentPublic(**dict(zip(page.columns, row, strict=False))) for row in page.rows]
    return DocumentsPublic(data=data, count=total, limit=limit, offset=offset)
