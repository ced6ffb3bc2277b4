"""Where in an unlabelled caption the place is written.

PURE: no Django import. Without a labelled location field the SPEC takes the place from the
caption's place slot — its dateline, an '... in City, Country' phrase, or a place closing the
caption — and never from just any capitalised word. This module finds those slots, in order
of how reliably each layout fills them; captions.core.places decides what the words name.
"""

from __future__ import annotations

import re
from functools import lru_cache

from captions.core import dates, places
from captions.core.text import alternation, compile_guarded, fold, lazy_compile

from .caption_text import line_language, stopword_votes
from .lexicon import (
    LABELS,
    PLACE_PHRASES,
    StartOrBlank,
    first_chars,
    guarded_alternation,
    load_data,
)

_UP = "A-ZÀ-ÖØ-ÞĀ-ɏ"  # (Latin-1 and Latin Extended: Łódź, Września, Ştefăneşti)


_WORD = r"[" + _UP + r"][\w.'\-]{0,30}"
# the small words inside a place's name, alone or German and Dutch two together ('Frankfurt am
# Main', 'Neustadt an der Weinstraße', 'Alphen aan den Rijn', 'Bergen op Zoom'), or an Arabic
# article on the word after it ('Sharm el-Sheikh', 'Ras al-Khaimah'). (Spanish and French 'de la',
# 'de los' were tried: 'Castellón de la Plana' read whole, but the holdout lost a field.)
_NAME_LINK = (
    r"(?: (?:(?:"
    + alternation(PLACE_PHRASES["place_name_links"])
    + r") )?| (?:"
    + alternation(PLACE_PHRASES["place_name_articles"])
    + r")-| d['’])"
)
_NAME = _WORD + r"(?:" + _NAME_LINK + _WORD + r"){0,3}"

# a run of capitalised words with at least one more after the first ('Landau in der Pfalz',
# 'In Frankfurt am Main'): where a town's name holding small words may stand
_LINKED_RUN_RE = lazy_compile(_WORD + r"(?:" + _NAME_LINK + _WORD + r"){1,5}")
_LOWER_LINK_RE = compile_guarded(r" [a-zà-ÿ]")


def linked_town_spans(text: str) -> list[tuple[int, int]]:
    """Where `text` names a known town whose name holds small words of a language ('Landau in
    der Pfalz', 'Frankfurt am Main', 'Alcalá de Henares'): those words say nothing of the
    language the text is written in."""
    spans = []
    for match in _LINKED_RUN_RE.finditer(text[:3000]):
        run = match.group()
        if not _LOWER_LINK_RE.search(run):
            continue  # 'New York City': no small word to discount
        words = run.split(" ")
        found = _longest_town(words)
        if found:
            first, last = found
            start = match.start() + sum(len(word) + 1 for word in words[:first])
            spans.append((start, start + len(" ".join(words[first:last]))))
    return spans


def _longest_town(words: list[str]) -> tuple[int, int] | None:
    """The longest run of `words` that is a known town's name and holds a small word."""
    for size in range(len(words), 2, -1):
        for first in range(0, len(words) - size + 1):
            part = words[first : first + size]
            if part[-1][:1].islower() or not any(word[:1].islower() for word in part):
                continue
            if places.is_town_name(" ".join(part).rstrip(".'")):
                return first, first + size
    return None


# a city in capitals and a numeric date: 'DRESDEN 15.06.1957' (picture archives)
_CAPITALS_DATE_DATELINE = lazy_compile(
    r"^(["
    + _UP
    + r"]["
    + _UP
    + r"'\-]{2,30}(?: ["
    + _UP
    + r"]["
    + _UP
    + r"'\-]{1,30}){0,2})\s\d{1,2}\.\d{1,2}\.\d{2,4}\b"
)
# dpa: '06.05.2025, Berlin:'  /  '06.05.2025, Niedersachsen, Hannover:'  /  '03.03.2022, Ukraine, Kiew:'
_DPA_DATELINE = lazy_compile(r"^\d{1,2}\.\d{1,2}\.\d{2,4}\s{0,2},\s{0,2}([^:\n]{2,80}?)\s{0,2}:")
DATELINE_RES = (
    # Getty: 'PARIS, FRANCE - JULY 26:'  /  'THE HAGUE, NETHERLANDS - JUNE 25:'
    re.compile(
        r"^(["
        + _UP
        + r"]["
        + _UP
        + r" .'\-]{1,40}(?:,\s{0,2}["
        + _UP
        + r"]["
        + _UP
        + r" .'\-]{1,40}){0,2})\s{0,2}[-–—]\s{0,2}["
        + _UP
        + r"]{3,9}\.?\s\d{1,2}\s?:"
    ),
    _DPA_DATELINE,
    # EFE: 'MADRID, 05/06/2025.-'  /  'MADRID, 5 jun (EFE).-'
    # (and 'CIUDAD DE GUATEMALA (GUATEMALA). 03/02/2018.-': a full stop after the country)
    re.compile(
        r"^([" + _UP + r"][" + _UP + r" .'\-]{1,40}(?:\s\([^)]{2,40}\))?)\s{0,2}(?:,|(?<=\))\.)\s{0,2}\d{1,2}[/.\s]"
    ),
    # wires: 'KYIV, Ukraine (Reuters) -', 'WASHINGTON (AP) —', 'PARIS (AFP) -'
    re.compile(
        r"^(["
        + _UP
        + r"]["
        + _UP
        + r" .'\-]{1,40}(?:,\s{0,2}["
        + _UP
        + r"][\w .'\-]{1,40})?)\s{0,2}\((?:AP|Reuters|REUTERS|AFP|dpa|EFE|ANSA|EPA)\)"
    ),
    _CAPITALS_DATE_DATELINE,
    # a city in capitals, its country as written, a dash: 'KYIV, Ukraine —' (the wire's
    # '(Reuters)' taken out of the caption as an agency marker)
    re.compile(
        r"^([" + _UP + r"][" + _UP + r" .'\-]{1,40},\s{0,2}[" + _UP + r"][\w .'\-]{1,40}?)\s{0,2}(?:--|[-–—])\s"
    ),
    # plain all-caps dateline: 'BERLIN, GERMANY: ...', 'KYIV -'
    re.compile(
        r"^(["
        + _UP
        + r"]["
        + _UP
        + r" .'\-]{2,40}(?:,\s{0,2}["
        + _UP
        + r"]["
        + _UP
        + r" .'\-]{1,40}){0,2})\s{0,2}(?:[-–—:]|\.-)\s"
    ),
)
_PREPOSITION_WORDS = (
    *PLACE_PHRASES["place_prepositions"],
    # a sentence may open with its preposition ('In Hamburg demonstrierten ...', 'Au Havre, ...');
    # not 'A' or 'De', which open names ('A Coruña', 'De Gaulle') and English sentences ('A Man')
    *(
        word[:1].upper() + word[1:]
        for word in PLACE_PHRASES["place_prepositions"]
        if word not in PLACE_PHRASES["place_prepositions_lower_only"]
    ),
)
_PREPOSITION = (
    r"(?:(?=(?i:"
    + first_chars(PLACE_PHRASES["place_leads"])
    + r")|"
    + first_chars(_PREPOSITION_WORDS)
    + r")(?:(?i:"
    # 'in the ancient city of Kashgar', 'in the small coastal town of ...': a town word after one
    # or two adjectives, as 'in the city of' (place_leads)
    + r"in the (?:[a-z]{3,20} ){1,2}(?:"
    + alternation(PLACE_PHRASES["town_words"])
    + r") of|"
    # 'in the Molenbeek district of Kleinort': a part of the town, named, then the town
    + r"in the (?-i:["
    + _UP
    + r"][\w'\-]{1,30} ){1,3}(?:"
    + alternation(PLACE_PHRASES["district_words"])
    + r") of|"
    + "|".join(re.escape(lead) for lead in sorted(PLACE_PHRASES["place_leads"], key=len, reverse=True))
    + r")|"
    + "|".join(re.escape(word) for word in _PREPOSITION_WORDS)
    + r"))"
)
# A region part may carry its type in lower case: 'in Harbin, Heilongjiang province, China'.
_REGION_TYPE = r"(?:\s(?:" + alternation(PLACE_PHRASES["region_types"]) + r"))?"
IN_PLACE_RE = lazy_compile(
    r"(?:^|\s)"
    + _PREPOSITION
    # a lower-case word for a part of the place may stand before its name ('in downtown Anseong',
    # 'in central Kleinburg', 'in northern Italy', 'in west Kleinort'; data: place_modifiers)
    + r"\s(?:(?:"
    + alternation(PLACE_PHRASES["place_modifiers"])
    + r")\s)?("
    + _NAME
    + r"(?:\s(?:"
    + alternation([*PLACE_PHRASES["town_words"], *PLACE_PHRASES["town_words_after"]])
    + r"))?(?:,\s{0,2}"
    + _NAME
    + _REGION_TYPE
    + r"){0,2})"
)
# What may follow a place to say where it lies, when the place alone says too little:
# '..., southern Italy', '..., northwest of Paris', '..., northeast China's Heilongjiang
# Province', '..., capital of northwest China's Xinjiang Uygur Autonomous Region',
# '..., 30 km north of Lyon'. The words are data (captions/data/place_phrases.json).

# 'in northwest China's Shaanxi Province', 'of east China's Jiangsu Province': the region and
# its country, with no city named (the slot reads 'Shaanxi Province, China').
_DIRECTIONS = "|".join(re.escape(word) for word in sorted(PLACE_PHRASES["directions"], key=len, reverse=True))
# (a country of up to three words, "in Saudi Arabia's ..."; a word for a town or a region may stand
# before the name, after up to two words, in capitals too for a region of the country: "in Turkey's
# southern town of Kleinort", "in Saudi Arabia's holy city of Kleinort", "in Russia's Far East port
# of X", "in India's northeastern state of X")
_POSSESSIVE_TOWN_WORDS = frozenset([*PLACE_PHRASES["town_words"], *PLACE_PHRASES["possessive_town_words"]])
_POSSESSIVE_REGION_WORDS = frozenset(PLACE_PHRASES["possessive_region_words"])
POSSESSIVE_REGION_RE = lazy_compile(
    r"(?:^|\s)(?:in|of)\s(?:the\s)?(?:(?:"
    + _DIRECTIONS
    + r")\s)?("
    + _WORD.replace("'", "")
    + r"(?:\s"
    + _WORD.replace("'", "")
    + r"){0,2})['’]s\s(?:(?:[A-Za-z][a-z]{2,20}\s){0,2}(?:"
    + alternation([*_POSSESSIVE_TOWN_WORDS, *_POSSESSIVE_REGION_WORDS])
    + r")\sof\s)?("
    + _WORD
    + r"(?:\s"
    + _WORD
    + r"){0,3})"
)
# 'El alcalde de Madrid', 'the mayor of Paris', 'Bürgermeister von Hamburg', 'Juegos Olímpicos
# de Río': an office's or an event's city, not the photo's place; 'frente a la costa de Libia',
# 'off the coast of Crete': at sea, not in the place; 'calle Génova', 'rue de
# Rivoli': a street named after a place. Matched against the folded text before a name.
_NOT_HERE_BEFORE_RE = lazy_compile(
    r"(?:^|[^\w])(?:(?:"
    + alternation(fold(word) for word in PLACE_PHRASES["office_words"])
    + r")\s(?:"
    + alternation([*PLACE_PHRASES["romance_links"], *PLACE_PHRASES["office_links"]])
    + r")"
    + r"|(?:"
    + alternation(fold(word) for word in PLACE_PHRASES["offshore_words"])
    + r")"
    + r"|(?:"
    + alternation(fold(word) for word in PLACE_PHRASES["street_words_before"])
    + r")(?:\s(?:"
    + alternation(PLACE_PHRASES["romance_links"])
    + r"))?)$"
)


# 'à cent kilomètres au nord de Niamey', 'al norte de Madrid', 'north of Paris' (but 'in the
# north of England'), 'nördlich von Berlin': outside the place named, in its country (as
# _anchored reads 'northwest of Paris' after a place). The words are data (directions,
# outside_directions). Matched against the folded text before it.
_OUTSIDE_BEFORE_RE = lazy_compile(
    r"(?:^|[^\w])(?:(?:au|al|a l')\s(?:"
    + alternation(fold(word) for word in PLACE_PHRASES["directions"])
    + r")\s(?:"
    + alternation(PLACE_PHRASES["romance_links"])
    + r")"
    + "".join(
        r"|(?<!the\s)(?:"
        + alternation(fold(word) for word in group["directions"])
        + r")\s(?:"
        + alternation(group["links"])
        + r")"
        for group in PLACE_PHRASES["outside_directions"]
    )
    + r")$"
)


def outside_of(caption: str, start: int) -> bool:
    """Is the name at `start` a reference point the picture lies to one side of (see above)?"""
    return bool(_OUTSIDE_BEFORE_RE.search(fold(caption[max(0, start - 40) : start])))


# 'la iglesia de San Clemente', 'the church of St. Mary': a church or religious house named after
# its patron saint, not a town (data: dedicated_buildings, dedication_links, saints; a school's or a
# hospital's 'de' is often 'in': 'una escuela de San Salvador' keeps its town).
# (French names its churches without a link, 'l'église Saint-Pierre'; 'l'église de Saint-Pierre'
# is the church of the village.)
_DEDICATED_BEFORE_RE = lazy_compile(
    r"(?:^|[^\w])(?:"
    + alternation(fold(word) for word in PLACE_PHRASES["dedicated_buildings"])
    + r")\s(?:"
    + alternation(PLACE_PHRASES["dedication_links"])
    + r")$"
)
_SAINT_RE = lazy_compile(r"(?:" + alternation(PLACE_PHRASES["saints"]) + r")[\s\-]")


# 'le duc d'Orléans', 'Graf von Zeppelin', 'le procureur d'Agrigente', 'la porte d'Orléans', 'la
# vallée d'Aoste': a title's or an office's seat, a gate's destination, a valley's river or region,
# never the town the photo was taken in (data: not_the_town_words, not_the_town_links). Matched
# against the text before the name as written but for case: 'comte' is no 'comté' ('le comté de
# Shache' is the county).
_NOT_THE_TOWN_BEFORE_RE = lazy_compile(
    r"(?:^|[^\w])(?:"
    + alternation(word.casefold() for word in PLACE_PHRASES["not_the_town_words"])
    + r")\s(?:"
    + alternation(PLACE_PHRASES["not_the_town_links"])
    + r")$"
)


