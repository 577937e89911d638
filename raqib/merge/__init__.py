"""Merging event reports across articles into canonical events (ACLED aggregation rules)."""

from raqib.merge.canonical import build_canonical, lowest_figure
from raqib.merge.matcher import Candidate, choose_event, striking_set
from raqib.merge.reports import Report, actor_set, place_key

__all__ = [
    "Candidate",
    "Report",
    "actor_set",
    "build_canonical",
    "choose_event",
    "lowest_figure",
    "place_key",
    "striking_set",
]
