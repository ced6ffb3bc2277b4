"""Place fields of a parsed caption: which source wins, and what counts as a place.

PURE: no Django import. The SPEC's precedence: a labelled location field ('Location',
'Ort', 'Lieu', 'Lugar', Commons' 'depicted place') gives sublocation, city, region and
country; IPTC-style separate fields (exiftool's City / Province-State / Country) fill their
own slots; without either, the caption's place slot gives city, region and country — never a
sublocation. Names are resolved by captions.core.places; lookups are memoised because an archive
names the same places over and over.
"""

from __future__ import annotations

import re
from functools import lru_cache

from captions.core import dates, places
from captions.core.text import DIGIT_RE, alternation, compile_guarded, has_digit, lazy_compile
from captions.core.vocabulary import problem_detail

from .layout import BlockScan
from .lexicon import NAME_UPPER, PLACE_PHRASES, load_data
from .place_slots import (
    NATIONALITIES,
    colon_town,
    comma_town,
    dateline_place,
    first_sentence,
    mentioned_places,
    named_countries,
    place_slots,
    side_town,
    stop_town,
    title_town,
    town_before,
    view_town,
)
from .record import ParsedCaption


@lru_cache(maxsize=8192)
def _resolve(text: str, labelled: bool):
    return places.resolve_place(text, labelled=labelled)


@lru_cache(maxsize=8192)
def _find_country(text: str):
    return places.find_country(text)


@lru_cache(maxsize=4096)
def _dash_list(text: str):
    """A catalogue's place list with ' - ' between its parts and no comma ('Lorraine - Metz -
    Moselle -', 'Paris - Paris-Ile-de-France -'): the part that is a city is the city, its
    country the country, and the first other part, as written, the region (such lists name
    the wider area first). None when the text is no such list or names no city."""
    if "," in text or " - " not in text:
        return None
    parts = [part.strip(" -–") for part in text.split(" - ")]
    parts = [part for part in parts if part]
    if len(parts) < 2 or len(parts) > 6:
        return None
    country = next((found for found in map(_find_country, parts) if found is not None), None)
    # the most populous of the parts that name a city ('Lorraine' is also a small town)
    named = [(places.find_city(part, country.code if country else None), part) for part in parts]
    named = [(city, part) for city, part in named if city is not None and places.country_by_code(city.country_code)]
    if not named:
        return None
    city, part = max(named, key=lambda pair: pair[0].population)
    country = country or places.country_by_code(city.country_code)
    rest = [other for other in parts if other != part and _find_country(other) is None]
    return places.ResolvedPlace(None, part, rest[0] if rest else None, country.name, country.code, False)


# 'Santiago (República Dominicana)', 'Lyon (France)': a place with its country in brackets, as a
# catalogue's place index writes it
_BRACKETED_COUNTRY_RE = lazy_compile(r"([^()]{2,120}?)\s?\(([^()]{2,60})\)")


# a place list's part that says the place is not known ('Ort: unbekannt, Köln'): no sublocation
_UNKNOWN_PARTS = frozenset({"unknown", "unbekannt", "inconnu", "inconnue", "desconocido", "desconocida", "n/a"})


_TOWN_THEN_SITE_RE = lazy_compile(r"^(?P<town>[^,()]{2,80}?)\s?\((?P<site>[^,()]{2,80})\)$")


def _town_first(text: str):
    """An archive's place written town first, then the places in it ('Frankfurt am
    Main-Altstadt, Alte Brücke, Dom', 'Leipzig (Neues Rathaus)', 'Berlin, Alexanderplatz'):
    the town, and the sites after it as the sublocation. None unless the first part is a town
    the gazetteer places in a country (a district after a hyphen too) and no later part is a
    town, a region or a country ('Paris, Texas', 'Kiel, Schleswig-Holstein', 'Berlin (Germany)'
    read as before), and not for a town named with its river ('Frankfurt (Oder)')."""
    bracketed = _TOWN_THEN_SITE_RE.match(text.strip()) if text.rstrip().endswith(")") else None
    if bracketed:
        if places.is_town_name(text.strip()):
            return None
        town, sites = bracketed["town"].strip(), [bracketed["site"].strip()]
    elif ", " in text:
        town, *sites = (part.strip() for part in text.strip().split(","))
    else:
        return None
    if not town or not sites or len(sites) > 4 or not all(2 <= len(site) <= 60 for site in sites):
        return None
    if any(_names_place(site) or has_digit(site) for site in sites):
        return None
    found = _resolve(town, True)
    if not found.city or found.sublocation or not found.country_code or found.unknown_country:
        return None
    return places.ResolvedPlace(", ".join(sites), found.city, found.region, found.country, found.country_code, False)


def _names_place(site: str) -> bool:
    """A town, a region or a country, or a part closing on a region's or a country's name
    ('present-day Uzbekistan')."""
    if places.is_town_name(site):
        return True
    words = site.split()
    return any(
        places.find_country(" ".join(words[-size:])) or places.find_region(" ".join(words[-size:]))
        for size in range(1, min(3, len(words)) + 1)
    )


def _country_in_brackets(text: str) -> str:
    """The place as 'Town, Country' when its country is in brackets after it; a first part that
    says 'unknown' left out."""
    head, comma, rest = text.partition(",")
    if comma and rest.strip() and head.strip().lower() in _UNKNOWN_PARTS:
        text = rest.strip()
    match = _BRACKETED_COUNTRY_RE.fullmatch(text.strip()) if text.endswith(")") else None
    if match and _find_country(match.group(2)) is not None:
        return f"{match.group(1).strip()}, {match.group(2).strip()}"
    return text


_STRUCTURED_FIELDS = ("sublocation", "city", "region", "country", "country_code")
_STRUCTURED_SET = frozenset(_STRUCTURED_FIELDS)


