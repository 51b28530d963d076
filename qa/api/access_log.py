"""One log line per request: method, path, status, milliseconds. Probe and scrape routes
(Settings.access_log_quiet) are left out, so the log shows what users did."""

from __future__ import annotations

import logging
import time

log = logging.getLogger("qa.access")


class AccessLog:
    def __init__(self, app, quiet: list[str] | tuple[str, ...] = ()):
        self.app = app
        self.quiet = frozenset(quiet)

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http" or scope.get("path") in self.quiet:
            return await self.app(scope, receive, send)
        t0 = time.perf_counter()
        status = 500

        async def capture(msg):
            nonlocal status
            if msg["type"] == "http.response.start":
                status = msg["status"]
            await send(msg)

        try:
            await self.app(scope, receive, capture)
        finally:
            # The path only, never the query string: it may hold a user's question.
            log.info("%s %s %d %.1f ms", scope.get("method", "?"), scope.get("path", ""), status,
                     (time.perf_counter() - t0) * 1000)
