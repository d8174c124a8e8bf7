"""uvicorn's HTTP/1.1 protocol with a time limit on a request's headers.

uvicorn closes an idle connection only once it has answered a request on it (``timeout_keep_alive``). A
connection that never sends a whole request line and headers — opened and left idle, or fed a byte at a
time — is held for ever, and enough of them take every slot of ``XUNSHI_MAX_CONNECTIONS``. Here every
connection must deliver its request's headers within :data:`HEADER_TIMEOUT_S` of being opened (or of its
previous answer); one that has not is closed. A request whose headers arrived is never cut (uploads take
as long as they take; the API's own limits bound the work).
"""

from __future__ import annotations

import asyncio
from typing import Any

import h11
from uvicorn.protocols.http.h11_impl import H11Protocol

HEADER_TIMEOUT_S = 10.0


class HeaderTimeoutProtocol(H11Protocol):
    """H11Protocol whose connections close when a request's headers do not arrive in time."""

    header_timeout_s = HEADER_TIMEOUT_S

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._header_timer: asyncio.TimerHandle | None = None

    def connection_made(self, transport: asyncio.Transport) -> None:  # type: ignore[override]
        super().connection_made(transport)
        self._arm()

    def on_response_complete(self) -> None:
        super().on_response_complete()
        self._arm()

    def connection_lost(self, exc: Exception | None) -> None:
        if self._header_timer is not None:
            self._header_timer.cancel()
            self._header_timer = None
        super().connection_lost(exc)

    def _arm(self) -> None:
        if self._header_timer is not None:
            self._header_timer.cancel()
        self._header_timer = self.loop.call_later(self.header_timeout_s, self._headers_late)

    def _headers_late(self) -> None:
        self._header_timer = None
        waiting = self.conn.their_state is h11.IDLE and (self.cycle is None or self.cycle.response_complete)
        if waiting and not self.transport.is_closing():
            self.transport.close()
