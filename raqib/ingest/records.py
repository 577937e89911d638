"""RawArticle and the readers of local files: plain text, JSONL (also .jsonl.gz) and HTML pages.

Every reader yields ``RawArticle`` or, for a bad record, an ``InputError`` naming the file and
line, so a batch reports it, skips it and goes on (never a traceback).
"""

from __future__ import annotations

import gzip
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime
from email.utils import parsedate_to_datetime
from pathlib import Path

from raqib.errors import InputError
from raqib.inputs import decode_bytes, load_json_object, split_title

TEXT_SUFFIXES = (".txt",)
JSONL_SUFFIXES = (".jsonl", ".jsonl.gz", ".ndjson", ".ndjson.gz")
HTML_SUFFIXES = (".html", ".htm", ".xhtml")
FEED_SUFFIXES = (".rss", ".atom", ".xml")

# Field names seen in news dumps, in order of preference (ANT uses docno/source/published).
_ID_KEYS = ("id", "docno", "guid", "doc_id")
_TEXT_KEYS = ("text", "body", "content", "article")
_TITLE_KEYS = ("title", "headline")
_DATE_KEYS = ("published", "date_published", "datePublished", "pubDate", "time", "date")
_URL_KEYS = ("url", "link")
_OUTLET_KEYS = ("outlet", "source", "site_name", "publisher")


@dataclass(frozen=True)
class RawArticle:
    """An article as read, before extraction. ``origin`` says where it came from (file:line)."""

    text: str
    title: str | None = None
    published: str | None = None  # YYYY-MM-DD
    published_at: str | None = None  # the timestamp as given
    url: str | None = None
    id: str | None = None
    outlet: str | None = None
    origin: str = "-"


def parse_when(value: object) -> tuple[str | None, str | None]:
    """(YYYY-MM-DD, original text) of an ISO 8601 or RFC 822 timestamp; (None, text) if unreadable.

    The day is the one printed in the timestamp (the outlet's local day), as ACLED dates reports.
    """
    if value is None or value == "":
        return None, None
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return datetime.fromtimestamp(value, UTC).date().isoformat(), str(value)
    s = str(value).strip()
    if not s:
        return None, None
    try:
        return date.fromisoformat(s[:10]).isoformat(), s
    except ValueError:
        pass
    try:
        return parsedate_to_datetime(s).date().isoformat(), s
    except (TypeError, ValueError, IndexError):
        return None, s


def read_text_file(path: Path) -> Iterator[RawArticle | InputError]:
    """One article per file; the first line is the title when a blank line follows it."""
    origin = str(path)
    try:
        text = decode_bytes(path.read_bytes(), origin)
    except InputError as exc:
        yield exc
        return
    except OSError as exc:
        yield InputError(f"cannot read ({exc.strerror or exc})", source=origin)
        return
    if not text.strip():
        yield InputError("empty file", source=origin)
        return
    title, body = split_title(text)
    yield RawArticle(text=body, title=title, id=None, origin=origin)


def read_jsonl_file(path: Path) -> Iterator[RawArticle | InputError]:
    """One article per line (gzip when the name ends in .gz), streamed."""
    origin = str(path)
    try:
        fh = gzip.open(path, "rb") if path.name.endswith(".gz") else path.open("rb")  # noqa: SIM115
    except OSError as exc:
        yield InputError(f"cannot read ({exc.strerror or exc})", source=origin)
        return
    with fh:
        n = 0
        while True:
            try:
                line = fh.readline()
            except (OSError, EOFError) as exc:
                yield InputError(f"file is truncated or corrupt after line {n} ({exc})", source=origin)
                return
            if not line:
                return
            n += 1
            if not line.strip():
                continue
            try:
                yield parse_json_record(line, origin, n)
            except InputError as exc:
                yield exc


def parse_json_record(line: bytes | str, origin: str, n: int) -> RawArticle:
    """A RawArticle from one JSON object (keys: id/docno, title, text, published/time, url, outlet/source)."""
    rec = load_json_object(line, origin, n)
    return record_from_dict(rec, f"{origin}:{n}", origin=origin, line=n)


def record_from_dict(
    rec: dict, where: str, *, origin: str | None = None, line: int | None = None
) -> RawArticle:
    text = _pick(rec, _TEXT_KEYS)
    title = _pick(rec, _TITLE_KEYS)
    if not text.strip() and not title.strip():
        raise InputError("record has no text", source=origin or where, line=line)
    day, stamp = None, None
    for key in _DATE_KEYS:
        if rec.get(key):
            day, stamp = parse_when(rec[key])
            if day:
                break
    rid = next((rec[k] for k in _ID_KEYS if rec.get(k) not in (None, "")), None)
    return RawArticle(
        text=text,
        title=title.strip() or None,
        published=day,
        published_at=stamp,
        url=_pick(rec, _URL_KEYS) or None,
        id=str(rid) if rid is not None else None,
        outlet=_pick(rec, _OUTLET_KEYS) or None,
        origin=where,
    )


def _pick(rec: dict, keys: tuple[str, ...]) -> str:
    for k in keys:
        v = rec.get(k)
        if isinstance(v, str) and v.strip():
            return v
        if isinstance(v, dict) and isinstance(v.get("name"), str):  # {"publisher": {"name": ...}}
            return v["name"]
    return ""
