// The analyst's page: wires the filters, map, timeline, table and event panel to the JSON API, and
// keeps the view in the address bar so that it can be shared.

import { ApiError, exportUrl, fetchArticle, fetchEvent, fetchEvents, fetchFacets, fetchPoints } from "./api.js";
import { h, clear, fill, debounce, fmtDate, fmtInt } from "./dom.js";
import { MapView } from "./map.js";
import { EventPanel } from "./panel.js";
import { filtersOf, readState, sameFilters, writeState } from "./state.js";
import { EventTable, PAGE_SIZE } from "./table.js";
import { TYPES, humanize, subTypes } from "./taxonomy.js";
import { Timeline, dayOf } from "./timeline.js";

const $ = (sel) => document.querySelector(sel);

class App {
  constructor() {
    this.state = readState();
    this.points = [];
    this.countryNames = new Map();
    this.facets = null;
    this.busy = 0;
    this.facetsBusy = 0;
    this._seq = 0;
    this._facetSeq = 0;
    this.timings = {};
    this.form = $("#filters");
    this.map = new MapView($("#map"), {
      onSelect: (id) => this.select(id),
      onSelectMany: (ids) => this.selectMany(ids),
      onView: () => this.saveView(),
    });
    this.timeline = new Timeline($("#timeline"), {
      onBrushing: (a, b) => this.map.setVisible((p) => this._inDays(p, a, b)),
      onBrush: (from, to) => this.setDates(from, to),
    });
    this.table = new EventTable($("#table"), {
      onSelect: (id) => this.select(id),
      onSort: (sort) => this.update({ sort, page: "" }, { points: false, facets: false }),
      onPage: (page) => this.update({ page: page ? String(page) : "" }, { points: false, facets: false }),
    });
    this.panel = new EventPanel($("#panel"), {
      onSelect: (id) => this.select(id),
      onClose: () => this.select(null),
      loadArticle: (id) => fetchArticle(id),
    });
    this._buildForm();
    window.addEventListener("popstate", () => {
      this.state = readState();
      this._fillForm();
      this.refresh();
    });
  }

  async start() {
    const t0 = performance.now();
    const base = fetch("static/basemap.json")
      .then((r) => r.json())
      .then((data) => {
        for (const c of data.countries) if (c.iso2) this.countryNames.set(c.iso2, c);
        this.map.setBasemap(data);
        this._fillPlaces();
      })
      .catch((err) => this._error(`Basemap failed to load: ${err.message}`));
    await Promise.all([base, this.refresh({ fit: !this.state.view })]);
    if (this.state.event) await this.select(this.state.event, { push: false });
    this.timings.interactive = performance.now() - t0;
    // performance.now() counts from navigation start: the time to a fully drawn, usable page.
    this.timings.readyAt = performance.now();
    document.body.dataset.ready = "1";
  }

  /** Changes some state keys and reloads what depends on them. */
  update(changes, what = {}) {
    const before = { ...this.state };
    for (const [k, v] of Object.entries(changes)) {
      if (v === "" || v === null || v === undefined) delete this.state[k];
      else this.state[k] = v;
    }
    const filtersChanged = !sameFilters(before, this.state);
    const datesChanged = before.start !== this.state.start || before.end !== this.state.end;
    // Points hold every date (the timeline needs them): a new date range only refilters them here.
    return this.refresh({ points: filtersChanged, facets: filtersChanged || datesChanged, ...what });
  }

  setDates(from, to) {
    return this.update({ start: from || "", end: to || "", page: "" }, { points: false });
  }

  _inDays(p, a, b) {
    if (a === null || a === undefined) return true;
    return p.day !== null && p.day >= a && p.day <= b;
  }

  _dateFilter() {
    const a = dayOf(this.state.start);
    const b = dayOf(this.state.end);
    if (a === null && b === null) return null;
    return (p) => p.day !== null && (a === null || p.day >= a) && (b === null || p.day <= b);
  }

