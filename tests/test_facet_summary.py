"""The facet summary (captions.summary) stays equal to a count of the photos themselves after
every kind of write: create, update, delete, bulk actions, a caption import, generate_archive
(its row-by-row path and, on PostgreSQL, its bulk COPY path with the triggers paused), a
rolled-back transaction, on SQLite and PostgreSQL alike."""

import datetime as dt
from collections import Counter
from pathlib import Path

import pytest
from django.db import connection, transaction

from captions import ingest, summary, synthetic
from captions.models import CAVEAT_TAGS, FacetCount, Photo, caveat_field
from captions.services import bulk, facet_summary, imports, records
from tests.builders import editor, make_photo, make_place

pytestmark = pytest.mark.django_db
DATA = Path(__file__).parent / "data" / "import"


def keys_of(photo: Photo) -> list[str]:
    keys = []
    if photo.place_id:
        keys.append(summary.place_key(photo.place_id))
    if photo.date_start is None:
        keys.append(summary.UNDATED)
    else:
        first = max(summary.FIRST_DECADE, photo.date_start.year // 10 * 10)
        keys += [summary.decade_key(d) for d in range(first, photo.date_end.year // 10 * 10 + 1, 10)]
    keys += [summary.caveat_key(tag) for tag in CAVEAT_TAGS if getattr(photo, caveat_field(tag))]
    if photo.width_px and photo.height_px:
        excess = photo.width_px - photo.height_px
        keys.append(summary.orientation_key("landscape" if excess > 0 else "portrait" if excess < 0 else "square"))
    return keys


def expected() -> Counter:
    pairs: Counter = Counter()
    for photo in Photo.objects.all():
        keys = keys_of(photo)
        for a in [*keys, summary.EVERY_PHOTO]:
            for b in [*keys, summary.PHOTO_COUNT]:
                pairs[(a, b)] += 1
    return pairs


def stored() -> Counter:
    return Counter(
        {
            (row.filter_key, row.facet_key): row.n
            for row in FacetCount.objects.exclude(filter_key=summary.VERSION_FILTER)
            if row.n
        }
    )


def assert_summary_right():
    assert stored() == expected()


@pytest.fixture
def photos():
    moscow = make_place(city="Moscow", country="Russia", country_code="RU")
    berlin = make_place(city="Berlin", country="Germany", country_code="DE")
    made = [
        make_photo(place=moscow, caveat_editorial_only=True),
        make_photo(place=berlin, width_px=1000, height_px=2000, caveat_embargo=True, caveat_mandatory_credit=True),
        make_photo(
            place=None,
            width_px=None,
            height_px=None,
            date_text="1960s",
            date_edtf="196X",
            date_start=dt.date(1958, 1, 1),
            date_end=dt.date(1971, 12, 31),
            date_precision="decade",
        ),
        make_photo(
            place=berlin,
            width_px=3000,
            height_px=3000,
            date_text="",
            date_edtf="",
            date_start=None,
            date_end=None,
            date_precision="",
        ),
        make_photo(date_text="1800", date_edtf="1800", date_start=dt.date(1800, 1, 1), date_end=dt.date(1800, 12, 31)),
    ]
    return {"moscow": moscow, "berlin": berlin, "photos": made}


def test_created_photos_are_counted(photos):
    assert_summary_right()
    assert stored()[(summary.EVERY_PHOTO, summary.PHOTO_COUNT)] == 5
    assert stored()[(summary.decade_key(1960), summary.PHOTO_COUNT)] == 1  # 1958-1971: three decades
    assert stored()[(summary.decade_key(1950), summary.decade_key(1970))] == 1
    assert (summary.decade_key(1800), summary.PHOTO_COUNT) not in stored()  # before the first decade


def test_updates_move_the_counts_and_an_edit_of_other_fields_changes_nothing(photos):
    first, second, *_ = photos["photos"]
    first.place = photos["berlin"]
    first.caveat_editorial_only = False
    first.width_px, first.height_px = 500, 800
    first.date_start, first.date_end = dt.date(1945, 6, 1), dt.date(1945, 6, 30)
    user = editor()
    records.save_photo(photo=first, user=user)
    assert_summary_right()
    before = stored()
    second.caption = "A new caption"
    records.save_photo(photo=second, user=user)
    assert stored() == before
    Photo.objects.filter(pk=second.pk).update(place=None, caveat_no_model_release=True)  # a raw UPDATE
    assert_summary_right()


def test_deleted_photos_leave_the_counts(photos):
    photos["photos"][0].delete()
    Photo.objects.filter(place=photos["berlin"]).delete()
    assert_summary_right()
    Photo.objects.all().delete()
    assert stored() == Counter()


def test_bulk_actions_keep_the_counts(photos):
    everyone, user = Photo.objects.all(), editor()
    bulk.bulk_set_caveat(photos=everyone, tag="no_model_release", value=True, user=user)
    bulk.bulk_set_place(photos=everyone, place=photos["moscow"], user=user)
    assert_summary_right()


def test_a_rolled_back_write_leaves_the_summary_as_it_was(photos):
    before = stored()
    with pytest.raises(RuntimeError), transaction.atomic():
        make_photo(place=photos["moscow"], caveat_embargo=True)
        Photo.objects.filter(place=photos["berlin"]).delete()
        raise RuntimeError("roll back")
    assert stored() == before
    assert_summary_right()


def test_a_caption_import_is_counted():
    blocks = ingest.parse_blocks((DATA / "three_blocks.txt").read_text(encoding="utf-8"))
    result = imports.import_blocks(blocks=blocks)
    assert result.created == 3
    assert_summary_right()
    imports.import_blocks(blocks=blocks)  # unchanged: nothing moves
    assert_summary_right()


def test_generate_archive_is_counted():
    synthetic.generate_archive(count=120, seed=3, today=dt.date(2026, 11, 29), batch_size=50)
    assert_summary_right()


@pytest.mark.skipif(connection.vendor != "postgresql", reason="the bulk COPY path is PostgreSQL's")
def test_the_bulk_load_pauses_the_triggers_and_rebuilds_once(monkeypatch):
    monkeypatch.setattr(synthetic, "BULK_LOAD_AT_LEAST", 50)
    result = synthetic.generate_archive(count=80, seed=4, today=dt.date(2026, 11, 29), batch_size=30)
    assert "summary" in result.stages
    assert_summary_right()
    assert not facet_summary.triggers_missing()


def test_a_rebuild_and_missing_triggers_are_repaired(photos):
    FacetCount.objects.all().delete()
    facet_summary.rebuild()
    assert_summary_right()
    with connection.cursor() as cursor:
        for name in summary.trigger_names(connection.vendor):
            cursor.execute(
                f"DROP TRIGGER {name} ON {summary.PHOTO_TABLE}"
                if connection.vendor == "postgresql"
                else f"DROP TRIGGER {name}"
            )
    make_photo()  # not counted: the triggers are gone
    assert stored() != expected()
    assert facet_summary.ensure_triggers()
    assert_summary_right()
    make_photo(place=photos["moscow"])
    assert_summary_right()


def test_every_write_moves_the_version_that_cached_reads_name(photos):
    from captions.selectors.facets import summary_version

    before = summary_version()
    photo = photos["photos"][0]
    Photo.objects.filter(pk=photo.pk).update(embargo_until=photo.created_at)  # no facet value changes
    assert summary_version() > before
