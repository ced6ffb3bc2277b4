"""Times in the admin in the one local format with the zone (captions/times.py), as on every
page: the photo's created / last changed on its change form, the audit trail's 'when'."""

import datetime as dt

import pytest
from django.urls import reverse

from captions.models import AuditEvent, Photo
from tests.builders import editor, make_photo, make_user

pytestmark = pytest.mark.django_db
WINTER = dt.datetime(2026, 3, 3, 23, 1, tzinfo=dt.UTC)  # 00:01 CET on 4 March
SUMMER = dt.datetime(2026, 7, 1, 10, 30, tzinfo=dt.UTC)  # 12:30 CEST


@pytest.mark.parametrize(
    ("language", "created", "changed"),
    [
        ("en", "4 March 2026, 00:01 CET", "1 July 2026, 12:30 CEST"),
        ("de", "4. März 2026, 00:01 MEZ", "1. Juli 2026, 12:30 MESZ"),
    ],
)
def test_the_change_form_shows_created_and_last_changed_with_their_zone(client, language, created, changed):
    photo = make_photo(caption="Harbour at dawn")
    Photo.objects.filter(pk=photo.pk).update(created_at=WINTER, updated_at=SUMMER)
    client.force_login(editor())
    page = client.get(reverse("admin:captions_photo_change", args=[photo.pk]), HTTP_ACCEPT_LANGUAGE=language)
    text = page.content.decode()
    assert page.status_code == 200
    assert created in text and changed in text


def test_the_audit_trail_lists_when_with_its_zone(client):
    AuditEvent.objects.create(kind=AuditEvent.Kind.EXPORT, at=WINTER, username="shop", format="csv")
    client.force_login(make_user("boss", superuser=True))
    page = client.get(reverse("admin:captions_auditevent_changelist"), HTTP_ACCEPT_LANGUAGE="de")
    assert page.status_code == 200
    assert "4. März 2026, 00:01 MEZ" in page.content.decode()
