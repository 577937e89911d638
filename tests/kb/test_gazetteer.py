"""The compiled gazetteer: loading, lookup by normalised name, countries, keys, curated places."""

from __future__ import annotations

import time

import pytest

from raqib.kb.gazetteer import load_gazetteer
from raqib.kb.geo_names import clitic_forms, key_of, name_keys
from raqib.text.normalize import normalize_str


@pytest.fixture(scope="module")
def gaz():
    return load_gazetteer()


def test_load_is_cached_and_fast():
    t = time.perf_counter()
    g = load_gazetteer()
    assert load_gazetteer() is g
    assert len(g) > 80_000
    assert time.perf_counter() - t < 5  # first load ~0.3 s; generous for a busy test machine


@pytest.mark.parametrize(
    ("name", "country", "lat", "lon"),
    [
        ("دوما", "SY", 33.57, 36.40),
        ("حَرَسْتا", "SY", 33.56, 36.37),  # diacritics fold away
        ("النشابية", "SY", 33.51, 36.49),
        ("الغوطة الشرقية", "SY", 33.53, 36.43),  # curated region
        ("مخيم الركبان", "SY", 33.3, 38.68),  # curated camp
        ("معبر باب الهوى", "SY", 36.23, 36.68),  # curated crossing
        ("الأشعري", "SY", 33.50, 36.43),  # hamlet missing from WOF
        ("بغداد", "IQ", 33.3, 44.4),
    ],
)
def test_lookup_finds_place(gaz, name, country, lat, lon):
    found = gaz.lookup(normalize_str(name))
    assert any(
        e.country == country and e.lat is not None and abs(e.lat - lat) < 0.1 and abs(e.lon - lon) < 0.1
        for e in found
    ), [(e.id, e.lat, e.lon) for e in found[:5]]


def test_homonyms_are_all_there(gaz):
    doumas = [e for e in gaz.lookup("دوما") if e.country == "SY" and e.place_type == "locality"]
    assert len(doumas) >= 3
    assert {e.country for e in gaz.lookup("المحمدية")} >= {"SY", "MA"}


@pytest.mark.parametrize(
    ("name", "iso2"),
    [
        ("سوريا", "SY"),
        ("سورية", "SY"),
        ("أميركا", "US"),
        ("أمريكا", "US"),
        ("الولايات المتحدة", "US"),
        ("بريطانيا", "GB"),
        ("المملكة المتحدة", "GB"),
        ("روسيا", "RU"),
        ("ألمانيا", "DE"),
        ("السعودية", "SA"),
        ("المملكة العربية السعودية", "SA"),
        ("الإمارات", "AE"),
        ("إيران", "IR"),
        ("تركيا", "TR"),
        ("كازاخستان", "KZ"),
    ],
)
def test_countries_by_arabic_name(gaz, name, iso2):
    assert any(e.place_type == "country" and e.country == iso2 for e in gaz.lookup(name))


def test_country_by_code(gaz):
    sy = gaz.country("sy")
    assert sy is not None and sy.name_en == "Syria" and sy.ids.get("iso3") == "SYR"
    assert gaz.country("XX") is None


def test_entry_fields(gaz):
    douma = max(gaz.lookup("دوما"), key=lambda e: e.prior)
    assert douma.admin1_ar == "ريف دمشق" and douma.admin1_en
    assert douma.ids.get("geonames") == "170592" and douma.ids.get("wikidata")
    assert douma.population > 50_000


def test_admin_prefix_is_also_indexed(gaz):
    assert any(e.place_type == "admin1" for e in gaz.lookup("محافظة حلب"))
    assert any(e.place_type == "admin1" for e in gaz.lookup("حلب"))


def test_keys_match_the_normaliser(gaz):
    # The artefact stores keys computed at build time: they must equal today's normaliser output.
    for name in ("دوما", "الغوطة الشرقية", "حمص", "بغداد"):
        e = gaz.lookup(name)[0]
        assert key_of(e.name_ar) in e.keys


def test_name_keys_and_clitics():
    assert name_keys("محافظة حلب") == ["محافظه حلب", "حلب"]
    assert ("الرقه", "لل") in [(f, c) for _, f, c in clitic_forms("للرقه")]
    assert ("حرستا", "و") in [(f, c) for _, f, c in clitic_forms("وحرستا")]
    assert clitic_forms("بر") == [(0, "بر", "")]


def test_ambiguity_table_marks_common_words(gaz):
    for word in ("الشيخ", "السلام", "الباب"):
        assert gaz.ambiguity[key_of(word)].decision == "stop"
    assert key_of("حرستا") not in gaz.ambiguity


def test_compiled_file_has_the_declared_columns():
    import gzip
    from importlib import resources

    from raqib.kb.gazetteer import COLUMNS

    with gzip.open(resources.files("raqib.kb") / "data" / "gazetteer.tsv.gz", "rt", encoding="utf-8") as fh:
        assert tuple(fh.readline().rstrip("\n").split("\t")) == COLUMNS


def test_one_english_spelling_per_province():
    """Regression: WOF and OCHA spell governorates differently ("Rif Dimashq" / "Rural Damascus"),
    which split the page's province filter in two."""
    import gzip
    from collections import defaultdict
    from importlib import resources

    from raqib.kb.gazetteer import COLUMNS

    spellings: dict = defaultdict(set)
    with gzip.open(resources.files("raqib.kb") / "data" / "gazetteer.tsv.gz", "rt", encoding="utf-8") as fh:
        next(fh)
        for line in fh:
            row = dict(zip(COLUMNS, line.rstrip("\n").split("\t"), strict=True))
            if row["admin1_en"] and row["admin1_ar"]:
                spellings[(row["country"], row["admin1_ar"])].add(row["admin1_en"])
    split = {k: v for k, v in spellings.items() if len(v) > 1}
    assert not split, list(split.items())[:5]
    assert spellings[("SY", "ريف دمشق")] == {"Rural Damascus"}
