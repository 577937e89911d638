"""Stage: persons and organisations (PER, ORG), each distinct entity once with all its mentions.

1. The article's country (names, nisba adjectives, key places), for forms that depend on it
   ("قوات النظام" is the Syrian regime's forces in an article about Syria).
2. Dictionary forms of the actors KB (``raqib.kb.actors``) on the normalised view
   (``entity_match``), longest match first; anaphors ("المرصد") once the full name appeared.
3. Persons from context (``entity_persons``): a title and a name, or a given name and a
   surname; later surnames alone link back ("لودريان").
4. Unknown persons get an English name from ``arabic-name-romanizer`` (loaded on first need).

Places (LOC) come from the next stage, which skips spans inside these mentions.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field
from functools import cache, lru_cache
from itertools import accumulate
from typing import TYPE_CHECKING

from raqib.kb.actors import ActorDictionary, ActorEntry
from raqib.model.doc import Doc
from raqib.model.entities import Entity
from raqib.model.span import Span
from raqib.stages import entity_patterns
from raqib.stages.entity_match import Hit, article_country, match
from raqib.stages.entity_persons import PersonFind, PersonFinder, _strip
from raqib.text.tokenize import Token

if TYPE_CHECKING:
    from raqib.pipeline import Context


@dataclass
class _Acc:
    """An entity being assembled."""

    type: str
    key: str
    name: str
    name_en: str | None
    country: str | None
    category: str | None
    ids: dict
    role: str | None = None
    confidence: float = 0.0
    spans: set[Span] = field(default_factory=set)
    tokens: tuple[str, ...] = ()


def run(doc: Doc, ctx: Context) -> Doc:
    actors = ctx.kb.actors
    return doc.with_(entities=doc.entities + tuple(extract(doc, actors, ctx.settings.country_hint)))


def extract(doc: Doc, actors: ActorDictionary, country_hint: str | None = None) -> list[Entity]:
    """PER and ORG entities of ``doc`` (needs ``doc.tokens``), ordered by first mention."""
    country = article_country(doc, actors, country_hint)
    hits = match(doc, actors, country)
    accs: dict[str, _Acc] = {}
    covered: list[tuple[int, int, str, str]] = []
    for h in hits:
        span = doc.view_span(h.start, h.end)
        if not h.descriptor:
            _add_hit(accs, actors, h, span)
        covered.append((span.start, span.end, h.key, h.type))
    for po in entity_patterns.find(doc, actors, covered, country):
        a = accs.get(po.key)
        if a is None:
            name_en = po.name_en.replace("{place}", _romanise_place(po.place)) if po.place else po.name_en
            a = accs[po.key] = _Acc(
                "ORG", po.key, doc.text[po.start : po.end], name_en, po.country, po.category, {}
            )
        a.spans.add(doc.span(po.start, po.end))
        a.confidence = max(a.confidence, 0.75)
        covered.append((po.start, po.end, po.key, "ORG"))
    finder = PersonFinder(doc, actors, covered, country)
    for p in finder.find():
        _add_person(accs, doc, p)
    _link_surnames(doc, accs, covered, finder)
    _romanise(accs)
    out = [
        Entity(
            type=a.type,
            key=a.key,
            name=a.name,
            mentions=tuple(sorted(a.spans)),
            name_en=a.name_en,
            country=a.country,
            category=a.category,
            ids=a.ids,
            role=a.role,
            confidence=round(a.confidence, 3),
        )
        for a in accs.values()
        if a.spans
    ]
    return sorted(out, key=lambda e: e.mentions[0].start)


def _add_hit(accs: dict[str, _Acc], actors: ActorDictionary, h: Hit, span: Span) -> None:
    a = accs.get(h.key)
    if a is None:
        e = actors.entries[h.key]
        ids = {"wikidata": e.wikidata} if e.wikidata else {}
        a = accs[h.key] = _Acc(e.type, e.key, e.name_ar, e.name_en, e.country, e.category, ids)
    a.spans.add(span)
    a.confidence = max(a.confidence, h.confidence)


def _add_person(accs: dict[str, _Acc], doc: Doc, p: PersonFind) -> None:
    if p.dict_key is not None:
        a = accs.get(p.dict_key)
        if a is not None and a.role is None and p.role:
            a.role = p.role
        return
    key = "per:" + " ".join(p.tokens)
    a = accs.get(key)
    if a is None:
        # The same person named more fully elsewhere: "ناصر ياسين" then "الوزير ياسين".
        a = next(
            (x for x in accs.values() if x.type == "PER" and x.tokens and _extends(x.tokens, p.tokens)), None
        )
    if a is None:
        a = accs[key] = _Acc(
            "PER", key, doc.text[p.start : p.end], None, p.country, "person", {}, tokens=p.tokens
        )
    elif len(p.tokens) > len(a.tokens):
        a.tokens, a.name = p.tokens, doc.text[p.start : p.end]
    a.spans.add(doc.span(p.start, p.end))
    a.role = a.role or p.role
    a.country = a.country or p.country
    a.confidence = max(a.confidence, p.confidence)


def _extends(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    """One name is a tail of the other ("ياسين" of "ناصر ياسين")."""
    short, long_ = (a, b) if len(a) <= len(b) else (b, a)
    return len(short) < len(long_) and long_[-len(short) :] == short


def _link_surnames(doc: Doc, accs: dict[str, _Acc], covered: list, finder: PersonFinder) -> None:
    """Add mentions of a person's surname alone ("لودريان" after "جان إيف لودريان")."""
    aliases: dict[tuple[str, ...], _Acc] = {}
    for a in accs.values():
        if a.type != "PER":
            continue
        names = a.tokens or tuple(_norm_tokens(min(a.spans, key=lambda s: s.start).text))
        if len(names) < 2:
            continue
        tail = names[-2:] if names[-2] in ("عبد", "ابو", "بن") else names[-1:]
        if len(tail) == 1 and (len(tail[0]) < 3 or tail[0] in finder.stop):
            continue
        aliases.setdefault(tail, a)
        if tail[0] == "عبد" or tail[0] == "ابو":
            aliases.setdefault((tail[0] + tail[1],), a)
    if not aliases:
        return
    taken = [(s.start, s.end) for a in accs.values() for s in a.spans] + [(c[0], c[1]) for c in covered]
    heads = {tail[0] for tail in aliases}
    toks = doc.tokens
    for i in _ending_in(toks, heads):
        t = toks[i]
        for off, stem in _strip(t.norm):
            for tail, a in aliases.items():
                if tail[0] != stem or i + len(tail) > len(toks):
                    continue
                if any(toks[i + k].norm != tail[k] for k in range(1, len(tail))):
                    continue
                start = t.start + _char_off(t.text, off)
                end = toks[i + len(tail) - 1].end
                if any(s < end and start < e for s, e in taken):
                    continue
                a.spans.add(doc.span(start, end))
                taken.append((start, end))
                break


