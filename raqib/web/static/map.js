// The event map: an offline basemap (Natural Earth country and province outlines compiled into
// basemap.json) drawn on a canvas in Web Mercator, with event markers in an SVG layer above it.
// Markers are clustered on a screen grid anchored to the world, so clusters stay put while panning.

import { h, s, clear, fmtInt } from "./dom.js";
import { clusterMarker, clusterPoints, fillLegend, pointMarker, radiusFor } from "./markers.js";

const WORLD = 1024; // world units across 360 degrees of longitude
const MAX_K = 2 ** 14; // deepest zoom: ~1 m per pixel is far below any geocode's precision
const SEA = "#dfe8ef";
const LAND = "#fbfaf7";
const BORDER = "#8d99a6";
const ADMIN = "#c3cad2";
const HIGHLIGHT = "rgba(250, 226, 160, 0.55)"; // warm tint: a blue one reads as sea

/** Longitude/latitude to world units (Web Mercator). */
export function project(lon, lat) {
  const phi = (Math.max(-85, Math.min(85, lat)) * Math.PI) / 180;
  return [
    ((lon + 180) / 360) * WORLD,
    WORLD / 2 - (WORLD / (2 * Math.PI)) * Math.log(Math.tan(Math.PI / 4 + phi / 2)),
  ];
}

/** World units back to longitude/latitude. */
export function unproject(x, y) {
  const lon = (x / WORLD) * 360 - 180;
  const lat = (Math.atan(Math.exp((WORLD / 2 - y) / (WORLD / (2 * Math.PI)))) * 360) / Math.PI - 90;
  return [lon, lat];
}

function ringsPath(features) {
  const p = new Path2D();
  for (const f of features) {
    for (const r of f.rings) {
      for (let i = 0; i < r.length; i += 2) {
        const [x, y] = project(r[i], r[i + 1]);
        if (i === 0) p.moveTo(x, y);
        else p.lineTo(x, y);
      }
      p.closePath();
    }
  }
  return p;
}

export class MapView {
  /**
   * @param {HTMLElement} root  the map container
   * @param {{onSelect: (id: string) => void, onSelectMany: (ids: string[]) => void}} handlers
   */
  constructor(root, handlers) {
    this.root = root;
    this.handlers = handlers;
    this.canvas = h("canvas", { class: "map-canvas", "aria-hidden": "true" });
    this.svg = s("svg", { class: "map-markers", role: "img", "aria-label": "Event map" });
    this.layer = s("g");
    this.svg.appendChild(this.layer);
    this.legend = h("div", { class: "map-legend" });
    this.attribution = h("div", { class: "map-attribution" });
    const zoomIn = h("button", { type: "button", title: "Zoom in", onclick: () => (this.zoomBy(2), this._moved()) }, "+");
    const zoomOut = h("button", { type: "button", title: "Zoom out", onclick: () => (this.zoomBy(0.5), this._moved()) }, "−");
    const fit = h("button", { type: "button", title: "Zoom to events", onclick: () => (this.fit(), this._moved()) }, "⤢");
    this.controls = h("div", { class: "map-controls" }, zoomIn, zoomOut, fit);
    this.status = h("div", { class: "map-status" });
    root.append(this.canvas, this.svg, this.controls, this.legend, this.status, this.attribution);
    this.points = [];
    this.visible = [];
    this.view = { k: 4, tx: 0, ty: 0 };
    this.selected = null;
    this.highlight = { country: null, admin1: null };
    this.base = null;
    this._frame = 0;
    this._bindInput();
    new ResizeObserver(() => this._resize()).observe(root);
    this._resize();
    fillLegend(this.legend);
  }

  /** Loads the compiled outlines (basemap.json). */
  setBasemap(data) {
    this.base = {
      land: ringsPath(data.countries),
      admin1: ringsPath(data.admin1),
      countries: data.countries.map((c) => ({ ...c, xy: project(c.label[0], c.label[1]) })),
      provinces: data.admin1.map((c) => ({ ...c, xy: project(c.label[0], c.label[1]) })),
      byIso: new Map(),
      byAdmin: new Map(),
      raw: data,
    };
    this.attribution.textContent = "Natural Earth · world-atlas";
    this.attribution.title = data.attribution;
    this.redraw();
  }

  /** Replaces the events: [{id, lat, lon, type, fatalities, date}]. */
  setPoints(points) {
    // World coordinates are added to the app's own objects (no copy of 30k rows per filter).
    this.points = points.filter((p) => p.lat !== null && p.lon !== null);
    for (const p of this.points) [p.x, p.y] = project(p.lon, p.lat);
    this.visible = this.points;
    this.redraw();
  }

