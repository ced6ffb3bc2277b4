"""Restriction notices, credit lines and agency markers, in four languages.

PURE: no Django import. A notice is standing text an agency appends to every picture of a
kind ('Editorial use only', the Alamy imperfection notice, 'Mandatory Credit', an embargo);
it is never description, so the parser removes it from the caption and maps it to caveat
tags. Licence terms and territory tokens ('Rights managed', 'No sales in Germany') are kept
in the verbatim restriction text but map to no tag: they are about price, not about what an
editor may print.
"""

from __future__ import annotations

import re
import re._parser as _sre_parser  # the pattern's width: the stdlib's own parser, as re.compile uses
from datetime import UTC, datetime, time, timedelta, timezone
from functools import lru_cache
from zoneinfo import ZoneInfo

from captions.core import places
from captions.core.text import alternation, compile_guarded, lazy_compile, word_trie

from .lexicon import (
    ALL_SENTENCE_OPENERS,
    ARCHIVE_REFERENCE_PROBES,
    ARCHIVE_REFERENCE_RE,
    BYLINE_WORD,
    BYLINE_WORD_STRICT,
    BYLINE_WORDS,
    KNOWN_NOTICES,
    NAME_JOINER,
    NAME_JOINERS,
    NAME_PARTICLE,
    NAME_PARTICLE_CAPS,
    NAME_PARTICLES,
    PERSON_NAME,
    PERSON_NAME_CAPS,
    PHOTO_WORD,
    load_data,
)

# --- caveat phrases (matched on folded text: lower case, no accents) -----------------------

EDITORIAL_RE = lazy_compile(
    r"editorial\s(?:use|usage|purposes)|editorial only|for editorial\b|\bnews use only"
    r"|redaktionell|redaktionellen|nur fur redaktion"
    r"|usage\s(?:editorial|redactionnel)|utilisation\s(?:editoriale|redactionnelle)"
    r"|(?:uso|utilizacion)\s(?:exclusivamente\s)?editorial|solo\s(?:para\s)?uso\seditorial"
    r"|\bno commercial use\b|not for commercial use|keine kommerzielle|pas d'usage commercial"
    r"|\brestricted\b|\brestrictions apply\b"
    # a use the supplier forbids, as the notice's own verb says it ('THE DFL DOES NOT ALLOW THE
    # IMAGES TO BE USED AS SEQUENCES', 'DFL regulations prohibit any use of photographs as image
    # sequences', 'darf nicht für Werbung verwendet werden', 'toute utilisation interdite',
    # 'prohibido su uso comercial'): a restricted use
    r"|\b(?:does|do|will) not (?:allow|permit) (?:the |its |these |this |any )?"
    r"(?:images?|photos?|pictures?|photographs?|content|material) to be used\b"
    r"|\b(?:images?|photos?|pictures?|photographs?|content|material) (?:must|may|shall|can) not be used\b"
    r"|\bprohibits? (?:any|the) use of\b"
    r"|\b(?:darf|durfen) (?:nicht|nur) .{0,60}(?:verwendet|genutzt|veroffentlicht) werden"
    r"|\bverbiet\w{0,3} jede (?:verwendung|nutzung)"
    r"|\b(?:toute )?(?:utilisation|reproduction) interdite|\binterdi\w{0,3} (?:toute|d'utiliser)"
    r"|\bprohibid[oa]s? (?:su |el |la )?(?:uso|utilizacion|reproduccion)"
)
MANDATORY_CREDIT_RE = lazy_compile(
    r"mandatory\s(?:credit|byline)|credit\s(?:is\s)?(?:mandatory|required|obligatory)"
    # ('Credit line must read: ...', 'Photo credit must read ...': the wording is prescribed)
    r"|credit(?:\sline)?\smust\sread|must\s(?:be\s)?credit|obligatorische\squellenangabe|quellenangabe\s(?:ist\s)?(?:pflicht|obligatorisch|erforderlich)"
    r"|pflicht(?:angabe|nennung)|credit\sobligatoire|mention\sobligatoire|mention\sde\scredit\sobligatoire"
    r"|credito\sobligatorio|credito\sobligatoria|obligatorio\scitar"
    # dpa: 'nur mit vollständiger Nennung des vorstehenden Credits'
    r"|vollstandiger\snennung\sdes\s(?:vorstehenden\s|obigen\s)?credits"
)
IMPERFECT_RE = lazy_compile(r"(?:imperfections?|mangel|imperfecciones)\b.{0,80}(?:histor|reportage|reportaje)")
EMBARGO_RE = lazy_compile(
    r"\bembargo(?:ed)?\b|\bsperrfrist\b|\bembargado\b|\bsous embargo\b"
    r"|not (?:to be )?(?:published|for publication|for release) (?:before|until)"
    r"|nicht vor .{1,40} (?:veroffentlichen|verwenden)|ne pas publier avant|no publicar antes"
)
# Model release stated as missing. 'Property - no' alone is a property release: no tag.
NO_MODEL_RELEASE_RE = lazy_compile(
    r"\bmodel(?:e|o|l)?\s?-?\s?(?:released?)?\s?[:\-=]?\s?(?:no|none|nein|non|not available|not released)\b"
    r"|\bnot released\b|\bno model release\b|\bmodel release(?: status)?\s?[:\-]?\s?(?:no|none|mr-non)\b"
    r"|\bmr-non\b|kein(?:e)? (?:model|modell)[- ]?(?:release|freigabe)|modellfreigabe\s?[:\-]?\s?(?:nein|keine|no)\b"
    r"|nicht freigegeben|pas d'autorisation (?:de|du) modele|autorisation (?:de|du) modele\s?:?\s?non"
    r"|non libere|sin autorizacion (?:de|del) modelo|autorizacion (?:de|del) modelo\s?:?\s?no\b"
)
# Values of a release field that say "no model release" on their own ('Release: No').
NEGATIVE_VALUES = frozenset({"no", "none", "nein", "non", "keine", "not released", "mr-non", "n/a - no"})


# Stems every caveat pattern below contains. Checking them with `in` (a C substring search)
# is several times faster than one regex alternation, and most lines of a block (fields,
# sizes, captions) contain none of them.
_CAVEAT_STEMS = (
    "edit",
    "redak",
    "redac",
    "restr",
    "commerc",
    "kommerz",
    "news use",
    "uso",
    "usag",
    "utilis",
    "mandat",
    "credit",
    "byline",
    "quellen",
    "pflicht",
    "mention",
    "obligat",
    "imperf",
    "mangel",
    "embarg",
    "sperrf",
    "not to be",
    "not for",
    "nicht vor",
    "ne pas publier",
    "no publicar",
    "model",
    "releas",
    "autori",
    "freig",
    "mr-non",
    "libere",
    "to be used",
    "not be used",
    "prohib",
    "werden",
    "verbiet",
    "interdi",
)


def contains_any(text: str, needles) -> bool:
    """Does `text` contain one of `needles`? (The hot path's pre-check before regexes.)"""
    for needle in needles:  # noqa: SIM110  (a loop, not any() over a generator: this is the hot path)
        if needle in text:
            return True
    return False


def caveats_in(folded: str) -> frozenset[str]:
    """Caveat tags a folded notice line carries (memoised: notices are boilerplate)."""
    if len(folded) > 2000:
        folded = folded[:2000]
    if len(folded) > 300:
        return _caveats_in(folded)
    # The stem check runs inside the cache: a recurring notice line skips it too.
    return _caveats_in_cached(folded)


_NO_TAGS: frozenset[str] = frozenset()


def _caveats_in(folded: str) -> frozenset[str]:
    if not contains_any(folded, _CAVEAT_STEMS):
        return _NO_TAGS
    tags = set()
    if EDITORIAL_RE.search(folded):
        tags.add("editorial_only")
    if MANDATORY_CREDIT_RE.search(folded):
        tags.add("mandatory_credit")
    if ("imperf" in folded or "mangel" in folded) and IMPERFECT_RE.search(folded):
        tags.add("imperfect_historical")
    if EMBARGO_RE.search(folded):
        tags.add("embargo")
    if (
        "model" in folded or "releas" in folded or "autoris" in folded or "freig" in folded
    ) and NO_MODEL_RELEASE_RE.search(folded):
        tags.add("no_model_release")
    return frozenset(tags)


_caveats_in_cached = lru_cache(maxsize=8192)(_caveats_in)


_NOTICE_KEY = 16  # a line must hold this many characters of a notice to be recognised as one
_NOTICES_BY_START: dict[str, tuple[tuple[str, str], ...]] = {}
for _full, _tag in KNOWN_NOTICES:
    _NOTICES_BY_START[_full[:_NOTICE_KEY]] = _NOTICES_BY_START.get(_full[:_NOTICE_KEY], ()) + ((_full, _tag),)


def known_notice_prefix(folded: str) -> tuple[str, bool] | None:
    """(tag, cut_off) when a folded line is a standing notice or a strict prefix of one.

    A block pasted from a web page is often cut inside its last notice ('... oder ein
    Reportagebild handel'): the prefix still carries the caveat, and the cut is a problem.
    """
    text = folded.rstrip(" .")
    if len(text) < _NOTICE_KEY:
        return None
    for full, tag in _NOTICES_BY_START.get(text[:_NOTICE_KEY], ()):
        if text == full:
            return tag, False
        if len(text) < len(full) and full.startswith(text):
            return tag, True
    return None


# --- embargo date-times ---------------------------------------------------------------------

ZONE_OFFSETS = {
    "utc": 0,
    "gmt": 0,
    "z": 0,
    "wet": 0,
    "bst": 60,
    "ist": 60,
    "west": 60,
    "cet": 60,
    "met": 60,
    "mez": 60,
    "hec": 60,
    "hnec": 60,
    "cest": 120,
    "mest": 120,
    "mesz": 120,
    "haec": 120,
    "eet": 120,
    "eest": 180,
    "msk": 180,
    "est": -300,
    "edt": -240,
    "cst": -360,
    "cdt": -300,
    "mst": -420,
    "mdt": -360,
    "pst": -480,
    "pdt": -420,
    "akst": -540,
    "hst": -600,
    "jst": 540,
    "kst": 540,
    "aest": 600,
    "aedt": 660,
    "nzst": 720,
    "nzdt": 780,
}
ISO_DATETIME_RE = lazy_compile(
    r"(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2}))?(?:\.\d{1,6})?\s?(Z|[+-]\d{2}:?\d{2})?"
)
TIME_RE = re.compile(  # (compiled now: parse_embargo tells its matches by match.re)
    r"(?<![\d.:])([01]?\d|2[0-3])\s?(?::|h|\.(?=\d{2}\s?(?:uhr|h\b|[a-z]{2,5}\b)))\s?([0-5]\d)(?::[0-5]\d)?"
    r"(?:\s?(am|pm|a\.m\.|p\.m\.))?(?:\s?(?:uhr|h|hrs|heures|horas)\b)?",
    re.IGNORECASE,
)
# A whole hour without minutes ('5pm', '11 a.m.', '17 Uhr', '17h', 'a las 17 horas').
HOUR_ONLY_RE = re.compile(  # (compiled now: parse_embargo tells its matches by match.re)
    r"(?<![\d.:])([01]?\d|2[0-3])\s?(?:(a\.m\.|p\.m\.|(?:am|pm)\b)|(?:uhr|h|hrs|heures|horas)\b)",
    re.IGNORECASE,
)
# Wire style '0001 GMT': four digits glued to a zone.
COMPACT_TIME_RE = lazy_compile(
    r"(?<![\d:.])([01]\d|2[0-3])([0-5]\d)(?=\s?(?:GMT|UTC|Z|CET|CEST|MEZ|MESZ|BST|EST|EDT|PST|PDT)\b)"
)
# Word lists as tries (see word_trie): a plain alternation of 40-60 words is tried word by
# word at every position of the notice. Between word boundaries a word matches only whole,
# so the trie finds exactly what the alternation found ('jusqu'au' before 'jusqu', as listed).
ZONE_RE = lazy_compile(
    r"\b(?:(utc|gmt)\s?([+-]\d{1,2})(?::?(\d{2}))?|(" + word_trie(ZONE_OFFSETS) + r"))\b",
    re.IGNORECASE,
)
# US notices name the zone without saying standard or daylight ('5 p.m. ET'); the date says
# which. Only in English blocks, in capitals and right after the time (a French 'ET' is 'and').
US_ZONES = {"ET": "America/New_York", "CT": "America/Chicago", "MT": "America/Denver", "PT": "America/Los_Angeles"}
US_ZONE_AFTER_TIME_RE = lazy_compile(r"\s?\b(ET|CT|MT|PT)\b")
_EMBARGO_NOISE_WORDS = [
    "embargoed",
    "embargo",
    "sperrfrist",
    "embargado",
    "sous",
    "until",
    "till",
    "bis",
    "zum",
    "jusqu'au",
    "jusqu'a",
    "jusqu",
    "hasta",
    "el",
    "le",
    "la",
    "las",
    "at",
    "um",
    "a",
    "à",
    "ab",
    "on",
    "am",
    "before",
    "not",
    "to",
    "be",
    "published",
    "publication",
    "for",
    "release",
    "nicht",
    "vor",
    "ne",
    "pas",
    "publier",
    "avant",
    "no",
    "publicar",
    "antes",
    "de",
    "del",
    "uhr",
    "local",
    "time",
    "ortszeit",
    "heure",
    "hora",
    "horas",
]
_EMBARGO_NOISE_RE = lazy_compile(
    r"\b(?:" + word_trie(_EMBARGO_NOISE_WORDS) + r")\b|[:,;()]",
    re.IGNORECASE,
)

DEFAULT_ZONE_BY_LANGUAGE = {"de": "Europe/Berlin", "fr": "Europe/Paris", "es": "Europe/Madrid"}


def parse_embargo(text: str, *, parse_date, language: str = "en", today=None) -> datetime | None:
    """The moment an embargo notice names, as an aware datetime, or None.

    Zone abbreviations become fixed offsets (CET +01:00, CEST/MESZ +02:00, EDT -04:00). A
    notice without a zone is read in the block's home zone: Central European time for German,
    French and Spanish blocks, UTC for English ones (wire services state a zone when it
    matters). `parse_date` is captions.core.dates.parse_date, passed in to keep this module free
    of import cycles.
    """
    text = text[:300]
    iso = ISO_DATETIME_RE.search(text)
    if iso:
        year, month, day, hour, minute = (int(g) for g in iso.groups()[:5])
        second = int(iso.group(6) or 0)
        try:
            moment = datetime(year, month, day, hour, minute, second)
        except ValueError:
            return None
        zone = iso.group(7)
        rest = text[iso.end() :]
        if zone == "Z":
            return moment.replace(tzinfo=UTC)
        if zone:
            sign = -1 if zone[0] == "-" else 1
            digits = zone[1:].replace(":", "")
            offset = timedelta(hours=int(digits[:2]), minutes=int(digits[2:4] or 0)) * sign
            return moment.replace(tzinfo=timezone(offset))
        us_zone = US_ZONE_AFTER_TIME_RE.match(rest) if language == "en" else None
        return _localize(moment, us_zone.group(1) if us_zone else rest, language)
    hour = minute = 0
    time_match = TIME_RE.search(text) or COMPACT_TIME_RE.search(text) or HOUR_ONLY_RE.search(text)
    remainder = text
    if time_match:
        hour_only = time_match.re is HOUR_ONLY_RE
        hour, minute = int(time_match.group(1)), 0 if hour_only else int(time_match.group(2))
        meridiem = (time_match.group(2) if hour_only else time_match.group(3) if time_match.re is TIME_RE else "") or ""
        meridiem = meridiem.replace(".", "").casefold()
        if meridiem == "pm" and hour < 12:
            hour += 12
        elif meridiem == "am" and hour == 12:
            hour = 0
        remainder = text[: time_match.start()] + " " + text[time_match.end() :]
    zone_match = ZONE_RE.search(remainder)
    zone_text = ""
    us_zone = US_ZONE_AFTER_TIME_RE.match(text, time_match.end()) if time_match and language == "en" else None
    if us_zone and not zone_match:
        zone_text = us_zone.group(1)
        remainder = text[: time_match.start()] + " " + text[us_zone.end() :]
    elif zone_match:
        zone_text = zone_match.group(0)
        remainder = remainder[: zone_match.start()] + " " + remainder[zone_match.end() :]
    date_text = " ".join(_EMBARGO_NOISE_RE.sub(" ", remainder).split())
    if not date_text:
        return None
    parsed = parse_date(date_text)
    if parsed is None and not _YEAR_RE.search(date_text):
        parsed = _nearest_year(date_text, parse_date, today or datetime.now().date())
    # An embargo is normally in the future: only a date that does not exist is unreadable.
    if parsed is None or parsed.start is None or parsed.precision != "day":
        return None
    moment = datetime.combine(parsed.start, time(hour, minute))
    return _localize(moment, zone_text, language)


