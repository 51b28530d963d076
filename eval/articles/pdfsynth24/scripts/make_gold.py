#!/usr/bin/env python3
"""Write tables.json, headings.json, questions.jsonl and corpus/pdfsynth24.toml
from the typesetting sources in src/ (article.txt, table1.txt, table2.txt, table3.txt)."""
import json
import os
import re

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SRC = os.path.join(ROOT, "src")
DOC = "pdfsynth24"


def plain(s):
    """Source markup -> printed text as extracted: ^a / ^{a} become a trailing plain letter."""
    s = re.sub(r"\^\{([^}]*)\}", r"\1", s)
    s = re.sub(r"\^([A-Za-z0-9*])", r"\1", s)
    s = re.sub(r"\{[ib]:([^}]*)\}", r"\1", s)
    return s


def read_table(n):
    """Parse src/tableN.txt exactly as Make24.java does."""
    t = {"number": n, "title": None, "columns": None, "rows": []}
    h1 = h2 = h = None
    group = None
    rowno = 0
    for line in open(os.path.join(SRC, f"table{n}.txt"), encoding="utf-8"):
        line = line.rstrip("\n")
        if not line.strip():
            continue
        p = line.split("|")
        kind = p[0]
        if kind == "TITLE":
            t["title"] = plain(p[2])
        elif kind == "H1":
            h1 = p[1:]
        elif kind == "H2":
            h2 = p[1:]
        elif kind == "H":
            h = p[1:]
        elif kind in ("WIDTHS", "NOTE", "BREAK"):
            continue
        elif kind in ("G", "S"):
            group = plain(p[1])
        elif kind in ("R", "I"):
            if t["columns"] is None:
                t["columns"] = columns(h1, h2, h)
            if kind == "R" and n == 1:
                group = None  # free-standing rows of Table 1 are not under a characteristic
            cells = [plain(c) for c in p[1:]]
            assert len(cells) == len(t["columns"]), line
            rowno += 1
            r = {"row": rowno, "cells": dict(zip(t["columns"], cells))}
            if group:
                r["group"] = group
            t["rows"].append(r)
        else:
            raise ValueError(line)
    return t


def columns(h1, h2, h):
    if h is not None:
        return [plain(c) or f"[Column {i + 1}]" for i, c in enumerate(h)]
    cols = []
    k = 0
    for top in h1:
        if top == "~":
            cols.append("[Characteristic]")
            continue
        span = 1
        if "*" in top:
            top, span = top.split("*")
            span = int(span)
        for _ in range(span):
            k += 1
            cols.append(plain(top) + " " + plain(h2[len(cols) - 1]))
    return cols


def headings():
    out = ["Abstract"]
    for line in open(os.path.join(SRC, "article.txt"), encoding="utf-8"):
        if line.startswith("@h1 ") or line.startswith("@h2 "):
            out.append(line[4:].strip())
    return out


def tr(table, row, first):
    return [{"doc": DOC, "table": table, "row": row, "first_cell": first}]


Q = []


def q(type_, question, answer, evidence, keys, table_rows=None):
    Q.append({
        "id": f"s24-{len(Q) + 1:03d}", "doc": DOC, "question": question, "type": type_,
        "answer": answer, "evidence": evidence, "keys": keys, "table_rows": table_rows or [],
    })


