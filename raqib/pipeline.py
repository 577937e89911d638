"""The pipeline: an ordered list of small stages, each a function ``(doc, ctx) -> doc``.

The order reads like the data flow: segment -> numbers -> dates -> entities -> places ->
figures -> events. Each stage adds one kind of annotation and never changes the text.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date

from raqib.errors import InputError
from raqib.kb import KnowledgeBase
from raqib.model.doc import Doc
from raqib.settings import Settings
from raqib.stages import dates, entities, events, figures, numbers, places, segment


@dataclass(frozen=True)
class Context:
    """What every stage may read: the settings and the (lazily loaded) knowledge base."""

    settings: Settings = field(default_factory=Settings)
    kb: KnowledgeBase = field(default_factory=KnowledgeBase)


Stage = Callable[[Doc, Context], Doc]

STAGES: tuple[tuple[str, Stage], ...] = (
    ("segment", segment.run),
    ("numbers", numbers.run),
    ("dates", dates.run),
    ("entities", entities.run),
    ("places", places.run),
    ("figures", figures.run),
    ("events", events.run),
)


class Pipeline:
    """Runs the stages over documents; load once, reuse for many articles."""

    def __init__(self, settings: Settings | None = None, *, stages: Iterable[str] | None = None):
        self.ctx = Context(settings or Settings(), KnowledgeBase())
        wanted = set(stages) if stages is not None else None
        self.stages = [(n, s) for n, s in STAGES if wanted is None or n in wanted]

    def warm_up(self) -> None:
        """Load the knowledge base now rather than on the first article."""
        self.ctx.kb.load_all()

    def __call__(
        self,
        text: str,
        *,
        title: str | None = None,
        published: date | str | None = None,
        url: str | None = None,
        id: str | None = None,
    ) -> Doc:
        if not isinstance(text, str):
            raise InputError(f"text must be a string, not {type(text).__name__}")
        if not text.strip() and not (title and title.strip()):
            raise InputError("empty text: nothing to extract from")
        doc = Doc.create(text, title=title, published=parse_published(published), url=url, id=id)
        for _name, stage in self.stages:
            doc = stage(doc, self.ctx)
        return doc

    def pipe(self, records: Iterable[dict]) -> Iterator[Doc]:
        for r in records:
            yield self(r["text"], title=r.get("title"), published=r.get("published"), url=r.get("url"), id=r.get("id"))


def parse_published(value: date | str | None) -> date | None:
    """A publication date from a date, "YYYY-MM-DD" or an ISO timestamp; None stays None."""
    if value is None or isinstance(value, date):
        return value
    s = str(value).strip()
    if not s:
        return None
    try:
        return date.fromisoformat(s[:10])
    except ValueError:
        raise InputError(f"published date {value!r} is not YYYY-MM-DD or an ISO timestamp") from None
