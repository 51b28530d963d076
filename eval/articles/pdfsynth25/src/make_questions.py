#!/usr/bin/env python3
"""Write questions.jsonl and headings.json (headings parsed from the LaTeX source)."""
import json, re, pathlib, sys
ROOT = pathlib.Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))
from tables import TABLES

D = "pdfsynth25"
def row_ev(t, r):
    """cells in row order joined by spaces, marks appended"""
    cells = TABLES[t - 1]["rows"][r - 1][1]
    return " ".join(c.replace("^", "") for c in cells)
def tr(t, r):
    return {"doc": D, "table": t, "row": r, "first_cell": TABLES[t - 1]["rows"][r - 1][1][0].replace("^", "")}

Q = []
def add(type_, question, answer, evidence, keys, rows=()):
    Q.append({"id": f"s25-{len(Q)+1:03d}", "doc": D, "question": question, "type": type_, "answer": answer,
              "evidence": evidence, "keys": keys, "table_rows": [tr(*x) for x in rows]})

# ---------------- table (10)
add("table", "How many participants in the IMT group were current smokers at baseline, and what percentage was that?",
    "67 participants in the IMT group (27.1%) were current smokers at baseline (usual care: 68, 27.8%).",
    [row_ev(1, 7)], [["67"], ["27.1"]], [(1, 7)])
add("table", "What was the adjusted hazard ratio for pneumonia with inspiratory muscle training compared with usual care?",
    "The adjusted HR for pneumonia was 0.49 (95% CI 0.26–0.94; P = 0.031); crude HR 0.50 (0.26–0.95). Pneumonia occurred in 14/236 (5.9%) vs 27/234 (11.5%).",
    [row_ev(2, 2)], [["0.49"]], [(2, 2)])
add("table", "Among participants whose FEV1 was below 80% of predicted, how many in the usual care group had a postoperative pulmonary complication?",
    "32/101 usual care participants (31.7%) with FEV1 <80% predicted had a PPC, vs 17/104 (16.3%) with IMT.",
    [row_ev(2, 11)], [["32/101"], ["31.7"]], [(2, 11)])
add("table", "In the thoracotomy subgroup, what was the crude hazard ratio for the primary outcome?",
    "The crude HR in the thoracotomy subgroup was 0.52 (95% CI 0.26–1.05); adjusted HR 0.50 (0.25–1.02), P = 0.057.",
    [row_ev(2, 16)], [["0.52"]], [(2, 16)])
add("table", "What was the mean baseline maximal inspiratory pressure in the usual care group?",
    "72.3 cm H2O (SD 21.8) in the usual care group, compared with 71.6 (SD 22.4) in the IMT group.",
    [row_ev(1, 12)], [["72.3"]], [(1, 12)])
add("table", "Which secondary outcome had the highest adjusted hazard ratio, and what was that hazard ratio?",
    "Prolonged air leak >5 days, with an adjusted HR of 0.92 (95% CI 0.52–1.64; P = 0.78).",
    [row_ev(2, 5)], [["air leak"], ["0.92"]], [(2, 5)])
add("table", "According to the comparison with earlier studies, what did the Danish trial by Brandt-Larsen et al. find?",
    "It found no reduction in PPCs (RR 0.91, 95% CI 0.45–1.83), with adherence to prescribed sessions of only 58%.",
    ["No reduction in PPC (RR 0.91, 95% CI 0.45–1.83); adherence to prescribed sessions 58%"],
    [["no reduction"], ["58"]], [(3, 3)])
add("table", "What was the P value for unplanned ICU admission?",
    "P = 0.082 (adjusted HR 0.47, 95% CI 0.20–1.10); 8/236 (3.4%) vs 16/234 (6.8%).",
    [row_ev(2, 6)], [["0.082"]], [(2, 6)])
add("table", "What was the adjusted hazard ratio for the primary outcome in the per-protocol population?",
    "0.43 (95% CI 0.25–0.73; P = 0.002); crude 0.44 (0.26–0.75).",
    [row_ev(2, 17)], [["0.43"]], [(2, 17)])
add("table", "What intervention was tested in the two-centre Japanese trial by Ohashi et al.?",
    "IMT combined with aerobic cycling, with three supervised sessions per week for 3 weeks, in 102 patients with COPD.",
    ["IMT combined with aerobic cycling, three supervised sessions per week for 3 weeks"],
    [["aerobic cycling", "cycling"]], [(3, 2)])

# ---------------- passage (10)
add("passage", "For how long did participants in the training group actually train before their operation?",
    "For a median of 22 days (IQR 16 to 29).",
    ["Participants in the IMT group trained for a median of 22 days"], [["22 days"]])
add("passage", "Did the breathing exercises cause any serious side effects?",
    "No. No serious adverse events were attributed to the training; 11 of 236 (4.7%) reported minor events (light-headedness, chest wall discomfort, mild ear pain) that resolved.",
    ["No serious adverse events were attributed to the intervention"],
    [["no serious"]])
add("passage", "How were participants allocated to the two trial groups?",
    "By a web-based randomisation system using permuted blocks of four and six, stratified by centre and planned surgical approach (minimally invasive vs thoracotomy), 1:1.",
    ["web-based system with permuted blocks of four and six",
     "stratified by centre and by planned surgical approach"],
    [["permuted block"], ["centre", "center"], ["surgical approach", "approach"]])
