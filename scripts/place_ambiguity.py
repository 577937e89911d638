"""Which gazetteer names are mostly common words in Arabic news: measured on the ANT corpus.

For every name key we count its token-bounded occurrences (with attached proclitics) in a sample
of the corpus and how often a place cue precedes it (a place noun such as مدينة/بلدة/ريف, a
preposition such as في/من/قرب, or an attached ب). A real place in the news is introduced that
way often; a common word ("السلام"، "الشيخ"، "الجيش") rarely. Only counts are kept.
"""

from __future__ import annotations

import gzip
import json
import re
from collections import Counter
from pathlib import Path

from raqib.kb.geo_names import PLACE_NOUNS, PLACE_PREPS, clitic_forms
from raqib.text.normalize import fold_char

_WORD = re.compile(r"[^\W_]+")
# Thresholds: a name seen at least MIN_FREQ times in the sample whose cue ratio is below STOP is
# a common word (needs a place noun right before it); below CUE it needs at least a preposition.
# Chosen from the distribution on 8000 ANT articles: real places in the news (دوما 0.5, حرستا
# 0.6, إدلب 0.55) sit far above common words (السلام 0.03, الشيخ 0.04, الجيش 0.06).
MIN_FREQ = 12
STOP = 0.12
CUE = 0.3
# A name whose other word forms (with/without ال, with a pronoun suffix: حالة -> الحالة، حالته)
# are at least COMMON times as frequent as the name itself is a common noun ("حالة"، "القصر"،
# "العقبة" as obstacle); place names are rarely inflected (دمشق، الرقة: ratio near 0).
COMMON = 0.25
# ...unless a place noun precedes it often enough (مدينة حلب، ريف حماة): then it is a place too.
STRONG = 0.1
_SUFFIXES = ("ه", "ها", "هم", "هما", "نا", "كم", "ي")


def _alt_forms(key: str) -> list[str]:
    bare = key[2:] if key.startswith("ال") else key
    out = [bare if key.startswith("ال") else "ال" + key]
    stem = bare[:-1] + "ت" if bare.endswith("ه") else bare
    out += [stem + s for s in _SUFFIXES]
    return out


def _fold_table() -> dict[int, str]:
    table = {}
    for c in list(range(0x0600, 0x0700)) + [0x0640, 0x200C, 0x200D, 0x200E, 0x200F]:
        f = fold_char(chr(c))
        if f != chr(c):
            table[c] = f
    return table


def measure_ambiguity(
    corpus: Path, keys: set[str], n_docs: int, exempt: frozenset[str] = frozenset()
) -> dict[str, tuple[int, float, str]]:
    """{key: (freq, cue_ratio, decision)} for the names that need context ("stop" or "cue")."""
    if not corpus.exists():
        return {}
    maxlen: dict[str, int] = {}
    for k in keys:
        parts = k.split(" ")
        maxlen[parts[0]] = max(maxlen.get(parts[0], 0), len(parts))
    table = _fold_table()
    freq: Counter[str] = Counter()
    cued: Counter[str] = Counter()
    words: Counter[str] = Counter()
    strong: Counter[str] = Counter()
    with gzip.open(corpus, "rt", encoding="utf-8") as f:
        for n, line in enumerate(f):
            if n >= n_docs:
                break
            r = json.loads(line)
            text = " ".join(str(r.get(k) or "") for k in ("title", "text"))
            toks = _WORD.findall(text.translate(table).lower())
            words.update(toks)
            for i, tok in enumerate(toks):
                prev = toks[i - 1] if i else ""
                for _skip, form, clitic in clitic_forms(tok):
                    m = maxlen.get(form)
                    if not m:
                        continue
                    hit = None
                    for ln in range(min(m, len(toks) - i), 0, -1):
                        key = " ".join([form, *toks[i + 1 : i + ln]])
                        if key in keys:
                            hit = key
                            break
                    if hit:
                        freq[hit] += 1
                        bare_prev = next(
                            (fm for _, fm, _ in clitic_forms(prev)[::-1] if fm in PLACE_NOUNS), prev
                        )
                        if (
                            "ب" in clitic
                            or prev in PLACE_PREPS
                            or prev in PLACE_NOUNS
                            or bare_prev in PLACE_NOUNS
                        ):
                            cued[hit] += 1
                        if bare_prev in PLACE_NOUNS:
                            strong[hit] += 1
                        break
    out = {}
    for k, c in freq.items():
        if c < MIN_FREQ:
            continue
        ratio = cued[k] / c
        # Country names are exempt from the word-form test: "سورية" is also the adjective "Syrian".
        alt = (
            0
            if " " in k or k in exempt
            else sum(words[a] + words["و" + a] + words["ب" + a] + words["ل" + a] for a in _alt_forms(k))
        )
        if alt >= COMMON * c and strong[k] < STRONG * c:
            out[k] = (c, ratio, "stop")
        elif ratio < CUE:
            out[k] = (c, ratio, "stop" if ratio < STOP else "cue")
    return out
