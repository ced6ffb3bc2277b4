"""Image uploads: checks, stated resolution, embedded EXIF/IPTC/XMP, renditions, duplicates.
Every image is made in memory with Pillow."""

import io
import struct

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import override_settings
from django.urls import reverse
from PIL import Image, PngImagePlugin

from captions.images import metadata, uploads
from captions.models import Photo
from tests.admin_forms import form_data, image_file
from tests.builders import editor, make_photo

XMP = """<?xpacket begin="" id="W5M0MpCehiHzreSzNTczkc9d"?>
<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
<rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/"
  xmlns:photoshop="http://ns.adobe.com/photoshop/1.0/" xmlns:Iptc4xmpCore="http://iptc.org/std/Iptc4xmpCore/1.0/xmlns/"
  xmlns:plus="http://ns.useplus.org/ldf/xmp/1.0/"
  photoshop:City="Moskau" photoshop:Country="Russland" photoshop:Credit="Kremlin Pool"
  photoshop:DateCreated="2025-12-02" plus:ImageSupplierImageID="2R4X9KJ">
 <dc:description><rdf:Alt>
  <rdf:li xml:lang="x-default">Putin meets envoys in the Kremlin.</rdf:li></rdf:Alt></dc:description>
 <dc:creator><rdf:Seq><rdf:li>Alexander Kazakov</rdf:li></rdf:Seq></dc:creator>
 <dc:rights><rdf:Alt><rdf:li xml:lang="x-default">© Sputnik</rdf:li></rdf:Alt></dc:rights>
 <dc:subject><rdf:Bag><rdf:li>Kremlin</rdf:li><rdf:li>diplomacy</rdf:li></rdf:Bag></dc:subject>
 <Iptc4xmpCore:Location>Kremlin</Iptc4xmpCore:Location>
 <photoshop:Instructions>Editorial use only</photoshop:Instructions>
</rdf:Description></rdf:RDF></x:xmpmeta><?xpacket end="w"?>"""


def upload(data: bytes, name: str) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, data)


def exif_with(resolution=None, unit=None, description=None, artist=None):
    exif = Image.Exif()
    if resolution is not None:
        exif[0x011A] = resolution
        exif[0x011B] = resolution
    if unit is not None:
        exif[0x0128] = unit
    if description:
        exif[0x010E] = description
    if artist:
        exif[0x013B] = artist
    return exif


def iptc_block(records: dict) -> bytes:
    """An IPTC-IIM record set as Photoshop stores it in a JPEG's APP13 segment."""
    data = b"".join(b"\x1c" + bytes(key) + struct.pack(">H", len(v)) + v for key, v in records.items())
    resource = b"8BIM" + struct.pack(">H", 0x0404) + b"\x00\x00" + struct.pack(">I", len(data)) + data
    if len(data) % 2:
        resource += b"\x00"
    return b"Photoshop 3.0\x00" + resource


def jpeg_with_iptc(records: dict, **save_args) -> bytes:
    plain = image_file("JPEG", **save_args)
    segment = iptc_block(records)
    app13 = b"\xff\xed" + struct.pack(">H", len(segment) + 2) + segment
    return plain[:2] + app13 + plain[2:]  # right after SOI


# --- resolution: what the file states, never Pillow's defaults ------------------------------


def test_jpeg_without_any_resolution_is_dpi_not_stated():
    meta = metadata.read_metadata(upload(image_file("JPEG"), "a.jpg"))
    assert (meta.width_px, meta.height_px, meta.dpi, meta.dpi_source) == (64, 48, None, "")


def test_jpeg_with_exif_but_no_unit_is_not_72_dpi():
    data = image_file("JPEG", exif=exif_with(description="No unit here").tobytes())
    assert Image.open(io.BytesIO(data)).info.get("dpi") == (72, 72)  # Pillow's guess
    assert metadata.read_metadata(upload(data, "a.jpg")).dpi is None


def test_jpeg_jfif_dpi():
    meta = metadata.read_metadata(upload(image_file("JPEG", dpi=(300, 300)), "a.jpg"))
    assert (meta.dpi, meta.dpi_source) == (300, "JFIF")


def test_jpeg_exif_resolution_in_centimetres():
    data = image_file("JPEG", exif=exif_with(resolution=118, unit=3).tobytes())
    meta = metadata.read_metadata(upload(data, "a.jpg"))
    assert meta.dpi == 300 and meta.dpi_source == "EXIF"


