"""Print packages (/lightboxes/<id>/package.zip, /export/package.zip) and one photo's files:
what the ZIP holds, the archive's metadata in every file (read back by the project's reader and
by exiftool, equal to the record), the rendition's exact pixel size, embargoed photos never in
it, the first bytes before any file is read, and every refusal."""

import datetime as dt
import io
import json
import zipfile

import pytest
from django.urls import reverse
from django.utils import timezone
from PIL import Image
from pypdf import PdfReader

from captions.core import dimensions
from captions.exports import package
from captions.images import metadata
from captions.services import lightboxes as lightbox_services
from tests.builders import editor, make_photo, make_place, production, researcher
from tests.export_helpers import csv_records
from tests.image_files import exiftool_reading, needs_exiftool, pixels, with_tags
from tests.package_helpers import store_file

pytestmark = pytest.mark.django_db


def agency_jpeg(size=(1880, 1160)) -> bytes:
    """A JPEG as an agency sends it: its own caption and credit, which the archive corrected."""
    return with_tags(
        pixels("JPEG", size=size, dpi=(72, 72)),
        "jpg",
        "-XMP-dc:Description=AGENCY CAPTION, not corrected",
        "-IPTC:Caption-Abstract=AGENCY CAPTION, not corrected",
        "-IPTC:Credit=Agency",
        "-XMP-photoshop:Credit=Agency",
    )


RECORD = {
    "caption": "Wladimir Putin empfängt Steve Witkoff im Kreml, Moskau.",
    "headline": "Putin empfängt Witkoff",
    "credit": "Björn Meier / Archiv",
    "creator": "Björn Meier",
    "copyright_notice": "© 2025 Björn Meier",
    "keywords": "Kreml, Putin, Diplomatie",
    "restriction_text": "Nur zur redaktionellen Verwendung.",
    "caveat_editorial_only": True,
}


@pytest.fixture
def story():
    """A lightbox (shared with production): the corrected record with an agency JPEG, a PNG, a
    record without a file, and an embargoed photo with a file; one more photo outside it."""
    place = make_place(sublocation="Kremlin", city="Moskau", region="", country="Russia", country_code="RU")
    corrected = store_file(make_photo(place=place, **RECORD), agency_jpeg(), "jpg")
    png = store_file(make_photo(caption="Red Square at night"), pixels("PNG", size=(800, 600)), "png")
    no_file = make_photo(caption="Only a caption block")
    held = store_file(
        make_photo(caption="Summit under embargo", embargo_until=timezone.now() + dt.timedelta(days=2)),
        pixels("JPEG", size=(400, 300)),
        "jpg",
    )
    make_photo(caption="Not in the lightbox")
    owner, shop = researcher("owner"), production("shop")
    lightbox = lightbox_services.create_lightbox(owner=owner, name="Kremlin talks")
    lightbox_services.add_photos(lightbox=lightbox, photo_ids=[png.pk, corrected.pk, held.pk, no_file.pk])
    lightbox_services.share(lightbox=lightbox, user=shop)
    return {"lightbox": lightbox, "corrected": corrected, "png": png, "no_file": no_file, "held": held, "shop": shop}


def download(client, url, **params) -> zipfile.ZipFile:
    response = client.get(url, params)
    assert response.status_code == 200, response.content[:500]
    assert response["Content-Type"] == "application/zip" and response.streaming
    return zipfile.ZipFile(io.BytesIO(b"".join(response.streaming_content)))


def package_of(client, story, **params) -> zipfile.ZipFile:
    client.force_login(story["shop"])
    return download(client, reverse("lightbox_package_zip", args=[story["lightbox"].pk]), **params)


def test_the_package_holds_specs_sheets_files_and_renditions_in_the_lightboxs_order(client, story):
    archive = package_of(client, story, at_dpi=300, width_cm=10)
    png, corrected, no_file = story["png"], story["corrected"], story["no_file"]
    assert archive.testzip() is None
    assert archive.namelist() == [
        "specs.csv",
        "specs.json",
        f"photos/001-photo-{png.pk}.png",
        f"print/001-photo-{png.pk}_print_10cm_300dpi.jpg",
        f"photos/002-photo-{corrected.pk}.jpg",
        f"print/002-photo-{corrected.pk}_print_10cm_300dpi.jpg",
        "sheets.pdf",
        "README.txt",
    ]
    rows = csv_records(archive.read("specs.csv").decode("utf-8"))
    assert [int(row["id"]) for row in rows] == [png.pk, corrected.pk, no_file.pk]
    specs = json.loads(archive.read("specs.json"))
    assert [row["id"] for row in specs["photos"]] == [png.pk, corrected.pk, no_file.pk]
    assert specs["meta"]["embargoed_left_out"] == 1
    sheets = PdfReader(io.BytesIO(archive.read("sheets.pdf")))
    assert len(sheets.pages) == 1 + 3  # the summary, then a sheet per photo
    readme = archive.read("README.txt").decode("utf-8")
    assert "Print package: Kremlin talks" in readme
    assert f"photo {no_file.pk}: no image file on record" in readme


