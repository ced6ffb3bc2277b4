"""records.create_in_bulk on PostgreSQL writes new photos and their history rows by COPY: the
same rows bulk_create_with_history writes (every field, '+', the user, the reason), ids set on
the objects, and a constraint violation fails the whole batch."""

import datetime as dt

import pytest
from django.db import IntegrityError, connection, transaction
from django.forms.models import model_to_dict
from simple_history.utils import bulk_create_with_history

from captions.models import Photo
from captions.services import records
from tests.builders import editor, make_place

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(connection.vendor != "postgresql", reason="COPY is PostgreSQL's"),
]


def _photos(prefix: str, place) -> list[Photo]:
    return [
        Photo(
            supplier="Northwind",
            source_id=f"{prefix}-{n}",
            fingerprint=f"{prefix}{n:062d}",
            caption=f'Caption {n}, with "quotes"\nand a newline\tand a tab \\ backslash — ü',
            keywords="a, b",
            width_px=[None, 1880, 6000][n % 3],
            height_px=[None, 1160, 4000][n % 3],
            dpi=[None, 150, 300][n % 3],
            date_text="2. Dezember 2025" if n % 2 else "",
            date_edtf="2025-12-02" if n % 2 else "",
            date_start=dt.date(2025, 12, 2) if n % 2 else None,
            date_end=dt.date(2025, 12, 2) if n % 2 else None,
            date_precision="day" if n % 2 else "",
            place=place if n % 2 else None,
            caveat_embargo=n == 2,
            embargo_until=dt.datetime(2026, 3, 4, tzinfo=dt.UTC) if n == 2 else None,
            problems=["missing_dpi"] if n % 3 == 0 else [],
            needs_review=n % 3 == 0,
        )
        for n in range(6)
    ]


def _row(photo: Photo) -> dict:
    values = model_to_dict(photo, exclude=["id", "articles", "fingerprint", "source_id"])
    return {k: (v.name if hasattr(v, "name") else v) for k, v in values.items()}


def _history(photo: Photo) -> dict:
    [h] = photo.history.all()
    values = {f.attname: getattr(h, f.attname) for f in Photo.history.model.tracked_fields}
    for name in ("id", "fingerprint", "source_id", "created_at", "updated_at"):
        values.pop(name)
    return {**values, "type": h.history_type, "reason": h.history_change_reason, "user": h.history_user_id}


def test_copy_writes_the_rows_bulk_create_with_history_writes():
    place, user = make_place(), editor()
    copied, created = _photos("c", place), _photos("b", place)
    records.create_in_bulk(copied, user=user, reason="import")
    bulk_create_with_history(created, Photo, default_user=user, default_change_reason="import")
    assert all(photo.pk for photo in copied)
    for mine, theirs in zip(copied, created, strict=True):
        mine_db, theirs_db = Photo.objects.get(pk=mine.pk), Photo.objects.get(pk=theirs.pk)
        assert _row(mine_db) == _row(theirs_db)
        assert (mine_db.source_id, mine_db.fingerprint) == (mine.source_id, mine.fingerprint)
        assert mine_db.created_at == mine_db.updated_at
        assert _history(mine_db) == _history(theirs_db)
        assert _history(mine_db)["type"] == "+" and _history(mine_db)["reason"] == "import"


def test_a_constraint_violation_fails_the_whole_copy():
    place = make_place()
    records.create_in_bulk(_photos("d", place)[:1], reason="import")
    again = _photos("d", place)  # the first one repeats supplier + source id
    with pytest.raises(IntegrityError), transaction.atomic():
        records.create_in_bulk(again, reason="import")
    assert Photo.objects.count() == 1 and Photo.history.count() == 1
