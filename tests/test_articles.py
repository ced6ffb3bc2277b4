"""Photo page and articles: every field, photo <-> article both ways, suggestions for editors."""

import datetime as dt
import re

import pytest
from django.urls import reverse
from django.utils import timezone

from captions.models import Photo
from tests.builders import editor, make_article, make_photo, make_place, make_user, researcher

pytestmark = pytest.mark.django_db


def text(response) -> str:
    return re.sub(r"\s+", " ", response.content.decode())


@pytest.fixture
def seed_like():
    article = make_article(
        headline="Kremlin seeks a global reordering",
        publication="The Moscow Times",
        published_date=dt.date(2025, 12, 3),
    )
    place = make_place(sublocation="Kremlin", city="Moscow", country="Russia", country_code="RU")
    photo = make_photo(
        caption="Der russische Präsident Wladimir Putin hält im Kreml ein Treffen mit Steve Witkoff ab.",
        width_px=1880,
        height_px=1160,
        dpi=150,
        place=place,
        place_text="Kremlin, Moscow,russia",
        caveat_imperfect_historical=True,
        restriction_text="Dieses Bild kann kleinere Mängel aufweisen",
        source_id="3F2K9XY",
        supplier="Alamy",
        articles=[article],
    )
    return photo, article


def test_the_photo_page_shows_every_field_and_derived_print_sizes(client, seed_like):
    photo, article = seed_like
    client.force_login(researcher())
    page = text(client.get(reverse("photo_detail", args=[photo.pk])))
    assert "Der russische Präsident Wladimir Putin" in page
    assert "1880 × 1160 px" in page and "150 dpi" in page
    assert "Print size at 150 dpi (native)" in page
    assert "31.8 × 19.6 cm · 12.5 × 7.7 in" in page
    assert "15.9 × 9.8 cm · 6.3 × 3.9 in" in page
    assert "2. Dezember 2025" in page
    assert "Kremlin, Moscow, Russia" in page
    assert "Alamy · 3F2K9XY" in page
    assert "May have imperfections (historical / reportage)" in page
    assert "Dieses Bild kann kleinere Mängel aufweisen" in page
    assert f'href="/articles/{article.pk}/"' in page


def test_a_300_dpi_photo_shows_its_print_size_once(client, seed_like):
    photo, _ = seed_like
    Photo.objects.filter(pk=photo.pk).update(dpi=300)
    client.force_login(researcher())
    page = text(client.get(reverse("photo_detail", args=[photo.pk])))
    assert "Print size at 300 dpi (native)" in page and "15.9 × 9.8 cm" in page
    assert "Print size at 300 dpi\n" not in page and page.count("15.9 × 9.8 cm") == 1  # not twice, as before


def test_photo_and_article_link_each_other(client, seed_like):
    photo, article = seed_like
    client.force_login(researcher())
    article_page = text(client.get(reverse("article_detail", args=[article.pk])))
    assert "Kremlin seeks a global reordering" in article_page
    assert f'href="/photos/{photo.pk}/"' in article_page
    photo_page = text(client.get(reverse("photo_detail", args=[photo.pk])))
    assert f'href="/articles/{article.pk}/"' in photo_page


def test_an_embargoed_photo_page_shows_the_embargo_prominently_and_no_image(client):
    photo = make_photo(caption="Summit", caveat_embargo=True, embargo_until=timezone.now() + dt.timedelta(days=1))
    client.force_login(researcher())
    page = text(client.get(reverse("photo_detail", args=[photo.pk])))
    assert 'role="alert"><strong>Embargoed until' in page
    assert "Image withheld until the embargo ends" in page
    assert "<img" not in page


def test_more_from_this_place_and_this_day(client, seed_like):
    photo, _ = seed_like
    same_place = make_photo(
        caption="Another Kremlin view",
        place=photo.place,
        date_start=dt.date(1990, 1, 1),
        date_end=dt.date(1990, 12, 31),
    )
    same_day = make_photo(caption="Same day in Kyiv")
    make_photo(caption="Other day", date_start=dt.date(2025, 12, 3), date_end=dt.date(2025, 12, 3))
    client.force_login(researcher())
    response = client.get(reverse("photo_detail", args=[photo.pk]))
    assert response.context["more_from_place"] == [same_place]
    assert response.context["more_from_date"] == [same_day]
    page = text(response)
    assert "More from this place" in page and "More from this day" in page
    assert 'href="/?taken_after=2025-12-02&amp;taken_before=2025-12-02"' in page


