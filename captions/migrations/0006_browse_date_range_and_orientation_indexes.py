"""Indexes for two browse filters that no existing index served at a million photos.

* `photo_width_excess`, on `width_px - height_px` (both databases, declared in the model): its
  sign is the orientation, so `orientation=portrait` is a range scan of it, and PostgreSQL
  keeps statistics on the expression instead of guessing a third of the rows.
* `photo_taken_range` (PostgreSQL only): a GiST index on `daterange(date_start, date_end, '[]')`
  for dated photos, the exact expression `captions.selectors.photos.taken_range()` builds. A date
  window is an interval overlap, `&&` on this index; the btree on (date_start, date_end)
  could only bound one side of it. SQLite has no GiST; there the window stays two comparisons.
"""
import django.db.models.expressions
from django.contrib.postgres.indexes import GistIndex
from django.db import migrations, models
from django.db.models import Q


def taken_range_index():
    from captions.selectors.photos import TAKEN_RANGE_INDEX, taken_range

    return GistIndex(taken_range(), name=TAKEN_RANGE_INDEX, condition=Q(date_start__isnull=False))


def add_taken_range_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.add_index(apps.get_model("captions", "Photo"), taken_range_index())


def remove_taken_range_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.remove_index(apps.get_model("captions", "Photo"), taken_range_index())


class Migration(migrations.Migration):
    dependencies = [("captions", "0005_photo_article_history_source_id_index")]

    operations = [
        migrations.AddIndex(
            model_name="photo",
            index=models.Index(
                django.db.models.expressions.CombinedExpression(models.F("width_px"), "-", models.F("height_px")),
                name="photo_width_excess",
            ),
        ),
        migrations.RunPython(add_taken_range_index, remove_taken_range_index, elidable=False),
    ]
