// The event table: one page of events, sortable by clicking a column header (sorted by the server,
// so the order holds across pages).

import { h, clear, bilingual, txt, fmtDate, fmtInt } from "./dom.js";
import { humanize, typeColor, typeLabel } from "./taxonomy.js";

const COLUMNS = [
  { key: "date", label: "Date", sort: "date" },
  { key: "type", label: "Type", sort: "type" },
  { key: "location", label: "Location", sort: "location" },
  { key: "place", label: "Province · Country", sort: "country" },
  { key: "actors", label: "Actors", sort: "actor" },
  { key: "fatalities", label: "Fatalities", sort: "fatalities", num: true },
  { key: "sources", label: "Sources", sort: "sources", num: true },
];

export const PAGE_SIZE = 50;

export class EventTable {
  /**
   * @param {HTMLElement} root
   * @param {{onSelect: (id: string) => void, onSort: (sort: string) => void, onPage: (page: number) => void}} handlers
   */
  constructor(root, handlers) {
    this.root = root;
    this.handlers = handlers;
    this.count = h("span", { class: "table-count" });
    this.pagerInfo = h("span", { class: "pager-info" });
    this.prev = h("button", { type: "button", class: "btn small", onclick: () => this.handlers.onPage(this.page - 1) }, "‹ Prev");
    this.next = h("button", { type: "button", class: "btn small", onclick: () => this.handlers.onPage(this.page + 1) }, "Next ›");
    this.thead = h("thead");
    this.tbody = h("tbody");
    this.table = h("table", { class: "events", id: "event-table" }, this.thead, this.tbody);
    root.append(
      h("div", { class: "table-head" }, h("h2", null, "Events"), this.count, h("div", { class: "pager" }, this.pagerInfo, this.prev, this.next)),
      h("div", { class: "table-scroll" }, this.table),
    );
    this.sort = "-date";
    this.page = 0;
    this.selected = null;
    this._renderHead();
  }

  _renderHead() {
    const cur = this.sort.replace(/^-/, "");
    const desc = this.sort.startsWith("-");
    const tr = h("tr");
    for (const c of COLUMNS) {
      const active = c.sort === cur;
      const next = active && !desc ? `-${c.sort}` : active ? c.sort : c.num || c.sort === "date" ? `-${c.sort}` : c.sort;
      tr.appendChild(
        h(
          "th",
          {
            class: [c.num && "num", active && "sorted"],
            "aria-sort": active ? (desc ? "descending" : "ascending") : "none",
            scope: "col",
          },
          h(
            "button",
            { type: "button", class: "th-button", dataset: { sort: c.sort }, onclick: () => this.handlers.onSort(next) },
            c.label,
            h("span", { class: "sort-mark", "aria-hidden": "true" }, active ? (desc ? " ▼" : " ▲") : ""),
          ),
        ),
      );
    }
    clear(this.thead).appendChild(tr);
  }

  /** Shows a page of results ({total, events, offset}). */
  setData(data, sort, page) {
    this.sort = sort;
    this.page = page;
    this._renderHead();
    const rows = data.items.map((e) => this._row(e));
    clear(this.tbody);
    if (!rows.length) {
      this.tbody.appendChild(h("tr", null, h("td", { colspan: COLUMNS.length, class: "empty" }, "No events match these filters.")));
    } else this.tbody.append(...rows);
    const total = data.total;
    const first = total ? data.offset + 1 : 0;
    const last = data.offset + data.items.length;
    this.count.textContent = `${fmtInt(total)} events`;
    this.pagerInfo.textContent = total ? `${fmtInt(first)}–${fmtInt(last)} of ${fmtInt(total)}` : "";
    this.prev.disabled = page <= 0;
    this.next.disabled = last >= total;
    this.root.dataset.total = String(total);
    this.root.dataset.rows = String(data.items.length);
  }

  setSelected(id) {
    this.selected = id;
    for (const tr of this.tbody.querySelectorAll("tr[data-event-id]")) {
      tr.classList.toggle("selected", tr.dataset.eventId === id);
    }
  }

  _row(e) {
    const dot = h("span", { class: "type-dot" });
    dot.style.background = typeColor(e.type);
    const place = [e.admin1, e.country].filter(Boolean).join(" · ");
    const actors = h(
      "div",
      { class: "actors" },
      e.actor1 ? h("div", null, e.actor1) : h("span", { class: "muted" }, "—"),
      e.actor2 ? h("div", { class: "actor2" }, "vs ", e.actor2) : null,
    );
    const tr = h(
      "tr",
      {
        class: ["event-row", e.id === this.selected && "selected"],
        tabindex: "0",
        dataset: { eventId: e.id },
        onclick: () => this.handlers.onSelect(e.id),
        onkeydown: (ev) => ev.key === "Enter" && this.handlers.onSelect(e.id),
      },
      h("td", { class: "nowrap" }, fmtDate(e.date)),
      h("td", null, h("div", { class: "type-cell" }, dot, h("div", null, h("div", null, typeLabel(e.type)), h("div", { class: "sub" }, humanize(e.sub_type))))),
      h("td", null, bilingual(e.location_en, e.location)),
      h("td", null, place ? txt(place) : txt(null)),
      h("td", null, actors),
      h("td", { class: "num" }, e.fatalities === null || e.fatalities === undefined ? h("span", { class: "muted" }, "—") : fmtInt(e.fatalities)),
      h("td", { class: "num" }, fmtInt(e.n_sources)),
    );
    return tr;
  }
}
