#!/usr/bin/env python3
"""Write questions.jsonl, headings.json and corpus/pdfsynth21.toml for pdfsynth21."""
import json, os
ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DOC = "pdfsynth21"

def tr(table, row, first):
    return {"doc": DOC, "table": table, "row": row, "first_cell": first}

Q = [
 # ---------------- table
 ("table", "In the STRIDE-PAD trial, how many participants in the usual care group were current smokers at baseline, and what percentage was that?",
  "30 usual care participants (27.3%) were current smokers at baseline (versus 27, 24.1%, in the intervention group).",
  ["Current 27 24.1 30 27.3"], [["30"], ["27.3"]], [tr(1, 7, "Current")]),
 ("table", "What was the mean six-minute walk distance at baseline in the intervention group?",
  "342.5 m (SD 84.2) in the intervention group; 338.1 m (SD 88.9) in usual care.",
  ["6MWD, m 342.5 84.2 338.1 88.9"], [["342.5"]], [tr(1, 17, "6MWD, m")]),
 ("table", "What proportion of participants allocated to the home-based walking programme had diabetes at baseline?",
  "41 of 112 intervention participants, i.e. 36.6%, had diabetes mellitus.",
  ["Diabetes mellitus 41 36.6 39 35.5"], [["36.6"]], [tr(1, 8, "Diabetes mellitus")]),
 ("table", "In the baseline table, what is the standard deviation of age in the usual care group?",
  "8.6 years (mean age 67.9 years in the usual care group).",
  ["Age, years 68.4 8.1 67.9 8.6"], [["8.6"]], [tr(1, 1, "Age, years")]),
 ("table", "By how much did the intervention improve pain-free walking distance at 6 months compared with usual care (adjusted difference and 95% CI)?",
  "Adjusted mean difference 51.8 m (95% CI 34.7–68.9; p < 0.001); change 71.2 m vs 18.6 m.",
  ["Pain-free walking distance, m 71.2 (68.5) 18.6 (61.9) 51.8 (34.7–68.9) <0.001"], [["51.8"], ["34.7"]],
  [tr(2, 3, "Pain-free walking distance, m")]),
 ("table", "What was the odds ratio for achieving a six-minute walk distance improvement of at least 50 m with the intervention?",
  "OR 3.74 (95% CI 1.95–7.18; p < 0.001): 44 (42.7%) intervention vs 17 (16.7%) usual care participants.",
  ["6MWD improved by ≥ 50 m 44 (42.7) 17 (16.7) 3.74 (1.95–7.18) <0.001"], [["3.74"]],
  [tr(2, 14, "6MWD improved by ≥ 50 m")]),
 ("table", "Which Walking Impairment Questionnaire subscale showed no statistically significant between-group difference at 6 months, and what was its p value?",
  "The stair-climbing subscale: difference 3.5 (−1.1 to 8.1), p = 0.14.",
  ["WIQ stair-climbing subscale 7.4 (17.8) 3.8 (16.9) 3.5 (−1.1 to 8.1) 0.14"], [["stair-climbing"], ["0.14"]],
  [tr(2, 9, "WIQ stair-climbing subscale")]),
 ("table", "According to the outcomes table, how many usual care participants had lower limb revascularisation during follow-up?",
  "7 usual care participants (6.4%), versus 4 (3.6%) in the intervention group; OR 0.55 (0.16–1.93).",
  ["Lower limb revascularisation* 4 (3.6) 7 (6.4) 0.55 (0.16–1.93) 0.35"], [["seven", "7 (6.4", "6.4"]],
  [tr(2, 17, "Lower limb revascularisation*")]),
 ("table", "How often and for how long were the remote coaching calls delivered in the STRIDE-PAD programme?",
  "Calls of 15–20 minutes, weekly in weeks 1–12 and every 2 weeks in weeks 13–24 (18 calls in total).",
  ["15–20 minutes, weekly in weeks 1–12 and every 2 weeks in weeks 13–24"],
  [["weekly"], ["every 2 weeks"], ["15–20 minutes"]], [tr(3, 4, "Remote coaching calls")]),
 ("table", "Who delivered the booster session of the walking programme, and when was it held?",
  "A vascular physiotherapist, in one 45-minute face-to-face session at week 12.",
  ["One 45-minute face-to-face session at week 12 Vascular physiotherapist"], [["physiotherapist"], ["week 12"]],
  [tr(3, 6, "Booster session")]),
 # ---------------- passage
 ("passage", "How many patients were assessed for eligibility, and how many were randomised?",
  "486 patients were assessed for eligibility and 222 were randomised (112 intervention, 110 usual care).",
  ["2022, 486 patients were assessed for eligibility",
   "and 222 were randomised: 112 to the intervention and 110 to usual care"], [["486"], ["222"]], []),
 ("passage", "If someone with diabetes does this walking programme, do they get as much benefit as someone without diabetes?",
  "The benefit looked smaller with diabetes (21.7 m, 95% CI −0.9 to 44.3) than without (37.9 m, 21.0 to 54.8), but the interaction was not statistically significant (p = 0.21).",
  ["difference was 21.7 m (95% CI −0.9 to 44.3) in participants with diabetes",
   "37.9 m (95% CI 21.0 to 54.8) in those without diabetes"],
  [["21.7"], ["37.9"], ["not statistically significant", "0.21"]], []),
 ("passage", "Could the staff doing the walking tests tell which group each patient was in?",
  "Mostly not: at 6 months assessors guessed correctly for 119 of 205 participants (58.0%), suggesting blinding was largely maintained.",
  ["They guessed correctly for 119 of 205 participants (58.0%)"], [["58.0", "119 of 205"]], []),
 ("passage", "What sample size was the trial designed for, and what between-group difference was it powered to detect?",
  "220 participants (110 per group, allowing 15% attrition) to detect a 35 m difference in 6MWD change (SD 85 m, 80% power).",
  ["the target sample size was 110 per group, or 220 in total",
   "a between-group difference of 35 m in the change in 6MWD"], [["220"], ["35 m"]], []),
 ("passage", "How was the randomisation stratified?",
  "By site and by baseline 6MWD (less than 300 m vs 300 m or more), using permuted blocks of 4 and 6.",
  ["stratified by site and by baseline 6MWD (less than 300 m"], [["site"], ["baseline 6MWD", "300 m"]], []),
 ("passage", "What share of the prescribed walking sessions did intervention participants complete in the first 12 weeks?",
  "A median of 78% (IQR 61–89%) in weeks 1 to 12, falling to 64% in weeks 13 to 24.",
  ["a median of 78% (IQR 61–89%) of the prescribed walking sessions"], [["78"]], []),
 ("passage", "What did participants in the usual care group receive?",
  "The standard clinic leaflet advising regular walking and routine clinic follow-up, plus best medical therapy; no tracker or coaching during the trial, with the education session and a tracker offered after 6 months.",
  ["The usual care group received the standard clinic leaflet",
   "offered the education session and a tracker after their 6-month assessment"],
  [["leaflet"], ["routine clinic follow-up", "best medical therapy"]], []),
 ("passage", "What did the sensitivity analyses of the primary outcome show?",
  "Similar results with multiple imputation (31.4 m, 95% CI 17.2–45.6) and a larger effect per protocol (39.6 m, 95% CI 24.1–55.1).",
  ["when missing values were imputed (31.4 m, 95% CI 17.2–45.6)",
   "larger in the per-protocol analysis (39.6 m, 95% CI 24.1–55.1)"], [["31.4"], ["39.6"]], []),
 ("passage", "Did the walking programme hurt anyone, for example through falls or injuries?",
  "Six intervention participants (5.4%) had minor exercise-related events: four had musculoskeletal pain in the knee or hip and two had falls without injury; none was serious or related serious harm.",
  ["Four had musculoskeletal pain in the knee or hip",
   "two had falls without injury while walking outdoors"],
  [["musculoskeletal pain"], ["falls"], ["without injury", "minor"]], []),
 ("passage", "What change in six-minute walk distance is regarded as a large meaningful change in people with PAD?",
  "About 20 m (about 8 to 12 m is a small meaningful change).",
  ["Changes of about 8 to 12 m and of about 20 m"], [["20 m"]], []),
 # ---------------- multi
 ("multi", "What were the adjusted between-group differences in change in six-minute walk distance at 12 weeks and at 6 months?",
  "24.6 m (95% CI 12.9–36.3) at 12 weeks and 32.1 m (95% CI 18.4–45.8) at 6 months, both p < 0.001.",
  ["Change in 6MWD at 12 weeks, m 29.7 (45.1) 4.8 (43.6) 24.6 (12.9–36.3) <0.001",
   "Change in 6MWD at 6 months, m 38.4 (52.7) 6.2 (49.8) 32.1 (18.4–45.8) <0.001"],
  [["24.6"], ["32.1"]], []),
 ("multi", "How many participants in each group had no 6-month outcome data, and why?",
  "Intervention 9: five withdrew, three could not be contacted, one died. Usual care 8: four withdrew, three could not be contacted, one moved out of the area.",
  ["five participants withdrew, three could not be contacted and one died",
   "four withdrew, three could not be contacted and one moved out of the area"],
  [["died"], ["moved out"]], []),
 ("multi", "What were the odds ratios for lower limb revascularisation and for any serious adverse event with the intervention?",
  "Revascularisation OR 0.55 (95% CI 0.16–1.93; p = 0.35); any serious adverse event OR 0.87 (0.34–2.24; p = 0.78).",
  ["Lower limb revascularisation* 4 (3.6) 7 (6.4) 0.55 (0.16–1.93) 0.35",
   "Any serious adverse event* 9 (8.0) 10 (9.1) 0.87 (0.34–2.24) 0.78"],
  [["0.55"], ["0.87"]], []),
 ("multi", "Who delivered the education session and who delivered the remote coaching calls?",
  "The education session was delivered by a vascular physiotherapist; the coaching calls by a trained exercise coach (physiotherapist or nurse).",
  ["One 60-minute face-to-face session before walking starts (week 0) Vascular physiotherapist",
   "13–24 (18 calls in total) Trained exercise coach (physiotherapist or nurse)"],
  [["vascular physiotherapist"], ["exercise coach"]], []),
 # ---------------- none
 ("none", "What is the recommended interval between the primary series and a COVID-19 vaccine booster dose?", "", [], [], []),
 ("none", "What stride length do elite marathon runners typically use?", "", [], [], []),
 ("none", "Which coaching style improves performance in professional football teams?", "", [], [], []),
 ("none", "How much did the STRIDE-PAD programme cost per participant to deliver?", "", [], [], []),
 ("none", "Which brand or model of activity tracker was given to the intervention participants?", "", [], [], []),
 ("none", "What proportion of the trial participants were from minority ethnic groups?", "", [], [], []),
]

