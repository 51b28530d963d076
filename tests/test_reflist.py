"""Reference lists: entries split and parsed in the common styles; author-year citations resolved."""

from qa.ingest.reflist import cited_in, parse_entries, parse_entry


def test_vancouver_bmc_and_author_year_entries():
    v = parse_entry("12. Krishnan SK, Singh E, Nalwa HS. A review on graphene biosensors. RSC Adv. 2019;9:8778-81. "
                    "doi:10.1039/c8ra09577a. PMID: 31234567", 12)
    assert (v.n, v.authors, v.title, v.year, v.volume, v.pages, v.doi, v.pmid) == (
        12, ("Krishnan SK", "Singh E", "Nalwa HS"), "A review on graphene biosensors", "2019", "9", "8778-81",
        "10.1039/c8ra09577a", "31234567")
    b = parse_entry("3. Shojania KG, Grimshaw JM: Evidence-based quality improvement: the state of the science. "
                    "Health Aff 2005, 24(1):138-150.", 3)
    assert (b.authors, b.title, b.journal, b.year, b.volume, b.pages) == (
        ("Shojania KG", "Grimshaw JM"), "Evidence-based quality improvement: the state of the science",
        "Health Aff", "2005", "24", "138-150")
    a = parse_entry("Eddy SR. 1998. Profile hidden Markov models. Bioinformatics 14(9):755-763 "
                    "DOI 10.1093/bioinformatics/14.9.755.", 5)
    assert (a.authors, a.year, a.title, a.journal, a.volume, a.doi, a.label) == (
        ("Eddy SR",), "1998", "Profile hidden Markov models", "Bioinformatics", "14",
        "10.1093/bioinformatics/14.9.755", "Eddy, 1998")


def test_author_year_list_split_by_hanging_indent_and_citations_resolved():
    lines = [
        ("Altschul SF, Madden TL, Schaffer AA, Zhang J. 1997. Gapped BLAST and", 50.0, 1),
        ("PSI-BLAST. Nucleic Acids Research 25(17):3389-3402.", 60.0, 1),
        ("Eddy SR. 1998. Profile hidden Markov models. Bioinformatics 14(9):755-763.", 50.0, 1),
        ("Smith A, Jones B. 2015. Copper in soils. Soil Biol 4:1-2.", 50.0, 1),
    ]
    refs = parse_entries(lines)
    assert [r.n for r in refs] == [1, 2, 3] and refs[0].title == "Gapped BLAST and PSI-BLAST"
    text = "BLAST (Altschul et al., 1997) and HMMER (Eddy, 1998) were run, as in Smith & Jones (2015); not Eddy (2001)."
    assert cited_in(text, refs) == (1, 2, 3)
    assert cited_in("numbered [4, 6-7] only", refs) == (4, 6, 7)


def test_a_lost_entry_does_not_fold_the_rest_into_the_one_before():
    # Entry 2's first line went missing (set elsewhere on the page): entry 3 still opens at
    # its own number, and so do all after it; a continuation line opening with a number that
    # is not followed by an author stays in its entry.
    lines = [
        ("1. Rensing C, Grass G. Copper homeostasis. FEMS Microbiol Rev.", 50.0, 1),
        ("2003;27:197-213.", 63.0, 1),
        ("Biochem. 2010;42:5-16.", 63.0, 1),
        ("3. Park S, Lee K. Efflux pumps of soil bacteria. J Soil Microbiol.", 50.0, 1),
        ("5. 2015;8:11-19.", 63.0, 1),
        ("4. Moreau L, Hale R. Copper chaperones. Metal Biol Rev. 2018;3:40-52.", 50.0, 1),
    ]
    refs = parse_entries(lines)
    assert [r.n for r in refs] == [1, 3, 4]
    assert refs[1].text.endswith("J Soil Microbiol. 5. 2015;8:11-19.")


def test_a_vancouver_title_with_a_colon_is_not_read_as_authors():
    r = parse_entry("7. Ruiz E, Abebe T, Kowal D. Anti-inflammatory therapy: a clinical practice review. "
                    "Eur J Prev Med. 2023;30:77-96. https://doi.org/10.5555/ejpm.2023.30.77", 7)
    assert (r.authors, r.title, r.journal, r.year, r.doi) == (
        ("Ruiz E", "Abebe T", "Kowal D"), "Anti-inflammatory therapy: a clinical practice review", "Eur J Prev Med",
        "2023", "10.5555/ejpm.2023.30.77")
    a = parse_entry("41. Ortega F, Brandt L. A transdermal patch: phase 1 results. Drug Res. 2024;14:980-9.", 41)
    assert a.authors == ("Ortega F", "Brandt L") and a.title == "A transdermal patch: phase 1 results"


