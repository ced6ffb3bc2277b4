"""Structured records -> 'label: value' lines, so every layout goes through one label reader.

PURE: no Django import. Agencies and archives deliver the same fields in several syntaxes:
'Label: value' lines (layout.py reads those), a record on one line or with '|' between fields
(layout._split_records), JSON from an API (imago's `{"bildnummer": …, "fotografen": …}`,
picture alliance's `{"result": [{"headline": …, "max_dimensions": {"width": …}}]}`) and
MediaWiki templates (Wikimedia Commons' `{{Information |description={{en|1=…}} |date=…
|author=[[User:…|Name]]}}`). This module turns the last two into label lines; which labels
mean what is data (captions/data/caption_labels.json), as for every other layout.
"""

from __future__ import annotations

import csv
import datetime
import functools
import html
import json
import re

from captions.core import dates
from captions.core.data import load_data
from captions.core.text import alternation, fold, lazy_compile

from .lexicon import CAMERA_DESCRIPTIONS, EXIFTOOL_NOT_LABELS, LABELS

MAX_RECORD_CHARS = 200_000
_RECORD_KEYS = load_data("record_keys.json")  # the keys of records of data (APIs, tools)
_JSON_START = ("{", "[")


def as_label_lines(text: str) -> str:
    """The block as label lines when it is a JSON record or holds MediaWiki templates;
    otherwise the text unchanged."""
    return read_record(text)[0]


def read_record(text: str) -> tuple[str, str | None]:
    """`as_label_lines`, and where a JSON or XMP record was cut off before its end (a dump
    pasted only in part), the last characters before the cut: the fields read up to there
    are kept, and the cut is the block's truncation."""
    lines, cut, _data = read_data_record(text)
    return lines, cut


#: what `read_data_record` says of a table's row under its header (a CSV export): a record of
#: data whose column names are words of the export's language, unlike an API's keys
TABLE = "table"


def read_data_record(text: str) -> tuple[str, str | None, bool | str]:
    """`read_record`, and whether the block was a record of data (JSON or an object literal,
    XMP, an exiftool listing, a table's row: TABLE) rather than text: such a record's title is
    its caption when it holds no description."""
    return _read_record(text)


def _read_record(text: str) -> tuple[str, str | None, bool | str]:
    stripped = text.strip()
    if stripped.startswith(("<?php", "//", "/*")):
        # a script file's opening and its comments before the record's literal
        stripped = stripped[_PREAMBLE_RE.match(stripped).end() :]
    if (stripped[:1] in _JSON_START or _ASSIGNMENT_RE.match(stripped) or _PHP_ARRAY_RE.match(stripped)) and len(
        stripped
    ) <= MAX_RECORD_CHARS:
        data, cut = load_json(stripped)
        lines = _data_lines(data) if data is not None else None
        if lines:
            return "\n".join(lines), cut, True
    if _LABELLED_LITERAL_RE.match(stripped) and len(stripped) <= MAX_RECORD_CHARS:
        # a member cut from a script's object: 'image: {...},', 'mainImage:\n{...}': the
        # literal under its key, as the object it was part of
        data, cut = load_json("{" + stripped.rstrip(",; \t\n") + "}")
        lines = _data_lines(data) if data is not None else None
        if lines:
            return "\n".join(lines), cut, True
    if "{{" in text and "|" in text and "=" in text:
        return _wikitext_lines(text), None, False
    if "<rdf:" in text or "<x:xmpmeta" in text:
        lines, cut = _xmp_lines(text[:MAX_RECORD_CHARS])
        if lines:
            return "\n".join(lines), cut, True
    if stripped[:1] == "<" and "<rdf:" not in text:
        tree = _xml_tree(stripped[:MAX_RECORD_CHARS])
        lines = _data_lines(tree) if tree is not None else None
        if lines and len(lines) >= 2:
            return "\n".join(lines), None, True
    if "=" in text[:200] and stripped[:1] == "-":
        pairs = _argument_pairs(stripped)
        lines = _data_lines(pairs) if pairs else None
        if lines and len(lines) >= 2:
            return "\n".join(lines), None, True
    if "\n" in stripped and ("," in stripped or "\t" in stripped or ";" in stripped or "|" in stripped):
        row = _header_row(stripped)
        lines = _data_lines(row) if row else None
        if lines and len(lines) >= 2:
            return "\n".join(lines), None, TABLE
    if "] " in text and " = " in text and _is_extractor_listing(text):
        return _extractor_lines(text), None, True
    if "] " in text and _is_grouped_listing(text):
        return _grouped_tag_lines(text), None, True
    if ("Iptc." in text or "Exif." in text or "Xmp." in text) and len(_EXIV2_LINE_RE.findall(text[:20_000])) >= 2:
        return _exiv2_lines(text), None, True
    if "|" in text and _TABLE_ROW_RE.search(text):
        return _table_lines(text), None, False
    if ("\u201d -> " in text or " -> \u201c" in text) and len(_CURLED_ARROW_PAIR_RE.findall(text[:20_000], 0)) >= 2:
        # a map passed through a word processor or a mail program that curls quotes
        # ('“By-line” -> “Jane Roe”,'): its pairs' quotes straightened, as for JSON
        text = _CURLED_ARROW_PAIR_RE.sub(_straight_pair, text)
    if '" -> "' in text and len(_ARROW_PAIR_RE.findall(text[:20_000], 0)) >= 2:
        lines = _arrow_lines(text)
        return lines, None, lines is not text
    if " - " in text or " \u2013 " in text or " \u2014 " in text:
        text = _catalogue_entry_lines(text)
    if "[" in text and "]" in text:
        text = _bracketed_reference_lines(text)
    return text, None, False


# --- a picture library's reference in brackets ------------------------------------------------

# '[Example Images Bild 00123456 Hamburg 1955]' alone on its line: the library, its word for the
# number (caption_labels.json reference_words), the number, then the place and the year
_REFERENCE_RE = lazy_compile(
    r"^[ \t]{0,8}\[(?P<holder>[^\W\d][^\[\]\n\d]{1,60}?)\s(?:"
    + alternation(load_data("caption_labels.json")["reference_words"])
    + r")\s(?P<id>[A-Z]{0,4}\d{5,12})"
    r"(?:\s(?P<place>[^\W\d][^\[\]\n\d]{1,60}?))?(?:,?\s(?P<year>1[89]\d\d|20\d\d))?\][ \t]{0,8}$",
    re.IGNORECASE | re.MULTILINE,
)


def _bracketed_reference_lines(text: str) -> str:
    """A picture library's reference in brackets on a line of its own as label lines: its name
    is the credit, its number the source_id, the place and the year after them the picture's."""
    if len(text) > MAX_RECORD_CHARS:
        return text

    def fields(match: re.Match) -> str:
        lines = [f"credit: {match['holder'].strip()}", f"bildnummer: {match['id']}"]
        if match["place"]:
            lines.append(f"place: {match['place'].strip()}")
        if match["year"]:
            lines.append(f"date: {match['year']}")
        return "\n".join(lines)

    return _REFERENCE_RE.sub(fields, text) if _REFERENCE_RE.search(text) else text


# --- an archive's inventory entry on one line -------------------------------------------------

_ENTRY_DASH_RE = lazy_compile(r"\s[-\u2013\u2014]\s")
_ENTRY_HEAD_LIMIT = 80  # characters before the dash: a kind, an id label and the id
_ENTRY_NAME_LIMIT = 80
_ENTRY_LINES = 400


def _catalogue_entry_lines(text: str) -> str:
    """An inventory's entry on one line as label lines: its call number behind an id label,
    a dash, the description, then after ' / ' (ISBD's statement of responsibility) the
    photographer and after a dash the date ('Photo : cote 12 Fi 34 - Brest, le port. / Jeanne
    Exemple – vers 1910', 'Signatur F 12/7 – Kiel, Hafen im Winter / Jana Beispiel - 1955'). The
    text unchanged when no line is one."""
    lines = text.split("\n")
    changed = False
    for index, line in enumerate(lines[:_ENTRY_LINES]):
        fields = _catalogue_entry(line) if len(line) <= 20_000 else None
        if fields:
            lines[index] = "\n".join(fields)
            changed = True
    return "\n".join(lines) if changed else text


def _catalogue_entry(line: str) -> list[str] | None:
    dash = _ENTRY_DASH_RE.search(line, 0, _ENTRY_HEAD_LIMIT)
    if dash is None:
        return None
    head = line[: dash.start()].strip()
    kind, colon, rest = head.partition(":")
    if colon:
        # 'Photo : cote 12 Fi 34': what the entry is, then its number; 'Cote : 12 Fi 34' the
        # number's own label
        if _is_id_label(kind):
            head = f"{kind.strip()} {rest.strip()}"
        elif len(kind.split()) > 3 or not kind.strip():
            return None
        else:
            head = rest.strip()
    words = head.split()
    for size in range(min(4, len(words) - 1), 0, -1):
        if _is_id_label(" ".join(words[:size])):
            break
    else:
        return None
    label, number = " ".join(words[:size]), " ".join(words[size:])
    if not any(character.isdigit() for character in number) or not _opens_number(words[size], label, number):
        return None
    body = line[dash.end() :].strip()
    title, slash, responsibility = body.rpartition(" / ")
    fields = [f"{label}: {number}"]
    if slash and title.strip():
        creator, _dash, dated = (part.strip() for part in _partition_dash(responsibility))
        if _is_name(creator) and (not dated or dates.find_date(dated) is not None):
            fields.append(f"caption: {title.strip()}")
            fields.append(f"creator: {creator}")
            if dated:
                fields.append(f"date: {dated}")
            return fields
    fields.append(f"caption: {body}")
    return fields


def _opens_number(word: str, label: str = "", number: str = "") -> bool:
    """Does a call number start with `word` ('12', 'F', 'XY-1234', 'FOT')? A word of prose after
    a label's letters does not: 'Côte d'Azur 3-9 octobre 2018 - Nice' (the coast, whose folded
    name is the call number's label 'cote') is no inventory entry. After a label written as the
    label is (its accents as they are: 'Cote', 'Signatur', 'Inventarnummer'), a fonds' or a
    series' short letters open it too ('Fi 53/993', 'Ph. 12', 'Bild 183-1990-0101-001', 'Nr. 12/7',
    'FOTO-ALT 1234'); a town's or a word's name before a year does not ('Cote Marseille 1962')."""
    if any(character.isdigit() for character in word) or (word.isalpha() and word.isupper() and len(word) <= 6):
        return True
    if not label or fold(label) != label.lower():
        return False  # no label, or one written with accents the label has not ('Côte')
    if _YEAR_ALONE_RE.match(number.split(None, 1)[-1]):
        return False  # 'Marseille 1962', 'Kiel 1954': a place and a year
    letters = word.rstrip(".")
    return (letters.isalpha() and len(letters) <= 4) or (
        all(part.isalpha() and part.isupper() for part in letters.split("-")) and len(letters) <= 12
    )


_YEAR_ALONE_RE = lazy_compile(r"^(?:1[89]|20)\d\d$")


def _partition_dash(text: str) -> tuple[str, str, str]:
    dash = _ENTRY_DASH_RE.search(text)
    if dash is None:
        return text, "", ""
    return text[: dash.start()], dash.group(0), text[dash.end() :]


def _is_id_label(words: str) -> bool:
    known = LABELS.get(fold(words.strip()).rstrip("."))
    return known is not None and known[0] == "source_id"


def _is_name(text: str) -> bool:
    """A photographer's or a studio's name as an entry states it: short, opening with a capital,
    no sentence in it."""
    if not (0 < len(text) <= _ENTRY_NAME_LIMIT and text[:1].isupper() and len(text.split()) <= 8):
        return False
    if text.endswith("."):
        return len(text.split()[-1]) <= 6  # an initial or an abbreviation ('Jane R.', 'Roe & Co.')
    return not text.endswith((":", ";", ","))


