"""A re-import never silently loses an editor's correction: a block updating a record changes
only the fields whose values differ, keeps a field an editor changed by hand since the record
was last imported (and says so), replaces it only when asked (`overwrite_edits`,
`--overwrite-edits`, the paste page's tick box); "unchanged" writes nothing."""

from io import StringIO
from pathlib import Path

import pytest
from django.contrib.auth.models import User
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from captions import ingest
from captions.models import Photo
from captions.selectors.history import fields_edited_since_import
from captions.services import imports, photos
from tests.builders import editor, make_place

pytestmark = pytest.mark.django_db

EDINBURGH = """Schoolchildren march through the old town of Edinburgh.
Image ID: 2R4X9KJ
3648 x 2736 px | 30,9 x 23,2 cm | 12,2 x 9,1 inches | 300dpi
Date taken: 30 May 2017
Location: Edinburgh, Scotland, UK"""
SEED = (Path(__file__).parent / "data" / "seed_caption_block.txt").read_text(encoding="utf-8")
# the agency's corrected block: a new caption and date, the place as before
CORRECTED = EDINBURGH.replace("march through", "parade through").replace("30 May", "31 May")


def parsed(text):
    return ingest.parse_blocks(text)


def an_editor():
    return User.objects.filter(username="ed").first() or editor()


def edit_place(photo, **parts):
    """An editor corrects the place by hand (the admin's save: history reason 'edited')."""
    photo.place = make_place(**parts)
    photos.save_edited_photo(photo=photo, base_version=photo.version, user=an_editor())
    return photo


@pytest.fixture
def edited():
    """Edinburgh imported, then its place corrected by an editor to Leith."""
    imports.import_blocks(blocks=parsed(EDINBURGH))
    photo = Photo.objects.get()
    return edit_place(photo, city="Leith", region="Scotland", country="United Kingdom", country_code="GB")


def test_an_edited_field_is_kept_and_the_others_are_updated(edited):
    result = imports.import_blocks(blocks=parsed(CORRECTED))
    assert result.summary == "created 0, updated 1, unchanged 0, flagged 0"
    photo = Photo.objects.get()
    assert photo.caption.startswith("Schoolchildren parade through") and photo.date_text == "31 May 2017"
    assert photo.place.city == "Leith"  # the editor's correction
    assert result.edit_lines_in(str) == [
        (1, "Alamy 2R4X9KJ", f"updated #{photo.pk}: caption, date; kept your edit of place")
    ]
    assert photo.history.first().history_change_reason == "import"


def test_an_edit_stays_kept_through_later_imports(edited):
    imports.import_blocks(blocks=parsed(CORRECTED))
    again = CORRECTED.replace("parade", "march again")
    result = imports.import_blocks(blocks=parsed(again))
    photo = Photo.objects.get()
    assert result.updated == 1 and photo.caption.startswith("Schoolchildren march again")
    assert photo.place.city == "Leith"  # the import that kept it did not make it the import's


def test_a_block_differing_only_in_an_edited_field_is_unchanged_and_writes_nothing(edited):
    rows = edited.history.count()
    version = Photo.objects.get().version
    block = parsed(EDINBURGH + "\nKeywords: school")[0]
    block.keywords = []  # the same values as the import, another digest: not the same block
    block.city = "Edinburgh Old Town"  # only the place differs, and the editor set it
    result = imports.import_blocks(blocks=[block])
    assert result.summary == "created 0, updated 0, unchanged 1, flagged 0"
    photo = Photo.objects.get()
    assert photo.history.count() == rows and photo.version == version and photo.place.city == "Leith"
    assert result.edit_lines_in(str)[0][2] == f"nothing to update in #{photo.pk}; kept your edit of place"


@pytest.mark.parametrize("dry_run", [False, True])
def test_the_same_block_again_after_an_edit_is_unchanged_and_names_the_kept_edit(edited, dry_run):
    rows = edited.history.count()
    result = imports.import_blocks(blocks=parsed(EDINBURGH), dry_run=dry_run, explain=True)
    assert result.summary == "created 0, updated 0, unchanged 1, flagged 0"
    assert Photo.objects.get().history.count() == rows and Photo.objects.get().place.city == "Leith"
    # said, so that the paste page offers its box to replace it
    assert result.edit_lines_in(str) == [
        (1, "Alamy 2R4X9KJ", f"nothing to update in #{edited.pk}; kept your edit of place")
    ]
    assert [c.group for c in result.blocks[1].plan.kept] == ["place"] and result.blocks[1].plan.changes == []


