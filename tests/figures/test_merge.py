"""Merging figures: repeats, rounded restatements, updates and denials."""

from __future__ import annotations

from raqib.figures.merge import merge
from raqib.model.figures import Figure
from raqib.model.span import Span


def fig(kind, value, start, *, who="people", where_key=None, approximate=False, previous=None):
    span = Span(start, start + 5, "x" * 5)
    return Figure(
        kind=kind,
        value=value,
        evidence=span,
        number=span,
        who=who,
        where_key=where_key,
        approximate=approximate,
        previous=previous,
    )


def test_title_repeat_merges_into_body_evidence():
    out = merge([fig("killed", 3, 0), fig("killed", 3, 50)], title_end=20)
    assert len(out) == 1 and out[0].evidence.start == 50 and out[0].also[0].start == 0


def test_small_equal_counts_in_different_places_stay_apart():
    out = merge([fig("killed", 2, 30, where_key="a"), fig("killed", 2, 90, where_key="b")], title_end=0)
    assert len(out) == 2


def test_large_equal_counts_are_restatements():
    out = merge([fig("killed", 21, 30, where_key="a"), fig("killed", 21, 90, where_key="b")], title_end=0)
    assert len(out) == 1


def test_different_people_stay_apart():
    out = merge([fig("killed", 2, 30, who="police"), fig("killed", 2, 90, who="soldiers")], title_end=0)
    assert len(out) == 2


def test_rounded_count_joins_its_exact_value():
    out = merge([fig("displaced", 77000, 30, approximate=True), fig("displaced", 77100, 90)], title_end=0)
    assert [f.value for f in out] == [77100]


def test_update_drops_the_old_value_and_denial_drops_the_value():
    out = merge(
        [fig("killed", 10, 5), fig("killed", 21, 60, previous=10), fig("killed", 235, 90)],
        title_end=0,
        denied={235},
    )
    assert [f.value for f in out] == [21]
