"""Tokens with clitic splitting that keeps offsets into the original text.

A token is a maximal run of letters/digits (with internal hashtag underscores split). Each token
carries its proclitics (و ف ب ل ك س and the article ال / لل) and enclitic pronouns as offsets, so
that ``وحرستا`` yields the stem ``حرستا`` at its exact position.
"""

from __future__ import annotations

from dataclasses import dataclass

import regex

from raqib.text.normalize import NormalizedText, normalize_str

_WORD = regex.compile(r"[\p{L}\p{M}\p{Nd}\u0640]+")
_VIEW_WORD = regex.compile(r"[\p{L}\p{M}\p{Nd}]+")
# Diacritics and tatweel: deleted in the view, kept at the end of an original word.
_TRAILING = frozenset([chr(c) for c in range(0x064B, 0x0660)] + ["\u0670", "\u0640"])

# Proclitic conjunctions/prepositions, longest first; ال and لل mark the article.
_PROCLITICS = ("وبال", "وال", "فال", "بال", "كال", "ولل", "فلل", "لل", "ال", "وب", "ول", "فب", "فل", "وس", "و", "ف", "ب", "ل", "ك", "س")
_ENCLITICS = ("هما", "كما", "هم", "هن", "كم", "كن", "نا", "ها", "ه", "ك", "ي")


@dataclass(frozen=True)
class Token:
    """A word of the original text; ``stem_start``/``stem_end`` bound it without clitics.

    ``norm`` is the normalised form of the whole word; ``stem`` of the part without the
    proclitics split off by ``split_proclitics`` (candidates only: the caller decides which split
    is right, e.g. by looking the stem up in a lexicon).
    """

    start: int
    end: int
    text: str
    norm: str

    def proclitic_splits(self) -> list[tuple[int, str]]:
        """(offset into the token, normalised remainder) for each plausible proclitic split,
        the unsplit word first."""
        out = [(0, self.norm)]
        for p in _PROCLITICS:
            if self.norm.startswith(p) and len(self.norm) - len(p) >= 2:
                out.append((_orig_offset(self.text, len(p)), self.norm[len(p):]))
        return out


def _orig_offset(word: str, n_norm_chars: int) -> int:
    """Offset into ``word`` after its first ``n_norm_chars`` normalised characters."""
    count = 0
    for i, ch in enumerate(word):
        if normalize_str(ch):
            if count == n_norm_chars:
                return i
            count += 1
    return len(word)


def tokenize(text: str, start: int = 0, end: int | None = None) -> list[Token]:
    """Tokens of ``text[start:end]`` with offsets into ``text``."""
    end = len(text) if end is None else end
    return [
        Token(m.start(), m.end(), m.group(), normalize_str(m.group()))
        for m in _WORD.finditer(text, start, end)
    ]


def tokenize_view(view: NormalizedText) -> list[Token]:
    """Tokens of a whole text from its normalised view: words are found once in the view (so no
    word is normalised twice) and mapped back; trailing diacritics stay in the original word."""
    text, offsets = view.original, view.offsets
    n = len(text)
    out = []
    for m in _VIEW_WORD.finditer(view.text):
        start = offsets[m.start()]
        end = offsets[m.end() - 1] + 1
        while end < n and (text[end] in _TRAILING):
            end += 1
        out.append(Token(start, end, text[start:end], m.group()))
    return out


def strip_enclitic(norm: str) -> list[str]:
    """Possible stems of a normalised word with an attached pronoun removed."""
    return [norm[: -len(e)] for e in _ENCLITICS if norm.endswith(e) and len(norm) - len(e) >= 2]
