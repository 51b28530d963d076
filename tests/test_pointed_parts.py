"""Parts of a document pointed at: figures asked by number, caption titles as answers, a table
pointed at by number or title (its rows rank first), and a column named by what its cells say;
on a small plain-text review written for these tests (the real model embeds it)."""

from __future__ import annotations

import pytest

from qa.answer_type import figure_named, without_figure_names

DOC = """Phage sprays for burn wound infection

Abstract
Bacteriophage sprays are studied as an alternative to antibiotics on infected burns [1]. Herein, we review how sprays are prepared and what animal studies found. Sprays are also tried on infected pancreatic wounds after surgery [8].

Spray preparation
Phage lysates are purified by caesium chloride gradients and then dried into a powder before they are dissolved in saline for spraying [2]. A nebuliser delivers the droplets onto the burn, and most phages survive the spraying step when the droplets are larger than ten micrometres [3].

Fig. 1 Phage spray preparation. Lysates are purified, dried into a powder and dissolved in saline; the nebuliser then delivers droplets larger than ten micrometres onto the wound.

Animal studies
Okafor et al. sprayed burns in rats twice daily and found that the bacterial load fell a hundredfold within three days [4]. In pigs, a single spray cleared Pseudomonas from most wounds [5].
Figure 2 shows that the phage count on the skin doubled within six hours [9].

Fig. 2 Bacterial load after spraying. The load fell a hundredfold within three days in rats.

Table 1 Animal studies of phage sprays
Animal Mechanism Main outcome Ref
Rats Delivering lytic phages against Pseudomonas Lower bacterial load [4]
Pigs Delivering a phage cocktail Cleared infection [5]
Mice Delivering phage lysins Faster wound closure [6]
Rabbits Binding of phages to biofilm Less biofilm [7]
"""


@pytest.fixture(scope="module")
def phage(tmp_path_factory, embedder):
    from conftest import engine_for_text

    return engine_for_text(tmp_path_factory, embedder, "phage", DOC, "Phage sprays for burn wound infection")


@pytest.mark.parametrize("question, number", [
    ("What does Figure 1 show?", 1), ("What is shown in Fig. 2?", 2), ("explain fig 2", 2), ("What is in Figure 3b?", 3),
    ("What does the review say about phages?", None), ("Which figures show droplets?", None),
])
def test_a_figure_pointed_at_by_its_number(question, number):
    assert figure_named(question) == number


def test_pointer_words_are_not_what_is_asked_of_a_figure():
    assert without_figure_names("What does Figure 1 show?").split() == ["What", "does", "?"]


def test_a_figure_asked_by_its_number_is_answered_by_its_caption_from_its_title(phage):
    a = phage.answerer.ask("What does Figure 1 show?")
    assert a.status == "answered"
    assert a.text.startswith("“Fig. 1 Phage spray preparation. Lysates are purified")
    assert "larger than ten micrometres onto the wound" in a.text
    # The caption cited is figure 1's, not figure 2's, and the quote is what the caption says.
    assert len(a.citations) == 1 and "Fig. 1 Phage spray preparation" in a.citations[0].quote
    b = phage.answerer.ask("What is shown in Fig. 2?")
    assert b.text.startswith("“Fig. 2 Bacterial load after spraying.")


def test_a_figure_the_document_does_not_have_gets_no_other_caption(phage):
    a = phage.answerer.ask("What does Figure 5 show?")
    assert "Fig. 1" not in a.text and "Fig. 2" not in a.text


def test_a_caption_title_alone_is_no_answer(phage):
    # "Phage spray preparation" is the title's very words, but the title says nothing of it:
    # the running text that does answers.
    a = phage.answerer.ask("How is a phage spray prepared?")
    assert a.status == "answered"
    assert not a.text.startswith("“Fig. 1 Phage spray preparation.”")
    assert "caesium chloride" in a.text or "dried into a powder" in a.text


def test_a_column_named_by_what_its_cells_say(phage):
    # "what did they deliver" names the Mechanism column by its cells ("Delivering ..."), and
    # "the main outcome" names the other: both are shown for the row asked.
    a = phage.answerer.ask("Pigs row of Table 1: what did the sprays deliver, and what was the main outcome?")
    assert a.status == "answered"
    assert "Mechanism: Delivering a phage cocktail" in a.text
    assert "Main outcome: Cleared infection" in a.text


