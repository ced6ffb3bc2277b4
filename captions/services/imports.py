"""Caption blocks into the archive: one parsed block saved (the admin paste page) or many in
batches (`import_captions`). Re-importing the same block writes nothing."""

from __future__ import annotations

from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from simple_history.utils import bulk_create_with_history, bulk_update_with_history

from captions.models import CAVEAT_TAGS, Photo, Place, caveat_field
from captions.selectors.photos import find_existing_photo
from captions.services.places import get_or_create_place


def photo_values_from_parsed(parsed) -> dict:
    """Model field values for a parsed caption block (`captions.ingest.ParsedCaption`).

    Stated print sizes are not here: they were checked by the parser (print_size_mismatch)
    and are discarded, since print sizes are always derived from pixels and dpi.
    """
    values = {
        "supplier": (parsed.supplier or "")[:100],
        "source_id": (parsed.source_id or "")[:100],
        "fingerprint": parsed.fingerprint,
        "caption": parsed.caption or "",
        "headline": (parsed.headline or "")[:500],
        "language": parsed.language or "",
        "credit": (parsed.credit or "")[:300],
        "creator": (parsed.creator or "")[:200],
        "copyright_notice": (parsed.copyright_notice or "")[:300],
        "keywords": ", ".join(parsed.keywords or []),
        "width_px": parsed.width_px,
        "height_px": parsed.height_px,
        "dpi": parsed.dpi,
        "date_text": (parsed.date_text or "")[:200],
        "date_edtf": (parsed.date_edtf or "")[:64],
        "date_start": parsed.date_start,
        "date_end": parsed.date_end,
        "date_precision": parsed.date_precision or "",
        "date_approximate": bool(parsed.approximate),
        "place_text": (parsed.place_text or "")[:300],
        "restriction_text": parsed.restriction_text or "",
        "embargo_until": parsed.embargo_until,
        "problems": sorted(parsed.problems),
        "needs_review": bool(parsed.problems),
    }
    for tag in CAVEAT_TAGS:
        values[caveat_field(tag)] = tag in parsed.caveats
    return values


def place_from_parsed(parsed) -> Place | None:
    return get_or_create_place(
        sublocation=parsed.sublocation,
        city=parsed.city,
        region=parsed.region,
        country=parsed.country,
        country_code=parsed.country_code,
    )


@dataclass
class SaveOutcome:
    photo: Photo
    created: bool
    changed: bool


def save_parsed_caption(*, parsed, existing: Photo | None = None) -> SaveOutcome:
    """Create the photo a parsed block describes, or update the one it matches.

    A re-import of the very same block (same fingerprint) changes nothing, so corrections an
    editor made after the first import are never overwritten by the unchanged source.
    """
    values = photo_values_from_parsed(parsed)
    if existing is None:
        existing = find_existing_photo(
            supplier=values["supplier"], source_id=values["source_id"], fingerprint=values["fingerprint"]
        )
    with transaction.atomic():
        if existing is not None and existing.fingerprint == values["fingerprint"]:
            return SaveOutcome(existing, created=False, changed=False)
        place = place_from_parsed(parsed)
        photo = existing or Photo()
        for name, value in values.items():
            setattr(photo, name, value)
        photo.place = place
        if existing is not None:
            photo.version = existing.version + 1
        photo.full_clean()
        photo.save()
    return SaveOutcome(photo, created=existing is None, changed=True)


@dataclass
class ImportResult:
    created: int = 0
    updated: int = 0
    flagged: int = 0
    failed: int = 0
    flagged_blocks: list[tuple[int, str, list[str]]] = field(default_factory=list)
    failures: list[tuple[int, str]] = field(default_factory=list)
    photos: list[Photo] = field(default_factory=list)

    @property
    def summary(self) -> str:
        line = f"created {self.created}, updated {self.updated}, flagged {self.flagged}"
        return line + (f", failed {self.failed}" if self.failed else "")


def block_label(parsed) -> str:
    if parsed.source_id:
        return f"{parsed.supplier or 'source'} {parsed.source_id}"
    text = parsed.caption or parsed.raw_text.strip()
    return (text[:60] + "…") if len(text) > 60 else text


IMPORT_BATCH_SIZE = 500


class PlaceCache:
    """Places of one import run: each distinct place is looked up or created once."""

    def __init__(self):
        self._by_parts: dict[tuple, Place | None] = {}

    @staticmethod
    def parts_of(parsed) -> tuple:
        return (
            (parsed.sublocation or "").strip()[:200],
            (parsed.city or "").strip()[:200],
            (parsed.region or "").strip()[:200],
            (parsed.country_code or "").strip().upper()[:2],
        )

    def get(self, parsed) -> Place | None:
        key = self.parts_of(parsed)
        if key not in self._by_parts:
            self._by_parts[key] = place_from_parsed(parsed)
        return self._by_parts[key]


def _key(values: dict) -> tuple:
    if values["source_id"]:
        return ("id", values["supplier"], values["source_id"])
    return ("fp", values["fingerprint"])


