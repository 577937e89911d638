"""From quantities to figures: decide which numbers count affected people, and of what kind.

A number counts people when the word after it is a person noun (مدنيين، أطفال، عناصر من...),
a casualty noun (قتيلا، نازح), "others" (آخرين), or nothing at all inside a casualty frame
(ارتفع عدد القتلى إلى 21). Its kind comes from, in order: the casualty noun itself; the figure
it is part of (بينهم 5 أطفال، اثنان منهم); a predicate just before it (مقتل، أصيب، نزوح،
تحاصر قوات النظام); a verb just after its noun (11 شخصا قتلوا); the figure it is coordinated
with (15 طفلا و22 امرأة); a total it completes (عدد المدنيين الذين قتلوا ... 718 شخصا); a verb
further on past coordinated counts. Singular and dual nouns count by themselves right after a
predicate (مقتل طفل، مقتل شخصين، إصابة رجلي أمن). Anything else is left alone.
"""

from __future__ import annotations

import bisect

import regex

from raqib.figures import lexicon as lx
from raqib.figures.cues import Info, classify, classify_text
from raqib.figures.kinds import _BOUNDARY, _SCAN_STOPS, Cand, KindRules
from raqib.model.doc import Doc
from raqib.model.numbers import Quantity
from raqib.text.normalize import normalize_str

# _BOUNDARY as one character class: a regex search of the gap, not a slice and a Python loop.
_BOUNDARY_RE = regex.compile("[" + "".join(regex.escape(c) for c in sorted(_BOUNDARY)) + "]")


