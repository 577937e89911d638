"""HTML pages: boilerplate removed, title / date / outlet from OpenGraph, JSON-LD and <time>."""

from __future__ import annotations

import json

import pytest

from raqib.errors import InputError
from raqib.ingest.html import extract_html

BODY = [
    "قتل عشرة مدنيين على الأقل وأصيب عشرات آخرون في غارات جوية استهدفت مدينة دوما في الغوطة الشرقية صباح اليوم.",
    "وقال الدفاع المدني إن فرقه ما زالت تبحث عن ناجين تحت أنقاض الأبنية المدمرة في الأحياء السكنية.",
    "وذكر المرصد السوري لحقوق الإنسان أن القصف تجدد بعد ظهر اليوم على بلدتي حرستا وعربين المجاورتين.",
]


def page(*, meta: str = "", ld: dict | None = None, time_tag: str = "", article_tag: bool = True) -> str:
    ld_tag = f'<script type="application/ld+json">{json.dumps(ld, ensure_ascii=False)}</script>' if ld else ""
    paras = "".join(f"<p>{p}</p>" for p in BODY)
    main = (
        f"<article><h1>غارات على دوما</h1>{time_tag}{paras}</article>"
        if article_tag
        else f"<div class='c'>{time_tag}{paras}</div>"
    )
    return f"""<!doctype html><html lang="ar"><head><meta charset="utf-8"><title>غارات على دوما - موقع الأخبار</title>
    {meta}{ld_tag}<script>var x = "لا تظهر";</script><style>p{{color:red}}</style></head><body>
    <header><nav><a href="/">الرئيسية</a> <a href="/sy">سوريا</a> <a href="/world">العالم</a></nav></header>
    <div class="share-bar"><a href="#">شارك الخبر على فيسبوك وتويتر الآن</a></div>
    {main}
    <aside class="related"><ul><li><a href="/2">أخبار ذات صلة: مقتل ثلاثة في حلب بقصف مدفعي</a></li></ul></aside>
    <footer><p>جميع الحقوق محفوظة لموقع الأخبار 2018 ولا يجوز النسخ دون إذن</p></footer></body></html>"""


def test_opengraph_metadata_and_boilerplate_removed():
    meta = (
        '<meta property="og:title" content="عشرة قتلى بغارات على دوما">'
        '<meta property="og:site_name" content="قناة المثال"><meta property="og:url" content="https://e.org/a/1">'
        '<meta property="article:published_time" content="2018-02-25T09:15:00+02:00">'
    )
    art = extract_html(page(meta=meta).encode("utf-8"))
    assert art.title == "عشرة قتلى بغارات على دوما"
    assert (art.outlet, art.url, art.published) == ("قناة المثال", "https://e.org/a/1", "2018-02-25")
    assert art.text.split("\n\n") == BODY
    for junk in ("لا تظهر", "الرئيسية", "شارك", "ذات صلة", "الحقوق"):
        assert junk not in art.text


def test_json_ld_metadata_in_graph():
    ld = {
        "@context": "https://schema.org",
        "@graph": [
            {"@type": "WebSite", "name": "x"},
            {
                "@type": "NewsArticle",
                "headline": "غارات جديدة على الغوطة",
                "datePublished": "2018-03-02T08:00:00Z",
                "publisher": {"@type": "Organization", "name": "وكالة المثال"},
            },
        ],
    }
    art = extract_html(page(ld=ld), url="https://news.example/x")
    assert (art.title, art.published, art.outlet) == ("غارات جديدة على الغوطة", "2018-03-02", "وكالة المثال")


def test_time_tag_h1_and_density_without_article_element():
    art = extract_html(
        page(time_tag='<time datetime="2018-03-03">3 آذار</time>', article_tag=False),
        url="https://www.news.example/p",
    )
    assert art.published == "2018-03-03"
    assert art.outlet == "www.news.example"
    assert art.text.split("\n\n") == BODY


def test_windows_1256_page_with_meta_charset():
    html = page().replace('charset="utf-8"', 'charset="windows-1256"')
    art = extract_html(html.encode("cp1256"))
    assert art.text.split("\n\n") == BODY


@pytest.mark.parametrize("html", ["", "<html><body><nav><a href='/'>الرئيسية</a></nav></body></html>"])
def test_pages_without_article_text_are_errors(html):
    with pytest.raises(InputError):
        extract_html(html, origin="p.html")
