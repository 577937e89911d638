"""Arguments: the places, day, actors, toll and source of a detected event.

Each function takes the document and a ``Detection`` (view offsets of its clause window) and
returns what it attaches with a short English reason, collected for ``--explain``.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import regex

from raqib.events.actors import ACTOR_CATEGORIES, Candidate, actor_candidates, pick_actors
from raqib.events.classify import Detection
from raqib.events.triggers import fold_pattern
from raqib.model.dates import PRECISION_DAY, PRECISION_WEEK, TimeExpr
from raqib.model.doc import Doc
from raqib.model.entities import Entity
from raqib.model.events import Location
from raqib.model.figures import Figure, Source
from raqib.model.span import Span
from raqib.text.dateline import dateline_end
from raqib.text.normalize import normalize_str

__all__ = ["Candidate", "actor_candidates", "pick_actors"]

# ---- places ---------------------------------------------------------------------------------

# A place right after these words is a reference point, not the target ("جنوب مدينة جسر الشغور").
_REFERENCE = regex.compile(
    fold_pattern(
        r"(?:^|[\s(\"])[وب]?(?:شمال|جنوب|شرق|غرب|شمالي|جنوبي|شرقي|غربي|قرب|بالقرب من|مقربه من|على مقربه من|على بعد|"
        r"بين|الحدود مع|(?:ال)?حدوديه مع|قباله|مقابل|على محور|محور|بمحور)\s+(?:(?:ال)?(?:مدينه|بلده|قريه|محافظه|منطقه|ناحيه|قضاء|العاصمه|"
        r"ريف|محور)\s+)?\S{0,3}$"
    )
)
# A place after "في/ب + (ريف|محافظة...)" following another place is the region that contains it.
_CONTAINER = regex.compile(
    r"(?:^|\s)(?:(?:في|ب)\s*(?:ال)?(?:ريف|محافظه|مدينه|منطقه|قضاء|ناحيه|ولايه|اقليم)?\s*"
    r"|[بو]?(?:ال)?(?:ريف|محافظه|قضاء|ناحيه|ولايه|اقليم)\s+|(?:التابعه\s+ل\S*|وسط|بوسط)\s*|ل)$"
)
_ORIGIN = regex.compile(r"(?:^|\s)(?:من|انطلاقا من|قادمه من|قادما من)\s+(?:(?:ال)?\S+\s+)?$")
_DESTINATION = regex.compile(r"(?:^|\s)(?:الى|نحو|باتجاه|صوب|ل|حتى)\s+(?:(?:ال)?\S+\s+)?$")
_RANK = {
    "country": 0,
    "region": 1,
    "admin1": 1,
    "admin2": 2,
    "admin3": 3,
    "locality": 4,
    "camp": 5,
    "neighbourhood": 5,
    "landmark": 5,
}
# The place of the source, not of the event: "مصدر ميداني في حلب".
_ATTRIBUTION = regex.compile(r"(?:مصدر|مصادر|مراسل|مسؤول)\S*\s+(?:\S+\s+)?(?:في|ب)\s*(?:\S+\s+){0,3}$")
# ... and the seat of an organisation, never near the event: "المرصد السوري ... ومقره لندن".
_SEAT = regex.compile(r"(?<![\p{L}])و?(?:مقره|مقرها|مقرهم)\s+(?:في\s*)?$")
# A capital speaking for its state: "غداة إعلان موسكو".
_METONYMY = regex.compile(
    r"(?:اعلان|اعلنت|اعلن|قالت|قال|اكدت|اكد|ذكرت|اتهمت|طالبت|ردت|نفت|حذرت|هددت|تتهم|تقول)\s+$"
)
# A capital as a side's patron: "المقاتلين الموالين لدمشق"، "الفصائل المدعومة من أنقرة".
_ALLEGIANCE = regex.compile(
    r"(?<![\p{L}])(?:ال)?(?:موال|موالي|موالين|مواليه|موالون|حليف|حليفه|حلفاء)\s+(?:ل)?$"
    r"|(?<![\p{L}])(?:ال)?(?:مدعوم|مدعومه|مدعومين|مقرب|مقربه|مقربين)\s+من\s+$"
)
_NOT_NEAR = frozenset(
    {
        "seat of the source",
        "capital speaking for its state",
        "capital as a side's patron",
        "dateline",
        "what the protest is about",
        "in a slogan",
    }
)
# A place in a chant or a banner: 'هاتفة "شهداء بالملايين على القدس رايحين"' (merge labels, held-out
# split 3: a Gaza border protest placed in Jerusalem).
_SLOGAN = regex.compile(
    fold_pattern(
        r"(?<![\p{L}])(?:[وف]?(?:هاتف|هتف|يهتف|مردد|يردد|ردد|رافع)\S*|(?:ال)?(?:شعار|لافت|هتاف)\S*)"
        r"\s*:?\s*[\"«“][^\"»”]*$"
    )
)
# What a demonstration is about is no place of it: "احتجاجا على نقل السفارة الأمريكية إلى القدس"،
# "تضامنا مع سكان غزة"، "الاحتجاج على أحداث غزة" (merge labels, held-out split 3: West Bank and
# Jerusalem protests of 14-15 May 2018 placed in Gaza or Jerusalem). Checked for every type: a
# crowd killed by soldiers is typed an attack before it is retyped a demonstration.
_PROTEST_TOPIC = regex.compile(
    fold_pattern(
        r"(?<![\p{L}])(?:(?:احتجاجا|تضامنا|تنديدا|رفضا|نصرة|غضبا|استنكارا)\s+(?:على|مع|ب|ل)?"
        r"|(?:ال|و|وال|ل|لل)?(?:احتجاج|تضامن|تنديد|استنكار)\s+(?:على|مع|ب))"
        r"\s*(?:[^\s،,.:؛]+\s+){0,5}\S{0,3}$"
    )
)
_LANDMARK = regex.compile(r"(?:ساحه|شارع|دوار|ميدان|جسر|مستشفى|مسجد|سوق|حي|جامع)\s+\S{0,2}$")
# ... and a happening at the same time elsewhere: "بالتزامن مع افتتاح السفارة في القدس".
_SUBCLAUSE = regex.compile(
    r"(?<![\p{L}])(?:بعد|عقب|منذ|اثر|غداه|قبل|حين|عندما|بالتزامن|تزامنا|تزامن|تزامنت|يتزامن|تتزامن|"
    r"في\s+الوقت\s+الذي|في\s+حين)(?![\p{L}])"
)
_RELATIVE = regex.compile(fold_pattern(r"(?<![\p{L}])(?:الذي|التي|الذين|اللذين|اللتين|اللواتي)(?![\p{L}])"))
_CEASEFIRE_AFTER = regex.compile(fold_pattern(r"\s*(?:ل)?(?:ال)?اطلاق\s+(?:ال)?نار"))
_ANAPHOR_COUNTRY = regex.compile(r"(?<![\p{L}])(?:ال)?بلاد(?![\p{L}])")


@dataclass(frozen=True)
class PlacePick:
    entity: Entity | None
    mention: Span | None
    reason: str
    fallback: bool = False


def loc_mentions(doc: Doc) -> list[tuple[Span, Entity]]:
    """Every LOC mention of the article with its entity, in text order."""
    out = [(m, e) for e in doc.entities if e.type == "LOC" for m in e.mentions]
    out.sort(key=lambda x: x[0].start)
    return out


def _rank(e: Entity) -> int:
    return _RANK.get(e.place.place_type if e.place and e.place.place_type else "locality", 4)


def pick_places(
    doc: Doc,
    det: Detection,
    mentions: list[tuple[Span, Entity]],
    sent: Span,
    busy_all: tuple[tuple[int, int], ...] = (),
) -> list[PlacePick]:
    """The event's places: one per distinct target place of the window (one event per town).

    ``busy`` are original spans of the sentence's other event windows: when the event's own
    clause names no place, the sentence's places outside those windows are used.
    """
    view = doc.view.text
    w0, w1 = doc.view.to_original(det.win_start, det.win_end)
    humanitarian_move = det.sub_type in ("displacement", "evacuation")
    s0_v = doc.view.to_view(sent.start)
    # A dateline is where the report was filed (raqib/text/dateline.py; held-out split 4 of the
    # merge labels: CNN's "دبي، الإمارات (CNN) --" placed a Tripoli attack in Dubai).
    dl = dateline_end(view, s0_v, doc.view.to_view(sent.end))
    dateline_at = doc.view.to_original(dl, dl)[0] if dl >= 0 else -1
    for lo, hi, scope in ((w0, w1, "clause"), (sent.start, sent.end, "sentence")):
        cands = [(m, e) for m, e in mentions if lo <= m.start and m.end <= hi]
        busy = () if scope == "clause" else tuple(b for b in busy_all if not (b[0] <= w0 < b[1]))
        if not [c for c in cands if not any(a <= c[0].start < b for a, b in busy)]:
            continue
        kept: list[tuple[Span, Entity, str]] = []
        dropped: list[tuple[Span, Entity, str]] = []
        prev: tuple[Span, str | None] | None = None  # last mention and why it was dropped (None: kept)
        lo_v = doc.view.to_view(lo)
        for m, e in cands:
            if any(a <= m.start < b for a, b in busy):
                continue  # belongs to another event of the sentence
            if _CEASEFIRE_AFTER.match(view, doc.view.to_view(m.end)):
                continue  # "وقف إطلاق النار": a word of the phrase, not a place
            vs = doc.view.to_view(m.start)
            before = view[max(lo_v, vs - 40) : vs]
            # What a slogan or a protest's cause holds may begin before the clause does.
            in_sentence = view[max(s0_v, vs - 40) : vs]
            between = view[doc.view.to_view(prev[0].end) : vs] if prev else ""
            reason: str | None = None
            if m.end <= dateline_at:
                reason = "dateline"
            elif prev and regex.fullmatch(r"[\s\"#]*و[\s\"#]*", between):
                reason = prev[1]  # "X و Y": Y has the role of X
            elif humanitarian_move and _DESTINATION.search(before):
                reason = "destination"
            elif not humanitarian_move and det.type != "humanitarian" and _ORIGIN.search(before):
                reason = "origin"
            elif _REFERENCE.search(before):
                reason = "reference point"
            elif _SLOGAN.search(in_sentence):
                reason = "in a slogan"
            elif _SEAT.search(before):
                reason = "seat of the source"
            elif _ATTRIBUTION.search(before):
                reason = "place of the source"
            elif _METONYMY.search(before):
                reason = "capital speaking for its state"
            elif _ALLEGIANCE.search(before):
                reason = "capital as a side's patron"
            elif (
                kept
                and _CONTAINER.search(before)
                and (_rank(e) <= _rank(kept[-1][1]) or _names_admin_of(m.text, kept[-1][1]))
            ):
                reason = "region containing " + kept[-1][0].text
            elif (kept or dropped) and _SUBCLAUSE.search(
                view, doc.view.to_view((kept or dropped)[0][0].end), vs
            ):
                # After a place of the event's own, even one only its reference point ("على
                # الحدود بين قطاع غزة وإسرائيل ... بالتزامن مع افتتاح السفارة في القدس").
                reason = "in a subordinate clause"
            elif _PROTEST_TOPIC.search(in_sentence):
                reason = "what the protest is about"
            if (
                reason is None
                and kept
                and _CONTAINER.search(before)
                and _LANDMARK.search(
                    view,
                    max(lo_v, doc.view.to_view(kept[-1][0].start) - 12),
                    doc.view.to_view(kept[-1][0].start),
                )
            ):
                # "ساحة عدن في الكاظمية": the square lies in the district ACLED codes.
                lm = kept.pop()
                dropped.append((lm[0], lm[1], "landmark inside " + m.text))
            if reason is None:
                kept.append((m, e, f"place named in the {scope}"))
            else:
                dropped.append((m, e, reason))
            prev = (m, reason)
        # A region is dropped when a finer place of it is also named (or a country is named).
        keep2 = []
        for m, e, why in kept:
            if _rank(e) == 0 and any(_rank(e2) > 0 for _, e2, _ in kept):
                dropped.append((m, e, "country, finer place named"))
            elif _rank(e) <= 2 and any(_inside(e2, e) for _, e2, _ in kept if e2 is not e):
                dropped.append((m, e, "region containing a named place"))
            else:
                keep2.append((m, e, why))
        kept = keep2
        if kept:
            out, seen = [], set()
            for m, e, why in kept:
                if e.key not in seen:
                    seen.add(e.key)
                    out.append(PlacePick(e, m, why))
            return out
        # Only reference points or regions: the event lies in or near the first of them. People
        # fleeing towards a place or a border left somewhere else: the destination is no place of
        # the displacement (the origin is looked for in the sentence or before it).
        if humanitarian_move:
            dropped = [d for d in dropped if d[2] not in ("destination", "reference point")]
        # A capital standing for its government is nowhere near the event.
        dropped = [d for d in dropped if d[2] not in _NOT_NEAR]
        # A place of a subordinate clause is another happening's: the last resort.
        m, e, why = (
            sorted(dropped, key=lambda x: (x[2] == "in a subordinate clause", -_rank(x[1])))[0]
            if dropped
            else (None, None, "")
        )
        if e is not None:
            return [PlacePick(e, m, f"only place in the {scope} ({why}): event located in or near it", True)]
    # No place in the sentence: "في المنطقة / المدينة" refers to the last place of that kind.
    w_view = (det.win_start, det.win_end)
    for lo_v, hi_v in (w_view, (doc.view.to_view(sent.start), doc.view.to_view(sent.end))):
        pick = _anaphoric_place(doc, mentions, sent, lo_v, hi_v)
        if pick is not None:
            return [pick]
    # "البلاد" refers to the article's country.
    if _ANAPHOR_COUNTRY.search(doc.view.text, doc.view.to_view(sent.start), doc.view.to_view(sent.end)):
        prev = [(m, e) for m, e in mentions if m.start < sent.start and _rank(e) == 0]
        if prev:
            m, e = prev[-1]
            return [PlacePick(e, m, "'البلاد' refers to the country named before", True)]
    return []


# "في المنطقة"، "على المدينة": a definite place noun with no name (a definite noun takes no
# genitive, so no name follows it) refers back to the last place of its kind named before.
_ANAPHOR_PLACE = regex.compile(
    fold_pattern(
        r"(?<![\p{L}])(?:في|ب|على|الى|داخل|من|نحو|قرب|محيط|[وف]?(?:تشهد|شهدت|يشهد|شهد))\s*"
        r"ال(منطقه|مدينه|بلده|قريه|محافظه|مخيم)(?![\p{L}])"
    )
)
_RIF_BEFORE = regex.compile(r"(?<![\p{L}])[وفب]?ريف\s+$")
_ANAPHOR_KINDS = {
    "منطقه": {"area", "region", "admin1", "admin2", "admin3"},
    "مدينه": {"locality"},
    "بلده": {"locality"},
    "قريه": {"locality"},
    "محافظه": {"admin1"},
    "مخيم": {"camp"},
}


def _anaphoric_place(
    doc: Doc, mentions: list[tuple[Span, Entity]], sent: Span, lo_v: int, hi_v: int
) -> PlacePick | None:
    """The place an unnamed "المنطقة / المدينة / البلدة" in view[lo_v:hi_v] refers back to: the
    most recent place of the matching kind named in the preceding sentences."""
    for m in _ANAPHOR_PLACE.finditer(doc.view.text, lo_v, hi_v):
        kinds = _ANAPHOR_KINDS[m.group(1)]
        prev = [
            (s, e)
            for s, e in mentions
            if s.end <= sent.start
            and e.place is not None
            and (
                (e.place.place_type or "locality") in kinds
                # "ريف إدلب": the countryside of a town is an area
                or (
                    "area" in kinds
                    and _RIF_BEFORE.search(
                        doc.view.text, max(0, doc.view.to_view(s.start) - 8), doc.view.to_view(s.start)
                    )
                )
            )
        ]
        if prev:
            s, e = prev[-1]
            return PlacePick(
                e, s, f"'{m.group(1)}' refers back to the {e.place.place_type} named before", True
            )
    return None


def _names_admin_of(text: str, fine: Entity) -> bool:
    """Whether ``text`` names the governorate or district of ``fine``'s place: "مديرية باجل
    بالحديدة" is Bajil in Hodeidah governorate, though "الحديدة" alone resolves to the city."""
    p = fine.place
    if p is None:
        return False
    name = normalize_str(text)
    return any(a and normalize_str(a) == name for a in (p.admin1_ar, p.admin2_ar))


