#!/usr/bin/env python3
"""Build pdfsynth21: typeset with XeLaTeX + elsarticle (5p two-column) and write tables.json.

Usage: python3 build.py   (run from anywhere; output goes to ../corpus and ../tables.json)
"""
import json
import os
import re
import shutil
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
sys.path.insert(0, HERE)
import data as D  # noqa: E402


def tex(s):
    """Escape plain text for LaTeX, leaving $...$ math (used only for footnote marks) alone."""
    out = []
    for part in re.split(r"(\$[^$]*\$)", s):
        if part.startswith("$"):
            out.append(part)
            continue
        part = part.replace("\\", r"\textbackslash{}")
        for a, b in [("%", r"\%"), ("&", r"\&"), ("#", r"\#"), ("_", r"\_")]:
            part = part.replace(a, b)
        part = part.replace("†", r"\textsuperscript{†}").replace("*", r"\textsuperscript{*}")
        out.append(part)
    return "".join(out)


def plain(s):
    """Text of a cell as printed (footnote marks kept as characters)."""
    return re.sub(r"\$\^\{\\mathrm\{(\w)\}\}\$", r"\1", s)


# ---------------------------------------------------------------- tables
def table1():
    L = []
    L.append(r"\begin{table}[t]")
    L.append(r"\caption{" + tex(D.T1_TITLE) + "}\\label{tab1}")
    L.append(r"\condfont\scriptsize\setlength{\tabcolsep}{3pt}")
    L.append(r"\begin{tabular*}{\columnwidth}{@{\extracolsep{\fill}}>{\raggedright\arraybackslash}p{3.55cm}rrrr@{}}")
    L.append(r"\toprule")
    L.append(r" & \multicolumn{2}{c}{\bfseries Intervention (n = 112)} & \multicolumn{2}{c}{\bfseries Usual care (n = 110)}\\")
    L.append(r"\cmidrule(lr){2-3}\cmidrule(l){4-5}")
    L.append(r" & \bfseries Mean/n & \bfseries SD/\% & \bfseries Mean/n & \bfseries SD/\%\\")
    L.append(r"\midrule")
    for label, ind, vals in D.T1_ROWS:
        lab = (r"\hspace*{1em}" if ind else "") + tex(label)
        L.append(lab + " & " + " & ".join(tex(v) for v in vals) + r"\\")
    L.append(r"\bottomrule")
    L.append(r"\end{tabular*}")
    L.append(r"\par\smallskip\begin{minipage}{\columnwidth}\tablenote " + tex(D.T1_NOTE) + r"\end{minipage}")
    L.append(r"\end{table}")
    return "\n".join(L)


T2_SPEC = r"@{\extracolsep{\fill}}>{\raggedright\arraybackslash}p{7.2cm}cccc@{}"


def t2_header():
    return (r"\toprule" "\n" r"\bfseries Outcome & \bfseries Intervention & \bfseries Usual care & "
            r"\bfseries Effect estimate (95\% CI) & \bfseries p value\\" "\n" r"\midrule")


def t2_body(groups):
    L = []
    for gi, (gtex, _gjson, rows) in enumerate(groups):
        if gi:
            L.append(r"\addlinespace[2pt]")
        L.append(r"\multicolumn{5}{@{}l}{\bfseries\itshape " + tex(gtex) + r"}\\")
        for r in rows:
            L.append(r"\hspace*{0.8em}" + " & ".join(tex(c) for c in r) + r"\\")
    return "\n".join(L)


def table2a():
    L = [r"\begin{table*}[b]", r"\caption{" + tex(D.T2_TITLE) + "}\\label{tab2}",
         r"\condfont\footnotesize", r"\begin{tabular*}{\textwidth}{" + T2_SPEC + "}",
         t2_header(), t2_body(D.T2_PART_A), r"\bottomrule", r"\end{tabular*}",
         r"\par\smallskip{\tablenote\hfill Table 2 continues on the next page}",
         r"\end{table*}"]
    return "\n".join(L)


