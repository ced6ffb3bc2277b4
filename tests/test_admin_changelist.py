"""The photo change list: columns, filters, search, bulk actions with history, and a query
count that does not grow with the rows."""

import datetime as dt

import pytest
from django.core.files.base import ContentFile
from django.urls import reverse

from captions.editorial.display import reason_text
from captions.models import Photo
from tests.admin_forms import image_file
from tests.builders import editor, make_article, make_photo, make_place

pytestmark = pytest.mark.django_db
CHANGELIST = reverse("admin:captions_photo_changelist")


@pytest.fixture
def ed_client(client):
    client.force_login(editor())
    return client


def rows(response):
    return list(response.context["cl"].result_list)


def test_columns_an_editor_scans(ed_client):
    photo = make_photo(
        caption="Der russische Präsident Wladimir Putin hält im Kreml ein Treffen ab.",
        width_px=1880,
        height_px=1160,
        dpi=150,
        date_text="2. Dezember 2025",
        place=make_place(sublocation="Kremlin"),
        caveat_imperfect_historical=True,
        needs_review=True,
        problems=["truncated_text"],
    )
    photo.thumbnail.save("t.jpg", ContentFile(image_file("JPEG")), save=True)
    page = ed_client.get(CHANGELIST).text
    assert f'src="{photo.thumbnail.url}"' in page
    assert "Der russische Präsident" in page and "1880\u00a0×\u00a01160" in page and ">150<" in page
    assert "15.9\u00a0×\u00a09.8" in page  # cm at 300 dpi
    assert "2. Dezember 2025" in page and "Moscow, RU" in page and "imperfect historical" in page
    assert 'class="needs-review" title="Text is cut off mid-word">needs review<' in page


def test_query_count_does_not_grow_with_rows(ed_client, django_assert_max_num_queries):
    place = make_place()
    for _ in range(3):
        make_photo(place=place)
    with django_assert_max_num_queries(12) as few:
        ed_client.get(CHANGELIST)
    for n in range(40):
        make_photo(place=make_place(city=f"City {n}"), caveat_editorial_only=True)
    with django_assert_max_num_queries(len(few.captured_queries)):
        response = ed_client.get(CHANGELIST)
    assert len(rows(response)) == 43


@pytest.mark.parametrize(
    "query,expected",
    [
        ("needs_review__exact=1", {"flagged"}),
        ("country=FR", {"paris"}),
        ("decade=1940", {"circa"}),
        ("caveat=no_model_release", {"flagged"}),
        ("supplier=Alamy", {"paris"}),
        ("has_image=yes", {"circa"}),
        ("has_image=no", {"flagged", "paris"}),
        ("q=Eiffel", {"paris"}),
        ("q=Paryż", {"paris"}),  # a GeoNames name beyond the four languages (Polish)
        ("q=Nowhereville", set()),
        ("q=2R4X9KJ", {"flagged"}),
        ("q=Frankreich", {"paris"}),  # a place in another language
    ],
)
def test_filters_and_search(ed_client, query, expected):
    make_photo(
        caption="flagged",
        needs_review=True,
        problems=["truncated_text"],
        caveat_no_model_release=True,
        source_id="2R4X9KJ",
        supplier="AP",
    )
    make_photo(
        caption="paris Eiffel", supplier="Alamy", place=make_place(city="Paris", country="France", country_code="FR")
    )
    circa = make_photo(
        caption="circa",
        date_text="circa 1945",
        date_edtf="1945~",
        date_start=dt.date(1945, 1, 1),
        date_end=dt.date(1945, 12, 31),
        date_precision="year",
        date_approximate=True,
    )
    circa.image.save("c.jpg", ContentFile(image_file("JPEG")), save=True)
    response = ed_client.get(f"{CHANGELIST}?{query}")
    assert {p.caption.split()[0] for p in rows(response)} == expected


