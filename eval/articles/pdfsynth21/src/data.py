# Source data for the three tables and the reference list of pdfsynth21.
# build.py typesets the tables from these structures and writes tables.json from the same data.

T1_COLUMNS = [
    "[Characteristic]",
    "Intervention (n = 112) Mean/n",
    "Intervention (n = 112) SD/%",
    "Usual care (n = 110) Mean/n",
    "Usual care (n = 110) SD/%",
]
# (label, indented, values) -- parent rows have empty values
T1_ROWS = [
    ("Age, years", False, ["68.4", "8.1", "67.9", "8.6"]),
    ("Female sex", False, ["38", "33.9", "35", "31.8"]),
    ("Body mass index, kg/m²", False, ["28.6", "4.7", "28.9", "5.1"]),
    ("Smoking status", False, ["", "", "", ""]),
    ("Never", True, ["14", "12.5", "12", "10.9"]),
    ("Former", True, ["71", "63.4", "68", "61.8"]),
    ("Current", True, ["27", "24.1", "30", "27.3"]),
    ("Diabetes mellitus", False, ["41", "36.6", "39", "35.5"]),
    ("Hypertension", False, ["86", "76.8", "82", "74.5"]),
    ("Coronary heart disease", False, ["29", "25.9", "31", "28.2"]),
    ("Previous lower limb revascularisation", False, ["18", "16.1", "15", "13.6"]),
    ("Rutherford category†", False, ["", "", "", ""]),
    ("Category 1 (mild claudication)", True, ["24", "21.4", "22", "20.0"]),
    ("Category 2 (moderate claudication)", True, ["61", "54.5", "63", "57.3"]),
    ("Category 3 (severe claudication)", True, ["27", "24.1", "25", "22.7"]),
    ("Resting ABI, most affected leg*", False, ["0.68", "0.14", "0.69", "0.15"]),
    ("6MWD, m", False, ["342.5", "84.2", "338.1", "88.9"]),
    ("Pain-free walking distance, m", False, ["158.3", "71.6", "162.7", "75.0"]),
    ("WIQ total score (0–100)", False, ["38.2", "17.4", "39.6", "18.1"]),
    ("VascuQoL-6 score (6–24)", False, ["14.1", "3.6", "14.4", "3.8"]),
    ("Daily steps", False, ["5412", "2108", "5296", "2241"]),
    ("Statin", False, ["97", "86.6", "93", "84.5"]),
    ("Antiplatelet therapy", False, ["104", "92.9", "100", "90.9"]),
    ("Cilostazol", False, ["9", "8.0", "11", "10.0"]),
]
T1_TITLE = "Baseline characteristics of the participants by randomised group"
T1_NOTE = ("Values are mean and SD for continuous variables and n and % for categorical variables. "
           "ABI ankle–brachial index, 6MWD six-minute walk distance, SD standard deviation, "
           "VascuQoL-6 Vascular Quality of Life Questionnaire-6, WIQ Walking Impairment Questionnaire. "
           "*Leg with the lower resting ABI. †Rutherford classification of chronic limb ischaemia")

