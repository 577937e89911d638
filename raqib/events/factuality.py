"""Factuality: keep only what the text reports as having happened.

ACLED codes events that occurred; a threat, a plan, a denial, a demand, a condemnation, a
question, a conditional or an anniversary is not an event, and neither is "هجوم" in a football
report or on the dollar. The checks look at the words before a trigger (a future particle or a
modal governs what follows it) and at the whole sentence for frames and domains. Each check
returns the reason it blocked, so ``--explain`` can say why a trigger was dropped.
"""

from __future__ import annotations

from functools import lru_cache

import regex

from raqib.events.triggers import fold_pattern, word_starts, words_of

# fmt: off
# (the word lists below are packed several words to a line; the formatter would put one per line)

_B = r"(?<![\p{L}\p{N}])"
_E = r"(?![\p{L}\p{N}])"


def _words(*alts: str) -> str:
    return _B + r"[وف]?(?:ال)?(?:" + "|".join(alts) + r")" + _E


# Cues that govern the trigger after them in the same clause (reason -> words, see ``_words``).
_BEFORE: tuple[tuple[str, tuple[str, ...]], ...] = (
    (
        "future",
        (
            "سوف", "سيتم", "ستتم", "ستقوم", "سيقوم", "سيكون", "ستكون", "سيجري", "ستجري", "لن",
            "من المقرر", "من المتوقع", "من المنتظر", "المرتقب", "مرتقب", "مرتقبه", "المحتمل",
            "محتمل", "احتمال", "احتمالات", "يجب", "ينبغي", "يمكن", "بامكان", "من شان", "خيار",
            "الخيار", "سيناريو", "مهما", "يفترض", "المفترض", "التحدي", "اقتراب",
        ),
    ),
    (
        "plan",
        (
            "يعتزم", "تعتزم", "اعتزام", "ينوي", "تنوي", "نيه", "يخطط", "تخطط", "خطط", "خطه",
            "مخطط", "يستعد", "تستعد", "استعداد", "استعدادا", "تحضير", "تحضيرا", "يحضر", "تحضر",
            "عزم", "قرر", "قررت", "امر", "امرت", "يريد", "تريد", "اراد", "ارادت", "تسعى", "تصميم",
            "تصميمهما", "تصميمها", "تصميمه", "يسعى", "سعيا", "التخطيط", "بالتخطيط", "لتوجيه",
            "لشن", "لتنفيذ", "لارتكاب", "لاطلاق",
        ),
    ),
    (
        # An aim, an assent and a purpose clause are not the deed, within their clause (merge
        # labels: "تهدف العملية إلى ضمان وصول المساعدات", "وافقت على إجلاء", "ليتمكن النظام بعدها
        # من بسط سيطرته"); "اعتقل 30 شابا بهدف سوقهم ...، كما اعتقل 12" still reports the second.
        "purpose",
        (
            "يهدف", "تهدف", "بهدف", "هدفها", "هدفه", "وافق", "وافقت", "وافقوا", "موافقته",
            "موافقتها", "ليتمكن", "لتتمكن", "ليتسنى", "لكي",
        ),
    ),
    (
        "threat",
        (
            "هدد", "هددت", "تهدد", "يهدد", "تهديد", "تهديدات", "توعد", "توعدت", "يتوعد", "حذر",
            "حذرت", "تحذر", "يحذر", "تحذير", "تحذيرات", "انذار", "خشيه", "يخشى", "تخشى", "مخاوف",
            "خوفا", "تحسبا", "تخوف", "تخوفا", "ينذر", "خشينا", "نخشى", "اخشى", "حذروا", "هددوا",
            "توعدوا",
        ),
    ),
    (
        "call",
        (
            "طالب", "طالبت", "يطالب", "تطالب", "مطالبه", "دعا", "دعت", "يدعو", "تدعو", "دعوه", "حض",
            "حضت", "يحض", "تحض", "حضوا", "حاضه", "حاثه",
            "دعوات", "ناشد", "ناشدت", "يناشد", "حث", "حثت", "يحث", "طلب", "طلبت", "يطلب", "طالبوا",
            "ناشدوا",
        ),
    ),
    ("denial", ("نفى", "نفت", "نفوا", "ينفي", "تنفي", "نفي", "كذب", "كذبت", "عدم", "تنصل")),
    # "ما يتردد عن هجوم بمواد كيماوية ... مجرد خدعة": hearsay named as such is no report of it.
    ("rumour", ("ما يتردد", "ما تردد", "ما يشاع", "ما اشيع", "شائعات", "اشاعات", "اشاعه", "شائعه")),
    (
        "condemnation",
        (
            "ادان", "ادانت", "يدين", "تدين", "ادانه", "استنكر", "استنكرت", "يستنكر", "استنكار",
            "شجب", "شجبت", "يشجب", "ندد", "نددت", "يندد", "تندد", "تنديد", "اعرب", "اعربت", "ابدى",
            "ابدت", "قلق", "قلقا", "قلقه", "ادانوا", "استنكروا", "شجبوا", "نددوا",
        ),
    ),
    (
        "diplomacy",
        (
            "بحث", "بحثت", "يبحث", "تبحث", "لبحث", "مباحثات", "محادثات", "مفاوضات", "اتصال هاتفي",
            "اتصالا هاتفيا", "اتصالات هاتفيه", "تشاور", "مشاورات", "قمه", "الوساطه", "وساطه",
            "مبادره", "تناول", "استعرض", "ناقش", "مناقشه", "ردود افعال", "ردود فعل", "ردود الفعل",
        ),
    ),
    (
        "legal",
        (
            "بتهمه", "بتهم", "محاكمه", "يحاكم", "تحاكم", "المحكمه", "محكمه", "حكم", "حكمت",
            "الحكم", "القضاء", "اتهم", "اتهمت", "يتهم", "تتهم", "اتهام", "اتهامات", "متهم",
            "متهمين", "ملفات", "التحقيق في", "ملف", "اتهموا", "ادين", "ادينوا", "محاكمات",
            "محاكماتهم", "محاكمته", "محاكمتهم", "المحاكمات",
        ),
    ),
    (
        "blame",
        (
            "تقف وراء", "يقف وراء", "وقوفه وراء", "المسؤوليه عن", "مسؤوليته عن", "مسؤوليتها عن",
            "مسؤوليتهم عن", "تبنى", "تبنت", "يشتبه", "المشتبه", "يعتقد", "صله ب", "علاقه ب",
            "المتورطين", "متورط", "ضالعون", "ضالع",
        ),
    ),
    (
        "history",
        (
            "ذكرى", "الذكرى", "ذكري", "احياء", "يحيي", "تحيي", "في مثل هذا اليوم", "تاريخ",
            "تاريخيا", "الماضي البعيد",
        ),
    ),
    (
        "conditional",
        ("اذا", "لو", "في حال", "في حاله", "ما لم", "كلما", "ان لم", "حتى لا", "لئلا", "لكي", "كي"),
    ),
    (
        "habitual",
        (
            "يتعرض", "تتعرض", "يتعرضون", "يوميا", "باستمرار", "عاده", "كثيرا ما", "غالبا ما",
            "احيانا", "دائما", "بين حين واخر", "يستخدم", "تستخدم", "يستخدمون", "مرات عديده",
            "مرات عده", "عده مرات", "مرارا", "دابت", "دابوا", "داب", "اعتادت", "اعتاد", "اعتادوا",
        ),
    ),
    ("state", ("تحت نار", "تحت القصف", "تحت وطاه", "تعيش تحت")),
    ("reason", ("ردا على", "رد على", "انتقاما", "على خلفيه", "بهدف", "لمنع", "لردع")),
    ("foiled", ("احبط", "احبطت", "احباط", "افشل", "افشلت", "افشال", "منع", "منعت")),
)

