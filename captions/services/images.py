"""Attaching an image file to a photo record: the file, its hash, its renditions, and every
field the record lacks that the file's metadata states.

Nothing is left behind: the files are stored under content-addressed names while the record
is saved, and every file stored inside a `files_kept_only_on_success()` block is removed again
when the block ends in an exception (the transaction around it then rolls back too). The admin
wraps its whole change-form request in one such block, `import_images` each file."""

from __future__ import annotations

import contextlib
import contextvars
import hashlib
from dataclasses import dataclass, field

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from captions.core import dates, places
from captions.images.files import Prepared
from captions.models import Photo
from captions.services.places import get_or_create_place

# record field <- metadata field (the record's own value always wins)
TEXT_PREFILL = {
    "caption": "caption",
    "headline": "headline",
    "title": "title",
    "credit": "credit",
    "creator": "creator",
    "copyright_notice": "copyright_notice",
    "restriction_text": "special_instructions",
    "job_id": "job_id",
    "caption_writer": "caption_writer",
}
METADATA_LABELS = {
    "caption": gettext_lazy("caption"),
    "headline": gettext_lazy("headline"),
    "title": gettext_lazy("title"),
    "creators": gettext_lazy("creator"),
    "credit": gettext_lazy("credit"),
    "copyright_notice": gettext_lazy("copyright notice"),
    "keywords": gettext_lazy("keywords"),
    "date_created": gettext_lazy("date"),
    "sublocation": gettext_lazy("sublocation"),
    "city": gettext_lazy("city"),
    "region": gettext_lazy("region"),
    "country": gettext_lazy("country"),
    "country_code": gettext_lazy("country code"),
    "supplier_name": gettext_lazy("supplier"),
    "supplier_image_id": gettext_lazy("supplier's image id"),
    "job_id": gettext_lazy("job id"),
    "caption_writer": gettext_lazy("caption writer"),
    "special_instructions": gettext_lazy("instructions"),
}

_STORED: contextvars.ContextVar[tuple[list[str], ...]] = contextvars.ContextVar("stored_image_files", default=())


@contextlib.contextmanager
def files_kept_only_on_success():
    """Files stored by `attach_image` inside this block are deleted when it raises (blocks nest:
    an outer block that fails removes the files of the inner ones too)."""
    mine: list[str] = []
    token = _STORED.set((*_STORED.get(), mine))
    try:
        yield mine
    except BaseException:
        for name in mine:
            with contextlib.suppress(OSError):
                default_storage.delete(name)
        raise
    finally:
        _STORED.reset(token)


def _store(name: str, data: bytes) -> str:
    """Store `data` under its content-addressed `name`; a file already there is the same bytes
    (the name is its hash), so it is reused and is not ours to delete on a rollback."""
    if default_storage.exists(name):
        return name
    stored = default_storage.save(name, ContentFile(data))
    for written in _STORED.get():
        written.append(stored)
    return stored


@dataclass
class Attached:
    notes: list[str] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    filled: list[str] = field(default_factory=list)  # record field names set from the file
    cut: list[tuple[str, int, int]] = field(default_factory=list)  # (field, the file's length, kept)


def _fitted(target: str, value: str, result: Attached) -> str:
    """`value` cut to the record field's length; a cut is told (never silent): XMP values have
    no length limit, a caption writer of 143 characters was cut to 100 without a word."""
    limit = Photo._meta.get_field(target).max_length
    if not limit or len(value) <= limit:
        return value
    result.cut.append((target, len(value), limit))
    return value[:limit]