T2_COLUMNS = ["Outcome", "Intervention", "Usual care", "Effect estimate (95% CI)", "p value"]
# list of (group_text_printed, group_text_json, rows); rows are lists of 5 cells
T2_PART_A = [
    ("Primary outcome$^{\\mathrm{a}}$", "Primary outcome", [
        ["Change in 6MWD at 6 months, m", "38.4 (52.7)", "6.2 (49.8)", "32.1 (18.4–45.8)", "<0.001"],
        ["Change in 6MWD at 12 weeks, m", "29.7 (45.1)", "4.8 (43.6)", "24.6 (12.9–36.3)", "<0.001"],
    ]),
    ("Secondary walking outcomes (change at 6 months)", "Secondary walking outcomes (change at 6 months)", [
        ["Pain-free walking distance, m", "71.2 (68.5)", "18.6 (61.9)", "51.8 (34.7–68.9)", "<0.001"],
        ["Maximal treadmill walking time, min", "2.9 (3.1)", "0.6 (2.8)", "2.2 (1.4–3.0)", "<0.001"],
        ["Claudication onset time, min", "1.8 (2.2)", "0.4 (1.9)", "1.4 (0.8–2.0)", "<0.001"],
    ]),
    ("Patient-reported outcomes (change at 6 months)", "Patient-reported outcomes (change at 6 months)", [
        ["WIQ total score", "11.6 (16.2)", "3.1 (15.4)", "8.3 (4.1–12.5)", "<0.001"],
        ["WIQ distance subscale", "13.8 (19.5)", "3.9 (18.7)", "9.7 (4.6–14.8)", "<0.001"],
        ["WIQ speed subscale", "8.2 (15.1)", "2.6 (14.3)", "5.5 (1.5–9.5)", "0.007"],
        ["WIQ stair-climbing subscale", "7.4 (17.8)", "3.8 (16.9)", "3.5 (−1.1 to 8.1)", "0.14"],
        ["VascuQoL-6 score", "2.1 (3.2)", "0.7 (3.0)", "1.4 (0.6–2.2)", "0.001"],
    ]),
]
T2_PART_B = [
    ("Physical activity and haemodynamics (change at 6 months)",
     "Physical activity and haemodynamics (change at 6 months)", [
        ["Daily steps", "1148 (1870)", "142 (1795)", "987 (498–1476)", "<0.001"],
        ["MVPA, min/day", "6.8 (11.4)", "0.9 (10.7)", "5.8 (2.9–8.7)", "<0.001"],
        ["Resting ABI", "0.01 (0.08)", "0.00 (0.09)", "0.01 (−0.01 to 0.03)", "0.38"],
    ]),
    ("Binary outcomes at 6 months, n (%)$^{\\mathrm{b}}$", "Binary outcomes at 6 months, n (%)", [
        ["6MWD improved by ≥ 50 m", "44 (42.7)", "17 (16.7)", "3.74 (1.95–7.18)", "<0.001"],
        ["Much or very much improved (patient global impression)", "51 (49.5)", "19 (18.6)", "4.30 (2.28–8.11)", "<0.001"],
        ["Stopped smoking (baseline smokers)", "6 (22.2)", "4 (13.3)", "1.86 (0.46–7.49)", "0.38"],
        ["Lower limb revascularisation*", "4 (3.6)", "7 (6.4)", "0.55 (0.16–1.93)", "0.35"],
        ["Any serious adverse event*", "9 (8.0)", "10 (9.1)", "0.87 (0.34–2.24)", "0.78"],
    ]),
]
T2_TITLE = "Primary and secondary outcomes by randomised group"
T2_NOTE = ("Values are mean (SD) change from baseline unless stated otherwise. Effect estimates are adjusted "
           "mean differences (intervention minus usual care) unless stated otherwise. "
           "ABI ankle–brachial index, CI confidence interval, 6MWD six-minute walk distance, "
           "MVPA moderate-to-vigorous physical activity, SD standard deviation, "
           "VascuQoL-6 Vascular Quality of Life Questionnaire-6, WIQ Walking Impairment Questionnaire. "
           "$^{\\mathrm{a}}$Linear mixed model adjusted for baseline value and site. "
           "$^{\\mathrm{b}}$Odds ratios from logistic regression adjusted for site and baseline 6MWD stratum; "
           "denominators are participants with 6-month data (103 and 102) or baseline smokers (27 and 30). "
           "*Denominators are all randomised participants (112 and 110)")

