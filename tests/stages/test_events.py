"""The events stage on hand-annotated documents (sentences, places, dates and figures filled in
by the test), so that it is checked independently of the other stages. Texts are our own."""

from __future__ import annotations

from datetime import date

import pytest

from raqib.model.dates import PRECISION_DAY, TimeExpr
from raqib.model.doc import Doc
from raqib.model.entities import Entity, Place
from raqib.model.figures import Figure
from raqib.model.span import Span
from raqib.stages import events, segment

# name -> (lat, lon, place_type, admin1)
PLACES = {
    "دوما": (33.57, 36.40, "locality", "ريف دمشق"),
    "حرستا": (33.56, 36.37, "locality", "ريف دمشق"),
    "المحمدية": (33.51, 36.42, "locality", "ريف دمشق"),
    "الأشعري": (33.50, 36.43, "locality", "ريف دمشق"),
    "حمورية": (33.53, 36.39, "locality", "ريف دمشق"),
    "مسرابا": (33.55, 36.40, "locality", "ريف دمشق"),
    "الغوطة الشرقية": (33.55, 36.45, "region", "ريف دمشق"),
    "إدلب": (35.93, 36.63, "admin1", "إدلب"),
    "سراقب": (35.86, 36.80, "locality", "إدلب"),
    "جسر الشغور": (35.81, 36.32, "locality", "إدلب"),
    "الكفير": (35.78, 36.30, "locality", "إدلب"),
}


def make_doc(text: str, *, published: str = "2018-03-04", dates=(), figures=()) -> Doc:
    doc = segment.run(Doc.create(text, published=date.fromisoformat(published)), None)
    ents = []
    for name, (lat, lon, ptype, admin1) in PLACES.items():
        mentions = []
        start = text.find(name)
        while start >= 0:
            mentions.append(Span(start, start + len(name), name))
            start = text.find(name, start + 1)
        if mentions:
            place = Place(
                lat,
                lon,
                "SY",
                admin1=admin1,
                admin1_ar=admin1,
                place_type=ptype,
                geo_precision=3 if ptype != "locality" else 1,
            )
            ents.append(Entity("LOC", name, name, tuple(mentions), name_en=name, country="SY", place=place))
    return doc.with_(entities=tuple(ents), dates=tuple(dates), figures=tuple(figures))


def day_expr(text: str, word: str, day: str) -> TimeExpr:
    i = text.index(word)
    d = date.fromisoformat(day)
    return TimeExpr(Span(i, i + len(word), word), "weekday", d, d, PRECISION_DAY)


def run(doc: Doc) -> Doc:
    return events.run(doc, None)


GHOUTA = (
    "وفي آخر موجة للهجمات، السبت، استهدفت قوات النظام بضربات جوية وبرية مدينتي دوما وحرستا "
    "وبلدات المحمدية والأشعري وحمورية ومسرابا."
)


def test_one_event_per_town() -> None:
    doc = run(make_doc(GHOUTA, dates=[day_expr(GHOUTA, "السبت", "2018-03-03")]))
    towns = [e.location.text for e in doc.events]
    assert towns == ["دوما", "حرستا", "المحمدية", "الأشعري", "حمورية", "مسرابا"]
    for e in doc.events:
        assert (e.type, e.sub_type, e.date, e.time_precision) == (
            "explosions_remote_violence",
            "air_drone_strike",
            "2018-03-03",
            1,
        )
        assert e.location.lat is not None and e.location.geo_precision == 1
        assert doc.text[e.evidence[0].start : e.evidence[0].end] == e.evidence[0].text
        assert any(t.text == "بضربات" or "جوية" in t.text for t in e.triggers)
        assert e.explanation and e.rule


def test_reference_point_is_not_a_target() -> None:
    text = "وأغار الطيران الحربي على بلدات سلة الزهور والكفير جنوب مدينة جسر الشغور أمس."
    doc = run(make_doc(text))
    assert [e.location.text for e in doc.events] == ["الكفير"]


def test_unnamed_place_in_named_region_takes_the_region() -> None:
    text = "قتل طفلان في غارات جوية استهدفت قرية في ريف إدلب الجنوبي أمس."
    doc = run(make_doc(text))
    assert [e.location.text for e in doc.events] == ["إدلب"]
    assert doc.events[0].location.geo_precision >= 2


def test_region_summary_is_merged_into_the_towns() -> None:
    text = (
        "شن الطيران الحربي غارات على مدن وبلدات ريف إدلب. "
        "واستهدفت مقاتلة حربية مدينة سراقب بالصواريخ ما أدى إلى مقتل طفل."
    )
    doc = run(make_doc(text))
    assert [e.location.text for e in doc.events] == ["سراقب"]


def test_no_date_falls_back_to_the_publication_date_with_lower_precision() -> None:
    doc = run(make_doc("واستهدفت مقاتلة حربية مدينة سراقب بالصواريخ."))
    assert doc.events[0].date == "2018-03-04"
    assert doc.events[0].time_precision == 2


