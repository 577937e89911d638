"""CPU time of the events stage alone over ANT corpus articles, on one core.

    python bench/bench_events.py [--limit 300]

The other stages run first (not timed); then the events stage runs twice over the same
articles: the first pass starts with empty per-word caches (what a short batch sees), the
second is steady state (a long run). CPU time (time.process_time), so the figures hold on a
shared machine. Target: under 2 ms per 3 KB article (the corpus mean, ~1,570 characters).
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from corpus import CORPUS, iter_articles  # noqa: E402

from raqib.model.doc import Doc  # noqa: E402
from raqib.pipeline import Pipeline, parse_published  # noqa: E402
from raqib.stages import events  # noqa: E402


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--limit", type=int, default=300)
    a = ap.parse_args()
    if not CORPUS.exists():
        sys.exit(f"corpus not found: {CORPUS}")
    pipe = Pipeline(stages=["segment", "numbers", "dates", "entities", "places", "figures"])
    pipe.warm_up()
    docs = []
    for r in iter_articles(a.limit):
        doc = Doc.create(r["text"], title=r["title"], published=parse_published(r["published"]), id=r["id"])
        for _, stage in pipe.stages:
            doc = stage(doc, pipe.ctx)
        docs.append(doc)
    chars = sum(len(d.text) for d in docs) / max(1, len(docs))
    result = {"articles": len(docs), "mean_chars": round(chars)}
    for name in ("first_pass", "steady_state"):
        c0 = time.process_time()
        n_events = sum(len(events.run(d, pipe.ctx).events) for d in docs)
        ms = (time.process_time() - c0) * 1000 / max(1, len(docs))
        result[name] = {"cpu_ms_per_article": round(ms, 3), "events": n_events}
    print(json.dumps(result, indent=1))


if __name__ == "__main__":
    main()
