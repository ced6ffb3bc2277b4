"""Format-neutral rows of print-ready specs, streamed.

A million photos never sit in memory at once: the selection is read through a database
cursor (`iterator(chunk_size=...)`, a server-side cursor on PostgreSQL) with only the columns
a spec needs, and places and article URLs are fetched once per chunk, never once per row.
Print sizes are `dimensions.PrintSize` values at full precision; each renderer rounds for its
own readers.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections import defaultdict
from collections.abc import Iterable, Iterator
from itertools import islice
from typing import NamedTuple

from django.contrib.postgres.expressions import ArraySubquery
from django.db import connection, transaction
from django.db.models import OuterRef

from captions.core import dimensions
from captions.models import CAVEAT_TAGS, Article, Photo, Place, caveat_field

CHUNK_SIZE = 2000
PLACE_CACHE_SIZE = 20_000
SHEET_DPIS = (150, 240, 300)  # the print-size table of a spec sheet
REFERENCE_DPI = dimensions.DEFAULT_TARGET_DPI  # "the longest edge printable at 300 dpi"

_CAVEAT_COLUMNS = tuple(caveat_field(tag) for tag in CAVEAT_TAGS)
PHOTO_COLUMNS = (
    "id",
    "supplier",
    "source_id",
    "caption",
    "credit",
    "width_px",
    "height_px",
    "dpi",
    "date_text",
    "date_edtf",
    "date_start",
    "date_end",
    "date_precision",
    "date_approximate",
    "place_id",
    "place_text",
    "restriction_text",
    "embargo_until",
) + _CAVEAT_COLUMNS
_ROW_END = len(PHOTO_COLUMNS)


class SpecRow(NamedTuple):
    """One photo's print-ready spec. A NamedTuple, not a dataclass: a million of them are
    built per export, and a tuple is the cheapest immutable record Python makes."""

    id: int
    supplier: str
    source_id: str
    caption: str
    credit: str
    width_px: int | None
    height_px: int | None
    dpi: int | None
    megapixels: float | None
    orientation: str | None
    aspect_ratio: str | None
    native: dimensions.PrintSize | None  # at the photo's own dpi
    target: dimensions.PrintSize | None  # at the export's target dpi
    at_reference: dimensions.PrintSize | None  # at 300 dpi, for the longest printable edge
    date_text: str
    date_edtf: str
    date_start: dt.date | None
    date_end: dt.date | None
    date_precision: str
    date_approximate: bool
    place: str
    country_code: str
    caveats: tuple[str, ...]
    restrictions: str
    embargo_until: dt.datetime | None
    article_urls: tuple[str, ...]

    @property
    def longest_edge_cm(self) -> float | None:
        size = self.at_reference
        return max(size.width_cm, size.height_cm) if size else None

    @property
    def longest_edge_in(self) -> float | None:
        size = self.at_reference
        return max(size.width_in, size.height_in) if size else None

    def print_sizes(self, dpis: Iterable[int] = SHEET_DPIS) -> list[dimensions.PrintSize]:
        if not (self.width_px and self.height_px):
            return []
        return [dimensions.print_size(self.width_px, self.height_px, dpi) for dpi in dpis]


_NO_PIXELS = (None, None, None, None, None, None)


@functools.lru_cache(maxsize=65536)
def derived_values(width_px, height_px, dpi, target_dpi: int) -> tuple:
    """(megapixels, orientation, aspect ratio, native, target, at 300 dpi) for one pixel size.

    Archives hold many photos from the same cameras: a few thousand distinct (pixels, dpi)
    pairs cover most rows, so the arithmetic (all of it in `dimensions`) runs once per pair,
    not once per row. The values are immutable, so sharing them is safe.
    """
    if not (width_px and height_px):
        return _NO_PIXELS
    return (
        dimensions.megapixels(width_px, height_px),
        dimensions.orientation(width_px, height_px),
        dimensions.aspect_ratio(width_px, height_px),
        dimensions.print_size(width_px, height_px, dpi) if dpi else None,
        dimensions.print_size(width_px, height_px, target_dpi),
        dimensions.print_size(width_px, height_px, REFERENCE_DPI),
    )


@functools.lru_cache(maxsize=64)
def _caveat_tags(flags: tuple) -> tuple[str, ...]:
    return tuple(tag for tag, flag in zip(CAVEAT_TAGS, flags, strict=True) if flag)


def _chunks(iterable, size: int):
    iterator = iter(iterable)
    while chunk := list(islice(iterator, size)):
        yield chunk


def _article_urls(photo_ids: list[int]) -> dict[int, list[str]]:
    """Article URLs of a chunk's photos, in one query (backends without ArraySubquery)."""
    links = (
        Photo.articles.through.objects.filter(photo_id__in=photo_ids, article__url__isnull=False)
        .order_by("photo_id", "article__published_date", "article_id")
        .values_list("photo_id", "article__url")
    )
    urls = defaultdict(list)
    for photo_id, url in links:
        urls[photo_id].append(url)
    return urls


