# Builds src/tables_src.json (what the typesetter draws) from hand-entered data;
# Table 3 statistics are computed from 2x2 counts (Wilson CIs, log-method LR CIs).
import json, math
def wilson(x, n, z=1.959964):
    p = x / n
    d = 1 + z*z/n
    c = (p + z*z/(2*n)) / d
    h = z*math.sqrt(p*(1-p)/n + z*z/(4*n*n)) / d
    return p, max(0, c-h), min(1, c+h)
def f2(v): return f"{v:.2f}"
def prop(x, n):
    p, lo, hi = wilson(x, n)
    return f"{f2(p)} ({f2(lo)}–{f2(hi)})"
def lrpos(tp, fp, fn, tn):
    s = tp/(tp+fn); fpr = fp/(fp+tn)
    lr = s/fpr
    se = math.sqrt(1/tp - 1/(tp+fn) + 1/fp - 1/(fp+tn))
    lo, hi = math.exp(math.log(lr)-1.96*se), math.exp(math.log(lr)+1.96*se)
    fmt = lambda v: f"{v:.1f}" if v >= 10 else f"{v:.2f}"
    return f"{fmt(lr)} ({fmt(lo)}–{fmt(hi)})"

# ---------- Table 1: definitions (text heavy)
t1 = {
 "number": 1, "key": "tdef",
 "title": "Definitions of the target condition, index test results and covariates",
 "columns": ["Variable", "Definition", "Source"],
 "widths": [0.19, 0.52, 0.29], "align": ["l", "l", "l"],
 "header": [[{"text": "Variable", "span": 1}, {"text": "Definition", "span": 1}, {"text": "Source", "span": 1}]],
 "rows": [
  ["Organic bowel disease", "Composite target condition: inflammatory bowel disease, colorectal cancer, advanced adenoma or microscopic colitis diagnosed within 12 months of enrolment and confirmed by the outcome panel", "Colonoscopy and histopathology reports; 12-month GP record review; outcome panel"],
  ["Inflammatory bowel disease", "Crohn’s disease, ulcerative colitis or IBD-unclassified according to ECCO criteria, confirmed by a gastroenterologist on endoscopic and histological findings", "Endoscopy and histopathology reports; specialist letters"],
  ["Colorectal cancer", "Invasive adenocarcinoma of the colon or rectum, any stage", "Histopathology reports; PALGA"],
  ["Advanced adenoma", "Adenoma of 10 mm or more, or with a villous component of at least 25%, or with high-grade dysplasia", "Histopathology reports"],
  ["Microscopic colitis", "Collagenous or lymphocytic colitis on random colonic biopsies in a participant with chronic watery diarrhoea and a macroscopically normal colon", "Histopathology reports; outcome panel"],
  ["Positive POC result", "Calprotectin concentration at or above the threshold (primary 100 µg/g; secondary 50 and 200 µg/g) on the first valid reading of the handheld reader", "Reader data export, read by the study team after the outcome was assigned"],
  ["Inconclusive POC result", "Reader error, absent control line or unreadable cassette on both the first test and one repeat test of the same sample", "Reader log; case report form"],
  ["Regular NSAID or aspirin use", "Any NSAID or aspirin taken on at least 3 days a week during the 4 weeks before stool collection, including over-the-counter use", "Participant questionnaire; GP prescription record"],
  ["Anaemia", "Haemoglobin below 7.5 mmol/L in women or below 8.5 mmol/L in men, measured in the 3 months before enrolment", "GP laboratory record"],
  ["Alarm features", "Rectal bleeding, unintentional weight loss of at least 5% in 6 months, anaemia, or a palpable abdominal or rectal mass", "GP case report form"],
  ["Sample age*", "Time in hours between stool collection and POC testing in the practice, grouped as ≤ 24 h or 25–48 h", "Sample return form; reader time stamp"]
 ],
 "note": "ECCO European Crohn’s and Colitis Organisation, GP general practitioner, IBD inflammatory bowel disease, NSAID non-steroidal anti-inflammatory drug, PALGA Dutch nationwide network and registry of histopathology and cytopathology, POC point-of-care. * Collection date and time as recorded by the participant; samples returned more than 48 h after collection were not tested."
}

