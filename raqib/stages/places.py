"""Stage: places. Finds gazetteer names in title and body, geocodes them, adds LOC entities.

Runs after the entities stage: no place is found inside a PER or ORG mention ("الأمم المتحدة",
"الجيش العراقي"). Names match on normalised tokens, with attached proclitics (وحرستا، بدمشق) left
out of the mention; the longest name wins (الغوطة الشرقية over الغوطة). Names that are mostly
common words in Arabic news (place_ambiguity.tsv, measured on the ANT corpus) need a place word
before them (مدينة الباب، بلدة الشيخ مسكين); nisba adjectives (نظيره السعودي) are not places.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

import regex

from raqib.kb.gazetteer import GazEntry, Gazetteer
from raqib.kb.geo_names import PLACE_NOUNS, PLACE_PREPS, clitic_forms
from raqib.kb.geocode import Resolution, resolve
from raqib.model.doc import Doc
from raqib.model.entities import Entity, Place
from raqib.model.span import Span
from raqib.stages.place_filters import common_word_reading, feature_entities, feature_start
from raqib.text.normalize import normalize_str
from raqib.text.tokenize import Token, _orig_offset

if TYPE_CHECKING:
    from raqib.pipeline import Context

# Generic geographic nouns that name no place on their own ("المدينة" is Medina only as
# "المدينة المنورة"; "الجزيرة" is mostly the channel).
GENERIC = frozenset(
    [
        "المدينه",
        "البلده",
        "القريه",
        "المنطقه",
        "العاصمه",
        "المحافظه",
        "الحي",
        "المخيم",
        "الريف",
        "البحر",
        "الجبل",
        "الوادي",
        "النهر",
        "الساحل",
        "الشمال",
        "الجنوب",
        "الشرق",
        "الغرب",
        "الوسط",
        "الداخل",
        "الخارج",
        "المطار",
        "الميناء",
        "الجزيره",
        "الخليج",
        "الصحراء",
        "السجن",
        "الحدود",
        "المعبر",
        "القطاع",
        "الضاحيه",
        "البلد",
        "الدوله",
        "الاقليم",
        "الولايه",
        "المركز",
        "الجمهوريه",
        "المملكه",
        "الامارات",
        "العربيه",
    ]
)
# Place words left out of the mention when a gazetteer name starts with them (the annotation
# guidelines keep محافظة but not مدينة/بلدة/قرية/مخيم).
MENTION_STRIP = frozenset(["مدينه", "بلده", "قريه", "منطقه", "ناحيه", "مخيم", "مخيمات"])
_JOIN_GAP = frozenset(" _-\u00a0\t")
# Words after which a definite nisba in -يه is an adjective ("القوات السعودية"), not the country.
_NOT_NOUN = PLACE_NOUNS | PLACE_PREPS


# Definite broken plurals that take a feminine adjective ("الأراضي السورية").
_FEM_PLURALS = frozenset(["الاراضي", "الحدود", "الاجواء", "المياه", "الشركات", "الدول", "المدن", "القري"])


@dataclass(slots=True)
class Match:
    start: int
    end: int
    key: str
    tok: int
    n_tokens: int
    cue: int  # 2: a place noun before it, 1: a preposition or attached ب, 0: none
    cue_word: str
    accepted: bool
    word_cue: bool = False  # the cue is a word before the name (not just an attached ب)
    own_key: str = ""  # the key without a leading place word (مدينة عفرين -> عفرين)
    veto: bool = False  # a common-word reading the one-sense-per-discourse rule must not undo
    feature_start: int = -1  # start of "ساحة" in "ساحة عدن": a local feature, not the city


# Words that begin Levantine and Iraqi place names ("كفر بطنا"، "دير الزور"، "تل أبيض"): followed by
# another word they are the head of a name, even one the gazetteer spells differently, and never
# the hamlet of that one word elsewhere (merge labels: "كفر بتنا" in Eastern Ghouta was geocoded
# to Kafr in Fars, Iran).
TOPONYM_HEADS = frozenset(
    normalize_str(w)
    for w in ("كفر", "دير", "تل", "عين", "بيت", "خربة", "بئر", "رأس", "جسر", "قصر", "برج", "بني", "مزرعة")
)


def _joined(text: str, a: Token, b: Token) -> bool:
    """One or two of space, _, - (and the like) between the tokens."""
    n = b.start - a.end
    return (n == 1 or n == 2) and text[a.end] in _JOIN_GAP and (n == 1 or text[a.end + 1] in _JOIN_GAP)


def _prev_word(doc: Doc, i: int) -> tuple[str, str]:
    """(bare normalised previous word, its clitic) when it is in the same clause, else ("", "")."""
    if i == 0:
        return "", ""
    prev, cur = doc.tokens[i - 1], doc.tokens[i]
    text = doc.text
    if not (cur.start - prev.end == 1 and text[prev.end] == " ") and _CLAUSE_BREAK.search(
        text, prev.end, cur.start
    ):
        return "", ""
    return _place_word(prev.norm)


_CLAUSE_BREAK = regex.compile(r'[.،,؛;:!?؟()"«»\n]')


@lru_cache(maxsize=65536)
def _place_word(norm: str) -> tuple[str, str]:
    """(place noun or preposition, clitic) of a normalised word, else (the word, "")."""
    for _, form, clitic in clitic_forms(norm):
        if form in PLACE_NOUNS or form in PLACE_PREPS:
            return form, clitic
    return norm, ""


def _is_nisba(form: str, gaz: Gazetteer) -> bool:
    """السوري، التركي، الأميركي، السعودي: an adjective of a place name the gazetteer knows."""
    if not form.endswith("ي") or len(form) < 5:
        return False
    stem = form[:-1]
    bare = stem[2:] if stem.startswith("ال") else stem
    for cand in (stem + "ه", bare + "يا", bare + "ا", bare, "ال" + bare, bare + "ه"):
        for e in gaz.lookup_key(cand):
            if e.place_type in ("country", "admin1") or e.population > 100_000:
                return True
    return False


def find_matches(doc: Doc, gaz: Gazetteer, blocked: list[Span]) -> list[Match]:
    """Place-name matches, longest first at each position, with their acceptance."""
    toks = doc.tokens
    text = doc.text
    n_toks = len(toks)
    norms = [t.norm for t in toks]
    starts_of = gaz.name_starts_all(norms)
    has_key, not_matched = gaz.has_key, gaz.not_matched
    is_blocked = _overlap_test(blocked)
    in_date = _overlap_test([t.span for t in doc.dates])
    out: list[Match] = []
    nxt = 0  # the first token not inside the previous match
    for i, starts in enumerate(starts_of):
        if not starts or i < nxt:
            continue
        found = None
        # Tokens after i joined to it by a space, _ or - (a name of n tokens needs n - 1 joins),
        # counted as far as the names starting at i need; ``run_end`` once a gap breaks the run.
        run, run_end = 0, False
        rest = n_toks - i
        for skip, form, clitic, m, alone in starts:
            # The longest name first: n tokens, down to the form alone (n = 1).
            if m > 1 and rest > 1:
                need = (m if m < rest else rest) - 1
                while run < need and not run_end:
                    a, b = toks[i + run], toks[i + run + 1]
                    if _joined(text, a, b):
                        run += 1
                    else:
                        run_end = True
                for n in range(min(need, run) + 1, 1, -1):
                    key = " ".join([form, *norms[i + 1 : i + n]])
                    if has_key(key) and key not in not_matched:
                        if found is None or n > found[0]:
                            found = (n, skip, form, clitic, key)
                        break
                else:
                    if alone and (found is None or (found[0] == 1 and _rank(clitic) < _rank(found[3]))):
                        found = (1, skip, form, clitic, form)
            elif alone and (found is None or (found[0] == 1 and _rank(clitic) < _rank(found[3]))):
                # "وباريس": و + باريس, not وب + اريس (the least stripped name wins).
                found = (1, skip, form, clitic, form)
        if found is None:
            continue
        tok = toks[i]
        n, skip, form, clitic, key = found
        start = tok.start + (0 if skip == 0 and normalize_str(tok.text[:1]) else _orig_offset(tok.text, skip))
        prev, _ = _prev_word(doc, i)
        if n > 1 and form in MENTION_STRIP:
            # "مخيم الخازر", "بلدة حرستا": the mention is the name after the place word.
            start, prev = toks[i + 1].start, form
        end = toks[i + n - 1].end
        nxt = i + n
        if is_blocked(start, end):
            continue
        cue = 2 if prev in PLACE_NOUNS else 1 if (prev in PLACE_PREPS or "ب" in clitic) else 0
        accepted = _accept(doc, gaz, key, form, clitic, n, i, cue, prev)
        if n == 1 and tok.text.endswith("\u064b"):
            accepted = False  # tanwin: "سورياً" is an adverb, not the country
        if n == 1 and key in TOPONYM_HEADS and i + 1 < n_toks and _joined(text, tok, toks[i + 1]):
            continue  # "كفر بتنا": a name the gazetteer spells otherwise, not a village called كفر
        own = key.split(" ", 1)[1] if n > 1 and form in MENTION_STRIP else key
        word_cue = prev in PLACE_NOUNS or prev in PLACE_PREPS
        m = Match(start, end, key, i, n, cue, prev if cue == 2 else "", accepted, word_cue, own)
        if accepted or gaz.ambiguity.get(key) is not None:
            after_place = bool(out) and out[-1].accepted and out[-1].tok + out[-1].n_tokens == i
            veto = common_word_reading(doc, gaz, m, clitic, in_date, after_place)
            if veto:
                m.accepted, m.veto = False, True
                m.feature_start = feature_start(doc, i) if veto == "feature" else -1
        if n > 1 and not m.accepted and not m.veto:
            # A long name without the cue it needs may hold a shorter one that needs none:
            # "لجنوب قطاع غزة" is no "جنوب قطاع غزة" (an area named only after a place word) but
            # still names the Gaza Strip (merge labels, held-out split 3).
            nxt = i + 1
            continue
        out.append(m)
    return out


def _rank(clitic: str) -> int:
    """Preference of a clitic reading: none, ل + ال (للقدس), one clitic, then two (وب + ...)."""
    return 0 if not clitic else 1 if clitic.endswith("لل") else len(clitic) + 1


def _overlap_test(blocked: list[Span]) -> Callable[[int, int], bool]:
    """A test whether (start, end) overlaps one of ``blocked`` (as Span.overlaps), by bisection:
    among the spans starting before ``end``, one overlaps iff the furthest end exceeds ``start``."""
    spans = sorted((b.start, b.end) for b in blocked)
    starts = [a for a, _ in spans]
    reach: list[int] = []
    for _, b in spans:
        reach.append(max(b, reach[-1]) if reach else b)

    def test(start: int, end: int) -> bool:
        k = bisect_left(starts, end)
        return k > 0 and reach[k - 1] > start

    return test


def _accept(
    doc: Doc, gaz: Gazetteer, key: str, form: str, clitic: str, n: int, i: int, cue: int, prev: str
) -> bool:
    if n == 1:
        if key in GENERIC or key in _NOT_NOUN or len(key) < 3:
            return False
        if _is_nisba(form, gaz) and cue < 2:
            return False
        if (
            form.startswith("ال")
            and form.endswith("يه")
            and not clitic
            and prev.startswith("ال")
            and prev not in _NOT_NOUN
            and (prev.endswith(("ه", "ات")) or prev in _FEM_PLURALS)
        ):
            return False  # "القوات السعودية": an adjective agreeing with a feminine/plural noun
    # A bare word starting with a clitic letter ("وأدان" = and condemned, not Ouadane) is a place
    # only when it names a notable one.
    if (
        not clitic
        and cue == 0
        and form[0] in "وفبلك"
        and form.startswith(key)
        and max((e.prior for e in gaz.lookup_key(key)), default=0) < 4
    ):
        return False
    amb = gaz.ambiguity.get(key)
    if amb is None:
        return True
    if amb.decision == "stop":
        return cue == 2
    # "cue": a preposition suffices; countries, provinces and big cities are the usual sense.
    if cue >= 1:
        return True
    return any(e.place_type in ("country", "admin1") or e.prior >= 5.5 for e in gaz.lookup_key(key))


# A small place (no population, no Wikidata id: prior below this) named without any place cue is
# kept only near another supported place of the article: "حالة"، "بيان"، "عدة" are also villages
# somewhere, but an article's real villages cluster around its towns (dev: 25 of 26 within 60 km).
NOTABLE = 4.0
SUPPORT_KM = 60.0
_SUPPORT_LAT = SUPPORT_KM / 111.0  # further in latitude (111.19 km a degree) is further than SUPPORT_KM


def _supported(
    resolved: dict[str, Resolution], matches: list[Match], gaz: Gazetteer
) -> dict[str, Resolution]:
    from raqib.kb.geocode import km

    # The cue must be a word before the name ("أصيب بجروح" is no place), and a place noun for names
    # that are often common words.
    cued = {m.key for m in matches if (m.cue == 2 or (m.word_cue and m.key not in gaz.ambiguity))}
    strong = {
        k
        for k, r in resolved.items()
        if k in cued
        or r.entry.prior >= NOTABLE
        or r.entry.place_type not in ("locality", "neighbourhood", "admin3")
    }
    pts = [
        resolved[k].entry
        for k in strong
        if resolved[k].entry.lat is not None
        and resolved[k].entry.place_type not in ("country", "admin1", "region")
    ]
    out = {}
    for k, r in resolved.items():
        e = r.entry
        if k in strong or (
            e.lat is not None
            and any(abs(e.lat - p.lat) <= _SUPPORT_LAT and km(e, p) <= SUPPORT_KM for p in pts)
        ):
            out[k] = r
    return out


def _merge_partial(keys: dict[str, Resolution]) -> dict[str, str]:
    """Short region names that abbreviate a longer one of the article (الغوطة -> الغوطة الشرقية)."""
    out = {}
    area = ("area", "region")
    for k, r in keys.items():
        if " " in k or r.entry.place_type not in area:
            continue
        for k2, r2 in keys.items():
            if k2.startswith(k + " ") and r2.entry.place_type in area:
                out[k] = k2
                break
    return out


# "المنطقة الشرقية"، "المدينة القديمة": a place noun and an adjective describe a part of whatever
# place the story is about; the gazetteer's one entry of that name (Saudi Arabia's Eastern
# Province, an "Old Town Area" in the UAE) is meant only in a story set in its country. Elsewhere
# the name is the part of the place named last before it (dev: Raqqa's old city; merge labels,
# held-out split 3: East Jerusalem's shops were placed in Saudi Arabia and the UAE).
_DESCRIPTORS = frozenset(
    normalize_str(w)
    for w in [
        "الشرقية", "الغربية", "الشمالية", "الجنوبية", "الوسطى", "القديمة", "الجديدة", "الصناعية",
        "الحدودية", "الساحلية", "الشرقي", "الغربي", "الشمالي", "الجنوبي", "الأوسط", "القديم", "الجديد",
        "الخضراء", "الحمراء", "البيضاء", "السوداء", "الزرقاء",
    ]
)  # fmt: skip


def _descriptive(key: str) -> bool:
    words = key.split()
    return len(words) == 2 and words[0] in GENERIC and words[1] in _DESCRIPTORS


def _descriptive_in_country(
    resolved: dict[str, Resolution], matches: list[Match]
) -> tuple[dict[str, Resolution], set[str]]:
    """Descriptive names (``_descriptive``) placed in a country no other place of the article
    lies in resolve to the place named last before them (their keys are returned as the second
    value: each stays an entity of its own, located at that place), or are dropped."""
    countries = {r.entry.country for k, r in resolved.items() if not _descriptive(k)}
    out: dict[str, Resolution] = {}
    hosted: set[str] = set()
    first = {}
    for m in matches:
        first.setdefault(m.key, m.start)
    for k, r in sorted(resolved.items(), key=lambda kr: first.get(kr[0], 0)):
        if not _descriptive(k) or r.entry.country in countries:
            out[k] = r
            continue
        hosts = [
            m
            for m in matches
            if m.start < first.get(k, 0) and m.key in out and out[m.key].entry.place_type != "country"
        ]
        if hosts:
            host = out[hosts[-1].key]
            out[k] = Resolution(host.entry, min(host.confidence, r.confidence))
            hosted.add(k)
    return out, hosted


def _place(e: GazEntry, confidence: float) -> Place:
    point = e.place_type != "country" and e.lat is not None
    return Place(
        lat=e.lat if point else None,
        lon=e.lon if point else None,
        country=e.country,
        admin1=e.admin1_en,
        admin2=e.admin2_en,
        admin1_ar=e.admin1_ar,
        admin2_ar=e.admin2_ar,
        place_type=e.place_type,
        geo_precision=e.geo_precision,
        confidence=confidence,
        gazetteer_id=e.id,
        ids=dict(e.ids),
    )


def run(doc: Doc, ctx: Context) -> Doc:
    gaz = ctx.kb.gazetteer
    blocked = [m for e in doc.entities if e.type in ("PER", "ORG") for m in e.mentions]
    matches = find_matches(doc, gaz, blocked)
    # One sense per discourse: a "cue" name accepted once (في الباب) is a place throughout.
    ok_keys = {m.key for m in matches if m.accepted}
    for m in matches:
        if not m.accepted and not m.veto and m.key in ok_keys:
            amb = gaz.ambiguity.get(m.key)
            m.accepted = amb is None or amb.decision == "cue"
    features = [m for m in matches if m.feature_start >= 0]
    matches = [m for m in matches if m.accepted]
    if not matches and not features:
        return doc
    candidates = {m.key: gaz.lookup_key(m.key) for m in matches}
    cues: dict[str, set[str]] = {}
    for m in matches:
        if m.cue_word:
            cues.setdefault(m.key, set()).add(m.cue_word)
    resolved = resolve(candidates, cues, ctx.settings.country_hint)
    resolved = _supported(resolved, matches, gaz)
    resolved, hosted = _descriptive_in_country(resolved, matches)
    merged = _merge_partial(resolved)
    matches = [m for m in matches if m.key in resolved]
    groups: dict[str, list[Match]] = {}
    for m in matches:
        # "منطقة عفرين" and "عفرين" in one article: one place.
        key = m.own_key if m.own_key != m.key and m.own_key in resolved else m.key
        groups.setdefault(merged.get(key, key), []).append(m)
    by_entry: dict[str, tuple[Resolution, list[Match]]] = {}
    for key, ms in groups.items():
        r = resolved[key]
        eid = f"{r.entry.id}/{key}" if key in hosted else r.entry.id
        if eid in by_entry:
            by_entry[eid][1].extend(ms)
        else:
            by_entry[eid] = (r, list(ms))
    entities = []
    for eid, (r, ms) in by_entry.items():
        ms.sort(key=lambda m: m.start)
        e = r.entry
        spans = tuple(doc.span(m.start, m.end) for m in ms)
        entities.append(
            Entity(
                type="LOC",
                key=eid,
                name=spans[0].text.replace("_", " "),
                mentions=spans,
                name_en=e.name_en,
                country=e.country,
                category=e.place_type,
                ids={**e.ids, "gazetteer": e.id},
                place=_place(e, r.confidence),
                confidence=r.confidence,
            )
        )
    entities += feature_entities(doc, features, entities)
    entities.sort(key=lambda x: x.mentions[0].start)
    return doc.with_(entities=doc.entities + tuple(entities))
