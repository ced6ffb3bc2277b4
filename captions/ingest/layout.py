"""First pass over a caption block: sort every line into fields, sizes, notices and prose.

PURE: no Django import. Agencies lay the same facts out in many ways — 'Label: value' on one
line (Getty, AP, EFE), 'Label:' then the value on the next line (Alamy pages),
'Label        : value' (exiftool), 'Label<TAB>value' (Wikimedia Commons tables pasted
from a browser) — so the pass recognises a label only when it is a known one (see
captions/data/caption_labels.json); anything else that reads like sentences is prose.

Prose is grouped in paragraphs. The caption is an explicit caption field, or else the first
prose paragraph; later prose (a news article pasted under the block, the second language of
a bilingual block) is kept apart and never mixed into the caption.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from captions.core import dates
from captions.core.places import find_country, is_town_name
from captions.core.text import alternation, compile_guarded, fold, lazy_compile

from .lexicon import (
    ARCHIVE_LEVELS,
    BOILERPLATE,
    CAMERA_DESCRIPTIONS,
    EXIFTOOL_NOT_LABELS,
    GALLERY_COUNTER_INITIALS,
    GALLERY_COUNTER_LINE_RE,
    HEADERS,
    LABELS,
    LONGEST_LABEL,
    LOWER_LETTERS,
    PAGE_NOTES,
    PICTURE_PLACEHOLDERS,
    UPPER_LETTERS,
    load_data,
)
from .notices import (
    AGENCY_LINES,
    BARE_LABEL_LINE_RE,
    VIA_NEWS_AGENCY_RE,
    caveats_in,
    credit_patterns_for,
    is_name_agency_line,
    is_rights_notice_credit_line,
    known_notice_prefix,
    may_hold_credit,
    reads_as_sentence,
    search_credit,
    without_sentence_after_bar,
)
from .sizes import SizeFacts, scan_sizes

LINE_LIMIT = 20_000  # characters of one line the pass reads; the rest is noise or an attack
BLOCK_LINE_LIMIT = 2_000  # lines of one block the pass reads

_CONTROL_RE = lazy_compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\u200b\u200e\u200f\ufeff]")
# 'Label: value', 'Label : value', 'Label        : value', 'Label:' (value on the next line). Built
# with %, not an f-string, which would need every brace of the regex doubled.
_LABEL_RE = lazy_compile(r"^([^\W\d][^:：\t]{0,%d}?)\s{0,40}[:：]\s{0,40}(.*)$" % (LONGEST_LABEL + 2))  # noqa: UP031
_TAB_LABEL_RE = lazy_compile(r"^([^\W\d][^\t]{0,%d}?)\t+\s{0,5}(.+)$" % (LONGEST_LABEL + 2))  # noqa: UP031
_EXIFTOOL_RE = lazy_compile(r"^[A-Za-z][\w /()\-.#]{1,45}?\s{2,60}:\s")
# `exiftool -G` prefixes every line with its group: '[IPTC]          City   : Hamburg'.
_EXIFTOOL_GROUP_RE = lazy_compile(r"^\[[A-Za-z][\w-]{1,24}\]\s{1,40}")
_FILE_NAME_RE = lazy_compile(
    r"^(?:"
    + alternation(load_data("caption_labels.json")["file_page_labels"])
    + r")\s?:\s?\S.{0,200}\.(?:jpe?g|png|tiff?|gif|webp|heic|dng|svg)\s*$",
    re.IGNORECASE,
)
# a file's name alone, as exiftool heads a file's listing with it ('======== IMG_0042.JPG')
_BARE_FILE_NAME_RE = lazy_compile(
    r"^(?:=+\s?)?[^\s/\\]{1,200}\.(?:jpe?g|png|gif|tiff?|heic|heif|webp|dng|raw|nef|cr2|arw|psd|bmp)$", re.IGNORECASE
)
_ELLIPSIS = ("...", "…")
_MARKDOWN_HEADING_RE = lazy_compile(r"#{1,6} ")
_CREDIT_LINE_START_RE = lazy_compile(
    r"\(|©|copyright|copyr?\.|cop\.|photo|foto|bild|picture|image|crédit|credit|mandatory|obligatorische"
    r"|reuters|efe|afp|ap\b|dpa|imago|ansa|epa|keystone|xinhua|[^\s/]{1,40}\s?/",
    re.IGNORECASE,
)
_NOTICE_START_RE = lazy_compile(
    r"^(?:editorial|for editorial|restricted|restrictions|mandatory|embargo|sperrfrist|nur\s|"
    r"redaktionell|obligatorische|credit obligatoire|credito obligatorio|usage|utilisation|uso|solo\s|sólo\s|"
    r"releases?\b|model release|not released|no model|no sales|rights managed|royalty|"
    r"this image|dieses bild|cette image|esta imagen|note to editors|hinweis|attention|achtung|atencion|"
    r"not for publication|not to be published|nicht vor|ne pas publier|no publicar|sous embargo|embargado"
    # a credit's prescribed wording ('Credit line must read: ...', 'Photo credit must read ...')
    r"|(?:photo\s|picture\s)?credit(?:\sline)?\smust\sread)",
)


@dataclass
class FieldValue:
    value: str
    rank: int
    line: int
    label: str


@dataclass
class BlockScan:
    """Everything the first pass found, in block order."""

    fields: dict[str, list[FieldValue]] = field(default_factory=dict)
    paragraphs: list[list[str]] = field(default_factory=list)
    #: index into `paragraphs` of paragraphs that follow a 'Description' header
    described: set[int] = field(default_factory=set)
    #: id() of each paragraph that follows the one before it with only blank lines between
    #: (no label, size line, notice or credit line: the same text going on)
    continued: set[int] = field(default_factory=set)
    #: the first line of the paragraphs a description goes on in (assemble._description_goes_on):
    #: the caption's date and place are sought before it first
    continuation: str | None = None
    sizes: list[SizeFacts] = field(default_factory=list)
    notices: list[str] = field(default_factory=list)
    notice_tags: set[str] = field(default_factory=set)
    cut_notice: str | None = None
    #: a credit the page cut off after the caption's last sentence ('... in Augusta, Maine. (A...')
    cut_credit: str | None = None
    #: the block was a record of data (JSON, an object literal, XMP, an exiftool listing), not text
    data_record: bool = False
    #: a JSON or XMP record that stops before its end: its last characters (records.read_record)
    cut_record: str | None = None
    credit_lines: list[str] = field(default_factory=list)
    label_votes: dict[str, float] = field(default_factory=dict)
    structured_lines: list[str] = field(default_factory=list)
    exiftool: bool = False
    #: a library or museum record written without colons (see _catalogue_lines): its title
    #: is the description of the picture
    catalogue: bool = False
    #: an image id alone on a line over a pasted page's caption ('RTS3IXMK')
    page_ids: list[str] = field(default_factory=list)
    #: the collection that holds the picture, on a line of its own ('Sammlung Jane Roe'): the
    #: credit when the block names no photographer or agency
    collections: list[str] = field(default_factory=list)
    #: a catalogue page of unlabelled values, one to a line, around one description
    value_list: bool = False
    #: a dateline closing the caption on its own line, kept for the place ('BERLIN 28.03.1970')
    closing_dateline: str | None = None
    #: the caption opens with a wire's dateline naming its agency ('URUMQI, Sept. 22, 2023 (Xinhua)
    #: -- ...'): the place the story was filed from, the caption's own slot says where the picture is
    filed_dateline: bool = False
    #: a place alone on its line under the caption, its date beside it or not ('Sassnitz,
    #: Germany', 'Sète, France, 3 mai 2019'): (the place, the line)
    place_line: tuple[str, str] | None = None
    #: the text of a credit line of its own beside the caption ('7. Dezember, Bundeshaus, Bern.')
    side_places: list[str] = field(default_factory=list)
    #: a blog's post date on the line over the post ('Wednesday, January 2, 2008'): a date only
    #: when nothing else dates the block
    post_date: str | None = None
    #: a region and its country on their own line over the caption ('West Sussex, Reino Unido')
    place_headings: list[str] = field(default_factory=list)
    #: the first line of the paragraph under a picture's loading placeholder ('Bild wird
    #: geladen'): the picture's caption, the text above it the page's
    picture_caption: str | None = None
    #: the first line of the paragraph right over the block's first size line, no blank between
    #: (a stock page's caption over its 'W x H px | ... | 300dpi' line)
    over_size: str | None = None

    def add_field(self, name: str, value: str, rank: int, line: int, label: str) -> None:
        self.fields.setdefault(name, []).append(FieldValue(value, rank, line, label))

    def best(self, name: str) -> FieldValue | None:
        values = self.fields.get(name)
        if not values:
            return None
        if len(values) == 1:
            return values[0]
        return min(values, key=lambda item: (item.rank, item.line))


# Markup of a block copied from a page's source ('<p>… REUTERS/Daniel Becerril</p>'): a tag
# is never caption text.
_HTML_TAG_RE = lazy_compile(
    r"</?(?:p|br|div|span|b|i|em|strong|a|li|ul|ol|h[1-6]|td|tr|table)\b[^<>\n]{0,300}>", re.IGNORECASE
)


def clean_text(text: str) -> str:
    """Normalise newlines, drop control characters and HTML tags; tabs survive (Commons tables)."""
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    if "<" in text:
        text = _HTML_TAG_RE.sub(" ", text)
    if " |\n" in text or "\n|\n" in text:
        # a table pasted from a page, one cell to a line, each closed by its border ('Loc: |',
        # '|', 'London, 576, UNITED KINGDOM |'): the cells are the lines, a border alone a blank
        text = _CELL_BORDER_RE.sub("", text)
    return _CONTROL_RE.sub("", text)


_CELL_BORDER_RE = lazy_compile(r"[ \t]{1,8}\|[ \t]{0,8}$|^[ \t]{0,8}\|[ \t]{0,8}$", re.MULTILINE)


def _lookup_label(candidate: str):
    key = fold(candidate.strip().rstrip(".").strip())
    if len(key) > LONGEST_LABEL + _GLOSS_REACH:
        return None, key
    known = LABELS.get(key) if len(key) <= LONGEST_LABEL else None
    if known is None and key.endswith(")") and "(" in key:
        # a label with its gloss in another language after it: 'Freigaben (Releases)'
        known = LABELS.get(key[: key.index("(")].strip())
    if known is None and key[:1] in _CAPTION_WORD_INITIALS and " " in key:
        # a caption's label and what it is the caption of: 'Légende de la carte postale',
        # 'Caption of the photo', 'Leyenda de la postal', 'Bildunterschrift zum Foto'
        first, _, rest = key.partition(" ")
        link = rest.split(" ", 1)[0]
        if first in _CAPTION_WORDS and (link in _CAPTION_LINKS or link.startswith("d'")) and len(rest.split()) <= 4:
            known = LABELS.get(first)
    return known, key


# (folded, as _lookup_label's key)
_CAPTION_WORDS = frozenset(["legende", "caption", "leyenda", "bildunterschrift", "bildlegende", "bildtext"])
_CAPTION_WORD_INITIALS = frozenset(word[:1] for word in _CAPTION_WORDS)
_CAPTION_LINKS = frozenset(["de", "du", "des", "of", "for", "to", "del", "zum", "zur", "der"])  # and "d'"


_GLOSS_REACH = 20  # characters a parenthesised gloss may add to a label


def _has_notice_shape(line: str, folded: str) -> bool:
    """Does a line read like a notice? One that also carries caveats is one, not a caption
    sentence mentioning them."""
    if _NOTICE_START_RE.match(folded):
        return True
    # 'Police restricted access after the oil embargo debate.' is a caption; a short line
    # or one in capitals ('NO ARCHIVES. EDITORIAL USE ONLY') is a notice.
    return line.count(" ") < 6 or line.isupper()


def _is_size_line(line: str, facts: SizeFacts) -> bool:
    """A pasted size line, not a caption that mentions a '3 x 2 cm' stamp or '4000 dpi'."""
    if facts.width_px or facts.bad_pixels:
        return True
    first = line.lstrip("( ")[:1]
    if first.isdigit() or "|" in line:
        return True
    return sum(1 for word in line.split() if word.isalpha()) <= 6


def _vote(scan: BlockScan, languages: tuple[str, ...]) -> None:
    if not languages:
        return
    weight = 1.0 / len(languages)
    for language in languages:
        scan.label_votes[language] = scan.label_votes.get(language, 0.0) + weight


_LINE_SPACE = " \t\u00a0\u202f\u2009"
_BULLETS = frozenset({"- ", "• ", "* ", "– "})
_NOTICE_FIELDS = frozenset({"restrictions", "releases", "more_info", "embargo"})
_CACHEABLE = 400  # lines up to this long are memoised: labels and notices recur in every block
_DESCRIPTION_HEADERS = frozenset({"description", "beschreibung", "descripcion"})


# A wire's territory and market line, each item a market in capitals and 'OUT' ('CZECH REPUBLIC
# OUT,SLOVAKIA OUT', 'MAGS OUT; TV OUT', 'NO ARCHIVES, MAGS OUT'): where the picture may not go, a
# notice without a caveat tag (SPEC: territory tokens map to no tag), never caption text
_TERRITORY_ITEM = r"[A-Z][A-Z.'&-]{0,20}(?: [A-Z][A-Z.'&-]{0,20}){0,3}"
_TERRITORY_OUT_RE = lazy_compile(
    r"^(?:" + _TERRITORY_ITEM + r"\s{0,2}[,;/]\s{0,2}){0,12}" + _TERRITORY_ITEM + r" OUT\.?$"
)


def _classify_uncached(line: str, exiftool: bool) -> tuple:
    """What one stripped, non-empty line is, independent of its neighbours.

    ('rule',) | ('ignored',) | ('label', field, languages, rank, value, key, inline)
    | ('header', languages, is_description) | ('size', facts) | ('notice', tags, known)
    | ('credit',) | ('heading', title, reference) | ('prose',)
    """
    if line.strip("-–—=_*~ ") == "" or (line[:1] in "FfDdAa" and _FILE_NAME_RE.match(line)):
        return ("rule",)
    if len(line) <= 200 and _BARE_FILE_NAME_RE.match(line):
        return ("rule",)  # a file's name alone on its line ('165-Hotel_Views.jpg' over its listing): no text
    if line[:1] == "#" and _MARKDOWN_HEADING_RE.match(line):
        return ("rule",)  # '## Immutable source master': a Markdown page's heading, no caption
    if line[:2] in _BULLETS:
        # '- Credit: Sputnik': a label in a bulleted list is the label
        inner = _classify_uncached(line[2:].lstrip(), exiftool)
        if inner[0] == "label":
            return inner
    if line[:1] in _LEVEL_INITIALS and " - " in line[:120]:
        heading = _ARCHIVE_HEADING_RE.match(line)
        if heading:
            return ("heading", heading.group("title").strip(), heading.group("id"))
    if line[:1] in _LEVEL_INITIALS and len(line) <= 80:
        level_id = _LEVEL_ID_LINE_RE.match(line)
        if level_id and not _YEAR_ID_RE.match(level_id.group("id")):
            return ("heading", "", level_id.group("id"))  # 'Item 25737': the record's number alone
    match = _LABEL_RE.match(line) if (":" in line or "：" in line) else None
    known = None
    if match:
        known, key = _lookup_label(match.group(1))
        if exiftool and (known is None or key in EXIFTOOL_NOT_LABELS) and _EXIFTOOL_RE.match(line):
            return ("ignored",)  # exiftool's 'Image Number' is the camera's counter, not an agency id
    if known is None and "\t" in line:
        tab = _TAB_LABEL_RE.match(line)
        if tab:
            known, key = _lookup_label(tab.group(1))
            if known is not None:
                match = tab
    if known is not None:
        name, languages, rank = known
        value = match.group(2).strip()
        return ("label", name, languages, rank, value, key, bool(value))
    if match and not match.group(2) and key in HEADERS:
        return ("header", HEADERS[key], key in _DESCRIPTION_HEADERS)  # 'Nivel de descripción:'
    if len(line) <= 60 and not match:
        dated = _dated_label(line)
        if dated is not None:
            return dated
    folded = fold(line) if len(line) < 3000 else fold(line[:3000])
    if folded in BOILERPLATE or folded.startswith(PAGE_NOTES):
        return ("ignored",)
    if len(folded) <= 60 and _is_page_control(folded):
        return ("ignored",)
    if folded in HEADERS:
        return ("header", HEADERS[folded], folded in _DESCRIPTION_HEADERS)
    facts = scan_sizes(line, bare_pairs_are_pixels=False)
    if facts is not None and _is_size_line(line, facts):
        return ("size", facts)
    known_notice = known_notice_prefix(folded)
    # A notice-shaped line (_has_notice_shape) needs its caveat tags to decide; any other
    # line is a notice only when it is a standing one. Most caption lines are neither, and
    # skip the caveat search.
    if known_notice or _has_notice_shape(line, folded):
        tags = caveats_in(folded)
        if known_notice or tags:
            return ("notice", tags, known_notice)
    if len(line) < 300 and line[-3:].upper() in ("OUT", "UT.") and _TERRITORY_OUT_RE.match(line):
        return ("notice", frozenset(), None)  # 'CZECH REPUBLIC OUT,SLOVAKIA OUT', 'MAGS OUT': territory
    if len(line) < 200 and _is_credit_line(line):
        return ("credit",)
    if line[:1] == "*" and line[1:2].isalpha():
        # a footnote's asterisk glued to a notice or a credit line ('*Credit line must read: ...')
        inner = _classify_uncached(line[1:], exiftool)
        if inner[0] in ("notice", "credit"):
            return inner
    if line[:1] in "PF" and len(line) <= 80 and BARE_LABEL_LINE_RE.fullmatch(line):
        return ("credit",)  # 'PHOTO JANE ROE, LA PRESSE' over or under the caption
    if len(line) <= 120 and " " in line and _opens_label(line.split(None, 1)[0]):
        credit = _bare_credit_line(line)
        if credit is not None:
            return credit
    if (line[-1:].isdigit() or line[-1:] == "s") and len(line) <= 160 and line.count(",") >= 2:
        maker = _maker_line(line)
        if maker is not None:
            return maker
    if line in AGENCY_LINES:
        # an agency's name alone on its line, over or under the caption ('AP', 'Keystone'):
        # the picture's credit, never a heading of the caption
        return ("credit",)
    if line[:1].isupper() and len(line) <= 120 and line.count("-") >= 2 and _is_slug_line(line):
        return ("ignored",)
    return ("prose",)


# A wire's slug line: keywords in capitals joined by hyphens, three or more, and a desk's tag in
# brackets or not ('CHINA-HEBEI-NUEVA AREA DE XIONG’AN-DESARROLLO', 'CHINA-XINJIANG-COTTON
# PICKERS-SPECIAL TRAIN (CN)', 'BRITAIN-US-ENT-MUSIC-JACKSON'): filing furniture over or under the
# caption, no caption text
_SLUG_PART = r"[A-ZÀ-ÞĀ-Ž\d][A-ZÀ-ÞĀ-Ž\d.’'&]{0,30}"
_SLUG_LINE_RE = lazy_compile(
    r"(?P<first>" + _SLUG_PART + r")(?: " + _SLUG_PART + r"){0,4}"
    r"(?:-" + _SLUG_PART + r"(?: " + _SLUG_PART + r"){0,4}){2,9}(?P<tag> \([A-Z]{2,3}\))?"
)


def _is_slug_line(line: str) -> bool:
    """A slug line (_SLUG_LINE_RE), told from a hyphenated town or name in capitals
    ('SAINT-JEAN-DE-LUZ', 'J.-P. LEMAÎTRE-ROE'): its first keyword is a country, or the desk's tag
    closes it."""
    match = _SLUG_LINE_RE.fullmatch(line)
    return match is not None and (bool(match.group("tag")) or find_country(match.group("first")) is not None)


def _bare_credit_line(line: str) -> tuple | None:
    """A credit label of two words or more opening its line, no colon, before a value in
    capitals that is no sentence ('Credit Line Gift of Jane Roe', 'Photo credit Jane Roe',
    'Crédit photo Jean Exemple', 'Foto/Quelle Anna Beispiel'): the credit field, as with the colon. A one-word label
    ('Credit ...', 'Source ...') could open a sentence and is not read so."""
    bare = None
    if ", " in line[:40]:
        # (a comma after the label, as the BBC's pages print it: 'Crédit photo, Getty Images',
        # 'Fuente de la imagen, Jane Roe')
        head, _, value = line.partition(", ")
        known = _lookup_label(head)[0] if " " in head else None
        bare = (known, head, value) if known is not None else None
    bare = bare or bare_label(line)
    if bare is None:
        return None
    (name, languages, rank), label, value = bare
    if name != "credit" or not (" " in label or "/" in label) or not value[:1].isupper() or reads_as_sentence(value):
        return None
    return ("label", name, languages, rank, value, fold(label), True)


def _nationality_words() -> frozenset[str]:
    words = set()
    for by_language in load_data("nationalities.json")["adjectives"].values():
        for language, adjectives in by_language.items():
            for adjective in adjectives:
                word = fold(adjective)
                words.add(word)
                if language == "de" and word.endswith("sch"):  # (-isch stems and deutsch)
                    words.update(word + ending for ending in ("e", "en", "er", "es", "em"))
    return frozenset(words)


_NATIONALITIES = _nationality_words()
# A museum's line for the maker of a work: a name, a nationality, a life or an active span
# ('Jane Example, American, 1881 - 1940', 'Publisher, American, active 1890s', 'Anna Beispiel,
# deutsch, 1881–1940').
_MAKER_LINE_RE = lazy_compile(
    r"(?P<name>[^\W\d][^,\d]{1,80}), (?P<nationality>[^\W\d][^,\d]{2,40}), "
    r"(?:(?:active|aktiv|actif|active|activo|activa|born|b\.|geb\.|né|née|nacido|nacida|c\.|ca\.|about|um|vers|hacia)\s)?"
    r"\d{4}s?(?:\s?[-–—]\s?\d{4}s?)?"
)


def _maker_line(line: str) -> tuple | None:
    """A maker line (see _MAKER_LINE_RE): a person's name is the creator, a role's ('Publisher')
    says nothing of the picture; its years are a life, never the picture's date."""
    match = _MAKER_LINE_RE.fullmatch(line)
    if match is None or fold(match.group("nationality").strip()) not in _NATIONALITIES:
        return None
    name = match.group("name").strip()
    if " " not in name:
        return ("ignored",)
    return ("label", "creator", (), 90, name, "maker line", True)


