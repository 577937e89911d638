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

from raqib.events.triggers import fold_pattern

_B = r"(?<![\p{L}\p{N}])"
_E = r"(?![\p{L}\p{N}])"


def _words(*alts: str) -> str:
    return _B + r"[وف]?(?:ال)?(?:" + "|".join(alts) + r")" + _E


# Cues that govern the trigger after them in the same clause (reason -> pattern).
_BEFORE: tuple[tuple[str, str], ...] = (
    (
        "future",
        _words(
            "سوف",
            "سيتم",
            "ستتم",
            "ستقوم",
            "سيقوم",
            "سيكون",
            "ستكون",
            "سيجري",
            "ستجري",
            "لن",
            "من المقرر",
            "من المتوقع",
            "من المنتظر",
            "المرتقب",
            "مرتقب",
            "مرتقبه",
            "المحتمل",
            "محتمل",
            "احتمال",
            "احتمالات",
            "يجب",
            "ينبغي",
            "يمكن",
            "بامكان",
            "من شان",
            "خيار",
            "الخيار",
            "سيناريو",
            "مهما",
        ),
    ),
    (
        "plan",
        _words(
            "يعتزم",
            "تعتزم",
            "اعتزام",
            "ينوي",
            "تنوي",
            "نيه",
            "يخطط",
            "تخطط",
            "خطط",
            "خطه",
            "مخطط",
            "يستعد",
            "تستعد",
            "استعداد",
            "استعدادا",
            "تحضير",
            "تحضيرا",
            "يحضر",
            "تحضر",
            "عزم",
            "قرر",
            "قررت",
            "امر",
            "امرت",
            "يريد",
            "تريد",
            "اراد",
            "ارادت",
            "تسعى",
            "تصميم",
            "تصميمهما",
            "تصميمها",
            "تصميمه",
            "يسعى",
            "سعيا",
        ),
    ),
    (
        "threat",
        _words(
            "هدد",
            "هددت",
            "تهدد",
            "يهدد",
            "تهديد",
            "تهديدات",
            "توعد",
            "توعدت",
            "يتوعد",
            "حذر",
            "حذرت",
            "تحذر",
            "يحذر",
            "تحذير",
            "تحذيرات",
            "انذار",
            "خشيه",
            "يخشى",
            "تخشى",
            "مخاوف",
            "خوفا",
            "تحسبا",
            "تخوف",
            "تخوفا",
            "ينذر",
            "خشينا",
            "نخشى",
            "اخشى",
        ),
    ),
    (
        "call",
        _words(
            "طالب",
            "طالبت",
            "يطالب",
            "تطالب",
            "مطالبه",
            "دعا",
            "دعت",
            "يدعو",
            "تدعو",
            "دعوه",
            "دعوات",
            "ناشد",
            "ناشدت",
            "يناشد",
            "حث",
            "حثت",
            "يحث",
            "طلب",
            "طلبت",
            "يطلب",
        ),
    ),
    ("denial", _words("نفى", "نفت", "ينفي", "تنفي", "نفي", "كذب", "كذبت", "عدم", "تنصل")),
    (
        "condemnation",
        _words(
            "ادان",
            "ادانت",
            "يدين",
            "تدين",
            "ادانه",
            "استنكر",
            "استنكرت",
            "يستنكر",
            "استنكار",
            "شجب",
            "شجبت",
            "يشجب",
            "ندد",
            "نددت",
            "يندد",
            "تندد",
            "تنديد",
            "اعرب",
            "اعربت",
            "ابدى",
            "ابدت",
            "قلق",
            "قلقا",
            "قلقه",
        ),
    ),
    (
        "diplomacy",
        _words(
            "بحث",
            "بحثت",
            "يبحث",
            "تبحث",
            "لبحث",
            "مباحثات",
            "محادثات",
            "مفاوضات",
            "اتصال هاتفي",
            "اتصالا هاتفيا",
            "اتصالات هاتفيه",
            "تشاور",
            "مشاورات",
            "قمه",
            "الوساطه",
            "وساطه",
            "مبادره",
            "تناول",
            "استعرض",
            "ناقش",
            "مناقشه",
        ),
    ),
    (
        "legal",
        _words(
            "بتهمه",
            "بتهم",
            "محاكمه",
            "يحاكم",
            "تحاكم",
            "المحكمه",
            "محكمه",
            "حكم",
            "حكمت",
            "الحكم",
            "القضاء",
            "اتهم",
            "اتهمت",
            "يتهم",
            "تتهم",
            "اتهام",
            "اتهامات",
            "متهم",
            "متهمين",
            "ملفات",
            "التحقيق في",
            "ملف",
        ),
    ),
    (
        "blame",
        _words(
            "تقف وراء",
            "يقف وراء",
            "وقوفه وراء",
            "المسؤوليه عن",
            "مسؤوليته عن",
            "مسؤوليتها عن",
            "مسؤوليتهم عن",
            "تبنى",
            "تبنت",
            "يشتبه",
            "المشتبه",
            "يعتقد",
            "صله ب",
            "علاقه ب",
            "المتورطين",
            "متورط",
            "ضالعون",
            "ضالع",
        ),
    ),
    (
        "history",
        r"(?<!منذ\s)(?<![\p{L}])(?:في|خلال)?\s*(?:ال)?(?:عام|عامي|سنه)\s+(?:19|20)\d\d|"
        + _words(
            "ذكرى",
            "الذكرى",
            "ذكري",
            "احياء",
            "يحيي",
            "تحيي",
            "في مثل هذا اليوم",
            "تاريخ",
            "تاريخيا",
            "الماضي البعيد",
        ),
    ),
    (
        "conditional",
        _words("اذا", "لو", "في حال", "في حاله", "ما لم", "كلما", "ان لم", "حتى لا", "لئلا", "لكي", "كي"),
    ),
    (
        "habitual",
        _words(
            "يتعرض",
            "تتعرض",
            "يتعرضون",
            "يوميا",
            "باستمرار",
            "عاده",
            "كثيرا ما",
            "غالبا ما",
            "احيانا",
            "دائما",
            "بين حين واخر",
        ),
    ),
    ("state", _words("تحت نار", "تحت القصف", "تحت وطاه", "تعيش تحت")),
    ("reason", _words("ردا على", "رد على", "انتقاما", "على خلفيه", "بهدف", "لمنع", "لردع")),
    ("foiled", _words("احبط", "احبطت", "احباط", "افشل", "افشلت", "افشال", "منع", "منعت")),
)

