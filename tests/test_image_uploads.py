"""Real-world uploads through the admin: every format, orientation, the place of a file whose
country is unknown, what the editor is told, refusals that say what the file is, and no file
left behind when the save fails after the files were stored."""

import io
import os

import pytest
from django.conf import settings
from django.contrib.admin.sites import site
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction
from django.urls import reverse
from PIL import Image, TiffImagePlugin

from captions.images import files, uploads
from captions.models import Photo
from captions.services import images as image_services
from tests.admin_forms import form_data
from tests.builders import editor, make_photo
from tests.image_files import needs_exiftool, pixels, with_tags
from tests.test_metadata import EVERY_FIELD, exif_bytes

pytestmark = pytest.mark.django_db


@pytest.fixture
def ed_client(client):
    client.force_login(editor())
    return client


def add_with_image(client, data: bytes, name: str, **fields):
    add = reverse("admin:captions_photo_add")
    form = form_data(client.get(add))
    form.update(caption="", headline="", date_text="", **fields)
    form["image"] = SimpleUploadedFile(name, data)
    return client.post(add, form)


def messages_of(response) -> list[str]:
    return [str(m) for m in response.wsgi_request._messages]


def stored_names(data: bytes, ext: str) -> list[str]:
    digest = files.content_hash(data)
    return [
        f"photos/{digest[:2]}/{digest}.{ext}",
        f"renditions/{digest[:2]}/{digest}-thumb.jpg",
        f"renditions/{digest[:2]}/{digest}-preview.jpg",
    ]


@needs_exiftool
def test_the_iptc_reference_image_fills_every_field_and_keeps_the_place_of_an_unknown_country(ed_client):
    data = with_tags(pixels("JPEG", size=(200, 100)), "jpg", *EVERY_FIELD)
    response = add_with_image(ed_client, data, "IPTC-PhotometadataRef-Std2021.1.jpg")
    assert response.status_code == 302, response.context["adminform"].form.errors
    photo = Photo.objects.get()
    assert photo.caption == "The Headline (ref2021.1) caption with ümlauts"
    assert (photo.title, photo.job_id, photo.caption_writer) == (
        "The Title (ref2021.1)",
        "Job Id (ref2021.1)",
        "Description Writer (ref2021.1)",
    )
    assert photo.creator == "Creator1 (ref2021.1); Creator2 (ref2021.1)"
    assert (photo.supplier, photo.source_id) == (
        "Image Supplier Name (ref2021.1)",
        "Image Supplier Image ID (ref2021.1)",
    )
    assert (photo.place.sublocation, photo.place.city, photo.place.region, photo.place.country_code) == (
        "Sublocation (Core) (ref2021.1)",
        "City (Core) (ref2021.1)",
        "Province/State (Core) (ref2021.1)",
        "",
    )
    assert photo.place_text.endswith("Country (Core) (ref2021.1)")
    assert "unknown_country" in photo.problems and photo.needs_review
    notes = " ".join(messages_of(response))
    assert "Filled in from the file's metadata: caption (XMP)" in notes and "job id (XMP)" in notes
    assert "is not one the archive recognizes" in notes


@needs_exiftool
def test_the_note_lists_what_was_set_aside(ed_client):
    photo = make_photo(caption="Our own caption", credit="")
    data = with_tags(
        pixels("JPEG"), "jpg", "-XMP-dc:Description=File caption", "-IPTC:Credit=Cr IIM", "-XMP-photoshop:Credit=Cr XMP"
    )
    url = reverse("admin:captions_photo_change", args=[photo.pk])
    form = form_data(ed_client.get(url))
    form["image"] = SimpleUploadedFile("a.jpg", data)
    response = ed_client.post(url, form)
    notes = " ".join(messages_of(response))
    assert "credit line (XMP)" in notes
    assert "Set aside from the file (not used): caption: “File caption” (the record had its own)" in notes
    assert "credit line: “Cr IIM” (IIM)" in notes