# An archival description's heading: its level, its reference, a dash, its title ('Item
# 19790400_AR_22 - Ayuntamiento de Málaga ...', 'File 3 - Old Library'), as AtoM prints it.
_ARCHIVE_HEADING_RE = lazy_compile(
    r"(?:%s)\s(?P<id>[^\s]{0,60}\d[^\s]{0,60})\s-\s(?P<title>\S.{1,%d})$"  # noqa: UP031
    % ("|".join(re.escape(level) for level in sorted(ARCHIVE_LEVELS, key=len, reverse=True)), LINE_LIMIT)
)
_LEVEL_INITIALS = frozenset(level[:1] for level in ARCHIVE_LEVELS)
# A level's word and the record's number alone on a line under its title, as a catalogue page
# prints it ('Item 25737', 'Item 25737   info' with the page's button after it): the record's id.
# A year is no number of a record ('Collection 2019').
_LEVEL_ID_LINE_RE = lazy_compile(
    r"(?:%s)\s(?:#\s?|No\.\s?|Nr\.\s?)?(?P<id>[A-Za-z0-9]{0,20}\d[\w.\-/]{2,30})(?:\s{2,}[a-z]{2,12})?$"  # noqa: UP031
    % "|".join(re.escape(level) for level in sorted(ARCHIVE_LEVELS, key=len, reverse=True))
)
_YEAR_ID_RE = lazy_compile(r"(?:1[5-9]|20)\d\d(?:s|er)?$")