def test_author_year_entries_opening_with_a_particle_or_a_non_ascii_capital():
    # Alphabetical lists put "de Groot" under G and "van Rheenen" under R, and a surname may
    # open with Ø or Ś: each still opens its own entry, and citations with two, three or
    # more authors resolve to it.
    lines = [
        ("Bland JM, Altman DG. 1986. Statistical methods for assessing agreement.", 48.0, 1),
        ("Lancet 1:307-310.", 58.0, 1),
        ("de Groot JA, Bossuyt PM, Reitsma JB. 2011. Verification problems in", 48.0, 1),
        ("diagnostic accuracy studies. Epidemiology 22:1-8.", 58.0, 1),
        ("Østergaard H, Lund S. 2019. Stool sampling at home. Clin Chem 6:11-19.", 48.0, 1),
        ("Røseth AG, Fagerhol MK, Aadland E. 1992. Assessment of the neutrophil", 48.0, 1),
        ("protein calprotectin in feces. Scand J Gastroenterol 27:793-798.", 58.0, 1),
        ("van Rheenen PF, Van de Vijver E, Fidler V. 2010. Faecal calprotectin for", 48.0, 1),
        ("screening of patients with suspected IBD. BMJ 341:c3369.", 58.0, 1),
    ]
    refs = parse_entries(lines)
    assert [r.authors[0] for r in refs] == ["Bland JM", "de Groot JA", "Østergaard H", "Røseth AG", "van Rheenen PF"]
    assert [r.label for r in refs] == ["Bland & Altman, 1986", "de Groot et al., 2011", "Østergaard & Lund, 2019",
                                       "Røseth et al., 1992", "van Rheenen et al., 2010"]
    text = ("Agreement was assessed as before (Bland & Altman, 1986; de Groot et al., 2011), samples were kept "
            "cold (Røseth et al., 1992; Østergaard & Lund, 2019) and the threshold followed "
            "van Rheenen, Van de Vijver & Fidler (2010).")
    assert cited_in(text, refs) == (1, 2, 4, 3, 5)


def test_a_table_row_naming_its_study_by_author_and_year_cites_that_entry():
    # A summary table's study column ("Smith & Jones (2015)") is how an author-year article cites
    # in a table; the row, its hits and answers carry the entry as a sentence citing it would.
    from qa.ingest.assemble import Piece, RowPiece, TablePiece, assemble

    refs = parse_entries([("Eddy SR. 1998. Profile hidden Markov models. Bioinformatics 14(9):755-763.", 50.0, 1),
                          ("Smith A, Jones B. 2015. Copper in soils. Soil Biol 4:1-2.", 50.0, 1)])
    table = TablePiece(1, "Studies of copper", ["Study", "Soil", "n"],
                       [RowPiece(["Smith & Jones (2015)", "Clay", "40"]), RowPiece(["This study", "Loam", "52"])])
    doc = assemble([Piece("heading", "Results"), Piece("table", table=table)], "x", "x", references=tuple(refs))
    rows = [b for b in doc.blocks if b.kind == "table_row"]
    assert [r.refs for r in rows] == [(2,), ()]


def test_springer_author_year_entries_with_no_stop_after_the_year_and_apa_volumes():
    # Springer's "basic" style sets the year in parentheses with no stop after it; APA gives
    # "Journal, 5(2), 318–325". Entries written for this test.
    s = parse_entry("Okonkwo CA, Bauer T, Lindqvist M (2019) Deprescribing of proton pump inhibitors in care "
                    "homes: a stepped-wedge trial. Age Care Med 14:233–241. doi:10.5555/acm.2019.233", 1)
    assert s.authors == ("Okonkwo CA", "Bauer T", "Lindqvist M")
    assert (s.year, s.volume, s.pages) == ("2019", "14", "233–241")
    assert s.title.startswith("Deprescribing of proton pump inhibitors") and s.journal == "Age Care Med"
    assert s.label == "Okonkwo et al., 2019"
    assert cited_in("Withdrawal was safe (Okonkwo et al., 2019).", [s]) == (1,)
    a = parse_entry("Haddad, R., & Moreau, L. (2021). Falls after sedative withdrawal. Geriatr Nurs Rev, 5(2), 318–325.", 2)
    assert (a.year, a.volume, a.pages, a.journal) == ("2021", "5", "318–325", "Geriatr Nurs Rev")


def test_a_vancouver_title_holding_a_year_in_brackets_is_not_an_author_year_entry():
    # Found by the cold review: "(2019)" inside a Vancouver title, after the authors' stop.
    v = parse_entry("Smith J, Lee K. Air quality (2019) and asthma. Lancet. 2020;1:1-9.", 1)
    assert v.authors == ("Smith J", "Lee K") and v.year == "2020" and v.title.startswith("Air quality")
    # A group author has no stop before its year: still author-year.
    g = parse_entry("Expert Panel on Falls (2023) Updated criteria for falls. J Am Geriatr Soc 71:2052–2081", 2)
    assert g.authors == ("Expert Panel on Falls",) and g.year == "2023"
