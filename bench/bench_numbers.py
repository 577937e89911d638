"""Throughput of find_quantities over corpus articles, and a sample of its output for eyeballing.

Usage: python bench/bench_numbers.py [N=2000] [--show UNIT|count|vague] [--sample K]
Reads ../shared/corpus/ant_multisource_v2.1.jsonl.gz (never copied into the project).
"""

from __future__ import annotations

import argparse
import collections
import gzip
import json
import random
import time
from pathlib import Path

from raqib.text.normalize import normalize
from raqib.text.numbers import find_quantities

CORPUS = Path(__file__).resolve().parents[2] / "shared/corpus/ant_multisource_v2.1.jsonl.gz"


def load(n: int) -> list[str]:
    out = []
    with gzip.open(CORPUS, "rt", encoding="utf-8") as f:
        for line in f:
            d = json.loads(line)
            title, body = d.get("title") or "", d.get("text") or ""
            out.append(f"{title}\n\n{body}" if title else body)
            if len(out) >= n:
                break
    return out


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("n", nargs="?", type=int, default=2000)
    ap.add_argument("--show", default=None, help="unit to sample ('count' for unit None, 'vague')")
    ap.add_argument("--sample", type=int, default=40)
    ap.add_argument("--seed", type=int, default=1)
    args = ap.parse_args()
    texts = load(args.n)
    views = [normalize(t) for t in texts]
    chars = sum(len(t) for t in texts)
    results = [find_quantities(t, v) for t, v in zip(texts, views, strict=True)]
    # CPU time of this process, best of 3 runs (the machine is shared; wall time is noisy).
    dt = float("inf")
    for _ in range(3):
        t0 = time.process_time()
        for t, v in zip(texts, views, strict=True):
            find_quantities(t, v)
        dt = min(dt, time.process_time() - t0)
    # Reference workload on the same texts, for comparing runs on a shared (loaded) machine.
    dn = float("inf")
    for _ in range(3):
        t0 = time.process_time()
        for t in texts:
            normalize(t)
        dn = min(dn, time.process_time() - t0)
    n_q = sum(len(r) for r in results)
    print(f"{len(texts)} articles, {chars / 1e6:.1f} M chars, {n_q} quantities")
    print(
        f"find_quantities (CPU, best of 3): {dt:.2f} s = {1000 * dt / len(texts):.3f} ms/article, "
        f"{1000 * dt / (chars / 3000):.3f} ms per 3 KB, {len(texts) / dt:.0f} articles/s"
    )
    print(f"normalize (reference, CPU): {1000 * dn / (chars / 3000):.3f} ms per 3 KB; ratio {dt / dn:.2f}")
    units = collections.Counter(q.unit if not q.vague else "vague" for r in results for q in r)
    print(dict(units.most_common()))
    if args.show:
        rnd = random.Random(args.seed)
        pool = []
        for t, r in zip(texts, results, strict=True):
            for q in r:
                u = "vague" if q.vague else (q.unit or "count")
                if u == args.show:
                    pool.append((t, q))
        for t, q in rnd.sample(pool, min(args.sample, len(pool))):
            s, e = q.span.start, q.span.end
            ctx = (t[max(0, s - 40) : s] + "[[" + q.span.text + "]]" + t[e : e + 40]).replace("\n", " ")
            print(f"{q.value!s:>10} {q.qualifier or '':8} | {ctx}")


if __name__ == "__main__":
    main()
