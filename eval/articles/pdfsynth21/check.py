#!/usr/bin/env python3
"""Checks for pdfsynth21 (run with the venv python: venv/bin/python check.py).

1. every evidence quote (4-14 words, <= 99 chars) occurs in text extracted from the PDF
   (pdftotext default, pdftotext -layout, or pypdf), after lowercasing and keeping only [a-z0-9];
2. every non-numeric key alternative occurs in the extracted text; every key group is matched by the answer;
3. tables.json equals the typesetting source (src/data.py) and every row's joined cells occur in the PDF text;
4. questions.jsonl has 30 items: 10 table, 10 passage, 4 multi, 6 none; table_rows point at real rows;
5. every heading in headings.json is printed as a line of its own; the TOML record parses.
"""
import json, os, re, subprocess, sys, tomllib
ROOT = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(ROOT, "src"))
import data as D  # noqa: E402
PDF = os.path.join(ROOT, "corpus", "pdfsynth21.pdf")
norm = lambda s: re.sub(r"[^a-z0-9]", "", s.lower())

raw = subprocess.run(["pdftotext", PDF, "-"], capture_output=True, text=True, check=True).stdout
lay = subprocess.run(["pdftotext", "-layout", PDF, "-"], capture_output=True, text=True, check=True).stdout
try:
    from pypdf import PdfReader
    pyt = "\n".join(p.extract_text() for p in PdfReader(PDF).pages)
except ImportError:
    pyt = ""
    print("WARN pypdf not available")
# -layout puts two columns on one line; keep each line's pieces separated by wide gaps as separate strings
lay_rows = "\n".join(re.sub(r"\s+", " ", ln) for ln in lay.splitlines())
TEXTS = {"pdftotext": norm(raw), "pdftotext-layout": norm(lay_rows), "pypdf": norm(pyt)}
errors = []

def found(s):
    n = norm(s)
    return [k for k, t in TEXTS.items() if n in t]

# ---------------------------------------------------------------- questions
qs = [json.loads(l) for l in open(os.path.join(ROOT, "questions.jsonl"), encoding="utf-8")]
counts = {}
for q in qs:
    counts[q["type"]] = counts.get(q["type"], 0) + 1
want = {"table": 10, "passage": 10, "multi": 4, "none": 6}
if counts != want or len(qs) != 30:
    errors.append(f"type counts {counts} != {want}")
if len({q["id"] for q in qs}) != len(qs):
    errors.append("duplicate ids")
tables = json.load(open(os.path.join(ROOT, "tables.json"), encoding="utf-8"))["tables"]
tab = {t["number"]: t for t in tables}
ev_where = {}
for q in qs:
    fields = {"id", "doc", "question", "type", "answer", "evidence", "keys", "table_rows"}
    if set(q) != fields:
        errors.append(f"{q['id']}: fields {set(q) ^ fields}")
    if q["type"] == "none":
        if q["evidence"] or q["keys"] or q["table_rows"]:
            errors.append(f"{q['id']}: none item must have empty evidence/keys/table_rows")
        continue
    if not 1 <= len(q["evidence"]) <= 3:
        errors.append(f"{q['id']}: {len(q['evidence'])} evidence quotes")
    for e in q["evidence"]:
        w = len(e.split())
        if not (4 <= w <= 14) or len(e) > 99:
            errors.append(f"{q['id']}: evidence length {w} words / {len(e)} chars: {e!r}")
        where = found(e)
        ev_where[(q["id"], e)] = where
        if not where:
            errors.append(f"{q['id']}: evidence not in PDF text: {e!r}")
    if not 1 <= len(q["keys"]) <= (4 if q["type"] == "multi" else 3):
        errors.append(f"{q['id']}: {len(q['keys'])} key groups")
    ans = norm(q["answer"][:700])
    for g in q["keys"]:
        if not any(norm(a) in ans for a in g):
            errors.append(f"{q['id']}: answer misses key group {g}")
        for a in g:
            if not 1 <= len(a.split()) <= 4:
                errors.append(f"{q['id']}: key alternative length {a!r}")
            if re.search(r"[A-Za-z]", a) and not found(a):
                errors.append(f"{q['id']}: key alternative not in PDF text: {a!r}")
    if q["type"] == "table":
        if not q["table_rows"]:
            errors.append(f"{q['id']}: table item without table_rows")
    elif q["table_rows"]:
        errors.append(f"{q['id']}: table_rows only for table items")
    for r in q["table_rows"]:
        t = tab.get(r["table"])
        row = t and next((x for x in t["rows"] if x["row"] == r["row"]), None)
        if not row or row["cells"][t["columns"][0]] != r["first_cell"]:
            errors.append(f"{q['id']}: bad table_rows {r}")
        elif q["evidence"]:
            joined = norm(" ".join(row["cells"][c] for c in t["columns"]))
            if not any(norm(e) in joined for e in q["evidence"]):
                errors.append(f"{q['id']}: no evidence quote is part of table {r['table']} row {r['row']}")

