"""The gazetteer: places of the Arab world and its neighbours, and every country, by Arabic name.

Built by scripts/build_gazetteer.py into raqib/kb/data/gazetteer.tsv.gz (Who's On First, GeoNames,
OCHA, Natural Earth and a curated table; see NOTICE). Loading keeps each entry as its raw line and
parses it into a ``GazEntry`` on first use, so that start-up only builds the name index.
"""

from __future__ import annotations

import gzip
from dataclasses import dataclass, field
from functools import cache
from importlib import resources

from raqib.kb.geo_names import clitic_forms, key_of

# The columns of gazetteer.tsv.gz, in order (scripts/build_gazetteer.py writes them).
COLUMNS = (
    "id",
    "name_ar",
    "name_en",
    "lat",
    "lon",
    "country",
    "admin1_en",
    "admin1_ar",
    "admin2_en",
    "admin2_ar",
    "place_type",
    "population",
    "ids",
    "geo_precision",
    "prior",
    "keys",
)


@dataclass(frozen=True)
class GazEntry:
    """One place of the gazetteer."""

    id: str
    name_ar: str
    name_en: str | None
    lat: float | None
    lon: float | None
    country: str | None
    admin1_en: str | None
    admin1_ar: str | None
    admin2_en: str | None
    admin2_ar: str | None
    place_type: str
    population: int
    ids: dict = field(default_factory=dict)
    geo_precision: int = 1
    prior: float = 1.0  # how readily a bare mention of the name means this place (build-time score)
    keys: tuple[str, ...] = ()

    @classmethod
    def from_line(cls, line: str) -> GazEntry:
        c = line.split("\t")
        ids = dict(kv.split("=", 1) for kv in c[12].split(";") if "=" in kv)
        return cls(
            id=c[0],
            name_ar=c[1],
            name_en=c[2] or None,
            lat=float(c[3]) if c[3] else None,
            lon=float(c[4]) if c[4] else None,
            country=c[5] or None,
            admin1_en=c[6] or None,
            admin1_ar=c[7] or None,
            admin2_en=c[8] or None,
            admin2_ar=c[9] or None,
            place_type=c[10],
            population=int(c[11] or 0),
            ids=ids,
            geo_precision=int(c[13] or 1),
            prior=float(c[14] or 0),
            keys=tuple(c[15].split("|")),
        )


@dataclass(frozen=True)
class Ambiguity:
    """Corpus evidence that a name is often a common word: ``decision`` is "stop" (needs a
    place noun before it) or "cue" (needs at least a preposition)."""

    freq: int
    cue_ratio: float
    decision: str


@dataclass(frozen=True)
class PlaceContext:
    """Corpus-measured contexts in which a name is a common word (place_context.tsv, built by
    scripts/place_ambiguity.py): ``after`` (name, next word) set phrases ("وقف إطلاق"), ``before``
    (name, previous word) ones ("بين البلدين"), and ``words``: words with a proclitic that are words
    of their own, not clitic + name ("لعبة" is no ل + عبة)."""

    after: frozenset[tuple[str, str]] = frozenset()
    before: frozenset[tuple[str, str]] = frozenset()
    words: frozenset[str] = frozenset()


