"""Library and archive citations around a caption: who, which reference, when.

PURE: no Django import. A library's blog or catalogue writes its picture's caption as a citation,
in orders of its own: 'Figure 1. <caption>' then 'Courtesy <holder>, <collection>, <reference>,
<address>'; '<caption>. Photo by <photographer>, 1929 March 29. // View in Flickr'; '<creator>.
<title>. <medium>. <date>.' (creator first, as the Library of Congress catalogues prints and
drawings). The words of each part are data (captions/data/citations.json); this module cuts the
caption out of such a citation and hands back the rest as credit, reference and date text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from captions.core import dates
from captions.core.text import alternation, compile_guarded, fold, lazy_compile

from .lexicon import (
    ARCHIVE_REFERENCE_RE,
    NAME_JOINER,
    NAME_LOWER,
    NAME_UPPER,
    PERSON_NAME,
    load_data,
)

_DATA = load_data("citations.json")


# 'Figure 1. ', 'Fig. 2: ', 'Abb. 3 ', 'Figura 4.': a figure's number opening its caption.
_FIGURE_RE = lazy_compile(r"(?:%s)\s?\d{1,3}[a-z]?(?:[.:]\s|\s[-–]\s)" % alternation(_DATA["figure_labels"]))  # noqa: UP031
# ' // View in Flickr', ' | Voir sur Gallica': the link a page puts after the citation.
_LINK_TAIL_RE = lazy_compile(r"\s(?://|\|)\s(?:%s)\b[^/|\n]{0,60}$" % alternation(_DATA["link_words"]), re.IGNORECASE)  # noqa: UP031
# 'Courtesy Library of Congress, ..., LC-B2-2189-6, http://hdl...': the holder, after a sentence;
# the kind of picture before it and parentheses round it are the credit's furniture ('Photo
# courtesy of NASA', '(Courtesy of Jane Roe)', 'Foto cortesía de la Junta de Andalucía').
_COURTESY_RE = lazy_compile(
    r"(?:^|(?<=[.!?”\"]\s))(?P<open>\()?(?:(?:%s)\s)?(?i:%s)\s(?P<body>[^\n]{2,600})$"  # noqa: UP031
    % (alternation(_DATA["courtesy_kinds"]), alternation(_DATA["courtesy"]))
)
# 'Photo by National Photo Co., 1929 March 29.': the photographer and the day, after a sentence.
_BY_DATE_RE = compile_guarded(
    r"(?:^|(?<=[.!?”\"]\s))(?:%s)\s(?P<credit>[^,\n]{2,120}),\s(?P<date>[^,\n]{4,40}?)\.?$"  # noqa: UP031
    % alternation(_DATA["photo_by"])
)
_URL_RE = lazy_compile(r"(?:https?://|www\.)\S{1,500}")
_LOC_DATE_RE = lazy_compile(r"^(?P<year>1[5-9]\d\d|20\d\d) (?P<month>[A-Z][a-z]{2,8}\.?)(?: (?P<day>\d{1,2}))?$")
# (the look-behind after the full stop: the engine skips to each '.'; the same matches)
_SENTENCE_RE = lazy_compile(r"\.(?<=[a-z0-9'’)\]]\.)\s(?=[A-Z'\"‘“])")
_NAME_WORD_RE = lazy_compile(rf"[{NAME_UPPER}][{NAME_LOWER}'’-]{{1,30}}|[{NAME_UPPER}]\.?")
_PERSON_NAME_RE = lazy_compile(PERSON_NAME)
_MEDIUM_WORDS = frozenset(fold(word) for word in _DATA["media"])


_ABBREVIATIONS = frozenset(_DATA["abbreviations"])


def with_abbreviation_stop(credit: str, source: str) -> str:
    """'National Photo Co' cut from 'Photo by National Photo Co., 1929': the stop is the word's."""
    last = credit.rsplit(None, 1)[-1] if credit else ""
    if last in _ABBREVIATIONS and (credit + ".") in source:
        return credit + "."
    return credit


@dataclass
class Citation:
    caption: str
    credits: list[str] = field(default_factory=list)
    reference: str | None = None
    date_text: str | None = None


