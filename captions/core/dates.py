"""Partial dates: the shoot date of a photo as an interval with a precision.

PURE: no Django import. The parser, the models and the search filters all go through
this module, so "circa 1945", "Dezember 2025" and "1960er Jahre" mean the same interval
everywhere.

Two kinds of input:

* EDTF strings typed by an editor (``1945~``, ``196X``, ``1944/1946``): validated and
  turned into intervals here (``from_edtf``; the tests check it against the ``edtf`` library,
  which is too slow to call for every record).
* Natural-language dates in captions and date fields, in English, German, French and
  Spanish ("14th September 2024", "2. Dez. 2025", "1er mai 2024", "2 de diciembre de
  2025", "um 1930", "années 1960", exiftool's "2024:09:14 18:03:11"). No maintained
  library reads these in four languages (``edtf.natlang`` is English-only and slow, and
  dateutil guesses silently), so they are matched here by hand with regular expressions
  compiled once at import. The parser calls ``find_date``/``parse_date`` for every block,
  so no path touches the ``edtf`` library.
"""

from __future__ import annotations

import calendar
import datetime
import re
from dataclasses import dataclass

from captions.core.data import load_data
from captions.core.text import alternation, compile_guarded, fold_same_length, lazy_compile, word_trie

DAY = "day"
MONTH = "month"
YEAR = "year"
DECADE = "decade"
PRECISIONS = (DAY, MONTH, YEAR, DECADE)
_PRECISION_ORDER = {DAY: 0, MONTH: 1, YEAR: 2, DECADE: 3}
# Date words as data (captions/data/caption_labels.json)
_LABELS = load_data("caption_labels.json")

INVALID_DATE = "invalid_date"
FUTURE_DATE = "future_date"


@dataclass(frozen=True)
class PartialDate:
    text: str  # the date text as supplied, whitespace-normalized
    edtf: str | None  # '2025-12-02', '1945~', '196X', '1944/1946'; None when undated or invalid
    start: datetime.date | None
    end: datetime.date | None
    precision: str | None  # 'day' | 'month' | 'year' | 'decade' | None
    approximate: bool
    problem: str | None  # 'invalid_date' | 'future_date' | None

    @property
    def undated(self) -> bool:
        """True for a stated "undated" / "o. D." / "s. d.": known to have no date."""
        return self.edtf is None and self.problem is None


# --------------------------------------------------------------------------------------
# Text normalization. Matching runs on a folded copy of the text of the same length
# (core.text.fold_same_length), so spans found in it index the original.


def _normalize_space(text: str) -> str:
    return " ".join(text.split())


# --------------------------------------------------------------------------------------
# Vocabulary (folded spellings). Abbreviations may carry a dot, handled by the patterns.

_FRENCH_DECADE_WORDS = frozenset(
    {
        "vingt",
        "trente",
        "quarante",
        "cinquante",
        "soixante",
        "soixante-dix",
        "quatre-vingt",
        "quatre-vingts",
        "quatre-vingt-dix",
    }
)
_MONTH_WORDS = {
    1: "january jan januar janner jaenner janvier janv enero ene",
    2: "february feb februar feber fevrier fevr fev febrero",
    3: "march mar marz maerz mrz mars marzo",
    4: "april apr avril avr abril abr",
    5: "may mai mayo",
    6: "june jun juni juin junio",
    7: "july jul juli juillet juil julio",
    8: "august aug aout agosto ago",
    9: "september sept sep septembre septiembre setiembre set",
    10: "october oct oktober okt octobre octubre",
    11: "november nov novembre noviembre",
    12: "december dec dezember dez decembre diciembre dic",
}
MONTHS: dict[str, int] = {word: number for number, words in _MONTH_WORDS.items() for word in words.split()}
#: the English names, January first ('january' ... 'december'), each first in its line above
ENGLISH_MONTHS: tuple[str, ...] = tuple(words.split()[0] for _number, words in sorted(_MONTH_WORDS.items()))
# Everyday words in English that are also month abbreviations (see _month_word_counts).
_WEAK_MONTH_WORDS = frozenset({"set", "ago", "may", "mar"})

_DECADE_WORDS = {
    # English, German, French, Spanish number words for 20..90 (decades of the 1900s)
    "twenties": 20,
    "thirties": 30,
    "forties": 40,
    "fifties": 50,
    "sixties": 60,
    "seventies": 70,
    "eighties": 80,
    "nineties": 90,
    "zwanziger": 20,
    "dreissiger": 30,
    "dreißiger": 30,
    "vierziger": 40,
    "funfziger": 50,
    "fuenfziger": 50,
    "sechziger": 60,
    "siebziger": 70,
    "achtziger": 80,
    "neunziger": 90,
    "vingt": 20,
    "trente": 30,
    "quarante": 40,
    "cinquante": 50,
    "soixante": 60,
    "soixante-dix": 70,
    "quatre-vingt": 80,
    "quatre-vingts": 80,
    "quatre-vingt-dix": 90,
    "veinte": 20,
    "treinta": 30,
    "cuarenta": 40,
    "cincuenta": 50,
    "sesenta": 60,
    "setenta": 70,
    "ochenta": 80,
    "noventa": 90,
}


# Patterns run on folded text, anchored (re.match) at the start of a number or of the month
# name before it. _LEAD is a digit that does not continue a number, a decimal or a date.
_LEAD = r"\d(?<![\d.,:/-]\d)"
_MON = rf"(?<![a-z])(?P<mon>{word_trie(MONTHS)})(?![a-z])\.?"
_YEAR = r"(?P<year>\d{4})(?!\d|[.,:]\d)"
_ORDINAL = r"(?:st|nd|rd|th|er|re|eme|o|\.o)?"  # 1st, 1er, 1re, 1º, 1.º

