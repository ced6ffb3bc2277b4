"""The caption parser: caption block text -> fields + problems (SPEC "Caption blocks").

PURE: nothing in this package imports Django, so the parser is tested and fuzzed without a
database and runs in `parse_caption`, the admin's paste page and `import_captions` alike.
The public API is what this module exports (`parse_block`, `parse_blocks`, `split_blocks`,
`ParsedCaption`, `SPEC_FIELDS`); modules inside the package import each other, never this one.

The path of one block:

- blocks.py       text -> blocks (split on '---') -> `assemble.build` for each
- records.py      records in other syntaxes (JSON, MediaWiki templates, exiv2 dumps, one-line
                  and `|` records) -> label lines
- layout.py       first pass: every line is a known label, a header, a size line, a notice,
                  a credit line, page furniture, or prose (memoised per line: boilerplate
                  recurs in every block of a supplier)
- caption_text.py the caption paragraph -> description only (markers, credits, notices,
                  language prefixes and second languages removed); truncation signals
- sizes.py        pixel pairs, stated print sizes and dpi as written ('4.000', '31,8')
- citations.py    a library's citation around a caption ('Courtesy <holder>, <id>, <url>')
- notices.py      caveat wording in four languages, embargo date-times, credit lines, agencies
- place_slots.py  where an unlabelled caption names its place (dateline, '... in City, Country')
- place_fields.py which place source wins (labelled field, IPTC fields, caption slot)
- assemble.py     second pass: precedence rules per field, problems with explanations
- lexicon.py      labels, headers, notices (from captions/data/*.json), stopwords
- record.py       ParsedCaption and the SPEC field list
- pipeline.py     many blocks parsed in a worker process while the importer saves

Shared with the rest of the app, in `captions.core`: dates, places, print arithmetic,
folding (`core.text`) and the problem and caveat codes (`core.vocabulary`).
"""

from captions.core.vocabulary import CAVEAT_CODES, PROBLEM_CODES
from captions.ingest.blocks import parse_block, parse_blocks, split_blocks
from captions.ingest.record import SPEC_FIELDS, ParsedCaption

__all__ = [
    "CAVEAT_CODES",
    "PROBLEM_CODES",
    "SPEC_FIELDS",
    "ParsedCaption",
    "parse_block",
    "parse_blocks",
    "split_blocks",
]
