"""No double counting: one figure per reported count.

* The same count repeated (title and body, a lead repeated in the next paragraph) is one figure
  with the first body statement as evidence and the others in ``also``. Two equal counts are
  kept apart when they name different people (جنديين vs شرطيان) or different places.
* A rounded count next to its exact value ("أكثر من 77 ألف" and "77 ألفا و100") is one figure.
* A count the text updates ("ارتفع عدد القتلى من 10 إلى 21") drops earlier figures of the old
  value; a count the text denies ("197 شخصا وليس 235") is dropped.
"""

from __future__ import annotations

from dataclasses import replace

from raqib.model.figures import Figure

# "أكثر من 77 ألف" rounds 77,100 (dev data and corpus: rounded restatements stay within 2%);
# 5% leaves room for "نحو" while keeping distinct tolls apart.
_ROUNDING = 0.05


# From this value on, equal counts of the same kind and people are restatements even when the
# nearest place differs (a toll restated with the region, then with the towns hit): two distinct
# tolls of exactly the same size are rare for large counts, common for 1 to 3 (dev data).
_RESTATED = 10


def _compatible(a: Figure, b: Figure, title_end: int) -> bool:
    if a.evidence.end <= title_end or b.evidence.end <= title_end:
        return True
    if a.who != b.who and "people" not in (a.who, b.who):
        return False
    if a.value >= _RESTATED:
        return True
    return not (a.where_key and b.where_key and a.where_key != b.where_key)


def _absorb(keep: Figure, other: Figure, title_end: int) -> Figure:
    """``keep`` with ``other`` folded in; the evidence is the first statement in the body."""
    primary, secondary = keep, other
    if primary.evidence.end <= title_end < secondary.evidence.start:
        primary, secondary = secondary, primary
    also = sorted({*primary.also, secondary.evidence, *secondary.also} - {primary.evidence})
    return replace(
        primary,
        also=tuple(also),
        source=primary.source or secondary.source,
        where=primary.where or secondary.where,
        where_key=primary.where_key or secondary.where_key,
        when=primary.when or secondary.when,
        previous=primary.previous if primary.previous is not None else secondary.previous,
        who=primary.who if primary.who != "people" else secondary.who,
        who_span=primary.who_span if primary.who != "people" else secondary.who_span,
    )


def merge(figures: list[Figure], *, title_end: int, denied: set[int] = frozenset()) -> list[Figure]:  # type: ignore[assignment]
    """Merged figures in text order (see module docstring); ``title_end`` is where the title ends
    (0 without a title); ``denied`` holds values the text denies."""
    superseded = {(f.kind, f.previous) for f in figures if f.previous is not None}
    figures = [f for f in figures if (f.kind, f.value) not in superseded and f.value not in denied]
    out: list[Figure] = []
    for f in figures:
        for k, g in enumerate(out):
            if (g.kind, g.value, g.unit) == (f.kind, f.value, f.unit) and _compatible(g, f, title_end):
                out[k] = _absorb(g, f, title_end)
                break
        else:
            out.append(f)
    # Rounded restatements of an exact count.
    drop: set[int] = set()
    for i, f in enumerate(out):
        if not f.approximate:
            continue
        for k, g in enumerate(out):
            if (
                k != i
                and k not in drop
                and g.kind == f.kind
                and g.unit == f.unit
                and not g.approximate
                and f.value < g.value <= f.value * (1 + _ROUNDING)
            ):
                out[k] = replace(g, also=tuple(sorted({*g.also, f.evidence})), source=g.source or f.source)
                drop.add(i)
                break
    final = [f for i, f in enumerate(out) if i not in drop]
    final.sort(key=lambda f: f.evidence.start)
    return final
