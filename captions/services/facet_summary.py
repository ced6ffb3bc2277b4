"""Keeping the facet summary (captions.summary) right: its triggers, and a full rebuild."""

from __future__ import annotations

import contextlib

from django.db import connection, transaction

from captions import summary


def triggers_missing(using=None) -> bool:
    conn = connection if using is None else using
    with conn.cursor() as cursor:
        cursor.execute(summary.existing_triggers_sql(conn.vendor))
        present = {row[0] for row in cursor.fetchall()}
    return not set(summary.trigger_names(conn.vendor)) <= present


def ensure_triggers(using=None) -> bool:
    """Create the triggers when any is missing, and then rebuild the summary (the photos
    written while they were missing were not counted). Returns whether it had to."""
    conn = connection if using is None else using
    if not triggers_missing(conn):
        return False
    with transaction.atomic(using=conn.alias), conn.cursor() as cursor:
        for statement in summary.create_triggers_sql(conn.vendor) + summary.rebuild_sql(conn.vendor):
            cursor.execute(statement)
    return True


def rebuild(using=None) -> None:
    """Recompute the summary from the photo table (one pass over it)."""
    conn = connection if using is None else using
    with transaction.atomic(using=conn.alias), conn.cursor() as cursor:
        for statement in summary.rebuild_sql(conn.vendor):
            cursor.execute(statement)


@contextlib.contextmanager
def paused_for_bulk_load(cursor):
    """Inside a PostgreSQL transaction that holds the photo table exclusively (a bulk load):
    the triggers are off while rows stream in, and the summary is rebuilt in one pass at the
    end, in the same transaction (cheaper than one aggregate per COPY batch)."""
    table = summary.PHOTO_TABLE
    for name in summary.trigger_names("postgresql"):
        cursor.execute(f"ALTER TABLE {table} DISABLE TRIGGER {name}")
    yield
    for name in summary.trigger_names("postgresql"):
        cursor.execute(f"ALTER TABLE {table} ENABLE TRIGGER {name}")
    for statement in summary.rebuild_sql("postgresql"):
        cursor.execute(statement)
