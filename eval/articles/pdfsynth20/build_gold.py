#!/usr/bin/env python3
"""Writes the gold files for pdfsynth20 from the typesetting sources in src/:
corpus/pdfsynth20.toml, tables.json, headings.json, questions.jsonl.
Run after build/make.js (headings come from build/layout.json, i.e. what was printed)."""
import json
import os

HERE = os.path.dirname(os.path.abspath(__file__))
SRC = os.path.join(HERE, "src")
DOC = "pdfsynth20"

front = json.load(open(os.path.join(SRC, "front.json"), encoding="utf-8"))
tsrc = json.load(open(os.path.join(SRC, "tables_src.json"), encoding="utf-8"))["tables"]
layout = json.load(open(os.path.join(HERE, "build", "layout.json"), encoding="utf-8"))

# ---------------------------------------------------------------- record
def q(s):
    return json.dumps(s, ensure_ascii=False)

authors = [f"{a['last']}, {a['first']}" for a in front["authors"]]
toml = f"""id = "{DOC}"
title = {q(front['title'])}
authors = [{', '.join(q(a) for a in authors)}]
journal = {q(front['journal'])}
year = {front['year']}
volume = {q(front['volume'])}
article = {q(front['article'])}
doi = {q(front['doi'])}
license = "CC BY 4.0"
format = "pdf"
file = "{DOC}.pdf"
numbered_references = true
tables = 3
"""
os.makedirs(os.path.join(HERE, "corpus"), exist_ok=True)
open(os.path.join(HERE, "corpus", f"{DOC}.toml"), "w", encoding="utf-8").write(toml)

# ---------------------------------------------------------------- tables.json
out_tables = []
for t in tsrc:
    rows = []
    for i, r in enumerate(t["rows"], 1):
        row = {"row": i, "cells": {c: v for c, v in zip(t["columns"], r["cells"])}}
        if r.get("group"):
            row["group"] = r["group"]
        rows.append(row)
    out_tables.append({"doc": DOC, "number": t["number"], "title": t["title"],
                       "columns": t["columns"], "rows": rows})
json.dump({"tables": out_tables}, open(os.path.join(HERE, "tables.json"), "w", encoding="utf-8"),
          ensure_ascii=False, indent=1)

# ---------------------------------------------------------------- headings.json
json.dump({DOC: layout["headings"]}, open(os.path.join(HERE, "headings.json"), "w", encoding="utf-8"),
          ensure_ascii=False, indent=1)

# ---------------------------------------------------------------- questions
def row_text(tn, rn, first=None, last=None):
    """cells of printed row rn of table tn joined by spaces (optionally a slice of cells)"""
    t = next(x for x in out_tables if x["number"] == tn)
    cells = [c for c in t["rows"][rn - 1]["cells"].values() if c != ""]
    return " ".join(cells[first:last])

def tr(tn, rn):
    t = next(x for x in out_tables if x["number"] == tn)
    return {"doc": DOC, "table": tn, "row": rn, "first_cell": list(t["rows"][rn - 1]["cells"].values())[0]}

Q = []
def add(typ, question, answer, evidence, keys, table_rows=()):
    Q.append({"id": f"s20-{len(Q) + 1:03d}", "doc": DOC, "question": question, "type": typ,
              "answer": answer, "evidence": list(evidence), "keys": keys, "table_rows": list(table_rows)})

# ---- table (10)
add("table", "Among participants who regularly used NSAIDs or aspirin, what was the positive likelihood ratio of the point-of-care calprotectin test at the 200 µg/g threshold?",
    "4.08 (95% CI 2.40–6.93).",
    [row_text(3, 12, 0, 7)], [["4.08"]], [tr(3, 12)])
add("table", "For stool samples tested 25–48 hours after collection, what p value did McNemar's test give when comparing POC and laboratory ELISA positivity at 100 µg/g?",
    "p = 0.031 (the POC test classified fewer of these samples as positive than the ELISA).",
    [row_text(3, 20, 4, 8)], [["0.031"]], [tr(3, 20)])
add("table", "In participants aged 18–49 years, what was the negative predictive value of the POC test at 50 µg/g?",
    "0.98 (95% CI 0.95–0.99).",
    [row_text(3, 4, 0, 6)], [["0.98"]], [tr(3, 4)])
