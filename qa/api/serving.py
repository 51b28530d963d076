"""uvicorn options for `qa serve`: timeouts that close idle, silent and slow connections.

uvicorn closes a connection idle *after* a response (timeout_keep_alive), but one that never
sends a complete request head (a silent socket, or headers a byte at a time) stays open for
ever. The h11 protocol below arms a timer whenever it waits for a request head and closes the
connection if the head is not complete in time. A slow body is the ASGI layer's job
(qa.api.middleware.BodyLimit answers 408)."""

from __future__ import annotations

from uvicorn.protocols.http.h11_impl import H11Protocol

from qa.config import Settings


class HeadTimeoutH11(H11Protocol):
    head_timeout: float = 20.0

    def connection_made(self, transport) -> None:
        super().connection_made(transport)
        self._head_timer = None
        self._arm()

    def _waiting_for_head(self) -> bool:
        return self.cycle is None or self.cycle.response_complete

    def _arm(self) -> None:
        if self._head_timer is None:
            self._head_timer = self.loop.call_later(self.head_timeout, self._head_timed_out)

    def _disarm(self) -> None:
        if self._head_timer is not None:
            self._head_timer.cancel()
            self._head_timer = None

    def data_received(self, data: bytes) -> None:
        if self._waiting_for_head():
            self._arm()
        super().data_received(data)
        if not self._waiting_for_head():
            self._disarm()

    def connection_lost(self, exc) -> None:
        self._disarm()
        super().connection_lost(exc)

    def _head_timed_out(self) -> None:
        self._head_timer = None
        if self._waiting_for_head() and not self.transport.is_closing():
            self.transport.close()


def uvicorn_options(settings: Settings) -> dict:
    """Keyword arguments for uvicorn.run / uvicorn.Config."""
    protocol = type("HeadTimeoutH11", (HeadTimeoutH11,), {"head_timeout": settings.timeout_read})
    return {"http": protocol, "timeout_keep_alive": settings.timeout_keep_alive}
