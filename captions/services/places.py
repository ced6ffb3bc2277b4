"""Places: the one row for a set of place parts, with every name it is found under."""

from __future__ import annotations

from dataclasses import dataclass

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


REFRESH_BATCH_SIZE = 1000


@dataclass(frozen=True)
class SearchNamesRefresh:
    """What a refresh found: places read, and those whose names were (or, dry, would be) rewritten."""

    checked: int
    rewritten: int
    dry_run: bool = False

    def __str__(self) -> str:
        if self.dry_run:
            return f"checked {self.checked}, would rewrite {self.rewritten} (dry run: nothing written)"
        return f"checked {self.checked}, rewritten {self.rewritten}"


def stale_search_names(places):
    """(place, names it should be found under) for each place of `places` (an iterable of rows
    with the place parts and `search_names`) whose stored names differ from the current ones."""
    for place in places:
        text = place_search_text(
            sublocation=place.sublocation, city=place.city, region=place.region, country_code=place.country_code
        )
        if text != place.search_names:
            yield place, text


def refresh_search_names(
    places, *, batch_size: int = REFRESH_BATCH_SIZE, dry_run: bool = False, on_change=None
) -> SearchNamesRefresh:
    """Recompute the names each place of `places` (a queryset, also a migration's historical
    one) is found under, writing only the rows whose names changed, a batch of rows at a time
    (in id order, one transaction each: memory stays flat, and a run broken off keeps the
    batches it wrote; a rerun skips them as current). For when the place vocabulary
    (`captions.core.places.place_search_names`: region aliases, type words, gazetteer names)
    changes: migration 0020, and `manage.py refresh_place_search` after an upgrade.
    `on_change(place, old, new)` hears of each rewrite (the command's verbose listing)."""
    checked = rewritten = 0
    last_pk = None
    rows = places.only("sublocation", "city", "region", "country_code", "search_names").order_by("pk")
    while True:
        batch = list((rows if last_pk is None else rows.filter(pk__gt=last_pk))[:batch_size])
        if not batch:
            break
        last_pk = batch[-1].pk
        checked += len(batch)
        changed = []
        for place, text in stale_search_names(batch):
            if on_change is not None:
                on_change(place, place.search_names, text)
            place.search_names = text
            changed.append(place)
        rewritten += len(changed)
        if changed and not dry_run:
            with transaction.atomic():
                places.model.objects.bulk_update(changed, ["search_names"])
    return SearchNamesRefresh(checked=checked, rewritten=rewritten, dry_run=dry_run)


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
