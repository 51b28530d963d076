def test_table_question_lists_rows_with_refs(engine):
    a = engine.answerer.ask("which cargo reduces VEGF in breast cancer?")
    assert a.status == "answered"
    # Labelled: table, row, column, value, references.
    assert a.text.startswith("Table 2")
    assert "Exosome content: miR-16" in a.text and "Exosome content: miR-100" in a.text
    assert "[169]" in a.text and "[173]" in a.text
    cited = {r for c in a.citations for r in c.refs}
    assert {169, 173} <= cited
    ids = {h.chunk.id for h in a.hits}
    assert all(c.hit_id in ids for c in a.citations)


def test_passage_answer_quotes_the_review_verbatim(engine):
    a = engine.answerer.ask("What types of RNA and nucleic acids do exosomes contain?")
    assert a.status == "answered"
    doc = engine.index.documents["hassanzadeh-2021"]["text"]
    for c in a.citations:
        assert doc[c.span.start : c.span.end] == c.quote
    assert any({70, 71, 72} & set(c.refs) for c in a.citations)


def test_off_topic_question_is_not_found(engine):
    for q in ["Do MSC exosomes help repair cartilage in knee osteoarthritis?", "best pizza dough hydration for Neapolitan pizza"]:
        a = engine.answerer.ask(q)
        assert a.status == "not_found", q
        assert "do not cover this" in a.text and not a.citations


def test_cite_returns_the_paraphrased_passage_refs_first(engine):
    text = "Exosomal miR-16 lowers VEGF in breast cancer cells and so blocks angiogenesis."
    out = engine.answerer.cite(text)
    assert len(out) == 1
    _, _, supports = out[0]
    assert supports and 169 in supports[0][0].refs