# 'el Juzgado de Instrucción 3 de Palma', 'the District Court of Kleinort': a court's seat (data:
# institution_words, up to five words of its name between it and the link; folded text)
_INSTITUTION_BEFORE_RE = lazy_compile(
    r"(?:^|[^\w])(?P<institution>"
    + alternation(fold(word) for word in PLACE_PHRASES["institution_words"])
    + r")(?:\s[\w'’]{1,30}){0,5}?\s(?:"
    + alternation(PLACE_PHRASES["not_the_town_links"])
    + r")$"
)
_BUILDING_LEAD_RE = lazy_compile(
    r"(?:^|[^\w])(?:" + alternation(fold(word) for word in PLACE_PHRASES["institution_building_leads"]) + r")\s$"
)
# 'el titular del', 'dictada por el', 'the judge of the': the court as an office or a ruling's author
_OFFICE_LEAD_RE = lazy_compile(
    r"(?:^|[^\w])(?:" + alternation(fold(word) for word in PLACE_PHRASES["institution_office_leads"]) + r")\s$"
)
_NAME_AT_RE = lazy_compile(r"[\w'’\-]+(?:\s[" + _UP + r"][\w'’\-]*){0,3}")
# 'de Nanterre a rendu son jugement', 'of Amsterdam ruled on': the court's ruling after its seat
_RULING_AFTER_RE = lazy_compile(
    r"(?:[\w'’\-]+\s)?(?:" + alternation(fold(word) for word in PLACE_PHRASES["institution_ruling_verbs"]) + r")(?!\w)"
)


def _institution_seat(caption: str, start: int) -> bool:
    """Is the name at `start` a court's seat, the court named as a person's office or a ruling's
    author ('el titular del Juzgado de Instrucción 3 de Palma', 'dictada por el Juzgado de X'),
    not a country, and the court no building the picture is at ('devant le tribunal de Tunis')?"""
    window = fold(caption[max(0, start - 70) : start])
    match = _INSTITUTION_BEFORE_RE.search(window)
    if match is None or _BUILDING_LEAD_RE.search(window, 0, match.start("institution")):
        return False
    name = _NAME_AT_RE.match(caption, start)
    if not _OFFICE_LEAD_RE.search(window, 0, match.start("institution")) and not (
        name and _RULING_AFTER_RE.match(fold(caption[name.end() : name.end() + 40]))
    ):
        return False  # the court as the picture's subject ('Le tribunal de Paris, le 3 mai 2024.')
    return not (name and places.find_country(_sentence_cut(name.group()).rstrip(".")))


def not_here(caption: str, start: int) -> bool:
    """Is the name at `start` an office's or event's city, a title's seat, a gate's destination,
    a valley's name, a street's name, or a building's patron saint (see above)? (fold() drops
    the trailing space: the patterns end on the word before the name.)"""
    before = fold(caption[max(0, start - 40) : start])
    if _NOT_HERE_BEFORE_RE.search(before):
        return True
    if _institution_seat(caption, start):
        return True
    if _NOT_THE_TOWN_BEFORE_RE.search(caption[max(0, start - 40) : start].replace("’", "'").casefold().rstrip()):
        return True
    return bool(_SAINT_RE.match(caption, start) and _DEDICATED_BEFORE_RE.search(before))


# 'dans le sud-ouest de la France', 'en el norte de Londres', 'in the north of England': a
# direction inside a place names that place (the words are data: lead_before_direction,
# directions, links).
INSIDE_RE = lazy_compile(
    r"(?:^|\s)(?i:"
    + guarded_alternation(PLACE_PHRASES["lead_before_direction"])
    + r")\s(?i:"
    + guarded_alternation(PLACE_PHRASES["directions"])
    + r")\s(?i:"
    + alternation(PLACE_PHRASES["links"])
    + r")\s(?:la\s|le\s|l'|the\s)?("
    + _NAME
    + r")"
)
# 'im Osten Spaniens', 'im Norden der Ukraine': a German direction and a country in the genitive
_GENITIVE_INSIDE_RE = lazy_compile(
    r"(?:^|\s)[Ii]m\s(?i:" + alternation(PLACE_PHRASES["directions"]) + r")\s(?:(?:der|des)\s)?(" + _WORD + r")"
)


def _genitive_countries(caption: str) -> list[str]:
    """'... in der Region Valencia im Osten Spaniens' -> ['Spanien']: the country a German
    direction names in the genitive ('Spaniens', 'Frankreichs', 'der Ukraine')."""
    slots = []
    for match in _GENITIVE_INSIDE_RE.finditer(caption):
        word = match.group(1).rstrip(".,;:")
        for name in (word, word[:-1] if word.endswith("s") else None):
            if name and places.find_country(name):
                slots.append(name)
                break
    return slots


# 'in der Normandie', 'in the Netherlands', 'dans la Drôme': a preposition and an article in
# lower case ('en La Courneuve' keeps its 'La') before a country or a region; never a city
# ('in the Berlin Wall' is a landmark).
# ('in the southern Gaza Strip', 'dans le nord de la France' is read by the anchors: a lower-case
# direction may stand between the article and the name)
ARTICLE_PLACE_RE = lazy_compile(
    r"(?:^|\s)(?:"
    + alternation(PLACE_PHRASES["article_leads"])
    + r")\s(?:(?P<direction>"
    + alternation(word for word in PLACE_PHRASES["directions"] if word.islower())
    + r")\s)?(?P<name>"
    + _NAME
    + r"(?:,\s{0,2}"
    + _NAME
    + r")?)"
)
# a preposition before a name makes it a town even where the data does not know it: 'in Lugoba
# (Tansania)', 'en Kleinort (Ucrania)', 'à Kleinort (Ukraine)' ('islas Galápagos (Ecuador)' is none);
# so does one opening a sentence ('In Kleinort (Tansania) warten ...') and a word for a town
# ('in der Stadt Kleinort (Tansania)', 'dans la ville de Kleinort (Ukraine)', data: place_leads)
_TOWN_PREPOSITION_RE = lazy_compile(
    r"(?:^|\s)(?:in|en|à|bei|nahe|near|au|In|En|À|Bei|Nahe|Near|Au|(?i:"
    + alternation(PLACE_PHRASES["place_leads"])
    + r"))\s$"
)
# (the single small words of place_name_links but those joining two names: 'in Viana do Castelo
# (Portugal)', 'in Bir el Ater (Algeria)', not 'in Kleinort and Exampleton (Ruritania)')
_NAME_LINK_WORDS = (
    frozenset(PLACE_PHRASES["place_name_links"])
    - {"of", "and", "y", "et", "und"}
    - {link for link in PLACE_PHRASES["place_name_links"] if " " in link}
)


_ABBREVIATION_RE = lazy_compile(r"[A-Z][a-z]{1,2}\.")


def _town_before_parenthesis(caption: str, start: int) -> str | None:
    """The town whose last word opens at `start`, before its country in parentheses: the
    longest run of up to four capitalised words (and the small words inside names) ending there
    that the data knows as a city or that a preposition leads to ('in Monte Azul (Brasilien)',
    'bei Saint Peter Port (Guernsey)'); None when no such run is a town ('las islas Galápagos
    (Ecuador)')."""
    end = caption.find(" (", start)
    before = caption[max(0, start - 60) : start].split()
    words = caption[start:end].split()
    runs = [words]
    while before and len(runs) < 4:
        word = before.pop()
        if word in _NAME_LINK_WORDS and before and before[-1][:1].isupper():
            word = f"{before.pop()} {word}"
        if not word[:1].isupper() or not (word[-1:].isalnum() or _ABBREVIATION_RE.fullmatch(word)):
            break  # (but 'in St. Kleinort (USA)', 'bei Mt. Kleinort (Kanada)')
        runs.append([*word.split(), *runs[-1]])
    for run in reversed(runs):
        name = " ".join(run)
        opening = caption.rfind(name, 0, end)
        city = places.find_city(name)
        if (city or _TOWN_PREPOSITION_RE.search(caption, max(0, opening - 30), opening)) and not (
            # (a region's name is no town where a town has it only as an alias: 'de Río Grande do
            # Sul (Brasil)', not 'in Wien (Österreich)')
            places.find_region(name) and not (city and fold(name) in {fold(city.name), *map(fold, city.names.values())})
        ):
            return name
    return None


# (a country's name may hold words in lower case: '(Afrique du Sud)', '(Arabie saoudite)', '(Costa de Marfil)')
_PAREN_COUNTRY_RE = lazy_compile(r"(" + _WORD + r")\s\((" + _WORD + r"(?:\s[\w'’\-]{1,30}){0,3})\)")
END_PLACE_RE = lazy_compile(r",\s{0,2}(" + _NAME + r"(?:,\s{0,2}" + _NAME + r"){0,2})\s{0,2}[.!]?\s*$")
# Month and weekday words end a place slot: '... near Bernkastel-Kues, Germany, January 1985'.
_DATE_WORDS = frozenset(
    [
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
        "jan",
        "feb",
        "mar",
        "apr",
        "jun",
        "jul",
        "aug",
        "sep",
        "sept",
        "oct",
        "nov",
        "dec",
        "januar",
        "februar",
        "marz",
        "maerz",
        "mai",
        "juni",
        "juli",
        "oktober",
        "dezember",
        "janvier",
        "fevrier",
        "mars",
        "avril",
        "juin",
        "juillet",
        "aout",
        "septembre",
        "octobre",
        "novembre",
        "decembre",
        "enero",
        "febrero",
        "marzo",
        "abril",
        "mayo",
        "junio",
        "julio",
        "agosto",
        "septiembre",
        "octubre",
        "noviembre",
        "diciembre",
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
        "circa",
        "ca",
        # seasons: '... in West-Berlin, Sommer 1975'
        "spring",
        "summer",
        "autumn",
        "winter",
        "fruhling",
        "fruehling",
        "sommer",
        "herbst",
        "printemps",
        "ete",
        "automne",
        "hiver",
        "primavera",
        "verano",
        "otono",
        "invierno",
    ]
)
# '..., Bakhmut, Ukraine, March 5, 2023.' / '..., Milan, Italy, 22 Sep 2024': Reuters and
# Shutterstock close the caption with the place and then the date.
_DATE_TAIL = (
    r"(?:[A-Za-zéû]{3,10}\.?\s\d{1,2},\s\d{4}|\d{1,2}\.?\s(?:de\s)?[A-Za-zéû]{3,10}\.?,?\s(?:de\s)?\d{4}"
    r"|[A-Za-zéû]{3,10}\s\d{4}|\d{4}|\d{1,2}\.\d{1,2}\.\d{4})"
)
# A compass word may open each part ('..., central Donetsk, Eastern Ukraine May 18, 2014.'),
# and the date may follow the place without a comma.
_DIRECTED_NAME = r"(?:(?i:" + _DIRECTIONS + r")\s)?" + _NAME
END_PLACE_DATED_RE = lazy_compile(
    r",\s{0,2}("
    + _DIRECTED_NAME
    + r"(?:,\s{0,2}"
    + _DIRECTED_NAME
    + r"){0,2})(?:,\s{0,2}|\s)(?:on\s|le\s|am\s|el\s)?"
    + _DATE_TAIL
    + r"\s*[.!]?\s*$"
)
_CAPITAL_START_RE = lazy_compile(r"\s*[" + _UP + r"]")


_PLAIN_WORD = r"[" + _UP + r"][\w.\-]{0,30}"  # no apostrophe: "China's" is China and what follows
_PLAIN_NAME = _PLAIN_WORD + r"(?:" + _NAME_LINK + _PLAIN_WORD + r"){0,3}"


# The phrase words match in any case ('Northwest of', 'northwest of'); the names do not: with
# the whole pattern case-blind, 'Center in northwest China' read as one name.
_ANCHOR_RE = lazy_compile(
    r",?\s{0,2}(?i:(?="
    + first_chars(
        [*PLACE_PHRASES["lead"], *PLACE_PHRASES["lead_before_country"], *PLACE_PHRASES["lead_before_direction"]]
    )
    + r")(?:(?P<lead>"
    + alternation(PLACE_PHRASES["lead"])
    + r")\s"
    r"|(?P<country_lead>" + alternation(PLACE_PHRASES["lead_before_country"]) + r")\s(?=[A-ZÀ-Ý])"
    r"|(?P<inside>"
    + alternation(PLACE_PHRASES["lead_before_direction"])
    + r")\s(?=(?:the\s)?(?:"
    + alternation(PLACE_PHRASES["directions"])
    + r")\s)))?"
    r"(?i:(?:(?:"
    + alternation(PLACE_PHRASES["distance_approximations"])
    + r")\s)?\d{1,4}\s?(?:"
    + alternation(PLACE_PHRASES["distance_units"])
    + r")\s)?"
    r"(?i:(?="
    + first_chars(PLACE_PHRASES["directions"])
    + r")(?P<direction>"
    + alternation(PLACE_PHRASES["directions"])
    + r")\s(?P<link>(?:"
    + alternation(PLACE_PHRASES["links"])
    + r")\s)?)?"
    # 'the Russian southern city of Stavropol': what kind of place the anchor is
    r"(?:(?:the\s)?(?:[A-Z][a-z]{2,20}\s)?(?:[a-z]{3,20}\s)?(?i:"
    + alternation(PLACE_PHRASES["anchor_types"])
    + r")\s)?"
    r"(?P<anchor>" + _PLAIN_NAME + r")(?:['’]s\s(?P<region>" + _WORD + r"(?:\s" + _WORD + r"){0,3}))?"
)
# After a place, the region it lies in, named with its kind: ', dans la province chinoise du
# Shandong', ', dans la région autonome ouïghoure du Xinjiang', ', dem nordwestchinesischen
# Autonomen Gebiet Ningxia', ', in the province of Hebei'. The words are data.
_REGION_PHRASE_RE = lazy_compile(
    r",?\s{0,2}(?i:"
    + guarded_alternation(PLACE_PHRASES["region_leads"])
    + r")\s(?:[\w'’-]{2,30}\s){0,3}?(?i:"
    + alternation(PLACE_PHRASES["region_kinds"])
    + r")\s(?:[\w'’-]{2,30}\s){0,2}?(?:(?i:"
    + alternation(PLACE_PHRASES["links"])
    # (or elided before a vowel: 'de la province de l'Anhui', 'du département d'Ardèche')
    + r")\s|(?i:de\sl|d|l)['’])?(?P<region>"
    + _PLAIN_WORD
    + r"(?:\s"
    + _PLAIN_WORD
    + r")?)"
)
_TYPE_TAIL_RE = lazy_compile(r"(?:\s(?:" + alternation(PLACE_PHRASES["region_types"]) + r"))+$", re.IGNORECASE)


