// The timeline: events per day (per week or month over long spans), stacked by type, with a brush
// whose range filters the map, the table and the exports.

import { h, s, clear, fmtDate, fmtInt } from "./dom.js";
import { TYPES, typeColor, typeIndex, typeLabel } from "./taxonomy.js";

const DAY = 86400000;
const M = { left: 44, right: 14, top: 10, bottom: 24 };
const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/** "2019-05-12" -> days since 1970-01-01 (UTC), or null. */
export function dayOf(iso) {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso || "");
  return m ? Date.UTC(+m[1], +m[2] - 1, +m[3]) / DAY : null;
}

/** Days since 1970-01-01 -> "2019-05-12". */
export function isoOf(day) {
  return new Date(day * DAY).toISOString().slice(0, 10);
}

function binner(d0, d1) {
  const span = d1 - d0 + 1;
  if (span <= 200) return { unit: "day", start: (d) => d, next: (d) => d + 1 };
  if (span <= 3 * 366) {
    // Weeks starting on Monday (1970-01-01 was a Thursday).
    const start = (d) => d - ((d + 3) % 7);
    return { unit: "week", start, next: (d) => d + 7 };
  }
  const start = (d) => {
    const t = new Date(d * DAY);
    return Date.UTC(t.getUTCFullYear(), t.getUTCMonth(), 1) / DAY;
  };
  const next = (d) => {
    const t = new Date(d * DAY);
    return Date.UTC(t.getUTCFullYear(), t.getUTCMonth() + 1, 1) / DAY;
  };
  return { unit: "month", start, next };
}

export class Timeline {
  /**
   * @param {HTMLElement} root
   * @param {{onBrush: (from: string|null, to: string|null) => void, onBrushing: (from: number|null, to: number|null) => void}} handlers
   */
  constructor(root, handlers) {
    this.root = root;
    this.handlers = handlers;
    this.title = h("span", { class: "tl-title" }, "Events over time");
    this.range = h("span", { class: "tl-range" });
    this.clearBtn = h(
      "button",
      { type: "button", class: "link-button", hidden: true, onclick: () => this.setRange(null, null, true) },
      "Clear dates",
    );
    this.head = h("div", { class: "tl-head" }, this.title, this.range, this.clearBtn);
    this.svg = s("svg", { class: "tl-svg", role: "img", "aria-label": "Events over time" });
    root.append(this.head, this.svg);
    this.points = [];
    this.sel = null; // [fromDay, toDay] inclusive
    this._bindInput();
    // Sizes come from the observer, so that a redraw never forces a layout of the whole page.
    this.box = null;
    new ResizeObserver(() => {
      const r = this.root.getBoundingClientRect();
      this.box = { width: r.width, height: r.height - this.head.getBoundingClientRect().height };
      this.render();
    }).observe(root);
  }

  /** Replaces the events (each with ``date`` and ``type``) and redraws. */
  setPoints(points) {
    this.points = points;
    this.render();
  }

  /** Sets the brushed range ("YYYY-MM-DD" or null); ``emit`` tells the app. */
  setRange(from, to, emit = false) {
    const a = typeof from === "number" ? from : dayOf(from);
    const b = typeof to === "number" ? to : dayOf(to);
    this.sel = a === null && b === null ? null : [a ?? this.d0 ?? b, b ?? this.d1 ?? a];
    this._drawBrush();
    if (emit) {
      this.handlers.onBrush(this.sel ? isoOf(this.sel[0]) : null, this.sel ? isoOf(this.sel[1]) : null);
    }
  }

