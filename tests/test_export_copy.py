"""The CSV export's rows from PostgreSQL's COPY (captions/exports/copy_csv.py) are byte for byte
the rows the Python path writes (rows.spec_rows -> csv_format.cells -> csv.writer), as are the
JSON export's (captions/exports/copy_json.py; json_format.render_json), and the CSV's
derived cells are `captions.core.dimensions`' values, row by row, over a generated set of
awkward records: no dpi, no pixels, lengths and aspect ratios on a rounding half, huge and tiny
sizes, embargoes past and pending, text that starts a formula, quotes, delimiters, newlines,
tabs and unicode in every text column, places with empty parts, articles with and without URLs.
"""

import datetime as dt
import json
import random
import zoneinfo

import pytest
from django.db import connection
from django.test import override_settings
from django.urls import reverse
from django.utils import timezone

from captions.core import dimensions
from captions.exports import copy_csv, copy_json, csv_format, json_format
from captions.exports.rows import spec_rows
from captions.exports.selection import select_photos
from captions.models import Article, Photo, Place
from captions.selectors.filters import EVERY_LIGHTBOX
from captions.services import lightboxes
from tests.builders import make_photo, make_user, production, researcher
from tests.export_helpers import csv_records

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(connection.vendor != "postgresql", reason="COPY is PostgreSQL's"),
]

NOW = dt.datetime(2026, 11, 29, 12, 0, tzinfo=dt.UTC)
AWKWARD_TEXTS = [
    "",
    "plain",
    "=1+1",
    "+49 30 1234",
    "-minus first",
    "@mention",
    "\tTab first",
    "\rCR first",
    "comma, inside",
    "semi; colon",
    'a "quoted" word',
    '"',
    "line one\nline two",
    "line one\r\nline two",
    "trailing newline\n",
    "Ünïcödé — Москва 東京 🙂",
    "'already apostrophed",
    "  spaces around  ",
    "back\\slash",
    "#not a comment",
]
# pixel sizes and dpis that land lengths or ratios on a rounding half, or at the edges
PIXEL_CASES = [
    (1880, 1160, 150),
    (None, None, None),
    (1880, None, 300),
    (1880, 1160, None),
    (3000, 2000, None),
    (1, 1, 1),
    (1_000_000, 1, 10_000),
    (1, 1_000_000, 1),
    (1_000_000, 1_000_000, 7),
    (201, 200, 72),  # aspect 1.005: the double lies below the half
    (1005, 1000, 72),
    (33, 8, 300),  # aspect 4.125 exactly: half-even
    (4125, 1000, 300),
    (2015, 1000, 300),  # 2.015
    (1245, 1000, 254),
    (1245, 1000, 100),  # 12.45 in at 100 dpi, 31.623 cm
    (127, 127, 254),  # 0.5 in, 1.27 cm
    (5, 3, 2),
    (635, 250, 100),
    (2450, 1000, 1000),  # 2.45 in (a float just below the half)
    (4096, 2731, 300),
    (6000, 4000, 240),
    (85, 100, 200),  # 0.425 in
    (105, 100, 300),
    (315, 100, 300),
]


def _random_text(rng: random.Random) -> str:
    pieces = [rng.choice(AWKWARD_TEXTS) for _ in range(rng.randint(0, 3))]
    return "".join(pieces)


