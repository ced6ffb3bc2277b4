"""The record's rules (captions/validation.py), behind Photo.clean() and so behind every form
and service: codes, messages, and the problems an imported record is allowed to keep."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.test import override_settings
from django.utils import timezone

from captions import conf, validation
from captions.models import Photo
from tests.builders import make_photo, make_place

TODAY = dt.date(2026, 1, 15)


def codes(photo, today=TODAY):
    try:
        validation.validate_photo(photo, today=today)
    except ValidationError as exc:
        return {field: [e.code for e in errors] for field, errors in exc.error_dict.items()}
    return {}


def photo(**values):
    defaults = {
        "caption": "x",
        "width_px": 1880,
        "height_px": 1160,
        "dpi": 150,
        "date_text": "2. Dezember 2025",
        "date_edtf": "2025-12-02",
        "date_start": dt.date(2025, 12, 2),
        "date_end": dt.date(2025, 12, 2),
        "date_precision": "day",
    }
    defaults.update(values)
    return Photo(**defaults)


def test_a_clean_record_passes():
    assert codes(photo()) == {}


@pytest.mark.parametrize("dpi,ok", [(1, True), (10_000, True), (0, False), (10_001, False)])
def test_dpi_range(dpi, ok):
    assert (codes(photo(dpi=dpi)) == {}) is ok


def test_dates_through_the_parsers_reading():
    assert codes(photo(date_text="31. Februar 2025")) == {"date_text": ["invalid_date"]}
    assert codes(photo(date_text="2. Dezember 2027")) == {"date_text": ["future_date"]}
    assert codes(photo(date_edtf="2023-02-29")) == {"date_edtf": ["invalid_edtf"]}
    assert codes(photo(date_edtf="2027")) == {"date_edtf": ["future_date"]}


def test_interval_rules():
    assert codes(photo(date_start=dt.date(2025, 12, 5), date_end=dt.date(2025, 12, 1))) == {"date_end": ["date_order"]}
    assert codes(photo(date_end=None)) == {"date_end": ["incomplete_interval"]}
    assert codes(photo(date_precision="")) == {"date_precision": ["precision_missing"]}
    assert codes(photo(date_text="", date_edtf="", date_start=dt.date(2027, 1, 1), date_end=dt.date(2027, 1, 1))) == {
        "date_start": ["future_date"]
    }


@pytest.mark.django_db
def test_a_place_with_a_country_code_that_is_no_country():
    place = make_place(city="Nowhere", country="", country_code="XX")
    assert codes(photo(place=place)) == {"place": ["unknown_country"]}


@pytest.mark.django_db
def test_kosovo_is_a_country_code_as_the_parser_reads_it():
    # XK is not assigned by ISO 3166-1 but is in common use; the parser gives it to Pristina
    place = make_place(city="Pristina", country="Kosovo", country_code="XK")
    assert codes(photo(place=place)) == {}


def test_problems_recorded_on_an_import_are_kept_not_refused():
    assert codes(photo(date_text="31. Februar 2025", problems=["invalid_date"])) == {}


def test_editing_a_field_takes_over_its_problems():
    assert validation.excused_problems(["invalid_date", "truncated_text"], ["credit"]) == [
        "invalid_date",
        "truncated_text",
    ]
    assert validation.excused_problems(["invalid_date", "truncated_text"], ["date_text"]) == ["truncated_text"]
    assert validation.excused_problems(["print_size_mismatch"], ["dpi"]) == []


def test_current_problems_are_checked_again_from_the_fields():
    fixed = photo(dpi=300)
    assert validation.current_problems(fixed, kept=["missing_dpi", "truncated_text"], today=TODAY) == ["truncated_text"]
    assert validation.current_problems(photo(dpi=None, width_px=None), kept=[], today=TODAY) == [
        "missing_dimensions",
        "missing_dpi",
    ]


def test_an_invalid_date_of_the_title_is_checked_again_in_the_headline():
    # the parser flags a title's day that does not exist and dates the record by the caption's
    # valid day: date_text cannot show the problem, the headline does
    titled = photo(headline="Lantern parade by the river, 31 June 2025", date_text="30 June 2025")
    assert validation.current_problems(titled, kept=["invalid_date"], today=TODAY) == ["invalid_date"]
    corrected = photo(headline="Lantern parade by the river, 30 June 2025", date_text="30 June 2025")
    assert validation.current_problems(corrected, kept=["invalid_date"], today=TODAY) == []
    # no new flag the parser did not raise (an editor who reviewed it, a labelled date field)
    assert validation.current_problems(titled, kept=[], today=TODAY) == []
    # a headline without a date, or with a day that exists, shows nothing
    assert not validation.headline_names_a_day_that_does_not_exist("Laternenumzug am Fluss", today=TODAY)
    assert not validation.headline_names_a_day_that_does_not_exist("Laternenumzug, 30. Juni 2025", today=TODAY)
    assert validation.headline_names_a_day_that_does_not_exist("Laternenumzug, 31. Juni 2025", today=TODAY)


def test_stated_sizes_use_the_parsers_tolerance():
    # 1880 px at 150 dpi = 31.83 cm: "31,8" agrees, "31,9" (±0.06) does not, "32" (±0.51) does.
    check = lambda **stated: validation.stated_size_errors(1880, 1160, 150, stated)  # noqa: E731
    assert check(stated_width_cm="31,8") == {}
    assert check(stated_width_cm="32") == {}
    [error] = check(stated_width_cm="31,9").values()
    assert error.code == "print_size_mismatch"
    assert check(stated_height_in="7.7", stated_width_in="12.5") == {}
    assert validation.stated_size_errors(1880, 1160, None, {"stated_width_cm": "1"}) == {}  # nothing to check against


def test_country_names_in_four_languages():
    assert validation.country_name_error("Russland") is None
    assert validation.country_name_error("Allemagne") is None
    assert validation.country_name_error("USA") is None
    assert validation.country_name_error("Atlantis").code == "unknown_country"


def test_embargo_warning():
    now = timezone.now()
    assert validation.embargo_warning(now + dt.timedelta(days=1), now=now) is None
    assert validation.embargo_warning(now - dt.timedelta(days=1), now=now).code == "embargo_in_past"


@pytest.mark.django_db
def test_model_clean_applies_the_rules_to_services_too():
    with pytest.raises(ValidationError) as caught:
        make_photo(date_text="31. Februar 2025")
    assert caught.value.error_dict["date_text"][0].code == "invalid_date"
    kept = make_photo(
        date_text="31. Februar 2025",
        date_edtf="",
        date_start=None,
        date_end=None,
        date_precision="",
        problems=["invalid_date"],
        needs_review=True,
    )
    assert kept.pk


def test_upload_limits_have_defaults_and_follow_settings():
    assert conf.DEFAULTS["CAPTIONS_MAX_UPLOAD_BYTES"] == 50 * 1024 * 1024
    with override_settings(CAPTIONS_MAX_UPLOAD_BYTES=1234, CAPTIONS_MAX_IMAGE_PIXELS=99):
        assert (conf.max_upload_bytes(), conf.max_image_pixels()) == (1234, 99)
    assert conf.thumbnail_size() == 240 and conf.preview_size() == 1200


def test_system_check_refuses_a_non_positive_upload_limit():
    from captions.checks import upload_limits

    assert upload_limits(None) == []
    with override_settings(CAPTIONS_MAX_UPLOAD_BYTES=0):
        [error] = upload_limits(None)
    assert error.id == "captions.E002" and "CAPTIONS_MAX_UPLOAD_BYTES must be a positive whole number" in error.msg


def test_a_stated_size_error_names_the_derived_size_as_the_pages_round_it():
    # 3735 px at 300 dpi = 12.45 in: every page shows 12.5 (half-up, dimensions.round_half_up),
    # so the error must not say 12.4; in German it is written with a decimal comma.
    from django.utils import translation

    [error] = validation.stated_size_errors(3735, 2490, 300, {"stated_width_in": "13"}).values()
    assert "print 12.5 in" in error.messages[0]
    with translation.override("de"):
        [error] = validation.stated_size_errors(3735, 2490, 300, {"stated_width_in": "13"}).values()
        assert "12,5" in error.messages[0]
