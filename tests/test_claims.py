"""Claim verdicts (qa/claims.py) on a small document written for the test: a few sentences
and a tiny table, so each kind of contradiction and 'not in the review' is pinned down on
claims nobody tuned on. The real packaged model embeds it."""

from __future__ import annotations

import pytest

from qa import claims_nlp as nlp

MINI = """Exosomes from stromal cells in repair and cancer

Background
Mesenchymal stromal cells (MSCs) are found in bone marrow and adipose tissue [1]. MSCs lack co-stimulatory molecules, so they are weakly immunogenic and can be given to other people without immunosuppression [2, 3].

Cancer
Exosomal miR-77 from bone marrow MSCs reduced TNF expression in lung cancer cells and inhibited tumor growth [5]. Exosomes from adipose MSCs carrying miR-88 suppressed proliferation of the HepG2 liver cancer cell line [8]. Lowering the dose of exosomes did not change the response of colon cancer cells [9].

Kidney
Intravenous delivery of MSC exosomes restored renal function in pigs with acute kidney injury [6]. Exosomes were purified by ultracentrifugation at 120,000 × g for 70 min before the kidney study [6].
 Table 1 Stromal cell exosomes in disease models

Condition MSC
source

Isolation method Cell line Main outcome Ref

Stroke BM-MSC Ultracentrifugation
(120,000×g)

MCF-7 Improved neurological
recovery (animal study)

[10]

Fibrosis UC-MSC Precipitation
(ExoQuick)

A549 Reduced collagen
deposition (animal study)

[11]

Pneumonia AT-MSC Ultrafiltration
(100 kDa)

HeLa Lowered neutrophil
infiltration (animal study)

[12]

Notes: BM bone marrow, UC umbilical cord, AT adipose tissue
"""


@pytest.fixture(scope="module")
def mini(tmp_path_factory, embedder):
    from conftest import engine_for_text

    eng = engine_for_text(tmp_path_factory, embedder, "mini", MINI, "A mini review of stromal cell exosomes")
    assert sum(c.kind == "table_row" for c in eng.index.chunks) == 3
    return eng


def one(engine, text):
    report = engine.claims.check(text)
    assert len(report.sentences) == 1
    return report.sentences[0]


def test_supported_with_refs_and_evidence(mini):
    v = one(mini, "Exosomal miR-77 from bone marrow MSCs lowered TNF expression in lung cancer cells.")
    assert v.verdict == "supported" and v.refs[:1] == (5,) and v.reason is None
    assert "miR-77" in v.evidence.sentence.text and 0 < v.confidence <= 1


def test_direction(mini):
    v = one(mini, "Exosomal miR-77 from bone marrow MSCs increased TNF expression in lung cancer cells.")
    assert v.verdict == "contradicted" and v.refs == ()
    assert v.reason.startswith("direction: the draft says increased, the review says reduced") and v.reason.endswith("[5]")


def test_negation(mini):
    v = one(mini, "MSCs express high levels of co-stimulatory molecules.")
    assert v.verdict == "contradicted" and v.reason.startswith("negation: the review says")
    assert "lack co-stimulatory molecules" in v.reason and v.reason.endswith("[2, 3]")


def test_number_with_unit(mini):
    v = one(mini, "Before the kidney study, exosomes were purified by ultracentrifugation at 200,000 × g.")
    assert v.verdict == "contradicted"
    assert v.reason == "number: draft 200,000×g, review 120,000×g [6]"


def test_species(mini):
    v = one(mini, "Intravenous delivery of MSC exosomes restored renal function in rats with acute kidney injury.")
    assert v.verdict == "contradicted" and v.reason == "species: draft rat, review pig [6]"


def test_msc_source(mini):
    v = one(mini, "Exosomes from umbilical cord MSCs carrying miR-88 suppressed proliferation of the HepG2 liver cancer cell line.")
    assert v.verdict == "contradicted" and v.reason == "source: draft umbilical cord, review adipose [8]"


