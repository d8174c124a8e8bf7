"""A byte budget on the answers FalkorDB sends this process, so one query cannot fill its memory.

FalkorDB builds a query's whole answer and sends it in one reply; the client reads every byte of it
before anything else can look at it. A user's ``MATCH (a), (b) RETURN a, b`` is thousands of nodes
with their texts per row. The reader here counts the bytes of the reply being read and gives up once
it passes the budget of the current call (:func:`budget`), dropping the connection (the rest of the
reply is never read; the pool opens a fresh one). Calls without a budget (the product's own queries)
read as before.

It is installed as the connection pool's ``parser_class`` (redis-py's documented hook) over redis-py's
RESP2 parser.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from contextvars import ContextVar
from io import SEEK_END
from typing import Any

from redis._parsers import _RESP2Parser
from redis._parsers.socket import SocketBuffer

_BUDGET: ContextVar[int | None] = ContextVar("xunshi_reply_budget", default=None)


class ReplyTooLarge(Exception):
    """The reply passed the budget; the connection it came on is dropped."""

    def __init__(self, budget: int) -> None:
        super().__init__(f"the reply passed {budget} bytes")
        self.budget = budget


@contextlib.contextmanager
def budget(max_bytes: int | None) -> Iterator[None]:
    """Reads inside this block may receive at most ``max_bytes`` per reply (None: no limit)."""
    token = _BUDGET.set(max_bytes)
    try:
        yield
    finally:
        _BUDGET.reset(token)


class _CountingBuffer(SocketBuffer):
    def __init__(self, *args: Any) -> None:
        super().__init__(*args)
        self.received = 0

    def _size(self) -> int:
        position = self._buffer.tell()
        size = self._buffer.seek(0, SEEK_END)
        self._buffer.seek(position)
        return size

    def _read_from_socket(self, *args: Any, **kwargs: Any) -> bool:
        before = self._size()
        try:
            return super()._read_from_socket(*args, **kwargs)
        finally:
            self.received += self._size() - before
            limit = _BUDGET.get()
            if limit is not None and self.received > limit:
                raise ReplyTooLarge(limit)


class BudgetParser(_RESP2Parser):
    """redis-py's RESP2 parser reading through a buffer that counts each reply's bytes."""

    def on_connect(self, connection: Any) -> None:
        super().on_connect(connection)
        self._buffer = _CountingBuffer(self._sock, self.socket_read_size, connection.socket_timeout)

    def read_response(self, *args: Any, **kwargs: Any) -> Any:
        if isinstance(self._buffer, _CountingBuffer):
            self._buffer.received = 0
        return super().read_response(*args, **kwargs)
