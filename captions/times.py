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


def in_archive_zone(value: dt.datetime) -> dt.datetime:
    """An aware datetime in the archive's time zone; at the calendar's edge, where that zone's
    time would fall outside years 1-9999 (an embargo 'until 31.12.9999 23:59' written in UTC is
    January of year 10000 in Berlin), in UTC, or as it was written when UTC is outside too."""
    try:
        return timezone.localtime(value)
    except OverflowError:
        try:
            return value.astimezone(dt.UTC)
        except OverflowError:
            return value


def shows_in_archive_zone(value: dt.datetime) -> bool:
    """Can both UTC (what the database stores) and the archive's zone hold this aware moment?"""
    try:
        value.astimezone(dt.UTC)
        timezone.localtime(value)
    except OverflowError:
        return False
    return True


def representable(value: dt.datetime | None) -> dt.datetime | None:
    """`value`, or, for an aware datetime at the calendar's edge that UTC (what the database
    stores) or the archive's time zone (what every page and form shows) cannot hold, the
    nearest minute both can: an embargo 'until 31.12.9999 23:59' written in UTC is 23:59 of
    that day in the archive's zone, one '1.1.0001 00:01 MEZ' the first minute of year 1 in
    UTC. Converting such a value raised OverflowError (a server error on the paste page, the
    save and the record's form). Nothing else moves."""
    if value is None or not timezone.is_aware(value) or shows_in_archive_zone(value):
        return value
    zone = timezone.get_default_timezone()
    if value.year == 1:
        edges = (dt.datetime(1, 1, 1, tzinfo=dt.UTC), dt.datetime(1, 1, 1, tzinfo=zone))
    else:
        edges = (dt.datetime(9999, 12, 31, 23, 59, tzinfo=zone), dt.datetime(9999, 12, 31, 23, 59, tzinfo=dt.UTC))
    return next((edge for edge in edges if shows_in_archive_zone(edge)), value)


def local_datetime(value: dt.datetime | None) -> str:
    """'4 March 2026, 00:01 CET' in the archive's time zone and the active language; '' for None."""
    if value is None:
        return ""
    local = in_archive_zone(value) if timezone.is_aware(value) else value
    # Translators: a date and time, in Django's date format letters: 'j F Y, H:i' is '4 March 2026, 00:01'.
    shape = pgettext("date and time format", "j F Y, H:i")
    text = dateformat.format(local, shape)
    return f"{text} {zone_name(local)}" if timezone.is_aware(local) else text


def iso_datetime(value: dt.datetime | None) -> str | None:
    """ISO 8601 to the second with the archive's offset: '2026-03-04T00:01:00+01:00'."""
    if value is None:
        return None
    return in_archive_zone(value).isoformat(timespec="seconds")
