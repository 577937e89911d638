"""Numbers: digits, words, scales, qualifiers, ranges, updates, vague counts and units."""

from __future__ import annotations

import pytest

from raqib.model.numbers import Quantity
from raqib.text.normalize import normalize
from raqib.text.number_context import LOWER_BOUND, UPPER_BOUND
from raqib.text.numbers import acled_value, find_quantities, parse_number


def quantities(text: str, **kw) -> list[Quantity]:
    return find_quantities(text, normalize(text), **kw)


def the(text: str, span: str, **kw) -> Quantity:
    """The quantity whose span text is ``span``."""
    found = [q for q in quantities(text, **kw) if q.span.text == span]
    assert found, f"no quantity {span!r} in {[q.span.text for q in quantities(text, **kw)]}"
    return found[0]


# --- values -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("expr", "value"),
    [
        ("21", 21),
        ("٢١", 21),
        ("۲۱", 21),
        ("1,200", 1200),
        ("١٬٢٠٠", 1200),
        ("1.200.000", 1200000),
        ("1,200,000", 1200000),
        ("1.5", 1.5),
        ("١٫٥", 1.5),
        ("2,5", 2.5),
        ("واحد", 1),
        ("واحدة", 1),
        ("اثنان", 2),
        ("اثنين", 2),
        ("اثنتين", 2),
        ("اثنتان", 2),
        ("ثلاثة", 3),
        ("ثلاث", 3),
        ("أربعة", 4),
        ("خمسة", 5),
        ("ستة", 6),
        ("سبع", 7),
        ("ثمانية", 8),
        ("ثماني", 8),
        ("تسعة", 9),
        ("عشرة", 10),
        ("عشر", 10),
        ("أحد عشر", 11),
        ("إحدى عشرة", 11),
        ("اثنا عشر", 12),
        ("اثني عشر", 12),
        ("ثلاثة عشر", 13),
        ("تسع عشرة", 19),
        ("عشرين", 20),
        ("عشرون", 20),
        ("ثلاثين", 30),
        ("ثلاثون", 30),
        ("تسعين", 90),
        ("خمسة وعشرين", 25),
        ("ثلاث وثلاثون", 33),
        ("مئة", 100),
        ("مائة", 100),
        ("مئتين", 200),
        ("مئتان", 200),
        ("مائتي", 200),
        ("ثلاثمئة", 300),
        ("ثلاثمائة", 300),
        ("ثلاث مئة", 300),
        ("خمسمئة وعشرة", 510),
        ("مئة وخمسة وعشرون", 125),
        ("تسعمائة وتسعة وتسعين", 999),
        ("ألف", 1000),
        ("ألفا", 1000),
        ("ألفاً", 1000),
        ("ألفين", 2000),
        ("ألفان", 2000),
        ("ثلاثة آلاف", 3000),
        ("عشرة آلاف", 10000),
        ("عشرين ألفا", 20000),
        ("مئة ألف", 100000),
        ("ثلاثة آلاف وخمسمئة", 3500),
        ("خمسمئة وعشرة آلاف", 510000),
        ("مليون", 1000000),
        ("مليونين", 2000000),
        ("ثلاثة ملايين", 3000000),
        ("مليون وثلاثمئة ألف", 1300000),
        ("مليون ونصف", 1500000),
        ("نصف مليون", 500000),
        ("مليار", 10**9),
        ("400 ألف", 400000),
        ("١٠٠ ألف", 100000),
        ("1.5 مليون", 1500000),
        ("2.7 مليار", 2700000000),
        ("3 آلاف", 3000),
        ("3 آلاف و500", 3500),
        ("مليون و200 ألف", 1200000),
    ],
)
def test_parse_number(expr: str, value: float) -> None:
    assert parse_number(expr) == value


@pytest.mark.parametrize("expr", ["", "القتلى", "عشرات", "آلاف", "نصف"])
def test_parse_number_none(expr: str) -> None:
    assert parse_number(expr) is None