def test_fatalities_tied_to_the_event() -> None:
    text = "استهدفت مقاتلة حربية مدينة سراقب بالصواريخ ما أدى إلى مقتل 4 مدنيين."
    i = text.index("مقتل 4 مدنيين")
    fig = Figure("killed", 4, Span(i, i + 13, text[i : i + 13]), Span(i + 5, i + 6, "4"))
    doc = run(make_doc(text, figures=[fig]))
    assert doc.events[0].fatalities == 4
    assert doc.events[0].actor2 is not None and doc.events[0].actor2.name.startswith("Civilians")


def test_total_over_several_towns_is_not_copied() -> None:
    text = "استهدفت غارات جوية مدينتي دوما وحرستا ما أدى إلى مقتل 9 مدنيين."
    i = text.index("مقتل 9 مدنيين")
    fig = Figure("killed", 9, Span(i, i + 13, text[i : i + 13]), Span(i + 5, i + 6, "9"))
    doc = run(make_doc(text, figures=[fig]))
    assert len(doc.events) == 2
    assert all(e.fatalities is None for e in doc.events)


@pytest.mark.parametrize(
    "text",
    [
        "ودعت فرنسا إلى وقف الغارات على دوما فورا.",
        "ونفت وزارة الدفاع قصف مدينة دوما أمس.",
        "وهدد الجيش بشن هجوم على حرستا إذا رفض المسلحون الانسحاب.",
        "وبحث الوزير مع نظيره الوضع في الغوطة الشرقية.",
    ],
)
def test_no_events_for_talk(text: str) -> None:
    assert run(make_doc(text)).events == ()


def test_humanitarian_events() -> None:
    text = (
        "تشهد الغوطة الشرقية حالة نزوح كثيف للسكان. "
        "وقالت الأمم المتحدة إن قافلة مساعدات لم تتمكن اليوم من الدخول إلى دوما."
    )
    doc = run(make_doc(text))
    got = {(e.sub_type, e.location.text) for e in doc.events}
    assert ("displacement", "الغوطة الشرقية") in got
    assert ("aid_blocked", "دوما") in got


def test_unnamed_area_refers_back_to_the_last_region() -> None:
    text = (
        "وتشهد الغوطة الشرقية قصفا عنيفا منذ أيام. وتحاصر قوات النظام نحو مئتي ألف مدني في المنطقة منذ سنوات."
    )
    doc = run(make_doc(text))
    sieges = [e for e in doc.events if e.sub_type == "siege"]
    assert [e.location.text for e in sieges] == ["الغوطة الشرقية"]


def test_unnamed_town_takes_a_locality_not_a_region() -> None:
    text = "وتقع حرستا في الغوطة الشرقية. وسقطت قذائف على البلدة صباح اليوم ما أدى إلى إصابة طفل."
    doc = run(make_doc(text))
    assert {e.location.text for e in doc.events if e.type == "explosions_remote_violence"} == {"حرستا"}


def test_ongoing_state_is_dated_to_the_report() -> None:
    text = "وتحاصر قوات النظام مدينة دوما منذ أواخر عام 2013."
    i = text.index("منذ أواخر عام 2013")
    since = TimeExpr(
        Span(i, i + 18, text[i : i + 18]), "part_of", date(2013, 10, 1), date(2013, 12, 31), 3, None, "since"
    )
    doc = run(make_doc(text, dates=[since]))
    assert [(e.sub_type, e.date, e.time_precision) for e in doc.events] == [("siege", "2018-03-04", 2)]


def test_count_up_to_a_day_is_a_total_not_an_event() -> None:
    text = "وبلغ عدد المدنيين الذين قتلوا في غارات على دوما منذ بداية الشهر وحتى السبت 120 شخصا."
    i = text.index("وحتى السبت") + 1
    until = TimeExpr(
        Span(i, i + 9, text[i : i + 9]), "weekday", date(2018, 3, 3), date(2018, 3, 3), 1, None, "until"
    )
    doc = run(make_doc(text, dates=[until]))
    assert doc.events == ()


def test_no_event_placed_at_a_word_of_ceasefire() -> None:
    # "وقف" is a village name in some gazetteers; in "وقف إطلاق النار" it is not a place.
    text = "وخرق الجيش وقف إطلاق النار بقصف مدفعي صباح اليوم."
    doc = make_doc(text)
    i = text.index("وقف")
    place = Place(33.0, 36.0, "SY", place_type="locality", geo_precision=1)
    ent = Entity("LOC", "وقف", "وقف", (Span(i, i + 3, "وقف"),), name_en="Waqf", country="SY", place=place)
    doc = run(doc.with_(entities=(ent,)))
    assert all(e.location is None or e.location.text != "وقف" for e in doc.events)
