"""Datelines: where a report was filed."""

from __future__ import annotations

import pytest

import raqib
from raqib.kb.actors import load_actors
from raqib.stages.entity_match import article_country
from raqib.text.dateline import dateline_end, dateline_spans
from raqib.text.normalize import normalize_str


@pytest.mark.parametrize(
    ("text", "dateline"),
    [
        ("دبي، الإمارات العربية المتحدة (CNN) -- هاجم مسلحون", "دبي، الإمارات العربية المتحدة (CNN) --"),
        ("بيروت (رويترز) - قصفت الطائرات", "بيروت (رويترز) -"),
        ("قصفت الطائرات (رويترز) مدينة", None),  # too far into the sentence: the bracket is an aside
        ("قال الجيش إن الطائرات قصفت مدينة", None),
    ],
)
def test_dateline_end(text, dateline):
    view = normalize_str(text)
    end = dateline_end(view, 0)
    assert (view[:end].strip() if end >= 0 else None) == (
        normalize_str(dateline).strip() if dateline else None
    )


def test_dateline_spans_open_lines_only():
    view = raqib.extract(
        "عنوان\nبيروت (رويترز) - نص\nوقال (رويترز) إن الجيش", published="2018-01-01"
    ).view.text
    assert [view[a:b].strip() for a, b in dateline_spans(view)] == [normalize_str("بيروت (رويترز) -")]


def test_the_filing_place_does_not_set_the_articles_country():
    doc = raqib.extract(
        "دبي، الإمارات العربية المتحدة (CNN) -- قصفت الطائرات الروسية مدينة دوما السورية. "
        "وقال المرصد إن القصف استهدف أحياء في المدينة.",
        published="2018-02-25",
    )
    assert article_country(doc, load_actors()) == "SY"
