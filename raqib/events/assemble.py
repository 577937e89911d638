"""Assembly: detections with their arguments become ACLED-style events, one per type, place and day.

Several towns in one clause give one event per town; the same event reported twice (title and
body, or a later recap) is merged: evidence spans are joined, the sub-type is the one ACLED's
hierarchy prefers, and the toll is the lowest of the conflicting figures (ACLED: "the most
conservative estimate"). An event without a place is kept only when no placed event of the same
type exists in the article (otherwise it is most likely a recap of one of them).
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import regex

from raqib.events.acled import HUMANITARIAN_LABELS, PRECEDENCE, SUB_TYPE_LABELS
from raqib.events.arguments import (
    MAX_EVENT_TOLL,
    DatePick,
    actor_candidates,
    loc_mentions,
    pick_actors,
    pick_date,
    pick_places,
    pick_source,
    pick_toll,
    to_location,
)
from raqib.events.classify import Detection
from raqib.events.protest_story import retype as retype_protest_story
from raqib.kb.alliances import actor_key, allied, known_allies
from raqib.model.doc import Doc
from raqib.model.events import Event
from raqib.model.figures import When
from raqib.model.span import Span
from raqib.text.normalize import normalize_str

# An event dated more than this many days before publication is background, not news (ACLED
# codes events from the report that first gives them; a recap of last year is not a new event).
BACKGROUND_DAYS = 365


def build_events(doc: Doc, detections: list[Detection], kb_actors, log: list[str]) -> list[Event]:
    mentions = loc_mentions(doc)
    cands = actor_candidates(doc, kb_actors) if detections else []
    events: list[Event] = []
    previous: DatePick | None = None
    windows_by_sentence: dict[int, list[tuple[int, int]]] = {}
    for det in detections:
        windows_by_sentence.setdefault(det.sentence, []).append(
            doc.view.to_original(det.win_start, det.win_end)
        )
    for det in detections:
        sent = doc.sentences[det.sentence]
        picks = pick_places(doc, det, mentions, sent, tuple(windows_by_sentence[det.sentence]))
        if det.type in _VIOLENCE and not picks and not has_anchor(doc, sent):
            log.append(f"{det.sub_type} in sentence {det.sentence} dropped: no place, count, time or person")
            continue
        dp = pick_date(doc, det, sent, previous)
        if dp.day and doc.published:
            age = (doc.published - dp.day).days
            if age > BACKGROUND_DAYS or age < -1:
                log.append(
                    f"{det.sub_type} in sentence {det.sentence} dropped: dated {dp.day} (background or future)"
                )
                continue
        if dp.expr is not None and dp.expr.end and dp.day and _is_total(dp.expr, dp.day):
            log.append(
                f"{det.sub_type} in sentence {det.sentence} dropped: a total over {dp.expr.span.text!r}"
            )
            continue
        if dp.expr is not None and dp.day and doc.published and _cumulative(doc, sent, dp.expr, dp.day):
            log.append(
                f"{det.sub_type} in sentence {det.sentence} dropped: a count since {dp.expr.span.text!r}"
            )
            continue
        if dp.expr is None and _war_total(doc, sent):
            log.append(f"{det.sub_type} in sentence {det.sentence} dropped: a war or campaign total, no day")
            continue
        frame = multi_day_frame(doc, det, sent, dp)
        if frame:
            log.append(
                f"{det.sub_type} in sentence {det.sentence} dropped: multi-day period {frame!r}, no day"
            )
            continue
        if dp.expr is not None:
            previous = dp
        trig_spans = tuple(doc.view_span(c.start, c.end) for c in det.triggers)
        evidence = doc.view_span(det.win_start, det.win_end)
        for pick in picks or [None]:
            loc = to_location(pick) if pick else None
            country = loc.country if loc else None
            a1, a2, assoc, why_actor = pick_actors(doc, det, sent, cands, country)
            if one_sided_attack(doc, det, a1, a2):
                det = replace(
                    det,
                    type="violence_against_civilians",
                    sub_type="attack",
                    rule=det.rule + "; armed group attacking a village or civilians, no other side",
                )
                a1, a2, assoc, why_actor = pick_actors(doc, det, sent, cands, country)
            if (
                a1
                and a2
                and dp.day
                and allied(actor_key(a1.name), actor_key(a2.name), known_allies(country, dp.day.isoformat()))
            ):
                # Co-belligerents are never each other's opponents (ACLED: an associated actor).
                assoc, a2 = (*assoc, a2), None
                why_actor = [*why_actor, "actor2 moved to assoc_actor_1: an ally of actor1 (alliances.tsv)"]
            fat, fig_k, why_k = (None, None, "")
            inj, fig_i, why_i = (None, None, "")
            if det.type != "humanitarian" and det.type != "strategic_developments":
                fat, fig_k, why_k = pick_toll(doc, det, sent, pick, len(picks), "killed")
                inj, fig_i, why_i = pick_toll(doc, det, sent, pick, len(picks), "injured")
            source = pick_source(doc, sent, fig_k or fig_i)
            civ_target = det.type == "violence_against_civilians" or bool(a2 and a2.category == "civilians")
            explanation = [
                f"type {det.type}/{det.sub_type}: {det.rule}; triggers {', '.join(repr(s.text) for s in trig_spans)}",
                f"location: {pick.reason} ('{pick.mention.text}')"
                if pick and pick.mention
                else "location: none found",
                f"date: {dp.reason}",
                *why_actor,
            ]
            if why_k:
                explanation.append("fatalities: " + why_k)
            if why_i:
                explanation.append("injured: " + why_i)
            confidence = 0.45 + (0.2 if det.strong else 0.05)
            confidence += 0.15 if pick and not pick.fallback else (0.05 if pick else -0.15)
            confidence += 0.1 if dp.expr is not None else 0.0
            events.append(
                Event(
                    type=det.type,
                    sub_type=det.sub_type,
                    evidence=(evidence,),
                    date=dp.day.isoformat() if dp.day else None,
                    time_precision=dp.precision,
                    when=When(
                        dp.day.isoformat(),
                        dp.day.isoformat(),
                        dp.precision,
                        dp.expr.span if dp.expr else None,
                    )
                    if dp.day
                    else None,
                    location=loc,
                    actor1=a1,
                    actor2=a2,
                    assoc_actor_1=assoc,
                    civilian_targeting=civ_target,
                    fatalities=fat,
                    injured=inj,
                    source=source,
                    confidence=max(0.05, min(0.95, confidence)),
                    notes=make_note(
                        det.type,
                        det.sub_type,
                        a1.name if a1 else None,
                        loc.name_en or loc.text if loc else None,
                        dp.day,
                    ),
                    triggers=trig_spans,
                    rule=det.rule,
                    explanation=tuple(explanation),
                )
            )
    return merge(retype_protest_story(doc, events, _note), doc)


_VIOLENCE = frozenset({"battles", "explosions_remote_violence", "violence_against_civilians"})
_TIME_WORD = regex.compile(
    r"(?<![\p{L}])[وفب]?(?:ال)?(?:امس|اليوم|الليله|صباح|مساء|فجر|ظهر|ليل|ليله|عصر|السبت|الاحد|الاثنين|الثلاثاء|"
    r"الاربعاء|الخميس|الجمعه)(?![\p{L}])|\d"
)


def has_anchor(doc: Doc, sent: Span) -> bool:
    """Does the sentence tie its violence to something concrete: a count, a time, a named person?

    Without a place, a victim count, a time or a named person, "هجوم" or "تفجيرات" names
    violence in general (commentary, analysis, background): on the arabic_event_gsr dev
    sentences, 4 of 35 such detections were events.
    """
    if any(sent.start <= f.evidence.start < sent.end for f in doc.figures):
        return True
    if any(sent.start <= t.span.start < sent.end for t in doc.dates if t.resolved):
        return True
    if any(
        e.type == "PER" and any(sent.start <= m.start < sent.end for m in e.mentions) for e in doc.entities
    ):
        return True
    v = doc.view
    return bool(_TIME_WORD.search(v.text, v.to_view(sent.start), v.to_view(sent.end)))


# The object of an attack verb that is no armed side: a village, homes, civilians.
_CIVILIAN_OBJECT = regex.compile(
    r"[\s،,]*(?:(?:ال)?(?:يوم|امس|السبت|الاحد|الاثنين|الثلاثاء|الاربعاء|الخميس|الجمعه|فجر|صباح|مساء)\S*[\s،,]*)*"
    r"(?:ال)?(?:قريه|قرى|بلده|بلدات|منازل|منزل|بيوت|مدنيين|المدنيين|سكان|اهالي|مواطنين|قرويين|مخيم|سوق)(?![\p{L}])"
)


def one_sided_attack(doc: Doc, det: Detection, a1, a2) -> bool:
    """An armed group attacking a village or civilians with no armed side named against it: ACLED's
    violence against civilians (attack), not a battle ("هاجمت ميليشيا ... قرية ...")."""
    if det.type != "battles" or det.sub_type != "armed_clash" or a1 is None or a2 is not None:
        return False
    if a1.category in ("state_forces", "civilians", None):
        return False
    view = doc.view.text
    # SVO: the object follows the verb; VSO: it follows the subject ("هاجمت قوات ... قرية").
    after_subject = doc.view.to_view(a1.span.end) if a1.span is not None else None
    return any(
        t.form == "v"
        and (
            _CIVILIAN_OBJECT.match(view, t.end)
            or (
                after_subject is not None
                and 0 <= after_subject - t.end <= 40
                and _CIVILIAN_OBJECT.match(view, after_subject)
            )
        )
        for t in det.triggers
    )


_SINCE = regex.compile(r"(?<![\p{L}])منذ(?![\p{L}])")
# A count since a start more than a month before the report is a running total ("عدد النازحين
# منذ بدء العمليات في أكتوبر"): ACLED records the events, not the total; the figure keeps it.
CUMULATIVE_DAYS = 31


def _cumulative(doc: Doc, sent: Span, expr, day: date) -> bool:
    """Is the event's date the start of a period counted up to the report ("منذ ... 2016")?"""
    if (doc.published - day).days <= CUMULATIVE_DAYS:
        return False
    v = doc.view
    a = v.to_view(expr.span.start)
    return bool(_SINCE.search(v.text, max(v.to_view(sent.start), a - 60), a))