def questions():
    # ---- table (10) ----
    q("table", "In the table of participant characteristics, how many day workers were current smokers, and what percentage of day workers was that?",
      "209 day workers were current smokers, which is 20.5% of the 1,018 day workers.",
      ["Current 209 20.5 274 24.8 93 21.5"], [["209"], ["20.5"]], tr(1, 9, "Current"))
    q("table", "What percentage of the rotating-shift workers with nights were registered nurses?",
      "73.6% of rotating-shift workers with nights (813 of 1,104) were registered nurses.",
      ["Registered nurse 702 69.0 813 73.6 268 62.0"], [["73.6"]], tr(1, 5, "Registered nurse"))
    q("table", "What share of permanent night workers had a body mass index of 30 kg/m² or more?",
      "20.1% of permanent night workers (87 of 432) had a BMI of 30 kg/m² or more, against 13.7% of day workers and 14.3% of rotating-shift workers.",
      ["BMI ≥30 kg/m² 139 13.7 158 14.3 87 20.1"], [["20.1"]], tr(1, 15, "BMI ≥30 kg/m²"))
    q("table", "How many rotating-shift workers were aged 50 years or older?",
      "205 rotating-shift workers with nights were aged 50 or older, which is 18.6% of that group.",
      ["≥50 364 35.8 205 18.6 120 27.8"], [["205"]], tr(1, 4, "≥50"))
    q("table", "What was the adjusted prevalence ratio for metabolic syndrome in staff with 10–19 years of cumulative night work?",
      "Adjusted PR 1.29 (95% CI 1.01–1.65; P = 0.042) compared with staff who had never worked nights; the crude PR was 1.48.",
      ["10–19 133/627 21.2 1.48 (1.17–1.88) 1.29 (1.01–1.65) 0.042"], [["1.29"]], tr(2, 6, "10–19"))
    q("table", "What was the crude prevalence ratio for raised triglycerides in permanent night workers compared with day workers?",
      "The crude PR for raised triglycerides was 1.38 (95% CI 1.11–1.72); adjusted it was 1.31 (1.05–1.63).",
      ["Raised triglycerides 98/432 22.7 1.38 (1.11–1.72) 1.31 (1.05–1.63) 0.016"], [["1.38"]], tr(2, 12, "Raised triglycerides"))
    q("table", "In the subgroup analysis, what was the adjusted prevalence ratio of metabolic syndrome for men working permanent nights, and its P value?",
      "For men, the adjusted PR was 1.18 (95% CI 0.78–1.78) with P = 0.43, so the association was not statistically significant in men (27 of 80 male night workers had metabolic syndrome).",
      ["Men 27/80 33.8 1.25 (0.83–1.87) 1.18 (0.78–1.78) 0.43"], [["1.18"], ["0.43"]], tr(2, 17, "Men"))
    q("table", "Which P value is given for the adjusted prevalence ratio of raised blood pressure in permanent night workers versus day workers?",
      "P = 0.80 (adjusted PR 1.02, 95% CI 0.88–1.19), so there was no clear association with raised blood pressure.",
      ["Raised blood pressure 149/432 34.5 1.10 (0.94–1.29) 1.02 (0.88–1.19) 0.80"], [["0.80", "0.8"]], tr(2, 14, "Raised blood pressure"))
    q("table", "In the comparison with earlier studies, how was night work measured in the Swedish cohort of healthcare workers?",
      "Lindgren et al. (2018a) used payroll-based cumulative years of night work, with night-work history reconstructed from payroll records going back to 1987.",
      ["Payroll-based cumulative years of night work"], [["payroll"]], tr(3, 4, "Lindgren et al. (2018a)"))
    q("table", "How many participants were in the Korean study listed in the comparison table, and who were they?",
      "Choi & Park (2016) analysed 3,911 female health workers from a Korean national workforce survey.",
      ["Cross-sectional analysis of 3,911 female health workers"], [["3,911", "3911"]], tr(3, 3, "Choi & Park (2016)"))

    # ---- passage (10) ----
    q("passage", "What proportion of the eligible staff took part in the survey?",
      "2,846 of the 3,912 eligible staff returned the questionnaire and attended the examination, a response rate of 72.7%.",
      ["2,846 (72.7%) returned the questionnaire and attended the examination"], [["72.7"]])
    q("passage", "Were the nurses who work nights checked right after coming off a night shift?",
      "No. Night workers were examined at the end of at least two consecutive days off, so that the last shift would not have an acute effect on the measurements.",
      ["Night workers were examined at the end of at least two consecutive days off"], [["days off"]])
    q("passage", "Did it matter how many years someone had worked nights over their career?",
      "Yes. Prevalence of metabolic syndrome rose from 14.3% in those who had never worked nights to 28.2% in those with 20 or more years of night work; the gradient persisted after adjustment (PR 1.41, 95% CI 1.07–1.86; P for trend 0.004).",
      ["We also examined cumulative exposure over the working life.",
       "the gradient persisted after adjustment (PR 1.41, 1.07–1.86; P for trend 0.004)"],
      [["1.41"], ["0.004"]])
    q("passage", "Among staff who worked nights, what did the study find about the number of nights worked per month?",
      "Those working nine or more nights a month had a higher prevalence of metabolic syndrome than those working four or fewer (adjusted PR 1.38, 95% CI 1.07–1.79; P for trend 0.012).",
      ["we looked at how many nights were worked each month",
       "Those working nine or more nights a month had a higher prevalence"],
      [["1.38"], ["0.012"]])
    q("passage", "How much bigger was the waist of permanent night workers compared with day workers?",
      "After adjustment, mean waist circumference was 3.1 cm larger in permanent night workers than in day workers (95% CI 1.8–4.4 cm).",
      ["After adjustment, mean waist circumference was 3.1 cm larger"], [["3.1 cm", "3.1"]])
    q("passage", "What E-value was reported for the main prevalence ratio of permanent night work?",
      "The E-value for the main PR of 1.46 was 2.28 (1.64 for the lower confidence limit), meaning a confounder would need risk ratios of 2.28 with both exposure and outcome to explain the association away.",
      ["The E-value for the main PR of 1.46 was 2.28."], [["2.28"]])
    q("passage", "How well did the schedules that staff reported agree with the hospital rosters?",
      "In a random 10% of participants, the reported schedule agreed with hospital rostering data for 94% of participants (kappa 0.89).",
      ["the two sources agreed for 94% of participants (kappa 0.89)"], [["94"], ["0.89"]])
    q("passage", "How little sleep counted as short sleep in this study?",
      "Short sleep was defined as less than 6 hours on workdays; for night workers this meant the main sleep period after a night shift.",
      ["Short sleep was defined as less than 6 hours on workdays"], [["6 hours"]])
    q("passage", "How did the authors deal with missing covariate data?",
      "Missing covariate data, affecting 4.1% of participants and mostly alcohol intake, were handled by multiple imputation with 20 imputed data sets.",
      ["were handled by multiple imputation with 20 imputed data sets"], [["multiple imputation"], ["20"]])
    q("passage", "Were the permanent night workers more often natural night owls than the day workers?",
      "Yes. Evening chronotypes were more common among permanent night workers (27.5%) than among day workers (11.9%), suggesting some self-selection into night work.",
      ["Evening chronotypes were more common among permanent night workers (27.5%)"], [["27.5"], ["11.9"]])

    # ---- multi (4) ----
    q("multi", "Compare the adjusted prevalence ratio for permanent night work in participants who slept less than 6 hours on workdays with that in participants who slept 6 hours or more.",
      "Short sleepers (<6 h): adjusted PR 1.69 (95% CI 1.27–2.25, P < 0.001). Those sleeping 6 h or more: adjusted PR 1.24 (0.92–1.67, P = 0.16). The P for interaction was 0.048.",
      ["Sleep <6 h on workdays 58/189 30.7 1.78 (1.34–2.36) 1.69 (1.27–2.25) <0.001",
       "Sleep ≥6 h on workdays 49/243 20.2 1.29 (0.96–1.73) 1.24 (0.92–1.67) 0.16"],
      [["1.69"], ["1.24"]])
    q("multi", "Which instruments were used to measure sleep quality and chronotype, and what share of permanent night workers reported poor sleep quality?",
      "Sleep quality was measured with the Pittsburgh Sleep Quality Index (PSQI) and chronotype with the reduced Morningness–Eveningness Questionnaire; 58.1% of permanent night workers reported poor sleep quality (PSQI score above 5).",
      ["sleep quality was assessed with the Pittsburgh Sleep Quality Index",
       "Chronotype was measured with the reduced Morningness–Eveningness Questionnaire",
       "was reported by 58.1% of permanent night workers"],
      [["Pittsburgh Sleep Quality Index", "PSQI"], ["Morningness–Eveningness", "Morningness"], ["58.1"]])
    q("multi", "What were the adjusted prevalence ratios for raised fasting glucose and for reduced HDL cholesterol in permanent night workers compared with day workers?",
      "Raised fasting glucose: adjusted PR 1.33 (95% CI 1.05–1.68, P = 0.017). Reduced HDL cholesterol: adjusted PR 1.08 (0.90–1.30, P = 0.41), i.e. no clear association.",
      ["Raised fasting glucose 93/432 21.5 1.39 (1.10–1.75) 1.33 (1.05–1.68) 0.017",
       "Reduced HDL cholesterol 121/432 28.0 1.13 (0.94–1.35) 1.08 (0.90–1.30) 0.41"],
      [["1.33"], ["1.08"]])
    q("multi", "Which waist-circumference threshold for women was used in the main definition of metabolic syndrome and which in the sensitivity definition, and what prevalence ratio did the sensitivity definition give?",
      "The harmonised (main) definition used a waist of 88 cm or more in women; the International Diabetes Federation definition used 80 cm in women. With the IDF definition the PR was 1.37 (95% CI 1.13–1.66).",
      ["waist circumference of 88 cm or more in women",
       "with waist thresholds of 80 cm in women and 94 cm in men",
       "the International Diabetes Federation definition gave a PR of 1.37"],
      [["88 cm", "88"], ["80 cm", "80"], ["1.37"]])

    # ---- none (6) ----
    none = "The article does not give this information."
    q("none", "What is the first-line drug treatment for restless legs syndrome?", none, [], [])
    q("none", "How long is a typical night shift for air traffic controllers in the United States?", none, [], [])
    q("none", "How is the circumference of a tree trunk measured in forestry surveys?", none, [], [])
    q("none", "What was the mean LDL cholesterol concentration among permanent night workers?", none, [], [])
    q("none", "How many participants in the survey were taking melatonin?", none, [], [])
    q("none", "What was the mean age of the permanent night workers?", none, [], [])


