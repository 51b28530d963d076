"""'What does X stand for?' answered from the document's own abbreviations, quoting where it
defines them (a document written for the test)."""

from qa.abbrev_answer import AbbrevAnswerer, asked_abbreviation
from qa.types import Sentence, Span

TEXT = ("Zinc finger nucleases (ZFNs) cut DNA at chosen sites [4]. The cut is mended by "
        "non-homologous end joining (NHEJ), which is error-prone.")


def test_the_abbreviation_asked_about():
    assert asked_abbreviation("What does NHEJ stand for?") == "NHEJ"
    assert asked_abbreviation("what is ZFN short for") == "ZFN"
    assert asked_abbreviation("full form of the abbreviation NHEJ") == "NHEJ"
    assert asked_abbreviation("How do zinc finger nucleases cut DNA?") is None
    assert asked_abbreviation("What is NHEJ?") == "NHEJ" and asked_abbreviation("What are ZFNs?") == "ZFNs"
    assert asked_abbreviation("What is apoptosis?") is None and asked_abbreviation("What is NHEJ for?") is None
    # keyword queries name the abbreviation before the word; "abbreviation meaning" names none
    assert asked_abbreviation("NHEJ abbreviation meaning") == "NHEJ"
    assert asked_abbreviation("ZFN acronym in the figure") == "ZFN"
    assert asked_abbreviation("the abbreviation NHEJ means what") == "NHEJ"
    assert asked_abbreviation("Abbreviation NHEJ?") == "NHEJ" and asked_abbreviation("Acronym ZFN meaning") == "ZFN"


def test_answer_quotes_the_defining_sentence_with_its_own_references():
    a, b = TEXT.split(" The cut")
    sents = [Sentence(0, "d", "sentence", Span(0, len(a)), a, (4,), "d:p:1"),
             Sentence(1, "d", "sentence", Span(len(a) + 1, len(TEXT)), "The cut" + b, (), "d:p:1")]
    ans = AbbrevAnswerer({"d": {"ZFNs": "Zinc finger nucleases", "NHEJ": "non-homologous end joining"}}, sents)
    r = ans.answer("What does ZFN stand for?")  # singular of the document's plural
    assert r.text.startswith("ZFNs stands for Zinc finger nucleases.") and r.citations[0].refs == (4,)
    r = ans.answer("what does nhej mean?")
    assert r.text.startswith("NHEJ stands for non-homologous end joining.")
    assert r.citations[0].quote.startswith("The cut") and r.citations[0].refs == ()
    assert ans.answer("What does CRISPR stand for?") is None  # not the document's: searched as usual


def test_a_mistyped_abbreviation_is_the_documents_when_only_one_is_that_near():
    sents = [Sentence(0, "d", "sentence", Span(0, len(TEXT)), TEXT, (4,), "d:p:1")]
    ans = AbbrevAnswerer({"d": {"NHEJ": "non-homologous end joining", "ZFNs": "Zinc finger nucleases"}}, sents)
    r = ans.answer("What does NEHJ stand for?")
    assert r.text.startswith("NHEJ stands for") and r.did_you_mean == "What does NHEJ stand for?"
    assert ans.answer("What does QXYZ stand for?") is None
