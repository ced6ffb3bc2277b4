"""Migration 0013: the history's reasons written as text (English or German) become codes, and
the history page shows them in the reader's language."""

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.utils import timezone

from captions.editorial.display import reason_text
from captions.models import Photo
from tests.builders import make_photo

BEFORE = [("captions", "0012_photo_fingerprint_from_parsed_fields")]
AFTER = [("captions", "0013_change_reason_codes")]
OLD_AND_NEW = [
    ("Pasted caption block", "pasted"),
    ("Eingefügter Bildtext", "pasted"),
    ("Bulk: place set to Moskau, Russia", 'bulk_place {"place": "Moskau, Russia"}'),
    ("Sammeländerung: Ort auf Berlin gesetzt", 'bulk_place {"place": "Berlin"}'),
    ("Bulk: caveat embargo removed", 'bulk_caveat_removed {"tag": "embargo"}'),
    ("Sammeländerung: Hinweis editorial_only hinzugefügt", 'bulk_caveat_added {"tag": "editorial_only"}'),
    ("Bulk: marked reviewed", "bulk_reviewed"),
    ("Linked article “Kremlin talks”", 'article_linked {"headline": "Kremlin talks"}'),
    ("Sammeländerung: Artikel „Kremlgespräche“ verknüpft", 'bulk_article {"headline": "Kremlgespräche"}'),
    ("Restored from the archive of 2026-11-01T10:00:00+00:00", 'restored {"exported_at": "2026-11-01T10:00:00+00:00"}'),
    ("import", "import"),
    ("a note an editor typed", "a note an editor typed"),
]


def migrate(target):
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(target)
    return executor.loader.project_state(target).apps


@pytest.mark.django_db(transaction=True)
def test_text_reasons_become_codes():
    photo = make_photo()
    old_apps = migrate(BEFORE)
    try:
        History = old_apps.get_model("captions", "HistoricalPhoto")
        template = History.objects.filter(id=photo.pk).values().first()
        template.pop("history_id")
        for old, _new in OLD_AND_NEW:
            History.objects.create(**{**template, "history_change_reason": old, "history_date": timezone.now()})
        migrate(AFTER)
    finally:
        migrate(MigrationExecutor(connection).loader.graph.leaf_nodes())
    stored = list(
        Photo.history.filter(id=photo.pk)
        .exclude(history_change_reason=None)
        .order_by("history_id")
        .values_list("history_change_reason", flat=True)
    )
    assert stored == [new for _old, new in OLD_AND_NEW]


def test_reasons_read_in_the_readers_language():
    from django.utils import translation

    with translation.override("de"):
        assert reason_text("pasted") == "Eingefügter Bildtext"
        assert reason_text('bulk_caveat_removed {"tag": "embargo"}') == "Sammeländerung: Hinweis Sperrfrist entfernt"
        assert reason_text(None) == "—"
        assert reason_text("a note an editor typed") == "a note an editor typed"
    with translation.override("en"):
        assert reason_text("pasted") == "Pasted caption block"
        assert reason_text('bulk_place {"place": "Moskau"}') == "Bulk: place set to Moskau"


def test_a_long_value_is_cut_to_fit_the_column():
    from captions.core.vocabulary import change_reason, read_change_reason

    stored = change_reason("article_linked", headline="Kremlin " * 40)
    assert len(stored) <= 100
    code, values = read_change_reason(stored)
    assert (
        code == "article_linked" and values["headline"].startswith("Kremlin Kremlin") and values["headline"][-1] == "…"
    )
