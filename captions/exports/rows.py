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
from dataclasses import dataclass
from itertools import islice
from typing import Iterable, Iterator

from django.db import transaction

from captions import dimensions
from captions.models import CAVEAT_TAGS, Photo, Place, caveat_field

CHUNK_SIZE = 2000
SHEET_DPIS = (150, 240, 300)  # the print-size table of a spec sheet
REFERENCE_DPI = dimensions.DEFAULT_TARGET_DPI  # "the longest edge printable at 300 dpi"

_CAVEAT_COLUMNS = tuple(caveat_field(tag) for tag in CAVEAT_TAGS)
PHOTO_COLUMNS = (
    "id", "supplier", "source_id", "caption", "credit", "width_px", "height_px", "dpi",
    "date_text", "date_edtf", "date_start", "date_end", "date_precision", "date_approximate",
    "place_id", "place_text", "restriction_text", "embargo_until",
) + _CAVEAT_COLUMNS


@dataclass(frozen=True, slots=True)
class SpecRow:
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


@functools.lru_cache(maxsize=4096)
def _pixel_facts(width_px: int, height_px: int) -> tuple[float, str, str]:
    # Archives hold many photos from the same cameras: a few thousand distinct sizes cover
    # most rows, so the gcd and friends run once per size, not once per row.
    return (
        dimensions.megapixels(width_px, height_px),
        dimensions.orientation(width_px, height_px),
        dimensions.aspect_ratio(width_px, height_px),
    )


def _chunks(iterable, size: int):
    iterator = iter(iterable)
    while chunk := list(islice(iterator, size)):
        yield chunk


def _article_urls(photo_ids: list[int]) -> dict[int, list[str]]:
    links = (
        Photo.articles.through.objects.filter(photo_id__in=photo_ids, article__url__isnull=False)
        .order_by("photo_id", "article__published_date", "article_id")
        .values_list("photo_id", "article__url")
    )
    urls = defaultdict(list)
    for photo_id, url in links:
        urls[photo_id].append(url)
    return urls


def _places(place_ids: set[int]) -> dict[int, Place]:
    if not place_ids:
        return {}
    return Place.objects.only("sublocation", "city", "region", "country", "country_code").in_bulk(place_ids)


def build_row(values: tuple, *, place: Place | None, article_urls: Iterable[str], target_dpi: int) -> SpecRow:
    (pk, supplier, source_id, caption, credit, width_px, height_px, dpi, date_text, date_edtf, date_start,
     date_end, date_precision, date_approximate, _place_id, place_text, restrictions, embargo_until,
     *caveat_flags) = values
    if width_px and height_px:
        megapixels, orientation, aspect_ratio = _pixel_facts(width_px, height_px)
        native = dimensions.print_size(width_px, height_px, dpi) if dpi else None
        target = dimensions.print_size(width_px, height_px, target_dpi)
        at_reference = dimensions.print_size(width_px, height_px, REFERENCE_DPI)
    else:
        megapixels = orientation = aspect_ratio = native = target = at_reference = None
    return SpecRow(
        id=pk, supplier=supplier, source_id=source_id, caption=caption, credit=credit,
        width_px=width_px, height_px=height_px, dpi=dpi,
        megapixels=megapixels, orientation=orientation, aspect_ratio=aspect_ratio,
        native=native, target=target, at_reference=at_reference,
        date_text=date_text, date_edtf=date_edtf, date_start=date_start, date_end=date_end,
        date_precision=date_precision, date_approximate=date_approximate,
        place=place.label if place else place_text, country_code=place.country_code if place else "",
        caveats=tuple(tag for tag, flag in zip(CAVEAT_TAGS, caveat_flags) if flag),
        restrictions=restrictions, embargo_until=embargo_until, article_urls=tuple(article_urls),
    )


def spec_rows(photos, *, target_dpi: int = dimensions.DEFAULT_TARGET_DPI, chunk_size: int = CHUNK_SIZE) -> Iterator[SpecRow]:
    """SpecRows for every photo of the queryset `photos`, in its order, a chunk at a time.

    Runs in a transaction: on PostgreSQL that keeps the server-side cursor a plain one (in
    autocommit Django declares it WITH HOLD, which makes the server materialize the whole
    result before the first row) and gives the export one consistent snapshot.
    """
    with transaction.atomic():
        records = photos.values_list(*PHOTO_COLUMNS).iterator(chunk_size=chunk_size)
        for chunk in _chunks(records, chunk_size):
            urls = _article_urls([values[0] for values in chunk])
            places = _places({values[14] for values in chunk if values[14]})
            for values in chunk:
                yield build_row(
                    values, place=places.get(values[14]), article_urls=urls.get(values[0], ()), target_dpi=target_dpi,
                )


def spec_row_for(photo: Photo, *, target_dpi: int = dimensions.DEFAULT_TARGET_DPI) -> SpecRow:
    """The SpecRow of one photo (a sheet, the API's detail): the same builder as the exports."""
    return next(spec_rows(Photo.objects.filter(pk=photo.pk), target_dpi=target_dpi, chunk_size=1))