_P_DMY_WORDS = lazy_compile(  # 14 September 2024, 2. Dez. 2025, 1er mai 2024, 2 de diciembre de 2025
    rf"(?P<day>{_LEAD}\d?){_ORDINAL}\.?\s?(?:de\s|of\s|the\s)?{_MON}(?:,?\s?(?:de\s|del\s|of\s)?{_YEAR})?"
)
_P_MDY_WORDS = lazy_compile(  # September 14, 2024 / Sept. 14 2024 / December 1945 / JULY 26 / Nov. 9-10, 1989
    _MON + r"\s?(?:(?P<day>\d\d?)(?:st|nd|rd|th)?(?:\s?[-–]\s?(?P<day2>\d\d?)(?:st|nd|rd|th)?)?(?![\d.:]\d))?,?\s?"
    r"(?:de\s|del\s|of\s)?"
    r"(?:(?<![\d])" + _YEAR + ")?"
)
_P_YMD_WORDS = lazy_compile(  # 1935 June 1, 1929 March 29, 1935 Jun., 1935, June (a library's order)
    rf"(?P<year>{_LEAD}\d{{3}}),?\s{_MON}(?:\s(?P<day>\d\d?)(?!\d|[.,:/]\d|\s?(?:st|nd|rd|th)?\s?(?:,\s?)?\d{{4}}))?"
)
_P_ISO = lazy_compile(  # 2025-12-02, 2025:12:02 (exif), 2025/12/02, 2025.12.02
    rf"(?P<year>{_LEAD}\d{{3}})(?P<sep>[-/:.])(?P<month>\d\d?)(?P=sep)(?P<day>\d\d?)(?![\d]|[.,]\d)"
)
_P_DMY_NUMERIC = lazy_compile(  # 06.05.2025, 6/5/2025, 14-09-2024
    rf"(?P<day>{_LEAD}\d?)(?P<sep>[./-])(?P<month>\d\d?)(?P=sep)(?P<year>\d{{4}})(?![\d]|[.,:/-]\d)"
)
_P_DMY_SHORT = lazy_compile(
    rf"(?P<day>{_LEAD}\d?)(?P<sep>[./-])(?P<month>\d\d?)(?P=sep)(?P<year>\d\d)(?![\d]|[.,:/-]\d)"
)
_P_ISO_MONTH = lazy_compile(rf"(?P<year>{_LEAD}\d{{3}})-(?P<month>\d\d)(?![\d]|[-/.:]\d)")
_P_MONTH_NUMERIC = lazy_compile(  # 12/2025, 03.2024 (not a shutter speed such as 1/1000 s)
    rf"(?P<month>{_LEAD}\d)[./](?P<year>\d{{4}})(?![\d]|[.,:/-]\d|\s?(?:s|sec|sek)\b)"
)
_P_MONTH_SHORT = lazy_compile(r"(?P<month>\d\d)/(?P<year>\d\d)(?![\d]|[.,:/-]\d|\s?(?:s|sec|sek)\b)")  # 05/25
_MONTH_SHORT_BEFORE = lazy_compile(r"(?<!\d\s)\b(?:von|vom|stand|from|dated|datiert)\s$")  # not a count: "10 von 12/24"
_RANGE_WORDS = {kind: _LABELS["year_range_words"][kind] for kind in ("through", "and", "or")}
_P_YEAR_RANGE = lazy_compile(  # 1944-1946, 1944/46, 1944 to 1946, (zwischen) 1944 und 1946
    rf"(?P<y1>{_LEAD}\d{{3}})(?P<doubt>\?)?(?:\s?(?P<sign>[-/])\s?(?P<circa>(?:ca\.?|c\.|circa|um|vers|hacia)\s?)?|\s(?P<word>"
    + alternation(word for words in _RANGE_WORDS.values() for word in words)
    + r")\s)"
    r"(?P<y2>\d{4}|\d{2})(?![\d]|[-/.:]\d)"
)
_RANGE_WORDS_NEEDING_PREFIX = frozenset(_RANGE_WORDS["and"])
# 'Berlin, 1936 oder 1937': one of two years, the interval of both (a few years apart at most)
_ALTERNATIVE_WORDS = frozenset(_RANGE_WORDS["or"])
_ALTERNATIVE_REACH = 10
_RANGE_PREFIX = lazy_compile(
    r"\b(?:"
    + alternation(_LABELS["year_range_words"]["openers"])
    + r")\s(?:the\s|l'an\s|el\sano\s|dem\sjahr\s|jahr\s)?$"
)
_P_DECADE_NUMBER = lazy_compile(  # 1960s, 1960's, the '60s, 1960er Jahre, 60er Jahre, années 60, 1960-er, 60iger Jahre
    rf"(?P<number>{_LEAD}(?:\d\d)?0)(?:(?P<s>'?s)|(?P<er>-?(?:ig)?er)(?P<er_tail>n|[\s-]?jahren?)?)?(?![a-z\d])"
)
_P_MID_DECADE = lazy_compile(r"(?P<number>\d{3}0)'?s(?![a-z\d])")  # after 'mid-': 'the mid-1960s'
# the second decade of a range of two: '-1900s', ' or early 1950s', '/1950er', ' to the 1950s'
_P_DECADE_RANGE_TAIL = lazy_compile(
    r"\s?(?:[-–/]|\s(?:to|or|bis|oder|und|and|ou|et|a|au|o|y|hasta))\s?(?:(?:early|late|mid-|the|fruhe|spate|los|les|den)\s?)?"
    r"'?(?P<number>(?:\d\d)?\d0)(?P<suffix>'?s|er)?(?![a-z\d])"
)
# the plural that makes a range of two round years two decades: "1920/30's", '1920-1930s', '1920/30er Jahre'
_DECADE_PLURAL = lazy_compile(r"'?s(?![a-z\d])|er(?:n|[\s-]?jahren?)?(?![a-z\d])")
_DECADE_PREFIX_EN = lazy_compile(r"(?:\bthe\s(?:early\s|late\s|mid-?\s?)?'?|')$")
_DECADE_PREFIX_DE = lazy_compile(r"\b(?:die|den|der)\s$")
_DECADE_PREFIX_FR_ES = lazy_compile(r"\b(?:(?:les\s|los\s)?annees|(?:los\s)?anos|decadas?\s(?:de(?:\slos)?|del))\s$")
_P_DECADE_WORDS = lazy_compile(
    r"\b(?:(?:the\s(?:early\s|late\s|mid-?\s?)?(?P<en>"
    + alternation(w for w in _DECADE_WORDS if w.endswith("ies"))
    + r"))"
    r"|(?:(?P<de>" + alternation(w for w in _DECADE_WORDS if "iger" in w) + r")(?:[\s-]?jahren?|n)?)"
    r"|(?:annees\s(?P<fr>" + alternation(w for w in _DECADE_WORDS if w in _FRENCH_DECADE_WORDS) + r"))"
    r"|(?:(?:anos|decadas?\s(?:de(?:\slos)?|del))\s(?P<es>"
    + alternation(w for w in _DECADE_WORDS if w.endswith("nta") or w == "veinte")
    + r")s?))(?![a-z-])"  # (Latin American plural: 'los años sesentas')
)
_NOT_A_YEAR_AFTER = lazy_compile(r"[a-z]|[.,:/-]\d|\s?(?:x|×|px|pixels?|dpi|ppi|cm|mm|mb|kb|%)(?![a-z])")
_DIMENSION_BEFORE = ("x", "×", "x ", "× ", "#", "no. ", "nr. ", "n° ")

