"""The facet summary table (captions.summary), its triggers on the photo table, and its first
fill from the photos already there. The triggers are also re-created after every migrate
when missing (captions.apps: SQLite drops a table's triggers when a later migration rebuilds
the table)."""

from django.db import migrations, models


def create_and_fill(apps, schema_editor):
    from captions import summary

    vendor = schema_editor.connection.vendor
    with schema_editor.connection.cursor() as cursor:
        for statement in summary.create_triggers_sql(vendor) + summary.rebuild_sql(vendor):
            cursor.execute(statement)


def drop_triggers(apps, schema_editor):
    from captions import summary

    vendor = schema_editor.connection.vendor
    with schema_editor.connection.cursor() as cursor:
        for name in summary.trigger_names(vendor):
            cursor.execute(
                f"DROP TRIGGER IF EXISTS {name} ON {summary.PHOTO_TABLE}"
                if vendor == "postgresql"
                else f"DROP TRIGGER IF EXISTS {name}"
            )


class Migration(migrations.Migration):

    dependencies = [
        ('captions', '0014_photo_search_document'),
    ]

    operations = [
        migrations.CreateModel(
            name='FacetCount',
            fields=[
                ('pk', models.CompositePrimaryKey('filter_key', 'facet_key', blank=True, editable=False, primary_key=True, serialize=False)),
                ('filter_key', models.CharField(max_length=40)),
                ('facet_key', models.CharField(max_length=40)),
                ('n', models.BigIntegerField(default=0)),
            ],
            options={
                'verbose_name': 'facet count',
                'verbose_name_plural': 'facet counts',
                'default_permissions': (),
            },
        ),
        migrations.RunPython(create_and_fill, drop_triggers, elidable=False),
    ]
