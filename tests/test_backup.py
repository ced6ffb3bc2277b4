"""The archive backup (captions.services.backup; `export_archive` / `import_archive`): a round trip
into an empty database gives back every row of every table, field for field (ids and timestamps
too), and every file byte for byte, on SQLite and on PostgreSQL (CI runs this file on both). A
damaged or hostile archive is refused whole with the line at fault; one photo can be brought
back into a live archive."""

import datetime as dt
import json
import shutil

import pytest
from django.contrib.auth.models import User
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command

from captions.images import uploads
from captions.models import Article, Photo, Place
from captions.selectors.backup import TABLES, PhotoLink
from captions.services import images as image_services
from captions.services import records
from tests.admin_forms import image_file
from tests.builders import make_article, make_photo, make_place

pytestmark = pytest.mark.django_db(transaction=False)


def snapshot() -> dict:
    """Every row of every archive table, as the database holds it (links without their own ids)."""
    rows = {table: list(model._base_manager.order_by("pk").values()) for table, model in TABLES.items()}
    rows["links"] = sorted(PhotoLink.objects.values_list("photo_id", "article_id"))
    return rows


def stored_files() -> dict[str, bytes]:
    files = {}
    for photo in Photo.objects.all():
        for name in (photo.image.name, photo.thumbnail.name, photo.preview.name):
            if name:
                with default_storage.open(name, "rb") as handle:
                    files[name] = handle.read()
    return files


def attach(photo, color):
    upload = SimpleUploadedFile("scan.jpg", image_file("JPEG", size=(320, 200), color=color, dpi=(300, 300)))
    image_services.attach_image(photo=photo, upload=upload, checked=uploads.check_upload(upload))
    photo.save()


@pytest.fixture
def archive():
    """A small archive with every kind of value: all fields set, empty ones, a JSON list, an
    embargo to the microsecond, an image with its renditions, links, history with a user and
    a deletion, a record made in bulk (no history), an article URL no form would accept."""
    anna = User.objects.create_user("anna")
    moscow = make_place(sublocation="Kremlin", city="Moskau", country="Russia", country_code="RU")
    berlin = make_place(city="Berlin", country="Germany", country_code="DE")
    first = make_article(
        headline="Kremlin seeks a global reordering",
        url="https://www.themoscowtimes.com/2025/12/02/kremlin",
        published_date=dt.date(2025, 12, 2),
        language="en",
        summary="Talks.",
        body="Line one.\nLine two — with “quotes”.",
    )
    hostile = Article.objects.create(headline="Stored by a script", url="javascript:alert(1)")
    Article.objects.create(headline="No URL at all", url=None)
    full = make_photo(
        supplier="Alamy",
        source_id="2R7XW4K",
        caption="Putin im Kreml, 2. Dezember 2025",
        headline="Treffen",
        credit="ITAR-TASS",
        creator="Someone",
        copyright_notice="© TASS",
        keywords="Kreml, Putin",
        date_text="um 2025",
        date_edtf="2025~",
        date_start=dt.date(2025, 1, 1),
        date_end=dt.date(2025, 12, 31),
        date_precision="year",
        date_approximate=True,
        place=moscow,
        place_text="Kremlin, Moscow",
        caveat_editorial_only=True,
        caveat_embargo=True,
        caveat_imperfect_historical=True,
        caveat_mandatory_credit=True,
        caveat_no_model_release=True,
        restriction_text="EDITORIAL USE ONLY. Embargoed until 4 March 2099 00:01 CET.",
        embargo_until=dt.datetime(2099, 3, 3, 23, 1, 2, 345678, tzinfo=dt.UTC),
        problems=["truncated_text", "missing_dpi"],
        needs_review=True,
        articles=[first, hostile],
    )
    attach(full, "steelblue")
    full.credit = "ITAR-TASS / Kremlin Pool"
    records.save_photo(photo=full, user=anna)
    make_photo(
        caption="",
        width_px=None,
        height_px=None,
        dpi=None,
        date_text="",
        date_edtf="",
        date_start=None,
        date_end=None,
        date_precision="",
        place=berlin,
    )
    Photo.objects.bulk_create([Photo(caption="Generated in bulk", width_px=10, height_px=10, dpi=300)])
    make_photo(caption="Deleted later").delete()
    attach(make_photo(caption="Second image", place=moscow, articles=[first]), "darkred")
    return {"anna": anna, "full": full}


def wipe():
    """Empty every archive table and the stored files: the 'empty database' of a restore."""
    names = list(stored_files())
    Photo.objects.all().delete()
    Article.objects.all().delete()
    Place.objects.all().delete()
    for table in ("photo_history_link", "photo_history", "article_history"):
        TABLES[table]._base_manager.all().delete()
    for name in names:
        default_storage.delete(name)
    assert not any(model._base_manager.exists() for model in TABLES.values())


