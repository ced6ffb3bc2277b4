"""`manage.py export_specs`: the same rows and renderers as the web export, for batch jobs."""

import datetime as dt
import io
import json

import pytest
from django.core.management import CommandError, call_command
from django.utils import timezone

from tests.builders import make_photo
from tests.export_helpers import SEED_ARTICLE_URL, csv_records, seed_photo

pytestmark = pytest.mark.django_db


def run(*args):
    out, err = io.StringIO(), io.StringIO()
    call_command("export_specs", *args, stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def test_csv_to_standard_output_holds_the_seed_row_and_the_selection_line():
    photo = seed_photo()
    make_photo(caption="No caveat here")
    make_photo(caveat_imperfect_historical=True, embargo_until=timezone.now() + dt.timedelta(days=1))
    out, err = run("--format", "csv", "--caveat", "imperfect_historical")
    rows = csv_records(out)
    assert err.startswith("filters: caveat=imperfect_historical; exported ")
    assert err.strip().endswith("; target 300 dpi; 1 embargoed photo left out")
    assert [r["id"] for r in rows] == [str(photo.pk)]
    assert (
        rows[0]["print_width_cm"],
        rows[0]["print_height_cm"],
        rows[0]["print_width_in"],
        rows[0]["print_height_in"],
    ) == ("31.8", "19.6", "12.5", "7.7")
    assert (rows[0]["target_width_cm"], rows[0]["target_height_cm"]) == ("15.9", "9.8")
    assert rows[0]["article_urls"] == SEED_ARTICLE_URL
    assert out.splitlines()[0].startswith("id,supplier,") and len(out.splitlines()) == 2


def test_german_csv_to_a_file(tmp_path):
    seed_photo()
    target = tmp_path / "specs.csv"
    out, err = run("--format", "csv", "--dialect", "excel-de", "--at-dpi", "240", "-o", str(target))
    assert out == "" and err.startswith(f"wrote {target} (filters: at_dpi=240; exported ")
    assert err.strip().endswith("; target 240 dpi; 0 embargoed photos left out)")
    [row] = csv_records(target.read_text(encoding="utf-8"), delimiter=";")
    assert (row["target_dpi"], row["target_width_cm"], row["target_height_cm"]) == ("240", "19,9", "12,3")


def test_json_with_several_filters():
    photo = seed_photo()
    make_photo(width_px=1000, height_px=1500)
    out, _ = run(
        "--format",
        "json",
        "--orientation",
        "landscape",
        "--min-print-width-cm",
        "30",
        "--at-dpi",
        "150",
        "--sort",
        "taken",
    )
    document = json.loads(out)
    assert document["meta"]["filters"] == {
        "orientation": "landscape",
        "min_print_width_cm": "30",
        "at_dpi": "150",
        "sort": "taken",
    }
    assert [p["id"] for p in document["photos"]] == [photo.pk]
    assert document["photos"][0]["print_size_at_target"]["width_cm"] == 1880 / 150 * 2.54


def test_a_malformed_filter_is_one_clear_error_and_nothing_is_written(tmp_path):
    target = tmp_path / "specs.csv"
    with pytest.raises(CommandError, match=r"nothing exported, fix the filters: --taken-after: .*YYYY"):
        run("--format", "csv", "--taken-after", "gestern", "-o", str(target))
    assert not target.exists()


def test_an_unwritable_output_is_one_clear_error(tmp_path):
    with pytest.raises(CommandError, match="cannot write"):
        run("--format", "json", "-o", str(tmp_path / "missing-dir" / "specs.json"))


@pytest.mark.django_db
def test_undated_option_selects_only_undated_photos():
    from io import StringIO

    from django.core.management import call_command

    from tests.builders import make_photo

    make_photo(source_id="DATED1", supplier="Test")
    make_photo(
        source_id="UNDATED1",
        supplier="Test",
        date_text="",
        date_edtf="",
        date_start=None,
        date_end=None,
        date_precision="",
    )
    out = StringIO()
    call_command("export_specs", "--format", "csv", "--undated", stdout=out)
    assert "UNDATED1" in out.getvalue() and "DATED1" not in out.getvalue().replace("UNDATED1", "")