def _awkward_archive(count: int = 240, seed: int = 11) -> list[int]:
    """`count` photos written without a form's checks (as an import, a restore or the shell
    can), each field drawn from the awkward values above; returns their ids."""
    rng = random.Random(seed)
    places = [None]
    for n, parts in enumerate(
        [
            {"city": "Moskau", "country": "Russia", "country_code": "RU"},
            {"sublocation": "=Kremlin", "city": "Moscow", "region": "", "country": "Russia", "country_code": "RU"},
            {"city": "", "region": "Bayern; Süd", "country": "Germany", "country_code": "DE"},
            {"sublocation": 'The "Hall"', "city": "Paris, Île", "country": "France", "country_code": "FR"},
            {"city": "Nowhere\nin particular", "country": "", "country_code": ""},
        ]
    ):
        places.append(Place.objects.create(search_names=f"x{n}", **parts))
    articles = [
        Article.objects.create(headline="a", url="https://example.org/a", published_date=dt.date(2025, 1, 2)),
        Article.objects.create(headline="b", url="=https://example.org/b", published_date=dt.date(2024, 1, 2)),
        Article.objects.create(headline="c", url=None, published_date=dt.date(2023, 1, 2)),
        Article.objects.create(headline="d", url="https://example.org/d,e", published_date=None),
    ]
    berlin = zoneinfo.ZoneInfo("Europe/Berlin")
    embargoes = [
        None,
        None,
        None,
        dt.datetime(2026, 3, 4, 0, 1, tzinfo=berlin),  # passed: exported
        dt.datetime(2026, 7, 4, 0, 1, 30, 250, tzinfo=berlin),  # passed, summer time, microseconds
        dt.datetime(1890, 5, 1, 12, 0, tzinfo=berlin),  # passed, local mean time +00:53:28
        dt.datetime(2027, 1, 1, tzinfo=dt.UTC),  # pending: left out
    ]
    photos = []
    for n in range(count):
        width, height, dpi = PIXEL_CASES[n % len(PIXEL_CASES)] if n < 2 * len(PIXEL_CASES) else (None, None, None)
        if n >= 2 * len(PIXEL_CASES):
            width = rng.choice([None, rng.randint(1, 9000), rng.randint(1, 1_000_000)])
            height = rng.choice([rng.randint(1, 9000), rng.randint(1, 300)]) if width else None
            dpi = rng.choice([None, 72, 96, 150, 240, 254, 300, 350, rng.randint(1, 10_000)])
        start = rng.choice([None, dt.date(2025, 12, 2), dt.date(99, 1, 1), dt.date(1945, 6, 1)])
        embargo_until = rng.choice(embargoes)
        photos.append(
            Photo(
                supplier=_random_text(rng)[:100],
                source_id=(_random_text(rng) + str(n))[:100] if rng.random() < 0.7 else "",
                caption=_random_text(rng),
                credit=_random_text(rng)[:300],
                width_px=width,
                height_px=height,
                dpi=dpi,
                date_text=_random_text(rng)[:200],
                date_edtf=rng.choice(["", "2025-12-02", "-0044-03-15", "196X", "=1"]),
                date_start=start,
                date_end=start and start + dt.timedelta(days=rng.choice([0, 30])),
                date_precision=rng.choice(["", "day", "month", "=x", "+y"]),
                date_approximate=rng.random() < 0.3,
                place=rng.choice(places),
                place_text=_random_text(rng)[:300],
                restriction_text=_random_text(rng),
                embargo_until=embargo_until,
                caveat_embargo=embargo_until is not None or rng.random() < 0.05,
                caveat_editorial_only=rng.random() < 0.4,
                caveat_imperfect_historical=rng.random() < 0.3,
                caveat_mandatory_credit=rng.random() < 0.3,
                caveat_no_model_release=rng.random() < 0.3,
            )
        )
    created = Photo.objects.bulk_create(photos)
    links = Photo.articles.through
    links.objects.bulk_create(
        [
            links(photo_id=photo.pk, article_id=article.pk)
            for photo in created
            for article in rng.sample(articles, rng.randint(0, len(articles)))
        ]
    )
    return [photo.pk for photo in created]


def _python_csv(selection, dialect: str) -> bytes:
    rows = spec_rows(selection.photos, target_dpi=selection.target_dpi)
    return "".join(csv_format.render_csv(selection, rows, dialect=dialect)).encode()