def fill_place(record: ParsedCaption, scan: BlockScan) -> None:
    """Place fields: a labelled location first, then IPTC-style fields, else the caption."""
    place_field = scan.best("place")
    resolved = None
    if place_field and place_field.value.strip() and not _is_coordinates(place_field.value):
        record.place_text = place_field.value.strip()[:500]
        resolved = (
            _town_first(record.place_text[:300])
            or _dash_list(record.place_text[:300])
            or _resolve(_country_in_brackets(record.place_text[:300]), True)
        )
    # Most blocks have none of the IPTC-style fields: look them up only when one is there.
    # (a field name is in scan.fields only with at least one value: see BlockScan.add_field)
    has_structured = not _STRUCTURED_SET.isdisjoint(scan.fields)
    if resolved is not None:
        for name in ("sublocation", "city", "region", "country", "country_code"):
            setattr(record, name, getattr(resolved, name))
        if resolved.unknown_country:
            record.problem_details["unknown_country"] = problem_detail("country_in_place", text=record.place_text)
    if has_structured:
        _structured_place(record, {name: scan.best(name) for name in _STRUCTURED_FIELDS})
        if resolved is None and record.city is None and record.sublocation is None and record.caption:
            _town_of_labelled_country(record, scan)
    elif resolved is None and scan.place_headings:
        _place_under_heading(record, scan.place_headings[0])
    elif resolved is None and scan.place_line is not None:
        # a place alone on its line under the caption ('Sassnitz, Germany'): as labelled
        _take_slot(record, scan.place_line[0], _resolve(scan.place_line[0][:300], False))
    elif resolved is None:
        if scan.continuation and record.caption:
            # a description in several paragraphs: its first says where the picture is
            at = record.caption.find(scan.continuation[:60])
            if at > 0:
                _place_from_caption(record, scan.closing_dateline, record.caption[:at], scan.filed_dateline)
        if record.city is None and record.country_code is None:
            _place_from_caption(record, scan.closing_dateline, filed=scan.filed_dateline)
        if record.city and record.country_code is None and record.region is None and record.caption:
            _country_named_elsewhere(record, record.caption)
        if record.city and record.country_code is None and record.region is None:
            _country_beside(record, scan.side_places[:3])
        if record.country_code is None and scan.paragraphs:
            _country_under_dated_heading(record, scan.paragraphs[0])
        if record.country_code is None and record.city is None:
            for side in scan.side_places[:3]:
                town = side_town(side)
                if town is not None:
                    _take_slot(record, town, _resolve(town, False))
                else:
                    _place_from_caption(record, None, side)
                if record.country_code:
                    break


def _town_of_labelled_country(record: ParsedCaption, scan: BlockScan) -> None:
    """A record whose fields name its country (or region) and no town, its title naming one
    ('Fishing boats at Concarneau' with 'CreCountry: France'): the caption's town, as the caption
    alone would read it at the title's end, where it lies in no other country than the one labelled."""
    probe = ParsedCaption(caption=record.caption, language=record.language)
    _place_from_caption(probe, scan.closing_dateline, filed=scan.filed_dateline)
    if (
        probe.city is None
        or probe.sublocation is not None
        or not record.caption[:300].rstrip(" .").endswith(probe.city)
    ):
        return  # a town the title names elsewhere ('Terremoto de Chillán, 1939') may be an event's
    if record.country_code and probe.country_code not in (None, record.country_code):
        return
    if record.region and probe.region not in (None, record.region):
        return
    record.city = probe.city
    if record.country_code is None and probe.country_code:
        record.country, record.country_code = probe.country, probe.country_code


def _country_named_elsewhere(record: ParsedCaption, text: str) -> None:
    """A town read without its country ('... le 7 juin 2021 à Sirakoro.') in a caption that
    names one country elsewhere ('Le président du Mali ...'), where the gazetteer has a town of
    that name: the town is in that country. A slot naming the same town with its country
    ('... held in Kleinort, Spain from May 9') says it first."""
    for slot in place_slots(text):
        if "," in slot and slot.split(",", 1)[0].strip() == record.city:
            candidate = _resolve(slot[:300], False)
            if candidate.city == record.city and candidate.country_code and not candidate.unknown_country:
                record.country, record.country_code = candidate.country, candidate.country_code
                return
    codes = named_countries(text)
    if len(codes) != 1:
        return
    (code,) = codes
    if not places.is_town_in(record.city, code):
        return
    country = places.country_by_code(code)
    if country is not None:
        record.country, record.country_code = country.name, country.code


def _country_beside(record: ParsedCaption, sides: list[str]) -> None:
    """A town read without its country ('... vor der Küste in Dara.') and a line beside the
    caption naming that town with its country ('Dara, Senegal, von ...'): the town is there."""
    for side in sides:
        town = side_town(side)
        if town is None or town.split(",", 1)[0].strip() != record.city:
            continue
        candidate = _resolve(town, False)
        if candidate.city == record.city and candidate.country_code and not candidate.unknown_country:
            record.country, record.country_code = candidate.country, candidate.country_code
            return


# A small town's name (places.town_countries) reads as a town where the caption's language is
# spoken there ('A Tournus, une femme ...' in French; data: town_language_countries)
class _Countries:
    """The countries of town_language_countries: a list, or '*' and the '-XX' left out."""

    def __init__(self, codes: list[str]):
        self.every = "*" in codes
        self.codes = frozenset(code.lstrip("-") for code in codes if code != "*")

    def isdisjoint(self, found) -> bool:  # (places.is_town_name asks `not countries.isdisjoint(found)`)
        return found <= self.codes if self.every else self.codes.isdisjoint(found)


_TOWN_COUNTRIES = {
    language: _Countries(codes)
    for language, codes in load_data("place_phrases.json")["town_language_countries"].items()
}


# An enumeration of four names or more, the last after a conjunction ('Schwyz, Luzern, Unterwalden
# und Uri', 'Ohio, Michigan, Indiana and Illinois'): it names no one place, and a pair of its
# items is no 'City, Region' slot. (A country's own name with 'and' closing it, 'Bosnia and
# Herzegovina', 'Trinidad y Tobago', is one item.)
_LIST_NAME = rf"[{NAME_UPPER}][\w'’\-]{{1,30}}(?: [{NAME_UPPER}][\w'’\-]{{1,30}}){{0,2}}"
_ENUMERATION_RE = compile_guarded(
    r"(?<![\w'’\-])("
    + _LIST_NAME
    + r"(?:,\s"
    + _LIST_NAME
    + r"){2,8}),?\s(?:and|und|et|y|e|sowie|or|oder|ou|o)\s("
    + _LIST_NAME
    + r")"
)