# ---------------------------------------------------------------- tables
exp = {1: [[l] + v for l, _i, v in D.T1_ROWS],
       2: [[re.sub(r"\$\^\{\\mathrm\{(\w)\}\}\$", r"\1", c) for c in r] for _g, _j, rr in D.T2_PART_A + D.T2_PART_B for r in rr],
       3: D.T3_ROWS}
cols = {1: D.T1_COLUMNS, 2: D.T2_COLUMNS, 3: D.T3_COLUMNS}
titles = {1: D.T1_TITLE, 2: D.T2_TITLE, 3: D.T3_TITLE}
if sorted(tab) != [1, 2, 3]:
    errors.append("tables.json must hold tables 1-3")
for n, t in tab.items():
    if t["columns"] != cols[n] or t["title"] != titles[n] or t["doc"] != "pdfsynth21":
        errors.append(f"table {n}: columns/title/doc differ from source")
    got = [[r["cells"][c] for c in t["columns"]] for r in t["rows"]]
    if got != exp[n]:
        errors.append(f"table {n}: rows differ from source")
    if [r["row"] for r in t["rows"]] != list(range(1, len(t["rows"]) + 1)):
        errors.append(f"table {n}: row numbers not 1..N")
    if not norm("Table %d %s" % (n, t["title"])) in TEXTS["pdftotext"]:
        errors.append(f"table {n}: title line not found")
    for r in t["rows"]:
        joined = " ".join(r["cells"][c] for c in t["columns"])
        if not found(joined):
            errors.append(f"table {n} row {r['row']}: joined cells not in PDF text: {joined[:60]!r}")
        if r.get("group") and not found(r["group"]):
            errors.append(f"table {n} row {r['row']}: group text not found")
if "Table 2 (continued)" not in raw:
    errors.append("no 'Table 2 (continued)' line")

# ---------------------------------------------------------------- headings, toml, pages
heads = json.load(open(os.path.join(ROOT, "headings.json"), encoding="utf-8"))["pdfsynth21"]
lines = {ln.strip() for ln in raw.splitlines()}
for h in heads:
    if h not in lines:
        errors.append(f"heading not printed as its own line: {h!r}")
rec = tomllib.load(open(os.path.join(ROOT, "corpus", "pdfsynth21.toml"), "rb"))
for k in ["id", "title", "authors", "journal", "year", "volume", "doi", "license", "format", "file",
          "numbered_references", "tables"]:
    if k not in rec:
        errors.append(f"toml lacks {k}")
if norm(rec["title"]) not in TEXTS["pdftotext"]:
    errors.append("toml title not in PDF")
pages = raw.count("\f")
for p, pt in enumerate(raw.split("\f")[:pages], 1):
    if "Journal of Vascular Rehabilitation and Prevention" not in pt or f"Page {p} of {pages}" not in pt \
            or "Creative Commons Attribution 4.0" not in pt:
        errors.append(f"page {p}: running header / page number / licence line missing")
nums = [int(x) for x in re.findall(r"^(\d+)\. ", raw[raw.rfind("\nReferences\n"):], flags=re.M)]
nrefs = 0
for x in nums:  # count the run 1, 2, 3, ... (wrapped lines such as "205." are skipped)
    if x == nrefs + 1:
        nrefs = x
if not 35 <= nrefs <= 50:
    errors.append(f"{nrefs} references")

print(f"pages {pages}; questions {len(qs)} {counts}; references counted {nrefs}")
only = {k: v for k, v in ev_where.items() if v and "pdftotext" not in v}
print(f"evidence quotes: {len(ev_where)}; found by pdftotext default: {len(ev_where) - len(only)}; "
      f"only by -layout/pypdf (table rows): {len(only)}")
if errors:
    print("\n".join("FAIL " + e for e in errors))
    print(f"{len(errors)} problems")
    sys.exit(1)
print("ALL CHECKS PASSED")
