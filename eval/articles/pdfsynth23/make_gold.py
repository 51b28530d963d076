"""Writes questions.jsonl, headings.json and corpus/pdfsynth23.toml."""
import json, os
HERE = os.path.dirname(os.path.abspath(__file__)); ROOT = os.path.dirname(HERE)
D = "pdfsynth23"

def tr(table, row, first):
    return [{"doc": D, "table": table, "row": row, "first_cell": first}]

Q = [
# ---------------- table (10)
("table", "In the baseline characteristics table, what percentage of controls had a body mass index of 30.0 kg/m² or more?",
 "21.8% of controls (255 of 1,168) had a BMI of 30.0 kg/m² or more, compared with 35.8% of cases.",
 ["≥30.0 209 35.8 255 21.8"], [["21.8"]], tr(1, 8, "≥30.0")),
("table", "How many cases and how many controls were current smokers?",
 "104 cases (17.8%) and 195 controls (16.7%) were current smokers.",
 ["Current 104 17.8 195 16.7"], [["104"], ["195"]], tr(1, 11, "Current")),
("table", "Among women, what percentage of cases had given birth to two or more children (parity of 2 or more)?",
 "64.3% of female cases (258 women) had parity ≥2, versus 58.4% of female controls.",
 ["Parity ≥2 (women)a 258 64.3 468 58.4"], [["64.3"]], tr(1, 19, "Parity ≥2 (women)a")),
("table", "What was the Model 1 odds ratio for drinking 4–6 servings of sugar-sweetened beverages per week?",
 "Model 1 OR 1.58 (95% CI 1.17–2.13) compared with less than one serving per week.",
 ["4–6 129 218 1.67 (1.25–2.24) 1.58 (1.17–2.13) 1.44 (1.06–1.96)"], [["1.58"]], tr(2, 3, "4–6")),
("table", "For total fructose intake, what P value for linear trend is reported in the row of the highest quartile?",
 "P for trend = 0.048 (highest quartile, ≥37.0 g/day: Model 2 OR 1.34, 0.98–1.83).",
 ["Q4, ≥37.0 184 292 1.56 (1.17–2.08) 1.47 (1.09–1.98) 1.34 (0.98–1.83) 0.048"], [["0.048"]], tr(2, 8, "Q4, ≥37.0")),
("table", "What Model 2 odds ratio was estimated for drinking 2–3 cups of coffee per day?",
 "Model 2 OR 0.78 (95% CI 0.58–1.05) versus no coffee.",
 ["2–3 198 431 0.75 (0.56–1.00) 0.76 (0.57–1.02) 0.78 (0.58–1.05)"], [["0.78"]], tr(2, 14, "2–3")),
("table", "In participants aged 60–74 years, what was the Model 2 odds ratio for drinking at least 7 versus fewer than 1 SSB servings per week, and what was the P value for interaction with age?",
 "Model 2 OR 1.49 (0.94–2.36) in those aged 60–74 years; P for interaction 0.09.",
 ["Age 60–74 years 235 470 1.86 (1.20–2.88) 1.74 (1.12–2.71) 1.49 (0.94–2.36) 0.09"], [["1.49"], ["0.09"]], tr(2, 19, "Age 60–74 years")),
("table", "In the sensitivity analysis that excluded participants with diabetes, how many cases and controls were included and what was the Model 2 odds ratio for high SSB intake?",
 "487 cases and 1,037 controls; Model 2 OR 1.79 (1.27–2.52) for ≥7 vs <1 servings/week.",
 ["Excluding participants with diabetes 487 1037 2.29 (1.66–3.16) 2.12 (1.53–2.94) 1.79 (1.27–2.52)"],
 [["487"], ["1037", "1,037"], ["1.79"]], tr(2, 24, "Excluding participants with diabetes")),
("table", "Which exposure measure did the Swedish population-based ultrasound survey in the comparison table use?",
 "A single 24-hour dietary recall (Lindqvist et al., 2017, survey of 4,200 Swedish adults).",
 ["Population-based ultrasound survey of 4,200 Swedish adults", "Single 24-hour dietary recall"],
 [["24-hour dietary recall", "24-hour recall", "single 24-hour"]], tr(3, 4, "Lindqvist et al., 2017 [23]")),
("table", "According to the comparison with earlier studies, what hazard ratio for coffee was found in the cohort of 0.5 million Chinese adults?",
 "Coffee was inversely associated with gallstone disease, HR 0.83 (Chen et al., 2021); soft drinks were weakly positive (HR 1.12).",
 ["Cohort of 0.5 million Chinese adults followed for 9 years", "Coffee inversely associated (HR 0.83); soft drinks weakly positive (HR 1.12)"],
 [["0.83"]], tr(3, 6, "Chen et al., 2021 [20]")),
# ---------------- passage (10)
("passage", "How many radiologists performed the ultrasound examinations of potential controls?",
 "Six radiologists, trained to a common standardised protocol.",
 ["performed by one of six radiologists trained to a common protocol"], [["six", "6"]], []),
("passage", "Did eating a lot of fruit make people more likely to get gallstones in this study?",
 "No. Fructose eaten as whole fruit showed no association with gallstone disease (Model 2 OR for the highest tertile 0.92, 0.71–1.19).",
 ["We also looked separately at fructose eaten as whole fruit.", "It showed no association with gallstone disease"],
 [["no association", "not associated", "0.92"]], []),
("passage", "Was drinking 100% fruit juice every day linked to symptomatic gallstone disease?",
 "No. Daily juice drinkers did not have higher odds than those drinking juice less than weekly (Model 2 OR 1.12, 0.74–1.70); juice intake was low (median 0.5 servings per week).",
 ["Intake of 100% fruit juice was low in this population", "Daily juice drinkers did not have higher odds"],
 [["1.12", "did not have higher odds", "not associated", "no association"]], []),
("passage", "What E-values did the authors report for the main estimate and for its lower confidence limit?",
 "The E-value was 3.15 for the main estimate and 2.08 for its lower confidence limit.",
 ["The E-value for the main estimate was 3.15", "the E-value for its lower confidence limit was 2.08"],
 [["3.15"], ["2.08"]], []),
("passage", "Why was recruitment interrupted in 2020?",
 "Recruitment was suspended between March and September 2020 because of the COVID-19 pandemic, when elective surgery and non-urgent ultrasound were postponed.",
 ["suspended between March and September 2020 because of the COVID-19 pandemic"],
 [["COVID-19", "COVID", "pandemic"]], []),
("passage", "Roughly how many people who carry gallstones end up having symptoms or complications?",
 "About one in five gallstone carriers eventually develops biliary pain or a complication.",
 ["about one in five carriers eventually develops biliary pain"], [["one in five", "20%"]], []),
("passage", "How was total fructose intake calculated from the food frequency questionnaire?",
 "It included free fructose plus half of the sucrose consumed (from the Portuguese food composition table), and was divided into quartiles of its distribution in controls.",
 ["Total fructose intake included free fructose and half of the sucrose consumed"],
 [["free fructose"], ["half"]], []),
("passage", "What did the authors infer from the results in participants with a normal BMI?",
 "The SSB association was stronger among participants with a normal BMI, which suggests the association is not explained by adiposity alone.",
 ["among those with a normal BMI (Table 2, continued)", "the association is not explained by adiposity alone"],
 [["adiposity alone", "not explained by adiposity"]], []),
("passage", "How were missing covariate values dealt with?",
 "Missing covariate values (3.9% of participants, mostly physical activity) were handled with multiple imputation by chained equations, using 20 imputed datasets.",
 ["covariate values affected 3.9% of participants", "handled with multiple imputation by chained equations, with 20 imputed datasets"],
 [["multiple imputation", "chained equations"], ["20"]], []),
("passage", "Why might coffee have shown a weaker protective link in Portugal than in the Danish cohort?",
 "Possibly because espresso, the usual form of coffee in Portugal, is consumed in small volumes.",
 ["because espresso, the usual form of coffee in Portugal, is consumed in small volumes"],
 [["espresso"]], []),
# ---------------- multi (4)
("multi", "How many eligible patients declined to take part as cases, and in how many of the controls attending ultrasound were gallstones found?",
 "88 of 731 eligible patients declined; gallstones were found in 117 of the 1,339 persons who attended the ultrasound visit.",
 ["Of 731 eligible patients, 88 declined", "Gallstones were found in 117 of them"], [["88"], ["117"]], []),
("multi", "What percentage of cases and of controls had type 2 diabetes, and what was the Model 2 odds ratio for high SSB intake after excluding participants with diabetes?",
 "Type 2 diabetes: 16.6% of cases and 11.2% of controls. Excluding participants with diabetes, the Model 2 OR for ≥7 vs <1 SSB servings/week was 1.79 (1.27–2.52).",
 ["Type 2 diabetes 97 16.6 131 11.2", "Excluding participants with diabetes 487 1037 2.29 (1.66–3.16)"],
 [["16.6"], ["11.2"], ["1.79"]], []),
("multi", "Which earlier study reported an odds ratio of 1.9 for sweetened beverages, and what weakness of that study do the authors point out?",
 "The hospital-based case–control study by Moreno-Díaz et al. (2013) in Andalusia, Spain; it did not screen controls by ultrasound and may therefore have underestimated the association.",
 ["OR 1.9 for daily consumption of sweetened beverages", "although that study did not screen controls by ultrasound"],
 [["Moreno", "Spanish", "Spain", "Andalusia"], ["ultrasound", "not screen", "not screened"]], []),
("multi", "What was the median weekly SSB intake of cases and of controls, and what was the Model 2 odds ratio for 1–3 servings per week?",
 "Median SSB intake was 3.0 servings/week in cases and 1.5 in controls; the Model 2 OR for 1–3 servings/week was 1.16 (0.88–1.53).",
 ["Median SSB intake was 3.0 servings per week among cases and 1.5 among controls",
  "1–3 168 379 1.25 (0.96–1.63) 1.21 (0.93–1.58) 1.16 (0.88–1.53)"],
 [["3.0"], ["1.5"], ["1.16"]], []),
# ---------------- none (6)
("none", "What dose of caffeine citrate is recommended to treat apnoea of prematurity?", "The article does not say.", [], [], []),
("none", "How effective is shock wave lithotripsy for clearing kidney stones?", "The article does not say.", [], [], []),
("none", "How common is hereditary fructose intolerance in European populations?", "The article does not say.", [], [], []),
("none", "What proportion of the gallstones removed at cholecystectomy were pigment stones?", "The article does not say.", [], [], []),
("none", "What was the mean daily total energy intake of cases and of controls?", "The article does not say.", [], [], []),
("none", "What was the inter-observer agreement (kappa) between the radiologists who performed the ultrasound scans?", "The article does not say.", [], [], []),
]

