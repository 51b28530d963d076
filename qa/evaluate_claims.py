"""Score claim verdicts on a gold file (format and measures: shared/eval/README.md "Claims").

One claim per check, as one /cite request per sentence. Measures:
- supported_right: supported claims called supported with a gold ref among the first three
  suggested refs (or the gold lists none);
- contradicted_flagged: contradicted claims called contradicted;
- contradicted_called_supported: contradicted claims called supported (lower is better);
- absent_not_supported: absent claims not called supported."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

from qa.types import CiteReport

VERDICTS = ("supported", "contradicted", "absent")


def load_claims(path: Path) -> list[dict]:
    items = []
    for n, line in enumerate(Path(path).read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip():
            continue
        try:
            d = json.loads(line)
        except json.JSONDecodeError as e:
            raise ValueError(f"{path}:{n}: not JSON ({e.msg})") from None
        if not isinstance(d, dict) or not isinstance(d.get("sentence"), str) or d.get("verdict") not in VERDICTS:
            raise ValueError(f"{path}:{n}: needs 'sentence' and 'verdict' ({' | '.join(VERDICTS)})")
        items.append(d)
    if not items:
        raise ValueError(f"{path}: no claims")
    return items


def score(items: list[dict], check: Callable[[str], CiteReport]) -> dict:
    rows = []
    for it in items:
        rep = check(it["sentence"])
        v = rep.sentences[0] if rep.sentences else None
        got = v.verdict if v else "not_found"
        refs = list(v.refs) if v else []
        gold_refs = set(it.get("refs") or [])
        right_ref = not gold_refs or bool(gold_refs & set(refs[:3]))
        rows.append({"id": it.get("id"), "gold": it["verdict"], "kind": it.get("kind"), "verdict": got,
                     "refs": refs, "gold_refs": sorted(gold_refs), "right_ref": right_ref,
                     "reason": v.reason if v else None, "confidence": v.confidence if v else 0.0})

    def share(pred, among) -> float | None:
        group = [r for r in rows if r["gold"] == among]
        return round(sum(pred(r) for r in group) / len(group), 4) if group else None

    by_kind: dict[str, dict] = {}
    for r in rows:
        if r["gold"] == "contradicted" and r["kind"]:
            k = by_kind.setdefault(r["kind"], {"n": 0, "flagged": 0})
            k["n"] += 1
            k["flagged"] += r["verdict"] == "contradicted"
    return {
        "n": len(rows),
        "counts": {g: sum(r["gold"] == g for r in rows) for g in VERDICTS},
        "supported_right": share(lambda r: r["verdict"] == "supported" and r["right_ref"], "supported"),
        "contradicted_flagged": share(lambda r: r["verdict"] == "contradicted", "contradicted"),
        "contradicted_called_supported": share(lambda r: r["verdict"] == "supported", "contradicted"),
        "absent_not_supported": share(lambda r: r["verdict"] != "supported", "absent"),
        "contradicted_by_kind": by_kind,
        "items": rows,
    }


MEASURES = ("supported_right", "contradicted_flagged", "contradicted_called_supported", "absent_not_supported")


def format_report(name: str, r: dict) -> str:
    c = r["counts"]
    lines = [f"{name}: {r['n']} claims ({c['supported']} supported, {c['contradicted']} contradicted, {c['absent']} absent)"]
    for m in MEASURES:
        v = r[m]
        lines.append(f"  {m:<31} {'n/a' if v is None else f'{v:.3f}'}")
    if r["contradicted_by_kind"]:
        lines.append("  contradictions flagged by kind: " + ", ".join(
            f"{k} {v['flagged']}/{v['n']}" for k, v in sorted(r["contradicted_by_kind"].items())))
    wrong = [i for i in r["items"] if not _right(i)]
    for i in wrong:
        lines.append(f"  miss {i['id']}: {i['gold']} -> {i['verdict']} refs {i['refs'][:3]} (gold {i['gold_refs']})"
                     + (f" | {i['reason']}" if i["reason"] else ""))
    return "\n".join(lines)


def _right(i: dict) -> bool:
    if i["gold"] == "supported":
        return i["verdict"] == "supported" and i["right_ref"]
    if i["gold"] == "contradicted":
        return i["verdict"] == "contradicted"
    return i["verdict"] != "supported"
