// The JSON API the page reads (paths relative to the page, so it works under a prefix too).
// /page/* are the page's compact views (raqib/web/page.py); /events/{id}, /articles/{id} and the
// exports are the public API (raqib/web/api.py). All take the same filter parameters.

import { dayOf } from "./timeline.js";

export const PATHS = {
  points: "page/points",
  events: "page/events",
  facets: "page/facets",
  event: (id) => `events/${encodeURIComponent(id)}`,
  article: (id) => `articles/${encodeURIComponent(id)}`,
  exports: {
    csv: "export/events.csv",
    geojson: "export/events.geojson",
  },
};

/** A query string from a plain object, dropping empty values. */
export function query(params) {
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) {
    if (v !== undefined && v !== null && v !== "") p.set(k, v);
  }
  const qs = p.toString();
  return qs ? `?${qs}` : "";
}

export class ApiError extends Error {
  constructor(status, message) {
    super(message);
    this.status = status;
  }
}

// One in-flight request per key: a newer filter change aborts the older fetch.
const inflight = new Map();

async function getJSON(url, key) {
  if (key) {
    inflight.get(key)?.abort();
  }
  const ctrl = new AbortController();
  if (key) inflight.set(key, ctrl);
  try {
    const res = await fetch(url, { signal: ctrl.signal, headers: { Accept: "application/json" } });
    if (!res.ok) {
      let msg = `${res.status} ${res.statusText}`;
      try {
        const body = await res.json();
        if (body && body.detail) msg = typeof body.detail === "string" ? body.detail : JSON.stringify(body.detail);
      } catch {
        /* not JSON */
      }
      throw new ApiError(res.status, msg);
    }
    return await res.json();
  } finally {
    if (key && inflight.get(key) === ctrl) inflight.delete(key);
  }
}

/**
 * Map/timeline rows as objects {id, lat, lon, type, fatalities, date, day}; the server sends
 * columns (one array per field, types as indexes into ``types``), which is smaller to send and parse.
 */
export async function fetchPoints(filters) {
  const d = await getJSON(PATHS.points + query(filters), "points");
  const rows = new Array(d.id.length);
  for (let i = 0; i < rows.length; i++) {
    rows[i] = {
      id: d.id[i],
      lat: d.lat[i],
      lon: d.lon[i],
      type: d.types[d.type[i]] ?? null,
      fatalities: d.fatalities[i],
      date: d.date[i],
      day: dayOf(d.date[i]),
    };
  }
  return { rows, truncated: !!d.truncated };
}

export function fetchEvents(filters, { sort = "-date", limit = 50, offset = 0 } = {}) {
  return getJSON(PATHS.events + query({ ...filters, sort, limit, offset }), "events");
}

export function fetchFacets(filters) {
  return getJSON(PATHS.facets + query(filters), "facets");
}

export function fetchEvent(id) {
  return getJSON(PATHS.event(id), "event");
}

export function fetchArticle(id) {
  return getJSON(PATHS.article(id), "article");
}

/** The export link for the current filters. */
export function exportUrl(kind, filters) {
  return PATHS.exports[kind] + query(filters);
}
