"""Independent checks for the jats6 eval set. Run: python3 check.py"""
import json
import os
import re
import sys
import tomllib
import xml.etree.ElementTree as ET

HERE = os.path.dirname(os.path.abspath(__file__))
ok = True


def fail(msg):
    global ok
    ok = False
    print("FAIL:", msg)


def norm(s):
    return re.sub(r"[^a-z0-9]", "", s.lower())


def txt(el):
    return " ".join("".join(el.itertext()).split())


# 1. XML parses ------------------------------------------------------------
tree = ET.parse(os.path.join(HERE, "corpus", "jats6.nxml"))
root = tree.getroot()
print("XML parses: OK")
full = norm("".join(root.itertext()))

# 2. record -----------------------------------------------------------------
with open(os.path.join(HERE, "corpus", "jats6.toml"), "rb") as fh:
    rec = tomllib.load(fh)
for k in ["id", "title", "authors", "journal", "year", "volume", "article", "doi", "license", "format", "file",
          "numbered_references", "tables"]:
    if k not in rec:
        fail(f"toml missing {k}")
if rec.get("title") != txt(root.find("front/article-meta/title-group/article-title")):
    fail("toml title differs from XML")
xml_auth = [f'{c.findtext("name/surname")}, {c.findtext("name/given-names")}'
            for c in root.iter("contrib")]
if rec.get("authors") != xml_auth:
    fail(f"authors differ {xml_auth}")
if rec.get("doi") != root.findtext("front/article-meta/article-id[@pub-id-type='doi']"):
    fail("doi differs")

# 3. structure counts ----------------------------------------------------------
body = root.find("body")
wraps = list(root.iter("table-wrap"))
if len(wraps) != rec["tables"]:
    fail(f"table count {len(wraps)} != record {rec['tables']}")
refs = root.findall("back/ref-list/ref")
print("references:", len(refs))
if not 35 <= len(refs) <= 50:
    fail("ref count")
ref_ids = {r.get("id") for r in refs}
xrefs = [x for x in root.iter("xref") if x.get("ref-type") == "bibr"]
bad = [x.get("rid") for x in xrefs if x.get("rid") not in ref_ids]
if bad:
    fail(f"dangling xrefs {bad}")
cited = {x.get("rid") for x in xrefs}
# ranges "[4–6]": xref, en dash, xref -> the numbers in between are cited too
for m in re.finditer(r'rid="B(\d+)">\d+</xref>(?:&#8211;|\u2013)<xref ref-type="bibr" rid="B(\d+)"',
                     open(os.path.join(HERE, "corpus", "jats6.nxml"), encoding="utf-8").read()):
    cited.update(f"B{n}" for n in range(int(m.group(1)), int(m.group(2)) + 1))
if ref_ids - cited:
    fail(f"uncited refs {ref_ids - cited}")
for r in refs:
    if r.find("mixed-citation") is None and r.find("element-citation") is None:
        fail(f"ref {r.get('id')} has no citation element")
print("figures:", len(list(body.iter("fig"))), "boxes:", len(list(body.iter("boxed-text"))),
      "lists:", len(list(body.iter("list"))), "glossary:", root.find("back/glossary") is not None)
# word count (body without tables) and abstract
import copy
b2 = copy.deepcopy(body)
for p in b2.iter():
    for c in list(p):
        if c.tag == "table-wrap":
            p.remove(c)
words_body = len(" ".join(b2.itertext()).split())
words_all = len(" ".join(body.itertext()).split())
print(f"words: body without tables {words_body}, body with tables {words_all}")
if not 4000 <= words_body <= 5000:
    fail("word count of body text (without tables) outside 4000-5000")

# 4. headings -------------------------------------------------------------------
heads = json.load(open(os.path.join(HERE, "headings.json"), encoding="utf-8"))["jats6"]
xml_heads = [txt(s.find("title")) for s in body.iter("sec") if s.find("title") is not None]
if heads != xml_heads:
    fail("headings.json differs from XML")
print("headings:", len(heads))


# 5. tables.json vs XML (independent grid parser) --------------------------------
def grid(section):
    """Expand rows of thead/tbody into a grid honouring rowspan/colspan."""
    out, pending = [], {}
    for tr in section.findall("tr"):
        row, col = [], 0
        cells = list(tr)
        i = 0
        while i < len(cells) or col in pending:
            if col in pending:
                text, left = pending[col]
                row.append((text, True))
                if left > 1:
                    pending[col] = (text, left - 1)
                else:
                    del pending[col]
                col += 1
                continue
            c = cells[i]
            i += 1
            t = txt(c)
            rs, cs = int(c.get("rowspan", 1)), int(c.get("colspan", 1))
            for k in range(cs):
                row.append((t, False))
                if rs > 1:
                    pending[col] = (t, rs - 1)
                col += 1
        out.append(row)
    return out


tj = json.load(open(os.path.join(HERE, "tables.json"), encoding="utf-8"))["tables"]
if len(tj) != len(wraps):
    fail("tables.json table count")
