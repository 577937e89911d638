"""The canonical event built from all the reports of one event, with every reported value kept."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from raqib.events.acled import UNSPECIFIED_BOMBARDMENT
from raqib.merge.reports import Report


def lowest_figure(values: Sequence[int | None]) -> int | None:
    """ACLED's conservative rule: of differing fatality reports, the lowest is coded
    (ACLED Codebook 2023, "Fatalities": "the most conservative estimate is used").

    A report that gives no figure is not a figure of zero: zeros count only when no report gives
    a positive number (otherwise a report silent on casualties would wipe out a real count).
    """
    known = [v for v in values if v is not None]
    positive = [v for v in known if v > 0]
    if positive:
        return min(positive)
    return 0 if known else None


def build_canonical(event_id: str, reports: Sequence[Report]) -> dict:
    """The merged event: type, place and actors from the most informative report, fatalities by
    ACLED's lowest-figure rule, and every source, evidence span and reported value."""
    reps = sorted(reports, key=lambda r: r.sort_key)
    first = reps[0]
    # Reports typed differently (one story, two readings) vote; the earliest report breaks ties.
    types = Counter(r.type for r in reps)
    etype = max(types, key=lambda t: (types[t], -_first_index(reps, t, "type")))
    # A bare "قصف" (shelling by default) does not outvote a report that names the weapon.
    typed = [r for r in reps if r.sub_type and r.type == etype]
    sub_types = Counter(
        r.sub_type for r in [r for r in typed if r.event.get("rule") != UNSPECIFIED_BOMBARDMENT] or typed
    )
    sub_type = (
        max(sub_types, key=lambda s: (sub_types[s], -_first_index(reps, s, "sub_type")))
        if sub_types
        else None
    )
    located = [r for r in reps if (r.event.get("location") or {}).get("lat") is not None] or reps
    loc_rep = min(
        located, key=lambda r: ((r.event.get("location") or {}).get("geo_precision") or 9, r.sort_key)
    )
    actor_rep = max(reps, key=lambda r: (len(r.actors), -reps.index(r)))
    ev = actor_rep.event
    assoc1 = _union_actors(r.event.get("actors", {}).get("assoc_actor_1") for r in reps)
    assoc2 = _union_actors(r.event.get("actors", {}).get("assoc_actor_2") for r in reps)
    outlets = sorted({r.outlet for r in reps if r.outlet})
    return {
        "id": event_id,
        "type": etype,
        "sub_type": sub_type,
        "date": first.date,
        "location": loc_rep.event.get("location"),
        "actor1": ev.get("actor1"),
        "actor2": ev.get("actor2"),
        "actors": {
            "actor1": (ev.get("actors") or {}).get("actor1"),
            "actor2": (ev.get("actors") or {}).get("actor2"),
            "assoc_actor_1": assoc1,
            "assoc_actor_2": assoc2,
        },
        "civilian_targeting": any(bool(r.event.get("civilian_targeting")) for r in reps),
        "fatalities": lowest_figure([r.fatalities for r in reps]),
        "injured": lowest_figure([r.injured for r in reps]),
        "fatalities_reported": _reported(reps, "fatalities"),
        "injured_reported": _reported(reps, "injured"),
        "confidence": max(float(r.event.get("confidence") or 0) for r in reps),
        "n_reports": len(reps),
        "n_sources": len({r.article_id for r in reps}),
        "outlets": outlets,
        "sources": [
            {
                "article_id": r.article_id,
                "event_index": r.idx,
                "url": r.url,
                "outlet": r.outlet,
                "published": r.published,
                "attributed_to": r.event.get("source"),
                "sub_type": r.sub_type,
                "evidence": r.event.get("evidence_spans")
                or ([r.event["evidence"]] if r.event.get("evidence") else []),
                "triggers": r.event.get("triggers") or [],
            }
            for r in reps
        ],
    }


def _reported(reps: Sequence[Report], field: str) -> list[dict]:
    out = []
    for r in reps:
        value = getattr(r, field)
        if value is not None:
            out.append(
                {"value": value, "article_id": r.article_id, "outlet": r.outlet, "source": r.source_name}
            )
    return out


def _union_actors(groups) -> list[dict]:
    seen: dict[str, dict] = {}
    for group in groups:
        for a in group or []:
            if isinstance(a, dict) and a.get("name"):
                seen.setdefault(a["name"], a)
    return list(seen.values())


def _first_index(reps: Sequence[Report], value: str, attr: str) -> int:
    return next(i for i, r in enumerate(reps) if getattr(r, attr) == value)