_CONJUNCTION_RE = lazy_compile(r"\s(?:and|und|et|y|e|sowie|or|oder|ou|o)\s")


def _enumerated(text: str) -> frozenset[str]:
    if text.count(",") < 2 or _CONJUNCTION_RE.search(text, 0, 5000) is None:
        return frozenset()
    names = set()
    for match in _ENUMERATION_RE.finditer(text, 0, 5000):
        items = [item.strip() for item in match.group(1).split(",")]
        conjunction = match.group(0)[len(match.group(1)) :].strip(", ").split(" ", 1)[0]
        if _find_country(f"{items[-1]} {conjunction} {match.group(2)}"):
            items = items[:-1]  # '..., Bosnia and Herzegovina'
        else:
            items.append(match.group(2))
        if len(items) >= 4:
            names.update(items)
    return frozenset(names)


def _mentions(text: str, listed: frozenset[str]) -> list[str]:
    found = mentioned_places(text)
    return [slot for slot in found if slot.split(",", 1)[0].strip() not in listed] if listed else found


def _place_from_caption(
    record: ParsedCaption, closing_dateline: str | None = None, text: str | None = None, filed: bool = False
) -> None:
    """City, region and country from the caption's place slot; never a sublocation.

    A dateline is a place by construction, so its unknown country is a problem. A slot found
    in the body ('... in Paris, France') counts only when it names a known country (directly
    or through a known city or region): 'Harry Kane, England captain' is not a place.
    A wire's dateline naming its agency (`filed`: 'URUMQI, Sept. 22, 2023 (Xinhua) -- ...') is
    where the story was filed: a town of its country the caption's own text names is where the
    picture is ('... in the ancient city of Kashgar, northwest China's Xinjiang ...').
    """
    text = record.caption if text is None else text
    if filed and _place_after_dateline(record, text):
        return
    dateline = dateline_place(text) or (dateline_place(closing_dateline) if closing_dateline else None)
    if dateline:
        candidate = _resolve(dateline[:300], False)
        if candidate.city or candidate.country_code:
            if candidate.city is None and not candidate.unknown_country:
                # a dateline of a country alone ('PHILIPPINES – 18.11.2013 ... à Tolosa'): a town of
                # that country the caption names is where in it
                dateline, candidate = _town_in((dateline, candidate), place_slots(text), text)
            _take_slot(record, dateline, candidate)
            if candidate.unknown_country:
                record.problem_details["unknown_country"] = problem_detail("country_in_dateline", text=dateline)
            return
    # A sentence that is only a place and a date ('Paris, 23 février 2019.', '25 janvier 2018,
    # Coulommiers.', '7. Dezember, Bundeshaus, Bern.'): the picture's dateline written as a
    # sentence, a place by construction, a small town as well as a capital
    dated = _dated_place(text)
    if dated is not None:
        _take_slot(record, *dated)
        return
    # A title opening with its town ('Quimper - La cathédrale', 'Nort-sur-Erdre — Le port') names
    # the place as a dateline does (see place_slots.title_town)
    countries = _TOWN_COUNTRIES.get(record.language or "")
    titled = title_town(text, countries) if " " in text else None
    if titled is None and ":" in text[:120]:
        titled = colon_town(text, countries)
    if titled is None and "." in text[:120]:
        titled = stop_town(text, countries)
    if titled is None and "," in text[:120]:
        titled = comma_town(text, countries)
    if titled is None:
        titled = view_town(text, countries)
    if titled is not None:
        candidate = _resolve(titled, False)
        if candidate.city:
            _take_slot(record, *(_town_of_titled_region(titled, text) or (titled, candidate)))
            return
    # A slot that names its country or region ('in Salvador, Brazil') wins over an earlier
    # or later one whose city alone implies a country ('... in Fortaleza ended 0-0').
    implied = None
    slots = place_slots(text)
    listed = _enumerated(text)
    if listed:
        slots = [slot for slot in slots if slot.split(",", 1)[0].strip() not in listed]
    for slot in slots:
        candidate = _resolve(slot[:300], False)
        if not candidate.country_code:
            continue
        if "," in slot or slot.endswith(")"):  # ('Vera (Almería)': a town and its region)
            at = text.find(slot.split(",", 1)[0]) if candidate.city is None else -1
            if at > 0:
                # a region and its country ('Acapulco, estado de Guerrero, en México' gives the slot
                # 'Guerrero, México'): a town of that country named just before it is where in it
                before = [other for other in slots if 0 <= at - text.find(other) <= 40 and other != slot]
                slot, candidate = _town_in((slot, candidate), before, text)
                town = town_before(text, at, candidate.country_code, before) if candidate.city is None else None
                if town is not None and candidate.region:
                    candidate = places.ResolvedPlace(
                        None, town, candidate.region, candidate.country, candidate.country_code, False
                    )
                    slot = f"{town}, {slot}"
            _take_slot(record, slot, candidate)
            return
        if implied is None:
            implied = (slot, candidate)
        elif (
            candidate.city
            and _after_of(text, implied[0])
            and not _after_of(text, slot)
            and not _after_near_word(text, slot)
            and _same_sentence(text, implied[0], slot)
        ):
            # 'la actriz de Hollywood ... en Nueva York', 'del Tecnológico de Monterrey, en Ciudad de
            # México': a town after 'de' names whose or which (a person's, a firm's, a school's), a
            # town after 'en', 'à', 'in' where the picture is
            implied = (slot, candidate)
        elif (
            implied[1].city is None
            and candidate.city
            and candidate.country_code == implied[1].country_code
            and not _after_near_word(text, slot)  # ('près de Séville, en Espagne': a reference point)
        ):
            implied = (slot, candidate)  # '... in Aleppo's ... district, Syria': the city in that country
        elif (
            not (implied[1].city or implied[1].region)
            and candidate.region
            and not candidate.city
            and candidate.country_code == implied[1].country_code
        ):
            implied = (slot, candidate)  # 'in der Normandie ... in Frankreich': the region of that country
    if implied is not None and implied[1].city and "," not in implied[0] and _after_of(text, implied[0]):
        # 'del Magic de Orlando, en duelo ... en Kleinort': a city after 'de' names whose (a team's,
        # a firm's) though it implies its country; a town the sentence puts the picture in is where
        implied = _town_placed(implied[0], slots, text, countries) or implied
    if implied is not None and implied[1].city is None:
        implied = _town_in(implied, slots, text)
    if implied is not None and implied[1].city is None:
        # 'in China' names only the country: a city of that country the caption names
        # elsewhere ('... am Südbahnhof von Urumqi ...') is where in it
        for slot in _mentions(text, listed):
            candidate = _resolve(slot[:300], False)
            if candidate.city and candidate.country_code == implied[1].country_code:
                implied = (slot, candidate)
                break
    if implied is not None:
        _take_slot(record, *implied)
        return
    first = first_sentence(text)
    for slot in _mentions(text, listed):
        candidate = _resolve(slot[:300], False)
        if candidate.country_code and candidate.city:
            if slot.split(",", 1)[0] not in first and _first_sentence_town(record, slots, text, countries):
                return  # a town the first sentence names wins over a city a later one mentions
            placed = None
            if not _placed(text, slot):
                # 'un entretien avec Washington à Kleinort': a city named in passing, a town where
                placed = _town_placed(slot, slots, text, countries)
            if placed is not None:
                _take_slot(record, *placed)
                return
            _take_slot(record, slot, candidate)
            return
    _first_sentence_town(record, slots, text, countries)


