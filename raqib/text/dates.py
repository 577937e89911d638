"""Temporal expressions in Arabic news text, resolved against the publication date.

``find_dates(text, view, published)`` returns every date expression of ``text`` as a
``TimeExpr`` (raqib/model/dates.py) with an original-offset span, sorted and non-overlapping.
It scans the normalised view once: a trie-shaped gate finds candidate words, an atom regex
(date_patterns.py) reads each, date_atoms.py resolves it, and the merging below joins atoms that
describe one time ("صباح اليوم السبت"، "الجمعة، 23 أغسطس/آب 2024"، "أواخر 2012"), builds ranges
("من 1 إلى 5 آذار") and marks the ends of open ones ("منذ 19 شباط وحتى الثالث من الشهر الجاري").

Conventions an analyst should know (ACLED time_precision: 1 day, 2 week or a few days,
3 month or longer):

- Weekday alone: the most recent such day on or before publication ("الأحد" in a Sunday paper
  is that Sunday); "السبت الماضي" strictly before, "السبت المقبل" strictly after. With a
  relative day ("أمس الجمعة", "اليوم السبت") the weekday wins, snapped to the nearest such day
  of the relative one: it survives papers dated after midnight GMT.
- "الليلة الماضية", "ليل أمس", "ليلة البارحة": the day before publication (ACLED dates a
  night event by the evening it began). "الليلة": the publication day. "ليل الخميس الجمعة":
  start Thursday, end Friday, precision 1 (the night of Thursday, in ACLED's terms).
  "ليلة السبت" is coded as Saturday, part_of_day "ليل" (the press uses it both ways).
- Yearless day-month: the year that puts it nearest publication with the future discounted
  threefold (date_resolve.pick_year); الماضي forces the past, المقبل the future.
- Months, years and parts of them are ranges with precision 3 ("أواخر 2012" = 2012-10-01 to
  2012-12-31); "الأسبوع الماضي" is the previous Saturday-to-Friday week, precision 2.
- Ranges: "من 1 إلى 5 آذار", "بين 3 و5 آذار", "بين عامي 2011 و2014", "يومي السبت والأحد" are
  one TimeExpr of kind "range" whose start/end are the first and last day. "منذ X وحتى Y" gives
  two: X with range_role "since" and Y with range_role "until", each keeping its own dates, so
  a figure's ``when`` runs from the since's start to the until's end (to publication when there
  is no until: "منذ 2011" is the year 2011 marked "since"; "منذ ثلاثة أيام" the day three days
  back, marked "since"). "حتى X" alone is X marked "until". Events should not take a "since"
  end as the day they happened.
- Future expressions (غداً، المقبل) resolve too; the events stage ignores future dates.
- Without a publication date relative expressions stay unresolved (start/end None); those
  with a year still resolve.
"""

from __future__ import annotations

import re
from datetime import date

import regex

from raqib.model.dates import TimeExpr
from raqib.model.span import Span
from raqib.text.date_atoms import Atom, make_atom
from raqib.text.date_patterns import DIGIT, gate, pattern_for
from raqib.text.date_resolve import part_range, precision_for, safe_date, weekday_nearest
from raqib.text.normalize import NormalizedText, normalize, normalize_str

__all__ = ["find_dates", "resolve_weekday"]

_GAP_SAME = regex.compile(r"[\s,،()\-/:]*(?:(?:الموافق|الموافقه)\s*(?:ل\s*)?)?[\s,،()\-/:]*")
_GAP_SPACE = regex.compile(r"\s*")
_DIGITS = re.compile(r"\d+")
_GAP_ADVERB = regex.compile(r"\s*[,،]?\s*")
_OPENER = regex.compile(
    r"(?:^|[^\p{L}])(?P<w>[وف]?(?:منذ|من|بين|ما\s+بين|اعتبارا\s+من|ابتداء\s+من|بدءا\s+من|حتي|لغايه|الي\s+غايه"
    r"|(?:خلال|في)\s+الفتره\s+(?:الممتده\s+)?(?:ما\s+)?(?:من|بين)))\s*$"
)
_TO = regex.compile(r"\s*و?\s*(?:حتي|الي|لغايه|-)\s*")
_TO_WORD = regex.compile(r"\s*(?P<w>و?\s*(?:حتي|الي|لغايه|-))\s*")
_AND = regex.compile(r"\s*(?:و|-)?\s*")
_TO_NOW = regex.compile(r"\s*و?\s*(?:حتي|الي|لغايه)\s+(?:الان|اللحظه|يومنا\s+هذا)(?![\p{L}])")
_SINCE = ("منذ", "اعتبارا من", "ابتداء من", "بدءا من")
_UNTIL = ("حتي", "لغايه", "الي غايه")


