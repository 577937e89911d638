"""Event: an ACLED-typed (or humanitarian) event at one place on one day, with its evidence."""

from __future__ import annotations

from dataclasses import dataclass, field

from raqib.model.figures import Source, When
from raqib.model.span import Span


@dataclass(frozen=True)
class Actor:
    """An actor of an event: ACLED-style English name and category, with the mention if any."""

    name: str  # ACLED-style English name, e.g. "Military Forces of Syria (2000-)" or "Civilians (Syria)"
    category: str | None = None  # ACLED inter code label: state_forces, rebel_group, civilians...
    inter: int | None = None  # ACLED inter code 1..8
    span: Span | None = None
    entity_key: str | None = None
    # How the role was given: None when the clause says it (subject, object, "برصاص ..."),
    # "position" when the actor was only the first or second armed party named in the clause.
    basis: str | None = None

    def to_dict(self) -> dict:
        out = {
            "name": self.name,
            "category": self.category,
            "inter": self.inter,
            "span": self.span.to_dict() if self.span else None,
            "entity_key": self.entity_key,
        }
        if self.basis:
            out["basis"] = self.basis
        return out


@dataclass(frozen=True)
class Location:
    """Where an event happened: the place mention and its geocode."""

    text: str
    name_en: str | None
    lat: float | None
    lon: float | None
    country: str | None
    admin1: str | None = None
    admin2: str | None = None
    admin3: str | None = None
    geo_precision: int | None = None
    span: Span | None = None
    entity_key: str | None = None

    def to_dict(self) -> dict:
        return {
            "text": self.text,
            "name_en": self.name_en,
            "lat": self.lat,
            "lon": self.lon,
            "country": self.country,
            "admin1": self.admin1,
            "admin2": self.admin2,
            "admin3": self.admin3,
            "geo_precision": self.geo_precision,
            "span": self.span.to_dict() if self.span else None,
            "entity_key": self.entity_key,
        }


@dataclass(frozen=True)
class Event:
    """One event: one type, one place, one day (ACLED's unit of record).

    ``type``/``sub_type`` are snake_case ACLED families and sub-types, or "humanitarian" with
    displacement, aid_blocked, aid_delivered, evacuation or siege. ``evidence`` holds the spans
    that report it; ``triggers`` the words that triggered it and ``rule`` what decided its type
    (for --explain).
    """

    type: str
    sub_type: str
    evidence: tuple[Span, ...]
    date: str | None = None  # YYYY-MM-DD
    time_precision: int | None = None
    when: When | None = None
    location: Location | None = None
    actor1: Actor | None = None
    actor2: Actor | None = None
    assoc_actor_1: tuple[Actor, ...] = ()
    assoc_actor_2: tuple[Actor, ...] = ()
    civilian_targeting: bool = False
    fatalities: int | None = None
    injured: int | None = None
    source: Source | None = None
    confidence: float = 0.5
    notes: str = ""
    triggers: tuple[Span, ...] = ()
    rule: str = ""
    explanation: tuple[str, ...] = field(default_factory=tuple)

    def to_dict(self) -> dict:
        ev = self.evidence[0] if self.evidence else None
        return {
            "type": self.type,
            "sub_type": self.sub_type,
            "date": self.date,
            "time_precision": self.time_precision,
            "when": self.when.to_dict() if self.when else None,
            "location": self.location.to_dict() if self.location else None,
            "actor1": self.actor1.name if self.actor1 else None,
            "actor2": self.actor2.name if self.actor2 else None,
            "actors": {
                "actor1": self.actor1.to_dict() if self.actor1 else None,
                "actor2": self.actor2.to_dict() if self.actor2 else None,
                "assoc_actor_1": [a.to_dict() for a in self.assoc_actor_1],
                "assoc_actor_2": [a.to_dict() for a in self.assoc_actor_2],
            },
            "civilian_targeting": self.civilian_targeting,
            "fatalities": self.fatalities,
            "injured": self.injured,
            "source": self.source.to_dict() if self.source else None,
            "confidence": round(self.confidence, 3),
            "notes": self.notes,
            "evidence": ev.to_dict() if ev else None,
            "evidence_spans": [s.to_dict() for s in self.evidence],
            "triggers": [s.to_dict() for s in self.triggers],
            "rule": self.rule,
            "explanation": list(self.explanation),
        }