_classify_cached = lru_cache(maxsize=32768)(_classify_uncached)

# The icons a page prints around its buttons ('‹ Previous', 'Next ›', '« Zurück', '+ Zoom', '×').
# (fold has made '«' and '»' straight quotes)
_ICONS = ' ‹›«»"<>×✕+→←↗▶◀►◄|•·()[]'


def _is_page_control(folded: str) -> bool:
    """A button or a gallery's counter alone on its line, a page's icons around it or not."""
    bare = folded.strip(_ICONS)
    if not bare:
        return False
    if bare != folded and bare in BOILERPLATE:
        return True
    if (bare[:1].isdigit() or bare[:1] in GALLERY_COUNTER_INITIALS) and GALLERY_COUNTER_LINE_RE.fullmatch(bare):
        return True
    if " | " in bare or " · " in bare or " • " in bare:
        # a bar of buttons on one line ('License photo | Permalink', 'Partager · Imprimer'): every
        # part a button
        parts = [part.strip(_ICONS) for part in _BUTTON_SEPARATOR_RE.split(bare)]
        return len(parts) >= 2 and all(part in BOILERPLATE for part in parts)
    return False


_BUTTON_SEPARATOR_RE = lazy_compile(r" [|·•] ")


_DATE_FIELDS = frozenset(["date", "date_ignored", "date_digitized"])
_DATE_LINKS = (" on ", " am ", " le ", " el ")


