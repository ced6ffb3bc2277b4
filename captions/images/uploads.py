"""Upload checks with messages an editor can act on: each refusal of `captions.images.files`
(too big, too many pixels, not an image and what it is instead, a format or extension the
archive does not take, a raw file without a preview, damaged pixels) as a translated
ValidationError with its code."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from captions import conf
from captions.images import files
from captions.images.files import Identified, Prepared, Refused

ACCEPTED = _(
    "JPEG, PNG, TIFF, WebP, AVIF and HEIC images and camera raw files (DNG, CR2, CR3, NEF, ARW, PEF, RAF, ORF …)"
)
MESSAGES = {
    "file_too_large": _(
        "This file is %(size)s MB; the archive takes files up to %(limit)s MB. Export a smaller JPEG or TIFF."
    ),
    "unsupported_type": _("“%(name)s” is %(what)s; the archive takes %(accepted)s."),
    "not_an_image": _("“%(name)s” is not an image the archive can read: it is %(what)s."),
    "unsupported_format": _("“%(name)s” is a %(format)s image; the archive takes %(accepted)s."),
    "format_mismatch": _(
        "This file is really a %(format)s image but its name ends in .%(extension)s: "
        "rename it to .%(expected)s (or export it again as the format its name says)."
    ),
    "raw_without_preview": _(
        "“%(name)s” is a camera raw file (%(raw)s), but it carries no embedded JPEG preview the archive could show "
        "(a damaged file, or a camera that stores none): export a JPEG or TIFF from your raw converter."
    ),
    "damaged_image": _(
        "“%(name)s” (%(kind)s) could not be decoded (%(reason)s): the file is damaged or cut off. Export it again."
    ),
    "too_many_pixels": _(
        "This image is %(width)s × %(height)s px (%(mp)s megapixels); the archive's limit is %(limit)s megapixels."
    ),
    "too_many_pixels_unopened": _(
        "This image has far more pixels than the archive's limit of %(limit)s megapixels; it was not opened."
    ),
}
# what `files.describe` says, translated (the pure module stays free of Django)
WHAT = {
    "a PDF document": _("a PDF document"),
    "a ZIP archive (or an Office document)": _("a ZIP archive (or an Office document)"),
    "a GIF image": _("a GIF image"),
    "a BMP image": _("a BMP image"),
    "a Photoshop document (PSD)": _("a Photoshop document (PSD)"),
    "an icon (ICO)": _("an icon (ICO)"),
    "a gzip archive": _("a gzip archive"),
    "a JPEG XL image": _("a JPEG XL image"),
    "a JPEG 2000 image": _("a JPEG 2000 image"),
    "a JPEG that is damaged or cut off": _("a JPEG that is damaged or cut off"),
    "a JPEG of 12 or 16 bits per sample": _("a JPEG of 12 or 16 bits per sample, which the archive does not read"),
    "a PNG that is damaged or cut off": _("a PNG that is damaged or cut off"),
    "a TIFF that is damaged or of a kind Pillow does not read": _("a TIFF that is damaged or of a kind it cannot read"),
    "a BigTIFF, which the archive does not read": _("a BigTIFF, which the archive does not read"),
    "a HEIF/AVIF image that is damaged or cut off": _("a HEIF/AVIF image that is damaged or cut off"),
    "a HEIF/AVIF image of a kind the archive does not read": _("a HEIF/AVIF image of a kind the archive does not read"),
    "a video (MP4/QuickTime)": _("a video (MP4/QuickTime)"),
    "a WebP that is damaged or cut off": _("a WebP that is damaged or cut off"),
    "a RIFF media file (AVI/WAV)": _("a RIFF media file (AVI/WAV)"),
    "an SVG drawing": _("an SVG drawing"),
    "a web page (HTML)": _("a web page (HTML)"),
    "an empty file": _("an empty file"),
    "a text file": _("a text file"),
    "not a picture format the archive knows (damaged, or something else renamed)": _(
        "not a picture format the archive knows (damaged, or something else renamed)"
    ),
}


def _megabytes(size: int) -> str:
    return f"{size / (1024 * 1024):.1f}".rstrip("0").rstrip(".")


def refusal_error(refused: Refused) -> ValidationError:
    """The translated message for a refusal of `captions.images.files`."""
    params = dict(refused.params)
    code = refused.code
    if code == "file_too_large":
        params = {"size": _megabytes(params["size"]), "limit": _megabytes(params["limit"])}
    elif code == "too_many_pixels":
        limit = f"{params['limit'] / 1_000_000:g}"
        if params["width"] is None:
            return ValidationError(MESSAGES["too_many_pixels_unopened"], code=code, params={"limit": limit})
        params = {
            "width": params["width"],
            "height": params["height"],
            "mp": f"{params['width'] * params['height'] / 1_000_000:.0f}",
            "limit": limit,
        }
    if "what" in params:
        params["what"] = WHAT.get(params["what"], params["what"])
    params["accepted"] = ACCEPTED
    return ValidationError(MESSAGES[code], code=code, params=params)


def refusal_text(refused: Refused) -> str:
    error = refusal_error(refused)
    return str(error.message % error.params)


def _read(upload) -> bytes:
    upload.seek(0)
    data = upload.read()
    upload.seek(0)
    return data


def identify_upload(upload) -> Identified:
    """The checks an upload passes before anything is decoded; ValidationError with the reason."""
    if upload.size > conf.max_upload_bytes():  # before reading a huge file into memory
        raise refusal_error(Refused("file_too_large", size=upload.size, limit=conf.max_upload_bytes()))
    try:
        return files.identify(
            _read(upload), upload.name, max_bytes=conf.max_upload_bytes(), max_pixels=conf.max_image_pixels()
        )
    except Refused as refused:
        raise refusal_error(refused) from None


def prepare_upload(identified: Identified, *, sidecar_xmp: bytes | None = None, language: str = "") -> Prepared:
    """Metadata and renditions of an identified upload; ValidationError when it cannot be decoded."""
    try:
        return files.prepare(identified, sizes=conf.rendition_sizes(), sidecar_xmp=sidecar_xmp, language=language)
    except Refused as refused:
        raise refusal_error(refused) from None


def check_upload(upload) -> Identified:
    """Kept for callers of the one-step check: identify only (no decoding)."""
    return identify_upload(upload)
