"""WSGI entry point (gunicorn archive.wsgi)."""

import os
import sys

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "archive.settings")

from archive.config import ConfigurationError

try:
    from django.core.wsgi import get_wsgi_application

    application = get_wsgi_application()
except ConfigurationError as exc:
    sys.stderr.write(f"configuration error: {exc}\n")
    sys.exit(2)