def test_png_phys_dpi_and_png_without_it():
    assert metadata.read_metadata(upload(image_file("PNG", dpi=(150, 150)), "a.png")).dpi == 150
    assert metadata.read_metadata(upload(image_file("PNG"), "a.png")).dpi is None


def test_tiff_without_resolution_tags_is_not_1_dpi():
    data = image_file("TIFF")
    assert Image.open(io.BytesIO(data)).info.get("dpi") == (1, 1)  # Pillow's placeholder
    assert metadata.read_metadata(upload(data, "a.tif")).dpi is None
    assert metadata.read_metadata(upload(image_file("TIFF", dpi=(600, 600)), "b.tif")).dpi == 600


# --- embedded text ------------------------------------------------------------------------


def test_jpeg_exif_caption_and_creator():
    data = image_file("JPEG", exif=exif_with(description="Berlin, Brandenburger Tor", artist="Jane Doe").tobytes())
    meta = metadata.read_metadata(upload(data, "a.jpg"))
    assert (meta.caption, meta.creator) == ("Berlin, Brandenburger Tor", "Jane Doe")


def test_jpeg_iptc_fields():
    data = jpeg_with_iptc(
        {
            (2, 120): b"Schulkinder in Edinburgh",
            (2, 105): b"School march",
            (2, 55): b"20170530",
            (2, 90): b"Edinburgh",
            (2, 101): b"United Kingdom",
            (2, 110): b"AP",
            (2, 80): b"John Smith",
            (2, 116): b"(c) AP",
            (2, 40): b"No sales",
            (2, 25): b"school",
        }
    )
    meta = metadata.read_metadata(upload(data, "a.jpg"))
    assert meta.caption == "Schulkinder in Edinburgh" and meta.headline == "School march"
    assert meta.date_created == "2017-05-30" and meta.city == "Edinburgh" and meta.country == "United Kingdom"
    assert (meta.credit, meta.creator, meta.copyright_notice) == ("AP", "John Smith", "(c) AP")
    assert meta.special_instructions == "No sales" and meta.keywords == ["school"]


@pytest.mark.parametrize("fmt,name", [("JPEG", "x.jpg"), ("PNG", "x.png"), ("TIFF", "x.tif"), ("WEBP", "x.webp")])
def test_xmp_fields_in_every_format(fmt, name):
    if fmt == "PNG":
        info = PngImagePlugin.PngInfo()
        info.add_itxt("XML:com.adobe.xmp", XMP)
        data = image_file(fmt, pnginfo=info)
    elif fmt == "TIFF":
        data = image_file(fmt, tiffinfo={700: XMP.encode()})
    else:
        data = image_file(fmt, xmp=XMP.encode())
    meta = metadata.read_metadata(upload(data, name))
    assert meta.caption == "Putin meets envoys in the Kremlin."
    assert (meta.city, meta.country, meta.sublocation) == ("Moskau", "Russland", "Kremlin")
    assert (meta.credit, meta.creator, meta.copyright_notice) == ("Kremlin Pool", "Alexander Kazakov", "© Sputnik")
    assert meta.supplier_image_id == "2R4X9KJ" and meta.keywords == ["Kremlin", "diplomacy"]
    assert meta.date_created == "2025-12-02" and meta.special_instructions == "Editorial use only"


def test_xmp_with_an_entity_bomb_is_ignored_not_expanded():
    bomb = '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;">]><x>&b;</x>'
    meta = metadata.read_metadata(upload(image_file("JPEG", xmp=bomb.encode()), "a.jpg"))
    assert meta.caption == "" and meta.width_px == 64


# --- refusals -----------------------------------------------------------------------------


def refusal(data: bytes, name: str) -> ValidationError:
    with pytest.raises(ValidationError) as caught:
        uploads.check_upload(upload(data, name))
    return caught.value


@override_settings(CAPTIONS_MAX_UPLOAD_BYTES=1000)
def test_oversize_file_is_refused():
    error = refusal(image_file("PNG", size=(300, 300), color=None, mode="RGB") + b"\x00" * 2000, "big.png")
    assert error.code == "file_too_large" and "the archive takes files up to 0" in error.message % error.params


