import pytest

from raqib.text.sentences import split_sentences


def texts(s):
    return [x.text for x in split_sentences(s)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("قتل 5 أشخاص. وأصيب 10 آخرون.", ["قتل 5 أشخاص.", "وأصيب 10 آخرون."]),
        ("هل انتهت الحرب؟ لا أحد يعرف.", ["هل انتهت الحرب؟", "لا أحد يعرف."]),
        ("قال المرصد، إن القصف استمر؛ وتواصل النزوح.", ["قال المرصد، إن القصف استمر؛ وتواصل النزوح."]),
        ("ارتفعت النسبة إلى 2.5 بالمئة أمس.", ["ارتفعت النسبة إلى 2.5 بالمئة أمس."]),
        ("سيطرت القوات على المنطقة., وعادت القوات لتتقدم.", ["سيطرت القوات على المنطقة.,", "وعادت القوات لتتقدم."]),
        ('وقالت: "لن تمضي القافلة اليوم". وأضافت أنها تنتظر.', ['وقالت: "لن تمضي القافلة اليوم".', "وأضافت أنها تنتظر."]),
        ("الفقرة الأولى\nالفقرة الثانية", ["الفقرة الأولى", "الفقرة الثانية"]),
        ("نقلت وكالة أ.ف.ب الخبر. وانتهى.", ["نقلت وكالة أ.ف.ب الخبر.", "وانتهى."]),
        ("", []),
    ],
)
def test_split(text, expected):
    assert texts(text) == expected


def test_spans_index_original_and_respect_bounds():
    text = "العنوان\n\nجملة أولى. جملة ثانية!"
    spans = split_sentences(text, 9, len(text))
    assert [text[s.start : s.end] for s in spans] == [s.text for s in spans]
    assert spans[0].start == 9