def _is_total(expr, day: date) -> bool:
    """A period that a count or a series covers ("منذ ... وحتى", "خلال الأسبوع", "عام 2005"),
    not the day of one event; a month ("في ديسمبر 2005") dates one event coarsely (ACLED
    time_precision 3)."""
    if expr.range_role == "until":
        return True  # "منذ 19 فبراير وحتى الثالث من الشهر": the end of a counted period
    span = (expr.end - day).days
    return span > 31 or (span > 7 and (expr.kind == "range" or expr.range_role is not None))


def _note(e: Event) -> str:
    place = e.location.name_en or e.location.text if e.location else None
    day = date.fromisoformat(e.date) if e.date else None
    return make_note(e.type, e.sub_type, e.actor1.name if e.actor1 else None, place, day)


def make_note(type_: str, sub_type: str, actor: str | None, place: str | None, day: date | None) -> str:
    """ "Air/drone strike by X on Douma (2018-03-03)"."""
    label = SUB_TYPE_LABELS.get(sub_type) or HUMANITARIAN_LABELS.get(sub_type, sub_type)
    out = label
    if actor:
        out += f" by {actor}"
    if place:
        out += (
            " in " if type_ in ("humanitarian", "protests", "riots", "strategic_developments") else " on "
        ) + place
    if day:
        out += f" ({day.isoformat()})"
    return out


