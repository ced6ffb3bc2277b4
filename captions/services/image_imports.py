"""Image files into the archive, by the folder (`import_images`) or one by one (the admin's
many-files page): each file becomes a photo with its metadata and renditions, or fills in the
record it belongs to; re-importing changes nothing.

- the same bytes already in the archive: the record keeps its values; fields it lacks are
  filled in from the file and its sidecars ("updated"), else nothing is written ("unchanged");
- the same bytes twice in one run: the second file is a duplicate;
- a `NAME.txt` caption block (the SPEC's format, read by the caption parser) gives the record's
  fields, and the record it describes (by supplier + image id, or its fingerprint) receives the
  image when it has none yet; the file's metadata fills what the block does not say;
- a `NAME.xmp` sidecar wins over the file's own metadata;
- a refusal is data: the file, and why.

Each file is saved in its own transaction; the files it stored are removed if that fails.
"""

from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.db import transaction

from captions import conf
from captions.images import batch, files, uploads
from captions.models import Photo
from captions.selectors.photos import find_existing_photo
from captions.services import images as image_services
from captions.services import photos as photo_services
from captions.services import records
from captions.services.imports import photo_values_from_parsed, place_from_parsed

HASH_CHUNK = 1024 * 1024
REASON = "import_images"  # the history record's reason


@dataclass
class FileOutcome:
    path: str
    status: str  # created, updated, unchanged, duplicate, refused
    photo: Photo | None = None
    reason: str = ""
    problems: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    duplicate_of: str = ""  # the earlier file of the same run


@dataclass
class ImageImportResult:
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    duplicates: int = 0
    refused: int = 0
    flagged: int = 0
    outcomes: list[FileOutcome] = field(default_factory=list)

    @property
    def summary(self) -> str:
        return (
            f"created {self.created}, updated {self.updated}, unchanged {self.unchanged}, "
            f"duplicates {self.duplicates}, refused {self.refused}, flagged {self.flagged}"
        )

    def add(self, outcome: FileOutcome) -> None:
        self.outcomes.append(outcome)
        attribute = {"duplicate": "duplicates"}.get(outcome.status, outcome.status)
        setattr(self, attribute, getattr(self, attribute) + 1)
        if outcome.problems and outcome.status in ("created", "updated"):
            self.flagged += 1


def _hash_file(path: str) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for chunk in iter(lambda: handle.read(HASH_CHUNK), b""):
            digest.update(chunk)
    return digest.hexdigest()


def _one_line(exc: Exception) -> str:
    if isinstance(exc, ValidationError) and hasattr(exc, "message_dict"):
        return "; ".join(f"{name}: {' '.join(messages)}" for name, messages in exc.message_dict.items())
    if isinstance(exc, ValidationError):
        return " ".join(exc.messages)
    return " ".join(str(exc).split())[:300]


def import_image_files(*, paths: list[str], workers: int | None = None, progress=None) -> ImageImportResult:
    """Import every image file named or under the folders named. `progress(done, total)` is
    called after each file."""
    result = ImageImportResult()
    all_paths = batch.image_paths(paths)
    total = len(all_paths)
    sizes = tuple(sorted(conf.rendition_sizes().items()))
    seen: dict[str, str] = {}

    def items():
        for path in all_paths:
            try:
                if os.path.getsize(path) > conf.max_upload_bytes():
                    yield FileOutcome(path, "refused", reason=_refusal(path, "file_too_large"))
                    continue
                stamped = batch.stamp(path)
                digest = _hash_file(path)
            except OSError as exc:
                yield FileOutcome(path, "refused", reason=f"cannot be read ({exc.strerror or exc})")
                continue
            if digest in seen:
                yield FileOutcome(path, "duplicate", duplicate_of=seen[digest])
                continue
            seen[digest] = path
            yield batch.Job(path, conf.max_upload_bytes(), conf.max_image_pixels(), sizes, digest, stamped)

    inline = total < batch.INLINE_BELOW
    for done, item in enumerate(batch.prepare_many(items(), workers=workers, inline=inline), start=1):
        outcome = item if isinstance(item, FileOutcome) else save_prepared_file(item)
        result.add(outcome)
        if progress:
            progress(done, total)
    return result


