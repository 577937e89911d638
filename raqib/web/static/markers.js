// Event markers of the map: sizes, clustering, and the SVG of points, clusters and the legend.

import { h, s, clear, fmtInt } from "./dom.js";
import { TYPES, typeColor, typeLabel } from "./taxonomy.js";

const CELL = 46; // cluster grid cell, CSS pixels

export function radiusFor(fatalities) {
  // sqrt: marker area proportional to the count, capped so a massacre does not hide its region.
  return Math.min(22, 5 + 1.7 * Math.sqrt(Math.max(0, fatalities || 0)));
}

export function clusterRadius(n) {
  return Math.min(30, 13 + 3.2 * Math.log2(n));
}

function markerRadius(c) {
  return c.n === 1 ? radiusFor(c.fat) : clusterRadius(c.n);
}

function arcPath(cx, cy, r0, r1, a0, a1) {
  const large = a1 - a0 > Math.PI ? 1 : 0;
  const p = (r, a) => `${(cx + r * Math.sin(a)).toFixed(2)},${(cy - r * Math.cos(a)).toFixed(2)}`;
  return `M${p(r1, a0)}A${r1},${r1} 0 ${large} 1 ${p(r1, a1)}L${p(r0, a1)}A${r0},${r0} 0 ${large} 0 ${p(r0, a0)}Z`;
}

/**
 * Groups events ({x, y} in world units) into markers for the view {k, tx, ty} of a map this size:
 * a grid of CELL pixels, then neighbours whose markers would overlap merge.
 */
export function clusterPoints(points, { k, tx, ty }, width, height) {
  const cells = new Map();
  const m = 30;
  for (const p of points) {
    const sx = p.x * k + tx;
    const sy = p.y * k + ty;
    if (sx < -m || sy < -m || sx > width + m || sy > height + m) continue;
    // Cells anchored to world coordinates: panning moves clusters without regrouping them.
    const key = `${Math.floor((p.x * k) / CELL)}:${Math.floor((p.y * k) / CELL)}`;
    let c = cells.get(key);
    if (!c) {
      c = { n: 0, sx: 0, sy: 0, fat: 0, types: new Map(), pts: [] };
      cells.set(key, c);
    }
    c.n += 1;
    c.sx += sx;
    c.sy += sy;
    c.fat += p.fatalities || 0;
    c.types.set(p.type, (c.types.get(p.type) || 0) + 1);
    c.pts.push(p);
  }
  // Neighbouring cells whose markers would overlap merge (biggest first): a grid alone leaves
  // clusters of adjacent cells drawn on top of each other.
  const list = [...cells.values()].sort((a, b) => b.n - a.n);
  const out = [];
  for (const c of list) {
    const cx = c.sx / c.n;
    const cy = c.sy / c.n;
    const r = markerRadius(c);
    const host = out.find((o) => Math.hypot(o.sx / o.n - cx, o.sy / o.n - cy) < (markerRadius(o) + r) * 0.8);
    if (!host) {
      out.push(c);
      continue;
    }
    host.n += c.n;
    host.sx += c.sx;
    host.sy += c.sy;
    host.fat += c.fat;
    for (const [t, n] of c.types) host.types.set(t, (host.types.get(t) || 0) + n);
    for (const p of c.pts) host.pts.push(p);
  }
  return out;
}


/** One event's marker: a circle coloured by type, sized by fatalities. */
export function pointMarker(p, cx, cy, selected, onSelect) {
  const r = radiusFor(p.fatalities);
  const sel = selected === p.id;
  const title = `${p.date || "undated"} · ${typeLabel(p.type)}${p.fatalities ? ` · ${p.fatalities} killed` : ""}`;
  return s(
    "circle",
    {
      class: ["marker", "point", sel && "selected"],
      cx: cx.toFixed(1),
      cy: cy.toFixed(1),
      r: r.toFixed(1),
      fill: typeColor(p.type),
      "data-event-id": p.id,
      tabindex: "0",
      role: "button",
      "aria-label": title,
      onclick: () => onSelect(p.id),
      onkeydown: (e) => e.key === "Enter" && onSelect(p.id),
    },
    s("title", null, title),
  );
}

/** A cluster's marker: a ring split by event type around the count. */
export function clusterMarker(c, cx, cy, onOpen) {
  const r = clusterRadius(c.n);
  const g = s("g", {
    class: "marker cluster",
    transform: `translate(${cx.toFixed(1)},${cy.toFixed(1)})`,
    "data-count": c.n,
    tabindex: "0",
    role: "button",
  });
  const parts = [...c.types.entries()].sort((a, b) => b[1] - a[1]);
  let a = 0;
  if (parts.length === 1) {
    g.appendChild(s("circle", { r: r.toFixed(1), fill: typeColor(parts[0][0]), class: "ring" }));
  } else {
    for (const [type, n] of parts) {
      const b = a + (2 * Math.PI * n) / c.n;
      g.appendChild(s("path", { d: arcPath(0, 0, r * 0.62, r, a, b - 1e-6), fill: typeColor(type) }));
      a = b;
    }
  }
  g.appendChild(s("circle", { r: (r * 0.62).toFixed(1), class: "hole" }));
  g.appendChild(s("text", { class: "count", dy: "0.35em" }, c.n >= 1000 ? `${Math.round(c.n / 100) / 10}k` : c.n));
  const mix = parts.map(([t, n]) => `${typeLabel(t)}: ${n}`).join("\n");
  g.appendChild(s("title", null, `${fmtInt(c.n)} events · ${fmtInt(c.fat)} killed\n${mix}`));
  const act = () => onOpen(c);
  g.addEventListener("click", act);
  g.addEventListener("keydown", (e) => e.key === "Enter" && act());
  return g;
}


/** The legend: type colours and marker sizes. */
export function fillLegend(el) {
  clear(el);
  el.append(
    h("div", { class: "legend-title" }, "Event type"),
    ...TYPES.map((t) =>
      h("div", { class: "legend-row" }, h("span", { class: "swatch", dataset: { type: t.id } }), t.label),
    ),
    h("div", { class: "legend-title legend-size" }, "Fatalities"),
    s(
      "svg",
      { class: "legend-sizes", width: 130, height: 40, "aria-hidden": "true" },
      (() => {
        let x = 2;
        return [1, 10, 50].map((n) => {
          const r = radiusFor(n);
          const cx = x + r;
          x = cx + r + 22;
          return [s("circle", { cx, cy: 36 - r, r, class: "legend-circle" }), s("text", { x: cx + r + 3, y: 35 }, String(n))];
        });
      })(),
    ),
  );
  for (const sw of el.querySelectorAll(".swatch")) sw.style.background = typeColor(sw.dataset.type);
}