# --- '"key" -> "value"' maps (an IPTC or XMP dump printed by a program) -----------------------

# '"Caption/Abstract" -> "Austria\'s Matthias Mayer ...",', '"photoshop:City" -> "London",'
_ARROW_PAIR_RE = lazy_compile(
    r'^\s{0,40}"((?:[^"\\\n]|\\.){1,200})"\s{0,5}->\s{0,5}"((?:[^"\\\n]|\\.)*)",?\s*$', re.MULTILINE
)
_ARROW_ESCAPE_RE = lazy_compile(r"\\(.)")
# the same pair with curled quotes, all or some of them: '“Caption/Abstract” -> “Austria’s ...”,'
_CURLED_ARROW_PAIR_RE = lazy_compile(
    r'^(\s{0,40})[\u201c"]([^\u201c\u201d"\n]{1,200})[\u201d"]\s{0,5}->\s{0,5}[\u201c"]([^\n]*)[\u201d"](,?[ \t]*)$',
    re.MULTILINE,
)


def _straight_pair(match: re.Match) -> str:
    """The pair with straight quotes; a pair written with straight quotes stays as it is (its
    value's quotes are escaped already)."""
    if "\u201c" not in match.group(0) and "\u201d" not in match.group(0):
        return match.group(0)
    value = match.group(3).replace("\\", "\\\\").replace('"', '\\"')
    return f'{match.group(1)}"{match.group(2)}" -> "{value}"{match.group(4)}'


def _arrow_lines(text: str) -> str:
    """A map printed as '"key" -> "value"' pairs as label lines, for the keys that are labels
    of ours: an XMP key loses its namespace and index ('dc:description[1]' -> 'description'),
    a joined name gets its words apart ('photoshop:DateCreated', 'plus:ImageSupplierImageId');
    a language qualifier ('dc:title[1]/xml:lang') is no field."""
    lines = []
    for match in _ARROW_PAIR_RE.finditer(text[:MAX_RECORD_CHARS]):
        key = match.group(1)
        if "/" in key and ":" in key.rsplit("/", 1)[-1]:
            continue  # 'dc:description[1]/xml:lang'
        name = key.split(":")[-1].split("[", 1)[0].strip()
        value = " ".join(_ARROW_ESCAPE_RE.sub(r"\1", match.group(2)).split())
        if not name or not any(character.isalnum() for character in value):
            continue  # 'Province/State' -> '-': no value
        spaced = _CAMEL_RE.sub(" ", name)
        for candidate in (_label(name), _label(spaced)):
            if _is_label(candidate):
                lines.append(f"{candidate}: {value}")
                break
    return "\n".join(lines) if len(lines) >= 2 else text


# --- tables (Markdown, pasted pages) ----------------------------------------------------------

# '| Référence | SPA 52 IS 1815 |': a row of two cells, the first a label of ours.
_TABLE_ROW_RE = lazy_compile(r"^\|[^|\n]{1,80}\|[^|\n]{0,2000}\|[ \t]*$", re.MULTILINE)


def _table_lines(text: str) -> str:
    """A pasted record table's rows as label lines: '| Lieu(x) | Paris - Paris-Ile-de-France - |'
    -> 'Lieu(x): Paris - Paris-Ile-de-France -' when the first cell is a label of ours. In a
    table with two such rows or more (a record, not prose laid out in cells) the other rows go
    too: rules ('|---|---|'), categories ('| Front occidental |'), properties of the print
    ('| Support d'origine | Plaque de verre |') are no description."""
    lines = []
    labelled = 0
    for line in text.split("\n"):
        stripped = line.strip()
        if stripped[:1] == "|" and stripped[-1:] == "|" and len(stripped) > 1:
            cells = [cell.strip() for cell in stripped[1:-1].split("|")]
            if len(cells) == 2 and cells[0] and _is_label(_label(cells[0])):
                lines.append(f"{cells[0]}: {_cell_text(cells[1])}")
                labelled += 1
            else:
                lines.append(None)
            continue
        lines.append(line)
    if labelled < 2:
        return text
    return "\n".join(line for line in lines if line is not None)


# Markdown inside a cell: '`548x800`' (code), '<https://…>' (an autolink), '**bold**'.
_CELL_MARKUP_RE = lazy_compile(r"`([^`\n]{0,2000})`|\*\*([^*\n]{0,2000})\*\*|<(https?://[^<>\s]{1,2000})>")


def _cell_text(cell: str) -> str:
    """A cell's text without its Markdown: the code, bold or link text stays, the marks go."""
    if "`" not in cell and "*" not in cell and "<" not in cell:
        return cell
    return _CELL_MARKUP_RE.sub(lambda match: next(group for group in match.groups() if group is not None), cell)


# --- exiv2 -pa ------------------------------------------------------------------------------

# 'Iptc.Application2.Caption    String    56  Die Insel Stromboli ...': key, type, count, value.
_EXIV2_LINE_RE = lazy_compile(
    r"^(?:Exif|Iptc|Xmp)\.([\w]{1,40})\.([\w/:\[\]]{1,80})\s{1,60}([A-Za-z]{2,20})\s{1,10}\d{1,9}\s{1,4}(.*)$",
    re.MULTILINE,
)
_EXIV2_NUMBER_TYPES = frozenset(_RECORD_KEYS["exiv2_number_types"])
_EXIV2_COLUMNS_RE = lazy_compile(r"\s{2,}")
_CAMEL_RE = lazy_compile(r"(?<=[a-z])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])")
_LANG_ALT_RE = lazy_compile(r'^lang="[\w-]{1,20}"\s')


def _exiv2_lines(text: str) -> str:
    """`exiv2 -pa` output as exiftool-style lines ('Image Description   : ...'): the tag name
    is the key's last part with its words apart ('Iptc.Application2.CountryName' -> 'Country
    Name'), a value wrapped over several lines is joined, exiv2's 'lang="x-default"' dropped."""
    lines: list[str] = []
    skipped = False
    for raw in text.split("\n")[:5000]:
        match = _EXIV2_LINE_RE.match(raw)
        if match:
            group, name, kind, value = match.group(1), match.group(2), match.group(3), match.group(4).strip()
            skipped = _is_small_copy((group,))
            if skipped:
                continue  # Exif.Thumbnail's size and resolution are the thumbnail's
            name = name.rsplit("/", 1)[-1].split(":")[-1]
            name = _CAMEL_RE.sub(" ", name.strip("[]0123456789")).strip() or name
            columns = _EXIV2_COLUMNS_RE.split(value)
            if len(columns) == 2 and (kind in _EXIV2_NUMBER_TYPES or columns[0] == columns[1]):
                value = columns[1]  # the raw value, then the interpreted one ('2  inch'): the latter
            value = _LANG_ALT_RE.sub("", value)
            lines.append(f"{name:<30}  : {value}")
        elif raw.strip() and lines and not skipped:
            lines[-1] = f"{lines[-1]} {raw.strip()}"
    return "\n".join(lines)


# --- exiftool's -args listing and a table's header over one row ----------------------------------

# '-IPTC:Caption-Abstract=A caption' (exiftool -args, as an argument file holds it)
_ARGUMENT_RE = lazy_compile(r"^-([A-Za-z][\w:-]{0,80})=(.*)$")


def _argument_pairs(text: str) -> dict | None:
    """exiftool's -args output ('-Caption-Abstract=...', one tag a line) as a record's keys and
    values; None when fewer than three lines, or fewer than all but one of them, are such."""
    lines = [line.strip() for line in text.split("\n")[:2000] if line.strip()]
    pairs = {}
    for line in lines:
        match = _ARGUMENT_RE.match(line)
        if match:
            pairs.setdefault(match.group(1), match.group(2).strip())
    return pairs if len(pairs) >= 3 and len(pairs) >= len(lines) - 1 else None


def _header_row(text: str) -> dict | None:
    """A table of one record: a header line and a row under it (exiftool -csv, a spreadsheet's
    line pasted with its headings, an archive's or a museum's CSV export), as the record's keys
    and values; None unless it is one (`csv_rows`). Of several rows, the first: one block is one
    photo (`blocks.split_blocks` gives each row its own block with the header)."""
    table = csv_rows(text, limit=1)
    if table is None:
        return None
    header, rows, _ends = table
    return {key.strip(): _unescaped_cell(value) for key, value in zip(header, rows[0], strict=True) if key.strip()}


_CSV_DELIMITERS = ("\t", ";", ",", "|")
_HEADER_NAME_LIMIT = 60  # characters of a column's name
_HEADER_LINE_LIMIT = 10_000
_CSV_MAX_CHARS = MAX_RECORD_CHARS
# Excel's escape of a character XML cannot hold ('_x000D_' for the carriage return a cell's
# line ends keep when a workbook is saved as CSV)
_OOXML_ESCAPE_RE = lazy_compile(r"_x([0-9A-Fa-f]{4})_")


def _unescaped_cell(value: str) -> str:
    if "_x" in value:
        value = _OOXML_ESCAPE_RE.sub(lambda match: _ooxml_character(match.group(1)), value)
    return value.strip()


def _ooxml_character(code: str) -> str:
    character = chr(int(code, 16))
    return "\n" if character in "\r\n" else character if character.isprintable() else " "


def csv_rows(text: str, limit: int | None = None) -> tuple[list[str], list[list[str]], list[int]] | None:
    """A block that is a table: a header line of three column names or more, split by tabs,
    semicolons, commas or bars, two of them at least labels of ours, each a name and no
    sentence, then rows of as many cells (quoted cells may hold the delimiter and line ends).
    Returns the header, the rows (at most `limit`) and the line number each row ends on; None
    when the first row under the header does not have the header's cells, or the block is no
    table (a caption with commas, a title over a caption, a column of numbers)."""
    if len(text) > _CSV_MAX_CHARS:
        return None
    end = text.find("\n")
    if end < 0 or end > _HEADER_LINE_LIMIT:
        return None
    head_line = text[:end].rstrip("\r")
    delimiter = max(_CSV_DELIMITERS, key=head_line.count)
    if head_line.count(delimiter) < 2:
        return None
    try:
        header = next(csv.reader([head_line], delimiter=delimiter))
    except (csv.Error, StopIteration):
        return None
    if not _is_header(header):
        return None
    lines = text[end + 1 :].splitlines(keepends=True)
    reader = csv.reader(lines, delimiter=delimiter)
    rows: list[list[str]] = []
    ends: list[int] = []
    try:
        for row in reader:
            if not row or not any(cell.strip() for cell in row):
                continue  # a blank line between rows
            if len(row) != len(header) or (not rows and _is_prose_row(row, delimiter)):
                break
            rows.append(row)
            ends.append(reader.line_num)
            if limit is not None and len(rows) >= limit:
                break
    except csv.Error:  # a cell over the csv module's field size limit
        pass
    return (header, rows, ends) if rows else None


def _is_prose_row(row: list[str], delimiter: str) -> bool:
    """A sentence cut at its commas, not cells: every cell after the first opens with a space,
    one of them with a word in lower case ('The harbour at dawn, with boats, 1987.')."""
    if delimiter != "," or not all(cell[:1] == " " for cell in row[1:]):
        return False
    return any(cell.strip()[:1].islower() for cell in row[1:])