_YEAR_RE = lazy_compile(r"\d{4}")


def _nearest_year(date_text: str, parse_date, today):
    """'Thursday 4 March' (wire notices often leave the year out): the day of that name
    nearest to today, last year, this year or next."""
    found = []
    for year in (today.year - 1, today.year, today.year + 1):
        parsed = parse_date(f"{date_text} {year}")
        if parsed is not None and parsed.start is not None and parsed.precision == "day":
            found.append(parsed)
    return min(found, key=lambda parsed: abs((parsed.start - today).days), default=None)


def _localize(moment: datetime, zone_text: str, language: str) -> datetime:
    match = ZONE_RE.search(zone_text) if zone_text else None
    if match:
        if match.group(1):
            hours = int(match.group(2))
            minutes = int(match.group(3) or 0) * (1 if hours >= 0 else -1)
            return moment.replace(tzinfo=timezone(timedelta(hours=hours, minutes=minutes)))
        minutes = ZONE_OFFSETS[match.group(4).casefold()]
        return moment.replace(tzinfo=timezone(timedelta(minutes=minutes)))
    zone_name = US_ZONES.get(zone_text) or DEFAULT_ZONE_BY_LANGUAGE.get(language)
    if zone_name:
        return moment.replace(tzinfo=ZoneInfo(zone_name))
    return moment.replace(tzinfo=UTC)


# --- credit lines and agency markers --------------------------------------------------------

_CREDIT_DATA = load_data("credit_patterns.json")
#: agencies as they write themselves (captions/data/credit_patterns.json), longest first
AGENCIES: tuple[str, ...] = tuple(sorted(_CREDIT_DATA["agencies"], key=len, reverse=True))
#: an agency's name as a whole line ('AP', 'Keystone', 'AP Photo'): a credit line of its own
AGENCY_LINES = frozenset(AGENCIES) | frozenset(
    f"{name} {suffix}" for name in AGENCIES for suffix in ("Photo", "Images")
)
# A credit line of its own: a bare label, then a name in capitals and the paper's after a comma
# ('PHOTO JANE ROE, LA PRESSE', 'Foto ANA RUIZ'; the labels are data: credit_labels_bare)
_CAPITALS_NAME = r"[A-ZÀ-ÝĀ-ɏ][A-ZÀ-ÝĀ-ɏ'’.\-]{0,30}(?:\s[A-ZÀ-ÝĀ-ɏ][A-ZÀ-ÝĀ-ɏ'’.\-]{0,30}){0,5}"
_AGENCY = "(?:" + "|".join(re.escape(name).replace(r"\ ", r"[- ]") for name in AGENCIES) + ")"
# A photographer's name and the agency after a slash, the whole of a line, the name as written or
# in capitals and the agency as it writes itself or in capitals, more agencies after further
# slashes or a 'via' ('Jane Roe/AFP', 'JANE ROE/AFP/GETTY IMAGES', 'Ana de la Roe / EFE', 'JANE
# ROE/AFP via Getty Images'): a credit line of its own, under a caption without its full stop too
_AGENCY_ANY_CASE = (
    "(?:"
    + "|".join(
        dict.fromkeys(
            re.escape(spelling).replace(r"\ ", r"[- ]") for name in AGENCIES for spelling in (name, name.upper())
        )
    )
    + ")"
)
NAME_AGENCY_LINE_RE = lazy_compile(
    r"(?P<credit>(?:"
    + PERSON_NAME
    + r"|"
    + PERSON_NAME_CAPS
    + r")\s{0,2}/\s{0,2}"
    + _AGENCY_ANY_CASE
    + r"(?:\s{0,2}/\s{0,2}"
    + _AGENCY_ANY_CASE
    + r"|\svia\s"
    + _AGENCY_ANY_CASE
    + r"){0,3})"
)


@lru_cache(maxsize=4096)
def is_name_agency_line(line: str) -> bool:
    """A name and its agency after a slash, the whole line ('Jane Roe/AFP'), unless the name is a
    place the place data knows: then the line is a dateline ('Río de Janeiro/EFE', 'Buenos
    Aires/AFP'), the place the picture's, not a photographer's credit."""
    line = line.strip()
    if "/" not in line or not NAME_AGENCY_LINE_RE.fullmatch(line):
        return False
    name = line.split("/", 1)[0].strip()
    return not (places.find_city(name) or places.find_country(name) or places.find_region(name))


# (or a known agency as it writes itself: 'FOTO Reuters', 'Photo Keystone' on a line of its own)
BARE_LABEL_LINE_RE = lazy_compile(
    r"(?:"
    + "|".join(re.escape(label) for label in _CREDIT_DATA["credit_labels_bare"] if label[-1:] != ".")
    + r"|PHOTOS?|FOTOS?)\s(?P<credit>"
    + _CAPITALS_NAME
    + r"(?:,\s{1,2}"
    + _CAPITALS_NAME
    + r")?|"
    # (a person's name as written and the paper's after a comma: 'PHOTO Jane Q. Roe, LA PRESSE',
    # 'Photo Jean de la Roe, Le Soleil'; the paper is needed: 'Photo Contest Winners' is a title)
    + PERSON_NAME
    + r",\s{1,2}(?:"
    + _CAPITALS_NAME
    + r"|[A-ZÀ-ÝĀ-ɏ][\w'’\-]{1,25}(?:\s[A-ZÀ-ÝĀ-ɏ][\w'’\-]{1,25}){0,3})|"
    + _AGENCY
    + r")"
)
# The agencies' names in capitals where they write them otherwise ('GETTY IMAGES'), as a
# name in capitals before them writes them ('CHRIS MCGRATH GETTY IMAGES')
_AGENCIES_IN_CAPITALS = sorted({name.upper() for name in AGENCIES}, key=len, reverse=True)
_AGENCY_CAPITALS = "(?:" + "|".join(re.escape(name) for name in _AGENCIES_IN_CAPITALS) + ")"
# Two to four words in capitals: a photographer's name as Spanish and French papers print it
_CAPITALS_WORDS = r"[A-ZÀ-ÝĀ-ɏ][A-ZÀ-ÝĀ-ɏ'’\-]{1,25}(?:\s[A-ZÀ-ÝĀ-ɏ][A-ZÀ-ÝĀ-ɏ'’\-]{1,25}){1,3}"
_CREDIT_LABELS = "|".join(re.escape(label) for label in sorted(_CREDIT_DATA["credit_labels"], key=len, reverse=True))
# The same labels as printed, capitalised ('Foto', 'Bildrechte'): matched case-sensitively
_CREDIT_LABELS_CASED = "|".join(
    re.escape(label) for label in sorted(_CREDIT_DATA["credit_labels"], key=len, reverse=True) if label[:1].isupper()
)
# Labels of a credit in parentheses: '(Photo: ...)', '(Quelle: Xinhua/Guo Xulei)', '(Foto von ...)'
_PARENTHESIS_LABELS = "|".join(
    re.escape(label) for label in sorted(_CREDIT_DATA["parenthesis_labels"], key=len, reverse=True)
)
# Labels that open a credit without a colon ('Photo KEYSTONE / ...', 'Ph. X - DR')
_BARE_LABELS = "|".join(re.escape(label) for label in sorted(_CREDIT_DATA["credit_labels_bare"], key=len, reverse=True))
# A name or holder in capitalised words, with separators and particles between them: 'KEYSTONE /
# Photopress-Archiv', 'X - DR - Coll. Archives Larbor', 'Studio Lévy et Fils'
_CAPITALISED_NAME = (
    r"[A-ZÀ-ÝĀ-ɏ][\w'’.\-]{0,30}(?:\s{1,2}(?:[-–/|&]|" + NAME_JOINER + r"(?=\s)"
    r"|[A-ZÀ-ÝĀ-ɏ][\w'’.\-]{0,30})){0,10}"
)
# A rank's or title's full stop inside a name ('Sgt. Jane Roe', 'Capt. Jane Roe'): no sentence
# end (title_abbreviations in credit_patterns.json; a look-behind per length of the words)
_TITLE_WORDS = sorted({word.rstrip(".") for word in _CREDIT_DATA["title_abbreviations"]}, key=len)
_TITLE_STOPS = "".join(
    r"|(?<=\b(?:" + "|".join(re.escape(word) for word in _TITLE_WORDS if len(word) == size) + r"))\.(?=\s)"
    for size in sorted({len(word) for word in _TITLE_WORDS})
)
# A photographer's name before the paper they worked for: two to four capitalised words or
# initials ('Jane Roe', 'F.D. Walker', 'JEAN DE ROE')
_COMMISSIONED_NAME = (
    r"[A-ZÀ-ÝĀ-ɏ][\w'’.\-]{0,25}(?:\s(?:(?:" + NAME_PARTICLE + "|" + NAME_PARTICLE_CAPS + r")\s)?"
    r"[A-ZÀ-ÝĀ-ɏ][\w'’.\-]{0,25}){1,3}"
)
# A capitalised name's word, two joined by a hyphen or not: 'Roe', 'Marie-France', 'Jean-pierre'
_HYPHENED_WORD = r"[A-ZÀ-ÝĀ-ɏ][a-zà-ÿĀ-ɏ'’]{1,25}(?:-[A-ZÀ-ÝĀ-ɏa-zà-ÿĀ-ɏ][a-zà-ÿĀ-ɏ'’]{0,25})?"
# An initial's full stop inside a name ('M. Roe', 'Jane Q. Roe', 'J.-P. Roe'): no sentence end
_INITIAL_STOP = r"(?<=\b[A-ZÀ-ÝĀ-ɏ])\.(?=\s?[A-ZÀ-ÝĀ-ɏ]|-[A-ZÀ-ÝĀ-ɏ])"
#: (a pattern fragment, for the credit patterns of caption_text too)
INITIAL_STOP = _INITIAL_STOP
# A name in a trailing credit line: a few words, no sentence and no second credit in it.
_CREDIT_NAME = r"(?:[^\n.!?/|()]|" + _INITIAL_STOP + r"){2,60}?"
# A capitalised word of a name, small letters after its capital ('Jane', 'O’Roe', 'Roe-Smith'),
# and the same or an initial ('J.'): pattern fragments
# (a double first name's second part in capitals too: 'Hans-Peter', 'Jean-Luc')
_NAME_WORD = r"[A-ZÀ-ÝĀ-ɏ][a-zà-ÿĀ-ɏ'’\-]{1,25}(?:-[A-ZÀ-ÝĀ-ɏ][a-zà-ÿĀ-ɏ'’]{1,25}){0,2}"
_NAME_WORD_OR_INITIAL = r"(?:" + _NAME_WORD + r"|[A-ZÀ-ÝĀ-ɏ]\.)"
# A name's abbreviation before its full stop, as written and in capitals ('Jr', 'JR', 'Co'; data:
# name_abbreviations): a look-behind per word, each of fixed width
_ABBREVIATION_STOPS = "".join(
    r"|(?<=\s(?-i:" + re.escape(word) + r"))"
    for word in sorted(
        {form.rstrip(".") for word in _CREDIT_DATA["name_abbreviations"] for form in (word, word.upper())}
    )
)
# Participles of taking a picture with their 'by' ('Photographed by', 'Capturado por'), as
# printed at a sentence's start (data: credit_verbs)
_CREDIT_VERB_LIST = tuple(sorted(_CREDIT_DATA["credit_verbs"], key=len, reverse=True))
_CREDIT_VERBS = "|".join(re.escape(verb) for verb in _CREDIT_VERB_LIST)


# A word for a picture, a participle of taking or giving it or not, and a 'by' opening the
# caption's last sentence ('Picture by', 'Bild von', 'Foto cedida por', 'Photo fournie par'; data:
# picture_nouns, picture_participles, byline_words): any case, pattern fragments
_PICTURE_NOUNS = tuple(_CREDIT_DATA["picture_nouns"])
_PICTURE_PARTICIPLES = tuple(_CREDIT_DATA["picture_participles"])
_PICTURE_BYLINE = (
    r"(?i:(?:"
    + alternation(_PICTURE_NOUNS)
    + r")(?:\s(?:"
    + alternation(_PICTURE_PARTICIPLES)
    + r"))?\s"
    + BYLINE_WORD
    + r")"
)


# The word for copyright or its abbreviation before a name, without colon or sign ('Cop. Jean
# Exemple', 'Copyright Jane Roe'; data: copyright_words)
_COPYRIGHT_WORD_LIST = tuple(sorted(_CREDIT_DATA["copyright_words"], key=len, reverse=True))
_COPYRIGHT_WORDS = "|".join(re.escape(word) for word in _COPYRIGHT_WORD_LIST)


# Any credit pattern below needs one of these; text without them skips all of the patterns.
_CREDIT_CUES = (
    "(",
    "[",
    "/",
    ":",
    "©",
    "|",
    " - ",
    " via ",
    "dpa",
    "AP",
    "AFP",
    "EFE",
    "Reuters",
    "REUTERS",
    "imago",
    "IMAGO",
    "photo by",
    "Photo by",
    "hotos by",
    "hoto By",
    "hoto de",
    "hoto par",
    "hotographie",
    "ografía de",
    "ografías de",
    "ografie von",
    "oto von",
    "oto por",
    "oto de",
    "otos de",
    "otos von",
    "prise par",
    "prises par",
    "pris par",
    "taken by",
    "tomada por",
    "aufgenommen von",
    # a bare label after the last sentence: '... de la UNAM. Foto Marco Peláez'
    "Foto ",
    "Photo ",
    "Ph. ",
    "Phot. ",
    *_CREDIT_VERB_LIST,
    *(f"{word} " for word in _COPYRIGHT_WORD_LIST),
)


# A credit label over the caption and the agency it came through: 'Foto: Stephan Weil (Archiv),
# via dts Nachrichtenagentur' (news_agency_words): the text between them is the caption
VIA_NEWS_AGENCY_RE = lazy_compile(
    r"(?:Foto|Bild|Photo|Foto/Quelle)\s?:\s(?P<text>[^\n]{2,300}?),\svia\s[^,\n]{1,40}?\s(?:"
    + "|".join(re.escape(word) for word in _CREDIT_DATA["news_agency_words"])
    + r")"
)


# the agencies whose names are written in lower case ('picture alliance', 'dpa', 'ullstein bild')
_LOWER_AGENCIES_RE = lazy_compile(
    r"(?<![\w-])(?:" + "|".join(re.escape(name) for name in AGENCIES if name[:1].islower()) + r")(?![\w-])"
)


def reads_as_sentence(credit: str) -> bool:
    """Does a labelled credit read as a sentence, not a name ('Photo: Sunset over the bay at
    Monterey, California')? Five words at least, three of them in lower case and no name's
    particle ('picture alliance / dpa', 'Archiv der Stadt Wien' are names)."""
    if "serv" in credit[-40:] or "orbehalten" in credit[-40:]:
        credit = _RIGHTS_RESERVED_RE.sub("", credit[:300])  # ('... Todos los derechos reservados.' is no sentence)
    words = credit.replace("/", " ").split()
    if len(words) < 5:
        return False
    # an agency's name is a name whatever its case: its words count as one ('picture alliance
    # / dpa | Jane Roe'); a bar or a dash between the parts is no word
    words = _LOWER_AGENCIES_RE.sub(" Agency ", credit).replace("/", " ").split()
    words = [word for word in words if word.isalnum() or len(word) > 1]
    lower = [word for word in words if word[:1].islower() and word not in NAME_JOINERS]
    return len(words) >= 5 and len(lower) >= 3


_GLUED_CREDIT_CUE_RE = lazy_compile(r"[a-zà-ÿĀ-ɏ0-9][.!?][A-ZÀ-ÝĀ-ɏ]")


def may_hold_credit(text: str) -> bool:
    # (the second test: a name glued to the last full stop, '... septembre.DENIS BALIBOUSE')
    # (the third: a name in capitals closing the text, '... différentes. KEYSTONE')
    # (the fourth: an agency's name closing the text, '... in Zürich. Keystone')
    return (
        contains_any(text, _CREDIT_CUES)
        or bool(_GLUED_CREDIT_CUE_RE.search(text, max(0, len(text) - 110)))
        or (text[-2:].isupper() and text[-2:].isalpha())
        or text.rstrip().endswith(AGENCIES)
        or contains_any(text[-90:], _COMMISSION_CUES)
        or bool(_INITIALS_NAME_CUE_RE.search(text, max(0, len(text) - 70)))
        or bool(_PICTURE_BYLINE_CUE_RE.search(text, max(0, len(text) - _PICTURE_BYLINE_REACH)))
    )