# --- spans, proclitics and boundaries ---------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "span", "value"),
    [
        ("وقتل 400 شخص و400 آخرون", "400", 400),
        ("أسفرت الغارات عن مقتل خمسة مدنيين وإصابة عشرين آخرين", "عشرين", 20),
        ("وثلاثة أطفال بين الضحايا", "ثلاثة", 3),
        ("تعرضت البلدة لقصف بـ21 غارة جوية", "21", 21),
        ("نقل الجرحى ل3 مستشفيات ميدانية", "3", 3),
        ("وصل إلى المخيم ثلاث عائلات", "ثلاث", 3),
        ("قتل شخص واحد وجرح اثنان", "واحد", 1),
        ("قتل شخص واحد وجرح اثنان", "اثنان", 2),
        ("قتل أحد عناصر الشرطة في الهجوم", "أحد", 1),
        ("فقد الأطفال الأربعة في القصف", "الأربعة", 4),
        ("قتل العشرون جنديا", "العشرون", 20),
    ],
)
def test_number_in_sentence(text: str, span: str, value: float) -> None:
    q = the(text, span)
    assert q.value == value
    assert q.unit is None


@pytest.mark.parametrize(
    "text",
    [
        "عقدت الجلسة يوم الثلاثاء في جنيف",
        "اجتمع الوزراء يوم الاثنين الماضي",
        "قال إنه ألفت انتباهه الصورة",
        "أحيت البلاد الذكرى المئوية للحرب",
        "لست أدري ما الذي جرى",
        "عثر عليه ميتا في منزله",
        "عثر على جثتين ميتين قرب النهر",
        "وصل خمس السكان إلى المخيمات",
        "لم يصب أحد في الانفجار",
        "لا أحد يعرف مصير المفقودين",
        "وهو أحد أبرز قادة الفصائل",
        "أعلن الجيش عدد القتلى في بيان",
        "سألته عن عدة الحرب فعده سلاحا",
        "الدفاع المدني: ب ت ث ج",
        "الاحد المقبل موعد الانتخابات",
        "انسحبت الكتيبة من المدينة",
    ],
)
def test_no_count_quantity(text: str) -> None:
    assert [q for q in quantities(text) if q.unit is None and not q.vague] == []


def test_weekday_and_number_words_not_confused() -> None:
    text = "يوم الثلاثاء قتل ثلاثة أشخاص وعشرات الجرحى"
    qs = quantities(text)
    assert [q.span.text for q in qs] == ["ثلاثة", "عشرات"]


# --- qualifiers -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "span", "qualifier", "value"),
    [
        ("قتل نحو 300 شخص", "نحو 300", "نحو", 300),
        ("قتل بنحو 300 شخص", "نحو 300", "نحو", 300),
        ("نزح قرابة ألفي شخص", "قرابة ألفي", "قرابة", 2000),
        ("قتل حوالي 40 مدنيا", "حوالي 40", "حوالي", 40),
        ("قتل حوالى 40 مدنيا", "حوالى 40", "حوالي", 40),
        ("فر زهاء 500 عائلة", "زهاء 500", "زهاء", 500),
        ("أصيب ما يقارب 70 شخصا", "ما يقارب 70", "ما يقارب", 70),
        ("أصيب ما يقرب من 70 شخصا", "ما يقرب من 70", "ما يقرب من", 70),
        ("قتل أكثر من عشرين مدنيا", "أكثر من عشرين", "أكثر من", 20),
        ("اعتقل ما يزيد عن 100 شاب", "ما يزيد عن 100", "ما يزيد عن", 100),
        ("اعتقل ما يزيد على 100 شاب", "ما يزيد على 100", "ما يزيد على", 100),
        ("قتل ما لا يقل عن 15 شخصا", "ما لا يقل عن 15", "ما لا يقل عن", 15),
        ("أصيب أقل من عشرة أشخاص", "أقل من عشرة", "أقل من", 10),
        ("قد يصل عدد النازحين إلى ما يصل إلى 5 آلاف", "ما يصل إلى 5 آلاف", "ما يصل إلى", 5000),
        ("قتل أزيد من 60 مسلحا", "أزيد من 60", "أزيد من", 60),
        ("قتل ما يناهز 30 شخصا", "ما يناهز 30", "ما يناهز", 30),
    ],
)
def test_pre_qualifier(text: str, span: str, qualifier: str, value: float) -> None:
    q = the(text, span)
    assert q.approximate and q.qualifier == qualifier and q.value == value