def _existing_for(keys: list[tuple]) -> dict[tuple, Photo]:
    """The photos already in the archive for these block keys: one query per supplier, one for
    the fingerprints."""
    found: dict[tuple, Photo] = {}
    ids_by_supplier: dict[str, list[str]] = {}
    for kind, *rest in keys:
        if kind == "id":
            ids_by_supplier.setdefault(rest[0], []).append(rest[1])
    for supplier, source_ids in ids_by_supplier.items():  # one query per supplier, on the unique index
        for photo in Photo.objects.filter(supplier=supplier, source_id__in=source_ids):
            found[("id", photo.supplier, photo.source_id)] = photo
    fingerprints = [k[1] for k in keys if k[0] == "fp"]
    if fingerprints:
        for photo in Photo.objects.filter(fingerprint__in=fingerprints):
            found[("fp", photo.fingerprint)] = photo
    return found


def _save_batch(batch, result: ImportResult, places: PlaceCache) -> None:
    """Validate and write one batch with bulk statements in one transaction. Raises on a
    database error, leaving nothing of the batch behind (the caller then goes block by block)."""
    prepared = []  # (number, parsed, values)
    for number, parsed in batch:
        prepared.append((number, parsed, photo_values_from_parsed(parsed)))
    existing = _existing_for([_key(v) for _, _, v in prepared])
    to_create: dict[tuple, Photo] = {}
    to_update: dict[tuple, Photo] = {}
    outcomes = []  # (number, parsed, created)
    now = timezone.now()
    with transaction.atomic():
        for number, parsed, values in prepared:
            key = _key(values)
            current = to_create.get(key) or to_update.get(key) or existing.get(key)
            if current is not None and current.fingerprint == values["fingerprint"]:
                outcomes.append((number, parsed, False))  # the same block again: nothing to change
                continue
            photo = current or Photo()
            for name, value in values.items():
                setattr(photo, name, value)
            photo.place = places.get(parsed)
            try:
                # Uniqueness is checked above in bulk and by the database constraints; the
                # place came from the database a moment ago (no existence query per photo).
                photo.full_clean(exclude=["place"], validate_unique=False, validate_constraints=False)
            except ValidationError as exc:
                result.failed += 1
                result.failures.append((number, f"invalid: {_one_line(exc)}"))
                continue
            if photo.pk:
                photo.version += 1
                photo.updated_at = now  # bulk_update does not run auto_now
                to_update[key] = photo
            else:
                to_create[key] = photo
            outcomes.append((number, parsed, current is None))
        if to_create:
            bulk_create_with_history(
                list(to_create.values()), Photo, batch_size=IMPORT_BATCH_SIZE, default_change_reason="import"
            )
        if to_update:
            bulk_update_with_history(
                list(to_update.values()),
                Photo,
                UPDATABLE_FIELDS,
                batch_size=IMPORT_BATCH_SIZE,
                default_change_reason="import",
            )
    for number, parsed, created in outcomes:
        _count(result, number, parsed, created)


# Every field an import may set (what photo_values_from_parsed fills, plus place and version).
UPDATABLE_FIELDS = [
    "supplier",
    "source_id",
    "fingerprint",
    "caption",
    "headline",
    "language",
    "credit",
    "creator",
    "copyright_notice",
    "keywords",
    "width_px",
    "height_px",
    "dpi",
    "date_text",
    "date_edtf",
    "date_start",
    "date_end",
    "date_precision",
    "date_approximate",
    "place_text",
    "restriction_text",
    "embargo_until",
    "problems",
    "needs_review",
    "place",
    "version",
    "updated_at",
] + [caveat_field(tag) for tag in CAVEAT_TAGS]


def _one_line(exc: Exception) -> str:
    if isinstance(exc, ValidationError) and hasattr(exc, "message_dict"):
        return "; ".join(f"{field}: {' '.join(msgs)}" for field, msgs in exc.message_dict.items())
    return " ".join(str(exc).split())[:300]


def _count(result: ImportResult, number: int, parsed, created: bool) -> None:
    if created:
        result.created += 1
    else:
        result.updated += 1
    if parsed.problems:
        result.flagged += 1
        result.flagged_blocks.append((number, block_label(parsed), sorted(parsed.problems)))


def import_blocks(*, blocks, dry_run: bool = False, batch_size: int = IMPORT_BATCH_SIZE, progress=None) -> ImportResult:
    """Save parsed blocks. Re-importing the same blocks creates nothing new.

    Blocks are written in batches (bulk statements, one transaction each) for speed; when a
    batch fails in the database, that batch is retried block by block, each in its own
    transaction, so a bad block never leaves half a record and never costs the others.
    With `dry_run`, nothing is written and the counts say what would happen.
    """
    result = ImportResult()
    places = PlaceCache()
    batch: list = []
    done = 0

    def flush():
        nonlocal done
        if not batch:
            return
        if dry_run:
            existing = _existing_for([_key(photo_values_from_parsed(p)) for _, p in batch])
            seen = set()
            for number, parsed in batch:
                key = _key(photo_values_from_parsed(parsed))
                _count(result, number, parsed, key not in existing and key not in seen)
                seen.add(key)
        else:
            try:
                _save_batch(batch, result, places)
            except Exception:
                places.__init__()  # places created in the rolled-back batch are gone
                for number, parsed in batch:
                    try:
                        outcome = save_parsed_caption(parsed=parsed)
                    except Exception as exc:  # one bad block never stops the others
                        result.failed += 1
                        result.failures.append((number, f"{type(exc).__name__}: {_one_line(exc)}"))
                        continue
                    _count(result, number, parsed, outcome.created)
        done += len(batch)
        batch.clear()
        if progress:
            progress(done)

    for number, parsed in enumerate(blocks, start=1):
        batch.append((number, parsed))
        if len(batch) >= batch_size:
            flush()
    flush()
    return result
