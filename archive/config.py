"""Reading the environment (12-factor). Pure: no Django import, so manage.py can report
a bad setting as one line before Django starts."""

from __future__ import annotations

import os
from pathlib import Path
from urllib.parse import urlsplit

import dj_database_url


class ConfigurationError(Exception):
    """A setting in the environment is missing or malformed; the message says which."""


TRUE_WORDS = {"1", "true", "yes", "on"}
FALSE_WORDS = {"0", "false", "no", "off", ""}


def env_bool(name: str, default: bool = False) -> bool:
    raw = os.environ.get(name)
    if raw is None:
        return default
    value = raw.strip().lower()
    if value in TRUE_WORDS:
        return True
    if value in FALSE_WORDS:
        return False
    raise ConfigurationError(f"{name}={raw!r} is not a boolean (use 1/0, true/false, yes/no)")


def env_list(name: str, default: list[str]) -> list[str]:
    raw = os.environ.get(name)
    if raw is None:
        return default
    return [item.strip() for item in raw.split(",") if item.strip()]


def env_int(name: str, default: int) -> int:
    raw = os.environ.get(name)
    if raw is None or raw.strip() == "":
        return default
    try:
        return int(raw)
    except ValueError:
        raise ConfigurationError(f"{name}={raw!r} is not a whole number") from None


SUPPORTED_SCHEMES = {"sqlite", "postgres", "postgresql", "pgsql", "postgis"}


def database_from_url(url: str) -> dict:
    """DATABASE_URL -> Django DATABASES entry, with a clear error for anything unsupported."""
    scheme = urlsplit(url).scheme.lower()
    if scheme not in SUPPORTED_SCHEMES:
        shown = url.split("@")[-1] if "@" in url else url  # never echo a password
        raise ConfigurationError(
            f"DATABASE_URL={shown!r} is not supported: use sqlite:///path/to/db.sqlite3 "
            "or postgres://user:password@host:5432/name"
        )
    try:
        config = dj_database_url.parse(url, conn_max_age=60, conn_health_checks=True)
    except Exception as exc:  # dj-database-url raises several types for bad URLs
        raise ConfigurationError(f"DATABASE_URL cannot be read: {exc}") from None
    if config["ENGINE"].endswith("sqlite3"):
        name = config.get("NAME") or ""
        if not name or name == ":memory:":
            raise ConfigurationError("DATABASE_URL for SQLite needs a file path: sqlite:///path/to/db.sqlite3")
        Path(name).parent.mkdir(parents=True, exist_ok=True)
        config["CONN_MAX_AGE"] = 0
        config["CONN_HEALTH_CHECKS"] = False
        # WAL lets readers browse while an import writes; IMMEDIATE avoids
        # "database is locked" upgrades inside write transactions.
        config["OPTIONS"] = {
            "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA busy_timeout=5000;",
            "transaction_mode": "IMMEDIATE",
        }
    elif not config.get("NAME"):
        raise ConfigurationError("DATABASE_URL for PostgreSQL needs a database name: postgres://user@host:5432/name")
    else:
        # The browse indexes (GiST on the shoot interval, partial caveat indexes) are chosen
        # by the planner only when random reads are costed as on SSD or in memory; PostgreSQL's
        # default (4.0) assumes spinning disks. See docs/BENCHMARKS.md, "Browse".
        cost = os.environ.get("PG_RANDOM_PAGE_COST", "1.1")
        try:
            float(cost)
        except ValueError:
            raise ConfigurationError(f"PG_RANDOM_PAGE_COST={cost!r} is not a number") from None
        # jit off: a browse query is short, and its plan's cost past jit_above_cost made
        # PostgreSQL spend 50-200 ms compiling expressions for a query that runs in 20.
        config.setdefault("OPTIONS", {})["options"] = f"-c random_page_cost={cost} -c jit=off"
    return config


def cache_from_env(environ) -> dict:
    """The default cache: Redis when REDIS_URL is set (shared by every app server and worker),
    else a directory shared by the workers of one machine (CACHE_DIR), else each process's memory."""
    redis_url = (environ.get("REDIS_URL") or "").strip()
    if redis_url:
        if urlsplit(redis_url).scheme not in ("redis", "rediss", "unix"):
            raise ConfigurationError(
                f"REDIS_URL={redis_url.split('@')[-1]!r} is not a Redis URL: use redis://host:6379/0"
            )
        return {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": redis_url,
            "KEY_PREFIX": environ.get("CACHE_KEY_PREFIX", "archive"),
            # a cache that does not answer must not take the site down: short timeouts
            "OPTIONS": {"socket_connect_timeout": 1, "socket_timeout": 1},
        }
    cache_dir = environ.get("CACHE_DIR", "")
    if cache_dir:
        return {
            "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
            "LOCATION": cache_dir,
            "OPTIONS": {"MAX_ENTRIES": 20_000},
        }
    return {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}


def shared_cache(environ) -> bool:
    """True when the default cache is one for every process and machine (Redis), so a value one
    worker changes is the value every other reads (sessions and permissions may be kept there)."""
    return bool((environ.get("REDIS_URL") or "").strip())


def media_storage_from_env(environ) -> dict:
    """Where uploaded images and their renditions live: S3-compatible object storage through
    django-storages when S3_BUCKET is set, else the MEDIA_ROOT folder."""
    bucket = (environ.get("S3_BUCKET") or "").strip()
    if not bucket:
        return {"BACKEND": "django.core.files.storage.FileSystemStorage"}
    options = {
        "bucket_name": bucket,
        "location": environ.get("S3_PREFIX", "media").strip("/"),
        "default_acl": None,  # private objects; the app decides who sees a file
        "file_overwrite": False,
    }
    for option, name in (
        ("endpoint_url", "S3_ENDPOINT_URL"),
        ("region_name", "S3_REGION"),
        ("access_key", "S3_ACCESS_KEY_ID"),
        ("secret_key", "S3_SECRET_ACCESS_KEY"),
    ):
        value = (environ.get(name) or "").strip()
        if value:
            options[option] = value
    endpoint = options.get("endpoint_url", "")
    if endpoint and urlsplit(endpoint).scheme not in ("http", "https"):
        raise ConfigurationError(f"S3_ENDPOINT_URL={endpoint!r} is not a URL: use https://host[:port]")
    return {"BACKEND": "archive.storage.PrivateS3Storage", "OPTIONS": options}


def use_connection_pool(config: dict, max_size: int, min_size: int = 1, timeout: float = 10) -> dict:
    """Django's psycopg connection pool for a PostgreSQL entry (max_size > 0): each process
    keeps up to `max_size` open connections shared by its threads, instead of one persistent
    connection per thread (pooling replaces CONN_MAX_AGE)."""
    if max_size <= 0 or config["ENGINE"].endswith("sqlite3"):
        return config
    config["CONN_MAX_AGE"] = 0
    config["CONN_HEALTH_CHECKS"] = False
    config.setdefault("OPTIONS", {})["pool"] = {
        "min_size": min(min_size, max_size),
        "max_size": max_size,
        "timeout": timeout,
    }
    return config