def resolve_weekday(name_norm: str, published: date) -> date:
    """The most recent day named ``name_norm`` ("السبت", "الإثنين", "سبت") on or before ``published``.

    Raises KeyError for a word that is not a weekday.
    """
    from raqib.text.date_lexicon import weekdays
    from raqib.text.date_resolve import weekday_on_or_before

    key = normalize_str(name_norm)
    key = key[2:] if key.startswith("ال") and key[2:] in weekdays() else key
    return weekday_on_or_before(weekdays()[key], published)


def find_dates(
    text: str, view: NormalizedText | None, published: date | None, *, start: int = 0, end: int | None = None
) -> list[TimeExpr]:
    """Every temporal expression of ``text[start:end]``, sorted, non-overlapping, resolved when possible."""
    if view is None:
        view = normalize(text)
    vt = view.text
    vs = view.to_view(start)
    ve = len(vt) if end is None else view.to_view(end)
    atoms = _atoms(vt, vs, ve, published)
    units = _merge(atoms, vt, published)
    units = _ranges(units, vt, vs)
    return [_emit(u, text, view, vt) for u in units]


def _atoms(vt: str, vs: int, ve: int, published: date | None) -> list[Atom]:
    gt = gate()
    forms, nexts = gt.forms, gt.nexts
    out: list[Atom] = []
    last = vs
    for g in gt.pattern.finditer(vt, vs, ve):
        pos = g.start()
        if pos < last:
            continue
        if vt[g.end() - 1].isdigit():
            names = DIGIT
            run = _DIGITS.match(vt, g.end() - 1)
            n = run.end() - run.start()
            if n != 4:
                j = run.end()
                if n > 2 or j >= ve:
                    continue
                if vt[j] not in "/.-":
                    while j < ve and vt[j] == " ":
                        j += 1
                    if not vt.startswith(gt.digit_next, j):
                        continue
        else:
            word = g.group()
            names = forms.get(word)
            if not names:
                continue
            need = nexts.get(word)
            if need is not None:
                j = g.end()
                while j < ve and vt[j] == " ":
                    j += 1
                if not vt.startswith(need, j):
                    continue
        m = pattern_for(names).match(vt, pos, ve)
        if m is None:
            continue
        atom = make_atom(m, vt, published)
        if atom is not None:
            if atom.cat != "skip":
                out.append(atom)
            last = atom.b  # a handler may give back the end of its match (a list of years)
    return out


def _joins(chain: list[Atom], nxt: Atom, after: Atom | None, vt: str) -> bool:
    """Whether ``nxt`` continues the expression built in ``chain``."""
    last = chain[-1]
    gap_a, gap_b = last.b, nxt.a
    if nxt.conj or gap_b - gap_a > 24:
        return False
    head = chain[0]
    if head.cat == "partp":
        return (
            len(chain) == 1
            and nxt.cat == "period"
            and nxt.unit is not None
            and _GAP_SPACE.fullmatch(vt, gap_a, gap_b) is not None
        )
    if nxt.cat == "partp":
        return False
    if last.cat in ("part", "clock") and _GAP_SPACE.fullmatch(vt, gap_a, gap_b):
        return nxt.cat in ("day", "part") or nxt.name == "NIGHT"
    has_day = any(a.cat == "day" or a.name == "NIGHT" for a in chain)
    if nxt.cat in ("part", "clock"):
        # An adverb after a day ("الجمعة مساءً") unless it opens the next day ("أمس، صباح اليوم").
        if not has_day or not _GAP_ADVERB.fullmatch(vt, gap_a, gap_b):
            return False
        return not (after is not None and after.cat == "day" and _GAP_SPACE.fullmatch(vt, nxt.b, after.a))
    if nxt.cat != "day" or not _GAP_SAME.fullmatch(vt, gap_a, gap_b):
        return False
    if not all(a.cat in ("day", "part", "clock") for a in chain):
        return False
    return all(a.slot != nxt.slot for a in chain if a.cat == "day")


