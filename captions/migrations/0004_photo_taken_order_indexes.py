"""Indexes for sorting browse results by shoot date on PostgreSQL.

`sort=-taken` orders by `date_start DESC NULLS LAST, id DESC` (undated photos last), which a
plain ascending index cannot serve; these two indexes match the ORDER BY clauses of
`captions.selectors.filters.SORT_ORDER` exactly, so the first page of a million photos is an index scan.
SQLite cannot create an index with NULLS LAST; there the migration does nothing.
"""
from django.db import migrations, models
from django.db.models import F


def taken_order_indexes():
    return [
        models.Index(F("date_start").desc(nulls_last=True), F("id").desc(), name="photo_taken_desc"),
        models.Index(F("date_start").asc(nulls_last=True), F("id").asc(), name="photo_taken_asc"),
    ]


def add_indexes(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        for index in taken_order_indexes():
            schema_editor.add_index(apps.get_model("captions", "Photo"), index)


def remove_indexes(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        for index in taken_order_indexes():
            schema_editor.remove_index(apps.get_model("captions", "Photo"), index)


class Migration(migrations.Migration):
    dependencies = [("captions", "0003_photo_search_gin")]
    operations = [migrations.RunPython(add_indexes, remove_indexes, elidable=False)]
