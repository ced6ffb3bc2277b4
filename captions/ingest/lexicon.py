"""Words the caption parser recognises: field labels, headers, notices, stopwords.

PURE: no Django import. Labels and notice wordings are data (captions/data/*.json) so a new
agency layout or a fifth language is an edit to a JSON file, not to the parsing code. Everything
here is built once, at import, into plain dicts and frozensets the hot path can probe in O(1).
"""

from __future__ import annotations

import re
import re._parser as _sre_parser  # the pattern's width, as re.compile reads it
import sys

from captions.core.data import load_data
from captions.core.text import alternation, fold, lazy_compile

LANGUAGES = ("en", "de", "fr", "es")
_MAXSIZE = sys.maxsize


def first_chars(words) -> str:
    """The class of the characters the words open with ('[acd]'), for a look-ahead before their
    alternation in a pattern, in the same case setting ('(?=[acd])(?:capital of|de|...)'): the
    engine tries every word at every position it reaches, and most positions open with none of
    them. The matches stay the same."""
    words = list(words)
    if not words or not all(words):
        raise ValueError("a vocabulary for a guarded alternation needs words, none of them empty")
    return "[" + "".join(re.escape(char) for char in sorted({word[0] for word in words})) + "]"


class StartOrBlank:
    """A pattern opening with '(?:^|\\s)' ('(?:^|\\s)(?:in|at)\\s...'), searched as the same
    pattern opening with '\\s' after the text's start: the engine skips to the blanks instead
    of starting a match at every position, which costs 2-3x the search on a caption. The
    matches are the pattern's own ('^' matches at the text's start only, so past it only the
    blank can open a match): `search` and `finditer` give the same spans and groups."""

    _OPENING = r"(?:^|\s)"

    def __init__(self, pattern: re.Pattern) -> None:
        if not pattern.pattern.startswith(self._OPENING) or pattern.flags & re.MULTILINE:
            raise ValueError("StartOrBlank needs a pattern opening with (?:^|\\s), not multi-line")
        self.regex = pattern
        self.pattern, self.flags = pattern.pattern, pattern.flags  # (as a compiled pattern's)
        self._blank = re.compile(r"\s" + pattern.pattern[len(self._OPENING) :], pattern.flags)

    def search(self, text: str, pos: int = 0, endpos: int = _MAXSIZE) -> re.Match | None:
        if pos == 0:
            first = self.regex.match(text, 0, endpos)
            if first is not None:
                return first
        return self._blank.search(text, pos, endpos)

    def finditer(self, text: str, pos: int = 0, endpos: int = _MAXSIZE):
        if pos == 0:
            first = self.regex.match(text, 0, endpos)
            if first is not None:
                yield first
                pos = first.end()
        yield from self._blank.finditer(text, pos, endpos)


def _build_labels() -> tuple[dict[str, tuple[str, tuple[str, ...], int]], dict[str, tuple[str, ...]]]:
    """label -> (field, languages it signals, rank within field); header -> languages."""
    data = load_data("caption_labels.json")
    labels: dict[str, tuple[str, tuple[str, ...], int]] = {}
    for field, by_language in data["fields"].items():
        for language, words in by_language.items():
            for rank, word in enumerate(words):
                key = fold(word)
                previous = labels.get(key)
                languages = () if language == "xx" else (language,)
                if previous is None:
                    labels[key] = (field, languages, rank)
                elif previous[0] == field:
                    # The same spelling in two languages ('Dimensions', 'Description'): it
                    # signals neither strongly, so it counts for both.
                    merged = tuple(dict.fromkeys(previous[1] + languages))
                    labels[key] = (field, merged, min(previous[2], rank))
                # else: first field wins; the JSON lists the stronger meaning first.
    headers: dict[str, tuple[str, ...]] = {}
    for language, words in data["headers"].items():
        for word in words:
            key = fold(word)
            # a header listed under 'xx' (an archive standard's element names) signals no language
            languages = () if language == "xx" else (language,)
            headers[key] = tuple(dict.fromkeys(headers.get(key, ()) + languages))
    return labels, headers


