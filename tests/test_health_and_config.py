"""/healthz and the environment: clear one-line errors instead of tracebacks."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

from archive.config import ConfigurationError, database_from_url, env_bool

ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.django_db
def test_healthz_answers_200_when_database_answers(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "database": "ok"}


@pytest.mark.django_db
def test_healthz_answers_503_when_database_fails(client, monkeypatch):
    from django.db import OperationalError, connection

    def broken(*args, **kwargs):
        raise OperationalError("connection refused\nmore detail")

    monkeypatch.setattr(connection, "cursor", broken)
    response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json()["database"] == "connection refused"


def test_sqlite_url_gets_wal_and_a_path(tmp_path):
    config = database_from_url(f"sqlite:///{tmp_path}/x/db.sqlite3")
    assert config["ENGINE"] == "django.db.backends.sqlite3"
    assert "journal_mode=WAL" in config["OPTIONS"]["init_command"]
    assert (tmp_path / "x").is_dir()


def test_postgres_url_is_read():
    config = database_from_url("postgres://u:secret@db.example:5433/archive")
    assert config["ENGINE"] == "django.db.backends.postgresql"
    assert (config["HOST"], config["PORT"], config["NAME"]) == ("db.example", 5433, "archive")


@pytest.mark.parametrize("url", ["mysql://u@h/db", "nonsense", "postgres://u:secret@h:5432/"])
def test_unsupported_database_url_is_one_clear_error(url):
    with pytest.raises(ConfigurationError) as exc:
        database_from_url(url)
    assert "DATABASE_URL" in str(exc.value)
    assert "secret" not in str(exc.value)


def test_env_bool_refuses_garbage(monkeypatch):
    monkeypatch.setenv("DEBUG", "maybe")
    with pytest.raises(ConfigurationError):
        env_bool("DEBUG")


def run_manage(*args, **env):
    clean = {
        k: v
        for k, v in os.environ.items()
        if k not in ("SECRET_KEY", "DEBUG", "DATABASE_URL", "DJANGO_SETTINGS_MODULE")
    }
    clean.update(env)
    return subprocess.run(
        [sys.executable, "manage.py", *args], cwd=ROOT, env=clean, capture_output=True, text=True, timeout=60
    )


def test_missing_secret_key_in_production_is_one_line():
    proc = run_manage("check")
    assert proc.returncode == 2
    assert proc.stderr.strip().splitlines() == [
        "configuration error: SECRET_KEY is not set; set it to a long random string (or DEBUG=1 for development)"
    ]


def test_bad_database_url_is_one_line():
    proc = run_manage("check", SECRET_KEY="x", DATABASE_URL="mysql://root@localhost/archive")
    assert proc.returncode == 2
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("configuration error: DATABASE_URL=")


def test_unreachable_database_is_one_line():
    proc = run_manage("migrate", SECRET_KEY="x", DATABASE_URL="postgres://nobody@127.0.0.1:1/none")
    assert proc.returncode == 2
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("database error:"), proc.stderr


def test_postgres_connections_cost_random_reads_as_on_ssd(monkeypatch):
    monkeypatch.delenv("PG_RANDOM_PAGE_COST", raising=False)
    assert database_from_url("postgres://u@h/archive")["OPTIONS"]["options"] == "-c random_page_cost=1.1 -c jit=off"
    monkeypatch.setenv("PG_RANDOM_PAGE_COST", "4")
    assert database_from_url("postgres://u@h/archive")["OPTIONS"]["options"] == "-c random_page_cost=4 -c jit=off"
    monkeypatch.setenv("PG_RANDOM_PAGE_COST", "fast")
    with pytest.raises(ConfigurationError, match="PG_RANDOM_PAGE_COST"):
        database_from_url("postgres://u@h/archive")


@pytest.mark.django_db
def test_the_setting_reaches_the_database_session():
    from django.db import connection

    if connection.vendor != "postgresql":
        pytest.skip("PostgreSQL setting")
    with connection.cursor() as cursor:
        cursor.execute("SHOW random_page_cost")
        assert cursor.fetchone()[0] == "1.1"
        cursor.execute("SHOW jit")  # short browse queries never pay a JIT compile
        assert cursor.fetchone()[0] == "off"


@pytest.mark.django_db
def test_pages_carry_a_content_security_policy(client):
    response = client.get("/accounts/login/")
    policy = response["Content-Security-Policy"]
    assert "script-src 'self'" in policy and "unsafe-inline" not in policy.split("script-src")[1].split(";")[0]
    assert "frame-ancestors 'none'" in policy


def test_cache_dir_gives_a_cache_shared_by_processes(tmp_path):
    env = {"SECRET_KEY": "x", "CACHE_DIR": str(tmp_path / "cache")}
    code = (
        "from django.conf import settings; from django.core.cache import cache; "
        "cache.set('k', 'shared'); print(settings.CACHES['default']['BACKEND'])"
    )
    first = run_manage("shell", "-c", code, **env)
    assert first.stdout.strip().endswith("FileBasedCache"), first.stderr
    second = run_manage("shell", "-c", "from django.core.cache import cache; print(cache.get('k'))", **env)
    assert second.stdout.strip().endswith("shared")
