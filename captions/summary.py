"""The facet summary: how many photos hold each facet value, and each pair of values, kept by
the database itself as the archive changes (issue 11, item 2).

`captions_facetcount` (model `FacetCount`) holds one row per (filter key, facet key): the
number of photos that have both. A key is one facet value of a photo:

    p<place id>       its place (countries are summed from places when read)
    d<decade>         a decade its shoot interval overlaps (1960 for the 1960s), from 1820 on
    u                 undated
    c:<caveat tag>    a caveat it carries
    o:<orientation>   landscape / portrait / square (the sign of width - height)

and the filter key `*` is "any photo", the facet key `n` is "the number of photos". So
(`*`, `n`) is the size of the archive, (`*`, `d1960`) the photos of the 1960s, (`p17`, `n`)
the photos of place 17 and (`c:embargo`, `o:portrait`) the embargoed portraits: the whole
facet column of the unfiltered archive and of every single facet value, without a scan.

The rows are kept by triggers, inside the writing transaction (a rollback takes the change
back with it), so every write path is covered, the ORM, bulk updates, raw SQL and COPY alike:

* PostgreSQL: statement-level triggers with transition tables (one aggregate a statement,
  whatever its row count; identical old and new facet values cancel before anything is
  written, so an edit of a caption writes nothing here), and TRUNCATE empties the summary;
* SQLite: row-level triggers (its triggers have no transition tables), the update trigger
  only for the columns a key reads.

The counts cover every photo, embargoed or not: what a viewer who may not see embargoed photos
is shown is the summary minus the photos under embargo now, which are few and found through
their partial indexes (selectors.facets). Embargoes end with time, not with a write, so that
part cannot be kept here.

`rebuild_sql` recomputes the table from the photos (one pass): after a bulk load that
disabled the triggers (generate_archive's COPY path), or when the triggers had to be created
(a new database, SQLite's table rebuilds by later migrations drop them).

This module only builds SQL text; it imports no model, so the migration, the services and
the selectors can all use it.
"""

from __future__ import annotations

TABLE = "captions_facetcount"
PHOTO_TABLE = "captions_photo"
FIRST_DECADE = 1820  # as selectors.facets: photography begins in the 1820s
LAST_DECADE = 2290
CAVEAT_COLUMNS = (
    "caveat_editorial_only",
    "caveat_embargo",
    "caveat_imperfect_historical",
    "caveat_mandatory_credit",
    "caveat_no_model_release",
)
ORIENTATION_SIGNS = (("landscape", 1), ("portrait", -1), ("square", 0))
# the columns a key reads: SQLite's update trigger fires only when one of them is set
KEY_COLUMNS = ("place_id", "date_start", "date_end", "width_px", "height_px", *CAVEAT_COLUMNS)
TRIGGER_PREFIX = "facet_summary_"
EVERY_PHOTO, PHOTO_COUNT, UNDATED = "*", "n", "u"
# (VERSION_FILTER, VERSION_FACET) counts the statements (PostgreSQL) or rows (SQLite) that wrote
# photos: a cache of anything read from the photos (the embargoed part) names it in its key,
# so no write is hidden by a cached count
VERSION_FILTER, VERSION_FACET = "~", "v"
BUMP = (
    f"INSERT INTO {TABLE} (filter_key, facet_key, n) VALUES ('{VERSION_FILTER}', '{VERSION_FACET}', 1) "
    f"ON CONFLICT (filter_key, facet_key) DO UPDATE SET n = {TABLE}.n + 1"
)


def place_key(place_id: int) -> str:
    return f"p{place_id}"


def decade_key(decade: int) -> str:
    return f"d{decade}"


def caveat_key(tag: str) -> str:
    return f"c:{tag}"


def orientation_key(name: str) -> str:
    return f"o:{name}"


def _year(vendor: str, column: str) -> str:
    if vendor == "postgresql":
        return f"(EXTRACT(YEAR FROM {column})::int / 10) * 10"
    return f"(CAST(substr({column}, 1, 4) AS INTEGER) / 10) * 10"


