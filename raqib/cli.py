"""Command line: ``raqib extract`` (and the database commands), thin layers over the library."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterator
from typing import TextIO

from raqib import __version__
from raqib.errors import InputError, RaqibError
from raqib.inputs import ArticleInput, read_jsonl, read_text
from raqib.settings import Settings

FORMATS = ("json", "jsonl", "table", "acled-csv", "geojson")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="raqib", description="Structured crisis data from Arabic news.")
    parser.add_argument("--version", action="version", version=f"raqib {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    ex = sub.add_parser("extract", help="extract entities, dates, figures and events from articles")
    ex.add_argument("paths", nargs="*", metavar="PATH", help="plain-text files, or - for standard input")
    ex.add_argument("--jsonl", metavar="INPUT", action="append", default=[],
                    help="JSONL file of records with id, title, text, published, url (- for stdin; .gz ok)")
    ex.add_argument("--published", metavar="DATE", help="publication date (YYYY-MM-DD) for plain-text input")
    ex.add_argument("--title-line", action="store_true", help="the first line of a text file is its title")
    ex.add_argument("--format", choices=FORMATS, default=None,
                    help="output: json (default for files), jsonl (default for --jsonl), table, acled-csv, geojson")
    ex.add_argument("--explain", action="store_true", help="say for each event what triggered it and why")
    ex.add_argument("--no-text", action="store_true", help="leave the article text out of JSON output")
    ex.add_argument("--acled-vague-numbers", action="store_true",
                    help="code vague counts with ACLED's conventions (several 10, dozens 12, hundreds 100)")
    ex.add_argument("--country", metavar="ISO2", help="country to prefer for ambiguous place names")
    ex.add_argument("--humanitarian", action="store_true", help="include humanitarian events in ACLED CSV")
    ex.set_defaults(func=cmd_extract)
    try:
        from raqib.cli_db import add_subcommands
    except ImportError:
        pass
    else:
        add_subcommands(sub)
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "func", None):
        parser.print_help()
        return 2
    try:
        return int(args.func(args) or 0)
    except RaqibError as exc:
        print(f"raqib: error: {exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return 0


def _inputs(args: argparse.Namespace) -> Iterator[ArticleInput | InputError]:
    for path in args.paths:
        try:
            yield read_text(path, title_line=args.title_line, published=args.published)
        except InputError as exc:
            yield exc
    for path in args.jsonl:
        yield from read_jsonl(path)


def cmd_extract(args: argparse.Namespace) -> int:
    from raqib.pipeline import Pipeline

    if not args.paths and not args.jsonl:
        raise InputError("nothing to read: give PATH..., - for standard input, or --jsonl FILE")
    fmt = args.format or ("jsonl" if args.jsonl and not args.paths else "json")
    settings = Settings(acled_vague_numbers=args.acled_vague_numbers, country_hint=args.country,
                        include_text=not args.no_text)
    pipeline = Pipeline(settings)
    out = sys.stdout
    failed = 0
    docs = []
    for item in _inputs(args):
        if isinstance(item, InputError):
            failed += 1
            print(f"raqib: skipped {item}", file=sys.stderr)
            continue
        try:
            doc = pipeline(item.text, title=item.title, published=item.published, url=item.url, id=item.id)
        except InputError as exc:
            failed += 1
            print(f"raqib: skipped {item.origin}: {exc}", file=sys.stderr)
            continue
        if fmt == "jsonl":
            out.write(json.dumps(doc.to_dict(include_text=settings.include_text, explain=args.explain),
                                 ensure_ascii=False) + "\n")
        elif fmt == "table":
            from raqib.report import write_table

            write_table(doc, out, explain=args.explain)
        else:
            docs.append(doc)
    if fmt == "json":
        dicts = [d.to_dict(include_text=settings.include_text, explain=args.explain) for d in docs]
        if dicts:
            json.dump(dicts[0] if len(dicts) == 1 else dicts, out, ensure_ascii=False, indent=1)
            out.write("\n")
    elif fmt in ("acled-csv", "geojson"):
        _write_export(fmt, docs, out, args)
    if failed:
        print(f"raqib: {failed} input(s) failed", file=sys.stderr)
    return 1 if failed else 0


def _write_export(fmt: str, docs: list, out: TextIO, args: argparse.Namespace) -> None:
    if fmt == "acled-csv":
        from raqib.export.acled_csv import write_acled_csv

        write_acled_csv(docs, out, include_humanitarian=args.humanitarian)
    else:
        from raqib.export.geojson import to_geojson

        json.dump(to_geojson(docs), out, ensure_ascii=False)
        out.write("\n")


if __name__ == "__main__":
    sys.exit(main())
