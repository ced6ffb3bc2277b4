"""JSON rows straight from PostgreSQL: `COPY (SELECT <each photo's JSON object as text>) TO STDOUT`.

The JSON export's Python path (`rows.spec_rows` -> `json_format.row_as_dict` -> `json.dumps`)
spends its time in Django and the encoder. On PostgreSQL each photo's object is written by the
database instead, as the text `json.JSONEncoder(ensure_ascii=False)` writes for it: the keys in
`row_as_dict`'s order with its separators (", " and ": "), strings through `to_json(text)`
(which escapes exactly what Python escapes: the quote, the backslash, \\b \\f \\n \\r \\t and the
other control characters as \\u00XX in lower-case hex; nothing else, as ensure_ascii=False
writes non-ASCII as it is), floats as Python's `repr` writes them (below), integers, booleans
and null as they are. The document is byte for byte the Python path's (tests/test_export_copy.py
compares the two over the same awkward rows as the CSV).

Floats: PostgreSQL's float8 output with extra_float_digits = 1 (set for the COPY) is the
shortest repr, as Python's; the two differ only where Python adds ".0" to a whole number and
where PostgreSQL switches to an exponent one decimal digit earlier (at 1e15; Python at 1e16).
A whole number gets its ".0" here; the largest value an export writes is far below 1e15 (pixels
are int4, so megapixels < 4.7e12 and a length < 5.5e9 cm). The arithmetic is Python's: inches are
`px / dpi` in float8 (both exact, one correctly rounded division), cm are `inches * 2.54`, and
megapixels `px * px / 10**6` is read from the exact decimal product (a float8 product of two
int4 can be inexact above 2**53).

How the rows leave: COPY's CSV format with a delimiter and a quote character that a JSON text
never holds raw (the control characters 0x01 and 0x02, which `to_json` escapes), so each line
is the object's text as it is, without quoting or escaping.

The selection, the place label, the article URLs and the memoized print arithmetic are the CSV
COPY's layers (`copy_csv.selection_layers`): nothing is selected that the Python path would not
select, in the same order.
"""

from __future__ import annotations

from django.db.models import F, Func, TextField
from django.db.models.functions import Cast

from captions.core import dimensions
from captions.exports import copy_csv
from captions.exports.json_format import render_copied, render_json
from captions.exports.rows import REFERENCE_DPI, spec_rows
from captions.models import CAVEAT_TAGS, caveat_field
from captions.services.audit import CountedRows

FIRST, NEXT = b"\n", b",\n"  # what goes before a photo's object (json_format.render_json's separators)

_NULL = "'null'"


class _Text(str):
    """A piece of JSON text as it is (a key, a brace), as opposed to SQL that computes a value."""


def _string(expr: str) -> str:
    """A JSON string of a text that is never NULL (the model's CharFields and TextFields)."""
    return f"to_json({expr})::text"


def _float(expr: str) -> str:
    """Python's repr of a float8 (see the module's docstring)."""
    return f"(CASE WHEN ({expr}) = trunc({expr}) THEN ({expr})::text || '.0' ELSE ({expr})::text END)"


def _members(pairs: list[tuple[str, str | list]], *, first: bool = True) -> list:
    """The parts of an object's members: '"key": ' then the value (SQL, or the parts of a
    nested object), ', ' between them (and before the first unless `first`)."""
    parts: list = []
    for n, (key, value) in enumerate(pairs):
        parts.append(_Text(("" if first and n == 0 else ", ") + f'"{key}": '))
        parts.extend(value if isinstance(value, list) else [value])
    return parts


def _object(pairs: list[tuple[str, str | list]]) -> list:
    return [_Text("{"), *_members(pairs), _Text("}")]


def _concat(parts: list) -> str:
    """SQL of the text of `parts`, in one concat() (a chain of || copies the growing text at
    every step; one concat() builds it once). No part is NULL: concat() would drop it."""
    merged: list = []
    for part in parts:
        if isinstance(part, _Text) and merged and isinstance(merged[-1], _Text):
            merged[-1] = _Text(merged[-1] + part)
        else:
            merged.append(part)
    return "concat(" + ", ".join(copy_csv.sql_literal(p) if isinstance(p, _Text) else p for p in merged) + ")"


def _print_size(t: str, dpi: str) -> list:
    """`PrintSize.as_dict()` of {t}'s pixels at `dpi` (an integer SQL expression)."""
    w, h = f"{t}.width_px::float8", f"{t}.height_px::float8"
    return _object(
        [
            ("dpi", f"({dpi})::text"),
            ("width_cm", _float(f"{w} / ({dpi})::float8 * 2.54::float8")),
            ("height_cm", _float(f"{h} / ({dpi})::float8 * 2.54::float8")),
            ("width_in", _float(f"{w} / ({dpi})::float8")),
            ("height_in", _float(f"{h} / ({dpi})::float8")),
        ]
    )


