"""ACLED-format CSV: one row per event, ACLED's columns in ACLED's order with ACLED's labels.

Mapping choices (documented for users of the file):

- ``event_id_cnty``: ISO3 of the event's country + a number derived from the article (id, else
  url, else text) and the event's index in it, so re-running gives the same ids ("SYR48213007").
- ``time_precision``: 1 the day is stated, 2 the day is inferred (previous event of the article
  or the publication date), 3 a month (ACLED's codes).
- ``inter1``/``inter2``: ACLED's numeric codes (1 state forces ... 8 external/other forces);
  ``interaction`` both codes lower first ("17"), or inter1 then 0 for a single actor ("60").
- ``civilian_targeting``: "Civilians targeted" or empty; ``iso`` the ISO 3166 numeric code.
- ``source_scale`` is left empty (raqib does not know the outlet's reach); ``timestamp`` is the
  export time in Unix seconds; ``tags`` carries raqib's confidence and, for humanitarian events,
  "humanitarian:<sub_type>".
- Humanitarian events (displacement, aid blocked/delivered, evacuation, siege) have no ACLED
  type; they are written only with ``include_humanitarian=True``, as "Strategic developments" /
  "Other" with the tag "humanitarian:<sub_type>".
"""

from __future__ import annotations

import csv
import hashlib
import time
from collections.abc import Iterable
from typing import IO

from raqib.events.acled import (
    SUB_TYPE_LABELS,
    TYPE_LABELS,
    country_info,
    disorder_type,
    interaction,
)
from raqib.model.doc import Doc
from raqib.model.events import Actor, Event

COLUMNS = (
    "event_id_cnty",
    "event_date",
    "year",
    "time_precision",
    "disorder_type",
    "event_type",
    "sub_event_type",
    "actor1",
    "assoc_actor_1",
    "inter1",
    "actor2",
    "assoc_actor_2",
    "inter2",
    "interaction",
    "civilian_targeting",
    "iso",
    "region",
    "country",
    "admin1",
    "admin2",
    "admin3",
    "location",
    "latitude",
    "longitude",
    "geo_precision",
    "source",
    "source_scale",
    "notes",
    "fatalities",
    "tags",
    "timestamp",
)


def _doc_number(doc: Doc | None) -> int:
    key = (doc.id or doc.url or doc.text) if doc is not None else ""
    return int(hashlib.sha1(key.encode("utf-8")).hexdigest()[:8], 16) % 100000


def acled_row(
    event: Event, *, doc: Doc | None = None, index: int = 0, timestamp: int | None = None
) -> dict | None:
    """One ACLED row (column -> value) for an event; None for a humanitarian event."""
    loc = event.location
    iso3, numeric, country, region = country_info(loc.country if loc else None)
    tags = [f"raqib_confidence={event.confidence:.2f}"]
    if event.type == "humanitarian":
        event_type, sub_label = "Strategic developments", "Other"
        tags.insert(0, f"humanitarian:{event.sub_type}")
    else:
        event_type = TYPE_LABELS.get(event.type, event.type)
        sub_label = SUB_TYPE_LABELS.get(event.sub_type, event.sub_type)
    inter1 = event.actor1.inter if event.actor1 else None
    inter2 = event.actor2.inter if event.actor2 else None
    source = event.source.name_en or event.source.span.text if event.source else ""
    if doc is not None and (doc.url or doc.id):
        source = "; ".join(x for x in (source, doc.url or doc.id) if x)
    lat, lon, precision = _coordinates(loc)
    return {
        "event_id_cnty": f"{iso3 or 'XXX'}{_doc_number(doc):05d}{index:03d}",
        "event_date": event.date or "",
        "year": event.date[:4] if event.date else "",
        "time_precision": event.time_precision or "",
        "disorder_type": disorder_type(event.type, event.sub_type),
        "event_type": event_type,
        "sub_event_type": sub_label,
        "actor1": event.actor1.name if event.actor1 else "",
        "assoc_actor_1": _join(event.assoc_actor_1),
        "inter1": inter1 if inter1 is not None else "",
        "actor2": event.actor2.name if event.actor2 else "",
        "assoc_actor_2": _join(event.assoc_actor_2),
        "inter2": inter2 if inter2 is not None else "",
        "interaction": interaction(inter1, inter2) or "",
        "civilian_targeting": "Civilians targeted" if event.civilian_targeting else "",
        "iso": numeric if numeric is not None else "",
        "region": region or "",
        "country": country or "",
        "admin1": (loc.admin1 or "") if loc else "",
        "admin2": (loc.admin2 or "") if loc else "",
        "admin3": (loc.admin3 or "") if loc else "",
        "location": (loc.name_en or loc.text) if loc else "",
        "latitude": lat,
        "longitude": lon,
        "geo_precision": precision,
        "source": source,
        "source_scale": "",
        "notes": event.notes,
        "fatalities": event.fatalities if event.fatalities is not None else 0,
        "tags": "; ".join(tags),
        "timestamp": timestamp if timestamp is not None else int(time.time()),
    }


def _coordinates(loc) -> tuple[float | str, float | str, int | str]:
    """ACLED rows always carry coordinates: a place the text names only as a country gets the
    country's representative point with geo_precision 3 (ACLED's rule for the largest area)."""
    if loc is None:
        return "", "", ""
    if loc.lat is not None and loc.lon is not None:
        return loc.lat, loc.lon, loc.geo_precision or ""
    if loc.country:
        from raqib.kb.gazetteer import load_gazetteer

        entry = load_gazetteer().country(loc.country)
        if entry is not None and entry.lat is not None:
            return entry.lat, entry.lon, 3
    return "", "", loc.geo_precision or ""


def _join(actors: tuple[Actor, ...]) -> str:
    return "; ".join(a.name for a in actors)


def iter_rows(
    docs_or_events: Iterable[Doc | Event] | Doc, *, include_humanitarian: bool = False
) -> Iterable[dict]:
    """ACLED rows for documents (their events) or bare events, in order."""
    stamp = int(time.time())
    items = [docs_or_events] if isinstance(docs_or_events, Doc) else docs_or_events
    loose = 0
    for item in items:
        pairs = [(item, e) for e in item.events] if isinstance(item, Doc) else [(None, item)]
        for i, (doc, event) in enumerate(pairs):
            if event.type == "humanitarian" and not include_humanitarian:
                continue
            if not event.date:
                # ACLED rows need a day (event_date is never empty in ACLED data); an event
                # whose date the text does not give stays in the JSON and GeoJSON outputs.
                continue
            index = i if doc is not None else loose
            loose += doc is None
            yield acled_row(event, doc=doc, index=index, timestamp=stamp)


def write_acled_csv(docs_or_events, fp: IO[str], *, include_humanitarian: bool = False) -> int:
    """Write ACLED-format CSV (header + one row per event) to ``fp``; returns the row count."""
    writer = csv.DictWriter(fp, fieldnames=COLUMNS, lineterminator="\n")
    writer.writeheader()
    n = 0
    for row in iter_rows(docs_or_events, include_humanitarian=include_humanitarian):
        writer.writerow(row)
        n += 1
    return n
