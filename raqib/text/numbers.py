"""Number expressions of an article: digits in any script, number words, scales, approximations,
ranges, updates, vague quantities, and the unit of numbers that do not count people.

``find_quantities`` scans the normalised view with two compiled patterns (number_words:
digit strings; number words with their proclitics), joins adjacent atoms into expressions
(number_words.parse_chain), reads a few tokens on each side to decide the unit (number_units),
the qualifier, range or update (number_context), and maps every span back to the original text.

Spans: the number expression without attached proclitics (و ب ل ف ك) but with ال
(العشرات); a qualifier written before the number is part of the span (نحو 300، أكثر من
عشرين), one written after it is not (10 أشخاص على الأقل: the span is "10"); a range or update
spans both ends (بين 300 و400، من 10 إلى 21).

Units (``Quantity.unit``; None means the number may count people): percent, money, distance,
area, weight, volume, measure (Richter, megawatts...), temperature, duration, age, time (time of
day), date (a day of the month, 19/2/2018), year, reference (resolution, article, military unit
or model numbers), phone, ordinal (also list items "1- ..."), frequency (3 مرات), score (2-1,
هدفين). Safe duals count 2 (شخصين، طفلين: see number_words._DUALS).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from raqib.model.numbers import Quantity
from raqib.model.span import Span
from raqib.text import number_context as C
from raqib.text.normalize import NormalizedText, normalize
from raqib.text.number_units import elative, unit_of
from raqib.text.number_words import (
    DIGITS,
    HUNDRED,
    ORDINAL,
    PREFIXES,
    SCALE,
    SPECIAL,
    UNIT,
    VAGUE,
    VP_HEAD,
    VP_TAIL,
    Atom,
    Parsed,
    digit_scanner,
    digits_value,
    lexicon,
    parse_chain,
    split_prefix,
    word_scanner,
)

# ACLED's conventions for vague counts (ACLED FAQ "Fatalities", 2023: "tens" 10, "dozens" 12,
# "hundreds" 100, "and so on"; "several"/"many"/unknown plural 10). عشرات is read as "dozens"
# (12), as raqib/settings.py states; literally it is "tens" (10). آلاف follows "and so on": 1000.
# Combined forms take the lower bound of the phrase: عشرات الآلاف 10,000, مئات الآلاف 100,000;
# "a few/several thousand" (بضعة آلاف) the scale itself.
ACLED_VAGUE: dict[str, int] = {
    "tens": 12,
    "hundreds": 100,
    "thousands": 1000,
    "millions": 10**6,
    "billions": 10**9,
    "few": 10,
    "several": 10,
    "many": 10,
}
_VAGUE_SCALE = {"tens": 10, "hundreds": 100, "thousands": 1000, "millions": 10**6, "billions": 10**9}

_TOK = re.compile(r"\w+|[^\w\s]|\n")
_LATIN = re.compile(r"[a-z]")


def acled_value(key: str) -> int | None:
    """ACLED's number for a vague key ("tens", "tens_thousands", "few_hundreds"...)."""
    if "_" not in key:
        return ACLED_VAGUE.get(key)
    head, tail = key.split("_", 1)
    if head in ("tens", "hundreds"):
        return _VAGUE_SCALE[head] * _VAGUE_SCALE[tail]
    return ACLED_VAGUE.get(tail)


@dataclass(slots=True)
class _Item:
    """A parsed expression with its context decisions (view offsets)."""

    p: Parsed
    start: int  # span start (after proclitics, with ال)
    end: int
    cstart: int  # start with proclitics
    value: float | int | None
    unit: str | None = None
    qualifier: str | None = None
    approximate: bool = False
    upper: float | int | None = None
    previous: float | int | None = None
    vague_key: str | None = None


