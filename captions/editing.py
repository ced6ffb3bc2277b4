"""Writes of the editor workflow: a conflict-checked save, the review state, bulk actions,
and attaching an image file. Like `services`, each function validates (`full_clean()`) and
saves; every save leaves a history record (django-simple-history), bulk actions included."""

from __future__ import annotations

from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.formats import localize
from django.utils.translation import gettext as _
from simple_history.utils import bulk_update_with_history

from captions import dates, images, services, validation
from captions.models import CAVEAT_TAGS, Photo, Place, caveat_field

BULK_BATCH = 500


# --- the no-lost-update rule ------------------------------------------------------------------


@dataclass(frozen=True)
class FieldChange:
    name: str
    label: str
    value: str


class EditConflict(Exception):
    """Someone saved the record after the editor loaded it."""


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


# --- bulk actions -----------------------------------------------------------------------------


@dataclass
class BulkOutcome:
    changed: int = 0
    refused: list[tuple[Photo, str]] = None

    def __post_init__(self):
        self.refused = self.refused or []


def _bulk(photos, *, apply, fields: list[str], user, reason: str) -> BulkOutcome:
    """Apply `apply(photo)` to every photo, validate each, and write them in batches with
    one history record each (who, when, why), bumping each version so an editor who has
    one of them open gets the conflict message instead of overwriting the bulk change."""
    outcome = BulkOutcome()
    now = timezone.now()
    fields = [*fields, "version", "updated_at"]
    batch: list[Photo] = []

    def flush():
        if batch:
            bulk_update_with_history(
                batch, Photo, fields, batch_size=BULK_BATCH, default_user=user, default_change_reason=reason
            )
            outcome.changed += len(batch)
            batch.clear()

    with transaction.atomic():
        for photo in photos.select_related("place").order_by("pk").iterator(chunk_size=BULK_BATCH):
            if not apply(photo):
                continue
            try:
                # The place was loaded or chosen from the table: skip the per-row "does it exist" query.
                photo.full_clean(exclude=["place"], validate_unique=False, validate_constraints=False)
            except ValidationError as exc:
                outcome.refused.append((photo, "; ".join(exc.messages)))
                continue
            photo.version += 1
            photo.updated_at = now
            batch.append(photo)
            if len(batch) >= BULK_BATCH:
                flush()
        flush()
    return outcome


def bulk_set_place(*, photos, place: Place, user) -> BulkOutcome:
    def apply(photo):
        if photo.place_id == place.pk:
            return False
        photo.place = place
        if "unknown_country" in (photo.problems or []) and place.country_code:
            photo.problems = [p for p in photo.problems if p != "unknown_country"]
            photo.needs_review = bool(photo.problems)
        return True

    return _bulk(
        photos,
        apply=apply,
        fields=["place", "problems", "needs_review"],
        user=user,
        reason=_("Bulk: place set to %(place)s") % {"place": place.label},
    )


def bulk_set_caveat(*, photos, tag: str, value: bool, user) -> BulkOutcome:
    if tag not in CAVEAT_TAGS:
        raise ValueError(f"unknown caveat {tag!r}")
    name = caveat_field(tag)

    def apply(photo):
        if getattr(photo, name) == value:
            return False
        setattr(photo, name, value)
        return True

    verb = _("added") if value else _("removed")
    return _bulk(
        photos,
        apply=apply,
        fields=[name],
        user=user,
        reason=_("Bulk: caveat %(tag)s %(verb)s") % {"tag": tag, "verb": verb},
    )


def bulk_mark_reviewed(*, photos, user) -> BulkOutcome:
    def apply(photo):
        if not photo.needs_review and not photo.problems:
            return False
        photo.needs_review, photo.problems = False, []
        return True

    return _bulk(photos, apply=apply, fields=["needs_review", "problems"], user=user, reason=_("Bulk: marked reviewed"))


def bulk_link_article(*, photos, article, user) -> BulkOutcome:
    """Link `article` to every photo. The link table has no history of its own, so each
    photo gets a history record naming the article."""
    through = Photo.articles.through
    with transaction.atomic():
        ids = list(photos.exclude(articles=article).values_list("pk", flat=True))
        through.objects.bulk_create(
            [through(photo_id=pk, article_id=article.pk) for pk in ids], ignore_conflicts=True, batch_size=BULK_BATCH
        )
        return _bulk(
            Photo.objects.filter(pk__in=ids),
            apply=lambda photo: True,
            fields=[],
            user=user,
            reason=_("Bulk: linked article “%(headline)s”") % {"headline": article.headline[:80]},
        )


# --- image files ------------------------------------------------------------------------------


