"""End-to-end checks on the canonical Eastern Ghouta article (dev-0000 of ../shared/eval).

The article is read from ../shared at test time (it is not part of the project). The checks
are the ones the issues name; the rules behind them are general.
"""

from __future__ import annotations

import pytest


@pytest.fixture(scope="module")
def ghouta(dev_records, pipeline):
    r = next(r for r in dev_records if r["id"] == "dev-0000")
    return pipeline(r["text"], title=r["title"], published=r["published"], id=r["id"])


def find_figure(doc, kind, value):
    hits = [f for f in doc.figures if f.kind == kind and f.value == value]
    assert hits, f"no {kind} figure of {value}: {[(f.kind, f.value) for f in doc.figures]}"
    return hits[0]


def test_figures(ghouta):
    f718 = find_figure(ghouta, "killed", 718)
    assert f718.who == "civilians"
    assert f718.source is not None and f718.source.span.text in {"الخوذ البيضاء", "الدفاع المدني"}
    f21 = find_figure(ghouta, "killed", 21)
    assert f21.previous == 10
    assert f21.when is not None and f21.when.start == "2018-03-03"
    f4 = find_figure(ghouta, "injured", 4)
    assert f4.who and "civil defence" in f4.who.lower()
    f400k = find_figure(ghouta, "besieged", 400000)
    assert f400k.who == "civilians" and f400k.approximate
    assert not [f for f in ghouta.figures if f.value in (10, 2401)]
    assert len([f for f in ghouta.figures if f.kind == "killed" and f.value == 21]) == 1


@pytest.mark.parametrize(
    ("surface", "iso"),
    [
        ("السبت", "2018-03-03"),
        ("الأحد", "2018-03-04"),
        ("24 شباط/فبراير", "2018-02-24"),
        ("19 فبراير/شباط", "2018-02-19"),
        ("الثالث من الشهر الجاري", "2018-03-03"),
    ],
)
def test_dates(ghouta, surface, iso):
    hits = [d for d in ghouta.dates if surface in d.span.text or d.span.text in surface and len(d.span.text) > 3]
    assert hits, f"{surface} not found among {[d.span.text for d in ghouta.dates]}"
    assert any(d.start and d.start.isoformat() == iso for d in hits)


def test_numbers_that_are_not_counts(ghouta):
    by_text = {q.span.text: q for q in ghouta.numbers}
    assert by_text.get("2401") is None or by_text["2401"].unit is not None
    pct = [q for q in ghouta.numbers if q.span.text.startswith("10") and q.unit == "percent"]
    assert pct
