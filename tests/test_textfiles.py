"""captions.core.textfiles: the one reader behind parse_caption, import_captions and the paste
page. Pure: no Django (make test-pure); that the three paths agree is in test_import.py."""

import io

import pytest

from captions.core.textfiles import UnreadableInput, binary_kind, decode, read_text


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


def test_windows_unicode_text_files_are_read_with_or_without_their_byte_order_mark():
    text = "Köln, 3. Mai 2019 – Blick auf den Dom\nFoto: Jane Roe"
    for encoding in ("utf-16", "utf-16-le", "utf-16-be"):
        assert decode(text.encode(encoding)) == text.lstrip("\ufeff"), encoding
        assert binary_kind(text.encode(encoding)) is None, encoding


def _jpeg_bytes():
    from PIL import Image

    buffer = io.BytesIO()
    Image.new("RGB", (40, 30), "red").save(buffer, "JPEG")
    return buffer.getvalue()


@pytest.mark.parametrize(
    "data, kind",
    [
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", "PDF"),
        (b"PK\x03\x04\x14\x00\x06\x00word/document.xml", "ZIP"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "PNG"),
        (b"RIFF\x24\x00\x00\x00WEBPVP8 ", "WebP"),
        (b"\x00\x00\x00\x18ftypheic\x00\x00\x00\x00", "HEIF"),
        (bytes(range(256)) * 8, "binary"),  # every byte alike, as compressed data
        (bytes([1, 2, 3, 4, 5, 6, 7, 8]) * 64 + b"Berlin", "binary"),  # control characters, no zero
    ],
)
def test_what_is_no_text_says_what_it_is(data, kind):
    assert binary_kind(data) == kind


def test_a_jpeg_is_named_and_text_is_text():
    assert binary_kind(_jpeg_bytes()) == "JPEG"
    for text in ("Berlin, 3 May 2019\tFoto: X\f\r\n", "Köln – “Dom”", "Moskau\n" * 3000):
        for encoding in ("utf-8", "utf-8-sig", "cp1252"):
            assert binary_kind(text.encode(encoding, errors="replace")) is None
    padded = b"Berlin, 3 May 2019\n\x00\x00\x00\x00"  # zeros padding the end
    assert binary_kind(padded) is None and decode(padded) == "Berlin, 3 May 2019\n"


def test_read_text_refuses_a_picture_or_data_in_one_line_saying_what_it_is(tmp_path):
    picture = tmp_path / "photo.jpg"
    picture.write_bytes(_jpeg_bytes())
    with pytest.raises(UnreadableInput) as refused:
        read_text(str(picture))
    assert str(refused.value) == (
        f"cannot read {picture}: a JPEG file, not caption text (images are imported with import_images)"
    )
    data = tmp_path / "dump.bin"
    data.write_bytes(bytes(range(256)) * 20)
    with pytest.raises(UnreadableInput, match=f"cannot read {data}: binary data, not caption text$"):
        read_text(str(data))
    with pytest.raises(UnreadableInput, match="cannot read standard input: a JPEG file"):
        read_text("-", stdin=io.TextIOWrapper(io.BytesIO(_jpeg_bytes())))


def test_utf8_text_with_letters_beyond_latin_1_is_text():
    # in UTF-8, 0x81, 0x8D, 0x9D ... are parts of letters ('ō' is C5 8D, 'Ν' CE 9D), not stray bytes
    for text in ("Tōkyō Ōsaka Kyōto Kōbe " * 5, "ā" * 40, "Αθήνα, Νέα Σμύρνη, Πειραιάς. " * 4, "Tāmaki Makaurau " * 6):
        assert binary_kind(text.encode()) is None, text
        assert binary_kind(text.encode()[:-1]) is None, text  # a character cut at the end as well
