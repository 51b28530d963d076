"""/ask behaviour pinned on a small document written for these tests (not the review, not the
dev questions): the labelled table cell the question asks for, every row that meets a
multi-row question, the finding sentence after its set-up, typo and British-spelling
tolerance, and "not covered" for questions that only share the document's topic words."""

from __future__ import annotations

import pytest

from qa.spelling import Speller, damerau
from qa.table_answer import asked_phrases

DOC = """Vesicles from stromal cells in tissue repair

Background
Stromal vesicles are small membrane particles released by stromal cells into the surrounding fluid [1]. Stromal vesicles measure 40–120 nm in diameter and carry proteins, lipids and microRNAs [2].

Repair of the cornea
Okafor et al. investigated whether stromal vesicles could heal corneal burns in rabbits. They found that vesicle eye drops closed the epithelial wound within five days and reduced corneal haze [7]. In a separate study, stromal vesicles delivered by a contact lens improved tear film stability in dry eye disease [8].

Tear secretion
Lindqvist et al. [14] measured how vesicle eye drops changed tear secretion in mice. Tear volume rose from 4.2 µl to 7.9 µl within two weeks.

Repair of cartilage
Vesicles from synovial stromal cells protected chondrocytes from apoptosis by delivering miR-140 and lowered the expression of MMP13 in osteoarthritic joints [11].
 Table 1 Stromal vesicles in tissue repair models

Condition Vesicle
source

Isolation method Cargo Main outcome Ref

Corneal burn BM-SC Ultracentrifugation
(150,000×g)

miR-24 Faster wound closure
(animal study)

[21]

Osteoarthritis SY-SC Precipitation
(PEG 6000)

miR-140 Less cartilage
loss (animal study)

[22]

Tendon injury AD-SC Precipitation
(PEG 6000)

TGF-β1 Stronger tendon
repair (animal study)

[23]

Skin wound UC-SC Ultracentrifugation
(100,000×g)

Wnt4 Faster
re-epithelialization (animal study)

[24]

Notes: BM bone marrow, SY synovium, AD adipose, UC umbilical cord, SC stromal cells
"""


@pytest.fixture(scope="module")
def mini(tmp_path_factory, embedder):
    from conftest import engine_for_text

    eng = engine_for_text(tmp_path_factory, embedder, "vesicles", DOC, "Stromal vesicles in tissue repair")
    assert sum(c.kind == "table_row" for c in eng.index.chunks) == 4
    return eng


def test_table_answer_is_the_asked_column_labelled(mini):
    a = mini.answerer.ask("What g-force was used to isolate the vesicles in the corneal burn study?")
    assert a.status == "answered"
    # Table, row label, column name, the cell and its reference; not the other columns.
    assert a.text.startswith("Table 1, Corneal burn")
    assert "Isolation method: Ultracentrifugation (150,000×g) [21]" in a.text
    assert "Main outcome" not in a.text.split("“")[0]


def test_column_found_by_header_and_by_cell_content(mini):
    by_header = mini.answerer.ask("Which vesicle source was used for osteoarthritis?")
    assert "Vesicle source: SY-SC" in by_header.text
    cargo = mini.answerer.ask("what cargo did the tendon injury vesicles carry?")
    assert "Cargo: TGF-β1" in cargo.text


def test_a_yes_no_question_is_shown_the_cells_that_say_it(mini):
    a = mini.answerer.ask("Did tendon injury vesicles give stronger tendon repair?")
    assert a.status == "answered" and a.text.startswith("Table 1, Tendon injury")
    assert "Main outcome: Stronger tendon repair (animal study) [23]" in a.text


def test_every_row_that_meets_the_question(mini):
    a = mini.answerer.ask("Which studies used PEG precipitation?")
    assert a.status == "answered"
    assert "[22]" in a.text and "[23]" in a.text
    assert "[21]" not in a.text and "[24]" not in a.text
    assert "(2 rows)" in a.text
    assert {22, 23} <= {r for c in a.citations for r in c.refs}


