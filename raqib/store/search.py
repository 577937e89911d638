"""The text-search view: normalised Arabic tokens with their proclitics split off, and English words.

SQLite FTS5 (and PostgreSQL's 'simple' parser) index whole words, so ``حرستا`` would not match
``وحرستا`` nor ``الغوطة`` match ``بالغوطة``. Each word is indexed as written (normalised) and as
every stem left after a plausible proclitic (و ف ب ل ك س ال لل ...), and queries are normalised
the same way, so either spelling finds the other.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable

from raqib.text.tokenize import tokenize


def fold_latin(term: str) -> str:
    """Latin letters without accents, lower-cased (gazetteer names such as "Ḩarastā" match
    "Harasta"; PostgreSQL's 'simple' configuration does not fold accents itself)."""
    if term.isascii():
        return term.lower()
    decomposed = unicodedata.normalize("NFKD", term)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).lower()


def index_terms(text: str) -> list[str]:
    """The terms that stand for ``text`` in the index (normalised, clitic variants added)."""
    out: list[str] = []
    for tok in tokenize(text):
        for _offset, stem in tok.proclitic_splits():
            out.append(fold_latin(stem))
    return out


def search_body(parts: Iterable[str | None]) -> str:
    """One indexable string for several fields (place, actors, evidence), duplicates removed."""
    seen: dict[str, None] = {}
    for part in parts:
        if part:
            for term in index_terms(part):
                seen.setdefault(term, None)
    return " ".join(seen)


def query_terms(q: str) -> list[str]:
    """The normalised words of a user query (each must occur: AND)."""
    return [fold_latin(tok.norm) for tok in tokenize(q)]


def fts5_query(q: str) -> str | None:
    """A safe FTS5 MATCH expression for ``q`` (every word quoted), or None for an empty query."""
    terms = query_terms(q)
    if not terms:
        return None
    return " ".join('"' + t.replace('"', '""') + '"' for t in terms)
