"""The extractor version stored with every article: raqib's version and a hash of its kb data."""

from __future__ import annotations

import hashlib
from functools import lru_cache
from importlib import resources


@lru_cache(maxsize=1)
def kb_hash() -> str:
    """SHA-1 over the names and bytes of every file under raqib/kb/data (stable across machines)."""
    h = hashlib.sha1()
    root = resources.files("raqib.kb") / "data"
    stack = [root]
    files = []
    while stack:
        node = stack.pop()
        for entry in node.iterdir():
            if entry.is_dir():
                stack.append(entry)
            elif entry.is_file() and not entry.name.startswith("."):
                files.append(entry)
    for entry in sorted(files, key=lambda e: str(e)):
        h.update(str(entry).split("kb/data", 1)[-1].encode())
        h.update(entry.read_bytes())
    return h.hexdigest()


def extractor_id() -> str:
    """``<raqib version>+<kb hash prefix>``, e.g. ``0.1.0+3f2a9c1b0d4e``."""
    from raqib import __version__

    return f"{__version__}+{kb_hash()[:12]}"