def test_the_same_block_again_onto_an_unedited_record_names_nothing():
    imports.import_blocks(blocks=parsed(EDINBURGH))
    result = imports.import_blocks(blocks=parsed(EDINBURGH), explain=True)
    assert result.summary == "created 0, updated 0, unchanged 1, flagged 0"
    assert result.edits == [] and result.blocks[1].plan is None


def test_overwrite_edits_lets_the_block_win(edited):
    result = imports.import_blocks(blocks=parsed(CORRECTED), overwrite_edits=True)
    photo = Photo.objects.get()
    assert photo.place.city == "Edinburgh" and photo.date_text == "31 May 2017"
    assert result.edit_lines_in(str)[0][2] == (
        f"updated #{photo.pk}: caption, date, place; replaced your edit of place"
    )
    # the import rewrote the place: no edit any more, a later block updates it
    result = imports.import_blocks(blocks=parsed(CORRECTED.replace("Edinburgh, Scotland", "Glasgow, Scotland")))
    assert Photo.objects.get().place.city == "Glasgow" and result.edits == []


@pytest.mark.parametrize("dry_run", [False, True])
def test_overwrite_edits_with_the_very_same_block_restores_its_values_and_says_so(edited, dry_run):
    result = imports.import_blocks(blocks=parsed(EDINBURGH), overwrite_edits=True, dry_run=dry_run)
    assert result.summary == "created 0, updated 1, unchanged 0, flagged 0"
    assert result.edit_lines_in(str) == [
        (1, "Alamy 2R4X9KJ", f"updated #{edited.pk}: place; replaced your edit of place")
    ]
    assert Photo.objects.get().place.city == ("Leith" if dry_run else "Edinburgh")
    if not dry_run:  # the edit is gone: the same block once more writes nothing and names nothing
        again = imports.import_blocks(blocks=parsed(EDINBURGH), overwrite_edits=True)
        assert again.summary == "created 0, updated 0, unchanged 1, flagged 0" and again.edits == []


def test_the_single_block_path_names_and_replaces_the_edit_of_the_same_block_too(edited):
    kept = imports.save_parsed_caption(parsed=parsed(EDINBURGH)[0], reason="import")
    assert not kept.changed and [c.group for c in kept.plan.kept] == ["place"]
    assert Photo.objects.get().place.city == "Leith"
    replaced = imports.save_parsed_caption(parsed=parsed(EDINBURGH)[0], reason="import", overwrite_edits=True)
    assert replaced.changed and [c.group for c in replaced.plan.overwritten] == ["place"]
    assert Photo.objects.get().place.city == "Edinburgh"


def test_a_block_without_an_image_id_never_clears_the_records_id():
    """A near-duplicate update gives the record the id-less block's fingerprint and keeps the
    record's id; the next id-less block found by that fingerprint cleared the id (supplier
    'Alamy', source_id '')."""
    imports.import_blocks(blocks=parsed(EDINBURGH))
    without_id = EDINBURGH.replace("Image ID: 2R4X9KJ\n", "").replace("march through", "marching through")
    result = imports.import_blocks(blocks=parsed(without_id), near_duplicates=imports.UPDATE)
    assert result.updated == 1 and Photo.objects.get().source_id == "2R4X9KJ"
    for overwrite_edits in (False, True):
        imports.import_blocks(blocks=parsed(without_id + "\nKeywords: school"), overwrite_edits=overwrite_edits)
        photo = Photo.objects.get()
        assert (photo.supplier, photo.source_id, photo.keywords) == ("Alamy", "2R4X9KJ", "school")


def test_an_unedited_record_is_updated_field_by_field_with_no_edit_line():
    imports.import_blocks(blocks=parsed(EDINBURGH))
    result = imports.import_blocks(blocks=parsed(CORRECTED), explain=True)
    assert result.edits == []
    plan = result.blocks[1].plan
    assert [(c.group, c.old, c.new) for c in plan.changes] == [
        (
            "caption",
            "Schoolchildren march through the old town of Edinburgh.",
            "Schoolchildren parade through the old town of Edinburgh.",
        ),
        ("date", "30 May 2017", "31 May 2017"),
    ]


