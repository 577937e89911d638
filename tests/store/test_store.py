"""The store on SQLite and PostgreSQL: migrations, merging on write, queries, re-extraction."""

from __future__ import annotations

import pytest

from raqib.store import ArticleRow, EventFilter, open_store

SY_FORCES = "Military Forces of Syria (2000-)"
CIVILIANS = "Civilians (Syria)"
JAISH = "Jaysh al-Islam"


def event(
    place="دوما",
    lat=33.571,
    lon=36.402,
    actor1=SY_FORCES,
    actor2=CIVILIANS,
    fatalities=5,
    evidence="قتل خمسة مدنيين في غارات جوية على مدينة دوما",
    date="2018-03-01",
    sub_type="air_or_drone_strike",
    etype="explosions_remote_violence",
):
    return {
        "type": etype,
        "sub_type": sub_type,
        "date": date,
        "location": {
            "text": place,
            "name_en": "Douma" if place == "دوما" else "Harasta",
            "lat": lat,
            "lon": lon,
            "country": "SY",
            "admin1": "Rif Dimashq",
            "geo_precision": 1,
        },
        "actor1": actor1,
        "actor2": actor2,
        "actors": {
            "actor1": {"name": actor1, "inter": 1} if actor1 else None,
            "actor2": None,
            "assoc_actor_1": [],
            "assoc_actor_2": [],
        },
        "fatalities": fatalities,
        "evidence": {"start": 0, "end": len(evidence), "text": evidence},
        "evidence_spans": [{"start": 0, "end": len(evidence), "text": evidence}],
    }


def article(n: int, outlet: str = "bbc") -> ArticleRow:
    return ArticleRow(
        id=f"a{n}",
        text=f"نص {n}",
        text_hash=f"h{n}",
        url=f"http://example.org/{n}",
        outlet=outlet,
        published="2018-03-01",
    )


def test_migrations_apply_once(db_url):
    with open_store(db_url) as s:
        rows = s.execute("SELECT version FROM schema_migrations ORDER BY version").fetchall()
    with open_store(db_url) as s:
        again = s.execute("SELECT version FROM schema_migrations ORDER BY version").fetchall()
    assert [tuple(r.values())[0] if isinstance(r, dict) else r[0] for r in rows] == [1, 2, 3, 4, 5]
    assert len(again) == 5


def test_reports_of_one_event_merge_with_lowest_fatalities(db_url):
    with open_store(db_url) as s:
        added, counts = s.add_articles(
            [
                (article(1, "bbc"), {"events": [event(fatalities=7)]}),
                (
                    article(2, "cnn"),
                    {"events": [event(fatalities=5, evidence="مقتل 5 مدنيين بقصف على وحرستا ودوما")]},
                ),
                (article(3, "sky"), {"events": [event(actor1=None, fatalities=None)]}),
            ],
            "0.1.0+test",
        )
        assert added == ["a1", "a2", "a3"]
        total, items = s.list_events(EventFilter())
        assert total == 1
        ev = s.get_event(items[0]["id"])
        assert ev["fatalities"] == 5  # ACLED: the lowest reported figure
        assert sorted(r["value"] for r in ev["fatalities_reported"]) == [5, 7]
        assert ev["n_sources"] == 3 and ev["outlets"] == ["bbc", "cnn", "sky"]
        assert [h["change"] for h in ev["history"]] == ["created"]


def test_different_actor_pairs_same_place_and_day_stay_separate(db_url):
    with open_store(db_url) as s:
        s.add_articles(
            [
                (article(1), {"events": [event(etype="battles", sub_type="armed_clash", actor2=JAISH)]}),
                (
                    article(2),
                    {"events": [event(etype="battles", sub_type="armed_clash", actor2="Faylaq al-Rahman")]},
                ),
            ],
            "0.1.0+test",
        )
        assert s.list_events(EventFilter())[0] == 2


def test_actorless_report_joins_the_best_attested_event_of_its_sub_type(db_url):
    """ "غارات جوية على دوما" with no actor, on a day two actor pairs are reported there: ACLED's one
    event per type, place and day (rules only) takes the event most sources report."""
    with open_store(db_url) as s:
        s.add_articles(
            [
                (article(1), {"events": [event(actor2=JAISH)]}),
                (article(2), {"events": [event(actor2=JAISH)]}),
                (
                    article(3),
                    {"events": [event(actor1="Military Forces of Russia", actor2="Failaq al Rahman")]},
                ),
                (article(4), {"events": [event(actor1=None, actor2=None)]}),
            ],
            "0.1.0+test",
        )
        total, items = s.list_events(EventFilter())
        assert total == 2
        assert sorted(s.get_event(i["id"])["n_sources"] for i in items) == [1, 3]


def test_same_article_added_twice_adds_nothing(db_url):
    with open_store(db_url) as s:
        s.add_articles([(article(1), {"events": [event()]})], "0.1.0+test")
        added, counts = s.add_articles([(article(1), {"events": [event()]})], "0.1.0+test")
        assert added == [] and s.count("articles") == 1 and s.count("reports") == 1


