"""Article de-duplication: same id or URL, same normalised text, or near-identical text (MinHash).

The text hash is over the normalised words (diacritics, letter variants, punctuation and spacing
folded), so a re-encoded or re-punctuated copy is the same article. Near-duplicates (a wire story
republished with a changed line) are found by MinHash over word 3-shingles (Broder 1997): 64
multiply-shift hashes, indexed as 16 bands of 4 so that pairs with Jaccard >= ~0.5 become
candidates, and a candidate is a duplicate when the signatures agree on >= 80% of the hashes
(estimated Jaccard; a one-word edit of a 150-word article keeps ~0.96, two reports of one event
by different outlets share well under 0.3). Simhash was tried first and rejected: a one-word edit
moved 64-bit simhashes of 150-word ANT articles by 7-10 bits, too close to unrelated pairs.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache

import regex

from raqib.text.normalize import fold_char

NUM_HASHES = 64
BANDS = 16  # of NUM_HASHES // BANDS rows each
MIN_JACCARD = 0.8
# Below this many shingles a text is too short to tell copies from templated briefs.
MIN_SHINGLES = 20
_WORD = regex.compile(r"[\p{L}\p{N}]+")


@lru_cache(maxsize=1)
def _fold_table() -> dict[int, str]:
    table = {}
    for cp in list(range(0x0600, 0x0700)) + list(range(0x200B, 0x2070)) + [0x00A0, 0xFEFF, 0x0640]:
        ch = chr(cp)
        folded = fold_char(ch)
        if folded != ch:
            table[cp] = folded
    return table


def words(text: str) -> list[str]:
    """Normalised words of ``text`` (Arabic folding as raqib/text/normalize.py, Latin lower-cased)."""
    return _WORD.findall(text.translate(_fold_table()).lower())


def text_hash(title: str | None, body: str) -> str:
    return hashlib.sha1(" ".join(words(f"{title or ''} {body}")).encode("utf-8")).hexdigest()


@lru_cache(maxsize=1)
def _hash_params():
    import numpy as np

    rng = np.random.default_rng(20180218)  # fixed: signatures must be the same in every run
    a = rng.integers(1, 2**63, size=NUM_HASHES, dtype=np.uint64) | np.uint64(1)
    b = rng.integers(0, 2**63, size=NUM_HASHES, dtype=np.uint64)
    return a, b


def minhash(title: str | None, body: str) -> str:
    """The MinHash signature of the word 3-shingles as hex text ("" for texts too short to judge)."""
    ws = words(f"{title or ''} {body}")
    shingles = {" ".join(ws[i : i + 3]) for i in range(max(0, len(ws) - 2))}
    if len(shingles) < MIN_SHINGLES:
        return ""
    import numpy as np

    x = np.fromiter(
        (
            int.from_bytes(hashlib.blake2b(s.encode("utf-8"), digest_size=8).digest(), "little")
            for s in shingles
        ),
        dtype=np.uint64,
        count=len(shingles),
    )
    a, b = _hash_params()
    # multiply-shift hashing (Dietzfelbinger et al. 1997): (a*x + b) mod 2^64, top 32 bits.
    with np.errstate(over="ignore"):
        h = (x[:, None] * a[None, :] + b[None, :]) >> np.uint64(32)
    return h.min(axis=0).astype(">u4").tobytes().hex()


def similarity(sig_a: str, sig_b: str) -> float:
    """Estimated Jaccard similarity: the share of equal MinHash values."""
    if not sig_a or not sig_b:
        return 0.0
    same = sum(sig_a[i : i + 8] == sig_b[i : i + 8] for i in range(0, len(sig_a), 8))
    return same / NUM_HASHES


@dataclass
class Deduplicator:
    """What is already stored (or accepted in this run), to tell new articles from duplicates."""

    ids: set[str] = field(default_factory=set)
    urls: set[str] = field(default_factory=set)
    hashes: set[str] = field(default_factory=set)
    bands: dict[str, list[str]] = field(default_factory=dict)

    @classmethod
    def from_keys(cls, keys: Iterable[tuple[str, str | None, str, str]]) -> Deduplicator:
        d = cls()
        for id_, url, th, sig in keys:
            d.add(id_, url, th, sig)
        return d

    def add(self, id_: str, url: str | None, th: str, sig: str) -> None:
        self.ids.add(id_)
        if url:
            self.urls.add(url)
        self.hashes.add(th)
        for band in _bands(sig):
            self.bands.setdefault(band, []).append(sig)

    def duplicate_reason(self, id_: str, url: str | None, th: str, sig: str) -> str | None:
        """Why this article is a duplicate ("same id", "same url", "same text", "near-identical
        text"), or None when it is new."""
        if id_ in self.ids:
            return "same id"
        if url and url in self.urls:
            return "same url"
        if th in self.hashes:
            return "same text"
        for band in _bands(sig):
            for other in self.bands.get(band, ()):
                if similarity(sig, other) >= MIN_JACCARD:
                    return "near-identical text"
        return None


def _bands(sig: str) -> list[str]:
    if not sig:
        return []
    width = len(sig) // BANDS
    return [f"{i}:{sig[i * width : (i + 1) * width]}" for i in range(BANDS)]
