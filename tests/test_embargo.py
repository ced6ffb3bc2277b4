"""The embargo rule of the read layer (captions.selectors.embargo), through every page.

For a viewer who may not see it (researchers, production), an embargoed photo is the same
minimal card everywhere, "Embargoed until <date, time and zone>", and nothing it hides reaches
them: not on its page, the browse grid, an article's page, "more from", the API or an export,
not through a search, a filter, a sort, a facet count or a left-out count. Editors see it whole.
An embargo notice whose date could not be read holds the photo back until an editor sets the
date or clears the caveat.

The URL x role matrix (test_url_matrix.py) walks every URL with the same secret-laden record.
"""

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from captions.models import Photo
from tests.builders import editor, make_article, make_photo, make_place, make_user, production, researcher
from tests.embargo_helpers import CARD, SECRET_PLACE, UNTIL, assert_no_secret, page_text, secret_photo

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def fresh_cache():
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def world():
    """The embargoed photo; a free one of the same article and country (the article page lists
    both); the article; an unrelated free photo."""
    article = make_article(headline="Budget talks in Reykjavik")
    embargoed = secret_photo(article)
    sibling = make_photo(
        caption="Harbour view, free to use",
        place=make_place(city="Reykjavik", country="Iceland", country_code="IS"),
        articles=[article],
    )
    other = make_photo(caption="Unrelated free photo")
    return {"embargoed": embargoed, "sibling": sibling, "article": article, "other": other}


@pytest.fixture
def neighbour(world):
    """A free photo of the embargoed one's place and day: its page has "more from" lists."""
    embargoed = world["embargoed"]
    return make_photo(
        caption="Village square, free to use",
        place=embargoed.place,
        date_start=embargoed.date_start,
        date_end=embargoed.date_end,
        date_precision="day",
    )


VIEWERS = {"researcher": researcher, "production": production}


@pytest.fixture(params=sorted(VIEWERS))
def viewer(request, client):
    client.force_login(VIEWERS[request.param]())
    return client


# --- the card ------------------------------------------------------------------------------------


def test_its_own_page_is_the_card_with_date_time_and_zone(viewer, world):
    response = viewer.get(reverse("photo_detail", args=[world["embargoed"].pk]))
    assert response.status_code == 200
    page = page_text(response)
    assert CARD in page and "<img" not in page
    assert_no_secret(page, "the photo page")


def test_the_card_speaks_german(viewer, world):
    viewer.cookies["django_language"] = "de"
    page = page_text(viewer.get(reverse("photo_detail", args=[world["embargoed"].pk])))
    assert "Sperrfrist bis 4. März 2099, 00:01 MEZ" in page
    assert_no_secret(page, "the German photo page")


def test_the_browse_grid_shows_the_card_and_no_link_to_it(viewer, world):
    page = page_text(viewer.get(reverse("browse")))
    assert CARD in page and "3 photos" in page
    assert f'href="/photos/{world["embargoed"].pk}/"' not in page
    assert_no_secret(page, "browse")


def test_the_article_page_lists_the_card_after_the_photos_it_shows(viewer, world):
    page = page_text(viewer.get(reverse("article_detail", args=[world["article"].pk])))
    assert CARD in page and "Harbour view, free to use" in page
    assert page.index("Harbour view, free to use") < page.index(CARD)
    assert_no_secret(page, "the article page")


def test_more_from_this_place_and_day_leave_it_out(viewer, world, neighbour):
    response = viewer.get(reverse("photo_detail", args=[neighbour.pk]))
    assert response.context["more_from_place"] == [] and response.context["more_from_date"] == []
    assert CARD not in page_text(response)


def test_editors_and_superusers_see_it_whole(client, world, neighbour):
    for user in (editor(), make_user("root", superuser=True)):
        client.force_login(user)
        page = page_text(client.get(reverse("photo_detail", args=[world["embargoed"].pk])))
        assert all(word in page for word in ["Zanzibarcaption", "Plutocredit", "SECRETID4711", "Wombatrestriction"])
        assert "Embargoed until" in page  # and told that it is embargoed
        more = client.get(reverse("photo_detail", args=[neighbour.pk])).context
        assert more["more_from_place"] == [world["embargoed"]] == more["more_from_date"]
        assert "Zanzibarcaption" in page_text(client.get(reverse("article_detail", args=[world["article"].pk])))
        assert "Zanzibarcaption" in page_text(client.get(reverse("browse"), {"q": "Zanzibarcaption"}))


# --- nothing it hides finds it -------------------------------------------------------------------