def _places(place_ids: set[int]) -> dict[int, tuple[str, str]]:
    """(label, country code) of each place, so a label is built once per chunk, not per row."""
    if not place_ids:
        return {}
    places = Place.objects.only("sublocation", "city", "region", "country", "country_code").in_bulk(place_ids)
    return {pk: (place.label, place.country_code) for pk, place in places.items()}


def build_row(values: tuple, *, place: tuple[str, str] | None, article_urls, target_dpi: int) -> SpecRow:
    """A SpecRow from one `PHOTO_COLUMNS` tuple; `place` is (label, country code) or None."""
    (
        pk,
        supplier,
        source_id,
        caption,
        credit,
        width_px,
        height_px,
        dpi,
        date_text,
        date_edtf,
        date_start,
        date_end,
        date_precision,
        date_approximate,
        _place_id,
        place_text,
        restrictions,
        embargo_until,
    ) = values[:18]
    megapixels, orientation, aspect_ratio, native, target, at_reference = derived_values(
        width_px, height_px, dpi, target_dpi
    )
    label, country_code = place or (place_text, "")
    return SpecRow(
        pk,
        supplier,
        source_id,
        caption,
        credit,
        width_px,
        height_px,
        dpi,
        megapixels,
        orientation,
        aspect_ratio,
        native,
        target,
        at_reference,
        date_text,
        date_edtf,
        date_start,
        date_end,
        date_precision,
        date_approximate,
        label,
        country_code,
        _caveat_tags(values[18:_ROW_END]),
        restrictions,
        embargo_until,
        tuple(article_urls),
    )


def _photo_records(photos, chunk_size: int):
    """The rows of `PHOTO_COLUMNS` (plus each photo's article URLs on PostgreSQL), streamed."""
    if connection.vendor == "postgresql":
        # The database collects each photo's article URLs as an array next to its row (an index
        # probe per photo): four times faster than a second query per chunk, whose 2,000 ids
        # Python has to send and whose links it has to sort out.
        urls = ArraySubquery(
            Article.objects.filter(photos=OuterRef("pk"), url__isnull=False)
            .order_by("published_date", "id")
            .values("url")
        )
        photos = photos.annotate(export_article_urls=urls)
        return photos.values_list(*PHOTO_COLUMNS, "export_article_urls").iterator(chunk_size=chunk_size), True
    return photos.values_list(*PHOTO_COLUMNS).iterator(chunk_size=chunk_size), False


def spec_rows(
    photos, *, target_dpi: int = dimensions.DEFAULT_TARGET_DPI, chunk_size: int = CHUNK_SIZE
) -> Iterator[SpecRow]:
    """SpecRows for every photo of the queryset `photos`, in its order, a chunk at a time.

    Runs in a transaction: on PostgreSQL that keeps the server-side cursor a plain one (in
    autocommit Django declares it WITH HOLD, which makes the server materialize the whole
    result before the first row) and gives the export one consistent snapshot.
    """
    place_cache: dict[int, tuple[str, str]] = {}
    with transaction.atomic():
        if connection.vendor == "postgresql":
            # A whole-archive export is costed high enough for PostgreSQL to JIT-compile it,
            # which spends a few hundred milliseconds before the first row of what is a plain
            # index scan; for this transaction only, skip that.
            with connection.cursor() as cursor:
                cursor.execute("SET LOCAL jit = off")
        records, urls_in_rows = _photo_records(photos, chunk_size)
        try:
            for chunk in _chunks(records, chunk_size):
                urls = {} if urls_in_rows else _article_urls([values[0] for values in chunk])
                # An archive has a few thousand places: each is read once per export (the cache
                # is bounded all the same, so memory stays flat whatever the data).
                missing = {values[14] for values in chunk if values[14]} - place_cache.keys()
                if len(place_cache) + len(missing) > PLACE_CACHE_SIZE:
                    place_cache.clear()
                    missing = {values[14] for values in chunk if values[14]}
                place_cache.update(_places(missing))
                for values in chunk:
                    yield build_row(
                        values,
                        place=place_cache.get(values[14]),
                        article_urls=values[-1] or () if urls_in_rows else urls.get(values[0], ()),
                        target_dpi=target_dpi,
                    )
        finally:
            # A reader that stops early (a capped PDF, a dropped download) closes the cursor
            # here, while its transaction is still open, not later from the garbage collector.
            records.close()


def close_rows(rows) -> None:
    """Stop a `spec_rows` stream now (its cursor and transaction end here), e.g. when a
    download is dropped half-way, instead of whenever the garbage collector gets to it."""
    close = getattr(rows, "close", None)
    if close is not None:
        close()


def spec_row_for(photo: Photo, *, target_dpi: int = dimensions.DEFAULT_TARGET_DPI) -> SpecRow:
    """The SpecRow of one photo (a sheet, the API's detail): the same builder as the exports."""
    [row] = spec_rows(Photo.objects.filter(pk=photo.pk), target_dpi=target_dpi, chunk_size=1)
    return row
