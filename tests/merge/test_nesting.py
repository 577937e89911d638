"""Reports at a region and at a town inside it (pure functions, no database)."""

from __future__ import annotations

import pytest

from raqib.merge import Report
from raqib.merge.nesting import contains, is_broad, km, nested_groups, point

GHOUTA = {"text": "الغوطة الشرقية", "lat": 33.53, "lon": 36.43, "geo_precision": 2}
DOUMA = {"text": "دوما", "lat": 33.572, "lon": 36.403, "geo_precision": 1}
HARASTA = {"text": "حرستا", "lat": 33.559, "lon": 36.365, "geo_precision": 1}
JARAMANA = {"text": "جرمانا", "lat": 33.486, "lon": 36.346, "geo_precision": 1}


def rep(location, article="a1", date="2018-03-01"):
    ev = {"type": "explosions_remote_violence", "sub_type": "air_drone_strike", "date": date,
          "location": location, "evidence": {"text": "غارات جوية"}}  # fmt: skip
    return Report(article, 0, ev)


def row(event_id, location, article="b1"):
    r = rep(location, article)
    return {"event_id": event_id, "article_id": article, "slot": r.slot, "event": r.event}


def test_distance_and_containment():
    assert km(point(GHOUTA), point(DOUMA)) == pytest.approx(5.3, abs=0.3)
    assert contains(point(GHOUTA), point(DOUMA)) and contains(point(GHOUTA), point(HARASTA))
    assert not contains(point(DOUMA), point(GHOUTA))  # the town does not hold the region
    assert not contains(point(GHOUTA), point(JARAMANA))  # 9 km away: outside the enclave
    assert not contains(point(GHOUTA), None) and point({"text": "x"}) is None


@pytest.mark.parametrize(
    ("location", "rows", "expected"),
    [
        (GHOUTA, [row("e1", DOUMA)], {"e1"}),  # a region report finds the town's event
        (GHOUTA, [row("e1", DOUMA), row("e2", HARASTA)], {"e1", "e2"}),  # both towns (choice later)
        (GHOUTA, [row("e1", JARAMANA)], set()),  # outside the region
        (GHOUTA, [row("e1", GHOUTA)], set()),  # its own slot: decided by the slot rules
        (DOUMA, [row("e1", GHOUTA)], {"e1"}),  # a town report finds the region's event
        (DOUMA, [row("e1", GHOUTA), row("e1", HARASTA, "b2")], set()),  # placed at another town
        (DOUMA, [row("e1", GHOUTA), row("e1", DOUMA, "b2")], set()),  # holds its own slot
        (HARASTA, [row("e1", DOUMA)], set()),  # two towns never nest
        ({"text": "x"}, [row("e1", DOUMA)], set()),  # not geocoded
    ],
)
def test_nested_groups(location, rows, expected):
    assert set(nested_groups(rep(location), rows)) == expected


def test_is_broad_only_for_a_region_holding_a_reported_town():
    assert is_broad(rep(GHOUTA), [row("e1", DOUMA)])
    assert not is_broad(rep(DOUMA), [row("e1", GHOUTA)])
    assert not is_broad(rep(GHOUTA), [row("e1", JARAMANA)])
