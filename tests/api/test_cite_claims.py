"""/cite verdicts over HTTP: the fields the claims branch adds (old fields stay)."""


def test_cite_verdicts_reason_evidence_and_refs(client):
    text = ("Exosomal miR-16 increased VEGF expression in breast cancer cells. "
            "Most transplanted MSCs get stuck in the liver, spleen and lung, so fewer than 1% reach the injured site. "
            "MSC exosomes reduce amyloid plaques in the brains of transgenic mice.")
    r = client.post("/cite", json={"text": text})
    assert r.status_code == 200
    body = r.json()
    first, second, third = body["sentences"]

    assert first["verdict"] == "contradicted" and first["refs"] == []
    assert first["reason"].startswith("direction:") and "[169]" in first["reason"]
    assert 169 in first["evidence"]["refs"] and "miR-16" in first["evidence"]["quote"]
    assert first["evidence"]["hit"]["id"] and 0 <= first["confidence"] <= 1

    assert second["verdict"] == "supported" and second["refs"][:1] == [19] and second["reason"] is None
    assert second["evidence"]["refs"] == [19] and second["supports"]

    assert third["verdict"] == "not_found" and third["evidence"] is None and third["refs"] == []

    # Only what to cite, in order of first use; the citation of the review as before.
    assert body["refs"][0] == 19 and 169 not in body["refs"]
    assert body["cite_as"]["bibtex"].startswith("@article{")
    for s in body["sentences"]:
        assert text[s["span"]["start"]:s["span"]["end"]] == s["text"]
