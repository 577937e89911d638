"""Which actors fight on one side: the allies a report names and the co-belligerents the
knowledge base records (raqib/kb/data/alliances.tsv).

ACLED codes one event per actor pair, and a side's partners as associated actors. Outlets name a
raid after whichever partner they believe struck ("غارات روسية" in one, "غارات النظام" in another),
so for matching, allies count as one side (``sides``). The table lives in raqib/kb/alliances.py.
"""

from __future__ import annotations

from raqib.kb.alliances import Pair, allied, known_allies
from raqib.merge.reports import Report, allied_pairs


def report_allies(report: Report) -> frozenset[Pair]:
    """The pairs a report puts on one side: its own associated actors and the known allies of its
    country on its day."""
    country = (report.event.get("location") or {}).get("country")
    return allied_pairs(report.event) | known_allies(country, report.date)


def sides(actors: frozenset[str], allies: frozenset[Pair]) -> int:
    """How many sides ``actors`` form when allies count as one (see ``allied``)."""
    names = sorted(actors)
    parent = list(range(len(names)))

    def root(i: int) -> int:
        while parent[i] != i:
            i = parent[i]
        return i

    for i, a in enumerate(names):
        for j in range(i + 1, len(names)):
            if allied(a, names[j], allies):
                parent[root(i)] = root(j)
    return len({root(i) for i in range(len(names))})
