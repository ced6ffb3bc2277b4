"""archive/permissions.py: a signed-in user's permissions kept in the shared cache, read again
after any change to who holds what; and what an anonymous or signed-in GET leaves behind."""

import json
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings
from django.contrib.auth.models import Group, Permission, User
from django.contrib.sessions.models import Session
from django.db import connection
from django.test import override_settings
from django.test.utils import CaptureQueriesContext

from archive import permissions
from captions.roles import PRODUCTION
from tests.builders import production, researcher

ROOT = Path(__file__).resolve().parent.parent
LOCAL_CACHE = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "permissions-test"}}

pytestmark = pytest.mark.django_db


@pytest.fixture
def cached():
    """The permission cache on, in a cache of this test's own (one process: it is shared)."""
    with override_settings(CACHES=LOCAL_CACHE, PERMISSIONS_CACHE_SECONDS=300):
        from django.core.cache import cache

        cache.clear()
        yield
        cache.clear()


def permission_queries(check) -> int:
    with CaptureQueriesContext(connection) as captured:
        check()
    return sum("auth_permission" in q["sql"] for q in captured.captured_queries)


def fresh(user) -> User:
    """The user as the next request loads it (Django reads the row on every request)."""
    return User.objects.get(pk=user.pk)


def test_a_second_request_reads_no_permissions_from_the_database(cached):
    user = production()
    assert permission_queries(lambda: fresh(user).has_perm("captions.export_specs")) == 2
    assert permission_queries(lambda: fresh(user).has_perm("captions.export_specs")) == 0
    assert fresh(user).has_perm("captions.export_specs")
    assert not fresh(user).has_perm("captions.change_photo")


def test_a_permission_taken_from_a_group_is_gone_at_the_next_request(cached, django_capture_on_commit_callbacks):
    user = production()
    assert fresh(user).has_perm("captions.export_specs")
    with django_capture_on_commit_callbacks(execute=True):
        Group.objects.get(name=PRODUCTION).permissions.remove(Permission.objects.get(codename="export_specs"))
    assert not fresh(user).has_perm("captions.export_specs")


def test_a_user_moved_to_another_group_gets_its_permissions(cached, django_capture_on_commit_callbacks):
    user = researcher()
    assert not fresh(user).has_perm("captions.export_specs")
    with django_capture_on_commit_callbacks(execute=True):
        user.groups.add(Group.objects.get(name=PRODUCTION))
    assert fresh(user).has_perm("captions.export_specs")


def test_a_change_not_yet_committed_is_not_cached_as_the_new_state(cached, django_capture_on_commit_callbacks):
    user = production()
    assert fresh(user).has_perm("captions.export_specs")
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        user.groups.clear()
    assert callbacks, "the cache is told only once the change is committed"
    for callback in callbacks:
        callback()
    assert not fresh(user).has_perm("captions.export_specs")


def test_a_user_made_superuser_or_inactive_is_seen_at_the_next_request(cached):
    user = researcher()
    assert not fresh(user).has_perm("captions.delete_photo")
    User.objects.filter(pk=user.pk).update(is_superuser=True)  # the row: no signal at all
    assert fresh(user).has_perm("captions.delete_photo")
    User.objects.filter(pk=user.pk).update(is_superuser=False, is_active=False)
    assert not fresh(user).has_perm("captions.view_photo")


def test_without_a_shared_cache_permissions_are_read_on_every_request():
    assert settings.PERMISSIONS_CACHE_SECONDS == 0  # the suite runs without REDIS_URL
    user = production()
    assert permission_queries(lambda: fresh(user).has_perm("captions.export_specs")) == 2
    assert permission_queries(lambda: fresh(user).has_perm("captions.export_specs")) == 2


def test_an_evicted_generation_makes_every_entry_stale(cached):
    from django.core.cache import cache

    user = production()
    fresh(user).has_perm("captions.export_specs")
    cache.delete(permissions.GENERATION_KEY)
    assert permission_queries(lambda: fresh(user).has_perm("captions.export_specs")) == 2


def test_a_session_signed_in_through_djangos_backend_stays_signed_in(cached, client):
    user = production()
    client.force_login(user, backend="django.contrib.auth.backends.ModelBackend")
    assert client.get("/").status_code == 200
    with CaptureQueriesContext(connection) as captured:
        assert client.get("/export/specs.json").status_code == 200
    assert not [q for q in captured.captured_queries if "auth_permission" in q["sql"]]


# --- what a GET leaves behind -------------------------------------------------------------------


def test_an_anonymous_get_creates_no_session_and_sets_no_session_cookie(client):
    for path in ("/accounts/login/", "/healthz", "/", "/photos/1/"):
        response = client.get(path)
        assert settings.SESSION_COOKIE_NAME not in response.cookies, path
    assert Session.objects.count() == 0
    assert settings.CSRF_COOKIE_NAME in client.get("/accounts/login/").cookies  # the form needs it
    assert not client.get("/healthz").cookies


def test_a_signed_in_get_writes_no_session(client):
    client.force_login(researcher())
    before = list(Session.objects.values_list("session_key", "session_data", "expire_date"))
    with CaptureQueriesContext(connection) as captured:
        response = client.get("/")
    assert response.status_code == 200
    assert settings.SESSION_COOKIE_NAME not in response.cookies
    assert not [q for q in captured.captured_queries if "django_session" in q["sql"] and "SELECT" not in q["sql"]]
    assert list(Session.objects.values_list("session_key", "session_data", "expire_date")) == before


# --- settings from the environment ----------------------------------------------------------------


def settings_from(**env) -> dict:
    code = (
        "import json, archive.settings as s; "
        "print(json.dumps([s.SESSION_ENGINE, s.PERMISSIONS_CACHE_SECONDS, s.CACHES['default']['BACKEND']]))"
    )
    clean = {"PATH": "/usr/bin:/bin", "SECRET_KEY": "x", **env}
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=clean, capture_output=True, text=True, timeout=60)
    assert out.returncode == 0, out.stderr
    return json.loads(out.stdout)


def test_sessions_and_permissions_are_cached_only_in_a_cache_every_process_shares():
    redis = settings_from(REDIS_URL="redis://cache:6379/0")
    assert redis == ["django.contrib.sessions.backends.cached_db", 300, "django.core.cache.backends.redis.RedisCache"]
    assert settings_from()[:2] == ["django.contrib.sessions.backends.db", 0]  # each process's memory
    assert settings_from(CACHE_DIR="/tmp/x")[:2] == ["django.contrib.sessions.backends.db", 0]  # one machine's
    assert settings_from(REDIS_URL="redis://cache:6379/0", PERMISSIONS_CACHE_SECONDS="0")[1] == 0
    assert settings_from(PERMISSIONS_CACHE_SECONDS="60")[1] == 60
