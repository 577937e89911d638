"""The analyst's page: one HTML page, its static files, and three compact JSON views it needs.

The page reads the same store queries as the JSON API (the API's own ``event_filter`` parses the
parameters and ``raqib.store.queries.where`` builds every filter), through three endpoints shaped
for a browser, next to the API's ``/events/{id}``, ``/articles/{id}`` and ``/export/events.*``:

- ``GET /page/points``: every matching event, one array per field (id, lat, lon, type, fatalities,
  date) for the map and the timeline (28k events: 1.6 MB of JSON; the query reads every event row
  unless the schema has the covering index named in bench/bench_page.py);
- ``GET /page/events``: one page of event summaries in a chosen order (the sortable table);
- ``GET /page/facets``: countries, provinces and actors with counts, for the filter menus.

Their JSON bodies are cached per filter until the events change (``ResponseCache``).
Mount it with ``mount_page(app)`` on an app from ``raqib.web.api.create_app`` (its store is
``app.state.store``). Every response carries a strict Content-Security-Policy: scripts and styles
come only from this server and article text is rendered as text nodes, so a ``<script>`` inside an
article stays text.
"""

from __future__ import annotations

import gzip
import json
import re
import threading
from collections import OrderedDict
from collections.abc import Callable
from functools import lru_cache
from importlib import resources
from typing import Annotated, Any

from fastapi import APIRouter, Depends, FastAPI, HTTPException, Query, Request
from fastapi.responses import Response

from raqib.store.queries import EVENT_COLUMNS, EventFilter, where
from raqib.web.api import event_filter

# The API's own filter parameters (start, end, bbox, country, admin1, type, sub_type, actor,
# min_fatalities, q), parsed by the API's own dependency: the page cannot drift from the API.
Filters = Annotated[EventFilter, Depends(event_filter)]

CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; "
    "frame-ancestors 'none'; form-action 'self'"
)
SECURITY_HEADERS = {
    "Content-Security-Policy": CSP,
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "X-Frame-Options": "DENY",
}
_STATIC_NAME = re.compile(r"^[a-z0-9_-]+\.(js|css|json|svg|html)$")
_TYPES = {
    "js": "text/javascript; charset=utf-8",
    "css": "text/css; charset=utf-8",
    "json": "application/json",
    "svg": "image/svg+xml",
    "html": "text/html; charset=utf-8",
}
# Table orders: API name -> SQL. A whitelist, never interpolated from the request.
ORDERS = {
    # Plain date order (not COALESCE) so that SQLite walks the date index; undated events come
    # last in descending order, first in ascending (SQLite sorts NULL lowest).
    "date": "date ASC, id",
    "-date": "date DESC, id",
    "fatalities": "COALESCE(fatalities, -1) ASC, date DESC, id",
    "-fatalities": "COALESCE(fatalities, -1) DESC, date DESC, id",
    "type": "type ASC, sub_type ASC, date DESC, id",
    "-type": "type DESC, sub_type DESC, date DESC, id",
    "location": "COALESCE(location_en, location, '') ASC, date DESC, id",
    "-location": "COALESCE(location_en, location, '') DESC, date DESC, id",
    "country": "COALESCE(country, '') ASC, COALESCE(admin1, '') ASC, date DESC, id",
    "-country": "COALESCE(country, '') DESC, COALESCE(admin1, '') DESC, date DESC, id",
    "actor": "COALESCE(actor1, '') ASC, date DESC, id",
    "-actor": "COALESCE(actor1, '') DESC, date DESC, id",
    "sources": "n_sources ASC, date DESC, id",
    "-sources": "n_sources DESC, date DESC, id",
}
MAX_POINTS = 250_000  # beyond this the map would need server-side clustering


@lru_cache(maxsize=64)
def _static(name: str) -> tuple[bytes, bytes] | None:
    """(raw, gzipped) bytes of a static file, or None (cached: the files ship with the package)."""
    path = resources.files("raqib.web").joinpath("static", name)
    if not path.is_file():
        return None
    raw = path.read_bytes()
    return raw, gzip.compress(raw, 6)