def test_embargoed_photos_never_leave_and_the_package_lists_them(client, story):
    archive = package_of(client, story)
    held = story["held"]
    assert not [name for name in archive.namelist() if f"photo-{held.pk}" in name]
    everything = b"".join(archive.read(name) for name in archive.namelist() if name != "README.txt")
    assert b"Summit under embargo" not in everything
    readme = archive.read("README.txt").decode("utf-8")
    assert "LEFT OUT: 1 embargoed photo" in readme and "no. 3 in the lightbox: embargoed until" in readme
    assert "Summit under embargo" not in readme and f"photo {held.pk}" not in readme  # its place, not its id


def record_fields(photo) -> dict:
    return {
        "caption": photo.caption,
        "headline": photo.headline,
        "credit": photo.credit,
        "creators": [photo.creator],
        "copyright_notice": photo.copyright_notice,
        "sublocation": "Kremlin",
        "city": "Moskau",
        "country": "Russia",
        "country_code": "RU",
        "keywords": ["Kreml", "Putin", "Diplomatie"],
        "special_instructions": "Editorial use only. Nur zur redaktionellen Verwendung.",
    }


@needs_exiftool
def test_the_files_carry_the_archives_corrected_metadata_read_back_by_our_reader_and_exiftool(client, story):
    archive = package_of(client, story, width_cm=10)
    corrected = story["corrected"]
    want = record_fields(corrected)
    for name in (f"photos/002-photo-{corrected.pk}.jpg", f"print/002-photo-{corrected.pk}_print_10cm_300dpi.jpg"):
        data = archive.read(name)
        ours = metadata.read_metadata(data, name=name)
        assert {field: getattr(ours, field) for field in want} == want, name
        assert ours.archive_id == str(corrected.pk)
        theirs = exiftool_reading(data, "jpg")
        assert {field: theirs.get(field) for field in want} == want, name
    # the agency's own words are gone from the original, its pixels are untouched
    original = archive.read(f"photos/002-photo-{corrected.pk}.jpg")
    assert b"AGENCY CAPTION" not in original
    with Image.open(io.BytesIO(original)) as written, Image.open(corrected.image.path) as stored:
        assert written.tobytes() == stored.tobytes()


@pytest.mark.parametrize("dpi,width_cm", [(300, 10), (300, 30), (240, 12.5), (150, None)])
def test_the_rendition_is_exactly_the_pixels_the_print_size_needs(client, story, dpi, width_cm):
    params = {"at_dpi": dpi, **({"width_cm": width_cm} if width_cm else {})}
    archive = package_of(client, story, **params)
    corrected = story["corrected"]
    [name] = [n for n in archive.namelist() if n.startswith(f"print/002-photo-{corrected.pk}_")]
    with Image.open(io.BytesIO(archive.read(name))) as image:
        want = dimensions.rendition_pixels(1880, 1160, dpi=dpi, width_cm=width_cm)
        assert image.size == want and image.info["dpi"] == (dpi, dpi)
        if width_cm:
            assert dimensions.centimetres(image.width, dpi) >= width_cm > dimensions.centimetres(image.width - 1, dpi)
    readme = archive.read("README.txt").decode("utf-8")
    enlarged = f"photo {corrected.pk}: the print rendition is enlarged"
    assert (enlarged in readme) == (width_cm == 30)  # 30 cm at 300 dpi needs 3544 px of 1880