def read_citation(text: str, is_place, parses_as_date) -> Citation:
    """The caption out of its citation. `is_place(text)` and `parses_as_date(text)` are the
    parser's own tests (a place is no creator; a date sentence must be a date)."""
    result = Citation(text)
    if len(text) > 5000:
        return result
    if text[:1] in _FIGURE_INITIALS:
        figure = _FIGURE_RE.match(text)
        if figure:
            text = text[figure.end() :]
    if "//" in text or "|" in text:
        text = _LINK_TAIL_RE.sub("", text).rstrip()
    courtesy = _COURTESY_RE.search(text) if _has_courtesy(text) else None
    if courtesy and courtesy.group("open") and not courtesy.group("body").rstrip(" .").endswith(")"):
        courtesy = None  # a parenthesis opened and not closed at the end: no credit of its own
    if courtesy:
        body = courtesy.group("body")
        credit, reference = _holder(body.rstrip(" .")[:-1] if courtesy.group("open") else body)
        if credit and courtesy.start() > 0:
            result.credits.append(credit)
            result.reference = reference
            text = text[: courtesy.start()].rstrip()
    last = text[text.rfind(" ") + 1 :]
    if "/" in last and "." in last and ")" not in last:  # the citation ends with an address
        text = _comma_citation(text, result, is_place, parses_as_date)
    by = _BY_DATE_RE.search(text) if _has_by(text) else None
    if by and by.start() > 0 and parses_as_date(_day_first(by.group("date").strip())):
        result.credits.append(by.group("credit").strip())
        result.date_text = _day_first(by.group("date").strip())
        text = text[: by.start()].rstrip()
    else:
        text = _creator_first(text, result, is_place, parses_as_date)
    result.caption = text
    return result


def courtesy_line(line: str) -> str | None:
    """The holder a line of its own names as courtesy ('(From the collection of Jane Roe)',
    'Courtesy of the County Archive'), or None."""
    line = line.strip()
    if len(line) > 300 or not _has_courtesy(line):
        return None
    match = _COURTESY_RE.match(line)
    if match is None:
        return None
    body = match.group("body").rstrip(" .")
    if match.group("open"):
        if not body.endswith(")"):
            return None
        body = body[:-1]
    return _holder(body)[0]


_FIGURE_INITIALS = frozenset(label[:1] for label in _DATA["figure_labels"])
# The words the two patterns need, looked for before the patterns run.
# (without their first letter: 'Courtesy' and 'courtesy' both hold 'ourtesy')
_COURTESY_PROBES = tuple(dict.fromkeys(max(phrase.split(), key=len)[1:] for phrase in _DATA["courtesy"]))
_BY_PROBE_RE = lazy_compile(alternation(_DATA["photo_by"]))


def _has_courtesy(text: str) -> bool:
    return any(probe in text for probe in _COURTESY_PROBES)


def _has_by(text: str) -> bool:
    return _BY_PROBE_RE.search(text) is not None


def _holder(body: str) -> tuple[str | None, str | None]:
    """'Library of Congress, Prints and Photographs Division, George Grantham Bain Collection,
    LC-B2-2189-6, http://hdl...' -> the holder's parts before the reference, and the reference."""
    body = _URL_RE.sub("", body).strip(" .,;")
    parts = [part.strip() for part in body.split(",")]
    kept, reference = [], None
    for part in parts:
        if not part:
            continue
        if ARCHIVE_REFERENCE_RE.fullmatch(part) or (" " not in part and any(c.isdigit() for c in part)):
            reference = reference or part
            break  # the reference closes the holder's name
        kept.append(part)
    credit = ", ".join(kept).strip()
    article, _, name = credit.partition(" ")
    if article in _HOLDER_ARTICLES and name[:1].isupper():
        credit = name  # 'the Library of Congress': the holder is 'Library of Congress'
    return (credit or None), reference


_HOLDER_ARTICLES = frozenset(_DATA["holder_articles"])


def _day_first(value: str) -> str:
    """'1929 March 29' (the Library of Congress writes year, month, day) -> '29 March 1929'."""
    match = _LOC_DATE_RE.match(value)
    if not match:
        return value
    return " ".join(part for part in (match.group("day"), match.group("month"), match.group("year")) if part)


# '..., Western Australia, 1932, nla.gov.au/nla.obj-149282377': a date and the record's address
# closing a citation written with commas.
_COMMA_TAIL_RE = lazy_compile(
    r",\s(?P<date>[^,\n]{3,40}),\s(?P<link>(?:https?://)?[A-Za-z0-9-]{1,60}(?:\.[A-Za-z0-9-]{1,60}){1,5}/[^\s,]{1,300})\.?$"
)


