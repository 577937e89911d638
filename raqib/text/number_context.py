"""Context lexicons for numbers: qualifiers, update verbs and the cues that give a number a unit.

All sets hold folded forms (``normalize_str``), built once. A cue word is looked up bare and
with one proclitic (و ف ب ل ك) removed, so بنحو, ولعام and بالمئة match نحو, عام and المئة.
"""

from __future__ import annotations

from functools import lru_cache

from raqib.text.normalize import normalize_str

# Qualifiers before a number: canonical spelling -> bound. ``Quantity.qualifier`` holds the
# canonical spelling whatever the text wrote (حوالى, اكثر من -> حوالي, أكثر من). "lower": the number is a minimum
# (أكثر من 10 = 10 or more, the value stays 10); "upper": a maximum; "approx": about.
QUALIFIERS: dict[str, str] = {
    "نحو": "approx",
    "قرابة": "approx",
    "حوالي": "approx",  # also حوالى: both fold to the same view
    "زهاء": "approx",
    "ما يقارب": "approx",
    "يقارب": "approx",
    "ما يقرب من": "approx",
    "يقرب من": "approx",
    "ما يناهز": "approx",
    "يناهز": "approx",
    "تقريبا": "approx",
    "نيف": "approx",
    "أكثر من": "lower",
    "أزيد من": "lower",
    "ما يزيد عن": "lower",
    "ما يزيد على": "lower",
    "يزيد عن": "lower",
    "يزيد على": "lower",
    "ما لا يقل عن": "lower",
    "لا يقل عن": "lower",
    "ما يفوق": "lower",
    "يفوق": "lower",
    "ما يربو على": "lower",
    "يربو على": "lower",
    "على الأقل": "lower",
    "أقل من": "upper",
    "ما يصل إلى": "upper",
    "يصل إلى": "upper",
    "ما لا يزيد عن": "upper",
    "ما لا يزيد على": "upper",
}
# Qualifiers after the number (or after the counted noun): canonical -> bound.
POST_QUALIFIERS: dict[str, str] = {
    "تقريبا": "approx",
    "على الأقل": "lower",
    "أو أكثر": "lower",
    "فأكثر": "lower",
    "وأكثر": "lower",
    "ونيف": "approx",
}
LOWER_BOUND = frozenset(k for k, v in {**QUALIFIERS, **POST_QUALIFIERS}.items() if v == "lower")
UPPER_BOUND = frozenset(k for k, v in {**QUALIFIERS, **POST_QUALIFIERS}.items() if v == "upper")

# Verbs and nouns of change: "ارتفع عدد القتلى من 10 إلى 21" is an update, not a range.
UPDATE_WORDS = (
    "ارتفع ارتفعت يرتفع ترتفع ارتفاع لترتفع ليرتفع زاد زادت يزيد تزيد ازداد ازدادت ازدياد زيادة "
    "تجاوز تجاوزت قفز قفزت قفزة صعد صعدت تصاعد تصاعدت انخفض انخفضت انخفاض تراجع تراجعت هبط "
    "هبطت تقلص تقلصت"
)

MONTHS = (
    "يناير فبراير مارس أبريل إبريل أفريل مايو ماي يونيو يونيه جوان يوليو يوليه جويلية أغسطس أوت "
    "سبتمبر أكتوبر نوفمبر ديسمبر كانون شباط آذار نيسان أيار حزيران تموز آب أيلول تشرين جانفي "
    "فيفري محرم صفر ربيع جمادى رجب شعبان رمضان شوال ذو ذي"
)
# Words right before a 4-digit number that make it a year.
# (Prepositions such as في، من، إلى، حتى are not cues: "إلى 1540 شهيدا" counts people; the
# default rule in number_units reads a bare 1900-2035 as a year unless a counted noun follows.)
YEAR_LEFT = (
    "عام العام عامي سنة السنة سنتي منذ مطلع أوائل أواخر أواسط منتصف نهاية بداية ربيع صيف خريف "
    "شتاء موسم مواليد"
)
YEAR_RIGHT = "م ه ميلادي ميلادية للميلاد هجري هجرية للهجرة ق"

