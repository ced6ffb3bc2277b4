"""What every parsed record must be, whatever the text (SPEC "Caption blocks"): shared by the
property tests and `make fuzz` (scripts/fuzz_parser.py)."""

from __future__ import annotations

from datetime import date, datetime

from captions.core import places
from captions.ingest import CAVEAT_CODES, PROBLEM_CODES, SPEC_FIELDS


def check_record(record) -> None:
    """Assert that a ParsedCaption keeps the contract: every SPEC field with its type, a
    coherent date interval, a known country under its code, only known codes, sorted."""
    spec = record.as_spec_dict()
    assert tuple(spec) == SPEC_FIELDS
    assert isinstance(spec["caption"], str)
    for name in ("width_px", "height_px", "dpi"):
        value = spec[name]
        assert value is None or (type(value) is int and 0 < value < 10**6), (name, value)
    for name in ("print_width_cm", "print_height_cm", "print_width_in", "print_height_in"):
        assert spec[name] is None or isinstance(spec[name], float), (name, spec[name])
    for name in ("date_start", "date_end"):
        assert spec[name] is None or date.fromisoformat(spec[name])
    if record.date_start and record.date_end:
        assert record.date_start <= record.date_end
    assert (record.date_start is None) == (record.date_end is None)
    assert spec["date_precision"] in (None, "day", "month", "year", "decade")
    assert (spec["date_precision"] is None) == (spec["date_start"] is None)
    assert isinstance(spec["approximate"], bool)
    for name in ("sublocation", "city", "region", "country", "country_code", "credit", "source_id"):
        assert spec[name] is None or (isinstance(spec[name], str) and spec[name].strip()), (name, spec[name])
    if spec["country_code"] is not None:
        country = places.country_by_code(spec["country_code"])
        assert country is not None and country.name == spec["country"], (spec["country_code"], spec["country"])
    else:
        assert spec["country"] is None
    assert spec["embargo_until"] is None or datetime.fromisoformat(spec["embargo_until"]).utcoffset() is not None
    assert spec["language"] in ("en", "de", "fr", "es")
    assert set(spec["caveats"]) <= CAVEAT_CODES and spec["caveats"] == sorted(set(spec["caveats"]))
    assert set(spec["problems"]) <= PROBLEM_CODES and spec["problems"] == sorted(set(spec["problems"]))
    assert set(record.problem_details) == set(record.problems)
