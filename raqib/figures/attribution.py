"""Source attribution: the party a sentence credits (بحسب المرصد، قال مصدر أمني، أفاد ناشطون).

``attribute(doc, ctx)`` walks the sentences in order and returns, per sentence, the
attributions found there: a cue (prepositional: بحسب / وفق / نقلا عن; verbal: قال / أفاد / أعلن /
وثق; "صادر عن"), its position, and the Source. The party is, by preference, a PER or ORG entity
mention right after the cue, else a generic noun phrase (مصادر محلية، ناشطون ميدانيون) rendered
in English from the lexicon, else a definite anaphor (المصدر، البيان) or a subjectless
continuation verb (وأضاف أن) that points back to the last source named in the article.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass

from raqib.figures import lexicon as lx
from raqib.figures.cues import Info
from raqib.model.doc import Doc
from raqib.model.entities import Entity
from raqib.model.figures import Source
from raqib.model.span import Span
from raqib.text.normalize import normalize_str

# Punctuation that closes the subject of a saying verb (quotes and brackets do not: «المرصد»).
_STOP_CHARS = set("،,؛;:.!?؟\n")
_SKIP_AFTER_PREP = frozenset(
    normalize_str(w)
    for w in [
        "ما",
        "توثيق",
        "إحصائية",
        "احصائيات",
        "إحصاءات",
        "بيان",
        "تقرير",
        "معلومات",
        "أرقام",
        "بيانات",
        "تقديرات",
        "عن",
        "إلى",
        "الى",
        "مصادر",
        "مصدر",
        "لما",
        "تصريحات",
        "تصريح",
        "حصيلة",
        "أحدث",
        "آخر",
        "إحصاء",
        "رواية",
        "شهادات",
    ]
)
_COMPLEMENTISERS = frozenset(
    normalize_str(w) for w in ["أن", "إن", "أنه", "إنه", "بأن", "أنها", "إنها", "بأنه"]
)
_KANA = frozenset(normalize_str(w) for w in ["كان", "وكان", "كانت", "وكانت"])
_OPENERS = {"(": ")", '"': '"', "«": "»", "“": "”", "”": "”", "'": "'"}
_PUBLISHERS = lx.PUBLISHER_HEADS
_PLACE_WORDS = (" Governorate", " Province", " District", " Subdistrict")
_TITLES = frozenset(
    normalize_str(w)
    for w in [
        "مدير",
        "رئيس",
        "وزير",
        "المتحدث",
        "الناطق",
        "منسق",
        "قائد",
        "مسؤول",
        "مدير",
        "محافظ",
        "عضو",
        "الأمين",
        "المدير",
        "الرئيس",
        "الوزير",
        "وكيل",
        "نائب",
        "ممثل",
        "مندوب",
        "سفير",
        "مراسل",
    ]
)


@dataclass(frozen=True)
class Attribution:
    """A source cue in a sentence: ``pos`` is the cue's offset, ``style`` "prep", "verb" or
    "cont" (a verb with no subject continuing the last speaker)."""

    pos: int
    style: str
    source: Source | None


@dataclass(frozen=True)
class _Mention:
    span: Span
    entity: Entity


class Attributor:
    """Finds the attributions of every sentence of one document, in reading order."""

    def __init__(self, doc: Doc, infos: list[Info]):
        self.doc = doc
        self.toks = doc.tokens
        self.infos = infos
        mentions = [_Mention(m, e) for e in doc.entities if e.type in ("PER", "ORG") for m in e.mentions]
        mentions.sort(key=lambda m: (m.span.start, -m.span.end))
        self.mentions = mentions
        self.mention_starts = [m.span.start for m in mentions]
        places = [_Mention(m, e) for e in doc.entities if e.type == "LOC" for m in e.mentions]
        places.sort(key=lambda m: m.span.start)
        self.places = places
        self.last: Source | None = None
        self.toks_starts = [t.start for t in self.toks]
        self.src_idx = [i for i, info in enumerate(infos) if info.src_any]

    # -- helpers ----------------------------------------------------------------------------

    def _stop_between(self, i: int, j: int) -> bool:
        gap = self.doc.text[self.toks[i].end : self.toks[j].start]
        return any(c in _STOP_CHARS for c in gap)

    def _mention_at(self, start: int, end: int) -> _Mention | None:
        """The longest entity mention starting in [start, end)."""
        k = bisect.bisect_left(self.mention_starts, start)
        best = None
        while k < len(self.mentions) and self.mentions[k].span.start < end:
            m = self.mentions[k]
            if best is None or len(m.span) > len(best.span):
                best = m
            k += 1
        return best

    def _place_at(self, start: int, end: int) -> _Mention | None:
        return next((m for m in self.places if start <= m.span.start < end), None)

    def _quoted_name(self, pos: int, limit: int) -> Span | None:
        """The name in quotes or brackets right at ``pos``: موقع (صوت العاصمة)، وكالة "سمارت"."""
        text = self.doc.text
        while pos < limit and text[pos] == " ":
            pos += 1
        if pos >= limit or text[pos] not in _OPENERS:
            return None
        close = text.find(_OPENERS[text[pos]], pos + 1, min(limit + 40, len(text)))
        if close <= pos + 1 or close - pos > 40:
            return None
        return self.doc.span(pos + 1, close)

    def _last_tok(self, pos: int, default: int) -> int:
        k = bisect.bisect_left(self.toks_starts, pos) - 1
        return k if k >= default else default

    def _entity_source(self, m: _Mention, cue: str, suffix: str | None = None) -> Source:
        name = m.entity.name_en
        if name and suffix:
            name = f"{name} {suffix}"
        return Source(span=m.span, name_en=name, entity_key=m.entity.key, cue=cue)

    # -- party after a cue ------------------------------------------------------------------

    def party(self, j: int, end: int, cue: str) -> Source | str | None:
        """The party named from token ``j`` on (up to token ``end``): a Source, "anaphor", or None."""
        toks, infos = self.toks, self.infos
        if j >= end:
            return None
        # The window: up to 10 tokens, closed by punctuation or a complementiser (أن، إن).
        k = j
        while k < end and k - j < 10:
            if k > j and self._stop_between(k - 1, k):
                break
            if k > j and infos[k].has("subj_stop") and infos[k].norm not in ("في", "عن"):
                break
            k += 1
        win_end = toks[k - 1].end
        first = infos[j]
        # المصدر، البيان: the source named before, unless the phrase names a new one
        # (المصادر الطبية، المصدر في وزارة ...).
        if (
            first.has("src_anaphor")
            and self.last is not None
            and not self._mention_at(toks[j].start, toks[j].end)
        ):
            nxt = infos[j + 1] if j + 1 < k else None
            if nxt is None or not (nxt.src_mod or nxt.norm in ("في", "من")):
                return "anaphor"
        if (
            first.norm in _PUBLISHERS
            or normalize_str(first.norm[1:]) in _PUBLISHERS
            and first.norm[:1] in "لب"
        ):
            m = self._mention_at(toks[j].start, toks[min(j + 2, k - 1)].end)
            if m is not None:
                return self._entity_source(m, cue)
            name = self._quoted_name(toks[j].end, win_end)
            if name is not None:
                return Source(span=name, name_en=None, entity_key=None, cue=cue)
        # A generic head (مصدر في وزارة الداخلية، مصادر محلية) is handled first: the entity after
        # في / من is the institution the source belongs to.
        if first.src_head and not (first.has("src_anaphor") and self._mention_at(toks[j].start, toks[j].end)):
            return self._generic(j, k, cue)
        mentions = []
        pos = toks[j].start
        while pos < win_end:
            m = self._mention_at(pos, win_end)
            if m is None:
                break
            mentions.append(m)
            pos = m.span.end
        if mentions:
            pers = [m for m in mentions if m.entity.type == "PER"]
            # A title before an organisation and a name (مدير المرصد رامي عبد الرحمن): the
            # speaker is the person.
            if pers and (mentions[0].entity.type == "PER" or first.norm in _TITLES):
                return self._entity_source(pers[0], cue)
            if mentions[0].span.start <= toks[min(j + 2, k - 1)].end:
                return self._entity_source(mentions[0], cue)
        if first.has("src_anaphor"):
            return "anaphor"
        return None

    def _generic(self, j: int, k: int, cue: str) -> Source | None:
        toks, infos = self.toks, self.infos
        head = infos[j].src_head or ""
        mods: list[tuple[int, str]] = []
        end = j
        i = j + 1
        # مصادر الدفاع المدني: the institution as a genitive right after the head.
        if i < k:
            m = self._mention_at(toks[i].start, toks[i].start + 1)
            if m is not None:
                return self._entity_source(m, cue, head)
        # وسائل إعلام / تقارير إخبارية: the head may span two words.
        while i < k:
            info = infos[i]
            if info.src_mod:
                mods.append(info.src_mod)
                end = i
                i += 1
                continue
            if info.norm in ("في", "من", "ب", "داخل", "لدى") or (
                info.norm[:1] in ("ب", "ل") and self._mention_at(toks[i].start, toks[i].end)
            ):
                m = self._mention_at(toks[i].start, toks[min(i + 1, k - 1)].end)
                if m is not None:
                    return self._entity_source(m, cue, head)
                dom = lx.source_domains()
                for n in (2, 1):
                    if i + n < k:
                        key = normalize_str(self.doc.text[toks[i + 1].start : toks[i + n].end])
                        if key in dom:
                            mods.append((4, dom[key]))
                            end = i + n
                            # شرطة محافظة ديالى: the place names the force ("Diyala police").
                            place = self._place_at(toks[end].end, toks[min(end + 2, k - 1)].end + 1)
                            if place is not None and place.entity.name_en:
                                pname = place.entity.name_en
                                for w in _PLACE_WORDS:
                                    pname = pname.replace(w, "")
                                mods.append((3, pname))
                                end = self._last_tok(place.span.end, end)
                            break
                else:
                    # مصدر في محافظة حلب: a source in a place's administration.
                    place = self._place_at(toks[i].start, toks[min(i + 2, k - 1)].end)
                    if place is not None and place.entity.name_en:
                        pname = place.entity.name_en
                        # مصدر في محافظة حلب: the governorate's administration.
                        before = self.doc.text[max(0, place.span.start - 8) : place.span.end]
                        if "محافظة" in before and "Governorate" not in pname:
                            pname += " Governorate"
                        mods.append((3, pname))
                        end = self._last_tok(place.span.end, end)
                break
            break
        if head in ("media",) and mods and mods[0][1] == "media":
            mods = mods[1:]
        words = [w for _r, w in sorted(mods, key=lambda x: x[0])]
        name = " ".join(words + [head]) if head else None
        span = self.doc.span(toks[j].start, toks[end].end)
        return Source(span=span, name_en=name, entity_key=None, cue=cue)

    # -- one sentence -----------------------------------------------------------------------

    def sentence(self, a: int, b: int) -> list[Attribution]:
        """Attributions among tokens [a, b) of one sentence; updates the last source."""
        out: list[Attribution] = []
        infos, toks = self.infos, self.toks
        lo, hi = bisect.bisect_left(self.src_idx, a), bisect.bisect_left(self.src_idx, b)
        for i in self.src_idx[lo:hi]:
            info = infos[i]
            cue = toks[i].text
            if info.has("src_prep"):
                j = i + 1
                while j < b and infos[j].norm in _SKIP_AFTER_PREP and not infos[j].src_head:
                    j += 1
                if j < b and infos[j].has("src_verb"):  # بحسب ما أعلن المرصد
                    j += 1
                    while j < b and infos[j].norm in _SKIP_AFTER_PREP:
                        j += 1
                got = self.party(j, b, cue)
                if got is None and infos[i + 1 if i + 1 < b else i].norm in _SKIP_AFTER_PREP:
                    got = self.party(i + 1, b, cue)
                self._add(out, toks[i].start, "prep", got)
            elif info.has("src_from") and i + 1 < b:
                nxt = infos[i + 1]
                if nxt.norm == "عن" and i + 2 < b:
                    got = self.party(i + 2, b, cue)
                    if not isinstance(got, Source):
                        got = self._noun_phrase(i + 2, b, cue)
                    self._add(out, toks[i].start, "prep", got)
                elif info.norm in ("بيان", "تقرير") and nxt.norm[:1] == "ل":
                    m = self._mention_at(toks[i + 1].start, toks[i + 1].end)
                    if m is not None:
                        self._add(out, toks[i].start, "prep", self._entity_source(m, cue))
            elif info.has("src_verb"):
                got = self.party(i + 1, b, cue) if i + 1 < b else None
                if got is None and i > a:
                    got = self._subject_before(i, a, cue)
                if got is None:
                    if info.has("src_cont") and self._opens_clause(i, b):
                        self._add(out, toks[i].start, "cont", "anaphor")
                    continue
                if info.has("src_verb_strict") and not isinstance(got, Source):
                    continue
                self._add(out, toks[i].start, "verb", got)
            elif info.has("src_cont") and self._opens_clause(i, b):
                self._add(out, toks[i].start, "cont", "anaphor")
        return out

    def _opens_clause(self, i: int, b: int) -> bool:
        """A complementiser (أن، إن) or punctuation follows: وأضاف أن، وبيّن أنّ."""
        nxt = self.infos[i + 1] if i + 1 < b else None
        return nxt is None or self._stop_between(i, i + 1) or nxt.norm in _COMPLEMENTISERS

    def _subject_before(self, i: int, a: int, cue: str) -> Source | None:
        """The subject written before its verb: وكان مصدر في المحافظة أفاد، وكان المرصد وثق."""
        for k in range(i - 1, max(a, i - 7) - 1, -1):
            if self._stop_between(k, k + 1):
                return None
            if self.infos[k].norm in _KANA:
                got = self.party(k + 1, i, cue)
                return got if isinstance(got, Source) else None
        return None

    def _noun_phrase(self, j: int, b: int, cue: str) -> Source | None:
        """Up to five words naming a party that is not a known entity (وحدة إدارة مخاطر الكوارث),
        stopping at punctuation or at a word that attaches a known entity (بالحكومة)."""
        toks = self.toks
        end = None
        for k in range(j, min(j + 5, b)):
            if k > j and (self._stop_between(k - 1, k) or self.infos[k].has("subj_stop")):
                break
            if k > j and self.toks[k].text[:1] in "بلو" and self._mention_at(toks[k].start, toks[k].end):
                break
            end = k
        if end is None or end == j:
            return None
        return Source(
            span=self.doc.span(toks[j].start, toks[end].end), name_en=None, entity_key=None, cue=cue
        )

    def _add(self, out: list[Attribution], pos: int, style: str, got: Source | str | None) -> None:
        if got is None:
            return
        if got == "anaphor":
            if self.last is None:
                return
            src = self.last
        else:
            src = got  # type: ignore[assignment]
            self.last = src
        out.append(Attribution(pos, style, src))


def pick(attrs: list[Attribution], pos: int) -> Source | None:
    """The attribution covering a figure at offset ``pos``: the nearest verb cue before it, or
    the nearest prepositional cue (بحسب ... before or after the figure)."""
    best: tuple[int, Source] | None = None
    for a in attrs:
        if a.style in ("verb", "cont") and a.pos > pos:
            continue
        d = abs(pos - a.pos)
        if best is None or d < best[0]:
            best = (d, a.source)  # type: ignore[assignment]
    return best[1] if best else None