# ---------- Table 2: baseline (two-level header, indented sub-rows)
G1, G0 = "Organic bowel disease (n = 97)", "No organic bowel disease (n = 412)"
def r(label, a, b, p, indent=False):
    cells = [label]
    if a is None: cells += ["", ""]
    else: cells += [str(a), f"{100*a/97:.1f}"]
    if b is None: cells += ["", ""]
    else: cells += [str(b), f"{100*b/412:.1f}"]
    cells.append(p)
    return {"cells": cells, "indent": indent}
t2 = {
 "number": 2, "key": "tbase",
 "title": "Characteristics of the 509 analysed participants by reference standard outcome",
 "columns": ["[Characteristic]", G1 + " n", G1 + " %", G0 + " n", G0 + " %", "p value"],
 "widths": [0.36, 0.11, 0.11, 0.11, 0.11, 0.2], "align": ["l", "c", "c", "c", "c", "c"],
 "header": [[{"text": "", "span": 1, "rowspan": 2}, {"text": G1, "span": 2}, {"text": G0, "span": 2}, {"text": "p value", "span": 1, "rowspan": 2}],
            [{"text": "n"}, {"text": "%"}, {"text": "n"}, {"text": "%"}]],
 "rows": [
  r("Female sex", 49, 251, "0.06"),
  r("Age group, years", None, None, "0.21"),
  r("18–29", 14, 83, "", True), r("30–39", 15, 78, "", True), r("40–49", 19, 78, "", True),
  r("50–59", 22, 91, "", True), r("60–70", 27, 82, "", True),
  r("Smoking status", None, None, "0.09"),
  r("Never", 41, 214, "", True), r("Former", 30, 121, "", True), r("Current", 26, 77, "", True),
  r("Body mass index, kg/m²", None, None, "0.78"),
  r("< 25", 44, 171, "", True), r("25–29.9", 33, 149, "", True), r("≥ 30", 20, 92, "", True),
  r("Diarrhoea for ≥ 4 weeks*", 68, 233, "0.02"),
  r("Rectal bleeding*", 39, 96, "< 0.001"),
  r("Abdominal pain*", 61, 318, "0.004"),
  r("Unintentional weight loss*", 18, 37, "0.006"),
  r("Nocturnal symptoms*", 22, 48, "0.006"),
  r("Regular NSAID or aspirin use", 21, 75, "0.44"),
  r("Proton pump inhibitor use", 19, 104, "0.24"),
  r("Family history of IBD or colorectal cancer", 15, 46, "0.24"),
  r("Anaemia†", 17, 24, "< 0.001"),
  r("Sample tested ≤ 24 h after collection", 66, 275, "0.81"),
 ],
 "note": "Percentages are column percentages. p values from the χ² test, or Fisher’s exact test where expected counts were below 5; for categorical variables with sub-rows, one p value is given for the whole variable. IBD inflammatory bowel disease, NSAID non-steroidal anti-inflammatory drug. * Presenting symptoms are not mutually exclusive. † Haemoglobin below 7.5 mmol/L in women or below 8.5 mmol/L in men."
}
# sanity sums
for lab in [("Age",2,7),("Smok",8,11),("BMI",12,15)]:
    rows = t2["rows"][lab[1]:lab[2]]
    assert sum(int(x["cells"][1]) for x in rows) == 97, lab
    assert sum(int(x["cells"][3]) for x in rows) == 412, lab

