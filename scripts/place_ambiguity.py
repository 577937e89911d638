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
from collections.abc import Iterator
from pathlib import Path

from raqib.kb.geo_names import ADMIN_PREFIXES, PLACE_NOUNS, PLACE_PREPS, clitic_forms
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


def _corpus_tokens(corpus: Path, n_docs: int, table: dict[int, str]) -> Iterator[list[str]]:
    """Folded word tokens of the title and text of each of the first ``n_docs`` corpus articles."""
    with gzip.open(corpus, "rt", encoding="utf-8") as f:
        for n, line in enumerate(f):
            if n >= n_docs:
                break
            r = json.loads(line)
            text = " ".join(str(r.get(k) or "") for k in ("title", "text"))
            yield _WORD.findall(text.translate(table).lower())


def _fold_table() -> dict[int, str]:
    table = {}
    for c in list(range(0x0600, 0x0700)) + [0x0640, 0x200C, 0x200D, 0x200E, 0x200F]:
        f = fold_char(chr(c))
        if f != chr(c):
            table[c] = f
    return table


def _longest_by_first_word(keys: set[str]) -> dict[str, int]:
    """The most words a name starting with each first word has (how far to look ahead)."""
    maxlen: dict[str, int] = {}
    for k in keys:
        parts = k.split(" ")
        maxlen[parts[0]] = max(maxlen.get(parts[0], 0), len(parts))
    return maxlen


def measure_ambiguity(
    corpus: Path, keys: set[str], n_docs: int, exempt: frozenset[str] = frozenset()
) -> dict[str, tuple[int, float, str]]:
    """{key: (freq, cue_ratio, decision)} for the names that need context ("stop" or "cue")."""
    if not corpus.exists():
        return {}
    maxlen = _longest_by_first_word(keys)
    table = _fold_table()
    freq: Counter[str] = Counter()
    cued: Counter[str] = Counter()
    words: Counter[str] = Counter()
    strong: Counter[str] = Counter()
    for toks in _corpus_tokens(corpus, n_docs, table):
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
                    bare_prev = next((fm for _, fm, _ in clitic_forms(prev)[::-1] if fm in PLACE_NOUNS), prev)
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


# --- context table (place_context.tsv) -------------------------------------------------------
# A name followed by one word in at least COLLOC_SHARE of its occurrences (and COLLOC_MIN times),
# (almost) never after a place noun, is a common noun in a set phrase there: "وقف إطلاق النار" (ceasefire),
# "شبه الجزيرة" (peninsula), "القرن الماضي". Real places are followed by varied words; their
# frequent followers are place words themselves (دير الزور, a key of its own) or come after a
# place noun (ريف حلب الشمالي). Only names without a notable sense are measured.
COLLOC_SHARE = 0.1
COLLOC_MIN = 8
# ...allowing a few place nouns before it ("مركز وقف إطلاق النار" has مركز, a place word).
STRONG_MAX = 0.05
# Preceded by one word (not a place noun) in at least PREV_SHARE of PREV_MIN+ occurrences: a
# prepositional set phrase ("في إطار", "بين البلدين", "من خلاله"); real places follow many words.
PREV_SHARE = 0.6
PREV_MIN = 20
# A word with a proclitic whose remainder is a name ("لعبة" = ل + عبة, "كلية" = ك + لية) is a word
# of its own when it is seen at least WORD_MIN times and more often than the remainder alone
# ("وحلب" is rarer than "حلب"; "لعبة" far commoner than "عبة").
WORD_MIN = 5
_FUNCTION = frozenset(
    ["في", "من", "الى", "علي", "عن", "مع", "و", "او", "ثم", "ان", "انه", "التي", "الذي", "الذين", "حيث"]
    + ["بعد", "قبل", "منذ", "خلال", "حتي", "كما", "لا", "ما", "قد", "هو", "هي"]
)


