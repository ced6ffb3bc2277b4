"""Print renditions: a JPEG of exactly the pixels a print size needs, sharpened for print.

PURE (Pillow, no Django): the print package streams these one photo at a time, and the bench
calls it directly. The size arithmetic is `captions.core.dimensions.rendition_pixels`.
"""

from __future__ import annotations

import io
from dataclasses import dataclass

from PIL import Image, ImageFilter, ImageOps

from captions.core import dimensions

JPEG_QUALITY = 92  # print files: high quality, and 4:4:4 colour (no chroma subsampling)
PRINTABLE_MODES = ("RGB", "L", "CMYK")  # kept as they are: a CMYK file stays CMYK for the press
TRANSPOSED_ORIENTATIONS = (5, 6, 7, 8)  # EXIF orientations that swap width and height


@dataclass(frozen=True)
class PrintRendition:
    data: bytes
    width_px: int
    height_px: int
    dpi: int
    enlarged: bool  # the file holds fewer pixels than the print needs: it was scaled up


def sharpen_radius(dpi: int) -> float:
    """Output sharpening for print: a radius of about dpi / 200 pixels (1.5 px at 300 dpi), the
    usual rule for paper (ink spreads into a dot of roughly that size), never below half a pixel."""
    return max(0.5, dpi / 200)


def _printable(image: Image.Image) -> Image.Image:
    """8-bit RGB, grey or CMYK; transparency flattened onto white."""
    if image.mode in PRINTABLE_MODES:
        return image
    if image.mode in ("I;16", "I;16B", "I;16L", "I"):
        return image.point(lambda value: value * (1 / 256)).convert("L")
    if image.mode in ("RGBA", "LA", "P", "PA"):
        rgba = image.convert("RGBA")
        background = Image.new("RGB", rgba.size, "white")
        background.paste(rgba, mask=rgba.getchannel("A"))
        return background
    return image.convert("RGB")


def _orientation(image: Image.Image) -> int:
    """The EXIF orientation Pillow reads, 1 when it cannot read the EXIF block at all: a PNG's
    "Raw profile type exif" text that is not hexadecimal (libavif's paris_icc_exif_xmp.png) made
    getexif() raise ValueError and the print refused a file the upload had taken."""
    try:
        return int(image.getexif().get(0x0112) or 1)
    except (ValueError, SyntaxError, OSError, TypeError):
        return 1


def print_rendition(data: bytes, *, dpi: int, width_cm: float | None = None) -> PrintRendition:
    """The image in `data` as a print JPEG at `dpi`: `width_cm` wide (resampled to exactly the
    pixels `dimensions.rendition_pixels` gives) or at its own pixels, turned upright as its EXIF
    orientation says, sharpened for print, its colour profile kept. Raises OSError (or
    Image.DecompressionBombError, ValueError) for a file Pillow cannot decode."""
    with Image.open(io.BytesIO(data)) as image:
        orientation = _orientation(image)
        turned = orientation in TRANSPOSED_ORIENTATIONS
        shown_w, shown_h = (image.height, image.width) if turned else image.size
        width, height = dimensions.rendition_pixels(shown_w, shown_h, dpi=dpi, width_cm=width_cm)
        icc_profile = image.info.get("icc_profile")
        # JPEG: let libjpeg decode at the smallest scale still at least this large (fast, small)
        image.draft(
            image.mode if image.mode in PRINTABLE_MODES else "RGB", (height, width) if turned else (width, height)
        )
        # exif_transpose copies even an upright image: 36 MB more at 12 MP for nothing
        upright = _printable(ImageOps.exif_transpose(image) if orientation != 1 else image)
        if upright.size != (width, height):
            upright = upright.resize((width, height), Image.Resampling.LANCZOS)
        sharp = upright.filter(ImageFilter.UnsharpMask(radius=sharpen_radius(dpi), percent=70, threshold=2))
        out = io.BytesIO()
        options = {"quality": JPEG_QUALITY, "subsampling": 0, "dpi": (dpi, dpi)}
        if icc_profile:
            options["icc_profile"] = icc_profile
        sharp.save(out, "JPEG", **options)
    return PrintRendition(
        data=out.getvalue(), width_px=width, height_px=height, dpi=dpi, enlarged=width > shown_w or height > shown_h
    )
