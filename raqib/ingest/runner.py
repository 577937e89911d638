"""The ingest run: read sources, drop duplicates, extract in worker processes, store in batches.

One reader/writer (this process) and N extraction workers (one ``Pipeline`` each). Each batch is
stored in one transaction, so killing the run loses at most the batch in flight, and the rerun
skips everything already committed (ids, URLs and text hashes are checked before extraction).
"""

from __future__ import annotations

import contextlib
import hashlib
import multiprocessing
import re
import sys
import time
from collections import Counter, deque
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from typing import TextIO

from raqib.errors import InputError
from raqib.ingest.dedup import Deduplicator, minhash, text_hash
from raqib.ingest.feeds import FeedDone
from raqib.ingest.fetch import FetchPolicy
from raqib.ingest.progress import Progress
from raqib.ingest.records import RawArticle
from raqib.ingest.sources import estimate_total, iter_sources
from raqib.model.doc import TITLE_SEPARATOR
from raqib.store import ArticleRow, Store, extractor_id

MAX_REPORTED = 50  # failures printed one by one; the rest are only counted by reason


@dataclass
class IngestSummary:
    """What an ingest (or re-extraction) did."""

    read: int = 0
    new: int = 0
    duplicate: int = 0
    failed: int = 0
    duplicates: Counter = field(default_factory=Counter)
    failures: list[str] = field(default_factory=list)  # "file:line: reason"
    reasons: Counter = field(default_factory=Counter)  # reason -> count
    events: Counter = field(default_factory=Counter)
    seconds: float = 0.0

    @property
    def rate(self) -> float:
        return self.read / self.seconds if self.seconds else 0.0

    def to_dict(self) -> dict:
        return {
            "read": self.read,
            "new": self.new,
            "duplicate": self.duplicate,
            "failed": self.failed,
            "duplicates": dict(self.duplicates),
            "failures": self.failures[:MAX_REPORTED],
            "failure_reasons": dict(self.reasons),
            "events": dict(self.events),
            "seconds": round(self.seconds, 2),
            "articles_per_second": round(self.rate, 1),
        }

    def text(self) -> str:
        lines = [
            f"read {self.read}, new {self.new}, duplicate {self.duplicate}, failed {self.failed} "
            f"in {self.seconds:.1f} s ({self.rate:.1f} articles/s)"
        ]
        if self.duplicates:
            lines.append("  duplicates: " + ", ".join(f"{k} {v}" for k, v in self.duplicates.most_common()))
        if self.reasons:
            lines.append("  failed: " + "; ".join(f"{k} ({v})" for k, v in self.reasons.most_common(10)))
        if any(self.events.values()):
            lines.append("  events: " + ", ".join(f"{k} {v}" for k, v in sorted(self.events.items())))
        return "\n".join(lines)


@dataclass(frozen=True)
class Pending:
    row: ArticleRow
    title: str | None
    body: str


def article_id(raw: RawArticle, th: str) -> str:
    """The given id, else one derived from the URL, else from the text hash (stable across runs)."""
    if raw.id:
        return raw.id
    basis = raw.url or th
    return "a_" + hashlib.sha1(basis.encode("utf-8")).hexdigest()[:16]


