"""Arabic date vocabulary: month names (three naming systems and Hijri), weekdays, ordinals.

Every table is written in ordinary Arabic spelling and folded with ``normalize_str`` when the
patterns are built, so the keys match the normalised view (أ/إ/آ -> ا, ة -> ه, ى -> ي).
Nothing here runs at import time beyond building plain dictionaries.
"""

from __future__ import annotations

from functools import lru_cache

import regex

from raqib.text.normalize import normalize_str

# Gregorian months. Levantine/Iraqi (Syriac) names, the Egyptian/Gulf names from Latin, the
# Algerian/Tunisian names from French, and the Moroccan forms (يوليوز، غشت، شتنبر، نونبر، دجنبر).
# fmt: off
_GREGORIAN: dict[str, int] = {
    "كانون الثاني": 1, "كانون ثاني": 1, "شباط": 2, "آذار": 3, "نيسان": 4, "أيار": 5,
    "حزيران": 6, "تموز": 7, "آب": 8, "أيلول": 9, "تشرين الأول": 10, "تشرين أول": 10,
    "تشرين الثاني": 11, "تشرين ثاني": 11, "كانون الأول": 12, "كانون أول": 12,
    "يناير": 1, "فبراير": 2, "مارس": 3, "أبريل": 4, "إبريل": 4, "ابريل": 4, "مايو": 5,
    "يونيو": 6, "يونيه": 6, "يوليو": 7, "يوليه": 7, "أغسطس": 8, "اغسطس": 8, "آغسطس": 8,
    "سبتمبر": 9, "سيبتمبر": 9, "أكتوبر": 10, "اكتوبر": 10, "نوفمبر": 11, "ديسمبر": 12,
    "جانفي": 1, "فيفري": 2, "أفريل": 4, "ماي": 5, "جوان": 6, "جويلية": 7, "أوت": 8,
    "يوليوز": 7, "غشت": 8, "شتنبر": 9, "نونبر": 11, "دجنبر": 12,
}
# fmt: on

# Month names that are also ordinary words or names, accepted only next to a day number, a
# year, a "شهر" or a paired month name: مارس "practised", ماي (Gulf "water", English "my"),
# آب/أب "father", تموز (the deity, "مفاعل تموز"), نيسان (the car maker), جوان (a given name).
_AMBIGUOUS_MONTHS = ("مارس", "ماي", "آب", "تموز", "نيسان", "جوان")

# Hijri months (Umm al-Qura numbering).
# fmt: off
_HIJRI: dict[str, int] = {
    "محرم": 1, "المحرم": 1, "صفر": 2, "ربيع الأول": 3, "ربيع أول": 3, "ربيع الثاني": 4,
    "ربيع الآخر": 4, "ربيع ثاني": 4, "جمادى الأولى": 5, "جمادى الأول": 5, "جمادى الآخرة": 6,
    "جمادى الثانية": 6, "جمادى الآخر": 6, "جمادى الثاني": 6, "رجب": 7, "شعبان": 8, "رمضان": 9,
    "شوال": 10, "ذو القعدة": 11, "ذي القعدة": 11, "ذو الحجة": 12, "ذي الحجة": 12,
}
# fmt: on
# صفر is also "zero" (football scores "3 صفر"): it needs a year or هـ. رجب and رمضان are also
# given names: a bare name never counts; a day number, a year, "شهر" or الماضي/المقبل must come with it.
_HIJRI_NEEDS_YEAR = ("صفر",)

# Weekdays -> Python weekday() (Monday = 0), written without the article.
# fmt: off
_WEEKDAYS: dict[str, int] = {
    "اثنين": 0, "إثنين": 0, "ثلاثاء": 1, "ثلثاء": 1, "أربعاء": 2, "خميس": 3, "جمعة": 4,
    "سبت": 5, "أحد": 6,
}
# fmt: on

_UNITS_M = ["أول", "ثاني", "ثالث", "رابع", "خامس", "سادس", "سابع", "ثامن", "تاسع", "عاشر"]
_UNITS_F = ["أولى", "ثانية", "ثالثة", "رابعة", "خامسة", "سادسة", "سابعة", "ثامنة", "تاسعة", "عاشرة"]


def _ordinals() -> dict[str, int]:
    """Day ordinals 1..31 in both genders: الثالث، الحادي عشر، الحادي والعشرين، الثالثة عشرة."""
    out: dict[str, int] = {}
    for units, one, ten in ((_UNITS_M, "حادي", "عشر"), (_UNITS_F, "حادية", "عشرة")):
        for i, u in enumerate(units, start=1):
            out["ال" + u] = i
        for i in range(1, 10):
            unit = one if i == 1 else units[i - 1]
            out[f"ال{unit} {ten}"] = 10 + i
        out["العشرين"] = 20
        out["الثلاثين"] = 30
        for tens_word, tens in (("العشرين", 20), ("الثلاثين", 30)):
            for i in range(1, 10 if tens == 20 else 2):
                unit = one if i == 1 else units[i - 1]
                out[f"ال{unit} و{tens_word}"] = tens + i
    return out


# Feminine ordinals that name clock hours ("الواحدة من صباح اليوم", "الثالثة فجرا").
# fmt: off
_HOURS = {
    "الواحدة": 1, "الثانية": 2, "الثالثة": 3, "الرابعة": 4, "الخامسة": 5, "السادسة": 6,
    "السابعة": 7, "الثامنة": 8, "التاسعة": 9, "العاشرة": 10, "الحادية عشرة": 11, "الثانية عشرة": 12,
}
# fmt: on

