#!/usr/bin/env python3
"""Checks for pdfsynth20: evidence/keys are real extractable text in the PDF, tables.json matches the
typesetting source (and the printed rows), headings are printed, question counts and shapes."""
import json, os, re, subprocess, sys
from collections import Counter

HERE = os.path.dirname(os.path.abspath(__file__))
PDF = os.path.join(HERE, "corpus", "pdfsynth20.pdf")
DOC = "pdfsynth20"
fails = []
def fail(msg): fails.append(msg)
def norm(s): return re.sub(r"[^a-z0-9]", "", s.lower())

def pdftotext(*args):
    return subprocess.run(["pdftotext", *args, PDF, "-"], capture_output=True, text=True, check=True).stdout
raw = pdftotext()
lay = pdftotext("-layout")
NR, NL = norm(raw), norm(lay)
try:  # a second, independent extractor
    from pypdf import PdfReader
    NP = norm("".join(p.extract_text() for p in PdfReader(PDF).pages))
except Exception as e:  # pypdf only in the venv
    NP = ""
TOK_R = re.findall(r"[a-z0-9]+", raw.lower())
TOK_L = re.findall(r"[a-z0-9]+", lay.lower())
def in_order(s, toks, maxgap=14):
    """words of s appear in order in toks, each within maxgap tokens of the previous one
    (a cell wrapped over several lines is interleaved with its neighbours' lines)"""
    ws = re.findall(r"[a-z0-9]+", s.lower())
    starts = [i for i, t in enumerate(toks) if t == ws[0]]
    for st in starts:
        pos, ok = st, True
        for w in ws[1:]:
            nxt = next((j for j in range(pos + 1, min(len(toks), pos + 1 + maxgap)) if toks[j] == w), None)
            if nxt is None: ok = False; break
            pos = nxt
        if ok: return True
    return False
def in_pdf(s):
    n = norm(s)
    return n in NR or n in NL

# ---------------------------------------------------------------- pages: header/footer on every page
pages = raw.split("\f")
pages = [p for p in pages if p.strip()]
npages = len(pages)
for i, p in enumerate(pages, 1):
    if "Journal of Primary Care Diagnostics" not in p: fail(f"page {i}: no running header journal name")
    if f"Page {i} of {npages}" not in p: fail(f"page {i}: no page number")
    if "Creative Commons Attribution 4.0" not in p: fail(f"page {i}: no licence footer")
if "Table 3 (continued)" not in raw: fail("no 'Table 3 (continued)'")
for cap in ["Table 1 Definitions", "Table 2 Characteristics", "Table 3 Diagnostic accuracy", "Fig. 1 Flow of participants"]:
    if cap not in raw: fail("caption missing: " + cap)
if "ﬁ" in raw or "ﬂ" in raw: print("note: ligature code points in extraction")

# ---------------------------------------------------------------- citations: Vancouver order
body = raw.split("\nReferences\n")[0]
seen = []
for m in re.finditer(r"\[(\d+(?:[–-]\d+)?(?:,\s*\d+(?:[–-]\d+)?)*)\]", body):
    for part in re.split(r",\s*", m.group(1)):
        if re.search(r"[–-]", part):
            a, b = map(int, re.split(r"[–-]", part)); nums = range(a, b + 1)
        else: nums = [int(part)]
        for n in nums:
            if n not in seen: seen.append(n)
nref = len(json.load(open(os.path.join(HERE, "src", "refs.json"))))
if seen != list(range(1, nref + 1)): fail(f"citation first-appearance order not 1..{nref}: {seen}")
if not 35 <= nref <= 50: fail(f"{nref} references")
reftxt = raw.split("\nReferences\n")[1]
for n in range(1, nref + 1):
    if not re.search(rf"(^|\n){n}\. ", reftxt): fail(f"reference {n}. not found in list")

# ---------------------------------------------------------------- headings
heads = json.load(open(os.path.join(HERE, "headings.json"), encoding="utf-8"))[DOC]
lines = [l.strip() for l in raw.splitlines()]
for h in heads:
    if h not in lines: fail("heading not printed as a line: " + h)