# a country's name holding words in lower case ('Afrique du Sud', 'Arabie saoudite', 'Côte
# d'Ivoire', 'Émirats arabes unis'): up to four words from a capital
_COUNTRY_WORDS_RE = lazy_compile(r"[" + _UP + r"][\w'’\-]{0,30}(?: [\w'’\-]{1,30}){1,3}")


def _country_words(caption: str, start: int) -> str | None:
    """The country named at `start` in words some of which are in lower case, the most words
    that name one ('en Afrique du Sud, le 3 mars': Afrique du Sud); None when none does."""
    match = _COUNTRY_WORDS_RE.match(caption, start, start + 130)
    if match is None or not any(word[:1].islower() for word in match.group().split()):
        return None
    words = match.group().split()
    for size in range(len(words), 1, -1):
        if any(word[:1].islower() for word in words[1:size]) and places.find_country(" ".join(words[:size])):
            return " ".join(words[:size])
    return None


def _anchored(slot: str, caption: str, end: int) -> str | None:
    """'Cutro' + ', southern Italy' -> 'Cutro, Italy'; 'Harbin' + ', northeast China's
    Heilongjiang Province' -> 'Harbin, Heilongjiang, China'; 'Conflans-Sainte-Honorine' +
    ', northwest of Paris' -> 'Conflans-Sainte-Honorine, Paris' (the anchor city's country is
    found by place_fields); None when nothing anchors the slot."""
    phrase = _REGION_PHRASE_RE.match(caption, end, min(len(caption), end + 160))
    if phrase is not None:
        region = _TYPE_TAIL_RE.sub("", phrase.group("region")).strip()
        found = places.find_region(region)
        if found:
            # a country's adjective beside the kind ('dans la province burkinabè du Nord') names
            # the region's country, where another country has a region of that name too
            words = caption[phrase.start() : phrase.start("region")].split()
            codes = {code for code in map(_adjective_country, words) if code}
            if len(codes) == 1 and found[1] not in codes:
                country = places.country_by_code(next(iter(codes)))
                return f"{slot}, {region}, {country.name}" if country else None
            return f"{slot}, {region}"
    match = _ANCHOR_RE.match(caption, end, min(len(caption), end + 160))
    if match is not None and match.group("country_lead"):
        if match.group("direction") or "," not in caption[end : match.start("country_lead")]:
            return None  # 'im Bundestag in Berlin' is a place in a place, not its country
        # 'en La Courneuve, en Francia': only a country or region after 'en' anchors the slot
        anchor = _country_words(caption, match.start("anchor")) or _sentence_cut(match.group("anchor"))
        named = caption[match.end("country_lead") : match.end("anchor")].strip()
        if named != match.group("anchor") and named[:1].isupper() and places.find_city(named):
            return None  # 'de Monterrey, en Ciudad de México': a city whose name opens with a kind's word

        known = places.find_country(anchor) or places.find_region(anchor)
        return f"{slot}, {anchor}" if known else None
    if match is None or not (match.group("lead") or match.group("direction") or match.group("region")):
        return None  # a plain 'City, Country' is the slot itself
    anchor = _sentence_cut(match.group("anchor"))
    region = match.group("region")
    if region and anchor == match.group("anchor"):
        region = _TYPE_TAIL_RE.sub("", _sentence_cut(region).strip(" .")).strip()
        return f"{slot}, {region}, {anchor}" if region else f"{slot}, {anchor}"
    anchor = _TYPE_TAIL_RE.sub("", anchor).strip() or anchor
    if places.find_country(anchor) or places.find_region(anchor):
        return f"{slot}, {anchor}"
    # 'northwest of Paris': the place is not Paris, but in Paris's country
    country = places.country_of_city(anchor)
    if country and match.group("inside") and match.group("link"):
        return anchor  # 'en el norte de Londres', 'in the centre of Paris': in that city
    return f"{slot}, {country.name}" if country else None


# Articles that open no city's name after its first word ('BILDER DES TAGES', 'FOTO DEL DIA')
_ARTICLES = frozenset(
    ["des", "der", "die", "das", "dem", "den", "the", "of", "del", "los", "las", "du", "les", "and", "und"]
)


# A kind written after a name in lower case: 'in Beijing city, China', 'Harbin, Heilongjiang province'.
_KIND_WORDS = frozenset(
    ["city", "town", "village", "district", "county", "province", "region", "state", "prefecture", "oblast"]
)
_REGION_KINDS = frozenset(["province", "region", "state", "prefecture", "oblast"])
_DIRECTION_WORDS = frozenset(fold(word) for word in PLACE_PHRASES["directions"])
# the bare compass nouns ('North', 'Südost', 'Ouest'), not their adjectives ('Northern', 'central')
_COMPASS_NOUNS = frozenset(
    fold(word) for word in PLACE_PHRASES["directions"] if not word.endswith(("ern", "al", "ale", "al", "lich"))
)


def _compass_name(words: list[str]) -> bool:
    """'North Adams', 'East Kilbride', 'West Bromwich': a capitalised compass noun before a name that
    is no country or region ('East Ukraine' is the east of Ukraine) opens a town's own name."""
    rest = " ".join(words[1:])
    return (
        words[0][:1].isupper()
        and fold(words[0]) in _COMPASS_NOUNS
        and not places.find_country(rest)
        and not places.find_region(rest)
    )


_TITLE_KEEP = {"de", "del", "la", "le", "les", "am", "an", "der", "sur", "upon", "on", "im", "di", "du", "des"}


_PAREN_RE = lazy_compile(r"\s{0,2}\(([^()]{2,40})\)")


def titlecase_dateline(text: str) -> str:
    """'PARIS, FRANCE' -> 'Paris, France'; keeps 2-3 letter codes ('USA', 'NY') as written.

    EFE puts the country in parentheses ('BARCELONA (ESPAÑA)'): it becomes 'Barcelona, España'.
    """
    text = _PAREN_RE.sub(r", \1", text)
    if not text.isupper():
        return text
    segments = []
    for segment in text.split(","):
        stripped = segment.strip()
        if len(stripped) <= 3 and stripped.isalpha():
            segments.append(stripped)
            continue
        words = []
        for position, word in enumerate(stripped.split()):
            lower = word.lower()
            if position and lower in _TITLE_KEEP:
                words.append(lower)
                continue
            words.append(_cap_parts(lower))
        segments.append(" ".join(words))
    return ", ".join(segments)


def _cap_parts(word: str) -> str:
    for sep in ("-", "'"):
        if sep in word:
            return sep.join(_cap_parts(part) for part in word.split(sep))
    return word[:1].upper() + word[1:]


# A full stop after a word of four letters or more ends a sentence ('à Paris. Faisant suite');
# after a shorter one it may be an abbreviation ('St. Petersburg', 'Mt. Fuji').
# (The look-behind follows the full stop, so the engine skips to each '.' instead of trying the
# look-behind at every position of the text: the same matches, some 25x faster on a caption.)
_SENTENCE_END_RE = lazy_compile(r"\.(?<=\w{4}\.)\s")


def first_sentence(text: str) -> str:
    """The text up to its first sentence's full stop (see _SENTENCE_END_RE), or all of it."""
    end = _SENTENCE_END_RE.search(text, 0, 2000)
    return text[: end.start()] if end else text[:2000]


def _sentence_cut(text: str) -> str:
    end = _SENTENCE_END_RE.search(text)
    return text[: end.start()] if end else text


def _known_large(name: str) -> bool:
    return bool(places.find_country(name) or places.find_region(name) or places.find_city(name))


def _known(name: str) -> bool:
    """A country, a region, a city or a small town's own name (GeoNames' towns of 1,000 people:
    'Sulz am Neckar', 'Dießen am Ammersee' read whole, as 'Frankfurt am Main' is)."""
    return _known_large(name) or bool(places.town_countries(name))


def _genitive_of_city(word: str, part: str) -> bool:
    """'Berlins' before a noun: the genitive of a major city, the whole no place of its own."""
    return (
        len(word) > 4
        and word.endswith("s")
        and not word.endswith("ss")
        and places.country_of_city(word[:-1]) is not None
        and not _known(word)
        and not _known(part)
    )


def _without_stops(part: str) -> str:
    """Punctuation around a part, except the full stop of an abbreviated region ('Calif.')."""
    stripped = part.strip(" .;:!?")
    if (
        part.rstrip(" ;:!?").endswith(".")
        and " " not in stripped
        and not places.find_region(stripped)
        and places.find_region(stripped + ".")
    ):
        return stripped + "."
    return stripped


_ADJECTIVE_SUFFIXES = frozenset(PLACE_PHRASES["adjective_suffixes"])


def _is_adjective(word: str) -> bool:
    """'Nairobi-born', 'Berlin-based': a place's name made an adjective by a lower-case word."""
    head, dash, tail = word.rpartition("-")
    return bool(dash and head and tail in _ADJECTIVE_SUFFIXES)


_GERMAN_LINKS = (" im ", " am ", " an ")
_REGION_KIND_WORDS = frozenset(PLACE_PHRASES["region_kinds"])


def _german_link(part: str) -> tuple[str, ...]:
    """'Köln im Schnee' -> 'Köln'; 'Echallens im Kanton Waadt' -> 'Echallens', 'Waadt': German
    links a name to what follows with 'im', 'am', 'an' ('Frankfurt am Main' is one name, known)."""
    if not any(link in part for link in _GERMAN_LINKS) or _known(part):
        return (part,)
    cuts = sorted(
        (index for link in _GERMAN_LINKS for index in range(len(part)) if part.startswith(link, index)), reverse=True
    )
    # the longest head that is a known name ('Frankfurt am Main am Ufer'), else the shortest
    cut = next((index for index in cuts if _known(part[:index])), cuts[-1])
    head, tail = part[:cut], part[cut + 4 :]
    words = tail.split()
    if len(words) > 1 and words[0] in _REGION_KIND_WORDS and places.find_region(" ".join(words[1:])):
        return (head, " ".join(words[1:]))
    # a region named with a kind of several words ('Kaschgar im Autonomen Gebiet Xinjiang im
    # Nordwesten Chinas'; region_aliases.json's type_prefixes), up to the next link
    region = re.split(r" (?:im|am|an) ", tail, maxsplit=1)[0]
    if len(words) > 1 and " " in region and places.find_region(region):
        return (head, region)
    return (head,)


# Small words a place's name may hold, read only where the data knows the name whole (data:
# known_only_name_links): two together ('Neustadt an der Weinstraße', 'Alphen aan den Rijn'), 'of'
# ('Democratic Republic of Congo'), 'es' ('Dar es Salaam'). Otherwise the name ends before them,
# as it did before they were read: 'Kleinstadt an der Elbe' is Kleinstadt, 'Church of the Holy
# Sepulchre' no more than 'Church', 'Madrid es Navidad' Madrid. An Arabic article written apart
# ('Bir el Ater') or Czech 'nad' (known_whole_name_links) leaves a known place before it or none:
# 'en Tánger el Rey' is Tánger, 'Noticias al Día, 3 de marzo de 2022:' no dateline.
_KNOWN_ONLY_LINKS = frozenset(PLACE_PHRASES["known_only_name_links"])
_ELIDED = ("d'", "d’")
_ELIDED_LINK_RE = re.compile(r"\sd['’]")
_KNOWN_WHOLE_LINKS = frozenset(PLACE_PHRASES["known_whole_name_links"])


def _before_links_of_unknown_name(words: list[str]) -> list[str]:
    for index in range(1, len(words) - 1):
        if words[index] in _KNOWN_WHOLE_LINKS:
            if _known(" ".join(words)):
                return words
            return words[:index] if _known(" ".join(words[:index])) else []
        if words[index] in _KNOWN_ONLY_LINKS or f"{words[index]} {words[index + 1]}" in _KNOWN_ONLY_LINKS:
            return words if _known(" ".join(words)) else words[:index]
    return words


def _known_head(words: list[str]) -> list[str]:
    """A name the data does not know whole, with a full stop inside it after a place it knows,
    is that place and the next sentence ('outside Santa Fe. It's ...': a short word's full stop
    ends no sentence for first_sentence). (Any known head was tried: 'in Berlin Rettungskräfte'
    read, but 'Tuba City', 'South Georgia', 'Buckingham Palace' were lost: dev -5.)"""
    for size in range(len(words) - 1, 0, -1):
        if words[size - 1].endswith(".") and _known(" ".join(words[:size]).rstrip(".")):
            return " ".join(words[:size]).rstrip(".").split()
    return words