def table2b():
    L = [r"\begin{table*}[t]", r"{\captfont\textbf{Table 2} (continued)\par}\smallskip",
         r"\condfont\footnotesize", r"\begin{tabular*}{\textwidth}{" + T2_SPEC + "}",
         t2_header(), t2_body(D.T2_PART_B), r"\bottomrule", r"\end{tabular*}",
         r"\par\smallskip{\tablenote " + tex(D.T2_NOTE) + "\\par}",
         r"\end{table*}"]
    return "\n".join(L)


def table3():
    L = [r"\begin{table*}[t]", r"\caption{" + tex(D.T3_TITLE) + "}\\label{tab3}",
         r"\sffamily\footnotesize\renewcommand{\arraystretch}{1.15}",
         r"\begin{tabular}{@{}>{\raggedright\arraybackslash}p{2.9cm}>{\raggedright\arraybackslash}p{6.3cm}"
         r">{\raggedright\arraybackslash}p{4.6cm}>{\raggedright\arraybackslash}p{3.2cm}@{}}",
         r"\toprule",
         " & ".join(r"\bfseries " + c for c in D.T3_COLUMNS) + r"\\",
         r"\midrule"]
    for i, r in enumerate(D.T3_ROWS):
        L.append(" & ".join(tex(c) for c in r) + r"\\" + (r"\addlinespace[3pt]" if i < len(D.T3_ROWS) - 1 else ""))
    L += [r"\bottomrule", r"\end{tabular}", r"\par\smallskip{\tablenote " + tex(D.T3_NOTE) + "\\par}",
          r"\end{table*}"]
    return "\n".join(L)


# ---------------------------------------------------------------- figures
FIG1 = r"""\begin{figure*}[t]
\centering\sffamily\footnotesize
\begin{tikzpicture}[box/.style={draw,thick,rounded corners=1pt,align=left,inner sep=4pt,text width=#1},
  box/.default=5.2cm, arr/.style={-{Stealth[length=5pt]},thick}]
\node[box=4.6cm,align=center] (ass) at (0,0) {Assessed for eligibility (n = 486)};
\node[box=5.6cm] (exc) at (6.2,-0.9) {Excluded (n = 264)\\
  \quad Did not meet eligibility criteria (n = 171)\\ \quad Declined to participate (n = 78)\\ \quad Other reasons (n = 15)};
\node[box=4.6cm,align=center] (ran) at (0,-2.2) {Randomised (n = 222)};
\node[box] (int) at (-4.2,-3.6) {Allocated to home-based walking programme (n = 112)\\ \quad Attended education session (n = 110)};
\node[box] (uc) at (4.2,-3.6) {Allocated to usual care (n = 110)\\ \quad Received walking advice leaflet (n = 110)};
\node[box] (lint) at (-4.2,-5.3) {No 6-month outcome data (n = 9)\\ \quad Withdrew (n = 5)\\ \quad Could not be contacted (n = 3)\\ \quad Died (n = 1)};
\node[box] (luc) at (4.2,-5.3) {No 6-month outcome data (n = 8)\\ \quad Withdrew (n = 4)\\ \quad Could not be contacted (n = 3)\\ \quad Moved out of the area (n = 1)};
\node[box] (aint) at (-4.2,-7.0) {Analysed, intention to treat (n = 112)\\ \quad With 6-month 6MWD (n = 103)};
\node[box] (auc) at (4.2,-7.0) {Analysed, intention to treat (n = 110)\\ \quad With 6-month 6MWD (n = 102)};
\draw[arr] (ass) -- (ran);
\draw[arr] (0,-0.9) -- (exc.west);
\draw[arr] (ran.south) -- ++(0,-0.35) -| (int.north);
\draw[arr] (ran.south) -- ++(0,-0.35) -| (uc.north);
\draw[arr] (int) -- (lint); \draw[arr] (uc) -- (luc);
\draw[arr] (lint) -- (aint); \draw[arr] (luc) -- (auc);
\end{tikzpicture}
\caption{CONSORT flow diagram of participants through the STRIDE-PAD trial. 6MWD six-minute walk distance}
\label{fig1}
\end{figure*}"""