def _merge(atoms: list[Atom], vt: str, published: date | None) -> list[Atom]:
    units: list[Atom] = []
    i = 0
    while i < len(atoms):
        chain = [atoms[i]]
        j = i + 1
        while j < len(atoms) and _joins(chain, atoms[j], atoms[j + 1] if j + 1 < len(atoms) else None, vt):
            chain.append(atoms[j])
            j += 1
        unit = _reduce(chain, published)
        if unit is not None:
            units.append(unit)
        i = j
    return units


def _reduce(chain: list[Atom], published: date | None) -> Atom | None:
    """One atom standing for a merged chain."""
    head = chain[0]
    if head.cat == "partp":
        if len(chain) != 2:
            return None
        target = chain[1]
        unit = Atom("PART_OF", head.a, target.b, "period", kind="part_of", unit=None)
        if target.start is not None and target.end is not None:
            unit.start, unit.end = part_range(target.start, target.end, head.pp or "", target.unit or "other")
        return unit
    if len(chain) == 1:
        return head if head.cat in ("day", "period", "clock") else None
    dated = [a for a in chain if a.cat in ("day", "period")]
    parts = [a.part for a in chain if a.part]
    if not dated:
        if any(a.cat == "clock" for a in chain):
            return Atom(
                "CLOCK", head.a, chain[-1].b, "clock", kind="time_of_day", part=parts[0] if parts else None
            )
        return None
    primary = max(dated, key=lambda a: a.rank)
    unit = Atom(
        primary.name,
        head.a,
        chain[-1].b,
        primary.cat,
        kind=primary.kind,
        start=primary.start,
        end=primary.end,
        precision=primary.precision,
        part=parts[0] if parts else None,
        slot=primary.slot,
        unit=primary.unit,
        conj=head.conj,
        month_day=primary.month_day,
        role=primary.role,
        dual=head.dual,
        weekday=primary.weekday,
    )
    wd = next((a.weekday for a in chain if a.slot == "wd" and a is not primary), None)
    if wd is not None and primary.start is not None:
        if primary.slot == "rel":
            unit.start = unit.end = weekday_nearest(wd, primary.start)
        elif primary.month_day and published is not None:
            # "الجمعة 23 آب" without a year: the year in which the 23rd is a Friday, nearest first.
            mo, d = primary.month_day
            for y in sorted(
                (published.year - 1, published.year, published.year + 1),
                key=lambda y: abs(y - primary.start.year),
            ):
                day = safe_date(y, mo, d)
                if day is not None and day.weekday() == wd:
                    unit.start = unit.end = day
                    break
    return unit


