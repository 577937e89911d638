"""ACLED vocabulary: event type and sub-type labels, disorder types, inter codes, countries.

Labels follow the ACLED Codebook (2023) and its export columns. Country codes: ISO 3166-1
numeric (ACLED's ``iso`` column), English name and ACLED region for the countries raqib's
sources cover; other countries fall back to ``countries.tsv`` in the knowledge base (names)
and, when installed, pycountry (numeric codes).
"""

from __future__ import annotations

import csv
from functools import cache
from pathlib import Path

TYPE_LABELS = {
    "battles": "Battles",
    "explosions_remote_violence": "Explosions/Remote violence",
    "violence_against_civilians": "Violence against civilians",
    "protests": "Protests",
    "riots": "Riots",
    "strategic_developments": "Strategic developments",
}

SUB_TYPE_LABELS = {
    "armed_clash": "Armed clash",
    "government_regains_territory": "Government regains territory",
    "non_state_actor_overtakes_territory": "Non-state actor overtakes territory",
    "chemical_weapon": "Chemical weapon",
    "air_drone_strike": "Air/drone strike",
    "suicide_bomb": "Suicide bomb",
    "shelling_artillery_missile_attack": "Shelling/artillery/missile attack",
    "remote_explosive_landmine_ied": "Remote explosive/landmine/IED",
    "grenade": "Grenade",
    "sexual_violence": "Sexual violence",
    "attack": "Attack",
    "abduction_forced_disappearance": "Abduction/forced disappearance",
    "peaceful_protest": "Peaceful protest",
    "protest_with_intervention": "Protest with intervention",
    "excessive_force_against_protesters": "Excessive force against protesters",
    "violent_demonstration": "Violent demonstration",
    "mob_violence": "Mob violence",
    "agreement": "Agreement",
    "arrests": "Arrests",
    "change_to_group_activity": "Change to group/activity",
    "disrupted_weapons_use": "Disrupted weapons use",
    "headquarters_or_base_established": "Headquarters or base established",
    "looting_property_destruction": "Looting/property destruction",
    "non_violent_transfer_of_territory": "Non-violent transfer of territory",
    "other": "Other",
}

SUB_TYPES = {
    "battles": ("armed_clash", "government_regains_territory", "non_state_actor_overtakes_territory"),
    "explosions_remote_violence": (
        "chemical_weapon",
        "air_drone_strike",
        "suicide_bomb",
        "shelling_artillery_missile_attack",
        "remote_explosive_landmine_ied",
        "grenade",
    ),
    "violence_against_civilians": ("sexual_violence", "attack", "abduction_forced_disappearance"),
    "protests": ("peaceful_protest", "protest_with_intervention", "excessive_force_against_protesters"),
    "riots": ("violent_demonstration", "mob_violence"),
    "strategic_developments": (
        "agreement",
        "arrests",
        "change_to_group_activity",
        "disrupted_weapons_use",
        "headquarters_or_base_established",
        "looting_property_destruction",
        "non_violent_transfer_of_territory",
        "other",
    ),
    "humanitarian": ("displacement", "aid_blocked", "aid_delivered", "evacuation", "siege"),
}

HUMANITARIAN_LABELS = {
    "displacement": "Displacement",
    "aid_blocked": "Aid blocked",
    "aid_delivered": "Aid delivered",
    "evacuation": "Evacuation",
    "siege": "Siege",
}

# The sub-type that wins when two are found for one place and day (ACLED's hierarchy).
PRECEDENCE = (
    "chemical_weapon",
    "suicide_bomb",
    "government_regains_territory",
    "non_state_actor_overtakes_territory",
    "armed_clash",
    "air_drone_strike",
    "grenade",
    "remote_explosive_landmine_ied",
    "shelling_artillery_missile_attack",
    "attack",
    "abduction_forced_disappearance",
    "sexual_violence",
    "excessive_force_against_protesters",
    "protest_with_intervention",
    "violent_demonstration",
    "mob_violence",
    "peaceful_protest",
)

