"""The rules of the photo record, in one place.

`Photo.clean()` calls `validate_photo`, so every form, admin action and service applies the
same rules. The rules do not re-implement anything the parser knows: dates go through
`captions.core.dates`, print sizes through `captions.core.dimensions`, countries through
`captions.core.places` (and pycountry for codes), exactly as the caption parser does. Each error
carries a code (the parser's problem codes where there is one) and a message saying what to
change.

A record imported with problems is kept and flagged, never refused: a problem listed in
`photo.problems` does not stop a save (it is shown at the top of the record's form instead).
Anything not listed there is an error. An editor who changes a field takes over its
problems, so a new wrong value is refused even on a flagged record (see `excused_problems`).
"""

from __future__ import annotations

import datetime as dt

from django.core.exceptions import ValidationError
from django.utils import formats, timezone
from django.utils.translation import gettext_lazy as _

from captions.core import dates, dimensions, places
from captions.core.vocabulary import PROBLEMS
from captions.times import local_datetime

# The fields each problem code is about (changing one of them re-opens the check), and the
# problems a record's fields let us check again: both from the one vocabulary table.
PROBLEM_FIELDS = {problem.code: problem.fields for problem in PROBLEMS}
RECHECKABLE = tuple(problem.code for problem in PROBLEMS if problem.recheckable)

STATED_SIZE_FIELDS = {
    "stated_width_cm": ("width", "cm"),
    "stated_height_cm": ("height", "cm"),
    "stated_width_in": ("width", "in"),
    "stated_height_in": ("height", "in"),
}


def _today(today: dt.date | None) -> dt.date:
    return today or timezone.localdate()


# --- single rules (each returns an error or None) --------------------------------------------


# The largest id a row can have (every table's id is a 64-bit integer: BigAutoField on SQLite
# and PostgreSQL). A larger number names no row, and a query with it fails in the database
# driver (OverflowError on SQLite, out of range on PostgreSQL) instead of finding nothing.
MAX_ROW_ID = 2**63 - 1


def row_id(text) -> int | None:
    """The id `text` names: a whole number a row can have, else None ('abc', '-1', '1e3',
    '99999999999999999999')."""
    text = str(text).strip()
    if not (text.isascii() and text.isdigit()) or len(text) > 19:
        return None
    number = int(text)
    return number if number <= MAX_ROW_ID else None


def dpi_error(dpi: int | None) -> ValidationError | None:
    if dpi is None or dimensions.MIN_DPI <= dpi <= dimensions.MAX_DPI:
        return None
    return ValidationError(
        _("%(dpi)s dpi is not a resolution: give a value from %(min)s to %(max)s (300 is usual for print)."),
        code="dpi_out_of_range",
        params={"dpi": dpi, "min": dimensions.MIN_DPI, "max": f"{dimensions.MAX_DPI:,}"},
    )


def date_text_error(text: str, *, today: dt.date | None = None) -> ValidationError | None:
    """The date as supplied: one that does not exist, or lies in the future, is an error."""
    if not (text or "").strip():
        return None
    parsed = dates.parse_date(text, today=_today(today))
    if parsed is None or parsed.problem is None:
        return None
    if parsed.problem == dates.INVALID_DATE:
        return ValidationError(
            _("“%(text)s” is not a date that exists: check the day and the month."),
            code="invalid_date",
            params={"text": parsed.text},
        )
    return ValidationError(
        _("“%(text)s” is in the future: a photo cannot have been taken after today (%(today)s)."),
        code="future_date",
        params={"text": parsed.text, "today": _today(today).isoformat()},
    )


def edtf_error(value: str, *, today: dt.date | None = None) -> ValidationError | None:
    if not (value or "").strip():
        return None
    try:
        parsed = dates.from_edtf(value)
    except ValueError as exc:
        return ValidationError("%(reason)s", code="invalid_edtf", params={"reason": str(exc)})
    if parsed.start and parsed.start > _today(today):
        return ValidationError(
            _("%(edtf)s is in the future: a photo cannot have been taken after today (%(today)s)."),
            code="future_date",
            params={"edtf": value, "today": _today(today).isoformat()},
        )
    return None


