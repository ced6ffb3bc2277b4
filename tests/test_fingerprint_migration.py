"""Migration 0012: fingerprints recomputed over the photo, import digests filled, twins kept.

Records are written as the code before it wrote them (fingerprint = a hash of the block's
text), the migration runs, and then the very blocks are imported again."""

import datetime as dt
import hashlib
from pathlib import Path

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.utils import timezone

from captions import ingest
from captions.models import Photo
from captions.services import imports

BEFORE = [("captions", "0011_lightboxes")]
AFTER = [("captions", "0012_photo_fingerprint_from_parsed_fields")]
ROOT = Path(__file__).resolve().parent.parent
SEED_WITH_ARTICLE = (ROOT / "captions" / "demo" / "seed.txt").read_text(encoding="utf-8")
SEED_ALONE = (ROOT / "tests" / "data" / "seed_caption_block.txt").read_text(encoding="utf-8")
EDINBURGH = """Schoolchildren march through the old town of Edinburgh.
Image ID: 2R4X9KJ
3648 x 2736 px | 300dpi
Date taken: 30 May 2017
Location: Edinburgh, Scotland, UK"""


def text_hash(text):
    """The fingerprint the code before migration 0012 stored: a hash of the block's raw text."""
    return hashlib.sha256(" ".join(text.split()).casefold().encode("utf-8", "surrogatepass")).hexdigest()


def migrate(target):
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(target)
    return executor.loader.project_state(target).apps


def old_import(apps, text, *, edited_caption=None, when=None):
    """A block saved as the code before migration 0012 did: the text's hash as fingerprint, one
    history row as imported; `edited_caption`: an editor's later correction (same fingerprint)."""
    Photo0, History0, Place0 = (apps.get_model("captions", name) for name in ("Photo", "HistoricalPhoto", "Place"))
    parsed = ingest.parse_blocks(text)[0]
    values = imports.photo_values_from_parsed(parsed)
    values.pop("import_digest")
    values["fingerprint"] = text_hash(text)  # the old fingerprint: the block's text
    parts = imports.place_parts(parsed)
    place, _ = Place0.objects.get_or_create(sublocation=parts[0], city=parts[1], region=parts[2], country_code=parts[3])
    when = when or timezone.now()
    photo = Photo0.objects.create(**values, place=place)
    history = {**values, "id": photo.pk, "place_id": place.pk, "created_at": when, "updated_at": when}
    History0.objects.create(**history, history_date=when, history_type="+", history_change_reason="import")
    if edited_caption:
        Photo0.objects.filter(pk=photo.pk).update(caption=edited_caption, version=2)
        later = when + dt.timedelta(minutes=5)
        History0.objects.create(
            **{**history, "caption": edited_caption, "updated_at": later},
            history_date=later,
            history_type="~",
            history_change_reason="edited",
        )
    return photo.pk


@pytest.mark.django_db(transaction=True)
def test_migration_recomputes_fingerprints_keeps_twins_and_corrections(capsys):
    old_apps = migrate(BEFORE)
    try:
        start = timezone.now() - dt.timedelta(days=1)
        first = old_import(old_apps, SEED_WITH_ARTICLE, when=start)
        twin = old_import(old_apps, SEED_ALONE, when=start + dt.timedelta(hours=1))  # two photos before
        edited = old_import(old_apps, EDINBURGH, edited_caption="Schoolchildren in Edinburgh's old town.")
        old_fingerprints = dict(old_apps.get_model("captions", "Photo").objects.values_list("pk", "fingerprint"))
        migrate(AFTER)
    finally:
        migrate(MigrationExecutor(connection).loader.graph.leaf_nodes())

    photos = Photo.objects.in_bulk()
    seed_values = imports.photo_values_from_parsed(ingest.parse_blocks(SEED_ALONE)[0])
    assert photos[first].fingerprint == seed_values["fingerprint"] != old_fingerprints[first]
    assert photos[twin].fingerprint == old_fingerprints[twin]  # the younger twin keeps its own: no clash, no loss
    said = capsys.readouterr().out
    assert f"photo #{twin} is a twin of #{first} (the same photo): merge or delete it by hand" in said
    assert all(photo.import_digest for photo in photos.values())

    # The very blocks again: nothing is written, and the correction survives.
    result = imports.import_blocks(blocks=ingest.parse_blocks(SEED_ALONE + "\n---\n" + EDINBURGH))
    assert (result.created, result.updated, result.unchanged) == (0, 0, 2)
    assert [pk for _number, pk in result.saved] == [first, edited]
    photo = Photo.objects.get(pk=edited)
    assert photo.caption == "Schoolchildren in Edinburgh's old town." and photo.version == 2
    assert Photo.objects.count() == 3


