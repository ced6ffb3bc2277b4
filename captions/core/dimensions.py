"""Print arithmetic: pixels <-> print size <-> dpi.

PURE: no Django import. The database stores pixels and dpi only; every print size the
product shows (UI, exports, PDF sheets, validators) is derived here, in one place.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

CM_PER_INCH = 2.54
DEFAULT_TARGET_DPI = 300
MIN_DPI = 1
MAX_DPI = 10_000

LANDSCAPE = "landscape"
PORTRAIT = "portrait"
SQUARE = "square"
ORIENTATIONS = (LANDSCAPE, PORTRAIT, SQUARE)


def inches(pixels: int, dpi: int) -> float:
    """Length in inches of `pixels` printed at `dpi`."""
    if dpi <= 0:
        raise ValueError("dpi must be positive")
    return pixels / dpi


def centimetres(pixels: int, dpi: int) -> float:
    """Length in centimetres of `pixels` printed at `dpi`."""
    return inches(pixels, dpi) * CM_PER_INCH


def pixels_for(length_cm: float, dpi: int) -> int:
    """Pixels needed to print `length_cm` at `dpi` (rounded up: a print must not fall short)."""
    return math.ceil(length_cm / CM_PER_INCH * dpi - 1e-9)


def rendition_pixels(width_px: int, height_px: int, *, dpi: int, width_cm: float | None = None) -> tuple[int, int]:
    """The pixel size of a print rendition: `width_cm` wide at `dpi` (the width rounded up, as
    `pixels_for`: a print must not fall short; the height keeps the aspect ratio, to the nearest
    pixel), or the file's own pixels when no width is asked for (then only its dpi changes)."""
    if width_px <= 0 or height_px <= 0:
        raise ValueError("pixel sizes must be positive")
    if width_cm is None:
        return width_px, height_px
    if width_cm <= 0 or dpi <= 0:
        raise ValueError("width and dpi must be positive")
    width = pixels_for(width_cm, dpi)
    height = max(1, int(Decimal(height_px * width) / Decimal(width_px) + Decimal("0.5")))
    return width, height


@dataclass(frozen=True)
class PrintSize:
    """A print size derived from pixels at one dpi. Full precision; round only for display."""

    width_px: int
    height_px: int
    dpi: int

    @property
    def width_in(self) -> float:
        return inches(self.width_px, self.dpi)

    @property
    def height_in(self) -> float:
        return inches(self.height_px, self.dpi)

    @property
    def width_cm(self) -> float:
        return centimetres(self.width_px, self.dpi)

    @property
    def height_cm(self) -> float:
        return centimetres(self.height_px, self.dpi)

    def as_dict(self) -> dict:
        return {
            "dpi": self.dpi,
            "width_cm": self.width_cm,
            "height_cm": self.height_cm,
            "width_in": self.width_in,
            "height_in": self.height_in,
        }


def print_size(width_px: int, height_px: int, dpi: int) -> PrintSize:
    if width_px <= 0 or height_px <= 0:
        raise ValueError("pixel sizes must be positive")
    if dpi <= 0:
        raise ValueError("dpi must be positive")
    return PrintSize(width_px, height_px, dpi)


def megapixels(width_px: int, height_px: int) -> float:
    return width_px * height_px / 1_000_000


def orientation(width_px: int, height_px: int) -> str:
    if width_px > height_px:
        return LANDSCAPE
    if width_px < height_px:
        return PORTRAIT
    return SQUARE


def aspect_ratio(width_px: int, height_px: int) -> str:
    """The reduced ratio as 'w:h' when it is small ('3:2'), else the decimal ('1.62:1')."""
    g = math.gcd(width_px, height_px)
    w, h = width_px // g, height_px // g
    if w <= 32 and h <= 32:
        return f"{w}:{h}"
    return f"{width_px / height_px:.2f}:1"


def decimals_of(stated: str | float | int | Decimal) -> int:
    """Decimals a stated number was written with: '31,8' -> 1, '20.00' -> 2, '30' -> 0.

    Floats lose trailing zeros, so pass the text as stated where it is known.
    """
    text = str(stated).strip().replace(",", ".")
    try:
        exponent = Decimal(text).as_tuple().exponent
    except InvalidOperation:
        raise ValueError(f"not a number: {stated!r}") from None
    return max(0, -int(exponent))


def tolerance_for(stated: str | float | int | Decimal) -> float:
    """Half a unit of the stated precision plus 0.01 (the SPEC's rule)."""
    return 0.5 * 10 ** (-decimals_of(stated)) + 0.01


def stated_length_matches(stated: str | float | int | Decimal, derived: float) -> bool:
    """Does a stated print length agree with the one derived from pixels and dpi?"""
    value = float(str(stated).strip().replace(",", "."))
    return abs(value - derived) <= tolerance_for(stated)


@dataclass(frozen=True)
class StatedSize:
    """A print size as a source states it, kept as text so its precision is known."""

    width: str | None = None
    height: str | None = None
    unit: str = "cm"  # "cm" or "in"


def mismatched_lengths(
    width_px: int | None,
    height_px: int | None,
    dpi: int | None,
    stated: StatedSize | list[StatedSize] | tuple[StatedSize, ...],
) -> list[str]:
    """Names of the stated lengths that disagree with px / dpi ('width_cm', 'height_in', ...).

    Nothing can be checked without pixels and dpi: the result is then empty (the missing
    values are problems of their own).
    """
    if not width_px or not height_px or not dpi or dpi <= 0:
        return []
    sizes = [stated] if isinstance(stated, StatedSize) else list(stated)
    derived = print_size(width_px, height_px, dpi)
    wrong = []
    for size in sizes:
        if size.unit not in ("cm", "in"):
            raise ValueError(f"unknown unit {size.unit!r}")
        for side, text in (("width", size.width), ("height", size.height)):
            if text is None or str(text).strip() == "":
                continue
            value = getattr(derived, f"{side}_{size.unit}")
            if not stated_length_matches(text, value):
                wrong.append(f"{side}_{size.unit}")
    return wrong


def round_half_up(value: float, digits: int = 1) -> float:
    """Round for display the way a print shop reads a ruler (12.45 -> 12.5, not 12.4)."""
    quantum = Decimal(1).scaleb(-digits)
    return float(Decimal(repr(value)).quantize(quantum, rounding="ROUND_HALF_UP"))