@lru_cache(maxsize=4096)  # slots are place names, and an archive names the same places often
def _trim(slot: str) -> str:
    """Drop trailing punctuation and trailing date words from a slot; stop at a sentence's end."""
    parts = [piece for part in _sentence_cut(slot).split(",") for piece in _german_link(_without_stops(part))]
    kept = []
    for part in parts:
        words = part.split()
        if words and _is_adjective(words[-1]):
            break  # 'a Nairobi-born engineer', 'the Berlin-based band': no place
        possessed = None
        for index, word in enumerate(words):
            if word.endswith(("'s", "’s")) and len(word) > 3:
                possessed = " ".join(words[index + 1 :]) or None
                words = [*words[:index], word[:-2]]  # "Aleppo's Bab al-Hadeed district": Aleppo
                break
            if index == 0 and len(words) > 1 and _genitive_of_city(word, part):
                words = [word[:-1]]  # German genitive: 'Berlins Mitte', 'Hamburgs Hafen': Berlin
                break
        while len(words) > 1 and fold(words[0]) in _DIRECTION_WORDS and not _known(" ".join(words)):
            if _compass_name(words):
                break  # 'North Adams', 'East Kilbride': a compass noun with a capital opens a town's name
            words.pop(0)  # 'central Donetsk', 'Eastern Ukraine' (but 'South Korea', 'West Bengal')
        part = " ".join(words)
        # a region's kind stays after the first part ('Bakhmut, Donetsk region': the region, not
        # the city of Donetsk); a city's goes ('Beijing city')
        while words and words[-1] in _KIND_WORDS and not (kept and len(words) > 1 and words[-1] in _REGION_KINDS):
            words.pop()
        if len(words) > 1 and words[-1] == "City" and not _known(" ".join(words)) and _known(" ".join(words[:-1])):
            words.pop()  # 'Hechi City' (Xinhua's English) is Hechi; 'Mexico City', 'Kansas City' are names
        if len(words) > 1 and any(word.startswith(_ELIDED) for word in words[1:]) and not _known(" ".join(words)):
            # "Côte d'Ivoire", 'Cortina d'Ampezzo' whole where the data knows them; else before "d'"
            words = words[: next(index for index, word in enumerate(words) if index and word.startswith(_ELIDED))]
        if len(words) > 2:
            words = _before_links_of_unknown_name(words)
            if not words:
                continue  # ('Noticias al Día': no place; a country after it still is one)
        named = len(words)
        while words and fold(words[-1]).strip(".") in _DATE_WORDS and not (len(words) > 1 and words[-2].islower()):
            words.pop()  # (but 'Viña del Mar', 'Plaza de Mayo': a link word before it makes it a name)
        if not words:
            break
        if len(words) > 1 and not _known(" ".join(words)):
            words = _known_head(words)  # 'in Berlin Rettungskräfte', 'outside Santa Fe. It's'
        if possessed is not None:
            # "Wuyuan, East China's Jiangxi Province": a region of the country named before it
            # ('s) is the region, then the country: 'Wuyuan, Jiangxi, China'
            region, country = places.find_region(possessed), places.find_country(" ".join(words))
            if region is not None and country is not None and region[1] == country.code:
                kept.append(possessed)
        kept.append(" ".join(words))
        if len(words) < named:
            break  # a date began inside this part: what follows is no place
    return ", ".join(kept)


# Alamy Live News: 'Londres, Royaume-Uni, 27 avril 2021 : les médecins ...'
_PLACE_DATE_DATELINE_RE = lazy_compile(
    r"(" + _NAME + r"(?:,\s{0,2}" + _NAME + r"){0,2}),\s{0,2}" + _DATE_TAIL + r"\s{0,2}[:–—]"
)


_DATE_COLON_CUE_RE = lazy_compile(r"\d\s{0,2}[:–—]")
# FEMA's and US local papers' dateline: a town, its state (postal code, AP abbreviation or name),
# a date ('Kingfisher, OK 8-19-07', 'Greensburg, KS, May 7, 2007 --', 'Ames, Iowa, June 2, 1951')
_TOWN_REGION_DATE_RE = lazy_compile(
    r"("
    + _NAME
    + r"),\s("
    + _NAME
    + r"),?\s(?=\d|(?:"
    + "|".join(month[:3].capitalize() for month in dates.ENGLISH_MONTHS)
    + r"))",
)


def _names_region(text: str) -> bool:
    """A region the data knows, or a US state's postal code or AP abbreviation."""
    return bool(places.find_region(text)) or places.resolve_place(f"X, {text}", labelled=False).region is not None


# ZUMA: 'March 3, 2022, Kyiv, Ukraine: ...' (an English date, the place, a colon)
_MONTHS_EN = tuple(month.capitalize() for month in dates.ENGLISH_MONTHS)
_MONTH_OPENINGS = frozenset(month[:3] for month in _MONTHS_EN)
_MONTH_DATELINE_RE = lazy_compile(
    r"(?:"
    + "|".join(_MONTHS_EN)
    + r"|(?:"
    + "|".join(month[:3] for month in _MONTHS_EN)
    + r")\.?)\s\d{1,2},\s\d{4},\s("
    + _NAME
    + r"(?:,\s"
    + _NAME
    + r"){0,2}):\s"
)


def dateline_place(caption: str) -> str | None:
    """The place of a dateline opening the caption ('PARIS, FRANCE - JULY 26:' -> 'Paris, France')."""
    if caption[:3] in _MONTH_OPENINGS:
        match = _MONTH_DATELINE_RE.match(caption[:200])
        if match:
            return _dateline_text(match.group(1))
    # Every dateline opens with a date or a place in capitals: skip the patterns otherwise.
    if not (caption[:1].isdigit() or caption[:2].isupper()):
        if caption[:1].isupper() and "," in caption[:60] and _DATE_COLON_CUE_RE.search(caption[:120]):
            match = _PLACE_DATE_DATELINE_RE.match(caption[:200])
            if match:
                return _dateline_text(match.group(1))
        if caption[:1].isupper() and "," in caption[:60]:
            match = _TOWN_REGION_DATE_RE.match(caption, 0, 200)
            if match and _names_region(match.group(2)):
                return f"{match.group(1)}, {match.group(2)}"
        return _opening_place(caption) if caption[:1].isupper() else None
    for pattern in DATELINE_RES:
        match = pattern.match(caption[:300])
        if match:
            text = _dateline_text(match.group(1))
            if pattern is _DPA_DATELINE and text:
                return _widest_first(text)
            if pattern is _CAPITALS_DATE_DATELINE and text and not _dateline_names_a_place(text):
                return None  # 'BILDER DES TAGES 18.1.2017:' is a gallery's heading, not a city
            if text and _label_word(text):
                return None  # 'ACHTUNG: Nur für Anlieger ...': a notice's word, not a town
            return text
    return None


def _widest_first(text: str) -> str | None:
    """dpa names the country (abroad) or the Land (at home) before the town: '16.10.2019, Italien,
    Rom:', '06.05.2025, Niedersachsen, Hannover:' -> 'Rom, Italien', 'Hannover, Niedersachsen';
    a part with no letter ('Nordkorea, ---') names nothing."""
    parts = [part.strip() for part in text.split(",") if any(character.isalpha() for character in part)]
    widest = len(parts) > 1 and (places.find_country(parts[0]) or places.find_region(parts[0]))
    if widest and not places.find_country(parts[-1]):
        parts.reverse()
    return ", ".join(parts) or None


def _dateline_names_a_place(text: str) -> bool:
    """A city in capitals before a date ('DRESDEN 15.06.1957') is a place when the data knows
    it or it is one name; several words the data does not know, with an article among them,
    are a heading ('BILDER DES TAGES')."""
    words = text.split()
    if len(words) == 1 or _known(text):
        return True
    return not any(word.casefold() in _ARTICLES for word in words[1:])


# A caption that opens with its place as a sentence of its own ('Ciudad de México. Turistas
# ...') or with its city and country before the first sentence ('Rio de Janeiro, Brasil
# Ciudadanos ...'): the words are a place only when they resolve to one (see _opening_place).
_OPENER_RE = lazy_compile(r"(" + _NAME + r")(?:(?<=\w{4})\.\s|,\s{0,2}((?:" + _PLAIN_WORD + r"\s){1,3}))")


def _opening_place(caption: str) -> str | None:
    """'Ciudad de México. Turistas ...' -> 'Ciudad de México' (a city that implies its country,
    or a country); 'Rio de Janeiro, Brasil Ciudadanos ...' -> 'Rio de Janeiro, Brasil' (a city
    of the country that follows it); None otherwise."""
    match = _OPENER_RE.match(caption[:160])
    if match is None:
        return None
    name = match.group(1)
    if match.group(2) is None:
        resolved = places.resolve_place(name, labelled=False)
        return name if resolved.country_code and not resolved.unknown_country else None
    words = match.group(2).split()
    stop = next((index for index, word in enumerate(words) if word.endswith(".")), None)
    if stop is not None:
        # 'Denham, UK. 5th November, 2020. HS2 ...': a sentence of a town and its country alone
        # (Alamy Live News' dateline) names the town as supplied, known or not
        country = " ".join(words[: stop + 1]).rstrip(".")
        if places.find_country(country) is not None:
            return f"{name}, {country}"
    for size in range(len(words) - 1, 0, -1):  # the country, then the sentence it opens
        country = places.find_country(" ".join(words[:size]))
        if country is not None and places.find_city(name, country.code):
            return f"{name}, {' '.join(words[:size])}"
    return None


@lru_cache(maxsize=4096)  # datelines name the same places over and over ('PARIS, FRANCE')
def _dateline_text(raw: str) -> str | None:
    return _trim(titlecase_dateline(raw.strip(" ,.-"))) or None


# 'au Havre', 'du Caire': a French preposition fused with the article of the place's name
_CONTRACTIONS = {key.casefold(): value for key, value in load_data("place_phrases.json")["contractions"].items()}
_CONTRACTED_RE = lazy_compile(r"(?:^|\s)(?i:(" + alternation(_CONTRACTIONS) + r"))\s(" + _WORD + r")")
# what a caption holds where a contraction of the data stands, in any case as the pattern reads
# them ('au ', 'AU ', 'AUX ', 'des '): a caption with none of these skips the search
_CONTRACTION_ENDS = tuple(sorted({f"{ending} " for key in _CONTRACTIONS for ending in (key[-1], key[-1].upper())}))


def may_hold_contraction(caption: str) -> bool:
    return any(ending in caption for ending in _CONTRACTION_ENDS)


def _contracted_places(caption: str) -> list[str]:
    """'Au Havre, j'ai ...' -> ['Le Havre']: the name with its article, when it is a place and
    the bare name is no other place (GeoNames lists 'Havre' among Le Havre's names)."""
    slots = []
    for match in _CONTRACTED_RE.finditer(caption):
        name = match.group(2).rstrip(".,;:")
        full = f"{_CONTRACTIONS[match.group(1).casefold()]} {name}"
        city = places.find_city(full)
        if city is not None and (not _known(name) or places.find_city(name) == city):
            slots.append(full)
    return slots


# French writes a sentence's opening 'À' without its accent: 'A Bayonne, où la Nive ...', 'A
# Annonay, en Ardèche.' (a capital 'A' also opens English sentences and names, 'A Coruña': only a
# name and a comma before a lower-case word count, and 'A' with the name when the data knows both)
_FRENCH_CAPITAL_A_RE = compile_guarded(r"(?:^|(?<=[.!?…]\s))A\s(" + _PLAIN_NAME + r"),\s(?=[a-zàâçéèêëîïôûù])")


def _french_capital_a(caption: str) -> list[str]:
    slots = []
    for match in _FRENCH_CAPITAL_A_RE.finditer(caption):
        name = match.group(1)
        if places.find_city(f"A {name}"):
            continue  # 'A Coruña, la ciudad ...'
        if not places.find_country(name):
            slots.append(name)
    return slots


# A postcard's or an archive print's title: the town, a spaced dash, the subject ('Quimper - La
# cathédrale', 'Wernigerode – Marktplatz mit Rathaus', 'Nort-sur-Erdre — Le port'); the all-caps
# form ('QUIMPER - La cathédrale') is a dateline (DATELINE_RES).
_TITLE_TOWN_RE = lazy_compile(r"[\"'«“„]?\s?(" + _PLAIN_NAME + r")\s[-–—]\s")
# a French commune's compound name, known to no gazetteer of towns of 15,000: two names joined by
# a small word between hyphens ('Nort-sur-Erdre', 'Lamotte-en-Santerre', 'Saint-Jean-de-Luz')
_FRENCH_COMPOUND_RE = lazy_compile(
    r"[\w']+(?:-[\w']+)*-(?:" + alternation(PLACE_PHRASES["compound_links"]) + r")-[\w']+"
)


def title_town(caption: str, countries=None) -> str | None:
    """The town opening a title (see above), when the gazetteer knows it as a town's own name (a
    small town's, in one of `countries`, when they are given) or it is a French commune's
    compound; never a country or region ('Bretagne - Quimper')."""
    match = _TITLE_TOWN_RE.match(caption, 0, 200)
    return None if match is None else _own_town(match.group(1), countries, compound=True)


# dpa's short dateline: the town, a colon, the sentence ('Mittenwald: Die Polizei sorgt ...',
# 'Quimper : des manifestants ...'); a heading opens the same way ('Update: ...', 'Exklusiv: ...'),
# so only a town's own name counts (a small town's in one of `countries`)
_COLON_TOWN_RE = lazy_compile(r"(" + _PLAIN_NAME + r")\s?:\s(?=[" + _UP + r"a-zàâçéèêëîïôûù])")


# ... and never a label's or a notice's word before its colon ('ACHTUNG: Nur für Anlieger ...',
# 'Hinweis: ...', 'NOTE: ...'; caption_labels.json's labels, credit_patterns.json's
# notice_openers), though the gazetteer may list a town so named
_NOTICE_WORDS = frozenset(fold(word) for word in load_data("credit_patterns.json")["notice_openers"])
# nor a word for the kind of picture it is ('FOTOMONTAGE: Federal Interior Minister ...',
# 'SYMBOLBILD: ...', 'HANDOUT: ...'; credit_patterns.json picture_kind_tags, leading_markers)
_PICTURE_KIND_WORDS = frozenset(
    fold(word) for key in ("picture_kind_tags", "leading_markers") for word in load_data("credit_patterns.json")[key]
)


def colon_town(caption: str, countries=None) -> str | None:
    match = _COLON_TOWN_RE.match(caption, 0, 120)
    if match is None:
        return None
    return None if _label_word(match.group(1)) else _own_town(match.group(1), countries)


def _label_word(name: str) -> bool:
    """Whether `name` is a label's or a notice's word (see _NOTICE_WORDS), never a town's; a
    label's word that is also a city's own name stays a town ('Lens: Les supporters ...')."""
    folded = fold(name)
    if folded in _PICTURE_KIND_WORDS:
        return True
    return folded in _NOTICE_WORDS or (folded in LABELS and not places.is_own_city_name(name))


# The fields whose labels (captions/data/caption_labels.json: 'Date', 'Place', 'Lieu', 'Ort',
# 'Fecha') open a catalogue's note on them ('Date, place and photographer unknown'), never a
# town's name in a title's opening slot, though the gazetteer may list one so named (Date, Japan)
_SLOT_LABEL_FIELDS = ("date", "place")


