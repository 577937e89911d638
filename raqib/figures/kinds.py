"""Kind rules: which outcome (killed, injured, displaced...) a counted number reports.

``KindRules`` is mixed into ``raqib.figures.extract.Extractor``; its ``resolve`` applies the
order described in extract's docstring. ``Cand`` and ``Found`` are the records both share.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from raqib.figures import lexicon as lx
from raqib.figures.cues import Info, classify, classify_text
from raqib.model.numbers import Quantity
from raqib.model.span import Span
from raqib.text.normalize import normalize_str

# Punctuation that closes a clause for the purposes of governing a number.
_BOUNDARY = set("،,؛;:.!?؟\n()[]")
_SCAN_STOPS = frozenset(
    normalize_str(w) for w in ["في", "الذي", "التي", "الذين", "بينما", "فيما", "حين", "كما"]
)
# Outcomes that apply to people already counted as wounded (إجلاء 200 جريح، اعتقال 5 جرحى).
_OVERRIDING = frozenset({"evacuated", "detained", "displaced", "besieged", "missing"})
# An unlisted noun after the number (مقتل 10 حراس) counts people only after these outcomes;
# فقدان 32 ألف قطعة، إخراج 144 فيلما are things.
_UNKNOWN_HEAD_KINDS = frozenset({"killed", "injured", "detained"})
# أحد / إحدى name one member of a group (إحدى ضحايا الحرب): a count only right after a predicate.
_ONE_OF = frozenset({"احد", "احدي", "واحد", "واحده"})
_FRAME_WINDOW = 30  # tokens from a total (عدد القتلى) to the number completing it
_POST_WINDOW = 6
_FAR_POST_WINDOW = 10


@dataclass
class Cand:
    """A number that may count people, with the noun it counts."""

    start: int
    end: int
    value: int
    q: Quantity | None
    first: int
    last: int
    head: int | None = None
    head_span: Span | None = None
    head_info: Info | None = None
    head_type: str = "bare"  # person, kind, others, bare, unknown, reject
    who: str | None = None
    unit: str = "people"
    count: int | None = None  # 1/2 for singular/dual nouns (implicit counts)


@dataclass
class Found:
    """A resolved figure before attribution and merging."""

    cand: Cand
    kind: str
    sentence: int
    ev_start: int
    ev_end: int
    last_tok: int
    who: str
    parent: Found | None = None
    reason: str = ""
    extra: dict = field(default_factory=dict)


class KindRules:
    """Kind resolution over an Extractor's tokens (infos, toks, qtok, boundary...)."""

    def resolve(
        self, c: Cand, a: int, b: int, figs: list[Found], frames: list[tuple[int, int, str]], sent: int
    ) -> Found | None:
        """The figure a candidate states, or None (see the module docstring for the order)."""
        if c.head_type == "reject":
            return None
        if self._blocked(c, a):
            return None
        head_end = c.head if c.head is not None else c.last
        prev = figs[-1] if figs else None
        kind = cue = None
        reason = ""
        parent = None
        if c.head_type == "kind" and not (c.q is not None and normalize_str(c.q.span.text) in _ONE_OF):
            kind, reason = c.head_info.noun.label, "noun"  # type: ignore[union-attr]
            # إجلاء 200 جريح، اعتقال 5 جرحى: what happened to them now is the predicate's kind.
            got = self._pred_before(c, a)
            if isinstance(got, tuple) and got[2] and got[0] in _OVERRIDING and kind in ("killed", "injured"):
                kind, cue, reason = got[0], got[1], "pred"
        if (
            kind is None
            and prev is not None
            and c.count != 1
            and (
                self._sub_before(c, a)
                or (
                    head_end + 1 < b
                    and self.infos[head_end + 1].has("sub_after")
                    and not self.boundary(head_end, head_end + 1)
                )
            )
        ):
            kind, reason, parent = prev.kind, "part", prev.parent or prev
        if kind is None:
            got = self._pred_before(c, a)
            if got == "combined":
                return None
            if got is not None:
                kind, cue, reason = got[0], got[1], "pred"
                if c.head_type == "unknown" and not (
                    got[2] and got[0] in _UNKNOWN_HEAD_KINDS and self.infos[got[1]].pred.gap > 0
                ):
                    return None
        if c.head_type == "unknown" and reason != "pred":
            return None
        if kind is None and c.head_type != "bare":
            got = self._post_verb(c, head_end, b, _POST_WINDOW, through=False)
            if got == "combined":
                return None
            if got is not None:
                kind, cue, reason = got[0], got[1], "post"
        if (
            kind is None
            and prev is not None
            and c.head_type in ("person", "kind", "others")
            and self._coordinated(c, prev, a)
        ):
            kind, reason, parent = prev.kind, "coord", prev.parent
        if kind is None and c.head_type in ("person", "bare", "others"):
            got_f = self._frame(c, frames)
            if got_f is not None:
                kind, cue, reason = got_f[0], got_f[1], "frame"
        if kind is None and c.head_type in ("person", "others"):
            got = self._post_verb(c, head_end, b, _FAR_POST_WINDOW, through=True)
            if got not in (None, "combined"):
                kind, cue, reason = got[0], got[1], "post"  # type: ignore[index]
        if kind is None:
            return None
        who = c.who or "people"
        if c.head_type == "others":
            # "وإصابة 18 آخرين" after "بينهم 5 أطفال": the others are like the whole, not the part.
            like = prev.parent if prev is not None and prev.parent is not None and reason != "part" else prev
            who = like.who if like is not None else "people"
        elif c.head_type == "bare" and parent is not None:
            who = parent.who
        if reason == "frame" and who == "people" and cue is not None:
            # عدد المدنيين الذين قتلوا ... 718 شخصا: the total names who was counted.
            for k in range(cue + 1, min(cue + 3, len(self.infos))):
                noun = self.infos[k].noun
                if noun is not None and noun.role == "person" and noun.label != "people":
                    who = noun.label
                    break
        ev_start, ev_end = c.start, self.toks[head_end].end if c.head is not None else c.end
        ev_end = max(ev_end, c.end)
        last_tok = head_end
        if cue is not None:
            ev_start = min(ev_start, self.toks[cue].start)
            if self.toks[cue].end > ev_end:
                ev_end, last_tok = self.toks[cue].end, cue
        if c.head_span is not None and c.head_span.end > ev_end:
            ev_end = c.head_span.end
        self.last_kind = kind
        return Found(c, kind, sent, ev_start, ev_end, last_tok, who, parent, reason)

    def _blocked(self, c: Cand, a: int) -> bool:
        """Negated (وليس 235), a capacity (يتسع لنحو)، a release or a forecast."""
        i = c.first - 1
        seen = 0
        while i >= a and seen < 8:
            info = self.infos[i]
            if seen == 0 and info.has("negation") and info.norm not in ("لا",):
                return True
            if seen <= 2 and info.has("capacity"):
                return True
            if seen <= 4 and info.has("release"):
                return True
            if info.has("hypothetical"):
                return True
            seen += 1
            i -= 1
        return False

    def _sub_before(self, c: Cand, a: int) -> bool:
        i = c.first - 1
        if i < a:
            return False
        if self.infos[i].has("sub_before"):
            return True
        return i - 1 >= a and self.infos[i].has("filler") and self.infos[i - 1].has("sub_before")

    def _pred_before(self, c: Cand, a: int):
        """(kind, token, adjacent) of the predicate governing the number, "combined", or None."""
        tok = self.toks[c.first]
        if tok.start < c.start:  # وسقوط81، بمقتل3: a predicate glued to the digits
            info = classify_text(self.text[tok.start : c.start])
            if info.pred is not None:
                return info.pred.kind, c.first, True
        i = c.first - 1
        content = 0
        while i >= a:
            if self.boundary(i, i + 1):
                return None
            info = self.infos[i]
            if info.pred is not None:
                limit = info.pred.gap if not info.pred.verb else min(info.pred.gap, 4)
                limit = min(limit, 1) if not info.pred.verb else limit
                if content > limit:
                    return None
                j = i - 1
                if j >= a and not self.boundary(j, i):
                    other = self.infos[j].pred
                    # قتل وأصيب 11، مقتل وإصابة 14: one count for two outcomes. (In "قتلوا وأصيب
                    # ستة" the first verb agrees with an earlier subject and is not combined.)
                    if (
                        other is not None
                        and other.kind != info.pred.kind
                        and self.toks[i].text.startswith("و")
                        and self.infos[j].norm not in lx.POST_PLURAL
                    ):
                        return "combined"
                return info.pred.kind, i, content == 0
            if i in self.qtok or info.has("relative") or info.norm in _SCAN_STOPS or info.has("sub_before"):
                return None
            if not (info.has("filler") or self.date_tok[i]):
                content += 1
                if content > 4:
                    return None
            i -= 1
        return None

    def _post_verb(self, c: Cand, h: int, b: int, window: int, *, through: bool):
        """(kind, token) of a verb after the counted noun agreeing with it, "combined", or None."""
        plural = (c.count or c.value) != 1
        verbs = lx.POST_PLURAL if plural else lx.POST_SINGULAR
        j = h + 1
        while j < b and j - h <= window:
            if self.boundary(j - 1, j):
                return None
            info = self.infos[j]
            if j in self.qtok and not through:
                return None
            if info.has("sub_before") or (info.pred is not None and not info.pred.verb):
                return None
            if info.pred is not None and (info.norm in verbs or classify(info.norm).norm in verbs):
                if j + 1 < b and not self.boundary(j, j + 1):
                    nxt = self.infos[j + 1]
                    # قتلوا وأصيبوا: both agree with the noun; "قتلوا وأصيب ستة" starts a new count.
                    if nxt.pred is not None and nxt.pred.kind != info.pred.kind and nxt.norm[1:] in verbs:
                        return "combined"
                return info.pred.kind, j
            if info.noun is not None and info.noun.role == "kind" and j + 1 < b:
                other = self.infos[j + 1].noun
                if other is not None and other.role == "kind" and other.label != info.noun.label:
                    return "combined"
            j += 1
        return None

    def _coordinated(self, c: Cand, prev: Found, a: int) -> bool:
        """The number is joined by و to the figure just before it (15 طفلا و22 امرأة)."""
        tok = self.toks[c.first]
        glued = tok.start < c.start and self.text[tok.start : c.start] == "و"
        sep = c.first - 1 >= a and self.toks[c.first - 1].text == "و"
        if not (glued or sep or self.toks[c.first].text.startswith("و")):
            return False
        return 0 <= c.first - prev.last_tok <= 8

    def frames(self, a: int, b: int) -> list[tuple[int, int, str]]:
        """Totals in the sentence: (first token, last token, kind) for عدد القتلى، حصيلة قتلاه،
        عدد المدنيين الذين قتلوا، إجمالي عددهم (the kind named earlier in the sentence)."""
        out = []
        last_kind = None
        for i in range(a, b):
            info = self.infos[i]
            if info.pred is not None:
                last_kind = info.pred.kind
            elif info.noun is not None and info.noun.role == "kind":
                last_kind = info.noun.label
            if not info.has("total"):
                continue
            if info.has("total_pron"):
                if last_kind:
                    out.append((i, i, last_kind))
                continue
            for j in range(i + 1, min(i + 4, b)):
                if self.boundary(j - 1, j):
                    break
                nj = self.infos[j]
                if nj.noun is not None and nj.noun.role == "kind":
                    out.append((i, j, nj.noun.label))
                    break
                if nj.noun is not None and nj.noun.role == "person":
                    for k in range(j + 1, min(j + 5, b)):
                        if self.infos[k].has("relative") and k + 1 < b and self.infos[k + 1].pred is not None:
                            out.append((i, k + 1, self.infos[k + 1].pred.kind))
                            break
                    break
                if nj.pred is not None and not nj.pred.verb:
                    out.append((i, j, nj.pred.kind))
                    break
            else:
                if info.norm in ("الحصيله", "حصيله") and self.last_kind:
                    out.append((i, i, self.last_kind))
        return out

    def _frame(self, c: Cand, frames: list[tuple[int, int, str]]):
        for f0, f1, kind in frames:
            if f1 < c.first and c.first - f1 <= _FRAME_WINDOW:
                # Only the first count after the total completes it.
                between = [k for k in range(f1 + 1, c.first) if k in self.qtok and self._could_count(k)]
                if not between:
                    return kind, f0
            if f0 > c.last and f0 - c.last <= 10 and c.first > 0 and self.infos[c.first - 1].has("rise_to"):
                return kind, f0
        return None

    def _could_count(self, k: int) -> bool:
        q = self.qtok[k]
        return q.unit is None and q.value is not None

    def superseded_from(self, a: int, b: int) -> int | None:
        """Token index of "ارتفعت الحصيلة" (the toll rose) when no new count follows it in the
        sentence: the counts before it are outdated ("وثق أمس مقتل 17، إلا أن الحصيلة ارتفعت")."""
        for i in range(a, b - 1):
            pair = (self.infos[i], self.infos[i + 1])
            if any(x.norm in lx.RISE_VERBS for x in pair) and any(x.has("total") for x in pair):
                if any(k in self.qtok and self._could_count(k) for k in range(i + 2, b)):
                    return None
                return i
        return None
