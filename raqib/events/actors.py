"""Actors of an event: who acted (actor1) and who was acted on (actor2), by their place in the clause.

Candidates are the article's named armed actors, the descriptions the actors dictionary resolves
("فصائل المعارضة", "الطيران الحربي" in a Syrian article), a force named by its nationality
("طائرات حربية روسية" -> the Russian state's forces) and unidentified gunmen. Roles follow Arabic
clause structure around the trigger:

- agent: after "نفذها/شنها/من قبل/على يد/برصاص", the subject right after a past-tense trigger verb
  (VSO: "استعادت القوات العراقية"), the subject right before it (SVO: "قوات الدعم السريع هاجمت"),
  the genitive of an attack noun ("غارات الطيران الروسي", "قصف قوات النظام");
- patient: after "على/ضد/باستهداف", the genitive of a noun of what is done to someone ("اعتقال
  عناصر من داعش", "استهداف قوات النظام"), a group the arrested belong to ("بانتمائهم إلى داعش").

Then ACLED's definitions fix what the clause leaves open: the government side regains territory,
a non-state actor overtakes it, state forces arrest, protesters are actor1 of a protest.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from functools import cache

import regex

from raqib.events.acled import ACTOR_INTER, country_name, localise_actor_name
from raqib.events.classify import Detection
from raqib.events.triggers import fold_pattern
from raqib.model.doc import Doc
from raqib.model.events import Actor
from raqib.model.span import Span

ACTOR_CATEGORIES = frozenset(ACTOR_INTER)

# In VSO order the subject follows the verb ("استهدفت قوات النظام"), so only prepositions and
# nouns of attack mark the target.
_TARGET_BEFORE = regex.compile(r"(?:على|ضد|مع|باستهداف|استهداف|بين\s+\S+\s+و)\s*(?:\S{0,4})$")
_AGENT_BEFORE = regex.compile(
    r"(?:نفذ\S*|شن\S*|من قبل|على يد|ايدي|برصاص|بنيران|قوامها|اطلقها|اطلقته|تبنا\S*|تبنى\S*)\s*(?:\S{0,4})$"
)
# The group the arrested or killed belong to: "مشتبهين بانتمائهم إلى داعش", "عناصر من داعش".
_MEMBER_BEFORE = regex.compile(
    r"(?:انتماء\S*|بانتماء\S*|ينتم\S*|المنتم\S*|منتم\S*|عناصر|مسلحي|مقاتلي|اعضاء|قيادي\S*|مشتبه\S*)"
    r"\s+(?:(?:الى|في|من|ب)\s*)?$"
)
# What a strike hits of a side: "استهدفت تجمعات الحوثيين"، "مواقع لميليشيات الحوثي".
_POSITIONS_BEFORE = regex.compile(
    r"(?<![\p{L}])(?:ال)?(?:مواقع|موقع|تجمعات|تجمع|تحصينات|معاقل|معقل|مقرات|مقر|ثكنات|ثكنه|"
    r"اهداف|تحركات|مخازن|منصات)\s+(?:(?:ال)?\S+\s+){0,2}?(?:ل|التابعه\s+ل|تابعه\s+ل)?(?:ال)?$"
)
# Nouns of what is done to someone: their genitive is the patient ("اعتقال عناصر من داعش").
_PATIENT_NOUN = regex.compile(
    r"(?:ال)?(?:اعتقال|توقيف|استهداف|اغتيال|اختطاف|خطف|مقتل|قتل|اسر|حصار|محاصره|ملاحقه|مداهمه)"
)
# What may stand between a trigger and its subject or genitive: punctuation and time words
# ("هاجمت، الجمعة، قوات ...").
_GAP = regex.compile(
    fold_pattern(
        r"[\s،,\"«»()-]*(?:(?:[وفب]?(?:ال)?(?:يوم|أمس|اليوم|الليلة|صباح|مساء|فجر|ظهر|ليل|عصر|السبت|الأحد|"
        r"الاثنين|الثلاثاء|الأربعاء|الخميس|الجمعة|جوية|الجوية|عنيفة|مكثفة|جديدة)|\d+)[\s،,\"«»()-]*){0,3}"
    )
)
_UNIDENTIFIED = regex.compile(
    r"(?<![\p{L}])[وفب]?(?:ال)?(?:مسلح(?:ون|ين)\s+مجهول(?:ون|ين)|مجهول(?:ون|ين)|مسلحين|مسلحون|انتحاري|انتحاريه)"
    r"(?![\p{L}])"
)
# A backer of the actor named before: "مدعومة من القوات الروسية"، "بدعم من التحالف"، "الموالية لأنقرة".
_ALLY_BEFORE = regex.compile(
    fold_pattern(
        r"(?<![\p{L}])(?:(?:ال)?مدعوم(?:ه|ين|ون)?\s+من|بدعم\s+(?:\S+\s+)?من|بغطاء\s+(?:جوي\s+)?من|"
        r"(?:بدعم|باسناد|بمسانده|بمشاركه|بمؤازره)(?:\s+و(?:دعم|اسناد|مسانده|مشاركه|مؤازره))?(?:\s+من)?|"
        r"(?:ال)?موالي(?:ه|ين|ون)?\s+(?:ل(?:ها|ه|هم)\s+من\s+|ل)"
        r"|(?:ال)?متحالف(?:ه|ين|ون)?\s+(?:مع(?:ها|ه|هم)\s+من\s+|مع))\s*(?:ال)?$"
    )
)
# "بحسب جيش الإسلام"، "وفق ما أعلنت فصائل المعارضة": a group the report is attributed to is its
# source; named nowhere else in the clause, it is no side of the event (it became the attacker of
# one outlet's report and split the event; merge labels, held-out splits 5 and 6).
_ATTRIBUTED_TO = regex.compile(
    fold_pattern(
        r"(?<![\p{L}])(?:بحسب|حسب|وفق|وفقا\s+ل|نقلا\s+عن)\s*(?:ما\s+(?:أعلن|أعلنت|أفاد|أفادت|ذكر|ذكرت|قال|قالت)\S*\s+)?(?:ال)?$"
    )
)
# A force named by its nationality: "طائرات حربية روسية"، "مقاتلات إسرائيلية"، "قوات تركية"، "الغارات الروسية".
_NATIONAL_FORCE = regex.compile(
    fold_pattern(
        r"(?<![\p{L}])[وب]?(?:ال)?(?:طائرات|طائرة|طائرتين|مقاتلات|مقاتلة|طيران|قاذفات|مروحيات|مروحية|قوات|جنود|"
        r"مدفعية|دبابات|بوارج|زوارق|سفن|مسيرات|مسيرة|صواريخ|غارات|غارة|ضربات|ضربة|قصف)"
        r"\s+(?:(?:ال)?(?:حربية|حربي|مسيرة|عسكرية|عسكري|بحرية|جوية|جوي|مدفعي|بدون\s+طيار)\s+)?"
        r"((?:ال)?\p{L}{3,})(?![\p{L}])"
    )
)


# A government's forces named by an adjective: "القصف الحكومي"، "الغارات الحكومية"، "القوات النظامية"،
# "القوات الموالية للحكومة".
# Whose government is the event's country's (resolved in ``Candidate.actor``).
_GOVERNMENT_ADJECTIVE = regex.compile(
    fold_pattern(
        r"(?<![\p{L}])[وب]?(?:ال)?(?:قصف|غارات|غاره|ضربات|طيران|طائرات|مدفعيه|قوات)\s+"
        r"(?:(?:ال)?(?:جويه|جوي|حربيه|حربي)\s+)?((?:ال)?(?:حكومي|حكوميه|نظامي|نظاميه|مواليه\s+للحكومه))(?![\p{L}])"
    )
)


@dataclass(frozen=True)
class Candidate:
    """A mention that can be an event's actor (view offsets), with what it resolves to."""

    vs: int
    ve: int
    span: Span
    name: str
    category: str | None
    inter: int | None
    country: str | None  # the actor's own country (None: not tied to one)
    entity_key: str | None = None
    # A government standing for its forces ("غارات النظام السوري"): an actor only as the agent.
    via_government: bool = False
    of_event_country: bool = False  # the forces of the event's country ("القصف الحكومي")

    def actor(self, event_country: str | None) -> Actor:
        if self.of_event_country:
            return Actor(
                name=f"Military Forces of {country_name(event_country)}",
                category="state_forces",
                inter=1,
                span=self.span,
            )
        inter = self.inter or ACTOR_INTER.get(self.category or "")
        # ACLED codes a state's forces acting abroad as External/Other forces (inter 8).
        if (
            self.category == "state_forces"
            and self.country
            and event_country
            and self.country != event_country
        ):
            inter = 8
        name = localise_actor_name(self.name, self.country, event_country)
        return Actor(
            name=name, category=self.category, inter=inter, span=self.span, entity_key=self.entity_key
        )


