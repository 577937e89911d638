// The event panel: what happened, where, who, every reported figure with who reported it, the
// sources, and each article's text with the evidence highlighted. Article text is untrusted: it is
// cut into text nodes and <mark> elements built with the DOM, never parsed as HTML.

import { h, clear, fill, bilingual, txt, fmtDate, fmtInt, isArabic } from "./dom.js";
import { humanize, typeColor, typeLabel } from "./taxonomy.js";

const FIGURE_LABELS = {
  killed: "Killed",
  injured: "Injured",
  displaced: "Displaced",
  besieged: "Besieged",
  detained: "Detained",
  missing: "Missing",
  evacuated: "Evacuated",
};

/** A link only for http(s) addresses; anything else is shown as text. */
function safeLink(url, label) {
  try {
    const u = new URL(url, window.location.href);
    if (u.protocol === "http:" || u.protocol === "https:") {
      return h("a", { href: u.href, target: "_blank", rel: "noopener noreferrer nofollow", class: "ext" }, label || u.hostname);
    }
  } catch {
    /* not a URL */
  }
  return txt(url);
}

function hostOf(url) {
  try {
    return new URL(url).hostname;
  } catch {
    return null;
  }
}

function spanOk(text, sp) {
  return sp && Number.isInteger(sp.start) && Number.isInteger(sp.end) && sp.start >= 0 && sp.end <= text.length && sp.start < sp.end;
}

/**
 * The article text as DOM nodes with highlights.
 * @param {string} text  the whole article (title, blank line, body)
 * @param {number} bodyStart
 * @param {{start: number, end: number, cls: string, title?: string}[]} marks
 * @returns {{title: Node, body: Node, placed: number}}
 */
export function renderMarkedText(text, bodyStart, marks) {
  const good = marks.filter((m) => spanOk(text, m));
  const cuts = new Set([0, text.length, bodyStart]);
  for (const m of good) {
    cuts.add(m.start);
    cuts.add(m.end);
  }
  const points = [...cuts].filter((c) => c >= 0 && c <= text.length).sort((a, b) => a - b);
  const title = h("div", { class: "article-title", dir: "rtl", lang: "ar" });
  const body = h("div", { class: "article-body", dir: isArabic(text) ? "rtl" : "auto", lang: "ar" });
  for (let i = 0; i < points.length - 1; i++) {
    const a = points[i];
    const b = points[i + 1];
    if (a === b) continue;
    const piece = text.slice(a, b);
    const on = good.filter((m) => m.start <= a && b <= m.end);
    let node;
    if (!on.length) node = document.createTextNode(piece);
    else {
      node = h("mark", { class: [...new Set(on.map((m) => m.cls))].join(" "), dataset: { start: a, end: b } }, piece);
      const tips = on.map((m) => m.title).filter(Boolean);
      if (tips.length) node.title = tips.join("\n");
    }
    (a < bodyStart ? title : body).appendChild(node);
  }
  return { title, body, placed: good.length };
}

export class EventPanel {
  /**
   * @param {HTMLElement} root
   * @param {{onSelect: (id: string) => void, onClose: () => void, loadArticle: (id: string) => Promise<object>}} handlers
   */
  constructor(root, handlers) {
    this.root = root;
    this.handlers = handlers;
    this.event = null;
    this.showEmpty();
  }

  showEmpty(summary) {
    this.event = null;
    this.root.dataset.state = "empty";
    fill(this.root, 
      h(
        "div",
        { class: "panel-empty" },
        h("h2", null, "Event details"),
        h("p", null, "Select an event on the map or in the table to see its sources, every reported figure and the article text with the evidence highlighted."),
        summary || null,
      ),
    );
  }