def _town_of_titled_region(titled: str, text: str) -> tuple | None:
    """A town the caption names after a title's town that is also its region's name ('Luzern:
    Bauern beim Heuen bei Kriens'), when it lies in that region: the more specific place (the
    title then names the town's region, as 'Bretagne - ... Quimper' does)."""
    region = places.find_region(titled)
    if region is None:
        return None
    seat = places.find_city(titled, region[1])
    for slot in place_slots(text):
        town = slot.split(",", 1)[0].strip()
        if places.name_key(town) == places.name_key(titled) or (
            seat is not None and places.find_city(town, region[1]) == seat
        ):
            continue  # the title's town again, under another of its names ('Beijing', 'Peking')
        if places.lies_in_named_region(town, titled):
            if "," not in slot:
                # with the title's region, which names the town's region and country ('Kriens, Luzern')
                placed = _resolve(f"{slot}, {titled}", False)
                if placed.city == slot and placed.region:
                    return f"{slot}, {titled}", placed
            candidate = _resolve(slot[:300], False)
            if candidate.city:
                return slot, candidate
    return None


# the dash closing a wire's dateline before the story ('LHASA, 21 agosto, 2025 -- Wang Huning ...')
_DATELINE_DASH_RE = lazy_compile(r"\s(?:--|[-–—])\s")


def _place_after_dateline(record: ParsedCaption, text: str) -> bool:
    """Has the story after a filed dateline given the record a town of the dateline's country?
    (the record as before when not)"""
    dash = _DATELINE_DASH_RE.search(text, 0, 160)
    if dash is None:
        return False
    before = (record.place_text, record.city, record.region, record.country, record.country_code)
    _place_from_caption(record, None, text[: dash.start()])
    filed_country = record.country_code if record.city else None
    if filed_country:
        record.place_text, record.city, record.region, record.country, record.country_code = before
        _place_from_caption(record, None, text[dash.end() :])
        if record.city and record.country_code == filed_country:
            return True
    record.place_text, record.city, record.region, record.country, record.country_code = before
    record.problem_details.pop("unknown_country", None)
    return False


def _first_sentence_town(record: ParsedCaption, slots: list[str], text: str, countries) -> bool:
    """Nothing names a country: a slot of the first sentence that is a town's own name in the
    gazetteer ('Des milliers se réunissent à Lourdes pour ...') is the city, as supplied, in no
    country (a small town's name alone does not say which country's it is). Later sentences
    tell a story ('... injured while on duty at Shrewsbury'), not where the photo was taken."""
    first = first_sentence(text)
    if not any(character.islower() for character in first):
        # '1ER MARS. Des migrants ... dans le camp de Calais': a heading in capitals opens the
        # caption; its first sentence is the one after it
        first += first_sentence(text[len(first) :].lstrip())
    closing = text.rstrip(" .!")
    for slot in slots:
        town = _town_after_venue(slot, countries) if "," in slot else slot
        if (
            town is not None
            # (or the place closing the caption: '... On le voit ici sur la place, à Chur.')
            and (slot in first or _closes(closing, slot))
            and (
                places.is_own_city_name(town)
                or (places.is_town_name(town, countries or frozenset()) and not _after_article(first, town))
                or _after_town_word(first, town)
                or (_placed(first, town) and _language_city(town, countries))
            )
        ):
            candidate = _resolve(town[:300], False)
            if candidate.city and not candidate.region and not candidate.unknown_country:
                _take_slot(record, town, candidate)
                return True
    # a later sentence that opens with the place ('... très lente. A Tournus, cette femme ...',
    # 'In Oberstdorf, ...'): a sentence-initial place says where what follows is
    for slot in slots:
        if "," in slot or not (places.is_own_city_name(slot) or places.is_town_name(slot, countries or frozenset())):
            continue
        if _opens_sentence(text, slot):
            candidate = _resolve(slot[:300], False)
            if candidate.city and not candidate.region and not candidate.unknown_country:
                _take_slot(record, slot, candidate)
                return True
    return False


def _language_city(town: str, countries) -> bool:
    """Is `town` another name of a city (15,000 people or more) of one country only, where the
    caption's language is spoken ('in St. Gallen' in German: Sankt Gallen), as supplied and in
    no country (SPEC: only a major city implies its country)? Read only right after a preposition
    saying where (_placed): other names hold common words ('de la Plaza Matriz')."""
    if countries is None:
        return False
    found = places.city_countries(town)
    return len(found) == 1 and not countries.isdisjoint(found)


