"""JSON renderer for SpecRows: full precision (a script rounds as it needs), streamed.

The document is `{"meta": {...}, "photos": [...], "count": N, "complete": true}`; `meta` holds
the export time, the selection (its filters, and as a query string), the target dpi and how many
embargoed photos were left out.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator

from captions.core import dimensions
from captions.exports.rows import REFERENCE_DPI, SpecRow, close_rows
from captions.exports.selection import Selection
from captions.times import iso_datetime

ROWS_PER_WRITE = 200
_dumps = json.JSONEncoder(ensure_ascii=False).encode


def _size(size: dimensions.PrintSize | None) -> dict | None:
    return size.as_dict() if size else None


_datetime = iso_datetime


def row_as_dict(row: SpecRow) -> dict:
    return {
        "id": row.id,
        "supplier": row.supplier,
        "source_id": row.source_id,
        "caption": row.caption,
        "credit": row.credit,
        "width_px": row.width_px,
        "height_px": row.height_px,
        "dpi": row.dpi,
        "megapixels": row.megapixels,
        "orientation": row.orientation,
        "aspect_ratio": row.aspect_ratio,
        "print_size": _size(row.native),
        "print_size_at_target": _size(row.target),
        f"longest_edge_at_{REFERENCE_DPI}dpi": (
            {"cm": row.longest_edge_cm, "in": row.longest_edge_in} if row.at_reference else None
        ),
        "date": {
            "text": row.date_text,
            "edtf": row.date_edtf,
            "start": row.date_start.isoformat() if row.date_start else None,
            "end": row.date_end.isoformat() if row.date_end else None,
            "precision": row.date_precision or None,
            "approximate": row.date_approximate,
        },
        "place": {"label": row.place, "country_code": row.country_code},
        "caveats": list(row.caveats),
        "restrictions": row.restrictions,
        "embargo_until": _datetime(row.embargo_until),
        "article_urls": list(row.article_urls),
    }


def selection_meta(selection: Selection) -> dict:
    return {
        "exported_at": selection.generated(),
        "selection": selection.query_string(),
        "filters": selection.filters,
        "target_dpi": selection.target_dpi,
        "embargoed_left_out": selection.embargoed_count,
    }


def _head(selection: Selection) -> str:
    """The document up to its first photo (the same for both ways of writing the photos)."""
    return '{"meta": ' + _dumps(selection_meta(selection)) + ',\n"photos": ['


def _tail(count: int) -> str:
    return f'\n],\n"count": {count},\n"complete": true}}\n'


def render_json(selection: Selection, rows: Iterable[SpecRow]) -> Iterator[str]:
    """The JSON text in pieces of a few hundred photos, from SpecRows (the Python path;
    `copy_json.json_export` picks the path)."""
    yield _head(selection)
    pieces, count = [], 0
    try:
        for count, row in enumerate(rows, start=1):
            pieces.append(("\n" if count == 1 else ",\n") + _dumps(row_as_dict(row)))
            if len(pieces) >= ROWS_PER_WRITE:
                yield "".join(pieces)
                pieces.clear()
    finally:
        close_rows(rows)
    pieces.append(_tail(count))
    yield "".join(pieces)


def render_copied(selection: Selection, objects) -> Iterator[str | bytes]:
    """The same JSON with each photo's object as finished bytes from PostgreSQL, each after its
    separator (`copy_json.CopiedObjects`)."""
    yield _head(selection)
    try:
        yield from objects
    finally:
        objects.close()
    yield _tail(objects.count)