def test_cell_line(mini):
    v = one(mini, "Exosomes from adipose MSCs carrying miR-88 suppressed proliferation of the Huh7 liver cancer cell line.")
    assert v.verdict == "contradicted" and v.reason == "cell line: draft Huh7, review HepG2 [8]"


def test_table_row_is_evidence(mini):
    v = one(mini, "In the pneumonia model, AT-MSC exosomes isolated by ultrafiltration lowered neutrophil infiltration.")
    assert v.verdict == "supported" and v.refs[:1] == (12,) and v.evidence.sentence.kind == "table_row"
    # The table's Cell line column says what fills that slot.
    v = one(mini, "In the pneumonia model, AT-MSC exosomes lowered neutrophil infiltration in A549 cells.")
    assert v.verdict == "contradicted" and v.reason == "cell line: draft A549, review HeLa [12]"


def test_not_found_even_on_a_shared_topic(mini):
    for text in ["MSC exosomes reduce amyloid plaques in the brains of mice with Alzheimer's disease.",
                 "Exosomes from bone marrow MSCs shrank liver tumors in zebrafish by delivering miR-99."]:
        v = one(mini, text)
        assert v.verdict == "not_found" and v.refs == () and v.reason is None, text


def test_a_named_entity_the_review_never_names_is_not_supported(mini):
    v = one(mini, "Intravenous MSC exosomes restored renal function in pigs with acute kidney injury by raising IL-10.")
    assert v.verdict == "not_found"


def test_draft_refs_in_order_of_first_use(mini):
    draft = ("Intravenous MSC exosomes restored renal function in pigs with acute kidney injury. "
             "MSCs occur in bone marrow and adipose tissue. "
             "Exosomal miR-77 from bone marrow MSCs increased TNF expression in lung cancer cells.")
    report = mini.claims.check(draft)
    assert [v.verdict for v in report.sentences] == ["supported", "supported", "contradicted"]
    assert report.refs == (6, 1) and report.doc_id == "mini"
    assert [draft[v.span.start:v.span.end] for v in report.sentences] == [v.text for v in report.sentences]


# --- the readers behind the checks ------------------------------------------------------------


def test_quantities_units_and_ranges():
    qs = nlp.quantities("spun at 110,000×g, 30–150 nm across, 24 patients, 1 μm, 2 h [91]")
    got = {(q.unit, round(q.value, 12)) for q in qs}
    assert {("xg", 110000.0), ("m", 3e-8), ("m", 1.5e-7), ("person", 24.0), ("m", 1e-6), ("s", 7200.0)} <= got
    assert not any(q.value == 91 for q in qs)  # reference markers are not quantities
    assert nlp.number_conflicts("at 1000 nm", "at 1 μm") == []  # same quantity, other prefix
    assert nlp.number_conflicts("between 100 nm and 1 µm", "they are 100 nm−1 μm in diameter") == []
    assert nlp.number_conflicts("in 30 people", "in 30 participants") == []
    assert len(nlp.number_conflicts("in 54 patients", "in 24 participants")) == 1


def test_negation_scope():
    assert "costimulatori" in nlp.negated_terms("MSCs lack costimulatory molecules.") or \
        "co-stimulatori" in nlp.negated_terms("MSCs lack co-stimulatory molecules.")
    assert nlp.negated_terms("They not only contain CD63 but also CD73.") == set()
    # The scope ends at a clause boundary.
    assert "tumor" not in nlp.negated_terms("The dose did not matter, but tumor growth fell.")


def test_direction_with_negation():
    (r,) = [x for x in nlp.relations("miR-77 failed to reduce TNF") if x.word == "reduce"]
    assert r.negated and r.polarity == 1
    assert nlp.direction_conflict("miR-77 upregulated TNF", "miR-77 down-regulated TNF", {"tnf"}) is not None
    assert nlp.direction_conflict("miR-77 upregulated TNF", "miR-77 increased TNF", {"tnf"}) is None