def country_code_error(code: str) -> ValidationError | None:
    """An ISO 3166-1 code, or one in common use that ISO has not assigned (XK, Kosovo), as the
    parser and the places know them."""
    if not code or places.find_country(code.upper()) is not None:
        return None
    return ValidationError(
        _("“%(code)s” is not a country code: use the two-letter ISO code, e.g. RU for Russia or DE for Germany."),
        code="unknown_country",
        params={"code": code},
    )


def country_name_error(text: str) -> ValidationError | None:
    """A country as an editor types it (any of the four languages, or a code)."""

    if not (text or "").strip() or places.find_country(text) is not None:
        return None
    return ValidationError(
        _(
            "“%(text)s” is not a country we know: write its name in English, German, French or Spanish, "
            "or its ISO code (RU, DEU)."
        ),
        code="unknown_country",
        params={"text": text.strip()},
    )


def stated_size_errors(width_px, height_px, dpi, stated: dict[str, str]) -> dict[str, ValidationError]:
    """Stated print lengths ({'stated_width_cm': '31,8', ...}) that disagree with px / dpi.

    The comparison (half a unit of the stated precision plus 0.01) is the parser's, in
    `dimensions.mismatched_lengths`. Nothing is checked without pixels and dpi.
    """
    errors = {}
    if not (width_px and height_px and dpi) or dpi_error(dpi):
        return errors
    derived = dimensions.print_size(width_px, height_px, dpi)
    for name, text in stated.items():
        if not (text or "").strip():
            continue
        side, unit = STATED_SIZE_FIELDS[name]
        size = dimensions.StatedSize(**{side: text.strip()}, unit=unit)
        try:
            wrong = dimensions.mismatched_lengths(width_px, height_px, dpi, size)
        except ValueError:
            errors[name] = ValidationError(
                _("“%(text)s” is not a number: write it like 31,8 or 31.8."),
                code="invalid_number",
                params={"text": text.strip()},
            )
            continue
        if wrong:
            pixels = width_px if side == "width" else height_px
            errors[name] = ValidationError(
                _(
                    "Stated %(stated)s %(unit)s, but %(pixels)s px at %(dpi)s dpi print %(derived)s %(unit)s: "
                    "correct the pixels or the dpi, or leave the stated size out."
                ),
                code="print_size_mismatch",
                params={
                    "stated": text.strip(),
                    "unit": unit,
                    "pixels": pixels,
                    "dpi": dpi,
                    # rounded and written as every page shows it (half-up; 12,5 in German)
                    "derived": formats.number_format(
                        dimensions.round_half_up(getattr(derived, f"{side}_{unit}"), 1), 1
                    ),
                },
            )
    return errors


def embargo_warning(embargo_until, *, now=None) -> ValidationError | None:
    """A new record whose embargo has already passed is probably a typo in the year."""
    now = now or timezone.now()
    if embargo_until is None or embargo_until > now:
        return None
    return ValidationError(
        _(
            "This embargo ended on %(when)s, so the photo is not held back. Check the date; "
            "save again to keep it as it is."
        ),
        code="embargo_in_past",
        params={"when": local_datetime(embargo_until)},
    )


# --- the record as a whole --------------------------------------------------------------------


def validate_photo(photo, *, today: dt.date | None = None) -> None:
    """Raise a ValidationError (a dict of field -> errors) for every rule the photo breaks,
    except the problems already recorded on it (`photo.problems`), which stay flagged."""
    today = _today(today)
    excused = set(photo.problems or [])
    errors: dict[str, list[ValidationError]] = {}

    def add(field: str, error: ValidationError | None):
        if error is not None and error.code not in excused:
            errors.setdefault(field, []).append(error)

    add("dpi", dpi_error(photo.dpi))
    add("date_text", date_text_error(photo.date_text, today=today))
    add("date_edtf", edtf_error(photo.date_edtf, today=today))

    if (photo.date_start is None) != (photo.date_end is None):
        missing = "date_end" if photo.date_end is None else "date_start"
        add(missing, ValidationError(_("Give both ends of the date interval, or neither."), code="incomplete_interval"))
    elif photo.date_start and photo.date_end and photo.date_start > photo.date_end:
        add(
            "date_end",
            ValidationError(
                _("The interval ends (%(end)s) before it starts (%(start)s): swap them, or fix the one that is wrong."),
                code="date_order",
                params={"start": photo.date_start.isoformat(), "end": photo.date_end.isoformat()},
            ),
        )
    if photo.date_start and photo.date_start > today and not (photo.date_text or photo.date_edtf):
        add(
            "date_start",
            ValidationError(
                _("%(start)s is in the future: a photo cannot have been taken after today (%(today)s)."),
                code="future_date",
                params={"start": photo.date_start.isoformat(), "today": today.isoformat()},
            ),
        )
    if photo.date_start and not photo.date_precision:
        add(
            "date_precision",
            ValidationError(_("Say how precise the date is (day, month, year or decade)."), code="precision_missing"),
        )
    if photo.place_id and photo.place is not None:
        add("place", country_code_error(photo.place.country_code))

    if errors:
        raise ValidationError(errors)


