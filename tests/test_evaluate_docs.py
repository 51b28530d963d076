"""Scoring of other documents: table rows recovered one-to-one, cells exact, leaks."""

import json
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
    # Passages as a reader that missed them would leave them (the plain-text reader now drops
    # a licence at a page foot, so the document is assembled directly).
    from qa.ingest.assemble import Piece, assemble

    doc = assemble([Piece("heading", "Results"),
                    Piece("paragraph", "Cells grew well in both media, as expected. Page 3 of 10 and more text here."),
                    Piece("paragraph", "© 2020 The Authors. Licensee Springer.")], doc_id="x", title="x")
    found = leaks(doc)
    assert any("Page 3 of 10" in f for f in found) and any("©" in f for f in found)


def test_report_per_document_and_format(tmp_path):
    corpus = tmp_path / "c"
    corpus.mkdir()
    (corpus / "mini.nxml").write_bytes((DATA / "mini-jats.nxml").read_bytes())
    r = evaluate_documents(corpus, None)
    d = r["documents"]["mini"]
    assert d["format"] == "jats" and d["references"] == 3 and d["references_parsed"] == 1.0 and d["leaks"] == 0


HEADED = """Otters of the Upper River

1. Introduction
Otters returned to the upper river after the mills closed, and their spraints now mark every
bridge between the weir and the lake, from the old stone arch at the ford to the footbridge
below the church, where the water runs deep and slow over beds of gravel and weed [1].

2.1 Sampling design
We walked the banks once a month and counted fresh spraints under each bridge, scraping the
ledges clean after each count so that the next visit would see only what had been left since
the last one, and we noted the height of the water at the gauge by the weir each time [2].

Results
Counts rose each spring and fell in late summer when the young left the holts, and they were
highest under the bridges nearest the lake, where the fish gather in the shallows in spring
to spawn among the reeds and the otters follow them along the margins of the open water [3].
"""


def test_heading_recall_precision_and_leaks_per_document(tmp_path, capsys):
    from qa.cli import main
    from qa.evaluate_docs import heading_key, score_headings

    corpus = tmp_path / "c"
    corpus.mkdir()
    (corpus / "otters.txt").write_text(HEADED, encoding="utf-8")
    doc = load(corpus / "otters.txt")
    # Numbering, case and spacing do not matter; each gold heading is matched once.
    assert heading_key("2.1  Sampling Design") == heading_key("sampling design") == "samplingdesign"
    gold = ["Introduction", "Sampling design", "RESULTS", "Discussion"]
    s = score_headings(doc, gold)
    parsed = [b.text for b in doc.blocks if b.kind == "heading"]
    assert parsed == ["Otters of the Upper River", "1. Introduction", "2.1 Sampling design", "Results"]
    assert (s["recall"], s["precision"], s["missed"], s["extra"]) == (0.75, 0.75, ["Discussion"], ["Otters of the Upper River"])
    assert s["leaks"] == 0
    headings = tmp_path / "h.json"
    headings.write_text(json.dumps({"otters": gold + ["Results"]}), encoding="utf-8")
    # --headings alone scores ingestion only: no index is built.
    assert main(["eval", "--corpus-dir", str(corpus), "--headings", str(headings), "--json",
                 "--index-dir", str(tmp_path / "no-index")]) == 0
    h = json.loads(capsys.readouterr().out)["documents"]["otters"]["heading_scores"]
    assert (h["gold"], h["recall"], h["precision"]) == (5, 0.6, 0.75)  # "Results" once in the text
    assert not (tmp_path / "no-index").exists()
    headings.write_text("[1, 2]", encoding="utf-8")
    assert main(["eval", "--corpus-dir", str(corpus), "--headings", str(headings)]) != 0
    assert "expected {document id: [heading, ...]}" in capsys.readouterr().err


def test_a_leaked_page_line_counts_against_the_headings_report():
    from qa.evaluate_docs import score_headings

    doc = build(["Results\nCells grew well in both media, as expected.\nPage 3 of 10 and more text here.\n"],
                doc_id="x", title="x")
    assert score_headings(doc, ["Results"])["leaks"] == 1