def test_a_review_kept_for_the_fields_an_import_leaves_alone():
    imports.import_blocks(blocks=parsed("Boats in the harbour.\nImage ID: BOAT1\n4000 x 3000 px"))  # no dpi: flagged
    photo = Photo.objects.get()
    assert photo.problems == ["missing_dpi"]
    photo.problems, photo.needs_review = [], False  # the editor accepts it as it is
    photos.save_edited_photo(photo=photo, base_version=photo.version, user=an_editor())
    imports.import_blocks(blocks=parsed("Boats in the old harbour.\nImage ID: BOAT1\n4000 x 3000 px"))
    photo.refresh_from_db()
    assert photo.caption == "Boats in the old harbour." and (photo.problems, photo.needs_review) == ([], False)


def test_the_single_block_path_keeps_edits_too(edited):
    outcome = imports.save_parsed_caption(parsed=parsed(CORRECTED)[0], reason="import")
    photo = Photo.objects.get()
    assert outcome.changed and photo.place.city == "Leith" and photo.date_text == "31 May 2017"
    assert [c.group for c in outcome.plan.kept] == ["place"]


def generated_then_edited(**edits):
    """A record as generate_archive writes it (no history, no import), then an editor's save."""
    imports.import_blocks(blocks=parsed(EDINBURGH))
    photo = Photo.objects.get()
    photo.history.all().delete()
    Photo.objects.filter(pk=photo.pk).update(import_digest="")  # "no block was imported" (synthetic.py)
    photo.refresh_from_db()
    for name, value in edits.items():
        setattr(photo, name, value)
    photos.save_edited_photo(photo=photo, base_version=photo.version, user=an_editor())
    return photo


def test_a_record_whose_history_starts_with_an_edit_takes_that_row_as_where_it_came_from():
    # the first write history saw is the record's origin: which fields it changed is unknown
    # (it counted every field as edited, so an import onto a generated record kept everything)
    photo = generated_then_edited(headline="Schoolchildren")
    assert fields_edited_since_import([photo], ["caption", "headline", "place_id"]) == {photo.pk: set()}
    result = imports.import_blocks(blocks=parsed(CORRECTED), explain=True)
    assert result.summary == "created 0, updated 1, unchanged 0, flagged 0" and result.edits == []
    assert [c.group for c in result.blocks[1].plan.changes] == ["caption", "headline", "date"]
    photo.refresh_from_db()
    assert photo.caption.startswith("Schoolchildren parade") and photo.date_text == "31 May 2017"


def test_a_later_edit_of_a_record_without_import_is_kept_as_any_edit_is():
    photo = generated_then_edited()
    edit_place(photo, city="Leith", region="Scotland", country_code="GB")  # a second write: compared with the first
    edited = fields_edited_since_import([photo], ["caption", "date_text", "place_id", "place_text"])
    assert edited == {photo.pk: {"place_id"}}
    result = imports.import_blocks(blocks=parsed(CORRECTED))
    assert result.edit_lines_in(str)[0][2] == f"updated #{photo.pk}: caption, date; kept your edit of place"
    assert Photo.objects.get().place.city == "Leith"


def test_a_record_with_no_history_has_no_edit():
    imports.import_blocks(blocks=parsed(EDINBURGH))
    photo = Photo.objects.get()
    photo.history.all().delete()
    assert fields_edited_since_import([photo], ["caption", "place_id"]) == {photo.pk: set()}


def series(count, word="march"):
    return "\n---\n".join(EDINBURGH.replace("2R4X9KJ", f"EDIT{n:03d}").replace("march", word) for n in range(count))


@pytest.mark.parametrize("dry_run", [False, True])
def test_a_reimport_onto_edited_records_costs_the_same_queries_for_3_or_30_blocks(dry_run):
    imports.import_blocks(blocks=parsed(series(30)))
    for photo in Photo.objects.all()[:30:2]:
        edit_place(photo, city="Leith", region="Scotland", country_code="GB")
    counts = []
    for count in (3, 30):
        blocks = parsed(series(count, word="parade"))
        with CaptureQueriesContext(connection) as queries:
            result = imports.import_blocks(blocks=blocks, dry_run=dry_run)
        assert result.updated == count and result.edits
        statements = [q["sql"] for q in queries.captured_queries]
        if connection.vendor == "sqlite":  # its bulk UPDATE is cut at 999 parameters (about 28 rows): the reads
            statements = [sql for sql in statements if sql.startswith("SELECT")]
        counts.append(len(statements))
        if not dry_run:  # back to the first text for the next round
            imports.import_blocks(blocks=parsed(series(30)))
    assert counts[0] == counts[1]


def run(tmp_path, text, *args):
    path = tmp_path / "blocks.txt"
    path.write_text(text, encoding="utf-8")
    out = StringIO()
    call_command("import_captions", str(path), *args, stdout=out, stderr=StringIO())
    return out.getvalue().splitlines()