# (the sixth: a word for a picture and a 'by' opening the last sentence, '... Bild von Anna Roe')
_PICTURE_BYLINE_CUE_RE = lazy_compile(r"[.!?\"»”)]\s{1,3}(?:[-–—]\s{1,2})?" + _PICTURE_BYLINE + r"\s")
_PICTURE_BYLINE_REACH = 240


# (the fifth: an office's initials and a name after the last sentence, '... 3 March. XYZ Jane Roe')
_INITIALS_NAME_CUE_RE = lazy_compile(r"[.!?\"»”]\s{1,3}[A-Z]{2,6}\s[A-ZÀ-ÝĀ-ɏ][a-zà-ÿĀ-ɏ]")


# A photographer on assignment for a paper closing the text: '... Jane Roe for The New York Times'
_COMMISSION_CUES = (" for ", " pour ", " para ", " für ", " FOR ", " POUR ", " PARA ")


# An agency's name alone after the last sentence, as the agency writes it: '... am 1.
# Mai-Umzug in Zürich. Keystone', '... the flooded street. Alamy' (the names are data: agencies)
# (after a dash too, and with the word for a picture after the agency, as web pages print the
# credit span after the figcaption: '... August 6, 2017. — AFP pic', '... am Montag. - dpa-Foto';
# picture_nouns, any case: the agency alone is the credit)
_CLOSING_PICTURE_NOUNS = tuple(dict.fromkeys(noun.casefold() for noun in _CREDIT_DATA["picture_nouns"]))
_CLOSING_AGENCY_RE = lazy_compile(
    r"(?<=[.!?\"»”)])\s{1,3}(?:[-–—]\s{1,2})?(?P<credit>"
    + _AGENCY
    + r")(?:[\s-](?i:"
    + alternation(_CLOSING_PICTURE_NOUNS)
    + r"))?\s{0,3}$"
)
_CLOSING_AGENCY_REACH = max(len(name) for name in AGENCIES) + max(len(noun) for noun in _CLOSING_PICTURE_NOUNS) + 12


# An agency's name in capitals glued to the caption's last word, a page's credit run on without
# a space: '... was es heißt, zu leidenAFP' (three capitals or more after two lower-case letters)
_GLUED_AGENCY_RE = lazy_compile(
    r"(?<=[a-zà-ÿĀ-ɏß]{2})(?P<credit>"
    + "|".join(re.escape(name) for name in AGENCIES if len(name) >= 3 and name.isupper() and name.isalpha())
    + r")\s{0,3}$"
)


def closing_agency(text: str) -> re.Match | None:
    """The match of an agency's name alone closing `text` after its last sentence (or glued to
    its last word, in capitals), or None."""
    end = text.rstrip()
    if not end.endswith(AGENCIES):
        head, _, word = end.rpartition(" ")
        if "-" in word and word.casefold().rpartition("-")[2] in _CLOSING_PICTURE_NOUNS:
            head = word.rpartition("-")[0]  # 'dpa-Foto'
        elif word.casefold() not in _CLOSING_PICTURE_NOUNS:
            return None
        if not head.endswith(AGENCIES):
            return None
    start = max(0, len(text) - _CLOSING_AGENCY_REACH)
    return _CLOSING_AGENCY_RE.search(text, start) or _GLUED_AGENCY_RE.search(text, start)


_CAPS_CLOSING_RE = lazy_compile(
    r"(?<=[a-zà-ÿĀ-ɏ0-9][.!?])\s{0,3}"
    r"(?P<credit>[A-ZÀ-ÝĀ-ɏ][A-ZÀ-ÝĀ-ɏ'\-]{1,25}(?: [A-ZÀ-ÝĀ-ɏ][A-ZÀ-ÝĀ-ɏ'\-]{1,25}){0,3})\s{0,3}$"
)
# A pattern opening with a look-behind before its blanks ('(?<=[.!?"»)])\s{1,3}...') makes the
# engine try the look-behind at every position it searches; opening with the first blank, the
# look-behind after it ('\s(?<=[.!?"»)]\s)\s{0,2}...'), it skips from blank to blank. The same
# matches: the same characters are checked, the blanks taken as greedily.
_LOOKBEHIND_BLANKS_RE = lazy_compile(r"\(\?<=(?P<before>\[(?:\\.|[^\]\\])*\]|\\S)\)\\s\{(?P<min>[1-9]),(?P<max>\d)\}")


def _blank_first_text(pattern: str) -> str:
    opening = _LOOKBEHIND_BLANKS_RE.match(pattern)
    if opening is None:
        return pattern
    least, most = int(opening["min"]) - 1, int(opening["max"]) - 1
    return rf"\s(?<={opening['before']}\s)\s{{{least},{most}}}" + pattern[opening.end() :]


def _blank_first(pattern: re.Pattern) -> re.Pattern:
    text = _blank_first_text(pattern.pattern)
    return pattern if text == pattern.pattern else re.compile(text, pattern.flags)


def _credit_compile(pattern: str, flags: int = 0) -> re.Pattern:
    """An inline-credit pattern compiled once, in its blank-first form (compiled as written and
    then blank-first, each took two compiles: 32 ms of the import)."""
    return re.compile(_blank_first_text(pattern), flags)


