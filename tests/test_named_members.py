"""Names written with a suffix or a slash ("miR-210-3p", "miR-210/214", "ERK1/2") stand for the
plain names too, so a question naming miR-210 finds every row that carries it; and a row asked
for by its kind ("which cancers") is listed though its cell does not say the kind's word
("Leukaemia K562 cells"). On a small cargo table written for these tests."""

from __future__ import annotations

import pytest

from qa.index.lexical import analyze, name_term

ARTICLE = """<?xml version="1.0" encoding="UTF-8"?>
<article article-type="review-article">
<front><article-meta>
<title-group><article-title>Platelet vesicles as carriers of small RNAs</article-title></title-group>
<abstract><p>Platelet vesicles carry small RNAs into tumour cells.</p></abstract>
</article-meta></front>
<body>
<sec><title>Cargo</title>
<p>Platelet vesicles deliver small RNAs to nearby cells, where they change gene expression [<xref ref-type="bibr" rid="B1">1</xref>].
The cargo differs with the activation state of the platelet [<xref ref-type="bibr" rid="B2">2</xref>].</p>
<table-wrap id="T1"><label>Table 1</label><caption><p>Small RNA cargo of platelet vesicles in tumour models</p></caption>
<table><thead><tr><th>Vesicle source</th><th>Target cells</th><th>Cargo</th><th>Effect</th></tr></thead>
<tbody>
<tr><td>Activated platelets</td><td>Hepatoma HepG2 cells</td><td>miR-210-3p</td><td>Slowed cell growth</td></tr>
<tr><td>Resting platelets</td><td>Leukaemia K562 cells</td><td>miR-210/214</td><td>Induced apoptosis</td></tr>
<tr><td>Stored platelets</td><td>Colon cancer cells</td><td>miR-210</td><td>Reduced invasion</td></tr>
<tr><td>Activated platelets</td><td>Lung cancer cells</td><td>miR-155</td><td>Increased migration</td></tr>
<tr><td>Resting platelets</td><td>Breast cancer cells</td><td>miR-24</td><td>Reduced migration</td></tr>
</tbody></table></table-wrap>
</sec>
</body>
<back><ref-list><title>References</title>
<ref id="B1"><label>1.</label><mixed-citation>Doe J. Platelet vesicles. Blood. 2010;4:5-6.</mixed-citation></ref>
<ref id="B2"><label>2.</label><mixed-citation>Roe R. Activation. Thromb Res. 2011;7:1-9.</mixed-citation></ref>
</ref-list></back>
</article>
"""


def test_a_name_ranks_the_text_that_writes_it_with_a_suffix_first():
    from qa.index.lexical import Lexical

    texts = ["vesicles carry miR-21-3p", "vesicles carry 21 copies of a miR", "vesicles carry miR-16"]
    scores = Lexical.build(texts).scores(analyze("miR-21"))
    assert scores.argmax() == 0 and scores[0] > scores[1]


def test_a_suffixed_or_slashed_name_stands_for_the_plain_names():
    assert "mir210" in analyze("miR-210-3p")  # the arm names which strand of miR-210
    assert {"mir210", "mir214"} <= set(analyze("miR-210/214"))
    assert {"erk1", "erk2"} <= set(analyze("ERK1/2"))
    assert {"il6", "il1"} <= set(analyze("IL-6/IL-1"))
    # A letter after the number, a species prefix, a letter after the slash.
    assert "mir146a" in analyze("miR-146a-5p") and "mir21" in analyze("hsa-miR-21-5p")
    assert {"mir146a", "mir146b"} <= set(analyze("miR-146a/b")) and "let7a" in analyze("let-7a-5p")
    # Only a name with its number shares its letters: C57BL/6 is a mouse strain, not C6.
    assert "c6" not in analyze("C57BL/6") and analyze("DBA/2") == ["dba", "2", "dba2"]
    # The whole compound is still its own term, and the name a name's words write.
    assert "mir2103p" in analyze("miR-210-3p")
    assert name_term("miR-210-3p") == "mir2103p" and name_term("IL-10") == "il10"
    # A word with a hyphen that is no name with a number stays as it was.
    assert analyze("BM-MSCs") == ["bm", "msc", "bmmsc"]


@pytest.fixture(scope="module")
def cargo(tmp_path_factory, embedder):
    from conftest import engine_for_text

    eng = engine_for_text(tmp_path_factory, embedder, "cargo", ARTICLE,
                          "Platelet vesicles as carriers of small RNAs", suffix=".nxml")
    assert sum(c.kind == "table_row" for c in eng.index.chunks) == 5
    return eng


def test_every_written_form_of_a_named_rna_is_listed(cargo):
    a = cargo.answerer.ask("Which tumour cells were given miR-210?")
    assert a.status == "answered"
    for cells in ("Hepatoma HepG2 cells", "Leukaemia K562 cells", "Colon cancer cells"):
        assert cells in a.text
    assert "miR-155" not in a.text and "Lung cancer" not in a.text


def test_real_words_the_document_lacks_are_not_respelled_into_other_english_words(cargo):
    # The service's speller knows English beyond the model's vocabulary ("hinder", "graft").
    assert cargo.searcher.speller.english
    assert cargo.searcher.spelled("do platelet grafts hinder tumour growth") == "do platelet grafts hinder tumour growth"


def test_a_row_asked_for_by_its_kind_is_kept_without_the_kinds_word(cargo):
    # "which cancers": the colon row's cell says "cancer", the leukaemia and hepatoma rows'
    # cells do not; they meet the question as well as it does and stay.
    a = cargo.answerer.ask("In which cancers was miR-210 cargo tested?")
    assert a.status == "answered"
    assert "Leukaemia K562 cells" in a.text and "Hepatoma HepG2 cells" in a.text and "Colon cancer cells" in a.text
