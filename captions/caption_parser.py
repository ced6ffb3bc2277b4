"""Caption blocks -> parsed records: the public face of the caption parser.

PURE: no Django import, so the parser is tested and fuzzed without a database and runs in
the management command, the admin preview and the importer alike. The work is done in
captions/ingest/ (layout pass, caption text, sizes, notices, place slots, assembly); this
module keeps the stable import path others depend on.

Hostile input is expected (pasted web pages, cut-off files, binary junk): `parse_block`
never raises for any str; it returns a record whose problems say what was wrong.
"""

from __future__ import annotations

import re
from datetime import date

from captions.ingest.assemble import build
from captions.ingest.record import CAVEAT_CODES, PROBLEM_CODES, SPEC_FIELDS, ParsedCaption

__all__ = [
    "CAVEAT_CODES",
    "PROBLEM_CODES",
    "SPEC_FIELDS",
    "ParsedCaption",
    "parse_block",
    "parse_blocks",
    "split_blocks",
]

_SEPARATOR_RE = re.compile(r"^[ \t\u00a0]*---[ \t\u00a0]*$", re.MULTILINE)


def split_blocks(text: str) -> list[str]:
    """Blocks separated by a line holding only '---'; empty blocks are dropped."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return [block for block in _SEPARATOR_RE.split(text) if block.strip()]


def parse_block(text: str, *, today: date | None = None) -> ParsedCaption:
    """Parse one caption block. Never raises for a str; problems are reported as data."""
    try:
        return build(text, today=today)
    except RecursionError:  # pragma: no cover - defensive: keep the contract for any input
        record = ParsedCaption(raw_text=text, caption="")
        record.problem_details["truncated_text"] = "Block could not be read"
        record.problems = ["missing_dimensions", "missing_dpi", "truncated_text"]
        return record


def parse_blocks(text: str, *, today: date | None = None) -> list[ParsedCaption]:
    return [parse_block(block, today=today) for block in split_blocks(text)]