  /**
   * The selection at a glance (shown while no event is open): events and fatalities by type, and
   * the provinces with most events. ``onType`` filters by a type when its row is clicked.
   */
  showOverview({ total, fatalities, byType, byPlace }, onType) {
    this.event = null;
    this.root.dataset.state = "empty";
    const max = Math.max(1, ...byType.map((t) => t.n));
    const typeRows = byType.map((t) => {
      const bar = h("span", { class: "ov-bar" });
      bar.style.width = `${(100 * t.n) / max}%`;
      bar.style.background = typeColor(t.type);
      return h(
        "button",
        { type: "button", class: "ov-row", dataset: { type: t.type }, title: `Show only ${typeLabel(t.type)}`, onclick: () => onType(t.type) },
        h("span", { class: "ov-label" }, typeLabel(t.type)),
        h("span", { class: "ov-track" }, bar),
        h("span", { class: "ov-n" }, fmtInt(t.n)),
        h("span", { class: "ov-fat" }, t.fat ? `${fmtInt(t.fat)} killed` : ""),
      );
    });
    const placeRows = byPlace.map((p) =>
      h("tr", null, h("td", null, bilingual(p.name, p.name_ar)), h("td", { class: "muted" }, p.country || ""), h("td", { class: "num" }, fmtInt(p.n))),
    );
    fill(
      this.root,
      h("h2", { class: "panel-title small" }, "Overview"),
      h("p", { class: "muted hint" }, "Select an event on the map or in the table to see its sources, every reported figure and the article text with the evidence highlighted."),
      h("div", { class: "kpis two" }, this._kpi("Events", total), this._kpi("Fatalities", fatalities)),
      h("section", { class: "panel-section" }, h("h3", null, "By event type"), typeRows.length ? typeRows : h("p", { class: "muted" }, "No events.")),
      placeRows.length ? h("section", { class: "panel-section" }, h("h3", null, "Most events by province"), h("table", { class: "mini" }, h("tbody", null, placeRows))) : null,
    );
  }

  showMessage(message) {
    this.root.dataset.state = "error";
    fill(this.root, h("div", { class: "panel-empty" }, h("h2", null, "Event details"), h("p", { class: "error" }, message)));
  }

  /** A list of events at one spot (a cluster that zooming cannot split). */
  showList(points) {
    this.event = null;
    this.root.dataset.state = "list";
    const items = points
      .slice()
      .sort((a, b) => (b.date || "").localeCompare(a.date || ""))
      .map((p) => {
        const dot = h("span", { class: "type-dot" });
        dot.style.background = typeColor(p.type);
        return h(
          "li",
          null,
          h(
            "button",
            { type: "button", class: "list-item", dataset: { eventId: p.id }, onclick: () => this.handlers.onSelect(p.id) },
            dot,
            h("span", { class: "li-date" }, fmtDate(p.date)),
            h("span", { class: "li-type" }, typeLabel(p.type)),
            h("span", { class: "li-fat" }, p.fatalities ? `${fmtInt(p.fatalities)} killed` : ""),
          ),
        );
      });
    fill(this.root, 
      this._closeBar(),
      h("h2", { class: "panel-title" }, `${fmtInt(points.length)} events at this place`),
      h("ul", { class: "event-list" }, items),
    );
  }

  _closeBar() {
    return h("div", { class: "panel-bar" }, h("button", { type: "button", class: "link-button close", title: "Close", onclick: () => this.handlers.onClose() }, "✕ Close"));
  }

