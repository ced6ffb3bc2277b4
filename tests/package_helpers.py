"""Shared by the print package tests: a photo's image file stored as an upload stores it."""

import hashlib
import io

from django.core.files.base import ContentFile
from PIL import Image


def store_file(photo, data: bytes, extension: str):
    """The photo's image file (content-addressed, as uploads store it) and a preview rendition."""
    digest = hashlib.sha256(data + str(photo.pk).encode()).hexdigest()
    photo.content_hash = digest
    photo.image.save(f"{digest}.{extension}", ContentFile(data), save=False)
    preview = io.BytesIO()
    Image.new("RGB", (300, 200), "steelblue").save(preview, "JPEG")
    photo.preview.save(f"{digest}-preview.jpg", ContentFile(preview.getvalue()), save=False)
    photo.save()
    return photo
