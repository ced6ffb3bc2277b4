"""A record saved before the calendar-edge fix (4fcbed0) may hold an embargo the archive's time
zone cannot show: 9999-12-31 23:59 UTC is January of year 10000 in Berlin, 0001-01-01 00:00 UTC
is year 0 west of Greenwich. Every page, form and export that shows it shows it as UTC, and the
editor can save the form."""

import datetime as dt

import pytest
from django.test import override_settings
from django.urls import reverse

from captions.models import Photo
from tests.admin_forms import form_data
from tests.builders import editor, make_photo, make_user, researcher

pytestmark = pytest.mark.django_db

LAST_UTC_MINUTE = dt.datetime(9999, 12, 31, 23, 59, tzinfo=dt.UTC)  # year 10000 in Berlin
FIRST_UTC_MOMENT = dt.datetime(1, 1, 1, 0, 0, tzinfo=dt.UTC)  # year 0 in New York


def stored_as_before_the_fix(value, caption="Harbour at dusk"):
    photo = make_photo(caption=caption, caveat_embargo=True)
    Photo.objects.filter(pk=photo.pk).update(embargo_until=value)  # straight to the database
    return photo


def change_url(photo):
    return reverse("admin:captions_photo_change", args=[photo.pk])


@pytest.mark.parametrize(
    ("zone", "value", "shown"),
    [
        ("Europe/Berlin", LAST_UTC_MINUTE, "9999-12-31 23:59"),
        ("America/New_York", FIRST_UTC_MOMENT, "0001-01-01 00:00"),
    ],
)
def test_the_change_form_shows_an_embargo_its_zone_cannot_show_as_utc_and_saves(client, zone, value, shown):
    with override_settings(TIME_ZONE=zone):
        photo = stored_as_before_the_fix(value)
        client.force_login(editor())
        response = client.get(change_url(photo))
        assert response.status_code == 200
        page = response.text
        assert shown in page and "UTC" in page  # the value, said to be UTC

        data = form_data(response)
        data["credit"] = "Foto: Hafenamt"
        response = client.post(change_url(photo), data)
        assert response.status_code == 302, response.context["adminform"].form.errors
        photo.refresh_from_db()
        assert photo.credit == "Foto: Hafenamt"
        assert photo.embargo_until == value  # kept as it was, to the minute


def test_an_editor_can_replace_the_edge_value_with_an_ordinary_one(client):
    photo = stored_as_before_the_fix(LAST_UTC_MINUTE)
    client.force_login(editor())
    data = form_data(client.get(change_url(photo)))
    data["embargo_until_0"], data["embargo_until_1"] = "2030-01-01", "12:00:00"
    response = client.post(change_url(photo), data)
    assert response.status_code == 302, response.context["adminform"].form.errors
    photo.refresh_from_db()
    assert photo.embargo_until == dt.datetime(2030, 1, 1, 11, 0, tzinfo=dt.UTC)  # 12:00 CET


@pytest.mark.parametrize(
    ("zone", "value"), [("Europe/Berlin", LAST_UTC_MINUTE), ("America/New_York", FIRST_UTC_MOMENT)]
)
def test_lists_pages_and_exports_show_it_without_a_server_error(client, zone, value):
    with override_settings(TIME_ZONE=zone):
        photo = stored_as_before_the_fix(value)
        client.force_login(make_user("boss", superuser=True))
        for url in (
            reverse("admin:captions_photo_changelist"),
            reverse("admin:captions_photo_changelist") + "?q=Harbour",
            change_url(photo),
            reverse("admin:captions_photo_history", args=[photo.pk]),
            reverse("browse"),
            reverse("photo_detail", args=[photo.pk]),
            reverse("api_photo_item", args=[photo.pk]),
            reverse("api_photo_list"),
            reverse("export_specs_csv"),
            reverse("export_specs_json"),
            reverse("photo_spec_pdf", args=[photo.pk]),
        ):
            response = client.get(url)
            assert response.status_code in (200, 409), url  # 409: still embargoed
            if hasattr(response, "streaming_content"):
                b"".join(response.streaming_content)
        client.force_login(researcher())
        assert client.get(reverse("browse")).status_code == 200
        assert client.get(reverse("photo_detail", args=[photo.pk])).status_code == 200


def test_a_typed_embargo_beyond_the_calendar_is_refused_beside_the_field(client):
    # 1 January of year 1, 00:00 in Berlin is before UTC's first moment: the database cannot hold it
    photo = make_photo(caption="Harbour at dusk")
    client.force_login(editor())
    data = form_data(client.get(change_url(photo)))
    data["embargo_until_0"], data["embargo_until_1"] = "0001-01-01", "00:00:00"
    response = client.post(change_url(photo), data)
    assert response.status_code == 200
    [error] = response.context["adminform"].form.errors.as_data()["embargo_until"]
    assert error.code == "embargo_out_of_range"
    assert "between years 1 and 9999" in str(error.message % error.params)
    photo.refresh_from_db()
    assert photo.embargo_until is None
