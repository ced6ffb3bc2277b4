"""The one way a photo record is written: validate, bump its version (refusing the save when the
writer loaded an older version), save, and leave a history record of who and why.

Every write path comes through here: an editor's save, a pasted or imported block, a bulk
action, an article linked from the photo page. Bumping the version on every write is what lets
an editor who has the record open get the conflict message instead of overwriting the change.
"""

from __future__ import annotations

from django.db import transaction
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
    """Insert validated new photos with bulk statements, each with its history record."""
    bulk_create_with_history(photos, Photo, batch_size=BATCH_SIZE, default_user=user, default_change_reason=reason)


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
