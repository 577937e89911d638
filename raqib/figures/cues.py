"""Token cues: what each token of a sentence can mean for a figure (predicate, counted noun...).

``classify(norm)`` looks a normalised word up in the figure lexicons, trying the word as
written, then without its proclitics (و ف ب ل ك ال) and without an enclitic pronoun. It is cached
by word, so an article costs one dictionary probe per distinct word.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from raqib.figures import lexicon as lx
from raqib.text.normalize import normalize_str

_PROCLITICS = (
    "وبال",
    "وال",
    "فال",
    "بال",
    "كال",
    "ولل",
    "فلل",
    "لل",
    "ال",
    "وب",
    "ول",
    "فب",
    "فل",
    "و",
    "ف",
    "ب",
    "ل",
    "ك",
)
_ENCLITICS = ("هما", "كما", "هم", "هن", "كم", "نا", "ها", "ه")

_TAG_SETS = (
    ("total", lx.TOTAL),
    ("total_pron", lx.TOTAL_PRONOUN),
    ("sub_before", lx.SUB_BEFORE),
    ("sub_after", lx.SUB_AFTER),
    ("others", lx.OTHERS),
    ("filler", lx.FILLERS),
    ("after_filler", lx.AFTER_FILLERS),
    ("rise_to", lx.RISE_TO),
    ("negation", lx.NEGATION),
    ("hypothetical", lx.HYPOTHETICAL),
    ("capacity", lx.CAPACITY),
    ("release", lx.RELEASE),
    ("relative", lx.RELATIVE),
    ("nonperson", lx.NONPERSON),
    ("src_prep", lx.SOURCE_PREPS),
    ("src_verb", lx.SOURCE_VERBS),
    ("src_verb_strict", lx.SOURCE_VERBS_NEED_SUBJECT),
    ("src_cont", lx.CONTINUATION_VERBS),
    ("src_from", lx.SOURCE_FROM),
    ("subj_stop", lx.SUBJECT_STOPS),
    ("src_anaphor", lx.SOURCE_ANAPHORS),
    ("group_head", lx.GROUP_HEADS),
)


@dataclass(frozen=True)
class Info:
    """What one word can mean. ``definite`` when the noun reading carries ال; ``noun_count``
    overrides the noun's count for construct duals with a pronoun (طفلاها = her two children);
    ``kin`` for kinship nouns with a pronoun (نجله)."""

    norm: str
    pred: lx.Pred | None = None
    noun: lx.Noun | None = None
    noun_count: int | None = None
    definite: bool = False
    kin: bool = False
    tags: frozenset[str] = frozenset()
    src_head: str | None = None
    src_mod: tuple[int, str] | None = None
    nisba: bool = False
    src_any: bool = False  # any source cue tag: lets the attribution scan skip most words

    def has(self, tag: str) -> bool:
        return tag in self.tags


# The proclitics by first letter and the enclitics by last letter (each in list order): a word
# is probed only with the affixes its first or last letter allows.
_PRO_BY_FIRST = {c: tuple(p for p in _PROCLITICS if p[0] == c) for c in {p[0] for p in _PROCLITICS}}
_EN_BY_LAST = {c: tuple(e for e in _ENCLITICS if e[-1] == c) for c in {e[-1] for e in _ENCLITICS}}


@lru_cache(maxsize=1)
def _tag_index() -> dict[str, tuple[str, ...]]:
    """Every tag word to the names of the _TAG_SETS that list it (one probe instead of one per set)."""
    out: dict[str, list[str]] = {}
    for name, words in _TAG_SETS:
        for w in words:
            out.setdefault(w, []).append(name)
    return {w: tuple(names) for w, names in out.items()}


def _splits(norm: str) -> list[tuple[str, str]]:
    """(proclitic, remainder) pairs, the unsplit word first."""
    out = [("", norm)]
    for p in _PRO_BY_FIRST.get(norm[:1], ()):
        if norm.startswith(p) and len(norm) - len(p) >= 2:
            out.append((p, norm[len(p) :]))
    return out


def _unclitic(stem: str) -> list[str]:
    """Stems with an enclitic pronoun removed; ى turns to ا before a pronoun (قتلاه)."""
    out: list[str] = []
    for e in _EN_BY_LAST.get(stem[-1:], ()):
        if stem.endswith(e) and len(stem) - len(e) >= 2:
            base = stem[: -len(e)]
            out.append(base)
            if base.endswith("ا"):
                out.append(base[:-1] + "ي")
    return out


@lru_cache(maxsize=1 << 16)
def classify(norm: str) -> Info:
    """The cues of one normalised word (see module docstring)."""
    preds, nouns = lx.preds(), lx.nouns()
    heads, mods = lx.source_heads(), lx.source_mods()
    pred = noun = None
    noun_count = None
    definite = kin = False
    src_head = src_mod = None
    tags: set[str] = set()
    tag_index = _tag_index()
    for pro, rest in _splits(norm):
        if pred is None and rest in preds and "ال" not in pro:
            pred = preds[rest]
        if noun is None and rest in nouns:
            noun = nouns[rest]
            definite = "ال" in pro or pro in ("لل", "ولل", "فلل")
        if src_head is None and rest in heads:
            src_head = heads[rest]
        if src_mod is None and rest in mods:
            src_mod = mods[rest]
        # Tag words are listed with ال where they take it (العدد، المصدر); a split-off ال
        # would turn nouns into verbs (التابع is not تابع "he went on").
        if "ال" in pro:
            continue
        names = tag_index.get(rest)
        if names:
            tags.update(names)
    if noun is None:
        for pro, rest in _splits(norm):
            for base in _unclitic(rest):
                if base in nouns:
                    noun = nouns[base]
                    definite = "ال" in pro
                    # طفلاها / طفليه: the construct dual (the accusative singular طفلا takes
                    # no pronoun), so a singular form plus pronoun counts two.
                    if noun.count == 1 and (base.endswith("ا") or base.endswith("ي")) and base[:-1] in nouns:
                        noun_count = 2
                    break
                if base in lx.KIN:
                    kin = True
                    noun = lx.Noun("person", "people", 1)
                    break
            if noun is not None:
                break
    # A verb with an object pronoun (قتله أحد المارة: "one of the passers-by killed him") does
    # not govern the count after it, so enclitic forms are not predicates (حتفهم is listed).
    nisba = (
        noun is None
        and len(norm) >= 5
        and (norm.endswith("يا") or norm.endswith("يين") or norm.endswith("يون"))
    )
    src_any = bool(tags & _SRC_TAGS)
    return Info(
        norm, pred, noun, noun_count, definite, kin, frozenset(tags), src_head, src_mod, nisba, src_any
    )


_SRC_TAGS = frozenset({"src_prep", "src_verb", "src_cont", "src_from"})


@lru_cache(maxsize=1)
def _memo() -> dict[str, Info]:
    return {}


def classify_all(norms: list[str]) -> list[Info]:
    """``classify`` over a document's words through a plain dict (a tenth of the cost of an
    lru_cache probe per word); the memo is dropped when it grows past 200k words."""
    memo = _memo()
    if len(memo) > 200_000:
        memo.clear()
    out = []
    for n in norms:
        info = memo.get(n)
        if info is None:
            info = memo[n] = classify(n)
        out.append(info)
    return out


def classify_text(text: str) -> Info:
    return classify(normalize_str(text))
