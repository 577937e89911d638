"""The actors dictionary: organisations, armed actors and persons with their Arabic surface forms.

Curated tables in ``raqib/kb/data``: ``actors.tsv`` (organisations and armed actors with ACLED
category and inter code), ``persons.tsv`` (heads of state and government, ministers, envoys),
``nations.tsv`` (country names, nisba adjectives, key places) and ``names.tsv`` (Arabic name
units, compiled by ``scripts/build_actors.py``). Generic national bodies ("الحكومة العراقية",
"وزارة الدفاع التركية", "الشرطة الأردنية") are synthesised from templates (``actor_templates``).

Every Arabic form is keyed in the normalised view (``normalize_str``). A form may carry a
country condition (it names this actor only in an article about that country: "قوات النظام"
in a Syrian article) and a strict flag (not when a definite adjective follows: "القاعدة الجوية").
"""

from __future__ import annotations

import csv
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache, cached_property
from pathlib import Path

import ahocorasick

from raqib.text.normalize import normalize_str

DATA = Path(__file__).parent / "data"


@dataclass(frozen=True)
class ActorEntry:
    """One organisation, armed actor or person of the dictionary.

    ``category`` is the ACLED actor category (state_forces, rebel_group, political_militia,
    identity_militia, rioters, protesters, civilians, external_forces, other) or, for bodies
    that are not belligerents, a finer kind (international_org, ngo, monitor, media,
    government, health_ministry, civil_defence, person). ``inter`` is the ACLED interaction
    code (1 state forces ... 8 external/other forces) or None. ``name_en`` is a readable
    canonical name; ``acled_name`` ACLED's own label when it differs.
    """

    key: str
    type: str  # PER | ORG
    name_ar: str
    name_en: str
    acled_name: str | None = None
    category: str | None = None
    inter: int | None = None
    country: str | None = None
    wikidata: str | None = None
    variants: tuple[str, ...] = ()


@dataclass(frozen=True)
class Nation:
    """A country with its Arabic names, nisba adjectives and places that signal it."""

    iso2: str
    name_en: str
    adj_en: str
    names_ar: tuple[str, ...]
    nisba: tuple[str, ...]  # masculine, with ال
    places: tuple[str, ...]


@dataclass(frozen=True)
class Form:
    """One normalised surface form and the entry it names, under conditions."""

    key: str
    context: str | None = None  # ISO2: only in an article about this country
    strict: bool = False  # not when a definite adjective follows
    anaphor: bool = False  # only once the entry is named in full elsewhere in the article
    descriptor: bool = False  # a description ("فصائل المعارضة"), not a name: resolved, not emitted


class ActorDictionary:
    """All actor entries, their forms, and a lazily built Aho-Corasick automaton over the forms."""

    def __init__(self, entries: dict[str, ActorEntry], forms: dict[str, list[Form]], nations: list[Nation]):
        self.entries = entries
        self.forms = forms
        self.nations = nations

    def __len__(self) -> int:
        return len(self.entries)

    def __iter__(self) -> Iterator[ActorEntry]:
        return iter(self.entries.values())

    def get(self, key: str) -> ActorEntry | None:
        """The entry with this key (as found in ``Entity.key``)."""
        return self.entries.get(key)

    def lookup(self, norm_name: str, country: str | None = None) -> ActorEntry | None:
        """The entry a surface form names ("قوات النظام السوري", "داعش", "ماكرون").

        ``norm_name`` may be raw or normalised. A form that holds only in one country's
        articles is returned when ``country`` is that country; a form that holds everywhere
        always. Anaphors ("المرصد") are not looked up.
        """
        f = pick_form(self.forms.get(normalize_str(norm_name), ()), country)
        return self.entries[f.key] if f else None

    def find_all(self, name: str) -> list[ActorEntry]:
        """Every entry a surface form can name, whatever the article's country."""
        seen: dict[str, ActorEntry] = {}
        for f in self.forms.get(normalize_str(name), ()):
            seen.setdefault(f.key, self.entries[f.key])
        return list(seen.values())

    @cached_property
    def automaton(self) -> ahocorasick.Automaton:
        """Matches every form in a normalised text; values are ``(form, elided_article)``.

        A form starting with ال is also keyed without its alef ("لامم المتحده"), so that
        "للأمم المتحدة" (ل + ال with the alef elided) is found; the caller then requires the
        preposition ل before it.
        """
        auto = ahocorasick.Automaton()
        for form in self.forms:
            auto.add_word(form, (form, False))
            if form.startswith("ال") and len(form) > 3:
                elided = "ل" + form[2:]
                if elided not in self.forms:
                    auto.add_word(elided, (form, True))
        auto.make_automaton()
        return auto

    @cached_property
    def nation_by_iso(self) -> dict[str, Nation]:
        return {n.iso2: n for n in self.nations}

    @cached_property
    def nisba(self) -> dict[str, str]:
        """Normalised nisba adjective (masculine, feminine, with or without ال) -> ISO2."""
        out: dict[str, str] = {}
        for n in self.nations:
            for m in n.nisba:
                for form in (m, m + "ة"):
                    norm = normalize_str(form)
                    out.setdefault(norm, n.iso2)
                    out.setdefault(norm[2:], n.iso2)
        return out

    @cached_property
    def country_signals(self) -> dict[str, str]:
        """Normalised country names, nisba forms and key places -> ISO2 (for article context)."""
        out: dict[str, str] = {}
        for n in self.nations:
            for s in n.names_ar + n.places:
                out.setdefault(normalize_str(s), n.iso2)
        for k, v in self.nisba.items():
            if k.startswith("ال"):
                out.setdefault(k, v)
        return out

    @cached_property
    def signal_automaton(self) -> ahocorasick.Automaton:
        """Matches country signals in a normalised text; values are ``(form, iso2)``."""
        auto = ahocorasick.Automaton()
        for form, iso in self.country_signals.items():
            auto.add_word(form, (form, iso))
        auto.make_automaton()
        return auto

    @cached_property
    def name_units(self) -> dict[str, str]:
        """Normalised Arabic name unit -> "G" (given name) or "S" (other name unit)."""
        out: dict[str, str] = {}
        path = DATA / "names.tsv"
        if not path.exists():
            return out
        for line in path.read_text(encoding="utf-8").splitlines():
            if line and not line.startswith("#"):
                unit, _, flag = line.partition("\t")
                out[unit] = flag
        return out