@cache
def _state_forces(kb_actors) -> dict[str, object]:
    """ISO2 -> the dictionary entry for that state's military forces."""
    out: dict[str, object] = {}
    for e in kb_actors:
        if e.category != "state_forces" or not e.country or not (e.acled_name or "").startswith("Military"):
            continue
        if e.key == f"forces:{e.country}" or e.country not in out:
            out[e.country] = e
    return out


def actor_candidates(doc: Doc, kb_actors) -> list[Candidate]:
    """Every actor mention of the article in text order: named, described, by nationality."""
    view = doc.view
    out: list[Candidate] = []
    forces = _state_forces(kb_actors) if kb_actors is not None else {}
    for e in doc.entities:
        if e.type == "ORG" and e.category == "government" and e.country in forces:
            out.extend(_government_as_forces(view, e.mentions, forces[e.country], e.country))
            continue
        if e.type not in ("ORG", "PER") or e.category not in ACTOR_CATEGORIES:
            continue
        entry = kb_actors.get(e.key) if kb_actors is not None else None
        name = (entry.acled_name or entry.name_en) if entry else (e.name_en or e.name)
        inter = entry.inter if entry and entry.inter else None
        own = entry.country if entry else e.country
        for m in e.mentions:
            out.append(
                Candidate(view.to_view(m.start), view.to_view(m.end), m, name, e.category, inter, own, e.key)
            )
    taken = [(c.vs, c.ve) for c in out]

    def free(a: int, b: int) -> bool:
        return not any(a < y and x < b for x, y in taken)

    if kb_actors is not None:
        from raqib.stages.entities import actor_mentions  # the events stage runs after entities

        for span, entry in actor_mentions(doc, kb_actors):
            a, b = view.to_view(span.start), view.to_view(span.end)
            if entry.category == "government" and entry.country in forces and free(a, b):
                out.extend(_government_as_forces(view, [span], forces[entry.country], entry.country))
                taken.append((a, b))
            elif entry.category in ACTOR_CATEGORIES and free(a, b):
                out.append(
                    Candidate(
                        a,
                        b,
                        span,
                        entry.acled_name or entry.name_en,
                        entry.category,
                        entry.inter,
                        entry.country,
                        entry.key,
                    )
                )
                taken.append((a, b))
        for m in _NATIONAL_FORCE.finditer(view.text, overlapped=True):
            iso = kb_actors.nisba.get(m.group(1))
            entry = forces.get(iso) if iso else None
            a, b = m.start(), m.end()
            if entry is not None and free(a, b):
                out.append(
                    Candidate(
                        a,
                        b,
                        doc.view_span(a, b),
                        entry.acled_name,
                        "state_forces",
                        entry.inter or 1,
                        iso,
                        entry.key,
                    )
                )
                taken.append((a, b))
    for m in _GOVERNMENT_ADJECTIVE.finditer(view.text):
        a, b = m.span(1)
        if free(a, b):
            out.append(
                Candidate(a, b, doc.view_span(a, b), "", "state_forces", 1, None, of_event_country=True)
            )
    out.sort(key=lambda c: c.vs)
    return out


