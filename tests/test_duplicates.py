"""One photo per photo (issue 15, items 5 and 6): fingerprints over the parsed photo, near-
duplicates shown as "matches #N" with the editor's choice, and summaries that say "unchanged"
only when nothing was written, through the services, the paste page and import_captions."""

from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command
from django.db import connection
from django.urls import reverse

from captions import ingest
from captions.core import fingerprints
from captions.ingest import ParsedCaption
from captions.models import Photo
from captions.selectors.duplicates import BY_CONTENT, BY_SOURCE_ID
from captions.services import imports
from tests.builders import editor, make_photo, make_place

pytestmark = pytest.mark.django_db
ROOT = Path(__file__).resolve().parent.parent
SEED_WITH_ARTICLE = (ROOT / "captions" / "demo" / "seed.txt").read_text(encoding="utf-8")
SEED_ALONE = (ROOT / "tests" / "data" / "seed_caption_block.txt").read_text(encoding="utf-8")
SEED_EDITED = SEED_ALONE.replace("ein Treffen", "ein Gespräch")  # one word: captions 97% alike
PASTE = reverse("admin:captions_photo_paste")
EDINBURGH = """Schoolchildren march through the old town of Edinburgh.
Image ID: 2R4X9KJ
3648 x 2736 px | 30,9 x 23,2 cm | 12,2 x 9,1 inches | 300dpi
Date taken: 30 May 2017
Location: Edinburgh, Scotland, UK"""


