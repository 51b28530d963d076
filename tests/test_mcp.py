"""`qa mcp` end to end: the MCP SDK's own client starts a real `qa mcp` process over stdio,
lists the tools and calls each; every answer is the HTTP API's JSON for the same request."""

from __future__ import annotations

import asyncio
import json
import os
import sys

import pytest
from fastapi.testclient import TestClient

from qa.api import create_app

pytestmark = pytest.mark.slow


def _server_params(settings, tmp_path):
    from mcp.client.stdio import StdioServerParameters

    env = {"QA_INDEX_DIR": str(settings.index_dir), "QA_CORPUS_DIR": str(settings.corpus_dir),
           "HF_HUB_OFFLINE": "1", "TRANSFORMERS_OFFLINE": "1"}
    # From a folder with no qa.toml above it: the variables alone must be enough.
    return StdioServerParameters(command=sys.executable, args=["-m", "qa.cli", "mcp", "--no-build"], env=env,
                                 cwd=str(tmp_path))


def _payload(result) -> dict:
    assert not result.is_error, result.content
    text = json.loads(result.content[0].text)
    if result.structured_content is not None:
        assert result.structured_content == text
    return text


def _without_timing(d: dict) -> dict:
    return {k: v for k, v in d.items() if k != "took_ms"}


@pytest.fixture(scope="module")
def calls(built, tmp_path_factory):
    """Every tool call of the test, made in one MCP session with a real `qa mcp` process."""
    from mcp import Client

    settings, _ = built
    params = _server_params(settings, tmp_path_factory.mktemp("elsewhere"))

    async def session():
        async with Client(params, read_timeout_seconds=180) as c:
            tools = await c.list_tools()
            out = {"tools": {t.name: t for t in tools.tools}}
            out["search"] = await c.call_tool("search", {"query": "which cargo reduces VEGF in breast cancer?", "k": 5})
            out["search_rows"] = await c.call_tool("search", {"query": "bone marrow MSC exosomes", "k": 3,
                                                              "kinds": ["table_row"], "table": 1})
            out["ask"] = await c.call_tool("ask", {"question": "which cargo reduces VEGF in breast cancer?"})
            out["check"] = await c.call_tool("check_citations", {"text": "Exosomal miR-16 lowers VEGF in breast cancer cells."})
            out["table"] = await c.call_tool("get_table", {"number": 2})
            out["no_table"] = await c.call_tool("get_table", {"number": 9})
            out["empty"] = await c.call_tool("search", {"query": "   "})
            return out

    return asyncio.run(asyncio.wait_for(session(), timeout=300))


@pytest.fixture(scope="module")
def http(built):
    settings, engine = built
    with TestClient(create_app(settings, engine=engine)) as c:
        yield c


def test_tools_are_listed_with_descriptions_and_schemas(calls):
    tools = calls["tools"]
    assert set(tools) == {"search", "ask", "check_citations", "get_table"}
    for t in tools.values():
        assert t.description and len(t.description) > 40
    assert "query" in tools["search"].input_schema["properties"]
    assert tools["get_table"].input_schema["properties"]["number"]["type"] == "integer"


def test_search_is_the_http_json_plus_cite_as(calls, http):
    got = _payload(calls["search"])
    want = http.post("/search", json={"query": "which cargo reduces VEGF in breast cancer?", "k": 5}).json()
    assert _without_timing({k: v for k, v in got.items() if k != "cite_as"}) == _without_timing(want)
    refs = {tuple(h["refs"]) for h in got["results"] if h["kind"] == "table_row"}
    assert (169,) in refs and (173,) in refs
    assert "Hassanzadeh" in got["cite_as"]["text"] and got["cite_as"]["bibtex"].startswith("@article")
    rows = _payload(calls["search_rows"])["results"]
    assert rows and all(h["kind"] == "table_row" and h["table"]["number"] == 1 for h in rows)


def test_ask_is_the_http_json(calls, http):
    got = _payload(calls["ask"])
    want = http.post("/ask", json={"question": "which cargo reduces VEGF in breast cancer?", "k": 8}).json()
    assert _without_timing(got) == _without_timing(want)
    assert got["status"] == "answered" and {169, 173} <= {n for c in got["citations"] for n in c["refs"]}
    assert got["cite_as"]["text"]


def test_check_citations_is_the_http_cite_json(calls, http):
    got = _payload(calls["check"])
    want = http.post("/cite", json={"text": "Exosomal miR-16 lowers VEGF in breast cancer cells."}).json()
    assert _without_timing(got) == _without_timing(want)
    assert 169 in got["refs"] and got["cite_as"]["text"]


def test_get_table_is_the_http_json_plus_cite_as(calls, http):
    got = _payload(calls["table"])
    want = http.get("/tables/2").json()
    assert {k: v for k, v in got.items() if k != "cite_as"} == want
    assert got["number"] == 2 and len(got["rows"]) >= 20 and got["cite_as"]["text"]


def test_bad_calls_are_tool_errors_with_the_api_message(calls):
    missing = calls["no_table"]
    assert missing.is_error and "no table 9" in missing.content[0].text
    empty = calls["empty"]
    assert empty.is_error and "empty" in empty.content[0].text


def test_nothing_but_protocol_on_stdout(built, tmp_path):
    """A wrong corpus folder fails at once with one line on stderr, not inside the protocol."""
    import subprocess

    env = {**os.environ, "QA_CORPUS_DIR": str(tmp_path / "nope"), "QA_INDEX_DIR": str(tmp_path / "index")}
    p = subprocess.run([sys.executable, "-m", "qa.cli", "mcp"], env=env, cwd=tmp_path, capture_output=True,
                       text=True, timeout=60, stdin=subprocess.DEVNULL)
    assert p.returncode == 1 and p.stdout == ""
    assert "corpus folder" in p.stderr and "does not exist" in p.stderr and p.stderr.count("\n") == 1


def test_missing_index_under_no_build_fails_before_serving(built, tmp_path):
    import subprocess

    settings, _ = built
    env = {**os.environ, "QA_CORPUS_DIR": str(settings.corpus_dir), "QA_INDEX_DIR": str(tmp_path / "indx")}
    p = subprocess.run([sys.executable, "-m", "qa.cli", "mcp", "--no-build"], env=env, cwd=tmp_path,
                       capture_output=True, text=True, timeout=60, stdin=subprocess.DEVNULL)
    assert p.returncode == 2 and p.stdout == "" and p.stderr.count("\n") == 1
    assert f"no index at {tmp_path / 'indx'} (from $QA_INDEX_DIR)" in p.stderr