def toml():
    title = None
    for line in open(os.path.join(SRC, "article.txt"), encoding="utf-8"):
        if line.startswith("@title "):
            title = line[7:].strip()
    authors = ["Etxeberria, Ane", "Ibarra, Lorea", "Urrutia, Aitor", "Delgado-Ruiz, Pilar",
               "Goñi, Miren", "Arrieta Goikoetxea, Mikel"]
    esc = lambda s: s.replace("\\", "\\\\").replace('"', '\\"')
    lines = [
        f'id = "{DOC}"',
        f'title = "{esc(title)}"',
        "authors = [" + ", ".join(f'"{esc(a)}"' for a in authors) + "]",
        'journal = "Journal of Occupational and Metabolic Health"',
        "year = 2025",
        "volume = 9",
        'article = "e0318"',
        'doi = "10.5555/jomh.2025.e0318"',
        'license = "CC BY 4.0"',
        'format = "pdf"',
        f'file = "{DOC}.pdf"',
        "numbered_references = false",
        "tables = 3",
    ]
    return "\n".join(lines) + "\n"


def main():
    tables = [read_table(n) for n in (1, 2, 3)]
    out = {"tables": [{"doc": DOC, **t} for t in tables]}
    with open(os.path.join(ROOT, "tables.json"), "w", encoding="utf-8") as f:
        json.dump(out, f, ensure_ascii=False, indent=1)
        f.write("\n")
    with open(os.path.join(ROOT, "headings.json"), "w", encoding="utf-8") as f:
        json.dump({DOC: headings()}, f, ensure_ascii=False, indent=1)
        f.write("\n")
    questions()
    with open(os.path.join(ROOT, "questions.jsonl"), "w", encoding="utf-8") as f:
        for item in Q:
            f.write(json.dumps(item, ensure_ascii=False) + "\n")
    os.makedirs(os.path.join(ROOT, "corpus"), exist_ok=True)
    with open(os.path.join(ROOT, "corpus", f"{DOC}.toml"), "w", encoding="utf-8") as f:
        f.write(toml())
    print(f"tables: {[len(t['rows']) for t in tables]} rows; headings: {len(headings())}; questions: {len(Q)}")


if __name__ == "__main__":
    main()
