#!/usr/bin/env python3
"""Build main.tex (LuaLaTeX + revtex4-2), tables.json and references order from the sources in src/."""
import json, re, sys, pathlib
HERE = pathlib.Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))
from refs import REFS
from tables import TABLES, T1, T2, T3, T2_SPLIT

JOURNAL = "Journal of Perioperative Respiratory Care"
YEAR, VOL, ART = 2024, 12, 118
DOI = "10.4477/jprc.2024.0118"
TITLE = ("Home-based inspiratory muscle training before lung cancer resection and postoperative "
         "pulmonary complications: the BREATHE-PREP randomised controlled trial")
AUTHORS = [("Lotte M.", "Verhoeven", [1, 2]), ("Ruben", "Dekker", [1]), ("Annelies", "Claes", [3]),
           ("Joost", "van der Meer", [4]), ("Sofie", "Peeters", [3]), ("Julien", "Moreau", [5]),
           ("Maarten A.", "Hendriks", [1, 2])]
AFFILS = {1: "Department of Respiratory Medicine, Rijnstad University Medical Centre, Utrecht, The Netherlands",
          2: "Julius Centre for Clinical Trials, Rijnstad University Medical Centre, Utrecht, The Netherlands",
          3: "Department of Physical Therapy and Rehabilitation, Scheldeland University Hospital, Ghent, Belgium",
          4: "Department of Cardiothoracic Surgery, Kennemer Teaching Hospital, Haarlem, The Netherlands",
          5: "Department of Thoracic Surgery, Hôpital Universitaire du Sart, Liège, Belgium"}
LICENCE = (f"© The Author(s) {YEAR}. Open Access. This article is licensed under a Creative Commons "
           "Attribution 4.0 International License (CC BY 4.0).")


def tex(s):
    """plain unicode cell/ref text -> LaTeX"""
    s = s.replace("\\", "\\textbackslash{}").replace("&", "\\&").replace("%", "\\%").replace("#", "\\#")
    s = s.replace("_", "\\_")
    s = re.sub(r"\^([a-z*†])", lambda m: "\\textsuperscript{" + m.group(1) + "}", s)
    s = s.replace("H2O", "H\\textsubscript{2}O").replace("FEV1", "FEV\\textsubscript{1}")
    s = s.replace("kg/m2", "kg/m\\textsuperscript{2}")
    return s


def plain(s):
    return re.sub(r"\^([a-z*†])", r"\1", s)

# ---------------------------------------------------------------- citations
body = (HERE / "body.tex").read_text()
front_abstract = (HERE / "abstract.tex").read_text()
back = (HERE / "back.tex").read_text()
order = []
def cite_sub(m):
    keys = [k.strip() for k in m.group(1).split(",")]
    nums = []
    for k in keys:
        if k not in REFS:
            raise SystemExit("unknown ref " + k)
        if k not in order:
            order.append(k)
        nums.append(order.index(k) + 1)
    nums = sorted(set(nums))
    parts, i = [], 0
    while i < len(nums):
        j = i
        while j + 1 < len(nums) and nums[j + 1] == nums[j] + 1:
            j += 1
        if j - i >= 2:
            parts.append(f"{nums[i]}--{nums[j]}")
        else:
            parts.extend(str(n) for n in nums[i:j + 1])
        i = j + 1
    return "\\textsuperscript{" + ",".join(parts) + "}"
body = re.sub(r"\\cite\{([^}]*)\}", cite_sub, body)
back = re.sub(r"\\cite\{([^}]*)\}", cite_sub, back)
missing = [k for k in REFS if k not in order]
if missing:
    raise SystemExit("uncited refs: " + ", ".join(missing))

# ---------------------------------------------------------------- tables

