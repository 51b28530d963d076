"""Checks for the jats5 test document and gold files. Run: python3 check.py"""
import json, re, sys, tomllib
import xml.etree.ElementTree as ET
HERE = __file__.rsplit('/', 1)[0] or '.'
errs = []
def err(m): errs.append(m)
def norm(s): return re.sub(r'[^a-z0-9]', '', s.lower())
def ws(s): return re.sub(r'\s+', ' ', s).strip()

# 1. XML parses
root = ET.parse(f'{HERE}/corpus/jats5.nxml').getroot()
full = norm(''.join(root.itertext()))
rec = tomllib.load(open(f'{HERE}/corpus/jats5.toml', 'rb'))
for k in ['id','title','authors','journal','year','volume','article','doi','license','format','file','numbered_references','tables']:
    if k not in rec: err(f'toml missing {k}')
if rec['file'] != 'jats5.nxml' or rec['license'] != 'CC BY 4.0' or rec['format'] != 'jats': err('toml values')
if ws(''.join(root.find('front/article-meta/title-group/article-title').itertext())) != rec['title']: err('title mismatch')

# 2. structure
body = root.find('body')
def tw(e): return len(re.sub(r'<[^>]+>', ' ', ET.tostring(e, encoding='unicode')).split())
words = tw(body) + tw(root.find('.//abstract'))
print('words (abstract+body incl. tables):', words)
refs = root.findall('back/ref-list/ref')
print('references:', len(refs))
if not 35 <= len(refs) <= 50: err('ref count')
ids = {r.get('id') for r in refs}
order = []
for x in body.iter('xref'):
    if x.get('ref-type') == 'bibr':
        if x.get('rid') not in ids: err(f'bad rid {x.get("rid")}')
        n = int(x.get('rid')[1:])
        if n not in order: order.append(n)
xml = ET.tostring(body, encoding='unicode')
order = []
for m in re.finditer(r'rid="B(\d+)">\d+</xref>(\u2013<xref ref-type="bibr" rid="B(\d+)">)?', xml):
    a = int(m.group(1)); b = int(m.group(3)) if m.group(3) else a
    for n in range(a, b + 1):
        if n not in order: order.append(n)
cited = set(order)
if cited != set(range(1, len(refs) + 1)): err(f'uncited refs {set(range(1,len(refs)+1)) - cited}')
if order != list(range(1, len(order) + 1)): err(f'citation order not Vancouver: {order}')
print('sup-style citations:', len([s for s in body.iter('sup') if s.find('xref') is not None]))
print('lists:', len(list(body.iter('list'))), 'boxed-text:', len(list(body.iter('boxed-text'))), 'figs:', len(list(body.iter('fig'))))

# 3. headings
heads = []
def walk(e):
    for s in e.findall('sec'):
        heads.append(ws(''.join(s.find('title').itertext()))); walk(s)
walk(body)
H = json.load(open(f'{HERE}/headings.json'))
if H != {'jats5': heads}: err('headings.json mismatch')
for t in ['Introduction', 'Methods', 'Results', 'Discussion', 'Limitations', 'Conclusions']:
    if t not in heads: err(f'missing heading {t}')

# 4. tables: independent grid expansion
def grid(rows):
    g = {}; out = []
    for ri, tr in enumerate(rows):
        ci = 0; line = []
        for c in tr:
            while (ri, ci) in g: ci += 1
            rs, cs = int(c.get('rowspan', 1)), int(c.get('colspan', 1))
            t = ws(''.join(c.itertext()))
            for dr in range(rs):
                for dc in range(cs):
                    g[(ri + dr, ci + dc)] = (t, dr == 0 and dc == 0, cs)
            ci += cs
    nr = max(k[0] for k in g) + 1; nc = max(k[1] for k in g) + 1
    return [[g.get((r, c)) for c in range(nc)] for r in range(nr)]