def _signature_columns(vendor: str, prefix: str = "") -> list[tuple[str, str]]:
    """(name, expression over a photo row) of everything a photo's keys depend on."""
    orientation = (
        f"CASE WHEN {prefix}width_px - {prefix}height_px > 0 THEN 1 "
        f"WHEN {prefix}width_px - {prefix}height_px < 0 THEN -1 "
        f"WHEN {prefix}width_px - {prefix}height_px = 0 THEN 0 END"
    )
    return [
        ("place_id", f"{prefix}place_id"),
        ("dlo", _year(vendor, f"{prefix}date_start")),
        ("dhi", _year(vendor, f"{prefix}date_end")),
        *[(column, f"{prefix}{column}") for column in CAVEAT_COLUMNS],
        ("ori", orientation),
    ]


def signatures_sql(vendor: str, sources: list[tuple[str, int]]) -> str:
    """Photos grouped by their facet values, with a weight (how many, +1 added, -1 removed):
    `sources` are (FROM clause, sign). Columns: sid (a number per group), the signature, w."""
    columns = _signature_columns(vendor)
    names = ", ".join(name for name, _ in columns)
    parts = [
        f"SELECT {', '.join(f'{expr} AS {name}' for name, expr in columns)}, {sign} AS w FROM {source}"
        for source, sign in sources
    ]
    return (
        f"SELECT row_number() OVER () AS sid, {names}, SUM(w) AS w FROM ({' UNION ALL '.join(parts)}) x "
        f"GROUP BY {names} HAVING SUM(w) <> 0"
    )


def _decades() -> str:
    return " UNION ALL ".join(f"SELECT {d} AS d" for d in range(FIRST_DECADE, LAST_DECADE + 10, 10))


def pairs_sql(sig: str) -> str:
    """(filter_key, facet_key, n) for the signature rows `sig` (a table name or a parenthesized
    subquery with the columns of `signatures_sql`)."""
    keys = [
        f"SELECT g.sid, 'p' || g.place_id AS k FROM {sig} g WHERE g.place_id IS NOT NULL",
        f"SELECT g.sid, 'd' || d.d AS k FROM {sig} g JOIN ({_decades()}) d ON d.d >= g.dlo AND d.d <= g.dhi",
        f"SELECT g.sid, '{UNDATED}' AS k FROM {sig} g WHERE g.dlo IS NULL",
        *[
            f"SELECT g.sid, '{caveat_key(column.removeprefix('caveat_'))}' AS k FROM {sig} g WHERE g.{column}"
            for column in CAVEAT_COLUMNS
        ],
        *[
            f"SELECT g.sid, '{orientation_key(name)}' AS k FROM {sig} g WHERE g.ori = {s}"
            for name, s in ORIENTATION_SIGNS
        ],
    ]
    keyed = " UNION ALL ".join(keys)
    filters = f"{keyed} UNION ALL SELECT g.sid, '{EVERY_PHOTO}' AS k FROM {sig} g"
    facets = f"{keyed} UNION ALL SELECT g.sid, '{PHOTO_COUNT}' AS k FROM {sig} g"
    return (
        f"SELECT a.k AS filter_key, b.k AS facet_key, SUM(g.w) AS n FROM ({filters}) a "
        f"JOIN ({facets}) b ON b.sid = a.sid JOIN {sig} g ON g.sid = a.sid "
        f"GROUP BY a.k, b.k"
    )


def _upsert(select: str) -> str:
    return (
        f"INSERT INTO {TABLE} (filter_key, facet_key, n) {select} ORDER BY 1, 2 "
        f"ON CONFLICT (filter_key, facet_key) DO UPDATE SET n = {TABLE}.n + excluded.n"
    )


def rebuild_sql(vendor: str) -> list[str]:
    """Statements that recompute the whole summary from the photo table."""
    sig = signatures_sql(vendor, [(PHOTO_TABLE, 1)])
    clear = f"DELETE FROM {TABLE} WHERE filter_key <> '{VERSION_FILTER}'"
    if vendor == "postgresql":
        return [
            clear,
            f"WITH sig AS MATERIALIZED ({sig}) INSERT INTO {TABLE} (filter_key, facet_key, n) {pairs_sql('sig')}",
            BUMP,
        ]
    return [clear, f"INSERT INTO {TABLE} (filter_key, facet_key, n) WITH sig AS ({sig}) {pairs_sql('sig')}", BUMP]


# --- triggers ------------------------------------------------------------------------------


