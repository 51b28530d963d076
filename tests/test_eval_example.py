"""The shipped example question file follows docs/eval-format.md: it loads, and every
evidence quote occurs in the corpus under the matching rule."""

import json
from pathlib import Path

from conftest import CORPUS, ROOT
from qa.evaluate import TYPES, load_gold, norm

EXAMPLE = ROOT / "eval" / "example_questions.jsonl"


def test_example_file_is_valid_and_quotes_occur_in_the_corpus():
    items = load_gold(EXAMPLE)
    assert 8 <= len(items) <= 12 and len({i["id"] for i in items}) == len(items)
    assert {i["type"] for i in items} <= set(TYPES) and any(i["type"] == "none" for i in items)
    corpus = "".join(norm(p.read_text(encoding="utf-8")) for p in sorted(CORPUS.glob("*.txt")))
    for i in items:
        quotes = i.get("evidence", []) + [q for group in i.get("evidence_all", []) for q in group]
        assert quotes or i["type"] == "none", i["id"]
        for q in quotes:
            assert q.isascii() and len(q) <= 99 and len(q.split()) >= 3, (i["id"], q)
            assert norm(q) in corpus, (i["id"], q)
        for row in i.get("table_rows", []):
            assert row["table"] in (1, 2) and row["ref"] in i["refs"], i["id"]


def test_every_line_is_one_object():
    for line in Path(EXAMPLE).read_text(encoding="utf-8").splitlines():
        assert isinstance(json.loads(line), dict)


def test_example_keys_cover_the_example_questions():
    from qa.evaluate import load_keys

    items = {i["id"]: i for i in load_gold(EXAMPLE)}
    keys = load_keys(ROOT / "eval" / "example_answer_keys.jsonl")
    assert set(keys) == set(items)
    for qid, k in keys.items():
        assert k["type"] == items[qid]["type"]
        if k["type"] not in ("none", "citation"):
            assert k["keys"] and all(g and all(a.isascii() for a in g) for g in k["keys"]), qid
        if k["type"] != "none":
            assert k["ref_keys"] is not None
