"""CSV rows straight from PostgreSQL: `COPY (SELECT <the cells of each photo>) TO STDOUT (FORMAT csv)`.

The Python path (`rows.spec_rows` -> `csv_format.cells` -> `csv.writer`) spends about 11 µs of
Django's CPU a row. On PostgreSQL the CSV export asks the database for the finished cells
instead: every cell the Python path writes is computed in SQL (the derived print sizes by the
rules of `captions.core.dimensions`, the formula guard of `csv_format.safe_text`), COPY's own
CSV writer quotes them exactly as Python's `csv.writer` does with `QUOTE_MINIMAL`, and Python
only turns each row's LF into CRLF and passes the bytes on. The output is byte for byte what the
Python path writes (tests/test_export_copy.py compares the two over a generated set of awkward
rows, and the SQL cells with `core.dimensions` row by row).

How the SQL matches Python where floats are involved:

- lengths are computed in float8 exactly as Python computes them (`px / dpi`, then `* 2.54`);
  `dimensions.round_half_up` reads the float's shortest repr (`Decimal(repr(x))`), and
  PostgreSQL's float8 output (extra_float_digits = 1, set for the transaction) is that same
  shortest representation, so `x::text::numeric` rounded half away from zero (the values are
  positive) is the same decimal;
- the aspect ratio's `f"{w / h:.2f}"` rounds the double's exact value half-even; away from a
  tie the exact rational `w / h` (numeric) rounds the same way, and at a tie (`w / h` = k.kk5)
  the side of the tie the double fell on is found with an error-free product (Veltkamp's split)
  in float8.

The selection (filters, order, the embargo rule, the lightbox order) is the queryset's own SQL,
wrapped: nothing is selected here that the Python path would not select.
"""

from __future__ import annotations

import time
from abc import ABC, abstractmethod
from collections.abc import Iterator

import psycopg
from django.conf import settings
from django.contrib.postgres.expressions import ArraySubquery
from django.db import connection, transaction
from django.db.models import F, OuterRef
from django.utils import timezone

from captions.core import dimensions
from captions.exports import csv_format
from captions.exports.rows import PHOTO_COLUMNS, spec_rows
from captions.models import CAVEAT_TAGS, Article, caveat_field
from captions.services.audit import CountedRows

REFERENCE_DPI = dimensions.DEFAULT_TARGET_DPI
PIECE_BYTES = 256 * 1024  # bytes handed to the response at a time
CRLF = b"\r\n"
# a dropped download: the rest of the COPY is read and dropped up to this much, else the connection is closed
STOP_BYTES = 8 * 1024 * 1024
STOP_SECONDS = 0.25

# The inner query: the queryset's rows (its filters and its order), with the columns the Python
# path reads (rows.PHOTO_COLUMNS: one list, so the two paths cannot drift apart).
_PLACE_PARTS = ("sublocation", "city", "region", "country", "country_code")
# csv_format.safe_text's first characters, as code points (ascii() of a text's first character)
_FORMULA_CODES = ", ".join(str(ord(c)) for c in sorted(csv_format.FORMULA_STARTS))
_APOSTROPHE = "''''"  # the SQL literal of one apostrophe


def sql_literal(text: str) -> str:
    """A SQL string literal (only ever called with this module's own constants)."""
    return "'" + text.replace("'", "''") + "'"


def _text(column: str, *, guard: bool = True) -> str:
    """A text cell: `csv_format.safe_text` (with `guard`), and NULL for "" (COPY writes NULL as
    nothing but "" as two quotes; csv.writer writes "" as nothing). COPY's CSV quoting is
    csv.writer's QUOTE_MINIMAL: a value holding the delimiter, a quote, CR or LF is quoted and
    its quotes doubled."""
    if not guard:
        return f"nullif({column}, '')"
    return (
        f"CASE WHEN ascii({column}) IN ({_FORMULA_CODES}) THEN {_APOSTROPHE} || {column} ELSE nullif({column}, '') END"
    )


def _decimal(expr: str, separator: str) -> str:
    """`csv_format.decimal`: the float's shortest repr, rounded half-up to one decimal."""
    text = f"round(({expr})::text::numeric, 1)::text"
    return text if separator == "." else f"replace({text}, '.', {sql_literal(separator)})"