def test_rows_chosen_by_a_description_show_the_cell_that_meets_it(mini):
    # The rows are picked by what their outcome says ("faster"), the column asked is the cargo:
    # each row shows both, so the reader sees why it is listed.
    a = mini.answerer.ask("Which studies reported faster wound healing, and with which cargo?")
    assert a.status == "answered" and a.text.startswith("Table 1 (2 rows)")
    assert "Cargo: miR-24" in a.text and "Main outcome: Faster wound closure (animal study) [21]" in a.text
    assert "Cargo: Wnt4" in a.text and "Main outcome: Faster re-epithelialization (animal study) [24]" in a.text
    assert "Isolation method" not in a.text  # neither asked nor met


def test_passage_answer_reaches_the_finding_after_its_set_up(mini):
    a = mini.answerer.ask("Did stromal vesicles heal corneal burns in rabbits?")
    assert a.status == "answered"
    assert "Okafor et al. investigated" in a.text
    assert "closed the epithelial wound within five days" in a.text  # the finding, next sentence
    assert "[7]" in a.text
    # the other study of the paragraph is not borrowed
    assert "[8]" not in a.text and "contact lens" not in a.text


def test_how_much_question_gets_the_sentence_with_the_measurement(mini):
    a = mini.answerer.ask("How much did vesicle eye drops raise tear volume?")
    assert a.status == "answered"
    assert "Lindqvist et al. [14]" in a.text and "from 4.2 µl to 7.9 µl" in a.text


def test_unreferenced_sentence_does_not_borrow_a_reference(mini):
    a = mini.answerer.ask("What diameter do stromal vesicles have?")
    assert "40–120 nm" in a.text
    refs = {r for c in a.citations for r in c.refs}
    assert refs == {2}


def test_one_typo_and_british_spelling_still_answer(mini):
    clean = mini.answerer.ask("Which studies used PEG precipitation?")
    typo = mini.answerer.ask("Which studies used PEG precipitaton?")
    assert typo.status == "answered" and typo.did_you_mean == "Which studies used PEG precipitation?"
    assert typo.text == clean.text
    uk = mini.answerer.ask("How large are stromal vesicles in diametre?")
    assert uk.status == "answered" and "40–120 nm" in uk.text


def test_off_topic_questions_are_not_covered_and_keep_the_closest_results(mini):
    for q in ["Can stromal vesicles cure hair loss?", "best sourdough hydration for a rye loaf",
              "Do stromal vesicles treat periodontitis?"]:
        a = mini.answerer.ask(q)
        assert a.status == "not_found", q
        assert not a.citations and a.hits  # the closest passages still come back


def test_asked_phrases_read_the_wh_phrase():
    assert asked_phrases("which MSC and which isolation?") == [["msc"], ["isolation"]]
    assert asked_phrases("How were the exosomes isolated in the rat study?") == [["exosomes", "isolated"]]
    assert asked_phrases("what was the isolation method") == [["isolation", "method"]]
    assert asked_phrases("vesicle source osteoarthritis") == []
    # coordinated noun phrases are each asked; a relative clause asks nothing
    assert asked_phrases("For the study in which vesicles carried miR-24, what vesicle source and isolation method "
                         "are listed?") == [["vesicle", "source"], ["isolation", "method"]]
    assert asked_phrases("In which phase did the cells stop?") == [["phase"]]


def test_speller_uses_the_corpus_vocabulary():
    sp = Speller(["breast cancer cells reduce tumor size", "the tumor cells"], is_common_word=lambda w: w == "periods")
    (c,) = sp.correct("brest tumour")[:1]
    assert c.text == "breast tumor" and c.changes == (("brest", "breast"),) and c.normalised == (("tumour", "tumor"),)
    assert sp.correct("periods") == []  # a real word the corpus does not use stays
    # ... unless the caller asks for it (and then demands more evidence): "brest" is a city too
    common = Speller(["breast cancer"], is_common_word=lambda w: w == "brest")
    assert common.correct("brest cancer") == []
    assert common.correct("brest cancer", include_common=True)[0].text == "breast cancer"
    assert damerau("reduses", "reduces") == 1 and damerau("abcd", "acbd") == 1


