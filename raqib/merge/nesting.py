"""Reports of one happening at two grains of place: a town and the region that contains it.

ACLED de-duplicates the reports of one event across sources and codes the most precise location
they give (ACLED Codebook 2023, "Geography": geo-precision 1 is the town, 2 a part of a region near
it, 3 the region). "Air strikes on Eastern Ghouta killed 42 civilians" and "air strikes on Saqba
killed 11" on the same day are one bombardment as two sources saw it; the merge-label set
(bench/merge_labels.jsonl, stratum "nested") counts them as one happening. The store looks up such
candidates only when the exact (type, day, place) slot gave none (see ``Store._match``).
"""

from __future__ import annotations

import math
from collections.abc import Iterable

from raqib.merge.reports import Report, place_key

# How far a town may lie from a region's point and still be inside it. The gazetteer has points,
# not extents: the Eastern Ghouta enclave of 2018 (~100 km², so ~6 km from its centre) holds
# Saqba, Kafr Batna, Douma, Harasta and Irbin at 4.6-6.8 km from the region's point, while
# Jaramana, a government-held suburb outside it, lies at 9.2 km (merge-label pair 182, tune split).
NEST_KM = 8.0


def point(location: dict | None) -> tuple[float, float, int] | None:
    """(lat, lon, geo_precision) of a geocoded location, else None."""
    if not location or location.get("lat") is None or location.get("lon") is None:
        return None
    return float(location["lat"]), float(location["lon"]), int(location.get("geo_precision") or 1)


def km(a: tuple[float, float, int], b: tuple[float, float, int]) -> float:
    """Great-circle distance (haversine) in kilometres."""
    lat1, lon1, lat2, lon2 = map(math.radians, (a[0], a[1], b[0], b[1]))
    h = math.sin((lat2 - lat1) / 2) ** 2 + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    return 2 * 6371.0 * math.asin(math.sqrt(min(1.0, h)))


def contains(broad: tuple[float, float, int] | None, narrow: tuple[float, float, int] | None) -> bool:
    """Whether ``broad`` is a coarser place (higher geo-precision number) whose area holds ``narrow``."""
    if broad is None or narrow is None:
        return False
    return broad[2] > narrow[2] and km(broad, narrow) <= NEST_KM


def nested_groups(report: Report, rows: Iterable[dict]) -> dict[str, list[dict]]:
    """The events, among ``rows`` (stored reports of the same type and day: ``event_id``, ``slot``
    and ``event``, the parsed report), that ``report`` may join across grains of place.

    A region-level report may join an event reported at a town inside the region. A town-level
    report may join an event reported at a region holding it, unless that event is already placed
    at another town (two towns hit the same day are two ACLED events). Events that share the
    report's own slot are left out: the slot rules have already decided about them.
    """
    mine = point(report.event.get("location"))
    if mine is None or not report.date:
        return {}
    my_key = report.place_key
    groups: dict[str, list[dict]] = {}
    for r in rows:
        groups.setdefault(r["event_id"], []).append(r)
    out: dict[str, list[dict]] = {}
    for event_id, rs in groups.items():
        if any(r["slot"] == report.slot for r in rs):
            continue
        pts = [point(r["event"].get("location")) for r in rs]
        if any(contains(mine, p) for p in pts):
            out[event_id] = rs
            continue
        holds_me = [contains(p, mine) for p in pts]
        others = [
            place_key(r["event"].get("location"), r.get("article_id", ""))
            for r, h in zip(rs, holds_me, strict=True)
            if not h
        ]
        if any(holds_me) and all(k == my_key for k in others):
            out[event_id] = rs
    return out


def is_broad(report: Report, rows: Iterable[dict]) -> bool:
    """Whether ``report`` is placed at a region holding the place of some row: a region-level
    report of a day when towns inside the region were hit. The merge labels count such a report
    as the same happening as each town's (stratum "nested": one region report, two towns, both
    pairs the same event), so it may join the best-attested of them rather than stand alone."""
    mine = point(report.event.get("location"))
    return any(contains(mine, point(r["event"].get("location"))) for r in rows)
