"""Places known under a name: the small place table, searched by every name a place has."""

from __future__ import annotations

from django.db.models import Q

from captions.core.places import city_names
from captions.core.text import name_key
from captions.models import Place


def place_ids_matching(text: str):
    """Ids of places known under `text` in any language (Moskau, Moscow, Moscou, RU, Russland)."""
    names = set(city_names(text)) | {name_key(text)}
    names.discard("")
    query = Q()
    for name in names:
        query |= Q(search_names__contains=f"|{name}|")
    return Place.objects.filter(query).values("pk") if names else Place.objects.none().values("pk")


def countries_of_places() -> list[tuple[str, str]]:
    """(ISO code, country name) of every country a place is in, by name (the small place table)."""
    return list(
        Place.objects.exclude(country_code="").order_by("country").values_list("country_code", "country").distinct()
    )
