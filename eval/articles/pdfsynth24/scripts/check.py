#!/usr/bin/env python3
"""Checks for pdfsynth24: PDF text vs gold files vs typesetting sources."""
import json
import os
import re
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.join(ROOT, "scripts"))
import make_gold  # noqa: E402

DOC = "pdfsynth24"
PDF = os.path.join(ROOT, "corpus", DOC + ".pdf")
FAIL = []


def check(cond, msg):
    if not cond:
        FAIL.append(msg)
        print("FAIL:", msg)


def norm(s):
    return re.sub(r"[^a-z0-9]", "", s.lower())


def pdftotext(*args, first=None, last=None):
    cmd = ["pdftotext", "-enc", "UTF-8"]
    if first:
        cmd += ["-f", str(first), "-l", str(last)]
    cmd += list(args) + [PDF, "-"]
    return subprocess.run(cmd, check=True, capture_output=True, text=True).stdout


def main():
    raw = pdftotext()
    lay = pdftotext("-layout")
    nraw, nlay = norm(raw), norm(lay)
    in_pdf = lambda s: norm(s) in nraw or norm(s) in nlay

    # ---- pages: header, footer, landscape page ----
    info = subprocess.run(["pdfinfo", "-f", "1", "-l", "99", PDF], capture_output=True, text=True).stdout
    npages = int(re.search(r"Pages:\s+(\d+)", info).group(1))
    rots = re.findall(r"Page\s+(\d+) rot:\s+(\d+)", info)
    print(f"pages: {npages}; rotated pages: {[p for p, r in rots if r != '0']}")
    check(any(r == "90" for _, r in rots), "no rotated (landscape) page")
    for p in range(1, npages + 1):
        t = norm(pdftotext(first=p, last=p))
        check(norm("Journal of Occupational and Metabolic Health (2025) 9:e0318") in t, f"running header missing on page {p}")
        check(norm(f"Page {p} of {npages}") in t, f"page number missing on page {p}")
        check(norm("Creative Commons Attribution 4.0 International License (CC BY 4.0)") in t, f"licence footer missing on page {p}")

    # ---- toml ----
    toml = open(os.path.join(ROOT, "corpus", DOC + ".toml"), encoding="utf-8").read()
    for key in ["id", "title", "authors", "journal", "year", "volume", "article", "doi", "license",
                "format", "file", "numbered_references", "tables"]:
        check(re.search(rf"^{key} = ", toml, re.M) is not None, f"toml field {key} missing")
    title = re.search(r'^title = "(.*)"$', toml, re.M).group(1)
    check(in_pdf(title), "toml title not in PDF")
    check(in_pdf("10.5555/jomh.2025.e0318"), "doi not in PDF")
    check('numbered_references = false' in toml and 'tables = 3' in toml and 'license = "CC BY 4.0"' in toml,
          "toml values")

    # ---- tables.json vs source ----
    tj = json.load(open(os.path.join(ROOT, "tables.json"), encoding="utf-8"))
    src_tables = [make_gold.read_table(n) for n in (1, 2, 3)]
    check(len(tj["tables"]) == 3, "tables.json must have 3 tables")
    for t, s in zip(tj["tables"], src_tables):
        check(t["doc"] == DOC, "table doc")
        check(t["number"] == s["number"] and t["title"] == s["title"] and t["columns"] == s["columns"]
              and t["rows"] == s["rows"], f"tables.json table {t['number']} differs from source")
        check(in_pdf(f"Table {t['number']}") and in_pdf(t["title"]), f"table {t['number']} title not in PDF")
        for r in t["rows"]:
            check(r["row"] == t["rows"].index(r) + 1, "row numbering")
            cells = [r["cells"][c] for c in t["columns"]]
            if t["number"] in (1, 2):
                check(norm(" ".join(cells)) in nlay, f"table {t['number']} row {r['row']} not found in layout text")
            else:
                # text-heavy table: cells wrap over several lines; every cell's words must appear in order
                page_words = norm(lay)
                for c in cells:
                    pos = 0
                    ok = True
                    for w in (norm(x) for x in c.split()):
                        if not w:
                            continue
                        k = page_words.find(w, pos)
                        if k < 0:
                            ok = False
                            break
                        pos = k + len(w)
                    check(ok, f"table 3 row {r['row']} cell not found: {c}")
            if "group" in r:
                check(in_pdf(r["group"]), f"group text not in PDF: {r['group']}")
    check(in_pdf("Table 2 (continued)"), "Table 2 (continued) missing")
    print("table rows:", [len(t["rows"]) for t in tj["tables"]])

    # ---- headings ----
    hj = json.load(open(os.path.join(ROOT, "headings.json"), encoding="utf-8"))[DOC]
    check(hj == make_gold.headings(), "headings.json differs from source")
    rl = [norm(l) for l in raw.splitlines()]
    raw_lines = set(rl) | {a + b for a, b in zip(rl, rl[1:])}  # a heading may wrap onto a second line
    for h in hj:
        check(norm(h) in raw_lines, f"heading not a line of its own in PDF text: {h}")
    print("headings:", len(hj))

    # ---- questions ----
    qs = [json.loads(l) for l in open(os.path.join(ROOT, "questions.jsonl"), encoding="utf-8") if l.strip()]
    counts = {}
    for q in qs:
        counts[q["type"]] = counts.get(q["type"], 0) + 1
    print("questions:", len(qs), counts)
    check(len(qs) == 30 and counts == {"table": 10, "passage": 10, "multi": 4, "none": 6}, "question counts")
    check(len({q["id"] for q in qs}) == 30, "duplicate ids")
    tabs = {t["number"]: t for t in tj["tables"]}
    for q in qs:
        qid = q["id"]
        check(set(q) == {"id", "doc", "question", "type", "answer", "evidence", "keys", "table_rows"}, f"{qid} fields")
        check(q["doc"] == DOC, f"{qid} doc")
        if q["type"] == "none":
            check(q["evidence"] == [] and q["keys"] == [] and q["table_rows"] == [], f"{qid} none must be empty")
            continue
        check(1 <= len(q["evidence"]) <= 3, f"{qid} evidence count")
        for e in q["evidence"]:
            nw = len(e.split())
            check(4 <= nw <= 14 and len(e) <= 99, f"{qid} evidence length ({nw} words, {len(e)} chars): {e}")
            check(in_pdf(e), f"{qid} evidence not in PDF text: {e}")
        check(1 <= len(q["keys"]) <= 3 if q["type"] != "multi" else 2 <= len(q["keys"]) <= 3, f"{qid} key groups")
        head = norm(q["answer"][:700])
        for g in q["keys"]:
            check(all(1 <= len(a.split()) <= 4 for a in g), f"{qid} key alternative length {g}")
            check(any(norm(a) in head for a in g), f"{qid} answer lacks key {g}")
            for a in g:
                if re.search(r"[A-Za-z]", a):
                    check(in_pdf(a), f"{qid} non-numeric key not in PDF: {a}")
        if q["type"] == "table":
            check(len(q["table_rows"]) == 1, f"{qid} table_rows")
            for tr in q["table_rows"]:
                t = tabs[tr["table"]]
                row = t["rows"][tr["row"] - 1]
                check(row["cells"][t["columns"][0]] == tr["first_cell"], f"{qid} first_cell mismatch")
                cells = [row["cells"][c] for c in t["columns"]]
                joined = norm(" ".join(cells))
                check(all(norm(e) in joined for e in q["evidence"]), f"{qid} evidence not from the named row")
        else:
            check(q["table_rows"] == [], f"{qid} table_rows must be empty")

    # ---- references and author-year citations ----
    src = open(os.path.join(ROOT, "src", "article.txt"), encoding="utf-8").read().splitlines()
    refs = [l[5:] for l in src if l.startswith("@ref ")]
    body = " ".join(l.split(" ", 1)[1] for l in src if l.startswith("@p ") or l.startswith("@abs "))
    body += " " + " ".join(open(os.path.join(ROOT, "src", "table3.txt"), encoding="utf-8").read().split("|"))
    keys = []
    for r in refs:
        m = re.search(r"\. (\d{4}[a-z]?)\. ", r)
        year = m.group(1)
        authors = r[:m.start()]
        first = authors.split(",")[0]
        toks = first.split()
        surname = " ".join(toks[:-1]) if len(toks) > 1 and re.fullmatch(r"[A-Z]{1,4}", toks[-1]) else toks[0]
        keys.append((surname, year))
        check(in_pdf(r[:60]), f"reference not in PDF: {r[:60]}")
    print("references:", len(refs))
    check(35 <= len(refs) <= 50, "reference count")
    sort_key = lambda k: norm(k[0]) + k[1]
    check([sort_key(k) for k in keys] == sorted(sort_key(k) for k in keys), "references not alphabetical")
    check(len(set(keys)) == len(keys), "duplicate reference keys")
    check(sum(1 for _, y in keys if y[-1].isalpha()) >= 4, "need same-author same-year a/b pairs")
    for s, y in keys:
        pat = re.escape(s) + r"[^()]{0,45}?(,\s|\s\()" + re.escape(y) + r"(?![a-z0-9])"
        check(re.search(pat, body) is not None, f"reference never cited: {s} {y}")
    # every citation in the text resolves to a reference
    known = set(keys)

    def resolve(name, y):
        name = re.sub(r"\s+et al\.$", "", name.strip())
        name = name.split(" & ")[0].strip()
        ok = any(y == ky and (name == ks or name.startswith(ks + " ") or ks.startswith(name)) for ks, ky in known)
        check(ok, f"citation without reference: {name} {y}")

    nc = 0
    for grp in re.findall(r"\(([^()]*\d{4}[a-z]?)\)", body):
        for part in grp.split(";"):
            m = re.fullmatch(r"\s*([A-Z][^,]*?), (\d{4}[a-z]?)", part)
            if m:
                resolve(m.group(1), m.group(2))
                nc += 1
    for m in re.finditer(r"([A-Z][\w\-\u00c0-\u017f]+(?: et al\.| & [A-Z][\w\-\u00c0-\u017f]+)) \((\d{4}[a-z]?)\)", body):
        resolve(m.group(1), m.group(2))
        nc += 1
    check(not re.search(r"\[\d+(?:[,\u2013-]\s?\d+)*\]", body), "numbered citation found")
    print("author-year citations seen:", nc)

    print("ALL CHECKS PASSED" if not FAIL else f"{len(FAIL)} CHECK(S) FAILED")
    return 1 if FAIL else 0


if __name__ == "__main__":
    sys.exit(main())