@needs_exiftool
def test_a_value_longer_than_its_field_is_cut_and_the_editor_is_told(ed_client):
    # XMP values have no length limit: a caption writer that cites its source ran to 143
    # characters in a real file and was cut to the field's 100 without a word.
    writer = "Allan Kohl based on: " + "Davis, Mary E.; Classic Chic: Music, Fashion, and Modernism. " * 2
    credit = "Agency " * 50  # 350 characters, the credit line holds 300
    data = with_tags(
        pixels("JPEG"), "jpg", f"-XMP-photoshop:CaptionWriter={writer}", f"-XMP-photoshop:Credit={credit.strip()}"
    )
    response = add_with_image(ed_client, data, "long.jpg")
    assert response.status_code == 302, response.context["adminform"].form.errors
    photo = Photo.objects.get()
    assert photo.caption_writer == writer.strip()[:100] and photo.credit == credit.strip()[:300]
    notes = " ".join(messages_of(response))
    assert f"The file's caption writer is {len(writer.strip())} characters long; the archive keeps 100" in notes
    assert f"The file's credit line is {len(credit.strip())} characters long; the archive keeps 300" in notes
    short = with_tags(pixels("JPEG", size=(60, 40)), "jpg", "-XMP-photoshop:CaptionWriter=A. Kohl")
    assert "characters long" not in " ".join(messages_of(add_with_image(ed_client, short, "short.jpg")))


@needs_exiftool
def test_a_portrait_phone_shot_is_stored_as_portrait(ed_client):
    data = with_tags(pixels("JPEG", size=(80, 40)), "jpg", "-Orientation#=6")
    assert add_with_image(ed_client, data, "IMG_0001.JPG").status_code == 302
    photo = Photo.objects.get()
    assert (photo.width_px, photo.height_px, photo.orientation) == (40, 80, "portrait")
    with Image.open(photo.preview.open()) as preview:
        assert preview.size == (40, 80) and preview.getpixel((35, 5))[2] < 100  # goldenrod corner turned right


@pytest.mark.parametrize(
    "fmt,name,size,kwargs",
    [
        ("AVIF", "a.avif", (80, 40), {"exif": None}),
        ("AVIF", "turned.avif", (40, 80), {"exif": 6}),
        ("TIFF", "t.tif", (80, 40), {}),
        ("WEBP", "w.webp", (80, 40), {}),
    ],
)
def test_avif_tiff_webp_upload(ed_client, fmt, name, size, kwargs):
    save_args = {}
    if kwargs.get("exif"):
        save_args["exif"] = exif_bytes(orientation=kwargs["exif"])
    response = add_with_image(ed_client, pixels(fmt, size=(80, 40), **save_args), name)
    assert response.status_code == 302, response.context["adminform"].form.errors
    photo = Photo.objects.get()
    assert (photo.width_px, photo.height_px) == size
    with Image.open(photo.preview.open()) as preview:
        assert preview.size == size


def test_heic_upload(ed_client):
    from pillow_heif import from_pillow

    out = io.BytesIO()
    from_pillow(Image.open(io.BytesIO(pixels("PNG", size=(128, 64))))).save(out, format="HEIF")
    response = add_with_image(ed_client, out.getvalue(), "IMG_1034.HEIC")
    assert response.status_code == 302, response.context["adminform"].form.errors
    photo = Photo.objects.get()
    assert (photo.width_px, photo.height_px) == (128, 64) and photo.image.name.endswith(".heic")