@pytest.mark.parametrize(
    ("text", "span", "qualifier"),
    [
        ("قتل 10 أشخاص على الأقل في القصف", "10", "على الأقل"),
        ("قتل 12 شخصا تقريبا", "12", "تقريبا"),
        ("نزح 50 ألفا أو أكثر", "50 ألفا", "أو أكثر"),
        ("قتل مئة ونيف من المدنيين", "مئة", "ونيف"),
    ],
)
def test_post_qualifier(text: str, span: str, qualifier: str) -> None:
    q = the(text, span)
    assert q.approximate and q.qualifier == qualifier


def test_bounds_sets() -> None:
    assert {"أكثر من", "ما لا يقل عن", "على الأقل"} <= LOWER_BOUND
    assert {"أقل من", "ما يصل إلى"} <= UPPER_BOUND


def test_exact_number_not_approximate() -> None:
    q = the("قتل 21 شخصا في الغارة", "21")
    assert not q.approximate and q.qualifier is None and not q.vague


# --- ranges and updates -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "span", "low", "high"),
    [
        ("قتل بين 300 و400 شخص", "بين 300 و400", 300, 400),
        ("قتل ما بين 300 و400 شخص", "ما بين 300 و400", 300, 400),
        ("قتل من 300 إلى 400 شخص", "من 300 إلى 400", 300, 400),
        ("قتل 300-400 شخص", "300-400", 300, 400),
        ("قتل 300 - 400 شخص", "300 - 400", 300, 400),
        ("قتل 300 إلى 400 شخص", "300 إلى 400", 300, 400),
        ("نزح بين ثلاثين وأربعين عائلة", "بين ثلاثين وأربعين", 30, 40),
        ("نزح بين 3 و4 ملايين سوري", "بين 3 و4 ملايين", 3000000, 4000000),
        ("قتل ثلاثة أو أربعة أشخاص", "ثلاثة أو أربعة", 3, 4),
    ],
)
def test_range(text: str, span: str, low: float, high: float) -> None:
    q = the(text, span)
    assert (q.value, q.upper, q.previous) == (low, high, None)


@pytest.mark.parametrize(
    ("text", "span", "value", "previous"),
    [
        ("ارتفع عدد القتلى من 10 إلى 21 شخصا", "من 10 إلى 21", 21, 10),
        ("ارتفعت حصيلة ضحايا القصف على الغوطة من عشرة إلى واحد وعشرين", "من عشرة إلى واحد وعشرين", 21, 10),
        ("ارتفاع حصيلة القتلى من 45 إلى 60", "من 45 إلى 60", 60, 45),
        ("تراجع عدد المحاصرين من 400 ألف إلى 250 ألفا", "من 400 ألف إلى 250 ألفا", 250000, 400000),
    ],
)
def test_update(text: str, span: str, value: float, previous: float) -> None:
    q = the(text, span)
    assert (q.value, q.previous, q.upper) == (value, previous, None)


def test_update_without_previous() -> None:
    qs = quantities("ارتفعت الحصيلة إلى 21 قتيلا")
    assert [(q.span.text, q.value, q.previous, q.upper) for q in qs] == [("21", 21, None, None)]


# --- vague ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "span", "acled"),
    [
        ("قتل عشرات المدنيين", "عشرات", 12),
        ("أصيب العشرات بالاختناق", "العشرات", 12),
        ("نزح مئات العائلات", "مئات", 100),
        ("خرج المئات إلى الشوارع", "المئات", 100),
        ("فر آلاف السكان", "آلاف", 1000),
        ("فر الآلاف من البلدة", "الآلاف", 1000),
        ("نزح عشرات الآلاف من المدنيين", "عشرات الآلاف", 10000),
        ("نزح مئات الآلاف", "مئات الآلاف", 100000),
        ("يعيش الملايين في المخيمات", "الملايين", 1000000),
        ("أصيب العديد من الأطفال", "العديد من", 10),
        ("اعتقل عدد من الشبان", "عدد من", 10),
        ("اعتقل عدد كبير من الشبان", "عدد كبير من", 10),
        ("قتل بضعة أشخاص", "بضعة", 10),
        ("قتل بضع نساء", "بضع", 10),
        ("أصيب عدة أشخاص", "عدة", 10),
        ("نزح بضعة آلاف", "بضعة آلاف", 1000),
        ("قتل بالعشرات", "العشرات", 12),
    ],
)
def test_vague(text: str, span: str, acled: int) -> None:
    q = the(text, span)
    assert q.vague and q.value is None and q.unit is None
    q = the(text, span, acled_vague=True)
    assert q.vague and q.value == acled


