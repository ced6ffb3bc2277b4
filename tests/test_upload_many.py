"""The admin's many-files page: each file in its own request (JSON for its row), or all at once
without script; stored -> link to the new record, duplicate -> link to the existing one,
refused -> the reason. Editors only."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from captions.models import Photo
from tests.builders import editor, researcher
from tests.image_files import pixels

pytestmark = pytest.mark.django_db

ONE = "admin:captions_photo_upload_one"
MANY = "admin:captions_photo_upload"


@pytest.fixture
def ed_client(client):
    client.force_login(editor())
    return client


def send(client, data: bytes, name: str):
    return client.post(reverse(ONE), {"file": SimpleUploadedFile(name, data)}).json()


def test_one_file_per_request_stored_duplicate_refused(ed_client):
    data = pixels("JPEG", size=(120, 80))
    stored = send(ed_client, data, "first.jpg")
    photo = Photo.objects.get()
    assert stored["status"] == "stored" and stored["state"] == "stored" and stored["photo"] == photo.pk
    assert stored["url"] == reverse("admin:captions_photo_change", args=[photo.pk])
    assert f"Stored as photo #{photo.pk}" in stored["message"] and "No resolution (dpi) stated" in stored["message"]
    again = send(ed_client, data, "same-again.jpg")
    assert again["status"] == "duplicate" and again["url"] == stored["url"]
    assert f"Already in the archive as photo #{photo.pk}" in again["message"]
    refused = send(ed_client, b"%PDF-1.4", "invoice.png")
    assert refused["status"] == "refused" and "it is a PDF document" in refused["message"] and "url" not in refused
    assert Photo.objects.count() == 1


def test_the_page_without_script_sends_all_files_at_once(ed_client):
    page = ed_client.get(reverse(MANY))
    assert page.status_code == 200 and 'src="/static/js/upload.js"' in page.text and "<script>" not in page.text
    assert "multiple" in page.text and f'data-one-url="{reverse(ONE)}"' in page.text
    files = [
        SimpleUploadedFile("a.png", pixels("PNG", size=(30, 20), color="red")),
        SimpleUploadedFile("b.webp", pixels("WEBP", size=(30, 20), color="blue")),
        SimpleUploadedFile("notes.txt", b"just text"),
    ]
    response = ed_client.post(reverse(MANY), {"files": files})
    assert response.status_code == 200
    statuses = [r["status"] for r in response.context["results"]]
    assert statuses == ["stored", "stored", "refused"] and Photo.objects.count() == 2
    assert "“notes.txt” is a text file" in response.text


def test_researchers_may_not_upload(client):
    client.force_login(researcher())
    assert client.get(reverse(MANY)).status_code in (302, 403)
    response = client.post(reverse(ONE), {"file": SimpleUploadedFile("a.jpg", pixels("JPEG"))})
    assert response.status_code in (302, 403) and not Photo.objects.exists()


def test_the_change_list_links_to_the_page(ed_client):
    assert reverse(MANY) in ed_client.get(reverse("admin:captions_photo_changelist")).text
