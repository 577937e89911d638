"""Hijri (Umm al-Qura) dates to Gregorian ones, with the hijridate package (1343-1500 AH)."""

from __future__ import annotations

from datetime import date, timedelta

from hijridate import Gregorian, Hijri


def hijri_to_date(year: int, month: int, day: int) -> date | None:
    """The Gregorian day of a Hijri date; None outside the Umm al-Qura table or for a bad day."""
    try:
        return Hijri(year, month, day).to_gregorian()
    except (OverflowError, ValueError):
        return None


def hijri_month_range(year: int, month: int) -> tuple[date, date] | None:
    """First and last Gregorian day of a Hijri month."""
    try:
        first = Hijri(year, month, 1)
        return first.to_gregorian(), first.to_gregorian() + timedelta(days=first.month_length() - 1)
    except (OverflowError, ValueError):
        return None


def hijri_year_range(year: int) -> tuple[date, date] | None:
    """First and last Gregorian day of a Hijri year."""
    start = hijri_to_date(year, 1, 1)
    nxt = hijri_to_date(year + 1, 1, 1)
    if start is None:
        return None
    if nxt is None:  # the last year of the table
        last = hijri_month_range(year, 12)
        return (start, last[1]) if last else None
    return start, nxt - timedelta(days=1)


def hijri_year_of(day: date) -> int | None:
    """The Hijri year a Gregorian day falls in."""
    try:
        return Gregorian.fromdate(day).to_hijri().year
    except (OverflowError, ValueError):
        return None
