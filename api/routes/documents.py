from __future__ import annotations

import json
from functools import partial
from typing import Annotated

from fastapi import APIRouter, Query, Request, Response
from fastapi.concurrency import run_in_threadpool
from pydantic import ValidationError

from api.deps import ApiKeyDep, SettingsDep, StoreDep
from api.errors import InvalidRequestError
from api.services.cypher import run_named
from api.services.documents import (
    DocumentDetail,
    DocumentPublic,
    DocumentsPublic,
    DocumentText,
    UploadResult,
    get_document,
    get_extraction,
    remove_document,
    upload,
)
from loaders.record import Record

router = APIRouter(prefix="/documents", tags=["documents"])


@router.get("", response_model=DocumentsPublic)
def list_documents(store: StoreDep, limit: Annotated[int, Query(ge=1, le=500)] = 50,
                   offset: Annotated[int, Query(ge=0)] = 0) -> DocumentsPublic:
    page = run_named(store=store, name="documents", parameters={"offset": offset, "limit": limit})
    total = run_named(store=store, name="documents_count").rows[0][0]
    data = [DocumentPublic(**dict(zip(page.columns, row, strict=False))) for row in page.rows]
    return DocumentsPublic(data=data, count=total, limit=limit, offset=offset)


_UPLOAD_BODY = {
    "requestBody": {
        "required": True,
        "content": {
            "multipart/form-data": {"schema": {
                "type": "object", "required": ["files"],
                "properties": {"files": {"type": "array", "items": {"type": "string", "format": "binary"}}}}},
            "application/json": {"schema": DocumentText.model_json_schema()},
        },
    },
}


@router.post("", response_model=UploadResult, status_code=201, openapi_extra=_UPLOAD_BODY,
             responses={413: {"description": "Every file was too large"},
                        422: {"description": "No file could be read, or the body is not valid"}})
async def upload_documents(request: Request, response: Response, store: StoreDep, settings: SettingsDep,
                           _: ApiKeyDep) -> UploadResult:
    """Upload one or more files (multipart field ``files``) or JSON ``{name, text}``: each is loaded,
    extracted and written in one transaction; the response has the records and the per-file errors."""
    limit = settings.max_upload_bytes
    content_type = request.headers.get("content-type", "")
    uploads: list[tuple[str, bytes]] = []
    if content_type.startswith("multipart/form-data"):
        form = await request.form()
        for value in form.getlist("files"):
            if isinstance(value, str):
                raise InvalidRequestError("the field 'files' must hold files, not text", title="Invalid upload")
            uploads.append((value.filename or "upload.txt", await value.read(limit + 1)))
        if not uploads:
            raise InvalidRequestError("no files: send them in the multipart field 'files'", title="Invalid upload")
    else:
        try:
            body = DocumentText.model_validate(json.loads(await request.body() or b"null"))
        except json.JSONDecodeError as exc:
            raise InvalidRequestError(f"the body is not JSON ({exc.msg}); send multipart 'files', or JSON "
                                      "{\"name\": ..., \"text\": ...}", title="Invalid upload") from exc
        except ValidationError as exc:
            fields = "; ".join(f"{'.'.join(map(str, e['loc'])) or 'body'}: {e['msg']}" for e in exc.errors())
            raise InvalidRequestError(f"{fields}; send multipart 'files', or JSON {{\"name\": ..., \"text\": ...}}",
                                      title="Invalid upload") from exc
        uploads.append((body.name, body.text.encode("utf-8")))
    return await run_in_threadpool(partial(upload, store=store, uploads=uploads, max_bytes=limit))


@router.get("/{doc_id}", response_model=DocumentDetail, responses={404: {"description": "Unknown document"}})
def read_document(doc_id: str, store: StoreDep) -> DocumentDetail:
    """Metadata, the normalised text and the original text of one document."""
    return get_document(store=store, doc_id=doc_id)


@router.get("/{doc_id}/extraction", response_model=Record, responses={404: {"description": "Unknown document"}})
def read_extraction(doc_id: str, store: StoreDep) -> Record:
    """The extraction record of one document, every item with its spans into the original text."""
    return get_extraction(store=store, doc_id=doc_id)


@router.delete("/{doc_id}", status_code=204, responses={404: {"description": "Unknown document"}})
def delete(doc_id: str, store: StoreDep, _: ApiKeyDep) -> Response:
    """Remove the document and every fact only it supported."""
    remove_document(store=store, doc_id=doc_id)
    return Response(status_code=204)
