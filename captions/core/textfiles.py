"""Reading caption files as agencies send them: the one reader behind `parse_caption`,
`import_captions` and the admin's paste page, so the same bytes give the same text everywhere.

PURE: no Django import.
"""

from __future__ import annotations

import sys

MAX_FILE_BYTES = 512 * 1024 * 1024  # a file bigger than this is not a caption file


class UnreadableInput(Exception):
    """A path that cannot be read as text; the message is one line for the user."""


def decode(data: bytes) -> str:
    """UTF-8 (with or without BOM), UTF-16 as Windows' "Unicode" text files are (with its BOM, or
    without one when every other byte of the text is zero), else Windows-1252, as older agency
    exports are. The five bytes Windows-1252 leaves undefined (0x81, 0x8D, 0x8F, 0x90, 0x9D) become
    U+FFFD, so a byte that names no character shows as one the editor can see, not as an
    invisible control."""
    encoding = _utf16_encoding(data)
    if encoding is not None:
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            pass  # (a zero-byte pattern that was no UTF-16 after all: read as below)
    if data.endswith(b"\x00"):
        data = data.rstrip(b"\x00")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace")


def _utf16_encoding(data: bytes) -> str | None:
    """'utf-16' for a text with UTF-16's byte-order mark, 'utf-16-le' or 'utf-16-be' for one
    without it whose first 512 bytes have a zero high byte in (nearly) every character (text in a
    Latin script); None otherwise. Looks at the bytes only: `decode` decodes once."""
    if data[:2] in (b"\xff\xfe", b"\xfe\xff"):
        return "utf-16"
    if len(data) < 4 or b"\x00" not in data[:2]:
        return None
    head = data[:512]
    even, odd = head[::2], head[1::2]
    if odd.count(0) * 5 >= len(odd) * 4 and even.count(0) == 0:
        return "utf-16-le"
    if even.count(0) * 5 >= len(even) * 4 and odd.count(0) == 0:
        return "utf-16-be"
    return None


# The files most often picked by mistake where a caption file was meant: their first bytes
# say what they are ('\xff\xd8\xff' a JPEG), whatever their name.
_SIGNATURES = (
    (b"\xff\xd8\xff", "JPEG"),
    (b"\x89PNG\r\n\x1a\n", "PNG"),
    (b"GIF87a", "GIF"),
    (b"GIF89a", "GIF"),
    (b"II*\x00", "TIFF"),
    (b"MM\x00*", "TIFF"),
    (b"%PDF-", "PDF"),
    (b"PK\x03\x04", "ZIP"),  # also a Word (.docx) or OpenDocument file
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "Word or Excel"),  # an old .doc or .xls
    (b"\x1f\x8b", "gzip"),
    (b"7z\xbc\xaf\x27\x1c", "7-Zip"),
    (b"Rar!\x1a\x07", "RAR"),
    (b"8BPS", "Photoshop"),
)
# Control characters, DEL and the five bytes no encoding we read names: a stray one is a
# damaged export (read, the parser drops it), one in ten is data.
_CONTROL_ONLY = (frozenset(range(32)) - {9, 10, 12, 13}) | {0x7F}
_NO_TEXT_BYTES = _CONTROL_ONLY | {0x81, 0x8D, 0x8F, 0x90, 0x9D}
_SAMPLE = 8192


def binary_kind(data: bytes) -> str | None:
    """What a file that holds no text is: a format's name ('JPEG', 'PDF', 'ZIP') when its first
    bytes say it, 'binary' for other data (more than one byte in ten a control character or a
    byte no encoding names: random or compressed data has one in eight, a program more);
    None for text in any encoding `decode` reads, stray zero bytes and all."""
    for signature, kind in _SIGNATURES:
        if data.startswith(signature):
            return kind
    if data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        return "WebP"
    if data[4:8] == b"ftyp" and data[8:12] in (b"heic", b"heix", b"mif1", b"msf1", b"avif"):
        return "HEIF"
    if _utf16_encoding(data) is not None:
        return None  # (Windows' "Unicode" text: a zero byte in every character)
    sample = data[:_SAMPLE].rstrip(b"\x00")  # (zeros padding a file's end are no content)
    # in UTF-8 text 0x81, 0x8D ... are parts of letters ('ō' is C5 8D): count only the controls
    no_text = _CONTROL_ONLY if _is_utf8(sample) else _NO_TEXT_BYTES
    strays = sum(1 for byte in sample if byte in no_text)
    return "binary" if strays >= 8 and strays * 10 > len(sample) else None


def _is_utf8(sample: bytes) -> bool:
    """Does `sample` decode as UTF-8, a character cut at its end allowed?"""
    try:
        sample.decode("utf-8")
    except UnicodeDecodeError as error:
        return error.start >= len(sample) - 3 and error.reason == "unexpected end of data"
    return True


def read_text(path: str, *, stdin=None) -> str:
    """The text of `path`; '-' reads `stdin` (default: the process's standard input)."""
    try:
        if path == "-":
            stream = stdin if stdin is not None else sys.stdin
            data = stream.buffer.read() if hasattr(stream, "buffer") else stream.read()
            return data if isinstance(data, str) else _text_of("standard input", data)
        with open(path, "rb") as handle:
            data = handle.read(MAX_FILE_BYTES + 1)
    except IsADirectoryError:
        raise UnreadableInput(f"cannot read {path}: is a directory") from None
    except FileNotFoundError:
        raise UnreadableInput(f"cannot read {path}: no such file") from None
    except PermissionError:
        raise UnreadableInput(f"cannot read {path}: permission denied") from None
    except OSError as exc:
        raise UnreadableInput(f"cannot read {path}: {exc.strerror or exc}") from None
    if len(data) > MAX_FILE_BYTES:
        raise UnreadableInput(f"cannot read {path}: larger than {MAX_FILE_BYTES // (1024 * 1024)} MB")
    return _text_of(path, data)


def _text_of(path: str, data: bytes) -> str:
    kind = binary_kind(data)
    if kind is None:
        return decode(data)
    what = "binary data" if kind == "binary" else f"a {kind} file"
    hint = " (images are imported with import_images)" if kind in _IMAGE_KINDS else ""
    raise UnreadableInput(f"cannot read {path}: {what}, not caption text{hint}")


_IMAGE_KINDS = frozenset({"JPEG", "PNG", "GIF", "TIFF", "WebP", "HEIF", "Photoshop"})
