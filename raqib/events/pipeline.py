"""The events stage's steps in order: detect in each sentence, then attach arguments and assemble."""

from __future__ import annotations

from raqib.events.assemble import build_events
from raqib.events.classify import detect, is_sport_doc
from raqib.model.doc import Doc
from raqib.model.events import Event


def extract_events(doc: Doc, kb_actors=None) -> tuple[list[Event], list[str]]:
    """Events of ``doc`` and a log of what was dropped and why (for ``--explain``)."""
    view = doc.view
    sentences = [(view.to_view(s.start), view.to_view(s.end)) for s in doc.sentences]
    date_starts = tuple(view.to_view(t.span.start) for t in doc.dates if t.resolved)
    names = tuple(
        (view.to_view(m.start), view.to_view(m.end))
        for e in doc.entities
        for m in e.mentions
        if e.type in ("LOC", "ORG")
    )
    detections, log = detect(
        view.text, sentences, sport_doc=is_sport_doc(view.text), date_starts=date_starts, names=names
    )
    events = build_events(doc, detections, kb_actors, log)
    return events, log