# The wires whose name and a slash open a credit ('REUTERS/Stringer', 'EFE/Juan Carlos Hidalgo'),
# and the agencies alone or with a slash closing the caption ('... am Montag. dpa'), as written:
# the patterns' first words, where their searches start (_CREDIT_OPENERS, _CREDIT_NEEDLES_AS_IS)
_PAIR_COPYRIGHT = alternation(_CREDIT_DATA["label_pair_copyright"])
_PAIR_CREDIT = alternation(_CREDIT_DATA["label_pair_credit"])
_WIRE_SLASH_WORDS = ("REUTERS", "Reuters", "EFE", "AFP", "ANSA", "EPA", "KEYSTONE", "XINHUA")
_CLOSING_AGENCY_WORDS = ("dpa", "AP", "AFP", "EFE", "Reuters", "REUTERS", "imago", "IMAGO")
# Credit lines inside or at the end of the caption text; group 'credit' is the credit as stated.
INLINE_CREDIT_RES: tuple[re.Pattern, ...] = (
    # (Photo by Ana Ribeiro/Getty Images), (Foto: ...), (Photo: ...)
    # (in square brackets too, as some papers print them: '[Photo by Jane Roe/The Daily Example]',
    # only closing the text: a bracket inside a sentence is its own, '... a letter [Photo: 1921] in ...';
    # the brackets paired, '[...]' or '(...)')
    _credit_compile(
        r"(?:(?P<square>\[)|\()\s{0,2}(?:" + _PARENTHESIS_LABELS + r")"
        # (the paper's name between the label and its colon: '(Foto Prensa Libre: AFP)')
        r"(?:\s{1,3}"
        + BYLINE_WORD
        + r"\b|(?:\s[A-ZÀ-ÝĀ-ɏ][\w'’\-]{1,25}){0,3}\s{0,2}:)\s{0,3}(?P<credit>[^()\[\]\n]{1,160})"
        r"(?(square)\]\s{0,3}$|\))",
        re.IGNORECASE,
    ),
    # A photographer's name before the agency's credit in parentheses, opening with a known agency
    # and a slash, on a line of its own or after the last sentence: '... de 2024.' / 'Jane Roe
    # (dpa/picture alliance via Getty)', '... 2024. Jane Roe (picture alliance/dpa)': the name is
    # the credit's, not the caption's (clean_credit drops the parentheses)
    _credit_compile(
        r"(?:(?<=[.!?\"”»)])\s{1,3}|(?<=\n)|^)(?P<credit>(?:"
        + PERSON_NAME
        + r"|"
        + PERSON_NAME_CAPS
        + r")\s{1,2}\((?:"
        + _AGENCY
        + r")\s{0,2}/\s{0,2}[^()\n/]{1,60}(?:/[^()\n/]{1,40})?\))\s{0,3}$"
    ),
    # (AP Photo/Evan Vucci), (Xinhua/Zhang Bowen), (AFP PHOTO / JANE ROE): an agency, its word
    # for a photo or not, then the photographer
    # (with spaces inside the parentheses: '( AFP / Philip FONG )')
    _credit_compile(
        r"\(\s{0,2}(?P<credit>(?:AP Foto|" + _AGENCY + r")(?:\s" + PHOTO_WORD + r")?\s{0,2}/[^()\n]{1,120})\)"
    ),
    # (Detroit Industrial Archive via AP), (JOHN MACDOUGALL/AFP via Getty Images)
    _credit_compile(r"\((?P<credit>[^()\n]{1,120}?(?:\bvia\s|/\s{0,2})" + _AGENCY + r"[^()\n]{0,40})\)"),
    # ... 2023. REUTERS/Stringer  |  EFE/Juan Carlos Hidalgo  |  AFP PHOTO / STR
    _WIRE_SLASH_RE := _blank_first(
        _credit_compile(
            r"(?:(?<=[\s.!?\"”'»)])|^)(?P<credit>(?:REUTERS|Reuters|EFE|AFP PHOTO|AFP Photo|ANSA|EPA|KEYSTONE|XINHUA)"
            r"\s{0,2}/\s{0,2}[^\n]{1,200})$"
        )
    ),
    # Foto: Kay Nietfeld/dpa  |  Photo : AFP  |  Crédito: ...  at the end of the text, after the
    # last sentence: a short name, not a sentence ('FILE PHOTO: A view of ...' is no credit).
    _credit_compile(
        # (or glued to it, a page's credit run on without a space: '... Easter Show.Credit: Jane Roe')
        # (or after a bar, the page's separator between caption and credit: '... de 2022 | Foto: ...')
        r"(?:(?<=[.!?\"”'»)]\s)|(?<=[.!?\"”'»)]\s\s)|(?<=[a-zà-ÿĀ-ɏ0-9][.!?])|(?<=\S\s\|\s)|^)"
        # (a German compound naming the kind of picture is a label too: 'Archivfoto:', 'Symbolbild:')
        r"(?:" + _CREDIT_LABELS + r"|(?-i:[A-ZÄÖÜ][a-zäöüß]{2,20}(?:bild|foto)))"
        # (two labels, one a page's and one the credit's: 'Foto: Bild: Keystone'; an ellipsis for
        # the colon, as The New York Times prints it: 'Credit...Jane Roe/Reuters')
        r"\s{0,2}(?::|(?<=credit)(?:\.{3}|…))\s{0,3}(?:(?:" + _CREDIT_LABELS + r")\s{0,2}:\s{0,3})?"
        # ('St.' inside the name: 'Bild: Kantonspolizei St. Gallen')
        # (a photographer's initial too: 'Foto: Wiesbaden112/M. Roe', 'Photo : J. Roe')
        # (or the name's first initial right after the colon, glued: 'Credit:M. Roe')
        # (up to three: 'Foto: M. Roe/Archiv D. Roe', 'Foto: J. Roe/ D. Ruiz')
        r"(?P<credit>[^\n:.!?]{1,100}(?:(?:(?<=\bSt)|(?<=[\s/:](?-i:[A-ZÀ-ÝĀ-ɏ])))\.\s[^\n:.!?]{1,100}){0,3}"
        r"(?:\.[^\s\n:.!?][^\n:.!?]{0,40})?"
        # the paper's name in capitals after the photographer's: 'Foto: Ana Ruiz. EL TIEMPO'
        r"(?-i:\.\s[A-ZÀ-ÝĀ-ɏ][A-ZÀ-ÝĀ-ɏ'’\-]{1,25}(?:\s[A-ZÀ-ÝĀ-ɏ][A-ZÀ-ÝĀ-ɏ'’\-]{1,25}){0,3})?"
        # (a closing initial keeps its full stop: 'Foto: Ana Ruiz F.', and a name's abbreviation:
        # 'Photo: Jane Roe Jr.', 'JANE ROE JR.'; name_abbreviations)
        r"(?:(?:(?<=\s(?-i:[A-ZÀ-ÝĀ-ɏ]))" + _ABBREVIATION_STOPS + r")\.(?=\s{0,3}$))?)\.?$",
        re.IGNORECASE,
    ),
    # Mandatory Credit: Photo by John Doe/Shutterstock (14523678a)
    _credit_compile(
        r"(?:(?<=[\s.!?\"”'»)])|^)"
        r"(?:Mandatory Credit|Obligatorische Quellenangabe|Crédit obligatoire|Crédito obligatorio)"
        r"\s{0,2}:\s{0,3}(?P<credit>[^\n]{1,160})$",
        re.IGNORECASE,
    ),
    # A copyright label and a photographer's or agency's label, each with its colon, closing the
    # caption in either order: '... the photo shoot. copyright: RVD, photographer: ANP.',
    # '... am Hafen, Fotograf: Jane Roe, Copyright: Stadtarchiv': the credit is the
    # photographer's or agency's value, the copyright holder's is dropped (data: label_pair_copyright,
    # label_pair_credit; matched in any case)
    _credit_compile(
        r"(?<=\S)\s{1,3}(?P<lead>(?i:"
        + _PAIR_COPYRIGHT
        + r")\s{0,2}:\s{0,3}[^\n,:;]{1,60}?,\s{1,3})?(?i:"
        + _PAIR_CREDIT
        + r")\s{0,2}:\s{0,3}(?P<credit>(?:[^\n,:;.!?]|"
        + _INITIAL_STOP
        + r"){1,60}?)(?(lead)|,\s{1,3}(?i:"
        + _PAIR_COPYRIGHT
        + r")\s{0,2}:\s{0,3}[^\n,:;]{1,60}?)\.?\s{0,3}$"
    ),
    # A credit, then after a slash the copyright notice of the wire's style: 'Frank Franklin
    # II/Copyright 2026 The AP. All rights reserved.', 'AP Photo/Jane Roe/Copyright 2024 The
    # Associated Press. All rights reserved.' on a line of its own or after the last sentence:
    # the credit is what stands before the slash; the notice is no credit (data: rights_notices)
    _RIGHTS_NOTICE_RE := _credit_compile(
        # (the name alone, or after the agency and its word for a photo: 'AP Photo/Jane Roe')
        r"(?:(?<=[.!?\"”»)])\s{1,3}|(?<=\n)|^)(?P<credit>(?:(?:AP Foto|"
        + _AGENCY
        + r")(?:\s"
        + PHOTO_WORD
        + r")?\s{0,2}/\s{0,2})?(?:"
        + PERSON_NAME
        + r"|"
        + PERSON_NAME_CAPS
        + r"|"
        + _AGENCY
        + r"))\s{0,2}/\s{0,2}(?:Copyright|COPYRIGHT|©|\([cC]\))\s{0,2}(?:19|20)\d\d,?\s{1,2}"
        r"[^\n]{1,60}?[.,;]?\s{1,3}(?i:" + alternation(_CREDIT_DATA["rights_notices"]) + r")\.?\s{0,3}$"
    ),
    # imago: Copyright: xFlorianxGaertnerx / © Name
    # (and '(c) Bundesarchiv, Bild 183-... / Junge, Peter Heinz / CC-BY-SA 3.0' opening a line)
    # ('... dans mon jardin. »© Maroesjka Lavigne': after a closing quote too)
    # ('(c)' after the last sentence too: '... on Sunday. (c) Jane Roe')
    # (or after a page's slash or bar between caption and credit: '... de l’université / (C) Jane Roe')
    _COPYRIGHT_RE := _blank_first(
        _credit_compile(
            r"(?:(?:(?<=[\s\"”»])|^)(?:Copyright\s{0,2}:|©)|^\([cC]\)|(?<=[.!?]\s)\([cC]\)|(?<=\S\s[/|]\s)\([cC]\))\s{0,3}(?P<credit>[^\n]{1,120})$"
        )
    ),
    # dpa-style trailing '- Foto: ...' handled above; '/ dpa' alone at the end
    _CLOSING_AGENCY_SLASH_RE := _blank_first(
        _credit_compile(
            r"(?<=[.!?\"”»)])\s{1,3}(?P<credit>(?:"
            + "|".join(_CLOSING_AGENCY_WORDS)
            + r")(?:\s{0,2}/\s{0,2}[^\n]{1,80})?)$"
        )
    ),
    # A label without a colon, then a name in capitalised words, closing the caption: '... le 14
    # avril 1936. Photo KEYSTONE / Photopress-Archiv', '... Élysées. Ph. X - DR - Coll. Archives
    # Larbor' (the labels are data: credit_labels_bare)
    # (the kind of picture after the label: '... Photo archives Jean Roe', 'Photo d'illustration ...')
    _credit_compile(
        # (a dash between, as some pages print it: '... lundi. - Photo Jean Exemple')
        r"(?<=[.!?\"”»)])\s{1,3}(?:[-–—]\s{1,2})?(?:"
        + _BARE_LABELS
        # (a slash after the label, as some papers print it: '... in the square. Photo / Jane Roe')
        + r")(?:\s(?:d['’])?(?:archives|illustration))?(?:\s{1,2}/)?\s{1,2}(?P<credit>"
        + _CAPITALISED_NAME
        + r")\s{0,3}$"
    ),
    # After the last sentence (a space or none: 'en Tokio.KIYOSHI OTA | EFE'), an agency and a
    # name either way round: 'epa / Hao Bin',
    # 'Keystone / Peter Clonzer', 'YOAN VALAT | EFE', 'afp.com - Thomas SAMSON'
    # (two agencies before the name too: 'APA/AFP/Jane Roe')
    # (a slash may open it: '... para ella. /Juan MABROMATA / AFP')
    _AGENCY_NAME_RE := _blank_first(
        _credit_compile(
            # (a pool's or a handout's word before the agency: 'POOL/AFP/Jane Roe', 'HANDOUT/AFP/...')
            # (an initial's stop after a word of the name is no sentence end: '... Carla J.
            # Roe/EPA-EFE' is read from 'Carla'; an abbreviation's is: '... in Washington, D.C.
            # EPA-EFE/JANE ROE'; search_credit, _NAME_INITIAL_END_RE)
            r"(?<=[.!?\"”»)])\s{0,3}(?:/\s{0,2})?(?P<credit>(?:(?:POOL|Pool|HANDOUT|Handout|HO)\s{0,2}/\s{0,2})?"
            + _AGENCY
            + r"\s{0,2}(?:/|\||\s-)\s{0,2}(?:"
            + _AGENCY
            + r"\s{0,2}/\s{0,2})?"
            + _CREDIT_NAME
            + r"|"
            # (a photographer's initials opening the name: 'F.D. Walker/ EyeEm', 'J. R. Roe / AFP')
            + r"(?:[A-ZÀ-ÝĀ-ɏ]\.(?:\s?[A-ZÀ-ÝĀ-ɏ]\.?)?\s)?"
            + _CREDIT_NAME
            # (up to two more parts before the agency: 'Jane Roe/SOPA Images/LightRocket via Getty
            # Images', 'Sputnik/Jane Roe/Kremlin via REUTERS')
            + r"(?:\s{0,2}/\s{0,2}"
            + _CREDIT_NAME
            # ('Ana Ruiz - EFE': a dash between name and agency, as Spanish papers print it)
            + r"){0,2}\s{0,2}(?:/|\||\svia|\s[-–](?=\s))\s{0,2}"
            + _AGENCY
            # (Getty's client after the agency: 'Jane Roe/Getty Images for Gucci')
            + r"(?:\sfor\s[A-ZÀ-ÝĀ-ɏ][\w&'’.\-]{0,30}(?:\s[A-ZÀ-ÝĀ-ɏ][\w&'’.\-]{0,30}){0,3})?"
            + r")\s{0,3}$"
        )
    ),
    # The agency alone in parentheses closing the caption: '... building. (REUTERS)'
    # A one-word agency tag in parentheses: '(APMedia)', '(ZUMAPress)' (suffixes are data)
    _credit_compile(
        r"(?<=[.!?\"”»])\s{1,3}\(\s?(?P<credit>"
        + _AGENCY
        + r"|[A-Z][A-Za-z]{0,20}(?:"
        + "|".join(re.escape(suffix) for suffix in _CREDIT_DATA["agency_marker_suffixes"])
        + r"))\s?\)\s{0,3}$"
    ),
    # A name in capitals glued to the last full stop: '... le 18 septembre.DENIS BALIBOUSE'
    # or in capitalised words: '... champions again. 1939.New York Public Library'
    _credit_compile(
        r"(?<=[a-zà-ÿĀ-ɏ0-9][.!?])(?P<credit>[A-ZÀ-ÝĀ-ɏ][A-ZÀ-ÝĀ-ɏ'\-]{1,25}(?: [A-ZÀ-ÝĀ-ɏ][A-ZÀ-ÝĀ-ɏ'\-]{1,25}){1,3}"
        r"|[A-ZÀ-ÝĀ-ɏ][\w'’\-]{1,25}(?: (?:" + NAME_JOINER + r" )?[A-ZÀ-ÝĀ-ɏ][\w'’\-]{1,25}){1,4}"
        # (a person's name with initials or particles: '... agosto.Jane Q. Roe', '.M. Roe', '.Ana de la Roe')
        r"|" + PERSON_NAME + r""
        # (an office's programme of three words or more and its project after a comma: '... sea
        # floor.NOAA Okeanos Explorer Program, INDEX-SATAL 2010')
        r"|[A-ZÀ-ÝĀ-ɏ][\w'’\-]{1,25}(?: [A-ZÀ-ÝĀ-ɏ][\w'’\-]{1,25}){2,5},"
        r"\s(?=[^\n.!?,]{0,30}(?:\d|[A-Z]{3}))[^\n.!?,]{2,40})"
        r"\s{0,3}$"
    ),
    # ... or after a space: a name or an agency in capitals alone after the last sentence ('...
    # sur quatre places différentes. KEYSTONE', '... en fin d'après-midi. OPO')
    _CAPS_CLOSING_RE,
    # An agency and its photographers after a slash or a bar closing a caption without its full
    # stop: '... en el mitin de Dos Hermanas / EFE - Julio Muñoz', '... / EFE - EPA - FILIP
    # SINGER', '... le 22 janvier à Davos | Keystone-ATS / Jane Roe'
    _credit_compile(
        r"(?<=\S)\s{1,2}[/|]\s{1,2}(?P<credit>"
        + _AGENCY
        + r"(?:\s{1,2}[-–|/]\s{1,2}(?:[^\n/|()!?.]|"
        + _INITIAL_STOP
        + r"){2,40}){1,3})\s{0,3}$"
    ),
    # A desk's initials closing the caption: '... in Köln. (enz)' (two to four lower-case letters;
    # '(l)' and '(r)' for left and right are one)
    _credit_compile(r"(?<=[.!?\"”»])\s{1,3}\((?P<credit>[a-zäöü]{2,4})\)\s{0,3}$"),
    # A name and its agency in parentheses glued to the last full stop or after it: '... (Corea
    # del Sur).Chung Sung-Jun (Getty Images)', '... (EE UU).TIMOTHY A. CLARY (AFP)'
    # (a slash between, as some papers print it: '... de México. / JANE ROE (REUTERS)')
    _credit_compile(
        r"(?<=[.!?)])\s{0,3}(?:/\s{1,3})?(?P<credit>[A-ZÀ-ÝĀ-ɏ][^\n!?()]{1,50}?\s\((?:" + _AGENCY + r")\))\s{0,3}$"
    ),
    # A credit label after a caption without its full stop, the credit naming an agency after
    # a slash: '... bewacht Foto: picture-alliance/ dpa', '... Titzenthaler Quelle: ullstein bild/...'
    _credit_compile(
        # (or after a name in capitals closing the text before it: '... – von JANE ROE Quelle: ullstein bild/JANE ROE')
        # (or after a closing quote or an ellipsis: '... Kaufhaus „Nord“ Foto: Jane Roe/dpa')
        r"(?<=[a-zäöüßà-ÿĀ-ɏ0-9),A-ZÀ-ÝĀ-ɏ\"“”»’'…]\s)(?:" + _CREDIT_LABELS + r")\s{0,2}:\s{0,3}"
        # (an initial's stop in a name: '... Foto: imago images / M. Roe')
        r"(?P<credit>(?=(?:[^\n:.!?/]|" + _INITIAL_STOP + r"){1,60}/)(?:[^\n:.!?]|" + _INITIAL_STOP + r"){3,120})$"
    ),
    # A credit label in capitals after a caption without its full stop, or glued to its last
    # word, then a name in capitalised words closing the text: '... vorbei kommt Foto: Fredrik
    # von Erichsen', '... Schillermarkt ausFoto: Fredrik von Erichsen' (case-sensitive: a
    # label as pages print it, a name as written)
    _credit_compile(
        r"(?:(?<=[a-zäöüßà-ÿĀ-ɏ0-9),]\s)|(?<=[a-zäöüßà-ÿĀ-ɏ]))(?:" + _CREDIT_LABELS_CASED + r")\s{0,2}:\s{1,3}"
        r"(?P<credit>" + _CAPITALISED_NAME + r")\s{0,3}$"
    ),
    # A credit sentence closing the caption: '... San Diego. U.S. Navy photo by John Doe.
    # (RELEASED)', '... Photo by Jane Roe.', '... Photographie de Paul Martin.'
    # (a full stop inside the name ends no sentence: 'National Photo Co., 1929 March 29', 'for
    # U.S. News & World Report'; a title before a lower-case 'photo' is the credit's:
    # 'U.S. Navy photo by', while '... Robinson. Photo by' starts after 'Robinson.')
    # (in parentheses too, 'photos' for several, an office's 'Photo By' in title case, a rank's
    # abbreviation before the name: '(U.S. Army photo by Jane Roe)', '... U.S. Army photos by Pfc.
    # Jane Roe', '... U.S. Army Photo By Sgt. Jane Roe'; ranks are data: title_abbreviations)
    _PHOTO_SENTENCE_RE := _blank_first(
        _credit_compile(
            # (a full stop in the words before 'photo' only after a capital or inside a word: 'U.S.
            # Navy photo by'; '... on Sept. 11. Herald photo by' starts at 'Herald')
            r"(?<=[.!?\"”»)])\s{1,3}\(?(?P<credit>(?:[A-Z](?:[\w ]|(?<=\b[A-Z])\.|\.(?=\S)){0,30}?"
            r"\s(?:photos?|photographs?|fotos?|Photos?(?=\sBy\s))"
            r"|(?i:photos?|photographs?|fotos?|photographies?|fotografías?|fotografien?|fotografias?))"
            # (a colon after the 'by', as a page's label prints it: '... colombiana. Foto por: Ana Ruiz.')
            r"(?:\s(?:prises?|pris|taken|tomadas?|aufgenommen))?\s(?i:"
            + BYLINE_WORD
            + r")(?:\s?:)?\s(?![a-zß-öø-ÿ])(?:[^\n.!?]|\.(?=\S)|(?<=\b[A-Z])\.(?=\s)|(?<=\b[A-Z][a-z])\.(?=\s)"
            + _TITLE_STOPS
            + r"){2,80}?)"
            r"\.?(?:\s{1,3}\((?:RELEASED?|Released?)\))?\s{0,3}$"
        )
    ),
    # A participle of taking the picture and its 'by' opening the last sentence, then a name:
    # '... the old harbour. Photographed by Jane Roe.', '... am Hafen. Aufgenommen von Anna
    # Beispiel', '... au port. Photographiée par Jeanne Exemple', '... del puerto. Capturado por:
    # Juan Ejemplo.' (the participles are data: credit_verbs; the name is capitalised)
    _credit_compile(
        r"(?<=[.!?\"»”)])\s{1,3}(?P<credit>(?:"
        + _CREDIT_VERBS
        + r")(?:\s?:)?\s{1,2}(?=[A-ZÀ-ÝĀ-ɏ])"
        + _CAPITALISED_NAME
        + r")\.?\s{0,3}$"
    ),
    # The general form of the two above: a word for a picture, a participle or not, and a 'by'
    # opening the caption's last sentence (after a dash or not), then a person's name or a known
    # agency, an office after a slash or a bar: '... in the park. Picture by Jane Roe', 'Bild von
    # Anna Q. Beispiel', 'Image par Jean de la Roe', 'Imagen de Ana Ruiz/EFE', 'Foto cedida por
    # Ana Ruiz', 'Photo fournie par Jean Exemple / Ville de Québec' (a capitalised name: '...
    # Photo by the river.' is no credit; data: picture_nouns, picture_participles, byline_words;
    # a place's name after a 'by' that also says 'of' is none: search_credit, _names_a_place)
    _PICTURE_BYLINE_RE := _blank_first(
        _credit_compile(
            r"(?<=[.!?\"»”)])\s{1,3}(?:[-–—]\s{1,2})?"
            + _PICTURE_BYLINE
            + r"(?:\s?:)?\s{1,2}(?P<credit>(?:"
            + PERSON_NAME
            + r"|"
            + PERSON_NAME_CAPS
            + r"|"
            + _AGENCY
            + r")(?:\s{0,2}[/|]\s{0,2}(?:"
            + _AGENCY
            + r"|[A-ZÀ-ÝĀ-ɏ][\w'’.&\-]{0,30}(?:\s(?:"
            + NAME_JOINER
            + r"\s)?[A-ZÀ-ÝĀ-ɏ][\w'’.&\-]{0,30}){0,4}))?)\.?\s{0,3}$"
        )
    ),
    # A credit in capitals with a slash after a dash closing the caption, as Europa Press's clients
    # print it: '... por robo con violencia - ANA RUIZ/AGENCIAUNO / ANA RUIZ' (two words at least
    # before the first slash: a name, not 'USA/MEXICO')
    _credit_compile(
        r"(?<=\S)\s[-–]\s(?P<credit>[A-ZÀ-ÝĀ-ɏ][A-ZÀ-ÝĀ-ɏ'’.\-]{0,30}(?:\s[A-ZÀ-ÝĀ-ɏ][A-ZÀ-ÝĀ-ɏ'’.\-]{0,30}){1,4}"
        r"(?:\s{0,2}/\s{0,2}"
        + _CAPITALS_NAME
        + r"){1,3}"
        # (the name as written, the agency's word in capitals after its slash: '... - Ana M. de la
        # Roe/AGENCIAUNO / Ana M. de la Roe'; 'Ciudad Juárez/El Paso' is no credit)
        + r"|"
        + PERSON_NAME
        + r"\s{0,2}/\s{0,2}[A-ZÀ-ÝĀ-ɏ][A-ZÀ-ÝĀ-ɏ0-9'’.\-]{1,30}(?![\w'’])"
        r"(?:\s{0,2}/\s{0,2}(?:" + PERSON_NAME + r"|" + _CAPITALS_NAME + r")){0,2})\s{0,3}$"
    ),
    # The word for copyright or its abbreviation, then a name, alone on a line or after the last
    # sentence: 'Cop. Jean Exemple', '... du port. Copyright Jane Roe' (data: copyright_words)
    _credit_compile(
        r"(?:(?<=[.!?\"»”)])\s{1,3}|^)(?:"
        + _COPYRIGHT_WORDS
        + r")\s{1,2}(?P<credit>(?=[A-ZÀ-ÝĀ-ɏ])"
        + _CAPITALISED_NAME
        + r")\s{0,3}$"
    ),
    # A byline after a dash closing the caption: '... in der Kantine (1898) – von Waldemar
    # Titzenthaler', '... (1928) – von Yva (Else Ernestine Neuländer)', '... - by Jane Roe'
    _credit_compile(
        r"(?<=\S)\s{1,2}[-–—]\s{1,2}"
        + BYLINE_WORD_STRICT
        + r"\s{1,2}(?P<credit>"
        + _CAPITALISED_NAME
        + r"(?:\s\([^()\n]{1,60}\))?)\s{0,3}$"
    ),
    # A photographer and an agency the list does not know, after the last sentence: '... de la
    # Tamise. Anna Watson/Alay Live News' (two capitalised words at least before the slash), or
    # an office's initials before a photographer's full name ('... Saturday. NASA/Jane S. Roe');
    # an office's 'photo' after it or before the slash is the kind of credit, not the name:
    # '... as appropriate. Jane Roe/FEMA photo' (credit 'Jane Roe/FEMA'), '... FEMA photo/Jane Roe'
    _credit_compile(
        # (a photographer's initials before their name: 'F.D. Walker/ EyeEm')
        r"(?<=[.!?\"”»)])\s{1,3}(?P<credit>(?:[A-ZÀ-ÝĀ-ɏ][\w'’\-]{0,25}|[A-ZÀ-ÝĀ-ɏ]\.(?:\s?[A-ZÀ-ÝĀ-ɏ]\.?)?)"
        # (particles between the words: 'Ana de la Roe/FEMA photo')
        # (and a middle initial among them: 'Carla J. Roe/FEMA')
        r"(?:\s(?:" + NAME_PARTICLE + r"\s){0,2}(?:[A-ZÀ-ÝĀ-ɏ][\w'’\-]{0,25}|[A-ZÀ-ÝĀ-ɏ]\.)){1,3}"
        # (particles in the name after the slash too: 'Foto Afp/ Ana de la Roe')
        r"\s{0,2}/\s{0,2}[A-ZÀ-ÝĀ-ɏ][\w'’.\-]{0,25}(?:\s(?:"
        + NAME_PARTICLE
        + r"\s){0,2}[A-ZÀ-ÝĀ-ɏ][\w'’.\-]{0,25}){0,3}"
        r"|[A-Z]{2,8}\s{0,2}/\s{0,2}[A-ZÀ-ÝĀ-ɏ][a-zà-ÿĀ-ɏ'’\-]{1,25}(?:\s[A-ZÀ-ÝĀ-ɏ][a-zà-ÿĀ-ɏ'’.\-]{0,25}){1,3}"
        r"|[A-ZÀ-ÝĀ-ɏ][\w'’.\-]{0,25}(?:\s[A-ZÀ-ÝĀ-ɏ][\w'’.\-]{0,25}){0,3}\sphoto\s{0,2}/\s{0,2}"
        r"[A-ZÀ-ÝĀ-ɏ][\w'’.\-]{0,25}(?:\s[A-ZÀ-ÝĀ-ɏ][\w'’.\-]{0,25}){0,3})(?:\sphoto)?\s{0,3}$"
    ),
    # An office's or agency's initials and a photographer's full name in parentheses closing the
    # caption, after its last sentence or glued to it: '... below zero.(XYZ/Jane Roe)', '... the
    # harbour. (ABC/Jane Q. Roe)' (the initials need not be an agency the data knows)
    _credit_compile(
        # (or a person's name with particles, initials or letters beyond Latin-1: '(ABC/Ana de la
        # Roe)', '(ABC/Jana Roe-Weiß)'; lexicon.PERSON_NAME)
        r"(?<=[.!?\"»”])\s{0,3}\((?P<credit>[A-Z]{2,8}\s{0,2}/\s{0,2}(?:[A-ZÀ-ÝĀ-ɏ][a-zà-ÿĀ-ɏ'’\-]{1,25}"
        r"(?:\s[A-ZÀ-ÝĀ-ɏ][a-zà-ÿĀ-ɏ'’.\-]{0,25}){1,3}|" + PERSON_NAME + r"))\)\s{0,3}$"
    ),
    # ... or without slash and parentheses after the last sentence: '... on 3 March. XYZ Jane Roe'
    _credit_compile(
        r"(?<=[.!?\"»”])\s{1,3}(?P<credit>[A-Z]{2,6}\s[A-ZÀ-ÝĀ-ɏ][a-zà-ÿĀ-ɏ'’\-]{1,25}"
        r"(?:\s[A-ZÀ-ÝĀ-ɏ][a-zà-ÿĀ-ɏ'’\-]{1,25}){1,2})\s{0,3}$"
    ),
    # A dash, a photographer and a known agency closing the caption after its last sentence:
    # '... les frais de scolarité. — Jane Roe afp.com', '... le 2 mai. – Jane Roe / AFP'
    _credit_compile(
        # (initials in the name: '... — M. Roe afp.com', '– Jane Q. Roe / AFP'; lexicon.PERSON_NAME)
        r"(?<=[.!?\"»”)])\s{1,3}[—–]\s{1,2}(?P<credit>(?:[A-ZÀ-ÝĀ-ɏ][\w'’\-]{1,25}"
        r"(?:\s(?:" + NAME_PARTICLE + r"\s){0,2}[A-ZÀ-ÝĀ-ɏ][\w'’\-]{1,25}){1,3}|" + PERSON_NAME + r")"
        r"\s{1,2}(?:/\s{0,2})?" + _AGENCY + r")\s{0,3}$"
    ),
    # A credit in parentheses closing the caption after its last sentence, opening with a bare
    # label or a copyright sign: '... et des proches. (Ph. Belga)', '... printemps 2022. (©
    # Keystone/GAETAN BALLY)', '... (Photo AFP)' (labels are data: credit_labels_bare)
    _credit_compile(
        r"(?<=[.!?\"»”])\s{1,3}\(\s{0,2}(?:©\s{0,2}|(?:" + _BARE_LABELS + r")\s{1,2})"
        r"(?P<credit>[A-ZÀ-ÝĀ-ɏ©][^()\n]{1,80}?)\s{0,2}\)\.?\s{0,3}$"
    ),
    # A photographer and a known agency with no separator, closing the caption after its last
    # sentence, in parentheses or not (Spanish papers): '... calles embarradas. Sergio Torres
    # AP', '... (CHRIS MCGRATH GETTY IMAGES)' (a name in capitals, the agency's in capitals too)
    _credit_compile(
        # (a first name joined by a hyphen: 'Marie-France Roe Le Devoir')
        # (initials and particles in the name: 'Jane Q. Roe AP', 'Ana de la Roe EFE'; lexicon.PERSON_NAME)
        r"(?<=[.!?\"»”])\s{1,3}(?P<open>\()?(?P<credit>(?:" + _HYPHENED_WORD + r"(?:\s" + _HYPHENED_WORD + r"){1,3}"
        r"|"
        + PERSON_NAME
        + r")\s"
        + _AGENCY
        + r"|(?:"
        + _CAPITALS_WORDS
        + r"|"
        + PERSON_NAME_CAPS
        + r")\s"
        + _AGENCY_CAPITALS
        + r")(?(open)\))\s{0,3}$"
    ),
    # A name after a bar closing the caption: '... la decisión. | LAURA CEREZA', '... au grain… |
    # Henry Pierre DESPERIERS' (two to four capitalised words)
    # (or a slash: '... el lunes. / Ana Ejemplo')
    _credit_compile(
        # (initials and particles in the name: '| Jane Q. Roe', '/ M. Roe', '| Ana de la Roe'; lexicon.PERSON_NAME)
        r"(?<=[.!?\"»”…])\s{1,3}[|/]\s{1,3}(?P<credit>[A-ZÀ-ÝĀ-ɏ][\w'’\-]{1,25}(?:\s[A-ZÀ-ÝĀ-ɏ][\w'’\-]{1,25}){1,3}"
        r"|" + PERSON_NAME + r")\s{0,3}$"
    ),
    # A name, the word for a file picture and the paper's name between bars after the last
    # sentence: '... en Managua. Carlos Herrera | Archivo | Confidencial.' (the whole is the
    # credit as stated; data: archive_bar_words)
    _credit_compile(
        r"(?<=[.!?\"»”)])\s{1,3}(?P<credit>(?:"
        + PERSON_NAME
        + r"|"
        + PERSON_NAME_CAPS
        + r"|"
        + _AGENCY
        + r")\s{1,2}\|\s{1,2}(?:"
        + alternation(_CREDIT_DATA["archive_bar_words"])
        + r")\s{1,2}\|\s{1,2}[A-ZÀ-ÝĀ-ɏ][\w'’.&\-]{0,30}(?:\s(?:"
        + NAME_JOINER
        + r"\s)?[A-ZÀ-ÝĀ-ɏ][\w'’.&\-]{0,30}){0,3}?)\.?\s{0,3}$"
    ),
    # A known agency alone after the page's separator closing the caption: '... le 3 mars. | AFP',
    # '... 2022. – AFP', '... de 2022. / EFE'
    _credit_compile(r"(?<=[.!?\"»”)])\s{1,3}[|/–—-]\s{1,3}(?P<credit>" + _AGENCY + r")\s{0,3}$"),
    # A bare label and a name in capitals, the paper's after a comma, closing the caption after
    # its last sentence: '... le 3 mars. PHOTO JEAN ROE, LA PRESSE' (as BARE_LABEL_LINE_RE on a
    # line of its own)
    _credit_compile(r"(?<=[.!?\"»”)])\s{1,3}" + BARE_LABEL_LINE_RE.pattern + r"\s{0,3}$"),
    # A photographer on assignment for a paper, after the last sentence or alone on a line: '...
    # on Sunday. Jane Roe for The New York Times', 'JEAN ROE POUR « LE MONDE »', 'Ana Ruiz para EL
    # PAÍS', 'Jane Roe for NPR' (the paper's name opens with an article, a quote or is an acronym)
    _credit_compile(
        r"(?:(?<=[.!?\"»”)])\s{1,3}|^)(?P<credit>"
        + _COMMISSIONED_NAME
        + r"\s(?i:"
        + alternation(_CREDIT_DATA["commission_words"])
        + r")\s"
        r"(?:[«\"“]\s?[A-ZÀ-ÝĀ-ɏ][\w'’.&\-]{0,25}(?:\s[A-ZÀ-ÝĀ-ɏ][\w'’.&\-]{0,25}){0,3}\s?[»\"”]"
        r"|(?:[«\"“]\s?)?(?:" + alternation(_CREDIT_DATA["paper_articles"]) + r")\s?"
        r"[A-ZÀ-ÝĀ-ɏ][\w'’.&\-]{0,25}(?:\s(?:" + NAME_JOINER + r"\s)?[A-ZÀ-ÝĀ-ɏ][\w'’.&\-]{0,25}){0,4}(?:\s?[»\"”])?"
        r"|[A-Z]{2,6}(?:\s[A-ZÀ-ÝĀ-ɏ][\w'’.&\-]{0,25}){0,2}"
        r"|" + _AGENCY + r"))\s{0,3}$"
    ),
    # [Provided to The Daily Example], (Photo provided to example.com): a handout's note naming
    # whom the picture was given to, closing the caption after its last sentence (data:
    # handout_recipients, handout_recipients_alone, picture_nouns)
    _credit_compile(
        r"(?<=[.!?\"”»])\s{1,3}(?:(?P<square>\[)|\()\s{0,2}(?:(?i:"
        + alternation(_PICTURE_NOUNS)
        + r")\s{1,2}|(?=(?i:"
        + alternation(_CREDIT_DATA["handout_recipients_alone"])
        + r")\s))(?P<credit>(?i:"
        + alternation(_CREDIT_DATA["handout_recipients"])
        # the note names a recipient, not a giver: no 'by' word inside it
        + r")\s{1,2}(?:(?!\s(?i:by|par|por|von)\s)[^()\[\]\n]){2,80}?)\s{0,2}(?(square)\]|\))\s{0,3}$"
    ),
    # A photographer and a known agency after 'von', 'by', 'par', 'por', inside a line of its
    # own: 'Düsseldorf, von Wolfgang Rattay/Reuters, publiziert am 31. März'
    _BYLINE_SLASH_RE := _blank_first(
        _credit_compile(
            r"\s"
            + BYLINE_WORD_STRICT
            + r"\s{1,2}(?P<credit>[A-ZÀ-ÝĀ-ɏ](?:[^\n,;:()/.!?]|"
            + _INITIAL_STOP
            + r"){0,50}/\s{0,2}"
            + _AGENCY
            + r")(?=\s{0,2}(?:,|$))"
        )
    ),
)
# (the named patterns above are rewritten where they stand, so that other code finds them by name)
INLINE_CREDIT_RES = tuple(_blank_first(pattern) for pattern in INLINE_CREDIT_RES)
_RIGHTS_NOTICES_FOLDED = tuple(notice.casefold() for notice in _CREDIT_DATA["rights_notices"])