@needs_exiftool
def test_raw_upload_takes_pixels_and_renditions_from_its_preview(ed_client, tmp_path):
    preview = tmp_path / "preview.jpg"
    preview.write_bytes(pixels("JPEG", size=(160, 120)))
    data = with_tags(pixels("JPEG", size=(64, 48)), "jpg", f"-ThumbnailImage<={preview}", "-EXIF:Artist=Raw Shooter")
    response = add_with_image(ed_client, data, "DSC_0001.NEF")
    assert response.status_code == 302, response.context["adminform"].form.errors
    photo = Photo.objects.get()
    assert (photo.width_px, photo.height_px, photo.creator) == (160, 120, "Raw Shooter")
    assert photo.image.name.endswith(".nef")
    assert any(
        "Nikon NEF raw file: pixel size and renditions come from its embedded preview" in m
        for m in messages_of(response)
    )


def test_a_dng_with_a_jpeg_compressed_tiff_preview_is_stored_through_it(ed_client):
    """Adobe's DNG converter and Camera Raw keep the previews as JPEG-compressed TIFF directories
    (PhotoPrism's canon_eos_6d.dng): refused as 'no embedded JPEG preview' until 2026-11-30."""
    info = TiffImagePlugin.ImageFileDirectory_v2()
    info[254] = 1  # NewSubfileType: a reduced-resolution image
    data = pixels("TIFF", size=(320, 240), compression="jpeg", tiffinfo=info, strip_size=1 << 20)
    response = add_with_image(ed_client, data, "IMG_0001.dng")
    assert response.status_code == 302, response.context["adminform"].form.errors
    photo = Photo.objects.get()
    assert (photo.width_px, photo.height_px) == (320, 240) and photo.image.name.endswith(".dng")


def _primary_item_missing(data: bytes) -> bytes:
    damaged = bytearray(data)
    damaged[damaged.index(b"pitm") + 9] ^= 0x7F  # the primary item points at no item
    return bytes(damaged)


def _declaring(data: bytes, width: int, height: int) -> bytes:
    at = data.index(b"ispe") + 8  # after the box's version and flags
    return data[:at] + width.to_bytes(4, "big") + height.to_bytes(4, "big") + data[at + 8 :]


def _with_precision(data: bytes, bits: int) -> bytes:
    at = data.index(b"\xff\xc0") + 4  # the baseline frame header's sample precision
    return data[:at] + bytes([bits]) + data[at + 1 :]


@pytest.mark.parametrize(
    "data,name,code,words",
    [
        (
            b"%PDF-1.7 a contract",
            "contract.jpg",
            "not_an_image",
            "“contract.jpg” is not an image the archive can read: it is a PDF document",
        ),
        (pixels("GIF"), "anim.gif", "unsupported_type", "“anim.gif” is a GIF image; the archive takes JPEG, PNG, TIFF"),
        (pixels("BMP"), "scan.bmp", "unsupported_type", "“scan.bmp” is a BMP image"),
        (
            pixels("TIFF"),
            "IMG_0001.dng",
            "raw_without_preview",
            "“IMG_0001.dng” is a camera raw file (Adobe DNG), but it carries no embedded JPEG preview",
        ),
        (b"", "empty.png", "empty", "The submitted file is empty"),
        (b"Caption: a dog\n", "caption.heic", "not_an_image", "it is a text file"),
        (  # the compact HEIF form ('mif3', its kind in the minor version): not read by libheif here
            b"\x00\x00\x00\x10ftypmif3avif\x00\x00\x18\x96mini\x08\xf8\x80\xff\x01\xfe\x80\x05" + bytes(40),
            "tile.avif",
            "not_an_image",
            "it is a HEIF/AVIF image of a kind the archive does not read",
        ),
        (  # a HEIF cut off after its file-type box
            b"\x00\x00\x00\x18ftypheic\x00\x00\x00\x00mif1heic" + bytes(8),
            "IMG_0002.heic",
            "not_an_image",
            "it is a HEIF/AVIF image that is damaged or cut off",
        ),
        (  # an AVIF libavif refuses outright (a RuntimeError from Pillow: was a server error)
            _primary_item_missing(pixels("AVIF")),
            "gainmap.avif",
            "not_an_image",
            "it is a HEIF/AVIF image that is damaged or cut off",
        ),
        (  # an AVIF declaring 17000 x 17000 pixels (libvips' test file), which libavif will not open
            _declaring(pixels("AVIF"), 17000, 17000),
            "17000x17000.avif",
            "too_many_pixels",
            "This image is 17000 × 17000 px (289 megapixels)",
        ),
        (  # a 16-bit JPEG (TwelveMonkeys' lossless 16_ls.jpg), which Pillow does not read: not "damaged"
            _with_precision(pixels("JPEG"), 16),
            "16_ls.jpg",
            "not_an_image",
            "it is a JPEG of 12 or 16 bits per sample, which the archive does not read",
        ),
        (  # an MP4 clip named as a photo
            b"\x00\x00\x00\x18ftypisom\x00\x00\x02\x00isomiso2" + bytes(40),
            "clip.jpg",
            "not_an_image",
            "it is a video (MP4/QuickTime)",
        ),
    ],
)
def test_a_refused_file_says_what_it_is_and_why(ed_client, data, name, code, words):
    response = add_with_image(ed_client, data, name)
    assert response.status_code == 200
    [error] = response.context["adminform"].form.errors.as_data()["image"]
    assert error.code == code and words in (error.message % error.params if error.params else error.message)
    assert not Photo.objects.exists()