def _copied_csv(selection, dialect: str) -> bytes:
    spec = csv_format.DIALECTS[dialect]
    lines = copy_csv.CopiedLines(
        selection.photos, target_dpi=selection.target_dpi, delimiter=spec.delimiter, separator=spec.decimal_separator
    )
    return b"".join(
        piece if isinstance(piece, bytes) else piece.encode()
        for piece in csv_format.render_copied(selection, lines, dialect=dialect)
    )


@pytest.mark.parametrize("dialect", sorted(csv_format.DIALECTS))
@pytest.mark.parametrize("params", [{}, {"at_dpi": "240"}, {"sort": "taken"}, {"at_dpi": "7", "sort": "-added"}])
def test_copy_writes_exactly_what_the_python_path_writes(dialect, params):
    ids = _awkward_archive()
    selection = select_photos(params, sees_embargoed=True, viewer=EVERY_LIGHTBOX, now=NOW)
    python, copied = _python_csv(selection, dialect), _copied_csv(selection, dialect)
    assert copied == python
    rows = csv_records(python.decode(), delimiter=csv_format.DIALECTS[dialect].delimiter)
    assert 0 < len(rows) < len(ids)  # pending embargoes are left out, the rest is there


def _python_json(selection) -> bytes:
    rows = spec_rows(selection.photos, target_dpi=selection.target_dpi)
    return "".join(json_format.render_json(selection, rows)).encode()


def _copied_json(selection) -> bytes:
    objects = copy_json.CopiedObjects(selection.photos, target_dpi=selection.target_dpi)
    return b"".join(
        piece if isinstance(piece, bytes) else piece.encode() for piece in json_format.render_copied(selection, objects)
    )


@pytest.mark.parametrize("sees_embargoed", [True, False], ids=["editor", "production"])
@pytest.mark.parametrize(
    "params",
    [
        {},
        {"at_dpi": "240"},
        {"sort": "taken"},
        {"at_dpi": "7", "sort": "-added"},
        {"q": "plain"},
        {"caveat": "embargo"},
    ],
)
def test_json_from_copy_is_exactly_what_the_python_path_writes(params, sees_embargoed):
    ids = _awkward_archive()
    selection = select_photos(params, sees_embargoed=sees_embargoed, viewer=EVERY_LIGHTBOX, now=NOW)
    python, copied = _python_json(selection), _copied_json(selection)
    assert copied == python
    document = json.loads(python)
    assert document["count"] == len(document["photos"]) == selection.photos.count()
    assert 0 < len(document["photos"]) < len(ids)  # pending embargoes are left out, the rest is there
    assert all(photo["embargo_until"] is None or photo["embargo_until"] < "2026-11-29" for photo in document["photos"])


def test_json_from_copy_keeps_a_lightboxs_order():
    ids = _awkward_archive(count=40, seed=7)
    box = lightboxes.create_lightbox(owner=researcher("owner"), name="order")
    chosen = [ids[30], ids[2], ids[17], ids[9], ids[25]]
    lightboxes.add_photos(lightbox=box, photo_ids=chosen)
    selection = select_photos({"lightbox": str(box.pk)}, sees_embargoed=True, viewer=EVERY_LIGHTBOX, now=NOW)
    copied = _copied_json(selection)
    assert copied == _python_json(selection)
    released = set(selection.photos.values_list("pk", flat=True))
    assert [photo["id"] for photo in json.loads(copied)["photos"]] == [pk for pk in chosen if pk in released]


def test_json_from_copy_writes_floats_as_python_does():
    """A whole number keeps its '.0', a tiny one its exponent, full precision otherwise."""
    make_photo(width_px=300, height_px=1, dpi=300)  # 1.0 in; 3e-04 megapixels
    make_photo(width_px=1, height_px=1, dpi=1)  # 1e-06 megapixels; 2.54 cm
    make_photo(width_px=1880, height_px=1160, dpi=150)  # 31.834666666666667 cm
    selection = select_photos({"sort": "added"}, sees_embargoed=True, viewer=EVERY_LIGHTBOX, now=NOW)
    copied = _copied_json(selection)
    assert copied == _python_json(selection)
    assert b'"megapixels": 0.0003, ' in copied and b'"width_in": 1.0, ' in copied
    assert b'"megapixels": 1e-06, ' in copied and b'"width_cm": 2.54, ' in copied
    assert b'"width_cm": 31.834666666666667, ' in copied
    photos = json.loads(copied)["photos"]
    assert photos[2]["print_size"]["width_cm"] == dimensions.centimetres(1880, 150)


