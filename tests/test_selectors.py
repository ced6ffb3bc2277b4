"""captions.selectors: the read layer, called directly (pages, articles, places, photos, history)."""

import datetime as dt

import pytest
from django.contrib.auth.models import User
from django.core.cache import cache

from captions.models import Photo
from captions.selectors import articles, history, pages, photos, places
from captions.services import records
from tests.builders import make_article, make_photo, make_place

pytestmark = pytest.mark.django_db


# --- pages -----------------------------------------------------------------------------------


def test_a_page_reads_one_row_more_than_it_shows_to_know_there_is_a_next_one():
    for _ in range(5):
        make_photo()
    qs = Photo.objects.order_by("id")
    first = pages.result_page(qs, number=1, per_page=2)
    last = pages.result_page(qs, number=3, per_page=2)
    assert (len(first), first.has_next, first.has_previous, first.start_index, first.end_index) == (
        2,
        True,
        False,
        1,
        2,
    )
    assert (len(last), last.has_next, last.previous_page_number, last.start_index, last.end_index) == (
        1,
        False,
        2,
        5,
        5,
    )


def test_pages_past_the_offset_limit_stop_at_the_last_reachable_one():
    page = pages.result_page(Photo.objects.none(), number=10_000, per_page=24)
    assert page.beyond_limit and page.number == pages.MAX_OFFSET // 24 and not page.has_next


@pytest.mark.parametrize("raw, number", [("3", 3), ("0", 1), ("-4", 1), ("x", 1), (None, 1)])
def test_a_page_number_is_a_positive_whole_number_or_the_first_page(raw, number):
    assert pages.page_number(raw) == number


# --- articles --------------------------------------------------------------------------------


def test_article_words_must_all_match_headline_summary_or_publication():
    kremlin = make_article(headline="Kremlin talks", summary="Moscow and Washington", publication="Moscow Times")
    make_article(headline="Harbour fire")
    assert list(articles.articles_matching("kremlin washington")) == [kremlin]
    assert list(articles.articles_matching("moscow times")) == [kremlin]
    assert articles.articles_matching("").count() == 2


def test_photo_counts_are_set_for_a_page_of_articles():
    busy, quiet = make_article(), make_article()
    make_photo(articles=[busy])
    make_photo(articles=[busy])
    assert [a.photo_count for a in articles.with_photo_counts([busy, quiet])] == [2, 0]


def test_an_articles_photos_are_capped_and_say_there_are_more():
    article = make_article()
    for _ in range(3):
        make_photo(articles=[article])
    shown, more = articles.article_photos(article, sees_embargoed=False, limit=2)
    assert len(shown) == 2 and more
    assert articles.article_photos(article, sees_embargoed=False, limit=3)[1] is False


@pytest.mark.parametrize("raw", ["", "abc", "99999", None])
def test_an_article_id_from_a_form_that_names_no_article_is_none(raw):
    make_article()
    assert articles.article_by_id(raw) is None


# --- places ----------------------------------------------------------------------------------


@pytest.mark.parametrize("name", ["Moskau", "Moscou", "moscow", "Russland", "RU"])
def test_a_place_is_found_under_any_of_its_names(name):
    moscow = make_place(city="Moscow", country="Russia", country_code="RU")
    make_place(city="Berlin", country="Germany", country_code="DE")
    assert [row["pk"] for row in places.place_ids_matching(name)] == [moscow.pk]


def test_countries_of_places_lists_each_country_once_by_name():
    make_place(city="Moscow", country="Russia", country_code="RU")
    make_place(city="Kazan", country="Russia", country_code="RU")
    make_place(city="Berlin", country="Germany", country_code="DE")
    make_place(city="Nowhere", country="", country_code="")
    assert places.countries_of_places() == [("DE", "Germany"), ("RU", "Russia")]


# --- photos ----------------------------------------------------------------------------------


def test_a_date_window_finds_every_interval_that_overlaps_it_and_no_undated_photo():
    forties = make_photo(
        date_text="",
        date_edtf="194X",
        date_start=dt.date(1940, 1, 1),
        date_end=dt.date(1949, 12, 31),
        date_precision="decade",
    )
    day = make_photo()  # 2 December 2025
    make_photo(date_text="", date_edtf="", date_start=None, date_end=None, date_precision="")
    found = photos.taken_between(Photo.objects.all(), dt.date(1945, 6, 1), dt.date(1945, 6, 30))
    assert list(found) == [forties]
    assert set(photos.taken_between(Photo.objects.all(), dt.date(2025, 12, 2), None)) == {day}
    assert set(photos.taken_between(Photo.objects.all(), None, dt.date(1950, 1, 1))) == {forties}


