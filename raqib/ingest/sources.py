"""Sources: files, folders (walked recursively) and feed or page URLs, read as RawArticles."""

from __future__ import annotations

import gzip
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path

from raqib.errors import InputError
from raqib.ingest.feeds import FeedDone, looks_like_feed, parse_feed
from raqib.ingest.fetch import FetchPolicy, fetch
from raqib.ingest.records import (
    FEED_SUFFIXES,
    HTML_SUFFIXES,
    JSONL_SUFFIXES,
    TEXT_SUFFIXES,
    RawArticle,
    read_jsonl_file,
    read_text_file,
)

Item = RawArticle | InputError | FeedDone
FeedState = Callable[[str], tuple[str | None, str | None]]


def iter_sources(
    sources: Sequence[str],
    *,
    feed_state: FeedState | None = None,
    policy: FetchPolicy | None = None,
    fetch_pages: bool = True,
) -> Iterator[Item]:
    """Every article of every source, in order; bad ones as InputError (file:line: reason)."""
    for src in sources:
        if src.startswith(("http://", "https://")):
            yield from read_url(src, feed_state=feed_state, policy=policy, fetch_pages=fetch_pages)
            continue
        path = Path(src)
        if path.is_dir():
            for f in walk(path):
                yield from read_file(f, policy=policy, fetch_pages=fetch_pages)
        elif path.exists():
            yield from read_file(path, policy=policy, fetch_pages=fetch_pages, explicit=True)
        else:
            yield InputError("no such file or folder", source=src)


def walk(folder: Path) -> Iterator[Path]:
    """Files under ``folder`` in a stable order, hidden ones left out."""
    for p in sorted(folder.rglob("*")):
        if p.is_file() and not any(part.startswith(".") for part in p.relative_to(folder).parts):
            yield p


def kind_of(path: Path) -> str | None:
    name = path.name.lower()
    for kind, suffixes in (
        ("jsonl", JSONL_SUFFIXES),
        ("text", TEXT_SUFFIXES),
        ("html", HTML_SUFFIXES),
        ("feed", FEED_SUFFIXES),
    ):
        if name.endswith(suffixes):
            return kind
    return None


def read_file(
    path: Path, *, policy=None, fetch_pages: bool = False, explicit: bool = False
) -> Iterator[Item]:
    kind = kind_of(path)
    if kind is None:
        if explicit:
            yield InputError(
                "unknown file type (expected .txt, .jsonl[.gz], .html, .rss/.atom/.xml)", source=str(path)
            )
        return
    if kind == "jsonl":
        yield from read_jsonl_file(path)
    elif kind == "text":
        yield from read_text_file(path)
    else:
        try:
            data = path.read_bytes()
        except OSError as exc:
            yield InputError(f"cannot read ({exc.strerror or exc})", source=str(path))
            return
        if kind == "feed" or looks_like_feed(data):
            yield from parse_feed(data, str(path), fetch_pages=fetch_pages, policy=policy)
        else:
            yield from _html(data, None, str(path))


def read_url(
    url: str, *, feed_state: FeedState | None = None, policy=None, fetch_pages: bool = True
) -> Iterator[Item]:
    """A feed URL (conditional GET with the validators of the last fetch) or an article page URL."""
    etag, modified = feed_state(url) if feed_state else (None, None)
    try:
        res = fetch(url, etag=etag, last_modified=modified, policy=policy)
    except InputError as exc:
        yield exc
        return
    if res.not_modified:
        return
    ctype = res.content_type.lower()
    if "html" in ctype and not looks_like_feed(res.body):
        yield from _html(res.body, res.url, url)
        return
    yield from parse_feed(res.body, url, fetch_pages=fetch_pages, policy=policy)
    yield FeedDone(url, res.etag, res.last_modified)


def _html(data: bytes, url: str | None, origin: str) -> Iterator[Item]:
    from raqib.ingest.html import extract_html

    try:
        yield extract_html(data, url=url, origin=origin)
    except InputError as exc:
        yield exc


def estimate_total(sources: Sequence[str]) -> int | None:
    """How many records the sources hold (for the progress bar's ETA); None when unknown (URLs)."""
    total = 0
    for src in sources:
        if src.startswith(("http://", "https://")):
            return None
        path = Path(src)
        files = list(walk(path)) if path.is_dir() else [path] if path.exists() else []
        for f in files:
            kind = kind_of(f)
            if kind == "jsonl":
                try:
                    opener = gzip.open if f.name.endswith(".gz") else open
                    with opener(f, "rb") as fh:
                        total += sum(
                            chunk.count(b"\n") for chunk in iter(lambda fh=fh: fh.read(1 << 20), b"")
                        )
                except OSError:
                    pass
            elif kind is not None:
                total += 1
    return total