class Extractor(KindRules):
    """Finds the figures of one document (see the module docstring)."""

    def __init__(self, doc: Doc, infos: list[Info], *, acled_vague: bool = False):
        self.doc = doc
        self.text = doc.text
        self.toks = doc.tokens
        self.infos = infos
        self.starts = [t.start for t in self.toks]
        self.ends = [t.end for t in self.toks]
        self.acled_vague = acled_vague
        date_spans = sorted((d.span.start, d.span.end) for d in doc.dates)
        self.date_tok = [False] * len(self.toks)
        for s, e in date_spans:
            k = bisect.bisect_right(self.ends, s)
            while k < len(self.toks) and self.toks[k].start < e:
                self.date_tok[k] = True
                k += 1
        self.quantities = [q for q in doc.numbers if self._usable(q, date_spans)]
        self.qtok: dict[int, Quantity] = {}
        self.q_first: list[tuple[int, Quantity]] = []  # (first token, quantity), in text order
        for q in sorted(self.quantities, key=lambda q: q.span.start):
            first = self._first(q.span.start)
            self.q_first.append((first, q))
            for k in range(first, self._last(q.span.end) + 1):
                self.qtok[k] = q
        self.q_first_idx = [k for k, _q in self.q_first]
        # Words that may count themselves (مقتل طفل، شخصين): the only places _implicit looks.
        self.noun_idx = [i for i, info in enumerate(infos) if info.noun is not None]
        self.last_kind: str | None = None

    # -- positions --------------------------------------------------------------------------

    def _first(self, pos: int) -> int:
        return bisect.bisect_right(self.ends, pos)

    def _last(self, pos: int) -> int:
        return bisect.bisect_left(self.starts, pos) - 1

    def boundary(self, i: int, j: int) -> bool:
        """Punctuation between tokens i < j."""
        return _BOUNDARY_RE.search(self.text, self.toks[i].end, self.toks[j].start) is not None

    def _usable(self, q: Quantity, date_spans: list[tuple[int, int]]) -> bool:
        # A "year" right before a plural casualty noun is a count (إلى 1540 شهيدا): kept here,
        # checked against its noun in candidates().
        if q.unit not in (None, "year") or q.value is None:
            return False
        if q.vague and not self.acled_vague:
            return False
        v = q.value
        if isinstance(v, float) and not v.is_integer():
            return False
        if v < 1:
            return False
        return all(not (s < q.span.end and q.span.start < e) for s, e in date_spans)

    # -- candidates -------------------------------------------------------------------------

    def candidates(self, a: int, b: int) -> list[Cand]:
        """Numbers and self-counting nouns among tokens [a, b)."""
        out: list[Cand] = []
        lo, hi = bisect.bisect_left(self.q_first_idx, a), bisect.bisect_left(self.q_first_idx, b)
        for _k, q in self.q_first[lo:hi]:
            c = Cand(
                q.span.start, q.span.end, int(q.value), q, self._first(q.span.start), self._last(q.span.end)
            )
            info = self.infos[c.first]
            if c.first == c.last and info.noun is not None and (info.noun_count or info.noun.count) == 2:
                # A dual noun read as the number 2 (شخصين، امرأتين) counts itself.
                if info.definite or info.noun.role not in ("person", "kind"):
                    continue
                c.count = 2
                self._noun_head(c, c.first, info, b)
                out.append(c)
                continue
            self._head(c, b)
            if q.unit == "year" and not (
                c.head_type in ("kind", "person")
                and c.head_info is not None
                and c.head_info.noun is not None
                and c.head_info.noun.count != 2
                and c.head == c.last + 1
            ):
                continue
            out.append(c)
        skip_to = a
        lo, hi = bisect.bisect_left(self.noun_idx, a), bisect.bisect_left(self.noun_idx, b)
        for k in self.noun_idx[lo:hi]:
            if k < skip_to:
                continue
            c = self._implicit(k, a, b)
            if c is not None:
                out.append(c)
                if c.q is not None:  # طفلان اثنان: the dual and its number are one count
                    out = [x for x in out if x.q is not c.q or x is c]
                skip_to = c.last + 1
        out.sort(key=lambda c: c.start)
        return out

    def _implicit(self, i: int, a: int, b: int) -> Cand | None:
        if i in self.qtok:
            return None
        info = self.infos[i]
        noun = info.noun
        if noun is None or noun.role not in ("person", "kind"):
            return None
        count = info.noun_count or noun.count
        tok = self.toks[i]
        if info.definite:  # القتيلين، الطفل: people already introduced
            return None
        if count == 2:
            if i > a and self.qtok.get(i - 1) is not None:
                return None
            c = Cand(tok.start, tok.end, 2, None, i, i, i, self.doc.span(tok.start, tok.end), info, count=2)
            nxt = self.qtok.get(i + 1) if i + 1 < b else None
            if nxt is not None and nxt.value == 2 and not self.boundary(i, i + 1):
                c.q = nxt
                c.end = nxt.span.end
                c.last = self._last(nxt.span.end)
            self._noun_head(c, i, info, b)
            return c
        if count != 1:
            return None
        prev = self.infos[i - 1] if i > a and not self.boundary(i - 1, i) else None
        # Deaths by natural causes (وفاة والدها، توفي ابنه) fill culture pages: a lone
        # person counts only after a violent predicate; kin (نجله) only after martyrdom words.
        prev_ok = prev is not None and (
            (
                prev.pred is not None
                and prev.pred.gap > 0
                and not prev.pred.soft
                and (not info.kin or prev.pred.martyr)
            )
            or (noun.role == "kind" and prev.norm in ("سقوط", "وقوع", "ارتقاء"))
        )
        nxt = self.infos[i + 1] if i + 1 < b and not self.boundary(i, i + 1) else None
        post_ok = (
            nxt is not None
            and nxt.norm in lx.POST_SINGULAR
            and not (nxt.pred is not None and nxt.pred.soft)
            and not info.kin
            and (noun.role == "kind" or noun.label in lx.VICTIM_WHO)
            and (prev is None or i - 1 not in self.qtok)
        )
        if not (prev_ok or post_ok):
            return None
        # قتل انتحاري 8 أشخاص: a lone noun after a verb with a count right behind it is the
        # verb's subject (the killer), not a victim.
        if prev_ok and prev.pred is not None and prev.pred.verb and any(k in self.qtok for k in range(i + 1, min(i + 4, b))):
            return None
        c = Cand(tok.start, tok.end, 1, None, i, i, i, self.doc.span(tok.start, tok.end), info, count=1)
        self._noun_head(c, i, info, b)
        # طفل وامرأة: coordinated singular nouns add up.
        j = i + 1
        while j < b and not self.boundary(j - 1, j) and self.toks[j].text.startswith("و"):
            nj = self.infos[j]
            if (
                nj.noun is None
                or nj.noun.role != "person"
                or (nj.noun_count or nj.noun.count) != 1
                or nj.definite
            ):
                break
            c.value += 1
            c.last = c.head = j
            c.end = self.toks[j].end
            c.who = c.who if c.who == nj.noun.label else "people"
            j += 1
        return c

    def _noun_head(self, c: Cand, i: int, info: Info, b: int) -> None:
        noun = info.noun
        assert noun is not None
        c.head, c.head_info = i, info
        c.head_span = self.doc.span(self.toks[i].start, self.toks[i].end)
        c.unit = noun.unit
        if noun.role == "kind":
            c.head_type = "kind"
            c.who = "people" if noun.unit == "people" else noun.unit
            # شهيد من المصلين: who comes from the partitive.
            if i + 2 < b and self.infos[i + 1].norm == "من" and not self.boundary(i, i + 1):
                n2 = self.infos[i + 2].noun
                if n2 is not None and n2.role == "person":
                    c.who = n2.label
        else:
            c.head_type = "person"
            c.who = self._group_who(i, b) if info.has("group_head") else noun.label

    def _group_who(self, i: int, b: int) -> str:
        """Who-label of a group noun from its genitive: عناصر الدفاع المدني، رجال الأمن."""
        default = self.infos[i].noun.label if self.infos[i].noun else "fighters"
        j = i + 1
        if j < b and self.infos[j].norm == "من":
            j += 1
        groups = lx.group_who()
        for n in (2, 1):
            if j + n - 1 < b and not self.boundary(i, j):
                key = normalize_str(self.text[self.toks[j].start : self.toks[j + n - 1].end])
                if key in groups:
                    return groups[key]
                if n == 1:
                    base = classify(key).norm
                    for pre in ("ال", "وال"):
                        if base.startswith(pre) and base[len(pre) :] in groups:
                            return groups[base[len(pre) :]]
        if self.infos[i].norm.startswith("رجل"):
            return "security forces" if default == "men" else default
        return default

    def _head(self, c: Cand, b: int) -> None:
        """Find what the number counts: the noun after it (or glued to it: 15طفلا)."""
        tok = self.toks[c.last]
        if tok.end > c.end and tok.start < c.end:
            info = classify_text(self.text[c.end : tok.end])
            if info.noun is not None:
                self._noun_head(c, c.last, info, b)
                c.head_span = self.doc.span(c.end, tok.end)
                return
            c.head_type = "reject"
            return
        j = c.last + 1
        if j >= b or self.boundary(c.last, j):
            c.head_type = "bare"
            return
        info = self.infos[j]
        if info.norm == "من" and j + 1 < b and not self.boundary(j, j + 1):
            i2 = self.infos[j + 1]
            if i2.noun is not None and i2.noun.role in ("person", "kind"):
                self._noun_head(c, j + 1, i2, b)
                return
            groups = lx.group_who()
            stem = i2.norm[2:] if i2.norm.startswith("ال") else i2.norm
            if i2.norm in groups or stem in groups or self._org_at(self.toks[j + 1].start):
                c.head, c.head_info, c.head_type = j + 1, i2, "person"
                c.head_span = self.doc.span(self.toks[j + 1].start, self.toks[j + 1].end)
                c.who = groups.get(i2.norm) or groups.get(stem) or "fighters"
                return
            c.head_type = "reject"
            return
        if info.noun is not None and info.noun.role in ("person", "kind"):
            self._noun_head(c, j, info, b)
            return
        if info.has("others"):
            c.head, c.head_info, c.head_type = j, info, "others"
            c.head_span = self.doc.span(self.toks[j].start, self.toks[j].end)
            return
        if info.has("nonperson"):
            c.head_type = "reject"
            return
        if info.nisba:
            c.head, c.head_info, c.head_type, c.who = j, info, "person", "people"
            c.head_span = self.doc.span(self.toks[j].start, self.toks[j].end)
            return
        if (
            info.has("after_filler")
            or info.has("sub_after")
            or info.has("total")
            or info.pred is not None
            or self.date_tok[j]
            or info.norm in _SCAN_STOPS
            or info.has("filler")
            or info.norm[:1] in ("ب", "و", "ل")
            and classify(info.norm[1:]).pred is not None
            or info.norm in ("جراء", "اثر", "إثر", "بعد", "خلال", "منذ", "حتى", "بسبب", "نتيجة", "اليوم")
        ):
            c.head_type = "bare"
            return
        c.head, c.head_info, c.head_type = j, info, "unknown"
        c.head_span = self.doc.span(self.toks[j].start, self.toks[j].end)

    def _org_at(self, pos: int) -> bool:
        return any(
            e.type == "ORG" and any(m.start <= pos < m.end or m.start == pos for m in e.mentions)
            for e in self.doc.entities
        )