add("table", "How many false-negative POC results were there at the 200 µg/g threshold among participants aged 50–70 years?",
    "19 false negatives (TP/FP/FN/TN 30/20/19/153); sensitivity 0.61.",
    [row_text(3, 9, 0, 6)], [["19"]], [tr(3, 9)])
add("table", "What percentage of participants with organic bowel disease were current smokers, and what percentage of those without organic bowel disease?",
    "26.8% (26 of 97) with organic bowel disease versus 18.7% (77 of 412) without.",
    [row_text(2, 11)], [["26.8"], ["18.7"]], [tr(2, 11)])
add("table", "Did proton pump inhibitor use differ significantly between participants with and without organic bowel disease?",
    "No: 19.6% (19) versus 25.2% (104), p = 0.24.",
    [row_text(2, 22)], [["0.24"]], [tr(2, 22)])
add("table", "How many participants aged 60–70 years were in the group without organic bowel disease?",
    "82 participants (19.9% of the 412 without organic bowel disease).",
    [row_text(2, 7)], [["82"]], [tr(2, 7)])
add("table", "Which sources were used to establish whether a participant was a regular NSAID or aspirin user?",
    "The participant questionnaire and the GP prescription record.",
    ["Participant questionnaire; GP prescription record"], [["questionnaire"], ["prescription"]], [tr(1, 8)])
add("table", "What size of adenoma counted as an advanced adenoma in this study?",
    "An adenoma of 10 mm or more (or one with a villous component of at least 25% or high-grade dysplasia).",
    ["Adenoma of 10 mm or more, or with a villous component"], [["10 mm"]], [tr(1, 4)])
add("table", "Below what haemoglobin level were women classified as having anaemia?",
    "Haemoglobin below 7.5 mmol/L in women (below 8.5 mmol/L in men), measured in the 3 months before enrolment.",
    ["Anaemia Haemoglobin below 7.5 mmol/L in women or below 8.5 mmol/L in men"], [["7.5 mmol", "7.5"]], [tr(1, 9)])

# ---- passage (10)
add("passage", "After the cassette was loaded, how long did practice staff wait before reading the calprotectin result?",
    "12 minutes.",
    ["loaded the cassette and read the result after 12 minutes"], [["12 minutes", "12 min"]])
add("passage", "Does regularly taking painkillers such as NSAIDs or aspirin make the stool test less reliable?",
    "Yes, it made the test less specific: at 100 µg/g specificity was 0.60 in regular NSAID or aspirin users versus 0.83 in non-users (p for interaction 0.003), while sensitivity was similar.",
    ["Specificity at 100 µg/g was 0.60 in regular NSAID or aspirin users", "and 0.83 in non-users (p for interaction = 0.003)"],
    [["0.60"], ["0.83"]])
add("passage", "How did agreement between the point-of-care test and the laboratory assay depend on how old the stool sample was?",
    "Kappa at 100 µg/g was 0.87 for samples tested within 24 hours but fell to 0.69 for samples tested 25–48 hours after collection, when the POC test classified fewer samples as positive.",
    ["For samples tested within 24 hours of collection, kappa at 100 µg/g was 0.87",
     "For samples tested 25–48 hours after collection, it fell to 0.69"], [["0.87"], ["0.69"]])
add("passage", "When GPs ordered a routine laboratory calprotectin test, how long did it take before the result was available in the GP record?",
    "A median of 6 days (IQR 4–9) after the consultation (142 participants).",
    ["availability of the laboratory result in the GP record was 6 days (IQR 4–9)"], [["6 days"]])
add("passage", "How much of the practice staff's own time did each test take?",
    "A median hands-on time of 5 minutes (IQR 4–7) per test.",
    ["The median hands-on time was 5 minutes (interquartile range [IQR] 4–7) per test"], [["5 minutes", "5 min"]])
add("passage", "How sensitive was the test at 100 µg/g for microscopic colitis compared with inflammatory bowel disease?",
    "0.67 for microscopic colitis (14 of 21) versus 0.95 for IBD (39 of 41).",
    ["It was 0.95 for IBD (39 of 41), 0.89 for CRC (8 of 9)", "0.67 for microscopic colitis (14 of 21)"],
    [["0.67", "14 of 21", "67%"], ["0.95", "39 of 41", "95%"]])