def _inside(fine: Entity, region: Entity) -> bool:
    p = fine.place
    if not p or not region.place:
        return False
    names = {x for x in (p.admin1, p.admin2, p.admin1_ar, p.admin2_ar) if x}
    return bool(
        names & {region.name, region.name_en, region.place.admin1 if _rank(region) <= 1 else None}
    ) or (_rank(region) == 0 and p.country == region.place.country)


def to_location(pick: PlacePick) -> Location | None:
    e = pick.entity
    if e is None:
        return None
    p = e.place
    precision = p.geo_precision if p and p.geo_precision else (3 if _rank(e) <= 1 else 1)
    if pick.fallback:
        precision = max(precision, 2)
    return Location(
        text=pick.mention.text if pick.mention else e.name,
        name_en=e.name_en,
        lat=p.lat if p else None,
        lon=p.lon if p else None,
        country=(p.country if p else None) or e.country,
        admin1=p.admin1 if p else None,
        admin2=p.admin2 if p else None,
        geo_precision=precision,
        span=pick.mention,
        entity_key=e.key,
    )


# ---- dates ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class DatePick:
    day: date | None
    precision: int | None
    expr: TimeExpr | None
    reason: str


def pick_date(doc: Doc, det: Detection, sent: Span, previous: DatePick | None) -> DatePick:
    """The day of the event: its clause's (then sentence's) time expression, else the date of
    the article's previous event, else the publication date (ACLED dates an undated report to
    the report; we mark that with time_precision 2)."""
    w0, w1 = doc.view.to_original(det.win_start, det.win_end)
    exprs = [t for t in doc.dates if t.resolved and t.range_role != "since"]
    for lo, hi, scope in ((w0, w1, "clause"), (sent.start, sent.end, "sentence")):
        anchor = det.triggers[0].start if det.triggers else det.win_start
        anchor_o = doc.view.to_original(anchor, anchor + 1)[0]
        # A date inside a relative clause after the trigger dates that clause's noun ("ساماك
        # الذي أطاحه انقلاب عام 2006"), not the event.
        inside = [
            t
            for t in exprs
            if lo <= t.span.start
            and t.span.end <= hi
            and not (
                t.span.start > anchor_o
                # "التفجير الذي وقع أمس" (the clause of the trigger itself) keeps its date
                and _RELATIVE.search(
                    doc.view.text, doc.view.to_view(anchor_o) + 20, doc.view.to_view(t.span.start)
                )
            )
        ]
        if inside:
            t = min(inside, key=lambda t: abs(t.span.start - anchor_o))
            precision = t.precision or (PRECISION_DAY if t.start == t.end else PRECISION_WEEK)
            return DatePick(t.start, precision, t, f"date '{t.span.text}' in the {scope}")
    since = [t for t in doc.dates if t.range_role == "since" and w0 <= t.span.start and t.span.end <= w1]
    if since and doc.published:
        # "تحاصر ... منذ أواخر 2012": a state that still holds is dated to the report.
        return DatePick(
            doc.published,
            PRECISION_WEEK,
            None,
            f"ongoing since '{since[0].span.text}': publication date (precision 2)",
        )
    if previous and previous.day:
        return DatePick(
            previous.day, previous.precision, None, "no date in the sentence: date of the previous event"
        )
    if doc.published:
        return DatePick(
            doc.published, PRECISION_WEEK, None, "no date in the text: publication date (precision 2)"
        )
    return DatePick(None, None, None, "no date")


