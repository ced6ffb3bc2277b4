"""Pixel sizes, print sizes and dpi as agencies state them.

PURE: no Django import, and no print arithmetic either: the stated print sizes are kept as
text (`StatedSize`) so captions.core.dimensions can check them with the precision they were
written in. This module only reads numbers the way each layout writes them:

- pixels use thousands separators ('4.000', '3,508', '5 472', narrow no-break spaces), never
  decimals, so every separator is dropped;
- print lengths use a decimal comma or point ('31,8', '31.8'), normalised to a point;
- dpi comes as 'dpi', 'ppi', 'ppp' (French/Spanish), or EXIF 'X Resolution' when the
  resolution unit is inches.

Every pattern has bounded quantifiers and a digit look-behind, and callers cap the text
scanned, so a 10 MB line of digits costs linear time, not a backtracking explosion.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation

from captions.core.dimensions import StatedSize
from captions.core.text import DIGIT_RE, compile_guarded, lazy_compile

MAX_PIXELS = 10**6  # px and dpi must be > 0 and < this; anything else is dropped
SCAN_LIMIT = 4000  # characters of one line the size patterns look at

_SEP = "\u00a0\u202f\u2009 '"
# A number as stated: digits, then either a decimal part or thousands groups.
_NUM = (
    r"(?<![\d.,])\d{1,7}"
    r"(?:[.,]\d{1,4}(?:[.,]\d{3})?(?!\d)|(?:[" + _SEP + r"]\d{3}(?![\d.,])){1,2})?"
)
_BY = r"\s{0,3}(?:[x×X*]|by)\s{0,3}"
_PIXEL_UNIT = r"(?:px|pixels?|pixeles|píxeles|pxl|bildpunkte)"
_LENGTH_UNIT = r"(?:cm|mm|inches|inch|in|zoll|pouces|pulgadas|\"|″)"

PAIR_RE = lazy_compile(
    r"(" + _NUM + r")(?:\s{0,2}" + _PIXEL_UNIT + r")?" + _BY + r"(" + _NUM + r")\s{0,3}"
    r"(" + _PIXEL_UNIT + r"|" + _LENGTH_UNIT + r")?(?![a-zà-ÿ])",
    re.IGNORECASE,
)
# Two patterns rather than one alternation: '300 dpi' is the common form and its pattern
# starts with a digit, which lets the regex engine skip ahead; 'DPI: 300' is the fallback.
DPI_RE = compile_guarded(
    r"(" + _NUM + r")\s{0,3}(?:dpi|ppi|ppp|d\.p\.i\.?|dots per inch|pixels per inch"
    r"|pixel pro zoll|points par pouce|puntos por pulgada)(?![a-z])",
    re.IGNORECASE,
)
DPI_FIRST_RE = compile_guarded(r"(?:dpi|ppi|ppp)\s{0,3}[:=]?\s{0,3}(" + _NUM + r")", re.IGNORECASE)
SINGLE_PX_RE = lazy_compile(r"(" + _NUM + r")\s{0,3}(?:" + _PIXEL_UNIT + r")?(?![a-z\d])", re.IGNORECASE)
# A print size with each side marked ('8 in HIGH x 10 in WIDE', '6.8"w x 5.0"h', '20 cm hoch x
# 30 cm breit', '10 cm alto x 15 cm ancho'): the marks say which side is which, in either order.
_WIDTH_MARKS = ("wide", "width", "w", "breit", "ancho", "large", "larg")
_HEIGHT_MARKS = ("high", "height", "tall", "h", "hoch", "alto", "haut")
_MARK = "|".join(sorted(_WIDTH_MARKS + _HEIGHT_MARKS, key=len, reverse=True))
MARKED_PAIR_RE = compile_guarded(
    r"(" + _NUM + r")\s{0,2}(" + _LENGTH_UNIT + r")?\.?\s{0,2}(" + _MARK + r")\.?" + _BY + r"(" + _NUM + r")"
    r"\s{0,2}(" + _LENGTH_UNIT + r")\.?\s{0,2}(" + _MARK + r")(?![a-zà-ÿ])",
    re.IGNORECASE,
)
# A mixed fraction, as museums write inches ('3 1/8', '4-5/8', '5 1/2'): one number. Read before
# the pairs, so that '3 1/8 × 3 1/16 in.' is no pair '8 × 3'.
_FRACTION_RE = compile_guarded(r"(?<![\d/.,])(\d{1,4})(?:[ \u00a0]|-)(\d{1,2})/(\d{1,2})(?![\d/])")
# The order a museum names its sides in, before the size ('H x W:', '(height x width)', 'Höhe x
# Breite', 'haut. x larg.', 'alto x ancho'); 'W x H' names width first.
_SIDES_RE = lazy_compile(
    r"(?<![a-zà-ÿ])(?:(?P<hw>h|height|höhe|hoehe|hohe|haut(?:eur)?|alto|altura)\.?\s{0,2}[x×]\s{0,2}"
    r"(?:w|width|b|breite|l|larg(?:eur)?|ancho|anchura)|(?P<wh>w|width|b|breite|larg(?:eur)?|ancho|anchura)\.?"
    r"\s{0,2}[x×]\s{0,2}(?:h|height|höhe|hoehe|hohe|haut(?:eur)?|alto|altura))(?![a-zà-ÿ])",
    re.IGNORECASE,
)
# 'digit x digit' somewhere: a cheap search that spares the full pair pattern on captions.
PAIR_HINT_RE = lazy_compile(r"\d\s{0,3}(?:px\s{0,2})?(?:[x×X*]|by)\s{0,3}\d", re.IGNORECASE)
_LENGTH_TEXT_RE = lazy_compile(r"\d{1,7}(?:\.\d{1,4})?")


def to_pixels(text: str) -> int | None:
    """'5 472' / '4.000' / '3,508' -> int; None when not a sane pixel count."""
    digits = text
    for sep in "., \u00a0\u202f\u2009'":
        if sep in digits:
            head, *groups = digits.split(sep)
            if not all(len(group) == 3 for group in groups):
                # '4928.0' or '3,5': a decimal where a pixel count belongs; keep the integer
                # part only when the fraction is zero.
                if len(groups) == 1 and set(groups[0]) <= {"0"}:
                    digits = head
                    continue
                return None
            digits = digits.replace(sep, "")
    if not digits.isdigit() or len(digits) > 7:
        return None
    value = int(digits)
    return value if 0 < value < MAX_PIXELS else None


def to_length(text: str, unit: str) -> tuple[str, str] | None:
    """A stated print length as (number text with a dot, 'cm' | 'in'); mm become cm.

    The text keeps its stated decimals: precision decides the tolerance of the check.
    """
    cleaned = text
    for sep in "\u00a0\u202f\u2009 '":
        cleaned = cleaned.replace(sep, "")
    cleaned = cleaned.replace(",", ".")
    if not _LENGTH_TEXT_RE.fullmatch(cleaned):
        return None
    unit = unit.casefold()
    if unit == "mm":
        try:
            cleaned = format(Decimal(cleaned).scaleb(-1), "f")
        except InvalidOperation:  # pragma: no cover - the pattern above admits only numbers
            return None
        unit = "cm"
    elif unit != "cm":
        unit = "in"
    if not 0 < float(cleaned) < MAX_PIXELS:
        return None
    return cleaned, unit


@dataclass
class SizeFacts:
    """What one line states about size; the parser picks among lines."""

    width_px: int | None = None
    height_px: int | None = None
    dpi: int | None = None
    stated: list[StatedSize] = field(default_factory=list)
    #: the px values were stated but out of range (huge or zero)
    bad_pixels: bool = False
    bad_dpi: bool = False
    #: a museum's statement of an object's size: its sides named height first ('H x W'), or
    #: the size in both centimetres and inches with no pixels ('8 × 7.8 cm (3 1/8 × 3 1/16 in.)');
    #: `stated` is then already turned width first
    museum: bool = False

    @property
    def area(self) -> int:
        return (self.width_px or 0) * (self.height_px or 0)


def scan_sizes(line: str, *, bare_pairs_are_pixels: bool = False) -> SizeFacts | None:
    """Pixel pair, print sizes and dpi stated on one line, or None when it states none.

    `bare_pairs_are_pixels`: in a labelled dimensions field ('Image Size : 5472x3648') a pair
    without a unit is a pixel size; in free text it is not.
    """
    if len(line) > SCAN_LIMIT:
        line = line[:SCAN_LIMIT]
    if not DIGIT_RE.search(line):
        return None
    if "/" in line:
        line = _FRACTION_RE.sub(_fraction_text, line)
    lowered = line.casefold()
    facts = SizeFacts()
    found = False
    bare_pair = None
    # The hint needs 'x', '×', '*' or 'by' (any case; no other letters match them under
    # IGNORECASE): a substring test spares its digit-by-digit search on most captions.
    if ("x" in lowered or "×" in line or "*" in line or "by" in lowered) and PAIR_HINT_RE.search(line):
        for match in PAIR_RE.finditer(line):
            first, second, unit = match.group(1), match.group(2), (match.group(3) or "")
            unit_folded = unit.casefold()
            is_pixels = bool(unit_folded) and unit_folded[0] in "pb"
            if not unit_folded:
                # '4928 px x 3264' or a bare pair in a dimensions field
                is_pixels = "px" in match.group(0).casefold() or bare_pairs_are_pixels
                if not is_pixels:
                    bare_pair = bare_pair or (first, second)
                    continue
            if is_pixels:
                if facts.width_px is not None or facts.bad_pixels:
                    continue
                width, height = to_pixels(first), to_pixels(second)
                found = True
                if width and height:
                    facts.width_px, facts.height_px = width, height
                else:
                    facts.bad_pixels = True
            else:
                width_len, height_len = to_length(first, unit), to_length(second, unit)
                if width_len and height_len:
                    found = True
                    facts.stated.append(StatedSize(width=width_len[0], height=height_len[0], unit=width_len[1]))
    if not facts.stated and ("x" in lowered or "×" in line or "by" in lowered):
        for match in MARKED_PAIR_RE.finditer(line):
            first, first_unit, first_mark, second, unit, second_mark = match.groups()
            first_wide = first_mark.casefold() in _WIDTH_MARKS
            if first_wide == (second_mark.casefold() in _WIDTH_MARKS):
                continue  # two widths or two heights: no size
            if first_unit and first_unit.casefold() != unit.casefold():
                continue
            width, height = (first, second) if first_wide else (second, first)
            width_len, height_len = to_length(width, unit), to_length(height, unit)
            if width_len and height_len:
                found = facts.museum = True  # (each side named: as a museum states an object's size)
                facts.stated.append(StatedSize(width=width_len[0], height=height_len[0], unit=width_len[1]))
    if "dp" in lowered or "pp" in lowered or "pulgada" in lowered or "pouce" in lowered or "inch" in lowered:
        match = DPI_RE.search(line) or DPI_FIRST_RE.search(line)
        if match:
            found = True
            dpi = to_pixels(match.group(1))
            if dpi:
                facts.dpi = dpi
            else:
                facts.bad_dpi = True
    if bare_pair and facts.width_px is None and not facts.bad_pixels and (facts.dpi or facts.bad_dpi):
        # AP: '3000 x 2400, 300 DPI' -- a pair beside a dpi is the pixel size.
        width, height = to_pixels(bare_pair[0]), to_pixels(bare_pair[1])
        if width and height:
            facts.width_px, facts.height_px = width, height
        else:
            facts.bad_pixels = True
    if facts.museum:
        facts.museum = facts.width_px is None and facts.dpi is None
    elif facts.stated and facts.width_px is None and not facts.bad_pixels and facts.dpi is None:
        _museum_order(line, facts)
    return facts if found else None


def _fraction_text(match: re.Match) -> str:
    whole, numerator, denominator = (int(part) for part in match.groups())
    if not 0 < numerator < denominator:
        return match.group(0)
    value = (Decimal(whole) + Decimal(numerator) / Decimal(denominator)).quantize(Decimal("0.0001"))
    return format(value.normalize(), "f")


def _museum_order(line: str, facts: SizeFacts) -> None:
    """A museum's size statement (see SizeFacts.museum), height first unless it says 'W x H'."""
    sides = _SIDES_RE.search(line) if "x" in line.casefold() or "×" in line else None
    units = {size.unit for size in facts.stated}
    if sides is None and len(units) < 2:
        return
    if sides is not None and sides.group("wh"):
        facts.museum = True
        return
    facts.museum = True
    facts.stated = [StatedSize(width=size.height, height=size.width, unit=size.unit) for size in facts.stated]


def first_number_pixels(value: str) -> tuple[int | None, bool]:
    """'5472', '5472 px', '5 472 pixels' -> (5472, False); (None, True) when out of range."""
    match = SINGLE_PX_RE.search(value[:200])
    if not match:
        stripped = value.strip()
        return None, bool(stripped[:1].isdigit())
    number = to_pixels(match.group(1))
    return number, number is None
