"""Reads of photos: every query shape the pages use, with their joins declared once."""

from __future__ import annotations

import datetime as dt

from django.contrib.postgres.fields import DateRangeField
from django.core.cache import cache
from django.db import connection
from django.db.backends.postgresql.psycopg_any import DateRange
from django.db.models import F, Func, Prefetch, QuerySet, Value
from django.db.models.lookups import Exact, GreaterThan, LessThan

from captions.core import dimensions
from captions.models import CAVEAT_TAGS, Article, Photo, caveat_field
from captions.selectors import embargo

MORE_LIKE_THIS = 6


TAKEN_RANGE_INDEX = "photo_taken_range"


def taken_range():
    """The shoot interval as one PostgreSQL daterange, both ends included. Migration 0005 puts a
    GiST index on exactly this expression (for dated photos), so a date window is one `&&`
    probe of it. Undated photos would give an unbounded range; callers exclude them."""
    return Func(F("date_start"), F("date_end"), Value("[]"), function="daterange", output_field=DateRangeField())


def taken_between(qs: QuerySet, first: dt.date | None, last: dt.date | None) -> QuerySet:
    """Photos whose shoot interval overlaps the window [first, last]; either end may be open.

    A closed window on PostgreSQL is `daterange(date_start, date_end) && window` on the GiST
    index: a btree cannot serve `date_end >= first AND date_start <= last` for a window in the
    middle of history, where each half alone selects half the archive. An open window keeps
    its one comparison, which the btree indexes photo_date_end / photo_date_interval serve.
    Undated photos match no window (on PostgreSQL they must be excluded by hand, since their
    range is unbounded)."""
    if first and last and connection.vendor == "postgresql":
        return qs.alias(taken_range=taken_range()).filter(
            date_start__isnull=False, taken_range__overlap=DateRange(first, last, "[]")
        )
    if first:
        qs = qs.filter(date_end__gte=first)
    if last:
        qs = qs.filter(date_start__lte=last)
    return qs


def width_excess():
    """width_px - height_px: its sign is the orientation. Indexed as `photo_width_excess`
    (models.Photo.Meta.indexes), so the orientation filter is an index range scan, and
    PostgreSQL keeps statistics on it (it would guess a third for `width_px < height_px`)."""
    return F("width_px") - F("height_px")


def orientation_condition(name: str):
    """The orientation as a condition on width_excess(); a photo without pixels has none."""
    lookup = {dimensions.LANDSCAPE: GreaterThan, dimensions.PORTRAIT: LessThan, dimensions.SQUARE: Exact}[name]
    return lookup(width_excess(), 0)


def photos_for_browse():
    return Photo.objects.select_related("place")


# What a photo card shows (captions/templatetags/photo_cards.py; an embargo card reads the
# embargo's end and caveat): a page of cards reads these columns, not all 43 of the photo.
CARD_FIELDS = (
    "caption",
    "date_text",
    "width_px",
    "height_px",
    "dpi",
    "embargo_until",
    "thumbnail",
    *(caveat_field(tag) for tag in CAVEAT_TAGS),
    "place__sublocation",
    "place__city",
    "place__region",
    "place__country",
    "place__country_code",
)


def as_cards(qs: QuerySet) -> QuerySet:
    """A selection with only the columns its cards show."""
    return qs.only(*CARD_FIELDS)


def photo_with_relations():
    return Photo.objects.select_related("place").prefetch_related(
        Prefetch("articles", queryset=Article.objects.order_by("-published_date", "headline"))
    )


def more_from_place(photo: Photo, *, sees_embargoed: bool, limit: int = MORE_LIKE_THIS) -> list[Photo]:
    """Other photos of the same place, nearest shoot dates first (index photo_place_date).
    Chosen by place and date, which an embargo card hides: embargoed ones only for editors."""
    if not photo.place_id:
        return []
    qs = photos_for_browse().filter(place_id=photo.place_id).exclude(pk=photo.pk)
    qs = embargo.for_viewer(qs, sees=sees_embargoed, hidden=True)
    return list(qs.order_by("-date_start", "-id")[:limit])


