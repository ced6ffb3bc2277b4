"""Catalogue, archive and provenance records: which text is the caption, which line the id.

Pure tests: no database. The blocks are written for these tests (no corpus block is copied);
each shows one general rule of the record layouts (museum and library catalogue pages, ISAD(G)
descriptions, Markdown provenance tables, citations under a picture).
"""

from __future__ import annotations

import json
from datetime import date

import pytest

from captions.ingest import parse_block

TODAY = date(2025, 12, 31)


def _parse(text: str):
    return parse_block(text, today=TODAY)


# --- which text is the caption ----------------------------------------------------------------


_FIELDS = ("width_px", "height_px", "dpi", "date_start", "city", "region", "country_code", "credit", "source_id")
_EXPECTED = (5568, 3712, 300, date(2023, 7, 22), "Kleinort", "Attica", "GR", "Reuters", "RC2XYZ9ABCDE")


def _fields(record):
    return tuple(getattr(record, name) for name in _FIELDS)


def test_exiftool_json_with_and_without_group_names():
    grouped = """[{
  "SourceFile": "RC2XYZ9ABCDE.jpg",
  "IPTC:Caption-Abstract": "Firefighters battle a wildfire near Kleinort, Greece, July 22, 2023.",
  "IPTC:By-line": "Ina Muster",
  "IPTC:Credit": "Reuters",
  "IPTC:City": "Kleinort",
  "IPTC:Province-State": "Attica",
  "IPTC:Country-PrimaryLocationName": "Greece",
  "IPTC:DateCreated": "2023:07:22",
  "File:ImageWidth": 5568,
  "File:ImageHeight": 3712,
  "IFD0:XResolution": 300,
  "IFD0:ResolutionUnit": "inches",
  "IPTC:OriginalTransmissionReference": "RC2XYZ9ABCDE"
}]"""
    for text in (grouped, grouped.replace('"IPTC:', '"').replace('"File:', '"').replace('"IFD0:', '"')):
        record = parse_block(text)
        assert record.caption == "Firefighters battle a wildfire near Kleinort, Greece, July 22, 2023."
        assert _fields(record) == _EXPECTED


def test_an_xmp_packet_with_properties_as_elements_and_as_attributes():
    record = parse_block(
        """<x:xmpmeta xmlns:x='adobe:ns:meta/'><rdf:RDF xmlns:rdf='http://www.w3.org/1999/02/22-rdf-syntax-ns#'>
 <rdf:Description rdf:about='' photoshop:City='Kleinort' photoshop:State='Attica' photoshop:Credit='Reuters'>
  <dc:description><rdf:Alt><rdf:li xml:lang='x-default'>Firefighters battle a wildfire &amp; smoke.</rdf:li>
  </rdf:Alt></dc:description>
  <dc:creator><rdf:Seq><rdf:li>Ina Muster</rdf:li></rdf:Seq></dc:creator>
  <photoshop:Country>Greece</photoshop:Country>
  <photoshop:DateCreated>2023-07-22</photoshop:DateCreated>
  <photoshop:TransmissionReference>RC2XYZ9ABCDE</photoshop:TransmissionReference>
  <dc:subject><rdf:Bag><rdf:li>fire</rdf:li></rdf:Bag></dc:subject>
 </rdf:Description></rdf:RDF></x:xmpmeta>"""
    )
    assert record.caption == "Firefighters battle a wildfire & smoke."
    assert _fields(record)[3:] == _EXPECTED[3:]


def test_a_json_array_of_several_records_is_one_block_per_record():
    from captions.ingest import parse_blocks

    text = """[{"SourceFile": "a.jpg", "IPTC:Caption-Abstract": "Firefighters in Kleinort, Greece, July 22, 2023.",
  "IPTC:Credit": "Reuters", "File:ImageWidth": 5568, "File:ImageHeight": 3712},
 {"SourceFile": "b.jpg", "IPTC:Caption-Abstract": "Farmers near Lyon, France, July 23, 2023.",
  "IPTC:Credit": "AFP", "File:ImageWidth": 4000, "File:ImageHeight": 3000}]"""
    records = parse_blocks(text)
    assert [(record.credit, record.width_px, record.city) for record in records] == [
        ("Reuters", 5568, "Kleinort"),
        ("AFP", 4000, "Lyon"),
    ]
    # an array of one record, or of values, is one block as before
    assert len(parse_blocks('[{"Caption-Abstract": "A dog."}]')) == len(parse_blocks("[1, 2, 3]")) == 1


_XMP_CUT = """<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF>
 <rdf:Description rdf:about="" photoshop:City="Kleinort" photoshop:Country="Greece">
  <dc:creator><rdf:Seq><rdf:li>Ina Muster</rdf:li></rdf:Seq></dc:creator>
  <dc:description><rdf:Alt><rdf:li xml:lang="x-default">Firefighters battle a wildfire in the hills above the vill"""


def test_an_xmp_packet_cut_off_inside_its_description_keeps_the_description_and_is_truncated():
    record = parse_block(_XMP_CUT)
    assert record.caption == "Firefighters battle a wildfire in the hills above the vill"
    assert (record.city, record.country_code, record.credit) == ("Kleinort", "GR", "Ina Muster")
    assert "truncated_text" in record.problems
    # said once, as the record's cut, not again as the caption's
    assert record.problem_details["truncated_text"] == "Record cut off after '…" + _XMP_CUT[-40:] + "'"


def test_an_xmp_packet_cut_off_inside_a_tag_keeps_what_came_before_and_is_truncated():
    whole_caption = _XMP_CUT + "age.</rdf:li></rdf:Alt></dc:description>\n  <photoshop:Credit>Reu"
    record = parse_block(whole_caption)
    assert record.caption == "Firefighters battle a wildfire in the hills above the village."
    assert "truncated_text" in record.problems  # the credit after it was lost to the cut
    in_a_tag = _XMP_CUT + "age.</rdf:l"
    record = parse_block(in_a_tag)
    assert record.caption == "Firefighters battle a wildfire in the hills above the village."  # no '/rdf:l' in it
    assert "truncated_text" in record.problems
    attributes_only = '<rdf:Description photoshop:City="Lyon" photoshop:Country="France" dc:descr'
    record = parse_block(attributes_only)
    assert (record.city, record.country_code) == ("Lyon", "FR")
    assert "truncated_text" in record.problems


def test_a_whole_xmp_packet_is_not_truncated():
    record = parse_block(_XMP_CUT + "age.</rdf:li></rdf:Alt></dc:description></rdf:Description></rdf:RDF></x:xmpmeta>")
    assert record.caption == "Firefighters battle a wildfire in the hills above the village."
    assert "truncated_text" not in record.problems


def test_exiftool_json_cut_off_keeps_its_fields_and_is_truncated():
    from captions.ingest import parse_blocks

    one = """[{
  "SourceFile": "DSC_0042.jpg",
  "ImageWidth": 6000,
  "ImageHeight": 4000,
  "City": "Hamburg",
  "Credit": "Jane Doe",
  "Caption-Abstract": "Cranes unload a container ship at the terminal during the morning sh"""
    record = parse_block(one)
    assert record.caption == "Cranes unload a container ship at the terminal during the morning sh"
    assert (record.width_px, record.height_px, record.city, record.credit) == (6000, 4000, "Hamburg", "Jane Doe")
    assert "truncated_text" in record.problems
    # cut after a key, after a colon, inside a number, after a comma: every field before the cut
    for tail in ('"Credit"', '"Credit":', '"Credit": "Ja', '"ImageWidth": 60', ""):
        text = '{"Caption-Abstract": "A red tram in Lisbon.", "City": "Lisbon", ' + tail
        record = parse_block(text)
        assert (record.caption, record.city) == ("A red tram in Lisbon.", "Lisbon"), tail
        assert "truncated_text" in record.problems, tail
    # an array of several records cut in its second: the first whole, the second up to the cut
    several = """[{"SourceFile": "a.jpg", "Caption-Abstract": "A red tram in Lisbon.", "City": "Lisbon"},
 {"SourceFile": "b.jpg", "Caption-Abstract": "Fishermen mend nets in Porto.", "Credit": "Ana Silva", "Ci"""
    first, second = parse_blocks(several)
    assert (first.caption, first.city, "truncated_text" in first.problems) == ("A red tram in Lisbon.", "Lisbon", False)
    assert (second.caption, second.credit, "truncated_text" in second.problems) == (
        "Fishermen mend nets in Porto.",
        "Ana Silva",
        True,
    )
    # each record keeps its own characters as its raw text
    assert first.raw_text == '{"SourceFile": "a.jpg", "Caption-Abstract": "A red tram in Lisbon.", "City": "Lisbon"}'


def test_text_in_brackets_that_is_no_json_is_read_as_text():
    for text in ("[1, 2", "[Archive picture] Farmers near Lyon, France.", "{not json at all", '[{"Hafen" im Winter'):
        record = parse_block(text)
        assert "truncated_text" not in record.problems or "Record" not in record.problem_details["truncated_text"]
        assert record.caption  # the text itself, not lost


def test_exiv2s_iptc_transmission_reference_is_the_id():
    record = parse_block(
        "Iptc.Application2.Caption      String     20  Firefighters at work.\n"
        "Iptc.Application2.TransReference  String  12  RC2XYZ9ABCDE\n"
    )
    assert (record.caption, record.source_id) == ("Firefighters at work.", "RC2XYZ9ABCDE")


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


# --- '"key" -> "value"' maps -------------------------------------------------------------------


def test_a_printed_iptc_map_is_read_as_labels():
    record = _parse(
        '    "Country/Primary Location Name" -> "NORWAY",\n'
        '    "Province/State" -> "-",\n'
        '    "Caption/Abstract" -> "A ferry leaves the harbour of Bergen, Norway, on May 4, 2019.",\n'
        '    "Credit" -> "NTB/Example Press",\n'
        '    "Headline" -> "A ferry leaves the harbour",\n'
        '    "City" -> "Bergen",\n'
        '    "Date Created" -> "2019-05-04"\n'
    )
    assert record.caption == "A ferry leaves the harbour of Bergen, Norway, on May 4, 2019."
    assert (record.credit, record.city, record.region, record.country_code) == (
        "NTB/Example Press",
        "Bergen",
        None,
        "NO",
    )
    assert record.date_start == date(2019, 5, 4)


def test_an_xmp_map_loses_namespaces_and_language_qualifiers():
    record = _parse(
        '"dc:description[1]" -> "Fans cheer in the stadium of Porto, Portugal, on June 2, 2021.",\n'
        '"dc:description[1]/xml:lang" -> "x-default",\n'
        '"photoshop:Credit" -> "Example Images",\n'
        '"plus:ImageSupplierImageId" -> "99887766",\n'
        '"photoshop:DateCreated" -> "2021-06-02T00:00:00.000Z"\n'
    )
    assert record.caption == "Fans cheer in the stadium of Porto, Portugal, on June 2, 2021."
    assert (record.credit, record.source_id, record.date_start) == ("Example Images", "99887766", date(2021, 6, 2))


def test_a_label_of_someone_elses_inside_a_caption_field_is_not_cut():
    record = _parse(
        "Caption: The mayor opens the bridge. Review date: Monday May 3, 2021. Crowds watched from the banks."
    )
    assert (
        record.caption == "The mayor opens the bridge. Review date: Monday May 3, 2021. Crowds watched from the banks."
    )
    # (a wire's 'Issue date: ...' sentence is boilerplate: it leaves the caption, and its date,
    # the day the wire sent the picture, is not read: tests/test_caption_boundaries.py)


# --- archive references -------------------------------------------------------------------------


def test_an_archive_reference_anywhere_in_the_block_is_its_id():
    assert _parse("Soldiers at the front.\n(c) Bundesarchiv, Bild 146-1976-033-20 / CC-BY-SA 3.0").source_id == (
        "Bild 146-1976-033-20"
    )
    assert _parse("A portrait of the painter.\n\nNPG x12345").source_id == "NPG x12345"
    assert _parse("Lincoln at Antietam, 1862. LC-DIG-ppmsca-23456").source_id == "LC-DIG-ppmsca-23456"


def test_a_word_like_a_reference_inside_a_longer_token_is_none():
    assert _parse("The Bild-Zeitung 183-90413 offices in Berlin.").source_id is None


# --- citations ----------------------------------------------------------------------------------


def test_a_figure_number_and_a_courtesy_line_are_no_caption():
    record = _parse(
        "Figure 2. Workers leave the shipyard at the end of the day shift, watched by a policeman.\n"
        "Courtesy Example State Library, Photographs Division, Harbour Collection, LC-USZ62-12345, "
        "http://hdl.example.org/item.123."
    )
    assert record.caption == "Workers leave the shipyard at the end of the day shift, watched by a policeman."
    assert record.credit == "Example State Library, Photographs Division, Harbour Collection"
    assert record.source_id == "LC-USZ62-12345"


def test_photo_by_and_a_library_date_after_the_caption():
    record = _parse(
        "Two dogs of the mayor with their keeper. Photo by Example Photo Co., 1931 June 4. // View in Flickr"
    )
    assert record.caption == "Two dogs of the mayor with their keeper."
    assert record.credit == "Example Photo Co."
    assert (record.date_start, record.date_precision) == (date(1931, 6, 4), "day")


def test_a_creator_first_citation_gives_title_creator_and_date():
    record = _parse("Mary Ann Example. View of the harbour from the hill. Watercolor and ink on paper. Circa 1850.")
    assert record.caption == "View of the harbour from the hill"
    assert record.credit == "Mary Ann Example"
    assert (record.date_start, record.approximate) == (date(1850, 1, 1), True)


def test_a_caption_that_opens_with_a_place_is_no_creator_first_citation():
    record = _parse("New York. Crowds fill Times Square on election night. 1948.")
    assert record.caption == "New York. Crowds fill Times Square on election night. 1948."
    assert record.credit is None


def test_an_original_reference_label_in_french():
    record = _parse(
        "Des cyclistes dans la foule à Limoges, en 1987.\n\nDate : 11 juillet 1987\nRéférence original :  ABC07_00123\n"
    )
    assert record.source_id == "ABC07_00123"


# --- fields after the caption's last sentence ----------------------------------------------------


def test_a_date_label_after_the_last_sentence_is_a_field():
    record = _parse("A lady with a parasol on the promenade, 8th June 1921.     Date: 1921")
    assert record.caption == "A lady with a parasol on the promenade, 8th June 1921."
    assert (record.date_start, record.date_precision) == (date(1921, 1, 1), "year")


def test_an_archive_identifier_after_the_last_sentence_is_the_id():
    record = _parse(
        "Sailors unload supplies from a landing craft on the beach. Local Identifier: 12-AB-34-56.jpeg, NAID: 1234567."
    )
    assert (record.caption, record.source_id) == (
        "Sailors unload supplies from a landing craft on the beach.",
        "1234567",
    )
    other = _parse("Clerks at work in the reading room of the archive building. 12-XY-3-4, NAID: 7654321")
    assert (other.caption, other.source_id) == (
        "Clerks at work in the reading room of the archive building.",
        "7654321",
    )


def test_a_colon_inside_a_sentence_is_no_field():
    record = _parse("The minister said the bridge would reopen soon. Asked when, he answered: Date: unknown, soon.")
    assert "answered" in record.caption


def test_a_citation_with_commas_gives_creator_title_date_and_reference():
    record = _parse("J K Example, [Harbour, Main Street] [Hobart, Tasmania], 1908, nla.gov.au/nla.obj-123456789")
    assert (record.caption, record.credit) == ("[Harbour, Main Street] [Hobart, Tasmania]", "J K Example")
    assert (record.source_id, record.date_start) == ("nla.obj-123456789", date(1908, 1, 1))
    untitled = _parse("Drovers water their cattle at a creek, Northern Territory, 1935, nla.gov.au/nla.obj-22334455")
    assert untitled.caption == "Drovers water their cattle at a creek, Northern Territory"
    assert (untitled.credit, untitled.region, untitled.country_code) == (None, "Northern Territory", "AU")


def test_an_archive_catalogue_with_its_call_number_and_a_range_of_years():
    record = _parse(
        "Vue du port de Saint-Valery, consacré par le maire le 3 mai 1870, abandonné depuis 1901\n\n"
        "Cote/Cotes extrêmes\n\n9FI1234 (Cote(s))\n\nDate\n\n1950-1969\n\n"
        "Caractéristiques physiques\n\nCarte postale\n\nParticularité physique\n\nNoir et blanc\n"
    )
    assert record.source_id == "9FI1234"
    assert (record.date_start, record.date_end) == (date(1950, 1, 1), date(1969, 12, 31))
    assert record.language == "fr"


# --- unlabelled catalogue values ----------------------------------------------------------------


def test_a_page_of_unlabelled_values_and_one_description():
    record = _parse(
        "photographie - Album n°2 du fonds Martin\n\nDescription\n\nPhotographies\n\nFrance\n\n"
        "Provence-Alpes-Côte d'Azur\n\nMarseille\n\n03/05/1931\n\nMartin Paul\n\n"
        "Le Vieux-Port au petit matin (fête des pêcheurs - 3 mai 1931). Les barques pavoisées rentrent au port "
        "devant la foule massée sur le quai.\n"
    )
    assert record.caption.startswith("Le Vieux-Port au petit matin")
    assert (record.city, record.country_code) == ("Marseille", "FR")


def test_a_single_place_line_is_no_place_list():
    record = _parse(
        "Paris\n\nDescription\n\nPhotographies\n\nAlbum 3\n\n1931\n\nMartin Paul\n\n"
        "Des enfants jouent au bord du bassin du jardin, un dimanche de printemps, sous le regard des passants.\n"
    )
    assert record.caption.startswith("Des enfants jouent")
    assert record.sublocation is None


def test_an_inventory_number_alone_over_the_record():
    record = _parse(
        "4471\n\nHafenfest 1936\n"
        "Während der Rede des Bürgermeisters am 12.06.1936 auf der Überseebrücke: links der Senator, "
        "rechts der Kapitän.\n"
    )
    assert record.source_id == "4471"
    assert record.caption.startswith("Während der Rede des Bürgermeisters")
    year = _parse("1936\n\nHafenfest\nWährend der Rede des Bürgermeisters auf der Überseebrücke am Hafen der Stadt.\n")
    assert year.source_id is None


def test_a_photographed_on_label():
    record = _parse("Arbeiter auf dem Dach des Rathauses am 11. Mai 1961.\n\nFotografiert am:\n\n12.05.1961\n")
    assert record.date_start == date(1961, 5, 12)


def test_a_catalogue_citation_line_gives_creator_date_and_punctuated_title():
    record = _parse(
        "Hamburg-Altona, Fischmarkt, Halle _Fischauktion_\n\nVollständige Bildinformationen\n\n"
        "Fotoatelier Krause (Kiel): Hamburg-Altona, Fischmarkt, Halle „Fischauktion“, 14.05.1929. "
        "Hafenbilder 1920-1930. 1 Album mit 120 Bildern (Ans_01234-05-067-AL, http://doi.org/10.0000/x)\n"
    )
    assert record.caption == "Hamburg-Altona, Fischmarkt, Halle „Fischauktion“"
    assert (record.credit, record.date_start) == ("Fotoatelier Krause", date(1929, 5, 14))
    assert record.source_id == "Ans_01234-05-067-AL"


def test_a_parenthesis_and_colon_in_prose_is_no_citation():
    record = _parse("Der Bürgermeister (links) sagte: Wir bauen die Brücke, 2024. Die Arbeiten beginnen im Mai.")
    assert record.credit is None


def test_a_headline_and_keywords_alone_have_no_caption():
    record = _parse("Headline: Talks in the harbour office\nKeywords: harbour, talks")
    assert (record.caption, record.headline) == ("", "Talks in the harbour office")


# --- a record's fields on one line under a heading ----------------------------------------------


def test_a_one_line_field_panel_under_a_heading_in_capitals():
    # a government picture desk's panel: a heading, then label: value pairs without line breaks
    record = _parse(
        "Volunteers fill sandbags at the river wall in Fargo, North Dakota, April 2, 2023.\n\n"
        "IMAGE INFO Date Taken: 04.02.2023 Date Posted: 04.03.2023 10:12 Photo ID: 5550123 "
        "Resolution: 3000x2000 Size: 1.9 MB Location: FARGO, ND, US Web Views: 12 Downloads: 3"
    )
    assert (record.width_px, record.height_px, record.source_id) == (3000, 2000, "5550123")
    assert (record.city, record.region, record.country_code) == ("Fargo", "ND", "US")
    # 04.02.2023 is read day first by the SPEC; the caption's 'April 2, 2023' says month first
    assert (record.date_start, record.date_precision) == (date(2023, 4, 2), "day")
    assert "Date Posted" not in (record.caption or "")


def test_a_numeric_date_stays_day_first_unless_the_caption_names_the_other_reading():
    record = _parse("Date: 04.02.2023\nCaption: Volunteers fill sandbags at the river wall, 4 February 2023.")
    assert record.date_start == date(2023, 2, 4)
    record = _parse("Date: 04.02.2023\nCaption: Volunteers fill sandbags at the river wall.")
    assert record.date_start == date(2023, 2, 4)
    record = _parse("Date: 13.02.2023\nCaption: Volunteers fill sandbags, February 13, 2023.")
    assert record.date_start == date(2023, 2, 13)  # not ambiguous: 13 is no month


def test_an_agencys_line_with_its_day_under_the_caption_dates_the_picture():
    # a wire's picture page: the caption with its credit, then 'Agency / weekday, day' on a line
    record = _parse(
        "Fishermen pull their nets onto the beach at dawn in Mombasa, Kenya. REUTERS/Jane Roe\n\n"
        "Reuters / Tuesday, October 8, 2019"
    )
    assert (record.date_start, record.date_precision) == (date(2019, 10, 8), "day")
    assert record.credit == "REUTERS/Jane Roe"
    assert "Tuesday" not in record.caption
    alone = _parse("Fishermen pull their nets onto the beach at dawn in Mombasa, Kenya.\n\nAFP / 8 October 2019")
    assert (alone.date_start, alone.credit) == (date(2019, 10, 8), "AFP")
    # the caption's own day wins over the page's
    own = _parse(
        "Fishermen pull their nets in Mombasa, Kenya, October 6, 2019. REUTERS/Jane Roe\n\n"
        "Reuters / Tuesday, October 8, 2019"
    )
    assert own.date_start == date(2019, 10, 6)
    # a place and a day are no credit
    place = _parse("Fishermen pull their nets onto the beach at dawn.\n\nMombasa / 8 October 2019")
    assert place.credit != "Mombasa"


