"""Which actors fight on one side: the allies a report names and the co-belligerents the
knowledge base records (raqib/kb/data/alliances.tsv).

ACLED codes one event per actor pair, and a side's partners as associated actors. Outlets name a
raid after whichever partner they believe struck ("غارات روسية" in one, "غارات النظام" in another),
so for matching, allies count as one side (``sides``).
"""

from __future__ import annotations

from functools import cache

from raqib.kb.actors import DATA
from raqib.merge.reports import Report, allied_pairs
from raqib.text.normalize import normalize_str

Pair = frozenset[str]


def _norm(name: str) -> str:
    return normalize_str(name).lower()


@cache
def _table() -> tuple[tuple[str, str, str, str, str], ...]:
    """(country, actor a, actor b, start, end) rows, names normalised as reports' actors are."""
    rows = []
    for line in (DATA / "alliances.tsv").read_text(encoding="utf-8").splitlines():
        if not line or line.startswith("#") or line.startswith("country\t"):
            continue
        country, a, b, start, end, *_ = line.split("\t")
        rows.append((country, _norm(a), _norm(b), start, end or "9999-12-31"))
    return tuple(rows)


def known_allies(country: str | None, day: str | None) -> frozenset[Pair]:
    """Prefix pairs of the co-belligerents of ``country`` on ``day`` (YYYY-MM-DD)."""
    if not country or not day:
        return frozenset()
    return frozenset(
        frozenset((a, b)) for c, a, b, start, end in _table() if c == country and start <= day <= end
    )


def report_allies(report: Report) -> frozenset[Pair]:
    """The pairs a report puts on one side: its own associated actors and the known allies of its
    country on its day."""
    country = (report.event.get("location") or {}).get("country")
    return allied_pairs(report.event) | known_allies(country, report.date)


def sides(actors: frozenset[str], allies: frozenset[Pair]) -> int:
    """How many sides ``actors`` form when allies count as one (a name matches an ally's name when
    it starts with it: "military forces of iran (1989-) ..." is Iran's)."""
    names = sorted(actors)
    parent = list(range(len(names)))

    def root(i: int) -> int:
        while parent[i] != i:
            i = parent[i]
        return i

    for pair in allies:
        if len(pair) != 2:
            continue
        p, q = sorted(pair)
        ps = [i for i, n in enumerate(names) if n.startswith(p)]
        qs = [i for i, n in enumerate(names) if n.startswith(q)]
        for i in ps:
            for j in qs:
                parent[root(i)] = root(j)
    return len({root(i) for i in range(len(names))})
