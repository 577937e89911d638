"""The page's copy of the event taxonomy (raqib/web/static/taxonomy.js) matches the extractor's
(raqib/events/acled.py): a sub-type added on one side only would be missing from the page's
filters or unknown to its legend."""

from __future__ import annotations

from pathlib import Path

import regex

from raqib.events.acled import SUB_TYPES

JS = Path(__file__).resolve().parents[2] / "raqib" / "web" / "static" / "taxonomy.js"


def test_page_taxonomy_matches_the_extractors():
    text = JS.read_text(encoding="utf-8")
    found = {
        m.group(1): set(regex.findall(r'"([a-z_]+)"', m.group(2)))
        for m in regex.finditer(r'id:\s*"([a-z_]+)"[^{}]*?sub:\s*\[([^\]]*)\]', text)
    }
    assert found == {t: set(subs) for t, subs in SUB_TYPES.items()}
