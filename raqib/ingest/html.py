"""Article text and metadata from an HTML page: boilerplate removed, title, date and outlet from
OpenGraph / article: meta tags, JSON-LD, ``<time>`` and ``<title>``.

The body is found the way readability-style extractors do (after trafilatura and Readability.js):
drop elements that never hold article text (scripts, navigation, sidebars, share and comment
blocks), prefer an explicit ``<article>`` / ``itemprop=articleBody`` container, else score each
container by the text of its paragraphs minus link text (text density), then keep its paragraphs.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from urllib.parse import urlparse

import regex

from raqib.errors import InputError
from raqib.ingest.records import RawArticle, parse_when

_DROP_TAGS = (
    "script",
    "style",
    "noscript",
    "nav",
    "header",
    "footer",
    "aside",
    "form",
    "iframe",
    "svg",
    "button",
    "select",
    "template",
    "figure",
    "figcaption",
    "menu",
    "dialog",
)
# class/id words of blocks that are not article text (share bars, related links, comments, ads...).
_BOILERPLATE = regex.compile(
    r"(?i)(^|[-_\s])(comment|share|social|related|recommend|sidebar|side-bar|footer|header|menu|navbar|nav|"
    r"breadcrumb|advert|ad|ads|promo|newsletter|subscribe|cookie|tags|widget|popup|modal|banner|most-read|"
    r"trending|outbrain|taboola|author-bio|byline-social)([-_\s]|$)"
)
_BLOCKS = ("p", "h2", "h3", "h4", "li", "blockquote", "pre")
_ARTICLE_TYPES = {
    "newsarticle",
    "article",
    "reportagenewsarticle",
    "blogposting",
    "analysisnewsarticle",
    "webpage",
}
_WS = regex.compile(r"[ \t\r\f\v\u00a0]+")
# A paragraph whose text is mostly links is navigation (Readability uses 0.5 too).
MAX_LINK_DENSITY = 0.5


@dataclass(frozen=True)
class PageMeta:
    title: str | None = None
    published: str | None = None
    url: str | None = None
    outlet: str | None = None
    body: str | None = None  # JSON-LD articleBody, used when the page body yields too little


def extract_html(html: str | bytes, *, url: str | None = None, origin: str = "-") -> RawArticle:
    """The article of one HTML page (raises InputError when no article text is found)."""
    import lxml.html
    from lxml import etree

    if isinstance(html, bytes):
        html = _decode(html, origin)
    html = regex.sub(r"^\s*<\?xml[^>]*\?>", "", html)
    if not html.strip():
        raise InputError("empty HTML page", source=origin)
    try:
        root = lxml.html.document_fromstring(html)
    except (etree.ParserError, ValueError) as exc:
        raise InputError(f"unreadable HTML ({exc})", source=origin) from None
    meta = page_meta(root, url)
    body = article_text(root)
    if len(body) < 200 and meta.body and len(meta.body) > len(body):
        body = meta.body.strip()
    if not body.strip():
        raise InputError("no article text found in the page", source=origin)
    day, stamp = parse_when(meta.published)
    return RawArticle(
        text=body,
        title=meta.title,
        published=day,
        published_at=stamp,
        url=meta.url or url,
        outlet=meta.outlet,
        origin=origin,
    )


def _decode(data: bytes, origin: str) -> str:
    m = regex.search(rb"""<meta[^>]+charset=["']?([A-Za-z0-9_-]+)""", data[:4096], flags=regex.I)
    if m:
        try:
            return data.decode(m.group(1).decode("ascii"))
        except (LookupError, UnicodeDecodeError):
            pass
    from raqib.inputs import decode_bytes

    return decode_bytes(data, origin)


def page_meta(root, url: str | None = None) -> PageMeta:
    """Title, publication time, canonical URL and outlet from meta tags and JSON-LD."""
    metas: dict[str, str] = {}
    for m in root.iter("meta"):
        key = (m.get("property") or m.get("name") or m.get("itemprop") or "").strip().lower()
        content = (m.get("content") or "").strip()
        if key and content and key not in metas:
            metas[key] = content
    ld = _json_ld(root)
    title = metas.get("og:title") or ld.get("headline") or metas.get("twitter:title")
    if not title:
        h1 = root.find(".//h1")
        title = _text(h1) if h1 is not None else None
    if not title:
        t = root.find(".//title")
        title = _text(t) if t is not None else None
    published = (
        metas.get("article:published_time")
        or ld.get("datePublished")
        or metas.get("og:published_time")
        or metas.get("datepublished")
        or metas.get("pubdate")
        or metas.get("date")
        or metas.get("dc.date.issued")
        or metas.get("dc.date")
        or _time_tag(root)
    )
    canonical = None
    for link in root.iter("link"):
        if (link.get("rel") or "").lower() == "canonical" and link.get("href"):
            canonical = link.get("href")
            break
    page_url = metas.get("og:url") or canonical or url
    publisher = ld.get("publisher")
    outlet = metas.get("og:site_name") or (publisher.get("name") if isinstance(publisher, dict) else None)
    if not outlet and (page_url or url):
        outlet = urlparse(page_url or url).hostname
    body = ld.get("articleBody") if isinstance(ld.get("articleBody"), str) else None
    return PageMeta(title=_clean(title), published=published, url=page_url, outlet=outlet, body=body)


