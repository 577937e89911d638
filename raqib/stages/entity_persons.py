"""Persons found from context: a title or role followed by a name, or a known given name.

"وزير البيئة اللبناني ناصر ياسين": a title (وزير), its complement (البيئة اللبناني: definite
words, nisba adjectives, organisation names, construct nouns like حكومة/مكتب), then 1-4 name
tokens that stop at function words, verbs, days, nisba adjectives and punctuation. Without a
title, a name needs a frequent given name (names.tsv, G) followed by a known name unit:
"أيمن حفني". A later surname alone ("ياسين") links to the same person.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass
from functools import cache

from raqib.kb.actors import ActorDictionary
from raqib.model.doc import Doc
from raqib.stages.entity_match import PLACE_HEADS
from raqib.text.normalize import normalize_str
from raqib.text.tokenize import Token


def _words(text: str) -> tuple[str, ...]:
    return tuple(text.split())


# Titles and roles before a name ("+" joins the words of a multiword title).
_TITLES = _words("""
الرئيس رئيس رئيسة الرئيسة الملك العاهل الأمير الأميرة ولي+العهد الشيخ الشيخة السلطان الأمين+العام أمين+عام
وزير وزيرة الوزير الوزيرة نائب النائب النائبة المتحدث المتحدثة متحدث متحدثة الناطق الناطقة ناطق المبعوث المبعوثة
مبعوث السفير السفيرة سفير القائد قائد العقيد اللواء العميد العماد الفريق المقدم الرائد النقيب الملازم المشير
الجنرال الأدميرال الدكتور الدكتورة د المهندس المهندسة المحامي المحامية الصحفي الصحافي الصحفية الصحافية
الناشط الناشطة ناشط الإعلامي الإعلامية المراسل مراسل مراسلة المراسلة الكاتب الكاتبة الشاعر الشاعرة
الطبيب الطبيبة المدرب اللاعب لاعب مدير المدير مديرة المديرة مسؤول المسؤول المسؤولة مستشار المستشار المستشارة
محافظ المحافظ عضو العضو زعيم الزعيم المفوض المفوضة المنسق منسق المنسقة المقرر المقررة مساعد مساعدة وكيل
الوكيل القاضي القاضية المرشد آية+الله المطران البطريرك البابا الحاخام الإمام المفتي العلامة السيد السيدة
الأستاذ الأستاذة الباحث الباحثة المحلل الخبير الخبيرة نظيره نظيرته نظيريه نظيرها نظراءه السيناتور الطفل
الطفلة الشاب الشابة الشهيد الشهيدة المعتقل المعتقلة المواطن المواطنة الحاج الحاجة المصور الشيخ قائد
رئيسا رئيس+الوزراء رئيس+الحكومة رئيس+الجمهورية رئيسة+الوزراء السكرتير السكرتيرة الأمينة+العامة الحارس
حارس المهاجم المطرب الفنان الفنانة الممثل الممثلة المخرج المخرجة
""")

# Words that continue a title's complement rather than start a name ("رئيس حكومة تصريف
# الأعمال", "المتحدث باسم مكتب").
_COMPLEMENT = _words("""
باسم حكومة حكومه مجلس وزارة هيئة لجنة مكتب منظمة جمعية مركز إدارة مديرية قيادة جهاز دائرة بلدية محافظة
مجموعة شركة تصريف حزب حركة جبهة تنظيم قسم فرع مؤسسة جامعة كلية مستشفى أركان شؤون بعثة فريق وفد لجنه
غرفة وحدة اتحاد نقابة رابطة تجمع تحالف كتلة ائتلاف قوات جيش فصيل لواء فرقة كتيبة شرطة أمن الأمم منطقة
دولة ولاية إقليم مدينة بلدة قرية مخيم في لدى لشؤون عن من أطباء منسقية سلطة صندوق برنامج وكالة مفوضية
""")

# Function words, common verbs and time words that end (or rule out) a name.
_STOP = _words("""
في من على إلى الى عن مع إن أن ان لا لم لن قد ما هذا هذه ذلك تلك الذي التي الذين اللذين كان كانت يكون
قال قالت أكد أكدت أعلن أعلنت أوضح أوضحت أشار أشارت أضاف أضافت ذكر ذكرت بحث بحثت التقى استقبل يوم أمس
اليوم غدا عند بعد قبل خلال حول ضد منذ حتى عبر لدى بين كل بعض غير نحو أيضا حيث كما لكن ثم أو بل إلا إذ
إذا لو هو هي هم نحن أنه إنه أنها إنها وقد قائلا فيما بينما وذلك الأحد الاثنين الإثنين الثلاثاء الأربعاء
الخميس الجمعة السبت أحد اثنين ثلاثاء أربعاء خميس جمعة سبت صباح مساء ليل ليلة فجر ظهر عصر الماضي الجاري
المقبل الحالي السابق الأسبق الأول الثاني الثالث إنه تصريح تصريحات بيان مؤتمر اتصال اتصالا هاتفيا
هاتفي زيارة لقاء خطاب كلمة رسالة جانب أجرى يجري تلقى شدد دعا طالب حذر اعتبر رأى نفى أفاد أبلغ صرح
وصف توقع أعرب عبر جدد أمام وراء فوق تحت دون سوى إثر عقب جراء بسبب حيال إزاء تجاه لأن لكي كي
نفسه نفسها ذاته ذاتها أيضاً مساء صباحا مساءً صباحاً بأن لأن وأن فإن كأن بان لان وان فان بشأن
عام عامة سابق أسبق حالي دائم خاص فني تنفيذي إقليمي إحدى أحد جميع عدد عدة أكثر أقل وزراء
""")

# Words that join two name parts ("أبو الغيط", "محمد بن سلمان", "عبد الرحمن").
_CONNECT = frozenset(["ابو", "بن", "ابن", "عبد", "ال", "ذو", "بنت", "ام"])
# Frequent given names that are also common words ("جمال" beauty, "سلام" peace): without a
# title they start a name only when another given name follows.
_AMBIGUOUS = _words("""
سعيد سيد رضا امين جمال كريم كمال نور حبيب عزيز منير كامل ايمان بشير سالم صادق عماد ملك امل وحيد هدي بدر
جميل حمد نادر ماجد ريم نسيم مختار رفيق سيف فضل اسلام فارس رحيم مبارك العربي ندي جهاد عالم ولد خان شاه مير
قاضي حاج مفتي عبدي شاهد خميس ربيع صفاء جمعه زكي تركي هلال باسل صباح سلام حياه رمضان شمس زين قمر نصر فرج
عطيه غانم ولي قادر منظور سرور صديق لطيف مشعل سام هنا نهاد وداد عوض معين عزه عادل صالح حميد حامد طاهر سليم
حسن شريف مجيد منصور طالب عابد خليفه مالك راشد ناجي شاكر صابر جابر فاضل عامر امير نعيم سلمان فهد عيسي
موسي اكبر اشرف احسان رسول جان مها مي فرح سحر وفاء سناء سهام امال عفاف حنان نجاه رجاء ثريا شيماء منال
سوسن هاله غاده نوال سلمي ليلي مني ناديه وسام بسمه مروه ايه عبير اسراء صبا حسام هاني اسد باسم اقبال
بي بين ايت مولاي سيدي بابا اغا مرزا ميرزا ولد حاجي الحاج السيد
""")


@dataclass(frozen=True)
class PersonFind:
    """A person mention found from context (original offsets)."""

    start: int
    end: int
    tokens: tuple[str, ...]  # normalised name tokens
    role: str | None
    country: str | None
    confidence: float
    dict_key: str | None = None  # set when the name is a dictionary person's mention


@cache
def _lexicon() -> tuple[dict[tuple[str, ...], int], frozenset[str], frozenset[str], frozenset[str]]:
    titles: dict[tuple[str, ...], int] = {}
    for t in _TITLES:
        key = tuple(normalize_str(t.replace("+", " ")).split())
        if key:
            titles[key] = len(key)
    return (
        titles,
        frozenset(normalize_str(w) for w in _COMPLEMENT),
        frozenset(normalize_str(w) for w in _STOP),
        frozenset(normalize_str(w) for w in _AMBIGUOUS),
    )


_SIMPLE_PROCLITICS = ("و", "ف", "ب", "ل", "ك")


def _strip(norm: str) -> list[tuple[int, str]]:
    """(chars stripped, rest) for the word and its one-letter proclitic splits."""
    out = [(0, norm)]
    if len(norm) > 3 and norm[0] in _SIMPLE_PROCLITICS:
        out.append((1, norm[1:]))
        if len(norm) > 4 and norm[1] in "بل" and norm[0] in "وف":
            out.append((2, norm[2:]))
    return out


class PersonFinder:
    """Scans tokens for titled names and given-name names, avoiding dictionary mentions."""

    def __init__(
        self, doc: Doc, actors: ActorDictionary, covered: list[tuple[int, int, str, str]], country: str | None
    ):
        self.doc = doc
        self.text = doc.text
        self.tokens: tuple[Token, ...] = doc.tokens
        self.actors = actors
        self.units = actors.name_units
        self.nisba = actors.nisba
        self.country = country
        self.titles, self.complement, self.stop, self.ambiguous = _lexicon()
        self.per_words = _person_words(actors)
        self.given = _given(actors)
        self.starts = [t.start for t in self.tokens]
        self.title_heads, self.starters = _starters(actors)
        # token index -> (span end, entity key, type) of the dictionary mention covering it
        self.cover: dict[int, tuple[int, str, str]] = {}
        for start, end, key, typ in covered:
            i = max(0, bisect.bisect_right(self.starts, start) - 1)
            while i < len(self.tokens) and self.tokens[i].start < end:
                if start < self.tokens[i].end:
                    self.cover[i] = (end, key, typ)
                i += 1

    def is_unit(self, norm: str) -> bool:
        """A known name part: names.tsv, or a word of a dictionary person's name ("أوباما")."""
        return norm in self.units or norm in self.per_words

    def after_place_head(self, i: int) -> bool:
        """Token i follows a place noun ("حي سليمان الحلبي", "تلة المطران سردا")."""
        return i > 0 and self.tokens[i - 1].norm in PLACE_HEADS and not self.gap(i).strip()

    def gap(self, i: int) -> str:
        """The text between token i-1 and token i."""
        return self.text[self.tokens[i - 1].end : self.tokens[i].start]

    def title_at(self, i: int) -> tuple[int, int]:
        """(number of title tokens, chars of proclitic on the first) when a title starts at i."""
        toks = self.tokens
        for off, stem in _strip(toks[i].norm):
            if stem not in self.title_heads:
                continue
            for n in (3, 2, 1):
                if i + n > len(toks):
                    continue
                key = (stem,) + tuple(t.norm for t in toks[i + 1 : i + n])
                if key in self.titles and all(self.gap(k).strip() == "" for k in range(i + 1, i + n)):
                    return n, off
        return 0, 0

    def find(self) -> list[PersonFind]:
        out: list[PersonFind] = []
        toks = self.tokens
        n = len(toks)
        i = 0
        starters = self.starters
        may_start = _may_start(self.actors)
        cover = self.cover
        while i < n:
            norm = toks[i].norm
            ok = may_start.get(norm)
            if ok is None:
                if len(may_start) >= 1 << 18:
                    may_start.clear()
                ok = may_start[norm] = norm in starters or norm[1:] in starters or norm[2:] in starters
            if not ok or i in cover:
                i += 1  # most words can start neither a title nor a name: one dict probe each
                continue
            if self.after_place_head(i):
                i += 1
                continue
            tlen, off = self.title_at(i)
            if tlen:
                found, nxt = self._after_title(i, tlen, off)
                out += found
                i = max(nxt, i + 1)
                continue
            p = self._bare_name(i)
            if p is not None:
                out.append(p)
                i = self._index_after(p.end)
                continue
            i += 1
        return out

    def _index_after(self, end: int) -> int:
        return bisect.bisect_left(self.starts, end)

    def _after_title(self, i: int, tlen: int, off: int) -> tuple[list[PersonFind], int]:
        toks = self.tokens
        n = len(toks)
        j = i + tlen
        country = None
        skipped = 0
        while j < n and skipped < 8:
            if self.gap(j).strip():
                break  # punctuation ends the complement; a name may still follow a comma
            if j in self.cover:
                end, key, typ = self.cover[j]
                if typ == "PER":
                    break
                e = self.actors.get(key)
                country = country or (e.country if e else None)
                while j < n and toks[j].start < end:
                    j += 1
                skipped += 1
                continue
            norm = toks[j].norm
            if norm in self.nisba:
                country = self.nisba[norm]
                j += 1
                skipped += 1
                continue
            if (
                norm.startswith("ال")
                or norm.startswith("لل")
                or norm in self.complement
                or (norm[:1] in "لب" and norm[1:] in self.complement)
                or any(norm.endswith(e) and norm[: -len(e)] in self.complement for e in ("ها", "ه", "هم"))
            ):
                if norm in self.stop:
                    break
                j += 1
                skipped += 1
                continue
            break
        title_start = toks[i].start + off
        role_end = toks[j - 1].end if j > i else toks[i].end
        role = self.text[title_start:role_end]
        if j >= n:
            return [], j
        gap = self.gap(j) if j > 0 else ""
        if not _gap_ok(gap):
            return [], j
        found: list[PersonFind] = []
        if j in self.cover:
            end, key, typ = self.cover[j]
            if typ != "PER":
                return [], j
            p = PersonFind(toks[j].start, end, (), role, country, 0.95, dict_key=key)
        else:
            p = self._take_name(j, titled=True, role=role, country=country)
            if p is None:
                return [], j
        found.append(p)
        nxt = self._index_after(p.end)
        # "نظيريه السعودي عادل الجبير والأميركي ريكس تيلرسون": more names under the same title.
        while nxt < n and toks[nxt].norm.startswith("و") and toks[nxt].norm[1:] in self.nisba:
            k = nxt + 1
            if k >= n or not _gap_ok(self.gap(k)):
                break
            c2 = self.nisba[toks[nxt].norm[1:]]
            nis = toks[nxt].text[1:]
            role2 = f"{self.text[title_start : toks[i + tlen - 1].end]} {nis}"
            if k in self.cover:
                end, key, typ = self.cover[k]
                if typ != "PER":
                    break
                found.append(PersonFind(toks[k].start, end, (), role2, c2, 0.95, dict_key=key))
                nxt = self._index_after(end)
                continue
            q = self._take_name(k, titled=True, role=role2, country=c2)
            if q is None:
                break
            found.append(q)
            nxt = self._index_after(q.end)
        return found, nxt

    def _bare_name(self, i: int) -> PersonFind | None:
        t = self.tokens[i]
        g = self.given
        if not (t.norm in g or t.norm[1:] in g or t.norm[2:] in g):
            return None
        for off, stem in _strip(t.norm):
            if self.units.get(stem) == "G" and stem not in self.stop and len(stem) >= 3:
                p = self._take_name(i, titled=False, role=None, country=self.country, first_off=off)
                if p is None:
                    return None
                second = p.tokens[1] if len(p.tokens) > 1 else ""
                if stem in self.ambiguous and self.units.get(second) != "G":
                    return None
                return p
            if off == 0 and self.units.get(stem):
                return None  # the word itself is a name unit but not a given name: not a start
        return None

    def _take_name(
        self, j: int, *, titled: bool, role: str | None, country: str | None, first_off: int = 0
    ) -> PersonFind | None:
        toks = self.tokens
        n = len(toks)
        names: list[str] = []
        k = j
        unknown_run = 0
        while k < n and len(names) < 4:
            if k in self.cover:
                if names and self.cover[k][2] == "PER" and not (self.gap(k).strip() or "\n" in self.gap(k)):
                    # "جيم ماتيس": the dictionary knows the surname; let its entity take the name.
                    return PersonFind(
                        toks[k].start, self.cover[k][0], (), role, country, 0.95, dict_key=self.cover[k][1]
                    )
                break
            if k > j and (self.gap(k).strip() or "\n" in self.gap(k)):
                break
            norm = toks[k].norm if not (k == j and first_off) else toks[k].norm[first_off:]
            if norm in self.stop or not norm.isalpha() or len(norm) < 2 or "\u064b" in toks[k].text:
                break  # tanween marks an adverb or object ("مبكرًا", "بدلًا"), not a name
            prev = names[-1] if names else None
            if norm.startswith("ال"):
                if prev is None:
                    break
                if prev in _CONNECT:
                    names.append(norm)
                    k += 1
                    continue
                if norm in self.nisba or norm[2:] in self.stop:
                    break
                if not titled and not self.is_unit(norm):
                    break
                names.append(norm)
                k += 1
                break
            if k > j and norm[0] == "و" and prev not in _CONNECT:
                break  # a conjunction starts the next item
            if norm in self.title_heads or norm in self.actors.country_signals:
                break
            if (
                norm[0] in "وبلفك"
                and len(norm) >= 4
                and self.units.get(norm) != "G"
                and norm not in self.per_words
            ):
                rest = norm[1:]
                known = rest.startswith("ال") or rest in self.stop or rest in self.actors.country_signals
                if k == j or known or self.units.get(rest) == "G":
                    break  # "بتغريدة", "لروسيا", "وعلى": a proclitic and a word, not a name
            if norm in self.nisba:
                break
            if not self.is_unit(norm):
                if not titled and len(names) >= 1 and prev not in _CONNECT:
                    break
                if _verb_like(norm) or unknown_run >= 2:
                    break  # three unknown words in a row run into the sentence ("دوتيرتي فرض حظر")
                unknown_run += 1
            else:
                unknown_run = 0
            names.append(norm)
            k += 1
        while names and names[-1] in _CONNECT:
            names.pop()
            k -= 1
        if not names or (not titled and len(names) < 2):
            return None
        if titled and len(names) == 1 and not self.is_unit(names[0]):
            return None  # one unknown word after a title is rarely a name ("الشيخ مسكين", "أوعز")
        start = toks[j].start + _orig_offset(toks[j].text, first_off)
        end = toks[j + len(names) - 1].end
        conf = 0.8 if titled else 0.65
        return PersonFind(start, end, tuple(names), role, country or self.country, conf)


