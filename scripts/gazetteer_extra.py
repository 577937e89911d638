"""Gazetteer build helpers: world countries, the curated table, generated countryside/compass regions."""

from __future__ import annotations

import json
import re
from pathlib import Path

# Common Arabic names of countries beyond the formal ones in the sources (news usage).
COUNTRY_ALIASES = {
    "SY": "سوريا|سورية|الجمهورية العربية السورية",
    "IQ": "العراق|جمهورية العراق",
    "YE": "اليمن|الجمهورية اليمنية",
    "US": "الولايات المتحدة|الولايات المتحدة الأمريكية|الولايات المتحدة الأميركية|أمريكا|أميركا",
    "GB": "بريطانيا|المملكة المتحدة|بريطانيا العظمى|إنجلترا|انكلترا",
    "RU": "روسيا|روسيا الاتحادية",
    "FR": "فرنسا",
    "DE": "ألمانيا",
    "TR": "تركيا|الجمهورية التركية",
    "IR": "إيران|الجمهورية الإسلامية الإيرانية",
    "SA": "السعودية|المملكة العربية السعودية",
    "AE": "الإمارات|الإمارات العربية المتحدة|دولة الإمارات",
    "EG": "مصر|جمهورية مصر العربية",
    "JO": "الأردن|المملكة الأردنية الهاشمية",
    "LB": "لبنان",
    "PS": "فلسطين|الأراضي الفلسطينية|دولة فلسطين",
    "IL": "إسرائيل",
    "LY": "ليبيا",
    "SD": "السودان",
    "SS": "جنوب السودان",
    "TN": "تونس",
    "DZ": "الجزائر",
    "MA": "المغرب|المملكة المغربية",
    "MR": "موريتانيا",
    "SO": "الصومال",
    "DJ": "جيبوتي",
    "KM": "جزر القمر",
    "QA": "قطر|دولة قطر",
    "KW": "الكويت|دولة الكويت",
    "BH": "البحرين|مملكة البحرين",
    "OM": "عمان|سلطنة عمان",
    "AF": "أفغانستان",
    "PK": "باكستان",
    "CN": "الصين",
    "JP": "اليابان",
    "IN": "الهند",
    "IT": "إيطاليا",
    "ES": "إسبانيا|اسبانيا",
    "NL": "هولندا",
    "BE": "بلجيكا",
    "CH": "سويسرا",
    "AT": "النمسا",
    "SE": "السويد",
    "NO": "النرويج",
    "DK": "الدنمارك",
    "FI": "فنلندا",
    "GR": "اليونان",
    "CY": "قبرص",
    "UA": "أوكرانيا",
    "PL": "بولندا",
    "CA": "كندا",
    "AU": "أستراليا|استراليا",
    "BR": "البرازيل",
    "KR": "كوريا الجنوبية",
    "KP": "كوريا الشمالية",
    "VE": "فنزويلا",
    "ET": "إثيوبيا|اثيوبيا",
    "ER": "إريتريا|اريتريا",
    "NG": "نيجيريا",
    "KZ": "كازاخستان",
    "AZ": "أذربيجان",
    "AM": "أرمينيا",
    "GE": "جورجيا",
    "VA": "الفاتيكان",
    "CZ": "التشيك|جمهورية التشيك",
    "HU": "المجر|هنغاريا",
    "RO": "رومانيا",
    "BG": "بلغاريا",
    "RS": "صربيا",
    "MX": "المكسيك",
    "AR": "الأرجنتين",
    "ID": "إندونيسيا",
    "MY": "ماليزيا",
    "BD": "بنغلاديش",
    "MM": "ميانمار|بورما",
    "TD": "تشاد",
    "NE": "النيجر",
    "KE": "كينيا",
    "UZ": "أوزبكستان",
    "TJ": "طاجيكستان",
}
# Names that are not the country in news Arabic (الشام is also Damascus and the Levant).
COUNTRY_NAME_DROP = {"الشام"}


