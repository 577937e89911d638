"""Event extraction: trigger lexicons, factuality filters, ACLED classification, arguments, assembly.

``extract_events(doc, kb_actors=None)`` returns the events of an annotated document (sentences,
dates, entities, places and figures already filled in) and a log of the triggers it dropped.
"""

from raqib.events.pipeline import extract_events

__all__ = ["extract_events"]