  /** Fetches what the current state needs and redraws; resolves when everything is drawn. */
  async refresh({ points = true, facets = true, table = true, fit = false } = {}) {
    const t0 = performance.now();
    const seq = ++this._seq;
    writeState(this.state);
    this._updateExports();
    this.map.setHighlight(this.state.country, this.state.admin1);
    const withDates = filtersOf(this.state);
    const fail = (err) => {
      if (err.name !== "AbortError") this._error(err instanceof ApiError ? `The server said: ${err.message}` : String(err.message || err));
    };
    // Menus and the overview's provinces follow once the map and table are drawn: they never delay
    // them, nor compete with their queries on the server.
    const loadFacets = () => {
      this._facetsBusy(1);
      return fetchFacets(withDates)
        .then((f) => {
          if (seq < this._facetSeq) return;
          this._facetSeq = seq;
          this.facets = f;
          this._fillPlaces();
          this._fillActors();
          this._overview();
        })
        .catch(fail)
        .finally(() => this._facetsBusy(-1));
    };
    const jobs = [];
    this._busy(1);
    if (points) {
      jobs.push(
        fetchPoints(filtersOf(this.state, { withDates: false })).then(({ rows, truncated }) => {
          this.points = rows;
          this.truncated = truncated;
          this.timeline.setPoints(rows);
          this.map.setPoints(rows.filter((p) => p.lat !== null && p.lon !== null));
          if (fit) this.map.fit();
          else if (this.state.view && !this._viewSet) this.map.setViewString(this.state.view);
          this._viewSet = true;
        }),
      );
    }
    if (table) {
      const page = Number(this.state.page || 0);
      const sort = this.state.sort || "-date";
      jobs.push(fetchEvents(withDates, { sort, limit: PAGE_SIZE, offset: page * PAGE_SIZE }).then((data) => this.table.setData(data, sort, page)));
    }
    try {
      await Promise.all(jobs);
      this.timeline.setRange(this.state.start || null, this.state.end || null);
      const keep = this._dateFilter();
      this.map.unlocated = this.points.filter((p) => (p.lat === null || p.lon === null) && (!keep || keep(p))).length;
      this.map.setVisible(keep);
      this.map.drawNow();
      this._summary();
      this._overview();
      this._clearError();
    } catch (err) {
      fail(err);
    } finally {
      this._busy(-1);
    }
    if (facets) loadFacets();
    this.timings.lastRefresh = performance.now() - t0;
    document.body.dataset.refreshMs = String(Math.round(this.timings.lastRefresh));
  }

  _facetsBusy(d) {
    this.facetsBusy += d;
    document.body.dataset.facetsBusy = String(this.facetsBusy);
  }

  _busy(d) {
    this.busy += d;
    document.body.dataset.busy = String(this.busy);
    document.body.classList.toggle("loading", this.busy > 0);
  }

  async select(id, { push = true } = {}) {
    if (!id) {
      delete this.state.event;
      writeState(this.state);
      this.map.setSelected(null);
      this.table.setSelected(null);
      this.panel.root.dataset.state = "empty";
      this._overview();
      return;
    }
    this.state.event = id;
    writeState(this.state, { push });
    this.map.setSelected(id);
    this.table.setSelected(id);
    // Bring the panel into view when the event was picked further down (in the table).
    const top = this.panel.root.getBoundingClientRect().top;
    if (top < 0 || top > window.innerHeight * 0.6) this.panel.root.scrollIntoView({ block: "start", behavior: "smooth" });
    try {
      const ev = await fetchEvent(id);
      this.map.reveal(ev.location?.lon, ev.location?.lat);
      await this.panel.showEvent(ev);
    } catch (err) {
      if (err.name === "AbortError") return;
      this.panel.showMessage(err.status === 404 ? `Event ${id} is not in the database.` : `Could not load event: ${err.message}`);
    }
  }

  selectMany(ids) {
    const want = new Set(ids);
    this.panel.showList(this.points.filter((p) => want.has(p.id)));
  }

  saveView() {
    this.state.view = this.map.viewString();
    this._saveViewSoon();
  }

  _saveViewSoon = debounce(() => writeState(this.state), 300);

  _summary() {
    const keep = this._dateFilter();
    let n = 0;
    let fat = 0;
    let lo = null;
    let hi = null;
    for (const p of this.points) {
      if (keep && !keep(p)) continue;
      n += 1;
      fat += p.fatalities || 0;
      if (p.date && (lo === null || p.date < lo)) lo = p.date;
      if (p.date && (hi === null || p.date > hi)) hi = p.date;
    }
    const el = $("#summary");
    fill(el, 
      h("span", { class: "stat" }, h("b", null, fmtInt(n)), " events"),
      h("span", { class: "stat" }, h("b", null, fmtInt(fat)), " fatalities"),
      lo ? h("span", { class: "stat" }, `${fmtDate(lo)} – ${fmtDate(hi)}`) : null,
      this.truncated ? h("span", { class: "stat warn" }, "map truncated") : null,
    );
    el.dataset.events = String(n);
  }

