/* Ask-the-document chat widget. Plain JavaScript, no build step, no external resources.
 *
 * Embed:  <script src="https://HOST/widget.js" data-api="https://HOST"></script>
 *         adds a button that opens a chat panel (the service must list the page's origin in
 *         QA_CORS_ORIGINS).
 * Page:   <div id="qa-root"></div><script src="/widget.js" data-mode="page" data-target="qa-root"></script>
 *         The page reads permalinks: /?q=QUESTION asks it, /?tab=cite&text=DRAFT (or /#cite)
 *         opens Find citations, &doc=ID picks a document.
 *
 * What the widget says about the documents (title, citation, example questions) comes from
 * GET /documents; the input limits from GET /limits. Nothing about one document is written here.
 * Everything from the server or the user is inserted as text (textContent), never as HTML.
 * The widget lives in a shadow root so that the host page's styles and ours do not mix.
 */
(function () {
  "use strict";
  var script = document.currentScript;
  var data = (script && script.dataset) || {};
  var API = (data.api || (script && script.src ? new URL(script.src, location.href).origin : location.origin)).replace(/\/+$/, "");
  var MODE = data.mode === "page" ? "page" : "embed";
  var TIMEOUT_MS = 20000;
  // What the service accepted before GET /limits existed; replaced by its answer when it does.
  var DEFAULT_LIMITS = { max_query_chars: 1000, max_cite_chars: 5000, max_k: 50 };
  var VERDICTS = {
    supported: { label: "Supported", cls: "ok" },
    contradicted: { label: "Contradicted", cls: "bad" },
    not_found: { label: "Not in the document", cls: "none" }
  };

  var CSS = [
    ":host{all:initial;display:block;height:100%}",
    "*{box-sizing:border-box}",
    ".qa{--ink:#1d2433;--muted:#5b6475;--line:#d9dee8;--bg:#fff;--soft:#f4f6fa;--brand:#1f5fbf;--brand-ink:#fff;--warn-bg:#fff6e5;--warn:#7a4f00;--err-bg:#fdecec;--err:#a42323;--hl:#fff1a8;--ok:#17663a;--ok-bg:#e3f5ea;--bad:#a42323;--bad-bg:#fdecec;--none:#5b6475;--none-bg:#eceff4;",
    "font:15px/1.5 system-ui,-apple-system,'Segoe UI',Roboto,Helvetica,Arial,sans-serif;color:var(--ink)}",
    ".launcher{position:fixed;right:20px;bottom:20px;z-index:2147483000;border:0;border-radius:999px;padding:12px 18px;background:var(--brand);color:var(--brand-ink);font:600 15px/1 system-ui,sans-serif;box-shadow:0 6px 20px rgba(20,40,90,.25);cursor:pointer}",
    ".launcher:focus-visible,button:focus-visible,textarea:focus-visible,select:focus-visible,summary:focus-visible,a:focus-visible,[role=tab]:focus-visible{outline:3px solid #f0a500;outline-offset:2px}",
    ".panel{display:flex;flex-direction:column;background:var(--bg);min-height:0}",
    ".embed .panel{position:fixed;right:20px;bottom:80px;width:440px;max-width:calc(100vw - 24px);height:660px;max-height:calc(100vh - 110px);z-index:2147483000;border:1px solid var(--line);border-radius:14px;box-shadow:0 16px 48px rgba(20,40,90,.28);overflow:hidden}",
    ".embed .panel[hidden]{display:none}",
    ".qa.page{height:100%}",
    ".page .panel{height:100%;max-width:860px;margin:0 auto;border-left:1px solid var(--line);border-right:1px solid var(--line)}",
    "header{display:flex;align-items:flex-start;gap:10px;padding:12px 16px;border-bottom:1px solid var(--line);background:var(--soft)}",
    "header .titles{flex:1;min-width:0}",
    "header h2{font-size:16px;line-height:1.3;margin:0;overflow:hidden;display:-webkit-box;-webkit-line-clamp:2;-webkit-box-orient:vertical}",
    "header .sub{display:block;font-size:12.5px;color:var(--muted);margin-top:2px}",
    "header .sub a{color:var(--brand)}",
    "header select{margin-top:6px;max-width:100%;font:13px system-ui,sans-serif;padding:4px 6px;border:1px solid var(--line);border-radius:6px;background:#fff;color:var(--ink)}",
    ".close{border:0;background:transparent;font-size:22px;line-height:1;cursor:pointer;color:var(--muted);padding:4px 8px;border-radius:6px}",
    ".tabs{display:flex;gap:4px;padding:8px 12px 0;border-bottom:1px solid var(--line)}",
    "[role=tab]{border:0;background:transparent;padding:8px 12px;font:600 14px system-ui,sans-serif;color:var(--muted);border-bottom:3px solid transparent;cursor:pointer}",
    "[role=tab][aria-selected=true]{color:var(--brand);border-bottom-color:var(--brand)}",
    ".log{flex:1;overflow:auto;padding:16px;display:flex;flex-direction:column;gap:14px;min-height:0}",
    ".log[hidden]{display:none}",
    ".intro{color:var(--muted);font-size:14px}",
    ".intro p{margin:0 0 4px}",
    ".intro button{display:block;margin-top:6px;border:1px solid var(--line);background:var(--soft);border-radius:8px;padding:6px 10px;font:14px system-ui,sans-serif;color:var(--ink);cursor:pointer;text-align:left}",
    ".q{align-self:flex-end;max-width:85%;background:var(--brand);color:var(--brand-ink);padding:8px 12px;border-radius:14px 14px 2px 14px;white-space:pre-wrap;word-wrap:break-word}",
    ".a{max-width:100%;background:var(--soft);border:1px solid var(--line);padding:10px 12px;border-radius:14px 14px 14px 2px;word-wrap:break-word}",
    ".a.notfound{background:var(--warn-bg);border-color:#f1d08a}",
    ".a.notfound .tag{font-weight:700;display:block;margin-bottom:2px;color:var(--warn)}",
    ".a.error{background:var(--err-bg);border-color:#f3b4b4;color:var(--err)}",
    ".note{font-size:13.5px;color:var(--muted);margin:0 0 6px}",
    ".suggest{margin:8px 0 0}",
    ".suggest button,.link-btn{border:0;background:transparent;color:var(--brand);font:600 14px system-ui,sans-serif;text-decoration:underline;cursor:pointer;padding:2px 0;min-height:24px;text-align:left}",
    ".closest{margin:10px 0 0;padding:0;list-style:none;display:flex;flex-direction:column;gap:8px}",
    ".closest li{background:#fff;border:1px solid var(--line);border-radius:8px;padding:8px 10px;font-size:14px;color:var(--ink)}",
    ".closest .where{color:var(--muted);font-size:12.5px}",
    ".rephrase{margin:10px 0 0;font-size:13.5px;color:var(--ink)}",
    /* 24 px targets everywhere (WCAG 2.5.8); larger where the pointer is a finger. */
    ".chip{display:inline-block;min-height:24px;min-width:24px;border:1px solid var(--brand);color:var(--brand);background:#fff;border-radius:999px;padding:0 7px;margin:1px;font:600 12.5px/22px system-ui,sans-serif;cursor:pointer;vertical-align:middle;text-align:center}",
    "@media (pointer:coarse){.chip{min-height:28px;line-height:26px;padding:0 9px}}",
    ".chip[aria-expanded=true]{background:var(--brand);color:#fff}",
    ".actions{margin-top:8px;display:flex;gap:8px;flex-wrap:wrap;align-items:flex-start}",
    ".actions button,.menu summary{display:inline-flex;align-items:center;border:1px solid var(--line);background:#fff;border-radius:8px;padding:3px 10px;min-height:28px;font:13px/20px system-ui,sans-serif;cursor:pointer;color:var(--ink)}",
    ".menu{position:relative}",
    ".menu summary{list-style:none}",
    ".menu summary::-webkit-details-marker{display:none}",
    ".menu summary::after{content:'\\00a0▾'}",
    ".menu .items{position:absolute;z-index:2;left:0;top:calc(100% + 4px);background:#fff;border:1px solid var(--line);border-radius:8px;box-shadow:0 8px 24px rgba(20,40,90,.16);padding:4px;display:flex;flex-direction:column;min-width:190px}",
    ".menu .items button{border:0;text-align:left;border-radius:6px}",
    ".menu .items button:hover{background:var(--soft)}",
    ".evidence{margin-top:10px;background:#fff;border:1px solid var(--line);border-radius:10px;padding:10px 12px;font-size:14px}",
    ".evidence .where{color:var(--muted);font-size:12.5px;margin-bottom:6px}",
    ".evidence mark{background:var(--hl);color:inherit;padding:0 1px}",
    ".evidence table{border-collapse:collapse;width:100%;font-size:13px;margin-top:4px}",
    ".evidence caption{text-align:left;font-weight:600;margin-bottom:4px}",
    ".evidence th,.evidence td{border:1px solid var(--line);padding:4px 6px;text-align:left;vertical-align:top}",
    ".evidence th{background:var(--soft);width:34%}",
    ".paper{margin-top:10px;background:#fff;border:1px solid var(--line);border-left:4px solid var(--brand);border-radius:8px;padding:8px 10px;font-size:13.5px}",
    ".paper .n{font-weight:700;margin-right:4px}",
    ".paper a{color:var(--brand);word-break:break-all}",
    ".status{min-height:22px;padding:0 16px;color:var(--muted);font-size:13px}",
    ".dots::after{content:'';animation:dots 1.2s steps(4,end) infinite}",
    "@keyframes dots{0%{content:''}25%{content:'.'}50%{content:'..'}75%{content:'...'}}",
    "form{display:flex;gap:8px;padding:10px 12px 4px;border-top:1px solid var(--line);align-items:flex-end}",
    "label.vh,.vh{position:absolute!important;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}",
    "textarea{flex:1;resize:none;min-height:44px;max-height:140px;border:1px solid var(--line);border-radius:10px;padding:10px 12px;font:15px/1.4 system-ui,sans-serif;color:var(--ink)}",
    "textarea[aria-invalid=true]{border-color:var(--err);outline-color:var(--err)}",
    ".send{border:0;border-radius:10px;background:var(--brand);color:#fff;font:600 15px system-ui,sans-serif;padding:11px 16px;cursor:pointer}",
    ".send[disabled]{opacity:.6;cursor:not-allowed}",
    ".hint{display:flex;gap:12px;justify-content:space-between;padding:0 16px 8px;color:var(--muted);font-size:12px}",
    ".hint .count.over{color:var(--err);font-weight:600}",
    ".limit{margin:0 12px 6px;padding:6px 10px;border-radius:8px;background:var(--err-bg);color:var(--err);font-size:13px}",
    ".limit[hidden]{display:none}",
    ".summary{font-weight:600;margin:0 0 4px}",
    ".sents{list-style:none;margin:8px 0 0;padding:0;display:flex;flex-direction:column;gap:10px}",
    ".sent{background:#fff;border:1px solid var(--line);border-radius:10px;padding:8px 10px}",
    ".sent .line{display:flex;gap:8px;align-items:flex-start}",
    ".sent .text{flex:1;min-width:0}",
    ".sent .copy{border:1px solid var(--line);background:#fff;border-radius:8px;padding:2px 8px;min-height:26px;font:12.5px system-ui,sans-serif;cursor:pointer;color:var(--ink);white-space:nowrap}",
    ".badge{display:inline-block;border-radius:999px;padding:1px 9px;font:700 12px/20px system-ui,sans-serif;white-space:nowrap;margin-right:6px;vertical-align:1px}",
    ".badge.ok{background:var(--ok-bg);color:var(--ok)}",
    ".badge.bad{background:var(--bad-bg);color:var(--bad)}",
    ".badge.none{background:var(--none-bg);color:var(--none)}",
    ".conf{color:var(--muted);font-size:12px;margin-left:4px;white-space:nowrap}",
    ".sent .detail{margin:6px 0 0;font-size:13.5px}",
    ".sent .reason{color:var(--bad)}",
    ".sent .quote{border-left:3px solid var(--line);padding-left:8px;margin-top:6px;font-size:13.5px}",
    ".sent .quote .where{color:var(--muted);font-size:12px}",
    "@media (max-width:480px){.embed .panel{right:0;bottom:0;width:100vw;max-width:100vw;height:100vh;max-height:100vh;border-radius:0}.launcher{right:12px;bottom:12px}.log{padding:12px}header{padding:8px 12px}header h2{font-size:15px;-webkit-line-clamp:1}header .sub{font-size:12px}}"
  ].join("\n");

  function el(tag, attrs, children) {
    var node = document.createElement(tag);
    if (attrs) {
      Object.keys(attrs).forEach(function (k) {
        var v = attrs[k];
        if (v === null || v === undefined || v === false) return;
        if (k === "text") node.textContent = v;
        else if (k === "cls") node.className = v;
        else if (k.slice(0, 2) === "on") node.addEventListener(k.slice(2), v);
        else node.setAttribute(k, v === true ? "" : String(v));
      });
    }
    (children || []).forEach(function (c) {
      if (c !== null && c !== undefined) node.appendChild(typeof c === "string" ? document.createTextNode(c) : c);
    });
    return node;
  }

  function fmt(n) { return Number(n).toLocaleString("en-US"); }

  function withTimeout(ms) {
    var ctl = new AbortController();
    var timer = setTimeout(function () { ctl.abort(); }, ms);
    return { signal: ctl.signal, done: function () { clearTimeout(timer); } };
  }

  /* Why a request failed, in words for the person using the widget. A fetch that fails before
   * any answer is either a server that cannot be reached or a browser refusing the answer
   * because the service does not allow this site (CORS). A "no-cors" request to /health tells
   * them apart: it succeeds whenever the server answers at all, allowed or not. */
  function diagnose(e) {
    if (e && e.name === "AbortError") return Promise.resolve({ kind: "timeout", message: "the service took too long to answer" });
    var crossOrigin = new URL(API).origin !== location.origin;
    if (!crossOrigin) return Promise.resolve({ kind: "network", message: "the service cannot be reached" });
    var t = withTimeout(5000);
    return fetch(API + "/health", { mode: "no-cors", cache: "no-store", signal: t.signal }).then(function () {
      t.done();
      return { kind: "cors", message: "this site (" + location.origin + ") is not allowed to use the service at " + API };
    }, function () {
      t.done();
      return { kind: "network", message: "the service cannot be reached" };
    });
  }

  function request(method, path, body) {
    var t = withTimeout(TIMEOUT_MS);
    var opts = { method: method, signal: t.signal };
    if (body !== undefined) { opts.headers = { "Content-Type": "application/json" }; opts.body = JSON.stringify(body); }
    return fetch(API + path, opts).then(function (r) {
      t.done();
      return r.json().catch(function () { return {}; }).then(function (j) {
        if (!r.ok) {
          var msg = (j && (j.error || j.detail)) || ("the service answered " + r.status);
          throw { kind: "http", status: r.status, message: String(msg) };
        }
        return j;
      });
    }, function (e) {
      t.done();
      return diagnose(e).then(function (d) { throw d; });
    });
  }
  function post(path, body) { return request("POST", path, body); }
  function get(path) { return request("GET", path); }

  var uid = 0;
  function nextId(p) { uid += 1; return "qa-" + p + "-" + uid; }

  /* ---------- documents and cited papers ---------- */
  function authorsOf(meta) { return (meta && Array.isArray(meta.authors)) ? meta.authors.filter(function (a) { return typeof a === "string" && a; }) : []; }
  function lastName(name) { return String(name).indexOf(",") >= 0 ? String(name).split(",")[0].trim() : String(name).trim().split(/\s+/).pop(); }

  /* "Smith et al. 2021 · Journal Name" from a document's record. */
  function byline(doc) {
    var m = (doc && doc.meta) || {};
    var a = authorsOf(m);
    var who = a.length ? lastName(a[0]) + (a.length > 2 ? " et al." : a.length === 2 ? " and " + lastName(a[1]) : "") : "";
    var parts = [];
    if (who || m.year) parts.push([who, m.year].filter(Boolean).join(" "));
    if (m.journal) parts.push(m.journal);
    return parts.join(" · ");
  }

  function citationText(doc) {
    if (!doc) return "";
    if (doc.cite_as && doc.cite_as.text) return doc.cite_as.text;
    var b = byline(doc);
    var m = doc.meta || {};
    return [doc.title, b, m.doi ? "doi:" + m.doi : ""].filter(Boolean).join(". ");
  }

  function doiHref(doi) { return "https://doi.org/" + encodeURI(String(doi).replace(/^https?:\/\/(dx\.)?doi\.org\//i, "")); }

  /* A cited paper's label: "Smith 2015 — Title" when the reference list was parsed, its text otherwise. */
  function paperLabel(c) {
    var a = Array.isArray(c.authors) ? c.authors : [];
    var who = c.first_author || (a.length ? lastName(a[0]) + (a.length > 1 ? " et al." : "") : "");
    var head = [who, c.year].filter(Boolean).join(" ");
    if (c.title) return (head ? head + " — " : "") + c.title;
    return c.text || head || "";
  }

  function paperView(n, c) {
    var box = el("div", { cls: "paper", role: "group", "aria-label": "Cited paper " + n }, [el("span", { cls: "n", text: "[" + n + "]" }), el("span", { text: paperLabel(c) })]);
    if (c.title && c.text) box.appendChild(el("div", { cls: "where", text: c.text }));
    if (c.doi) {
      box.appendChild(el("div", null, ["DOI: ", el("a", { href: doiHref(c.doi), target: "_blank", rel: "noopener noreferrer", text: String(c.doi) })]));
    }
    return box;
  }

  function citedIndex(hits) {
    var byN = {};
    (hits || []).forEach(function (h) {
      (h.cited || []).forEach(function (c) {
        if (c && c.n !== undefined && !byN[c.n]) byN[c.n] = Object.assign({ doc: h.doc && h.doc.id }, c);
      });
    });
    return byN;
  }

  /* ---------- evidence rendering ---------- */
  function whereLine(hit, withRefs) {
    var parts = [];
    if (hit.table) {
      parts.push("Table " + hit.table.number + ": " + hit.table.title);
      if (hit.table.group) parts.push(hit.table.group);
    } else if (hit.section && hit.section.length) {
      parts.push("Section: " + hit.section.join(" › "));
    }
    if (hit.page) parts.push("page " + hit.page);
    if (withRefs !== false && hit.refs && hit.refs.length) parts.push("refs [" + hit.refs.join(", ") + "]");
    return parts.join(" · ");
  }

  function highlighted(text, quote) {
    var frag = document.createDocumentFragment();
    var i = quote ? text.indexOf(quote) : -1;
    if (i < 0) { frag.appendChild(document.createTextNode(text)); return frag; }
    frag.appendChild(document.createTextNode(text.slice(0, i)));
    frag.appendChild(el("mark", { text: quote }));
    frag.appendChild(document.createTextNode(text.slice(i + quote.length)));
    return frag;
  }

  function evidenceView(hit, quote, noWhere) {
    var box = el("div", { cls: "evidence", role: "region", "aria-label": "Evidence" });
    if (!noWhere) box.appendChild(el("div", { cls: "where", text: whereLine(hit) }));
    if (hit.table) {
      var t = el("table");
      t.appendChild(el("caption", { text: "Table " + hit.table.number + " — " + hit.table.title + (hit.table.group ? " (" + hit.table.group + ")" : "") }));
      var body = el("tbody");
      hit.table.columns.forEach(function (col) {
        body.appendChild(el("tr", null, [el("th", { scope: "row", text: col }), el("td", { text: hit.table.cells[col] || "" })]));
      });
      t.appendChild(body);
      box.appendChild(t);
    } else {
      var p = el("p");
      p.style.margin = "0";
      p.appendChild(highlighted(hit.text, quote));
      box.appendChild(p);
    }
    return box;
  }

  /* A hit in one or two lines: the row's cells or the passage's start. */
  function preview(hit, max) {
    var s = hit.table
      ? hit.table.columns.map(function (c) { return hit.table.cells[c] ? c + ": " + hit.table.cells[c] : ""; }).filter(Boolean).join("; ")
      : hit.text;
    s = String(s || "").replace(/\s+/g, " ").trim();
    if (s.length <= max) return s;
    var cut = s.slice(0, max);
    var sp = cut.lastIndexOf(" ");
    return (sp > max * 0.6 ? cut.slice(0, sp) : cut) + "…";
  }

  /* Bring what was just opened into view: on a phone the evidence opens below the fold. */
  function reveal(node) {
    if (!node || !node.scrollIntoView) return;
    var smooth = !(window.matchMedia && window.matchMedia("(prefers-reduced-motion: reduce)").matches);
    var log = node.closest ? node.closest(".log") : null;
    // Taller than the conversation's window (a table row on a phone): show its top, not its end.
    var tall = log && node.getBoundingClientRect().height > log.clientHeight;
    node.scrollIntoView({ block: tall ? "start" : "nearest", behavior: smooth ? "smooth" : "auto" });
  }

  /* ---------- clipboard and files ---------- */
  function copy(text, button) {
    var done = function () {
      var old = button.getAttribute("data-label") || button.textContent;
      button.setAttribute("data-label", old);
      button.textContent = "Copied";
      setTimeout(function () { button.textContent = old; }, 1500);
    };
    if (navigator.clipboard && navigator.clipboard.writeText) {
      navigator.clipboard.writeText(text).then(done, function () { fallbackCopy(text); done(); });
    } else { fallbackCopy(text); done(); }
  }
  function fallbackCopy(text) {
    var ta = el("textarea", { "aria-hidden": "true" });
    ta.value = text; ta.style.position = "fixed"; ta.style.opacity = "0";
    document.body.appendChild(ta); ta.select();
    try { document.execCommand("copy"); } catch (e) { /* nothing more to try */ }
    document.body.removeChild(ta);
  }
  function download(name, text, type, near) {
    var url = URL.createObjectURL(new Blob([text], { type: type }));
    var a = el("a", { href: url, download: name, hidden: true });
    near.appendChild(a);
    a.click();
    setTimeout(function () { URL.revokeObjectURL(url); a.remove(); }, 1000);
  }

  /* The reference numbers a text shows in its own markers: "[33, 48–51]" gives 33, 48, 49, 50, 51. */
  function markerRefs(text) {
    var out = [];
    String(text || "").replace(/\[(\d+(?:\s*[,–-]\s*\d+)*)\]/g, function (_, inner) {
      inner.split(/\s*,\s*/).forEach(function (part) {
        var ab = part.split(/\s*[–-]\s*/).map(function (x) { return parseInt(x, 10); });
        if (ab.length === 2 && ab[1] >= ab[0] && ab[1] - ab[0] <= 50) { for (var i = ab[0]; i <= ab[1]; i++) out.push(i); }
        else out.push(ab[0]);
      });
      return _;
    });
    return out;
  }

  function pick(obj, keys) {
    var out = {};
    keys.forEach(function (k) { if (obj[k]) out[k] = obj[k]; });
    return out;
  }

  function refList(nums) { return "[" + nums.join(", ") + "]"; }

  /* "…blocks angiogenesis [169]." — the references go before the sentence's final punctuation. */
  function withRefs(sentence, refs) {
    var s = String(sentence).trim();
    if (!refs.length) return s;
    var m = /([.!?;:]+["”’)]*)$/.exec(s);
    return m ? s.slice(0, m.index).replace(/\s+$/, "") + " " + refList(refs) + m[1] : s + " " + refList(refs);
  }

  function slug(s) { return String(s || "citation").toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "").slice(0, 40) || "citation"; }

  /* A cited paper as an RIS record and a CSL-JSON item, when its reference was parsed into
   * fields (a title at least); a bare reference text has its DOI link instead. */
  function paperRecords(n, c) {
    if (!c || !c.title) return null;
    var authors = Array.isArray(c.authors) ? c.authors.filter(Boolean).map(String) : [];
    var ris = [["TY", "JOUR"]].concat(authors.map(function (a) { return ["AU", a]; }));
    [["TI", c.title], ["T2", c.journal], ["PY", c.year], ["VL", c.volume], ["SP", c.pages], ["DO", c.doi],
     ["AN", c.pmid ? "PMID:" + c.pmid : ""]].forEach(function (f) { if (f[1]) ris.push([f[0], String(f[1]).replace(/\s+/g, " ")]); });
    ris.push(["ER", ""]);
    var item = { id: "ref-" + n, type: "article-journal", title: String(c.title) };
    if (authors.length) {
      item.author = authors.map(function (a) {
        var i = a.indexOf(",");
        return i >= 0 ? { family: a.slice(0, i).trim(), given: a.slice(i + 1).trim() } : { literal: a };
      });
    }
    if (c.journal) item["container-title"] = String(c.journal);
    if (c.volume) item.volume = String(c.volume);
    if (c.pages) item.page = String(c.pages);
    if (c.doi) item.DOI = String(c.doi);
    if (c.pmid) item.PMID = String(c.pmid);
    var year = parseInt(c.year, 10);
    if (year) item.issued = { "date-parts": [[year]] };
    return { ris: ris.map(function (f) { return f[0] + "  - " + f[1] + "\r\n"; }).join(""), csl: item };
  }

  /* An "Export citation ▾" menu: the document's cite_as (BibTeX, RIS, CSL-JSON), the RIS and
   * CSL-JSON files holding the cited papers too where their references are known. */
  function exportMenu(citeAs, name, getPapers) {
    if (!citeAs || !(citeAs.bibtex || citeAs.ris || citeAs.csl)) return null;
    var extra = [], plus = "";
    var menu = el("details", { cls: "menu" });
    var summary = el("summary", { text: "Export citation" });
    var items = el("div", { cls: "items", role: "group", "aria-label": "Citation formats" });
    if (citeAs.bibtex) {
      var bib = el("button", { type: "button", text: "Copy BibTeX" });
      bib.addEventListener("click", function () { copy(citeAs.bibtex, bib); });
      items.appendChild(bib);
    }
    var risBtn = null, cslBtn = null;
    if (citeAs.ris) {
      items.appendChild(risBtn = el("button", { type: "button", text: "Download RIS (.ris)", onclick: function () {
        var text = [citeAs.ris].concat(extra.map(function (x) { return x.ris; })).join("\r\n");
        download(name + ".ris", text, "application/x-research-info-systems", menu); menu.open = false; } }));
    }
    if (citeAs.csl) {
      items.appendChild(cslBtn = el("button", { type: "button", text: "Download CSL-JSON (.json)", onclick: function () {
        var list = [citeAs.csl].concat(extra.map(function (x) { return x.csl; }));
        download(name + ".json", JSON.stringify(list, null, 2) + "\n", "application/vnd.citationstyles.csl+json", menu); menu.open = false; } }));
    }
    menu.appendChild(summary);
    menu.appendChild(items);
    // What the cited papers add is known when the menu opens (their fields may arrive later).
    menu.addEventListener("toggle", function () {
      if (!menu.open) return;
      var papers = getPapers ? getPapers() : {};
      extra = Object.keys(papers).map(function (n) { return paperRecords(n, papers[n]); }).filter(Boolean);
      plus = extra.length ? ", with " + extra.length + " cited paper" + (extra.length > 1 ? "s" : "") : "";
      if (risBtn) risBtn.textContent = "Download RIS (.ris" + plus + ")";
      if (cslBtn) cslBtn.textContent = "Download CSL-JSON (.json" + plus + ")";
    });
    return menu;
  }

  /* ---------- the widget ---------- */
  function Widget(host) {
    var root = host.attachShadow ? host.attachShadow({ mode: "open" }) : host;
    root.appendChild(el("style", { text: CSS }));
    var wrap = el("div", { cls: "qa " + MODE });
    root.appendChild(wrap);
    this.root = root;
    var self = this;
    this.mode = "ask";
    this.limits = DEFAULT_LIMITS;
    this.docs = [];
    this.doc = null;           // the picked document's id, when there are several
    this.accepts = {};         // request fields this service accepts beyond the basics ("doc")
    this.drafts = { ask: "", cite: "" };
    this.busy = { ask: false, cite: false };

    var panelId = nextId("panel");
    if (MODE === "embed") {
      this.launcher = el("button", { cls: "launcher", type: "button", "aria-expanded": "false", "aria-controls": panelId, text: data.label || "Ask the document",
        onclick: function () { self.toggle(); } });
      wrap.appendChild(this.launcher);
    }
    var titleId = nextId("title");
    this.panel = el("section", { cls: "panel", id: panelId, role: MODE === "embed" ? "dialog" : "region", "aria-labelledby": titleId, hidden: MODE === "embed" });
    this.title = el("h2", { id: titleId, text: "Ask the document" });
    this.sub = el("span", { cls: "sub" });
    this.picker = el("select", { "aria-label": "Document to ask", hidden: true, onchange: function () { self.pickDoc(self.picker.value || null, true); } });
    var head = el("header", null, [el("div", { cls: "titles" }, [this.title, this.sub, this.picker])]);
    if (MODE === "embed") head.appendChild(el("button", { cls: "close", type: "button", "aria-label": "Close", text: "×", onclick: function () { self.toggle(false); } }));
    this.panel.appendChild(head);

    var tabs = el("div", { cls: "tabs", role: "tablist", "aria-label": "Mode" });
    this.tabs = {};
    this.logs = {};
    [["ask", "Ask"], ["cite", "Find citations"]].forEach(function (t) {
      var tabId = nextId("tab"), logId = nextId("log");
      self.tabs[t[0]] = el("button", { id: tabId, role: "tab", type: "button", "aria-controls": logId, "aria-selected": String(t[0] === "ask"),
        tabindex: t[0] === "ask" ? "0" : "-1", text: t[1], onclick: function () { self.setMode(t[0]); } });
      tabs.appendChild(self.tabs[t[0]]);
      // One conversation per tab: its own log, kept while the other tab is in use.
      self.logs[t[0]] = el("div", { id: logId, cls: "log", role: "log", "aria-live": "polite", "aria-relevant": "additions",
        "aria-label": t[0] === "ask" ? "Questions and answers" : "Citation checks", hidden: t[0] !== "ask" });
    });
    tabs.addEventListener("keydown", function (e) {
      if (e.key === "ArrowRight" || e.key === "ArrowLeft") { self.setMode(self.mode === "ask" ? "cite" : "ask"); self.tabs[self.mode].focus(); e.preventDefault(); }
    });
    this.panel.appendChild(tabs);
    this.panel.appendChild(this.logs.ask);
    this.panel.appendChild(this.logs.cite);
    this.status = el("div", { cls: "status", role: "status", "aria-live": "polite" });
    this.panel.appendChild(this.status);

    var inputId = nextId("input"), limitId = nextId("limit");
    this.label = el("label", { cls: "vh", "for": inputId, text: "Your question" });
    this.input = el("textarea", { id: inputId, rows: "1", placeholder: "Ask a question…", "aria-describedby": limitId });
    this.input.addEventListener("keydown", function (e) {
      if (e.key === "Enter" && !e.shiftKey && !e.isComposing) { e.preventDefault(); self.submit(); }
      if (e.key === "Escape" && MODE === "embed") { self.toggle(false); }
    });
    this.input.addEventListener("input", function () {
      self.input.style.height = "auto"; self.input.style.height = Math.min(self.input.scrollHeight, 140) + "px";
      self.checkLength();
    });
    this.sendBtn = el("button", { cls: "send", type: "submit", text: "Send" });
    var form = el("form", { onsubmit: function (e) { e.preventDefault(); self.submit(); } }, [this.label, this.input, this.sendBtn]);
    this.limitMsg = el("div", { id: limitId, cls: "limit", role: "alert", hidden: true });
    this.panel.appendChild(form);
    this.panel.appendChild(this.limitMsg);
    this.count = el("span", { cls: "count", "aria-hidden": "true" });
    this.hint = el("div", { cls: "hint" }, [el("span", { text: "Enter sends · Shift+Enter adds a line" }), this.count]);
    this.panel.appendChild(this.hint);
    wrap.appendChild(this.panel);
    this.intro("ask");
    this.intro("cite");
    this.setMode("ask", true);
    if (MODE === "embed") {
      this.panel.addEventListener("keydown", function (e) { if (e.key === "Escape") self.toggle(false); });
    }
    this.ready = this.load();
  }

  /* What the page shows comes from the service: documents (title, citation, examples), limits,
   * and whether /ask and /cite take a `doc` field (from the OpenAPI schema). */
  Widget.prototype.load = function () {
    var self = this;
    var limits = get("/limits").then(function (l) {
      var out = {};
      Object.keys(DEFAULT_LIMITS).forEach(function (k) { out[k] = (l && l[k] > 0) ? l[k] : DEFAULT_LIMITS[k]; });
      self.limits = out;
    }, function () { /* an older service: the defaults are what it accepts */ });
    var docs = this.loadDocs(0);
    return Promise.all([limits, docs]).then(function () { self.checkLength(); });
  };

  Widget.prototype.loadDocs = function (attempt) {
    var self = this;
    return get("/documents").then(function (res) {
      self.docs = (res && res.documents) || [];
      if (self.docs.length > 1) {
        self.picker.textContent = "";
        self.picker.appendChild(el("option", { value: "", text: "All " + self.docs.length + " documents" }));
        self.docs.forEach(function (d) { self.picker.appendChild(el("option", { value: d.id, text: d.title || d.id })); });
        self.picker.hidden = false;
        return get("/openapi.json").then(function (spec) {
          var s = (spec && spec.components && spec.components.schemas) || {};
          self.accepts.askDoc = !!(s.AskRequest && s.AskRequest.properties && s.AskRequest.properties.doc);
          self.accepts.citeDoc = !!(s.CiteRequest && s.CiteRequest.properties && s.CiteRequest.properties.doc);
        }, function () {});
      }
    }, function (err) {
      // The index is still loading (503): ask again in the background; the page works meanwhile.
      if (err && err.status === 503 && attempt < 60) setTimeout(function () { self.loadDocs(attempt + 1); }, 2000);
    }).then(function () { self.showDoc(); });
  };

  Widget.prototype.currentDoc = function () {
    var self = this;
    if (this.docs.length === 1) return this.docs[0];
    return this.docs.filter(function (d) { return d.id === self.doc; })[0] || null;
  };

  Widget.prototype.pickDoc = function (id, fromUser) {
    this.doc = id && this.docs.some(function (d) { return d.id === id; }) ? id : null;
    this.picker.value = this.doc || "";
    this.showDoc();
    if (fromUser) this.updateUrl(null);
  };

  Widget.prototype.showDoc = function () {
    var d = this.currentDoc();
    var many = this.docs.length > 1;
    this.title.textContent = d ? (d.title || d.id) : many ? "Ask " + this.docs.length + " documents" : "Ask the document";
    this.sub.textContent = "";
    if (d) {
      var b = byline(d);
      if (b) this.sub.appendChild(document.createTextNode(b));
      var doi = d.meta && d.meta.doi;
      if (doi) {
        if (b) this.sub.appendChild(document.createTextNode(" · "));
        this.sub.appendChild(el("a", { href: doiHref(doi), target: "_blank", rel: "noopener noreferrer", text: "doi:" + doi }));
      }
      if (d.meta && d.meta.license) this.sub.appendChild(document.createTextNode(" · " + d.meta.license));
    } else if (many) {
      this.sub.textContent = "Pick a document, or ask them all.";
    }
    if (MODE === "page" && d) document.title = "Ask — " + (d.title || d.id);
    if (this.launcher && !data.label) this.launcher.textContent = many ? "Ask the documents" : "Ask the document";
    this.intro("ask");
    this.intro("cite");
  };

  Widget.prototype.examples = function () {
    var d = this.currentDoc();
    var pool = d ? [d] : this.docs;
    var out = [];
    pool.forEach(function (doc) {
      (doc.examples || []).forEach(function (q) { if (typeof q === "string" && q && out.indexOf(q) < 0) out.push(q); });
    });
    return out.slice(0, 4);
  };

  /* The start of a conversation (shown until the first question in that tab). */
  Widget.prototype.intro = function (mode) {
    var self = this;
    var log = this.logs[mode];
    if (log.querySelector(".q")) return;
    log.textContent = "";
    var box = el("div", { cls: "intro" });
    if (mode === "ask") {
      var ex = this.examples();
      box.appendChild(el("p", { text: "Ask about a finding, a method, a number or a row of one of the tables; answers quote the document and cite its references." + (ex.length ? " Try:" : "") }));
      ex.forEach(function (q) {
        box.appendChild(el("button", { type: "button", text: q, onclick: function () { self.setMode("ask"); self.input.value = q; self.submit(); } }));
      });
    } else {
      box.appendChild(el("p", { text: "Paste a sentence or paragraph you are writing. Each sentence is checked against the document: supported (with the references to cite), contradicted (with the reason), or not in the document." }));
    }
    log.appendChild(box);
  };

  Widget.prototype.toggle = function (open) {
    if (MODE !== "embed") return;
    var willOpen = open === undefined ? this.panel.hidden : open;
    this.panel.hidden = !willOpen;
    this.launcher.setAttribute("aria-expanded", String(willOpen));
    if (willOpen) this.input.focus(); else this.launcher.focus();
  };

  Widget.prototype.setMode = function (mode, keepUrl) {
    if (this.mode !== mode) {
      this.drafts[this.mode] = this.input.value;
      this.input.value = this.drafts[mode] || "";
    }
    this.mode = mode;
    var self = this;
    ["ask", "cite"].forEach(function (m) {
      self.tabs[m].setAttribute("aria-selected", String(m === mode));
      self.tabs[m].setAttribute("tabindex", m === mode ? "0" : "-1");
      self.logs[m].hidden = m !== mode;
    });
    this.label.textContent = mode === "ask" ? "Your question" : "Text to find citations for";
    this.input.placeholder = mode === "ask" ? "Ask a question…" : "Paste a sentence or paragraph you are writing…";
    this.sendBtn.textContent = mode === "ask" ? "Send" : "Check";
    this.showBusy();
    this.checkLength();
    if (!keepUrl && MODE === "page") this.updateUrl(null);
  };

  Widget.prototype.limit = function () {
    return this.mode === "ask" ? this.limits.max_query_chars : this.limits.max_cite_chars;
  };

  /* The box takes what the service takes: a counter near the limit, a message past it. */
  Widget.prototype.checkLength = function () {
    var n = this.input.value.trim().length, max = this.limit();
    var over = n > max;
    this.count.textContent = n >= max * 0.8 ? fmt(n) + " / " + fmt(max) : "";
    this.count.className = over ? "count over" : "count";
    this.input.setAttribute("aria-invalid", String(over));
    this.limitMsg.hidden = !over;
    // Worded without the running count, so a screen reader announces it once, not per keystroke.
    var msg = !over ? "" : this.mode === "ask"
      ? "Questions can be up to " + fmt(max) + " characters; this one is longer. Shorten it to ask" +
        (n <= this.limits.max_cite_chars ? ", or paste it into Find citations to check it sentence by sentence." : ".")
      : "Find citations checks up to " + fmt(max) + " characters at a time; this text is longer. Check it in parts.";
    if (this.limitMsg.textContent !== msg) this.limitMsg.textContent = msg;
    this.sendBtn.disabled = over || this.busy[this.mode];
    return !over;
  };

  Widget.prototype.showBusy = function () {
    var busy = this.busy[this.mode];
    this.sendBtn.disabled = busy || this.input.value.trim().length > this.limit();
    this.logs[this.mode].setAttribute("aria-busy", String(busy));
    this.status.textContent = busy ? (this.mode === "ask" ? "Searching the document" : "Checking each sentence") : "";
    this.status.className = busy ? "status dots" : "status";
  };

  /* The address of this question or check on the service's own chat page. */
  Widget.prototype.permalink = function (mode, text) {
    var p = new URLSearchParams();
    if (mode === "cite") { p.set("tab", "cite"); if (text) p.set("text", text); } else if (text) p.set("q", text);
    if (this.doc) p.set("doc", this.doc);
    var qs = p.toString();
    var base = MODE === "page" ? location.origin + location.pathname : API + "/";
    return base + (qs ? "?" + qs : "");
  };

  /* The page's address follows what is shown, so it can be bookmarked or shared. */
  Widget.prototype.updateUrl = function (text) {
    if (MODE !== "page" || !window.history || !history.replaceState) return;
    var url = this.permalink(this.mode, text);
    if (url.length > 4000) url = this.permalink(this.mode, null); // a long draft stays out of the address
    history.replaceState(null, "", url);
  };

  Widget.prototype.submit = function (textArg) {
    var mode = this.mode;
    var text = (textArg !== undefined ? textArg : this.input.value).trim();
    if (!text || this.busy[mode]) return;
    if (textArg === undefined && !this.checkLength()) { this.input.focus(); return; }
    var log = this.logs[mode];
    var intro = log.querySelector(".intro");
    if (intro) intro.remove();
    var bubble = el("div", { cls: "q", text: text });
    log.appendChild(bubble);
    log.scrollTop = log.scrollHeight;
    if (textArg === undefined) { this.input.value = ""; this.input.style.height = ""; this.drafts[mode] = ""; }
    this.busy[mode] = true;
    this.showBusy();
    this.checkLength();
    this.updateUrl(text);
    var self = this;
    var req;
    if (mode === "ask") {
      var body = { question: text };
      if (this.doc && this.accepts.askDoc) body.doc = this.doc;
      req = post("/ask", body);
    } else {
      var cbody = { text: text };
      if (this.doc && this.accepts.citeDoc) cbody.doc = this.doc;
      req = post("/cite", cbody);
    }
    req.then(function (res) {
      log.appendChild(mode === "ask" ? self.answerView(res, text) : self.citeView(res, text));
    }, function (err) {
      log.appendChild(self.errorView(err));
    }).then(function () {
      self.busy[mode] = false;
      if (self.mode === mode) { self.showBusy(); self.checkLength(); }
      // The question at the top and the answer below it: a long answer is read from its start.
      log.scrollTop = bubble.getBoundingClientRect().top - log.getBoundingClientRect().top + log.scrollTop - 8;
      if (self.mode === mode) self.input.focus();
    });
  };

  Widget.prototype.errorView = function (err) {
    var kind = err && err.kind;
    var msg;
    if (kind === "cors") {
      msg = "Sorry — " + err.message + ". The service answers, but it does not allow requests from this site. " +
            "If you run this site, ask the service's administrator to add " + location.origin + " to its allowed origins (QA_CORS_ORIGINS).";
    } else if (kind === "network") {
      msg = "Sorry — " + err.message + ". Check your connection and try again; your conversation is kept.";
    } else if (kind === "timeout") {
      msg = "Sorry — " + err.message + ". Try again in a moment; your conversation is kept.";
    } else {
      msg = "Sorry — the service could not answer: " + ((err && err.message) || "unknown error") + ".";
    }
    return el("div", { cls: "a error" + (kind ? " " + kind : ""), role: "alert", text: msg });
  };

  /* Merges the parsed fields of each cited paper (GET /documents/{id}/references) into `papers`. */
  Widget.prototype.enrich = function (papers) {
    var self = this;
    this.refCache = this.refCache || {};
    var docs = [];
    Object.keys(papers).forEach(function (n) { var d = papers[n].doc; if (d && docs.indexOf(d) < 0) docs.push(d); });
    return Promise.all(docs.map(function (d) {
      if (!self.refCache[d]) {
        self.refCache[d] = get("/documents/" + encodeURIComponent(d) + "/references").then(function (r) {
          var byN = {};
          ((r && r.references) || []).forEach(function (e) { byN[e.n] = e; });
          return byN;
        }, function () { return {}; });
      }
      return self.refCache[d].then(function (byN) {
        Object.keys(papers).forEach(function (n) {
          var p = papers[n], e = byN[n];
          if (p.doc !== d || !e) return;
          ["title", "authors", "year", "journal", "volume", "pages", "pmid", "doi"].forEach(function (k) {
            if (e[k] && (Array.isArray(e[k]) ? e[k].length : true) && !p[k]) p[k] = e[k];
          });
        });
      });
    }));
  };

  Widget.prototype.docFor = function (res) {
    var first = (res.results || [])[0];
    var id = first && first.doc && first.doc.id;
    return this.docs.filter(function (d) { return d.id === id; })[0] || this.currentDoc();
  };

  Widget.prototype.citationOf = function (res) {
    if (res.cite_as && res.cite_as.text) return res.cite_as.text;
    return citationText(this.docFor(res));
  };

  /* ---------- Ask ---------- */
  Widget.prototype.answerView = function (res, question) {
    if (res.status === "not_found") return this.notFoundView(res, question);
    var self = this;
    var box = el("div", { cls: "a" });
    if (res.did_you_mean) {
      box.appendChild(el("p", { cls: "note", text: "Answered as “" + res.did_you_mean + "” (spelling corrected)." }));
    }
    var hits = {};
    (res.results || []).forEach(function (h) { hits[h.id] = h; });
    var papers = citedIndex(res.results);
    var byRef = {};
    (res.citations || []).forEach(function (c) {
      c.refs.forEach(function (r) { (byRef[r] = byRef[r] || []).push(c); });
    });
    var body = el("div");
    var evidence = el("div");
    var current = null;
    // Split the answer around its reference markers: text stays text, markers become chips.
    var re = /\[(\d+(?:\s*[,–-]\s*\d+)*)\]/g;
    var last = 0, m;
    var answer = String(res.answer || "");
    while ((m = re.exec(answer)) !== null) {
      body.appendChild(document.createTextNode(answer.slice(last, m.index)));
      var nums = m[1].split(/\s*,\s*/);
      nums.forEach(function (n, k) {
        var ref = parseInt(n, 10);
        var cites = byRef[ref] || [];
        var paper = papers[ref];
        var chip = el("button", { cls: "chip", type: "button", "aria-expanded": "false", text: "[" + n + "]", "data-ref": ref,
          title: paper ? paperLabel(paper) : null,
          "aria-label": "Show evidence for reference " + n + (paper ? ": " + paperLabel(paper) : "") });
        chip.addEventListener("click", function () {
          if (current === chip) { evidence.textContent = ""; chip.setAttribute("aria-expanded", "false"); current = null; return; }
          if (current) current.setAttribute("aria-expanded", "false");
          current = chip; chip.setAttribute("aria-expanded", "true");
          evidence.textContent = "";
          if (papers[ref]) evidence.appendChild(paperView(ref, papers[ref]));
          var seen = {};
          cites.forEach(function (c) {
            if (seen[c.hit_id]) return; seen[c.hit_id] = true;
            var hit = hits[c.hit_id];
            if (hit) evidence.appendChild(evidenceView(hit, c.quote));
          });
          if (!evidence.firstChild) evidence.appendChild(el("div", { cls: "evidence", text: "Reference " + n + " is cited by the document here." }));
          reveal(evidence);
        });
        if (k > 0) body.appendChild(document.createTextNode(" "));
        body.appendChild(chip);
      });
      last = re.lastIndex;
    }
    body.appendChild(document.createTextNode(answer.slice(last)));
    box.appendChild(body);

    var refs = [];
    (res.citations || []).forEach(function (c) { c.refs.forEach(function (r) { if (refs.indexOf(r) < 0) refs.push(r); }); });
    var source = this.citationOf(res);
    var copyAnswer = el("button", { type: "button", text: "Copy answer" });
    copyAnswer.addEventListener("click", function () { copy(self.answerMarkdown(question, res, refs, papers, hits), copyAnswer); });
    var copyCite = el("button", { type: "button", text: "Copy citation" });
    copyCite.addEventListener("click", function () { copy((refs.length ? refList(refs) + " as cited in " : "") + source, copyCite); });
    var link = el("button", { type: "button", text: "Copy link" });
    link.addEventListener("click", function () { copy(self.permalink("ask", question), link); });
    var name = (res.cite_as && res.cite_as.csl && res.cite_as.csl.id) || slug(source);
    box.appendChild(el("div", { cls: "actions" }, [copyAnswer, copyCite, exportMenu(res.cite_as, name, function () { return pick(papers, refs); }), link]));
    // The hits carry each cited paper's reference text; its parsed fields (title, authors, year)
    // come from the document's reference list, read once per document.
    this.enrich(papers).then(function () {
      [].forEach.call(body.querySelectorAll(".chip[data-ref]"), function (chip) {
        var p = papers[chip.getAttribute("data-ref")];
        if (!p) return;
        chip.title = paperLabel(p);
        chip.setAttribute("aria-label", "Show evidence for reference " + chip.getAttribute("data-ref") + ": " + paperLabel(p));
      });
    });
    box.appendChild(evidence);
    return box;
  };

  /* The answer as Markdown: question, answer, the quoted evidence, the references. */
  Widget.prototype.answerMarkdown = function (question, res, refs, papers, hits) {
    var lines = ["**Q:** " + question, "", String(res.answer || "").trim(), ""];
    var seen = {};
    var quotes = [];
    (res.citations || []).forEach(function (c) {
      if (!c.quote || seen[c.quote]) return; seen[c.quote] = true;
      var hit = hits[c.hit_id];
      var where = hit ? whereLine(hit, false) : "";
      quotes.push("> " + c.quote.replace(/\s+/g, " ") + (c.refs.length ? " " + refList(c.refs) : "") + (where ? " — " + where : ""));
    });
    if (quotes.length) { lines.push("**Evidence**", ""); quotes.forEach(function (q) { lines.push(q, ""); }); }
    var source = this.citationOf(res);
    if (refs.length) {
      lines.push("**References** " + refList(refs) + " as numbered in: " + source);
      refs.forEach(function (n) {
        var p = papers[n];
        if (p) lines.push("- [" + n + "] " + (p.text || paperLabel(p)) + (p.doi ? " " + doiHref(p.doi) : ""));
      });
    } else if (source) {
      lines.push("**Source:** " + source);
    }
    return lines.join("\n").replace(/\n{3,}/g, "\n\n").trim() + "\n";
  };

  /* "Not covered" is never a dead end: the corrected question, the closest passages, and how to rephrase. */
  Widget.prototype.notFoundView = function (res, question) {
    var self = this;
    var box = el("div", { cls: "a notfound" }, [el("span", { cls: "tag", text: "Not covered by the document" }), el("span", { text: res.answer })]);
    if (res.did_you_mean && res.did_you_mean !== question) {
      var again = el("button", { type: "button", text: res.did_you_mean, "aria-label": "Ask instead: " + res.did_you_mean,
        onclick: function () { self.setMode("ask"); self.submit(res.did_you_mean); } });
      box.appendChild(el("p", { cls: "suggest" }, ["Did you mean ", again, "?"]));
    }
    var closest = (res.results || []).slice(0, 3);
    if (closest.length) {
      box.appendChild(el("p", { cls: "rephrase", text: "The closest passages (they may not answer your question):" }));
      var list = el("ul", { cls: "closest" });
      closest.forEach(function (h) {
        var item = el("li");
        var slot = el("div");
        var more = el("button", { cls: "link-btn", type: "button", "aria-expanded": "false", text: "Show" });
        more.addEventListener("click", function () {
          var open = more.getAttribute("aria-expanded") === "true";
          slot.textContent = "";
          more.setAttribute("aria-expanded", String(!open));
          more.textContent = open ? "Show" : "Hide";
          if (!open) { slot.appendChild(evidenceView(h, null, true)); reveal(slot); }
        });
        item.appendChild(el("div", { text: preview(h, 220) }));
        item.appendChild(el("div", { cls: "where" }, [whereLine(h) + " · ", more]));
        item.appendChild(slot);
        list.appendChild(item);
      });
      box.appendChild(list);
    }
    box.appendChild(el("p", { cls: "rephrase", text: "Try rephrasing: use the document's own terms (a cell source, molecule, disease or method), split a long question in two, or check the spelling." }));
    return box;
  };

  /* ---------- Find citations ---------- */
  /* The /cite fields this view needs, from the verdict fields when the service has them and
   * from the older `supports` list when not. */
  function verdictOf(s) {
    if (s.verdict) {
      return { verdict: VERDICTS[s.verdict] ? s.verdict : "not_found", confidence: typeof s.confidence === "number" ? s.confidence : null,
               reason: s.reason || null, evidence: s.evidence || null, refs: s.refs || [] };
    }
    var sup = s.supports || [];
    var refs = [];
    sup.forEach(function (x) { (x.refs || []).forEach(function (r) { if (refs.indexOf(r) < 0) refs.push(r); }); });
    return { verdict: sup.length ? "supported" : "not_found", confidence: null, reason: null, evidence: sup[0] || null, refs: refs };
  }

  function confidenceWord(c) { return c >= 0.75 ? "high confidence" : c >= 0.5 ? "medium confidence" : "low confidence"; }

  Widget.prototype.citeView = function (res, draft) {
    var self = this;
    var box = el("div", { cls: "a cite" });
    var items = (res.sentences || []).map(function (s) { return { s: s, v: verdictOf(s) }; });
    var counts = { supported: 0, contradicted: 0, not_found: 0 };
    items.forEach(function (it) { counts[it.v.verdict] += 1; });
    var n = items.length;
    var parts = [];
    if (counts.supported) parts.push(counts.supported + " supported");
    if (counts.contradicted) parts.push(counts.contradicted + " contradicted");
    if (counts.not_found) parts.push(counts.not_found + " not in the document");
    box.appendChild(el("p", { cls: "summary", text: n + (n === 1 ? " sentence" : " sentences") + (parts.length ? ": " + parts.join(", ") + "." : ".") }));
    var source = this.citationOf(res);
    var papers = {};
    items.forEach(function (it) { if (it.v.evidence && it.v.evidence.hit) { var p = citedIndex([it.v.evidence.hit]); Object.keys(p).forEach(function (k) { papers[k] = papers[k] || p[k]; }); } });

    var list = el("ol", { cls: "sents" });
    items.forEach(function (it) {
      var s = it.s, v = it.v;
      var li = el("li", { cls: "sent verdict-" + v.verdict });
      var badge = el("span", { cls: "badge " + VERDICTS[v.verdict].cls, text: VERDICTS[v.verdict].label });
      var text = el("span", { cls: "text" }, [badge, s.text]);
      if (v.confidence !== null) {
        text.appendChild(el("span", { cls: "conf", text: "(" + confidenceWord(v.confidence) + ")",
          title: "How sure the check is: " + v.confidence.toFixed(2) + " on a 0–1 scale" }));
      }
      var copyBtn = el("button", { cls: "copy", type: "button", text: "Copy", "aria-label": "Copy this sentence" + (v.refs.length ? " with its references" : "") });
      copyBtn.addEventListener("click", function () { copy(self.sentenceCopy(s.text, v, source, papers), copyBtn); });
      li.appendChild(el("div", { cls: "line" }, [text, copyBtn]));
      if (v.verdict === "supported" && v.refs.length) {
        var cite = el("div", { cls: "detail" }, ["Cite " + refList(v.refs)]);
        v.refs.forEach(function (r) { if (papers[r]) cite.appendChild(paperView(r, papers[r])); });
        li.appendChild(cite);
      }
      if (v.verdict === "contradicted" && v.reason) li.appendChild(el("div", { cls: "detail reason", text: "Why: " + v.reason }));
      if (v.evidence && v.verdict !== "not_found") {
        var ev = v.evidence;
        var evRefs = ev.refs || [];
        // The refs are shown once per sentence: beside the quote only when neither the quote's own
        // markers nor the "Cite" list already show them.
        var inQuote = markerRefs(ev.quote);
        var showRefs = evRefs.length && !evRefs.every(function (r) { return inQuote.indexOf(r) >= 0; }) &&
          (v.verdict !== "supported" || evRefs.join() !== v.refs.join());
        var q = el("div", { cls: "quote" }, [
          el("div", { text: (v.verdict === "contradicted" ? "The document says: " : "") + "“" + ev.quote + "”" + (showRefs ? " " + refList(evRefs) : "") }),
          ev.hit ? el("div", { cls: "where", text: whereLine(ev.hit, false) }) : null
        ]);
        li.appendChild(q);
      }
      if (v.verdict === "not_found") li.appendChild(el("div", { cls: "detail", text: "Nothing in the document addresses this sentence; no reference to offer." }));
      list.appendChild(li);
    });
    box.appendChild(list);

    var actions = el("div", { cls: "actions" });
    if (counts.supported) {
      var all = el("button", { type: "button", text: "Copy text with citations" });
      all.addEventListener("click", function () {
        var body = items.map(function (it) { return withRefs(it.s.text, it.v.verdict === "supported" ? it.v.refs : []); }).join(" ");
        copy(body + "\n\nReference numbers as in: " + source + "\n", all);
      });
      actions.appendChild(all);
    }
    var menu = exportMenu(res.cite_as, (res.cite_as && res.cite_as.csl && res.cite_as.csl.id) || slug(source), function () { return pick(papers, res.refs || []); });
    if (menu) actions.appendChild(menu);
    if (draft && draft.length <= 1500) {
      var link = el("button", { type: "button", text: "Copy link" });
      link.addEventListener("click", function () { copy(self.permalink("cite", draft), link); });
      actions.appendChild(link);
    }
    if (actions.firstChild) box.appendChild(actions);
    if (source) box.appendChild(el("p", { cls: "note", style: "margin-top:8px", text: "Reference numbers are those of " + source }));
    return box;
  };

  Widget.prototype.sentenceCopy = function (text, v, source, papers) {
    if (v.verdict === "supported") {
      var out = withRefs(text, v.refs);
      var known = v.refs.filter(function (r) { return papers[r]; }).map(function (r) { var p = papers[r]; return "[" + r + "] " + (p.text || paperLabel(p)) + (p.doi ? " " + doiHref(p.doi) : ""); });
      return out + "\n\n" + (known.length ? known.join("\n") + "\n" : "") + "Reference numbers as in: " + source + "\n";
    }
    if (v.verdict === "contradicted") {
      var ev = v.evidence;
      return text + "\n\nContradicted by the document" + (v.reason ? ": " + v.reason : "") +
        (ev && ev.quote ? "\n“" + ev.quote + "”" + ((ev.refs || []).length ? " " + refList(ev.refs) : "") : "") + "\n" + source + "\n";
    }
    return text + "\n\nNot in the document: " + source + "\n";
  };

  /* ---------- start-up ---------- */
  Widget.prototype.fromUrl = function () {
    if (MODE !== "page") return;
    var p = new URLSearchParams(location.search);
    var hash = location.hash.replace(/^#/, "");
    if (p.get("doc")) this.pickDoc(p.get("doc"), false);
    var tab = p.get("tab") || (hash === "cite" || hash === "ask" ? hash : null);
    var q = p.get("q"), text = p.get("text");
    if (tab === "cite" || (text && !q)) {
      this.setMode("cite", true);
      if (text) { this.input.value = text; this.submit(); }
    } else if (q) {
      this.setMode("ask", true);
      this.input.value = q;
      this.submit();
    }
  };

  function start() {
    var host;
    if (MODE === "page") {
      host = document.getElementById(data.target || "qa-root") || document.body.appendChild(el("div"));
    } else {
      host = el("div", { "data-qa-widget": "" });
      document.body.appendChild(host);
    }
    var w = new Widget(host);
    window.qaWidget = w;
    w.ready.then(function () { w.fromUrl(); });
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start); else start();
})();