def test_import_captions_names_the_kept_edit_and_overwrites_only_when_asked(edited, tmp_path):
    pk = edited.pk
    assert run(tmp_path, CORRECTED, "--dry-run") == [
        "created 0, updated 1, unchanged 0, flagged 0",
        f"block 1 (Alamy 2R4X9KJ): updated #{pk}: caption, date; kept your edit of place",
        "dry run: nothing was saved",
    ]
    assert Photo.objects.get().date_text == "30 May 2017"
    assert run(tmp_path, CORRECTED) == [
        "created 0, updated 1, unchanged 0, flagged 0",
        f"block 1 (Alamy 2R4X9KJ): updated #{pk}: caption, date; kept your edit of place",
    ]
    assert run(tmp_path, CORRECTED, "--overwrite-edits") == [
        "created 0, updated 1, unchanged 0, flagged 0",
        f"block 1 (Alamy 2R4X9KJ): updated #{pk}: place; replaced your edit of place",
    ]
    assert Photo.objects.get().place.city == "Edinburgh"
    assert run(tmp_path, CORRECTED) == ["created 0, updated 0, unchanged 1, flagged 0"]


TITLED = (
    "Regatta on the lake, November 31, 2023\n\nRowers cross the finish line off Exampleton pier on "
    "November 30, 2023.\nImage ID: ROW1\n2400 x 1600 px, 300 dpi"
)
TITLED_CORRECTED = TITLED.replace("lake, November 31", "lake, November 30")


def test_a_reimport_correcting_only_the_title_recomputes_its_problems(tmp_path):
    # the title's day that does not exist flags invalid_date; the agency's corrected block
    # changes only the headline, so the date fields (what invalid_date was "about") did not
    # change and the old flag stayed
    assert run(tmp_path, TITLED) == [
        "created 1, updated 0, unchanged 0, flagged 1",
        "block 1 (source ROW1): invalid_date",
    ]
    photo = Photo.objects.get()
    assert photo.problems == ["invalid_date"] and photo.needs_review
    assert run(tmp_path, TITLED_CORRECTED) == ["created 0, updated 1, unchanged 0, flagged 0"]
    photo.refresh_from_db()
    assert photo.headline == "Regatta on the lake, November 30, 2023"
    assert (photo.problems, photo.needs_review) == ([], False)
    # the corrected block again writes nothing
    rows, version = photo.history.count(), photo.version
    assert run(tmp_path, TITLED_CORRECTED) == ["created 0, updated 0, unchanged 1, flagged 0"]
    photo.refresh_from_db()
    assert (photo.history.count(), photo.version, photo.problems) == (rows, version, [])
    # and the day that does not exist coming back in a later block's title flags it again
    assert run(tmp_path, TITLED)[0] == "created 0, updated 1, unchanged 0, flagged 1"
    photo.refresh_from_db()
    assert (photo.problems, photo.needs_review) == (["invalid_date"], True)


# --- the paste page -------------------------------------------------------------------------

PASTE = reverse("admin:captions_photo_paste")


@pytest.fixture
def ed_client(client):
    client.force_login(an_editor())
    return client


def test_the_paste_preview_lists_the_changes_and_the_kept_edit(edited, ed_client):
    response = ed_client.post(PASTE, {"text": CORRECTED, "preview": "Preview"})
    [preview] = response.context["previews"]
    assert [(c["label"], c["old"], c["new"]) for c in preview["changes"]] == [
        (
            "caption",
            "Schoolchildren march through the old town of Edinburgh.",
            "Schoolchildren parade through the old town of Edinburgh.",
        ),
        ("date", "30 May 2017", "31 May 2017"),
    ]
    text = response.text
    assert f"What saving changes in #{edited.pk}:" in text
    assert "date: <del><mark>30</mark> May 2017</del> → <ins><mark>31</mark> May 2017</ins>" in text
    assert "Kept, as an editor corrected them by hand since the last import:" in text
    assert "place: Leith, Scotland, GB (this block says Edinburgh, Scotland, GB)" in text
    assert 'name="overwrite_edits"' in text and 'name="overwrite_edits" checked' not in text
    assert "created 0, updated 1, unchanged 0, flagged 0" in text


