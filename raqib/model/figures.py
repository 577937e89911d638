"""Figure: a reported count of affected people, with who, where, when and according to whom."""

from __future__ import annotations

from dataclasses import dataclass

from raqib.model.span import Span, opt_dict

FIGURE_KINDS = ("killed", "injured", "displaced", "besieged", "detained", "missing", "evacuated")


@dataclass(frozen=True)
class Source:
    """The party the text credits for a figure or event (بحسب المرصد، قال الدفاع المدني...)."""

    span: Span  # the name of the party as written (without the cue word)
    name_en: str | None = None
    entity_key: str | None = None
    cue: str | None = None  # بحسب، وفق، أفاد، قال...

    def to_dict(self) -> dict:
        return {
            "text": self.span.text,
            "start": self.span.start,
            "end": self.span.end,
            "name_en": self.name_en,
            "entity_key": self.entity_key,
            "cue": self.cue,
        }


@dataclass(frozen=True)
class When:
    """The time a figure or event refers to: a day or a range of days, with its evidence."""

    start: str | None  # YYYY-MM-DD
    end: str | None
    precision: int | None
    span: Span | None = None

    def to_dict(self) -> dict:
        return {"start": self.start, "end": self.end, "precision": self.precision, "span": opt_dict(self.span)}


@dataclass(frozen=True)
class Figure:
    """One count of people killed, injured, displaced, besieged, detained, missing or evacuated.

    ``kind`` is one of FIGURE_KINDS; ``unit`` is "people" or "families" (or "refugees" when the
    text counts refugees). ``evidence`` is the clause that states the count, ``number`` the
    number expression inside it; ``also`` lists further evidence spans of the same figure
    (the same count repeated in title and body). ``where`` is the place mention in scope.
    """

    kind: str
    value: int
    evidence: Span
    number: Span
    unit: str = "people"
    approximate: bool = False
    vague: bool = False
    upper: int | None = None
    previous: int | None = None
    who: str | None = None
    who_span: Span | None = None
    where: Span | None = None
    where_key: str | None = None
    when: When | None = None
    source: Source | None = None
    also: tuple[Span, ...] = ()

    def to_dict(self) -> dict:
        return {
            "kind": self.kind,
            "value": self.value,
            "unit": self.unit,
            "approximate": self.approximate,
            "vague": self.vague,
            "upper": self.upper,
            "previous": self.previous,
            "who": self.who,
            "who_span": opt_dict(self.who_span),
            "where": opt_dict(self.where),
            "where_key": self.where_key,
            "when": self.when.to_dict() if self.when else None,
            "source": self.source.to_dict() if self.source else None,
            "evidence": self.evidence.to_dict(),
            "number": self.number.to_dict(),
            "also": [s.to_dict() for s in self.also],
        }