with open(os.path.join(ROOT, "questions.jsonl"), "w", encoding="utf-8") as f:
    for i, (typ, q, a, ev, keys, rows) in enumerate(Q, 1):
        if typ == "none":
            a = "The article does not give this information."
        f.write(json.dumps({"id": f"s21-{i:03d}", "doc": DOC, "question": q, "type": typ, "answer": a,
                            "evidence": ev, "keys": keys, "table_rows": rows}, ensure_ascii=False) + "\n")

HEADINGS = ["Abstract", "Background", "Methods", "Design, setting and participants", "Randomisation and blinding",
            "Interventions", "Outcomes and assessments", "Statistical analysis", "Results",
            "Participant flow and baseline characteristics", "Adherence to the intervention", "Primary outcome",
            "Secondary outcomes", "Adverse events", "Discussion", "Comparison with previous studies", "Limitations",
            "Conclusions", "Abbreviations", "Declarations", "Ethics approval and consent to participate",
            "Consent for publication", "Availability of data and materials", "Competing interests", "Funding",
            "Authors’ contributions", "Acknowledgements", "References"]
with open(os.path.join(ROOT, "headings.json"), "w", encoding="utf-8") as f:
    json.dump({DOC: HEADINGS}, f, ensure_ascii=False, indent=1)

TOML = '''id = "pdfsynth21"
title = "Home-based structured walking with remote coaching versus usual care for intermittent claudication (STRIDE-PAD): a pragmatic randomised controlled trial"
authors = ["Calder, Hamish R.", "Venkataraman, Priya", "Ross, Eilidh M.", "Wróbel, Tomasz", "McAllister, Fiona J.", "Osei, David K."]
journal = "Journal of Vascular Rehabilitation and Prevention"
year = 2024
volume = "12"
article = "47"
doi = "10.5712/jvrp.2024.0047"
license = "CC BY 4.0"
format = "pdf"
file = "pdfsynth21.pdf"
numbered_references = true
tables = 3
'''
with open(os.path.join(ROOT, "corpus", "pdfsynth21.toml"), "w", encoding="utf-8") as f:
    f.write(TOML)
print("wrote", len(Q), "questions")
