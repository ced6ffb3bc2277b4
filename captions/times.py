"""Times as people and scripts read them: one way each, used everywhere.

`local_datetime` is what a page, a card, a spec sheet or a message shows: the archive's time
zone, the reader's language, the zone named ('4 March 2026, 00:01 CET', '4. März 2026,
00:01 MEZ'). `iso_datetime` is what a file or the API carries: ISO 8601 with the offset
('2026-03-04T00:01:00+01:00'). Django's DATETIME_FORMAT is not used: in English it gives
'March 4, 2026, 12:01 a.m.' without a zone, and SHORT_DATETIME_FORMAT '03/04/2026 12:01 a.m.'.
"""

from __future__ import annotations

import datetime as dt

from django.utils import dateformat, timezone
from django.utils.translation import pgettext

# Zone abbreviations a German reader writes otherwise (SPEC: CEST/MESZ); the others are the
# same in both languages ('UTC', 'GMT', 'EST').
_ZONE_NAMES = {
    "CET": lambda: pgettext("time zone abbreviation", "CET"),
    "CEST": lambda: pgettext("time zone abbreviation", "CEST"),
}


def zone_name(local: dt.datetime) -> str:
    """The zone of an aware datetime as a reader knows it: 'CET', 'MESZ', or 'UTC+03:00' when
    the zone has no letters of its own (tzdata writes '+03')."""
    abbreviation = local.tzname() or ""
    if abbreviation and abbreviation[0] not in "+-":
        known = _ZONE_NAMES.get(abbreviation)
        return known() if known else abbreviation
    offset = local.strftime("%z")  # '+0300'
    return f"UTC{offset[:3]}:{offset[3:]}" if offset else "UTC"


def local_datetime(value: dt.datetime | None) -> str:
    """'4 March 2026, 00:01 CET' in the archive's time zone and the active language; '' for None."""
    if value is None:
        return ""
    local = timezone.localtime(value) if timezone.is_aware(value) else value
    # Translators: a date and time, in Django's date format letters: 'j F Y, H:i' is '4 March 2026, 00:01'.
    shape = pgettext("date and time format", "j F Y, H:i")
    text = dateformat.format(local, shape)
    return f"{text} {zone_name(local)}" if timezone.is_aware(local) else text


def iso_datetime(value: dt.datetime | None) -> str | None:
    """ISO 8601 to the second with the archive's offset: '2026-03-04T00:01:00+01:00'."""
    if value is None:
        return None
    return timezone.localtime(value).isoformat(timespec="seconds")