def is_rights_notice_credit_line(line: str) -> bool:
    """Is `line` a credit and the wire's copyright notice after its slash, all of it ('Frank
    Franklin II/Copyright 2026 The AP. All rights reserved.'): a credit line under the caption."""
    folded = line[-60:].casefold()
    if not any(notice in folded for notice in _RIGHTS_NOTICES_FOLDED):
        return False
    found = _RIGHTS_NOTICE_RE.match(line.strip())
    return found is not None and found.start("credit") == 0


# The name's first words before its particle, opening the text or after a stop, a colon or a
# separator ('Jane von Roe/Getty Images', '... 1996. Ana Maria von Roe / dpa'): the particle is
# no byline's 'von' ('Foto von Jane Roe/dpa', 'Düsseldorf, von Jane Roe/Reuters')
_NAME_BEFORE_PARTICLE_RE = lazy_compile(
    r"(?:^|(?<=\n)|(?<=[.!?:;|/\"”»)]\s))(?P<name>"
    + _NAME_WORD_OR_INITIAL
    + r"(?:\s"
    + _NAME_WORD_OR_INITIAL
    + r"){0,2})\s$"
)
# ... and the whole credit from them: the name with its particle and one surname, the agency
_PARTICLE_NAME_CREDIT_RE = lazy_compile(
    r"(?P<credit>" + _NAME_WORD_OR_INITIAL + r"(?:\s" + _NAME_WORD_OR_INITIAL + r"){0,2}"
    r"\s" + NAME_PARTICLE + r"\s{1,2}[A-ZÀ-ÝĀ-ɏ][\w'’\-]{1,30}\s{0,2}/\s{0,2}" + _AGENCY + r")(?=\s{0,2}(?:,|$))"
)
# Words that are no first name before a particle: a word for a picture or a kind of picture, a
# credit's or a byline's label (data: picture_nouns, picture_kinds, credit_labels, byline_labels)
_NOT_FIRST_NAMES = frozenset(
    word.casefold()
    for key in ("picture_nouns", "picture_kinds", "credit_labels", "byline_labels")
    for word in _CREDIT_DATA[key]
    if " " not in word
)
# ... and a German compound ending in a word for a picture ('Kinderporträt', 'Archivfoto',
# 'Luftaufnahme'): the ending of four letters or more
_PICTURE_WORD_ENDINGS = tuple(
    sorted(
        {
            word.casefold()
            for key in ("picture_nouns", "picture_kinds")
            for word in _CREDIT_DATA[key]
            if " " not in word and len(word) >= 4
        }
    )
)


def _is_no_first_name(word: str) -> bool:
    """A word before a name's particle that is a noun of a picture or a label, not a first name
    ('Porträt von Roe/dpa', 'Archivfoto von Roe/dpa'; 'Jane von Roe/dpa' is a name)."""
    folded = word.casefold()
    return folded in _NOT_FIRST_NAMES or (len(folded) > 5 and folded.endswith(_PICTURE_WORD_ENDINGS))


# every credit label of the data, with or without a space before its colon ('foto:', 'foto :')
_LABEL_NEEDLES = tuple(
    dict.fromkeys(f"{label.casefold()}{gap}:" for label in _CREDIT_DATA["credit_labels"] for gap in ("", " "))
) + ("credit...", "credit…")
# Substrings each pattern above cannot match without (checked on the casefolded text first:
# a substring test costs a fraction of a regex search, and most captions need none of them).
_CREDIT_NEEDLES: tuple[tuple[str, ...], ...] = (
    tuple(
        dict.fromkeys(
            [
                *(f"{bracket} " for bracket in "(["),
                *(
                    bracket + label.casefold().split()[0]
                    for label in _CREDIT_DATA["parenthesis_labels"]
                    for bracket in "(["
                ),
            ]
        )
    ),
    tuple(dict.fromkeys("(" + agency.casefold().replace(" ", "") for agency in AGENCIES))
    + tuple(dict.fromkeys("(" + agency.casefold() for agency in AGENCIES)),
    ("/",),
    ("via ", "/"),
    ("reuters/", "reuters /", "efe/", "efe /", "afp photo", "ansa/", "epa/", "keystone/", "xinhua/"),
    _LABEL_NEEDLES,
    ("mandatory", "quellenangabe", "obligatoire", "obligatorio"),
    tuple(dict.fromkeys(label.casefold() for label in _CREDIT_DATA["label_pair_copyright"])),
    tuple(dict.fromkeys(notice.casefold() for notice in _CREDIT_DATA["rights_notices"])),
    ("copyright", "©", "(c)"),
    ("dpa", "ap", "afp", "efe", "reuters", "imago"),
    # (after a sentence's end: '. Photo KEYSTONE', '. Ph. X')
    tuple(
        dict.fromkeys(
            f"{end}{gap}{label.casefold()} "
            for label in _CREDIT_DATA["credit_labels_bare"]
            for end in '.!?"»)'
            for gap in (" ", "  ", " - ", " – ", " — ")  # (two spaces or a dash after the stop)
        )
    ),
    ("/", "|", " -", " –", "via "),
    ("(",),
    (".", "!", "?"),
    (".", "!", "?"),
    (" / ", " | "),
    ("(",),
    tuple(dict.fromkeys("(" + agency.casefold().replace(" ", "") for agency in AGENCIES))
    + tuple(dict.fromkeys("(" + agency.casefold() for agency in AGENCIES)),
    _LABEL_NEEDLES,
    _LABEL_NEEDLES,
    (
        "photo by",
        "photos by",
        "photograph by",
        "photographs by",
        "foto von",
        "fotos von",
        "photographie de",
        "photo de",
        "foto de",
        "fotografía de",
        "fotografia de",
        "fotografías de",
        "fotos de",
        "photos de",
        "fotografie von",
        "foto por",
        "photo par",
        " prise par",
        " prises par",
        " pris par",
        " taken by",
        " tomada por",
        " tomadas por",
        " aufgenommen von",
    ),
    tuple(dict.fromkeys(verb.casefold() for verb in _CREDIT_VERB_LIST)),
    # (a blank, a word for a picture, a participle or not and a 'by': ' picture by', '\nbild von')
    tuple(
        dict.fromkeys(
            f"{blank}{noun.casefold()} {word.casefold()}"
            for blank in (" ", "\n")
            for noun in _PICTURE_NOUNS
            for word in (*_PICTURE_PARTICIPLES, *BYLINE_WORDS)
        )
    ),
    ("/",),
    tuple(dict.fromkeys(f"{word.casefold()} " for word in _COPYRIGHT_WORD_LIST)),
    tuple(f"{dash} {word} " for dash in "-–—" for word in ("von", "by", "par", "por")),
    ("/",),
    ("(",),
    (". ", "! ", "? ", '" ', "» ", "” "),
    ("— ", "– "),
    tuple(dict.fromkeys(["(©", "( ©", *(f"({label.casefold()} " for label in _CREDIT_DATA["credit_labels_bare"])])),
    tuple(dict.fromkeys(" " + agency.casefold() for agency in AGENCIES)),
    ("| ", "/ "),
    ("|",),
    ("| ", "/ ", "– ", "— ", "- "),
    tuple(dict.fromkeys(f"{end} {label} " for label in ("photo", "photos", "foto", "fotos") for end in '.!?"»”)')),
    (" for ", " pour ", " para ", " für "),
    tuple(recipient.casefold() for recipient in _CREDIT_DATA["handout_recipients"]),
    ("von ", "by ", "par ", "por "),
)
# The wire's and the closing agency's patterns are case-sensitive: their needles are checked on
# the text as is (by the pattern's place in INLINE_CREDIT_RES, as _CREDIT_NEEDLES is).
_CREDIT_NEEDLES_AS_IS = {
    INLINE_CREDIT_RES.index(_WIRE_SLASH_RE): _WIRE_SLASH_WORDS,
    INLINE_CREDIT_RES.index(_CLOSING_AGENCY_SLASH_RE): _CLOSING_AGENCY_WORDS,
}