# Words that make a date a guess ('vermutlich in den 1960er Jahren', 'probably in 1935'): data, in
# captions/data/caption_labels.json (uncertain_date_words); one preposition may follow them.
_UNCERTAIN_WORDS = tuple(_LABELS.get("uncertain_date_words", ()))
_HALVES = _LABELS.get("decade_halves", {})
_HALF_BEFORE = lazy_compile(
    r"\b(?:(?P<first>"
    + alternation(_HALVES.get("first", ()))
    + r")|(?P<second>"
    + alternation(_HALVES.get("second", ()))
    + r"))\s(?:"
    + alternation(_HALVES.get("half", ()))
    + r")\s(?:(?:"
    + alternation(_HALVES.get("of", ()))
    + r")\s)?$"
)
# 'um die Jahrhundertwende', 'at the turn of the century': 1900, approximate (caption_labels.json)
_CENTURY_TURN = lazy_compile(r"(?<![a-z])(?:" + alternation(_LABELS.get("century_turn_phrases", ())) + r")(?![a-z])")
_CENTURY_TURN_YEAR = 1900
# 'la calle 24 de Septiembre', 'rue du 8 Mai 1945', 'Straße des 17. Juni', 'la 9 de Julio': a street or a
# square named by a day, no date (caption_labels.json, date_named_places)
_NAMED_BY_DATE_BEFORE = lazy_compile(
    r"(?:(?<![a-z])(?:"
    + alternation(_LABELS.get("date_named_places", ()))
    + r")\.?\s(?:(?:du|de|del|des|de\sla)\s)?|(?P<la>(?<![a-z'])la\s))$"
)
# 'score 6-14-12', 'a 10-13-12 record': a score or a record, not a day with a two-digit year
_SCORE_BEFORE = lazy_compile(
    r"\b(?:" + alternation(_LABELS.get("score_words", ())) + r")\b(?:\s(?:of|a|an|the|de|von|du|del))?[\s:,]{1,3}$"
)
_SCORE_AFTER = lazy_compile(r"\s(?:" + alternation(_LABELS.get("score_words", ())) + r")\b")
# A picture word and 'de'/'von' before a year date the picture ('En esta fotografía de 1957 posan ...',
# 'une photo de 1920', 'ein Foto von 1957'): the year is stated, not a bare number
_PICTURE_WORDS = {fold_same_length(word) for word in _LABELS.get("event_clauses", {}).get("picture_words", ())}
_PICTURE_YEAR_BEFORE = lazy_compile(
    r"\b(?:" + alternation(_PICTURE_WORDS) + r")\s(?:de|du|von|aus|aus\sdem\sjahr(?:e)?|del\sano|de\sl'annee)\s$"
)
_CIRCA_BEFORE = compile_guarded(
    r"(?:\b(?:circa|ca\.?|approx\.?|approximately|around|um|gegen|etwa|vers|environ|hacia|"
    r"alrededor\sdel?|aux\senvirons\sde|en\s?torno\sal?|cerca\sdel?)\s?|\bc\.\s?|\bc(?=$)"
    r"|\b(?:"
    + alternation(_UNCERTAIN_WORDS)
    + r")\.?\s(?:(?:in|im|en|dans|au|a|from|aus|de|um|vers|hacia)\s)?|\bh\.\s?"
    # a cataloguer's dating in brackets after 'undated': 's.d. [1904-1910]', 'n.d. [1925]', 'o. D. (um 1930)'
    r"|(?:\b[sno]\.\s?d\.?|\bo\.\s?j\.?|\bs\.\s?f\.?|\bs/f|\bsans\sdate|\bsin\sfecha|\bundated|\bohne\sdatum|\bundatiert)\s?[\[(])"
    r"(?:(?:the|das\sjahr|dem\sjahr|l'an|el\sano|ano|el|los|del|de|les|den|der|die)\s)?$"
)
_CIRCA_AFTER = compile_guarded(  # 1925?, 1925 (?), 1925 (approx.), 1930-1935 aprox., 1952 aproximadamente
    r"\s?(?:[?~]|\((?:\?|ca\.?|circa|c\.|approx\.?|env\.?|um|" + alternation(_UNCERTAIN_WORDS) + r")\))"
    r"|\s(?:aprox|approx|ca|env|c)\.(?!\s?\d)|\scirca(?![a-z]|\.?\s?\d)|\sca(?![a-z.]|\s?\d)"
    r"|\s(?:aproximadamente|approximately|approximativement|environ|ungefahr)(?![a-z]|\s?\d)"
)
_YEAR_MARKER_BEFORE = lazy_compile(
    r"\b(?:" + alternation(word for words in _LABELS["year_markers"].values() for word in words) + r")\s$"
)
_UNDATED_FIELD = lazy_compile(
    r"^[\[(]?\s?(?:undated|not\sdated|date\sunknown|unknown\sdate|no\sdate|unknown|n\.\s?d\.?|nd|"
    r"o\.\s?d\.?|od|o\.\s?j\.?|ohne\sdatum|ohne\sjahr|undatiert|datum\sunbekannt|unbekannt|"
    r"s\.\s?d\.?|sd|sans\sdate|non\sdatee?|date\sinconnue|inconnue?|"
    r"sin\sfecha|s\.\s?f\.?|s/f|sin\sdatar|fecha\sdesconocida|desconocida?)\s?[\])]?\.?$"
)
_UNDATED_TEXT = lazy_compile(
    r"\b(?:undated|date\sunknown|ohne\sdatum|undatiert|sans\sdate|non\sdatee?|sin\sfecha|sin\sdatar)\b"
)
_DIGIT_RUN = lazy_compile(r"\d+")
_NUMBER_JOINERS = frozenset(".,:/-")
_ISO_SEPARATORS = frozenset("-/:.")
_DMY_SEPARATORS = frozenset("./-")
_BRACKET_CIRCA_RE = lazy_compile(r"\s?\[(?:ca|circa|c|env|hacia|um)\.?\]")
_MONTH_RANGE_BEFORE = lazy_compile(_MON + r"\s?(?:[-–/]|to|bis|a|au|à|hasta)\s?$")
# The first day of a range of days in one month, right before the second one: '9.-10. November
# 1989', '9./10. November
# 1989', 'in der Nacht vom 9. auf den 10. November 1989', 'du 9 au 10 novembre 1989', 'del 9 al 10
# de noviembre de 1989', 'the night of 9 to 10 November 1989'. Not a count ('1 of 3 - 10 Nov').
_DAY_RANGE_BEFORE = lazy_compile(
    r"(?<![\d.,:/-])(?P<d1>\d\d?)(?:st|nd|rd|th|er)?(?:\./|\.?\s?(?:[-–]|to|bis(?:\szum)?|auf\sden|au|al|and|und|et|y))\s?$"
)
# The first day of a range over two months, right before the second day: '30. Juni - 2. Juli 1937',
# 'vom 30. Juni bis 2. Juli 1937', 'du 30 juin au 2 juillet 1937', 'del 30 de junio al 2 de julio de
# 1937', '30 June to 2 July 1937'
_DAY_MONTH_RANGE_BEFORE = lazy_compile(
    r"(?<![\d.,:/-])(?P<d1>\d\d?)(?:st|nd|rd|th|er|o)?\.?\s?(?:de\s)?"
    + _MON
    + r"\s?(?:[-–]|to|bis(?:\szum)?|au|al|hasta)\s?$"
)
_COUNT_BEFORE = lazy_compile(r"(?:\d\s(?:of|von|sur|de)|\bnr\.?|\bno\.?|#)\s?$")
_MONTH_YEAR_RANGE_TAIL = lazy_compile(
    r"\s?(?:[-–/]|to|bis|until|till|a|au|hasta|jusqu'en)\s?" + _MON + r",?\s(?:de\s|del\s)?" + _YEAR
)
_MON_BEFORE = lazy_compile(_MON + r",?\s?(?:de\s|del\s|of\s)?$")

