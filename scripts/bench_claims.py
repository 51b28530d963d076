"""How the claim check (/cite) scales with the draft, beside its own floor measured in the same
run: the one embedding pass of the same sentences.

  python scripts/bench_claims.py [--claims FILE] [--repeat 3]

Drafts of 1, 8, 32 of the claims file's sentences, and one of about 5,000 characters of
short sentences (each cut at its first comma); for each, the median time of
`check` and of the bare `embed_batch` of the same sentences, their ratio, and the time per
sentence. Linear cost shows as a flat time per sentence; prints one JSON object per draft."""

from __future__ import annotations

import argparse
import json
import statistics
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--claims", default=str(ROOT / "docs" / "claims" / "own_dev.jsonl"))
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()

    from qa import sentences as sentsplit
    from qa.engine import Engine

    eng = Engine().load(build=False)
    sents = [json.loads(line)["sentence"] for line in Path(args.claims).read_text().splitlines() if line.strip()]
    short = [s.split(",")[0].rstrip(".") + "." for s in sents]
    pool = (short * (1 + 5000 // max(1, sum(map(len, short)))))
    long_draft = ""
    for s in pool:
        if len(long_draft) + len(s) + 1 > 5000:
            break
        long_draft += s + " "
    full = sents * (1 + 32 // max(1, len(sents)))
    drafts = {f"{n} sentences": " ".join(full[:n]) for n in (1, 8, 32)}
    drafts["5,000 chars of short sentences"] = long_draft.strip()
    eng.claims.check("Warm-up sentence about exosomes and VEGF.")
    for name, draft in drafts.items():
        pieces = sentsplit.split(draft)
        t_check, t_embed = [], []
        for _ in range(args.repeat):
            eng.claims.check("x")  # nothing cached for the draft itself
            t0 = time.perf_counter()
            eng.claims.check(draft)
            t_check.append(time.perf_counter() - t0)
            t0 = time.perf_counter()
            eng.searcher.embedder.embed_batch(pieces)
            t_embed.append(time.perf_counter() - t0)
        c, e = statistics.median(t_check), statistics.median(t_embed)
        print(json.dumps({"draft": name, "chars": len(draft), "sentences": len(pieces), "check_s": round(c, 3),
                          "embed_s": round(e, 3), "ratio_to_embedding": round(c / e, 2) if e else None,
                          "ms_per_sentence": round(1000 * c / max(1, len(pieces)), 1)}))


if __name__ == "__main__":
    main()