# --- a two-column record copied without its tabs ------------------------------------------------


def test_labels_glued_to_their_values_are_read_as_a_record():
    record = _parse(
        "Blick vom Kirchturm auf den verschneiten Marktplatz mit Brunnen\n\n"
        "FotografinAnna Beispiel\n"
        "Datierung1912\n"
        "Material/Technik: Silbergelatine auf Barytpapier\n"
        "Inventarnummer: FS 4711\n"
    )
    assert record.caption == "Blick vom Kirchturm auf den verschneiten Marktplatz mit Brunnen"
    assert record.credit == "Anna Beispiel"
    assert (record.date_start, record.date_end) == (date(1912, 1, 1), date(1912, 12, 31))
    assert record.source_id == "FS 4711"


def test_glued_labels_in_english_and_an_artist_label_in_german():
    english = _parse("Fishing boats drawn up on the beach at low tide\nPhotographerJohn Sample\nDate1898\n")
    assert english.credit == "John Sample"
    assert english.date_start == date(1898, 1, 1)
    german = _parse("Straßenbahn vor dem Rathaus\n\nKünstlerMax Muster\nDatierung1905/10\n")
    assert german.credit == "Max Muster"
    assert (german.date_start, german.date_end) == (date(1905, 1, 1), date(1910, 12, 31))


def test_a_word_that_merely_starts_with_a_label_is_no_glued_label():
    # 'Landrover' opens with 'Land' (country) and 'Orthodox' with 'Ort' (place), but the letter
    # after them is no capital: prose, not a record
    record = _parse("Landrover convoy crossing the ford\nOrthodox priests bless the water\nDatelines of the day\n")
    assert record.country is None
    assert "Landrover convoy" in record.caption


def test_a_box_or_folder_after_the_inventory_number_is_no_part_of_the_id():
    for line, expected in (
        ("Inventarnummer: AB 1234, Kapsel 56", "AB 1234"),
        ("Call number: P.1234.567, Box 8", "P.1234.567"),
        ("Cote : FT 98, boîte 3", "FT 98"),
        ("Signatura: AF-0042, caja 12", "AF-0042"),
    ):
        record = _parse(f"Harbour view with sailing ships at anchor\n{line}\n")
        assert record.source_id == expected, line


# --- a record's values one to a line, unlabelled, around its description ------------------------


def test_values_after_the_description_end_the_caption():
    record = _parse(
        "Vista del muelle con barcas de pesca y redes tendidas al sol. Al fondo, el faro.\n"
        "004217\n"
        "1954-08-02\n"
        "Unidad Documental Simple\n"
        "XX.12345.ARC//004217\n"
        "Archivo Municipal 3. Fondos Fotográficos 3.1. Reportajes\n"
        "Caja: 7/12\n"
        "Nota manuscrita al dorso de la copia.\n"
    )
    assert record.caption == "Vista del muelle con barcas de pesca y redes tendidas al sol. Al fondo, el faro."
    assert record.date_start == date(1954, 8, 2)
    assert record.source_id == "004217"


def test_values_over_the_description_are_its_photographer_date_and_number():
    record = _parse("Photographer Jane Sample\nCirca 1910\nJS1910004411\nThe old mill on the river after the flood\n")
    assert record.caption == "The old mill on the river after the flood"
    assert record.credit == "Jane Sample"
    assert (record.date_start, record.approximate) == (date(1910, 1, 1), True)
    assert record.source_id == "JS1910004411"


def test_an_author_line_between_the_description_and_its_date():
    record = _parse(
        "Desfile de carrozas por la calle principal, con niños y niñas caminando junto a ellas\n"
        "María José Ejemplo de la Torre\n"
        "Hacia 1962\n"
    )
    assert record.caption == "Desfile de carrozas por la calle principal, con niños y niñas caminando junto a ellas"
    assert record.credit == "María José Ejemplo de la Torre"
    assert (record.date_start, record.approximate) == (date(1962, 1, 1), True)


def test_a_sentence_about_a_photographer_and_a_gallery_counter_stay_caption_text():
    record = _parse("Photographer Jane Sample poses with her camera\nat the opening of her exhibition.\n")
    assert record.caption == "Photographer Jane Sample poses with her camera at the opening of her exhibition."
    counted = _parse("3/24\nA market stall selling oranges in the old town\n")
    assert counted.source_id is None


# --- the collection that holds the picture ------------------------------------------------------


def test_a_collection_line_is_the_credit_when_nothing_else_names_one():
    cases = (
        ("Der Marktplatz mit Brunnen um 1910.\nSammlung Erika Beispiel, 03/2025\n", "Sammlung Erika Beispiel"),
        ("La place du village avant la guerre.\n\nCollection Jean Exemple\n", "Collection Jean Exemple"),
        (
            "Main Street looking north, about 1910.\n\nCollection of the Example Historical Society\n",
            "Collection of the Example Historical Society",
        ),
    )
    for text, expected in cases:
        record = _parse(text)
        assert record.caption == text.split("\n", 1)[0], text
        assert record.credit == expected, text


def test_a_collection_in_parentheses_closing_the_caption_with_its_number():
    record = _parse("Blick auf die Altstadt um 1900\n(Sammlung Max Muster [#004711])\n")
    assert record.caption == "Blick auf die Altstadt um 1900"
    assert record.credit == "Sammlung Max Muster"
    assert record.source_id == "004711"
    spanish = _parse("La plaza mayor en día de mercado, hacia 1920 (Colección Juan Ejemplo)")
    assert spanish.caption == "La plaza mayor en día de mercado, hacia 1920"
    assert spanish.credit == "Colección Juan Ejemplo"


def test_a_photographer_wins_over_the_collection_and_a_sentence_is_no_collection_line():
    record = _parse("Harbour at dusk with fishing boats.\n(Photo: Jane Sample)\n\nCollection of the Example Museum\n")
    assert record.credit == "Jane Sample"
    prose = _parse("Collection agencies called the family twice before the eviction.\n")
    assert prose.caption == "Collection agencies called the family twice before the eviction."
    assert prose.credit is None


def test_fields_between_dashes_each_in_parentheses_with_its_label():
    record = _parse(
        "Calle Mayor, 1961\n\nAño 1961 - (Autor: Pedro Ejemplo Ruiz) - (Fuente: Archivo Municipal)\n"
        "Gran nevada en la calle principal del pueblo\n"
    )
    assert record.caption == "Gran nevada en la calle principal del pueblo"
    assert record.credit == "Pedro Ejemplo Ruiz"
    assert (record.date_start, record.date_end) == (date(1961, 1, 1), date(1961, 12, 31))
    german = _parse("Jahr 1930 - (Fotograf: Max Muster)\nDie Brücke über den Fluss im Winter\n")
    assert german.caption == "Die Brücke über den Fluss im Winter"
    assert german.credit == "Max Muster"
    assert german.date_start == date(1930, 1, 1)


def test_a_caption_with_a_dash_and_a_parenthesis_stays_whole():
    record = _parse("Madrid - (Reuters) - Protesters gather in the Puerta del Sol square.\n")
    assert "Protesters gather in the Puerta del Sol square." in record.caption


def test_a_records_location_naming_a_library_is_its_holder_not_its_place():
    record = _parse(
        "Corner of Main and Front Streets, 1890\n\n"
        "Location: Example County Historical Society\n"
        "Call number: P.1234.056\n"
    )
    assert record.city is None
    assert record.credit == "Example County Historical Society"
    assert record.source_id == "P.1234.056"
    german = _parse("Marktplatz mit Brunnen, um 1900\nStandort: Stadtarchiv Musterstadt\nInventarnummer: F 1234\n")
    assert german.city is None
    assert german.credit == "Stadtarchiv Musterstadt"


def test_a_news_pictures_location_in_a_museum_stays_its_place():
    record = _parse("Visitors look at the Rosetta Stone.\nLocation: British Museum, London\n")
    assert record.city == "London"
    assert record.credit is None


# --- a definition list copied as bullets ---------------------------------------------------------


def test_bulleted_labels_and_values_on_lines_of_their_own():
    record = _parse(
        "Fishermen mend their nets on the quay at dawn.\n"
        "- Product Code\n- ABCD0012345\n"
        "- Upload number\n- 77\n"
        "- Credit\n- Jane Sample / Example Images\n"
        "- Media size\n- 5000 × 3000 pixel\n"
    )
    assert record.caption == "Fishermen mend their nets on the quay at dawn."
    assert record.credit == "Jane Sample / Example Images"
    assert record.source_id == "ABCD0012345"
    assert (record.width_px, record.height_px) == (5000, 3000)


def test_a_bulleted_list_of_facts_stays_caption_text():
    record = _parse("Protesters demanded:\n- Higher wages\n- Shorter hours\n- Safer factories\n- A union\n")
    assert "Higher wages" in record.caption
    assert record.credit is None


def test_an_archives_citation_after_a_dash_closing_the_caption():
    record = _parse("Die Brücke nach dem Hochwasser 1946 - Stadtarchiv Musterstadt, Best. 12 B Nr. 77-001\n")
    assert record.caption == "Die Brücke nach dem Hochwasser 1946"
    assert record.credit == "Stadtarchiv Musterstadt"
    assert record.source_id == "12 B Nr. 77-001"
    spanish = _parse("La plaza en fiestas, 1925 - Archivo Municipal de Ejemplo, Sig. AF-1234\n")
    assert spanish.caption == "La plaza en fiestas, 1925"
    assert spanish.credit == "Archivo Municipal de Ejemplo"
    assert spanish.source_id == "AF-1234"


def test_a_museum_a_place_and_a_year_after_a_dash_are_no_citation():
    record = _parse("Visitors queue outside - British Museum, London 2019\n")
    assert record.caption == "Visitors queue outside - British Museum, London 2019"
    assert record.source_id is None


def test_a_photo_source_label_names_the_credit():
    record = _parse(
        "Main Street on a summer morning, c1908.\n\n"
        "Photo source: Example Library; Prints Division; Sample Photograph Collection; Call Number: EX-D4-12345;\n"
    )
    assert record.credit == "Example Library; Prints Division; Sample Photograph Collection"
    assert record.source_id == "EX-D4-12345"


# --- print sizes with each side marked; a museum's credit line ----------------------------------


def test_a_print_size_with_each_side_marked_high_or_wide():
    record = _parse('1800px x 1200px - 6.0"w x 4.0"h @ 300dpi\nHarbour view at dusk.\n')
    assert (record.print_width_in, record.print_height_in) == (6.0, 4.0)
    german = _parse("4724 x 3543 px, 300 dpi\nAbzug 30 cm hoch x 40 cm breit\nDer Marktplatz.\n")
    assert (german.print_width_cm, german.print_height_cm) == (40.0, 30.0)
    assert german.problems == []


def test_a_museums_credit_line_alone_in_its_paragraph():
    record = _parse(
        "The Example Photograph Collection, the Example Museum of Art. Gift of Jane Sample\n\n"
        "A streetcar passes a row of shops on a dirt road; poles line both sides of the street.\n"
    )
    assert record.caption == "A streetcar passes a row of shops on a dirt road; poles line both sides of the street."
    assert record.credit == "The Example Photograph Collection, the Example Museum of Art. Gift of Jane Sample"
    told = _parse("The mayor accepts the gift of a statue from the twin town.\n\nCity hall, 1960.\n")
    assert told.credit is None


def test_a_reference_alone_among_a_catalogue_pages_unlabelled_values():
    record = _parse(
        "photographie - Album n°2\n\nExe.2.045.3\n\nPhotographies\n\nFrance\n\nBretagne\n\n"
        "Brest\n\n12/08/1931\n\n"
        "Le port de commerce vu depuis le château, avec les grues, un cargo à quai et des dockers.\n"
    )
    assert record.source_id == "Exe.2.045.3"
    assert record.caption == "Le port de commerce vu depuis le château, avec les grues, un cargo à quai et des dockers."


def test_a_longer_label_glued_to_its_value_wins_over_its_first_word():
    # 'Credit LineGift of ...': the label is 'Credit Line', not 'Credit' with 'LineGift ...' as value
    for text, credit in (
        (
            "Group portrait in the garden\nDate1900\nMediumGelatin on glass\nCredit LineGift of Jane Roe",
            "Gift of Jane Roe",
        ),
        ("Marktplatz im Winter\nDatierung1955\nTechnikSilbergelatine\nCrédit photoJean Exemple", "Jean Exemple"),
        ("Plaza Mayor en fiestas\nFecha1950\nTécnicaGelatina\nCrédito de la fotoAna Ejemplo", "Ana Ejemplo"),
    ):
        record = parse_block(text)
        assert record.credit == credit, text


# --- a label alone on its line, its value on the next (numbered ISAD(G) areas, long labels) -----


def test_numbered_archive_areas_each_label_over_its_value():
    text = """1. Área de identificación

1.1. Código de referencia

MX Archivo Regional del Sur / Ana Ejemplo // 4471

1.3. Fecha(s)

1942-00-00 / 1944-00-00

3. Área de contenido y estructura

3.1. Alcance y contenido

Vista del mercado municipal con sus puestos de fruta.

6.3 Descriptores geográficos

OAXACA (MÉXICO)"""
    record = _parse(text)
    assert record.caption == "Vista del mercado municipal con sus puestos de fruta."
    assert (record.date_start, record.date_end, record.date_precision) == (date(1942, 1, 1), date(1944, 12, 31), "year")
    assert "invalid_date" not in record.problems
    assert record.source_id == "4471"
    assert (record.city, record.country_code) == ("Oaxaca", "MX")


def test_numbered_areas_in_english_and_german():
    english = """1.1 Reference code

GB 0042 PH/7/12

1.3 Date(s)

1911

3.1 Scope and content

Workers leaving the mill gates at the end of a shift."""
    record = _parse(english)
    assert record.caption == "Workers leaving the mill gates at the end of a shift."
    assert record.date_start == date(1911, 1, 1)
    german = """1.1 Signatur

Best. 702 Nr. 5531

1.3 Datierung

1958-06-00

3.1 Beschreibung

Blick vom Turm auf den neuen Busbahnhof."""
    record = _parse(german)
    assert record.caption == "Blick vom Turm auf den neuen Busbahnhof."
    assert (record.date_start, record.date_precision) == (date(1958, 6, 1), "month")


def test_numbered_areas_with_their_values_after_a_colon_or_a_tab():
    for text, caption, year, source_id in (
        (
            "1.1 Reference code: GB 0042 PH/7/12\n1.3 Date(s): 1911\n3.1 Scope and content: Workers at the mill gates.",
            "Workers at the mill gates.",
            1911,
            "GB 0042 PH/7/12",
        ),
        (
            "1.1 Signatur: Best. 702 Nr. 5531\n1.3 Datierung: 1958\n3.1 Beschreibung: Blick auf den Busbahnhof.",
            "Blick auf den Busbahnhof.",
            1958,
            None,
        ),
        (
            "1.1\tCote\tFR AD 9 Fi 12\n1.3\tDate(s)\t1925\n3.1\tPortée et contenu\tLa gare sous la neige.",
            "La gare sous la neige.",
            1925,
            "FR AD 9 Fi 12",
        ),
        (
            "1.1. Código de referencia: ES AM 12/4471\n1.3. Fecha(s): 1931\n"
            "3.1. Alcance y contenido: La plaza en fiestas.",
            "La plaza en fiestas.",
            1931,
            "ES AM 12/4471",
        ),
    ):
        record = _parse(text)
        assert record.date_start == date(year, 1, 1), text
        if caption is not None:
            assert record.caption == caption, text
        if source_id is not None:
            assert record.source_id == source_id, text
    # a number before a word and a colon in prose is no area number
    text = "2.5 Millionen Besucher: so viele wie nie kamen 2019 zur Messe."
    assert _parse(text).caption == text


def test_a_long_label_alone_over_its_value_after_a_blank_line():
    text = """Une rue commerçante un jour de marché

Légende

Une rue commerçante un jour de marché

Numéro du tirage

77X001234C

Code INSEE de la commune

21231

Date de prise de vue

1921-1922

Format du tirage

12,5x17 cm"""
    record = _parse(text)
    assert record.caption == "Une rue commerçante un jour de marché"
    assert record.source_id == "77X001234C"
    assert (record.date_start, record.date_end) == (date(1921, 1, 1), date(1922, 12, 31))


def test_a_repository_page_abstract_wins_over_its_collection_note():
    text = """Puente sobre el río
Fecha
1910
Resumen
Vista del puente de hierro sobre el río en una tarde de verano.
Descripción
Este archivo fotográfico es responsabilidad de la Biblioteca Municipal y reúne la memoria visual de la región."""
    record = _parse(text)
    assert record.caption == "Vista del puente de hierro sobre el río en una tarde de verano."
    assert record.date_start == date(1910, 1, 1)


def test_an_accession_label_alone_over_its_number():
    text = """A harbour at dusk
1910

Medium
gelatin silver print

Credit Line
Gift of Jane Example

Accession
1999.12.345"""
    record = _parse(text)
    assert record.source_id == "1999.12.345"


def test_archive_element_headings_end_the_description_above_them():
    text = """Código de referencia
AR AGN 55/2
Fecha(s)
1976
Alcance y contenido
Vista de la fachada del antiguo mercado tras el incendio.
Valorización, destrucción y programación
No se han realizado procesos de valoración.
Nuevos ingresos
Colección cerrada."""
    assert _parse(text).caption == "Vista de la fachada del antiguo mercado tras el incendio."
    french = """Cote
FR AD 9 Fi 12
Date(s)
1910
Portée et contenu
Vue de la gare après les inondations.
Accroissements
Fonds clos."""
    assert _parse(french).caption == "Vue de la gare après les inondations."


def test_a_numbered_line_or_a_short_line_equal_to_a_label_in_prose_stays_prose():
    text = """2.1 Million visitors came to the fair in its first year.

Date

The fair opened on a rainy morning and closed in the evening."""
    record = _parse(text)
    assert record.caption.startswith("2.1 Million visitors came to the fair")
    record = _parse("Lieu\n\nUne place de village sous la neige, un matin d'hiver.")
    assert "Une place de village sous la neige" in record.caption


def test_a_photographer_named_before_the_trade_on_a_line_of_its_own():
    record = _parse("Villeexemple en 1918 - L'école\n\nOrigine\n\nR. EXEMPLE, RUE DE LA GARE A AMIENS, photographe")
    assert record.credit == "R. EXEMPLE"
    record = _parse("Environs de Villeexemple – Vue générale\nNîmes, Jean Exemple, photographe – éditeur\n")
    assert record.credit == "Jean Exemple"
    record = _parse("Main Street looking north, about 1905\n\nJane Roe, photographer\n")
    assert record.credit == "Jane Roe"
    record = _parse("Marktplatz mit Brunnen, um 1910\n\nErna Beispiel, Fotografin\n")
    assert record.credit == "Erna Beispiel"
    record = _parse("Plaza Mayor en fiestas, hacia 1920\n\nMadrid, Ana Ejemplo, fotógrafa\n")
    assert record.credit == "Ana Ejemplo"


def test_a_sentence_naming_a_photographer_is_no_trade_line():
    record = _parse(
        "Main Street looking north, about 1905\n\nThe picture was taken by my grandfather, a photographer.\n"
    )
    assert record.credit is None


# --- a caption and its fields on one line ---------------------------------------------------------


def test_a_caption_and_its_fields_on_one_line_parted_by_bars_or_semicolons():
    # a picture desk's system or a spreadsheet prints the record on one line: the same fields
    # as on a line each
    lines = [
        "Fishermen unload their catch in the harbour of Sassnitz.",
        "Date: 3 May 2019",
        "Location: Sassnitz, Germany",
        "Credit: Jane Roe/dpa",
        "4000 x 3000 px",
        "300 dpi",
    ]
    fields = ("caption", "date_start", "city", "country_code", "credit", "width_px", "height_px", "dpi")
    expected = tuple(getattr(_parse("\n".join(lines)), name) for name in fields)
    assert expected[0] == lines[0] and expected[4] == "Jane Roe/dpa"
    for separator in (" | ", "; "):
        record = _parse(separator.join(lines))
        assert tuple(getattr(record, name) for name in fields) == expected, separator
    german = _parse("Fischer bringen ihren Fang an Land. | Datum: 03.05.2019 | Ort: Sassnitz | Foto: Ina Muster/dpa")
    assert (german.caption, german.date_start, german.credit) == (
        "Fischer bringen ihren Fang an Land.",
        date(2019, 5, 3),
        "Ina Muster/dpa",
    )
    # unlabelled parts count when they are a date or a size statement
    record = _parse("Des pêcheurs débarquent leur prise. | 03/05/2019 | 4000 x 3000 px | 300 dpi")
    assert (record.caption, record.date_start, record.width_px, record.dpi) == (
        "Des pêcheurs débarquent leur prise.",
        date(2019, 5, 3),
        4000,
        300,
    )


def test_bars_inside_a_caption_stay_text():
    # a bar between words that are no fields (a headline's parts, a credit's agencies) parts nothing
    text = "Semana Santa | Procesión del Silencio | Los cofrades recorren la calle Mayor de Zamora."
    assert _parse(text).caption == text
    record = _parse("Des pêcheurs débarquent leur prise à Sète. | Jean Dupont | AFP")
    assert record.caption.startswith("Des pêcheurs débarquent leur prise à Sète.")


# --- labels glued to their values, values glued to the next label --------------------------------


