"""Calendar arithmetic for date resolution: weekdays, missing years, weeks, parts of periods.

Conventions (documented for the analyst; see raqib/text/dates.py for the full list):

- A plain weekday is the most recent such day on or before the publication date (the same day
  counts: "الأحد" in a Sunday paper is that Sunday). "السبت الماضي" is the most recent Saturday
  strictly before it, "السبت المقبل" the next one strictly after it.
- A day and month without a year take the year that puts the date nearest the publication
  date, counting days in the future three times as far (7 days of grace for scheduled events):
  "24 شباط" published 2018-03-04 is 2018-02-24, "12 أيار" in that paper is 2018-05-12 (69 days
  ahead beats 296 days back), "20 كانون الأول" published 2018-01-05 is 2017-12-20.
- The week runs Saturday to Friday, as in most Arab states' official calendars.
"""

from __future__ import annotations

import calendar
from collections.abc import Callable
from datetime import date, timedelta

from raqib.model.dates import PRECISION_DAY, PRECISION_MONTH, PRECISION_WEEK

GRACE_DAYS = 7
FUTURE_WEIGHT = 3
WEEK_START = 5  # Saturday (Python weekday numbering)


def weekday_on_or_before(weekday: int, ref: date) -> date:
    return ref - timedelta(days=(ref.weekday() - weekday) % 7)


def weekday_before(weekday: int, ref: date) -> date:
    return weekday_on_or_before(weekday, ref - timedelta(days=1))


def weekday_after(weekday: int, ref: date) -> date:
    return ref + timedelta(days=(weekday - ref.weekday() - 1) % 7 + 1)


def weekday_nearest(weekday: int, ref: date) -> date:
    """The day with that weekday within three days of ``ref`` (used to snap "أمس الجمعة")."""
    back = weekday_on_or_before(weekday, ref)
    return back if (ref - back).days <= 3 else back + timedelta(days=7)


def safe_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _score(day: date, published: date) -> int:
    delta = (day - published).days
    if delta <= GRACE_DAYS:
        return abs(delta) if delta > 0 else -delta
    return FUTURE_WEIGHT * delta


def pick_year(
    make: Callable[[int], date | None], base_year: int, published: date, hint: str | None
) -> int | None:
    """The year (of any calendar: ``make`` builds the day for a candidate year) to give a
    yearless date. ``hint`` is "past" (الماضي: on or before published), "future" (المقبل:
    on or after), "current" (الجاري: the publication year) or None (nearest, future discounted).
    """
    if hint == "current":
        return base_year if make(base_year) is not None else None
    candidates = [(y, d) for y in (base_year - 1, base_year, base_year + 1) if (d := make(y)) is not None]
    if not candidates:
        return None
    if hint == "past":
        past = [(y, d) for y, d in candidates if d <= published]
        return max(past, key=lambda c: c[1])[0] if past else None
    if hint == "future":
        fut = [(y, d) for y, d in candidates if d >= published]
        return min(fut, key=lambda c: c[1])[0] if fut else None
    return min(candidates, key=lambda c: (_score(c[1], published), c[1] > published))[0]


def pick_month_year(month: int, published: date, hint: str | None) -> int:
    """The year of a month named without one ("في آذار", "شباط الماضي")."""
    here = published.year * 12 + published.month - 1
    best: tuple[int, int] | None = None
    for y in (published.year - 1, published.year, published.year + 1):
        diff = y * 12 + month - 1 - here
        if hint == "current":
            if y == published.year:
                return y
            continue
        if hint == "past" and diff >= 0:
            continue
        if hint == "future" and diff <= 0:
            continue
        score = -diff if diff <= 0 else FUTURE_WEIGHT * diff
        if best is None or score < best[0]:
            best = (score, y)
    return best[1] if best else published.year


def month_range(year: int, month: int) -> tuple[date, date]:
    return date(year, month, 1), date(year, month, calendar.monthrange(year, month)[1])


def add_months(year: int, month: int, n: int) -> tuple[int, int]:
    idx = year * 12 + month - 1 + n
    return idx // 12, idx % 12 + 1


def week_range(ref: date, offset: int = 0) -> tuple[date, date]:
    """The Saturday-to-Friday week containing ``ref``, moved by ``offset`` weeks."""
    start = ref - timedelta(days=(ref.weekday() - WEEK_START) % 7) + timedelta(weeks=offset)
    return start, start + timedelta(days=6)


def year_range(year: int) -> tuple[date, date]:
    return date(year, 1, 1), date(year, 12, 31)


# Month spans of the parts of a Gregorian year: "أواخر 2012" is October to December.
# fmt: off
_YEAR_PARTS = {
    "early": (1, 3), "mid": (6, 7), "late": (10, 12), "h1": (1, 6), "h2": (7, 12),
    "q1": (1, 3), "q2": (4, 6), "q3": (7, 9), "q4": (10, 12),
}
# fmt: on
# Day spans of the parts of a Gregorian month (the Arabic press's أوائل/منتصف/أواخر الشهر are
# roughly its thirds).
_MONTH_PARTS = {"early": (1, 10), "mid": (11, 20), "late": (21, 31), "h1": (1, 15), "h2": (16, 31)}
# Fractions of any other period (a week, a Hijri month or year).
# fmt: off
_FRACTIONS = {
    "early": (0.0, 0.3), "mid": (0.35, 0.65), "late": (0.7, 1.0), "h1": (0.0, 0.5), "h2": (0.5, 1.0),
    "q1": (0.0, 0.25), "q2": (0.25, 0.5), "q3": (0.5, 0.75), "q4": (0.75, 1.0),
}
# fmt: on


def part_range(start: date, end: date, part: str, unit: str) -> tuple[date, date]:
    """The sub-range of [start, end] that a part word (early/mid/late/h1/h2/q1..q4) names.

    ``unit`` is "year" or "month" for Gregorian calendar units, anything else for fractions.
    """
    if unit == "year" and part in _YEAR_PARTS:
        m1, m2 = _YEAR_PARTS[part]
        return date(start.year, m1, 1), month_range(start.year, m2)[1]
    if unit == "month" and part in _MONTH_PARTS:
        d1, d2 = _MONTH_PARTS[part]
        return start.replace(day=d1), start.replace(day=min(d2, end.day))
    lo, hi = _FRACTIONS.get(part, (0.0, 1.0))
    n = (end - start).days + 1
    first = start + timedelta(days=int(lo * n))
    last = start + timedelta(days=max(int(lo * n), round(hi * n) - 1))
    return first, min(last, end)


def precision_for(start: date, end: date) -> int:
    """ACLED time_precision of a range: 1 a day, 2 up to a week, 3 longer."""
    n = (end - start).days + 1
    if n <= 1:
        return PRECISION_DAY
    if n <= 7:
        return PRECISION_WEEK
    return PRECISION_MONTH