def _file_response(request: Request, name: str, *, cache: str) -> Response:
    if not _STATIC_NAME.match(name):
        raise HTTPException(404, f"no static file {name!r}")
    data = _static(name)
    if data is None:
        raise HTTPException(404, f"no static file {name!r}")
    raw, packed = data
    headers = {**SECURITY_HEADERS, "Cache-Control": cache, "Vary": "Accept-Encoding"}
    body = raw
    # Compressed only when it pays (the basemap is 0.9 MB raw, ~0.25 MB gzipped).
    if len(raw) > 2048 and "gzip" in request.headers.get("accept-encoding", ""):
        body = packed
        headers["Content-Encoding"] = "gzip"
    return Response(body, media_type=_TYPES[name.rsplit(".", 1)[1]], headers=headers)


def _values(row: Any) -> tuple:
    """A row's values in column order (sqlite3.Row or a psycopg dict row)."""
    return tuple(row.values()) if isinstance(row, dict) else tuple(row)


JSON_HEADERS = {**SECURITY_HEADERS, "Cache-Control": "no-store"}


def points(store: Any, f: EventFilter) -> dict:
    """Every matching event, one array per field (``type`` as indexes into ``types``): the map and the
    timeline read these; column arrays are ~25% smaller than rows and quicker to parse."""
    w, params = where(f, store.dialect)
    # No ORDER BY: the page does not need an order, and without one SQLite reads the covering
    # index (if the schema has one) instead of sorting 30k rows.
    sql = f"SELECT id, lat, lon, type, fatalities, date FROM events WHERE {w} LIMIT ?"
    cur = store.conn.cursor()
    if store.dialect.name == "sqlite":
        cur.row_factory = None  # plain tuples: a third faster than sqlite3.Row for 30k rows
    cur.execute(store.dialect.sql(sql), [*params, MAX_POINTS + 1])
    rows = [_values(r) for r in cur.fetchall()]
    truncated = len(rows) > MAX_POINTS
    rows = rows[:MAX_POINTS]
    types: dict[str | None, int] = {}
    cols: tuple = tuple(zip(*rows, strict=True)) if rows else ((),) * 6
    return {
        "columns": ["id", "lat", "lon", "type", "fatalities", "date"],
        "id": list(cols[0]),
        "lat": list(cols[1]),
        "lon": list(cols[2]),
        "type": [types.setdefault(t, len(types)) for t in cols[3]],
        "types": list(types),
        "fatalities": list(cols[4]),
        "date": list(cols[5]),
        "truncated": truncated,
    }


def sorted_events(store: Any, f: EventFilter, order: str, limit: int, offset: int) -> dict:
    """One page of event summaries (the API's columns) in a whitelisted order."""
    if order not in ORDERS:
        raise HTTPException(400, f"sort={order!r}: use one of {', '.join(sorted(ORDERS))}")
    w, params = where(f, store.dialect)
    conn, d = store.conn, store.dialect
    total = _values(conn.execute(d.sql(f"SELECT COUNT(*) FROM events WHERE {w}"), params).fetchone())[0]
    rows = conn.execute(
        d.sql(f"SELECT {EVENT_COLUMNS} FROM events WHERE {w} ORDER BY {ORDERS[order]} LIMIT ? OFFSET ?"),
        [*params, limit, offset],
    ).fetchall()
    events = []
    for row in rows:
        r = dict(row)
        r["civilian_targeting"] = bool(r["civilian_targeting"])
        events.append(r)
    nxt = offset + limit if offset + limit < total else None
    return {
        "total": int(total),
        "limit": limit,
        "offset": offset,
        "next_offset": nxt,
        "sort": order,
        "items": events,
    }