def aspect_ratio_sql(t: str) -> str:
    """`dimensions.aspect_ratio` for {t}.width_px, {t}.height_px (both present)."""
    w, h = f"{t}.width_px", f"{t}.height_px"
    g = f"gcd({w}, {h})"
    exact = f"({w}::numeric / {h})"
    # At a tie (w / h * 100 = n + 1/2) Python's '.2f' rounds the double nearest w / h, which
    # lies above the tie, below it, or on it (then half-even). sign(d * h - w), exactly:
    # d = w / h in float8, split into halves of 26 bits (Veltkamp), each times h exact.
    d = f"({w}::float8 / {h}::float8)"
    split = f"(134217729.0::float8 * {d})"
    d_hi = f"({split} - ({split} - {d}))"
    d_lo = f"({d} - {d_hi})"
    product = f"({d} * {h}::float8)"
    error = f"(({d_hi} * {h}::float8 - {product}) + {d_lo} * {h}::float8)"
    side = f"sign(({product} - {w}::float8) + {error})"
    low = f"trunc({exact}, 2)"
    tie = (
        f"CASE WHEN {side} > 0 THEN ({low} + 0.01) WHEN {side} < 0 THEN {low} "
        f"WHEN (trunc({exact} * 100)::bigint % 2) = 0 THEN {low} ELSE ({low} + 0.01) END"
    )
    is_tie = f"((200::bigint * {w}) % {h} = 0 AND ((200::bigint * {w}) / {h}) % 2 = 1)"
    decimal = f"(CASE WHEN {is_tie} THEN {tie} ELSE round({exact}, 2) END)::text || ':1'"
    return (
        f"CASE WHEN {w} / {g} <= 32 AND {h} / {g} <= 32 THEN ({w} / {g})::text || ':' || ({h} / {g})::text "
        f"ELSE {decimal} END"
    )


def _derived_cells(t: str, target_dpi: int, separator: str) -> list[str]:
    """The cells from megapixels to the longest edge (`csv_format._derived_cells`) but the
    target dpi, for {t}.width_px, {t}.height_px, {t}.dpi: NULL (an empty cell) without pixels."""
    w, h, dpi = f"{t}.width_px::float8", f"{t}.height_px::float8", f"{t}.dpi::float8"

    def four(at: str) -> list[str]:
        return [
            _decimal(f"{w} / {at} * 2.54::float8", separator),
            _decimal(f"{h} / {at} * 2.54::float8", separator),
            _decimal(f"{w} / {at}", separator),
            _decimal(f"{h} / {at}", separator),
        ]

    reference = f"{REFERENCE_DPI}::float8"
    cells = [
        _decimal(f"{w} * {h} / 1000000::float8", separator),
        f"CASE WHEN {t}.width_px > {t}.height_px THEN '{dimensions.LANDSCAPE}' "
        f"WHEN {t}.width_px < {t}.height_px THEN '{dimensions.PORTRAIT}' ELSE '{dimensions.SQUARE}' END",
        aspect_ratio_sql(t),
        *(f"CASE WHEN {t}.dpi > 0 THEN {cell} END" for cell in four(dpi)),
        *four(f"{int(target_dpi)}::float8"),
        _decimal(f"greatest({w} / {reference} * 2.54::float8, {h} / {reference} * 2.54::float8)", separator),
        _decimal(f"greatest({w} / {reference}, {h} / {reference})", separator),
    ]
    return [f"CASE WHEN {t}.width_px > 0 AND {t}.height_px > 0 THEN {cell} END" for cell in cells]


def iso_datetime_sql(expr: str) -> str:
    """`times.iso_datetime`: `timezone.localtime(value).isoformat(timespec="seconds")` (the
    session's TimeZone is the current one; an offset with seconds, as local mean time has, keeps
    them as Python writes them)."""
    offset = f"extract(timezone from {expr})::int"
    seconds = f"abs({offset})"
    return (
        f"CASE WHEN {expr} IS NOT NULL THEN to_char({expr}, 'YYYY-MM-DD\"T\"HH24:MI:SS') "
        f"|| CASE WHEN {offset} < 0 THEN '-' ELSE '+' END "
        f"|| lpad(({seconds} / 3600)::text, 2, '0') || ':' || lpad(({seconds} % 3600 / 60)::text, 2, '0') "
        f"|| CASE WHEN {seconds} % 60 <> 0 THEN ':' || lpad(({seconds} % 60)::text, 2, '0') ELSE '' END END"
    )


