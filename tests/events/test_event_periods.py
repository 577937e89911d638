"""A clause framed by a multi-day period (a running total, a series of strikes) is no dated event."""

from __future__ import annotations

import pytest

import raqib
from raqib.events.pipeline import extract_events


def _drops(text: str) -> list[str]:
    doc = raqib.extract(text, published="2018-03-07")
    _, log = extract_events(doc)
    return [line for line in log if "multi-day period" in line]


@pytest.mark.parametrize(
    "text",
    [
        "بعد أسبوع من الغارات المتواصلة على مدينة دوما ارتفعت حصيلة القتلى إلى 500 شخص.",
        "وخلال الأيام الماضية شنت الطائرات الحربية عشرات الغارات على مدينة حرستا.",
        "وبلغت حصيلة القتلى في مدينة دوما منذ 18 شباط 600 قتيل جراء الغارات.",
        "وعلى مدى أسبوعين قصفت الطائرات الروسية مدينة حرستا بمئات الصواريخ.",
        # the accusative singular after 11-99 (regression: "يوما" was no period word)
        "وقتل المئات في حملة القصف المستمرة منذ 11 يوما على مدينة حرستا.",
        # since a side took a place: years of it
        "وقال رئيس اللجنة إن الميليشيا منذ سيطرتها على ميناء المدينة قصفت 5 سفن إغاثية.",
        # arrests over weeks are a summary too
        "واعتقلت الفصائل خلال الأسابيع الماضية عشرات الأشخاص في مدينة إدلب.",
        # the day dates the statement, the frame the deaths
        "وكشف الجيش، الأحد، عن مقتل 500 مسلح خلال الستة الأيام الماضية في معارك مدينة حرستا.",
    ],
)
def test_multi_day_total_is_no_event(text: str) -> None:
    doc = raqib.extract(text, published="2018-03-07")
    assert not doc.events, [(e.sub_type, e.date) for e in doc.events]
    assert _drops(text)


@pytest.mark.parametrize(
    ("text", "day"),
    [
        (
            "وقتل 5 أشخاص اليوم في غارة على مدينة دوما، ليرتفع عدد القتلى منذ بدء الحملة إلى 700.",
            "2018-03-07",
        ),
        ("وقتل 5 أشخاص في غارة على مدينة دوما، ليرتفع عدد القتلى منذ بدء الحملة إلى 700.", "2018-03-07"),
        ("وشنت الطائرات الحربية أمس غارات على مدينة حرستا، بعد أسبوع من القصف المتواصل.", "2018-03-06"),
        ("وبعد أسبوع من المعارك العنيفة سيطرت قوات النظام على مدينة حرستا.", "2018-03-07"),
        ("قتل 5 مدنيين في غارة جوية على مدينة دوما.", "2018-03-07"),
    ],
)
def test_event_with_its_own_day_stays(text: str, day: str) -> None:
    doc = raqib.extract(text, published="2018-03-07")
    assert [e.date for e in doc.events] == [day]


@pytest.mark.parametrize(
    "text",
    [
        # a flow over days is one humanitarian event, not a summary
        "ونزح أكثر من 20 ألف مدني من مدينة حرستا خلال اليومين الماضيين.",
        # the frame belongs to a relative clause, not to the attack
        "وقتل 30 شخصا في هجوم مسلح على سوق مدينة العريش يعد من أعنف الهجمات التي شهدتها المدينة في السنوات الأخيرة.",
    ],
)
def test_frame_outside_the_event_keeps_it(text: str) -> None:
    doc = raqib.extract(text, published="2018-03-07")
    assert doc.events
    assert not _drops(text)