def test_a_record_line_whose_template_lost_its_separators():
    record = _parse("Jahr: 1972Ort: Am Alten Markt, BonnBildnr.: XYZ1234-056\nEin Kiosk an der Ecke, im Regen.")
    assert (record.date_start, record.city, record.source_id) == (date(1972, 1, 1), "Bonn", "XYZ1234-056")
    assert record.sublocation == "Am Alten Markt"
    record = _parse("Date: 12 May 1970Place: Lyon, FranceImage ID: AB12345\nA tram in the rain.")
    assert (record.date_start, record.city, record.source_id) == (date(1970, 5, 12), "Lyon", "AB12345")
    record = _parse("Fecha: 1961Lugar: Sevilla, EspañaReferencia: FT-0042\nUn tranvía bajo la lluvia.")
    assert (record.date_start, record.city, record.source_id) == (date(1961, 1, 1), "Sevilla", "FT-0042")
    record = _parse("Date : 1948Lieu : Nantes, FranceCote : 9Fi1234\nUn tramway sous la pluie.")
    assert (record.date_start, record.city, record.source_id) == (date(1948, 1, 1), "Nantes", "9Fi1234")


def test_an_unknown_place_and_year_placeholder_in_a_glued_record_line():
    record = _parse("Jahr: 19??Ort: unbekannt, KölnBildnr.: XYZ77-001\nEin Hinterhof mit Wäscheleinen.")
    assert (record.city, record.sublocation, record.source_id) == ("Köln", None, "XYZ77-001")


def test_a_date_label_glued_to_a_qualifier_in_lower_case():
    for text, approximate in (
        ("Portrait of a family in a garden\nDateabout 1905\nMediumGelatin on glass\nObject number2001.4.17", True),
        ("Familienbild im Garten\nDatierungum 1905\nTechnikGlasnegativ\nInventarnummer2001.4.17", True),
        ("Portrait de famille au jardin\nDatevers 1905\nTechniqueNégatif sur verre\nCote2001.4.17", True),
        ("Retrato de familia en el jardín\nFechahacia 1905\nTécnicaNegativo de vidrio\nSignatura2001.4.17", True),
    ):
        record = _parse(text)
        assert (record.date_start, record.approximate) == (date(1905, 1, 1), approximate), text
        assert record.source_id == "2001.4.17", text


def test_a_word_that_opens_with_a_labels_letters_is_no_glued_label():
    record = _parse("Datenschutz 1990\nDatierung1990\nTechnikSilbergelatine\nEin Bahnhof am Abend.")
    assert record.date_start == date(1990, 1, 1)
    assert "Datenschutz" not in (record.sublocation or "")


# --- a museum's dimension lines: sides named, fractions of an inch, both units -------------------


def test_a_museums_size_height_first_with_fractions_of_an_inch():
    text = """A family on the porch of their farmhouse
Dimensions
H x W: 4 5/8 x 5 1/2 in. (11.7 x 14 cm)
Object number
2004.17.3"""
    record = _parse(text)
    assert (record.print_width_in, record.print_height_in) == (5.5, 4.625)
    assert (record.print_width_cm, record.print_height_cm) == (14.0, 11.7)
    assert (record.width_px, record.height_px) == (None, None)


def test_a_size_in_both_units_is_height_first_and_the_object_before_its_mount():
    text = """Children outside a schoolhouse
1902
Dimensions
image: 9 × 6.5 cm (3 9/16 × 2 9/16 in.)
mount: 10 × 17 cm (3 15/16 × 6 11/16 in.)
Accession
2011.5.88"""
    record = _parse(text)
    assert (record.print_width_cm, record.print_height_cm) == (6.5, 9.0)
    assert (record.print_width_in, record.print_height_in) == (2.5625, 3.5625)
    assert (record.width_px, record.height_px) == (None, None)
    assert "missing_dimensions" in record.problems


def test_sides_named_in_german_french_and_spanish():
    for text in (
        "Ein Bauernhof im Schnee\nDatierung: 1931\nMaße (Höhe x Breite): 24 x 18 cm\nInventarnummer: F 1234",
        "Une ferme sous la neige\nDate : 1931\nDimensions (haut. x larg.) : 24 x 18 cm\nCote : 9 Fi 1234",
        "Una granja bajo la nieve\nFecha: 1931\nDimensiones (alto x ancho): 24 x 18 cm\nSignatura: F 1234",
    ):
        record = _parse(text)
        assert (record.print_width_cm, record.print_height_cm) == (18.0, 24.0), text


def test_a_fraction_is_never_a_pixel_pair_and_an_objects_size_in_one_unit_is_no_print_size():
    record = _parse("A boat on the lake\nDimensions: 3 1/8 × 3 1/16 in.")
    assert (record.width_px, record.height_px) == (None, None)
    record = _parse(
        "Vista del puerto\nFecha: 1920\nDescripción física: 1 tarjeta postal : fototipia ; 14 x 9 cm\nSignatura: TP 12"
    )
    assert (record.print_width_cm, record.print_height_cm) == (None, None)


def test_a_print_format_stated_by_an_archive_is_the_print_size():
    text = "Une rue après la pluie\n\nDate de prise de vue\n\n1916\n\nFormat du tirage\n\n12,4x17,2 cm\n\nCote\n\nAB 12"
    record = _parse(text)
    assert (record.print_width_cm, record.print_height_cm) == (12.4, 17.2)


def test_the_holding_institution_on_a_line_of_its_own_under_the_title():
    record = _parse(
        "Main Street, Millbrook, ca. 1910\nItem 25001   info\nMillbrook Historical Museum\n\n"
        "The twin towers of the church dominate the center of this view of Main Street.\n"
    )
    assert "Museum" not in record.caption
    assert record.credit == "Millbrook Historical Museum"
    record = _parse(
        "Blick auf den Rathausplatz, ca. 1976\n\nStadtarchiv\n\n"
        "Nach dem Abbruch des Gasthauses hat sich das Aussehen des Platzes stark verändert.\n"
    )
    assert record.credit == "Stadtarchiv"
    assert "Stadtarchiv" not in record.caption
    record = _parse(
        "La place du marché vers 1920\n\nArchives municipales de Villeexemple\n\n"
        "Les marchands installent leurs étals devant la mairie un jour de foire.\n"
    )
    assert record.credit == "Archives municipales de Villeexemple"


def test_a_photographer_credit_wins_over_the_holding_institution():
    record = _parse(
        "La plaza Mayor hacia 1920\n\nMuseo Municipal de Villaejemplo\n\n"
        "Los vecinos esperan la procesión frente al ayuntamiento. Foto: Ana Ejemplo\n"
    )
    assert record.credit == "Ana Ejemplo"


# --- a bulleted definition list where a label holds several values -------------------------------


def test_a_bulleted_list_whose_labels_hold_several_values():
    text = """Object Details
- Description
- A studio portrait of three sisters in white dresses, seated before a painted backdrop.
- Photograph by
- Unidentified
- Subject of
- Jane Example
- Unidentified Woman or Women
- Owned by
- Dr. John Example, American, 1870 - 1951
- Date
- 1900s
- Credit Line
- Collection of the Example County Museum
- Dimensions
- H x W: 6 1/2 x 4 1/4 in. (16.5 x 10.8 cm)
- H x W (image): 5 × 3 1/2 in. (12.7 × 8.9 cm)"""
    record = _parse(text)
    assert record.caption == "A studio portrait of three sisters in white dresses, seated before a painted backdrop."
    assert (record.date_start, record.date_end) == (date(1900, 1, 1), date(1909, 12, 31))
    assert record.date_precision == "decade"
    assert record.credit == "Collection of the Example County Museum"
    assert (record.print_width_in, record.print_height_in) == (4.25, 6.5)
    assert record.city is None


def test_bulleted_labels_with_several_values_in_german_french_and_spanish():
    for text, caption, year, credit in (
        (
            "- Beschreibung\n- Kinder spielen am Brunnen auf dem Marktplatz.\n- Abgebildete Personen\n- Anna Beispiel\n"
            "- Max Beispiel\n- Datierung\n- 1954\n- Bildrechte\n- Stadtarchiv Beispielstadt",
            "Kinder spielen am Brunnen auf dem Marktplatz.",
            1954,
            "Stadtarchiv Beispielstadt",
        ),
        (
            "- Description\n- Des enfants jouent autour de la fontaine.\n- Mots-clés\n- fontaine\n- enfants\n- jeux\n"
            "- Date\n- 1954\n- Crédit photo\n- Archives municipales d'Exempleville",
            "Des enfants jouent autour de la fontaine.",
            1954,
            "Archives municipales d'Exempleville",
        ),
        (
            "- Descripción\n- Niños jugando junto a la fuente de la plaza.\n- Palabras clave\n- fuente\n- niños\n"
            "- Fecha\n- 1954\n- Crédito\n- Archivo Municipal de Villaejemplo",
            "Niños jugando junto a la fuente de la plaza.",
            1954,
            "Archivo Municipal de Villaejemplo",
        ),
    ):
        record = _parse(text)
        assert (record.caption, record.date_start, record.credit) == (caption, date(year, 1, 1), credit), text


def test_a_bulleted_list_of_words_under_one_label_stays_as_it_is():
    text = "Things to see in the old town:\n- Date\n- the market hall\n- the church\n- the river bank"
    assert "market hall" in _parse(text).caption


def test_a_record_written_with_dashes_or_equals_signs_for_colons():
    caption = "Fishermen unload their catch in the harbour."
    for mark in ("-", "=", "–"):
        record = _parse(
            f"{caption}\nDate {mark} 3 May 2019\nPlace {mark} Sassnitz, Germany\nPhotographer {mark} Jane Roe"
        )
        assert (record.caption, record.date_start, record.city, record.country_code, record.credit) == (
            caption,
            date(2019, 5, 3),
            "Sassnitz",
            "DE",
            "Jane Roe",
        ), mark
    # one line so is a caption's dash, not a record ('Paris - Le Louvre ...')
    record = _parse("Paris - Le Louvre sous la neige, le 3 mai 2019.")
    assert record.caption == "Paris - Le Louvre sous la neige, le 3 mai 2019."


def test_a_caption_printed_as_the_pages_title_and_its_caption_field_is_whole():
    title = "Vue du quartier de la gare après les inondations : au fond, les entrepôts et les halles effondrés"
    text = f"{title}\n\nLégende\n\n{title}\n\nDate de prise de vue\n\n1910\n\nCote\n\nAB 12"
    record = _parse(text)
    assert record.caption == title
    assert "truncated_text" not in record.problems
    cut = "Vue du quartier de la gare après les inondations : au fond, les entrepôts et les halles effon"
    record = _parse(f"Légende\n\n{cut}\n\nDate de prise de vue\n\n1910\n\nCote\n\nAB 12")
    assert "truncated_text" in record.problems


def test_a_colonless_catalogue_date_written_in_lower_case_is_the_labels_value():
    # 'vers 1910', 'hacia 1910', 'vermutlich 1930', a weekday in French or Spanish: the value opens
    # with a small letter, and the record is read as one all the same
    blocks = [
        ("Place du marché\n\nPhotographe Jeanne Exemple\nCote 12 Fi 345\nDate vers 1910\n", date(1910, 1, 1), True),
        (
            "Place du marché\n\nPhotographe Jeanne Exemple\nCote 12 Fi 345\nDate dimanche 8 décembre 1918\n",
            date(1918, 12, 8),
            False,
        ),
        ("Plaza Mayor\n\nFotógrafo Ana Ejemplo\nSignatura FF04176\nFecha hacia 1910\n", date(1910, 1, 1), True),
        (
            "Plaza Mayor\n\nFotógrafo Ana Ejemplo\nSignatura FF04176\nFecha domingo, 8 de diciembre de 1918\n",
            date(1918, 12, 8),
            False,
        ),
        (
            "Marktplatz mit Brunnen\n\nFotograf Erna Beispiel\nInventarnummer F 1234\nStandort Stadtarchiv\n"
            "Datierung vermutlich 1930\n",
            date(1930, 1, 1),
            True,
        ),
        ("Main Street\n\nPhotographer Jane Roe\nCall number LC-1234\nDate probably 1910\n", date(1910, 1, 1), True),
    ]
    for text, start, approximate in blocks:
        record = parse_block(text)
        assert (record.date_start, record.approximate) == (start, approximate), text
        assert record.caption == text.split("\n", 1)[0], text
        assert record.credit in ("Jeanne Exemple", "Ana Ejemplo", "Erna Beispiel", "Jane Roe"), text


def test_a_line_opening_with_a_date_labels_word_stays_prose():
    # a sentence after the label's word is no date value, whatever date it names
    text = (
        "Place du marché\n\nPhotographe Jeanne Exemple\nCote 12 Fi 345\n"
        "Date de la construction du pont en 1910 par les ouvriers du canton\n"
    )
    assert "construction du pont" in parse_block(text).caption


def test_a_museums_inscription_and_exhibition_fields_are_no_caption_text():
    for text, caption in (
        ("Description: A mill by the river.\nInscription: On the back, in pencil", "A mill by the river."),
        ("DescriptionA mill by the river.\nInscribedOn the back\nObject number1999.3.4", "A mill by the river."),
        ("Beschreibung: Eine Mühle am Fluss.\nInschrift: Rückseite, Bleistift, 'alte Mühle'", "Eine Mühle am Fluss."),
        ("Description : Un moulin près de la rivière.\nInscriptions : au dos", "Un moulin près de la rivière."),
        ("Descripción: Un molino junto al río.\nInscripciones: al dorso, a lápiz", "Un molino junto al río."),
    ):
        assert _parse(text).caption == caption, text


def test_a_makers_line_with_a_nationality_and_a_life_is_no_date_and_no_caption():
    for text, caption, creator in (
        (
            "A harbour at dusk\nJane Example, American, 1881 - 1940\nPublisher, American, active 1890s",
            "A harbour at dusk",
            "Jane Example",
        ),
        ("Ein Hafen am Abend\nAnna Beispiel, deutsche, 1881–1940", "Ein Hafen am Abend", "Anna Beispiel"),
        ("Un port au crépuscule\nJeanne Exemple, française, 1881 - 1940", "Un port au crépuscule", "Jeanne Exemple"),
        ("Un puerto al atardecer\nAna Ejemplo, española, activa 1920s", "Un puerto al atardecer", "Ana Ejemplo"),
    ):
        record = _parse(text)
        assert (record.caption, record.date_start, record.creator) == (caption, None, creator), text
    # a place, a country that is no nationality, a year: the caption's own line
    record = _parse("Harbour, Lisbon, Portugal, 1925")
    assert record.date_start == date(1925, 1, 1)
    assert "Lisbon" in record.caption


def test_a_size_line_with_bars_stays_one_line_and_names_its_picture_library():
    # the parts of Alamy's size line are no caption and fields: the line keeps its form, by which
    # the supplier is known
    record = _parse(
        "Schoolchildren march through the old town of Edinburgh.\nImage ID: 2R4X9KJ\n"
        "3648 x 2736 px | 30,9 x 23,2 cm | 12,2 x 9,1 inches | 300dpi\nDate taken: 30 May 2017"
    )
    assert (record.supplier, record.source_id, record.width_px, record.dpi) == ("Alamy", "2R4X9KJ", 3648, 300)
    assert record.caption == "Schoolchildren march through the old town of Edinburgh."


def test_a_credit_label_of_two_words_without_its_colon():
    for text, credit, caption in (
        ("A family portrait\nCredit Line Gift of Mrs. Jane Roe", "Gift of Mrs. Jane Roe", "A family portrait"),
        ("Ein Familienbild im Garten\nFoto/Quelle Anna Beispiel", "Anna Beispiel", "Ein Familienbild im Garten"),
        ("Un portrait de famille\nCrédit photo Jean Exemple", "Jean Exemple", "Un portrait de famille"),
        ("Un retrato de familia\nCrédito de la foto Ana Ejemplo", "Ana Ejemplo", "Un retrato de familia"),
    ):
        record = _parse(text)
        assert (record.credit, record.caption) == (credit, caption), text
    # a sentence after the words is no credit; a one-word label opening a line is none either
    text = "Photo credit Goes to the whole team who worked on the project for many years."
    assert _parse(text).credit is None
    assert _parse("A harbour at dusk\nCredit Suisse Tower in the background").credit is None


def test_a_label_glued_to_a_value_in_latin_extended_letters():
    # the value before a glued label ends, or the value after one opens, with a letter beyond
    # Latin-1 ('ŁódźBildnr.:', 'OrtŁódź'): the label is cut there as after 'Köln'
    record = parse_block(
        "Blick auf den Marktplatz mit Rathaus.\nJahr: 1965Ort: Ulica Piotrkowska, ŁódźBildnr.: WDA1304-011"
    )
    assert (record.city, record.source_id) == ("Łódź", "WDA1304-011")
    record = parse_block("Blick auf den Marktplatz mit Rathaus.\nOrtŁódź\nDatierung1968")
    assert (record.city, record.caption) == ("Łódź", "Blick auf den Marktplatz mit Rathaus.")


# --- a record's id opening its first line ---------------------------------------------------------


def test_an_inventory_id_and_a_bracketed_date_open_the_line():
    # an inventory's line: '<id> [<date>] <title>' (the id letters and digits joined by '_' or
    # '-'); the id is the source_id, the date the picture's, the title the caption
    cases = (
        ("abc_40211 [1948] Marktplatz mit Brunnen", "abc_40211", date(1948, 1, 1), False),
        ("XYZ_00317 [Ca.1925] Femmes au lavoir communal", "XYZ_00317", date(1925, 1, 1), True),
        ("HF-1203-B [vers 1930] Le pont sur la rivière", "HF-1203-B", date(1930, 1, 1), True),
        ("mus_77120 [Entre 1950 et 1960] Mercado en la plaza mayor", "mus_77120", date(1950, 1, 1), False),
        ("ph_2088 [1962] Children at the harbour wall", "ph_2088", date(1962, 1, 1), False),
    )
    for text, source_id, start, approximate in cases:
        record = _parse(text)
        assert record.caption == text.split("] ", 1)[1], text
        assert (record.source_id, record.date_start, record.approximate) == (source_id, start, approximate), text


def test_a_record_header_with_id_medium_and_date_over_the_description():
    # 'ID - medium (date)' over the record's text: the id is the source_id, the date the picture's
    for header, start in (
        ("ABC_12_345     - Fotografie (um 1910)", date(1910, 1, 1)),
        ("FR-204-117 - Photographie (vers 1925)", date(1925, 1, 1)),
        ("inv_5531 - Photograph (c. 1935)", date(1935, 1, 1)),
    ):
        text = f"{header}\n\nThe old mill stands by the river below the village, with its wheel still in place."
        record = _parse(text)
        assert record.source_id == header.split()[0], header
        assert record.caption == "The old mill stands by the river below the village, with its wheel still in place."
        assert record.date_start == start, header


def test_an_id_shape_without_its_date_or_with_two_digits_stays_caption_text():
    for text in (
        "Route_66 [1956] Cars queue at the diner on the old road",
        "A-380 - the aircraft lands on the new runway at dawn",
        "HF-1203-B The bridge over the river",
    ):
        record = _parse(text)
        assert record.caption == text, text


def test_a_gallery_counter_glued_to_the_captions_first_word():
    for text in (
        "5/7Le 11 février, des danseurs défilent dans la vieille ville.",
        "3/12The crowd gathers on the square before the concert.",
        "2/9Die Feuerwehr löscht am Abend einen Brand in der Altstadt.",
        "4/8El alcalde inaugura el nuevo puente sobre el río.",
        "6L'équipe pose devant la mairie après la victoire.",
    ):
        record = _parse(text)
        assert record.caption == text.lstrip("0123456789/"), text
    text = "10A Downing Street was closed to visitors on Monday."
    assert _parse(text).caption == text


def test_a_number_and_its_holding_institution_over_the_caption():
    # a library's image page prints its alternative text '<number>, <institution>' over the caption
    for holder in (
        "Example City Library",
        "Musée d'Exemple",
        "Stadtarchiv Beispielstadt",
        "Archivo Histórico de Ejemplo",
    ):
        record = _parse(f" 4471903, {holder}\nFarm workers resting in the shade at noon, near Exampleville.")
        assert record.caption == "Farm workers resting in the shade at noon, near Exampleville.", holder
        assert (record.source_id, record.credit) == ("4471903", holder), holder
    text = "2019, a dry year\nFarm workers resting in the shade at noon, near Exampleville."
    assert _parse(text).source_id is None


# --- records written as object literals (a page's script, JSON5, a program's printed map) -----


def test_a_records_object_literal_in_a_pages_script_reads_as_json():
    record = _parse(
        """const picture = {
  id: "harbour-in-winter-1955",
  src: '/media/harbour-in-winter-1955.jpg', // the page's copy
  width: 1200,
  height: 800,
  title: "Ice on the old harbour basin",
  place: "Hamburg",
  date: "c. 1950–1960",
  accessionNumber: "XY 1999.12.3",
  creditLine:
    "Example City Museum, gift of Jane Roe",
};"""
    )
    assert record.caption == "Ice on the old harbour basin"
    assert (record.width_px, record.height_px, record.city, record.country_code) == (1200, 800, "Hamburg", "DE")
    assert (record.date_start, record.date_end) == (date(1950, 1, 1), date(1960, 12, 31))
    assert record.credit == "Example City Museum, gift of Jane Roe"
    assert record.source_id == "XY 1999.12.3"  # a named number, not the page's bare 'id'
    assert "truncated_text" not in record.problems


def test_object_literals_in_german_french_and_spanish_keys():
    cases = (
        (
            "{titel: 'Hafen im Winter', fotograf: 'Jana Beispiel', datierung: '1955', ort: 'Kiel',"
            " inventarnummer: 'F 12/7',}",
            ("Hafen im Winter", "Jana Beispiel", "Kiel", "F 12/7"),
        ),
        (
            "{legende: 'Le port en hiver', auteur: 'Jeanne Exemple', date: '1955', lieu: 'Brest', cote: '12 Fi 34'}",
            ("Le port en hiver", "Jeanne Exemple", "Brest", "12 Fi 34"),
        ),
        (
            "{título: 'El puerto en invierno', /* ficha */ fotógrafo: 'Ana Ejemplo', fecha: '1955',"
            " lugar: 'Vigo', signatura: 'FOT 3/21'}",
            ("El puerto en invierno", "Ana Ejemplo", "Vigo", "FOT 3/21"),
        ),
    )
    for text, expected in cases:
        record = _parse(text)
        assert (record.caption, record.credit, record.city, record.source_id) == expected, text
        assert record.date_start == date(1955, 1, 1)


