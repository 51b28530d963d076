"""Checks for the jats4 eval set. Run: python3 check.py"""
import json, re, sys, tomllib, pathlib
import xml.etree.ElementTree as ET
root = pathlib.Path(__file__).resolve().parent
errs = []
def need(cond, msg):
    if not cond: errs.append(msg)

# 1. XML parses
tree = ET.parse(root / 'corpus' / 'jats4.nxml'); art = tree.getroot()
norm = lambda s: re.sub(r'[^a-z0-9]', '', s.lower())
ws = lambda s: re.sub(r'\s+', ' ', s).strip()
fulltext = ' '.join(art.itertext())
NT = norm(fulltext)
NT0 = norm(''.join(art.itertext()))
need(NT == NT0, 'normalised text differs with join choice')

# record
rec = tomllib.loads((root / 'corpus' / 'jats4.toml').read_text())
for k in ['id', 'title', 'authors', 'journal', 'year', 'volume', 'article', 'doi', 'license', 'format', 'file', 'numbered_references', 'tables']:
    need(k in rec, f'toml missing {k}')
need(rec['id'] == 'jats4' and rec['file'] == 'jats4.nxml' and rec['format'] == 'jats' and rec['license'] == 'CC BY 4.0', 'toml values')
need(ws(''.join(art.find('front/article-meta/title-group/article-title').itertext())) == rec['title'], 'toml title')
xml_auth = [f"{c.findtext('name/surname')}, {c.findtext('name/given-names')}" for c in art.findall('front/article-meta/contrib-group/contrib')]
need(xml_auth == rec['authors'], 'toml authors')
need(art.findtext("front/article-meta/article-id[@pub-id-type='doi']") == rec['doi'], 'toml doi')

# structure
body = art.find('body')
tws = list(body.iter('table-wrap'))
need(len(tws) == rec['tables'] == 3, 'table count')
refs = art.findall('back/ref-list/ref')
need(35 <= len(refs) <= 50, f'ref count {len(refs)}')
need(any(r.find('element-citation') is not None for r in refs) and any(r.find('mixed-citation') is not None for r in refs), 'citation kinds')
need(len(art.findall(".//pub-id[@pub-id-type='doi']")) >= 5 and len(art.findall(".//pub-id[@pub-id-type='pmid']")) >= 3, 'pub-ids')
need(body.find('.//boxed-text/caption/title') is not None, 'boxed-text')
need(body.find('.//fig/label') is not None and body.find('.//fig/caption/p') is not None, 'fig')
need(len(body.findall('.//list/list-item/p')) >= 5, 'lists')
need(art.find('back/glossary/def-list') is not None, 'glossary')
need(len(art.findall('front/article-meta/abstract/sec')) == 4, 'abstract secs')
raw = (root / 'corpus' / 'jats4.nxml').read_text()
need(re.search(r'\[<xref ref-type="bibr" rid="B\d+">\d+</xref>\]', raw), 'single bracket cite')
need(re.search(r'\[<xref[^>]+>\d+</xref>, <xref', raw), 'list cite')
need(re.search(r'\[<xref[^>]+>\d+</xref>–<xref', raw), 'range cite')
need(re.search(r'<sup><xref ref-type="bibr"', raw), 'superscript cite')
ids = {r.get('id') for r in refs}
need(all(x.get('rid') in ids for x in art.iter('xref') if x.get('ref-type') == 'bibr'), 'dangling bibr xref')
def words(e): return len(' '.join(e.itertext()).split())
wb = words(body); wa = words(art.find('.//abstract'))
print(f'words: abstract {wa}, body incl. tables {wb}, refs {len(refs)}')
need(3500 <= wb <= 4500, 'body length')