# Parts of the day, in construct before a day word ("فجر اليوم") or as adverbs ("مساءً").
# fmt: off
_PARTS_OF_DAY: dict[str, str] = {
    "فجر": "فجر", "فجرا": "فجر", "صباح": "صباح", "صباحا": "صباح", "صبيحة": "صباح",
    "ضحى": "صباح", "ظهر": "ظهر", "ظهرا": "ظهر", "بعد ظهر": "ظهر", "ظهيرة": "ظهر",
    "عصر": "عصر", "عصرا": "عصر", "مساء": "مساء", "عشية": "مساء", "ليل": "ليل", "ليلا": "ليل",
    "ليلة": "ليل", "منتصف ليل": "ليل", "منتصف ليلة": "ليل", "نهار": "نهار", "نهارا": "نهار",
    "فجر يوم": "فجر", "غداة": "صباح",
}
# fmt: on

# Modifiers after a day, month or period word.
PAST = ("الماضي", "الماضية", "المنصرم", "المنصرمة", "الفائت", "الفائتة", "السابق", "السابقة", "المنقضي")
FUTURE = ("المقبل", "المقبلة", "القادم", "القادمة", "التالي")
CURRENT = ("الجاري", "الجارية", "الحالي", "الحالية")

# Parts of a year/month/week: (first, last) fraction codes resolved in dates_resolve.part_range.
# fmt: off
PARTS_OF_PERIOD: dict[str, str] = {
    "أوائل": "early", "مطلع": "early", "بداية": "early", "بدايات": "early", "أول": "early",
    "مستهل": "early", "منتصف": "mid", "أواسط": "mid", "أواخر": "late", "نهاية": "late",
    "نهايات": "late", "آخر": "late", "ختام": "late", "النصف الأول من": "h1",
    "النصف الثاني من": "h2", "الربع الأول من": "q1", "الربع الثاني من": "q2",
    "الربع الثالث من": "q3", "الربع الأخير من": "q4", "الربع الرابع من": "q4",
}
# fmt: on

# Nouns that turn "14 آذار" or "25 يناير" into a name (Lebanon's 14 March alliance, Egypt's
# 25 January revolution, the city of 6 October): the date is then not a time of the article.
# fmt: off
NAMING_NOUNS = (
    "قوى", "قوي", "تيار", "فريق", "حركة", "ثورة", "ثورتي", "انتفاضة", "تحالف", "ائتلاف", "جماعة", "شباب",
    "حزب", "مدينة", "شارع", "جسر", "كوبري", "ميدان", "ساحة", "مستشفى", "جامعة", "حي", "نادي",
    "مطار", "حرب", "نكسة", "أحداث", "هجمات", "مجزرة", "مدرسة", "جبهة", "لواء", "كتيبة", "كتائب",
    "معركة", "بيان", "اتفاق", "اتفاقية", "إعلان", "قرار", "مرسوم", "دستور", "تظاهرات", "مظاهرات",
)
# fmt: on


def _fold_keys(table: dict[str, int] | dict[str, str]) -> dict:
    return {normalize_str(k): v for k, v in table.items()}


@lru_cache(maxsize=1)
def gregorian_months() -> dict[str, int]:
    return _fold_keys(_GREGORIAN)


@lru_cache(maxsize=1)
def ambiguous_months() -> frozenset[str]:
    return frozenset(normalize_str(m) for m in _AMBIGUOUS_MONTHS)


@lru_cache(maxsize=1)
def hijri_months() -> dict[str, int]:
    return _fold_keys(_HIJRI)


@lru_cache(maxsize=1)
def hijri_needs_year() -> frozenset[str]:
    return frozenset(normalize_str(m) for m in _HIJRI_NEEDS_YEAR)


@lru_cache(maxsize=1)
def weekdays() -> dict[str, int]:
    return _fold_keys(_WEEKDAYS)


@lru_cache(maxsize=1)
def ordinals() -> dict[str, int]:
    return _fold_keys(_ordinals())


@lru_cache(maxsize=1)
def hours() -> dict[str, int]:
    return _fold_keys(_HOURS)


@lru_cache(maxsize=1)
def parts_of_day() -> dict[str, str]:
    return _fold_keys(_PARTS_OF_DAY)


@lru_cache(maxsize=1)
def parts_of_period() -> dict[str, str]:
    return _fold_keys(PARTS_OF_PERIOD)


def fold_words(words) -> list[str]:
    return sorted({normalize_str(w) for w in words}, key=len, reverse=True)


def alternation(words) -> str:
    """A non-capturing regex alternation of folded words, longest first, spaces as ``\\s+``.

    A "و" that starts a word after a space (والعشرين) may also be written apart (و العشرين).
    """
    parts = []
    for w in fold_words(words):
        pat = regex.escape(w)
        pat = pat.replace(r"\ و", r"\s+و\s*").replace(" و", r"\s+و\s*")
        pat = pat.replace(r"\ ", r"\s+").replace(" ", r"\s+")
        parts.append(pat)
    return "(?:" + "|".join(parts) + ")"


def lookup_key(matched: str) -> str:
    """The table key of a matched phrase: single spaces, "و" joined to the next word."""
    s = " ".join(matched.split())
    return s.replace(" و ", " و")