def test_an_object_literal_whose_quotes_a_word_processor_curled():
    record = _parse(
        "{\n  title: \u201cIce on the old harbour basin\u201d,\n  place: \u201cHamburg\u201d,\n  width: 1200,\n"
        "  height: 800,\n  creditLine: \u201cExample City Museum\u201d,\n}"
    )
    assert (record.caption, record.city, record.credit) == (
        "Ice on the old harbour basin",
        "Hamburg",
        "Example City Museum",
    )


def test_a_programs_printed_map_reads_as_json():
    record = _parse(
        "{'caption': \"Farmers' market near Lyon\", 'credit': 'Jean Exemple', 'date': None, 'city': 'Lyon'}"
    )
    assert (record.caption, record.credit, record.city) == ("Farmers' market near Lyon", "Jean Exemple", "Lyon")


def test_an_object_literal_cut_off_keeps_its_fields_and_is_truncated():
    record = _parse(
        "{\n  description: 'Ice on the old harbour basin',\n  place: 'Hamburg',\n  creditLine: 'Example City Mus"
    )
    assert (record.caption, record.city) == ("Ice on the old harbour basin", "Hamburg")
    assert "truncated_text" in record.problems


def test_braces_around_prose_are_no_object_literal():
    for text in (
        "{Archive} Farmers near Lyon, France.",
        "{title} Farmers near Lyon, France.",
        "[note: see below] Farmers",
    ):
        record = _parse(text)
        assert record.caption, text


# --- the label vocabulary of catalogue records and museum APIs --------------------------------


def test_media_item_and_object_numbers_in_four_languages():
    cases = (
        ("Titel: Hafen im Winter\nMedien-ID: 4711\nFotograf: Jana Beispiel\nOrt: Kiel", "4711", "Jana Beispiel"),
        ("Title: Ice on the harbour\nItem number: 2001.7.33\nMaker: Jane Roe\nPlace: Leeds", "2001.7.33", "Jane Roe"),
        (
            "Titre : Le port en hiver\nNuméro d'objet : 1999.4.12\nOpérateur : Jean Exemple\nLieu : Brest",
            "1999.4.12",
            "Jean Exemple",
        ),
        (
            "Título: El puerto en invierno\nNúmero de objeto: CE1234\nAutora: Ana Ejemplo\nLugar: Vigo",
            "CE1234",
            "Ana Ejemplo",
        ),
        (
            "Titel: Hafen im Winter\nObjektnummer: F 12/7\nBildautorin: Jana Beispiel\nOrt: Kiel",
            "F 12/7",
            "Jana Beispiel",
        ),
        (
            "Title: Ice on the harbour\nCatalogue number: P.1234-5\nPhotographer(s): Jane Roe\nPlace: Leeds",
            "P.1234-5",
            "Jane Roe",
        ),
    )
    for text, source_id, credit in cases:
        record = _parse(text)
        assert (record.source_id, record.credit) == (source_id, credit), text


def test_an_isad_records_creator_in_four_languages():
    for label, value in (
        ("Name of creator(s)", "Jane Roe"),
        ("Name der Provenienzstelle", "Jana Beispiel"),
        ("Nom du producteur", "Jean Exemple"),
        ("Nombre del o de los productor(es)", "Ana Ejemplo"),
    ):
        record = _parse(
            f"Title\n\nThe old harbour in winter\n\nDate(s)\n\n1955\n\n{label}\n\n{value}\n\n"
            "Level of description\n\nItem"
        )
        assert record.credit == value, label


def test_an_empty_creator_field_over_the_next_label_names_no_one():
    record = _parse(
        "Título\nFecha(s)\n- Sin fecha (Creación)\nNombre del productor\nInstitución archivística\n"
        "Alcance y contenido\nCopias fotográficas de un edificio en ruinas.\n"
    )
    assert record.credit is None


def test_museum_api_keys_read_through_the_label_vocabulary():
    record = _parse(
        '{"objectID": 4321, "objectNumber": "1987.1100.42", "title": "Boats on the frozen river",'
        ' "artistDisplayName": "Jane Roe", "objectDate": "ca. 1905", "city": "Albany", "country": "United States"}'
    )
    assert (record.caption, record.source_id, record.credit) == (
        "Boats on the frozen river",
        "1987.1100.42",
        "Jane Roe",
    )
    assert (record.date_start, record.approximate, record.country_code) == (date(1905, 1, 1), True, "US")
    record = _parse(
        '{"id": 77, "main_reference_number": "x", "title": "Street in the rain", "artist_display": "Jane Roe",'
        ' "date_display": "1931", "credit_line": "Example Museum, gift of John Doe", "accession_number": "2010.4"}'
    )
    assert (record.source_id, record.credit, record.date_start) == (
        "2010.4",
        "Example Museum, gift of John Doe",
        date(1931, 1, 1),
    )


# --- an archive's inventory entry on one line ---------------------------------------------------


def test_an_inventory_entry_with_its_call_number_photographer_and_date_in_four_languages():
    cases = (
        (
            "Photo : cote 12 Fi 34 - Brest, le port de commerce. / Jeanne Exemple – vers 1910",
            ("12 Fi 34", "Brest, le port de commerce.", "Jeanne Exemple", date(1910, 1, 1)),
        ),
        (
            "Signatur F 12/7 – Kiel, Hafen im Winter / Jana Beispiel - 1955",
            ("F 12/7", "Kiel, Hafen im Winter", "Jana Beispiel", date(1955, 1, 1)),
        ),
        (
            "Call number XY-1234 - Farmers at the market, Leeds / Jane Roe & Co. - June 1921",
            ("XY-1234", "Farmers at the market, Leeds", "Jane Roe & Co.", date(1921, 6, 1)),
        ),
        (
            "Fotografía: signatura FOT 3/21 - Vigo, el puerto / Ana Ejemplo - 3 de mayo de 1930",
            ("FOT 3/21", "Vigo, el puerto", "Ana Ejemplo", date(1930, 5, 3)),
        ),
        ("Cote : 5 Fi 2 - Vue générale de Quimper", ("5 Fi 2", "Vue générale de Quimper", None, None)),
    )
    for text, expected in cases:
        record = _parse(f"Fonds Exemple\n\n{text}")
        assert (record.source_id, record.caption, record.credit, record.date_start) == expected, text


def test_a_caption_opening_with_a_word_folded_like_an_id_label_is_no_inventory_entry():
    # 'Côte' (the coast) folds to 'cote', a call number's label: a word of prose after it
    # opens no call number, and the caption, its date and its place are read whole
    record = _parse("Côte d'Azur 3-9 octobre 2018 - Nice REUTERS/Eric Gaillard")
    assert (record.caption, record.city, record.source_id) == ("Côte d'Azur 3-9 octobre 2018 - Nice", "Nice", None)
    assert (record.date_start, record.date_end) == (date(2018, 10, 3), date(2018, 10, 9))
    assert record.credit == "REUTERS/Eric Gaillard"
    # false friends: a call number opening with digits or capitals is still one
    record = _parse("Cote AD 12 - Le port de Nice")
    assert (record.source_id, record.caption) == ("AD 12", "Le port de Nice")


def test_an_entry_whose_statement_after_the_slash_is_no_name_keeps_it_in_the_caption():
    record = _parse("Cote 3 Fi 9 - Le port / vue prise depuis la jetée")
    assert (record.source_id, record.caption, record.credit) == ("3 Fi 9", "Le port / vue prise depuis la jetée", None)


def test_a_caption_with_a_dash_and_no_call_number_is_no_inventory_entry():
    for text in (
        "Reference works - the library's new reading room / Example City",
        "Photo: Children play in the snow - Kiel, January 1955 / Jana Beispiel",
        "Id like to thank - said the mayor / Jane Roe",
    ):
        record = _parse(text)
        assert record.source_id is None, text


# --- a picture library's reference in brackets under the caption ------------------------------


def test_a_picture_librarys_bracketed_reference_names_credit_id_place_and_year():
    cases = (
        (
            "Kinder spielen im Schnee.\n\n[Beispiel Bilder Bild 00123456 Hamburg 1955]",
            ("Beispiel Bilder", "00123456", "Hamburg", "DE", 1955),
        ),
        (
            "Children in the snow.\n[Example Pictures Image 0012345 Leeds, 1931]",
            ("Example Pictures", "0012345", "Leeds", "GB", 1931),
        ),
        (
            "Enfants dans la neige.\n[Images Exemple Photo 7654321 Lyon 1948]",
            ("Images Exemple", "7654321", "Lyon", "FR", 1948),
        ),
        (
            "Niños en la nieve.\n[Archivo Ejemplo Imagen 1234567 Sevilla 1962]",
            ("Archivo Ejemplo", "1234567", "Sevilla", "ES", 1962),
        ),
    )
    for text, (credit, source_id, city, country_code, year) in cases:
        record = _parse(text)
        assert record.caption == text.split("\n")[0], text
        assert (record.credit, record.source_id, record.city, record.country_code) == (
            credit,
            source_id,
            city,
            country_code,
        )
        assert record.date_start == date(year, 1, 1)


def test_a_bracketed_note_without_a_librarys_number_stays_as_it_is():
    for text in (
        "[Archive picture] Farmers near Lyon, France.",
        "Farmers near Lyon.\n[Photo 12]",
        "Farmers [see image 12345] near Lyon.",
    ):
        record = _parse(text)
        assert record.source_id is None and record.credit is None, text


# --- metadata records as APIs and tools emit them (captions/data/record_keys.json) -------------


def test_a_ninjs_picture_reads_its_description_byline_place_and_original_rendition():
    item = """{
  "uri": "urn:example:picture:0001", "type": "picture", "version": "3", "pubstatus": "usable",
  "headline": "Harbour at dawn",
  "description_text": "Fishing boats leave the harbour of Bergen at dawn.",
  "byline": "Jane Roe", "located": "Bergen, Norway",
  "firstcreated": "2024-03-05T09:00:00Z", "versioncreated": "2024-03-06T10:00:00Z",
  "contentcreated": "1987-06-12T05:30:00Z",
  "copyrightnotice": "(c) 2024 Example Agency", "usageterms": "Editorial use only",
  "altids": {"itemid": "EX-55512"},
  "renditions": {
    "thumbnail": {"href": "https://example.org/t.jpg", "width": 160, "height": 107},
    "preview": {"href": "https://example.org/p.jpg", "width": 512, "height": 341},
    "original": {"href": "https://example.org/o.jpg", "width": 5000, "height": 3333}
  }
}"""
    record = _parse(item)
    assert record.caption == "Fishing boats leave the harbour of Bergen at dawn."
    assert (record.width_px, record.height_px) == (5000, 3333)
    assert record.date_start == date(1987, 6, 12)
    assert (record.city, record.country_code) == ("Bergen", "NO")
    assert (record.credit, record.source_id, record.caveats) == ("Jane Roe", "EX-55512", ["editorial_only"])
    # false friend: the item's own times (first created, this version) are no shoot date
    undated = _parse(item.replace('"contentcreated": "1987-06-12T05:30:00Z",', ""))
    assert undated.date_start is None
    assert undated.caption == record.caption


def test_a_ninjs_2_item_with_lists_of_headlines_descriptions_and_renditions():
    record = _parse(
        """{"type": "picture",
 "headlines": [{"role": "main", "value": "Zug im Schnee"}],
 "descriptions": [{"role": "caption", "contenttype": "text/plain",
   "value": "Ein Zug fährt am 3. Februar 2021 durch den verschneiten Bahnhof von Trondheim."}],
 "renditions": [{"name": "thumbnail", "width": 200, "height": 133},
                {"name": "highres", "width": 3000, "height": 2000},
                {"name": "web", "width": 1024, "height": 683}]}"""
    )
    assert record.caption == "Ein Zug fährt am 3. Februar 2021 durch den verschneiten Bahnhof von Trondheim."
    assert (record.width_px, record.height_px, record.language) == (3000, 2000, "de")
    assert record.date_start == date(2021, 2, 3)


def test_an_ap_style_hit_with_markup_in_its_caption_and_a_photographer_object():
    record = _parse(
        """const HIT = {
  _source: {
    itemid: 'zz9911',
    headline: 'Sailing Regatta',
    caption: {
      nitf: '<p>Boats round the first mark during a regatta, Saturday, June 8, 2019, in Stavanger. (EXA/Jane Roe)</p>',
    },
    firstcreated: '2019-06-09T01:02:03Z',
    photographer: { name: 'Jane Roe', title: 'Staff', code: 'JR' },
    subjects: [{ name: 'Sailing' }, { name: 'Sports' }],
    renditions: [
      { rel: 'Thumbnail', width: 128, height: 85 },
      { rel: 'Main', width: 4200, height: 2800 },
      { rel: 'Preview', width: 512, height: 341 },
    ],
  },
};"""
    )
    assert record.caption.startswith("Boats round the first mark during a regatta, Saturday, June 8, 2019")
    assert "<p>" not in record.caption and "Sailing" not in record.caption
    assert (record.width_px, record.height_px) == (4200, 2800)
    assert (record.date_start, record.city, record.source_id) == (date(2019, 6, 8), "Stavanger", "zz9911")
    assert "Staff" not in (record.credit or "")  # the photographer's job title is no credit


def test_a_schema_org_image_object_with_nested_people_places_and_values():
    image = """{
  "@context": "https://schema.org", "@type": "ImageObject",
  "name": "Market day",
  "caption": "Stalls along the old square of Trondheim on market day.",
  "creator": {"@type": "Person", "name": "Jane Roe", "address": "Oslo"},
  "copyrightHolder": {"@type": "Organization", "name": "Example Agency"},
  "creditText": "Jane Roe/Example Agency",
  "dateCreated": "2019-08-14", "uploadDate": "2020-01-02", "datePublished": "2020-01-03",
  "contentLocation": {"@type": "Place", "name": "Trondheim, Norway"},
  "width": {"@type": "QuantitativeValue", "value": 4000, "unitCode": "E37"}, "height": "2667",
  "thumbnail": {"@type": "ImageObject", "contentUrl": "https://example.org/t.jpg", "width": "300", "height": "200"}
}"""
    record = _parse(image)
    assert record.caption == "Stalls along the old square of Trondheim on market day."
    assert (record.width_px, record.height_px) == (4000, 2667)
    assert (record.date_start, record.city, record.country_code) == (date(2019, 8, 14), "Trondheim", "NO")
    assert record.credit == "Jane Roe/Example Agency"
    # false friends: a thumbnail's width is not the photo's, an upload date no shoot date
    thumb_only = _parse(
        """{"@type": "ImageObject", "caption": "A lighthouse on a rocky island at dusk.",
 "thumbnail": {"@type": "ImageObject", "width": 300, "height": 200}, "uploadDate": "2021-02-03"}"""
    )
    assert (thumb_only.width_px, thumb_only.height_px, thumb_only.date_start) == (None, None, None)
    assert "missing_dimensions" in thumb_only.problems


def test_a_commons_imageinfo_answer_with_wrapped_values_and_markup():
    answer = """{"query": {"pages": {"123": {"title": "File:Harbour.jpg", "imageinfo": [{
  "timestamp": "2021-05-06T07:08:09Z", "user": "Uploader99",
  "width": 3000, "height": 2000, "thumbwidth": 320, "thumbheight": 213,
  "extmetadata": {
    "DateTime": {"value": "2021-05-06 07:08:09", "source": "mediawiki-metadata", "hidden": ""},
    "ObjectName": {"value": "Harbour"},
    "ImageDescription": {"value": "<p>Fishing boats in the harbour of Stavanger.</p>", "source": "commons-desc-page"},
    "DateTimeOriginal": {"value": "1978-07-03", "source": "commons-desc-page"},
    "Artist": {"value": "<a href=\\"//commons.wikimedia.org/wiki/User:Jroe\\" title=\\"User:Jroe\\">Jane Roe</a>",
               "source": "commons-desc-page"},
    "Credit": {"value": "Example City Archive", "source": "commons-desc-page"},
    "LicenseShortName": {"value": "CC BY-SA 4.0"}
  }}]}}}}"""
    record = _parse(answer)
    assert record.caption == "Fishing boats in the harbour of Stavanger."
    assert (record.width_px, record.height_px) == (3000, 2000)
    assert (record.date_start, record.city, record.credit) == (date(1978, 7, 3), "Stavanger", "Example City Archive")
    # false friend: without the original date, the upload's times give none
    upload_only = _parse(
        answer.replace('"DateTimeOriginal": {"value": "1978-07-03", "source": "commons-desc-page"},', "")
    )
    assert upload_only.date_start is None


def test_a_flickr_answer_reads_the_taken_date_and_the_original_size_not_the_owners_home():
    record = _parse(
        """{"photo": {"id": "52012345678", "dateuploaded": "1650000000",
  "owner": {"nsid": "1@N0", "username": "jroe", "realname": "Jane Roe", "location": "Oslo, Norway"},
  "title": {"_content": "Market day"},
  "description": {"_content": "Stalls along the square on market day."},
  "dates": {"posted": "1650000000", "taken": "2015-09-19 10:11:12", "takengranularity": 0, "lastupdate": "1650000100"},
  "location": {"locality": {"_content": "Bergen"}, "region": {"_content": "Vestland"},
               "country": {"_content": "Norway"}}}}"""
    )
    assert record.caption == "Stalls along the square on market day."
    assert (record.date_start, record.credit) == (date(2015, 9, 19), "Jane Roe")
    assert (record.city, record.region, record.country_code) == ("Bergen", "Vestland", "NO")
    sizes = _parse(
        """{"sizes": {"size": [{"label": "Square", "width": 75, "height": 75},
  {"label": "Original", "width": 4256, "height": 2832}, {"label": "Large 6K", "width": 6144, "height": 4088}]},
 "photo": {"description": {"_content": "A tram crosses the bridge."}}}"""
    )
    assert (sizes.width_px, sizes.height_px) == (4256, 2832)  # the original, not a larger copy made of it


def test_a_google_photos_sidecar_reads_the_taken_time_not_the_upload():
    sidecar = """{
  "title": "IMG_20150919_101112.jpg",
  "description": "A tram crosses the bridge in Gothenburg.",
  "imageViews": "12",
  "creationTime": {"timestamp": "1650000000", "formatted": "Apr 15, 2022, 5:20:00 AM UTC"},
  "photoTakenTime": {"timestamp": "1442657472", "formatted": "Sep 19, 2015, 10:11:12 AM UTC"}
}"""
    record = _parse(sidecar)
    assert (record.caption, record.date_start) == ("A tram crosses the bridge in Gothenburg.", date(2015, 9, 19))
    # the taken time as Unix time alone
    assert _parse(sidecar.replace(', "formatted": "Sep 19, 2015, 10:11:12 AM UTC"', "")).date_start == date(2015, 9, 19)
    # false friends: the upload time alone is no shoot date; a title that is a file name no caption
    upload_only = _parse(
        """{"title": "IMG_0042.jpg", "description": "",
  "creationTime": {"timestamp": "1650000000", "formatted": "Apr 15, 2022, 5:20:00 AM UTC"}}"""
    )
    assert (upload_only.date_start, upload_only.caption) == (None, "")


def test_a_news_cms_image_in_a_script_takes_its_largest_size_and_its_credits_name():
    record = _parse(
        """const ARTICLE_IMAGE = {
  image: {
    caption: 'Cyclists ride past the cathedral in Uppsala, Sweden, on Sunday, May 5, 2024.',
    credit: { name: 'Jane Roe / Example Agency', url: 'https://example.org' },
    alt: 'cyclists',
    sizes: {
      thumbnail: { width: 150, height: 100 }, medium: { width: 800, height: 533 },
      large: { width: 2048, height: 1365 },
    },
    created_at: '2024-05-06T08:00:00Z',
    editor: { name: 'Web Desk', location: 'Stockholm' },
  },
};"""
    )
    assert record.caption == "Cyclists ride past the cathedral in Uppsala, Sweden, on Sunday, May 5, 2024."
    assert (record.width_px, record.height_px) == (2048, 1365)
    assert (record.credit, record.date_start, record.city) == ("Jane Roe / Example Agency", date(2024, 5, 5), "Uppsala")


def test_an_image_object_cut_from_a_script_under_its_key():
    # 'leadImage: {...},' as a member of a larger object: its title is the caption (with its credit),
    # a tag's name is none; the master rendition gives the pixels
    record = _parse(
        """leadImage: {
  title: 'Cyclists ride past the cathedral in Uppsala. (Photo: Jane Roe/Example Agency)',
  renditions: [ { rel: 'thumb', width: 120, height: 80 }, { rel: 'large', width: 1600, height: 1067 },
                { rel: 'master', width: 6000, height: 4000 } ],
  tag: { name: 'Cycling' },
},"""
    )
    assert record.caption == "Cyclists ride past the cathedral in Uppsala."
    assert (record.credit, record.width_px, record.height_px) == ("Jane Roe/Example Agency", 6000, 4000)
    # the alternative text is the caption only when nothing else describes the picture
    alt_only = _parse(
        "mainImage: {alt: 'A heron stands in the reeds of a lake near Uppsala.', width: 1200, height: 800}"
    )
    assert (alt_only.caption, alt_only.width_px) == ("A heron stands in the reeds of a lake near Uppsala.", 1200)
    titled = _parse(
        "photo: {alt: 'heron', title: 'A heron stands in the reeds of a lake near Uppsala.', width: 1200, height: 800}"
    )
    assert titled.caption == "A heron stands in the reeds of a lake near Uppsala."


_EXIF_CAPTION = "Snow on the roofs of Trondheim, Norway."


