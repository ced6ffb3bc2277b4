"""An editor's save of one photo: the review state after an edit, and the no-lost-update rule
(a save based on an older version is refused). Like every service, it validates
(`full_clean()`) and saves; every save leaves a history record (django-simple-history)."""

from __future__ import annotations

from django.db import transaction

from captions import validation
from captions.models import Photo


class EditConflict(Exception):
    """Someone saved the record after the editor loaded it."""


def review_state(photo: Photo, *, previous_problems, changed_fields, reviewed: bool, flagged: bool = False) -> None:
    """Set `problems` and `needs_review` after an edit.

    `reviewed`: the editor accepts the record as it is (clears its problems). Otherwise the
    problems are checked again: the ones the fields still show stay, the ones that cannot be
    checked again stay until the editor changes the fields they concern.
    """
    if reviewed:
        photo.problems, photo.needs_review = [], False
        return
    kept = validation.excused_problems(previous_problems, changed_fields)
    photo.problems = validation.current_problems(photo, kept=kept)
    photo.needs_review = bool(photo.problems) or flagged


def save_edited_photo(*, photo: Photo, base_version: int | None) -> Photo:
    """Save an editor's change, refusing it (EditConflict) when the record was saved by
    someone else since `base_version` was loaded. The check and the version bump are one
    conditional UPDATE, so two saves can never both pass it."""
    with transaction.atomic():
        if photo.pk:
            bumped = Photo.objects.filter(pk=photo.pk, version=base_version).update(version=(base_version or 0) + 1)
            if not bumped:
                raise EditConflict()
            photo.version = base_version + 1
        photo.full_clean()
        photo.save()
    return photo
