"""The actors dictionary: curated entries, synthesised national bodies, country-conditioned forms."""

from __future__ import annotations

import pytest

from raqib.kb.actors import load_actors, parse_variant


@pytest.fixture(scope="module")
def actors():
    return load_actors()


@pytest.mark.parametrize(
    ("form", "key", "type_"),
    [
        ("داعش", "isis", "ORG"),
        ("تنظيم الدولة الإسلامية", "isis", "ORG"),
        ("الدولة الاسلامية في العراق والشام", "isis", "ORG"),
        ("قوات سورية الديموقراطية", "sdf", "ORG"),
        ("قسد", "sdf", "ORG"),
        ("جبهة النصرة", "hts", "ORG"),
        ("أنصار الله", "houthis", "ORG"),
        ("قوات الدعم السريع", "rsf", "ORG"),
        ("المرصد السوري لحقوق الإنسان", "sohr", "ORG"),
        ("الخوذ البيضاء", "white_helmets", "ORG"),
        ("مكتب الأمم المتحدة لتنسيق الشئون الإنسانية", "ocha", "ORG"),  # شئون / شؤون
        ("وكالة الصحافة الفرنسية", "afp", "ORG"),
        ("الإليزيه", "elysee", "ORG"),
        ("جان إيف لودريان", "le_drian", "PER"),
        ("مولود جاويش أوغلو", "cavusoglu", "PER"),
        ("انطونيو غوتيريس", "guterres", "PER"),
    ],
)
def test_curated_forms(actors, form, key, type_):
    e = actors.lookup(form)
    assert e is not None and e.key == key and e.type == type_


def test_entry_fields(actors):
    e = actors.get("isis")
    assert e.name_en == "Islamic State (ISIS)" and e.category == "rebel_group" and e.inter == 2
    assert actors.get("sy_regime_forces").acled_name == "Military Forces of Syria"
    assert actors.get("macron").wikidata == "Q3052772" and actors.get("macron").country == "FR"
    assert actors.get("un").category == "international_org" and actors.get("un").inter is None


@pytest.mark.parametrize(
    ("form", "country", "key"),
    [
        ("قوات النظام", "SY", "sy_regime_forces"),
        ("قوات النظام", None, None),
        ("قوات النظام", "IQ", None),
        ("الدفاع المدني", "SY", "white_helmets"),
        ("الدفاع المدني", "IQ", "civil_defence:IQ"),
        ("الدفاع المدني", None, "civil_defence"),
        ("وزارة الداخلية", "IQ", "ministry_interior:IQ"),
        ("الجيش الوطني", "LY", "lna"),
        ("الجيش الوطني", "SY", "sna"),
        ("الهلال الأحمر", "PS", "prcs"),
        ("الهلال الأحمر", None, "red_crescent"),
    ],
)
def test_country_conditioned_forms(actors, form, country, key):
    e = actors.lookup(form, country)
    assert (e.key if e else None) == key


@pytest.mark.parametrize(
    ("form", "key", "name_en", "country"),
    [
        ("الحكومة اللبنانية", "government:LB", "Lebanese government", "LB"),
        ("وزارة الدفاع العراقية", "ministry_defence:IQ", "Iraqi Ministry of Defence", "IQ"),
        ("الخارجية الروسية", "ministry_foreign:RU", "Russian Ministry of Foreign Affairs", "RU"),
        ("الشرطة الأردنية", "police:JO", "Jordanian police", "JO"),
        ("الجيش العراقي", "iq_army", "Iraqi army", "IQ"),  # curated wins over the template
    ],
)
def test_synthesised_national_bodies(actors, form, key, name_en, country):
    e = actors.lookup(form)
    assert (e.key, e.name_en, e.country) == (key, name_en, country)


def test_anaphors_are_not_looked_up(actors):
    assert actors.lookup("المرصد") is None


@pytest.mark.parametrize(
    ("raw", "parsed"),
    [
        ("قوات النظام@SY", ("قوات النظام", "SY", False, False)),
        ("القاعدة!", ("القاعدة", None, True, False)),
        ("~الثوار@SY", ("الثوار", "SY", False, True)),
    ],
)
def test_parse_variant(raw, parsed):
    assert parse_variant(raw) == parsed


def test_automaton_and_nisba(actors):
    found = {v[0] for _, v in actors.automaton.iter("قال مسؤول للامم المتحده")}
    assert "الامم المتحده" in found  # keyed without the alef for "للأمم"
    assert actors.nisba["الفرنسي"] == "FR" and actors.nisba["السوريه"] == "SY"
    assert actors.name_units.get("محمد") == "G"
