"""raqib: structured crisis data from Arabic news, every field tied to its evidence.

    >>> import raqib
    >>> doc = raqib.extract("قتل 5 مدنيين في قصف على دوما.", published="2018-03-03")
    >>> [f.value for f in doc.figures]
    [5]
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

__version__ = "0.1.0"
SCHEMA_VERSION = "1.0"

if TYPE_CHECKING:
    from raqib.model.doc import Doc
    from raqib.pipeline import Pipeline
    from raqib.settings import Settings

_default_pipeline: Pipeline | None = None


def extract(
    text: str,
    *,
    title: str | None = None,
    published: date | str | None = None,
    url: str | None = None,
    id: str | None = None,
    settings: Settings | None = None,
) -> Doc:
    """Run the whole pipeline over one article and return its annotated ``Doc``."""
    from raqib.pipeline import Pipeline

    global _default_pipeline
    if settings is not None:
        return Pipeline(settings)(text, title=title, published=published, url=url, id=id)
    if _default_pipeline is None:
        _default_pipeline = Pipeline()
    return _default_pipeline(text, title=title, published=published, url=url, id=id)


def __getattr__(name: str):
    if name == "Pipeline":
        from raqib.pipeline import Pipeline

        return Pipeline
    if name == "Doc":
        from raqib.model.doc import Doc

        return Doc
    if name == "Settings":
        from raqib.settings import Settings

        return Settings
    raise AttributeError(name)


__all__ = ["SCHEMA_VERSION", "Doc", "Pipeline", "Settings", "__version__", "extract"]
