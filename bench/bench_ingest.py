"""Ingest throughput: articles per second into a fresh SQLite (or PostgreSQL) database.

    .venv/bin/python bench/bench_ingest.py                       # the 31.5k ANT articles
    .venv/bin/python bench/bench_ingest.py --limit 3000          # a sample
    .venv/bin/python bench/bench_ingest.py --db postgresql://postgres@127.0.0.1/bench

Target (issue "A living event database"): >= 100 articles/s with 2 extraction workers.
"""

from __future__ import annotations

import argparse
import gzip
import itertools
import json
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpus" / "ant_multisource_v2.1.jsonl.gz"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--input", default=str(CORPUS), help="JSONL(.gz) input (default: the ANT corpus)")
    ap.add_argument("--limit", type=int, help="only the first N records (written to a temporary file)")
    ap.add_argument("--db", help="database (default: a new SQLite file in a temporary folder)")
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--batch-size", type=int, default=200)
    ap.add_argument("--keep", help="database path to keep (for bench_api.py)")
    ap.add_argument(
        "--stages", help="comma-separated pipeline stages only (e.g. segment: the ingest machinery)"
    )
    ap.add_argument("--similarity", action="store_true", help="merge with sentence embeddings too")
    args = ap.parse_args()

    from raqib.ingest import ingest
    from raqib.store import open_store

    tmp = Path(tempfile.mkdtemp(prefix="raqib-bench-"))
    src = Path(args.input)
    if not src.exists():
        print(f"input {src} not found", file=sys.stderr)
        return 2
    if args.limit:
        sample = tmp / "sample.jsonl"
        opener = gzip.open if src.name.endswith(".gz") else open
        with opener(src, "rt", encoding="utf-8") as fh, sample.open("w", encoding="utf-8") as out:
            out.writelines(itertools.islice(fh, args.limit))
        src = sample
    db = args.keep or args.db or str(tmp / "bench.db")
    t0 = time.monotonic()
    with open_store(db, similarity=args.similarity) as store:
        stages = args.stages.split(",") if args.stages else None
        summary = ingest([str(src)], store, workers=args.workers, batch_size=args.batch_size, stages=stages)
        events = store.count("events")
        reports = store.count("reports")
    wall = time.monotonic() - t0
    result = summary.to_dict()
    result.update({"db": db, "wall_seconds": round(wall, 1), "events_stored": events, "reports_stored": reports,
                   "workers": args.workers, "articles_per_second_wall": round(summary.read / wall, 1)})  # fmt: skip
    print(json.dumps(result, ensure_ascii=False, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
