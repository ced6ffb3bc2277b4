"""Caption text -> blocks -> parsed records: the entry points of the parser.

Hostile input is expected (pasted web pages, cut-off files, binary junk): `parse_block`
never raises for any str; it returns a record whose problems say what was wrong.
"""

from __future__ import annotations

import json
import re
from datetime import date

from captions.core.vocabulary import problem_detail

from .assemble import build
from .record import ParsedCaption

_SEPARATOR_RE = re.compile(r"^[ \t\u00a0]*---[ \t\u00a0]*$", re.MULTILINE)


def split_blocks(text: str) -> list[str]:
    """Blocks separated by a line holding only '---'; empty blocks are dropped. A JSON array of
    records (`exiftool -j` on several files, an export of several pictures) is one block per
    record: read as one, the records' fields would mix into a single photo."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    blocks = []
    for block in _SEPARATOR_RE.split(text):
        if block.strip():
            blocks.extend(_records_of_array(block))
    return blocks


_MAX_ARRAY_CHARS = 2_000_000


def _records_of_array(block: str) -> list[str]:
    stripped = block.strip()
    if not (stripped.startswith("[") and stripped.endswith("]") and len(stripped) <= _MAX_ARRAY_CHARS):
        return [block]
    try:
        items = json.loads(stripped)
    except (ValueError, RecursionError):
        return [block]
    if not isinstance(items, list) or len(items) < 2 or not all(isinstance(item, dict) and item for item in items):
        return [block]
    return [json.dumps([item], ensure_ascii=False, indent=1) for item in items]


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
