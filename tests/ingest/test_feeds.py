"""RSS/Atom feeds from files and from a local HTTP server (127.0.0.1 only): entries, page
fetching for teasers, retries with backoff, timeouts, conditional GET (ETag / Last-Modified)."""

from __future__ import annotations

import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from raqib.errors import InputError
from raqib.ingest import ingest, iter_sources
from raqib.ingest.feeds import FeedDone
from raqib.ingest.fetch import FetchPolicy, fetch
from raqib.ingest.records import RawArticle
from raqib.store import open_store

LONG = (
    "أفاد مراسلون بأن قصفا مدفعيا عنيفا استهدف أحياء مدينة حرستا منذ ساعات الفجر الأولى، "
    "وأن فرق الإسعاف نقلت عشرات الجرحى إلى النقاط الطبية القليلة التي ما زالت تعمل في المدينة. "
) * 4

RSS = f"""<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>أخبار المثال</title>
<item><title>قصف على حرستا</title><link>http://127.0.0.1:{{port}}/article/1.html</link><guid>r-1</guid>
<pubDate>Sun, 25 Feb 2018 10:00:00 +0200</pubDate><content:encoded><![CDATA[<p>{LONG}</p>]]></content:encoded></item>
<item><title>غارات على دوما</title><link>http://127.0.0.1:{{port}}/article/2.html</link><guid>r-2</guid>
<pubDate>Mon, 26 Feb 2018 11:00:00 +0200</pubDate><description>مقتل مدنيين في دوما</description></item>
</channel></rss>"""

ATOM = f"""<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"><title>شبكة المثال</title>
<entry><id>urn:x:1</id><title>نزوح من الغوطة</title><updated>2018-03-10T08:00:00Z</updated>
<link href="http://e.org/n/1"/><content type="html">&lt;p&gt;{LONG}&lt;/p&gt;</content></entry></feed>"""

PAGE = """<html><head><meta property="og:site_name" content="أخبار المثال"></head><body><nav>الرئيسية</nav>
<article><p>قتل سبعة مدنيين وأصيب خمسة عشر آخرون في غارات جوية استهدفت سوقا شعبية وسط مدينة دوما صباح الاثنين.</p>
<p>وقال الدفاع المدني إن فرقه أخمدت حرائق اندلعت في عدد من المحال التجارية بعد الغارات مباشرة.</p>
<p>وتتعرض مدن وبلدات الغوطة الشرقية لحملة قصف متواصلة منذ أكثر من أسبوع بحسب ناشطين محليين.</p></article></body></html>"""


class Server:
    def __init__(self):
        self.hits: dict[str, int] = {}
        self.conditional: list[str | None] = []
        state = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args):
                pass

            def do_GET(self):  # noqa: N802
                state.hits[self.path] = state.hits.get(self.path, 0) + 1
                port = self.server.server_address[1]
                if self.path == "/feed.xml":
                    state.conditional.append(self.headers.get("If-None-Match"))
                    if self.headers.get("If-None-Match") == '"v1"':
                        self.send_response(304)
                        self.end_headers()
                        return
                    self._send(RSS.replace("{port}", str(port)), "application/rss+xml", etag='"v1"')
                elif self.path == "/flaky.xml":
                    if state.hits[self.path] <= 2:
                        self.send_response(503)
                        self.send_header("Retry-After", "0")
                        self.end_headers()
                        return
                    self._send(ATOM, "application/atom+xml")
                elif self.path == "/slow.xml":
                    time.sleep(1.0)
                    self._send(ATOM, "application/atom+xml")
                elif self.path.startswith("/article/"):
                    self._send(PAGE, "text/html; charset=utf-8")
                else:
                    self.send_response(404)
                    self.end_headers()

            def _send(self, body, ctype, etag=None):
                data = body.encode("utf-8")
                self.send_response(200)
                self.send_header("Content-Type", ctype)
                self.send_header("Content-Length", str(len(data)))
                if etag:
                    self.send_header("ETag", etag)
                    self.send_header("Last-Modified", "Mon, 26 Feb 2018 12:00:00 GMT")
                self.end_headers()
                self.wfile.write(data)

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}"
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)


@pytest.fixture
def server():
    s = Server()
    s.thread.start()
    yield s
    s.httpd.shutdown()
    s.httpd.server_close()


FAST = FetchPolicy(timeout=2.0, retries=3, backoff=0.01)


def test_rss_from_url_fetches_pages_for_teasers(server):
    items = list(iter_sources([f"{server.url}/feed.xml"], policy=FAST))
    arts = [i for i in items if isinstance(i, RawArticle)]
    assert [a.title for a in arts] == ["قصف على حرستا", "غارات على دوما"]
    assert arts[0].text.strip() == LONG.strip() and arts[0].published == "2018-02-25"
    assert arts[1].text.startswith("قتل سبعة مدنيين") and "الرئيسية" not in arts[1].text
    assert server.hits.get("/article/2.html") == 1 and "/article/1.html" not in server.hits
    assert isinstance(items[-1], FeedDone) and items[-1].etag == '"v1"'


def test_atom_file(tmp_path):
    path = tmp_path / "feed.atom"
    path.write_text(ATOM, encoding="utf-8")
    (art,) = iter_sources([str(path)])
    assert (art.title, art.published, art.outlet, art.id) == (
        "نزوح من الغوطة",
        "2018-03-10",
        "شبكة المثال",
        "urn:x:1",
    )


def test_retries_with_backoff_then_success(server):
    res = fetch(f"{server.url}/flaky.xml", policy=FAST)
    assert res.status == 200 and server.hits["/flaky.xml"] == 3


def test_gives_up_after_retries(server):
    with pytest.raises(InputError, match="HTTP 503"):
        fetch(f"{server.url}/flaky.xml", policy=FetchPolicy(retries=1, backoff=0.01))


def test_timeout_is_reported(server):
    with pytest.raises(InputError, match="after 1 attempts"):
        fetch(f"{server.url}/slow.xml", policy=FetchPolicy(timeout=0.2, retries=0))


def test_not_found_is_not_retried(server):
    with pytest.raises(InputError, match="HTTP 404"):
        fetch(f"{server.url}/none.xml", policy=FAST)
    assert server.hits["/none.xml"] == 1


def test_feed_ingest_uses_conditional_get_and_adds_nothing_twice(server, tmp_path):
    with open_store(tmp_path / "db.sqlite") as store:
        first = ingest([f"{server.url}/feed.xml"], store, workers=1, progress=False, policy=FAST)
        assert (first.read, first.new) == (2, 2)
        second = ingest([f"{server.url}/feed.xml"], store, workers=1, progress=False, policy=FAST)
        assert (second.read, second.new) == (0, 0)
        assert server.conditional == [None, '"v1"']
        assert store.feed_state(f"{server.url}/feed.xml")[0] == '"v1"'