def _is_header(header: list[str]) -> bool:
    """Three column names or more, two of them labels of ours. A name is short and has no sentence's
    shape: at most eight words; a final period only after an abbreviation ('Réf.', 'Inv.-Nr.',
    'No.', 'Bildnr.'), a final question mark only on a yes-or-no column's few words ('Model
    released?'), no final '!'. A name may repeat ('Keywords' thrice) and one column in three may be
    named by a number, but a line of numbers is values, not names ('1;2;3', '2021;2022;2023')."""
    names = [name.strip() for name in header]
    named = [name for name in names if name]
    if len(names) < 3 or len(named) < 3:
        return False
    numbers = 0
    for name in named:
        if len(name) > _HEADER_NAME_LIMIT or len(name.split()) > _HEADER_NAME_WORDS or not _is_column_name_end(name):
            return False  # a sentence, not a column's name
        if not any(character.isalpha() for character in name):
            numbers += 1  # '1', '2021-05-03'
    if 3 * numbers > len(named):
        return False
    distinct = {fold(name): name for name in named}
    if len(distinct) < 3:
        return False
    return sum(1 for name in distinct.values() if _field_of(_record_label(name)) not in (None, "ignored")) >= 2


_HEADER_NAME_WORDS = 8
_HEADER_ABBREVIATION_LIMIT = 8  # letters of the word an abbreviation's period closes ('Bildnr.')


def _is_column_name_end(name: str) -> bool:
    """A column's name ends as a name: on no punctuation of a sentence's end, or on an
    abbreviation's period (its last word short, the name of three words at most), or on a
    question's mark of a yes-or-no column (four words at most)."""
    if name[-1:] not in ".!?":
        return True
    if name.rstrip(".!?") == "" or name[-2:-1] in ".!?":
        return False  # '...', '?!'
    words = name.split()
    if name[-1] == ".":
        last = re.split(r"[^\w]+", words[-1][:-1])[-1]
        return len(words) <= 3 and 0 < len(last) <= _HEADER_ABBREVIATION_LIMIT
    return name[-1] == "?" and len(words) <= 4


# --- exiftool's grouped listing: '[File, System, Other] FileName - File Name: IPTC.jpg' ---------

# one to three group names in brackets (family 0, 1, 2, as -G0:1:2 prints them), the tag's id or
# name and a dash (as -D or the test suite's .out files print it), the tag's description and its
# value: '[IPTC, IPTC, Other] 120 - Caption-Abstract: A caption', '[EXIF, IFD1, Image] 282 - X
# Resolution: 72', '[XMP-dc] Description: A caption'
_GROUPED_TAG_RE = lazy_compile(
    r"^[ \t]{0,8}\[([A-Za-z][\w-]{0,30}(?:,[ \t]{0,3}[A-Za-z][\w-]{0,30}){0,3})\][ \t]{1,40}"
    r"(?:[\w-]{1,60}[ \t]{1,3}-[ \t]{1,3})?([^\W\d][^:\n]{0,80}?)[ \t]{0,40}:[ \t]?(.*)$",
    re.MULTILINE,
)


def _is_grouped_listing(text: str) -> bool:
    """Three tags or more with their groups, and at least half of the first 200 lines that are
    not blank: a listing, not two bracketed notes in a caption ('[Update] Note: ...')."""
    lines = [line for line in text[:20_000].split("\n")[:200] if line.strip()]
    tags = sum(1 for line in lines if _GROUPED_TAG_RE.match(line))
    return tags >= 3 and 2 * tags >= len(lines)


def _grouped_tag_lines(text: str) -> str:
    """exiftool's listing with each tag's groups as exiftool-style lines ('File Name   : ...'),
    the groups dropped; the tags of a thumbnail's or a preview's group (IFD1, the EXIF
    thumbnail) left out: their size and resolution are not the photo's. A line that is no tag
    stays as it is."""
    lines: list[str] = []
    for raw in text.split("\n")[:5000]:
        match = _GROUPED_TAG_RE.match(raw)
        if match is None:
            lines.append(raw)
            continue
        groups = tuple(group.strip() for group in match.group(1).split(","))
        if _is_small_copy(groups):
            continue
        name = match.group(2).strip()
        value = _record_text(match.group(3), _field_of(_record_label(name)))
        if value or not match.group(3).strip():
            lines.append(f"{name:<30}  : {value}")  # (a camera's default description goes)
    return "\n".join(lines)


# --- metadata-extractor's listing: '[IPTC - 0x0278] Caption/Abstract = Wheat' ---------------------

# the directory, the tag's id (as the sample-output files and '-hex' print it; an XMP line names its
# namespace there), the tag's name and its value
# (some writers put the tag's id after the name: '[JPEG] Image Height - 0x0001 = 2400 pixels')
_EXTRACTOR_TAG_RE = lazy_compile(
    r"^[ \t]{0,8}\[([A-Za-z][^\[\]\n]{0,40}?)(?: - ([^\]\n]{0,200}))?\][ \t]{1,8}([^=\n]{1,120}?)"
    r"(?: - 0x[0-9A-Fa-f]{1,8})? =(?: (.*))?$"
)
# a tag's numeric id, in the brackets or after the name: what a listing line says and prose does not
_EXTRACTOR_TAG_ID_RE = lazy_compile(r" - 0x[0-9A-Fa-f]{1,8}(?:\]| =)")
_EXTRACTOR = _RECORD_KEYS["metadata_extractor"]
_EXTRACTOR_ORDER = {name: index for index, name in enumerate(_EXTRACTOR["directories"])}
_EXTRACTOR_FALLBACK = frozenset(_EXTRACTOR["fallback"])
_EXTRACTOR_TAG_LABELS = {fold(name): label for name, label in _EXTRACTOR["tag_labels"].items()}
_EXTRACTOR_HEADER_RE = lazy_compile(r"^(?:" + "|".join(_EXTRACTOR["header"]) + r"):[ \t]")


def _is_extractor_listing(text: str) -> bool:
    """Three tags or more with their directories, and at least half of the first 200 lines that
    are not blank: metadata-extractor's listing, not a bracketed note in a caption. A listing of
    fewer lines (a JPEG's two size lines alone, perhaps under a caption typed over them) is one
    whose lines from its first tag on are all tags with their numeric ids ('[JPEG - 0x0001] Image
    Height =', '[JPEG] Image Height - 0x0001 ='), which no bracketed note in prose has
    ('[Board - left] x = 2y + 1')."""
    lines = [line for line in text[:20_000].split("\n")[:200] if line.strip()]
    matches = [_EXTRACTOR_TAG_RE.match(line) for line in lines]
    tags = sum(1 for match in matches if match)
    if tags >= 3 and 2 * tags >= len(lines):
        return True
    first = next((index for index, match in enumerate(matches) if match), None)
    return first is not None and all(
        matches[index] and _EXTRACTOR_TAG_ID_RE.search(lines[index]) for index in range(first, len(lines))
    )


def _extractor_lines(text: str) -> str:
    """metadata-extractor's listing (record_keys.json metadata_extractor) as exiftool-style lines
    ('Caption/Abstract   : Wheat'): the tags of the directories that describe the picture, the
    file's own size first, then IPTC, Exif, XMP (an XMP tag by its name, 'photoshop:Credit' ->
    Credit, as in a packet; a structure's member, the creator's contact address, is none); a
    fallback directory's (JFIF's) only for the fields no other directory gives. Lines before the
    first tag (a caption typed over the dump) stay, the sample-output header ('FILE: ...') goes;
    a line that is no tag right after one continues its value."""
    opening: list[str] = []
    tags: list[tuple[int, int, str, str]] = []  # (directory's order, position, name, value)
    fallback: list[tuple[str, str]] = []
    last: list | None = None
    reduced = _reduced_directories(text)
    for raw in text[:MAX_RECORD_CHARS].split("\n")[:20_000]:
        match = _EXTRACTOR_TAG_RE.match(raw)
        if match is None:
            if not raw.strip():
                last = None
            elif last is not None:
                last[1] = f"{last[1]} {raw.strip()}"
            elif not tags and not fallback and not _EXTRACTOR_HEADER_RE.match(raw):
                opening.append(raw)
            continue
        directory, name, value = match.group(1).strip(), match.group(3).strip(), (match.group(4) or "").strip()
        last = None
        if directory in reduced and fold(name) in _EXTRACTOR_SIZE_TAGS:
            continue  # a preview's or a thumbnail's size (a DNG's IFD0), not the picture's
        if directory in _EXTRACTOR_FALLBACK:
            last = [name, value]
            fallback.append(last)
        elif directory in _EXTRACTOR_ORDER:
            last = [name, value]
            tags.append((_EXTRACTOR_ORDER[directory], len(tags), last))
    lines = list(opening)
    fields: set[str | None] = set()
    tag_lines = [
        line
        for _order, _position, (name, value) in sorted(tags, key=lambda tag: (tag[0], tag[1]))
        if (line := _extractor_line(name, value))
    ]
    for line in _whole_values_first(tag_lines):
        lines.append(line)
        fields.add(_field_of(line.split(":", 1)[0].strip()))
    for name, value in fallback:
        line = _extractor_line(name, value)
        if line and _field_of(line.split(":", 1)[0].strip()) not in fields:
            lines.append(line)
    return "\n".join(lines)


def _whole_values_first(lines: list[str]) -> list[str]:
    """Where a field's value is cut (IPTC IIM's fields have a length: Credit and By-line 32
    bytes, 'NASA, ESA, Michael Wong (Space T') and a later directory's value of the same field
    (XMP's, which has none) goes on from it, or the other way round, both lines take the whole
    value: the field reads whole whichever line the labels rank first."""
    by_field: dict[str, list[int]] = {}
    for index, line in enumerate(lines):
        field = _field_of(line.split(":", 1)[0].strip())
        if field and field not in _PIXEL_FIELDS and field != "ignored":
            by_field.setdefault(field, []).append(index)
    lines = list(lines)
    for indices in by_field.values():
        for position, first in enumerate(indices):
            for later in indices[position + 1 :]:
                label, _colon, value = lines[first].partition(" : ")
                other_label, _colon, other = lines[later].partition(" : ")
                shorter, longer = sorted((value, other), key=len)
                if len(shorter) >= 8 and len(longer) > len(shorter) and longer.startswith(shorter):
                    # whichever line comes first and whichever the labels rank first: the whole value
                    lines[first], lines[later] = f"{label} : {longer}", f"{other_label} : {longer}"
    return lines


_EXTRACTOR_SIZE_TAGS = frozenset({"image width", "image height", "exif image width", "exif image height"})
_REDUCED_SUBFILE_RE = lazy_compile(r"reduced|thumbnail|preview", re.IGNORECASE)


def _reduced_directories(text: str) -> set[str]:
    """The directories whose New Subfile Type says they hold a reduced-resolution image or a
    thumbnail (a DNG's IFD0 preview, 256 x 171): their size is none of the picture's."""
    found: set[str] = set()
    for raw in text[:MAX_RECORD_CHARS].split("\n")[:20_000]:
        if "Subfile Type" not in raw:
            continue
        match = _EXTRACTOR_TAG_RE.match(raw)
        if (
            match
            and fold(match.group(3).strip()) == "new subfile type"
            and _REDUCED_SUBFILE_RE.search(match.group(4) or "")
        ):
            found.add(match.group(1).strip())
    return found


def _extractor_line(name: str, value: str) -> str | None:
    if ":" in name:  # an XMP property: 'dc:description[1]', 'photoshop:City'
        if "/" in name:
            return None  # a structure's member or a language qualifier ('dc:title[1]/xml:lang')
        found: list[str] = []
        _xmp_line(name.split("[", 1)[0], [value], found)
        if not found:
            return None
        label, _colon, text = found[0].partition(": ")
        return f"{label:<30}  : {text}"
    name = _EXTRACTOR_TAG_LABELS.get(fold(name), name)
    text = _record_text(value, _field_of(_record_label(name) or name))
    if not text:
        return None
    return f"{name:<30}  : {text}"