def _rank(sub: str) -> int:
    return PRECEDENCE.index(sub) if sub in PRECEDENCE else len(PRECEDENCE)


def merge(events: list[Event], doc: Doc | None = None) -> list[Event]:
    """One event per (type, place, day), then three clean-ups:

    - a headline restates the body: a title event is merged into a body event of the same family
      (at its place if the body has one there);
    - a region-level event is a summary when a finer event of the same type and day lies inside
      that region ("غارات على ريف إدلب" then the towns hit): it is merged into them;
    - an event without a place is kept only in an article with no placed event at all.
    """
    body_start = doc.body_start if doc is not None and doc.title else 0
    title = [e for e in events if body_start and e.evidence[0].end <= body_start]
    body = [e for e in events if not (body_start and e.evidence[0].end <= body_start)]
    merged: list[Event] = []
    index: dict[tuple, int] = {}
    for e in body:
        key = (_kind(e), e.location.entity_key if e.location else None, e.date)
        if key[1] is not None and key in index:
            merged[index[key]] = _join(merged[index[key]], e)
        else:
            index.setdefault(key, len(merged))
            merged.append(e)
    for e in title:
        same_place = [i for i, b in enumerate(merged) if _kind(b) == _kind(e) and _same_place(b, e)]
        same_family = [i for i, b in enumerate(merged) if _family(b.type) == _family(e.type)]
        target = same_place or same_family
        if target:
            merged[target[0]] = _join(merged[target[0]], e, keep_first=True)
        else:
            merged.append(e)
    dropped: set[int] = set()
    for i, e in enumerate(merged):
        finer = [
            j
            for j, f in enumerate(merged)
            if j != i
            and j not in dropped
            and _kind(f) == _kind(e)
            and f.date == e.date
            and f.location
            and e.location
            and _contains(e, f)
        ]
        if finer:
            merged[finer[0]] = _join(merged[finer[0]], merged[i], keep_first=True)
            dropped.add(i)
    out = [e for i, e in enumerate(merged) if i not in dropped]
    if any(e.location is not None for e in out):
        out = [e for e in out if e.location is not None]
    return out


