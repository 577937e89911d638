"""The HTTP API (FastAPI): events with filters, one event with its evidence and history, articles
with their spans, statistics, a changes feed, and exports. A thin layer over the store's queries.

Read-only unless the app is created with a token: then POST /articles (extract and store one
article) and POST /ingest (ingest files, folders or feeds) take ``Authorization: Bearer <token>``.
"""

from __future__ import annotations

import hmac
import io
import threading
from datetime import date
from typing import Annotated, Any

from fastapi import Depends, FastAPI, Header, HTTPException, Query, Request
from fastapi.responses import JSONResponse, Response
from pydantic import BaseModel, Field

from raqib import __version__
from raqib.errors import InputError, RaqibError
from raqib.store import EventFilter, open_store, parse_bbox
from raqib.store.exports import FORMATS, MEDIA_TYPES, ExportError, export_events

MAX_LIMIT = 500


class ArticleIn(BaseModel):
    """An article to extract and store."""

    text: str = Field(description="article body")
    title: str | None = None
    published: str | None = Field(None, description="YYYY-MM-DD or an ISO timestamp")
    url: str | None = None
    id: str | None = None
    outlet: str | None = None


class IngestIn(BaseModel):
    """Sources for an ingest run: files or folders on the server, or feed URLs."""

    sources: list[str] = Field(min_length=1)


def event_filter(
    start: Annotated[date | None, Query(description="first day (YYYY-MM-DD), inclusive")] = None,
    end: Annotated[date | None, Query(description="last day (YYYY-MM-DD), inclusive")] = None,
    bbox: Annotated[str | None, Query(description="min_lon,min_lat,max_lon,max_lat")] = None,
    country: Annotated[str | None, Query(description="country as stored (ISO code, e.g. SY)")] = None,
    admin1: Annotated[str | None, Query(description="first-level region, e.g. Rif Dimashq")] = None,
    type: Annotated[str | None, Query(description="event type, e.g. explosions_remote_violence")] = None,
    sub_type: Annotated[str | None, Query(description="event sub-type, e.g. air_or_drone_strike")] = None,
    actor: Annotated[str | None, Query(description="substring of actor 1 or actor 2")] = None,
    min_fatalities: Annotated[int | None, Query(ge=0, description="at least this many fatalities")] = None,
    q: Annotated[str | None, Query(description="words, Arabic (any clitic form) or English names")] = None,
) -> EventFilter:
    try:
        box = parse_bbox(bbox)
    except InputError as exc:
        raise HTTPException(status_code=422, detail=str(exc)) from None
    return EventFilter(
        date_from=start.isoformat() if start else None,
        date_to=end.isoformat() if end else None,
        bbox=box,
        country=country,
        admin1=admin1,
        type=type,
        sub_type=sub_type,
        actor=actor,
        min_fatalities=min_fatalities,
        q=q,
    )


Filters = Annotated[EventFilter, Depends(event_filter)]