def _comma_citation(text: str, result: Citation, is_place, parses_as_date) -> str:
    """'Frank Hurley, [Ballarat, Sturt Street], 1910, nla.gov.au/nla.obj-160199422': creator
    (when the first part is a name), title, date, address -> the title, the rest as record."""
    tail = _COMMA_TAIL_RE.search(text, max(0, len(text) - 400))
    if tail is None or not parses_as_date(tail.group("date").strip()):
        return text
    reference = ARCHIVE_REFERENCE_RE.search(tail.group("link"))
    if reference:
        result.reference = reference.group(0)
    result.date_text = tail.group("date").strip()
    text = text[: tail.start()].rstrip()
    first, _, rest = text.partition(", ")
    if rest and _is_name(first) and not is_place(first):
        result.credits.append(first)
        text = rest
    return text


def _is_name(text: str) -> bool:
    """'John Rubens Smith', 'H M Rolland', 'R. Lelong', 'Ana de la Roe': two to five words, each a
    capital and lower-case letters or an initial, or particles between them (lexicon.PERSON_NAME)."""
    words = text.split()
    if not 2 <= len(words) <= 5 or words[-1].endswith("."):
        return False
    return all(_NAME_WORD_RE.fullmatch(word) for word in words) or _PERSON_NAME_RE.fullmatch(text) is not None


def _creator_first(text: str, result: Citation, is_place, parses_as_date) -> str:
    """'John Rubens Smith. Design for a certificate. Watercolor and graphite on wove paper.
    Circa 1830.': a name, the title, the medium, the date: the title is the caption."""
    if text.count(". ") < 2 or len(text) > 1500:
        return text
    # (the first sentence's stop, not an initial's: 'M. Roe. Design for ...')
    stop = _SENTENCE_RE.search(text, 0, 62)
    if stop is None or not _is_name(text[: stop.start()]):
        return text  # most captions open with no name and a stop (checked before splitting them)
    sentences = _SENTENCE_RE.split(text.rstrip())
    if len(sentences) < 3:
        return text
    name, last = sentences[0].strip(), sentences[-1].strip().rstrip(".")
    if not _is_name(name):
        return text
    if len(last) > 40 or not parses_as_date(last) or is_place(name):
        return text
    middle = [sentence.strip() for sentence in sentences[1:-1]]
    while len(middle) > 1 and _is_medium(middle[-1]):
        middle.pop()  # 'Watercolor and graphite on wove paper': the object, not the picture
    if not middle or _is_medium(middle[0]):
        return text
    result.credits.append(name)
    result.date_text = last
    return ". ".join(middle).rstrip(".")


def _is_medium(sentence: str) -> bool:
    words = fold(sentence).replace(",", " ").split()
    return bool(words) and words[0] in _MEDIUM_WORDS or sum(word in _MEDIUM_WORDS for word in words) >= 2


# 'Bilderstelle Lohse (Dresden): Berlin-Neukölln, Herrmannplatz, Kaufhaus „Karstadt“, 09.04.1931.
# Zeppelin-Weltfahrten ...': a catalogue's citation of the picture on a line of its own.
_SIDE_CITATION_RE = lazy_compile(
    r"(?P<creator>[^\W\d][^():\n]{2,80}?)\s\((?P<place>[^()\n]{2,60})\)\s?:\s(?P<title>[^\n]{3,400}?),\s"
    # (a day's full stop inside the date ends no citation: '..., den 9. April 1931.')
    r"(?P<date>[^,\n]{4,30}?)(?<!\b\d)(?<!\b\d\d)\.(?:\s|$)"
)


def side_citation(line: str, parses_as_date) -> tuple[str, str, str] | None:
    """(creator, title, date text) of a citation line '<creator> (<place>): <title>, <date>.',
    or None."""
    if "): " not in line[:150]:
        return None
    match = _SIDE_CITATION_RE.match(line.strip()[:1000])
    if match is None or not parses_as_date(match.group("date").strip()):
        return None
    title, date = match.group("title").strip(), match.group("date").strip()
    for _ in range(2):
        # a date written with a comma: 'May 22, 1914', 'Donnerstag, den 9. April 1931', 'Thursday,
        # April 9, 1931' (the date opens in the title's last part, or that part is its weekday)
        head, comma, last = title.rpartition(", ")
        if not comma or len(last) > 20:
            break
        joined = f"{last}, {date}"
        found = dates.find_date(joined)
        if found is None or found.start is None:
            break
        if joined.find(found.text) >= len(last) and dates.weekday_date(joined) is None:
            break
        title, date = head, joined
    return match.group("creator").strip(), title, date


def same_words(first: str, second: str) -> bool:
    """The same text but for punctuation ('Kaufhaus _Karstadt_', 'Kaufhaus „Karstadt“')."""
    return _WORDS_RE.sub("", fold(first)) == _WORDS_RE.sub("", fold(second))


