"""PDF spec sheets: the text a print shop reads (extracted from the PDF), one A4 page per photo,
the preview when there is one, the embargo refusal, and the capped selection sheet."""

import datetime as dt
import io
import re

import pytest
from django.core.files.base import ContentFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from PIL import Image
from pypdf import PdfReader

from captions.exports import pdf_sheet
from tests.builders import make_article, make_photo, production
from tests.export_helpers import SEED_ARTICLE_URL, seed_photo

pytestmark = pytest.mark.django_db
A4_POINTS = (595.28, 841.89)


@pytest.fixture
def shop(client):
    client.force_login(production())
    return client


def read_pdf(response) -> tuple[PdfReader, list[str]]:
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    reader = PdfReader(io.BytesIO(response.content))
    # one space for any run of whitespace: a wrapped line reads as one sentence
    return reader, [re.sub(r"\s+", " ", page.extract_text()) for page in reader.pages]


def test_seed_sheet_is_one_a4_page_with_sizes_caveats_ids_and_articles(shop):
    photo = seed_photo(supplier="Alamy", source_id="2R7XW4K", credit="Alamy Stock Photo / ITAR-TASS")
    reader, [text] = read_pdf(shop.get(reverse("photo_spec_pdf", args=[photo.pk])))
    assert len(reader.pages) == 1
    box = reader.pages[0].mediabox
    assert (round(float(box.width), 2), round(float(box.height), 2)) == A4_POINTS
    assert f"Print spec · photo {photo.pk}" in text and "Alamy · image id 2R7XW4K" in text
    assert "CAVEATS AND RESTRICTIONS — READ BEFORE PRINTING" in text
    assert "May have imperfections (historical / reportage)" in text
    assert "Supplier's wording: “Dieses Bild kann kleinere Mängel aufweisen" in text
    assert "1880 × 1160 px" in text and "150 dpi (as supplied)" in text
    # the print-size table: 150 (native), 240 and 300 dpi, cm and inches
    assert "150 dpi 31.8 × 19.6 12.5 × 7.7 native (as supplied)" in text
    assert "240 dpi 19.9 × 12.3 7.8 × 4.8" in text
    assert "300 dpi 15.9 × 9.8 6.3 × 3.9 print quality" in text
    assert "Longest edge 15.9 cm / 6.3 in at 300 dpi" in text
    assert "Der russische Präsident Wladimir Putin hält im Kreml ein Treffen" in text
    assert "Credit: Alamy Stock Photo / ITAR-TASS" in text
    assert "2. Dezember 2025 (2025-12-02)" in text and "Kremlin, Moscow, Russia" in text
    assert "As Moscow prepares for possible negotiations with Washington — The Moscow Times" in text
    assert SEED_ARTICLE_URL in text
    assert "No preview image on file. Match the file by the supplier's image id 2R7XW4K." in text
    assert "page 1 of 1" in text


def test_sheet_shows_the_stored_preview_image(shop):
    photo = seed_photo()
    buffer = io.BytesIO()
    Image.new("RGB", (470, 290), (180, 40, 40)).save(buffer, "JPEG")
    photo.preview.save("preview.jpg", ContentFile(buffer.getvalue()), save=True)
    reader, [text] = read_pdf(shop.get(reverse("photo_spec_pdf", args=[photo.pk])))
    images = reader.pages[0].images
    assert len(images) == 1 and images[0].image.size == (470, 290)
    assert "No preview image on file" not in text and len(reader.pages) == 1


def test_a_photo_without_dpi_is_flagged_and_still_gets_its_size_table(shop):
    photo = make_photo(dpi=None, problems=["missing_dpi"])
    _, [text] = read_pdf(shop.get(reverse("photo_spec_pdf", args=[photo.pk])))
    assert "CAVEATS AND RESTRICTIONS" in text and "No resolution (dpi) stated by the supplier" in text
    assert "300 dpi 15.9 × 9.8" in text and "native (as supplied)" not in text


def test_a_photo_without_caveats_says_so_in_a_calm_box(shop):
    photo = make_photo()
    _, [text] = read_pdf(shop.get(reverse("photo_spec_pdf", args=[photo.pk])))
    assert "No caveats or restrictions recorded" in text and "CAVEATS AND RESTRICTIONS" not in text


def test_mandatory_credit_names_the_credit_inside_the_box(shop):
    photo = make_photo(caveat_mandatory_credit=True, credit="Jonas Weber / Bildagentur Süd")
    _, [text] = read_pdf(shop.get(reverse("photo_spec_pdf", args=[photo.pk])))
    assert "• Mandatory credit: Jonas Weber / Bildagentur Süd" in text


