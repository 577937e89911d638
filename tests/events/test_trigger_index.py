"""The indexed trigger search finds exactly what trying every pattern at every word finds.

Every sentence here is written for these tests in wire-news style; none comes from a corpus.
"""

from __future__ import annotations

import pytest
import regex

from raqib.events import factuality, triggers
from raqib.text.normalize import normalize

SENTENCES = [
    "وبالغارات والقذائف قصفت الطائرات الحربية بلدة كفرنبل صباح اليوم، ما أدى إلى مقتل خمسة مدنيين.",
    "انفجرت عبوة ناسفة بسيارة عسكرية في مدينة درعا، وعادت قوات النظام لتسيطر على قرية مجاورة.",
    "تجمع مئات المتظاهرين أمام مبنى المحافظة ورشقوا قوات الأمن بالحجارة، فأطلقت الغاز المسيل للدموع.",
    "أطلق المسلحون سراح الرهائن، ثم أطلقوا النار على حاجز للشرطة وأطلقوا عليه اسم الفجر.",
    "وسيطرته على المدينة جاءت بعد استعادة الجيش الأمن والاستقرار إلى ريفها واعتقال عشرين شابا.",
    "فاز الفريق بهدفين في مباراة الدوري وشن لاعبوه هجمات على مرمى المنافس في الشوط الأول.",
]


def every_pattern(word: str) -> tuple:
    """No index: every lexicon pattern is tried at the word, in context."""
    return tuple(
        (cls, form, pat, False, 0, 0) for cls, form, pat, _alone, _ctx in triggers._compiled().entries
    )


@pytest.mark.parametrize("text", SENTENCES)
def test_index_finds_what_every_pattern_finds(text: str, monkeypatch: pytest.MonkeyPatch) -> None:
    view = normalize(text).text
    fast = [(c.cls, c.form, c.start, c.end) for c in triggers.find_cues(view)]
    monkeypatch.setattr(triggers, "_candidates", every_pattern)
    slow = [(c.cls, c.form, c.start, c.end) for c in triggers.find_cues(view)]
    assert fast == slow


def test_stems_spelled_with_the_article_are_found() -> None:
    # "ألغام" (folded "الغام") begins like the article: it is a stem, found with a proclitic too.
    view = normalize("انفجرت ألغام زرعها المسلحون وبالألغام قتل راعيان في المنطقة أمس.").text
    assert [c.text for c in triggers.find_cues(view) if c.kind == "ied"] == ["الغام", "الغام"]


@pytest.mark.parametrize("text", SENTENCES)
def test_domain_hits_match_a_full_scan(text: str) -> None:
    view = normalize(text).text
    for name, alts in factuality._DOMAINS:
        pat = regex.compile(triggers.fold_pattern(factuality._words(*alts)))
        assert factuality.domain_hits(view, name) == len({m.group() for m in pat.finditer(view)})
        assert (name in factuality.domains(view)) == bool(pat.search(view))
