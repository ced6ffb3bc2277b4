"""Fingerprints of records whose block stated no caption, pixels, date, place or credit (a
headline and keywords alone, say): until now such a block was known by a hash of its raw text,
so the same block with other text or spacing around it became a second photo. Its fingerprint
is now taken over its other parsed fields (`captions.core.fingerprints.photo_fingerprint`), and
stored rows are recomputed here so that a re-import of the very block finds its record.

As migration 0012 did: the values are those the record had when a block last wrote them (the
start of the last run of history rows carrying its current fingerprint), so an editor's later
corrections do not change what the block is found by. Every other fingerprint is unchanged (the
other records' fingerprints were already taken over their parsed fields). Two records that now
would share a fingerprint stay two: the younger keeps its old one and is named on standard
output, to merge or delete by hand.
"""

import sys

from django.db import migrations

from captions.core.fingerprints import IMPORTED_FIELDS, names_the_photo, photo_fingerprint

CHUNK = 2000


def _as_imported(rows, fingerprint):
    """The first row of the last run of history rows carrying `fingerprint` (rows in time order)."""
    found, previous = None, None
    for row in rows:
        if row["fingerprint"] == fingerprint and previous != fingerprint:
            found = row
        previous = row["fingerprint"]
    return found


def recompute(apps, schema_editor):
    Photo = apps.get_model("captions", "Photo")
    HistoricalPhoto = apps.get_model("captions", "HistoricalPhoto")
    Place = apps.get_model("captions", "Place")
    # only a block without pixels and date can have named nothing of the photo
    ids = list(
        Photo.objects.exclude(fingerprint="")
        .filter(width_px__isnull=True, height_px__isnull=True, date_start__isnull=True, date_end__isnull=True)
        .order_by("id")
        .values_list("id", flat=True)
    )
    if not ids:
        return
    places = {
        pk: parts
        for pk, *parts in Place.objects.values_list("pk", "sublocation", "city", "region", "country_code").iterator()
    }
    columns = ["id", "fingerprint", "place_id", *IMPORTED_FIELDS]
    twins = []
    for start in range(0, len(ids), CHUNK):
        chunk = ids[start : start + CHUNK]
        current = {row["id"]: row for row in Photo.objects.filter(id__in=chunk).values(*columns)}
        history = {}
        for row in (
            HistoricalPhoto.objects.filter(id__in=chunk).order_by("id", "history_date", "history_id").values(*columns)
        ):
            history.setdefault(row["id"], []).append(row)
        wanted = {}
        for pk in chunk:
            now = current[pk]
            values = _as_imported(history.get(pk, ()), now["fingerprint"]) or now
            place = places.get(values["place_id"], ("", "", "", ""))
            if names_the_photo(values, place):
                continue  # its fingerprint was already taken over its parsed fields
            fingerprint = photo_fingerprint(values, place)
            if fingerprint != now["fingerprint"]:
                wanted[pk] = fingerprint
        taken = dict(Photo.objects.filter(fingerprint__in=set(wanted.values())).values_list("fingerprint", "id"))
        changed = []
        for pk, fingerprint in wanted.items():
            if fingerprint in taken:
                twins.append((pk, taken[fingerprint]))
                continue
            taken[fingerprint] = pk
            changed.append(Photo(id=pk, fingerprint=fingerprint))
        Photo.objects.bulk_update(changed, ["fingerprint"], batch_size=500)
    for pk, owner in twins:
        sys.stdout.write(f"\n  photo #{pk} is a twin of #{owner} (the same photo): merge or delete it by hand")


class Migration(migrations.Migration):
    dependencies = [
        ("captions", "0018_caveat_indexes_by_place"),
    ]

    operations = [
        migrations.RunPython(recompute, migrations.RunPython.noop, elidable=False),
    ]
