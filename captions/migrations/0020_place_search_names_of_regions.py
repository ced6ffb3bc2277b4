"""The names a place stored with a region is found under, recomputed: a region written as its
subdivision's code beside a country ('SG' in Switzerland, 'BY' in Germany) or as another name
of its seat than ISO's ('St. Gallen' for 'Sankt Gallen') was indexed under that text alone, so
'St. Gallen', 'Bavaria' or 'Kanton St. Gallen' did not find its photos; every region now also
carries its ISO 3166-2 code as a name ('ch sg'), which a search naming the region meets
(`captions.core.places.place_search_names`, `region_query_names`). Places without a region are
unchanged. The place table is small: one pass."""

from django.db import migrations

from captions.core.places import place_search_names


def recompute(apps, schema_editor):
    Place = apps.get_model("captions", "Place")
    changed = []
    for place in Place.objects.exclude(region="").only("sublocation", "city", "region", "country_code", "search_names"):
        names = place_search_names(
            sublocation=place.sublocation or None,
            city=place.city or None,
            region=place.region or None,
            country_code=place.country_code or None,
        )
        text = "|" + "|".join(sorted(names)) + "|" if names else ""
        if text != place.search_names:
            place.search_names = text
            changed.append(place)
    Place.objects.bulk_update(changed, ["search_names"], batch_size=500)


class Migration(migrations.Migration):
    dependencies = [("captions", "0019_fingerprints_of_blocks_naming_no_photo_fields")]

    operations = [migrations.RunPython(recompute, migrations.RunPython.noop, elidable=True)]
