"""Citation formats from a document record: text, BibTeX, RIS, CSL-JSON."""

import json
import tomllib

from qa.citation import bibtex, cite_as, cite_formats, csl, latex_escape, ris, text

from conftest import REVIEW

MANY = {"id": "x", "title": "Fish & chips: 100% of #tags_cost $5 {really}", "meta": {
    "title": "Fish & chips: 100% of #tags_cost $5 {really}",
    "authors": ["Müller, Anna-Lena", "Smith, John", "Doe, J.", "Roe, R", "Poe, P", "Zoe, Z", "Last, Seventh"],
    "journal": "Research & Therapy", "year": 2020, "volume": "7", "issue": "2", "article": "e12",
    "doi": "10.1000/ab_c%1"}}


def review():
    return {"id": "hassanzadeh-2021", "title": "t", "meta": tomllib.loads(REVIEW.with_suffix(".toml").read_text())}


def test_text_has_no_double_full_stop_after_et_al():
    t = text(MANY)
    assert "et al. Fish" in t and ".." not in t
    assert t.startswith("Müller AL, Smith J, Doe J, Roe R, Poe P, Zoe Z, et al. ")
    assert "Research & Therapy. 2020;7(2):e12." in t and t.endswith("doi:10.1000/ab_c%1")
    r = text(review())
    assert r.startswith("Hassanzadeh A, Rahman HS,") and "et al. Mesenchymal" in r and ".." not in r
    assert "Stem Cell Research & Therapy. 2021;12:297. doi:10.1186/s13287-021-02378-7" in r


def test_title_ending_in_question_mark_gets_no_extra_stop():
    t = text({"id": "q", "title": "Do exosomes work?", "meta": {"authors": ["A, B"], "journal": "J", "year": 2001}})
    assert t == "A B. Do exosomes work? J. 2001."


def test_bibtex_escapes_latex_specials_but_not_the_doi():
    b = bibtex(MANY)
    assert r"title = {Fish \& chips: 100\% of \#tags\_cost \$5 \{really\}}" in b
    assert r"journal = {Research \& Therapy}" in b
    assert "doi = {10.1000/ab_c%1}" in b  # verbatim field
    assert b.startswith("@article{muller2020,")  # the key is ASCII
    # the unescaped braces balance
    plain = b.replace(r"\{", "").replace(r"\}", "")
    assert plain.count("{") == plain.count("}")
    assert latex_escape("a\\b~c^d") == r"a\textbackslash{}b\textasciitilde{}c\textasciicircum{}d"
    rb = cite_as(review())[1]
    assert r"Stem Cell Research \& Therapy" in rb and "&" not in rb.replace(r"\&", "")


def test_ris_record():
    lines = ris(review()).split("\r\n")
    assert lines[0] == "TY  - JOUR" and lines[-2] == "ER  - " and lines[-1] == ""
    assert "AU  - Hassanzadeh, Ali" in lines and lines.count("AU  - Jarahian, Mostafa") == 1
    assert sum(line.startswith("AU  - ") for line in lines) == 11
    for want in ("PY  - 2021", "VL  - 12", "SP  - 297", "DO  - 10.1186/s13287-021-02378-7",
                 "T2  - Stem Cell Research & Therapy", "UR  - https://doi.org/10.1186/s13287-021-02378-7"):
        assert want in lines
    assert all(line == "" or line[2:6] == "  - " for line in lines)


def test_csl_item():
    item = csl(review())
    json.dumps(item)  # plain JSON
    assert item["type"] == "article-journal" and item["id"] == "hassanzadeh2021"
    assert item["author"][0] == {"family": "Hassanzadeh", "given": "Ali"} and len(item["author"]) == 11
    assert item["issued"] == {"date-parts": [[2021]]}
    assert item["container-title"] == "Stem Cell Research & Therapy" and item["DOI"] == "10.1186/s13287-021-02378-7"
    assert item["volume"] == "12" and item["page"] == "297"


def test_record_without_meta_still_cites_its_title():
    f = cite_formats({"id": "notes-1", "title": "Lab notes"})
    assert f["text"] == "Lab notes."
    assert f["bibtex"] == "@article{notes,\n  title = {Lab notes}\n}"
    assert f["ris"] == "TY  - JOUR\r\nTI  - Lab notes\r\nER  - \r\n"
    assert f["csl"] == {"id": "notes", "type": "article-journal", "title": "Lab notes"}