def test_acled_value_keys() -> None:
    assert acled_value("tens") == 12
    assert acled_value("tens_thousands") == 10000
    assert acled_value("few_hundreds") == 100


def test_ashr_is_not_asharat() -> None:
    q = the("قتل عشر نساء وعشرات الرجال", "عشر")
    assert q.value == 10 and not q.vague


# --- units: numbers that do not count people --------------------------------------------------


@pytest.mark.parametrize(
    ("text", "span", "unit"),
    [
        ("ارتفعت الأسعار 10% خلال الشهر", "10", "percent"),
        ("ارتفعت الأسعار ١٠٪ خلال الشهر", "١٠", "percent"),
        ("تراجع الإنتاج 15 بالمئة", "15", "percent"),
        ("تراجع الإنتاج 15 بالمائة", "15", "percent"),
        ("تراجع الإنتاج 15 في المئة", "15", "percent"),
        ("تراجع الإنتاج بنسبة 15", "15", "percent"),
        ("تبنى مجلس الأمن القرار 2401 بالإجماع", "2401", "reference"),
        ("طالب بتطبيق القرار رقم 2254", "2254", "reference"),
        ("قرار مجلس الأمن الدولي 2401", "2401", "reference"),
        ("نصت المادة 5 من الدستور", "5", "reference"),
        ("هاجمت الفرقة 17 مواقع المعارضة", "17", "reference"),
        ("حلقت طائرات إف-16 فوق المدينة", "16", "reference"),
        ("أسقطت طائرة سو-24 روسية", "24", "reference"),
        ("بدأت الحرب عام 2011 في سوريا", "2011", "year"),
        ("يحاصر النظام الغوطة منذ أواخر 2012", "2012", "year"),
        ("وقعت المعركة في 2016 قرب حلب", "2016", "year"),
        ("توفي سنة 1439 هـ", "1439", "year"),
        ("ولد عام 1980م في دمشق", "1980", "year"),
        ("بدأ الحصار في 24 شباط 2018", "2018", "year"),
        ("بدأ الحصار في 24 شباط 2018", "24", "date"),
        ("بدأ الحصار في 24 شباط/فبراير", "24", "date"),
        ("بدأ الحصار في 24 من شباط", "24", "date"),
        ("عقد الاجتماع في 19/2/2018", "19/2/2018", "date"),
        ("عقد الاجتماع في 2018-02-19", "2018-02-19", "date"),
        ("قتل في 10 و11 آب الماضي", "10", "date"),
        ("قتل طفل عمره 12 عاما", "12", "age"),
        ("قتل شاب يبلغ من العمر 25 عاما", "25", "age"),
        ("قتل طفل (12 عاما) في القصف", "12", "age"),
        ("قتلت فتاة في العشرين من عمرها", "العشرين", "age"),
        ("انفجرت السيارة عند الساعة 10 صباحا", "10", "time"),
        ("انفجرت السيارة عند الساعة 10:30", "10:30", "time"),
        ("انفجرت السيارة عند الساعة العاشرة", "العاشرة", "time"),
        ("استمر القصف 30 يوما", "30", "duration"),
        ("استمر القصف 3 ساعات", "3", "duration"),
        ("استمر الحصار أسبوعين", "أسبوعين", "duration"),
        ("خلال الساعات الـ24 الماضية", "24", "duration"),
        ("منذ سبع سنوات", "سبع", "duration"),
        ("بلغت الخسائر 5 ملايين دولار", "5 ملايين", "money"),
        ("بلغت الخسائر 5 مليارات دولار", "5 مليارات", "money"),
        ("ارتفع سعر الخبز إلى 200 ليرة", "200", "money"),
        ("بلغت قيمة المساعدات 300 مليون يورو", "300 مليون", "money"),
        ("تبعد البلدة 20 كم عن دمشق", "20", "distance"),
        ("تقدمت القوات 500 متر", "500", "distance"),
        ("سيطر على مساحة 40 كيلومترا مربعا", "40", "area"),
        ("أحرقت النيران 100 هكتار", "100", "area"),
        ("صادرت الشرطة 20 طنا من الحشيش", "20", "weight"),
        ("ضبط 5 كلغ من المتفجرات", "5", "weight"),
        ("اتصلوا على الرقم +963 11 2345678", "+963 11 2345678", "phone"),
        ("اتصلوا على 0933123456", "0933123456", "phone"),
        ("احتل المنتخب المركز الثالث", "الثالث", "ordinal"),
        ("في القرن العشرين", "العشرين", "ordinal"),
        ("للمرة العاشرة", "العاشرة", "ordinal"),
        ("فاز الفريق 2-1 في المباراة", "2-1", "score"),
        ("فاز الفريق بهدفين مقابل هدف", "هدفين", "score"),
        ("بلغت درجة الحرارة 45 درجة مئوية", "45", "temperature"),
        ("ضرب زلزال بقوة 6 درجات على مقياس ريختر", "6", "measure"),
        ("قصفت الطائرات البلدة 3 مرات", "3", "frequency"),
        ("قمة مجموعة العشرين", "العشرين", "reference"),
        ("قتل طفل عمره 5 سنوات", "5", "age"),
        ("اعتقل رجل البالغ من العمر 30 عاما", "30", "age"),
        ("تتجاوز أعمارهم الـ60", "60", "age"),
        ("ركب الحافلة رقم 5", "5", "reference"),
        ("صادرت السلطات 20 دونما من الأراضي", "20", "area"),
        ("تبعد القرية 15 كيلومترا", "15", "distance"),
        ("قدم الاتحاد مليار دولار", "مليار", "money"),
        ("بلغ سعر الكيلو 5 يورو", "5", "money"),
        ("بيع الدولار بـ 2500 ليرة", "2500", "money"),
        ("في السنوات الـ 16 الماضية", "16", "duration"),
        ("توفي المؤرخ سنة 370هـ", "370", "year"),
    ],
)
def test_unit(text: str, span: str, unit: str) -> None:
    assert the(text, span).unit == unit


