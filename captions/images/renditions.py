"""Renditions: the thumbnail and preview JPEGs stored beside an image file."""

from __future__ import annotations

import io

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.utils.translation import gettext_lazy as _
from PIL import Image, ImageOps

from captions import conf


def rendition(upload, longest_side: int) -> ContentFile:
    """A JPEG no larger than `longest_side`, turned upright as the EXIF orientation says."""
    upload.seek(0)
    with Image.open(upload) as image:
        image.draft("RGB", (longest_side, longest_side))  # JPEG: decode at a reduced scale
        image = ImageOps.exif_transpose(image)
        if image.mode not in ("RGB", "L"):
            image = _flatten(image)
        image.thumbnail((longest_side, longest_side), Image.Resampling.LANCZOS)
        out = io.BytesIO()
        image.save(out, "JPEG", quality=85, optimize=True)
    upload.seek(0)
    return ContentFile(out.getvalue())


def _flatten(image: Image.Image) -> Image.Image:
    """RGB on white for transparent images, RGB for 16-bit, CMYK and palette images."""
    if image.mode in ("I;16", "I;16B", "I;16L", "I"):
        image = image.point(lambda value: value * (1 / 256)).convert("L")
        return image
    if image.mode in ("RGBA", "LA", "P", "PA"):
        rgba = image.convert("RGBA")
        background = Image.new("RGB", rgba.size, "white")
        background.paste(rgba, mask=rgba.getchannel("A"))
        return background
    return image.convert("RGB")


def renditions(upload) -> dict[str, ContentFile]:
    """The thumbnail and preview of an upload; a file Pillow cannot decode is refused."""
    try:
        return {
            "thumbnail": rendition(upload, conf.thumbnail_size()),
            "preview": rendition(upload, conf.preview_size()),
        }
    except (OSError, SyntaxError, ValueError) as exc:
        raise ValidationError(
            _("The image could not be decoded (%(reason)s): the file is damaged or cut off. Export it again."),
            code="damaged_image",
            params={"reason": str(exc)[:120]},
        ) from None