FIG2 = r"""\begin{figure}[t]
\centering\sffamily\scriptsize
\begin{tikzpicture}[x=2.3cm,y=0.045cm]
\draw[thin,gray!60] (0,320) -- (2.4,320);
\foreach \y in {320,340,360,380,400} {\draw[gray!40] (0,\y) -- (2.4,\y); \node[left] at (0,\y) {\y};}
\draw[thick] (0,320) -- (0,400);
\node[rotate=90] at (-0.42,360) {6MWD (m)};
\foreach \x/\l in {0.2/Baseline,1.2/12 weeks,2.2/6 months} {\node[below] at (\x,320) {\l};}
\draw[very thick,black] (0.2,342.5) -- (1.2,372.2) -- (2.2,380.9);
\foreach \x/\y in {0.2/342.5,1.2/372.2,2.2/380.9} {\fill[black] (\x,\y) circle (1.6pt);}
\draw[very thick,gray,dashed] (0.2,338.1) -- (1.2,342.9) -- (2.2,344.3);
\foreach \x/\y in {0.2/338.1,1.2/342.9,2.2/344.3} {\fill[white,draw=gray,thick] (\x,\y) rectangle ++(0.03,1.4);}
\draw[very thick,black] (0.35,396) -- (0.6,396); \node[right] at (0.6,396) {Intervention};
\draw[very thick,gray,dashed] (1.35,396) -- (1.6,396); \node[right] at (1.6,396) {Usual care};
\end{tikzpicture}
\caption{Mean six-minute walk distance (6MWD) at baseline, 12 weeks and 6 months by randomised group. Unadjusted means of participants assessed at each visit}
\label{fig2}
\end{figure}"""


# ---------------------------------------------------------------- front matter and preamble
PREAMBLE = r"""\PassOptionsToPackage{super,sort&compress}{natbib}
\documentclass[5p,twocolumn,a4paper,final]{elsarticle}
\usepackage{fontspec}
\setmainfont{TeX Gyre Pagella}
\setsansfont{TeX Gyre Heros}
\newfontfamily\condfont{TeX Gyre Heros Cn}
\usepackage{fancyhdr,lastpage,stfloats,array,booktabs,tikz,xcolor}
\usetikzlibrary{arrows.meta}
\usepackage{caption}
\captionsetup{labelsep=space,labelfont={bf,sf},font={small,sf},justification=raggedright,singlelinecheck=false}
\captionsetup[table]{skip=3pt,position=top}
\renewcommand{\figurename}{Fig.}
\newcommand{\captfont}{\sffamily\small}
\newcommand{\tablenote}{\sffamily\scriptsize\raggedright}
\setcounter{secnumdepth}{0}
\raggedbottom
\makeatletter
\renewcommand\section{\@startsection{section}{1}{\z@}{-12pt plus -3pt minus -1pt}{4pt}{\sffamily\bfseries\large\raggedright}}
\renewcommand\subsection{\@startsection{subsection}{2}{\z@}{-9pt plus -2pt minus -1pt}{3pt}{\sffamily\bfseries\normalsize\raggedright}}
\renewcommand\bibnumfmt[1]{#1.}
\makeatother
\setlength{\bibsep}{1pt}
\newenvironment{abbrevlist}{\par\small\begin{list}{}{\setlength{\leftmargin}{0pt}\setlength{\itemsep}{0pt}\setlength{\parsep}{0pt}}}{\end{list}}
\newcommand{\abbr}[2]{\item #1: #2}
\newcommand{\runhead}{\sffamily\footnotesize\textit{Journal of Vascular Rehabilitation and Prevention} (2024) 12:47}
\newcommand{\licence}{\sffamily\scriptsize \textcopyright{} The Author(s) 2024. Open Access. This article is licensed under a Creative Commons Attribution 4.0 International License (CC BY 4.0).}
\pagestyle{fancy}
\fancyhf{}
\fancyhead[L]{\runhead}
\fancyhead[R]{\sffamily\footnotesize Page \thepage\ of \pageref{LastPage}}
\fancyfoot[C]{\licence}
\renewcommand{\headrulewidth}{0.4pt}
\renewcommand{\footrulewidth}{0.4pt}
\fancypagestyle{pprintTitle}{\fancyhf{}%
  \fancyhead[L]{\runhead\quad\textbar\quad https://doi.org/10.5712/jvrp.2024.0047}%
  \fancyhead[R]{\sffamily\footnotesize Page \thepage\ of \pageref{LastPage}}%
  \fancyfoot[C]{\licence}}
"""