def test_the_photo_page_query_count_does_not_grow_with_articles(client, seed_like, django_assert_max_num_queries):
    photo, _ = seed_like
    client.force_login(researcher())
    for n in range(20):
        photo.articles.add(make_article(headline=f"Story {n}"))
        make_photo(place=photo.place)
    # 9, plus the lightboxes holding this photo and those the user may add it to
    with django_assert_max_num_queries(11):
        assert client.get(reverse("photo_detail", args=[photo.pk])).status_code == 200


def test_editors_see_suggested_articles_with_shared_names_and_link_one_with_one_click(client, seed_like):
    photo, linked = seed_like
    close = make_article(headline="Putin receives Witkoff in Moscow", published_date=dt.date(2025, 12, 4))
    far = make_article(headline="Putin and Witkoff again", published_date=dt.date(2026, 3, 1))
    unrelated = make_article(headline="Harbour festival opens", published_date=dt.date(2025, 12, 2))
    client.force_login(editor())
    response = client.get(reverse("photo_detail", args=[photo.pk]))
    suggested = [s.article for s in response.context["suggestions"]]
    assert suggested == [close]
    assert set(response.context["suggestions"][0].shared_names) >= {"putin", "witkoff", "moscow"}
    assert far not in suggested and unrelated not in suggested and linked not in suggested
    assert "Suggested articles" in text(response)
    followed = client.post(reverse("photo_link_article", args=[photo.pk]), {"article": close.pk}, follow=True)
    assert "Linked “Putin receives Witkoff in Moscow”." in text(followed)
    assert set(photo.articles.all()) == {linked, close}
    assert followed.context["suggestions"] == []


def test_linking_from_the_photo_page_goes_through_the_history_like_the_bulk_action(client, seed_like):
    photo, linked = seed_like
    other = make_article(headline="Another article")
    client.force_login(editor("anna"))
    version = Photo.objects.get(pk=photo.pk).version
    client.post(reverse("photo_link_article", args=[photo.pk]), {"article": other.pk})
    photo = Photo.objects.get(pk=photo.pk)
    record = photo.history.first()
    assert photo.version == version + 1  # an editor who has the form open gets the conflict message
    assert record.history_user.username == "anna" and "Another article" in record.history_change_reason
    client.post(reverse("photo_link_article", args=[photo.pk]), {"article": other.pk})
    assert Photo.objects.get(pk=photo.pk).version == version + 1  # linked already: nothing written


def test_linking_a_missing_article_says_so(client, seed_like):
    photo, _ = seed_like
    client.force_login(editor())
    followed = client.post(reverse("photo_link_article", args=[photo.pk]), {"article": "99999"}, follow=True)
    assert "That article does not exist" in text(followed)


def test_researchers_get_no_suggestions_and_may_not_link(client, seed_like):
    photo, _ = seed_like
    other = make_article(headline="Putin receives Witkoff", published_date=dt.date(2025, 12, 4))
    client.force_login(researcher())
    response = client.get(reverse("photo_detail", args=[photo.pk]))
    assert "Suggested articles" not in text(response)
    assert client.post(reverse("photo_link_article", args=[photo.pk]), {"article": other.pk}).status_code == 403
    assert other not in photo.articles.all()


def test_a_vaguely_dated_photo_gets_no_suggestions(client):
    photo = make_photo(caption="Putin", date_start=dt.date(1960, 1, 1), date_end=dt.date(1969, 12, 31))
    make_article(headline="Putin", published_date=dt.date(1965, 1, 1))
    client.force_login(editor())
    assert client.get(reverse("photo_detail", args=[photo.pk])).context["suggestions"] == []


