"""The HTTP API through real HTTP: uvicorn on 127.0.0.1 (random port) in a thread, httpx as the
client, against real SQLite and PostgreSQL databases."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator
from contextlib import contextmanager

import httpx
import pytest
from db_fixtures import db_url, module_db_url, pg_url  # noqa: F401 - fixtures (tests/web/conftest.py belongs to the web pages)

from raqib.store import ArticleRow, open_store
from raqib.web.live import serve_in_thread

TOKEN = "s3cret-token"
SY = "Military Forces of Syria (2000-)"


def _event(place, name_en, lat, lon, day, fatalities, actor2, evidence, etype="explosions_remote_violence"):
    return {
        "type": etype,
        "sub_type": "air_or_drone_strike" if etype != "battles" else "armed_clash",
        "date": day,
        "location": {
            "text": place,
            "name_en": name_en,
            "lat": lat,
            "lon": lon,
            "country": "SY",
            "admin1": "Rif Dimashq",
            "geo_precision": 1,
        },
        "actor1": SY,
        "actor2": actor2,
        "actors": {"actor1": {"name": SY, "inter": 1}, "actor2": None},
        "fatalities": fatalities,
        "evidence": {"start": 0, "end": len(evidence), "text": evidence},
        "evidence_spans": [{"start": 0, "end": len(evidence), "text": evidence}],
    }


def _seed(db: str) -> None:
    douma = "قتل تسعة مدنيين في غارات على دوما"
    items = [
        (
            ArticleRow(
                "a1", f"غارات\n\n{douma}", "h1", "", 8, "غارات", "http://e.org/1", "bbc", "2018-02-25"
            ),
            {
                "events": [
                    _event("دوما", "Douma", 33.571, 36.402, "2018-02-25", 9, "Civilians (Syria)", douma)
                ]
            },
        ),
        (
            ArticleRow(
                "a2", "غارات\n\nمقتل 12 في دوما", "h2", "", 8, "غارات", "http://e.org/2", "cnn", "2018-02-25"
            ),
            {
                "events": [
                    _event(
                        "دوما",
                        "Douma",
                        33.571,
                        36.402,
                        "2018-02-25",
                        12,
                        "Civilians (Syria)",
                        "مقتل 12 في دوما",
                    )
                ]
            },
        ),
        (
            ArticleRow("a3", "اشتباكات في وحرستا", "h3", "", 0, None, "http://e.org/3", "sky", "2018-03-02"),
            {
                "events": [
                    _event(
                        "حرستا",
                        "Harasta",
                        33.558,
                        36.366,
                        "2018-03-02",
                        3,
                        "Jaysh al-Islam",
                        "اشتباكات عنيفة في وحرستا",
                        etype="battles",
                    )
                ]
            },
        ),
    ]
    with open_store(db) as store:
        store.add_articles(items, "0.1.0+test")


@contextmanager
def serve(db: str, token: str | None = TOKEN) -> Iterator[httpx.Client]:
    """The API under uvicorn on 127.0.0.1 and a free port, in a thread; an httpx client to it."""
    with serve_in_thread(db, token=token) as url, httpx.Client(base_url=url.rstrip("/"), timeout=30) as client:
        yield client


@pytest.fixture(scope="module")
def api(module_db_url):  # noqa: F811
    """A seeded database served for the read-only tests of this module."""
    _seed(module_db_url)
    with serve(module_db_url) as client:
        yield client


@pytest.fixture
def writable_api(db_url):  # noqa: F811
    _seed(db_url)
    with serve(db_url) as client:
        yield client


def test_openapi_spec(api):
    spec = api.get("/openapi.json").json()
    assert {"/events", "/events/{event_id}", "/articles/{article_id}", "/stats", "/changes"} <= set(
        spec["paths"]
    )


@pytest.mark.parametrize(
    ("params", "total"),
    [
        ({}, 2),
        ({"start": "2018-03-01"}, 1),
        ({"end": "2018-02-28"}, 1),
        ({"bbox": "36.39,33.5,36.45,33.6"}, 1),
        ({"country": "SY", "admin1": "Rif Dimashq"}, 2),
        ({"type": "battles"}, 1),
        ({"sub_type": "air_or_drone_strike"}, 1),
        ({"actor": "jaysh"}, 1),
        ({"min_fatalities": 5}, 1),
        ({"q": "حرستا"}, 1),
        ({"q": "douma"}, 1),
        ({"q": "الغوطة"}, 0),
    ],
)
def test_event_filters(api, params, total):
    r = api.get("/events", params=params)
    assert r.status_code == 200, r.text
    assert r.json()["total"] == total


def test_pagination_and_bad_input(api):
    page = api.get("/events", params={"limit": 1}).json()
    assert len(page["items"]) == 1 and page["next_offset"] == 1
    assert api.get("/events", params={"bbox": "1,2,3"}).status_code == 422
    assert api.get("/events", params={"limit": 0}).status_code == 422
    assert api.get("/changes", params={"since": "yesterday"}).status_code == 400


def test_event_detail_merges_reports_with_lowest_fatalities(api):
    (item,) = api.get("/events", params={"q": "دوما"}).json()["items"]
    ev = api.get(f"/events/{item['id']}").json()
    assert ev["fatalities"] == 9 and ev["n_sources"] == 2
    assert {s["article_id"] for s in ev["sources"]} == {"a1", "a2"}
    assert ev["sources"][0]["evidence"][0]["text"]
    assert [h["change"] for h in ev["history"]] == ["created"]
    assert api.get("/events/nope").status_code == 404


def test_article_with_spans(api):
    art = api.get("/articles/a1").json()
    assert art["text"].startswith("غارات") and art["title"] == "غارات"
    assert api.get("/articles/zzz").status_code == 404


def test_stats_and_changes(api):
    stats = api.get("/stats").json()
    assert stats["total"] == 2 and {d["date"] for d in stats["by_day"]} == {"2018-02-25", "2018-03-02"}
    changes = api.get("/changes", params={"since": "2000-01-01"}).json()
    assert len(changes["items"]) == 2
    assert api.get("/changes", params={"since": changes["last"]}).json()["items"] == []


def test_exports(api):
    rows = list(csv.DictReader(io.StringIO(api.get("/export/events.csv").text)))
    assert {r["event_type"] for r in rows} == {"Battles", "Explosions/Remote violence"}
    gj = api.get("/export/events.geojson").json()
    assert gj["type"] == "FeatureCollection" and len(gj["features"]) == 2
    lines = api.get("/export/events.jsonl", params={"type": "battles"}).text.splitlines()
    assert [json.loads(x)["type"] for x in lines] == ["battles"]
    pq = api.get("/export/events.parquet")
    assert pq.status_code in (200, 501)
    if pq.status_code == 200:
        import pyarrow.parquet as parquet

        assert parquet.read_table(io.BytesIO(pq.content)).num_rows == 2


def test_writing_needs_the_token(writable_api):
    api = writable_api
    body = {
        "text": "قتل ثلاثة مدنيين في قصف مدفعي على بلدة سقبا في الغوطة الشرقية.",
        "title": "قصف على سقبا",
        "published": "2018-03-03",
        "url": "http://e.org/new",
    }
    assert api.post("/articles", json=body).status_code == 401
    assert api.post("/articles", json=body, headers={"Authorization": "Bearer wrong"}).status_code == 401
    ok = api.post("/articles", json=body, headers={"Authorization": f"Bearer {TOKEN}"})
    assert ok.status_code == 201, ok.text
    art = api.get(f"/articles/{ok.json()['id']}").json()
    assert art["title"] == "قصف على سقبا" and art["published"] == "2018-03-03"
    again = api.post("/articles", json=body, headers={"Authorization": f"Bearer {TOKEN}"})
    assert again.status_code == 200 and again.json()["added"] is False


def test_ingest_endpoint(writable_api, tmp_path):
    api = writable_api
    path = tmp_path / "x.jsonl"
    path.write_text(
        json.dumps({"id": "n1", "text": "نزوح مئات العائلات من حمورية."}, ensure_ascii=False) + "\n",
        encoding="utf-8",
    )
    r = api.post("/ingest", json={"sources": [str(path)]}, headers={"Authorization": f"Bearer {TOKEN}"})
    assert r.status_code == 200 and r.json()["new"] == 1


def test_read_only_without_token(tmp_path):
    with serve(str(tmp_path / "ro.db"), token=None) as client:
        assert client.post("/articles", json={"text": "نص"}).status_code == 403
        assert client.get("/events").json()["total"] == 0