LABELS, HEADERS = _build_labels()
#: folded lines of page furniture (navigation, buttons) pasted along with a block
#: folded lines a page prints where its picture loads ('Bild wird geladen'): furniture, and the
#: paragraph after one is the picture's caption
PICTURE_PLACEHOLDERS: frozenset[str] = frozenset(
    fold(line) for line in load_data("caption_labels.json")["picture_placeholders"]
)
BOILERPLATE: frozenset[str] = (
    frozenset(fold(line) for lines in load_data("caption_labels.json")["boilerplate"].values() for line in lines)
    | PICTURE_PLACEHOLDERS
)
_COUNTERS = load_data("credit_patterns.json")["gallery_counters"]
#: a web gallery's counter alone on its line, folded ('3/12', '(3 / 12)', 'bild 3 von 12',
#: 'photo 3 sur 12'): the page's, no text of the picture
GALLERY_COUNTER_LINE_RE = lazy_compile(
    r"\(?(?:(?:%s) )?\d{1,3} ?(?:%s) ?\d{1,3}\)?"  # noqa: UP031
    % (
        "|".join(re.escape(fold(word)) for word in _COUNTERS["words"]),
        "|".join(re.escape(fold(word)) for word in _COUNTERS["of"]),
    )
)
GALLERY_COUNTER_INITIALS = frozenset(fold(word)[:1] for word in _COUNTERS["words"])
#: A person's name as a credit writes it: capitalised words (letters beyond Latin-1 too; a hyphen
#: or an apostrophe inside: 'Jean-Baptiste', 'Al-Khatib', "O'Dwyer"), initials before the last
#: word ('M. Roe', 'Jane Q. Roe', 'J.-P. Roe'), lower-case particles between (credit_patterns.json
#: name_particles: 'Ana de la Roe', 'Jan van der Roe'). PERSON_NAME_CAPS: the same in capitals
#: ('JANE Q. ROE', 'ANA DE LA ROE'). Fragments of patterns, not compiled.
NAME_UPPER = "A-ZÀ-ÖØ-ÞĀ-ɏ"


def guarded_alternation(words) -> str:
    """'(?=[...])(?:...)': the words' alternation (longest first) behind the look-ahead of their
    first characters (first_chars), in the case setting around it."""
    words = list(words)
    return "(?=" + first_chars(words) + ")(?:" + alternation(words) + ")"


def _case_class(test) -> str:
    """The contents of a character class of the Latin letters (Latin-1 and Latin Extended-A and B,
    U+00C0-U+024F) that `test` takes, as ranges: Latin Extended interleaves its capitals and small
    letters ('ĀāĂă...'), so a range of the block is no case."""
    chars = [chr(code) for code in range(0xC0, 0x250) if test(chr(code))]
    ranges: list[list[str]] = []
    for char in chars:
        if ranges and ord(char) == ord(ranges[-1][1]) + 1:
            ranges[-1][1] = char
        else:
            ranges.append([char, char])
    return "".join(first if first == last else f"{first}-{last}" for first, last in ranges)


