"""Previous / next through the current results on the photo page: the browse query string
travels from the cards to the photo page and on, rel=prev / rel=next links, page boundaries,
stale and malformed links, the query budget."""

import re

import pytest
from django.urls import reverse

from tests.builders import make_photo, researcher

pytestmark = pytest.mark.django_db


def text(response) -> str:
    return re.sub(r"\s+", " ", response.content.decode())


def link(page: str, rel: str) -> str | None:
    found = re.search(rf'<a href="([^"]+)" rel="{rel}"', page)
    return found.group(1).replace("&amp;", "&") if found else None


@pytest.fixture
def harbour(client):
    client.force_login(researcher())
    # -added: the newest first, so photos[29] is result 1
    photos = [make_photo(caption=f"Harbour {n:02d}") for n in range(30)]
    make_photo(caption="Mountain")
    return photos


def test_cards_carry_the_browse_query_and_the_page(client, harbour):
    page = text(client.get(reverse("browse"), {"q": "Harbour", "page": 2}))
    assert f'href="/photos/{harbour[5].pk}/?q=Harbour&amp;page=2"' in page
    first = text(client.get(reverse("browse")))
    assert f'href="/photos/{harbour[29].pk}/?page=1"' in first  # the default results are results too


def test_previous_and_next_follow_the_results_across_pages(client, harbour):
    url = reverse("photo_detail", args=[harbour[6].pk])
    page = text(client.get(url, {"q": "Harbour", "page": 1}))  # result 24, the last of page 1
    assert "result 24" in page
    assert link(page, "prev") == f"/photos/{harbour[7].pk}/?q=Harbour&page=1"
    assert link(page, "next") == f"/photos/{harbour[5].pk}/?q=Harbour&page=2"
    back = re.search(r'<a href="([^"]+)">← Back to the results', page).group(1).replace("&amp;", "&")
    assert back == "/?q=Harbour"
    following = text(client.get(link(page, "next")))
    assert "result 25" in following
    assert link(following, "prev") == f"/photos/{harbour[6].pk}/?q=Harbour&page=1"
    assert re.search(r'<a href="([^"]+)">← Back to the results', following).group(1) == "/?q=Harbour&amp;page=2"


def test_the_first_and_last_result_have_one_neighbour(client, harbour):
    first = text(client.get(reverse("photo_detail", args=[harbour[29].pk]), {"q": "Harbour", "page": 1}))
    assert link(first, "prev") is None and link(first, "next") == f"/photos/{harbour[28].pk}/?q=Harbour&page=1"
    last = text(client.get(reverse("photo_detail", args=[harbour[0].pk]), {"q": "Harbour", "page": 2}))
    assert "result 30" in last
    assert link(last, "next") is None and link(last, "prev") == f"/photos/{harbour[1].pk}/?q=Harbour&page=2"


def test_stale_or_malformed_or_missing_queries_give_no_links_and_no_error(client, harbour):
    photo_url = reverse("photo_detail", args=[harbour[6].pk])
    for params in ({"q": "Harbour", "page": 2}, {"q": "Mountain", "page": 1}, {"taken_after": "yesterday"}, {}):
        response = client.get(photo_url, params)
        assert response.status_code == 200
        page = text(response)
        assert link(page, "prev") is None and link(page, "next") is None
        assert "results-keys.js" not in page
        assert "Back to the results" in page


def test_the_keys_script_is_a_static_file_no_inline_script(client, harbour):
    page = text(client.get(reverse("photo_detail", args=[harbour[6].pk]), {"q": "Harbour", "page": 1}))
    assert '<script src="/static/js/results-keys.js" defer></script>' in page
    assert re.search(r"<script(?![^>]*\bsrc=)[^>]*>", page) is None
    assert 'data-key="ArrowLeft"' in page and 'data-key="ArrowRight"' in page


def test_the_photo_page_with_results_costs_a_fixed_number_of_queries(client, harbour, django_assert_max_num_queries):
    url = reverse("photo_detail", args=[harbour[6].pk])
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as plain:
        client.get(url)
    with CaptureQueriesContext(connection) as around:
        client.get(url, {"q": "Harbour", "page": 1, "per_page": 48})
    # + the places the words may name, + the ids of the page and its two neighbours
    assert len(around.captured_queries) == len(plain.captured_queries) + 2
    for _ in range(40):
        make_photo(caption="Harbour late")
    with CaptureQueriesContext(connection) as more:
        client.get(url, {"q": "Harbour", "page": 1, "per_page": 48})
    assert len(more.captured_queries) == len(around.captured_queries)


def test_german_labels(client, harbour):
    page = text(client.get(reverse("photo_detail", args=[harbour[6].pk]), {"q": "Harbour"}, HTTP_ACCEPT_LANGUAGE="de"))
    assert "Treffer 24" in page and "nächstes Foto" in page and "voriges Foto" in page