  render() {
    if (!this.box) return; // not laid out yet: the observer renders once it is
    this.w = Math.max(300, this.box.width);
    this.h = Math.max(90, this.box.height);
    this.svg.setAttribute("viewBox", `0 0 ${this.w} ${this.h}`);
    this.svg.setAttribute("width", this.w);
    this.svg.setAttribute("height", this.h);
    clear(this.svg);
    let d0 = Infinity;
    let d1 = -Infinity;
    const days = [];
    for (const p of this.points) {
      const d = p.day !== undefined ? p.day : dayOf(p.date);
      days.push(d);
      if (d === null) continue;
      if (d < d0) d0 = d;
      if (d > d1) d1 = d;
    }
    if (!Number.isFinite(d0)) {
      this.d0 = this.d1 = null;
      this.svg.appendChild(
        s("text", { x: this.w / 2, y: this.h / 2, class: "tl-empty" }, "No dated events for these filters"),
      );
      this.root.dataset.bins = "0";
      return;
    }
    // Less than a month of data: widen the axis so that a single day is not one wall-to-wall bar.
    if (d1 - d0 < 30) {
      d0 -= Math.floor((30 - (d1 - d0)) / 2);
      d1 = d0 + 30;
    }
    const bin = binner(d0, d1);
    const start = bin.start(d0);
    const edges = [start];
    while (edges[edges.length - 1] <= d1) edges.push(bin.next(edges[edges.length - 1]));
    this.d0 = start;
    this.d1 = edges[edges.length - 1] - 1;
    this.bin = bin;
    this.edges = edges;
    const nb = edges.length - 1;
    const nt = TYPES.length + 1;
    const counts = new Float64Array(nb * nt);
    // Bin index by binary search over the edges.
    for (let i = 0; i < this.points.length; i++) {
      const d = days[i];
      if (d === null) continue;
      let lo = 0;
      let hi = nb - 1;
      while (lo < hi) {
        const mid = (lo + hi + 1) >> 1;
        if (edges[mid] <= d) lo = mid;
        else hi = mid - 1;
      }
      counts[lo * nt + typeIndex(this.points[i].type)] += 1;
    }
    let max = 1;
    for (let b = 0; b < nb; b++) {
      let t = 0;
      for (let j = 0; j < nt; j++) t += counts[b * nt + j];
      if (t > max) max = t;
    }
    const x = (d) => M.left + ((d - this.d0) / (this.d1 + 1 - this.d0)) * (this.w - M.left - M.right);
    const ih = this.h - M.top - M.bottom;
    this.x = x;
    this.title.textContent = `Events per ${bin.unit}`;
    const bars = s("g", { class: "tl-bars" });
    for (let b = 0; b < nb; b++) {
      const xa = x(edges[b]);
      // At least 2 px so that a lone event stays visible; a 1 px gap while bars are wide enough.
      const slot = x(edges[b + 1]) - xa;
      const bw = Math.max(2, slot - (slot > 4 ? 1 : 0));
      let y = this.h - M.bottom;
      let total = 0;
      for (let j = 0; j < nt; j++) {
        const n = counts[b * nt + j];
        if (!n) continue;
        total += n;
        const bh = (n / max) * ih;
        y -= bh;
        const type = j < TYPES.length ? TYPES[j].id : "other";
        bars.appendChild(s("rect", { x: xa.toFixed(2), y: y.toFixed(2), width: bw.toFixed(2), height: bh.toFixed(2), fill: typeColor(type) }));
      }
      if (total) {
        const label = `${this._binLabel(edges[b])}: ${fmtInt(total)} events`;
        const mix = TYPES.map((t, j) => [t, counts[b * nt + j]]).filter(([, n]) => n);
        const tip = s("title", null, [label, ...mix.map(([t, n]) => `${typeLabel(t.id)}: ${n}`)].join("\n"));
        bars.appendChild(s("rect", { class: "tl-hit", x: xa, y: M.top, width: bw, height: ih }, tip));
      }
    }
    this.svg.appendChild(this._axes(max, ih, x));
    this.svg.appendChild(bars);
    this.brush = s("g", { class: "tl-brush" });
    this.svg.appendChild(this.brush);
    this.root.dataset.bins = String(nb);
    this._drawBrush();
  }

  _binLabel(d) {
    if (this.bin.unit === "day") return fmtDate(isoOf(d));
    if (this.bin.unit === "week") return `Week of ${fmtDate(isoOf(d))}`;
    const t = new Date(d * DAY);
    return `${MONTHS[t.getUTCMonth()]} ${t.getUTCFullYear()}`;
  }