# ---------- Table 3: accuracy by threshold and subgroup (group rows; continues over page)
groups = [
 ("All participants (n = 509; 97 with organic bowel disease)", [(88,157,9,255,"0.38"),(81,86,16,326,"0.52"),(66,37,31,375,"0.21")]),
 ("Age 18–49 years (n = 287; 48 with organic bowel disease)", [(45,82,3,157,"0.61"),(42,42,6,197,"0.74"),(36,17,12,222,"0.45")]),
 ("Age 50–70 years (n = 222; 49 with organic bowel disease)", [(43,75,6,98,"0.44"),(39,44,10,129,"0.58"),(30,20,19,153,"0.33")]),
 ("Regular NSAID or aspirin use (n = 96; 21 with organic bowel disease)", [(20,46,1,29,"0.69"),(19,30,2,45,"0.81"),(16,14,5,61,"0.57")]),
 ("No regular NSAID or aspirin use (n = 413; 76 with organic bowel disease)", [(68,111,8,226,"0.29"),(62,56,14,281,"0.47"),(50,23,26,314,"0.18")]),
 ("Sample tested ≤ 24 h after collection (n = 341; 66 with organic bowel disease)", [(61,104,5,171,"0.83"),(57,57,9,218,"0.92"),(47,25,19,250,"0.66")]),
 ("Sample tested 25–48 h after collection (n = 168; 31 with organic bowel disease)", [(27,53,4,84,"0.048"),(24,29,7,108,"0.031"),(19,12,12,125,"0.09")]),
]
import re
rows3 = []
for g, rs in groups:
    n = int(re.search(r"n = (\d+)", g).group(1)); d = int(re.search(r"; (\d+) with", g).group(1))
    for thr, (tp, fp, fn, tn, p) in zip(["50", "100", "200"], rs):
        assert tp+fn == d and tp+fp+fn+tn == n, (g, thr)
        rows3.append({"group": g, "cells": [thr, f"{tp}/{fp}/{fn}/{tn}", prop(tp, tp+fn), prop(tn, tn+fp), prop(tp, tp+fp), prop(tn, tn+fn), lrpos(tp, fp, fn, tn), p]})
# subgroup sums equal overall
for pair in [(1,2),(3,4),(5,6)]:
    for k in range(3):
        a = [int(v) for v in rows3[pair[0]*3+k]["cells"][1].split("/")]
        b = [int(v) for v in rows3[pair[1]*3+k]["cells"][1].split("/")]
        o = [int(v) for v in rows3[k]["cells"][1].split("/")]
        assert [x+y for x, y in zip(a, b)] == o, (pair, k)
t3 = {
 "number": 3, "key": "tacc", "split_after": 9,
 "title": "Diagnostic accuracy of the point-of-care calprotectin test for organic bowel disease at three thresholds, overall and in prespecified subgroups",
 "columns": ["Threshold (µg/g)", "TP/FP/FN/TN", "Sensitivity (95% CI)", "Specificity (95% CI)", "PPV (95% CI)", "NPV (95% CI)", "LR+ (95% CI)", "p*"],
 "widths": [0.09, 0.12, 0.14, 0.14, 0.14, 0.14, 0.14, 0.09], "align": ["c", "c", "c", "c", "c", "c", "c", "c"],
 "header": [[{"text": c} for c in ["Threshold (µg/g)", "TP/FP/FN/TN", "Sensitivity (95% CI)", "Specificity (95% CI)", "PPV (95% CI)", "NPV (95% CI)", "LR+ (95% CI)", "p*"]]],
 "rows": rows3,
 "note": "CI confidence interval, FN false negative, FP false positive, LR+ positive likelihood ratio, NPV negative predictive value, NSAID non-steroidal anti-inflammatory drug, PPV positive predictive value, TN true negative, TP true positive. Confidence intervals for proportions are Wilson score intervals. * McNemar’s test comparing the proportions of samples classified as positive by the point-of-care test and by the laboratory ELISA at the same threshold."
}
for t in (t1,):
    t["rows"] = [{"cells": c} for c in t["rows"]]
json.dump({"tables": [t1, t2, t3]}, open("tables_src.json", "w"), ensure_ascii=False, indent=1)
for row in rows3: print(row["group"][:20], row["cells"])
