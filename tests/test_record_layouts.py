"""Catalogue, archive and provenance records: which text is the caption, which line the id.

Pure tests: no database. The blocks are written for these tests (no corpus block is copied);
each shows one general rule of the record layouts (museum and library catalogue pages, ISAD(G)
descriptions, Markdown provenance tables, citations under a picture).
"""

from __future__ import annotations

from datetime import date

from captions.ingest import parse_block

TODAY = date(2025, 12, 31)


def _parse(text: str):
    return parse_block(text, today=TODAY)


# --- which text is the caption ----------------------------------------------------------------


def test_a_catalogue_title_over_its_long_note_is_the_caption():
    record = _parse(
        "Hafen im Winter\n\n"
        '"Der Fotograf steht auf der Brücke über dem alten Becken. Eis treibt zwischen den Schuten, '
        "und am Kai warten die Kräne auf das Frühjahr; das Lagerhaus rechts brannte 1962 ab, das "
        'Zollhaus steht noch heute."\n'
        "Abmessungen\nBildmaße H: 20 cm B: 30 cm\n"
        "Datierung\nHamburg, 1955\n"
        "Inventarnummer\nXY 1999-12,3\n"
    )
    assert record.caption == "Hafen im Winter"
    assert (record.date_start, record.date_precision) == (date(1955, 1, 1), "year")
    assert (record.city, record.country_code) == ("Hamburg", "DE")
    assert record.source_id == "XY 1999-12,3"


def test_a_title_line_over_a_wire_caption_is_still_a_headline():
    record = _parse(
        "Storm hits the coast\n\n"
        "Waves crash over the harbour wall in Brighton, England, on Tuesday as a storm brings winds "
        "of up to 80 mph to the south coast."
    )
    assert record.caption.startswith("Waves crash over the harbour wall")


def test_a_description_that_repeats_the_title_at_length_leaves_the_title():
    record = _parse(
        "Title: Cotton pickers near the river\n\n"
        "Description: Cotton pickers near the river - two dollars a day - at the camp by the ford. "
        "The women are weighing their sacks beside a truck.\n\n"
        "Photographer: Jane Roe"
    )
    assert record.caption == "Cotton pickers near the river"
    assert record.credit == "Jane Roe"


def test_a_headline_and_a_different_caption_keep_the_caption():
    record = _parse(
        "Headline: Floods in the north\n"
        "Caption: Residents wade through a flooded street in Leeds, England, on 3 March 2024.\n"
    )
    assert record.caption.startswith("Residents wade through a flooded street")


def test_a_catalogue_page_title_wins_over_its_collection_note():
    record = _parse(
        "Title\nHarvest on a farm near the river, 1931\n"
        "Date Created and/or Issued\nJune 3, 1931\n"
        "Description\nAccess to this collection is supported by a private fund. The farm was part of "
        "the estate until 1950. View of a field with workers and a cart.\n"
        "Identifier\nabcms_0012_0345\n"
    )
    assert record.caption == "Harvest on a farm near the river, 1931"
    assert (record.date_start, record.date_precision) == (date(1931, 6, 3), "day")
    assert record.source_id == "abcms_0012_0345"


# --- labels --------------------------------------------------------------------------------


def test_two_labels_named_together_share_their_value():
    record = _parse(
        "Ein Fischerboot\n\nOrt, Datierung\nKiel, 1930er Jahre\nInventarnummer\nAB 12\nAbmessungen\n10 x 15 cm\n"
    )
    assert (record.city, record.country_code) == ("Kiel", "DE")
    assert (record.date_start, record.date_end, record.date_precision) == (
        date(1930, 1, 1),
        date(1939, 12, 31),
        "decade",
    )


def test_a_date_field_that_names_its_place_first_gives_the_place():
    record = _parse("Datierung\nMünchen, 1972\nInventarnummer\nQ 77\nTitel\nOlympiapark\n")
    assert (record.city, record.country_code, record.date_start) == ("München", "DE", date(1972, 1, 1))


# --- Markdown provenance tables ---------------------------------------------------------------


def test_a_markdown_provenance_table():
    record = _parse(
        "## Source master\n\n"
        "| Field | Value |\n| --- | --- |\n"
        "| Path | `masters/harbour_1951.jpg` |\n"
        "| Archive record | Stadtarchiv Kiel, Hafen mit Kränen |\n"
        "| Photographer | Unknown author (`anon.` in the archive catalogue) |\n"
        "| Source date | March 1951 |\n"
        "| Original dimensions | `1200x800` |\n"
        "| Attribution | `Stadtarchiv Kiel / CC-BY 4.0` |\n"
    )
    assert record.caption == "Stadtarchiv Kiel, Hafen mit Kränen"
    assert (record.width_px, record.height_px) == (1200, 800)
    assert (record.date_start, record.date_end) == (date(1951, 3, 1), date(1951, 3, 31))
    assert record.credit == "Unknown author"


def test_a_credit_keeps_a_place_or_life_dates_in_parentheses():
    assert _parse("A street in the rain.\nPhotographer: Hans Muster (1902–1971)").credit == "Hans Muster (1902–1971)"
    assert _parse("A street in the rain.\nPhotographer: Central Press (London)").credit == "Central Press (London)"


# --- archival descriptions (ISAD(G), as AtoM prints them) ---------------------------------------


def test_an_archive_heading_gives_the_title_and_the_reference():
    record = _parse(
        "Item 20010300_BX_77_A12 - Inauguración del mercado central de Cádiz. 3 de marzo de 2001\n\n"
        "Identity area\n\nReference code\n\nES 11012AMC F01-S02-20010300_BX_77_A12\n\n"
        "Level of description\n\nItem\n\n"
        "Scope and content\n\nActo de inauguración con el alcalde y los concejales, y la prensa local en la puerta.\n"
    )
    assert record.caption == "Inauguración del mercado central de Cádiz. 3 de marzo de 2001"
    assert record.source_id == "20010300_BX_77_A12"
    assert record.language == "es"
    assert (record.date_start, record.date_precision) == (date(2001, 3, 3), "day")


def test_a_file_number_in_the_heading_leaves_the_reference_code():
    record = _parse(
        "File 7 - North Court: interior\n\nIdentity area\n\nReference code\n\nABC/DEF/2/3/7\n\n"
        "Unique identifier\n\nGB 1234 ABC/DEF/2/3/7\n\nTitle\n\nNorth Court: interior\n\n"
        "Date(s)\n\n  • 1962 (Creation)\n\nLevel of description\n\nFile\n\n"
        "Scope and content\n\nPrints showing the interior of the North Court, and views of the garden.\n"
    )
    assert record.caption == "North Court: interior"
    assert record.source_id == "ABC/DEF/2/3/7"
    assert (record.date_start, record.date_end) == (date(1962, 1, 1), date(1962, 12, 31))


def test_words_two_languages_share_leave_spelling_to_decide():
    assert _parse("Mercado de Cádiz. Inauguración de la plaza. 3 de marzo de 2001.").language == "es"
