"""Word lists for figures: casualty predicates, counted nouns, who-labels and blockers.

Every entry is written in ordinary Arabic spelling and folded with ``normalize_str`` when the
tables are built, so lookups work on the normalised view (ة/ه, ى/ي, hamza forms, diacritics).
Noun tables list the singular and broken plurals; case endings, duals and sound plurals are
generated (``_inflect``). The tables were drawn up from news usage (Al Jazeera, SANA, Anadolu,
SOHR reports) and checked against the ANT corpus for false hits.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from raqib.text.normalize import normalize_str

# fmt: off
# (the word lists below are packed several words to a line; the formatter would put one per line)


@dataclass(frozen=True)
class Pred:
    """A word that states what happened to the counted people (مقتل، أصيب، نزوح...).

    ``verb`` is True for finite verbs, which may also follow the counted noun ("11 شخصا
    قتلوا"); masdars only govern what follows them. ``gap`` is how many tokens may separate
    the word from the number it governs (weak, ambiguous words get 0: فقد is also "so, indeed").
    """

    kind: str
    verb: bool = False
    gap: int = 4
    soft: bool = False  # natural death (وفاة، توفي): not enough to count a lone person
    martyr: bool = False  # استشهاد: enough to count a kinsman (استشهاد نجله)


@dataclass(frozen=True)
class Noun:
    """A counted noun: ``role`` "kind" (قتلى، نازحين: the noun names the outcome) or "person"
    (مدنيين، أطفال); ``label`` is the kind or the who-label; ``count`` 1 or 2 for singular and
    dual forms (which count by themselves: مقتل طفل، مقتل شخصين), None for plurals."""

    role: str
    label: str
    count: int | None
    unit: str = "people"


# --- predicates ------------------------------------------------------------------------------

_PRED_MASDARS = {
    "killed": [
        "مقتل", "قتل", "استشهاد", "ارتقاء", "مصرع", "وفاة", "وفيات", "إعدام", "اغتيال", "ذبح",
        "تصفية", "أرواح", "بحياة", "حياة", "حتف",
    ],
    "injured": ["إصابة", "جرح", "إصابات"],
    "displaced": ["نزوح", "تهجير", "فرار", "تشريد", "لجوء", "هروب", "عبور"],
    "besieged": ["حصار", "محاصرة"],
    "detained": ["اعتقال", "احتجاز", "توقيف", "أسر", "اختطاف", "خطف", "اعتقالات", "القبض"],
    "missing": ["فقدان", "اختفاء"],
    "evacuated": ["إجلاء", "إخلاء", "إخراج"],
}

_PRED_VERBS = {
    "killed": [
        "قتل", "قتلوا", "قتلا", "قتلت", "يقتل", "تقتل", "استشهد", "استشهدوا", "استشهدا", "ارتقى",
        "ارتقوا", "توفي", "توفوا", "مات", "ماتوا", "أعدم", "أعدموا", "اغتيل", "حتفهم", "حتفه",
        "حتفهما", "حتفها", "مصرعهم", "مصرعه", "مصرعهما", "مصرعها", "تزهق", "أزهق", "أودى", "حصد",
        "حصدت", "قضوا", "قضى",
    ],
    "injured": ["أصيب", "أصيبوا", "أصيبا", "أصيبت", "جرحوا", "جرحا", "يصاب"],
    "displaced": [
        "نزح", "نزحوا", "نزحت", "فروا", "فر", "يفرون", "فرت", "هجر", "هجروا", "تهجر", "شرد",
        "شردوا", "لجأ", "لجأوا", "لجؤوا", "يفر", "تشرد",
    ],
    "besieged": ["تحاصر", "يحاصر", "حاصر", "حاصرت", "يحاصرون", "تحاصرها"],
    "detained": [
        "اعتقل", "اعتقلت", "اعتقلوا", "يعتقل", "احتجز", "احتجزت", "احتجزوا", "أوقف", "أوقفت",
        "اختطف", "اختطفت", "خطفت", "خطفوا", "أسرت", "أسروا",
    ],
    "missing": ["فقدوا", "فقد", "اختفى", "اختفوا"],
    "evacuated": ["أجلي", "أجلت", "أجلى", "أجليت", "أجلوا", "أخلي"],
}

# Ambiguous words that govern a count only when directly before it: فقد is mostly "so,
# indeed" (ف + قد); أسر is also "families"; عبور is crossing of anything; حياة/أرواح only in
# أودى بحياة 5 / أزهق أرواح 18.
_WEAK = {
    "فقد", "أسر", "عبور", "حياة", "بحياة", "أرواح", "حتف", "قتلا", "هروب", "إخراج", "لجوء", "أوقف",
    "أوقفت", "فر", "يفر", "قضى", "قضوا", "حصد", "حصدت", "جرحا",
}


# Words of natural death, common in obituaries and culture pages.
SOFT_KILLED = frozenset(normalize_str(w) for w in ["وفاة", "وفيات", "توفي", "توفوا", "مات", "ماتوا", "توفيت"])
# Martyrdom words, used of people killed in violence (استشهاد نجله).
MARTYRDOM = frozenset(normalize_str(w) for w in ["استشهاد", "استشهد", "ارتقاء", "ارتقى", "باستشهاد"])


@lru_cache(maxsize=1)
def preds() -> dict[str, Pred]:
    out: dict[str, Pred] = {}
    for verb, table in ((False, _PRED_MASDARS), (True, _PRED_VERBS)):
        for kind, words in table.items():
            for w in words:
                n = normalize_str(w)
                # A masdar and a verb may share a spelling (قتل، جرح): the verb reading, written
                # second, also lets it follow the counted noun.
                out[n] = Pred(kind, verb, 0 if w in _WEAK else 4, n in SOFT_KILLED, n in MARTYRDOM)
    return out


# Verb forms that may follow the counted noun and agree with it ("11 شخصا قتلوا", "مدني قتل"):
# plural/dual forms for plural heads, singular forms for singular heads. A masdar after the
# noun opens a new clause (وإصابة 39 آخرين) and is not listed.
POST_PLURAL = frozenset(
    normalize_str(w)
    for w in [
        "قتلوا", "قتلا", "استشهدوا", "استشهدا", "ارتقوا", "توفوا", "ماتوا", "قضوا", "حتفهم",
        "حتفهما", "مصرعهم", "مصرعهما", "أصيبوا", "أصيبا", "جرحوا", "نزحوا", "فروا", "يفرون",
        "هجروا", "شردوا", "لجأوا", "لجؤوا", "اعتقلوا", "اعتقلا", "اختفوا", "أجلوا", "أعدموا",
        "قتلن", "أصبن",
        # Plurals of things agree in the feminine singular: 300 عائلة نزحت.
        "نزحت",
        "فرت",
        "هجرت",
    ]
)
POST_SINGULAR = frozenset(
    normalize_str(w)
    for w in [
        "قتل", "قتلت", "استشهد", "استشهدت", "ارتقى", "توفي", "توفيت", "حتفه", "حتفها", "مصرعه",
        "مصرعها", "أصيب", "أصيبت", "جرح", "جرحت", "اعتقل", "اعتقلت", "فقد", "اختفى", "قضى",
    ]
)


# --- counted nouns ---------------------------------------------------------------------------

# (label, singulars, broken plurals, sound plural?) for nouns whose form names the outcome.
_KIND_NOUNS = [
    ("killed", ["قتيل", "شهيد"], ["قتلى", "شهداء"], False),
    ("killed", ["ضحية", "جثة"], ["ضحايا", "جثث", "جثامين"], False),
    ("killed", ["جثمان"], [], False),
    ("injured", ["جريح"], ["جرحى"], False),
    ("injured", ["مصاب"], [], True),
    ("displaced", ["نازح", "مهجر", "مشرد"], [], True),
    ("besieged", ["محاصر"], [], True),
    ("detained", ["معتقل", "محتجز", "موقوف", "مختطف", "مخطوف"], [], True),
    ("detained", ["أسير", "رهينة"], ["أسرى", "رهائن"], False),
    ("missing", ["مفقود"], [], True),
]
_REFUGEES = (["لاجئ"], ["لاجئين", "لاجئون"])

# (who, singulars, broken plurals, sound plural?) for nouns naming the people counted.
_PERSON_NOUNS = [
    ("civilians", ["مدني", "مواطن"], ["أهالي", "سكان"], True),
    ("children", ["طفل", "طفلة", "رضيع", "قاصر"], ["أطفال", "رضع"], False),
    ("women", ["امرأة", "سيدة", "فتاة", "إمرأة", "حامل"], ["نساء", "سيدات", "فتيات", "نسوة"], False),
    ("men", ["رجل"], ["رجال"], False),
    ("fighters", ["مقاتل", "مسلح", "إرهابي", "متشدد", "جهادي", "داعشي", "انتحاري"], [], True),
    ("fighters", ["عنصر", "فرد"], ["عناصر", "أفراد"], False),
    ("soldiers", ["جندي", "عسكري"], ["جنود"], False),
    ("soldiers", ["ضابط"], ["ضباط"], False),
    ("police", ["شرطي"], [], False),
    ("journalists", ["صحفي", "صحافي", "إعلامي"], [], True),
    ("journalists", ["مراسل", "مصور"], [], True),
    ("activists", ["ناشط", "معارض"], ["نشطاء"], True),
    ("medical staff", ["طبيب", "مسعف", "ممرض", "متطوع"], ["أطباء"], True),
    ("people", ["شخص", "إنسان", "نسمة"], ["أشخاص", "ناس"], False),
    ("young men", ["شاب"], ["شبان", "شباب"], False),
    ("protesters", ["متظاهر", "محتج"], [], True),
    ("worshippers", ["مصل"], ["مصلين", "مصلون"], False),
    ("students", ["طالب", "تلميذ"], ["طلاب", "تلاميذ", "طلبة"], False),
    ("workers", ["عامل", "موظف"], ["عمال"], True),
    ("fishermen", ["صياد"], [], True),
    ("farmers", ["مزارع", "فلاح"], [], True),
    ("tourists", ["سائح", "سائحة"], ["سياح"], True),
    ("migrants", ["مهاجر"], [], True),
    ("families", ["عائلة", "أسرة"], ["عائلات", "أسر", "عوائل"], False),
]

_NOT_DUALS = ("طالبان",)
# Who-labels that may be counted by a verb after a lone noun (مدني قتل): a victim reading;
# رجل قتل / انتحاري قتل usually name the killer.
VICTIM_WHO = frozenset(
    {"civilians", "children", "women", "journalists", "medical staff", "students", "workers"}
)

# Kinship nouns with a pronoun count one person: استشهاد نجله، مقتل ابنه.
KIN = frozenset(
    normalize_str(w)
    for w in [
        "نجل", "ابن", "ابنة", "شقيق", "شقيقة", "زوجة", "زوج", "والد", "والدة", "أخ", "أخت", "حفيد",
        "ابنه", "نجله",
    ]
)


def _inflect(sg: str, sound: bool) -> tuple[list[str], list[str], list[str]]:
    """(singular forms, dual forms, sound plural forms) of a normalised singular."""
    fem = sg.endswith("ه")
    singular = [sg] if fem else [sg, sg + "ا"]
    if fem:
        dual = [sg[:-1] + "تان", sg[:-1] + "تين"]
        plural = [sg[:-1] + "ات"] if sound else []
    else:
        dual = [sg + "ان"]
        # The -ين form is a dual unless it is also the sound plural (مدنيين).
        if not sound:
            dual.append(sg + "ين")
        # Sound plurals with their construct form (نازحي المخيم، مهجري الوعر).
        plural = [sg + "ين", sg + "ون"] + ([sg + "ي"] if not sg.endswith("ي") else []) if sound else []
    return singular, dual, plural


@lru_cache(maxsize=1)
def nouns() -> dict[str, Noun]:
    """Every counted-noun form, normalised, to its Noun (kind nouns win over person nouns)."""
    out: dict[str, Noun] = {}

    def add(table, role, unit_of=lambda label: "people"):
        for label, sgs, pls, sound in table:
            unit = "families" if label == "families" else unit_of(label)
            for raw in sgs:
                sg = normalize_str(raw)
                singular, dual, plural = _inflect(sg, sound)
                for f in singular:
                    out.setdefault(f, Noun(role, label, 1, unit))
                for f in dual:
                    out.setdefault(f, Noun(role, label, 2, unit))
                for f in plural:
                    out.setdefault(f, Noun(role, label, None, unit))
            for raw in pls:
                out.setdefault(normalize_str(raw), Noun(role, label, None, unit))

    add(_KIND_NOUNS, "kind")
    for raw in _REFUGEES[0]:
        sg = normalize_str(raw)
        for f in (sg, sg + "ا"):
            out.setdefault(f, Noun("kind", "displaced", 1, "refugees"))
    for raw in _REFUGEES[1]:
        out.setdefault(normalize_str(raw), Noun("kind", "displaced", None, "refugees"))
    add(_PERSON_NOUNS, "person")
    # طالبان is the Taliban far more often than "two students".
    for form in _NOT_DUALS:
        out.pop(normalize_str(form), None)
    # رجلي أمن: the construct dual of رجل before its genitive.
    out.setdefault(normalize_str("رجلي"), Noun("person", "men", 2))
    return out


# Who-labels for the genitive after عناصر / أفراد / رجال / من: "4 من عناصر الدفاع المدني".
_GROUP_WHO = {
    "الدفاع المدني": "civil defence members",
    "الشرطة": "police",
    "شرطة": "police",
    "الأمن": "security forces",
    "أمن": "security forces",
    "الأمن العام": "security forces",
    "قوات الأمن": "security forces",
    "الجيش": "soldiers",
    "جيش": "soldiers",
    "القوات": "soldiers",
    "قوات": "soldiers",
    "الدرك": "security forces",
    "الحرس": "soldiers",
    "الشرطة الاتحادية": "police",
    "الطواقم الطبية": "medical staff",
    "الكوادر الطبية": "medical staff",
    "الهلال الأحمر": "medical staff",
    "الصليب الأحمر": "medical staff",
    "الإسعاف": "medical staff",
    "المدنيين": "civilians",
    "تنظيم": "fighters",
    "التنظيم": "fighters",
    "ميليشيا": "fighters",
    "مليشيا": "fighters",
    "الميليشيا": "fighters",
    "المليشيا": "fighters",
    "الفصائل": "fighters",
    "فصائل": "fighters",
    "المعارضة": "fighters",
    "حزب": "fighters",
    "حركة": "fighters",
    "جماعة": "fighters",
    "داعش": "fighters",
    "الحشد": "fighters",
}


@lru_cache(maxsize=1)
def group_who() -> dict[str, str]:
    return {normalize_str(k): v for k, v in _GROUP_WHO.items()}


# Words that mark a group noun before its genitive (عناصر/أفراد/رجال/منتسبي + group).
GROUP_HEADS = frozenset(
    normalize_str(w)
    for w in [
        "عناصر", "عنصر", "أفراد", "رجال", "منتسبي", "منتسبين", "مقاتلي", "مسلحي", "جنود", "عناصره",
        "عناصرها", "قوات", "مقاتلين", "أعضاء", "رجلي",
    ]
)


# --- other token classes ---------------------------------------------------------------------


def _fold(words) -> frozenset[str]:
    return frozenset(normalize_str(w) for w in words)


# "عدد القتلى"، "حصيلة الضحايا": the totals a later bare number completes.
TOTAL = _fold(
    [
        "عدد", "أعداد", "حصيلة", "الحصيلة", "إجمالي", "مجموع", "العدد", "حصيلتها", "حصيلته",
        "عددهم", "أعدادهم", "حصيلتهم", "إجمالي",
    ]
)
TOTAL_PRONOUN = _fold(["عددهم", "أعدادهم", "حصيلتهم", "حصيلتها", "حصيلته"])
# بينهم 5 أطفال، منهم أربعة: a part of the figure just stated.
SUB_BEFORE = _fold(["بينهم", "منهم", "بينهن", "منهن", "ضمنهم", "ضمنهن"])
SUB_AFTER = _fold(["منهم", "منهن"])
OTHERS = _fold(
    [
        "آخرين", "آخرون", "أخرين", "أخرون", "آخران", "آخرين", "آخر", "آخرَين", "أخريين", "اخريين",
        "آخرتين", "أخريات", "أخريات",
    ]
)
# Words allowed between a predicate and its number (أسفر عن سقوط أكثر من 7 شهداء).
FILLERS = _fold(
    [
        "عن", "إلى", "الى", "نحو", "حوالي", "حوالى", "قرابة", "زهاء", "ما", "لا", "يقل", "يزيد",
        "أكثر", "أقل", "من", "سقوط", "وقوع", "على", "الأقل", "ما يقارب", "مايقارب", "يقارب",
        "قرابه", "ب", "لـ", "أيضا", "كذلك", "ارتفاع", "عدد", "بلغ", "تجاوز", "أقله", "الاقل",
        "يناهز", "ناهز", "منها", "منهم", "قد",
    ]
)
# "على الأقل" after a number, adjectives of nationality are handled separately.
AFTER_FILLERS = _fold(
    [
        "على", "الأقل", "الاقل", "أقل", "تقدير", "أدنى", "حد", "كحد", "بجروح", "بجراح", "جراء",
        "بسببها", "آخرين", "آخرون",
    ]
)
# Words after which a bare number may be a toll: ارتفع عدد القتلى إلى 21.
RISE_TO = _fold(["إلى", "الى", "ليرتفع", "لترتفع", "بلغ", "بلغت", "تجاوز", "تجاوزت", "وصل", "وصلت"])
# The toll rose: ارتفعت الحصيلة، قبل أن ترتفع الحصيلة.
RISE_VERBS = _fold(["ارتفعت", "ارتفع", "لترتفع", "ليرتفع", "ترتفع", "يرتفع", "تضاعفت", "تزايدت"])
# A count that is negated (وليس 235) or hypothetical (توقعت ... نزوح مليون) is not a figure.
NEGATION = _fold(["ليس", "وليس", "لا", "ولا", "لم", "دون", "بدون", "غير"])
HYPOTHETICAL = _fold(
    [
        "توقعت", "يتوقع", "تتوقع", "توقع", "متوقع", "يتوقعون", "قد يصل", "يهدد", "تهدد", "حذرت",
        "حذر", "يحذر", "تحذر", "خطر", "احتمال", "محتمل", "يحتمل", "مرشحة", "مرشح", "سيؤدي", "ربما",
        "ستؤدي", "لتجنب", "تجنب", "خشية",
    ]
)
# A place's capacity (يتسع لنحو 24 ألف نازح) or a plan is not a count of affected people.
CAPACITY = _fold(
    [
        "يتسع", "تتسع", "يستوعب", "تستوعب", "لاستيعاب", "لإيواء", "استيعاب", "طاقته", "سعة",
        "يستضيف", "تستضيف", "لاستقبال",
    ]
)
# Releases count people freed, not detained (الإفراج عن 50 معتقلا).
RELEASE = _fold(
    ["الإفراج", "إفراج", "أفرج", "أفرجت", "سراح", "إطلاق", "تحرير", "تبادل", "عودة", "عاد", "عادوا", "إعادة"]
)
# "الذين" links a person noun to its predicate: عدد المدنيين الذين قتلوا.
RELATIVE = _fold(["الذين", "اللذين", "اللواتي", "اللاتي", "ممن", "التي", "الذي"])

# Nouns that never count people after a number (10 غارات، 30 يوما، 5 صواريخ، 12 مليون نحلة): rejecting them
# explicitly keeps a nearby casualty word from claiming the number.
_NONPERSON_WORDS = """
يوم يوما أيام يومين ساعة ساعات ساعتين دقيقة دقائق أسبوع أسابيع أسبوعين شهر أشهر شهرين شهور سنة سنوات
سنين عام أعوام عاما عامين ليلة ليال غارة غارات ضربة ضربات صاروخ صواريخ قذيفة قذائف برميل براميل طائرة
طائرات مسيرة مسيرات دبابة دبابات عبوة عبوات لغم ألغام منزل منازل مبنى مباني بيت بيوت مدرسة مدارس مستشفى
مستشفيات مركز مراكز قرية قرى بلدة بلدات حي أحياء كم كيلومتر كيلومترا كلم متر مترا أمتار دولار دولارا
ليرة دينار يورو ريال جنيه طن أطنان حافلة حافلات سيارة سيارات شاحنة شاحنات آلية آليات هجوم هجوما هجمات
اعتداء اعتداءات عملية عمليات مجزرة مجازر انفجار انفجارات تفجير تفجيرات طلقة رصاصة موقع مواقع نقطة نقاط
هدف أهداف مخيم مخيمات مرة مرات بالمئة بالمائة المئة المائة وجبة سلة سلال دفعة قافلة قوافل مدرعة مدرعات
محافظة محافظات مدينة مدن منطقة مناطق دولة دول بلد بلدان كتيبة كتائب لواء ألوية فصيلا فصيل فصائل مقرا مقر
منشأة منشآت حادثة حوادث خرق خروقات انتهاك انتهاكات نافذة نوافذ مخبأ مخابئ وكر أوكار جسر جسور طريق طرق
مليون مليار درجة حالة مليونا مقعد مقعدا صوت صوتا نقطة مشروع مشاريع قرار قرارات بند بنود مادة
كيلو كيلوغرام لتر برميلا ميغاواط هكتار دونم فدان ساعة منشور صفحة تقرير تقارير مرسوم حكم أحكام
فريق فرق شحنة شحنات مساعدة مساعدات طنا حاوية شهرا سنة ملف ملفات ركعة
نحلة نحل خلية خلايا رأس رؤوس ماشية أغنام رأسا حيوان حيوانات طير طيور دجاجة دجاج بقرة أبقار كلب كلاب قط
قطط سمكة أسماك حوت حيتان دلفين شجرة أشجار نخلة نخيل فيل أفيال خروف خراف جمل جمال حمار حمير حصان خيول
خروفا جملا حمارا حصانا كلبا طيرا حيوانا فيلا
"""
NONPERSON = _fold(_NONPERSON_WORDS.split())

# --- source attribution cues -----------------------------------------------------------------

# Prepositional cues: the source follows (بحسب المرصد، وفق مصادر رسمية، نقلا عن وكالة).
SOURCE_PREPS = _fold(
    [
        "بحسب", "حسب", "وفق", "وفقا", "طبقا", "نقلا", "استنادا", "بحسبما", "حسبما", "وفقاً",
        "لسان", "بحسب", "حسب",
    ]
)
# Verbs of saying or documenting: the source is their subject (قال المرصد، أفاد ناشطون).
SOURCE_VERBS = _fold(
    [
        "قال", "قالت", "يقول", "تقول", "أفاد", "أفادت", "يفيد", "تفيد", "أعلن", "أعلنت", "يعلن",
        "تعلن", "ذكر", "ذكرت", "يذكر", "تذكر", "أكد", "أكدت", "يؤكد", "تؤكد", "أوضح", "أوضحت",
        "أشار", "أشارت", "أضاف", "أضافت", "تابع", "تابعت", "وثق", "وثقت", "يوثق", "رصد", "رصدت",
        "صرح", "صرحت", "كشف", "كشفت", "نقل", "نقلت", "أحصى", "أحصت", "سجل", "سجلت", "لفت", "لفتت",
        "أفادوا", "قالوا", "ذكروا", "أكدوا", "تحدثت", "تحدث", "أبلغ", "أبلغت", "أورد", "أوردت",
        "نشر", "نشرت", "أصدر", "أصدرت",
    ]
)
# Cue verbs ambiguous enough to need an explicit subject right after (بين = "between").
SOURCE_VERBS_NEED_SUBJECT = _fold(
    ["نقل", "نقلت", "سجل", "سجلت", "نشر", "نشرت", "رصد", "رصدت", "تابع", "تابعت", "أصدر", "أصدرت"]
)
# A verb with no subject after it continues the last speaker: وأضاف أن، وتابعت أن.
CONTINUATION_VERBS = _fold(
    [
        "أضاف", "أضافت", "تابع", "تابعت", "أوضح", "أوضحت", "أشار", "أشارت", "لفت", "لفتت", "بين",
        "بينت", "أكد", "أكدت", "مضيفا", "مضيفة", "موضحا", "موضحة", "مشيرا", "مشيرة", "مؤكدا",
        "مؤكدة", "قال", "قالت", "ذكر", "ذكرت",
    ]
)
# "صادر عن وحدة ..."، "بيان لوزارة ...": the source is the entity that follows.
SOURCE_FROM = _fold(["صادر", "الصادر", "الصادرة", "صادرة", "بيان", "تقرير", "إحصائية", "حصيلة"])
# Where the subject of a saying verb ends.
SUBJECT_STOPS = _fold(
    [
        "أن", "إن", "بأن", "أنه", "إنه", "بأنه", "أنها", "إنها", "عن", "في", "خلال", "اليوم",
        "امس", "أمس", "لمراسل", "لوكالة", "لـ", "إلى", "الى", "ان", "بان", "مقتل", "استشهاد",
        "إصابة",
    ]
)
# Definite anaphors that point back to the last source named (وأضاف المصدر، بحسب البيان).
SOURCE_ANAPHORS = _fold(
    [
        "المصدر", "المصادر", "البيان", "التقرير", "المديرية", "الوزارة", "المرصد", "المتحدث",
        "الناطق", "الهيئة", "المنظمة", "الوكالة", "الشبكة", "المسؤول", "الوزير", "المراسل",
        "المصدر نفسه", "المصادر نفسها", "ذاته", "نفسه",
    ]
)

# Generic sources: head nouns and modifiers with their English renderings, composed in
# English order ("مصادر رسمية لبنانية" -> "Lebanese official sources").
SOURCE_HEADS = {
    "مصدر": "source",
    "مصادر": "sources",
    "ناشط": "activist",
    "ناشطون": "activists",
    "ناشطين": "activists",
    "نشطاء": "activists",
    "الناشطون": "activists",
    "الناشطين": "activists",
    "وسائل": "media",
    "تقارير": "reports",
    "تقرير": "report",
    "شهود": "witnesses",
    "شاهد": "witness",
    "مسعفون": "paramedics",
    "مسعفين": "paramedics",
    "سكان": "residents",
    "أهالي": "residents",
    "مراسل": "correspondent",
    "مراسلو": "correspondents",
    "مسؤول": "official",
    "مسؤولون": "officials",
    "مسؤولين": "officials",
    "متحدث": "spokesman",
    "ناطق": "spokesman",
    "إحصاءات": "statistics",
    "إحصائيات": "statistics",
    "إحصائية": "statistics",
    "أنباء": "reports",
    "المصادر": "sources",
    "المصدر": "source",
    "مصدرا": "source",
    "أطباء": "doctors",
    "طبيب": "doctor",
}
SOURCE_MODS = {
    # (rank, English): several < nationality < kind of source < domain.
    "عدة": (0, "several"),
    "متعددة": (0, "several"),
    "متطابقة": (0, "matching"),
    "محلية": (2, "local"),
    "محلي": (2, "local"),
    "محليون": (2, "local"),
    "محليين": (2, "local"),
    "ميدانيون": (2, "field"),
    "ميدانيين": (2, "field"),
    "ميدانية": (2, "field"),
    "ميداني": (2, "field"),
    "مطلع": (2, "informed"),
    "مطلعة": (2, "informed"),
    "مطلعون": (2, "informed"),
    "رسمية": (2, "official"),
    "رسمي": (2, "official"),
    "مسؤول": (2, "official"),
    "معارضة": (2, "opposition"),
    "معارض": (2, "opposition"),
    "حقوقية": (2, "rights"),
    "حقوقي": (2, "rights"),
    "خاصة": (2, "private"),
    "موثوقة": (2, "reliable"),
    "مقربة": (2, "close"),
    "عسكرية": (3, "military"),
    "عسكري": (3, "military"),
    "أمنية": (3, "security"),
    "أمني": (3, "security"),
    "طبية": (3, "medical"),
    "طبي": (3, "medical"),
    "حكومية": (3, "government"),
    "حكومي": (3, "government"),
    "إخبارية": (3, "news"),
    "إعلامية": (3, "media"),
    "إعلام": (3, "media"),
    "الإعلام": (3, "media"),
    "صحفية": (3, "press"),
    "قضائية": (3, "judicial"),
    "استخباراتية": (3, "intelligence"),
    "سورية": (1, "Syrian"),
    "سوري": (1, "Syrian"),
    "عراقية": (1, "Iraqi"),
    "عراقي": (1, "Iraqi"),
    "لبنانية": (1, "Lebanese"),
    "لبناني": (1, "Lebanese"),
    "مصرية": (1, "Egyptian"),
    "مصري": (1, "Egyptian"),
    "أردنية": (1, "Jordanian"),
    "أردني": (1, "Jordanian"),
    "تركية": (1, "Turkish"),
    "تركي": (1, "Turkish"),
    "إسرائيلية": (1, "Israeli"),
    "إسرائيلي": (1, "Israeli"),
    "فلسطينية": (1, "Palestinian"),
    "فلسطيني": (1, "Palestinian"),
    "يمنية": (1, "Yemeni"),
    "يمني": (1, "Yemeni"),
    "ليبية": (1, "Libyan"),
    "ليبي": (1, "Libyan"),
    "سودانية": (1, "Sudanese"),
    "سوداني": (1, "Sudanese"),
    "كردية": (1, "Kurdish"),
    "كردي": (1, "Kurdish"),
    "روسية": (1, "Russian"),
    "أمريكية": (1, "US"),
    "أميركية": (1, "US"),
    "سعودية": (1, "Saudi"),
    "إيرانية": (1, "Iranian"),
    "أممية": (1, "UN"),
    "دولية": (1, "international"),
}
# "مصادر في الشرطة": the domain after في / من.
SOURCE_DOMAINS = {
    "الشرطة": "police",
    "الجيش": "army",
    "الدفاع المدني": "Civil Defence",
    "المعارضة": "opposition",
    "المستشفى": "hospital",
    "الأمن": "security",
    "الحكومة": "government",
    "المخيم": "camp",
    "الصحة": "health",
    "البلدية": "municipality",
    "المنطقة": "local",
    "المدينة": "local",
    "شرطة": "police",
    "جيش": "army",
    "قيادة شرطة": "police",
    "مديرية": "directorate",
}
# Outlets whose name follows in quotes or brackets: موقع (صوت العاصمة)، وكالة "سمارت".
PUBLISHER_HEADS = frozenset(
    normalize_str(w)
    for w in [
        "موقع", "وكالة", "صحيفة", "قناة", "شبكة", "إذاعة", "مجلة", "تلفزيون", "وكالة أنباء",
        "مركز", "منظمة",
    ]
)


@lru_cache(maxsize=1)
def source_heads() -> dict[str, str]:
    return {normalize_str(k): v for k, v in SOURCE_HEADS.items()}


@lru_cache(maxsize=1)
def source_mods() -> dict[str, tuple[int, str]]:
    return {normalize_str(k): v for k, v in SOURCE_MODS.items()}


@lru_cache(maxsize=1)
def source_domains() -> dict[str, str]:
    return {normalize_str(k): v for k, v in SOURCE_DOMAINS.items()}