# "في عام 2011": a year; a history cue of its own, tried before the words above.
_HISTORY_YEAR = r"(?<!منذ\s)(?<![\p{L}])(?:في|خلال)?\s*(?:ال)?(?:عام|عامي|سنه)\s+(?:19|20)\d\d|"

# Negation particles: they govern only the next word or two.
_NEG = regex.compile(_B + r"[وف]?(?:لم|لن|لا|ما|ليس|ليست|دون|بدون|غير|عدم)" + _E)

# Domains where "هجوم", "ضربة", "قذيفة" or "إصابة" are not violence (checked on the sentence).
_DOMAINS: tuple[tuple[str, tuple[str, ...]], ...] = (
    (
        "sport",
        (
            "مباراه", "مباريات", "المباراه", "الدوري", "المنتخب", "لاعب", "لاعبين", "اللاعبين",
            "اللاعب", "هدفين", "بهدفين", "الشوط", "ركله", "ضربه جزاء", "ركلات", "الملعب", "ملعب",
            "كره القدم", "نادي", "النادي", "بطوله", "البطوله", "مدرب", "المدرب", "شباك", "تعادل",
            "فوز", "فوزا", "الكاس", "المركز الثالث", "الموسم", "ديربي", "الزمالك", "الشوط الاول",
            "ركله جزاء", "المنافس", "غريمه",
        ),
    ),
    (
        "economy",
        (
            "اسعار", "سعر", "البورصه", "بورصه", "الدولار", "دولار", "الاسهم", "اسهم", "النفط",
            "خام", "برنت", "العملات", "التضخم", "الذهب", "الاسواق الماليه", "المؤشر", "الليره",
            "اليورو", "الاستثمار", "الاقتصاد", "الاقتصادي", "العقود الاجله", "للبرميل",
        ),
    ),
    (
        "politics",
        (
            "الانتخابات", "انتخابات", "الاقتراع", "صناديق", "المرشح", "المرشحين", "الناخبين",
            "التصويت", "البرلمان", "مجلس النواب", "حمله انتخابيه",
        ),
    ),
    (
        "culture",
        (
            "معرض", "المعرض", "مهرجان", "المهرجان", "فيلم", "مسلسل", "رواية", "روايه", "الكتاب",
            "مسرحيه", "حفل", "الفنان", "الفنانه", "قصيده", "الشاعر", "الدوره",
        ),
    ),
    (
        "verbal",
        (
            "انتقاد", "انتقادات", "انتقد", "انتقدت", "تصريحات", "اعلامي", "اعلاميه", "كلامي",
            "كلاميه", "لاذع", "لاذعا", "حاد", "حادا", "هجوما حادا", "هجوما لاذعا",
            "هجوما عنيفا على", "شديدا", "شديد اللهجه", "كاسح", "كاسحا", "انتقادات شديده", "وصف",
            "وصفت",
        ),
    ),
    (
        "opinion",
        (
            "انا", "نحن", "اقول", "اعتقد", "ارى", "نرى", "اجد", "للاسف", "اتمنى", "يتمنى", "نتمنى",
            "مقال", "المقال", "الكاتب",
        ),
    ),
    (
        "accident",
        (
            "حادث سير", "حادث مروري", "حوادث السير", "تصادم", "اصطدام", "انقلاب سياره", "غرق",
            "غرقا", "زلزال", "الزلزال", "فيضان", "فيضانات", "سيول", "عاصفه", "صاعقه", "تسمم",
            "كورونا", "فيروس", "وباء", "انفجار غاز", "تسرب غاز", "اسطوانه غاز", "ماس كهربائي",
            "انهيار", "انهيار مبنى", "الطقس", "الامطار", "منخفض جوي", "تجارب", "تجربه", "تجريبي",
            "تجريبيه", "مناورات", "ضربات القلب",
        ),
    ),
)


