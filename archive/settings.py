"""Settings for the photo archive, read from the environment.

Production defaults are safe (DEBUG off, SECRET_KEY required, no hosts allowed but the
ones named); development is opt-in with DEBUG=1 (the Makefile's `make run` does that).
"""

import os
from datetime import timedelta
from pathlib import Path

from django.utils.translation import gettext_lazy as _

from archive.config import (
    ConfigurationError,
    cache_from_env,
    database_from_url,
    env_bool,
    env_int,
    env_list,
    media_storage_from_env,
    shared_cache,
    use_connection_pool,
)

BASE_DIR = Path(__file__).resolve().parent.parent
VAR_DIR = Path(os.environ.get("ARCHIVE_VAR_DIR", BASE_DIR / "var"))

DEBUG = env_bool("DEBUG", default=False)
DEMO_MODE = env_bool("DEMO_MODE", default=False)

SECRET_KEY = os.environ.get("SECRET_KEY", "")
if not SECRET_KEY:
    if DEBUG:
        SECRET_KEY = "insecure-development-key-do-not-use-in-production"
    elif os.environ.get("ARCHIVE_SECRETLESS_COMMAND"):
        import secrets

        SECRET_KEY = secrets.token_urlsafe(50)  # signs nothing that outlives the command
    else:
        raise ConfigurationError("SECRET_KEY is not set; set it to a long random string (or DEBUG=1 for development)")

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", ["127.0.0.1", "localhost"] if DEBUG else [])
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", [])

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django.forms",  # the form renderer below finds Django's own widget templates here
    "django.contrib.postgres",
    "django_filters",
    "simple_history",
    "axes",
    "captions",
    "archive",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "archive.routers.ReadOnlyRequestMiddleware",
    "archive.middleware.SecurityHeadersMiddleware",
    "archive.middleware.RejectNullBytesMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    # Last, as django-axes asks: it turns a locked-out sign-in into the lockout page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "archive.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

# Widgets render through the project's templates, so templates/admin/widgets/ can give the
# admin's date and time inputs a label each.
FORM_RENDERER = "django.forms.renderers.TemplatesSetting"

WSGI_APPLICATION = "archive.wsgi.application"

DATABASES = {"default": database_from_url(os.environ.get("DATABASE_URL") or f"sqlite:///{VAR_DIR / 'db.sqlite3'}")}
# PostgreSQL connection pool per process (psycopg_pool through Django), shared by a worker's
# threads; 0 keeps one persistent connection per thread (CONN_MAX_AGE). See docs/SCALING.md.
DATABASE_POOL_SIZE = env_int("DATABASE_POOL_SIZE", 0)
use_connection_pool(DATABASES["default"], DATABASE_POOL_SIZE)
# A read replica: read-only pages read the catalogue from it (archive/routers.py).
if os.environ.get("DATABASE_REPLICA_URL", "").strip():
    DATABASES["replica"] = use_connection_pool(
        database_from_url(os.environ["DATABASE_REPLICA_URL"].strip()), DATABASE_POOL_SIZE
    )
    DATABASES["replica"]["TEST"] = {"MIRROR": "default"}  # the test suite sees one database
    DATABASE_ROUTERS = ["archive.routers.ReplicaRouter"]
REPLICA_PIN_SECONDS = env_int("REPLICA_PIN_SECONDS", 10)
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Sign-ins are throttled by django-axes on both login pages (the site's and the admin's): after
# LOGIN_FAILURE_LIMIT wrong passwords for one username from one address, that pair is locked for
# LOGIN_LOCKOUT_MINUTES; a superuser unlocks it earlier in the admin ("Access attempts": delete
# the row) or with `manage.py axes_reset_username NAME`. Other users and addresses are unaffected.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "archive.permissions.CachedPermissionsBackend",  # Django's ModelBackend, its answers cached
    # Sessions signed in before the cached backend name Django's; they stay valid (it reads the
    # permissions the cached backend has already put on the user: no second read).
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = env_int("LOGIN_FAILURE_LIMIT", 5)
AXES_COOLOFF_TIME = timedelta(minutes=env_int("LOGIN_LOCKOUT_MINUTES", 15))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_CALLABLE = "archive.lockout.lockout_response"
AXES_ENABLE_ACCESS_FAILURE_LOG = True
AXES_VERBOSE = False  # each failure is recorded in the database; no log line per attempt
# Behind a TLS-terminating proxy the client's address is in X-Forwarded-For: TRUSTED_PROXY_COUNT
# says how many proxies to trust (0: use the connection's address, which a client cannot forge).
AXES_IPWARE_PROXY_COUNT = env_int("TRUSTED_PROXY_COUNT", 0) or None
AXES_IPWARE_META_PRECEDENCE_ORDER = (
    ["HTTP_X_FORWARDED_FOR", "REMOTE_ADDR"] if AXES_IPWARE_PROXY_COUNT else ["REMOTE_ADDR"]
)

LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "browse"
LOGOUT_REDIRECT_URL = "login"

LANGUAGE_CODE = "en"
LANGUAGES = [("en", _("English")), ("de", _("German"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = os.environ.get("TIME_ZONE", "Europe/Berlin")
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", BASE_DIR / "staticfiles"))
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "media/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", VAR_DIR / "media"))
STORAGES = {
    # S3-compatible object storage when S3_BUCKET is set (archive/config.py), else MEDIA_ROOT
    "default": media_storage_from_env(os.environ),
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEBUG
            else "whitenoise.storage.CompressedManifestStaticFilesStorage"
        )
    },
}

# Facet counts of large selections are cached. One process (runserver) is served well by
# memory; several gunicorn workers share a directory (CACHE_DIR), several machines Redis
# (REDIS_URL), so each count is paid once.
CACHES = {"default": cache_from_env(os.environ)}
# What every signed-in request reads besides its page, kept in the cache when the cache is one
# for every process (Redis), so no worker can hold a copy another has changed: the session
# (Django's cached_db: read from Redis, written through to the database) and the user's
# permissions (archive/permissions.py, PERMISSIONS_CACHE_SECONDS; 0 turns it off). With the cache
# in each process's memory or in CACHE_DIR (one machine's workers only) both are read from the
# database on every request, as Django does by default.
SHARED_CACHE = shared_cache(os.environ)
SESSION_ENGINE = "django.contrib.sessions.backends.cached_db" if SHARED_CACHE else "django.contrib.sessions.backends.db"
PERMISSIONS_CACHE_SECONDS = env_int("PERMISSIONS_CACHE_SECONDS", 300 if SHARED_CACHE else 0)

# Uploads: limits with defaults, overridable from the environment (see captions/conf.py).
CAPTIONS_MAX_UPLOAD_BYTES = env_int("CAPTIONS_MAX_UPLOAD_BYTES", 50 * 1024 * 1024)
CAPTIONS_MAX_IMAGE_PIXELS = env_int("CAPTIONS_MAX_IMAGE_PIXELS", 120_000_000)
# CSV exports on PostgreSQL: rows as finished lines from COPY (captions/exports/copy_csv.py); 0 = the Python path
CAPTIONS_EXPORT_COPY = env_int("CAPTIONS_EXPORT_COPY", 1) == 1
DATA_UPLOAD_MAX_MEMORY_SIZE = 10 * 1024 * 1024  # a pasted batch of caption blocks

SESSION_COOKIE_HTTPONLY = True
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"

# HTTPS is enforced whenever DEBUG is off: plain-http requests are redirected, browsers are told
# to use https only (HSTS), and cookies travel only over https. A TLS-terminating proxy in front
# says so with X-Forwarded-Proto (it must set that header itself, overwriting a client's). For a
# local plain-http stack (docker-compose on a laptop) HTTPS_ONLY=0 turns all of this off.
HTTPS_ONLY = env_bool("HTTPS_ONLY", default=not DEBUG)
if HTTPS_ONLY:
    SECURE_SSL_REDIRECT = True
    SECURE_REDIRECT_EXEMPT = [r"^healthz$"]  # a container health probe speaks plain http
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SECURE_HSTS_SECONDS = env_int("HSTS_SECONDS", 365 * 24 * 3600)
    SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("HSTS_INCLUDE_SUBDOMAINS", default=True)
    SECURE_HSTS_PRELOAD = env_bool("HSTS_PRELOAD", default=True)
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "WARNING")},
}