# Words right before a number that make it a reference, not a count: resolutions, articles,
# military unit names (الفرقة 17، اللواء 105), roads, model numbers (إف-16، سو-24).
REFERENCE_LEFT = (
    "القرار قرار رقم الرقم المادة مادة الفقرة البند القانون المرسوم الفرقة اللواء الفوج الكتيبة "
    "السرب الفيلق الطريق طريق الأوتوستراد المخرج الصفحة الفصل الجولة المرتبة المركز الإصدار "
    "النسخة الحاجز المبنى الشارع البوابة الرحلة الحافلة مجموعة المجموعة فرانس عربي إف اف إس "
    "سو ميغ ميج تي بي إم كوفيد الفئة المستوى بند المنطقة"
)
# Nouns that take an ordinal: "القرن العشرين", "الذكرى الـ7", "اليوم الـ21 للحصار".
ORDINAL_HEADS = (
    "القرن الذكرى الدورة الطابق المرتبة المركز الجولة الأسبوع اليوم الشهر العام السنة القمة "
    "المؤتمر النسخة الموسم الطبعة العيد الحلقة الجلسة الطور المرحلة الذكري"
)
PERCENT_RIGHT = "% ٪ بالمئة بالمائة بالمية المئة المائة"
PERCENT_LEFT = "بنسبة نسبة نسبته نسبتها % ٪"
MONEY_RIGHT = (
    "دولار دولارا دولارات الدولارات يورو ليرة ليرات الليرات جنيه جنيها جنيهات ريال ريالا ريالات "
    "دينار دينارا دنانير درهم درهما دراهم فرنك روبل يوان شيكل شيقل تومان سنت قرش فلس روبية روبيات "
    "بيزو وون كرونة كرونات بتكوين $ € £"
)
MONEY_LEFT = (
    "بقيمة قيمة قيمته قيمتها مبلغ بمبلغ بتكلفة تكلفة بكلفة كلفة ميزانية بميزانية راتب براتب سعر بسعر $ € £"
)
MEASURE_RIGHT = {
    "distance": "كم كلم كيلومتر كيلومترا كيلومترات متر مترا أمتار ميل ميلا أميال سم سنتيمتر ملم مليمتر قدم أقدام km m",
    "area": "هكتار هكتارا هكتارات دونم دونما دونمات فدان فدانا أفدنة كم2 كم²",
    "weight": "كلغ كغ كيلو كيلوغرام كيلوغراما كيلوغرامات كيلوجرام غرام غراما جرام طن طنا أطنان ملغ رطل kg",
    "volume": "لتر لترا لترات ليتر ليترا ليترات غالون",
    "measure": "ميغاواط ميجاواط كيلوواط واط فولت ميغابايت غيغابايت جيجابايت ريختر",
    "temperature": "درجة درجات °",
    "frequency": "مرة مرات",
    # نقطة: index points ("55.8 نقطة"), also service or checkpoint points: none counts people.
    # (هدف is left out: "قصفت 18 هدفا" are targets; scores are read from "2-1" and هدفين.)
    "measure_points": "نقطة نقاط",
}
TIME_UNITS = (
    "ثانية ثوان ثواني دقيقة دقائق ساعة ساعات يوم يوما أيام ليلة ليال ليالي أسبوع أسبوعا أسابيع "
    "شهر شهرا أشهر شهور سنة سنوات سنين عام عاما أعوام عقد عقود قرن قرون"
)
YEAR_UNITS = "سنة سنوات سنين عام عاما أعوام شهر شهرا أشهر شهور"
TIME_UNITS_PLURAL_DEF = "الساعات الأيام الأشهر الشهور السنوات الأعوام الأسابيع الدقائق السنين الليالي"
AGE_CUES = (
    "عمر العمر عمره عمرها عمرهم عمرهما بعمر سن بسن البالغ البالغة البالغين ابن ابنة بنت أعمار أعمارهم أعمارهن"
)
CLOCK_LEFT = "الساعة الدقيقة"
CLOCK_RIGHT = "صباحا صباح مساء مساءا ظهرا ظهر فجرا فجر ليلا عصرا عصر بتوقيت am pm"
SPORT_CUES = (
    "مباراة المباراة بنتيجة فاز فوز تغلب هزم خسر تعادل الدوري هدف هدفا أهداف الشوط بطولة كأس "
    "منتخب فريق الفريق نادي النادي"
)
# Nouns counted by a year-like 4-digit number: "2000 شخص" is a count, not a year.
COUNT_NOUNS = (
    "شخص مقاتل عنصر قتيل جريح مدني طفل لاجئ نازح عائلة أسرة جندي معتقل منزل مسلح مصاب مواطن "
    "سجين أسير امرأة رجل مهاجر عامل موظف طالب"
)
# Single fem-short number words that are also fractions: "خمس السكان" is a fifth.
FRACTION_FORMS = "خمس ست سبع تسع عشر"
# Words before أحد / إحدى that make it "anyone" / "no one", not a count.
NOT_ONE_LEFT = "لا أي دون بدون لم لن ليس"
# Words after أحد / إحدى that show it is a pronoun ("لم يصب أحد في الانفجار"), not "one of".
NOT_ONE_RIGHT = "في من على إلى عن أو أن إن قد لا لم ما بعد قبل منذ حتى"
SENTENCE_END = ". ! ? ؟ ؛"