# Ranking of candidates in free text: the most specific expression wins, an explicit year
# ("in 1945", "circa 1943") beats a decade, and a bare number that looks like a year
# ("Olympic Games Paris 2024") loses to everything; ties go to the earliest in the text.
_RANK_DAY = 60
_RANK_DAY_NO_YEAR = 55
_RANK_MONTH = 50
_RANK_YEAR = 40
_RANK_DECADE = 30
_RANK_BARE_YEAR = 20

_MIN_BARE_YEAR = 1826  # the oldest surviving photograph


# --------------------------------------------------------------------------------------
# Building results


_DAYS_IN_MONTH = (0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)


def _last_day(year: int, month: int) -> int:
    # calendar.monthrange also computes the weekday of the 1st: several times the cost, on
    # every date the parser reads. Callers pass a month in 1..12.
    if month == 2 and calendar.isleap(year):
        return 29
    return _DAYS_IN_MONTH[month]


def _endpoint(year: int, month: int | None, day: int | None):
    """(start, end, edtf, precision) for one calendar date, or None if it cannot exist."""
    if not 1 <= year <= 9999:
        return None
    if month is None:
        return datetime.date(year, 1, 1), datetime.date(year, 12, 31), f"{year:04d}", YEAR
    if not 1 <= month <= 12:
        return None
    if day is None:
        last = _last_day(year, month)
        return (
            datetime.date(year, month, 1),
            datetime.date(year, month, last),
            f"{year:04d}-{month:02d}",
            MONTH,
        )
    if not 1 <= day <= _last_day(year, month):
        return None
    date = datetime.date(year, month, day)
    return date, date, date.isoformat(), DAY  # isoformat() is '%04d-%02d-%02d'


def _result(text, interval, approximate, today) -> PartialDate:
    if interval is None:
        return PartialDate(text, None, None, None, None, approximate, INVALID_DATE)
    start, end, edtf, precision = interval
    if approximate:
        edtf = "/".join(part + "~" for part in edtf.split("/"))
    problem = FUTURE_DATE if start > (today or datetime.date.today()) else None
    return PartialDate(text, edtf, start, end, precision, approximate, problem)


def _decade_interval(decade: int):
    if not 1000 <= decade <= 9990:
        return None
    return datetime.date(decade, 1, 1), datetime.date(decade + 9, 12, 31), f"{decade // 10:03d}X", DECADE


def _range_interval(first, last):
    if first is None or last is None or last[1] < first[0]:
        return None
    precision = max(first[3], last[3], key=_PRECISION_ORDER.__getitem__)
    return first[0], last[1], f"{first[2]}/{last[2]}", precision


# --------------------------------------------------------------------------------------
# Candidate search


class _Candidate:
    __slots__ = ("rank", "start", "end", "interval", "approximate", "needs_year", "month", "day")

    def __init__(self, rank, start, end, interval=None, *, needs_year=False, month=None, day=None):
        self.rank = rank
        self.start = start
        self.end = end
        self.interval = interval
        self.approximate = False
        self.needs_year = needs_year
        self.month = month
        self.day = day


def _int(value: str | None) -> int | None:
    return int(value) if value is not None else None


def _month_word_counts(match: re.Match, original: str, folded: str) -> bool:
    """'may', 'mar', 'set', 'ago' are everyday words: as a month they need a capital or a dot."""
    if match["mon"] not in _WEAK_MONTH_WORDS:
        return True
    start, end = match.span("mon")
    return original[start].isupper() or folded[end : end + 1] == "."


def _month_before(folded: str, number_start: int) -> int | None:
    """Start of a month name that ends just before a number ('July 26', 'diciembre de 2025')."""
    low = max(0, number_start - 18)
    tail = folded[low:number_start].rstrip(" ,.")
    if not tail or not tail[-1].isalpha():
        return None
    match = _MON_BEFORE.search(folded, low, number_start)
    return match.start() if match else None


