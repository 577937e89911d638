"""Stage: dates. Every temporal expression of title and body, resolved against ``doc.published``."""

from __future__ import annotations

from typing import TYPE_CHECKING

from raqib.model.doc import Doc
from raqib.text.dates import find_dates

if TYPE_CHECKING:
    from raqib.pipeline import Context


def run(doc: Doc, ctx: Context) -> Doc:
    return doc.with_(dates=tuple(find_dates(doc.text, doc.view, doc.published)))