# Negation particles: they govern only the next word or two.
_NEG = regex.compile(_B + r"[وف]?(?:لم|لن|لا|ما|ليس|ليست|دون|بدون|غير|عدم)" + _E)

# Domains where "هجوم", "ضربة", "قذيفة" or "إصابة" are not violence (checked on the sentence).
_DOMAINS: tuple[tuple[str, str], ...] = (
    (
        "sport",
        _words(
            "مباراه",
            "مباريات",
            "المباراه",
            "الدوري",
            "المنتخب",
            "لاعب",
            "لاعبين",
            "اللاعبين",
            "اللاعب",
            "هدفين",
            "بهدفين",
            "الشوط",
            "ركله",
            "ضربه جزاء",
            "ركلات",
            "الملعب",
            "ملعب",
            "كره القدم",
            "نادي",
            "النادي",
            "بطوله",
            "البطوله",
            "مدرب",
            "المدرب",
            "شباك",
            "تعادل",
            "فوز",
            "فوزا",
            "الكاس",
            "المركز الثالث",
            "الموسم",
            "ديربي",
            "الزمالك",
            "الشوط الاول",
            "ركله جزاء",
            "المنافس",
            "غريمه",
        ),
    ),
    (
        "economy",
        _words(
            "اسعار",
            "سعر",
            "البورصه",
            "بورصه",
            "الدولار",
            "دولار",
            "الاسهم",
            "اسهم",
            "النفط",
            "خام",
            "برنت",
            "العملات",
            "التضخم",
            "الذهب",
            "الاسواق الماليه",
            "المؤشر",
            "الليره",
            "اليورو",
            "الاستثمار",
            "الاقتصاد",
            "الاقتصادي",
            "العقود الاجله",
            "للبرميل",
        ),
    ),
    (
        "politics",
        _words(
            "الانتخابات",
            "انتخابات",
            "الاقتراع",
            "صناديق",
            "المرشح",
            "المرشحين",
            "الناخبين",
            "التصويت",
            "البرلمان",
            "مجلس النواب",
            "حمله انتخابيه",
        ),
    ),
    (
        "culture",
        _words(
            "معرض",
            "المعرض",
            "مهرجان",
            "المهرجان",
            "فيلم",
            "مسلسل",
            "رواية",
            "روايه",
            "الكتاب",
            "مسرحيه",
            "حفل",
            "الفنان",
            "الفنانه",
            "قصيده",
            "الشاعر",
            "الدوره",
        ),
    ),
    (
        "verbal",
        _words(
            "انتقاد",
            "انتقادات",
            "انتقد",
            "انتقدت",
            "تصريحات",
            "اعلامي",
            "اعلاميه",
            "كلامي",
            "كلاميه",
            "لاذع",
            "لاذعا",
            "حاد",
            "حادا",
            "هجوما حادا",
            "هجوما لاذعا",
            "هجوما عنيفا على",
            "شديدا",
            "شديد اللهجه",
            "كاسح",
            "كاسحا",
            "انتقادات شديده",
            "وصف",
            "وصفت",
        ),
    ),
    (
        "opinion",
        _words(
            "انا",
            "نحن",
            "اقول",
            "اعتقد",
            "ارى",
            "نرى",
            "اجد",
            "للاسف",
            "اتمنى",
            "يتمنى",
            "نتمنى",
            "مقال",
            "المقال",
            "الكاتب",
        ),
    ),
    (
        "accident",
        _words(
            "حادث سير",
            "حادث مروري",
            "حوادث السير",
            "تصادم",
            "اصطدام",
            "انقلاب سياره",
            "غرق",
            "غرقا",
            "زلزال",
            "الزلزال",
            "فيضان",
            "فيضانات",
            "سيول",
            "عاصفه",
            "صاعقه",
            "تسمم",
            "كورونا",
            "فيروس",
            "وباء",
            "انفجار غاز",
            "تسرب غاز",
            "اسطوانه غاز",
            "ماس كهربائي",
            "انهيار",
            "انهيار مبنى",
            "الطقس",
            "الامطار",
            "منخفض جوي",
        ),
    ),
)


@lru_cache(maxsize=1)
def _compiled_before() -> tuple[tuple[str, regex.Pattern], ...]:
    return tuple((r, regex.compile(fold_pattern(p))) for r, p in _BEFORE)


@lru_cache(maxsize=1)
def _compiled_domains() -> tuple[tuple[str, regex.Pattern], ...]:
    return tuple((r, regex.compile(fold_pattern(p))) for r, p in _DOMAINS)


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
    return {name for name, pat in _compiled_domains() if pat.search(view_text)}


def domain_hits(view_text: str, name: str) -> int:
    for n, pat in _compiled_domains():
        if n == name:
            return len({m.group() for m in pat.finditer(view_text)})
    return 0


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
        if prefix.lstrip("وف").startswith("س") and len(prefix.lstrip("وف")) >= 2:
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
    for reason, pat in _compiled_before():
        if reason in ("condemnation", "diplomacy", "legal", "history", "call", "threat", "plan", "blame"):
            scope = sentence_before
        else:
            scope = clause
        if pat.search(scope):
            return reason
    return None
