"""Benchmark the analyst's page in a real browser over a large event database.

Builds (once, cached) a synthetic SQLite database of ~30k events through the store's own insert path
(``Store.add_articles``, merging included), or uses ``--db`` (e.g. the ANT corpus database), serves
it with uvicorn on 127.0.0.1, and drives Debian's Chromium with Playwright to measure:

- time to interactive: navigation start to the first full render (map, timeline, table drawn);
- filter change: choosing an event type until map, timeline and table are redrawn;
- brush: a date range on the timeline until map and table are redrawn;
- map redraw: one synchronous re-cluster and redraw of the markers (pan/zoom frame).

Usage: python bench/bench_page.py [--db PATH] [--events 30000] [--runs 5]
Targets (the issue): interactive < 2 s, filter change < 300 ms.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CHROMIUM = "/usr/bin/chromium"
LAUNCH_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]  # fmt: skip

# Where synthetic events fall: (country, admin1 English name, lat, lon, Arabic place name, weight).
PLACES = [
    ("SY", "Idlib", 35.93, 36.63, "إدلب", 9), ("SY", "Aleppo", 36.2, 37.16, "حلب", 7),
    ("SY", "Rif Dimashq", 33.57, 36.4, "دوما", 8), ("SY", "Dar'a", 32.62, 36.1, "درعا", 4),
    ("SY", "Deir ez-Zor", 35.33, 40.14, "دير الزور", 5), ("SY", "Hama", 35.13, 36.75, "حماة", 4),
    ("YE", "Al Hudaydah", 14.8, 42.95, "الحديدة", 7), ("YE", "Ta`izz", 13.58, 44.02, "تعز", 6),
    ("YE", "Sa`dah", 16.94, 43.76, "صعدة", 4), ("YE", "Amanat Al Asimah", 15.35, 44.2, "صنعاء", 4),
    ("IQ", "Ninawa", 36.34, 43.13, "الموصل", 4), ("IQ", "Al-Anbar", 33.42, 43.3, "الرمادي", 3),
    ("IQ", "Baghdad", 33.31, 44.36, "بغداد", 4), ("LY", "Tripoli", 32.88, 13.19, "طرابلس", 4),
    ("LY", "Benghazi", 32.12, 20.07, "بنغازي", 2), ("SD", "North Darfur", 13.63, 25.35, "الفاشر", 3),
    ("SD", "Khartoum", 15.5, 32.56, "الخرطوم", 3), ("PS", "Gaza", 31.5, 34.47, "غزة", 5),
    ("LB", "South", 33.27, 35.2, "صور", 1), ("EG", "North Sinai", 31.13, 33.8, "العريش", 2),
    ("AF", "Kabul", 34.53, 69.17, "كابول", 2), ("SO", "Banaadir", 2.05, 45.32, "مقديشو", 2),
]  # fmt: skip
TYPES = [
    ("explosions_remote_violence", ["air_drone_strike", "shelling_artillery_missile_attack",
                                    "remote_explosive_landmine_ied", "suicide_bomb"], 10, "غارة جوية"),
    ("battles", ["armed_clash", "government_regains_territory", "non_state_actor_overtakes_territory"], 7,
     "اشتباكات عنيفة"),
    ("violence_against_civilians", ["attack", "abduction_forced_disappearance"], 4, "هجوم مسلح على مدنيين"),
    ("protests", ["peaceful_protest", "protest_with_intervention"], 3, "تظاهرة سلمية"),
    ("riots", ["violent_demonstration", "mob_violence"], 1, "أعمال شغب"),
    ("strategic_developments", ["arrests", "agreement", "looting_property_destruction"], 2, "حملة اعتقالات"),
    ("humanitarian", ["displacement", "aid_delivered", "evacuation", "siege"], 3, "موجة نزوح"),
]  # fmt: skip
ACTORS = [
    "Military Forces of Syria (2000-)", "Military Forces of Russia (2000-)", "Hayat Tahrir al-Sham",
    "Houthi Movement", "Military Forces of Yemen (2016-) Hadi Faction", "Islamic State (Iraq)",
    "Rapid Support Forces", "Sudanese Armed Forces", "Libyan National Army", "Hamas Movement",
]  # fmt: skip


def _span(text: str, part: str) -> dict:
    i = text.index(part)
    return {"start": i, "end": i + len(part), "text": part}


def synthetic_articles(n_articles: int, seed: int = 7):
    """(ArticleRow, doc dict) pairs, two or so events each, spread over 2018."""
    from raqib.store import ArticleRow

    rng = random.Random(seed)
    weights = [p[5] for p in PLACES]
    tweights = [t[2] for t in TYPES]
    for i in range(n_articles):
        published = f"2018-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
        events, sentences = [], []
        for _ in range(rng.choice((1, 1, 2, 2, 3))):
            country, admin1, lat, lon, name_ar, _w = rng.choices(PLACES, weights)[0]
            typ, subs, _tw, phrase = rng.choices(TYPES, tweights)[0]
            killed = rng.choice([None, None, 0, 1, 2, 3, 5, 8, 12, 20, 45])
            day = f"{published[:8]}{max(1, int(published[8:]) - rng.randint(0, 2)):02d}"
            sentence = f"أفادت مصادر محلية بوقوع {phrase} في {name_ar} رقم {i}-{len(events)}"
            if killed:
                sentence += f" أسفرت عن مقتل {killed} أشخاص"
            sentences.append(sentence + ".")
            events.append(
                {
                    "type": typ, "sub_type": rng.choice(subs), "date": day, "time_precision": 1,
                    "location": {"text": name_ar, "name_en": admin1, "country": country, "admin1": admin1,
                                 "lat": round(lat + rng.gauss(0, 0.35), 4), "lon": round(lon + rng.gauss(0, 0.35), 4),
                                 "geo_precision": 1},
                    "actor1": rng.choice(ACTORS), "actor2": rng.choice([None, "Civilians", rng.choice(ACTORS)]),
                    "fatalities": killed, "injured": None, "confidence": 0.7,
                    "_sentence": sentence,
                }
            )  # fmt: skip
        title = f"تقرير ميداني رقم {i}"
        body = " ".join(sentences)
        text = f"{title}\n\n{body}"
        for ev in events:
            ev["evidence"] = _span(text, ev.pop("_sentence"))
            ev["evidence_spans"] = [ev["evidence"]]
        doc = {"id": f"syn-{i}", "title": title, "text": text, "body_start": len(title) + 2, "events": events,
               "figures": [], "entities": []}  # fmt: skip
        th = hashlib.sha1(text.encode()).hexdigest()
        row = ArticleRow(id=f"syn-{i}", text=text, text_hash=th, body_start=len(title) + 2,
                         title=title, url=f"https://example.org/syn/{i}", outlet=rng.choice(["Outlet A", "Outlet B"]),
                         published=published)  # fmt: skip
        yield row, doc


def build_synthetic_db(path: Path, n_events: int) -> int:
    """Fills ``path`` through ``Store.add_articles`` until it holds about ``n_events`` events."""
    from raqib.store import open_store

    store = open_store(path)
    batch: list = []
    n_articles = int(n_events / 1.9)
    for item in synthetic_articles(n_articles):
        batch.append(item)
        if len(batch) == 500:
            store.add_articles(batch, "bench+synthetic")
            batch = []
    if batch:
        store.add_articles(batch, "bench+synthetic")
    count = store.count("events")
    store.close()
    return count


MAP_INDEX_NAME = "events_map"
# The covering index proposed for the store's schema: /page/points and the facets then read the
# index alone instead of every (large) event row. Measured on 28k synthetic events: the unfiltered
# points query 400-460 ms -> ~100 ms, a type filter ~17 ms.
MAP_INDEX = (
    f"CREATE INDEX IF NOT EXISTS {MAP_INDEX_NAME} ON events "
    "(deleted, date, type, sub_type, country, admin1, fatalities, lat, lon, id)"
)


def _map_index(db: Path, action: str) -> None:
    import sqlite3

    if action == "keep":
        return
    with sqlite3.connect(db) as conn:
        conn.execute(MAP_INDEX if action == "add" else f"DROP INDEX IF EXISTS {MAP_INDEX_NAME}")


class Server:
    """uvicorn serving the API with the page on a free 127.0.0.1 port, in a thread."""

    def __init__(self, db: Path):
        from raqib.web.live import serve_in_thread

        self._cm = serve_in_thread(str(db))
        self.url = ""

    def __enter__(self) -> Server:
        self.url = self._cm.__enter__()
        return self

    def __exit__(self, *exc) -> None:
        self._cm.__exit__(*exc)


WAIT_IDLE = "() => document.body.dataset.ready === '1' && document.body.dataset.busy === '0'"


def measure(url: str, runs: int) -> dict:
    from playwright.sync_api import sync_playwright

    out: dict[str, list[float]] = {"interactive_ms": [], "filter_ms": [], "brush_ms": [], "map_redraw_ms": []}
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=LAUNCH_ARGS)
        page = browser.new_page(viewport={"width": 1440, "height": 1000})
        for _ in range(runs):
            page.goto(url)
            page.wait_for_function(WAIT_IDLE, timeout=30000)
            out["interactive_ms"].append(page.evaluate("() => window.raqib.timings.readyAt"))
            shown = int(page.get_attribute("#map", "data-total") or 0)
            for typ in ("battles", "explosions_remote_violence", ""):
                t = page.evaluate(
                    """async (typ) => {
                        const sel = document.querySelector('select[name=type]');
                        const t0 = performance.now();
                        sel.value = typ; sel.dispatchEvent(new Event('change'));
                        while (document.body.dataset.busy !== '0') await new Promise(r => setTimeout(r, 2));
                        await new Promise(r => requestAnimationFrame(() => r()));
                        return performance.now() - t0; }""",
                    typ,
                )
                out["filter_ms"].append(t)
            t = page.evaluate(
                """async () => {
                    const t0 = performance.now();
                    await window.raqib.setDates('2018-03-01', '2018-04-30');
                    await new Promise(r => requestAnimationFrame(() => r()));
                    return performance.now() - t0; }"""
            )
            out["brush_ms"].append(t)
            page.evaluate("() => window.raqib.setDates(null, null)")
            t = page.evaluate(
                "() => { const t0 = performance.now(); for (let i = 0; i < 10; i++) window.raqib.map.drawNow();"
                " return (performance.now() - t0) / 10; }"
            )
            out["map_redraw_ms"].append(t)
        browser.close()
    # Run 1 meets an empty response cache (every query runs); later runs repeat the same views.
    first = {"interactive_ms": 1, "filter_ms": 3, "brush_ms": 1, "map_redraw_ms": 1}
    res = {
        k: {
            "cold": round(statistics.median(v[: first[k]]), 1),
            "warm_median": round(statistics.median(v[first[k] :]), 1) if len(v) > first[k] else None,
            "max": round(max(v), 1),
        }
        for k, v in out.items()
    }
    res["events_on_map"] = shown
    return res


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--db", type=Path, help="an existing raqib database (default: a synthetic one)")
    ap.add_argument("--events", type=int, default=30000, help="synthetic events (default 30000)")
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument(
        "--map-index",
        choices=("keep", "add", "drop"),
        default="keep",
        help=f"add or drop the covering index the page's map query wants ({MAP_INDEX_NAME}) before measuring",
    )
    args = ap.parse_args()
    if not Path(CHROMIUM).exists():
        print(f"{CHROMIUM} not found: apt-get install -y chromium", file=sys.stderr)
        return 2
    db = args.db
    if db is None:
        db = Path(tempfile.gettempdir()) / f"raqib-bench-page-{args.events}.sqlite"
        if not db.exists():
            t0 = time.monotonic()
            n = build_synthetic_db(db, args.events)
            print(f"built {db} with {n} events in {time.monotonic() - t0:.0f} s", file=sys.stderr)
    _map_index(db, args.map_index)
    with Server(db) as srv:
        res = measure(srv.url, args.runs)
    res["db"] = str(db)
    res["map_index"] = args.map_index
    print(json.dumps(res, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
