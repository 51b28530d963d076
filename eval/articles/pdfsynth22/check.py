#!/usr/bin/env python3
"""Checks for the pdfsynth22 test document (run with venv/bin/python check.py)."""
import json, os, re, subprocess, sys, tomllib
ROOT = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(ROOT, "src"))
import article as A  # noqa

def norm(s):
    return re.sub(r"[^a-z0-9]", "", s.lower())

fails = []
def check(cond, msg):
    if not cond:
        fails.append(msg)

pdf = os.path.join(ROOT, "corpus", "pdfsynth22.pdf")
# Extracted text: pypdf (content order) and pdftotext -raw must both contain every quote;
# default-mode pdftotext (reading-order reconstruction) is reported as information only.
import pypdf, logging
logging.disable(logging.WARNING)
txt = subprocess.run(["pdftotext", "-raw", pdf, "-"], capture_output=True, text=True, check=True).stdout
NT = norm(txt)
NP = norm("\n".join(p.extract_text() for p in pypdf.PdfReader(pdf).pages))
ND = norm(subprocess.run(["pdftotext", pdf, "-"], capture_output=True, text=True, check=True).stdout)
notes = []

def in_text(s, what):
    n = norm(s)
    check(n in NT, "%s not in pdftotext -raw text: %s" % (what, s))
    check(n in NP, "%s not in pypdf text: %s" % (what, s))
    if n not in ND:
        notes.append("%s not contiguous in default pdftotext output: %s" % (what, s[:70]))
pages = int(re.search(r"Pages:\s+(\d+)", subprocess.run(["pdfinfo", pdf], capture_output=True, text=True).stdout).group(1))

# ---- record
rec = tomllib.load(open(os.path.join(ROOT, "corpus", "pdfsynth22.toml"), "rb"))
for k in ["id", "title", "authors", "journal", "year", "volume", "doi", "license", "format", "file", "numbered_references", "tables"]:
    check(k in rec, "toml missing " + k)
check("article" in rec or "pages" in rec, "toml needs article or pages")
check(rec["tables"] == 3 and rec["license"] == "CC BY 4.0" and rec["file"] == "pdfsynth22.pdf", "toml values")
check(norm(rec["title"]) in NT, "title not in pdf text")
for a in rec["authors"]:
    last, first = [x.strip() for x in a.split(",", 1)]
    check(norm(first + " " + last) in NT, "author not in text: " + a)
check(norm(rec["doi"]) in NT, "doi not in text")

# ---- tables.json vs typeset source
tj = json.load(open(os.path.join(ROOT, "tables.json")))["tables"]
check(len(tj) == 3, "tables.json must have 3 tables")
import build as B  # noqa  (fonts load; no PDF is written on import)
B.prepass_citations()
src_rows = {}
t = A.TABLE1
src_rows[1] = [[B.plain(l)] + v for l, v, g in t["rows"] if v is not None]
src_rows[2] = [[B.plain(c) for c in r] for r in A.TABLE2["rows"] if not (isinstance(r, tuple) and r[0] == "SECTION")]
src_rows[3] = [[B.plain(c) for c in r] for r in A.TABLE3["rows"]]
cell_missing = 0
for tb in tj:
    n = tb["number"]
    rows = tb["rows"]
    check([r["row"] for r in rows] == list(range(1, len(rows) + 1)), "row numbering table %d" % n)
    check(len(rows) == len(src_rows[n]), "row count table %d" % n)
    for r, s in zip(rows, src_rows[n]):
        cells = [r["cells"][c] for c in tb["columns"]]
        check(cells == s, "table %d row %d differs from source" % (n, r["row"]))
        for c in cells:
            if c:
                in_text(c, "table %d row %d cell" % (n, r["row"]))
        in_text(" ".join(c for c in cells if c), "table %d row %d (joined)" % (n, r["row"]))
    check(norm("Table %d %s" % (n, tb["title"])) in NT, "table title %d not in text" % n)
check("table 2 (continued)".replace(" ", "") in NT.replace(" ", "") or "table2continued" in NT, "Table 2 (continued) missing")

