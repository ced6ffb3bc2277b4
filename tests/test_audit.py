"""The audit trail (captions.services.audit): sign-ins, failures and lockouts from the signals of
Django and django-axes; every export, spec sheet and package with who, when, which filters, how
many photos and how many left out for embargo; read in the admin by superusers only."""

import datetime as dt

import pytest
from django.conf import settings
from django.contrib.auth.models import Permission
from django.db import DatabaseError
from django.urls import reverse
from django.utils import timezone

from captions.models import AuditEvent
from captions.services import audit
from tests.builders import editor, make_article, make_photo, make_user, production, researcher
from tests.export_helpers import body_text

pytestmark = pytest.mark.django_db
Kind = AuditEvent.Kind
PASSWORD = "a-long-correct-password"


@pytest.fixture
def anna():
    user = production("anna")
    user.set_password(PASSWORD)
    user.save()
    return user


def events(kind):
    return list(AuditEvent.objects.filter(kind=kind).order_by("id"))


# --- sign-ins ---------------------------------------------------------------------------------


@pytest.mark.parametrize("path", ["/accounts/login/", "/admin/login/"])
def test_a_sign_in_and_a_sign_out_are_recorded_with_who_and_where(client, anna, path):
    anna.is_staff = True  # the admin's page signs in staff only
    anna.save()
    client.post(path, {"username": "anna", "password": PASSWORD}, REMOTE_ADDR="10.1.2.3")
    [event] = events(Kind.SIGN_IN)
    assert (event.user, event.username, event.ip_address, event.path) == (anna, "anna", "10.1.2.3", path)
    assert timezone.now() - event.at < dt.timedelta(minutes=1)
    client.post("/accounts/logout/", REMOTE_ADDR="10.1.2.3")
    [out] = events(Kind.SIGN_OUT)
    assert out.user == anna


def test_a_failed_sign_in_is_recorded_with_the_name_typed_and_no_password(client, anna):
    client.post("/accounts/login/", {"username": "anna", "password": "hunter2"}, REMOTE_ADDR="10.9.9.9")
    client.post("/accounts/login/", {"username": "nobody-by-that-name", "password": "x"}, REMOTE_ADDR="10.9.9.9")
    failed = events(Kind.SIGN_IN_FAILED)
    assert [(e.username, e.user, e.ip_address) for e in failed] == [
        ("anna", None, "10.9.9.9"),
        ("nobody-by-that-name", None, "10.9.9.9"),
    ]
    assert not AuditEvent.objects.filter(filters__icontains="hunter2").exists()


def test_a_lockout_is_recorded(client, anna):
    for _ in range(settings.AXES_FAILURE_LIMIT):
        client.post("/accounts/login/", {"username": "anna", "password": "wrong"}, REMOTE_ADDR="10.0.0.7")
    [locked] = events(Kind.LOCKED_OUT)
    assert (locked.username, locked.ip_address) == ("anna", "10.0.0.7")
    assert len(events(Kind.SIGN_IN_FAILED)) == settings.AXES_FAILURE_LIMIT
    client.post("/accounts/login/", {"username": "anna", "password": PASSWORD}, REMOTE_ADDR="10.0.0.7")
    assert len(events(Kind.LOCKED_OUT)) == 2 and not events(Kind.SIGN_IN)  # refused, and recorded


def test_a_broken_audit_table_does_not_stop_anyone_signing_in(client, anna, monkeypatch, caplog):
    def broken(self, *args, **kwargs):
        raise DatabaseError("audit table is gone")

    monkeypatch.setattr(AuditEvent, "save", broken)
    response = client.post("/accounts/login/", {"username": "anna", "password": PASSWORD})
    assert response.status_code == 302 and "_auth_user_id" in client.session
    assert "audit trail: could not record sign_in" in caplog.text


# --- what leaves the archive ------------------------------------------------------------------


@pytest.fixture
def shop(client, anna):
    client.force_login(anna)
    return client


@pytest.fixture
def selection():
    article = make_article()
    for n in range(3):
        make_photo(caption=f"Kremlin {n}", caveat_editorial_only=True, articles=[article])
    make_photo(caption="Kremlin embargoed", caveat_editorial_only=True, embargo_until=timezone.now() + dt.timedelta(1))
    make_photo(caption="Harbour")
    return article


@pytest.mark.parametrize(
    "url_name, params, format",
    [
        ("export_specs_csv", {"caveat": "editorial_only"}, "csv"),
        ("export_specs_csv", {"caveat": "editorial_only", "dialect": "excel-de"}, "csv-excel-de"),
        ("export_specs_json", {"caveat": "editorial_only"}, "json"),
        ("export_specs_pdf", {"caveat": "editorial_only"}, "pdf"),
    ],
)
def test_an_export_records_who_when_filters_count_and_embargoed_left_out(
    shop, anna, selection, url_name, params, format
):
    response = shop.get(reverse(url_name), params, REMOTE_ADDR="10.4.4.4")
    if response.streaming:
        body_text(response)
    [event] = events(Kind.EXPORT)
    assert (event.user, event.username, event.ip_address, event.format) == (anna, "anna", "10.4.4.4", format)
    assert event.filters == {"caveat": "editorial_only"} and event.path == reverse(url_name)
    # Production's file says 0 were left out (it may not learn an embargoed photo's caveats);
    # the audit trail has the true number.
    assert (event.photo_count, event.embargoed_left_out, event.complete) == (3, 1, True)