def test_a_how_question_still_asks_the_passage(phage):
    # "How do the sprays deliver ...": a mechanism, told in the running text; the verb the
    # Mechanism cells share does not turn it into a column asked.
    a = phage.answerer.ask("How does the nebuliser deliver the phages onto the burn?")
    assert a.status == "answered"
    assert "droplets" in a.text


@pytest.mark.parametrize("query", [
    "Table 1: did a single spray clear Pseudomonas in pigs?",
    "In the table of animal studies, did a single spray clear Pseudomonas in pigs?",
    "the animal studies table: pigs",
])
def test_a_table_pointed_at_lifts_its_rows(phage, query):
    import numpy as np

    from qa.search import TABLE_POINTED_BOOST

    s = phage.searcher
    fused = np.linspace(0.0, 1.0, len(s.index.chunks))
    lifted = s._to_table_pointed_at(query, fused)
    rows = np.array([c.kind == "table_row" for c in s.index.chunks])
    assert np.allclose(lifted[rows], fused[rows] + TABLE_POINTED_BOOST)
    assert np.allclose(lifted[~rows], fused[~rows])


@pytest.mark.parametrize("query", [
    "did a single spray clear Pseudomonas in pigs?",
    "Table 4: did a single spray clear Pseudomonas in pigs?",  # no Table 4 here
    "the dosing table: pigs",  # no table is titled so
])
def test_a_query_pointing_at_no_table_of_the_document_lifts_nothing(phage, query):
    import numpy as np

    s = phage.searcher
    fused = np.linspace(0.0, 1.0, len(s.index.chunks))
    assert np.allclose(s._to_table_pointed_at(query, fused), fused)


def test_the_row_pointed_at_comes_first(phage):
    hits = phage.searcher.search("In Table 1, was the infection cleared in pigs?", k=3)
    assert hits[0].chunk.text.startswith("Pigs")


LONG_ROWS = """<?xml version="1.0" encoding="UTF-8"?>
<article article-type="review-article">
<front><article-meta>
<title-group><article-title>Helminth therapy for colitis: a short review</article-title></title-group>
<abstract><p>Worm-derived products calm gut inflammation in models of colitis.</p></abstract>
</article-meta></front>
<body>
<sec><title>Background</title>
<p>Worm-derived products calm gut inflammation in animal models of colitis [<xref ref-type="bibr" rid="B1">1</xref>]. Herein, we list the studies of worm products in Table 1.</p>
<table-wrap id="T1"><label>Table 1</label><caption><p>Studies of worm products in colitis</p></caption>
<table><thead><tr><th>Model</th><th>Worm</th><th>Product</th><th>Outcome</th><th>Ref</th></tr></thead>
<tbody>
<tr><td>DSS mice</td><td>Hookworm</td><td>AIP-2</td><td>Reduced weight loss, colon shortening, rectal bleeding, the myeloperoxidase activity of the colon and the histological inflammation score over the fourteen days of observation after the last dose (animal study)</td><td>[<xref ref-type="bibr" rid="B2">2</xref>]</td></tr>
<tr><td>TNBS mice</td><td>Whipworm</td><td>p43</td><td>Lowered interleukin-13 signalling and the infiltration of neutrophils into the mucosa of the distal colon (animal study)</td><td>[<xref ref-type="bibr" rid="B3">3</xref>]</td></tr>
<tr><td>DSS rats</td><td>Tapeworm</td><td>Excretory proteins</td><td>Preserved the epithelial barrier and lowered the leakage of dextran into the blood of treated animals (animal study)</td><td>[<xref ref-type="bibr" rid="B4">4</xref>]</td></tr>
<tr><td>Organoids</td><td>Hookworm</td><td>AIP-1</td><td>Reduced the release of interleukin-8 and of chemokine ligand 20 from inflamed epithelial organoids derived from the colonic biopsies of patients with active ulcerative colitis (in vitro study)</td><td>[<xref ref-type="bibr" rid="B5">5</xref>]</td></tr>
<tr><td>TNBS rats</td><td>Roundworm</td><td>Cystatin</td><td>Raised the number of regulatory T cells in the lamina propria and the mesenteric lymph nodes (animal study)</td><td>[<xref ref-type="bibr" rid="B6">6</xref>]</td></tr>
<tr><td>T cell transfer mice</td><td>Hookworm</td><td>Larval extract</td><td>Prevented wasting, lowered the production of interferon gamma and interleukin-17 by lamina propria T cells and kept the colon weight to length ratio near normal (animal study)</td><td>[<xref ref-type="bibr" rid="B8">8</xref>]</td></tr>
</tbody></table></table-wrap>
</sec>
</body>
</article>
"""


