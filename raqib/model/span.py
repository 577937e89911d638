"""Span: a (start, end) slice of the article text, with the text it covers."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, order=True)
class Span:
    """Character offsets into ``Doc.text``; ``text == doc.text[start:end]`` always holds."""

    start: int
    end: int
    text: str

    def to_dict(self) -> dict:
        return {"start": self.start, "end": self.end, "text": self.text}

    @classmethod
    def from_dict(cls, data: dict) -> Span:
        return cls(int(data["start"]), int(data["end"]), str(data["text"]))

    def contains(self, other: Span) -> bool:
        return self.start <= other.start and other.end <= self.end

    def overlaps(self, other: Span) -> bool:
        return self.start < other.end and other.start < self.end

    def __len__(self) -> int:
        return self.end - self.start


def span_of(text: str, start: int, end: int) -> Span:
    """The span ``text[start:end]``; raises ValueError on offsets outside the text."""
    if not 0 <= start <= end <= len(text):
        raise ValueError(f"span ({start}, {end}) outside text of length {len(text)}")
    return Span(start, end, text[start:end])


def opt_dict(span: Span | None) -> dict | None:
    return span.to_dict() if span is not None else None