def _ending_in(toks: tuple[Token, ...], heads: set[str]) -> list[int]:
    """Indexes, in order, of the tokens whose norm is a head or a head after one or two letters
    (``norm in heads or norm[1:] in heads or norm[2:] in heads``), found by searching the words
    for each head rather than testing every word."""
    norms = [t.norm for t in toks]
    words = "\x00".join(norms) + "\x00"
    ends = list(accumulate(len(n) + 1 for n in norms))  # offset just past each word's separator
    found = set()
    for h in heads:
        if not h:
            return [i for i, n in enumerate(norms) if n in heads or n[1:] in heads or n[2:] in heads]
        pos = words.find(h + "\x00")
        while pos >= 0:
            i = bisect_right(ends, pos)  # the word this occurrence ends
            if len(norms[i]) - len(h) <= 2:
                found.add(i)
            pos = words.find(h + "\x00", pos + 1)
    return sorted(found)


def _norm_tokens(text: str) -> list[str]:
    from raqib.text.normalize import normalize_str

    return normalize_str(text).split()


def _char_off(word: str, n_norm: int) -> int:
    from raqib.stages.entity_persons import _orig_offset

    return _orig_offset(word, n_norm)


def _romanise(accs: dict[str, _Acc]) -> None:
    pending = [a for a in accs.values() if a.type == "PER" and a.name_en is None]
    if not pending:
        return
    for a in pending:
        a.name_en = _romanise_name(a.name, a.country)


