"""The services' errors (``E3xx``) and the one error shape of the HTTP API.

Services raise :class:`~loaders.errors.XunshiError` subclasses and never speak HTTP. Here
each class gets its HTTP status once (:data:`STATUS`), and every error — the product's own,
FastAPI's validation errors and Starlette's HTTP errors — leaves the API as one
``application/problem+json`` body::

    {"status": 404, "title": "Not found", "detail": "no document with id 'x'", "code": "E301"}

The CLI maps the same classes to exit codes (``api/cli/common.py``).
"""

from __future__ import annotations

import logging
from pathlib import PurePath

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException

from graph.errors import (
    ExportError,
    FilterError,
    QueryError,
    QueryMemoryError,
    QueryTimeoutError,
    ReadOnlyViolation,
    ResultTooLargeError,
    StoreError,
)
from loaders.errors import FileTooLargeError, LimitExceededError, LoadError, XunshiError

_log = logging.getLogger("xunshi")


class ServiceError(XunshiError):
    """A request a service cannot answer as asked. ``title`` names the kind of failure for people."""

    code = "E300"
    title = "Bad request"

    def __init__(self, message: str, *, title: str | None = None) -> None:
        super().__init__(message)
        if title is not None:
            self.title = title


class NotFoundError(ServiceError):
    """What the request names (a document, an entity, a target) is not in the graph."""

    code = "E301"
    title = "Not found"


class InvalidRequestError(ServiceError):
    """The request's parameters or body are malformed, out of range or contradict each other."""

    code = "E302"
    title = "Invalid parameters"


class UnauthorizedError(ServiceError):
    """A write without the configured API key."""

    code = "E303"
    title = "API key required"


#: HTTP status and default title of each error class, most specific first.
STATUS: tuple[tuple[type[XunshiError], int, str], ...] = (
    (UnauthorizedError, 401, "API key required"),
    (NotFoundError, 404, "Not found"),
    (InvalidRequestError, 422, "Invalid parameters"),
    (ReadOnlyViolation, 403, "Read-only"),
    (QueryTimeoutError, 408, "Query timed out"),
    (ResultTooLargeError, 413, "Answer too large"),
    (QueryMemoryError, 413, "Query needs too much memory"),
    (FileTooLargeError, 413, "Document too large"),
    (LimitExceededError, 413, "Document over a limit"),
    (LoadError, 422, "Unreadable document"),
    (FilterError, 422, "Invalid export filter"),
    (QueryError, 400, "Query failed"),
    (ExportError, 400, "Export failed"),
    (StoreError, 503, "Store unavailable"),
    (XunshiError, 400, "Bad request"),
)


def status_of(exc: XunshiError) -> tuple[int, str]:
    """The HTTP status and title of an error."""
    for cls, status, title in STATUS:
        if isinstance(exc, cls):
            return status, exc.title if isinstance(exc, ServiceError) else title
    return 400, "Bad request"  # pragma: no cover - XunshiError closes the table


def detail_of(exc: XunshiError) -> str:
    """The message of an error without its code (the body carries the code on its own), naming a file by
    its name only: a client learns nothing of the server's folders. A failing store's message (which names
    its data directory, socket or log) stays in the server's log; the client is told where to look."""
    if isinstance(exc, StoreError):
        _log.error("store error: %s", exc)
        return "the graph store is not answering; the server's log has the details"
    if not exc.path:
        return exc.reason
    return f"{PurePath(exc.path).name if PurePath(exc.path).is_absolute() else exc.path}: {exc.reason}"


def problem(status: int, title: str, detail: str, code: str) -> JSONResponse:
    body = {"status": status, "title": title, "detail": detail, "code": code}
    return JSONResponse(body, status_code=status, media_type="application/problem+json")


def problem_of(exc: XunshiError) -> JSONResponse:
    status, title = status_of(exc)
    return problem(status, title, detail_of(exc), exc.code)


def install(app: FastAPI) -> None:
    @app.exception_handler(XunshiError)
    async def _xunshi(_: Request, exc: XunshiError) -> JSONResponse:
        return problem_of(exc)

    @app.exception_handler(RequestValidationError)
    async def _invalid(_: Request, exc: RequestValidationError) -> JSONResponse:
        detail = "; ".join(f"{'.'.join(str(p) for p in e['loc'])}: {e['msg']}" for e in exc.errors())
        return problem(422, "Invalid parameters", detail, InvalidRequestError.code)

    @app.exception_handler(Exception)
    async def _internal(request: Request, exc: Exception) -> JSONResponse:
        # A bug: the client gets a plain answer (no trace, no server path), the log gets the trace.
        _log.error("internal error on %s %s", request.method, request.url.path, exc_info=exc)
        return problem(500, "Internal error", "the server failed to answer this request; its log has the "
                                              "details", "E399")

    @app.exception_handler(StarletteHTTPException)
    async def _http(_: Request, exc: StarletteHTTPException) -> JSONResponse:
        if exc.status_code == 404:
            return problem(404, "Not found", str(exc.detail), NotFoundError.code)
        return problem(exc.status_code, "HTTP error", str(exc.detail), ServiceError.code)