# --- XMP packets ------------------------------------------------------------------------------

# One tag or one run of text between tags (linear: no pattern looks for a closing tag)
# or, last, a tag that never closes (a packet cut off inside it: its fragment is no text)
_XML_TOKEN_RE = lazy_compile(
    r"<(/?)([A-Za-z][\w.-]{0,40}:)?([A-Za-z][\w.-]{0,80})([^<>]{0,2000}?)(/?)>|([^<]+)|<([^<>]{0,4000})"
)
# a property written as an attribute of rdf:Description: photoshop:City="London"
_XMP_ATTRIBUTE_RE = lazy_compile(
    r"\b([A-Za-z][\w-]{0,20}):([A-Za-z]\w{0,60})=(?:\"([^\"<>]{0,2000})\"|'([^'<>]{0,2000})')"
)
_XML_ENTITIES = {"&amp;": "&", "&lt;": "<", "&gt;": ">", "&quot;": '"', "&apos;": "'", "&#xA;": " ", "&#10;": " "}
_XML_ENTITY_RE = lazy_compile("|".join(re.escape(entity) for entity in _XML_ENTITIES))
_XMP_STRUCTURE = frozenset(("rdf:", "x:"))  # RDF's own elements and the packet wrapper hold no property


def _xmp_lines(text: str) -> tuple[list[str] | None, str | None]:
    """An XMP packet (the RDF/XML a program prints or a file embeds) as label lines: each
    property whose name the vocabulary knows ('dc:description', 'photoshop:City',
    'Iptc4xmpCore:Location'), its values (an rdf:Alt/Seq/Bag's items) joined; properties written
    as attributes of rdf:Description too. Read token by token, without an XML parser: a pasted
    packet often lacks the declarations of its prefixes."""
    lines: list[str] = []
    property_name: str | None = None
    property_prefix = ""
    depth = 0
    values: list[str] = []
    broken_at_end = False
    for match in _XML_TOKEN_RE.finditer(text):
        closing, prefix, name, rest, empty, content, broken = match.groups()
        if broken is not None:
            if broken.startswith("rdf:Description") and property_name is None:
                _xmp_attributes(broken, lines)  # the attributes written before the cut
            broken_at_end = match.end() == len(text)
            continue
        if content is not None:
            if property_name is not None and content.strip():
                values.append(_XML_ENTITY_RE.sub(lambda entity: _XML_ENTITIES[entity.group(0)], content.strip()))
            continue
        if name is None:
            continue
        if prefix in _XMP_STRUCTURE or prefix is None:
            if name == "Description" and prefix == "rdf:" and not closing:
                _xmp_attributes(rest or "", lines)
            continue
        if property_name is None:
            if not closing and not empty:
                property_name, property_prefix, depth, values = name, prefix or "", 1, []
        elif name == property_name:
            depth += -1 if closing else (0 if empty else 1)
            if depth == 0:
                _xmp_line(property_prefix + property_name, values, lines)
                property_name = None
        if len(lines) > 500:
            break
    else:
        if property_name is not None or broken_at_end:
            # A packet cut off inside a property or a tag (a pasted dump that stops early): the
            # open property's values so far are its field; the cut is the block's truncation.
            if property_name is not None:
                _xmp_line(property_prefix + property_name, values, lines)
            return lines or None, text.rstrip()[-40:]
    return lines or None, None


# an attribute of an element: name="value" or name='value'
_XML_ATTRIBUTE_RE = lazy_compile(r"([A-Za-z_][\w:.-]{0,80})\s{0,5}=\s{0,5}(?:\"([^\"<>]{0,2000})\"|'([^'<>]{0,2000})')")
_XML_DECODE = lambda text: _XML_ENTITY_RE.sub(lambda entity: _XML_ENTITIES[entity.group(0)], text)  # noqa: E731


def _xml_tree(text: str):
    """A record written as XML (NewsML-G2's contentMeta, NITF's media, a CMS's or a museum's
    export) as the nested data a JSON record would be: an element's attributes and child elements
    its keys, a leaf's text its value, repeated children a list; read token by token (no XML
    parser: a pasted record lacks its declarations). None for markup of a page (HTML: its text
    is read as text) or for text that is no element tree."""
    root: dict = {}
    stack: list[tuple[str, dict, list[str]]] = [("", root, [])]
    elements = 0
    for match in _XML_TOKEN_RE.finditer(text):
        closing, prefix, name, rest, empty, content, broken = match.groups()
        if content is not None:
            if content.strip():
                stack[-1][2].append(_XML_DECODE(content.strip()))
            continue
        if name is None or broken is not None:
            continue
        if not elements and not closing and name.lower() in _HTML_ROOTS and not prefix:
            return None
        key = f"{prefix or ''}{name}"
        if closing:
            if len(stack) == 1 or stack[-1][0] != key:
                continue  # a stray closing tag
            _, children, texts = stack.pop()
            _add_child(stack[-1][1], key, _element_value(children, texts))
            continue
        elements += 1
        if elements > 5000 or len(stack) > 64:
            break
        attributes = {
            attribute.group(1): _XML_DECODE(attribute.group(2) or attribute.group(3) or "")
            for attribute in _XML_ATTRIBUTE_RE.finditer(rest or "")
            if not attribute.group(1).startswith("xmlns")
        }
        if empty or (rest or "").rstrip().endswith("/"):
            _add_child(stack[-1][1], key, attributes)
        else:
            stack.append((key, attributes, []))
    while len(stack) > 1:  # elements left open (a record cut off): what they hold so far
        key, children, texts = stack.pop()
        _add_child(stack[-1][1], key, _element_value(children, texts))
    return root if elements >= 2 else None


_HTML_ROOTS = frozenset(_RECORD_KEYS["html_elements"])


def _element_value(children: dict, texts: list[str]):
    text = " ".join(texts)
    if not children:
        return text
    if text:
        children = {**children, "#text": text}
    return children


def _add_child(parent: dict, key: str, value) -> None:
    if key not in parent:
        parent[key] = value
    elif isinstance(parent[key], list):
        parent[key].append(value)
    else:
        parent[key] = [parent[key], value]


def _xmp_attributes(text: str, lines: list[str]) -> None:
    for attribute in _XMP_ATTRIBUTE_RE.finditer(text):
        if attribute.group(1) not in ("xmlns", "rdf", "xml", "x"):
            name = f"{attribute.group(1)}:{attribute.group(2)}"
            _xmp_line(name, [attribute.group(3) or attribute.group(4) or ""], lines)


def _xmp_line(name: str, values: list[str], lines: list[str]) -> None:
    """A property's values as a label line: its prefixed name when the record vocabulary knows
    it ('Iptc4xmpCore:Location' is the sub-location), else its name ('photoshop:City' -> City)."""
    prefix, _colon, local = name.rpartition(":")
    label = _record_label(f"{prefix}:{local[:1].upper()}{local[1:]}" if prefix else local[:1].upper() + local[1:])
    if _field_of(label) == "ignored" or (_field_of(label) in _PIXEL_FIELDS and _is_small_copy((prefix,))):
        return  # (exiftool -X's 'IFD1:ImageWidth': the thumbnail's)
    text = " ".join(", ".join(value for value in values if value).split())
    if label and text:
        lines.append(f"{label}: {text}")


# --- JSON -----------------------------------------------------------------------------------


def _data_lines(data) -> list[str] | None:
    lines: list[str] = []
    sizes = _Sizes()
    call_number = _record_key(data)
    if call_number is not None:
        data = next(iter(data.values()))
    _flatten(data, "", lines, depth=0, sizes=sizes)
    if call_number is not None and not any(_field_of(line.split(":", 1)[0]) == "source_id" for line in lines):
        lines.append(f"{_RECORD_KEYS['keyed_record_label']}: {call_number}")
    lines.extend(sizes.lines())
    lines = _without_outranked_range(lines)
    alt = [line for line in lines if _field_of(line.split(":", 1)[0]) == "caption" and line.startswith(_ALT_LABELS)]
    if alt and any(_field_of(line.split(":", 1)[0]) in ("caption", "headline") for line in lines if line not in alt):
        # a page's alternative text, for readers who cannot see the picture, is its caption
        # only when the record has neither a description nor a title
        lines = [line for line in lines if line not in alt]
    return lines or None


_ALT_LABELS = ("alt text:", "alternative text:")
# a record's key that is its call number ('53Fi993', 'Fi_2231', 'A-12/3', 'DE-1992-0001'): letters
# and at least two digits, no blank; never a year, a date, a file name ('img_0042.jpg') or a
# word with a version or sequence suffix ('photo_1', 'v2', 'image-3')
_CALL_NUMBER_RE = lazy_compile(r"^(?=[^\s]{0,39}[A-Za-z])(?=(?:[^\s\d]{0,39}\d){2})[^\s]{3,40}$")
_NOT_CALL_NUMBER_RE = lazy_compile(
    r"^(?:\d{4}(?:[-./:]\d{1,2}){0,2}|\d{1,2}[-./]\d{1,2}[-./]\d{2,4}|.{1,60}\.[A-Za-z][A-Za-z0-9]{1,4}"
    r"|(?i:img|dsc[nf]?|_mg|pict?|p|scan|dji|gopr)[-_]?\d{1,8}"
    r"|[A-Za-z]{3,40}[-_ .]\d{1,3}|(?i:v|ver|version|rev|r)[-_.]?\d{1,3}|[a-z]{3,40}\d{1,3})$",
)


def _record_key(data) -> str | None:
    """The key of a record that is its object's only member and no key of ours ({'53Fi993':
    {...}}): its call number, when it looks like one (record_keys.json keyed_record_label)."""
    if not isinstance(data, dict) or len(data) != 1:
        return None
    key, value = next(iter(data.items()))
    if (
        not isinstance(value, dict)
        or len(value) < 2
        or not _CALL_NUMBER_RE.match(str(key))
        or _NOT_CALL_NUMBER_RE.match(str(key))
    ):
        return None
    return str(key) if _record_label(str(key)) is None else None


@functools.cache
def _date_parts() -> dict[str, str]:
    return {_key_name(key): part for part, keys in _RECORD_KEYS["date_parts"].items() for key in keys}


@functools.cache
def _range_ends() -> dict[str, str]:
    return {_key_name(key): end for end, keys in _RECORD_KEYS["date_range_keys"].items() for key in keys}


_RANGE_LABEL = _RECORD_KEYS["date_range_label"]
_RANGE_VALUE_RE = lazy_compile(r"^-?\d{3,4}(?:-\d\d(?:-\d\d)?)?$")


def _with_date_range(value: dict, lines: list[str]) -> dict:
    """A record's search range of dates over two keys ('Jahr_von': 1860, 'Jahr_bis': 1880; EMu's
    'CreEarliestDate' / 'CreLatestDate'; EDM's TimeSpan 'begin' / 'end'; record_keys.json
    date_range_keys) as one date under a label that any dating field of the record outranks
    (the display date 'um 1870' wins over the range it is searched by: beside one, the range is
    dropped); the record without them. Unchanged unless both ends are years or ISO dates."""
    ends: dict[str, tuple[str, str]] = {}
    for key, child in value.items():
        end = _range_ends().get(_key_name(str(key)))
        text = str(child).strip() if isinstance(child, (str, int)) and not isinstance(child, bool) else ""
        if end is not None and _RANGE_VALUE_RE.match(text) and end not in ends:
            ends[end] = (str(key), text)
    if len(ends) != 2:
        return value
    (start_key, start), (end_key, end) = ends["start"], ends["end"]
    rest = {key: child for key, child in value.items() if str(key) not in (start_key, end_key)}
    if any(_field_of(_record_label(str(key))) == "date" and str(child).strip() for key, child in rest.items()):
        return rest  # the record's own dating ('Datierung': 'um 1870') says it
    lines.append(f"{_RANGE_LABEL}: {start}" if start == end else f"{_RANGE_LABEL}: {start}/{end}")
    return rest