# 2. tables.json vs XML (independent re-parse: explicit occupancy matrix)
TJ = json.loads((root / 'tables.json').read_text())['tables']
need(len(TJ) == 3, 'tables.json count')
def cell_text(c): return ws(''.join(c.itertext()))
for tw, tj in zip(tws, TJ):
    need(tj['doc'] == 'jats4' and tj['number'] == int(tw.findtext('label').split()[-1]), 'table number')
    need(tj['title'] == cell_text(tw.find('caption/title')), 'table title')
    head = tw.findall('table/thead/tr'); bodyrows = tw.findall('table/tbody/tr')
    ncols = sum(int(c.get('colspan', 1)) for c in head[0])
    # header names
    occ = [[None] * ncols for _ in head]
    for ri, tr in enumerate(head):
        it = iter(tr)
        for ci in range(ncols):
            if occ[ri][ci] is not None: continue
            c = next(it); rs, cs = int(c.get('rowspan', 1)), int(c.get('colspan', 1))
            for a in range(rs):
                for b in range(cs): occ[ri + a][ci + b] = cell_text(c)
    names = []
    for ci in range(ncols):
        lv = []
        for ri in range(len(head)):
            if occ[ri][ci] and occ[ri][ci] not in lv: lv.append(occ[ri][ci])
        names.append(' '.join(lv) or f'[Column {ci+1}]')
    need(tj['columns'] == names, f'columns table {tj["number"]}: {names}')
    occ = [[None] * ncols for _ in bodyrows]
    expect = []; group = ''
    for ri, tr in enumerate(bodyrows):
        cs0 = list(tr)
        if len(cs0) == 1 and int(cs0[0].get('colspan', 1)) == ncols:
            group = cell_text(cs0[0]); continue
        it = iter(cs0)
        for ci in range(ncols):
            if occ[ri][ci] is not None: continue
            c = next(it); rs, cs = int(c.get('rowspan', 1)), int(c.get('colspan', 1))
            for a in range(rs):
                for b in range(cs): occ[ri + a][ci + b] = cell_text(c)
        expect.append({'row': len(expect) + 1, 'cells': dict(zip(names, occ[ri])), 'group': group})
    need(tj['rows'] == expect, f'rows table {tj["number"]}')
# hand spot checks
T = {t['number']: t for t in TJ}
need(len(T[1]['rows']) == 16, 't1 rows')
need(T[2]['rows'][3]['group'] == 'Secondary outcomes' and T[2]['rows'][0]['group'] == 'Primary outcome', 't2 groups')
need(T[3]['rows'][4]['cells']['Subgroup variable'] == 'Supervision' and T[3]['rows'][4]['cells']['P for interaction'] == '0.04', 't3 rowspan')
need(T[3]['rows'][2]['cells']['Events/participants Control'] == '105/394', 't3 colspan header')
need(T[2]['rows'][2]['cells']['Pooled effect (95% CI)'] == 'RR 0.64 (0.48 to 0.85)', 't2 cell')

# 3. headings
H = json.loads((root / 'headings.json').read_text())['jats4']
xh = [cell_text(s.find('title')) for s in body.iter('sec')]
need(H == xh, 'headings')
abs_titles = [cell_text(s.find('title')) for s in art.findall('.//abstract/sec')]
print('headings', len(H))

# 4. questions
Q = [json.loads(l) for l in (root / 'questions.jsonl').read_text().splitlines() if l.strip()]
need(len(Q) == 30, 'q count')
from collections import Counter
cnt = Counter(q['type'] for q in Q)
need(cnt == Counter({'table': 10, 'passage': 10, 'multi': 4, 'none': 6}), f'types {cnt}')
need(len({q['id'] for q in Q}) == 30, 'ids unique')
for q in Q:
    need(set(q) == {'id', 'doc', 'question', 'type', 'answer', 'evidence', 'keys', 'table_rows'}, f'{q["id"]} fields')
    if q['type'] == 'none':
        need(q['evidence'] == [] and q['keys'] == [] and q['table_rows'] == [], f'{q["id"]} none lists'); continue
    need(1 <= len(q['evidence']) <= 3, f'{q["id"]} evidence count')
    for e in q['evidence']:
        n = len(e.split())
        need(4 <= n <= 14 and len(e) <= 99, f'{q["id"]} evidence size {n} words {len(e)} chars: {e}')
        need(norm(e) in NT, f'{q["id"]} evidence not in text: {e}')
    need(1 <= len(q['keys']) <= 3, f'{q["id"]} key groups')
    na = norm(q['answer'][:700])
    for g in q['keys']:
        need(any(norm(a) in na for a in g), f'{q["id"]} own answer misses key group {g}')
        for a in g:
            need(1 <= len(a.split()) <= 4, f'{q["id"]} key length {a}')
            if re.search(r'[a-z]', norm(a)):
                need(norm(a) in NT, f'{q["id"]} key not in text: {a}')
    if q['type'] == 'multi':
        need(len(q['keys']) >= 2 and len(q['evidence']) >= 2, f'{q["id"]} multi parts')
    if q['type'] == 'table':
        need(len(q['table_rows']) == 1, f'{q["id"]} table_rows')
        for tr in q['table_rows']:
            row = T[tr['table']]['rows'][tr['row'] - 1]
            need(row['row'] == tr['row'] and list(row['cells'].values())[0] == tr['first_cell'], f'{q["id"]} first_cell')
            joined = norm(' '.join(row['cells'].values()))
            for e in q['evidence']:
                need(norm(e) in joined, f'{q["id"]} evidence not from its row: {e}')
    else:
        need(q['table_rows'] == [], f'{q["id"]} table_rows should be empty')

if errs:
    print('FAIL'); [print(' -', e) for e in errs]; sys.exit(1)
print('questions', dict(cnt))
print('ALL CHECKS PASSED')