@pytest.mark.parametrize("role", ["production", "editor with the export permission"])
def test_the_http_json_export_uses_copy_with_the_same_document_headers_and_audit_line(client, role):
    from django.contrib.auth.models import Permission

    from captions.models import AuditEvent

    _awkward_archive(count=60, seed=3)
    make_photo(caption="plain secret", embargo_until=timezone.now() + dt.timedelta(days=3), caveat_embargo=True)
    if role == "production":
        user = production("shop")
    else:
        user = make_user("desk", group="Editors")
        user.user_permissions.add(Permission.objects.get(codename="export_specs"))
    client.force_login(user)
    documents, headers = {}, {}
    for use_copy in (True, False):
        with override_settings(CAPTIONS_EXPORT_COPY=use_copy):
            response = client.get(reverse("export_specs_json"), {"q": "plain", "at_dpi": "240"})
            assert response.status_code == 200 and response.streaming
            documents[use_copy] = json.loads(b"".join(response.streaming_content))
            headers[use_copy] = {
                name: response[name]
                for name in (
                    "Content-Type",
                    "X-Archive-Selection",
                    "X-Archive-Target-DPI",
                    "X-Archive-Embargoed-Left-Out",
                )
            }
            assert response["Content-Disposition"].startswith('attachment; filename="specs_q-plain_at_dpi-240_')
            assert documents[use_copy]["meta"]["exported_at"] == response["X-Archive-Generated"]
    for document in documents.values():
        del document["meta"]["exported_at"]
    assert documents[True] == documents[False] and headers[True] == headers[False]
    assert documents[True]["photos"] and "plain secret" not in {p["caption"] for p in documents[True]["photos"]}
    assert headers[True]["X-Archive-Embargoed-Left-Out"] == str(documents[True]["meta"]["embargoed_left_out"])
    copied_event = AuditEvent.objects.filter(kind=AuditEvent.Kind.EXPORT).order_by("-id")[1]
    assert (copied_event.format, copied_event.photo_count, copied_event.complete) == (
        "json",
        documents[True]["count"],
        True,
    )


def test_a_dropped_json_copy_download_closes_its_transaction_at_once(client, monkeypatch):
    monkeypatch.setattr(copy_csv, "PIECE_BYTES", 1)
    for _ in range(5):
        make_photo()
    client.force_login(production())
    response = client.get(reverse("export_specs_json"))
    pieces = iter(response.streaming_content)
    assert next(pieces).startswith(b'{"meta": ')
    assert next(pieces).startswith(b'\n{"id": ')
    assert len(connection.savepoint_ids) == 1
    response.close()
    assert len(connection.savepoint_ids) == 0


def test_sql_derived_cells_are_the_dimensions_values_row_by_row():
    _awkward_archive(count=400, seed=5)
    for target in (300, 240, 72):
        selection = select_photos({"at_dpi": str(target)}, sees_embargoed=True, viewer=EVERY_LIGHTBOX, now=NOW)
        rows = csv_records(_copied_csv(selection, "excel").decode())
        photos = {p.pk: p for p in Photo.objects.all()}
        assert len(rows) == selection.photos.count()
        for row in rows:
            photo = photos[int(row["id"])]
            assert row == {**row, **_expected_cells(photo, target)}, photo.pk


def _one(value) -> str:
    return "" if value is None else f"{dimensions.round_half_up(value, 1):.1f}"


