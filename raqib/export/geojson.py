"""GeoJSON: a FeatureCollection with one Point per located event (RFC 7946: [lon, lat])."""

from __future__ import annotations

from collections.abc import Iterable

from raqib.model.doc import Doc
from raqib.model.events import Event


def event_feature(event: Event, doc: Doc | None = None) -> dict | None:
    """A Point Feature for one event, or None when it has no coordinates."""
    loc = event.location
    if loc is None or loc.lat is None or loc.lon is None:
        return None
    ev = event.evidence[0] if event.evidence else None
    return {
        "type": "Feature",
        "geometry": {"type": "Point", "coordinates": [loc.lon, loc.lat]},
        "properties": {
            "type": event.type,
            "sub_type": event.sub_type,
            "date": event.date,
            "time_precision": event.time_precision,
            "location": loc.name_en or loc.text,
            "location_ar": loc.text,
            "country": loc.country,
            "geo_precision": loc.geo_precision,
            "actor1": event.actor1.name if event.actor1 else None,
            "actor2": event.actor2.name if event.actor2 else None,
            "fatalities": event.fatalities,
            "injured": event.injured,
            "civilian_targeting": event.civilian_targeting,
            "evidence": ev.text if ev else None,
            "notes": event.notes,
            "confidence": round(event.confidence, 3),
            "article_id": doc.id if doc else None,
            "url": doc.url if doc else None,
            "published": doc.published.isoformat() if doc and doc.published else None,
        },
    }


def to_geojson(docs: Iterable[Doc] | Doc) -> dict:
    """FeatureCollection of every located event of the documents (events without coordinates are
    left out; their count is in ``properties.unlocated``)."""
    items = [docs] if isinstance(docs, Doc) else list(docs)
    features, unlocated = [], 0
    for doc in items:
        for event in doc.events:
            f = event_feature(event, doc)
            if f is None:
                unlocated += 1
            else:
                features.append(f)
    return {"type": "FeatureCollection", "features": features, "properties": {"unlocated": unlocated}}