def find_quantities(
    doc_text: str,
    view: NormalizedText,
    *,
    acled_vague: bool = False,
    start: int = 0,
    end: int | None = None,
) -> list[Quantity]:
    """Every number expression of ``doc_text[start:end]``, sorted and non-overlapping.

    ``view`` is ``normalize(doc_text)``; spans are offsets into ``doc_text``. With
    ``acled_vague`` vague quantities get ACLED's conventional values (ACLED_VAGUE)."""
    vt = view.text
    vlo = view.to_view(start) if start else 0
    vhi = len(vt) if end is None else view.to_view(end)
    atoms = _scan(vt, view, doc_text, vlo, vhi)
    links = _links(vt, atoms)
    items: list[_Item] = []
    for p in parse_chain(atoms, links):
        it = _item(vt, p, vlo, vhi, items)
        if it is not None:
            items.append(it)
    items = _merge(vt, items, vlo, vhi)
    out = []
    for it in items:
        value = it.value
        vague = it.p.kind == "vague"
        if vague and acled_vague and it.vague_key:
            value = acled_value(it.vague_key)
        a, b = view.to_original(it.start, it.end)
        b = _extend_marks(doc_text, view, it.end, b)
        out.append(
            Quantity(
                span=Span(a, b, doc_text[a:b]),
                value=value,
                approximate=it.approximate,
                vague=vague,
                upper=it.upper,
                previous=it.previous,
                unit=it.unit,
                qualifier=it.qualifier,
            )
        )
    return out


def parse_number(s: str) -> int | float | None:
    """The value of one number expression (digits or words); None when there is none or it is
    vague. ``parse_number("خمسمئة وعشرة") == 510``, ``parse_number("400 ألف") == 400000``."""
    qs = find_quantities(s, normalize(s))
    return qs[0].value if qs else None


# --- scanning ---------------------------------------------------------------------------------


def _scan(vt: str, view: NormalizedText, text: str, vlo: int, vhi: int) -> list[Atom]:
    lex = lexicon()
    atoms: list[Atom] = []
    for m in digit_scanner().finditer(vt, vlo, vhi):
        kind = m.lastgroup
        if kind == "num":
            a = _digit_atom(vt, view, text, m.start(), m.end(), vlo)
            if a is not None:
                atoms.append(a)
        else:
            atoms.append(Atom(m.start(), m.end(), kind, None, cstart=m.start()))
    words: list[Atom] = []
    for m in word_scanner().finditer(vt, vlo, vhi):
        pre, form = split_prefix(m.group())
        w = lex.get(form)
        if w is None:  # a prefix combination the scanner knows but the splitter does not
            continue
        cs, we = m.start(), m.end()
        ws = cs + len(pre)
        article = pre.endswith("ال") or pre.endswith("لل")
        s = ws - 2 if pre.endswith("ال") else ws
        cat, value = w.cat, w.value
        if cat == VP_HEAD or form == "العديد":
            tail = VP_TAIL.match(vt, we, vhi)
            if tail is None and cat == VP_HEAD:
                continue  # عدد القتلى: "the number of", not vague
            if tail is not None:
                we, cat = tail.end(), VAGUE
        a = Atom(s, we, cat, value, w.mult, pre, article, form, cs)
        if _word_ok(a, text, view):
            words.append(a)
    if words:
        atoms = sorted(atoms + words, key=lambda a: a.start)
    # A lone "." before three digits is a decimal point when a scale word follows (1.250 مليون).
    for i, a in enumerate(atoms[:-1]):
        b = atoms[i + 1]
        if a.cat == DIGITS and b.cat == SCALE and vt[a.end : b.cstart].isspace() and "." in a.form:
            v = digits_value(a.form, scaled=True)
            if v is not None:
                a.value = v
    return atoms


