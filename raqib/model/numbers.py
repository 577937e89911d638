"""Quantity: a number expression found in the text (digits, words, scales, ranges)."""

from __future__ import annotations

from dataclasses import dataclass

from raqib.model.span import Span


@dataclass(frozen=True)
class Quantity:
    """One number expression.

    ``value`` is the integer (or float) the expression denotes; for a range it is the lower
    bound and ``upper`` the upper one; for an update ("من 10 إلى 21") it is the final value and
    ``previous`` the earlier one. Vague quantities (عشرات، مئات) have ``value`` None unless the
    ACLED convention setting gives them one, and always ``vague`` True. ``unit`` tells what the
    number measures when it is clearly not a count of people: "percent", "year", "money",
    "time", "distance", "age", "phone", "ordinal", "reference" (resolution numbers), "duration",
    "date"; None means it may count people.
    """

    span: Span
    value: float | int | None
    approximate: bool = False
    vague: bool = False
    upper: float | int | None = None
    previous: float | int | None = None
    unit: str | None = None
    qualifier: str | None = None  # the approximation or bound word, e.g. "نحو", "أكثر من"

    @property
    def is_count(self) -> bool:
        return self.unit is None

    def to_dict(self) -> dict:
        return {
            "span": self.span.to_dict(),
            "value": self.value,
            "approximate": self.approximate,
            "vague": self.vague,
            "upper": self.upper,
            "previous": self.previous,
            "unit": self.unit,
            "qualifier": self.qualifier,
        }
