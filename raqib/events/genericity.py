"""Genericity: an event is a specific occurrence, not violence named in general.

"القتل والخطف والذبح" in a commentary, "أي ضربة جوية ضد إيران" in an analysis, "هذا الهجوم"
recalling an attack reported before, "بعد هجوم انتحاري على حافلة" as the background of a
statement, "عقوبة الإعدام" or "الإفراج عن المخطوفين" name violence without reporting a new
occurrence of it. ACLED codes events, one per place and day (Codebook 2023, "Event
definition"); the arabic_event_gsr annotators likewise judge only sentences that report a
specific event. Each check here returns the reason it rejects a trigger (for ``--explain``),
or None. All patterns are written on the folded view (see ``raqib.text.normalize``).
"""

from __future__ import annotations

import regex

from raqib.events.triggers import Cue, fold_pattern

# fmt: off
# (the word lists below are packed several words to a line; the formatter would put one per line)

_B = r"(?<![\p{L}\p{N}])"


def _compile(pattern: str) -> regex.Pattern:
    """Patterns are written in ordinary spelling and folded like the view (على -> علي)."""
    return regex.compile(fold_pattern(pattern))


_E = r"(?![\p{L}\p{N}])"

# Masdars that name a kind of violence; with the article and nothing concrete around them
# they are abstract ("يشجع القتل والتفجير"). القصف and الغارات are left out: "جراء القصف على
# البلدة" reports a specific bombardment in wire style.
ABSTRACT_MASDARS = frozenset(
    {
        "قتل", "خطف", "اختطاف", "اغتيالات", "اغتصاب", "ذبح", "تفجيرات", "اعتداءات", "اعدام",
        "تعذيب", "عنف", "ارهاب", "تصفيه", "مجازر",
    }
)
VIOLENT_NOUN_KINDS = frozenset(
    {
        "air", "explode", "suicide", "chem", "strike", "battle", "kill", "abduct", "sexual",
        "attack", "casualty",
    }
)

# Something concrete in the clause: a number, a count word, a time, a day.
_CONCRETE = _compile(
    r"\d|"
    + _B
    + r"[وفبل]?(?:ال)?(?:واحد|اثنين|اثنان|ثلاث\p{L}*|اربع\p{L}*|خمس\p{L}*|ست\p{L}{0,2}|سبع\p{L}*|ثمان\p{L}*|"
    r"تسع\p{L}*|عشر\p{L}*|مئه|مائه|مئات|الف|الاف|ملايين|امس|اليوم|الليله|صباح|مساء|فجر|ظهر|عصر|ليل|ليله|"
    r"السبت|الاحد|الاثنين|الثلاثاء|الاربعاء|الخميس|الجمعه)" + _E
)
# A quantifier or comparison that makes the noun a type ("أي هجوم", "مثل هذه الهجمات").
_TYPE_BEFORE = _compile(
    _B
    + r"(?:[وف]?(?:اي|كل|مثل|لمثل|بمثل|نوع\s+من|انواع|اشكال|ظاهره|ثقافه|سياسه|معدلات|عمليات\s+ال\p{L}+\s+و)"
    r"(?:\s+(?:هذا|هذه|ذلك|تلك|هذين|هاتين))?)\s+(?:ال)?$"
)
# A demonstrative before the noun refers back to an event reported before ("هذا الهجوم").
_ANAPHOR_BEFORE = _compile(_B + r"[وفب]?(?:هذا|هذه|ذلك|تلك|هذين|هاتين)\s+ال$")
# The event noun as the complement of a head noun that talks about it rather than reporting
# it: "ضحايا الاعتداءات", "جريمة اغتيال", "موقع الانفجار", "التحقيق في التفجير", "قائمة اغتيالات".
_REFERENCE_HEAD = _compile(
    _B + r"[وفبل]?(?:ال)?(?:ضحايا|جريمه|جرائم|تحقيق|تحقيقات|التحقيق|ادله|وثائق|قائمه|عدد|اعداد|"
    r"توقيت|طبيعه|ذكرى|مازق|ماساه|ازمه|خيار|سيناريو|ملف|قضيه|منفذي|منفذ|مرتكبي|المسؤوليه|مسؤوليه|ادانه|"
    r"وقف|ايقاف|انهاء|منظمي|منظمو|المتعلقه|المتعلق|متعلقه|"
    r"تداعيات|اثار|ضد|مكافحه|محاولات|مخطط|تهديد|نوع|تبرير|ظاهره|موجه|عمليات\s+ال\p{L}+\s+و)"
    r"(?:\s+(?:في|عن|حول|ب|من|على|بشان))?\s*(?:ال|لل|ب|بال)?$"
)
# The site of an event is named in its report ("قتل 5 في محيط موقع الانفجار"): a reference
# only when the clause reports no victim.
_SITE_HEAD = _compile(_B + r"[وفبل]?(?:ال)?(?:موقع|مكان|محيط)\s+(?:ال)?$")
# An adjective after the noun that makes it hypothetical or alleged ("اعتداءات فلسطينية محتملة").
_HYPOTHETICAL_AFTER = _compile(
    r"\s+(?:(?:ال)?\p{L}+\s+)?(?:ال)?(?:محتمل|محتمله|محتملين|مرتقب|مرتقبه|وشيك|وشيكه|مزعوم|مزعومه|مفترض|مفترضه)"
    + _E
)
# A subordinate clause of time or cause: what follows is the background of the main clause.
_BACKGROUND = _compile(
    _B
    + r"[وف]?(?:بعد|قبل|عقب|اثر|في\s+اعقاب|اعقاب|غداه|منذ|على\s+خلفيه|ابان|اثناء|خلال|لدى|عند)"
    + _E
    + r"(?!\s+(?:ال)?(?:ظهر|منتصف|الظهر|ساعات|ساعه|يوم|يومين|ايام|اسبوع|شهر|\d))"
)
# A judicial execution, a sentence or a crime in a charge is not political violence.
_LEGAL = _compile(
    _B
    + r"[وفبل]?(?:ال)?(?:عقوبه|احكام|حكم|ادين\p{L}*|تهمه|بتهمه|بتهم|محكمه|محاكم\p{L}*|القضاء|شنق|تعاقب|يعاقب|"
    r"المحكوم\p{L}*|محكوم\p{L}*|جرائم|جريمه)" + _E
)
# A release ends an abduction reported before: the release is the news.
_RELEASE = _compile(
    _B
    + r"[وفب]?(?:ال)?(?:افرج\p{L}*|الافراج|افراج|اطلق\p{L}*\s+سراح|اطلاق\s+سراح|تحرير|حرر\p{L}*|الافراج)"
    + _E
)
# Claims the text reports with doubt (مزاعم، ادعاءات).
_CLAIM = _compile(_B + r"[وفب]?(?:ال)?(?:مزاعم|ادعاءات|ادعاء|اشاعات|شائعات|يزعم|تزعم|زعم|زعمت|زعموا)" + _E)