def _town_after_venue(slot: str, countries) -> str | None:
    """'at BOXPARK Wembley, Kettering', 'from George St, Kettering', 'Antigua Casa Presidencial,
    Tlalmanalco': a place slot of a venue or street and a town, naming no country or region, is
    in the town (a town's own name, a small town's in one of `countries`); None otherwise."""
    parts = [part.strip() for part in slot.split(",")]
    if len(parts) != 2 or not all(parts):
        return None
    venue, town = parts
    if any(places.find_country(part) or places.find_region(part) for part in parts):
        return None
    if not places.is_street(venue) and places.is_town_name(venue, countries or frozenset()):
        return None  # two towns: no venue in a town
    return town if places.is_town_name(town, countries or frozenset()) else None


# a place closing the caption set off by its comma ('..., à Chur.', '... on the square, in
# Chur.', '..., Chur.'), not after 'de'/'of' ('la Policía de San Juan': an office's town) nor
# bare in a later sentence ('Her husband later fell ill while at Shrewsbury': a story)
_CLOSING_LEAD_RE = lazy_compile(r",\s(?:(?i:in|at|near|outside|à|a|au|aux|en|dans|bei|nahe|im)\s)?$")


def _closes(closing: str, slot: str) -> bool:
    if not closing.endswith(slot):
        return False
    start = len(closing) - len(slot)
    return _CLOSING_LEAD_RE.search(closing, max(0, start - 12), start) is not None


# a sentence opening with a place and a comma ('A Tournus, ...', 'In Oberstdorf, ...') or, in
# German, its verb ('In Oberstdorf wird ...'): the preposition before the slot, one pattern for
# every slot (a pattern built per slot filled re's cache with town names)
_OPENING_LEAD_RE = lazy_compile(r"(?:^|[.!?]\s)(?:À|A|Au|En|In|Im|Bei)\s$")


def _opens_sentence(text: str, slot: str) -> bool:
    at = text.find(slot, 0, 5000)
    for _ in range(4):  # (the first few times the slot is named)
        if at < 0:
            return False
        after = text[at + len(slot) : at + len(slot) + 2]
        if (after[:1] == "," or (after[:1] == " " and after[1:2].islower())) and _OPENING_LEAD_RE.search(
            text, max(0, at - 8), at
        ):
            return True
        at = text.find(slot, at + 1, 5000)
    return False


# a full stop after a word of four letters or more, a lower-case word of three ('del río.') or a
# year ends a sentence (not '7. Dezember', 'St. Petersburg'); so do '!' and '?'
_SENTENCE_BREAK_RE = lazy_compile(r"(?<=[.!?])\s+")
_ENDS_SENTENCE_RE = lazy_compile(r"(?:(?:^|[^\w])[a-zà-ÿ]{3}|[^\W\d]{4}|\d{4})\.$|[!?]$")


def _sentences(text: str) -> list[str]:
    sentences: list[str] = []
    for piece in _SENTENCE_BREAK_RE.split(text):
        if sentences and not _ENDS_SENTENCE_RE.search(sentences[-1][-8:]):
            sentences[-1] += " " + piece  # ('7. Dezember', 'St. Petersburg': no sentence's end)
        else:
            sentences.append(piece)
    return sentences


_DATED_PLACE = load_data("place_phrases.json")["dated_place"]
_DATED_PLACE_LINKS = frozenset([*_DATED_PLACE["date_words"], *_DATED_PLACE["articles"]])  # before a date
_PLACE_NAME_RE = lazy_compile(
    rf"[{NAME_UPPER}][\w'’.\-]{{1,40}}"
    rf"(?: (?:[{NAME_UPPER}][\w'’.\-]{{1,40}}|" + alternation(PLACE_PHRASES["place_name_links"]) + r"))*"
)


_DATED_SENTENCE = 120  # characters: a dateline sentence is short


def place_and_date_parts(sentence: str, *, date_needed: bool) -> list[str] | None:
    """The comma parts of a sentence or a line that holds a place and a date and nothing else
    ('Gardanne, le samedi 23 février 2019', 'Sassnitz (Germany), 3 May 2019'), the date, its
    link words ('le', 'am', 'on') and a weekday taken out, each part a name; None when the
    text holds anything else (or no date where one is needed)."""
    if DIGIT_RE.search(sentence) is not None:
        found = dates.find_date(sentence)
        if found is None or found.start is None or found.text not in sentence:
            return None
        before, _, after = sentence.partition(found.text)
        sentence = f"{before},{after}"
    elif date_needed:
        return None
    sentence = sentence.replace("(", ", ").replace(")", " ")
    parts = [_without_links(part.split()) for part in sentence.split(",")]
    parts = [part for part in parts if part and not dates.weekday_date(part + " 1 January 2000")]
    if not parts or len(parts) > 3 or not all(_PLACE_NAME_RE.fullmatch(part) for part in parts):
        return None
    return parts


def _without_links(words: list[str]) -> str:
    """The words of a part without the link words at its ends ('le' of 'Gardanne, le 23 février';
    'Rio de Janeiro' keeps its 'de')."""
    while words and words[0].casefold() in _DATED_PLACE_LINKS:
        words = words[1:]
    while words and words[-1].casefold() in _DATED_PLACE_LINKS:
        words = words[:-1]
    return " ".join(words)


def closing_place_line(line: str) -> str | None:
    """The place of a line that is a place and at most a date ('Sassnitz, Germany', 'Sète, France,
    3 mai 2019', 'Sassnitz (Germany)'): a town the gazetteer knows, with its region or country;
    None for anything else (a name and a country, 'Harry Kane, England', is no place line)."""
    return _closing_place_line(line) if len(line) <= 100 else None  # (no long line in the cache)


@lru_cache(maxsize=4096)
def _closing_place_line(line: str) -> str | None:
    stripped = line.strip().rstrip(".")
    if not 4 <= len(stripped) <= 80 or not stripped[:1].isupper() or ("," not in stripped and "(" not in stripped):
        return None
    parts = place_and_date_parts(stripped, date_needed=False)
    if parts is None or len(parts) < 2:
        return None
    if not (places.find_city(parts[0]) or places.town_countries(parts[0])):
        return None
    resolved = places.resolve_place(", ".join(parts), labelled=False)
    if not (resolved.country_code and resolved.city) or resolved.unknown_country:
        return None
    return ", ".join(parts)