FRONT = r"""\begin{frontmatter}
\title{Home-based structured walking with remote coaching versus usual care for intermittent claudication (STRIDE-PAD): a pragmatic randomised controlled trial}
\author[a]{Hamish R. Calder}
\author[a,b]{Priya Venkataraman}
\author[c]{Eilidh M. Ross}
\author[b]{Tomasz Wróbel}
\author[a]{Fiona J. McAllister}
\author[c]{David K. Osei\corref{cor1}}
\cortext[cor1]{Corresponding author: d.osei@tynebridge.ac.uk}
\address[a]{Department of Vascular Surgery, Northbridge University Hospital, Edinburgh, UK}
\address[b]{School of Health and Rehabilitation Sciences, Northbridge University, Edinburgh, UK}
\address[c]{Institute of Cardiovascular Research, University of Tynebridge, Newcastle upon Tyne, UK}
\begin{abstract}
\textbf{Background} Supervised exercise therapy is recommended as first-line treatment for intermittent claudication, but few patients can access it. We tested whether a home-based structured walking programme supported by remote coaching improves walking capacity compared with usual care.

\textbf{Methods} In this pragmatic, assessor-blinded, parallel-group trial at four vascular outpatient clinics in the UK, adults aged 50 years or older with peripheral artery disease and stable intermittent claudication were randomly assigned (1:1) to a 24-week home-based walking programme with an activity tracker and telephone coaching or to usual care with written walking advice. The primary outcome was the change in six-minute walk distance (6MWD) from baseline to 6 months, analysed by intention to treat.

\textbf{Results} Between March 2021 and October 2022, 222 participants were randomised (112 intervention, 110 usual care); 205 (92.3\%) completed the 6-month assessment. Mean 6MWD increased by 38.4 m in the intervention group and by 6.2 m in the usual care group (adjusted mean difference 32.1 m, 95\% CI 18.4–45.8; p < 0.001). The intervention also improved pain-free walking distance, maximal treadmill walking time, Walking Impairment Questionnaire score and daily step count. Serious adverse events occurred in 9 (8.0\%) intervention and 10 (9.1\%) usual care participants; none was judged to be related to the intervention.

\textbf{Conclusions} A home-based walking programme with remote coaching produced a clinically meaningful improvement in walking distance at 6 months in people with intermittent claudication and could offer a scalable alternative where supervised exercise is unavailable.

\textbf{Trial registration} ISRCTN48201937, registered 2 February 2021.

\smallskip{\sffamily\footnotesize Received: 14 June 2023 / Accepted: 2 November 2023 / Published online: 19 January 2024}
\end{abstract}
\begin{keyword}
Peripheral artery disease \sep Intermittent claudication \sep Home-based exercise \sep Walking \sep Health coaching \sep Randomised controlled trial
\end{keyword}
\end{frontmatter}
"""


