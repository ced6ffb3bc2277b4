"""captions.core.textfiles: the one reader behind parse_caption, import_captions and the paste
page. Pure: no Django (make test-pure); that the three paths agree is in test_import.py."""

import io

import pytest

from captions.core.textfiles import UnreadableInput, decode, read_text


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
