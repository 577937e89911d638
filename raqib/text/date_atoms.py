"""Date atoms: one regex match (raqib/text/date_patterns.py) read into a resolved piece.

An atom is a day ("أمس", "السبت", "24 شباط"), a period ("آذار 2018", "الشهر الماضي"), a part
of the day ("مساء"), a part of a period ("أواخر") or a clock time. raqib/text/dates.py merges
neighbouring atoms into the expressions it reports.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache

import regex

from raqib.model.dates import PRECISION_DAY, PRECISION_WEEK
from raqib.text import date_lexicon as lx
from raqib.text.date_patterns import DUR_UNITS, NUM_WORDS
from raqib.text.date_resolve import (
    add_months,
    month_range,
    pick_month_year,
    pick_year,
    safe_date,
    week_range,
    weekday_after,
    weekday_before,
    weekday_on_or_before,
    year_range,
)
from raqib.text.hijri import hijri_month_range, hijri_to_date, hijri_year_of, hijri_year_range
from raqib.text.normalize import normalize_str


@dataclass(slots=True)
class Atom:
    """A matched piece; ``a``/``b`` are offsets in the normalised view."""

    name: str
    a: int
    b: int
    cat: str  # "day", "period", "part", "partp", "clock"
    kind: str = "explicit"
    start: date | None = None
    end: date | None = None
    precision: int | None = None  # set when the span length does not say it
    part: str | None = None  # part of the day
    slot: str = ""  # day atoms: "rel", "wd", "greg", "hijri"; one of each merges
    rank: int = 0  # which atom of a merged group gives the date
    weekday: int | None = None
    unit: str | None = None  # periods: "year", "month", "week", "other"
    pp: str | None = None  # part-of-period code
    conj: bool = False  # starts with the conjunction و: a list item, not a continuation
    month_day: tuple[int, int] | None = None  # a yearless Gregorian day, to re-pick its year
    role: str | None = None
    dual: bool = False  # "يومي السبت"


@lru_cache(maxsize=1)
def _mod_hints() -> dict[str, str]:
    out = {}
    for words, hint in ((lx.PAST, "past"), (lx.FUTURE, "future"), (lx.CURRENT, "current")):
        for w in words:
            out[normalize_str(w)] = hint
    return out


@lru_cache(maxsize=1)
def _naming_nouns() -> frozenset[str]:
    return frozenset(normalize_str(w) for w in lx.NAMING_NOUNS)


_PREV_WORD = regex.compile(r"([\p{L}]+)[^\p{L}\p{N}]{0,3}$")
_NEXT_WORD = regex.compile(r"\s*([\p{L}\p{N}]+)")


def prev_word(view: str, a: int) -> str:
    """The word before view offset ``a`` (up to 3 separators back), without و/ال."""
    m = _PREV_WORD.search(view, max(0, a - 30), a)
    if not m:
        return ""
    w = m.group(1)
    if w.startswith("و") and len(w) > 3:
        w = w[1:]
    return w[2:] if w.startswith("ال") and len(w) > 4 else w


def next_word(view: str, b: int) -> str:
    m = _NEXT_WORD.match(view, b, min(len(view), b + 30))
    return m.group(1) if m else ""


def hint_of(mod: str | None) -> str | None:
    return _mod_hints().get(lookup(mod)) if mod else None


def lookup(s: str) -> str:
    return lx.lookup_key(s)


def _is_conj(txt: str) -> bool:
    return txt[:1] == "و" and (txt[1:3] == "ال" or txt[1:2] in ("ب", "ل") or txt[1:2].isdigit())


def _year_of(m: regex.Match, p: str, published: date | None) -> tuple[int | None, bool]:
    """(year, explicit?) from the year groups of a month expression."""
    if y := m.group(p + "y"):
        return int(y), True
    if (rel := m.group(p + "yrel")) and published:
        hint = hint_of(rel)
        return published.year + {"past": -1, "future": 1}.get(hint or "", 0), True
    if m.group(p + "ythis") and published:
        return published.year, True
    return None, False


def make_atom(m: regex.Match, view: str, published: date | None) -> Atom | None:
    """The atom of a match of pattern_for(...), or None when the match is not a date after all."""
    name = m.lastgroup
    fn = _HANDLERS.get(name or "")
    if fn is None:
        return None
    atom = fn(m, view, published)
    if atom is not None:
        atom.conj = _is_conj(m.group())
    return atom


def _atom(m: regex.Match, cat: str, **kw) -> Atom:
    return Atom(m.lastgroup or "", m.start(), m.end(), cat, **kw)


def _skip(m: regex.Match) -> Atom:
    """A match that is not a date and whose words must not be read again (the month of "14 آذار")."""
    return _atom(m, "skip")


def _nd(m, view, published):
    a, b, y = int(m.group("nd_a")), int(m.group("nd_b")), int(m.group("nd_c"))
    if b > 12 and a <= 12:  # month first (19/2 reads day first; 2/19 can only be month first)
        a, b = b, a
    d = safe_date(y, b, a)
    if d is None:
        return None
    return _atom(m, "day", kind="explicit", start=d, end=d, slot="greg", rank=5)


def _greg_day(m, published, p: str, month_group: str, day: int, day2: int | None, kind: str, view: str):
    month = lx.gregorian_months()[lookup(m.group(month_group))]
    year, explicit = _year_of(m, p, published)
    if not explicit and prev_word(view, m.start()) in _naming_nouns():
        return _skip(m)  # "قوى 14 آذار", "ثورة 25 يناير": a name, not a time
    if not 1 <= day <= 31 or safe_date(2000, month, day) is None:
        return None
    hint = hint_of(m.group(p + "mod"))
    if year is None and published is not None:
        year = pick_year(lambda y: safe_date(y, month, day), published.year, published, hint)
    start = safe_date(year, month, day) if year else None
    if year and start is None:
        return None
    atom = _atom(m, "day", kind=kind, start=start, end=start, slot="greg", rank=5 if explicit else 3)
    if not explicit:
        atom.month_day = (month, day)
    if day2 is not None:
        end = safe_date(year, month, day2) if year else None
        if day2 <= day or (year and end is None):
            return None
        atom.cat, atom.kind, atom.end = "period", "range", end
    return atom


def _dm(m, view, published):
    d2 = m.group("dm_d2")
    return _greg_day(
        m, published, "dm_", "dm_m", int(m.group("dm_d1")), int(d2) if d2 else None, "explicit", view
    )


def _hijri_day(m, published, hm_group, d, hy_group, mark):
    hm_key = lookup(m.group(hm_group))
    month = lx.hijri_months()[hm_key]
    hy = m.group(hy_group)
    if hm_key in lx.hijri_needs_year() and not (hy or mark):
        return None
    if not 1 <= d <= 30:
        return None
    if hy:
        start = hijri_to_date(int(hy), month, d)
        if start is None:
            return None
    elif published is not None and (base := hijri_year_of(published)):
        year = pick_year(lambda y: hijri_to_date(y, month, d), base, published, None)
        start = hijri_to_date(year, month, d) if year else None
    else:
        start = None
    return _atom(m, "day", kind="hijri", start=start, end=start, slot="hijri", rank=4 if hy else 3)


def _hdm(m, view, published):
    return _hijri_day(m, published, "hd_m", int(m.group("hd_d")), "hd_y", m.group("hd_mark"))


def _month_of(published: date | None, mod: str | None) -> tuple[int, int] | None:
    if published is None:
        return None
    shift = {"past": -1, "future": 1}.get(hint_of(mod) or "", 0)
    return add_months(published.year, published.month, shift)


def _dc(m, view, published):
    d = int(m.group("dc_d"))
    ym = _month_of(published, m.group("dc_mod") or m.group("dc_mod2"))
    start = safe_date(ym[0], ym[1], d) if ym else None
    if not 1 <= d <= 31 or (ym and start is None):
        return None
    return _atom(m, "day", kind="explicit", start=start, end=start, slot="greg", rank=3)


def _ord(m, view, published):
    n = lx.ordinals()[lookup(m.group("or_w"))]
    if m.group("or_m"):
        return _greg_day(m, published, "or_", "or_m", n, None, "ordinal_day", view)
    if m.group("or_hm"):
        atom = _hijri_day(m, published, "or_hm", n, "or_hy", None)
        return atom
    ym = _month_of(published, m.group("or_mod"))
    start = safe_date(ym[0], ym[1], n) if ym else None
    if ym and start is None:
        return None
    return _atom(m, "day", kind="ordinal_day", start=start, end=start, slot="greg", rank=3)


def _night(m, view, published):
    wa = lx.weekdays()[m.group("ng_a")]
    wb = lx.weekdays()[m.group("ng_b")]
    atom = _atom(m, "period", kind="weekday", part="ليل", precision=PRECISION_DAY)
    if published is not None:
        end = weekday_on_or_before(wb, published)
        atom.start, atom.end = end - timedelta(days=(wb - wa) % 7 or 7), end
        if (wb - wa) % 7 != 1:
            atom.precision = None
    return atom


def _clock(m, view, published):
    return _atom(m, "clock", kind="time_of_day")


def _hy(m, view, published):
    r = hijri_year_range(int(m.group("hy_y")))
    if r is None:
        return None
    return _atom(m, "period", kind="hijri", start=r[0], end=r[1], unit="other")


def _year(m, view, published):
    y = int(m.group("yr_y"))
    y2 = m.group("yr_y2")
    s, e = year_range(y)
    if y2 is not None:
        y2 = int(y2)
        listed = m.group("yr_sep") == "و" and prev_word(view, m.start()) != "بين"
        if 0 < y2 - y <= 60 and not listed:
            return _atom(m, "period", kind="range", start=date(y, 1, 1), end=date(y2, 12, 31))
        # "عامي 2014 و2016" names two years, not the span between them: the second is read next.
        atom = _atom(m, "period", kind="year", start=s, end=e, unit="year")
        atom.b = m.end("yr_y")
        return atom
    return _atom(m, "period", kind="year", start=s, end=e, unit="year")


def _hmo(m, view, published):
    month = lx.hijri_months()[lookup(m.group("hm_m"))]
    hy = m.group("hm_y")
    atom = _atom(m, "period", kind="hijri", unit="other")
    if hy:
        r = hijri_month_range(int(hy), month)
    elif published is not None and (base := hijri_year_of(published)):
        hint = hint_of(m.group("hm_mod"))
        side = 1 if hint == "past" else 0  # "رمضان الماضي" is over: compare its last day

        def make(y: int) -> date | None:
            rr = hijri_month_range(y, month)
            return rr[side] if rr else None

        year = pick_year(make, base, published, hint)
        r = hijri_month_range(year, month) if year else None
    else:
        r = None
    if r:
        atom.start, atom.end = r
    return atom


def _eid(m, view, published):
    month, first, days = (10, 1, 3) if m.group("eid") == "فطر" else (12, 10, 4)
    if n := m.group("eid_n"):
        first += ("اول", "ثاني", "ثالث", "رابع").index(n)
        days = 1
    atom = _atom(m, "period", kind="hijri", unit="other")
    if hy := m.group("eid_y"):
        year = int(hy)
    elif published is not None and (base := hijri_year_of(published)):
        hint = hint_of(m.group("eid_mod"))
        year = pick_year(lambda y: hijri_to_date(y, month, first), base, published, hint)
    else:
        return atom
    start = hijri_to_date(year, month, first) if year else None
    if start is not None:
        atom.start, atom.end = start, start + timedelta(days=days - 1)
    return atom


def _mo(m, view, published):
    month = lx.gregorian_months()[lookup(m.group("mo_m"))]
    year, explicit = _year_of(m, "mo_", published)
    if not explicit and prev_word(view, m.start()) in _naming_nouns():
        return _skip(m)
    if year is None and published is not None:
        year = pick_month_year(month, published, hint_of(m.group("mo_mod")))
    atom = _atom(m, "period", kind="explicit", unit="month")
    if year:
        atom.start, atom.end = month_range(year, month)
    return atom


_REL_AFTER_TODAY_OK = frozenset({"الماضي", "الجاري", "الحالي"})


def _rel(m, view, published):
    w = " ".join(m.group("rl_w").split())
    part = None
    if "امس" in w:
        offset = -2 if "اول" in w else -1
        if next_word(view, m.end()) in ("القريب", "البعيد"):
            return None  # الأمس القريب: "the recent past"
    elif "بارحه" in w:
        offset = -1
    elif "ليله" in w:
        offset, part = (0, "ليل") if w.endswith("ليله") else (-1, "ليل")
    elif "صباح" in w or "مساء" in w:
        offset, part = 0, ("صباح" if "صباح" in w else "مساء")
    elif "اليوم" in w:
        offset = 0
        nxt = next_word(view, m.end())
        if nxt[:1].isdigit() or nxt in ("نفسه", "ذاته", "التالي", "السابق", "الموالي"):
            return None
        if nxt.startswith("ال") and nxt not in _REL_AFTER_TODAY_OK and nxt[2:] not in lx.weekdays():
            return None  # اليوم الأول، اليوم العالمي: a day, not today
        if prev_word(view, m.start()) in ("ذلك", "نفس", "تلك"):
            return None
    elif "بعد" in w:
        offset = 2
    else:  # غدا، الغد
        offset = 1
        if w.endswith("الغد") and prev_word(view, m.start()) not in _TOMORROW_AFTER:
            return None  # صحيفة الغد، حزب الغد
    start = published + timedelta(days=offset) if published else None
    return _atom(m, "day", kind="relative", start=start, end=start, part=part, slot="rel", rank=2)


def _dur(m, view, published):
    unit, count = DUR_UNITS[m.group("du_u")]
    if n := m.group("du_n"):
        count = int(n) if n.isdigit() else NUM_WORDS.get(n)
    if next_word(view, m.end()) in ("من", "علي"):
        return None  # قبل يومين من الانتخابات: before another event, not before publication
    since = m.group("du_p") == "منذ"
    if unit == "hour":
        count = 0
        unit = "day"
    if count is None or count > 400:
        return None  # منذ أيام, منذ سنوات: too vague to place
    atom = _atom(m, "period", kind="relative", role="since" if since else None)
    if published is None:
        return atom
    if unit == "day":
        s = e = published - timedelta(days=count)
        atom.precision = PRECISION_DAY if count <= 2 else PRECISION_WEEK
    elif unit == "week":
        s = e = published - timedelta(weeks=count)
        atom.precision = PRECISION_WEEK
    elif unit == "month":
        s, e = month_range(*add_months(published.year, published.month, -count))
    else:
        s, e = year_range(published.year - count)
    atom.start, atom.end = s, e
    return atom


_TWO_BEFORE = frozenset({"كلا", "بين", "هذين", "هذان", "كلتا"})
_TWO_AFTER = frozenset({"معا", "منهما", "منهم", "كليهما", "الاخرين"})
_TOMORROW_AFTER = frozenset({"يوم", "صباح", "مساء", "فجر", "ظهر", "ليل", "حتي", "بعد", "نهار", "ظهيره"})


def _wd(m, view, published):
    key = m.group("wd_n")
    wd = lx.weekdays()[key]
    yom = m.group("wd_yom")
    nxt = next_word(view, m.end())
    if key == "احد" and (nxt in ("عشر", "عشره") or prev_word(view, m.start()) in ("واحد", "الواحد")):
        return None  # الأحد عشر (eleven), الواحد الأحد
    # "الاثنين" is also "the two": كلا الاثنين، بين الاثنين، الاثنين معا.
    if key == "اثنين" and not yom and (prev_word(view, m.start()) in _TWO_BEFORE or nxt in _TWO_AFTER):
        return None
    hint = hint_of(m.group("wd_mod"))
    atom = _atom(m, "day", kind="weekday", slot="wd", rank=1, weekday=wd)
    atom.dual = bool(yom) and yom.endswith("يومي")
    if published is not None:
        if hint == "past":
            d = weekday_before(wd, published)
        elif hint == "future":
            d = weekday_after(wd, published)
        else:
            d = weekday_on_or_before(wd, published)
        atom.start = atom.end = d
    return atom


def _per(m, view, published):
    unit = {"اسبوع": "week", "شهر": "month", "عام": "year", "سنه": "year"}[m.group("pe_u")]
    mod = m.group("pe_mod")
    shift = {"past": -1, "future": 1}.get(hint_of(mod) or "", 0) if mod else 0
    atom = _atom(m, "period", kind="relative", unit=unit)
    if published is None:
        return atom
    if unit == "week":
        atom.start, atom.end = week_range(published, shift)
        atom.precision = PRECISION_WEEK
    elif unit == "month":
        atom.start, atom.end = month_range(*add_months(published.year, published.month, shift))
    else:
        atom.start, atom.end = year_range(published.year + shift)
    return atom


def _partp(m, view, published):
    return _atom(m, "partp", pp=lx.parts_of_period()[lookup(m.group("pp"))])


def _part(m, view, published):
    return _atom(m, "part", part=lx.parts_of_day()[lookup(m.group("pd"))])


_HANDLERS = {
    "ND": _nd,
    "DM": _dm,
    "HDM": _hdm,
    "DC": _dc,
    "ORD": _ord,
    "NIGHT": _night,
    "CLOCK": _clock,
    "HY": _hy,
    "YEAR": _year,
    "EID": _eid,
    "HMO": _hmo,
    "MO": _mo,
    "REL": _rel,
    "DUR": _dur,
    "WD": _wd,
    "PER": _per,
    "PARTP": _partp,
    "PART": _part,
}
