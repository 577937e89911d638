"""Exports of canonical events: ACLED-style CSV, GeoJSON, JSONL and Parquet (pyarrow, optional).

All writers take the canonical event dicts of ``Store.iter_events`` and a binary stream.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable
from typing import BinaryIO

from raqib.errors import RaqibError
from raqib.export.acled_csv import COLUMNS as ACLED_COLUMNS  # ACLED's column order, defined once

FORMATS = ("acled-csv", "geojson", "jsonl", "parquet")
MEDIA_TYPES = {
    "acled-csv": "text/csv; charset=utf-8",
    "geojson": "application/geo+json",
    "jsonl": "application/x-ndjson",
    "parquet": "application/vnd.apache.parquet",
}


class ExportError(RaqibError):
    """An export format cannot be written here (e.g. Parquet without pyarrow)."""


def export_events(events: Iterable[dict], fmt: str, out: BinaryIO) -> int:
    """Write ``events`` to ``out`` in ``fmt``; returns how many were written."""
    if fmt == "jsonl":
        return _jsonl(events, out)
    if fmt == "geojson":
        return _geojson(events, out)
    if fmt == "acled-csv":
        return _acled_csv(events, out)
    if fmt == "parquet":
        return _parquet(events, out)
    raise ExportError(f"unknown export format {fmt!r}: choose one of {', '.join(FORMATS)}")


def flat_row(ev: dict) -> dict:
    """One ACLED-format row of a canonical event, with the labels, codes and country data of
    raqib/events/acled.py (as raqib/export/acled_csv.py writes them for single articles).

    ``event_id_cnty`` is ISO3 + the canonical event id; ``source`` lists the outlets;
    ``tags`` counts the reports and carries "humanitarian:<sub_type>" for humanitarian events.
    """
    from raqib.events.acled import SUB_TYPE_LABELS, TYPE_LABELS, country_info, disorder_type, interaction

    loc = ev.get("location") or {}
    actors = ev.get("actors") or {}
    a1, a2 = actors.get("actor1") or {}, actors.get("actor2") or {}
    inter1, inter2 = a1.get("inter"), a2.get("inter")
    date = ev.get("date") or ""
    etype, sub = ev.get("type") or "", ev.get("sub_type") or ""
    iso3, numeric, country, region = country_info(loc.get("country"))
    tags = [f"reports={ev.get('n_reports', 0)}"]
    if etype == "humanitarian":
        event_type, sub_label = "Strategic developments", "Other"
        tags.insert(0, f"humanitarian:{sub}")
    else:
        event_type, sub_label = TYPE_LABELS.get(etype, etype), SUB_TYPE_LABELS.get(sub, sub)
    outlets = ev.get("outlets") or sorted(
        {s.get("outlet") for s in ev.get("sources") or [] if s.get("outlet")}
    )
    return {
        "event_id_cnty": f"{iso3 or 'XXX'}-{ev.get('id')}",
        "event_date": date,
        "year": date[:4],
        "time_precision": ev.get("time_precision") or 1,
        "disorder_type": disorder_type(etype, sub),
        "event_type": event_type,
        "sub_event_type": sub_label,
        "actor1": ev.get("actor1") or "",
        "assoc_actor_1": "; ".join(a.get("name", "") for a in actors.get("assoc_actor_1") or []),
        "inter1": inter1 if inter1 is not None else "",
        "actor2": ev.get("actor2") or "",
        "assoc_actor_2": "; ".join(a.get("name", "") for a in actors.get("assoc_actor_2") or []),
        "inter2": inter2 if inter2 is not None else "",
        "interaction": interaction(inter1, inter2) or "",
        "civilian_targeting": "Civilians targeted" if ev.get("civilian_targeting") else "",
        "iso": numeric if numeric is not None else "",
        "region": region or "",
        "country": country or loc.get("country") or "",
        "admin1": loc.get("admin1") or "",
        "admin2": loc.get("admin2") or "",
        "admin3": loc.get("admin3") or "",
        "location": loc.get("name_en") or loc.get("text") or "",
        "latitude": loc.get("lat") if loc.get("lat") is not None else "",
        "longitude": loc.get("lon") if loc.get("lon") is not None else "",
        "geo_precision": loc.get("geo_precision") or "",
        "source": "; ".join(outlets),
        "source_scale": "",
        "notes": _notes(ev),
        "fatalities": ev.get("fatalities") if ev.get("fatalities") is not None else 0,
        "tags": "; ".join(tags),
        "timestamp": "",
    }


def _notes(ev: dict) -> str:
    for s in ev.get("sources") or []:
        for span in s.get("evidence") or []:
            if span and span.get("text"):
                return span["text"]
    return ""


def _jsonl(events: Iterable[dict], out: BinaryIO) -> int:
    n = 0
    for ev in events:
        out.write(json.dumps(ev, ensure_ascii=False).encode("utf-8") + b"\n")
        n += 1
    return n


def _geojson(events: Iterable[dict], out: BinaryIO) -> int:
    out.write(b'{"type": "FeatureCollection", "features": [')
    n = 0
    for ev in events:
        loc = ev.get("location") or {}
        lat, lon = loc.get("lat"), loc.get("lon")
        geom = {"type": "Point", "coordinates": [lon, lat]} if lat is not None and lon is not None else None
        props = flat_row(ev)
        props["sources"] = [s.get("url") for s in ev.get("sources") or [] if s.get("url")]
        feature = {"type": "Feature", "id": ev.get("id"), "geometry": geom, "properties": props}
        out.write((b"," if n else b"") + b"\n" + json.dumps(feature, ensure_ascii=False).encode("utf-8"))
        n += 1
    out.write(b"\n]}\n")
    return n


def _acled_csv(events: Iterable[dict], out: BinaryIO) -> int:
    text = io.TextIOWrapper(out, encoding="utf-8", newline="", write_through=True)
    writer = csv.DictWriter(text, fieldnames=list(ACLED_COLUMNS))
    writer.writeheader()
    n = 0
    for ev in events:
        if not ev.get("date"):  # ACLED rows need a day; undated events stay in the JSON exports
            continue
        writer.writerow(flat_row(ev))
        n += 1
    text.flush()
    text.detach()
    return n


def _parquet(events: Iterable[dict], out: BinaryIO) -> int:
    try:
        import pyarrow as pa
        import pyarrow.parquet as pq
    except ImportError:
        raise ExportError("Parquet export needs pyarrow: pip install pyarrow") from None
    rows = []
    for ev in events:
        row = {k: ("" if v is None else str(v)) for k, v in flat_row(ev).items()}
        row["fatalities"] = int(ev.get("fatalities") or 0)
        loc = ev.get("location") or {}
        row["latitude"] = loc.get("lat")
        row["longitude"] = loc.get("lon")
        row["n_sources"] = int(ev.get("n_sources") or 0)
        row["json"] = json.dumps(ev, ensure_ascii=False)
        rows.append(row)
    columns = [*ACLED_COLUMNS, "n_sources", "json"]
    table = (
        pa.Table.from_pylist(rows, schema=_schema(pa, columns))
        if rows
        else pa.table({c: pa.array([], type=_type(pa, c)) for c in columns})
    )
    pq.write_table(table, out)
    return len(rows)


def _type(pa, column: str):
    if column in ("fatalities", "n_sources"):
        return pa.int64()
    if column in ("latitude", "longitude"):
        return pa.float64()
    return pa.string()


def _schema(pa, columns):
    return pa.schema([(c, _type(pa, c)) for c in columns])