@pytest.mark.parametrize(
    "params",
    [
        {"q": "Zanzibarcaption"},
        {"q": "Plutocredit"},
        {"q": "Krakenkeyword"},
        {"q": "Quixoteheadline"},
        {"place": SECRET_PLACE},
        {"country": "IS"},
        {"caveat": "editorial_only"},
        {"taken_after": "1961", "taken_before": "1961"},
        {"orientation": "landscape"},
        {"min_print_width_cm": "30"},
        {"sort": "taken"},
    ],
    ids=lambda p: "&".join(f"{k}={v}" for k, v in p.items()),
)
def test_no_search_filter_or_sort_on_what_the_card_hides_finds_it(viewer, world, params):
    response = viewer.get(reverse("browse"), params)
    assert CARD not in page_text(response)
    assert world["embargoed"].pk not in [getattr(p, "pk", None) for p in response.context["page"]]
    assert not any(getattr(p, "withheld", False) for p in response.context["page"])
    assert_no_secret(page_text(response), "browse", echo=params.values())
    api = viewer.get(reverse("api_photo_list"), params).json()
    assert api["meta"]["embargoed_left_out"] == 0


def test_what_the_card_shows_finds_it(viewer, world):
    assert CARD in page_text(viewer.get(reverse("browse"), {"article": world["article"].pk}))
    assert CARD in page_text(viewer.get(reverse("browse"), {"caveat": "embargo"}))
    api = viewer.get(reverse("api_photo_list"), {"article": world["article"].pk}).json()
    assert api["meta"]["embargoed_left_out"] == 1 and [p["id"] for p in api["photos"]] == [world["sibling"].pk]


def test_facet_counts_leave_it_out(viewer, world):
    facets = viewer.get(reverse("browse")).context["facets"]
    assert dict(facets.countries) == {"IS": 1}  # the sibling only
    assert dict(facets.caveats).get("editorial_only") is None
    assert 1960 not in dict(facets.decades)


def test_facets_cached_for_editors_are_not_served_to_others(client, world, monkeypatch):
    from captions.selectors import facets

    monkeypatch.setattr(facets, "COUNT_CAP", 1)  # every selection is "large": facets come from the cache
    client.force_login(editor())
    assert dict(client.get(reverse("browse")).context["facets"].countries) == {"IS": 2}
    client.force_login(researcher())
    assert dict(client.get(reverse("browse")).context["facets"].countries) == {"IS": 1}


# --- the ways out: API and exports ---------------------------------------------------------------


def test_the_api_item_is_the_card_for_everyone(client, world):
    for user in (researcher(), production(), editor()):
        client.force_login(user)
        response = client.get(reverse("api_photo_item", args=[world["embargoed"].pk]))
        assert response.status_code == 409
        body = response.json()
        assert body["embargoed"] is True and body["text"] == CARD
        assert body["embargo_until"] == timezone.localtime(UNTIL).isoformat(timespec="seconds")
        assert_no_secret(response.content.decode(), "the API item")


def test_the_api_list_and_every_export_leave_it_out(client, world):
    client.force_login(production())
    for name in ("api_photo_list", "export_specs_csv", "export_specs_json", "export_specs_pdf"):
        for params in ({}, {"q": "Zanzibarcaption"}, {"article": world["article"].pk}):
            response = client.get(reverse(name), params)
            assert response.status_code == 200, name
            assert_no_secret(page_text(response), f"{name} {params}", echo=params.values())
    sheet = client.get(reverse("photo_spec_pdf", args=[world["embargoed"].pk]))
    assert sheet.status_code == 409 and "4 March 2099, 00:01 CET" in sheet.content.decode()
    assert_no_secret(sheet.content.decode(), "the refused sheet")


def test_its_image_files_are_not_served(client, world):
    from django.core.files.base import ContentFile

    photo = world["embargoed"]
    photo.content_hash = "a" * 64
    photo.thumbnail.save(f"{'a' * 64}-thumb.jpg", ContentFile(b"not really a jpeg"), save=True)
    client.force_login(researcher())
    assert client.get("/media/" + photo.thumbnail.name).status_code == 404
    client.force_login(editor())
    assert client.get("/media/" + photo.thumbnail.name).status_code == 200


# --- an embargo whose end is not known -----------------------------------------------------------


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


def test_researchers_see_that_it_is_held_back_and_nothing_else(client, undated_embargo):
    client.force_login(researcher())
    page = client.get(f"/photos/{undated_embargo.pk}/").content.decode()
    assert "Embargoed: end not known yet" in page
    assert "minister" not in page and "UNK1" not in page and "note to editors" not in page
    browse = client.get("/").content.decode()
    assert "Embargoed: end not known yet" in browse and "minister" not in browse