def _kind(e: Event) -> str:
    """What "same type" means for merging: the ACLED type, or the humanitarian sub-type."""
    return e.sub_type if e.type == "humanitarian" else e.type


def _family(type_: str) -> str:
    return (
        "violence"
        if type_ in ("battles", "explosions_remote_violence", "violence_against_civilians")
        else type_
    )


def _same_place(a: Event, b: Event) -> bool:
    return bool(a.location and b.location and a.location.entity_key == b.location.entity_key)


_REGION_PRECISION = 2


def _contains(region: Event, fine: Event) -> bool:
    """Does ``region``'s place (a governorate, a district, a country) contain ``fine``'s place?"""
    r, f = region.location, fine.location
    if r is None or f is None or r.entity_key == f.entity_key:
        return False
    if (r.geo_precision or 1) < _REGION_PRECISION and r.admin1 is not None:
        return False
    names = {normalize_str(x) for x in (f.admin1, f.admin2) if x}
    mine = {normalize_str(x) for x in (r.name_en, r.text) if x}
    if names & mine:
        return True
    return (
        r.admin1 is None
        and r.admin2 is None
        and r.country is not None
        and r.country == f.country
        and ((r.geo_precision or 0) >= 3)
    )


def _join(a: Event, b: Event, *, keep_first: bool = False) -> Event:
    best = a if keep_first or _rank(a.sub_type) <= _rank(b.sub_type) else b
    fats = [x for x in (a.fatalities, b.fatalities) if x is not None]
    injs = [x for x in (a.injured, b.injured) if x is not None]
    return replace(
        best,
        evidence=tuple(dict.fromkeys(a.evidence + b.evidence)),
        triggers=tuple(dict.fromkeys(a.triggers + b.triggers)),
        fatalities=min(fats) if fats else None,
        injured=min(injs) if injs else None,
        actor1=best.actor1 or a.actor1 or b.actor1,
        actor2=best.actor2 or a.actor2 or b.actor2,
        source=best.source or a.source or b.source,
        confidence=max(a.confidence, b.confidence),
        explanation=best.explanation
        + (f"merged with the report in '{(b if best is a else a).evidence[0].text[:50]}'",),
    )


def _war_total(doc: Doc, sent: Span) -> bool:
    """The sentence reports a toll too large for one event (MAX_EVENT_TOLL or more killed), so
    it sums a war or a campaign ("قتل أكثر من 350 ألف شخص في الحرب"): background, not an event."""
    return any(
        f.kind == "killed" and f.value >= MAX_EVENT_TOLL and sent.start <= f.evidence.start < sent.end
        for f in doc.figures
    )