def test_slot_swap_needs_both_sides():
    lex = nlp.SlotLexicon.general()
    c, e = lex.mentions("human MSC exosomes in mice"), lex.mentions("MSC exosomes in mice")
    assert nlp.slot_conflicts(c, e) == []  # the evidence omits one, it does not swap it
    assert nlp.slot_conflicts(lex.mentions("in rats"), lex.mentions("in pigs")) == [("species", {"rat"}, {"pig"})]
    assert "bone" not in lex.mentions("bone marrow MSCs").get("organ", set())


def test_member_bound_to_what_the_claim_says():
    lex = nlp.SlotLexicon.general()
    evidence = ("Bone marrow MSC exosomes mainly promote bone repair, while umbilical cord MSC exosomes "
                "show the strongest immunosuppressive activity, according to Smith et al. [14].")
    claim = "Smith et al. found that bone marrow MSC exosomes show the strongest immunosuppressive activity."
    got = lex.binding_conflict(claim, evidence, lex.mentions(claim), lambda w: 1.0)
    assert got == ("source", "bone marrow", "umbilical cord")
    claim = "Umbilical cord MSC exosomes show the strongest immunosuppressive activity."
    assert lex.binding_conflict(claim, evidence, lex.mentions(claim), lambda w: 1.0) is None


def test_qa_eval_claims(mini, tmp_path, capsys):
    import json

    from qa.cli import main

    gold = tmp_path / "claims.jsonl"
    gold.write_text("\n".join(json.dumps(d) for d in [
        {"id": "s", "sentence": "Intravenous MSC exosomes restored renal function in pigs with acute kidney injury.",
         "verdict": "supported", "refs": [6]},
        {"id": "c", "sentence": "Intravenous MSC exosomes restored renal function in rats with acute kidney injury.",
         "verdict": "contradicted", "refs": [6]},
        {"id": "a", "sentence": "MSC exosomes reverse hearing loss in guinea pigs exposed to noise.",
         "verdict": "absent", "refs": []},
    ]) + "\n")
    s = mini.settings
    code = main(["eval", "--claims", str(gold), "--json", "--index-dir", str(s.index_dir), "--corpus-dir", str(s.corpus_dir)])
    assert code == 0
    r = json.loads(capsys.readouterr().out)
    assert (r["supported_right"], r["contradicted_flagged"], r["contradicted_called_supported"], r["absent_not_supported"]) == (1, 1, 0, 1)

    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"sentence": "x", "verdict": "maybe"}\n')
    assert main(["eval", "--claims", str(bad)]) != 0
    err = capsys.readouterr().err
    assert "bad.jsonl:1" in err and err.count("\n") == 1


def test_pathway_named_by_its_head_noun():
    lex = nlp.SlotLexicon.general()
    c = lex.mentions("Exosomes promoted angiogenesis by activating the AMPK signaling pathway.")
    e = lex.mentions("Exosomes promoted angiogenesis by activating the SIRT1 signaling pathway.")
    assert nlp.slot_conflicts(c, e) == [("pathway", {"AMPK"}, {"SIRT1"})]
    assert "pathway" not in lex.mentions("Several signaling pathways are involved.")


def test_member_spellings():
    lex = nlp.SlotLexicon.general()
    assert lex.mentions("In HeLa cells")["cell line"] == {"HeLa"}  # a line without digits
    # One member of a pair names the same pathway.
    c = lex.mentions("mediated by the Ang1/Tie-2 signaling pathway")
    e = lex.mentions("mediated by angiopoietin-1 (Ang1) / tyrosine kinase Tie-2 signaling pathway")
    assert nlp.slot_conflicts(c, e) == []


def test_member_identity():
    assert nlp._unmatched({"IL-1"}, {"IL-10"}) == {"IL-1"}
    assert nlp._unmatched({"miR-21"}, {"miR-210"}) == {"miR-21"}
    assert nlp._unmatched({"miR-146b", "NF-κB", "MCF-7"}, {"miR-146b-5p", "NFKB", "MCF7"}) == set()


