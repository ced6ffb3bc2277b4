"""write_metadata: the archive's fields written into a copy of a file (XMP, and IIM where the
format has it), read back by exiftool and by the archive's own reader (issue 14 builds on it)."""

import io
import json
import os
import subprocess
import tempfile

import pytest
from PIL import Image

from captions.images import metadata
from tests import exiftool_reference
from tests.image_files import needs_exiftool, pixels, with_tags

pytestmark = needs_exiftool

RECORD = {
    "caption": "Café in Málaga, the terrace at noon",
    "headline": "Málaga café",
    "title": "Terraza",
    "credit": "Bjørn Erik Pedersen / Archive",
    "creators": ["Bjørn Erik Pedersen", "Zoë Ångström"],
    "copyright_notice": "© 2026 Bjørn Erik Pedersen",
    "sublocation": "Plaza de la Merced",
    "city": "Málaga",
    "region": "Andalucía",
    "country": "Spain",
    "country_code": "ES",
    "keywords": ["café", "Málaga", "terrace"],
    "special_instructions": "Editorial use only. EMBARGOED until 2026-12-24T06:00:00+01:00",
    "archive_id": "ARC-2026-000123",
}
TAGS = {
    "XMP-dc:Description": "caption",
    "XMP-photoshop:Headline": "headline",
    "XMP-dc:Title": "title",
    "XMP-photoshop:Credit": "credit",
    "XMP-dc:Creator": "creators",
    "XMP-dc:Rights": "copyright_notice",
    "XMP-iptcCore:Location": "sublocation",
    "XMP-photoshop:City": "city",
    "XMP-photoshop:State": "region",
    "XMP-photoshop:Country": "country",
    "XMP-iptcCore:CountryCode": "country_code",
    "XMP-dc:Subject": "keywords",
    "XMP-photoshop:Instructions": "special_instructions",
    "XMP-archive:ArchiveId": "archive_id",
}
IIM_TAGS = {
    "Caption-Abstract": "caption",
    "Headline": "headline",
    "ObjectName": "title",
    "Credit": "credit",
    "By-line": "creators",
    "CopyrightNotice": "copyright_notice",
    "Sub-location": "sublocation",
    "City": "city",
    "Province-State": "region",
    "Country-PrimaryLocationName": "country",
    "Country-PrimaryLocationCode": "country_code",
    "Keywords": "keywords",
    "SpecialInstructions": "special_instructions",
}


def exiftool_json(data: bytes, suffix: str) -> dict:
    with tempfile.TemporaryDirectory() as folder:
        path = os.path.join(folder, "written." + suffix)
        with open(path, "wb") as handle:
            handle.write(data)
        out = subprocess.run(
            [
                exiftool_reference.EXIFTOOL,
                "-j",
                "-G1",
                "-a",
                "-struct",
                "-XMP:all",
                "-IPTC:all",
                "-IPTC2:all",
                "-EXIF:Orientation",
                "-n",
                path,
            ],
            capture_output=True,
            text=True,
            check=True,
        ).stdout
    found = json.loads(out)[0]
    return {key.split(":", 1)[1] if key.startswith(("IPTC", "IPTC2")) else key: value for key, value in found.items()}


def listed(value):
    return value if isinstance(value, list) else [value]


@pytest.mark.parametrize(
    "fmt,suffix,with_iim", [("JPEG", "jpg", True), ("PNG", "png", True), ("TIFF", "tif", True), ("WEBP", "webp", False)]
)
def test_every_field_is_written_and_read_back_by_exiftool(fmt, suffix, with_iim):
    original = with_tags(pixels(fmt, size=(80, 40)), suffix, "-Orientation#=6", "-XMP-dc:Description=Old caption")
    written = metadata.write_metadata(original, RECORD)
    found = exiftool_json(written, suffix)
    for tag, name in TAGS.items():
        want = RECORD[name]
        assert (listed(found.get(tag)) if isinstance(want, list) else found.get(tag)) == want, tag
    if with_iim:
        assert found.get("CodedCharacterSet") == "\x1b%G"
        for tag, name in IIM_TAGS.items():
            want = RECORD[name]
            assert (listed(found.get(tag)) if isinstance(want, list) else found.get(tag)) == want, tag
    assert found.get("IFD0:Orientation") == 6  # what was there stays
    with Image.open(io.BytesIO(written)) as image, Image.open(io.BytesIO(original)) as before:
        assert image.size == before.size and image.tobytes() == before.tobytes()  # the pixels are untouched
    meta = metadata.read_metadata(written, name="w." + suffix)
    assert (meta.caption, meta.creators, meta.keywords, meta.archive_id) == (
        RECORD["caption"],
        RECORD["creators"],
        RECORD["keywords"],
        RECORD["archive_id"],
    )


def test_iim_is_cut_to_its_length_never_inside_a_character(tmp_path):
    path = tmp_path / "in.jpg"
    path.write_bytes(pixels("JPEG"))
    city = "Llanfairpwllgwyngyll" + "é" * 20
    written = metadata.write_metadata(path, {"city": city})
    found = exiftool_json(written, "jpg")
    assert found["XMP-photoshop:City"] == city
    assert len(found["City"].encode("utf-8")) <= 32 and city.startswith(found["City"])
    assert path.read_bytes() == pixels("JPEG")  # the source file is never changed


def test_an_empty_value_removes_the_field():
    original = with_tags(pixels("JPEG"), "jpg", "-XMP-photoshop:Credit=Old", "-IPTC:Credit=Old")
    found = exiftool_json(metadata.write_metadata(original, {"credit": ""}), "jpg")
    assert "XMP-photoshop:Credit" not in found and "Credit" not in found


def test_avif_and_unknown_fields_are_refused():
    with pytest.raises(metadata.WriteUnsupported):
        metadata.write_metadata(pixels("AVIF"), {"caption": "x"})
    with pytest.raises(ValueError):
        metadata.write_metadata(pixels("JPEG"), {"embargo": "tomorrow"})