def _digit_atom(vt: str, view: NormalizedText, text: str, s: int, e: int, vlo: int) -> Atom | None:
    raw = vt[s:e]
    marks: frozenset[int] = frozenset()
    if "." in raw:
        marks = frozenset(i for i, ch in enumerate(raw) if ch == "." and text[view.offsets[s + i]] == "٫")
    value = digits_value(raw, marks)
    if value is None:
        return None
    j = s
    while j > vlo and vt[j - 1].isalpha():
        j -= 1
    glued = vt[j:s]
    latin = bool(glued) and bool(_LATIN.search(glued))
    if not latin and s >= 2 and vt[s - 1] in "- " and vt[s - 2].isascii() and vt[s - 2].isalpha():
        # F-16, MH 17: a short Latin code before a hyphen or space
        k = s - 2
        while k > vlo and vt[k - 1].isascii() and vt[k - 1].isalpha():
            k -= 1
        latin = vt[s - 1] == "-" or s - 1 - k <= 3
    pre = glued if glued in PREFIXES else ""
    article = pre.endswith("ال") or pre.endswith("لل")
    return Atom(s, e, DIGITS, value, pre=pre, article=article, form=raw, cstart=j if pre else s, latin=latin)


def _word_ok(a: Atom, text: str, view: NormalizedText) -> bool:
    """Reject lexicon hits that are other words in this position."""
    if a.article and (
        (a.cat == UNIT and a.value in (1, 2))  # الأحد Sunday, الاثنين Monday, الواحد
        or a.cat == HUNDRED  # بالمئة / في المئة (percent), المئة
        or (a.cat == SCALE and a.mult != 0)  # الألف (also the letter), المليون
        or a.cat == "half"
        or (a.cat == VAGUE and a.value in ("few", "several"))
    ):
        return False
    if a.form == "ست" and a.pre not in ("", "و"):
        return False  # لست "I am not", فست...
    if a.form.startswith("ميت") or a.form == "عده":
        orig = text[view.offsets[a.start] : view.offsets[a.end - 1] + 1]
        if a.form.startswith("ميت") and "ئ" not in orig:
            return False  # ميتا / ميتين: "dead", not مئتا / مئتين
        if a.form == "عده" and not orig.endswith("ة"):
            return False  # عدّه "counted it"
    return True


def _links(vt: str, atoms: list[Atom]) -> list[str]:
    """How atoms[i] and atoms[i+1] are joined: "sp", "wa", "waal" (و with ال) or ""."""
    links = []
    for a, b in zip(atoms, atoms[1:], strict=False):
        link = ""
        if a.cat not in SPECIAL and b.cat not in SPECIAL and b.cstart - a.end <= 4:
            gap = vt[a.end : b.cstart]
            if b.pre in ("", "ال") and (gap.isspace() or (gap == "" and a.cat == DIGITS and b.cat == SCALE)):
                link = "sp" if "\n" not in gap else ""
            elif b.pre == "" and gap.strip() == "و" and gap[0].isspace():
                link = "wa"
            elif b.pre in ("و", "وال") and gap.isspace() and "\n" not in gap:
                link = "wa" if b.pre == "و" else "waal"
        links.append(link)
    return links


# --- context ----------------------------------------------------------------------------------


def _left(vt: str, pos: int, lo: int, n: int = 40) -> list[str]:
    """The tokens before ``pos`` on the same line (``_tok_start`` finds where they begin)."""
    a = max(lo, pos - n)
    toks = _TOK.findall(vt, a, pos)
    if "\n" in toks:
        toks = toks[len(toks) - toks[::-1].index("\n") :]
    elif toks and a > lo and vt[a - 1].isalnum() and vt[a].isalnum():
        toks.pop(0)  # a word cut by the window
    return toks


def _tok_start(vt: str, pos: int, lt: list[str], k: int) -> int:
    """View offset of ``lt[-k]``, the k-th token before ``pos``."""
    idx = pos
    for t in reversed(lt[-k:]):
        idx = vt.rfind(t, 0, idx)
    return idx


def _right(vt: str, pos: int, hi: int, n: int = 40) -> list[str]:
    """The tokens after ``pos`` on the same line."""
    b = min(hi, pos + n)
    toks = _TOK.findall(vt, pos, b)
    if "\n" in toks:
        return toks[: toks.index("\n")]
    if toks and b < hi and vt[b].isalnum() and vt[b - 1].isalnum():
        toks.pop()  # a word cut by the window
    return toks