def test_the_paste_preview_lists_them_in_german(edited, ed_client):
    response = ed_client.post(PASTE, {"text": CORRECTED, "preview": "Vorschau"}, HTTP_ACCEPT_LANGUAGE="de")
    text = response.text
    assert f"Was das Speichern in #{edited.pk} ändert:" in text
    assert "Datum: <del><mark>30</mark> May 2017</del> → <ins><mark>31</mark> May 2017</ins>" in text
    assert (
        "Beibehalten, da eine Redakteurin oder ein Redakteur sie seit dem letzten Import von Hand korrigiert hat:"
        in text
    )
    assert "Ort: Leith, Scotland, GB (dieser Block sagt Edinburgh, Scotland, GB)" in text
    assert "Felder, die von Hand korrigiert wurden, durch die Werte dieses Einfügens ersetzen" in text


def test_the_paste_page_keeps_the_edit_unless_the_editor_ticks_the_box(edited, ed_client):
    response = ed_client.post(PASTE, {"text": CORRECTED, "save": "Save"}, follow=True)
    messages = [str(m) for m in response.context["messages"]]
    assert f"Block 1: updated #{edited.pk}: caption, date; kept your edit of place." in messages
    assert Photo.objects.get().place.city == "Leith"
    back = CORRECTED.replace("parade", "march")
    response = ed_client.post(PASTE, {"text": back, "save": "Save", "overwrite_edits": "on"}, follow=True)
    messages = [str(m) for m in response.context["messages"]]
    assert f"Block 1: updated #{edited.pk}: caption, place; replaced your edit of place." in messages
    assert Photo.objects.get().place.city == "Edinburgh"


def test_the_paste_page_offers_to_replace_an_edit_with_the_very_same_block(edited, ed_client):
    response = ed_client.post(PASTE, {"text": EDINBURGH, "preview": "Preview"})
    text = response.text
    assert "nothing to change" in text and "place: Leith, Scotland, GB (this block says Edinburgh" in text
    assert 'name="overwrite_edits"' in text and "created 0, updated 0, unchanged 1, flagged 0" in text
    again = ed_client.post(PASTE, {"text": EDINBURGH, "preview": "Preview again", "overwrite_edits": "on"})
    assert "will replace your edit of place" in again.text and "created 0, updated 1, unchanged 0" in again.text
    response = ed_client.post(PASTE, {"text": EDINBURGH, "save": "Save", "overwrite_edits": "on"}, follow=True)
    messages = [str(m) for m in response.context["messages"]]
    assert f"Block 1: updated #{edited.pk}: place; replaced your edit of place." in messages
    assert Photo.objects.get().place.city == "Edinburgh"


def test_the_paste_page_says_it_in_german_too(edited, ed_client):
    response = ed_client.post(PASTE, {"text": CORRECTED, "save": "Speichern"}, follow=True, HTTP_ACCEPT_LANGUAGE="de")
    messages = [str(m) for m in response.context["messages"]]
    assert (
        f"Block 1: #{edited.pk} aktualisiert: Bildunterschrift, Datum; Ihre Korrektur von Ort beibehalten." in messages
    )


def test_the_preview_says_what_the_save_does_with_each_block_of_a_mixed_paste(edited, ed_client):
    """New, an exact match (with a kept edit), a near-duplicate of a record, the same photo as
    an earlier block, a near-duplicate of an earlier block: the preview's outcome per block is
    the save's, and so are the records it names."""
    imports.import_blocks(blocks=parsed(SEED))
    seed = Photo.objects.exclude(pk=edited.pk).get()
    boats = (
        "Fishing boats return to the harbour of Hamburg at dawn after the storm, number {}.\n"
        "4000 x 3000 px | 300dpi\nDate taken: 3 May 2019\nLocation: Hamburg, Germany"
    )
    text = "\n---\n".join(
        [
            boats.format(1),
            CORRECTED,
            SEED.replace("ein Treffen", "ein Gespräch"),
            boats.format(1) + "  ",
            boats.format(2),
        ]
    )
    preview = ed_client.post(PASTE, {"text": text, "preview": "Preview"})
    previews = preview.context["previews"]
    said, matches = imports.preview_blocks(parsed(text))
    saved = imports.import_blocks(
        blocks=parsed(text), near_duplicates=imports.UPDATE, match_earlier_blocks=True, reason="pasted", explain=True
    )
    outcomes = [said.blocks[n].outcome for n in range(1, 6)]
    assert outcomes == [saved.blocks[n].outcome for n in range(1, 6)]
    assert outcomes == ["created", "updated", "updated", "unchanged", "updated"]
    assert [p["existing"] and p["existing"].pk for p in previews] == [None, edited.pk, None, None, None]
    assert previews[2]["near"].photo_id == seed.pk and previews[2]["record_id"] == seed.pk
    assert (previews[3]["earlier"].number, previews[3]["earlier"].same) == (1, True)
    assert (previews[4]["earlier"].number, previews[4]["earlier"].same) == (1, False)
    assert [c["label"] for c in previews[1]["changes"]] == ["caption", "date"]
    assert [c["label"] for c in previews[2]["changes"]] == ["caption"]
    assert preview.context["expected_summary"] == saved.summary == "created 1, updated 3, unchanged 1, flagged 1"
    assert saved.edit_lines_in(str) == said.edit_lines_in(str)