def _expected_cells(photo, target: int) -> dict:
    """The derived cells straight from captions.core.dimensions (not through csv_format)."""
    w, h, dpi = photo.width_px, photo.height_px, photo.dpi
    cells = {"target_dpi": str(target)}
    names = ("width_cm", "height_cm", "width_in", "height_in")
    if not (w and h):
        cells.update({"megapixels": "", "orientation": "", "aspect_ratio": ""})
        cells.update({f"print_{n}": "" for n in names} | {f"target_{n}": "" for n in names})
        cells.update({"longest_edge_cm_at_300dpi": "", "longest_edge_in_at_300dpi": ""})
        return cells
    cells["megapixels"] = _one(dimensions.megapixels(w, h))
    cells["orientation"] = dimensions.orientation(w, h)
    cells["aspect_ratio"] = dimensions.aspect_ratio(w, h)
    native = dimensions.print_size(w, h, dpi) if dpi else None
    at_target = dimensions.print_size(w, h, target)
    at_300 = dimensions.print_size(w, h, 300)
    for n in names:
        cells[f"print_{n}"] = _one(getattr(native, n)) if native else ""
        cells[f"target_{n}"] = _one(getattr(at_target, n))
    cells["longest_edge_cm_at_300dpi"] = _one(max(at_300.width_cm, at_300.height_cm))
    cells["longest_edge_in_at_300dpi"] = _one(max(at_300.width_in, at_300.height_in))
    return cells


def test_rounding_halves_and_ratio_ties_come_out_as_python_rounds_them():
    make_photo(width_px=1245, height_px=1000, dpi=100)  # 12.45 in, 31.623 cm
    make_photo(width_px=201, height_px=200, dpi=72)  # aspect 1.005 -> "1.00" (the double is below)
    make_photo(width_px=33, height_px=8, dpi=300)  # aspect 4.125 exactly -> "4.12" (half-even)
    make_photo(width_px=2015, height_px=1000, dpi=300)  # aspect 2.015 -> "2.02"? as the double says
    selection = select_photos({"sort": "added"}, sees_embargoed=True, viewer=EVERY_LIGHTBOX, now=NOW)
    rows = csv_records(_copied_csv(selection, "excel").decode())
    assert [row["aspect_ratio"] for row in rows] == [
        dimensions.aspect_ratio(1245, 1000),
        "1.00:1",
        "4.12:1",
        f"{2015 / 1000:.2f}:1",
    ]
    assert rows[0]["print_width_in"] == "12.5" and rows[0]["print_width_cm"] == "31.6"


def test_the_http_export_uses_copy_and_keeps_the_audit_trail_the_filters_and_the_lightbox_order(client):
    from captions.models import AuditEvent

    first, second, third = (make_photo(caption=f"Kremlin {n}") for n in ("one", "two", "three"))
    make_photo(caption="Kremlin outside")
    make_photo(caption="Kremlin pending", embargo_until=timezone.now() + dt.timedelta(days=3), caveat_embargo=True)
    owner = researcher("owner")
    box = lightboxes.create_lightbox(owner=owner, name="talks")
    lightboxes.add_photos(lightbox=box, photo_ids=[third.pk, first.pk, second.pk])
    client.force_login(production("shop"))

    bodies = {}
    for use_copy in (True, False):
        with override_settings(CAPTIONS_EXPORT_COPY=use_copy):
            response = client.get(reverse("export_specs_csv"), {"q": "Kremlin"})
            assert response.status_code == 200
            bodies[use_copy] = b"".join(response.streaming_content)
    assert bodies[True] == bodies[False]
    rows = csv_records(bodies[True].decode())
    assert [row["caption"] for row in rows] == ["Kremlin outside", "Kremlin three", "Kremlin two", "Kremlin one"]
    event = AuditEvent.objects.filter(kind=AuditEvent.Kind.EXPORT).order_by("-id")[1]  # the COPY one
    assert (event.photo_count, event.complete) == (4, True)

    selection = select_photos({"lightbox": str(box.pk)}, sees_embargoed=True, viewer=EVERY_LIGHTBOX)
    rows = csv_records(_copied_csv(selection, "excel").decode())
    assert [row["id"] for row in rows] == [str(third.pk), str(first.pk), str(second.pk)]


