"""Assembly: detections with their arguments become ACLED-style events, one per type, place and day.

Several towns in one clause give one event per town; the same event reported twice (title and
body, or a later recap) is merged: evidence spans are joined, the sub-type is the one ACLED's
hierarchy prefers, and the toll is the lowest of the conflicting figures (ACLED: "the most
conservative estimate"). An event without a place is kept only when no placed event of the same
type exists in the article (otherwise it is most likely a recap of one of them).
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from raqib.events.acled import HUMANITARIAN_LABELS, PRECEDENCE, SUB_TYPE_LABELS
from raqib.events.arguments import (
    DatePick,
    loc_mentions,
    pick_actors,
    pick_date,
    pick_places,
    pick_source,
    pick_toll,
    to_location,
)
from raqib.events.classify import Detection
from raqib.model.doc import Doc
from raqib.model.events import Event
from raqib.model.figures import When

# An event dated more than this many days before publication is background, not news (ACLED
# codes events from the report that first gives them; a recap of last year is not a new event).
BACKGROUND_DAYS = 365


def build_events(doc: Doc, detections: list[Detection], kb_actors, log: list[str]) -> list[Event]:
    mentions = loc_mentions(doc)
    events: list[Event] = []
    previous: DatePick | None = None
    for det in detections:
        sent = doc.sentences[det.sentence]
        picks = pick_places(doc, det, mentions, sent)
        dp = pick_date(doc, det, sent, previous)
        if dp.day and doc.published:
            age = (doc.published - dp.day).days
            if age > BACKGROUND_DAYS or age < -1:
                log.append(f"{det.sub_type} in sentence {det.sentence} dropped: dated {dp.day} (background or future)")
                continue
        if dp.expr is not None:
            previous = dp
        trig_spans = tuple(doc.view_span(c.start, c.end) for c in det.triggers)
        evidence = doc.view_span(det.win_start, det.win_end)
        for pick in picks or [None]:
            loc = to_location(pick) if pick else None
            country = loc.country if loc else None
            a1, a2, assoc, why_actor = pick_actors(doc, det, sent, kb_actors, country)
            fat, fig_k, why_k = (None, None, "")
            inj, fig_i, why_i = (None, None, "")
            if det.type != "humanitarian" and det.type != "strategic_developments":
                fat, fig_k, why_k = pick_toll(doc, det, sent, pick, len(picks), "killed")
                inj, fig_i, why_i = pick_toll(doc, det, sent, pick, len(picks), "injured")
            source = pick_source(doc, sent, fig_k or fig_i)
            civ_target = det.type == "violence_against_civilians" or bool(a2 and a2.category == "civilians")
            explanation = [
                f"type {det.type}/{det.sub_type}: {det.rule}; triggers {', '.join(repr(s.text) for s in trig_spans)}",
                f"location: {pick.reason} ('{pick.mention.text}')" if pick and pick.mention else "location: none found",
                f"date: {dp.reason}",
                *why_actor,
            ]
            if why_k:
                explanation.append("fatalities: " + why_k)
            if why_i:
                explanation.append("injured: " + why_i)
            confidence = 0.45 + (0.2 if det.strong else 0.05)
            confidence += 0.15 if pick and not pick.fallback else (0.05 if pick else -0.15)
            confidence += 0.1 if dp.expr is not None else 0.0
            events.append(
                Event(
                    type=det.type,
                    sub_type=det.sub_type,
                    evidence=(evidence,),
                    date=dp.day.isoformat() if dp.day else None,
                    time_precision=dp.precision,
                    when=When(dp.day.isoformat(), dp.day.isoformat(), dp.precision, dp.expr.span if dp.expr else None)
                    if dp.day
                    else None,
                    location=loc,
                    actor1=a1,
                    actor2=a2,
                    assoc_actor_1=assoc,
                    civilian_targeting=civ_target,
                    fatalities=fat,
                    injured=inj,
                    source=source,
                    confidence=max(0.05, min(0.95, confidence)),
                    notes=make_note(det.type, det.sub_type, a1.name if a1 else None, loc.name_en or loc.text if loc else None, dp.day),
                    triggers=trig_spans,
                    rule=det.rule,
                    explanation=tuple(explanation),
                )
            )
    return merge(events)


def make_note(type_: str, sub_type: str, actor: str | None, place: str | None, day: date | None) -> str:
    """"Air/drone strike by X on Douma (2018-03-03)"."""
    label = SUB_TYPE_LABELS.get(sub_type) or HUMANITARIAN_LABELS.get(sub_type, sub_type)
    out = label
    if actor:
        out += f" by {actor}"
    if place:
        out += (" in " if type_ in ("humanitarian", "protests", "riots", "strategic_developments") else " on ") + place
    if day:
        out += f" ({day.isoformat()})"
    return out


def _rank(sub: str) -> int:
    return PRECEDENCE.index(sub) if sub in PRECEDENCE else len(PRECEDENCE)


def merge(events: list[Event]) -> list[Event]:
    """One event per (type, place, day); unplaced events only when nothing placed covers them."""
    out: list[Event] = []
    index: dict[tuple, int] = {}
    for e in events:
        place = e.location.entity_key if e.location else None
        key = (e.type, place, e.date)
        if place is None:
            out.append(e)
            continue
        if key not in index:
            index[key] = len(out)
            out.append(e)
            continue
        i = index[key]
        out[i] = _join(out[i], e)
    placed_types = {e.type for e in out if e.location is not None}
    kept = [e for e in out if e.location is not None or e.type not in placed_types]
    # Unplaced duplicates of one another (same type and day) collapse too.
    final: list[Event] = []
    seen: dict[tuple, int] = {}
    for e in kept:
        if e.location is None:
            k = (e.type, e.date)
            if k in seen:
                final[seen[k]] = _join(final[seen[k]], e)
                continue
            seen[k] = len(final)
        final.append(e)
    return final


def _join(a: Event, b: Event) -> Event:
    best = a if _rank(a.sub_type) <= _rank(b.sub_type) else b
    fats = [x for x in (a.fatalities, b.fatalities) if x is not None]
    injs = [x for x in (a.injured, b.injured) if x is not None]
    return replace(
        best,
        evidence=tuple(dict.fromkeys(a.evidence + b.evidence)),
        triggers=tuple(dict.fromkeys(a.triggers + b.triggers)),
        fatalities=min(fats) if fats else None,
        injured=min(injs) if injs else None,
        actor1=best.actor1 or a.actor1 or b.actor1,
        actor2=best.actor2 or a.actor2 or b.actor2,
        source=best.source or a.source or b.source,
        confidence=max(a.confidence, b.confidence),
        explanation=best.explanation + (f"merged with the report in '{(b if best is a else a).evidence[0].text[:50]}'",),
    )