def excused_problems(problems, changed_fields) -> list[str]:
    """The recorded problems that still excuse a save once the editor changed `changed_fields`:
    a problem about a field the editor touched is theirs to fix now."""
    changed = set(changed_fields)
    return [code for code in problems or [] if not changed & set(PROBLEM_FIELDS.get(code, ()))]


def headline_names_a_day_that_does_not_exist(headline: str, *, today: dt.date | None = None) -> bool:
    """A title dating the picture to a day that does not exist ('Flood, September 31, 2019'):
    the parser flags invalid_date for it and takes the date fields from the caption's own
    date, so `date_text` does not show the problem (the parser's reading, `dates.find_date`,
    on the same first 1,000 characters)."""
    if not (headline or "").strip():
        return False
    stated = dates.find_date(headline[:1000], today=_today(today))
    return stated is not None and stated.problem == dates.INVALID_DATE


def problem_fields(photo, code: str, *, today: dt.date | None = None) -> tuple[str, ...]:
    """The fields of `photo` that carry problem `code` now, by the checks `current_problems`
    makes: an invalid_date in the title names the headline (the date fields then hold the
    caption's valid day), one in the date as supplied names that field; a future date names
    the field that holds it. A problem the fields do not show (not recheckable, or already
    fixed) names every field it is about (`PROBLEM_FIELDS`)."""
    today = _today(today)
    found: list[str] = []
    if code in ("invalid_date", "future_date"):
        error = date_text_error(photo.date_text, today=today)
        if error is not None and error.code == code:
            found.append("date_text")
        if code == "future_date":
            error = edtf_error(photo.date_edtf, today=today)
            if error is not None and error.code == code:
                found.append("date_edtf")
            if not found and photo.date_start and photo.date_start > today:
                found.append("date_start")
        elif headline_names_a_day_that_does_not_exist(photo.headline, today=today):
            found.append("headline")
    return tuple(found) or tuple(PROBLEM_FIELDS.get(code, ()))


def current_problems(photo, *, kept, changed_fields=(), today: dt.date | None = None) -> list[str]:
    """The problems of a record after an edit: the ones its fields show now, plus the
    `kept` ones that cannot be checked again from the fields (truncated text, a discarded
    stated size).

    A recheckable problem is checked again where the parser found it. An invalid_date found
    in the title (the date fields then hold the caption's valid date) stays while it is kept
    (the editor did not change the date fields) and the headline still names the day that
    does not exist: an edit of the caption or the credit keeps it, correcting the headline
    clears it. An unchanged headline raises no new invalid_date the parser did not flag (a
    labelled date field dates a record over its title, a reviewed record stays accepted); a
    headline the editor changed (`changed_fields`) to name a day that does not exist, over
    a record the date fields date, is flagged as the parser flags such a title."""
    today = _today(today)
    found = set(code for code in kept if code not in RECHECKABLE)
    if not (photo.width_px and photo.height_px):
        found.add("missing_dimensions")
    if not photo.dpi:
        found.add("missing_dpi")
    error = date_text_error(photo.date_text, today=today)
    if error is not None:
        found.add(error.code)
    elif photo.date_start and photo.date_start > today:
        found.add("future_date")
    title_checked = "invalid_date" in kept or ("headline" in changed_fields and photo.date_start is not None)
    if title_checked and headline_names_a_day_that_does_not_exist(photo.headline, today=today):
        found.add("invalid_date")
    if "unknown_country" in kept and (photo.place is None or not photo.place.country_code):
        found.add("unknown_country")
    return sorted(found)
