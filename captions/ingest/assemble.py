"""Second pass: turn the sorted lines of a block into one ParsedCaption.

PURE: no Django import. Precedence rules live here, each from the SPEC's field conventions:
a labelled field wins over what the caption text says (dates, credit, place); the caption's
place slot is used only when no place is labelled; sizes come from the pasted size line with
the most pixels. Every step catches its own trouble as a problem code, so one bad field never
stops the others.
"""

from __future__ import annotations

import os
import re
from datetime import date
from functools import lru_cache

from captions.core import dates, places
from captions.core.dimensions import (
    StatedSize,
    mismatched_lengths,
    print_size,
    round_half_up,
)
from captions.core.text import alternation, compile_guarded, fold, has_digit, lazy_compile, word_trie
from captions.core.vocabulary import CAVEAT_CODES, DETAIL_SEPARATOR, problem_detail

from . import caption_text as ct
from .citations import courtesy_line, lender_line, read_citation, same_words, side_citation, with_abbreviation_stop
from .layout import BlockScan, bare_label, clean_text, ends_with_ellipsis, scan_block
from .lexicon import (
    ARCHIVE_LEVELS,
    ARCHIVE_REFERENCE_PROBES,
    ARCHIVE_REFERENCE_RE,
    ARCHIVE_REFERENCE_REACH,
    BYLINE_WORDS,
    COLLECTION_LINKS,
    COLLECTION_OPENERS,
    DANGLING_WORDS,
    DATE_CUES,
    DATE_LINE_WORDS,
    DESCRIPTION_WORDS,
    EVENT_CLAUSES,
    EVENT_DATE_CUES,
    HOLDING_INSTITUTIONS,
    ID_CONTAINERS,
    LABELS,
    MUSEUM_CREDIT_PHRASES,
    NAME_JOINER,
    NAME_JOINERS,
    NAME_PARTICLES,
    NAME_PARTICLES_CAPS,
    PAGE_NOTES,
    PERSON_NAME,
    PERSON_NAME_CAPS,
    PLACE_PHRASES,
    PLACEHOLDER_DATES,
    PROVENANCE_WORDS,
    SENTENCE_OPENERS,
    SENTENCE_OPENERS_ANY,
    UNDATED_PICTURE_WORDS,
    guarded_alternation,
    load_data,
)
from .notices import (
    AGENCIES,
    AGENCY_LINES,
    AGENCY_STARTS,
    DATELINE_AGENCY_RE,
    LABELLED_CREDIT_LINE_RE,
    LEADING_CREDIT_DATE_RE,
    LEADING_ID_CREDIT_RE,
    VIA_NEWS_AGENCY_RE,
    bare_label_agency_credit,
    caveats_in,
    clean_credit,
    contains_any,
    dashed_leading_credit,
    glued_leading_credit,
    is_name_agency_line,
    is_negative_release,
    may_hold_credit,
    parse_embargo,
    slash_tail_credit,
    split_inline_credit,
    supplier_in,
)
from .place_fields import closing_place_line, fill_place
from .place_slots import linked_town_spans
from .record import ParsedCaption
from .records import TABLE, read_data_record
from .sizes import SizeFacts, first_number_pixels, scan_sizes
from .surface import normalise, without_label_pictographs

MAX_BLOCK_CHARS = 200_000  # a caption block is a few kB; beyond this is pasted noise
_FILE_NAME_RE = lazy_compile(r"\.(?:jpe?g|png|tiff?|gif|webp|heic|dng|raw|cr2|nef|arw|psd)\s*$", re.IGNORECASE)
_ID_TOKEN_RE = lazy_compile(r"[A-Za-z0-9][A-Za-z0-9_.\-/]{1,40}")
_NUMBERED_TOKEN_RE = lazy_compile(r"(?<![\w.\-/])[A-Za-z]{0,6}\d[A-Za-z0-9_.\-/]{0,40}")
# A labelled id of up to four short tokens with a digit in the last one, none a lower-case word.
_WHOLE_ID_RE = lazy_compile(r"(?:[A-Z0-9][A-Za-z0-9_.,\-/]{0,15} ){1,3}[A-Za-z]?[0-9][A-Za-z0-9_.,\-/]{0,20}")
_IMAGO_NAME_RE = lazy_compile(r"x(?:[A-ZÄÖÜ][\w\-]{0,30}x){1,6}")
_ALAMY_SIZE_RE = lazy_compile(r"px\s?\|.{1,40}\|.{1,40}inch", re.IGNORECASE)
_KEYWORD_SPLIT_RE = lazy_compile(r"[,;]")
_SIDE_CREDIT_RE = lazy_compile(r"(?P<title>[^©\n]{3,150}?)\s{1,3}©\s{0,2}(?P<credit>[^©\n]{2,80})")
_COPYRIGHT_YEAR_RE = lazy_compile(r"^(?:©|\(c\)|copyright)?\s{0,2}(?:\d{4}\s{0,2})?", re.IGNORECASE)


# Date field values repeat too ('14 September 2024'); `today` is part of the key because it
# decides future_date.
@lru_cache(maxsize=8192)
def _parse_date(text: str, today: date | None):
    return dates.parse_date(text, today=today)


@lru_cache(maxsize=8192)
def _supplier_in(text: str):
    return supplier_in(text)


# Cameras and agencies deliver a handful of pixel sizes, so size lines and checks recur.
@lru_cache(maxsize=4096)
def _scan_dimensions(text: str):
    return scan_sizes(text, bare_pairs_are_pixels=True)


@lru_cache(maxsize=4096)
def _mismatched(width_px, height_px, dpi, stated: tuple[tuple[str, str, str], ...]):
    # Keyed by plain (width, height, unit) tuples: hashing and comparing StatedSize (a frozen
    # dataclass) runs generated Python code on every lookup.
    return tuple(mismatched_lengths(width_px, height_px, dpi, [StatedSize(*size) for size in stated]))


@lru_cache(maxsize=8192)
def _is_place(text: str) -> bool:
    text = text.strip(" .,;")
    if not text or len(text) > 60:
        return False
    return bool(places.find_country(text) or places.find_city(text) or places.find_region(text))


@lru_cache(maxsize=4096)
def _is_place_line(text: str) -> bool:
    """'Rome, Italy': every part of the line a place, the country known."""
    resolved = places.resolve_place(text, labelled=False)
    return bool(resolved.country_code and resolved.city) and not resolved.unknown_country