# ---- actors: see raqib.events.actors ------------------------------------------------------------

_ACTOR_CATEGORIES = ACTOR_CATEGORIES
_SOURCE_CUE = regex.compile(
    r"(?:بحسب|حسب|وفق|وفقا ل|نقلا عن|قال|قالت|افاد|افادت|اعلن|اعلنت|ذكر|ذكرت|وثق|اكد|اكدت|اشار|اشارت)\s*(?:ما\s+)?(?:\S+\s+){0,2}?$"
)


# "بينهم 3 أطفال"، "من بينهم"، "منهم": the figure that follows is a subset of another.
_SUBSET_BEFORE = regex.compile(r"(?<![\p{L}])(?:من\s+)?(?:بينهم|بينهن|منهم|منهن|بينها|منها)\s*$")

# ---- fatalities and sources --------------------------------------------------------------------

# A count this large is a war or campaign total, not one event's toll: ACLED's single events
# (one place, one day) with a thousand or more reported deaths are exceptional (the 2013 Ghouta
# chemical attack, ~1,400), while news routinely quotes cumulative tolls in the thousands as
# background ("قتل أكثر من 350 ألف شخص في الحرب"، "قتلت الشرطة 4 آلاف شخص منذ انتخاب الرئيس").
# On a 31.5k-article corpus run every event toll of 1,000 or more was such a total.
MAX_EVENT_TOLL = 1000


