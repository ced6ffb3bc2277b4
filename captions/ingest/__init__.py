"""Caption-block parsing, split by concern; the public API is captions.caption_parser.

PURE: nothing in this package imports Django. The path of one block:

- layout.py       first pass: every line is a known label, a header, a size line, a notice,
                  a credit line, page furniture, or prose (memoised per line: boilerplate
                  recurs in every block of a supplier)
- caption_text.py the caption paragraph -> description only (markers, credits, notices,
                  language prefixes and second languages removed); truncation signals
- sizes.py        pixel pairs, stated print sizes and dpi as written ('4.000', '31,8')
- notices.py      caveat wording in four languages, embargo date-times, credit lines, agencies
- place_slots.py  where an unlabelled caption names its place (dateline, '... in City, Country')
- place_fields.py which place source wins (labelled field, IPTC fields, caption slot)
- assemble.py     second pass: precedence rules per field, problems with explanations
- vocabulary.py   labels, headers, notices (from captions/data/*.json), stopwords, folding
- record.py       ParsedCaption and the SPEC field list
"""