def _government_as_forces(view, mentions, forces, iso: str) -> list[Candidate]:
    """A government's mentions as candidates for its military forces: ACLED codes violence by a
    state as its forces' ("غارات النظام السوري" -> Military Forces of Syria)."""
    return [
        Candidate(
            view.to_view(m.start),
            view.to_view(m.end),
            m,
            forces.acled_name,
            "state_forces",
            forces.inter or 1,
            iso,
            forces.key,
            via_government=True,
        )
        for m in mentions
    ]


def _role(view: str, c: Candidate, det: Detection) -> tuple[str | None, str]:
    """("agent" | "patient" | "member" | None, reason) of a candidate in the event's clause."""
    before = view[max(0, c.vs - 25) : c.vs]
    if _AGENT_BEFORE.search(before):
        return "agent", "named as the perpetrator"
    if _POSITIONS_BEFORE.search(before):
        return "patient", "its positions were struck"
    if _TARGET_BEFORE.search(before):
        return "patient", "object of the attack"
    if _MEMBER_BEFORE.search(before):
        return "member", "the group the targeted belong to"
    for t in det.triggers:
        if c.vs >= t.end and _GAP.fullmatch(view, t.end, c.vs):
            if t.form == "v":
                return "agent", f"subject of '{t.text}'"
            if _PATIENT_NOUN.fullmatch(t.text.split()[0]):
                return "patient", f"object of '{t.text}'"
            return "agent", f"genitive of '{t.text}'"
        if t.form == "v" and c.ve <= t.start and _GAP.fullmatch(view, c.ve, t.start):
            return "agent", f"subject before '{t.text}'"
    return None, ""


