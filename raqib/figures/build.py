"""find_figures: every explicit count of affected people in a document, with who, where, when
and source, merged so that no count is reported twice."""

from __future__ import annotations

import bisect

from raqib.figures.attribution import Attribution, Attributor, pick
from raqib.figures.cues import classify_all
from raqib.figures.extract import Extractor
from raqib.figures.kinds import Found
from raqib.figures.merge import merge
from raqib.model.dates import TimeExpr
from raqib.model.doc import Doc
from raqib.model.figures import Figure, When
from raqib.model.span import Span
from raqib.text.normalize import normalize_str

_DENIAL = frozenset(normalize_str(w) for w in ["ليس", "وليس"])


def find_figures(doc: Doc, *, acled_vague: bool = False) -> list[Figure]:
    """The figures of ``doc`` (which must carry sentences, tokens, numbers, dates, entities)."""
    if not doc.tokens or not doc.sentences:
        return []
    infos = classify_all([t.norm for t in doc.tokens])
    ex = Extractor(doc, infos, acled_vague=acled_vague)
    if not ex.quantities and not any(i.noun is not None and i.noun.count for i in infos):
        return []
    attributor = Attributor(doc, infos)
    locs = sorted(
        ((m.start, m.end, m, e.key) for e in doc.entities if e.type == "LOC" for m in e.mentions),
        key=lambda x: x[0],
    )
    starts = ex.starts
    figures: list[tuple[int, Figure]] = []
    denied: set[int] = set()
    for s_idx, sent in enumerate(doc.sentences):
        a = bisect.bisect_left(starts, sent.start)
        b = bisect.bisect_left(starts, sent.end)
        if a >= b:
            continue
        attrs = attributor.sentence(a, b)
        cands = ex.candidates(a, b)
        if not cands:
            continue
        frames = ex.frames(a, b)
        found: list[Found] = []
        for c in cands:
            if c.q is not None and c.first > a and infos[c.first - 1].norm in _DENIAL:
                denied.add(c.value)
                continue
            f = ex.resolve(c, a, b, found, frames, s_idx)
            if f is not None:
                found.append(f)
        cut = ex.superseded_from(a, b)
        for f in found:
            if cut is None or f.last_tok > cut:
                figures.append((s_idx, _figure(doc, f, sent, attrs, locs)))
    # A sentence reporting a count the text denies ("197 وليس 235") is an outdated report: its
    # other counts go with it.
    stale = {s for s, f in figures if f.value in denied}
    title_end = len(doc.title) if doc.title else 0
    return merge([f for s, f in figures if s not in stale], title_end=title_end, denied=denied)


def _figure(doc: Doc, f: Found, sent: Span, attrs: list[Attribution], locs: list) -> Figure:
    c = f.cand
    q = c.q
    pos = c.start
    source = pick(attrs, pos)
    if source is None and f.parent is not None:
        source = pick(attrs, f.parent.cand.start)
    where, where_key = _where(sent, pos, locs, source.span if source else None)
    return Figure(
        kind=f.kind,
        value=c.value,
        evidence=doc.span(f.ev_start, f.ev_end),
        number=doc.span(c.start, c.end),
        unit=c.unit,
        approximate=bool(q.approximate) if q is not None else False,
        vague=bool(q.vague) if q is not None else False,
        upper=int(q.upper) if q is not None and q.upper is not None else None,
        previous=int(q.previous) if q is not None and q.previous is not None else None,
        who=f.who,
        who_span=c.head_span,
        where=where,
        where_key=where_key,
        when=_when(doc, sent, pos),
        source=source,
    )


def _where(sent: Span, pos: int, locs: list, exclude: Span | None) -> tuple[Span | None, str | None]:
    """The place mention of the sentence nearest the number (not inside the source's name)."""
    best = None
    for start, end, span, key in locs:
        if start < sent.start:
            continue
        if start >= sent.end:
            break
        if exclude is not None and exclude.start <= start < exclude.end:
            continue
        d = start - pos if start >= pos else pos - end
        if best is None or d < best[0]:
            best = (d, span, key)
    return (best[1], best[2]) if best else (None, None)


def _when(doc: Doc, sent: Span, pos: int) -> When | None:
    """The date or range of the sentence: منذ ... حتى gives a range, else the nearest date."""
    exprs = [d for d in doc.dates if sent.start <= d.span.start < sent.end and d.start is not None]
    if not exprs:
        return None
    since = [d for d in exprs if d.range_role == "since"]
    if since:
        s = since[0]
        until = [d for d in exprs if d.range_role == "until" and d.span.start > s.span.start]
        u = until[0] if until else None
        end = (u.end if u else doc.published) or s.end
        assert s.start is not None
        span = doc.span(s.span.start, (u or s).span.end)
        return When(s.start.isoformat(), end.isoformat() if end else None, _coarser(s, u), span)
    best = min(exprs, key=lambda d: abs(d.span.start - pos))
    assert best.start is not None
    return When(best.start.isoformat(), (best.end or best.start).isoformat(), best.precision, best.span)


def _coarser(a: TimeExpr, b: TimeExpr | None) -> int | None:
    ps = [p for p in (a.precision, b.precision if b else None) if p is not None]
    return max(ps) if ps else None