def build(text: str, *, today: date | None = None) -> ParsedCaption:
    """Parse one block: layout pass, then each field by the SPEC's precedence rules."""
    today = today or date.today()  # read the clock once per block, not in every date lookup
    record = ParsedCaption(raw_text=text)
    if not isinstance(text, str):
        text = str(text)
        record.raw_text = text
    bounded = normalise(text[:MAX_BLOCK_CHARS])
    as_lines, record_cut, data_record = read_data_record(bounded)
    cleaned = clean_text(as_lines)
    scan = scan_block(cleaned)
    scan.cut_record = record_cut
    scan.data_record = data_record
    # An API's JSON keys and a wiki template's parameters are the same whatever the caption's
    # language ('bildnummer', 'description'): no evidence of it, as exiftool's tag names. A
    # table's column names are the export's own words ('Ville', 'Photographe'): they are.
    scan.label_votes = {} if as_lines is not bounded and data_record != TABLE else scan.label_votes
    problems = record.problem_details
    restriction_lines: list[str] = list(scan.notices)

    # --- caption and headline ------------------------------------------------------------
    if scan.paragraphs:
        _take_collections(scan)
    if "place" in scan.fields and (scan.catalogue or _museum_record(scan)):
        _take_holders(scan)
    caption_lines, headline = _caption_lines(scan)
    date_line = None
    if len(caption_lines) > 1 and _is_date_line(caption_lines[0]):
        # 'Año 1963' / 'Numerosas personas en el mercado ...': a date alone on the line over the
        # caption is its dating, not caption text (the date when the caption states none)
        date_line = caption_lines[0].strip()
        caption_lines = caption_lines[1:]
    if len(caption_lines) > 1:
        caption_lines, value_date = _without_value_lines(caption_lines, scan)
        date_line = date_line or value_date
    if len(caption_lines) > 1 and ct.CLOSING_DATELINE_RE.fullmatch(caption_lines[-1].strip()):
        scan.closing_dateline = caption_lines[-1].strip()
        caption_lines = caption_lines[:-1]
    if len(caption_lines) > 1 and scan.place_line is None:
        place = closing_place_line(caption_lines[-1])
        if place is not None:
            # 'Sassnitz, Germany' (and its date) alone on the caption's last line: the picture's
            # place, as a label would give it, not caption text
            scan.place_line = (place, caption_lines[-1].strip())
            caption_lines = caption_lines[:-1]
    if len(caption_lines) > 1 and scan.credit_lines and _names_credit(caption_lines[-1].strip(), scan.credit_lines):
        # the photographer's name on its own line over their credit line ('Eugène Atget' /
        # '© Eugène Atget / Musée Carnavalet'): the credit's, not the caption's
        caption_lines = caption_lines[:-1]
    story_line = None
    if len(caption_lines) > 1 and _is_story_line(caption_lines[-1].strip()):
        # Shutterstock's story line under the caption ('Emma Stone' / 'The 23rd Annual Screen
        # Actors Guild Awards, Backstage, Los Angeles, USA - 29 Jan 2017'): the event, its place
        # and its date, not description; its date and place count when the caption has none
        story_line = caption_lines[-1].strip()
        caption_lines = caption_lines[:-1]
        scan.side_places.append(story_line)
    record.headline = headline
    if len(caption_lines) > 1 and _repeated_by(caption_lines[0], caption_lines[1]):
        # a page's alt text over the caption, every word of it in the caption's first sentence
        # ('musée Exemple à Villeneuve' / 'Photo du musée Exemple à Villeneuve montrant ...')
        caption_lines = caption_lines[1:]
    if len(caption_lines) > 1:
        caption_lines = _without_title_lines(caption_lines, scan, cleaned)
    title_credit = None
    if record.headline and ", " in record.headline and len(record.headline) <= _TITLE_CREDIT_LIMIT:
        titled = _TITLE_CREDIT_RE.fullmatch(record.headline.strip())
        if titled and ". " not in titled.group("title"):
            # a prize's or a gallery's title line over the caption, the photographer and the
            # agency after it ('Une femme berce sa nièce, Jane Roe, Reuters |'): a heading that
            # carries the credit
            record.headline, title_credit = titled.group("title"), titled.group("credit")
    elif len(caption_lines) > 1 and ", " in caption_lines[0] and len(caption_lines[0]) <= _TITLE_CREDIT_LIMIT:
        titled = _TITLE_CREDIT_RE.fullmatch(caption_lines[0].strip())
        if titled and ". " not in titled.group("title"):
            # (the same line read as the caption's first: no caption text)
            record.headline, title_credit = titled.group("title"), titled.group("credit")
            caption_lines = caption_lines[1:]
    if title_credit is None and scan.data_record and record.headline and "credit" not in scan.fields:
        # a record of data whose title carries the credit its description lacks ('name':
        # 'Spurensicherung am Tatort (Foto: dpa)' beside 'description': 'Spurensicherung am
        # Tatort'): the title's credit, the title without it
        untitled, title_credits = ct.strip_credits(record.headline)
        if title_credits and untitled.strip():
            record.headline, title_credit = untitled.strip(), title_credits[0]
    gallery_credit = None
    if caption_lines and any(_COUNTER_WORDS_RE.search(line, 0, _CREDIT_COUNTER_REACH) for line in caption_lines[:3]):
        caption_lines, title, gallery_credit = _credit_before_counter(caption_lines)
        record.headline = record.headline or title
    if len(caption_lines) > 1 and not gallery_credit:
        caption_lines, gallery_credit = ct.undoubled_lines(caption_lines)
    if len(caption_lines) > 1 and not gallery_credit:
        gallery_credit = ct.name_line_under(caption_lines, _is_place)
        if gallery_credit:  # '... le 3 mars 2022.' / 'Jean Roe': the photographer under the caption
            caption_lines = caption_lines[:-1]
    line_credits: list[str] = [title_credit] if title_credit else []
    if caption_lines and ("#" in caption_lines[-1] or any(line.lstrip()[:1] == "#" for line in caption_lines[1:])):
        caption_lines, tagged = ct.without_hashtags(caption_lines)
        line_credits.extend([tagged] if tagged else [])
    if len(caption_lines) > 1:
        caption_lines = ct.without_translated_line(caption_lines)
    if len(caption_lines) > 1:
        caption_lines, more_credits = _without_line_credits(caption_lines)
        line_credits.extend(more_credits)
    role = _role_credit(caption_lines[-1]) if len(caption_lines) > 1 and ", " in caption_lines[-1] else None
    if role:  # 'Nîmes, Jean Exemple, photographe – éditeur' under the title: no caption text
        caption_lines = caption_lines[:-1]
        line_credits.append(role)
    click = len(caption_lines) > 1 and ct.is_click_instruction(caption_lines[-1])
    if (
        len(caption_lines) > 1
        and (click or caption_lines[-2].rstrip()[-1:] in _SENTENCE_ENDS)
        and (click or caption_lines[-1].lstrip()[:1] == "(")
    ):
        # a line of its own in parentheses under the caption's last sentence: the page's
        # instruction ('(cliquez sur la photo pour l'agrandir)') or the picture's source
        # ('(Historische Ansichtskarte - N.A.)'), no caption text
        is_note, note_credit = ct.closing_note(caption_lines[-1], _is_place, _is_date_text)
        if is_note or click:
            caption_lines = caption_lines[:-1]
            line_credits.extend([note_credit] if note_credit else [])
    joined = ct.without_bullet(ct.join_caption_lines(caption_lines))
    if " -" in joined[:80] or " –" in joined[:80] or " —" in joined[:80]:
        joined = _without_repeated_head(joined)
    glued_head = _glued_head(joined) if joined[:1].isupper() else 0
    if glued_head:
        # a page's headline glued to its caption on one line ('Frosty Exampletown A man ...')
        record.headline = record.headline or joined[:glued_head].strip()
        joined = joined[glued_head:]
    joined, page_credit = split_inline_credit(joined)
    if joined[:1] == "©" and not page_credit:
        joined, page_credit = dashed_leading_credit(joined)
    if joined[:1] == "©" and not page_credit:
        joined, page_credit, glued_title = glued_leading_credit(joined)
        record.headline = record.headline or glued_title
    leading_credits = [credit for credit in (page_credit, gallery_credit) if credit]
    if "/" in joined[:12] and joined[:1].isupper():
        slashed = _LEADING_SLASH_CREDIT_RE.match(joined)
        if slashed:
            # a page's credit span flattened before its figcaption ('SN/robert ratzer Das
            # Coronavirus ...', 'APA/Hans Punz Die Feuerwehr ...'): the credit, then the caption
            leading_credits.append(slashed.group("credit"))
            joined = joined[slashed.end() :]
    if ":" in joined[:16]:
        opener = _WIRE_OPENER_RE.match(joined)
        if opener:  # 'AP: Floodwater surrounds a building ...': the wire's name is the credit
            leading_credits.append(opener.group(1))
            joined = joined[opener.end() :]
    if "(" in joined[6:30]:
        dated_id = _ID_DATE_OPENER_RE.match(joined)
        if dated_id and _is_date_text(dated_id.group("date")):
            # 'iss071e414062 (Aug. 3, 2024) --- NASA astronaut ...': the picture's number and its
            # day over the caption (a space agency's layout)
            scan.page_ids.append(dated_id.group("id"))
            if "date" not in scan.fields:
                scan.add_field("date", dated_id.group("date"), _WIRE_DATE_RANK, 1_000_000, "picture date")
            joined = joined[dated_id.end() :]
    if joined[:1].isupper() or joined[:3] == "epa":
        wire_id = _WIRE_ID_OPENER_RE.match(joined)
        if wire_id:  # 'MAD01. MADRID, 3 may (EFE).- ...', 'epa01234567 A man ...': the wire's picture number
            scan.page_ids.append(wire_id.group(wire_id.lastindex))
            joined = joined[wire_id.end() :]
    if joined[:1].isalpha() and ("-" in joined[:16] or "_" in joined[:16]):
        stem = _GLUED_FILE_STEM_RE.match(joined)
        if stem:  # 'SZ-Photo-web-00022112Verweigerung des ...': an image file's name glued to the title
            joined = joined[stem.end() :]
    if joined[:1].isdigit():
        counter = (
            _NUMBERED_COUNTER_RE.match(joined)
            or _GLUED_COUNTER_RE.match(joined)
            or _BARE_COUNTER_RE.match(joined)
            or _slash_counter(joined)
        )
        if counter:  # a gallery's counter without its word: '1 of6 Aymara Indigenous women ...', '6Villanueva del ...'
            joined = joined[counter.end() :]
        else:
            numbered = _NUMBERED_DATELINE_RE.match(joined)
            if (
                numbered
                and _is_date_text(numbered.group("date"))
                # the words after the number a place ('3. Montréal, ...'), or a country in
                # parentheses after them ('2 Exampleville (Japon), ...'): no club or title ('1. FC
                # Exampleburg, 3. Mai 2021 | ...', '12 Angry Men, 3 May 1957 | ...')
                and (numbered.group("country") or _is_place(numbered.group("place")))
            ):
                joined = joined[
                    numbered.end() :
                ]  # a list's number before its dateline: '2 Exampleville, 2 mai 2019 | ...'
        leading = _LEADING_ID_RE.match(joined)
        if leading:  # '040621-N-6536T-062 USS Ronald Reagan ...': the picture's number, then its caption
            scan.page_ids.append(leading.group(1))
            joined = joined[leading.end() :]
        wire = LEADING_ID_CREDIT_RE.match(joined)
        if wire:  # '413104598 - Keystone-ATS/Jean-Christophe Bott - Personnel médical ...'
            scan.page_ids.append(wire.group("id"))
            leading_credits.append(wire.group("credit"))
            joined = joined[wire.end() :]
    archive_credit = archive_date = None
    if joined.startswith(AGENCY_STARTS):
        archive = LEADING_CREDIT_DATE_RE.match(joined)
        if archive:  # 'Zentralbild / Montage-Schulz 9.2.1962 Der Schutzpatron ...': the wire's credit and date
            archive_credit, archive_date = (
                archive.group("credit"),
                archive.group("date"),
            )
            joined = joined[archive.end() :]
    if joined[-3:] == "..." or joined[-1:] == "…":
        cut = _CUT_CREDIT_RE.search(joined, max(0, len(joined) - 20))
        if cut and _opens_credit(cut["stub"]):
            # a credit the page cut at a fixed length after the last sentence ('... in Augusta, Maine.
            # (A...'): no caption text, and the block is cut
            scan.cut_credit = joined[cut.start() :].strip()
            joined = joined[: cut.start()].rstrip()
    if " via " in joined[-80:]:
        through = VIA_NEWS_AGENCY_RE.fullmatch(joined.strip())
        if through:  # 'Foto: Stephan Weil (Archiv), via dts Nachrichtenagentur': the caption between
            joined = through.group("text")
    citation = read_citation(joined, _is_place, _is_date_text) if len(joined) > 20 else None
    if citation is not None and citation.caption != joined:
        # a library's citation around the caption: its holder, photographer or creator, its
        # reference and its date are the record's, not caption text
        joined = citation.caption
        leading_credits.extend(citation.credits)
        if citation.reference:
            scan.page_ids.insert(0, citation.reference)
    # Credits first: imago puts the photographer after the second language
    # ('Text *** English text Copyright: xNamex'), which the language cut would drop.
    opening = joined.strip()
    if opening[-2:] in _DANGLING_DASHES:
        opening = opening[:-2].rstrip()  # a gallery's separator left after the credit: '... Sergio Torres AP -'
    if opening[-3:-2] == ":" and opening[-1:].isdigit():
        stamp = _POST_STAMP_RE.search(opening, max(0, len(opening) - 24))
        if stamp:
            # a listing's post time closing the item ('... below zero. (XYZ/Jane Roe) 2024-03-03
            # 10:11:12 -'): the page's upload moment, no caption text and no date of the picture
            opening = opening[: stamp.start()].rstrip()
            if opening[-2:] in _DANGLING_DASHES:
                opening = opening[:-2].rstrip()
    segment = ct.strip_markers(opening)
    if "(" in opening[:140] and len(segment) < len(opening):
        scan.filed_dateline = DATELINE_AGENCY_RE.search(opening[:140]) is not None
    marker_date = None
    if len(segment) < len(opening) and opening.endswith(segment):
        # the day a marker names ('BILDER DES TAGES 18.1.2017: ...'): the picture's when the caption has none
        dated = _MARKER_DATE_RE.search(opening, 0, len(opening) - len(segment))
        marker_date = dated.group(0) if dated else None
    boilerplate_of = segment
    segment, wire_credits, wire_date = ct.strip_boilerplate(segment)
    prescribed = None
    if wire_credits and " must " in boilerplate_of and segment != boilerplate_of:
        # 'Credit must read: Jane Roe' in the caption: the wire's wording prescribes the credit
        # (SPEC: any mandatory-credit notice); its sentence goes with the notices
        start = len(os.path.commonprefix([boilerplate_of, segment]))
        end = boilerplate_of.find(wire_credits[0], start)
        prescribed = boilerplate_of[start : end + len(wire_credits[0])].strip() if end >= 0 else None
    leading_credits.extend(wire_credits)
    if wire_date and "date" not in scan.fields:
        scan.add_field("date", wire_date, _WIRE_DATE_RANK, 1_000_000, "picture date")
    segment, stock_reference = ct.strip_stock_reference(segment)
    segment, tail_notice = ct.cut_notice_tail(segment)
    segment, byline_credit = ct.cut_byline_run(segment)
    uncredited, inline_credits = ct.strip_credits(segment)
    if not inline_credits and "   " in segment:
        # a page flattened to text keeps the run of blanks between the figcaption and its credit
        # span ('... fixiert".    Bild: APA'): the credit, as with one blank
        collapsed = _BLANK_RUN_RE.sub(" ", segment)
        bare_uncredited, bare_credits = ct.strip_credits(collapsed)
        if bare_credits:
            segment, uncredited, inline_credits = collapsed, bare_uncredited, bare_credits
    if not inline_credits and not segment.isascii():
        # a pictograph between the caption's last word and a credit label ('Fans jubeln im
        # Stadion 🎉 Foto: Jana Roe/dpa'): the credit, as without the sign; a label that heads
        # no credit keeps its sign ('Schau dir das an 👉 Bild: die Brücke ...')
        bare = without_label_pictographs(segment)
        if bare != segment:
            bare_uncredited, bare_credits = ct.strip_credits(bare)
            if bare_credits:
                segment, uncredited, inline_credits = bare, bare_uncredited, bare_credits
    if not inline_credits and " | " in segment[-_BAR_CREDIT_REACH:]:
        # a bar between the caption's last sentence and its credit ('... Michael D. Higgins. |
        # Jane Roe/PA Images via Getty Images'): the credit, as without the bar
        at = segment.rfind(" | ")
        head = segment[:at].rstrip()
        if head[-1:] in _SENTENCE_ENDS:
            bare_uncredited, bare_credits = ct.strip_credits(head + " " + segment[at + 3 :].lstrip())
            if bare_credits and bare_uncredited.rstrip() == head:
                uncredited, inline_credits = bare_uncredited, bare_credits
    if not inline_credits and segment[-1:] == ")":
        labelled_agency = bare_label_agency_credit(segment)
        if labelled_agency:  # '... à Toulouse (Photo Lionel Exemple. AFP)'
            uncredited, inline_credits = segment[: labelled_agency.start()].rstrip(), [labelled_agency.group("credit")]
    if not inline_credits and " / " in segment[-200:]:
        slashed_tail = slash_tail_credit(segment)
        if slashed_tail:  # '... mit seinem Smartphone. Bundeskanzlei / Mediamatiker:innen des Bundesamtes'
            uncredited, inline_credits = segment[: slashed_tail.start()].rstrip(), [slashed_tail.group("credit")]
    if inline_credits and uncredited[-1:].isalpha():
        # '... à Namur Jane Roe ©Jane Roe': the name printed bare before its credit
        uncredited = ct.without_doubled_credit(uncredited, inline_credits)
    if not inline_credits and len(segment) > 40:
        # a lender's sentence closing the caption ('... lundi. Photo fournie par la Mairie de
        # Villeexemple.', '... on Monday. Photo submitted by Jane Roe.'): the credit
        stop = max(segment.rfind(". ", 0, len(segment) - 12), segment.rfind("! ", 0, len(segment) - 12))
        lender = lender_line(segment[stop + 2 :]) if stop > 20 else None
        if lender:
            uncredited, inline_credits = segment[: stop + 1], [lender]
    if segment.rstrip(" .!?")[-2:].isupper():
        # a wire's notices in capitals after its credit ('... via REUTERS. NO RESALES. NO
        # ARCHIVES.'): without them the credit closes the text (and a credit read with them in
        # it, 'REUTERS/Jane Roe NO RESALES', is read again without them)
        bare, capital_notices = ct.cut_capital_notices(segment)
        if capital_notices:
            bare_uncredited, bare_credits = ct.strip_credits(bare)
            if bare_credits:
                uncredited, inline_credits = bare_uncredited, bare_credits
                tail_notice = " ".join(filter(None, (tail_notice, *capital_notices)))
    if byline_credit:
        inline_credits.append(byline_credit)
    # a credit read from the caption's end says the text ran on past it: not cut off there
    credit_after = (bool(inline_credits) and segment.startswith(uncredited.rstrip())) or _credit_line_after(
        cleaned, caption_lines, scan.credit_lines
    )
    if uncredited[-1:].isalpha() and "." in uncredited[-90:]:
        uncredited = _without_glued_alt_text(uncredited, cleaned)
    segment = uncredited
    inline_credits = leading_credits + inline_credits + line_credits
    segment, noted_photographer = ct.cut_photographer_note(segment)
    if not noted_photographer:
        segment, noted_photographer = ct.cut_closing_photographer(segment)
    if noted_photographer:
        inline_credits.append(noted_photographer)
    segment, trailing_field = ct.cut_trailing_field(segment)
    if trailing_field and trailing_field[0] not in scan.fields:
        # '... with girdle. Date: 1935': a labelled field the page ran on after the caption
        name, label, value, rank = trailing_field
        scan.add_field(name, value, rank, 1_000_000, label)
    described = ct.cut_copyright_tail(segment)
    copyright_tail, segment = segment[len(described) :], described
    segment, source_tag = ct.cut_at_source_tag(segment)
    if source_tag:
        inline_credits.append(source_tag)
    credited = segment
    segment, photographer = ct.cut_at_photographer(segment)
    photographer_date = None
    if photographer:
        inline_credits.append(photographer)
        photographer_date = _date_after_name(credited[len(segment) :], photographer)
    segment, date_note = ct.cut_date_note(segment, _is_date_text)
    if not date_note:
        segment, name_note = ct.cut_name_note(segment, _is_place, _is_date_text)
        if name_note:
            inline_credits.append(name_note)
    date_note = date_note or photographer_date
    segment, prefix_language = ct.first_language_segment(segment)
    translated = ""  # a date the translation alone states is still the caption's date
    if prefix_language is None:
        whole = segment
        segment = ct.cut_second_language(segment)
        if segment is not whole:
            translated = whole
    segment = ct.strip_markers(segment.strip())
    segment, caption_notices = ct.strip_notices(segment)
    if prescribed and "mandatory_credit" in caveats_in(fold(prescribed)):
        caption_notices.append(prescribed)
    if tail_notice:
        caption_notices.append(tail_notice)
    record.caption = ct.unquoted(ct.undoubled(ct.unbracketed(ct.normalize_space(segment).strip(" -–—|"))))
    if not credit_after and record.caption[-1:] in ".…" and record.caption.endswith(("...", "…")):
        credit_after = _ran_on_past_ellipsis(opening, record.caption)
    restriction_lines.extend(caption_notices)

    # --- language ----------------------------------------------------------------------
    record.language = _language(scan, record.caption, prefix_language, inline_credits)

    # --- caveats and embargo ---------------------------------------------------------------
    tags = set(scan.notice_tags)
    for notice in caption_notices:
        tags |= caveats_in(fold(notice))
    for item in scan.fields.get("releases", ()):
        if is_negative_release(fold(item.value)) and "property" not in item.label:
            tags.add("no_model_release")
    embargo_texts = [item.value for item in scan.fields.get("embargo", ()) if item.value]
    if embargo_texts:
        tags.add("embargo")
    embargo_texts += [line for line in restriction_lines if "embargo" in caveats_in(fold(line))]
    for embargo_text in embargo_texts:
        try:
            moment = parse_embargo(
                embargo_text,
                parse_date=dates.parse_date,
                language=record.language,
                today=today,
            )
        except (ValueError, OverflowError):
            moment = None
        if moment is not None:
            record.embargo_until = moment
            break
    record.caveats = sorted(tags & CAVEAT_CODES)
    record.restriction_text = "\n".join(dict.fromkeys(line.strip() for line in restriction_lines if line.strip()))

    # --- credit, creator, copyright, keywords ------------------------------------------------
    side_titles = []
    labelled = []
    for line in scan.credit_lines + scan.notices:
        dated_credit = _agency_dated_line(line) if " / " in line else None
        if dated_credit:
            # a picture page's agency and day on a line of their own ('Reuters / Wednesday,
            # March 31, 2021'): the credit, and the day when the caption has none
            inline_credits.append(dated_credit[0])
            side_titles.append(dated_credit[1])
            continue
        found = ct.credits_in_line(line[:1000])
        if found and line in scan.credit_lines and LABELLED_CREDIT_LINE_RE.match(line):
            labelled.extend(found)
        else:
            inline_credits.extend(found)
    if labelled and inline_credits:
        # the same credit in the caption, in the wire's own form (the agency first: '(AP
        # Photo/Jane Roe)', 'EFE/ Ana Ruiz'), and on the page's labelled line in another order
        # ('Photo: Jane Roe/AP', 'Foto: EFE - Ana Ruiz'): one credit, as the wire states it. A
        # page's own form in the caption ('(Ana ROE / AFP)') gives way to its field ('Foto: AFP -
        # Ana Roe'), and so does any other credit (SPEC: a field wins)
        stated = {_credit_words(credit) for credit in inline_credits if _WIRE_FORM_RE.match(credit)}
        labelled = [credit for credit in labelled if _credit_words(credit) not in stated]
    if labelled:
        # a credit line under its label on a line of its own ('Foto: AFP - Jane Roe' under '...
        # (Jane ROE / AFP)'): the page's credit field, which wins over the caption's own (SPEC)
        inline_credits[0:0] = labelled
    if archive_credit:
        inline_credits.append(archive_credit)  # after the page's own credit lines: the archive's credit wins
    # A title line beside the caption with its year and holder: 'Männer beim Fingerhakeln,
    # 1983 © Werek' (picture libraries): its credit, and its date when the caption has none.
    for paragraph in scan.paragraphs[:40]:
        for line in paragraph:
            if line in caption_lines:
                continue
            cited = side_citation(line, _is_date_text) if "): " in line[:150] else None
            if cited:
                # the catalogue's citation of the picture: its creator and date; its title is
                # the caption when the page's title lost its punctuation ('_Karstadt_')
                inline_credits.append(cited[0])
                side_titles.insert(0, cited[2])
                if same_words(cited[1], record.caption):
                    record.caption = cited[1]
                continue
            if len(line) > 200:
                continue
            role = _role_credit(line) if ", " in line else None
            if role:
                # 'Nîmes, Jean Exemple, photographe – éditeur': the photographer a postcard or a
                # catalogue names before the trade
                inline_credits.append(role)
                continue
            dated_credit = _agency_dated_line(line) if len(paragraph) == 1 and " / " in line else None
            if dated_credit:  # 'AFP / 8 October 2019' as its own paragraph
                inline_credits.append(dated_credit[0])
                side_titles.append(dated_credit[1])
                continue
            side = _SIDE_CREDIT_RE.match(line.strip()) if "©" in line else None
            if len(paragraph) == 1 and (
                _PAGE_ID_RE.fullmatch(line.strip()) or (scan.catalogue or scan.value_list) and _value_kind(line) == "id"
            ):
                # an id alone at the foot of a page: 'MC3155025'; in a catalogue record, its
                # reference alone among the unlabelled values ('Sou.4.121.1')
                scan.page_ids.append(line.strip())
            elif (
                (len(line) <= 30 or (len(line) <= 48 and len(dates.without_weekday(line)) <= 30))
                and has_digit(line)
                and _parse_date(line.strip(), None)
                and not _POST_STAMP_RE.search(line.rstrip())
            ):
                # 'Hacia 1900' on its own line: the date when the caption has none (its weekday
                # counts for nothing: 'vintage print, Friday, May 22, 1914', 'miércoles, 14 de
                # septiembre de 2022'; a gallery's post stamp under its headline, 'Example Daily
                # 2023-09-27 09:52', is an upload date: none)
                side_titles.append(line)
            if side:
                inline_credits.append(side.group("credit"))
                side_titles.append(side.group("title"))
            elif len(paragraph) == 1 and ct.may_hold_credit(line):
                # a line of its own after the caption: '7. Dezember, Bundeshaus, Bern. Keystone /
                # Peter Clonzer' gives the credit, and the place when the caption names none
                # (a line in parentheses is read as if a sentence closed before it: '(U.S. Navy
                # photo by Jane Roe)' is the whole credit, not 'Navy photo by ...' after 'U.S.')
                # (and so is a line opening with an initial: 'F.D. Walker/ EyeEm' is one name)
                opened = line[:1] == "(" or line[1:2] == "." and line[:1].isupper()
                rest, found = ct.strip_credits(". " + line.strip() if opened else line.strip())
                rest = rest.removeprefix(".").strip() if opened else rest
                if found:
                    inline_credits.extend(found)
                    side_titles.append(rest)
                    scan.side_places.append(rest)
                elif line[:1] == "(" and courtesy_line(line):
                    # '(From the collection of Jane Roe)' under the caption: the holder
                    inline_credits.append(courtesy_line(line))
                elif line[:1] == "(" and ct.closing_note(line, _is_place, _is_date_text)[1]:
                    # '(Historische Ansichtskarte - N.A.)' under the caption: its source
                    inline_credits.append(ct.closing_note(line, _is_place, _is_date_text)[1])
                elif len(line) <= 80 and ("/" in line or "|" in line):
                    # a credit alone on its line, as it would close a sentence: 'SEDAT SUNA/EPA-EFE/Shutterstock'
                    rest, found = ct.strip_credits(". " + line.strip())
                    if found and not rest.strip(" ."):
                        inline_credits.extend(found)
            elif (
                len(paragraph) > 1
                and (line is paragraph[-1] or line is paragraph[0])
                and len(line) <= 80
                and ("/" in line or "|" in line)
            ):
                # (or on the first line, over the caption: 'Jane Roe / AFP' / 'Un homme ...')
                # a credit alone on the last line of a paragraph of text under the caption ('Le
                # souverain pontife ... al-Sistani.' / 'Jane Roe / AFP'): the picture's credit
                rest, found = ct.strip_credits(". " + line.strip())
                if found and not rest.strip(" ."):
                    inline_credits.extend(found)
    credit_date = _credits(record, scan, inline_credits)
    if (
        record.credit
        and record.caption
        and (f"[{record.credit}] " in record.caption[:200] or f"({record.credit}) " in record.caption[:200])
    ):
        record.caption = _without_credited_title(record.caption, record.credit)
    if record.credit and record.caption and (", " in record.caption[-80:] or " – " in record.caption[-80:]):
        bylined = record.caption
        record.caption = _without_byline(record.caption, record.credit)
        # (the photographer's name after it says the text ran on: '... contraintes… – Jane Roe')
        credit_after = credit_after or record.caption != bylined
    if credit_date:
        side_titles.append(
            credit_date
        )  # 'Photo by National Photo Co., 1929 March 29': the date when the caption has none
    keywords = scan.best("keywords")
    if keywords:
        record.keywords = [word.strip() for word in _KEYWORD_SPLIT_RE.split(keywords.value[:5000]) if word.strip()][
            :200
        ]

    # --- identity ------------------------------------------------------------------------
    _identity(record, scan, inline_credits)
    if record.source_id is None and stock_reference:
        record.source_id = stock_reference
    if record.source_id is None and record.caption and contains_any(record.caption[:400], _MEDIA_NUMBER_CUES):
        # 'The photograph with the media number 06485243 shows ...': the library's own number
        media_number = _MEDIA_NUMBER_RE.search(fold(record.caption[:400]))
        if media_number:
            record.source_id = media_number.group("id")
    probed = (
        ()
        if record.source_id is not None
        else [at for probe in ARCHIVE_REFERENCE_PROBES if (at := cleaned.find(probe)) >= 0]
    )
    if probed:
        # an archive's own reference, wherever the block states it ('Bundesarchiv, Bild
        # 183-H28061 / CC-BY-SA 3.0', '..., LC-B2-2189-6, http://hdl...'); a match holds its
        # probe, so it starts no further before the first probe than the pattern's reach
        start = max(0, min(probed) - ARCHIVE_REFERENCE_REACH) if ARCHIVE_REFERENCE_REACH is not None else 0
        reference = ARCHIVE_REFERENCE_RE.search(cleaned[:20_000], start)
        if reference:
            record.source_id = reference.group(0)

    # --- sizes ---------------------------------------------------------------------------
    _sizes(record, scan)

    # --- date ----------------------------------------------------------------------------
    if citation is not None and citation.date_text:
        side_titles.insert(0, citation.date_text)
    if archive_date:
        side_titles.insert(0, archive_date)
    if date_note:
        side_titles.insert(0, date_note)
    if marker_date:
        side_titles.append(marker_date)
    if scan.closing_dateline:
        side_titles.append(scan.closing_dateline)
    if scan.place_line:
        side_titles.append(scan.place_line[1])
    if story_line:
        side_titles.append(story_line)
    if date_line:
        side_titles.append(date_line)
    if scan.post_date:
        side_titles.append(scan.post_date)
    # (a date the copyright sentence alone states, 'Copyright 1906', is still the text's date)
    _date(record, scan, today, translated or copyright_tail, side_titles, date_note)

    # --- place ---------------------------------------------------------------------------
    _place_before_date(scan)
    fill_place(record, scan)

    # --- truncation --------------------------------------------------------------------
    _truncation(record, scan, credit_after)

    record.problems = sorted(problems)
    return record


# A few words glued to the caption's last full stop, no stop of their own, before the credit the
# caption closed on ('... le 16 mars 2017.Jane Roe et Ana Ruiz Photo : Reuters / Jean Exemple'):
# the picture's alt text the page ran on, no caption text
_GLUED_ALT_TEXT_RE = lazy_compile(r"(?<=[a-zà-ÿĀ-ɏ0-9)][.!?])(?P<tail>[A-ZÀ-ÝĀ-ɏ][^.!?\n]{2,80})$")
_GLUED_ALT_TEXT_WORDS = 8
# ... and only names: capitalised words, name joiners between them ('Jane Roe et Ana Ruiz'), no
# sentence ('2021.The mayor waves to the crowd')
_GLUED_NAMES_RE = lazy_compile(r"[A-ZÀ-ÝĀ-ɏ][\w'’.\-]*(?:,?\s+(?:" + NAME_JOINER + r"\s+)?[A-ZÀ-ÝĀ-ɏ][\w'’.\-]*)*")
# the word before the stop the words are glued to: three letters or more, so no abbreviation's
# stop ('von St.Gallen', 'Dr.Roe', 'Nr.Fünf')
_WORD_BEFORE_STOP_RE = lazy_compile(r"(\w{3,})\W*$")


# A page's link text after a preview cut short ('... fought to...more', '... Show More'): the
# cut's own, no text that ran on (credit_patterns.json link_labels)
_LINK_TEXTS = ("more", *(fold(label) for label in load_data("credit_patterns.json")["link_labels"]))
_RAN_ON_TAIL = 30


def _ran_on_past_ellipsis(opening: str, caption: str) -> bool:
    """Did the caption's text run on past the ellipsis closing the caption, with what an agency or
    a page prints after a caption: a title's suffix, a reference token, a notice ('... veillent
    au grain… Stock Photo', '... contraintes… PUBLICATIONxINxGERxSUIxAUTxONLY', '... grain…
    EDITORIAL USE ONLY')? Then the ellipsis is the writer's, as before a credit (looks_cut_off's
    `credit_after`); a page's link text after it ('... fought to...more') is the preview's."""
    tail = caption[-_RAN_ON_TAIL:]
    whole = ct.normalize_space(opening)
    at = whole.rfind(tail)
    if at < 0:
        return False
    after = fold(whole[at + len(tail) :].strip(" .…/|"))
    if not after:
        return False
    return not any(after.startswith(link) or link.startswith(after) for link in _LINK_TEXTS)


_BAR_CREDIT_REACH = 160  # characters from the end: a bar before a credit line


def _without_glued_alt_text(text: str, cleaned: str) -> str:
    glued = _GLUED_ALT_TEXT_RE.search(text, max(0, len(text) - 90))
    if glued is None or len(glued.group("tail").split()) > _GLUED_ALT_TEXT_WORDS:
        return text
    if not _GLUED_NAMES_RE.fullmatch(glued.group("tail").strip()):
        return text
    if not _WORD_BEFORE_STOP_RE.search(text, max(0, glued.start() - 40), glued.start() - 1):
        return text
    # (the block goes on with a credit's label right after the words: the credit they stood before)
    tail = glued.group("tail")
    at = cleaned.find(text[max(0, glued.start() - 20) : glued.end()])
    after = cleaned[at + len(tail) + min(20, glued.start()) :][:60].lstrip() if at >= 0 else ""
    if not LABELLED_CREDIT_LINE_RE.match(after):
        return text
    return text[: glued.start()]


