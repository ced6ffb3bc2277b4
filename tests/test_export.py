"""CSV and JSON exports: exact rows for the seed, the German dialect, every browse filter passing
through, embargo exclusion, streaming with a constant number of queries, clear refusals."""

import datetime as dt
import urllib.parse

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from captions.exports.csv_format import COLUMNS
from captions.models import Photo
from captions.selectors.filters import PhotoFilterSet
from tests.builders import make_article, make_photo, make_place, make_user, production
from tests.export_helpers import (
    SEED_ARTICLE_URL,
    SEED_CAPTION,
    SEED_RESTRICTION,
    body_text,
    csv_records,
    json_document,
    seed_photo,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def shop(client):
    client.force_login(production())
    return client


def test_csv_row_for_the_seed_has_the_print_sizes_a_print_order_needs(shop):
    photo = seed_photo(supplier="Alamy", source_id="2R7XW4K", credit="Alamy Stock Photo / ITAR-TASS")
    response = shop.get(reverse("export_specs_csv"))
    assert response.status_code == 200 and response.streaming
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    rows = csv_records(body_text(response))
    assert rows == [
        {
            "id": str(photo.pk),
            "supplier": "Alamy",
            "source_id": "2R7XW4K",
            "caption": SEED_CAPTION,
            "credit": "Alamy Stock Photo / ITAR-TASS",
            "width_px": "1880",
            "height_px": "1160",
            "dpi": "150",
            "megapixels": "2.2",
            "orientation": "landscape",
            "aspect_ratio": "1.62:1",
            "print_width_cm": "31.8",
            "print_height_cm": "19.6",
            "print_width_in": "12.5",
            "print_height_in": "7.7",
            "target_dpi": "300",
            "target_width_cm": "15.9",
            "target_height_cm": "9.8",
            "target_width_in": "6.3",
            "target_height_in": "3.9",
            "longest_edge_cm_at_300dpi": "15.9",
            "longest_edge_in_at_300dpi": "6.3",
            "date_text": "2. Dezember 2025",
            "date_edtf": "2025-12-02",
            "date_start": "2025-12-02",
            "date_end": "2025-12-02",
            "date_precision": "day",
            "date_approximate": "no",
            "place": "Kremlin, Moscow, Russia",
            "country_code": "RU",
            "caveats": "imperfect_historical",
            "restrictions": SEED_RESTRICTION,
            "embargo_until": "",
            "article_urls": SEED_ARTICLE_URL,
        }
    ]
    text = body_text(shop.get(reverse("export_specs_csv")))
    assert text.splitlines()[0] == ",".join(COLUMNS)  # the first line is the header: no comment above it
    assert len(text.splitlines()) == 2  # and nothing below the rows


def test_the_selection_and_the_time_are_in_the_name_the_headers_and_the_json_meta(shop):
    seed_photo(caveat_editorial_only=True)
    params = {"place": "Moskau", "caveat": "editorial_only", "at_dpi": "240"}
    before = timezone.now().replace(microsecond=0)
    csv_response = shop.get(reverse("export_specs_csv"), params)
    json_response = shop.get(reverse("export_specs_json"), params)
    for response in (csv_response, json_response):
        assert urllib.parse.parse_qs(response["X-Archive-Selection"]) == {
            "place": ["Moskau"],
            "caveat": ["editorial_only"],
            "at_dpi": ["240"],
        }
        generated = dt.datetime.fromisoformat(response["X-Archive-Generated"])
        assert generated.utcoffset() is not None and before <= generated <= timezone.now()
        assert generated.utcoffset() == timezone.localtime(generated).utcoffset()  # the archive's zone
        assert response["X-Archive-Target-DPI"] == "240"
        assert response["X-Archive-Embargoed-Left-Out"] == "0"
        stamp = timezone.localtime(generated).strftime("%Y-%m-%dT%H%M%S%z")
        extension = "csv" if response is csv_response else "json"
        assert response["Content-Disposition"] == (
            f'attachment; filename="specs_place-moskau_caveat-editorial_only_at_dpi-240_{stamp}.{extension}"'
        )
    [row] = csv_records(body_text(csv_response))
    assert row["target_dpi"] == "240"
    meta = json_document(json_response)["meta"]
    assert meta["selection"] == json_response["X-Archive-Selection"]
    assert meta["exported_at"] == json_response["X-Archive-Generated"]
    assert meta["filters"] == params and meta["embargoed_left_out"] == 0
    everything = shop.get(reverse("export_specs_csv"))
    assert everything["X-Archive-Selection"] == "all"
    assert 'filename="specs_all-photos_' in everything["Content-Disposition"]


def test_csv_at_another_dpi_recomputes_only_the_target_columns(shop):
    seed_photo()
    [row] = csv_records(body_text(shop.get(reverse("export_specs_csv"), {"at_dpi": "150"})))
    assert (row["target_dpi"], row["target_width_cm"], row["target_height_cm"]) == ("150", "31.8", "19.6")
    assert (row["target_width_in"], row["target_height_in"]) == ("12.5", "7.7")
    assert (row["print_width_cm"], row["longest_edge_cm_at_300dpi"]) == ("31.8", "15.9")


def test_german_dialect_uses_semicolons_decimal_commas_and_a_byte_order_mark(shop):
    seed_photo()
    text = body_text(shop.get(reverse("export_specs_csv"), {"dialect": "excel-de"}))
    assert text.startswith("\ufeffid;")  # German Excel reads UTF-8 only with the mark
    header_line = text.removeprefix("\ufeff").splitlines()[0]
    assert header_line.startswith("id;supplier;source_id;caption;")
    [row] = csv_records(text, delimiter=";")
    assert (row["print_width_cm"], row["print_height_cm"], row["print_width_in"], row["print_height_in"]) == (
        "31,8",
        "19,6",
        "12,5",
        "7,7",
    )
    assert (row["target_width_cm"], row["target_height_cm"], row["megapixels"]) == ("15,9", "9,8", "2,2")
    assert row["caption"] == SEED_CAPTION  # umlauts intact


def test_spreadsheet_formulas_in_text_are_neutralised(shop):
    make_photo(caption='=HYPERLINK("http://evil.example")', credit="+49 credit")
    [row] = csv_records(body_text(shop.get(reverse("export_specs_csv"))))
    assert row["caption"].startswith("'=") and row["credit"] == "'+49 credit"


def test_json_keeps_full_precision_and_states_the_selection(shop):
    photo = seed_photo()
    response = shop.get(reverse("export_specs_json"), {"caveat": "imperfect_historical", "at_dpi": "240"})
    assert response.streaming and response["Content-Type"] == "application/json; charset=utf-8"
    document = json_document(response)
    assert document["meta"]["filters"] == {"caveat": "imperfect_historical", "at_dpi": "240"}
    assert document["meta"]["target_dpi"] == 240 and document["meta"]["embargoed_left_out"] == 0
    assert document["count"] == 1 and document["complete"] is True
    [row] = document["photos"]
    assert row["id"] == photo.pk and row["width_px"] == 1880 and row["dpi"] == 150
    assert row["print_size"] == {
        "dpi": 150,
        "width_cm": 1880 / 150 * 2.54,
        "height_cm": 1160 / 150 * 2.54,
        "width_in": 1880 / 150,
        "height_in": 1160 / 150,
    }
    assert row["print_size_at_target"]["dpi"] == 240
    assert row["print_size_at_target"]["width_cm"] == pytest.approx(19.896666, abs=1e-5)
    assert row["longest_edge_at_300dpi"] == {"cm": 1880 / 300 * 2.54, "in": 1880 / 300}
    assert row["date"] == {
        "text": "2. Dezember 2025",
        "edtf": "2025-12-02",
        "start": "2025-12-02",
        "end": "2025-12-02",
        "precision": "day",
        "approximate": False,
    }
    assert row["place"] == {"label": "Kremlin, Moscow, Russia", "country_code": "RU"}
    assert row["caveats"] == ["imperfect_historical"] and row["article_urls"] == [SEED_ARTICLE_URL]


def test_photo_without_dpi_or_pixels_exports_empty_sizes_not_guesses(shop):
    no_dpi = make_photo(dpi=None, problems=["missing_dpi"])
    no_pixels = make_photo(width_px=None, height_px=None, dpi=None, problems=["missing_dimensions"])
    rows = csv_records(body_text(shop.get(reverse("export_specs_csv"))))
    by_id = {int(r["id"]): r for r in rows}
    assert by_id[no_dpi.pk]["print_width_cm"] == "" and by_id[no_dpi.pk]["target_width_cm"] == "15.9"
    assert by_id[no_pixels.pk]["target_width_cm"] == "" and by_id[no_pixels.pk]["orientation"] == ""
    photos = {p["id"]: p for p in json_document(shop.get(reverse("export_specs_json")))["photos"]}
    assert photos[no_dpi.pk]["print_size"] is None and photos[no_pixels.pk]["print_size_at_target"] is None


# --- every browse filter selects the same photos in the exports ---------------------------------


def _two_photos_one_matching(name):
    """(params, the photo they select, one they do not) for each browse filter."""
    moscow = make_place(city="Moscow", country="Russia", country_code="RU")
    berlin = make_place(city="Berlin", country="Germany", country_code="DE")
    article = make_article(headline="Talks in the Kremlin")
    day = lambda y, m, d: {"date_start": dt.date(y, m, d), "date_end": dt.date(y, m, d)}  # noqa: E731
    cases = {
        "q": ({"q": "Kremlin"}, dict(caption="Meeting in the Kremlin"), dict(caption="Harbour at dawn")),
        "taken_after": ({"taken_after": "2000"}, day(2025, 12, 2), day(1945, 5, 8)),
        "taken_before": ({"taken_before": "1950-01"}, day(1945, 5, 8), day(2025, 12, 2)),
        "place": ({"place": "Moskau"}, dict(place=moscow), dict(place=berlin)),
        "country": ({"country": "de"}, dict(place=berlin), dict(place=moscow)),
        "caveat": ({"caveat": "editorial_only"}, dict(caveat_editorial_only=True), dict()),
        "orientation": ({"orientation": "portrait"}, dict(width_px=1160, height_px=1880), dict()),
        "min_print_width_cm": ({"min_print_width_cm": "30", "at_dpi": "150"}, dict(width_px=1880), dict(width_px=1700)),
        "article": ({"article": str(article.pk)}, dict(articles=[article]), dict()),
        "undated": (
            {"undated": "on"},
            dict(date_text="", date_edtf="", date_start=None, date_end=None, date_precision=""),
            dict(),
        ),
    }
    params, selected, other = cases[name]
    return params, make_photo(**selected), make_photo(**other)


@pytest.mark.parametrize(
    "name",
    [
        "q",
        "taken_after",
        "taken_before",
        "place",
        "country",
        "caveat",
        "orientation",
        "min_print_width_cm",
        "article",
        "undated",
    ],
)
def test_every_browse_filter_passes_through_to_csv_and_json(shop, name):
    assert name in PhotoFilterSet.base_filters
    params, selected, other = _two_photos_one_matching(name)
    browse_ids = list(PhotoFilterSet(params, queryset=Photo.objects.all()).qs.values_list("id", flat=True))
    assert browse_ids == [selected.pk]
    rows = csv_records(body_text(shop.get(reverse("export_specs_csv"), params)))
    assert [int(r["id"]) for r in rows] == browse_ids
    document = json_document(shop.get(reverse("export_specs_json"), params))
    assert [p["id"] for p in document["photos"]] == browse_ids
    assert document["meta"]["filters"] == params


def test_sort_passes_through(shop):
    old = make_photo(date_start=dt.date(1945, 5, 8), date_end=dt.date(1945, 5, 8))
    new = make_photo(date_start=dt.date(2025, 12, 2), date_end=dt.date(2025, 12, 2))
    for sort, expected in (("taken", [old.pk, new.pk]), ("-taken", [new.pk, old.pk])):
        rows = csv_records(body_text(shop.get(reverse("export_specs_csv"), {"sort": sort})))
        assert [int(r["id"]) for r in rows] == expected


@pytest.mark.parametrize("url_name", ["export_specs_csv", "export_specs_json", "export_specs_pdf"])
@pytest.mark.parametrize(
    "params, field",
    [
        ({"taken_after": "31.02.2025"}, "taken_after"),
        ({"orientation": "diagonal"}, "orientation"),
        ({"at_dpi": "0"}, "at_dpi"),
    ],
)
def test_a_malformed_filter_exports_nothing_and_says_what_to_fix(shop, url_name, params, field):
    make_photo()
    response = shop.get(reverse(url_name), params)
    assert response.status_code == 400
    assert "The export filters need fixing" in response.text and f"<strong>{field}</strong>" in response.text
    assert "Back to the filters" in response.text


def test_an_unknown_csv_dialect_is_named_in_the_refusal(shop):
    response = shop.get(reverse("export_specs_csv"), {"dialect": "excel-fr"})
    assert response.status_code == 400 and "dialect=excel-fr is not known" in response.text
    assert "excel-de" in response.text


# --- embargo ---------------------------------------------------------------------------------------


def test_embargoed_photos_are_left_out_of_csv_and_json_and_counted(shop):
    released = make_photo(caption="Released", embargo_until=timezone.now() - dt.timedelta(hours=1))
    make_photo(caption="Embargoed one", embargo_until=timezone.now() + dt.timedelta(hours=1))
    make_photo(caption="Embargoed two", embargo_until=timezone.now() + dt.timedelta(days=30))
    rows = csv_records(body_text(shop.get(reverse("export_specs_csv"))))
    assert [r["caption"] for r in rows] == ["Released"]
    assert rows[0]["embargo_until"] == timezone.localtime(released.embargo_until).isoformat(timespec="seconds")
    assert shop.get(reverse("export_specs_csv"))["X-Archive-Embargoed-Left-Out"] == "2"
    document = json_document(shop.get(reverse("export_specs_json")))
    assert [p["caption"] for p in document["photos"]] == ["Released"]
    assert document["meta"]["embargoed_left_out"] == 2


def test_embargo_count_covers_only_the_filtered_selection(client):
    make_photo(caveat_editorial_only=True, embargo_until=timezone.now() + dt.timedelta(days=1))
    make_photo(embargo_until=timezone.now() + dt.timedelta(days=1))
    client.force_login(make_user("root", superuser=True))
    document = json_document(client.get(reverse("export_specs_json"), {"caveat": "editorial_only"}))
    assert document["photos"] == [] and document["meta"]["embargoed_left_out"] == 1


def test_the_embargoed_count_in_two_halves_is_the_embargo_rules_count_for_every_filter():
    """Selection counts the photos left out as the two halves of PhotoQuerySet.embargoed (one
    query, each half on its own index): the same number as the rule itself, whatever the filter."""
    from captions.selectors.filters import EVERY_LIGHTBOX
    from captions.services import lightboxes

    now = timezone.now()
    article = make_article()
    moscow = make_place(city="Moscow")
    photos = [
        make_photo(caption="Kremlin", embargo_until=now + dt.timedelta(days=1), caveat_embargo=True, place=moscow),
        make_photo(caption="Kremlin", caveat_embargo=True, articles=[article]),  # no date: held back
        make_photo(caption="Kremlin", embargo_until=now - dt.timedelta(days=1), articles=[article]),  # passed
        make_photo(caption="Kremlin", caveat_editorial_only=True, embargo_until=now + dt.timedelta(days=9)),
        make_photo(caption="Dom", place=moscow),
    ]
    box = lightboxes.create_lightbox(owner=make_user("owner"), name="box")
    lightboxes.add_photos(lightbox=box, photo_ids=[photos[1].pk, photos[0].pk, photos[4].pk])
    shapes = [{}, {"q": "Kremlin"}, {"caveat": "editorial_only"}, {"article": str(article.pk)}]
    shapes += [{"place": "Moscow"}, {"lightbox": str(box.pk)}, {"lightbox": str(box.pk), "sort": "taken"}]
    for params in shapes:
        for sees in (True, False):
            filterset = PhotoFilterSet(params, queryset=Photo.objects.all(), sees_embargoed=sees, viewer=EVERY_LIGHTBOX)
            assert filterset.is_valid(), filterset.errors
            assert filterset.qs.embargoed_count(now) == filterset.qs.embargoed(now).count(), (params, sees)
    assert Photo.objects.embargoed_count(now) == 3
    assert Photo.objects.none().embargoed_count(now) == 0


def test_production_is_not_told_what_an_embargoed_photo_hides_through_the_count(shop):
    """Production sees embargoed photos as cards: a count of those matching a caveat (or
    words, or a place) would tell what the card hides. Only the cards the filters show count."""
    article = make_article()
    make_photo(caveat_editorial_only=True, embargo_until=timezone.now() + dt.timedelta(days=1), articles=[article])
    make_photo(embargo_until=timezone.now() + dt.timedelta(days=1))
    by_caveat = json_document(shop.get(reverse("export_specs_json"), {"caveat": "editorial_only"}))
    assert by_caveat["meta"]["embargoed_left_out"] == 0
    by_article = json_document(shop.get(reverse("export_specs_json"), {"article": article.pk}))
    assert by_article["meta"]["embargoed_left_out"] == 1  # its card is on the article's page
    assert json_document(shop.get(reverse("export_specs_json")))["meta"]["embargoed_left_out"] == 2


# --- files, streaming, queries --------------------------------------------------------------------


def test_download_names_the_selection_and_the_date(shop):
    make_photo()
    today = timezone.localdate().isoformat()
    response = shop.get(reverse("export_specs_csv"), {"place": "Moskau", "caveat": "editorial_only"})
    assert response["Content-Disposition"].startswith(
        f'attachment; filename="specs_place-moskau_caveat-editorial_only_{today}T'
    )
    response = shop.get(reverse("export_specs_json"))
    assert response["Content-Disposition"].startswith(f'attachment; filename="specs_all-photos_{today}T')


def _queries_for_export(client, url):
    with CaptureQueriesContext(connection) as queries:
        body_text(client.get(url))
    return len(queries)


@pytest.mark.parametrize("url_name", ["export_specs_csv", "export_specs_json"])
def test_query_count_does_not_grow_with_the_rows(shop, url_name):
    moscow, berlin = make_place(city="Moscow"), make_place(city="Berlin", country="Germany", country_code="DE")
    article = make_article()
    for n in range(3):
        make_photo(place=moscow if n % 2 else berlin, articles=[article])
    few = _queries_for_export(shop, reverse(url_name))
    for n in range(40):
        make_photo(place=moscow if n % 2 else berlin, articles=[make_article()])
    many = _queries_for_export(shop, reverse(url_name))
    assert many == few
    # session, user, two permission lookups, embargo count, the audit line (savepoint, insert,
    # release), savepoint and its release, photos, places, article urls, the audit line's
    # count at the end: one query per chunk of 2000 rows for places and articles, none per row.
    # On PostgreSQL (CSV and JSON): the session's settings read, set, and put back after the COPY,
    # and one COPY instead of photos, places and article urls (captions/exports/copy_csv.py).
    assert few == (15 if connection.vendor == "postgresql" else 14)


def test_rows_are_read_in_chunks_with_no_query_per_row(django_assert_num_queries):
    from captions.exports.rows import spec_rows

    moscow = make_place(city="Moscow")
    for _ in range(5):
        make_photo(place=moscow, articles=[make_article()])
    if connection.vendor == "postgresql":
        # savepoint, jit off, photos with their article URLs, the one place (read once), release
        expected = 5
    else:
        # savepoint, photos, article URLs for each of 3 chunks of 2, the one place, release
        expected = 7
    with django_assert_num_queries(expected):
        rows = list(spec_rows(Photo.objects.order_by("id"), chunk_size=2))
    assert len(rows) == 5 and all(r.place == "Moscow, Russia" and len(r.article_urls) == 1 for r in rows)


def test_a_dropped_download_closes_the_database_cursor_at_once(shop, monkeypatch):
    from captions.exports import csv_format

    monkeypatch.setattr(csv_format, "ROWS_PER_WRITE", 1)
    for _ in range(3):
        make_photo()
    response = shop.get(reverse("export_specs_csv"))
    pieces = iter(response.streaming_content)
    next(pieces), next(pieces)  # the header lines and the first row; then the reader goes away
    assert len(connection.savepoint_ids) == 1  # the stream's transaction (a savepoint inside the test's)
    response.close()
    assert len(connection.savepoint_ids) == 0