def _item(vt: str, p: Parsed, vlo: int, vhi: int, prev: list[_Item]) -> _Item | None:
    first = p.first
    lt = _left(vt, first.cstart, vlo)
    rt = _right(vt, p.end, vhi)
    r0 = rt[0] if rt else ""
    if len(p.atoms) == 1:
        if "fraction" in C.cues(first.form) and not first.article and r0.startswith("ال"):
            return None  # خمس السكان: a fifth
        if first.form in ("احد", "احدي") and (
            any("not_one" in C.cues(t) for t in lt[-3:])
            or not r0
            or not r0[0].isalpha()
            or r0 in C.not_one_right()
            or elative(r0)
        ):
            return None  # لا أحد، لا يعرفها أحد، أحد أبرز: "anyone", "one of the most"
        if (
            first.cat == ORDINAL
            and first.form in ("ثانيه", "ثواني")
            and prev
            and vt[prev[-1].end : first.cstart].isspace()
        ):
            return None  # "30 ثانية": the unit of the number before
    it = _Item(p, first.start, p.end, first.cstart, p.value, unit=p.unit, vague_key=p.vague_key)
    if p.kind not in SPECIAL and p.kind != "dual":
        it.unit = unit_of(p, lt, rt) or p.unit
    _qualify(it, vt, lt, rt)
    return it


def _qualify(it: _Item, vt: str, lt: list[str], rt: list[str]) -> None:
    """Attach a qualifier written before (span grows to include it) or after the number."""
    if lt and "qual_last" in C.cues(lt[-1]):
        qmap = C.qualifier_map()
        for n in (4, 3, 2, 1):
            if len(lt) < n:
                continue
            key = tuple(lt[-n:])
            for f in C.bare(key[0]):
                canon = qmap.get((f, *key[1:]))
                if canon:
                    # the span starts at the qualifier, without its proclitic (بنحو -> نحو)
                    it.start = it.cstart = _tok_start(vt, it.cstart, lt, n) + len(key[0]) - len(f)
                    it.qualifier, it.approximate = canon, True
                    return
    if len(rt) > 1 and ("post_qual" in C.cues(rt[0]) or "post_qual" in C.cues(rt[1])):
        pmap = C.post_qualifier_map()
        for skip in (0, 1):
            for n in (2, 1):
                key = tuple(rt[skip : skip + n])
                if len(key) == n and key in pmap:
                    it.qualifier, it.approximate = pmap[key], True
                    return


# --- ranges and updates -----------------------------------------------------------------------


def _merge(vt: str, items: list[_Item], vlo: int, vhi: int) -> list[_Item]:
    """Join "بين 300 و400", "من 300 إلى 400", "300-400", "ثلاثة أو أربعة" into ranges and
    "ارتفع ... من 10 إلى 21" into updates; give "10 و11 آب" and "عامي 2012 و2013" the unit of
    the second number."""
    for a, b in zip(items, items[1:], strict=False):
        if (
            a.unit is None
            and b.unit in _SHARED_UNITS
            and a.p.kind == b.p.kind
            and a.value is not None
            and b.cstart - a.end <= 4
            and vt[a.end : b.cstart].strip() in ("", "و", "-", "،", ",")
            and (b.unit != "year" or 1000 <= a.value <= 2100)
            and (b.unit != "date" or 1 <= a.value <= 31)
        ):
            a.unit = b.unit
    out: list[_Item] = []
    i = 0
    while i < len(items):
        a = items[i]
        b = items[i + 1] if i + 1 < len(items) else None
        if b is not None and a.p.kind in _NUMERIC and b.p.kind in _NUMERIC and b.cstart - a.end <= 6:
            merged = _pair(vt, a, b, vlo)
            if merged is not None:
                out.append(merged)
                i += 2
                continue
        out.append(a)
        i += 1
    return out


