"""Breaks the code on purpose, one way at a time, runs the given tests and restores the file:
each breakage must turn a test red (issue 11). Usage:
  .venv/bin/python scripts/check_breakages.py NAME tests/test_mechanisms.py tests/test_search.py
NAME: one of the keys of B below."""
import subprocess, sys
from pathlib import Path
B = {
 "no_overlap_suppression": ("qa/search.py", '''        frac = self.settings.overlap_suppression
''', '''        return [int(i) for i in order[:k]]
        frac = self.settings.overlap_suppression
'''),
 "filtered_one_hit": ("qa/search.py", '''            hits.append(Hit(self.index.chunks[i], float(fused[i]), rank, {name: float(p[i]) for name, p in parts.items()}))
        return hits
''', '''            hits.append(Hit(self.index.chunks[i], float(fused[i]), rank, {name: float(p[i]) for name, p in parts.items()}))
        return hits[:1] if mask is not None else hits
'''),
 "ask_last_sentence_of_first_passage": ("qa/passage_answer.py", '''        out.sort(key=lambda x: -x[0])
        return out
''', '''        top = [h for h in hits if h.chunk.kind != "table_row"][:1]
        first = sorted((c for c in out if top and c[2] is top[0]), key=lambda c: c[1].span.start)
        return [(1.0, *first[-1][1:])] if first else out
'''),
 "hybrid_is_bm25": ("qa/search.py", '''        dn = self.dense_scores(query, mask) if mode in ("hybrid", "dense") else np.full(n, np.nan, np.float32)
''', '''        dn = self.dense_scores(query, mask) if mode in ("dense",) else np.full(n, np.nan, np.float32)
'''),
 "filter_after_candidates": ("qa/search.py", '''        allowed = np.ones(len(bm), dtype=bool) if mask is None else mask
''', '''        allowed = np.ones(len(bm), dtype=bool)
'''),
 "reuse_by_text_only": ("qa/index/build.py", '''    return f"{model.get('name')}@{model.get('version')}:{prefix}{hashlib.sha1(text.encode()).hexdigest()}"''',
   '''    return f"{prefix}{hashlib.sha1(text.encode()).hexdigest()}"'''),
}
name = sys.argv[1]
path, a, b = B[name]
p = Path(path); orig = p.read_text()
assert orig.count(a) == 1, name
p.write_text(orig.replace(a, b))
try:
    r = subprocess.run([".venv/bin/python", "-m", "pytest", "-q", "-rf", "-p", "no:cacheprovider", *sys.argv[2:]], capture_output=True, text=True)
    print(name, "->", "RED" if r.returncode else "green", [l for l in r.stdout.splitlines() if l.startswith("FAILED")])
finally:
    p.write_text(orig)
