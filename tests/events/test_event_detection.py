"""Sentence-level event detection: lexicons, ACLED hierarchy and factuality filters.

Every sentence here is written for these tests in wire-news style; none comes from a corpus.
"""

from __future__ import annotations

import pytest
from event_helpers import detections

from raqib.events.triggers import find_cues
from raqib.text.normalize import normalize


def subtypes(text: str) -> set[str]:
    return {d.sub_type for d in detections(text)[0]}


@pytest.mark.parametrize(
    ("text", "sub_type"),
    [
        ("شنت طائرات حربية غارات على بلدة كفرنبل صباح اليوم.", "air_drone_strike"),
        ("قصفت طائرة مسيرة إسرائيلية سيارة في بلدة عيتا الشعب أمس.", "air_drone_strike"),
        (
            "سقطت قذائف هاون على حي المزة أمس ما أدى إلى إصابة ثلاثة مدنيين.",
            "shelling_artillery_missile_attack",
        ),
        ("قصفت المدفعية مواقع في ريف حماة الشمالي مساء الثلاثاء.", "shelling_artillery_missile_attack"),
        (
            "انفجرت عبوة ناسفة بسيارة عسكرية في مدينة درعا اليوم ما أسفر عن مقتل جنديين.",
            "remote_explosive_landmine_ied",
        ),
        ("فجر انتحاري يرتدي حزاما ناسفا نفسه في سوق شعبي صباح اليوم.", "suicide_bomb"),
        ("قتل خمسة مدنيين بقصف بغاز الكلور على بلدة اللطامنة أمس.", "chemical_weapon"),
        ("أصيب ثلاثة عناصر من الشرطة بقنبلة يدوية ألقيت على دوريتهم أمس.", "grenade"),
        ("اندلعت اشتباكات عنيفة بين الجيش ومسلحين في محيط المدينة صباح اليوم.", "armed_clash"),
        ("سيطرت قوات النظام على بلدة كفرزيتا بعد معارك مع فصائل المعارضة.", "government_regains_territory"),
        ("سيطر تنظيم داعش على قرية الخفسة بعد انسحاب الجيش منها أمس.", "non_state_actor_overtakes_territory"),
        ("أعادت وحدات من الجيش الأمن والاستقرار إلى قرية الطيبة أمس.", "government_regains_territory"),
        ("اختطف مسلحون مجهولون طبيبا من منزله في المدينة مساء أمس.", "abduction_forced_disappearance"),
        ("قتل مسلحون مجهولون ثلاثة مدنيين برصاص في سوق المدينة أمس.", "attack"),
        ("تظاهر المئات أمام مبنى المحافظة اليوم مطالبين بتحسين الخدمات.", "peaceful_protest"),
        ("فرقت الشرطة بالغاز المسيل للدموع متظاهرين تجمعوا وسط العاصمة أمس.", "protest_with_intervention"),
        (
            "أطلقت قوات الأمن الرصاص الحي على المتظاهرين أمس ما أدى إلى مقتل اثنين منهم.",
            "excessive_force_against_protesters",
        ),
        ("اعتقلت قوات الأمن عشرين شابا خلال حملة دهم في البلدة أمس.", "arrests"),
        ("فككت وحدات الهندسة عبوات ناسفة زرعت على طريق المطار أمس.", "disrupted_weapons_use"),
        ("اعترضت الدفاعات الجوية صاروخين أطلقا نحو المدينة مساء أمس.", "disrupted_weapons_use"),
        ("نزح آلاف المدنيين من البلدة باتجاه الحدود خلال اليومين الماضيين.", "displacement"),
        ("دخلت قافلة مساعدات إنسانية إلى المدينة المحاصرة اليوم.", "aid_delivered"),
        ("منعت قوات النظام دخول قافلة المساعدات إلى البلدة أمس.", "aid_blocked"),
        ("خرجت الدفعة الثانية من المهجرين من الحي المحاصر صباح اليوم.", "evacuation"),
        ("تحاصر قوات النظام نحو عشرين ألف مدني في البلدة منذ أشهر.", "siege"),
    ],
)
def test_each_sub_type(text: str, sub_type: str) -> None:
    assert sub_type in subtypes(text)


