"""Browser fixtures: a real SQLite database, the app under uvicorn on 127.0.0.1, Debian's Chromium.

The database holds the project's sample articles, ingested through the real pipeline, and four
articles written for these tests (news-style Arabic, fiction) stored through ``Store.add_articles``
with hand-made annotations, so that the page has events of known types, places, dates and evidence
whatever the extractor finds. One of them carries ``<script>`` and ``<img onerror>`` in its title
and text.

Chromium comes from Debian (``apt-get install -y chromium fonts-noto-core``); Playwright drives it
through ``executable_path`` and never downloads a browser. Without either, the browser tests skip.
"""

from __future__ import annotations

import hashlib
import io
import os
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = os.environ.get("RAQIB_CHROMIUM", "/usr/bin/chromium")
LAUNCH_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]  # fmt: skip
XSS_TITLE = 'قصف مدفعي على عدن <script>window.__xss = 1; alert("xss")</script>'
XSS_IMG = '<img src=x onerror="window.__xss = 2; alert(2)">'


def _span(text: str, part: str) -> dict:
    i = text.index(part)
    return {"start": i, "end": i + len(part), "text": part}


def _event(text: str, evidence: str, trigger: str, **fields) -> dict:
    ev = _span(text, evidence)
    return {
        "evidence": ev,
        "evidence_spans": [ev],
        "triggers": [_span(text, trigger)],
        "confidence": 0.8,
        **fields,
    }


def _figure(
    text: str, kind: str, value: int, number: str, evidence: str, source: str | None, source_en: str | None
):
    src = {**_span(text, source), "name_en": source_en, "cue": "بحسب"} if source else None
    return {"kind": kind, "value": value, "unit": "people", "number": _span(text, number),
            "evidence": _span(text, evidence), "source": src, "who": None, "also": []}  # fmt: skip


def _place(text: str, name: str, name_en: str, country: str, admin1: str, lat: float, lon: float) -> dict:
    return {"text": name, "name_en": name_en, "country": country, "admin1": admin1, "lat": lat, "lon": lon,
            "geo_precision": 1, "span": _span(text, name)}  # fmt: skip


def page_articles() -> list[tuple[dict, dict]]:
    """(article metadata, annotations) for the four test articles."""
    out = []

    title = "مقتل سبعة مدنيين بغارة جوية على معرة النعمان"
    body = ("قال المرصد السوري لحقوق الإنسان إن سبعة مدنيين قتلوا السبت في غارة جوية استهدفت سوقا شعبيا في مدينة "
            "معرة النعمان بريف إدلب الجنوبي، وأصيب 12 آخرون بجروح.")  # fmt: skip
    text = f"{title}\n\n{body}"
    out.append((
        {"id": "web-idlib", "title": title, "text": text, "published": "2019-05-12", "outlet": "Test Wire"},
        {"events": [_event(
            text, "إن سبعة مدنيين قتلوا السبت في غارة جوية استهدفت سوقا شعبيا في مدينة معرة النعمان", "غارة جوية",
            type="explosions_remote_violence", sub_type="air_drone_strike", date="2019-05-11", fatalities=7,
            injured=12, actor1="Military Forces of Syria (2000-)", actor2="Civilians (Syria)",
            civilian_targeting=True,
            location=_place(text, "معرة النعمان", "Maarat al-Numan", "SY", "Idlib", 35.648, 36.672),
            source={**_span(text, "المرصد السوري لحقوق الإنسان"), "name_en": "Syrian Observatory for Human Rights"},
         )],
         "figures": [
            _figure(text, "killed", 7, "سبعة", "سبعة مدنيين قتلوا", "المرصد السوري لحقوق الإنسان",
                    "Syrian Observatory for Human Rights"),
            _figure(text, "injured", 12, "12", "وأصيب 12 آخرون بجروح", None, None),
         ]},
    ))  # fmt: skip

    title = "تظاهرة في البصرة احتجاجا على انقطاع الكهرباء"
    body = "خرج مئات المحتجين الاثنين في تظاهرة سلمية أمام مبنى المحافظة في البصرة للمطالبة بتحسين الخدمات."
    text = f"{title}\n\n{body}"
    out.append((
        {"id": "web-basra", "title": title, "text": text, "published": "2019-07-16", "outlet": "Test Wire"},
        {"events": [_event(
            text, "خرج مئات المحتجين الاثنين في تظاهرة سلمية أمام مبنى المحافظة في البصرة", "تظاهرة سلمية",
            type="protests", sub_type="peaceful_protest", date="2019-07-15", fatalities=0,
            actor1="Protesters (Iraq)", location=_place(text, "البصرة", "Basra", "IQ", "Al-Basrah", 30.508, 47.783),
         )], "figures": []},
    ))  # fmt: skip

    body = (f"أفاد سكان بأن قذائف سقطت فجر الأحد على حي سكني في عدن {XSS_IMG} ما أدى إلى مقتل شخصين، "
            "بحسب مصدر طبي.")  # fmt: skip
    text = f"{XSS_TITLE}\n\n{body}"
    out.append((
        {"id": "web-aden", "title": XSS_TITLE, "text": text, "published": "2019-09-02", "outlet": "Test <b>Wire</b>"},
        {"events": [_event(
            text, f"قذائف سقطت فجر الأحد على حي سكني في عدن {XSS_IMG} ما أدى إلى مقتل شخصين", "قذائف",
            type="explosions_remote_violence", sub_type="shelling_artillery_missile_attack", date="2019-09-01",
            fatalities=2, actor1="Unidentified Armed Group (Yemen)",
            location=_place(text, "عدن", "Aden", "YE", "`Adan", 12.785, 45.018),
         )],
         "figures": [_figure(text, "killed", 2, "شخصين", "مقتل شخصين", "مصدر طبي", "medical source")]},
    ))  # fmt: skip

    title = "نزوح آلاف العائلات من قرى شمال دارفور"
    body = "أعلنت الأمم المتحدة أن نحو ثلاثة آلاف عائلة نزحت من قرى محيطة بمدينة الفاشر خلال الأسبوع الماضي."
    text = f"{title}\n\n{body}"
    out.append((
        {"id": "web-darfur", "title": title, "text": text, "published": "2019-11-20", "outlet": "Test Wire"},
        {"events": [_event(
            text, "نحو ثلاثة آلاف عائلة نزحت من قرى محيطة بمدينة الفاشر", "نزحت",
            type="humanitarian", sub_type="displacement", date="2019-11-18",
            location=_place(text, "الفاشر", "El Fasher", "SD", "North Darfur", 13.628, 25.35),
         )],
         "figures": [_figure(text, "displaced", 3000, "ثلاثة آلاف", "نحو ثلاثة آلاف عائلة نزحت", "الأمم المتحدة",
                             "United Nations")]},
    ))  # fmt: skip
    return out