# Case-sensitive credit patterns whose match opens at one of these words (the closing agency's:
# up to three spaces before it). They begin with a look-behind, which makes the regex engine try
# every position of the text; starting the search at the first such word finds the same
# match (look-behinds and '^' still see the whole text) for a fraction of the work.
_CREDIT_OPENERS: dict[re.Pattern, tuple[tuple[str, ...], int]] = {
    _WIRE_SLASH_RE: (_WIRE_SLASH_WORDS, 0),
    _COPYRIGHT_RE: (("Copyright", "©", "(c)", "(C)"), 0),
    _CLOSING_AGENCY_SLASH_RE: (_CLOSING_AGENCY_WORDS, 3),
    # 'von NAME/AGENCY,': the search starts at the first of the words
    _BYLINE_SLASH_RE: ((" von ", " by ", " par ", " por "), 0),
}


def _tail_width(pattern: re.Pattern) -> int | None:
    """How far from the end of the text a match of a pattern anchored at its end ('...$') can
    start: its longest match, plus one for the newline `$` may stand before. None for an
    unanchored pattern, or one whose width has no bound."""
    if not pattern.pattern.endswith("$"):
        return None
    width = _sre_parser.parse(pattern.pattern, pattern.flags).getwidth()[1]
    return width + 1 if width < _sre_parser.MAXREPEAT else None


# Credit patterns closing on '$' are searched only over their longest match's reach from the
# end. Searched from the start instead, a text of 20,000 '© ' tried each '©' with a 120-character
# run (60x an ordinary text of that length; tests/test_linear_time.py). Look-behinds and '^'
# still see the whole text, so the match found is the same.
_CREDIT_TAIL = {pattern: _tail_width(pattern) for pattern in INLINE_CREDIT_RES}


# The two tables above by the pattern's id: hashing a compiled pattern hashes its whole
# compiled code on every lookup (CPython does not cache it), which for these long
# alternations cost more than many of the searches themselves.
_CREDIT_SEARCH = {id(pattern): (_CREDIT_TAIL[pattern], _CREDIT_OPENERS.get(pattern)) for pattern in INLINE_CREDIT_RES}


# The byline words that also say 'of' or 'from' ('Imagen de Nueva York', 'Video von Bad Homburg',
# 'Photos par ...'), and a participle of taking or giving the picture, which makes the word a 'by'
_OF_BYLINE_WORDS = frozenset({"de", "von", "par", "por"})
_PICTURE_PARTICIPLE_RE = lazy_compile(r"\s(?:" + alternation(_PICTURE_PARTICIPLES) + r")\s", re.IGNORECASE)


def _names_a_place(lead: str, name: str) -> bool:
    """Is the credit after a picture's byline a place the picture shows ('... lluvia. Imagen de
    Nueva York', 'Fotos de Santa Cruz', 'Video von Bad Homburg'): a byline word that also says
    'of' without a participle of taking or giving ('Foto cedida por ...'), and a name the place
    data knows?"""
    lead = lead.rstrip(" :")
    if not lead or lead.rsplit(None, 1)[-1].casefold() not in _OF_BYLINE_WORDS:
        return False
    if _PICTURE_PARTICIPLE_RE.search(lead + " "):
        return False
    name = name.strip().rstrip(".")
    if not name or "/" in name or "|" in name:
        return False  # (an office after a slash: 'Imagen de Ana Ruiz/EFE' is a credit)
    return bool(
        places.find_country(name) or places.find_region(name) or places.is_town_name(name) or places.find_city(name)
    )


# A credit's label with its colon after a word ('um 1905 Foto: ...', 'du port Photo : ...')
_LABEL_INSIDE_RE = lazy_compile(r"[^\s\-–—|/•]\s{1,3}(?:" + _CREDIT_LABELS + r")\s{0,2}:", re.IGNORECASE)


# A word of the name and one or two initials closing the text before a credit ('... Carla J.',
# '... Carla J. R.', an agency's word in lower case: 'Foto: tass J. Beispiel/tass/dpa'): the name
# goes on after the stop (an abbreviation's letters, 'D.C.', stand after no blank and word)
_NAME_INITIAL_END_RE = lazy_compile(r"(?<![^\W\d_])[^\W\d_]{2,30}(?:\s[A-ZÀ-ÝĀ-ɏ]\.){1,2}$")


def search_credit(pattern: re.Pattern, text: str) -> re.Match | None:
    """`pattern.search(text)`, for one of INLINE_CREDIT_RES."""
    found = _search_credit(pattern, text)
    if found is None:
        return None
    if pattern is _PICTURE_BYLINE_RE:
        if _names_a_place(text[found.start() : found.start("credit")], found.group("credit")):
            return None
    elif pattern is _AGENCY_NAME_RE:
        # (not after a name's initial: 'Carla J.' and 'Carla J. R.' end no sentence, 'D.C.' does)
        while found is not None and _NAME_INITIAL_END_RE.search(text, max(0, found.start() - 50), found.start()):
            found = pattern.search(text, found.start() + 1)
        if found is not None and _LABEL_INSIDE_RE.search(found.group("credit")):
            # words, then a credit's label: '... ca. 1900 Foto: Jane Roe/dpa', '... am 3.4. um 10 Uhr
            # Foto: ...': the words are the caption's last (its stop was an abbreviation's or a
            # date's), the credit starts at the label (read by the label's pattern)
            return None
    elif pattern is _PHOTO_SENTENCE_RE:
        credit = found.group("credit").lstrip("(")
        prefix = CREDIT_PREFIX_RE.match(credit)
        if prefix and _names_a_place(credit[: prefix.end()], credit[prefix.end() :].rstrip(")")):
            return None
    elif pattern is _BYLINE_SLASH_RE and text[found.start() + 1 : found.start() + 4] in NAME_PARTICLES:
        return _with_name_before_particle(text, found)
    return found


def _with_name_before_particle(text: str, found: re.Match) -> re.Match:
    """The credit 'Jane von Roe/Getty Images' where the byline pattern read 'Roe/Getty
    Images' after a 'von' that is the name's particle: the first name stands before it, opening
    the text or after a stop, and is no picture's noun or label ('Foto von Jane Roe/dpa')."""
    head = _NAME_BEFORE_PARTICLE_RE.search(text, max(0, found.start() - 60), found.start() + 1)
    if head is None or any(_is_no_first_name(word) for word in head.group("name").split()):
        return found
    if head.group("name").split()[0] in ALL_SENTENCE_OPENERS:
        return found  # ('Die von Roe/dpa ...': an article, no first name)
    return _PARTICLE_NAME_CREDIT_RE.match(text, head.start("name")) or found


def _search_credit(pattern: re.Pattern, text: str) -> re.Match | None:
    tail, openers = _CREDIT_SEARCH.get(id(pattern), (None, None))
    start = max(0, len(text) - tail) if tail else 0
    if openers is None:
        return pattern.search(text, start)
    words, lead = openers
    first = -1
    for word in words:
        position = text.find(word)
        if position >= 0 and (first < 0 or position < first):
            first = position
    if first < 0:
        return None  # no match can open without one of the words
    return pattern.search(text, max(start, first - lead))


def _gated(needles: tuple[str, ...]) -> tuple[str, tuple[str, ...], tuple[str, ...]]:
    """(gate, needles holding it, the rest): most needles share a character ('(', '/', ':'),
    and a text without it skips them all with one test."""
    best = ("", (), needles)
    for gate in ("(", "/", ":"):
        holding = tuple(needle for needle in needles if gate in needle)
        if len(holding) > max(1, len(best[1])):
            best = (gate, holding, tuple(needle for needle in needles if gate not in needle))
    return best


# Per pattern: (needles are checked on the text as is?, gate, gated needles, other needles)
_CREDIT_GATES = tuple(
    (index in _CREDIT_NEEDLES_AS_IS, *_gated(_CREDIT_NEEDLES_AS_IS.get(index) or _CREDIT_NEEDLES[index]))
    for index in range(len(INLINE_CREDIT_RES))
)


def _ends_any(needles: tuple[str, ...]):
    """`contains_any(text, needles)` for needles that all end with one character (a label and
    its colon): one `endswith` over all of them at each place that character stands; the plain
    loop for a text holding it often."""
    last = needles[0][-1]

    def test(text: str) -> bool:
        if text.count(last) > 8:
            return contains_any(text, needles)
        at = text.find(last)
        while at >= 0:
            if text.endswith(needles, 0, at + 1):
                return True
            at = text.find(last, at + 1)
        return False

    return test


def _needle_kind(needles: tuple[str, ...]) -> str:
    """How `_needle_test` tests a set of needles: 'trie', 'ends' or 'loop'."""
    if len(needles) > 12 and not any(needle[:1].isalnum() for needle in needles):
        # (as a trie: the engine rejects most positions after a character instead of trying
        # every needle there; it matches where a needle stands, as the plain alternation did)
        return "trie"
    if len(needles) > 12 and all(needle[-1:] == needles[0][-1] and not needle[-1].isalnum() for needle in needles):
        return "ends"
    return "loop"


def _needle_test(needles: tuple[str, ...]):
    """The fastest exact `contains_any(text, needles)` for a set of needles: many needles
    opening with punctuation ('(photo', '. Foto ') as one regex of literals (the engine skips
    to the punctuation); many needles closing on one character (':') by `_ends_any`; else the
    loop."""
    if not needles:
        return None
    kind = _needle_kind(needles)
    if kind == "trie":
        return re.compile(word_trie(needles)).search
    if kind == "ends":
        return _ends_any(needles)

    def test(text: str) -> bool:
        for needle in needles:  # noqa: SIM110  (contains_any, without a second call)
            if needle in text:
                return True
        return False

    return test


def _credit_plan():
    """The gates of _CREDIT_GATES as tests, each distinct one once (three patterns share the
    labels' 140 needles, three the '/', three the '('), and each pattern with the index of its
    test. A gate of needles alone, tested one by one, is kept as the needles: credit_patterns_for
    tests them in its own loop, without a call."""
    distinct: dict[tuple, int] = {}
    plan = []
    for pattern, (as_is, gate, gated, others) in zip(INLINE_CREDIT_RES, _CREDIT_GATES, strict=True):
        plan.append((pattern, distinct.setdefault((as_is, gate, gated, others), len(distinct))))
    tests = tuple(
        (as_is, None, others, None)
        if not gate and _needle_kind(others) == "loop"
        else (as_is, gate, _needle_test(gated), _needle_test(others))
        for as_is, gate, gated, others in distinct
    )
    return tests, tuple(plan)


_DISTINCT_CREDIT_TESTS, _CREDIT_PLAN = _credit_plan()


def credit_patterns_for(text: str) -> list[re.Pattern]:
    """The inline-credit patterns that could match `text`, in precedence order."""
    lowered = text.casefold()
    hits = []
    for as_is, gate, gated, others in _DISTINCT_CREDIT_TESTS:
        haystack = text if as_is else lowered
        if gate is None:  # needles alone: `contains_any`, written out
            hit = False
            for needle in gated:
                if needle in haystack:
                    hit = True
                    break
            hits.append(hit)
        else:
            hits.append((gate and gate in haystack and gated(haystack)) or (others is not None and others(haystack)))
    chosen = [pattern for pattern, at in _CREDIT_PLAN if hits[at]]
    if _CAPS_CLOSING_RE in chosen and not text.rstrip()[-1:].isupper():
        chosen.remove(_CAPS_CLOSING_RE)  # (a name in capitals closing the text ends on a capital)
    return chosen


# A credit label left with nothing after it once its credit was read: '... propagación. Foto:'
DANGLING_LABEL_RE = lazy_compile(r"(?:^|(?<=\s))(?:" + _CREDIT_LABELS + r")\s{0,2}:\s{0,3}$", re.IGNORECASE)
# A label without a colon left after the last sentence: '... le 14 avril 1936. Photo'
# (or a copyright sign or word: '... gestartet war. ©' once 'KEYSTONE/Jane Roe' was read)
DANGLING_BARE_LABEL_RE = lazy_compile(
    r"(?<=[.!?\"”»)])\s{1,3}(?:" + _BARE_LABELS + r"|©|\([cC]\)|" + _COPYRIGHT_WORDS + r")\s{0,3}$"
)
_INLINE_CREDIT_OPENERS = tuple(
    sorted((opener.casefold() for opener in _CREDIT_DATA["inline_credit_openers"]), key=len, reverse=True)
)
_INLINE_OPENER_STARTS = tuple({opener[:4] for opener in _INLINE_CREDIT_OPENERS})
_INLINE_CAPTION_LABELS = tuple(label.casefold() for label in _CREDIT_DATA["inline_caption_labels"])


def split_inline_credit(text: str) -> tuple[str, str | None]:
    """('Kandy Freeman a participé …', 'Stephanie Keith/REUTERS') from 'Copyright de l’image
    Stephanie Keith/REUTERS Image caption Kandy Freeman a participé …': a page's credit label,
    the credit, its caption label and the caption on one line. The text unchanged and None
    otherwise."""
    if not text[:4].casefold().startswith(_INLINE_OPENER_STARTS):
        return text, None  # (most captions: one cheap test)
    head = text[:200].casefold()
    opener = next((opener for opener in _INLINE_CREDIT_OPENERS if head.startswith(opener)), None)
    if opener is None:
        return text, None
    for label in _INLINE_CAPTION_LABELS:
        at = head.find(label, len(opener))
        if at > len(opener):
            credit = text[len(opener) : at].strip(" ,:")
            caption = text[at + len(label) :].lstrip(" ,:")
            if credit and caption:
                return caption, credit
    return text, None


# A copyright sign and a credit ending in a known agency glued to the text after it, a page's
# elements copied without their breaks: '© Jane Roe/dpaNeue BrückeEine Brücke ...' (the
# agency's last letter, then a capital opening the next word)
_GLUED_LEADING_CREDIT_RE = lazy_compile(
    r"©\s{0,2}(?P<credit>(?:[^\n©/]{2,60}/\s{0,2}){0,2}" + _AGENCY + r")(?=[A-ZÀ-ÝĀ-ɏ][a-zà-ÿĀ-ɏ\s])"
)
# A title glued to the sentence after it in such a page: 'Neue BrückeEine Brücke führt ...'
# (a few words without a stop, the last one's small letter run into the next word's capital)
_GLUED_TITLE_RE = lazy_compile(
    r"(?P<title>[A-ZÀ-ÝĀ-ɏ][^\s.!?:;,]{0,30}(?:\s[^\s.!?:;,]{1,30}){0,7}?[a-zà-ÿĀ-ɏß])(?<=[a-zà-ÿĀ-ɏß]{3})"
    r"(?=[A-ZÀ-ÝĀ-ɏ][a-zà-ÿĀ-ɏ]{0,30}\s)"
)