def ingest(
    sources: Sequence[str],
    store: Store,
    *,
    workers: int = 2,
    batch_size: int = 200,
    progress: bool = True,
    log: TextIO | None = None,
    policy: FetchPolicy | None = None,
    fetch_pages: bool = True,
    stages: Sequence[str] | None = None,
) -> IngestSummary:
    """Read, de-duplicate, extract and store every article of ``sources``; see the module doc.

    ``stages`` limits the pipeline to some stages (for benchmarks of the ingest machinery)."""
    log = log or sys.stderr
    summary = IngestSummary()
    start = time.monotonic()
    ext = extractor_id()
    store.ensure_extractor(ext)
    dedup = Deduplicator.from_keys(store.known_keys())
    bar = Progress(estimate_total(sources) if progress else None, enabled=progress, stream=log)

    def fail(message: str, reason: str) -> None:
        summary.failed += 1
        summary.failures.append(message)
        summary.reasons[reason] += 1
        if len(summary.failures) <= MAX_REPORTED:
            _log_line(log, message, bar)
        elif len(summary.failures) == MAX_REPORTED + 1:
            _log_line(log, "... further failures are counted in the summary", bar)

    def candidates() -> Iterator[Pending | FeedDone]:
        items = iter_sources(sources, feed_state=store.feed_state, policy=policy, fetch_pages=fetch_pages)
        for item in items:
            if isinstance(item, FeedDone):
                yield item
                continue
            summary.read += 1
            if isinstance(item, InputError):
                fail(str(item), _reason_of(item))
                bar.update()
                continue
            # Cheap checks first: a rerun over the same input skips every record on its id or URL.
            if item.id and item.id in dedup.ids or item.url and item.url in dedup.urls:
                summary.duplicate += 1
                summary.duplicates["same id" if item.id in dedup.ids else "same url"] += 1
                bar.update()
                continue
            pending = _prepare(item)
            r = pending.row
            why = dedup.duplicate_reason(r.id, r.url, r.text_hash, r.minhash)
            if why:
                summary.duplicate += 1
                summary.duplicates[why] += 1
                bar.update()
                continue
            dedup.add(r.id, r.url, r.text_hash, r.minhash)
            yield pending

    def write(batch: list[Pending], results: list[tuple[str, object]]) -> None:
        items = []
        for p, (status, value, *vectors) in zip(batch, results, strict=True):
            if status == "ok":
                items.append((p.row, value))
                if vectors:
                    store.add_vectors(vectors[0])
            else:
                fail(f"{p.row.origin}: {value}", _short(str(value)))
        if items:
            added, events = store.add_articles(items, ext)
            summary.new += len(added)
            summary.events.update(events)
        bar.update(len(batch))

    with _Extractor(workers, stages, embed=store.uses_similarity()) as extractor:
        in_flight: deque = deque()
        for chunk in _batches(candidates(), batch_size):
            if isinstance(chunk, FeedDone):
                while in_flight:
                    write(*_collect(in_flight.popleft()))
                store.save_feed_state(chunk.url, chunk.etag, chunk.last_modified)
                continue
            in_flight.append((chunk, extractor.submit([_payload(p) for p in chunk])))
            # Two batches in flight: the workers extract one while this process stores the other.
            while len(in_flight) > max(1, extractor.workers):
                write(*_collect(in_flight.popleft()))
        while in_flight:
            write(*_collect(in_flight.popleft()))
    bar.close()
    summary.seconds = time.monotonic() - start
    return summary


def reextract(
    store: Store,
    *,
    force: bool = False,
    workers: int = 2,
    batch_size: int = 200,
    progress: bool = True,
    log: TextIO | None = None,
) -> IngestSummary:
    """Re-run the current extractor over stored articles made by an older one (all with ``force``);
    event creations, updates and deletions are recorded in the changes feed."""
    log = log or sys.stderr
    summary = IngestSummary()
    start = time.monotonic()
    ext = extractor_id()
    rows = store.articles_for_reextract(ext, force=force)
    bar = Progress(len(rows), label="reextract", enabled=progress, stream=log)
    with _Extractor(workers) as extractor:
        for i in range(0, len(rows), batch_size):
            chunk = rows[i : i + batch_size]
            payloads = []
            for r in chunk:
                bs = int(r["body_start"] or 0)
                title = r["title"] if bs else None
                payloads.append((r["id"], title, r["text"][bs:], r["published"], r["url"]))
            results = extractor.submit(payloads).get()
            items = []
            for r, (status, value, *_vectors) in zip(chunk, results, strict=True):
                summary.read += 1
                if status == "ok":
                    items.append((r["id"], value))
                else:
                    summary.failed += 1
                    summary.failures.append(f"{r['id']}: {value}")
                    summary.reasons[_short(str(value))] += 1
            if items:
                summary.events.update(store.replace_annotations(items, ext))
                summary.new += len(items)
            bar.update(len(chunk))
    bar.close()
    summary.seconds = time.monotonic() - start
    return summary


# -- extraction in worker processes ----------------------------------------------------------------


@lru_cache(maxsize=4)
def _pipeline(stages: tuple[str, ...] | None = None):
    from raqib.pipeline import Pipeline

    return Pipeline(stages=stages)


def _extract_one(payload: tuple) -> tuple:
    """("ok", Doc.to_dict() without text[, embeddings of event evidence by text]) or
    ("error", reason): never raises across processes."""
    id_, title, body, published, url, *rest = payload
    stages = rest[0] if rest else None
    embed = len(rest) > 1 and rest[1]
    try:
        doc = _pipeline(stages)(body, title=title, published=published, url=url, id=id_)
        out = doc.to_dict(include_text=False)
        if embed and doc.events:
            from raqib.merge.similarity import embed_many

            texts = sorted({e.evidence[0].text for e in doc.events if e.evidence})
            return "ok", out, dict(zip(texts, embed_many(texts), strict=False))
        return "ok", out
    except InputError as exc:
        return "error", str(exc)
    except Exception as exc:  # noqa: BLE001 - a bug in one stage must not stop the batch
        return "error", f"extraction failed ({type(exc).__name__}: {exc})"