def find_duplicate(*, content_hash: str, exclude_pk=None) -> Photo | None:
    return Photo.objects.filter(content_hash=content_hash).exclude(pk=exclude_pk).first()


TEXT_PREFILL = {
    "caption": "caption",
    "headline": "headline",
    "credit": "credit",
    "creator": "creator",
    "copyright_notice": "copyright_notice",
    "special_instructions": "restriction_text",
}


def attach_image(*, photo: Photo, upload, checked: images.CheckedUpload, made: dict | None = None) -> list[str]:
    """Put a checked upload on `photo` (not saved yet): the file, its hash, renditions, the
    pixel size from the file, and every field the record lacks that the file states.
    Returns notes for the editor (what was filled in, what the file does not state)."""
    meta = images.read_metadata(upload)
    made = made or images.renditions(upload)
    notes = []
    photo.content_hash = checked.content_hash
    photo.image = upload
    if photo.has_pixels and (photo.width_px, photo.height_px) != (meta.width_px, meta.height_px):
        notes.append(
            _("Pixel size set from the file: %(w)s × %(h)s px (the record said %(ow)s × %(oh)s).")
            % {"w": meta.width_px, "h": meta.height_px, "ow": photo.width_px, "oh": photo.height_px}
        )
    photo.width_px, photo.height_px = meta.width_px, meta.height_px
    if meta.dpi and not photo.dpi:
        photo.dpi = meta.dpi
        notes.append(
            _("Resolution %(dpi)s dpi read from the file (%(source)s).") % {"dpi": meta.dpi, "source": meta.dpi_source}
        )
    elif not meta.dpi and not photo.dpi:
        notes.append(
            _(
                "The file does not state its resolution (dpi not stated): enter the dpi from the caption "
                "or the supplier to get print sizes."
            )
        )
    filled = []
    for source, target in TEXT_PREFILL.items():
        value = getattr(meta, source)
        if value and not getattr(photo, target):
            setattr(photo, target, value[: Photo._meta.get_field(target).max_length or None])
            filled.append(str(Photo._meta.get_field(target).verbose_name))
    if meta.keywords and not photo.keywords:
        photo.keywords = ", ".join(meta.keywords)
        filled.append(str(Photo._meta.get_field("keywords").verbose_name))
    if meta.supplier_image_id and not photo.source_id:
        supplier = photo.supplier or meta.source[:100]
        taken = Photo.objects.filter(supplier=supplier, source_id=meta.supplier_image_id).exclude(pk=photo.pk).first()
        if taken:
            notes.append(
                _("The file's supplier image id %(id)s already belongs to photo #%(pk)s; it was not copied.")
                % {"id": meta.supplier_image_id, "pk": taken.pk}
            )
        else:
            photo.source_id, photo.supplier = meta.supplier_image_id[:100], supplier
            filled.append(str(Photo._meta.get_field("source_id").verbose_name))
    if meta.date_created and not photo.date_text and not photo.date_start:
        partial = dates.parse_date(meta.date_created)
        if partial is not None and partial.edtf and partial.problem is None:
            photo.date_text, photo.date_edtf = meta.date_created[:200], partial.edtf
            photo.date_start, photo.date_end = partial.start, partial.end
            photo.date_precision, photo.date_approximate = partial.precision, partial.approximate
            filled.append(str(Photo._meta.get_field("date_text").verbose_name))
    if photo.place_id is None and (meta.city or meta.country or meta.country_code or meta.sublocation):
        place = _place_from_metadata(meta)
        if place is not None:
            photo.place = place
            photo.place_text = (
                photo.place_text
                or ", ".join(p for p in (meta.sublocation, meta.city, meta.region, meta.country) if p)[:300]
            )
            filled.append(str(Photo._meta.get_field("place").verbose_name))
    if filled:
        notes.append(_("Filled in from the file's metadata: %(fields)s.") % {"fields": ", ".join(filled)})
    photo.thumbnail.save(f"{checked.content_hash}-thumb.jpg", made["thumbnail"], save=False)
    photo.preview.save(f"{checked.content_hash}-preview.jpg", made["preview"], save=False)
    return notes


def detach_image(*, photo: Photo) -> None:
    """Forget the image file (the stored files stay: other history records name them)."""
    photo.image = photo.thumbnail = photo.preview = ""
    photo.content_hash = ""


def _place_from_metadata(meta) -> Place | None:
    from captions import places

    country = places.find_country(meta.country_code or meta.country) if (meta.country_code or meta.country) else None
    if (meta.country or meta.country_code) and country is None:
        return None  # an unknown country is not guessed; the editor picks the place
    return services.get_or_create_place(
        sublocation=meta.sublocation,
        city=meta.city,
        region=meta.region,
        country=country.name if country else None,
        country_code=country.code if country else None,
    )