def measure_context(
    corpus: Path, keys: set[str], n_docs: int, notable: frozenset[str] = frozenset()
) -> list[tuple[str, str, str, int, float]]:
    """Rows (kind, word, other, count, share): "next" (name, following word) and "prev"
    (name, preceding word) set phrases of names with no notable sense, and "word" (a word whose
    clitic reading is a name but which is a word of its own; other = the remainder)."""
    if not corpus.exists():
        return []
    maxlen = _longest_by_first_word(keys)
    table = _fold_table()
    freq: Counter[str] = Counter()
    nxt: Counter[tuple[str, str]] = Counter()
    nxt_strong: Counter[tuple[str, str]] = Counter()
    prv: Counter[tuple[str, str]] = Counter()
    words: Counter[str] = Counter()
    for toks in _corpus_tokens(corpus, n_docs, table):
        words.update(toks)
        for i, tok in enumerate(toks):
            for _skip, form, _clitic in clitic_forms(tok):
                m = maxlen.get(form)
                if not m:
                    continue
                hit, ln = None, 0
                for ln in range(min(m, len(toks) - i), 0, -1):
                    key = " ".join([form, *toks[i + 1 : i + ln]])
                    if key in keys:
                        hit = key
                        break
                if hit and hit not in notable:
                    prev = toks[i - 1] if i else ""
                    bare_prev = next((fm for _, fm, _ in clitic_forms(prev)[::-1] if fm in PLACE_NOUNS), prev)
                    strong = bare_prev in PLACE_NOUNS
                    freq[hit] += 1
                    after = toks[i + ln] if i + ln < len(toks) else ""
                    if after:
                        nxt[hit, after] += 1
                        nxt_strong[hit, after] += strong
                    if prev and not strong and not _clitic:
                        prv[hit, prev] += 1
                if hit:
                    break
    rows: list[tuple[str, str, str, int, float]] = []
    for (k, w), c in nxt.items():
        share = c / freq[k]
        if (
            c >= COLLOC_MIN
            and share >= COLLOC_SHARE
            and nxt_strong[k, w] <= STRONG_MAX * c
            and w not in _FUNCTION
        ):
            # "مديرية نهم شرق": a name led by a place word, or a direction after it, is a place.
            head = k.split(" ", 1)[0]
            if (
                f"{k} {w}" not in keys
                and head not in ADMIN_PREFIXES
                and head not in PLACE_NOUNS
                and (w not in PLACE_PREPS)
            ):
                rows.append(("next", k, w, c, share))
    for (k, w), c in prv.items():
        share = c / freq[k]
        if c >= PREV_MIN and share >= PREV_SHARE:
            rows.append(("prev", k, w, c, share))
    for w, c in words.items():
        if c < WORD_MIN or w in maxlen:
            continue
        for _skip, form, _c in clitic_forms(w)[1:]:
            if form in keys and form not in notable and c > words[form]:
                rows.append(("word", w, form, c, words[form] / c))
                break
    return sorted(rows)


def main() -> None:
    """Rewrite raqib/kb/data/place_context.tsv from the built gazetteer and the ANT corpus."""
    import argparse

    root = Path(__file__).resolve().parents[1]
    ap = argparse.ArgumentParser()
    ap.add_argument("--shared", default=str(root.parent / "shared"))
    ap.add_argument("--corpus-docs", type=int, default=8000)
    a = ap.parse_args()
    write_context(root / "raqib" / "kb" / "data", Path(a.shared), a.corpus_docs)


def notable_keys(lines: list[str]) -> tuple[set[str], frozenset[str]]:
    """(all keys, keys of which some entry is a country, a province or a big/known place) of
    gazetteer lines (the build format: prior in column 14, keys in column 15)."""
    keys: set[str] = set()
    notable: set[str] = set()
    for ln in lines:
        c = ln.split("\t")
        ks = c[15].split("|")
        keys.update(ks)
        if c[10] in ("country", "admin1") or float(c[14] or 0) >= NOTABLE_PRIOR:
            notable.update(ks)
    return keys, frozenset(notable)


# The places stage takes a name of this prior (raqib.stages.places) as a notable place.
NOTABLE_PRIOR = 5.5


def write_context(data: Path, shared: Path, n_docs: int) -> int:
    lines = gzip.decompress((data / "gazetteer.tsv.gz").read_bytes()).decode("utf-8").split("\n")[1:]
    keys, notable = notable_keys([ln for ln in lines if ln])
    rows = measure_context(shared / "corpus" / "ant_multisource_v2.1.jsonl.gz", keys, n_docs, notable)
    with open(data / "place_context.tsv", "w", encoding="utf-8") as f:
        f.write("kind\tword\tother\tcount\tshare\n")
        for kind, w, o, c, s in rows:
            f.write(f"{kind}\t{w}\t{o}\t{c}\t{s:.3f}\n")
    return len(rows)


if __name__ == "__main__":
    main()