def test_decompression_bomb_is_refused_before_decoding():
    # 20000 x 20000 one-bit pixels compress to a few kB: far over Pillow's own bomb limit.
    error = refusal(image_file("PNG", size=(20000, 20000), mode="1", color=0), "bomb.png")
    assert error.code == "too_many_pixels" and "120 megapixels" in error.message % error.params


@override_settings(CAPTIONS_MAX_IMAGE_PIXELS=10_000)
def test_image_over_the_pixel_limit_is_refused_with_its_size():
    error = refusal(image_file("PNG", size=(200, 100)), "wide.png")
    assert error.code == "too_many_pixels"
    assert "200 × 100 px" in error.message % error.params


def test_text_file_renamed_to_jpg_is_refused():
    error = refusal(b"this is not an image at all", "fake.jpg")
    assert error.code == "not_an_image" and "“fake.jpg” is not an image" in error.message % error.params


def test_png_named_jpg_is_refused():
    error = refusal(image_file("PNG"), "photo.jpg")
    assert error.code == "format_mismatch"
    assert "really a PNG image but its name ends in .jpg: rename it to .png" in error.message % error.params


def test_gif_is_refused():
    assert refusal(image_file("GIF"), "anim.gif").code == "unsupported_type"
    assert refusal(image_file("GIF"), "anim.png").code == "unsupported_format"