def _own_town(name: str, countries, *, compound: bool = False) -> str | None:
    """`name` when the gazetteer knows it as a town's own name (a small town's in one of
    `countries`, when they are given), or, with `compound`, it is a French commune's compound
    name; never a country or a region ('Bretagne - Quimper', 'Bayern: ...'), unless the region
    is named after a town of its country, which the slot then names ('Luzern - Marktplatz')."""
    if places.find_country(name) or places.region_only(name):
        return None
    if LABELS.get(fold(name), ("",))[0] in _SLOT_LABEL_FIELDS:
        return None  # a catalogue note naming the slot: 'Date, place and photographer unknown'
    if places.is_town_name(name, countries or frozenset()) or (compound and _FRENCH_COMPOUND_RE.fullmatch(name)):
        return name
    return None


# A town as a sentence of its own opening the caption, the dateline of Mexican and Spanish papers
# and of EFE ('Ciudad de México. Turistas ...', 'Aranjuez.- El presidente ...'): a town's own name
# there (a small town's in one of `countries`), as colon_town; a known city that implies its
# country is read by _opening_place already
_STOP_TOWN_RE = lazy_compile(r"(" + _PLAIN_NAME + r")(?<=\w{4})\.-?\s(?=[" + _UP + r"¿¡\"“«])")


def stop_town(caption: str, countries=None) -> str | None:
    for start in _title_openings(caption):
        match = _STOP_TOWN_RE.match(caption, start, start + 120)
        if match is not None:
            # (a French commune's compound name too, closing on a name: 'Nort-sur-Erdre. Le port ...')
            name = match.group(1)
            return _own_town(name, countries, compound=name.rsplit("-", 1)[-1][:1].isupper())
    return None


# A reference or a label before a title's dash ('Photo : cote 68 Fi 17 - Nort-sur-Erdre. Le port
# ...', 'Carte postale n° 12 - Menton, la jetée'): the title after the dash opens as a caption does.
# (not after a sentence: its full stop says the dash closes no label)
_TITLE_DASH_RE = lazy_compile(r"\s[-–—]\s")


# ... and after a year opening the title with its comma ('1912, Gmunden, Blick auf den See'), as
# an archive's title may date its view first
_LEADING_YEAR_RE = lazy_compile(r"\d{4},\s")


def _title_openings(caption: str):
    yield 0
    dash = _TITLE_DASH_RE.search(caption, 0, 80)
    if dash is not None and _SENTENCE_END_RE.search(caption[: dash.start() + 1]) is None:
        yield dash.end()
    year = _LEADING_YEAR_RE.match(caption)
    if year is not None:
        yield year.end()


# An archive title or caption opening with its town and a place in it ('Menton, vélodrome du
# Petit-Port.', 'Kehl, Herrmannplatz, Kaufhaus Karstadt'): the town's own name, as stop_town
_COMMA_TOWN_RE = lazy_compile(r"(" + _PLAIN_NAME + r"),\s(?=[\w\"“«])")


def comma_town(caption: str, countries=None) -> str | None:
    for start in _title_openings(caption):
        match = _COMMA_TOWN_RE.match(caption, start, start + 120)
        if match is None:
            continue
        following = _PART_END_RE.split(caption[match.end() : match.end() + 60], 1)[0].strip()
        if places.find_country(following) or places.find_region(following):
            return None  # 'Dalian, Liaoning, China: ...': a dateline the slots read whole
        return _own_town(match.group(1), countries)
    return None


_PART_END_RE = lazy_compile(r"[,:;.(\n]")

# A postcard's or an archive's title naming the view it shows: 'Vue générale de Bréau en 1910',
# 'Environs du Vigan – Vue générale de Bréau', 'Ansicht von Wernigerode um 1905', 'View of
# Tidaholm, 1910' (data: view_leads), at the title's start or after its dash: the name is a town
# (see view_town for which names), where only a date, a comma or the title's end follows it
_VIEW_TOWN_RE = lazy_compile(
    r"(?:^|\s[-–—]\s)[\"'«“„]?(?i:"
    + alternation(PLACE_PHRASES["view_leads"])
    + r")\s?("
    + _PLAIN_NAME
    + r")(?=\s?$|\s?[,.;:(–—-]|\s(?:en|in|im|um|vers|hacia|hacia el|circa|ca\.)\s|\s\d)"
)


def view_town(caption: str, countries=None) -> str | None:
    match = _VIEW_TOWN_RE.search(caption, 0, 200)
    if match is None:
        return None
    name = match.group(1)
    if places.find_country(name) or places.region_only(name) or places.is_street(name):
        return None
    # A name of two words or more, or a hyphenated one, is a town only when the gazetteer knows a
    # town of that name in the language's countries ('Blick auf Schloss Neuschwanstein', 'View of
    # Brooklyn Bridge', 'Vue de Notre-Dame' name a building, a bridge, a mountain range); a single
    # word is read as a small town's name, known or not ('Vue générale de Bréau en 1910')
    if (" " in name or "-" in name) and not places.is_town_name(name, countries):
        return None
    return name


# A closing sentence that is only a town and its region or country, inside the caption's quotes
# or not (the Library of Congress's FSA/OWI captions: '... waiting for scabs. Ducktown, Tennessee.')
_PLACE_SENTENCE_RE = lazy_compile(
    r"(?:^|(?<=[.!?])[\"”»]?\s{1,3})[\"“«]?(" + _PLAIN_NAME + r"(?:,\s" + _PLAIN_NAME + r"){1,2})\.[\"”»]?\s*$"
)


_GERMAN_LINK_RE = lazy_compile(r" (?:im|in der) ")


def _in_place_matches(caption: str):
    """IN_PLACE_RE's matches, and where a match runs on through a German link ('bei
    Zusammenstößen im Dorf Kofr Qadom': a noun, then the place), the match opening at the link
    as well: the first swallowed it, and matches do not overlap."""
    pos = 0
    while True:
        match = IN_PLACE_RE.search(caption, pos)
        if match is None:
            return
        yield match
        pos = match.end()
        link = _GERMAN_LINK_RE.search(match.group(1))
        if link is not None and not _known(match.group(1)[: link.start()]):
            pos = match.start(1) + link.start()


# French 'de' elided before a vowel after a lower-case word ('dans la ville d'Edirne', 'le
# cimetière d'Iguala', 'une rue d'Avignon'): read as the 'de' it stands for, so every reading of
# 'de Town' reads 'd'Town' too. Not after a capitalised word, where the elision is part of a name
# ('Côte d'Ivoire', 'Jeanne d'Arc'), nor inside a hyphenated one ('Val-d'Isère').
_ELIDED_DE_RE = compile_guarded(r"(?:^|(?<=\s))([a-zà-ÿ]{1,20}) d'(?=[" + _UP + r"])")


# The lower-case words a town's name may hold between its capitalised ones ('Bernau bei Berlin',
# 'Ejea de los Caballeros', 'Rothenburg ob der Tauber'): a slot is read on through them only
# where the gazetteer knows the longer name (data: known_town_links).
_KNOWN_TOWN_LINKS = frozenset(PLACE_PHRASES["known_town_links"])
_LINKED_WORD_RE = compile_guarded(r"[" + _UP + r"][\w.'’\-]{0,30}")
_MOST_LINKED = 5  # words to either side of a slot's first part


def _capitalised(word: str) -> bool:
    return bool(_LINKED_WORD_RE.fullmatch(word))


def _linked_side(words: list[str]) -> list[int]:
    """How many of `words` (nearest first) may join a name: each count that ends on a capitalised
    word with a link word among those before it."""
    counts = []
    linked = False
    for count, word in enumerate(words[:_MOST_LINKED], 1):
        if word in _KNOWN_TOWN_LINKS:
            linked = True
        elif _capitalised(word):
            if linked:
                counts.append(count)
        else:
            break
    return counts


def _longest_known_slot(caption: str, slot: str) -> str | None:
    """The slot with its first part read on to the longest name the gazetteer knows through link
    words ('Berlin, Germany' in '... in Bernau bei Berlin, Germany' -> 'Bernau bei Berlin,
    Germany'; 'Ejea' in 'en Ejea de los Caballeros' -> 'Ejea de los Caballeros'); None when no
    longer known name holds it ('ein Feuer bei Berlin': Berlin), or the slot opens on a country
    ('la Ciudad de México' after 'Tlalpan, una alcaldía del sur de': the country's slot)."""
    first = slot.split(",", 1)[0].strip()
    at = caption.find(slot)
    if not first or at < 0 or places.find_country(first) is not None or (at and caption[at - 1].isalnum()):
        return None
    before = caption[max(0, at - 200) : at]
    after = caption[at + len(first) : at + len(first) + 200]
    left = before.split(" ")[::-1][1:] if before.endswith(" ") else []
    right_text = after[1:] if after.startswith(" ") else ""
    right = [word.rstrip(",.;:!?)") for word in right_text.split(" ")] if right_text else []
    # (a word with a stop or comma after it ends the name: nothing after it may join)
    ends = next((i + 1 for i, word in enumerate(right_text.split(" ")) if word != word.rstrip(",.;:!?)")), len(right))
    right = right[:ends]
    best = None
    for left_count in [0, *_linked_side(left)]:
        for right_count in [0, *_linked_side(right)]:
            if not left_count and not right_count:
                continue
            name = " ".join([*left[:left_count][::-1], first, *right[:right_count]])
            if (best is None or len(name) > len(best[0])) and places.is_town_name(name):
                best = (name, left_count, right_count)
    if best is None:
        return None
    name, left_count, right_count = best
    return name + (slot[len(first) :] if not right_count else "")


def _longest_known_slots(caption: str, slots: list[str]) -> list[str]:
    if " " not in caption:
        return slots
    out = []
    for slot in slots:
        longer = _longest_known_slot(caption, slot)
        out.append(longer or slot)
    return list(dict.fromkeys(out))


def place_slots(caption: str) -> list[str]:
    """Candidate place texts in the caption's body, most reliable first (datelines apart).

    A typographic apostrophe inside a name ('Huai’an', 'L’Aquila', 'Val-d’Isère') is read as
    the plain one the patterns know, character for character, and an elided 'de' as 'de'
    (_ELIDED_DE_RE); each slot is given back in the caption's own spelling."""
    caption = caption[:5000]
    plain = caption.replace("’", "'")
    elided = "d'" in plain
    if elided:
        read = _ELIDED_DE_RE.sub(r"\1 de ", plain)
        elided = read != plain
    if not elided and plain == caption:
        return _longest_known_slots(caption, _place_slots(caption))
    slots = []
    for slot in _place_slots(read if elided else plain):
        at = plain.find(slot)
        if at < 0 and elided:
            slot = slot.replace(" de ", " d'")  # (a slot holding the elision: 'Vallée d'Aoste')
            at = plain.find(slot)
        if at >= 0:
            slots.append(caption[at : at + len(slot)])
        else:  # a slot put together from parts ('Huai'an, Jiangsu, China')
            slots.append(slot if "'" in caption or "’" not in caption else slot.replace("'", "’"))
    return _longest_known_slots(caption, slots)