def table1():
    t = T1
    L = ["\\begin{table*}", "\\footnotesize", "\\raggedright",
         "\\noindent{\\sffamily\\bfseries Table 1}\\enspace " + tex(t["title"][len("Table 1 "):]) + "\\par\\smallskip",
         "\\begin{tabular*}{\\textwidth}{@{\\extracolsep{\\fill}}lrrrr@{}}", "\\toprule",
         " & \\multicolumn{2}{c}{" + tex(t["top"][1]) + "} & \\multicolumn{2}{c}{" + tex(t["top"][2]) + "}\\\\",
         "\\cmidrule(lr){2-3}\\cmidrule(l){4-5}",
         " & n & \\% & n & \\%\\\\", "\\midrule"]
    last = None
    for grp, cells in t["rows"]:
        if grp and grp != last:
            L.append(tex(grp) + " & & & & \\\\")
        last = grp
        lab = ("\\hspace{1.2em}" if grp else "") + tex(cells[0])
        L.append(lab + " & " + " & ".join(tex(c) for c in cells[1:]) + "\\\\")
    L += ["\\bottomrule", "\\end{tabular*}", "\\par\\smallskip", "{\\scriptsize " + tex(t["note"]) + "\\par}",
          "\\end{table*}"]
    return "\n".join(L)


def t2_header():
    c = T2["columns"]
    return ["\\toprule",
            " & ".join(tex(x) for x in c) + "\\\\", "\\midrule"]


def t2_part(rows, title, note):
    L = ["\\begin{table*}", "\\footnotesize", "\\raggedright",
         "\\noindent" + title + "\\par\\smallskip",
         "\\begin{tabular*}{\\textwidth}{@{\\extracolsep{\\fill}}lccccc@{}}"] + t2_header()
    last = None
    for grp, cells in rows:
        if grp != last:
            L.append("\\multicolumn{6}{@{}l}{\\itshape " + tex(grp) + "}\\\\")
        last = grp
        L.append("\\hspace{1.2em}" + tex(cells[0]) + " & " + " & ".join(tex(c) for c in cells[1:]) + "\\\\")
    L += ["\\bottomrule", "\\end{tabular*}", "\\par\\smallskip", "{\\scriptsize " + note + "\\par}", "\\end{table*}"]
    return "\n".join(L)


def table2():
    ttl = tex(T2["title"][len("Table 2 "):])
    p1 = t2_part(T2["rows"][:T2_SPLIT], "{\\sffamily\\bfseries Table 2}\\enspace " + ttl,
                 "\\textit{Table 2 continues on the next page.}")
    p2 = t2_part(T2["rows"][T2_SPLIT:], "{\\sffamily\\bfseries Table 2 (continued)}\\enspace " + ttl,
                 tex(T2["note"]))
    return p1, p2


def table3():
    t = T3
    L = ["\\begin{turnpage}", "\\begin{table*}", "\\small", "\\raggedright",
         "\\noindent{\\sffamily\\bfseries Table 3}\\enspace " + tex(t["title"][len("Table 3 "):]) + "\\par\\medskip",
         "\\begin{tabular}{@{}>{\\raggedright\\arraybackslash}p{3.6cm}>{\\raggedright\\arraybackslash}p{5.6cm}"
         ">{\\raggedright\\arraybackslash}p{6.4cm}>{\\raggedright\\arraybackslash}p{6.8cm}@{}}",
         "\\toprule", " & ".join("\\textbf{" + tex(c) + "}" for c in t["columns"]) + "\\\\", "\\midrule"]
    for i, (grp, cells) in enumerate(t["rows"]):
        L.append(" & ".join(tex(c) for c in cells) + "\\\\" + ("[4pt]" if i < len(t["rows"]) - 1 else ""))
    L += ["\\bottomrule", "\\end{tabular}", "\\par\\medskip", "{\\footnotesize " + tex(t["note"]) + "\\par}",
          "\\end{table*}", "\\end{turnpage}"]
    return "\n".join(L)