def test_a_dropped_copy_download_closes_its_transaction_at_once(client, monkeypatch):
    monkeypatch.setattr(copy_csv, "PIECE_BYTES", 1)
    for _ in range(5):
        make_photo()
    client.force_login(production())
    response = client.get(reverse("export_specs_csv"))
    pieces = iter(response.streaming_content)
    next(pieces), next(pieces)  # the header lines and the first row; then the reader goes away
    assert len(connection.savepoint_ids) == 1  # the stream's transaction (a savepoint inside the test's)
    response.close()
    assert len(connection.savepoint_ids) == 0


def _first_piece_then_close() -> None:
    first = Photo.objects.order_by("id").first().pk
    lines = copy_csv.CopiedLines(Photo.objects.order_by("id"), target_dpi=300, delimiter=",", separator=".")
    pieces = iter(lines)
    assert next(pieces).startswith(b"%d," % first)  # (no other query while the COPY runs)
    lines.close()
    assert lines.count == 1


def test_a_query_while_the_copy_streams_fails_at_once_instead_of_waiting_forever(monkeypatch):
    monkeypatch.setattr(copy_csv, "PIECE_BYTES", 1)
    for _ in range(3):
        make_photo()
    lines = copy_csv.CopiedLines(Photo.objects.order_by("id"), target_dpi=300, delimiter=",", separator=".")
    pieces = iter(lines)
    next(pieces)
    with pytest.raises(copy_csv.CopyInProgress):
        Photo.objects.count()
    lines.close()
    assert Photo.objects.count() == 3


def test_a_small_copy_left_early_is_read_to_its_end_and_the_connection_goes_on(monkeypatch):
    monkeypatch.setattr(copy_csv, "PIECE_BYTES", 1)
    for _ in range(5):
        make_photo()
    _first_piece_then_close()
    assert connection.connection is not None and Photo.objects.count() == 5


@pytest.mark.django_db(transaction=True)
def test_a_large_copy_left_early_closes_the_connection_and_the_next_query_opens_another(monkeypatch):
    monkeypatch.setattr(copy_csv, "PIECE_BYTES", 1)
    monkeypatch.setattr(copy_csv, "STOP_BYTES", 0)  # "large": nothing more is read
    for _ in range(5):
        make_photo()
    _first_piece_then_close()
    assert connection.connection is None  # closed: the server ends the COPY
    assert Photo.objects.count() == 5


def _session_settings():
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT current_setting('TimeZone'), current_setting('DateStyle'), current_setting('extra_float_digits'), "
            "current_setting('jit')"
        )
        return cursor.fetchone()


@override_settings(TIME_ZONE="Europe/Berlin")
def test_the_session_settings_come_back_after_a_copy_inside_an_outer_transaction(client, monkeypatch):
    """The export's settings are SET LOCAL, which lasts until the outermost transaction ends: in
    a request or test that is itself atomic, a time read after the export came back an hour off
    (an embargo until 00:01 CET shown as 01:01 CET) until they were put back."""
    until = dt.datetime(2099, 3, 3, 23, 1, tzinfo=dt.UTC)
    photo = make_photo(caption="Kremlin pending", embargo_until=until, caveat_embargo=True)
    before = _session_settings()
    client.force_login(production())
    response = client.get(reverse("export_specs_csv"))
    assert response.status_code == 200
    b"".join(response.streaming_content)
    assert _session_settings() == before
    assert Photo.objects.get(pk=photo.pk).embargo_until == until
    monkeypatch.setattr(copy_csv, "PIECE_BYTES", 1)
    _first_piece_then_close()  # left early, read to its end: put back too
    assert _session_settings() == before
    assert Photo.objects.get(pk=photo.pk).embargo_until == until