@pytest.mark.parametrize(
    ("text", "span"),
    [
        ("قتل 2000 شخص في المعارك", "2000"),
        ("وصل 1500 مقاتلا إلى إدلب", "1500"),
        ("قتل نحو 2000 مدني", "نحو 2000"),
        ("قتل 12 شخصا في غارة", "12"),
        ("قتل 24 مدنيا", "24"),
    ],
)
def test_count_stays_count(text: str, span: str) -> None:
    assert the(text, span).unit is None


# --- span integrity ---------------------------------------------------------------------------

NOISY = [
    "قُتِلَ ثَلاثَةُ أَشْخَاصٍ وَأُصِيبَ عِشْرُونَ آخَرُونَ",
    "قتـــل 21 مدنيـــا وجرح خمســـة وعشـــرون",
    "#عاجل قتل ٤٠٠ شخص في #الغوطة_الشرقية، و#عشرات_الجرحى",
    "نزح أكثـر مـن ١٬٢٠٠ شخص\u200f بين ٣٠٠ و٤٠٠ عائلة",
    "ارتفع عدد القتلى مِنْ 10 إِلَى 21 بحسب #المرصد",
    "قتل خمسون ألفاً خلال ٢٠١٦، وفرّ مئاتُ الآلاف",
]


@pytest.mark.parametrize("text", NOISY)
def test_spans_match_text(text: str) -> None:
    qs = quantities(text)
    assert qs
    for q in qs:
        assert text[q.span.start : q.span.end] == q.span.text
    for a, b in zip(qs, qs[1:], strict=False):
        assert a.span.end <= b.span.start


def test_diacritics_values() -> None:
    qs = quantities(NOISY[0])
    assert [(q.span.text, q.value) for q in qs] == [("ثَلاثَةُ", 3), ("عِشْرُونَ", 20)]
    assert the(NOISY[5], "خمسون ألفاً").value == 50000


