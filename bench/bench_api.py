"""Latency of filtered /events queries through real HTTP (uvicorn on 127.0.0.1, httpx client).

    .venv/bin/python bench/bench_api.py --db /tmp/ant.db        # a database made by bench_ingest.py --keep

Target (issue "A living event database"): p95 <= 50 ms for a filtered /events query.
"""

from __future__ import annotations

import argparse
import json
import random
import socket
import statistics
import sys
import threading
import time


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--db", required=True)
    ap.add_argument("-n", type=int, default=300, help="requests per query kind")
    args = ap.parse_args()

    import httpx
    import uvicorn

    from raqib.web import create_app

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    server = uvicorn.Server(
        uvicorn.Config(create_app(args.db), host="127.0.0.1", port=port, log_level="warning")
    )
    threading.Thread(target=server.run, daemon=True).start()
    while not server.started:
        time.sleep(0.05)
    rng = random.Random(1)
    days = [f"2018-{m:02d}-{d:02d}" for m in range(2, 11) for d in range(1, 29)]
    kinds = {
        "date range + country": lambda: {"start": (d := rng.choice(days)), "end": d[:8] + "28", "country": "SY"},
        "type + min_fatalities": lambda: {"type": rng.choice(["battles", "explosions_remote_violence",
                                                               "violence_against_civilians"]), "min_fatalities": 1},
        "bbox (Syria)": lambda: {"bbox": "35.5,32.3,42.4,37.3", "start": rng.choice(days)},
        "text query": lambda: {"q": rng.choice(["دوما", "حرستا", "الغوطة", "حلب", "غارة", "Douma", "Aden"])},
        "actor + page 3": lambda: {"actor": "forces", "offset": 100, "limit": 50},
    }  # fmt: skip
    out = {}
    with httpx.Client(base_url=f"http://127.0.0.1:{port}", timeout=30) as client:
        total = client.get("/events", params={"limit": 1}).json()["total"]
        for name, make in kinds.items():
            times = []
            for _ in range(args.n):
                t = time.perf_counter()
                r = client.get("/events", params=make())
                times.append((time.perf_counter() - t) * 1000)
                r.raise_for_status()
            times.sort()
            out[name] = {"p50_ms": round(statistics.median(times), 2),
                         "p95_ms": round(times[int(0.95 * len(times)) - 1], 2),
                         "max_ms": round(times[-1], 2)}  # fmt: skip
    server.should_exit = True
    print(json.dumps({"db": args.db, "events": total, "requests_per_kind": args.n, "latency": out}, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
