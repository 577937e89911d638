// DOM helpers. Every piece of data reaches the page as a text node (never innerHTML): article
// text and titles are untrusted.

export const SVG_NS = "http://www.w3.org/2000/svg";

const ARABIC = /[\u0600-\u06FF\u0750-\u077F\u08A0-\u08FF\uFB50-\uFDFF\uFE70-\uFEFF]/;

/** True when the string holds Arabic letters. */
export function isArabic(s) {
  return typeof s === "string" && ARABIC.test(s);
}

function setAttrs(el, attrs) {
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === null || v === undefined || v === false) continue;
    if (k.startsWith("on") && typeof v === "function") el.addEventListener(k.slice(2), v);
    else if (k === "class") el.setAttribute("class", Array.isArray(v) ? v.filter(Boolean).join(" ") : v);
    else if (k === "dataset") Object.assign(el.dataset, v);
    else el.setAttribute(k, v === true ? "" : String(v));
  }
}

function append(el, children) {
  for (const c of children.flat(Infinity)) {
    if (c === null || c === undefined || c === false) continue;
    el.appendChild(c instanceof Node ? c : document.createTextNode(String(c)));
  }
}

/** An HTML element; string children become text nodes. */
export function h(tag, attrs, ...children) {
  const el = document.createElement(tag);
  setAttrs(el, attrs);
  append(el, children);
  return el;
}

/** An SVG element. */
export function s(tag, attrs, ...children) {
  const el = document.createElementNS(SVG_NS, tag);
  setAttrs(el, attrs);
  append(el, children);
  return el;
}

/** Text that may be Arabic: isolated, right-to-left when Arabic, in the Arabic font. */
export function txt(value, extraClass) {
  if (value === null || value === undefined || value === "") return h("span", { class: "muted" }, "—");
  const str = String(value);
  if (isArabic(str)) return h("bdi", { dir: "rtl", lang: "ar", class: ["ar", extraClass] }, str);
  return h("bdi", { dir: "ltr", class: extraClass }, str);
}

/** A name in both scripts: "Douma · دوما" (either may be missing). */
export function bilingual(en, ar) {
  const parts = [];
  if (en) parts.push(h("bdi", { dir: "ltr", class: "en" }, en));
  if (en && ar && en !== ar) parts.push(h("span", { class: "sep" }, " · "));
  if (ar && ar !== en) parts.push(txt(ar));
  if (!parts.length) return txt(null);
  return h("span", { class: "bi" }, parts);
}

export function clear(el) {
  while (el.firstChild) el.removeChild(el.firstChild);
  return el;
}

/** Replaces the children of ``el`` (null/false children are skipped, unlike Element.append). */
export function fill(el, ...children) {
  clear(el);
  append(el, children);
  return el;
}

export function fmtInt(n) {
  return n === null || n === undefined ? "—" : Number(n).toLocaleString("en-US");
}

/** "2019-05-12" -> "12 May 2019". */
export function fmtDate(d) {
  if (!d) return "—";
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(d);
  if (!m) return String(d);
  const months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
  return `${Number(m[3])} ${months[Number(m[2]) - 1]} ${m[1]}`;
}

export function debounce(fn, ms) {
  let t = 0;
  return (...args) => {
    clearTimeout(t);
    t = setTimeout(() => fn(...args), ms);
  };
}
