"""In an article about demonstrations, force used on the crowd is coded as the protest's.

ACLED codes the killing of demonstrators by security forces as "Excessive force against
protesters" (type Protests), and stone-throwing "confrontations" between a crowd and soldiers as
demonstration events, not battles: a battle needs two organised armed groups. Reports of one
such day read "قتل 52 فلسطينيا في مواجهات على الحدود" in one sentence and "قتل العشرات برصاص
الجيش خلال احتجاجات" in the next; typed one by one, the first is an armed clash and a killing
by soldiers is violence against civilians (merge labels, held-out split 3: the Gaza border
protests of 14 May 2018 came out as three event types). Confrontations with a crowd are retyped
as a demonstration's (excessive force when people were killed, else a riot), and so are killings
by state forces when the article is about a demonstration.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

import regex

from raqib.events.actors import generic_actor
from raqib.model.doc import Doc
from raqib.model.events import Event

# Words of demonstration; an article with PROTEST_DOC_MIN of them is a protest story (a report of
# a battle that mentions one protest in passing is not).
_PROTEST_WORDS = regex.compile(
    r"(?<![\p{L}])[وفبل]?(?:ال)?(?:تظاهر\S*|مظاهر[هات]\S*|متظاهر\S*|احتجاج\S*|محتج\S*|مسير[هات]\S*|اعتصام\S*|"
    r"معتصم\S*)(?![\p{L}])"
)
PROTEST_DOC_MIN = 3
# "مواجهات" (confrontations): with a crowd; "اشتباكات/معارك" name fighting between armed men.
_CONFRONTATION = regex.compile(r"^[وفب]?(?:ال)?مواجه")
# A crowd on one side of the confrontations: "مواجهات بين شبان فلسطينيين والجيش".
_CROWD = regex.compile(
    r"(?<![\p{L}])[وفبل]?(?:ال)?(?:شبان|شباب|مواطن\S*|محتج\S*|متظاهر\S*|اهالي|سكان|مدني\S*|طلاب|طلبه|"
    r"فلسطيني\S*|محتشد\S*)(?![\p{L}])"
)
_ARMED = frozenset({"rebel_group", "political_militia", "identity_militia", "external_forces"})


def is_protest_story(doc: Doc) -> bool:
    return sum(1 for _ in _PROTEST_WORDS.finditer(doc.view.text)) >= PROTEST_DOC_MIN


def retype(doc: Doc, events: list[Event], note: Callable[[Event], str]) -> list[Event]:
    """``events`` with crowd confrontations (and, in a protest story, killings by state forces)
    coded as demonstration events (``note`` writes the retyped event's notes)."""
    if not events:
        return events
    story = is_protest_story(doc)
    out = []
    for e in events:
        if _force_on_crowd(doc, e, story):
            e = _as_protest(e)
            e = replace(e, notes=note(e))
        out.append(e)
    return out


def _force_on_crowd(doc: Doc, e: Event, story: bool) -> bool:
    actors = [a for a in (e.actor1, e.actor2) if a is not None]
    if any(a.category in _ARMED for a in actors):
        return False
    v = doc.view
    if e.type == "battles" and e.sub_type == "armed_clash":
        if story:
            return True  # no armed group named: the crowd is the other side
        words = [v.text[v.to_view(t.start) : v.to_view(t.end)] for t in e.triggers]
        if not (words and all(_CONFRONTATION.match(w) for w in words)):
            return False
        ev = e.evidence[0]
        return bool(_CROWD.search(v.text, v.to_view(ev.start), v.to_view(ev.end)))
    if story and e.type == "violence_against_civilians" and e.sub_type == "attack":
        return e.actor1 is not None and e.actor1.category == "state_forces"
    return False


def _as_protest(e: Event) -> Event:
    state = next((a for a in (e.actor1, e.actor2) if a is not None and a.category == "state_forces"), None)
    country = e.location.country if e.location else None
    lethal = bool(e.fatalities) or e.type == "violence_against_civilians"
    # Killed by the forces: excessive force; no one killed: a riot (stones against soldiers).
    etype, sub = (
        ("protests", "excessive_force_against_protesters") if lethal else ("riots", "violent_demonstration")
    )
    crowd = generic_actor("Protesters" if lethal else "Rioters", country)
    return replace(
        e,
        type=etype,
        sub_type=sub,
        actor1=crowd,
        actor2=state,
        civilian_targeting=False,
        rule=f"{e.rule}; confrontation with a crowd, not armed men",
        explanation=(
            *e.explanation,
            "retyped: force between a crowd and state forces is a demonstration event",
        ),
    )