@pytest.mark.parametrize("query", ["حرستا", "وحرستا", "الغوطة", "duma", "Dūmā", "DUMA"])
def test_text_query_finds_clitic_forms_and_english_names(db_url, query):
    with open_store(db_url) as s:
        text = "قصف مدفعي على وحرستا وبالغوطة الشرقية"
        ev = event(evidence=text)
        ev["location"]["name_en"] = "Dūmā"  # gazetteer spelling, with accents
        s.add_articles([(article(1), {"events": [ev]})], "0.1.0+test")
        assert s.list_events(EventFilter(q=query))[0] == 1
        assert s.list_events(EventFilter(q="حلب"))[0] == 0


def test_filters(db_url):
    with open_store(db_url) as s:
        s.add_articles(
            [
                (article(1), {"events": [event(fatalities=12)]}),
                (
                    article(2),
                    {
                        "events": [
                            event(
                                place="حرستا",
                                lat=33.56,
                                lon=36.37,
                                fatalities=1,
                                date="2018-03-05",
                                etype="battles",
                                sub_type="armed_clash",
                                actor2=JAISH,
                            )
                        ]
                    },
                ),
            ],
            "0.1.0+test",
        )
        count = lambda **kw: s.list_events(EventFilter(**kw))[0]  # noqa: E731
        assert count(min_fatalities=10) == 1
        assert count(date_from="2018-03-02") == 1 and count(date_to="2018-03-01") == 1
        assert count(type="battles") == 1 and count(sub_type="air_or_drone_strike") == 1
        assert count(actor="jaysh") == 1 and count(country="sy") == 2 and count(admin1="rif dimashq") == 2
        assert count(bbox=(36.38, 33.5, 36.5, 33.6)) == 1
        stats = s.stats(EventFilter())
        assert [d["date"] for d in stats["by_day"]] == ["2018-03-01", "2018-03-05"]


def test_reextract_records_updates_and_deletions(db_url):
    with open_store(db_url) as s:
        s.add_articles(
            [
                (article(1), {"events": [event(fatalities=7)]}),
                (article(2), {"events": [event(place="حرستا", lat=33.56, lon=36.37)]}),
            ],
            "0.1.0+old",
        )
        first = s.changes(None)
        assert {c["change"] for c in first} == {"created"} and len(first) == 2
        since = first[-1]["at"]
        counts = s.replace_annotations(
            [("a1", {"events": [event(fatalities=9)]}), ("a2", {"events": []})], "0.1.0+new"
        )
        assert counts == {"created": 0, "updated": 1, "deleted": 1}
        later = s.changes(since)
        assert sorted(c["change"] for c in later) == ["deleted", "updated"]
        assert s.list_events(EventFilter())[0] == 1
        assert s.articles_for_reextract("0.1.0+new") == []
        assert [r["id"] for r in s.articles_for_reextract("0.1.0+newer")] == ["a1", "a2"]


def region_event(**kw):
    """A report placed at the region (Eastern Ghouta, geo-precision 2) rather than at a town."""
    ev = event(evidence="قتل مدنيون في غارات جوية على الغوطة الشرقية", **kw)
    ev["location"].update(
        text="الغوطة الشرقية", name_en="Eastern Ghouta", lat=33.53, lon=36.43, geo_precision=2
    )
    return ev


@pytest.mark.parametrize("region_first", [False, True])
def test_region_report_joins_the_town_event_of_that_day(db_url, region_first):
    """ "غارات على الغوطة الشرقية" and "غارات على دوما" the same day: one event, placed at the town."""
    items = [(article(1), {"events": [event(actor1=None)]}), (article(2), {"events": [region_event()]})]
    with open_store(db_url) as s:
        s.add_articles(items[::-1] if region_first else items, "0.1.0+test")
        total, rows = s.list_events(EventFilter())
        assert total == 1
        ev = s.get_event(rows[0]["id"])
        assert ev["location"]["name_en"] == "Douma" and ev["n_sources"] == 2


def test_two_towns_stay_two_events_and_far_places_do_not_nest(db_url):
    with open_store(db_url) as s:
        s.add_articles(
            [
                (article(1), {"events": [region_event()]}),
                (article(2), {"events": [event(actor1=None)]}),
                # Harasta joins no event: the region's event is already placed at Douma.
                (article(3), {"events": [event(place="حرستا", lat=33.559, lon=36.365, actor1=None)]}),
                # Jaramana lies 9 km from the region's point: outside it.
                (article(4), {"events": [event(place="جرمانا", lat=33.486, lon=36.346, actor1=None)]}),
                (article(5), {"events": [region_event(date="2018-03-02")]}),  # another day
            ],
            "0.1.0+test",
        )
        assert s.list_events(EventFilter())[0] == 4