#: character-class contents of the capitals and the small letters, case by case (for a case turn
#: inside a glued word: 'OrtŁódź', 'ŁódźBildnr.:')
UPPER_LETTERS = "A-Z" + _case_class(str.isupper)
LOWER_LETTERS = "a-z" + _case_class(str.islower)
NAME_LOWER = "a-zß-öø-ÿĀ-ɏ"
_NAME_WORD = (
    rf"[{NAME_UPPER}](?:['’][{NAME_UPPER}])?[{NAME_LOWER}'’]{{1,25}}"
    rf"(?:-[{NAME_UPPER}{NAME_LOWER}][{NAME_LOWER}'’]{{1,25}}){{0,2}}"
)
_NAME_INITIAL = rf"[{NAME_UPPER}]\.(?:-?[{NAME_UPPER}]\.)?"
_NAME_WORDS = load_data("credit_patterns.json")
#: the particles of a person's name as written ('de', 'van', 'della'), and in capitals ('JUAN DE LA ROE')
NAME_PARTICLES: frozenset[str] = frozenset(_NAME_WORDS["name_particles"])
_CAPITALS_PARTICLES = [
    word.upper() for word in _NAME_WORDS["name_particles"] if word not in _NAME_WORDS["name_particle_conjunctions"]
]
NAME_PARTICLES_CAPS: frozenset[str] = frozenset(_CAPITALS_PARTICLES)
#: the particles and the words joining the parts of a studio's, holder's or paper's name
#: ('Studio Lévy et Fils', 'Archives of the City', 'Roe & Sons'): name_connectors
NAME_JOINERS: frozenset[str] = NAME_PARTICLES | frozenset(_NAME_WORDS["name_connectors"])
#: pattern fragments (not compiled) for one of the words above
NAME_PARTICLE = "(?:" + alternation(_NAME_WORDS["name_particles"]) + ")"
NAME_PARTICLE_CAPS = "(?:" + alternation(_CAPITALS_PARTICLES) + ")"
NAME_JOINER = "(?:" + alternation([*_NAME_WORDS["name_particles"], *_NAME_WORDS["name_connectors"]]) + ")"
#: the words before a photographer's name in a byline ('Photo by', 'Foto von', 'photo par'), all
#: of them and those that are no other word too ('de' also says 'of'); pattern fragments
BYLINE_WORDS: tuple[str, ...] = tuple(_NAME_WORDS["byline_words"])
BYLINE_WORD = "(?:" + alternation(BYLINE_WORDS) + ")"
BYLINE_WORD_STRICT = (
    "(?:" + alternation(word for word in BYLINE_WORDS if word not in _NAME_WORDS["byline_words_ambiguous"]) + ")"
)
#: the word for a photo in an agency's credit, as written and in capitals ('Photo', 'FOTO'); a pattern fragment
PHOTO_WORD = (
    "(?:" + alternation([*_NAME_WORDS["photo_words"], *(word.upper() for word in _NAME_WORDS["photo_words"])]) + ")"
)
# (the surname in capitals, as AFP writes it: 'Jane ROE', 'Ana de la ROE')
_CAPS_SURNAME = rf"[{NAME_UPPER}][{NAME_UPPER}'’\-]{{1,25}}(?![{NAME_LOWER}])"
PERSON_NAME = (
    rf"(?:{_NAME_INITIAL}\s?|{_NAME_WORD}\s)(?:(?:{_NAME_INITIAL}|{_NAME_WORD}|{NAME_PARTICLE})\s){{0,4}}"
    rf"(?:{_NAME_WORD}|{_CAPS_SURNAME})"
)
_CAPS_WORD = rf"[{NAME_UPPER}](?:[{NAME_UPPER}'’\-]{{1,25}}|\.(?:-?[{NAME_UPPER}]\.)?)"
PERSON_NAME_CAPS = rf"{_CAPS_WORD}(?:\s{_CAPS_WORD}){{0,4}}\s[{NAME_UPPER}][{NAME_UPPER}'’\-]{{1,25}}"
LONGEST_LABEL = max(len(key) for key in LABELS)
#: folded openings of the notes a page prints with every picture of a collection (an archive's
#: donation and authenticity notes on Wikimedia Commons): a line opening with one is furniture
MAIL_FORWARD_LINES: tuple[str, ...] = tuple(load_data("caption_labels.json")["mail_forward_lines"])
MAIL_HEADER_LABELS: tuple[str, ...] = tuple(load_data("caption_labels.json")["mail_header_labels"])
PAGE_NOTES: tuple[str, ...] = tuple(fold(note) for note in load_data("caption_labels.json")["page_notes"])
DESCRIPTION_WORDS: frozenset[str] = frozenset(
    fold(word)
    for word in (
        *load_data("caption_labels.json")["description_words"],
        *load_data("caption_labels.json")["event_clauses"]["picture_words"],
    )
)
PROVENANCE_WORDS: frozenset[str] = frozenset(
    fold(word) for word in load_data("caption_labels.json")["provenance_words"]
)
_OPENERS = load_data("caption_labels.json")["sentence_openers"]
_NOUNS_CAPITALISED = frozenset(load_data("caption_labels.json")["nouns_capitalised"])
#: capitalised words a caption's sentence opens with ('A', 'La', 'Die'), followed by a word in
#: lower case; SENTENCE_OPENERS_ANY by any word (the languages whose nouns are capitalised)
SENTENCE_OPENERS: frozenset[str] = frozenset(
    word for language, words in _OPENERS.items() if language not in _NOUNS_CAPITALISED for word in words
)
SENTENCE_OPENERS_ANY: frozenset[str] = frozenset(
    word for language, words in _OPENERS.items() if language in _NOUNS_CAPITALISED for word in words
)
#: the two together: a sentence's capitalised opening word in any of the languages, whatever follows
#: it ('Die von Roe/dpa ...' opens with an article, no first name)
ALL_SENTENCE_OPENERS: frozenset[str] = SENTENCE_OPENERS | SENTENCE_OPENERS_ANY