def _json_ld(root) -> dict:
    """The first Article-like object of the page's JSON-LD (``@graph`` and lists searched)."""
    for script in root.iter("script"):
        if (script.get("type") or "").lower() != "application/ld+json" or not script.text:
            continue
        try:
            data = json.loads(script.text)
        except ValueError:
            continue
        stack = [data]
        while stack:
            node = stack.pop(0)
            if isinstance(node, list):
                stack.extend(node)
            elif isinstance(node, dict):
                types = node.get("@type")
                types = types if isinstance(types, list) else [types]
                if any(isinstance(t, str) and t.lower() in _ARTICLE_TYPES for t in types) and (
                    node.get("headline") or node.get("datePublished") or node.get("articleBody")
                ):
                    return node
                if "@graph" in node:
                    stack.extend(node["@graph"] if isinstance(node["@graph"], list) else [node["@graph"]])
    return {}


def _time_tag(root) -> str | None:
    for t in root.iter("time"):
        if t.get("datetime"):
            return t.get("datetime")
    return None


def article_text(root) -> str:
    """The main text of the page: paragraphs of the densest content block, boilerplate removed."""
    body = root.find("body")
    if body is None:
        body = root
    for el in list(body.iter(*_DROP_TAGS)):
        _remove(el)
    for el in list(body.iter()):
        if not isinstance(el.tag, str) or el.tag in ("body", "html", "article", "main"):
            continue
        attrs = f"{el.get('class') or ''} {el.get('id') or ''}"
        if attrs.strip() and _BOILERPLATE.search(attrs):
            _remove(el)
    container = _explicit_container(body)
    if container is None:
        container = _densest(body)
    if container is None:
        container = body
    paras = _paragraphs(container)
    if not paras:
        text = _text(container)
        return "\n".join(ln.strip() for ln in text.splitlines() if len(ln.strip()) >= 25)
    return "\n\n".join(paras)


def _explicit_container(body):
    for xp in (".//*[@itemprop='articleBody']", ".//article", ".//main"):
        found = body.xpath(xp)
        if found:
            best = max(found, key=lambda e: len(_text(e)))
            if len(_text(best)) >= 200:
                return best
    return None


def _densest(body):
    scores: dict = {}
    for p in body.iter("p"):
        text = _text(p)
        if len(text) < 25:
            continue
        score = len(text) * (1.0 - _link_density(p))
        parent = p.getparent()
        if parent is not None:
            scores[parent] = scores.get(parent, 0.0) + score
            grand = parent.getparent()
            if grand is not None:
                scores[grand] = scores.get(grand, 0.0) + score / 2
    if not scores:
        return None
    return max(scores, key=scores.get)


def _paragraphs(container) -> list[str]:
    out: list[str] = []
    for el in container.iter(*_BLOCKS):
        if any(anc.tag in _BLOCKS for anc in el.iterancestors()):
            continue  # nested block: its text is in the outer one
        text = _text(el)
        if not text or _link_density(el) > MAX_LINK_DENSITY:
            continue
        if el.tag == "li" and len(text) < 40:
            continue  # short list items are menus and tag lists
        out.append(text)
    return out


def _link_density(el) -> float:
    total = len(_text(el))
    if not total:
        return 1.0
    links = sum(len(_text(a)) for a in el.iter("a"))
    return links / total


def _text(el) -> str:
    if el is None:
        return ""
    parts = []
    for chunk in el.itertext():
        parts.append(chunk)
    return _clean("".join(parts)) or ""


def _clean(s: str | None) -> str | None:
    if s is None:
        return None
    lines = [_WS.sub(" ", ln).strip() for ln in s.splitlines()]
    out = " ".join(ln for ln in lines if ln)
    return out or None


def _remove(el) -> None:
    """Remove ``el`` but keep its tail text (which belongs to the parent)."""
    parent = el.getparent()
    if parent is None:
        return
    tail = el.tail
    if tail and tail.strip():
        prev = el.getprevious()
        if prev is not None:
            prev.tail = (prev.tail or "") + tail
        else:
            parent.text = (parent.text or "") + tail
    parent.remove(el)