def attach_image(*, photo: Photo, prepared: Prepared | None = None, upload=None, checked=None) -> Attached:
    """Put a prepared image on `photo` (not saved yet): the file and its renditions (stored),
    its hash, the pixel size as displayed, and every field the record lacks that the file
    states. The notes tell the editor what was read and what was set aside. An `upload` (with
    the `checked` result of `uploads.check_upload`, if the caller has it) is prepared here."""
    if prepared is None:
        from captions.images import uploads  # noqa: PLC0415  (only for callers that pass an upload)

        prepared = uploads.prepare_upload(checked or uploads.identify_upload(upload))
    identified, meta = prepared.identified, prepared.meta
    digest = identified.content_hash
    result = Attached()
    photo.content_hash = digest
    photo.image = _store(f"photos/{digest[:2]}/{digest}.{identified.extension or 'bin'}", identified.data)
    photo.thumbnail = _store(f"renditions/{digest[:2]}/{digest}-thumb.jpg", prepared.renditions["thumbnail"])
    photo.preview = _store(f"renditions/{digest[:2]}/{digest}-preview.jpg", prepared.renditions["preview"])
    if photo.has_pixels and (photo.width_px, photo.height_px) != (meta.width_px, meta.height_px):
        result.notes.append(
            _("Pixel size set from the file: %(w)s × %(h)s px (the record said %(ow)s × %(oh)s).")
            % {"w": meta.width_px, "h": meta.height_px, "ow": photo.width_px, "oh": photo.height_px}
        )
    photo.width_px, photo.height_px = meta.width_px, meta.height_px
    if identified.raw_format:
        result.notes.append(
            _("%(kind)s file: pixel size and renditions come from its embedded preview.") % {"kind": identified.kind}
        )
    if meta.dpi and not photo.dpi:
        photo.dpi = meta.dpi
        result.notes.append(
            _("Resolution %(dpi)s dpi read from the file (%(source)s).") % {"dpi": meta.dpi, "source": meta.dpi_source}
        )
    elif not meta.dpi and not photo.dpi:
        result.notes.append(
            _(
                "The file does not state its resolution (dpi not stated): enter the dpi from the caption "
                "or the supplier to get print sizes."
            )
        )
    kept = []  # (label, value): what the file says where the record already had a value
    for target, source in TEXT_PREFILL.items():
        value = getattr(meta, source)
        if not value:
            continue
        if not getattr(photo, target):
            setattr(photo, target, _fitted(target, value, result))
            result.filled.append(target)
        elif getattr(photo, target) != value:
            kept.append((source, value))
    if meta.keywords and not photo.keywords:
        photo.keywords = ", ".join(meta.keywords)
        result.filled.append("keywords")
    _supplier(photo, meta, result)
    _date(photo, meta, result)
    _place(photo, meta, result)
    _notes(photo, meta, result, kept)
    return result


def _supplier(photo: Photo, meta, result: Attached) -> None:
    if meta.supplier_name and not photo.supplier and not photo.source_id:
        photo.supplier = _fitted("supplier", meta.supplier_name, result)
        result.filled.append("supplier")
    if meta.supplier_image_id and not photo.source_id:
        supplier = photo.supplier
        taken = Photo.objects.filter(supplier=supplier, source_id=meta.supplier_image_id).exclude(pk=photo.pk).first()
        if taken:
            result.notes.append(
                _("The file's supplier image id %(id)s already belongs to photo #%(pk)s; it was not copied.")
                % {"id": meta.supplier_image_id, "pk": taken.pk}
            )
        else:
            photo.source_id = _fitted("source_id", meta.supplier_image_id, result)
            result.filled.append("source_id")


def _date(photo: Photo, meta, result: Attached) -> None:
    if not meta.date_created or photo.date_text or photo.date_start:
        return
    partial = dates.parse_date(meta.date_created)
    if partial is not None and partial.edtf and partial.problem is None:
        photo.date_text, photo.date_edtf = meta.date_created[:200], partial.edtf
        photo.date_start, photo.date_end = partial.start, partial.end
        photo.date_precision, photo.date_approximate = partial.precision, partial.approximate
        result.filled.append("date_text")