def facets(store: Any, f: EventFilter) -> dict:
    """Countries and provinces (ignoring the place filters) and top actors, with event counts."""
    conn, d = store.conn, store.dialect
    unplaced = EventFilter(**{**f.__dict__, "country": None, "admin1": None})
    w, params = where(unplaced, d)
    places = conn.execute(
        d.sql(
            f"SELECT country, admin1, COUNT(*) AS n FROM events WHERE {w} "
            "GROUP BY country, admin1 ORDER BY country, n DESC"
        ),
        params,
    ).fetchall()
    countries: dict[str, dict] = {}
    for country, admin1, n in (_values(r) for r in places):
        c = countries.setdefault(country or "", {"country": country, "events": 0, "admin1": []})
        c["events"] += n
        if admin1:
            c["admin1"].append({"name": admin1, "events": n})
    w, params = where(EventFilter(**{**f.__dict__, "actor": None}), d)
    actors = conn.execute(
        d.sql(
            f"SELECT actor, COUNT(*) AS n FROM (SELECT actor1 AS actor FROM events WHERE {w} UNION ALL "
            f"SELECT actor2 FROM events WHERE {w}) a WHERE actor IS NOT NULL GROUP BY actor "
            "ORDER BY n DESC, actor LIMIT 300"
        ),
        [*params, *params],
    ).fetchall()
    return {
        "countries": sorted(countries.values(), key=lambda c: -c["events"]),
        "actors": [{"name": a, "events": n} for a, n in (_values(r) for r in actors)],
    }


class ResponseCache:
    """The last few JSON bodies of the page's views, valid while the events do not change.

    Every event change (ingest, re-extraction) adds a row to ``event_changes``, so its largest id
    is a version of the data: one indexed lookup instead of re-running a 30k-row query when the
    analyst goes back to a filter or a second analyst opens the page.
    """

    def __init__(self, size: int = 48):
        self.size = size
        self._items: OrderedDict[tuple, bytes] = OrderedDict()
        self._lock = threading.Lock()

    @staticmethod
    def version(store: Any) -> Any:
        row = store.conn.execute(store.dialect.sql("SELECT MAX(id) FROM event_changes")).fetchone()
        return _values(row)[0]

    def get_or_make(self, key: tuple, make: Callable[[], Any]) -> bytes:
        with self._lock:
            body = self._items.get(key)
            if body is not None:
                self._items.move_to_end(key)
                return body
        body = json.dumps(make(), ensure_ascii=False, separators=(",", ":")).encode("utf-8")
        with self._lock:
            self._items[key] = body
            while len(self._items) > self.size:
                self._items.popitem(last=False)
        return body


def page_router(get_store: Callable[[], Any]) -> APIRouter:
    """The page, its static files and its three JSON views, over ``get_store()``."""
    router = APIRouter()
    cache = ResponseCache()

    def cached(kind: str, f: EventFilter, make: Callable[[Any], Any], *extra: Any) -> Response:
        store = get_store()
        body = cache.get_or_make((kind, cache.version(store), f, *extra), lambda: make(store))
        return Response(body, media_type="application/json", headers=JSON_HEADERS)

    @router.get("/", include_in_schema=False)
    def index(request: Request) -> Response:
        return _file_response(request, "index.html", cache="no-cache")

    @router.get("/static/{name}", include_in_schema=False)
    def static(request: Request, name: str) -> Response:
        return _file_response(request, name, cache="no-cache")

    @router.get("/page/points", tags=["page"])
    def page_points(f: Filters) -> Response:
        """Every matching event as a compact row, for the map and the timeline."""
        return cached("points", f, lambda store: points(store, f))

    @router.get("/page/events", tags=["page"])
    def page_events(
        f: Filters,
        sort: Annotated[str, Query(description=f"one of {', '.join(ORDERS)}")] = "-date",
        limit: Annotated[int, Query(ge=1, le=500)] = 50,
        offset: Annotated[int, Query(ge=0)] = 0,
    ) -> Response:
        """One page of event summaries in the order the table asks for."""
        return cached(
            "events", f, lambda store: sorted_events(store, f, sort, limit, offset), sort, limit, offset
        )

    @router.get("/page/facets", tags=["page"])
    def page_facets(f: Filters) -> Response:
        """Filter menu choices with counts."""
        return cached("facets", f, lambda store: facets(store, f))

    return router


def mount_page(app: FastAPI, get_store: Callable[[], Any] | None = None) -> FastAPI:
    """Adds the page to an app made by ``raqib.web.api.create_app`` (its store is ``app.state.store``
    unless ``get_store`` says otherwise); call it after the API routes so that API paths win."""
    app.include_router(page_router(get_store or (lambda: app.state.store)))
    return app
