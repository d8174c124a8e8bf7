"""``POST /cypher``: one read-only openCypher query, with a time limit and a row cap.

The guard (:mod:`graph.readonly`) refuses anything that writes with 403; the store runs the query
with ``GRAPH.RO_QUERY`` as a second wall. The server's limits (``XUNSHI_QUERY_TIMEOUT_MS``,
``XUNSHI_MAX_ROWS``) can be lowered per request with ``timeout_ms`` and ``max_rows``, never raised.
FalkorDB stops a query at its timeout; the few expressions it cannot interrupt (one huge
``range()``) are cut off here, half a second later, so the client never waits much longer.
"""

from __future__ import annotations

import asyncio
import functools
from concurrent.futures import ThreadPoolExecutor
from typing import Any

from fastapi import APIRouter
from pydantic import BaseModel, Field

from api.deps import SettingsDep, StoreDep
from api.errors import InvalidRequestError
from api.services.cypher import CypherResult, run_cypher
from graph.errors import QueryMemoryError, QueryTimeoutError, ResultTooLargeError
from graph.readonly import check_parameters, check_read_only

router = APIRouter(tags=["cypher"])

#: Extra wait beyond the store's own timeout before the API gives up on a query.
GRACE_S = 0.5
# Queries run here, not in the shared thread pool: a query abandoned at its timeout keeps its
# thread until the store finishes it, and cannot starve the other endpoints.
_POOL = ThreadPoolExecutor(max_workers=8, thread_name_prefix="cypher")


class CypherRequest(BaseModel):
    query: str = Field(..., min_length=1, max_length=100_000, description="A read-only openCypher query.",
                       examples=["MATCH (r:Region {name: $name})<-[:TARGETS]-(t:Team) RETURN t.name LIMIT 10"])
    parameters: dict[str, Any] = Field(default_factory=dict, description="Values of the query's $parameters.")
    timeout_ms: int | None = Field(None, ge=1, description="A lower time limit for this query, in milliseconds "
                                                           "(at most the server's XUNSHI_QUERY_TIMEOUT_MS).")
    max_rows: int | None = Field(None, ge=1, description="A lower row cap for this query (at most the server's "
                                                         "XUNSHI_MAX_ROWS).")


class CypherResponse(CypherResult):
    message: str | None = Field(None, description="Set when the rows were cut at the row cap: what to do about it.")


_PROBLEM: dict[str, Any] = {"content": {"application/problem+json": {}}}


@router.post("/cypher", response_model=CypherResponse, responses={
    400: {"description": "The query is invalid or failed", **_PROBLEM},
    403: {"description": "The query writes, or calls a procedure that writes", **_PROBLEM},
    408: {"description": "The query ran longer than its time limit", **_PROBLEM},
    413: {"description": "The answer, or the memory the query needs in the store, is over the limit", **_PROBLEM},
    422: {"description": "A limit above the server's, or a malformed body", **_PROBLEM},
})
async def cypher(body: CypherRequest, store: StoreDep, settings: SettingsDep) -> CypherResponse:
    """Run one read-only query; rows past the row cap are cut and ``truncated`` is true."""
    timeout_ms = _lower("timeout_ms", body.timeout_ms, settings.query_timeout_ms, "XUNSHI_QUERY_TIMEOUT_MS", " ms")
    max_rows = _lower("max_rows", body.max_rows, settings.max_rows, "XUNSHI_MAX_ROWS", " rows")
    # Refuse writes and bad parameters before queueing for a worker (services checks the query again).
    check_read_only(body.query)
    check_parameters(body.parameters)
    call = functools.partial(run_cypher, store=store, query=body.query, parameters=body.parameters,
                             timeout_ms=timeout_ms, max_rows=max_rows, max_bytes=settings.max_result_bytes)
    loop = asyncio.get_running_loop()
    try:
        result = await asyncio.wait_for(loop.run_in_executor(_POOL, call), timeout=timeout_ms / 1000 + GRACE_S)
    except (TimeoutError, QueryTimeoutError) as exc:
        raise _timed_out(timeout_ms, settings.query_timeout_ms) from exc
    except ResultTooLargeError as exc:
        raise ResultTooLargeError(f"{exc.reason}: the server allows {settings.max_result_bytes:,} bytes per answer "
                                  f"(XUNSHI_MAX_RESULT_BYTES); return fewer rows or smaller values (properties "
                                  f"instead of whole nodes, LIMIT, paging)") from exc
    except QueryMemoryError as exc:
        raise QueryMemoryError(f"{exc.reason} ({settings.query_memory_mb} MB, XUNSHI_QUERY_MEMORY_MB): avoid "
                               f"cartesian products (MATCH (a), (b) without a pattern joining them), collect "
                               f"less, add LIMIT early") from exc
    message = None
    if result.truncated:
        message = (f"only the first {max_rows} rows are returned (the row cap): page with ORDER BY ... SKIP ... "
                   f"LIMIT ..., or raise the cap with XUNSHI_MAX_ROWS on the server "
                   f"(max_rows in the request can only lower it; the server allows {settings.max_rows})")
    return CypherResponse(columns=result.columns, rows=result.rows, truncated=result.truncated, message=message)


def _lower(field: str, asked: int | None, limit: int, env: str, unit: str) -> int:
    """The request's value if it is at most the server's limit, the limit if none was asked, else a 422."""
    if asked is None:
        return limit
    if asked > limit:
        raise InvalidRequestError(f"{field}: {asked}{unit} is above this server's limit of {limit}{unit}; a request "
                                  f"can only lower it (set {env} on the server to raise it)")
    return asked


def _timed_out(timeout_ms: int, server_ms: int) -> QueryTimeoutError:
    lowered = f" (lowered by timeout_ms in the request; the server allows {server_ms} ms)" \
        if timeout_ms < server_ms else ""
    return QueryTimeoutError(f"the query ran longer than its time limit of {timeout_ms} ms{lowered} and was stopped: "
                             f"make it more selective (start from an indexed key, add LIMIT, bound variable-length "
                             f"paths), or raise the limit with XUNSHI_QUERY_TIMEOUT_MS on the server")