_notices = load_data("caption_notices.json")
#: (folded full wording without its final stop, caveat tag)
KNOWN_NOTICES: tuple[tuple[str, str], ...] = tuple(
    (fold(text).rstrip(" ."), tag) for tag, texts in _notices.items() if not tag.startswith("_") for text in texts
)

# Stopwords chosen to be distinctive: words shared by two of the languages ('de', 'la', 'en',
# 'des', 'un', 'in', 'die') are left out so one hit is real evidence.
STOPWORDS: dict[str, frozenset[str]] = {
    "en": frozenset(
        [
            "the",
            "of",
            "and",
            "is",
            "at",
            "on",
            "during",
            "with",
            "from",
            "his",
            "her",
            "their",
            "this",
            "are",
            "was",
            "after",
            "its",
            "were",
            "by",
            "for",
            "as",
            "into",
            "near",
            "over",
            "who",
            "which",
            "while",
        ]
    ),
    "de": frozenset(
        [
            "der",
            "das",
            "und",
            "im",
            "ein",
            "eine",
            "mit",
            "dem",
            "den",
            "von",
            "auf",
            "bei",
            "nach",
            "ist",
            "zu",
            "vor",
            "über",
            "uber",
            "sich",
            "wird",
            "am",
            "zum",
            "zur",
            "nicht",
            "auch",
            "während",
            "wahrend",
            "sind",
            "einer",
            "eines",
            "vom",
            "beim",
            "hält",
            "halt",
        ]
    ),
    "fr": frozenset(
        [
            "le",
            "les",
            "du",
            "et",
            "une",
            "au",
            "aux",
            "dans",
            "sur",
            "pour",
            "avec",
            "est",
            "par",
            "lors",
            "à",
            "ou",
            "sont",
            "cette",
            "ces",
            "qui",
            "près",
            "pres",
            "devant",
            "après",
        ]
    ),
    "es": frozenset(
        [
            "el",
            "los",
            "las",
            "del",
            "y",
            "una",
            "con",
            "por",
            "para",
            "al",
            "durante",
            "tras",
            "se",
            "está",
            "esta",
            "son",
            "entre",
            "sobre",
            "ante",
            "hacia",
            "junto",
        ]
    ),
}
WORD_LANGUAGE: dict[str, str] = {word: language for language, words in STOPWORDS.items() for word in words}
# Words two languages share: half a vote each, enough to decide a short caption
# ('Vista de la Sagrada Familia.') that has no distinctive word.
SHARED_STOPWORDS: dict[str, tuple[str, ...]] = {
    "de": ("fr", "es"),
    "la": ("fr", "es"),
    "en": ("fr", "es"),
    "un": ("fr", "es"),
    "des": ("de", "fr"),
    "in": ("en", "de"),
    "die": ("de",),
    "a": ("en", "es"),
}