T3_COLUMNS = ["Component", "Content", "Dose and schedule", "Delivered by"]
T3_ROWS = [
    ["Education session",
     "Why walking into claudication pain is beneficial; use of the five-point claudication pain scale; walking technique and footwear; setting personal goals",
     "One 60-minute face-to-face session before walking starts (week 0)",
     "Vascular physiotherapist"],
    ["Walking prescription",
     "Intermittent walking at a pace that brings on moderate-to-severe claudication pain (3 or 4 on the pain scale), resting until the pain eases, then walking again",
     "At least 5 days a week; 30 minutes per session, increased by 5 minutes every 2 weeks to 50 minutes by week 8",
     "Participant at home, prescribed by the physiotherapist"],
    ["Activity tracker and step targets",
     "Wrist-worn triaxial tracker showing daily steps; weekly step target set from the participant’s baseline count",
     "Worn every day for 24 weeks; target raised by 10% after each week in which it was met",
     "Participant, with targets reviewed by the coach"],
    ["Remote coaching calls",
     "Motivational interviewing; review of diary and tracker data; problem-solving for barriers such as weather, pain and low mood; adjustment of the prescription",
     "15–20 minutes, weekly in weeks 1–12 and every 2 weeks in weeks 13–24 (18 calls in total)",
     "Trained exercise coach (physiotherapist or nurse)"],
    ["Walking diary",
     "Paper diary recording each walking session, its duration, the time to onset of pain and the pain rating",
     "Completed after every walking session; returned at weeks 12 and 24",
     "Participant"],
    ["Booster session",
     "Review of progress and diary; new goals and an updated prescription for the maintenance phase; relapse prevention",
     "One 45-minute face-to-face session at week 12",
     "Vascular physiotherapist"],
]
T3_TITLE = "Components of the STRIDE-PAD home-based walking programme"
T3_NOTE = ("The intensive phase covered weeks 1–12 and the maintenance phase weeks 13–24. "
           "Pain was rated on a five-point claudication pain scale (0 no pain, 1 onset, 2 mild, 3 moderate, 4 severe). "
           "Coaches completed 8 hours of training in motivational interviewing before the trial started")

