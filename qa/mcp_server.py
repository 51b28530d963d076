"""`qa mcp`: the review's search, answers, citation check and tables as Model Context
Protocol tools over stdio, for writers drafting inside an AI assistant.

Each tool returns the JSON the HTTP API returns for the same request (the API is called
in-process, so validation, mapping and error messages are the API's own), plus `cite_as`
where the route has none (search, get_table): how to cite the review the results come from.
The index loads in the background from start-up; a tool call waits for it."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from typing import Any, Literal

from mcp.server.mcpserver import MCPServer
from mcp.server.mcpserver.exceptions import ToolError

from qa import __version__

INSTRUCTIONS = (
    "Search and cite one scientific review (and any other documents indexed with it). "
    "Every result carries the review's own reference numbers, section, page and character span. "
    "Use `ask` for a question, `search` for ranked passages and table rows, `check_citations` "
    "for a drafted paragraph (per sentence: supporting quotes and the references to cite), "
    "`get_table` for a whole table with named columns."
)


def create_server(load: Callable[[], Any]) -> MCPServer:
    """An MCPServer whose tools call the HTTP API over the engine `load()` returns."""
    pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="qa-load")
    loading = pool.submit(_local_api, load)
    # WARNING: the SDK configures the root logger, and INFO would pass on every library's chatter
    # (FAISS announcing its CPU build); our own notices go through the "qa" logger.
    server = MCPServer("msc-review-qa", version=__version__, instructions=INSTRUCTIONS, log_level="WARNING")

    async def call(method: str, path: str, body: dict | None = None) -> dict:
        from qa.api.inproc import APIError

        try:
            api = await asyncio.wrap_future(loading)
        except Exception as e:  # noqa: BLE001 - the model reads the message, the process lives on
            raise ToolError(f"the index could not be loaded: {e}") from None
        try:
            return await api.call(method, path, body)
        except APIError as e:
            raise ToolError(str(e)) from None

    async def cite_as_of(doc_id: str | None) -> dict | None:
        from qa.citation import cite_as

        api = await asyncio.wrap_future(loading)
        doc = api.engine.index.documents.get(doc_id) if doc_id else None
        if doc is None:
            return None
        text, bibtex = cite_as(doc)[:2]
        return {"text": text, "bibtex": bibtex}

    @server.tool()
    async def search(query: str, k: int = 10, kinds: list[Literal["passage", "table_row", "caption"]] | None = None,
                     table: int | None = None, section: str | None = None) -> dict[str, Any]:
        """Hybrid (BM25 + dense) search over the review's passages, table rows and figure
        captions. Each result has its text, section, page, character span, the review's
        reference numbers (`refs`) and, for a table row, the table number, title, group and
        cells by column name. Same JSON as POST /search, plus `cite_as` for the review."""
        body = {"query": query, "k": k, "kinds": kinds, "table": table, "section": section}
        out = await call("POST", "/search", {key: v for key, v in body.items() if v is not None})
        first = out["results"][0]["doc"]["id"] if out.get("results") else None
        return {**out, "cite_as": await cite_as_of(first)}

    @server.tool()
    async def ask(question: str, k: int = 8) -> dict[str, Any]:
        """An extractive answer quoted from the review with its reference numbers, or
        status "not_found" when no indexed document covers the question (with the closest
        passages in `results`). Same JSON as POST /ask."""
        return await call("POST", "/ask", {"question": question, "k": k})

    @server.tool()
    async def check_citations(text: str) -> dict[str, Any]:
        """Check a drafted sentence or paragraph (up to 5,000 characters) against the review:
        for each sentence, the review sentences that support it (quote, refs, score) and
        the references to cite; `cite_as` for the review. Same JSON as POST /cite."""
        return await call("POST", "/cite", {"text": text})

    @server.tool()
    async def get_table(number: int) -> dict[str, Any]:
        """A whole table of the review by its number: title, column names, Note, and every
        row with its group, cells by column and reference numbers. Same JSON as
        GET /tables/{number}, plus `cite_as` for the review."""
        out = await call("GET", f"/tables/{number}")
        return {**out, "cite_as": await cite_as_of(out.get("doc"))}

    return server


def _local_api(load: Callable[[], Any]):
    from qa.api.inproc import LocalAPI

    engine = load()
    return LocalAPI(engine.settings, engine)