  /** The overview in the panel while no event is open. */
  _overview() {
    if (this.state.event || this.panel.root.dataset.state === "list") return;
    const keep = this._dateFilter();
    const types = new Map();
    let total = 0;
    let fatalities = 0;
    for (const p of this.points) {
      if (keep && !keep(p)) continue;
      total += 1;
      fatalities += p.fatalities || 0;
      const t = types.get(p.type) || { type: p.type, n: 0, fat: 0 };
      t.n += 1;
      t.fat += p.fatalities || 0;
      types.set(p.type, t);
    }
    const places = [];
    // The menus' facets ignore the place filters; the overview honours them.
    for (const c of this.facets?.countries || []) {
      if (this.state.country && (c.country || "").toUpperCase() !== this.state.country.toUpperCase()) continue;
      for (const a of c.admin1) {
        if (this.state.admin1 && a.name.toLowerCase() !== this.state.admin1.toLowerCase()) continue;
        places.push({ name: a.name, country: c.country, n: a.events });
      }
    }
    places.sort((a, b) => b.n - a.n);
    this.panel.showOverview(
      { total, fatalities, byType: [...types.values()].sort((a, b) => b.n - a.n), byPlace: places.slice(0, 8) },
      (type) => {
        this.form.elements.type.value = type;
        this.form.elements.type.dispatchEvent(new Event("change"));
      },
    );
  }

  _updateExports() {
    const f = filtersOf(this.state);
    $("#export-csv").href = exportUrl("csv", f);
    $("#export-geojson").href = exportUrl("geojson", f);
  }

  _error(msg) {
    const el = $("#error");
    el.textContent = msg;
    el.hidden = false;
  }

  _clearError() {
    $("#error").hidden = true;
  }

  // -- the filter form ------------------------------------------------------------------------
  _buildForm() {
    const f = this.form;
    const typeSel = f.elements.type;
    typeSel.append(h("option", { value: "" }, "All types"), ...TYPES.map((t) => h("option", { value: t.id }, t.label)));
    this._fillSubTypes();
    this._fillForm();
    const apply = (name, value) => {
      const changes = { [name]: value, page: "" };
      if (name === "type") {
        this._fillSubTypes();
        if (this.state.sub_type && !subTypes(value).includes(this.state.sub_type)) {
          changes.sub_type = "";
          f.elements.sub_type.value = "";
        }
      }
      if (name === "country") {
        changes.admin1 = "";
        f.elements.admin1.value = "";
      }
      this.update(changes);
    };
    const typed = debounce((name, value) => apply(name, value), 350);
    f.addEventListener("submit", (e) => e.preventDefault());
    for (const el of f.elements) {
      if (!el.name) continue;
      if (el.tagName === "SELECT") el.addEventListener("change", () => apply(el.name, el.value));
      else {
        el.addEventListener("input", () => typed(el.name, el.value.trim()));
        el.addEventListener("keydown", (e) => {
          if (e.key === "Enter") {
            e.preventDefault();
            apply(el.name, el.value.trim());
          }
        });
      }
    }
    $("#reset").addEventListener("click", () => {
      this.state = {};
      this._fillForm();
      this.panel.root.dataset.state = "empty";
      this.refresh({ fit: true });
    });
  }

  _fillSubTypes() {
    const sel = this.form.elements.sub_type;
    const type = this.form.elements.type.value;
    fill(sel, h("option", { value: "" }, "All sub-types"), ...subTypes(type).map((s) => h("option", { value: s }, humanize(s))));
    sel.value = this.state.sub_type || "";
  }

  _fillForm() {
    const f = this.form;
    for (const el of f.elements) if (el.name) el.value = this.state[el.name] || "";
    this._fillSubTypes();
    this._fillPlaces();
  }

  _countryLabel(iso) {
    const c = this.countryNames.get(iso);
    return c ? `${c.name}` : iso || "Unknown";
  }

  _fillPlaces() {
    const f = this.form;
    const cSel = f.elements.country;
    const aSel = f.elements.admin1;
    const countries = this.facets ? this.facets.countries.filter((c) => c.country) : [];
    const cur = this.state.country || "";
    const opts = countries.map((c) => h("option", { value: c.country }, `${this._countryLabel(c.country)} (${fmtInt(c.events)})`));
    if (cur && !countries.some((c) => c.country === cur)) opts.unshift(h("option", { value: cur }, this._countryLabel(cur)));
    fill(cSel, h("option", { value: "" }, "All countries"), ...opts);
    cSel.value = cur;
    const curA = this.state.admin1 || "";
    const groups = [];
    for (const c of countries) {
      if (cur && c.country !== cur) continue;
      if (!c.admin1.length) continue;
      const options = c.admin1.map((a) => h("option", { value: a.name }, `${a.name} (${fmtInt(a.events)})`));
      groups.push(cur ? options : h("optgroup", { label: this._countryLabel(c.country) }, options));
    }
    fill(aSel, h("option", { value: "" }, "All provinces"), ...groups.flat());
    if (curA && ![...aSel.options].some((o) => o.value === curA)) aSel.append(h("option", { value: curA }, curA));
    aSel.value = curA;
  }

  _fillActors() {
    const list = $("#actor-list");
    fill(list, ...(this.facets?.actors || []).map((a) => h("option", { value: a.name }, `${fmtInt(a.events)} events`)));
  }
}

const app = new App();
window.raqib = app; // for the browser tests and the benchmark
app.start();
