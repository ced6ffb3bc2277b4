"""Bulk actions over a selection of photos: set the place, add or remove a caveat, mark
reviewed, link an article. Each photo is validated, written in batches, and gets a history
record (who, when, why) and a new version."""

from __future__ import annotations

from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import transaction

from captions.core.vocabulary import change_reason
from captions.models import CAVEAT_TAGS, Photo, Place, caveat_field
from captions.services import records

BULK_BATCH = records.BATCH_SIZE


@dataclass
class BulkOutcome:
    changed: int = 0
    refused: list[tuple[Photo, str]] = None

    def __post_init__(self):
        self.refused = self.refused or []


def _bulk(photos, *, apply, fields: list[str], user, reason: str) -> BulkOutcome:
    """Apply `apply(photo)` to every photo, validate each, and write them in batches with
    one history record each (who, when, why) and a new version (`records.update_in_bulk`), so
    an editor who has one of them open gets the conflict message instead of overwriting it."""
    outcome = BulkOutcome()
    batch: list[Photo] = []

    def flush():
        if batch:
            records.update_in_bulk(batch, fields=fields, user=user, reason=reason)
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
        reason=change_reason("bulk_place", place=place.label),
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

    return _bulk(
        photos,
        apply=apply,
        fields=[name],
        user=user,
        reason=change_reason("bulk_caveat_added" if value else "bulk_caveat_removed", tag=tag),
    )


def bulk_mark_reviewed(*, photos, user) -> BulkOutcome:
    def apply(photo):
        if not photo.needs_review and not photo.problems:
            return False
        photo.needs_review, photo.problems = False, []
        return True

    return _bulk(
        photos, apply=apply, fields=["needs_review", "problems"], user=user, reason=change_reason("bulk_reviewed")
    )


def bulk_link_article(*, photos, article, user, reason: str | None = None) -> BulkOutcome:
    """Link `article` to every photo not linked to it yet. The link table has no history of
    its own, so each newly linked photo gets a history record naming the article (and a new
    version); a photo already linked is not written."""
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
            reason=reason or change_reason("bulk_article", headline=article.headline),
        )