def _dated_label(line: str) -> tuple | None:
    """'Taken on January 29, 2020', 'Uploaded on January 28, 2010', 'Aufgenommen am 3. Mai
    2020': a date label, a linking word, a date (photo-sharing pages write no colon)."""
    for link in _DATE_LINKS:
        cut = line.find(link)
        if 0 < cut <= 30:
            value = line[cut + len(link) :].strip()
            known, key = _lookup_label(line[:cut])
            if known is not None and known[0] in _DATE_FIELDS and any(char.isdigit() for char in value):
                name, languages, rank = known
                return ("label", name, languages, rank, value, key, True)
            return None
    return None


def classify(line: str, exiftool: bool = False) -> tuple:
    if len(line) <= _CACHEABLE:
        return _classify_cached(line, exiftool)
    return _classify_uncached(line, exiftool)


@lru_cache(maxsize=8192)
def _is_label_line(line: str, exiftool: bool) -> bool:
    """Is this line a known label or a header? (Cheaper than `classify`: the line after an
    empty label is usually its value, and only this question decides that.)"""
    if line[:2] in _BULLETS:
        line = line[2:].lstrip()
    if ":" in line or "：" in line:
        match = _LABEL_RE.match(line)
        if match and _lookup_label(match.group(1))[0] is not None:
            return True
    if "\t" in line:
        tab = _TAB_LABEL_RE.match(line)
        if tab and _lookup_label(tab.group(1))[0] is not None:
            return True
    return len(line) < 60 and fold(line) in HEADERS


def _looks_like_exiftool(lines: list[str]) -> bool:
    """Three 'Tag Name     : value' lines among the first 60 (stops at the third)."""
    found = 0
    for line in lines[:60]:
        if " : " in line and _EXIFTOOL_RE.match(_EXIFTOOL_GROUP_RE.sub("", line, count=1)):
            found += 1
            if found == 3:
                return True
    return False


def scan_block(text: str) -> BlockScan:
    """Sort the lines of one block (see the module docstring)."""
    scan = BlockScan()
    lines = text.split("\n", BLOCK_LINE_LIMIT)[:BLOCK_LINE_LIMIT]
    # (a numbered line opens the text or follows a newline with a digit: the cheap test first)
    if (text[:1].isdecimal() or _NEWLINE_DIGIT_RE.search(text)) and _NUMBERED_LINE_RE.search(text):
        lines = [_without_area_number(line) if line[:1].isdigit() else line for line in lines]
    if ":\n" in text or text.rstrip().endswith(":"):
        lines = _split_glued_labels(lines)
    if (":" in text and _MAY_HOLD_RECORD_RE.search(text)) or " | " in text:
        lines = _split_records(lines)
    if " - (" in text or ") - " in text:
        lines = _split_dashed_fields(lines)
    if text.count(" - ") + text.count(" = ") + text.count(" – ") >= 2:
        lines = _dash_labels(lines)
    if "\n- " in text or "\n• " in text:
        lines = _bulleted_pairs(lines)
    if ": " in text:
        # (no search of the whole block first: it cost more than the lines' own searches,
        # which are memoised, and a line holds a match only where the block does)
        lines = _split_tails(lines)
    lines, scan.catalogue = _catalogue_lines(lines)
    exiftool = scan.exiftool = _looks_like_exiftool(lines)
    paragraph: list[str] = []
    paragraph_described = False
    pending_description = False
    pending_picture = False  # a picture's loading placeholder stood since the last paragraph
    structured_since = False  # a line other than prose and blanks since the last paragraph
    index = 0
    count = len(lines)
    # The loop runs for every line of every block: the paragraph bookkeeping, the vote and
    # the cache lookup are written out here rather than in small helpers, whose calls cost
    # more than their work.
    paragraphs = scan.paragraphs
    structured_lines = scan.structured_lines
    votes = scan.label_votes

    def stripped(position: int) -> str:
        line = lines[position][:LINE_LIMIT].strip(_LINE_SPACE)
        if line[:1] == "[":
            line = _EXIFTOOL_GROUP_RE.sub("", line, count=1)
        return line

    while index < count:
        line = lines[index][:LINE_LIMIT].strip(_LINE_SPACE)
        if line[:1] == "[":
            line = _EXIFTOOL_GROUP_RE.sub("", line, count=1)
        index += 1
        if line:
            kind = _classify_cached(line, exiftool) if len(line) <= _CACHEABLE else _classify_uncached(line, exiftool)
            tag = kind[0]
            if tag == "prose":
                if not paragraph:
                    paragraph_described = pending_description
                    pending_description = False
                    if pending_picture:
                        scan.picture_caption = line  # the first line under the picture's placeholder
                        pending_picture = False
                    if paragraphs and not structured_since:
                        scan.continued.add(id(paragraph))
                    structured_since = False
                paragraph.append(line)
                continue
        # A blank line ends the paragraph, and so does every kind of line but prose.
        if paragraph:
            if paragraph_described:
                scan.described.add(len(paragraphs))
            if line and tag == "size" and not scan.sizes and scan.over_size is None:
                scan.over_size = paragraph[0]
            paragraphs.append(paragraph)
            paragraph = []
        if not line:
            continue
        structured_since = True
        structured_lines.append(line)
        if tag == "ignored" and len(line) <= 40 and scan.picture_caption is None and fold(line) in PICTURE_PLACEHOLDERS:
            pending_picture = True
        if tag == "label":
            _, name, languages, rank, value, key, inline = kind
            if languages:
                weight = 1.0 / len(languages)
                for language in languages:
                    votes[language] = votes.get(language, 0.0) + weight
            if not value:
                # 'Aufnahmedatum:' then the value on the next non-empty line (Alamy pages).
                look = index
                while look < count and not lines[look].strip():
                    look += 1
                if look < count:
                    candidate = stripped(look)
                    if not _is_label_line(candidate, exiftool):
                        value = candidate
                        index = look + 1
            if name == "caption" and value:
                # The caption field may go on: wrapped lines up to the next label/blank line.
                while index < count:
                    follow = stripped(index)
                    if not follow or _is_label_line(follow, exiftool) or (exiftool and _EXIFTOOL_RE.match(follow)):
                        break  # (any exiftool tag ends the caption, known to us or not)
                    value = value + "\n" + follow
                    index += 1
            if name == "caption" and not value:
                pending_description = True
            if name == "caption" and exiftool and fold(value) in CAMERA_DESCRIPTIONS:
                # a camera's default ImageDescription ('DCF 1.0', 'OLYMPUS DIGITAL CAMERA') in a
                # dump: no description; the dump's other caption fields are read
                continue
            scan.add_field(name, value, rank, index, key)
            if name in _NOTICE_FIELDS and value:
                _note_notice(scan, value, verbatim=line if inline else value)
        elif tag == "heading":
            # the archive's title for the record, below any labelled title; its reference
            if kind[1]:
                scan.add_field("headline", kind[1], 90, index, "archive heading")
            scan.add_field("heading_id", kind[2], 0, index, "archive heading")
        elif tag == "header":
            _vote(scan, kind[1])
            pending_description = kind[2]
        elif tag == "size":
            scan.sizes.append(kind[1])
        elif tag == "notice":
            _note_notice(scan, line, tags=kind[1], known=kind[2] or False)
        elif tag == "credit":
            scan.credit_lines.append(line)
        # 'rule' and 'ignored' lines are only structure
    if paragraph:
        if paragraph_described:
            scan.described.add(len(paragraphs))
        paragraphs.append(paragraph)
    if not paragraphs and "restrictions" in scan.fields and _NOTE_CAPTION_FIELDS.isdisjoint(scan.fields):
        _note_as_caption(scan)
    if not paragraphs and len(structured_lines) == 1 and len(scan.fields.get("ignored", ())) == 1:
        _technical_label_as_caption(scan)
    return scan


# A camera's or a file's value: a focal length or an aperture ('24-70mm f/2.8'), a number with a
# unit, or a short name ('Canon EOS 5D Mark IV'); a year alone is none ('Lens : les mineurs ...,
# vers 1950.')
_TECHNICAL_VALUE_RE = lazy_compile(
    r"\d\s?(?:mm|cm|px|dpi|mb|kb|s)\b|\bf/?\s?\d|\biso\s?\d|(?<![\d.,])(?!(?:1[6-9]|20)\d\d(?!\d|[.,]\d))\d{3,}",
    re.IGNORECASE,
)
_CAMERA_LABELS = frozenset(load_data("caption_labels.json")["camera_labels"])
_CAMERA_WORD_VALUE_RE = lazy_compile(
    r"^\s*(?:" + alternation(load_data("caption_labels.json")["camera_word_values"]) + r")\s*(?:,|$)", re.IGNORECASE
)