def _unidentified(country: str | None) -> Actor:
    cname = country_name(country)
    return Actor(
        f"Unidentified Armed Group ({cname})" if cname else "Unidentified Armed Group", "political_militia", 3
    )


def pick_actors(
    doc: Doc, det: Detection, sent: Span, cands: list[Candidate], country: str | None
) -> tuple[Actor | None, Actor | None, tuple[Actor, ...], list[str]]:
    """actor1, actor2, associated actors of actor1, and reasons."""
    view = doc.view.text
    s0, s1 = doc.view.to_view(sent.start), doc.view.to_view(sent.end)
    in_sent = [c for c in cands if s0 <= c.vs and c.ve <= s1]
    scope = [c for c in in_sent if det.win_start <= c.vs and c.ve <= det.win_end] or in_sent
    why: list[str] = []
    a1: Candidate | None = None
    a2: Candidate | None = None
    assoc: list[Actor] = []
    rest: list[Candidate] = []
    for c in scope:
        if a1 and c.name == a1.name or a2 and c.name == a2.name:
            continue
        role, reason = _role(view, c, det)
        if c.via_government and role != "agent":
            continue  # a government speaks, decides and is blamed more than it is named to strike
        if c.of_event_country and not country_name(country):
            continue
        if role == "member":
            role = "patient" if det.sub_type in ("arrests", "abduction_forced_disappearance") else None
        if a1 is not None and c.vs - a1.ve <= 4 and view[a1.ve : c.vs].strip() == "و":
            assoc.append(c.actor(country))
            why.append(f"assoc_actor_1 '{c.span.text}': joined to actor1")
        elif _ALLY_BEFORE.search(view, max(0, c.vs - 30), c.vs):
            # "طائرات حربية سورية مدعومة من القوات الروسية": the backer fights on actor1's side.
            if a1 is not None and not any(x.name == c.name for x in assoc):
                assoc.append(c.actor(country))
                why.append(f"assoc_actor_1 '{c.span.text}': backs actor1")
        elif role == "agent" and a1 is None:
            a1 = c
            why.append(f"actor1 '{c.span.text}': {reason}")
        elif role == "patient" and a2 is None:
            a2 = c
            why.append(f"actor2 '{c.span.text}': {reason}")
        elif all(c.name != r.name for r in rest):
            rest.append(c)
    by_position: set[str] = set()
    for c in rest:
        if _ATTRIBUTED_TO.search(view, max(0, c.vs - 30), c.vs):
            why.append(f"'{c.span.text}': the source of the report, not a side")
            continue
        if a1 is None and (a2 is None or c.name != a2.name):
            a1 = c
            by_position.add(c.name)
            why.append(f"actor1 '{c.span.text}': first armed actor of the clause")
        elif a2 is None and c.name != a1.name:
            a2 = c
            by_position.add(c.name)
            why.append(f"actor2 '{c.span.text}': second party named")
    a1, a2 = _by_definition(det, a1, a2, in_sent, why)
    act1 = _with_basis(a1.actor(country), a1.name in by_position) if a1 else None
    act2 = _with_basis(a2.actor(country), a2.name in by_position) if a2 else None
    if act1 is None and det.type != "humanitarian" and _UNIDENTIFIED.search(view, det.win_start, det.win_end):
        act1 = _unidentified(country)
        why.append("actor1: unidentified attackers ('مسلحون مجهولون', 'انتحاري')")
    # A "mil" cue inside actor1's own mention ("مقاتلات تركية") says who struck, not who was hit.
    own = (a1.vs, a1.ve) if a1 is not None else (0, 0)
    mil_victims = any(c.kind == "mil" and not (own[0] <= c.start < own[1]) for c in det.cues)
    act1, act2 = _crowds_and_victims(det, act1, act2, country, why, mil_victims)
    return act1, act2, tuple(assoc), why