def _candidates(original: str, folded: str, *, field: bool, today_year: int) -> list[_Candidate]:
    """Every date expression in the text, found by anchoring on its numbers.

    Every form but the decade words holds a day (1-2 digits) or a year (4 digits), so each
    pattern is tried only where such a number starts, instead of scanning the whole caption:
    this keeps find_date fast on long captions.
    """
    found: list[_Candidate] = []
    add = found.append
    covered = -1  # text up to here belongs to a candidate already found
    for run in _DIGIT_RUN.finditer(folded):
        start, end = run.span()
        digits = end - start
        if start < covered or not (digits == 4 or digits <= 2):
            continue
        # the second day of a range: '9-10 November 1989' (a dash between two day numbers)
        range_tail = (
            start > 0
            and digits <= 2
            and folded[start - 1] in "-–/"
            and _DAY_RANGE_BEFORE.search(folded, max(0, start - 16), start) is not None
        )
        if (
            start
            and folded[start - 1] in _NUMBER_JOINERS
            and not range_tail
            and not _GLUED_BEFORE.search(folded, max(0, start - 8), start)
        ):
            continue  # the tail of a decimal, a date or a longer number (not 'the mid-1960s', 'c.1925')
        before_count = len(found)
        following = folded[end : end + 1]
        month_start = _month_before(folded, start)
        if month_start is not None and month_start >= covered:  # (not a street's month: 'Straße des 17. Juni, 1960')
            m = _P_MDY_WORDS.match(folded, month_start)
            if m:
                _add_month_first(m, original, folded, field, add)
        if digits == 4:
            if following in _ISO_SEPARATORS:
                m = _P_ISO.match(folded, start)
                if m:
                    year, month, day = int(m["year"]), int(m["month"]), int(m["day"])
                    if year and day == 0 and (month == 0 or 1 <= month <= 12):
                        # IPTC IIM's Date Created: '00' for a month or a day that cannot be
                        # determined ('2010:00:00' is the year 2010, '1962:04:00' April 1962)
                        rank, endpoint = (
                            (_RANK_YEAR, _endpoint(year, None, None))
                            if month == 0
                            else (_RANK_MONTH, _endpoint(year, month, None))
                        )
                        add(_Candidate(rank, start, m.end(), endpoint))
                    elif not year == month == day == 0:  # exiftool's 0000:00:00 means "no date"
                        add(_Candidate(_RANK_DAY, start, m.end(), _endpoint(year, month, day)))
                if following == "-":
                    m = _P_ISO_MONTH.match(folded, start)
                    if m and 1 <= int(m["month"]) <= 12:
                        add(_Candidate(_RANK_MONTH, start, m.end(), _endpoint(int(m["year"]), int(m["month"]), None)))
            if len(found) == before_count:
                m = _P_YEAR_RANGE.match(folded, start)
                if m:
                    _add_range(m, folded, add)
            if len(found) == before_count and following in " ," and (m := _P_YMD_WORDS.match(folded, start)):
                # a library's '1935 June 1', '1929 March 29', '1935 Jun.', '1935, June'
                day = _int(m["day"])
                if _month_word_counts(m, original, folded) and (day is None or 1 <= day <= 31):
                    rank = _RANK_MONTH if day is None else _RANK_DAY
                    add(_Candidate(rank, start, m.end(), _endpoint(int(m["year"]), MONTHS[m["mon"]], day)))
        else:
            if following in _DMY_SEPARATORS:
                m = _P_DMY_NUMERIC.match(folded, start)
                offset = 0
                if m is None and range_tail and following == ".":
                    # the second day of a range: '7.-9.08.1923' (the pattern refuses a number after a
                    # dash or slash: read it alone)
                    m, offset = _P_DMY_NUMERIC.match(folded[start : start + 12]), start
                if m:
                    day, month, year = int(m["day"]), int(m["month"]), int(m["year"])
                    if m["sep"] != "." and month > 12 and day <= 12:
                        day, month = month, day  # 9/14/2024: the second number cannot be a month
                    begin, interval = _with_first_day(folded, start, year, month, day, _endpoint(year, month, day))
                    add(_Candidate(_RANK_DAY, begin, m.end() + offset, interval))
                elif (
                    (m := _P_DMY_SHORT.match(folded, start))
                    and (m["sep"] == "." or int(m["day"]) > 12 or int(m["month"]) > 12)
                    and not (m["sep"] == "-" and _is_score(folded, start, m.end()))
                    and not _NUMBERED_BEFORE.search(folded, max(0, start - 12), start)
                ):
                    # '30/11/11', '06.05.25', '8-19-07': a two-digit year, day first with a dot,
                    # otherwise whichever order the numbers leave unmistakable (a first number
                    # no month can be: day first; a second one: the American month first); the
                    # century the nearest past one. A day that cannot exist is no date here
                    # ('version 2.0.11'), not invalid_date.
                    year = 2000 + int(m["year"])
                    year = year if year <= today_year else year - 100
                    day, month = int(m["day"]), int(m["month"])
                    if m["sep"] != "." and month > 12:
                        day, month = month, day
                    short = _endpoint(year, month, day)
                    if short is not None:
                        add(_Candidate(_RANK_DAY, start, m.end(), short))
                elif following != "-":
                    m = _P_MONTH_NUMERIC.match(folded, start)
                    if m and digits == 2 and 1 <= int(m["month"]) <= 12:
                        add(_Candidate(_RANK_MONTH, start, m.end(), _endpoint(int(m["year"]), int(m["month"]), None)))
                    elif (
                        digits == 2
                        and following == "/"
                        and (m := _P_MONTH_SHORT.match(folded, start))
                        and 1 <= int(m["month"]) <= 12
                        and _MONTH_SHORT_BEFORE.search(folded, max(0, start - 8), start)
                    ):
                        # 'Sitzung im Plenarsaal von 05/25', 'Stand 03/24': a month and a two-digit
                        # year after 'von', 'vom', 'Stand', 'from' (the century the nearest past one)
                        year = 2000 + int(m["year"])
                        year = year if year <= today_year else year - 100
                        add(_Candidate(_RANK_MONTH, start, m.end(), _endpoint(year, int(m["month"]), None)))
            if len(found) == before_count:
                m = _P_DMY_WORDS.match(folded, start)
                offset = 0
                if m is None and range_tail:
                    # (the pattern refuses a day after a dash, the tail of a number: read it alone)
                    m, offset = _P_DMY_WORDS.match(folded[start : start + 80]), start
                if m and 1 <= int(m["day"]) <= 31 and (m["year"] or not offset):
                    named = _NAMED_BY_DATE_BEFORE.search(folded, max(0, start - 16), start)
                    if named and (named["la"] is None or " de " in m.group()):
                        # a street's name, its year too ('rue du 8 Mai 1945'); not a year after a comma
                        # ('Straße des 17. Juni, 1960')
                        glued = m["year"] and "," not in folded[m.end("mon") : m.start("year")]
                        covered = (m.end() if glued else m.end("mon")) + offset
                        continue
                    month = MONTHS[m["mon"]]
                    if m["year"]:
                        day, year = int(m["day"]), int(m["year"])
                        begin, interval = _with_first_day(folded, start, year, month, day, _endpoint(year, month, day))
                        add(_Candidate(_RANK_DAY, begin, m.end() + offset, interval))
                    elif not field and _month_word_counts(m, original, folded):
                        add(
                            _Candidate(
                                _RANK_DAY_NO_YEAR, start, m.end(), needs_year=True, month=month, day=int(m["day"])
                            )
                        )
        if len(found) == before_count and folded[end - 1] == "0":
            m = _P_DECADE_NUMBER.match(folded, start)
            if m:
                _add_decade(m, folded, add)
                if len(found) > before_count:
                    _to_next_decade(found[-1], folded)
                    _to_half_decade(found[-1], folded)
            elif (
                folded[start - 1 : start] == "-"
                and (glued := _GLUED_BEFORE.search(folded, max(0, start - 8), start))
                and (m := _P_MID_DECADE.match(folded, start))
            ):  # 'the mid-1960s', 'early-1920s', 'late-1920s'
                add(_Candidate(_RANK_DECADE, glued.start(), m.end(), _decade_interval(int(m["number"]))))
        if len(found) == before_count and digits == 4:
            _add_year(run, folded, field, today_year, add)
        added = len(found) - before_count
        if added:
            covered = found[-1].end if added == 1 else max(c.end for c in found[before_count:])
    # a decade word ('sixties', 'sechziger', 'annees soixante', 'anos sesenta') holds one of these;
    # the test is spelled out, not a loop over a tuple, because it runs on every call
    if "ties" in folded or "iger" in folded or "annees" in folded or "anos" in folded or "decada" in folded:
        for m in _P_DECADE_WORDS.finditer(folded):
            word = m["en"] or m["de"] or m["fr"] or m["es"]
            add(_Candidate(_RANK_DECADE, m.start(), m.end(), _decade_interval(1900 + _DECADE_WORDS[word])))
            _to_half_decade(found[-1], folded)
    if "jahrhundert" in folded or "century" in folded or "siecle" in folded or "siglo" in folded:
        for m in _CENTURY_TURN.finditer(folded):
            turn = _Candidate(_RANK_DECADE, m.start(), m.end(), _endpoint(_CENTURY_TURN_YEAR, None, None))
            turn.approximate = True
            add(turn)
    return found


# 'Version 2.10.11', 'Nr. 12.10.12', 'Art. 5/3/24': a number, not a day with a two-digit year
_NUMBERED_BEFORE = lazy_compile(r"(?:\b(?:" + alternation(_LABELS.get("numbered_words", ())) + r")\.?|#|§)\s?$")


def _is_score(folded: str, start: int, end: int) -> bool:
    """'score 6-14-12', 'a 10-13-12 record': three numbers a score word stands right before or after."""
    return bool(_SCORE_BEFORE.search(folded, max(0, start - 24), start) or _SCORE_AFTER.match(folded, end))