add("passage", "What complication rate was assumed for the usual care group when calculating the sample size, and how many participants were to be enrolled?",
    "An incidence of 22% in the usual care group (reduction to 12% considered important); 492 participants were planned.",
    ["We assumed a PPC incidence of 22% in the usual care group", "we planned to enrol 492 participants"],
    [["22"], ["492"]])
add("passage", "By how much more did inspiratory muscle strength improve with training than with usual care?",
    "MIP rose by 15.6 cm H2O more (95% CI 13.4 to 17.8): +17.8 cm H2O in the IMT group vs +2.1 with usual care.",
    ["a between-group difference of 15.6 cm H2O (95% CI 13.4 to 17.8)"], [["15.6"]])
add("passage", "Did people who did the breathing training get home from hospital sooner?",
    "Yes, slightly: median stay 5 days (IQR 4 to 7) vs 6 days (IQR 4 to 9) with usual care (P = 0.021), i.e. 1 day shorter.",
    ["The median length of hospital stay was 5 days", "and 6 days (IQR 4 to 9) in the usual care group"],
    [["5 days", "1 day"]])
add("passage", "Was the masking of the outcome assessors checked, and what did the check show?",
    "Yes. At the end of the trial assessors guessed each participant's allocation; they were correct for 54%, close to chance.",
    ["asked to guess the allocation of each participant they had assessed",
     "They guessed correctly for 54% of participants"], [["54"]])
add("passage", "How well did participants stick to the home training programme?",
    "They completed a median of 86% of prescribed sessions (IQR 71 to 95); 187 of 236 (79.2%) completed at least 70%.",
    ["completed a median of 86% of the prescribed sessions"], [["86"]])
add("passage", "Why was recruitment to the trial suspended for several months?",
    "Elective thoracic surgery was deferred during the first wave of the COVID-19 pandemic; recruitment was suspended from 17 March to 31 August 2020.",
    ["Recruitment was suspended from 17 March to 31 August 2020",
     "during the first wave of the COVID-19 pandemic"], [["covid", "pandemic"]])
add("passage", "Who funded the BREATHE-PREP trial?",
    "The Dutch Lung Research Fund (grant LRF-2018-044) and the Scheldeland Research Foundation (grant SRF-19-112).",
    ["funded by the Dutch Lung Research Fund (grant LRF-2018-044)"],
    [["Dutch Lung Research Fund"], ["Scheldeland Research Foundation", "Scheldeland"]])

# ---------------- multi (4)
add("multi", "What were the adjusted hazard ratios for the primary outcome in participants younger than 70 years and in those aged 70 years or older?",
    "Age <70 years: adjusted HR 0.51 (95% CI 0.26–1.01), P = 0.053; age ≥70 years: 0.53 (0.28–0.98), P = 0.044.",
    [row_ev(2, 9), row_ev(2, 10)], [["0.51"], ["0.53"]], [(2, 9), (2, 10)])
add("multi", "How many participants were randomised to each group, and how many in each group underwent resection and were analysed?",
    "247 were randomised to IMT and 245 to usual care; 236 (IMT) and 234 (usual care) underwent resection and formed the modified intention-to-treat population.",
    ["492 were randomly assigned, 247 to IMT and 245 to usual care",
     "236 participants in the IMT group and 234 in the usual care group"],
    [["247"], ["245"], ["236"], ["234"]])
add("multi", "How did the complication rates reported by Ferreira et al. compare with those in the present trial?",
    "Ferreira et al. reported PPC 11% vs 23% (RR 0.48), benefit confined to thoracotomy; the present trial found 12.3% vs 21.8% (adjusted HR 0.52).",
    ["PPC 11% versus 23% (RR 0.48); benefit", "PPC 12.3% versus 21.8%; adjusted HR 0.52"],
    [["11%", "11 %"], ["23%", "23 %"], ["12.3"], ["21.8"]], [(3, 4), (3, 6)])
add("multi", "What were the crude hazard ratios for reintubation and for death within 90 days?",
    "Reintubation or ventilation >48 h: crude HR 0.56 (0.16–1.92); death within 90 days: crude HR 0.59 (0.14–2.48).",
    [row_ev(2, 4), row_ev(2, 8)], [["0.56"], ["0.59"]], [(2, 4), (2, 8)])

# ---------------- none (6)
NONE = [
    "What training load is recommended for inspiratory muscle training in competitive rowers?",
    "How effective is pneumococcal vaccination at preventing pneumonia in nursing home residents?",
    "What is the five-year survival after Whipple surgery for pancreatic cancer?",
    "What was the mean operative time in the IMT and usual care groups?",
    "How much did the electronic training device cost per patient?",
    "How many participants in each group received adjuvant chemotherapy after surgery?",
]
for q in NONE:
    add("none", q, "The article does not report this.", [], [])

with open(ROOT / "questions.jsonl", "w") as f:
    for q in Q:
        f.write(json.dumps(q, ensure_ascii=False) + "\n")

# ---------------- headings (from LaTeX source, in printed order)
src = (ROOT / "src" / "body.tex").read_text() + (ROOT / "src" / "back.tex").read_text()
heads = re.findall(r"\\(?:sub)?section\*?\{([^}]*)\}", src) + ["References"]
heads = [h.replace("'", "’") for h in heads]
(ROOT / "headings.json").write_text(json.dumps({D: heads}, ensure_ascii=False, indent=1))
print(len(Q), "questions;", len(heads), "headings")
