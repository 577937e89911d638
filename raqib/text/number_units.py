"""The unit of a number from a few tokens around it: percent, money, year, date, age...

``unit_of(parsed, left_tokens, right_tokens)`` returns the unit of a number that does not count
people, or None. Tokens are folded view tokens on the same line (numbers._left / _right); cue
words come from number_context. The order of the checks matters and is commented where it is
not obvious (a year before meters, a clock time before a duration).
"""

from __future__ import annotations

from raqib.text import number_context as C
from raqib.text.number_words import TENS, UNIT, Parsed

# 1 and 2 as words follow their noun ("يوم واحد"); the other numbers precede it.
_POSTPOSED = frozenset(("واحد", "واحدا", "واحده", "اثنان", "اثنين", "اثنتان", "اثنتين"))


def elative(tok: str) -> bool:
    """أفعل (أكبر، أبرز، أهم، أشد): "one of the biggest" names no count."""
    return tok[0] == "ا" and 3 <= len(tok) <= 4 and not tok.startswith("ال")


def unit_of(p: Parsed, lt: list[str], rt: list[str]) -> str | None:
    """The unit of a number from its neighbours, or None (may count people)."""
    first = p.first
    value = p.value
    article = first.article
    if lt and lt[-1] == "ال":
        lt, article = lt[:-1], True  # "السنوات الـ 16 الماضية": the article written apart
    left1 = lt[-1] if lt else ""
    left2 = lt[-2] if len(lt) > 1 else ""
    l1 = C.cues(left1)
    r0 = rt[0] if rt else ""
    r1 = rt[1] if len(rt) > 1 else ""
    if first.cat == UNIT and len(p.atoms) == 1 and left1 and first.form in _POSTPOSED:
        # واحد / اثنان follow their noun: "يوم واحد", "دولار واحد", "مرة واحدة".
        r0, r1, rt = left1, "", [left1]
    c0 = C.cues(r0)
    is_int = isinstance(value, int)
    digits = p.kind == "digits"
    plain = digits and len(p.atoms) == 1 and first.form.isdigit()
    if p.kind == "ordinal":
        if "clock_left" in l1:
            return "time"
        if "month" in c0 or (r0 == "من" and ("month" in C.cues(r1) or r1 in ("الشهر", "شهر"))):
            return "date"
        return "ordinal"
    if (
        "%" in (r0, left1)
        or "٪" in (r0, left1)
        or "percent_right" in c0
        or (r0 == "في" and r1 in ("الميه", "المايه"))
    ):
        return "percent"
    if "percent_left" in l1:
        return "percent"
    if first.latin or (left1 == "-" and "reference" in C.cues(left2)):
        return "reference"
    if digits and ("reference" in l1 or "model" in l1 or resolution(lt)):
        return "reference"
    if "group" in l1 or "group" in C.cues(left2) and left1.startswith("ال") and article:
        return "reference"  # مجموعة العشرين، مجموعة الدول السبع
    if plain and (len(first.form) >= 9 or (first.form.startswith("0") and len(first.form) >= 7)):
        return "phone"
    if plain and not lt and r0 in ("-", ")", ".") and len(rt) > 1 and not rt[1].isdigit():
        return "ordinal"  # "1- تكون مدة..." at the start of a line: a list item
    if plain and is_int and 1 <= value <= 2100:
        if "year_right" in c0 and (r0 != "م" or value >= 1000) and not (r0 == "ه" and value > 1500):
            return "year"  # 2018م، 1439 هـ، 370هـ
        if (
            value >= 1000
            and "time_unit" not in c0
            and (("year_left" in l1 or "month" in l1) or (left1 == "/" and "month" in C.cues(left2)))
        ):
            return "year"
    if "money_right" in c0 or "money_left" in l1:
        return "money"
    m = C.measure_unit(r0)
    if m:
        if m in ("distance", "area") and r1 in ("مربع", "مربعا", "مربعه"):
            return "area"
        if m == "distance" and r1 in ("مكعب", "مكعبا"):
            return "volume"
        if m == "temperature" and "ريختر" in rt[1:5]:
            return "measure"
        return m
    if "clock_left" in l1 and is_int and 0 <= value <= 24 or "clock_left" in l1 and "." in first.form:
        return "time"
    if "clock_right" in c0 and is_int and value <= 24:
        return "time"
    if "time_unit" in c0:
        return "age" if _is_age(lt, rt) else "duration"
    if article and "time_units_def" in l1:
        return "duration"  # خلال الساعات الـ24 الماضية
    if "age_noun" in l1 or left1 in ("بعمر", "سن", "بسن") or (r0 == "من" and "age_noun" in C.cues(r1)):
        return "age"
    if (
        is_int
        and 1 <= value <= 31
        and ("month" in c0 or (r0 == "من" and ("month" in C.cues(r1) or r1 in ("الشهر", "شهر", "هذا"))))
    ):
        return "date"
    if article and "ordinal_head" in l1 and (digits or first.cat == TENS):
        return "ordinal"  # القرن العشرين، الذكرى الـ7
    if plain and is_int and 1900 <= value <= 2035 and len(first.form) == 4 and not _count_follows(rt, lt):
        return "year"
    return None


def resolution(lt: list[str]) -> bool:
    """قرار مجلس الأمن (الدولي) (رقم) 2401."""
    k = len(lt) - 1
    while k >= 0 and lt[k] in ("مجلس", "الامن", "الدولي", "رقم", "الاممي"):
        k -= 1
    return 0 <= k < len(lt) - 1 and lt[k] in ("القرار", "قرار", "بالقرار", "للقرار")


def _is_age(lt: list[str], rt: list[str]) -> bool:
    """A number of years is an age: عمره 12 عاما، البالغ من العمر، (12 عاما)، 12 عاما من عمره."""
    if "year_unit" not in C.cues(rt[0]):
        return False
    if lt and lt[-1] == "(":
        return True
    if any("age" in C.cues(t) for t in lt[-4:]):
        return True
    return len(rt) > 2 and rt[1] == "من" and "age_noun" in C.cues(rt[2])


def _count_follows(rt: list[str], lt: list[str]) -> bool:
    """A 4-digit number followed by a counted noun ("2000 شخص", "1500 مقاتلا") is a count."""
    if lt and "qual_last" in C.cues(lt[-1]):
        return True
    if not rt:
        return False
    r0 = rt[0]
    if "count_noun" in C.cues(r0):
        return True
    return (
        len(r0) > 3 and r0.endswith("ا") and not r0.startswith("ال") and r0 not in ("ايضا", "بينما", "حاليا")
    )
