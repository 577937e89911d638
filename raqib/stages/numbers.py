"""Stage: numbers. Every number expression of the article (raqib/text/numbers.py) into doc.numbers."""

from __future__ import annotations

from typing import TYPE_CHECKING

from raqib.model.doc import Doc
from raqib.text.numbers import find_quantities

if TYPE_CHECKING:
    from raqib.pipeline import Context


def run(doc: Doc, ctx: Context) -> Doc:
    quantities = find_quantities(doc.text, doc.view, acled_vague=ctx.settings.acled_vague_numbers)
    return doc.with_(numbers=tuple(quantities))