  /** Shows only the events that pass ``keep`` (the brushed date range). */
  setVisible(keep) {
    this.visible = keep ? this.points.filter(keep) : this.points;
    this.redraw();
  }

  setSelected(id) {
    this.selected = id || null;
    this.redraw();
  }

  setHighlight(country, admin1) {
    this.highlight = { country: country || null, admin1: admin1 || null };
    this.redraw();
  }

  /** Pans (keeping the zoom) so that the place is in view, when it is not already. */
  reveal(lon, lat) {
    if (lon === null || lon === undefined || lat === null || lat === undefined) return;
    const [x, y] = project(lon, lat);
    const { k, tx, ty } = this.view;
    const sx = x * k + tx;
    const sy = y * k + ty;
    const m = 40;
    if (sx >= m && sy >= m && sx <= this.w - m && sy <= this.h - m) return;
    this._setView(k, this.w / 2 - x * k, this.h / 2 - y * k);
  }

  /** Zooms to the visible events (or to the Middle East and North Africa when there are none). */
  fit(points = this.visible) {
    let x0 = Infinity;
    let y0 = Infinity;
    let x1 = -Infinity;
    let y1 = -Infinity;
    for (const p of points) {
      if (p.x < x0) x0 = p.x;
      if (p.x > x1) x1 = p.x;
      if (p.y < y0) y0 = p.y;
      if (p.y > y1) y1 = p.y;
    }
    if (!Number.isFinite(x0)) {
      [x0, y1] = project(-18, 8);
      [x1, y0] = project(64, 42);
    }
    // A single place: show ~2 degrees around it rather than zooming to the street.
    const minSpan = (2 / 360) * WORLD;
    if (x1 - x0 < minSpan) [x0, x1] = [(x0 + x1 - minSpan) / 2, (x0 + x1 + minSpan) / 2];
    if (y1 - y0 < minSpan) [y0, y1] = [(y0 + y1 - minSpan) / 2, (y0 + y1 + minSpan) / 2];
    const pad = 48;
    const k = Math.min((this.w - 2 * pad) / (x1 - x0), (this.h - 2 * pad) / (y1 - y0));
    this._setView(k, this.w / 2 - ((x0 + x1) / 2) * k, this.h / 2 - ((y0 + y1) / 2) * k);
  }

  zoomBy(f, cx = this.w / 2, cy = this.h / 2) {
    const { k, tx, ty } = this.view;
    const nk = Math.max(this._minK(), Math.min(MAX_K, k * f));
    const r = nk / k;
    this._setView(nk, cx - (cx - tx) * r, cy - (cy - ty) * r);
  }

  _minK() {
    return Math.max(1, Math.min(this.w, this.h) / WORLD);
  }

  _setView(k, tx, ty) {
    k = Math.max(this._minK(), Math.min(MAX_K, k));
    this.view = { k, tx, ty };
    this.redraw();
  }

  /** Tells the app that the user moved the map (programmatic fits are not saved in the address). */
  _moved() {
    this.handlers.onView?.();
  }

  /** The view as "lon,lat,zoom" (the centre and log2 of the scale), for the address bar. */
  viewString() {
    const { k, tx, ty } = this.view;
    const [lon, lat] = unproject((this.w / 2 - tx) / k, (this.h / 2 - ty) / k);
    return `${lon.toFixed(3)},${lat.toFixed(3)},${Math.log2(k).toFixed(2)}`;
  }

  /** Restores a view written by ``viewString``; ignores malformed strings. */
  setViewString(str) {
    const parts = String(str || "").split(",").map(Number);
    if (parts.length !== 3 || parts.some((x) => !Number.isFinite(x))) return false;
    const k = 2 ** parts[2];
    const [x, y] = project(parts[0], parts[1]);
    this._setView(k, this.w / 2 - x * k, this.h / 2 - y * k);
    return true;
  }

  _resize() {
    const r = this.root.getBoundingClientRect();
    this.w = Math.max(200, r.width);
    this.h = Math.max(200, r.height);
    this.dpr = window.devicePixelRatio || 1;
    this.canvas.width = Math.round(this.w * this.dpr);
    this.canvas.height = Math.round(this.h * this.dpr);
    this.svg.setAttribute("viewBox", `0 0 ${this.w} ${this.h}`);
    this.svg.setAttribute("width", this.w);
    this.svg.setAttribute("height", this.h);
    this._baseKey = null; // setting the canvas size cleared it
    this.redraw();
  }

