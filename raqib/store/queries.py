"""Read queries over the store, shared by the CLI, the HTTP API and web pages.

Each function takes a DB-API connection and its ``Dialect`` and returns plain dicts (JSON-ready).
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from raqib.errors import InputError
from raqib.store.search import fts5_query, query_terms

EVENT_COLUMNS = (
    "id, type, sub_type, date, country, admin1, admin2, admin3, location, location_en, lat, lon, geo_precision, "
    "actor1, actor2, civilian_targeting, fatalities, injured, n_reports, n_sources, updated_at"
)


@dataclass(frozen=True)
class EventFilter:
    """Filters of ``/events`` (all optional; they combine with AND)."""

    date_from: str | None = None  # YYYY-MM-DD, inclusive
    date_to: str | None = None
    bbox: tuple[float, float, float, float] | None = None  # min_lon, min_lat, max_lon, max_lat
    country: str | None = None
    admin1: str | None = None
    type: str | None = None
    sub_type: str | None = None
    actor: str | None = None  # substring of actor 1 or 2, case-insensitive
    min_fatalities: int | None = None
    q: str | None = None  # words on the normalised, clitic-split Arabic and English names


def parse_bbox(value: str | None) -> tuple[float, float, float, float] | None:
    """``min_lon,min_lat,max_lon,max_lat`` to four floats (None stays None)."""
    if not value:
        return None
    try:
        parts = tuple(float(x) for x in value.split(","))
    except ValueError:
        raise InputError(f"bbox {value!r}: expected min_lon,min_lat,max_lon,max_lat (numbers)") from None
    if len(parts) != 4 or parts[0] > parts[2] or parts[1] > parts[3]:
        raise InputError(f"bbox {value!r}: expected min_lon,min_lat,max_lon,max_lat with min <= max")
    return parts  # type: ignore[return-value]


def where(f: EventFilter, dialect: Any) -> tuple[str, list]:
    """The WHERE clause (with ``?`` placeholders) and its parameters."""
    clauses = ["deleted = 0"]
    params: list = []

    def add(sql: str, *values: Any) -> None:
        clauses.append(sql)
        params.extend(values)

    if f.date_from:
        add("date >= ?", f.date_from)
    if f.date_to:
        add("date <= ?", f.date_to)
    if f.bbox:
        add("lon >= ? AND lat >= ? AND lon <= ? AND lat <= ?", *f.bbox)
    if f.country:
        add("(upper(country) = upper(?))", f.country)
    if f.admin1:
        add("lower(admin1) = lower(?)", f.admin1)
    if f.type:
        add("type = ?", f.type)
    if f.sub_type:
        add("sub_type = ?", f.sub_type)
    if f.actor:
        pattern = "%" + f.actor.lower() + "%"
        add("(lower(actor1) LIKE ? OR lower(actor2) LIKE ?)", pattern, pattern)
    if f.min_fatalities is not None:
        add("fatalities >= ?", f.min_fatalities)
    if f.q:
        if dialect.name == "sqlite":
            match = fts5_query(f.q)
            if match:
                add("id IN (SELECT event_id FROM events_fts WHERE events_fts MATCH ?)", match)
        else:
            terms = query_terms(f.q)
            if terms:
                add("to_tsvector('simple', search_text) @@ plainto_tsquery('simple', ?)", " ".join(terms))
    return " AND ".join(clauses), params


def list_events(
    conn: Any, dialect: Any, f: EventFilter, *, limit: int = 50, offset: int = 0
) -> tuple[int, list[dict]]:
    """(total matching, one page of event summaries), newest first."""
    w, params = where(f, dialect)
    total = _first(conn.execute(dialect.sql(f"SELECT COUNT(*) FROM events WHERE {w}"), params).fetchone())
    # The page's ids first (from a covering index), then only those rows: event rows are wide.
    rows = conn.execute(
        dialect.sql(
            f"SELECT {EVENT_COLUMNS} FROM events WHERE id IN (SELECT id FROM events WHERE {w} "
            "ORDER BY date DESC, id LIMIT ? OFFSET ?) ORDER BY date DESC, id"
        ),
        [*params, int(limit), int(offset)],
    ).fetchall()
    return int(total), [_summary(r) for r in rows]


def iter_events(conn: Any, dialect: Any, f: EventFilter, *, batch: int = 1000) -> Iterator[dict]:
    """Every matching canonical event in full (its stored JSON), oldest first, for exports."""
    w, params = where(f, dialect)
    last_date, last_id = "", ""
    while True:
        rows = conn.execute(
            dialect.sql(
                f"SELECT id, date, json FROM events WHERE {w} AND (COALESCE(date, '') > ? OR "
                f"(COALESCE(date, '') = ? AND id > ?)) ORDER BY COALESCE(date, ''), id LIMIT ?"
            ),
            [*params, last_date, last_date, last_id, batch],
        ).fetchall()
        if not rows:
            return
        for row in rows:
            r = _row(row)
            yield json.loads(r["json"])
        last_date, last_id = _row(rows[-1])["date"] or "", _row(rows[-1])["id"]


def get_event(conn: Any, dialect: Any, event_id: str) -> dict | None:
    """One canonical event with its sources, evidence and change history."""
    row = conn.execute(
        dialect.sql("SELECT json, deleted, created_at, updated_at FROM events WHERE id = ?"), (event_id,)
    ).fetchone()
    if row is None:
        return None
    r = _row(row)
    out = json.loads(r["json"])
    out.update({"deleted": bool(r["deleted"]), "created_at": r["created_at"], "updated_at": r["updated_at"]})
    hist = conn.execute(
        dialect.sql("SELECT id, change, at, extractor_id FROM event_changes WHERE event_id = ? ORDER BY id"),
        (event_id,),
    ).fetchall()
    out["history"] = [_row(h) for h in hist]
    return out


def get_article(conn: Any, dialect: Any, article_id: str) -> dict | None:
    """One stored article: its text, metadata, every annotation with its spans, its events."""
    row = conn.execute(
        dialect.sql(
            "SELECT id, url, outlet, title, published, published_at, origin, text, body_start, doc_json, "
            "extractor_id, added_at, extracted_at FROM articles WHERE id = ?"
        ),
        (article_id,),
    ).fetchone()
    if row is None:
        return None
    r = _row(row)
    doc = json.loads(r.pop("doc_json"))
    doc.update({k: r[k] for k in r})
    reps = conn.execute(
        dialect.sql("SELECT idx, event_id FROM reports WHERE article_id = ? ORDER BY idx"), (article_id,)
    ).fetchall()
    doc["event_ids"] = {int(_row(x)["idx"]): _row(x)["event_id"] for x in reps}
    return doc


def stats(conn: Any, dialect: Any, f: EventFilter, *, top: int = 100) -> dict:
    """Event counts and fatalities by day, by type and sub-type, and by place."""
    w, params = where(f, dialect)

    def group(cols: str, order: str, limit: int | None = None) -> list[dict]:
        sql = (
            f"SELECT {cols}, COUNT(*) AS events, COALESCE(SUM(fatalities), 0) AS fatalities FROM events "
            f"WHERE {w} GROUP BY {cols} ORDER BY {order}"
        )
        if limit:
            sql += f" LIMIT {int(limit)}"
        return [_row(x) for x in conn.execute(dialect.sql(sql), params).fetchall()]

    total = _first(conn.execute(dialect.sql(f"SELECT COUNT(*) FROM events WHERE {w}"), params).fetchone())
    return {
        "total": int(total),
        "by_day": group("date", "date"),
        "by_type": group("type, sub_type", "events DESC, type, sub_type"),
        "by_place": group("country, admin1, location_en", "events DESC, country, admin1, location_en", top),
    }


def changes(conn: Any, dialect: Any, since: str | None, *, limit: int = 1000) -> list[dict]:
    """Events created, updated and deleted after ``since`` (an ISO date or timestamp), oldest first."""
    since_key = normalize_since(since)
    rows = conn.execute(
        dialect.sql(
            "SELECT c.id AS seq, c.event_id, c.change, c.at, c.extractor_id, e.type, e.date, e.location_en, "
            "e.fatalities FROM event_changes c LEFT JOIN events e ON e.id = c.event_id WHERE c.at > ? "
            "ORDER BY c.id LIMIT ?"
        ),
        (since_key, int(limit)),
    ).fetchall()
    return [_row(r) for r in rows]


def normalize_since(since: str | None) -> str:
    """``since`` as the stored timestamp text (UTC, '...Z'); empty means the beginning."""
    if not since:
        return ""
    s = since.strip().replace(" ", "T")
    try:
        dt = datetime.fromisoformat(s[:-1] + "+00:00" if s.endswith("Z") else s)
    except ValueError:
        raise InputError(
            f"since={since!r} is not an ISO date or timestamp (e.g. 2018-03-01T12:00:00Z)"
        ) from None
    if dt.tzinfo is None:
        dt = dt.replace(tzinfo=UTC)
    return dt.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def _summary(row: Any) -> dict:
    r = _row(row)
    r["civilian_targeting"] = bool(r["civilian_targeting"])
    return r


def _row(row: Any) -> dict:
    return row if isinstance(row, dict) else dict(row)


def _first(row: Any) -> Any:
    return next(iter(row.values())) if isinstance(row, dict) else row[0]
