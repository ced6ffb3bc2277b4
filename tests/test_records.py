"""captions.services.records: the one way a photo is written (version, history, validation)."""

import pytest
from django.core.exceptions import ValidationError

from captions.models import Photo
from captions.services import records
from tests.builders import editor, make_photo

pytestmark = pytest.mark.django_db


def test_a_save_bumps_the_version_and_records_who_and_why():
    photo = make_photo(caption="before")
    user = editor()
    photo.caption = "after"
    records.save_photo(photo=photo, user=user, reason="corrected")
    photo.refresh_from_db()
    latest = photo.history.first()
    assert photo.version == 2 and photo.caption == "after"
    assert (latest.history_user, latest.history_change_reason) == (user, "corrected")


def test_a_save_based_on_an_older_version_is_refused_and_writes_nothing():
    photo = make_photo(caption="first")
    mine, theirs = Photo.objects.get(pk=photo.pk), Photo.objects.get(pk=photo.pk)
    theirs.caption = "theirs"
    records.save_photo(photo=theirs, expected_version=1)
    mine.caption = "mine"
    with pytest.raises(records.EditConflict):
        records.save_photo(photo=mine, expected_version=1)
    photo.refresh_from_db()
    assert (photo.caption, photo.version, photo.history.count()) == ("theirs", 2, 2)


def test_an_invalid_photo_is_refused_before_anything_is_written():
    photo = make_photo()
    photo.dpi = 0
    with pytest.raises(ValidationError):
        records.save_photo(photo=photo)
    photo.refresh_from_db()
    assert (photo.dpi, photo.version, photo.history.count()) == (150, 1, 1)


def test_bulk_writes_bump_every_version_and_leave_one_history_record_each():
    photos = [make_photo(credit="") for _ in range(3)]
    for photo in photos:
        photo.credit = "Agency"
    records.update_in_bulk(photos, fields=["credit"], reason="bulk credit")
    for photo in Photo.objects.filter(pk__in=[p.pk for p in photos]):
        assert (photo.credit, photo.version) == ("Agency", 2)
        assert photo.history.first().history_change_reason == "bulk credit"


def test_bulk_creation_leaves_a_history_record_for_each_photo():
    new = [Photo(caption=f"new {n}", width_px=10, height_px=10) for n in range(2)]
    records.create_in_bulk(new, reason="import")
    created = Photo.objects.filter(caption__startswith="new ")
    assert created.count() == 2
    assert all(p.history.get().history_change_reason == "import" for p in created)
