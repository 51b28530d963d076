import pytest

from qa.ingest.refs import find_markers, parse_marker, refs_in


@pytest.mark.parametrize(
    "marker, expected",
    [
        ("[17]", [17]),
        ("[89, 90]", [89, 90]),
        ("[1–3]", [1, 2, 3]),
        ("[33, 48–51]", [33, 48, 49, 50, 51]),
        ("[63–\n65]", [63, 64, 65]),
        ("[89,\n90]", [89, 90]),
    ],
)
def test_parse_marker(marker, expected):
    assert parse_marker(marker) == expected


def test_refs_in_text_keeps_first_seen_order_and_ignores_non_citations():
    text = "A [12]. B (Fig. 2) [3, 12]. C [a] and [Table 1] and x[5–7]."
    assert refs_in(text) == (12, 3, 5, 6, 7)
    assert [m[2] for m in find_markers("no markers here")] == []


def test_implausible_range_is_not_expanded():
    assert parse_marker("[5–900]") == [5]
