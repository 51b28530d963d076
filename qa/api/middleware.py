"""ASGI middleware: body size and read-time limits, JSON values the service refuses, HEAD as
GET, the overload gate for heavy routes, and metrics."""

from __future__ import annotations

import asyncio
import json
import math
import time

# Methods kept as their own metrics label; anything else a client sends is "other", so the
# number of series stays bounded whatever clients send.
KNOWN_METHODS = frozenset({"GET", "HEAD", "POST", "PUT", "DELETE", "PATCH", "OPTIONS"})


async def _error(send, status: int, message: str, headers: list | None = None):
    body = json.dumps({"error": message}).encode()
    await send({"type": "http.response.start", "status": status,
                "headers": [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode()),
                            *(headers or [])]})
    await send({"type": "http.response.body", "body": body})


async def timed_call(app, scope, receive, send, result: dict) -> None:
    """Run app, filling result["status"] (the response's, 500 if none started) and
    result["ms"] (wall time), also when the app raises."""
    t0 = time.perf_counter()

    async def capture(msg):
        if msg["type"] == "http.response.start":
            result["status"] = msg["status"]
        await send(msg)

    try:
        await app(scope, receive, capture)
    finally:
        result["ms"] = (time.perf_counter() - t0) * 1000


def clip(text: str, limit: int = 80) -> str:
    """At most limit characters of something a client sent, for an error message."""
    text = str(text)
    return text if len(text) <= limit else text[:limit] + "…"


class BodyLimit:
    """Reads the whole body before the app sees it (it is small by construction): over max_bytes
    is 413 whether or not a Content-Length was sent, and a client that stops sending for
    read_timeout seconds gets 408 and the connection closed."""

    def __init__(self, app, max_bytes: int, read_timeout: float = 20.0):
        self.app = app
        self.max_bytes = max_bytes
        self.read_timeout = read_timeout

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        for name, value in scope.get("headers", []):
            if name == b"content-length":
                try:
                    too_big = int(value) > self.max_bytes
                except ValueError:
                    return await _error(send, 400, "invalid Content-Length header")
                if too_big:
                    return await _error(send, 413, f"request body over {self.max_bytes} bytes")
        chunks: list[bytes] = []
        seen = 0
        while True:
            try:
                msg = await asyncio.wait_for(receive(), self.read_timeout)
            except asyncio.TimeoutError:
                return await _error(send, 408, f"request body not received within {self.read_timeout:g} s",
                                    [(b"connection", b"close")])
            if msg["type"] == "http.disconnect":
                return
            body = msg.get("body", b"")
            seen += len(body)
            if seen > self.max_bytes:
                return await _error(send, 413, f"request body over {self.max_bytes} bytes", [(b"connection", b"close")])
            chunks.append(body)
            if not msg.get("more_body", False):
                break
        whole = b"".join(chunks)
        replayed = False

        async def replay():
            nonlocal replayed
            if not replayed:
                replayed = True
                return {"type": "http.request", "body": whole, "more_body": False}
            return await receive()

        await self.app(scope, replay, send)


class _Refused(ValueError):
    pass


def _reject_constant(name: str):
    raise _Refused(f"{name} is not a JSON number")


def _finite(text: str) -> float:
    value = float(text)
    if not math.isfinite(value):
        raise _Refused(f"number {clip(text, 20)} is out of range")
    return value


def _check_strings(value) -> None:
    """Lone surrogates ("\\ud800") are legal in JSON text but are not characters: refused."""
    stack = [value]
    while stack:
        v = stack.pop()
        if isinstance(v, str):
            try:
                v.encode("utf-8")
            except UnicodeEncodeError:
                raise _Refused("a string holds a lone surrogate (\\ud800-\\udfff), which is not a character") from None
        elif isinstance(v, dict):
            stack.extend(v.keys())
            stack.extend(v.values())
        elif isinstance(v, list):
            stack.extend(v)