def pick_toll(
    doc: Doc, det: Detection, sent: Span, pick: PlacePick | None, n_places: int, kind: str
) -> tuple[int | None, Figure | None, str]:
    """The count of ``kind`` (killed/injured) tied to this event, the lowest of conflicting ones.

    A figure counts when it is stated in the event's sentence and either names this event's
    place or the sentence has only this one place; a figure over a range of days is a total,
    kept on the figure and not copied onto each event (ACLED would split such totals evenly;
    the text does not say how, so we do not).
    """
    figs = []
    for f in doc.figures:
        if f.kind != kind or not (sent.start <= f.evidence.start < sent.end):
            continue
        if f.value >= MAX_EVENT_TOLL:
            continue  # a war or campaign total, never one event's toll
        if f.when and f.when.start and f.when.end and f.when.start != f.when.end:
            continue
        if _SUBSET_BEFORE.search(
            doc.view.text, max(0, doc.view.to_view(f.evidence.start) - 14), doc.view.to_view(f.evidence.start)
        ):
            continue  # "9 مدنيين بينهم 3 أطفال": a part of a toll, never an event's toll
        if f.where is not None and pick and pick.mention is not None:
            if not (
                f.where.overlaps(pick.mention)
                or (pick.entity and f.where_key == pick.entity.key)
                # a toll placed only at the country ("مقتل 35 شخصا" in "السودان: ...") holds
                # for the one place of the sentence inside it
                or (n_places == 1 and _country_of(doc, f.where_key) == _place_country(pick.entity))
            ):
                continue
        elif n_places > 1:
            continue
        figs.append(f)
    if not figs:
        return None, None, ""
    f = min(figs, key=lambda f: f.value)
    note = f"{kind} {f.value} from '{f.evidence.text[:60]}'" + (
        " (lowest of conflicting figures)" if len(figs) > 1 else ""
    )
    return f.value, f, note


def _country_of(doc: Doc, key: str | None) -> str | None:
    """The ISO2 code of a country entity of ``doc`` (None for any other place)."""
    for e in doc.entities:
        if e.key == key and e.place is not None and e.place.place_type == "country":
            return e.place.country or e.country
    return None


def _place_country(e: Entity | None) -> str | None:
    return (e.place.country if e is not None and e.place else None) or (e.country if e else None) or "?"


def pick_source(doc: Doc, sent: Span, fig: Figure | None) -> Source | None:
    """Who the text credits: the figure's source, else an attributed organisation in the sentence."""
    if fig is not None and fig.source is not None:
        return fig.source
    view = doc.view.text
    for e in doc.entities:
        if e.type != "ORG" or e.category in _ACTOR_CATEGORIES:
            continue
        for m in e.mentions:
            if sent.start <= m.start < sent.end:
                vs = doc.view.to_view(m.start)
                cue = _SOURCE_CUE.search(view[max(0, vs - 30) : vs])
                if cue:
                    return Source(span=m, name_en=e.name_en, entity_key=e.key, cue=cue.group().split()[0])
    for f in doc.figures:
        if f.source is not None and sent.start <= f.evidence.start < sent.end:
            return f.source
    return None
