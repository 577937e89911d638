"""The analyst's page in a real browser (Debian Chromium driven by Playwright) against the real app
(uvicorn on 127.0.0.1) over a real SQLite database. Screenshots go to tests/artifacts/ or
$RAQIB_ARTIFACTS. Skips when Chromium or Playwright is missing (see browser_fixtures.py)."""

from __future__ import annotations

import contextlib
import csv
import io
import sqlite3
from urllib.parse import parse_qs, urlparse

import httpx
import pytest
from browser_fixtures import XSS_IMG, XSS_TITLE

READY = "() => document.body.dataset.ready === '1' && document.body.dataset.busy === '0'"
IDLE = "() => document.body.dataset.busy === '0'"


def _count(db, where: str = "1 = 1", params: tuple = ()) -> int:
    sql = f"SELECT COUNT(*) FROM events WHERE deleted = 0 AND {where}"
    with sqlite3.connect(db) as conn:
        return conn.execute(sql, params).fetchone()[0]


def _event_id(db, location_en: str) -> str:
    with sqlite3.connect(db) as conn:
        return conn.execute("SELECT id FROM events WHERE location_en = ?", (location_en,)).fetchone()[0]


def _open(page, url: str) -> None:
    page.goto(url)
    page.wait_for_function(READY, timeout=20000)


def _int_attr(page, selector: str, name: str) -> int:
    return int(page.get_attribute(selector, name) or -1)


def _settles_to(page, selector: str, name: str, expected: int) -> int:
    """The attribute once it shows ``expected`` (or after 5 s): a redraw may land a frame after
    the page reports idle when the machine is loaded."""
    from playwright.sync_api import TimeoutError as PlaywrightTimeout

    with contextlib.suppress(PlaywrightTimeout):  # the caller's assertion reports the value seen
        page.wait_for_function(
            "([s, n, v]) => document.querySelector(s)?.getAttribute(n) === v",
            arg=[selector, name, str(expected)],
            timeout=5000,
        )
    return _int_attr(page, selector, name)


def test_page_is_served_with_a_strict_content_security_policy(live_server):
    res = httpx.get(live_server.url)
    assert res.status_code == 200
    csp = res.headers["content-security-policy"]
    assert "default-src 'self'" in csp and "script-src 'self'" in csp and "unsafe-inline" not in csp
    assert "<script" in res.text and 'type="module" src="static/app.js"' in res.text
    assert "<script>" not in res.text  # no inline script
    assert httpx.get(live_server.url + "static/../page.py").status_code == 404


def test_map_shows_every_located_event(page, live_server, web_db, artifacts):
    _open(page, live_server.url)
    located = _count(web_db, "lat IS NOT NULL AND lon IS NOT NULL")
    assert located >= 4  # the four test articles, plus whatever the pipeline found in the samples
    assert _int_attr(page, "#map", "data-total") == located
    assert _int_attr(page, "#map", "data-shown") == located  # the initial view fits every event
    assert page.locator("#map .marker").count() >= 1
    assert _int_attr(page, "#table", "data-total") == _count(web_db)
    assert page.locator("#summary").get_attribute("data-events") == str(_count(web_db))
    page.screenshot(path=str(artifacts / "page-overview.png"))
    assert page.problems == []


def test_type_filter_changes_map_table_and_address(page, live_server, web_db, artifacts):
    _open(page, live_server.url)
    before = _int_attr(page, "#map", "data-total")
    page.select_option("select[name=type]", "protests")
    page.wait_for_function("() => new URL(location.href).searchParams.get('type') === 'protests'")
    page.wait_for_function(IDLE)
    protests = _count(web_db, "type = 'protests' AND lat IS NOT NULL")
    assert 1 <= protests < before
    assert _int_attr(page, "#map", "data-total") == protests
    assert _int_attr(page, "#table", "data-total") == _count(web_db, "type = 'protests'")
    types = page.locator("#table tbody tr.event-row .type-cell").all_inner_texts()
    assert types and all(t.startswith("Protests") for t in types)
    # The export links carry the same filter.
    href = page.get_attribute("#export-csv", "href")
    assert parse_qs(urlparse(href).query)["type"] == ["protests"]
    page.screenshot(path=str(artifacts / "page-filter-protests.png"))
    # The address reproduces the view.
    shared = page.url
    _open(page, shared)
    assert page.input_value("select[name=type]") == "protests"
    assert _int_attr(page, "#map", "data-total") == protests
    assert page.problems == []