_LIST_JOIN = _compile(r"\s*(?:،\s*و?|و|او\s+)(?:ب|ل)?(?:ال|لل)?")


def is_definite(view: str, cue: Cue) -> bool:
    return view[max(0, cue.start - 2) : cue.start] == "ال"


def _stem(cue: Cue) -> str:
    return cue.text.split()[0]


def in_abstract_list(view: str, cue: Cue, cues: tuple[Cue, ...]) -> bool:
    """Is the noun coordinated with another violence noun ("القتل والخطف", "قتل وذبح وخطف")?"""
    for o in cues:
        if o is cue or o.kind not in VIOLENT_NOUN_KINDS or o.form != "n":
            continue
        a, b = (o, cue) if o.start < cue.start else (cue, o)
        between = view[a.end : b.start]
        if _LIST_JOIN.fullmatch(between):
            return True
    return False


def abstract_casualty(view: str, cue: Cue, cues: tuple[Cue, ...]) -> bool:
    """A casualty word that names killing in general: "القتل", or "قتل" in a list of crimes."""
    if _stem(cue) not in ("قتل", "ذبح"):
        return False
    # "لقتل كل ما هو ..." / "بقتل": a masdar of purpose or of a charge, not a death reported.
    purpose = (
        cue.start >= 1 and view[cue.start - 1] in "لب" and not view[cue.start - 2 : cue.start - 1].isalpha()
    )
    return purpose or is_definite(view, cue) or in_abstract_list(view, cue, cues)


def generic_reason(
    view: str, cue: Cue, w_start: int, w_end: int, cues: tuple[Cue, ...], concrete: bool
) -> str | None:
    """Why the noun trigger ``cue`` names violence in general rather than an occurrence."""
    if cue.form != "n":
        return None
    # An adjective ("الهجمات الانتحارية") shares the status of the noun it qualifies.
    head = cue
    for o in sorted(cues, key=lambda o: -o.start):
        if (
            o.start < head.start
            and o.kind in VIOLENT_NOUN_KINDS
            # "الهجمات الانتحارية" (both definite); "ضحايا المظاهرات" is a construct, not an adjective
            and (
                not view[o.end : head.start].strip()
                or (view[o.end : head.start].strip() == "ال" and is_definite(view, o))
            )
        ):
            head = o
    before = view[max(w_start, head.start - 30) : head.start]
    if _TYPE_BEFORE.search(before):
        return "generic: a kind of violence, not an occurrence"
    if _REFERENCE_HEAD.search(before):
        return "reference: the event is the complement of a noun that talks about it"
    if cue.kind == "kill" and is_definite(view, cue):
        # "المجزرة", "الاغتيال": the article names a killing the reader knows; a new one is
        # reported indefinite ("ارتكبت مجزرة") or with a verb ("اغتال مسلحون").
        return "reference: a definite name of a known killing"
    if _HYPOTHETICAL_AFTER.match(view, cue.end, w_end):
        return "hypothetical: a possible or alleged event"
    if _SITE_HEAD.search(before) and not concrete:
        return "reference: the site of an event, with no victim reported"
    if _ANAPHOR_BEFORE.search(before) and not concrete:
        return "anaphoric: refers back to an event reported before"
    if not concrete and (
        (is_definite(view, cue) and _stem(cue) in ABSTRACT_MASDARS) or in_abstract_list(view, cue, cues)
    ):
        return "generic: abstract noun with no victim, count or time"
    return None


