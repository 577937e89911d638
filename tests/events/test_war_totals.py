"""War and campaign totals (1,000 killed or more) are background, not events (regression: a corpus database summed
19 million "fatalities" from sentences like these)."""

from __future__ import annotations

import pytest

import raqib


@pytest.mark.parametrize(
    "text",
    [
        "وقتل أكثر من 350 ألف شخص في الحرب المستمرة منذ سبعة أعوام في سوريا.",
        "وأسفرت المواجهات بين البلدين عن سقوط نحو 80 ألف قتيل في إقليم الحدود.",
    ],
)
def test_a_war_total_without_a_day_is_not_an_event(text):
    doc = raqib.extract(text, published="2018-09-07")
    assert doc.figures, "the total is still a figure"
    assert doc.events == ()


def test_a_total_never_becomes_an_events_fatalities():
    doc = raqib.extract(
        "قتل 12 مدنيا اليوم في غارة جوية على مدينة إدلب، ليرتفع عدد قتلى الحرب إلى 350 ألف شخص.",
        published="2018-09-07",
    )
    assert doc.events
    assert all(e.fatalities is None or e.fatalities < 1000 for e in doc.events)