def test_speller_never_respells_a_frequent_english_word():
    from qa.lexicon import english_counts

    sp = Speller(["ten years of age", "wound healing", "lack of data", "breast cancer"],
                 is_common_word=lambda w: w in {"ears", "hearing", "back", "brest"}, english=english_counts())
    # Each is one edit from a word of the documents, and each is a word people mean.
    for typed in ("ringing in the ears", "hearing loss", "held back"):
        assert sp.correct(typed, include_common=True) == []
    # A rare English word one edit from a document word may still be a slip ("brest", a city).
    assert sp.correct("brest cancer", include_common=True)[0].text == "breast cancer"
    # Two letters swapped is the slip that lands on a frequent word: "trail" for trial.
    trials = Speller(["a randomised trial of honey"], is_common_word=lambda w: w == "trail", english=english_counts())
    assert trials.correct("which trail", include_common=True)[0].text == "which trial"


def test_speller_reaches_english_words_the_documents_do_not_use():
    sp = Speller(["Alzheimer disease and breast cancer were prepared"], is_common_word=lambda w: w in {"funded", "prepared"},
                 dictionary=["prepared", "founded", "repaired"])
    # A non-word: a corpus word first, else an English word one edit away.
    assert sp.correct("how were they prepaired")[0].text == "how were they prepared"
    assert sp.correct("vesicles were repaird")[0].text == "vesicles were repaired"
    # A plural or possessive of a typo, and two edits in a long word.
    assert sp.correct("alzhiemers")[0].text == "alzheimer"
    # A real word typed is respelled only towards the documents' own words.
    assert sp.correct("who funded it", include_common=True) == []


def test_speller_leaves_real_words_the_documents_and_the_model_do_not_know():
    from qa.index.lexical import _stemmer
    from qa.lexicon import english_counts

    # An article about haematomas: none of these words is in it, nor one piece of the model's
    # vocabulary; each is an English word (or its other national spelling), not a typo.
    sp = Speller(["recurrence of the haematoma after drainage", "ten patients", "breast cancer"],
                 is_common_word=lambda w: w in {"tumor", "scar", "ten"}, stem=_stemmer().stemWord,
                 dictionary=["humour", "vehicles", "regent", "tamara"], english=english_counts())
    assert english_counts()["vesicles"] >= 50
    for typed in ("vesicles", "reagent", "hinder", "tumour", "scarring"):
        assert sp.correct(f"do {typed} matter") == [], typed
    # A name inside the sentence is no slip of an English word.
    assert sp.correct("what did Tamura find") == []
    # A typo is still a typo, of a documents' word or of an English one: "braest" is no
    # British spelling of the rare list entry "brest". A real word may still be a slip of a
    # documents' word ("drainagge" no, but "infraction" for "infarction" yes).
    assert sp.correct("braest drainage")[0].text == "breast drainage"
    slip = Speller(["myocardial infarction size"], is_common_word=lambda w: False, english=english_counts())
    assert slip.correct("myocardial infraction")[0].text == "myocardial infarction"
    assert not sp.is_real("braest") and not sp.is_real("prepaired")
    # Without the list, a regular form of a common word is still a word ("scarring": "scar").
    bare = Speller(["the vehicles carried humour"], is_common_word=lambda w: w == "scar",
                   stem=_stemmer().stemWord, dictionary=["starring"])
    assert bare.is_real("scarring") and bare.correct("do scarring matter") == []


def test_speller_keeps_the_typed_ending_and_never_respells_phrasing():
    from qa.index.lexical import _stemmer

    sp = Speller(["clinical trials were run clinically", "clinical clinical clinical", "the receptor binds"],
                 is_common_word=lambda w: w in {"kinds", "binds"}, stem=_stemmer().stemWord)
    # One edit from both "clinical" (more frequent) and "clinically": the ending decides.
    assert sp.correct("used clinicaly")[0].text == "used clinically"
    # "what kinds of": a phrasing word is never a typo of a document's word.
    assert sp.correct("what kinds of receptor", include_common=True) == []
    # Nor is a function word ("does" one letter from the documents' "dose").
    dosed = Speller(["the dose was raised", "dose dose dose"], is_common_word=lambda w: w in {"does", "dose"},
                    stem=_stemmer().stemWord)
    assert dosed.correct("how many trials does it list", include_common=True) == []
    parted = Speller(["part of the cell", "part part"], is_common_word=lambda w: w in {"apart", "part"},
                     stem=_stemmer().stemWord)
    assert parted.correct("apart from the lung, which organs", include_common=True) == []
    # Nor is a topic word respelled into a function word ("cost" one letter from "most").
    most = Speller(["most cells", "most most"], is_common_word=lambda w: w in {"cost", "most"}, stem=_stemmer().stemWord)
    assert most.correct("what does the kit cost", include_common=True) == []
    # A real word is not respelled into a word of question phrasing ("male" one letter from "made").
    made = Speller(["made of cells", "made made"], is_common_word=lambda w: w in {"male", "made"}, stem=_stemmer().stemWord)
    assert made.correct("were male animals used", include_common=True) == []


