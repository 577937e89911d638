"""Dictionary matching of actor forms on the normalised view, and the article's country.

One Aho-Corasick pass over ``doc.view.text`` finds every form; a hit counts only at word
boundaries, after at most a conjunction/preposition proclitic (و ف ب ل ك and their pairs), so
"لرويترز" and "وحزب الله" match while "تاس" inside another word does not. "للأمم المتحدة" is
ل + ال with the alef elided: the mention then starts at the article's ل ("لأمم المتحدة"),
the preposition dropped, as the guidelines drop clitics and keep the article. Longest match
wins; a person named inside an organisation mention ("نظام بشار الأسد") is kept as well.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from raqib.kb.actors import ActorDictionary, Form, pick_form
from raqib.model.doc import Doc
from raqib.text.dateline import dateline_spans

# Proclitics allowed before a form inside the same written word.
_PREFIXES = frozenset(["", "و", "ف", "ب", "ل", "ك", "وب", "ول", "وك", "فب", "فل", "فك"])
# Before an elided-article form the preposition ل must be there ("للأمم", "وللأمم").
_ELIDED_PREFIXES = frozenset(["ل", "ول", "فل"])
# A place-type noun before a form makes it part of a place name ("منطقة الجزيرة", "شبه
# الجزيرة", "مستشفى الهلال الأحمر"), not the organisation.
_PLACE_WORDS = """منطقه ولايه مدينه بلده قريه حي محافظه شبه جزيره شارع ساحه مخيم جامع مسجد مستشفي مدرسه
ميدان مطار معبر سجن جسر سد نهر جبل وادي قضاء ناحيه دوار تله احياء قري بلدات مدن"""
PLACE_HEADS = frozenset(_PLACE_WORDS.split())

_MINISTER = frozenset(["وزير", "وزيره", "الوزير", "الوزيره", "وزراء"])


@dataclass(frozen=True)
class Hit:
    """A dictionary match: view offsets, the form and the entry it resolved to."""

    start: int
    end: int
    form: str
    key: str
    type: str
    confidence: float
    anaphor: bool = False
    descriptor: bool = False  # a description resolved to an actor, not a named entity


def _word_start(view: str, i: int) -> int:
    while i > 0 and view[i - 1].isalnum():
        i -= 1
    return i


def next_word(view: str, i: int) -> str:
    """The word right after view offset ``i`` across spaces only ("" if punctuation intervenes)."""
    n = len(view)
    while i < n and view[i] in " \t":
        i += 1
    j = i
    while j < n and view[j].isalnum():
        j += 1
    return view[i:j]


def prev_word(view: str, i: int) -> str:
    """The word right before view offset ``i`` across spaces only."""
    while i > 0 and view[i - 1] in " \t":
        i -= 1
    j = i
    while j > 0 and view[j - 1].isalnum():
        j -= 1
    return view[j:i]


def raw_hits(view: str, actors: ActorDictionary) -> list[tuple[int, int, str, str]]:
    """(start, end, form, proclitic) for each form found at a word boundary."""
    out = []
    n = len(view)
    for end_idx, (form, elided) in actors.automaton.iter(view):
        end = end_idx + 1
        if end < n and view[end].isalnum():
            continue
        start = end - len(form) + (1 if elided else 0)
        ws = _word_start(view, start)
        prefix = view[ws:start]
        if elided:
            if prefix not in _ELIDED_PREFIXES:
                continue
        elif prefix not in _PREFIXES:
            continue
        out.append((start, end, form, prefix))
    return out


def article_country(doc: Doc, actors: ActorDictionary, hint: str | None = None) -> str | None:
    """The country the article is mostly about, from country names, nisba adjectives and key
    places (the title counts twice); ``hint`` when nothing stands out."""
    view = doc.view.text
    title_end = doc.view.to_view(doc.body_start) if doc.title else 0
    # Where a report was filed is not what it is about ("دبي، الإمارات (CNN) --").
    filed = dateline_spans(view)
    counts: Counter[str] = Counter()
    for start, _end, iso in _signal_hits(view, actors):
        if any(a <= start < b for a, b in filed):
            continue
        counts[iso] += 2 if start < title_end else 1
    if not counts:
        return hint
    ranked = counts.most_common(2)
    best, c1 = ranked[0]
    if len(ranked) == 1 or c1 > ranked[1][1]:
        return best
    # A tie: the hint decides when it is one of the two, else the first named.
    return hint if hint in (best, ranked[1][0]) else best


def _signal_hits(view: str, actors: ActorDictionary) -> list[tuple[int, int, str]]:
    out = []
    n = len(view)
    for end_idx, (form, iso) in actors.signal_automaton.iter(view):
        end = end_idx + 1
        start = end - len(form)
        if (end < n and view[end].isalnum()) or view[_word_start(view, start) : start] not in _PREFIXES:
            continue
        out.append((start, end, iso))
    return out


def match(doc: Doc, actors: ActorDictionary, country: str | None) -> list[Hit]:
    """Dictionary hits of the article, longest first, without overlaps except PER inside ORG."""
    view = doc.view.text
    full: list[Hit] = []
    anaphors: list[Hit] = []
    for start, end, form, prefix in raw_hits(view, actors):
        forms = actors.forms[form]
        f = pick_form(forms, country)
        if f is not None and _accept(view, start, end, f, actors, prefix):
            e = actors.entries[f.key]
            conf = 0.8 if f.context else (0.85 if ":" in f.key or f.key.startswith("ministry_") else 0.95)
            full.append(Hit(start, end, form, f.key, e.type, conf, descriptor=f.descriptor))
        a = pick_form(forms, country, anaphor=True)
        if a is not None:
            anaphors.append(Hit(start, end, form, a.key, actors.entries[a.key].type, 0.75, anaphor=True))
    chosen = _longest_first(full)
    # A full personal name inside an organisation's name is a mention too ("نظام بشار الأسد");
    # a lone surname is not ("قوات الأسد").
    nested = [
        h for h in full if h.type == "PER" and " " in h.form and h not in chosen and _inside_org(h, chosen)
    ]
    chosen += nested
    named = {h.key for h in chosen if not h.descriptor}
    taken = [h for h in anaphors if h.key in named]
    chosen += _longest_first(taken, occupied=chosen)
    return sorted(chosen, key=lambda h: (h.start, -h.end))


def _accept(view: str, start: int, end: int, f: Form, actors: ActorDictionary, prefix: str) -> bool:
    nxt = next_word(view, end)
    if f.strict and nxt.startswith("ال") and len(nxt) > 3:
        return False
    ws = _word_start(view, start)
    prev = prev_word(view, ws)
    e = actors.entries[f.key]
    if e.type == "ORG" and not prefix and (prev in PLACE_HEADS or prev in _MINISTER):
        return False  # "منطقة الجزيرة", "وزير الخارجية الفرنسي" (a title, not the ministry)
    # A lone surname right after a given name is someone else ("يوسف أوباما").
    return not (
        e.type == "PER" and " " not in view[start:end] and not prefix and actors.name_units.get(prev) == "G"
    )


def _longest_first(hits: list[Hit], occupied: list[Hit] | None = None) -> list[Hit]:
    taken: list[Hit] = list(occupied or [])
    out: list[Hit] = []
    for h in sorted(hits, key=lambda h: (-(h.end - h.start), h.start)):
        if all(h.end <= o.start or o.end <= h.start for o in taken):
            taken.append(h)
            out.append(h)
    return out


def _inside_org(h: Hit, chosen: list[Hit]) -> bool:
    return any(o.type == "ORG" and o.start <= h.start and h.end <= o.end for o in chosen)
