"""Cross-field rules of the photo record, called from `Photo.clean()` (and so from every
form and service). Each error has a code; messages say what to change."""
from __future__ import annotations

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _


def validate_photo(photo) -> None:
    errors: dict[str, list[ValidationError]] = {}

    def add(field: str, message, code: str, **params):
        errors.setdefault(field, []).append(ValidationError(message, code=code, params=params))

    if (photo.date_start is None) != (photo.date_end is None):
        missing = "date_end" if photo.date_end is None else "date_start"
        add(missing, _("Give both ends of the date interval, or neither."), "incomplete_interval")
    elif photo.date_start and photo.date_end and photo.date_start > photo.date_end:
        add(
            "date_end",
            _("The interval ends (%(end)s) before it starts (%(start)s)."),
            "date_order",
            start=photo.date_start.isoformat(),
            end=photo.date_end.isoformat(),
        )
    if photo.date_start and not photo.date_precision:
        add("date_precision", _("Say how precise the date is (day, month, year or decade)."), "precision_missing")

    if errors:
        raise ValidationError(errors)