def _article_urls(value=None):
    """Each photo's article URLs, in the order the Python path lists them, as an array beside
    its row; `value` turns each URL into the text the array holds (the URL itself by default)."""
    articles = Article.objects.filter(photos=OuterRef("pk"), url__isnull=False).order_by("published_date", "id")
    if value is None:
        return ArraySubquery(articles.values("url"))
    return ArraySubquery(articles.annotate(x_url=value).values("x_url"))


def selection_layers(photos, *, derived: list[str], article_urls=None, urls_joined: str) -> tuple[str, str, list]:
    """(FROM clause with a `(%s) AS r` slot for the inner query, the inner query's SQL, its
    parameters) of the rows of the queryset `photos`, in its order, for a COPY's cells.

    Layers: the queryset's own SELECT (its filters, its ORDER BY; the place's parts and the
    article URLs beside each row); a layer that builds the place label, the caveats and the URL
    list (`urls_joined`: SQL of `r.x_article_urls`) once a row (OFFSET 0 keeps it a layer of its
    own, so a cell repeats a column, not an expression); the `derived` cells (d.d0, d.d1, ...),
    computed from the pixel size alone in a LATERAL subquery, which PostgreSQL memoizes (an
    archive's photos share a few thousand pixel sizes, so it runs about once a size, as
    `rows.derived_values` does in Python). A subquery with ORDER BY is never flattened and the
    layers above only project (the lateral join is a nested loop over it), so the rows leave in
    the queryset's order. The photo's columns are p.<column>, plus p.x_place, p.x_cc,
    p.x_caveats and p.x_urls.
    """
    inner = (
        photos.annotate(
            x_article_urls=_article_urls(article_urls),
            **{f"x_{part}": F(f"place__{part}") for part in _PLACE_PARTS},
        )
        .values_list(*PHOTO_COLUMNS, "x_article_urls", *(f"x_{part}" for part in _PLACE_PARTS))
        .query
    )
    inner_sql, params = inner.sql_with_params()
    label = (
        "CASE WHEN r.place_id IS NULL THEN r.place_text ELSE concat_ws(', ', "
        + ", ".join(f"nullif(r.x_{part}, '')" for part in _PLACE_PARTS[:4])
        + ") END"
    )
    caveats = "concat_ws('; ', " + ", ".join(f"CASE WHEN r.{caveat_field(t)} THEN '{t}' END" for t in CAVEAT_TAGS) + ")"
    middle = (
        f"SELECT r.*, {label} AS x_place, CASE WHEN r.place_id IS NULL THEN '' ELSE r.x_country_code END AS x_cc, "
        f"{caveats} AS x_caveats, {urls_joined} AS x_urls "
        f"FROM (%s) AS r OFFSET 0"
    )
    # the pixel size enters the lateral subquery once (as s), so it is the memo's whole key
    lateral = (
        "SELECT "
        + ", ".join(f"{cell} AS d{n}" for n, cell in enumerate(derived))
        + " FROM (SELECT p.width_px, p.height_px, p.dpi OFFSET 0) AS s OFFSET 0"
    )
    return f"FROM ({middle}) AS p CROSS JOIN LATERAL ({lateral}) AS d", inner_sql, list(params)


def bind(statement: str, inner_sql: str, params) -> tuple[str, tuple | None]:
    """(statement, parameters) with the inner query in its `(%s) AS r` slot, as psycopg's
    client-side binding wants it."""
    if not params:  # a statement without parameters is sent as it is
        return statement.replace("(%s) AS r", f"({inner_sql}) AS r", 1), None
    # psycopg binds the parameters client-side into the whole statement: our own '%' are doubled
    statement = statement.replace("%", "%%").replace("(%%s) AS r", f"({inner_sql}) AS r", 1)
    return statement, tuple(params)


