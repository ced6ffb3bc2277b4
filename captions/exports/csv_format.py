"""CSV renderer for SpecRows: one line per photo, sizes to one decimal (as the UI shows them).

Two dialects: `excel` (the default; comma separator, decimal point, UTF-8) for scripts and
most spreadsheets, and `excel-de` (semicolon separator, decimal comma, UTF-8 with a byte-order
mark so German Excel shows umlauts) for German spreadsheets.

The first line is the header row and every other line a photo, so `csv.DictReader` and a
spreadsheet's import read it as it is. What the file is (the selection, the export time, the
target dpi, the embargoed photos left out) goes in its name and the response's headers
(`Selection.filename`, `Selection.http_headers`) and in the JSON's `meta`, never in the body.
"""

from __future__ import annotations

import csv
import functools
import io
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from captions.core import dimensions
from captions.exports.rows import REFERENCE_DPI, SpecRow, close_rows, derived_values
from captions.exports.selection import Selection
from captions.times import iso_datetime

ROWS_PER_WRITE = 500


@dataclass(frozen=True)
class Dialect:
    name: str
    delimiter: str
    decimal_separator: str
    byte_order_mark: bool


DIALECTS = {
    "excel": Dialect("excel", ",", ".", False),
    "excel-de": Dialect("excel-de", ";", ",", True),
}
DEFAULT_DIALECT = "excel"

COLUMNS = (
    "id",
    "supplier",
    "source_id",
    "caption",
    "credit",
    "width_px",
    "height_px",
    "dpi",
    "megapixels",
    "orientation",
    "aspect_ratio",
    "print_width_cm",
    "print_height_cm",
    "print_width_in",
    "print_height_in",
    "target_dpi",
    "target_width_cm",
    "target_height_cm",
    "target_width_in",
    "target_height_in",
    f"longest_edge_cm_at_{REFERENCE_DPI}dpi",
    f"longest_edge_in_at_{REFERENCE_DPI}dpi",
    "date_text",
    "date_edtf",
    "date_start",
    "date_end",
    "date_precision",
    "date_approximate",
    "place",
    "country_code",
    "caveats",
    "restrictions",
    "embargo_until",
    "article_urls",
)
FORMULA_STARTS = frozenset("=+-@\t\r")


def decimal(value: float | None, separator: str) -> str:
    if value is None:
        return ""
    text = f"{dimensions.round_half_up(value, 1):.1f}"
    return text.replace(".", separator) if separator != "." else text


@functools.lru_cache(maxsize=65536)
def _derived_cells(width_px, height_px, dpi, target_dpi: int, separator: str) -> tuple[str, ...]:
    """The 13 cells from megapixels to the longest edge, for one pixel size and dpi pair.

    Rounding goes through Decimal (half-up, as a ruler reads) and an archive's photos share
    few (pixels, dpi) pairs, so each pair is formatted once per process, not once per row.
    """
    megapixels, orientation, aspect_ratio, native, target, at_reference = derived_values(
        width_px, height_px, dpi, target_dpi
    )

    def four(size):
        if size is None:
            return ["", "", "", ""]
        return [decimal(v, separator) for v in (size.width_cm, size.height_cm, size.width_in, size.height_in)]

    cells = [
        decimal(megapixels, separator),
        orientation or "",
        aspect_ratio or "",
        *four(native),
        str(target_dpi),
        *four(target),
    ]
    if at_reference is None:
        cells += ["", ""]
    else:
        cells += [
            decimal(max(at_reference.width_cm, at_reference.height_cm), separator),
            decimal(max(at_reference.width_in, at_reference.height_in), separator),
        ]
    return tuple(cells)


def safe_text(text: str) -> str:
    """Text a spreadsheet will not run as a formula (a caption starting with '=' stays text)."""
    return "'" + text if text and text[0] in FORMULA_STARTS else text


def cells(row: SpecRow, *, target_dpi: int, separator: str) -> list:
    embargo_until = row.embargo_until
    return [
        row.id,
        safe_text(row.supplier),
        safe_text(row.source_id),
        safe_text(row.caption),
        safe_text(row.credit),
        row.width_px or "",
        row.height_px or "",
        row.dpi or "",
        *_derived_cells(row.width_px, row.height_px, row.dpi, target_dpi, separator),
        safe_text(row.date_text),
        safe_text(row.date_edtf),  # EDTF years may start with "-"; an import or restore may store anything
        row.date_start.isoformat() if row.date_start else "",
        row.date_end.isoformat() if row.date_end else "",
        safe_text(row.date_precision),
        "yes" if row.date_approximate else "no",
        safe_text(row.place),
        row.country_code,
        "; ".join(row.caveats),
        safe_text(row.restrictions),
        iso_datetime(embargo_until) or "",
        safe_text(" ".join(row.article_urls)),  # the form takes http(s) only; other paths store anything
    ]


def _head(spec: Dialect) -> str:
    """The lines before the first photo: the header row (the same for both ways of writing the rows)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=spec.delimiter, lineterminator="\r\n")
    if spec.byte_order_mark:
        buffer.write("\ufeff")
    writer.writerow(COLUMNS)
    return buffer.getvalue()


def render_csv(selection: Selection, rows: Iterable[SpecRow], *, dialect: str = DEFAULT_DIALECT) -> Iterator[str]:
    """The CSV text in pieces of a few hundred rows (for a streamed response or a file), from
    SpecRows (the Python path; `copy_csv.csv_export` picks the path)."""
    spec = DIALECTS[dialect]
    yield _head(spec)  # the first byte goes out before the first row is read
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=spec.delimiter, lineterminator="\r\n")
    try:
        for count, row in enumerate(rows, start=1):
            writer.writerow(cells(row, target_dpi=selection.target_dpi, separator=spec.decimal_separator))
            if count % ROWS_PER_WRITE == 0:
                yield buffer.getvalue()
                buffer.seek(0)
                buffer.truncate()
    finally:
        close_rows(rows)
    yield buffer.getvalue()


def render_copied(selection: Selection, lines, *, dialect: str = DEFAULT_DIALECT) -> Iterator[str | bytes]:
    """The same CSV with its rows as finished bytes from PostgreSQL (`copy_csv.CopiedLines`)."""
    yield _head(DIALECTS[dialect])
    try:
        yield from lines
    finally:
        lines.close()