def _with_first_day(folded: str, start: int, year: int, month: int, day: int, interval):
    """(start, interval) of a day, or of the range of days it closes ('9.-10. November 1989',
    '7.-9.08.1923', 'du 9 au 10 novembre 1989'; not a count: '1 of 3 - 10 Nov 2024')."""
    first = _DAY_RANGE_BEFORE.search(folded, max(0, start - 16), start) if start else None
    if first is None and start and folded[start - 1] == " ":
        across = _DAY_MONTH_RANGE_BEFORE.search(folded, max(0, start - 32), start)
        if across is not None and MONTHS[across["mon"]] < month:
            first_day = _endpoint(year, MONTHS[across["mon"]], int(across["d1"]))
            if first_day is not None and not _COUNT_BEFORE.search(folded, max(0, across.start() - 6), across.start()):
                return across.start(), _range_interval(first_day, interval)
    if (
        first is None
        or not 1 <= int(first["d1"]) < day
        or _COUNT_BEFORE.search(folded, max(0, first.start() - 6), first.start())
    ):
        return start, interval
    return first.start(), _range_interval(_endpoint(year, month, int(first["d1"])), interval)


def _add_month_first(m: re.Match, original: str, folded: str, field: bool, add) -> None:
    month, day, year = MONTHS[m["mon"]], _int(m["day"]), _int(m["year"])
    if day is not None and not 1 <= day <= 31:
        return
    if year is not None:
        if day is not None:
            interval = _endpoint(year, month, day)
            last = _int(m["day2"])
            if last is not None and day < last <= 31:  # 'Nov. 9-10, 1989': the range of days
                interval = _range_interval(interval, _endpoint(year, month, last))
            add(_Candidate(_RANK_DAY, m.start(), m.end(), interval))
        elif _month_word_counts(m, original, folded):
            start, interval = m.start(), _endpoint(year, month, None)
            # 'August-September 1930', 'mars à mai 1944': the range of months of one year
            first = _MONTH_RANGE_BEFORE.search(folded, max(0, start - 16), start)
            if first is not None and MONTHS[first["mon"]] < month:
                start, interval = first.start(), _range_interval(_endpoint(year, MONTHS[first["mon"]], None), interval)
            end = m.end()
            # 'Dezember 1944 - Januar 1945', 'from May 1944 to June 1945', 'de mayo de 1944 a junio
            # de 1945': the range of months to a later month of a later year
            tail = _MONTH_YEAR_RANGE_TAIL.match(folded, end) if folded[end : end + 1] in (" ", "-", "–", "/") else None
            if tail is not None:
                last_year, last_month = int(tail["year"]), MONTHS[tail["mon"]]
                later = year < last_year <= year + 10 or (year == last_year and month < last_month)
                if later and _month_word_counts(tail, original, folded):
                    interval = _range_interval(interval, _endpoint(last_year, last_month, None))
                    end = tail.end()
            add(_Candidate(_RANK_MONTH, start, end, interval))
    elif day is not None and not field and _month_word_counts(m, original, folded):
        add(_Candidate(_RANK_DAY_NO_YEAR, m.start(), m.end(), needs_year=True, month=month, day=day))


def _add_range(m: re.Match, folded: str, add) -> None:
    start = m.start()
    prefix = _RANGE_PREFIX.search(folded, max(0, start - 24), start)
    if m["word"] in _RANGE_WORDS_NEEDING_PREFIX and prefix is None:
        return  # "1944 and 1946" lists two years; "between 1944 and 1946" is a range
    first, raw_last = int(m["y1"]), m["y2"]
    if len(raw_last) == 2:
        if m["sign"] is None or (m["sign"] == "-" and int(raw_last) <= 12):
            return  # 2010-11 is November 2010, not a range
        last = first // 100 * 100 + int(raw_last)
    else:
        last = int(raw_last)
    if not first < last <= first + (_ALTERNATIVE_REACH if m["word"] in _ALTERNATIVE_WORDS else 100):
        return
    if first % 10 == last % 10 == 0:
        decades = _DECADE_PREFIX_FR_ES.search(folded, max(0, start - 20), start)
        plural = None if decades else _DECADE_PLURAL.match(folded, m.end())
        if decades or plural:
            # 'années 1940-1950', 'décadas de 1940 y 1950', '1920/30's', '1920-30er Jahre': two decades
            first_at = decades.start() if decades else start
            add(
                _Candidate(
                    _RANK_DECADE,
                    first_at,
                    plural.end() if plural else m.end(),
                    _range_interval(_decade_interval(first), _decade_interval(last)),
                )
            )
            return
    interval = _range_interval(_endpoint(first, None, None), _endpoint(last, None, None))
    candidate = _Candidate(_RANK_YEAR, prefix.start() if prefix else start, m.end(), interval)
    candidate.approximate = bool(m["doubt"] or m["circa"])  # '1910?-1920?', 'ca. 1935 - ca. 1940'
    add(candidate)


def _add_decade(m: re.Match, folded: str, add) -> None:
    number, start = m["number"], m.start()
    low = max(0, start - 20)
    if len(number) == 2:
        if number == "00":
            return
        decade = 1900 + int(number)  # "the '60s", "60er Jahre": the twentieth century
        if m["s"]:  # "the '60s", and the English plural after Spanish 'los años 50's' ('50´s')
            prefix = _DECADE_PREFIX_EN.search(folded, low, start) or _DECADE_PREFIX_FR_ES.search(folded, low, start)
        elif m["er"]:
            prefix = True if m["er_tail"] else _DECADE_PREFIX_DE.search(folded, low, start)
        else:
            prefix = _DECADE_PREFIX_FR_ES.search(folded, low, start)
        if not prefix:
            return
    else:
        decade = int(number)
        if m["s"]:
            prefix = _DECADE_PREFIX_EN.search(folded, low, start)
        else:
            prefix = _DECADE_PREFIX_FR_ES.search(folded, low, start)
            if prefix is None and not m["er"]:
                return  # a plain year such as 1960
    if prefix is not None and prefix is not True:
        start = prefix.start()
    add(_Candidate(_RANK_DECADE, start, m.end(), _decade_interval(decade)))


def _to_next_decade(candidate: _Candidate, folded: str) -> None:
    """'1890s-1900s', 'late 1940s or early 1950s', '1940er/1950er Jahre': the decade a range of
    two decades closes extends the first one's candidate (one decade to five later)."""
    if candidate.interval is None:
        return
    m = _P_DECADE_RANGE_TAIL.match(folded, candidate.end)
    if m is None or (
        m["suffix"] is None
        and not folded.startswith(("annees", "les annees", "anos", "los anos", "decada"), candidate.start)
    ):
        return  # a bare number closes the range only after 'années', 'años' ('años 40-50')
    first = candidate.interval[0].year
    number = m["number"]
    last = int(number) if len(number) == 4 else first // 100 * 100 + int(number)
    if first < last <= first + 50:
        candidate.interval = _range_interval(candidate.interval, _decade_interval(last))
        candidate.end = m.end()