# ---- headings
hd = json.load(open(os.path.join(ROOT, "headings.json")))["pdfsynth22"]
for h in hd:
    check(norm(h) in NT, "heading not in text: " + h)

# ---- questions
qs = [json.loads(l) for l in open(os.path.join(ROOT, "questions.jsonl"))]
from collections import Counter
cnt = Counter(q["type"] for q in qs)
check(len(qs) == 30, "need 30 questions")
check(cnt == Counter({"table": 10, "passage": 10, "multi": 4, "none": 6}), "type counts %s" % cnt)
check(len({q["id"] for q in qs}) == 30, "ids unique")
tabs = {t["number"]: t for t in tj}
for q in qs:
    for k in ["id", "doc", "question", "type", "answer", "evidence", "keys", "table_rows"]:
        check(k in q, q.get("id", "?") + " missing " + k)
    check(q["doc"] == "pdfsynth22", q["id"] + " doc")
    if q["type"] == "none":
        check(q["evidence"] == [] and q["keys"] == [] and q["table_rows"] == [], q["id"] + " none must be empty")
        continue
    check(1 <= len(q["evidence"]) <= 3, q["id"] + " evidence count")
    for e in q["evidence"]:
        nw = len(e.split())
        check(4 <= nw <= 14, "%s evidence words %d: %s" % (q["id"], nw, e))
        check(len(e) <= 99, "%s evidence too long (%d)" % (q["id"], len(e)))
        in_text(e, q["id"] + " evidence")
    check(1 <= len(q["keys"]) <= 3, q["id"] + " key groups")
    if q["type"] == "multi":
        check(len(q["keys"]) >= 2, q["id"] + " multi needs >=2 key groups")
    ans = norm(q["answer"][:700])
    for g in q["keys"]:
        check(any(norm(a) in ans for a in g), "%s answer lacks key group %s" % (q["id"], g))
        for a in g:
            check(1 <= len(a.split()) <= 4, "%s key length %s" % (q["id"], a))
            if re.search(r"[A-Za-z]", a):
                in_text(a, q["id"] + " key")
    if q["type"] == "table":
        check(len(q["table_rows"]) >= 1, q["id"] + " table_rows")
    for tr in q["table_rows"]:
        tb = tabs[tr["table"]]
        row = tb["rows"][tr["row"] - 1]
        check(row["row"] == tr["row"] and row["cells"][tb["columns"][0]] == tr["first_cell"], q["id"] + " table_rows mismatch")

# ---- references
refs = ["%d. %s" % (i + 1, A.REFS[k]) for i, k in enumerate(B.CITE_ORDER)]
check(35 <= len(refs) <= 50, "reference count %d" % len(refs))
for r in refs:
    num, body_ = r.split(" ", 1)
    in_text(body_, "reference " + num)
cites = [int(x) for m in re.finditer(r"\[(\d[\d,\u2013 ]*)\]", txt) for x in re.findall(r"\d+", m.group(1))]
first_seen = []
for c in cites:
    if c not in first_seen:
        first_seen.append(c)

# ---- running header/footer on every page
check(txt.count("Journal of Rural and Occupational Health") >= pages, "running header on every page")
check(txt.count("(CC BY 4.0)") >= pages, "licence footer on every page")
for i in range(1, pages + 1):
    check("Page %d of %d" % (i, pages) in txt, "page number %d" % i)

body = " ".join(B.plain(v) for k, v in A.BODY if k in ("p", "h1", "h2")) + " " + " ".join(t for _, t in A.ABSTRACT)
back = " ".join(a + " " + b for a, b in A.ABBREVIATIONS) + " " + " ".join(a + " " + b for a, b in A.DECLARATIONS)
print("pages:", pages)
print("words: abstract+body %d, back matter %d, references %d, pdftotext total %d" % (
    len(body.split()), len(back.split()), len(" ".join(refs).split()), len(txt.split())))
print("questions:", dict(cnt))
print("tables:", [(t["number"], len(t["rows"])) for t in tj], "headings:", len(hd), "references:", len(refs))
for n_ in notes:
    print("note:", n_)
if fails:
    print("FAILURES (%d):" % len(fails))
    for f in fails:
        print("  -", f)
    sys.exit(1)
print("ALL CHECKS PASSED")
