"""The speed-ups of the pipeline give exactly what the plain code they replace gives.

Each fast path (bisection, one-probe indexes, memos) is checked against a straightforward
reference written here, on made-up Arabic news text and on exhaustive small cases.
"""

from __future__ import annotations

import itertools

import pytest

from raqib.figures import cues
from raqib.figures.extract import _BOUNDARY_RE
from raqib.figures.kinds import _BOUNDARY
from raqib.kb import KnowledgeBase
from raqib.kb.geo_names import clitic_forms
from raqib.model.doc import Doc
from raqib.model.span import Span
from raqib.stages import segment
from raqib.stages.entities import _ending_in
from raqib.stages.places import _joined, _overlap_test
from raqib.text.tokenize import Token, tokenize

TEXTS = [
    "قتل 5 مدنيين في غارة على بلدة حرستا بريف دمشق. وأفاد المرصد السوري بنزوح المئات نحو عفرين!",
    "أعلن وزير الخارجية الفرنسي جان إيف لودريان، الأحد، أن لودريان سيزور بغداد؟ وقال لودريان إن...",
    "سقط صاروخان على حي الشيخ مقصود في حلب\n\nوأصيب 3 أطفال بجروح",
]


def _doc(text: str) -> Doc:
    return segment.run(Doc.create(text, title="عنوان الخبر"), None)  # type: ignore[arg-type]


@pytest.mark.parametrize("text", TEXTS)
def test_sentence_of_matches_a_linear_scan(text):
    doc = _doc(text)
    for pos in range(-1, len(doc.text) + 2):
        expected = next((s for s in doc.sentences if s.start <= pos < s.end), None)
        assert doc.sentence_of(pos) == expected


def test_overlap_test_matches_span_overlaps():
    spans = [Span(a, b, "") for a, b in [(3, 7), (5, 6), (10, 10), (12, 20), (15, 16), (30, 31)]]
    for k in range(len(spans) + 1):
        for blocked in itertools.combinations(spans, k):
            test = _overlap_test(list(blocked))
            for start, end in itertools.combinations_with_replacement(range(0, 33), 2):
                probe = Span(start, end, "")
                assert test(start, end) == any(probe.overlaps(b) for b in blocked), (blocked, start, end)


@pytest.mark.parametrize("gap", ["؛", " ", "  ", "   ", "_", " -", "\u00a0", "، ", ".", "\t", "\n"])
def test_joined_matches_the_gap_rule(gap):
    text = "حرستا" + gap + "الشرقية"
    a, b = tokenize(text)
    plain = text[a.end : b.start]
    assert _joined(text, a, b) == (0 < len(plain) <= 2 and all(ch in " _-\u00a0\t" for ch in plain))


def test_boundary_class_is_the_boundary_set():
    for c in map(chr, range(0x3000)):
        assert (_BOUNDARY_RE.search(c) is not None) == (c in _BOUNDARY)


@pytest.mark.parametrize(
    "heads",
    [{"لودريان"}, {"ياسين", "عبد"}, {"ان"}, {"غير_موجود"}, {"دمشق", "حلب", "ريف"}],
)
@pytest.mark.parametrize("text", TEXTS)
def test_ending_in_matches_the_three_slices(heads, text):
    toks = tuple(_doc(text).tokens)
    expected = [
        i for i, t in enumerate(toks) if t.norm in heads or t.norm[1:] in heads or t.norm[2:] in heads
    ]
    assert _ending_in(toks, heads) == expected


def test_ending_in_with_short_words():
    toks = tuple(Token(i, i + 1, w, w) for i, w in enumerate(["ب", "وب", "ولب", "لبب", "ا"]))
    for heads in ({"ب"}, {"لب"}, {"ا", "ب"}):
        expected = [
            i for i, t in enumerate(toks) if t.norm in heads or t.norm[1:] in heads or t.norm[2:] in heads
        ]
        assert _ending_in(toks, heads) == expected


WORDS = [
    "وبالقتلى",
    "فالجرحى",
    "للمدنيين",
    "والنازحين",
    "قتلاهم",
    "طفلاها",
    "حصيلتهم",
    "اطفال",
    "ب",
    "",
    "هم",
]


@pytest.mark.parametrize("word", WORDS)
def test_cue_affix_splits_match_the_full_lists(word):
    assert cues._splits(word) == [("", word)] + [
        (p, word[len(p) :]) for p in cues._PROCLITICS if word.startswith(p) and len(word) - len(p) >= 2
    ]
    plain = []
    for e in cues._ENCLITICS:
        if word.endswith(e) and len(word) - len(e) >= 2:
            plain.append(word[: -len(e)])
            if plain[-1].endswith("ا"):
                plain.append(plain[-1][:-1] + "ي")
    assert cues._unclitic(word) == plain


@pytest.mark.parametrize("word", WORDS)
def test_cue_tags_match_a_scan_of_every_tag_set(word):
    info = cues.classify(word)
    tags = set()
    for pro, rest in cues._splits(word):
        if "ال" not in pro:
            tags |= {name for name, words in cues._TAG_SETS if rest in words}
    assert info.tags == frozenset(tags)


@pytest.mark.parametrize("word", ["وبدمشق", "للرقة", "فالغوطة", "حلب", "والحسكة", "ودوما", "قال"])
def test_gazetteer_name_starts_are_the_clitic_forms_that_start_names(word):
    gaz = KnowledgeBase().gazetteer
    norm = tokenize(word)[0].norm
    expected = tuple(
        (skip, form, clitic, gaz.max_tokens[form], gaz.has_key(form) and form not in gaz.not_matched)
        for skip, form, clitic in clitic_forms(norm)
        if gaz.max_tokens.get(form)
    )
    assert gaz.name_starts(norm) == expected
    assert gaz.name_starts_all([norm, norm]) == [expected, expected]


@pytest.mark.parametrize("norm", ["وبدمشق", "للرقه", "فللرقه", "حلب", "كحلب", "ودوما", "لل", "و", ""])
def test_clitic_forms_skip_only_words_without_a_clitic_letter(norm):
    from raqib.kb.geo_names import _CLITICS, _LL

    expected = [(0, norm, "")]
    for p in _LL:
        if norm.startswith(p) and len(norm) - len(p) >= 2:
            expected.append((len(p), "ال" + norm[len(p) :], p))
            break
    for p in _CLITICS:
        if norm.startswith(p) and len(norm) - len(p) >= 2:
            expected.append((len(p), norm[len(p) :], p))
    assert clitic_forms(norm) == expected


def test_clause_break_class_is_the_punctuation_list():
    from raqib.stages.places import _CLAUSE_BREAK

    for c in map(chr, range(0x3000)):
        assert (_CLAUSE_BREAK.search(c) is not None) == (c in '.،,؛;:!?؟()"«»\n')
