"""A readable summary of one extracted article for people (``raqib extract --format table``).

Arabic runs are wrapped in Unicode first-strong isolates (FSI ... PDI) so that a terminal's bidi
algorithm lays each one out right-to-left without scrambling the left-to-right columns around it.
"""

from __future__ import annotations

from typing import TextIO

import regex

from raqib.model.doc import Doc

_FSI, _PDI = "\u2068", "\u2069"
_ARABIC_RUN = regex.compile(r"[\p{Arabic}][\p{Arabic}\s\d.,،%/\-«»\"'()]*[\p{Arabic}]|\p{Arabic}")


def isolate(text: str | None) -> str:
    """``text`` with each Arabic run isolated for display; "-" for nothing."""
    if not text:
        return "-"
    return _ARABIC_RUN.sub(lambda m: f"{_FSI}{m.group()}{_PDI}", " ".join(text.split()))


def clip(text: str, width: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


def _rows(out: TextIO, header: tuple[str, ...], rows: list[tuple[str, ...]]) -> None:
    widths = [max(len(h), *(len(r[i]) for r in rows)) if rows else len(h) for i, h in enumerate(header)]
    out.write("  " + "  ".join(h.ljust(w) for h, w in zip(header, widths, strict=True)).rstrip() + "\n")
    for r in rows:
        cells = [isolate(c) + " " * (w - len(c)) for c, w in zip(r, widths, strict=True)]
        out.write("  " + "  ".join(cells).rstrip() + "\n")


def write_table(doc: Doc, out: TextIO, *, explain: bool = False) -> None:
    """Write the article's title, figures, events and entities as aligned plain-text tables."""
    out.write("=" * 78 + "\n")
    out.write(f"{doc.id or ''}  {isolate(doc.title or clip(doc.body, 70))}\n")
    out.write(f"published: {doc.published or 'unknown'}   url: {doc.url or '-'}\n")
    out.write(f"\nFigures ({len(doc.figures)})\n")
    _rows(
        out,
        ("kind", "value", "who", "where", "when", "source", "evidence"),
        [
            (
                f.kind,
                f"{'~' if f.approximate else ''}{f.value:,}" + (f"-{f.upper:,}" if f.upper else ""),
                f.who or "-",
                f.where.text if f.where else "-",
                (f.when.start or "-") if f.when else "-",
                f.source.span.text if f.source else "-",
                clip(f.evidence.text, 48),
            )
            for f in doc.figures
        ],
    )
    out.write(f"\nEvents ({len(doc.events)})\n")
    _rows(
        out,
        ("date", "type / sub_type", "location", "actor1", "actor2", "killed", "evidence"),
        [
            (
                e.date or "-",
                f"{e.type}/{e.sub_type}",
                (e.location.name_en or e.location.text) if e.location else "-",
                e.actor1.name if e.actor1 else "-",
                e.actor2.name if e.actor2 else "-",
                str(e.fatalities) if e.fatalities is not None else "-",
                clip(e.evidence[0].text, 48) if e.evidence else "-",
            )
            for e in doc.events
        ],
    )
    if explain:
        for i, e in enumerate(doc.events, 1):
            out.write(f"  [{i}] rule: {e.rule or '-'}; triggers: {', '.join(isolate(t.text) for t in e.triggers) or '-'}\n")
            for line in e.explanation:
                out.write(f"      - {isolate(line)}\n")
    out.write(f"\nEntities ({len(doc.entities)})\n")
    _rows(
        out,
        ("type", "name", "english", "country", "where"),
        [
            (
                e.type,
                e.name,
                e.name_en or "-",
                e.country or "-",
                f"{e.place.lat:.3f},{e.place.lon:.3f}" if e.place and e.place.lat is not None else "-",
            )
            for e in doc.entities
        ],
    )
    out.write("\n")