def country_rows(shared: Path, entries: list[dict]) -> list[dict]:
    """World countries: countries.tsv rows and gazetteer entries (id iso:XX)."""
    import countrystatecity_countries as csc

    ne = json.loads(
        (shared / "data" / "gazetteer" / "natural_earth_admin1" / "countries_names_ar.json").read_text(
            "utf-8"
        )
    )
    ne_ar = {c["country_a2"]: c["name_ar"] for c in ne if c.get("name_ar")}
    wof = {e["country"]: e for e in entries if e["place_type"] == "country" and e["id"].startswith("wof:")}
    out = []
    for c in sorted(csc.get_countries(), key=lambda c: c.iso2):
        names = [n for n in COUNTRY_ALIASES.get(c.iso2, "").split("|") if n]
        for n in (ne_ar.get(c.iso2), (c.translations or {}).get("ar")):
            if n and n not in names:
                names.append(n)
        w = wof.get(c.iso2)
        if w:
            names += [n for n in w["names_ar"] if n not in names and n not in COUNTRY_NAME_DROP]
        names = [re.sub("[\u064b-\u0652]", "", n) for n in names]  # source names carry shadda
        if not names:
            continue
        ids = {"iso3": c.iso3}
        if w:
            ids.update({k: v for k, v in w["ids"].items() if k in ("wof", "wikidata", "geonames")})
        lat, lon = float(c.latitude), float(c.longitude)
        extra = [n.replace(" ", "") for n in names if " " in n and len(n) > 8]  # "الولاياتالمتحدة"
        entry = {
            "id": f"iso:{c.iso2}",
            "names_ar": names + extra,
            "names_en": [c.name],
            "lat": lat,
            "lon": lon,
            "country": c.iso2,
            "place_type": "country",
            "admin1": (None, None),
            "admin2": (None, None),
            "ids": ids,
        }
        row = [c.iso2, c.iso3, c.name, names[0], "|".join(names[1:]), f"{lat:.4f}", f"{lon:.4f}"]
        out.append({"entry": entry, "row": row})
    return out