def _technical_label_as_caption(scan: BlockScan) -> None:
    """A block of one line opening with a technical label's word ('Lens: Les supporters du RC
    Lens fêtent ...': a French town that is also a camera's label): a record of one field holds
    a value of the label's kind (a focal length, a number with a unit, a camera's name), not a
    sentence; a sentence after the word is the block's caption, the word its dateline."""
    item = scan.fields["ignored"][0]
    value = item.value.strip()
    words = value.split()
    if fold(item.label) not in _CAMERA_LABELS or not is_town_name(item.label.strip()):
        return  # a catalogue's or a licence's label, or a camera's that names no town: a label
    if "\n" in value or len(words) < _NOTE_MIN_WORDS or _TECHNICAL_VALUE_RE.search(value):
        return
    if _CAMERA_WORD_VALUE_RE.search(fold(value)):
        return  # exiftool's words for the field's value ('Off, Did not fire', 'Auto, ...', 'Fired, ...')
    if sum(1 for word in words if word[:1].islower()) < 2 or classify(value)[0] != "prose":
        return
    del scan.fields["ignored"]
    line = scan.structured_lines.pop()
    scan.paragraphs.append([line])


_NOTE_LABELS = frozenset(load_data("caption_labels.json")["note_labels"])
_NOTE_USE_WORDS = frozenset(load_data("caption_labels.json")["note_use_words"])
# a record with a caption or a title of its own: its note is the record's, not caption text
_NOTE_CAPTION_FIELDS = frozenset(["caption", "headline"])
_NOTE_PICTURE_SIGNS = load_data("caption_labels.json")["note_picture_signs"]
_NOTE_PICTURE_SIGN_RE = lazy_compile(
    r"\b(?:" + alternation({fold(sign) for signs in _NOTE_PICTURE_SIGNS.values() for sign in signs}) + r")\b"
)
_NOTE_MIN_WORDS = 4  # 'No archives', 'Honorarpflichtig': terms, not a sentence about the picture


def _note_as_caption(scan: BlockScan) -> None:
    """A block whose only text is a note ('Note: the photo was taken in Lyon, France, in
    1950.', 'HINWEIS: Das Bild zeigt den Marktplatz in Bonn, 1962.'): the note describes the
    picture, its caption, where it says what the picture shows (caption_labels.json
    note_picture_signs) and the block has no caption or title of its own. A cataloguer's,
    a correction's or a provenance note ('Notes: Gift of the family of the photographer,
    1985.', 'NOTE: Recasts caption ...') stays a notice. A note that restricts use ('Note:
    editorial use only', 'HINWEIS: Nur für redaktionelle Verwendung') carries a caveat or a
    standing notice and stays a notice."""
    notes = scan.fields["restrictions"]
    for item in notes:
        value = item.value.strip()
        if fold(item.label) not in _NOTE_LABELS or "\n" in value or len(value.split()) < _NOTE_MIN_WORDS:
            continue
        folded = fold(value[:3000])
        if caveats_in(folded) or known_notice_prefix(folded) or _NOTICE_START_RE.match(folded):
            continue
        if not _NOTE_USE_WORDS.isdisjoint(re.findall(r"\w+", folded)):
            continue
        if not _NOTE_PICTURE_SIGN_RE.search(folded):
            continue  # no sign that the note says what the picture shows: a notice
        if classify(value)[0] != "prose":
            continue
        notes.remove(item)
        if not notes:
            del scan.fields["restrictions"]
        for position, notice in enumerate(scan.notices):
            if notice.endswith(value):
                del scan.notices[position]
                break
        scan.paragraphs.append([value])
        return


# A label glued to the value before it, ending its line: a page whose fields were laid out
# beside each other and copied without line breaks ('Mark Kerrison / Alamy Stock PhotoImage ID:',
# '2D9GJ5JFile size:', '... | 300dpiDate taken:', '... DownloadFreigaben (Releases):').
_GLUED_TAIL_RE = lazy_compile(r"(\S{2,60}(?: \S{1,30}){0,6})[:：]\s{0,5}$")


def _split_glued_labels(lines: list[str]) -> list[str]:
    result: list[str] = []
    for line in lines:
        if line.rstrip()[-1:] in (":", "：") and len(line) <= LINE_LIMIT:
            result.extend(_glued_label(line))
        else:
            result.append(line)
    return result[:BLOCK_LINE_LIMIT]


@lru_cache(maxsize=4096)
def _glued_label(line: str) -> tuple[str, ...]:
    """The value, then the known label glued to its end on a line of its own; the line as it
    is when no known label starts inside its last word (a whole label line stays whole)."""
    match = _GLUED_TAIL_RE.search(line.rstrip())
    if not match:
        return (line,)
    tail = match.group(1)
    start = 0  # where the word being tried starts in `tail`
    for word in tail.split(" "):
        for cut in range(start + 1, start + len(word)):
            if tail[cut].isupper() and _lookup_label(tail[cut:])[0] is not None:
                return (line[: match.start(1) + cut].rstrip(), tail[cut:] + ":")
        start += len(word) + 1
    return (line,)


# 'Label : value' inside a line: the label is the 1-4 words before a colon.
_INNER_LABEL_RE = lazy_compile(
    r"(?:(?<=\s)|(?<=\|))((?:[^\W\d][\w'’./-]{0,30}\s){0,3}[^\W\d][\w'’./-]{0,30})\s{0,3}:(?=\s|$)"
)


# A label glued to the value before it inside a record line: a digit, a lower-case letter (of any
# Latin script: 'ŁódźBildnr.:') or a full stop or a placeholder's '?', then a capital (Latin-1, as
# the labels are) opening one to four words and a colon ('1965Ort:', 'KölnBildnr.:', '19??Ort:').
_GLUE_HINT_RE = lazy_compile(r"[0-9" + LOWER_LETTERS + r".)?][A-ZÀ-ÖØ-Þ][\w'’./-]{0,30}(?: [\w'’./-]{1,30}){0,3}\s?:")
_GLUED_INNER_LABEL_RE = lazy_compile(
    r"(?<=[0-9" + LOWER_LETTERS + r".)?])([A-ZÀ-ÖØ-Þ][\w'’./-]{0,30}(?: [\w'’./-]{1,30}){0,3}?)\s{0,3}:(?=\s|$)"
)


# A line with two colons, or a colon and a bar after it: the only lines _split_records splits
# (one C-speed search spares the per-line loop for most blocks).
_MAY_HOLD_RECORD_RE = lazy_compile(r":[^\n:]*:|:[^\n]* \| ")


# A label after the caption's last sentence, on its line: '... girdle.     Date: 1935', '...
# Endeavor. Local Identifier: 330-CFD-....jpeg, NAID: 6503275.', '... Building. 64-PR-20-1, NAID:
# 74228254' (a catalogue's fields pasted after its description).
_TAIL_LABEL_RE = compile_guarded(
    r"[.!?)](?P<ids>(?:\s{1,10}[\w./-]{1,40},)?)\s{1,10}(?P<label>(?:[A-Z][\w'’./-]{0,30}\s){0,3}[A-Z][\w'’./-]{0,30})\s?:\s"
)
_TAIL_FIELDS = frozenset({"date", "source_id", "ignored"})
_TAIL_REACH = 200  # characters from the label to the end of the line: fields, not a paragraph


def _split_tails(lines: list[str]) -> list[str]:
    result: list[str] = []
    for line in lines:
        if ": " in line and len(line) <= LINE_LIMIT:
            result.extend(_tail_fields(line))
        else:
            result.append(line)
    return result[:BLOCK_LINE_LIMIT]


@lru_cache(maxsize=4096)
def _tail_fields(line: str) -> tuple[str, ...]:
    """The line's prose, then its fields each on a line."""
    for match in _TAIL_LABEL_RE.finditer(line):
        if len(line) - match.start("label") > _TAIL_REACH:
            continue
        known = _lookup_label(match.group("label"))[0]
        if known is None or known[0] not in _TAIL_FIELDS or match.start() < 20:
            continue
        # (an unlabelled number between the sentence and the label, '64-PR-20-1', is the
        # catalogue's local one: neither caption nor the labelled id)
        head = line[: match.start() + 1].rstrip()
        return (head, *_record_fields(line[match.start("label") :].strip(_LINE_SPACE)))
    return (line,)


def _bulleted_pairs(lines: list[str]) -> list[str]:
    """A page's definition list copied as bullets, each label and each value on a line of its own
    ('- Credit' / '- Xinhua / Kyodo News Images' / '- Media size' / '- 4496 × 3000 pixel'): a
    'label: value' line per pair. Only a run of such pairs, two of its labels known ones and no
    value a label; a pair under a label we don't read is the page's furniture and goes, but for
    a size, which stays as a size line."""
    result: list[str] = []
    index = 0
    count = len(lines)
    while index < count:
        if lines[index][:2] not in _BULLETS:
            result.append(lines[index])
            index += 1
            continue
        end = index
        while end < count and lines[end][:2] in _BULLETS:
            end += 1
        run = [line[2:].strip(_LINE_SPACE) for line in lines[index:end]]
        pairs = _definition_pairs(run)
        if pairs is None:
            pairs = _grouped_pairs(run)
        result.extend(pairs if pairs is not None else lines[index:end])
        index = end
    return result[:BLOCK_LINE_LIMIT]