  /** Renders one event (the API's /events/{id}) and opens its first source article. */
  async showEvent(ev) {
    this.event = ev;
    this.root.dataset.state = "event";
    this.root.dataset.eventId = ev.id;
    const loc = ev.location || {};
    const chip = h("span", { class: "type-chip" }, typeLabel(ev.type));
    chip.style.background = typeColor(ev.type);
    const where = [loc.admin2, loc.admin1, loc.country].filter(Boolean).join(" · ");
    const head = h(
      "div",
      { class: "event-head" },
      h("div", { class: "chips" }, chip, h("span", { class: "sub-chip" }, humanize(ev.sub_type)), ev.civilian_targeting ? h("span", { class: "sub-chip warn" }, "Civilian targeting") : null),
      h("h2", { class: "panel-title" }, bilingual(loc.name_en, loc.text)),
      h("div", { class: "event-where" }, where ? txt(where) : null, h("span", { class: "dot-sep" }, " · "), fmtDate(ev.date)),
    );
    const stats = h(
      "div",
      { class: "kpis" },
      this._kpi("Fatalities", ev.fatalities, "lowest reported figure (ACLED rule)"),
      this._kpi("Injured", ev.injured),
      this._kpi("Sources", ev.n_sources),
      this._kpi("Reports", ev.n_reports),
    );
    const actors = this._actors(ev);
    const figures = this._reported(ev);
    this.articleBox = h("div", { class: "article-box" });
    const sources = this._sources(ev);
    fill(this.root, this._closeBar(), head, stats, actors, figures, sources, this.articleBox, this._history(ev));
    const first = (ev.sources || [])[0];
    if (first) await this.openSource(first);
  }

  _kpi(label, value, tip) {
    return h("div", { class: "kpi", title: tip || null }, h("div", { class: "kpi-value" }, value === null || value === undefined ? "—" : fmtInt(value)), h("div", { class: "kpi-label" }, label));
  }

  _actors(ev) {
    const a = ev.actors || {};
    const row = (role, name, detail) =>
      name
        ? h(
            "div",
            { class: "actor-row" },
            h("span", { class: "label" }, role),
            h("span", null, name, detail && detail.span ? [" ", h("span", { class: "muted" }, "("), txt(detail.span.text), h("span", { class: "muted" }, ")")] : null),
          )
        : null;
    const assoc = [...(a.assoc_actor_1 || []), ...(a.assoc_actor_2 || [])].map((x) => x.name).filter(Boolean);
    const rows = [row("Actor 1", ev.actor1, a.actor1), row("Actor 2", ev.actor2, a.actor2), assoc.length ? row("Associated", assoc.join("; ")) : null].filter(Boolean);
    if (!rows.length) return null;
    return h("section", { class: "panel-section" }, h("h3", null, "Actors"), rows);
  }

  _reported(ev) {
    const rows = [];
    for (const [kind, list] of [["Killed", ev.fatalities_reported], ["Injured", ev.injured_reported]]) {
      for (const f of list || []) {
        rows.push(
          h("tr", null, h("td", null, kind), h("td", { class: "num" }, fmtInt(f.value)), h("td", null, f.source ? txt(f.source) : h("span", { class: "muted" }, "not attributed")), h("td", null, txt(f.outlet || hostOf(this.event?.sources?.find((x) => x.article_id === f.article_id)?.url) || f.article_id))),
        );
      }
    }
    if (!rows.length) return null;
    return h(
      "section",
      { class: "panel-section" },
      h("h3", null, "Reported figures"),
      h("table", { class: "mini" }, h("thead", null, h("tr", null, h("th", null, "Figure"), h("th", { class: "num" }, "Value"), h("th", null, "According to"), h("th", null, "Outlet"))), h("tbody", null, rows)),
    );
  }

  _sources(ev) {
    const items = (ev.sources || []).map((src, i) => {
      const att = src.attributed_to;
      const btn = h("button", { type: "button", class: "btn small", dataset: { articleId: src.article_id }, onclick: () => this.openSource(src) }, "Show text");
      return h(
        "li",
        { class: "source", dataset: { index: i } },
        h("div", { class: "source-line" }, h("strong", null, txt(src.outlet || hostOf(src.url) || "Unknown outlet")), h("span", { class: "muted" }, ` · ${fmtDate(src.published)}`), btn),
        att ? h("div", { class: "source-att" }, h("span", { class: "label" }, "Attributed to "), bilingual(att.name_en, att.text)) : null,
        src.url ? h("div", { class: "source-url" }, safeLink(src.url, src.url)) : null,
      );
    });
    return h("section", { class: "panel-section" }, h("h3", null, `Sources (${items.length})`), h("ul", { class: "sources" }, items));
  }