_NUMERIC = ("digits", "words")
# Units a number shares with the next one in "16 و18 عاما", "10 و11 آب", "عامي 2012 و2013".
_SHARED_UNITS = frozenset(
    ("date", "year", "age", "duration", "percent", "money", "distance", "weight", "area")
)


def _pair(vt: str, a: _Item, b: _Item, vlo: int) -> _Item | None:
    gap = vt[a.end : b.cstart]
    if "\n" in gap:
        return None
    sep = gap.strip()
    if b.p.first.pre == "و" and gap.isspace():
        sep = "و"
    elif b.p.first.pre and b.p.first.pre != "":
        return None
    if a.unit not in (None, b.unit) and b.unit is not None and a.unit != "year":
        return None
    lt = _left(vt, a.cstart, vlo, 80)
    left1 = lt[-1] if lt else ""
    left2 = lt[-2] if len(lt) > 1 else ""
    if left1 in ("عامي", "سنتي", "يومي") and left2 == "بين":
        left1, left2 = "بين", ""  # بين عامي 2011 و2013
        lt = lt[:-1]
    av, bv = a.value, b.value
    if b.p.scale > 1 and a.p.scale == 1 and av * b.p.scale <= bv:
        av = av * b.p.scale  # بين 3 و4 ملايين
    if sep in ("الي", "حتي") and left1 == "من" and a.qualifier is None:
        starter = _tok_start(vt, a.cstart, lt, 1)
        if _update_before(lt[:-1]):
            return _combine(a, b, starter, value=bv, previous=av)
    elif sep == "و" and "بين" in C.bare(left1) and a.qualifier is None:
        starter = _tok_start(vt, a.cstart, lt, 2 if left2 == "ما" else 1)
        starter += len(left1) - 3 if left2 != "ما" else 0
    elif sep in ("-", ":", "الي") or (sep == "او" and a.p.kind == b.p.kind):
        if sep in ("-", ":") and _sport(lt, _right(vt, b.end, len(vt))):
            return _combine(a, b, a.start, value=av, unit="score")
        if sep == ":":
            return None
        if sep == "الي" and _update_before(lt):
            return None  # "ارتفع العدد ... 10 إلى 21" without من: leave two numbers
        starter = a.start
    else:
        return None
    if not bv > av:
        return None
    it = _combine(a, b, starter, value=av, upper=bv)
    if sep == "او":
        it.approximate, it.qualifier = True, "أو"
    return it


def _combine(a: _Item, b: _Item, start: int, *, value, upper=None, previous=None, unit=None) -> _Item:
    it = _Item(
        b.p,
        start,
        b.end,
        start,
        _int(value),
        unit=unit or b.unit or a.unit,
        qualifier=a.qualifier or b.qualifier,
        approximate=a.approximate or b.approximate,
        upper=_int(upper),
        previous=_int(previous),
    )
    if a.qualifier and a.start < start:
        it.start = it.cstart = a.start
    return it


def _int(v):
    return int(v) if isinstance(v, float) and v.is_integer() else v


def _update_before(lt: list[str]) -> bool:
    """An update verb earlier in the same clause (up to 10 tokens back, not across . ؛ ؟)."""
    for t in reversed(lt[-10:]):
        c = C.cues(t)
        if "sentence_end" in c:
            return False
        if "update" in c:
            return True
    return False


def _sport(lt: list[str], rt: list[str]) -> bool:
    return any("sport" in C.cues(t) for t in lt[-10:] + rt[:6])


def _extend_marks(text: str, view: NormalizedText, vend: int, b: int) -> int:
    """Extend an original end over trailing diacritics and tatweel (ألفاً keeps its tanwin)."""
    stop = view.offsets[vend] if vend < len(view.offsets) else len(text)
    while b < stop and (unicodedata.category(text[b]) == "Mn" or text[b] == "\u0640"):
        b += 1
    return b
