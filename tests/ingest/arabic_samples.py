"""Synthetic Arabic news articles (written for these tests, not taken from any corpus)."""

from __future__ import annotations

import json
import random
from pathlib import Path

PLACES = ["دوما", "حرستا", "عربين", "زملكا", "سقبا", "حمورية", "كفربطنا", "جسرين", "مسرابا", "عين ترما"]
SENTENCES = [
    "قالت مصادر محلية إن {n} مدنيين قتلوا في غارات جوية استهدفت {p} صباح اليوم.",
    "وأفاد الدفاع المدني بأن فرقه انتشلت {n} جثث من تحت أنقاض مبنى سكني في {p}.",
    "وذكر المرصد السوري لحقوق الإنسان أن القصف المدفعي على {p} أسفر عن إصابة {n} أشخاص.",
    "ونزحت {n} عائلة من بلدة {p} باتجاه مراكز الإيواء خلال الساعات الماضية.",
    "وتحدث سكان عن انقطاع الكهرباء والمياه في أحياء {p} منذ {n} أيام.",
    "وقال مسعف في المستشفى الميداني إن الطواقم عالجت {n} جريحا بينهم أطفال.",
    "ودخلت قافلة مساعدات تضم {n} شاحنة إلى {p} بعد أسابيع من الحصار.",
    "واندلعت اشتباكات عنيفة على أطراف {p} بين القوات الحكومية وفصائل المعارضة.",
    "وأعلنت الأمم المتحدة أن {n} ألف شخص ما زالوا محاصرين في المنطقة.",
    "وأكد ناشطون أن الطائرات الحربية نفذت {n} غارة على {p} وما حولها.",
    "ودعت منظمات إنسانية إلى هدنة فورية لإجلاء {n} من الجرحى والمرضى.",
    "وأشار مراسلون إلى أن الأسواق في {p} خلت من الناس بسبب القصف المتواصل.",
    "وقالت وزارة الخارجية إنها تتابع التطورات في {p} عن كثب.",
    "وأضاف المصدر أن حصيلة الضحايا مرشحة للارتفاع بسبب وجود {n} حالات حرجة.",
]


def make_article(i: int, rng: random.Random) -> dict:
    place = rng.choice(PLACES)
    chosen = rng.sample(SENTENCES, 7)
    body = " ".join(s.format(n=rng.randint(2, 90), p=rng.choice(PLACES)) for s in chosen)
    body += f" (تقرير رقم {i} من {place})"
    return {
        "id": f"t{i:05d}",
        "title": f"قصف على {place} وسقوط ضحايا",
        "text": body,
        "published": f"2018-03-{1 + i % 28:02d}T10:00:00+02:00",
        "url": f"http://news.example/{i}",
        "source": rng.choice(["outlet-a", "outlet-b", "outlet-c"]),
    }


def write_jsonl(path: Path, n: int, seed: int = 7) -> list[dict]:
    rng = random.Random(seed)
    recs = [make_article(i, rng) for i in range(n)]
    with path.open("w", encoding="utf-8") as fh:
        for r in recs:
            fh.write(json.dumps(r, ensure_ascii=False) + "\n")
    return recs
