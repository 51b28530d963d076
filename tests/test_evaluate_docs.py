"""Scoring of other documents: table rows recovered one-to-one, cells exact, leaks."""

from pathlib import Path

from qa.evaluate_docs import evaluate_documents, leaks, score_tables
from qa.ingest import build, load

DATA = Path(__file__).parent / "data"


def test_rows_recovered_one_to_one_and_cells_exact():
    doc = load(DATA / "mini-jats.nxml")
    truth = [{"doc": doc.id, "number": 1, "rows": [
        {"row": 1, "cells": {"System": "Cus", "Gene": "cusA", "Where": "inner membrane", "Ref": [1]}},
        {"row": 2, "cells": {"System": "Cus", "Gene": "cusC", "Where": "outer membrane", "Ref": [3]}},
        {"row": 3, "cells": {"System": "Cus", "Gene": "cusA", "Where": "inner membrane", "Ref": [1]}},  # no second match
        {"row": 4, "cells": {"System": "Cop", "Gene": "copA", "Where": "membrane (cytoplasmic)", "Ref": [2]}},
    ]}, {"doc": doc.id, "number": 2, "rows": [{"row": 1, "cells": {"a": "x"}}]}]
    s = score_tables(truth, {doc.id: doc})[doc.id]
    # Row 3 cannot reuse row 1's match; row 4 has 3 of its 4 cells (< 80%); table 2 is missing.
    assert (s["tables"], s["tables_found"], s["rows"], s["recovered"]) == (2, 1, 5, 2)
    assert (s["cells"], s["cells_exact"]) == (8, 8)  # "[1]" and 1 are the same cell once normalised


def test_leaks_find_page_lines_and_licences():
    doc = build(["Results\nCells grew well in both media, as expected.\nPage 3 of 10 and more text here.\n"
                 "\n© 2020 The Authors. Licensee Springer.\n"], doc_id="x", title="x")
    found = leaks(doc)
    assert any("Page 3 of 10" in f for f in found) and any("©" in f for f in found)


def test_report_per_document_and_format(tmp_path):
    corpus = tmp_path / "c"
    corpus.mkdir()
    (corpus / "mini.nxml").write_bytes((DATA / "mini-jats.nxml").read_bytes())
    r = evaluate_documents(corpus, None)
    d = r["documents"]["mini"]
    assert d["format"] == "jats" and d["references"] == 3 and d["references_parsed"] == 1.0 and d["leaks"] == 0