def test_country_and_text_filters(page, live_server, web_db):
    _open(page, live_server.url)
    page.select_option("select[name=country]", "SY")
    page.wait_for_function("() => new URL(location.href).searchParams.get('country') === 'SY'")
    page.wait_for_function(IDLE)
    syria = _count(web_db, "country = 'SY' AND lat IS NOT NULL")
    assert _settles_to(page, "#map", "data-total", syria) == syria
    page.fill("input[name=q]", "البصرة")
    page.press("input[name=q]", "Enter")
    page.wait_for_function("() => new URL(location.href).searchParams.get('q') === 'البصرة'")
    page.wait_for_function(IDLE)
    assert _settles_to(page, "#table", "data-total", 0) == 0  # Basra is not in Syria
    page.click("#reset")
    page.wait_for_function("() => location.search === ''")
    page.wait_for_function(IDLE)
    assert _settles_to(page, "#table", "data-total", _count(web_db)) == _count(web_db)
    assert page.problems == []


def test_timeline_brush_filters_map_and_table(page, live_server, web_db, artifacts):
    _open(page, live_server.url)
    # Drag over mid-2019: the test events of July and September, not those of May or November.
    box = page.locator("#timeline svg").bounding_box()
    x0, x1 = page.evaluate(
        """() => { const t = window.raqib.timeline; const day = (s) => Date.UTC(...s.split('-').map((v, i) => i === 1 ? v - 1 : +v)) / 864e5;
                   return [t.x(day('2019-06-10')), t.x(day('2019-09-20'))]; }"""
    )
    y = box["y"] + box["height"] / 2
    page.mouse.move(box["x"] + x0, y)
    page.mouse.down()
    page.mouse.move(box["x"] + (x0 + x1) / 2, y, steps=4)
    page.mouse.move(box["x"] + x1, y, steps=4)
    page.mouse.up()
    page.wait_for_function("() => new URL(location.href).searchParams.get('start') !== null")
    page.wait_for_function(IDLE)
    params = parse_qs(urlparse(page.url).query)
    start, end = params["start"][0], params["end"][0]
    assert start <= "2019-07-15" and "2019-09-01" <= end < "2019-11-18"
    expected = _count(web_db, "date >= ? AND date <= ?", (start, end))
    assert 2 <= expected < _count(web_db)
    assert _int_attr(page, "#table", "data-total") == expected
    assert _int_attr(page, "#map", "data-total") == _count(
        web_db, "date >= ? AND date <= ? AND lat IS NOT NULL", (start, end)
    )
    page.screenshot(path=str(artifacts / "page-brushed.png"))
    page.click("#timeline .link-button")  # "Clear dates"
    page.wait_for_function("() => new URL(location.href).searchParams.get('start') === null")
    page.wait_for_function(IDLE)
    assert _int_attr(page, "#table", "data-total") == _count(web_db)
    assert page.problems == []


def test_event_panel_highlights_evidence_and_figures(page, live_server, web_db, artifacts):
    _open(page, live_server.url + "?country=SY")
    event_id = _event_id(web_db, "Maarat al-Numan")
    page.click(f"#table tr[data-event-id='{event_id}']")
    page.wait_for_selector("#panel[data-state=event] .article-text mark.evidence")
    panel = page.locator("#panel")
    assert "Maarat al-Numan" in panel.locator(".panel-title").inner_text()
    assert "معرة النعمان" in panel.locator(".panel-title").inner_text()
    evidence = panel.locator(".article-text mark.evidence").all_inner_texts()
    assert "".join(evidence).startswith("إن سبعة مدنيين قتلوا")
    assert panel.locator(".article-text mark.trigger").first.inner_text() == "غارة جوية"
    # Every reported figure with who reported it.
    figures = panel.locator(".article-box table.mini").inner_text()
    assert "Killed" in figures and "Syrian Observatory for Human Rights" in figures and "Injured" in figures
    # Arabic is shown right-to-left in an Arabic font.
    article = panel.locator(".article-text")
    assert article.evaluate("el => getComputedStyle(el).direction") == "rtl"
    assert "Naskh" in article.evaluate("el => getComputedStyle(el).fontFamily")
    # The marker of the event is selected on the map, and the address names the event.
    assert parse_qs(urlparse(page.url).query)["event"] == [event_id]
    page.evaluate("window.scrollTo(0, 0)")
    page.screenshot(path=str(artifacts / "page-event.png"))
    assert page.problems == []


