"""History reasons become codes with their values (captions.core.vocabulary.CHANGE_REASONS), so
each reader sees them in their own language: the texts written before, in English or German
("Pasted caption block" / "Eingefügter Bildtext", "Bulk: place set to Moskau" / "Sammeländerung:
Ort auf Moskau gesetzt" ...), are rewritten as their codes. Any other text is left as it was
(the history page shows it as written)."""

import json
import re

from django.db import migrations
from django.db.models import Q

# (pattern of the old text, code, names of the values its groups hold); English and German
LEGACY = [
    (r"Pasted caption block|Eingefügter Bildtext", "pasted", ()),
    (r"Bulk: marked reviewed|Sammeländerung: als geprüft markiert", "bulk_reviewed", ()),
    (r"Bulk: place set to (.+)|Sammeländerung: Ort auf (.+) gesetzt", "bulk_place", ("place",)),
    (r"Bulk: caveat (\S+) added|Sammeländerung: Hinweis (\S+) hinzugefügt", "bulk_caveat_added", ("tag",)),
    (r"Bulk: caveat (\S+) removed|Sammeländerung: Hinweis (\S+) entfernt", "bulk_caveat_removed", ("tag",)),
    (r"Bulk: linked article “(.+)”|Sammeländerung: Artikel „(.+)“ verknüpft", "bulk_article", ("headline",)),
    (r"Linked article “(.+)”|Artikel „(.+)“ verknüpft", "article_linked", ("headline",)),
    (r"Restored from the archive of (.+)", "restored", ("exported_at",)),
]
PREFIXES = ["Pasted", "Eingefügt", "Bulk:", "Sammeländerung:", "Linked article", "Artikel „", "Restored from"]
MAX_LENGTH = 100


def encode(code, values):
    # as captions.core.vocabulary.change_reason at the time of writing (a migration keeps its own copy)
    while True:
        stored = f"{code} {json.dumps(values, ensure_ascii=False)}" if values else code
        if len(stored) <= MAX_LENGTH:
            return stored
        longest = max(values, key=lambda name: len(values[name]))
        values[longest] = values[longest][: max(0, len(values[longest]) - (len(stored) - MAX_LENGTH) - 1)] + "…"


def as_code(text):
    for pattern, code, names in LEGACY:
        found = re.fullmatch(pattern, text)
        if found:
            groups = [g for g in found.groups() if g is not None]
            return encode(code, dict(zip(names, groups, strict=True)))
    return None


def forwards(apps, schema_editor):
    History = apps.get_model("captions", "HistoricalPhoto")
    query = Q()
    for prefix in PREFIXES:
        query |= Q(history_change_reason__startswith=prefix)
    changed = []
    for row in History.objects.filter(query).only("history_id", "history_change_reason").iterator(chunk_size=2000):
        code = as_code(row.history_change_reason)
        if code:
            row.history_change_reason = code
            changed.append(row)
        if len(changed) >= 2000:
            History.objects.bulk_update(changed, ["history_change_reason"])
            changed = []
    if changed:
        History.objects.bulk_update(changed, ["history_change_reason"])


class Migration(migrations.Migration):
    dependencies = [("captions", "0012_photo_fingerprint_from_parsed_fields")]
    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
