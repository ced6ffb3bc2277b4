"""captions.exports.rows: one format-neutral SpecRow per photo, with every size derived from
pixels and dpi (the renderers only round and format)."""

import datetime as dt

import pytest
from django.utils import timezone

from captions.core import dimensions
from captions.exports.rows import derived_values, spec_row_for, spec_rows
from captions.models import Photo
from tests.builders import make_article, make_photo, make_place

pytestmark = pytest.mark.django_db


def test_a_row_carries_the_record_and_its_derived_sizes_at_native_target_and_300_dpi():
    place = make_place(sublocation="Kremlin", city="Moscow", country="Russia", country_code="RU")
    photo = make_photo(
        supplier="Alamy",
        source_id="2R4X9KJ",
        width_px=1880,
        height_px=1160,
        dpi=150,
        place=place,
        caveat_mandatory_credit=True,
        caveat_editorial_only=True,
        restriction_text="Editorial use only.",
    )
    row = spec_row_for(photo, target_dpi=240)
    assert (row.id, row.supplier, row.source_id) == (photo.pk, "Alamy", "2R4X9KJ")
    assert row.native == dimensions.print_size(1880, 1160, 150)
    assert row.target == dimensions.print_size(1880, 1160, 240)
    assert row.at_reference == dimensions.print_size(1880, 1160, 300)
    assert row.longest_edge_cm == pytest.approx(1880 / 300 * 2.54)
    assert (row.megapixels, row.orientation, row.aspect_ratio) == (
        dimensions.megapixels(1880, 1160),
        "landscape",
        dimensions.aspect_ratio(1880, 1160),
    )
    assert (row.place, row.country_code) == ("Kremlin, Moscow, Russia", "RU")
    assert row.caveats == ("editorial_only", "mandatory_credit")  # the vocabulary's order
    assert row.date_start == dt.date(2025, 12, 2) and row.date_precision == "day"


def test_a_photo_without_pixels_or_dpi_has_no_sizes_it_cannot_have():
    no_pixels = spec_row_for(make_photo(width_px=None, height_px=None))
    assert (no_pixels.native, no_pixels.target, no_pixels.megapixels, no_pixels.print_sizes()) == (None, None, None, [])
    no_dpi = spec_row_for(make_photo(dpi=None))
    assert no_dpi.native is None and no_dpi.target == dimensions.print_size(1880, 1160, 300)


def test_without_a_place_the_place_as_supplied_is_shown():
    row = spec_row_for(make_photo(place_text="somewhere near Kazan"))
    assert (row.place, row.country_code) == ("somewhere near Kazan", "")


def test_article_urls_come_in_publication_order_and_urlless_articles_are_left_out():
    later = make_article(url="https://example.org/later", published_date=dt.date(2025, 12, 5))
    earlier = make_article(url="https://example.org/earlier", published_date=dt.date(2025, 12, 3))
    no_url = make_article(url=None)
    row = spec_row_for(make_photo(articles=[later, no_url, earlier]))
    assert row.article_urls == ("https://example.org/earlier", "https://example.org/later")


def test_rows_follow_the_selections_order_across_chunks():
    made = [make_photo(caption=f"photo {n}") for n in range(5)]
    rows = list(spec_rows(Photo.objects.order_by("-id"), chunk_size=2))
    assert [row.id for row in rows] == [photo.pk for photo in reversed(made)]


def test_the_embargo_is_carried_as_a_moment():
    until = timezone.now() + dt.timedelta(days=2)
    row = spec_row_for(make_photo(embargo_until=until, caveat_embargo=True))
    assert row.embargo_until == until and "embargo" in row.caveats


def test_derived_values_are_computed_once_per_pixel_size():
    derived_values.cache_clear()
    for _ in range(3):
        derived_values(4000, 3000, 300, 300)
    info = derived_values.cache_info()
    assert (info.misses, info.hits) == (1, 2)