def _derived(t: str, target_dpi: int) -> str:
    """SQL of `"megapixels": ..., ...` up to the longest edge (the members of `row_as_dict` from
    megapixels to `longest_edge_at_300dpi`) for {t}'s pixels: one text, computed once a size."""
    w, h, dpi = f"{t}.width_px", f"{t}.height_px", f"{t}.dpi"
    has_pixels = f"{w} > 0 AND {h} > 0"

    def when(condition: str, value: str | list) -> str:
        return f"CASE WHEN {condition} THEN {_concat(value) if isinstance(value, list) else value} ELSE {_NULL} END"

    orientation = (
        f"CASE WHEN {w} > {h} THEN '\"{dimensions.LANDSCAPE}\"' WHEN {w} < {h} THEN '\"{dimensions.PORTRAIT}\"' "
        f"ELSE '\"{dimensions.SQUARE}\"' END"
    )
    w_ref, h_ref = f"{w}::float8 / {REFERENCE_DPI}::float8", f"{h}::float8 / {REFERENCE_DPI}::float8"
    longest = _object(
        [
            ("cm", _float(f"greatest({w_ref} * 2.54::float8, {h_ref} * 2.54::float8)")),
            ("in", _float(f"greatest({w_ref}, {h_ref})")),
        ]
    )
    pairs = [
        ("megapixels", when(has_pixels, _float(f"(({w}::int8 * {h}::int8)::text || 'e-6')::float8"))),
        ("orientation", when(has_pixels, orientation)),
        ("aspect_ratio", when(has_pixels, [_Text('"'), copy_csv.aspect_ratio_sql(t), _Text('"')])),
        ("print_size", when(f"{has_pixels} AND {dpi} > 0", _print_size(t, dpi))),
        ("print_size_at_target", when(has_pixels, _print_size(t, str(int(target_dpi))))),
        (f"longest_edge_at_{REFERENCE_DPI}dpi", when(has_pixels, longest)),
    ]
    return _concat(_members(pairs))


def copy_statement(photos, *, target_dpi: int) -> tuple[str, tuple | None]:
    """(COPY statement, its parameters) for one line a photo of the queryset `photos`, in its
    order: the text `json_format.row_as_dict(row)` encodes to."""
    source, inner_sql, params = copy_csv.selection_layers(
        photos,
        derived=[_derived("s", target_dpi)],
        article_urls=Cast(Func(F("url"), function="to_json"), TextField()),
        urls_joined="array_to_string(r.x_article_urls, ', ')",
    )
    caveats = (
        "concat_ws(', ', " + ", ".join(f"CASE WHEN p.{caveat_field(t)} THEN '\"{t}\"' END" for t in CAVEAT_TAGS) + ")"
    )

    def quoted_or_null(text: str) -> str:
        return f"coalesce('\"' || {text} || '\"', {_NULL})"

    head = [
        ("id", "p.id"),
        ("supplier", _string("p.supplier")),
        ("source_id", _string("p.source_id")),
        ("caption", _string("p.caption")),
        ("credit", _string("p.credit")),
        ("width_px", f"coalesce(p.width_px::text, {_NULL})"),
        ("height_px", f"coalesce(p.height_px::text, {_NULL})"),
        ("dpi", f"coalesce(p.dpi::text, {_NULL})"),
    ]
    date = [
        ("text", _string("p.date_text")),
        ("edtf", _string("p.date_edtf")),
        ("start", quoted_or_null("p.date_start::text")),
        ("end", quoted_or_null("p.date_end::text")),
        ("precision", f"CASE WHEN p.date_precision = '' THEN {_NULL} ELSE {_string('p.date_precision')} END"),
        ("approximate", "CASE WHEN p.date_approximate THEN 'true' ELSE 'false' END"),
    ]
    tail = [
        ("date", _object(date)),
        ("place", _object([("label", _string("p.x_place")), ("country_code", _string("p.x_cc"))])),
        ("caveats", [_Text("["), caveats, _Text("]")]),
        ("restrictions", _string("p.restriction_text")),
        ("embargo_until", quoted_or_null(copy_csv.iso_datetime_sql("p.embargo_until"))),
        ("article_urls", [_Text("["), "p.x_urls", _Text("]")]),
    ]
    # {"id": ... "dpi": ..., <the derived members, d.d0>, "date": ... "article_urls": [...]}
    row = _concat([_Text("{"), *_members(head), _Text(", "), "d.d0", *_members(tail, first=False), _Text("}")])
    statement = f"COPY (SELECT {row} {source}) TO STDOUT WITH (FORMAT csv, DELIMITER E'\\x02', QUOTE E'\\x01')"
    return copy_csv.bind(statement, inner_sql, params)


class CopiedObjects(copy_csv.CopiedRows):
    """The photos' JSON objects from COPY (`copy_statement`), each after the separator
    `render_json` writes before it ("\\n" before the first, ",\\n" before the others)."""

    def __init__(self, photos, *, target_dpi: int):
        super().__init__()
        self.photos, self.target_dpi = photos, target_dpi

    BEFORE_FIRST, BEFORE_NEXT = FIRST, NEXT

    def statement(self) -> tuple[str, tuple | None]:
        return copy_statement(self.photos, target_dpi=self.target_dpi)


def json_export(selection):
    """(pieces, counter) of the JSON of a selection: on PostgreSQL each photo's object comes as
    finished text from COPY (byte for byte what the Python path writes), elsewhere from
    SpecRows. `counter.count` is the number of photos written so far (the audit trail and the
    document's "count" read it); pieces are str or bytes."""
    if copy_csv.available():
        objects = CopiedObjects(selection.photos, target_dpi=selection.target_dpi)
        return render_copied(selection, objects), objects
    rows = CountedRows(spec_rows(selection.photos, target_dpi=selection.target_dpi))
    return render_json(selection, rows), rows