for tw, tjt in zip(wraps, tj):
    num = int(txt(tw.find("label")).split()[-1])
    if num != tjt["number"]:
        fail(f"table number {num}")
    if txt(tw.find("caption/title")) != tjt["title"]:
        fail(f"table {num} title")
    if tw.find("table-wrap-foot/fn/p") is None:
        fail(f"table {num} has no footnote")
    head = grid(tw.find("table/thead"))
    ncol = len(head[0])
    cols = []
    for j in range(ncol):
        parts = []
        for r in head:
            t = r[j][0]
            if t and (not parts or parts[-1] != t):
                parts.append(t)
        cols.append(" ".join(parts) if parts else f"[{j}]")
    if cols != tjt["columns"]:
        fail(f"table {num} columns {cols} vs {tjt['columns']}")
    tbody = tw.find("table/tbody")
    body_rows = grid(tbody)
    rows, group = [], None
    for tr_el, r in zip(tbody.findall("tr"), body_rows):
        if len(tr_el) == 1 and int(tr_el[0].get("colspan", 1)) == ncol:  # spanning section row
            group = r[0][0]
            continue
        if len(r) != ncol:
            fail(f"table {num}: row with {len(r)} cells")
        rows.append({"cells": dict(zip(cols, [x[0] for x in r])), "group": group})
    if len(rows) != len(tjt["rows"]):
        fail(f"table {num}: {len(rows)} rows in XML vs {len(tjt['rows'])}")
    for i, (a, b) in enumerate(zip(rows, tjt["rows"])):
        if b["row"] != i + 1:
            fail(f"table {num} row numbering")
        if a["cells"] != b["cells"]:
            fail(f"table {num} row {i + 1} cells differ: {a['cells']} vs {b['cells']}")
        if (a["group"] or None) != (b.get("group") or None):
            fail(f"table {num} row {i + 1} group {a['group']} vs {b.get('group')}")
    print(f"table {num}: {len(rows)} rows, {ncol} columns OK")
t1 = tj[0]
if len(t1["rows"]) < 15:
    fail("table 1 needs 15+ rows")

# 6. questions ------------------------------------------------------------------------
qs = [json.loads(l) for l in open(os.path.join(HERE, "questions.jsonl"), encoding="utf-8")]
from collections import Counter
cnt = Counter(q["type"] for q in qs)
print("questions:", len(qs), dict(cnt))
if len(qs) != 30 or cnt != Counter({"table": 10, "passage": 10, "multi": 4, "none": 6}):
    fail("question counts")
ids = [q["id"] for q in qs]
if len(set(ids)) != len(ids):
    fail("duplicate ids")
tables_by_num = {t["number"]: t for t in tj}
for q in qs:
    for f in ["id", "doc", "question", "type", "answer", "evidence", "keys", "table_rows"]:
        if f not in q:
            fail(f"{q.get('id')} missing {f}")
    if q["doc"] != "jats6":
        fail(f"{q['id']} doc")
    if q["type"] == "none":
        if q["evidence"] or q["keys"] or q["table_rows"]:
            fail(f"{q['id']} none item must have empty evidence/keys/table_rows")
        continue
    if not 1 <= len(q["evidence"]) <= 3:
        fail(f"{q['id']} evidence count {len(q['evidence'])}")
    row_texts = set()
    for tr in q["table_rows"]:
        t = tables_by_num[tr["table"]]
        r = t["rows"][tr["row"] - 1]
        if list(r["cells"].values())[0] != tr["first_cell"]:
            fail(f"{q['id']} first_cell mismatch")
        row_texts.add(" ".join(r["cells"].values()))
        row_texts.update(r["cells"].values())
        row_texts.add(" ".join(list(r["cells"].values())[1:]))
    for e in q["evidence"]:
        if norm(e) not in full:
            fail(f"{q['id']} evidence not in text: {e}")
        is_row = e in row_texts
        if not is_row:
            n = len(e.split())
            if not (4 <= n <= 14 and len(e) <= 99):
                fail(f"{q['id']} evidence length ({n} words, {len(e)} chars): {e}")
    if q["type"] == "table" and not q["table_rows"]:
        fail(f"{q['id']} table item without table_rows")
    if q["type"] == "table" and len({tr['table'] for tr in q['table_rows']}) != 1:
        fail(f"{q['id']} table item should use one row")
    if q["type"] == "passage" and q["table_rows"]:
        fail(f"{q['id']} passage with table_rows")
    if not 1 <= len(q["keys"]) <= 3:
        fail(f"{q['id']} key group count")
    if q["type"] == "multi" and len(q["keys"]) < 2:
        fail(f"{q['id']} multi needs a key group per part")
    ans = norm(q["answer"][:700])
    for g in q["keys"]:
        if not any(norm(a) in ans for a in g):
            fail(f"{q['id']} gold answer lacks key group {g}")
        for a in g:
            if len(a.split()) > 4:
                fail(f"{q['id']} key too long {a}")
            na = norm(a)
            if not na:
                fail(f"{q['id']} empty key {a}")
            if re.search(r"[a-z]", na) and na not in full:
                fail(f"{q['id']} key alternative not in text: {a}")

print("ALL CHECKS PASSED" if ok else "SOME CHECKS FAILED")
sys.exit(0 if ok else 1)
