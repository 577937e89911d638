"""Classification: from the cues of one clause window to ACLED types, with ACLED's hierarchy.

A sentence is cut into windows at strong connectives (فيما، بينما، في حين، ؛): each window
reports at most one political-violence event (ACLED codes one event per type, place and day,
choosing by its hierarchy) plus, independently, at most one demonstration, one strategic
development and one humanitarian event. Hierarchy (ACLED Codebook 2023, "Event types"):
chemical weapon > suicide bomb > territory change > armed clash (an air strike inside a ground
battle is a battle) > air/drone strike (shelling together with air strikes is an air strike) >
grenade > remote explosive > shelling > abduction (abduction then killing is an attack) >
sexual violence > attack / armed clash by target.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import regex

from raqib.events.acled import UNSPECIFIED_BOMBARDMENT
from raqib.events.factuality import blocked_by, domain_hits, domains, sentence_blocks
from raqib.events.genericity import (
    abstract_casualty,
    background_reason,
    claim_context,
    generic_reason,
    has_concrete,
    legal_context,
    released_before,
    thing_object,
    titles,
)
from raqib.events.triggers import Cue, find_cues, fold_pattern

VIOLENT_STRONG = {
    "air", "explode", "suicide", "chem", "strike", "battle", "territory", "kill", "abduct",
    "sexual",
}
VIOLENT_WEAK = {"target", "launch", "attack", "killverb", "gun", "explodeverb"}
MODES = {"art", "ied", "grenade"}
SUPPORT = {"casualty", "civ", "mil", "air", "art", "ied", "grenade", "gun"}
STRATEGIC = {"arrest", "disrupt", "loot", "agree", "base", "withdraw", "groupchange"}
HUMANITARIAN = {"displace", "evac", "siege"}

_WINDOW_BREAK = regex.compile(
    r"[؛;]|،\s*[و]?(?:فيما|في حين|بينما|كما|في وقت|الى ذلك|من جهه|من جانب|من ناحيه)(?![\p{L}])"
    r"|(?<=\s)[و]?(?:فيما|بينما|في حين)(?=\s)"
)
_DEATH = regex.compile(
    fold_pattern(r"(?<![\p{L}])[وفبل]?(?:ال)?(?:قتل|مقتل|قتلى|قتيل|استشهاد|استشهد|شهيد|شهداء|مصرع|حتف)")
)
_STATE_ACTOR = regex.compile(
    r"(?<![\p{L}])[وفبل]?(?:ال)?(?:جيش|قوات النظام|قوات الاسد|القوات الحكوميه|القوات الامنيه|القوات العراقيه|"
    r"القوات السوريه|قوات الامن|الشرطه|وحدات من الجيش|وحده من الجيش|القوات المسلحه|الحشد|قوات الحكومه|"
    r"النظام|الجيش العربي السوري)"
)
_NONSTATE_ACTOR = regex.compile(
    r"(?<![\p{L}])[وفبل]?(?:ال)?(?:فصائل|فصيل|المعارضه|داعش|تنظيم|الثوار|ثوار|المسلحون|مسلحون|مسلحين|هيئه تحرير|"
    r"جبهه النصره|النصره|حزب|ميليشيا|مليشيا|الحوثي|الحوثيين|طالبان|الشباب|قسد|قوات سوريا الديمقراطيه|المتمردين|"
    r"المتمردون|كتائب|لواء|جيش الاسلام|حركه)"
)
_TIME_WORD = regex.compile(
    r"(?<![\p{L}])[وفب]?(?:ال)?(?:امس|اليوم|الليله|صباح|مساء|فجر|ظهر|ليل|ليله|عصر|حاليا|الان|السبت|الاحد|"
    r"الاثنين|الثلاثاء|الاربعاء|الخميس|الجمعه|يناير|فبراير|مارس|ابريل|مايو|يونيو|يوليو|اغسطس|سبتمبر|اكتوبر|"
    r"نوفمبر|ديسمبر|كانون|شباط|اذار|نيسان|ايار|حزيران|تموز|ايلول|تشرين)(?![\p{L}])"
)
# Verbs that assert that the named event took place (وقع الانفجار، شن غارات، أسفر الهجوم عن).
_OCCURRED = regex.compile(
    r"(?<![\p{L}])[وف]?(?:وقع|وقعت|يقع|تقع|شن|شنت|شنه|شنها|شنوا|نفذ|نفذت|نفذه|نفذها|نفذوا|تعرض|تعرضت|اسفر|"
    r"اسفرت|ادى|ادت|خلف|خلفت|اندلع|اندلعت|دارت|تدور|جرت|شهد|شهدت|تشهد|يشهد|طال|طالت|استهدف|استهدفت|اوقع|"
    r"اوقعت|تسبب|تسببت|هز|هزت|ضرب|ضربت|تجدد|تجددت|تواصل|تواصلت|استمر|استمرت|تستمر|خرج|خرجت|نظم|نظمت|انطلق|"
    r"انطلقت|عمت|اعلن|اعلنت|دخلت|وصلت|خرجت)(?![\p{L}])"
)
# (A cue's span starts after its proclitics: "بعد الهجوم" ends with "بعد ال" before the cue.)
_REFERENCE_BEFORE = regex.compile(
    fold_pattern(
        r"(?:^|\s)[و]?(?:بعد|عقب|منذ|قبل|اثناء|ابان|غداه|ذكرى)\s+(?:\S+\s+)?(?:[وفبلك]?ال|[وفبلك])?$"
    )
)
# "معركة عفرين"، "معركة تحرير الحديدة": a battle named after its place or aim is a campaign (merge
# labels, tune split: fighters quoted "in the battle of Afrin" made a clash of the day the quote was
# published). A definite or unprefixed noun after the singular makes the name; an indefinite
# adjective ("معركة عنيفة") does not, and the clue words below stand for the rest.
_CAMPAIGN = regex.compile(
    fold_pattern(
        r"(?<!ال)معركة\s+(?:(?:تحرير|استعادة|تطهير|السيطرة|الدفاع|طرد)(?![\p{L}])|ال\p{L}+"
        r"|(?!(?:عنيف|طاحن|شرس|ضاري|حامي|قوي|كبير|جديد|حاسم|مفتوح|دامي|واسع)\p{L}*)"
        r"(?!(?:مع|في|على|ضد|بين|من|الى|عن|ضمن|داخل|قرب|حول|لم|لا|قد)(?![\p{L}]))\p{L}+(?<!ة)(?![\p{L}]))"
    )
)
# "مع تواصل الغارات"، "في ظل استمرار القصف": a bombardment going on is the setting of what the
# sentence reports, not an occurrence of its own unless a toll comes with it (merge labels,
# held-out split: "30,000 left Afrin as the strikes went on" joined the day's deadly strike).
_ONGOING_BEFORE = regex.compile(
    fold_pattern(
        r"(?<![\p{L}])(?:مع|وسط|في\s+ظل|بسبب|جراء|نتيجة)\s+(?:تواصل|استمرار|تصاعد|تكثيف|تزايد|اشتداد)\s+(?:ال)?$"
    )
)
# A relative pronoun just before a verb trigger: "الرنتيسي الذي اغتالته إسرائيل" recalls a known event.
_RELATIVE_BEFORE = regex.compile(r"(?:^|\s)(?:الذي|التي|الذين|اللذين|اللتين|اللواتي)\s+(?:\S+\s+)?$")
_GROUP_NAME_BEFORE = regex.compile(r"(?:هيئه|جبهه|حركه|جيش|منظمه|حزب)\s*$")
_SIEGE_LIFT = regex.compile(r"(?:فك|رفع|كسر|انهاء|انتهاء|خرق)\s*$")


@dataclass(frozen=True)
class Detection:
    """One event found in a window (view offsets), before arguments are attached."""

    type: str
    sub_type: str
    sentence: int
    win_start: int
    win_end: int
    triggers: tuple[Cue, ...]
    cues: tuple[Cue, ...]
    rule: str
    strong: bool
    notes: tuple[str, ...] = field(default_factory=tuple)


_SUPPORT_IN_NAMES = {"mil", "civ", "air", "art", "ied", "protester"}


def clean_cues(cues: list[Cue], names: tuple[tuple[int, int], ...]) -> list[Cue]:
    """Drop cues inside a longer cue of another class ("قنابل" in "قنابل الغاز") and action
    cues inside a name; keep support cues in names ("قوات" in "قوات النظام" says armed forces)."""
    out = []
    for c in cues:
        if any(
            o is not c
            and o.cls != c.cls
            and o.start <= c.start
            and c.end <= o.end
            and (o.end - o.start) > (c.end - c.start)
            for o in cues
            if o.start <= c.start < o.end
        ):
            continue
        if c.kind not in _SUPPORT_IN_NAMES and any(a <= c.start and c.end <= b for a, b in names):
            continue
        out.append(c)
    return out


_CROWD = regex.compile(
    r"(?<![\p{L}])[وفب]?(?:ال)?(?:الاف|مئات|عشرات|عائله|عائلات|اسر|اسره|شخص|اشخاص|الناس|نازح\S*|مهجر\S*|لاجي\S*|مواطن\S*)(?![\p{L}])|\d"
)
_CROWD_SIZE = regex.compile(
    r"\d|(?<![\p{L}])[وفب]?(?:ال)?(?:مئات|الاف|الالاف|عشرات|حشود|الف|الوف|عده|نحو|حوالي|اكثر|المئات|العشرات)(?![\p{L}])"
)
_ONSET = regex.compile(
    r"(?<![\p{L}])[وف]?(?:اندلع|اندلعت|خرج|خرجت|خرجوا|نزل|نزلوا|احتشد|احتشدوا|تجمع|تجمعوا|نظم|نظمت|نظموا|انطلق|"
    r"انطلقت|عمت|شهد|شهدت|جرت|تظاهر|تظاهروا|اعتصم|اعتصموا)(?![\p{L}])"
)
_GOVERNING_ACT = regex.compile(
    r"(?:سد|قطع|اغلق|احرق|اضرم|رشق|اقتحم|خرج|نزل|تجمع|احتشد|تجمهر|ساروا|جابوا|طافوا)"
)
_FLYOVER = regex.compile(r"(?:تحليق|تحلق|يحلق|حلق|حلقت|تحليقا)\s+(?:\S+\s+)?$")
_CIV_PEOPLE = regex.compile(
    r"(?:مدني|اطفال|طفل|نساء|امراه|سيد|مواطن|سكان|اهالي|الاهالي|مصلين|المصلين|عائله|صيادين|ركاب|نازح|طلاب|مزارع)"
)


def windows(view: str, start: int, end: int) -> list[tuple[int, int]]:
    """Clause windows of the view slice [start, end)."""
    out, pos = [], start
    for m in _WINDOW_BREAK.finditer(view, start, end):
        if m.start() > pos:
            out.append((pos, m.start()))
        pos = m.end()
    if end > pos:
        out.append((pos, end))
    return [(a, b) for a, b in out if view[a:b].strip()]


def detect(
    view: str,
    sentences: list[tuple[int, int]],
    *,
    sport_doc: bool = False,
    date_starts: tuple[int, ...] = (),
    names: tuple[tuple[int, int], ...] = (),
) -> tuple[list[Detection], list[str]]:
    """Detections for every sentence (view offsets) and a log of dropped triggers.

    ``date_starts`` are the view offsets of resolved time expressions (they anchor nouns);
    ``names`` the view spans of named entities: an action word inside a name ("ساحة التحرير",
    "وزارة الهجرة والمهجرين") is not a trigger.
    """
    all_cues = clean_cues(find_cues(view), names + titles(view))
    out: list[Detection] = []
    log: list[str] = []
    ci = 0
    for si, (s_start, s_end) in enumerate(sentences):
        while ci < len(all_cues) and all_cues[ci].start < s_start:
            ci += 1
        s_cues = []
        j = ci
        while j < len(all_cues) and all_cues[j].start < s_end:
            if all_cues[j].end <= s_end:
                s_cues.append(all_cues[j])
            j += 1
        if not any(c.kind not in ("civ", "mil", "casualty") for c in s_cues):
            continue
        sentence_view = view[s_start:s_end]
        reason = sentence_blocks(sentence_view)
        if reason:
            log.append(f"sentence {si}: all triggers dropped ({reason})")
            continue
        doms = domains(sentence_view)
        for w_start, w_end in windows(view, s_start, s_end):
            w_cues = tuple(c for c in s_cues if w_start <= c.start and c.end <= w_end)
            if w_cues:
                has_date = any(w_start <= d < w_end for d in date_starts)
                out.extend(
                    _classify_window(
                        view, si, s_start, w_start, w_end, w_cues, doms, sport_doc, log, has_date, s_end
                    )
                )
    return out, log


def _factual(view: str, cue: Cue, w_start: int, s_start: int, log: list[str]) -> bool:
    reason = blocked_by(view, w_start, cue.start, cue.end, speech_start=s_start)
    if reason:
        log.append(f"trigger '{cue.text}' dropped: {reason}")
        return False
    return True


def _classify_window(
    view: str,
    si: int,
    s_start: int,
    w_start: int,
    w_end: int,
    cues: tuple[Cue, ...],
    doms: set[str],
    sport_doc: bool,
    log: list[str],
    has_date: bool = False,
    s_end: int | None = None,
) -> list[Detection]:
    # Aircraft only flying over are no weapon; weapons that are defused or seized are not used.
    disrupt_starts = [c.start for c in cues if c.kind == "disrupt"]
    cues = tuple(
        c
        for c in cues
        if not (c.kind == "air" and _FLYOVER.search(view, max(w_start, c.start - 20), c.start))
        and not (c.kind in ("ied", "art", "air") and any(0 <= c.start - d <= 40 for d in disrupt_starts))
    )
    # A judicial execution ("تنفيذ حكم الإعدام") is no political violence; an abduction told
    # with its victims' release is the background of the release story.
    # (The checks below that scan the window run only when a cue needs them.)
    legal = any(c.kind == "kill" and c.text.startswith(("اعدام", "اعدم")) for c in cues) and legal_context(
        view, s_start, w_end if s_end is None else s_end
    )
    kept = []
    for c in cues:
        if c.kind == "kill" and c.text.startswith(("اعدام", "اعدم")) and legal:
            log.append(f"trigger '{c.text}' dropped: judicial execution")
        elif c.kind == "abduct" and released_before(view, w_start, c.start):
            log.append(f"trigger '{c.text}' dropped: told with a release")
        elif c.kind == "abduct" and thing_object(view, c.end, w_end):
            log.append(f"trigger '{c.text}' dropped: a place or a body 'hijacked' (figurative)")
        else:
            kept.append(c)
    cues = tuple(kept)
    kinds = {c.kind for c in cues}
    has_casualty = any(c.kind == "casualty" and not abstract_casualty(view, c, cues) for c in cues)
    lazy: dict[str, bool] = {}

    def concrete() -> bool:
        if "concrete" not in lazy:
            lazy["concrete"] = has_date or has_casualty or has_concrete(view, w_start, w_end)
        return lazy["concrete"]

    def has_death() -> bool:
        if "death" not in lazy:
            lazy["death"] = bool(_DEATH.search(view, w_start, w_end))
        return lazy["death"]

    def ok(c: Cue) -> bool:
        if c.kind == "territory" and _GROUP_NAME_BEFORE.search(view, max(0, c.start - 8), c.start):
            return False
        if c.kind == "siege" and _SIEGE_LIFT.search(view, max(0, c.start - 8), c.start):
            log.append(f"trigger '{c.text}' dropped: siege lifted")
            return False
        return _factual(view, c, w_start, s_start, log)

    found: list[Detection] = []

    def add(type_: str, sub: str, trig: list[Cue], rule: str, strong: bool) -> None:
        found.append(Detection(type_, sub, si, w_start, w_end, tuple(trig), cues, rule, strong))

    # ---- political violence ---------------------------------------------------------------
    strong_v = [c for c in cues if c.strong and c.kind in VIOLENT_STRONG]
    weak_v = [c for c in cues if not c.strong and c.kind in VIOLENT_WEAK]
    if has_casualty:
        weak_v += [c for c in cues if c.kind in MODES]
    support = [c for c in cues if c.kind in SUPPORT]
    violent_block = None
    if sport_doc and not (has_casualty and strong_v):
        violent_block = "sport article"
    elif "opinion" in doms and not has_casualty:
        violent_block = "opinion or commentary"
    elif (
        doms & {"sport", "economy", "culture", "politics"}
        and not has_casualty
        and not any(c.form == "v" for c in strong_v)
    ):
        violent_block = "non-violent domain: " + ",".join(sorted(doms))
    elif "accident" in doms and not any(c.kind in {"air", "suicide", "chem", "battle"} for c in strong_v):
        violent_block = "accident or disaster"
    if violent_block:
        if strong_v or weak_v:
            log.append(f"sentence {si}: violence triggers dropped ({violent_block})")
        strong_v, weak_v = [], []
    if "verbal" in doms:
        weak_v = [c for c in weak_v if c.kind != "attack"]
        if not has_casualty:
            strong_v = [c for c in strong_v if c.form == "v"]

    rejected_cache: dict[int, bool] = {}

    def rejected(c: Cue) -> bool:
        """Does the trigger name violence in general, in the background or as a claim?"""
        if id(c) not in rejected_cache:
            # generic_reason looks at nouns only: "concrete" is not needed for a verb
            why = generic_reason(
                view, c, w_start, w_end, cues, concrete() if c.form == "n" else False
            ) or background_reason(view, c, w_start, cues, VIOLENT_STRONG | VIOLENT_WEAK | {"casualty"})
            if why is None and claim_context(view, s_start, c.start):
                why = "reported as an unproven claim"
            if why:
                log.append(f"trigger '{c.text}' dropped: {why}")
            rejected_cache[id(c)] = bool(why)
        return rejected_cache[id(c)]

    def anchored(c: Cue) -> bool:
        """A noun trigger names an occurrence only with a casualty, a time or an occurrence verb
        near it; a verb after a relative pronoun recalls a known event unless a toll is given."""
        if rejected(c):
            return False
        if has_casualty:
            return True
        if _ONGOING_BEFORE.search(view, max(w_start, c.start - 30), c.start):
            return False
        if c.form == "v":
            return not _RELATIVE_BEFORE.search(view, max(w_start, c.start - 20), c.start)
        if _REFERENCE_BEFORE.search(view, max(w_start, c.start - 20), c.start):
            return False
        a, b = _near(view, c, w_start, w_end, 6)
        if _CAMPAIGN.match(view, c.start) or (
            view.startswith("المعركه", c.start - 2)
            and any(o.start < c.start and _CAMPAIGN.match(view, o.start) for o in cues)
        ):
            # "في معركة عفرين" (and "المعركة" after it): a campaign's name; only a verb says it
            # was fought that day.
            return bool(_OCCURRED.search(view, a, b) or _ONSET.search(view, a, b))
        return bool(has_date or _TIME_WORD.search(view, a, b) or _OCCURRED.search(view, a, b))

    if any(c.kind == "territory" for c in strong_v):
        armed = "mil" in kinds or bool(
            _STATE_ACTOR.search(view, w_start, w_end) or _NONSTATE_ACTOR.search(view, w_start, w_end)
        )
        strong_v = [c for c in strong_v if c.kind != "territory" or armed]
    strong_f = [c for c in strong_v if anchored(c) and ok(c)]
    weak_f = []
    if not strong_f:
        for c in weak_v:
            others = [s for s in support if s is not c and not (s.start < c.end and c.start < s.end)]
            if others and anchored(c) and ok(c):
                weak_f.append(c)
    violent = strong_f + weak_f

    def crowd_reported(c: Cue) -> bool:
        """A demonstration is reported as news with a size, a time or an onset verb near it;
        "وهتف المتظاهرون ..." only adds detail to one reported before (merged with it anyway)."""
        a, b = _near(view, c, w_start, w_end, 6)
        return bool(
            "نفس" in c.text  # self-immolation: one person's act is the protest
            or has_casualty
            or _CROWD_SIZE.search(view, a, b)
            or _TIME_WORD.search(view, a, b)
            or _ONSET.search(view, a, b)
        )

    def protest_anchored(c: Cue) -> bool:
        """A crowd's size anchors a demonstration noun as well as a time does ("شكل مئات
        المتظاهرين سلسلة بشرية"); "احتجاجاً على" only says why something else was done."""
        if c.text.endswith("احتجاجا") and not any(
            o.start < c.start and o.kind in ("protest", "protester") for o in cues
        ):
            return False
        if rejected(c):
            return False
        a, b = _near(view, c, w_start, w_end, 6)
        return anchored(c) or bool(_CROWD_SIZE.search(view, a, b))

    protest_cues = [
        c for c in cues if c.kind == "protest" and crowd_reported(c) and protest_anchored(c) and ok(c)
    ]
    if not protest_cues and "protester" in kinds and kinds & {"protestact", "disperse", "liveforce", "riot"}:
        # "رشق مئات المتظاهرين", "وسد المتظاهرون طريقا": the crowd is the subject of a disruptive
        # act; "وهتف / ورفع المتظاهرون" only adds detail to a demonstration reported before.
        # "وخرج / ونزل / وتجمع المتظاهرون" reports the demonstration itself.
        acts = [
            c
            for c in cues
            if c.form == "v"
            and (c.kind in ("riot", "protest") or (c.kind == "protestact" and _GOVERNING_ACT.match(c.text)))
            # "المقر الذي تجمع في محيطه المتظاهرون": a relative clause describes, it does not report
            and not _RELATIVE_BEFORE.search(view, max(w_start, c.start - 20), c.start)
        ]
        protest_cues = [
            c
            for c in cues
            if c.kind == "protester"
            and (
                any(0 <= c.start - a.end <= 12 for a in acts)
                # force used against a crowd is an event of its own (ACLED: protest with
                # intervention / excessive force), reported with a time, a size or a toll
                or (kinds & {"disperse", "liveforce"} and crowd_reported(c))
            )
            and ok(c)
        ]
    riot_cues = [c for c in cues if c.kind in {"riot", "mob"} and anchored(c) and ok(c)]
    disrupt = [c for c in cues if c.kind == "disrupt" and anchored(c) and ok(c)]
    heavy = {c.kind for c in violent} & {"explode", "suicide", "chem", "air", "strike"}
    if (
        disrupt
        and violent
        and not has_casualty
        and {c.kind for c in violent} <= {"explode", "ied", "art", "launch", "target"}
    ):
        violent = []  # "انفجار صاروخ اعتراضي": the explosion is the interception
    if (protest_cues or "protester" in kinds) and violent and not heavy:
        violent = []  # violence against a demonstration is coded in the protest family
    if violent:
        found_v = _violent_subtype(view, w_start, violent, cues, kinds, has_death())
        add(*found_v[:2], violent, found_v[2], bool(strong_f))

    # ---- demonstrations ---------------------------------------------------------------------
    if protest_cues and not (violent and heavy) and not sport_doc:
        if "liveforce" in kinds or (
            has_death() and ({"gun", "killverb", "kill"} & kinds or "disperse" in kinds)
        ):
            add("protests", "excessive_force_against_protesters", protest_cues, "protest+lethal force", True)
        elif has_death() and "disperse" not in kinds:
            add("protests", "excessive_force_against_protesters", protest_cues, "protest+deaths", True)
        elif "disperse" in kinds or "arrest" in kinds:
            add("protests", "protest_with_intervention", protest_cues, "protest+dispersal/arrest", True)
        elif riot_cues:
            add(
                "riots",
                "violent_demonstration",
                protest_cues + riot_cues,
                "protest+violence by demonstrators",
                True,
            )
        else:
            add("protests", "peaceful_protest", protest_cues, "protest, no intervention reported", True)
    elif riot_cues and not violent and not sport_doc:
        mob = [c for c in riot_cues if c.kind == "mob"]
        if mob:
            add("riots", "mob_violence", mob, "mob violence", True)
        else:
            add("riots", "violent_demonstration", riot_cues, "riot", True)

    # ---- strategic developments -------------------------------------------------------------
    if not sport_doc:
        arrest = [c for c in cues if c.kind == "arrest" and anchored(c) and ok(c)]
        if arrest and not protest_cues:
            add("strategic_developments", "arrests", arrest, "arrest trigger", True)
        if disrupt:
            add("strategic_developments", "disrupted_weapons_use", disrupt, "disrupted weapons use", True)
        for kind, sub in (
            ("loot", "looting_property_destruction"),
            ("agree", "agreement"),
            ("base", "headquarters_or_base_established"),
            ("groupchange", "change_to_group_activity"),
        ):
            cs = [c for c in cues if c.kind == kind and anchored(c) and ok(c)]
            if cs:
                add("strategic_developments", sub, cs, f"{kind} trigger", True)
        withdraw = [c for c in cues if c.kind == "withdraw" and anchored(c) and ok(c)]
        if withdraw and not violent:
            add("strategic_developments", "non_violent_transfer_of_territory", withdraw, "withdrawal", True)

        # ---- humanitarian -------------------------------------------------------------------
        evac = [c for c in cues if c.kind == "evac" and anchored(c) and ok(c)]
        displace = [c for c in cues if c.kind == "displace" and anchored(c) and ok(c)]
        if displace and not ("civ" in kinds or _CROWD.search(view, w_start, w_end)):
            log.append(f"displacement trigger '{displace[0].text}' dropped: nobody displaced is named")
            displace = []
        if evac:
            add("humanitarian", "evacuation", evac, "evacuation trigger", True)
        elif displace:
            add("humanitarian", "displacement", displace, "displacement trigger", True)
        if "aid" in kinds:
            block = [c for c in cues if c.kind == "aidblock" and ok(c)]
            deliver = [c for c in cues if c.kind == "aiddeliver" and ok(c)]
            aid = [c for c in cues if c.kind == "aid"]
            if block:
                add("humanitarian", "aid_blocked", aid[:1] + block, "aid word + blocking verb", True)
            elif deliver:
                add("humanitarian", "aid_delivered", aid[:1] + deliver, "aid word + delivery verb", True)
        siege = [c for c in cues if c.kind == "siege" and anchored(c) and ok(c)]
        if siege:
            add("humanitarian", "siege", siege, "siege trigger", True)
    return found


