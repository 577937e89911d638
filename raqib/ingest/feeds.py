"""RSS and Atom feeds, from a file or a URL: one RawArticle per entry.

Entries carry a summary and often the full text (content:encoded); when the text is short and the
entry links to a page, the page is fetched and its article extracted (raqib/ingest/html.py).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from raqib.errors import InputError
from raqib.ingest.fetch import FetchPolicy, fetch
from raqib.ingest.records import RawArticle, parse_when

# Below this many characters an entry's own text is a teaser, not the article: fetch the page.
MIN_ENTRY_TEXT = 400


@dataclass(frozen=True)
class FeedDone:
    """Marks the end of a fetched feed: its validators are saved once its articles are stored,
    so an interrupted ingest does not skip entries on the next (conditional) fetch."""

    url: str
    etag: str | None
    last_modified: str | None


def looks_like_feed(data: bytes) -> bool:
    head = data[:2048].lstrip().lower()
    return b"<rss" in head or b"<feed" in head or b"<rdf:rdf" in head


def parse_feed(
    data: bytes,
    origin: str,
    *,
    fetch_pages: bool = False,
    policy: FetchPolicy | None = None,
) -> Iterator[RawArticle | InputError]:
    """The entries of an RSS/Atom document (bytes as served or read)."""
    import feedparser

    parsed = feedparser.parse(data)
    if parsed.bozo and not parsed.entries:
        reason = getattr(parsed.get("bozo_exception"), "args", ["not a feed"])
        yield InputError(
            f"not a readable RSS/Atom feed ({reason[0] if reason else 'parse error'})", source=origin
        )
        return
    outlet = (parsed.feed.get("title") or "").strip() or None
    for n, entry in enumerate(parsed.entries, 1):
        where = f"{origin}#{n}"
        try:
            yield _entry_article(entry, where, outlet, fetch_pages, policy)
        except InputError as exc:
            yield exc


def _entry_article(entry, where: str, outlet: str | None, fetch_pages: bool, policy) -> RawArticle:
    from raqib.ingest.html import extract_html

    title = (entry.get("title") or "").strip() or None
    link = entry.get("link")
    stamp = entry.get("published") or entry.get("updated") or entry.get("dc_date")
    day, raw = parse_when(stamp)
    text = ""
    for content in entry.get("content") or []:
        value = content.get("value") or ""
        if len(value) > len(text):
            text = value
    if not text:
        text = entry.get("summary") or ""
    text = _html_to_text(text)
    if fetch_pages and link and link.startswith(("http://", "https://")) and len(text) < MIN_ENTRY_TEXT:
        page = fetch(link, policy=policy)
        art = extract_html(page.body, url=page.url, origin=link)
        return RawArticle(
            text=art.text,
            title=title or art.title,
            published=day or art.published,
            published_at=raw or art.published_at,
            url=link,
            id=entry.get("id") or None,
            outlet=art.outlet or outlet,
            origin=where,
        )
    if not text.strip():
        raise InputError("feed entry has no text", source=where)
    return RawArticle(
        text=text,
        title=title,
        published=day,
        published_at=raw,
        url=link,
        id=entry.get("id") or None,
        outlet=outlet,
        origin=where,
    )


def _html_to_text(s: str) -> str:
    """Plain text of an entry's HTML content, one paragraph per block."""
    if "<" not in s:
        return s.strip()
    import lxml.html

    try:
        root = lxml.html.fragment_fromstring(s, create_parent="div")
    except Exception:  # noqa: BLE001 - malformed fragments fall back to tag stripping
        import regex

        return regex.sub(r"<[^>]+>", " ", s).strip()
    for br in root.iter("br"):
        br.tail = "\n" + (br.tail or "")
    blocks = []
    for el in root.iter("p", "div", "li", "h2", "h3", "blockquote"):
        if el.text or len(el):
            el.tail = "\n\n" + (el.tail or "")
    text = root.text_content()
    for para in text.split("\n\n"):
        para = " ".join(para.split())
        if para:
            blocks.append(para)
    return "\n\n".join(blocks)
