"""Word search reads a stored tsvector (PostgreSQL only).

Before, the GIN index `photo_search_gin` was built on the German + English `to_tsvector`
expression itself. Any plan that did not start from that index (a walk of `photo_added` under
`LIMIT 25`, a BitmapAnd of the place and date indexes with the words as a recheck) recomputed
both `to_tsvector`s for every row it passed: about 90 µs a row, 7 s for a rare word at a
million photos. Now the same expression is a generated column, `search_document`, computed
once when a row is written (the cost the index paid anyway), with the GIN index
`photo_search_doc` on it; a filter that meets a row reads the stored value. ANALYZE keeps
most-common-element statistics on the column (target 500), so a rare word is estimated as
rare. The column is not in the model (SQLite has no tsvector): `selectors.search` names it.
"""

from django.db import migrations

COLUMN = "search_document"
INDEX = "photo_search_doc"
FIELDS = "(((((COALESCE(caption, '') || ' ') || COALESCE(headline, '')) || ' ') || COALESCE(keywords, '')) || ' ') || COALESCE(credit, '')"
EXPRESSION = f"to_tsvector('german'::regconfig, {FIELDS}) || to_tsvector('english'::regconfig, {FIELDS})"


def forwards(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute(
        f"ALTER TABLE captions_photo ADD COLUMN {COLUMN} tsvector GENERATED ALWAYS AS ({EXPRESSION}) STORED"
    )
    schema_editor.execute(f"ALTER TABLE captions_photo ALTER COLUMN {COLUMN} SET STATISTICS 500")
    schema_editor.execute("DROP INDEX IF EXISTS photo_search_gin")
    schema_editor.execute(f"CREATE INDEX {INDEX} ON captions_photo USING gin ({COLUMN})")


def backwards(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute(f"DROP INDEX IF EXISTS {INDEX}")
    schema_editor.execute(f"ALTER TABLE captions_photo DROP COLUMN IF EXISTS {COLUMN}")
    schema_editor.execute(f"CREATE INDEX photo_search_gin ON captions_photo USING gin (({EXPRESSION}))")


class Migration(migrations.Migration):
    dependencies = [("captions", "0013_change_reason_codes")]
    operations = [migrations.RunPython(forwards, backwards, elidable=False)]