def test_speller_corrects_a_typo_towards_a_documents_stem_in_another_form():
    from qa.index.lexical import stem_word

    sp = Speller(["exosomes showed low immunoreactivity", "myocardial injury", "remodeling of neurites"],
                 is_common_word=lambda w: False, stem=stem_word)
    # No printed word is one edit from the typo; the documents' stem is.
    assert sp.candidates("imunoreactive") == ["immunoreactivity"]
    assert sp.candidates("remodle") == ["remodeling"]
    # An inflammation is a word of its own, not a typo of its organ's adjective.
    assert sp.candidates("myocarditis") == []
    # Nor is a word that differs at its opening (a prefix that turns the meaning round).
    de = Speller(["demyelinating disease", "demyelination"], is_common_word=lambda w: False, stem=stem_word)
    assert de.candidates("remyelination") == []


def test_speller_corrects_a_slip_that_broke_the_words_ending_towards_a_documents_stem():
    from qa.index.lexical import stem_word

    sp = Speller(["exosomes were isolated by ultracentrifugation", "the vesicles were purified",
                  "dendritic cell maturation"], is_common_word=lambda w: False, stem=stem_word)
    # "ultracentrifuegd": the stemmer finds no ending in it, and no printed word is one edit
    # away; "ultracentrifuged", one swap away, has the documents' stem.
    assert sp.candidates("ultracentrifuegd") == ["ultracentrifuged"]
    assert sp.candidates("purifiyng") == ["purifying"]
    assert sp.candidates("maturign") == ["maturing"]
    # Another word, not a slip of theirs, stays as typed; so does a disease of an organ they
    # name ("pancreatitis" less its last letter has the stem of "pancreatic").
    assert sp.candidates("nephritis") == []
    organ = Speller(["the pancreatic islets"], is_common_word=lambda w: False, stem=stem_word)
    assert organ.candidates("pancreatitis") == []


def test_speller_takes_two_slips_in_one_word_only_as_a_swap():
    from qa.index.lexical import stem_word

    sp = Speller(["peripheral neuritis", "the complicated purifies step"],
                 is_common_word=lambda w: w == "breathing", stem=stem_word, dictionary=["breathing"])
    # Two letters swapped, perhaps with one more slip: a typo.
    assert sp.candidates("complciated") == ["complicated"]
    assert sp.candidates("purifeid") == ["purifies"]
    # Two other slips: another word the documents do not use ("nephritis" is not "neuritis").
    assert sp.candidates("nephritis") == []
    # A real word is no double slip of a documents' word ("breathing", "reaching").
    reach = Speller(["reaching the lung"], is_common_word=lambda w: w == "breathing", stem=stem_word)
    assert reach.correct("would breathing help", include_common=True) == []
    # ... not even a swap and a slip away ("arterial", "material").
    matter = Speller(["the material was filtered"], is_common_word=lambda w: w == "arterial", stem=stem_word)
    assert matter.correct("arterial stiffness", include_common=True) == []


def test_a_correction_that_makes_a_non_word_a_word_is_offered_even_when_not_covered(mini):
    # "ultracentrifugaton" is no word; corrected, the question is still not covered by the
    # document, and the reader is told what it was read as.
    a = mini.answerer.ask("Which vesicles were purified by ultracentrifugaton in the lung cancer trial of 2019?")
    assert a.did_you_mean is not None and "ultracentrifugation" in a.did_you_mean


