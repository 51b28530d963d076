"""An article citing by author and year ("Park et al. (2015)", "(Moreau & Hale, 2018)") with
an alphabetical reference list, set as a PDF for this test: an answer's citations carry the
entries its own sentences cite, as a numbered article's carry their [n] markers (and no
entry borrowed from another sentence's study)."""

from __future__ import annotations

import pytest

from pdfgen import PageSpec, make_pdf

BODY = ["Copper is an essential trace element for bacteria, but at high doses it",
        "damages membranes and proteins (Rensing & Grass, 2003). Soil bacteria resist",
        "it with efflux pumps. The cus system exports copper ions from the periplasm",
        "of Gram-negative bacteria, as Park et al. (2015) showed in field isolates.",
        "Strains lacking the pump lost viability within two hours at 2 mM copper",
        "(Moreau & Hale, 2018)."]
ENTRIES = [("Moreau L, Hale R. 2018. Copper chaperones in soil bacteria. Metal Biology", "Reviews 3:40-52."),
           ("Park S, Lee K, Oduya M. 2015. Efflux pumps of soil bacteria. Journal of Soil", "Microbiology 8:11-19."),
           ("Rensing C, Grass G. 2003. Escherichia coli mechanisms of copper homeostasis.",
            "FEMS Microbiology Reviews 27:197-213.")]


@pytest.fixture(scope="module")
def copper(tmp_path_factory, embedder):
    from qa.config import Settings
    from qa.engine import Engine

    p = PageSpec()
    p.text(50, 50, "Copper tolerance in soil bacteria", size=16, bold=True)
    p.text(50, 90, "Introduction", size=11, bold=True)
    y = p.lines(50, 108, BODY, size=10, leading=12) + 14
    p.text(50, y, "References", size=11, bold=True)
    y += 18
    for first, rest in ENTRIES:  # hanging indent
        p.text(50, y, first, size=9)
        p.text(62, y + 11, rest, size=9)
        y += 26
    root = tmp_path_factory.mktemp("copper")
    (root / "corpus").mkdir()
    (root / "corpus" / "copper.pdf").write_bytes(make_pdf([p]))
    (root / "corpus" / "copper.toml").write_text('id = "copper"\ntitle = "Copper tolerance in soil bacteria"\n')
    return Engine(Settings(corpus_dir=root / "corpus", index_dir=root / "index"), embedder).load()


def test_an_answer_cites_the_entries_its_sentences_cite_by_author_and_year(copper):
    a = copper.answerer.ask("How quickly did strains lacking the efflux pump lose viability in copper?")
    assert a.status == "answered" and "two hours" in a.text
    cited = {n for c in a.citations for n in c.refs}
    assert 1 in cited  # Moreau & Hale, 2018: entry 1 of the alphabetical list
    a = copper.answerer.ask("Who showed that the cus system exports copper ions from the periplasm?")
    assert a.status == "answered" and "Park et al." in a.text
    assert {n for c in a.citations for n in c.refs} == {2}
