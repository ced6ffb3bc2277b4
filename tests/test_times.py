"""Times: one format with the zone on every page, card and sheet (captions.times), ISO 8601 with
the offset in every file and the API."""

import datetime as dt
import re
from zoneinfo import ZoneInfo

import pytest
from django.urls import reverse
from django.utils import timezone, translation

from captions.times import iso_datetime, local_datetime
from tests.builders import editor, make_photo, production, researcher
from tests.export_helpers import body_text, csv_records, json_document

BERLIN = ZoneInfo("Europe/Berlin")
WINTER = dt.datetime(2099, 3, 4, 0, 1, tzinfo=BERLIN)
SUMMER = dt.datetime(2099, 7, 4, 15, 30, tzinfo=BERLIN)
ISO_WITH_OFFSET = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d[+-]\d\d:\d\d$")


def test_one_format_in_each_language_with_the_zone_named():
    with translation.override("en"):
        assert local_datetime(WINTER) == "4 March 2099, 00:01 CET"
        assert local_datetime(SUMMER) == "4 July 2099, 15:30 CEST"
    with translation.override("de"):
        assert local_datetime(WINTER) == "4. März 2099, 00:01 MEZ"
        assert local_datetime(SUMMER) == "4. Juli 2099, 15:30 MESZ"
    assert local_datetime(None) == ""


def test_the_archive_zone_decides_and_a_zone_without_letters_shows_its_offset():
    utc_noon = dt.datetime(2099, 3, 4, 12, 0, tzinfo=dt.UTC)
    with translation.override("en"):
        assert local_datetime(utc_noon) == "4 March 2099, 13:00 CET"  # the archive's zone, not the value's
        # tzdata calls it '+03' (the current zone only: overriding TIME_ZONE would reset the
        # database connection's zone for the tests after this one)
        with timezone.override(ZoneInfo("Europe/Istanbul")):
            assert local_datetime(utc_noon) == "4 March 2099, 15:00 UTC+03:00"
            assert iso_datetime(utc_noon) == "2099-03-04T15:00:00+03:00"
    assert iso_datetime(utc_noon) == "2099-03-04T13:00:00+01:00"
    assert iso_datetime(None) is None


def page(client, url, language="en"):
    return re.sub(r"\s+", " ", client.get(url, HTTP_ACCEPT_LANGUAGE=language).content.decode())


@pytest.mark.django_db
@pytest.mark.parametrize("language, shown", [("en", "4 March 2099, 00:01 CET"), ("de", "4. März 2099, 00:01 MEZ")])
def test_cards_and_pages_show_the_same_time_with_its_zone(client, language, shown):
    photo = make_photo(caption="Summit", embargo_until=WINTER, caveat_embargo=True)
    client.force_login(researcher())
    card = page(client, reverse("browse"), language)
    own_page = page(client, reverse("photo_detail", args=[photo.pk]), language)
    client.force_login(editor())
    editors_page = page(client, reverse("photo_detail", args=[photo.pk]), language)
    editors_card = page(client, reverse("browse"), language)
    for text in (card, own_page, editors_page, editors_card):
        assert shown in text
        assert "a.m." not in text and "03/04/2099" not in text and "2099 00:01" not in text


@pytest.mark.django_db
def test_an_ended_embargo_on_the_photo_page_and_the_spec_sheet(client):
    from tests.test_export_pdf import read_pdf

    ended = dt.datetime(2020, 1, 1, 10, 0, tzinfo=BERLIN)
    photo = make_photo(embargo_until=ended)
    client.force_login(production())
    assert "ended 1 January 2020, 10:00 CET" in page(client, reverse("photo_detail", args=[photo.pk]))
    _, [sheet] = read_pdf(client.get(reverse("photo_spec_pdf", args=[photo.pk])))
    assert "Embargo ended 1 January 2020, 10:00 CET." in sheet
    _, [german] = read_pdf(client.get(reverse("photo_spec_pdf", args=[photo.pk]), HTTP_ACCEPT_LANGUAGE="de"))
    assert "1. Januar 2020, 10:00 MEZ" in german


@pytest.mark.django_db
def test_files_and_the_api_carry_iso_8601_with_the_offset(client):
    ended = dt.datetime(2020, 7, 1, 9, 30, 15, 123456, tzinfo=dt.UTC)
    photo = make_photo(embargo_until=ended)
    client.force_login(production())
    [row] = csv_records(body_text(client.get(reverse("export_specs_csv"))))
    document = json_document(client.get(reverse("export_specs_json")))
    api = client.get(reverse("api_photo_item", args=[photo.pk])).json()
    assert row["embargo_until"] == document["photos"][0]["embargo_until"] == "2020-07-01T11:30:15+02:00"
    assert api.get("embargo_until", api.get("photo", {}).get("embargo_until")) == "2020-07-01T11:30:15+02:00"
    assert ISO_WITH_OFFSET.match(document["meta"]["exported_at"])
    assert timezone.is_aware(dt.datetime.fromisoformat(document["meta"]["exported_at"]))
