"""Statistics on the shoot interval as the date filter writes it (PostgreSQL only).

A closed date window is `daterange(date_start, date_end, '[]') && window` (selectors.photos.
taken_range). Without statistics on that expression PostgreSQL guessed its selectivity: 9,800
rows for 1960-1989 at a million photos, which hold 161,000; so it AND-ed the GiST index into
the combined search (place + dates + words) and read 161,000 index entries, where the place
and the words alone leave a few hundred rows to check. Extended statistics on the expression
(PostgreSQL 14+) give it the range histograms: it now estimates 180,000.
"""

from django.db import migrations

NAME = "photo_taken_range_stats"


def forwards(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(
            f"CREATE STATISTICS IF NOT EXISTS {NAME} ON (daterange(date_start, date_end, '[]')) FROM captions_photo"
        )


def backwards(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(f"DROP STATISTICS IF EXISTS {NAME}")


class Migration(migrations.Migration):
    dependencies = [("captions", "0015_facet_summary")]
    operations = [migrations.RunPython(forwards, backwards, elidable=False)]