def _place(photo: Photo, meta, result: Attached) -> None:
    """The file's place, normalized. A country the archive does not recognize (the IPTC
    reference image's 'R21') is not guessed: the rest of the place is kept, the place as
    supplied is filled in, and the record is flagged `unknown_country`."""
    parts = (meta.sublocation, meta.city, meta.region, meta.country, meta.country_code)
    if photo.place_id is not None or not any(parts):
        return
    country = places.find_country(meta.country_code) or places.find_country(meta.country)
    supplied = ", ".join(p for p in (meta.sublocation, meta.city, meta.region, meta.country or meta.country_code) if p)
    unknown = bool(meta.country or meta.country_code) and country is None
    place = get_or_create_place(
        sublocation=meta.sublocation,
        city=meta.city,
        region=meta.region,
        country=country.name if country else None,
        country_code=country.code if country else None,
    )
    if place is not None:
        photo.place = place
        result.filled.append("place")
    if not photo.place_text:
        photo.place_text = supplied[:300]
        result.filled.append("place_text")
    if unknown:
        result.problems.append("unknown_country")
        result.notes.append(
            _(
                "The file's country “%(country)s” is not one the archive recognizes: the rest of the place was kept "
                "and the place as supplied filled in; pick the country under Place."
            )
            % {"country": " / ".join(p for p in (meta.country, meta.country_code) if p)}
        )


def _label(name: str) -> str:
    try:
        return str(Photo._meta.get_field(name).verbose_name)
    except Exception:  # a metadata field without a record field of its own
        return str(METADATA_LABELS.get(name, name))


def _notes(photo: Photo, meta, result: Attached, kept: list[tuple[str, str]]) -> None:
    if result.filled:
        sources = {
            "creator": meta.sources.get("creators"),
            "restriction_text": meta.sources.get("special_instructions"),
            "source_id": meta.sources.get("supplier_image_id"),
            "supplier": meta.sources.get("supplier_name"),
            "date_text": meta.sources.get("date_created"),
            "place": meta.sources.get("city") or meta.sources.get("country"),
        }
        listed = []
        for name in result.filled:
            source = sources.get(name) or meta.sources.get(name)
            listed.append(f"{_label(name)} ({source})" if source else _label(name))
        result.notes.append(_("Filled in from the file's metadata: %(fields)s.") % {"fields": ", ".join(listed)})
    for name, length, limit in result.cut:
        result.notes.append(
            _(
                "The file's %(field)s is %(length)s characters long; the archive keeps %(limit)s, so it was cut: "
                "check its end."
            )
            % {"field": _label(name), "length": length, "limit": limit}
        )
    own = _("the record had its own")
    aside = [f"{_label(source)}: “{_short(value)}” ({own})" for source, value in kept]
    aside += [f"{_label(name)}: “{_short(value)}” ({block})" for name, block, value in meta.set_aside]
    if aside:
        result.notes.append(_("Set aside from the file (not used): %(values)s.") % {"values": "; ".join(aside)})
    if meta.warnings:
        result.notes.append(
            _("Part of the file's metadata could not be read: %(what)s.") % {"what": "; ".join(meta.warnings)}
        )


def _short(text: str, limit: int = 60) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def detach_image(*, photo: Photo) -> None:
    """Forget the image file (the stored files stay: other history records name them)."""
    photo.image = photo.thumbnail = photo.preview = ""
    photo.content_hash = ""


def set_renditions(*, photo: Photo, pixels: bytes) -> None:
    """Give `photo` a thumbnail and a preview made from `pixels` (a picture standing in for a
    file the archive does not hold, as the demo's are) through the upload's rendition code. The
    record's own pixel size, file and history stay as they are: only the two renditions change,
    with the picture's hash as the record's content hash (files are served by that hash)."""
    from captions import conf  # noqa: PLC0415
    from captions.images import renditions  # noqa: PLC0415

    made = renditions.make_renditions(pixels, conf.rendition_sizes())
    digest = hashlib.sha256(pixels).hexdigest()
    photo.thumbnail = _store(f"renditions/{digest[:2]}/{digest}-thumb.jpg", made["thumbnail"])
    photo.preview = _store(f"renditions/{digest[:2]}/{digest}-preview.jpg", made["preview"])
    photo.content_hash = digest
    Photo.objects.filter(pk=photo.pk).update(thumbnail=photo.thumbnail, preview=photo.preview, content_hash=digest)
