"""Image files are served to people who may see the photo, and embargoed images to editors only."""

import datetime as dt
import io

import pytest
from django.core.files.base import ContentFile
from django.utils import timezone
from PIL import Image

from tests.builders import editor, make_photo, make_user, researcher

pytestmark = pytest.mark.django_db
HASH = "ab" + "0" * 62


def jpeg() -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (60, 40), "navy").save(out, "JPEG")
    return out.getvalue()


@pytest.fixture
def photo():
    photo = make_photo(content_hash=HASH)
    photo.image.save(f"{HASH}.jpg", ContentFile(jpeg()), save=False)
    photo.thumbnail.save(f"{HASH}-thumb.jpg", ContentFile(jpeg()), save=False)
    photo.save()
    return photo


def test_researcher_gets_the_thumbnail(client, photo):
    client.force_login(researcher())
    response = client.get(photo.thumbnail.url)
    assert response.status_code == 200
    assert response["Content-Type"] == "image/jpeg"
    assert b"".join(response.streaming_content).startswith(b"\xff\xd8")
    assert response["Cache-Control"] == "private, max-age=3600"


def test_anonymous_visitor_is_sent_to_sign_in(client, photo):
    response = client.get(photo.image.url)
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


def test_user_without_a_role_gets_nothing(client, photo):
    client.force_login(make_user("nobody"))
    assert client.get(photo.image.url).status_code == 404


def test_embargoed_image_only_for_editors(client, photo):
    photo.embargo_until = timezone.now() + dt.timedelta(days=2)
    photo.save()
    client.force_login(researcher())
    assert client.get(photo.thumbnail.url).status_code == 404
    client.force_login(editor())
    assert client.get(photo.thumbnail.url).status_code == 200


@pytest.mark.parametrize(
    "path",
    [
        "/media/../archive/settings.py",
        "/media/photos/ab/" + HASH + ".py",
        "/media/renditions/zz/" + HASH + "-thumb.jpg",  # right hash, wrong folder
        "/media/photos/ab/" + "f" * 64 + ".jpg",  # no such photo
        "/media/var/db.sqlite3",
    ],
)
def test_only_a_photos_own_files_are_served(client, photo, path):
    client.force_login(researcher())
    assert client.get(path).status_code == 404
