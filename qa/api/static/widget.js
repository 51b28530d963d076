/* Ask-the-review chat widget. Plain JavaScript, no build step, no external resources.
 *
 * Embed:  <script src="https://HOST/widget.js" data-api="https://HOST"></script>
 *         adds a button that opens a chat panel (the service must list the page's origin in
 *         QA_CORS_ORIGINS).
 * Page:   <div id="qa-root"></div><script src="/widget.js" data-mode="page" data-target="qa-root"></script>
 *
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

  var CSS = [
    ":host{all:initial;display:block;height:100%}",
    "*{box-sizing:border-box}",
    ".qa{--ink:#1d2433;--muted:#5b6475;--line:#d9dee8;--bg:#fff;--soft:#f4f6fa;--brand:#1f5fbf;--brand-ink:#fff;--warn-bg:#fff6e5;--warn:#8a5a00;--err-bg:#fdecec;--err:#a42323;--hl:#fff1a8;",
    "font:15px/1.5 system-ui,-apple-system,'Segoe UI',Roboto,Helvetica,Arial,sans-serif;color:var(--ink)}",
    ".launcher{position:fixed;right:20px;bottom:20px;z-index:2147483000;border:0;border-radius:999px;padding:12px 18px;background:var(--brand);color:var(--brand-ink);font:600 15px/1 system-ui,sans-serif;box-shadow:0 6px 20px rgba(20,40,90,.25);cursor:pointer}",
    ".launcher:focus-visible,button:focus-visible,textarea:focus-visible,[role=tab]:focus-visible{outline:3px solid #f0a500;outline-offset:2px}",
    ".panel{display:flex;flex-direction:column;background:var(--bg);min-height:0}",
    ".embed .panel{position:fixed;right:20px;bottom:80px;width:420px;max-width:calc(100vw - 24px);height:640px;max-height:calc(100vh - 110px);z-index:2147483000;border:1px solid var(--line);border-radius:14px;box-shadow:0 16px 48px rgba(20,40,90,.28);overflow:hidden}",
    ".embed .panel[hidden]{display:none}",
    ".qa.page{height:100%}",
    ".page .panel{height:100%;max-width:860px;margin:0 auto;border-left:1px solid var(--line);border-right:1px solid var(--line)}",
    "header{display:flex;align-items:center;gap:10px;padding:12px 16px;border-bottom:1px solid var(--line);background:var(--soft)}",
    "header h2{font-size:16px;margin:0;flex:1}",
    "header .sub{display:block;font-weight:400;font-size:12.5px;color:var(--muted)}",
    ".close{border:0;background:transparent;font-size:22px;line-height:1;cursor:pointer;color:var(--muted);padding:4px 8px;border-radius:6px}",
    ".tabs{display:flex;gap:4px;padding:8px 12px 0;border-bottom:1px solid var(--line)}",
    "[role=tab]{border:0;background:transparent;padding:8px 12px;font:600 14px system-ui,sans-serif;color:var(--muted);border-bottom:3px solid transparent;cursor:pointer}",
    "[role=tab][aria-selected=true]{color:var(--brand);border-bottom-color:var(--brand)}",
    ".log{flex:1;overflow:auto;padding:16px;display:flex;flex-direction:column;gap:14px;min-height:0}",
    ".intro{color:var(--muted);font-size:14px}",
    ".intro button{display:block;margin-top:6px;border:1px solid var(--line);background:var(--soft);border-radius:8px;padding:6px 10px;font:14px system-ui,sans-serif;color:var(--ink);cursor:pointer;text-align:left}",
    ".q{align-self:flex-end;max-width:85%;background:var(--brand);color:var(--brand-ink);padding:8px 12px;border-radius:14px 14px 2px 14px;white-space:pre-wrap;word-wrap:break-word}",
    ".a{max-width:100%;background:var(--soft);border:1px solid var(--line);padding:10px 12px;border-radius:14px 14px 14px 2px;word-wrap:break-word}",
    ".a.notfound{background:var(--warn-bg);border-color:#f1d08a;color:var(--warn)}",
    ".a.notfound .tag{font-weight:700;display:block;margin-bottom:2px}",
    ".a.error{background:var(--err-bg);border-color:#f3b4b4;color:var(--err)}",
    ".chip{display:inline-block;border:1px solid var(--brand);color:var(--brand);background:#fff;border-radius:999px;padding:0 7px;margin:0 1px;font:600 12.5px/20px system-ui,sans-serif;cursor:pointer;vertical-align:baseline}",
    ".chip[aria-expanded=true]{background:var(--brand);color:#fff}",
    ".actions{margin-top:8px;display:flex;gap:8px;flex-wrap:wrap}",
    ".actions button{border:1px solid var(--line);background:#fff;border-radius:8px;padding:4px 10px;font:13px system-ui,sans-serif;cursor:pointer;color:var(--ink)}",
    ".evidence{margin-top:10px;background:#fff;border:1px solid var(--line);border-radius:10px;padding:10px 12px;font-size:14px}",
    ".evidence .where{color:var(--muted);font-size:12.5px;margin-bottom:6px}",
    ".evidence mark{background:var(--hl);color:inherit;padding:0 1px}",
    ".evidence table{border-collapse:collapse;width:100%;font-size:13px;margin-top:4px}",
    ".evidence caption{text-align:left;font-weight:600;margin-bottom:4px}",
    ".evidence th,.evidence td{border:1px solid var(--line);padding:4px 6px;text-align:left;vertical-align:top}",
    ".evidence th{background:var(--soft);width:34%}",
    ".status{min-height:22px;padding:0 16px;color:var(--muted);font-size:13px}",
    ".dots::after{content:'';animation:dots 1.2s steps(4,end) infinite}",
    "@keyframes dots{0%{content:''}25%{content:'.'}50%{content:'..'}75%{content:'...'}}",
    "form{display:flex;gap:8px;padding:10px 12px 12px;border-top:1px solid var(--line);align-items:flex-end}",
    "label.vh,.vh{position:absolute!important;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}",
    "textarea{flex:1;resize:none;min-height:44px;max-height:140px;border:1px solid var(--line);border-radius:10px;padding:10px 12px;font:15px/1.4 system-ui,sans-serif;color:var(--ink)}",
    ".send{border:0;border-radius:10px;background:var(--brand);color:#fff;font:600 15px system-ui,sans-serif;padding:11px 16px;cursor:pointer}",
    ".send[disabled]{opacity:.6;cursor:progress}",
    ".hint{padding:0 16px 8px;color:var(--muted);font-size:12px}",
    ".sent{margin:6px 0 2px;font-weight:600}",
    ".support{margin:6px 0 0 10px;padding-left:10px;border-left:3px solid var(--line)}",
    ".support .score{color:var(--muted);font-size:12px}",
    "@media (max-width:480px){.embed .panel{right:0;bottom:0;width:100vw;max-width:100vw;height:100vh;max-height:100vh;border-radius:0}.launcher{right:12px;bottom:12px}}"
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

  function post(path, body) {
    var ctl = new AbortController();
    var timer = setTimeout(function () { ctl.abort(); }, TIMEOUT_MS);
    return fetch(API + path, {
      method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(body), signal: ctl.signal
    }).then(function (r) {
      clearTimeout(timer);
      return r.json().catch(function () { return {}; }).then(function (j) {
        if (!r.ok) {
          var msg = (j && (j.error || j.detail)) || ("the service answered " + r.status);
          throw { kind: "http", status: r.status, message: String(msg) };
        }
        return j;
      });
    }, function (e) {
      clearTimeout(timer);
      throw { kind: "network", message: e && e.name === "AbortError" ? "the service took too long to answer" : "the service cannot be reached" };
    });
  }

  var uid = 0;
  function nextId(p) { uid += 1; return "qa-" + p + "-" + uid; }

  /* ---------- evidence rendering ---------- */
  function whereLine(hit) {
    var parts = [];
    if (hit.table) {
      parts.push("Table " + hit.table.number + ": " + hit.table.title);
      if (hit.table.group) parts.push(hit.table.group);
    } else if (hit.section && hit.section.length) {
      parts.push("Section: " + hit.section.join(" › "));
    }
    if (hit.page) parts.push("page " + hit.page);
    if (hit.refs && hit.refs.length) parts.push("refs [" + hit.refs.join(", ") + "]");
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

  function evidenceView(hit, quote) {
    var box = el("div", { cls: "evidence", role: "region", "aria-label": "Evidence" });
    box.appendChild(el("div", { cls: "where", text: whereLine(hit) }));
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

  function copy(text, button) {
    var done = function () { var old = button.textContent; button.textContent = "Copied"; setTimeout(function () { button.textContent = old; }, 1500); };
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

  /* ---------- the widget ---------- */
  function Widget(host) {
    var root = host.attachShadow ? host.attachShadow({ mode: "open" }) : host;
    root.appendChild(el("style", { text: CSS }));
    var wrap = el("div", { cls: "qa " + MODE });
    root.appendChild(wrap);
    this.root = root;
    var self = this;
    this.mode = "ask";
    this.busy = false;

    var panelId = nextId("panel");
    if (MODE === "embed") {
      this.launcher = el("button", { cls: "launcher", type: "button", "aria-expanded": "false", "aria-controls": panelId, text: "Ask the review",
        onclick: function () { self.toggle(); } });
      wrap.appendChild(this.launcher);
    }
    var titleId = nextId("title");
    this.panel = el("section", { cls: "panel", id: panelId, role: MODE === "embed" ? "dialog" : "region", "aria-labelledby": titleId, hidden: MODE === "embed" });
    var head = el("header", null, [
      el("h2", { id: titleId }, ["Ask the review", el("span", { cls: "sub", text: "MSC-derived exosomes in regenerative medicine and cancer (Hassanzadeh et al. 2021)" })])
    ]);
    if (MODE === "embed") head.appendChild(el("button", { cls: "close", type: "button", "aria-label": "Close", text: "×", onclick: function () { self.toggle(false); } }));
    this.panel.appendChild(head);

    var tabs = el("div", { cls: "tabs", role: "tablist", "aria-label": "Mode" });
    this.tabAsk = el("button", { role: "tab", type: "button", "aria-selected": "true", text: "Ask", onclick: function () { self.setMode("ask"); } });
    this.tabCite = el("button", { role: "tab", type: "button", "aria-selected": "false", tabindex: "-1", text: "Find citations", onclick: function () { self.setMode("cite"); } });
    tabs.addEventListener("keydown", function (e) {
      if (e.key === "ArrowRight" || e.key === "ArrowLeft") { self.setMode(self.mode === "ask" ? "cite" : "ask"); (self.mode === "ask" ? self.tabAsk : self.tabCite).focus(); e.preventDefault(); }
    });
    tabs.appendChild(this.tabAsk); tabs.appendChild(this.tabCite);
    this.panel.appendChild(tabs);

    this.log = el("div", { cls: "log", role: "log", "aria-live": "polite", "aria-relevant": "additions", "aria-label": "Conversation" });
    this.panel.appendChild(this.log);
    this.status = el("div", { cls: "status", role: "status", "aria-live": "polite" });
    this.panel.appendChild(this.status);

    var inputId = nextId("input");
    this.label = el("label", { cls: "vh", "for": inputId, text: "Your question about the review" });
    this.input = el("textarea", { id: inputId, rows: "1", placeholder: "Ask about the review…", maxlength: "5000" });
    this.input.addEventListener("keydown", function (e) {
      if (e.key === "Enter" && !e.shiftKey && !e.isComposing) { e.preventDefault(); self.submit(); }
      if (e.key === "Escape" && MODE === "embed") { self.toggle(false); }
    });
    this.input.addEventListener("input", function () { self.input.style.height = "auto"; self.input.style.height = Math.min(self.input.scrollHeight, 140) + "px"; });
    this.sendBtn = el("button", { cls: "send", type: "submit", text: "Send" });
    var form = el("form", { onsubmit: function (e) { e.preventDefault(); self.submit(); } }, [this.label, this.input, this.sendBtn]);
    this.panel.appendChild(form);
    this.hint = el("div", { cls: "hint", text: "Enter sends · Shift+Enter adds a line" });
    this.panel.appendChild(this.hint);
    wrap.appendChild(this.panel);
    this.intro();
    if (MODE === "embed") {
      this.panel.addEventListener("keydown", function (e) { if (e.key === "Escape") self.toggle(false); });
    }
  }

  Widget.prototype.intro = function () {
    var self = this;
    var box = el("div", { cls: "intro" }, [
      el("p", { style: "margin:0 0 4px", text: this.mode === "ask"
        ? "Ask a question; answers quote the review and cite its references. Try:"
        : "Paste a sentence you are writing; get the review's supporting sentences and the references to cite. Try:" })
    ]);
    var examples = this.mode === "ask"
      ? ["Which cargo reduces VEGF in breast cancer?", "How were exosomes isolated in the kidney fibrosis let-7c study?", "How big are exosomes?"]
      : ["Most transplanted MSCs are trapped in the liver, spleen and lung."];
    examples.forEach(function (q) {
      box.appendChild(el("button", { type: "button", text: q, onclick: function () { self.input.value = q; self.submit(); } }));
    });
    this.log.appendChild(box);
  };

  Widget.prototype.toggle = function (open) {
    if (MODE !== "embed") return;
    var willOpen = open === undefined ? this.panel.hidden : open;
    this.panel.hidden = !willOpen;
    this.launcher.setAttribute("aria-expanded", String(willOpen));
    if (willOpen) this.input.focus(); else this.launcher.focus();
  };

  Widget.prototype.setMode = function (mode) {
    this.mode = mode;
    this.tabAsk.setAttribute("aria-selected", String(mode === "ask"));
    this.tabCite.setAttribute("aria-selected", String(mode === "cite"));
    this.tabAsk.setAttribute("tabindex", mode === "ask" ? "0" : "-1");
    this.tabCite.setAttribute("tabindex", mode === "cite" ? "0" : "-1");
    this.label.textContent = mode === "ask" ? "Your question about the review" : "A sentence to find citations for";
    this.input.placeholder = mode === "ask" ? "Ask about the review…" : "Paste a sentence you are writing…";
    this.sendBtn.textContent = mode === "ask" ? "Send" : "Find";
    if (!this.log.querySelector(".q")) { this.log.textContent = ""; this.intro(); }
  };

  Widget.prototype.setBusy = function (busy) {
    this.busy = busy;
    this.sendBtn.disabled = busy;
    this.log.setAttribute("aria-busy", String(busy));
    this.status.textContent = busy ? (this.mode === "ask" ? "Searching the review" : "Looking for supporting passages") : "";
    this.status.className = busy ? "status dots" : "status";
  };

  Widget.prototype.submit = function () {
    var text = this.input.value.trim();
    if (!text || this.busy) return;
    var intro = this.log.querySelector(".intro");
    if (intro) intro.remove();
    this.log.appendChild(el("div", { cls: "q", text: text }));
    this.input.value = "";
    this.input.style.height = "";
    this.setBusy(true);
    var self = this;
    var mode = this.mode;
    var req = mode === "ask" ? post("/ask", { question: text }) : post("/cite", { text: text });
    req.then(function (res) {
      self.log.appendChild(mode === "ask" ? self.answerView(res) : self.citeView(res));
    }, function (err) {
      var msg = err && err.kind === "network"
        ? "Sorry — " + err.message + ". Check your connection and try again; your conversation is kept."
        : "Sorry — the service could not answer: " + ((err && err.message) || "unknown error") + ".";
      self.log.appendChild(el("div", { cls: "a error", role: "alert", text: msg }));
    }).then(function () {
      self.setBusy(false);
      self.log.scrollTop = self.log.scrollHeight;
      self.input.focus();
    });
  };

  Widget.prototype.answerView = function (res) {
    var self = this;
    if (res.status === "not_found") {
      return el("div", { cls: "a notfound" }, [el("span", { cls: "tag", text: "Not covered by the review" }), el("span", { text: res.answer })]);
    }
    var box = el("div", { cls: "a" });
    var hits = {};
    (res.results || []).forEach(function (h) { hits[h.id] = h; });
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
        var chip = el("button", { cls: "chip", type: "button", "aria-expanded": "false", text: "[" + n + "]",
          "aria-label": "Show evidence for reference " + n });
        chip.addEventListener("click", function () {
          if (current === chip) { evidence.textContent = ""; chip.setAttribute("aria-expanded", "false"); current = null; return; }
          if (current) current.setAttribute("aria-expanded", "false");
          current = chip; chip.setAttribute("aria-expanded", "true");
          evidence.textContent = "";
          if (!cites.length) { evidence.appendChild(el("div", { cls: "evidence", text: "Reference " + n + " is cited by the review here." })); return; }
          var seen = {};
          cites.forEach(function (c) {
            if (seen[c.hit_id]) return; seen[c.hit_id] = true;
            var hit = hits[c.hit_id];
            if (hit) evidence.appendChild(evidenceView(hit, c.quote));
          });
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
    var copyBtn = el("button", { type: "button", text: "Copy citation" });
    copyBtn.addEventListener("click", function () {
      var refText = refs.length ? "[" + refs.join(", ") + "] as cited in " : "";
      copy(refText + ((res.cite_as && res.cite_as.text) || "Hassanzadeh et al. 2021, Stem Cell Res Ther 12:297"), copyBtn);
    });
    box.appendChild(el("div", { cls: "actions" }, [copyBtn]));
    box.appendChild(evidence);
    return box;
  };

  Widget.prototype.citeView = function (res) {
    var box = el("div", { cls: "a" });
    (res.sentences || []).forEach(function (s) {
      box.appendChild(el("div", { cls: "sent", text: "“" + s.text + "”" }));
      if (!s.supports.length) { box.appendChild(el("div", { cls: "support", text: "No supporting passage found in the review." })); return; }
      s.supports.forEach(function (sup) {
        var line = el("div", { cls: "support" }, [
          el("div", { text: sup.quote }),
          el("div", { cls: "score", text: "refs [" + sup.refs.join(", ") + "] · " + whereLine(sup.hit) + " · support " + sup.score.toFixed(2) })
        ]);
        box.appendChild(line);
      });
    });
    var refs = res.refs || [];
    box.appendChild(el("div", { cls: "sent", text: refs.length ? "Cite: [" + refs.join(", ") + "]" : "Nothing in the review supports this text." }));
    if (refs.length) {
      var btn = el("button", { type: "button", text: "Copy citation" });
      btn.addEventListener("click", function () { copy("[" + refs.join(", ") + "] as cited in " + res.cite_as.text, btn); });
      box.appendChild(el("div", { cls: "actions" }, [btn]));
    }
    return box;
  };

  function start() {
    var host;
    if (MODE === "page") {
      host = document.getElementById(data.target || "qa-root") || document.body.appendChild(el("div"));
    } else {
      host = el("div", { "data-qa-widget": "" });
      document.body.appendChild(host);
    }
    window.qaWidget = new Widget(host);
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start); else start();
})();
