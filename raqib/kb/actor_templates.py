"""Generic national bodies synthesised for every country of ``nations.tsv``.

"الحكومة العراقية", "الجيش التركي", "وزارة الخارجية الروسية", "الشرطة الأردنية" follow one
pattern: a head noun and a nisba adjective. Rather than list them, each head is crossed with
each nation's nisba (masculine and feminine: the adjective agrees with the head). Some heads
also stand without a nisba ("وزارة الداخلية", "الدفاع المدني") and then name the body of the
country the article is about (a country-conditioned form), or a country-less body otherwise.
Curated entries in actors.tsv override any synthesised form they share.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from raqib.kb.actors import ActorEntry, Nation


@dataclass(frozen=True)
class Head:
    key: str
    heads: tuple[str, ...]
    name_en: str  # "{adj}" = nation adjective, "{country}" = nation name
    acled: str | None
    category: str
    inter: int | None
    bare: bool = False  # the head alone names the body of the article's country


HEADS: tuple[Head, ...] = (
    Head(
        "army",
        ("الجيش", "القوات المسلحة", "جيش"),
        "{adj} army",
        "Military Forces of {country}",
        "state_forces",
        1,
    ),
    Head(
        "forces",
        ("القوات", "قوات الجيش", "القوات الحكومية", "قوات الحكومة"),
        "{adj} forces",
        "Military Forces of {country}",
        "state_forces",
        1,
    ),
    Head(
        "security",
        ("قوات الأمن", "القوات الأمنية", "الأجهزة الأمنية", "أجهزة الأمن"),
        "{adj} security forces",
        "Police Forces of {country}",
        "state_forces",
        1,
    ),
    Head(
        "police", ("الشرطة", "قوات الشرطة"), "{adj} police", "Police Forces of {country}", "state_forces", 1
    ),
    Head(
        "air_force",
        ("الطيران", "الطيران الحربي", "سلاح الجو", "القوات الجوية"),
        "{adj} air force",
        "Military Forces of {country}",
        "state_forces",
        1,
    ),
    Head(
        "navy", ("البحرية", "القوات البحرية"), "{adj} navy", "Military Forces of {country}", "state_forces", 1
    ),
    Head(
        "intelligence",
        ("المخابرات", "الاستخبارات"),
        "{adj} intelligence",
        "Military Forces of {country}",
        "state_forces",
        1,
    ),
    Head("government", ("الحكومة",), "{adj} government", "Government of {country}", "government", 1),
    Head("authorities", ("السلطات",), "{adj} authorities", "Government of {country}", "government", 1),
    Head("presidency", ("الرئاسة",), "{adj} presidency", None, "government", None),
    Head("parliament", ("البرلمان",), "{adj} parliament", None, "government", None),
    Head("news_agency", ("وكالة الأنباء", "وكالة الانباء الرسمية"), "{adj} News Agency", None, "media", None),
    Head("civil_defence", ("الدفاع المدني",), "{adj} Civil Defence", None, "civil_defence", None, bare=True),
    Head(
        "general_security",
        ("الأمن العام",),
        "{adj} General Security",
        "Police Forces of {country}",
        "state_forces",
        1,
        bare=True,
    ),
)

# Ministries: "وزارة" + domain (+ nisba, or bare in the article's country).
MINISTRIES: tuple[tuple[str, str, str], ...] = (
    ("foreign", "الخارجية", "Foreign Affairs"),
    ("foreign", "الخارجية والمغتربين", "Foreign Affairs"),
    ("defence", "الدفاع", "Defence"),
    ("interior", "الداخلية", "Interior"),
    ("health", "الصحة", "Health"),
    ("health", "الصحة العامة", "Health"),
    ("justice", "العدل", "Justice"),
    ("finance", "المالية", "Finance"),
    ("education", "التربية", "Education"),
    ("education", "التربية والتعليم", "Education"),
    ("higher_education", "التعليم العالي", "Higher Education"),
    ("information", "الإعلام", "Information"),
    ("migration", "الهجرة والمهجرين", "Migration and Displacement"),
    ("migration", "الهجرة", "Migration"),
    ("social_affairs", "الشؤون الاجتماعية", "Social Affairs"),
    ("social_affairs", "الشؤون الاجتماعية والعمل", "Social Affairs and Labour"),
    ("labour", "العمل", "Labour"),
    ("oil", "النفط", "Oil"),
    ("energy", "الطاقة", "Energy"),
    ("electricity", "الكهرباء", "Electricity"),
    ("economy", "الاقتصاد", "Economy"),
    ("agriculture", "الزراعة", "Agriculture"),
    ("transport", "النقل", "Transport"),
    ("environment", "البيئة", "Environment"),
    ("endowments", "الأوقاف", "Religious Endowments"),
    ("local_admin", "الإدارة المحلية", "Local Administration"),
    ("trade", "التجارة", "Trade"),
    ("water", "الموارد المائية", "Water Resources"),
    ("housing", "الإسكان", "Housing"),
    ("communications", "الاتصالات", "Communications"),
    ("tourism", "السياحة", "Tourism"),
    ("culture", "الثقافة", "Culture"),
    ("youth_sports", "الشباب والرياضة", "Youth and Sports"),
    ("reconciliation", "المصالحة الوطنية", "National Reconciliation"),
    ("planning", "التخطيط", "Planning"),
    ("industry", "الصناعة", "Industry"),
    ("displaced", "المهجرين", "Displaced"),
)


# Ministries named by their domain alone when a nisba follows ("الخارجية الروسية").
_ELLIPSIS = frozenset(["الخارجية", "الدفاع", "الداخلية", "الصحة"])


def _nisba_forms(n: Nation) -> list[str]:
    return [f for m in n.nisba for f in (m, m + "ة")]


def _fill(template: str, n: Nation | None) -> str:
    if n is None:
        return template.replace("{adj} ", "").replace("{country}", "").strip()
    return template.format(adj=n.adj_en, country=n.name_en)


def synthesise(nations: list[Nation]) -> Iterator[tuple[ActorEntry, list[tuple[str, str | None]]]]:
    """(entry, [(surface, country condition)]) for every head x nation, then the bare heads."""
    for h in HEADS:
        for n in nations:
            surfaces: list[tuple[str, str | None]] = [
                (f"{head} {nis}", None) for head in h.heads for nis in _nisba_forms(n)
            ]
            if h.bare:
                surfaces += [(head, n.iso2) for head in h.heads]
            yield _entry(f"{h.key}:{n.iso2}", h.heads[0], h, n), surfaces
        if h.bare:
            yield _entry(h.key, h.heads[0], h, None), [(head, None) for head in h.heads]
    for key, domain, en in MINISTRIES:
        head = Head(
            f"ministry_{key}",
            (f"وزارة {domain}",),
            f"{{adj}} Ministry of {en}",
            None,
            "health_ministry" if key == "health" else "government",
            None,
        )
        for n in nations:
            surfaces = [(f"وزارة {domain} {nis}", None) for nis in _nisba_forms(n)]
            if domain in _ELLIPSIS:  # "الخارجية الروسية" for "وزارة الخارجية الروسية"
                surfaces += [(f"{domain} {nis}", None) for nis in _nisba_forms(n)]
            surfaces += [(f"وزارة {domain}", n.iso2)]
            yield _entry(f"ministry_{key}:{n.iso2}", f"وزارة {domain}", head, n), surfaces
        yield _entry(f"ministry_{key}", f"وزارة {domain}", head, None), [(f"وزارة {domain}", None)]


def _entry(key: str, head_ar: str, h: Head, n: Nation | None) -> ActorEntry:
    name_ar = f"{head_ar} {n.nisba[0]}" if n else head_ar
    name_en = _fill(h.name_en, n)
    name_en = name_en[0].upper() + name_en[1:]
    return ActorEntry(
        key=key,
        type="ORG",
        name_ar=name_ar,
        name_en=name_en,
        acled_name=_fill(h.acled, n) if h.acled and n else name_en,
        category=h.category,
        inter=h.inter,
        country=n.iso2 if n else None,
        variants=(name_ar,),
    )
