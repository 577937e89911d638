"""Entity: a distinct person, organisation or place with all its mentions; Place: its geocode."""

from __future__ import annotations

from dataclasses import dataclass, field

from raqib.model.span import Span


@dataclass(frozen=True)
class Place:
    """Where a LOC entity lies, as resolved by the geocoder."""

    lat: float | None
    lon: float | None
    country: str | None  # ISO 3166-1 alpha-2
    admin1: str | None = None
    admin2: str | None = None
    admin1_ar: str | None = None
    admin2_ar: str | None = None
    place_type: str | None = None  # country, region, admin1, admin2, locality, neighbourhood, camp...
    geo_precision: int | None = None  # ACLED: 1 town, 2 part of region / near town, 3 region
    confidence: float = 0.0
    gazetteer_id: str | None = None
    ids: dict = field(default_factory=dict)  # geonames, wof, wikidata, pcode

    def to_dict(self) -> dict:
        return {
            "lat": self.lat,
            "lon": self.lon,
            "country": self.country,
            "admin1": self.admin1,
            "admin2": self.admin2,
            "admin1_ar": self.admin1_ar,
            "admin2_ar": self.admin2_ar,
            "place_type": self.place_type,
            "geo_precision": self.geo_precision,
            "confidence": round(self.confidence, 3),
            "gazetteer_id": self.gazetteer_id,
            "ids": dict(self.ids),
        }


@dataclass(frozen=True)
class Entity:
    """One distinct real-world entity of the article.

    ``type`` is PER, ORG or LOC. ``mentions`` are the spans where it occurs, without attached
    clitics (و ب ل ك ف) but with ال when it belongs to the name. ``key`` identifies the entity
    across the article (the knowledge-base id, or the normalised name). ``category`` is the ACLED
    actor category for actors (state_forces, rebel_group, political_militia, identity_militia,
    rioters, protesters, civilians, external_forces, other) or a finer kind for others
    (international_org, ngo, media, monitor, government, person_role...).
    """

    type: str
    key: str
    name: str
    mentions: tuple[Span, ...]
    name_en: str | None = None
    country: str | None = None
    category: str | None = None
    ids: dict = field(default_factory=dict)
    place: Place | None = None
    role: str | None = None  # for PER: the title found in context (الرئيس، وزير الخارجية...)
    confidence: float = 1.0

    @property
    def first(self) -> Span:
        return self.mentions[0]

    def to_dict(self) -> dict:
        out = {
            "type": self.type,
            "key": self.key,
            "name": self.name,
            "name_en": self.name_en,
            "mentions": [m.to_dict() for m in self.mentions],
            "country": self.country,
            "category": self.category,
            "ids": dict(self.ids),
            "role": self.role,
            "confidence": round(self.confidence, 3),
        }
        if self.type == "LOC":
            p = self.place
            out.update(
                {
                    "lat": p.lat if p else None,
                    "lon": p.lon if p else None,
                    "admin1": p.admin1 if p else None,
                    "admin2": p.admin2 if p else None,
                    "geo_precision": p.geo_precision if p else None,
                    "place": p.to_dict() if p else None,
                }
            )
            if p and p.country and not self.country:
                out["country"] = p.country
        return out