with open(os.path.join(ROOT, "questions.jsonl"), "w") as f:
    for i, (typ, q, a, ev, keys, rows) in enumerate(Q, 1):
        f.write(json.dumps({"id": f"s23-{i:03d}", "doc": D, "question": q, "type": typ, "answer": a,
                            "evidence": ev, "keys": keys, "table_rows": rows}, ensure_ascii=False) + "\n")

HEADINGS = ["Abstract", "Background", "Methods", "Study design and setting", "Selection of cases and controls",
            "Dietary assessment", "Covariates", "Statistical analysis", "Results", "Participant characteristics",
            "Sugar-sweetened beverages and fructose", "Coffee and other beverages", "Subgroup and sensitivity analyses",
            "Discussion", "Comparison with previous studies", "Possible mechanisms", "Limitations", "Conclusions",
            "Abbreviations", "Declarations", "Ethics approval and consent to participate",
            "Availability of data and materials", "Competing interests", "Funding", "Authors’ contributions",
            "Acknowledgements", "References"]
json.dump({D: HEADINGS}, open(os.path.join(ROOT, "headings.json"), "w"), ensure_ascii=False, indent=1)

TOML = '''id = "pdfsynth23"
title = "Sugar-sweetened beverages, dietary fructose and coffee in relation to symptomatic gallstone disease: a multicentre case–control study with ultrasound-screened controls"
authors = ["Moreira, Inês Carvalho", "Azevedo, Tomás Ribeiro", "Marques, Helena Sousa", "Fonseca, Rui Pedro", "Teixeira, Marta Lopes", "Nogueira, João Baptista"]
journal = "Journal of Digestive Epidemiology"
year = 2024
volume = "17"
article = "e0412"
doi = "10.5871/jde.2024.e0412"
license = "CC BY 4.0"
format = "pdf"
file = "pdfsynth23.pdf"
numbered_references = true
tables = 3
'''
open(os.path.join(ROOT, "corpus", "pdfsynth23.toml"), "w").write(TOML)
print(len(Q), "questions")