def _place_slots(caption: str) -> list[str]:
    slots: list[str] = []
    if " – " in caption[:200] or " - " in caption[:200] or " — " in caption[:200]:
        town = title_town(caption)
        if town is not None:
            slots.append(town)
    found = []
    outside = []  # the countries of the reference points the picture lies to one side of
    if "A " in caption:
        slots.extend(_french_capital_a(caption))
    spanish = None
    for match in _in_place_matches(caption):
        if not_here(caption, match.start(1)):
            continue
        if match.group(0).lstrip().startswith("a "):
            # Spanish 'a' leads to a destination or an opponent, not to where the picture is ('su
            # gol a Alemania', 'la Volta Ciclista a Cataluña', 'viajó a París'); French writes 'à'
            # (or an unaccented 'a'), Italian 'a Roma'
            if spanish is None:  # (short captions give few votes: Spanish's at least level with French's)
                votes = stopword_votes(caption[:1000])
                spanish = votes.get("es", 0) > 0 and votes.get("es", 0) >= votes.get("fr", 0)
            if spanish:
                continue
        if outside_of(caption, match.start(1)):
            country = places.country_of_city(_trim(match.group(1)).split(",", 1)[0])
            if country is not None:
                outside.append(country.name)
            continue
        found.append(match)
    # a region named with its kind ('dans le département de Giresun'): not the town of its name
    regions = kind_regions(caption)
    if regions:
        named = {start for _slot, start in regions}
        found = [match for match in found if match.start(1) not in named]
    # A place with a phrase saying where it lies comes first: it is the most specific slot.
    for match in found:
        if match.group(1).endswith(("'s", "’s")):
            continue  # "in Japan's northern city of X": the country's part, read by POSSESSIVE_REGION_RE
        anchored = _anchored(match.group(1), caption, match.end(1))
        if anchored:
            slots.append(anchored)
    if "," in caption:
        slots.extend(_cities_before_region_phrases(caption))
    for match in INSIDE_RE.finditer(caption):
        lead = match.group(0).lstrip().split(" ", 1)[0].casefold()
        name = _trim(match.group(1))
        if lead in ("du", "del") and not (
            places.find_country(name) or (places.find_region(name) and not places.is_own_city_name(name))
        ):
            # 'une commune du sud de la France' names the country, 'una alcaldía del sur de la Ciudad de
            # México' (or 'un quartier du nord de Paris') the city the district before it lies in
            continue
        slots.append(match.group(1))
    if "m " in caption:
        slots.extend(_genitive_countries(caption))
    if " (" in caption:
        # 'islas Galápagos (Ecuador)', 'Tokio (Japón)': a name and its country in parentheses
        for match in _PAREN_COUNTRY_RE.finditer(caption):
            country = match.group(2)
            if len(country) > 3 and places.find_country(country):  # a name: '(BE)' is a canton
                name = _town_before_parenthesis(caption, match.start(1))
                slots.append(f"{name}, {country}" if name else country)
            elif len(country) > 3 and places.country_of_city(country) and not places.is_position_word(country):
                slots.append(country)  # 'en la plaza Santa Cruz (Madrid)': a major city in parentheses
    if any(word in caption for word in ("sland", "sle of", "île", "isla", "Insel")):
        slots.extend(_islands(caption))
    if "'s " in caption or "’s " in caption:
        for match in POSSESSIVE_REGION_RE.finditer(caption):
            region = _TYPE_TAIL_RE.sub("", match.group(2)).strip()
            country = places.find_country(match.group(1)) if region else None
            if country is None:
                continue
            # the word for a town or a region before 'of' ("in India's northeastern state of X")
            between = caption[match.end(1) : match.start(2)].split()
            kind = between[-2] if len(between) > 2 and between[-1] == "of" else None
            if places.find_region(region) and kind not in _POSSESSIVE_TOWN_WORDS:
                # (with its kind, as written: "Turkey's Manisa Province" is the province, not the city)
                named = match.group(2) if region != match.group(2) and places.is_own_city_name(region) else region
                slots.append(f"{named}, {match.group(1)}")
            elif (
                region == match.group(2)
                and kind not in _POSSESSIVE_REGION_WORDS
                and (
                    places.find_city(region, country.code)
                    or country.code in places.town_countries(region)
                    # "in Turkey's southern town of Kleinort": a town as supplied, known or not
                    or kind is not None
                )
            ):
                slots.append(f"{region}, {match.group(1)}")  # "in Turkey's Ürgüp": a town of that country
    if "," in caption[-120:]:
        sentence = _PLACE_SENTENCE_RE.search(caption[-200:])
        if sentence is not None:
            resolved = places.resolve_place(sentence.group(1), labelled=False)
            if resolved.city and (resolved.region or resolved.country_code) and not resolved.unknown_country:
                slots.append(sentence.group(1))
    tail = caption.rstrip(" .!")
    closing = [match for match in found if match.end(1) >= len(tail) - 1]
    slots.extend(match.group(1) for match in closing)
    end = None
    window = caption[-300:]
    # Both patterns backtrack through every comma of the text; each has an ending it cannot
    # match without, checked first. A place ending the text follows the last comma and opens
    # with a capital; a dated ending closes on a digit, before at most a full stop.
    if _CAPITAL_START_RE.match(window, window.rfind(",") + 1):
        end = END_PLACE_RE.search(window)
    if end is None:
        last = window.rstrip()
        if last[-1:] in (".", "!"):
            last = last[:-1].rstrip()
        if last[-1:].isdecimal():  # str.isdecimal() is the regex \d
            end = END_PLACE_DATED_RE.search(window)
    if end:
        slots.append(_with_city_before(window, end.start(), end.group(1)))
    else:
        # '... in the Manhattan borough of New York City, New York, January 9, 2020. Weinstein,
        # 68, is ...': the wire's place and date close its first sentence, more text follows
        sentence = first_sentence(caption)
        if len(sentence) < len(caption) and sentence[-1:].isdecimal():
            opening = sentence[-300:]
            dated = END_PLACE_DATED_RE.search(opening)
            if dated:
                slots.append(_with_city_before(opening, dated.start(), dated.group(1)))
    slots.extend(slot for slot, _start in regions)
    if may_hold_contraction(caption):
        slots.extend(_contracted_places(caption))
    if " " in caption:
        slots.extend(_towns_with_canton(caption))
    # a town named by a place in it ('al puerto de Crotone') before the bare 'de X' of the rest
    # ('... de Save the Children')
    slots.extend(facility_towns(caption))
    # the last four that name something ('im Oktober', 'in May' are dates: they take no place's seat)
    # (from the last back, so that no more are trimmed than the four kept)
    naming = 0
    for match in reversed(found):
        if naming == 4:
            break
        if _trim(match.group(1)):
            slots.append(match.group(1))
            naming += 1
    slots.extend(national_places(caption))
    slots.extend(outside)
    slots.extend(goal_countries(caption))
    for match in ARTICLE_PLACE_RE.finditer(caption):
        name = _trim(match.group("name"))
        if places.find_country(name) or places.find_region(name):
            slots.append(name)
        elif "," in name:
            head, country = (part.strip() for part in name.rsplit(",", 1))
            if match.group("direction") and places.find_country(country):
                # 'in the southern Ross Sea, Antarctica' (but 'a gap in the Berlin Wall, Germany' is
                # a landmark: without a direction only a country or region after the article counts)
                slots.append(name)
            elif places.find_country(head) or places.find_region(head):
                slots.append(head)
    kinds = {slot for slot, _start in regions}
    trimmed = [slot if slot in kinds else _trim(slot) for slot in slots]
    if any(" " in slot and "," not in slot for slot in trimmed):
        trimmed = _without_german_nouns(trimmed, caption)
    if " (" in caption:
        for match in _TOWN_REGION_PAREN_RE.finditer(caption, 0, 5000):
            if not_here(caption, match.start(1)):
                continue  # 'el alcalde de Getafe (Madrid)': an office's town
            town = titlecase_dateline(match.group(1)) if match.group(1).isupper() else match.group(1)
            if _ELIDED_LINK_RE.search(town) and not _known(town):
                town = _ELIDED_LINK_RE.split(town)[-1]  # "L'église d'Ormelay (P.-de-C.)": Ormelay
            slot = f"{town} ({match.group(2)})"
            if places.town_with_region(slot):
                trimmed.insert(0, slot)
    for match in _STATE_RE.finditer(caption, 0, 5000) if _STATE_WORD_RE.search(caption, 0, 5000) else ():
        # (not trimmed: "People's Republic of China")
        words = match.group(1).split()
        for size in range(len(words), 2, -1):  # 'the Kingdom of Bahrain on May 2' -> 'Kingdom of Bahrain'
            if places.find_country(" ".join(words[:size])):
                trimmed.append(" ".join(words[:size]))
                break
    # Prefer 'Milan, Italy' (from '... in Milan, Italy, 22 Sep 2024') over its tail 'Italy'.
    # (a closing full stop aside: 'Appleton, Washington, U.S.' widens 'Washington, U.S')
    widened = [
        next((other for other in trimmed if other.rstrip(".").endswith(", " + slot.rstrip("."))), slot)
        for slot in trimmed
    ]
    seen = set()
    unique = []
    for slot in widened:
        if slot and slot not in seen:
            seen.add(slot)
            unique.append(slot)
    return unique


def _known_place(name: str) -> bool:
    return bool(places.is_own_city_name(name) or places.find_country(name) or places.find_region(name))


def _verb_after(caption: str, run: str) -> bool:
    end = caption.find(run)
    if end < 0:
        return False
    following = caption[end + len(run) : end + len(run) + 2]
    return following[:1] == " " and following[1:2].islower()


def _without_german_nouns(slots: list[str], caption: str) -> list[str]:
    """German puts the subject after 'in X' and writes its nouns with a capital ('wurden in Berlin
    Rettungskräfte angegriffen', 'haben in Hamburg Tausende demonstriert'): in a German caption, a
    run of capitalised words that no data knows whole but whose opening words name a town,
    country or region ('Berlin Rettungskräfte') is that place. Only where the sentence goes on
    after the run with a word in lower case, its verb: a run closing the sentence is a town's name
    of several words ('im Dorf Porto Velho.', 'in Marina di Carrara.')."""
    language = None
    kept = []
    for slot in slots:
        words = slot.split()
        if len(words) > 1 and "," not in slot and _verb_after(caption, slot) and not _known_place(slot):
            if language is None:
                language = line_language(caption[:1000], minimum=1) or ""
            if language == "de":
                for size in range(len(words) - 1, 0, -1):
                    if _known_place(" ".join(words[:size])):
                        slot = " ".join(words[:size])
                        break
        kept.append(slot)
    return kept


# 'the southern island of Crete, Greece', 'sur l'île de Crète', 'auf der Insel Kreta' (data:
# island_leads): the island when the data knows it as a region or country, never a city
_ISLAND_RE = lazy_compile(
    r"(?:" + alternation(PLACE_PHRASES["island_leads"]) + r")\s?(" + _PLAIN_NAME + r"(?:,\s{0,2}" + _PLAIN_NAME + r")?)"
)


def _islands(caption: str) -> list[str]:
    slots = []
    for match in _ISLAND_RE.finditer(caption, 0, 5000):
        if not_here(caption, match.start(1)):
            continue  # 'off the island of Crete': at sea
        name, _comma, country = match.group(1).partition(",")
        if places.find_region(name) and not places.find_country(name):
            country = country.strip()
            slots.append(f"{name}, {country}" if country and places.find_country(country) else name)
    return slots


_STATE_WORD_RE = lazy_compile(alternation(PLACE_PHRASES["state_words"]))  # (a cheap test before _STATE_RE)
# A country by its formal name after a preposition and an article: 'in the Principality of
# Monaco', 'au Royaume du Maroc', 'en la República de Colombia' (data: state_words).
_STATE_RE = lazy_compile(
    r"(?:^|\s)(?:in|at|en|au|à|dans|im|in der)\s(?:(?:the|le|la|l['’]|el)\s?)?((?:["
    + _UP
    + r"][\w'’\-]{1,30}\s){0,3}(?:"
    + alternation(PLACE_PHRASES["state_words"])
    + r")\s(?:of the|of|du|de la|de l['’]|de|del|des|d['’])\s?["
    + _UP
    + r"][\w'’\-]{1,30}(?:\s(?:and\s|y\s|et\s|und\s)?[\w'’\-]{1,30}){0,3})"
)


# A region named with its kind and no town before it: 'in the US state of Maryland', 'im
# US-Bundesstaat Maryland', 'in der chinesischen Provinz Hebei', "dans l'État américain du
# Maryland", 'en el estado estadounidense de Maryland', 'im Bundesland Sachsen', 'dans le
# département du Nord' (data: kind_region_leads, region_kinds, links; nationalities.json). A
# country's adjective or code beside the kind names the region's country.
_KIND_REGION_RE = lazy_compile(
    r"(?:^|\s)(?i:"
    + alternation(PLACE_PHRASES["kind_region_leads"])
    + r")(?:\s|(?<=['’]))(?P<before>(?:[\w'’\-]{2,30}\s){0,2}?)(?:(?P<code>["
    + _UP
    + r"]{2,3})-)?(?P<kind>(?i:"
    + alternation(PLACE_PHRASES["region_kinds"])
    + r"))\s(?P<after>(?:[a-zà-ÿ][\w'’\-]{1,30}\s){0,2}?)(?:(?P<link>(?i:"
    + alternation(PLACE_PHRASES["links"])
    + r"))\s|(?P<elided>(?i:de\sl|d|l))['’])?(?P<name>"
    + _PLAIN_NAME
    + r")"
)


def kind_regions(caption: str) -> list[tuple[str, int]]:
    """Slots of the regions named with their kind (see above), each with where its name starts:
    'Bundesstaat Maryland, United States', 'province de Hebei, China', 'Bundesland Sachsen'; only
    regions the data knows, of the country an adjective or code beside the kind names."""
    slots = []
    for match in _KIND_REGION_RE.finditer(caption, 0, 5000):
        name = _sentence_cut(match.group("name")).rstrip(".")
        if not name or not places.find_region(name):
            continue
        words = [*match.group("before").split(), *match.group("after").split()]
        codes = {code for code in map(_adjective_country, words) if code}
        if match.group("code"):
            country = places.find_country(match.group("code"))
            if country is None:
                continue  # ('EU-Staat', 'UN-Region': no country's code)
            codes.add(country.code)
        if len(codes) > 1:
            continue
        link = match.group("link") or ("de" if match.group("elided") else "")
        slot = " ".join(part for part in (match.group("kind"), link, name) if part)
        if codes:
            country = places.country_by_code(next(iter(codes)))
            slot = f"{slot}, {country.name}"
        resolved = places.resolve_place(slot, labelled=False)
        if resolved.region and not resolved.city and not resolved.unknown_country:
            slots.append((slot, match.start("name")))
    return slots


# A country as the goal of a verb of arriving, with no preposition: 'erreichen 1947 per Schiff
# Palästina', 'migrants reach Italy by boat' (data: goal_verbs); the country in the verb's clause
_GOAL_RE = lazy_compile(r"(?:^|\s)(?i:" + alternation(PLACE_PHRASES["goal_verbs"]) + r")\s")
# where the verb's clause ends: a stop after a word (not a day's '3.'), or other punctuation
_CLAUSE_END_RE = lazy_compile(r"(?<=[^\W\d])\.(?:\s|$)|[,;:!?()]")
_CAPITALISED_RUN_RE = lazy_compile(r"(?<!\w)[" + _UP + r"][\w'’\-]{1,30}(?:\s[" + _UP + r"][\w'’\-]{1,30}){0,3}")
# after the country, the clause ends or goes on with a short word ('by boat', 'per Schiff', 'le 3
# mars'): 'reached Peru levels' names a kind of level
_AFTER_GOAL_RE = lazy_compile(r"\s*$|\s[a-zàâçéèêëîïôûùäöüß]{1,3}\s")
# the verb's travellers: a means of travel in its sentence, or people or vehicles before it
# (data: goal_means, goal_travellers; folded text)
_GOAL_MEANS_RE = lazy_compile(
    r"(?<!\w)(?:" + alternation(fold(word) for word in PLACE_PHRASES["goal_means"]) + r")(?!\w)"
)
_GOAL_TRAVELLER_RE = lazy_compile(
    r"(?<!\w)(?:" + alternation(fold(word) for word in PLACE_PHRASES["goal_travellers"]) + r")(?!\w)"
)


def _has_travellers(caption: str, verb_start: int, clause_end: int) -> bool:
    """Does the verb of arriving at `verb_start` have travellers: a means of travel in its
    sentence ('by boat', 'per Schiff', 'en barco') or people or vehicles before it ('Migrants',
    'Flüchtlinge')? Not 'Sales reached Japan', 'La inflación alcanza Argentina'."""
    if _GOAL_MEANS_RE.search(fold(caption[max(0, verb_start - 80) : clause_end + 60])):
        return True
    return bool(_GOAL_TRAVELLER_RE.search(fold(caption[max(0, verb_start - 60) : verb_start])))


def goal_countries(caption: str) -> list[str]:
    """The countries named as where travellers arrive (see above): the first capitalised run of
    the verb's clause, or its tail ('Schiff Palästina': German's noun before it), that is one."""
    slots = []
    for match in _GOAL_RE.finditer(caption, 0, 5000):
        end = _CLAUSE_END_RE.search(caption, match.end(), match.end() + 80)
        clause = caption[match.end() : end.start() if end else match.end() + 80]
        if not _has_travellers(caption, match.start(), end.start() if end else match.end() + 80):
            continue
        for run in _CAPITALISED_RUN_RE.finditer(clause):
            words = run.group().split()
            tail = next(
                (" ".join(words[at:]) for at in range(len(words)) if places.find_country(" ".join(words[at:]))), None
            )
            if tail is not None:
                if _AFTER_GOAL_RE.match(clause, run.end()):
                    slots.append(tail)
                break
    return slots