  _history(ev) {
    const hist = ev.history || [];
    if (!hist.length) return null;
    return h(
      "section",
      { class: "panel-section history" },
      h("h3", null, "History"),
      h("ul", null, hist.map((c) => h("li", null, `${humanize(c.change)} · ${String(c.at || "").replace("T", " ").slice(0, 19)} UTC`))),
    );
  }

  /** Loads a source article and shows its text with this event's evidence and the figures marked. */
  async openSource(src) {
    for (const li of this.root.querySelectorAll("li.source")) li.classList.toggle("open", li.querySelector("button")?.dataset.articleId === src.article_id);
    const box = this.articleBox;
    fill(box, h("div", { class: "muted loading-msg" }, "Loading article…"));
    let art;
    try {
      art = await this.handlers.loadArticle(src.article_id);
    } catch (err) {
      if (err.name === "AbortError") return;
      fill(box, h("p", { class: "error" }, `Could not load article: ${err.message}`));
      return;
    }
    if (this.event === null) return;
    const text = art.text || "";
    const marks = [];
    for (const e of src.evidence || []) marks.push({ start: e.start, end: e.end, cls: "evidence", title: "Evidence of this event" });
    for (const t of src.triggers || []) marks.push({ start: t.start, end: t.end, cls: "trigger", title: "Trigger word" });
    const figs = art.figures || [];
    for (const f of figs) {
      const by = f.source ? ` · according to ${f.source.name_en || f.source.text}` : "";
      if (f.number) marks.push({ start: f.number.start, end: f.number.end, cls: "figure", title: `${FIGURE_LABELS[f.kind] || f.kind}: ${f.value}${by}` });
    }
    const { title, body, placed } = renderMarkedText(text, art.body_start || 0, marks);
    box.dataset.articleId = src.article_id;
    box.dataset.marks = String(placed);
    const figRows = figs.map((f) =>
      h(
        "tr",
        null,
        h("td", null, FIGURE_LABELS[f.kind] || f.kind),
        h("td", { class: "num" }, `${f.approximate ? "~" : ""}${fmtInt(f.value)}${f.unit && f.unit !== "people" ? ` ${f.unit}` : ""}`),
        h("td", null, f.who ? txt(f.who) : h("span", { class: "muted" }, "—")),
        h("td", null, f.source ? bilingual(f.source.name_en, f.source.text) : h("span", { class: "muted" }, "not attributed")),
      ),
    );
    fill(box, 
      h("div", { class: "article-head" }, h("h3", null, "Article"), h("span", { class: "muted" }, [art.outlet, fmtDate(art.published)].filter(Boolean).join(" · ")), art.url ? safeLink(art.url, "original ↗") : null),
      h("div", { class: "mark-legend" }, h("mark", { class: "evidence" }, "evidence"), " ", h("mark", { class: "trigger" }, "trigger"), " ", h("mark", { class: "figure" }, "figure")),
      h("article", { class: "article-text", lang: "ar" }, title, body),
      figRows.length
        ? h(
            "div",
            { class: "panel-section" },
            h("h3", null, "Figures in this article"),
            h("table", { class: "mini" }, h("thead", null, h("tr", null, h("th", null, "Kind"), h("th", { class: "num" }, "Value"), h("th", null, "Who"), h("th", null, "According to"))), h("tbody", null, figRows)),
          )
        : null,
    );
    // Scroll the article box (not the page) to the first evidence.
    const firstMark = box.querySelector("mark.evidence");
    const scroller = box.querySelector(".article-text");
    if (firstMark && scroller) {
      const top = firstMark.getBoundingClientRect().top - scroller.getBoundingClientRect().top;
      scroller.scrollTop += top - 40;
    }
  }
}