def _without_title_lines(lines: list[str], scan: BlockScan, cleaned: str) -> list[str]:
    """The caption's lines without what the page prints over or inside it: a wire desk's tag
    ('BRITAIN-US-ENT-MUSIC-JACKSON'), a file's title opening with the archive's reference
    ('Bundesarchiv Bild 183-90413-0001, Berlin, Ernst Lemmer, Fotomontage': its places still
    count) and a collection's standing note ('Det tyska riksarkivet (Bundesarchiv) använder
    ofta ...')."""
    first = lines[0].strip()
    if ct.DESK_TAG_RE.fullmatch(first):
        lines = lines[1:]
    elif any(probe in first[:80] for probe in ARCHIVE_REFERENCE_PROBES):
        reference = ARCHIVE_REFERENCE_RE.search(first[:80])
        if (
            reference
            and first[reference.end() : reference.end() + 2] == ", "
            and len(first[: reference.start()].split()) <= 3
            and ". " not in first[reference.end() :]
        ):
            scan.side_places.append(first[reference.end() + 2 :])
            lines = lines[1:]
    if len(lines) > 1 and any(line.lstrip()[:4].casefold() in _PAGE_NOTE_STARTS for line in lines):
        lines = [line for line in lines if not fold(line[:80].strip()).startswith(PAGE_NOTES)]
    return lines


_PAGE_NOTE_STARTS = frozenset(note[:4] for note in PAGE_NOTES)
# A title line, then the photographer and the agency after commas, a table's bar closing it or
# not: 'A woman holds her niece, Jane Roe, Reuters |' (World Press Photo's winners as pages list them)
_TITLE_CREDIT_LIMIT = 300
_TITLE_CREDIT_RE = lazy_compile(
    r"(?P<title>[^\s|.!?][^|\n]{2,200}?[^\s.!?:;,]),\s(?P<credit>(?:"
    + PERSON_NAME
    + r"|"
    + PERSON_NAME_CAPS
    + r"),\s(?:"
    + "|".join(re.escape(name) for name in AGENCIES)
    + r"))\s{0,2}\|?"
)


_SENTENCE_ENDS = frozenset('.!?"”»…)')


def _without_line_credits(lines: list[str]) -> tuple[list[str], list[str]]:
    """A labelled credit closing a line inside the caption, after the line's last sentence, the
    next line opening a sentence of its own ('Der Marktplatz, um 1960. Foto: Jane Roe / Archiv' /
    'Der Blick geht ...'): the credit, not caption text (one closing the caption's last line is
    read with the caption's end)."""
    kept, credits = [], []
    for line, following in zip(lines, lines[1:], strict=False):
        if ":" in line and following.lstrip()[:1].isupper() and may_hold_credit(line):
            rest, found = ct.strip_credits(line.rstrip())
            cut = line.rstrip()[len(rest) :].strip()
            if (
                found
                and rest
                and rest[-1] in '.!?"”»)'
                and line.startswith(rest)
                and LABELLED_CREDIT_LINE_RE.match(cut)
            ):
                kept.append(rest)
                credits.extend(found)
                continue
        kept.append(line)
    kept.append(lines[-1])
    return kept, credits


def _credit_line_after(cleaned: str, caption_lines: list[str], credit_lines: list[str]) -> bool:
    """Does a credit line follow the caption's last line in the block ('... la próxima semana' /
    'Fotografía: Andrew Matthews / PA')?"""
    if not credit_lines or not caption_lines:
        return False
    last = caption_lines[-1].strip()
    end = cleaned.find(last) if last else -1
    if end < 0:
        return False
    end += len(last)
    return any(cleaned.find(line.strip(), end) >= 0 for line in credit_lines[:5] if line.strip())


def _names_credit(line: str, credit_lines: list[str]) -> bool:
    """Is a short line a name that opens one of the block's credit lines?"""
    if not line or len(line) > 60 or has_digit(line) or line[-1:] in ".!?:":
        return False
    for credit_line in credit_lines:
        credit = clean_credit(credit_line[:300])[0]
        if credit and credit.startswith(line) and credit[len(line) : len(line) + 1] in ("", " ", "/", ",", "|"):
            return True
    return False


def _is_story_line(line: str) -> bool:
    """'Event, Place, Country - 29 Jan 2017': an event and its place, separated by commas, then
    a dash and a date alone; no sentence."""
    if len(line) > 200 or " - " not in line[-40:]:
        return False
    head, _, tail = line.rpartition(" - ")
    if "," not in head or head.rstrip()[-1:] in ".!?:" or len(tail) > 30 or not has_digit(tail):
        return False
    parsed = _parse_date(tail.strip(), None)
    return parsed is not None and parsed.precision == "day"


def _is_date_text(text: str) -> bool:
    parsed = _parse_date(text.strip()[:60], None)
    return parsed is not None and parsed.start is not None


def _caption_lines(scan: BlockScan) -> tuple[list[str], str | None]:
    headline_field = scan.best("headline")
    headline = headline_field.value.strip() or None if headline_field else None
    if headline and " " not in headline and has_digit(headline):
        headline = None  # Getty and Alamy put their image number in 'Object name'; not a title
    paragraphs = _without_previews(scan)
    caption_field = scan.best("caption")
    record = scan.catalogue or _museum_record(scan)
    if caption_field and caption_field.value.strip():
        description = caption_field.value
        if headline and (scan.catalogue or record or _extends_title(description, headline)):
            # A record's title over its note: the note describes the collection or the
            # object, or says the title again at length ('Pea pickers from Vermont - 6 weeks
            # earnings ... The men are working ...'); the title is the caption.
            return [headline], None
        return description.split("\n"), headline
    if headline and record:
        # A catalogue record's title describes the picture; its other prose describes the
        # object (support, technique, provenance).
        return [headline], None
    if record:
        title = _title_over_note(paragraphs)
        if title is not None:
            return [title], None
    if headline and not any(paragraphs) and (len(scan.fields) >= _RECORD_FIELDS or scan.data_record):
        # a record of several fields and no prose: its title is all it says of the picture
        # (a headline and keywords alone are no record: their caption stays empty), as in an
        # API's or a tool's record of data (JSON, XMP, an exiftool dump) without a description
        return [headline], None
    values = _value_list(paragraphs, scan)
    if values is not None:
        scan.value_list = True
        return values, headline
    for index in sorted(scan.described):
        if index < len(paragraphs) and paragraphs[index]:
            return paragraphs[index], headline
    prose = [p for p in paragraphs if p]
    if prose and prose[0][0][:1].isalnum() and " " in prose[0][0]:
        opened = _without_record_id(prose[0][0], scan)
        if opened:  # 'ab_12345 [1956] Title'
            prose = [[opened, *prose[0][1:]], *prose[1:]]
        elif opened == "" and (len(prose[0]) > 1 or len(prose) > 1):  # 'XY_154_028 - Fotografie (um 1900)'
            prose = [prose[0][1:], *prose[1:]] if len(prose[0]) > 1 else prose[1:]
    if prose and (len(prose[0]) > 1 or len(prose) > 1) and "," in prose[0][0][:40]:
        held = _ID_HOLDER_LINE_RE.fullmatch(prose[0][0].strip())
        if held and _holder_line(held["holder"]):
            # a picture's number and its holder over the caption ('12345, Example City Library'), as a
            # library's image page prints its alternative text: the id and the credit, no caption
            scan.page_ids.append(held["id"])
            scan.collections.append(held["holder"])
            prose = [prose[0][1:], *prose[1:]] if len(prose[0]) > 1 else prose[1:]
    post_line = prose[0][0] if len(prose) > 1 and len(prose[0]) == 1 and dates.weekday_date(prose[0][0]) else None
    if len(prose) > 1 and len(prose[0]) == 1 and _BARE_NUMBER_RE.fullmatch(prose[0][0].strip()):
        # a catalogue page's inventory number alone over the record ('5686'): no title
        scan.page_ids.append(prose[0][0].strip())
        prose = prose[1:]
    if len(prose) > 2 and len(prose[0]) == 1 and len(prose[1]) == 1 and _LIFE_DATES_RE.fullmatch(prose[1][0].strip()):
        # A catalogue page that opens with its photographer and their life dates ('Sánchez
        # Portela, Alfonso' / 'Madrid, 1902 - 1990') before the title: the photographer
        author = prose[0][0].strip()
        if len(author) <= 60 and not has_digit(author):
            scan.add_field("creator", author, 9, 0, "author heading")
            prose = prose[2:]
    if len(prose) > 2 and len(prose[0]) == 1 and _is_capitals_name(prose[1]):
        # a photographer's name in capitals alone between the title and the text ('Macetas en
        # la plaza' / 'ANA EJEMPLO' / 'La plaza amaneció ...'), as Spanish papers print it under
        # the picture: the credit when nothing else names one
        scan.collections.append(prose[1][0].strip())
    if len(prose) > 1:
        # A wire slug between title and caption ('CHINA-XINJIANG-COTTON PICKERS-SPECIAL TRAIN
        # (CN)'): one line in capitals, no sentence; never the caption when prose follows.
        prose = [p for index, p in enumerate(prose) if index == len(prose) - 1 or not ct.is_slug(p)]
    if len(prose) > 1:
        prose = _without_alt_text(prose)
    if scan.picture_caption is not None and len(prose) > 1:
        under = next((index for index, p in enumerate(prose) if p[0] == scan.picture_caption), -1)
        if under > 0:
            # the paragraph under the picture's loading placeholder is its caption; the page's
            # headline and lead stand above it ('Bergfest auf der Rigi' / 'Beim Fest ...' /
            # 'Bild wird geladen' / 'Jane Roe kümmert sich ... (Bild: ...)')
            return prose[under], headline or (prose[0][0] if len(prose[0]) == 1 else None)
    if (
        len(prose) > 1
        and prose[0][0] is scan.over_size
        and len(prose[0]) <= _OVER_SIZE_LINES
        # (a place or a dateline alone over the size line is no caption: 'Lisbon, Portugal',
        # 'Paris, France - 4 April 2019'; and one sentence after the fields is the caption, not
        # an article: the article runs on)
        and not (len(prose[0]) == 1 and _is_place_or_dateline(prose[0][0]))
        and sum(len(line) for paragraph in prose[1:] for line in paragraph) >= _ARTICLE_CHARS
    ):
        # the paragraph right over a pasted size line is the picture's caption, however short
        # ('Jewish New Year on the East Side' / '3000 x 2000 px | ... | 300dpi' / 'Date taken:'
        # ...): prose after the page's fields is the article it illustrates, and the caption no
        # heading over it (SPEC sample 000)
        return prose[0], headline
    found_headline, lines, at = ct.split_headline(prose)
    if post_line is not None and at == 0 and lines and lines[0] is post_line and len(prose) > 1:
        # a blog's post date over the post ('Wednesday, January 2, 2008', 'vendredi 13 février
        # 2009') is no caption: the post below is; it dates the picture only when nothing else
        # does (SPEC: upload dates are ignored)
        scan.post_date = post_line.strip()
        prose = prose[1:]
        found_headline, lines, at = ct.split_headline(prose)
    elif post_line is not None and found_headline is post_line:
        scan.post_date = post_line.strip()  # (not a dateline heading: 'Donnerstag' names no place)
        found_headline = None
    if lines and 0 <= at < len(prose) - 1:
        lines = lines + _description_goes_on(prose, at, scan)
    if lines and 0 <= at == len(prose) - 2 and len(prose[-1]) == 1 and closing_place_line(prose[-1][0]):
        # the place alone in the block's last paragraph ('...' / '' / 'Sassnitz, Germany'): as
        # on the caption's last line
        lines = [*lines, prose[-1][0]]
    elif lines and 0 <= at == len(prose) - 2 and len(prose[-1]) == 1 and _credit_paragraph(lines[-1], prose[-1][0]):
        # the credit alone in the block's last paragraph, a blank line under the caption ('...
        # Hugo Boss.' / '' / 'GTRES'): read as it is on the caption's last line
        lines = [*lines, prose[-1][0]]
    if found_headline and lines and found_headline is prose[0][0] and _is_dateline_heading(found_headline):
        # 'Kingfisher, OK 8-19-07' over the caption: its dateline on a line of its own, not a
        # title (SPEC: a dateline at the caption's start stays)
        return [found_headline, *lines], headline
    if found_headline and lines and not ct.is_keyword_line(found_headline):
        # a heading over the picture's description: its place counts when the description
        # names none ('Exampletown, Dorfkern (ca. 1930)' / 'Dieses Luftbild zeigt ...'); a page's
        # keywords are no heading ('Exampletown, Zugunglück, Regionalbahn')
        scan.side_places.append(_from_first_place(found_headline))
    return lines or [], headline or found_headline


_OVER_SIZE_LINES = 3  # lines of a caption over its size line (more is a text of its own)
_ARTICLE_CHARS = 120  # prose after a page's fields this long is an article; one short sentence is the caption


def _is_place_or_dateline(line: str) -> bool:
    """A line that is only a place, perhaps with a date ('Lisbon, Portugal', 'Paris, France - 4
    April 2019', 'Hamburg, Deutschland')."""
    head = re.split(r"\s[-–—]\s", line, maxsplit=1)[0]
    return bool(closing_place_line(line) or closing_place_line(head))


def _from_first_place(heading: str) -> str:
    """A heading from its first part between commas that is a place: 'With Jane Roe, New York,
    1998' is read 'New York, 1998' (its first part is no town); the heading as it is when none is."""
    if ", " not in heading:
        return heading
    parts = heading.split(", ")
    for index, part in enumerate(parts[:4]):
        if _is_place(part):
            return ", ".join(parts[index:])
    return heading


_CAPITALS_NAME_WORD_RE = lazy_compile(r"[A-ZÀ-ÝĀ-ɏ][A-ZÀ-ÝĀ-ɏ'’\-]{1,25}|[A-ZÀ-ÝĀ-ɏ]\.")


def _is_capitals_name(paragraph: list[str]) -> bool:
    """'ANA EJEMPLO', 'JUAN DE LA ROE': a line of its own of two to four words in capitals (a
    particle between them), no digit, no place, no agency, no wire slug's hyphens, no heading's
    words ('EN DIRECT': a stopword; 'VIDEO', 'GALERIE': note words)."""
    if len(paragraph) != 1:
        return False
    line = paragraph[0].strip()
    words = line.split()
    if not 2 <= len(words) <= 4 or len(line) > 50 or "-" in line.replace("-", "", 1) or line in AGENCY_LINES:
        return False
    if not all(_CAPITALS_NAME_WORD_RE.fullmatch(word) or word in NAME_PARTICLES_CAPS for word in words):
        return False
    if words[0] in NAME_PARTICLES_CAPS or words[-1] in NAME_PARTICLES_CAPS:
        return False
    named = " ".join(word for word in words if word not in NAME_PARTICLES_CAPS).casefold()
    if ct.stopword_votes(named) or any(fold(word) in ct.NOT_NAMES for word in words):
        return False  # a heading: 'EN DIRECT', 'LIVE VIDEO'
    return not _is_place(line)


def _credit_paragraph(last: str, line: str) -> bool:
    """Is `line` (a paragraph of one short line) a credit where it follows the caption's last line
    on a line of its own: the credit patterns read all of it as the credit?"""
    line = line.strip()
    if len(line) > 40 or len(line.split()) > 4:
        return False
    uncredited, credits = ct.strip_credits(f"{last.rstrip()}\n{line}")
    return bool(credits) and uncredited.rstrip() == last.rstrip()


_DESCRIPTION_LIMIT = 3000  # characters: a picture's description in several paragraphs, not an article


def _description_goes_on(prose: list[list[str]], at: int, scan: BlockScan) -> list[str]:
    """The paragraphs after the caption's first that go on describing the picture: a museum's or
    a blog's description in several paragraphs, each following the one before with only blank
    lines between (a size line, a label or a credit line between them ends the caption: what
    comes after the block's fields is the article it illustrates) and each of whole sentences."""
    more: list[str] = []
    length = sum(len(line) for line in prose[at])
    for paragraph in prose[at + 1 :]:
        if id(paragraph) not in scan.continued:
            break
        text = " ".join(paragraph)
        length += len(text)
        if len(paragraph) > 1 and not _is_sentence_paragraph(text) and _is_credit_alone(paragraph[-1]):
            # the picture's credit on the paragraph's last line ('... al-Sistani.' / 'Jane Roe /
            # AFP'): the paragraph is judged by its text, the credit read at the caption's end
            text = " ".join(paragraph[:-1])
        if length > _DESCRIPTION_LIMIT or not _is_sentence_paragraph(text) or _about_the_document(text):
            break
        more.extend(paragraph)
    first = " ".join(prose[at])
    if more and len(first.split()) < 12 and not _describes_a_picture(" ".join((first, *more))):
        return []  # an article after its one-line caption ('Temperatures fell to minus 30 ...')
    if more:
        scan.continuation = more[0].strip()
    return more


def _is_credit_alone(line: str) -> bool:
    """A line that is a credit and nothing else ('Jane Roe / AFP', 'Foto: Erna Beispiel')."""
    if len(line) > 80:
        return False
    rest, found = ct.strip_credits(". " + line.strip())
    return bool(found) and not rest.strip(" .")


def _describes_a_picture(text: str) -> bool:
    words = _WORDS_RE.findall(fold(text))
    return not DESCRIPTION_WORDS.isdisjoint(words) or not DESCRIPTION_WORDS.isdisjoint(
        f"{a} {b}" for a, b in zip(words, words[1:], strict=False)
    )


def caption_head(caption: str, scan: BlockScan) -> str:
    """The caption before the paragraphs its description goes on in, where it goes on: the
    picture's own date and place are in its first paragraph, the rest tells its story ('the
    church completed in 1910', 'the trees planted in 1899')."""
    if scan.continuation and caption:
        at = caption.find(scan.continuation[:60])
        if at > 0:
            return caption[:at].rstrip()
    return caption


def _is_sentence_paragraph(text: str) -> bool:
    # (a quotation may open it: '"Die so entstandene Zone ...", hieß es damals.')
    return len(text.split()) >= 6 and text.rstrip()[-1:] in '.!?…"”»)' and text.lstrip("\"„“«‘' ")[:1].isupper()


_WORDS_RE = lazy_compile(r"[^\W\d_]+")
_LIFE_SPAN_RE = lazy_compile(r"\((?:\d{4}|\?)\s?[-–]\s?(?:\d{4}|\?)?\)")


def _about_the_document(text: str) -> bool:
    """A paragraph about the document, its collection or its photographer's life rather than
    the picture: its first sentence names a collection, an archive, a digitisation
    ('Le document est issu de la collection numérisée ...'), or a life span ('Der Berliner
    Pressefotograf Georg Pahl (1900-1963) machte sich ...')."""
    first = text[: text.find(". ") + 1 or 300]
    if _LIFE_SPAN_RE.search(first):
        return True
    words = _WORDS_RE.findall(fold(first))
    pairs = {f"{a} {b}" for a, b in zip(words, words[1:], strict=False)}
    return not PROVENANCE_WORDS.isdisjoint(words) or not PROVENANCE_WORDS.isdisjoint(pairs)


def _without_alt_text(prose: list[list[str]]) -> list[list[str]]:
    """A page's alt text over its caption ('Les deux hommes marchent sur le tarmac d'un
    aéroport, chacun portant un parapluie.' / 'Rencontre entre le président de la Chine, Xi
    Jinping, et ... le 7 mai 2024.' / 'Photo : ...'): one plain sentence that names no one,
    no place and no date, then the caption (after a title line or not) as the last paragraph,
    longer and naming someone, somewhere or a date, or the same words again: the caption is
    the last one."""
    first = prose[0]
    if len(first) != 1 or not ct.is_alt_text(ct.without_trailing_links(first[0].strip())):
        return prose
    at = 1
    if len(prose) == 3 and len(prose[1]) == 1 and ct.looks_like_title(prose[1][0].strip()):
        at = 2  # a title line between them ('Machine Gun Training'): split_headline's headline
    if at != len(prose) - 1:
        return prose  # the caption is the last paragraph: more after it reads as an article
    alt = ct.without_trailing_links(first[0].strip())
    candidate = " ".join(line.strip() for line in prose[at])
    if len(candidate) > ct.ARTICLE_PARAGRAPH:
        return prose
    if same_words(alt, candidate) or (len(candidate) > len(alt) and ct.names_or_dates(candidate)):
        return prose[1:]
    return prose


_DANGLING_DASHES = frozenset([" -", " –", " —"])
# A short head and a dash opening the text: 'Bischof Jan Roe   -  Der Bischof Jan Roe spricht ...'
_DASHED_HEAD_RE = lazy_compile(r"(?P<head>[^\n.!?:;,\-–—]{3,60}?)\s{1,12}[-–—]\s{1,3}(?=[A-ZÀ-ÝĀ-ɏ])")


def _repeated_by(line: str, following: str) -> bool:
    """Is a short line without a stop (two to eight words) repeated word for word in the first
    sentence of the longer line under it?"""
    line = line.strip()
    words = line.casefold().split()
    if not 2 <= len(words) <= 8 or line[-1:] in ".!?:;," or len(following) <= len(line) + 20:
        return False
    stop = _sentence_stop(following, default=len(following))
    return " ".join(words) in " ".join(following[:stop].casefold().split())


def _without_repeated_head(text: str) -> str:
    """The text without a page's alt title over its caption when the caption's first sentence
    repeats every word of it: 'Bischof Jan Roe   -  Der Bischof Jan Roe spricht ...' (a dateline or
    a place before the dash is no repeated title: 'Berlin - In Berlin ...' has one word)."""
    head = _DASHED_HEAD_RE.match(text)
    if not head:
        return text
    words = head.group("head").casefold().split()
    rest = text[head.end() :]
    stop = _sentence_stop(rest, default=len(rest))
    sentence = set(re.findall(r"\w+", rest[:stop].casefold()))
    if len(words) >= 2 and all(word in sentence for word in words):
        return rest
    return text


