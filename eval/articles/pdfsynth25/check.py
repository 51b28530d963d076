#!/usr/bin/env python3
"""Checks for pdfsynth25: evidence/keys are real extractable text, tables.json matches the typeset source,
question counts and shapes, headings present. Run: venv/bin/python check.py"""
import json, re, subprocess, sys, pathlib, tomllib
ROOT = pathlib.Path(__file__).resolve().parent
sys.path.insert(0, str(ROOT / "src"))
from tables import TABLES
PDF = ROOT / "corpus" / "pdfsynth25.pdf"
def norm(s): return re.sub(r"[^a-z0-9]", "", s.lower())

texts = {
    "pdftotext": subprocess.run(["pdftotext", str(PDF), "-"], capture_output=True, text=True).stdout,
    "pdftotext-layout": subprocess.run(["pdftotext", "-layout", str(PDF), "-"], capture_output=True, text=True).stdout,
}
try:
    import pypdf
    texts["pypdf"] = "\n".join(p.extract_text() for p in pypdf.PdfReader(str(PDF)).pages)
except ImportError:
    print("WARN: pypdf not installed")
N = {k: norm(v) for k, v in texts.items()}
def found(s):
    n = norm(s)
    return [k for k, v in N.items() if n in v]

fails = []
def check(cond, msg):
    if not cond: fails.append(msg)

# --- record
rec = tomllib.loads((ROOT / "corpus" / "pdfsynth25.toml").read_text())
for k in ["id", "title", "authors", "journal", "year", "volume", "doi", "license", "format", "file", "numbered_references", "tables"]:
    check(k in rec, f"toml missing {k}")
check(rec.get("tables") == 3 and rec.get("numbered_references") is True, "toml tables/numbered_references")
check(bool(found(rec["title"])), "title not in PDF text")
pages = int(re.search(r"Pages:\s+(\d+)", subprocess.run(["pdfinfo", str(PDF)], capture_output=True, text=True).stdout).group(1))

# --- questions
qs = [json.loads(l) for l in (ROOT / "questions.jsonl").read_text().splitlines() if l.strip()]
from collections import Counter
cnt = Counter(q["type"] for q in qs)
check(len(qs) == 30 and cnt == Counter(table=10, passage=10, multi=4, none=6), f"counts {cnt}")
check(len({q["id"] for q in qs}) == len(qs), "duplicate ids")
tj = json.loads((ROOT / "tables.json").read_text())
tab = {t["number"]: t for t in tj["tables"]}
ev_by = Counter()
for q in qs:
    for f in ["id", "doc", "question", "type", "answer", "evidence", "keys", "table_rows"]:
        check(f in q, f"{q.get('id')} missing {f}")
    if q["type"] == "none":
        check(q["evidence"] == [] and q["keys"] == [] and q["table_rows"] == [], f"{q['id']} none not empty")
        continue
    check(1 <= len(q["evidence"]) <= 3, f"{q['id']} evidence count")
    for e in q["evidence"]:
        w = len(e.split())
        check(4 <= w <= 14 and len(e) <= 99, f"{q['id']} evidence size {w}w {len(e)}c: {e}")
        where = found(e)
        check(bool(where), f"{q['id']} evidence not in PDF text: {e}")
        for k in where: ev_by[k] += 1
    ng = len(q["keys"])
    check(1 <= ng <= (4 if q["type"] == "multi" else 3), f"{q['id']} key groups {ng}")
    for g in q["keys"]:
        check(any(norm(a) in norm(q["answer"][:700]) for a in g), f"{q['id']} answer lacks key group {g}")
        for a in g:
            check(1 <= len(a.split()) <= 4, f"{q['id']} key length {a}")
            if re.search(r"[a-zA-Z]", a):
                check(bool(found(a)), f"{q['id']} key not in PDF text: {a}")
    if q["type"] == "table":
        check(len(q["table_rows"]) >= 1, f"{q['id']} table item without table_rows")
    for r in q["table_rows"]:
        row = tab[r["table"]]["rows"][r["row"] - 1]
        check(row["row"] == r["row"] and list(row["cells"].values())[0] == r["first_cell"], f"{q['id']} bad table_row {r}")
        joined = norm(" ".join(row["cells"].values()))
        check(any(norm(e) in joined for e in q["evidence"]), f"{q['id']} no evidence quote from its table row {r}")

# --- tables.json vs source
check(len(tj["tables"]) == 3, "tables.json count")
for src in TABLES:
    t = tab[src["number"]]
    check(t["title"] == src["title"].replace("^", ""), f"table {src['number']} title")
    check(t["columns"] == [c.replace("^", "") for c in src["columns"]], f"table {src['number']} columns")
    check(len(t["rows"]) == len(src["rows"]), f"table {src['number']} row count")
    for i, (grp, cells) in enumerate(src["rows"], 1):
        r = t["rows"][i - 1]
        check(r["row"] == i and r.get("group") == grp, f"table {src['number']} row {i} group")
        check(list(r["cells"].values()) == [c.replace("^", "") for c in cells], f"table {src['number']} row {i} cells")
        for c in r["cells"].values():
            check(bool(found(c)), f"table {src['number']} row {i} cell not in PDF text: {c}")
        if src["number"] in (1, 2):   # single-line rows: whole row must be extractable as one line
            check("pypdf" in found(" ".join(r["cells"].values())) or "pdftotext-layout" in found(" ".join(r["cells"].values())),
                  f"table {src['number']} row {i} not extractable as a row")
    check(bool(found(t["title"])), f"table {src['number']} title not in PDF")

# --- headings
heads = json.loads((ROOT / "headings.json").read_text())["pdfsynth25"]
for h in heads:
    check(bool(found(h)), f"heading not in PDF: {h}")
check("Table 2 (continued)" in texts["pdftotext"], "no 'Table 2 (continued)' in PDF")
for label in ["Journal of Perioperative Respiratory Care", "Creative Commons Attribution 4.0"]:
    check(texts["pdftotext"].count(label) >= pages, f"running line '{label}' not on every page")

print(f"pages={pages} questions={len(qs)} types={dict(cnt)} headings={len(heads)} "
      f"table rows={[len(t['rows']) for t in tj['tables']]}")
print("evidence found per extractor:", dict(ev_by))
if fails:
    print("FAIL", len(fails)); [print(" -", f) for f in fails]; sys.exit(1)
print("ALL CHECKS PASSED")