def cite_order(body):
    order = []
    for m in re.finditer(r"\\cite\{([^}]*)\}", body):
        for k in m.group(1).split(","):
            k = k.strip()
            if k not in order:
                order.append(k)
    return order


def main():
    body = open(os.path.join(HERE, "body.tex"), encoding="utf-8").read()
    order = cite_order(body)
    missing = [k for k in order if k not in D.REFS]
    unused = [k for k in D.REFS if k not in order]
    if missing or unused:
        sys.exit(f"reference mismatch: missing={missing} unused={unused}")
    # within one \cite{a,b} natbib sorts by number; numbers follow first-citation order
    bib = [r"\begin{thebibliography}{99}"]
    for k in order:
        bib.append(r"\bibitem{" + k + "} " + tex(D.REFS[k]))
    bib.append(r"\end{thebibliography}")

    body = (body.replace(r"\FIGONE", FIG1).replace(r"\FIGTWO", FIG2)
            .replace(r"\TABLEONE", table1()).replace(r"\TABLETWOA", table2a())
            .replace(r"\TABLETWOB", table2b()).replace(r"\TABLETHREE", table3()))
    doc = PREAMBLE + "\\begin{document}\n" + FRONT + body + "\n" + "\n".join(bib) + "\n\\end{document}\n"
    build = os.path.join(HERE, "out")
    os.makedirs(build, exist_ok=True)
    with open(os.path.join(build, "pdfsynth21.tex"), "w", encoding="utf-8") as f:
        f.write(doc)
    for i in range(3):
        r = subprocess.run(["xelatex", "-interaction=nonstopmode", "-halt-on-error", "pdfsynth21.tex"],
                           cwd=build, capture_output=True, text=True)
        if r.returncode != 0:
            print(r.stdout[-4000:])
            sys.exit("xelatex failed")
    log = open(os.path.join(build, "pdfsynth21.log"), encoding="utf-8", errors="replace").read()
    for pat in ["Missing character", "Overfull \\hbox", "undefined", "Float too large"]:
        n = log.count(pat)
        if n:
            print(f"log: {n} x {pat!r}")
    os.makedirs(os.path.join(ROOT, "corpus"), exist_ok=True)
    shutil.copy(os.path.join(build, "pdfsynth21.pdf"), os.path.join(ROOT, "corpus", "pdfsynth21.pdf"))

    # ------------------------------------------------------------ tables.json
    tables = []
    rows = []
    for i, (label, _ind, vals) in enumerate(D.T1_ROWS, 1):
        cells = dict(zip(D.T1_COLUMNS, [label] + vals))
        rows.append({"row": i, "cells": cells})
    tables.append({"doc": "pdfsynth21", "number": 1, "title": D.T1_TITLE, "columns": D.T1_COLUMNS, "rows": rows})
    rows = []
    n = 0
    for _gtex, gjson, rr in D.T2_PART_A + D.T2_PART_B:
        for r in rr:
            n += 1
            rows.append({"row": n, "cells": dict(zip(D.T2_COLUMNS, [plain(c) for c in r])), "group": gjson})
    tables.append({"doc": "pdfsynth21", "number": 2, "title": D.T2_TITLE, "columns": D.T2_COLUMNS, "rows": rows})
    rows = [{"row": i, "cells": dict(zip(D.T3_COLUMNS, r))} for i, r in enumerate(D.T3_ROWS, 1)]
    tables.append({"doc": "pdfsynth21", "number": 3, "title": D.T3_TITLE, "columns": D.T3_COLUMNS, "rows": rows})
    with open(os.path.join(ROOT, "tables.json"), "w", encoding="utf-8") as f:
        json.dump({"tables": tables}, f, ensure_ascii=False, indent=1)
    print("built", os.path.join(ROOT, "corpus", "pdfsynth21.pdf"), "refs:", len(order))


if __name__ == "__main__":
    main()
