"""Near-duplicates: the record a caption block may well describe although neither its image id
nor its fingerprint matches.

Two kinds (issue 15): the same image id under another supplier name, or the same pixels, shoot
date and place with a caption at least NEAR_DUPLICATE_SIMILARITY alike. Candidates come from
indexed queries, a few per batch of blocks whatever its size: image ids on `photo_source_id`,
pixels + date + place on `photo_place_date` (place, date_start), with the pixel size checked in
the same statement; only the captions of those few rows are compared in Python.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import reduce
from operator import or_

from django.db.models import Q

from captions.core.fingerprints import comparable, most_alike
from captions.models import Photo, Place

BY_SOURCE_ID, BY_CONTENT = "source_id", "content"
# OR-ed conditions per statement: SQLite allows 999 (older builds) to 32,766 parameters, each
# condition here takes six.
CONDITIONS_PER_QUERY = 150


@dataclass(frozen=True)
class BlockIdentity:
    """What a block says about the photo: enough to look for its near-duplicates."""

    supplier: str
    source_id: str
    caption: str
    width_px: int | None
    height_px: int | None
    date_start: object
    date_end: object
    place: tuple[str, ...]  # (sublocation, city, region, country_code), captions.core.fingerprints.place_key


@dataclass(frozen=True)
class NearDuplicate:
    photo_id: int
    similarity: float  # 1.0 for the same image id
    by: str  # BY_SOURCE_ID or BY_CONTENT
    caption: str


def _place_ids(parts: set[tuple[str, ...]]) -> dict[tuple[str, ...], int]:
    """The existing Place rows for these parts, in one query (none is created: this is a read)."""
    wanted = [p for p in parts if any(p)]
    found: dict[tuple[str, ...], int] = {}
    for start in range(0, len(wanted), CONDITIONS_PER_QUERY):
        chunk = wanted[start : start + CONDITIONS_PER_QUERY]
        condition = reduce(
            or_, (Q(sublocation=s, city=c, region=r, country_code=cc) for s, c, r, cc in chunk), Q(pk__in=[])
        )
        for pk, *key in Place.objects.filter(condition).values_list(
            "pk", "sublocation", "city", "region", "country_code"
        ):
            found[tuple(key)] = pk
    return found


def _candidates_condition(chunk) -> Q:
    """A superset of the photos sharing pixels, date and place with a block of `chunk`, in
    plain IN lists (an OR of one AND per block costs more to build in the ORM than to run):
    dated blocks through the shoot-date index, undated ones through (place, date_start). The
    exact key is checked in Python."""
    sizes = Q(
        width_px__in={block.width_px for _, block, _ in chunk}, height_px__in={block.height_px for _, block, _ in chunk}
    )
    dated = [(block, place_id) for _, block, place_id in chunk if block.date_start]
    undated = [place_id for _, block, place_id in chunk if not block.date_start]
    condition = Q(pk__in=[])
    if dated:
        places = Q(place_id__in={p for _, p in dated if p is not None})
        if any(p is None for _, p in dated):
            places |= Q(place__isnull=True)
        condition |= Q(date_start__in={block.date_start for block, _ in dated}) & places
    if undated:  # a block without a date has a place (see near_duplicates)
        condition |= Q(date_start__isnull=True, place_id__in=set(undated))
    return sizes & condition


def near_duplicates(blocks: Sequence[BlockIdentity]) -> dict[int, NearDuplicate]:
    """For each block (by its index in `blocks`) the record it most likely describes, if any.
    Callers pass only blocks that matched no record exactly."""
    found: dict[int, NearDuplicate] = {}

    # 1. the same image id, another supplier (or none)
    with_id = {b.source_id for b in blocks if b.source_id}
    if with_id:
        by_id: dict[str, list[tuple[int, str, str]]] = {}
        rows = (
            Photo.objects.filter(source_id__in=with_id)
            .order_by("pk")
            .values_list("pk", "supplier", "source_id", "caption")
        )
        for pk, supplier, source_id, caption in rows:
            by_id.setdefault(source_id, []).append((pk, supplier, caption))
        for index, block in enumerate(blocks):
            for pk, supplier, caption in by_id.get(block.source_id, ()) if block.source_id else ():
                if supplier != block.supplier:
                    found[index] = NearDuplicate(pk, 1.0, BY_SOURCE_ID, caption)
                    break

    # 2. same pixels, date and place, a caption this alike. A block must state its pixels and a
    # date or a place: pixels alone would compare with every photo of a common camera size.
    content = [
        (index, block)
        for index, block in enumerate(blocks)
        if index not in found and block.width_px and block.height_px and (block.date_start or any(block.place))
    ]
    if not content:
        return found
    place_ids = _place_ids({block.place for _, block in content})
    keyed = []  # (index, block, place id or None)
    for index, block in content:
        if any(block.place) and block.place not in place_ids:
            continue  # a place the archive does not know yet: no photo can be there
        keyed.append((index, block, place_ids.get(block.place)))
    for start in range(0, len(keyed), CONDITIONS_PER_QUERY):
        chunk = keyed[start : start + CONDITIONS_PER_QUERY]
        candidates: dict[tuple, dict[int, str]] = {}  # {pk: comparable caption} per pixels, date, place
        captions: dict[int, str] = {}
        ids: dict[int, tuple[str, str]] = {}
        rows = Photo.objects.filter(_candidates_condition(chunk)).order_by("pk")
        for pk, place_id, start_, end_, width, height, caption, supplier, source_id in rows.values_list(
            "pk", "place_id", "date_start", "date_end", "width_px", "height_px", "caption", "supplier", "source_id"
        ):
            candidates.setdefault((place_id, start_, end_, width, height), {})[pk] = comparable(caption)
            captions[pk] = caption
            ids[pk] = (supplier, source_id)
        for index, block, place_id in chunk:
            key = (place_id, block.date_start, block.date_end, block.width_px, block.height_px)
            if key not in candidates:
                continue
            alike = candidates[key]
            if block.source_id:  # one supplier's two image ids are two photos, however alike their captions
                alike = {
                    pk: text
                    for pk, text in alike.items()
                    if not (ids[pk][0] == block.supplier and ids[pk][1] and ids[pk][1] != block.source_id)
                }
            if (best := most_alike(block.caption, alike)) is not None:
                pk, similarity = best
                found[index] = NearDuplicate(pk, similarity, BY_CONTENT, captions[pk])
    return found