def _dated_place(text: str) -> tuple[str, places.ResolvedPlace] | None:
    """The place of a sentence that opens or closes the text and holds a place and a date and
    nothing else, in either order ('Paris, 23 février 2019.', '25 janvier 2018, Coulommiers.',
    'Gardanne, le 23 février 2019.'), when the gazetteer knows it; or of the wires' '... at
    VENUE, TOWN, on DATE.': (slot, resolved place), or None."""
    if (
        DIGIT_RE.search(text, 0, _DATED_SENTENCE) is None
        and DIGIT_RE.search(text, max(0, len(text) - _DATED_SENTENCE)) is None
    ):
        return _place_on_date(text)
    first = _sentences(text[:_DATED_SENTENCE])[0]
    last = _sentences(text[-_DATED_SENTENCE:])[-1] if len(text) > len(first) else first
    for sentence in (first, last) if last is not first else (first,):
        sentence = sentence.strip().rstrip(".")
        if not 8 <= len(sentence) <= 90 or "," not in sentence or DIGIT_RE.search(sentence) is None:
            continue
        if sentence.count(" ") > 8:
            continue  # (a place and a date are a few words: 'Gardanne, le samedi 23 février 2019')
        parts = place_and_date_parts(sentence, date_needed=True)
        if parts is None:
            continue
        known = [
            bool(places.find_city(part) or places.find_country(part) or places.find_region(part)) for part in parts
        ]
        if not any(known):
            continue  # ('Der Pferdemarkt, Mitte der 60er Jahre': a square, not a place the data knows)
        if len(parts) > 1 and places.find_country(parts[0]) and not places.find_country(parts[-1]):
            parts.reverse()  # 'UK, London, 30/11/11': the widest first
        else:
            start = known.index(True)
            parts = parts[start:]  # a venue before the town ('Bundeshaus, Bern')
            if len(parts) > 1 and not any(known[start + 1 :]):
                parts = parts[:1]  # the town before places in it ('Kehl, Marktplatz, Kaufhaus Schocken, 1931')
        slot = ", ".join(parts)
        candidate = _resolve(slot[:300], False)
        if candidate.city or candidate.country_code:
            return slot, candidate
    return _place_on_date(text)


def _place_on_date(text: str) -> tuple[str, places.ResolvedPlace] | None:
    if not any(link in text for link in (" on ", " am ", " le ", " el ")):
        return None
    for match in _PLACE_ON_DATE_RE.finditer(text, 0, 5000):
        # '... at Bonhams, Heckmondwike, on September 16, 2020.', '... à Gardanne, le 23 février
        # 2019.', '... in Eberswalde am 3. Mai 2019': the wires' place and date closing a sentence
        parts = [part.strip() for part in match.group("place").split(",")]
        if (
            places.find_country(parts[-1])
            or places.find_region(parts[-1])
            or (len(parts) > 1 and places.postal_region(parts[-1], parts[-2]))
            or "'s " in parts[-1]
            or "’s " in parts[-1]
        ):
            continue  # (a country or region named, or "East China's Jiangxi Province": the slots read it)
        # the town the data knows, after the venue ('Bonhams, Heckmondwike'): the city
        town = next((part for part in reversed(parts) if places.find_city(part)), None)
        if town is None or not text[match.end() : match.end() + 1].isalnum():
            continue
        found = dates.find_date(text[match.end() : match.end() + 40])
        if found is None or found.start is None or not text.startswith(found.text, match.end()):
            continue
        candidate = _resolve(town[:300], False)
        if candidate.city:
            return town, candidate
    return None


_PLACE_ON_DATE_RE = compile_guarded(
    r"(?<![\w'’])(?:" + alternation(_DATED_PLACE["prepositions"]) + r")\s"
    rf"(?P<place>[{NAME_UPPER}][\w'’.\-]{{1,40}}(?: [{NAME_UPPER}][\w'’.\-]{{1,40}}){{0,3}}"
    rf"(?:, [{NAME_UPPER}][\w'’.\-]{{1,40}}(?: [{NAME_UPPER}][\w'’.\-]{{1,40}}){{0,3}}){{0,2}}),?\s(?:"
    + alternation(_DATED_PLACE["date_words"])
    + r")\s"
)


# 'à Kehrsatz (BE)', 'a Sesto (MI)': a town and the code of its region (a Swiss canton, an
# Italian province) in parentheses.
_TOWN_AND_CODE_RE = lazy_compile(r"([A-ZÀ-Ý][\w'’\-]{1,30}(?: [A-ZÀ-Ý][\w'’\-]{1,30}){0,2}) \(([A-Z]{2})\)")


def _town_in(implied: tuple, slots: list[str], text: str) -> tuple:
    """A slot that names only a country or region ('Dans le sud-ouest de la France', 'en
    Suisse'): another slot naming a town of that country ('... à Mont-de-Marsan'), or a town
    with the code of one of its regions in parentheses ('à Kehrsatz (BE)'), is where in it.
    The town is kept as supplied, tied to that country; `implied` unchanged when none is."""
    slot, candidate = implied
    code = candidate.country_code
    # a town the picture is near is a reference point, not where it is ('à Olvera, près de
    # Séville, en Espagne'): it is taken last, where no other town is named
    near = [other for other in slots if _after_near_word(text, other)]
    slots = [other for other in slots if other not in near]
    for other in slots:
        if "," in other or other == slot or not places.find_city(other, code):
            continue
        town = _resolve(f"{other}, {candidate.region or candidate.country}"[:300], False)
        if town.city and town.city != other:
            # ('Sarankhola, Tangail': a region named like a city reads as the city; with the slot as
            # written, 'Sarankhola, Tangail District, Bangladesh', it is the region)
            town = _resolve(f"{other}, {slot}"[:300], False)
        if town.city and town.country_code == code:
            return other, town
    if " (" in text:
        for match in _TOWN_AND_CODE_RE.finditer(text[:5000]):
            if places.subdivision_of(code, match.group(2)) and not _find_country(match.group(1)):
                region = candidate.region or match.group(2)
                town = places.ResolvedPlace(None, match.group(1), region, candidate.country, code, False)
                return f"{match.group(1)} ({match.group(2)})", town
    # a smaller town of that country ('à Tibi, près d'Alicante en Espagne': GeoNames' towns of
    # 1,000 people), or a name after a word for a town, as supplied, where no city of it is named
    for other in slots:
        if "," in other or other == slot or _find_country(other):
            continue
        if code not in places.town_countries(other) and not _after_town_word(text, other):
            continue  # (a name after a word for a town is one: 'dans la ville de Konna, ... du Mali')
        if places.find_region(other) is None:
            return other, places.ResolvedPlace(None, other, candidate.region, candidate.country, code, False)
    for other in near:
        if "," not in other and other != slot and places.find_city(other, code):
            town = _resolve(f"{other}, {candidate.region or candidate.country}"[:300], False)
            if town.city and town.country_code == code:
                return other, town
    return implied