def table2_long():
    ttl = tex(T2["title"][len("Table 2 "):])
    c = T2["columns"]
    def two(x):
        x = tex(x)
        for cut in (" n/N", " (95"):
            if cut in x:
                a, b = x.split(cut, 1)
                return "\\begin{tabular}[b]{@{}c@{}}" + a + "\\\\" + cut.strip() + b + "\\end{tabular}"
        return x
    hdr = " & ".join(two(x) for x in c) + "\\\\"
    L = ["\\begingroup\\footnotesize", "\\setlength{\\tabcolsep}{4pt}\\setlength{\\LTleft}{0pt}\\setlength{\\LTright}{0pt}\\setlength{\\LTpre}{6pt}\\setlength{\\LTpost}{6pt}",
         "\\begin{longtable*}{@{}l@{\\extracolsep{\\fill}}ccccc@{}}",
         "\\multicolumn{6}{@{}l}{{\\sffamily\\bfseries Table 2}\\enspace " + ttl + "}\\\\[3pt]",
         "\\toprule", hdr, "\\midrule", "\\endfirsthead",
         "\\multicolumn{6}{@{}l}{{\\sffamily\\bfseries Table 2 (continued)}\\enspace " + ttl + "}\\\\[3pt]",
         "\\toprule", hdr, "\\midrule", "\\endhead",
         "\\bottomrule", "\\multicolumn{6}{@{}r}{\\scriptsize\\itshape (continued on next page)}\\\\", "\\endfoot",
         "\\bottomrule", "\\multicolumn{6}{@{}p{\\textwidth}@{}}{\\scriptsize " + tex(T2["note"]) + "}\\\\", "\\endlastfoot"]
    last = None
    for grp, cells in T2["rows"]:
        if grp != last:
            L.append("\\multicolumn{6}{@{}l}{\\itshape " + tex(grp) + "}\\\\")
        last = grp
        L.append("\\hspace{1.2em}" + tex(cells[0]) + " & " + " & ".join(tex(x) for x in cells[1:]) + "\\\\")
    L += ["\\end{longtable*}", "\\endgroup"]
    return "\n".join(L)

FIG1 = r"""
\begin{figure}
\centering
\sffamily\scriptsize
\begin{tikzpicture}[box/.style={draw, rounded corners=1pt, align=center, inner sep=3pt, text width=#1},
  box/.default=3.4cm, arr/.style={-{Stealth[length=4pt]}, thin}]
\node[box=5.2cm] (assess) at (0,0) {Assessed for eligibility (n = 1,126)};
\node[box=3.6cm, anchor=west] (excl) at (0.2,-1.25) {Excluded (n = 634)\\ Surgery within 14 days (n = 312)\\ Declined (n = 141)\\ Unable to use device (n = 98)\\ Other reasons (n = 83)};
\node[box=4.2cm] (rand) at (0,-2.55) {Randomised (n = 492)};
\node[box] (imt) at (-1.95,-3.6) {Allocated to IMT (n = 247)};
\node[box] (uc) at (1.95,-3.6) {Allocated to usual care (n = 245)};
\node[box] (imt2) at (-1.95,-4.75) {No resection (n = 11)\\ Inoperable disease (n = 6)\\ Radiotherapy (n = 3)\\ Withdrew (n = 2)};
\node[box] (uc2) at (1.95,-4.75) {No resection (n = 11)\\ Inoperable disease (n = 5)\\ Radiotherapy or other (n = 4)\\ Withdrew (n = 2)};
\node[box] (imt3) at (-1.95,-5.95) {Analysed (n = 236)};
\node[box] (uc3) at (1.95,-5.95) {Analysed (n = 234)};
\draw[arr] (assess.south) -- (rand.north);
\draw[arr] (0,-1.25) -- (excl.west);
\draw[arr] (rand.south) -- ++(0,-0.15) -| (imt.north);
\draw[arr] (rand.south) -- ++(0,-0.15) -| (uc.north);
\draw[arr] (imt) -- (imt2); \draw[arr] (uc) -- (uc2);
\draw[arr] (imt2) -- (imt3); \draw[arr] (uc2) -- (uc3);
\end{tikzpicture}
\par\medskip
\rmfamily\footnotesize\raggedright
\textbf{Fig. 1} Flow of participants through the trial (CONSORT diagram). IMT inspiratory muscle training
\end{figure}
"""

body = (body.replace("%%TABLE1%%", table1()).replace("%%TABLE2A%%", table2_long()).replace("%%TABLE2B%%", "")
        .replace("%%TABLE3%%", table3()).replace("%%FIG1%%", FIG1))

refs_tex = ["\\section*{References}", "\\begin{reflist}"]
for k in order:
    refs_tex.append("\\item " + tex(REFS[k]))
