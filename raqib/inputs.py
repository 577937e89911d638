"""Reading articles for the CLI: plain-text files (with encoding detection) and JSONL records.

Bad input never raises past here as a traceback: every problem becomes an ``InputError`` naming
the file (and line), so a batch reports it, skips it and goes on.
"""

from __future__ import annotations

import gzip
import json
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from raqib.errors import InputError


@dataclass(frozen=True)
class ArticleInput:
    """One article to extract from, with where it came from (for error messages)."""

    text: str
    title: str | None = None
    published: str | None = None
    url: str | None = None
    id: str | None = None
    origin: str = "-"


def decode_bytes(data: bytes, origin: str) -> str:
    """Text of ``data``: UTF-8 (with or without BOM), UTF-16 with BOM, else a detected encoding.

    Arabic news files in the wild also come as Windows-1256; charset_normalizer detects it.
    """
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    elif data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError as exc:
            raise InputError(f"not valid UTF-16 ({exc.reason})", source=origin) from None
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None or best.encoding in {"ascii"}:
        raise InputError("not UTF-8 and no text encoding could be detected", source=origin)
    text = str(best)
    if "\x00" in text:
        raise InputError(f"binary data (detected as {best.encoding}), not text", source=origin)
    return text


def split_title(text: str, *, title_line: bool = False) -> tuple[str | None, str]:
    """(title, body): the first line is the title when a blank line follows it, or always with
    ``title_line``."""
    stripped = text.lstrip("\ufeff").strip("\n")
    first, sep, rest = stripped.partition("\n")
    if not sep:
        return None, stripped
    if title_line or (rest.startswith("\n") or rest.startswith("\r\n")):
        return first.strip() or None, rest.strip("\r\n")
    return None, stripped


def read_text(path: str, *, title_line: bool = False, published: str | None = None) -> ArticleInput:
    """One article from a plain-text file, or standard input when ``path`` is "-"."""
    origin = "<stdin>" if path == "-" else path
    try:
        data = sys.stdin.buffer.read() if path == "-" else Path(path).read_bytes()
    except FileNotFoundError:
        raise InputError("no such file", source=origin) from None
    except IsADirectoryError:
        raise InputError("is a directory (pass the files, or use `raqib ingest` for folders)", source=origin) from None
    except OSError as exc:
        raise InputError(f"cannot read ({exc.strerror})", source=origin) from None
    text = decode_bytes(data, origin)
    if not text.strip():
        raise InputError("empty text", source=origin)
    title, body = split_title(text, title_line=title_line)
    return ArticleInput(text=body, title=title, published=published, origin=origin, id=None if path == "-" else Path(path).stem)


def read_jsonl(path: str) -> Iterator[ArticleInput | InputError]:
    """Records of a JSONL file (``id``, ``title``, ``text``, ``published``, ``url``; other keys
    ignored). Yields an ``InputError`` in place of each bad line, so the caller can go on."""
    origin = "<stdin>" if path == "-" else path
    try:
        if path == "-":
            raw = sys.stdin.buffer.read().splitlines()
        else:
            opener = gzip.open if path.endswith(".gz") else open
            with opener(path, "rb") as fh:
                raw = fh.read().splitlines()
    except FileNotFoundError:
        yield InputError("no such file", source=origin)
        return
    except OSError as exc:
        yield InputError(f"cannot read ({exc.strerror or exc})", source=origin)
        return
    for n, line in enumerate(raw, 1):
        if not line.strip():
            continue
        try:
            yield parse_record(line, origin, n)
        except InputError as exc:
            yield exc


def load_json_object(line: bytes | str, origin: str, n: int) -> dict:
    """The JSON object on line ``n`` of ``origin``; an ``InputError`` naming both otherwise."""
    try:
        rec = json.loads(line if isinstance(line, str) else decode_bytes(line, f"{origin}:{n}"))
    except json.JSONDecodeError as exc:
        raise InputError(f"malformed JSON ({exc.msg} at column {exc.colno})", source=origin, line=n) from None
    except InputError as exc:
        raise InputError(str(exc).split(": ", 1)[-1], source=origin, line=n) from None
    if not isinstance(rec, dict):
        raise InputError("record is not a JSON object", source=origin, line=n)
    return rec


def parse_record(line: bytes, origin: str, n: int) -> ArticleInput:
    rec = load_json_object(line, origin, n)
    text = rec.get("text")
    if not isinstance(text, str) or not text.strip():
        raise InputError("record has no text", source=origin, line=n)
    title = rec.get("title")
    rid = rec.get("id")
    return ArticleInput(
        text=text,
        title=title if isinstance(title, str) else None,
        published=rec.get("published") if isinstance(rec.get("published"), str) else None,
        url=rec.get("url") if isinstance(rec.get("url"), str) else None,
        id=str(rid) if rid is not None else None,
        origin=f"{origin}:{n}",
    )