def glued_leading_credit(text: str) -> tuple[str, str | None, str | None]:
    """('Eine Brücke führt ...', 'Jane Roe/dpa', 'Neue Brücke') from '© Jane Roe/dpaNeue
    BrückeEine Brücke führt ...': a credit opening the text and glued to what follows it, and
    the picture's title glued to the caption after it. The text unchanged and None otherwise."""
    if text[:1] != "©":
        return text, None, None
    glued = _GLUED_LEADING_CREDIT_RE.match(text)
    if not glued:
        return text, None, None
    rest = text[glued.end() :]
    title = _GLUED_TITLE_RE.match(rest)
    if title:
        return rest[title.end() :], glued.group("credit").strip(), title.group("title")
    return rest, glued.group("credit").strip(), None


# A copyright sign and a credit opening the caption, a dash after it: '©Leon Tanguy/MAXPPP - Sidney
# Toledano ...', '©PHOTOPQR/VOIX DU NORD - Maubeuge le 7 janvier 2019: ...', '© AFP - ...' (French
# regional papers through MAXPPP, agencies' API caption values). The credit is a name and an agency
# after a slash, an agency, or words in capitals: no sentence ('© 2019 - ...', '© is the sign of
# ...' stay).
_DASHED_LEADING_CREDIT_RE = lazy_compile(
    r"©\s{0,2}(?P<credit>[^\s©.:;!?][^\n©.:;!?\-–—]{0,60}?)\s{1,3}[-–—]{1,2}\s{1,3}(?=\S)"
)
_AGENCY_WHOLE_RE = lazy_compile(_AGENCY + r"$")


def dashed_leading_credit(text: str) -> tuple[str, str | None]:
    """('Sidney Toledano ...', 'Leon Tanguy/MAXPPP') from '©Leon Tanguy/MAXPPP - Sidney Toledano
    ...'; the text unchanged and None when its opening is no credit."""
    if text[:1] != "©":
        return text, None
    match = _DASHED_LEADING_CREDIT_RE.match(text)
    if not match:
        return text, None
    credit = match.group("credit").strip()
    letters = [character for character in credit if character.isalpha()]
    if not letters or any(character.isdigit() for character in credit):
        return text, None
    named = "/" in credit and all(part.strip()[:1].isupper() for part in credit.split("/") if part.strip())
    if not (named or credit.isupper() or _AGENCY_WHOLE_RE.match(credit)) or len(credit.split()) > 8:
        return text, None
    return text[match.end() :], credit


# A stock library's number after the caption is its image id: '..Adobe Stock #118102236'.
STOCK_REFERENCE_RE = lazy_compile(
    r"(?:(?<=\.)\.)?\s{0,3}(?:"
    + "|".join(re.escape(name) for name in sorted(_CREDIT_DATA["stock_libraries"], key=len, reverse=True))
    + r")\s{0,2}(?:#|No\.|Nr\.)\s{0,2}(?P<ref>\d{4,12})\s{0,3}$",
    re.IGNORECASE,
)
# Tokens an archive appends to a caption or credit that are no words: imago's territory notice
# written with x for spaces ('PUBLICATIONxINxGERxSUIxAUTxONLY') and references of five digits or
# more run together with letters or underscores ('UnitedArchives00421716', '20250909_kdl_al2_033').
_REFERENCE_TOKEN_RE = lazy_compile(
    r"[A-Z]{2,}(?:x[A-Z]{2,}){2,}|(?=[^\s]{0,40}[A-Za-z_])(?=[^\s]{0,40}\d{5})[A-Za-z0-9][\w\-]{4,40}"
)


_REFERENCE_CUE_RE = lazy_compile(r"[\dx]")


def strip_reference_tokens(text: str) -> str:
    """Drop reference tokens closing the text (at most four; one token at a time from the
    right, so the cost is the tokens', never the text's)."""
    for _ in range(4):
        head, _, last = text.rstrip().rpartition(" ")
        if not head or not _REFERENCE_TOKEN_RE.fullmatch(last):
            break
        text = head
    return text


SHUTTERSTOCK_REF_RE = lazy_compile(r"\s{0,3}\((?P<ref>\d{5,12}[a-z]{0,3})\)\s*$")
# A bare label as pages print it, before a capitalised credit: 'Foto Afp/ Javier Torres'
_BARE_CREDIT_LABEL_RE = lazy_compile(PHOTO_WORD + r"\s{1,2}(?=[A-ZÀ-ÝĀ-ɏ])")
# Agencies whose name opens with such a label ('Foto AP'): the label is theirs
_LABELLED_AGENCIES = tuple(agency for agency in AGENCIES if _BARE_CREDIT_LABEL_RE.match(agency))


def without_bare_label(credit: str) -> str:
    """A credit read from the caption's text without the bare label the page put before it
    ('Foto Afp/ Javier Torres' -> 'Afp/ Javier Torres'); an agency's name that opens with one
    keeps it ('Foto AP/...'). (A labelled field's credit keeps its words: a contributor may be
    called 'Photo Provence'.)"""
    if credit[:1] in "FP" and not credit.startswith(_LABELLED_AGENCIES):
        bare = _BARE_CREDIT_LABEL_RE.match(credit)
        if bare:
            return credit[bare.end() :]
    return credit


CREDIT_PREFIX_RE = lazy_compile(
    r"^(?:\(c\)|\(|credit\s{0,2}(?::|\.{3}|…)|photos?\s{1,3}by\b|photos?\s{1,3}(?:prises?\s{1,3})?par\b|photos?\s{0,2}:|fotos?\s{0,2}[:\\]|fotos?\s{1,3}von\b"
    r"|photos?\s{1,3}de\b|fotos?\s{1,3}(?:de|por)\b|picture\s{1,3}by\b|image\s{1,3}by\b|bild\s{0,2}:|©|\(c\)|copyright\s{0,2}:?"
    # a German compound naming the kind of picture: 'Archivfoto: Jane Roe/dpa', 'Symbolbild:'
    r"|[a-zäöüß]{3,20}(?:bild|foto)\s{0,2}:"
    # a label before a slash, as a university's or a paper's style writes it: '(Photo/Jane Roe)'
    r"|(?:photo|foto|bild)\s{0,2}/(?=\s{0,2}[^\W\d])"
    r"|(?:photographs?|photographies?|fotografien?|fotografías?|fotografias?)\s{1,3}" + BYLINE_WORD + r"\b"
    # a courtesy's words after the label: 'Photo: Courtesy of Jane Roe', 'Foto: Cortesía de Ana Ruiz',
    # 'Foto: Gentileza de ...', 'Foto: mit freundlicher Genehmigung von ...' (the holder is the credit)
    r"|courtesy(?:\s{1,3}of)?\s(?=\s{0,2}[^\W\d])|(?:por\s{1,3})?cortes[ií]a(?:\s{1,3}de)?\s(?=\s{0,2}[^\W\d])"
    r"|gentileza(?:\s{1,3}de)?\s(?=\s{0,2}[^\W\d])|avec\s{1,3}l['’]aimable\s{1,3}autorisation\s{1,3}(?:de|du|des)\s"
    r"|mit\s{1,3}freundlicher\s{1,3}genehmigung\s{1,3}(?:von|des|der)\s"
    # a participle of taking the picture and its 'by': 'Photographed by', 'Capturado por' (credit_verbs)
    r"|(?:" + _CREDIT_VERBS + r")\b"
    # a word for a picture, a participle or not and a 'by': 'Imagen de', 'Photo taken by', 'Foto
    # cedida por' (picture_nouns, picture_participles)
    r"|" + _PICTURE_BYLINE + r"\b"
    # a kind of picture and a 'by' before the name: 'Porträt von', 'Retrato de' (picture_kinds)
    r"|(?:" + alternation(_CREDIT_DATA["picture_kinds"]) + r")\s{1,3}" + BYLINE_WORD + r"\b)"
    # (a colon after a 'by', as a page's label prints it: 'Foto por: Ana Ruiz', 'Photo par : ...')
    r"(?:\s{0,2}:)?\s{0,3}",
    re.IGNORECASE,
)
# A credit line opening with its label and colon ('Foto: AFP - Jane Roe', 'Crédito: ...'): a
# page's credit field on a line of its own (the labels are data: credit_labels)
LABELLED_CREDIT_LINE_RE = lazy_compile(r"(?:" + _CREDIT_LABELS + r")\s{0,2}:", re.IGNORECASE)
# The agency's name in parentheses inside the dateline: 'BEIJING, 1 septiembre, 2021 (Xinhua) --',
# 'KYIV, Ukraine (Reuters) -'. The dateline stays, the marker goes.
DATELINE_AGENCY_RE = lazy_compile(r"\s\(\s?" + _AGENCY + r"\s?\)(?=\s{0,2}(?:--|[-–—:]|\.-))")
# Wire markers that open a caption but are not description.
LEADING_MARKER_RE = lazy_compile(
    r"^(?:\+{2,3}\s{0,2}[^+\n]{1,60}\+{2,3}\s{0,3}"
    # a wire's filing code, the day as yymmdd in brackets, before its dateline: '(250821) -- LHASA,
    # 21 agosto, 2025 (Xinhua) -- ...', '(230922) -- URUMQI, Sept. 22, 2023 (Xinhua) -- ...'
    r"|\(\d{6}\)\s{0,2}(?:--|[-–—])\s{1,3}(?=\S)"
    # 'Aus dem Ullstein-Archiv:', 'From the archives:' (archive_intros: the words before, the
    # archive's own name joined by a hyphen or not)
    r"|(?:"
    + "|".join(re.escape(words) for words in sorted(_CREDIT_DATA["archive_intros"]["openers"], key=len, reverse=True))
    + r")\s{1,2}(?:[\w'’]{1,30}[- ])?(?:"
    + "|".join(re.escape(word) for word in sorted(_CREDIT_DATA["archive_intros"]["archives"], key=len, reverse=True))
    + r")\s{0,2}:\s{0,3}"
    # 'Symbolbild:', 'Archivfoto:', 'Themenbild:' (a German compound on -bild or -foto before a
    # colon names the kind of picture, not what it shows; a page's typo as well: 'Symboldbild:')
    r"|[A-ZÄÖÜ][a-zäöüß]{2,20}(?:bild|foto|-Bild|-Foto)\s{0,2}:\s{0,3}"
    # a web gallery's counter: 'Bild 1 von 4. ', 'Image 3 of 12: ' (gallery_counters)
    r"|(?:"
    + "|".join(re.escape(word) for word in _CREDIT_DATA["gallery_counters"]["words"])
    + r")\s\d{1,3}\s(?:"
    + "|".join(re.escape(word) for word in _CREDIT_DATA["gallery_counters"]["of"])
    + r")\s\d{1,3}\s{0,2}[.:]?\s{1,3}"
    # a file picture's word in title case before a dash: 'Archivo - Chile.- ...' (leading_markers_dashed)
    r"|(?:"
    + "|".join(re.escape(word) for word in sorted(_CREDIT_DATA["leading_markers_dashed"], key=len, reverse=True))
    + r")\s{1,2}[-–—]\s{1,2}(?=\S)"
    r"|(?:"
    + "|".join(re.escape(word) for word in sorted(_CREDIT_DATA["leading_markers"], key=len, reverse=True))
    + r")"
    # (with the day it is of: 'BILDER DES TAGES 18.1.2017: ...')
    r"(?:\s\d{1,2}\.\d{1,2}\.\d{2,4})?"
    r"(?:\s{0,2}[-–—:|]\s{0,2}|\s{1,2}(?=[A-ZÄÖÜ\d])))+"
)
_CUT_LINK_LABELS = sorted(
    {label[:end] for label in _CREDIT_DATA["link_labels"] if len(label) >= 8 for end in range(6, len(label))},
    key=len,
    reverse=True,
)
# Markers after the caption: dpa's '+++ dpa-Bildfunk +++', a stock page's title suffix ('...
# Stock Photo', '... Banque D'Images'), a web page's link text ('// View in Flickr') and a wire's
# reference to the story the picture goes with ('(zu dpa «Ole von Beust wird 60» vom 12.04.2015)').
TRAILING_MARKER_RE = compile_guarded(
    r"(?:\s{0,3}(?:\+{2,3}\s{0,2}dpa-Bildfunk\s{0,2}\+{2,3}|\+{2,3}[^+\n]{1,40}\+{2,3}|-\s{0,2}dpa-Bildfunk|\bdpa-Bildfunk"
    r"|(?<=\S)\s(?:"
    + word_trie([*_CREDIT_DATA["stock_page_suffixes"], *_CREDIT_DATA["enlarge_links"]])
    + r")|(?:/{1,2}|\|)?\s{0,2}(?:"
    + word_trie(_CREDIT_DATA["link_labels"])
    + r")\.?|(?:"
    # the last link cut off with the page: 'Show More Show Les' (the lists as tries: every match
    # closes the text, so the run starts where it would with the lists as plain alternations,
    # and the engine rejects most positions after a character instead of trying every word)
    + word_trie(_CUT_LINK_LABELS)
    + r")(?=\s*$)"
    # the kind of picture in parentheses: '... beschossen. (Archivbild)' (picture_kind_tags)
    r"|(?<=\S)\s\(\s?(?:" + word_trie(_CREDIT_DATA["picture_kind_tags"]) + r")\s?\)"
    # a slideshow's 'more' link glued to the ellipsis of a caption cut short: '... fought to...more'
    r"|(?:(?<=\.\.\.)|(?<=…))more"
    # a blog's gallery shortcode left as text: '[nggallery id=87]', '[gallery ids="1,2"]'
    r"|(?<=\S)\s\[[a-z_\-]{2,30}(?:\s[a-z_\-]{1,20}=[^\[\]\n]{1,40}){1,5}\]"
    # AP's member desk code after the credit: '... via AP) =ME'
    r"|(?<=\S)\s=[A-Z]{2,3}(?=\s*$)"
    r"|\(\s?(?:zu|to)\s" + _AGENCY + r"\s[«\"„“][^()\n]{1,200}\)))+\s*$",
    re.IGNORECASE,
)
#: what the text must hold for TRAILING_MARKER_RE to find anything (as written: each phrase
#: without its first letter, which may be a capital or not)
TRAILING_MARKER_CUES = tuple(
    dict.fromkeys(
        ["+", "ildfunk", "(zu ", "(to ", " =", "..more", "…more", "="]
        + [
            cue
            for phrase in (
                *_CREDIT_DATA["stock_page_suffixes"],
                *_CREDIT_DATA["enlarge_links"],
                *_CREDIT_DATA["link_labels"],
                *_CREDIT_DATA["picture_kind_tags"],
            )
            # (an apostrophe as the patterns read it: straight or curled)
            for cue in (phrase[1:].replace("\u2019", "'"), phrase[1:].replace("'", "\u2019"))
        ]
    )
)
# `contains_any(text, TRAILING_MARKER_CUES)` as one search: the cues that hold no other cue (a
# text holding 'rchivbild' holds 'rchiv') as a trie of literals, which rejects most positions
# after a character where the loop tried 93 cues (3.5 against 8.2 us a call on the captions'
# own ends). Its apostrophe matches straight or curled: every cue with one is listed in both
# forms above, so it matches exactly what the list does (tests/test_parser_gates.py).
TRAILING_MARKER_CUE_SEARCH = re.compile(
    word_trie(
        [
            cue
            for cue in TRAILING_MARKER_CUES
            if not any(other != cue and other in cue for other in TRAILING_MARKER_CUES)
        ]
    )
).search

SUPPLIERS = (
    ("Getty Images", re.compile(r"getty\s?images|editorial #|creative #|\bgetty\b", re.IGNORECASE)),
    ("Shutterstock", re.compile(r"shutterstock|\brex features\b", re.IGNORECASE)),
    ("Alamy", re.compile(r"\balamy\b", re.IGNORECASE)),
    (
        "Wikimedia Commons",
        re.compile(
            r"wikimedia|commons\.wikimedia|^(?:"
            + alternation(load_data("caption_labels.json")["file_page_labels"])
            + r"):",
            re.IGNORECASE | re.MULTILINE,
        ),
    ),
    ("imago", re.compile(r"\bimago\b", re.IGNORECASE)),
    ("picture alliance", re.compile(r"picture[- ]alliance", re.IGNORECASE)),
    ("dpa", re.compile(r"\bdpa\b")),
    ("Reuters", re.compile(r"\breuters\b", re.IGNORECASE)),
    ("AFP", re.compile(r"\bAFP\b")),
    ("EFE", re.compile(r"\bEFE\b")),
    ("AP", re.compile(r"\bAP Photo\b|\bvia AP\b|\(AP\)|\bAP/|/AP\b|\bAP ID\b")),
)


