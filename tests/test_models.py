"""The record: derived print sizes, constraints at the database, validation in clean()."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from captions.models import Photo
from tests.builders import make_article, make_photo, make_place

pytestmark = pytest.mark.django_db


def test_print_sizes_are_derived_from_pixels_and_dpi():
    photo = make_photo(width_px=1880, height_px=1160, dpi=150)
    assert round(photo.native_print_size.width_cm, 1) == 31.8
    assert round(photo.print_size_300.width_cm, 1) == 15.9
    assert photo.orientation == "landscape"
    assert photo.megapixels == pytest.approx(2.1808)
    photo.dpi = 300
    assert round(photo.native_print_size.width_cm, 1) == 15.9  # nothing stored that could go stale


def test_no_print_size_column_is_stored():
    columns = {f.column for f in Photo._meta.concrete_fields}
    assert not {c for c in columns if "cm" in c or "inch" in c or c.endswith("_in")}


def test_print_size_absent_without_dpi():
    photo = make_photo(dpi=None)
    assert photo.native_print_size is None
    assert photo.print_size_300 is not None


@pytest.mark.parametrize("field, value", [("width_px", 0), ("height_px", 0), ("dpi", 0), ("dpi", 10_001)])
def test_database_refuses_impossible_pixels_and_dpi(field, value):
    photo = make_photo()
    with pytest.raises(IntegrityError), transaction.atomic():
        Photo.objects.filter(pk=photo.pk).update(**{field: value})


def test_database_refuses_interval_ending_before_it_starts():
    photo = make_photo()
    with pytest.raises(IntegrityError), transaction.atomic():
        Photo.objects.filter(pk=photo.pk).update(date_start=dt.date(2025, 12, 3), date_end=dt.date(2025, 12, 2))


def test_database_refuses_half_an_interval():
    photo = make_photo()
    with pytest.raises(IntegrityError), transaction.atomic():
        Photo.objects.filter(pk=photo.pk).update(date_end=None)


def test_supplier_and_source_id_unique_together_when_present():
    make_photo(supplier="Alamy", source_id="2XK4P7M")
    make_photo(supplier="Getty Images", source_id="2XK4P7M")  # another agency may reuse the number
    make_photo(supplier="Alamy", source_id="")
    make_photo(supplier="Alamy", source_id="")  # absent ids never collide
    with pytest.raises(IntegrityError), transaction.atomic():
        Photo.objects.create(supplier="Alamy", source_id="2XK4P7M")


def test_same_image_file_hash_is_unique():
    make_photo(content_hash="a" * 64)
    with pytest.raises(IntegrityError), transaction.atomic():
        Photo.objects.create(content_hash="a" * 64)


def test_clean_reports_interval_order_with_a_code():
    photo = Photo(caption="x", date_start=dt.date(2025, 12, 3), date_end=dt.date(2025, 12, 2), date_precision="day")
    with pytest.raises(ValidationError) as exc:
        photo.full_clean()
    assert exc.value.error_dict["date_end"][0].code == "date_order"


def test_clean_reports_half_an_interval():
    photo = Photo(caption="x", date_start=dt.date(2025, 12, 3), date_precision="day")
    with pytest.raises(ValidationError) as exc:
        photo.full_clean()
    assert exc.value.error_dict["date_end"][0].code == "incomplete_interval"


def test_field_validators_refuse_dpi_out_of_range():
    photo = Photo(caption="x", dpi=20_000)
    with pytest.raises(ValidationError) as exc:
        photo.full_clean()
    assert "dpi" in exc.value.error_dict


def test_caveats_list_is_sorted_tags():
    photo = make_photo(caveat_no_model_release=True, caveat_editorial_only=True)
    assert photo.caveats == ["editorial_only", "no_model_release"]
    assert list(Photo.objects.with_caveat("editorial_only")) == [photo]


def test_embargo_queryset_helpers():
    from django.utils import timezone

    later = make_photo(embargo_until=timezone.now() + dt.timedelta(days=1))
    past = make_photo(embargo_until=timezone.now() - dt.timedelta(days=1))
    free = make_photo()
    assert list(Photo.objects.embargoed()) == [later]
    assert set(Photo.objects.releasable()) == {past, free}
    assert later.is_embargoed() and not past.is_embargoed()


def test_place_is_shared_and_searchable_in_other_languages():
    a = make_place(city="Moscow", country_code="RU", country="Russia")
    b = make_place(city="Moscow", country_code="RU", country="Russia")
    assert a.pk == b.pk
    assert "|moskau|" in a.search_names and "|russland|" in a.search_names and "|ru|" in a.search_names


def test_articles_link_both_ways():
    article = make_article()
    photo = make_photo(articles=[article])
    assert list(article.photos.all()) == [photo]
    assert list(photo.articles.all()) == [article]


def test_every_parser_code_has_a_label_for_people():
    from captions.core.vocabulary import CAVEAT_CODES, PROBLEM_CODES
    from captions.models import CAVEAT_LABELS, PROBLEM_LABELS

    assert set(CAVEAT_LABELS) == set(CAVEAT_CODES)
    assert set(PROBLEM_LABELS) == set(PROBLEM_CODES)


def test_a_photo_without_caption_or_headline_has_a_name():
    """str() of a lazy translation is not a str: the admin's change page was a server error."""
    photo = make_photo(caption="", headline="")
    assert str(photo) == "Untitled photo" and isinstance(photo.__str__(), str)