def _starts(alts: tuple[str, ...]) -> frozenset[str]:
    """The words a match of ``_words(*alts)`` can start with: each alternative's first word
    with the optional و/ف and ال. A text with none of them cannot match: most sentences are
    told so by a set intersection instead of a regex scan."""
    firsts = {fold_pattern(a).split()[0] for a in alts}
    return frozenset(p + a + f for p in ("", "و", "ف") for a in ("", "ال") for f in firsts)


@lru_cache(maxsize=1)
def _compiled_before() -> tuple[tuple[str, regex.Pattern, frozenset[str] | None], ...]:
    """(reason, pattern, start words or None when the pattern is not made of words only)."""
    out = []
    for reason, alts in _BEFORE:
        if reason == "history":
            out.append((reason, regex.compile(fold_pattern(_HISTORY_YEAR + _words(*alts))), None))
        else:
            out.append((reason, regex.compile(fold_pattern(_words(*alts))), _starts(alts)))
    return tuple(out)


@lru_cache(maxsize=1)
def _compiled_domains() -> tuple[tuple[str, regex.Pattern, frozenset[str]], ...]:
    """Each domain's pattern and the words a match of it can start with (see ``_starts``)."""
    return tuple((name, regex.compile(fold_pattern(_words(*alts))), _starts(alts)) for name, alts in _DOMAINS)


