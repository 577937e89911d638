"""Throughput and memory of the full pipeline over the ANT corpus, on one core.

    python bench/bench_pipeline.py [--limit N] [--stages segment,numbers,...]

Prints articles/s (one process = one core), mean article size, peak RSS, and the cold-start
time of one `raqib extract` process on one article. Throughput is steady state: the knowledge
base is loaded and one sample article run first (regexes and lexicons are built on first use;
that one-time cost is ``warm_up_s``, and the cold start measures it end to end). Wall time and
CPU time are both given: on a shared machine the CPU figures are the stable ones.
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from corpus import CORPUS, iter_articles  # noqa: E402

from raqib.model.doc import Doc  # noqa: E402
from raqib.pipeline import STAGES, Pipeline, parse_published  # noqa: E402

# A made-up report in the corpus style, run once before timing (see the module docstring).
WARM_UP_TEXT = (
    "قتل 12 مدنيا بينهم 4 أطفال وأصيب نحو 20 آخرين، الأحد، في غارات جوية شنها الطيران الحربي "
    "على بلدة معرة النعمان بريف إدلب، بحسب ما أفاد المرصد السوري لحقوق الإنسان. وقال وزير "
    "الخارجية التركي مولود جاويش أوغلو إن آلاف النازحين وصلوا إلى الحدود منذ 3 أيام."
)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--limit", type=int, default=None, help="articles to read (default: all 31.5k)")
    ap.add_argument("--stages", default=None, help="comma-separated stage names (default: all)")
    ap.add_argument("--json", action="store_true")
    a = ap.parse_args()
    if not CORPUS.exists():
        sys.exit(f"corpus not found: {CORPUS}")
    articles = list(iter_articles(a.limit))
    pipe = Pipeline(stages=a.stages.split(",") if a.stages else None)
    t0 = time.perf_counter()
    pipe.warm_up()
    load_s = time.perf_counter() - t0
    t0 = time.perf_counter()
    pipe(WARM_UP_TEXT, title="غارات على ريف إدلب", published="2018-03-04")
    warm_s = time.perf_counter() - t0
    per_stage = {name: 0.0 for name, _ in pipe.stages}
    per_stage_cpu = dict.fromkeys(per_stage, 0.0)
    counts = {"entities": 0, "figures": 0, "events": 0}
    chars = 0
    t0, c0 = time.perf_counter(), time.process_time()
    for r in articles:
        doc = Doc.create(r["text"], title=r["title"], published=parse_published(r["published"]), id=r["id"])
        for name, stage in pipe.stages:
            s, c = time.perf_counter(), time.process_time()
            doc = stage(doc, pipe.ctx)
            per_stage[name] += time.perf_counter() - s
            per_stage_cpu[name] += time.process_time() - c
        chars += len(doc.text)
        for k in counts:
            counts[k] += len(getattr(doc, k))
    elapsed = time.perf_counter() - t0
    cpu = time.process_time() - c0
    rss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    cold = cold_start()
    result = {
        "articles": len(articles),
        "seconds": round(elapsed, 2),
        "articles_per_s_one_core": round(len(articles) / elapsed, 1),
        "articles_per_cpu_s": round(len(articles) / cpu, 1),
        "mean_chars": round(chars / max(1, len(articles))),
        "kb_load_s": round(load_s, 3),
        "warm_up_s": round(warm_s, 3),
        "peak_rss_mb": round(rss_mb, 1),
        "cold_start_one_article_s": cold,
        "ms_per_article_by_stage": {
            k: round(v * 1000 / max(1, len(articles)), 3) for k, v in per_stage.items()
        },
        "cpu_ms_per_article_by_stage": {
            k: round(v * 1000 / max(1, len(articles)), 3) for k, v in per_stage_cpu.items()
        },
        "totals": counts,
        "stages": [n for n, _ in STAGES if n in per_stage],
    }
    print(json.dumps(result, indent=1, ensure_ascii=False))


def cold_start() -> float:
    """Wall time of `raqib extract` on one article in a fresh process (imports and data loads)."""
    with tempfile.NamedTemporaryFile("w", suffix=".txt", encoding="utf-8", delete=False) as f:
        f.write(
            "قتل 5 مدنيين في غارة جوية على مدينة دوما في ريف دمشق السبت، بحسب المرصد السوري لحقوق الإنسان.\n"
        )
    t0 = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "raqib.cli", "extract", f.name, "--published", "2018-03-04"],
        check=True,
        capture_output=True,
    )
    Path(f.name).unlink()
    return round(time.perf_counter() - t0, 3)


if __name__ == "__main__":
    main()
