"""Stage: sentences and tokens of title and body (the title is always its own sentence)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from raqib.model.doc import Doc
from raqib.text.sentences import split_sentences
from raqib.text.tokenize import tokenize_view

if TYPE_CHECKING:
    from raqib.pipeline import Context


def run(doc: Doc, ctx: Context) -> Doc:
    sentences = []
    if doc.title:
        sentences += split_sentences(doc.text, 0, len(doc.title))
    sentences += split_sentences(doc.text, doc.body_start, len(doc.text))
    return doc.with_(sentences=tuple(sentences), tokens=tuple(tokenize_view(doc.view)))
