"""Checks for pdfsynth23: extracted text vs gold files, tables vs source, counts, citation order."""
import json, os, re, subprocess, sys, tomllib

HERE = os.path.dirname(os.path.abspath(__file__)); ROOT = os.path.dirname(HERE)
sys.path.insert(0, os.path.join(ROOT, "src"))
import tabledata  # noqa: E402

PDF = os.path.join(ROOT, "corpus", "pdfsynth23.pdf")
errors = []


def err(msg):
    errors.append(msg)
    print("FAIL:", msg)


def norm(s):
    return re.sub(r"[^a-z0-9]", "", s.lower())


def pdftext(*opts):
    return subprocess.run(["pdftotext", *opts, PDF, "-"], capture_output=True, text=True, check=True).stdout


raw, lay = pdftext(), pdftext("-layout")
n_raw, n_lay = norm(raw), norm(lay)


def found(s):
    n = norm(s)
    return n in n_raw or n in n_lay


# ---- PDF basics
info = subprocess.run(["pdfinfo", PDF], capture_output=True, text=True).stdout
pages = int(re.search(r"Pages:\s+(\d+)", info).group(1))
print("pages:", pages)
for p in range(1, pages + 1):
    t = subprocess.run(["pdftotext", "-f", str(p), "-l", str(p), PDF, "-"], capture_output=True, text=True).stdout
    if "Journal of Digestive Epidemiology" not in t or f"Page {p} of {pages}" not in t:
        err(f"running header missing on page {p}")
    if "Creative Commons Attribution 4.0 International License (CC BY 4.0)" not in t:
        err(f"licence footer missing on page {p}")
words = len(raw.split())
print("words in extracted text:", words)

# ---- toml
rec = tomllib.load(open(os.path.join(ROOT, "corpus", "pdfsynth23.toml"), "rb"))
for k in ["id", "title", "authors", "journal", "year", "volume", "doi", "license", "format", "file",
          "numbered_references", "tables"]:
    if k not in rec:
        err(f"toml lacks {k}")
if rec.get("tables") != 3 or rec.get("license") != "CC BY 4.0" or not found(rec["title"]) or not found(rec["doi"]):
    err("toml content")

# ---- tables.json vs source and vs PDF text
tj = json.load(open(os.path.join(ROOT, "tables.json")))
if tj != tabledata.tables_json():
    err("tables.json differs from src/tabledata.py")
for t in tj["tables"]:
    if not found(f"Table {t['number']} " + t["title"]):
        err(f"title of table {t['number']} not in text")
    for r in t["rows"]:
        if set(r["cells"]) != set(t["columns"]):
            err(f"table {t['number']} row {r['row']} columns")
        joined = " ".join(r["cells"][c] for c in t["columns"])
        if t["number"] in (1, 2):
            if norm(joined) not in n_lay:
                err(f"table {t['number']} row {r['row']} not found as a line in layout text: {joined}")
        else:  # wrapped cells: each cell must be contiguous in the raw text
            for c in t["columns"]:
                if not found(r["cells"][c]):
                    err(f"table 3 row {r['row']} cell {c!r} not in text")
        if r.get("group") and not found(r["group"]):
            err(f"group text not found: {r['group']}")
    print(f"table {t['number']}: {len(t['rows'])} rows checked")
if "Table 2 (continued)" not in raw:
    err("no 'Table 2 (continued)'")

# ---- headings
heads = json.load(open(os.path.join(ROOT, "headings.json")))["pdfsynth23"]
lines = {l.strip() for l in raw.splitlines()}
for h in heads:
    if h not in lines:
        err(f"heading not a line of its own: {h}")
print("headings:", len(heads))

# ---- questions
qs = [json.loads(l) for l in open(os.path.join(ROOT, "questions.jsonl"))]
from collections import Counter
cnt = Counter(q["type"] for q in qs)
print("questions:", len(qs), dict(cnt))
if len(qs) != 30 or cnt != Counter({"table": 10, "passage": 10, "multi": 4, "none": 6}):
    err("question counts")
if len({q["id"] for q in qs}) != 30:
    err("duplicate ids")
tables = {t["number"]: t for t in tj["tables"]}
for q in qs:
    for k in ["id", "doc", "question", "type", "answer", "evidence", "keys", "table_rows"]:
        if k not in q:
            err(f"{q['id']} lacks {k}")
    if q["type"] == "none":
        if q["evidence"] or q["keys"] or q["table_rows"]:
            err(f"{q['id']}: none item with evidence/keys")
        continue
    if not 1 <= len(q["evidence"]) <= 3:
        err(f"{q['id']}: evidence count")
    if not 1 <= len(q["keys"]) <= 3:
        err(f"{q['id']}: key group count")
    for e in q["evidence"]:
        nw = len(e.split())
        if not (4 <= nw <= 14) or len(e) > 99:
            err(f"{q['id']}: evidence size {nw} words {len(e)} chars: {e}")
        if not found(e):
            err(f"{q['id']}: evidence not in PDF text: {e}")
    ans = norm(q["answer"][:700])
    for g in q["keys"]:
        if not any(norm(a) in ans for a in g):
            err(f"{q['id']}: own answer misses key group {g}")
        for a in g:
            if not norm(a).isdigit() and not found(a):
                err(f"{q['id']}: non-numeric key {a!r} not in PDF text")
    if q["type"] == "table":
        if len(q["table_rows"]) != 1:
            err(f"{q['id']}: table_rows")
        for tr in q["table_rows"]:
            t = tables[tr["table"]]
            row = next(r for r in t["rows"] if r["row"] == tr["row"])
            if row["cells"][t["columns"][0]] != tr["first_cell"]:
                err(f"{q['id']}: first_cell mismatch")
            joined = norm(" ".join(row["cells"][c] for c in t["columns"]))
            for e in q["evidence"]:
                if norm(e) not in joined:
                    err(f"{q['id']}: evidence not from the row: {e}")
    elif q["table_rows"]:
        err(f"{q['id']}: table_rows should be empty")

# ---- citations: Vancouver order of first citation, all references cited
body = raw[raw.find("\nBackground\n"):raw.rfind("\nReferences\n")]
seen = []
for m in re.finditer(r"\[(\d+(?:\s*[–-]\s*\d+)?(?:,\s*\d+(?:\s*[–-]\s*\d+)?)*)\]", body):
    for part in m.group(1).split(","):
        part = part.strip()
        if re.search(r"[–-]", part):
            a, b = map(int, re.split(r"[–-]", part))
            nums = range(a, b + 1)
        else:
            nums = [int(part)]
        for n in nums:
            if n not in seen:
                seen.append(n)
refs = re.findall(r"^\[(\d+)\]", raw[raw.rfind("\nReferences\n"):], flags=re.M)
print("references listed:", len(refs), "cited:", len(seen))
if seen != list(range(1, len(seen) + 1)):
    err(f"citation order not Vancouver: {seen}")
if len(refs) != len(seen) or not 35 <= len(refs) <= 50:
    err("reference count / uncited references")

print("ALL CHECKS PASSED" if not errors else f"{len(errors)} problem(s)")
sys.exit(1 if errors else 0)