_WORDS_RE = lazy_compile(r"[\W_]+")


# A lender's line: 'Photo submitted by Jane Roe.', 'Esta fotografía fue cedida amablemente por el
# Archivo Municipal de Ejemplo, que conserva el fondo.', 'Dieses Foto stellte uns freundlicherweise
# Jane Roe zur Verfügung.' The name is a run of capitalised words (particles between them); what
# follows it in lower case says more of the lender ('perteneciente al fondo ...'), not who.
_LENDERS = _DATA["lenders"]
_LENDER_NAME = (
    r"(?P<name>[A-ZÀ-ÝĀ-ɏ][\w'’.&-]{0,30}"
    r"(?:\s(?:" + NAME_JOINER + r"\s){0,2}"
    r"[A-ZÀ-ÝĀ-ɏ0-9][\w'’.&-]{0,30}){0,7})"
)
_LENDER_KIND = r"(?:(?:%s)\s)?(?:%s)\s" % (  # noqa: UP031
    alternation(_LENDERS["determiners"]),
    alternation(_LENDERS["kinds"]),
)
_LENDER_ADVERB = r"(?:%s)\s" % alternation(_LENDERS["adverbs"])  # noqa: UP031
# (an adverb may stand before the 'by' too: 'cedida amablemente por')
_PARTICIPLES = "|".join(
    r"\s".join(map(re.escape, head.split())) + r"\s(?:%s)?" % _LENDER_ADVERB + re.escape(by)  # noqa: UP031
    for head, by in (phrase.rsplit(" ", 1) for phrase in sorted(_LENDERS["participles"], key=len, reverse=True))
)
_LENDER_RE = lazy_compile(
    r"(?i:%s(?:(?:%s)\s)?(?:%s)?(?:%s)\s(?:%s)?(?:(?:%s)\s)?)%s(?P<rest>[^\n]{0,160})"  # noqa: UP031
    % (
        _LENDER_KIND,
        alternation(_LENDERS["passives"]),
        _LENDER_ADVERB,
        _PARTICIPLES,
        _LENDER_ADVERB,
        alternation(_DATA["holder_articles"] + ["l'", "l’"]),
        _LENDER_NAME,
    )
)
# German puts the lender between the verb and 'zur Verfügung': 'Dieses Foto stellte uns Jane Roe
# zur Verfügung', 'Das Bild wurde uns freundlicherweise von Jane Roe zur Verfügung gestellt'.
_GERMAN_LENDER_RE = lazy_compile(
    r"(?i:%s(?:(?:%s)\suns\s|(?:wurde|wurden)\suns\s)(?:%s){0,2}(?:von\s(?:(?:der|dem|den)\s)?)?)%s"  # noqa: UP031
    r"\s(?i:zur\sVerfügung|überlassen)(?:\sgestellt)?(?P<rest>[^\n]{0,4})"
    % (_LENDER_KIND, alternation(_LENDERS["de_verbs"]), _LENDER_ADVERB, _LENDER_NAME)
)
_LENDER_PROBES = (" by ", " par ", " por ", " von ", "Verfügung", "überlie", "lieh")  # (words: not "Paris", "nearby")


def lender_line(line: str) -> str | None:
    """The lender a line of its own names ('Photo submitted by Jane Roe.', 'Fotografía cedida
    por el Centro de Estudios Locales perteneciente al fondo Ejemplo.'), or None: a sentence
    that goes on after the name with a capital ('Photo submitted by Jane Roe. The mill ...') or
    names no one is caption text."""
    line = line.strip().rstrip(" |")
    if not 12 <= len(line) <= 300 or not any(probe in line for probe in _LENDER_PROBES):
        return None
    match = _LENDER_RE.match(line) or _GERMAN_LENDER_RE.match(line)
    if match is None:
        return None
    rest = match.group("rest").strip()
    if rest and not (rest in ".!" or rest[:1] in ",;(" or rest[:1].islower()):
        return None  # the sentence goes on: 'Photo sent by Jane Roe. The mill closed in 1950.'
    if ". " in rest.rstrip("."):
        return None
    name = match.group("name")
    for word in name.split()[:-1]:
        if word[-1:] == "." and len(word) > 2 and word[:-1] not in _ABBREVIATIONS:
            return None  # a stop after a word, then a capital: the sentence goes on ('Jane Roe. The ...')
    name = name.rstrip(".")
    last = name.rsplit(None, 1)[-1]
    if last in _ABBREVIATIONS or len(last) == 1:
        name = match.group("name")  # 'Ejemplo & Co.', 'Jane R.'
    return name if len(name) >= 3 else None
