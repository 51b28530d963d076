"""Excerpts of long texts (qa/excerpt.py): the words around one place, with the opening kept."""

from qa import excerpt

TEXT = ("Okafor et al. treated burns in 212 adults with honey dressings at two centres, and after "
        "a long follow-up of many months with repeated cultures they found that methylglyoxal "
        "accounted for most of the antibacterial activity seen in the wounds [3].")


def test_a_text_that_fits_is_whole():
    assert excerpt.pieces(TEXT, 50, len(TEXT)) == [(0, len(TEXT))]
    assert excerpt.render(TEXT, [(0, len(TEXT))]) == TEXT


def test_a_long_text_keeps_its_opening_and_the_words_around_the_place():
    where = TEXT.index("methylglyoxal")
    shown = excerpt.pieces(TEXT, where, 120)
    text = excerpt.render(TEXT, shown)
    assert text.startswith("Okafor et al.")  # whose finding it is
    assert "methylglyoxal" in text and "…" in text
    assert sum(b - a for a, b in shown) <= 120
    assert all(TEXT[a:b] in text for a, b in shown)


def test_a_place_near_the_start_needs_no_second_piece():
    shown = excerpt.pieces(TEXT, TEXT.index("burns"), 80)
    assert len(shown) == 1 and shown[0][0] == 0
    assert excerpt.render(TEXT, shown).endswith("…")


def test_a_quoted_excerpt_keeps_within_its_allowance_with_the_markers_it_leaves_out():
    for allowance in (60, 90, 120, 200):
        shown = excerpt.fit(TEXT, TEXT.index("methylglyoxal"), allowance, (3,))
        quoted = excerpt.quoted(TEXT, shown, (3,))
        assert len(quoted) <= allowance
        assert quoted.startswith("“") and "[3]" in quoted  # the finding keeps its reference
    # A text without its own marker (it closes on the next sentence's) carries it after.
    bare = TEXT[:-5] + "."
    quoted = excerpt.quoted(bare, excerpt.fit(bare, 0, len(bare) + 2, (7,)), (7,))
    assert quoted.endswith("[7]") and len(quoted) <= len(bare) + 2 + len(" [7]")