def _without_outranked_range(lines: list[str]) -> list[str]:
    """A search range of dates dates a record only when nothing else in the whole record does: not
    a dating field at any depth (EDM's 'dc:date' beside its nested 'edm:TimeSpan'), nor a date in
    its title or description ('Vineyards in 1936')."""
    prefix = f"{_RANGE_LABEL}:"
    if not any(line.startswith(prefix) for line in lines):
        return lines
    for line in lines:
        if line.startswith(prefix):
            continue
        label, _colon, text = line.partition(":")
        field = _field_of(label)
        if field == "date" and text.strip():
            break
        if field in ("caption", "headline") and text.strip():
            found = dates.find_date(text[:2000])
            if found is not None and found.start is not None:
                break
    else:
        return lines
    return [line for line in lines if not line.startswith(prefix)]


def _date_of_parts(value: dict) -> tuple[str | None, set]:
    """A record's date split over its keys ('day': '21', 'month': '04', 'year': '1962') as one
    date ('1962-04-21'), and the keys that held it; (None, set()) where the record has no year
    and month among its keys. An empty or '00' part leaves its precision out ('1962'); parts
    that are not all plain digits are read as a date line is ('21 avril 1962', 'August 1954',
    'ca. 1962'), else the finest reading of the digits among them, else the year alone; an
    impossible day ('1962-02-30') stays as written, an invalid_date. A part that is no calendar
    value makes no date (the keys still go: a year '191965' is none)."""
    parts: dict[str, tuple[str, str]] = {}
    names = {_key_name(str(key)) for key in value}
    for key, child in value.items():
        name = _key_name(str(key))
        part = _date_parts().get(name)
        beside = _RECORD_KEYS["date_parts_beside"].get(name)
        if beside and not names.isdisjoint(beside["beside"]):
            part = beside["part"]
        if part and part not in parts and isinstance(child, (str, int)) and not isinstance(child, bool):
            parts[part] = (str(key), str(child).strip())
    if "year" not in parts or "month" not in parts:
        return None, set()
    keys = {key for key, _text in parts.values()}
    year = parts["year"][1]
    month = _date_part_text(parts["month"][1])
    day = _date_part_text(parts["day"][1]) if "day" in parts else ""
    if not month:
        day = ""  # a day without its month is no precision
    tried = []
    if year.isdigit() and len(year) == 4:
        if month.isdigit() and (day.isdigit() or not day):
            if not 1 <= int(month) <= 12:
                return None, keys
            return "-".join([year, f"{int(month):02d}"] + ([f"{int(day):02d}"] if day else [])), keys
        tried.append(" ".join(part for part in (day, month, year) if part))
        digits = [year] + [f"{int(part):02d}" for part in (month, day) if part.isdigit() and int(part) < 100]
        if month.isdigit() and 1 <= int(month) <= 12:
            tried.append("-".join(digits[:2]))
    tried.append(year)
    best: tuple[int, str] | None = None
    for text in tried:  # the finest reading wins ('Monday 08 1954' reads the year only: '1954-08')
        found = dates.parse_date(text)
        if found is not None and found.start is not None and found.problem is None:
            rank = _PRECISION_RANK.get(found.precision or "", 0)
            if best is None or rank > best[0]:
                best = (rank, text)
    return (best[1] if best else None), keys


_PRECISION_RANK = {"day": 3, "month": 2, "year": 1}


_ORDINAL_DAY_RE = lazy_compile(r"^(\d{1,2})(?:st|nd|rd|th|er|e|\.|º|°)$", re.IGNORECASE)


def _date_part_text(text: str) -> str:
    """A day's or a month's part as its digits ('3rd' -> '3', '21.' -> '21'); '' where it
    is empty or all zeros ('00': that precision is not known)."""
    text = text.strip()
    ordinal = _ORDINAL_DAY_RE.match(text)
    if ordinal:
        text = ordinal.group(1)
    return "" if not text.strip("0") else text


_SMART_KEY_RE = lazy_compile(r"[{,]\s{0,40}\u201c[^\u201c\u201d\n]{1,80}\u201d\s{0,5}:")
_STRAIGHT_QUOTES = str.maketrans({"\u201c": '"', "\u201d": '"', "\u201e": '"'})


def load_json(text: str):
    """(data, None) for JSON; for JSON cut off before its end (`exiftool -j` output pasted in
    part, an API answer cut by a log), (the data up to the cut, its last characters): the cut
    string is closed and the open objects and arrays with it. (None, None) for anything else."""
    try:
        return json.loads(text), None
    except (ValueError, RecursionError):
        pass
    if "\u201c" in text and _SMART_KEY_RE.search(text):
        # JSON passed through a word processor or a mail program that curls quotes
        # ('{ “bildnummer”: “0093882934”, ...'): its quotes straightened, the record reads
        data, cut = load_json(text.translate(_STRAIGHT_QUOTES))
        if data is not None:
            return data, cut
    relaxed = _as_json(text)
    if relaxed is None and "\u201c" in text:
        relaxed = _as_json(text.translate(_STRAIGHT_QUOTES))  # (its quotes curled, as above)
    if relaxed is not None:
        # a script's object literal or a program's printed map: as JSON, whole or cut off
        try:
            return json.loads(relaxed), None
        except (ValueError, RecursionError):
            text = relaxed
    for candidate in _completions(text):
        try:
            data = json.loads(candidate)
        except (ValueError, RecursionError):
            continue
        return data, text.rstrip()[-40:]
    return None, None


# --- object literals (JavaScript, JSON5, Python's printed dict) ------------------------------

# a record's literal under its key, the member of an object cut from a script ('image: {')
# (or a JSON member without its object's braces: '"53Fi993": { "title": ... }')
_LABELLED_LITERAL_RE = lazy_compile(r'^(?:[A-Za-z_$][\w$]{0,60}|"[^"\\\n]{1,80}")\s{0,5}:\s{0,5}(?=[{\[])')
# what may precede a record's literal in a script: 'const photo = {', 'window.record = {',
# 'export default {', 'module.exports = {'
_ASSIGNMENT_RE = lazy_compile(
    r"^(?:export\s{1,5}default\s{1,5}|(?:(?:const|let|var)\s{1,5})?[A-Za-z_$][\w$]{0,60}(?:\.[A-Za-z_$][\w$]{0,60}){0,4}\s{0,5}=\s{0,5}"
    r"|(?:<\?php\s{1,40})?return\s{1,5}|(?:<\?php\s{1,40})?\$[A-Za-z_]\w{0,60}\s{0,5}=\s{0,5})(?=[{\[]|[Aa]rray\s{0,3}\()"
)
# what opens a script file before its literal: PHP's tag, blanks and comments
_PREAMBLE_RE = lazy_compile(r"(?:<\?php\b|\s|//[^\n]*|#[^\n]*|/\*(?:[^*]|\*(?!/))*\*/)*")
# PHP's printed array ('array (' as var_export writes it)
_PHP_ARRAY_RE = lazy_compile(r"^array\s{0,3}\(", re.IGNORECASE)
_ARROW_LOOKAHEAD = 2000  # characters a bracket's first member is looked for in
_ARROW_BUDGET = 100_000  # characters all brackets of a text may look ahead
_IDENTIFIER_RE = lazy_compile(r"(?:[^\W\d]|\$)[\w$]{0,200}")
# bare words of a literal and their JSON ('undefined', Python's 'True', 'None')
_BARE_VALUES = {
    "true": "true",
    "false": "false",
    "null": "null",
    "undefined": "null",
    "True": "true",
    "False": "false",
    "None": "null",
    "nil": "null",
    "NULL": "null",
}
_LITERAL_PUNCTUATION = frozenset("{}[]:,+-.0123456789 \t\n\r")


def _as_json(text: str) -> str | None:
    """A record written as an object literal rather than JSON, as a page's script, a JSON5 file
    or a program's printed map holds it (keys without quotes, strings in single quotes, a comma
    after the last member, comments, 'const record = {...};'; PHP's and Ruby's 'key => value'
    pairs, PHP's 'array (...)' and '[...]' of pairs, Ruby's ':symbol' keys and 'nil'), rewritten
    as JSON; None for text that is no such literal ('{not json at all', '[Archive picture]
    Farmers ...') or is JSON already. One pass over the text; a string cut off at the text's end
    stays open, for `load_json` to close as it closes JSON cut off."""
    assignment = _ASSIGNMENT_RE.match(text)
    start = assignment.end() if assignment else 0
    out: list[str] = []
    changed = start > 0
    last = " "  # the last character written outside strings, blanks aside
    last_comma = -1  # its index in `out` when it was a comma
    position, length = start, len(text)
    arrows = "=>" in text
    budget = [_ARROW_BUDGET]
    closers: list[tuple[str, str]] = []  # (the closing character in the text, the one JSON writes)
    while position < length:
        character = text[position]
        if character in "\"'":
            end, string = _literal_string(text, position)
            out.append(string)
            changed = changed or character == "'" or string != text[position:end]
            last = '"'
            position = end
            continue
        if character in "}])" and last == ",":
            out[last_comma] = ""  # a comma after the last member
            changed = True
        if character == "/" and text.startswith("//", position):
            newline = text.find("\n", position)
            position = length if newline < 0 else newline
            changed = True
            continue
        if character == "/" and text.startswith("/*", position):
            close = text.find("*/", position + 2)
            position = length if close < 0 else close + 2
            changed = True
            continue
        if character == ";" and not text[position + 1 :].strip():
            changed = True
            break  # the statement's end
        if arrows and character == "=" and text.startswith("=>", position):
            if last in "0123456789":
                _quote_number_key(out)  # PHP's '0 => ...': a key is a string in JSON
            elif last != '"':
                return None
            out.append(":")
            last = ":"
            changed = True
            position += 2
            continue
        if character == ":" and last in "{,[" and position + 1 < length and text[position + 1].isalpha():
            position += 1  # Ruby's ':caption => ...': the symbol's name is the key
            changed = True
            continue
        if character.isalpha() or character in "_$":
            word = _IDENTIFIER_RE.match(text, position).group(0)
            after = position + len(word)
            while after < length and text[after] in " \t":
                after += 1
            if word.lower() == "array" and after < length and text[after] == "(":
                pairs = _opens_pairs(text, after + 1, budget)
                out.append("{" if pairs else "[")
                closers.append((")", "}" if pairs else "]"))
                last = "{"
                changed = True
                position = after + 1
                continue
            if last in "{,[" and after < length and (text[after] == ":" or (arrows and text.startswith("=>", after))):
                out.append(json.dumps(word))
                changed = True
                last = '"'
                position += len(word)
                continue
            if word in _BARE_VALUES:
                out.append(_BARE_VALUES[word])
                changed = changed or _BARE_VALUES[word] != word
            elif last in ".-+0123456789" and word[:1] in "eE" and word[1:].isdigit():
                out.append(word)  # a number's exponent ('1e5')
            else:
                return None  # a word outside a string: prose, or code beyond a literal
            last = word[-1]
            position += len(word)
            continue
        if character in "{[":
            pairs = character == "[" and arrows and _opens_pairs(text, position + 1, budget)
            closers.append(
                ("]", "}") if pairs else ("}" if character == "{" else "]", "}" if character == "{" else "]")
            )
            if pairs:
                character = "{"
                changed = True
        elif character in "}])":
            if closers and closers[-1][0] == character:
                written = closers.pop()[1]
                changed = changed or written != character
                character = written
            elif character == ")":
                return None
        elif character not in _LITERAL_PUNCTUATION:
            return None
        out.append(character)
        if not character.isspace():
            last = character
            if character == ",":
                last_comma = len(out) - 1
        position += 1
    return "".join(out) if changed else None