def test_a_keyword_query_names_a_measurement_by_its_noun(mini):
    a = mini.answerer.ask("corneal burn vesicle source and g-force")
    assert a.text.startswith("Table 1, Corneal burn")
    assert "Vesicle source: BM-SC" in a.text and "Ultracentrifugation (150,000×g)" in a.text


def test_rows_the_question_rules_out_are_left_out(mini):
    a = mini.answerer.ask("Which studies isolated vesicles by a method other than ultracentrifugation?")
    assert a.status == "answered"
    assert "[22]" in a.text and "[23]" in a.text
    assert "[21]" not in a.text and "[24]" not in a.text
    # A list of rows gets other studies' running text only when it names what the question names.
    assert "“" not in a.text


def test_a_typo_beside_an_abbreviation_is_corrected_before_it_is_looked_up(mini):
    a = mini.answerer.ask("SY abbreviaton meaning")
    assert a.status == "answered" and a.text.startswith("SY stands for synovium")
    assert a.did_you_mean == "SY abbreviation meaning"


def test_a_long_word_with_two_letters_swapped_and_one_more_slip_is_corrected():
    s = Speller(["The column purifies vesicles by filtration."])
    assert s.candidates("purifeid") == ["purifies"]  # a swap (ei/ie) and a slip (d/s)


def test_a_typo_in_the_question_words_of_an_abbreviation_question(mini):
    a = mini.answerer.ask("What does SY stnad for?")
    assert a.status == "answered" and a.text.startswith("SY stands for synovium")


@pytest.mark.parametrize("question, pointed", [
    # The table called by its title's words, a row of it among the results, the document's words.
    ("Which entries of the tissue repair table show stronger or faster repair?", True),
    ("Which entries in Table 1 used precipitation?", True),
    # A word the document never uses is what the table does not cover.
    ("Which entry of the tissue repair table was tested in horses?", False),
    ("Which entries of the tissue repair table treated hair loss?", False),
    # A table the document does not have.
    ("Which entries of the dosing table show stronger repair?", False),
])
def test_weaker_evidence_is_enough_when_the_question_points_at_a_table(mini, question, pointed):
    from qa.evidence import Evidence

    answerer = mini.answerer
    hits = answerer.s.search(question, k=8, correct=False)
    weak = Evidence(0.3, 0.3, answerer.threshold - 0.1)
    assert answerer.pointed.table_pointed_at(question, hits, weak) is pointed
    # ... but not any evidence at all.
    assert not answerer.pointed.table_pointed_at(question, hits, Evidence(0.0, 0.0, 0.1))


def test_retrievers_agreeing_is_no_evidence_in_a_short_document(mini):
    # Eight chunks: any two searches share most of their first five by chance.
    from qa.evidence import Evidence

    hits = mini.answerer.s.search("Can vesicles treat hair loss?", k=8, correct=False)
    assert not mini.answerer.pointed.retrievers_agree("Can vesicles treat hair loss?", hits, Evidence(0.3, 0.3, 0.35))
    assert mini.answerer.ask("Can vesicles treat hair loss?").status == "not_found"


@pytest.mark.parametrize("question, agree", [
    # A word the review never uses ("dealt"), yet both retrievers land on the myeloma row.
    ("Which entry of the cancer table dealt with multiple myeloma cells?", True),
    # Another sense of "table", or a thing the table never names: they part. (The words pointing
    # at the table are left out of both searches: they would agree on the table itself.)
    ("Which rows of the cancer table concern the league table of football clubs?", False),
    ("Which entries of the cancer table describe a holiday in Spain?", False),
    ("Which entries of the cancer table were tested in patients?", False),
])
def test_a_table_pointed_at_answers_when_words_and_meaning_find_the_same_place(engine, question, agree):
    from qa.answer_type import without_section_names
    from qa.evidence import Evidence
    from qa.answer_type import without_table_names

    answerer = engine.answerer
    hits = answerer.s.search(question, k=8, correct=False)
    weak = Evidence(0.3, 0.3, answerer.threshold - 0.1)
    asked = without_section_names(without_table_names(question))
    assert answerer.pointed.retrievers_agree(asked, hits, weak) is agree
    assert answerer.pointed.part_pointed_at(question, hits, weak) is agree