refs_tex.append("\\label{docend}\\end{reflist}")

authors_tex = []
for i, (first, last, aff) in enumerate(AUTHORS):
    authors_tex.append(f"\\author{{{first} {last}}}")
    if i == 0:
        authors_tex.append("\\email{l.m.verhoeven@rijnstad-umc.example}")
    for a in aff:
        authors_tex.append(f"\\affiliation{{{AFFILS[a]}}}")

preamble = r"""\documentclass[aip,reprint,a4paper,superscriptaddress,nofootinbib]{revtex4-2}
\usepackage{fontspec}
\setmainfont{TeX Gyre Schola}
\setsansfont{TeX Gyre Heros}
\usepackage{graphicx,rotating,booktabs,array,enumitem,tikz,lastpage,longtable}
\usetikzlibrary{arrows.meta,positioning}
\usepackage{fancyhdr}
\fancypagestyle{jprc}{%
  \fancyhf{}%
  \fancyhead[L]{\footnotesize\sffamily JOURNAL\_NAME\ (YEAR) VOL:ART}%
  \fancyhead[R]{\footnotesize\sffamily Page \thepage\ of \pageref{docend}}%
  \fancyfoot[C]{\scriptsize\sffamily LICENCE\_LINE}%
  \renewcommand{\headrulewidth}{0.4pt}\renewcommand{\footrulewidth}{0.4pt}}
\pagestyle{jprc}
\raggedbottom
\makeatletter
\setcounter{secnumdepth}{0}
\def\@hangfrom@section#1#2#3{\@hangfrom{#1#2}#3}
\def\@hangfroms@section#1#2{#1#2}
\renewcommand\section{\@startsection{section}{1}{\z@}{2.2ex plus .6ex minus .2ex}{0.9ex}{\normalfont\sffamily\bfseries\large\raggedright}}
\renewcommand\subsection{\@startsection{subsection}{2}{\z@}{1.6ex plus .4ex minus .2ex}{0.6ex}{\normalfont\sffamily\bfseries\raggedright}}
\renewcommand\subsubsection{\@startsection{subsubsection}{3}{\z@}{1.2ex plus .3ex}{0.4ex}{\normalfont\sffamily\itshape\raggedright}}
\makeatother
\newlist{reflist}{enumerate}{1}
\setlist[reflist]{label=\arabic*.,leftmargin=2.2em,labelsep=0.4em,itemsep=1pt,parsep=0pt,topsep=2pt,font=\footnotesize}
\begin{document}
"""
preamble = (preamble.replace("JOURNAL\\_NAME", JOURNAL).replace("YEAR", str(YEAR)).replace("VOL", str(VOL))
            .replace("ART", str(ART)).replace("LICENCE\\_LINE", tex(LICENCE)))

doc = [preamble,
       "\\preprint{RESEARCH ARTICLE \\quad Open Access \\quad https://doi.org/" + DOI + "}",
       "\\title{" + tex(TITLE) + "}",
       *authors_tex,
       "\\date{Received 14 June 2023; accepted 2 February 2024; published 11 March 2024}",
       "\\begin{abstract}", front_abstract, "\\end{abstract}",
       "\\maketitle", "\\thispagestyle{jprc}",
       body, back, "{\\footnotesize", *refs_tex, "}", "\\end{document}"]
(ROOT / "build" / "main.tex").write_text("\n".join(doc))

# ---------------------------------------------------------------- tables.json
out = {"tables": []}
for t in TABLES:
    rows = []
    for i, (grp, cells) in enumerate(t["rows"], 1):
        r = {"row": i, "cells": {plain(c): plain(v) for c, v in zip(t["columns"], cells)}}
        if grp:
            r["group"] = grp
        rows.append(r)
    out["tables"].append({"doc": "pdfsynth25", "number": t["number"], "title": plain(t["title"]),
                          "columns": [plain(c) for c in t["columns"]], "rows": rows})
(ROOT / "tables.json").write_text(json.dumps(out, ensure_ascii=False, indent=1))
(ROOT / "build" / "ref_order.json").write_text(json.dumps(order, indent=0))
print("refs", len(order), "ok")
