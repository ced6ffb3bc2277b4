"""The read-only JSON API: the browse filters, the export's rows, pages, embargo, permissions."""

import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from tests.builders import make_article, make_photo, make_user, researcher
from tests.export_helpers import SEED_ARTICLE_URL, seed_photo

pytestmark = pytest.mark.django_db


@pytest.fixture
def reader(client):
    client.force_login(researcher())
    return client


def test_researchers_read_the_same_rows_as_the_json_export(reader):
    photo = seed_photo()
    make_photo(caption="Harbour at dawn")
    data = reader.get(reverse("api_photo_list"), {"place": "Moskau"}).json()
    assert data["meta"]["filters"] == {"place": "Moskau"} and data["meta"]["page"] == 1
    [row] = data["photos"]
    assert row["id"] == photo.pk and row["article_urls"] == [SEED_ARTICLE_URL]
    assert row["print_size"]["width_cm"] == 1880 / 150 * 2.54 and data["next"] is None


def test_pages_link_to_the_next_one_with_the_same_filters(reader):
    ids = [make_photo(caveat_editorial_only=True).pk for _ in range(5)]
    first = reader.get(
        reverse("api_photo_list"), {"caveat": "editorial_only", "page_size": "2", "sort": "added"}
    ).json()
    assert [p["id"] for p in first["photos"]] == ids[:2]
    assert first["next"] == "http://testserver/api/photos/?caveat=editorial_only&page_size=2&sort=added&page=2"
    last = reader.get(first["next"].replace("page=2", "page=3")).json()
    assert [p["id"] for p in last["photos"]] == ids[4:] and last["next"] is None


def test_embargoed_photos_are_left_out_and_counted_and_refused_one_by_one(reader):
    until = timezone.now() + dt.timedelta(days=1)
    embargoed = make_photo(embargo_until=until)
    data = reader.get(reverse("api_photo_list")).json()
    assert data["photos"] == [] and data["meta"]["embargoed_left_out"] == 1
    response = reader.get(reverse("api_photo_item", args=[embargoed.pk]))
    assert response.status_code == 409
    assert response.json()["embargo_until"] == timezone.localtime(until).isoformat(timespec="seconds")


def test_one_photo_at_a_target_dpi(reader):
    photo = seed_photo()
    row = reader.get(reverse("api_photo_item", args=[photo.pk]), {"at_dpi": "150"}).json()
    assert row["print_size_at_target"]["width_cm"] == pytest.approx(31.834666, abs=1e-5)


@pytest.mark.parametrize(
    "params, message",
    [
        ({"taken_after": "yesterday"}, "The filters need fixing"),
        ({"page_size": "5000"}, "page_size must be a whole number from 1 to 500"),
        ({"page": "0"}, "page must be a whole number from 1 to 100"),
        ({"page": "101"}, "narrow the filters"),
    ],
)
def test_bad_parameters_get_a_400_with_the_reason(reader, params, message):
    response = reader.get(reverse("api_photo_list"), params)
    assert response.status_code == 400 and message in response.json()["error"]
    (name,) = params  # the parameter that needs fixing is named, as the README says
    assert name in response.json()["errors"]


def test_the_api_needs_view_permission(client):
    photo = make_photo()
    client.force_login(make_user("nobody"))
    assert client.get(reverse("api_photo_list")).status_code == 403
    assert client.get(reverse("api_photo_item", args=[photo.pk])).status_code == 403


def test_query_count_does_not_grow_with_the_page(reader):
    def queries():
        with CaptureQueriesContext(connection) as captured:
            assert reader.get(reverse("api_photo_list")).status_code == 200
        return len(captured)

    make_photo(articles=[make_article()])
    few = queries()
    for _ in range(20):
        make_photo(articles=[make_article()])
    assert queries() == few