def test_a_verb_and_its_noun_by_the_latin_d_s_change_are_one_family():
    from qa.evidence import related
    from qa.index.lexical import stem_word

    assert related(stem_word("invade"), stem_word("invasion"))
    assert related(stem_word("divide"), stem_word("division"))
    assert not related(stem_word("invade"), stem_word("invest"))


def _hit(cid: str, doc: str, bm25_norm: float, dense_norm: float):
    from qa.types import Chunk, Hit, Span

    chunk = Chunk(cid, doc, "passage", "text", Span(0, 4), (), None, ())
    return Hit(chunk, 0.5, 1, {"bm25_norm": bm25_norm, "dense_norm": dense_norm, "dense": 0.5})


def test_agreement_is_one_passage_near_the_top_of_both_retrievers():
    from qa.evidence import agreement

    # BM25's best and the embeddings' best are different passages: they do not agree.
    assert agreement([_hit("a", "d", 1.0, 0.2), _hit("b", "d", 0.3, 1.0)]) == pytest.approx(0.3)
    # One passage high in both.
    assert agreement([_hit("a", "d", 1.0, 0.2), _hit("b", "d", 0.8, 0.9)]) == pytest.approx(0.8)
    # Only the leading document's results count: another article's own best passage (its scores
    # are normalised within it) says nothing about this one.
    assert agreement([_hit("a", "d", 1.0, 0.2), _hit("x", "other", 1.0, 1.0)]) == pytest.approx(0.2)
    # Only the leading document's first five, however another article's results interleave.
    far = [_hit(str(i), "d", 1.0, 0.0) for i in range(5)] + [_hit("z", "d", 1.0, 1.0)]
    assert agreement(far) == 0.0
    mixed = [_hit("a", "d", 1.0, 0.2)] + [_hit(f"x{i}", "other", 0.8, 0.8) for i in range(4)] + [_hit("b", "d", 0.9, 0.9)]
    assert agreement(mixed) == pytest.approx(0.9)
    assert agreement([]) == 0.0


def test_evidence_weights_come_from_the_settings_and_keep_the_score_a_mean():
    from qa.config import Settings
    from qa.evidence import EvidenceWeights

    w = EvidenceWeights.of(Settings(abstain_agreement_weight=0.0, abstain_coverage_weight=0.6,
                                    abstain_dense_weight=0.4))
    assert (w.coverage, w.dense, w.agreement) == (0.6, 0.4, 0.0)
    # Weights not summing to one do not move the score's scale (the thresholds keep theirs).
    assert EvidenceWeights(1.0, 0.7, 0.3).score(0.5, 0.5, 0.5) == pytest.approx(0.5)
    assert w.score(1.0, 0.0, 1.0) == pytest.approx(0.6)


def test_retrievers_agreeing_raises_the_evidence_only_in_a_long_document():
    from qa.evidence import AGREEMENT_MIN_CHUNKS, EvidenceWeights, Judge, TermStats

    w = EvidenceWeights(0.5, 0.35, 0.15)
    for n, counts in ((AGREEMENT_MIN_CHUNKS, True), (8, False)):
        terms = [{"vesicl"}] + [{f"w{i}"} for i in range(n - 1)]
        stats = TermStats(terms, ["d"] * n)
        judge = Judge(stats, terms, {"a": 0, "b": 1}, 0.46, 0.77, weights=w)
        apart = judge.evidence("vesicles?", [_hit("a", "d", 1.0, 0.2), _hit("b", "d", 0.3, 1.0)])
        same = judge.evidence("vesicles?", [_hit("a", "d", 1.0, 0.9), _hit("b", "d", 0.3, 1.0)])
        assert apart.coverage == same.coverage == 1.0 and apart.dense == same.dense
        if counts:
            assert same.score - apart.score == pytest.approx(w.agreement * (0.9 - 0.3))
        else:
            # Eight chunks: the two searches meet by chance; words and meaning carry its weight.
            assert same.score == apart.score == pytest.approx((0.5 * 1.0 + 0.35 * 0.5) / 0.85)
