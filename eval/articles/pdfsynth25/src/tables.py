# Single source of truth for the three tables. Cell syntax: "^x" marks a superscript footnote mark
# (printed raised; recorded in tables.json appended without a space).
from decimal import Decimal, ROUND_HALF_UP

def pct(n, d):
    return str((Decimal(n) * 100 / Decimal(d)).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP))

def nN(n, d):
    return f"{n}/{d} ({pct(n, d)})"

NI, NC = 247, 245   # randomised
AI, AC = 236, 234   # analysed (modified ITT)

def cat(label, a, c):
    return [label, str(a), pct(a, NI), str(c), pct(c, NC)]

T1_ROWS = [
    (None, ["Age, years, mean (SD)", "68.1", "(8.7)", "67.6", "(9.0)"]),
    (None, cat("Age ≥70 years", 109, 104)),
    (None, cat("Female sex", 108, 111)),
    (None, ["Body mass index, kg/m2, mean (SD)", "26.3", "(4.4)", "26.8", "(4.6)"]),
    ("Smoking status", cat("Never", 29, 31)),
    ("Smoking status", cat("Former", 151, 146)),
    ("Smoking status", cat("Current", 67, 68)),
    (None, ["Pack-years, mean (SD)", "38.2", "(21.5)", "37.4", "(20.9)"]),
    (None, cat("COPD", 96, 92)),
    (None, ["FEV1, % predicted, mean (SD)", "81.4", "(18.2)", "82.0", "(17.6)"]),
    (None, ["DLCO, % predicted, mean (SD)", "72.9", "(16.8)", "73.5", "(17.1)"]),
    (None, ["MIP, cm H2O, mean (SD)", "71.6", "(22.4)", "72.3", "(21.8)"]),
    (None, cat("Charlson Comorbidity Index ≥3", 58, 60)),
    (None, cat("ASA physical status III–IV^*", 84, 80)),
    ("Planned surgical approach", cat("VATS or RATS", 178, 173)),
    ("Planned surgical approach", cat("Thoracotomy", 69, 72)),
    ("Planned extent of resection", cat("Lobectomy", 196, 197)),
    ("Planned extent of resection", cat("Segmentectomy", 38, 35)),
    ("Planned extent of resection", cat("Bilobectomy or pneumonectomy", 13, 13)),
    (None, cat("Neoadjuvant systemic therapy", 21, 19)),
]

T1 = {
    "number": 1,
    "title": "Table 1 Baseline characteristics of randomised participants by allocated group",
    "top": ["", "IMT (n = 247)", "Usual care (n = 245)"],
    "columns": ["[Characteristic]", "IMT (n = 247) n", "IMT (n = 247) %",
                "Usual care (n = 245) n", "Usual care (n = 245) %"],
    "rows": T1_ROWS,
    "note": ("Values are numbers (percentages) unless stated otherwise; for continuous variables the mean is shown "
             "in the n column and the SD in parentheses in the % column. Percentages may not sum to 100 because of rounding. "
             "^* American Society of Anesthesiologists physical status classification. "
             "COPD chronic obstructive pulmonary disease; DLCO diffusing capacity of the lung for carbon monoxide; "
             "FEV1 forced expiratory volume in 1 s; IMT inspiratory muscle training; MIP maximal inspiratory pressure; "
             "RATS robot-assisted thoracoscopic surgery; SD standard deviation; VATS video-assisted thoracoscopic surgery"),
}

def hr(label, a, an, c, cn, crude, adj, p):
    return [label, nN(a, an) if a is not None else "—", nN(c, cn) if c is not None else "—", crude, adj, p]

G1, G2, G3, G4 = ("Primary outcome", "Secondary outcomes", "Subgroups (primary outcome)",
                  "Sensitivity analyses (primary outcome)")
T2_ROWS = [
    (G1, hr("Any PPC (MGS score ≥4)", 29, AI, 51, AC, "0.54 (0.34–0.86)", "0.52 (0.33–0.83)", "0.006")),
    (G2, hr("Pneumonia", 14, AI, 27, AC, "0.50 (0.26–0.95)", "0.49 (0.26–0.94)", "0.031")),
    (G2, hr("Atelectasis requiring bronchoscopy", 9, AI, 15, AC, "0.59 (0.26–1.35)", "0.57 (0.25–1.31)", "0.19")),
    (G2, hr("Reintubation or ventilation >48 h", 4, AI, 7, AC, "0.56 (0.16–1.92)", "0.55 (0.16–1.89)", "0.34")),
    (G2, hr("Prolonged air leak >5 days", 22, AI, 24, AC, "0.90 (0.51–1.60)", "0.92 (0.52–1.64)", "0.78")),
    (G2, hr("Unplanned ICU admission", 8, AI, 16, AC, "0.49 (0.21–1.14)", "0.47 (0.20–1.10)", "0.082")),
    (G2, hr("Readmission within 30 days", 18, AI, 25, AC, "0.70 (0.38–1.28)", "0.69 (0.38–1.27)", "0.24")),
    (G2, hr("Death within 90 days", 3, AI, 5, AC, "0.59 (0.14–2.48)", "0.61 (0.15–2.56)", "0.50")),
    # ---- page break: continued part ----
    (G3, hr("Age <70 years", 13, 132, 24, 134, "0.53 (0.27–1.04)", "0.51 (0.26–1.01)", "0.053")),
    (G3, hr("Age ≥70 years", 16, 104, 27, 100, "0.54 (0.29–1.00)", "0.53 (0.28–0.98)", "0.044")),
    (G3, hr("FEV1 <80% predicted", 17, 104, 32, 101, "0.47 (0.26–0.85)", "0.45 (0.25–0.81)", "0.008")),
    (G3, hr("FEV1 ≥80% predicted", 12, 132, 19, 133, "0.62 (0.30–1.27)", "0.61 (0.30–1.26)", "0.18")),
    (G3, hr("Current smokers", 10, 64, 18, 65, "0.52 (0.24–1.13)", "0.50 (0.23–1.09)", "0.081")),
    (G3, hr("Never or former smokers", 19, 172, 33, 169, "0.55 (0.31–0.97)", "0.54 (0.31–0.95)", "0.033")),
    (G3, hr("Minimally invasive approach", 17, 170, 29, 166, "0.55 (0.30–1.00)", "0.54 (0.30–0.98)", "0.043")),
    (G3, hr("Thoracotomy", 12, 66, 22, 68, "0.52 (0.26–1.05)", "0.50 (0.25–1.02)", "0.057")),
    (G4, hr("Per-protocol population", 19, 187, 51, 234, "0.44 (0.26–0.75)", "0.43 (0.25–0.73)", "0.002")),
    (G4, hr("Multiple imputation, all randomised", None, None, None, None, "0.55 (0.35–0.87)", "0.53 (0.34–0.84)", "0.007")),
    (G4, hr("PPC by EPCO definition", 41, AI, 63, AC, "0.60 (0.41–0.89)", "0.59 (0.40–0.87)", "0.008")),
]
T2_SPLIT = 8  # rows printed before the page break

