"""What the edit-conflict message needs: the values an editor loaded, the fields others changed
since, and who saved last.

The comparison is against the values the editor loaded (a snapshot carried, signed, in the
form: `snapshot`), not against history records: records generated or imported in bulk have no
history rows, and a colleague's save is then the first one, so history alone cannot say what
changed. History only names who saved (`last_saved_by`).

And what a re-import needs: the fields corrected by hand since a photo's last import
(`fields_edited_since_import`, from the history rows' reasons).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.db.models.fields.files import FieldFile
from django.utils import timezone
from django.utils.formats import localize
from django.utils.translation import gettext as _

from captions.core.vocabulary import IMPORT_REASONS, read_change_reason
from captions.models import Article, Photo, Place


@dataclass(frozen=True)
class FieldChange:
    name: str
    label: str
    value: str


# Not an editor's concern: bookkeeping, and the renditions that follow the image.
UNTRACKED = frozenset(
    {"id", "version", "created_at", "updated_at", "fingerprint", "import_digest", "thumbnail", "preview"}
)


def tracked_fields() -> list:
    return [f for f in Photo._meta.concrete_fields if f.name not in UNTRACKED]


def comparable(value):
    """A field's value as plain JSON data that compares equal whenever the values do (a
    datetime in UTC, whatever zone the form gave it in, to the second the form edits; a place
    by its key; a file by its name)."""
    if isinstance(value, dt.datetime):
        return value.astimezone(dt.UTC).replace(microsecond=0).isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, FieldFile):
        return value.name or ""
    if isinstance(value, Place):
        return value.pk
    if value is False or value is True or value is None or isinstance(value, int | str | list):
        return value
    return str(value)


def snapshot(photo: Photo) -> dict:
    """The values of the fields an editor edits, as `comparable` gives them."""
    return {field.name: comparable(field.value_from_object(photo)) for field in tracked_fields()}


def latest_history_id(photo: Photo) -> int | None:
    return photo.history.order_by("-history_date", "-history_id").values_list("history_id", flat=True).first()


def _display(photo_field, value) -> str:
    if value is None or value == "":
        return _("(empty)")
    if isinstance(value, bool):
        return _("yes") if value else _("no")
    if photo_field.choices:
        return str(dict(photo_field.flatchoices).get(value, value))
    if photo_field.many_to_one:
        place = Place.objects.filter(pk=value).first()
        return place.label if place else str(value)
    if isinstance(value, FieldFile):
        return value.name or _("(empty)")
    if isinstance(value, list):
        return ", ".join(str(v) for v in value) or _("(empty)")
    if isinstance(value, dt.datetime):
        return localize(timezone.localtime(value))
    return localize(value) if not isinstance(value, str) else value


def changes_since(*, photo: Photo, loaded: dict) -> list[FieldChange]:
    """The fields whose values on `photo` now differ from the `loaded` snapshot, with their
    values now."""
    now = snapshot(photo)
    return [
        FieldChange(field.name, str(field.verbose_name), _display(field, field.value_from_object(photo)))
        for field in tracked_fields()
        if field.name in loaded and loaded[field.name] != now[field.name]
    ]


def last_saved_by(photo: Photo, *, loaded_history_id: int | None):
    """Who saved the photo since the editor loaded it, when history knows (None otherwise:
    the record had no history, or the change was written without it)."""
    latest = photo.history.order_by("-history_date", "-history_id").first()
    if latest is None or latest.history_id == loaded_history_id:
        return None
    return latest.history_user


def submitted_differs(name: str, value, loaded: dict) -> bool:
    """Whether a submitted (cleaned) value differs from the loaded one (False for a field the
    snapshot does not hold: a form-only field)."""
    if name not in loaded:
        return False
    return comparable(value) != loaded[name]


def linked_article_ids(photo: Photo) -> list[int]:
    """The ids of the articles linked to `photo`, sorted (the link table has no history)."""
    return sorted(photo.articles.values_list("pk", flat=True))


def article_headlines(ids) -> list[str]:
    return list(Article.objects.filter(pk__in=ids).values_list("headline", flat=True))


def _by_import(row: dict) -> bool:
    """Was this history row written by an import (`vocabulary.IMPORT_REASONS`), read as the
    history page reads its reason? Any other write, or a reason no code names, is someone's hand."""
    reason = read_change_reason(row["history_change_reason"])
    return reason is not None and reason[0] in IMPORT_REASONS


def fields_edited_since_import(photos, fields) -> dict[int, set[str]]:
    """For each saved photo (by pk), which of `fields` (attnames) were last changed by hand:
    by a write that was no import (an editor's save, a bulk action, a restore), or outside
    history (the record differs from its last history row). One query, over the photos'
    history rows in the order they were written.

    A photo's values at its first history row are where it came from, not an edit: its
    creation, an import, or, for a record written without history (generated records: no
    editor, no import), the first write history saw. What that first write changed cannot be
    known (nothing before it to compare with); counting every field as edited, as this once did,
    made every import onto a generated record keep everything and say so ("kept your edit of
    caption, date, place, ..."). From that row on, every write is compared with the one before
    it, whatever the record's origin: a hand write that changed a field makes it edited; an
    import that wrote a field ends its edit (it was overwritten, knowingly); an import that left
    it alone (it kept the edit) does not. A record with no history row has no edit."""
    photos = {photo.pk: photo for photo in photos if photo.pk is not None}
    if not photos:
        return {}
    fields = tuple(fields)
    rows = (
        Photo.history.filter(id__in=list(photos))
        .order_by("id", "history_id")
        .values("id", "history_type", "history_change_reason", *fields)
    )
    edited: dict[int, set[str]] = {pk: set() for pk in photos}
    previous: dict[int, dict] = {}
    for row in rows.iterator(chunk_size=2000):
        pk, before = row["id"], previous.get(row["id"])
        if before is not None:
            changed = {name for name in fields if row[name] != before[name]}
            if _by_import(row):
                edited[pk] -= changed
            else:
                edited[pk] |= changed
        previous[pk] = row
    for pk, last in previous.items():
        photo = photos[pk]
        edited[pk] |= {name for name in fields if getattr(photo, name) != last[name]}
    return edited
