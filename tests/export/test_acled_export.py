"""ACLED CSV and GeoJSON exports on events built by hand (no pipeline needed)."""

from __future__ import annotations

import csv
import io
import json

import pytest

from raqib.events.acled import interaction
from raqib.export import ACLED_COLUMNS, to_geojson, write_acled_csv
from raqib.model.doc import Doc
from raqib.model.events import Actor, Event, Location
from raqib.model.span import Span

TEXT = "استهدفت غارات جوية مدينة دوما. ونزح مئات المدنيين من البلدة."


def make_doc() -> Doc:
    doc = Doc.create(TEXT, id="test-1")
    loc = Location("دوما", "Douma", 33.57, 36.40, "SY", admin1="Rural Damascus", geo_precision=1)
    strike = Event(
        "explosions_remote_violence",
        "air_drone_strike",
        (Span(0, 29, TEXT[:29]),),
        date="2018-03-03",
        time_precision=1,
        location=loc,
        actor1=Actor("Military Forces of Syria (2000-)", "state_forces", 1),
        actor2=Actor("Civilians (Syria)", "civilians", 7),
        civilian_targeting=True,
        fatalities=3,
        notes="Air/drone strike on Douma (2018-03-03)",
    )
    moved = Event(
        "humanitarian", "displacement", (Span(31, len(TEXT), TEXT[31:]),), date="2018-03-03", location=loc
    )
    return doc.with_(events=(strike, moved))


def rows(include_humanitarian: bool = False) -> tuple[list[str], list[dict]]:
    buf = io.StringIO()
    write_acled_csv([make_doc()], buf, include_humanitarian=include_humanitarian)
    reader = csv.DictReader(io.StringIO(buf.getvalue()))
    return list(reader.fieldnames or []), list(reader)


def test_columns_in_acled_order() -> None:
    header, _ = rows()
    assert header == list(ACLED_COLUMNS)
    assert header[:7] == [
        "event_id_cnty",
        "event_date",
        "year",
        "time_precision",
        "disorder_type",
        "event_type",
        "sub_event_type",
    ]
    assert header[-1] == "timestamp"


def test_acled_labels_and_codes() -> None:
    _, data = rows()
    assert len(data) == 1  # the humanitarian event is left out by default
    r = data[0]
    assert r["event_type"] == "Explosions/Remote violence"
    assert r["sub_event_type"] == "Air/drone strike"
    assert r["disorder_type"] == "Political violence"
    assert (r["inter1"], r["inter2"], r["interaction"]) == ("1", "7", "17")
    assert r["civilian_targeting"] == "Civilians targeted"
    assert (r["iso"], r["country"], r["region"]) == ("760", "Syria", "Middle East")
    assert r["event_id_cnty"].startswith("SYR")
    assert (r["latitude"], r["longitude"], r["fatalities"], r["year"]) == ("33.57", "36.4", "3", "2018")


def test_event_ids_are_deterministic() -> None:
    assert rows()[1][0]["event_id_cnty"] == rows()[1][0]["event_id_cnty"]


def test_humanitarian_only_on_request() -> None:
    _, data = rows(include_humanitarian=True)
    hum = [r for r in data if "humanitarian:displacement" in r["tags"]]
    assert len(hum) == 1
    assert (hum[0]["event_type"], hum[0]["sub_event_type"]) == ("Strategic developments", "Other")


@pytest.mark.parametrize(
    ("a", "b", "code"), [(1, 7, 17), (7, 1, 17), (6, None, 60), (2, 2, 22), (None, None, None)]
)
def test_interaction(a, b, code) -> None:
    assert interaction(a, b) == code


def test_geojson_feature_collection() -> None:
    gj = json.loads(json.dumps(to_geojson([make_doc()]), ensure_ascii=False))
    assert gj["type"] == "FeatureCollection"
    assert len(gj["features"]) == 2
    f = gj["features"][0]
    assert f["type"] == "Feature"
    assert f["geometry"] == {"type": "Point", "coordinates": [36.40, 33.57]}  # [lon, lat]
    p = f["properties"]
    assert (p["type"], p["sub_type"], p["date"], p["fatalities"], p["article_id"]) == (
        "explosions_remote_violence",
        "air_drone_strike",
        "2018-03-03",
        3,
        "test-1",
    )
    assert p["evidence"] == TEXT[:29]
    assert p["actor1"].startswith("Military Forces of Syria")


def test_geojson_skips_unlocated_events() -> None:
    doc = make_doc()
    bare = Event("battles", "armed_clash", (Span(0, 5, TEXT[:5]),))
    gj = to_geojson(doc.with_(events=doc.events + (bare,)))
    assert len(gj["features"]) == 2 and gj["properties"]["unlocated"] == 1