# Cue lists by name, for ``cues``.
_LISTS = {
    "update": UPDATE_WORDS,
    "month": MONTHS,
    "year_left": YEAR_LEFT,
    "year_right": YEAR_RIGHT,
    "reference": REFERENCE_LEFT,
    "ordinal_head": ORDINAL_HEADS,
    "percent_right": PERCENT_RIGHT,
    "percent_left": PERCENT_LEFT,
    "money_right": MONEY_RIGHT,
    "money_left": MONEY_LEFT,
    "time_unit": TIME_UNITS,
    "year_unit": YEAR_UNITS,
    "time_units_def": TIME_UNITS_PLURAL_DEF,
    "age": AGE_CUES,
    "clock_left": CLOCK_LEFT,
    "clock_right": CLOCK_RIGHT,
    "sport": SPORT_CUES,
    "count_noun": COUNT_NOUNS,
    "fraction": FRACTION_FORMS,
    "not_one": NOT_ONE_LEFT,
    "sentence_end": SENTENCE_END,
    "group": "مجموعة المجموعة",
    "model": "بوينغ بوينج إيرباص طراز موديل",
    "age_noun": "العمر عمره عمرها عمرهم أعمارهم أعمارهن",
}


@lru_cache(maxsize=1)
def _cue_table() -> dict[str, frozenset[str]]:
    table: dict[str, set[str]] = {}
    for name, words in _LISTS.items():
        for w in words.split():
            table.setdefault(normalize_str(w), set()).add(name)
    for unit, words in MEASURE_RIGHT.items():
        for w in words.split():
            table.setdefault(normalize_str(w), set()).add("measure:" + unit.removesuffix("_points"))
    for key in qualifier_map():
        table.setdefault(key[-1], set()).add("qual_last")
    for key in post_qualifier_map():
        table.setdefault(key[0], set()).add("post_qual")
    return {k: frozenset(v) for k, v in table.items()}


@lru_cache(maxsize=16384)
def cues(token: str) -> frozenset[str]:
    """The cue names of a folded token, looked up bare and without one or two proclitics."""
    table = _cue_table()
    found = table.get(token, frozenset())
    if len(token) > 2 and token[0] in "وفبلك":
        found = found | table.get(token[1:], frozenset())
        if len(token) > 3 and token[0] in "وف" and token[1] in "بلك":
            found = found | table.get(token[2:], frozenset())
    return found


def measure_unit(token: str) -> str | None:
    """distance, area, weight, volume, measure, temperature, frequency or score for a unit word."""
    for c in cues(token):
        if c.startswith("measure:"):
            return c[8:]
    return None


@lru_cache(maxsize=1)
def qualifier_map() -> dict[tuple[str, ...], str]:
    """Folded token tuple -> canonical qualifier, for pre-number qualifiers."""
    return {tuple(normalize_str(k).split()): k for k in QUALIFIERS}


@lru_cache(maxsize=1)
def qualifier_last() -> frozenset[str]:
    """Last tokens of the pre-number qualifiers (a quick test before the full lookup)."""
    return frozenset(k[-1] for k in qualifier_map())


@lru_cache(maxsize=1)
def post_qualifier_map() -> dict[tuple[str, ...], str]:
    return {tuple(normalize_str(k).split()): k for k in POST_QUALIFIERS}


@lru_cache(maxsize=8192)
def bare(token: str) -> tuple[str, ...]:
    """A token and its forms without one or two proclitics (وب، ول، فب...)."""
    out = [token]
    if len(token) > 2 and token[0] in "وفبلك":
        out.append(token[1:])
        if len(token) > 3 and token[0] in "وف" and token[1] in "بلك":
            out.append(token[2:])
    return tuple(out)


@lru_cache(maxsize=1)
def not_one_right() -> frozenset[str]:
    """Folded NOT_ONE_RIGHT (exact tokens: a proclitic is not stripped here)."""
    return frozenset(normalize_str(w) for w in NOT_ONE_RIGHT.split())
