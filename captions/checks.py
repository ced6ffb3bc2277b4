"""System checks: things a deployment gets wrong silently otherwise."""

from django.core.checks import Error, Tags, Warning, register
from django.db import DatabaseError
from PIL import features

from captions import conf
from captions.models import Place
from captions.services.places import stale_search_names


@register()
def pillow_codecs(app_configs, **kwargs):
    """Uploads accept JPEG, PNG, TIFF, WebP and AVIF (HEIC through pillow-heif); warn when this
    Pillow cannot read one."""
    warnings = []
    for codec, fmt in (("jpg", "JPEG"), ("zlib", "PNG"), ("libtiff", "TIFF"), ("webp", "WebP"), ("avif", "AVIF")):
        if not features.check(codec):
            warnings.append(
                Warning(
                    f"Pillow was built without {codec}: {fmt} uploads will be refused.",
                    hint="Install Pillow from a wheel, or the codec's development package before building it.",
                    id="captions.W001",
                )
            )
    return warnings


@register()
def upload_limits(app_configs, **kwargs):
    """A zero or negative limit would refuse every upload with a confusing message."""
    errors = []
    for name in (
        "CAPTIONS_MAX_UPLOAD_BYTES",
        "CAPTIONS_MAX_IMAGE_PIXELS",
        "CAPTIONS_THUMBNAIL_SIZE",
        "CAPTIONS_PREVIEW_SIZE",
    ):
        value = conf.get(name)
        if not isinstance(value, int) or isinstance(value, bool) or value <= 0:
            errors.append(
                Error(
                    f"{name} must be a positive whole number, not {value!r}.",
                    hint=f"Remove it to use the default ({conf.DEFAULTS[name]}), or set a positive integer.",
                    id="captions.E002",
                )
            )
    return errors


PLACE_CHECK_LIMIT = 20_000  # ~40 µs a place: under a second; the place table is small


@register(Tags.database)
def place_search_names_current(app_configs, databases=None, **kwargs):
    """A release whose place data (region aliases, type words, gazetteer names) changed leaves
    the names stored places are found under as the old data made them: a search by a name the
    new data knows misses them until `refresh_place_search` runs. Checked on the places
    themselves, not on a version number, so it warns only where a name would really change.
    A database check: `manage.py check --database default`, and `migrate` runs it."""
    warnings = []
    for alias in databases or ():
        rows = Place.objects.using(alias).only("sublocation", "city", "region", "country_code", "search_names")
        try:
            sample = list(rows.order_by("pk")[:PLACE_CHECK_LIMIT])
        except DatabaseError:  # not migrated yet: nothing stored to be stale
            continue
        stale = sum(1 for _ in stale_search_names(sample))
        if stale:
            of = f"{len(sample)} places checked" + (
                f" (the first {PLACE_CHECK_LIMIT})" if len(sample) == PLACE_CHECK_LIMIT else ""
            )
            warnings.append(
                Warning(
                    f"{stale} of {of} in database '{alias}' are found under names made from other place "
                    "data than this release's: searches by a place's other names may miss their photos.",
                    hint="Run `python manage.py refresh_place_search` (see docs/OPERATIONS.md).",
                    id="captions.W003",
                )
            )
    return warnings
