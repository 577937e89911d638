"""Genericity and specificity rules: violence named in general is no event; a report is.

Every sentence here is written for these tests in wire-news style; none comes from a corpus.
"""

from __future__ import annotations

import pytest
from event_helpers import detections

from raqib.events.triggers import find_cues
from raqib.text.normalize import normalize

VIOLENCE = {"battles", "explosions_remote_violence", "violence_against_civilians"}
DEMONSTRATIONS = {"protests", "riots"}


def types(text: str) -> set[str]:
    return {d.type for d in detections(text)[0]}


@pytest.mark.parametrize(
    "text",
    [
        # abstract nouns in a list, commentary
        "إن طريق القتل والخطف والذبح لن يوصل أصحابه إلى أي هدف.",
        "هذه الجماعات تمتهن الاغتصاب والتعذيب وتبرر العنف ضد المدنيين.",
        # the event noun as the complement of a noun that talks about it
        "وزارت الوزيرة عائلات ضحايا الاعتداءات الإرهابية لتقديم التعويضات.",
        "وتواصل اللجنة التحقيق في التفجير الذي هز العاصمة.",
        "ونشرت الصحيفة قائمة اغتيالات تضم قادة الحركة.",
        # a kind of violence, a hypothesis
        "ويرى الخبراء أن أي ضربة جوية ضد المنشآت ستكون مكلفة.",
        # background of a non-violent statement
        "وتأتي زيارة الوزير بعد هجوم انتحاري على حافلة للشرطة في العاصمة.",
        # judicial execution, release
        "ونفذت السلطات حكم الإعدام بحق ثلاثة مدانين بتهمة القتل.",
        "وأفرج المسلحون أمس عن مهندس كانوا قد خطفوه قبل شهر.",
        # idioms: "ضربت حراسة"، "أطلق عليه اسم"
        "وضربت الشرطة حراسة مشددة حول المستشفى.",
        "وأطلق الجيش على العملية اسم الفجر الجديد.",
    ],
)
def test_no_violence_event(text: str) -> None:
    assert not types(text) & VIOLENCE


@pytest.mark.parametrize(
    "text",
    [
        "قتل ثلاثة مدنيين في تفجير سيارة مفخخة وسط المدينة صباح اليوم.",
        "وقتلت الصحفية في هجوم انتحاري استهدف موكبها.",
        "واختطف مسلحون خمسة عمال أمس ثم أفرجوا عن اثنين منهم.",
        "وأدى الانفجار إلى مقتل 4 أشخاص وإصابة آخرين في محيط موقع التفجير.",
        "وتعرض المرجع لمحاولة اغتيال في النجف أمس.",
    ],
)
def test_specific_violence_is_an_event(text: str) -> None:
    assert types(text) & VIOLENCE


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("ورشق مئات المتظاهرين قوات الأمن بالحجارة وسط المدينة.", True),
        ("وأغلق المحتجون الطريق الدولي بالإطارات المشتعلة.", True),
        ("وخرج المتظاهرون إلى الشوارع منددين بالقرار.", True),
        ("وتجمع مئات من الأهالي أمام مبنى المحافظة للمطالبة بالإفراج عن أبنائهم.", True),
        ("واحتج مئات العمال الأحد أمام مقر الشركة.", True),
        ("وأحرق شاب نفسه احتجاجا على مصادرة بضاعته.", True),
        # detail about a demonstration reported before, riot police, protest as a motive
        ("وهتف المتظاهرون بشعارات ضد الحكومة.", False),
        ("وانتشرت شرطة مكافحة الشغب في الشوارع.", False),
        ("وأعلنت الحركة الحداد العام احتجاجا على مقتل أنصارها.", False),
    ],
)
def test_demonstrations(text: str, expected: bool) -> None:
    assert bool(types(text) & DEMONSTRATIONS) is expected


def test_control_noun_is_not_a_takeover() -> None:
    assert not types("وتمكنت الشرطة من السيطرة على الموقف بسرعة.") & VIOLENCE


def test_return_to_take_control_is_a_takeover() -> None:
    subs = {d.sub_type for d in detections("وعادت قوات الجيش لتسيطر على قرية في ريف المدينة.")[0]}
    assert "government_regains_territory" in subs


def test_noun_after_preposition_is_not_a_verb() -> None:
    view = normalize("بعد استعادة الحكومة سيطرتها").text
    forms = {(c.text, c.form) for c in find_cues(view) if c.kind == "territory"}
    assert ("استعاده", "n") in forms
    assert ("استعاده", "v") not in forms


@pytest.mark.parametrize(
    "text",
    [
        # a future prefix on the trigger itself
        "وقال القائد إن قواته ستستهدف مواقع المسلحين في الأيام المقبلة.",
        # a quoted title names no event
        "ونشر الموقع أمس خبر «اغتيال قائد الشرطة» دون أن يذكر مصدره.",
        # a state or an institution "hijacked" is a figure of speech
        "وقال المعارض إن الميليشيات اختطفت الدولة ومؤسساتها.",
        # a possible attack, a definite name of a known massacre, the end of a bombardment
        "وانتشرت دوريات الجيش أمس في الأسواق لمواجهة اعتداءات محتملة.",
        "وتحدث الناجون أمس عن تفاصيل المجزرة.",
        "وأعلن الجيش وقف القصف على المدينة اعتبارا من صباح اليوم.",
        # a release with the subject between "أطلق" and "سراح"
        "وأطلق المسلحون صباح اليوم في البلدة سراح ثلاثة رهائن.",
        # a verb that continues a background noun ("في أعقاب هجوم ... استهدف")
        "ووصل الوزير إلى المدينة أمس في أعقاب هجوم انتحاري استهدف مقرا للشرطة.",
        # a weapons test, a habit
        "وأطلقت البحرية صاروخين في البحر أمس ضمن تجارب على منظومة جديدة.",
        "وقال الأهالي إن الطائرات تستخدم الصواريخ في قصف القرى كل ليلة.",
    ],
)
def test_reference_and_figurative_uses_are_no_events(text: str) -> None:
    assert not types(text) & VIOLENCE, [
        (d.sub_type, [t.text for t in d.triggers]) for d in detections(text)[0]
    ]


@pytest.mark.parametrize(
    "text",
    [
        "قتل خمسة مدنيين عند انفجار عبوة ناسفة بحافلة في المدينة أمس.",
        "ارتكبت قوات النظام مجزرة في البلدة أمس راح ضحيتها عشرون مدنيا.",
        "أطلق المسلحون النار على حاجز للشرطة أمس فقتلوا جنديين.",
        "اختطف مسلحون طائرة ركاب بعد إقلاعها من المطار أمس.",
        "قتل ثلاثة من عناصر الشرطة في هجوم استهدف دوريتهم أمس.",
    ],
)
def test_reports_stay_events(text: str) -> None:
    assert types(text) & VIOLENCE


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the organisers of demonstrations, a relative clause about a gathering
        ("وكشف أحد منظمي المظاهرات أن أكثر من مئة لافتة طبعت للمناسبة.", False),
        ("وتعرض المقر الذي تجمع أمامه المتظاهرون للنهب أمس.", False),
        ("وتجمع المتظاهرون أمام البرلمان أمس ورددوا هتافات ضد الحكومة.", True),
    ],
)
def test_demonstration_references(text: str, expected: bool) -> None:
    assert bool(types(text) & DEMONSTRATIONS) is expected