@lru_cache(maxsize=4096)
def _romanise_name(name: str, country: str | None) -> str | None:
    tr = _romanizer()
    if tr is None:
        return None
    try:
        return tr.transliterate(name, country=country) or None
    except Exception:  # noqa: BLE001 - a romanisation failure must not lose the entity
        return None


@lru_cache(maxsize=4096)
def _romanise_place(word: str) -> str:
    tr = _romanizer()
    if tr is None:
        return word
    try:
        return tr.transliterate(word) or word
    except Exception:  # noqa: BLE001
        return word


@cache
def _romanizer():
    """The romaniser, loaded on the first unknown person; None if the package is absent.

    Dictionary and rules only: its ONNX model costs ~24 ms a name (measured on 200 corpus
    articles, 6.3 s of 11 s), which alone would break the 150 articles/s budget; the name
    index covers common Arabic names and the rules give a readable form for the rest.
    """
    try:
        from arabic_name_romanizer import Transliterator
    except ImportError:
        return None
    tr = Transliterator(auto_load_model=False)
    if getattr(tr, "index", None) is not None:
        tr.index = _MemoIndex(tr.index)
    return tr


class _MemoIndex:
    """The romaniser's read-only SQLite name index with its lookups memoised: given names and
    surnames recur across articles (محمد، أحمد، عبد), and each lookup is two SQLite queries and a
    ranking (half the time of a romanisation). Answers are the index's own, shared read-only."""

    _MAX = 1 << 16  # entries per table before the memo starts afresh (bounded memory)

    def __init__(self, index):
        self._index = index
        self._full: dict[tuple, list] = {}
        self._units: dict[tuple, list] = {}

    def lookup_full(self, key: str, country: str | None = None, script: str = "arabic") -> list:
        k = (key, country, script)
        out = self._full.get(k)
        if out is None:
            if len(self._full) >= self._MAX:
                self._full.clear()
            out = self._full[k] = self._index.lookup_full(key, country, script)
        return out

    def lookup_unit(
        self, key: str, country: str | None = None, role: str | None = None, script: str = "arabic"
    ) -> list:
        k = (key, country, role, script)
        out = self._units.get(k)
        if out is None:
            if len(self._units) >= self._MAX:
                self._units.clear()
            out = self._units[k] = self._index.lookup_unit(key, country, role, script)
        return out

    def __getattr__(self, name: str):
        return getattr(self._index, name)


def actor_mentions(
    doc: Doc, actors: ActorDictionary, country: str | None = None
) -> list[tuple[Span, ActorEntry]]:
    """Every dictionary actor mention of ``doc``, descriptions included ("فصائل المعارضة",
    "الطيران الحربي" in a Syrian article), which ``doc.entities`` leaves out as not named:
    for the events stage to resolve actors. ``country`` defaults to the article's country."""
    country = country or article_country(doc, actors)
    return [(doc.view_span(h.start, h.end), actors.entries[h.key]) for h in match(doc, actors, country)]


def entity_at(
    doc: Doc, start: int, end: int, types: tuple[str, ...] = ("PER", "ORG", "LOC")
) -> Entity | None:
    """The entity with a mention covering original span [start, end), else one overlapping it."""
    overlap = None
    for e in doc.entities:
        if e.type not in types:
            continue
        for m in e.mentions:
            if m.start <= start and end <= m.end:
                return e
            if overlap is None and m.start < end and start < m.end:
                overlap = e
    return overlap
