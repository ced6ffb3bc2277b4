"""What an app server's worker loads once as it starts, so that no visitor's first request pays
for it (gunicorn.conf.py calls `warm_worker` in post_worker_init; a worker is recycled every
few thousand requests, so this is paid again then, at start, not by a request).

Measured in a fresh process on the 1M bench archive: the first `?q=` search of a process took
0.3-1.7 s more than the next one (load 1-12), nearly all of it the place data that a search's
words are looked up in (captions.core.places); the first page also compiles its templates and
loads the translation catalogues.
"""

from __future__ import annotations

import time

from django.conf import settings
from django.template.loader import get_template
from django.urls import reverse
from django.utils import translation

# The pages most requests are for: their templates (and every template they extend or include)
# compiled and held by the cached loader.
TEMPLATES = (
    "captions/browse.html",
    "captions/photo_detail.html",
)


def warm_worker() -> dict[str, float]:
    """Load the place data, the URL patterns, the main templates and every language's
    catalogue; returns the seconds each took."""
    from captions.core import places  # noqa: PLC0415  (Django must be set up first)

    took = {}
    started = time.perf_counter()
    places.warm()
    took["places"] = time.perf_counter() - started
    started = time.perf_counter()
    reverse("browse")
    for name in TEMPLATES:
        get_template(name)
    took["templates"] = time.perf_counter() - started
    started = time.perf_counter()
    for code, _name in settings.LANGUAGES:
        with translation.override(code):
            translation.gettext("Photos")
    took["translations"] = time.perf_counter() - started
    return took
