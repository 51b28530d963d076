"""Checks for the jats3 test document and its gold files. Run: python3 check.py"""
import json, re, sys, tomllib, os
import xml.etree.ElementTree as ET
from collections import Counter
D = os.path.dirname(os.path.abspath(__file__))
errors = []
def err(m): errors.append(m)
def norm(s): return re.sub(r"[^a-z0-9]", "", s.lower())
def ws(s): return re.sub(r"\s+", " ", s).strip()

# 1. XML parses
root = ET.parse(os.path.join(D, "corpus/jats3.nxml")).getroot()
fulltext = norm("".join(root.itertext()))
body = root.find("body")

# record
rec = tomllib.load(open(os.path.join(D, "corpus/jats3.toml"), "rb"))
for k in ["id","title","authors","journal","year","volume","article","doi","license","format","file","numbered_references","tables"]:
    if k not in rec: err(f"toml missing {k}")
title = ws("".join(root.find("front/article-meta/title-group/article-title").itertext()))
if rec["title"] != title: err("toml title != article-title")
xa = [f'{c.find("name/surname").text}, {c.find("name/given-names").text}' for c in root.iter("contrib") if c.get("contrib-type")=="author"]
if rec["authors"] != xa: err(f"authors mismatch {xa}")
if rec["doi"] != root.find("front/article-meta/article-id[@pub-id-type='doi']").text: err("doi mismatch")
if rec["tables"] != len(body.findall(".//table-wrap")): err("table count")

# structure counts
refs = root.findall("back/ref-list/ref")
if not 35 <= len(refs) <= 50: err(f"refs {len(refs)}")
ref_ids = {r.get("id") for r in refs}
for x in root.iter("xref"):
    if x.get("ref-type") == "bibr" and x.get("rid") not in ref_ids: err(f"dangling {x.get('rid')}")
cited = {x.get("rid") for x in root.iter("xref") if x.get("ref-type")=="bibr"}
if ref_ids - cited: err(f"uncited refs {ref_ids - cited}")
# citation label matches the reference (first surname + year)
for x in body.iter("xref"):
    if x.get("ref-type") != "bibr": continue
    r = root.find(f"back/ref-list/ref[@id='{x.get('rid')}']")
    sur = r.find(".//surname").text; yr = r.find(".//year").text
    if not (x.text.startswith(sur) and yr in x.text): err(f"label {x.text} vs {sur} {yr}")
words = len(" ".join(list(root.find("front/article-meta/abstract").itertext()) + list(body.itertext())).split())
print("words (abstract + body incl. tables):", words)
if not 3500 <= words <= 4500: err(f"word count {words}")
for tag in ["list", "boxed-text", "fig"]:
    if body.find(f".//{tag}") is None: err(f"no {tag}")

# headings
def sec_titles(el):
    out = []
    for s in el.findall("sec"):
        out.append(ws("".join(s.find("title").itertext()))); out += sec_titles(s)
    return out
H = json.load(open(os.path.join(D, "headings.json")))
if H["jats3"] != sec_titles(body): err("headings mismatch")

# tables: grid parse
def parse_table(tw):
    tbl = tw.find("table")
    def grid(trs):
        g, occupied = [], {}
        for ri, tr in enumerate(trs):
            row, ci = [], 0
            cells = list(tr)
            for c in cells:
                while (ri, ci) in occupied: row.append(occupied.pop((ri, ci))); ci += 1
                txt = ws("".join(c.itertext())); cs = int(c.get("colspan", 1)); rs = int(c.get("rowspan", 1))
                for k in range(cs):
                    row.append((txt, c.tag, cs))
                    for r2 in range(1, rs): occupied[(ri + r2, ci)] = (txt, c.tag, cs)
                    ci += 1
            while (ri, ci) in occupied: row.append(occupied.pop((ri, ci))); ci += 1
            g.append(row)
        return g
    hg = grid(tw.findall("table/thead/tr")); ncol = len(hg[0])
    cols = []
    for j in range(ncol):
        parts = []
        for row in hg:
            if not parts or parts[-1] != row[j][0]: parts.append(row[j][0])
        cols.append(" ".join(p for p in parts if p))
    rows, group = [], None
    for row in grid(tw.findall("table/tbody/tr")):
        if len(row) == ncol and row[0][2] == ncol: group = row[0][0]; continue
        o = {"row": len(rows) + 1, "cells": {cols[j]: row[j][0] for j in range(ncol)}}
        if group: o["group"] = group
        rows.append(o)
    return {"doc": "jats3", "number": int(tw.find("label").text.split()[-1]),
            "title": ws("".join(tw.find("caption/title").itertext())), "columns": cols, "rows": rows}
