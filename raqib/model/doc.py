"""Doc: one article (title and body in one immutable string) and every annotation on it."""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field, replace
from datetime import date

from raqib.model.dates import TimeExpr
from raqib.model.entities import Entity
from raqib.model.events import Event
from raqib.model.figures import Figure
from raqib.model.numbers import Quantity
from raqib.model.span import Span
from raqib.text.normalize import NormalizedText, normalize
from raqib.text.tokenize import Token

TITLE_SEPARATOR = "\n\n"


def _start(span: Span) -> int:
    return span.start


@dataclass(frozen=True)
class Doc:
    """An article and its annotations.

    ``text`` is the title, a blank line, then the body, exactly as given (just the body when
    there is no title); every span indexes it. ``body_start`` is where the body begins, so
    ``text[:body_start]`` holds the title and ``text[body_start:]`` the body, both addressable.
    ``view`` is the normalised matching view with its offset map.
    """

    text: str
    body_start: int = 0
    title: str | None = None
    published: date | None = None
    url: str | None = None
    id: str | None = None
    view: NormalizedText = field(default=None, repr=False, compare=False)  # type: ignore[assignment]
    sentences: tuple[Span, ...] = ()
    tokens: tuple[Token, ...] = field(default=(), repr=False)
    numbers: tuple[Quantity, ...] = ()
    dates: tuple[TimeExpr, ...] = ()
    entities: tuple[Entity, ...] = ()
    figures: tuple[Figure, ...] = ()
    events: tuple[Event, ...] = ()
    warnings: tuple[str, ...] = ()

    @classmethod
    def create(
        cls,
        body: str,
        *,
        title: str | None = None,
        published: date | None = None,
        url: str | None = None,
        id: str | None = None,
    ) -> Doc:
        title = title if title and title.strip() else None
        text = f"{title}{TITLE_SEPARATOR}{body}" if title else body
        body_start = len(title) + len(TITLE_SEPARATOR) if title else 0
        return cls(
            text=text,
            body_start=body_start,
            title=title,
            published=published,
            url=url,
            id=id,
            view=normalize(text),
        )

    @property
    def body(self) -> str:
        return self.text[self.body_start :]

    @property
    def title_span(self) -> Span | None:
        return Span(0, len(self.title), self.title) if self.title else None

    @property
    def body_span(self) -> Span:
        return Span(self.body_start, len(self.text), self.body)

    def span(self, start: int, end: int) -> Span:
        """The span ``text[start:end]``."""
        if not 0 <= start <= end <= len(self.text):
            raise ValueError(f"span ({start}, {end}) outside text of length {len(self.text)}")
        return Span(start, end, self.text[start:end])

    def view_span(self, start: int, end: int) -> Span:
        """The original span behind the view slice ``view.text[start:end]``."""
        return self.span(*self.view.to_original(start, end))

    def sentence_of(self, pos: int) -> Span | None:
        """The sentence containing original offset ``pos``."""
        sents = self.sentences
        # Sentences are in text order and do not overlap: the last one starting at or before pos.
        k = bisect_right(sents, pos, key=_start) - 1
        if k >= 0 and pos < sents[k].end:
            return sents[k]
        return None

    def in_title(self, span: Span) -> bool:
        return span.end <= self.body_start and self.title is not None

    def with_(self, **changes) -> Doc:
        """A copy with some annotations replaced (stages never mutate a Doc)."""
        return replace(self, **changes)

    def to_dict(self, *, include_text: bool = True, explain: bool = False) -> dict:
        from raqib import SCHEMA_VERSION, __version__

        out: dict = {
            "id": self.id,
            "schema_version": SCHEMA_VERSION,
            "raqib_version": __version__,
            "title": self.title,
            "published": self.published.isoformat() if self.published else None,
            "url": self.url,
            "body_start": self.body_start,
        }
        if include_text:
            out["text"] = self.text
        events = [e.to_dict() for e in self.events]
        if not explain:
            for e in events:
                e.pop("explanation", None)
        out.update(
            {
                "sentences": [s.to_dict() for s in self.sentences],
                "numbers": [q.to_dict() for q in self.numbers],
                "dates": [d.to_dict() for d in self.dates],
                "entities": [e.to_dict() for e in self.entities],
                "figures": [f.to_dict() for f in self.figures],
                "events": events,
                "warnings": list(self.warnings),
            }
        )
        return out