add("passage", "What happened to the participant with colorectal cancer whose point-of-care result was below 100 µg/g?",
    "The cancer was still found: the participant had iron deficiency anaemia and was referred because of this alarm feature.",
    ["had iron deficiency anaemia and was referred because of this alarm feature"], [["anaemia"], ["referred"]])
add("passage", "Would using the test together with warning signs mean fewer patients are sent for a colonoscopy?",
    "Yes. Referring only those with a POC result ≥ 100 µg/g or an alarm feature would have referred 241 instead of 318 participants, a 24.2% relative reduction, missing nine cases (six microscopic colitis, three advanced adenoma) but no IBD or CRC.",
    ["would have referred 241 participants, a relative reduction of 24.2%"], [["241"], ["24.2"]])
add("passage", "How was the quality of point-of-care testing in the practices monitored?",
    "An external quality control sample of known concentration was tested in each practice at the start and after every 25 study samples; all results were within 20% of the target value (plus 3-monthly research nurse visits).",
    ["at the start of the study and after every 25 study samples",
     "all quality control results were within 20% of the target value"], [["every 25", "25 study samples"], ["within 20"]])
add("passage", "What assumptions and numbers were used for the sample size calculation?",
    "Assuming sensitivity 0.85 and 15% prevalence, 77 participants with the target condition were needed for a CI half-width of 0.08, i.e. 514 participants with complete data; the target was 570 enrolled.",
    ["77 participants with the target condition were needed to estimate sensitivity",
     "This required 514 participants with complete data"], [["77"], ["514"]])

# ---- multi (4)
add("multi", "What were the positive predictive values of the POC test at 100 µg/g in regular NSAID or aspirin users and in non-users?",
    "0.39 (0.26–0.53) in regular users and 0.53 (0.44–0.61) in non-users.",
    [row_text(3, 11, 0, 5), row_text(3, 14, 0, 5)], [["0.39"], ["0.53"]], [tr(3, 11), tr(3, 14)])
add("multi", "What were the areas under the ROC curve for the POC test and for the laboratory ELISA, and what was Cohen's kappa between the two methods at 100 µg/g?",
    "AUC 0.90 (0.87–0.93) for the POC test and 0.91 (0.88–0.94) for the ELISA (p = 0.41); kappa 0.81 (0.76–0.86) at 100 µg/g.",
    ["The AUC was 0.90 (95% CI 0.87–0.93) for the POC test", "and 0.91 (0.88–0.94) for the ELISA",
     "0.81 (0.76–0.86) at 100 µg/g"], [["0.90"], ["0.91"], ["0.81"]])
add("multi", "How often was the first POC test invalid, how many results stayed inconclusive after repeat testing, and what was the specificity at 100 µg/g when those were counted as positive?",
    "27 of 543 first tests (5.0%) were invalid; 11 remained inconclusive after a repeat; counting them positive gave specificity 0.77 (0.73–0.81) (sensitivity 0.84).",
    ["The first POC test was invalid in 27 of 543 samples (5.0%)",
     "and specificity 0.77 (0.73–0.81)"], [["27", "5.0%"], ["11"], ["0.77"]])
add("multi", "Compare the proportions of participants with anaemia and with rectal bleeding in those with and without organic bowel disease.",
    "Anaemia 17.5% vs 5.8% (p < 0.001); rectal bleeding 40.2% vs 23.3% (p < 0.001).",
    [row_text(2, 24), row_text(2, 17)], [["17.5"], ["40.2"]], [tr(2, 24), tr(2, 17)])

# ---- none (6): 3 off-topic sharing a word, 3 on-topic details never given
for qq in ["What daily dose of aspirin is recommended for secondary prevention after a myocardial infarction?",
           "How is sputum calprotectin used to monitor pulmonary exacerbations in cystic fibrosis?",
           "What is the recommended interval for surveillance colonoscopy after removal of an advanced adenoma?",
           "How much did one point-of-care calprotectin test cassette cost?",
           "What proportion of participants had a positive faecal immunochemical test?",
           "What was the inter-observer agreement when two practice nurses read the same POC cassette?"]:
    add("none", qq, "The article does not report this.", [], [])

with open(os.path.join(HERE, "questions.jsonl"), "w", encoding="utf-8") as f:
    for x in Q:
        f.write(json.dumps(x, ensure_ascii=False) + "\n")
print(len(Q), "questions;", sum(len(t["rows"]) for t in out_tables), "table rows")
