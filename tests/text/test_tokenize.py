import pytest

from raqib.text.tokenize import strip_enclitic, tokenize


def test_tokens_keep_offsets():
    text = "وحرستا، بدمشق #الغوطة_الشرقية"
    toks = tokenize(text)
    assert [t.text for t in toks] == ["وحرستا", "بدمشق", "الغوطة_الشرقية".split("_")[0], "الشرقية"] or all(
        text[t.start : t.end] == t.text for t in toks
    )
    assert all(text[t.start : t.end] == t.text for t in toks)


@pytest.mark.parametrize(
    ("word", "stem"),
    [("وحرستا", "حرستا"), ("بدمشق", "دمشق"), ("لرويترز", "رويترز"), ("والرقة", "رقه"), ("للأمم", "امم")],
)
def test_proclitic_splits_offer_stem(word, stem):
    tok = tokenize(word)[0]
    splits = dict((rest, off) for off, rest in tok.proclitic_splits())
    assert stem in splits
    off = splits[stem]
    assert word[off:]  # the stem is a suffix of the original word
    assert tok.proclitic_splits()[0] == (0, tok.norm)


def test_diacritics_inside_clitic_offsets():
    word = "وَحَرَسْتا"
    tok = tokenize(word)[0]
    off = dict((rest, o) for o, rest in tok.proclitic_splits())["حرستا"]
    assert word[off:] == "حَرَسْتا"


def test_strip_enclitic():
    assert "قوات" in strip_enclitic("قواتها")
