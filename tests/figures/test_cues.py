"""Token cues of the figures lexicon: clitics, inflection, duals, construct forms."""

from __future__ import annotations

import pytest

from raqib.figures.cues import classify_text


@pytest.mark.parametrize(
    "word, kind, verb",
    [
        ("بمقتل", "killed", False),
        ("وإصابة", "injured", False),
        ("استشهد", "killed", True),
        ("قتلوا", "killed", True),
        ("أصيبوا", "injured", True),
        ("ونزوح", "displaced", False),
        ("وتحاصر", "besieged", True),
        ("اعتقال", "detained", False),
        ("فقدان", "missing", False),
        ("إجلاء", "evacuated", False),
        ("حتفهم", "killed", True),
    ],
)
def test_predicates(word, kind, verb):
    info = classify_text(word)
    assert info.pred is not None and info.pred.kind == kind and info.pred.verb == verb


@pytest.mark.parametrize(
    "word, role, label, count",
    [
        ("قتيلاً", "kind", "killed", 1),
        ("شهداء", "kind", "killed", None),
        ("قتلاه", "kind", "killed", None),
        ("جرحى", "kind", "injured", None),
        ("مصابين", "kind", "injured", None),
        ("نازحين", "kind", "displaced", None),
        ("مهجري", "kind", "displaced", None),
        ("مدنياً", "person", "civilians", 1),
        ("مدنيين", "person", "civilians", None),
        ("شخصين", "person", "people", 2),
        ("جنديين", "person", "soldiers", 2),
        ("شرطيان", "person", "police", 2),
        ("سيدتان", "person", "women", 2),
        ("امرأتين", "person", "women", 2),
        ("وأطفال", "person", "children", None),
        ("عائلة", "person", "families", 1),
    ],
)
def test_nouns(word, role, label, count):
    info = classify_text(word)
    assert info.noun is not None
    assert (info.noun.role, info.noun.label, info.noun.count) == (role, label, count)


def test_construct_dual_with_pronoun_counts_two():
    info = classify_text("وطفلاها")
    assert info.noun.label == "children" and info.noun_count == 2


def test_kinship_noun_with_pronoun_is_one_person():
    info = classify_text("نجله")
    assert info.kin and info.noun.count == 1


def test_definite_nouns_are_marked():
    assert classify_text("القتلى").definite
    assert not classify_text("قتلى").definite


def test_refugees_are_displaced_with_their_unit():
    info = classify_text("لاجئين")
    assert (info.noun.label, info.noun.unit) == ("displaced", "refugees")


@pytest.mark.parametrize("word", ["غارات", "صواريخ", "يوما", "قذائف", "منازل"])
def test_things_are_not_people(word):
    info = classify_text(word)
    assert info.noun is None and info.has("nonperson")
