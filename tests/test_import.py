"""import_captions: create, update by id or fingerprint, flag, isolate failures, dry run."""

import json
from io import StringIO
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.urls import reverse

from captions import ingest
from captions.models import Photo
from captions.services import imports
from tests.builders import editor

pytestmark = pytest.mark.django_db
DATA = Path(__file__).parent / "data" / "import"


def run(*args):
    out, err = StringIO(), StringIO()
    call_command("import_captions", *args, stdout=out, stderr=err)
    return out.getvalue().splitlines(), err.getvalue()


def test_first_import_creates_and_flags_with_exact_output():
    lines, _ = run(str(DATA / "three_blocks.txt"))
    assert lines[0] == "created 3, updated 0, unchanged 0, flagged 1"
    assert lines[1] == "block 3 (Ein Containerschiff läuft bei Nebel in den Hafen ein.): print_size_mismatch"
    assert len(lines) == 2
    assert Photo.objects.count() == 3
    flagged = Photo.objects.get(needs_review=True)
    assert flagged.problems == ["print_size_mismatch"] and flagged.dpi == 240


def test_reimport_creates_nothing_new():
    run(str(DATA / "three_blocks.txt"))
    first = {p.pk: p.version for p in Photo.objects.all()}
    lines, _ = run(str(DATA / "three_blocks.txt"))
    assert lines[0] == "created 0, updated 0, unchanged 3, flagged 1"
    assert {p.pk: p.version for p in Photo.objects.all()} == first  # identical blocks change nothing
    assert all(p.history.count() == 1 for p in Photo.objects.all())  # and write no history


def test_block_with_source_id_updates_its_photo(tmp_path):
    run(str(DATA / "three_blocks.txt"))
    photo = Photo.objects.get(source_id="T3ST0001")
    changed = (
        (DATA / "three_blocks.txt")
        .read_text(encoding="utf-8")
        .split("---")[1]
        .replace("Aerial view of the harbour", "Aerial view of the old harbour")
    )
    path = tmp_path / "update.txt"
    path.write_text(changed, encoding="utf-8")
    lines, _ = run(str(path))
    assert lines[0] == "created 0, updated 1, unchanged 0, flagged 0"
    photo.refresh_from_db()
    assert photo.caption.startswith("Aerial view of the old harbour")
    assert photo.version == 2
    assert Photo.objects.count() == 3
    assert photo.history.count() == 2  # the import and the update are both in the history


def test_editor_corrections_survive_reimport_of_the_same_block():
    run(str(DATA / "three_blocks.txt"))
    photo = Photo.objects.get(source_id="T3ST0001")
    photo.caption = "Corrected by an editor"
    photo.save()
    run(str(DATA / "three_blocks.txt"))
    photo.refresh_from_db()
    assert photo.caption == "Corrected by an editor"


def test_dry_run_writes_nothing_but_counts():
    lines, _ = run(str(DATA / "three_blocks.txt"), "--dry-run")
    assert lines[0] == "created 3, updated 0, unchanged 0, flagged 1"
    assert lines[-1] == "dry run: nothing was saved"
    assert Photo.objects.count() == 0


def test_same_block_twice_in_one_file_is_one_photo(tmp_path):
    block = (DATA / "three_blocks.txt").read_text(encoding="utf-8").split("---")[0]
    path = tmp_path / "twice.txt"
    path.write_text(block + "\n---\n" + block, encoding="utf-8")
    lines, _ = run(str(path))
    assert lines[0] == "created 1, updated 0, unchanged 1, flagged 0"
    assert Photo.objects.count() == 1


def test_a_failing_block_never_costs_the_others(monkeypatch):
    blocks = ingest.parse_blocks((DATA / "three_blocks.txt").read_text(encoding="utf-8"))
    blocks[1].language = "x" * 50  # longer than the column: fails validation
    result = imports.import_blocks(blocks=blocks)
    assert (result.created, result.failed) == (2, 1)
    assert result.failures[0][0] == 2 and "language" in result.failures[0][1]
    assert Photo.objects.count() == 2
    assert not Photo.objects.filter(source_id="T3ST0001").exists()


def test_a_database_failure_in_a_batch_falls_back_block_by_block(monkeypatch):
    blocks = ingest.parse_blocks((DATA / "three_blocks.txt").read_text(encoding="utf-8"))
    real = imports.save_parsed_caption
    calls = []

    def boom(*args, **kwargs):
        raise RuntimeError("database went away")

    def counting(**kwargs):
        calls.append(kwargs["parsed"].caption)
        if "Valletta" in kwargs["parsed"].caption:
            raise RuntimeError("constraint violated")
        return real(**kwargs)

    monkeypatch.setattr(imports, "_save_batch", boom)
    monkeypatch.setattr(imports, "save_parsed_caption", counting)
    result = imports.import_blocks(blocks=blocks)
    assert len(calls) == 3
    assert (result.created, result.failed) == (2, 1)
    assert Photo.objects.count() == 2


def test_an_invalid_block_in_a_batch_that_fails_in_the_database_is_counted_once(monkeypatch):
    from django.db import DatabaseError

    from captions.services import records

    blocks = ingest.parse_blocks((DATA / "three_blocks.txt").read_text(encoding="utf-8"))
    blocks[1].language = "x" * 50  # longer than the column: fails validation

    def database_error(*args, **kwargs):
        raise DatabaseError("simulated")

    monkeypatch.setattr(records, "create_in_bulk", database_error)
    result = imports.import_blocks(blocks=blocks)
    assert (result.created, result.failed, len(result.failures)) == (2, 1, 1)
    assert Photo.objects.count() == 2


def test_unreadable_path_is_a_clear_error(tmp_path):
    from django.core.management.base import CommandError

    with pytest.raises(CommandError, match="cannot read .*missing.txt: no such file"):
        run(str(tmp_path / "missing.txt"))


