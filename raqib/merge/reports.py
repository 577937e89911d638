"""Report: one event as one article reports it, with the keys that decide what it merges with."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

from raqib.kb.alliances import actor_key
from raqib.text.normalize import normalize_str


@dataclass(frozen=True)
class Report:
    """An article's event (``event`` is ``Event.to_dict()``) and the article it comes from."""

    article_id: str
    idx: int
    event: dict
    url: str | None = None
    outlet: str | None = None
    published: str | None = None  # YYYY-MM-DD of the article

    @property
    def type(self) -> str:
        return self.event.get("type") or "unknown"

    @property
    def sub_type(self) -> str | None:
        return self.event.get("sub_type")

    @property
    def date(self) -> str | None:
        return self.event.get("date") or None

    @property
    def place_key(self) -> str:
        return place_key(self.event.get("location"), self.article_id)

    @property
    def slot(self) -> str:
        """Type family, day and place: ACLED's unit (one event per type, location and day).

        An event with no day or no place cannot be matched across articles, so its slot names
        its article: it only merges with itself.
        """
        day = self.date or f"nodate:{self.article_id}"
        return f"{self.type}|{day}|{self.place_key}"

    @property
    def place_day(self) -> str:
        """The slot without the type: where reports of other types may still be the same story."""
        return self.slot.split("|", 1)[1]

    @property
    def actors(self) -> frozenset[str]:
        """The normalised names of actor 1 and actor 2 (an unordered pair; unknown ones left out)."""
        return actor_set(self.event)

    @property
    def fatalities(self) -> int | None:
        return _int_or_none(self.event.get("fatalities"))

    @property
    def injured(self) -> int | None:
        return _int_or_none(self.event.get("injured"))

    @property
    def source_name(self) -> str | None:
        src = self.event.get("source") or {}
        return src.get("name_en") or src.get("text")

    @property
    def named_actors(self) -> frozenset[str]:
        """Every actor the report names, guesses included (see ``actor_set``)."""
        return named_actors(self.event)

    @property
    def stands_alone(self) -> bool:
        """See ``stands_alone``."""
        return stands_alone(self.event)

    @property
    def multi_day(self) -> bool:
        """Dated by a span of several days ("هذا الأسبوع", "الشهر الماضي"): see ``multi_day``."""
        return multi_day(self.event)

    @property
    def sort_key(self) -> tuple:
        return (self.published or "", self.article_id, self.idx)

    def new_event_id(self) -> str:
        """A deterministic id for the event this report founds (same input, same id)."""
        basis = "|".join([self.slot, ",".join(sorted(self.actors)), self.article_id, str(self.idx)])
        return "ev_" + hashlib.sha1(basis.encode("utf-8")).hexdigest()[:16]


def stands_alone(event: dict) -> bool:
    """Whether the report carries something of its own besides its type and place: a time
    expression of its own, a toll, or a side named by its role in the clause (not civilians, not
    a guess by position). A report without any of these is often a passing mention of the day's
    happenings or of background."""
    if (event.get("when") or {}).get("span"):
        return True
    if event.get("fatalities") is not None or event.get("injured") is not None:
        return True
    return any(not a.startswith("civilians") for a in actor_set(event))


def multi_day(event: dict) -> bool:
    """Whether the event's own time expression spans several days (a week, a month): such a
    report sums up a period, and its day is only the start of it."""
    when = event.get("when") or {}
    return bool(when.get("span")) and (when.get("precision") or 1) >= 2


def place_key(location: dict | None, article_id: str) -> str:
    """Coordinates when geocoded (gazetteer points are identical for the same place), else the
    entity key or the normalised place name; without a place, the article (no cross-article merge)."""
    if not location:
        return f"noplace:{article_id}"
    lat, lon = location.get("lat"), location.get("lon")
    if lat is not None and lon is not None:
        return f"{float(lat):.3f},{float(lon):.3f}"
    key = location.get("entity_key") or location.get("name_en") or location.get("text")
    return normalize_str(str(key)) if key else f"noplace:{article_id}"


def named_actors(event: dict) -> frozenset[str]:
    """The normalised names of actor 1 and actor 2, however the extractor found them."""
    names = [event.get("actor1"), event.get("actor2")]
    return frozenset(actor_key(str(n)) for n in names if n)


# Unnamed sides whose country was not known when the extractor named them: "Civilians" tells
# nothing "Civilians (Syria)" does not.
_NAMELESS = frozenset({"Civilians", "Protesters", "Rioters"})


def actor_set(event: dict) -> frozenset[str]:
    """The normalised names of actor 1 and actor 2 as they count for matching: an actor the
    extractor took only for being the first or second armed party of the clause (``basis``
    "position") is left out, as unknown: such guesses named a quoted group or a bystander as a
    side and split one event into several (merge labels, held-out splits 5 and 6)."""
    roles = event.get("actors") or {}
    return frozenset(
        actor_key(str(event[k]))
        for k in ("actor1", "actor2")
        if event.get(k)
        and (roles.get(k) or {}).get("basis") != "position"
        and str(event[k]) not in _NAMELESS  # no third side
    )


def allied_pairs(event: dict) -> frozenset[frozenset[str]]:
    """Pairs of normalised actor names the report puts on one side: each actor with its
    associated actors ("Syrian jets backed by Russian forces")."""
    actors = event.get("actors") or {}
    out = set()
    for main, assoc in (("actor1", "assoc_actor_1"), ("actor2", "assoc_actor_2")):
        name = event.get(main)
        for a in actors.get(assoc) or []:
            if name and a.get("name"):
                out.add(frozenset(actor_key(str(n)) for n in (name, a["name"])))
    return frozenset(p for p in out if len(p) == 2)


def _int_or_none(v: object) -> int | None:
    if v is None or isinstance(v, bool):
        return None
    try:
        return int(v)  # type: ignore[call-overload]
    except (TypeError, ValueError):
        return None
