"""Force between a crowd and state forces is a demonstration event, not a battle."""

from __future__ import annotations

import raqib


def _types(text: str) -> list[tuple[str, str]]:
    return [(e.type, e.sub_type) for e in raqib.extract(text, published="2018-05-15").events]


def test_confrontations_with_a_crowd_and_deaths_are_excessive_force():
    found = _types(
        "وقتل 12 فلسطينيا على الأقل في مواجهات عنيفة مع الجيش الإسرائيلي عند حدود قطاع غزة الاثنين."
    )
    assert ("protests", "excessive_force_against_protesters") in found
    assert ("battles", "armed_clash") not in found


def test_confrontations_with_youths_and_no_deaths_are_a_riot():
    found = _types("اندلعت مواجهات بين شبان والجيش الإسرائيلي في مدينة الخليل الثلاثاء.")
    assert found == [("riots", "violent_demonstration")]


def test_confrontations_with_an_armed_group_stay_a_battle():
    found = _types("اندلعت مواجهات بين الجيش العراقي وعناصر تنظيم داعش في مدينة الموصل الثلاثاء.")
    assert ("battles", "armed_clash") in found


def test_killings_by_soldiers_in_a_protest_story_are_the_protests():
    text = (
        "خرج آلاف المتظاهرين في مسيرات احتجاجية قرب حدود قطاع غزة الاثنين. "
        "وقالت وزارة الصحة إن القوات الإسرائيلية قتلت 20 شخصا في مدينة غزة الاثنين. "
        "واستمرت الاحتجاجات حتى المساء."
    )
    found = _types(text)
    assert ("violence_against_civilians", "attack") not in found
    assert ("protests", "excessive_force_against_protesters") in found