def more_from_same_date(photo: Photo, *, sees_embargoed: bool, limit: int = MORE_LIKE_THIS) -> list[Photo]:
    """Other photos dated exactly the same day (or the same month, year, decade) as this one;
    embargoed ones only for editors, as above."""
    if not photo.date_start:
        return []
    qs = photos_for_browse().filter(date_start=photo.date_start, date_end=photo.date_end).exclude(pk=photo.pk)
    qs = embargo.for_viewer(qs, sees=sees_embargoed, hidden=True)
    return list(qs.order_by("-id")[:limit])


def find_existing_photo(*, supplier: str, source_id: str, fingerprint: str) -> Photo | None:
    """The record a block describes: by supplier + source id when it has one, else (or when
    none has that id) by the fingerprint of the photo it describes (captions.core.fingerprints)."""
    if source_id:
        found = Photo.objects.filter(supplier=supplier, source_id=source_id).first()
        if found is not None:
            return found
    if fingerprint:
        return Photo.objects.filter(fingerprint=fingerprint).first()
    return None


def find_duplicate(*, content_hash: str, exclude_pk=None) -> Photo | None:
    return Photo.objects.filter(content_hash=content_hash).exclude(pk=exclude_pk).first()


def photo_for_file(content_hash: str) -> Photo | None:
    """The photo a stored file belongs to (file names are content-addressed), with only what
    serving the file needs: its file names and its embargo."""
    return (
        Photo.objects.filter(content_hash=content_hash)
        .only("image", "thumbnail", "preview", "embargo_until", "caveat_embargo", "content_hash")
        .first()
    )


def ids_in_order(photos: QuerySet, *, limit: int) -> list[int]:
    """The ids of a selection in its order, at most `limit` (a package's photos)."""
    return list(photos.values_list("pk", flat=True)[:limit])


def photos_by_ids(ids) -> QuerySet:
    return Photo.objects.filter(pk__in=list(ids))


def embargo_ends(photos: QuerySet | None) -> list[tuple[int, dt.datetime | None]]:
    """(id, embargo end or None when not known) of each photo, by id: what a package may say
    about the photos it leaves out (no caption, credit or supplier id)."""
    if photos is None:
        return []
    return list(photos.order_by("pk").values_list("pk", "embargo_until"))


def embargo_of(pk) -> QuerySet:
    """One photo with only what an embargo check needs (the API answers 409 before reading more)."""
    return Photo.objects.filter(pk=pk).only("pk", "embargo_until", "caveat_embargo")


SUPPLIERS_CACHE_KEY, SUPPLIERS_CACHE_SECONDS = "captions:suppliers", 300


def suppliers() -> list[str]:
    """The suppliers photos come from, sorted. A handful of agencies, but listing them takes a
    DISTINCT over every photo, so the list is cached for a few minutes."""
    return cache.get_or_set(SUPPLIERS_CACHE_KEY, _distinct_suppliers, SUPPLIERS_CACHE_SECONDS)


def _distinct_suppliers() -> list[str]:
    if connection.vendor == "postgresql":
        # a loose index scan of photo_supplier: one probe per supplier (a handful), where
        # DISTINCT reads all million index entries (150 ms cold at a million photos)
        table = Photo._meta.db_table
        with connection.cursor() as cursor:
            cursor.execute(
                f"WITH RECURSIVE s(supplier) AS ("
                f"(SELECT supplier FROM {table} WHERE supplier > '' ORDER BY supplier LIMIT 1) UNION ALL "
                f"SELECT (SELECT t.supplier FROM {table} t WHERE t.supplier > s.supplier ORDER BY t.supplier LIMIT 1) "
                f"FROM s WHERE s.supplier IS NOT NULL) SELECT supplier FROM s WHERE supplier IS NOT NULL"
            )
            return [row[0] for row in cursor.fetchall()]
    return list(Photo.objects.exclude(supplier="").order_by("supplier").values_list("supplier", flat=True).distinct())
