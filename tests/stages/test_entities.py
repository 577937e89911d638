"""Entities stage: dictionary actors, context persons, surnames, spans without clitics."""

from __future__ import annotations

import pytest

from raqib import extract
from raqib.pipeline import Pipeline
from raqib.stages.entities import entity_at


@pytest.fixture(scope="module")
def pipe():
    return Pipeline(stages=["segment", "entities"])


def ents(pipe, text, title=None):
    doc = pipe(text, title=title)
    for e in doc.entities:
        for m in e.mentions:
            assert doc.text[m.start : m.end] == m.text
    return doc, {e.key: e for e in doc.entities}


def test_nested_role_and_un(pipe):
    doc, by = ents(pipe, "أعرب الأمين العام للأمم المتحدة أنطونيو غوتيرس عن قلقه.")
    assert by["guterres"].name_en == "António Guterres"
    assert by["guterres"].role == "الأمين العام للأمم المتحدة"
    assert [m.text for m in by["un"].mentions] == ["لأمم المتحدة"]  # ل dropped, the article's ل kept


def test_title_nisba_name_and_surname_link(pipe):
    text = "وقال وزير الخارجية الفرنسي، جان إيف لودريان، إن باريس قلقة. وأضاف لودريان أن الوضع خطير."
    _, by = ents(pipe, text)
    e = by["le_drian"]
    assert [m.text for m in e.mentions] == ["جان إيف لودريان", "لودريان"]
    assert e.role == "وزير الخارجية الفرنسي" and e.country == "FR"


def test_unknown_person_from_title(pipe):
    text = "وقال وزير الزراعة الأردني خالد الحنيفات للصحفيين إن الموسم جيد. وأكد الحنيفات أن الأسعار مستقرة."
    _, by = ents(pipe, text)
    e = by["per:خالد الحنيفات"]
    assert e.type == "PER" and e.country == "JO" and e.role == "وزير الزراعة الأردني"
    assert [m.text for m in e.mentions] == ["خالد الحنيفات", "الحنيفات"]
    assert e.name_en and e.name_en.startswith("Khal")


def test_coordinated_names_under_one_title(pipe):
    text = "وتشاور الوزير مع نظيريه السعودي عادل الجبير والأميركي ريكس تيلرسون."
    _, by = ents(pipe, text)
    assert by["adel_jubeir"].role == "نظيريه السعودي"
    assert by["tillerson"].role == "نظيريه الأميركي"


@pytest.mark.parametrize(
    ("text", "key", "mention"),
    [
        ("وقالت مصادر لرويترز إن القصف استمر.", "reuters", "رويترز"),
        ("واتهمت إسرائيل وحزب الله بعضهما.", "hezbollah", "حزب الله"),
        ("وتبنى #داعش الهجوم على الحاجز.", "isis", "داعش"),
        ("وسيطرت قوات سورية الديموقراطية على القرية.", "sdf", "قوات سورية الديموقراطية"),
        ("ونقلت وكالة الأناضول عن مصدر أمني قوله.", "anadolu", "وكالة الأناضول"),
    ],
)
def test_clitics_hashtags_longest_match(pipe, text, key, mention):
    _, by = ents(pipe, text)
    assert [m.text for m in by[key].mentions] == [mention]


def test_country_context_for_regime_forces(pipe):
    syria = "تقدمت قوات النظام في ريف إدلب بعد معارك مع الفصائل قرب معرة النعمان، وفق ناشطين في حلب."
    _, by = ents(pipe, syria)
    assert "sy_regime_forces" in by
    iraq = "قالت قوات النظام الجديد في بغداد إن الانتخابات ستجري في الموصل والبصرة."
    _, by = ents(pipe, iraq)
    assert "sy_regime_forces" not in by


def test_generic_words_are_not_entities(pipe):
    _, by = ents(pipe, "قال الجيش إن القوات تقدمت وإن المعارضة انسحبت من المنطقة.")
    assert by == {}


def test_descriptions_resolved_but_not_emitted(pipe):
    _, by = ents(pipe, "اشتبكت فصائل المعارضة مع قوات النظام في ريف حلب وإدلب.")
    assert "sy_opposition_factions" not in by and "sy_regime_forces" in by


def test_anaphor_needs_full_name(pipe):
    _, by = ents(pipe, "وقال المرصد السوري لحقوق الإنسان إن 20 قتلوا. وأضاف المرصد أن العدد قد يرتفع.")
    assert [m.text for m in by["sohr"].mentions] == ["المرصد السوري لحقوق الإنسان", "المرصد"]
    _, by = ents(pipe, "وقال المرصد الفلكي إن الكسوف سيبدأ ظهرا.")
    assert "sohr" not in by


def test_person_inside_organisation_name(pipe):
    _, by = ents(pipe, "تحاول فرنسا حمل نظام بشار الأسد على وقف القصف في الغوطة الشرقية بدمشق.")
    assert [m.text for m in by["sy_government"].mentions] == ["نظام بشار الأسد"]
    assert [m.text for m in by["bashar_assad"].mentions] == ["بشار الأسد"]


def test_given_name_person_and_surname_elsewhere(pipe):
    _, by = ents(pipe, "سجل أيمن حفني الهدف الأول، ثم أضاف يوسف أوباما الهدف الثاني.")
    assert "per:ايمن حفني" in by and "per:يوسف اوباما" in by
    assert "obama" not in by  # a lone surname after a given name is someone else


@pytest.mark.parametrize(
    "text",
    [
        "وقال ناشطون ميدانيون إن الطائرات قصفت البلدة.",
        "سيطرت القوات على مدينة الشيخ مسكين في ريف درعا.",
        "قصفت الطائرات أحياء سليمان الحلبي وصلاح الدين في حلب.",
    ],
)
def test_no_person_from_plural_or_place(pipe, text):
    _, by = ents(pipe, text)
    assert not [e for e in by.values() if e.type == "PER"]


def test_national_bodies_and_units(pipe):
    text = "وقالت وزارة الداخلية إن الفرقة التاسعة وشرطة محافظة ديالى تصدت للهجوم قرب بعقوبة في العراق."
    _, by = ents(pipe, text)
    assert by["ministry_interior:IQ"].name_en == "Iraqi Ministry of Interior"
    assert by["division:9:IQ"].name_en == "9th Division"
    assert "police:ديالي" in by


def test_entity_at_and_to_dict(pipe):
    doc = pipe("قالت منظمة الصحة العالمية إن الوضع الصحي سيئ.")
    start = doc.text.index("الصحة")
    e = entity_at(doc, start, start + 5)
    assert e is not None and e.key == "who"
    d = e.to_dict()
    assert (
        d["type"] == "ORG"
        and d["name_en"] == "World Health Organization"
        and d["ids"] == {"wikidata": "Q7817"}
    )
    assert entity_at(doc, 0, 4) is None


def test_extract_api_includes_entities():
    doc = extract("أعلن الكرملين أن بوتين سيزور أنقرة.", title="بوتين إلى تركيا")
    keys = {e.key for e in doc.entities}
    assert {"kremlin", "putin"} <= keys
