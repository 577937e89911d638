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
    """The id of the candidate event ``report`` belongs to, or None to found a new event.

    Same named actors (the same unordered pair, or the same single actor) make the same event,
    as ACLED codes it. Where actors are missing on either side, the actors cannot tell; then the
    evidence sentences must be alike (``similarity``), and without a similarity function the
    report stays separate: the merge-label set (bench/merge_labels.jsonl) showed most wrong
    merges came from actor-less reports of different happenings at the same place and day.
    """
    if not candidates:
        return None
    mine = report.actors
    if mine:
        exact = [c for c in candidates if c.actors == mine]
        if exact:
            return _best(exact).event_id
    compatible = [c for c in candidates if c.actors <= mine or mine <= c.actors]
    if not compatible or similarity is None:
        return None
    text = report_text(report)
    if not text:
        return None
    scored = []
    for c in compatible:
        sims = similarity(text, list(c.evidence)) if c.evidence else [0.0]
        scored.append((max(sims), c))
    score, best = max(scored, key=lambda sc: (sc[0], sc[1].n_reports))
    return best.event_id if score >= SIMILARITY_THRESHOLD else None


def report_text(report: Report) -> str:
    ev = report.event.get("evidence") or {}
    return str(ev.get("text") or "")


def _best(cands: Sequence[Candidate]) -> Candidate:
    return sorted(cands, key=lambda c: (-c.n_reports, c.event_id))[0]