# ACLED inter codes by actor category (Codebook: 1 state forces ... 8 external/other forces).
ACTOR_INTER = {
    "state_forces": 1,
    "rebel_group": 2,
    "political_militia": 3,
    "identity_militia": 4,
    "rioters": 5,
    "protesters": 6,
    "civilians": 7,
    "external_forces": 8,
    "other": 8,
}


def disorder_type(type_: str, sub_type: str) -> str:
    """ACLED's disorder_type column."""
    if sub_type == "excessive_force_against_protesters":
        return "Political violence; Demonstrations"
    if type_ in ("protests", "riots"):
        return "Demonstrations"
    if type_ in ("strategic_developments", "humanitarian"):
        return "Strategic developments"
    return "Political violence"


def interaction(inter1: int | None, inter2: int | None) -> int | None:
    """ACLED's two-digit interaction code: both inter codes, lower first; one actor -> inter1 then 0."""
    if inter1 is None and inter2 is None:
        return None
    if inter1 is None or inter2 is None:
        return int(f"{inter1 or inter2}0")
    a, b = sorted((inter1, inter2))
    return int(f"{a}{b}")


# ISO2 -> (ISO3, numeric, English name, ACLED region).
_COUNTRIES: dict[str, tuple[str, int, str, str]] = {
    "SY": ("SYR", 760, "Syria", "Middle East"),
    "IQ": ("IRQ", 368, "Iraq", "Middle East"),
    "LB": ("LBN", 422, "Lebanon", "Middle East"),
    "PS": ("PSE", 275, "Palestine", "Middle East"),
    "IL": ("ISR", 376, "Israel", "Middle East"),
    "JO": ("JOR", 400, "Jordan", "Middle East"),
    "YE": ("YEM", 887, "Yemen", "Middle East"),
    "SA": ("SAU", 682, "Saudi Arabia", "Middle East"),
    "TR": ("TUR", 792, "Turkey", "Middle East"),
    "IR": ("IRN", 364, "Iran", "Middle East"),
    "KW": ("KWT", 414, "Kuwait", "Middle East"),
    "BH": ("BHR", 48, "Bahrain", "Middle East"),
    "QA": ("QAT", 634, "Qatar", "Middle East"),
    "AE": ("ARE", 784, "United Arab Emirates", "Middle East"),
    "OM": ("OMN", 512, "Oman", "Middle East"),
    "EG": ("EGY", 818, "Egypt", "Northern Africa"),
    "LY": ("LBY", 434, "Libya", "Northern Africa"),
    "TN": ("TUN", 788, "Tunisia", "Northern Africa"),
    "DZ": ("DZA", 12, "Algeria", "Northern Africa"),
    "MA": ("MAR", 504, "Morocco", "Northern Africa"),
    "SD": ("SDN", 729, "Sudan", "Northern Africa"),
    "EH": ("ESH", 732, "Western Sahara", "Northern Africa"),
    "SS": ("SSD", 728, "South Sudan", "Eastern Africa"),
    "SO": ("SOM", 706, "Somalia", "Eastern Africa"),
    "ET": ("ETH", 231, "Ethiopia", "Eastern Africa"),
    "ER": ("ERI", 232, "Eritrea", "Eastern Africa"),
    "DJ": ("DJI", 262, "Djibouti", "Eastern Africa"),
    "KE": ("KEN", 404, "Kenya", "Eastern Africa"),
    "UG": ("UGA", 800, "Uganda", "Eastern Africa"),
    "TZ": ("TZA", 834, "Tanzania", "Eastern Africa"),
    "KM": ("COM", 174, "Comoros", "Eastern Africa"),
    "MR": ("MRT", 478, "Mauritania", "Western Africa"),
    "ML": ("MLI", 466, "Mali", "Western Africa"),
    "NE": ("NER", 562, "Niger", "Western Africa"),
    "NG": ("NGA", 566, "Nigeria", "Western Africa"),
    "BF": ("BFA", 854, "Burkina Faso", "Western Africa"),
    "TD": ("TCD", 148, "Chad", "Middle Africa"),
    "CF": ("CAF", 140, "Central African Republic", "Middle Africa"),
    "CD": ("COD", 180, "Democratic Republic of Congo", "Middle Africa"),
    "AF": ("AFG", 4, "Afghanistan", "South Asia"),
    "PK": ("PAK", 586, "Pakistan", "South Asia"),
    "IN": ("IND", 356, "India", "South Asia"),
    "BD": ("BGD", 50, "Bangladesh", "South Asia"),
    "AZ": ("AZE", 31, "Azerbaijan", "Caucasus and Central Asia"),
    "AM": ("ARM", 51, "Armenia", "Caucasus and Central Asia"),
    "GE": ("GEO", 268, "Georgia", "Caucasus and Central Asia"),
    "RU": ("RUS", 643, "Russia", "Europe"),
    "UA": ("UKR", 804, "Ukraine", "Europe"),
    "FR": ("FRA", 250, "France", "Europe"),
    "GB": ("GBR", 826, "United Kingdom", "Europe"),
    "DE": ("DEU", 276, "Germany", "Europe"),
    "ES": ("ESP", 724, "Spain", "Europe"),
    "IT": ("ITA", 380, "Italy", "Europe"),
    "GR": ("GRC", 300, "Greece", "Europe"),
    "CY": ("CYP", 196, "Cyprus", "Europe"),
    "US": ("USA", 840, "United States", "North America"),
    "CN": ("CHN", 156, "China", "East Asia"),
}