@pytest.mark.parametrize(
    ("text", "sub_type", "not_sub_type"),
    [
        # An air strike inside a ground battle is a battle.
        (
            "اندلعت اشتباكات عنيفة في البلدة أمس تخللتها غارات جوية على مواقع المسلحين.",
            "armed_clash",
            "air_drone_strike",
        ),
        # Shelling together with air strikes is an air strike.
        (
            "استهدفت قوات النظام بضربات جوية وبرية وقذائف مدفعية بلدة عربين أمس.",
            "air_drone_strike",
            "shelling_artillery_missile_attack",
        ),
        # Abduction then killing is an attack.
        (
            "اختطف مسلحون رجلا من منزله أمس ثم قتلوه وألقوا جثته قرب الطريق.",
            "attack",
            "abduction_forced_disappearance",
        ),
        # Explosion of an interceptor missile is the interception, not a strike.
        (
            "شهدت أجواء المدينة انفجار صاروخ اعتراضي مساء أمس.",
            "disrupted_weapons_use",
            "remote_explosive_landmine_ied",
        ),
    ],
)
def test_hierarchy(text: str, sub_type: str, not_sub_type: str) -> None:
    found = subtypes(text)
    assert sub_type in found
    assert not_sub_type not in found


@pytest.mark.parametrize(
    "text",
    [
        "هدد الجيش بقصف البلدة إذا لم ينسحب المسلحون منها.",  # threat / conditional
        "نفى الجيش قصف المستشفى في المدينة أمس.",  # denial
        "يعتزم الجيش شن هجوم واسع على المدينة خلال الأيام المقبلة.",  # plan
        "سوف تقصف الطائرات مواقع المسلحين غدا.",  # future
        "دعا الأمين العام إلى وقف الغارات على المدنيين فورا.",  # call
        "أدان وزير الخارجية الهجوم على القافلة وطالب بمحاسبة المسؤولين.",  # condemnation
        "بحث وزير الخارجية مع نظيره التركي هاتفيا الأوضاع في سوريا.",  # diplomacy
        "هل ستشن إسرائيل هجوما على المنشآت النووية؟",  # question
        "أحيا السكان الذكرى السنوية للمجزرة التي ارتكبت في البلدة.",  # anniversary
        "سجل المهاجم هدفين وقاد الفريق لهجمات خطيرة في الشوط الثاني من مباراة الدوري.",  # sport
        "شنت المضاربات هجوما على الدولار في البورصة ورفعت أسعار الذهب.",  # economics
        "انفجرت فقاعة أسعار العقارات في الأسواق العام الماضي.",  # metaphor
        "شنت المعارضة هجوما لاذعا على الحكومة في تصريحات صحفية.",  # verbal attack
        "حلقت طائرات حربية في أجواء المدينة دون أن تسجل غارات.",  # flyover, no strike
        "وقال الوزير إن ما يتردد عن هجوم بغاز الكلور على مدينة دوما مجرد خدعة.",  # hearsay
        "ووصلت القافلة إلى البلدة بعدما تعذر ذلك مرات عديدة بسبب القصف.",  # habitual
        "وقال البيان إن الميليشيات دأبت على قصف السفن في الميناء.",  # habitual ("used to")
        "ويبقى التحدي الأصعب للقوات هو استعادة السيطرة على المدينة من المسلحين.",  # a challenge ahead
        "وجاءت ردود أفعال الدول الكبرى على قصف مدينة دوما ومقتل 5 مدنيين.",  # reactions
        "ودفع اقتراب المعارك من مدينة عفرين الأحد آلاف السكان إلى الفرار.",  # fighting not there yet
        # a campaign's name, and an idiom that names no killing
        "وقال مقاتلون في معركة منبج الجمعة إنهم يرون فيها فرصة لتصفية الحساب مع خصومهم.",
        "وأكد قائد ميداني في معركة تحرير الرقة أمس أن قواته تلقت أسلحة جديدة.",
        # a bombardment going on is the setting, not an occurrence (no toll comes with it)
        "وقال الرئيس الجمعة إن ما يجري عار في ظل تواصل القصف على المدينة.",
        # an aim, an assent, a purpose
        "وتهدف العملية العسكرية إلى السيطرة على الميناء.",
        "وقالت الجماعة السبت إنها وافقت على إجلاء المسلحين من البلدة.",
    ],
)
def test_not_events(text: str) -> None:
    dets, _ = detections(text)
    violent = {"battles", "explosions_remote_violence", "violence_against_civilians"}
    assert not [d for d in dets if d.type in violent], [
        (d.sub_type, [t.text for t in d.triggers]) for d in dets
    ]


def test_sport_article_has_no_events() -> None:
    text = (
        "فاز الفريق على منافسه بهدفين في مباراة الدوري. "
        "وشن لاعبو الفريق هجمات متتالية على مرمى الحارس في الشوط الأول. "
        "وقال المدرب إن الفوز يقرب النادي من لقب البطولة."
    )
    dets, _ = detections(text)
    assert dets == []


def test_dropped_triggers_are_logged() -> None:
    _, log = detections("نفى الجيش قصف المستشفى في المدينة أمس.")
    assert any("denial" in line or "negated" in line for line in log)


def test_cues_are_clitic_aware() -> None:
    cues = find_cues(normalize("وبالغارات والقذائف").text)
    assert [c.text for c in cues if c.kind in ("air", "art")] == ["غارات", "قذايف"]