@pytest.fixture(scope="module")
def worms(tmp_path_factory, embedder):
    from conftest import engine_for_text

    return engine_for_text(tmp_path_factory, embedder, "worms", LONG_ROWS, "Helminth therapy for colitis: a short review",
                           suffix=".nxml")


def test_many_rows_asked_for_show_their_short_cells_within_an_answer(worms):
    # Three rows answer; every column of them would run past 700 characters. The rows are what
    # is asked: each keeps its label and the short cells naming what it is about.
    a = worms.answerer.ask("Which entries of Table 1 tested hookworm products?")
    assert a.status == "answered" and a.text.startswith("Table 1 (3 rows)")
    table = a.text.split(". “")[0]
    assert len(table) <= 700
    for product in ("AIP-2", "AIP-1", "Larval extract"):
        assert product in table
    assert "myeloperoxidase" not in table  # the long cells make way


@pytest.mark.parametrize("question", [
    "Which animals does Table 1 cover?",
    "Among the studies in Table 1, which used rabbits rather than pigs?",
])
def test_words_of_phrasing_do_not_make_a_pointed_table_question_uncovered(phage, question):
    # "cover", "among", "rather" are how the question is put, not what it is about: words the
    # document never uses among them do not make it "not covered".
    a = phage.answerer.ask(question)
    assert a.status == "answered" and a.text.startswith("Table 1")


@pytest.mark.parametrize("disease, organ", [
    ("pancreatitis", "pancreatic"), ("hepatitis", "hepatic"), ("myocarditis", "myocardial"), ("sinusitis", "sinus"),
])
def test_an_inflammation_named_by_itis_is_not_its_organ(disease, organ):
    from qa.index.lexical import analyze

    assert set(analyze(disease)).isdisjoint(analyze(organ))
    assert analyze(disease) == analyze(disease.capitalize())


def test_a_disease_the_document_never_names_is_not_answered_by_its_organ(phage):
    # The review speaks of pancreatic wounds, not of pancreatitis: another thing, not there.
    assert phage.answerer.ask("Do phage sprays ease acute pancreatitis?").status == "not_found"


def test_rows_listed_count_what_rows_are_not_what_they_do_not_state(phage):
    # "How many studies": the rows listed are the answer. "How many wounds": a number the rows
    # would have to state, and they do not.
    a = phage.answerer.ask("How many studies does Table 1 list?")
    assert a.status == "answered" and a.text.startswith("Table 1 lists 4 rows: Rats")
    assert len(a.citations) == 4
    assert phage.answerer.ask("How many wounds were sprayed in the pig study of Table 1?").status == "not_found"
    # Several rows listed do not count patients either (no column or cell states a count).
    assert phage.answerer.ask("How many patients were treated in the studies of Table 1?").status == "not_found"


def test_rows_shown_by_their_label_columns_have_no_empty_label(worms):
    # When the columns asked are the ones that name a row, the cells say it: no empty label
    # and dash before them.
    t = worms.answerer.tables
    key = next(k for k in t.rows if k[0] == "worms")
    prof = t.profiles[key]
    text = t._render(key, t.rows_of(key)[:3], list(prof["label"]), prof, set(), frozenset(), "all")
    assert text.startswith("Table 1 (3 rows): Model: DSS mice")
    assert " — " not in text


def test_that_study_s_row_is_the_row_of_the_study_the_text_reports(phage):
    # The running text reports Okafor et al.'s rats [4]; "that study's" row in Table 1 is the
    # one citing [4], whatever other rows share words with the question.
    a = phage.answerer.ask("Who sprayed burns twice daily, and what mechanism does Table 1 give for that study?")
    assert a.status == "answered"
    assert "Okafor" in a.text and "Table 1, Rats" in a.text and "Delivering lytic phages" in a.text
    assert "Pigs" not in a.text and "Mice" not in a.text


def test_running_text_opening_with_a_figure_number_is_an_answer(phage):
    # Not a caption's title: a sentence of the text that reports a finding.
    a = phage.answerer.ask("Did the phage count on the skin double within six hours?")
    assert "Figure 2 shows that the phage count on the skin doubled" in a.text