def read_curated(path: Path) -> list[dict]:
    out = []
    header = None
    for line in path.read_text("utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        cols = line.split("\t")
        if header is None:
            header = cols
            continue
        r = dict(zip(header, cols + [""] * (len(header) - len(cols)), strict=True))
        slug = re.sub(r"[^a-z0-9]+", "-", r["name_en"].lower()).strip("-")
        out.append(
            {
                "id": f"cur:{slug}",
                "names_ar": [r["name_ar"], *[a for a in r["aliases_ar"].split("|") if a]],
                "names_en": [r["name_en"]],
                "lat": float(r["lat"]) if r["lat"] else None,
                "lon": float(r["lon"]) if r["lon"] else None,
                "country": r["country"] or None,
                "place_type": r["place_type"],
                "admin1": (r["admin1_en"] or None, r["admin1_ar"] or None),
                "admin2": (None, None),
                "geo_precision": int(r["geo_precision"] or 1),
                "population": int(r.get("population") or 0),
            }
        )
    return out


# Syrian governorate seats whose countryside (ريف X) is a standard news region.
_RIF = {
    "حلب": "Aleppo",
    "إدلب": "Idleb",
    "حماة": "Hama",
    "حمص": "Homs",
    "درعا": "Dar'a",
    "اللاذقية": "Lattakia",
    "طرطوس": "Tartous",
    "الرقة": "Ar-Raqqa",
    "دير الزور": "Deir-ez-Zor",
    "الحسكة": "Al-Hasakah",
    "القنيطرة": "Quneitra",
    "السويداء": "As-Sweida",
    "دمشق": "Damascus",
}
_RIF_ALT = {"إدلب": ["ادلب"], "حماة": ["حماه"]}
_DIRS = {  # Arabic adjective (masc.), English, (dlat, dlon) offset in degrees
    "الشمالي": ("northern", (0.3, 0.0)),
    "الجنوبي": ("southern", (-0.3, 0.0)),
    "الشرقي": ("eastern", (0.0, 0.35)),
    "الغربي": ("western", (0.0, -0.35)),
    "الشمالي الغربي": ("north-western", (0.22, -0.25)),
    "الشمالي الشرقي": ("north-eastern", (0.22, 0.25)),
    "الجنوبي الغربي": ("south-western", (-0.22, -0.25)),
    "الجنوبي الشرقي": ("south-eastern", (-0.22, 0.25)),
}
# Countries with compass regions in news ("شمال سوريا", "الشمال السوري", "جنوبي لبنان").
_COMPASS = {
    "SY": ("سوريا|سورية", "السوري", "Syria"),
    "LB": ("لبنان", "اللبناني", "Lebanon"),
    "IQ": ("العراق", "العراقي", "Iraq"),
    "YE": ("اليمن", "اليمني", "Yemen"),
    "LY": ("ليبيا", "الليبي", "Libya"),
    "SD": ("السودان", "السوداني", "Sudan"),
    "EG": ("مصر", "المصري", "Egypt"),
    "JO": ("الأردن", "الأردني", "Jordan"),
    "TR": ("تركيا", "التركي", "Turkey"),
    "IL": ("إسرائيل", "الإسرائيلي", "Israel"),
    "SO": ("الصومال", "الصومالي", "Somalia"),
    "AF": ("أفغانستان", "الأفغاني", "Afghanistan"),
    "IR": ("إيران", "الإيراني", "Iran"),
}
_COMPASS_DIRS = {
    "شمال": ("North", "الشمال"),
    "جنوب": ("South", "الجنوب"),
    "شرق": ("East", "الشرق"),
    "غرب": ("West", "الغرب"),
    "شمال غرب": ("Northwest", ""),
    "شمال شرق": ("Northeast", ""),
    "جنوب غرب": ("Southwest", ""),
    "جنوب شرق": ("Southeast", ""),
}


def generated_regions(entries: list[dict]) -> list[dict]:
    """ريف X and ريف X الشمالي... for Syrian governorates; compass regions of countries."""
    seats = {}
    for e in entries:
        if e["country"] == "SY" and e["place_type"] == "locality" and e.get("population", 0) > 20_000:
            for n in e["names_ar"]:
                if n in _RIF and (n not in seats or e["population"] > seats[n]["population"]):
                    seats[n] = e
    out = []
    for ar, en in _RIF.items():
        seat = seats.get(ar)
        if not seat:
            continue
        forms = [ar, *_RIF_ALT.get(ar, [])]
        base = {
            "country": "SY",
            "place_type": "area",
            "admin1": (en if ar != "دمشق" else "Rif Dimashq", ar if ar != "دمشق" else "ريف دمشق"),
            "admin2": (None, None),
        }
        if ar != "دمشق":  # ريف دمشق is a governorate of its own, in the sources
            out.append(
                {
                    **base,
                    "id": f"gen:rif-{en.lower()}",
                    "names_ar": [f"ريف {f}" for f in forms],
                    "names_en": [f"{en} countryside"],
                    "lat": seat["lat"],
                    "lon": seat["lon"],
                    "geo_precision": 2,
                }
            )
        for adj, (den, (dlat, dlon)) in _DIRS.items():
            slug = den.replace("-", "")
            out.append(
                {
                    **base,
                    "id": f"gen:rif-{en.lower()}-{slug}",
                    "names_ar": [f"ريف {f} {adj}" for f in forms] + [f"الريف {adj} ل{f}" for f in forms],
                    "names_en": [f"{den.capitalize()} {en} countryside"],
                    "lat": round(seat["lat"] + dlat, 4),
                    "lon": round(seat["lon"] + dlon, 4),
                    "geo_precision": 2,
                }
            )
    # Compass regions named with the nisba ("الشمال السوري"); "شمال سوريا" is left to the country
    # name after a direction word (the dev annotations mark "سوريا" there).
    for cc, (_names, nisba, en) in _COMPASS.items():
        for _d, (den, noun) in _COMPASS_DIRS.items():
            if not noun:
                continue
            out.append(
                {
                    "id": f"gen:{cc.lower()}-{den.lower()}",
                    "names_ar": [f"{noun} {nisba}"],
                    "names_en": [f"{den}ern {en}"],
                    "lat": None,
                    "lon": None,
                    "country": cc,
                    "place_type": "region",
                    "admin1": (None, None),
                    "admin2": (None, None),
                    "geo_precision": 3,
                }
            )
    return out
