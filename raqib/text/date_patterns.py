"""The date-atom regex: one compiled alternation scanned once over the normalised view.

Each top-level alternative is a named group (ND, DM, HDM, ...) whose inner groups carry the
parts; raqib/text/date_atoms.py turns a match into an atom and raqib/text/dates.py merges atoms
into expressions. At one position the first alternative that matches wins, so longer and more
specific forms come first. The view is folded (أ -> ا, ة -> ه, ى -> ي, Arabic-Indic digits ->
ASCII), so every literal here is written folded.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

import regex

from raqib.text import date_lexicon as lx

L = r"\b(?<![\p{L}\p{N}])"  # word start (\b first: cheap, lets the engine skip)
R = r"(?![\p{L}\p{N}])"  # word end
ART = r"(?:[وف]?(?:ال|بال|لل|كال))"  # the article with its proclitics
PRO = r"(?:[وف]?[بلك]?)"  # proclitics before a bare noun
YNUM = r"(?:1[89]|20)\d\d"
HYNUM = r"1[34]\d\d"
HMARK = r"(?:\s*(?:ه|هجري|هجريه|للهجره)(?![\p{L}]))"
YCUE = r"(?:[وف]?(?:ب|ل|لل|ال|بال)?(?:عام|عامي|عامين|سنه|سنتي|سنتين|اعوام|سنوات))"
SEP_RANGE = r"(?:-|/|و|الي|حتي|وحتي|والي|ولغايه|لغايه)"
WEAK_PREPS = ("في", "من", "الي", "قبل", "بعد", "بين", "و")
# fmt: off
STRONG_PREPS = (
    "منذ", "حتى", "خلال", "لغاية", "بحلول", "مطلع", "أوائل", "أواخر", "منتصف", "أواسط", "بداية", "نهاية",
)
# fmt: on
# fmt: off
NUM_WORDS = {
    "ثلاثه": 3, "ثلاث": 3, "اربعه": 4, "اربع": 4, "خمسه": 5, "خمس": 5, "سته": 6, "ست": 6,
    "سبعه": 7, "سبع": 7, "ثمانيه": 8, "ثماني": 8, "ثمان": 8, "تسعه": 9, "تسع": 9, "عشره": 10, "عشر": 10,
}
# fmt: on
# fmt: off
DUR_UNITS = {
    "يوم": ("day", 1), "يوما": ("day", 1), "يومين": ("day", 2), "ايام": ("day", None),
    "اسبوع": ("week", 1), "اسبوعا": ("week", 1), "اسبوعين": ("week", 2), "اسابيع": ("week", None),
    "شهر": ("month", 1), "شهرا": ("month", 1), "شهرين": ("month", 2), "اشهر": ("month", None),
    "شهور": ("month", None), "عام": ("year", 1), "عاما": ("year", 1), "عامين": ("year", 2),
    "اعوام": ("year", None), "سنه": ("year", 1), "سنتين": ("year", 2), "سنوات": ("year", None),
    "ساعه": ("hour", 1), "ساعتين": ("hour", 2), "ساعات": ("hour", None),
}
# fmt: on


def _mods() -> str:
    return lx.alternation(lx.PAST + lx.FUTURE + lx.CURRENT)


def _year(p: str) -> str:
    """An optional year after a month: " 2018", "، 2018", " عام 2018", " من العام الماضي"."""
    mods = _mods()
    return (
        rf"(?:\s*,?\s*(?:من\s+)?(?:(?:ال)?عام\s+|(?:ال)?سنه\s+)?(?P<{p}y>{YNUM})(?:\s*م(?![\p{{L}}]))?(?!\d)"
        rf"|\s+(?:من\s+)?(?:(?:ال)?عام|(?:ال)?سنه)\s+(?P<{p}yrel>{mods})"
        rf"|\s+من\s+(?P<{p}ythis>هذا\s+العام|هذه\s+السنه|العام|السنه)(?![\p{{L}}]))"
    )


def _pair(p: str, mon: str) -> str:
    """An optional second name of the same month: "شباط/فبراير", "آذار (مارس)", "أغسطس/ آب"."""
    return rf"(?:\s*(?:/|\\|-|\s)\s*(?P<{p}m2>{mon})|\s*\(\s*(?P<{p}m2>{mon})\s*\))?"


def _mod(p: str) -> str:
    return rf"(?:\s+(?P<{p}mod>{_mods()}))?"


@lru_cache(maxsize=1)
def alternatives() -> dict[str, str]:
    mon = lx.alternation(lx.gregorian_months())
    mon_u = lx.alternation(m for m in lx.gregorian_months() if m not in lx.ambiguous_months())
    hmon = lx.alternation(lx.hijri_months())
    hmon_named = lx.alternation(m for m in lx.hijri_months() if m not in lx.hijri_needs_year())
    wd = lx.alternation(lx.weekdays())
    ordw = lx.alternation(lx.ordinals())
    hours = lx.alternation(lx.hours())
    pod = lx.alternation(lx.parts_of_day())
    pop = lx.alternation(lx.parts_of_period())
    mods = _mods()

    def cur_month(p: str) -> str:
        return rf"(?:هذا\s+الشهر|الشهر(?:\s+(?P<{p}mod>{mods}))?(?![\p{{L}}]))"

    strong = lx.alternation(STRONG_PREPS + tuple(lx.PARTS_OF_PERIOD))
    weak = "|".join(WEAK_PREPS)
    durunits = "|".join(sorted(DUR_UNITS, key=len, reverse=True))
    numwords = "|".join(sorted(NUM_WORDS, key=len, reverse=True))
    day = r"(?:[وفبل]{0,2}(?:ال)?)"  # "الـ24" folds to "ال24"; "و24"
    yom = r"(?:[وف]?[بل]?(?:يوم|نهار)\s+)"

    alts = {
        # 19/2/2018, 19-2-2018, 19.2.2018, 2018-02-19 (day first: the Arab convention).
        "ND": (
            rf"[وفبل]{{0,2}}(?<![\p{{N}}/.\-])(?:(?P<nd_a>[0-3]?\d)(?P<nd_s>[/.\-])(?P<nd_b>[01]?\d)(?P=nd_s)(?P<nd_c>{YNUM})"
            rf"|(?P<nd_c>{YNUM})(?P<nd_s>[/.\-])(?P<nd_b>[01]?\d)(?P=nd_s)(?P<nd_a>[0-3]?\d))(?![\p{{N}}]|[/.\-]\d)"
        ),
        # 24 شباط/فبراير 2018 الماضي; 1 إلى 5 آذار; بين 3 و5 آذار; 24 من شهر شباط.
        "DM": (
            rf"{yom}?{day}(?P<dm_d1>[0-3]?\d)(?:\s*(?:-|الي|حتي|و)\s*(?:ال)?(?P<dm_d2>[0-3]?\d))?"
            rf"\s*(?:من\s+)?(?:شهر\s+)?(?P<dm_m>{mon}){_pair('dm_', mon)}{_year('dm_')}?{_mod('dm_')}{R}"
        ),
        # 15 رمضان 1439 هـ.
        "HDM": (
            rf"{yom}?{day}(?P<hd_d>[0-3]?\d)\s+(?:من\s+)?(?:شهر\s+)?(?P<hd_m>{hmon})"
            rf"(?:\s*,?\s*(?:من\s+)?(?:(?:ال)?عام\s+|(?:ال)?سنه\s+)?(?P<hd_y>{HYNUM}))?(?P<hd_mark>{HMARK})?{R}"
        ),
        # 24 الجاري, 5 من الشهر الماضي.
        "DC": (
            rf"{yom}?{day}(?P<dc_d>[0-3]?\d)\s+(?:من\s+{cur_month('dc_')}"
            rf"|(?:الشهر\s+)?(?P<dc_mod2>الجاري|الحالي)(?![\p{{L}}]))"
        ),
        # الثالث من الشهر الجاري, العاشر من آذار, الخامس من رمضان.
        "ORD": (
            rf"{yom}?[وف]?[بل]?(?P<or_w>{ordw})\s+من\s+(?:{cur_month('or_')}"
            rf"|(?:شهر\s+)?(?P<or_m>{mon}){_pair('or_', mon)}{_year('or_')}?{_mod('or_')}"
            rf"|(?:شهر\s+)?(?P<or_hm>{hmon})(?:\s+(?P<or_hy>{HYNUM}))?{HMARK}?){R}"
        ),
        # ليل الخميس الجمعة, ليلة الخميس - الجمعة, ليل الخميس على الجمعة.
        "NIGHT": (
            rf"{PRO}(?:منتصف\s+)?(?:ليل|ليله)\s+(?:يوم\s+)?{ART}(?P<ng_a>{wd})\s*(?:-|/|,|،|و|الي|علي)?\s*"
            rf"{ART}(?P<ng_b>{wd}){R}"
        ),
        # الساعة العاشرة والنصف, الساعة 10:30, الواحدة من (صباح اليوم).
        "CLOCK": (
            rf"(?:[وف]?(?:تمام\s+)?(?:ال)?ساعه\s+(?P<ck_h>{hours}|[0-2]?\d(?:[:.,][0-5]\d)?)"
            rf"(?:\s+و\s*(?:النصف|الربع|ثلث|\d{{1,2}}\s+دقيقه))?(?:\s+(?:الا\s+)?(?:ربعا|ربع|ثلثا|ثلث))?"
            rf"(?:\s+من(?=\s+{PRO}{pod}{R}))?"
            rf"|(?P<ck_h>{hours})(?:\s+و\s*(?:النصف|الربع|ثلث))?\s+(?:من(?=\s+{PRO}{pod}{R})|(?={pod}{R}))"
            rf"|(?:ال)?ساعات\s+(?:ال)?اولي\s+من(?=\s+{PRO}{pod}{R})){R}"
        ),
        # 1439 هـ.
        "HY": rf"(?:{YCUE}\s+)?(?P<hy_y>{HYNUM}){HMARK}",
        # عام 2012, منذ 2011, بين عامي 2011 و2014, 2011-2014.
        "YEAR": (
            rf"(?:{YCUE}\s+(?P<yr_y>{YNUM})"
            rf"|(?<=(?:^|[^\p{{L}}])[وف]?(?P<yr_sp>{strong})\s+)(?P<yr_y>{YNUM})"
            rf"|(?<=(?:^|[^\p{{L}}])[وف]?(?P<yr_wp>{weak})\s+)(?P<yr_y>{YNUM})(?=\s*(?:[.,،؛:)\"\n؟!]|$|و\s*{YNUM}|\s*{SEP_RANGE}\s*{YNUM}|\s+(?:حتي|الي|لغايه|وحتي){R}))"
            rf"|(?P<yr_y>{YNUM})(?=\s*-\s*{YNUM})"
            rf"|(?<={YNUM}\s*)[وف]\s*(?P<yr_y>{YNUM}))"
            rf"(?:\s*(?P<yr_sep>{SEP_RANGE})\s*(?:(?:ال)?عام\s+)?(?P<yr_y2>{YNUM}))?(?:\s*م(?![\p{{L}}]))?(?![\p{{N}}]|[/.\-]\d|\s*{HMARK})"
        ),
        # شهر رمضان المبارك, رمضان 1439, رمضان الماضي.
        # عيد الفطر، أول أيام عيد الأضحى (1 Shawwal; 10 Dhu al-Hijja).
        "EID": (
            rf"(?:(?P<eid_n>اول|ثاني|ثالث|رابع)\s+ايام\s+)?{PRO}عيد\s+ال(?P<eid>فطر|اضحي)"
            rf"(?:\s+(?:المبارك|السعيد))?(?:\s+(?:لعام\s+|عام\s+)?(?P<eid_y>{HYNUM}){HMARK}?)?{_mod('eid_')}{R}"
        ),
        "HMO": (
            rf"(?:{PRO}شهر\s+(?P<hm_m>{hmon})(?:\s+(?P<hm_y>{HYNUM}))?{HMARK}?"
            rf"(?:\s+(?:المبارك|الفضيل|الكريم|المعظم))?{_mod('hm_')}"
            rf"|(?P<hm_m>{hmon})\s+(?P<hm_y>{HYNUM}){HMARK}?"
            rf"|(?P<hm_m>{hmon_named})\s+(?P<hm_mod>{mods})){R}"
        ),
        # شهر آذار, آذار 2018, شباط/فبراير الماضي, (في) نيسان.
        "MO": (
            rf"(?:{PRO}(?:شهر|شهري)\s+(?P<mo_m>{mon}){_pair('mo_', mon)}"
            rf"|(?P<mo_m>{mon})(?=\s*(?:/|\\|\(|-|\s)\s*{mon}){_pair('mo_', mon)}"
            rf"|(?P<mo_m>{mon_u})"
            rf"|(?P<mo_m>{mon})(?={_year('x_')}))"
            rf"{_year('mo_')}?{_mod('mo_')}{R}"
        ),
        # اليوم، أمس، أول من أمس، البارحة، غداً، الليلة الماضية.
        "REL": (
            rf"{yom}?(?P<rl_w>اول\s+من\s+امس|اول\s+امس|امس\s+الاول|[وف]?(?:بال|ال|لل)?امس|[وف]?[بل]?(?:ال)?بارحه"
            rf"|[وف]?(?:ب|ل)?اليوم|غدا|[وف]?(?:بال|ال|لل)غد|بعد\s+غد"
            rf"|[وف]?(?:ال|بال|في\s+ال)ليله\s+(?:{lx.alternation(lx.PAST)})"
            rf"|[وف]?(?:هذه\s+)?الليله|هذا\s+الصباح|هذا\s+المساء|هذا\s+اليوم){R}"
        ),
        # منذ ثلاثة أيام, قبل يومين, قبل 15 يوما.
        "DUR": (
            rf"[وف]?(?P<du_p>قبل|منذ)\s+(?:نحو\s+|حوالي\s+|قرابه\s+)?(?:(?P<du_n>\d{{1,3}}|{numwords})\s+)?"
            rf"(?P<du_u>{durunits}){R}(?!\s*(?:\d|ال?ماضي))"
        ),
        # السبت، يوم الأحد، الجمعة الماضي، يومي السبت.
        "WD": (
            rf"(?:(?P<wd_yom>[وف]?[بل]?(?:يوم|يومي|نهار))\s+)?(?P<wd_art>{ART})(?P<wd_n>{wd})"
            rf"(?:\s+(?P<wd_mod>{lx.alternation(lx.PAST + lx.FUTURE)}))?{R}"
        ),
        # الأسبوع الماضي، الشهر الجاري، هذا العام، (مطلع) العام.
        "PER": (
            rf"(?:{PRO}(?:هذا|هذه)\s+ال(?P<pe_u>اسبوع|شهر|عام|سنه)"
            rf"|{ART}(?P<pe_u>اسبوع|شهر|عام|سنه)\s+(?P<pe_mod>{mods})"
            rf"|(?<={pop}\s+)ال(?P<pe_u>اسبوع|شهر|عام|سنه)(?!\s*\d)){R}"
        ),
        # أواخر، مطلع، منتصف، النصف الأول من.
        "PARTP": rf"{PRO}(?P<pp>{pop}){R}(?=\s)",
        # فجر، صباح، مساءً، ليلة.
        "PART": rf"{PRO}(?P<pd>{pod}){R}",
    }
    return alts


@lru_cache(maxsize=64)
def pattern_for(names: frozenset[str]) -> regex.Pattern:
    """The alternation of the named atoms only, in their global order of preference."""
    alts = alternatives()
    body = "|".join(f"(?P<{n}>{alts[n]})" for n in alts if n in names)
    return regex.compile(rf"{L}(?:{body})", regex.V0)


DIGIT = frozenset({"ND", "DM", "HDM", "DC", "HY", "YEAR"})


@dataclass(frozen=True)
class Gate:
    """The candidate-word scan: ``pattern`` finds words that may start an atom; ``forms`` says
    which atoms each word may start; ``nexts`` (word -> prefixes) and ``digit_next`` say what
    must follow a frequent word or a short number for it to be worth trying."""

    pattern: re.Pattern
    forms: dict[str, frozenset[str]]
    nexts: dict[str, tuple[str, ...]]
    digit_next: tuple[str, ...]


_PROCLITICS = ("", "و", "ف", "ب", "ل", "ك", "وب", "ول", "فب", "فل", "وك")


@lru_cache(maxsize=1)
def gate() -> Gate:
    """A fast scan for the words that can start an atom, and which atoms each can start.

    Trying every alternative at every word start costs about 5 ms per 3 KB article; this
    trie-shaped ``re`` pattern finds the few candidate words (about 0.2 ms), and each is then
    tried against only the atoms its word can begin.
    """
    forms: dict[str, frozenset[str]] = {}
    nexts: dict[str, tuple[str, ...]] = {}

    def add(words, names: tuple[str, ...], article: str = "none", need: tuple[str, ...] | None = None):
        """``article``: "none" (the word as written), "only" (with ال/لل) or "both"."""
        for w in words:
            stem = w.split()[0]
            variants = {stem} if article != "only" else set()
            if article != "none":
                variants |= {"ال" + stem, "لل" + stem}
            for v in variants:
                for pre in _PROCLITICS:
                    forms[pre + v] = forms.get(pre + v, frozenset()) | frozenset(names)
                    if need is not None:
                        nexts[pre + v] = need

    digits = tuple("0123456789")
    units = tuple(DUR_UNITS) + tuple(NUM_WORDS) + ("نحو", "حوالي", "قرابه") + digits
    ordinal_next = ("من", "عشر", "و") + tuple(lx.parts_of_day())
    year_words = ("YEAR", "HY", "PER")
    add(["عام", "سنه", "عامين", "عامي", "سنتي", "سنتين"], year_words, "both")
    add(["عام", "سنه", "اعوام", "سنوات"], year_words, "none", need=digits)
    add(["اعوام", "سنوات"], year_words, "only", need=digits)
    add(["يوم", "يومي"], ("DM", "HDM", "DC", "ORD", "WD", "REL"), "both")
    add(["نهار"], ("DM", "HDM", "DC", "ORD", "WD", "REL", "PART"))
    add(["شهر", "شهري"], ("HMO", "MO", "PER"), "both")
    add(["اسبوع"], ("PER",), "only")
    add(["ساعه", "ساعات"], ("CLOCK",), "both")
    add(["تمام"], ("CLOCK",))
    add(lx.ordinals(), ("ORD",), need=ordinal_next)
    add(lx.hours(), ("CLOCK", "ORD"), need=ordinal_next)
    add(lx.parts_of_day(), ("PART",))
    add(["ليل", "ليله"], ("NIGHT", "PART", "REL"), "both")
    add(["منتصف"], ("NIGHT", "PART", "PARTP"))
    add(["بعد"], ("PART", "REL"), need=("ظهر", "غد"))
    add(["امس", "بارحه", "غد"], ("REL",), "both")
    add(["غدا", "اول"], ("REL", "ORD", "PARTP"))
    add(["هذا"], ("PER", "REL"), need=("الصباح", "المساء", "اليوم", "الاسبوع", "الشهر", "العام"))
    add(["هذه"], ("PER", "REL"), need=("الليله", "السنه"))
    add(["قبل", "منذ"], ("DUR",), need=units)
    add(lx.gregorian_months(), ("MO",))
    add(lx.hijri_months(), ("HMO",))
    add(["عيد"], ("EID",))
    add(["اول", "ثاني", "ثالث", "رابع"], ("EID", "REL", "ORD", "PARTP"))
    add(lx.weekdays(), ("WD",), "only")
    add(lx.parts_of_period(), ("PARTP",))
    # A one- or two-digit number starts a date only before a month, a range word, "من" or
    # الجاري/الحالي (or glued to / . - as in 19/2/2018); four digits may be a year.
    months = {m.split()[0] for m in list(lx.gregorian_months()) + list(lx.hijri_months())}
    digit_next = tuple(sorted(months)) + ("من", "الجاري", "الحالي", "الشهر", "شهر", "و", "الي", "حتي", "-")
    # Numbers join the trie as "#" (a digit) after the proclitics "و24", "ال24", "بال24".
    clitics = [""] + list("وفبل") + [a + b for a in "وفبل" for b in "وفبل"]
    numbers = [c + art + "#" for c in clitics for art in ("", "ال")]
    pattern = re.compile(r"\b" + _trie(list(forms) + numbers))
    return Gate(pattern, forms, nexts, digit_next)


def _trie(words) -> str:
    """A regex alternation of ``words`` shaped as a trie, so that ``re`` fails each branch at
    its first character instead of trying thousands of words one by one. A word must end at a
    word boundary; "#" stands for a digit and ends the match there."""
    root: dict = {}
    for w in words:
        node = root
        for ch in w:
            node = node.setdefault(ch, {})
        node["\0"] = {}

    def build(node: dict) -> str:
        branches = []
        for ch, sub in sorted(node.items()):
            if ch == "\0":
                branches.append(r"(?!\w)")
            elif ch == "#":
                branches.append(r"\d")
            else:
                branches.append(re.escape(ch) + build(sub))
        return branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"

    return build(root)
