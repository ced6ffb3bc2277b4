"""The names a place stored with a region is found under, recomputed: a region written as its
subdivision's code beside a country ('SG' in Switzerland, 'BY' in Germany) or as another name
of its seat than ISO's ('St. Gallen' for 'Sankt Gallen') was indexed under that text alone, so
'St. Gallen', 'Bavaria' or 'Kanton St. Gallen' did not find its photos; every region now also
carries its ISO 3166-2 code as a name ('ch sg'), which a search naming the region meets
(`captions.core.places.place_search_names`, `region_query_names`; written by
`captions.services.places.refresh_search_names`). Places without a region are
unchanged. The place table is small: one pass."""

from django.db import migrations

from captions.services.places import refresh_search_names


def recompute(apps, schema_editor):
    refresh_search_names(apps.get_model("captions", "Place").objects.exclude(region=""))


class Migration(migrations.Migration):
    dependencies = [("captions", "0019_fingerprints_of_blocks_naming_no_photo_fields")]

    operations = [migrations.RunPython(recompute, migrations.RunPython.noop, elidable=True)]