def copy_statement(photos, *, target_dpi: int, delimiter: str, separator: str) -> tuple[str, tuple | None]:
    """(COPY statement, its parameters) for the CSV rows of the queryset `photos`, in its order
    (every cell of `csv_format.COLUMNS`, as `csv_format.cells` writes it; the layers are
    `selection_layers`')."""
    derived = _derived_cells("s", target_dpi, separator)
    source, inner_sql, params = selection_layers(
        photos, derived=derived, urls_joined="coalesce(array_to_string(r.x_article_urls, ' '), '')"
    )
    names = [f"d{n}" for n in range(len(derived))]
    cells = [
        "p.id",
        _text("p.supplier"),
        _text("p.source_id"),
        _text("p.caption"),
        _text("p.credit"),
        "p.width_px",
        "p.height_px",
        "p.dpi",
        *(f"d.{name}" for name in names[:7]),
        sql_literal(str(int(target_dpi))),
        *(f"d.{name}" for name in names[7:]),
        _text("p.date_text"),
        _text("p.date_edtf"),
        "p.date_start::text",
        "p.date_end::text",
        _text("p.date_precision"),
        "CASE WHEN p.date_approximate THEN 'yes' ELSE 'no' END",
        _text("p.x_place"),
        _text("p.x_cc", guard=False),  # written as stored, like csv_format.cells
        _text("p.x_caveats", guard=False),
        _text("p.restriction_text"),
        iso_datetime_sql("p.embargo_until"),
        _text("p.x_urls"),
    ]
    if len(cells) != len(csv_format.COLUMNS):
        raise AssertionError("the SQL cells and csv_format.COLUMNS disagree")
    statement = (
        f"COPY (SELECT {', '.join(cells)} {source}) TO STDOUT WITH (FORMAT csv, DELIMITER {sql_literal(delimiter)})"
    )
    return bind(statement, inner_sql, params)


def available() -> bool:
    """Whether CSV rows come from COPY: on PostgreSQL, unless CAPTIONS_EXPORT_COPY is off."""
    return connection.vendor == "postgresql" and getattr(settings, "CAPTIONS_EXPORT_COPY", True)


class CopyInProgress(RuntimeError):
    """A query was sent on the connection while an export's COPY was streaming on it."""


def _busy_with_copy(execute, sql, params, many, context):
    raise CopyInProgress(
        "this database connection is streaming an export (COPY) and answers nothing else until "
        "the stream ends or is closed"
    )