def _to_half_decade(candidate: _Candidate, folded: str) -> None:
    """'the second half of the 1920s', 'in der zweiten Hälfte der 1920er Jahre', 'la seconde partie
    des années 1920': the years 5 to 9 of the decade (0 to 4 for the first half), precision year."""
    interval = candidate.interval
    if interval is None or interval[3] != DECADE or "/" in interval[2]:
        return
    half = _HALF_BEFORE.search(folded, max(0, candidate.start - 40), candidate.start)
    if half is None:
        return
    first = interval[0].year + (5 if half["second"] else 0)
    candidate.interval = _range_interval(_endpoint(first, None, None), _endpoint(first + 4, None, None))
    candidate.start = half.start()


def _add_year(run: re.Match, folded: str, field: bool, today_year: int, add) -> None:
    start, end = run.span()
    if _NOT_A_YEAR_AFTER.match(folded, end):
        return  # 4000 x 3000 px, 2024th, 1945.5
    low = max(0, start - 24)
    before = folded[low:start]
    if before.endswith(_DIMENSION_BEFORE):
        return  # 3000 x 2000, #1945
    year = int(run.group())
    stated = _YEAR_MARKER_BEFORE.search(before) or _CIRCA_BEFORE.search(before) or _PICTURE_YEAR_BEFORE.search(before)
    if field or stated:
        rank = _RANK_YEAR
    elif _in_quoted_title(folded, start, end):
        return  # an exhibition's, a book's or a film's title: 'Ausstellung „Vertriebene 1939“'
    elif _MIN_BARE_YEAR <= year <= today_year:
        rank = _RANK_BARE_YEAR
    else:
        return  # "2000 protesters", "Vision 2030": not shoot dates
    add(_Candidate(rank, start, end, _endpoint(year, None, None)))


# A title in quotes: its opening and closing marks ('„…“' German, '“…”' English, '«…»' French,
# '"…"'); a title is short, and holds words before its year.
_QUOTE_PAIRS = {"„": "“", "“": "”", "«": "»", '"': '"'}
_QUOTE_REACH = 60


def _in_quoted_title(folded: str, start: int, end: int) -> bool:
    """Is the bare year at folded[start:end] inside a short quoted title ('die Ausstellung
    „Vertriebene 1939“', 'the exhibition "Paris 1900"', 'le film « Paris 1900 »')?"""
    low = max(0, start - _QUOTE_REACH)
    for at in range(start - 1, low - 1, -1):
        opening = folded[at]
        closing = _QUOTE_PAIRS.get(opening)
        if closing is None:
            if opening in "”»":
                return False  # a quote closed before the year
            continue
        if opening == '"' and folded.count('"', 0, at) % 2:
            return False  # the closing mark of an earlier quote
        if opening == "“" and folded.rfind("„", low, at) >= 0:
            return False  # German's closing mark
        if not any(character.isalpha() for character in folded[at + 1 : start]):
            return False  # no words before the year: a quoted date
        return folded.find(closing, end, end + _QUOTE_REACH) >= 0
    return False


# A word glued to a number by a dot or a dash that makes it no number's tail: 'the mid-1960s',
# 'early-1920s', 'late-1920s', 'c.1925', 'ca.1925', 'approx.1925'
_GLUED_BEFORE = lazy_compile(r"(?<![a-z])(?:mid|early|late)-$|(?<![a-z])(?:c|ca|approx|env)\.$")
# 'about 1925' makes a date a guess, but no number a date ('about 2000 people'): approximate only
_ABOUT_BEFORE = lazy_compile(r"\babout\s$")


def _mark_approximate(folded: str, candidate: _Candidate) -> None:
    before = folded[max(0, candidate.start - 32) : candidate.start]
    circa = _CIRCA_BEFORE.search(before) or _ABOUT_BEFORE.search(before)
    if circa:
        candidate.approximate = True
        candidate.start -= len(before) - circa.start()
        if circa.group()[-1:] in ("[", "(") and folded[candidate.end : candidate.end + 1] in ("]", ")"):
            candidate.end += 1  # the cataloguer's bracket closes: 's.d. [1904-1910]'
        return
    after = _CIRCA_AFTER.match(folded, candidate.end)
    if after:
        candidate.approximate = True
        candidate.end = after.end()


def _pick(found: list[_Candidate], folded: str) -> _Candidate | None:
    if not found:
        return None
    best = None
    for candidate in found:
        if candidate.needs_year:
            continue
        if best is None or candidate.rank > best.rank or (candidate.rank == best.rank and candidate.start < best.start):
            best = candidate
    dateline = None
    for candidate in found:
        if candidate.needs_year and (dateline is None or candidate.start < dateline.start):
            dateline = candidate
    if dateline is not None and (best is None or best.rank < _RANK_DAY):
        # "PARIS, FRANCE - JULY 26: ... Paris 2024": a day without a year takes the year
        # stated elsewhere in the text.
        years = [c for c in found if c.interval is not None and c.interval[3] == YEAR and "/" not in c.interval[2]]
        if years:
            year = min(years, key=lambda c: c.start).interval[0].year
            dateline.interval = _endpoint(year, dateline.month, dateline.day)
            dateline.needs_year = False
            best = dateline
    return best


def _search(text: str, *, field: bool, today: datetime.date | None):
    normalized = _normalize_space(text)
    if not normalized:
        return normalized, None, None
    folded = fold_same_length(normalized)
    if len(folded) != len(normalized):  # a rare character whose lower case is longer
        folded = "".join(fold_same_length(char)[:1] or " " for char in normalized)  # keep spans aligned
    today = today or datetime.date.today()
    bracketed = "[" in folded and _BRACKET_CIRCA_RE.search(folded)
    if bracketed:
        # a catalogue's '1890[ca]-1900[ca]', '1925 [ca.]': the years, approximate
        folded = _BRACKET_CIRCA_RE.sub("", folded)
    best = _pick(_candidates(normalized, folded, field=field, today_year=today.year), folded)
    if best is not None:
        _mark_approximate(folded, best)
        best.approximate = best.approximate or bool(bracketed)
    return normalized, folded, best


# --------------------------------------------------------------------------------------
# Public API


def parse_date(text: str, *, today: datetime.date | None = None) -> PartialDate | None:
    """A date FIELD value ('2. Dezember 2025', 'circa 1945', 'o. D.', an exiftool line).

    None when the text holds no date at all; a PartialDate with edtf None and no problem
    when it states that the photo is undated.
    """
    today = today or datetime.date.today()  # once: the clock is read per call otherwise
    stripped = text.strip() if len(text) <= 40 else ""
    if stripped and ("X" in stripped or "/" in stripped[4:5] + stripped[7:8] + stripped[10:11]):
        # an EDTF value ('193X', '1935-06-01/1935-06-30', '1944/1946'): the project's own notation
        edtf = _edtf_field(stripped, today)
        if edtf is not None:
            return edtf
    normalized, folded, best = _search(text, field=True, today=today)
    if best is None:
        if folded and _UNDATED_FIELD.match(folded.strip(" :;,")):
            return PartialDate(normalized, None, None, None, None, False, None)
        return None
    return _result(normalized, best.interval, best.approximate, today)


def _edtf_field(text: str, today: datetime.date) -> PartialDate | None:
    if not _EDTF_FIELD_RE.fullmatch(text):
        return None
    try:
        value = from_edtf(text)
    except ValueError:
        return None
    problem = FUTURE_DATE if value.start > today else None
    return PartialDate(value.text, value.edtf, value.start, value.end, value.precision, value.approximate, problem)


