"""Hostile uploads through the editor's form, as a browser would send them: polyglots, decompression
bombs, wrong extensions, SVG and HTML disguised as images, path traversal in the file name.

What must hold: anything that is not a JPEG, PNG, TIFF or WebP whose name says what it is gets
a message beside the image field and nothing is stored; a real image that carries something
else (a polyglot) is stored only under its content hash with its format's extension, served as
that image type with `nosniff` and the content security policy, and its renditions are fresh
JPEGs without the payload; the name a client sends never chooses where a file goes.
"""

import re
import struct
from pathlib import Path

import pytest
from django.conf import settings
from django.test.client import BOUNDARY, MULTIPART_CONTENT, encode_multipart
from django.urls import reverse

from captions.models import Photo
from tests.admin_forms import form_data, image_file
from tests.builders import editor, make_photo, researcher

pytestmark = pytest.mark.django_db

SCRIPT = b"<html><body><script>alert(document.cookie)</script></body></html>"
SVG = b'<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><script>alert(2)</script></svg>'
# Content-addressed; storage adds "_<7 characters>" when a file of that name is left from a
# deleted photo (as the media view expects).
STORED_NAME = re.compile(r"^photos/[0-9a-f]{2}/[0-9a-f]{64}(_[A-Za-z0-9]{7})?\.(jpg|jpeg|jpe|png|tif|tiff|webp)$")


def change_url(photo):
    return reverse("admin:captions_photo_change", args=[photo.pk])


def post_upload(client, photo, data: bytes, filename: str):
    """Post the change form with a file part whose filename is sent exactly as given (the
    test client would reduce it to its last path segment; a hostile client does not)."""
    fields = form_data(client.get(change_url(photo)))
    body = encode_multipart(BOUNDARY, fields).removesuffix(f"--{BOUNDARY}--\r\n".encode())
    quoted = filename.replace("\\", "\\\\").replace('"', '\\"')
    body += (
        f'--{BOUNDARY}\r\nContent-Disposition: form-data; name="image"; filename="{quoted}"\r\n'
        f"Content-Type: image/jpeg\r\n\r\n"
    ).encode()
    body += data + f"\r\n--{BOUNDARY}--\r\n".encode()
    return client.generic("POST", change_url(photo), body, content_type=MULTIPART_CONTENT)


@pytest.fixture
def ed_client(client):
    client.force_login(editor())
    return client


def refused_with(response, photo) -> list[str]:
    assert response.status_code == 200, "the form comes back with the reason"
    photo.refresh_from_db()
    assert not photo.image and not photo.content_hash, "nothing was stored"
    return [error.code for error in response.context["adminform"].form.errors.as_data()["image"]]


def jpeg_declaring(width: int, height: int) -> bytes:
    """A small JPEG whose frame header claims `width` x `height` (a decompression bomb's shape)."""
    data = bytearray(image_file("JPEG", size=(16, 16)))
    at = data.index(b"\xff\xc0")  # SOF0: marker, length, precision, height, width
    data[at + 5 : at + 9] = struct.pack(">HH", height, width)
    return bytes(data)


@pytest.mark.parametrize(
    "data, filename, code",
    [
        (SVG, "logo.svg", "unsupported_type"),
        (SVG, "logo.png", "not_an_image"),
        (SVG, "logo.jpg", "not_an_image"),
        (SCRIPT, "page.jpg", "not_an_image"),
        (SCRIPT, "page.html", "unsupported_type"),
        (b"GIF89a/*" + b"\x00" * 20 + b"*/=alert(1);", "polyglot.jpg", "not_an_image"),
        (image_file("GIF"), "anim.jpg", "unsupported_format"),
        (image_file("JPEG"), "photo.png", "format_mismatch"),
        (image_file("JPEG"), "photo.tiff", "format_mismatch"),
        (image_file("PNG"), "photo.jpg", "format_mismatch"),
        (image_file("TIFF"), "photo.jpg", "format_mismatch"),
        (image_file("WEBP"), "photo.png", "format_mismatch"),
        (image_file("JPEG"), "photo.jpg.html", "unsupported_type"),
        (image_file("JPEG"), "photo.php", "unsupported_type"),
        (image_file("PNG", size=(20000, 20000), mode="1", color=0), "bomb.png", "too_many_pixels"),
        (jpeg_declaring(60000, 60000), "bomb.jpg", "too_many_pixels"),
        (image_file("JPEG")[:40], "cut.jpg", "not_an_image"),
    ],
    ids=[
        "svg",
        "svg-as-png",
        "svg-as-jpg",
        "html-as-jpg",
        "html",
        "gif-js-polyglot",
        "gif-as-jpg",
        "jpeg-as-png",
        "jpeg-as-tiff",
        "png-as-jpg",
        "tiff-as-jpg",
        "webp-as-png",
        "double-extension",
        "php",
        "png-bomb",
        "jpeg-bomb",
        "cut-short",
    ],
)
def test_what_is_not_the_image_its_name_says_is_refused_beside_the_field(ed_client, data, filename, code):
    photo = make_photo()
    assert refused_with(post_upload(ed_client, photo, data, filename), photo) == [code]


