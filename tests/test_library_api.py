"""The library API: raqib.extract and the Doc it returns."""

from __future__ import annotations

from datetime import date

import pytest

import raqib
from raqib.errors import InputError


def test_extract_keeps_text_and_addresses_title_and_body():
    body = "قُتل ٢١ شخصاً في #حرستا."
    doc = raqib.extract(body, title="حصيلة جديدة", published="2018-03-04", url="http://x", id="1")
    assert doc.body == body and doc.title == "حصيلة جديدة"
    assert doc.text[: len(doc.title)] == doc.title
    assert doc.title_span.text == "حصيلة جديدة" and doc.body_span.text == body
    assert doc.published == date(2018, 3, 4)
    assert doc.sentences[0].text == "حصيلة جديدة"


def test_extract_without_title():
    doc = raqib.extract("نص الخبر.")
    assert doc.body_start == 0 and doc.title is None and doc.title_span is None


@pytest.mark.parametrize("bad", ["", "   ", None, 5])
def test_extract_rejects_bad_text(bad):
    with pytest.raises(InputError):
        raqib.extract(bad)


def test_extract_rejects_bad_date():
    with pytest.raises(InputError, match="published date"):
        raqib.extract("نص", published="04/03/2018")


def test_docs_are_immutable():
    doc = raqib.extract("نص الخبر.")
    with pytest.raises(AttributeError):
        doc.text = "x"  # type: ignore[misc]