_GLUED_HEAD_STOP_RE = lazy_compile(r'[\d.,;:!?()\[\]{}"«»“”„/|©@#+*=&<>–—\n]')
_GLUED_HEAD_REACH = 160  # characters: a headline of up to eight words and the caption's first words


def _glued_head(text: str) -> int:
    """Where the caption starts after a page's headline glued to it on one line, or 0: two to
    eight words at the text's start without punctuation or digits (no place alone, no agency),
    then a sentence that runs to a full stop, opening either
    - with a capitalised article or demonstrative after words in title case ('Frosty
      Exampletown A man clears the snow ...', 'Sonniges Beispielstadt Die Menschen ...'), or
    - with a capitalised word after one in lower case, the sentence repeating most of the
      headline's words ('Town hosts Lantern Makers in market Colourful stalls at the Lantern
      Makers market in Town ...').
    A dateline ('NEW YORK The mayor ...', 'Berlin Die Polizei ...') is a place, or one word."""
    stop = _GLUED_HEAD_STOP_RE.search(text, 0, _GLUED_HEAD_REACH)
    words = text[:_GLUED_HEAD_REACH].split(" ")
    width = len(words[0])  # the headline's length: words[:index] and the blanks between them
    for index in range(2, min(9, len(words) - 6)):
        last = words[index - 1]
        width += 1 + len(last)
        if not last or (stop is not None and stop.start() < width):
            return 0  # the headline holds no punctuation or digit: none can end further on
        word, after = words[index], words[index + 1]
        if not (word[:1].isupper() and word.isalpha() and after[:1].isalpha()):
            continue
        head = words[:index]
        if word in SENTENCE_OPENERS_ANY or (word in SENTENCE_OPENERS and after[:1].islower()):
            if not all(part[:1].isupper() for part in head) or all(part.isupper() for part in head):
                continue
        elif last[:1].islower() and after[:1].islower() and not word.isupper() and fold(last) not in DANGLING_WORDS:
            if not _repeats_head(head, text[len(" ".join(head)) :]):
                continue
        else:
            continue
        at = len(" ".join(head)) + 1
        heading = text[: at - 1]
        rest = text[at:]
        end = _first_stop(rest)
        if end < 0 or len(rest[:end].split()) < 6 or _is_place(heading) or heading.endswith(AGENCIES):
            return 0
        return at
    return 0


def _sentence_stop(text: str, *, default: int) -> int:
    """The index of the first '. ', '! ' or '? ' in `text`, or `default`."""
    return min((at for at in (text.find(". "), text.find("! "), text.find("? ")) if at >= 0), default=default)


def _first_stop(text: str) -> int:
    """The index of the first sentence's full stop ('. ', '! ', '? ' or the text's end), or -1."""
    return _sentence_stop(text, default=len(text) - 1 if text.rstrip()[-1:] in ".!?" else -1)


def _repeats_head(head: list[str], rest: str) -> bool:
    """Does the first sentence of `rest` say again at least three of the headline's words of four
    letters or more, and two of every three of them?"""
    said = set(_WORD_TOKENS_RE.findall(fold(rest[: max(_first_stop(rest), 0) + 1])))
    words = set(_WORD_TOKENS_RE.findall(fold(" ".join(head))))
    repeated = len(words & said)
    return repeated >= 3 and 3 * repeated >= 2 * len(words)


_WORD_TOKENS_RE = lazy_compile(r"\w{4,}")


# A post's moment in ISO form closing the text: '2024-03-03 10:11:12', '2024-03-03 10:11'
_POST_STAMP_RE = lazy_compile(r"(?<=\S)\s{1,3}(?:19|20)\d\d-[01]\d-[0-3]\d[ T][0-2]\d:[0-5]\d(?::[0-5]\d)?$")
_DAY_DATE_SHAPE_RE = lazy_compile(r"\d{1,2}([-/.])\d{1,2}\1(?:\d\d){1,2}")


def _is_dateline_heading(line: str) -> bool:
    """'Kingfisher, OK 8-19-07', 'Dayton, Ohio, May 12, 2009': a place, a comma, and a day's date
    closing the line; no sentence."""
    line = line.strip()
    if len(line) > 60 or "," not in line or not line[:1].isupper() or line[-1:] in ".!?:":
        return False
    place, _, rest = line.partition(",")
    if not rest.strip() or has_digit(place):
        return False
    for tail in (rest.rpartition(" ")[2], rest.split(",", 1)[-1]):
        if _DAY_DATE_SHAPE_RE.fullmatch(tail):
            return True  # (month or day first: '8-19-07')
        if has_digit(tail):
            parsed = _parse_date(tail.strip(), None)
            if parsed is not None and parsed.start is not None and parsed.precision == "day":
                return True
    return False


# A number alone on a line: an inventory number, not a year ('1938' is one) or a count.
_BARE_NUMBER_RE = lazy_compile(r"(?!(?:1[5-9]|20)\d\d$)\d{4,12}")
_VALUE_MAX = 40  # characters of an unlabelled catalogue value ('Ile-de-France', '16/09/1923')


def _value_list(paragraphs: list[list[str]], scan: BlockScan) -> list[str] | None:
    """A catalogue page of unlabelled values, one to a line, and one description among them
    ('Photographies' / 'France' / 'Ile-de-France' / 'Paris' / '16/09/1923' / 'Eveno Edouard' /
    'Ménagerie Darius (Fête du boulevard ...) ...'): the description is the caption, and places
    one to a line, next to each other, are its place ('Paris, Ile-de-France, France')."""
    if len(paragraphs) < 5:
        return None
    short = [p[0].strip() for p in paragraphs if len(p) == 1 and len(p[0].strip()) <= _VALUE_MAX]
    long = [p for p in paragraphs if len(" ".join(p)) >= 80]
    if len(short) < 4 or len(long) != 1 or len(short) + 1 < len([p for p in paragraphs if p]) - 1:
        return None
    run: list[str] = []
    best: list[str] = []
    for paragraph in paragraphs:
        line = paragraph[0].strip() if len(paragraph) == 1 else ""
        if line and "," not in line and not has_digit(line) and _is_place(line):
            run.append(line)
            if len(run) > len(best):
                best = list(run)
        else:
            run = []
    if len(best) >= 2 and "place" not in scan.fields:
        ordered = best[::-1] if places.find_country(best[0]) else best  # 'France' / 'Paris' -> 'Paris, France'
        scan.add_field("place", ", ".join(ordered), 99, 0, "value list")
    return long[0]


def _extends_title(description: str, title: str) -> bool:
    """Does a record's description open with its title and go on ('Pea pickers from Vermont'
    / 'Pea pickers from Vermont - 6 weeks earnings ...')?"""
    title = title.strip().rstrip(".")
    folded_title = fold(title)
    if len(folded_title) < 8 or len(description) <= len(title) + 20:
        return False
    opening = description.lstrip()
    # the title ends where the description pauses: 'Vermont - 6 weeks', not 'the men's downhill'
    # (a headline cut short at a field's length)
    return fold(opening[: len(title)]) == folded_title and bool(_TITLE_PAUSE_RE.match(opening, len(title)))


_TITLE_PAUSE_RE = lazy_compile(r"\s?[-–—:;,.(]")


_TITLE_MAX = 150
# A credit opening the text before the caption, as a web page's credit span runs into its
# figcaption: an agency or a desk's capitals (two to six), a slash, then two or three words of a
# person's name (capitalised or all in lower case, letters only: no 'USA', no number), then a
# word a caption opens with (gallery_counters caption_openers: 'Das', 'The', 'Le', 'El'). Not
# 'CDU/CSU Die Union ...', 'AC/DC Die Band ...' (one word after the slash), 'EU/USA Handelsstreit
# Die ...' (capitals), 'Gesundheit/Pflege ...' (no capitals before the slash).
_LEADING_SLASH_CREDIT_RE = lazy_compile(
    r"(?P<credit>(?:[A-ZÀ-ÝĀ-ɏ]{2,6}|"
    + alternation(name for name in AGENCIES if " " not in name)
    + r")\s?/\s?(?:[A-ZÀ-ÝĀ-ɏ][a-zà-ÿĀ-ɏ'’\-]{1,25}|[a-zà-ÿĀ-ɏ][a-zà-ÿĀ-ɏ'’\-]{1,25})"
    r"(?:\s(?:[A-ZÀ-ÝĀ-ɏ][a-zà-ÿĀ-ɏ'’\-]{1,25}|[a-zà-ÿĀ-ɏ][a-zà-ÿĀ-ɏ'’\-]{1,25})){1,2})\s{1,3}(?=(?:"
    + alternation(
        word
        for words in load_data("credit_patterns.json")["gallery_counters"]["caption_openers"].values()
        for word in words
    )
    + r")\s[^\W\d])"
)
_WIRE_OPENER_RE = lazy_compile(
    r"(" + word_trie(load_data("credit_patterns.json")["wire_openers"]) + r")\s?:\s{1,2}(?=[A-ZÀ-ÝĀ-ɏÄÖÜ])"
)
# An agency's regional desk opening its caption: 'EFE-ASTURIAS', 'EFE-GALICIA' (the wire_openers'
# names, a hyphen, a region in capitals)
_AGENCY_DESK = (
    r"(?:"
    + word_trie(load_data("credit_patterns.json")["wire_openers"])
    + r")-[A-ZÀ-ÝĀ-ɏ]{3,20}(?:[ -][A-ZÀ-ÝĀ-ɏ]{2,20})?"
)
# A wire's picture number opening its caption: capitals and digits, a full stop, then the
# dateline in capitals ('GU6004. CIUDAD DE GUATEMALA (GUATEMALA). ...', 'MAD01. MADRID ...', EFE;
# two to four capitals: 'COVID19. MADRID' is the story's slug, a word and its number); or 'epa' and its
# eight digits before the caption's first word ('epa01234567 A man walks ...', EPA)
_WIRE_ID_OPENER_RE = lazy_compile(
    # (its regional desk before it: 'EFE-ASTURIAS. OVD05. Oviedo, 01/12/06.- ...'; the dateline
    # in capitals, or the town's name written as a name before its date: 'Oviedo, 01/12/06.-')
    r"(?:" + _AGENCY_DESK + r"\.\s{1,2})?"
    r"(?:([A-Z]{2,4}\d{2,6})\.\s{1,2}(?=[A-ZÀ-ÝĀ-ɏ]{2}[A-ZÀ-ÝĀ-ɏ \-'’]{0,40}(?:,|\s\(|\.-)"
    r"|[A-ZÀ-ÝĀ-ɏ][a-zà-ÿĀ-ɏ]{1,30}(?:[ -][A-ZÀ-ÝĀ-ɏa-zà-ÿĀ-ɏ][a-zà-ÿĀ-ɏ]{0,30}){0,3}(?:,\s{0,2}\d{1,2}[/.\s]|\.-))"
    r"|(epa\d{8})\s(?=[A-ZÀ-ÝĀ-ɏ]))"
)
# A picture's number (letters and digits, a digit in it), its date in parentheses and a dash
# run opening the caption: 'jsc2024e044936 (July 9, 2007) --- ...'
# A record's inventory id opening its first line, then the picture's date in brackets or, after a
# dash, its medium and date in parentheses: 'ab_12345 [1956] Title', 'XY_154_028 - Fotografie (um
# 1900)' (an inventory's line, a record's header over its title): letters and digits in parts
# joined by '_', '-' or '.', three digits in a row at least, a letter or '_' in it.
_RECORD_ID_OPENER_RE = compile_guarded(
    r"(?P<id>(?=[A-Za-z0-9_.\-]{0,30}?\d{3})[A-Za-z0-9]{1,12}(?:[_.\-][A-Za-z0-9]{1,12}){1,5})\s{1,10}"
    r"(?:\[(?P<date>[^\[\]\n]{2,30})\]\s{1,3}(?=\S)"
    r"|[-–]\s{1,3}(?=[^()\n]{1,40}\((?P<dated>[^()\n]{2,30})\)\s{0,3}$))"
)


# A parenthesis opened after the caption's last sentence and cut with an ellipsis after a letter
# or two, or after the start of a credit label or an agency's name: '... Maine. (A...', '(Pho…'
_CUT_CREDIT_RE = lazy_compile(r"(?<=[.!?\"»”])\s{1,3}\(\s?(?P<stub>[A-Za-zÀ-ÿ]{1,12})(?:\.{3}|…)$")
_CREDIT_OPENINGS = tuple(
    sorted(
        {
            fold(word)
            for kind in ("parenthesis_labels", "credit_labels_bare", "agencies")
            for word in load_data("credit_patterns.json")[kind]
        }
    )
)


def _opens_credit(stub: str) -> bool:
    """Is a cut word the start of a credit: a letter or two, or the start of a label or an agency?"""
    folded = fold(stub)
    return len(stub) <= 2 or any(opening.startswith(folded) for opening in _CREDIT_OPENINGS)


# A picture's number, a comma and the institution that holds it, alone on a line: '12345, Example
# City Library' (three digits in a row at least in the number; the holder: _holder_line)
_ID_HOLDER_LINE_RE = lazy_compile(
    r"(?P<id>(?=[\w.\-/]{0,30}?\d{3})[A-Za-z0-9][\w.\-/]{2,30}),\s{1,2}(?P<holder>[^,\n]{3,80})"
)


def _without_record_id(line: str, scan: BlockScan) -> str | None:
    """The line without the record's id opening it (the id noted as the page's; a bracketed date
    noted as the picture's), or None when no id and date open it."""
    match = _RECORD_ID_OPENER_RE.match(line)
    if match is None or not any(char.isalpha() or char == "_" for char in match["id"]):
        return None
    date = match["date"] or match["dated"]
    if not _is_date_text(date) or (not any(char.isalpha() for char in match["id"]) and _is_date_text(match["id"])):
        return None  # ('1956_05_03 [1956] ...': a day, no id)
    scan.page_ids.append(match["id"])
    if "date" not in scan.fields:
        scan.add_field("date", date.strip(), _WIRE_DATE_RANK, 1_000_000, "picture date")
    # (the header's medium and date are no caption text: the line goes)
    return line[match.end() :] if match["date"] else ""


_PHOTO_WORDS_FOLDED = frozenset(fold(word) for word in load_data("credit_patterns.json")["photo_words"])
_CREDIT_WORD_RE = lazy_compile(r"[^\W_]+")


def _credit_words(credit: str) -> tuple[str, ...]:
    """A credit's words in any order and case, without the agency's word for a photo: 'AP
    Photo/Jane Roe' and 'Jane Roe/AP' are one credit."""
    return tuple(sorted(word for word in _CREDIT_WORD_RE.findall(fold(credit)) if word not in _PHOTO_WORDS_FOLDED))


# A credit in the wire's own form: the agency, its word for a photo or not, a slash, the name
_WIRE_FORM_RE = lazy_compile(
    r"(?:"
    + alternation(AGENCIES)
    + r")(?:\s(?:"
    + alternation(load_data("credit_patterns.json")["photo_words"])
    + r"))?\s?/"
)
_BLANK_RUN_RE = lazy_compile(r"[ \t\u00a0]{2,}")
_ID_DATE_OPENER_RE = lazy_compile(
    r"(?P<id>(?=[A-Za-z0-9]{0,20}\d)[A-Za-z][A-Za-z0-9]{5,20})\s\((?P<date>[^()\n]{4,30})\)\s{1,2}(?:-{2,3}|—)\s{1,2}"
)
_COUNTERS = load_data("credit_patterns.json")["gallery_counters"]
# A gallery's number, or its 'n/m' counter, glued to the caption's first word: '6Villanueva del
# Trabuco (Málaga). ...', '5/7Le 11 février, ...' (a capital and lower-case letters after it, or
# a short caption opener: '3D', '4K' and '2CV' are words; gallery_counters: caption_openers)
_GLUED_COUNTER_RE = lazy_compile(
    r"(?:\d{1,3}/)?\d{1,3}(?=[A-ZÀ-ÝĀ-ɏ][a-zà-ÿĀ-ɏ]{2}|(?:"
    + alternation(word for words in _COUNTERS["caption_openers"].values() for word in words if len(word) > 1)
    + r")\s|L['’]\w)"
)  # (no one-letter opener: "10A Main Street" is an address)
_NUMBERED_COUNTER_RE = lazy_compile(
    r"\d{1,3}\s(?:" + alternation(_COUNTERS["of"]) + r")\s?\d{1,3}\s{1,3}(?=[A-ZÀ-ÝĀ-ɏ])"
)
# A gallery's 'n/m' counter before its caption, a blank between ('1/5 Am Freitagabend krachte
# ...', '4/5 Ebenfalls am Freitag ...'): the page's counter when n is 1 to m and it stands apart,
# on its own line or before a word a sentence opens with and no count stands before (data:
# caption_openers, counter_sentence_openers); a fraction or a score opening the caption ('3/4
# Liter Milch', '7/10 Deutschen fahren', '4/5 Sterne für', '10/10 Punkte', '1/5 of voters') is
# followed by its noun or lower case.
_NOT_COUNTERS = frozenset(_COUNTERS["not_counters"])
_SLASH_COUNTER_RE = lazy_compile(
    r"(?P<n>\d{1,3})\s?/\s?(?P<m>\d{1,3})(?:(?P<apart>[ \t]{0,3}\n\s{0,3})|[ \t]{1,3})(?=(?P<opener>(?:"
    + alternation(
        word
        for table in (_COUNTERS["caption_openers"], _COUNTERS["counter_sentence_openers"])
        for words in table.values()
        for word in words
    )
    + r")\s)|(?P<word>[A-ZÀ-ÝĀ-ɏ][a-zà-ÿĀ-ɏ]+))"
)


def _slash_counter(text: str) -> re.Match | None:
    """The match of a gallery's 'n/m' counter opening `text` (_SLASH_COUNTER_RE), or None."""
    found = _SLASH_COUNTER_RE.match(text)
    if found is None:
        return None
    number, total = int(found["n"]), int(found["m"])
    if f"{number}/{total}" in _NOT_COUNTERS:
        return None
    if not 1 <= number <= total or total < 2:
        return None
    if found["apart"]:
        return found  # the counter on its own line
    if not found["opener"] and not _capitals_name_no_nouns(text[:300]):
        return None  # German's nouns: '7/10 Deutschen fahren ...', '4/5 Sterne für ...'
    return found


def _capitals_name_no_nouns(text: str) -> bool:
    """Is `text` clearly written in a language that capitalises no common noun (more stopwords
    of another language than of German: '3/12 Firefighters battle ...', '5/16 Obama conversa')?"""
    votes = ct.stopword_votes(text)
    german = votes.get("de", 0)
    return any(count > german for language, count in votes.items() if language != "de")


# A gallery's number alone before its caption, the caption opening with an article or a
# preposition no count stands before ('1 En début de soirée, ...', '3 The crowd ...', '2 Die
# Feuerwehr ...'): the page's counter
# (credit_patterns.json gallery_counters: caption_openers)
_BARE_COUNTER_RE = lazy_compile(
    r"\d{1,2}\s(?=(?:"
    + alternation(word for words in _COUNTERS["caption_openers"].values() for word in words)
    + r")\s|L['’]\w)"
)
# A list's number before a dateline with its day and a bar ('2 Exampleville (Japon), 2 novembre
# 2019 | Le capitaine ...', '3. Montréal, 7 août 2017 | ...'): the page's number, no caption text,
# when the words after it are a known place or a country in parentheses follows them (build).
# Shaped on one layout, a paper's photo gallery whose numbered items read 'N Place, date | caption'
# (Le Devoir); the bar is what it keys on: a number, up to four capitalised words, a comma and
# up to 40 characters the dates read as a date, then ' | '. Not read as a list's number: the same
# dateline closed by a dash or a colon ('2. Exampleburg, 3. Mai 2021: ...', '2 Exampleville, 2
# mai 2019 - ...'), where a count opening the caption ('3 Bergsteiger, ...') is likelier and no
# dev block numbers its datelines so (2026-12-01); a layout that does would widen the separator
# here, with invented tests beside test_caption_boundaries'
# test_a_number_before_words_that_are_no_place_and_a_dated_bar_stays_caption_text.
_NUMBERED_DATELINE_RE = lazy_compile(
    r"\d{1,2}\.?\s(?=(?P<place>[A-ZÀ-ÝĀ-ɏ][\w'’.\-]{0,30}(?:\s(?:"
    + NAME_JOINER
    + r"\s)?[A-ZÀ-ÝĀ-ɏ][\w'’.\-]{0,30}){0,3})(?P<country>\s\([^()\n]{2,40}\))?,\s(?P<date>[^|\n]{4,40}?)\s\|\s)"
)
_MARKER_DATE_RE = lazy_compile(r"\d{1,2}\.\d{1,2}\.\d{2,4}")
# A gallery's counter with its word and a dash between the picture's credit and its caption on
# one line ('dpa/Jane Roe Bild 3/60 - Ein Mann ...', 'Jane Roe/AFP Photo 2 of 9 - A man ...';
# gallery_counters: words, of)
_COUNTER_WORDS_RE = compile_guarded(
    r"\s(?:"
    + alternation(_COUNTERS["words"])
    + r")\s\d{1,3}\s?(?:"
    + alternation(_COUNTERS["of"])
    + r")\s?\d{1,3}\s{1,2}[-–—:]\s{1,3}(?=\S)"
)
_CREDIT_COUNTER_REACH = 160
# a sentence's stop after a word, not an initial's ('M. Roe', 'Carla J. Roe')
_WORD_STOP_RE = lazy_compile(r"[^\W\d_]{2}\.\s")


