"""captions.core.textfiles: the one reader behind parse_caption, import_captions and the paste
page. The same bytes give the same text on every path, undecodable bytes included."""

import io
import json

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.urls import reverse

from captions.core.textfiles import UnreadableInput, decode, read_text
from captions.models import Photo
from tests.builders import editor

# 0x81 names no character in Windows-1252 (it is 'ü' in the old DOS code page 850): no path
# may decode it differently from another.
BLOCK = b"Dom in K\x81ln am Rhein bei Nacht.\nImage ID: KOELN1\n4000 x 3000 px | 300 dpi\n"
CAPTION = "Dom in K\ufffdln am Rhein bei Nacht."


def test_utf8_with_or_without_bom_and_windows_1252_are_read():
    assert decode("Köln".encode()) == "Köln"
    assert decode(b"\xef\xbb\xbfK\xc3\xb6ln") == "Köln"
    assert decode("Köln – “Dom”".encode("cp1252")) == "Köln – “Dom”"


def test_a_byte_no_encoding_names_becomes_a_visible_replacement_character():
    assert decode(b"K\x81ln") == "K\ufffdln"


def test_read_text_reads_files_and_standard_input(tmp_path):
    path = tmp_path / "block.txt"
    path.write_bytes(b"K\x81ln")
    assert read_text(str(path)) == "K\ufffdln"
    assert read_text("-", stdin=io.TextIOWrapper(io.BytesIO(b"K\x81ln"))) == "K\ufffdln"


@pytest.mark.parametrize(
    "name, message",
    [("missing.txt", "no such file"), ("", "is a directory")],
)
def test_unreadable_paths_say_why_in_one_line(tmp_path, name, message):
    with pytest.raises(UnreadableInput, match=f"cannot read {tmp_path / name}: {message}"):
        read_text(str(tmp_path / name))


@pytest.mark.django_db
def test_parse_caption_import_captions_and_the_paste_page_read_the_same_bytes_alike(tmp_path, client):
    path = tmp_path / "koeln.txt"
    path.write_bytes(BLOCK)

    out = io.StringIO()
    call_command("parse_caption", str(path), stdout=out)
    [parsed] = json.loads(out.getvalue())
    assert parsed["caption"] == CAPTION

    call_command("import_captions", str(path), stdout=io.StringIO())
    assert Photo.objects.get(source_id="KOELN1").caption == CAPTION

    client.force_login(editor())
    upload = SimpleUploadedFile("koeln.txt", BLOCK, content_type="text/plain")
    response = client.post(reverse("admin:captions_photo_paste"), {"file": upload, "preview": "Preview"})
    [preview] = response.context["previews"]
    assert next(row for row in preview["rows"] if row["key"] == "caption")["value"] == CAPTION