def _extract_many(payloads: list[tuple]) -> list[tuple[str, object]]:
    return [_extract_one(p) for p in payloads]


class _Done:
    def __init__(self, value):
        self.value = value

    def get(self):
        return self.value


class _Extractor:
    """A pool of extraction processes, or in-process extraction with ``workers <= 1``."""

    def __init__(self, workers: int, stages: Sequence[str] | None = None, *, embed: bool = False):
        self.workers = max(1, int(workers))
        self.stages = tuple(stages) if stages is not None else None
        # Evidence embeddings are worth computing in the workers only when they run in parallel.
        self.embed = embed and self.workers > 1
        self.pool = None

    def __enter__(self) -> _Extractor:
        return self

    def submit(self, payloads: list[tuple]):
        if self.stages is not None or self.embed:
            payloads = [(*p, self.stages, self.embed) for p in payloads]
        if self.workers <= 1:
            return _Done(_extract_many(payloads))
        if self.pool is None:
            # Started on the first batch (a run with nothing new starts no process). fork: the
            # workers inherit the imported code; each loads its own knowledge base once.
            ctx = multiprocessing.get_context("fork")
            self.pool = ctx.Pool(self.workers, initializer=_warm, initargs=(self.stages,))
        chunk = max(1, len(payloads) // (self.workers * 4))
        return self.pool.map_async(_extract_one, payloads, chunksize=chunk)

    def __exit__(self, exc_type, exc, tb) -> None:
        if self.pool is not None:
            if exc_type is None:
                self.pool.close()
            else:
                self.pool.terminate()
            self.pool.join()


def _warm(stages: tuple[str, ...] | None = None) -> None:
    # A missing kb is not fatal here: it surfaces per article, with its reason, in the summary.
    with contextlib.suppress(Exception):
        _pipeline(stages).warm_up()


# -- helpers -----------------------------------------------------------------------------------------


def _prepare(raw: RawArticle) -> Pending:
    title = raw.title if raw.title and raw.title.strip() else None
    th = text_hash(title, raw.text)
    text = f"{title}{TITLE_SEPARATOR}{raw.text}" if title else raw.text
    row = ArticleRow(
        id=article_id(raw, th),
        text=text,
        text_hash=th,
        minhash=minhash(title, raw.text),
        body_start=len(title) + len(TITLE_SEPARATOR) if title else 0,
        title=title,
        url=raw.url,
        outlet=raw.outlet,
        published=raw.published,
        published_at=raw.published_at,
        origin=raw.origin,
    )
    return Pending(row, title, raw.text)


def _payload(p: Pending) -> tuple:
    return (p.row.id, p.title, p.body, p.row.published, p.row.url)


def _collect(entry) -> tuple[list[Pending], list]:
    batch, result = entry
    return batch, result.get()


def _batches(items: Iterable[Pending | FeedDone], size: int) -> Iterator[list[Pending] | FeedDone]:
    batch: list[Pending] = []
    for item in items:
        if isinstance(item, FeedDone):
            if batch:
                yield batch
                batch = []
            yield item
            continue
        batch.append(item)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


def _reason_of(exc: InputError) -> str:
    """The message of an InputError without its "file:line: " prefix (for grouping)."""
    where = exc.source or ""
    if exc.line is not None:
        where = f"{where}:{exc.line}"
    msg = str(exc)
    return _short(msg[len(where) + 2 :] if where and msg.startswith(where + ": ") else msg)


def _short(reason: str) -> str:
    """A reason without its details: "malformed JSON (Expecting value at column 1)" -> "malformed
    JSON", "extraction failed (KeyError: 'x')" -> "extraction failed (KeyError)"."""
    m = re.match(r"^(extraction failed \(\w+)", reason)
    if m:
        return m.group(1) + ")"
    return reason.split(" (")[0]


def _log_line(log: TextIO, message: str, bar: Progress) -> None:
    if bar._tty:  # noqa: SLF001 - clear the bar's line first
        log.write("\r\x1b[K")
    log.write(message + "\n")
    log.flush()