def run(tmp_path, text, *args, name="blocks.txt"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    out = StringIO()
    call_command("import_captions", str(path), *args, stdout=out, stderr=StringIO())
    return out.getvalue().splitlines()


def parsed(text):
    return ingest.parse_blocks(text)


@pytest.fixture
def ed_client(client):
    client.force_login(editor())
    return client


def test_the_import_writes_every_field_the_digest_covers():
    values = imports.photo_values_from_parsed(ParsedCaption())
    assert set(values) - {"fingerprint", "import_digest"} == set(fingerprints.IMPORTED_FIELDS)


# --- item 5: the fingerprint is the photo's ------------------------------------------------


def test_seed_imported_with_its_article_then_pasted_alone_is_one_photo(tmp_path, ed_client):
    assert run(tmp_path, SEED_WITH_ARTICLE)[0] == "created 1, updated 0, unchanged 0, flagged 1"
    photo = Photo.objects.get()
    updated_at = photo.updated_at
    preview = ed_client.post(PASTE, {"text": SEED_ALONE, "preview": "Preview"})
    assert preview.context["previews"][0]["existing"] == photo and "nothing to change" in preview.text
    response = ed_client.post(PASTE, {"text": SEED_ALONE, "save": "Save"}, follow=True)
    assert "Nothing to save: created 0, updated 0, unchanged 1, flagged 1." in response.text
    assert Photo.objects.count() == 1
    photo.refresh_from_db()
    assert photo.version == 1 and photo.history.count() == 1  # "unchanged" wrote nothing
    assert photo.updated_at == updated_at
    # and the other way round: pasted alone first, imported with its article: one photo, unchanged
    Photo.history.all().delete()
    Photo.objects.all().delete()
    ed_client.post(PASTE, {"text": SEED_ALONE, "save": "Save"})
    assert run(tmp_path, SEED_WITH_ARTICLE)[0] == "created 0, updated 0, unchanged 1, flagged 1"
    assert Photo.objects.count() == 1 and Photo.objects.get().history.count() == 1


def test_other_spacing_case_and_punctuation_make_no_twin(tmp_path):
    run(tmp_path, SEED_ALONE)
    variant = SEED_ALONE.replace("Der russische", "der   russische").replace("ab.", "ab") + "\n\n   \n"
    lines = run(tmp_path, variant, name="variant.txt")
    assert Photo.objects.count() == 1
    assert lines[0] == "created 0, updated 1, unchanged 0, flagged 1"  # its caption's text did change


def test_the_same_caption_of_another_photo_is_another_photo(tmp_path):
    run(tmp_path, SEED_ALONE)
    lines = run(tmp_path, SEED_ALONE.replace("1880 x 1160 px", "1160 x 1880 px"), name="other.txt")
    assert lines[0].startswith("created 1,") and Photo.objects.count() == 2


# --- item 6: honest summaries ----------------------------------------------------------------


def many_blocks(count):
    return "\n---\n".join(
        f"Block {n}: fishing boats return to the harbour at dawn, number {n}.\n"
        f"{1000 + n} x 800 px | 300dpi\nDate taken: 3 May 2019\nLocation: Hamburg, Germany"
        for n in range(count)
    )


def test_a_rerun_reports_every_block_unchanged_and_writes_nothing(tmp_path):
    text = many_blocks(70)  # 7,000 in the field; three batches of 30 here
    history_before = Photo.history.count()
    assert run(tmp_path, text, "--batch-size", "30")[0] == "created 70, updated 0, unchanged 0, flagged 0"
    before = {
        pk: (version, updated) for pk, version, updated in Photo.objects.values_list("pk", "version", "updated_at")
    }
    history = Photo.history.count()
    assert run(tmp_path, text, "--batch-size", "30")[0] == "created 0, updated 0, unchanged 70, flagged 0"
    after = {
        pk: (version, updated) for pk, version, updated in Photo.objects.values_list("pk", "version", "updated_at")
    }
    assert after == before and Photo.history.count() == history == history_before + 70


def test_a_changed_block_with_the_same_fingerprint_is_updated_once(tmp_path):
    run(tmp_path, SEED_ALONE)
    photo = Photo.objects.get()
    changed = SEED_ALONE.replace("Weitere Informationen:", "Schlagwörter: Kreml, Diplomatie\nWeitere Informationen:")
    assert run(tmp_path, changed, name="changed.txt")[0] == "created 0, updated 1, unchanged 0, flagged 1"
    photo.refresh_from_db()
    assert photo.version == 2 and photo.history.count() == 2
    assert run(tmp_path, changed, name="changed.txt")[0] == "created 0, updated 0, unchanged 1, flagged 1"
    photo.refresh_from_db()
    assert photo.version == 2 and photo.history.count() == 2


def test_unchanged_in_the_batch_path_and_the_one_by_one_path_alike():
    [block] = parsed(SEED_ALONE)
    outcome = imports.save_parsed_caption(parsed=block)
    again = imports.save_parsed_caption(parsed=parsed(SEED_WITH_ARTICLE)[0])
    assert outcome.created and not again.changed and again.photo == outcome.photo
    result = imports.import_blocks(blocks=parsed(SEED_WITH_ARTICLE))
    assert (result.created, result.updated, result.unchanged) == (0, 0, 1)
    assert Photo.objects.get().history.count() == 1


# --- near-duplicates --------------------------------------------------------------------------


def test_near_duplicate_is_skipped_by_default_and_named(tmp_path):
    run(tmp_path, SEED_ALONE)
    photo = Photo.objects.get()
    lines = run(tmp_path, SEED_EDITED, name="edited.txt")
    assert lines[0] == "created 0, updated 0, unchanged 0, flagged 1, skipped 1"
    label = "block 1 (Der russische Präsident Wladimir Putin hält im Kreml ein Ges…)"
    assert lines[1:] == [f"{label}: truncated_text", f"{label}: matches #{photo.pk}: skipped, not saved"]
    assert Photo.objects.count() == 1 and Photo.objects.get().version == 1


def test_near_duplicate_updated_on_request(tmp_path):
    run(tmp_path, SEED_ALONE)
    photo = Photo.objects.get()
    lines = run(tmp_path, SEED_EDITED, "--near-duplicates=update", name="edited.txt")
    assert lines[0] == "created 0, updated 1, unchanged 0, flagged 1"
    assert lines[-1].endswith(f"matches #{photo.pk}: updated it")
    photo.refresh_from_db()
    assert "ein Gespräch" in photo.caption and Photo.objects.count() == 1
    # the block now is the record's: again, it matches exactly and changes nothing
    assert run(tmp_path, SEED_EDITED, name="edited.txt")[0] == "created 0, updated 0, unchanged 1, flagged 1"


def test_near_duplicate_kept_beside_on_request(tmp_path):
    run(tmp_path, SEED_ALONE)
    photo = Photo.objects.get()
    lines = run(tmp_path, SEED_EDITED, "--near-duplicates=keep", name="edited.txt")
    assert lines[0] == "created 1, updated 0, unchanged 0, flagged 1"
    assert lines[-1].endswith(f"matches #{photo.pk}: kept both")
    assert Photo.objects.count() == 2


def test_dry_run_names_near_duplicates_and_writes_nothing(tmp_path):
    run(tmp_path, SEED_ALONE)
    lines = run(tmp_path, SEED_EDITED, "--dry-run", "--near-duplicates=update", name="edited.txt")
    assert lines[0] == "created 0, updated 1, unchanged 0, flagged 1" and "updated it" in lines[-2]
    assert lines[-1] == "dry run: nothing was saved"
    assert Photo.objects.get().version == 1


def test_a_caption_less_alike_is_another_photo(tmp_path):
    run(tmp_path, SEED_ALONE)
    other = SEED_ALONE.replace(
        "Der russische Präsident Wladimir Putin hält im Kreml ein Treffen mit dem Sondergesandten des",
        "Ein Sprecher des Kreml spricht vor der Presse über den Besuch des",
    )
    assert run(tmp_path, other, name="other.txt")[0].startswith("created 1,")
    assert Photo.objects.count() == 2


def test_the_same_image_id_under_another_supplier_is_a_near_duplicate(tmp_path):
    existing = make_photo(supplier="Alamy Stock Photo", source_id="2R4X9KJ", caption="Edinburgh schoolchildren")
    [match] = imports.match_blocks(parsed(EDINBURGH))
    assert match.existing is None and match.near.photo_id == existing.pk and match.near.by == BY_SOURCE_ID
    lines = run(tmp_path, EDINBURGH, "--near-duplicates=update")
    assert lines[0] == "created 0, updated 1, unchanged 0, flagged 0"
    existing.refresh_from_db()
    assert (existing.supplier, existing.source_id) == ("Alamy Stock Photo", "2R4X9KJ")  # its own, kept
    assert existing.caption == "Schoolchildren march through the old town of Edinburgh."
    # the block is now the record's: found by its fingerprint, nothing to write
    assert run(tmp_path, EDINBURGH)[0] == "created 0, updated 0, unchanged 1, flagged 0"


def test_a_near_duplicate_updated_by_a_block_without_id_keeps_its_id():
    existing = make_photo(
        supplier="Reuters",
        source_id="RTS9XQ2K",
        caption="Der russische Präsident Wladimir Putin hält im Kreml ein Treffen mit Gästen ab.",
        place=make_place(sublocation="Kremlin", city="Moscow", country_code="RU"),
    )
    block = parsed(SEED_ALONE)[0]
    block.caption = "Der russische Präsident Wladimir Putin hält im Kreml ein Treffen mit Gästen ab"
    result = imports.import_blocks(blocks=[block], near_duplicates=imports.UPDATE)
    assert result.matches == [(1, imports.block_label(block), existing.pk, imports.UPDATE)]
    existing.refresh_from_db()
    assert (existing.supplier, existing.source_id) == ("Reuters", "RTS9XQ2K") and existing.problems


def test_finding_near_duplicates_costs_the_same_few_queries_for_any_number_of_blocks(django_assert_max_num_queries):
    make_photo(
        caption="Fishing boats return to the harbour at dawn.", place=make_place(city="Hamburg", country_code="DE")
    )
    few, many = parsed(many_blocks(3)), parsed(many_blocks(60))
    with django_assert_max_num_queries(4):  # exact matches (2), places, candidates
        imports.match_blocks(few)
    with django_assert_max_num_queries(4):
        imports.match_blocks(many)


# --- the paste page ---------------------------------------------------------------------------


def test_paste_preview_shows_the_match_with_a_link_and_the_choice(ed_client):
    imports.import_blocks(blocks=parsed(SEED_ALONE))
    photo = Photo.objects.get()
    response = ed_client.post(PASTE, {"text": SEED_EDITED, "preview": "Preview"})
    [preview] = response.context["previews"]
    assert preview["near"].photo_id == photo.pk and preview["near"].by == BY_CONTENT
    link = reverse("admin:captions_photo_change", args=[photo.pk])
    assert f'matches <a href="{link}">#{photo.pk}</a>' in response.text
    assert "caption is 97% alike" in response.text
    # the one word that differs, marked in both captions
    assert "ein <mark>Treffen</mark> mit" in response.text and "ein <mark>Gespräch</mark> mit" in response.text
    assert 'name="near_1" value="update" checked' in response.text and 'name="near_1" value="keep"' in response.text


def test_a_near_duplicate_one_letter_apart_reads_99_not_100_percent_alike(ed_client):
    imports.import_blocks(blocks=parsed(SEED_ALONE))
    one_letter = SEED_ALONE.replace("ein Treffen", "ein Treffer")
    response = ed_client.post(PASTE, {"text": one_letter, "preview": "Preview"})
    [preview] = response.context["previews"]
    assert 0.995 < preview["near"].similarity < 1.0  # rounded, it read "100% alike" beside the marked word
    assert "caption is 99% alike" in response.text and "100% alike" not in response.text
    assert "ein <mark>Treffer</mark> mit" in response.text


def test_paste_keep_both_makes_a_second_photo(ed_client):
    imports.import_blocks(blocks=parsed(SEED_ALONE))
    photo = Photo.objects.get()
    response = ed_client.post(PASTE, {"text": SEED_EDITED, "save": "Save", "near_1": "keep"}, follow=True)
    assert Photo.objects.count() == 2
    assert f"Block 1 matches #{photo.pk}: kept both." in response.text
    assert "Saved: created 1, updated 0, unchanged 0, flagged 1." in response.text


def test_paste_update_rewrites_the_match(ed_client):
    imports.import_blocks(blocks=parsed(SEED_ALONE))
    photo = Photo.objects.get()
    response = ed_client.post(PASTE, {"text": SEED_EDITED, "save": "Save", "near_1": "update"}, follow=True)
    assert Photo.objects.count() == 1
    assert f"Block 1 matches #{photo.pk}: updated it." in response.text
    photo.refresh_from_db()
    assert "ein Gespräch" in photo.caption and photo.version == 2


def previewed(response):
    """The choices a preview page was rendered with, as its form carries them."""
    return response.context["previewed"]


def test_save_with_a_choice_changed_since_the_preview_saves_nothing_and_previews_it(ed_client):
    imports.import_blocks(blocks=parsed(SEED_ALONE))
    photo = Photo.objects.get()
    preview = ed_client.post(PASTE, {"text": SEED_EDITED, "preview": "Preview"})
    assert "gives: created 0, updated 1, unchanged 0, flagged 1." in preview.text
    # "keep both" chosen, Save pressed without "Preview again": the summary shown said "updated 1"
    stale = {"text": SEED_EDITED, "save": "Save", "near_1": "keep", "previewed": previewed(preview)}
    response = ed_client.post(PASTE, stale)
    assert response.status_code == 200 and Photo.objects.count() == 1 and photo.history.count() == 1
    assert "You changed a choice after the preview, so nothing was saved." in response.text
    assert "gives: created 1, updated 0, unchanged 0, flagged 1." in response.text
    assert 'name="near_1" value="keep" checked' in response.text
    # saved from that preview: what it said
    response = ed_client.post(PASTE, {**stale, "previewed": previewed(response)}, follow=True)
    assert Photo.objects.count() == 2 and "Saved: created 1, updated 0, unchanged 0, flagged 1." in response.text


def test_save_with_the_choices_previewed_saves_radios_left_at_their_default_included(ed_client):
    imports.import_blocks(blocks=parsed(SEED_ALONE))
    preview = ed_client.post(PASTE, {"text": SEED_EDITED, "preview": "Preview"})
    # the browser sends the radio checked by default: the same choice as none
    data = {"text": SEED_EDITED, "save": "Save", "near_1": "update", "previewed": previewed(preview)}
    response = ed_client.post(PASTE, data, follow=True)
    assert "Saved: created 0, updated 1, unchanged 0, flagged 1." in response.text
    assert "ein Gespräch" in Photo.objects.get().caption


def test_the_box_ticked_since_the_preview_is_a_changed_choice_too(ed_client):
    from tests.test_reimport_edits import CORRECTED, EDINBURGH, edit_place

    imports.import_blocks(blocks=parsed(EDINBURGH))
    edit_place(Photo.objects.get(), city="Leith", region="Scotland", country_code="GB")
    preview = ed_client.post(PASTE, {"text": CORRECTED, "preview": "Preview"})
    data = {"text": CORRECTED, "save": "Save", "overwrite_edits": "on", "previewed": previewed(preview)}
    response = ed_client.post(PASTE, data)
    assert "nothing was saved" in response.text and "will replace your edit of place" in response.text
    assert Photo.objects.get().place.city == "Leith"
    ed_client.post(PASTE, {**data, "previewed": previewed(response)})
    assert Photo.objects.get().place.city == "Edinburgh"


def test_a_changed_choice_is_said_in_german_too(ed_client):
    imports.import_blocks(blocks=parsed(SEED_ALONE))
    german = {"HTTP_ACCEPT_LANGUAGE": "de"}
    preview = ed_client.post(PASTE, {"text": SEED_EDITED, "preview": "Vorschau"}, **german)
    stale = {"text": SEED_EDITED, "save": "Speichern", "near_1": "keep", "previewed": previewed(preview)}
    response = ed_client.post(PASTE, stale, **german)
    assert "Sie haben nach der Vorschau eine Auswahl geändert, daher wurde nichts gespeichert." in response.text
    assert Photo.objects.count() == 1


def test_paste_choices_are_per_block(ed_client):
    imports.import_blocks(blocks=parsed(SEED_ALONE + "\n---\n" + EDINBURGH))
    assert Photo.objects.count() == 2
    edinburgh_edited = EDINBURGH.replace("Image ID: 2R4X9KJ\n", "").replace("march", "marching")
    text = SEED_EDITED + "\n---\n" + edinburgh_edited
    preview = ed_client.post(PASTE, {"text": text, "preview": "Preview"})
    assert [bool(p["near"]) for p in preview.context["previews"]] == [True, True]
    ed_client.post(PASTE, {"text": text, "save": "Save", "near_1": "update", "near_2": "keep"})
    assert Photo.objects.count() == 3


def test_paste_ignores_a_forged_choice(ed_client):
    imports.import_blocks(blocks=parsed(SEED_ALONE))
    response = ed_client.post(PASTE, {"text": SEED_EDITED, "save": "Save", "near_1": "drop-table"}, follow=True)
    assert response.status_code == 200 and Photo.objects.count() == 1  # the default: update


@pytest.mark.skipif(connection.vendor != "postgresql", reason="the plan is PostgreSQL's")
def test_candidates_come_from_an_index_not_a_scan():
    from django.test.utils import CaptureQueriesContext

    make_photo(
        caption="Fishing boats return to the harbour at dawn.", place=make_place(city="Hamburg", country_code="DE")
    )
    with CaptureQueriesContext(connection) as queries:
        imports.match_blocks(parsed(many_blocks(5)) + parsed(EDINBURGH))
    photo_reads = [q["sql"] for q in queries.captured_queries if 'FROM "captions_photo"' in q["sql"]]
    assert len(photo_reads) == 4  # exact: by supplier + id, by fingerprint; near: by image id, by content
    with connection.cursor() as cursor:
        cursor.execute("SET LOCAL enable_seqscan = off")  # a scan only if no index can answer
        for sql in photo_reads:
            cursor.execute("EXPLAIN " + sql)
            plan = "\n".join(row[0] for row in cursor.fetchall())
            assert "Seq Scan on captions_photo" not in plan, plan


def test_the_paste_preview_costs_the_same_queries_for_3_or_60_blocks(ed_client):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    imports.import_blocks(blocks=parsed(many_blocks(60)))
    counts = []
    for count in (3, 60):
        text = many_blocks(count).replace("fishing boats", "the fishing boats")  # near-duplicates, all of them
        with CaptureQueriesContext(connection) as queries:
            response = ed_client.post(PASTE, {"text": text, "preview": "Preview"})
        assert all(p["near"] for p in response.context["previews"])
        counts.append(len(queries))
    assert counts[0] == counts[1]


@pytest.mark.parametrize("near_duplicates", [imports.UPDATE, imports.SKIP])
def test_a_dry_run_costs_the_same_queries_for_3_or_60_blocks(near_duplicates):
    """import_captions --dry-run: the records, the near-duplicates to update and their places and
    history are read a batch at a time (it read each record's place once a block: 72 queries
    for 60 blocks, 15 for 3)."""
    from django.test.utils import CaptureQueriesContext

    imports.import_blocks(blocks=parsed(many_blocks(60)))
    counts = []
    for count in (3, 60):
        # the same photos (fingerprints) with keywords added: the records themselves, updated
        exact = parsed(many_blocks(count).replace("Germany", "Germany\nKeywords: harbour, boats"))
        near = parsed(many_blocks(count).replace("fishing boats", "the fishing boats"))  # near-duplicates
        with CaptureQueriesContext(connection) as queries:
            result = imports.import_blocks(
                blocks=near + exact, dry_run=True, match_earlier_blocks=True, near_duplicates=near_duplicates
            )
        assert len(result.matches) == count and result.updated >= count
        counts.append(len(queries))
    assert counts[0] == counts[1] <= 8


def test_one_suppliers_two_image_ids_are_two_photos_however_alike(tmp_path):
    run(tmp_path, EDINBURGH)
    series = EDINBURGH.replace("2R4X9KJ", "2R4X9KK").replace("march", "marching")
    [match] = imports.match_blocks(parsed(series))
    assert match.existing is None and match.near is None
    # without an id, or under another supplier, the same text is a near-duplicate
    [match] = imports.match_blocks(parsed(series.replace("Image ID: 2R4X9KK\n", "")))
    assert match.near is not None


def test_a_parsed_block_and_its_record_have_one_fingerprint_over_the_parsed_fields():
    long_credit = "Foto: " + "Sehr Langer Fotografenname " * 20 + "/dpa"
    texts = [
        SEED_ALONE,
        SEED_WITH_ARTICLE,
        EDINBURGH,
        "Headline: Talks in the Kremlin\nKeywords: Kremlin, diplomacy",
        "Fishing boats at dawn.\n" + long_credit,
        "...",
    ]
    for block in parsed("\n---\n".join(texts)):
        assert block.fingerprint == imports.photo_values_from_parsed(block)["fingerprint"] != ""
    assert parsed(SEED_ALONE)[0].fingerprint == parsed(SEED_WITH_ARTICLE)[0].fingerprint


def test_a_block_naming_no_photo_field_again_with_other_spacing_is_one_photo(tmp_path):
    block = "Headline: Talks in the Kremlin\nKeywords: Kremlin, diplomacy"
    assert run(tmp_path, block)[0] == "created 1, updated 0, unchanged 0, flagged 1"
    again = "\n\nHeadline:   Talks in the Kremlin.\nKeywords: Kremlin,  diplomacy\n\n"
    assert run(tmp_path, again, name="again.txt")[0] == "created 0, updated 1, unchanged 0, flagged 1"
    assert Photo.objects.count() == 1


# --- near-duplicates within one paste ------------------------------------------------------------


def boats(n, extra=""):
    """Blocks of one series: same pixels, date and place, captions >= 90% alike."""
    return (
        f"Fishing boats return to the harbour of Hamburg at dawn after the storm, number {n}.{extra}\n"
        "4000 x 3000 px | 300dpi\nDate taken: 3 May 2019\nLocation: Hamburg, Germany"
    )


SHIP = "A container ship leaves the port in the morning fog.\n4000 x 3000 px | 300dpi\nDate taken: 3 May 2019"
ONE_PASTE = "\n---\n".join([boats(1), boats(2), SHIP, boats(2, "  "), boats(1)])


def test_the_paste_preview_matches_a_block_with_an_earlier_block_of_the_same_paste(ed_client):
    response = ed_client.post(PASTE, {"text": ONE_PASTE, "preview": "Preview"})
    earlier = [p["earlier"] for p in response.context["previews"]]
    assert earlier[0] is None and earlier[2] is None
    assert (earlier[1].number, earlier[1].same, earlier[1].by) == (1, False, BY_CONTENT)
    # block 2 again: the photo blocks 1 and 2 make, named by the block whose caption it holds
    assert (earlier[3].number, earlier[3].same) == (2, True)
    assert (earlier[4].number, earlier[4].same) == (2, False)  # block 1 again, but 2 updated it: a near match
    text = response.text
    assert 'matches <a href="#block-1">block 1</a>' in text and 'matches <a href="#block-2">block 2</a>' in text
    assert 'same as <a href="#block-2">block 2</a>, nothing to add' in text
    assert "Block 1 above has the same pixels, date and place, and its caption is 98% alike:" in text  # 0.987, floored
    assert 'name="near_2" value="update" checked' in text and 'name="near_2" value="keep"' in text
    assert 'id="block-1"' in text
    assert Photo.objects.count() == 0


def test_saving_a_paste_with_its_own_near_duplicate_updated_makes_one_photo(ed_client):
    preview = ed_client.post(PASTE, {"text": ONE_PASTE, "preview": "Preview"})
    assert "Saving with the choices below gives: created 2, updated 2, unchanged 1, flagged 0." in preview.text
    response = ed_client.post(PASTE, {"text": ONE_PASTE, "save": "Save"}, follow=True)
    assert Photo.objects.count() == 2  # the boats once, the ship
    boats_photo = Photo.objects.get(caption__startswith="Fishing")
    assert boats_photo.caption.endswith("number 1.") and boats_photo.history.count() == 1
    messages = [str(m) for m in response.context["messages"]]
    assert f"Block 2 matches #{boats_photo.pk}: updated it." in messages
    assert f"Block 5 matches #{boats_photo.pk}: updated it." in messages
    assert "Saved: created 2, updated 2, unchanged 1, flagged 0." in messages


def test_saving_a_paste_with_keep_both_chosen_makes_two_photos(ed_client):
    text = "\n---\n".join([boats(1), boats(2)])
    response = ed_client.post(PASTE, {"text": text, "save": "Save", "near_2": "keep"}, follow=True)
    assert sorted(Photo.objects.values_list("caption", flat=True)) == [
        boats(1).splitlines()[0],
        boats(2).splitlines()[0],
    ]
    first = Photo.objects.get(caption__endswith="number 1.")
    assert f"Block 2 matches #{first.pk}: kept both." in [str(m) for m in response.context["messages"]]


def test_the_paste_preview_says_what_the_save_does_with_each_block(ed_client):
    """The preview's words per block and the save's outcome agree, for a paste that mixes the
    archive's records with its own duplicates."""
    imports.import_blocks(blocks=parsed(EDINBURGH))
    text = "\n---\n".join([boats(1), EDINBURGH, boats(1, " "), EDINBURGH.replace("march", "marching"), boats(3)])
    response = ed_client.post(PASTE, {"text": text, "preview": "Preview"})
    previews = response.context["previews"]
    said = [
        "unchanged" if p["unchanged"] else "updates" if p["existing"] or p["earlier"] or p["near"] else "new"
        for p in previews
    ]
    assert said == ["new", "unchanged", "unchanged", "updates", "updates"]
    result = imports.import_blocks(
        blocks=parsed(text), near_duplicates=imports.UPDATE, match_earlier_blocks=True, reason="pasted"
    )
    assert (result.created, result.updated, result.unchanged) == (1, 2, 2)
    assert response.context["expected_summary"] == result.summary


def test_a_record_changed_by_an_earlier_block_of_the_paste_is_compared_with_what_that_block_wrote(ed_client):
    imports.import_blocks(blocks=parsed(EDINBURGH))
    changed = EDINBURGH + "\nKeywords: school, parade"
    text = "\n---\n".join([changed, changed, EDINBURGH])  # a change, the same again, the old block back
    previews = ed_client.post(PASTE, {"text": text, "preview": "Preview"}).context["previews"]
    assert [(bool(p["existing"]), p["unchanged"]) for p in previews] == [(True, False), (True, True), (True, False)]
    result = imports.import_blocks(blocks=parsed(text), match_earlier_blocks=True)
    assert (result.created, result.updated, result.unchanged) == (0, 2, 1)
    # pasted again: the change, the same, the old block back, as before
    assert ed_client.post(PASTE, {"text": text, "preview": "Preview"}).context["expected_summary"] == result.summary


def test_paste_preview_with_its_own_near_duplicates_costs_no_more_queries(ed_client, django_assert_num_queries):
    ed_client.post(PASTE, {"text": "Warm-up.\n1200 x 800 px", "preview": "Preview"})  # session, user, sites
    apart = "\n---\n".join(boats(n).replace("number", f"{'x' * 30} number") if n % 2 else boats(n) for n in range(8))
    # session, user, group, permissions (2), exact matches by fingerprint, places (none yet: no
    # candidates to read); the paste's own near-duplicates are found without a query
    with django_assert_num_queries(7) as apart_queries:
        ed_client.post(PASTE, {"text": apart, "preview": "Preview"})
    together = "\n---\n".join(boats(n) for n in range(8))
    with django_assert_num_queries(len(apart_queries)):
        response = ed_client.post(PASTE, {"text": together, "preview": "Preview"})
    assert all(p["earlier"] for p in response.context["previews"][1:])


def test_the_paste_page_reports_in_german_too(ed_client):
    imports.import_blocks(blocks=parsed(SEED_ALONE))
    photo = Photo.objects.get()
    german = {"HTTP_ACCEPT_LANGUAGE": "de"}
    response = ed_client.post(PASTE, {"text": SEED_EDITED, "save": "Save"}, follow=True, **german)
    messages = [str(m) for m in response.context["messages"]]
    assert messages == [
        f"Block 1 entspricht #{photo.pk}: aktualisiert.",
        "Gespeichert: neu 0, aktualisiert 1, unverändert 0, markiert 1.",
    ]
    response = ed_client.post(PASTE, {"text": SEED_EDITED, "save": "Save"}, follow=True, **german)
    assert [str(m) for m in response.context["messages"]] == [
        "Nichts zu speichern: neu 0, aktualisiert 0, unverändert 1, markiert 1."
    ]
    preview = ed_client.post(PASTE, {"text": boats(1) + "\n---\n" + boats(2), "preview": "Vorschau"}, **german)
    assert 'entspricht <a href="#block-1">Block 1</a>' in preview.text
    assert "Block 1 oben hat dieselben Pixel, dasselbe Datum und denselben Ort" in preview.text
    summary = "neu 1, aktualisiert 1, unverändert 0, markiert 0"
    assert f"Speichern mit der Auswahl unten ergibt: {summary}." in preview.text