class JsonGuard:
    """Refuses, with a 4xx, JSON bodies the app could take in but never answer: NaN, Infinity,
    numbers beyond float range (1e400) and lone surrogates; and bodies that are not JSON by
    their Content-Type (415). Runs inside BodyLimit, so the body is whole and small."""

    def __init__(self, app):
        self.app = app

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http" or scope.get("method") not in ("POST", "PUT", "PATCH"):
            return await self.app(scope, receive, send)
        ctype = ""
        for name, value in scope.get("headers", []):
            if name == b"content-type":
                ctype = value.decode("latin-1").split(";")[0].strip().lower()
        if ctype and ctype != "application/json" and not ctype.endswith("+json"):
            return await _error(send, 415, "send the body as Content-Type: application/json")
        msg = await receive()
        body = msg.get("body", b"")
        if body.strip():
            try:
                text = body.decode("utf-8")
            except UnicodeDecodeError:
                return await _error(send, 400, "body is not UTF-8 text")
            try:
                _check_strings(json.loads(text, parse_constant=_reject_constant, parse_float=_finite,
                                          parse_int=_bounded_int))
            except _Refused as e:
                return await _error(send, 422, f"body: {e}")
            except RecursionError:
                return await _error(send, 422, "body: JSON nested too deeply")
            except ValueError:
                pass  # not JSON: the app's own parser says so, in its words
        sent = False

        async def replay():
            nonlocal sent
            if not sent:
                sent = True
                return msg
            return await receive()

        await self.app(scope, replay, send)


def _bounded_int(text: str) -> int:
    # Python's own guard (int max str digits) raises ValueError past 4300 digits; refuse
    # earlier with a clear line: no field of this API holds a number that long.
    if len(text.lstrip("-")) > 30:
        raise _Refused(f"number {clip(text, 20)} is out of range")
    return int(text)


class HeadAsGet:
    """HEAD wherever GET works: the request is run as GET and the body dropped."""

    def __init__(self, app):
        self.app = app

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http" or scope.get("method") != "HEAD":
            return await self.app(scope, receive, send)

        async def headers_only(msg):
            if msg["type"] == "http.response.body":
                if not msg.get("more_body", False):
                    await send({"type": "http.response.body", "body": b""})
                return
            await send(msg)

        scope["method"] = "GET"
        await self.app(scope, receive, headers_only)


class HeavyGate:
    """At most `limit` heavy requests (search, ask, cite) computed at once and `queue` waiting;
    beyond that, or after waiting `timeout` seconds, 503 with Retry-After. Everything else
    (health, readiness, metrics) passes untouched, so it answers while the heavy ones queue."""

    def __init__(self, app, paths: tuple[str, ...], limit: int, queue: int, timeout: float):
        self.app = app
        self.paths = frozenset(paths)
        self.limit = limit
        self.queue = queue
        self.timeout = timeout
        self.active = 0
        self.waiting = 0
        self._slots: asyncio.Semaphore | None = None

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http" or scope.get("path") not in self.paths:
            return await self.app(scope, receive, send)
        if self._slots is None:
            self._slots = asyncio.Semaphore(self.limit)
        if self.active >= self.limit and self.waiting >= self.queue:
            return await self._busy(send)
        self.waiting += 1
        try:
            await asyncio.wait_for(self._slots.acquire(), self.timeout)
        except asyncio.TimeoutError:
            return await self._busy(send)
        finally:
            self.waiting -= 1
        self.active += 1
        try:
            await self.app(scope, receive, send)
        finally:
            self.active -= 1
            self._slots.release()

    async def _busy(self, send):
        await _error(send, 503, "server busy, try again shortly", [(b"retry-after", b"2")])


class MetricsMiddleware:
    def __init__(self, app, metrics):
        self.app = app
        self.metrics = metrics

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        result = {"status": 500, "ms": 0.0}
        try:
            await timed_call(self.app, scope, receive, send, result)
        finally:
            status = result["status"]
            # Route templates ("/chunks/{chunk_id}"), never raw paths; unknown methods and
            # paths share one label.
            route = getattr(scope.get("route"), "path", None) or "other"
            method = scope.get("method", "other")
            self.metrics.observe(method if method in KNOWN_METHODS else "other", route, status,
                                 result["ms"] / 1000)