T = json.load(open(f'{HERE}/tables.json'))['tables']
wraps = list(body.iter('table-wrap'))
if len(wraps) != rec['tables'] or len(T) != len(wraps): err('table count mismatch')
has = dict(rowspan=False, colspan_head=False, section=False, text12=False)
for w, t in zip(wraps, T):
    n = int(ws(''.join(w.find('label').itertext())).split()[-1])
    if t['number'] != n or t['doc'] != 'jats5': err(f'table number {n}')
    if t['title'] != ws(''.join(w.find('caption/title').itertext())): err(f'T{n} title')
    if w.find('table-wrap-foot/fn/p') is None: err(f'T{n} no footnote')
    hg = grid(w.find('table/thead').findall('tr'))
    cols = []
    for c in range(len(hg[0])):
        parts = []
        for r in range(len(hg)):
            t_ = hg[r][c][0]
            if t_ and (not parts or parts[-1] != t_): parts.append(t_)
        cols.append(' '.join(parts) if parts else None)
    if len(hg) > 1: has['colspan_head'] = True
    if cols[0] is None: cols[0] = t['columns'][0] if re.fullmatch(r'\[.+\]', t['columns'][0]) else '??'
    if cols != t['columns']: err(f'T{n} columns {cols} != {t["columns"]}')
    trs = w.find('table/tbody').findall('tr')
    if any(int(c.get('rowspan', 1)) > 1 for tr in trs for c in tr): has['rowspan'] = True
    bg = grid(trs)
    rows = []; group = ''
    for line in bg:
        if line[0][2] == len(cols):
            group = line[0][0]; has['section'] = True; continue
        rows.append({'cells': {cols[i]: line[i][0] for i in range(len(cols))}, 'group': group})
    if len(rows) >= 12 and n == 1: has['text12'] = True
    if len(rows) != len(t['rows']): err(f'T{n} row count')
    for i, (a, b) in enumerate(zip(rows, t['rows']), 1):
        if b['row'] != i or a['cells'] != b['cells'] or a['group'] != b['group']: err(f'T{n} row {i} mismatch')
if not all(has.values()): err(f'table features {has}')

# 5. questions
Q = [json.loads(l) for l in open(f'{HERE}/questions.jsonl')]
from collections import Counter
cnt = Counter(q['type'] for q in Q)
print('questions:', len(Q), dict(cnt))
if len(Q) != 30 or cnt != Counter(table=10, passage=10, multi=4, none=6): err('question counts')
if len({q['id'] for q in Q}) != 30: err('dup ids')
tabs = {t['number']: t for t in T}
for q in Q:
    for k in ['id','doc','question','type','answer','evidence','keys','table_rows']:
        if k not in q: err(f'{q.get("id")} missing {k}')
    if q['type'] == 'none':
        if q['evidence'] or q['keys'] or q['table_rows']: err(f'{q["id"]} none not empty')
        continue
    if not 1 <= len(q['evidence']) <= 3: err(f'{q["id"]} evidence count')
    for e in q['evidence']:
        nw = len(e.split())
        if not (4 <= nw <= 14 and len(e) <= 99): err(f'{q["id"]} evidence size {nw}w {len(e)}c: {e}')
        if norm(e) not in full: err(f'{q["id"]} evidence not in text: {e}')
    if not 1 <= len(q['keys']) <= (4 if q['type'] == 'multi' else 3): err(f'{q["id"]} key groups')
    if q['type'] == 'multi' and len(q['keys']) < 2: err(f'{q["id"]} multi needs >=2 parts')
    ans = norm(q['answer'][:700])
    for grp in q['keys']:
        for alt in grp:
            if not 1 <= len(alt.split()) <= 4: err(f'{q["id"]} key length {alt}')
            if re.search(r'[a-z]', alt.lower()) and norm(alt) not in full: err(f'{q["id"]} key not in text: {alt}')
        if not any(norm(a) in ans for a in grp): err(f'{q["id"]} answer lacks key {grp}')
    if q['type'] == 'table':
        if not q['table_rows']: err(f'{q["id"]} no table_rows')
        for tr in q['table_rows']:
            row = tabs[tr['table']]['rows'][tr['row'] - 1]
            if list(row['cells'].values())[0] != tr['first_cell']: err(f'{q["id"]} first_cell')
            joined = norm(''.join(row['cells'].values()))
            for e in q['evidence']:
                if norm(e) not in joined: err(f'{q["id"]} evidence not in row: {e}')
    elif q['table_rows']: err(f'{q["id"]} table_rows should be empty')

print('ERRORS:' if errs else 'ALL CHECKS PASSED')
for e in errs: print(' -', e)
sys.exit(1 if errs else 0)
