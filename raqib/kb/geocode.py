"""Geocoding: choose one gazetteer entry for each place name found in an article.

Each name's candidates are scored by their prior (place type, population, notability), the
countries the article names, the admin units it names (ريف دمشق -> places of Rif Dimashq), the
word before the name (محافظة -> the governorate) and, in a second pass, the distance to the places
already resolved with confidence (an article about Eastern Ghouta puts المحمدية near Damascus,
not in Morocco).
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from raqib.kb.gazetteer import GazEntry
from raqib.kb.geo_names import key_of

_admin_key = lru_cache(maxsize=8192)(key_of)

# Score weights (prior is on a 0-10 scale: a locality of 100k people with a Wikidata id is ~6).
COUNTRY_NAMED = 3.0  # the article names the candidate's country
HINT = 2.0  # settings.country_hint
ADMIN_NAMED = 2.0  # the article names the candidate's governorate or district
ANCHOR_COUNTRY = 1.5  # a confidently placed town of the article lies in the same country
# Distance to the nearest confidently placed other place (km -> bonus): towns in one report are
# usually within a district of each other (dev articles: median 12 km between named towns).
NEAR = ((25.0, 4.0), (60.0, 3.0), (200.0, 1.5))
_NEAR_LAT = NEAR[-1][0] / 111.0  # degrees of latitude beyond the widest band (111.19 km a degree)
ANCHOR_MARGIN = 2.0  # a name whose best candidate leads by this much is an anchor
_TYPE_CUES = {
    "محافظه": ("admin1",),
    "ريف": ("admin1",),
    "ولايه": ("admin1",),
    "قضاء": ("admin2",),
    "منطقه": ("admin2", "area"),
    "مدينه": ("locality",),
    "بلده": ("locality",),
    "قريه": ("locality",),
    "مخيم": ("camp",),
    "حي": ("neighbourhood", "locality"),
    "معبر": ("crossing",),
    "ناحيه": ("admin3", "locality"),
}


@dataclass(frozen=True)
class Resolution:
    entry: GazEntry
    confidence: float


def km(a: GazEntry, b: GazEntry) -> float:
    p1, p2 = math.radians(a.lat), math.radians(b.lat)
    h = (
        math.sin((p2 - p1) / 2) ** 2
        + math.cos(p1) * math.cos(p2) * math.sin(math.radians(b.lon - a.lon) / 2) ** 2
    )
    return 12742.0 * math.asin(math.sqrt(min(1.0, h)))


def _pointable(e: GazEntry) -> bool:
    return e.lat is not None and e.place_type not in ("country", "admin1", "region")


def resolve(
    candidates: dict[str, list[GazEntry]],
    cues: dict[str, set[str]] | None = None,
    country_hint: str | None = None,
) -> dict[str, Resolution]:
    """Best entry for each name key. ``cues``: normalised words seen right before the name."""
    cues = cues or {}
    named_countries = {e.country for cands in candidates.values() for e in cands if e.place_type == "country"}
    named_keys = set(candidates)

    def base(e: GazEntry, key: str) -> float:
        s = e.prior
        if e.country in named_countries:
            s += COUNTRY_NAMED
        if country_hint and e.country == country_hint:
            s += HINT
        a1 = _admin_key(e.admin1_ar) if e.admin1_ar else ""
        a2 = _admin_key(e.admin2_ar) if e.admin2_ar else ""
        if (a1 in named_keys and a1 != key) or (a2 in named_keys and a2 != key):
            s += ADMIN_NAMED
        for cue in cues.get(key, ()):
            if e.place_type in _TYPE_CUES.get(cue, ()):
                s += 3.0
        return s

    first: dict[str, list[tuple[float, GazEntry]]] = {}
    anchors: dict[str, GazEntry] = {}
    for key, cands in candidates.items():
        scored = sorted(((base(e, key), e) for e in cands), key=lambda t: -t[0])
        first[key] = scored
        lead = scored[0][0] - (scored[1][0] if len(scored) > 1 else -99)
        if lead >= ANCHOR_MARGIN and _pointable(scored[0][1]):
            anchors[key] = scored[0][1]
    anchor_countries = {e.country for e in anchors.values()}

    out: dict[str, Resolution] = {}
    for key, scored in first.items():
        others = [a for k, a in anchors.items() if k != key]
        best: list[tuple[float, GazEntry]] = []
        for s, e in scored:
            if e.country in anchor_countries and e.place_type != "country":
                s += ANCHOR_COUNTRY
            if others and e.lat is not None and _pointable(e):
                # Anchors further in latitude than the widest NEAR band are further in distance
                # too (a degree of latitude is 111.19 km): they cannot earn a bonus.
                near = [a for a in others if abs(a.lat - e.lat) <= _NEAR_LAT]
                if near:
                    d = min(km(e, a) for a in near)
                    s += next((b for lim, b in NEAR if d <= lim), 0.0)
            best.append((s, e))
        best.sort(key=lambda t: -t[0])
        margin = best[0][0] - best[1][0] if len(best) > 1 else 4.0
        out[key] = Resolution(best[0][1], round(0.5 + 0.45 * min(1.0, margin / 4.0), 3))
    return out


def countries_of(entries: Iterable[GazEntry]) -> set[str]:
    return {e.country for e in entries if e.country}