def test_exiftool_json_with_groups_leaves_the_thumbnail_the_camera_default_and_file_times():
    flat = """[{"SourceFile": "x.jpg", "System:FileModifyDate": "2024:01:02 03:04:05+00:00",
  "IFD0:ImageDescription": "OLYMPUS DIGITAL CAMERA", "IFD0:XResolution": 300, "IFD0:ResolutionUnit": "inches",
  "IFD0:ModifyDate": "2024:01:02 03:04:05", "ExifIFD:DateTimeOriginal": "2016:04:17 11:12:13",
  "IFD1:ImageWidth": 160, "IFD1:ImageHeight": 120, "IFD1:XResolution": 72,
  "IPTC:Caption-Abstract": "Snow on the roofs of Trondheim, Norway.", "IPTC:By-line": "Photographer: Jane Roe",
  "File:ImageWidth": 4608, "File:ImageHeight": 3456, "MakerNotes:ImageNumber": 4471}]"""
    grouped = """[{"SourceFile": "x.jpg", "System": {"FileModifyDate": "2024:01:02 03:04:05+00:00"},
  "IFD1": {"ImageWidth": 160, "ImageHeight": 120, "XResolution": 72, "ResolutionUnit": "inches"},
  "IFD0": {"ImageDescription": "SONY DSC", "XResolution": 300, "ResolutionUnit": "inches"},
  "ExifIFD": {"DateTimeOriginal": "2016:04:17 11:12:13", "CreateDate": "2016:04:17 11:12:13"},
  "XMP-dc": {"Description": "Snow on the roofs of Trondheim, Norway.", "Creator": "Photographer: Jane Roe"},
  "MakerNotes": {"ImageNumber": 4471},
  "File": {"ImageWidth": 4608, "ImageHeight": 3456}}]"""
    for text in (flat, grouped):
        record = _parse(text)
        assert record.caption == _EXIF_CAPTION
        assert (record.width_px, record.height_px, record.dpi) == (4608, 3456, 300)
        assert (record.date_start, record.credit, record.source_id) == (date(2016, 4, 17), "Jane Roe", None)


def test_exiftool_listings_with_groups_in_brackets():
    family_012 = """[ExifTool, ExifTool, ExifTool] ExifToolVersion - ExifTool Version Number: 12.60
[File, System, Other] FileName - File Name: IMG_4471.JPG
[File, System, Time] FileModifyDate - File Modification Date/Time: 2024:01:02 03:04:05+01:00
[File, File, Image] ImageWidth - Image Width: 4608
[File, File, Image] ImageHeight - Image Height: 3456
[EXIF, IFD0, Image] 270 - Image Description: OLYMPUS DIGITAL CAMERA
[EXIF, IFD0, Image] 282 - X Resolution: 300
[EXIF, IFD0, Image] 296 - Resolution Unit: inches
[EXIF, ExifIFD, Time] 36867 - Date/Time Original: 2016:04:17 11:12:13
[EXIF, IFD1, Image] 256 - Image Width: 160
[EXIF, IFD1, Image] 282 - X Resolution: 72
[IPTC, IPTC, Other] 120 - Caption-Abstract: Snow on the roofs of Trondheim, Norway.
[IPTC, IPTC, Author] 80 - By-line: Photographer: Jane Roe
[MakerNotes, Olympus, Camera] 8 - Image Number: 4471"""
    family_0 = """[ExifTool]      ExifTool Version Number         : 12.60
[File]          File Name                       : IMG_4471.JPG
[File]          File Modification Date/Time     : 2024:01:02 03:04:05+01:00
[File]          Image Width                     : 4608
[File]          Image Height                    : 3456
[EXIF]          Image Description               : OLYMPUS DIGITAL CAMERA
[EXIF]          X Resolution                    : 300
[EXIF]          Resolution Unit                 : inches
[EXIF]          Date/Time Original              : 2016:04:17 11:12:13
[IPTC]          Caption-Abstract                : Snow on the roofs of Trondheim, Norway.
[IPTC]          By-line                         : Jane Roe
[MakerNotes]    Image Number                    : 4471"""
    for text in (family_012, family_0):
        record = _parse(text)
        assert record.caption == _EXIF_CAPTION
        assert (record.width_px, record.height_px, record.dpi) == (4608, 3456, 300)
        assert (record.date_start, record.credit, record.source_id) == (date(2016, 4, 17), "Jane Roe", None)


def test_bracketed_notes_in_a_caption_are_no_exiftool_listing():
    record = _parse(
        """A heron stands in the reeds of a lake near Uppsala on a foggy morning.
[Update] Note: the picture was first published with a wrong date.
[Correction] Photo: the bird is a grey heron, not a crane.
The lake lies north of the town and freezes in most winters."""
    )
    assert record.caption.startswith("A heron stands in the reeds of a lake near Uppsala")


def test_an_xmp_packets_iptc_core_location_is_the_sublocation_and_its_modify_date_no_date():
    record = _parse(
        """<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF><rdf:Description rdf:about=""
 photoshop:City="Bergen" photoshop:Country="Norway" Iptc4xmpCore:Location="Bryggen"
 xmp:ModifyDate="2023-03-03T10:00:00" xmp:MetadataDate="2023-03-03T10:00:00">
 <dc:description><rdf:Alt><rdf:li xml:lang="x-default">Children wave flags in the parade.</rdf:li></rdf:Alt>
 </dc:description>
 <dc:creator><rdf:Seq><rdf:li>Jane Roe</rdf:li></rdf:Seq></dc:creator>
</rdf:Description></rdf:RDF></x:xmpmeta>"""
    )
    assert record.caption == "Children wave flags in the parade."
    assert (record.sublocation, record.city, record.country_code) == ("Bryggen", "Bergen", "NO")
    assert (record.date_start, record.credit) == (None, "Jane Roe")


def test_a_records_value_keeps_words_before_a_colon_that_are_no_label():
    record = _parse(
        '{"caption": "Boats in the harbour.", "credit": "Studio North: Jane Roe", "width": 900, "height": 600}'
    )
    assert record.credit == "Studio North: Jane Roe"


def test_every_record_key_stands_for_a_label_of_ours():
    from captions.core.data import load_data
    from captions.core.text import fold
    from captions.ingest.lexicon import LABELS

    for label in load_data("record_keys.json")["keys"]:
        assert fold(label) in LABELS, label


def test_a_values_role_names_its_field_and_a_copys_title_is_no_title():
    record = _parse(
        """{"type": "picture", "firstCreated": "2022-02-02T10:00:00Z",
 "descriptions": [
   {"role": "creditline", "value": "EXAMPLE AGENCY"},
   {"role": "caption", "value": "Skaters on the frozen canal in Uppsala, Sweden, Sunday, Jan. 30, 2022."}],
 "headlines": [{"role": "main", "value": "Sweden Winter"}],
 "renditions": [
   {"name": "main", "title": "Full Resolution (JPG)", "width": 3600, "height": 2400},
   {"name": "preview", "title": "Preview (JPG)", "width": 512, "height": 341}]}"""
    )
    assert record.caption == "Skaters on the frozen canal in Uppsala, Sweden, Sunday, Jan. 30, 2022."
    assert (record.credit, record.width_px, record.date_start) == ("EXAMPLE AGENCY", 3600, date(2022, 1, 30))
    assert record.headline == "Sweden Winter"
    # false friend: a role that is no field of ours leaves the value under its key
    plain = _parse(
        """{"descriptions": [{"role": "summary", "value": "Skaters on the frozen canal in Uppsala."}],
 "credit": "Jane Roe"}"""
    )
    assert (plain.caption, plain.credit) == ("Skaters on the frozen canal in Uppsala.", "Jane Roe")


def test_an_iptc_city_field_alone_implies_its_country_only_for_a_major_city():
    # SPEC: an unambiguous capital or major city alone implies its country; a smaller town's
    # name in a 'City' field says that it is a town, not which country's (as a 'Location:' does)
    listing = (
        "Caption-Abstract                : Two boats in the harbour at dawn.\n"
        "City                            : {city}\n"
        "Image Width                     : 3000\n"
        "Image Height                    : 2000"
    )
    for city, country in (("Gmunden", None), ("Quimper", None), ("Zwickau", None), ("Lyon", "FR"), ("Kraków", "PL")):
        record = parse_block(listing.format(city=city))
        assert (record.city, record.country_code) == (city, country), city
    # false friend: the country field, when there is one, still gives the town's country
    record = parse_block(listing.format(city="Gmunden") + "\nCountry-Primary Location Name   : Austria")
    assert (record.city, record.country_code) == ("Gmunden", "AT")


def test_a_newsml_g2_picture_item_reads_as_a_record():
    record = _parse(
        """<newsItem xmlns="http://iptc.org/std/nar/2006-10-01/" guid="urn:example:1" version="2">
 <itemMeta><itemClass qcode="ninat:picture"/><versionCreated>2024-02-02T10:00:00Z</versionCreated></itemMeta>
 <contentMeta>
  <contentCreated>2011-09-17T08:00:00Z</contentCreated>
  <located qcode="geo:1"><name>Trondheim, Norway</name></located>
  <creator><name>Jane Roe</name></creator>
  <creditline>Jane Roe/Example Agency</creditline>
  <headline>Rowing race</headline>
  <description role="drol:summary">Rowing</description>
  <description role="drol:caption">Rowers pass under the old bridge during the autumn race.</description>
 </contentMeta>
 <contentSet>
  <remoteContent rendition="rnd:thumbnail" href="t.jpg" width="200" height="133"/>
  <remoteContent rendition="rnd:highRes" href="h.jpg" width="4500" height="3000"/>
 </contentSet>
</newsItem>"""
    )
    assert record.caption == "Rowers pass under the old bridge during the autumn race."
    assert (record.width_px, record.height_px, record.date_start) == (4500, 3000, date(2011, 9, 17))
    assert (record.city, record.country_code, record.credit) == ("Trondheim", "NO", "Jane Roe/Example Agency")


def test_an_nitf_media_element_reads_its_caption_producer_and_size_not_its_files_source():
    record = _parse(
        """<nitf><head><docdata><date.issue norm="20240303T000000Z"/></docdata></head>
<body><body.head><hedline><hl1>Harbour fog</hl1></hedline></body.head>
<body.content><media media-type="image"><media-reference source="fog.jpg" width="3200" height="2100"/>
<media-caption>Fog lies over the harbour of Bergen, Norway, on May 2, 1998.</media-caption>
<media-producer>Jane Roe/Example Agency</media-producer></media></body.content></body></nitf>"""
    )
    assert record.caption == "Fog lies over the harbour of Bergen, Norway, on May 2, 1998."
    assert (record.width_px, record.height_px, record.date_start) == (3200, 2100, date(1998, 5, 2))
    assert (record.headline, record.credit) == ("Harbour fog", "Jane Roe/Example Agency")


def test_markup_of_a_page_is_no_xml_record():
    # false friends: a page's figure (HTML) and XML whose elements name no field of ours stay text
    figure = _parse(
        "<p>A ferry leaves the harbour of Bergen on a grey morning, March 3, 2020. (Photo: Jane Roe/Example Agency)</p>"
    )
    assert figure.caption.startswith("A ferry leaves the harbour of Bergen")
    assert figure.date_start == date(2020, 3, 3)
    unknown = _parse("<note><to>Ana</to><body>See you at the harbour.</body></note>")
    assert unknown.width_px is None and unknown.credit is None


def test_php_and_ruby_printed_arrays_read_as_records():
    php = """<?php
// a file's metadata as a test fixture holds it
return array (
  'ImageDescription' => array (
    'value' => 'Boats at the quay of Stavanger harbour in the evening.',
    'source' => 'commons-desc-page',
  ),
  'DateTimeOriginal' => array ( 'value' => '2009-02-18', 'source' => 'commons-desc-page' ),
  'DateTime' => array ( 'value' => '2014-05-06 07:08:09', 'source' => 'mediawiki-metadata' ),
  'Artist' => array ( 'value' => 'Jane Roe', 'source' => 'commons-desc-page' ),
  0 => 'unused',
);"""
    record = _parse(php)
    assert record.caption == "Boats at the quay of Stavanger harbour in the evening."
    assert (record.date_start, record.credit) == (date(2009, 2, 18), "Jane Roe")
    short = _parse(
        """$image = [
  'caption' => 'Skaters on the frozen canal in Uppsala, Sweden, on January 30, 2022.',
  'credit' => 'Jane Roe/Example Agency',
  'sizes' => [ ['width' => 150, 'height' => 100], ['width' => 3000, 'height' => 2000] ],
  'tags' => ['winter', 'ice'],
];"""
    )
    assert (short.caption, short.credit) == (
        "Skaters on the frozen canal in Uppsala, Sweden, on January 30, 2022.",
        "Jane Roe/Example Agency",
    )
    assert (short.width_px, short.height_px, short.date_start) == (3000, 2000, date(2022, 1, 30))
    ruby = _parse('{ :caption => "A ferry leaves Bergen.", :credit => "Jane Roe", "width" => 3000, "height" => 2000 }')
    assert (ruby.caption, ruby.credit, ruby.width_px) == ("A ferry leaves Bergen.", "Jane Roe", 3000)


def test_an_arrow_in_a_caption_is_no_printed_array():
    for opening, closing in ("[]", "{}"):
        text = f"{opening}Berlin => Hamburg{closing} A train crosses the Elbe bridge near Hamburg, May 3, 2021."
        record = _parse(text)
        assert record.caption == text
        assert record.date_start == date(2021, 5, 3)


def test_a_guardian_style_element_takes_its_master_asset_and_strips_the_credits_word():
    record = _parse(
        """{"type": "image", "assets": [
  {"type": "image", "file": "https://example.org/500.jpg", "typeData": {"width": 500, "height": 300}},
  {"type": "image", "file": "https://example.org/m.jpg", "typeData": {"width": 4000, "height": 2400, "isMaster": true}},
  {"type": "image", "file": "https://example.org/x.jpg", "typeData": {"width": 5000, "height": 3000}}],
 "imageTypeData": {"caption": "Voters queue outside a polling station in Uppsala, Sweden.",
   "credit": "Photograph: Jane Roe/Example Agency", "source": "Example Agency", "photographer": "Jane Roe",
   "suppliersReference": "EXA-2024-0099", "alt": "Voters queue"}}"""
    )
    assert record.caption == "Voters queue outside a polling station in Uppsala, Sweden."
    assert (record.width_px, record.height_px) == (4000, 2400)  # the master, not a larger copy
    assert (record.credit, record.source_id) == ("Jane Roe/Example Agency", "EXA-2024-0099")


def test_museum_and_library_apis_with_labelled_values_and_language_maps():
    edan = _parse(
        """{"id": "edanmdm-example_1", "title": "Fishermen mending nets", "content": {
  "descriptiveNonRepeating": {"record_ID": "example_1",
    "title": {"label": "Title", "content": "Fishermen mending nets"}},
  "freetext": {"name": [{"label": "Photographer", "content": "Roe, Jane"}],
               "date": [{"label": "Date", "content": "1935"}],
               "notes": [{"label": "Summary", "content": "Two fishermen mend nets on the quay at Stavanger."}],
               "identifier": [{"label": "Local Numbers", "content": "EX-1935-0042"}]}}}"""
    )
    assert edan.caption == "Two fishermen mend nets on the quay at Stavanger."
    assert (edan.credit, edan.date_start, edan.city) == ("Roe, Jane", date(1935, 1, 1), "Stavanger")
    europeana = _parse(
        """{"object": {"proxies": [{"dcTitle": {"def": ["Harbour in winter"]},
  "dcDescription": {"en": ["Ice on the harbour of Trondheim in the winter of 1929."]},
  "dcCreator": {"def": ["Jane Roe"]}, "dctermsCreated": {"def": ["1929"]}}]}}"""
    )
    assert europeana.caption == "Ice on the harbour of Trondheim in the winter of 1929."
    assert (europeana.credit, europeana.date_start, europeana.city) == ("Jane Roe", date(1929, 1, 1), "Trondheim")
    dpla = _parse(
        """{"docs": [{"sourceResource": {"title": ["Market in the old square"],
  "description": ["Stalls in the old square of Uppsala."], "creator": ["Roe, Jane"],
  "date": {"displayDate": "circa 1910", "begin": "1905", "end": "1915"}, "spatial": [{"name": "Uppsala, Sweden"}]},
  "ingestDate": "2020-01-01T00:00:00Z"}]}"""
    )
    assert (dpla.caption, dpla.credit) == ("Stalls in the old square of Uppsala.", "Roe, Jane")
    assert (dpla.date_start, dpla.approximate, dpla.city, dpla.country_code) == (
        date(1910, 1, 1),
        True,
        "Uppsala",
        "SE",
    )


def test_a_records_title_gives_the_credit_its_description_lacks():
    for title, credit in (
        ("Ein Zug im verschneiten Bahnhof (Foto: Jana Beispiel/dpa)", "Jana Beispiel/dpa"),
        ("A train in the snowy station (Photo: Jane Roe/Example Agency)", "Jane Roe/Example Agency"),
    ):
        record = _parse(
            "{\n"
            + f'  "id": 771, "name": "{title}",\n'
            + '  "description": "A train waits in the snowy station of Trondheim.",\n'
            + '  "sizes": [{"width": 940, "height": 529}]\n}'
        )
        assert (record.caption, record.credit, record.width_px) == (
            "A train waits in the snowy station of Trondheim.",
            credit,
            940,
        )
    # false friends: a title's note that is no credit, and a credit field that says otherwise
    plain = _parse('{"name": "Station in winter (1935)", "description": "A train waits in the snowy station."}')
    assert plain.credit is None
    labelled = _parse(
        '{"name": "Station (Photo: Jane Roe/Example Agency)", "description": "A train waits.", "credit": "Ana Ruiz"}'
    )
    assert labelled.credit == "Ana Ruiz"


_TOOL_CAPTION = "Snow on the roofs of Trondheim, Norway."


def test_exiftool_csv_args_php_and_rdf_outputs_read_as_records():
    outputs = (
        # exiftool -csv: a header and one row
        "SourceFile,Caption-Abstract,By-line,DateTimeOriginal,ImageWidth,ImageHeight,XResolution,ResolutionUnit\n"
        'x.jpg,"Snow on the roofs of Trondheim, Norway.",Jane Roe,2016:04:17 11:12:13,4608,3456,300,inches',
        # exiftool -args
        "-Caption-Abstract=Snow on the roofs of Trondheim, Norway.\n-By-line=Jane Roe\n"
        "-DateTimeOriginal=2016:04:17 11:12:13\n-ImageWidth=4608\n-ImageHeight=3456\n-XResolution=300\n"
        "-ResolutionUnit=inches",
        # exiftool -php
        'Array(Array(\n  "SourceFile" => "x.jpg",\n  "Caption-Abstract" => "Snow on the roofs of Trondheim, Norway.",\n'
        '  "By-line" => "Jane Roe",\n  "DateTimeOriginal" => "2016:04:17 11:12:13",\n  "ImageWidth" => 4608,\n'
        '  "ImageHeight" => 3456,\n  "XResolution" => 300,\n  "ResolutionUnit" => "inches"\n));',
        # exiftool -X: the thumbnail's (IFD1) size and resolution come first and are not the photo's
        "<rdf:RDF xmlns:rdf='http://www.w3.org/1999/02/22-rdf-syntax-ns#'><rdf:Description rdf:about='x.jpg'>\n"
        " <IFD1:ImageWidth>160</IFD1:ImageWidth>\n <IFD1:XResolution>72</IFD1:XResolution>\n"
        " <File:ImageWidth>4608</File:ImageWidth>\n <File:ImageHeight>3456</File:ImageHeight>\n"
        " <IFD0:XResolution>300</IFD0:XResolution>\n <IFD0:ResolutionUnit>inches</IFD0:ResolutionUnit>\n"
        " <ExifIFD:DateTimeOriginal>2016:04:17 11:12:13</ExifIFD:DateTimeOriginal>\n"
        " <IPTC:Caption-Abstract>Snow on the roofs of Trondheim, Norway.</IPTC:Caption-Abstract>\n"
        " <IPTC:By-line>Jane Roe</IPTC:By-line>\n</rdf:Description></rdf:RDF>",
    )
    for text in outputs:
        record = _parse(text)
        assert record.caption == _TOOL_CAPTION, text[:30]
        assert (record.width_px, record.height_px, record.dpi) == (4608, 3456, 300), text[:30]
        assert (record.date_start, record.credit) == (date(2016, 4, 17), "Jane Roe"), text[:30]


def test_a_spreadsheet_line_under_its_headings_reads_as_a_record():
    record = _parse(
        "Title\tDescription\tPhotographer\tDate\tPlace\n"
        "Harbour\tBoats in the harbour of Bergen at dawn.\tJane Roe\t1987-06-12\tBergen, Norway"
    )
    assert (record.caption, record.credit, record.date_start) == (
        "Boats in the harbour of Bergen at dawn.",
        "Jane Roe",
        date(1987, 6, 12),
    )
    # false friends: a dateline over a caption full of commas, and dashes opening a list
    dateline = _parse("Bergen, Norway, May 3, 2021\nA man walks, a dog runs, and a gull circles over the harbour.")
    assert dateline.caption.startswith("Bergen, Norway, May 3, 2021")
    listed = _parse("Boats in the harbour of Bergen.\n-Photo=Jane Roe\n- taken at dawn")
    assert listed.caption.startswith("Boats in the harbour of Bergen.")


def test_an_iptc_region_field_names_the_country_of_a_small_towns_city_field():
    # a 'Province-State' field says which country a small town lies in, as 'Town, Region' does
    listing = (
        "Caption-Abstract                : Two boats in the harbour at dawn.\n"
        "City                            : {city}\n"
        "Province-State                  : {region}\n"
        "Image Width                     : 3000\n"
        "Image Height                    : 2000"
    )
    for city, region, country in (
        ("Gmunden", "Oberösterreich", "AT"),
        ("Quimper", "Bretagne", "FR"),
        ("Zwickau", "Sachsen", "DE"),
        ("Athens", "Georgia", "US"),  # a US state's name read with the town beside it
    ):
        record = parse_block(listing.format(city=city, region=region))
        assert (record.city, record.region, record.country_code) == (city, region, country), city
    # false friends: a region field the data does not know gives no country; a country field wins
    record = parse_block(listing.format(city="Gmunden", region="Nowhereland"))
    assert record.country_code is None
    # a region field is read as a region only: never as a country's code ('GR' is Graubünden, not
    # Greece; 'BY' Bayern, not Belarus) nor as a country's name beside a town of another country
    for city, region, country in (
        ("Davos", "GR", "CH"),
        ("Fürth", "BY", "DE"),
        ("Exampleton", "BE", None),
        ("Kleinort", "Georgia", None),
        ("Arlon", "Luxembourg", None),
    ):
        record = parse_block(listing.format(city=city, region=region))
        assert record.country_code == country, (city, region)
    record = parse_block(listing.format(city="Athens", region="Attica") + "\nCountry-Primary Location Name   : Greece")
    assert (record.city, record.country_code) == ("Athens", "GR")