def _ranges(units: list[Atom], vt: str, vs: int) -> list[Atom]:
    """Join "من X إلى Y" and "بين X وY" into one range; mark the ends of "منذ X (حتى Y)"."""
    out: list[Atom] = []
    i = 0
    while i < len(units):
        u = units[i]
        nxt = units[i + 1] if i + 1 < len(units) else None
        if u.cat == "clock":
            out.append(u)
            i += 1
            continue
        if u.dual and nxt is not None and nxt.slot == "wd" and nxt.conj and nxt.a - u.b <= 2:
            out.append(_span_range(u, nxt, u.a))  # يومي السبت والأحد
            i += 2
            continue
        lo = max(vs, u.a - 40)
        window = vt[max(lo, u.a - 12) : u.a]
        op = (
            _OPENER.search(vt, lo, u.a)
            if ("من" in window or "بين" in window or "حتي" in window or "غايه" in window)
            else None
        )
        word = op.group("w") if op else ""
        opener_at = op.start("w") if op else u.a
        kind = _opener_kind(word)
        if kind in ("from", "between") and nxt is not None and nxt.cat != "clock":
            gap = _AND if kind == "between" else _TO
            if gap.fullmatch(vt, u.b, nxt.a) and (kind != "between" or nxt.conj or "و" in vt[u.b : nxt.a]):
                out.append(_span_range(u, nxt, opener_at))
                i += 2
                continue
        if kind == "since":
            # منذ X (وحتى Y): X is the "since" end, Y the "until" end; each keeps its own dates.
            u.a, u.role = opener_at, "since"
            out.append(u)
            to = _TO_WORD.fullmatch(vt, u.b, nxt.a) if nxt is not None and nxt.cat != "clock" else None
            if to is not None and nxt is not None:
                nxt.a, nxt.role = to.start("w"), "until"
                if u.month_day and u.start and nxt.start and u.start > nxt.start:
                    u.start = u.end = safe_date(u.start.year - 1, u.start.month, u.start.day)
                out.append(nxt)
                i += 2
                continue
            if now := _TO_NOW.match(vt, u.b):
                u.b = now.end()
        elif kind == "until":
            u.a, u.role = opener_at, "until"
            out.append(u)
        else:
            if u.kind == "range" and kind in ("from", "between"):
                u.a = opener_at
            out.append(u)
        i += 1
    return out


def _opener_kind(word: str) -> str | None:
    w = " ".join(word.split())
    if w.startswith(("و", "ف")) and w[1:] in ("منذ", "من", "بين", "حتي", "لغايه"):
        w = w[1:]
    if w in _SINCE:
        return "since"
    if w in _UNTIL:
        return "until"
    if w.endswith("بين"):
        return "between"
    if w.endswith("من"):
        return "from"
    return None


def _span_range(u: Atom, v: Atom, a: int) -> Atom:
    r = Atom("RANGE", a, v.b, "period", kind="range")
    s, e = u.start, v.end
    if s is not None and e is not None and s > e and u.month_day is not None:
        s = safe_date(s.year - 1, s.month, s.day)  # "من 28 كانون الأول إلى 3 كانون الثاني 2018"
    if s is not None and e is not None and s <= e:
        r.start, r.end = s, e
    return r


# A leading conjunction, or a preposition glued to an article or a digit, is not part of the
# expression: "والسبت" -> "السبت", "بالأمس" -> "الأمس", "و2018-02-19" -> "2018-02-19".
_LEAD = regex.compile(
    r"[وف](?=ال|\d|[بكل]ال|[بل]\d|يوم|شهر|منذ|قبل|بعد|خلال|صباح|مساء|ليل|فجر|ظهر|عام|سنه|هذا|هذه|امس|غدا|حتي|بين|من|اواخر|اوائل|مطلع|منتصف|نهايه|بدايه)"
    r"|[بك](?=ال)"
)


_CLOSE = regex.compile(r"[ \t]*\)")


def _emit(u: Atom, text: str, view: NormalizedText, vt: str) -> TimeExpr:
    ua, ub = u.a, u.b
    while ua < ub - 2 and (lead := _LEAD.match(vt, ua)):
        ua = lead.end()
    if vt.count("(", ua, ub) > vt.count(")", ua, ub) and (close := _CLOSE.match(vt, ub)):
        ub = close.end()  # "اليوم (الأحد)": keep the bracket the span opened
    a, b = view.to_original(ua, ub)
    while b < len(text) and _trailing_mark(text[b]):
        b += 1  # keep the tanween/shadda of the last letter ("غداً")
    precision = None
    if u.start is not None and u.end is not None:
        precision = u.precision or precision_for(u.start, u.end)
    start, end = (u.start, u.end) if u.start is not None else (None, None)
    return TimeExpr(
        span=Span(a, b, text[a:b]),
        kind=u.kind,
        start=start,
        end=end,
        precision=precision,
        part_of_day=u.part,
        range_role=u.role,
    )


def _trailing_mark(ch: str) -> bool:
    return "\u064b" <= ch <= "\u065f" or ch in ("\u0670", "\u0640")