def test_a_format_that_cannot_carry_metadata_gets_an_xmp_file_beside_it(client, story):
    avif = store_file(make_photo(caption="An AVIF from a phone", credit="Anna"), pixels("AVIF", size=(64, 48)), "avif")
    lightbox_services.add_photos(lightbox=story["lightbox"], photo_ids=[avif.pk])
    archive = package_of(client, story)
    stem = f"photos/004-photo-{avif.pk}"
    assert f"{stem}.avif" in archive.namelist() and f"{stem}.xmp" in archive.namelist()
    sidecar = metadata.read_sidecar(archive.read(f"{stem}.xmp"))
    assert sidecar["caption"] == "An AVIF from a phone" and sidecar["credit"] == "Anna"
    [rendition] = [n for n in archive.namelist() if n.startswith(f"print/004-photo-{avif.pk}")]
    assert metadata.read_metadata(archive.read(rendition), name=rendition).credit == "Anna"  # a JPEG carries it
    assert "it is in the .xmp file beside it" in archive.read("README.txt").decode("utf-8")


def test_the_first_bytes_leave_before_any_photo_file_is_read(client, story, monkeypatch):
    reads = []
    real_read = package.read_file
    monkeypatch.setattr(package, "read_file", lambda fieldfile: reads.append(fieldfile.name) or real_read(fieldfile))
    client.force_login(story["shop"])
    response = client.get(reverse("lightbox_package_zip", args=[story["lightbox"].pk]))
    chunks = iter(response.streaming_content)
    first = next(chunks)
    assert first.startswith(b"PK\x03\x04") and b"specs.csv" in first
    assert reads == []  # the rows are on their way before the first image file is opened
    rest = b"".join(chunks)
    assert len(reads) == 2 and zipfile.ZipFile(io.BytesIO(first + rest)).testzip() is None


def test_a_selection_package_takes_the_browse_filters(client, story):
    client.force_login(story["shop"])
    archive = download(client, reverse("export_package_zip"), q="Red Square")
    assert [n for n in archive.namelist() if n.startswith("photos/")] == [f"photos/001-photo-{story['png'].pk}.png"]
    assert "selection: q=Red Square" in archive.read("README.txt").decode("utf-8")


def test_the_package_speaks_the_readers_language(client, story):
    client.force_login(story["shop"])
    response = client.get(
        reverse("lightbox_package_zip", args=[story["lightbox"].pk]), headers={"accept-language": "de"}
    )
    archive = zipfile.ZipFile(io.BytesIO(b"".join(response.streaming_content)))
    readme = archive.read("README.txt").decode("utf-8")
    assert "Druckpaket: Kremlin talks" in readme and "AUSGELASSEN" in readme


# --- refusals ------------------------------------------------------------------------------------


def test_only_production_makes_packages(client, story):
    lightbox_url = reverse("lightbox_package_zip", args=[story["lightbox"].pk])
    assert client.get(lightbox_url)["Location"].startswith("/accounts/login/")
    assert client.get(reverse("export_package_zip"))["Location"].startswith("/accounts/login/")
    client.force_login(story["lightbox"].owner)  # a researcher: owns the lightbox, may not export
    assert client.get(lightbox_url).status_code == 403
    assert client.get(reverse("export_package_zip")).status_code == 403
    client.force_login(editor())
    assert client.get(reverse("export_package_zip")).status_code == 403


def test_a_lightbox_not_shared_with_production_is_not_found(client, story):
    client.force_login(production("other-shop"))
    assert client.get(reverse("lightbox_package_zip", args=[story["lightbox"].pk])).status_code == 404
    assert client.get(reverse("lightbox_package_zip", args=[999_999])).status_code == 404


@pytest.mark.parametrize(
    "params,says",
    [
        ({"width_cm": "wide"}, "is not a print width"),
        ({"width_cm": "0"}, "is not a print width"),
        ({"width_cm": "9000"}, "is not a print width"),
        ({"at_dpi": "0"}, "at_dpi"),
    ],
)
def test_a_print_size_that_cannot_be_made_is_refused_with_the_fix(client, story, params, says):
    client.force_login(story["shop"])
    response = client.get(reverse("lightbox_package_zip", args=[story["lightbox"].pk]), params)
    assert response.status_code == 400 and says in response.text


def test_a_selection_larger_than_a_package_is_refused_with_the_limit(client, story, settings):
    settings.CAPTIONS_PACKAGE_MAX_PHOTOS = 2
    client.force_login(story["shop"])
    response = client.get(reverse("export_package_zip"))
    assert response.status_code == 400 and "more than 2 photos" in response.text
    bad = client.get(reverse("export_package_zip"), {"taken_after": "soon"})
    assert bad.status_code == 400 and "taken_after" in bad.text


# --- one photo, one click --------------------------------------------------------------------------


