"""The synthetic archive behind `generate_archive`: deterministic, long-tailed, valid.

Distributions are checked on a few thousand photos with bounds loose enough for any seed;
nothing here is timed (the generator's speed is in docs/BENCHMARKS.md).
"""

import datetime as dt
from collections import Counter
from io import StringIO

import pytest
from django.core.management import call_command
from django.db import connection
from django.utils import timezone

from captions import synthetic
from captions.models import Photo

pytestmark = pytest.mark.django_db
TODAY = dt.date(2026, 11, 26)
NOON = timezone.make_aware(dt.datetime(2026, 11, 26, 12))


def generate(count, seed=7, **kwargs):
    return synthetic.generate_archive(count=count, seed=seed, today=TODAY, **kwargs)


def rows():
    return list(
        Photo.objects.order_by("source_id", "articles__url").values_list(  # a photo with two articles is two rows
            "source_id",
            "caption",
            "headline",
            "keywords",
            "credit",
            "width_px",
            "height_px",
            "dpi",
            "date_text",
            "date_start",
            "date_end",
            "place__city",
            "embargo_until",
            "caveat_embargo",
            "problems",
            "articles__url",
        )
    )


def test_the_columns_written_are_every_column_of_the_photo_table():
    columns = {f.column for f in Photo._meta.concrete_fields}
    assert set(synthetic.COLUMNS) == columns and len(synthetic.COLUMNS) == len(columns)


def test_the_same_seed_makes_the_same_records_whatever_the_batch_size():
    generate(120)
    first = rows()
    Photo.objects.all().delete()
    generate(120, batch_size=7)
    assert rows() == first
    Photo.objects.all().delete()
    generate(120, seed=8)
    assert rows() != first


def test_a_second_run_adds_only_the_missing_photos():
    generate(50)
    first = rows()
    result = generate(80)
    assert (result.created, result.skipped) == (30, 50)
    assert [r for r in rows() if r[0] <= "S7-00000049"] == first
    Photo.objects.all().delete()
    generate(80)
    assert len(rows()) >= 80


def test_the_vocabulary_is_thousands_of_words_per_language_weighted_by_frequency():
    for lang in ("en", "de", "fr", "es"):
        vocab = synthetic.vocabulary(lang)
        assert len(vocab.words) >= 5000
        assert len(set(vocab.words)) == len(vocab.words)
        weights = [b - a for a, b in zip((0.0, *vocab.cum_weights[:-1]), vocab.cum_weights, strict=True)]
        # Zipf: the head is far more frequent than the tail
        assert weights[0] > 50 * weights[-1]
        assert not set(vocab.words) & synthetic.UNSUITABLE


@pytest.fixture
def archive():
    generate(3000, seed=11)
    return list(Photo.objects.select_related("place"))


def topic_words(photo):
    return [w.strip(" .") for w in photo.caption.split(":", 1)[1].split(",")]


def test_words_have_a_long_tail(archive):
    counts = Counter(w for p in archive for w in topic_words(p))
    ranked = counts.most_common()
    assert len(counts) >= 4000  # thousands of distinct words in 3,000 captions
    once = sum(1 for _, c in ranked if c == 1)
    assert once >= len(counts) / 3  # most words are rare...
    assert ranked[0][1] >= 20  # ...and a few are common
    assert sum(1 for p in archive if p.headline) > len(archive) / 2


def test_years_lean_to_recent_decades(archive):
    years = [p.date_start.year for p in archive if p.date_start and p.date_precision != "decade"]
    recent = sum(1 for y in years if y >= TODAY.year - 30) / len(years)
    early = sum(1 for y in years if y < 1950) / len(years)
    assert 0.45 <= recent <= 0.7
    assert 0.08 <= early <= 0.3
    assert min(years) < 1915 and max(years) == TODAY.year
    assert {p.date_precision for p in archive} == {"day", "month", "year", "decade", ""}


def test_places_are_weighted_by_size(archive):
    by_city = Counter(p.place.city for p in archive)
    assert by_city["Berlin"] > 3 * by_city["Bonn"] if "Bonn" in by_city else by_city["Berlin"] >= 10
    assert len({p.place.country_code for p in archive}) >= 60
    from captions.core import places

    known = sorted((c for c in places.cities() if c.population), key=lambda c: c.population)
    smallest, largest = known[:20], known[-20:]
    assert sum(by_city[c.name] for c in largest) > 4 * sum(by_city[c.name] for c in smallest)


def test_embargoes_to_come_and_passed(archive):
    embargoed = [p for p in archive if p.caveat_embargo]
    assert all(p.embargo_until and "Embargoed until" in p.restriction_text for p in embargoed)
    future = [p for p in embargoed if p.embargo_until > NOON]
    passed = [p for p in embargoed if p.embargo_until <= NOON]
    assert 0.01 * len(archive) <= len(future) <= 0.035 * len(archive)
    assert 0.015 * len(archive) <= len(passed) <= 0.05 * len(archive)
    assert Photo.objects.embargoed(now=NOON).count() == len(future)
    assert all(p.embargo_until is None for p in archive if not p.caveat_embargo)


def test_sizes_suppliers_and_articles_vary(archive):
    assert len({(p.width_px, p.height_px) for p in archive}) >= 200  # crops give a long tail
    assert len({p.supplier for p in archive}) == len(synthetic.SUPPLIERS)
    assert len({p.creator for p in archive}) >= 200
    linked = Photo.objects.filter(articles__isnull=False).distinct().count()
    assert 0.5 * len(archive) <= linked <= 0.7 * len(archive)
    assert all(p.problems == (["missing_dpi"] if p.dpi is None else []) for p in archive)


def test_every_sampled_record_passes_the_models_validation(archive):
    for photo in archive[::15]:  # 200 records, each through the model's full validation
        photo.full_clean()
        assert photo.date_start is None or photo.date_start <= TODAY
        assert (photo.date_start is None) == (photo.date_end is None) == (photo.date_text in synthetic.UNDATED.values())


@pytest.mark.skipif(connection.vendor != "postgresql", reason="the index rebuild is PostgreSQL's bulk path")
def test_a_bulk_load_on_postgresql_rebuilds_every_index(monkeypatch):
    def indexes():
        with connection.cursor() as cursor:
            cursor.execute("SELECT indexname, indexdef FROM pg_indexes WHERE tablename = 'captions_photo'")
            return sorted(cursor.fetchall())

    before = indexes()
    monkeypatch.setattr(synthetic, "BULK_LOAD_AT_LEAST", 100)
    out = StringIO()
    call_command(
        "generate_archive", "--count", "300", "--seed", "3", "--today", TODAY.isoformat(), "-v", "2", stdout=out
    )
    assert out.getvalue().startswith("created 300 photos")
    assert "stages: rows" in out.getvalue() and "indexes" in out.getvalue()  # where the time went
    assert indexes() == before
    assert Photo.objects.count() == 300
    again = synthetic.generate_archive(count=400, seed=3, today=TODAY)  # bulk again: skips what is there
    assert (again.created, again.skipped, "indexes" in again.stages) == (100, 300, True)
    assert indexes() == before and Photo.objects.count() == 400
    assert Photo.objects.filter(articles__isnull=False).exists()