_DANGLING = load_data("dangling_words.json")
#: language -> folded words after which a sentence of that language cannot end (captions/data/
#: dangling_words.json), less the ones it does end on ('whole_at_end': German 'an', 'mit')
DANGLING_BY_LANGUAGE: dict[str, frozenset[str]] = {
    language: frozenset(fold(word) for word in words)
    - frozenset(fold(word) for word in _DANGLING["whole_at_end"].get(language, ()))
    for language, words in _DANGLING.items()
    if not language.startswith("_") and language != "whole_at_end"
}
#: Words after which an English/German/French/Spanish sentence cannot end: a caption whose
#: last word is one of these was cut off (all four lists: a text of unknown language).
DANGLING_WORDS = frozenset(fold(word) for language in DANGLING_BY_LANGUAGE for word in _DANGLING[language])


#: language -> folded words of the lists a sentence of that language ends on (German 'an', 'mit')
WHOLE_AT_END: dict[str, frozenset[str]] = {
    language: frozenset(fold(word) for word in words) for language, words in _DANGLING["whole_at_end"].items()
}


def dangling_words(language: str | None) -> frozenset[str]:
    """The words a sentence of `language` cannot end on; all four languages' for an unknown one."""
    return DANGLING_BY_LANGUAGE.get(language or "", DANGLING_WORDS)


#: words of the phrases that say where a place lies ('southern Italy', 'northwest of Paris')
PLACE_PHRASES: dict[str, tuple[str, ...]] = {
    name: tuple(words) for name, words in load_data("place_phrases.json").items() if not name.startswith("_")
}


#: levels of description an archive's heading opens with ('Item 1979_AR_22 - Title')
ARCHIVE_LEVELS: tuple[str, ...] = tuple(load_data("caption_labels.json").get("archive_levels", ()))

#: words for the box or folder a picture is kept in, after its number in an id field ('HB32122, Kapsel 1208')
ID_CONTAINERS: frozenset[str] = frozenset(load_data("caption_labels.json").get("id_containers", ()))

#: words opening a line that names the picture's collection ('Sammlung Jane Roe'), and the links after them
COLLECTION_OPENERS: tuple[str, ...] = tuple(load_data("caption_labels.json").get("collection_openers", ()))
COLLECTION_LINKS: tuple[str, ...] = tuple(load_data("caption_labels.json").get("collection_links", ()))

#: folded words naming a library, archive or museum: a labelled place naming one is the picture's holder
HOLDING_INSTITUTIONS: frozenset[str] = frozenset(load_data("caption_labels.json").get("holding_institutions", ()))

#: how a museum's credit line says how the picture came to it ('Gift of Jane Roe', 'Don de ...')
MUSEUM_CREDIT_PHRASES: tuple[str, ...] = tuple(load_data("caption_labels.json").get("museum_credit_phrases", ()))