class Gazetteer:
    """Name index over the gazetteer entries (keys are raqib.kb.geo_names.key_of forms)."""

    def __init__(
        self,
        lines: list[str],
        ambiguity: dict[str, Ambiguity],
        context: PlaceContext | None = None,
    ):
        self._lines = lines
        self._cache: dict[int, GazEntry] = {}
        index: dict[str, list[int]] = {}
        first: dict[str, int] = {}
        generated: set[str] = set()
        for i, line in enumerate(lines):
            if line.startswith("gen:rif"):
                generated.update(line[line.rfind("\t") + 1 :].split("|"))
            for k in line[line.rfind("\t") + 1 :].split("|"):
                lst = index.get(k)
                if lst is None:
                    index[k] = [i]
                    n = k.count(" ") + 1
                    head = k.split(" ", 1)[0] if n > 1 else k
                    if first.get(head, 0) < n:
                        first[head] = n
                elif lst[-1] != i:
                    lst.append(i)
        self._index = index
        # "ريف حلب الشمالي" and the like: known to lookup(), but the article annotations (and ACLED
        # usage) take the governorate named inside, so the matcher does not stop at them.
        self.not_matched = frozenset(
            k for k in generated if all(lines[i].startswith("gen:rif") for i in index[k])
        )
        self.max_tokens = first  # first token of a name -> longest name (in tokens) it starts
        self.ambiguity = ambiguity
        self.context = context or PlaceContext()
        self._countries = {e.country: e for e in self._scan_countries()}
        # Per-word cache of name_starts (articles repeat most words; bounded for long runs).
        self._starts: dict[str, tuple[tuple[int, str, str, int], ...]] = {}

    def __len__(self) -> int:
        return len(self._lines)

    def entry(self, i: int) -> GazEntry:
        e = self._cache.get(i)
        if e is None:
            e = self._cache[i] = GazEntry.from_line(self._lines[i])
        return e

    def lookup_key(self, key: str) -> list[GazEntry]:
        """Entries indexed under an exact key (already in key_of form)."""
        return [self.entry(i) for i in self._index.get(key, ())]

    def has_key(self, key: str) -> bool:
        return key in self._index

    def name_starts(self, norm: str) -> tuple[tuple[int, str, str, int, bool], ...]:
        """(skip, form, clitic, max tokens, alone) for each clitic form of the normalised word
        ``norm`` (raqib.kb.geo_names.clitic_forms order) that begins some gazetteer name;
        ``alone``: the form is itself a name the matcher takes (a key not in ``not_matched``)."""
        out = self._starts.get(norm)
        if out is None:
            if len(self._starts) >= 1 << 17:
                self._starts.clear()
            first, index, skip_keys = self.max_tokens, self._index, self.not_matched
            out = self._starts[norm] = tuple(
                (skip, form, clitic, first[form], form in index and form not in skip_keys)
                for skip, form, clitic in clitic_forms(norm)
                if first.get(form)
            )
        return out

    def name_starts_all(self, norms: list[str]) -> list[tuple[tuple[int, str, str, int, bool], ...]]:
        """``name_starts`` of each word of a document (one call, cached words cost a dict probe)."""
        get = self._starts.get
        out = []
        for norm in norms:
            starts = get(norm)
            out.append(self.name_starts(norm) if starts is None else starts)
        return out

    def lookup(self, norm_name: str) -> list[GazEntry]:
        """Entries whose name is ``norm_name`` (normalize_str form or raw text), best prior first."""
        return sorted(self.lookup_key(key_of(norm_name)), key=lambda e: -e.prior)

    def country(self, iso2: str) -> GazEntry | None:
        """The country entry for an ISO 3166-1 alpha-2 code."""
        return self._countries.get((iso2 or "").upper())

    def _scan_countries(self):
        for i, line in enumerate(self._lines):
            if line.startswith("iso:"):
                yield self.entry(i)


def _read_text(name: str) -> str:
    ref = resources.files("raqib.kb") / "data" / name
    data = ref.read_bytes()
    return (gzip.decompress(data) if name.endswith(".gz") else data).decode("utf-8")


@cache
def load_gazetteer() -> Gazetteer:
    """The gazetteer, loaded once per process."""
    lines = _read_text("gazetteer.tsv.gz").split("\n")[1:]
    lines = [ln for ln in lines if ln]
    amb = {}
    for ln in _read_text("place_ambiguity.tsv").split("\n")[1:]:
        if ln:
            k, f, r, d = ln.split("\t")
            amb[k] = Ambiguity(int(f), float(r), d)
    after, before, words = set(), set(), set()
    for ln in _read_text("place_context.tsv").split("\n")[1:]:
        if ln:
            kind, word, other = ln.split("\t")[:3]
            if kind == "next":
                after.add((word, other))
            elif kind == "prev":
                before.add((word, other))
            else:
                words.add(word)
    return Gazetteer(lines, amb, PlaceContext(frozenset(after), frozenset(before), frozenset(words)))
