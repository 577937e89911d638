"""Datelines: "دبي، الإمارات العربية المتحدة (CNN) --", "بيروت (رويترز) -".

A dateline says where a report was filed, not where its events happened nor what country the
article is about (CNN Arabic files most stories from Dubai or Atlanta). Functions take the
normalised view (raqib.text.normalize).
"""

from __future__ import annotations

import regex

# A place (a few words) and an agency in brackets, then a dash, at the start of a line.
_DATELINE = regex.compile(
    r"[ \t\"«]*[\p{L} \t،,/]{2,60}?[ \t،,-]*\((?:cnn|CNN|رويترز|ا\s*ف\s*ب|د\s*ب\s*ا|الاناضول|واس|وام|سانا|بترا|"
    r"كونا|قنا|ا\s*ب|يو\s*بي\s*اي|شينخوا|الجزيره\s*نت|بي\s*بي\s*سي)\)\s*[-–—:]+"
)


def dateline_end(view: str, start: int, end: int | None = None) -> int:
    """The view offset where a dateline beginning at ``start`` ends, or -1 when none does."""
    m = _DATELINE.match(view, start, len(view) if end is None else end)
    return m.end() if m else -1


def dateline_spans(view: str) -> list[tuple[int, int]]:
    """(start, end) of every dateline that opens a line of the view."""
    out = []
    start = 0
    while start >= 0:
        end = dateline_end(view, start)
        if end > start:
            out.append((start, end))
        start = view.find("\n", start)
        start = start + 1 if start >= 0 else -1
    return out