def test_damaged_jpeg_is_refused_when_decoded():
    data = image_file("JPEG", size=(400, 300))
    with pytest.raises(ValidationError) as caught:
        uploads.prepare_upload(uploads.identify_upload(upload(data[: len(data) // 2], "cut.jpg")))
    assert caught.value.code == "damaged_image"
    assert "“cut.jpg” (JPEG) could not be decoded" in caught.value.message % caught.value.params


# --- through the admin form ---------------------------------------------------------------

pytestmark_db = pytest.mark.django_db


def change_url(photo):
    return reverse("admin:captions_photo_change", args=[photo.pk])


def upload_to(client, photo, data: bytes, name: str, **changes):
    form = form_data(client.get(change_url(photo)))
    form.update(changes)
    form["image"] = SimpleUploadedFile(name, data)
    return client.post(change_url(photo), form)


@pytest.fixture
def ed_client(client, db):
    client.force_login(editor())
    return client


@pytest.mark.parametrize("fmt,name", [("JPEG", "p.jpg"), ("PNG", "p.png"), ("TIFF", "p.tiff"), ("WEBP", "p.webp")])
def test_upload_stores_file_renditions_hash_and_pixel_size(ed_client, fmt, name):
    photo = make_photo(
        width_px=None, height_px=None, dpi=None, problems=["missing_dimensions", "missing_dpi"], needs_review=True
    )
    response = upload_to(ed_client, photo, image_file(fmt, size=(1600, 1200)), name)
    assert response.status_code == 302, response.context["adminform"].form.errors
    photo.refresh_from_db()
    assert (photo.width_px, photo.height_px) == (1600, 1200)
    assert photo.problems == ["missing_dpi"]  # the file gave pixels but no dpi
    assert len(photo.content_hash) == 64 and photo.image.name.endswith(photo.content_hash + "." + name.split(".")[1])
    with Image.open(photo.thumbnail.open()) as thumb:
        assert max(thumb.size) == 240 and thumb.format == "JPEG"
    with Image.open(photo.preview.open()) as preview:
        assert preview.size == (1200, 900)
    messages = [str(m) for m in response.wsgi_request._messages]
    assert any("dpi not stated" in m for m in messages)


def test_upload_fills_empty_fields_from_xmp_and_keeps_what_the_record_has(ed_client):
    photo = make_photo(
        caption="Our own caption",
        credit="",
        dpi=None,
        date_text="",
        date_edtf="",
        date_start=None,
        date_end=None,
        date_precision="",
    )
    data = image_file("JPEG", size=(800, 600), dpi=(300, 300), xmp=XMP.encode())
    response = upload_to(ed_client, photo, data, "kremlin.jpg")
    assert response.status_code == 302, response.context["adminform"].form.errors
    photo.refresh_from_db()
    assert photo.caption == "Our own caption"  # the record had one
    assert (photo.credit, photo.creator, photo.copyright_notice) == ("Kremlin Pool", "Alexander Kazakov", "© Sputnik")
    assert photo.dpi == 300 and photo.source_id == "2R4X9KJ" and photo.keywords == "Kremlin, diplomacy"
    assert photo.restriction_text == "Editorial use only"
    assert str(photo.date_start) == "2025-12-02" and photo.date_precision == "day"
    assert (photo.place.sublocation, photo.place.city, photo.place.country_code) == ("Kremlin", "Moskau", "RU")


def test_same_file_twice_links_to_the_existing_photo(ed_client):
    first, second = make_photo(), make_photo()
    data = image_file("JPEG", size=(300, 200))
    assert upload_to(ed_client, first, data, "one.jpg").status_code == 302
    response = upload_to(ed_client, second, data, "copy-of-one.jpg")
    assert response.status_code == 200
    [error] = response.context["adminform"].form.errors.as_data()["image"]
    assert error.code == "duplicate_image"
    assert f'href="{change_url(first)}"' in response.text and "open that record instead" in response.text
    second.refresh_from_db()
    assert not second.image and Photo.objects.exclude(content_hash="").count() == 1


def test_same_file_on_the_add_form_makes_no_second_photo(ed_client):
    first = make_photo()
    data = image_file("PNG", size=(300, 200))
    upload_to(ed_client, first, data, "one.png")
    add = reverse("admin:captions_photo_add")
    form = form_data(ed_client.get(add))
    form["image"] = SimpleUploadedFile("again.png", data)
    response = ed_client.post(add, form)
    assert response.status_code == 200 and f'href="{change_url(first)}"' in response.text
    assert Photo.objects.count() == 1


@pytest.mark.parametrize(
    "data,name,code",
    [
        (b"GIF89a not really", "fake.jpg", "not_an_image"),
        (None, "photo.jpg", "format_mismatch"),
    ],
)
def test_refusals_appear_beside_the_image_field(ed_client, data, name, code):
    photo = make_photo()
    response = upload_to(ed_client, photo, data or image_file("PNG"), name)
    assert response.status_code == 200
    assert [e.code for e in response.context["adminform"].form.errors.as_data()["image"]] == [code]
    photo.refresh_from_db()
    assert not photo.image


@override_settings(CAPTIONS_MAX_UPLOAD_BYTES=2000)
def test_oversize_upload_is_refused_on_the_form(ed_client):
    photo = make_photo()
    response = upload_to(ed_client, photo, image_file("PNG", size=(200, 200)) + b"\0" * 3000, "big.png")
    assert "the archive takes files up to" in response.text


def test_upload_is_in_history(ed_client):
    photo = make_photo()
    upload_to(ed_client, photo, image_file("JPEG"), "h.jpg")
    page = ed_client.get(reverse("admin:captions_photo_history", args=[photo.pk])).text
    assert "Image file:" in page and "photos/" in page


def test_clearing_the_image_forgets_hash_and_renditions(ed_client):
    photo = make_photo()
    upload_to(ed_client, photo, image_file("JPEG"), "c.jpg")
    form = form_data(ed_client.get(change_url(photo)))
    form["image-clear"] = "on"
    assert ed_client.post(change_url(photo), form).status_code == 302
    photo.refresh_from_db()
    assert not photo.image and not photo.thumbnail and photo.content_hash == ""


def test_tiff_exif_and_iptc_fields():
    records = {(2, 120): b"Feuerwehrleute in Hamburg", (2, 110): b"dpa", (2, 90): b"Hamburg"}
    iim = b"".join(b"\x1c" + bytes(k) + struct.pack(">H", len(v)) + v for k, v in records.items())
    iim += b"\x00" * (-len(iim) % 4)  # stored as LONGs
    data = image_file("TIFF", tiffinfo={270: "Exif description", 315: "Anna Fotografin", 33723: iim})
    meta = metadata.read_metadata(upload(data, "f.tif"))
    assert meta.caption == "Feuerwehrleute in Hamburg"  # IPTC wins over EXIF
    assert (meta.creator, meta.credit, meta.city) == ("Anna Fotografin", "dpa", "Hamburg")


def test_png_exif_chunk():
    data = image_file("PNG", exif=exif_with(description="PNG with eXIf", resolution=300, unit=2).tobytes())
    meta = metadata.read_metadata(upload(data, "e.png"))
    assert meta.caption == "PNG with eXIf" and meta.dpi == 300


def test_webp_without_metadata():
    meta = metadata.read_metadata(upload(image_file("WEBP"), "w.webp"))
    assert (meta.dpi, meta.caption, meta.keywords) == (None, "", [])