REFS = {
    "harlow2020": "Harlow JD, Mbeki TN, Sørensen KL, et al. Global and regional burden of lower extremity peripheral artery disease, 1990–2019: a systematic analysis. Lancet Glob Health. 2020;8(6):e721–31. doi:10.4172/lgh.2020.0613",
    "okafor2018": "Okafor CE, Lindqvist P, Brennan MJ. Age, smoking and diabetes as determinants of peripheral artery disease in community cohorts. Circ Res. 2018;122(9):1277–89.",
    "marwick2017": "Marwick SA, Duarte RF, Keane PJ. Walking limitation and health-related quality of life in intermittent claudication: a cross-sectional study. J Vasc Surg. 2017;65(4):1134–42. doi:10.3391/jvs.2017.0284",
    "tanaka2016": "Tanaka H, Ruiz-Ortega M, Fielding AC, et al. Functional decline over five years in people with peripheral artery disease. JAMA. 2016;315(2):146–55.",
    "eriksen2019": "Eriksen BO, Hallam GD, Petrov VI. Walking capacity and all-cause mortality in patients with lower extremity arterial disease. Eur J Vasc Endovasc Surg. 2019;58(3):390–8. doi:10.2217/ejves.2019.0331",
    "whitmore2017": "Whitmore LK, Adeyemi OA, Castellano JP, et al. Guideline on the management of patients with lower extremity peripheral artery disease: executive summary. Circulation. 2017;135(12):e686–725.",
    "beaumont2018": "Beaumont-Laval F, Richter U, Nakamura S, et al. Guidelines on the diagnosis and treatment of peripheral arterial diseases. Eur Heart J. 2018;39(9):763–816.",
    "ncgc2012": "National Clinical Guideline Centre. Lower limb peripheral arterial disease: diagnosis and management. Clinical guideline 147. London: National Institute for Health and Care Excellence; 2012.",
    "lindgren2017": "Lindgren MA, Kaur R, Bertolini D. Exercise for intermittent claudication. Cochrane Database Syst Rev. 2017;12:CD000990. doi:10.4118/cdsr.2017.cd000990",
    "hollis2018": "Hollis DR, van Rijn MJ, Pereira AC, et al. Supervised exercise therapy versus home-based exercise therapy versus walking advice for intermittent claudication. Cochrane Database Syst Rev. 2018;4:CD005263.",
    "hartley2016": "Hartley AL, Nwosu CI, Blake SJ, et al. Provision of supervised exercise programmes for claudication in the United Kingdom: a national survey. Eur J Vasc Endovasc Surg. 2016;52(5):651–8.",
    "dalton2020": "Dalton RA, Ferreira LM, Gould TK. Barriers to uptake and completion of supervised exercise for claudication: a qualitative study. Ann Vasc Surg. 2020;64:238–45. doi:10.3382/avs.2020.0117",
    "brennanfox2012": "Brennan-Fox CM, Ivanova EG, Aalders JW. Effect of verbal walking advice on walking distance in claudication: a randomised trial. Br J Surg. 2012;99(6):791–8.",
    "bergstrom2014": "Bergstrom TP, Yildiz E, Mansfield RK. Home-based versus supervised exercise in peripheral arterial disease: systematic review of randomised trials. J Vasc Surg. 2014;59(5):1353–63.",
    "morrow2013": "Morrow AJ, Liang W, Greenberg ST, et al. Home-based walking exercise intervention in peripheral artery disease: a randomized clinical trial. JAMA. 2013;310(1):57–65. doi:10.4205/jama.2013.7231",
    "garland2014": "Garland BW, Oyelaran KT, Fischer JM, et al. Step-monitored home exercise improves ambulation and vascular function in symptomatic peripheral artery disease. J Am Heart Assoc. 2014;3(5):e001107.",
    "morrow2018": "Morrow AJ, Fielding AC, Patel NR, et al. Effect of a home-based exercise intervention with wearable technology on walking ability in peripheral artery disease. JAMA. 2018;319(16):1665–76.",
    "kowalczyk2021": "Kowalczyk D, Hume PL, Ashworth GF. Low-intensity home-based walking and six-minute walk distance in peripheral artery disease: a randomised trial. JAMA. 2021;325(13):1266–76.",
    "sato2022": "Sato Y, Chambers DW, Lefèvre A. Wearable activity trackers for promoting physical activity in chronic disease: a meta-analysis. Lancet Digit Health. 2022;4(8):e615–26. doi:10.4409/ldh.2022.0210",
    "vandenbroeck2019": "Van den Broeck S, Iqbal F, Moreno-Diaz P, et al. Telephone health coaching for patients with intermittent claudication: a pilot randomised trial. Vasc Med. 2019;24(3):226–34.",
    "quinlan2021": "Quinlan MP, Adeleke BO, Strand H. Mobile health interventions for peripheral artery disease: a systematic review of randomised trials. Eur J Prev Cardiol. 2021;28(10):1082–93.",
    "morrow2014": "Morrow AJ, Tanaka H, Greenberg ST. Six-minute walk is a better outcome measure than treadmill walking tests in trials of patients with peripheral artery disease. Circulation. 2014;130(1):61–8. doi:10.4205/circ.2014.0091",
    "calder2021": "Calder HR, Venkataraman P, Ross EM, et al. Home-based structured walking with remote coaching for intermittent claudication (STRIDE-PAD): protocol for a pragmatic randomised controlled trial. Trials. 2021;22:318. doi:10.5712/trials.2021.0318",
    "schulz2010": "Schulz KF, Altman DG, Moher D. CONSORT 2010 statement: updated guidelines for reporting parallel group randomised trials. BMJ. 2010;340:c332. doi:10.1136/bmj.c332",
    "boutron2017": "Boutron I, Altman DG, Moher D, Schulz KF, Ravaud P. CONSORT statement for randomized trials of nonpharmacologic treatments: a 2017 update. Ann Intern Med. 2017;167(1):40–7.",
    "hoffmann2014": "Hoffmann TC, Glasziou PP, Boutron I, et al. Better reporting of interventions: template for intervention description and replication (TIDieR) checklist and guide. BMJ. 2014;348:g1687. doi:10.1136/bmj.g1687",
    "rutherford1997": "Rutherford RB, Baker JD, Ernst C, et al. Recommended standards for reports dealing with lower extremity ischemia: revised version. J Vasc Surg. 1997;26(3):517–38.",
    "gardner1991": "Gardner AW, Skinner JS, Cantwell BW, Smith LK. Progressive vs single-stage treadmill tests for evaluation of claudication. Med Sci Sports Exerc. 1991;23(4):402–8.",
    "novak2022": "Novak J, Ishikawa T, Sheridan B. Walking to moderate pain versus pain-free walking in claudication: a randomised trial. Eur J Vasc Endovasc Surg. 2022;63(2):281–9.",
    "miller2013": "Miller WR, Rollnick S. Motivational interviewing: helping people change. 3rd ed. New York: Guilford Press; 2013.",
    "bellg2004": "Bellg AJ, Borrelli B, Resnick B, et al. Enhancing treatment fidelity in health behavior change studies: best practices and recommendations from the NIH Behavior Change Consortium. Health Psychol. 2004;23(5):443–51.",
    "aguilar2019": "Aguilar RT, Bjornsson H. Smoking cessation in peripheral artery disease: outcomes and interventions. J Vasc Surg. 2019;70(2):610–21.",
    "ats2002": "ATS Committee on Proficiency Standards for Clinical Pulmonary Function Laboratories. ATS statement: guidelines for the six-minute walk test. Am J Respir Crit Care Med. 2002;166(1):111–7.",
    "tanaka2015": "Tanaka H, Morrow AJ, Liang W. Meaningful change in six-minute walk distance in people with peripheral artery disease. J Vasc Surg. 2015;61(2):428–35. doi:10.3391/jvs.2015.0118",
    "regensteiner1990": "Regensteiner JG, Steiner JF, Panzer RJ, Hiatt WR. Evaluation of walking impairment by questionnaire in patients with peripheral arterial disease. J Vasc Med Biol. 1990;2:142–52.",
    "nordanstig2014": "Nordanstig J, Wann-Hansson C, Karlsson J, Lundström M, Pettersson M, Morgan MB. Vascular Quality of Life Questionnaire-6 facilitates health-related quality of life assessment in peripheral arterial disease. J Vasc Surg. 2014;59(3):700–7.",
    "lindholm2019": "Lindholm E, Carver JP, Obi NU. Validity of a thigh-worn accelerometer for step counting in slow walkers with claudication. Gait Posture. 2019;71:135–40. doi:10.3927/gp.2019.0135",
    "guy1976": "Guy W. ECDEU assessment manual for psychopharmacology. Rockville: US Department of Health, Education, and Welfare; 1976.",
    "vanbuuren2011": "van Buuren S, Groothuis-Oudshoorn K. mice: multivariate imputation by chained equations in R. J Stat Softw. 2011;45(3):1–67. doi:10.18637/jss.v045.i03",
    "rcore2023": "R Core Team. R: a language and environment for statistical computing. Vienna: R Foundation for Statistical Computing; 2023.",
    "bates2015": "Bates D, Mächler M, Bolker B, Walker S. Fitting linear mixed-effects models using lme4. J Stat Softw. 2015;67(1):1–48. doi:10.18637/jss.v067.i01",
    "whitfield2021": "Whitfield OM, Sandhu R. Impact of the COVID-19 pandemic on vascular services for patients with peripheral artery disease. Ann Vasc Surg. 2021;75:83–91.",
    "pereira2020": "Pereira AC, Lund KE, Abara JO. Long-term adherence to walking after structured exercise programmes in peripheral artery disease. Vasc Med. 2020;25(5):421–9.",
    "harrington2015": "Harrington ST, Fabbri M, Okonjo AE. Skeletal muscle adaptations to walking exercise in peripheral artery disease. Circ Res. 2015;116(9):1527–39.",
    "dimitriou2020": "Dimitriou K, Pastor L. Exercise-induced angiogenesis and arteriogenesis in limb ischaemia. Vasc Biol. 2020;2(1):R45–56.",
    "kjeldsen2015": "Kjeldsen T, Ruiz A, Baker OM. Endovascular revascularisation plus supervised exercise versus exercise alone for claudication: a randomised trial. JAMA. 2015;314(18):1936–44.",
    "aldous2019": "Aldous RK, van Hees M, Grant CW. Cost-effectiveness of supervised exercise therapy for intermittent claudication in the UK. Br J Surg. 2019;106(11):1454–62.",
    "hughesmalik2021": "Hughes-Malik F, Ogunbiyi T. Digital literacy and engagement with remote rehabilitation in older adults. Age Ageing. 2021;50(4):1198–205. doi:10.4201/aa.2021.0118",
    "ferrante2020": "Ferrante L, Gokhale S, Murray JE. Diabetes and the response to exercise therapy in peripheral artery disease: pooled analysis of randomised trials. Diabetes Care. 2020;43(7):1592–9.",
    "ellerystone2018": "Ellery-Stone M, Yusuf H. Contamination and measurement reactivity in trials of physical activity interventions. BMC Med Res Methodol. 2018;18:67. doi:10.3188/bmrm.2018.0067",
}
