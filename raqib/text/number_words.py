"""Arabic number words and digit strings: the lexicon, the scanner patterns and the value parser.

Everything here works on the normalised view (raqib/text/normalize.py), so the lexicon is
written in ordinary spelling and folded once with ``normalize_str`` (أ/إ/آ -> ا, ة -> ه,
ئ -> ي, ى -> ي). The scanners find *atoms* (one digit string or one number word with its
proclitics); ``parse_chain`` joins adjacent atoms into number expressions (ثلاثة آلاف وخمسمئة,
400 ألف, 1.5 مليون) and splits them where Arabic grammar does not allow a compound.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from raqib.text.normalize import normalize_str

# Atom categories.
UNIT = "u"  # 1..9 (واحد، اثنين، ثلاث ...)
TEN = "ten"  # عشرة / عشر: 10 alone, or the 10 of a teen after a unit (ثلاثة عشر)
TENS = "t"  # 20..90
HUNDRED = "h"  # 100..900
SCALE = "S"  # ألف، مليون، مليار (value = scale; ``mult`` 2 for a dual, 0 for a plural)
HALF = "half"  # نصف / ربع (only meaningful next to a scale word)
VAGUE = "vague"  # عشرات، مئات، بضعة، عدة، العديد
ORDINAL = "ord"  # الأول، الثالث، العاشرة، الحادي
DUAL = "dual"  # a dual noun that safely means 2 of a non-person unit (يومين، مرتين، هدفين)
DIGITS = "d"
VP_HEAD = "vphead"  # عدد / أعداد, vague only before من
# Whole-pattern atoms (19/2/2018, 10:30, +963...) and the unit they carry.
SPECIAL = {"date": "date", "clock": "time", "phone": "phone"}

_UNITS = {
    1: "واحد واحدا واحدة أحد إحدى",
    2: "اثنان اثنين اثنتان اثنتين اثنا اثني اثنتا اثنتي",
    3: "ثلاثة ثلاث",
    4: "أربعة أربع",
    5: "خمسة خمس",
    6: "ستة ست",
    7: "سبعة سبع",
    8: "ثمانية ثماني ثمان",
    9: "تسعة تسع",
}
_TENS = {
    20: "عشرون عشرين",
    30: "ثلاثون ثلاثين",
    40: "أربعون أربعين",
    50: "خمسون خمسين",
    60: "ستون ستين",
    70: "سبعون سبعين",
    80: "ثمانون ثمانين",
    90: "تسعون تسعين",
}
# مية (colloquial 100) is left out: it is also "water" in dialect text.
_HUNDREDS = {
    100: "مئة مائة",
    200: "مئتان مئتين مئتا مئتي مائتان مائتين مائتا مائتي",
    300: "ثلاثمئة ثلاثمائة",
    400: "أربعمئة أربعمائة",
    500: "خمسمئة خمسمائة",
    600: "ستمئة ستمائة",
    700: "سبعمئة سبعمائة",
    800: "ثمانمئة ثمانمائة ثمانيمئة ثمانيمائة",
    900: "تسعمئة تسعمائة",
}
# (scale, mult): mult 1 singular, 2 dual (ألفين = 2000), 0 plural (آلاف: a multiplier after a
# number, vague alone).
_SCALES = {
    (1000, 1): "ألف ألفا",
    (1000, 2): "ألفان ألفين ألفي",
    (1000, 0): "آلاف ألوف",
    (10**6, 1): "مليون مليونا",
    (10**6, 2): "مليونان مليونين مليوني",
    (10**6, 0): "ملايين",
    (10**9, 1): "مليار مليارا بليون",
    (10**9, 2): "ملياران مليارين ملياري",
    (10**9, 0): "مليارات",
    (10**12, 1): "تريليون ترليون",
}
_HALVES = {0.5: "نصف", 0.25: "ربع"}
# Vague words: the key names the ACLED reading (see numbers.ACLED_VAGUE).
_VAGUE = {
    "tens": "عشرات",
    "hundreds": "مئات",
    "few": "بضعة بضع",
    "several": "عدة",
    "many": "العديد",
}
# Heads of "a number of" phrases: vague only with VP_TAIL after them (عدد القتلى is not).
_VP_HEADS = {"several": "عدد عددا", "many": "أعداد"}
_ORDINALS = {
    1: "أول أولى حادي حادية",
    2: "ثاني ثانية",
    3: "ثالث ثالثة",
    4: "رابع رابعة",
    5: "خامس خامسة",
    6: "سادس سادسة",
    7: "سابع سابعة",
    8: "ثامن ثامنة",
    9: "تاسع تاسعة",
    10: "عاشر عاشرة",
}
# Duals that can only mean two. Time and other units: "يومين" is a duration of 2. People:
# only nouns whose plural is broken (شخص/أشخاص، طفل/أطفال، قتيل/قتلى), so that the -ين form
# cannot be a plural: "مقتل شخصين" is 2. Nouns with a sound plural are left out (مدنيين،
# مسلحين، مصابين، معتقلين، نازحين، لاجئين، مواطنين، عاملين): the same letters are the
# genitive/accusative plural, and "2" would be wrong as often as right. Construct duals without
# ن (طفلي "my child") are left out too.
_DUALS = {
    "duration": "يومين يومان ساعتين ساعتان أسبوعين أسبوعان شهرين شهران عامين عامان سنتين سنتان "
    "دقيقتين دقيقتان ليلتين ليلتان عقدين عقدان",
    "frequency": "مرتين مرتان",
    "score": "هدفين هدفان",
    "person": "شخصين شخصان طفلين طفلان طفلتين طفلتان رجلين رجلان امرأتين امرأتان سيدتين سيدتان "
    "فتاتين فتاتان شابين شابان جنديين جنديان عنصرين عنصران قتيلين قتيلان جريحين جريحان "
    "شقيقين شقيقان ضابطين ضابطان طبيبين طبيبان حارسين حارسان رضيعين رضيعان قائدين قائدان "
    "أسيرين أسيران سجينين سجينان عائلتين عائلتان أسرتين أسرتان",
}


@dataclass(frozen=True)
class Word:
    """A lexicon entry: category, value, and for scales the dual/plural multiplier."""

    cat: str
    value: float | int | str
    mult: int = 1


@lru_cache(maxsize=1)
def lexicon() -> dict[str, Word]:
    """Folded word form -> entry."""
    lex: dict[str, Word] = {}

    def add(forms: str, word: Word) -> None:
        for f in forms.split():
            lex[normalize_str(f)] = word

    for v, forms in _UNITS.items():
        add(forms, Word(UNIT, v))
    add("عشرة عشر", Word(TEN, 10))
    for v, forms in _TENS.items():
        add(forms, Word(TENS, v))
    for v, forms in _HUNDREDS.items():
        add(forms, Word(HUNDRED, v))
    for (v, m), forms in _SCALES.items():
        add(forms, Word(SCALE, v, m))
    for v, forms in _HALVES.items():
        add(forms, Word(HALF, v))
    for v, forms in _VAGUE.items():
        add(forms, Word(VAGUE, v))
    for v, forms in _VP_HEADS.items():
        add(forms, Word(VP_HEAD, v))
    for v, forms in _ORDINALS.items():
        add(forms, Word(ORDINAL, v))
    for v, forms in _DUALS.items():
        add(forms, Word(DUAL, v, 2))
    return lex


def _trie_regex(words: list[str]) -> str:
    """A regex alternation of ``words`` factored as a trie (fast: one branch per letter)."""
    trie: dict = {}
    for w in words:
        node = trie
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}

    def build(node: dict) -> str:
        end = "" in node
        alts = [re.escape(ch) + build(child) for ch, child in sorted(node.items()) if ch]
        if not alts:
            return ""
        body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
        if end:
            body = "(?:" + body + ")?"
        return body

    return build(trie)


# Proclitic strings allowed before a number word: conjunction, preposition, article.
PREFIXES = ("", "و", "ف") + tuple(
    c + p for c in ("", "و", "ف") for p in ("ب", "ل", "ك", "ال", "بال", "كال", "لل")
)
# "عدد من", "عدد كبير من", "أعداد كبيرة من", "العديد من": the head word, then this tail.
VP_TAIL = re.compile(r"\s+(?:(?:كبير|كبيرا|كبيره)\s+)?من(?!\w)")


@lru_cache(maxsize=1)
def digit_scanner() -> re.Pattern[str]:
    """Digit atoms. Groups: ``date`` (19/2/2018, 2018-02-19), ``clock`` (10:30), ``phone``
    (+963..., 00963...), ``num`` (digit strings with separators). The leading look-ahead lets
    the engine skip to the next digit quickly."""
    return re.compile(
        r"(?=[\d+])(?:"
        r"(?P<date>(?<![\d.,/])(?:\d{1,2}[/.-]\d{1,2}[/.-](?:\d{4}|\d{2})|\d{4}[/-]\d{1,2}[/-]\d{1,2})(?![\d/]))"
        r"|(?P<clock>(?<![\d:])\d{1,2}:\d{2}(?::\d{2})?(?![\d:]))"
        r"|(?P<phone>(?<![\w+])(?:\+|00)\d{3}[\d -]{5,}\d)"
        r"|(?P<num>\d+(?:[.,]\d+)*))"
    )


@lru_cache(maxsize=1)
def word_scanner() -> re.Pattern[str]:
    """Number words with their proclitics, as one trie of every prefixed form (a trie is about
    six times faster than an optional prefix group followed by the word trie)."""
    forms = {p + w for p in PREFIXES for w in lexicon()}
    return re.compile(r"(?<!\w)(?:" + _trie_regex(sorted(forms)) + r")(?!\w)")


@lru_cache(maxsize=4096)
def split_prefix(token: str) -> tuple[str, str]:
    """(proclitics, word) of a word_scanner hit, preferring the unprefixed reading (بضعة)."""
    lex = lexicon()
    for k in range(0, min(max(map(len, PREFIXES)) + 1, len(token))):
        if token[k:] in lex and token[:k] in PREFIXES:
            return token[:k], token[k:]
    return "", token


def digits_value(
    s: str, decimal_marks: frozenset[int] = frozenset(), *, scaled: bool = False
) -> float | int | None:
    """Value of a digit string from the view: ``1,200`` -> 1200, ``1.200.000`` -> 1200000,
    ``1.5`` -> 1.5, ``106,78`` -> 106.78. ``decimal_marks`` are indexes in ``s`` whose original
    character was the Arabic decimal separator ٫ (the view folds it to "."). ``scaled``: a scale
    word follows, so a lone "." before three digits is a decimal point (1.250 مليون).
    None for strings that are not one number (1.2.3)."""
    seps = [i for i, ch in enumerate(s) if ch in ".,"]
    if not seps:
        return int(s)
    groups = re.split(r"[.,]", s)
    chars = [s[i] for i in seps]
    if len(seps) == 1:
        i = seps[0]
        tail = groups[1]
        thousands = (
            len(tail) == 3
            and 1 <= len(groups[0]) <= 3
            and groups[0] != "0"
            and i not in decimal_marks
            and not (scaled and chars[0] == ".")
        )
        return int(groups[0] + tail) if thousands else _num(float(groups[0] + "." + tail))
    # Several separators: all but possibly the last group the thousands ones (1,200,000 /
    # 1.200.000 / 1,200.5 / 1.200,5).
    first = chars[0]
    if any(i in decimal_marks for i in seps[:-1]) or not 1 <= len(groups[0]) <= 3:
        return None
    if all(c == first for c in chars) and all(len(g) == 3 for g in groups[1:]):
        return int("".join(groups))
    if all(c == first for c in chars[:-1]) and chars[-1] != first and all(len(g) == 3 for g in groups[1:-1]):
        return _num(float("".join(groups[:-1]) + "." + groups[-1]))
    return None


def _num(v: float) -> float | int:
    """An int when the value is whole (1.5 مليون -> 1500000)."""
    return int(v) if float(v).is_integer() else v


@dataclass(slots=True)
class Atom:
    """One scanner hit, in view offsets. ``start`` excludes proclitics (and ``lead`` counts
    the proclitic letters before it that are clitics, not the article)."""

    start: int
    end: int
    cat: str
    value: float | int | str | None
    mult: int = 1
    pre: str = ""  # proclitics in the view, e.g. "و", "بال"
    article: bool = False  # the word carries ال
    form: str = ""  # the folded word without proclitics
    cstart: int = -1  # start including the proclitics
    latin: bool = False  # digits glued to Latin letters (F16, T4)


@dataclass(slots=True)
class Parsed:
    """A number expression built from one or more atoms (view offsets)."""

    start: int
    end: int
    value: float | int | None
    kind: str  # "digits", "words", "vague", "ordinal", "dual", "date", "clock", "phone"
    atoms: list[Atom]
    vague_key: str | None = None  # for vague: tens, hundreds, thousands, few, several, many
    scale: int = 1  # the largest scale word used (ألف -> 1000)
    unit: str | None = None

    @property
    def first(self) -> Atom:
        return self.atoms[0]

    @property
    def last(self) -> Atom:
        return self.atoms[-1]


_PLURAL_VAGUE = {1000: "thousands", 10**6: "millions", 10**9: "billions"}


def parse_chain(atoms: list[Atom], links: list[str]) -> list[Parsed]:
    """Group a run of adjacent atoms into number expressions.

    ``links[i]`` joins atoms[i] and atoms[i+1]: "sp" (space), "wa" (the conjunction و) or ""
    (not joined). Arabic compounds: units before tens joined by و (خمسة وعشرين), teens by space
    (ثلاثة عشر), hundreds, then a scale word multiplying what precedes it (ثلاثة آلاف، 400 ألف),
    then و and a smaller group (وخمسمئة). Anything else starts a new expression.
    """
    out: list[Parsed] = []
    i = 0
    while i < len(atoms):
        j, p = _parse_one(atoms, links, i)
        if p is not None:
            out.append(p)
        i = j
    return out


def _parse_one(atoms: list[Atom], links: list[str], i: int) -> tuple[int, Parsed | None]:
    a = atoms[i]
    link = links[i] if i < len(links) else ""
    nxt = atoms[i + 1] if i + 1 < len(atoms) else None
    if a.cat in SPECIAL:
        return i + 1, Parsed(a.start, a.end, None, a.cat, [a], unit=SPECIAL[a.cat])
    if a.cat == VAGUE:
        # عشرات الآلاف، بضعة آلاف، بضع عشرات: a vague word with a vague follower.
        if (
            nxt is not None
            and link == "sp"
            and (nxt.cat == VAGUE and nxt.value in ("tens", "hundreds") or _is_plural_scale(nxt))
        ):
            tail = str(nxt.value) if nxt.cat == VAGUE else _PLURAL_VAGUE[int(nxt.value)]
            key = f"{a.value}_{tail}"
            scale = 1 if nxt.cat == VAGUE else int(nxt.value)
            return i + 2, Parsed(a.start, nxt.end, None, "vague", [a, nxt], key, scale)
        return i + 1, Parsed(a.start, a.end, None, "vague", [a], str(a.value))
    if a.cat == ORDINAL:
        return _parse_ordinal(atoms, links, i)
    if a.cat == DUAL:
        unit = None if a.value == "person" else str(a.value)
        return i + 1, Parsed(a.start, a.end, 2, "dual", [a], unit=unit)
    if _is_plural_scale(a):
        return i + 1, Parsed(a.start, a.end, None, "vague", [a], _PLURAL_VAGUE[int(a.value)], int(a.value))
    if a.cat == HALF and not (nxt is not None and link == "sp" and nxt.cat == SCALE and nxt.mult == 1):
        return i + 1, None  # نصف alone is a fraction of something, not a number

    k, value, used, biggest = _parse_compound(atoms, links, i)
    kind = "digits" if any(u.cat == DIGITS for u in used) else "words"
    return k, Parsed(a.start, used[-1].end, _num(value), kind, used, scale=biggest)


def _parse_compound(atoms: list[Atom], links: list[str], i: int) -> tuple[int, float, list[Atom], int]:
    """(next index, value, atoms used, biggest scale) of the compound starting at atoms[i]."""
    a = atoms[i]
    group, places, last_scale, total, biggest = _start(a)
    used = [a]
    group_from = -1  # index in ``used`` where a group joined by و after a scale begins
    k = i
    while k + 1 < len(atoms) and links[k]:
        link, b = links[k], atoms[k + 1]
        ok = False
        if (
            b.cat == SCALE
            and b.mult != 2
            and not b.article
            and group is not None
            and link == "sp"
            and b.value < last_scale
        ):
            # 400 ألف، ثلاثة آلاف، مئتي ألف، 1.5 مليون
            total += group * b.value
            last_scale = int(b.value)
            biggest = max(biggest, last_scale)
            group, places, group_from, ok = None, set(), -1, True
        elif (
            group is None and link == "wa" and b.cat == HALF and b.value == 0.5 and last_scale < float("inf")
        ):
            total += 0.5 * last_scale  # مليون ونصف
            ok = True
        elif group is None and link == "wa" and b.cat in (UNIT, TEN, TENS, HUNDRED, DIGITS):
            if float(b.value) < last_scale:
                group, places = _group_start(b)
                group_from, ok = len(used), True
        elif group is None and link == "wa" and b.cat == SCALE and b.mult != 0 and b.value < last_scale:
            total += b.value * b.mult  # مليون وألفين
            last_scale = int(b.value)
            ok = True
        elif group is not None:
            ok, group, places = _extend_group(group, places, b, link)
        if not ok:
            if group_from > 0 and b.cat == SCALE and link == "sp":
                # "20 ألفا و30 ألفا": the group after و belongs to the next number.
                used = used[:group_from]
                group = None
            break
        used.append(b)
        k += 1
    k = i + len(used)
    return k, total + (group or 0), used, biggest


def _is_plural_scale(a: Atom) -> bool:
    return a.cat == SCALE and a.mult == 0


def _group_value_of(a: Atom) -> float:
    return float(a.value)


def _group_start(a: Atom) -> tuple[float, set[str]]:
    if a.cat == UNIT:
        return float(a.value), {"u"}
    if a.cat == TEN:
        return 10.0, {"u", "t"}
    if a.cat == TENS:
        return float(a.value), {"t"}
    if a.cat == HUNDRED:
        return float(a.value), {"h"}
    # digits: a finished group, nothing may be added by words
    return float(a.value), {"h", "t", "u"}


def _start(a: Atom) -> tuple[float | None, set[str], float, float, int]:
    """(group, places, last_scale, total, biggest) after the first atom of an expression."""
    if a.cat == SCALE:
        # ألف، مليون، ألفين standing first: a complete scale group.
        return None, set(), int(a.value), float(a.value) * a.mult, int(a.value)
    if a.cat == HALF:
        return float(a.value), {"h", "t", "u"}, float("inf"), 0.0, 1
    group, places = _group_start(a)
    return group, places, float("inf"), 0.0, 1


def _extend_group(group: float, places: set[str], b: Atom, link: str) -> tuple[bool, float, set[str]]:
    """Add atom ``b`` to the group below a thousand, if the grammar allows."""
    if link == "sp":
        if b.cat == TEN and places == {"u"}:
            return True, group + 10, {"u", "t"}  # ثلاثة عشر، إحدى عشرة
        if b.cat == HUNDRED and b.value == 100 and places == {"u"} and group >= 3:
            return True, group * 100, {"h"}  # ثلاث مئة
        return False, group, places
    # link == "wa"
    if b.cat == TENS and places in ({"u"}, {"h", "u"}, {"h"}):
        return True, group + float(b.value), places | {"t"}
    if b.cat in (UNIT, TEN) and places == {"h"}:
        return True, group + float(b.value), places | ({"u", "t"} if b.cat == TEN else {"u"})
    if b.cat == DIGITS and places == {"h"} and float(b.value) < 100:
        return True, group + float(b.value), {"h", "t", "u"}
    return False, group, places


def _parse_ordinal(atoms: list[Atom], links: list[str], i: int) -> tuple[int, Parsed]:
    """الحادي عشر، الثالث عشر، الرابع والعشرين (ordinal unit + ال-tens), العاشرة."""
    a = atoms[i]
    value = int(a.value)
    used = [a]
    if i + 1 < len(atoms):
        b = atoms[i + 1]
        link = links[i]
        if link == "sp" and b.cat == TEN and value <= 9:
            value += 10  # الحادي عشر، الثالث عشر
            used.append(b)
        elif link == "wa" and b.cat == TENS and value <= 9:
            value += int(b.value)
            used.append(b)
    return i + len(used), Parsed(a.start, used[-1].end, value, "ordinal", used, unit="ordinal")