def test_a_near_duplicate_of_an_earlier_block_that_updated_a_record_names_that_record(edited, ed_client):
    # block 1 updates the record; block 2, without the image id and with a caption 9x% alike,
    # is a near-duplicate of block 1's photo: that record again, its changes listed under its id
    text = CORRECTED + "\n---\n" + CORRECTED.replace("Image ID: 2R4X9KJ\n", "").replace("parade", "parades")
    previews = ed_client.post(PASTE, {"text": text, "preview": "Preview"}).context["previews"]
    assert previews[1]["earlier"].number == 1 and not previews[1]["earlier"].same
    assert previews[1]["record_id"] == edited.pk
    assert [c["label"] for c in previews[1]["changes"]] == ["caption"]


def test_the_preview_says_why_a_block_would_not_be_saved(ed_client, monkeypatch):
    from captions.editorial import paste

    block = parsed(EDINBURGH)[0]
    block.dpi = 999_999  # no resolution: the record's own check refuses it
    monkeypatch.setattr(paste.ingest, "parse_blocks", lambda text: [block])
    response = ed_client.post(PASTE, {"text": EDINBURGH, "preview": "Preview"})
    assert response.status_code == 200
    [preview] = response.context["previews"]
    assert preview["failure"].startswith("dpi: ")
    assert "This block would not be saved: dpi: " in response.text
    assert "created 0, updated 0, unchanged 0, flagged 0, failed 1" in response.text


def test_the_paste_preview_onto_edited_records_costs_the_same_queries_for_3_or_30_blocks(ed_client):
    imports.import_blocks(blocks=parsed(series(30)))
    for photo in Photo.objects.all()[:30:2]:
        edit_place(photo, city="Leith", region="Scotland", country_code="GB")
    ed_client.post(PASTE, {"text": "Warm-up.\n1200 x 800 px", "preview": "Preview"})  # session, user, sites
    counts = []
    for count in (3, 30):
        with CaptureQueriesContext(connection) as queries:
            response = ed_client.post(PASTE, {"text": series(count, word="parade"), "preview": "Preview"})
        previews = response.context["previews"]
        assert all(p["changes"] for p in previews) and any(p["kept"] for p in previews)
        counts.append(len(queries))
    assert counts[0] == counts[1]


# --- previewing again with the editor's choices ------------------------------------------------


GLASGOW = EDINBURGH.replace("Location: Edinburgh", "Location: Glasgow")


def test_preview_again_with_the_box_ticked_shows_what_saving_with_it_does(edited, ed_client):
    """A block differing from the record only in the edited place: kept, it is unchanged;
    ticked and previewed again, the place is replaced and the summary says updated, and saving
    with the box does exactly that."""
    first = ed_client.post(PASTE, {"text": GLASGOW, "preview": "Preview"})
    assert first.context["expected_summary"] == "created 0, updated 0, unchanged 1, flagged 0"
    assert 'name="preview" value="Preview again"' in first.text
    assert "place: Leith, Scotland, GB (this block says Glasgow, Scotland, GB)" in first.text

    again = ed_client.post(PASTE, {"text": GLASGOW, "preview": "Preview again", "overwrite_edits": "on"})
    [preview] = again.context["previews"]
    assert [c["label"] for c in preview["overwritten"]] == ["place"] and not preview["kept"]
    assert 'name="overwrite_edits" checked' in again.text
    assert (
        "will replace your edit of place: <del><mark>Leith,</mark> Scotland, GB</del>"
        " → <ins><mark>Glasgow,</mark> Scotland, GB</ins>" in again.text
    )
    assert "Saving with the choices below gives: created 0, updated 1, unchanged 0, flagged 0." in again.text

    saved = ed_client.post(PASTE, {"text": GLASGOW, "save": "Save", "overwrite_edits": "on"}, follow=True)
    assert "Saved: created 0, updated 1, unchanged 0, flagged 0." in [str(m) for m in saved.context["messages"]]
    assert Photo.objects.get().place.city == "Glasgow"


