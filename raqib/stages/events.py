"""Stage: events (ACLED types and sub-types plus a humanitarian family), one per place and day.

Runs last: it reads sentences, dates, entities (actors and places) and figures. See
``raqib.events`` for the steps; ``--explain`` output comes from each event's ``explanation``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from raqib.events import extract_events
from raqib.model.doc import Doc

if TYPE_CHECKING:
    from raqib.pipeline import Context


def run(doc: Doc, ctx: Context) -> Doc:
    kb_actors = None
    # Also without named actors: descriptions ("طائرات حربية روسية") resolve through the table.
    if ctx is not None:
        try:
            kb_actors = ctx.kb.actors
        except (ImportError, OSError):  # the actors table is optional for this stage
            kb_actors = None
    events, _log = extract_events(doc, kb_actors)
    return doc.with_(events=tuple(events))