def _definition_pairs(run: list[str]) -> list[str] | None:
    if len(run) < 4 or len(run) % 2 or len(run) > 200:
        return None
    pairs = []
    known = 0
    for label, value in zip(run[::2], run[1::2], strict=True):
        if not label or not value or len(label) > LONGEST_LABEL + 2 or ":" in label.rstrip(":："):
            return None
        if _lookup_label(value.rstrip(":："))[0] is not None:
            return None
        if _lookup_label(label.rstrip(":："))[0] is not None:
            known += 1
            pairs.append(f"{label.rstrip(':：')}: {value}")
        elif any(character.isdigit() for character in value) and scan_sizes(value, bare_pairs_are_pixels=False):
            pairs.append(value)  # 'Media size' / '4496 × 3000 pixel': the size is read as a size line
    return pairs if known >= 2 else None


_GROUP_FIELDS = frozenset({"dimensions", "keywords"})  # fields whose several values each stay a line


def _grouped_pairs(run: list[str]) -> list[str] | None:
    """A definition list where a label may hold several values, each on a bullet of its own
    ('- Subject of' / '- Jane Roe' / '- Unidentified Man' / '- Date' / '- 1890s'): every bullet
    up to the next known label is a value of the label before it. Only a run that opens with a
    known label and holds three of them, no label with its value after a colon (the bullet after
    a label is its value, even a label's word: 'Palabras clave' / 'fuente'); a field read once
    takes its values joined, a size each on its line, an ignored label's values go."""
    if len(run) < 6 or len(run) > 400 or _bare_list_label(run[0]) is None:
        return None
    groups: list[tuple[str, tuple, list[str]]] = []
    for item in run:
        if not item or (":" in item[: LONGEST_LABEL + 2] and _is_label_line(item, False)):
            return None
        known = _bare_list_label(item)
        if known is not None and not (groups and not groups[-1][2]):
            groups.append((item.rstrip(":："), known, []))
        else:
            groups[-1][2].append(item)  # (a label's first value may be a label's word: 'Fuente')
    if len(groups) < 3 or not groups[-1][2]:
        return None
    pairs = []
    for label, (name, _languages, _rank), values in groups:
        if name == "ignored":
            continue
        if name in _GROUP_FIELDS:
            pairs.extend(f"{label}: {value}" for value in values)
        else:
            pairs.append(f"{label}: {'; '.join(values) if name != 'caption' else ' '.join(values)}")
    return pairs


def _bare_list_label(item: str):
    if len(item) > LONGEST_LABEL + 1 or not item[:1].isalpha():
        return None
    return _lookup_label(item.rstrip(":："))[0]


def _split_dashed_fields(lines: list[str]) -> list[str]:
    result: list[str] = []
    for line in lines:
        if (" - (" in line or ") - " in line) and len(line) <= 400:
            result.extend(_dashed_fields(line.strip(_LINE_SPACE)))
        else:
            result.append(line)
    return result[:BLOCK_LINE_LIMIT]


# 'Date - 3 May 2019', 'Photographer = Jane Roe': a known label, a dash or an equals sign, a value
_DASH_LABEL_RE = lazy_compile(r"([^\W\d][^:\t\n]{0,%d}?) [-–=] (\S.*)" % (LONGEST_LABEL + 2))  # noqa: UP031


def _dash_labels(lines: list[str]) -> list[str]:
    """A record written with dashes or equals signs for colons, as old systems and mails do
    ('Date - 3 May 2019' / 'Place - Sassnitz, Germany'): 'label: value', when two lines of the
    block at least open with a known label so (one such line is more likely a caption's
    dash: 'Paris - Le Louvre ...')."""
    found = {}
    for index, line in enumerate(lines[:BLOCK_LINE_LIMIT]):
        stripped = line.strip(_LINE_SPACE)
        if ":" in stripped[: LONGEST_LABEL + 4] or len(stripped) > LINE_LIMIT:
            continue
        match = _DASH_LABEL_RE.fullmatch(stripped)
        if match and _lookup_label(match.group(1).strip())[0] is not None:
            found[index] = f"{match.group(1).strip()}: {match.group(2)}"
    if len(found) < 2:
        return lines
    return [found.get(index, line) for index, line in enumerate(lines)]


_DASH_SPLIT_RE = lazy_compile(r"\s[-–]\s")


@lru_cache(maxsize=4096)
def _dashed_fields(line: str) -> tuple[str, ...]:
    """A record's fields on one line, between dashes, each in parentheses with its label or a
    label and its value ('Año 1953 - (Autor: Jane Roe) - (Fuente: Archivo X)', 'Jahr 1930 -
    (Fotograf: Max Muster)'): a line per field. Only when every part is a known label's field
    and one is in parentheses (a caption with a dash and a parenthesis stays as it is)."""
    parts = [part.strip() for part in _DASH_SPLIT_RE.split(line.strip(" -–"))]
    if not 2 <= len(parts) <= 8:
        return (line,)
    fields = []
    bracketed = 0
    for part in parts:
        if part[:1] == "(" and part[-1:] == ")":
            inner = part[1:-1].strip()
            match = _LABEL_RE.match(inner) if ":" in inner else None
            if match is None or _lookup_label(match.group(1))[0] is None or not match.group(2).strip():
                return (line,)
            fields.append(inner)
            bracketed += 1
            continue
        bare = bare_label(part)
        if bare is None or not bare[2]:
            return (line,)
        fields.append(f"{bare[1]}: {bare[2]}")
    return tuple(fields) if bracketed else (line,)


def _prose_then_fields(line: str) -> tuple[str, ...] | None:
    """A caption and its fields on one line, parted by bars or semicolons, as a picture desk's
    system or a spreadsheet prints them ('Fishermen unload ... | Date: 3 May 2019 | Location:
    Sassnitz, Germany | Credit: ... | 4000 x 3000 px | 300 dpi'): a line per part, when most
    parts after the first are labelled fields or size statements (two at least)."""
    for separator in (" | ", "; "):
        if separator not in line:
            continue
        parts = [part.strip() for part in line.split(separator) if part.strip()]
        if len(parts) < 3 or _is_label_line(parts[0], False) or len(parts[0].split()) < 3:
            continue  # (a size line's parts, '3648 x 2736 px | 30,9 x 23,2 cm | ...', are one line)
        if _is_size_part(parts[0]) or _is_date_part(parts[0]):
            continue
        fields = sum(
            1 for part in parts[1:] if _is_label_line(part, False) or _is_size_part(part) or _is_date_part(part)
        )
        if fields >= 2 and 2 * fields >= len(parts) - 1:
            return tuple(parts)
    return None


def _is_date_part(part: str) -> bool:
    """'3 May 2019', '2019-05-03', '03.05.2019': a date and nothing else."""
    if len(part) > 30 or not part[:1].isalnum() or not any(character.isdigit() for character in part):
        return False
    found = dates.parse_date(part)
    return found is not None and found.start is not None and len(found.text) >= len(part) - 2


def _is_size_part(part: str) -> bool:
    if not any(character.isdigit() for character in part):
        return False
    facts = scan_sizes(part, bare_pairs_are_pixels=False)
    return facts is not None and _is_size_line(part, facts)


def _split_records(lines: list[str]) -> list[str]:
    """One field a line: a record written on one line ('Référence : SPA 2 Z 29 Légende : … Date
    : 14 juillet 1915 Photographe : Fortin Lieu : Paris', 'Bildnummer: 318245091 | 5568 x 3712
    Pixel | 300 dpi') becomes a line per field, so every layout goes through the one label
    reader. Only a line that opens with a known label is split, and only at known labels."""
    result: list[str] = []
    for line in lines:
        if len(line) > 30 and (line.count(":") >= 2 or " | " in line) and len(line) <= LINE_LIMIT:
            result.extend(_record_fields(line.strip(_LINE_SPACE)))
        else:
            result.append(line)
    return result[:BLOCK_LINE_LIMIT]