def test_a_failed_save_after_the_files_were_stored_leaves_no_file(ed_client, monkeypatch):
    data = pixels("PNG", size=(90, 60), color="olive")
    admin = site._registry[Photo]

    def fail(*args, **kwargs):
        raise RuntimeError("the disk with the admin log is full")

    monkeypatch.setattr(type(admin), "log_addition", fail)  # runs after save_model stored the files
    ed_client.raise_request_exception = True
    with pytest.raises(RuntimeError):
        add_with_image(ed_client, data, "fails.png")
    assert not Photo.objects.exists()
    for name in stored_names(data, "png"):
        assert not default_storage.exists(name), name


def test_the_service_removes_its_files_when_the_transaction_fails():
    data = pixels("JPEG", size=(70, 50), color="navy")
    prepared = uploads.prepare_upload(uploads.identify_upload(SimpleUploadedFile("x.jpg", data)))
    photo = Photo()
    with pytest.raises(ZeroDivisionError), image_services.files_kept_only_on_success(), transaction.atomic():
        image_services.attach_image(photo=photo, prepared=prepared)
        assert all(default_storage.exists(name) for name in stored_names(data, "jpg"))
        photo.save()
        1 / 0  # noqa: B018  any failure after the files were stored
    assert not any(default_storage.exists(name) for name in stored_names(data, "jpg"))
    assert not Photo.objects.filter(content_hash=prepared.content_hash).exists()


def test_a_file_that_was_already_stored_is_not_removed_by_a_failed_save():
    data = pixels("JPEG", size=(70, 50), color="teal")
    names = stored_names(data, "jpg")
    default_storage.save(names[0], io.BytesIO(data))  # left by a deleted photo: history records name it
    prepared = uploads.prepare_upload(uploads.identify_upload(SimpleUploadedFile("x.jpg", data)))
    with pytest.raises(ZeroDivisionError), image_services.files_kept_only_on_success():
        image_services.attach_image(photo=Photo(), prepared=prepared)
        1 / 0  # noqa: B018
    assert default_storage.exists(names[0]) and not default_storage.exists(names[1])
    assert os.path.isdir(settings.MEDIA_ROOT)


def test_a_heif_or_avif_declares_its_size_before_anything_is_decoded():
    assert files.declared_size(pixels("AVIF")) == (64, 48)
    assert files.declared_size(pixels("JPEG")) is None and files.declared_size(b"") is None
    assert files.declared_size(b"\x00\x00\x00\x18ftypheic\x00\x00\x00\x00mif1heic" + bytes(8)) is None
