"""A record with no text at all (most camera files carry no caption) works on every page, and an
image without any metadata uploads through the admin's add form."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import override_settings
from django.urls import reverse

from captions.models import Photo
from tests.admin_forms import form_data, image_file
from tests.builders import editor, make_photo, make_user

pytestmark = pytest.mark.django_db


def test_str_of_a_photo_without_text_is_a_real_str():
    photo = make_photo(caption="", headline="")
    assert type(str(photo)) is str and str(photo) == "Untitled photo"
    assert type(Photo().__str__()) is str


@override_settings(DEBUG=False)
@pytest.mark.parametrize("fmt,name", [("JPEG", "DSC_0001.JPG"), ("PNG", "scan.png"), ("WEBP", "phone.webp")])
def test_a_file_without_metadata_uploads_and_every_page_of_its_record_works(client, fmt, name):
    client.force_login(editor())
    client.raise_request_exception = False  # a server error must show as a 500 here, not as an exception
    add = reverse("admin:captions_photo_add")
    form = form_data(client.get(add))
    form.update(caption="", headline="", date_text="")
    form["image"] = SimpleUploadedFile(name, image_file(fmt, size=(80, 40)))
    response = client.post(add, form)
    assert response.status_code == 302, response.context["adminform"].form.errors
    photo = Photo.objects.get()
    assert (photo.caption, photo.headline, photo.width_px, photo.height_px) == ("", "", 80, 40)
    pages = [
        reverse("admin:captions_photo_changelist"),
        reverse("admin:captions_photo_change", args=[photo.pk]),
        reverse("admin:captions_photo_history", args=[photo.pk]),
        reverse("admin:captions_photo_delete", args=[photo.pk]),
        reverse("admin:captions_photo_changelist") + "?q=Untitled",
        reverse("photo_detail", args=[photo.pk]),
        reverse("browse"),
        reverse("photo_spec_pdf", args=[photo.pk]),
        reverse("api_photo_item", args=[photo.pk]),
        reverse("api_photo_list"),
        reverse("export_specs_csv"),
        reverse("export_specs_json"),
        "/" + photo.thumbnail.url.lstrip("/"),
    ]
    client.force_login(make_user("chief", superuser=True))  # every permission: every page answers 200
    for url in pages:
        response = client.get(url)
        assert response.status_code == 200, (url, response.status_code)
    history = photo.history.all()
    assert [str(h) for h in history]  # simple-history's own __str__ goes through Photo.__str__
    delete = client.post(reverse("admin:captions_photo_delete", args=[photo.pk]), {"post": "yes"})
    assert delete.status_code == 302 and not Photo.objects.exists()