def test_a_iiif_manifest_label_is_its_title_and_its_metadata_pairs_are_fields():
    # a IIIF Presentation manifest: its own 'label' is the title (the caption when no description
    # says more), its 'metadata' a list of {'label': ..., 'value': ...} pairs; v3 wraps every text
    # in a language map ({'none': [...]}, {'en': [...]})
    import json

    plain = {
        "label": "Fischkutter vor Anker bei Husum",
        "metadata": [
            {"label": "Photographer", "value": "Mara Quell"},
            {"label": "Date", "value": "1961"},
            {"label": "Place", "value": "Husum"},
        ],
    }
    wrapped = {
        "id": "https://iiif.example.org/manifest/77",
        "type": "Manifest",
        "label": {"none": ["Fischkutter vor Anker bei Husum"]},
        "thumbnail": [{"id": "https://iiif.example.org/thumb/77.jpg", "type": "Image"}],
        "metadata": [
            {"label": {"en": ["Photographer"]}, "value": {"none": ["Mara Quell"]}},
            {"label": {"en": ["Date"]}, "value": {"none": ["1961"]}},
            {"label": {"en": ["Place"]}, "value": {"none": ["Husum"]}},
        ],
    }
    for manifest in (plain, wrapped):
        record = _parse(json.dumps(manifest, ensure_ascii=False))
        assert record.caption == "Fischkutter vor Anker bei Husum"
        assert (record.credit, record.date_start, record.city, record.language) == (
            "Mara Quell",
            date(1961, 1, 1),
            "Husum",
            "de",
        )
    # a description is the caption over the label; a requiredStatement names its role
    described = dict(wrapped, summary={"en": ["Two trawlers moored in the outer harbour."]})
    described["requiredStatement"] = {"label": {"en": ["Attribution"]}, "value": {"en": ["Example Town Archive"]}}
    record = _parse(json.dumps(described))
    assert record.caption == "Two trawlers moored in the outer harbour."
    assert (record.credit, record.copyright_notice) == ("Mara Quell", "Example Town Archive")
    # false friends: a 'label' beside a width and a height names that copy of the file ('Large'),
    # and an object of two-letter keys that are no language map ({'id': ...}) is no text
    record = _parse(json.dumps({"label": "Large", "width": 1600, "height": 1200, "id": "https://x.example/l.jpg"}))
    assert (record.caption, record.width_px) == ("", 1600)
    record = _parse(json.dumps({"title": "Quay at dusk", "creator": {"id": "https://x.example/p/9"}}))
    assert (record.caption, record.credit) == ("Quay at dusk", None)


def test_a_subdivision_code_in_the_region_field_names_the_country_its_town_lies_in():
    # IPTC Province-State holding an ISO 3166-2 subdivision's code beside a City the data knows:
    # the one country the town is known in whose subdivisions include the code, when the town
    # lies in that subdivision (GeoNames' canton code for Swiss towns; Germany's admin1 is a
    # number, so there only a town known in Germany alone)
    listing = (
        "Caption-Abstract                : A ferry leaving the landing stage in the rain.\n"
        "City                            : {city}\n"
        "Province-State                  : {region}\n"
        "Image Width                     : 2400\n"
        "Image Height                    : 1600"
    )
    for city, region, country in (
        ("Gossau", "SG", "CH"),  # St. Gallen, not Singapore
        ("Chur", "GR", "CH"),  # Graubünden, not Greece
        ("Herisau", "AR", "CH"),  # Appenzell Ausserrhoden, not Argentina
        ("Sion", "VS", "CH"),  # Valais; Sion is also a name of Jerusalem, whose country has no 'VS'
        ("Ingolstadt", "BY", "DE"),  # Bayern, not Belarus
        ("Zwickau", "SN", "DE"),  # Sachsen, not Senegal
    ):
        record = parse_block(listing.format(city=city, region=region))
        assert (record.city, record.country_code) == (city, country), (city, region)
    # false friends: a town of another subdivision of the country ('Chur' lies in GR, not SG), a
    # code no subdivision of the town's country has ('Gossau' + 'BY'), a town of two countries
    # where the data cannot say which subdivision it lies in, an unknown town
    for city, region in (("Chur", "SG"), ("Gossau", "BY"), ("Bamberg", "BY"), ("Kleinwiesenbach", "GR")):
        record = parse_block(listing.format(city=city, region=region))
        assert record.country_code is None, (city, region)


@pytest.mark.parametrize(
    ("block", "caption", "city"),
    [
        # a block of one line opening with a technical label's word and a sentence after it (a
        # French town that is also a camera's label): no record of one field, the caption
        (
            "Lens: Les supporters du RC Lens fêtent la victoire au stade Bollaert-Delelis.",
            "Lens: Les supporters du RC Lens fêtent la victoire au stade Bollaert-Delelis.",
            "Lens",
        ),
        # a year in the sentence is no lens's value
        (
            "Lens : les mineurs remontent du puits numéro 9, vers 1950.",
            "Lens : les mineurs remontent du puits numéro 9, vers 1950.",
            "Lens",
        ),
        (
            "Lens: supporters of RC Lens celebrate the win at the stadium.",
            "Lens: supporters of RC Lens celebrate the win at the stadium.",
            "Lens",
        ),
    ],
)
def test_one_line_under_a_technical_label_that_reads_as_a_sentence_is_the_caption(block, caption, city):
    record = parse_block(block)
    assert (record.caption, record.city) == (caption, city)


@pytest.mark.parametrize(
    "block",
    [
        # false friends: a value of the label's kind (a focal length, an aperture, a camera's
        # name), or the label inside a record of several lines, stays a label
        "Lens: 24-70mm f/2.8",
        "Lens: EF 50 mm f/1.8 STM",
        "Camera: Canon EOS 5D Mark IV",
        "Lens: Les supporters du RC Lens fêtent la victoire au stade.\nCamera: Canon EOS 5D Mark IV",
    ],
)
def test_a_technical_label_with_a_value_of_its_kind_stays_a_label(block):
    assert parse_block(block).caption == ""


# --- metadata-extractor's listing ('[IPTC - 0x0278] Caption/Abstract = ...') ----------------------


def test_a_metadata_extractor_dump_reads_its_iptc_exif_and_file_fields():
    record = _parse(
        """FILE: hafen_0042.jpg
TYPE: JPEG

[JPEG - 0x0000] Data Precision = 8 bits
[JPEG - 0x0001] Image Height = 683 pixels
[JPEG - 0x0003] Image Width = 1024 pixels
[JPEG - 0x0006] Component 1 = Y component: Quantization table 0, Sampling factors 2 horiz/2 vert

[JFIF - 0x0007] Resolution Units = none
[JFIF - 0x0008] X Resolution = 1 dot
[JFIF - 0x000a] Y Resolution = 1 dot

[Exif IFD0 - 0x010e] Image Description = Fischerboote im Hafen von Sassnitz am frühen Morgen
[Exif IFD0 - 0x011a] X Resolution = 240 dots per inch
[Exif IFD0 - 0x0128] Resolution Unit = Inch
[Exif IFD0 - 0x0132] Date/Time = 2004:01:05 10:00:00
[Exif IFD0 - 0x8298] Copyright = Copyright,

[Exif SubIFD - 0x9003] Date/Time Original = 2004:01:02 09:12:44
[Exif SubIFD - 0xa002] Exif Image Width = 4000 pixels
[Exif SubIFD - 0xa003] Exif Image Height = 2667 pixels

[Exif Thumbnail - 0x011a] X Resolution = 72 dots per inch
[Exif Thumbnail - 0x0128] Resolution Unit = Inch

[ICC Profile - 0x64657363] Profile Description = sRGB IEC61966-2.1

[IPTC - 0x0278] Caption/Abstract = Fischerboote im Hafen von Sassnitz am frühen Morgen
[IPTC - 0x0250] By-line = Jana Beispiel
[IPTC - 0x026e] Credit = Beispiel Bild
[IPTC - 0x0237] Date Created = 1998:06:14
[IPTC - 0x023c] Time Created = 06:15:00+0200
[IPTC - 0x025c] Sub-location = Stadthafen
[IPTC - 0x025a] City = Sassnitz
[IPTC - 0x025f] Province/State = Mecklenburg-Vorpommern
[IPTC - 0x0265] Country/Primary Location Name = Deutschland"""
    )
    assert record.caption == "Fischerboote im Hafen von Sassnitz am frühen Morgen"
    assert (record.width_px, record.height_px, record.dpi) == (1024, 683, 240)
    assert record.date_start == date(1998, 6, 14)  # IPTC Date Created, not the scan's Date/Time Original
    assert (record.sublocation, record.city, record.region, record.country_code) == (
        "Stadthafen",
        "Sassnitz",
        "Mecklenburg-Vorpommern",
        "DE",
    )
    assert record.credit == "Beispiel Bild"  # Credit before By-line, as in exiftool's listing
    assert record.language == "de"
    assert record.copyright_notice is None  # the camera's 'Copyright,' names no holder


def test_a_metadata_extractor_dump_without_tag_ids_and_a_year_only_iptc_date():
    record = _parse(
        """[Exif IFD0] Image Width = 2400 pixels
[Exif IFD0] Image Height = 1800 pixels
[Exif IFD0] X Resolution = 600 dots per inch
[Exif IFD0] Resolution Unit = Inch
[Exif IFD0] Artist = Jorge Ejemplo
[IPTC] Caption/Abstract = Pescadores reparan sus redes en el puerto de Cádiz
[IPTC] By-line = Jorge Ejemplo
[IPTC] Date Created = 1975:00:00
[IPTC] City = Cádiz
[IPTC] Country/Primary Location Name = España
[Exif SubIFD] Date/Time Original = 2011:03:04 12:00:00"""
    )
    assert record.caption == "Pescadores reparan sus redes en el puerto de Cádiz"
    assert (record.width_px, record.height_px, record.dpi) == (2400, 1800, 600)
    # IPTC IIM: '00' for a month or day that cannot be determined
    assert (record.date_start, record.date_end) == (date(1975, 1, 1), date(1975, 12, 31))
    assert "invalid_date" not in record.problems
    assert (record.city, record.country_code, record.credit) == ("Cádiz", "ES", "Jorge Ejemplo")


def test_a_metadata_extractor_dump_of_xmp_reads_the_properties_not_the_creators_address():
    record = _parse(
        """[PNG-IHDR - 0x0001] Image Width = 800
[PNG-IHDR - 0x0002] Image Height = 533
[XMPMeta - ] dc:description[1] = Le marché de la Croix-Rousse un samedi matin
[XMPMeta - http://www.w3.org/XML/1998/namespace] dc:description[1]/xml:lang = x-default
[XMPMeta - http://ns.adobe.com/photoshop/1.0/] photoshop:City = Lyon
[XMPMeta - http://ns.adobe.com/photoshop/1.0/] photoshop:Country = France
[XMPMeta - http://ns.adobe.com/photoshop/1.0/] photoshop:DateCreated = 2019-10-12
[XMPMeta - http://ns.adobe.com/photoshop/1.0/] photoshop:Credit = Jeanne Exemple
[XMPMeta - http://iptc.org/std/Iptc4xmpCore/1.0/xmlns/] """
        """Iptc4xmpCore:CreatorContactInfo/Iptc4xmpCore:CiAdrCity = Vienne"""
    )
    assert record.caption == "Le marché de la Croix-Rousse un samedi matin"
    assert (record.width_px, record.height_px) == (800, 533)
    assert (record.city, record.country_code, record.date_start) == ("Lyon", "FR", date(2019, 10, 12))
    assert record.credit == "Jeanne Exemple"


def test_a_metadata_extractor_dump_with_no_caption_has_none_and_jfif_gives_dpi_only_in_inches():
    dump = """[JPEG - 0x0001] Image Height = 480 pixels
[JPEG - 0x0003] Image Width = 640 pixels
[JFIF - 0x0007] Resolution Units = {unit}
[JFIF - 0x0008] X Resolution = 150 dots
[JFIF - 0x000a] Y Resolution = 150 dots
[Exif SubIFD - 0x9003] Date/Time Original = 2012:05:06 07:08:09"""
    record = _parse(dump.format(unit="inch"))
    assert record.caption == ""
    assert (record.width_px, record.height_px, record.dpi, record.date_start) == (640, 480, 150, date(2012, 5, 6))
    assert _parse(dump.format(unit="none")).dpi is None


@pytest.mark.parametrize(
    "listing",
    [
        "[JPEG - 0x0001] Image Height = 2400 pixels\n[JPEG - 0x0003] Image Width = 3600 pixels",
        # the tag's id after its name, a blank line between the tags, Windows line ends
        "[JPEG] Image Height - 0x0001 = 2400 pixels\n[JPEG] Image Width - 0x0003 = 3600 pixels",
        "[JPEG - 0x0001] Image Height = 2400 pixels\n\n[JPEG - 0x0003] Image Width = 3600 pixels\n",
        "[JPEG - 0x0001] Image Height = 2400 pixels\r\n[JPEG - 0x0003] Image Width = 3600 pixels",
    ],
)
def test_a_metadata_extractor_listing_of_only_the_jpeg_size_is_a_record(listing):
    # two tag lines were too few for a listing: they became the caption and no pixels were read
    record = _parse(listing)
    assert record.caption == ""
    assert (record.width_px, record.height_px) == (3600, 2400)
    assert "missing_dimensions" not in record.problems


def test_a_caption_typed_over_a_short_metadata_extractor_listing_keeps_the_caption_alone():
    for caption, language in (
        ("Fischerboote im Hafen von Sassnitz, 1962.", "de"),
        ("Bateaux de pêche dans le port de Sassnitz, 1962.", "fr"),
    ):
        record = _parse(
            f"{caption}\n[JPEG - 0x0001] Image Height = 2400 pixels\n[PNG-IHDR - 0x0002] Image Width = 3600"
        )
        assert record.caption == caption
        assert (record.width_px, record.height_px, record.city, record.language) == (3600, 2400, "Sassnitz", language)


@pytest.mark.parametrize(
    "text",
    [
        # false friends: '[JPEG]' or a bracketed note in prose, a tag quoted inside a sentence,
        # a caption going on after the tag lines, bracketed lines without a tag's id
        "Das Foto wurde als [JPEG] gespeichert: Fischerboote im Hafen von Sassnitz, 1962.",
        "[JPEG] Fischerboote im Hafen von Sassnitz = ein Motiv von 1962",
        "Students at the blackboard in Graz, 1962.\n[Board - left] x = 2y + 1",
        "Scan note: [JPEG - 0x0001] Image Height = 2400 pixels was wrong, the print is larger.",
        "Hafen von Sassnitz, 1962.\n[JPEG - 0x0001] Image Height = 2400 pixels\nDer Scan ist beschnitten.",
        "[Left] x = 2\n[Right] y = 3",
    ],
)
def test_prose_with_brackets_or_a_quoted_tag_stays_a_caption(text):
    record = _parse(text)
    assert record.caption  # the words are kept as the caption
    assert record.width_px is None and record.height_px is None


def test_bracketed_equations_in_a_caption_are_no_metadata_extractor_dump():
    text = """Students at the blackboard in a school in Graz, 1962.
[Board - left] x = 2y + 1
The teacher asked the class to solve the equation before the bell."""
    record = _parse(text)
    assert record.caption.startswith("Students at the blackboard in a school in Graz")
    assert "x = 2y + 1" in record.caption
    # a day "00" is IPTC IIM's unknown day: the month stays
    assert _parse("Date Created  : 2019:04:00\nCaption-Abstract : A quay.").date_start == date(2019, 4, 1)


def test_exiv2s_listing_with_raw_and_interpreted_values_reads_the_interpreted_one():
    listing = """Exif.Image.Make                              Ascii       6  Canon  Canon
Exif.Image.XResolution                       Rational    1  350/1  350
Exif.Image.YResolution                       Rational    1  350/1  350
Exif.Image.ResolutionUnit                    Short       1  2  inch
Exif.Photo.PixelXDimension                   Long        1  3000  3000
Exif.Photo.PixelYDimension                   Long        1  2000  2000
Exif.Photo.DateTimeOriginal                  Ascii      20  2009:07:18 10:11:12  2009:07:18 10:11:12
Exif.Thumbnail.XResolution                   Rational    1  72/1  72
Exif.Thumbnail.ResolutionUnit                Short       1  3  cm
Iptc.Application2.Caption                    String     16  Regatta off Kiel  Regatta off Kiel
Xmp.dc.description     LangAlt     1  lang="x-default" Regatta off Kiel  lang="x-default" Regatta off Kiel"""
    for text in (listing, listing.replace("\n", "\r\n")):
        record = _parse(text)
        assert record.caption == "Regatta off Kiel"
        assert (record.width_px, record.height_px, record.dpi) == (3000, 2000, 350)
        assert record.date_start == date(2009, 7, 18)
    # the interpreted value alone ('exiv2 -pa'): a unit that is no inch gives no dpi
    only = "Exif.Image.XResolution  Rational  1  118\nExif.Image.ResolutionUnit  Short  1  cm\n"
    assert _parse(only + "Iptc.Application2.Caption  String  9  A harbour").dpi is None


def test_a_file_name_alone_over_an_exiftool_listing_is_no_caption():
    record = _parse(
        """DSC_0815_Hafen-Abend.JPG
Create Date                     : 2018:06:02 21:14:05
City                            : Husum
Country-Primary Location Name   : Deutschland"""
    )
    assert record.caption == ""
    assert (record.city, record.country_code, record.date_start) == ("Husum", "DE", date(2018, 6, 2))
    # false friends: a caption that names a file in a sentence keeps it
    record = _parse("Das Bild hafen.jpg zeigt den Hafen von Husum am Abend.\nFoto: Jana Beispiel")
    assert record.caption == "Das Bild hafen.jpg zeigt den Hafen von Husum am Abend."


# --- a JSON record under its key, its date split over keys ------------------------------------


def test_a_json_member_pasted_without_braces_is_the_record_its_key_the_call_number():
    record = _parse(
        """  "Fi_2231": {
    "title": "Hochwasser am Rheinufer  (1955)",
    "description": "\\r\\n\\t K\\u00f6ln.\\rAufnahme vom 3. M\\u00e4rz 1955.\\rDie Leute sehen dem Wasser zu.\\r\\n ",
    "support": "\\u00a0FILM",
    "tag": "03",
    "monat": "03",
    "jahr": "1955",
    "width": "9 cm",
    "height": "\\u00a012"
  }"""
    )
    # a catalogue record's title is its caption (SOURCES-records.md); the description tells the language
    assert record.caption == "Hochwasser am Rheinufer (1955)"
    assert (record.source_id, record.language) == ("Fi_2231", "de")
    assert (record.date_start, record.date_precision) == (date(1955, 3, 3), "day")
    assert (record.width_px, record.height_px) == (None, None)  # the negative's size in cm


def test_a_record_under_a_key_keeps_its_own_id_and_a_word_key_is_no_id():
    ferry = "Ferry at the pier in Oban."
    own_id = _parse(json.dumps({"B-77": {"id": "X-9001", "description": ferry, "year": "1971"}}))
    assert (own_id.source_id, own_id.caption, own_id.date_start) == ("X-9001", ferry, date(1971, 1, 1))
    word = _parse(json.dumps({"photo": {"title": "Pier", "description": ferry, "day": 4, "month": 7, "year": 1971}}))
    assert (word.source_id, word.caption, word.date_start) == (None, ferry, date(1971, 7, 4))
    corrupt = _parse('{"description": "Ferry at the pier in Oban.", "day": "4", "month": "7", "year": "191971"}')
    assert corrupt.date_start is None  # a year that is no year makes no date of its parts
    no_year = _parse('{"description": "Ferry at the pier in Oban, 1968.", "day": "4", "month": "7"}')
    assert no_year.date_start == date(1968, 1, 1)  # a day and a month alone are no date


def test_exiv2json_reads_an_xmp_lang_alt_as_its_default_text():
    record = _parse(
        """{
  "Xmp": {
    "xmp": {"Rating": "3", "ModifyDate": "2019-03-02T10:11:12+01:00"},
    "dc": {
      "description": {"lang": {"de": "Fischerboote im Hafen von Whitby", "x-default": "Fishing boats at Whitby"}},
      "creator": ["Jane Example"]
    },
    "photoshop": {"City": "Whitby", "DateCreated": "2018-08-04"},
    "xmlns": {"dc": "http:\\/\\/purl.org\\/dc\\/elements\\/1.1\\/", "xmp": "http:\\/\\/ns.adobe.com\\/xap\\/1.0\\/"}
  }
}"""
    )
    assert record.caption == "Fishing boats at Whitby"
    assert (record.date_start, record.city, record.credit) == (date(2018, 8, 4), "Whitby", "Jane Example")
    # false friend: a record's key 'lang' beside other keys is no Lang Alt ('lang' is its language)
    other = _parse('{"description": "Fishing boats at Whitby.", "lang": {"code": "en", "name": "English"}}')
    assert other.caption == "Fishing boats at Whitby."


def test_a_metadata_extractor_field_cut_at_iptcs_length_reads_whole_from_xmp():
    record = _parse(
        """[JPEG - 0x0001] Image Height = 768 pixels
[JPEG - 0x0003] Image Width = 1024 pixels
[IPTC - 0x0278] Caption/Abstract = Ein Polarlicht über dem Fjord bei Tromsø
[IPTC - 0x026e] Credit = Norsk Eksempel Foto and the Aurora Wat
[XMPMeta - http://ns.adobe.com/photoshop/1.0/] photoshop:Credit = Norsk Eksempel Foto and the Aurora Watch Team"""
    )
    assert record.credit == "Norsk Eksempel Foto and the Aurora Watch Team"
    # false friend: a value that merely opens like a shorter one of another field stays as it is
    other = _parse(
        """[IPTC - 0x0278] Caption/Abstract = Hafen
[IPTC - 0x0250] By-line = Jana Roe
[XMPMeta - http://ns.adobe.com/photoshop/1.0/] photoshop:Credit = Jana Roe Studio"""
    )
    assert other.credit == "Jana Roe Studio"