def archive_lines(path) -> list[str]:
    return (path / "archive.jsonl").read_text(encoding="utf-8").splitlines()


def test_the_round_trip_into_an_empty_database_is_identical(archive, tmp_path, capsys):
    before, files_before = snapshot(), stored_files()
    assert len(files_before) == 6 and before["photo_history"] and before["photo_history_link"]
    call_command("export_archive", str(tmp_path / "a"), "--history")
    written = capsys.readouterr().out
    assert written.startswith(f"wrote {tmp_path / 'a'}: place 2, article 3, photo 4, article_history 3, photo_history")
    assert "files 6 (" in written

    wipe()
    call_command("import_archive", str(tmp_path / "a"))
    restored = capsys.readouterr().out
    assert restored.startswith("restored the archive of ") and "photo 4" in restored
    assert restored.rstrip().endswith("links 3, files 6")

    assert snapshot() == before
    assert stored_files() == files_before
    call_command("export_archive", str(tmp_path / "b"), "--history")
    first, second = archive_lines(tmp_path / "a"), archive_lines(tmp_path / "b")
    assert first[1:] == second[1:]  # all but the header (its export time)
    listing = sorted(p.relative_to(tmp_path / "a") for p in (tmp_path / "a" / "files").rglob("*"))
    assert listing == sorted(p.relative_to(tmp_path / "b") for p in (tmp_path / "b" / "files").rglob("*"))


def test_after_a_restore_new_records_get_new_ids(archive, tmp_path):
    """On PostgreSQL the id sequences are moved past the restored ids."""
    call_command("export_archive", str(tmp_path / "a"))
    highest = Photo.objects.order_by("-pk").first().pk
    wipe()
    call_command("import_archive", str(tmp_path / "a"))
    assert make_photo(caption="after the restore").pk > highest
    assert make_article().pk > 3 and make_place(city="Paris", country="France", country_code="FR").pk > 2


def test_without_history_the_history_tables_stay_out(archive, tmp_path):
    call_command("export_archive", str(tmp_path / "x"))
    lines = [json.loads(line) for line in archive_lines(tmp_path / "x")]
    assert {line["type"] for line in lines} == {"archive", "place", "article", "photo", "end"}
    assert lines[0]["format"] == "photo-archive/1" and lines[0]["history"] is False


def test_a_photo_line_holds_every_field_its_links_and_its_files_by_hash(archive, tmp_path):
    call_command("export_archive", str(tmp_path / "x"))
    lines = [json.loads(text) for text in archive_lines(tmp_path / "x")]
    [line] = [line for line in lines if line["type"] == "photo" and line["row"]["id"] == archive["full"].pk]
    assert set(line["row"]) == {f.attname for f in Photo._meta.concrete_fields}
    assert line["row"]["embargo_until"] == "2099-03-03T23:01:02.345678+00:00"
    assert line["row"]["problems"] == ["truncated_text", "missing_dpi"] and len(line["articles"]) == 2
    sha = line["files"]["image"]
    assert (tmp_path / "x" / "files" / sha[:2] / f"{sha}.jpg").is_file()


# --- refusals -------------------------------------------------------------------------------------


@pytest.fixture
def backup(archive, tmp_path):
    call_command("export_archive", str(tmp_path / "a"))
    return tmp_path / "a"


def refused(path, *args) -> str:
    with pytest.raises(CommandError) as caught:
        call_command("import_archive", str(path), *args)
    return str(caught.value)


def test_it_restores_into_an_empty_archive_only(backup):
    assert "already holds 2 place, 3 article, 4 photo" in refused(backup)


def test_it_writes_into_a_new_or_empty_folder_only(backup):
    with pytest.raises(CommandError, match="exists and is not an empty folder"):
        call_command("export_archive", str(backup))


def rewrite(path, change):
    lines = archive_lines(path)
    lines = change(lines)
    (path / "archive.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")


def edit_photo_line(path, row=None, **values):
    def change(lines):
        for index, text in enumerate(lines):
            line = json.loads(text)
            if line["type"] == "photo" and line["files"]:
                line["row"].update(row or {})
                line.update(values)
                lines[index] = json.dumps(line)
                return lines
        raise AssertionError("no photo with files")

    rewrite(path, change)


def edit_photo_row(path, **values):
    edit_photo_line(path, row=values)


