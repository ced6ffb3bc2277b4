"""An editor's save of one photo: the fields the form does not set itself (a new place, an
image file, the review state), then the conflict-checked save of `captions.services.records`."""

from __future__ import annotations

from captions import validation
from captions.core.vocabulary import change_reason
from captions.images.files import Prepared
from captions.models import Photo
from captions.services import images, records
from captions.services.places import get_or_create_place


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
    photo.problems = validation.current_problems(photo, kept=kept, changed_fields=changed_fields)
    photo.needs_review = bool(photo.problems) or flagged


def save_edited_photo(*, photo: Photo, base_version: int | None, user=None) -> Photo:
    """Save an editor's change, refusing it (EditConflict) when the record was saved by
    someone else since `base_version` was loaded; a change to a saved record must say which
    version it was based on."""
    if photo.pk and base_version is None:
        raise records.EditConflict()
    return records.save_photo(photo=photo, expected_version=base_version, user=user, reason=change_reason("edited"))


def save_edit(
    *,
    photo: Photo,
    base_version: int | None,
    user,
    changed_fields,
    previous_problems,
    reviewed: bool = False,
    flagged: bool = False,
    new_place: dict | None = None,
    clear_image: bool = False,
    prepared: Prepared | None = None,
) -> list[str]:
    """The admin change form's save: a new place (`city`, `region`, `country`, `country_code`),
    the image file cleared or attached, the review state, then the conflict-checked save.
    Returns notes for the editor (what the image file filled in). A save of a record that
    changes nothing writes nothing: no version bump, no history row."""
    if photo.pk and not changed_fields and new_place is None and not clear_image and prepared is None:
        return []
    if new_place is not None:
        photo.place = get_or_create_place(**new_place)
    if clear_image:
        images.detach_image(photo=photo)
    notes, found = [], []
    if prepared is not None:
        attached = images.attach_image(photo=photo, prepared=prepared)
        notes, found = attached.notes, attached.problems  # e.g. unknown_country: the file's, kept until fixed
    review_state(
        photo,
        previous_problems=[*previous_problems, *found],
        changed_fields=changed_fields,
        reviewed=reviewed,
        flagged=flagged,
    )
    save_edited_photo(photo=photo, base_version=base_version, user=user)
    return notes