BEFORE_0019 = [("captions", "0018_caveat_indexes_by_place")]
AFTER_0019 = [("captions", "0019_fingerprints_of_blocks_naming_no_photo_fields")]
# Blocks that state no caption, pixels, date, place or credit: known by their text until 0019.
HEADLINE_ONLY = "Headline: Talks in the Kremlin\nKeywords: Kremlin, diplomacy, USA"
KEYWORDS_ONLY = "Keywords: harbour, fishing boats, dawn"


def text_hashed_import(apps, text, *, when):
    """A block saved as the code before 0019 saved one that names nothing of the photo: its
    fingerprint a hash of its raw text, its digest as now."""
    Photo0, History0 = (apps.get_model("captions", name) for name in ("Photo", "HistoricalPhoto"))
    values = imports.photo_values_from_parsed(ingest.parse_blocks(text)[0])
    values["fingerprint"] = text_hash(text)
    photo = Photo0.objects.create(**values)
    History0.objects.create(
        **values,
        id=photo.pk,
        created_at=when,
        updated_at=when,
        history_date=when,
        history_type="+",
        history_change_reason="import",
    )
    return photo.pk


@pytest.mark.django_db(transaction=True)
def test_0019_fingerprints_blocks_that_name_no_photo_field_by_their_parsed_fields(capsys):
    old_apps = migrate(BEFORE_0019)
    try:
        start = timezone.now() - dt.timedelta(days=1)
        headline = text_hashed_import(old_apps, HEADLINE_ONLY, when=start)
        # the same block with a full stop after its headline: a twin under the old fingerprint
        twin = text_hashed_import(old_apps, HEADLINE_ONLY.replace("Kremlin\n", "Kremlin.\n"), when=start)
        keywords = text_hashed_import(old_apps, KEYWORDS_ONLY, when=start)
        seed = old_import(old_apps, SEED_ALONE, when=start)  # its fingerprint (the parsed fields') stays
        before = dict(old_apps.get_model("captions", "Photo").objects.values_list("pk", "fingerprint"))
        assert before[headline] != before[twin]
        migrate(AFTER_0019)
    finally:
        migrate(MigrationExecutor(connection).loader.graph.leaf_nodes())

    after = dict(Photo.objects.values_list("pk", "fingerprint"))
    assert after[headline] == ingest.parse_blocks(HEADLINE_ONLY)[0].fingerprint != before[headline]
    assert after[keywords] == ingest.parse_blocks(KEYWORDS_ONLY)[0].fingerprint
    assert after[twin] == before[twin] and after[seed] == before[seed]
    assert f"photo #{twin} is a twin of #{headline}" in capsys.readouterr().out

    # the very blocks again, with other text around them: found, nothing written
    text = "\n---\n".join([HEADLINE_ONLY + "\n\n\n", "  " + KEYWORDS_ONLY])
    result = imports.import_blocks(blocks=ingest.parse_blocks(text))
    assert (result.created, result.updated, result.unchanged) == (0, 0, 2)
    assert [pk for _number, pk in result.saved] == [headline, keywords]
