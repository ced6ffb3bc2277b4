"""The app's settings, each with a default, read in one place (django-filter's habit).

Override any of them in the Django settings (archive/settings.py reads the upload limits from
the environment)."""

from __future__ import annotations

from django.conf import settings

DEFAULTS = {
    # Uploads: larger files, or images with more pixels (decompression bombs), are refused.
    "CAPTIONS_MAX_UPLOAD_BYTES": 50 * 1024 * 1024,
    "CAPTIONS_MAX_IMAGE_PIXELS": 120_000_000,
    # Renditions: the longest side, in pixels, of the stored JPEGs.
    "CAPTIONS_THUMBNAIL_SIZE": 240,
    "CAPTIONS_PREVIEW_SIZE": 1200,
    # Lightboxes: the most photos one holds ("add all results" adds a selection up to this).
    "CAPTIONS_LIGHTBOX_MAX_PHOTOS": 1000,
    # Print packages: the most photos one holds (a larger selection is refused with the reason).
    "CAPTIONS_PACKAGE_MAX_PHOTOS": 1000,
}


def get(name: str):
    return getattr(settings, name, DEFAULTS[name])


def max_upload_bytes() -> int:
    return int(get("CAPTIONS_MAX_UPLOAD_BYTES"))


def max_image_pixels() -> int:
    return int(get("CAPTIONS_MAX_IMAGE_PIXELS"))


def thumbnail_size() -> int:
    return int(get("CAPTIONS_THUMBNAIL_SIZE"))


def preview_size() -> int:
    return int(get("CAPTIONS_PREVIEW_SIZE"))


def rendition_sizes() -> dict[str, int]:
    return {"thumbnail": thumbnail_size(), "preview": preview_size()}


def lightbox_max_photos() -> int:
    return int(get("CAPTIONS_LIGHTBOX_MAX_PHOTOS"))


def package_max_photos() -> int:
    return int(get("CAPTIONS_PACKAGE_MAX_PHOTOS"))