def test_article_list_with_search_and_photo_counts(client, seed_like):
    _, article = seed_like
    make_article(headline="Harbour festival opens", publication="Harbour Herald")
    client.force_login(researcher())
    page = text(client.get(reverse("article_list")))
    assert "Kremlin seeks a global reordering" in page and "Harbour festival opens" in page
    assert "1 photo" in page and "0 photos" in page
    searched = text(client.get(reverse("article_list"), {"q": "moscow times"}))
    assert "Kremlin seeks a global reordering" in searched and "Harbour festival" not in searched
    assert "No article matches these words." in text(client.get(reverse("article_list"), {"q": "zzz"}))


def test_article_list_queries_do_not_grow_with_rows(client, django_assert_max_num_queries):
    client.force_login(researcher())
    for n in range(60):
        make_photo(articles=[make_article(headline=f"Story {n}")])
    with django_assert_max_num_queries(6):
        response = client.get(reverse("article_list"))
    assert len(response.context["page"]) == 50 and response.context["page"].has_next


def test_an_article_with_many_photos_links_to_all_of_them_in_browse(client):
    article = make_article()
    for _ in range(61):
        make_photo(articles=[article])
    client.force_login(researcher())
    page = text(client.get(reverse("article_detail", args=[article.pk])))
    assert f'href="/?article={article.pk}"' in page


def test_pages_refuse_users_without_a_role(client, seed_like):
    photo, article = seed_like
    client.force_login(make_user("nobody"))
    for url in (
        reverse("photo_detail", args=[photo.pk]),
        reverse("article_list"),
        reverse("article_detail", args=[article.pk]),
    ):
        assert client.get(url).status_code == 403


def test_unknown_ids_are_404(client):
    client.force_login(researcher())
    assert client.get("/photos/999999/").status_code == 404
    assert client.get("/articles/999999/").status_code == 404


@pytest.mark.parametrize(
    "stored",
    [
        "javascript:alert(document.cookie)",
        " JavaScript:alert(1)",
        "data:text/html,<script>alert(1)</script>",
        "vbscript:msgbox(1)",
        "//evil.example/x",
        "https:evil",
    ],
)
def test_an_article_url_that_is_not_http_never_becomes_a_link(client, stored):
    # Stored around the form (an import, a restore, the shell): the form would refuse it.
    article = make_article(headline="Odd link", url=None)
    type(article).objects.filter(pk=article.pk).update(url=stored)
    client.force_login(researcher())
    page = client.get(reverse("article_detail", args=[article.pk])).content.decode()
    assert 'href="' + stored not in page
    assert not re.search(r'<a [^>]*href="\s*(javascript|data|vbscript|//|https:[^/])', page, re.IGNORECASE)
    assert "original</a>" not in page
    # wherever else the URL is shown: the photo page, the editors' admin pages, the API
    photo = make_photo(articles=[article])
    client.force_login(editor())
    for url in (
        reverse("photo_detail", args=[photo.pk]),
        reverse("admin:captions_article_change", args=[article.pk]),
        reverse("admin:captions_article_changelist"),
        reverse("admin:captions_photo_change", args=[photo.pk]),
    ):
        page = client.get(url).content.decode()
        assert not re.search(r'<a [^>]*href="\s*(javascript|data|vbscript|//|https:[^/])', page, re.IGNORECASE), url


def test_an_http_article_url_is_a_link(client):
    article = make_article(headline="Fine link", url="https://www.themoscowtimes.com/2025/12/03/a")
    client.force_login(researcher())
    page = client.get(reverse("article_detail", args=[article.pk])).content.decode()
    assert 'href="https://www.themoscowtimes.com/2025/12/03/a"' in page


@pytest.mark.django_db
def test_an_article_page_past_the_end_goes_to_the_last_one(client):
    from tests.builders import make_article, researcher

    for n in range(3):
        make_article(headline=f"Summit {n}")
    client.force_login(researcher("re-articles-past"))
    response = client.get(reverse("article_list"), {"q": "Summit", "page": 9})
    assert response.status_code == 302 and response["Location"] == "/articles/?q=Summit"