#: how archives write their picture references ('Bild 183-H28061', 'NPG x137688', 'LC-B2-2189-6'):
#: one pattern, each data entry an alternative, between word boundaries
_ARCHIVE_REFERENCES = load_data("caption_labels.json").get("archive_references", ())
ARCHIVE_REFERENCE_RE = lazy_compile(
    r"(?<![\w-])(?:" + "|".join(f"(?:{entry['pattern']})" for entry in _ARCHIVE_REFERENCES) + r")(?![\w-])"
)
#: plain text one of the patterns needs: a block without any is searched no further
ARCHIVE_REFERENCE_PROBES: tuple[str, ...] = tuple(
    dict.fromkeys(probe for entry in _ARCHIVE_REFERENCES for probe in entry["probes"])
)
#: how far before its probe a reference can start (the pattern's longest match; None: no bound),
#: so the search starts there, not at the block's first character (it tries every position)
_REFERENCE_WIDTH = _sre_parser.parse(ARCHIVE_REFERENCE_RE.pattern, ARCHIVE_REFERENCE_RE.flags).getwidth()[1]
ARCHIVE_REFERENCE_REACH: int | None = _REFERENCE_WIDTH if _REFERENCE_WIDTH < _sre_parser.MAXREPEAT else None

#: values of a date field that stand for "no date" (imago's 01.01.1900, EXIF's 0000:00:00)
PLACEHOLDER_DATES: tuple[str, ...] = tuple(load_data("caption_labels.json").get("placeholder_dates", ()))
#: words after which a caption states when the picture was taken ('aufgenommen im Mai 1943')
DATE_CUES: tuple[str, ...] = tuple(load_data("caption_labels.json").get("date_cues", ()))
#: words after which a caption's date is an event's, not the picture's ('eröffnet am 6. September 2000')
EVENT_DATE_CUES: tuple[str, ...] = tuple(load_data("caption_labels.json").get("event_date_cues", ()))
#: clauses about another, earlier event ('que estalló en 2019'): relative words, past-tense words,
#: pairs and endings, and the words saying a caption is of today (see _event_clauses in the file)
#: words saying a picture has no known date ('This undated photo', 'undatierte Foto', 'non datée')
UNDATED_PICTURE_WORDS: tuple[str, ...] = tuple(load_data("caption_labels.json").get("undated_picture_words", ()))
#: the words a date alone on its line over the caption may hold ('Año 1963', 'Circa 1905')
DATE_LINE_WORDS: frozenset[str] = frozenset(load_data("caption_labels.json").get("date_line_words", ()))
EVENT_CLAUSES: dict[str, frozenset[str]] = {
    key: frozenset(words) for key, words in load_data("caption_labels.json").get("event_clauses", {}).items()
}

#: labels that mean something else in an exiftool dump ('Image Number' counts the camera's shots)
EXIFTOOL_NOT_LABELS: frozenset[str] = frozenset(
    fold(label) for label in load_data("caption_labels.json").get("exiftool_not_labels", ())
)

#: what cameras write into EXIF ImageDescription by default ('DCF 1.0', 'OLYMPUS DIGITAL CAMERA'),
#: folded: no description of the picture (captions/data/record_keys.json camera_descriptions)
CAMERA_DESCRIPTIONS: frozenset[str] = frozenset(
    fold(text) for text in load_data("record_keys.json").get("camera_descriptions", ())
)

#: every word of the standing notices and of the notice wording of captions/data/credit_patterns.json
#: (a notice whose last word is a strict prefix of one of these was cut off)
NOTICE_WORDS: frozenset[str] = frozenset(
    word
    for text in (*(full for full, _tag in KNOWN_NOTICES), *load_data("credit_patterns.json").get("notice_words", ()))
    for word in fold(text).split()
    if len(word) > 3
)

_CUES = load_data("language_cues.json")
#: language -> letters and letter groups its words alone use (captions/data/language_cues.json)
SPELLING_CONTAINS: dict[str, tuple[str, ...]] = {language: tuple(cues) for language, cues in _CUES["contains"].items()}
#: language -> word endings its words alone use
SPELLING_ENDINGS: dict[str, tuple[str, ...]] = {language: tuple(cues) for language, cues in _CUES["endings"].items()}
#: word -> the one language that writes it: month and day names, frequent content words
CUE_WORDS: dict[str, str] = {word: language for language, words in _CUES.get("words", {}).items() for word in words}