_SUPPLIER_CUES = (
    "getty",
    "editorial #",
    "creative #",
    "shutterstock",
    "rex features",
    "alamy",
    "wikimedia",
    "file:",
    "datei:",
    "fichier:",
    "archivo:",
    "imago",
    "picture",
    "dpa",
    "reuters",
    "afp",
    "efe",
)


def supplier_in(text: str) -> str | None:
    """The agency a credit line or id label names, in order of specificity.

    'Jane Doe/AFP via Getty Images' is Getty's picture: the more specific distributor wins.
    """
    if not (contains_any(text.casefold(), _SUPPLIER_CUES) or "AP" in text):
        return None
    for name, pattern in SUPPLIERS:
        if pattern.search(text):
            return name
    return None


# Reuters appends desk tags to the credit line; they are not part of anyone's name.
# ('REUTERS/Ueslei Marcelino/File Photo TPX IMAGES OF THE DAY SEARCH "GLOBAL POY" ...': each
# tag is cut from the end in turn, and what a last slash names about the copy: 'File Photo',
# 'Imagen digital' (credit_format_tails in credit_patterns.json))
_WIRE_TAIL_RE = compile_guarded(
    r"(?:\s{1,3}(?:(?:"
    + alternation(_CREDIT_DATA["credit_desk_tags"])
    + r")\b.*|SEARCH\s\S.*|ATTENTION EDITORS\s.*|\(\s?[A-Z][A-Z .'/-]{1,40}\s-\sTags:.*)"
    # dpa's marker and its licence after the credit: '... /dpa +++(c) dpa - Bildfunk+++ | Verwendung weltweit'
    r"|\s{0,3}\+{2,3}[^+\n]{1,40}\+{2,3}[^+\n]{0,80}"
    r"|\s{0,2}/\s{0,2}(?i:"
    + "|".join(re.escape(tail) for tail in sorted(_CREDIT_DATA["credit_format_tails"], key=len, reverse=True))
    + r")\.?)$"
)


# An agency image id closing a credit line: capitals and digits, both ('RTS9XQ2K', 'RC2X9A8K7')
_WIRE_ID_RE = lazy_compile(r"\s((?=[A-Z0-9]{0,11}\d)(?=[A-Z0-9]{0,11}[A-Z]{2})[A-Z][A-Z0-9]{5,11})$")


# A web address after the name is the photographer's site, not the credit: 'Tatyana Panova.www.tpanova.ru'
_WEB_ADDRESS_RE = lazy_compile(r"(?<=\w)[.\s,]{1,3}(?:www\.|https?://)[^\s]{1,100}$")


# Parts of a credit that name no one: a licence ('CC-BY-SA 3.0') and an archive's signature
# ('Bundesarchiv, Bild 183-90157-0001 / Junge, Peter Heinz / CC-BY-SA 3.0').
_LICENCE_PART_RE = lazy_compile(
    r"(?:CC[- ]BY(?:[- ](?:SA|ND|NC))*(?:[- ]\d\.\d)?|CC0(?: 1\.0)?|Public domain|GFDL)", re.IGNORECASE
)
_SIGNATURE_PART_RE = lazy_compile(r"(?:[A-Z][a-z]{1,10}\s)?\d[\w.]*(?:-[\w.]+){2,5}")


# What a licence or a signature part holds: a digit and a hyphen, or a licence's words.
_ARCHIVE_PART_CUE_RE = lazy_compile(r"\d[\w.]*-|CC[- ]|CC0|Public domain|GFDL", re.IGNORECASE)


def _without_archive_parts(text: str) -> tuple[str, str | None]:
    reference = None
    kept = []
    for part in text.split(" / "):
        part = part.strip()
        if not part or _LICENCE_PART_RE.fullmatch(part):
            continue
        pieces = []
        for piece in part.split(", "):
            if reference is None and _SIGNATURE_PART_RE.fullmatch(piece.strip()):
                reference = piece.strip()
                continue
            if _LICENCE_PART_RE.fullmatch(piece.strip()):
                continue  # a licence after a comma: 'Bundesarchiv, Bild 183-..., CC-BY-SA'
            pieces.append(piece)
        if pieces:
            kept.append(", ".join(pieces))
    return " / ".join(kept), reference


# A wire's picture number and credit before its caption: '413104598 - Keystone-ATS/Jean-Christophe
# Bott - Personnel médical ...' (the credit opens with an agency's name).
LEADING_ID_CREDIT_RE = lazy_compile(
    r"(?P<id>\d{6,12})\s{1,2}[-–]\s{1,2}(?P<credit>" + _AGENCY + r"[^\n]{0,20}?/[^\n/]{2,50}?)\s{1,2}[-–]\s{1,2}(?=\S)"
)
# An agency and its photographer, then the date, opening the caption: the East German wire's
# caption as the Bundesarchiv keeps it ('Zentralbild / Montage-Schulz 9.2.1962 Der Schutzpatron
# ...', 'Zentralbild-Junge-1.2.1962-Gefährliche Provokation ...').
LEADING_CREDIT_DATE_RE = lazy_compile(
    r"(?P<credit>"
    + _AGENCY
    + r"\s{0,2}[/-]\s{0,2}[A-ZÀ-ÝĀ-ɏ][A-Za-zÀ-ÿĀ-ɏ'’\-]{1,30}(?:\s[A-ZÀ-ÝĀ-ɏ][A-Za-zÀ-ÿĀ-ɏ'’\-]{1,30}){0,2})"
    r"\s{0,2}[-–\s]\s{0,2}(?P<date>\d{1,2}\.\d{1,2}\.(?:\d{4}|\d{2}))\s{0,2}[-–\s]\s{0,2}(?=[A-ZÀ-ÝĀ-ɏ\"„(\[])"
)
#: what LEADING_CREDIT_DATE_RE's match opens with (a caption opening with none skips it)
AGENCY_STARTS = tuple(dict.fromkeys(name.split()[0].split("-")[0] for name in AGENCIES))
_AGENCY_IN_PARENS_RE = lazy_compile(r"(?<=\S)\s\((" + _AGENCY + r"(?:\s{0,2}/[^()\n]{1,80})?)\)$")


# (in capitals too, as a name in capitals writes them: 'J.M. ROE JR.', 'ROE & CO.')
_NAME_ABBREVIATIONS = frozenset(_CREDIT_DATA["name_abbreviations"]) | frozenset(
    word.upper() for word in _CREDIT_DATA["name_abbreviations"]
)
_RELEASED_RE = lazy_compile(r"(?:(?<=[a-z])|\s{0,2}/\s{0,2}|\s)(?:Released|RELEASED)$")


# An archive's series closing a credit after a comma, its number and its letters (French
# archives' cotes: 'ADSM, fonds Robert Eude, 11 F', '..., 10 Fi', '..., 3 P')
_SERIES_PART_RE = lazy_compile(r",\s\d{1,4}\s?[A-Z][a-z]?$")


def clean_credit(value: str) -> tuple[str | None, str | None]:
    """(credit, reference) from a credit as stated: labels, parentheses and refs stripped.

    'Credit: John Doe/Shutterstock (14523678a)' -> ('John Doe/Shutterstock', '14523678a').
    """
    # a dash the line opened with: '- Foto: ...'; dpa's dash for no photographer's name stays: '-/KCNA/dpa'
    return _clean_credit(_OPENING_DASH_RE.sub("", value.strip()[:300]))


# A copyright's year (or years) before the holder's name: '2022 Jane Roe', '1998-2022, Jane Roe'
_LEADING_YEAR_RE = lazy_compile(r"(?:19|20)\d\d(?:\s?[-–]\s?(?:19|20)?\d\d)?,?\s{1,2}(?=[^\W\d])")
_YEAR_STARTS = frozenset(["19", "20"])
_OPENING_DASH_RE = lazy_compile(r"^[-–—\s]+(?![-–—\s]|/)")


# A rights statement after the holder's name: '© 2024 The Example Times. All rights reserved.'
_RIGHTS_RESERVED_RE = lazy_compile(
    r"[.,;]?\s{1,3}(?i:all rights reserved|alle rechte vorbehalten|tous droits réservés|tous droits reserves"
    r"|todos los derechos reservados)\.?\s{0,3}$"
)


@lru_cache(maxsize=4096)  # a supplier's credits recur block after block
def without_sentence_after_bar(credit: str) -> str:
    """The credit before the page's bar when a sentence follows it, the caption printed again
    after its credit: 'Jane Roe/dpa | Ein Mann geht über die Brücke.' -> 'Jane Roe/dpa' (a name
    after the bar stays: 'Agency | Jane Roe')."""
    head, bar, tail = credit.partition(" | ")
    if not bar or not head.strip():
        return credit
    words = tail.split()
    lower = [word for word in words if word[:1].islower()]
    # (five words, two in lower case: German nouns are capitalised, 'Die Frau eröffnet den Markt')
    return head if len(words) >= 5 and len(lower) >= 2 else credit


def _clean_credit(text: str) -> tuple[str | None, str | None]:
    if " | " in text:
        text = without_sentence_after_bar(text)
    if "serv" in text[-40:] or "orbehalten" in text[-40:]:
        text = _RIGHTS_RESERVED_RE.sub("", text)  # (the credit as stated is 300 characters at most)
    for _ in range(3):
        untagged = _WIRE_TAIL_RE.sub("", text, count=1)
        if untagged == text:
            break
        text = untagged
    if "www." in text or "://" in text:
        text = _WEB_ADDRESS_RE.sub("", text)
    if _REFERENCE_CUE_RE.search(text, max(0, len(text) - 45)):
        text = strip_reference_tokens(text)
    reference = None
    ref = SHUTTERSTOCK_REF_RE.search(text)
    if ref:
        reference = ref.group("ref")
        text = text[: ref.start()]
    for _ in range(3):
        stripped = CREDIT_PREFIX_RE.sub("", text, count=1)
        if stripped == text:
            break
        text = stripped
    text = text.strip()
    if text[:2] in _YEAR_STARTS:
        text = _LEADING_YEAR_RE.sub("", text, count=1)  # a copyright's year: '© 2022 Jane Roe'
    while len(text) > 1 and (text[0], text[-1]) in (("(", ")"), ("[", "]")):
        text = text[1:-1].strip()  # only brackets around the whole credit: 'Hans Lindner (1902–1971)' keeps its own
    text = text.lstrip("([/|").strip()  # and a separator left from a part before it: '/ re:publica'
    if text.endswith(")") and "(" in text:
        # an agency in parentheses after the name: 'Chung Sung-Jun (Getty Images)' -> 'Chung
        # Sung-Jun Getty Images' (life dates, 'Hans Lindner (1902–1971)', are no agency)
        agency = _AGENCY_IN_PARENS_RE.search(text)
        if agency:
            text = f"{text[: agency.start()].rstrip()} {agency.group(1)}"
    # a closing initial keeps its full stop: 'Cornell, Ralph D.'
    # and so does an abbreviation of a firm's name: 'National Photo Co.' (data: name_abbreviations)
    initial = text[-1:] == "." and (
        (text[-2:-1].isupper() and not text[-3:-2].isalnum()) or text.rpartition(" ")[2] in _NAME_ABBREVIATIONS
    )
    text = text.rstrip(";, ") if initial else text.rstrip(".;, ").strip()
    while text.endswith((")", "]", "/")) and (
        text[-1] == "/" or text.count("(") + text.count("[") < text.count(")") + text.count("]")
    ):
        text = text[:-1].rstrip(" .;,")  # a bracket or slash left over from the line around it
    holder = text.find(" © ")
    if holder > 0:
        text = text[:holder].rstrip()  # 'Azpiazu Imbert, Salvador Ramón de © AMVG-Fondo Azpiazu': the name
    if (" / " in text or ", " in text) and _ARCHIVE_PART_CUE_RE.search(text):
        text, archive_reference = _without_archive_parts(text)
        reference = reference or archive_reference
    if ", " in text and text[-1:].isalpha():
        series = _SERIES_PART_RE.search(text)
        if series:
            text = text[: series.start()]  # an archive's series after its holder: 'ADSM, fonds X, 10 Fi'
    if text.endswith(("Released", "RELEASED")):
        # the US military's release status glued to the name or after it: 'Sgt. Jane RoeReleased'
        text = _RELEASED_RE.sub("", text).rstrip(" /")
    if reference is None and any(probe in text for probe in ARCHIVE_REFERENCE_PROBES):
        archived = ARCHIVE_REFERENCE_RE.search(text)
        if archived and archived.start() > 0 and not text[archived.end() :].strip(" .)"):
            # the holder and its own reference: '© IWM HU 136931' -> 'IWM', 'HU 136931'
            reference, text = archived.group(0), text[: archived.start()].rstrip(" ,;(/")
    if reference is None:
        wire = _WIRE_ID_RE.search(text)
        if wire:  # 'REUTERS/Hannah McKay RTS9XQ2K': Reuters' image id closes its credit line
            reference, text = wire.group(1), text[: wire.start()].rstrip()
    return (text or None), reference


def is_negative_release(value_folded: str) -> bool:
    return value_folded.strip(" .") in NEGATIVE_VALUES


# --- credits of web pages flattened to text ---------------------------------------------------

# A bare picture label in parentheses closing the caption, a name and an agency after it,
# without a 'by' or a colon: '... à Toulouse (Photo Lionel Exemple. AFP)', '... (Foto Ana Ruiz /
# EFE)' (credit_labels_bare as written; the agency as it writes itself or in capitals). The
# agency closing it is the evidence: '(Photo of the day)', '(Foto Archiv)' are none.
_BARE_LABEL_AGENCY_RE = lazy_compile(
    r"(?<=\S)\s{1,3}\((?:"
    + _BARE_LABELS
    + r")\s{1,2}(?P<credit>[A-ZÀ-ÝĀ-ɏ][^()\n]{1,80}?[\s./,|\-]\s{0,2}"
    + _AGENCY_ANY_CASE
    + r")\s{0,2}\)\s{0,3}$"
)


def bare_label_agency_credit(text: str) -> re.Match | None:
    """The match of a bare label's credit in parentheses closing `text` (_BARE_LABEL_AGENCY_RE),
    or None."""
    if text.rstrip()[-1:] != ")":
        return None
    return _BARE_LABEL_AGENCY_RE.search(text, max(0, len(text) - 140))


# An institution's or a page's credit after the caption's last sentence, its parts between
# spaced slashes, as a web page prints its credit span after the figcaption: '... mit seinem
# Smartphone. Bundeskanzlei / Mediamatiker:innen des Bundesamtes für Informatik', '... on Monday.
# Jane Roe / The Example Times': capitalised words (a gendered plural's colon inside one,
# name_particles and name_connectors between them), two parts or more, one of two words or more;
# no digit, no sentence. Not 'Gesundheit/Pflege' in prose, nor '... steigen. Gesundheit / Pflege'
# (one word each).
# (a person's name among the parts, its initials and particles too: 'M. Roe', 'Jane Q. Roe',
# 'Ana de la Roe')
_SLASH_WORD = r"(?:[A-ZÀ-ÝĀ-ɏ][\w'’\-]{1,30}(?::[a-zà-ÿ]{2,8})?|[A-ZÀ-ÝĀ-ɏ]\.)"
_SLASH_PART = _SLASH_WORD + r"(?:\s(?:" + NAME_JOINER + r"\s){0,2}" + _SLASH_WORD + r"){0,6}"
_SLASH_TAIL_RE = lazy_compile(
    r"(?<=[.!?\"”»])\s{1,3}(?P<credit>" + _SLASH_PART + r"(?:\s/\s" + _SLASH_PART + r"){1,3})\s{0,3}$"
)


def slash_tail_credit(text: str) -> re.Match | None:
    """The match of a credit of parts between spaced slashes closing `text` after its last
    sentence (_SLASH_TAIL_RE), or None."""
    if " / " not in text[-200:]:
        return None
    found = _SLASH_TAIL_RE.search(text, max(0, len(text) - 200))
    if found is None or found.start() < 20:
        return None
    parts = found.group("credit").split(" / ")
    if not any(len(part.split()) >= 2 for part in parts) or reads_as_sentence(found.group("credit")):
        return None
    return found