def _credit_before_counter(lines: list[str]) -> tuple[list[str], str | None, str | None]:
    """(caption lines, title, credit) where one of the first lines opens with the picture's
    credit, then the gallery's counter and a dash, then the caption ('Letzte Ehrung' /
    'dpa/Jane Roe/AP Pool Bild 3/60 - Blick auf ...'): the lines over it are the picture's title,
    the credit (an agency's chain, or a name and its agency) is the credit, the counter is the
    page's. Anything else before a counter is left as it was."""
    for at, line in enumerate(lines[:3]):
        counter = _COUNTER_WORDS_RE.search(line, 0, _CREDIT_COUNTER_REACH)
        if counter is None:
            continue
        credit = line[: counter.start()].strip()
        if not (
            (credit.startswith(AGENCY_STARTS) and "/" in credit[:20] and not _WORD_STOP_RE.search(credit))
            or is_name_agency_line(credit)
        ):
            return lines, None, None
        title = " ".join(line.strip() for line in lines[:at]) or None
        if title and (len(title) > 120 or title.rstrip()[-1:] == "."):
            return lines, None, None
        return [line[counter.end() :], *lines[at + 1 :]], title, credit
    return lines, None, None


_WIRE_DATE_RANK = 10  # a 'Picture date:' sentence in the caption ranks as its label would
_RECORD_FIELDS = 4  # kinds of fields a record of fields alone states at least


def _title_over_note(paragraphs: list[list[str]]) -> str | None:
    """A catalogue record's title: a line of its own, no sentence, over a longer paragraph (its
    note: 'Kurfürstendamm' / '"Einer Anregung Otto von Bismarcks folgend wurde ..."')."""
    index = next(
        (index for index, paragraph in enumerate(paragraphs[:-1]) if len(paragraph) == 1),
        None,
    )
    if index is None:
        return None  # the first line of its own is the title, or there is none
    line = paragraphs[index][0].strip()
    following = paragraphs[index + 1]
    if (
        2 <= len(line) <= _TITLE_MAX
        and line[-1:] not in ".!?:;,"
        and len(" ".join(following)) > 2 * len(line) + 40
        and any(_is_sentence(text) for text in following)
        and not _PAGE_ID_RE.fullmatch(line)
        and not line[:1].isdigit()
    ):
        return line
    return None


# Life dates alone on their line, after a birthplace or not: 'Madrid, 1902 - 1990', '(1857-1927)'.
_LIFE_DATES_RE = lazy_compile(r"\(?(?:[^\d,()]{2,40},\s{0,2})?1[5-9]\d\d\s{0,2}[-–]\s{0,2}(?:1[5-9]|20)\d\d\)?\.?")


# (and a photographic print's own word: 'Format du tirage', 'Abzug', 'copia fotográfica')
_PRINT_WORDS = tuple(load_data("caption_labels.json")["print_words"])


def _says_print(scan: BlockScan) -> bool:
    """Does a size line or a dimensions field of the block speak of printing ('Print size',
    'Druckgröße', 'taille d'impression')?"""
    texts = [item.label for item in scan.fields.get("dimensions", ())]
    texts += [line for line in scan.structured_lines if has_digit(line[:200])]
    return any(word in text.casefold() for text in texts for word in _PRINT_WORDS)


_INVENTORY_LABELS = (
    "invent",
    "call number",
    "accession",
    "object number",
    "signatur",
    "cote",
    "shelfmark",
)


def _museum_record(scan: BlockScan) -> bool:
    """A museum or library record: an inventory or call number among its labelled fields
    ('Núm. inventario: 32370F', 'Inventarnummer', 'Call Number'). Its title describes the picture;
    its other prose describes the object or the collection."""
    return any(any(word in item.label for word in _INVENTORY_LABELS) for item in scan.fields.get("source_id", ()))


def _teaser_of(line: str, following: str) -> bool:
    """Is a line a shorter version of the line after it, opening with the same words? (A page's
    teaser over the full caption.)"""
    if len(line) < 40 or len(following) < len(line) + 40 or line[:1] != following[:1]:
        return False
    opening = fold(line[:120]).split()[:6]
    return len(opening) == 6 and fold(following[:120]).split()[:6] == opening


def _without_previews(scan: BlockScan) -> list[list[str]]:
    """Drop a preview line ('Aerial view of the …') when the full text follows it."""
    everything = None  # every prose and caption line; gathered only once a preview shows up
    result = []
    for number, paragraph in enumerate(scan.paragraphs):
        kept = []
        for index, line in enumerate(paragraph):
            following = (
                ""
                if len(line) < 40
                else (
                    paragraph[index + 1]
                    if index + 1 < len(paragraph)
                    else (
                        scan.paragraphs[number + 1][0]
                        if number + 1 < len(scan.paragraphs) and scan.paragraphs[number + 1]
                        else ""
                    )
                )
            )
            if _teaser_of(line, following):
                # a teaser of the next line ('El presidente …, asistió al acto … 2' over
                # 'El presidente …, asistió esta tarde …')
                continue
            if ends_with_ellipsis(line):
                if everything is None:
                    everything = [text for lines in scan.paragraphs for text in lines]
                    for item in scan.fields.get("caption", ()):
                        everything.extend(item.value.split("\n"))
                prefix = fold(line.rstrip(".… "))
                if prefix and any(
                    other is not line
                    and len(other) > len(line) - 3
                    and fold(other[: len(line) + 20]).startswith(prefix)
                    for other in everything
                ):
                    continue
            kept.append(line)
        if len(kept) >= 2 and _is_place_heading(kept[0], kept[1]):
            # 'Georgia, Estados Unidos' / 'Un trabajador electoral ... en Marietta.': a region and
            # its country heading the caption say where the caption's own place slot lies
            scan.place_headings.append(kept[0].strip())
            kept = kept[1:]
        kept = _without_furniture(kept, scan.page_ids, scan.side_places)
        if id(paragraph) in scan.continued:
            scan.continued.add(id(kept))  # the same text going on, whatever was taken out of it
        result.append(kept)
    return result


@lru_cache(maxsize=4096)
def _heading_resolves(text: str) -> bool:
    resolved = places.resolve_place(text, labelled=False)
    return bool(resolved.country_code and (resolved.region or resolved.city)) and not resolved.unknown_country


def _is_place_heading(line: str, following: str) -> bool:
    """'West Sussex, Reino Unido' over a longer line: a region and its country, no sentence."""
    stripped = line.strip()
    return (
        "," in stripped
        and len(stripped) <= 60
        and len(following) > 2 * len(stripped)
        and stripped[-1:].isalpha()
        and not has_digit(stripped)
        and _heading_resolves(stripped)
    )


def _is_sentence(line: str) -> bool:
    return len(line) >= 80 and line.rstrip()[-1:] in '.!?"”)' and not ends_with_ellipsis(line)


def _without_furniture(paragraph: list[str], page_ids: list[str], side_places: list[str]) -> list[str]:
    """A pasted picture page puts its furniture over the caption, without blank lines
    ('ITALY-WOMEN/ABUSE' / 'RTS3IXMK' / 'July 10, 2020' / 'A domestic abuse victim ... (Fight...'
    / 'Rome, Italy' / the full caption). Before a full sentence, a slug, an id, a date or a
    place alone on its line, and a line cut short with '...', are not the caption."""
    if len(paragraph) < 2:
        return paragraph
    if any(_is_file_line(line) for line in paragraph):
        paragraph = [line for line in paragraph if not _is_file_line(line)]
    # a call or reproduction number alone on its line below the description ('LC-USZ62-76899.')
    numbered = [line for line in paragraph[1:] if _is_number_line(line)]
    if numbered:
        page_ids.extend(_LINE_ID_RE.fullmatch(line.strip().rstrip("."))["id"] for line in numbered)
        paragraph = [line for index, line in enumerate(paragraph) if not (index and line in numbered)]
        if len(paragraph) < 2:
            return paragraph
    last_sentence = max(
        (index for index, line in enumerate(paragraph) if _is_sentence(line)),
        default=-1,
    )
    if last_sentence <= 0:
        return paragraph
    kept = []
    header = False  # a slug or an id opened the paragraph: it is a page, its date the page's
    for index, line in enumerate(paragraph):
        if index < last_sentence:
            kind = _furniture(line, paragraph[last_sentence], header)
            if kind:
                if kind.startswith("id:"):
                    page_ids.append(kind[3:])
                    kind = "header"
                header = header or kind == "header"
                if kind == "header" and _PAGE_ID_RE.fullmatch(line.strip()):
                    page_ids.append(line.strip())
                elif kind == "place":
                    side_places.append(line.strip())  # the picture's place when the caption names none
                continue
        kept.append(line)
    return kept


# An agency image id alone on its line: capitals and digits, both ('RTS3IXMK', 'RC2X9A8K7').
_PAGE_ID_RE = lazy_compile(r"(?=[A-Z0-9]{0,15}\d)(?=[A-Z0-9]{0,15}[A-Z]{2})[A-Z][A-Z0-9]{5,15}")


# A picture's number opening its caption: digits and capitals in three parts or more, five
# digits at least ('040621-N-6536T-062', a US Navy number), then the caption's first word.
_MEDIA_NUMBER_CUES = ("umber", "ummer", "umero", "úmero", "uméro")
_MEDIA_NUMBER_RE = lazy_compile(
    r"\b(?:" + alternation(load_data("caption_labels.json")["media_number_phrases"]) + r")\s(?P<id>\d{5,12})\b"
)
# An image file's name without its extension glued to the title after it, words and a number
# joined by hyphens or underscores ('SZ-Photo-web-00022112Verweigerung des ...', 'archiv_bild_004711Der
# Hafen'): SPEC: a file name is no id, nor caption text
_GLUED_FILE_STEM_RE = lazy_compile(r"[A-Za-z]{1,12}(?:[-_][A-Za-z]{1,12}){0,4}[-_]\d{5,12}(?=[A-ZÀ-ÝĀ-ɏ][a-zà-ÿĀ-ɏ])")
_LEADING_ID_RE = lazy_compile(r"(?=[\w-]{0,40}?\d{5})(\d[\dA-Z]{0,15}(?:[-_][\dA-Z]{1,15}){2,6})\s(?=[A-Z])")
# An id alone on its line over the caption, after a licence model in parentheses or not:
# '(RMm) 557614239', '(RF) 2B4X7K9'.
_LINE_ID_RE = lazy_compile(r"(?:\([A-Za-z]{1,5}\)\s{0,2})?(?P<id>(?=[\w-]{0,30}?\d{5})[\dA-Z][\dA-Za-z_\-]{5,30})")
# A file name alone on its line ('BRIDG 6.002.tif'): SPEC: file names are not ids, nor caption.
_FILE_LINE_RE = lazy_compile(r"[^\s/\\][^/\\\n]{0,80}\.(?:jpe?g|png|tiff?|gif|webp|heic|dng|psd)", re.IGNORECASE)


_FILE_ENDINGS = (
    ".jpg",
    "jpeg",
    ".tif",
    "tiff",
    ".png",
    ".gif",
    "webp",
    "heic",
    ".dng",
    ".psd",
)


def _is_file_line(line: str) -> bool:
    stripped = line.strip()
    return len(stripped) <= 82 and stripped[-4:].lower() in _FILE_ENDINGS and bool(_FILE_LINE_RE.fullmatch(stripped))


def _is_number_line(line: str) -> bool:
    """'LC-USZ62-76899.': letters and digits in parts joined by hyphens, five digits at least."""
    stripped = line.strip().rstrip(".")
    return "-" in stripped and len(stripped) <= 40 and bool(_LINE_ID_RE.fullmatch(stripped))


def _furniture(line: str, sentence: str, header: bool) -> str | None:
    stripped = line.strip()
    identified = _LINE_ID_RE.fullmatch(stripped) if len(stripped) <= 40 else None
    if identified and not _parse_date(stripped, None):
        page_ids = identified.group("id")
        return "id:" + page_ids
    if ends_with_ellipsis(stripped):
        return "preview" if len(sentence) > len(stripped) + 20 else None
    if len(stripped) > 60:
        return None
    if ct.is_slug([stripped]) and (" " not in stripped or "-" in stripped or "/" in stripped):
        return "header"  # 'ITALY-WOMEN/ABUSE', 'RTS3IXMK' (a dateline in capitals has words and a comma)
    dated = header and len(stripped) <= 30 and has_digit(stripped)
    if dated and _parse_date(stripped, None) is not None:
        return "date"  # 'July 10, 2020' under the slug: the page's date, not the caption's
    if (
        "," in stripped
        and stripped[-1:] not in ".!?"
        and _is_place_line(stripped)
        and not _is_dateline_heading(stripped)
    ):
        return "place"  # 'Rome, Italy' (with a day's date it is the caption's dateline: 'Dayton, OH 5-12-09')
    return None


_LABEL_VOTES_AT_MOST = 2.0

# Agencies whose captions come in one language: a weak hint, outvoted by any real evidence.
_AGENCY_LANGUAGE = (("EFE", "es"), ("dpa", "de"), ("picture alliance", "de"))


def _language(scan: BlockScan, caption: str, prefix_language: str | None, credits=()) -> str:
    # exiftool prints English tag names whatever the caption's language: they are no evidence.
    votes = {} if scan.exiftool else dict(scan.label_votes)
    # A page's labels say the language of the site that printed them ('Date taken:' over a
    # German caption on an English Alamy page), not the caption's: together they weigh as much
    # as one of the caption's stopwords (2 votes), deciding only where the caption says little.
    labelled = sum(votes.values())
    if labelled > _LABEL_VOTES_AT_MOST:
        votes = {language: count * _LABEL_VOTES_AT_MOST / labelled for language, count in votes.items()}
    for credit in credits:
        for agency, language in _AGENCY_LANGUAGE:
            if agency in credit:
                votes[language] = votes.get(language, 0.0) + 0.75
    caption = _without_town_names(caption)
    stopwords = ct.stopword_votes(caption)
    own: dict[str, float] = {}  # the caption's own evidence (SPEC 'language': the caption's)
    for language, count in stopwords.items():
        own[language] = own.get(language, 0.0) + 2 * count
    if sum(stopwords.values()) < 2 or ct.undecided(stopwords):
        # a keyword line, a short title, words two languages share ('Un grupo de gente en …'): spelling decides
        for language, count in ct.spelling_votes(caption).items():
            own[language] = own.get(language, 0.0) + count
    if caption.strip() and (sum(own.values()) < 2 or ct.undecided(stopwords)):
        # little to go on ('Morata celebra su gol'): the words' everyday frequency in each language
        for language, count in ct.frequency_votes(caption).items():
            own[language] = own.get(language, 0.0) + count
    if len(stopwords) <= 1 and _lead(own) >= _CAPTION_DECIDES and not _names_only(caption):
        # the caption tells its language ('Fans jubeln.' under 'Caption:', 'Date taken:'): the
        # labels say the page's, which counts only where the caption is too short to tell (a
        # name alone: 'Los Angeles Lakers', 'Puerta del Sol'), or where its small words are of
        # two languages ('L'école - The school')
        votes = {}
    for language, count in own.items():
        votes[language] = votes.get(language, 0.0) + count
    note = scan.best("caption") if sum(stopwords.values()) < 2 and (scan.data_record or scan.catalogue) else None
    if note is not None and note.value.strip() and fold(note.value[:200]) != fold(caption[:200]):
        # a record's title too short to tell ('28.10.72 1er Vol d'Airbus'): its description, the
        # same record's text, tells the language better than the program's keys
        for language, count in ct.stopword_votes(note.value[:2000]).items():
            votes[language] = votes.get(language, 0.0) + count
    if prefix_language:
        votes[prefix_language] = votes.get(prefix_language, 0.0) + 5
    explicit = scan.best("language")
    if explicit:
        named = ct.language_of_prefix(explicit.value.strip())
        if named:
            return named
    if not caption.strip():
        # no caption to read: the place the block names in its own language ('Country: España',
        # 'Land: Deutschland') says more than labels a program wrote ('[XMP] Country')
        named: dict[str, float] = {}
        for name in ("country", "region", "city"):
            item = scan.best(name)
            if item and item.value:
                for language, count in ct.spelling_votes(item.value[:100]).items():
                    named[language] = named.get(language, 0.0) + count
        if named:
            votes = named
    if not votes:
        return "en"
    # max() over ("en", "de", "fr", "es") by votes, first wins a tie; spelled out (no key calls)
    best, most = "en", votes.get("en", 0.0)
    for language in ("de", "fr", "es"):
        count = votes.get(language, 0.0)
        if count > most:
            best, most = language, count
    return best


_CAPTION_DECIDES = 1.0  # one word's everyday frequency, half a stopword: the caption says
_CAPTION_WORD_RE = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*")


def _names_only(caption: str) -> bool:
    """A caption made only of capitalised name words, with a name's particles between them
    ('Los Angeles Lakers', 'Puerta del Sol', 'Schloss Neuschwanstein', 'Angela Merkel'): a
    name says nothing of the language it is written in, too short to tell."""
    words = _CAPTION_WORD_RE.findall(caption)
    if not words or not words[0][:1].isupper():
        return False
    return all(word[:1].isupper() or word in NAME_PARTICLES for word in words)


def _lead(votes: dict[str, float]) -> float:
    """How far the leading language is ahead of the next one."""
    ranked = sorted(votes.values(), reverse=True)
    return ranked[0] - (ranked[1] if len(ranked) > 1 else 0.0) if ranked else 0.0


def _without_town_names(caption: str) -> str:
    """The caption without the towns it names whose names hold small words ('Protesters march in
    Landau in der Pfalz.' is English, though 'in der' is German); the caption itself when
    nothing else is left."""
    spans = linked_town_spans(caption)
    if not spans:
        return caption
    kept, position = [], 0
    for start, end in spans:
        kept.append(caption[position:start])
        position = end
    kept.append(caption[position:])
    rest = " ".join(kept)
    return rest if any(character.isalpha() for character in rest) else caption


_BYLINE_WORDS = tuple(f" {word} " for word in BYLINE_WORDS)
_BYLINE_REST = 40  # characters after the name: a day ('- 21 de noviembre'), no sentence


# A photographer named before the trade closing a line of its own: 'R. EXEMPLE, RUE DE LA GARE A
# AMIENS, photographe', 'Nîmes, Jean Exemple, photographe – éditeur', 'Jane Roe, photographer'
_TRADES = load_data("caption_labels.json")["trade_words"]
_ROLE_LINE_RE = lazy_compile(
    r"(?P<parts>[^\n]{2,160}?),\s(?i:%s)(?:\s[-–—]\s(?i:%s))?\.?\s{0,3}"  # noqa: UP031
    % (alternation(_TRADES["photographer"]), alternation(_TRADES["publisher"]))
)
_STREET_WORDS = frozenset(
    fold(word) for kind in ("street_words_before", "street_words_after") for word in PLACE_PHRASES[kind]
)


def _role_credit(line: str) -> str | None:
    """The photographer of a line 'NAME[, address or town], photographe': the first part before
    the trade that is no place, no street and holds no digit ('Nîmes, Jean Exemple, photographe'
    gives 'Jean Exemple')."""
    match = _ROLE_LINE_RE.fullmatch(line.strip())
    if match is None:
        return None
    for part in match.group("parts").split(", "):
        part = part.strip()
        words = part.split()
        if not words or len(words) > 5 or has_digit(part):
            continue
        if fold(words[0]) in _STREET_WORDS or _is_place(part) or not part[:1].isupper():
            continue
        return part
    return None


def _without_credited_title(caption: str, credit: str) -> str:
    """A title line over the caption carrying the picture's credit in brackets, as the picture's
    alt text gives it ('Conseil fédéral [Jane Roe]' / 'Le Conseil fédéral s'est ...'): the caption
    without it. The title is a few words, no sentence; the caption after it opens with a capital."""
    for opening, closing in ("[]", "()"):
        marker = f"{opening}{credit}{closing} "
        at = caption.find(marker, 0, 200)
        title = caption[:at]
        rest = caption[at + len(marker) :]
        if at > 0 and rest[:1].isupper() and len(title.split()) <= 12 and not _INNER_STOP_RE.search(title):
            return rest
    return caption


_INNER_STOP_RE = lazy_compile(r"[.!?]\s")


def _without_byline(caption: str, credit: str) -> str:
    """A gallery title that names its photographer after a comma, the credit's own photographer
    ('Viacrucis online, de Jane Roe. 29 de marzo' over 'Foto: Jane Roe/ EL UNIVERSAL'): the
    title without the byline and the day after it; and a caption closed by a dash and the
    credit's photographer: the caption without them."""
    name = credit.split("/", 1)[0].split(",", 1)[0].strip()
    if len(name) < 5 or " " not in name:
        return caption
    dash = caption.rfind(" – ", max(0, len(caption) - 80))
    if dash > 0 and caption[dash - 1 : dash] in '.!?"»”)…' and fold(caption[dash + 3 :]).startswith(fold(name)):
        # a closing dash and the photographer's name after the last sentence, as the credit
        # gives it ('... chez les péquistes. – Jane Roe, La Presse' under 'PHOTO JANE ROE, LA PRESSE')
        return caption[:dash].rstrip()
    for word in _BYLINE_WORDS:
        at = caption.rfind("," + word + name)
        if at > 0:
            rest = caption[at + len(word) + 1 + len(name) :]
            dated = rest[:3] in (" - ", " – ", " — ") or rest[:2] == ". "
            if not rest.strip(" .") or (dated and len(rest) <= _BYLINE_REST and has_digit(rest)):
                return caption[:at].rstrip()
    return caption


