"""The parsed caption record: SPEC fields as Python values, plus what the importer stores.

PURE: no Django import. `as_spec_dict()` is the one place the record becomes the JSON the
SPEC table describes, so the management command, the admin preview and the tests agree.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime

from captions.core.dimensions import StatedSize
from captions.core.fingerprints import block_fingerprint

SPEC_FIELDS: tuple[str, ...] = (
    "caption",
    "width_px",
    "height_px",
    "dpi",
    "print_width_cm",
    "print_height_cm",
    "print_width_in",
    "print_height_in",
    "date_start",
    "date_end",
    "date_precision",
    "approximate",
    "sublocation",
    "city",
    "region",
    "country",
    "country_code",
    "caveats",
    "embargo_until",
    "credit",
    "source_id",
    "language",
    "problems",
)


@dataclass
class ParsedCaption:
    """One caption block, parsed. Problems are data: a record with problems is still whole."""

    caption: str = ""
    width_px: int | None = None
    height_px: int | None = None
    dpi: int | None = None
    print_width_cm: float | None = None
    print_height_cm: float | None = None
    print_width_in: float | None = None
    print_height_in: float | None = None
    date_start: date | None = None
    date_end: date | None = None
    date_precision: str | None = None
    approximate: bool = False
    sublocation: str | None = None
    city: str | None = None
    region: str | None = None
    country: str | None = None
    country_code: str | None = None
    caveats: list[str] = field(default_factory=list)
    embargo_until: datetime | None = None
    credit: str | None = None
    source_id: str | None = None
    language: str = "en"
    problems: list[str] = field(default_factory=list)
    # Extras the importer stores; not part of the SPEC JSON.
    headline: str | None = None
    supplier: str | None = None
    creator: str | None = None
    copyright_notice: str | None = None
    keywords: list[str] = field(default_factory=list)
    date_text: str | None = None
    date_edtf: str | None = None
    place_text: str | None = None
    restriction_text: str = ""
    stated_sizes: list[StatedSize] = field(default_factory=list)
    raw_text: str = ""
    problem_details: dict[str, str] = field(default_factory=dict)

    @property
    def fingerprint(self) -> str:
        """The photo this block describes, over its parsed fields (caption, pixels, date, place,
        credit, the image id; `captions.core.fingerprints`), never over its raw text: the same
        caption with an article after it, or other spacing, is the same photo."""
        return block_fingerprint(self)

    def as_spec_dict(self) -> dict:
        """JSON-ready dict of exactly SPEC_FIELDS, in SPEC order."""
        result = {}
        for name in SPEC_FIELDS:
            value = getattr(self, name)
            if isinstance(value, (date, datetime)):
                value = value.isoformat()
            elif name in ("caveats", "problems"):
                value = sorted(value)
            result[name] = value
        return result
