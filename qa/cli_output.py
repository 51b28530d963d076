"""Readable CLI output: wrapped to the terminal, table rows with their column names, long
text cut at a word with "…". Works on the JSON shapes the API and `--json` print, so the
text and JSON views never disagree."""

from __future__ import annotations

import shutil
import textwrap

PASSAGE_CHARS = 420
QUOTE_CHARS = 260


def width() -> int:
    """The terminal's width ($COLUMNS, else 100 when output is not a terminal), at least 40."""
    return max(40, shutil.get_terminal_size((100, 24)).columns)


def wrap(text: str, indent: str = "", first: str | None = None) -> str:
    first = indent if first is None else first
    return textwrap.fill(" ".join(text.split()), width=width() - 1, initial_indent=first,
                         subsequent_indent=indent, break_long_words=False, break_on_hyphens=False)


def shorten(text: str, limit: int) -> str:
    """text cut at the last whole word within limit characters, marked with "…"."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    cut = text[: limit + 1].rsplit(" ", 1)[0] if " " in text[: limit + 1] else text[:limit]
    return cut.rstrip(" ,;:") + "…"


def refs(numbers) -> str:
    return "[" + ", ".join(map(str, numbers)) + "]" if numbers else ""


def hit(h: dict) -> str:
    """A ranked hit: one header line, then the row's cells by column name or the passage text."""
    t = h.get("table")
    if t:
        where = f"Table {t['number']}" + (f" · {t['group']}" if t.get("group") else "")
    else:
        where = " / ".join(h.get("section") or []) or "(no section)"
    kind = h["kind"].replace("_", " ")
    bits = [kind, where] + ([f"p. {h['page']}"] if h.get("page") else []) + ([f"refs {refs(h['refs'])}"] if h.get("refs") else [])
    lines = [wrap(" · ".join(bits) + f"  (score {h['score']:.2f})", "     ", f"{h['rank']:>3}. ")]
    if t and t.get("cells"):
        for col, value in t["cells"].items():
            if value:
                label = f"     {col}: "
                lines.append(wrap(value, " " * min(len(label), 28), label))
    else:
        lines.append(wrap(shorten(h["text"], PASSAGE_CHARS), "     "))
    return "\n".join(lines)


def hits(results: list[dict]) -> str:
    return "\n".join(hit(h) for h in results) if results else "no results"


def answer(a: dict, show_results: int = 0) -> str:
    """An /ask response: the answer, its sources, and a way forward when it is not covered."""
    out = []
    if a.get("did_you_mean"):
        out.append(wrap(f"Did you mean: {a['did_you_mean']}"))
    if a["status"] == "answered":
        out.append(wrap(a["answer"]))
        if a.get("citations"):
            out.append("\nSources:")
            for c in a["citations"]:
                out.append(wrap(f"“{shorten(c['quote'], QUOTE_CHARS)}”", "     ", f"  {refs(c['refs']) or '[-]':<6} "))
        if a.get("cite_as"):
            out.append("\n" + wrap(a["cite_as"]["text"], "  ", "Cite the review as: "))
        results = a.get("results", [])[:show_results]
    else:
        said = "not cover" in a["answer"].lower()  # the answer may already say so in words
        out.append(wrap(a["answer"] if said else "Not covered: " + a["answer"]))
        results = a.get("results", [])[: show_results or 3]
        if results:
            out.append(wrap("Try rephrasing (the review's own words work best); the closest passages are:"))
    if results:
        out.append("")
        out.append(hits(results))
    return "\n".join(out)


def cited(c: dict) -> str:
    """A /cite response: per sentence of the draft, its verdict (where given), refs and evidence."""
    out = []
    for s in c["sentences"]:
        verdict = s.get("verdict")
        label = {"supported": "supported", "contradicted": "CONTRADICTED", "not_found": "not found"}.get(verdict, "")
        head = f"» {s['text']}" + (f"  [{label}]" if label else "")
        out.append(wrap(head, "  "))
        if s.get("reason"):
            out.append(wrap(s["reason"], "    ", "    why: "))
        supports = [s["evidence"]] if s.get("evidence") else s.get("supports", [])
        if not supports:
            out.append("    (no supporting passage in the review)")
        for sup in supports:
            out.append(wrap(f"“{shorten(sup['quote'], QUOTE_CHARS)}”", "           ",
                            f"    {refs(sup['refs']) or '[-]':<6} "))
        if s.get("refs"):
            out.append(f"    cite: {refs(s['refs'])}")
    if c.get("refs"):
        out.append(f"\nReferences of the review to cite: {refs(c['refs'])}")
    if c.get("cite_as"):
        out.append(wrap(c["cite_as"]["text"], "  ", "Cite the review as: "))
    return "\n".join(out)
