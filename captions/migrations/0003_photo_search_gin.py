"""A GIN index for word search on PostgreSQL (see captions/search.py).

It indexes exactly the German + English tsvector expression that `search_vector()` builds,
so the planner can use it for the browse and export filter `q`. Other databases have no GIN
indexes; there the migration does nothing and search falls back to substring matching. The
index is not declared in the model's Meta because SQLite could not create it.
"""
from django.contrib.postgres.indexes import GinIndex
from django.db import migrations


def search_index():
    from captions.selectors.search import INDEX_NAME, search_vector

    return GinIndex(search_vector(), name=INDEX_NAME)


def add_search_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.add_index(apps.get_model("captions", "Photo"), search_index())


def remove_search_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.remove_index(apps.get_model("captions", "Photo"), search_index())


class Migration(migrations.Migration):
    dependencies = [("captions", "0002_roles")]
    operations = [migrations.RunPython(add_search_index, remove_search_index, elidable=False)]
