"""Place-name keys: the normalised, token-joined form under which the gazetteer indexes a name.

A key is the names' tokens (raqib.text.tokenize) in their normalised form joined by one space,
so that matching a run of article tokens against the index is a plain dictionary lookup.
"""

from __future__ import annotations

import regex

from raqib.text.tokenize import tokenize

# Words that introduce an administrative name without being part of it ("محافظة حلب" is indexed
# as both "محافظه حلب" and "حلب"). Normalised forms.
ADMIN_PREFIXES = ("محافظه", "مدينه", "منطقه", "قضاء", "ناحيه", "ولايه", "اماره", "بلده", "قريه", "مقاطعه")
_PAREN = regex.compile(r"\s*[\(\[][^\)\]]*[\)\]]\s*")


def key_of(text: str) -> str:
    """The index key of a name or of a piece of text."""
    return " ".join(t.norm for t in tokenize(text))


def strip_admin_prefix(name: str) -> str:
    """The name without a leading admin word (محافظة/مدينة/منطقة...), if something remains."""
    toks = tokenize(name)
    if len(toks) >= 2 and toks[0].norm in ADMIN_PREFIXES:
        return name[toks[1].start :].strip()
    return name


def name_keys(name: str) -> list[str]:
    """All keys a gazetteer name is indexed under: the full name, without parentheses, and
    without an admin prefix."""
    out: list[str] = []
    for variant in (name, _PAREN.sub(" ", name)):
        for v in (variant, strip_admin_prefix(variant)):
            k = key_of(v)
            if k and k not in out:
                out.append(k)
    return out


# Proclitics a place name may carry in running text, normalised: conjunctions and prepositions
# (وحرستا، بدمشق، لسوريا، فالغوطة، وبحلب). "لل" + name is ل + the name's own ال with its alef
# dropped (للرقة = ل + الرقة), so it restores "ال".
_CLITICS = ("وب", "ول", "فب", "فل", "وك", "و", "ف", "ب", "ل", "ك")
_LL = ("ولل", "فلل", "لل")
_CLITIC_FIRST = frozenset(p[0] for p in _CLITICS + _LL)


def clitic_forms(norm: str) -> list[tuple[int, str, str]]:
    """(normalised characters to skip, candidate name form, clitic) for a normalised word, the
    bare word first. Forms shorter than two letters are not offered."""
    out = [(0, norm, "")]
    if norm[:1] not in _CLITIC_FIRST:
        return out
    for p in _LL:
        if norm.startswith(p) and len(norm) - len(p) >= 2:
            out.append((len(p), "ال" + norm[len(p) :], p))
            break
    for p in _CLITICS:
        if norm.startswith(p) and len(norm) - len(p) >= 2:
            out.append((len(p), norm[len(p) :], p))
    return out


# Words that, right before a name, say it is a place (normalised; with or without a clitic).
PLACE_NOUNS = frozenset(
    [
        "مدينه",
        "بلده",
        "قريه",
        "حي",
        "مخيم",
        "ريف",
        "محافظه",
        "منطقه",
        "ناحيه",
        "قضاء",
        "بلدات",
        "قري",
        "مدن",
        "احياء",
        "مخيمات",
        "ضاحيه",
        "مدينتي",
        "بلدتي",
        "قريتي",
        "حيي",
        "معبر",
        "العاصمه",
        "عاصمه",
        "ولايه",
        "مديريه",
        "مقاطعه",
        "اقليم",
        "دوله",
        "سلطنه",
        "اماره",
        "بلدتا",
        "مدينتا",
        "قريتا",
        "مزرعه",
        "مطار",
        "ميناء",
        "سجن",
        "جبل",
        "سهل",
        "وادي",
        "بلدتين",
        "قريتين",
        "مدينتين",
        "عزبه",
        "نجع",
        "مركز",
    ]
)
# Prepositions and direction words that often precede a place (weak evidence alone).
PLACE_PREPS = frozenset(
    [
        "في",
        "من",
        "الى",
        "قرب",
        "نحو",
        "داخل",
        "خارج",
        "شمال",
        "جنوب",
        "شرق",
        "غرب",
        "شمالي",
        "جنوبي",
        "شرقي",
        "غربي",
        "وسط",
        "اطراف",
        "محيط",
        "ضواحي",
        "باتجاه",
        "حتي",
        "عند",
        "مدخل",
        "اتجاه",
        "انحاء",
        "بين",
        "وبين",
        "مشارف",
        "تخوم",
        "ارياف",
    ]
)