@needs_exiftool
def test_production_downloads_one_file_with_the_archives_metadata(client, story):
    corrected = story["corrected"]
    client.force_login(story["shop"])
    response = client.get(reverse("photo_download", args=[corrected.pk]))
    assert response.status_code == 200 and response["Content-Type"] == "image/jpeg"
    assert f'filename="photo-{corrected.pk}.jpg"' in response["Content-Disposition"]
    assert exiftool_reading(response.content, "jpg")["caption"] == corrected.caption
    rendition = client.get(reverse("photo_print", args=[corrected.pk]), {"at_dpi": 240, "width_cm": 12.5})
    with Image.open(io.BytesIO(rendition.content)) as image:
        assert image.size == dimensions.rendition_pixels(1880, 1160, dpi=240, width_cm=12.5)
    assert metadata.read_metadata(rendition.content, name="r.jpg").credit == corrected.credit


def test_the_photo_page_offers_the_files_to_production_and_editors_only(client, story):
    url = reverse("photo_detail", args=[story["corrected"].pk])
    client.force_login(story["shop"])
    assert "Download with archive metadata" in client.get(url).text
    client.force_login(editor())
    assert "Download with archive metadata" in client.get(url).text
    client.force_login(researcher("reader"))
    page = client.get(url).text
    assert "Download with archive metadata" not in page and "Download the print rendition" not in page
    assert client.get(reverse("photo_download", args=[story["corrected"].pk])).status_code == 403
    assert client.get(reverse("photo_print", args=[story["corrected"].pk])).status_code == 403


def test_an_embargoed_photos_files_reach_editors_only(client, story):
    held = story["held"]
    client.force_login(story["shop"])
    refused = client.get(reverse("photo_download", args=[held.pk]))
    assert refused.status_code == 409 and "under embargo" in refused.text
    assert client.get(reverse("photo_print", args=[held.pk])).status_code == 409
    assert "Download with archive metadata" not in client.get(reverse("photo_detail", args=[held.pk])).text
    client.force_login(editor())
    written = client.get(reverse("photo_download", args=[held.pk]))
    assert written.status_code == 200
    assert "EMBARGOED UNTIL" in metadata.read_metadata(written.content, name="h.jpg").special_instructions


def test_a_record_without_a_file_and_a_bad_width_say_so(client, story):
    client.force_login(story["shop"])
    none = client.get(reverse("photo_download", args=[story["no_file"].pk]))
    assert none.status_code == 404 and "no image file" in none.text
    bad = client.get(reverse("photo_print", args=[story["corrected"].pk]), {"width_cm": "-4"})
    assert bad.status_code == 400 and "is not a print width" in bad.text


# --- a print size that cannot be made: the form again, each problem beside its field --------------


def test_a_bad_print_size_shows_the_form_again_with_the_values_and_each_problem_beside_its_field(client, story):
    client.force_login(story["shop"])
    url = reverse("photo_print", args=[story["corrected"].pk])
    response = client.get(url, {"width_cm": "wide", "at_dpi": "0"})
    assert response.status_code == 400
    page = response.text
    # both problems at once, each under its own field, with the values as typed
    assert 'id="id_print_width_error"' in page and "“wide” is not a print width" in page
    assert 'id="id_print_dpi_error"' in page
    assert 'value="wide"' in page and 'value="0"' in page
    assert f'action="{url}"' in page
    assert "<strong>width_cm</strong>" not in page  # no raw parameter names


def test_the_lightbox_package_form_comes_back_with_its_problem(client, story):
    client.force_login(story["shop"])
    url = reverse("lightbox_package_zip", args=[story["lightbox"].pk])
    page = client.get(url, {"width_cm": "0,1", "at_dpi": "300"}).text
    assert 'id="id_package_width_error"' in page and 'value="0,1"' in page and 'value="300"' in page
    assert "id_package_dpi_error" not in page


def test_the_width_message_writes_its_numbers_the_readers_way(client, story):
    client.force_login(story["shop"])
    url = reverse("photo_print", args=[story["corrected"].pk])
    english = client.get(url, {"width_cm": "0"}, headers={"accept-language": "en"}).text
    assert "from 0.5 to 500" in english and "such as 20 or 12.5" in english
    german = client.get(url, {"width_cm": "0"}, headers={"accept-language": "de"}).text
    assert "0,5" in german and "12,5" in german and "0.5" not in german
    typed = client.get(url, {"width_cm": "0,2"}, headers={"accept-language": "de"}).text
    assert "„0,2“" in typed  # echoed as typed
