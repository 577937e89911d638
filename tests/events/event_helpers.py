"""Shared by the event tests: sentence-level detections of a text, without the other stages."""

from __future__ import annotations

from raqib.events.classify import detect, is_sport_doc
from raqib.model.doc import Doc
from raqib.stages import segment


def detections(text: str):
    """(detections, log) of ``detect`` over the sentences of ``text``."""
    doc = segment.run(Doc.create(text), None)
    v = doc.view
    sents = [(v.to_view(s.start), v.to_view(s.end)) for s in doc.sentences]
    return detect(v.text, sents, sport_doc=is_sport_doc(v.text))
