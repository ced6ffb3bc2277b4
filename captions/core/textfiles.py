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
    """UTF-8 (with or without BOM), else Windows-1252, as older agency exports are. The five
    bytes Windows-1252 leaves undefined (0x81, 0x8D, 0x8F, 0x90, 0x9D) become U+FFFD, so a
    byte that names no character shows as one the editor can see, not as an invisible control."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace")


def read_text(path: str, *, stdin=None) -> str:
    """The text of `path`; '-' reads `stdin` (default: the process's standard input)."""
    try:
        if path == "-":
            stream = stdin if stdin is not None else sys.stdin
            data = stream.buffer.read() if hasattr(stream, "buffer") else stream.read()
            return data if isinstance(data, str) else decode(data)
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
    return decode(data)
