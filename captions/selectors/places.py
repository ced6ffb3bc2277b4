"""Places known under a name: the small place table, searched by every name a place has."""

from __future__ import annotations

from django.core.cache import cache
from django.db import connection
from django.db.models import BooleanField, Exists, OuterRef, Q
from django.db.models.expressions import RawSQL

from captions.core.places import city_names, region_query_names
from captions.core.text import name_key
from captions.models import Photo, Place


def names_of(text: str) -> frozenset[str]:
    """The folded names a place known as `text` is indexed under (every name of a known city,
    the code of a region it names: 'Kanton St. Gallen' finds the canton as 'St. Gallen' or 'SG')."""
    return (city_names(text) | region_query_names(text) | {name_key(text)}) - {""}


def place_ids_matching(text: str):
    """Ids of places known under `text` in any language (Moskau, Moscow, Moscou, RU, Russland)."""
    names = names_of(text)
    query = Q()
    for name in names:
        query |= Q(search_names__contains=f"|{name}|")
    return Place.objects.filter(query).values("pk") if names else Place.objects.none().values("pk")


def country_codes_of(place_ids) -> dict[int, str]:
    """{place id: ISO code} of those of `place_ids` that have a country. On PostgreSQL the ids
    travel as one array (`id = ANY(%s)`): a page's facets name every place of the selection
    (hundreds), and as an IN list each id was a placeholder that Django and psycopg processed
    one by one (~3 ms a page in Python for 374 places)."""
    ids = list(place_ids)
    if not ids:
        return {}
    places = Place.objects.filter(country_code__gt="")
    if connection.vendor == "postgresql":
        column = f'"{Place._meta.db_table}"."{Place._meta.pk.column}"'
        places = places.filter(RawSQL(f"{column} = ANY(%s)", (ids,), output_field=BooleanField()))
    else:
        places = places.filter(pk__in=ids)
    return dict(places.values_list("pk", "country_code"))


def place_ids_in_country(code: str) -> list[int]:
    return list(Place.objects.filter(country_code=code).values_list("pk", flat=True))


def countries_of_places() -> list[tuple[str, str]]:
    """(ISO code, country name) of every country a place is in, by name (the small place table)."""
    return list(
        Place.objects.exclude(country_code="").order_by("country").values_list("country_code", "country").distinct()
    )


def place_ids_by_name(texts) -> dict[str, list[int]]:
    """For each of `texts`, the ids of the places known under it (as `place_ids_matching`), for
    all of them in one query; a text no place is known under is left out."""
    names = {text: names_of(text) for text in texts}
    every = set().union(*names.values()) if names else set()
    if not every:
        return {}
    query = Q()
    for name in every:
        query |= Q(search_names__contains=f"|{name}|")
    places = list(Place.objects.filter(query).values_list("pk", "search_names"))
    found = {}
    for text, its_names in names.items():
        ids = [pk for pk, known in places if any(f"|{name}|" in known for name in its_names)]
        if ids:
            found[text] = ids
    return found


COUNTRIES_CACHE_KEY, COUNTRIES_CACHE_SECONDS = "captions:countries-with-photos", 300


def countries_with_photos() -> list[str]:
    """ISO codes of the countries at least one photo was taken in, sorted. One EXISTS probe of
    the photos' place index per place (the place table is small), cached for a few minutes."""
    return cache.get_or_set(
        COUNTRIES_CACHE_KEY,
        lambda: sorted(
            set(
                Place.objects.exclude(country_code="")
                .filter(Exists(Photo.objects.filter(place=OuterRef("pk"))))
                .values_list("country_code", flat=True)
            )
        ),
        COUNTRIES_CACHE_SECONDS,
    )
