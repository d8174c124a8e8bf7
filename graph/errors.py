"""Errors of the graph layer (``E2xx``): the store, queries and exports. All are :class:`XunshiError`."""

from __future__ import annotations

from loaders.errors import XunshiError

__all__ = ["ExportError", "FilterError", "QueryError", "QueryTimeoutError", "ReadOnlyViolation", "StoreError",
           "XunshiError"]


class StoreError(XunshiError):
    """The graph store cannot be reached, started or written."""

    code = "E200"


class ReadOnlyViolation(XunshiError):
    """A query sent to a read-only path tries to write."""

    code = "E201"


class QueryError(XunshiError):
    """A query is unknown, malformed, timed out or returned too many rows."""

    code = "E202"


class QueryTimeoutError(QueryError):
    """A query ran longer than its time limit and was stopped."""

    code = "E204"


class ResultTooLargeError(QueryError):
    """A read's answer is larger than the reader allows (``XUNSHI_MAX_RESULT_BYTES``): it was cut off
    before it could fill this process's memory."""

    code = "E205"


class QueryMemoryError(QueryError):
    """A query needs more memory inside the store than one query may take (``XUNSHI_QUERY_MEMORY_MB``)."""

    code = "E206"


class ExportError(XunshiError):
    """The graph cannot be exported as asked: a bad selection, format or destination."""

    code = "E210"


class FilterError(ExportError):
    """An export filter names something that does not exist or is malformed."""

    code = "E211"
