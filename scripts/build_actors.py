"""Compile raqib/kb/data/names.tsv: Arabic personal-name units with how they are used.

Source: the name index shipped in the ``arabic-name-romanizer`` package (MIT; its name data
derive from Wikidata labels, CC0). Each output line is ``unit<TAB>G|S`` where ``G`` marks a unit
attested at least ``GIVEN_MIN`` times as a given name (a name may start there) and ``S`` any
other unit attested at least ``UNIT_MIN`` times (a name may continue with it). Units are in
raqib's normalised view (``normalize_str``); Persian-script and multi-word units are dropped.

    .venv/bin/python scripts/build_actors.py
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from raqib.text.normalize import normalize_str

GIVEN_MIN = 30  # ~650 units: محمد ... ولي; below that the list fills with rare or Persian forms
UNIT_MIN = 3  # below 3 attestations the index holds typos and one-off transliterations
_PERSIAN = set("پچژگکیۀ")
OUT = Path(__file__).resolve().parent.parent / "raqib" / "kb" / "data" / "names.tsv"


def main() -> None:
    import arabic_name_romanizer

    db = Path(arabic_name_romanizer.__file__).parent / "resources" / "names.sqlite3"
    con = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    rows = con.execute(
        "SELECT arabic_key, SUM(CASE WHEN role='given' THEN count ELSE 0 END), SUM(count) "
        "FROM units GROUP BY arabic_key"
    ).fetchall()
    out: dict[str, str] = {}
    for key, given, total in rows:
        if " " in key or _PERSIAN & set(key) or total < UNIT_MIN:
            continue
        norm = normalize_str(key)
        if len(norm) < 2 or not norm.isalpha():
            continue
        flag = "G" if given >= GIVEN_MIN and not norm.startswith("ال") else "S"
        if out.get(norm) != "G":
            out[norm] = flag
    lines = [f"{k}\t{v}" for k, v in sorted(out.items())]
    header = "# Arabic name units (G: given name, S: other name unit), compiled by scripts/build_actors.py\n"
    OUT.write_text(header + "\n".join(lines) + "\n", encoding="utf-8")
    print(f"{len(lines)} units ({sum(v == 'G' for v in out.values())} given) -> {OUT}")


if __name__ == "__main__":
    main()