# A town and its region in parentheses, after a preposition or opening the caption: 'à
# Locoal-Mendon (Morbihan)', 'in Lauenburg (Schleswig-Holstein)', 'HÉRICY (Seine-et-Marne) —', or
# after 'de'/'von' naming a place in it: 'Le port de Fécamp (Seine-Inférieure)', 'L'église
# d'Oisemont (Somme)', 'Die Kirche von Hameln (Niedersachsen)'
# (places.town_with_region says whether the parentheses hold a region)
_TOWN_REGION_PAREN_RE = compile_guarded(
    r"(?:^|(?<=\s)(?:in|en|à|a|au|bei|nahe|near|aus|at|im|dans|de|von)\s|(?<=\sd['’]))("
    + _NAME
    + r")\s\(([^()\n]{2,40})\)"
)


# The last resort, when no slot reads a place: a city the caption names anywhere, outside any
# phrase the slots know ('couvre Beijing au fil d'une journée', 'from Beijing, China', 'Base
# Aérea de Zaragoza', 'Wissensturm, Linz - Eingangsbereich'). A run of capitalised words is a
# candidate through its tail only ('Base Aérea de Zaragoza' -> 'Zaragoza'; 'Victoria
# Embankment' is no city, 'Los Angeles Dodgers' no place); a city followed by its own country
# ('Beijing, China') wins, else the first city that implies its country alone (SPEC: "an
# unambiguous capital or major city alone implies its country").
_MENTION_RE = compile_guarded(
    r"(?<![\w'’\-])["
    + _UP
    + r"][\w'’\-]{1,30}(?: (?:(?:"
    + alternation(PLACE_PHRASES["mention_name_links"])
    + r") )?["
    + _UP
    + r"][\w'’\-]{1,30}){0,3}"
)
_COUNTRY_AFTER_RE = lazy_compile(r",\s{0,2}([" + _UP + r"][\w'’\-]{1,30}(?: [" + _UP + r"][\w'’\-]{1,30}){0,2})")
_MAX_MENTIONS = 60
# a middle initial and a surname after a name ('Mary J. Phillips', 'Victoria A. Ruiz'): a person
_INITIAL_AFTER_RE = lazy_compile(r"\s[" + _UP + r"]\.(?:\s?[" + _UP + r"]\.){0,2}\s[" + _UP + r"][a-zà-ÿ]")
_MAX_PLACED = 12  # mentions whose following parts are resolved (each costs up to a dozen lookups)


def _own_name(name: str, city) -> bool:
    """'Zaragoza', 'Peking', 'Urumqi': a city's own or translated name; GeoNames' alternate
    names include airport codes and other words ('THE' is Teresina's, 'Tor', 'Reg'), which
    only count inside a slot that says it is a place."""
    key = fold(name)
    return any(fold(own) == key for own in (city.name, *city.names.values()))


def _sentence_word(caption: str, match: re.Match, city) -> bool:
    """'Man giving thumb up ...', 'A Man walks ...': one capitalised word named by no phrase and
    followed by a lower-case word reads as a word of the sentence, not as a town (Man, Côte
    d'Ivoire), unless the town is a capital or one the curated list holds."""
    if city.capital or city.curated or " " in match.group(0):
        return False
    following = caption[match.end() : match.end() + 2]
    return following[:1] == " " and following[1:2].islower()


_NEAR_WORDS = tuple(f"{fold(word)} " for word in PLACE_PHRASES["near_words"])
_CONNECTORS = frozenset(["de", "del", "la", "am", "an", "der", "sur", "upon", "im", "di"])


def named_countries(caption: str) -> frozenset[str]:
    """The codes of the countries the caption names anywhere, by a name of a capitalised run
    ("Le président du Mali", "Japan's new emperor", 'in Burkina Faso'), up to _MAX_MENTIONS runs."""
    codes = set()
    for count, match in enumerate(_MENTION_RE.finditer(caption[:5000])):
        if count >= _MAX_MENTIONS:
            break
        words = match.group(0).split(" ")
        for size in range(len(words), 0, -1):
            name = " ".join(words[:size])
            if name.endswith(("'s", "’s")):
                name = name[:-2]
            country = places.find_country(name) if len(name) > 3 else None
            if country is not None:
                codes.add(country.code)
                break
    return frozenset(codes)


def mentioned_places(caption: str) -> list[str]:
    """Cities named anywhere in the caption, as slots ('Beijing, China', 'Zaragoza'), best first."""
    caption = caption[:5000]
    with_country: list[str] = []
    with_region: list[str] = []
    alone: list[str] = []
    for count, match in enumerate(_MENTION_RE.finditer(caption)):
        if count >= _MAX_MENTIONS:
            break
        before = fold(caption[max(0, match.start() - 45) : match.start()])
        if any(word in before for word in _NEAR_WORDS):
            continue  # 'near the front line town of Bakhmut': near it, not in it
        words = match.group(0).split(" ")
        if _is_adjective(words[-1]):
            continue  # 'a Nairobi-born engineer'
        if _INITIAL_AFTER_RE.match(caption, match.end()):
            continue  # 'Mary J. Phillips': a given name before an initial and a surname
        if caption[match.start() - 1 : match.start()] == "(" and places.is_position_word(match.group(0)):
            continue  # 'Christian Specht (Mitte)': where he stands, not the Berlin borough
        if (before.endswith((" del", " al")) or before in ("del", "al")) and not places.find_city(f"El {words[0]}"):
            continue  # 'el gol del Madrid', 'frente al Liverpool': a club (a city takes no article)
        # the whole run, or what follows its last connector ('Base Aérea de Zaragoza')
        last_link = max((index for index, word in enumerate(words) if word in _CONNECTORS), default=-1)
        names = [match.group(0)]
        if 0 <= last_link < len(words) - 1:
            head = " ".join(words[: last_link + 1])
            if not not_here(caption, match.start() + len(head) + 1):  # 'Juegos Olímpicos de Río'
                names.append(" ".join(words[last_link + 1 :]))
        for name in names:
            city = places.find_city(name)
            if "-" in name and (city is None or not _own_name(name, city)):
                # 'Berlin-Neukölln': a district after its city (a capital or a well-known one:
                # 'Mitte-Fraktion' is a parliamentary group)
                head = name.split("-", 1)[0]
                district = places.find_city(head)
                if (
                    district is not None
                    and (district.capital or district.curated)
                    and _own_name(head, district)
                    and places.country_of_city(head)
                ):
                    alone.append(name)
                    break
            if city is None and count < _MAX_PLACED and places.town_countries(name):
                # a small town the city index lacks, placed by the region or country after it
                # ('... School, Tuskegee, Alabama, Mrs. ...'): a town of that country
                after = _COUNTRY_AFTER_RE.match(caption, match.end())
                placed = _placed_by(name, caption, after) if after is not None else None
                if placed is not None and not not_here(caption, match.start()):
                    (with_country if placed[1] else with_region).append(placed[0])
                    break
                continue
            if city is None or not _own_name(name, city):
                continue
            if name == match.group(0) and not_here(caption, match.start()):
                break  # 'El alcalde de Madrid', 'calle Génova'
            if name == match.group(0) and outside_of(caption, match.start()):
                break  # '20 Kilometer nördlich von Berlin': not in Berlin
            after = _COUNTRY_AFTER_RE.match(caption, match.end()) if count < _MAX_PLACED else None
            placed = _placed_by(name, caption, after) if after is not None else None
            if placed is not None:
                (with_country if placed[1] else with_region).append(placed[0])
            elif places.country_of_city(name) and not _sentence_word(caption, match, city):
                alone.append(name)
            break
    return with_country + with_region + alone


@lru_cache(maxsize=2048)
def _resolved(slot: str):
    return places.resolve_place(slot, labelled=False)


_TOWN_BEFORE_RE = lazy_compile(
    r"(?:^|\s)(?i:"
    + alternation([*PLACE_PHRASES["anchor_types"], "in", "at", "near", "bei", "im", "à", "en", "près de", "cerca de"])
    + r")\s("
    + _PLAIN_NAME
    + r")$"
)


def _with_city_before(text: str, start: int, slot: str) -> str:
    """'... photo taken from Wallace Terrace Sault Ste. Marie' + ', Ontario, Canada': a closing
    region and country, with the words before their comma naming a city of that country (up
    to four of them, the longest that does): 'Sault Ste. Marie, Ontario, Canada'."""
    first = slot.split(",", 1)[0]
    region = places.find_region(first)
    if region is None:
        return slot  # (most closing slots open with their city: no lookup beyond this one)
    resolved = _resolved(slot)
    # 'New York', 'Madrid', 'Hamburg' name a city and its region: a major city before their
    # comma is the city and they the region ('... borough of New York City, New York, January
    # 9, 2020', '... in Alcalá de Henares, Madrid, Spain, 2020')
    major_only = resolved.city is not None
    if not (resolved.region or major_only) or not resolved.country_code:
        return slot
    before = text[max(0, start - 80) : start]
    if major_only:
        name = _city_before(
            before,
            resolved.country_code,
            lambda name, city: city.major and places.name_key(name) != places.name_key(first),
        )
    else:
        name = _city_before(before, resolved.country_code)
    if name is not None:
        return f"{name}, {slot}"
    if not major_only:
        # 'at the port of Lampedusa, Sicily, Italy', 'in Roszke, Csongrád, Hungary': a town the
        # data does not know, after a place's preposition or kind, as supplied
        town = _TOWN_BEFORE_RE.search(before)
        if town is not None and not _known_large(town.group(1)) and not places.is_street(town.group(1)):
            return f"{town.group(1)}, {slot}"
    return slot


# A comma and the words that open a region phrase (see _REGION_PHRASE_RE).
_REGION_PHRASE_START_RE = lazy_compile(r",(?=\s{0,2}(?i:" + alternation(PLACE_PHRASES["region_leads"]) + r")\s)")


def _cities_before_region_phrases(caption: str) -> list[str]:
    """'desde Tapachula, en el estado de Chiapas, México' -> 'Tapachula, Chiapas, México';
    'Urumqi, capital of the Xinjiang Uygur Autonomous Region' likewise: a region named with its
    kind in apposition to the city before the comma (up to four words, the longest that is a
    city of the region's country), with the country that follows the region if one does."""
    slots = []
    for start in _REGION_PHRASE_START_RE.finditer(caption):
        phrase = _REGION_PHRASE_RE.match(caption, start.start(), min(len(caption), start.start() + 160))
        if phrase is None:
            continue
        region = _TYPE_TAIL_RE.sub("", phrase.group("region")).strip()
        found = places.find_region(region) if region else None
        if found is None:
            continue
        slot = region
        after = _COUNTRY_AFTER_RE.match(caption, phrase.end("region"))
        if after is not None:
            country = places.find_country(_trim(after.group(1)))
            if country is not None and country.code == found[1]:
                slot = f"{region}, {_trim(after.group(1))}"
        name = _city_before(caption[max(0, start.start() - 80) : start.start()], found[1])
        if name is not None:
            slots.append(f"{name}, {slot}")
    return slots


# What stands between a town and the region slot after it: a comma or 'in', and a region's kind in
# lower case ('Acapulco, estado de Guerrero', 'Madhupur in Tangail District', 'Shawan im Gebiet')
# (or with a capital: 'Acapulco, État de Guerrero', 'Shawan, Autonomen Gebiet Xinjiang')
_BEFORE_REGION_RE = lazy_compile(
    r"(?:,\s{0,2}|\s(?:in|im|en|à|dans|bei)\s)(?:(?:[a-zà-ÿ'’\-]{1,20}|"
    + alternation({kind[:1].upper() + kind[1:] for kind in PLACE_PHRASES["region_kinds"]})
    + r")\s){0,3}$"
)


def town_before(text: str, at: int, country_code: str, slots: list[str]) -> str | None:
    """The town named right before the region slot opening at `at` ('por Acapulco, estado de
    Guerrero, en México', 'at Madhupur in Tangail District, Bangladesh'): a city of that country
    the gazetteer knows, or another place slot ending there that is a town's name somewhere (the
    gazetteer places this one elsewhere or nowhere), as supplied."""
    lead = _BEFORE_REGION_RE.search(text, max(0, at - 60), at)
    if lead is None:
        return None
    head = text[max(0, lead.start() - 80) : lead.start()]
    known = _city_before(head, country_code)
    if known is not None:
        return known
    for slot in slots:
        if (
            "," not in slot
            and head.endswith(" " + slot)
            and places.is_town_name(slot)  # (a town's name somewhere: not 'Epsom Racecourse in Surrey')
            and not (places.find_country(slot) or places.find_region(slot))
        ):
            return slot
    return None


def _city_before(text: str, country_code: str, accept=None) -> str | None:
    """The longest run of the last four words of `text`, opening with a capital, that names a
    city of the country (and that `accept(name, city)` takes, when given), or None."""
    words = text.split()[-4:]
    for size in range(len(words), 0, -1):
        name = " ".join(words[-size:])
        if not name[:1].isupper():
            continue
        city = places.find_city(name, country_code)
        if city is not None and (accept is None or accept(name, city)):
            if size < len(words) and words[-size - 1] in _NAME_OPENERS:
                return f"{words[-size - 1]} {name}"  # 'Fort Carson', not Carson
            return name
    return None


_NAME_OPENERS = frozenset(PLACE_PHRASES["name_openers"])


def _prefixes(match: re.Match) -> list[str]:
    words = match.group(1).split(" ")
    return [" ".join(words[:size]) for size in range(len(words), 0, -1)]