def test_document_columns_widen_the_slots_without_hiding_general_ones():
    rows = [(("Condition", "Breast cancer"), ("Donor", "Cardiac MSC"), ("Cell line", "MCF7")),
            (("Condition", "Glioma"), ("Donor", "BM-MSC"), ("Cell line", "U87MG"))]
    lex = nlp.SlotLexicon.from_document({"BM": "bone marrow", "TMEV": "Theiler's murine encephalomyelitis virus"}, rows=rows)
    m = lex.mentions("Cardiac MSC-EVs acted on MCF7 breast cancer cells")
    assert m["source"] == {"Cardiac MSC"} and m["condition"] == {"Breast cancer"} and "breast" in m["organ"]
    assert lex.mentions("BM exosomes")["source"] == {"bone marrow"}  # the glossary's short form
    # A long form that merely contains a member ("... murine ... virus") adds no form of it.
    assert lex.mentions("TMEV-infected rats")["species"] == {"rat"}
    assert "source" not in lex.mentions("human umbilical vein endothelial cells")


def test_direction_pairs_the_nearest_relation():
    ev = "BM-MSC exosomes enhance neurovascular development and attenuate neuronal apoptosis."
    keys = {"neuron", "apoptosi", "exosom"}
    assert nlp.direction_conflict("BM-MSC exosomes increased neuronal apoptosis.", ev, keys) is not None
    assert nlp.direction_conflict("BM-MSC exosomes reduced neuronal apoptosis.", ev, keys) is None
    # A clause boundary keeps one clause's words from the other's relation.
    assert nlp.direction_conflict("They raised cyclin D1, while limiting apoptosis of liver cells.",
                                  "They increased cyclin D1 and inhibited apoptosis of liver cells.", {"cyclin", "apoptosi"}) is None
    # Compounds: "apoptosis-inducing" induces apoptosis; "anti-proliferative" inhibits proliferation.
    (r,) = [x for x in nlp.relations("an apoptosis-inducing effect") if x.word == "inducing"]
    assert r.polarity == 1 and r.after[0] == "apoptosi"
    (r,) = nlp.relations("anti-proliferative effects")
    assert r.polarity == -1 and r.after[0] == "prolif"


def test_diminishing_words_count_as_negation():
    assert "produc" in nlp.negated_terms("MSCs have a limited capacity to produce exosomes at scale.")
    assert "produc" in nlp.negated_terms("MSCs cannot produce exosomes at scale.")


def test_things_named_like_changes_are_no_relations():
    for text in ["the angiogenic inhibitor DLL4", "improved immunomodulatory activities", "a gene promoter region"]:
        assert nlp.relations(text) == (), text
    assert [r.word for r in nlp.relations("it inhibits DLL4 and activates Akt")] == ["inhibits", "activates"]


def test_denying_predicate_and_reversed_transition():
    assert {"separ", "exosom", "particl"} <= nlp.negated_terms(
        "The separation of exosomes from particles of the same size is difficult.")
    assert nlp.transition_conflict("Macrophages shifted from the M2 to the M1 phenotype.",
                                   "Macrophages shifted from M1 to M2 phenotype.") == ("from the M2 to the M1", "from M1 to M2")
    assert nlp.transition_conflict("shifted from M1 to M2", "shifted from M1 to M2") is None


def test_a_change_to_something_the_review_never_names_is_not_supported(mini):
    # Shares the route, the cells, the pigs and the kidney injury with the review; what is
    # reduced, the review never names.
    for text in ["Intravenous MSC exosomes reduced amyloid plaques and tau tangles in pigs with kidney injury.",
                 "Exosomal miR-77 from bone marrow MSCs reduced amyloid plaques and tau tangles in transgenic mice."]:
        assert one(mini, text).verdict != "supported", text
