"""Attaching an image file to a photo record: the file, its hash, its renditions, and every
field the record lacks that the file's metadata states."""

from __future__ import annotations

from django.utils.translation import gettext as _

from captions.core import dates, places
from captions.images import metadata, renditions
from captions.images.uploads import CheckedUpload
from captions.models import Photo, Place
from captions.services.places import get_or_create_place

TEXT_PREFILL = {
    "caption": "caption",
    "headline": "headline",
    "credit": "credit",
    "creator": "creator",
    "copyright_notice": "copyright_notice",
    "special_instructions": "restriction_text",
}


def attach_image(*, photo: Photo, upload, checked: CheckedUpload, made: dict | None = None) -> list[str]:
    """Put a checked upload on `photo` (not saved yet): the file, its hash, renditions, the
    pixel size from the file, and every field the record lacks that the file states.
    Returns notes for the editor (what was filled in, what the file does not state)."""
    meta = metadata.read_metadata(upload)
    made = made or renditions.renditions(upload)
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
    country = places.find_country(meta.country_code or meta.country) if (meta.country_code or meta.country) else None
    if (meta.country or meta.country_code) and country is None:
        return None  # an unknown country is not guessed; the editor picks the place
    return get_or_create_place(
        sublocation=meta.sublocation,
        city=meta.city,
        region=meta.region,
        country=country.name if country else None,
        country_code=country.code if country else None,
    )