def _placed_by(name: str, caption: str, after: re.Match) -> tuple[str, bool] | None:
    """'Beijing' + ', China' -> ('Beijing, China', True); 'Los Angeles' + ', California, USA
    Los Angeles Dodgers' -> ('Los Angeles, California, USA', True); 'Heze' + ', Shandong' ->
    ('Heze, Shandong', False): the parts after a city that place it, as far as they agree with
    it, and whether they name its country. None when they do not place it."""
    beyond = _COUNTRY_AFTER_RE.match(caption, after.end())
    slots = (
        [f"{name}, {first}, {second}" for first in _prefixes(after) for second in _prefixes(beyond)] if beyond else []
    )
    slots += [f"{name}, {first}" for first in _prefixes(after)]
    for slot in slots:
        resolved = places.resolve_place(slot, labelled=False)
        if not resolved.country_code or resolved.city is None or not (places.is_town_in(name, resolved.country_code)):
            continue
        if places.find_country(slot.rsplit(",", 1)[-1]):
            return slot, True
        if resolved.region:
            return slot, False
    return None


# 'the Ukrainian city of Kherson', 'in der ukrainischen Stadt Charkiw', 'le village grec
# d'Idomeni', 'la ciudad mexicana de Iguala', 'la capital chilena': a word for a town with a
# nationality beside it says the town's country, known to the gazetteer or not. The words are
# data (captions/data/nationalities.json): English and German put the adjective before the
# town word, French and Spanish after it, each with optional words between ('border town',
# 'ville portuaire').
NATIONALITIES = load_data("nationalities.json")


def _adjective_index() -> dict[str, str]:
    index: dict[str, str] = {}
    clashes = set()
    for code, languages in NATIONALITIES["adjectives"].items():
        for language, forms in languages.items():
            for form in forms:
                endings = ("", "e", "en", "er", "es", "em") if language == "de" and form.endswith("isch") else ("",)
                for ending in endings:
                    key = fold(form + ending)
                    if index.setdefault(key, code) != code:
                        clashes.add(key)
    for key in clashes:  # a form two countries share names neither
        del index[key]
    return index


_ADJECTIVE_COUNTRY = _adjective_index()
_TOWN_WORDS_BEFORE = frozenset([*NATIONALITIES["town_words"]["en"], *NATIONALITIES["town_words"]["de"]])
_TOWN_WORDS_AFTER = frozenset([*NATIONALITIES["town_words"]["fr"], *NATIONALITIES["town_words"]["es"]])
_MODIFIERS_BEFORE = frozenset(fold(word) for word in NATIONALITIES["modifiers"]["en"])
_MODIFIERS_AFTER = frozenset(fold(word) for language in ("fr", "es") for word in NATIONALITIES["modifiers"][language])
_TOWN_WORD_RE = compile_guarded(r"(?<![\w\-])(" + alternation(_TOWN_WORDS_BEFORE | _TOWN_WORDS_AFTER) + r")(?![\w\-])")
_TOKEN_RE = lazy_compile(r"[\w\-]+")
_NAME_AFTER_RE = lazy_compile(r"(?:,\s{0,2}|\s)(?:of\s(?:the\s)?)?(" + _PLAIN_NAME + r")")
_NAME_AFTER_DE_RE = lazy_compile(r"\s(?:de\s|del\s|d['’]\s?)(" + _PLAIN_NAME + r")")


# German writes a direction into the adjective: 'ostukrainischen', 'nordfranzösische'
_DIRECTION_PREFIXES = tuple(
    sorted((fold(word) for word in NATIONALITIES["direction_prefixes"]["de"]), key=len, reverse=True)
)


def _adjective_country(word: str) -> str | None:
    key = fold(word)
    code = _ADJECTIVE_COUNTRY.get(key)
    if code is None and word.islower():
        prefix = next((prefix for prefix in _DIRECTION_PREFIXES if key.startswith(prefix)), None)
        if prefix is not None:
            code = _ADJECTIVE_COUNTRY.get(key[len(prefix) :].lstrip("-"))
    return code


def _nationality(words: list[str]) -> str | None:
    """The country code of the adjective the words end with ('Ukrainian', 'South Korean')."""
    if len(words) >= 2:
        code = _ADJECTIVE_COUNTRY.get(fold(f"{words[-2]} {words[-1]}"))
        if code:
            return code
    return _adjective_country(words[-1]) if words else None


# 'im britischen Scarborough', 'im ostukrainischen Kramatorsk': a German nationality adjective
# right before a town of that country; before a region's kind ('in der ostukrainischen Region
# Donbass') it names the country
_GERMAN_ADJECTIVE_RE = lazy_compile(r"(?<![\w\-])([a-zäöüß\-]{3,40}isch(?:e[nmrs]?)?)\s([" + _UP + r"][\w\-]{1,40})")


def national_places(caption: str) -> list[str]:
    """Slots of towns named with their nationality: 'Kherson, Ukraine', 'Idomeni, Greece', or
    the country alone ('la capital chilena' -> 'Chile')."""
    slots = []
    for match in _TOWN_WORD_RE.finditer(caption, 0, 5000):
        word = match.group(1)
        code = name = None
        if word in _TOWN_WORDS_BEFORE:
            words = _TOKEN_RE.findall(caption[max(0, match.start() - 40) : match.start()])[-3:]
            if words and fold(words[-1]) in _MODIFIERS_BEFORE:
                words.pop()  # 'the Ukrainian border town of'
            code = _nationality(words)
            if code:
                after = _NAME_AFTER_RE.match(caption, match.end())
                name = after.group(1) if after else None
                if name and word[:1].isupper() and " " in name and not _known(name):
                    name = name.split(" ", 1)[0]  # 'Stadt Charkiw Trümmer': German nouns take capitals
        if code is None and word in _TOWN_WORDS_AFTER:
            following = _TOKEN_RE.match(caption, match.end() + 1)
            if following and fold(following.group(0)) in _MODIFIERS_AFTER:
                following = _TOKEN_RE.match(caption, following.end() + 1)  # 'ville portuaire ukrainienne'
            if following and following.group(0).islower():
                code = _ADJECTIVE_COUNTRY.get(fold(following.group(0)))
                if code:
                    after = _NAME_AFTER_DE_RE.match(caption, following.end())
                    name = after.group(1) if after else None
        country = places.country_by_code(code) if code else None
        if country is None:
            continue
        name = _trim(name) if name else ""
        if name and places.find_country(name) is None:
            slots.append(f"{name}, {country.name}")
        else:
            slots.append(country.name)
    if "isch" in caption:
        for match in _GERMAN_ADJECTIVE_RE.finditer(caption, 0, 5000):
            code = _adjective_country(match.group(1))
            country = places.country_by_code(code) if code else None
            if country is None:
                continue
            name = match.group(2)
            if name in _REGION_KIND_WORDS:
                slots.append(country.name)
            elif places.find_city(name, code) is not None:
                slots.append(f"{name}, {country.name}")
    return slots


# 'dans le camp de Calais', 'am Stadthafen von Wismar', 'the port of Dover', 'el cementerio de
# Iguala': a place in a town, named by its town (data: facility_words, facility_endings,
# facility_links). Only a town the gazetteer knows counts ('the port of Call' is none).
_FACILITY_RE = lazy_compile(
    r"(?<![\w\-])(?:(?:"
    + alternation(PLACE_PHRASES["facility_words"])
    + r")|["
    + _UP
    + r"][a-zäöüß]{0,30}(?:"
    + alternation(PLACE_PHRASES["facility_endings"])
    + r"))\s(?:"
    + alternation(PLACE_PHRASES["facility_links"])
    + r")\s?("
    + _PLAIN_NAME
    + r")"
)


_GERMAN_FACILITIES = [word for word in PLACE_PHRASES["facility_words"] if word[:1].isupper()]
_TOWN_ADJECTIVE_RE = lazy_compile(
    r"(?<![\w\-])(["
    + _UP
    + r"][a-zäöüß]{2,30}er)\s(?:"
    + alternation(_GERMAN_FACILITIES)
    + r"|["
    + _UP
    + r"][a-zäöüß]{0,30}(?:"
    + alternation([*PLACE_PHRASES["facility_endings"], *PLACE_PHRASES["town_adjective_endings"]])
    # (in the genitive too: 'des Züricher Hauptbahnhofs', 'des Hamburger Hafens')
    + r"))(?:e?s)?(?![\w\-])"
)
_TOWN_ADJECTIVES = load_data("place_phrases.json")["town_adjectives"]
_ADJECTIVE_BEFORE_NOUN_RE = lazy_compile(r"er [" + _UP + r"]")  # what _TOWN_ADJECTIVE_RE needs


def _town_of_adjective(word: str) -> str | None:
    """'Hamburger' -> 'Hamburg', 'Luzerner' -> 'Luzern', 'Münchner' -> 'München' (listed)."""
    listed = _TOWN_ADJECTIVES.get(word)
    candidates = [listed] if listed else [word[:-2], word[:-2] + "en"]
    return next((name for name in candidates if places.is_own_city_name(name)), None)


# English names the town before the place in it with a possessive: 'through Kleinort's streets',
# 'along Sydney's harbour', 'at Dover's port' (the same facility_words, in lower case)
_POSSESSIVE_FACILITY_RE = lazy_compile(
    r"(?<![\w\-])("
    + _PLAIN_NAME
    + r")['’]s?\s(?:"
    + alternation(word for word in PLACE_PHRASES["facility_words"] if word.islower() and word.isascii())
    + r")(?![\w\-])"
)


def facility_towns(caption: str) -> list[str]:
    """Towns named by a place in them (see above), as slots."""
    slots = []
    if "'s " in caption or "’s " in caption or "s' " in caption:
        for match in _POSSESSIVE_FACILITY_RE.finditer(caption, 0, 5000):
            name = match.group(1)
            if (places.is_own_city_name(name) or places.town_countries(name)) and not places.find_country(name):
                slots.append(name)  # (a small town's name: place_fields reads it in its language's countries)
    if _ADJECTIVE_BEFORE_NOUN_RE.search(caption, 0, 5000):
        for match in _TOWN_ADJECTIVE_RE.finditer(caption, 0, 5000):
            town = _town_of_adjective(match.group(1))
            if town is not None and not places.find_country(town):
                slots.append(town)
    for match in _FACILITY_RE.finditer(caption, 0, 5000):
        name = _trim(match.group(1))
        for size in range(len(name.split()), 0, -1):  # 'Calais, lors' -> 'Calais'; 'Dover Harbour' -> 'Dover'
            head = " ".join(name.split()[:size])
            if (places.is_own_city_name(head) or places.town_countries(head)) and not places.find_country(head):
                slots.append(head)  # (a small town's name: place_fields reads it in its language's countries)
                break
        else:
            country = _country_after(caption, match.end(1)) if name == match.group(1) else None
            if country is not None and not places.find_country(name):
                slots.append(f"{name}, {country}")  # 'im Hafen von Jindo in Südkorea'
    return slots


# What follows a town the gazetteer does not know: its country, after a comma or 'in' ('... von
# Jindo in Südkorea', '... de Konna, au Mali'), names where that town is.
_COUNTRY_AFTER_RE = lazy_compile(
    r"(?:,\s?|\s)(?:(?:" + alternation(PLACE_PHRASES["lead_before_country"]) + r")\s)?(" + _NAME + r")"
)


def _country_after(caption: str, end: int) -> str | None:
    match = _COUNTRY_AFTER_RE.match(caption, end, end + 80)
    if match is None:
        return None
    words = match.group(1).split()
    for size in range(len(words), 0, -1):
        country = places.find_country(" ".join(words[:size]))
        if country is not None:
            return country.name
    return None


# A line of its own beside the caption that carries its credit and opens with a town and its
# country: 'Les Almadies, Senegal, von Seyllou/AFP, publiziert am 31. März' (the credit taken
# out). Beside a caption the town is named as supplied, known to the gazetteer or not; in the
# caption itself 'Name, Country,' is as often a person and a team ('Harry Kane, England, ...').
_SIDE_TOWN_RE = lazy_compile(r"\s{0,3}(" + _NAME + r"),\s{0,2}(" + _NAME + r")\s{0,2}(?:,|\.|$)")


def side_town(text: str) -> str | None:
    match = _SIDE_TOWN_RE.match(text[:200])
    if match is None or places.find_country(match.group(1)) or not places.find_country(match.group(2)):
        return None
    return f"{match.group(1)}, {match.group(2)}"


# Swiss news write a town with its canton's code: 'in Zermatt VS', 'in Heerbrugg SG', 'à Sion VS'
# (the cantons' ISO 3166-2 codes, CH-VS).
_TOWN_CANTON_RE = lazy_compile(
    r"(?:^|\s)(?:in|bei|aus|von|nach|à|a|en|près de|de)\s(" + _PLAIN_NAME + r")\s([A-Z]{2})(?=[\s.,;:!?)]|$)"
)


_TWO_CAPITALS_RE = lazy_compile(r" [A-Z]{2}(?![\w\-])")


def _towns_with_canton(caption: str) -> list[str]:
    if not _TWO_CAPITALS_RE.search(caption, 0, 5000):
        return []  # (most captions have no two capitals alone: spare the full pattern)
    return [
        f"{match.group(1)}, {match.group(2)}, Switzerland"
        for match in _TOWN_CANTON_RE.finditer(caption, 0, 5000)
        if places.subdivision_of("CH", match.group(2)) and not places.find_country(match.group(1))
    ]


# The patterns opening with '(?:^|\s)', searched from blank to blank (lexicon.StartOrBlank: the
# same matches, 2-3x faster on a caption than a match tried at every position).
IN_PLACE_RE = StartOrBlank(IN_PLACE_RE)
POSSESSIVE_REGION_RE = StartOrBlank(POSSESSIVE_REGION_RE)
INSIDE_RE = StartOrBlank(INSIDE_RE)
_GENITIVE_INSIDE_RE = StartOrBlank(_GENITIVE_INSIDE_RE)
ARTICLE_PLACE_RE = StartOrBlank(ARTICLE_PLACE_RE)
_TOWN_PREPOSITION_RE = StartOrBlank(_TOWN_PREPOSITION_RE)
_CONTRACTED_RE = StartOrBlank(_CONTRACTED_RE)
_STATE_RE = StartOrBlank(_STATE_RE)
_KIND_REGION_RE = StartOrBlank(_KIND_REGION_RE)
_GOAL_RE = StartOrBlank(_GOAL_RE)
_TOWN_BEFORE_RE = StartOrBlank(_TOWN_BEFORE_RE)
_TOWN_CANTON_RE = StartOrBlank(_TOWN_CANTON_RE)