def _near(view: str, c: Cue, w_start: int, w_end: int, n_words: int) -> tuple[int, int]:
    """View bounds of the ``n_words`` words either side of a cue, inside its window."""
    a = c.start
    for _ in range(n_words):
        k = view.rfind(" ", w_start, max(w_start, a - 1))
        if k < 0:
            a = w_start
            break
        a = k
    b = c.end
    for _ in range(n_words):
        k = view.find(" ", min(w_end, b + 1), w_end)
        if k < 0:
            b = w_end
            break
        b = k
    return a, b


# Who ground is taken from: "من الحوثيين"، "من قبضة داعش"، "من أيدي المسلحين".
_FROM_LOSER = regex.compile(r"(?<![\p{L}])من\s+(?:(?:قبضه|ايدي|يد|سيطره)\s+)?(?:ال)?$")


def _violent_subtype(
    view: str, w_start: int, violent: list[Cue], cues: tuple[Cue, ...], kinds: set[str], has_death: bool
) -> tuple[str, str, str]:
    """(type, sub_type, rule) by ACLED's hierarchy over the window's factual violence cues."""
    vk = {c.kind for c in violent}
    air_strong = any(c.kind == "air" and c.strong for c in cues)
    air = air_strong or (
        "air" in kinds and vk & {"strike", "target", "launch", "attack", "kill", "killverb", "explode"}
    )
    if "chem" in kinds and vk & {"chem", "strike", "target", "launch", "attack", "air", "kill"}:
        return "explosions_remote_violence", "chemical_weapon", "chemical weapon named"
    if "suicide" in vk:
        return "explosions_remote_violence", "suicide_bomb", "suicide attacker named"
    if "territory" in vk:
        trig = next(c for c in violent if c.kind == "territory")
        if "امن و" in trig.text or "امن وال" in trig.text:
            return "battles", "government_regains_territory", "territory regained ('أعاد الأمن والاستقرار')"
        # The subject follows the verb (VSO) or precedes it: look just after, then before.
        after = view[trig.end : min(trig.end + 30, len(view))]
        s_after, n_after = _STATE_ACTOR.search(after), _NONSTATE_ACTOR.search(after)
        if n_after and _FROM_LOSER.search(after, 0, n_after.start()):
            n_after = None  # "استعادة السيطرة عليه من الحوثيين": taken from them, not by them
        if s_after or n_after:
            state_first = s_after and (not n_after or s_after.start() < n_after.start())
            if not state_first:
                return (
                    "battles",
                    "non_state_actor_overtakes_territory",
                    "territory taken by a non-state actor",
                )
            return "battles", "government_regains_territory", "territory taken by state forces"
        before = view[w_start : trig.start]
        s = [m.end() for m in _STATE_ACTOR.finditer(before)]
        n = [m.end() for m in _NONSTATE_ACTOR.finditer(before)]
        if n and (not s or max(n) > max(s)):
            return "battles", "non_state_actor_overtakes_territory", "territory taken by a non-state actor"
        return "battles", "government_regains_territory", "territory taken by state forces (default)"
    if "battle" in vk:
        rule = "clash" + (" (air strike inside a ground battle is a battle)" if air else "")
        return "battles", "armed_clash", rule
    if air:
        rule = "air strike" + (
            " (shelling together with air strikes is an air strike)" if "art" in kinds else ""
        )
        return "explosions_remote_violence", "air_drone_strike", rule
    if "grenade" in kinds:
        return "explosions_remote_violence", "grenade", "grenade named"
    if "ied" in kinds and vk & {"explode", "ied", "target", "launch", "attack", "kill", "killverb"}:
        return "explosions_remote_violence", "remote_explosive_landmine_ied", "explosive device named"
    if "art" in kinds and vk & {"strike", "target", "launch", "attack", "art", "explode", "kill", "killverb"}:
        return "explosions_remote_violence", "shelling_artillery_missile_attack", "artillery/rocket named"
    if "explode" in vk:
        return "explosions_remote_violence", "remote_explosive_landmine_ied", "explosion without other weapon"
    if "strike" in vk:
        return (
            "explosions_remote_violence",
            "shelling_artillery_missile_attack",
            UNSPECIFIED_BOMBARDMENT,
        )
    if "abduct" in vk:
        if has_death and kinds & {"kill", "killverb"}:
            return "violence_against_civilians", "attack", "abduction then killing is an attack"
        return "violence_against_civilians", "abduction_forced_disappearance", "abduction"
    if "sexual" in vk:
        return "violence_against_civilians", "sexual_violence", "sexual violence"
    civ = any(c.kind == "civ" and _CIV_PEOPLE.match(c.text) for c in cues)
    mil = "mil" in kinds
    if mil and not civ:
        return "battles", "armed_clash", "attack on armed forces is a battle"
    return (
        "violence_against_civilians",
        "attack",
        "violence against civilians (victims civilian or unspecified)",
    )


def is_sport_doc(view_text: str) -> bool:
    """A sports report: three or more distinct sport words in the article."""
    return domain_hits(view_text, "sport") >= 3
