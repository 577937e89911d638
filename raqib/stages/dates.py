"""Stage: dates (being written; returns the document unchanged until then)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from raqib.model.doc import Doc

if TYPE_CHECKING:
    from raqib.pipeline import Context


def run(doc: Doc, ctx: Context) -> Doc:
    return doc
