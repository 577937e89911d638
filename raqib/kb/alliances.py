"""Co-belligerents: forces that fight on one side in a country over a period
(raqib/kb/data/alliances.tsv, curated from public facts).

ACLED codes a side's partners as associated actors, never as each other's opponents. The
events stage uses the table to keep allies off opposite sides of one event; the merger to count
them as one side (raqib/merge/alliances.py).
"""

from __future__ import annotations

from functools import cache

from raqib.kb.actors import DATA
from raqib.text.normalize import normalize_str

Pair = frozenset[str]


def actor_key(name: str) -> str:
    """An actor name as tables and matchers compare it (normalised, lower case)."""
    return normalize_str(name).lower()


@cache
def _table() -> tuple[tuple[str, str, str, str, str], ...]:
    """(country, actor a, actor b, start, end) rows, names as ``actor_key`` gives them."""
    rows = []
    for line in (DATA / "alliances.tsv").read_text(encoding="utf-8").splitlines():
        if not line or line.startswith("#") or line.startswith("country\t"):
            continue
        country, a, b, start, end, *_ = line.split("\t")
        rows.append((country, actor_key(a), actor_key(b), start, end or "9999-12-31"))
    return tuple(rows)


def known_allies(country: str | None, day: str | None) -> frozenset[Pair]:
    """Pairs of name prefixes of the co-belligerents of ``country`` on ``day`` (YYYY-MM-DD)."""
    if not country or not day:
        return frozenset()
    return frozenset(
        frozenset((a, b)) for c, a, b, start, end in _table() if c == country and start <= day <= end
    )


def allied(a: str, b: str, pairs: frozenset[Pair]) -> bool:
    """Whether actor names ``a`` and ``b`` (``actor_key`` form) are on one side by ``pairs`` (a
    name matches a table name when it starts with it: "military forces of iran (1989-) ...")."""
    for pair in pairs:
        if len(pair) != 2:
            continue
        p, q = sorted(pair)
        if (a.startswith(p) and b.startswith(q)) or (a.startswith(q) and b.startswith(p)):
            return True
    return False