# A catalogue's number or reference code alone on its line ('014458', 'RSCA1905000308',
# 'ES.28005.AGA//014458', 'Sou.4.121.1'): one token, four digits or more ('2/36' counts a gallery).
_LONE_REFERENCE_RE = lazy_compile(
    r"(?=(?:[^\d\s]{0,30}\d){4})[A-Z0-9][A-Za-z0-9]{0,24}(?:[./:_-]{1,2}[A-Za-z0-9]{1,24}){0,8}"
)
_LEVEL_LINES = frozenset(fold(level) for level in ARCHIVE_LEVELS)


def _value_kind(line: str) -> str | None:
    """What an unlabelled catalogue value alone on a line is: 'date' ('Circa 1905', '1931-04-14'),
    'id' (a number or reference code that is no year) or 'level' (an archive's level of
    description, 'Unidad Documental Simple', 'Pièce'); None for text."""
    stripped = line.strip()
    if not stripped or len(stripped) > 60:
        return None
    if " " not in stripped and _LONE_REFERENCE_RE.fullmatch(stripped) and not _YEAR_ALONE_RE.fullmatch(stripped):
        return "id" if not _is_date_text(stripped) else "date"
    if has_digit(stripped) and _is_date_line(stripped):
        return "date"
    if fold(stripped) in _LEVEL_LINES:
        return "level"
    return None


_COLLECTION_LINE_RE = lazy_compile(
    r"\(?(?:%s)(?: (?:%s))? (?P<name>[A-ZÀ-ÝĀ-ɏ][^\n()]{1,100}?)\)?"  # noqa: UP031
    % (
        "|".join(re.escape(word) for word in sorted(COLLECTION_OPENERS, key=len, reverse=True)),
        "|".join(re.escape(word) for word in sorted(COLLECTION_LINKS, key=len, reverse=True)),
    )
)
# the closing parenthesis of a caption naming its collection: '... um 1905 (Sammlung Jane Roe [#000975])'
_COLLECTION_TAIL_RE = lazy_compile(r"\s\((?P<inner>[^()\n]{4,120})\)$")
# the collection's number in brackets after its name: 'Sammlung Jane Roe [#000975]'
_BRACKET_ID_RE = lazy_compile(r"\s?\[#?\s?(?P<id>[A-Za-z0-9][\w./-]{0,30}\d)\]")
_COLLECTION_INITIALS = frozenset(word[:1] for word in COLLECTION_OPENERS) | {"("}
# a full stop ending a sentence inside a collection's name, not an initial's ('Sammlung M. Roe')
_NAME_SENTENCE_STOP_RE = lazy_compile(r"\.(?<![\s.][A-ZÀ-ÝĀ-ɏ]\.)(?<!^[A-ZÀ-ÝĀ-ɏ]\.)\s")
# a collection named after a comma closing the caption: '... aux Bayards en 1899, collection Jane
# Roe', '..., Sammlung Anna Beispiel', '..., colección Juan Ejemplo' (an opener in any case, then
# capitalised words, particles and links between them; no digit, no stop)
_COLLECTION_COMMA_TAIL_RE = lazy_compile(
    r",\s(?P<inner>(?i:%s)(?: (?:%s))? [A-ZÀ-ÝĀ-ɏ][\w'’\-]{0,30}"  # noqa: UP031
    r"(?: (?:%s ){0,2}[A-ZÀ-ÝĀ-ɏ][\w'’\-]{0,30}){0,4})\s{0,3}$"
    % (
        "|".join(re.escape(word) for word in sorted(COLLECTION_OPENERS, key=len, reverse=True)),
        "|".join(re.escape(word) for word in sorted(COLLECTION_LINKS, key=len, reverse=True)),
        NAME_JOINER,
    )
)
_COLLECTION_COMMA_REACH = 240
_COLLECTION_FOLDED_STARTS = tuple(dict.fromkeys(fold(word)[:4] for word in COLLECTION_OPENERS))


def _collection_line(line: str) -> str | None:
    """The holder a line names when the whole line is its collection ('Sammlung Jane Roe',
    '(Colección Juan Ejemplo)', 'Collection of the Example Society'), with its bracketed number;
    None for a sentence ('Collection agencies called ...', 'Sammlung von Briefen, die ...')."""
    stripped = line.strip()
    if len(stripped) > 140 or stripped[:1] not in _COLLECTION_INITIALS:
        return None
    if stripped[:1] == "(" and stripped[-1:] != ")":
        return None
    match = _COLLECTION_LINE_RE.fullmatch(stripped)
    if match is None:
        return None
    name = match.group("name")
    if (
        _NAME_SENTENCE_STOP_RE.search(name)
        or "; " in name
        or name.count(" ") > 8
        or sum(1 for word in name.split() if word[:1].islower()) > 2
    ):
        return None
    return stripped.strip("()")


def _take_collections(scan: BlockScan) -> None:
    """A line naming the picture's collection, alone in its paragraph or closing the caption's
    paragraph (or its caption field), or in parentheses closing the caption's last line: no
    caption text; the holder is the credit when nothing else names one, its bracketed number an
    id ('Sammlung Jane Roe [#000975]')."""
    prose = sum(1 for paragraph in scan.paragraphs if paragraph)
    seen = 0  # prose paragraphs before this one
    for index, paragraph in enumerate(scan.paragraphs):
        if not paragraph:
            continue
        if seen == 1 and prose > 2 and len(paragraph) == 1 and _holder_line(paragraph[0]):
            # the institution that holds the picture, on a line of its own under the title
            # ('Main Street, Millbrook, ca. 1910' / 'Item 123' / 'Millbrook Historical Museum';
            # 'Stadtarchiv' alone between the title and the text): no caption text, the credit
            # when nothing else names one
            scan.collections.append(paragraph[-1].strip())
            paragraph = scan.paragraphs[index] = paragraph[:-1]
            if not paragraph:
                continue
        if not seen and len(paragraph) > 1 and all(len(line) <= 80 for line in paragraph):
            for at in range(1, len(paragraph)):
                if _holder_line(paragraph[at]):
                    scan.collections.append(paragraph[at].strip())
                    paragraph = scan.paragraphs[index] = paragraph[:at] + paragraph[at + 1 :]
                    break
        seen += 1
        if len(paragraph) > 1 or prose > 1:
            # a lender's line over or under the caption ('Photo submitted by Jane Roe.'): no
            # caption text; the lender is the credit when nothing else names one
            lender = lender_line(paragraph[0])
            if lender is not None:
                paragraph = scan.paragraphs[index] = paragraph[1:]
                scan.collections.append(lender)
            elif len(paragraph) > 1:
                lender = lender_line(paragraph[-1])
                if lender is not None:
                    paragraph = scan.paragraphs[index] = paragraph[:-1]
                    scan.collections.append(lender)
            if not paragraph:
                continue
        last = paragraph[-1]
        holder = _collection_line(last)
        if holder is None and len(paragraph) == 1 and prose > 1:
            holder = _museum_credit_line(last)
        if holder is not None and (len(paragraph) > 1 or prose > 1):
            scan.paragraphs[index] = paragraph[:-1]
            _note_collection(scan, holder)
            continue
        if (" - " in last[-160:] or " – " in last[-160:]) and has_digit(last[-60:]):
            cited = _institution_tail(last)
            if cited is not None:
                paragraph[-1], holder, reference = cited
                scan.collections.append(holder)
                scan.page_ids.append(reference)
                continue
        if last[-1:] == ")" and "(" in last[-122:]:
            tail = _COLLECTION_TAIL_RE.search(last)
            holder = _collection_line(tail.group("inner")) if tail else None
            if holder is not None and tail.start() > 0:
                paragraph[-1] = last[: tail.start()].rstrip()
                _note_collection(scan, holder)
        elif ", " in last[-_COLLECTION_COMMA_REACH:] and contains_any(
            fold(last[-_COLLECTION_COMMA_REACH:]), _COLLECTION_FOLDED_STARTS
        ):
            tail = _COLLECTION_COMMA_TAIL_RE.search(last, max(0, len(last) - _COLLECTION_COMMA_REACH))
            if tail is not None and tail.start() > 0:
                paragraph[-1] = last[: tail.start()].rstrip()
                _note_collection(scan, tail.group("inner"))
    for item in scan.fields.get("caption", ()):
        head, _, last = item.value.rstrip().rpartition("\n")
        holder = _collection_line(last) if head.strip() else None
        if holder is not None:
            item.value = head
            _note_collection(scan, holder)


_HOLDER_FIELDS = ("place",)


def _take_holders(scan: BlockScan) -> None:
    """The institution that keeps the picture: in a library's or museum's record (a call or
    inventory number among its fields), a labelled place that names a library, archive or museum
    ('Location: Library Company of Philadelphia', 'Standort: Stadtarchiv Musterstadt') is where
    the picture is kept, not where it was taken: no place; credited when nothing else names a
    credit. (A news picture's 'Location: British Museum, London' is where it was taken.)"""
    for name in _HOLDER_FIELDS:
        items = scan.fields.get(name)
        if not items:
            continue
        kept = []
        for item in items:
            if _names_institution(item.value):
                scan.collections.append(item.value.strip())
            else:
                kept.append(item)
        if kept:
            scan.fields[name] = kept
        else:
            del scan.fields[name]


def _holder_line(line: str) -> bool:
    """'Millbrook Historical Museum', 'Stadtarchiv', 'Archives départementales de la Somme': a
    holding institution's name alone on its line (capitalised words, particles between them, no
    digit, no sentence)."""
    stripped = line.strip()
    words = stripped.split()
    if not words or len(words) > 8 or len(stripped) > 80 or not stripped[:1].isupper() or stripped[-1:] in ".!?:,;":
        return False
    if has_digit(stripped):
        return False
    # (an adjective in lower case at most: 'Archives municipales de ...', 'Archivo histórico de ...')
    if sum(1 for word in words[1:] if word[:1].islower() and word not in NAME_JOINERS) > 1:
        return False
    return _names_institution(stripped)


def _names_institution(value: str) -> bool:
    words = fold(value[:200]).replace(",", " ").split()
    if not words:
        return False
    pairs = {f"{first} {second}" for first, second in zip(words, words[1:], strict=False)}
    return any(word in HOLDING_INSTITUTIONS for word in words) or bool(pairs & HOLDING_INSTITUTIONS)


_DASH_TAIL_RE = lazy_compile(
    r"\s[-–]\s(?P<holder>[A-ZÀ-ÝĀ-ɏ][^,;()\n]{3,80}),\s(?P<reference>[^,;\n]{1,40}\d[^,;\n]{0,40})$"
)


_MUSEUM_CREDIT_RE = lazy_compile(
    r"(?:^|[.,;]\s)(?:%s)\s[A-ZÀ-ÝĀ-ɏ0-9]" % "|".join(re.escape(phrase) for phrase in MUSEUM_CREDIT_PHRASES)  # noqa: UP031
)


def _museum_credit_line(line: str) -> str | None:
    """A museum's credit line alone in its paragraph ('The Example Collection, the Example Museum.
    Gift of Jane Roe', 'Don de Jean Exemple, 1987'): how the picture came to its holder; None for
    a caption that tells of a gift ('The mayor accepts the gift of a statue ...')."""
    stripped = line.strip()
    if len(stripped) > 200 or not stripped[:1].isupper():
        return None
    match = _MUSEUM_CREDIT_RE.search(stripped)
    if match is None:
        return None
    head = stripped[: match.start()]
    if sum(1 for word in head.split() if word[:1].islower() and word not in NAME_PARTICLES and word != "the") > 1:
        return None  # a sentence before the phrase, not a name
    return stripped.rstrip(".")


def _institution_tail(line: str) -> tuple[str, str, str] | None:
    """(caption, holder, reference) for a caption closed by its archive's citation after a dash
    ('... im Hintergrund - Stadtarchiv Musterstadt, Best. 604 A Nr. 12-004', '... - Archivo
    Municipal de X, Sig. 1234'): the holder names a library, archive or museum, the reference
    holds a digit; a leading abbreviation ('Best.', 'Sig.') or id label is no part of it."""
    match = _DASH_TAIL_RE.search(line, max(0, len(line) - 160))
    if match is None or match.start() < 20 or not _names_institution(match.group("holder")):
        return None
    holder = match.group("holder").strip()
    if holder.count(" ") > 6 or sum(1 for word in holder.split() if word[:1].islower()) > 2:
        return None
    words = match.group("reference").split()
    while len(words) > 1 and not has_digit(words[0]):
        first = words[0]
        if (first.endswith(".") and len(first) <= 8) or _lookup_id_label(first):
            words = words[1:]
        else:
            break
    first = words[0]
    if not (has_digit(first) or (first.isupper() and len(first) <= 5)):
        return None  # '- British Museum, London 2019': a place and a year, no reference
    reference = " ".join(words)
    if _is_date_text(reference):
        return None
    return line[: match.start()].rstrip(), holder, reference


def _lookup_id_label(word: str) -> bool:
    known = LABELS.get(fold(word).rstrip(".:"))
    return known is not None and known[0] == "source_id"


def _note_collection(scan: BlockScan, holder: str) -> None:
    numbered = _BRACKET_ID_RE.search(holder)
    if numbered:
        scan.page_ids.append(numbered.group("id"))
        holder = (holder[: numbered.start()] + holder[numbered.end() :]).strip()
    scan.collections.append(holder)


def _name_line(line: str) -> tuple[str, str] | None:
    """(label, name) for a line that is a photographer's label and a name without a colon
    ('Fotógrafo Desconocido', 'Photographer Jane Roe'): at most four words after the label,
    each capitalised (a sentence, 'Photographer Jane Roe poses with ...', is none)."""
    stripped = line.strip()
    if len(stripped) > 60 or not stripped[:1].isupper() or has_digit(stripped):
        return None
    bare = bare_label(stripped)
    if bare is None or bare[0][0] not in ("creator", "credit"):
        return None
    words = bare[2].split()
    if not 1 <= len(words) <= 4 or not all(word[:1].isupper() for word in words):
        return None
    return bare[1], bare[2]


_YEAR_ALONE_RE = lazy_compile(r"(?:1[5-9]|20)\d\d")


def _without_value_lines(lines: list[str], scan: BlockScan) -> tuple[list[str], str | None]:
    """A catalogue page copied as text puts the record's values one to a line, unlabelled, before
    or after the description ('Circa 1905' / 'RSCA1905000308' / 'Plaza Mayor ...'; '... agita una
    bandera.' / '014458' / '1931-04-14' / 'Unidad Documental Simple' / ...): the values opening
    the paragraph are no caption text, and the first value after its first line ends it, with the
    catalogue's furniture that follows. A number goes to the page's ids, the first date is the
    date line (the picture's dating when the caption states none)."""
    date_line = None
    start = 0
    while start < len(lines) - 1:
        kind = _value_kind(lines[start])
        if kind is None:
            name = _name_line(lines[start])
            if name is None:
                break
            scan.add_field("creator", name[1], 50, start, name[0])
            start += 1
            continue
        if kind == "id":
            scan.page_ids.append(lines[start].strip())
        elif kind == "date" and date_line is None:
            date_line = lines[start].strip()
        start += 1
    end = len(lines)
    for index in range(start + 1, len(lines)):
        kind = _value_kind(lines[index])
        if kind is not None:
            end = index
            for line in lines[index : index + 4]:
                kind = _value_kind(line)
                if kind == "id":
                    scan.page_ids.append(line.strip())
                elif kind == "date" and date_line is None:
                    date_line = line.strip()
                elif kind is None:
                    place = closing_place_line(line) if scan.place_line is None else None
                    if place is not None:  # '3 May 2019' / 'Sassnitz, Germany': the record's place
                        scan.place_line = (place, line.strip())
                        continue
                    break
            if end - 1 > start and _is_name_value(lines[end - 1]):
                # the record's author alone on the line between the description and its values
                # ('... del edificio municipal' / 'Jane Roe Sample' / 'Aproximadamente el año 1953')
                end -= 1
                scan.add_field("creator", lines[end].strip(), 60, end, "author line")
            break
    return lines[start:end], date_line


def _is_name_value(line: str) -> bool:
    """A person's or studio's name alone: two to six capitalised words (particles between them:
    'de', 'von', 'van der'), no digit, no sentence punctuation."""
    words = line.strip().split()
    if not 2 <= len(words) <= 6 or any(character.isdigit() or character in ".:;!?()" for character in line):
        return False
    if not words[0][:1].isupper() or not words[-1][:1].isupper():
        return False
    return all(word[:1].isupper() or word in NAME_PARTICLES for word in words)


def _is_date_line(line: str) -> bool:
    """'Año 1963', 'Circa 1905', 'Mai 1945', '3. Mai 2024': a date and at most the words of
    date_line_words (caption_labels.json) on a short line."""
    stripped = line.strip().rstrip(".:")
    if len(stripped) > 30 or not has_digit(stripped):
        return False
    found = dates.find_date(stripped)
    if found is None or found.start is None or found.problem:
        return False
    at = stripped.find(found.text)
    rest = stripped[:at] + " " + stripped[at + len(found.text) :] if at >= 0 else stripped
    return all(fold(word) in DATE_LINE_WORDS for word in _LETTERS_RE.findall(rest))


def _agency_dated_line(line: str) -> tuple[str, str] | None:
    """('Reuters', 'Wednesday, March 31, 2021') from a picture page's line 'Reuters / Wednesday,
    March 31, 2021': an agency or a credit, a slash, and a date
    alone after it. A place before the date ('Berlin / 3. Mai 2024') is no credit; None then."""
    stripped = line.strip()
    if len(stripped) > 80:
        return None
    at = stripped.rfind(" / ")
    if at <= 0:
        return None
    head, tail = stripped[:at].strip(), stripped[at + 3 :].strip(" .")
    if not tail[-1:].isdigit() or len(head) > 40 or has_digit(head):
        return None
    if not (head.endswith(AGENCIES) or (ct.may_hold_credit(head) and not _is_place(head))):
        return None
    found = dates.find_date(tail)
    if found is None or found.start is None or len(found.text) < len(tail) - 12:
        return None  # more than a weekday before the date: not a date alone
    return head, tail


def _dated_credit(credit: str) -> tuple[str, str | None]:
    """('National Photo Co.', '1929 March 29') from 'National Photo Co., 1929 March 29': a date
    after the credit's last comma is the picture's, not a part of the name."""
    head, comma, tail = credit.rpartition(",")
    tail = tail.strip(" .")
    if not comma or not head.strip() or len(tail) > 30 or not has_digit(tail):
        return credit, None
    parsed = _parse_date(tail, None)
    return (head.rstrip(), tail) if parsed is not None and parsed.start else (credit, None)


def _credits(record: ParsedCaption, scan: BlockScan, inline_credits: list[str]) -> str | None:
    """Fill credit, creator and copyright; return a date the chosen credit stated after its name."""
    credit_field = scan.best("credit")
    creator_field = scan.best("creator")
    copyright_field = scan.best("copyright")
    if creator_field and creator_field.value:
        record.creator = clean_credit(creator_field.value)[0]
    if copyright_field and copyright_field.value:
        record.copyright_notice = copyright_field.value.strip()[:500]
    candidates = []
    if credit_field and credit_field.value:
        candidates.append(credit_field.value)
        # A credit under a label that says it is mandatory ('Mention obligatoire', 'Mandatory
        # credit') is a mandatory-credit notice (SPEC: any mandatory-credit notice).
        if "mandatory_credit" in caveats_in(credit_field.label):
            record.caveats = sorted(set(record.caveats) | {"mandatory_credit"})
    if creator_field and creator_field.value:
        candidates.append(creator_field.value)
    candidates.extend(inline_credits)
    if copyright_field and copyright_field.value:
        candidates.append(_COPYRIGHT_YEAR_RE.sub("", copyright_field.value.strip(), count=1))
    supplier_field = scan.best("supplier")
    if supplier_field and (
        "/" in supplier_field.value[:100]
        or supplier_field.value.strip() in AGENCY_LINES
        or _PERSON_NAME_RE.fullmatch(supplier_field.value.strip()[:100])
    ):
        # a source naming its photographer and agency ('Quelle: Getty Images/Hannes Magerstaedt'),
        # an agency ('Quelle: dpa') or a photographer ('Quelle: Astrid Schmidt'): the credit when
        # the block states no other
        candidates.append(supplier_field.value)
    candidates.extend(scan.collections)  # the holder of the picture, when nothing else names a credit
    for candidate in candidates:
        candidate = _without_notice(record, candidate)
        credit, reference = clean_credit(candidate)
        if credit and credit.endswith(")"):
            credit = _without_note(credit)
        if credit and credit[-1:].isalpha():
            credit = with_abbreviation_stop(credit, candidate)
        if credit and _IMAGO_NAME_RE.fullmatch(credit):
            credit = " ".join(part for part in credit.split("x") if part)
        stated_date = None
        if credit and "," in credit:
            credit, stated_date = _dated_credit(credit)
        if credit:
            record.credit = credit[:300]
            if reference:
                record.source_id = reference
            return stated_date
    return None


