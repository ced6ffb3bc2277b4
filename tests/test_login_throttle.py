"""Sign-ins are throttled (django-axes): a username is locked from one address after a few wrong
passwords, on the site's and the admin's login page, with a clear message; time or an
administrator unlocks it; other users and addresses are not affected."""

import datetime as dt
from io import StringIO

import pytest
from axes.models import AccessAttempt, AccessFailureLog
from django.conf import settings
from django.core.management import call_command

from tests.builders import editor, make_user

pytestmark = pytest.mark.django_db

PASSWORD = "a-long-correct-password"
LOGIN_PAGES = ["/accounts/login/", "/admin/login/"]


@pytest.fixture
def victim():
    user = editor("victim")
    user.set_password(PASSWORD)
    user.save()
    return user


def sign_in(client, path, password, username="victim", address="127.0.0.1"):
    return client.post(path, {"username": username, "password": password}, REMOTE_ADDR=address)


def fail_until_locked(client, path, **kwargs):
    for _ in range(settings.AXES_FAILURE_LIMIT):
        response = sign_in(client, path, "wrong", **kwargs)
    return response


@pytest.mark.parametrize("path", LOGIN_PAGES)
def test_the_right_password_is_refused_after_repeated_failures(client, victim, path):
    for attempt in range(settings.AXES_FAILURE_LIMIT - 1):
        assert sign_in(client, path, "wrong").status_code == 200, attempt  # the form again, with its error
    locked = sign_in(client, path, "wrong")
    assert locked.status_code == 429
    assert "locked" in locked.content.decode()
    again = sign_in(client, path, PASSWORD)
    assert again.status_code == 429
    assert "_auth_user_id" not in client.session


def test_the_lockout_page_says_why_and_for_how_long(client, victim):
    page = fail_until_locked(client, "/accounts/login/").content.decode()
    assert f"{settings.AXES_FAILURE_LIMIT} times in a row" in page
    minutes = int(settings.AXES_COOLOFF_TIME.total_seconds() // 60)
    assert f"Try again in {minutes} minutes" in page


def test_the_lockout_page_speaks_german(client, victim):
    client.cookies["django_language"] = "de"
    page = fail_until_locked(client, "/accounts/login/", address="10.0.0.9").content.decode()
    assert "gesperrt" in page
    assert "Try again" not in page


def test_a_locked_user_can_still_sign_in_from_another_address_and_others_from_this_one(client, victim):
    other = make_user("bystander", group="Editors")
    other.set_password(PASSWORD)
    other.save()
    fail_until_locked(client, "/accounts/login/")
    assert sign_in(client, "/accounts/login/", PASSWORD, address="10.1.2.3").status_code == 302
    client.logout()
    assert sign_in(client, "/accounts/login/", PASSWORD, username="bystander").status_code == 302


def test_the_lock_ends_when_the_cool_off_has_passed(client, victim):
    fail_until_locked(client, "/accounts/login/")
    assert sign_in(client, "/accounts/login/", PASSWORD).status_code == 429
    # As if the cool-off had passed since the last failure.
    AccessAttempt.objects.update(attempt_time=dt.datetime.now(dt.UTC) - settings.AXES_COOLOFF_TIME - dt.timedelta(1))
    assert sign_in(client, "/accounts/login/", PASSWORD).status_code == 302


def test_an_administrator_unlocks_in_the_admin(client, victim):
    fail_until_locked(client, "/accounts/login/")
    admin_user = make_user("boss", superuser=True)
    admin_client = client.__class__()
    admin_client.force_login(admin_user)
    attempt = AccessAttempt.objects.get(username="victim")
    listing = admin_client.get("/admin/axes/accessattempt/")
    assert listing.status_code == 200 and "victim" in listing.content.decode()
    response = admin_client.post(f"/admin/axes/accessattempt/{attempt.pk}/delete/", {"post": "yes"})
    assert response.status_code == 302
    assert sign_in(client, "/accounts/login/", PASSWORD).status_code == 302


def test_an_administrator_unlocks_from_the_command_line(client, victim):
    fail_until_locked(client, "/accounts/login/")
    call_command("axes_reset_username", "victim", stdout=StringIO())
    assert sign_in(client, "/accounts/login/", PASSWORD).status_code == 302


def test_failures_and_the_lockout_are_recorded(client, victim):
    fail_until_locked(client, "/admin/login/")
    failures = AccessFailureLog.objects.filter(username="victim")
    assert failures.count() == settings.AXES_FAILURE_LIMIT
    assert failures.filter(locked_out=True).exists()


def test_a_right_password_resets_the_count(client, victim):
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        sign_in(client, "/accounts/login/", "wrong")
    assert sign_in(client, "/accounts/login/", PASSWORD).status_code == 302
    client.logout()
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        assert sign_in(client, "/accounts/login/", "wrong").status_code == 200