@lru_cache(maxsize=4096)
def _record_fields(line: str) -> tuple[str, ...]:
    first = _LABEL_RE.match(line)
    known = _lookup_label(first.group(1))[0] if first else None
    if known is None and (" | " in line or "; " in line):
        parts = _prose_then_fields(line)
        if parts is not None:
            return parts
    if known is None and first is not None and first.group(1).split(" ", 1)[0].isupper():
        # 'IMAGE INFO Date Taken: 03.01.2022 Date Posted: ... Photo ID: 7073973 Location: ...':
        # a heading in capitals before the record's first label, on the same line; the heading
        # goes on a line of its own when the rest is a record of two or more known fields
        words = first.group(1).split()
        for start in range(1, len(words)):
            if words[start - 1].isupper() and _lookup_label(" ".join(words[start:]))[0] is not None:
                heading = " ".join(words[:start])
                fields = _record_fields(line[line.index(words[start], len(heading)) :])
                return (heading, *fields) if len(fields) > 1 else (line,)
    if known is None or known[0] in _NOTICE_FIELDS:
        return (line,)  # a notice names other labels in its wording ('... Mandatory credit: UEFA')
    cuts = []
    for match in _INNER_LABEL_RE.finditer(line, first.end(1) + 1):
        words = match.group(1).split()
        # the longest run of the last words that is a known label ('Date de prise de vue')
        for start in range(len(words)):
            candidate = " ".join(words[start:])
            if _lookup_label(candidate)[0] is not None:
                before = words[start - 1] if start else ""
                if candidate[:1].islower() and before[:1].isupper() and before[-1:].isalpha():
                    break  # 'Photo. Issue date: ...': a label of someone else's ('Issue date'), not 'date'
                cuts.append(match.start(1) + len(match.group(1)) - len(candidate))
                break
    if _GLUE_HINT_RE.search(line):
        # a label glued to the value before it, the template's separator lost ('Jahr: 1965Ort:
        # Unter Goldschmied, KölnBildnr.: WDA1304-011'): a cut there too
        for match in _GLUED_INNER_LABEL_RE.finditer(line, first.end(1) + 1):
            known_inner = _lookup_label(match.group(1))[0]
            if known_inner is not None and known_inner[0] not in _NOTICE_FIELDS:
                # (the label's own last words read as a label before: 'FranceImage ID:' is 'Image ID')
                cuts = [cut for cut in cuts if not match.start(1) < cut < match.end(1)]
                cuts.append(match.start(1))
        cuts = sorted(set(cuts))
    pieces = []
    previous = 0
    for cut in cuts:
        pieces.append(line[previous:cut])
        previous = cut
    pieces.append(line[previous:])
    fields = []
    for piece in pieces:
        piece = piece.strip(" ;|")
        # 'Bildnummer: 318245091 | 5568 x 3712 Pixel | 300 dpi': the parts after a bar are
        # fields of their own (sizes here)
        parts = [part.strip() for part in piece.split(" | ") if part.strip()]
        if len(parts) > 1 and all(part[:1].isdigit() or _is_label_line(part, False) for part in parts[1:]):
            fields.extend(parts)
        else:
            fields.append(piece)  # 'Bildrechte: picture alliance / dpa | Kay Nietfeld' is one credit
    return tuple(fields) if len(fields) > 1 else (line,)


_LABEL_FIRST_WORDS = frozenset(key.split()[0].rstrip(".") for key in LABELS if key.split())


@lru_cache(maxsize=16384)  # first words recur ('The', 'Der', 'A', labels themselves)
def _opens_label(word: str) -> bool:
    return fold(word).rstrip(".") in _LABEL_FIRST_WORDS


def bare_label(line: str):
    """The label a line without a colon opens with, and where its value starts: the whole line
    ('Inventarnummer', five or six words alone: 'Date de prise de vue') or its first one to four
    words ('Inventario FF04176', 'Tipo Documento Copia positiva'), the longest that is a known label."""
    words = line.split(None, 6)
    if not words or not _opens_label(words[0]):
        return None  # most lines open with no label's first word
    # a label of five or six words only alone on its line ('Date de prise de vue', 'Nombre del o
    # de los productor(es)'): a value would open with capital words read as the label's
    for size in range(min(6, len(words)), 0, -1):
        if size > 4 and size != len(words):
            continue
        candidate = " ".join(words[:size])
        if len(candidate) > LONGEST_LABEL:
            continue
        known = _lookup_label(candidate)[0]
        if known is not None:
            return known, candidate, " ".join(words[size:])
    return None


_ID_ALONE_RE = lazy_compile(r"[A-Z]{0,4}\d{4,12}")
_DATE_FIELDS = frozenset({"date", "date_digitized"})
_DATE_VALUE_SLACK = 16  # characters of a date value around its date: 'Donnerstag, den ', 'le '


def _date_value(name: str, value: str) -> bool:
    """A date label's value in lower case, the date and little else ('Date vers 1910', 'Fecha
    hacia 1910', 'Datierung vermutlich 1930', 'Date dimanche 8 décembre 1918', 'Fecha sin
    fecha'): the value, as a capital or a digit would be; not a sentence opening with the
    label's word ('Date of the event ...')."""
    if name not in _DATE_FIELDS or len(value) > 60:
        return False
    found = dates.find_date(value)
    if found is None:
        return False
    if found.start is None:  # 'sans date', 'sin fecha': stated undated
        return len(value) <= 20
    return len(found.text) >= len(value) - _DATE_VALUE_SLACK


def _catalogue_lines(lines: list[str]) -> tuple[list[str], bool]:
    """Library and museum records without colons: a label alone on its line over its value
    ('Datierung' / 'Berlin, 1960') or a label and its value on one line ('Inventario FF04176').
    Read as 'label: value' lines only in a block with at least three such lines, so a caption
    that opens with a word like 'Date' or 'Location' stays prose."""
    if len(lines) < 3:
        return lines, False
    found: dict[int, str] = {}
    ids: dict[int, str] = {}
    whole = 0
    glued = 0
    for position, raw in enumerate(lines[:400]):
        if raw[:1].isdigit() and len(raw) <= 80 and ":" not in raw:
            whole += _numbered_label(lines, position, raw, found)
            continue
        if ":" in raw[:60] or not (raw[:1].isalpha() or raw[:1].isspace()):
            continue  # a 'label: value' line is read as it is; a record line opens with a letter
        line = raw.strip(_LINE_SPACE)
        if not line or ":" in line[:60] or "\t" in line or len(line) > 3000 or not line[:1].isalpha():
            continue
        bare = bare_label(line)
        if bare is not None and bare[2] and _CASE_TURN_RE.search(bare[2], 0, LONGEST_LABEL):
            # a longer label glued to its value wins over its first word read as a label
            # ('Credit LineGift of Jane Roe': 'Credit Line', not 'Credit' and 'LineGift ...')
            glued_label = _glued_head(line)
            if glued_label is not None and len(glued_label.partition(":")[0]) > len(bare[1]):
                found[position] = glued_label
                glued += 1
                continue
        if bare is None:
            if len(line) <= 60 and _opens_label(line.split(None, 1)[0].rstrip(",/")):
                whole += _combined_label(lines, position, line, found)
            if position not in found:
                # ('Object number1988.133.12' opens with a label's first word, 'Object')
                glued_label = _glued_head(line) or _glued_date_head(line)
                if glued_label is not None:
                    found[position] = glued_label
                    glued += 1
            continue
        (name, _languages, _rank), label, value = bare
        if name == "source_id" and _ID_ALONE_RE.fullmatch(value):
            ids[position] = f"{label}: {value}"  # 'Pressefoto 53259': an id needs no company
            continue
        if value and (
            name in ("ignored", "caption")
            or not (value[:1].isupper() or value[:1].isdigit() or value[:1] == "©" or _date_value(name, value))
        ):
            # 'Description Copia positiva ...' describes the object, not the picture;
            # 'Ubicación actual' / 'Location of the ...' are words, not a label and its value
            continue
        if not value:
            after = lines[position + 1 : position + 4]
            following = next((other.strip(_LINE_SPACE) for other in after if other.strip()), "")
            if not following or bare_label(following) is not None or fold(following) in HEADERS:
                continue
        found[position] = f"{label}: {value}" if value else f"{label}:"
        if not value:
            whole += 1
    # Labels alone on their lines over their values are unmistakable from two on
    # ('Photographer' / 'Sergio Perez' / 'Location' / 'MADRID, SPAIN'); labels opening a line
    # need three.
    # ... and labels glued to their values ('KünstlerEduard Mey', 'Datierung1868/79': a two-column
    # table copied without its tabs) from two on as well.
    record = len(found) + len(ids) >= 3 or whole >= 2 or glued >= 2
    if not record:
        found = {}
    found.update(ids)
    if not found:
        return lines, False
    result = [found.get(position, line) for position, line in enumerate(lines)]
    if any("\n" in line for line in found.values()):
        result = [piece for line in result for piece in line.split("\n")]
    return result, record