def test_orientation_is_the_sign_of_width_minus_height():
    wide, tall, square = (
        make_photo(width_px=30, height_px=20),
        make_photo(width_px=20, height_px=30),
        make_photo(width_px=20, height_px=20),
    )
    for name, photo in (("landscape", wide), ("portrait", tall), ("square", square)):
        assert list(Photo.objects.filter(photos.orientation_condition(name))) == [photo]


def test_more_from_the_same_place_and_day_leave_the_photo_itself_out():
    place = make_place()
    photo, neighbour = make_photo(place=place), make_photo(place=place)
    assert photos.more_from_place(photo, sees_embargoed=False) == [neighbour]
    assert photos.more_from_same_date(photo, sees_embargoed=False) == [neighbour]
    assert photos.more_from_place(make_photo(), sees_embargoed=False) == []


def test_an_existing_record_is_found_by_supplier_and_id_else_by_fingerprint():
    by_id = make_photo(supplier="Alamy", source_id="2R4X9KJ")
    by_text = make_photo(fingerprint="f" * 64)
    assert photos.find_existing_photo(supplier="Alamy", source_id="2R4X9KJ", fingerprint="") == by_id
    assert photos.find_existing_photo(supplier="Getty", source_id="2R4X9KJ", fingerprint="") is None
    assert photos.find_existing_photo(supplier="", source_id="", fingerprint="f" * 64) == by_text
    assert photos.find_existing_photo(supplier="", source_id="", fingerprint="") is None


def test_suppliers_are_listed_once_each_and_cached():
    cache.delete(photos.SUPPLIERS_CACHE_KEY)
    make_photo(supplier="dpa")
    make_photo(supplier="Alamy")
    make_photo(supplier="dpa")
    assert photos.suppliers() == ["Alamy", "dpa"]
    make_photo(supplier="Getty")
    assert photos.suppliers() == ["Alamy", "dpa"]  # until the cache expires
    cache.delete(photos.SUPPLIERS_CACHE_KEY)


# --- history ---------------------------------------------------------------------------------


def test_changes_since_a_loaded_version_name_each_field_and_its_value_now():
    photo = make_photo(caption="first", dpi=150)
    loaded, loaded_history = history.snapshot(photo), history.latest_history_id(photo)
    photo.caption, photo.dpi, photo.place = "second", 300, make_place()
    records.save_photo(photo=photo, user=User.objects.create(username="anna"))
    changes = history.changes_since(photo=photo, loaded=loaded)
    assert {(c.name, c.value) for c in changes} == {("caption", "second"), ("dpi", "300"), ("place", "Moscow, Russia")}
    assert history.last_saved_by(photo, loaded_history_id=loaded_history).username == "anna"
    assert history.changes_since(photo=photo, loaded=history.snapshot(photo)) == []


def test_changes_since_a_record_made_without_history():
    """Records generated or imported in bulk have no history rows: the changes still show."""
    [photo] = Photo.objects.bulk_create([Photo(caption="bulk", headline="", width_px=10, height_px=10, dpi=300)])
    assert not photo.history.exists()
    loaded = history.snapshot(Photo.objects.get(pk=photo.pk))
    Photo.objects.filter(pk=photo.pk).update(headline="Written behind history's back", version=2)
    changes = history.changes_since(photo=Photo.objects.get(pk=photo.pk), loaded=loaded)
    assert [(c.name, c.value) for c in changes] == [("headline", "Written behind history's back")]
    assert history.last_saved_by(photo, loaded_history_id=None) is None


def test_a_datetime_compares_as_the_same_instant_in_any_zone_to_the_second():
    from zoneinfo import ZoneInfo

    instant = dt.datetime(2026, 3, 4, 0, 1, 5, 250, tzinfo=ZoneInfo("Europe/Berlin"))
    assert history.comparable(instant) == history.comparable(instant.astimezone(dt.UTC).replace(microsecond=0))


def test_linked_articles_are_read_as_sorted_ids_and_headlines():
    first, second = make_article(headline="B"), make_article(headline="A")
    photo = make_photo(articles=[second, first])
    assert history.linked_article_ids(photo) == sorted([first.pk, second.pk])
    assert sorted(history.article_headlines([first.pk, second.pk])) == ["A", "B"]