def test_start_end_window() -> None:
    text = "قتل 5 أشخاص. وفي حلب قتل 7 آخرون."
    cut = text.index("وفي")
    assert [q.value for q in quantities(text, start=cut)] == [7]
    assert [q.value for q in quantities(text, end=cut)] == [5]


# --- duals and postposed 1 / 2 ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "span", "unit"),
    [
        ("أسفر القصف عن مقتل شخصين", "شخصين", None),
        ("قتل طفلين نازحين في المخيم", "طفلين", None),
        ("نزحت عائلتان من القرية", "عائلتان", None),
        ("استمر الحصار يومين", "يومين", "duration"),
        ("قصفت الطائرات البلدة مرتين", "مرتين", "frequency"),
    ],
)
def test_safe_duals(text: str, span: str, unit: str | None) -> None:
    q = the(text, span)
    assert q.value == 2 and q.unit == unit


@pytest.mark.parametrize("text", ["قتل مدنيين في القصف", "اعتقل مسلحين", "أصيب مواطنين بجروح"])
def test_plural_like_duals_are_not_two(text: str) -> None:
    assert quantities(text) == []


@pytest.mark.parametrize(
    ("text", "span", "unit"),
    [
        ("قتل شخص واحد", "واحد", None),
        ("استمرت المعركة يوما واحدا", "واحدا", "duration"),
        ("وصلت خلال ساعة واحدة", "واحدة", "duration"),
        ("بيع الرغيف بدولار واحد", "واحد", "money"),
        ("قصفت البلدة مرة واحدة", "واحدة", "frequency"),
    ],
)
def test_postposed_one(text: str, span: str, unit: str | None) -> None:
    q = the(text, span)
    assert q.value == 1 and q.unit == unit


@pytest.mark.parametrize(
    ("text", "first", "unit"),
    [
        ("ولدان بعمر 16 و18 عاما", "16", "age"),
        ("قتل في 10 و11 آب", "10", "date"),
        ("نزحوا بين عامي 2011 و2013", "بين عامي 2011 و2013", "year"),
        ("تراوحت أعمارهم بين 20 و30 عاما", "بين 20 و30", "age"),
    ],
)
def test_coordinated_share_unit(text: str, first: str, unit: str) -> None:
    assert the(text, first).unit == unit


def test_coordinated_counts_stay_counts() -> None:
    assert [q.unit for q in quantities("قتل 16 وجرح 18 شخصا")] == [None, None]


def test_targets_are_not_scores() -> None:
    assert the("قصفت الطائرات 18 هدفا عسكريا", "18").unit is None


def test_list_item_number() -> None:
    text = "وتضمن الاتفاق:\n1- وقف إطلاق النار\n2- إدخال المساعدات"
    assert [q.unit for q in quantities(text)] == ["ordinal", "ordinal"]


def test_corpus_spans_sorted_and_exact(shared_dir) -> None:
    """Span invariants on real articles (read at run time, never copied into the project)."""
    import gzip
    import json

    path = shared_dir / "corpus" / "ant_multisource_v2.1.jsonl.gz"
    if not path.exists():
        pytest.skip(f"{path} missing")
    with gzip.open(path, "rt", encoding="utf-8") as f:
        for n, line in enumerate(f):
            if n >= 300:
                break
            d = json.loads(line)
            text = f"{d.get('title') or ''}\n\n{d.get('text') or ''}"
            qs = quantities(text)
            for q in qs:
                assert text[q.span.start : q.span.end] == q.span.text and q.span.text.strip()
                assert q.value is not None or q.vague or q.unit in ("date", "time", "phone")
                assert not q.vague or q.value is None
            for a, b in zip(qs, qs[1:], strict=False):
                assert a.span.end <= b.span.start


@pytest.mark.parametrize("text", ["وبالملايين من الدولارات خسرت الشركة.", "وبالآلاف نزح السكان من القرى."])
def test_four_letter_proclitic_chains_do_not_crash(text):
    # Regression: "وبال" + a number word raised KeyError in the splitter (seen in the ANT corpus).
    qs = find_quantities(text, normalize(text))
    assert [q.vague for q in qs] == [True]
    assert not qs[0].span.text.startswith("و")
