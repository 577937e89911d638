"""De-duplication keys: normalised text hash and MinHash near-duplicates."""

from __future__ import annotations

import pytest

from raqib.ingest.dedup import Deduplicator, minhash, similarity, text_hash

BODY = (
    "قتل خمسة مدنيين وأصيب عشرة آخرون في غارات جوية استهدفت مدينة دوما في الغوطة الشرقية، بحسب الدفاع المدني "
    "الذي قال إن فرقه انتشلت الضحايا من تحت الأنقاض، فيما تواصل القصف على بلدات حرستا وعربين وزملكا طوال "
    "النهار وسط نزوح عشرات العائلات إلى الأقبية والملاجئ هربا من الغارات المتواصلة منذ أسبوع. وقال ناشطون "
    "إن الطائرات الحربية نفذت أكثر من ثلاثين غارة على المنطقة منذ الصباح، وإن المستشفيات الميدانية باتت عاجزة "
    "عن استقبال مزيد من الجرحى بسبب نقص الأدوية والوقود، فيما دعت منظمات إنسانية إلى هدنة عاجلة."
)
OTHER = (
    "أعلنت وزارة الاقتصاد عن خطة لدعم المشاريع الصغيرة وتشجيع الاستثمار في القطاع الزراعي، وقال الوزير إن "
    "الحكومة ستقدم قروضا ميسرة للمزارعين وتخفض الرسوم على المعدات المستوردة خلال العام المقبل، مؤكدا أن "
    "الخطة تهدف إلى خلق آلاف فرص العمل في الأرياف وتقليص الاعتماد على الواردات الغذائية من الخارج."
)


@pytest.mark.parametrize(
    "variant",
    [
        BODY.replace("قتل", "قُتِلَ"),  # diacritics
        BODY.replace(" ", "  ").replace("،", " ,"),  # spacing and punctuation
        BODY.replace("أ", "ا"),  # hamza forms
    ],
)
def test_text_hash_ignores_spelling_variation(variant):
    assert text_hash("عنوان", variant) == text_hash("عنوان", BODY)


def test_text_hash_folds_arabic_indic_digits():
    assert text_hash(None, "قتل ٢٥ مدنيا") == text_hash(None, "قتل 25 مدنيا")


def test_text_hash_separates_different_texts():
    assert text_hash(None, BODY) != text_hash(None, BODY.replace("خمسة", "ستة"))


def test_minhash_near_and_far():
    near = BODY.replace("عشرات العائلات", "مئات العائلات")
    assert similarity(minhash(None, BODY), minhash(None, near)) >= 0.8
    assert similarity(minhash(None, BODY), minhash(None, OTHER)) < 0.2
    assert minhash(None, "خبر قصير جدا") == ""  # too short to judge


def test_deduplicator_reasons():
    d = Deduplicator()
    d.add("a", "http://x/1", text_hash(None, BODY), minhash(None, BODY))
    assert d.duplicate_reason("a", None, "zz", "") == "same id"
    assert d.duplicate_reason("b", "http://x/1", "zz", "") == "same url"
    assert d.duplicate_reason("b", None, text_hash(None, BODY), "") == "same text"
    near = BODY.replace("عشرات العائلات", "مئات العائلات")
    assert d.duplicate_reason("b", None, text_hash(None, near), minhash(None, near)) == "near-identical text"
    assert d.duplicate_reason("b", None, "zz", minhash(None, OTHER)) is None
