"""An embargo notice whose date could not be read holds the photo back everywhere until an
editor sets the date or clears the caveat."""

import datetime as dt

import pytest
from django.utils import timezone

from captions.models import Photo
from tests.builders import make_photo, production, researcher

pytestmark = pytest.mark.django_db


@pytest.fixture
def undated_embargo():
    return make_photo(
        caption="Budget papers on the minister's desk",
        caveat_embargo=True,
        restriction_text="EMBARGOED: see note to editors",
        source_id="UNK1",
        supplier="Test",
    )


def test_an_embargo_without_a_date_is_embargoed(undated_embargo):
    free = make_photo(caption="Free to use")
    passed = make_photo(
        caption="Embargo over", caveat_embargo=True, embargo_until=timezone.now() - dt.timedelta(hours=1)
    )
    assert undated_embargo.is_embargoed() and not free.is_embargoed() and not passed.is_embargoed()
    assert list(Photo.objects.embargoed()) == [undated_embargo]
    assert set(Photo.objects.releasable()) == {free, passed}


def test_exports_leave_it_out_and_say_so(client, undated_embargo):
    make_photo(caption="Free to use", source_id="FREE1", supplier="Test")
    client.force_login(production())
    csv_text = b"".join(client.get("/export/specs.csv").streaming_content).decode("utf-8")
    assert "FREE1" in csv_text and "UNK1" not in csv_text
    document = b"".join(client.get("/export/specs.json").streaming_content).decode("utf-8")
    assert "UNK1" not in document and '"embargoed_left_out": 1' in document


def test_its_sheet_and_api_item_are_refused_with_a_reason(client, undated_embargo):
    client.force_login(production())
    sheet = client.get(f"/photos/{undated_embargo.pk}/spec.pdf")
    assert sheet.status_code == 409
    assert "end is not known" in sheet.content.decode()
    item = client.get(f"/api/photos/{undated_embargo.pk}/")
    assert item.status_code == 409 and item.json()["embargo_until"] is None


def test_researchers_see_that_it_is_held_back(client, undated_embargo):
    client.force_login(researcher())
    page = client.get(f"/photos/{undated_embargo.pk}/").content.decode()
    assert "Embargoed: end not known yet" in page
    browse = client.get("/").content.decode()
    assert "Embargoed: end not known yet" in browse
