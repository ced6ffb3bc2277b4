"""Caption text -> blocks -> parsed records: the entry points of the parser.

Hostile input is expected (pasted web pages, cut-off files, binary junk): `parse_block`
never raises for any str; it returns a record whose problems say what was wrong.
"""

from __future__ import annotations

import json
import re
from datetime import date

from captions.core.text import lazy_compile
from captions.core.vocabulary import problem_detail

from .assemble import build
from .record import ParsedCaption
from .records import csv_rows
from .surface import normalise

_SEPARATOR_RE = lazy_compile(r"^[ \t\u00a0]*---[ \t\u00a0]*$", re.MULTILINE)


def split_blocks(text: str) -> list[str]:
    """Blocks separated by a line holding only '---'; empty blocks are dropped. A JSON array of
    records (`exiftool -j` on several files, an export of several pictures) is one block per
    record: read as one, the records' fields would mix into a single photo. A table of several
    records (a CSV export) is one block per row, each under the table's header."""
    text = normalise(text)
    blocks = []
    for block in _SEPARATOR_RE.split(text):
        if block.strip():
            for record in _records_of_array(block):
                blocks.extend(_rows_of_table(record))
    return blocks


def _rows_of_table(block: str) -> list[str]:
    """The rows of a table of several records (an archive's CSV export: a header line, then one
    row a photo, a quoted cell perhaps over several lines), each under the header as a block of
    its own; [block] for anything else (`records.csv_rows` says what a table is)."""
    if "\n" not in block or not any(delimiter in block[:2000] for delimiter in ",;\t|"):
        return [block]
    table = csv_rows(block.strip("\n"))
    if table is None or len(table[1]) < 2:
        return [block]
    text = block.strip("\n")
    head, _newline, body = text.partition("\n")
    lines = body.splitlines(keepends=True)
    rows, start = [], 0
    for end in table[2]:
        rows.append(head + "\n" + "".join(lines[start:end]).strip("\n"))
        start = end
    return rows


_MAX_ARRAY_CHARS = 2_000_000


def _records_of_array(block: str) -> list[str]:
    """The records of a JSON array of several, each as its own characters, or [block]. An
    array cut off inside a record (a dump pasted in part) keeps the records before the cut
    whole and the cut one as it stands, for `records.read_record` to read up to the cut."""
    stripped = block.strip()
    if not (stripped.startswith("[") and len(stripped) <= _MAX_ARRAY_CHARS):
        return [block]
    decoder = json.JSONDecoder()
    records: list[str] = []
    position = _skip_space(stripped, 1)
    while position < len(stripped) and stripped[position] == "{":
        try:
            item, end = decoder.raw_decode(stripped, position)
        except (ValueError, RecursionError):
            if not records:
                return [block]
            records.append(stripped[position:])  # the record the cut falls in
            break
        if not isinstance(item, dict) or not item:
            return [block]
        records.append(stripped[position:end])
        position = _skip_space(stripped, end)
        if position < len(stripped) and stripped[position] == ",":
            position = _skip_space(stripped, position + 1)
        elif position < len(stripped) and stripped[position] == "]":
            if _skip_space(stripped, position + 1) != len(stripped):
                return [block]  # something after the array: not one array of records
            break
        elif position < len(stripped):
            return [block]
    else:
        if position < len(stripped):
            return [block]  # an item that is no record
    return records if len(records) >= 2 else [block]


def _skip_space(text: str, position: int) -> int:
    while position < len(text) and text[position] in " \t\n\r":
        position += 1
    return position


def parse_block(text: str, *, today: date | None = None) -> ParsedCaption:
    """Parse one caption block. Never raises for a str; problems are reported as data."""
    try:
        return build(text, today=today)
    except RecursionError:  # pragma: no cover - defensive: keep the contract for any input
        record = ParsedCaption(raw_text=text, caption="")
        record.problem_details["truncated_text"] = problem_detail("unreadable")
        record.problems = ["missing_dimensions", "missing_dpi", "truncated_text"]
        return record


def parse_blocks(text: str, *, today: date | None = None) -> list[ParsedCaption]:
    return [parse_block(block, today=today) for block in split_blocks(text)]
