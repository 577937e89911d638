"""Stage: figures, every explicit count of people killed, injured, displaced, besieged,
detained, missing or evacuated, with who, where, when and source (see raqib/figures/)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from raqib.figures.build import find_figures
from raqib.model.doc import Doc

if TYPE_CHECKING:
    from raqib.pipeline import Context


def run(doc: Doc, ctx: Context) -> Doc:
    figures = find_figures(doc, acled_vague=ctx.settings.acled_vague_numbers)
    return doc.with_(figures=tuple(figures))