def _refusal(path: str, code: str) -> str:
    size = os.path.getsize(path)
    return uploads.refusal_text(files.Refused(code, size=size, limit=conf.max_upload_bytes()))


def save_prepared_file(prepared_result: batch.Result) -> FileOutcome:
    """Save one prepared file (a worker's Result): a new photo, the record it belongs to, or nothing."""
    path = prepared_result.path
    if prepared_result.refused is not None:
        return FileOutcome(path, "refused", reason=uploads.refusal_text(prepared_result.refused))
    prepared = prepared_result.prepared
    try:
        with open(path, "rb") as handle:
            data = handle.read()
        now = batch.stamp(path)
    except OSError as exc:
        return FileOutcome(path, "refused", reason=f"cannot be read ({exc.strerror or exc})")
    # hashed once, before the worker read it: a changed size or time means it was written meanwhile
    if prepared_result.stamp != now or len(data) != now[0]:
        return FileOutcome(path, "refused", reason="the file changed while it was being imported")
    prepared.identified.data = data
    return save_prepared(prepared, parsed=prepared_result.parsed, path=path)


def save_prepared(prepared: files.Prepared, *, parsed=None, path: str = "", user=None) -> FileOutcome:
    """A prepared image into the archive: the record with the same bytes gets the fields it lacks;
    else the record its caption block describes gets the image (if it has none); else a new photo."""
    existing = Photo.objects.filter(content_hash=prepared.content_hash).first()
    if existing is not None:
        return _fill_existing(existing, prepared, parsed, path, user)
    values = photo_values_from_parsed(parsed) if parsed is not None else {}
    described = None
    if parsed is not None:
        described = find_existing_photo(
            supplier=values["supplier"], source_id=values["source_id"], fingerprint=values["fingerprint"]
        )
        if described is not None and described.content_hash:
            return FileOutcome(
                path,
                "refused",
                photo=described,
                reason=f"its caption block describes photo #{described.pk}, which already has another image file",
            )
    try:
        with image_services.files_kept_only_on_success(), transaction.atomic():
            photo = described or Photo()
            previous = list(photo.problems or [])
            if described is None:
                for name, value in values.items():
                    setattr(photo, name, value)
                if parsed is not None:
                    photo.place = place_from_parsed(parsed)
                previous = list(values.get("problems", []))
            attached = image_services.attach_image(photo=photo, prepared=prepared)
            photo_services.review_state(
                photo, previous_problems=previous + attached.problems, changed_fields=[], reviewed=False
            )
            records.save_photo(photo=photo, user=user, reason=REASON)
    except ValidationError as exc:
        return FileOutcome(path, "refused", reason=f"not saved: {_one_line(exc)}")
    return FileOutcome(
        path, "updated" if described else "created", photo=photo, problems=list(photo.problems), notes=attached.notes
    )


def _fill_existing(photo: Photo, prepared: files.Prepared, parsed, path: str, user) -> FileOutcome:
    """The same bytes again: fill only what the record lacks (its own values always win)."""
    probe = Photo(pk=photo.pk)  # what the file and its sidecars would give an empty record
    for name, value in (photo_values_from_parsed(parsed) if parsed is not None else {}).items():
        setattr(probe, name, value)
    with image_services.files_kept_only_on_success(), transaction.atomic():
        attached = image_services.attach_image(photo=probe, prepared=prepared)
        changed = []
        for name in [*image_services.TEXT_PREFILL, "keywords", "supplier", "source_id", "date_text", "place_text"]:
            if not getattr(photo, name) and getattr(probe, name):
                changed.append(name)
        if not changed:
            return FileOutcome(path, "unchanged", photo=photo, problems=list(photo.problems))
        for name in changed:
            setattr(photo, name, getattr(probe, name))
        if "date_text" in changed:
            for name in ("date_edtf", "date_start", "date_end", "date_precision", "date_approximate"):
                setattr(photo, name, getattr(probe, name))
        if photo.place_id is None and probe.place_id is not None:
            photo.place = probe.place
        try:
            with transaction.atomic():
                records.save_photo(photo=photo, user=user, reason=REASON)
        except ValidationError as exc:
            return FileOutcome(path, "refused", photo=photo, reason=f"not saved: {_one_line(exc)}")
    return FileOutcome(path, "updated", photo=photo, problems=list(photo.problems), notes=attached.notes)