# A weekly review's day heading over each picture: 'JEUDI 7 JANVIER, BÉLARUS', 'SAMEDI 29 AOÛT,
# HONGRIE' (a date, a comma, a country, alone on the first line).
_DATED_HEADING_RE = lazy_compile(r"([^,\n]{3,40}\d[^,\n]{0,30}),\s{0,2}([^\W\d][^,\d\n]{2,40})")
# the words for a town and for 'near' the place data already holds (nationalities.json's
# town_words, place_phrases.json's near_words), any case, before the town's name
_TOWN_LEADS_RE = lazy_compile(
    r"(?i:"
    + "|".join(
        re.escape(word)
        for word in sorted(
            {*(word for words in NATIONALITIES["town_words"].values() for word in words), *PLACE_PHRASES["near_words"]},
            key=len,
            reverse=True,
        )
    )
    + r")\s?(?:de\s|d['’]|of\s|del\s|von\s)?$"
)


_NEAR_BEFORE_RE = lazy_compile(
    r"(?i:"
    + "|".join(re.escape(word) for word in sorted(PLACE_PHRASES["near_words"], key=len, reverse=True))
    + r")\s?$"
)


# 'de', 'd'', 'del', 'von', 'of' right before a name
_OF_BEFORE_RE = lazy_compile(r"(?<![\w\-])(?:de|del|d['’]|von|of)\s?$")


def _after_of(text: str, slot: str) -> bool:
    """Is `slot` first named right after 'de' or 'of' ('la actriz de Hollywood')?"""
    name = slot.split(",", 1)[0]
    start = text.find(name)
    # (not after a word for a town: 'la ciudad de Sucre', 'the city of Leeds' name the town)
    return (
        start > 0
        and _OF_BEFORE_RE.search(text, max(0, start - 5), start) is not None
        and not _after_town_word(text, name)
    )


_STOP_RE = lazy_compile(r"[.!?]\s")


# a preposition saying where the picture is, right before a place ('in', 'at', 'à', 'en', 'bei',
# 'dans'; not Spanish 'a', a destination, nor 'im', an article's)
_PLACED_BEFORE_RE = lazy_compile(
    r"(?<![\w\-])(?i:"
    + alternation([word for word in _DATED_PLACE["prepositions"] if word not in ("a", "im")] + ["dans"])
    + r")\s$"
)


def _placed(text: str, slot: str) -> bool:
    """Is `slot` first named right after a preposition saying where ('à Kleinort', 'in Kleinort')?"""
    start = text.find(slot.split(",", 1)[0])
    return start > 0 and _PLACED_BEFORE_RE.search(text, max(0, start - 6), start) is not None


def _town_placed(other: str, slots: list[str], text: str, countries) -> tuple | None:
    """A town the sentence naming `other` puts the picture in: a slot first named after 'in', 'à',
    'en' (not after 'de', 'of' nor a word for near) that the gazetteer knows as a town's own
    name (a small town's in one of `countries`) and that names no country or region itself:
    the city, as supplied, in no country (its name alone does not say which country's)."""
    for slot in slots:
        if "," in slot or slot == other or not _placed(text, slot):
            continue
        if not (places.is_own_city_name(slot) or places.is_town_name(slot, countries or frozenset())):
            continue
        if _after_of(text, slot) or _after_near_word(text, slot) or not _same_sentence(text, other, slot):
            continue
        if _after_of(text, other) and re.search(re.escape(other) + r"\s\w{1,4}\s" + re.escape(slot), text[:5000]):
            continue  # 'le canal de Nantes à Kleinort': a route between the two, the picture on it
        candidate = _resolve(slot[:300], False)
        if candidate.city and not candidate.region and not candidate.country_code and not candidate.unknown_country:
            return slot, candidate
    return None


def _same_sentence(text: str, first: str, second: str) -> bool:
    """Are the places first named in one sentence (no full stop between them)?"""
    start, end = sorted((text.find(first.split(",", 1)[0]), text.find(second.split(",", 1)[0])))
    return start >= 0 and _STOP_RE.search(text, start, end) is None


def _after_near_word(text: str, slot: str) -> bool:
    """Is `slot` first named after a word for 'near' ('près de Séville', 'cerca de Cuenca')?"""
    start = text.find(slot)
    return start > 0 and _NEAR_BEFORE_RE.search(text, max(0, start - 25), start) is not None


# a preposition fused with an article leads to a noun, not a town's bare name ('im Regen', 'am
# Hafen', 'zum Markt': Regen is also a Bavarian town; a town with an article of its own, 'au
# Havre', is read through place_phrases.json's contractions)
_ARTICLE_BEFORE_RE = lazy_compile(r"(?<![\w\-])(?:" + alternation(PLACE_PHRASES["fused_articles"]) + r")\s$")


def _after_article(text: str, slot: str) -> bool:
    start = text.find(slot)
    return start > 0 and _ARTICLE_BEFORE_RE.search(text, max(0, start - 6), start) is not None


def _after_town_word(text: str, slot: str) -> bool:
    """Is `slot` named after a word for a town ('dans la ville de Konna', 'in the village of X',
    'en el pueblo de X', 'im Dorf X'): a town even where the gazetteer does not know it."""
    start = text.find(slot)
    return (
        start > 0
        and _TOWN_LEADS_RE.search(text, max(0, start - 25), start) is not None
        and not _find_country(slot)
        and not places.find_region(slot)
    )