def _quote_number_key(out: list[str]) -> None:
    """The number just written, as a string (a key)."""
    end = len(out)
    while end > 0 and out[end - 1].isspace():
        end -= 1
    index = end
    while index > 0 and out[index - 1] in "0123456789":
        index -= 1
    out[index:end] = ['"' + "".join(out[index:end]) + '"']


def _opens_pairs(text: str, start: int, budget: list[int]) -> bool:
    """Whether the bracket opening before `start` holds 'key => value' pairs: its first member,
    read up to a comma or its end at its own depth (strings skipped), holds '=>'. Each bracket
    looks at most _ARROW_LOOKAHEAD characters ahead, a text's brackets _ARROW_BUDGET in all."""
    end = min(len(text), start + _ARROW_LOOKAHEAD, start + max(budget[0], 0))
    depth = 0
    position = start
    while position < end:
        character = text[position]
        if character in "\"'":
            close = position + 1
            while close < end and text[close] != character:
                close += 2 if text[close] == "\\" else 1
            position = close + 1
            continue
        if character in "{[(":
            depth += 1
        elif character in "}])":
            if depth == 0:
                break
            depth -= 1
        elif depth == 0 and (character == "," or text.startswith("=>", position)):
            budget[0] -= position - start
            return character == "="
        position += 1
    budget[0] -= position - start
    return False


def _literal_string(text: str, start: int) -> tuple[int, str]:
    """The string opening at `start` (in double or single quotes) as JSON writes it, and the
    index after its closing quote; at the text's end without one, open."""
    quote = text[start]
    parts = ['"']
    position = start + 1
    length = len(text)
    while position < length:
        stop = position
        while stop < length and text[stop] not in "\\\"'\n":
            stop += 1
        parts.append(text[position:stop])
        if stop >= length:
            return length, "".join(parts)
        character = text[stop]
        if character == quote:
            parts.append('"')
            return stop + 1, "".join(parts)
        if character == "\\":
            escaped = text[stop + 1 : stop + 2]
            parts.append("'" if escaped == "'" else "\\" + escaped if escaped else "")
            position = stop + 2
        elif character == "\n":
            parts.append("\\n")  # a line break inside a string: JSON5's continued line, or a cut
            position = stop + 1
        else:
            parts.append('\\"' if character == '"' else "'")
            position = stop + 1
    return length, "".join(parts)


def _completions(text: str):
    """Ways to end JSON that stops early: the open string closed, then after a key a null
    value, or back to the last complete member; then the open brackets closed. One pass over
    the text; nothing for text that is not a JSON prefix (a bracket closed that was never
    opened), or whose first object holds less than a member."""
    stack: list[str] = []
    in_string = escaped = False
    last_comma = -1  # the last ',' outside strings, at any depth, with the stack there
    comma_stack: list[str] = []
    for index, character in enumerate(text):
        if in_string:
            if escaped:
                escaped = False
            elif character == "\\":
                escaped = True
            elif character == '"':
                in_string = False
        elif character == '"':
            in_string = True
        elif character in "{[":
            stack.append("}" if character == "{" else "]")
            if len(stack) > 64:
                return
        elif character in "}]":
            if not stack or stack.pop() != character:
                return
        elif character == ",":
            last_comma, comma_stack = index, list(stack)
    if not stack:
        return  # complete, or not JSON: json.loads has said which
    closers = "".join(reversed(stack))
    body = text.rstrip()
    if in_string:
        body = body[:-1] if escaped else body
        yield body + '"' + closers
        yield body + '": null' + closers
    else:
        yield body + closers
        yield body.rstrip(",") + closers
        yield body + " null" + closers
        yield body + ": null" + closers
    if last_comma > 0:
        yield text[:last_comma] + "".join(reversed(comma_stack))


def _label(key: str) -> str:
    return key.replace("_", " ").replace("-", " ").strip()


# exiftool's -G output names each tag with its group: 'IPTC:Caption-Abstract', 'XMP-dc:Creator'
_GROUP_PREFIX_RE = lazy_compile(r"^[A-Za-z][\w-]{0,20}:(?=[A-Za-z])")


def _json_label(key: str) -> str | None:
    """The label a JSON key names, if the vocabulary knows it: as written ('Caption-Abstract'),
    with its separators as spaces ('date_taken'), its joined words apart ('dateTaken',
    'Country-PrimaryLocationName'), without an exiftool group ('IPTC:By-line')."""
    bare = _GROUP_PREFIX_RE.sub("", key, count=1)
    for name in dict.fromkeys((key, bare)):
        for label in (name.replace("_", " ").strip(), _label(name)):
            if _is_label(label):
                return label
        if not name.islower() and not name.isupper():
            split = _CAMEL_RE.sub(" ", name)
            for label in (split.replace("_", " ").strip(), _label(split)):
                if _is_label(label):
                    return label
    return None


def _key_name(key: str) -> str:
    """A record key as its letters and digits, lower case: 'photoTakenTime', 'photo_taken_time'
    and 'PhotoTakenTime' are one key; an exiftool group or XMP prefix stays ('dc:title' ->
    'dc:title')."""
    return "".join(character for character in fold(key) if character.isalnum() or character == ":")


#: record key -> the label of ours it stands for (captions/data/record_keys.json)
_KEY_LABELS: dict[str, str] = {_key_name(key): label for label, keys in _RECORD_KEYS["keys"].items() for key in keys}
_VALUE_KEYS = frozenset(_key_name(key) for key in _RECORD_KEYS["value_keys"])
_WRAPPED_VALUE_KEYS = frozenset(_key_name(key) for key in _RECORD_KEYS["value_keys"][:6])
_IMAGE_OBJECTS = frozenset(_key_name(key) for key in _RECORD_KEYS["image_objects"])
_SMALL_COPIES = frozenset(_key_name(word) for word in _RECORD_KEYS["renditions"]["small"])
_ORIGINAL_COPIES = frozenset(_key_name(word) for word in _RECORD_KEYS["renditions"]["original"])
_TEXT_FIELDS = frozenset(("caption", "headline"))
_BARE_SIZE_LABELS = frozenset(("width", "height"))  # what a record's size keys read as (record_keys.json)
_PERSON_FIELDS = frozenset(("creator", "credit", "copyright"))
_PERSON_OBJECTS = frozenset(_key_name(key) for key in _RECORD_KEYS["person_objects"])
_COLLECTION_OBJECTS = frozenset(_key_name(key) for key in _RECORD_KEYS["collection_objects"])
_PIXEL_FIELDS = frozenset(("width", "height", "dimensions", "x_resolution", "resolution_unit"))
_COPY_CONTAINERS = frozenset(_key_name(key) for key in _RECORD_KEYS["copy_containers"])
#: the words a credit opens with ('Photograph: Jane Roe/Example Agency'; credit_patterns.json)
_CREDIT_LABELS = frozenset(fold(label) for label in load_data("credit_patterns.json")["credit_labels"])
_ROLE_KEYS = ("role", "rel", "type", "kind", "label")  # what says which of several values one is
_COPY_NAMING_KEYS = frozenset(
    ("name", "rel", "label", "type", "role", "key", "size", "variant", "kind", "rendition", "format")
)
_PATH_WORD_RE = lazy_compile(r"[A-Za-z]+")
_HTML_TAG_RE = lazy_compile(r"<(?:/?[A-Za-z][\w:-]{0,20}(?:\s[^<>]{0,500})?/?|!--[^<>]{0,500}--)>")
_FILE_NAME_RE = lazy_compile(
    r"^[^\s/\\]{1,200}\.(?:jpe?g|png|gif|tiff?|heic|heif|webp|dng|raw|nef|cr2|arw|psd|bmp|mp4|mov)$", re.I
)
_EPOCH_RE = lazy_compile(r"^-?\d{9,13}$")
_LEADING_LABEL_RE = lazy_compile(r"^([^\W\d][^:\n]{1,30}?)\s?:\s+(\S.*)$")


_AFFIXES = _RECORD_KEYS["key_affixes"]
_LANGUAGE_NAMES = frozenset(word for word in _AFFIXES["languages"] if len(word) > 3)
_LANGUAGE_CODES = frozenset(word for word in _AFFIXES["languages"] if len(word) <= 3)
_PICTURE_KEY_WORDS = frozenset(_AFFIXES["picture_words"])
_VALUE_KEY_WORDS = frozenset(_AFFIXES["value_words"])
_KEY_WORD_RE = lazy_compile(r"[A-Z]+(?![a-z])|[A-Za-z][a-z]*|\d+")


def _affixed_label(key: str) -> str | None:
    """The label of a key unknown as written that is a known key with a language or a picture
    word around it ('EnglishCaption', 'caption_en', 'caption_credit', 'photoCity'; record_keys.json
    key_affixes): the label of the rest. A language's name may be joined to the rest
    ('Englishcaption'); a code only as a word of its own."""
    if ":" in key or len(key) > 60:
        return None
    words = [word.lower() for word in _KEY_WORD_RE.findall(_CAMEL_RE.sub(" ", key))]
    if len(words) < 2:
        folded = words[0] if words else ""
        for language in _LANGUAGE_NAMES:
            if folded.startswith(language) and len(folded) > len(language) + 2:
                return _record_label(folded[len(language) :])
            if folded.endswith(language) and len(folded) > len(language) + 2:
                return _record_label(folded[: -len(language)])
        return None
    for dropped, rest, first in ((words[0], words[1:], True), (words[-1], words[:-1], False)):
        if (
            dropped in _LANGUAGE_NAMES
            or dropped in _LANGUAGE_CODES
            or (first and dropped in _PICTURE_KEY_WORDS)
            or (not first and dropped in _VALUE_KEY_WORDS)
        ):
            label = _record_label("_".join(rest))
            if label is not None:
                return label
    return None


@functools.lru_cache(maxsize=4096)
def _record_label(key: str) -> str | None:
    """The label of ours a record key stands for: the record vocabulary's (with its prefix,
    then without), else the caption labels' (`_json_label`), else that of the key without a
    language or picture word around it (`_affixed_label`); None for a key we do not read."""
    name = _key_name(key)
    label = _KEY_LABELS.get(name)
    if label is None and ":" in name:
        label = _KEY_LABELS.get(name.rsplit(":", 1)[-1])
    if label is not None:
        return label
    label = _json_label(key)
    if label is None:
        return _affixed_label(key) or _reduced_key_label(key)
    if fold(label) in EXIFTOOL_NOT_LABELS:
        return None  # exiftool's 'ImageNumber' counts the camera's shots, no agency id
    return label


_KEY_PREFIXES = frozenset(word.casefold() for word in _RECORD_KEYS["key_prefixes"])
_KEY_SUFFIXES = frozenset(word.casefold() for word in _RECORD_KEYS["key_suffixes"])
_KEY_LANGUAGES = frozenset(word.casefold() for word in _RECORD_KEYS["key_languages"])
_KEY_PARTS_RE = lazy_compile(r"[^\W_]+")