def test_a_picture_given_as_a_caption_file_is_refused_and_nothing_is_imported(tmp_path):
    from django.core.management.base import CommandError
    from PIL import Image

    picture = tmp_path / "photo.jpg"
    Image.new("RGB", (40, 30), "red").save(picture, "JPEG")
    good = tmp_path / "good.txt"
    good.write_text((DATA / "three_blocks.txt").read_text(encoding="utf-8"), encoding="utf-8")
    with pytest.raises(CommandError, match=f"cannot read {picture}: a JPEG file, not caption text"):
        run(str(good), str(picture))
    assert Photo.objects.count() == 0  # the good file before it is not half-imported


def test_places_are_shared_between_photos_of_one_place(tmp_path):
    run(str(DATA / "three_blocks.txt"))
    photo = Photo.objects.get(source_id="T3ST0001")
    assert photo.place.city == "Valletta" and photo.place.country_code == "MT"
    assert photo.place.sublocation == "Grand Harbour"


def test_parsing_in_a_worker_process_gives_the_same_records_in_order():
    from captions.ingest.pipeline import block_texts_of, parse_many

    text = (DATA / "three_blocks.txt").read_text(encoding="utf-8")
    texts = block_texts_of([text, text, text])
    inline = [p.as_spec_dict() for p in parse_many(texts, parallel=False)]
    in_worker = [p.as_spec_dict() for p in parse_many(texts, parallel=True)]
    assert len(inline) == 9 and in_worker == inline


def test_large_file_through_the_command_uses_the_worker_and_imports_everything(tmp_path, monkeypatch):
    from captions.ingest import pipeline

    monkeypatch.setattr(pipeline, "PARALLEL_FROM_BLOCKS", 5)
    monkeypatch.setattr(pipeline, "CHUNK", 2)
    blocks = [
        f"Boats number {n} leave the harbour of Valletta, Malta.\nImage ID: PIPE{n:04d}\n"
        f"Contributor: Test / Alamy Stock Photo\n4000 x 3000 px | 33.9 x 25.4 cm | 13.3 x 10 inches | 300dpi\n"
        for n in range(11)
    ]
    path = tmp_path / "many.txt"
    path.write_text("\n---\n".join(blocks), encoding="utf-8")
    lines, _ = run(str(path))
    assert lines[0] == "created 11, updated 0, unchanged 0, flagged 0"
    assert sorted(Photo.objects.values_list("source_id", flat=True)) == [f"PIPE{n:04d}" for n in range(11)]


def test_an_imported_embargo_keeps_the_photo_out_of_exports_until_it_passes(client, tmp_path):
    import datetime as dt

    from tests.builders import production

    year = dt.date.today().year + 1
    path = tmp_path / "embargo.txt"
    path.write_text(
        "Ministers arrive for the budget vote in Berlin, Germany.\nImage ID: EMB0001\n"
        "4000 x 3000 px | 33.9 x 25.4 cm | 13.3 x 10 inches | 300dpi\n"
        f"EMBARGOED UNTIL 00:01 GMT, June 12, {year}\n",
        encoding="utf-8",
    )
    run(str(path))
    photo = Photo.objects.get(source_id="EMB0001")
    assert photo.caveats == ["embargo"] and photo.embargo_until.year == year and photo.is_embargoed()
    client.force_login(production())
    csv_text = b"".join(client.get("/export/specs.csv").streaming_content).decode("utf-8")
    assert "EMB0001" not in csv_text
    assert client.get(f"/photos/{photo.pk}/spec.pdf").status_code == 409


def test_nul_and_control_characters_in_a_file_never_reach_the_database(tmp_path):
    path = tmp_path / "binary-junk.txt"
    path.write_bytes(
        b"Fischer\x00 bringen ihren Fang an Land.\x07\nBildnummer: N\x00UL1\n"
        b"Credit: Jo\x00hn Doe\n3000 x 2000 px | 300dpi\nAufnahmedatum:\n14. Juli\x00 2019\n"
        b"Ort:\nHafen\x00, Sassnitz, Deutschland\nEditorial use only\x00. Mandatory credit\x1b.\n"
    )
    lines, _ = run(str(path))
    assert lines[0].startswith("created 1,")
    photo = Photo.objects.get()
    for field in ("caption", "credit", "source_id", "restriction_text", "date_text", "place_text"):
        assert "\x00" not in getattr(photo, field), field


# 0x81 names no character in Windows-1252 (it is 'ü' in the old DOS code page 850): no path
# may decode it differently from another.
KOELN_BLOCK = b"Dom in K\x81ln am Rhein bei Nacht.\nImage ID: KOELN1\n4000 x 3000 px | 300 dpi\n"
KOELN_CAPTION = "Dom in K\ufffdln am Rhein bei Nacht."


def test_parse_caption_import_captions_and_the_paste_page_read_the_same_bytes_alike(tmp_path, client):
    path = tmp_path / "koeln.txt"
    path.write_bytes(KOELN_BLOCK)

    out = StringIO()
    call_command("parse_caption", str(path), stdout=out)
    [parsed] = json.loads(out.getvalue())
    assert parsed["caption"] == KOELN_CAPTION

    call_command("import_captions", str(path), stdout=StringIO())
    assert Photo.objects.get(source_id="KOELN1").caption == KOELN_CAPTION

    client.force_login(editor())
    upload = SimpleUploadedFile("koeln.txt", KOELN_BLOCK, content_type="text/plain")
    response = client.post(reverse("admin:captions_photo_paste"), {"file": upload, "preview": "Preview"})
    [preview] = response.context["previews"]
    assert next(row for row in preview["rows"] if row["key"] == "caption")["value"] == KOELN_CAPTION