  _axes(max, ih, x) {
    const g = s("g", { class: "tl-axis" });
    const base = this.h - M.bottom;
    g.appendChild(s("line", { x1: M.left, x2: this.w - M.right, y1: base, y2: base }));
    for (const v of [0, Math.round(max / 2), max]) {
      if (v === 0 && max === 0) continue;
      const y = base - (v / max) * ih;
      g.appendChild(s("line", { class: "grid", x1: M.left, x2: this.w - M.right, y1: y, y2: y }));
      g.appendChild(s("text", { x: M.left - 6, y, dy: "0.32em", class: "ylab" }, fmtInt(v)));
    }
    // Ticks: month starts (or years) spaced at least 70 px apart.
    const span = this.d1 + 1 - this.d0;
    const pxPerDay = (this.w - M.left - M.right) / span;
    const ticks = [];
    const t0 = new Date(this.d0 * DAY);
    let y = t0.getUTCFullYear();
    let m = t0.getUTCMonth();
    const stepMonths = [1, 2, 3, 6, 12, 24, 60].find((k) => k * 30.4 * pxPerDay >= 70) || 120;
    if (pxPerDay * 7 >= 70 && span <= 62) {
      for (let d = this.d0; d <= this.d1; d++) {
        const dt = new Date(d * DAY);
        if ((d - this.d0) % Math.ceil(70 / pxPerDay) === 0) ticks.push([d, `${dt.getUTCDate()} ${MONTHS[dt.getUTCMonth()]}`]);
      }
    } else {
      m = Math.ceil(m / stepMonths) * stepMonths;
      for (;;) {
        const d = Date.UTC(y + Math.floor(m / 12), m % 12, 1) / DAY;
        if (d > this.d1) break;
        if (d >= this.d0) {
          const mm = m % 12;
          const yy = y + Math.floor(m / 12);
          ticks.push([d, stepMonths >= 12 || mm === 0 ? String(yy) : `${MONTHS[mm]} ${yy}`]);
        }
        m += stepMonths;
      }
    }
    for (const [d, label] of ticks) {
      const xx = x(d);
      g.appendChild(s("line", { x1: xx, x2: xx, y1: base, y2: base + 4 }));
      g.appendChild(s("text", { x: xx, y: base + 15, class: "xlab" }, label));
    }
    return g;
  }

  _dayAt(px) {
    const f = (px - M.left) / (this.w - M.left - M.right);
    const d = this.d0 + Math.floor(Math.max(0, Math.min(0.999999, f)) * (this.d1 + 1 - this.d0));
    return d;
  }

  _snap(a, b) {
    // Whole bins: the brush selects what the bars show.
    const lo = Math.min(a, b);
    const hi = Math.max(a, b);
    const i = this.edges.findLastIndex((e) => e <= lo);
    const j = this.edges.findIndex((e) => e > hi);
    return [this.edges[Math.max(0, i)], (j < 0 ? this.d1 + 1 : this.edges[j]) - 1];
  }

  _bindInput() {
    let drag = null;
    const px = (e) => e.clientX - this.svg.getBoundingClientRect().left;
    this.svg.addEventListener("pointerdown", (e) => {
      if (this.d0 === null || this.d0 === undefined || e.button !== 0) return;
      drag = { a: this._dayAt(px(e)), x: px(e), moved: false };
      this.svg.setPointerCapture(e.pointerId);
    });
    this.svg.addEventListener("pointermove", (e) => {
      if (!drag) return;
      if (Math.abs(px(e) - drag.x) > 3) drag.moved = true;
      if (!drag.moved) return;
      this.sel = this._snap(drag.a, this._dayAt(px(e)));
      this._drawBrush();
      this.handlers.onBrushing?.(this.sel[0], this.sel[1]);
    });
    this.svg.addEventListener("pointerup", (e) => {
      if (!drag) return;
      const d = this._dayAt(px(e));
      const sel = this._snap(drag.a, d);
      drag = null;
      // A click inside the current selection clears it; elsewhere it selects that bin.
      this.setRange(sel[0], sel[1], true);
    });
    this.svg.addEventListener("pointercancel", () => {
      drag = null;
    });
    this.root.addEventListener("keydown", (e) => {
      if (e.key === "Escape") this.setRange(null, null, true);
    });
  }

  _drawBrush() {
    this.clearBtn.hidden = !this.sel;
    this.range.textContent = this.sel
      ? `${fmtDate(isoOf(this.sel[0]))} – ${fmtDate(isoOf(this.sel[1]))}`
      : "drag to select dates";
    this.root.dataset.from = this.sel ? isoOf(this.sel[0]) : "";
    this.root.dataset.to = this.sel ? isoOf(this.sel[1]) : "";
    if (!this.brush || this.d0 === null || this.d0 === undefined) return;
    clear(this.brush);
    if (!this.sel) return;
    const x0 = Math.max(M.left, this.x(this.sel[0]));
    const x1 = Math.min(this.w - M.right, this.x(this.sel[1] + 1));
    const top = M.top - 4;
    const bot = this.h - M.bottom;
    this.brush.append(
      s("rect", { class: "shade", x: M.left, y: top, width: Math.max(0, x0 - M.left), height: bot - top }),
      s("rect", { class: "shade", x: x1, y: top, width: Math.max(0, this.w - M.right - x1), height: bot - top }),
      s("rect", { class: "sel", x: x0, y: top, width: Math.max(1, x1 - x0), height: bot - top }),
    );
  }
}