def test_another_target_dpi_adds_its_row(shop):
    photo = seed_photo()
    _, [text] = read_pdf(shop.get(reverse("photo_spec_pdf", args=[photo.pk]), {"at_dpi": "600"}))
    assert "600 dpi 8.0 × 4.9 3.1 × 1.9 requested target" in text


def test_a_malformed_target_dpi_is_refused_with_the_fix(shop):
    photo = seed_photo()
    response = shop.get(reverse("photo_spec_pdf", args=[photo.pk]), {"at_dpi": "lots"})
    assert response.status_code == 400 and "Use a whole number from 1 to 10000" in response.text


def test_german_readers_get_decimal_commas(shop):
    photo = seed_photo()
    _, [text] = read_pdf(shop.get(reverse("photo_spec_pdf", args=[photo.pk]), HTTP_ACCEPT_LANGUAGE="de"))
    assert "31,8 × 19,6" in text and "12,5 × 7,7" in text and "15,9 × 9,8" in text


def test_an_embargoed_photo_sheet_is_refused_with_the_date_it_becomes_available(shop):
    until = timezone.now() + dt.timedelta(days=3)
    photo = make_photo(embargo_until=until, caveat_embargo=True)
    response = shop.get(reverse("photo_spec_pdf", args=[photo.pk]))
    assert response.status_code == 409 and response["Content-Type"].startswith("text/html")
    assert "This photo is under embargo" in response.text
    assert (
        f"Photo {photo.pk} is embargoed until" in response.text and str(timezone.localtime(until).year) in response.text
    )
    assert "cannot reach a print order early" in response.text


def test_a_past_embargo_is_printed_as_ended(shop):
    photo = make_photo(embargo_until=timezone.now() - dt.timedelta(days=1))
    _, [text] = read_pdf(shop.get(reverse("photo_spec_pdf", args=[photo.pk])))
    assert "Embargo ended" in text


# --- a selection --------------------------------------------------------------------------------


def test_selection_pdf_has_a_summary_then_one_sheet_per_photo_without_embargoed_ones(shop):
    first = seed_photo()
    second = make_photo(caption="Harbour at dawn", caveat_editorial_only=True)
    make_photo(caption="Secret summit", embargo_until=timezone.now() + dt.timedelta(days=1))
    response = shop.get(reverse("export_specs_pdf"), {"sort": "added"})
    assert response["Content-Disposition"].startswith('attachment; filename="specs_sort-added_')
    reader, pages = read_pdf(response)
    assert len(reader.pages) == 3
    assert "Print specs of a selection" in pages[0] and "sort=added" in pages[0]
    assert "NOT EVERYTHING IS IN THIS PDF" in pages[0]
    assert "1 embargoed photo was left out: it is not in this PDF and must not be ordered yet." in pages[0]
    assert "Secret summit" not in " ".join(pages)
    assert f"Print spec · photo {first.pk}" in pages[1] and f"Print spec · photo {second.pk}" in pages[2]
    assert "15.9 × 9.8" in pages[0]  # the summary table's size at the target dpi


def test_selection_pdf_is_capped_with_a_clear_message(shop, monkeypatch):
    monkeypatch.setattr(pdf_sheet, "MAX_PHOTOS_PER_PDF", 2)
    for n in range(3):
        make_photo(caption=f"Photo number {n}")
    reader, pages = read_pdf(shop.get(reverse("export_specs_pdf")))
    assert len(reader.pages) == 3  # summary + 2 sheets
    assert "The selection holds 3 photos; this PDF has the first 2 only." in pages[0]
    assert "Narrow the filters, or export all of them as CSV or JSON." in pages[0]


def test_selection_pdf_of_nothing_says_so(shop):
    _, [text] = read_pdf(shop.get(reverse("export_specs_pdf"), {"q": "nonexistentword"}))
    assert "No photos match these filters." in text


def test_selection_pdf_query_count_does_not_grow_with_the_photos(shop):
    def queries():
        with CaptureQueriesContext(connection) as captured:
            assert shop.get(reverse("export_specs_pdf")).status_code == 200
        return len(captured)

    for _ in range(2):
        make_photo(articles=[make_article()])
    few = queries()
    for _ in range(10):
        make_photo(articles=[make_article(), make_article()])
    assert queries() == few


def test_many_articles_keep_the_sheet_on_one_page(shop):
    photo = seed_photo()
    for n in range(6):
        photo.articles.add(make_article(headline=f"Follow-up {n} on the talks between Moscow and Washington"))
    reader, [text] = read_pdf(shop.get(reverse("photo_spec_pdf", args=[photo.pk])))
    assert len(reader.pages) == 1
    assert "and 4 more linked articles: see the photo's page in the archive." in text