_EDTF_FIELD_RE = lazy_compile(r"\d{3}[\dX](?:-\d\d){0,2}[~?%]?(?:/\d{3}[\dX](?:-\d\d){0,2}[~?%]?)?")


def find_date(text: str, *, today: datetime.date | None = None) -> PartialDate | None:
    """The most specific date expression in free text (a caption), or None.

    `text` of the result is the expression as it stands in the caption.
    """
    today = today or datetime.date.today()
    normalized, folded, best = _search(text, field=False, today=today)
    if best is None:
        if folded and ("dat" in folded or "fecha" in folded):
            undated = _UNDATED_TEXT.search(folded)
            if undated:
                return PartialDate(normalized[undated.start() : undated.end()], None, None, None, None, False, None)
        return None
    return _result(normalized[best.start : best.end], best.interval, best.approximate, today)


_WEEKDAYS = (
    *("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"),
    *("montag", "dienstag", "mittwoch", "donnerstag", "freitag", "samstag", "sonnabend", "sonntag"),
    *("lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"),
    *("lunes", "martes", "miercoles", "jueves", "viernes", "sabado", "domingo"),
)
_WEEKDAY_DATE = lazy_compile(
    r"(?:" + alternation(_WEEKDAYS) + r"),?\s(?:(?:der|den|le|el)\s)?(?P<date>[^\n]{6,40}?)[.,]?"
)


_WEEKDAY_WORD = lazy_compile(r"(?<![a-z])(?:" + alternation(_WEEKDAYS) + r")(?![a-z]),?\s?(?:(?:der|den|le|el)\s)?")


def without_weekday(text: str) -> str:
    """The text without the weekday before its date ('vintage print, Friday, May 22, 1914' ->
    'vintage print, May 22, 1914', 'miércoles, 14 de septiembre de 2022'): a length measured
    on what the line says besides its day."""
    folded = fold_same_length(text)
    match = _WEEKDAY_WORD.search(folded) if len(folded) == len(text) else None
    return text if match is None else text[: match.start()] + text[match.end() :]


def weekday_date(line: str, *, today: datetime.date | None = None) -> PartialDate | None:
    """The day a line states with its weekday and nothing else ('Wednesday, January 2, 2008',
    'vendredi 13 février 2009', 'miércoles, 9 de junio de 2021', 'Samstag, 3. Mai 2014'): a blog's
    or a page's post date, whole with its year; None for anything else."""
    stripped = line.strip()
    if not 12 <= len(stripped) <= 60 or not (stripped[-1:].isdigit() or stripped[-1:] in (".", ",")):
        return None
    match = _WEEKDAY_DATE.fullmatch(fold_same_length(stripped))
    if match is None:
        return None
    found = parse_date(stripped[match.start("date") : match.end("date")], today=today)
    if (
        found is None
        or found.precision != DAY
        or found.problem
        or len(found.text) != match.end("date") - match.start("date")
    ):
        return None
    return found


_BOUND = lazy_compile(r"(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?")


def parse_bound(text: str) -> tuple[datetime.date, datetime.date]:
    """A search-filter bound 'YYYY', 'YYYY-MM' or 'YYYY-MM-DD' -> the interval it covers."""
    value = (text or "").strip()
    match = _BOUND.fullmatch(value)
    if not match:
        raise ValueError(f"“{value}” is not a date: use YYYY, YYYY-MM or YYYY-MM-DD, e.g. 1945 or 2025-12-02.")
    year, month, day = int(match[1]), _int(match[2]), _int(match[3])
    if year < 1:
        raise ValueError(f"“{value}”: year {match[1]} does not exist.")
    if month is not None and not 1 <= month <= 12:
        raise ValueError(f"“{value}”: there is no month {month}.")
    interval = _endpoint(year, month, day)
    if interval is None:
        raise ValueError(
            f"“{value}” does not exist: {calendar.month_name[month]} {year} has {_last_day(year, month)} days."
        )
    return interval[0], interval[1]


_EDTF_SIMPLE = lazy_compile(
    r"(?P<year>\d{4})(?:-(?P<month>0[1-9]|1[0-2])(?:-(?P<day>0[1-9]|[12]\d|3[01]))?)?(?P<qual>[~?%])?"
)
_EDTF_DECADE = lazy_compile(r"(?P<decade>\d{3})X(?P<qual>[~?%])?")


def _edtf_part(part: str):
    """(precision, approximate, first day, last day) of one supported EDTF date, or None.

    Raises ValueError for a well-formed date that the calendar does not have (2023-02-29).
    """
    match = _EDTF_SIMPLE.fullmatch(part)
    if match:
        year = int(match["year"])
        if match["day"]:
            day = datetime.date(year, int(match["month"]), int(match["day"]))
            return DAY, bool(match["qual"]), day, day
        if match["month"]:
            month = int(match["month"])
            last = calendar.monthrange(year, month)[1]
            return MONTH, bool(match["qual"]), datetime.date(year, month, 1), datetime.date(year, month, last)
        return YEAR, bool(match["qual"]), datetime.date(year, 1, 1), datetime.date(year, 12, 31)
    match = _EDTF_DECADE.fullmatch(part)
    if match:
        decade = int(match["decade"]) * 10
        return DECADE, bool(match["qual"]), datetime.date(decade, 1, 1), datetime.date(decade + 9, 12, 31)
    return None


def from_edtf(edtf: str) -> PartialDate:
    """An EDTF string typed by an editor (or stored on a record) -> PartialDate.

    Supported: YYYY, YYYY-MM, YYYY-MM-DD and YYYX, each optionally qualified with ~ (about),
    ? (uncertain) or % (both) -- all three count as approximate -- and intervals A/B of them.
    Computed here rather than with the ``edtf`` library: its pyparsing grammar costs ~15 ms a
    call, too slow for validating every imported record; the test suite checks these bounds
    against the library's (tests/test_dates.py). Raises ValueError with a message.
    """
    value = (edtf or "").strip()
    parts = value.split("/")
    try:
        described = [_edtf_part(part) for part in parts]
    except ValueError:
        raise ValueError(f"“{value}” is not a valid date (check the month and day).") from None
    if not value or len(parts) > 2 or None in described:
        raise ValueError(
            f"“{value}” is not a supported EDTF date: use e.g. 2025-12-02, 2025-12, 1945, 1945~, 196X or 1944/1946."
        )
    start, end = described[0][2], described[-1][3]
    if end < start:
        raise ValueError(f"“{value}”: the interval ends before it starts.")
    precision = max((d[0] for d in described), key=_PRECISION_ORDER.__getitem__)
    approximate = any(d[1] for d in described)
    problem = FUTURE_DATE if start > datetime.date.today() else None
    return PartialDate(value, value, start, end, precision, approximate, problem)


def decade_of(d: datetime.date) -> int:
    """The decade a date falls in: 1967-05-01 -> 1960."""
    return d.year // 10 * 10