def _with_basis(actor: Actor, by_position: bool) -> Actor:
    return replace(actor, basis="position") if by_position else actor


def _by_definition(
    det: Detection, a1: Candidate | None, a2: Candidate | None, in_sent: list[Candidate], why: list[str]
) -> tuple[Candidate | None, Candidate | None]:
    """ACLED's definitions of the sub-types settle roles the clause leaves open."""

    def state(c: Candidate | None) -> bool:
        return c is not None and c.category == "state_forces"

    if det.sub_type in ("government_regains_territory", "arrests") and not state(a1):
        if state(a2):
            why.append(f"roles swapped: {det.sub_type} is done by state forces")
            return a2, a1
        other = next((c for c in in_sent if state(c)), None)
        if other is not None and a2 is None:
            why.append(f"actor1 '{other.span.text}': {det.sub_type} is done by state forces (same sentence)")
            return other, a1
    if det.sub_type == "government_regains_territory" and a1 is not None and not state(a1) and a2 is None:
        # "استعادة السيطرة على مقرات ... من الحوثيين": the non-state actor named lost the ground.
        why.append("actor2: government_regains_territory is taken from the non-state actor named")
        return None, a1
    if (
        det.sub_type == "non_state_actor_overtakes_territory"
        and state(a1)
        and a2 is not None
        and not state(a2)
    ):
        why.append("roles swapped: territory is overtaken by a non-state actor")
        return a2, a1
    return a1, a2


# The unnamed sides ACLED codes by their country: (category, inter) of each.
_GENERIC_SIDES = {"Protesters": ("protesters", 6), "Rioters": ("rioters", 5), "Civilians": ("civilians", 7)}


def generic_actor(who: str, country: str | None) -> Actor:
    """ "Protesters (Palestine)", "Rioters (Iraq)", "Civilians (Syria)": an unnamed side of the
    event's country (``who`` is a key of ``_GENERIC_SIDES``)."""
    cname = country_name(country)
    category, inter = _GENERIC_SIDES[who]
    return Actor(f"{who} ({cname})" if cname else who, category, inter)


def _crowds_and_victims(
    det: Detection,
    a1: Actor | None,
    a2: Actor | None,
    country: str | None,
    why: list[str],
    mil_victims: bool = False,
) -> tuple[Actor | None, Actor | None]:
    civilians = any(c.kind == "civ" for c in det.cues) and not mil_victims
    if det.type in ("protests", "riots"):
        who = "Protesters" if det.type == "protests" else "Rioters"
        crowd = generic_actor(who, country)
        # ACLED codes the demonstrators as actor1 of every protest event, the force that
        # intervenes as actor2.
        other = a1 if a1 is not None and a1.category != crowd.category else a2
        why.append(f"actor1: {who.lower()}")
        return crowd, other
    if (
        det.type == "violence_against_civilians" or (det.type == "explosions_remote_violence" and civilians)
    ) and (a2 is None or a2.category == "civilians"):
        why.append("actor2: civilians (victims are civilians)")
        return a1, generic_actor("Civilians", country)
    if a2 is None and det.sub_type in _CIVILIAN_OBJECT:
        # ACLED codes the people displaced, besieged, supplied or arrested (when no armed group
        # is named as theirs) as civilians of the country.
        why.append(f"actor2: civilians (those affected by the {det.sub_type.replace('_', ' ')})")
        return a1, generic_actor("Civilians", country)
    return a1, a2


_CIVILIAN_OBJECT = frozenset({"displacement", "siege", "aid_delivered", "evacuation", "arrests"})