def test_a_caption_answers_only_what_it_says(phage):
    # Something the caption does not say, asked of the figure: not the caption.
    a = phage.answerer.ask("Does Figure 1 show that phage sprays cure cancer in humans?")
    assert not a.text.startswith("“Fig. 1")
    # The document's title words name it, not what is asked of the figure.
    b = phage.answerer.ask("What does Figure 1 of the phage spray review show?")
    assert b.text.startswith("“Fig. 1 Phage spray preparation.")


def test_a_verb_naming_a_column_by_its_cells_does_not_pick_rows(phage):
    # "What did Okafor et al. deliver?": the running text reports the study; the Mechanism cells'
    # "Delivering" does not make every delivering row the answer.
    a = phage.answerer.ask("What did Okafor et al. deliver to the burns?")
    assert a.status == "answered" and "Okafor" in a.text
    assert "Pigs" not in a.text and "Mice" not in a.text


def test_a_named_table_s_row_must_lead_without_the_lift(phage):
    # "Table 1" lifts its rows in the search; weaker evidence is enough only when its row ranks
    # first on its own merit (ahead of the running text by more than the lift).
    from qa.evidence import Evidence
    from qa.search import TABLE_POINTED_BOOST
    from qa.types import Hit

    chunks = phage.searcher.index.chunks
    row = next(c for c in chunks if c.kind == "table_row")
    text = next(c for c in chunks if c.kind == "passage")
    ev = Evidence(0.3, 0.3, 0.3)
    q = "Table 1: which horses?"
    lifted_only = [Hit(row, 1.0, 1, {}), Hit(text, 1.0 - TABLE_POINTED_BOOST / 2, 2, {})]
    assert not phage.answerer.pointed.table_pointed_at(q, lifted_only, ev)
    on_its_own = [Hit(row, 1.0, 1, {}), Hit(text, 1.0 - 2 * TABLE_POINTED_BOOST, 2, {})]
    assert phage.answerer.pointed.table_pointed_at(q, on_its_own, ev)


EXERCISE = """<?xml version="1.0" encoding="UTF-8"?>
<article article-type="research-article">
<front><article-meta>
<title-group><article-title>A home exercise programme after hip fracture</article-title></title-group>
<abstract><p>Older adults followed a home exercise programme after hip fracture.</p></abstract>
</article-meta></front>
<body>
<sec><title>Methods</title>
<p>The programme combined strength and balance exercises at home three times a week.</p>
<table-wrap id="T1"><label>Table 1</label><caption><p>Exercise programme</p></caption>
<table><thead><tr><th>Component</th><th>Content</th></tr></thead>
<tbody>
<tr><td>Leg strength</td><td>Sit-to-stand and heel raises with ankle weights of 1-3 kg; 3 x 10 repetitions</td></tr>
<tr><td>Balance</td><td>Tandem stance and stepping practice beside a kitchen counter</td></tr>
</tbody></table></table-wrap>
</sec>
</body>
</article>
"""


def test_a_count_stated_beside_the_thing_counted_answers(tmp_path_factory, embedder):
    from conftest import engine_for_text

    e = engine_for_text(tmp_path_factory, embedder, "hipex", EXERCISE, "A home exercise programme after hip fracture",
                        suffix=".nxml")
    a = e.answerer.ask("How many repetitions of the leg strength exercises were done?")
    assert a.status == "answered" and "3 x 10 repetitions" in a.text


TRIAL = """Home blood pressure monitoring in pharmacies

Results
Mean systolic pressure fell in both groups over the year, more with pharmacist care [3].

Figure 2 (placeholder)

Figure 2. Mean systolic pressure at baseline, 6 months and 12 months by group, with 95% confidence intervals; the dashed line marks 140 mmHg.

Pharmacists changed treatment at most visits, and adherence stayed high in both groups [4].

Figure 2 shows that pressure fell fastest in the first six months with pharmacist care and more slowly after that, while with usual care it fell little at any time, so that the groups drew apart early and stayed apart to the end of the year.
"""


def test_a_figures_own_words_opening_with_its_number_are_not_its_caption(tmp_path_factory, embedder):
    # The figure's box holds "Figure 2 (placeholder)"; the caption below it is what the figure
    # shows, not the box's words nor a paragraph opening "Figure 2 shows that ...".
    from conftest import engine_for_text

    e = engine_for_text(tmp_path_factory, embedder, "trial", TRIAL, "Home blood pressure monitoring in pharmacies")
    a = e.answerer.ask("What does Figure 2 show?")
    assert a.status == "answered" and "Mean systolic pressure at baseline, 6 months and 12 months" in a.text
