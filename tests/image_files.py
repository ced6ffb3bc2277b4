"""Image files for tests, made here: Pillow for the pixels, exiftool (Debian's
libimage-exiftool-perl, a test tool only) for tags in any block and any character set."""

from __future__ import annotations

import io
import os
import subprocess
import tempfile

import pytest
from PIL import Image

from tests import exiftool_reference

needs_exiftool = pytest.mark.skipif(
    not exiftool_reference.available(), reason="exiftool is not installed (scripts/install-browser.sh installs it)"
)


def pixels(fmt="JPEG", size=(64, 48), color="steelblue", mode="RGB", **save_args) -> bytes:
    out = io.BytesIO()
    image = Image.new(mode, size, color)
    if mode == "RGB":  # a second colour, so a turned image can be told from an unturned one
        image.paste(Image.new("RGB", (size[0] // 2, size[1] // 2), "goldenrod"), (0, 0))
    image.save(out, fmt, **save_args)
    return out.getvalue()


def with_tags(data: bytes, suffix: str, *args: str) -> bytes:
    """`data` with exiftool's arguments applied (e.g. '-XMP-dc:Creator+=Anna', '-Orientation#=6',
    '-charset', 'iptc=cp1252'). Raises when exiftool refuses."""
    with tempfile.TemporaryDirectory() as folder:
        path = os.path.join(folder, "image." + suffix)
        with open(path, "wb") as handle:
            handle.write(data)
        proc = subprocess.run(
            [exiftool_reference.EXIFTOOL, "-q", "-q", "-overwrite_original", *args, path],
            capture_output=True,
            text=True,
            check=False,
        )
        if proc.returncode:
            raise RuntimeError(f"exiftool {args}: {proc.stderr.strip()}")
        with open(path, "rb") as handle:
            return handle.read()


def exiftool_reading(data: bytes, suffix: str) -> dict:
    """The archive's fields as exiftool reads them from `data`."""
    with tempfile.TemporaryDirectory() as folder:
        path = os.path.join(folder, "image." + suffix)
        with open(path, "wb") as handle:
            handle.write(data)
        text, num = exiftool_reference.run_exiftool([path])[path]
        return exiftool_reference.reference_fields(text, num)