def _read_tsv(name: str) -> list[dict[str, str]]:
    lines = [x for x in (DATA / name).read_text(encoding="utf-8").splitlines() if x and not x.startswith("#")]
    return list(csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE))


def parse_variant(raw: str) -> tuple[str, str | None, bool, bool]:
    """``"قوات النظام@SY"`` -> ("قوات النظام", "SY", False, False); ``"القاعدة!"`` -> strict;
    ``"~الثوار@SY"`` -> a descriptor (resolves to the actor but is not a named entity)."""
    raw = raw.strip()
    descriptor = raw.startswith("~")
    raw = raw.lstrip("~")
    strict = raw.endswith("!")
    raw = raw.rstrip("!")
    surface, _, ctx = raw.partition("@")
    return surface.strip(), (ctx.strip() or None), strict, descriptor


def _spelling_variants(norm: str) -> set[str]:
    """Spellings the view does not fold: شؤون/شئون, ديمقراطية/ديموقراطية."""
    out = {norm}
    pairs = (("شوون", "شيون"), ("ديمقراطيه", "ديموقراطيه"), ("امريكي", "اميركي"))
    for a, b in pairs:
        for s in list(out):
            if a in s:
                out.add(s.replace(a, b))
            if b in s:
                out.add(s.replace(b, a))
    return out


def _add_form(forms: dict[str, list[Form]], surface: str, form: Form) -> None:
    for norm in _spelling_variants(normalize_str(surface)):
        if norm and form not in forms.setdefault(norm, []):
            forms[norm].append(form)


def load_nations() -> list[Nation]:
    out = []
    for r in _read_tsv("nations.tsv"):
        split = lambda s: tuple(x.strip() for x in (s or "").split("|") if x.strip())  # noqa: E731
        out.append(
            Nation(
                r["iso2"],
                r["name_en"],
                r["adj_en"],
                split(r["names_ar"]),
                split(r["nisba_ar"]),
                split(r["places"]),
            )
        )
    return out


def _opt(s: str | None) -> str | None:
    s = (s or "").strip()
    return s or None


@cache
def load_actors() -> ActorDictionary:
    """The actors dictionary (read once per process)."""
    from raqib.kb.actor_templates import synthesise

    entries: dict[str, ActorEntry] = {}
    forms: dict[str, list[Form]] = {}
    for r in _read_tsv("actors.tsv"):
        variants = [parse_variant(v) for v in r["variants"].split("|") if v.strip()]
        inter = _opt(r["inter"])
        e = ActorEntry(
            key=r["key"],
            type=r["type"],
            name_ar=variants[0][0],
            name_en=r["name_en"],
            acled_name=_opt(r["acled_name"]) or r["name_en"],
            category=_opt(r["category"]),
            inter=int(inter) if inter else None,
            country=_opt(r["country"]),
            wikidata=_opt(r["wikidata"]),
            variants=tuple(v[0] for v in variants),
        )
        entries[e.key] = e
        for surface, ctx, strict, desc in variants:
            _add_form(forms, surface, Form(e.key, ctx, strict, descriptor=desc))
        for a in (r.get("anaphors") or "").split("|"):
            if a.strip():
                _add_form(forms, a.strip(), Form(e.key, anaphor=True))
    for r in _read_tsv("persons.tsv"):
        variants = [parse_variant(v) for v in r["variants"].split("|") if v.strip()]
        e = ActorEntry(
            key=r["key"],
            type="PER",
            name_ar=variants[0][0],
            name_en=r["name_en"],
            acled_name=r["name_en"],
            category="person",
            country=_opt(r["country"]),
            wikidata=_opt(r["wikidata"]),
            variants=tuple(v[0] for v in variants),
        )
        entries[e.key] = e
        for surface, ctx, strict, desc in variants:
            _add_form(forms, surface, Form(e.key, ctx, strict, descriptor=desc))
    nations = load_nations()
    curated = {k: {f.context for f in v} for k, v in forms.items()}
    for e, surfaces in synthesise(nations):
        # Curated forms win: a synthesised form is dropped where a curated entry already
        # claims the same form under the same country condition.
        fresh = [(s, ctx) for s, ctx in surfaces if ctx not in curated.get(normalize_str(s), ())]
        if not fresh:
            continue
        entries.setdefault(e.key, e)
        for s, ctx in fresh:
            _add_form(forms, s, Form(e.key, ctx))
    return ActorDictionary(entries, forms, nations)


def pick_form(
    forms: list[Form] | tuple[Form, ...], country: str | None, *, anaphor: bool = False
) -> Form | None:
    """The form that holds in an article about ``country``: a country-specific one first."""
    general = None
    for f in forms:
        if f.anaphor != anaphor:
            continue
        if f.context is not None and f.context == country:
            return f
        if f.context is None and general is None:
            general = f
    return general