def create_app(db_url: str, *, token: str | None = None) -> FastAPI:
    """The API over the database at ``db_url`` (file path or postgresql:// URL)."""
    store = open_store(db_url)
    write_lock = threading.Lock()  # one writer at a time (SQLite allows one; PostgreSQL merges need it)
    app = FastAPI(
        title="raqib event database",
        version=__version__,
        description="Events extracted from Arabic news, merged across reports, each tied to its evidence.",
    )
    app.state.store = store

    @app.exception_handler(RaqibError)
    def _raqib_error(_request: Request, exc: RaqibError) -> JSONResponse:
        return JSONResponse(status_code=400, content={"detail": str(exc)})

    def writer(authorization: Annotated[str | None, Header()] = None) -> None:
        if not token:
            raise HTTPException(403, "read-only server: start it with --token to enable writing endpoints")
        given = (authorization or "").removeprefix("Bearer ").strip()
        if (
            not authorization
            or not authorization.startswith("Bearer ")
            or not hmac.compare_digest(given, token)
        ):
            raise HTTPException(401, "missing or wrong bearer token", headers={"WWW-Authenticate": "Bearer"})

    @app.get("/events", summary="Events matching the filters, newest first, paginated")
    def events(
        f: Filters,
        limit: Annotated[int, Query(ge=1, le=MAX_LIMIT)] = 50,
        offset: Annotated[int, Query(ge=0)] = 0,
    ) -> dict[str, Any]:
        total, items = store.list_events(f, limit=limit, offset=offset)
        nxt = offset + limit if offset + limit < total else None
        return {"total": total, "limit": limit, "offset": offset, "next_offset": nxt, "items": items}

    @app.get("/events/{event_id}", summary="One event with its sources, evidence spans and history")
    def event(event_id: str) -> dict[str, Any]:
        ev = store.get_event(event_id)
        if ev is None:
            raise HTTPException(404, f"no event {event_id}")
        return ev

    @app.get("/articles/{article_id}", summary="One article: text, metadata and every annotation's spans")
    def article(article_id: str) -> dict[str, Any]:
        art = store.get_article(article_id)
        if art is None:
            raise HTTPException(404, f"no article {article_id}")
        return art

    @app.get("/stats", summary="Event counts and fatalities by day, type and place")
    def stats(f: Filters) -> dict[str, Any]:
        return store.stats(f)

    @app.get("/changes", summary="Events created, updated and deleted since a time")
    def changes(
        since: Annotated[
            str | None, Query(description="ISO date or timestamp (UTC unless an offset is given)")
        ] = None,
        limit: Annotated[int, Query(ge=1, le=10000)] = 1000,
    ) -> dict[str, Any]:
        items = store.changes(since, limit=limit)
        return {"since": since, "items": items, "last": items[-1]["at"] if items else since}

    @app.get("/export/events.{fmt}", summary="Matching events as acled-csv, geojson, jsonl or parquet")
    def export(fmt: str, f: Filters) -> Response:
        fmt = {"csv": "acled-csv"}.get(fmt, fmt)
        if fmt not in FORMATS:
            raise HTTPException(404, f"unknown format {fmt!r}: {', '.join(FORMATS)}")
        buf = io.BytesIO()
        try:
            export_events(store.iter_events(f), fmt, buf)
        except ExportError as exc:
            raise HTTPException(501, str(exc)) from None
        return Response(content=buf.getvalue(), media_type=MEDIA_TYPES[fmt])

    @app.post(
        "/articles", status_code=201, dependencies=[Depends(writer)], summary="Extract and store one article"
    )
    def post_article(body: ArticleIn) -> dict[str, Any]:
        from raqib.ingest.records import RawArticle, parse_when
        from raqib.ingest.runner import _extract_one, _prepare
        from raqib.store import extractor_id

        day, stamp = parse_when(body.published)
        raw = RawArticle(
            text=body.text,
            title=body.title,
            published=day,
            published_at=stamp,
            url=body.url,
            id=body.id,
            outlet=body.outlet,
            origin="api",
        )
        pending = _prepare(raw)
        status, doc = _extract_one((pending.row.id, pending.title, pending.body, day, body.url))
        if status != "ok":
            raise HTTPException(400, str(doc))
        with write_lock:
            added, counts = store.add_articles([(pending.row, doc)], extractor_id())
        if not added:
            return JSONResponse(
                status_code=200,
                content={
                    "id": pending.row.id,
                    "added": False,
                    "detail": "already stored (same id, URL or text)",
                },
            )
        return {
            "id": pending.row.id,
            "added": True,
            "events": counts,
            "article": store.get_article(pending.row.id),
        }

    @app.post("/ingest", dependencies=[Depends(writer)], summary="Ingest files, folders or feed URLs")
    def post_ingest(body: IngestIn) -> dict[str, Any]:
        from raqib.ingest import ingest

        with write_lock:
            summary = ingest(body.sources, store, workers=1, progress=False, log=io.StringIO())
        return summary.to_dict()

    @app.get("/health", include_in_schema=False)
    def health() -> dict[str, Any]:
        return {"ok": True, "version": __version__, "writable": bool(token)}

    from raqib.web.page import mount_page  # imported here: page.py imports this module's filters

    mount_page(app)  # the analyst's page at /, over the same store queries
    return app
