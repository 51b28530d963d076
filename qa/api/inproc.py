"""The HTTP API called in-process: the CLI and the MCP server get the very JSON a client of
`qa serve` gets (same validation, same mapping, same errors) without opening a socket."""

from __future__ import annotations

import asyncio
import json
from urllib.parse import urlencode


class APIError(Exception):
    """A 4xx/5xx answer; the message is the API's own {"error": ...} text."""

    def __init__(self, status: int, message: str):
        super().__init__(message)
        self.status = status


class LocalAPI:
    def __init__(self, settings, engine):
        from qa.api import create_app

        self.engine = engine
        # No access log: these calls are the CLI's or the MCP client's, not HTTP requests.
        self.app = create_app(settings.model_copy(update={"access_log": False}), engine=engine)

    async def call(self, method: str, path: str, body: dict | None = None, params: dict | None = None) -> dict:
        data = b"" if body is None else json.dumps(body).encode()
        headers = [(b"host", b"localhost"), (b"content-length", str(len(data)).encode())]
        if body is not None:
            headers.append((b"content-type", b"application/json"))
        query = urlencode(params or {}, doseq=True)
        scope = {"type": "http", "asgi": {"version": "3.0"}, "http_version": "1.1", "method": method,
                 "scheme": "http", "path": path, "raw_path": path.encode(), "query_string": query.encode(),
                 "root_path": "", "headers": headers, "client": ("127.0.0.1", 0), "server": ("localhost", 80)}
        sent = False

        async def receive():
            nonlocal sent
            if not sent:
                sent = True
                return {"type": "http.request", "body": data, "more_body": False}
            await asyncio.Event().wait()  # nobody disconnects: wait to be cancelled

        status, chunks = 500, []

        async def send(msg):
            nonlocal status
            if msg["type"] == "http.response.start":
                status = msg["status"]
            elif msg["type"] == "http.response.body":
                chunks.append(msg.get("body", b""))

        await self.app(scope, receive, send)
        raw = b"".join(chunks)
        try:
            out = json.loads(raw) if raw else {}
        except ValueError:
            out = {"error": raw.decode("utf-8", "replace")}
        if status >= 400:
            raise APIError(status, str(out.get("error", out)) if isinstance(out, dict) else str(out))
        return out

    def request(self, method: str, path: str, body: dict | None = None, params: dict | None = None) -> dict:
        return asyncio.run(self.call(method, path, body, params))
