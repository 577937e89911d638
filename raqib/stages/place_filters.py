"""Readings of a gazetteer name that are common words, not places (used by the places stage).

A name matched in the text is vetoed when its context makes it a common word: a set phrase
measured on the ANT corpus ("وقف إطلاق النار", "بين البلدين"; raqib/kb/data/place_context.tsv), a
demonstrative before it ("هذا الجيب"), a date ("في مارس"), a pronoun suffix written with ه where the
place has ة ("منزله" = his house, not Manzalah), a proclitic reading of a word of its own ("لعبة" is
no ل + عبة; "وبرية" no و + ب + رية), a nisba adjective ("العاصمة الصينية"), or a square/street/
hospital name ("ساحة عدن" is a square, not Aden). Squares, streets and markets become local
features placed at the article's city.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import regex

from raqib.kb.geo_names import clitic_forms
from raqib.model.entities import Entity, Place
from raqib.text.normalize import normalize_str

if TYPE_CHECKING:
    from collections.abc import Callable

    from raqib.kb.gazetteer import Gazetteer
    from raqib.model.doc import Doc
    from raqib.stages.places import Match

# Words before a name that make it part of a local feature's name (normalised): a square, street
# or market is a place of its own (the annotation guidelines keep "ساحة عدن" as a LOC in Baghdad).
LOCAL_FEATURES = frozenset(["ساحه", "شارع", "ميدان", "دوار", "سوق"])
# ...and institutions named after a city ("مستشفى عدن"، "جامعة دمشق"): not the city, not a LOC.
INSTITUTIONS = frozenset(
    ["مستشفي", "مدرسه", "جامعه", "مسجد", "جامع", "فندق", "مطعم", "ملعب", "استاد", "نادي", "كليه", "معهد"]
)
_DEMONSTRATIVES = frozenset(
    normalize_str(w) for w in ["هذا", "هذه", "ذلك", "تلك", "هذين", "هاتين", "هؤلاء", "أولئك"]
)
# Particles the normaliser folds onto rare place names ("على" -> علي, "إلى" -> الي).
_PARTICLES = frozenset(
    normalize_str(w) for w in ["على", "إلى", "عن", "مع", "لدى", "حتى", "منذ", "عند", "غير", "ضد", "لكن"]
)
# Two proclitics (وب، فل...) on a name: only for well-known places (a town of ~10k people with a
# Wikidata id has prior ~5.2; build_gazetteer.prior), as "وبرية" = و + برية, not و + ب + رية.
STACKED_PRIOR = 5.0
# One proclitic on a name of at most SHORT letters ("لعبة" = ل + عبة) needs a place word before it
# or a notable place (prior of a locality of ~3k people with a Wikidata id).
SHORT = 3
SHORT_PRIOR = 4.0
# A pronoun-suffix reading (منزله) is vetoed for places less known than this (NOTABLE_PRIOR of
# scripts/place_ambiguity.py): big towns are written with ه by careless writers too.
PRONOUN_PRIOR = 5.5
_MARKS = regex.compile(r"[\u064b-\u0652\u0640]+$")


def _gap_ok(text: str, a: int, b: int) -> bool:
    """Only whitespace (one or two characters) between two tokens."""
    return 1 <= b - a <= 2 and not text[a:b].strip()


def _prev_norm(doc: Doc, i: int) -> str:
    toks = doc.tokens
    if i == 0 or not _gap_ok(doc.text, toks[i - 1].end, toks[i].start):
        return ""
    return toks[i - 1].norm


def _feature_word(norm: str) -> str:
    for _, form, _clitic in clitic_forms(norm):
        if form in LOCAL_FEATURES or form in INSTITUTIONS:
            return form
    return ""


def feature_start(doc: Doc, i: int) -> int:
    """Start of the feature word ("ساحة" of "وساحة عدن", its clitic left out) before token i."""
    tok = doc.tokens[i - 1]
    for skip, form, _clitic in clitic_forms(tok.norm):
        if form in LOCAL_FEATURES:
            from raqib.text.tokenize import _orig_offset

            return tok.start + (_orig_offset(tok.text, skip) if skip else 0)
    return -1


def _is_fem_nisba(form: str, key: str, gaz: Gazetteer) -> bool:
    """The feminine nisba ("الصينية"، "العراقية"): the feminine adjective of a country or province the gazetteer knows."""
    if not (form.startswith("ال") and form.endswith("يه")) or len(form) < 7:
        return False
    if any(e.place_type in ("country", "admin1") for e in gaz.lookup_key(key)):
        return False
    stem = form[:-2]
    for cand in (stem, stem[2:], stem[2:] + "ا", stem[2:] + "يا"):
        if any(e.place_type in ("country", "admin1") or e.population > 100_000 for e in gaz.lookup_key(cand)):
            return True
    return False


def common_word_reading(
    doc: Doc,
    gaz: Gazetteer,
    m: Match,
    clitic: str,
    in_date: Callable[[int, int], bool],
    after_place: bool = False,
) -> str:
    """Why the match is a common word ("" when nothing says so); "feature" for a square/street.
    ``after_place``: the word before is an accepted place ("قرى انخل وداعل ونمر": a list)."""
    toks, text, key = doc.tokens, doc.text, m.key
    i, last = m.tok, m.tok + m.n_tokens - 1
    ctx = gaz.context
    prev = _prev_norm(doc, i)
    if key in _PARTICLES:
        return "particle"
    if prev and not clitic:
        fw = _feature_word(prev)
        if fw:
            # "ساحة المعركة" (battlefield): a common word after the feature word is no name.
            amb = gaz.ambiguity.get(key)
            common = amb is not None and amb.decision == "stop"
            return "feature" if fw in LOCAL_FEATURES and not common else "institution"
    if m.cue == 2:
        return ""
    if in_date(m.start, m.end):
        return "date"
    if prev in _DEMONSTRATIVES:
        return "demonstrative"
    if not clitic and (key, prev) in ctx.before:
        return "collocation"
    if (
        last + 1 < len(toks)
        and _gap_ok(text, toks[last].end, toks[last + 1].start)
        and (key, toks[last + 1].norm) in ctx.after
    ):
        return "collocation"
    entries = gaz.lookup_key(key)
    best = max((e.prior for e in entries), default=0.0)
    if clitic and m.n_tokens == 1:
        if toks[i].norm in ctx.words:
            return "word"
        letters = len(key) - (2 if key.startswith("ال") and clitic.endswith("لل") else 0)
        stacked = len(clitic) >= 2 and clitic != "لل"
        if stacked and (best < STACKED_PRIOR or letters < SHORT):
            return "stacked"
        if letters <= SHORT and best < SHORT_PRIOR and not m.word_cue and not after_place:
            return "short"
    if m.n_tokens == 1 and _is_fem_nisba(key, key, gaz):
        return "nisba"
    end_char = _MARKS.sub("", toks[last].text)[-1:]
    if end_char == "ه" and best < PRONOUN_PRIOR and entries and all(e.name_ar.endswith("ة") for e in entries):
        return "pronoun"
    return ""


def _city(doc: Doc, start: int, entities: list[Entity], own_key: str) -> Entity | None:
    """The town a feature lies in: a located town named in the same sentence, else the article's
    most often named town (at least twice)."""
    towns = [
        e
        for e in entities
        if e.place is not None
        and e.place.lat is not None
        and e.category in ("locality", "admin2", "admin3")
        and normalize_str(e.name) != own_key
    ]
    if not towns:
        return None
    sent = next((s for s in doc.sentences if s.start <= start < s.end), None)
    if sent is not None:
        near = [
            (abs(mm.start - start), e)
            for e in towns
            for mm in e.mentions
            if sent.start <= mm.start < sent.end
        ]
        if near:
            return min(near, key=lambda t: t[0])[1]
    top = max(towns, key=lambda e: len(e.mentions))
    return top if len(top.mentions) >= 2 else None


def feature_entities(doc: Doc, features: list[Match], entities: list[Entity]) -> list[Entity]:
    """LOC entities for "ساحة عدن"-like local features, placed at their town when it is known."""
    groups: dict[str, list[Match]] = {}
    for m in features:
        groups.setdefault(normalize_str(doc.text[m.feature_start : m.end]), []).append(m)
    out = []
    for norm, ms in groups.items():
        spans = tuple(doc.span(m.feature_start, m.end) for m in sorted(ms, key=lambda m: m.start))
        city = _city(doc, spans[0].start, entities, ms[0].key)
        cp = city.place if city is not None else None
        place = Place(
            lat=cp.lat if cp else None,
            lon=cp.lon if cp else None,
            country=cp.country if cp else None,
            admin1=cp.admin1 if cp else None,
            admin2=cp.admin2 if cp else None,
            admin1_ar=cp.admin1_ar if cp else None,
            admin2_ar=cp.admin2_ar if cp else None,
            place_type="landmark",
            geo_precision=2 if cp else None,
            confidence=0.5,
        )
        out.append(
            Entity(
                type="LOC",
                key="feature:" + norm.replace(" ", "_"),
                name=spans[0].text.replace("_", " "),
                mentions=spans,
                country=place.country,
                category="landmark",
                place=place,
                confidence=0.5,
            )
        )
    return out