# An archival standard's area number before its element's name ('1.1. Código de referencia',
# '6.3 Descriptores geográficos', '3. Área de contenido y estructura' in ISAD(G) pages).
_AREA_NUMBER_RE = lazy_compile(r"\d{1,2}\.(?:\d{1,2}\.?){0,3}[ \t]{1,4}(?=[^\W\d_])")


_NUMBERED_LINE_RE = lazy_compile(r"(?m)^\d{1,2}\.(?:\d{1,2}\.?){0,3}[ \t]{1,4}[^\W\d_][^\n:\t]{0,80}[:\t]")
_NEWLINE_DIGIT_RE = lazy_compile(r"\n\d")  # (the engine skips to each newline; the pattern above tries every position)


def _without_area_number(line: str) -> str:
    """'1.3 Date(s): 1911', '3.1 Scope and content<TAB>...': the label line without its area
    number, when what follows the number is a known label with its colon or tab."""
    if len(line) > LINE_LIMIT:
        return line
    number = _AREA_NUMBER_RE.match(line)
    if number is None:
        return line
    rest = line[number.end() :]
    return rest if _is_label_line(rest.strip(_LINE_SPACE), False) else line


def _numbered_label(lines: list[str], position: int, raw: str, found: dict[int, str]) -> int:
    """A label alone on its line behind its area number ('1.3. Fecha(s)' / '1930 / 1935'): the
    label over its value, as without the number (returns 1, as _catalogue_lines counts them);
    a numbered area's heading ('2. Área de contexto') is the heading."""
    number = _AREA_NUMBER_RE.match(raw)
    if number is None:
        return 0
    rest = raw[number.end() :].strip(_LINE_SPACE)
    if fold(rest) in HEADERS:
        found[position] = rest
        return 0
    bare = bare_label(rest)
    if bare is None or bare[2] or len(rest) > LONGEST_LABEL:
        return 0
    following = next((other.strip(_LINE_SPACE) for other in lines[position + 1 : position + 4] if other.strip()), "")
    if not following or bare_label(following) is not None or _AREA_NUMBER_RE.match(following):
        return 0
    found[position] = f"{bare[1]}:"
    return 1


# a lower-case letter (Latin-1, as the labels are) before a capital of any Latin script (the
# value's: 'OrtŁódź') or a digit, checked in full below
_CASE_TURN_RE = lazy_compile(r"[a-zß-öø-ÿ](?=[" + UPPER_LETTERS + r"0-9])")


# A label glued to the value it opens: the label's last letter in lower case, the value's first
# character a capital or a digit ('KünstlerEduard Mey', 'Datierung1868/79', 'PhotographerJane Roe').
@lru_cache(maxsize=4096)
def _glued_head(line: str) -> str | None:
    """'Label: value' for a line that opens with a known label glued to its value, else None.
    The label is the longest such opening the vocabulary knows; a caption's or a heading's
    first word that merely starts with a label's letters ('Landrover ...', 'Orthodox ...') is
    none, as the letter after the label must be a capital or a digit."""
    # only where a lower-case letter meets a capital or a digit, longest first
    ends = [match.end() for match in _CASE_TURN_RE.finditer(line, 0, min(len(line) - 1, LONGEST_LABEL + 1) + 1)]
    for size in reversed(ends):
        if size < 3 or size > min(len(line) - 1, LONGEST_LABEL + 1):
            continue
        head = line[:size]
        if not (line[size].isupper() or line[size].isdigit()) or not head[-1:].islower():
            continue
        if " " in head and len(head.split()) > 4:
            continue
        known = _lookup_label(head)[0]
        if known is not None and known[0] not in _NOTICE_FIELDS:
            return f"{head}: {line[size:].strip()}"
    return None


# A date's value that opens with a word in lower case ('about 1900', 'um 1900', 'vers 1900',
# 'hacia 1900', 'ca. 1900'): with no case turn, a label glued to it shows only here.
# (caption_labels.json date_openers)
_DATE_OPENERS = alternation(
    word for words in load_data("caption_labels.json")["date_openers"].values() for word in words
)
_LOWER_DATE_VALUE_RE = lazy_compile(r"(?:%s)\.?\s{1,3}\d{3,4}(?:\D.{0,40})?" % _DATE_OPENERS)  # noqa: UP031


@lru_cache(maxsize=4096)
def _glued_date_head(line: str) -> str | None:
    """'Date: about 1900' for 'Dateabout 1900': a date label glued to a value in lower case that
    opens with a date's qualifier (a label's letters running into a word, 'Datenschutz', are none)."""
    if len(line) > 80 or not any(character.isdigit() for character in line[:40]):
        return None
    for size in range(min(len(line) - 1, LONGEST_LABEL), 2, -1):
        if not line[size].islower() or not line[size - 1].isalpha():
            continue
        known = _lookup_label(line[:size])[0]
        if known is not None and known[0] == "date" and _LOWER_DATE_VALUE_RE.fullmatch(line[size:]):
            return f"{line[:size]}: {line[size:]}"
    return None


# 'Ort, Datierung', 'Place and date', 'Lieu et date': two labels named together over one value.
_LABEL_JOIN_RE = lazy_compile(
    r",\s|\s(?:" + alternation(load_data("caption_labels.json")["label_joiners"]) + r")\s|\s?/\s?"
)


def _combined_label(lines: list[str], position: int, line: str, found: dict[int, str]) -> int:
    """Two labels alone on their line over a value that holds both, in the same order ('Ort,
    Datierung' / 'Berlin, 1950er Jahre'): a line per label, the value cut at its last commas.
    Returns 1 when it read one (a label over its value, as _catalogue_lines counts them)."""
    parts = _LABEL_JOIN_RE.split(line)
    if not 2 <= len(parts) <= 3 or any(_lookup_label(part)[0] is None for part in parts):
        return 0
    following = next(
        (index for index in range(position + 1, min(position + 4, len(lines))) if lines[index].strip()), None
    )
    if following is None:
        return 0
    value = lines[following].strip(_LINE_SPACE)
    values = [piece.strip() for piece in value.rsplit(",", len(parts) - 1)]
    if len(values) != len(parts) or not all(values) or bare_label(value) is not None or ":" in value[:60]:
        return 0
    found[position] = "\n".join(f"{label}: {piece}" for label, piece in zip(parts, values, strict=True))
    found[following] = ""
    return 1


def _is_credit_line(line: str) -> bool:
    # A credit line opens with its credit ('(AP Photo/...)', 'REUTERS/...', 'Foto: ...').
    # (the caption printed again after it and the page's bar: 'Foto: Jane Roe/dpa | Ein Mann ...')
    line = without_sentence_after_bar(line) if " | " in line else line
    if "/" in line and is_name_agency_line(line):
        return True  # 'Jane Roe/AFP', 'JANE ROE/AFP/GETTY IMAGES'
    if "/" in line and is_rights_notice_credit_line(line):
        return True  # 'Jane Roe/Copyright 2026 The AP. All rights reserved.'
    if not _CREDIT_LINE_START_RE.match(line) or not may_hold_credit(line):
        return False
    for pattern in credit_patterns_for(line):
        match = search_credit(pattern, line)
        if match and match.start() <= 1 and match.end() >= len(line) - 1:
            # ('Photo: Sunset over the bay at Monterey, ...': a label over a caption, no credit;
            # 'Foto: Stephan Weil (Archiv), via dts Nachrichtenagentur': the caption, through an agency)
            return not reads_as_sentence(match.group("credit")) and not VIA_NEWS_AGENCY_RE.fullmatch(line.strip())
    return False


def _note_notice(scan: BlockScan, text: str, *, tags=None, known=None, verbatim=None) -> None:
    """Record a notice; `known` False means 'already looked up: not a standing notice'."""
    if tags is None and known is None and len(text) <= _CACHEABLE:
        tags, known = _notice_facts(text)  # a label's notice value: boilerplate, memoised
    elif tags is None or known is None:
        folded = fold(text[:3000])
        tags = caveats_in(folded) if tags is None else tags
        known = known_notice_prefix(folded) if known is None else known
    scan.notices.append(verbatim or text)
    if tags:
        scan.notice_tags |= tags
    if known:
        scan.notice_tags.add(known[0])
        if known[1]:
            scan.cut_notice = text


@lru_cache(maxsize=4096)
def _notice_facts(text: str) -> tuple[frozenset[str], tuple[str, bool] | None]:
    folded = fold(text)
    return caveats_in(folded), known_notice_prefix(folded)


def ends_with_ellipsis(line: str) -> bool:
    return line.endswith(_ELLIPSIS)