# A person's name: capitalised words, initials and particles ('Astrid Schmidt', 'M. Roe', 'Ana de la
# Roe'; lexicon.PERSON_NAME)
_PERSON_NAME_RE = lazy_compile(PERSON_NAME)
# A note in parentheses after a name: 'Unknown author (o.Ang. in the archive metadata)'.
_CREDIT_NOTE_RE = lazy_compile(r"\s\(([^()]{1,200})\)$")


def _without_note(credit: str) -> str:
    """A credit without the note its source adds in parentheses: words of prose (two in lower
    case at least, no digit), not a place, an agency or life dates ('Hans Lindner (1902–1971)',
    'Central Press (London)', 'Musée Carnavalet (Ville de Paris)' keep theirs)."""
    match = _CREDIT_NOTE_RE.search(credit)
    if match is None:
        return credit
    words = match.group(1).split()
    lower = sum(1 for word in words if word[:1].islower())
    if len(words) >= 3 and lower >= 2 and not any(character.isdigit() for character in match.group(1)):
        return credit[: match.start()].strip() or credit
    return credit


_FIELD_PARTS_RE = lazy_compile(r"[,;]\s|\s[-–]\s")


def _without_notice(record: ParsedCaption, value: str) -> str:
    """A credit or copyright field that also carries a notice ('© Jane Doe, editorial use only,
    not for commerc'): the notice's caveats go to the record, the name stays the credit, and a
    notice cut off mid-word is truncated_text."""
    folded = fold(value[:1000])
    if not caveats_in(folded):
        return value
    parts = _FIELD_PARTS_RE.split(value[:1000])
    joint = ", "
    if "/" in value and caveats_in(fold(parts[0])) and "/" in parts[0]:
        # the notice as one more part of a slashed credit: 'EFE/Presidencia de Colombia/SOLO USO
        # EDITORIAL/NO VENTAS' (EFE's handouts)
        parts, joint = value[:1000].split("/"), "/"
    for index, part in enumerate(parts):
        tags = caveats_in(fold(part))
        if tags or (index and joint == ", " and caveats_in(fold(" ".join(parts[index:])))):
            notice = value[len(joint.join(parts[:index])) :].strip(" ,;-–/")
            record.caveats = sorted((set(record.caveats) | caveats_in(folded)) & CAVEAT_CODES)
            record.restriction_text = "\n".join(filter(None, (record.restriction_text, notice)))
            if ct.ends_in_fragment(notice):
                record.problem_details["truncated_text"] = problem_detail("notice_cut", text=notice[-40:])
            return joint.join(parts[:index])
    return value


def _clean_id(value: str) -> str | None:
    value = value.strip().strip(".,;")
    if value and _FILE_NAME_RE.search(value):
        # a file named by the picture's number: the number is the id ('VIRIN:
        # 130222-A-FS017-679.JPG', the US military's); other file names are none (SPEC)
        stem = value.rsplit(".", 1)[0]
        numbered = _LEADING_ID_RE.match(stem + " A")
        return stem if numbered and numbered.end() == len(stem) + 1 else None
    if not value:
        return None
    if ", " in value:
        # 'HB32122, Kapsel 1208', 'P.2298.088, Box 4': the number, then the box it is kept in
        head, _, rest = value.partition(", ")
        if fold(rest.split(" ", 1)[0]) in ID_CONTAINERS and has_digit(head):
            value = head.strip()
    if _WHOLE_ID_RE.fullmatch(value):
        return value  # an archive's reference is often several tokens: 'SPA 2 Z 29BIS', 'NPG x137688'
    match = _ID_TOKEN_RE.search(value[:200])
    if not match:
        return None
    token = match.group(0).rstrip(".-/")
    if not has_digit(token) and token.isupper():
        # a country's code opening an ISAD(G) reference code: the code whole when it is only
        # codes ('GB 0042 PH/7/12', 'FR AD 9 Fi 12'), its last number when it names the archive in words ('DO
        # Archivo General de la Nación / Jane Roe // 188': the item's number closes the code)
        head = value[:200]
        words = head.split()
        worded = any(len(word) > 3 and word.isalpha() and not word.isupper() for word in words)
        if len(head) <= 40 and len(words) <= 5 and not worded:
            return head if has_digit(head) else token
        numbers = _NUMBERED_TOKEN_RE.findall(head, match.end())
        if numbers:
            return numbers[-1].rstrip(".-/")
    return token if has_digit(token) or token.isupper() else None


def _identity(record: ParsedCaption, scan: BlockScan, inline_credits: list[str]) -> None:
    id_field = scan.best("source_id")
    source_id = _clean_id(id_field.value) if id_field and id_field.value else None
    heading = scan.best("heading_id")
    if heading and len(heading.value) >= 4 and (not id_field or fold(id_field.value).endswith(fold(heading.value))):
        # An archive's heading names the item by its own reference ('Item 19790400_AR_22 - …');
        # the reference code ends with it after the codes of the country, the archive and
        # the series ('ES 29067AUMA AF08-S01-…-19790400_AR_22'). A file's number ('File 3')
        # is no reference of its own.
        source_id = heading.value
    if source_id is None and record.source_id is None:
        reference = scan.best("transmission_reference")
        if reference and " " not in reference.value.strip():
            source_id = _clean_id(reference.value)
    if source_id is None and record.source_id is None and scan.page_ids:
        source_id = scan.page_ids[0]
    if source_id:
        record.source_id = source_id
    supplier = None
    supplier_field = scan.best("supplier")
    probes = []
    if supplier_field:
        probes.append(supplier_field.value)
    probes += [record.credit or "", record.copyright_notice or ""]
    probes += inline_credits
    if id_field:
        probes.append(id_field.label)
    probes.extend(scan.structured_lines[:60])
    for probe in probes:
        if probe:
            supplier = _supplier_in(probe[:1000])
            if supplier:
                break
    if supplier is None and any(_IMAGO_NAME_RE.fullmatch(credit.strip()) for credit in inline_credits):
        supplier = "imago"  # imago writes photographers as 'xFirstxLastx'
    if supplier is None and any(_ALAMY_SIZE_RE.search(line) for line in scan.structured_lines[:40]):
        supplier = "Alamy"  # the Alamy page layout: 'px | cm | inches | dpi'
    record.supplier = supplier


def _sizes(record: ParsedCaption, scan: BlockScan) -> None:
    candidates: list[SizeFacts] = list(scan.sizes)
    for item in scan.fields.get("dimensions", ()):
        value = item.value[:4000]
        if " x " in item.label:
            value = f"({item.label}) {value}"  # the sides its label names: 'Maße (Höhe x Breite)'
        facts = _scan_dimensions(value)
        if facts:
            candidates.append(facts)
    problems = record.problem_details
    with_pixels = [facts for facts in candidates if facts.width_px]
    chosen = max(with_pixels, key=lambda facts: facts.area) if with_pixels else None
    bad_pixels = any(facts.bad_pixels for facts in candidates)
    if chosen:
        record.width_px, record.height_px = chosen.width_px, chosen.height_px
    else:
        width_field, height_field = scan.best("width"), scan.best("height")
        if width_field and height_field:
            width, bad_width = first_number_pixels(width_field.value)
            height, bad_height = first_number_pixels(height_field.value)
            if width and height:
                record.width_px, record.height_px = width, height
            bad_pixels = bad_pixels or bad_width or bad_height
    dpi = chosen.dpi if chosen and chosen.dpi else None
    bad_dpi = any(facts.bad_dpi for facts in candidates)
    if dpi is None:
        dpi = next((facts.dpi for facts in candidates if facts.dpi), None)
    if dpi is None:
        resolution = scan.best("x_resolution")
        unit = scan.best("resolution_unit")
        if resolution and unit and fold(unit.value).startswith("inch"):
            dpi, bad = first_number_pixels(resolution.value)
            bad_dpi = bad_dpi or bad
    record.dpi = dpi
    stated = list(chosen.stated) if chosen and chosen.stated else []
    if not stated:
        for facts in candidates:
            if not facts.width_px:
                stated.extend(facts.stated)
    if stated and record.width_px is None and record.dpi is None and not _says_print(scan):
        # A record without pixels or resolution, and no word of printing, measures the object
        # it holds ('1 tarjeta postal ... 10 x 8 cm', 'Medidas imagen: 248 x 319 mm', 'Bildmaße
        # H: 31,5 cm B: 46,7 cm'): that is no print size of an image file. A museum's statement
        # of a photograph's size, its sides named or in both units ('H x W: 4 5/8 x 5 1/2 in.
        # (11.7 x 14 cm)'), is the print's size as stated.
        # (a labelled dimensions field before the loose size lines: 'Dimensions' / 'image: ...'
        # over 'mount: ...')
        labelled = candidates[len(scan.sizes) :] + candidates[: len(scan.sizes)]
        stated = [size for facts in labelled if facts.museum and not facts.width_px for size in facts.stated]
    record.stated_sizes = stated
    for size in stated:
        width, height = float(size.width), float(size.height)
        if size.unit == "cm" and record.print_width_cm is None:
            record.print_width_cm, record.print_height_cm = width, height
        elif size.unit == "in" and record.print_width_in is None:
            record.print_width_in, record.print_height_in = width, height
    if record.width_px is None:
        problems["missing_dimensions"] = problem_detail("pixels_range" if bad_pixels else "pixels_missing")
    if record.dpi is None:
        problems["missing_dpi"] = problem_detail("dpi_range" if bad_dpi else "dpi_missing")
    wrong = (
        _mismatched(
            record.width_px,
            record.height_px,
            record.dpi,
            tuple((s.width, s.height, s.unit) for s in stated),
        )
        if stated
        else ()
    )
    if wrong:
        problems["print_size_mismatch"] = DETAIL_SEPARATOR.join(_mismatch_text(record, stated, name) for name in wrong)


def _mismatch_text(record: ParsedCaption, stated, name: str) -> str:
    side, unit = name.split("_")
    pixels = record.width_px if side == "width" else record.height_px
    derived = getattr(print_size(record.width_px, record.height_px, record.dpi), name)
    value = next(getattr(size, side) for size in stated if size.unit == unit)
    unit_word = "cm" if unit == "cm" else "in"
    return problem_detail(
        f"{side}_mismatch",
        value=value,
        unit=unit_word,
        pixels=pixels,
        dpi=record.dpi,
        derived=f"{round_half_up(derived, 1):.1f}",
    )


# An ISO date whose unknown month or day is written as zeros ('1930-00-00', '1930-05-00'), as
# archive databases export them: the year or the month, not an invalid date.
_ZERO_YEAR_RE = lazy_compile(r"\b(\d{4})-00(?:-00)?\b")
_ZERO_DAY_RE = lazy_compile(r"\b(\d{4}-(?:0[1-9]|1[0-2]))-00\b")


def _normalize_date_value(value: str) -> str:
    value = value.strip()[:300]
    if "-00" in value:
        value = _ZERO_DAY_RE.sub(r"\1", _ZERO_YEAR_RE.sub(r"\1", value))
    return value


_DATE_CUE_RE = lazy_compile(
    r"\b" + guarded_alternation(DATE_CUES) + r"\s",
    re.IGNORECASE,
)


def _cued_date(text: str, today: date | None):
    """The date a cue word introduces ('..., aufgenommen im Mai 1943. ... am 29.05.1943'):
    when the picture was taken, over any other date the caption mentions."""
    for cue in _DATE_CUE_RE.finditer(text):
        found = dates.find_date(text[cue.end() : cue.end() + 40], today=today)
        if found is not None and found.start:
            return found
    return None


# The words before a date that make it another event's ('eröffnet am', 'founded in', 'desde'), or
# 'the' before a date used as an adjective ('the March 11, 2011, earthquake'): see
# captions/data/caption_labels.json, event_date_cues (up to three words each).
_EVENT_CUES = frozenset(cue.lower() for cue in EVENT_DATE_CUES)
_NOUN_AFTER_RE = lazy_compile(r",?\s[a-z]")


def _is_event_date(text: str, start: int, found) -> bool:
    """Is the date at `start` another event's, not the picture's (see _EVENT_CUES and
    _in_past_clause)? A range ('desde 1944 hasta 1946') is a picture's span, whatever leads to it,
    unless it is a life in brackets after a name (_in_life_dates)."""
    if start and "(" in text[max(0, start - _LIFE_REACH) : start] and _in_life_dates(text, start, found):
        return True
    if "/" in (found.edtf or ""):
        return False
    if _QUOTE_AFTER_RE.match(text, start + len(found.text)):
        return True  # 'Le Courrier du 5 décembre 1970 : « ... »': the date of the text quoted, not the picture's
    before = text[max(0, start - 30) : start]
    if before.endswith(" "):
        words = before.lower().split()[-3:]
        if any(" ".join(words[-size:]) in _EVENT_CUES for size in range(1, len(words) + 1)):
            return True
        end = start + len(found.text)
        if words and words[-1] == "the" and found.text[:1].isalpha() and _NOUN_AFTER_RE.match(text, end):
            return True
    return (
        _in_past_clause(text, start, found)
        or _in_since_clause(text, start, found)
        or _in_participle(text, start, found)
    )


# A colon and an opening quote right after a date: the date introduces a quoted text (a paper's
# issue, a letter), not the picture's day
_QUOTE_AFTER_RE = lazy_compile(r"\s{0,2}:\s{0,2}[\"«“„‘']")
_LIFE_SPAN = (15, 110)  # years between a birth and a death in brackets
_LIFE_REACH = 60  # characters of a bracket holding life dates


def _in_life_dates(text: str, start: int, found) -> bool:
    """Is the date at `start` a birth, a death or a life in brackets after a name ('Albert Einstein
    (b. 1879)', 'Max Liebermann (geb. 1847)', 'Eugène Atget (1857-1927)', 'Albert Einstein (14
    March 1879 – 18 April 1955)')? A marker word before the date (life_markers), or two years 15 to
    110 apart in the bracket, after a word in capitals that names no place: a picture library's
    'Straßenszene in Berlin (1920-1940)' keeps its span."""
    opening = text.rfind("(", max(0, start - _LIFE_REACH), start)
    closing = text.find(")", start, start + _LIFE_REACH)
    if opening <= 0 or closing < 0 or ")" in text[opening:start] or "(" in text[start:closing]:
        return False
    name = _LETTERS_RE.findall(text[max(0, opening - 40) : opening])
    if not name or not name[-1][:1].isupper():
        return False
    marker = text[opening + 1 : start].strip().lower()
    if marker in _LIFE_MARKERS or (marker and not marker.strip(" -–—")):
        return True  # (or the death after a birth already read as the bracket's: '(  …  – 18 April 1955)')
    if marker and not has_digit(marker):
        return False  # a bracket that says something else before the date

    years = [int(year) for year in _YEAR_DIGITS_RE.findall(text, opening, closing)]
    if len(years) != 2 or not _LIFE_SPAN[0] <= years[1] - years[0] <= _LIFE_SPAN[1]:
        return False
    return not _is_place(name[-1])


def _in_participle(text: str, start: int, found) -> bool:
    """Is the date at `start` the event of an English participle that modifies a noun ('out of
    250,000 trout fry hatched in the fall of 2022 at a fish farm in Maibara, Shiga Prefecture, is
    cobalt blue-colored')? A word in -ed and only words such as 'in the fall of' before the date,
    and the sentence's own verb after a comma behind it ('..., is'); 'pictured', 'photographed',
    'released' and the like are the picture's."""
    words = _LETTERS_RE.findall(text[max(0, start - 40) : start].lower())[-6:]
    index = len(words) - 1
    while index >= 0 and words[index] in _PARTICIPLE_GAP:
        index -= 1
    if index < 1 or index == len(words) - 1:
        return False
    participle = words[index]
    if len(participle) < 5 or not participle.endswith("ed") or participle in _PICTURE_PARTICIPLES:
        return False
    end = start + len(found.text)
    stop = _SENTENCE_END_RE.search(text, end, end + 200)
    return _MAIN_VERB_AFTER_RE.search(text, end, stop.start() if stop else end + 200) is not None


def _in_since_clause(text: str, start: int, found) -> bool:
    """Is the date at `start` in a clause that 'since' opens ('Desde la caótica toma talibán de
    Kabul el 15 de agosto de 2021, una economía ... el jueves 2 de febrero de 2023', 'Since the
    takeover on Aug. 15, 2021, ...'): the day the story counts from, when the text states another
    year after it (Spanish 'desde' and French 'depuis' also say 'from' a place: a caption with no
    other date keeps its own)."""
    low = max(0, start - _CLAUSE_REACH)
    window = text[low:start].lower()
    if not any(word in window for word in _SINCE_WORDS):
        return False  # (a substring test before looking for the clause)
    opening = None if low else 0
    for boundary in _CLAUSE_BREAK_RE.finditer(text, low, start):
        opening = boundary.end()
    if opening is None:
        return False
    words = _LETTERS_RE.findall(text[opening:start].lower())
    if not words or words[0] not in _SINCE_WORDS:
        return False
    return _YEAR_DIGITS_RE.search(text, start + len(found.text)) is not None


# A clause about an earlier event: see captions/data/caption_labels.json, event_clauses.
_RELATIVE_WORDS = EVENT_CLAUSES.get("relative", frozenset())
_RELATIVE_AFTER_COMMA = EVENT_CLAUSES.get("relative_after_comma", frozenset())
_PAST_WORDS = EVENT_CLAUSES.get("past_words", frozenset())
_PICTURE_WORDS = EVENT_CLAUSES.get("picture_words", frozenset())
_PAST_PAIRS = EVENT_CLAUSES.get("past_pairs", frozenset())
_PAST_ENDINGS = tuple(EVENT_CLAUSES.get("past_endings", ()))
_SINCE_WORDS = EVENT_CLAUSES.get("since", frozenset())
_LIFE_MARKERS = EVENT_CLAUSES.get("life_markers", frozenset())
_PARTICIPLE_GAP = EVENT_CLAUSES.get("participle_gap", frozenset())
_PICTURE_PARTICIPLES = EVENT_CLAUSES.get("picture_participles", frozenset())
_MAIN_VERB_AFTER_RE = lazy_compile(
    r",\s(?:" + "|".join(map(re.escape, sorted(EVENT_CLAUSES.get("main_verbs_after", ())))) + r")\s"
)
_TODAY_RE = lazy_compile(
    r"\b(?:" + "|".join(map(re.escape, sorted(EVENT_CLAUSES.get("today", ())))) + r")\b", re.IGNORECASE
)
_CLAUSE_BREAK_RE = lazy_compile(r"[,;:.!?()\[\]«»“”\"]|\s[-–—]\s")
_LETTERS_RE = lazy_compile(r"[^\W\d_]+")
_CLAUSE_REACH = 120  # characters before the date searched for the clause's opening
_CLAUSE_TAIL = 60  # and after it, for a verb at the clause's end (', die 2019 ausbrach')


def _is_past(words: list[str]) -> bool:
    for index, word in enumerate(words):
        if word in _PAST_WORDS or (len(word) >= 5 and word.endswith(_PAST_ENDINGS)):
            return True
        if index and f"{words[index - 1]} {word}" in _PAST_PAIRS:
            return True
    return False


def _in_past_clause(text: str, start: int, found) -> bool:
    """Is the date at `start` inside a clause about an earlier event ('la grave ola de protestas
    que estalló en 2019', 'the strike which began in March 1984', 'qu’elle était devenue en
    septembre 1944', ', die 2019 ausbrach')? A relative word opens the clause (German: right after
    a comma, where der/die/das are no articles) and a past-tense word carries it. A year, month or
    decade there is that event's; a day only when the caption says its picture is of today (a
    wire's 'Firefighters battle a blaze that broke out on Monday, July 1, 2024' is the picture's). A
    clause about the picture itself ('la imagen de archivo que captó en 1985') keeps its date."""
    low = max(0, start - _CLAUSE_REACH)
    opening = low
    for boundary in _CLAUSE_BREAK_RE.finditer(text, low, start):
        opening = boundary.end()
    words = _LETTERS_RE.findall(text[opening:start].lower())
    relative = -1
    for index in range(len(words) - 1, -1, -1):
        if words[index] in _RELATIVE_WORDS:
            relative = index
            break
    if relative < 0:
        after_comma = opening > 0 and text[opening - 1] == ","
        if not (words and after_comma and words[0] in _RELATIVE_AFTER_COMMA):
            return False
        relative = 0
    # the clause is about the picture itself when a picture word is among the three words before
    # it ('la imagen de archivo que captó en 1985')
    leading = words[max(0, relative - 3) : relative]
    if not leading:
        leading = _LETTERS_RE.findall(text[max(0, opening - 30) : opening].lower())[-3:]
    if any(word in _PICTURE_WORDS for word in leading):
        return False
    end = start + len(found.text)
    closing = _CLAUSE_BREAK_RE.search(text, end, end + _CLAUSE_TAIL)
    tail = _LETTERS_RE.findall(text[end : closing.start() if closing else end + _CLAUSE_TAIL].lower())[:4]
    if not (_is_past(words[relative + 1 :]) or _is_past(tail)):
        return False
    return found.precision != dates.DAY or _TODAY_RE.search(text) is not None


