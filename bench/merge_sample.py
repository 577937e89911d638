"""Draw report pairs for hand-labelling merges, blind to the merger's decision.

Ingests the ANT articles of a period that mention a place word into a fresh database, then draws
pairs of reports from different articles, per stratum:

- ``slot_merged``: the same type, place and day, put in one event;
- ``slot_split``: the same type, place and day, left in two events;
- ``type_diff``: the same place and day, another type;
- ``nested``: the same type and day, a region and a town inside it.

The worksheet (``--out``) holds, per pair, the two evidence sentences with their type, place and
day; ``--show`` prints them shuffled and without the strata (which tell the merger's decision),
so the label is the reader's. Pairs already in the label file are not drawn again. A label file is written
from a worksheet once its ``same_event`` fields are filled in (``--labels``): sides are kept as
article ids and evidence offsets only, no text (see bench/eval_merge.py).

    .venv/bin/python bench/merge_sample.py --since 2018-06-01 --until 2018-06-30 --word الحديدة \
        --per-stratum 16 --out /tmp/hodeidah.jsonl
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpus" / "ant_multisource_v2.1.jsonl.gz"
LABELS = ROOT / "bench" / "merge_labels.jsonl"
STRATA = ("slot_merged", "slot_split", "type_diff", "nested")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", default=str(CORPUS))
    ap.add_argument("--since")
    ap.add_argument("--until")
    ap.add_argument("--word", action="append", help="a word the articles mention")
    ap.add_argument("--per-stratum", type=int, default=16)
    ap.add_argument("--out", help="the worksheet (JSONL) to write")
    ap.add_argument(
        "--decisions",
        nargs=2,
        metavar=("WORKSHEET", "DECISIONS"),
        help="append labels to bench/merge_labels.jsonl: DECISIONS is a JSON object of pair -> "
        "true/false/null (null: undecidable from the two sentences, left out)",
    )
    ap.add_argument("--split", required=False, default="new", help="the split name of appended labels")
    ap.add_argument(
        "--show",
        metavar="WORKSHEET",
        help="print a worksheet's pairs for reading, shuffled and without their strata (the stratum "
        "tells whether the merger joined the pair)",
    )
    args = ap.parse_args()
    if args.show:
        show(args.show)
        return 0
    if args.decisions:
        n = append_labels(*args.decisions, split=args.split)
        print(f"{n} labels appended to {LABELS}", file=sys.stderr)
        return 0
    if not (args.since and args.until and args.word and args.out):
        ap.error("--since, --until, --word and --out are required to draw pairs")

    from eval_merge import ingest_period  # bench/eval_merge.py, beside this script

    from raqib.store import open_store

    db = ingest_period(args.corpus, set(), periods=((args.since, args.until, tuple(args.word)),))
    with open_store(db) as store:
        reports = load(store)
    pairs = draw(reports, args.per_stratum, exclude=labelled_pairs())
    with open(args.out, "w", encoding="utf-8") as out:
        for i, p in enumerate(pairs):
            out.write(json.dumps({"pair": i, **p, "same_event": None}, ensure_ascii=False) + "\n")
    print(f"{len(pairs)} pairs from {len(reports)} reports -> {args.out} (database {db})", file=sys.stderr)
    return 0


def append_labels(worksheet: str, decisions: str, *, split: str) -> int:
    """Append the decided pairs of a worksheet to the label file, without their text."""
    with open(decisions, encoding="utf-8") as fh:
        decided = {int(k): v for k, v in json.load(fh).items()}
    with LABELS.open(encoding="utf-8") as fh:
        next_pair = 1 + max(json.loads(line)["pair"] for line in fh if line.strip())
    n = 0
    with open(worksheet, encoding="utf-8") as fh, LABELS.open("a", encoding="utf-8") as out:
        for line in fh:
            w = json.loads(line)
            same = decided.get(w["pair"])
            if same is None:
                continue
            sides = {
                k: {f: w[k][f] for f in ("article_id", "url", "evidence_start", "evidence_end", "type", "date",
                                         "place_key")}
                for k in ("a", "b")
            }  # fmt: skip
            rec = {"pair": next_pair + n, **sides, "same_event": bool(same), "split": split,
                   "stratum": w["stratum"]}  # fmt: skip
            out.write(json.dumps(rec, ensure_ascii=False) + "\n")
            n += 1
    return n


def show(worksheet: str) -> None:
    with open(worksheet, encoding="utf-8") as fh:
        rows = [json.loads(line) for line in fh if line.strip()]
    rows.sort(key=lambda w: hashlib.sha1(f"{worksheet}:{w['pair']}".encode()).hexdigest())
    for w in rows:
        print(f"## pair {w['pair']}")
        for k in ("a", "b"):
            x = w[k]
            print(f"  {k}: {x['type']} {x['date']} {x['place']} | {x['text']}")


def labelled_pairs() -> set[frozenset[tuple[str, int]]]:
    """The pairs already in the label file, as sets of (article id, evidence start): a new draw
    over a period drawn before leaves them out."""
    out: set[frozenset[tuple[str, int]]] = set()
    if LABELS.exists():
        with LABELS.open(encoding="utf-8") as fh:
            for line in fh:
                if line.strip():
                    lab = json.loads(line)
                    out.add(frozenset((lab[k]["article_id"], lab[k]["evidence_start"]) for k in ("a", "b")))
    return out


def load(store) -> list[dict]:
    from raqib.merge.nesting import point

    out = []
    rows = store.execute(
        "SELECT r.article_id, r.event_id, r.type, r.slot, r.date, r.json, a.url FROM reports r "
        "JOIN articles a ON a.id = r.article_id"
    ).fetchall()
    for row in rows:
        r = dict(row)
        ev = json.loads(r["json"])
        e = ev.get("evidence") or {}
        if not r["date"] or point(ev.get("location")) is None:
            continue
        out.append(
            {
                "article_id": r["article_id"],
                "url": r["url"],
                "event_id": r["event_id"],
                "type": r["type"],
                "sub_type": ev.get("sub_type"),
                "date": r["date"],
                "place_key": r["slot"].split("|", 2)[-1],
                "place": (ev.get("location") or {}).get("name_en"),
                "point": point(ev.get("location")),
                "evidence_start": e.get("start"),
                "evidence_end": e.get("end"),
                "text": e.get("text"),
            }
        )
    return out


def draw(
    reports: list[dict], per_stratum: int, exclude: set[frozenset[tuple[str, int]]] = frozenset()
) -> list[dict]:
    """Up to ``per_stratum`` pairs per stratum, in an order fixed by a hash of the pair (so the
    draw is reproducible and not the corpus order), at most one pair per article pair, none of
    ``exclude`` (pairs of (article id, evidence start) labelled before)."""
    from raqib.merge.nesting import contains

    cands: dict[str, list[tuple[str, dict, dict]]] = {s: [] for s in STRATA}
    by_day: dict[str, list[dict]] = {}
    for r in reports:
        by_day.setdefault(r["date"], []).append(r)
    for day_reports in by_day.values():
        for i, a in enumerate(day_reports):
            for b in day_reports[i + 1 :]:
                if a["article_id"] == b["article_id"]:
                    continue
                same_place = a["place_key"] == b["place_key"]
                if same_place and a["type"] == b["type"]:
                    stratum = "slot_merged" if a["event_id"] == b["event_id"] else "slot_split"
                elif same_place:
                    stratum = "type_diff"
                elif a["type"] == b["type"] and (
                    contains(a["point"], b["point"]) or contains(b["point"], a["point"])
                ):
                    stratum = "nested"
                else:
                    continue
                key = hashlib.sha1("|".join(sorted([_side_key(a), _side_key(b)])).encode("utf-8")).hexdigest()
                cands[stratum].append((key, a, b))
    out = []
    for stratum in STRATA:
        seen_articles: set[tuple[str, str]] = set()
        taken = 0
        for _, a, b in sorted(cands[stratum], key=lambda x: x[0]):
            art = tuple(sorted((a["article_id"], b["article_id"])))
            sides = frozenset((r["article_id"], r["evidence_start"]) for r in (a, b))
            if art in seen_articles or sides in exclude:
                continue
            seen_articles.add(art)
            out.append({"stratum": stratum, "a": _side(a), "b": _side(b)})
            taken += 1
            if taken == per_stratum:
                break
    return out


def _side_key(r: dict) -> str:
    return f"{r['article_id']}:{r['evidence_start']}:{r['place_key']}:{r['type']}"


def _side(r: dict) -> dict:
    keep = (
        "article_id",
        "url",
        "evidence_start",
        "evidence_end",
        "type",
        "date",
        "place_key",
        "place",
        "text",
    )
    return {k: r[k] for k in keep}


if __name__ == "__main__":
    sys.exit(main())