  _bindInput() {
    let drag = null;
    this.svg.addEventListener("pointerdown", (e) => {
      if (e.button !== 0 || e.target.closest(".marker")) return;
      drag = { x: e.clientX, y: e.clientY, tx: this.view.tx, ty: this.view.ty, moved: false };
      this.svg.setPointerCapture(e.pointerId);
      this.root.classList.add("dragging");
    });
    this.svg.addEventListener("pointermove", (e) => {
      if (!drag) return;
      const dx = e.clientX - drag.x;
      const dy = e.clientY - drag.y;
      if (Math.abs(dx) + Math.abs(dy) > 2) drag.moved = true;
      this._setView(this.view.k, drag.tx + dx, drag.ty + dy);
    });
    const end = () => {
      if (drag?.moved) this._moved();
      drag = null;
      this.root.classList.remove("dragging");
    };
    this.svg.addEventListener("pointerup", end);
    this.svg.addEventListener("pointercancel", end);
    this.svg.addEventListener(
      "wheel",
      (e) => {
        e.preventDefault();
        const r = this.svg.getBoundingClientRect();
        this.zoomBy(Math.exp(-e.deltaY * 0.0015), e.clientX - r.left, e.clientY - r.top);
        this._moved();
      },
      { passive: false },
    );
    this.svg.addEventListener("dblclick", (e) => {
      if (e.target.closest(".marker")) return;
      const r = this.svg.getBoundingClientRect();
      this.zoomBy(2, e.clientX - r.left, e.clientY - r.top);
      this._moved();
    });
  }

  /** Schedules one redraw on the next animation frame. */
  redraw() {
    if (this._frame) return;
    this._frame = requestAnimationFrame(() => {
      this._frame = 0;
      this.drawNow();
    });
  }

  /** Draws basemap and markers at once (tests and benchmarks call it to time a redraw). */
  drawNow() {
    if (this._frame) {
      cancelAnimationFrame(this._frame);
      this._frame = 0;
    }
    // The basemap is redrawn only when what it shows changed (a filter change redraws markers only).
    const { k, tx, ty } = this.view;
    const key = `${k},${tx},${ty},${this.w},${this.h},${this.dpr},${this.highlight.country},${this.highlight.admin1},${!!this.base}`;
    if (key !== this._baseKey) {
      this._drawBase();
      this._baseKey = key;
    }
    this._drawMarkers();
  }

  _drawBase() {
    const ctx = this.canvas.getContext("2d");
    const { k, tx, ty } = this.view;
    const d = this.dpr;
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    ctx.fillStyle = SEA;
    ctx.fillRect(0, 0, this.canvas.width, this.canvas.height);
    if (!this.base) return;
    ctx.setTransform(d * k, 0, 0, d * k, d * tx, d * ty);
    ctx.fillStyle = LAND;
    ctx.fill(this.base.land, "evenodd");
    const hl = this._highlightPath();
    if (hl) {
      ctx.fillStyle = HIGHLIGHT;
      ctx.fill(hl, "evenodd");
    }
    if (k > 6) {
      ctx.strokeStyle = ADMIN;
      ctx.lineWidth = 0.7 / k;
      ctx.stroke(this.base.admin1);
    }
    ctx.strokeStyle = BORDER;
    ctx.lineWidth = 0.9 / k;
    ctx.stroke(this.base.land);
    if (hl) {
      ctx.strokeStyle = "#29629b";
      ctx.lineWidth = 1.6 / k;
      ctx.stroke(hl);
    }
    ctx.setTransform(d, 0, 0, d, 0, 0);
    this._drawLabels(ctx);
  }

  _highlightPath() {
    const { country, admin1 } = this.highlight;
    const b = this.base;
    if (admin1) {
      const key = admin1.toLowerCase();
      if (!b.byAdmin.has(key)) {
        const fs = b.raw.admin1.filter(
          (f) =>
            (f.name && f.name.toLowerCase() === key) ||
            f.name_ar === admin1 ||
            (f.code && f.code.toLowerCase() === key),
        );
        b.byAdmin.set(key, fs.length ? ringsPath(fs) : null);
      }
      const p = b.byAdmin.get(key);
      if (p) return p;
    }
    if (country) {
      const key = country.toUpperCase();
      if (!b.byIso.has(key)) {
        const fs = b.raw.countries.filter((f) => f.iso2 === key);
        b.byIso.set(key, fs.length ? ringsPath(fs) : null);
      }
      return b.byIso.get(key);
    }
    return null;
  }