def _alone(text: str, at: int, length: int) -> bool:
    """Is text[at : at + length] no part of a longer number?"""
    return not (at and text[at - 1].isdigit()) and not text[at + length : at + length + 1].isdigit()


def _picture_date(text: str, today: date | None):
    """The caption's date, passing over dates it names as other events' ('Das Tivoli-Stadion,
    eröffnet am 6. September 2000', 'victims of the March 11, 2011, earthquake', 'protestas que
    estalló en 2019'): each such date is blanked and the text read again (three times at most).
    A day without its year ('desde 1961, el 8 de agosto') takes the year another date states; when
    that date is an event's, it is blanked too, and the day has no year."""
    for _ in range(3):
        found = dates.find_date(text, today=today)
        if found is None or found.start is None or not found.text:
            return found
        start = text.find(found.text)
        if start < 0:
            return found
        if not _is_event_date(text, start, found):
            if found.precision != dates.DAY or _YEAR_DIGITS_RE.search(found.text):
                return _inner_date(text, start, found, today) or found
            # the year it took, where the text names it as an event's (a substring search, not
            # a second reading of the whole text)
            year = str(found.start.year)
            mention = dates.PartialDate(year, year, None, None, dates.YEAR, False, None)
            at = text.find(year)
            while at >= 0 and not (_alone(text, at, 4) and _is_event_date(text, at, mention)):
                at = text.find(year, at + 4)
            if at < 0:
                return found
            start, found = at, mention
        text = text[:start] + " " * len(found.text) + text[start + len(found.text) :]
    return None


# What closes a dateline after its date: its place, the agency in brackets, then the dash or colon
# before the story ('URUMQI, Sept. 22, 2023 (Xinhua) -- Journalists ...', '06.05.2025, Berlin: ...').
_DATELINE_CLOSE_RE = lazy_compile(r"(?:,\s[^\d.,:()\n]{1,30})?\s?(?:\([^()\n]{1,40}\)\s?)?(?:--|[-–—:]|\.-)\s")
# (not a day's dot: '3. Oktober')
_SENTENCE_END_RE = lazy_compile(r"(?<!\b\d)(?<!\b\d\d)[.!?][\"”»]?\s+(?=[A-ZÀ-ÝĀ-ɏ\"“«])")
_DATELINE_REACH = 80  # a dateline's date starts within the caption's first characters
# a participle of taking the picture, the first word of a date cue ('taken', 'tomada', 'prise',
# 'aufgenommen': caption_labels.json date_cues)
_TAKEN_WORD_RE = lazy_compile(
    r"\b(?:" + alternation({cue.split()[0] for cue in DATE_CUES}) + r")\b",
    re.IGNORECASE,
)
_FILING_LAG = 62  # days a wire files its picture after taking it, at most


def _inner_date(text: str, start: int, found, today: date | None):
    """The picture's own day, when the date found is a dateline's and the caption's first sentence
    states another day of the weeks before it: a wire files a picture after taking it ('(230922)
    -- URUMQI, Sept. 22, 2023 (Xinhua) -- Journalists interview a resident in Kashgar, Sept. 17,
    2023. ...'). The dateline's own day stays otherwise; None then."""
    if start > _DATELINE_REACH or found.precision != dates.DAY:
        return None
    close = _DATELINE_CLOSE_RE.match(text, start + len(found.text))
    if close is None:
        return None
    end = _SENTENCE_END_RE.search(text, close.end(), close.end() + 600)
    sentence = text[close.end() : end.start() + 1 if end else close.end() + 600]
    taken = _TAKEN_WORD_RE.search(sentence)
    if str(found.start.year) not in sentence and str(found.start.year - 1) not in sentence and taken is None:
        return None  # no day of the weeks before (a substring test before reading the sentence)
    inner = dates.find_date(sentence, today=today)
    if inner is None or inner.precision != dates.DAY or not _YEAR_DIGITS_RE.search(inner.text or ""):
        return None
    at = sentence.find(inner.text)
    lag = (found.start - inner.start).days
    if not 0 < lag <= _FILING_LAG and not (lag > 0 and taken is not None and taken.start() < at):
        # (a picture the sentence says was taken on its day is of that day, however long before
        # the filing: 'Vista aérea tomada con un dron el 31 de julio de 2024 ...', 'Photo taken on')
        return None
    return None if at < 0 or _is_event_date(sentence, at, inner) else inner


# A date alone after the caption's last sentence or dash: '... with cheers. 1939.', '... Paris,
# France - 1944'
_CLOSING_DATE_RE = compile_guarded(
    r"(?:[.!?][\"”»]?\s{1,3}|\s[-–—]\s{1,3})(?P<date>[^.!?\-–—\n]{0,24}\d{4}[^.!?\-–—\n]{0,6}?)\.?\s{0,3}$"
)
_YEAR_DIGITS_RE = lazy_compile(r"\d{4}")
_WORD_BEFORE_RE = lazy_compile(r"[^\W\d_]+$")


def _with_closing_date(found, caption: str, today: date | None):
    """The date the caption closes on, alone after its last sentence or a dash, is the picture's:
    it wins over a date the text mentions in another year ('… après 1940 … Paris, France - 1944')
    or without its own year ('… on October 6th … 1939.'); a full date within it stays (more
    precise)."""
    match = _CLOSING_DATE_RE.search(caption, max(0, len(caption) - 45))
    if match is None:
        return found
    month = _WORD_BEFORE_RE.search(caption, max(0, match.start() - 12), match.start())
    if month is not None and fold(month.group()) in dates.MONTHS:
        return found  # '... on Jan. 6, 2021.': the dot of a month's abbreviation ends no sentence
    if caption[match.start() - 1 : match.start()].isdigit():
        return found  # '..., 1939 - 1945.': the dash joins a range, it closes no sentence
    if match.group("date").count("(") != match.group("date").count(")"):
        return found  # '... Einstein (b. 1879) in Princeton, 1921.': an abbreviation's dot inside a bracket
    closing = _parse_date(match.group("date").strip(), today)
    if closing is None or closing.start is None or closing.problem:
        return found
    word = month
    if word is not None and caption[word.end() : word.end() + 1] == "." and len(word.group()) <= 6:
        # a short word's dot that belongs to the date ('zw. 1900 und 1910', 'ca. 1930'): the date
        # read with it differs, and the whole text's reading stays
        whole = _parse_date(caption[word.start() : match.end()].strip(), today)
        if whole is not None and (whole.edtf != closing.edtf or whole.approximate != closing.approximate):
            return found
    if found is None or found.start is None:
        return closing
    within = closing.start <= found.start and (found.end or found.start) <= closing.end
    if within and _YEAR_DIGITS_RE.search(found.text or ""):
        return found
    return closing


def _date_after_name(sentence: str, name: str) -> str | None:
    """The date alone after the photographer's sentence the caption closes on ('... Foto de María
    Pérez. 1952.', '... Photo Jean Dupont, vers 1930.'): the page's dating of the picture."""
    at = sentence.find(name)
    after = sentence[at + len(name) :].lstrip(" .,;–-").split(". ", 1)[0].strip(" .") if at >= 0 else ""
    if not after or len(after) > 30 or not has_digit(after):
        return None
    found = dates.find_date(after)
    if found is None or found.start is None or len(found.text) < len(after) - 4:
        return None  # a sentence about something else ('Das Haus wurde 1952 gebaut')
    return after


def _with_note(found, note: str, today: date | None):
    """The date a note in brackets after the caption's last sentence states ('... la passerelle.
    (datation : vers 1910)', '... Fraumünsters. (10. März 2018)') is the page's dating of the
    picture: it wins over a date the text mentions ('Les arbres, plantés en 1899, ...'), as a date
    closing the caption does; a date of the text within it stays (more precise)."""
    noted = _parse_date(note.strip(), today)
    if noted is None or noted.start is None or noted.problem:
        return found
    if _within(found, noted) and _YEAR_DIGITS_RE.search(found.text or ""):
        return found
    return noted


# A date in brackets closing a title: 'Ein Propagandawagen in den Straßen Berlins (August-September
# 1930)', 'Vue du port (vers 1900)'.
_TITLE_DATE_RE = lazy_compile(r"\((?P<date>[^()\n]{4,40})\)\s{0,3}$")
# or after its last comma or dash, or with a 'circa' word, a year or a hedged one and nothing
# more: 'Main Street, Lille, ca. 1910', 'Main Street circa 1907', 'Paris - 9 mai 1959'
_TITLE_TAIL_DATE_RE = lazy_compile(
    r"(?:,\s|\s[-–—]\s|\s(?=(?i:circa|ca\.|c\.|um|vers|env\.|hacia|about|around)\s))"
    r"(?P<date>(?:(?i:circa|ca\.|c\.|um|vers|env\.|hacia|about|around)\s)?[^,()\n]{0,24}\d{4}s?)\.?\s{0,3}$"
)


def _title_date(title: str, today: date | None):
    """The date a picture library's title closes on, in brackets: its dating of the picture, over
    the dates its description mentions (an election 'für den 14. September 1930', a photographer's
    life dates). Only a bracket that holds a date and little else ('(Foto: Archiv 1930)' is no
    dating)."""
    match = _TITLE_DATE_RE.search(title, max(0, len(title) - 60))
    if match is None:
        match = _TITLE_TAIL_DATE_RE.search(title, max(0, len(title) - 60))
        if match is not None:
            whole = dates.find_date(title[-60:], today=today)
            if whole is not None and (
                dates.weekday_date(title, today=today) is not None
                or not _WORDS_RE.findall(title.replace(whole.text, " "))
            ):
                return None  # a line that is only a date ('Thursday, September 30, 2010'): no title
            if whole is not None and whole.start is None:
                return None  # a day that does not exist ('September 31, 2019'): no dating
            if whole is not None and match.group("date").strip() in whole.text:
                return whole  # the whole date the tail ends ('..., May 19, 2009')
    if match is None or not any(character.isdigit() for character in match.group("date")):
        return None
    inside = match.group("date").strip()
    found = dates.find_date(inside, today=today)
    if found is None or found.start is None or found.problem or len(found.text) < len(inside) - 4:
        return None
    return found


_UNDATED_RE = lazy_compile(
    r"\b(?:"
    + "|".join(re.escape(word).replace("\\ ", r"\s") for word in sorted(UNDATED_PICTURE_WORDS, key=len, reverse=True))
    + ")",
    re.IGNORECASE,
)
_SENTENCE_STOP_RE = lazy_compile(r"[.!?;:]\s")
# every undated wording holds one of these, in any case as written
_UNDATED_PROBES = tuple(
    {form for word in UNDATED_PICTURE_WORDS for form in (word[:4], word[:4].upper(), word[:4].capitalize())}
)
_WORD_REST_RE = lazy_compile(r"\w*")


def _undated_picture(caption: str):
    """'This undated photo provided by KCNA shows ...', 'Dieses undatierte, von KCNA am 16.10.2019
    zur Verfügung gestellte Foto zeigt ...', 'une photo non datée': the caption says its picture
    has no known day, so the days it mentions are the release's or the story's. An undated
    PartialDate (no interval) then, or None."""
    if not any(probe in caption for probe in _UNDATED_PROBES):
        return None  # (a substring test costs far less than the search on every dated caption)
    for match in _UNDATED_RE.finditer(caption):
        end = _WORD_REST_RE.match(caption, match.end()).end()  # 'undatiert|e'
        stop = _SENTENCE_STOP_RE.search(caption, end, end + 160)
        after = _LETTERS_RE.findall(caption[end : stop.start() if stop else end + 160].lower())[:12]
        before = caption[max(0, match.start() - 40) : match.start()]
        cut = max(before.rfind(". "), before.rfind("; "), before.rfind(": "))
        before_words = _LETTERS_RE.findall(before[cut + 1 :].lower())[-3:]
        if any(word in _PICTURE_WORDS for word in after + before_words):
            return dates.PartialDate(caption[match.start() : end], None, None, None, None, False, None)
    return None


def _within(inner, outer) -> bool:
    return (
        inner is not None
        and inner.start is not None
        and outer.start is not None  # (a title's date that does not exist: 'September 31')
        and outer.end is not None
        and outer.start <= inner.start
        and (inner.end or inner.start) <= outer.end
    )


# A date label that says the date is a guess ('Datation estimée', 'Fecha aproximada', 'Estimated date')
_ESTIMATED_LABEL_RE = lazy_compile(r"estim|approx|aprox|geschatz")


def _date(
    record: ParsedCaption,
    scan: BlockScan,
    today: date | None,
    caption_text: str = "",
    titles=(),
    note: str | None = None,
) -> None:
    labelled = scan.best("date")
    if labelled is None:
        # a file's create (digitized) date is when the camera or the scanner made the file: the
        # caption's own date of the picture wins over it ('um 1930' on a scan of 2019); alone it
        # dates the picture
        labelled = scan.best("date_digitized")
        if labelled is not None and record.caption and _caption_dates_itself(record.caption, scan, today):
            labelled = None
    if labelled and labelled.value.strip().startswith(PLACEHOLDER_DATES):
        labelled = None  # 'no date' in the agency's words: the caption text's date is used
    parsed = None
    if labelled and labelled.value.strip():
        parsed = _parse_date(_normalize_date_value(labelled.value), today)
        if parsed is not None and record.caption:
            parsed = _month_first_if_the_caption_says_so(labelled.value, parsed, record.caption, today)
        if parsed is None:
            parsed = dates.find_date(labelled.value[:300], today=today)
        if parsed is None:
            record.date_text = labelled.value.strip()[:300]
        elif parsed.start is not None and not parsed.approximate and _ESTIMATED_LABEL_RE.search(fold(labelled.label)):
            # 'Datation estimée : 1925', 'Fecha aproximada: 1925', 'Estimated date: 1925': a guess
            parsed = dates.PartialDate(
                parsed.text,
                "/".join(part + "~" for part in parsed.edtf.split("/")) if parsed.edtf else parsed.edtf,
                parsed.start,
                parsed.end,
                parsed.precision,
                True,
                parsed.problem,
            )
    if parsed is None and record.caption:
        for text in dict.fromkeys((caption_head(record.caption, scan), record.caption)):
            parsed = _cued_date(text[:5000], today) or _with_closing_date(
                _picture_date(text[:5000], today), text, today
            )
            if parsed is not None:
                break
        if note:
            parsed = _with_note(parsed, note, today)
        if parsed is not None and parsed.precision == dates.DAY:
            # an undated picture's day is its release's or the story's ('Das undatierte Foto aus
            # dem Jahr 1945': a year stays)
            parsed = _undated_picture(record.caption[:5000]) or parsed
        titled = _title_date(record.headline, today) if record.headline else None
        if titled is not None and (not _within(parsed, titled) or parsed.precision == titled.precision):
            parsed = titled  # a day of the title's span the caption states stays (more precise)
        if parsed is None and record.headline:
            parsed = dates.find_date(record.headline[:1000], today=today)
        if parsed is None and caption_text and dates.find_date(record.caption[:5000], today=today) is None:
            # (a date the caption names as an event's is the translation's event too)
            parsed = dates.find_date(caption_text[:5000], today=today)
        for title in titles:
            if parsed is None:
                parsed = dates.find_date(title[:300], today=today)
        if parsed is not None and parsed.start is not None and record.headline:
            _title_day_that_does_not_exist(record, today)
    if parsed is None:
        return
    record.date_text = parsed.text
    record.date_edtf = parsed.edtf
    if parsed.problem:
        problem = parsed.problem
        record.problem_details[problem] = problem_detail(
            "date_invalid" if problem == "invalid_date" else "date_future",
            text=parsed.text,
        )
        if problem == "invalid_date":
            return
    record.date_start, record.date_end = parsed.start, parsed.end
    if record.date_start and record.date_end and record.date_start > record.date_end:
        record.date_start, record.date_end = record.date_end, record.date_start
    record.date_precision = parsed.precision if parsed.start else None
    record.approximate = bool(parsed.approximate) if parsed.start else False
    if record.date_start and not record.approximate and record.caption and parsed.precision != dates.DAY:
        # a dating field's span that the caption gives as a guess ('circa 1903-1906' in a
        # title, the record's TimeSpan 1903-1906): the same span, approximate
        stated = dates.find_date(record.caption[:5000], today=today)
        if stated is not None and stated.approximate and (stated.start, stated.end) == (parsed.start, parsed.end):
            record.approximate = True


def _caption_dates_itself(caption: str, scan: BlockScan, today: date | None) -> bool:
    for text in dict.fromkeys((caption_head(caption, scan), caption)):
        found = _cued_date(text[:5000], today) or _picture_date(text[:5000], today)
        if found is not None and found.start is not None:
            return True
    return False


def _title_day_that_does_not_exist(record: ParsedCaption, today: date | None) -> None:
    """A title line dating the picture to a day that does not exist ('Flood, September 31, 2019')
    over a caption with its own date: the record is flagged invalid_date (SPEC: 'a date that does
    not exist'), and the caption's date still gives the fields (_title_date dates nothing by
    such a day)."""
    stated = dates.find_date(record.headline[:1000], today=today)
    if stated is not None and stated.problem == dates.INVALID_DATE:
        record.problem_details[stated.problem] = problem_detail("date_invalid", text=stated.text)


_NUMERIC_DATE_RE = lazy_compile(r"\s*(\d{1,2})[./](\d{1,2})[./](\d{4})\b")


def _month_first_if_the_caption_says_so(value: str, parsed, caption: str, today: date | None):
    """'Date Taken: 03.01.2022' is 3 January by the SPEC's reading ('06.05.2025' is 6 May); when
    both numbers could be the month and the caption itself names the other reading ('...,
    March 1, 2022'), the block writes its dates month first (US sources) and that reading wins."""
    match = _NUMERIC_DATE_RE.match(value)
    if match is None or parsed.precision != "day":
        return parsed
    first, second, year = (int(group) for group in match.groups())
    if first == second or first > 12 or second > 12:
        return parsed
    said = dates.find_date(caption[:5000], today=today)
    if said is not None and said.precision == "day" and said.start == date(year, first, second):
        return said
    return parsed


def _place_before_date(scan: BlockScan) -> None:
    """A catalogue's date field that names the place first ('Datierung: Berlin, 1960', 'Date:
    Paris, 1923'): the place, when no field names one."""
    labelled = scan.best("date")
    if labelled is None or "place" in scan.fields or "," not in labelled.value[:80]:
        return
    place, _, rest = labelled.value[:120].rpartition(",")
    place = place.strip()
    digits_after = has_digit(rest)
    if place and digits_after and not has_digit(place) and _is_place(place):
        scan.add_field("place", place, 99, labelled.line, labelled.label)


def _printed_twice(record: ParsedCaption) -> bool:
    """Does the caption's end close two lines of the block (a record's title over the page and
    its caption field, 'Panorama de la ville ... incendiés' twice)? Two copies that end on the
    same word are whole: a cut would not fall at the same place twice."""
    tail = record.caption[-60:]
    raw = record.raw_text or ""
    if len(tail) < 20 or len(raw) > 200_000:
        return False
    first = raw.find(tail + "\n")
    return first >= 0 and raw.find(tail, first + len(tail)) >= 0 and raw.count(tail + "\n") + raw.endswith(tail) >= 2


def _truncation(record: ParsedCaption, scan: BlockScan, credit_after: bool = False) -> None:
    reasons = []
    if scan.cut_record:
        reasons.append(problem_detail("record_cut", text=scan.cut_record))
    if scan.cut_notice:
        reasons.append(problem_detail("notice_cut", text=scan.cut_notice[-40:]))
    if scan.cut_credit:
        reasons.append(problem_detail("credit_cut", text=scan.cut_credit))
    if scan.cut_record and record.caption and record.caption[-20:] in " ".join(scan.cut_record.split()):
        pass  # the record's cut is the caption's: said once
    elif (
        record.caption
        and ct.looks_cut_off(
            record.caption,
            is_place=_is_place,
            credit_after=credit_after,
            language=record.language,
            begins_place=places.begins_place_name,
        )
        and not _printed_twice(record)
    ):
        reasons.append(problem_detail("caption_cut", text=record.caption[-40:]))
    elif record.raw_text and (
        trailing := ct.block_ends_cut(
            record.raw_text,
            record.caption or "",
            is_place=_is_place,
            language=record.language,
            begins_place=places.begins_place_name,
        )
    ):
        reasons.append(problem_detail("record_cut", text=trailing[-40:]))
    for name in ("restrictions", "more_info"):
        for item in scan.fields.get(name, ()):
            text = item.value.strip()
            if text == scan.cut_notice:
                continue  # already reported as a cut notice
            if len(text.split()) >= 8 and ct.looks_cut_off(text, is_place=_is_place):
                reasons.append(problem_detail("field_cut", label=item.label, text=text[-40:]))
    if record.credit and record.credit.count("(") > record.credit.count(")"):
        reasons.append(problem_detail("credit_cut", text=record.credit))
    elif record.creator and record.creator.count("(") > record.creator.count(")"):
        # a photographer field cut off inside its parenthesis ('... 3rd Class (A')
        reasons.append(problem_detail("credit_cut", text=record.creator))
    if reasons:
        record.problem_details["truncated_text"] = DETAIL_SEPARATOR.join(reasons)
