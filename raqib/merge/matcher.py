"""Which canonical event a new report joins, following ACLED's aggregation rules.

ACLED codes one event per type, location, day and actor pair: reports of the same type family at
the same place on the same day describe one event when their actors agree; two different actor
pairs at the same place and day stay two events (ACLED Codebook 2023, "Event definitions" and
"Aggregation": "if two different groups clash with the military in the same location on the same
day, two events are recorded"). A report that names fewer actors than an event (an unnamed
attacker, say) joins it when exactly one candidate fits; when several fit, text similarity may
decide, and without it the report stays separate (a wrong merge loses an event; ACLED favours
under-merging to double counting only where it can tell them apart).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from raqib.merge.reports import Report

# Cosine of USE-multilingual embeddings above which two evidence sentences describe the same
# incident: STACK.md measured 0.59 for related and 0.06 for unrelated Arabic sentences; 0.5 sits
# between them with room for paraphrase.
SIMILARITY_THRESHOLD = 0.5


@dataclass(frozen=True)
class Candidate:
    """A canonical event already in the slot: its id, the union of its actors, its report count."""

    event_id: str
    actors: frozenset[str]
    n_reports: int
    evidence: tuple[str, ...] = ()


Similarity = Callable[[str, Sequence[str]], list[float]]


def choose_event(
    report: Report, candidates: Sequence[Candidate], similarity: Similarity | None = None
) -> str | None:
    """The id of the candidate event ``report`` belongs to, or None to found a new event."""
    if not candidates:
        return None
    mine = report.actors
    exact = [c for c in candidates if c.actors == mine]
    if exact:
        return _best(exact).event_id
    compatible = [c for c in candidates if mine < c.actors or c.actors < mine]
    if len(compatible) == 1:
        return compatible[0].event_id
    if len(compatible) > 1 and similarity is not None:
        text = report_text(report)
        if text:
            scored = []
            for c in compatible:
                sims = similarity(text, list(c.evidence)) if c.evidence else [0.0]
                scored.append((max(sims), c))
            score, best = max(scored, key=lambda sc: (sc[0], sc[1].n_reports))
            if score >= SIMILARITY_THRESHOLD:
                return best.event_id
    return None


def report_text(report: Report) -> str:
    ev = report.event.get("evidence") or {}
    return str(ev.get("text") or "")


def _best(cands: Sequence[Candidate]) -> Candidate:
    return sorted(cands, key=lambda c: (-c.n_reports, c.event_id))[0]
