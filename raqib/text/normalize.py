"""A normalised matching view of Arabic text, with an offset map back to the original.

The original text is never changed. ``normalize(text)`` returns a ``NormalizedText`` whose
``text`` folds the variation that does not change meaning for matching (diacritics, tatweel,
alef/hamza forms, ى/ي, ة/ه, Arabic-Indic and Persian digits, Arabic separators, zero-width and
bidi controls, hashtag marks) and whose ``to_original`` maps every position back.
"""

from __future__ import annotations

import bisect
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

import regex

# Characters deleted from the view: Arabic diacritics (harakat, tanwin, shadda, sukun, dagger
# alef, Quranic marks), tatweel, and invisible formatting (ZWJ/ZWNJ/LRM/RLM/bidi embeddings).
_DELETE = set(
    [chr(c) for c in range(0x0610, 0x061B)]
    + [chr(c) for c in range(0x064B, 0x0660)]
    + ["\u0670", "\u0640"]
    + [chr(c) for c in range(0x06D6, 0x06EE)]
    + ["\u200b", "\u200c", "\u200d", "\u200e", "\u200f", "\u2060", "\ufeff", "\u061c"]
    + [chr(c) for c in range(0x202A, 0x202F)]
    + [chr(c) for c in range(0x2066, 0x206A)]
)

_FOLD = {
    "أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ٲ": "ا", "ٳ": "ا",
    "ى": "ي", "ی": "ي", "ئ": "ي",
    "ة": "ه", "ۀ": "ه", "ھ": "ه",
    "ؤ": "و",
    "ک": "ك", "ڪ": "ك",
    "٬": ",", "٫": ".", "،": "،",
    "\u00a0": " ", "\u2009": " ", "\u202f": " ",
    "“": '"', "”": '"', "«": '"', "»": '"', "„": '"',
    "‘": "'", "’": "'",
    "–": "-", "—": "-",
}
for _i in range(10):
    _FOLD[chr(0x0660 + _i)] = str(_i)  # Arabic-Indic digits
    _FOLD[chr(0x06F0 + _i)] = str(_i)  # Persian (Extended Arabic-Indic) digits


def fold_char(ch: str) -> str:
    """The view of one character: "" to delete it, else one or more characters."""
    if ch in _DELETE:
        return ""
    folded = _FOLD.get(ch)
    if folded is not None:
        return folded
    if ch.isascii():
        return ch.lower()
    if "\ufb50" <= ch <= "\ufeff" or "\u2460" <= ch <= "\u24ff":
        # Presentation forms and ligatures (ﻻ -> لا) decompose under NFKC.
        decomposed = unicodedata.normalize("NFKC", ch)
        if decomposed == ch:  # ornate parentheses ﴾﴿ and the like have no decomposition
            return ch
        return "".join(fold_char(c) for c in decomposed)
    return ch


@dataclass(frozen=True)
class NormalizedText:
    """The matching view ``text`` and, for each of its characters, the original offset."""

    original: str
    text: str
    offsets: tuple[int, ...]  # offsets[i] = original index of view character i

    def to_original(self, start: int, end: int) -> tuple[int, int]:
        """Original (start, end) of the view slice [start, end)."""
        if start >= end:
            pos = self.offsets[start] if start < len(self.offsets) else len(self.original)
            return pos, pos
        return self.offsets[start], self.offsets[end - 1] + 1

    def to_view(self, orig_pos: int) -> int:
        """First view index at or after original offset ``orig_pos``."""
        return bisect.bisect_left(self.offsets, orig_pos)


def normalize(text: str) -> NormalizedText:
    """Build the matching view of ``text`` (see the module docstring)."""
    if _NEEDS_SLOW_PATH.search(text):
        return _normalize_slow(text)
    # Fast path (nearly every news article): every kept character maps to exactly one view
    # character, so str.translate builds the view and the offsets are the original positions
    # minus the deleted ones.
    marked = _HASHTAG_UNDERSCORE.sub(" ", text) if "_" in text else text
    view = marked.translate(_TABLE)
    offsets: list[int] | range
    if len(view) == len(text):
        offsets = range(len(text))
    else:
        offsets = []
        prev = 0
        for m in _DELETED.finditer(marked):
            offsets.extend(range(prev, m.start()))
            prev = m.end()
        offsets.extend(range(prev, len(text)))
    return NormalizedText(text, view, tuple(offsets))


def _normalize_slow(text: str) -> NormalizedText:
    """Character by character, for text with presentation forms (one character, several in view)."""
    out: list[str] = []
    offsets: list[int] = []
    marked = _HASHTAG_UNDERSCORE.sub(" ", text) if "_" in text else text
    for i, ch in enumerate(marked):
        if ch == "#":
            continue
        for f in fold_char(ch):
            out.append(f)
            offsets.append(i)
    return NormalizedText(text, "".join(out), tuple(offsets))


_TABLE = {ord(c): None for c in _DELETE} | {ord("#"): None} | {ord(k): v for k, v in _FOLD.items()}
_TABLE |= {ord(c): c.lower() for c in "ABCDEFGHIJKLMNOPQRSTUVWXYZ"}
_DELETED = regex.compile("[" + regex.escape("".join(sorted(_DELETE)) + "#") + "]+")
_NEEDS_SLOW_PATH = regex.compile("[\ufb50-\ufdff\ufe70-\ufefe\u2460-\u24ff]")
# A hashtag's underscores join words ("#الغوطة_الشرقية"): read them as spaces when they touch an
# Arabic letter (possibly through diacritics), or follow a hashtag mark.
_HASHTAG_UNDERSCORE = regex.compile(r"(?<=[\u0621-\u06d3][\p{Mn}\u0640]*)_|_(?=[\u0621-\u06d3])|(?<=#[^\s#]*)_")


def _is_arabic_neighbour(text: str, i: int) -> bool:
    before = text[i - 1] if i > 0 else ""
    after = text[i + 1] if i + 1 < len(text) else ""
    return _is_arabic_letter(before) or _is_arabic_letter(after)


def _is_arabic_letter(ch: str) -> bool:
    return bool(ch) and "\u0621" <= ch <= "\u06d3"


@lru_cache(maxsize=65536)
def normalize_str(text: str) -> str:
    """The matching view as a plain string (for dictionary keys and lexicons)."""
    return " ".join(normalize(text).text.split())