def _country_under_dated_heading(record: ParsedCaption, paragraph: list[str]) -> None:
    """The heading's country, when the caption names none; the caption's town, as supplied, in
    it when the caption names it after a word for a town ('dans le village de Skirmantava',
    'Près de Roszke') and the gazetteer does not place it in another country."""
    if len(paragraph) != 1:
        return
    match = _DATED_HEADING_RE.fullmatch(paragraph[0].strip())
    country = _find_country(match.group(2).strip()) if match else None
    if country is None:
        return
    if record.city:
        known = places.find_city(record.city)
        if known is not None and places.find_city(record.city, country.code) is None:
            return  # the caption's town lies in another country: the heading is another day's
    else:
        for slot in place_slots(record.caption or "")[:4]:
            start = (record.caption or "").find(slot)
            if (
                "," in slot
                or start < 0
                or not _TOWN_LEADS_RE.search((record.caption or "")[max(0, start - 20) : start])
            ):
                continue
            if places.find_city(slot) is None or places.find_city(slot, country.code) is not None:
                record.city = slot
                break
    record.country, record.country_code = country.name, country.code
    record.place_text = record.place_text or paragraph[0].strip()


_LANDFORMS = frozenset(PLACE_PHRASES["landforms"])
_LANDFORM_ENDINGS = frozenset(PLACE_PHRASES["landform_endings"])
_INSTALLATION_ENDINGS = tuple(PLACE_PHRASES["installation_endings"])


def _place_under_heading(record: ParsedCaption, heading: str) -> None:
    """A caption under a 'Region, Country' heading: its place slot's town in that region
    ('... en Bosham' + 'West Sussex, Reino Unido' -> Bosham, West Sussex, United Kingdom), else
    the heading alone."""
    regional = _resolve(heading[:300], False)
    towns = [slot.split(",", 1)[0].strip() for slot in place_slots(record.caption)[:4]]
    # a town the gazetteer knows in that country first, then one it does not know
    towns.sort(key=lambda town: places.find_city(town, regional.country_code) is None)
    for town in towns:
        if "." in town or _find_country(town):
            continue
        candidate = _resolve(f"{town}, {heading}"[:300], False)
        if candidate.city and candidate.country_code == regional.country_code and candidate.region:
            _take_slot(record, f"{town}, {heading}", candidate)
            return
    _take_slot(record, heading, regional)


def _take_slot(record: ParsedCaption, slot: str, candidate) -> None:
    record.place_text = slot
    record.city, record.region = candidate.city, candidate.region
    # 'at Mount Korek, Iraq': a mountain, not a city (the country stays); 'Cape Town' is a city;
    # 'at Grafenwoehr Training Area, Germany', 'Ramstein Air Base', 'Fliegerhorst Büchel': a
    # military installation, no city either
    landform = (
        record.city
        and " " in record.city
        and (
            record.city.split(" ", 1)[0] in _LANDFORMS
            or record.city.rsplit(" ", 1)[1] in _LANDFORM_ENDINGS
            or record.city.endswith(_INSTALLATION_ENDINGS)
            or record.city.startswith(_INSTALLATION_ENDINGS)
        )
    )
    if landform and places.find_city(record.city) is None:
        record.city = None
    record.country, record.country_code = candidate.country, candidate.country_code


def _structured_place(record: ParsedCaption, fields: dict) -> None:
    """IPTC-style separate fields (exiftool): each fills its own slot."""

    def value(name):
        item = fields.get(name)
        return item.value.strip()[:200] if item and item.value.strip() else None

    record.sublocation = value("sublocation") or record.sublocation
    record.city = places.spelled_as_name(value("city")) if value("city") else record.city
    record.region = places.spelled_as_name(value("region")) if value("region") else record.region
    country_text = value("country") or value("country_code")
    if country_text:
        country = _find_country(country_text)
        if country is None and value("country_code"):
            country = _find_country(value("country_code"))
        if country is not None:
            record.country, record.country_code = country.name, country.code
        elif record.country is None:
            record.problem_details["unknown_country"] = problem_detail("country_unknown", text=country_text)
    elif record.country is None and _region_field_country(value("city"), value("region")):
        # a region field names its country ('City: Husum' with 'Province-State: Schleswig-Holstein')
        country = places.country_by_code(_region_field_country(value("city"), value("region")))
        record.country, record.country_code = country.name, country.code
    elif record.country is None and record.city:
        _country_of_city_field(record)
    parts = [part for part in (record.sublocation, record.city, record.region, country_text) if part]
    record.place_text = record.place_text or ", ".join(parts) or None


@lru_cache(maxsize=1024)
def _region_field_country(city: str | None, region: str | None) -> str | None:
    """The country a region field (IPTC Province-State) names: read only as a region, never as a
    country ('Georgia', 'Luxembourg') or a country's code ('GR' for Graubünden, 'BY' for
    Bayern), and only where the city field names a town of that country or names no town the
    data knows ('Limburg' beside Hasselt is Belgium's province, not the Dutch one). None when
    it does not say."""
    if not region:
        return None
    if len(region) < 4 and region.isupper():
        # a subdivision's code ('SG', 'GR', 'BY'): the country of the town beside it whose
        # subdivision it is, never the country that code names
        code = places.country_of_subdivision_code(city, region)
        if code is not None or len(region) < 3:
            return code
    if len(region) < 3:
        return None
    found = places.find_region(region)
    if found is None:
        return None
    code = found[1]
    in_country = bool(city) and places.is_town_in(city, code)
    named_country = places.find_country(region)
    if named_country is not None and named_country.code != code:
        # a country's name too ('Georgia', 'Luxembourg'): the region only beside a town of its country
        return code if in_country else None
    if city and not in_country and (places.find_city(city) is not None or places.town_countries(city)):
        return None  # a town the data places in other countries only
    return code


def _country_of_city_field(record: ParsedCaption) -> None:
    """A city field alone implies its country as a city named anywhere does (SPEC: a capital
    or major city no other rivals; 'City: Cottbus' says no country, 'City: Madrid' Spain)."""
    country = places.country_of_city(record.city)
    if country is not None:
        record.country, record.country_code = country.name, country.code


_COORDINATES_RE = lazy_compile(r"^\s*-?\d{1,3}(?:[.,]\d+)?\s?°")


def _is_coordinates(text: str) -> bool:
    return bool(_COORDINATES_RE.match(text))