def test_preview_again_in_german(edited, ed_client):
    german = {"HTTP_ACCEPT_LANGUAGE": "de"}
    first = ed_client.post(PASTE, {"text": GLASGOW, "preview": "Vorschau"}, **german)
    assert 'value="Vorschau aktualisieren"' in first.text
    again = ed_client.post(
        PASTE, {"text": GLASGOW, "preview": "Vorschau aktualisieren", "overwrite_edits": "on"}, **german
    )
    assert "ersetzt Ihre Korrektur von Ort: <del><mark>Leith,</mark> Scotland, GB</del>" in again.text
    assert "Speichern mit der Auswahl unten ergibt: neu 0, aktualisiert 1" in again.text


def test_preview_again_honours_keep_both_for_a_near_duplicate(ed_client):
    imports.import_blocks(blocks=parsed(SEED))
    near = SEED.replace("ein Treffen", "ein Gespräch")
    first = ed_client.post(PASTE, {"text": near, "preview": "Preview"})
    [preview] = first.context["previews"]
    assert preview["near"] is not None and not preview["keep_both"]
    assert first.context["expected_summary"].startswith("created 0, updated 1")
    again = ed_client.post(PASTE, {"text": near, "preview": "Preview again", "near_1": "keep"})
    [preview] = again.context["previews"]
    assert preview["keep_both"] and 'value="keep" checked' in again.text
    assert again.context["expected_summary"].startswith("created 1, updated 0")
    ed_client.post(PASTE, {"text": near, "save": "Save", "near_1": "keep"})
    assert Photo.objects.count() == 2


# --- a near-duplicate whose only differences are kept edits ------------------------------------

# the seed with another word where an editor corrected the caption: a near-duplicate by content
SEED_AGAIN = SEED.replace("ein Treffen", "eine Besprechung")


@pytest.fixture
def seed_caption_edited():
    imports.import_blocks(blocks=parsed(SEED))
    photo = Photo.objects.get()
    photo.caption = photo.caption.replace("ein Treffen", "ein Arbeitstreffen")
    photos.save_edited_photo(photo=photo, base_version=photo.version, user=an_editor())
    return photo


def test_a_near_duplicate_with_only_kept_edits_is_not_said_to_be_updated(seed_caption_edited):
    pk = seed_caption_edited.pk
    for _run in range(2):  # nothing written: the next run finds it again, and says the same
        result = imports.import_blocks(blocks=parsed(SEED_AGAIN), near_duplicates=imports.UPDATE)
        assert result.summary == "created 0, updated 0, unchanged 1, flagged 1"
        assert [line for _n, _label, line in result.match_lines_in(str)] == [f"matches #{pk}: nothing to update in it"]
        assert [line for _n, _label, line in result.edit_lines_in(str)] == [
            f"nothing to update in #{pk}; kept your edit of caption"
        ]
    assert Photo.objects.get().caption == seed_caption_edited.caption
    replaced = imports.import_blocks(blocks=parsed(SEED_AGAIN), near_duplicates=imports.UPDATE, overwrite_edits=True)
    assert [line for _n, _label, line in replaced.match_lines_in(str)] == [f"matches #{pk}: updated it"]


def test_import_captions_says_nothing_to_update_in_the_near_duplicate(seed_caption_edited, tmp_path):
    pk = seed_caption_edited.pk
    lines = run(tmp_path, SEED_AGAIN, "--near-duplicates", "update")
    assert lines[0] == "created 0, updated 0, unchanged 1, flagged 1"
    assert [line.split("): ", 1)[1] for line in lines[1:]] == [
        "truncated_text",
        f"matches #{pk}: nothing to update in it",
        f"nothing to update in #{pk}; kept your edit of caption",
    ]


def test_the_paste_page_says_the_near_duplicate_is_left_as_it_is(seed_caption_edited, ed_client):
    pk = seed_caption_edited.pk
    preview = ed_client.post(PASTE, {"text": SEED_AGAIN, "preview": "Preview"})
    text = preview.text
    assert f">#{pk}</a>, nothing to change" in text
    assert f"It is the same photo: leave #{pk} as it is (nothing in this block changes it)" in text
    assert "Kept, as an editor corrected them by hand since the last import:" in text
    assert "Saving with the choices below gives: created 0, updated 0, unchanged 1, flagged 1." in text
    saved = ed_client.post(PASTE, {"text": SEED_AGAIN, "save": "Save"}, follow=True)
    assert [str(m) for m in saved.context["messages"]] == [
        f"Block 1 matches #{pk}: nothing to update in it.",
        f"Block 1: nothing to update in #{pk}; kept your edit of caption.",
        "Nothing to save: created 0, updated 0, unchanged 1, flagged 1.",
    ]