@pytest.mark.parametrize(
    "block",
    [
        # false friends (review of 2e5905f): a catalogue's or a licence's label, a camera's label
        # whose word names no town, or exiftool's words for the value, is a label (SPEC: field
        # labels are removed), however its value reads
        "Flash: Off, Did not fire",
        "Flash : Off, Did not fire",
        "Flash: Fired, Return not detected",
        "Flash: Auto, Did not fire, Red-eye reduction",
        "Medium: gelatin silver print on paper mounted on card",
        "Technique: oil on canvas with gold leaf",
        "Material: albumen print from a glass negative",
        "Inscription: souvenir de Paris written in ink on the back",
        "Inscriptions: stamp of the studio on the back of the mount",
        "Marks: stamp of the photographer on the back in blue ink",
        "Bibliography: published in the annual report of the museum",
        "Depicted people: the mayor and his wife with their children",
        "License: free to use with attribution to the author",
        "Permission: granted by the family of the photographer for this use",
        "Category: news and current affairs in Europe",
        "Software: made with the free editor on a laptop",
        "Camera: my old phone in the garden at night",
        "Model: the bride poses in the garden of the castle",
        "Owned by: the city of Lyon since the donation of the family",
        "Associated place: the old harbour of Marseille and its fish market",
        "Technik: Silbergelatine auf Barytpapier, auf Karton kaschiert",
        "Inschrift: verso Stempel des Fotografen und Datum in Bleistift",
        "Objektiv: ein altes Weitwinkel aus den fünfziger Jahren",
        "Kamera: eine alte Leica mit einem neuen Film",
        "Material: Papier auf Karton aufgezogen und beschriftet",
        "Technique : tirage argentique sur papier baryté",
        "Inscription : tampon du photographe au dos du tirage",
        "Licence : libre de droits pour un usage non commercial",
        "Técnica: gelatina de plata sobre papel baritado",
        "Inscripción: sello del fotógrafo en el reverso de la copia",
        "File: the harbour at dusk with the old lighthouse",
        "Datei: Die Brücke über den Rhein bei Nacht mit vielen Lichtern",
        # ... and in other wordings and languages
        "Lens: Off, Auto, Manual focus only",
        "Marques et inscriptions : cachet du studio au dos du carton",
        "Lizenz: frei verwendbar mit Nennung des Autors",
        "Licencia: libre para uso no comercial con mención del autor",
        "Inscripciones: firma del fotógrafo a lápiz en el reverso",
        "Appareil : un vieux boîtier reflex de mon grand-père",
    ],
)
def test_a_catalogue_or_licence_label_opening_one_line_stays_a_label(block):
    record = parse_block(block)
    assert record.caption == ""
    assert record.city is None


@pytest.mark.parametrize(
    "location, expected",
    [
        # a labelled location read from the right: the country, a subdivision of it (any level of
        # ISO 3166-2: a Spanish province, an Italian one, a district of Bangladesh), the town, the
        # rest the sublocation; a town the data does not know keeps the town's slot
        ("Location: Zafra, Badajoz, Spain", (None, "Zafra", "Badajoz", "ES")),
        ("Lugar: Plaza Grande, Zafra, Badajoz, España", ("Plaza Grande", "Zafra", "Badajoz", "ES")),
        ("Location: Kleinort, Granada, Spain", (None, "Kleinort", "Granada", "ES")),
        ("Ort: Kleinort, Tangail, Bangladesch", (None, "Kleinort", "Tangail", "BD")),
        ("Lieu: Kleinort, Cuneo, Italie", (None, "Kleinort", "Cuneo", "IT")),
        # the state, not the capital of that name, which lies in another region
        ("Location: Kleinort, Washington, United States", (None, "Kleinort", "Washington", "US")),
        # false friends: a capital or curated city that lies in the region of its name, after a
        # spot the data does not know, and a borough of the city, stay the city
        ("Location: Kremlin, Moscow, Russia", ("Kremlin", "Moscow", None, "RU")),
        ("Location: Old Town, Salzburg, Austria", ("Old Town", "Salzburg", None, "AT")),
        ("Location: Brooklyn, New York, USA", ("Brooklyn", "New York", None, "US")),
    ],
)
def test_a_labelled_location_of_several_parts_is_read_from_the_country(location, expected):
    record = parse_block(f"Fishermen mend their nets on the quay at dawn.\n{location}\nDate taken: 3 March 2022\n")
    assert (record.sublocation, record.city, record.region, record.country_code) == expected


# --- a date split over day/month/year keys whose parts are not all plain digits (review rev13) ---


def _split_date_record(parts: dict) -> str:
    return json.dumps({"caption": "Kirmes auf dem Marktplatz in Goslar.", **parts}, indent=2)


@pytest.mark.parametrize(
    ("parts", "start", "end", "precision", "approximate"),
    [
        ({"year": "1962", "month": "", "day": ""}, date(1962, 1, 1), date(1962, 12, 31), "year", False),
        ({"year": "1962", "month": "00", "day": "00"}, date(1962, 1, 1), date(1962, 12, 31), "year", False),
        ({"year": "1962", "month": "04", "day": "00"}, date(1962, 4, 1), date(1962, 4, 30), "month", False),
        ({"year": "1962", "month": "avril", "day": "21"}, date(1962, 4, 21), date(1962, 4, 21), "day", False),
        ({"year": "1954", "month": "August"}, date(1954, 8, 1), date(1954, 8, 31), "month", False),
        ({"year": "ca. 1962", "month": "04"}, date(1962, 1, 1), date(1962, 12, 31), "year", True),
        ({"year": "1962-1965", "month": ""}, date(1962, 1, 1), date(1965, 12, 31), "year", False),
        ({"day": "Monday", "year": "1954", "month": "08"}, date(1954, 8, 1), date(1954, 8, 31), "month", False),
        ({"year": "1954", "month": "8", "day": "3rd"}, date(1954, 8, 3), date(1954, 8, 3), "day", False),
        ({"annee": "1947", "mois": "07", "jour": ""}, date(1947, 7, 1), date(1947, 7, 31), "month", False),
        # false friends: the commit's improvement (plain digits read as one date) stays
        ({"year": 1962, "month": 4, "day": 21}, date(1962, 4, 21), date(1962, 4, 21), "day", False),
        ({"year": "1954", "month": "8", "day": None}, date(1954, 8, 1), date(1954, 8, 31), "month", False),
        ({"tags": ["harbour"], "year": "1954", "month": "08"}, date(1954, 8, 1), date(1954, 8, 31), "month", False),
    ],
)
def test_split_date_parts_not_all_digits_read_as_date_text(parts, start, end, precision, approximate):
    record = _parse(_split_date_record(parts))
    assert (record.date_start, record.date_end, record.date_precision) == (start, end, precision)
    assert record.approximate is approximate


def test_split_date_impossible_day_is_invalid_date():
    record = _parse(_split_date_record({"year": "1962", "month": "02", "day": "30"}))
    assert record.date_start is None
    assert "invalid_date" in record.problems


@pytest.mark.parametrize(
    ("parts", "start", "end", "precision"),
    [
        # an English record's keyword: year and month make the date
        ({"tag": "harbour", "year": "1954", "month": "08"}, date(1954, 8, 1), date(1954, 8, 31), "month"),
        # a film size: the year alone
        ({"year": "1954", "mm": "35", "format": "Kleinbild"}, date(1954, 1, 1), date(1954, 12, 31), "year"),
    ],
)
def test_tag_and_mm_are_no_date_parts(parts, start, end, precision):
    record = _parse(_split_date_record(parts))
    assert (record.date_start, record.date_end, record.date_precision) == (start, end, precision)


# --- a record alone under its key: the key is its call number only when it looks like one (rev13) ---


@pytest.mark.parametrize(
    ("key", "record"),
    [
        (
            "img_0042.jpg",
            {
                "title": "Harbour of Kiel",
                "description": "Fishing boats moored in the harbour of Kiel, Germany.",
                "year": "1954",
            },
        ),
        (
            "1962",
            {
                "title": "Hochwasser in Hamburg",
                "description": "Überflutete Straßen in Hamburg-Wilhelmsburg nach der Sturmflut.",
                "credit": "Stadtarchiv",
            },
        ),
        ("2024-05-01", {"caption": "Demonstrators march through Berlin on May Day.", "credit": "Jane Roe"}),
        ("photo_1", {"caption": "Ein Segelboot auf der Alster in Hamburg.", "photographer": "Jana Roe"}),
        ("v2", {"caption": "Cable cars on California Street, San Francisco.", "photographer": "John Doe"}),
        ("IMG_0042", {"caption": "Cable cars on California Street, San Francisco.", "photographer": "John Doe"}),
    ],
)
def test_record_key_that_is_no_call_number(key, record):
    parsed = _parse(json.dumps({key: record}, indent=2))
    assert parsed.source_id is None
    if "description" in record:
        assert parsed.caption == record["description"]  # no catalogue record: no title over it
    else:
        assert parsed.caption == record["caption"]


@pytest.mark.parametrize("key", ["53Fi993", "12Fi345", "A-12/3", "DE-1992-0001", "Ph2345"])
def test_record_key_that_is_a_call_number(key):
    record = {"title": "Marché de Noël", "description": "Marché de Noël à Strasbourg, place Kléber.", "year": "1971"}
    parsed = _parse(json.dumps({key: record}, indent=2))
    assert parsed.source_id == key


# --- metadata-extractor: a placeholder date and a DNG's preview size (review rev13) ---------------

_MX_JPEG = (
    "FILE: q.jpg\nTYPE: JPEG\n\n"
    "[JPEG - 0x0001] Image Height = 1200 pixels\n[JPEG - 0x0003] Image Width = 1800 pixels\n\n"
)


@pytest.mark.parametrize("placeholder", ["1900:00:00", "1900:01:01"])
def test_extractor_placeholder_date_gives_no_date(placeholder):
    record = _parse(
        _MX_JPEG + f"[IPTC - 0x0237] Date Created = {placeholder}\n"
        "[IPTC - 0x0278] Caption/Abstract = Strandleben in Warnemünde, 1958.\n"
    )
    assert (record.date_start, record.date_precision) == (date(1958, 1, 1), "year")  # the caption's
    exif = _parse(f"Caption-Abstract : Strandleben in Warnemünde, 1958.\nDate Created : {placeholder}\n")
    assert (exif.date_start, exif.date_precision) == (date(1958, 1, 1), "year")


def test_extractor_unknown_month_and_day_keep_the_year():
    # false friend: f15ff64's improvement, IPTC's '00' for an unknown month or day
    record = _parse(
        _MX_JPEG + "[IPTC - 0x0237] Date Created = 2010:00:00\n[IPTC - 0x0278] Caption/Abstract = Strandleben.\n"
    )
    assert (record.date_start, record.date_end, record.date_precision) == (date(2010, 1, 1), date(2010, 12, 31), "year")


@pytest.mark.parametrize("kind", ["Reduced-resolution image", "Thumbnail image"])
def test_extractor_dng_preview_directory_gives_no_size(kind):
    record = _parse(
        "FILE: DSC_1234.dng\nTYPE: TIFF\n\n"
        f"[Exif IFD0 - 0x00fe] New Subfile Type = {kind}\n"
        "[Exif IFD0 - 0x0100] Image Width = 256 pixels\n[Exif IFD0 - 0x0101] Image Height = 171 pixels\n"
        "[Exif IFD0 - 0x010e] Image Description = Bergsee im Engadin bei Sils.\n\n"
        "[Exif SubIFD - 0x00fe] New Subfile Type = Full-resolution image\n"
        "[Exif SubIFD - 0x0100] Image Width = 6016 pixels\n[Exif SubIFD - 0x0101] Image Height = 4016 pixels\n"
    )
    assert (record.width_px, record.height_px) == (6016, 4016)


def test_extractor_full_resolution_ifd0_keeps_its_size():
    # false friend: a TIFF whose IFD0 is the picture itself
    record = _parse(
        "FILE: scan.tif\nTYPE: TIFF\n\n"
        "[Exif IFD0 - 0x00fe] New Subfile Type = Full-resolution image\n"
        "[Exif IFD0 - 0x0100] Image Width = 4000 pixels\n[Exif IFD0 - 0x0101] Image Height = 3000 pixels\n"
        "[Exif IFD0 - 0x010e] Image Description = Bergsee im Engadin bei Sils.\n"
    )
    assert (record.width_px, record.height_px) == (4000, 3000)


# --- a field cut at IPTC's length beside the whole XMP value: the whole one wins (review rev13) ----

_MX_WHOLE = "Ein Fischer flickt Netze im Hafen von Husum. Archivbild aus dem Bestand der Stadt, Negativ beschädigt."


@pytest.mark.parametrize("cut", [_MX_WHOLE[:60], "Ein Fischer flickt Netze"])
@pytest.mark.parametrize("xmp_first", [False, True])
def test_extractor_cut_iptc_caption_reads_the_whole_xmp_value(cut, xmp_first):
    iptc = f"[IPTC - 0x025a] City = Husum\n[IPTC - 0x0278] Caption/Abstract = {cut}\n"
    xmp = f"[XMPMeta - http://purl.org/dc/elements/1.1/] dc:description[1] = {_MX_WHOLE}\n"
    record = _parse(_MX_JPEG + (xmp + iptc if xmp_first else iptc + xmp))
    assert record.caption == _MX_WHOLE


def test_extractor_caption_and_another_field_that_opens_alike_stay_apart():
    # false friend: only a value of the same field is taken for the cut one
    record = _parse(
        _MX_JPEG + "[IPTC - 0x0050] By-line = Jana Roe\n[IPTC - 0x006e] Credit = Jana Roe Studio\n"
        "[IPTC - 0x0278] Caption/Abstract = Ein Fischer flickt Netze im Hafen von Husum.\n"
    )
    assert record.caption == "Ein Fischer flickt Netze im Hafen von Husum."


# --- a call number after an explicit label is an entry whatever its form (review rev13) -------------


@pytest.mark.parametrize(
    ("line", "caption", "source_id"),
    [
        ("Cote Fi 53/993 - Le port de Toulouse, 1962", "Le port de Toulouse, 1962", "Fi 53/993"),
        ("Signatur Bild 183-1990-0101-001 - Leipzig, Montagsdemonstration", "Leipzig, Montagsdemonstration", None),
        ("Signatur Fi 12/7 - Kiel, Hafen im Winter / Jana Beispiel - 1955", "Kiel, Hafen im Winter", "Fi 12/7"),
        ("Inventarnummer Ph 2345 - Porträt einer Frau, Wien", "Porträt einer Frau, Wien", "Ph 2345"),
        ("Cote Ph. 12 - Le port de Nice", "Le port de Nice", "Ph. 12"),
        ("Cote FOTO-ALT 1234 - Le port de Nice", "Le port de Nice", "FOTO-ALT 1234"),
        ("Signatur Nr. 12/7 - Kiel, Hafen im Winter", "Kiel, Hafen im Winter", "Nr. 12/7"),
        ("Cote AD 12 - Le port de Nice", "Le port de Nice", "AD 12"),
    ],
)
def test_labelled_call_number_of_any_form_is_an_entry(line, caption, source_id):
    record = _parse(line)
    assert record.caption == caption
    if source_id:
        assert record.source_id == source_id


@pytest.mark.parametrize(
    "line",
    [
        # false friends (8d15334's improvement): a coast's name, a town and a year after a label's word
        "Côte d'Azur 3-9 octobre 2018 - Nice",
        "Côte Vermeille 12-14 juin 2019 - Collioure, la plage",
        "Cote Marseille 1962 - Le Vieux-Port",
        "Accession number Kiel 1954 - harbour view",
    ],
)
def test_a_word_and_a_year_after_a_label_make_no_entry(line):
    record = _parse(line)
    assert record.source_id is None
    assert record.caption == line


# --- agency API objects: key names, system times, credits and notices inside values ------------
# (records13: invented objects in the shapes of newsroom systems' picture items; none copied)


def _api(members: dict) -> str:
    return json.dumps(members, ensure_ascii=False, indent=2)


_ROE_CAPTION = "Children skate on a frozen canal in Exampleburg, Netherlands, 14 February 2021."


@pytest.mark.parametrize(
    "key",
    ["EnglishCaption", "caption_en", "captionEn", "en_caption", "FR_caption", "descriptionDeutsch", "Englishcaption"],
)
def test_a_caption_key_with_a_language_around_it_is_the_caption(key):
    record = _parse(_api({key: _ROE_CAPTION, "width": 4000, "height": 3000}))
    assert record.caption == _ROE_CAPTION
    assert record.city == "Exampleburg"


def test_an_xml_item_with_a_language_caption_element_reads_its_fields():
    xml = f"""<ContentItem type="PhotoContentItem">
  <Byline>Ina Muster</Byline>
  <Credit>EXAMPLE PRESS</Credit>
  <City>Exampleburg</City>
  <Country>Netherlands</Country>
  <CreatedDateTime>2021-02-15T20:28:15.32</CreatedDateTime>
  <EnglishCaption>{_ROE_CAPTION} (Ina Muster/Example Press)</EnglishCaption>
  <DateTaken>2021-02-14T10:22:03</DateTaken>
  <SpecialInstructions>THE LEAGUE DOES NOT ALLOW THE IMAGES TO BE USED AS SEQUENCES.</SpecialInstructions>
</ContentItem>"""
    record = _parse(xml)
    assert record.caption == _ROE_CAPTION
    assert record.credit == "EXAMPLE PRESS"
    assert record.date_start == date(2021, 2, 14)
    assert record.caveats == ["editorial_only"]


@pytest.mark.parametrize(
    "key, field, expected",
    [("caption_credit", "credit", "Ina Muster/Example"), ("photoCity", "city", "Exampleburg")],
)
def test_a_picture_word_before_a_known_key_reads_the_key(key, field, expected):
    record = _parse(_api({"caption": _ROE_CAPTION, key: expected, "width": 4000, "height": 3000}))
    assert getattr(record, field) == expected
    assert record.caption == _ROE_CAPTION


@pytest.mark.parametrize("key", ["denote", "decade", "estate", "user_name", "DEcaption"])
def test_language_letters_inside_a_word_are_no_language_prefix(key):
    # false friends: 'de' of 'denote', 'es' of 'estate' are no language codes; 'user_name' the uploader's
    record = _parse(_api({"caption": _ROE_CAPTION, key: "Ina Muster note text", "width": 4000, "height": 3000}))
    assert record.caption == _ROE_CAPTION
    assert record.credit is None


@pytest.mark.parametrize("key", ["createDate", "CreatedDateTime", "create_date"])
def test_an_api_objects_create_time_is_an_upload_time(key):
    # the caption's own day wins, and alone the create time gives no date (SPEC: upload dates ignored)
    dated = _parse(_api({key: "2021-02-16T13:31:44Z", "caption": _ROE_CAPTION, "width": 4000, "height": 3000}))
    assert dated.date_start == date(2021, 2, 14)
    alone = _parse(
        _api({key: "2021-02-16T13:31:44Z", "caption": "Children skate on a canal.", "width": 4000, "height": 3000})
    )
    assert alone.date_start is None


def test_exiftools_create_date_stays_the_cameras():
    # false friend: exiftool -j prints the camera's CreateDate as EXIF writes it: a date of the picture
    record = _parse(
        _api(
            {
                "SourceFile": "a.jpg",
                "CreateDate": "2021:02:14 10:22:03",
                "ImageDescription": "Skaters.",
                "ImageWidth": 4000,
                "ImageHeight": 3000,
            }
        )
    )
    assert record.date_start == date(2021, 2, 14)


def test_an_image_id_key_wins_over_a_partners_reference():
    record = _parse(
        _api(
            {
                "imageId": 123456789,
                "caption": _ROE_CAPTION,
                "credit": "MAXPPP",
                "reference": "20210214EXA1446",
                "width": 4000,
                "height": 3000,
            }
        )
    )
    assert record.source_id == "123456789"


@pytest.mark.parametrize(
    "opening, credit",
    [
        ("©Ina Muster/MAXPPP - ", "Ina Muster/MAXPPP"),
        ("©PHOTOPQR/LA VOIX DE L'EXEMPLE - ", "PHOTOPQR/LA VOIX DE L'EXEMPLE"),
        ("© AFP - ", "AFP"),
    ],
)
def test_a_copyright_credit_opening_a_caption_value_is_a_credit(opening, credit):
    record = _parse(_api({"caption": opening + _ROE_CAPTION, "width": 4000, "height": 3000}))
    assert record.caption == _ROE_CAPTION
    assert record.credit == credit


@pytest.mark.parametrize(
    "text, kept",
    [
        ("© 2021 - Children skate on a frozen canal in Exampleburg.", "2021 - Children skate"),
        (
            "© is the sign the painter wrote on the canvas - here in Exampleburg, 14 February 2021.",
            "is the sign the painter wrote on the canvas - here",
        ),
        (
            "© Ina Muster: the painter's sign on the canvas - here in Exampleburg, 14 February 2021.",
            "the painter's sign on the canvas - here",
        ),
    ],
)
def test_a_copyright_sign_before_prose_takes_no_credit_up_to_the_dash(text, kept):
    # false friends: a year, a sentence, a name before a colon after the sign are no credit ending at
    # the dash; the words before the dash stay caption text
    record = _parse(_api({"caption": text, "width": 4000, "height": 3000}))
    assert kept in record.caption
    assert record.credit is None or "-" not in record.credit


def test_a_field_credit_wins_over_a_copyright_credit_in_the_caption():
    record = _parse(
        _api({"caption": "©Ina Muster/MAXPPP - " + _ROE_CAPTION, "credit": "MAXPPP", "width": 4000, "height": 3000})
    )
    assert (record.caption, record.credit) == (_ROE_CAPTION, "MAXPPP")