@pytest.mark.parametrize(
    "damage, message",
    [
        (lambda path: rewrite(path, lambda lines: lines[:-1]), "cut short; nothing was restored"),
        (lambda path: rewrite(path, lambda lines: lines[:-3] + lines[-1:]), "the end line counts"),
        (lambda path: rewrite(path, lambda lines: [lines[0], "{not json", *lines[1:]]), "line 2: not JSON"),
        (lambda path: rewrite(path, lambda lines: ['{"type": "archive", "format": "x/9"}', *lines[1:]]), "line 1"),
        (lambda path: edit_photo_row(path, secret="x"), "photo has no field secret"),
        (lambda path: edit_photo_row(path, date_start="2025-02-30"), "date_start='2025-02-30'"),
        (lambda path: edit_photo_row(path, image="../../../etc/passwd"), "is not a safe file name"),
        (lambda path: edit_photo_row(path, thumbnail="/etc/passwd"), "is not a safe file name"),
        (lambda path: edit_photo_line(path, articles=[424242]), "points at rows it does not hold"),
        (lambda path: edit_photo_row(path, place_id=434343), "points at rows it does not hold"),
    ],
    ids=[
        "cut-short",
        "counts",
        "not-json",
        "format",
        "unknown-field",
        "bad-date",
        "traversal",
        "absolute",
        "dangling-link",
        "dangling-place",
    ],
)
def test_a_damaged_or_hostile_archive_is_refused_whole_with_the_line(backup, damage, message):
    damage(backup)
    wipe()
    assert message in refused(backup)
    assert not Photo.objects.exists() and not Place.objects.exists() and not Article.objects.exists()


def test_an_altered_or_missing_file_is_refused(backup):
    wipe()
    image = sorted((backup / "files").rglob("*.jpg"))[0]
    original = image.read_bytes()
    image.write_bytes(original[:-1] + bytes([original[-1] ^ 1]))
    assert "has been altered" in refused(backup)
    image.unlink()
    assert "is missing from the archive" in refused(backup)
    assert not Photo.objects.exists()


def test_a_file_missing_from_storage_is_named_and_the_rest_written(archive, tmp_path):
    default_storage.delete(archive["full"].preview.name)
    with pytest.raises(CommandError, match=r"1 image file\(s\) its photos name are missing"):
        call_command("export_archive", str(tmp_path / "a"))
    assert (tmp_path / "a" / "archive.jsonl").is_file()


# --- one photo ------------------------------------------------------------------------------------


def test_one_damaged_photo_is_restored_over_the_current_record(backup, archive):
    full = Photo.objects.get(pk=archive["full"].pk)
    archived = {f.attname: getattr(full, f.attname) for f in Photo._meta.concrete_fields}
    full.caption, full.credit = "Overwritten by mistake", ""
    records.save_photo(photo=full)
    full.articles.clear()
    default_storage.delete(full.preview.name)

    call_command("import_archive", str(backup), "--photo", str(full.pk))
    now = Photo.objects.get(pk=full.pk)
    for name, value in archived.items():
        if name not in ("version", "updated_at"):
            assert getattr(now, name) == value, name
    assert now.version == full.version + 1  # an editor who had it open is told, not overwritten
    assert now.articles.count() == 2 and default_storage.exists(now.preview.name)
    assert now.history.first().history_change_reason.startswith("restored ")


def test_one_deleted_photo_is_recreated_with_its_id_place_and_articles(backup, archive):
    full = Photo.objects.get(pk=archive["full"].pk)
    pk, place_id = full.pk, full.place_id
    link_ids = sorted(full.articles.values_list("pk", flat=True))
    full.delete()
    Article.objects.filter(headline="Stored by a script").delete()
    Photo.objects.filter(place_id=place_id).delete()
    Place.objects.filter(pk=place_id).delete()

    call_command("import_archive", str(backup), "--photo", str(pk))
    back = Photo.objects.get(pk=pk)
    assert back.caption == "Putin im Kreml, 2. Dezember 2025" and back.place.city == "Moskau"
    assert sorted(back.articles.values_list("pk", flat=True)) == link_ids
    assert back.created_at == archive["full"].created_at
    assert "not in this archive" in refused(backup, "--photo", "999999")


def test_restoring_one_photo_over_a_clash_says_why(backup, archive):
    pk = archive["full"].pk
    archive["full"].delete()
    make_photo(supplier="Alamy", source_id="2R7XW4K", caption="Now another record")
    message = refused(backup, "--photo", str(pk))
    other = Photo.objects.get(source_id="2R7XW4K").pk
    assert (
        message
        == f"nothing was restored: photo {pk} cannot be restored: photo {other} now holds its supplier and image id"
    )
    assert not Photo.objects.filter(pk=pk).exists()


def test_the_folder_may_be_given_as_the_file(backup):
    wipe()
    call_command("import_archive", str(backup / "archive.jsonl"))
    assert Photo.objects.count() == 4
    shutil.rmtree(backup)
    assert "is not there" in refused(backup)
