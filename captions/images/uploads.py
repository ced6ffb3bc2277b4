"""Upload checks and the content hash: what the archive refuses, with a message the editor can
act on (too big, too many pixels, not an image, a format or extension it does not take)."""

from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from PIL import Image, UnidentifiedImageError

from captions import conf

HASH_CHUNK = 1024 * 1024


# --- checks -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class CheckedUpload:
    format: str  # Pillow's name: JPEG, PNG, TIFF, WEBP
    width_px: int
    height_px: int
    content_hash: str


def _extension(name: str) -> str:
    return os.path.splitext(name or "")[1].lstrip(".").lower()


def _megabytes(size: int) -> str:
    return f"{size / (1024 * 1024):.1f}".rstrip("0").rstrip(".")


def content_hash(upload) -> str:
    """SHA-256 of the file's bytes: the same file twice has the same hash."""
    digest = hashlib.sha256()
    upload.seek(0)
    for chunk in iter(lambda: upload.read(HASH_CHUNK), b""):
        digest.update(chunk)
    upload.seek(0)
    return digest.hexdigest()


def check_upload(upload) -> CheckedUpload:
    """Refuse what the archive cannot keep, with a message the editor can act on: too big a
    file, too many pixels (a decompression bomb), not an image, a format other than JPEG,
    PNG, TIFF or WebP, or a real format that does not match the file name's extension."""
    allowed = ", ".join(sorted({ext for exts in conf.UPLOAD_FORMATS.values() for ext in exts[:1]}))
    limit = conf.max_upload_bytes()
    if upload.size > limit:
        raise ValidationError(
            _("This file is %(size)s MB; the archive takes files up to %(limit)s MB. Export a smaller JPEG or TIFF."),
            code="file_too_large",
            params={"size": _megabytes(upload.size), "limit": _megabytes(limit)},
        )
    extension = _extension(upload.name)
    if not any(extension in exts for exts in conf.UPLOAD_FORMATS.values()):
        raise ValidationError(
            _("“%(name)s” is not a JPEG, PNG, TIFF or WebP file (the name should end in %(allowed)s)."),
            code="unsupported_type",
            params={"name": upload.name, "allowed": allowed},
        )
    upload.seek(0)
    try:
        with Image.open(upload) as image:
            width, height, fmt = image.width, image.height, image.format
    except Image.DecompressionBombError:
        raise _too_many_pixels(None) from None
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError):
        raise ValidationError(
            _("“%(name)s” is not an image Pillow can read: the file is damaged or is something else renamed."),
            code="not_an_image",
            params={"name": upload.name},
        ) from None
    finally:
        upload.seek(0)
    if width * height > conf.max_image_pixels():
        raise _too_many_pixels((width, height))
    if fmt not in conf.UPLOAD_FORMATS:
        raise ValidationError(
            _("This file is a %(format)s image; the archive takes JPEG, PNG, TIFF and WebP."),
            code="unsupported_format",
            params={"format": fmt},
        )
    if extension not in conf.UPLOAD_FORMATS[fmt]:
        raise ValidationError(
            _(
                "This file is really a %(format)s image but its name ends in .%(extension)s: "
                "rename it to .%(expected)s (or export it again as the format its name says)."
            ),
            code="format_mismatch",
            params={"format": fmt, "extension": extension, "expected": conf.UPLOAD_FORMATS[fmt][0]},
        )
    return CheckedUpload(fmt, width, height, content_hash(upload))


def _too_many_pixels(size) -> ValidationError:
    limit = conf.max_image_pixels() / 1_000_000
    if size is None:
        return ValidationError(
            _("This image has far more pixels than the archive's limit of %(limit)s megapixels; it was not opened."),
            code="too_many_pixels",
            params={"limit": f"{limit:g}"},
        )
    return ValidationError(
        _("This image is %(width)s × %(height)s px (%(mp)s megapixels); the archive's limit is %(limit)s megapixels."),
        code="too_many_pixels",
        params={
            "width": size[0],
            "height": size[1],
            "mp": f"{size[0] * size[1] / 1_000_000:.0f}",
            "limit": f"{limit:g}",
        },
    )