_TOKEN = regex.compile(r"[\p{L}\p{N}]+")


_FUTURE_VERB = regex.compile(_B + r"[وف]?س[يتن]\p{L}{2,}")
_QUESTION_START = regex.compile(r"^\W*(?:[وف]?هل|[وف]?لماذا|[وف]?كيف|[وف]?متى|[وف]?الى متى)" + _E)
_CLAUSE_BREAK = regex.compile(
    r"[،,:؛;\"()\[\]«»]|" + _B + r"(?:فيما|بينما|في حين|الا ان|لكن|غير ان|حيث|بعد ان|بعد|قبل|اثر|منذ)" + _E
)


def sentence_blocks(view_sentence: str) -> str | None:
    """A reason that blocks every trigger of the sentence (a question), else None."""
    s = view_sentence.strip()
    if s.endswith(("؟", "?")) or _QUESTION_START.search(s):
        return "question"
    return None


def domains(view_text: str) -> set[str]:
    """Non-violent domains whose vocabulary occurs in ``view_text``."""
    words = set(_TOKEN.findall(view_text))
    return {
        name
        for name, pat, starts in _compiled_domains()
        if not words.isdisjoint(starts) and pat.search(view_text)
    }


def domain_hits(view_text: str, name: str) -> int:
    """How many distinct words of domain ``name`` occur in ``view_text``."""
    for n, pat, starts in _compiled_domains():
        if n == name:
            found: set[str] = set()
            # A match starts at a token in ``starts``: try the pattern there only, left to right
            # and without overlaps, as ``finditer`` would (it scans every position).
            last = 0
            for p, _ in word_starts(view_text, words_of(view_text) & starts):
                if p >= last and (m := pat.match(view_text, p)):
                    found.add(m.group())
                    last = m.end()
            return len(found)
    return 0


# Frames that govern a whole statement, not only their clause.
_SENTENCE_SCOPE = frozenset(
    {"condemnation", "diplomacy", "legal", "history", "call", "threat", "plan", "blame"}
)


def blocked_by(
    view: str, clause_start: int, cue_start: int, cue_end: int, *, speech_start: int
) -> str | None:
    """Why the trigger at ``view[cue_start:cue_end]`` is not a reported occurrence, or None.

    ``clause_start`` bounds the words that govern the trigger (modal, future, negation);
    ``speech_start`` is the start of the sentence, for frames that govern a whole statement
    (condemnation, diplomacy, calls: "دعا إلى وقف القصف"). Clause breaks between a cue and the
    trigger cut the scope of plan/threat/call words ("حذر ..., وقتل" is still an event).
    """
    # A future prefix on the trigger word itself: ستقصف، سيهاجمون.
    token_start = cue_start
    while token_start > 0 and view[token_start - 1].isalpha():
        token_start -= 1
    if token_start < cue_start and _FUTURE_VERB.match(view, token_start, cue_end):
        prefix = view[token_start:cue_start]
        if prefix.lstrip("وف") == "س":
            return "future"
    before = view[clause_start:cue_start]
    # Negation must be within the two words just before the trigger.
    near = " ".join(before.split()[-2:])
    if _NEG.search(near):
        return "negated"
    # Clause scope: since the last clause break before the trigger.
    last_break = 0
    for m in _CLAUSE_BREAK.finditer(before):
        last_break = m.end()
    clause = before[last_break:]
    sentence_before = view[speech_start:cue_start]
    words = {"clause": set(_TOKEN.findall(clause)), "sentence": set(_TOKEN.findall(sentence_before))}
    for reason, pat, starts in _compiled_before():
        if reason in _SENTENCE_SCOPE:
            scope, scope_words = sentence_before, words["sentence"]
        else:
            scope, scope_words = clause, words["clause"]
        if (starts is None or not scope_words.isdisjoint(starts)) and pat.search(scope):
            return reason
    return None
