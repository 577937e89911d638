"""TimeExpr: a date or time expression, resolved against the publication date when possible."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from raqib.model.span import Span

# ACLED's time_precision codes.
PRECISION_DAY = 1
PRECISION_WEEK = 2
PRECISION_MONTH = 3


@dataclass(frozen=True)
class TimeExpr:
    """One temporal expression.

    ``start``/``end`` are the first and last day it covers (equal for a single day); both None
    when it cannot be resolved (a weekday without a publication date). ``kind`` is one of
    "relative" (اليوم، أمس), "weekday", "explicit", "ordinal_day", "hijri", "year", "part_of"
    (أواخر/أوائل/منتصف), "range", "time_of_day". ``part_of_day`` keeps فجر/صباح/مساء/ليلة.
    ``range_role`` is "since" or "until" for the ends of a منذ ... حتى range.
    """

    span: Span
    kind: str
    start: date | None = None
    end: date | None = None
    precision: int | None = None
    part_of_day: str | None = None
    range_role: str | None = None

    @property
    def resolved(self) -> bool:
        return self.start is not None

    def to_dict(self) -> dict:
        return {
            "span": self.span.to_dict(),
            "kind": self.kind,
            "start": self.start.isoformat() if self.start else None,
            "end": self.end.isoformat() if self.end else None,
            "precision": self.precision,
            "part_of_day": self.part_of_day,
            "range_role": self.range_role,
        }
