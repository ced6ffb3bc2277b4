"""A photo's history as the edit-conflict message needs it: who saved last, and which fields
they changed since the version an editor loaded."""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.formats import localize
from django.utils.translation import gettext as _

from captions.models import Article, Photo, Place


@dataclass(frozen=True)
class FieldChange:
    name: str
    label: str
    value: str


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
    if isinstance(value, list):
        return ", ".join(str(v) for v in value) or _("(empty)")
    return localize(value) if not isinstance(value, str) else value


def changes_since(*, photo: Photo, base_history_id: int | None) -> tuple[list[FieldChange], object | None]:
    """The fields others changed on `photo` since the history record the editor loaded,
    with their values now, and the latest history record (who and when)."""
    latest = photo.history.order_by("-history_date", "-history_id").first()
    base = photo.history.filter(history_id=base_history_id).first() if base_history_id else None
    if latest is None or base is None or latest.history_id == base.history_id:
        return [], latest
    delta = latest.diff_against(base, excluded_fields=["updated_at", "created_at", "fingerprint"])
    changes = []
    for change in delta.changes:
        model_field = Photo._meta.get_field(change.field)
        changes.append(FieldChange(change.field, str(model_field.verbose_name), _display(model_field, change.new)))
    return changes, latest


def base_value(record, name: str):
    """A field's value in a history record, in the form the model field holds it."""
    model_field = Photo._meta.get_field(name)
    return getattr(record, model_field.attname)


def history_record(photo: Photo, history_id: int | None):
    return photo.history.filter(history_id=history_id).first() if history_id else None


def linked_article_ids(photo: Photo) -> list[int]:
    """The ids of the articles linked to `photo`, sorted (the link table has no history)."""
    return sorted(photo.articles.values_list("pk", flat=True))


def article_headlines(ids) -> list[str]:
    return list(Article.objects.filter(pk__in=ids).values_list("headline", flat=True))