class CopiedRows(ABC):
    """The rows of a COPY (`statement()`), as bytes pieces of about PIECE_BYTES. COPY sends one
    row a message, ending in LF; a subclass says what goes before each row (`BEFORE_FIRST`, then
    `BEFORE_NEXT`) and after it (`AFTER`). `count` is the number of rows sent so far (the audit
    line reads it); `close()` stops the stream at once (a dropped download: the COPY is
    cancelled, the transaction ends). CopiedLines (CSV) and copy_json.CopiedObjects (JSON)."""

    BEFORE_FIRST = BEFORE_NEXT = AFTER = b""

    def __init__(self):
        self.count = 0
        self._pieces = None

    @abstractmethod
    def statement(self) -> tuple[str, tuple | None]:
        """The COPY statement and its parameters."""

    def __iter__(self) -> Iterator[bytes]:
        self._pieces = self._stream()
        return self._pieces

    def close(self) -> None:
        if self._pieces is not None:
            self._pieces.close()

    def _stream(self) -> Iterator[bytes]:
        sql, params = self.statement()
        with transaction.atomic(), connection.cursor() as cursor:
            # One snapshot for the whole export; no JIT for what is a plain scan; floats written as
            # their shortest repr (the rounding depends on it); ISO dates; times in the current zone.
            # SET LOCAL lasts until the outermost transaction ends, which is not this block's end
            # inside a request or test that is itself atomic: the settings are put back after
            # the COPY (Django reads every timestamp in the session's UTC).
            cursor.execute(
                "SELECT current_setting('jit'), current_setting('extra_float_digits'), "
                "current_setting('DateStyle'), current_setting('TimeZone')"
            )
            before = cursor.fetchone()
            cursor.execute(
                "SELECT set_config('jit', 'off', true), set_config('extra_float_digits', '1', true), "
                "set_config('DateStyle', 'ISO, YMD', true), set_config('TimeZone', %s, true)",
                [timezone.get_current_timezone_name()],
            )
            # psycopg binds COPY's parameters client-side (a ClientCursor, whatever Django's binding)
            raw = psycopg.ClientCursor(connection.connection)
            if connection.queries_logged:  # the COPY shows in connection.queries like any statement
                connection.queries_log.append({"sql": raw.mogrify(sql, params) if params else sql, "time": "0.000"})
            abandoned = failed = False
            # While the COPY streams, the connection answers nothing else (psycopg would wait for
            # it forever): a query in between fails at once, saying why.
            connection.execute_wrappers.append(_busy_with_copy)
            try:
                with raw.copy(sql, params) as copy:
                    try:
                        yield from self._pieces_of(copy)
                    except GeneratorExit:
                        abandoned = not self._drained(copy)
                        if abandoned:
                            # psycopg holds the connection's lock until the COPY block ends:
                            # the socket is closed below it (the server then ends the COPY)
                            copy.connection.pgconn.finish()
                        raise
            except Exception:
                failed = True  # the atomic block rolls back to its savepoint, and the settings with it
                raise
            finally:
                connection.execute_wrappers.remove(_busy_with_copy)
                if abandoned:
                    connection.close()  # Django opens a new connection for the next query
                elif not failed:  # read to its end, or closed by the client after the last row
                    cursor.execute(
                        "SELECT set_config('jit', %s, true), set_config('extra_float_digits', %s, true), "
                        "set_config('DateStyle', %s, true), set_config('TimeZone', %s, true)",
                        list(before),
                    )

    def _pieces_of(self, copy) -> Iterator[bytes]:
        pieces, size, rows = [], 0, 0
        read, append = copy.read, pieces.append
        before, after = self.BEFORE_FIRST, self.AFTER
        while block := read():
            if before:
                append(before)
            append(block[:-1])
            if after:
                append(after)
            before = self.BEFORE_NEXT
            size += len(block)
            rows += 1
            if size >= PIECE_BYTES:
                self.count = rows
                yield b"".join(pieces)
                pieces.clear()
                size = 0
        self.count = rows
        if pieces:
            yield b"".join(pieces)

    @staticmethod
    def _drained(copy) -> bool:
        """The reader went away mid-COPY. COPY TO has no "stop" message: the rest is read and
        dropped when it is small (True: the connection stays in use), else False (the caller
        closes the connection). A cancel request is not used: it travels apart from the
        connection and, arriving after a COPY that had just finished, would cancel whatever
        statement came next."""
        deadline = time.monotonic() + STOP_SECONDS
        left = STOP_BYTES
        while left > 0 and time.monotonic() < deadline:
            block = copy.read()
            if not block:
                return True  # the COPY ended: the transaction goes on (and is rolled back) as usual
            left -= len(block)
        return False


class CopiedLines(CopiedRows):
    """The CSV rows of a selection from COPY (`copy_statement`), CRLF-terminated as csv.writer
    ends them (a LF inside a quoted cell stays as it is in both)."""

    AFTER = CRLF

    def __init__(self, photos, *, target_dpi: int, delimiter: str, separator: str):
        super().__init__()
        self.photos, self.target_dpi = photos, target_dpi
        self.delimiter, self.separator = delimiter, separator

    def statement(self) -> tuple[str, tuple | None]:
        return copy_statement(
            self.photos, target_dpi=self.target_dpi, delimiter=self.delimiter, separator=self.separator
        )


def csv_export(selection, *, dialect: str = csv_format.DEFAULT_DIALECT):
    """(pieces, counter) of the CSV of a selection: on PostgreSQL the rows come as finished
    lines from COPY (`copy_csv`, byte for byte what the Python path writes, several times
    faster), elsewhere from SpecRows. `counter.count` is the number of photos written so far
    (the audit trail reads it); pieces are str or bytes."""
    spec = csv_format.DIALECTS[dialect]
    if available():
        lines = CopiedLines(
            selection.photos,
            target_dpi=selection.target_dpi,
            delimiter=spec.delimiter,
            separator=spec.decimal_separator,
        )
        return csv_format.render_copied(selection, lines, dialect=dialect), lines
    rows = CountedRows(spec_rows(selection.photos, target_dpi=selection.target_dpi))
    return csv_format.render_csv(selection, rows, dialect=dialect), rows