def test_an_empty_file_is_refused(ed_client):
    photo = make_photo()
    assert refused_with(post_upload(ed_client, photo, b"", "empty.jpg"), photo)


@pytest.mark.parametrize(
    "filename",
    [
        "../../../../etc/cron.d/evil.jpg",
        "..\\..\\..\\windows\\evil.jpg",
        "/var/www/static/evil.jpg",
        "photos/00/" + "0" * 64 + ".jpg",
        "evil.php.jpg",
        ".htaccess.jpg",
        "x" * 400 + ".jpg",
        "ｅｖｉｌ\u202egpj.jpg",
    ],
    ids=["unix-traversal", "windows-traversal", "absolute", "colliding-name", "php", "dotfile", "long", "unicode"],
)
def test_the_name_a_client_sends_never_chooses_where_the_file_goes(ed_client, filename):
    photo = make_photo()
    response = post_upload(ed_client, photo, image_file("JPEG", size=(64, 48)), filename)
    assert response.status_code == 302, response.context and response.context["adminform"].form.errors
    photo.refresh_from_db()
    assert STORED_NAME.match(photo.image.name), photo.image.name
    assert photo.image.name.startswith(f"photos/{photo.content_hash[:2]}/{photo.content_hash}")
    assert photo.image.name.endswith(".jpg")
    stored = Path(settings.MEDIA_ROOT, photo.image.name).resolve()
    assert stored.is_file() and stored.is_relative_to(Path(settings.MEDIA_ROOT).resolve())


def test_a_polyglot_is_stored_and_served_only_as_the_image_it_also_is(ed_client, client):
    """A valid JPEG with an HTML document after its end marker is a JPEG: kept (the pixels are
    real) but never served as anything a browser would run."""
    photo = make_photo()
    polyglot = image_file("JPEG", size=(320, 200)) + SCRIPT
    assert post_upload(ed_client, photo, polyglot, "holiday.jpg").status_code == 302
    photo.refresh_from_db()
    assert STORED_NAME.match(photo.image.name)
    for name in (photo.thumbnail.name, photo.preview.name):
        with photo.thumbnail.storage.open(name, "rb") as handle:
            rendition = handle.read()
        assert rendition.startswith(b"\xff\xd8") and b"<script" not in rendition  # re-encoded by Pillow
    client.force_login(researcher())
    response = client.get(photo.image.url)
    assert response.status_code == 200
    assert response["Content-Type"] == "image/jpeg" and response["X-Content-Type-Options"] == "nosniff"
    assert "script-src 'self'" in response["Content-Security-Policy"]


def test_markup_in_embedded_metadata_is_shown_as_text(ed_client, client):
    """A caption smuggled in as XMP reaches the record as text and every page escapes it."""
    xmp = (
        '<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">'
        '<rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:description><rdf:Alt>'
        '<rdf:li xml:lang="x-default">&lt;img src=x onerror=alert(1)&gt;Harbour</rdf:li></rdf:Alt></dc:description>'
        "</rdf:Description></rdf:RDF></x:xmpmeta>"
    )
    photo = make_photo(caption="")
    data = image_file("JPEG", size=(64, 48), xmp=xmp.encode())
    assert post_upload(ed_client, photo, data, "meta.jpg").status_code == 302
    photo.refresh_from_db()
    assert photo.caption == "<img src=x onerror=alert(1)>Harbour"
    client.force_login(researcher())
    page = client.get(photo.get_absolute_url()).content.decode()
    assert "&lt;img src=x onerror=alert(1)&gt;Harbour" in page and "<img src=x" not in page
    assert Photo.objects.filter(caption__contains="<img").count() == 1
