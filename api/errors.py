"""One error shape for the whole API: JSON problem details (status, title, detail)."""

from __future__ import annotations

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException

from loaders.errors import (
    FileTooLargeError,
    LoadError,
    QueryError,
    ReadOnlyViolation,
    StoreError,
    XunshiError,
)


class ProblemError(Exception):
    def __init__(self, status: int, title: str, detail: str) -> None:
        self.status, self.title, self.detail = status, title, detail


def problem(status: int, title: str, detail: str, code: str | None = None) -> JSONResponse:
    body = {"status": status, "title": title, "detail": detail}
    if code:
        body["code"] = code
    return JSONResponse(body, status_code=status, media_type="application/problem+json")


def _status_of(exc: XunshiError) -> tuple[int, str]:
    if isinstance(exc, ReadOnlyViolation):
        return 403, "Read-only"
    if isinstance(exc, FileTooLargeError):
        return 413, "Document too large"
    if isinstance(exc, LoadError):
        return 422, "Unreadable document"
    if isinstance(exc, QueryError):
        return 400, "Query failed"
    if isinstance(exc, StoreError):
        return 503, "Store unavailable"
    return 400, "Bad request"


def install(app: FastAPI) -> None:
    @app.exception_handler(ProblemError)
    async def _problem(_: Request, exc: ProblemError) -> JSONResponse:
        return problem(exc.status, exc.title, exc.detail)

    @app.exception_handler(XunshiError)
    async def _xunshi(_: Request, exc: XunshiError) -> JSONResponse:
        status, title = _status_of(exc)
        return problem(status, title, str(exc), exc.code)

    @app.exception_handler(RequestValidationError)
    async def _invalid(_: Request, exc: RequestValidationError) -> JSONResponse:
        detail = "; ".join(f"{'.'.join(str(p) for p in e['loc'])}: {e['msg']}" for e in exc.errors())
        return problem(422, "Invalid parameters", detail)

    @app.exception_handler(StarletteHTTPException)
    async def _http(_: Request, exc: StarletteHTTPException) -> JSONResponse:
        return problem(exc.status_code, "Not found" if exc.status_code == 404 else "HTTP error", str(exc.detail))