def trigger_names(vendor: str) -> list[str]:
    if vendor == "postgresql":
        return [f"{TRIGGER_PREFIX}{op}" for op in ("insert", "update", "delete", "truncate")]
    return [f"{TRIGGER_PREFIX}{op}" for op in ("insert", "update", "delete")]


def _pg_function(name: str, sources: list[tuple[str, int]]) -> str:
    sig = signatures_sql("postgresql", sources)
    body = f"WITH sig AS MATERIALIZED ({sig}) {_upsert(pairs_sql('sig'))}"
    # the summary of an update that changed no facet value: every pair cancels
    body = body.replace("ORDER BY 1, 2", "HAVING SUM(g.w) <> 0 ORDER BY 1, 2")
    return (
        f"CREATE OR REPLACE FUNCTION {name}() RETURNS trigger LANGUAGE plpgsql AS $body$ "
        f"BEGIN {body}; {BUMP}; RETURN NULL; END $body$"
    )


def create_triggers_sql(vendor: str) -> list[str]:
    if vendor == "postgresql":
        statements = [
            _pg_function(f"{TRIGGER_PREFIX}insert_fn", [("new_rows", 1)]),
            _pg_function(f"{TRIGGER_PREFIX}update_fn", [("new_rows", 1), ("old_rows", -1)]),
            _pg_function(f"{TRIGGER_PREFIX}delete_fn", [("old_rows", -1)]),
            f"CREATE OR REPLACE FUNCTION {TRIGGER_PREFIX}truncate_fn() RETURNS trigger LANGUAGE plpgsql AS "
            f"$body$ BEGIN DELETE FROM {TABLE} WHERE filter_key <> '{VERSION_FILTER}'; {BUMP}; RETURN NULL; END $body$",
        ]
        for op, tables in (
            ("insert", "REFERENCING NEW TABLE AS new_rows"),
            ("update", "REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows"),
            ("delete", "REFERENCING OLD TABLE AS old_rows"),
            ("truncate", ""),
        ):
            statements += [
                f"DROP TRIGGER IF EXISTS {TRIGGER_PREFIX}{op} ON {PHOTO_TABLE}",
                f"CREATE TRIGGER {TRIGGER_PREFIX}{op} AFTER {op.upper()} ON {PHOTO_TABLE} {tables} "
                f"FOR EACH STATEMENT EXECUTE FUNCTION {TRIGGER_PREFIX}{op}_fn()",
            ]
        return statements

    def row(prefix: str) -> str:
        columns = _signature_columns(vendor, prefix=f"{prefix}.")
        return f"(SELECT 1 AS sid, {', '.join(f'{expr} AS {name}' for name, expr in columns)}, %s AS w)"

    def upsert(prefix: str, sign: int) -> str:
        return _upsert(pairs_sql(row(prefix) % sign))

    columns = ", ".join((*KEY_COLUMNS, "embargo_until"))  # embargo_until: only the version moves
    return [
        f"DROP TRIGGER IF EXISTS {TRIGGER_PREFIX}insert",
        f"DROP TRIGGER IF EXISTS {TRIGGER_PREFIX}update",
        f"DROP TRIGGER IF EXISTS {TRIGGER_PREFIX}delete",
        f"CREATE TRIGGER {TRIGGER_PREFIX}insert AFTER INSERT ON {PHOTO_TABLE} FOR EACH ROW BEGIN "
        f"{upsert('NEW', 1)}; {BUMP}; END",
        f"CREATE TRIGGER {TRIGGER_PREFIX}update AFTER UPDATE OF {columns} ON {PHOTO_TABLE} FOR EACH ROW BEGIN "
        f"{upsert('OLD', -1)}; {upsert('NEW', 1)}; {BUMP}; END",
        f"CREATE TRIGGER {TRIGGER_PREFIX}delete AFTER DELETE ON {PHOTO_TABLE} FOR EACH ROW BEGIN "
        f"{upsert('OLD', -1)}; {BUMP}; END",
    ]


def existing_triggers_sql(vendor: str) -> str:
    if vendor == "postgresql":
        return (
            f"SELECT tgname FROM pg_trigger WHERE tgrelid = '{PHOTO_TABLE}'::regclass "
            f"AND tgname LIKE '{TRIGGER_PREFIX}%%' AND NOT tgisinternal"
        )
    return f"SELECT name FROM sqlite_master WHERE type = 'trigger' AND tbl_name = '{PHOTO_TABLE}'"
