"""Places: the one row for a set of place parts, with every name it is found under."""

from __future__ import annotations

from django.db import IntegrityError, transaction

from captions.core import places
from captions.models import Place

PLACE_NAME_SEPARATOR = "|"


def place_search_text(*, sublocation: str, city: str, region: str, country_code: str) -> str:
    names = places.place_search_names(
        sublocation=sublocation or None, city=city or None, region=region or None, country_code=country_code or None
    )
    # Leading and trailing separators let a search match a whole name with one LIKE '%|name|%'.
    return PLACE_NAME_SEPARATOR + PLACE_NAME_SEPARATOR.join(sorted(names)) + PLACE_NAME_SEPARATOR if names else ""


def refresh_search_names(places) -> int:
    """Recompute the names each place of `places` (a queryset, also a migration's historical
    one) is found under, writing only the rows whose names changed; the number written. For when
    `captions.core.places.place_search_names` learns new names (migration 0020: regions)."""
    changed = []
    for place in places.only("sublocation", "city", "region", "country_code", "search_names"):
        text = place_search_text(
            sublocation=place.sublocation, city=place.city, region=place.region, country_code=place.country_code
        )
        if text != place.search_names:
            place.search_names = text
            changed.append(place)
    places.model.objects.bulk_update(changed, ["search_names"], batch_size=500)
    return len(changed)


def get_or_create_place(
    *,
    sublocation: str | None = None,
    city: str | None = None,
    region: str | None = None,
    country: str | None = None,
    country_code: str | None = None,
) -> Place | None:
    """The one Place row for these parts (None when every part is empty)."""
    parts = {
        "sublocation": (sublocation or "").strip()[:200],
        "city": (city or "").strip()[:200],
        "region": (region or "").strip()[:200],
        "country_code": (country_code or "").strip().upper()[:2],
    }
    if not any(parts.values()):
        return None
    existing = Place.objects.filter(**parts).first()
    if existing:
        return existing
    place = Place(**parts, country=(country or "").strip()[:100], search_names=place_search_text(**parts))
    place.full_clean(validate_unique=False)
    try:
        with transaction.atomic():
            place.save()
    except IntegrityError:  # created meanwhile by a concurrent import
        return Place.objects.get(**parts)
    return place


def save_place(*, place: Place) -> Place:
    """Save a place edited by hand (the admin), with the names it is found under recomputed."""
    place.search_names = place_search_text(
        sublocation=place.sublocation, city=place.city, region=place.region, country_code=place.country_code
    )
    place.full_clean()
    place.save()
    return place
