"""Organisations named by a pattern rather than a list: units and local commands.

"الفرقة التاسعة" (a numbered division), "قيادة شرطة محافظة حلب" / "شرطة ديالى" (a local police
command), "قيادة عمليات سامراء" (an operations command). Each needs a head noun and a
following word that is a number or a place; the place is romanised for the English name.
"""

from __future__ import annotations

from dataclasses import dataclass

from raqib.kb.actors import ActorDictionary
from raqib.model.doc import Doc
from raqib.stages.entity_persons import _strip

_ORDINALS = {
    "الاولي": 1,
    "الثانيه": 2,
    "الثالثه": 3,
    "الرابعه": 4,
    "الخامسه": 5,
    "السادسه": 6,
    "السابعه": 7,
    "الثامنه": 8,
    "التاسعه": 9,
    "العاشره": 10,
    "الحاديه عشره": 11,
    "الثانيه عشره": 12,
    "الثالثه عشره": 13,
    "الرابعه عشره": 14,
    "الخامسه عشره": 15,
    "السادسه عشره": 16,
    "السابعه عشره": 17,
    "الثامنه عشره": 18,
}
_SUFFIX = {1: "st", 2: "nd", 3: "rd"}


@dataclass(frozen=True)
class PatternOrg:
    start: int
    end: int
    key: str
    name_en: str
    place: str | None  # Arabic place word to romanise into name_en ("{place}")
    category: str
    inter: int | None
    country: str | None


def find(
    doc: Doc, actors: ActorDictionary, covered: list[tuple[int, int, str, str]], country: str | None
) -> list[PatternOrg]:
    toks = doc.tokens
    out: list[PatternOrg] = []
    n = len(toks)

    def free(a: int, b: int) -> bool:
        return all(b <= s or e <= a for s, e, *_ in covered) and all(b <= p.start or p.end <= a for p in out)

    # Most articles name no division, police or command: one probe of all words at once.
    words = "\x00".join([t.norm for t in toks])
    if not ("فرقه" in words or "شرطه" in words or "قياده" in words):
        return out
    for i, t in enumerate(toks):
        if not ("فرقه" in t.norm or "شرطه" in t.norm or "قياده" in t.norm):
            continue
        for off, stem in _strip(t.norm):
            start = t.start + _off(t.text, off)
            if stem == "الفرقه" and i + 1 < n:
                two = f"{toks[i + 1].norm} {toks[i + 2].norm}" if i + 2 < n else ""
                num, last = (
                    (_ORDINALS[two], i + 2) if two in _ORDINALS else (_ORDINALS.get(toks[i + 1].norm), i + 1)
                )
                if num and free(start, toks[last].end):
                    out.append(
                        PatternOrg(
                            start,
                            toks[last].end,
                            f"division:{num}:{country or ''}",
                            f"{num}{_SUFFIX.get(num, 'th')} Division",
                            None,
                            "state_forces",
                            1,
                            country,
                        )
                    )
                break
            if stem in ("شرطه", "قياده") and i + 1 < n:
                k = i
                if stem == "قياده":
                    if toks[i + 1].norm not in ("شرطه", "عمليات"):
                        break
                    k = i + 1
                head = toks[k].norm
                k += 1
                gov = k < n and toks[k].norm == "محافظه"
                k += 1 if gov else 0
                if k >= n or doc.text[toks[k - 1].end : toks[k].start].strip():
                    break
                place = toks[k].norm
                if place.startswith("ال") and not gov and place not in actors.country_signals:
                    break
                if (
                    not place.isalpha()
                    or len(place) < 3
                    or (place[0] == "و" and place not in actors.country_signals)
                ):
                    break  # "شرطة وجنود": a conjunction, not a place
                if free(start, toks[k].end):
                    kind = "Operations Command" if head == "عمليات" else "Police"
                    out.append(
                        PatternOrg(
                            start,
                            toks[k].end,
                            f"{'opcmd' if head == 'عمليات' else 'police'}:{place}",
                            f"{{place}} {kind}",
                            toks[k].text,
                            "state_forces",
                            1,
                            country,
                        )
                    )
                break
    return out


def _off(word: str, n_norm: int) -> int:
    from raqib.stages.entity_persons import _orig_offset

    return _orig_offset(word, n_norm)
