"""The numbers stage fills doc.numbers, honouring the ACLED vague-number setting."""

from __future__ import annotations

from raqib.model.doc import Doc
from raqib.pipeline import Context
from raqib.settings import Settings
from raqib.stages import numbers

TITLE = "مقتل 21 مدنيا في الغوطة الشرقية"
BODY = "قتل 21 مدنيا وأصيب العشرات في غارات على #الغوطة_الشرقية، التي يحاصرها النظام منذ أواخر 2012."


def test_stage_fills_numbers() -> None:
    doc = Doc.create(BODY, title=TITLE)
    out = numbers.run(doc, Context())
    assert out.text == doc.text
    got = [(q.span.text, q.value, q.vague, q.unit) for q in out.numbers]
    assert got == [
        ("21", 21, False, None),
        ("21", 21, False, None),
        ("العشرات", None, True, None),
        ("2012", 2012, False, "year"),
    ]
    for q in out.numbers:
        assert out.text[q.span.start : q.span.end] == q.span.text
    assert out.in_title(out.numbers[0].span) and not out.in_title(out.numbers[1].span)


def test_stage_acled_vague() -> None:
    doc = Doc.create(BODY, title=TITLE)
    out = numbers.run(doc, Context(settings=Settings(acled_vague_numbers=True)))
    vague = [q for q in out.numbers if q.vague]
    assert [(q.span.text, q.value) for q in vague] == [("العشرات", 12)]
