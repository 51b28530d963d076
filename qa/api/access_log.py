"""One log line per request: method, path, status, milliseconds. Probe and scrape routes
(Settings.access_log_quiet) are left out, so the log shows what users did."""

from __future__ import annotations

import logging

from qa.api.middleware import timed_call

log = logging.getLogger("qa.access")


class AccessLog:
    def __init__(self, app, quiet: list[str] | tuple[str, ...] = ()):
        self.app = app
        self.quiet = frozenset(quiet)

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http" or scope.get("path") in self.quiet:
            return await self.app(scope, receive, send)
        result = {"status": 500, "ms": 0.0}
        try:
            await timed_call(self.app, scope, receive, send, result)
        finally:
            # The path only, never the query string: it may hold a user's question.
            log.info("%s %s %d %.1f ms", scope.get("method", "?"), scope.get("path", ""), result["status"],
                     result["ms"])