def test_untrusted_article_text_stays_text(page, live_server, web_db, artifacts):
    event_id = _event_id(web_db, "Aden")
    _open(page, live_server.url + f"?event={event_id}")
    page.wait_for_selector("#panel[data-state=event] .article-text mark.evidence")
    article = page.locator("#panel .article-text")
    assert article.locator(".article-title").inner_text() == XSS_TITLE
    assert XSS_IMG in article.locator(".article-body").inner_text()
    assert XSS_IMG in "".join(article.locator("mark.evidence").all_inner_texts())
    assert page.locator("#panel img").count() == 0
    assert page.locator("body script:not([src])").count() == 0
    assert page.evaluate("() => window.__xss") is None
    assert "Test <b>Wire</b>" in page.locator("#panel .sources").inner_text()
    page.screenshot(path=str(artifacts / "page-untrusted-text.png"))
    assert page.problems == []  # no alert() ran, no errors


def test_export_links_return_the_filtered_events(page, live_server, web_db):
    _open(page, live_server.url + "?type=explosions_remote_violence")
    href = page.get_attribute("#export-csv", "href")
    res = page.request.get(live_server.url + href)
    assert res.status == 200
    rows = list(csv.DictReader(io.StringIO(res.text())))
    assert len(rows) == _count(web_db, "type = 'explosions_remote_violence'")
    geo = page.request.get(live_server.url + page.get_attribute("#export-geojson", "href")).json()
    assert len(geo["features"]) == len(rows)


@pytest.mark.parametrize("sort", ["-fatalities", "fatalities", "date"])
def test_table_sorts_on_the_server(page, live_server, sort):
    _open(page, live_server.url + f"?sort={sort}")
    th = page.locator("#table th[aria-sort]:not([aria-sort=none])")
    assert th.get_attribute("aria-sort") == ("descending" if sort.startswith("-") else "ascending")
    data = httpx.get(live_server.url + "page/events", params={"sort": sort, "limit": 500}).json()["items"]
    shown = page.locator("#table tbody tr.event-row").evaluate_all("rows => rows.map(r => r.dataset.eventId)")
    assert shown == [e["id"] for e in data][: len(shown)]
    key = sort.lstrip("-")
    values = [(e[key] if e[key] is not None else -1) if key == "fatalities" else (e[key] or "") for e in data]
    assert values == sorted(values, reverse=sort.startswith("-"))


# -- the page's JSON views, without a browser ----------------------------------------------------


def test_points_match_the_api_for_the_same_filter(live_server, web_db):
    for params in ({}, {"type": "explosions_remote_violence"}, {"country": "SY"}, {"start": "2019-07-01"}):
        pts = httpx.get(live_server.url + "page/points", params=params).json()
        api = httpx.get(live_server.url + "events", params={**params, "limit": 500}).json()
        assert sorted(pts["id"]) == sorted(e["id"] for e in api["items"])
        assert len(pts["lat"]) == len(pts["lon"]) == len(pts["type"]) == len(pts["date"]) == api["total"]
        by_id = {e["id"]: e for e in api["items"]}
        for i, event_id in enumerate(pts["id"]):
            assert pts["types"][pts["type"][i]] == by_id[event_id]["type"]
            assert pts["date"][i] == by_id[event_id]["date"]


def test_bad_sort_is_refused_with_the_choices(live_server):
    res = httpx.get(live_server.url + "page/events", params={"sort": "id; DROP TABLE events"})
    assert res.status_code == 400 and "-fatalities" in res.json()["detail"]


def test_facets_count_places_and_actors(live_server, web_db):
    f = httpx.get(live_server.url + "page/facets").json()
    countries = {c["country"]: c for c in f["countries"]}
    assert countries["SY"]["events"] == _count(web_db, "country = 'SY'")
    # The place menus ignore the place filters (so that another country can be chosen).
    g = httpx.get(live_server.url + "page/facets", params={"country": "YE"}).json()
    assert {c["country"] for c in g["countries"]} == set(countries)
    assert any(a["name"] == "Protesters (Iraq)" for a in f["actors"])


def test_cached_views_follow_new_events(tmp_path):
    from browser_fixtures import LiveServer, fill_database

    from raqib.store import open_store

    db = tmp_path / "raqib.sqlite"
    fill_database(db)
    srv = LiveServer(db)
    srv.start()
    try:
        before = httpx.get(srv.url + "page/points").json()["id"]
        assert httpx.get(srv.url + "page/points").json()["id"] == before  # served from the cache
        # Re-extraction finds no event in the Basra article any more: its event is deleted.
        with open_store(db) as store:
            store.replace_annotations(
                [("web-basra", {"events": [], "figures": [], "entities": []})], "tests+web2"
            )
        after = httpx.get(srv.url + "page/points").json()["id"]
        assert len(after) == len(before) - 1
    finally:
        srv.stop()
