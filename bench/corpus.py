"""Reading the ANT corpus (../shared/corpus) for benchmarks; nothing of it is shipped."""

from __future__ import annotations

import gzip
import json
from collections.abc import Iterator
from pathlib import Path

CORPUS = Path(__file__).resolve().parent.parent.parent / "shared" / "corpus" / "ant_multisource_v2.1.jsonl.gz"


def iter_articles(limit: int | None = None, path: Path = CORPUS) -> Iterator[dict]:
    """Records with id, title, text, published, url (as raqib's JSONL input reads them)."""
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        for n, line in enumerate(fh):
            if limit is not None and n >= limit:
                return
            r = json.loads(line)
            if not (r.get("text") or "").strip():
                continue
            yield {"id": r["docno"], "title": r.get("title"), "text": r["text"],
                   "published": r.get("date"), "url": r.get("url")}