@cache
def _kb_countries() -> dict[str, tuple[str, str]]:
    path = Path(__file__).resolve().parent.parent / "kb" / "data" / "countries.tsv"
    out: dict[str, tuple[str, str]] = {}
    if path.exists():
        with path.open(encoding="utf-8") as fh:
            for row in csv.DictReader(fh, delimiter="\t"):
                out[row["iso2"]] = (row["iso3"], row["name_en"])
    return out


@cache
def country_info(iso2: str | None) -> tuple[str | None, int | None, str | None, str | None]:
    """(ISO3, ISO numeric, English name, ACLED region) for an ISO2 code; unknown parts None."""
    if not iso2:
        return None, None, None, None
    iso2 = iso2.upper()
    if iso2 in _COUNTRIES:
        return _COUNTRIES[iso2]
    iso3, name = _kb_countries().get(iso2, (None, None))
    numeric = None
    try:  # optional: pycountry gives the numeric code of any country
        import pycountry

        c = pycountry.countries.get(alpha_2=iso2)
        if c is not None:
            numeric, iso3, name = int(c.numeric), iso3 or c.alpha_3, name or c.name
    except ImportError:
        pass
    return iso3, numeric, name, None


def country_name(iso2: str | None) -> str | None:
    return country_info(iso2)[2]


@cache
def _country_names() -> frozenset[str]:
    names = {v[2] for v in _COUNTRIES.values()}
    names |= {v[1] for v in _kb_countries().values()}
    return frozenset(names)


def localise_actor_name(name: str, actor_country: str | None, event_country: str | None) -> str:
    """ACLED names a transnational group by the country of each event: "Islamic State (Iraq)",
    "Islamic State (Syria)". A name ending in "(Country)" for an actor not tied to one country
    takes the event's country; an actor tied to a country ("Opposition Rebels (Syria)") keeps it.
    """
    if actor_country or not event_country or not name.endswith(")"):
        return name
    head, sep, tail = name.rpartition(" (")
    here = country_name(event_country)
    if sep and here and tail[:-1] in _country_names():
        return f"{head} ({here})"
    return name


# The rule of a bare "قصف": shelling by default, but no evidence against an air strike (the merger
# lets better-informed reports of the same bombardment decide its sub-type).
UNSPECIFIED_BOMBARDMENT = "bombardment, weapon unspecified"