# ---------------------------------------------------------------- tables.json vs source and print
src = json.load(open(os.path.join(HERE, "src", "tables_src.json"), encoding="utf-8"))["tables"]
tj = json.load(open(os.path.join(HERE, "tables.json"), encoding="utf-8"))["tables"]
if len(tj) != 3: fail("tables.json should have 3 tables")
for s, t in zip(src, tj):
    if t["doc"] != DOC or t["number"] != s["number"] or t["title"] != s["title"] or t["columns"] != s["columns"]:
        fail(f"table {s['number']}: header/title mismatch with source")
    if len(t["rows"]) != len(s["rows"]): fail(f"table {s['number']}: row count mismatch")
    for i, (sr, tr) in enumerate(zip(s["rows"], t["rows"]), 1):
        if tr["row"] != i: fail(f"table {s['number']} row numbering {tr['row']} != {i}")
        if list(tr["cells"].values()) != sr["cells"] or list(tr["cells"].keys()) != s["columns"]:
            fail(f"table {s['number']} row {i}: cells differ from source")
        if sr.get("group") != tr.get("group"): fail(f"table {s['number']} row {i}: group differs")
        for c in sr["cells"]:
            if c and not in_pdf(c) and not (in_order(c, TOK_R) or in_order(c, TOK_L)): fail(f"table {s['number']} row {i}: cell not in PDF text: {c!r}")
        if sr.get("group") and not in_pdf(sr["group"]): fail(f"group row not in PDF: {sr['group']}")
        if s["number"] > 1:  # single-line rows: whole printed row must be contiguous in layout text
            joined = " ".join(c for c in sr["cells"] if c)
            if norm(joined) not in NL: fail(f"table {s['number']} row {i} not contiguous in -layout text")
    if not in_pdf(s["title"]): fail(f"table {s['number']} title not in PDF")
    for col in s["columns"]:
        if not col.startswith("[") and not all(in_pdf(part) for part in col.split(" (n = ")[:1]):
            fail(f"column name not in PDF: {col}")

# ---------------------------------------------------------------- questions
qs = [json.loads(l) for l in open(os.path.join(HERE, "questions.jsonl"), encoding="utf-8")]
cnt = Counter(q["type"] for q in qs)
want = {"table": 10, "passage": 10, "multi": 4, "none": 6}
if dict(cnt) != want: fail(f"type counts {dict(cnt)} != {want}")
if len(qs) != 30 or len({q['id'] for q in qs}) != 30: fail("need 30 unique ids")
fields = ["id", "doc", "question", "type", "answer", "evidence", "keys", "table_rows"]
tables_by_n = {t["number"]: t for t in tj}
for q in qs:
    qid = q["id"]
    if list(q.keys()) != fields: fail(f"{qid}: fields {list(q.keys())}")
    if not re.fullmatch(r"s20-\d{3}", qid) or q["doc"] != DOC: fail(f"{qid}: bad id/doc")
    if q["type"] == "none":
        if q["evidence"] or q["keys"] or q["table_rows"]: fail(f"{qid}: none must have empty lists")
        continue
    if not 1 <= len(q["evidence"]) <= 3: fail(f"{qid}: {len(q['evidence'])} evidence quotes")
    for e in q["evidence"]:
        nw = len(e.split())
        if not (4 <= nw <= 14 and len(e) <= 99): fail(f"{qid}: evidence size {nw} words {len(e)} chars: {e}")
        if not in_pdf(e): fail(f"{qid}: evidence not in PDF text: {e}")
        elif norm(e) not in NR and norm(e) not in NP: print(f"note {qid}: evidence found only in -layout text: {e}")
    if not 1 <= len(q["keys"]) <= 3: fail(f"{qid}: {len(q['keys'])} key groups")
    na = norm(q["answer"][:700])
    for g in q["keys"]:
        if not g: fail(f"{qid}: empty key group")
        for alt in g:
            if not 1 <= len(alt.split()) <= 4: fail(f"{qid}: key alternative length: {alt}")
            if re.search(r"[a-z]", alt.lower()) and not in_pdf(alt): fail(f"{qid}: non-numeric key not in PDF: {alt}")
        if not any(norm(a) in na for a in g): fail(f"{qid}: gold answer lacks key group {g}")
    if q["type"] == "table":
        if len(q["table_rows"]) != 1: fail(f"{qid}: table item needs one table_row")
    elif q["type"] == "multi":
        if len(q["keys"]) < 2: fail(f"{qid}: multi needs >= 2 key groups")
        if len(q["evidence"]) < 2: fail(f"{qid}: multi needs >= 2 evidence quotes")
    elif q["table_rows"]:
        fail(f"{qid}: passage with table_rows")
    for r in q["table_rows"]:
        t = tables_by_n.get(r["table"])
        if r["doc"] != DOC or t is None or not 1 <= r["row"] <= len(t["rows"]):
            fail(f"{qid}: bad table_row {r}"); continue
        row = t["rows"][r["row"] - 1]
        if list(row["cells"].values())[0] != r["first_cell"]: fail(f"{qid}: first_cell mismatch {r}")
        # evidence of a table item must come from its row(s)
        rowtxt = norm(" ".join(v for v in row["cells"].values() if v))
        if q["type"] == "table" and not any(norm(e) in rowtxt for e in q["evidence"]):
            fail(f"{qid}: no evidence quote is from table {r['table']} row {r['row']}")

print(f"pages: {npages}; references: {nref}; headings: {len(heads)}; table rows: {sum(len(t['rows']) for t in tj)}; questions: {dict(cnt)}")
if fails:
    print(f"{len(fails)} FAILED:"); [print("  -", f) for f in fails]; sys.exit(1)
print("all checks passed")
