import pytest

from raqib.text.normalize import normalize, normalize_str


@pytest.mark.parametrize(
    ("original", "view"),
    [
        ("مُدُنٌ", "مدن"),  # diacritics
        ("قـــتـلى", "قتلي"),  # tatweel, ى -> ي
        ("أحمد إبراهيم آمنة", "احمد ابراهيم امنه"),  # hamza forms, ة -> ه
        ("مؤسسة شؤون", "موسسه شوون"),
        ("٤٠٠ ألف", "400 الف"),  # Arabic-Indic digits
        ("۱۲۳", "123"),  # Persian digits
        ("١٬٢٠٠٫٥", "1,200.5"),  # Arabic thousands and decimal separators
        ("دو\u200cما\u200f", "دوما"),  # zero-width and bidi controls
        ("#الغوطة_الشرقية", "الغوطة الشرقية".replace("ة", "ه")),  # hashtag
        ("ﻻ", "لا"),  # presentation-form ligature
        ("Reuters", "reuters"),
    ],
)
def test_view_folds(original, view):
    assert normalize(original).text == view


@pytest.mark.parametrize(
    "original",
    ["قُتِلَ ٢١ شخصاً في #حرستا_المحاصرة", "\u200fالسّبت\u200e ـــ دوما", "ﻻ إله", "نص بلا تغيير"],
)
def test_offsets_map_back_to_original(original):
    nt = normalize(original)
    assert len(nt.offsets) == len(nt.text)
    assert list(nt.offsets) == sorted(nt.offsets)
    for i in range(len(nt.text)):
        s, e = nt.to_original(i, i + 1)
        piece = original[s:e]
        assert nt.text[i] in normalize(piece).text or (piece == "_" and nt.text[i] == " ")


def test_word_slice_maps_to_exact_original_word():
    original = "قُتِلَ ٢١ شخصاً في حَرَسْتا"
    nt = normalize(original)
    a = nt.text.index("حرستا")
    s, e = nt.to_original(a, a + len("حرستا"))
    assert original[s:e] == "حَرَسْتا"


def test_empty_slice_and_to_view():
    nt = normalize("أمس")
    assert nt.to_original(1, 1) == (1, 1)
    assert nt.to_view(0) == 0


def test_normalize_str_collapses_whitespace():
    assert normalize_str("  الأمم   المتحدة ") == "الامم المتحده"


@pytest.mark.parametrize(
    "original",
    [
        "قُتِلَ ٢١ شخصاً في #حرستا_المحاصرة و#دوما.",
        "snake_case_name و_ثم كلمة_عربية",
        "\u200fالسّبت\u200e ـــ دوما ١٬٢٠٠٫٥ MixedCase",
        "#hash_tag_latin #عربي_وسط_النص",
    ],
)
def test_fast_path_matches_character_by_character_path(original):
    from raqib.text.normalize import _normalize_slow

    fast, slow = normalize(original), _normalize_slow(original)
    assert fast.text == slow.text
    assert fast.offsets == slow.offsets


def test_presentation_forms_without_decomposition_do_not_recurse():
    # Regression: fold_char recursed forever on U+FD3E (ornate parenthesis), NFKC-stable.
    nt = normalize("﴿ الآية ﴾ ﻻ")
    assert nt.text == "﴿ الايه ﴾ لا"