def test_a_dropped_download_is_recorded_as_incomplete_with_what_went_out(shop, selection, monkeypatch):
    from captions.exports import copy_csv, csv_format

    monkeypatch.setattr(csv_format, "ROWS_PER_WRITE", 1)
    monkeypatch.setattr(copy_csv, "PIECE_BYTES", 1)  # PostgreSQL: rows from COPY, one a piece
    response = shop.get(reverse("export_specs_csv"))
    [started] = events(Kind.EXPORT)
    assert (started.photo_count, started.complete) == (None, False)  # recorded before the first byte
    # The test client's wrapper around the stream: closing it half-way is what a server does
    # when the client goes away (it closes the response, keeping the test's connection open).
    # (No query while the stream is open: on PostgreSQL the connection is busy with a COPY.)
    stream = response._iterator
    next(stream), next(stream)  # the header, then one photo
    stream.close()
    started.refresh_from_db()
    assert (started.photo_count, started.complete) == (1, False)


def test_spec_sheets_are_recorded_and_a_refused_one_too(shop, anna):
    free = make_photo()
    held = make_photo(embargo_until=timezone.now() + dt.timedelta(days=1))
    assert shop.get(reverse("photo_spec_pdf", args=[free.pk]), {"at_dpi": "240"}).status_code == 200
    assert shop.get(reverse("photo_spec_pdf", args=[held.pk])).status_code == 409
    sent, refused = events(Kind.SPEC_SHEET)
    assert (sent.filters, sent.photo_count, sent.embargoed_left_out) == ({"photo": free.pk, "at_dpi": 240}, 1, 0)
    assert (refused.filters["photo"], refused.photo_count, refused.embargoed_left_out) == (held.pk, 0, 1)
    assert sent.user == refused.user == anna


def test_a_package_is_recorded_through_the_function_the_lightbox_work_calls(anna):
    event = audit.record_package(user=anna, filters={"lightbox": 7}, photo_count=12, embargoed_left_out=2)
    assert event == AuditEvent.objects.get(kind=Kind.PACKAGE)
    assert (event.username, event.format, event.filters, event.photo_count, event.embargoed_left_out) == (
        "anna",
        "zip",
        {"lightbox": 7},
        12,
        2,
    )


def test_the_api_and_pages_are_not_exports(client, selection):
    client.force_login(researcher())
    client.get(reverse("api_photo_list"))
    client.get(reverse("browse"))
    assert not AuditEvent.objects.exclude(kind=Kind.SIGN_IN).exists()


# --- who reads it -----------------------------------------------------------------------------


def test_superusers_read_the_trail_in_the_admin(client, anna):
    audit.record_package(user=anna, filters={"lightbox": 7}, photo_count=12, embargoed_left_out=2)
    client.force_login(make_user("root", superuser=True))
    page = client.get(reverse("admin:captions_auditevent_changelist"))
    assert page.status_code == 200 and "anna" in page.text and "package" in page.text
    event = AuditEvent.objects.get(kind=Kind.PACKAGE)
    assert client.get(reverse("admin:captions_auditevent_change", args=[event.pk])).status_code == 200
    assert client.get(reverse("admin:captions_auditevent_add")).status_code == 403
    assert client.post(reverse("admin:captions_auditevent_delete", args=[event.pk]), {"post": "yes"}).status_code == 403
    assert AuditEvent.objects.filter(pk=event.pk).exists()


def test_nobody_else_reads_it_not_even_staff_given_the_permission(client):
    url = reverse("admin:captions_auditevent_changelist")
    staff = make_user("staffer", staff=True)
    staff.user_permissions.add(Permission.objects.get(codename="view_auditevent"))
    for user in (editor(), staff):
        client.force_login(user)
        assert client.get(url).status_code == 403
        assert "audit" not in client.get(reverse("admin:index")).text.lower()
    for user in (researcher(), production("pr2")):
        client.force_login(user)
        response = client.get(url)
        assert response.status_code == 302 and "/admin/login/" in response["Location"]


def test_an_export_from_the_command_line_is_recorded_too(selection, tmp_path):
    from django.core.management import call_command

    call_command("export_specs", "--format", "csv", "--caveat", "editorial_only", "-o", str(tmp_path / "s.csv"))
    [event] = events(Kind.EXPORT)
    assert (event.username, event.user, event.format, event.filters) == (
        "manage.py export_specs",
        None,
        "csv",
        {"caveat": "editorial_only"},
    )
    assert (event.photo_count, event.embargoed_left_out, event.complete) == (3, 1, True)