# ---- retrospective clauses: a multi-day period, no day of their own ----------------------------
# "بعد أسابيع من القصف"، "منذ بدء الحملة قتل ..."، "خلال الأيام الماضية شنت الطائرات عشرات الغارات":
# a summary of many days, not an event of the report's day (dated to the publication day, such
# clauses merged with that day's real events; bench/eval_merge.py tune errors).
# The accusative singulars (يوما، أسبوعا، شهرا، عاما) follow the numbers 11-99: "منذ 11 يوما".
_PERIOD = (
    r"(?:ال)?(?:ايام|يومين|يوما|اسبوع|اسبوعين|اسبوعا|اسابيع|شهر|شهرين|شهرا|اشهر|شهور|اعوام|عاما|سنوات|"
    r"سنتين|عامين)"
)
_FRAME = regex.compile(
    r"(?<![\p{L}])(?:"
    # منذ + the start of a campaign or of a side's rule ("منذ سيطرتها على الميناء"), or منذ + a span
    rf"منذ\s+(?:(?:بدء|بدايه|انطلاق|اندلاع|سيطرت\S*|سيطره)|(?:\S+\s+)?{_PERIOD}(?![\p{{L}}]))"
    # خلال/في الأيام الماضية, خلال ثلاثة أيام
    rf"|[وف]?(?:خلال|في)\s+(?:ال)?(?:\S+\s+)?{_PERIOD}\s+(?:ال)?(?:ماضيه|ماضيين|اخيره|اخيرين|الماضيه|الماضيين|الاخيره)"
    rf"|[وف]?خلال\s+(?:\d+|[\p{{L}}]+ه|عده|بضعه)\s+{_PERIOD}(?![\p{{L}}])"
    # على مدى/مدار، طيلة/طوال + a period noun
    rf"|[وف]?(?:علي\s+(?:مدي|مدار)|طيله|طوال)\s+(?:\S+\s+)?{_PERIOD}(?![\p{{L}}])"
    ")"
)
# "بعد أسبوع من الغارات": a frame only for the noun it governs or for a toll ("ارتفعت حصيلة القتلى").
_AFTER_PERIOD = regex.compile(rf"(?<![\p{{L}}])[وف]?بعد\s+(?:\S+\s+)?{_PERIOD}\s+من\s+")
_GOVERNED = regex.compile(r"(?:ال)?")  # the trigger is the noun right after من
_TOLL = regex.compile(r"(?<![\p{L}])(?:ال)?(?:حصيله|عدد|ارتفع|ارتفعت|ليرتفع|لترتفع)(?![\p{L}])")
# The frame and the trigger are in different clauses: "قتل 5 ... ، ليرتفع عدد القتلى منذ بدء الحملة".
_CLAUSE_BREAK = regex.compile(r"(?<![\p{L}])(?:ل[يت](?:رتفع|صل|بلغ)|مما|ما\s+يرفع)(?![\p{L}])")
_RELATIVE_PRONOUN = regex.compile(r"(?<![\p{L}])(?:الذي|التي|الذين|اللذين|اللتين)(?![\p{L}])")
MULTI_DAY_SINCE = 2
# A day that dates the statement, not the deaths: "كشف الجيش، الأحد، عن مقتل 500 ... خلال الستة
# الأيام الماضية" (merge labels, Hodeidah split: that total joined the day's battle).
_SPEECH_BEFORE = regex.compile(
    r"(?<![\p{L}])[وف]?(?:قال|اعلن|كشف|افاد|اكد|ذكر|اوضح|اشار)(?:ت|وا)?"
    r"(?:\s+(?:ال)?\S+){0,3}?[\s،,]*(?:يوم\s+)?$"
)


def multi_day_frame(doc: Doc, det: Detection, sent: Span, dp: DatePick) -> str | None:
    """The multi-day period that frames the detection's clause when the clause has no day of its
    own ("خلال الأيام الماضية شنت ..."), else None."""
    # A humanitarian state or flow over days (siege, displacement "فروا خلال اليومين الماضيين")
    # is coded as one ongoing event (dev gold keeps them, undated), and so is an agreement or a
    # group's change; looting or arrests "منذ سيطرتها" / "منذ مطلع أغسطس" sum up many days
    # (merge labels, Hodeidah split: years of looting at the port joined the day's looting).
    if det.type == "humanitarian" or det.sub_type in ("agreement", "change_to_group_activity"):
        return None
    v = doc.view
    at = v.to_view(dp.expr.span.start) if dp.expr is not None else 0
    if dp.expr is not None and not _SPEECH_BEFORE.search(v.text, max(0, at - 60), at):
        return None
    s0, s1 = v.to_view(sent.start), v.to_view(sent.end)
    text = v.text
    anchor = det.triggers[0].start if det.triggers else det.win_start
    toll = bool(_TOLL.search(text, s0, s1))

    def same_clause(a: int, b: int) -> bool:
        lo, hi = min(a, b), max(a, b)
        return not _CLAUSE_BREAK.search(text, lo, hi)

    for m in _FRAME.finditer(text, s0, s1):
        after = m.start() > anchor
        # After the trigger, the frame must still be its clause's: near, and no relative clause
        # between ("الهجوم ... أحد أكثر الاعتداءات التي شهدتها مصر في السنوات الأخيرة").
        if after and (m.start() - anchor > 60 or _RELATIVE_PRONOUN.search(text, anchor, m.start())):
            continue
        if (not after or (det.win_start <= m.start() < det.win_end)) and same_clause(m.start(), anchor):
            return m.group()
    for m in _AFTER_PERIOD.finditer(text, s0, s1):
        if (_GOVERNED.fullmatch(text, m.end(), anchor) or toll) and same_clause(m.start(), anchor):
            return m.group().strip()
    if doc.published:
        for t in doc.dates:
            if t.range_role != "since" or not t.resolved or not (sent.start <= t.span.start < sent.end):
                continue
            if (doc.published - t.start).days <= MULTI_DAY_SINCE:
                continue
            at = v.to_view(t.span.start)
            if (at < anchor or toll) and same_clause(at, anchor):
                return t.span.text
    return None