@pytest.mark.parametrize("value", ["99999", "0", "abc", "-10", "1940s", "9" * 400])
def test_a_decade_no_date_can_have_is_refused_with_a_message_and_the_list_unfiltered(ed_client, value):
    # '?decade=99999' (a hand-edited address) was a server error: no date has the year 99999
    make_photo(caption="harbour")
    make_photo(caption="circa", date_start=dt.date(1945, 1, 1), date_end=dt.date(1945, 12, 31))
    response = ed_client.get(CHANGELIST, {"decade": value})
    assert response.status_code == 200
    assert {p.caption for p in rows(response)} == {"harbour", "circa"}
    shown = [str(message) for message in response.context["messages"]]
    assert shown == [
        f"“{value[:40]}” is not a decade (a year from 1 to 9990, such as 1940): the list is not filtered by it."
    ]


def test_country_filter_lists_only_countries_photos_were_taken_in(ed_client):
    from django.core.cache import cache

    cache.clear()
    make_photo(place=make_place(city="Paris", country="France", country_code="FR"))
    make_place(city="Lima", country="Peru", country_code="PE")  # a place no photo is in
    page = ed_client.get(CHANGELIST).text
    assert "France (FR)" in page and "1940s" in page and "No model release" in page
    assert "(PE)" not in page
    # in the reader's language
    cache.clear()
    page = ed_client.get(CHANGELIST, HTTP_ACCEPT_LANGUAGE="de").text
    assert "Frankreich (FR)" in page
    # a country new since the list was cached still filters when asked for
    make_photo(caption="Lima market", place=make_place(city="Lima", country="Peru", country_code="PE"))
    response = ed_client.get(CHANGELIST + "?country=PE")
    assert [p.caption for p in rows(response)] == ["Lima market"]


def test_article_language_filter_names_articles_without_a_language(ed_client):
    make_article(headline="Ohne Sprache", language="")
    make_article(headline="Auf Deutsch", url="https://example.org/de", language="de")
    page = ed_client.get("/admin/captions/article/").text
    assert "?language=-" in page and "not stated" in page
    assert 'href="?language="' not in page
    page = ed_client.get("/admin/captions/article/?language=-").text
    assert "Ohne Sprache" in page and "Auf Deutsch" not in page


def test_autocomplete_answers_for_articles_and_places(ed_client):
    make_article(headline="Kremlin seeks a global reordering")
    make_place(city="Moskau")
    for model, term, expected in (("article", "global", "Kremlin seeks"), ("place", "Moskau", "Moskau")):
        url = (
            reverse("admin:autocomplete") + f"?app_label=captions&model_name=photo&field_name={model}s"
            if model == "article"
            else reverse("admin:autocomplete") + "?app_label=captions&model_name=photo&field_name=place"
        )
        response = ed_client.get(url + f"&term={term}")
        assert response.status_code == 200 and expected in response.text


# --- bulk actions --------------------------------------------------------------------------


def act(client, action, photos, **inputs):
    data = {"action": action, "_selected_action": [str(p.pk) for p in photos], "index": "0", **inputs}
    return client.post(CHANGELIST, data, follow=True)


def test_bulk_set_place_with_history(ed_client):
    photos = [make_photo(), make_photo()]
    berlin = make_place(city="Berlin", country="Germany", country_code="DE")
    response = act(ed_client, "set_place", photos, place=str(berlin.pk))
    assert "2 photos: place set to Berlin, Germany" in response.text
    for photo in photos:
        photo.refresh_from_db()
        assert photo.place == berlin and photo.version == 2
        record = photo.history.first()
        assert record.history_user.username == "ed" and reason_text(record.history_change_reason).startswith(
            "Bulk: place set"
        )
        assert record.place_id == berlin.pk


def test_bulk_action_without_its_input_says_what_is_missing(ed_client):
    photo = make_photo()
    response = act(ed_client, "set_place", [photo])
    assert "Choose the place in the “Place” box next to the action." in response.text
    response = act(ed_client, "add_caveat", [photo])
    assert "Choose the caveat" in response.text


def test_bulk_add_and_remove_caveat(ed_client):
    photos = [make_photo(), make_photo(caveat_embargo=True)]
    act(ed_client, "add_caveat", photos, caveat="editorial_only")
    assert Photo.objects.filter(caveat_editorial_only=True).count() == 2
    response = act(ed_client, "remove_caveat", photos, caveat="embargo")
    assert "1 photo: caveat “Embargo” removed" in response.text
    assert not Photo.objects.filter(caveat_embargo=True).exists()
    assert photos[1].history.first().history_change_reason == 'bulk_caveat_removed {"tag": "embargo"}'