def has_concrete(view: str, start: int, end: int) -> bool:
    return bool(_CONCRETE.search(view, start, end))


def background_reason(view: str, cue: Cue, w_start: int, cues: tuple[Cue, ...], violent_kinds) -> str | None:
    """A noun trigger in a subordinate "بعد/إثر/منذ ..." clause whose main clause reports no
    violence ("وتأتي هذه العملية بعد هجوم انتحاري على حافلة") is background, unless the
    subordinate clause dates it itself. A verb that continues the subordinate noun ("في أعقاب
    هجوم انتحاري استهدف مدرسة") shares its status."""
    head = view[w_start : cue.start]
    m = None
    for found in _BACKGROUND.finditer(head):
        m = found
    if m is None or len(head) - m.end() > 40:
        return None
    if cue.form != "n" and not any(
        o.form == "n" and o.kind in VIOLENT_NOUN_KINDS and w_start + m.end() <= o.start < cue.start
        for o in cues
    ):
        return None
    main = (w_start, m.start())
    if any(main[0] <= c.start < main[1] and c.kind in violent_kinds for c in cues):
        return None
    if not view[main[0] : main[1]].strip():
        return None  # "بعد معارك عنيفة، سيطرت ...": the clause opens the sentence
    return "background: named in a subordinate clause of a non-violent statement"


def legal_context(view: str, s_start: int, s_end: int) -> bool:
    return bool(_LEGAL.search(view, s_start, s_end))


def released_before(view: str, w_start: int, cue_start: int) -> bool:
    """A release told before the abduction ("أفرج عن رهينة كانوا قد خطفوها"): the abduction is
    the background of the release."""
    return bool(_RELEASE.search(view, w_start, cue_start))


def claim_context(view: str, s_start: int, cue_start: int) -> bool:
    return bool(_CLAIM.search(view, s_start, cue_start))


# "خطف المطار والشوارع", "اختطفوا القرار": what is seized is a place or an institution, not people
# (a plane or a bus hijacked is an abduction of its passengers and stays).
_THING_OBJECT = _compile(
    r"\s+(?:ال)?(?:مطار|شارع|شوارع|بلد|بلاد|دوله|سلطه|قرار|ثوره|وطن|حزب|حركه|طائفه|مدينه|قضيه|مشروع|"
    r"ارض|ساحه|برلمان|حكومه|عمليه|انتخابات|فتح|حماس)(?![\p{L}])"
)


def thing_object(view: str, start: int, end: int) -> bool:
    """Is the object right after an abduction word a place or an institution?"""
    return bool(_THING_OBJECT.match(view, start, end))


# A quoted title after the word that introduces it: "فيلم «المعركة من أجل حديثة»", "خبر «اغتيال ...»".
_TITLE_HEAD = _compile(
    r"(?<![\p{L}])[وفبل]?(?:ال)?(?:فيلم|كتاب|روايه|مسرحيه|مسلسل|برنامج|خبر|مقال|مقاله|عنوان|بعنوان|شعار|اغنيه|"
    r"قصيده|ديوان|كتابه)(?:\s+(?:بعنوان|عنوانه|تحت\s+عنوان))?\s*$"
)
_QUOTES = (("«", "»"), ('"', '"'), ("“", "”"))


def titles(view: str) -> tuple[tuple[int, int], ...]:
    """View spans of quoted titles (a film, a book, a headline): the words in them name no event."""
    out = []
    for opening, closing in _QUOTES:
        q = view.find(opening)
        while q >= 0:
            end = view.find(closing, q + 1, q + 152)
            if end > q + 1 and "\n" not in view[q:end] and _TITLE_HEAD.search(view, max(0, q - 40), q):
                out.append((q, end + 1))
            q = view.find(opening, q + 1)
    return tuple(out)