xml_tables = [parse_table(tw) for tw in body.iter("table-wrap")]
T = json.load(open(os.path.join(D, "tables.json")))["tables"]
if T != xml_tables:
    for a, b in zip(T, xml_tables):
        if a != b: err(f"table {a['number']} differs: {json.dumps(a)[:300]} / {json.dumps(b)[:300]}")
for tw in body.iter("table-wrap"):
    if tw.find("table-wrap-foot/fn/p") is None: err("table without fn")
Tn = {t["number"]: t for t in T}

# questions
Q = [json.loads(l) for l in open(os.path.join(D, "questions.jsonl"))]
if len(Q) != 30: err(f"{len(Q)} questions")
c = Counter(q["type"] for q in Q)
if c != Counter(table=10, passage=10, multi=4, none=6): err(f"types {c}")
if len({q["id"] for q in Q}) != 30: err("dup ids")
for q in Q:
    i = q["id"]
    if set(q) != {"id","doc","question","type","answer","evidence","keys","table_rows"}: err(f"{i} fields")
    if q["type"] == "none":
        if q["evidence"] or q["keys"] or q["table_rows"]: err(f"{i} none non-empty")
        continue
    if not 1 <= len(q["evidence"]) <= 3: err(f"{i} evidence count")
    for e in q["evidence"]:
        n = len(e.split())
        if not (4 <= n <= 14 and len(e) <= 99): err(f"{i} evidence size {n}w {len(e)}c: {e}")
        if norm(e) not in fulltext: err(f"{i} evidence not in text: {e}")
    if not 1 <= len(q["keys"]) <= 3: err(f"{i} key groups")
    ans = norm(q["answer"][:700])
    for g in q["keys"]:
        if not any(norm(a) in ans for a in g): err(f"{i} gold answer lacks key group {g}")
        for a in g:
            if not 1 <= len(a.split()) <= 4: err(f"{i} key length {a}")
            if re.search(r"[a-z]", norm(a)) and norm(a) not in fulltext: err(f"{i} key not in text: {a}")
    if q["type"] == "table":
        if len(q["table_rows"]) != 1: err(f"{i} table_rows")
        for tr in q["table_rows"]:
            t = Tn[tr["table"]]; row = t["rows"][tr["row"] - 1]
            if row["cells"][t["columns"][0]] != tr["first_cell"]: err(f"{i} first_cell")
            vals = [row["cells"][cname] for cname in t["columns"]]
            runs = {norm(" ".join(vals[a:b])) for a in range(len(vals)) for b in range(a + 1, len(vals) + 1)}
            for e in q["evidence"]:
                if norm(e) not in runs: err(f"{i} evidence is not a run of cells of its row: {e}")
    elif q["table_rows"]: err(f"{i} table_rows should be empty")
    if q["type"] == "multi" and len(q["keys"]) < 2: err(f"{i} multi needs >=2 key groups")

print("questions:", dict(c), "| tables:", [(t["number"], len(t["rows"])) for t in T], "| refs:", len(refs),
      "| headings:", len(H["jats3"]))
if errors:
    print("\n".join("FAIL " + e for e in errors)); sys.exit(1)
print("ALL CHECKS PASSED")
