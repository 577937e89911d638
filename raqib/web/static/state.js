// The view state (filters, brushed dates, selected event, table order) and its URL form, so that a
// view can be shared by copying the address.

export const FILTER_KEYS = ["q", "type", "sub_type", "actor", "country", "admin1", "min_fatalities"];
export const DATE_KEYS = ["start", "end"];
const OTHER_KEYS = ["event", "sort", "page", "view"];

/** The state held in the address bar's query string. */
export function readState(search = window.location.search) {
  const p = new URLSearchParams(search);
  const st = {};
  for (const k of [...FILTER_KEYS, ...DATE_KEYS, ...OTHER_KEYS]) {
    const v = p.get(k);
    if (v !== null && v !== "") st[k] = v;
  }
  return st;
}

/** Writes the state to the address bar (replaceState: filters do not flood the history). */
export function writeState(st, { push = false } = {}) {
  const p = new URLSearchParams();
  for (const k of [...FILTER_KEYS, ...DATE_KEYS, ...OTHER_KEYS]) {
    if (st[k] !== undefined && st[k] !== null && st[k] !== "") p.set(k, st[k]);
  }
  const qs = p.toString();
  const url = window.location.pathname + (qs ? `?${qs}` : "");
  if (url === window.location.pathname + window.location.search) return;
  if (push) window.history.pushState(null, "", url);
  else window.history.replaceState(null, "", url);
}

/** The filters of a state, without the dates (the timeline shows every date). */
export function filtersOf(st, { withDates = true } = {}) {
  const out = {};
  for (const k of FILTER_KEYS) if (st[k] !== undefined && st[k] !== "") out[k] = st[k];
  if (withDates) for (const k of DATE_KEYS) if (st[k]) out[k] = st[k];
  return out;
}

/** Two states differ in their server-side filters (the ones that need a new point set). */
export function sameFilters(a, b) {
  return FILTER_KEYS.every((k) => (a[k] || "") === (b[k] || ""));
}
