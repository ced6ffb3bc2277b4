"""`lightbox=<id>` is a filter everywhere: browse, the API, the CSV/JSON/PDF exports and
`export_specs`; in the lightbox's order, each photo once, only a lightbox the user may open, and
embargoed photos kept in the lightbox but left out of exports by the embargo rules."""

import datetime as dt
import io
import json

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone, translation
from pypdf import PdfReader

from captions.models import Photo
from captions.selectors.filters import EVERY_LIGHTBOX, PhotoFilterSet
from captions.services import lightboxes as services
from tests.builders import make_photo, production, researcher
from tests.export_helpers import body_text, csv_records

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def english():
    """Messages read outside a request come in the active language; a request before may have left German."""
    with translation.override("en"):
        yield


@pytest.fixture
def story():
    """A researcher's lightbox of three photos in a chosen order (not the order they were added
    to the archive), shared with one production colleague; one more photo outside it."""
    owner = researcher("owner")
    first, second, third = (make_photo(caption=f"Kremlin {n}") for n in ("one", "two", "three"))
    make_photo(caption="Kremlin outside")
    lightbox = services.create_lightbox(owner=owner, name="Kremlin talks")
    services.add_photos(lightbox=lightbox, photo_ids=[third.pk, first.pk, second.pk])
    shop = production("shop")
    services.share(lightbox=lightbox, user=shop)
    return lightbox, [third.pk, first.pk, second.pk], owner, shop


def ids(filterset):
    return list(filterset.qs.values_list("pk", flat=True))


def test_the_filter_selects_the_lightboxs_photos_in_its_order_each_once(story):
    lightbox, order, owner, _shop = story
    other = services.create_lightbox(owner=owner, name="Other")
    services.add_photos(lightbox=other, photo_ids=order)  # the same photos in a second lightbox
    filterset = PhotoFilterSet({"lightbox": str(lightbox.pk)}, queryset=Photo.objects.all(), viewer=owner)
    assert ids(filterset) == order
    combined = PhotoFilterSet(
        {"lightbox": str(lightbox.pk), "q": "Kremlin", "sort": "added"}, queryset=Photo.objects.all(), viewer=owner
    )
    assert ids(combined) == sorted(order)  # another order asked for wins


def test_a_lightbox_the_user_may_not_open_is_a_field_error_and_selects_nothing(story):
    lightbox, _order, _owner, _shop = story
    filterset = PhotoFilterSet({"lightbox": str(lightbox.pk)}, queryset=Photo.objects.all(), viewer=researcher("x"))
    assert not filterset.is_valid()
    assert "no lightbox" in filterset.form.errors["lightbox"][0]
    assert ids(filterset) == []
    no_viewer = PhotoFilterSet({"lightbox": str(lightbox.pk)}, queryset=Photo.objects.all())
    assert not no_viewer.is_valid()  # a view that forgot to say who asks gets nothing


def test_lightbox_order_without_a_lightbox_is_a_clear_error(story):
    filterset = PhotoFilterSet({"sort": "lightbox"}, queryset=Photo.objects.all(), viewer=story[2])
    assert not filterset.is_valid() and "needs a lightbox" in filterset.form.errors["sort"][0]


def test_browse_shows_the_lightbox_as_a_filter_in_its_order(client, story):
    lightbox, order, _owner, shop = story
    client.force_login(shop)
    page = client.get(reverse("browse"), {"lightbox": lightbox.pk})
    assert page.status_code == 200
    assert [photo.pk for photo in page.context["page"]] == order
    assert 'name="lightbox"' in page.text  # the field keeps the lightbox when other filters change
    client.force_login(researcher("stranger"))
    refused = client.get(reverse("browse"), {"lightbox": lightbox.pk})
    assert refused.status_code == 200 and not refused.context["valid"]
    assert "There is no lightbox" in refused.text and "Kremlin one" not in refused.text


def test_the_api_takes_the_lightbox(client, story):
    lightbox, order, _owner, shop = story
    client.force_login(shop)
    data = client.get(reverse("api_photo_list"), {"lightbox": lightbox.pk}).json()
    assert [row["id"] for row in data["photos"]] == order
    assert data["meta"]["filters"] == {"lightbox": str(lightbox.pk)}
    client.force_login(researcher("stranger"))
    refused = client.get(reverse("api_photo_list"), {"lightbox": lightbox.pk})
    assert refused.status_code == 400 and "lightbox" in refused.json()["errors"]


def test_csv_json_and_pdf_exports_take_the_lightbox_and_leave_embargoed_photos_out(client, story):
    lightbox, order, _owner, shop = story
    held = make_photo(caption="Kremlin held back", embargo_until=timezone.now() + dt.timedelta(days=3))
    services.add_photos(lightbox=lightbox, photo_ids=[held.pk])  # stays in the lightbox ...
    client.force_login(shop)
    response = client.get(reverse("export_specs_csv"), {"lightbox": lightbox.pk})
    assert response.status_code == 200
    assert f"specs_lightbox-{lightbox.pk}_" in response["Content-Disposition"]
    rows = csv_records(body_text(response))
    assert [int(row["id"]) for row in rows] == order  # ... but is not exported
    assert response["X-Archive-Embargoed-Left-Out"] == "1"
    data = json.loads(body_text(client.get(reverse("export_specs_json"), {"lightbox": lightbox.pk})))
    assert [row["id"] for row in data["photos"]] == order
    assert data["meta"]["embargoed_left_out"] == 1
    pdf = client.get(reverse("export_specs_pdf"), {"lightbox": lightbox.pk})
    reader = PdfReader(io.BytesIO(pdf.content))
    assert len(reader.pages) == 1 + len(order)  # summary, then one sheet per releasable photo
    assert "Kremlin held back" not in "".join(page.extract_text() for page in reader.pages)


def test_an_export_of_a_lightbox_not_shared_is_refused_with_the_reason(client, story):
    lightbox = story[0]
    client.force_login(production("other-shop"))
    response = client.get(reverse("export_specs_csv"), {"lightbox": lightbox.pk})
    assert response.status_code == 400 and "There is no lightbox" in response.text


def test_export_specs_takes_a_lightbox(story, tmp_path):
    lightbox, order, _owner, _shop = story
    out = tmp_path / "specs.json"
    call_command(
        "export_specs", "--format", "json", "--lightbox", str(lightbox.pk), "-o", str(out), stderr=io.StringIO()
    )
    assert [row["id"] for row in json.loads(out.read_text())["photos"]] == order
    assert PhotoFilterSet(
        {"lightbox": str(lightbox.pk)}, queryset=Photo.objects.all(), viewer=EVERY_LIGHTBOX
    ).is_valid()


def test_filtersets_share_their_form_class_but_not_whose_lightboxes_the_field_offers(story):
    lightbox, _order, owner, _shop = story
    stranger = researcher("stranger")
    params = {"lightbox": str(lightbox.pk)}
    first = PhotoFilterSet(params, queryset=Photo.objects.all(), viewer=owner)
    second = PhotoFilterSet(params, queryset=Photo.objects.all(), viewer=stranger)
    third = PhotoFilterSet(params, queryset=Photo.objects.all(), viewer=owner)
    assert type(first.form) is type(second.form)
    assert first.is_valid() and not second.is_valid() and third.is_valid()
    assert list(first.qs) and not list(second.qs)
    assert PhotoFilterSet(params, queryset=Photo.objects.all()).is_valid() is False  # no viewer: none
    assert first.filters["q"] is not second.filters["q"] and first.filters["q"].parent is first
