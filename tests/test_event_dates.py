"""Dates a caption names as other events' are no shoot date (pure: no database).

Blocks written here; the real ones that showed the forms are in tests/data/real_captions.
"""

from __future__ import annotations

from datetime import date

import pytest

from captions.ingest import parse_block

TODAY = date(2025, 12, 31)


@pytest.mark.parametrize(
    "caption",
    [
        "Das Rathaus der Stadt, eröffnet am 3. Mai 1987, soll abgerissen werden.",
        "The museum, founded in 1923, reopens its doors to visitors.",
        "La fontaine, construite en 1850, a été restaurée.",
        "El club, fundado en 1905, celebra su centenario con una exposición.",
        "Relatives mourn victims of the May 12, 2008, earthquake in front of a collapsed school.",
        "Lanterns float on the river in memory of those killed in the March 2011 quake.",
        "El mercado, abierto al público desde 1974, recibe a miles de turistas.",
    ],
)
def test_a_date_named_as_another_events_is_no_shoot_date(caption):
    record = parse_block(caption, today=TODAY)
    assert record.date_start is None, record.date_text


def test_the_pictures_own_date_is_read_past_an_event_date():
    record = parse_block(
        "Visitors walk through the hall of the museum, founded in 1923, on May 4, 2024, in Vienna.",
        today=TODAY,
    )
    assert (record.date_start, record.date_end) == (date(2024, 5, 4), date(2024, 5, 4))
    german = parse_block("Das Stadion, eröffnet am 6. September 2000, am 3. März 2021.", today=TODAY)
    assert german.date_start == date(2021, 3, 3)


def test_a_range_after_since_or_desde_is_still_the_pictures_span():
    record = parse_block("Fotografías tomadas en la ciudad desde 1944 hasta 1946.", today=TODAY)
    assert (record.date_start, record.date_end) == (date(1944, 1, 1), date(1946, 12, 31))


def test_a_date_after_the_that_is_no_adjective_stays_the_pictures():
    record = parse_block("Crowds gather on the March 3, 2020. Police watch.", today=TODAY)
    assert record.date_start == date(2020, 3, 3)
    plain = parse_block("Protesters march in Paris on March 3, 2020, against the reform.", today=TODAY)
    assert plain.date_start == date(2020, 3, 3)
