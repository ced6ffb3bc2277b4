"""import_images: a folder of real-world files in, idempotent by content hash, sidecars merged,
refusals listed with their reason, the exact summary line; worker processes for many files."""

from io import StringIO

import pytest
from django.core.files.storage import default_storage
from django.core.management import call_command

from captions.images import files
from captions.models import Photo
from tests.image_files import needs_exiftool, pixels, with_tags

pytestmark = pytest.mark.django_db(transaction=True)  # the worker processes' results are saved here

CAPTION_BLOCK = (
    "Fishing boats in the harbour of Essaouira at dawn.\n"
    "Credit: Jane Doe / Example Agency\n"
    "Image ID: EX-2025-0042\n"
    "Date taken: 14 March 2025\n"
    "Location: Essaouira, Morocco\n"
)


def run(*args):
    out, err = StringIO(), StringIO()
    call_command("import_images", *args, stdout=out, stderr=err)
    return out.getvalue().splitlines()


@pytest.fixture
def folder(tmp_path):
    (tmp_path / "day1" / "raw").mkdir(parents=True)
    (tmp_path / "day1" / "harbour.jpg").write_bytes(pixels("JPEG", size=(90, 60), color="navy"))
    (tmp_path / "day1" / "harbour.txt").write_text(CAPTION_BLOCK, encoding="utf-8")
    (tmp_path / "day1" / "scan.png").write_bytes(pixels("PNG", size=(40, 80), color="maroon", dpi=(300, 300)))
    (tmp_path / "day1" / "copy-of-scan.png").write_bytes(pixels("PNG", size=(40, 80), color="maroon", dpi=(300, 300)))
    (tmp_path / "day1" / "raw" / "phone.webp").write_bytes(pixels("WEBP", size=(50, 50), color="olive"))
    (tmp_path / "day1" / "contract.jpg").write_bytes(b"%PDF-1.7 not a photo")
    (tmp_path / "day1" / ".DS_Store").write_bytes(b"\x00\x01")
    return tmp_path


def test_a_folder_comes_in_with_the_exact_summary_and_a_rerun_creates_nothing(folder):
    lines = run(str(folder))
    assert lines[0] == "created 3, updated 0, unchanged 0, duplicates 1, refused 1, flagged 2"
    assert lines[1] == (
        f"refused {folder}/day1/contract.jpg: “contract.jpg” is not an image the archive can read: "
        "it is a PDF document."
    )
    assert len(lines) == 2 and Photo.objects.count() == 3
    harbour = Photo.objects.get(source_id="EX-2025-0042")
    assert harbour.caption == "Fishing boats in the harbour of Essaouira at dawn."  # from the NAME.txt block
    assert (harbour.credit, harbour.width_px, harbour.height_px) == ("Jane Doe / Example Agency", 90, 60)
    assert str(harbour.date_start) == "2025-03-14" and harbour.place.country_code == "MA"
    assert default_storage.exists(harbour.image.name) and default_storage.exists(harbour.thumbnail.name)
    scan = Photo.objects.get(dpi=300)
    assert (scan.width_px, scan.height_px, scan.problems) == (40, 80, [])
    versions = {p.pk: p.version for p in Photo.objects.all()}
    again = run(str(folder))
    assert again[0] == "created 0, updated 0, unchanged 3, duplicates 1, refused 1, flagged 0"
    assert {p.pk: p.version for p in Photo.objects.all()} == versions


@needs_exiftool
def test_sidecar_xmp_wins_and_a_rerun_fills_only_what_the_record_lacks(tmp_path):
    image = tmp_path / "IMG_0001.jpg"
    image.write_bytes(with_tags(pixels("JPEG"), "jpg", "-XMP-dc:Description=In the file", "-Orientation#=6"))
    assert run(str(image))[0] == "created 1, updated 0, unchanged 0, duplicates 0, refused 0, flagged 1"
    photo = Photo.objects.get()
    assert (photo.caption, photo.width_px, photo.height_px) == ("In the file", 48, 64)
    (tmp_path / "IMG_0001.xmp").write_bytes(
        with_tags(b"", "xmp", "-XMP-dc:Description=From the sidecar", "-XMP-photoshop:Credit=Sidecar Credit")
    )
    assert run(str(tmp_path))[0] == "created 0, updated 1, unchanged 0, duplicates 0, refused 0, flagged 1"
    photo.refresh_from_db()
    assert (photo.caption, photo.credit) == ("In the file", "Sidecar Credit")  # the record's own caption stays


def test_the_image_of_an_imported_caption_block_attaches_to_its_record(tmp_path):
    caption_file = tmp_path / "captions.txt"
    caption_file.write_text(CAPTION_BLOCK, encoding="utf-8")
    call_command("import_captions", str(caption_file), stdout=StringIO())
    record = Photo.objects.get()
    assert not record.image
    images = tmp_path / "images"
    images.mkdir()
    (images / "EX-2025-0042.jpg").write_bytes(pixels("JPEG", size=(120, 80)))
    (images / "EX-2025-0042.txt").write_text(CAPTION_BLOCK, encoding="utf-8")
    assert run(str(images))[0] == "created 0, updated 1, unchanged 0, duplicates 0, refused 0, flagged 1"
    record.refresh_from_db()
    assert record.image and (record.width_px, record.height_px) == (120, 80) and Photo.objects.count() == 1


def test_many_files_go_through_worker_processes(tmp_path):
    colours = ["navy", "maroon", "olive", "teal", "purple", "gray"]
    for index, colour in enumerate(colours):
        (tmp_path / f"f{index}.jpg").write_bytes(pixels("JPEG", size=(64 + index, 48), color=colour))
    (tmp_path / "bad.tif").write_bytes(b"II*\x00garbage")
    lines = run(str(tmp_path), "--workers", "2")
    assert lines[0] == "created 6, updated 0, unchanged 0, duplicates 0, refused 1, flagged 6"
    assert lines[1].startswith(f"refused {tmp_path}/bad.tif: “bad.tif” is not an image the archive can read")
    assert sorted(p.width_px for p in Photo.objects.all()) == [64, 65, 66, 67, 68, 69]
    hashes = {files.content_hash((tmp_path / f"f{i}.jpg").read_bytes()) for i in range(6)}
    assert set(Photo.objects.values_list("content_hash", flat=True)) == hashes


def test_a_missing_path_is_refused_not_a_crash(tmp_path):
    lines = run(str(tmp_path / "nowhere.jpg"))
    assert lines[0] == "created 0, updated 0, unchanged 0, duplicates 0, refused 1, flagged 0"
    assert "nowhere.jpg: cannot be read" in lines[1]