def _reduced_key_label(key: str) -> str | None:
    """The label of a key that names it with a database's module prefix, a table suffix or a
    language code around it (a museum system's 'TitMainTitle', 'CreCity_tab', an export's
    'title_en', 'de_Titel'; record_keys.json key_prefixes, key_suffixes, key_languages): the
    label of its words without them, when those words are a key or a label of ours."""
    if len(key) > 60 or ":" in key:
        return None
    words = _KEY_PARTS_RE.findall(_CAMEL_RE.sub(" ", key))
    if len(words) < 2:
        return None
    if words[-1].casefold() in _KEY_SUFFIXES or words[-1].casefold() in _KEY_LANGUAGES:
        words = words[:-1]
    elif words[0].casefold() in _KEY_LANGUAGES:
        words = words[1:]
    candidates = [words]
    if len(words) >= 2 and words[0].casefold() in _KEY_PREFIXES and words[0][:1].isupper():
        candidates.append(words[1:])
    for candidate in candidates:
        if not candidate or len(candidate) == len(_KEY_PARTS_RE.findall(_CAMEL_RE.sub(" ", key))):
            continue
        joined = " ".join(candidate)
        label = _KEY_LABELS.get(_key_name(joined))
        if label is None and _is_label(joined):
            label = joined
        if label is not None:
            return label
    return None


def _field_of(label: str | None) -> str | None:
    known = LABELS.get(fold(label).rstrip(".")) if label else None
    return known[0] if known else None


def _path_words(path: tuple[str, ...]) -> set[str]:
    """The words of a record path, its keys' joined words apart ('thumbnailUrl' -> thumbnail, url)."""
    words: set[str] = set()
    for key in path:
        words.update(_key_name(part) for part in key.split(":"))
        for word in _PATH_WORD_RE.findall(_CAMEL_RE.sub(" ", key)):
            words.add(word.lower())
    return words


def _is_small_copy(path: tuple[str, ...]) -> bool:
    return not _SMALL_COPIES.isdisjoint(_path_words(path))


class _Sizes:
    """The width and height pairs a record states, where it states them: the photo's pixels are
    those of its original copy, else of the largest; a thumbnail's or a preview's never."""

    def __init__(self) -> None:
        self.pairs: list[tuple[bool, int, int, int]] = []  # (original, area, width, height)

    def offer(self, path: tuple[str, ...], obj: dict) -> bool:
        widths, heights, naming = [], [], []
        for key, child in obj.items():
            label = _record_label(str(key)) if isinstance(key, str) else None
            field = _field_of(label)
            if isinstance(child, dict) and field in ("width", "height"):
                child = next((child[k] for k in child if _key_name(str(k)) in _WRAPPED_VALUE_KEYS), None)
            number = _pixel_count(child)
            if field == "width" and fold(label) in _BARE_SIZE_LABELS and number:
                widths.append(number)
            elif field == "height" and fold(label) in _BARE_SIZE_LABELS and number:
                heights.append(number)
            elif _key_name(str(key)) in _COPY_NAMING_KEYS and isinstance(child, str):
                naming.append(child)
            elif child is True:
                naming.append(str(key))  # the Guardian's 'isMaster': true
        if len(widths) != 1 or len(heights) != 1:
            return False
        words = _path_words(path + tuple(naming))
        if not _SMALL_COPIES.isdisjoint(words):
            return True  # a thumbnail's size: taken, and never the photo's
        original = not _ORIGINAL_COPIES.isdisjoint(words)
        self.pairs.append((original, widths[0] * heights[0], widths[0], heights[0]))
        return True

    def lines(self) -> list[str]:
        if not self.pairs:
            return []
        _original, _area, width, height = max(self.pairs, key=lambda pair: (pair[0], pair[1]))
        return [f"width: {width}", f"height: {height}"]


def _is_copy(path: tuple[str, ...], obj: dict) -> bool:
    """A sized object that is one copy of the picture (under 'renditions', 'sizes', NITF's
    'media-reference'): scalars only, none of them a text of ours."""
    if not path or _COPY_CONTAINERS.isdisjoint(_key_name(part) for part in path):
        return False
    return all(
        not isinstance(child, (dict, list)) and _field_of(_record_label(str(key))) not in _TEXT_FIELDS
        for key, child in obj.items()
    )


def _pixel_count(value) -> int | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, int) and 0 < value < 1_000_000:
        return value
    if isinstance(value, float) and value.is_integer() and 0 < value < 1_000_000:
        return int(value)
    if isinstance(value, str):
        digits = value.strip().removesuffix("px").strip()
        if digits.isdigit() and 0 < int(digits) < 1_000_000:
            return int(digits)
    return None


def _record_text(value, field: str | None) -> str:
    """A record value as caption text: markup dropped ('<p>...</p>', Commons' '<a ...>Name</a>'),
    a Unix time under a date key as its day, a label the value repeats dropped ('Artist':
    'Photographer: Jane Roe')."""
    text = str(value)
    if "<" in text and _HTML_TAG_RE.search(text):
        text = html.unescape(_HTML_TAG_RE.sub(" ", text))
    text = " ".join(text.split())
    if field in ("date", "date_ignored", "date_digitized") and _EPOCH_RE.match(text):
        seconds = int(text) / (1000 if len(text.lstrip("-")) > 11 else 1)
        try:
            return datetime.datetime.fromtimestamp(seconds, datetime.UTC).strftime("%Y-%m-%d")
        except (OverflowError, OSError, ValueError):
            return ""
    if field in ("date", "date_ignored", "date_digitized") and _YEAR_SLASH_MONTH_RE.match(text):
        return text.replace("/", "-")  # an archive's '2000/03': March 2000, no range of years
    if field in ("creator", "credit") and text:
        text = _known_persons(text)
        if "(" in text or ", " in text:
            text = _without_person_notes(text)
    if field == "place" and "--" in text and "---" not in text:
        # a subject heading's place, broadest first ('Canada--Yukon Territory'): as a place reads
        text = ", ".join(reversed([part.strip() for part in text.split("--") if part.strip()]))
    if field in ("creator", "credit", "copyright"):
        repeated = _LEADING_LABEL_RE.match(text)
        if repeated and (
            _field_of(repeated.group(1)) in ("creator", "credit", "copyright")
            or fold(repeated.group(1)) in _CREDIT_LABELS
        ):
            text = repeated.group(2)
    if field in ("width", "height") and _LENGTH_UNIT_RE.search(text):
        return ""  # a negative's or a print's side ('6 cm', '3,6 cm'): no pixels
    if field == "copyright" and _field_of(_PLACEHOLDER_RE.sub("", text)) == "copyright":
        return ""  # a camera's placeholder ('Copyright,', 'COPYRIGHT (C)') names no holder
    if field in ("caption", "headline") and (_FILE_NAME_RE.match(text) or fold(text) in CAMERA_DESCRIPTIONS):
        return ""  # a file name ('IMG_0042.jpg') or a camera's default ('DCF 1.0') is no text
    return text


_YEAR_SLASH_MONTH_RE = lazy_compile(r"^(?:1[6-9]|20)\d\d/(?:0[1-9]|1[0-2])$")
_UNKNOWN_PERSONS = tuple(fold(value) for value in _RECORD_KEYS["unknown_persons"])


def _known_persons(text: str) -> str:
    """A person field without its placeholders: 'INCONNU', 'Desconocido', 'unbekannt' name
    nobody ('' then), and of several persons split by ';' a part that opens with one ('Jana
    Roe; Kein Eintrag, alte Zuschreibung') is dropped (record_keys.json unknown_persons)."""
    parts = [part.strip() for part in text.split(";")] if ";" in text else [text.strip()]
    kept = [part for part in parts if part and not fold(part).strip(" .()[]?").startswith(_UNKNOWN_PERSONS)]
    return "; ".join(kept)


_NATIONALITIES = frozenset(
    fold(adjective)
    for languages in load_data("nationalities.json")["adjectives"].values()
    for adjectives in languages.values()
    for adjective in adjectives
)
_ROLE_NOTE_RE = lazy_compile(r"\s?\(([^()]{1,120})\)")
_LIFE_DATES_RE = lazy_compile(
    r"\b1[5-9]\d\d\s?[-\u2013]\s?(?:1[5-9]|20)\d\d\b|\b(?:born|died|b\.|d\.|geb\.|gest\.|né|née|nac\.)\s"
)


def _without_person_notes(text: str) -> str:
    """A catalogue's name heading without what it adds to the name: a parenthesis of role,
    nationality or life dates ('Job, Herbert (photographer, American, 1864-1933)') and a
    nationality after a comma at its end ('..., American'; nationalities.json)."""

    def note(match: re.Match) -> str:
        inner = match.group(1)
        words = {fold(word) for word in re.findall(r"[^\W\d_]+", inner)}
        if _LIFE_DATES_RE.search(inner) or not words.isdisjoint(_NATIONALITIES) or not words.isdisjoint(_TRADE_WORDS):
            return ""
        return match.group(0)

    if "(" in text:
        text = _ROLE_NOTE_RE.sub(note, text).strip()
    head, comma, tail = text.rpartition(", ")
    if comma and head and fold(tail.strip(" .")) in _NATIONALITIES:
        text = head.strip()
    return text


_TRADE_WORDS = frozenset(
    fold(word) for words in load_data("caption_labels.json")["trade_words"].values() for word in words
)


_LENGTH_UNIT_RE = lazy_compile(r"\d\s?(?:cm|mm|in|inch|inches|zoll|pouces?|pulgadas?)\b|\d\s?[\"\u2033]", re.IGNORECASE)
# the signs and the year a copyright line holds beside its word ('Copyright ©, 2003')
_PLACEHOLDER_RE = lazy_compile(r"\([cC]\)|[©\d\s,.:;()\-]+")


_LANGUAGE_TAG_RE = lazy_compile(r"^(?:[a-z]{2,3}(?:[-_][A-Za-z0-9]{2,8}){0,3}|none|@none)$")


_LANG_ALT_KEYS = frozenset(_RECORD_KEYS["lang_alt_keys"])


def _lang_alt_text(value) -> str | None:
    """An XMP Lang Alt written as JSON ({'lang': {'x-default': 'Classic View', 'de': ...}}, as
    exiv2json writes it): the default language's text, else the first; None for anything else."""
    if not isinstance(value, dict) or len(value) != 1:
        return None
    key, texts = next(iter(value.items()))
    if key not in _LANG_ALT_KEYS or not isinstance(texts, dict) or not texts or len(texts) > 40:
        return None
    if not all(isinstance(tag, str) and isinstance(text, str) for tag, text in texts.items()):
        return None
    return texts.get("x-default") or next(iter(texts.values()))


def _language_map_values(value) -> list | None:
    """A language map's values (IIIF v3's {'none': ['Jana Roe']}, {'en': ['Date']}, Europeana's
    {'de': [...]}): every key a language tag, every value a list of text; the untagged entry
    ('none'), else the first. None for any other object ({'id': 'https://...'} is no map)."""
    if not isinstance(value, dict) or not value or len(value) > 40:
        return None
    for tag, values in value.items():
        if not isinstance(tag, str) or not _LANGUAGE_TAG_RE.match(tag):
            return None
        if not isinstance(values, list) or not values or not all(isinstance(item, str) for item in values):
            return None
    return value.get("none") or value.get("@none") or next(iter(value.values()))


