"""In a real browser: production staff find the export buttons, download a CSV of what the
filters select and a photo's spec sheet; an embargoed photo's page says when its sheet comes."""

import datetime as dt

import pytest
from django.utils import timezone

from tests.builders import make_photo, production
from tests.conftest import artifact
from tests.export_helpers import csv_records, seed_photo

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_production_downloads_the_filtered_csv_and_a_spec_sheet(page_for):
    photo = seed_photo(supplier="Alamy", source_id="2R7XW4K")
    make_photo(caption="Harbour at dawn")
    page = page_for(production())
    page.goto(page.base_url + "/?caveat=imperfect_historical")
    exports = page.get_by_role("navigation", name="Export print-ready specs of these photos")
    assert exports.is_visible()
    page.screenshot(path=artifact("export-browse-buttons.png"), full_page=True)
    with page.expect_download() as download_info:
        exports.get_by_role("link", name="CSV", exact=True).click()
    download = download_info.value
    assert download.suggested_filename.startswith("specs_caveat-imperfect_historical_")
    with open(download.path(), encoding="utf-8") as handle:
        rows = csv_records(handle.read())
    assert [int(r["id"]) for r in rows] == [photo.pk]
    assert (rows[0]["print_width_cm"], rows[0]["print_height_cm"]) == ("31.8", "19.6")

    page.goto(page.base_url + f"/photos/{photo.pk}/")
    sheet_link = page.get_by_role("link", name="Print spec sheet (PDF)")
    assert sheet_link.is_visible()
    page.screenshot(path=artifact("export-photo-button.png"))
    with page.expect_download() as download_info:
        sheet_link.click()
    with open(download_info.value.path(), "rb") as handle:
        assert handle.read(5) == b"%PDF-"


def test_an_embargoed_photo_page_says_when_its_sheet_comes(page_for):
    photo = make_photo(caption="Summit under embargo", embargo_until=timezone.now() + dt.timedelta(days=2))
    page = page_for(production())
    page.goto(page.base_url + f"/photos/{photo.pk}/")
    note = page.get_by_role("note")
    assert "Spec sheet available when the embargo ends" in note.inner_text()
    assert page.get_by_role("link", name="Print spec sheet (PDF)").count() == 0
    page.screenshot(path=artifact("export-photo-embargoed.png"))