@pytest.mark.parametrize("line", ["CZECH REPUBLIC OUT,SLOVAKIA OUT", "MAGS OUT; TV OUT", "NO ARCHIVES, MAGS OUT"])
def test_a_territory_line_under_a_wire_caption_is_a_notice_without_a_tag(line):
    record = _parse(f"{_ROE_CAPTION} (EXA Photo/Ina Muster)\n{line}")
    assert record.caption == _ROE_CAPTION
    assert record.caveats == []


def test_a_caption_line_that_ends_in_out_in_small_letters_stays():
    # false friend: prose that ends with 'out' is caption text
    text = "Children skate on a frozen canal in Exampleburg as the sun comes out"
    assert _parse(text).caption == text


@pytest.mark.parametrize(
    "notice",
    [
        "THE LEAGUE DOES NOT ALLOW THE IMAGES TO BE USED AS SEQUENCES TO EMULATE VIDEO.",
        "League regulations prohibit any use of photographs as image sequences.",
        "Restrictions: Photos must not be used for advertising.",
        "Hinweis: Das Bild darf nicht für Werbung verwendet werden.",
    ],
)
def test_a_use_the_supplier_forbids_is_editorial_only(notice):
    record = _parse(f"Caption: {_ROE_CAPTION}\nSpecial Instructions: {notice}")
    assert record.caption == _ROE_CAPTION
    assert record.caveats == ["editorial_only"]


def test_a_caption_telling_what_is_not_allowed_carries_no_caveat():
    # false friend: the picture's subject forbids something, not the supplier
    text = "Visitors are not allowed to use the frozen canal in Exampleburg, Netherlands, 14 February 2021."
    record = _parse(text)
    assert record.caption == text
    assert record.caveats == []


@pytest.mark.parametrize("tail", [" | usage worldwide", " | Verwendung weltweit", " | usage Netherlands only"])
def test_a_territory_token_behind_a_bar_closing_a_caption_value_is_no_caption(tail):
    record = _parse(_api({"caption": _ROE_CAPTION + tail, "credit": "DPA", "width": 4000, "height": 3000}))
    assert record.caption == _ROE_CAPTION
    assert record.caveats == []


def test_a_bar_and_words_of_use_in_prose_stay_caption():
    # false friend: a title after a bar that speaks of use is no territory token
    text = "Skaters on the frozen canal in Exampleburg | Use of force"
    assert _parse(text).caption == text


@pytest.mark.parametrize("word", ["FOTOMONTAGE", "SYMBOLBILD", "HANDOUT"])
def test_a_picture_kind_word_before_a_colon_is_no_dateline_town(word):
    # (a wire marker such as 'HANDOUT:' goes from the caption; 'FOTOMONTAGE:' says what the picture is)
    record = _parse(f"{word}: Federal minister Ina Muster at a press conference on data security.")
    assert record.caption.endswith("Federal minister Ina Muster at a press conference on data security.")
    assert record.city is None


def test_a_town_in_capitals_before_a_colon_stays_a_dateline():
    # false friend: the same shape with a town
    record = _parse("EXAMPLEBURG: Federal minister Ina Muster at a press conference on data security.")
    assert record.city == "Exampleburg"


def _exif_dump(members: dict) -> str:
    return _api({"SourceFile": "scan_0042.jpg", "ImageWidth": 4000, "ImageHeight": 3000, **members})


def test_a_captions_own_date_wins_over_a_scans_create_date():
    record = _parse(
        _exif_dump({"CreateDate": "2019:03:01 10:22:03", "ImageDescription": "Dock workers in Exampleburg, c. 1930."})
    )
    assert (record.date_start, record.date_end, record.approximate) == (date(1930, 1, 1), date(1930, 12, 31), True)


def test_a_create_date_alone_still_dates_the_picture():
    # false friend: no date in the caption, the camera's create date is all there is
    record = _parse(
        _exif_dump({"CreateDate": "2019:03:01 10:22:03", "ImageDescription": "Dock workers unload a ship."})
    )
    assert record.date_start == date(2019, 3, 1)


def test_a_labelled_date_taken_still_wins_over_the_captions_date():
    # false friend: DateTimeOriginal is a labelled shoot date (SPEC: a labelled date wins)
    record = _parse(
        _exif_dump({"DateTimeOriginal": "2019:03:01 10:22:03", "ImageDescription": "Dock workers, 14 May 2018."})
    )
    assert record.date_start == date(2019, 3, 1)


@pytest.mark.parametrize(
    "line, expected", [("Item 48213", "48213"), ("Item 48213   info", "48213"), ("Item #48213", "48213")]
)
def test_a_levels_word_and_a_number_alone_under_a_title_is_the_records_id(line, expected):
    record = _parse(
        f"Harbour Street, Exampleton, ca. 1910\n{line}\nExampleton Historical Society\n\nThe street and its shops."
    )
    assert record.source_id == expected
    assert line.split()[1] not in record.caption


@pytest.mark.parametrize("line", ["Collection 1910", "File 3", "Item 1910s"])
def test_a_levels_word_and_a_year_or_a_small_number_is_no_id(line):
    # false friends: a year, a file's number of one digit
    record = _parse(f"Harbour Street, Exampleton, ca. 1910\n{line}\n\nThe street and its shops.")
    assert record.source_id is None


@pytest.mark.parametrize(
    "key, field, expected",
    [
        ("cityName", "city", "Exampleburg"),
        ("photographerName", "credit", "Ina Muster"),
        ("credit_value", "credit", "EXA"),
    ],
)
def test_a_known_key_closed_by_a_word_for_its_values_form_reads_the_key(key, field, expected):
    record = _parse(
        _api({"caption": "Children skate on a frozen canal.", key: expected, "width": 4000, "height": 3000})
    )
    assert getattr(record, field) == expected


@pytest.mark.parametrize("key", ["displayName", "firstName", "fullName", "userName"])
def test_a_name_key_of_no_field_of_ours_stays_unread(key):
    # false friends: a person's display, first or user name names no field of the picture
    record = _parse(_api({"caption": _ROE_CAPTION, key: "Ina Muster", "width": 4000, "height": 3000}))
    assert record.caption == _ROE_CAPTION
    assert record.credit is None


# --- CSV exports: a header row and a record's row ----------------------------------------------


def test_a_museum_csv_export_with_quoted_cells_and_line_ends_reads_as_a_record():
    record = _parse(
        'Beteiligte;Titel_Sammlung;InvNr;Jahr_von;Jahr_bis;Datierung;Geogr_Bezug;"Maße";Beschreibung_Notizen\n'
        'Jana Beispiel;Blick auf den Hafen, im Winter;X 1234;1900;1920;um 1910;Kiel;"Bildmaß: 10 x 12 cm; '
        'Blattmaß: 20 x 24 cm";"Der Hafen im Eis; am Kai zwei Schiffe._x000D_\n(Notiz 2014)_x000D_\n_x000D_\n'
        'Verso: ""Kiel 1910"""\n'
    )
    assert record.caption == "Blick auf den Hafen, im Winter"
    assert (record.source_id, record.credit, record.city, record.country_code) == (
        "X 1234",
        "Jana Beispiel",
        "Kiel",
        "DE",
    )
    # the display date wins over the search range
    assert (record.date_start, record.date_end, record.approximate) == (date(1910, 1, 1), date(1910, 12, 31), True)
    assert record.language == "de"
    assert record.print_width_cm is None


def test_a_csv_export_with_commas_and_windows_line_ends_reads_as_a_record():
    record = _parse(
        "N_inventaire,Nom_site,Ville,Taille,Date_prise_vue,Photographe,Cote_base,Date_inventaire\r\n"
        '7,PONT_NEUF,LYON,10x15 cm,1999/04,"EXEMPLE, JEANNE",1999-01000-0000007,2019/09/21\r\n'
    )
    assert (record.sublocation, record.country_code, record.source_id) == ("PONT_NEUF", "FR", "1999-01000-0000007")
    assert (record.date_start, record.date_end, record.date_precision) == (date(1999, 4, 1), date(1999, 4, 30), "month")
    assert record.credit == "EXEMPLE, JEANNE"
    unknown = _parse(
        "N_inventaire,Nom_site,Ville,Photographe,Cote_base\r\n8,PONT_NEUF,LYON,INCONNU,1999-01000-0000008\r\n"
    )
    assert unknown.credit is None


def test_a_csv_export_of_several_rows_reads_its_first_row():
    record = _parse(
        "Title|Photographer|Date|Place\nHarbour at dawn|Jane Roe|1987|Bergen\nMarket day|John Doe|1990|Oslo\n"
    )
    assert (record.caption, record.credit, record.date_start) == ("Harbour at dawn", "Jane Roe", date(1987, 1, 1))


@pytest.mark.parametrize(
    "text",
    [
        # a caption with commas and semicolons, on two lines
        "Berlin, Germany, 3 May 2021; a man walks, a dog runs\nA gull circles over the harbour, the sea, the boats.",
        # a title with commas over a caption with as many commas
        "Title, date and place, unknown\nBoats, nets, and gulls at the harbour of Bergen, Norway, at dawn.",
        # labels in the first line, but a sentence of commas under it
        "Date, Place, Photographer\nThe harbour at dawn, with boats, 1987.",
        # numbers, not names
        "1;2;3\n4;5;6",
        "2021;2022;2023\nBergen;Oslo;Kiel",
    ],
)
def test_captions_with_delimiters_are_no_csv(text):
    from captions.ingest.records import csv_rows

    assert csv_rows(text) is None
    record = _parse(text)
    assert record.caption  # read as caption text, not emptied as a table


def test_a_table_typed_by_hand_under_its_labels_still_reads():
    record = _parse("Date, Place, Photographer\n1987, Bergen, Jane Roe")
    assert (record.date_start, record.city, record.credit) == (date(1987, 1, 1), "Bergen", "Jane Roe")


def test_a_csv_of_one_column_or_a_short_row_is_no_record():
    from captions.ingest.records import csv_rows

    assert csv_rows("Title\nHarbour at dawn\n") is None
    assert csv_rows("Title;Photographer;Date;Place\nHarbour at dawn;Jane Roe\n") is None
    short = _parse("Title;Photographer;Date;Place\nHarbour at dawn;Jane Roe\n")
    assert short.credit is None


def test_museum_database_keys_read_through_their_module_prefix_and_table_suffix():
    record = _parse(
        json.dumps(
            {
                "irn": 12,
                "TitAccessionNo": "1999.1.23",
                "CreDateCreated": "c. 1950",
                "CreEarliestDate": "1945",
                "TitMainTitle": "Children on a sled in a snowy street",
                "CreCity_tab": "Pittsburgh",
                "CreState_tab": "Pennsylvania",
                "CreCountry_tab": "United States",
                "AdmDateModified": "2019-05-01",
            }
        )
    )
    assert record.caption == "Children on a sled in a snowy street"
    assert (record.source_id, record.city, record.region, record.country_code) == (
        "1999.1.23",
        "Pittsburgh",
        "Pennsylvania",
        "US",
    )
    assert (record.date_start, record.approximate) == (date(1950, 1, 1), True)
    # false friend: a key whose words after the prefix are none of ours
    from captions.ingest.records import _record_label

    assert _record_label("PhyMediumComments") is None
    assert _record_label("title_en") == "title"


def test_a_csv_export_of_several_rows_is_one_block_a_row():
    from captions.ingest import split_blocks

    text = (
        "Titel;Fotograf;Datierung;Beschreibung_Notizen\n"
        'Hafen im Winter;Jana Beispiel;1910;"Zwei Schiffe am Kai.\n\nVerso beschriftet."\n'
        "Markt am Rathaus;Jana Beispiel;1912;\n"
    )
    blocks = split_blocks(text)
    assert len(blocks) == 2
    assert blocks[0].startswith("Titel;") and "Verso beschriftet." in blocks[0]
    assert blocks[1] == "Titel;Fotograf;Datierung;Beschreibung_Notizen\nMarkt am Rathaus;Jana Beispiel;1912;"
    # one row, its quoted cell over several lines: one block
    assert len(split_blocks(text.rsplit("Markt", 1)[0])) == 1
    # a caption with commas over several lines stays one block
    assert len(split_blocks("Bergen, Norway, 1987\nBoats, nets, gulls\nA man, a dog, a boat")) == 1


def test_an_archive_place_written_town_first_gives_the_sites_after_it_as_sublocation():
    for place, expected in (
        ("Ort: Kiel-Altstadt, Alte Brücke, Dom", ("Alte Brücke, Dom", "Kiel-Altstadt", "DE")),
        ("Ort: Kiel-Altstadt (Stadtwaage)", ("Stadtwaage", "Kiel-Altstadt", "DE")),
        ("Location: Berlin, Alexanderplatz", ("Alexanderplatz", "Berlin", "DE")),
        ("Location: Alexanderplatz, Berlin", ("Alexanderplatz", "Berlin", "DE")),
        # false friends: a town and its region or country, a town named with its river, a
        # country after a qualifier, a postcode
        ("Location: Paris, Texas", (None, "Paris", "US")),
        ("Ort: Kiel, Schleswig-Holstein", (None, "Kiel", "DE")),
        ("Ort: Frankfurt (Oder)", (None, "Frankfurt (Oder)", None)),
        ("Location: Madrid, 28013", (None, "Madrid", "ES")),
    ):
        record = _parse("A view of the square in winter.\n" + place)
        assert (record.sublocation, record.city, record.country_code) == expected, place
    qualified = _parse("A view of the square in winter.\nLocation: Samarkand, present-day Uzbekistan")
    assert (qualified.sublocation, qualified.city) == (None, "Samarkand")


def test_a_french_csv_export_without_a_title_reads_french_and_normal_capitals():
    record = _parse(
        "N_inventaire,Nom_site,Ville,Photographe,Cote_base\r\n8,PONT_NEUF,LYON,DUPONT,1999-01000-0000008\r\n"
    )
    assert (record.caption, record.language, record.city) == ("", "fr", "Lyon")


def test_a_hub_record_reads_the_title_not_the_collection_or_the_scan_note():
    record = _parse(
        json.dumps(
            {
                "sourceResource": {
                    "collection": {"title": "Lantern Slides Example", "description": "Lantern Slides Example"},
                    "title": "Boats in the harbour of Bergen at dawn",
                    "description": "Scanned from an original print at 300 dpi and resized to 1200x800.",
                    "creator": "Roe, Jane (photographer, Norwegian, 1871-1940), Norwegian",
                    "spatial": "Norway--Vestland",
                    "date": {"displayDate": "June 3, 1911"},
                }
            }
        )
    )
    assert record.caption == "Boats in the harbour of Bergen at dawn"
    assert (record.width_px, record.height_px, record.dpi) == (1200, 800, 300)
    assert record.credit == "Roe, Jane"
    assert (record.region, record.country_code) == ("Vestland", "NO")
    assert record.date_start == date(1911, 6, 3)


def test_record_descriptions_and_names_that_stay_as_they_are():
    # false friends: a description naming a scanner's dpi without saying it was scanned, a name
    # with a parenthesis that is part of it, a collection's name as a plain value
    described = _parse(
        json.dumps(
            {
                "title": "Print shop",
                "description": "Workers at the 600 dpi printer in the print shop of Bergen, Norway.",
                "creator": "Roe, Jane (Studio Bergen)",
                "collection": "Lantern Slides Example",
            }
        )
    )
    assert described.caption == "Workers at the 600 dpi printer in the print shop of Bergen, Norway."
    assert described.credit == "Roe, Jane (Studio Bergen)"
    from captions.ingest.records import _without_person_notes

    assert _without_person_notes("Jane Roe, American") == "Jane Roe"
    assert _without_person_notes("Roe, Jane") == "Roe, Jane"
    assert _without_person_notes("Jane Roe (1871-1940)") == "Jane Roe"


def test_a_search_range_of_dates_dates_a_record_only_without_its_own_dating():
    ranged = _parse("Titel;Fotograf;Jahr_von;Jahr_bis;InvNr\nHafen im Winter;Jana Beispiel;1860;1880;X 1\n")
    assert (ranged.date_start, ranged.date_end, ranged.approximate) == (date(1860, 1, 1), date(1880, 12, 31), False)
    displayed = _parse(
        "Titel;Fotograf;Jahr_von;Jahr_bis;Datierung;InvNr\nHafen im Winter;Jana Beispiel;1860;1880;um 1870;X 1\n"
    )
    assert (displayed.date_start, displayed.date_end, displayed.approximate) == (
        date(1870, 1, 1),
        date(1870, 12, 31),
        True,
    )
    span = _parse(
        json.dumps({"title": "Harbour at dawn", "date": {"edm:begin": "1946-10-25", "edm:end": "1946-11-02"}})
    )
    assert (span.date_start, span.date_end) == (date(1946, 10, 25), date(1946, 11, 2))
    # false friends: an 'end' that is no date, a single end
    single = _parse(json.dumps({"title": "Harbour at dawn, 1950", "date": {"begin": "1903"}}))
    assert single.date_start == date(1950, 1, 1)


def test_a_labelled_span_the_caption_gives_as_a_guess_is_approximate():
    guessed = _parse("Shore and mountains, Yukon Territory, circa 1903-1906\nDate: 1903-1906")
    assert (guessed.date_start, guessed.date_end, guessed.approximate) == (date(1903, 1, 1), date(1906, 12, 31), True)
    # a guess of another span says nothing of the labelled one
    other = _parse("Shore and mountains, Yukon Territory, circa 1903\nDate: 1903-1906")
    assert other.approximate is False


_HALLES = "Les Halles au petit matin"
_ACCRA = "A boy plays football in Accra."


@pytest.mark.parametrize(
    ("text", "caption", "credit"),
    [
        # names ending on an abbreviation's period
        (f"Réf.;Titre;Date;Lieu;Auteur\nPH-0097;{_HALLES};1962/05;Paris;Jean Roe", _HALLES, "Jean Roe"),
        (
            "Inv.-Nr.;Titel;Datierung;Ort;Fotograf\nF 1234;Hochwasser an der Pleiße;1954;Leipzig;Hans Roe",
            "Hochwasser an der Pleiße",
            "Hans Roe",
        ),
        (
            "No.,Title,Date,Place,Photographer\nA-12,Harbour at dawn,1954,Bristol,Jane Roe",
            "Harbour at dawn",
            "Jane Roe",
        ),
        (
            "Bildnr.\tBildtext\tFotograf\n55123\tSegelboote auf dem Bodensee bei Lindau.\tUte Roe",
            "Segelboote auf dem Bodensee bei Lindau.",
            "Ute Roe",
        ),
        # a yes-or-no column, a name of six words, a repeated name, a column named by a number
        (f"Image ID,Caption,Credit,Model released?\nAB-1,{_ACCRA},Kofi Roe,No", _ACCRA, "Kofi Roe"),
        (
            f"Image ID;Caption;Credit;Name of the photographer or agency\nAB-2;{_ACCRA};Kofi Roe;Kofi Roe Studio",
            _ACCRA,
            "Kofi Roe",
        ),
        (
            f"Image ID,Caption,Credit,Keywords,Keywords,Keywords\nAB-4,{_ACCRA},Kofi Roe,sport,ball,boy",
            _ACCRA,
            "Kofi Roe",
        ),
        (f"Image ID,Caption,Credit,1\nAB-5,{_ACCRA},Kofi Roe,x", _ACCRA, "Kofi Roe"),
    ],
)
def test_csv_headers_with_abbreviations_questions_long_repeated_or_numbered_names_read(text, caption, credit):
    record = _parse(text)
    assert (record.caption, record.credit) == (caption, credit)


@pytest.mark.parametrize(
    "text",
    [
        # sentences cut at the delimiter: a period after a long word or many words, an exclamation
        "Fishing boats. Nets, Caption. Credit, Date in the morning.\nGulls over the harbour, the sea, the boats.",
        "Caption; Credit; What a day it was in the harbour!\nBoats; gulls; nets",
    ],
)
def test_sentences_cut_at_delimiters_are_no_csv_header(text):
    from captions.ingest.records import csv_rows

    assert csv_rows(text) is None


@pytest.mark.parametrize(
    ("data", "start", "end"),
    [
        # the record's own date outranks a range nested a level down
        (
            {
                "dcterms:title": "Vineyards",
                "dc:date": "1936",
                "edm:TimeSpan": {"edm:begin": "1930", "edm:end": "1940"},
                "dcterms:spatial": "France--Bourgogne--Beaune",
            },
            date(1936, 1, 1),
            date(1936, 12, 31),
        ),
        (
            {"title": "Vineyards", "dc:date": "1936-05-12", "edm:TimeSpan": {"edm:begin": "1930", "edm:end": "1940"}},
            date(1936, 5, 12),
            date(1936, 5, 12),
        ),
        # a date in the title is the record's own dating too
        (
            {"title": "Vineyards in 1936", "edm:TimeSpan": {"edm:begin": "1930", "edm:end": "1940"}},
            date(1936, 1, 1),
            date(1936, 12, 31),
        ),
        # false friend: nothing else dates the record, the range does
        (
            {"dcterms:title": "Vineyards", "edm:TimeSpan": {"edm:begin": "1930", "edm:end": "1940"}},
            date(1930, 1, 1),
            date(1940, 12, 31),
        ),
    ],
)
def test_a_nested_search_range_dates_a_record_only_without_its_own_dating(data, start, end):
    record = _parse(json.dumps(data))
    assert (record.date_start, record.date_end) == (start, end)


@pytest.mark.parametrize(
    ("data", "city", "code"),
    [
        # a record's country field and its title's town at the title's end
        (
            {"TitMainTitle": "Fishing boats at Concarneau", "CreDateCreated": "1925", "CreCountry": "France"},
            "Concarneau",
            "FR",
        ),
        ({"title": "Fishing boats at Bergen.", "country": "Norway"}, "Bergen", "NO"),
        # false friends: the town of another country than the labelled one; a town named before the
        # title's end (an event's name: 'Terremoto de Chillán, 1939')
        ({"title": "Fishing boats at Bergen", "country": "France"}, None, "FR"),
        ({"title": "Terremoto de Chillán, 1939", "country": "Chile"}, None, "CL"),
    ],
)
def test_a_labelled_country_keeps_the_town_at_the_titles_end(data, city, code):
    record = _parse(json.dumps(data))
    assert (record.city, record.country_code) == (city, code)