def fill_database(path: Path) -> None:
    """Ingests the sample articles (real pipeline) and stores the test articles (real store)."""
    from raqib.ingest import ingest
    from raqib.store import ArticleRow, open_store

    store = open_store(path)
    try:
        ingest([str(ROOT / "raqib" / "samples" / "articles.jsonl")], store, workers=1, progress=False,
               log=io.StringIO())  # fmt: skip
        items = []
        for meta, ann in page_articles():
            text = meta["text"]
            digest = hashlib.sha1(text.encode("utf-8")).hexdigest()
            body_start = len(meta["title"]) + 2
            row = ArticleRow(id=meta["id"], text=text, text_hash=digest,
                             body_start=body_start, title=meta["title"], url=f"https://example.org/{meta['id']}",
                             outlet=meta["outlet"], published=meta["published"])  # fmt: skip
            doc = {"id": meta["id"], "title": meta["title"], "text": text, "body_start": body_start,
                   "published": meta["published"], "entities": [], **ann}  # fmt: skip
            items.append((row, doc))
        store.add_articles(items, "tests+web")
    finally:
        store.close()


class LiveServer:
    """The API app with the page mounted, served by uvicorn on a free 127.0.0.1 port."""

    def __init__(self, db: Path):
        from raqib.web.live import serve_in_thread

        self._cm = serve_in_thread(str(db))
        self.url = ""

    def start(self) -> None:
        self.url = self._cm.__enter__()

    def stop(self) -> None:
        self._cm.__exit__(None, None, None)


@pytest.fixture(scope="session")
def artifacts() -> Path:
    """Where screenshots go: $RAQIB_ARTIFACTS or tests/artifacts/ (git-ignored)."""
    path = Path(os.environ.get("RAQIB_ARTIFACTS") or ROOT / "tests" / "artifacts")
    path.mkdir(parents=True, exist_ok=True)
    return path


@pytest.fixture(scope="session")
def web_db(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("web") / "raqib.sqlite"
    fill_database(path)
    return path


@pytest.fixture(scope="session")
def live_server(web_db: Path) -> Iterator[LiveServer]:
    pytest.importorskip("uvicorn")
    srv = LiveServer(web_db)
    srv.start()
    yield srv
    srv.stop()


@pytest.fixture(scope="session")
def browser():
    if not Path(CHROMIUM).exists():
        pytest.skip(
            f"{CHROMIUM} not found: install Debian's chromium (apt-get install -y chromium fonts-noto-core)"
        )
    sync_api = pytest.importorskip(
        "playwright.sync_api", reason="the Python package playwright is not installed"
    )
    with sync_api.sync_playwright() as pw:
        b = pw.chromium.launch(executable_path=CHROMIUM, args=LAUNCH_ARGS)
        yield b
        b.close()


@pytest.fixture()
def page(browser):
    """A fresh page; JavaScript errors and dialogs (alert) are recorded in ``page.problems``."""
    ctx = browser.new_context(viewport={"width": 1440, "height": 1000}, device_scale_factor=1)
    pg = ctx.new_page()
    problems: list[str] = []
    pg.on("pageerror", lambda e: problems.append(f"pageerror: {e}"))
    pg.on("console", lambda m: problems.append(f"console.{m.type}: {m.text}") if m.type == "error" else None)

    def dialog(d) -> None:
        problems.append(f"dialog: {d.message}")
        d.dismiss()

    pg.on("dialog", dialog)
    pg.problems = problems
    yield pg
    ctx.close()