def test_bulk_mark_reviewed(ed_client):
    photos = [make_photo(needs_review=True, problems=["truncated_text"]) for _ in range(2)]
    act(ed_client, "mark_reviewed", photos)
    assert not Photo.objects.filter(needs_review=True).exists()
    assert Photo.objects.filter(problems=[]).count() == 2
    assert reason_text(photos[0].history.first().history_change_reason) == "Bulk: marked reviewed"


def test_bulk_link_article_is_in_each_photos_history(ed_client):
    article = make_article(headline="Kremlin seeks a global reordering")
    photos = [make_photo(), make_photo(articles=[article])]
    response = act(ed_client, "link_article", photos, article=str(article.pk))
    assert "1 photo: linked to “Kremlin seeks a global reordering”" in response.text
    assert all(list(p.articles.all()) == [article] for p in photos)
    assert (
        reason_text(photos[0].history.first().history_change_reason)
        == "Bulk: linked article “Kremlin seeks a global reordering”"
    )


def test_bulk_action_queries_do_not_grow_per_photo(ed_client, django_assert_max_num_queries):
    place = make_place(city="Berlin", country="Germany", country_code="DE")
    few = [make_photo() for _ in range(2)]
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as small:
        act(ed_client, "set_place", few, place=str(place.pk))
    many = [make_photo() for _ in range(30)]
    with django_assert_max_num_queries(len(small.captured_queries) + 2):
        act(ed_client, "set_place", many, place=str(place.pk))
    assert Photo.objects.filter(place=place).count() == 32


def test_bulk_change_makes_an_open_form_stale(ed_client, client):
    from tests.admin_forms import form_data

    photo = make_photo()
    url = reverse("admin:captions_photo_change", args=[photo.pk])
    data = form_data(ed_client.get(url))
    act(ed_client, "add_caveat", [photo], caveat="mandatory_credit")
    response = ed_client.post(url, {**data, "credit": "late"})
    assert response.status_code == 200 and "mandatory credit: “yes”" in response.text


def test_paste_and_upload_are_on_the_admin_index(client):
    client.force_login(editor())
    page = client.get("/admin/").text
    assert reverse("admin:captions_photo_paste") in page and "Paste caption block" in page
    assert reverse("admin:captions_photo_upload") in page and "Upload many images" in page
    page = client.get("/admin/", HTTP_ACCEPT_LANGUAGE="de").text
    assert "Bildtext-Block einfügen" in page and "Viele Bilder hochladen" in page


@pytest.mark.parametrize("selected", ["abc", "99999999999999999999", "-1"])
@pytest.mark.parametrize("action", ["delete_selected", "mark_reviewed", "add_caveat", "set_place"])
def test_a_bulk_action_on_a_selection_no_record_can_have_is_refused_with_a_message(ed_client, action, selected):
    # a hand-made POST: the selection reached the database (ValueError, OverflowError: server errors)
    photo = make_photo(caption="harbour", needs_review=True)
    data = {"action": action, "_selected_action": [str(photo.pk), selected], "index": "0"}
    response = ed_client.post(CHANGELIST, data, follow=True)
    assert response.status_code == 200
    shown = [str(message) for message in response.context["messages"]]
    assert shown == ["The selection could not be read (a number that names no record): nothing was done."]
    photo.refresh_from_db()
    assert photo.needs_review  # nothing done


@pytest.mark.parametrize("url", [CHANGELIST, "/admin/captions/article/", "/admin/captions/place/"])
def test_a_lookup_by_a_number_beyond_any_id_is_an_invalid_lookup(ed_client, url):
    for query in ("id__in=99999999999999999999", "id__in=1,99999999999999999999", "pk=123456789012345678901234"):
        response = ed_client.get(f"{url}?{query}")
        assert (response.status_code, response["Location"]) == (302, f"{url}?e=1"), query
    make_photo(caption="99999999999999999999")
    assert ed_client.get(CHANGELIST, {"q": "99999999999999999999"}).status_code == 200  # a search is no lookup