def _flatten(value, key: str, lines: list[str], depth: int, path: tuple[str, ...] = (), sizes=None) -> None:
    if depth > 8 or len(lines) > 500:
        return
    language_values = _language_map_values(value)
    if language_values is not None and key:
        value = language_values[0] if len(language_values) == 1 else language_values
    lang_alt = _lang_alt_text(value) if key else None
    if lang_alt is not None:
        value = lang_alt
    if isinstance(value, dict):
        measured = sizes is not None and sizes.offer(path, value)
        if measured:
            if _is_copy(path, value):
                return  # a copy of the picture: its 'source', 'url', 'label' are the file's
            value = {k: v for k, v in value.items() if fold(_record_label(str(k)) or "") not in _BARE_SIZE_LABELS}
        if len(value) >= 2 and not _range_ends().keys().isdisjoint(_key_name(str(k)) for k in value):
            value = _with_date_range(value, lines)
        if len(value) >= 2 and not _date_parts().keys().isdisjoint(_key_name(str(k)) for k in value):
            split_date, parts = _date_of_parts(value)
            if parts:
                value = {k: v for k, v in value.items() if str(k) not in parts}
                if split_date:
                    lines.append(f"date: {split_date}")
        names = {_key_name(str(child_key)): child_key for child_key in value}
        wrapped = next((names[name] for name in names if name in _WRAPPED_VALUE_KEYS), None)
        if wrapped is not None:
            # ninjs' {'role': 'creditline', 'value': ...}: the value under the label its role names
            role = next((value[names[name]] for name in _ROLE_KEYS if name in names), None)
            role_values = _language_map_values(role)
            if role_values is not None:
                role = role_values[0]  # IIIF v3's {'label': {'en': ['Photographer']}, 'value': ...}
            role_label = _record_label(role) if isinstance(role, str) and len(role) <= 40 else None
            if role_label is not None and _field_of(role_label) != "ignored":
                _flatten(value[wrapped], role, lines, depth + 1, path, sizes)
                return
            if key and _record_label(key) is not None:
                # Commons' {'value': ..., 'source': ..., 'hidden': ''}: the value, under the key above
                _flatten(value[wrapped], key, lines, depth + 1, path, sizes)
                return
        if key and path and _key_name(key.rsplit(":", 1)[-1]) in _COLLECTION_OBJECTS:
            return  # the collection's or the data set's own title and description ('collection': {...})
        above = _field_of(_record_label(key)) if key else None
        for child_key, child in value.items():
            child_key = str(child_key)
            inherited = key if above and _key_name(child_key) in _VALUE_KEYS else None
            if inherited is None and (above in _PERSON_FIELDS or _key_name(key) in _PERSON_OBJECTS):
                continue  # a person's other keys (Flickr's owner's 'location') say nothing of the picture
            if (
                inherited is None
                and (_key_name(child_key) == "name" or (_key_name(child_key) == "label" and not measured))
                and (not isinstance(child, (dict, list)) or _language_map_values(child) is not None)
                and (not path or _key_name(path[-1]) in _IMAGE_OBJECTS)
            ):
                # the picture's own name (schema.org ImageObject.name, a IIIF manifest's 'label';
                # a 'label' beside a width and a height names that copy: 'Large')
                inherited = "title"
            _flatten(child, inherited or child_key, lines, depth + 1, (*path, child_key), sizes)
    elif isinstance(value, list):
        scalars = [item for item in value if isinstance(item, (str, int, float)) and not isinstance(item, bool)]
        if scalars and len(scalars) == len(value):
            label = _record_label(key) if key else None
            field = _field_of(label)
            if label and field != "ignored" and not (field in _PIXEL_FIELDS and _is_small_copy(path)):
                text = ", ".join(part for part in (_record_text(item, field) for item in scalars) if part)
                if text:
                    lines.append(f"{label}: {text}")
        else:
            for item in value:
                _flatten(item, key, lines, depth + 1, path, sizes)
    elif isinstance(value, (str, int, float)) and not isinstance(value, bool) and key:
        # Only keys the label vocabulary knows: an API's other keys ('query', 'rank', a
        # subject list's 'name') would otherwise be read as prose and end up in the caption.
        # A joined name is its words apart ('dateTaken' -> 'date Taken').
        label = _record_label(key)
        if label is None:
            return
        field = _field_of(label)
        if field == "ignored" or (field in _PIXEL_FIELDS and _is_small_copy(path)):
            return
        if field not in _PIXEL_FIELDS and not _COPY_CONTAINERS.isdisjoint(_key_name(part) for part in path[:-1]):
            return  # a copy's title or format ('Full Resolution (JPG)'): the file's, not the picture's
        text = _record_text(value, field)
        if field == "date_digitized" and ":" not in key and _SYSTEM_TIME_RE.match(text):
            # an API object's 'createDate' / 'CreatedDateTime' stamped as a machine time
            # ('2019-01-08T13:31:44Z'): when the record was made, an upload time; exiftool prints
            # the camera's CreateDate as EXIF writes it ('2019:01:08 13:31:44')
            label = "date uploaded"
        if text and field == "caption" and _is_scan_note(text):
            label = _SCAN_NOTE_LABEL  # a note on the digital copy: its sizes, no caption
        if text:
            lines.append(f"{label}: {text}")


# an ISO 8601 date and time as systems stamp their records ('2019-01-08T13:31:44Z',
# '2020-06-03T20:28:15.32'), not as a person writes a date
_SYSTEM_TIME_RE = lazy_compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d")


_SCAN_WORDS_RE = lazy_compile(
    r"\b(?:" + alternation(_RECORD_KEYS["scan_note_words"]) + r")\b.{0,200}?\b\d{2,4}\s?(?:dpi|ppi)\b",
    re.IGNORECASE | re.DOTALL,
)
_SCAN_NOTE_LABEL = "dimensions"


def _is_scan_note(text: str) -> bool:
    """A record's description that speaks of its digital copy, not of the picture ('Scanned from
    an original photographic print at 110 dpi ... resized to 768x600'; record_keys.json
    scan_note_words): read for its sizes, never the caption."""
    return len(text) <= 1000 and ("dpi" in text.lower() or "ppi" in text.lower()) and bool(_SCAN_WORDS_RE.search(text))


# --- MediaWiki templates ----------------------------------------------------------------------

_LINK_RE = lazy_compile(r"\[\[(?:[^\[\]|]{0,200}\|)?([^\[\]|]{0,200})\]\]")
_EXTERNAL_LINK_RE = lazy_compile(r"\[https?://\S{1,300}\s([^\]]{1,200})\]")
_LANGUAGE_TEMPLATE_RE = lazy_compile(r"\{\{\s?([a-z]{2,3})\s?\|\s?(?:1\s?=\s?)?")
_HEADING_RE = lazy_compile(r"^\s*=+.*=+\s*$")
_LANGUAGE_MARK = "\x00"  # between a language code and its text inside this module (clean_text drops NUL)


def _templates(text: str, limit: int = 200) -> list[tuple[str, str]]:
    """Top-level templates as (name, body), braces matched (no regex over nesting); at most
    `limit` of them (a file page holds a handful)."""
    found = []
    position = 0
    end_of_text = min(len(text), MAX_RECORD_CHARS)
    while len(found) < limit:
        start = text.find("{{", position, end_of_text)
        if start < 0:
            return found
        depth, index = 0, start
        while index < end_of_text - 1:
            pair = text[index : index + 2]
            if pair == "{{":
                depth += 1
                index += 2
            elif pair == "}}":
                depth -= 1
                index += 2
                if depth == 0:
                    break
            else:
                index += 1
        body = text[start + 2 : index - 2]
        name = body.split("|", 1)[0].strip()
        found.append((name, body))
        position = index
    return found


def _split_parameters(body: str) -> list[str]:
    """A template body split at its own '|' (not those inside nested templates or links)."""
    parts, depth, current = [], 0, []
    index = 0
    while index < len(body):
        pair = body[index : index + 2]
        if pair in ("{{", "[["):
            depth += 1
            current.append(pair)
            index += 2
            continue
        if pair in ("}}", "]]"):
            depth = max(0, depth - 1)
            current.append(pair)
            index += 2
            continue
        char = body[index]
        if char == "|" and depth == 0:
            parts.append("".join(current))
            current = []
        else:
            current.append(char)
        index += 1
    parts.append("".join(current))
    return parts


def _plain(value: str, depth: int = 0) -> str:
    """Wikitext -> text: a language template keeps its text ('{{en|1=A dog}}' -> 'en: A dog',
    the first language only), links keep their label, other templates go. Nesting is read three
    deep: deeper is no description, and each level costs a pass over the text."""
    value = value.strip()
    first = _LANGUAGE_TEMPLATE_RE.match(value) if depth < 3 else None
    if first:
        inner = _templates(value, limit=1)
        body = inner[0][1] if inner else value[first.end() :]
        parameters = _split_parameters(body)
        text = parameters[-1] if len(parameters) > 1 else body
        text = re.sub(r"^\s?1\s?=", "", text)
        inner_text = _plain(text, depth + 1)
        return inner_text if depth else f"{_LANGUAGE_MARK}{first.group(1)}{_LANGUAGE_MARK}{inner_text}"
    value = _EXTERNAL_LINK_RE.sub(r"\1", _LINK_RE.sub(r"\1", value))
    templates = _templates(value)
    if len(templates) == 1 and value.startswith("{{") and value.endswith("}}"):
        # A value that is one template keeps what it states: '{{Creator:Artem Svetlov}}' the
        # name, '{{According to Exif data|2022-07-03|location=Moscow}}' its unnamed values.
        name, body = templates[0]
        if ":" in name and name.split(":", 1)[0].strip().casefold() == "creator":
            return " ".join(name.split(":", 1)[1].split())
        if "upload" in name.casefold():
            return ""  # '{{original upload date|2008-01-01}}': the SPEC ignores upload dates
        unnamed = [part.strip() for part in _split_parameters(body)[1:] if "=" not in part and "{{" not in part]
        return " ".join(" ".join(unnamed).split())
    for _name, body in templates:
        value = value.replace("{{" + body + "}}", " ")
    return " ".join(value.replace("'''", "").replace("''", "").split())


def _is_label(key: str) -> bool:
    """A template parameter we read ('description', 'date', 'author'); a camera template's
    'sf=1' or 'own=1' is none, and would end up in the caption."""
    return fold(key).rstrip(".") in LABELS


def _wikitext_lines(text: str) -> str:
    # The language mark is this module's own separator: one in the input would be misread
    # (a fuzzed page with a NUL in its description failed here); clean_text drops NULs anyway.
    text = text.replace(_LANGUAGE_MARK, " ")
    lines = []
    for name, body in _templates(text):
        parameters = _split_parameters(body)[1:]
        named = [part.split("=", 1) for part in parameters if "=" in part.split("{{", 1)[0].split("[[", 1)[0]]
        if not named:
            continue
        if name.casefold().startswith(("location", "object location")):
            continue  # coordinates, not a place name
        for key, value in named:
            if "{{" in value and "=" in value:
                # a named parameter of a template inside the value, when it is a label of ours:
                # '|date={{According to Exif data|2022-07-03|location=Moscow}}' names the place
                for _inner, inner_body in _templates(value.strip(), limit=4):
                    for part in _split_parameters(inner_body)[1:]:
                        inner_key, _, inner_value = part.partition("=")
                        if inner_value.strip() and "{{" not in part and _is_label(_label(inner_key.strip())):
                            lines.append(f"{_label(inner_key.strip())}: {_plain(inner_value)}")
            plain = _plain(value)
            if plain.startswith(_LANGUAGE_MARK):  # '{{fr|1=…}}': the text, and its language
                _, language, plain = plain.split(_LANGUAGE_MARK, 2)
                if not any(line.startswith("language: ") for line in lines):
                    lines.append(f"language: {language}")
            if plain and key.strip() and _is_label(_label(key.strip())):
                lines.append(f"{_label(key.strip())}: {plain}")
    if not lines:
        return text
    # Text outside the templates (a pasted file page's headings and categories aside) stays.
    rest = text
    for _name, body in _templates(text):
        rest = rest.replace("{{" + body + "}}", "\n")
    kept = [
        line
        for line in rest.split("\n")
        if line.strip() and not _HEADING_RE.match(line) and not line.strip().startswith("[[")
    ]
    return "\n".join(lines + kept)