  _drawLabels(ctx) {
    const { k, tx, ty } = this.view;
    const taken = [];
    const fits = (x, y, w, hgt) => {
      const box = [x - w / 2 - 4, y - hgt / 2 - 2, x + w / 2 + 4, y + hgt / 2 + 2];
      if (box[0] < 0 || box[1] < 0 || box[2] > this.w || box[3] > this.h) return false;
      for (const t of taken) if (box[0] < t[2] && t[0] < box[2] && box[1] < t[3] && t[1] < box[3]) return false;
      taken.push(box);
      return true;
    };
    ctx.textAlign = "center";
    ctx.textBaseline = "middle";
    if (k > 14) {
      ctx.font = '11px "Noto Sans", "DejaVu Sans", Arial, sans-serif';
      ctx.fillStyle = "#8a949e";
      for (const p of this.base.provinces) {
        const x = p.xy[0] * k + tx;
        const y = p.xy[1] * k + ty;
        if (x < 0 || y < 0 || x > this.w || y > this.h) continue;
        const w = ctx.measureText(p.name).width;
        if (fits(x, y, w, 12)) ctx.fillText(p.name, x, y);
      }
    }
    ctx.font = '600 12px "Noto Sans", "DejaVu Sans", Arial, sans-serif';
    for (const c of this.base.countries) {
      const x = c.xy[0] * k + tx;
      const y = c.xy[1] * k + ty;
      if (x < 0 || y < 0 || x > this.w || y > this.h) continue;
      const w = ctx.measureText(c.name).width;
      if (!fits(x, y, w, 28)) continue;
      ctx.fillStyle = "#56616c";
      ctx.font = '600 12px "Noto Sans", "DejaVu Sans", Arial, sans-serif';
      ctx.fillText(c.name.toUpperCase(), x, y - 6);
      if (c.name_ar) {
        ctx.fillStyle = "#7b8690";
        ctx.font = '12px "Noto Naskh Arabic", "Noto Sans Arabic", "Amiri", "Geeza Pro", Arial, sans-serif';
        ctx.direction = "rtl";
        ctx.fillText(c.name_ar, x, y + 8);
        ctx.direction = "ltr";
      }
    }
  }

  _drawMarkers() {
    const layer = this.layer;
    const frag = document.createDocumentFragment();
    let shown = 0;
    const clusters = clusterPoints(this.visible, this.view, this.w, this.h);
    // Big clusters first so small markers stay clickable on top.
    clusters.sort((a, b) => b.n - a.n || (b.fat || 0) - (a.fat || 0));
    for (const c of clusters) {
      shown += c.n;
      const cx = c.sx / c.n;
      const cy = c.sy / c.n;
      frag.appendChild(
        c.n === 1
          ? pointMarker(c.pts[0], cx, cy, this.selected, this.handlers.onSelect)
          : clusterMarker(c, cx, cy, (cl) => this._openCluster(cl)),
      );
    }
    // The open event stays visible inside a cluster: a ring where it lies.
    const sel = this.selected && this.visible.find((p) => p.id === this.selected);
    if (sel) {
      const { k, tx, ty } = this.view;
      frag.appendChild(
        s("circle", { class: "sel-ring", cx: (sel.x * k + tx).toFixed(1), cy: (sel.y * k + ty).toFixed(1), r: (radiusFor(sel.fatalities) + 6).toFixed(1) }),
      );
    }
    clear(layer).appendChild(frag);
    this.root.dataset.shown = String(shown);
    this.root.dataset.total = String(this.visible.length);
    this.root.dataset.markers = String(clusters.length);
    const outside = this.visible.length - shown;
    this.status.textContent =
      `${fmtInt(this.visible.length)} events on the map` +
      (outside > 0 ? ` · ${fmtInt(outside)} outside the view` : "") +
      (this.unlocated ? ` · ${fmtInt(this.unlocated)} without coordinates` : "");
  }

  _openCluster(c) {
    const xs = c.pts.map((p) => p.x);
    const ys = c.pts.map((p) => p.y);
    const spread = Math.max(Math.max(...xs) - Math.min(...xs), Math.max(...ys) - Math.min(...ys));
    // Events geocoded to the same spot never separate by zooming: list them instead.
    if (spread * this.view.k < 1 || this.view.k >= MAX_K) {
      this.handlers.onSelectMany(c.pts.map((p) => p.id));
      return;
    }
    this.fit(c.pts);
  }


}