def test_the_paste_page_says_so_in_german(seed_caption_edited, ed_client):
    pk = seed_caption_edited.pk
    german = {"HTTP_ACCEPT_LANGUAGE": "de"}
    preview = ed_client.post(PASTE, {"text": SEED_AGAIN, "preview": "Vorschau"}, **german)
    assert f">#{pk}</a>, nichts zu ändern" in preview.text
    assert f"Es ist dasselbe Foto: #{pk} bleibt, wie es ist (dieser Block ändert nichts daran)" in preview.text
    saved = ed_client.post(PASTE, {"text": SEED_AGAIN, "save": "Speichern"}, follow=True, **german)
    messages = [str(m) for m in saved.context["messages"]]
    assert f"Block 1 entspricht #{pk}: darin nichts zu aktualisieren." in messages
    assert f"Block 1: nichts zu aktualisieren in #{pk}; Ihre Korrektur von Bildunterschrift beibehalten." in messages


def test_a_long_value_is_shown_around_its_first_difference():
    old = "Der russische Präsident Wladimir Putin hält im Kreml ein Treffen mit dem Sondergesandten ab."
    new = old.replace("ein Treffen", "ein Gespräch")
    shown_old, shown_new = imports._around_difference(old, new)
    assert shown_old == "…Putin hält im Kreml ein Treffen mit dem Sondergesandten ab."
    assert shown_new == "…Putin hält im Kreml ein Gespräch mit dem Sondergesandten a…"  # 60 characters
    assert imports._around_difference("short", "shorter") == ("short", "shorter")
    assert imports._around_difference("", new)[1] == new[:59] + "…"


def test_the_preview_shows_a_long_caption_where_it_changes(ed_client):
    imports.import_blocks(blocks=parsed(SEED))
    response = ed_client.post(PASTE, {"text": SEED.replace("ein Treffen", "ein Gespräch"), "preview": "Preview"})
    [change] = response.context["previews"][0]["changes"]
    assert "ein Treffen" in change["old"] and "ein Gespräch" in change["new"]
    # the word that differs is marked; the words the 60-character cut splits ('de…', 'd…') are not
    assert [text for text, differs in change["old_runs"] if differs] == ["Treffen"]
    assert [text for text, differs in change["new_runs"] if differs] == ["Gespräch"]
    assert change["old_runs"][-1][0].endswith("…") and change["new_runs"][-1][0].endswith("…")
    assert "ein <mark>Gespräch</mark> mit" in response.text.split('class="change"')[1]


@pytest.mark.parametrize("dry_run", [False, True])
def test_a_block_repeated_in_one_run_is_unchanged_whether_or_not_edits_are_overwritten(dry_run):
    # the second copy makes no change to the photo the first one makes: the tick box, which is
    # about editors' corrections, does not turn it into an update
    for overwrite_edits in (False, True):
        result = imports.import_blocks(
            blocks=parsed(EDINBURGH + "\n---\n" + EDINBURGH),
            dry_run=dry_run,
            match_earlier_blocks=True,
            overwrite_edits=overwrite_edits,
        )
        assert result.summary == "created 1, updated 0, unchanged 1, flagged 0", overwrite_edits
        Photo.objects.all().delete()


def test_a_reason_no_code_names_is_a_hand_edit_even_if_it_opens_with_import(edited):
    """The reason is read as the history page reads it (vocabulary.read_change_reason): a free
    text from before reason codes that happens to open with 'import ' is no import."""
    from captions.selectors.history import fields_edited_since_import
    from captions.services import records

    imports.import_blocks(blocks=parsed(EDINBURGH), overwrite_edits=True)  # the import ends the edit
    photo = Photo.objects.get()
    assert fields_edited_since_import([photo], ["place_id"]) == {photo.pk: set()}
    photo.place = make_place(city="Portobello", region="Scotland", country="United Kingdom", country_code="GB")
    records.save_photo(photo=photo, reason="import of the place the photographer sent")
    assert fields_edited_since_import([photo], ["place_id"]) == {photo.pk: {"place_id"}}
