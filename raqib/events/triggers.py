"""Trigger lexicons: the words that report an event, a weapon, a target or a casualty.

Every pattern is written in the folded form of ``raqib.text.normalize`` (أ/إ/آ -> ا, ى/ئ -> ي,
ة -> ه, ؤ -> و, no diacritics) and matched on ``doc.view.text``. A cue is one match with its
class; classes are either *actions* (they can carry an event on their own: غارة، اشتباكات،
سيطرت، تظاهر) or *support* (a weapon, a victim, a target, a casualty word) that only refines or
confirms an action. Lexicons were written from ACLED's codebook definitions and Arabic wire
style (SANA, SOHR, AFP/Reuters Arabic); the dev sets were used only to find missing classes.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import NamedTuple

import regex

# Proclitics (و/ف, then ب/ل/ك/س, then the article) that may precede any stem.
_PREFIX = r"(?<![\p{L}\p{N}])(?:[وف]?(?:[بلك]?ال|لل|[بلكس])?)"
# Endings we accept after a stem: pronouns, plural/dual/feminine markers.
_SUFFIX = r"(?:هما|كما|هم|هن|ها|نا|ه|ي|ا|ات|ان|ين|ون|وا|ت|تا|تين|تان)?(?![\p{L}\p{N}])"

# (class, form, stem regex). Classes ending in "!" are actions strong enough to stand alone;
# the others need support (see classify.py). Form "v" marks a finite verb (قصفت، اغتالوا): it
# asserts an occurrence; "n" a noun (قصف، اغتيال), which may only name an event reported
# elsewhere ("بعد اغتيال الحريري") and so needs an anchor (a casualty, a time, an occurrence verb).
_LEXICON: tuple[tuple[str, str, str], ...] = (
    # --- air / drone strikes -------------------------------------------------------------
    ("air!", "n", r"غار(?:ه|ات|تين|تان)"),
    ("air!", "v", r"اغار(?:ت|وا)?|شن(?:ت|وا)?\s+(?:ال)?(?:طيران|طائرات|طايرات|مقاتلات)"),
    ("air!", "n", r"(?:قصف|ضرب|ضربه|ضربات|هجوم|هجمات|قصفا|ضربتين)\s+(?:ال)?جوي(?:ه|ا|تين)?"),
    (
        "air",
        "n",
        r"(?:طيران|طائره|طايره|طائرات|طايرات|مقاتله|مقاتلات|مروحي(?:ه|ات)?|مسيرات|درون|سلاح\s+الجو)",
    ),
    (
        "air",
        "n",
        r"(?:طائره|طايره)\s+مسيره|مسيره\s+(?:اسرائيليه|تركيه|امريكيه|اميركيه|روسيه|مسلحه|انتحاريه|حربيه)",
    ),
    ("air", "n", r"(?:براميل|برميل)\s+(?:ال)?متفجر(?:ه)?|(?:ال)?براميل"),
    # --- shelling / artillery / missiles -------------------------------------------------
    ("art", "n", r"قذيف(?:ه|تين|تان)|قذائف|هاون|هاونات|مدفعي(?:ه)?|مدافع|راجم(?:ه|ات)|دبابه|دبابات"),
    ("art", "n", r"صاروخ(?:ي|يه)?|صواريخ|كاتيوشا|غراد|صاروخا|صاروخين|باليستي(?:ه)?"),
    # --- explosives ----------------------------------------------------------------------
    (
        "ied",
        "n",
        r"عبو(?:ه|ات|تين)\s+ناسف(?:ه)?|عبو(?:ه|ات|تين)|ناسف(?:ه)?|لغم|الغام|ملغوم(?:ه)?|مفخخ(?:ه|ات|تين)?|قنبل(?:ه|تين)|قنابل",
    ),
    ("explode!", "n", r"تفجير(?:ات|ين)?|انفجار(?:ات|ين)?|تفجيري(?:ه|ن)?"),
    ("explodeverb", "v", r"انفجر(?:ت)?|تنفجر|ينفجر|فجروا|فجرت|يفجر|تفجر"),
    ("suicide!", "n", r"انتحاري(?:ه|ون|ين|ا|تين|ان)?|استشهادي(?:ه)?|(?:حزام|احزمه)\s+ناسف(?:ه)?"),
    ("suicide!", "v", r"فجر(?:ت)?\s+نفس(?:ه|ها)"),
    ("chem!", "n", r"كيماوي(?:ه)?|كيميايي(?:ه)?|كيميائي(?:ه)?|السارين|غاز\s+الكلور|غازات\s+سامه|بالكلور"),
    ("grenade", "n", r"(?:قنبل(?:ه|تين)|قنابل)\s+يدوي(?:ه|تين)?"),
    # --- generic strike / attack actions -------------------------------------------------
    ("strike!", "v", r"قصف(?:ت|وا)|يقصف|تقصف|دك(?:ت|وا)"),
    ("strike!", "n", r"قصف|القصف|قصفا"),
    # "ضربت حراسة مشددة / طوقا": an idiom (to set up), not a blow.
    (
        "target",
        "v",
        r"استهدف(?:ت|وا)?|يستهدف|تستهدف|طال(?:ت)?"
        r"|ضرب(?:ت|وا)(?!\p{L}*\s+(?:(?:ال)?\p{L}+\s+)?(?:حراسه|طوق|طوقا|حصار|حصارا|موعدا|مثالا|مثلا|عرض|رقما))",
    ),
    ("target", "n", r"استهداف|مستهدف(?:ا|ه)?|ضرب(?:ه|ات|تين)"),
    # "أطلق سراح" is a release (the subject may come between: "أطلق خاطفون أمس سراح طفلة");
    # "أطلق (الجيش على العملية) اسم" a naming.
    (
        "launch",
        "v",
        r"اطلق(?:ت|وا)?(?!(?:\s+\S+){0,7}?\s+(?:ال)?سراح)(?!\p{L}*(?:\s+\S+){0,4}?\s+اسم)|سقط(?:ت)?|اصاب(?:ت)?",
    ),
    ("launch", "n", r"اطلاق(?!\s+(?:ال)?سراح)(?!\p{L}*(?:\s+\S+){0,4}?\s+اسم)|سقوط"),
    ("attack", "v", r"هاجم(?:ت|وا)?|يهاجم|تهاجم|اعتدى|اعتدت|اعتدوا"),
    ("attack", "n", r"هجوم(?:ا)?|هجمات|هجومي(?:ه|ن)?|اعتداء(?:ات)?|الاعتداءات"),
    (
        "gun",
        "n",
        r"(?:اطلاق|اطلق(?:ت|وا)?|فتح(?:ت|وا)?)\s+(?:ال)?نار|برصاص|رصاص|الرصاص|بنيران|نيران|قنص|قناص(?:ه)?|اعيره\s+ناريه|رشاش(?:ات|ه)?|اسلحه\s+(?:خفيفه|رشاشه|ناريه)",
    ),
    # --- battles ---------------------------------------------------------------------------
    ("battle!", "v", r"اشتبك(?:ت|وا)?|تصد(?:ت|ى)|اقتحم(?:ت|وا)?|تبادل(?:ا|وا)?\s+(?:ل)?اطلاق\s+(?:ال)?نار"),
    ("battle!", "n", r"اشتباك(?:ات|ين)?|معارك|معركه|مواجهات|اقتتال|كمين|تبادل\s+(?:ل)?اطلاق\s+(?:ال)?نار"),
    (
        "territory!",
        "v",
        # "سيطره" is the noun (the verb سيطر is intransitive and takes no object pronoun).
        r"سيطر(?:ت|وا)?(?!ه)|(?:بسط|احكم|فرض)(?:ت|وا)?\s+(?:ال)?سيطر(?:ه|ت)|استعاد(?:ت|وا)?|استرجع(?:ت|وا)?",
    ),
    # "عادت قوات النظام لتسيطر على": a present verb after عاد ل reports a new takeover.
    ("territory!", "v", r"(?<=(?:عاد|عادت|عادوا)\s+(?:\S+\s+){0,3}?ل)(?:ت|ي)سيطر"),
    ("territory!", "n", r"سيطرت(?:ه|ها|هم)|استعاده|استعادت(?:ه|ها)|استرجاع"),
    ("territory!", "v", r"(?:اعاد|اعادت|تعيد|يعيد)\s+(?:\S+\s+){0,5}?(?:ال)?امن\s+و(?:ال)?استقرار"),
    ("territory!", "n", r"اعاده\s+(?:ال)?امن\s+و(?:ال)?استقرار"),
    ("territory!", "v", r"حرر(?:ت|وا)?|طرد(?:ت|وا)|انتزع(?:ت|وا)?|دخل(?:ت)?\s+(?:قوات|الجيش|وحدات|عناصر)"),
    # --- violence against civilians --------------------------------------------------------
    ("kill!", "v", r"اغتال(?:ت|وا)?|اغتيل(?:ت)?|اعدم(?:ت|وا)|ذبح(?:ت|وا)|طعن(?:ت|وا)"),
    ("kill!", "n", r"اغتيال|اعدام|تصفي(?:ه)(?!\s+(?:ال)?حساب)|مجزر(?:ه)|مجازر|مذبح(?:ه)|ذبح|طعن"),
    ("killverb", "v", r"(?<=من\s)قتل|قتل(?:ت|وا)|قتلو(?=ه|هم|ها)|قتلت(?:ه|ها|هم)"),
    ("abduct!", "v", r"اختطف(?:ت|وا)?|خطف(?:ت|وا)"),
    # "الرهائن" alone is mostly a release or negotiation story; the taking of hostages is the event.
    (
        "abduct!",
        "n",
        r"اختطاف|خطف|مخطوف(?:ين|ون)?|(?:اخفاء|اختفاء)\s+قسري|(?:احتجاز|اخذ|احتجز(?:وا|ت)?|اخذ(?:وا|ت)?)\s+(?:ال)?رهائن",
    ),
    ("sexual!", "v", r"اغتصب(?:ت|وا)?"),
    ("sexual!", "n", r"اغتصاب|(?:اعتداء|اعتداءات|عنف)\s+جنسي(?:ه)?|تحرش\s+جنسي"),
    # --- casualties and victims (support) --------------------------------------------------
    (
        "casualty",
        "n",
        r"قتل|مقتل|قتلى|قتيل(?:ا|ين|ان)?|استشهاد|استشهد(?:ت|وا)?|شهيد(?:ا|ين|ان)?|شهداء|مصرع|حتف(?:هم|ه)?|اصيب(?:ت|وا)?|اصابه|اصابات|جرح(?:ت|وا|ى)?|جريح(?:ا)?|ضحايا|ضحيه|جثث|جثه",
    ),
    (
        "civ",
        "n",
        r"مدني(?:ا|ين|ون|ه)?|اطفال|طفل(?:ا|ين|ه|تين)?|نساء|امراه|سيده|سيدات|مواطن(?:ا|ين|ون)?|سكان|الاهالي|اهالي|مصلين|المصلين|مسجد|كنيسه|سوق(?:ا)?|منزل(?:ا)?|منازل|مدرسه|مستشفى|مشفى|مخيم|سكني(?:ه)?|عائله|صيادين|مزارع(?:ين)?|ركاب|حافله|نازح(?:ين|ون)?|طلاب",
    ),
    # ("الجيش" is left out: it names the actor far more often than the target, and the actor
    # patterns of classify.py find it.)
    (
        "mil",
        "n",
        r"جندي(?:ا|ين)?|جنود|عنصر(?:ا|ين)?|عناصر|ضابط(?:ا)?|ضباط|شرطي(?:ا|ين)?|الشرطه|شرطه|دوري(?:ه|ات|تين)|حاجز(?:ا)?|نقط(?:ه|ه)\s+تفتيش|ثكن(?:ه|ات)|معسكر(?:ا)?|رتل(?:ا)?|مقر(?:ا)?|مواقع|موقع(?:ا)?\s+عسكري|اليات|اليه|مسلح(?:ا|ين|ون)?|مقاتل(?:ا|ين|ون)|المقاتلين|متمرد(?:ين|ون)|ارهابي(?:ين|ون)|الارهابيين|قوات|قوه\s+امنيه|مدرع(?:ه|ات)|مجند(?:ين)?|عسكري(?:ا|ين|ون)",
    ),
    # --- demonstrations --------------------------------------------------------------------
    (
        "protest!",
        "v",
        r"تظاهر(?:وا|ت)?|احتج(?:وا|ت)?|اعتصم(?:وا)?|احتشد(?:وا|ت)?|تجمهر(?:وا)?|اضرب(?:وا)\s+عن"
        r"|(?:ي|ت)تظاهر(?:ون)?|(?:ي|ت)حتج(?:ون)?|(?:ي|ت)عتصم(?:ون)?"
        # A crowd gathering ("تجمع مئات أمام ..."), not people displaced or a camp.
        r"|(?:تجمع|تجمهر)(?:وا|ت)?(?=\s+(?:\p{L}+\s+)?(?:مئات|الاف|الالاف|عشرات|العشرات|المئات|حشود|نحو|حوالي|\d))"
        r"(?!\s+(?:\p{L}+\s+){0,3}?(?:ال)?(?:نازح|لاجي|مهجر))"
        # Self-immolation in protest (ACLED codes it as a protest).
        r"|(?:احرق|اضرم\s+(?:ال)?نار\s+في)\s+(?:\p{L}+\s+){0,2}?نفس(?:ه|ها)",
    ),
    (
        "protest!",
        "n",
        r"(?:احراق|حرق)\s+نفس(?:ه|ها)|تظاهر(?:ه|ات)|مظاهر(?:ه|ات)|احتجاج(?:ات|ا|ي|يه|يا)?|اعتصام(?:ات|ا)?|وقف(?:ه|ات)\s+احتجاجي(?:ه)?|اضراب(?:ا)?|مسير(?:ه|ات)\s+(?:احتجاجي|سلمي|شعبي|حاشد|جماهيري)(?:ه)?|(?:سلسله|سلاسل)\s+بشريه",
    ),
    ("protester", "n", r"متظاهر(?:ون|ين|ا|ات)?|محتج(?:ون|ين)|معتصم(?:ون|ين)|مضرب(?:ون|ين)"),
    (
        "protestact",
        "v",
        r"احتشد(?:وا|ت)?|تجمع(?:وا|ت)?|خرج(?:وا|ت)?|نزل(?:وا|ت)?|ردد(?:وا|ت)?|رفع(?:وا|ت)?|هتف(?:وا|ت)?|يهتفون|رشق(?:وا)?|اضرم(?:وا)?|احرق(?:وا)?|اغلق(?:وا)?|سد(?:وا)?|قطع(?:وا)|ساروا|جابوا|طافوا|نظم(?:وا|ت)?|شارك(?:وا|ت)?|اقتحم(?:وا)?|مرددين|رافعين|حاملين|منددين|مطالبين",
    ),
    (
        "disperse",
        "n",
        r"قذيف(?:ه|ات)\s+(?:ال)?غاز|قذائف\s+(?:ال)?غاز|تفريق|فرق(?:ت)?|لتفريق|فض(?:ت)?|(?:ال)?غاز(?:ات)?\s+(?:ال)?مسيل(?:ه)?\s+للدموع|قنابل\s+(?:ال)?غاز|قنابل\s+(?:ال)?صوت|خراطيم\s+(?:ال)?مياه|مدافع\s+(?:ال)?مياه|(?:ال)?رصاص\s+(?:ال)?مطاطي|هراوات|بالهراوات|قمع(?:ت)?|القمع",
    ),
    ("liveforce", "n", r"(?:ال)?رصاص\s+(?:ال)?حي|(?:ال)?ذخير(?:ه)\s+(?:ال)?حيه|فتح(?:ت)?\s+(?:ال)?نار"),
    (
        "riot!",
        "n",
        # "شرطة مكافحة الشغب" is riot police, not a riot.
        r"(?<!مكافحه\s(?:ال)?)شغب|اعمال\s+عنف|بالحجاره|(?:اضرام|احراق)\s+(?:ال)?(?:نار|نيران|اطارات)"
        r"|حرق\s+(?:ال)?اطارات",
    ),
    (
        "riot!",
        "v",
        r"رشق(?:وا)?|(?:اضرم|احرق)(?:وا|ت)?\s+(?:\S+\s+){0,2}?(?:ال)?(?:نار|نيران|اطارات)",
    ),
    ("mob!", "n", r"حشد\s+غاضب|غوغاء|سحل(?:وا)?"),
    # --- strategic developments -----------------------------------------------------------
    (
        "arrest!",
        "v",
        r"اعتقل(?:ت|وا)?|يعتقل|تعتقل|(?:القت|القى|القوا)\s+(?:ال)?قبض|قبض(?:ت|وا)?\s+على|اوقف(?:ت|وا)|احتجز(?:ت|وا)?|داهم(?:ت|وا)?|اسر(?:ت|وا)",
    ),
    ("arrest!", "n", r"اعتقال(?:ات)?|القاء\s+(?:ال)?قبض|توقيف|احتجاز|دهم|مداهم(?:ه|ات)"),
    (
        "disrupt!",
        "n",
        r"تفكيك|ابطال\s+مفعول|اعتراضي(?:ه)?|(?:احباط|افشال)\s+(?:ال)?(?:هجوم|تفجير|محاول|عمليه|مخطط|هجمات)\S*",
    ),
    (
        "disrupt!",
        "v",
        r"فكك(?:ت|وا)?|(?:احبط(?:ت|وا)?|افشل(?:ت|وا)?)\s+(?:ال)?(?:هجوم|تفجير|محاول|عمليه|مخطط|هجمات)\S*",
    ),
    (
        "disrupt!",
        "v",
        r"(?:اسقاط|اسقط(?:ت|وا)?|اعتراض|اعترض(?:ت|وا)?)\s+(?:\S+\s+){0,2}?(?:ال)?(?:طائر|طاير|مسير|صاروخ|صواريخ|قذيف|درون|مقاتل)\S*",
    ),
    (
        "disrupt!",
        "v",
        r"(?:ضبط(?:ت|وا)?|مصادره|صادر(?:ت|وا)|عالج(?:ت|وا)|تدمير|دمر(?:ت|وا)?)\s+(?:\S+\s+){0,2}?(?:ال)?(?:عبو|الغام|لغم|مخاب|مخازن|مستودع|اوكار|انفاق|نفق|منص|صواريخ|اسلح|متفجر|ذخير|منازل\s+مفخخه)\S*",
    ),
    (
        "loot!",
        "v",
        r"نهب(?:ت|وا)?|سلب(?:ت|وا)?|سرق(?:ت|وا)?|جرف(?:ت|وا)?|هدم(?:ت|وا)?\s+(?:ال)?(?:منازل|منزل|بيوت|مساكن)",
    ),
    ("loot!", "n", r"سطو|تجريف|هدم\s+(?:ال)?(?:منازل|منزل|بيوت|مساكن)"),
    (
        "agree!",
        "v",
        r"(?:وقع(?:ت|وا|ا)?|ابرم(?:ت|وا)?|توصل(?:ت|وا|ا)?)\s+(?:الى\s+)?(?:ال)?(?:اتفاق|اتفاقيه|تسويه|هدنه)",
    ),
    ("agree!", "n", r"(?:توقيع|ابرام|التوصل)\s+(?:الى\s+)?(?:ال)?(?:اتفاق|اتفاقيه|تسويه|هدنه)"),
    ("base!", "v", r"(?:انشا(?:ت)?|اقام(?:ت)?)\s+(?:ال)?(?:قاعده|مقر|نقطه|مركز)\s+(?:ال)?عسكري(?:ه)?"),
    ("base!", "n", r"(?:انشاء|اقامه)\s+(?:ال)?(?:قاعده|مقر|نقطه|مركز)\s+(?:ال)?عسكري(?:ه)?"),
    ("withdraw!", "v", r"انسحب(?:ت|وا)?|سلم(?:ت|وا)?\s+(?:ال)?(?:مواقع|نقاط|مدينه|بلده|مناطق)"),
    ("withdraw!", "n", r"انسحاب|تسليم\s+(?:ال)?(?:مواقع|نقاط|مدينه|بلده|مناطق)"),
    ("groupchange!", "v", r"انشق(?:ت|وا)?|اندمج(?:ت|وا)?"),
    ("groupchange!", "n", r"انشقاق|اندماج|(?:تشكيل|تاسيس)\s+(?:ال)?(?:فصيل|لواء|جيش|تحالف|كتيبه)"),
    # --- humanitarian -------------------------------------------------------------------------
    ("displace!", "v", r"نزح(?:ت|وا)?|ينزح(?:ون)?|فر(?:ت|وا)|يفر(?:ون)|هرب(?:ت|وا)|هجر(?:ت|وا)|شرد(?:ت|وا)"),
    ("displace!", "n", r"نزوح|فرار|تهجير|تشريد|(?:اعداد|عدد)\s+(?:ال)?نازحين"),
    (
        "aid",
        "n",
        r"مساعد(?:ات)\s*(?:ال)?(?:انسانيه|اغاثيه|غذائيه|طبيه)?|قافل(?:ه|تي|تين|تا)|قوافل|(?:ال)?اغاثه|(?:ال)?مواد\s+(?:ال)?(?:غذائيه|غذاييه)|(?:ال)?مستلزمات\s+(?:ال)?طبيه|(?:ال)?غذاء|(?:ال)?طعام|(?:ال)?دواء|(?:ال)?ادويه|سلال\s+(?:غذائيه|غذاييه)",
    ),
    (
        "aidblock",
        "v",
        r"منع(?:ت|وا)?|تمنع|يمنع|لم\s+(?:ت|ي)تمكن|لن\s+تمضي|تعذر|عرقل(?:ت|وا|ه)?|يعرقل|حال(?:ت)?\s+دون|رفض(?:ت|وا)?\s+(?:ادخال|دخول)|اوقف(?:ت)?|تعليق|علق(?:ت)|غير\s+قادر(?:ه)?",
    ),
    (
        "aiddeliver",
        "v",
        r"دخول|دخلت|دخل|وصول|وصلت|وصل|ادخال|ادخلت|ايصال|توزيع|وزع(?:ت|وا)|قدم(?:ت)|ارسال|ارسلت|عبرت|عبور|تسليم|سلمت",
    ),
    (
        "evac!",
        "n",
        r"اجلاء|اخلاء|(?:ال)?دفع(?:ه)\s+(?:ال)?(?:اولى|ثانيه|ثالثه|رابعه|خامسه|سادسه|سابعه|ثامنه|تاسعه|عاشره|اخيره|جديده)|مهجري|المهجرين",
    ),
    ("evac!", "v", r"اجلي(?:ت)?|اجلت|اجلوا|اخلت|اخلوا"),
    ("siege!", "n", r"حصار(?:ا)?|محاصره\s+(?:ال)?(?:مدينه|بلده|مخيم|حي|منطقه)"),
    ("siege!", "v", r"يحاصر|تحاصر|حاصر(?:ت|وا)?"),
)


@dataclass(frozen=True)
class Cue:
    """One lexicon match in the view: its class, view offsets and matched view text."""

    cls: str
    start: int
    end: int
    text: str
    form: str = "n"

    @property
    def strong(self) -> bool:
        return self.cls.endswith("!")

    @property
    def kind(self) -> str:
        return self.cls.rstrip("!")


_FOLD_PATTERN = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا", "ى": "ي", "ئ": "ي", "ؤ": "و", "ة": "ه"})


def fold_pattern(pattern: str) -> str:
    """A regex written with ordinary Arabic spelling, folded like the view (أ -> ا, ة -> ه...)."""
    return pattern.translate(_FOLD_PATTERN)


def _split_alternatives(pat: str) -> list[str]:
    """Top-level alternatives of a regex string."""
    out, depth, cur, i = [], 0, [], 0
    while i < len(pat):
        ch = pat[i]
        if ch == "\\":
            cur.append(pat[i : i + 2])
            i += 2
            continue
        depth += ch == "("
        depth -= ch == ")"
        if ch == "|" and depth == 0:
            out.append("".join(cur))
            cur = []
        else:
            cur.append(ch)
        i += 1
    out.append("".join(cur))
    return out


def _group_end(pat: str, i: int) -> int:
    depth = 0
    while i < len(pat):
        if pat[i] == "\\":
            i += 2
            continue
        depth += pat[i] == "("
        depth -= pat[i] == ")"
        if depth == 0:
            return i
        i += 1
    return len(pat)


def _literal_heads(pat: str, n: int) -> set[str]:
    """Literal beginnings (up to ``n`` letters) of which every match of ``pat`` starts with one;
    shorter where the pattern stops being literal ("" when it cannot tell)."""
    out: set[str] = set()
    for alt in _split_alternatives(pat):
        out |= _alt_literal(alt, "", n)
    return out


def _alt_literal(alt: str, got: str, n: int) -> set[str]:
    i = 0
    while len(got) < n and i < len(alt):
        if alt.startswith(("(?<=", "(?<!"), i):  # a lookbehind consumes nothing here
            i = _group_end(alt, i) + 1
            continue
        ch = alt[i]
        if ch == "(" and not alt.startswith(("(?=", "(?!"), i):
            j = _group_end(alt, i)
            inner = alt[i + 3 : j] if alt.startswith("(?:", i) else alt[i + 1 : j]
            rest = alt[j + 1 :]
            quant = rest[:1]
            if quant in ("*", "{", "+") or rest.startswith("??"):
                return {got}
            out: set[str] = set()
            if quant == "?":
                rest = rest[1:]
                out |= _alt_literal(rest, got, n)
            for sub in _split_alternatives(inner):
                out |= _alt_literal(sub + rest, got, n)
            return out
        if ch in "\\[](){}.^$*+?|":
            return {got}
        nxt = alt[i + 1 : i + 2]
        if nxt == "?":
            return _alt_literal(alt[i + 2 :], got + ch, n) | _alt_literal(alt[i + 2 :], got, n)
        if nxt in ("*", "{"):
            return {got}
        if nxt == "+":
            return {got + ch}
        got += ch
        i += 1
    return {got}


_WORD = regex.compile(r"[\p{L}\p{N}]+")
# Folded spelling (على -> علي, الى -> الي) as in the view.
_PREP_BEFORE = regex.compile(
    r"(?<![\p{L}])(?:بعد|قبل|عقب|اثر|في|من|علي|الي|عن|مع|خلال|حول|اثناء|جراء|لدي|منذ)\s+[وفبلك]?$|(?<![\p{L}])[بل]$"
)


def _drop_lookbehinds(pat: str) -> str:
    """``pat`` without its positive lookbehinds: they look at the words before, which the
    per-word filter below does not see (dropping one only widens what the pattern accepts)."""
    out, i = [], 0
    while i < len(pat):
        if pat[i] == "\\":
            out.append(pat[i : i + 2])
            i += 2
        elif pat.startswith("(?<=", i):
            i = _group_end(pat, i) + 1
        else:
            out.append(pat[i])
            i += 1
    return "".join(out)


# One lexicon entry compiled: class, form, the pattern matched in context, the filter matched
# on one word alone (the same pattern less its positive lookbehinds), and whether the pattern
# reads beyond the word it starts at (a space, a lookaround): if not, its match at a word is
# decided by the word alone and is cached with the word.
_Entry = tuple[str, str, regex.Pattern, regex.Pattern, bool]
_CONTEXT = regex.compile(r"\\[sSdDwWb]|\(\?<?[=!]|\.|\[\^")


class _Lexicon(NamedTuple):
    """The compiled lexicon, in lexicon order, and its index by literal beginnings of stems."""

    entries: list[_Entry]
    by_literal: dict[str, set[int]]  # entry numbers by each literal beginning (1-4 letters)
    no_literal: set[int]  # entries whose stem has no literal beginning (tried at every word)


# What ``_PREFIX`` can strip from a word: و/ف, then the article or a preposition.
_PREFIXES = frozenset(
    a + b for a in ("", "و", "ف") for b in ("", "بال", "لال", "كال", "ال", "لل", "ب", "ل", "ك", "س")
)
_LITERAL = 4


@lru_cache(maxsize=1)
def _compiled() -> _Lexicon:
    """Patterns compiled and indexed."""
    lex = _Lexicon([], {}, set())
    for n, (cls, form, pat) in enumerate(_LEXICON):
        folded = fold_pattern(pat)
        lex.entries.append(
            (
                cls,
                form,
                regex.compile(_PREFIX + "(" + folded + ")" + _SUFFIX),
                regex.compile(_PREFIX + "(" + _drop_lookbehinds(folded) + ")" + _SUFFIX),
                bool(_CONTEXT.search(folded)),
            )
        )
        literal = _literal_heads(_drop_lookbehinds(folded), _LITERAL)
        if "" in literal:
            lex.no_literal.add(n)
        for h in literal - {""}:
            lex.by_literal.setdefault(h, set()).add(n)
    return lex


@lru_cache(maxsize=1 << 18)
def _candidates(word: str) -> tuple[tuple[str, str, regex.Pattern, bool, int, int], ...]:
    """What the lexicon can match at the start of ``word`` (a whole view token), in lexicon order
    (the first match of a class and form at a position is kept).

    A match in context reads the whole word before anything after it: after one of its
    proclitics, the word must begin with a literal beginning of the pattern, and the pattern
    must at least partially match the word alone (regex ``partial=True``: the word may be the
    beginning of a match). A pattern that cannot read beyond the word is decided here (flagged,
    with the offsets of its stem in the word); the others are matched in context. Most words
    pass no pattern and, cached, cost one look-up: trying every pattern at every word of a
    3 KB article costs ~10 ms, this ~0.2 ms.
    """
    lex = _compiled()
    possible: set[int] = set(lex.no_literal)
    for k in range(min(len(word), 4) + 1):
        if word[:k] in _PREFIXES:
            stem = word[k : k + _LITERAL]
            for key in (stem, stem[:3], stem[:2], stem[:1]):
                ids = lex.by_literal.get(key)
                if ids:
                    possible |= ids
    out = []
    for n in sorted(possible):
        cls, form, pat, alone, context = lex.entries[n]
        m = alone.match(word, partial=True)
        if m is None:
            continue
        if context:
            out.append((cls, form, pat, False, 0, 0))
        elif not m.partial:
            out.append((cls, form, pat, True, m.start(1), m.end()))
    return tuple(out)


_WORD_CHAR = regex.compile(r"[\p{L}\p{N}]")


@lru_cache(maxsize=4096)
def _is_word_char(ch: str) -> bool:
    """Is ``ch`` a letter or digit as ``_WORD`` reads them (``str.isalnum`` follows an older
    Unicode table than ``regex``)?"""
    return bool(_WORD_CHAR.match(ch))


@lru_cache(maxsize=8)
def words_of(text: str) -> frozenset[str]:
    """The distinct tokens of ``text`` (cached: several steps read the same article view)."""
    return frozenset(_WORD.findall(text))


def word_starts(text: str, words, start: int = 0, end: int | None = None) -> list[tuple[int, str]]:
    """(offset, word) of each whole token of ``text[start:end]`` that is in ``words``, in text order."""
    end = len(text) if end is None else end
    out = []
    for word in words:
        n = len(word)
        p = text.find(word, start, end)
        while p >= 0:
            # A whole token, as ``_WORD`` cuts them: no letter or digit on either side.
            if (p == start or not _is_word_char(text[p - 1])) and (
                p + n == end or not _is_word_char(text[p + n])
            ):
                out.append((p, word))
            p = text.find(word, p + 1, end)
    out.sort()
    return out


def _word_hits(view: str, start: int, end: int) -> list[tuple[int, tuple]]:
    """(start, candidates) of every word of ``view[start:end]`` that some pattern may match, in
    text order. Distinct words are looked up once; only those with candidates are located."""
    words = words_of(view) if start == 0 and end == len(view) else set(_WORD.findall(view, start, end))
    hits = {w: c for w in words if (c := _candidates(w))}
    if not hits:
        return []
    return [(p, hits[w]) for p, w in word_starts(view, hits, start, end)]


def find_cues(view: str, start: int = 0, end: int | None = None) -> list[Cue]:
    """Every cue in ``view[start:end]``, sorted by position; a cue's span excludes its proclitics."""
    end = len(view) if end is None else end
    out: list[Cue] = []
    seen: set[tuple[str, str, int]] = set()
    for ws, cands in _word_hits(view, start, end):
        # Offsets decided on the word alone hold where the word is whole (a word cut by
        # ``start`` is matched in context like the rest).
        whole = ws > start or ws == 0 or not _is_word_char(view[ws - 1])
        for cls, form, pat, fixed, a, b in cands:
            if fixed and whole:
                a, b = ws + a, ws + b
            else:
                m = pat.match(view, ws, end)
                if m is None:
                    continue
                a, b = m.start(1), m.end()
            if (cls, form, a) not in seen:
                seen.add((cls, form, a))
                out.append(Cue(cls, a, b, view[a:b], form))
    # A stem read both as a verb and as a noun (قصفت = قصف + ت) is the verb, except after a
    # preposition: the folded "استعاده" after "بعد" is the noun استعادة, not استعاد + ه.
    both = {(c.cls, c.start, c.end) for c in out if c.form == "v"} & {
        (c.cls, c.start, c.end) for c in out if c.form == "n"
    }
    out = [
        c
        for c in out
        if (c.cls, c.start, c.end) not in both
        or (c.form == "n") == bool(_PREP_BEFORE.search(view, max(0, c.start - 12), c.start))
    ]
    out.sort(key=lambda c: (c.start, -c.end))
    return out
