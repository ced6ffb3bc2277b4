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

from django.db import connection
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


# Parameters a candidates row takes at most (group, place, two dates, pixels, supplier, x).
PARAMS_PER_KEY = 8
_CANDIDATE_COLUMNS = "p.id, p.caption, p.supplier, p.source_id"
# The three shapes of a content key, each an equality join on an index: (place, date) on
# `photo_place_date`, (no place, date) on the shoot-date indexes, (place, undated) on
# `photo_place_date` again. `x` = 1: the block has an image id, so its own supplier's photos
# with an image id are not its candidates (one supplier's two image ids are two photos; the
# same id would have matched exactly).
_SHAPES = {
    "place_date": (
        ("pl", "ds", "de"),
        "p.place_id = v.pl AND p.date_start = v.ds AND p.date_end = v.de",
    ),
    "date": (("ds", "de"), "p.place_id IS NULL AND p.date_start = v.ds AND p.date_end = v.de"),
    "place": (("pl",), "p.place_id = v.pl AND p.date_start IS NULL"),
}


def _candidate_rows(groups: list[tuple]) -> list[tuple]:
    """(group, pk, caption, supplier, source_id) of the photos with the content key of each
    group, in pk order: one statement whatever the number of groups, an equality join of a
    VALUES list on the indexes (no superset to sort out in Python: an import's blocks of one
    agency at one place and size would fetch each other's thousands of rows for every batch).
    A group is (group number, place id or None, date_start, date_end, width, height, supplier,
    x)."""
    date_value = connection.ops.adapt_datefield_value
    photo_table = connection.ops.quote_name(Photo._meta.db_table)
    tables, parts, params = [], [], []
    for shape, (columns, condition) in _SHAPES.items():
        rows = [g for g in groups if _shape(g[1], g[2]) == shape]
        if not rows:
            continue
        names = ("g", *columns, "w", "h", "sup", "x")
        row_sql = "(" + ", ".join(["%s"] * len(names)) + ")"
        for number, place_id, start, end, width, height, supplier, x in rows:
            key = {"pl": place_id, "ds": date_value(start), "de": date_value(end)}
            params.extend([number, *(key[c] for c in columns), width, height, supplier, x])
        # a CTE, not `(VALUES ...) AS v (g, ...)`: SQLite names no columns of a subquery
        tables.append(f"v_{shape} ({', '.join(names)}) AS (VALUES {', '.join([row_sql] * len(rows))})")
        parts.append(
            f"SELECT v.g, {_CANDIDATE_COLUMNS} FROM {photo_table} p JOIN v_{shape} v "
            f"ON {condition} AND p.width_px = v.w AND p.height_px = v.h "
            "AND (v.x = 0 OR p.supplier <> v.sup OR p.source_id = '')"
        )
    if not parts:
        return []
    with connection.cursor() as cursor:
        cursor.execute(f"WITH {', '.join(tables)} " + " UNION ALL ".join(parts) + " ORDER BY 2", params)
        return cursor.fetchall()


def _shape(place_id, date_start) -> str:
    if date_start:
        return "place_date" if place_id is not None else "date"
    return "place"


def near_duplicates(
    blocks: Sequence[BlockIdentity], *, folded: dict[int, tuple[str, str]] | None = None
) -> dict[int, NearDuplicate]:
    """For each block (by its index in `blocks`) the record it most likely describes, if any.
    Callers pass only blocks that matched no record exactly. `folded` ({pk: (caption, comparable caption)})
    is kept by a caller that asks again (an import, batch after batch), so no candidate's
    caption is folded twice in one run."""
    folded = {} if folded is None else folded
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
    # one group per content key and supplier exclusion, shared by the blocks that have both
    groups: dict[tuple, int] = {}
    block_group = []
    for index, block, place_id in keyed:
        x = 1 if block.source_id else 0
        group = (
            place_id,
            block.date_start,
            block.date_end,
            block.width_px,
            block.height_px,
            block.supplier if x else "",
            x,
        )
        block_group.append((index, block, groups.setdefault(group, len(groups))))
    candidates: dict[int, dict[int, str]] = {}  # {pk: comparable caption} per group
    captions: dict[int, str] = {}
    listed = list(groups.items())
    # SQLite takes 999 parameters a statement (Django's max_query_params); PostgreSQL 65,535
    per_query = (connection.features.max_query_params or 8000) // PARAMS_PER_KEY
    for start in range(0, len(listed), per_query):
        chunk = [(number, *group) for group, number in listed[start : start + per_query]]
        for number, pk, caption, _supplier, _source_id in _candidate_rows(chunk):
            if pk not in captions:
                captions[pk] = caption
                known = folded.get(pk)
                if known is None or known[0] != caption:  # a caption changed since: fold it again
                    folded[pk] = known = (caption, comparable(caption))
            candidates.setdefault(number, {})[pk] = folded[pk][1]
    for index, block, number in block_group:
        if number in candidates and (best := most_alike(block.caption, candidates[number])) is not None:
            pk, similarity = best
            found[index] = NearDuplicate(pk, similarity, BY_CONTENT, captions[pk])
    return found
