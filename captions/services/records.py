"""The one way a photo record is written: validate, bump its version (refusing the save when the
writer loaded an older version), save, and leave a history record of who and why.

Every write path comes through here: an editor's save, a pasted or imported block, a bulk
action, an article linked from the photo page. Bumping the version on every write is what lets
an editor who has the record open get the conflict message instead of overwriting the change.
"""

from __future__ import annotations

import functools
import json

from django.db import connection, models, transaction
from django.utils import timezone
from simple_history.utils import bulk_create_with_history, bulk_update_with_history

from captions.models import Photo

BATCH_SIZE = 500


class EditConflict(Exception):
    """Someone saved the record after the editor loaded it."""


def save_photo(*, photo: Photo, expected_version: int | None = None, user=None, reason: str = "") -> Photo:
    """Validate and save one photo, with a history record naming `user` and `reason`.

    `expected_version`: the version the writer loaded. The save is refused (EditConflict) when
    the record has moved on since; the check and the bump are one conditional UPDATE, so two
    saves can never both pass it. Without it, an existing record's version is simply bumped.
    """
    if user is not None:
        photo._history_user = user
    if reason:
        photo._change_reason = reason
    with transaction.atomic():
        if photo.pk and expected_version is not None:
            bumped = Photo.objects.filter(pk=photo.pk, version=expected_version).update(version=expected_version + 1)
            if not bumped:
                raise EditConflict()
            photo.version = expected_version + 1
        elif photo.pk:
            photo.version += 1
        photo.full_clean()
        photo.save()
    return photo


def create_in_bulk(photos: list[Photo], *, user=None, reason: str = "") -> None:
    """Insert validated new photos with bulk statements, each with its history record (the
    same rows bulk_create_with_history writes; on PostgreSQL through COPY, `copy_in_bulk`).
    Sets each photo's pk."""
    if connection.vendor == "postgresql" and photos:
        copy_in_bulk(photos, user=user, reason=reason)
        return
    bulk_create_with_history(photos, Photo, batch_size=BATCH_SIZE, default_user=user, default_change_reason=reason)


def _copy_value(field):
    """How a model field's value goes into COPY's text format."""
    if isinstance(field, models.JSONField):
        return lambda value: json.dumps(value, cls=field.encoder)
    if isinstance(field, models.FileField):
        return lambda value: (value.name or "") if value else ""
    return None


@functools.cache
def _copy_plan(model) -> tuple[tuple[str, ...], tuple]:
    fields = model._meta.concrete_fields
    return tuple(f.column for f in fields), tuple((f.attname, _copy_value(f)) for f in fields)


def copy_in_bulk(photos: list[Photo], *, user=None, reason: str = "") -> None:
    """New photos and their history rows ('+', `user`, `reason`) written by COPY: ids drawn
    from the table's sequence first (COPY returns none), then one COPY for the photos and one
    for the history rows, instead of bulk_create's INSERTs of thousands of parameters each (the
    Python that builds them, and the server's parsing); the same rows, the same constraints (a
    violation fails the whole statement, and the caller's transaction with it)."""
    now = timezone.now()
    history = Photo.history.model
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT nextval(pg_get_serial_sequence(%s, 'id')) FROM generate_series(1, %s)",
            [Photo._meta.db_table, len(photos)],
        )
        ids = [row[0] for row in cursor.fetchall()]
        for photo, pk in zip(photos, ids, strict=True):
            photo.pk = pk
            photo.created_at = photo.updated_at = now  # auto_now_add / auto_now, as bulk_create sets them
        columns, plan = _copy_plan(Photo)
        _copy_rows(cursor, Photo._meta.db_table, columns, (_values(photo, plan) for photo in photos))
        tracked = tuple(history.tracked_fields)
        h_columns = tuple(f.column for f in tracked) + (
            "history_date",
            "history_change_reason",
            "history_type",
            "history_user_id",
        )
        h_plan = tuple((f.attname, _copy_value(f)) for f in tracked)
        _copy_rows(
            cursor,
            history._meta.db_table,
            h_columns,
            (
                (
                    *_values(photo, h_plan),
                    now,
                    getattr(photo, "_change_reason", None) or reason,
                    "+",
                    _pk(getattr(photo, "_history_user", user or history.get_default_history_user(photo))),
                )
                for photo in photos
            ),
        )


def _pk(user):
    return user.pk if user is not None else None


def _values(obj, plan) -> tuple:
    return tuple(convert(getattr(obj, attname)) if convert else getattr(obj, attname) for attname, convert in plan)


def _copy_rows(cursor, table: str, columns: tuple[str, ...], rows) -> None:
    quoted = ", ".join(connection.ops.quote_name(c) for c in columns)
    sql = f"COPY {connection.ops.quote_name(table)} ({quoted}) FROM STDIN"
    if connection.queries_logged:
        connection.queries_log.append({"sql": sql, "time": "0.000"})
    with connection.wrap_database_errors, cursor.cursor.copy(sql) as copy:  # Django's IntegrityError & co.
        write_row = copy.write_row
        for row in rows:
            write_row(row)


def update_in_bulk(photos: list[Photo], *, fields: list[str], user=None, reason: str = "") -> None:
    """Write `fields` of validated existing photos with bulk statements, bumping each version
    and giving each a history record (bulk_update runs neither `auto_now` nor signals)."""
    now = timezone.now()
    for photo in photos:
        photo.version += 1
        photo.updated_at = now
    bulk_update_with_history(
        photos,
        Photo,
        [*fields, "version", "updated_at"],
        batch_size=BATCH_SIZE,
        default_user=user,
        default_change_reason=reason,
    )