def _gap_ok(gap: str) -> bool:
    """Between a title and a name: spaces, at most one comma or quote."""
    g = gap.strip()
    return "\n" not in gap and len(g) <= 1 and g in ("", "،", ",", '"', "«", "“", "'")


def _verb_like(norm: str) -> bool:
    """Present-tense verb shape of an unknown word: يـ/تـ + 3 letters, or لـ/سـ before them."""
    return (len(norm) >= 4 and norm[0] in "يت") or (len(norm) >= 5 and norm[0] in "لس" and norm[1] in "يت")


@cache
def _words_of_persons(actors: ActorDictionary) -> frozenset[str]:
    return frozenset(
        w
        for form, fs in actors.forms.items()
        if any(actors.entries[f.key].type == "PER" for f in fs)
        for w in form.split()
    )


def _person_words(actors: ActorDictionary) -> frozenset[str]:
    return _words_of_persons(actors)


@cache
def _starters(actors: ActorDictionary) -> tuple[frozenset[str], frozenset[str]]:
    """(first words of titles, words that may start a title or a name)."""
    heads = frozenset(k[0] for k in _lexicon()[0])
    return heads, heads | _given(actors)


@cache
def _may_start(actors: ActorDictionary) -> dict[str, bool]:
    """Memo over articles: may a word (perhaps after a one- or two-letter proclitic) start a title
    or a name? Bounded by ``PersonFinder.find``."""
    return {}


@cache
def _given(actors: ActorDictionary) -> frozenset[str]:
    return frozenset(u for u, flag in actors.name_units.items() if flag == "G")


def _orig_offset(word: str, n_norm: int) -> int:
    count = 0
    for i, ch in enumerate(word):
        if count == n_norm:
            return i
        if normalize_str(ch):
            count += 1
    return len(word)
