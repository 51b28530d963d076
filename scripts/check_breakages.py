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
 "filtered_one_hit": ("qa/search.py", '''        return hits

    def _diversify''', '''        return hits[:1] if mask is not None else hits

    def _diversify'''),
 "ask_last_sentence_of_first_passage": ("qa/answer.py", '''        cands.sort(key=lambda x: -x[0])
        if not cands:''', '''        first = [c for c in cands if c[2] is hits[0]] or cands
        cands = [first[-1]]
        if not cands:'''),
 "hybrid_is_bm25": ("qa/search.py", '''        w = self.settings.fusion_weight
''', '''        w = 1.0
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
