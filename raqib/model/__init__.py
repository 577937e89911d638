"""Records: frozen dataclasses for the document and its annotations."""

from raqib.model.dates import PRECISION_DAY, PRECISION_MONTH, PRECISION_WEEK, TimeExpr
from raqib.model.doc import Doc
from raqib.model.entities import Entity, Place
from raqib.model.events import Actor, Event, Location
from raqib.model.figures import FIGURE_KINDS, Figure, Source, When
from raqib.model.numbers import Quantity
from raqib.model.span import Span

__all__ = [
    "PRECISION_DAY", "PRECISION_MONTH", "PRECISION_WEEK", "FIGURE_KINDS",
    "Actor", "Doc", "Entity", "Event", "Figure", "Location", "Place", "Quantity", "Source",
    "Span", "TimeExpr", "When",
]