T2 = {
    "number": 2,
    "title": "Table 2 Primary and secondary outcomes within 30 days, subgroup and sensitivity analyses",
    "columns": ["Outcome", "IMT n/N (%)", "Usual care n/N (%)", "Crude HR (95% CI)",
                "Adjusted HR (95% CI)^a", "P value^b"],
    "rows": T2_ROWS,
    "note": ("^a Cox proportional hazards regression stratified by centre and adjusted for age, sex, FEV1 (% predicted) "
             "and surgical approach. ^b P value for the adjusted HR. P values for interaction: age 0.91, FEV1 0.47, "
             "smoking 0.88, surgical approach 0.83. The per-protocol population includes IMT participants who completed "
             "at least 70% of prescribed sessions. — not applicable (imputed data). CI confidence interval; "
             "EPCO European Perioperative Clinical Outcome; FEV1 forced expiratory volume in 1 s; HR hazard ratio; "
             "ICU intensive care unit; IMT inspiratory muscle training; MGS Melbourne Group Scale; "
             "PPC postoperative pulmonary complication"),
}

T3_ROWS = [
    (None, ["Kowalczyk et al., 2012",
            "Single centre, Poland; 68 adults awaiting lobectomy for NSCLC",
            "Threshold IMT at 30% MIP, 15 minutes twice daily for 2 weeks, versus usual care",
            "MIP increased by 18 cm H2O; PPC 9% versus 24%, difference not statistically significant"]),
    (None, ["Ohashi et al., 2015",
            "Two centres, Japan; 102 patients with COPD scheduled for lung resection",
            "IMT combined with aerobic cycling, three supervised sessions per week for 3 weeks",
            "Shorter hospital stay (median 8 versus 11 days); no difference in pneumonia"]),
    (None, ["Brandt-Larsen et al., 2017",
            "Single centre, Denmark; 140 patients undergoing VATS lobectomy",
            "Unsupervised home IMT at a fixed load of 40% MIP for at least 2 weeks, no load progression",
            "No reduction in PPC (RR 0.91, 95% CI 0.45–1.83); adherence to prescribed sessions 58%"]),
    (None, ["Ferreira et al., 2019",
            "Three centres, Brazil; 210 patients undergoing thoracotomy or VATS",
            "Supervised high-intensity IMT, five sessions per week, median 4 weeks",
            "PPC 11% versus 23% (RR 0.48); benefit confined to patients operated by thoracotomy"]),
    (None, ["Whitcombe et al., 2021^*",
            "Nine trials, 812 patients in Europe, Asia and South America",
            "Any preoperative IMT programme lasting at least 1 week",
            "Pooled RR for PPC 0.58 (0.42–0.80); six of nine trials at high risk of bias"]),
    (None, ["Present study (BREATHE-PREP)",
            "Six centres, the Netherlands and Belgium; 492 adults awaiting anatomical lung resection",
            "Home-based tapered flow-resistive IMT from 40% MIP, twice daily, weekly telephone review",
            "PPC 12.3% versus 21.8%; adjusted HR 0.52 (0.33–0.83); fewer pneumonias and shorter stay"]),
]

T3 = {
    "number": 3,
    "title": "Table 3 Comparison of the present trial with earlier studies of preoperative inspiratory muscle training before lung resection",
    "columns": ["Study", "Setting and participants", "Intervention", "Main finding"],
    "rows": T3_ROWS,
    "note": ("^* Systematic review and meta-analysis of randomised trials. COPD chronic obstructive pulmonary disease; "
             "HR hazard ratio; IMT inspiratory muscle training; MIP maximal inspiratory pressure; NSCLC non-small cell "
             "lung cancer; PPC postoperative pulmonary complication; RR risk ratio; VATS video-assisted thoracoscopic surgery"),
}

TABLES = [T1, T2, T3]
