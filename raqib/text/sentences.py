"""Sentence splitting for Arabic news text, as spans of the original string.

``؟ ! .`` end a sentence; ``، ؛`` do not. A full stop between digits is a decimal point. The
``.,`` joins between paragraphs that scrapers leave behind (seen throughout the ANT corpus and
in the canonical Eastern Ghouta example) end a sentence. Blank lines and line breaks always do.
"""

from __future__ import annotations

import regex

from raqib.model.span import Span

# A sentence ends after terminal punctuation (optionally followed by closing quotes/brackets and
# the stray comma of scraped ".," joins), before whitespace or the end of the text.
_END = regex.compile(r"""(?:[.!?؟…]+|\.,)["'»”)\]]*,?(?=\s|$)|\n+""")
# Single Arabic letters followed by a dot are abbreviations (أ.ف.ب، د. for doctor).
_ABBREV = regex.compile(r"(?:^|[\s(])\p{Arabic}\.$")


def split_sentences(text: str, start: int = 0, end: int | None = None) -> list[Span]:
    """Sentences of ``text[start:end]`` as spans of ``text``, trimmed of surrounding space."""
    end = len(text) if end is None else end
    spans: list[Span] = []
    pos = start
    for m in _END.finditer(text, start, end):
        if m.group().startswith(".") and _ABBREV.search(text, max(start, m.start() - 3), m.start() + 1):
            continue
        _append_trimmed(text, pos, m.end(), spans)
        pos = m.end()
    _append_trimmed(text, pos, end, spans)
    return spans


def _append_trimmed(text: str, start: int, end: int, out: list[Span]) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start and any(c.isalnum() for c in text[start:end]):
        out.append(Span(start, end, text[start:end]))
