"""The caption parser against blocks of every layout, language, caveat and problem.

Pure tests: no database. Each tests/data/captions/NAME.txt has NAME.expected.json beside it
(the format of `manage.py parse_caption`); every SPEC field of every block is compared.
"""

from __future__ import annotations

import json
import math
from datetime import UTC, date, datetime, timedelta, timezone
from pathlib import Path

import pytest

from captions.ingest import (
    SPEC_FIELDS,
    ParsedCaption,
    parse_block,
    parse_blocks,
    split_blocks,
)

DATA = Path(__file__).parent / "data" / "captions"
TODAY = date(2025, 12, 31)
FLOAT_FIELDS = {"print_width_cm", "print_height_cm", "print_width_in", "print_height_in"}
CASES = sorted(DATA.glob("*.txt"))


def _same(field, expected, actual):
    if field in FLOAT_FIELDS and expected is not None and actual is not None:
        return math.isclose(float(expected), float(actual), abs_tol=0.001)
    return expected == actual


@pytest.mark.parametrize("path", CASES, ids=[path.stem for path in CASES])
def test_block_matches_expected_json(path):
    expected = json.loads(path.with_name(path.stem + ".expected.json").read_text(encoding="utf-8"))
    got = [record.as_spec_dict() for record in parse_blocks(path.read_text(encoding="utf-8"), today=TODAY)]
    assert len(got) == len(expected)
    wrong = [
        f"[{index}] {field}: expected {exp[field]!r}, got {act[field]!r}"
        for index, (exp, act) in enumerate(zip(expected, got, strict=True))
        for field in SPEC_FIELDS
        if not _same(field, exp[field], act[field])
    ]
    assert not wrong, "\n".join(wrong)


def test_test_data_covers_every_layout_language_caveat_and_problem():
    blocks = [
        block
        for path in CASES
        for block in json.loads(path.with_name(path.stem + ".expected.json").read_text(encoding="utf-8"))
    ]
    assert {block["language"] for block in blocks} >= {"en", "de", "fr", "es"}
    assert set().union(*(block["caveats"] for block in blocks)) == {
        "imperfect_historical",
        "editorial_only",
        "no_model_release",
        "embargo",
        "mandatory_credit",
    }
    assert set().union(*(block["problems"] for block in blocks)) == {
        "print_size_mismatch",
        "invalid_date",
        "future_date",
        "missing_dimensions",
        "missing_dpi",
        "truncated_text",
        "unknown_country",
    }
    layouts = {path.stem.split("-")[0] for path in CASES}
    assert layouts >= {
        "alamy",
        "getty",
        "ap",
        "reuters",
        "dpa",
        "imago",
        "afp",
        "efe",
        "commons",
        "exiftool",
        "shutterstock",
    }


# --- splitting ---------------------------------------------------------------------------


def test_split_blocks_on_separator_lines_only_and_drops_empty_blocks():
    text = "first\n---\n\n  ---  \nsecond --- not a separator\n---\n"
    assert split_blocks(text) == ["first\n", "\nsecond --- not a separator\n"]


def test_split_blocks_accepts_windows_newlines():
    assert [block.strip() for block in split_blocks("a\r\n---\r\nb\r\n")] == ["a", "b"]


# --- record shape ----------------------------------------------------------------------


def test_spec_dict_has_exactly_the_spec_fields_in_order():
    record = parse_block("A dog on a beach.\n1200 x 800 px, 300 dpi")
    assert tuple(record.as_spec_dict()) == SPEC_FIELDS
    assert SPEC_FIELDS[0] == "caption" and SPEC_FIELDS[-1] == "problems" and len(SPEC_FIELDS) == 23


def test_fingerprint_ignores_whitespace_and_case_but_not_words():
    one = parse_block("A dog  on a beach.\n1200 x 800 px")
    two = parse_block("a dog on a BEACH.\n\n1200 x 800 px  ")
    three = parse_block("A cat on a beach.\n1200 x 800 px")
    assert one.fingerprint == two.fingerprint != three.fingerprint
    assert len(one.fingerprint) == 64


def test_raw_text_is_the_block_as_given():
    text = "  A dog.\n1200 x 800 px\n"
    assert parse_block(text).raw_text == text


# --- numbers and sizes ---------------------------------------------------------------


@pytest.mark.parametrize(
    "line, width, height",
    [
        ("4.000 x 3.000 px", 4000, 3000),
        ("3,508 x 2,480 pixels", 3508, 2480),
        ("5 472 x 3 648 px", 5472, 3648),
        ("5\u202f472 × 3\u202f648 Pixel", 5472, 3648),
        ("5\u00a0472 x 3\u00a0648 px", 5472, 3648),
        ("1880x1160px", 1880, 1160),
    ],
)
def test_thousands_separators_in_pixel_sizes_are_not_decimals(line, width, height):
    record = parse_block(f"A harbour at dusk.\n{line}, 300 dpi")
    assert (record.width_px, record.height_px, record.dpi) == (width, height, 300)


def test_decimal_comma_and_point_print_sizes_are_kept_as_stated():
    comma = parse_block("Eine Brücke.\n1880 x 1160 px | 31,8 x 19,6 cm | 12,5 x 7,7 inches | 150dpi")
    point = parse_block("A bridge.\n1880 x 1160 px | 31.8 x 19.6 cm | 12.5 x 7.7 inches | 150dpi")
    for record in (comma, point):
        assert (record.print_width_cm, record.print_height_cm) == (31.8, 19.6)
        assert (record.print_width_in, record.print_height_in) == (12.5, 7.7)
        assert "print_size_mismatch" not in record.problems
    assert [size.width for size in comma.stated_sizes] == ["31.8", "12.5"]


def test_stated_precision_sets_the_tolerance_of_the_size_check():
    # 1600 px at 240 dpi = 16.93 cm: '16.9' agrees, '17' agrees (half a unit), '17.0' does not.
    base = "Ship.\n2400 x 1600 px | 25,4 x {} cm | 240dpi"
    assert "print_size_mismatch" not in parse_block(base.format("16,9")).problems
    assert "print_size_mismatch" not in parse_block(base.format("17")).problems
    assert "print_size_mismatch" in parse_block(base.format("17,0")).problems


def test_print_size_mismatch_explains_itself():
    record = parse_block("Ship.\n2400 x 1600 px | 25,4 x 21,2 cm | 10 x 6,7 inches | 240dpi")
    assert record.problems == ["print_size_mismatch"]
    assert (
        record.problem_details["print_size_mismatch"] == "Stated height 21.2 cm, but 1600 px at 240 dpi print 16.9 cm"
    )


def test_exif_resolution_counts_as_dpi_only_in_inches():
    inches = (
        "Image Width : 4000\nImage Height : 3000\nX Resolution : 240\nResolution Unit : inches\n"
        "Caption-Abstract : A dog."
    )
    cm = inches.replace("inches", "cm")
    assert parse_block(inches).dpi == 240
    record = parse_block(cm)
    assert record.dpi is None and "missing_dpi" in record.problems
    assert (record.width_px, record.height_px) == (4000, 3000)


@pytest.mark.parametrize("line", ["300 ppp", "300 DPI", "300dpi", "Resolution: 300 dpi", "300 ppi"])
def test_dpi_spellings(line):
    assert parse_block(f"A dog.\n1200 x 800 px\n{line}").dpi == 300


@pytest.mark.parametrize(
    "size_line", ["99999999999999999999 x 5 px, 300 dpi", "0 x 0 px, 300 dpi", "1000000 x 20 px, 300 dpi"]
)
def test_absurd_pixel_sizes_are_dropped_with_the_problem(size_line):
    record = parse_block(f"A dog.\n{size_line}")
    assert record.width_px is None and record.height_px is None
    assert "missing_dimensions" in record.problems


def test_absurd_dpi_is_dropped_with_the_problem():
    record = parse_block("A dog.\n1200 x 800 px, 99999999 dpi")
    assert record.dpi is None and "missing_dpi" in record.problems


def test_largest_of_several_pasted_sizes_wins():
    block = (
        "A dog.\nSmall 594 x 396 px (8.25 x 5.50 in) - 72 dpi\n"
        "Max file size: 6000 x 4000 px (20.00 x 13.33 in) - 300 dpi - 9 MB"
    )
    record = parse_block(block)
    assert (record.width_px, record.dpi, record.print_width_in) == (6000, 300, 20.0)


def test_a_caption_mentioning_a_size_is_not_a_size_line():
    record = parse_block(
        "Workers unfold a giant 30 x 20 cm stamp replica at the museum in Vienna, Austria.\n3000 x 2000 px, 300 dpi"
    )
    assert record.print_width_cm is None
    assert record.caption.startswith("Workers unfold")


# --- caption -------------------------------------------------------------------------


@pytest.mark.parametrize(
    "block, caption",
    [
        ("Fans cheer in Madrid, Spain. (Photo by Ana Ruiz/Getty Images)", "Fans cheer in Madrid, Spain."),
        ("Fans cheer in Madrid. (AP Photo/Paul White)", "Fans cheer in Madrid."),
        (
            "Troops march in Kyiv, Ukraine, May 9, 2024. REUTERS/Gleb Garanich",
            "Troops march in Kyiv, Ukraine, May 9, 2024.",
        ),
        ("06.05.2025, Berlin: Merz spricht. Foto: Kay Nietfeld/dpa", "06.05.2025, Berlin: Merz spricht."),
        (
            "06.05.2025, Berlin: Merz spricht. Foto: Kay Nietfeld/dpa +++ dpa-Bildfunk +++",
            "06.05.2025, Berlin: Merz spricht.",
        ),
        ("FILE - Workers repair the bridge. (AP Photo/Jo Li, File)", "Workers repair the bridge."),
        ("ARCHIV - Arbeiter reparieren die Brücke.", "Arbeiter reparieren die Brücke."),
        ("MADRID, 05/06/2025.- Sánchez habla. EFE/Juan Carlos Hidalgo", "MADRID, 05/06/2025.- Sánchez habla."),
        ("Manifestation à Paris. (Photo by Julien DUPONT / AFP)", "Manifestation à Paris."),
        ("English: The gate at night.\nDeutsch: Das Tor bei Nacht.", "The gate at night."),
        ("DE: Das Tor bei Nacht. EN: The gate at night.", "Das Tor bei Nacht."),
        ("Das Tor bei Nacht in Berlin *** The gate at night in Berlin", "Das Tor bei Nacht in Berlin"),
        ("A dog   on\n a   beach.", "A dog on a beach."),
        ("Crowds gather at the gate. EDITORIAL USE ONLY", "Crowds gather at the gate."),
    ],
)
def test_caption_is_the_description_only(block, caption):
    assert parse_block(block).caption == caption


def test_getty_dateline_is_kept():
    block = (
        "THE HAGUE, NETHERLANDS - JUNE 25: Leaders arrive for the summit on June 25, 2025 in The Hague, Netherlands."
    )
    record = parse_block(block)
    assert record.caption == block
    assert (record.city, record.country_code) == ("The Hague", "NL")


def test_bilingual_block_keeps_its_first_language():
    block = (
        "Ein Containerschiff läuft bei Nebel in den Hamburger Hafen ein.\n"
        "A container ship enters the port of Hamburg in the fog.\n"
        "2400 x 1600 px, 240 dpi"
    )
    record = parse_block(block)
    assert record.caption == "Ein Containerschiff läuft bei Nebel in den Hamburger Hafen ein."
    assert record.language == "de"


def test_wrapped_caption_lines_are_joined():
    block = (
        "In this photo provided by the archive, workers\nassemble engines in Detroit, Michigan, circa 1943.\n"
        "3000 x 2400 pixels, 300 DPI"
    )
    assert parse_block(block).caption == (
        "In this photo provided by the archive, workers assemble engines in Detroit, Michigan, circa 1943."
    )


def test_headline_line_is_not_caption():
    block = "Opening Ceremony - Olympic Games Paris 2024\nPARIS, FRANCE - JULY 26: Fireworks light up the Eiffel Tower."
    record = parse_block(block)
    assert record.headline == "Opening Ceremony - Olympic Games Paris 2024"
    assert record.caption.startswith("PARIS, FRANCE - JULY 26:")


def test_preview_with_ellipsis_followed_by_full_text_is_not_truncation():
    block = (
        "Aerial view of the concert hall and the...\nAerial view of the concert hall and the harbour at sunset, "
        "Hamburg, Germany.\n4928 x 3264 px, 300 dpi"
    )
    record = parse_block(block)
    assert record.caption == "Aerial view of the concert hall and the harbour at sunset, Hamburg, Germany."
    assert "truncated_text" not in record.problems


def test_pasted_article_after_the_block_is_not_caption():
    block = (
        "Der Präsident hält im Kreml ein Treffen ab.\n"
        "1880 x 1160 px | 31,8 x 19,6 cm | 12,5 x 7,7 inches | 150dpi\n"
        "Ort:\nKremlin, Moscow, Russia\n"
        "As Moscow prepares for possible negotiations with Washington, it is seeking a far more ambitious outcome "
        "than a ceasefire"
    )
    record = parse_block(block)
    assert record.caption == "Der Präsident hält im Kreml ein Treffen ab."
    assert "truncated_text" not in record.problems


# --- truncation ----------------------------------------------------------------------


def test_cut_off_standing_notice_is_truncated_and_still_a_caveat():
    block = (
        "Menschen am Brandenburger Tor.\n3543 x 2362 px, 300 dpi\nWeitere Informationen:\n"
        "Dieses Bild kann kleinere Mängel aufweisen, da es sich um ein historisches Bild oder ein Reportagebild handel"
    )
    record = parse_block(block)
    assert record.caveats == ["imperfect_historical"]
    assert record.problems == ["truncated_text"]


@pytest.mark.parametrize(
    "caption",
    [
        "Der Bundestag debattiert am Mittwoch über den Haushalt für das kommende Jahr und die geplanten Kürzu",
        "Fans wave flags as the team bus arrives at the stadium before the",
        "Fans wave flags as the team bus arrives at the stadium (Photo by Ana Ruiz/Getty Ima",
        "Fans wave flags as the team bus arrives at the stadium...",
    ],
)
def test_cut_off_caption_is_truncated_and_kept_as_is(caption):
    record = parse_block(caption + "\n3000 x 2000 px, 300 dpi")
    assert "truncated_text" in record.problems
    assert record.caption.split()[0] == caption.split()[0]


@pytest.mark.parametrize(
    "caption",
    [
        "Aerial view of the harbour at sunset, Hamburg, Germany",
        "Fans wave flags outside the stadium before the final, May 9, 2024",
        "Fans wave flags.",
        "Harbour at dusk",
    ],
)
def test_complete_caption_is_not_truncated(caption):
    assert "truncated_text" not in parse_block(caption + "\n3000 x 2000 px, 300 dpi").problems


def test_release_field_value_is_not_prose():
    record = parse_block("A dog.\n3000 x 2000 px, 300 dpi\nReleases: Model - no | Property - no")
    assert record.problems == []
    assert record.caveats == ["no_model_release"]


# --- caveats -------------------------------------------------------------------------


@pytest.mark.parametrize(
    "notice, tag",
    [
        ("Releases: Model - no | Property - no", "no_model_release"),
        ("Release info: Not released. More information", "no_model_release"),
        ("Model release: No", "no_model_release"),
        ("Model Release Status : None", "no_model_release"),
        ("Mandatory Credit", "mandatory_credit"),
        ("MANDATORY CREDIT: AP", "mandatory_credit"),
        ("Obligatorische Quellenangabe.", "mandatory_credit"),
        ("Crédit obligatoire", "mandatory_credit"),
        ("Crédito obligatorio", "mandatory_credit"),
        ("Editorial use only", "editorial_only"),
        ("Restrictions: Editorial use only.", "editorial_only"),
        ("Nur für redaktionelle Verwendung", "editorial_only"),
        ("Usage éditorial uniquement", "editorial_only"),
        ("Solo uso editorial", "editorial_only"),
        ("Restricted", "editorial_only"),
        ("This image could have imperfections as it's either historical or reportage.", "imperfect_historical"),
        (
            "Dieses Bild kann kleinere Mängel aufweisen, da es sich um ein historisches Bild oder ein Reportagebild "
            "handelt.",
            "imperfect_historical",
        ),
        (
            "Cette image peut présenter des imperfections car il s'agit d'une image historique ou de reportage.",
            "imperfect_historical",
        ),
        ("Esta imagen puede tener imperfecciones ya que es histórica o de reportaje.", "imperfect_historical"),
        ("This image could have imperfections as it’s either histori", "imperfect_historical"),
        ("EMBARGOED UNTIL 00:01 GMT, 7 March 2023", "embargo"),
        ("Sperrfrist: 06.05.2025, 18:00 Uhr MESZ", "embargo"),
    ],
)
def test_caveat_notices(notice, tag):
    record = parse_block(f"A dog on a beach.\n1200 x 800 px, 300 dpi\n{notice}")
    assert record.caveats == [tag]
    assert record.caption == "A dog on a beach."
    assert notice.split(":")[0].strip() in record.restriction_text


@pytest.mark.parametrize(
    "notice", ["No sales in Germany", "Rights managed", "Releases: Model - yes | Property - no", "Restrictions: None"]
)
def test_licence_terms_and_territories_map_to_no_tag(notice):
    assert parse_block(f"A dog on a beach.\n1200 x 800 px, 300 dpi\n{notice}").caveats == []


def test_caption_words_are_not_notices():
    record = parse_block(
        "Police restricted access after the EU oil embargo debate in Brussels, Belgium.\n1200 x 800 px, 300 dpi"
    )
    assert record.caveats == []
    assert record.caption.startswith("Police restricted access")


def test_caveats_are_sorted():
    block = "A dog.\nMandatory Credit\nEditorial use only\nReleases: Model - no"
    assert parse_block(block).caveats == ["editorial_only", "mandatory_credit", "no_model_release"]


# --- embargo -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "notice, moment",
    [
        ("Embargo: 12.06.2025 00:01 CET", datetime(2025, 6, 12, 0, 1, tzinfo=timezone(timedelta(hours=1)))),
        ("Sperrfrist: 12.06.2025, 00:01 Uhr MESZ", datetime(2025, 6, 12, 0, 1, tzinfo=timezone(timedelta(hours=2)))),
        ("Sperrfrist 12. Juni 2025, 10.00 Uhr MEZ", datetime(2025, 6, 12, 10, 0, tzinfo=timezone(timedelta(hours=1)))),
        ("EMBARGOED UNTIL 05:00 EDT, June 12, 2025", datetime(2025, 6, 12, 5, 0, tzinfo=timezone(timedelta(hours=-4)))),
        ("Embargoed until 12 June 2025 00:01 BST", datetime(2025, 6, 12, 0, 1, tzinfo=timezone(timedelta(hours=1)))),
        ("Embargo until 2025-06-12T00:01:00Z", datetime(2025, 6, 12, 0, 1, tzinfo=UTC)),
        (
            "Embargo jusqu'au 12 juin 2025 à 00h01 CEST",
            datetime(2025, 6, 12, 0, 1, tzinfo=timezone(timedelta(hours=2))),
        ),
        (
            "Embargo hasta el 12 de junio de 2025 a las 00:01 CET",
            datetime(2025, 6, 12, 0, 1, tzinfo=timezone(timedelta(hours=1))),
        ),
        ("EMBARGOED UNTIL 00:01 PST, June 12, 2025", datetime(2025, 6, 12, 0, 1, tzinfo=timezone(timedelta(hours=-8)))),
        (
            "Special Instructions : EMBARGOED UNTIL 0001 GMT JUNE 12, 2025",
            datetime(2025, 6, 12, 0, 1, tzinfo=UTC),
        ),
        (
            "NOT FOR PUBLICATION BEFORE 12 June 2025 at 06:00 CET",
            datetime(2025, 6, 12, 6, 0, tzinfo=timezone(timedelta(hours=1))),
        ),
        (
            "Sous embargo jusqu'au 12 juin 2025, 6h00 HEC",
            datetime(2025, 6, 12, 6, 0, tzinfo=timezone(timedelta(hours=1))),
        ),
        (
            "Embargado hasta el 12 de junio de 2025 a las 06:00 CEST",
            datetime(2025, 6, 12, 6, 0, tzinfo=timezone(timedelta(hours=2))),
        ),
        (
            "EMBARGOED UNTIL 5:00 p.m. EDT, June 12, 2025",
            datetime(2025, 6, 12, 17, 0, tzinfo=timezone(timedelta(hours=-4))),
        ),
    ],
)
def test_embargo_until_with_zone_offsets(notice, moment):
    record = parse_block(f"A dog.\n1200 x 800 px, 300 dpi\n{notice}")
    assert "embargo" in record.caveats
    assert record.embargo_until == moment
    assert record.embargo_until.utcoffset() == moment.utcoffset()


def test_embargo_without_a_zone_is_read_in_the_blocks_home_zone():
    german = parse_block("Ein Hund läuft über den Strand.\nSperrfrist: 12.06.2025, 18:00 Uhr")
    assert german.embargo_until == datetime(2025, 6, 12, 18, 0, tzinfo=timezone(timedelta(hours=2)))  # CEST in June
    english = parse_block("A dog runs along the beach.\nEmbargoed until 12 June 2025 18:00")
    assert english.embargo_until == datetime(2025, 6, 12, 18, 0, tzinfo=UTC)


def test_embargo_without_a_readable_date_is_still_a_caveat():
    record = parse_block("A dog.\n1200 x 800 px, 300 dpi\nEMBARGOED: see note to editors")
    assert record.caveats == ["embargo"] and record.embargo_until is None


def test_embargo_json_is_iso_with_offset():
    record = parse_block("A dog.\nEmbargo: 12.06.2025 00:01 CET")
    assert record.as_spec_dict()["embargo_until"] == "2025-06-12T00:01:00+01:00"


# --- credit and source id ------------------------------------------------------------


@pytest.mark.parametrize(
    "block, credit, source_id",
    [
        ("A dog.\nCredit: John Doe/Shutterstock (14523678a)", "John Doe/Shutterstock", "14523678a"),
        ("A dog.\nMandatory Credit: Photo by John Doe/Shutterstock (14523678a)", "John Doe/Shutterstock", "14523678a"),
        ("A dog. (Photo by Ana Ruiz/Getty Images)\nCredit: Ana Ruiz / Staff", "Ana Ruiz / Staff", None),
        ("A dog. (Photo by Ana Ruiz/Getty Images)", "Ana Ruiz/Getty Images", None),
        ("A dog. (Detroit Archive via AP)", "Detroit Archive via AP", None),
        ("Ein Hund.\nBildrechte: picture alliance / dpa | Kay Nietfeld", "picture alliance / dpa | Kay Nietfeld", None),
        ("Ein Hund.\nfotografen: Max Mustermann", "Max Mustermann", None),
        ("A dog.\nAuthor: Jane Smith", "Jane Smith", None),
        (
            "A dog.\nContributor: Harbour Lights / Alamy Stock Photo\nImage ID: 2XK4P7M",
            "Harbour Lights / Alamy Stock Photo",
            "2XK4P7M",
        ),
        ("A dog.\nEditorial #: 2164501234", None, "2164501234"),
        ("A dog.\nReuters ID: RC2K4Z9AB3CD", None, "RC2K4Z9AB3CD"),
        ("Ein Hund.\nBildnummer: 0512345678", None, "0512345678"),
        ("A dog.\nImage ID: IMG_1234.jpg", None, None),
        ("A dog.\nFile Name : IMG_1234.jpg\nImage Width : 10", None, None),
    ],
)
def test_credit_and_source_id(block, credit, source_id):
    record = parse_block(block)
    assert (record.credit, record.source_id) == (credit, source_id)


@pytest.mark.parametrize(
    "block, supplier",
    [
        ("A dog.\nContributor: X / Alamy Stock Photo", "Alamy"),
        ("A dog. (Photo by X/Getty Images)", "Getty Images"),
        ("A dog. (AP Photo/X)", "AP"),
        ("A dog. REUTERS/X", "Reuters"),
        ("Ein Hund. Foto: X/dpa", "dpa"),
        ("A dog.\nCopyright: IMAGO/photothek", "imago"),
        ("Un perro. EFE/X", "EFE"),
        ("Un chien. (Photo by X / AFP)", "AFP"),
        ("A dog.\nCredit: X/Shutterstock (1234567a)", "Shutterstock"),
        ("File:Dog.jpg\nSummary\nDescription\nEnglish: A dog.", "Wikimedia Commons"),
        ("A dog.", None),
    ],
)
def test_supplier_is_recognised(block, supplier):
    assert parse_block(block).supplier == supplier


# --- dates ---------------------------------------------------------------------------


def test_labelled_date_wins_over_caption_date_and_upload_dates_are_ignored():
    block = "Fans in December 1945 in London.\nDate uploaded: 3 May 2020\nDate taken: 14 September 1946"
    record = parse_block(block, today=TODAY)
    assert (record.date_start, record.date_precision) == (date(1946, 9, 14), "day")
    assert record.date_text == "14 September 1946"


def test_caption_date_is_used_without_a_labelled_one():
    record = parse_block("Kinder spielen im Hof, um 1930.\nHochgeladen: 3. Mai 2020", today=TODAY)
    assert (record.date_start, record.date_end, record.approximate) == (date(1930, 1, 1), date(1930, 12, 31), True)


def test_numeric_european_dates_are_day_first():
    assert parse_block("Ein Hund.\nAufnahmedatum: 06.05.2025", today=TODAY).date_start == date(2025, 5, 6)


@pytest.mark.parametrize(
    "value, start, end, precision, approximate",
    [
        ("1960s", date(1960, 1, 1), date(1969, 12, 31), "decade", False),
        ("circa 1945", date(1945, 1, 1), date(1945, 12, 31), "year", True),
        ("1944–1946", date(1944, 1, 1), date(1946, 12, 31), "year", False),
        ("undated", None, None, None, False),
        ("o. D.", None, None, None, False),
    ],
)
def test_date_field_values(value, start, end, precision, approximate):
    record = parse_block(f"A dog.\nDate: {value}", today=TODAY)
    assert (record.date_start, record.date_end, record.date_precision, record.approximate) == (
        start,
        end,
        precision,
        approximate,
    )
    assert not {"invalid_date", "future_date"} & set(record.problems)


def test_invalid_and_future_dates_are_problems_not_failures():
    invalid = parse_block("A dog.\nDate taken: 31 February 2019\nCredit: Jo", today=TODAY)
    assert "invalid_date" in invalid.problems and invalid.date_start is None and invalid.credit == "Jo"
    future = parse_block("A dog.\nDate taken: 3 March 2030", today=TODAY)
    assert "future_date" in future.problems


# --- places --------------------------------------------------------------------------


def test_labelled_location_gives_sublocation():
    record = parse_block("A dog.\nLocation:\nElbphilharmonie, Hamburg, Germany")
    assert (record.sublocation, record.city, record.country, record.country_code) == (
        "Elbphilharmonie",
        "Hamburg",
        "Germany",
        "DE",
    )
    assert record.place_text == "Elbphilharmonie, Hamburg, Germany"


def test_no_sublocation_is_guessed_from_free_text():
    record = parse_block("Fireworks light up the Eiffel Tower in Paris, France.")
    assert record.sublocation is None
    assert (record.city, record.country_code) == ("Paris", "FR")


def test_city_keeps_the_block_spelling_and_country_is_english():
    record = parse_block("Ein Hund.\nOrt: Moskau, Russland")
    assert (record.city, record.country, record.country_code) == ("Moskau", "Russia", "RU")


def test_all_caps_dateline_gets_normal_capitals():
    record = parse_block("BERLIN, GERMANY - MAY 08: Veterans lay wreaths at the memorial.")
    assert (record.city, record.country) == ("Berlin", "Germany")


def test_exiftool_country_code_alpha3_is_converted():
    block = (
        "Caption-Abstract : A dog.\nCity : Munich\nCountry-Primary Location Code : DEU\nImage Width : 10\n"
        "Image Height : 10"
    )
    record = parse_block(block)
    assert (record.city, record.country, record.country_code) == ("Munich", "Germany", "DE")


def test_unknown_country_is_a_problem_and_other_fields_survive():
    record = parse_block("A dog.\nLocation: Port Royal, Atlantis\nCredit: Jo\n1200 x 800 px, 300 dpi")
    assert "unknown_country" in record.problems
    assert record.credit == "Jo" and record.width_px == 1200


# --- language ------------------------------------------------------------------------


@pytest.mark.parametrize(
    "block, language",
    [
        ("Der Hund läuft über den Strand.", "de"),
        ("The dog runs along the beach.", "en"),
        ("Le chien court sur la plage avec les enfants.", "fr"),
        ("El perro corre por la playa con los niños.", "es"),
        ("Hamburg\nAufnahmedatum:\n2. Dezember 2025\nOrt:\nHamburg", "de"),
        ("Hamburg\nFecha: 2 de diciembre de 2025\nLugar: Hamburgo", "es"),
        ("Hamburg\nDate de prise de vue : 2 décembre 2025\nLieu : Hambourg", "fr"),
    ],
)
def test_language_from_labels_and_stopwords(block, language):
    assert parse_block(block).language == language


# --- extras --------------------------------------------------------------------------


def test_extras_for_the_importer():
    block = (
        "ExifTool Version Number : 12.76\n"
        "Object Name : Harbour at dusk\n"
        "Caption-Abstract : Ships in the harbour of Hamburg, Germany.\n"
        "By-line : John Doe\n"
        "Copyright Notice : © 2024 John Doe\n"
        "Keywords : harbour, ships; dusk\n"
        "Image Width : 4000\nImage Height : 3000\n"
    )
    record = parse_block(block)
    assert record.headline == "Harbour at dusk"
    assert record.creator == "John Doe"
    assert record.copyright_notice == "© 2024 John Doe"
    assert record.keywords == ["harbour", "ships", "dusk"]
    assert record.credit == "John Doe"
    assert isinstance(record, ParsedCaption)


# --- hostile input -------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "",
        "\x00\x01\x02",
        "---",
        "x" * 2_000_000,
        "9" * 100_000 + " x " + "9" * 100_000 + " px",
        ("1" * 50 + " x ") * 20_000,
        "(" * 100_000,
        "Label:\n" * 10_000,
        "a " * 500_000,
        "Date taken: " + "1" * 10_000,
        "Embargo: " + "12:00 " * 10_000,
    ],
    ids=[
        "empty",
        "control",
        "separator",
        "long-line",
        "huge-numbers",
        "many-pairs",
        "parens",
        "labels",
        "words",
        "date-digits",
        "embargo-times",
    ],
)
def test_hostile_input_returns_valid_fields(text):
    record = parse_block(text)
    spec = record.as_spec_dict()
    assert tuple(spec) == SPEC_FIELDS
    json.dumps(spec)


# --- wire layouts, found by reading real-looking captions -------------------------------


def test_reuters_file_photo_marker_is_not_a_credit():
    record = parse_block(
        "FILE PHOTO: A view of the Kremlin in Moscow, Russia, March 1, 2022. REUTERS/Maxim Shemetov/File Photo"
    )
    assert record.caption == "A view of the Kremlin in Moscow, Russia, March 1, 2022."
    # 'File Photo' after the name is Reuters' marker for an archive picture, no part of the credit
    assert record.credit == "REUTERS/Maxim Shemetov"
    assert (record.city, record.country_code, record.date_start) == ("Moscow", "RU", date(2022, 3, 1))


def test_efe_dateline_with_country_in_parentheses():
    record = parse_block("BARCELONA (ESPAÑA), 05/06/2025.- Vista de la Sagrada Familia. EFE/Alejandro García")
    assert record.caption == "BARCELONA (ESPAÑA), 05/06/2025.- Vista de la Sagrada Familia."
    assert (record.city, record.country, record.language) == ("Barcelona", "Spain", "es")
    assert record.date_start == date(2025, 6, 5)


def test_place_before_a_date_in_an_afp_caption():
    record = parse_block(
        "A man walks past a destroyed building in Kyiv on June 5, 2023. (Photo by Sergei SUPINSKY / AFP)"
    )
    assert (record.city, record.country_code) == ("Kyiv", "UA")
    assert record.credit == "Sergei SUPINSKY / AFP"


def test_dpa_dateline_with_region_and_city():
    record = parse_block(
        "06.05.2025, Niedersachsen, Hannover: Ein Mann geht über den Platz. Foto: Julian Stratenschulte/dpa"
    )
    assert (record.city, record.country_code) == ("Hannover", "DE")
    assert record.caption == "06.05.2025, Niedersachsen, Hannover: Ein Mann geht über den Platz."


def test_names_in_the_caption_are_not_places():
    record = parse_block("Harry Kane celebrates with teammates, Declan Rice, Jude Bellingham.")
    assert (record.city, record.country, record.problems) == (None, None, ["missing_dimensions", "missing_dpi"])


def test_dateline_with_an_unknown_country_is_a_problem():
    record = parse_block("PORT ROYAL, ATLANTIS - MAY 08: Fishermen haul their boats ashore.\n3000 x 2000 px, 300 dpi")
    assert record.city == "Port Royal"
    assert record.problems == ["unknown_country"]


def test_reuters_desk_tags_are_not_part_of_the_credit():
    record = parse_block(
        "Chancellor Olaf Scholz arrives for the summit in Brussels, Belgium, June 27, 2024. REUTERS/Yves Herman TPX "
        "IMAGES OF THE DAY"
    )
    assert record.credit == "REUTERS/Yves Herman"
    assert record.caption == "Chancellor Olaf Scholz arrives for the summit in Brussels, Belgium, June 27, 2024."


def test_imago_caption_keeps_german_and_decodes_the_photographer():
    record = parse_block(
        "Bundeskanzler Olaf Scholz spricht im Bundestag in Berlin, Deutschland *** Chancellor Olaf Scholz speaks "
        "in the Bundestag in Berlin, Germany Copyright: xFlorianxGaertnerx\nBildnummer: 0512345678"
    )
    assert record.caption == "Bundeskanzler Olaf Scholz spricht im Bundestag in Berlin, Deutschland"
    assert (record.credit, record.source_id, record.supplier, record.language) == (
        "Florian Gaertner",
        "0512345678",
        "imago",
        "de",
    )


def test_exiftool_group_prefixes_and_short_tag_names():
    block = (
        "ImageWidth : 4000\nImageHeight : 3000\nXResolution : 300\nResolutionUnit : inches\nCaption-Abstract : A dog."
    )
    record = parse_block(block)
    assert (record.width_px, record.height_px, record.dpi, record.caption) == (4000, 3000, 300, "A dog.")


def test_article_pasted_right_under_the_caption_is_not_caption():
    article = "As Moscow prepares for possible negotiations with Washington, it is seeking more. " * 10
    record = parse_block(
        "Putin meets envoys in the Kremlin in Moscow, Russia.\n" + article.strip() + "\n1880 x 1160 px, 150 dpi"
    )
    assert record.caption == "Putin meets envoys in the Kremlin in Moscow, Russia."


@pytest.mark.parametrize("separator", [" / ", " | ", " // "])
def test_inline_bilingual_caption_keeps_the_first_language(separator):
    record = parse_block(f"Ein Hund läuft über den Strand.{separator}A dog runs along the beach.")
    assert record.caption == "Ein Hund läuft über den Strand."
    assert record.language == "de"


def test_slash_inside_one_language_is_kept():
    record = parse_block("Models show the Spring / Summer collection during the fashion week in Milan, Italy.")
    assert record.caption == "Models show the Spring / Summer collection during the fashion week in Milan, Italy."


def test_a_caption_mentioning_dpi_is_not_a_size_line():
    record = parse_block(
        "A scanner digitises old negatives at 4000 dpi in the archive of the museum.\n3000 x 2000 px, 300 dpi"
    )
    assert record.caption.startswith("A scanner digitises")
    assert record.dpi == 300


def test_the_parser_and_the_core_are_pure_python_without_django():
    import subprocess
    import sys

    pure = "captions.ingest, captions.ingest.pipeline, " + ", ".join(
        f"captions.core.{name}" for name in ("dates", "dimensions", "places", "text", "textfiles", "vocabulary")
    )
    code = f"import sys, {pure}; print(sorted(m for m in sys.modules if m.split('.')[0] == 'django'))"
    result = subprocess.run(
        [sys.executable, "-c", code],
        cwd=Path(__file__).resolve().parent.parent,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[]"


def test_getty_page_with_values_under_their_labels():
    block = (
        "Opening Ceremony - Olympic Games Paris 2024: Day 0\n"
        "PARIS, FRANCE - JULY 26: Fireworks light up the Eiffel Tower on July 26, 2024 in Paris, France. (Photo by "
        "Ana Ribeiro/Getty Images)\n"
        "Credit:\nAna Ribeiro / Staff\nEditorial #:\n2164501234\nCollection:\nGetty Images Sport\nDate created:\n"
        "July 26, 2024\n"
        "Upload date:\nJuly 27, 2024\nLicense type:\nRights-managed\nRelease info:\nNot released. More information\n"
        "Object name:\n2164501234\nMax file size:\n6000 x 4000 px (20.00 x 13.33 in) - 300 dpi - 9 MB"
    )
    record = parse_block(block)
    assert record.headline == "Opening Ceremony - Olympic Games Paris 2024: Day 0"
    assert (record.credit, record.source_id, record.supplier) == ("Ana Ribeiro / Staff", "2164501234", "Getty Images")
    assert (record.width_px, record.dpi, record.print_height_in) == (6000, 300, 13.33)
    assert record.caveats == ["no_model_release"] and record.problems == []
    assert record.date_start == date(2024, 7, 26)


@pytest.mark.parametrize("line", ["3000 x 2400, 300 DPI", "3,000 × 2,400 - 300 dpi"])
def test_a_bare_pair_beside_a_dpi_is_the_pixel_size(line):
    record = parse_block(f"Workers assemble engines in Detroit, Michigan, circa 1943.\n{line}")
    assert (record.width_px, record.height_px, record.dpi) == (3000, 2400, 300)


@pytest.mark.parametrize(
    "notice, language_offset",
    [
        ("EMBARGOED UNTIL 00:01 GMT, June 12, {year}", timedelta(0)),
        ("Sperrfrist: 12.06.{year}, 18:00 Uhr MESZ", timedelta(hours=2)),
        ("Embargo jusqu'au 12 juin {year} à 00h01 CEST", timedelta(hours=2)),
    ],
)
def test_an_embargo_still_to_come_is_read(notice, language_offset):
    # The usual case: the embargo lies ahead. A future date is a problem for a shoot date,
    # never for an embargo.
    year = datetime.now().year + 1
    record = parse_block(f"A dog.\n1200 x 800 px, 300 dpi\n{notice.format(year=year)}")
    assert record.embargo_until is not None
    assert record.embargo_until.year == year and record.embargo_until.utcoffset() == language_offset
    assert "embargo" in record.caveats and "future_date" not in record.problems


def test_an_impossible_embargo_date_is_not_invented():
    record = parse_block("A dog.\n1200 x 800 px, 300 dpi\nEmbargoed until 31 February 2030 00:01 GMT")
    assert record.embargo_until is None and "embargo" in record.caveats


def test_a_mismatch_names_the_derived_size_rounded_as_everywhere_else():
    # 3735 px at 300 dpi = 12.45 in, which the preview's derived-size row shows as 12.5.
    record = parse_block("A dog in Berlin, Germany.\n3735 x 2490 px | 13 x 8.3 inches | 300 dpi")
    assert record.problem_details["print_size_mismatch"] == "Stated width 13 in, but 3735 px at 300 dpi print 12.5 in"


@pytest.mark.parametrize(
    "caption, notice, moment",
    [
        (
            "A dog runs along the beach.",
            "Embargoed until 5pm BST on 12 June 2025",
            datetime(2025, 6, 12, 17, 0, tzinfo=timezone(timedelta(hours=1))),
        ),
        (
            "A dog runs along the beach.",
            "EMBARGOED UNTIL 11 A.M. EST JUNE 12, 2025",
            datetime(2025, 6, 12, 11, 0, tzinfo=timezone(timedelta(hours=-5))),
        ),
        (
            "A dog runs along the beach.",
            "Embargoed until 5 p.m. EDT, June 12, 2025",
            datetime(2025, 6, 12, 17, 0, tzinfo=timezone(timedelta(hours=-4))),
        ),
        (
            "A dog runs along the beach.",
            "Embargoed until 12 a.m. GMT, June 12, 2025",
            datetime(2025, 6, 12, 0, 0, tzinfo=UTC),
        ),
        (
            "Ein Hund läuft über den Strand.",
            "Sperrfrist: 12. Juni 2025, 17 Uhr MESZ",
            datetime(2025, 6, 12, 17, 0, tzinfo=timezone(timedelta(hours=2))),
        ),
        (
            "Un chien court sur la plage.",
            "Embargo jusqu'au 12 juin 2025 à 17h CEST",
            datetime(2025, 6, 12, 17, 0, tzinfo=timezone(timedelta(hours=2))),
        ),
        (
            "Un perro corre por la playa.",
            "Embargo hasta el 12 de junio de 2025 a las 17 horas CEST",
            datetime(2025, 6, 12, 17, 0, tzinfo=timezone(timedelta(hours=2))),
        ),
    ],
)
def test_an_embargo_at_a_whole_hour_keeps_its_hour(caption, notice, moment):
    # "5pm", "17 Uhr", "17h": an hour without minutes is the usual way to write it. Read as
    # midnight, the embargo would lift up to a day early.
    record = parse_block(f"{caption}\n1200 x 800 px, 300 dpi\n{notice}")
    assert record.embargo_until == moment
    assert record.embargo_until.utcoffset() == moment.utcoffset()


@pytest.mark.parametrize(
    "caption, notice, moment",
    [
        (
            "A dog runs along the beach.",
            "EMBARGOED UNTIL 0001 GMT THURSDAY 4 MARCH",
            datetime(2027, 3, 4, 0, 1, tzinfo=UTC),
        ),
        (
            "A dog runs along the beach.",
            "Embargoed until 00:01 GMT Thursday, March 4",
            datetime(2027, 3, 4, 0, 1, tzinfo=UTC),
        ),
        (
            "Ein Hund läuft über den Strand.",
            "Sperrfrist: 4. März, 18:00 Uhr MEZ",
            datetime(2027, 3, 4, 18, 0, tzinfo=timezone(timedelta(hours=1))),
        ),
        (
            "A dog runs along the beach.",
            "Embargoed until 00:01 GMT, December 20",  # just passed
            datetime(2026, 12, 20, 0, 1, tzinfo=UTC),
        ),
    ],
)
def test_an_embargo_without_a_year_is_the_nearest_such_day(caption, notice, moment):
    # Wire notices often leave the year out. Dropping the date released the photo at once.
    record = parse_block(f"{caption}\n1200 x 800 px, 300 dpi\n{notice}", today=date(2027, 1, 10))
    assert record.embargo_until == moment


@pytest.mark.parametrize(
    "notice, moment",
    [
        ("Embargoed until 5:00 p.m. ET, March 4, 2027", datetime(2027, 3, 4, 22, 0, tzinfo=UTC)),  # EST
        ("EMBARGOED UNTIL 12:01 A.M. ET JUNE 12, 2027", datetime(2027, 6, 12, 4, 1, tzinfo=UTC)),  # EDT
        ("Embargoed until 9:00 PT, June 12, 2027", datetime(2027, 6, 12, 16, 0, tzinfo=UTC)),
    ],
)
def test_an_embargo_in_us_eastern_or_pacific_time_is_not_read_as_utc(notice, moment):
    # "ET" is how US press notices give the zone; read as UTC the photo came out 4-5 hours early.
    record = parse_block(f"A dog runs along the beach.\n1200 x 800 px, 300 dpi\n{notice}")
    assert record.embargo_until == moment


def test_a_french_et_is_no_time_zone():
    record = parse_block(
        "Un chien court sur la plage.\n1200 x 800 px, 300 dpi\nEmbargo jusqu'au 12 juin 2027 à 10h00 et pas avant"
    )
    assert record.embargo_until == datetime(2027, 6, 12, 10, 0, tzinfo=timezone(timedelta(hours=2)))
    shouting = parse_block(
        "Un chien court sur la plage.\n1200 x 800 px, 300 dpi\nEMBARGO JUSQU'AU 12 JUIN 2027 À 10H00 ET PAS AVANT"
    )
    assert shouting.embargo_until == datetime(2027, 6, 12, 10, 0, tzinfo=timezone(timedelta(hours=2)))


# --- places from the gazetteer and the place slot (issue 15) -------------------------------


@pytest.mark.parametrize(
    "caption, place",
    [
        # a place and a phrase saying where it lies
        (
            "Volunteers recover a body at a beach near Cutro, southern Italy, Sunday, Feb. 26, 2023.",
            ("Cutro", None, "Italy", "IT"),
        ),
        (
            "Police stand guard in Conflans-Sainte-Honorine, northwest of Paris, on October 16, 2020.",
            ("Conflans-Sainte-Honorine", None, "France", "FR"),
        ),
        (
            "A visitor poses at the expo in Harbin, northeast China's Heilongjiang Province, May 7, 2023.",
            ("Harbin", "Heilongjiang", "China", "CN"),
        ),
        # City, Region[, Country], regions of any country (ISO 3166-2 through pycountry)
        (
            "Heavy smog in Harbin, Heilongjiang province, China, 21 October 2013.",
            ("Harbin", "Heilongjiang", "China", "CN"),
        ),
        (
            "Hikers rest at Montenvers, Chamonix-Mont-Blanc, Haute-Savoie.",
            ("Chamonix-Mont-Blanc", "Haute-Savoie", "France", "FR"),
        ),
        ("Fans celebrate in Belém, Pará, on Sunday.", ("Belém", "Pará", "Brazil", "BR")),
        ("Fans celebrate in München, Bayern, on Sunday.", ("München", "Bayern", "Germany", "DE")),
        # a major city of the gazetteer alone implies its country; a small one does not
        ("Commuters wait for a train in Ürümqi on Monday morning.", ("Ürümqi", None, "China", "CN")),
        ("Commuters wait for a train in Nowhereville on Monday morning.", (None, None, None, None)),
        # the slot naming its country wins over a later city alone
        (
            "Fans react at the Fan Fest in Salvador, Brazil, 17 June 2014. The match in Fortaleza ended 0-0.",
            ("Salvador", None, "Brazil", "BR"),
        ),
        # a place inside a city is not the city
        (
            "A soap bubble reflects the tower at Namsan Park in Seoul, South Korea.",
            ("Seoul", None, "South Korea", "KR"),
        ),
    ],
)
def test_the_place_slot_reads_where_a_place_lies(caption, place):
    record = parse_block(caption)
    assert (record.city, record.region, record.country, record.country_code) == place
    assert record.sublocation is None  # never guessed from free text


# --- one reader for every record syntax; credits and markers as data (issue 15, item 2) ------


def test_a_record_on_one_line_is_read_field_by_field():
    record = parse_block(
        "Référence : SPA 2 Z 29BIS Légende : Photographes, couvrant le 14 juillet 1915 près de l'Arc de Triomphe. "
        "Date : 14 juillet 1915 Photographe : Fortin. Lieu : Paris Copyright : ECPAD."
    )
    assert record.caption == "Photographes, couvrant le 14 juillet 1915 près de l'Arc de Triomphe."
    assert (record.date_start.isoformat(), record.city, record.country_code) == ("1915-07-14", "Paris", "FR")
    assert record.credit == "Fortin" and record.language == "fr"


def test_a_dpa_size_line_with_bars_gives_pixels_dpi_and_print_size():
    record = parse_block(
        "Scholz spricht im Bundestag.\nBildnummer: 318245091 | 5568 x 3712 Pixel | 300 dpi | 47,1 x 31,4 cm"
    )
    assert (record.width_px, record.height_px, record.dpi, record.source_id) == (5568, 3712, 300, "318245091")
    assert (record.print_width_cm, record.print_height_cm) == (47.1, 31.4)
    assert record.problems == []


@pytest.mark.parametrize(
    "block",
    [
        "bildnummer: 0059987730\ndatum: 01.01.1900\nfotografen: IMAGO / United Archives\nbreite: 3643\nhoehe: 2460\n"
        "suchtext: J.Morris, Manchester Utd inside right 7th January 1948",
        '{"suchtext": "J.Morris, Manchester Utd inside right 7th January 1948", "bildnummer": "0059987730", '
        '"fotografen": "IMAGO / United Archives", "datum": "01.01.1900", "hoehe": "2460", "breite": "3643"}',
    ],
)
def test_imago_records_as_label_lines_or_json_and_its_placeholder_date(block):
    record = parse_block(block)
    assert record.caption == "J.Morris, Manchester Utd inside right 7th January 1948"
    assert (record.width_px, record.height_px, record.source_id) == (3643, 2460, "0059987730")
    assert record.credit == "IMAGO / United Archives"
    # 01.01.1900 is imago's "no date": the caption's date is used
    assert (record.date_start.isoformat(), record.date_precision) == ("1948-01-07", "day")


def test_an_api_json_record_with_nested_objects():
    block = (
        '{"result": [{"id": "57359450", "headline": "Ole von Beust wird 60", "description": "Ole von Beust spricht '
        'am 28.05.2010 in Hamburg.", "creator": "Maurizio Gambarini", "date_created": "2010-05-28", "credit": '
        '"picture alliance / dpa", "city": "Hamburg", "country": "Deutschland", "max_dimensions": {"width": 3933, '
        '"height": 2661}, "resolutions": {"thumb": {"url": "https://example.org/t"}}}]}'
    )
    record = parse_block(block)
    assert record.caption == "Ole von Beust spricht am 28.05.2010 in Hamburg."
    assert (record.width_px, record.height_px, record.source_id) == (3933, 2661, "57359450")
    assert (record.credit, record.city, record.country_code) == ("picture alliance / dpa", "Hamburg", "DE")


def test_a_commons_information_template():
    block = (
        "=={{int:filedesc}}==\n{{Information\n|description={{fr|1=Caméra d'action sur trépied flexible.}}\n"
        "|date=2024-10-05\n|source={{own}}\n|author=[[User:François de Dijon|François Leblond]]\n}}\n"
        "{{Location|47.32|5.04}}\n\n=={{int:license-header}}==\n{{self|cc-by-sa-4.0}}\n[[Category:GoPro]]"
    )
    record = parse_block(block)
    assert "{{" not in record.caption and "Caméra d'action" in record.caption
    assert (record.credit, record.date_start.isoformat()) == ("François Leblond", "2024-10-05")
    assert record.city is None  # the user's name is no place


@pytest.mark.parametrize(
    "caption, credit, source_id",
    [
        (
            "A panda cub plays in northwest China's Shaanxi Province, Jan. 22, 2021. (Xinhua/Zhang Bowen)",
            "Xinhua/Zhang Bowen",
            None,
        ),
        ("Heavy fog shrouded northeastern China. epa / Hao Bin", "epa / Hao Bin", None),
        ("Un helicóptero sobrevuela La Courneuve, en Francia. YOAN VALAT | EFE", "YOAN VALAT | EFE", None),
        ("The yellow vest protests went on.\nafp.com - Thomas SAMSON", "afp.com - Thomas SAMSON", None),
        ("Rescuers recover a body near Cutro. Picture: AP Photo/Giuseppe Pipita", "AP Photo/Giuseppe Pipita", None),
        (
            "Merkel sitzt neben Kristina Vogel. Bildrechte: picture alliance/dpa | Christoph Soeder",
            "picture alliance/dpa | Christoph Soeder",
            None,
        ),
        ("A view of the damaged building. (REUTERS)", "REUTERS", None),
        (
            "The minister speaks. Ukrainian Presidential Press Service/Handout via REUTERS",
            "Ukrainian Presidential Press Service/Handout via REUTERS",
            None,
        ),
        ("Die Feuerwehr löscht den Brand in Köln. (enz)", "enz", None),
        (
            "Protesters march in London, Britain, May 4, 2024. REUTERS/Hannah McKay RTS9XQ2K",
            "REUTERS/Hannah McKay",
            "RTS9XQ2K",
        ),
        ("<p>Runners take part in the race. REUTERS/Daniel Becerril</p>", "REUTERS/Daniel Becerril", None),
        ("Merkel arrives. REUTERS/Fabrizio Bensch (GERMANY - Tags: POLITICS", "REUTERS/Fabrizio Bensch", None),
    ],
)
def test_credit_lines_of_any_agency_in_the_data(caption, credit, source_id):
    record = parse_block(caption)
    assert record.credit == credit
    assert record.source_id == source_id
    assert credit.split()[0] not in record.caption
    assert "truncated_text" not in record.problems


def test_a_credit_with_life_dates_is_whole():
    record = parse_block("Farmers harvest wheat near Ulm.\nFotograf: Hans Lindner (1902–1971)")
    assert record.credit == "Hans Lindner (1902–1971)" and "truncated_text" not in record.problems


def test_a_bulleted_label_list():
    record = parse_block("A rally in Paris.\n- Location: Paris, France\n- Event date: 22.05.2018\n- Credit: Sputnik")
    assert (record.credit, record.city, record.date_start.isoformat()) == ("Sputnik", "Paris", "2018-05-22")


def test_exiftool_image_number_is_the_camera_counter_not_the_id():
    block = (
        "Image Number                    : 4711\nCaption-Abstract                : A dog.\n"
        "Image Width                     : 100\nImage Height                    : 100"
    )
    assert parse_block(block).source_id is None
    assert parse_block("Image number: 2R4X9KJ\nCaption: A dog.").source_id == "2R4X9KJ"


def test_a_notice_inside_a_copyright_field_is_a_caveat_and_its_cut_is_truncation():
    record = parse_block("A dog in a park.\nCopyright: Jane Doe, editorial use only, not for commerc")
    assert record.credit == "Jane Doe"
    assert record.caveats == ["editorial_only"]
    assert "truncated_text" in record.problems
    whole = parse_block("A dog in a park.\nCredit: Jane Doe / Agency, Editorial use only.")
    assert (whole.credit, whole.caveats, "truncated_text" in whole.problems) == (
        "Jane Doe / Agency",
        ["editorial_only"],
        False,
    )


@pytest.mark.parametrize(
    "block, source_id",
    [
        ("Référence : SPA 2 Z 29BIS\nLégende : Photographes devant l'Arc de Triomphe.", "SPA 2 Z 29BIS"),
        ("Nº Inventario: F-0699\nTítulo: Retrato de estudio.", "F-0699"),
        ("Inventarnummer: SM 2013-2890,25\nTitel: Kurfürstendamm.", "SM 2013-2890,25"),
        ("Image ID: 2R4X9KJ (Alamy)\nCaption: A dog.", "2R4X9KJ"),  # a note after the id is not the id
        ("Reference: see the archive list\nCaption: A dog.", None),  # words are no id
    ],
)
def test_an_archive_reference_of_several_tokens_is_the_id(block, source_id):
    assert parse_block(block).source_id == source_id


# --- agency markers as data (issue 15 leftovers): captions/data/credit_patterns.json -------


@pytest.mark.parametrize(
    "block, caption, credit",
    [
        # a one-word agency tag in parentheses ('agency_marker_suffixes')
        (
            "Workers clean the river bank in Conflans-Sainte-Honorine, northwest of Paris. (APMedia)",
            "Workers clean the river bank in Conflans-Sainte-Honorine, northwest of Paris.",
            "APMedia",
        ),
        ("Fans wave flags outside the stadium. (ZUMAPress)", "Fans wave flags outside the stadium.", "ZUMAPress"),
        # 'Abb.:' opening the caption is a marker ('leading_markers'), closing it a credit label
        ("Abb.: Blick auf den Marktplatz in München, 1960.", "Blick auf den Marktplatz in München, 1960.", None),
        (
            "Der Marktplatz in München, 1960. Abb.: Stadtarchiv München",
            "Der Marktplatz in München, 1960.",
            "Stadtarchiv München",
        ),
        # a credit label left alone once the credit after it was read
        ("Las aves del archipiélago. Foto: EFE/José Jácome.", "Las aves del archipiélago.", "EFE/José Jácome"),
        # no space between the last sentence and 'NAME | AGENCY'
        ("Los patinadores actúan en Tokio.KIYOSHI OTA | EFE", "Los patinadores actúan en Tokio.", "KIYOSHI OTA | EFE"),
    ],
)
def test_agency_markers_and_credit_labels_come_from_the_data(block, caption, credit):
    record = parse_block(block)
    assert (record.caption, record.credit) == (caption, credit)
    assert "truncated_text" not in record.problems


def test_a_stock_library_number_closing_the_caption_is_the_id():
    record = parse_block(
        "Caption-Abstract                : Three corgis side by side outdoors. "
        "Approved by Susan Sprung..Adobe Stock #118102236\n"
        "Rights                          : Tatyana Panova.www.tpanova.ru"
    )
    assert record.caption == "Three corgis side by side outdoors. Approved by Susan Sprung."
    assert (record.source_id, record.credit) == ("118102236", "Tatyana Panova")


def test_imago_reference_tokens_are_neither_caption_nor_credit():
    record = parse_block(
        "Dave Roberts reacts after the game at Dodger Stadium. UnitedArchives00421716 "
        "PUBLICATIONxINxGERxSUIxAUTxONLY Copyright: xKirbyxLeex 20250909_kdl_al2_033"
    )
    assert record.caption == "Dave Roberts reacts after the game at Dodger Stadium."
    assert record.credit == "Kirby Lee"


def test_a_german_keyword_line_is_german_and_not_cut_off():
    record = parse_block("Innenstadt, Weihnachtsmarkt, Glühwein, Besucher, Stände, Lichterketten, Abend, Winter")
    assert record.language == "de" and "truncated_text" not in record.problems


@pytest.mark.parametrize(
    "block, language",
    [
        ("Berlin-Neukölln, Herrmannplatz, Kaufhaus „Karstadt“", "de"),
        ("Façade, ancien hôtel, rue Cléry", "fr"),
        ("Vista panorámica de Valparaíso", "es"),
        ("Happiness, running, jumping, sunlight", "en"),
    ],
)
def test_spelling_decides_the_language_of_a_caption_with_few_stopwords(block, language):
    assert parse_block(block).language == language


@pytest.mark.parametrize(
    "block, language",
    [
        ("Protesters march in Landau in der Pfalz.", "en"),
        ("Snow in Rothenburg ob der Tauber.", "en"),
        ("Flooding in Neustadt an der Weinstraße.", "en"),
        ("Des manifestants défilent à Frankfurt am Main samedi.", "fr"),
        ("Die Altstadt von Alcalá de Henares im Sommer.", "de"),
        ("Kinder spielen in der Schule in Landau in der Pfalz.", "de"),
        ("Schnee in Landau in der Pfalz.", "de"),
    ],
)
def test_the_small_words_of_a_town_name_cast_no_language_vote(block, language):
    # 'in der', 'am', 'ob der', 'de' inside a known town's name belong to the name, not to the
    # sentence; the words around it still decide
    assert parse_block(block).language == language


_EN_PAGE = (
    "{caption} Stock Photo\n\nImage details\n\nContributor:\n\nJane Roe / Alamy Stock Photo\n\nImage ID:\n\n"
    "2AB3CDE\n\nFile size:\n\n20.1 MB (1.2 MB Compressed download)\n\nReleases:\n\nModel - no | Property - no\n\n"
    "Dimensions:\n\n3000 x 2000 px | 25.4 x 16.9 cm | 10 x 6.7 inches | 300dpi\n\nDate taken:\n\n4 May 2022\n\n"
    "More information:\n\nThis image could have imperfections as it’s either historical or reportage."
)
_ES_LABELS = "Pie de foto: {caption}\nAutor: Jane Roe\nFecha: 04/05/2022\nReferencia: AB12CD34\nResolución: 300 ppp"


@pytest.mark.parametrize(
    "page, caption, language",
    [
        (_EN_PAGE, "Die neue Fähre legt zum ersten Mal an der Mole an.", "de"),
        (_EN_PAGE, "Le maire inaugure la nouvelle passerelle du port.", "fr"),
        (_EN_PAGE, "Una vecina riega las flores de su balcón.", "es"),
        (_ES_LABELS, "The ferry docks for the first time at the pier.", "en"),
        (_ES_LABELS, "Die Kinder der Grundschule pflanzen einen Baum.", "de"),
        # false friends: a caption that says nothing of its language leaves it to the labels
        (_EN_PAGE, "Harbour, ferry, pier, 2022", "en"),
        (_ES_LABELS, "Puerto, 2022", "es"),
    ],
)
def test_a_pages_labels_do_not_outvote_the_captions_own_words(page, caption, language):
    # the labels are the language of the site that printed them: a caption in another language
    # with a couple of its own stopwords keeps its language; labels decide only where it is mute
    assert parse_block(page.format(caption=caption)).language == language


_EN_LABELS = "Caption: {caption}\nDate taken: 3 January 2019\nCredit: Jane Roe\nImage ID: AB12CD34"


@pytest.mark.parametrize(
    "caption, language",
    [
        # a short caption with no small word of its language under English labels: its own
        # words' everyday frequency tells its language (SPEC 'language': the caption's)
        ("Fans jubeln.", "de"),
        ("Kinder rodeln.", "de"),
        ("Morata celebra su gol.", "es"),
        # false friends: a caption too short to tell leaves it to the labels
        ("Angela Merkel", "en"),
        ("Berlin, 2019", "en"),
        # ... a name alone is too short to tell, whatever language it was coined in (review of
        # f048dae)
        ("Los Angeles Lakers", "en"),
        ("Puerta del Sol", "en"),
        ("Schloss Neuschwanstein", "en"),
        ("Brandenburger Tor", "en"),
        ("Château de Versailles", "en"),
    ],
)
def test_a_short_caption_tells_its_language_over_the_labels(caption, language):
    assert parse_block(_EN_LABELS.format(caption=caption)).language == language


@pytest.mark.parametrize(
    ("page", "caption", "language"),
    [
        # a name alone under German, French or Spanish labels stays with the labels; a sentence
        # of another language does not
        ("Bildunterschrift: {c}\nAufnahmedatum: 03.01.2019\nFotograf: Jana Roe", "Manchester United", "de"),
        ("Bildunterschrift: {c}\nAufnahmedatum: 03.01.2019\nFotograf: Jana Roe", "Real Madrid", "de"),
        ("Pie de foto: {c}\nFecha: 03/01/2019\nFotógrafo: Juan Roe", "Champs-Élysées", "es"),
        ("Légende : {c}\nDate de prise de vue : 03/01/2019\nPhotographe : Jean Roe", "Manchester United", "fr"),
        ("Légende : {c}\nDate de prise de vue : 03/01/2019\nPhotographe : Jean Roe", "Puerta del Sol", "fr"),
        ("Pie de foto: {c}\nFecha: 03/01/2019\nFotógrafo: Juan Roe", "Fans jubeln.", "de"),
    ],
)
def test_a_name_alone_leaves_the_language_to_the_labels(page, caption, language):
    assert parse_block(page.format(c=caption)).language == language


def test_a_translation_following_without_a_marker_is_cut_off_but_its_date_is_read():
    record = parse_block(
        'Lors du 22e samedi de mobilisation des "gilets jaunes", à Paris - Croix - A demonstrator holds a cross '
        "on April 13, 2019 in Paris, during a demonstration by the yellow vests on the 22nd consecutive Saturday."
    )
    assert record.caption == 'Lors du 22e samedi de mobilisation des "gilets jaunes", à Paris'
    assert (record.language, record.date_start.isoformat()) == ("fr", "2019-04-13")


def test_a_wire_slug_between_title_and_caption_is_not_the_caption():
    record = parse_block(
        "Baumwollpflücker in Xinjiang angekommen\n\nCHINA-XINJIANG-COTTON PICKERS-SPECIAL TRAIN (CN)\n\n"
        "Baumwollpflücker kommen am 8. September 2015 am Südbahnhof von Urumqi an. (Xinhua/Zhao Ge)"
    )
    assert record.caption.startswith("Baumwollpflücker kommen") and record.credit == "Xinhua/Zhao Ge"
    assert record.date_start.isoformat() == "2015-09-08"


def test_a_title_line_over_its_sentence_is_the_headline():
    record = parse_block(
        "Liberté, égalité, brasier et muguet\n"
        "Les manifestants ont défilé de Montparnasse à la Place d'Italie pour la fête du travail à Paris."
    )
    assert record.headline == "Liberté, égalité, brasier et muguet"
    assert record.caption.startswith("Les manifestants")


@pytest.mark.parametrize(
    "block",
    ["Market traders in Belém, Pará", "Market traders in Belém, Pará, Brazil", "Street market, Belém, Pará."],
)
def test_a_region_that_is_also_a_city_alias_stays_the_region(block):
    record = parse_block(block)
    assert (record.city, record.region, record.country_code) == ("Belém", "Pará", "BR")
    assert "truncated_text" not in record.problems


def test_a_catalogue_record_without_colons_is_read_as_labels():
    record = parse_block(
        "Nächtlicher Kurfürstendamm\n\nSammlung\nAbmessungen\nBildmaße H: 31,5 cm B: 46,7 cm\n"
        "Datierung\nBerlin, 1960\nInventarnummer\nSM 2013-2890,30"
    )
    assert (record.date_start.isoformat(), record.source_id) == ("1960-01-01", "SM 2013-2890,30")


def test_a_catalogue_record_with_labels_before_values_takes_its_title_for_the_caption():
    record = parse_block(
        "Museo Museo Cerralbo\nInventario FF04176\nObjeto/Documento Fotografía\n"
        "Título Retrato de grupo en el Salón Confianza\nTécnica Albúmina\n"
        "Datación 1890[ca]-1900[ca]\nUbicación actual\nEn depósito"
    )
    assert (record.caption, record.source_id) == ("Retrato de grupo en el Salón Confianza", "FF04176")
    assert record.city is None  # 'Ubicación actual' is where the print is kept, not a place label


def test_a_caption_opening_with_a_label_word_stays_prose():
    record = parse_block("Location scouts visit the old mill.\nDate night at the cinema.\nTitle fights tonight.")
    assert record.caption.startswith("Location scouts") and record.date_start is None


def test_a_credit_closing_on_an_initial_keeps_its_full_stop():
    assert parse_block("A pool in Seville.\nCreator: Cornell, Ralph D.").credit == "Cornell, Ralph D."


def test_a_pasted_picture_page_keeps_only_its_caption():
    record = parse_block(
        "ITALY-WOMEN/ABUSE\nRTS3IXMK\nJuly 10, 2020\n"
        "A domestic abuse victim sleeps on the sofa in a women's house, in Rome...\nRome, Italy\n"
        "A domestic abuse victim sleeps on the sofa in a women's house run by activists to look after women, "
        "in Rome, Italy, July 8, 2020."
    )
    assert record.caption.startswith("A domestic abuse victim sleeps") and record.caption.count("sofa") == 1
    assert (record.source_id, record.date_start.isoformat(), record.city) == ("RTS3IXMK", "2020-07-08", "Rome")
    assert "truncated_text" not in record.problems


def test_a_date_alone_on_a_line_of_a_record_stays_its_date():
    record = parse_block("014458\n1931-04-14\nProclamación de la Segunda República en Madrid. " + "Manifestación. " * 6)
    assert record.date_start.isoformat() == "1931-04-14"


@pytest.mark.parametrize(
    "caption, place",
    [
        # the region named with its kind after the place (captions/data/place_phrases.json)
        (
            "Des personnes s'amusent dans un parc de la ville de Tengzhou, dans la province chinoise du Shandong "
            "(est de la Chine), le 14 février 2024.",
            ("Tengzhou", "Shandong", "China", "CN"),
        ),
        (
            "Eine Arbeiterin verpackt Blumen in einer Werkstatt im Kreis Longde, dem nordwestchinesischen "
            "Autonomen Gebiet Ningxia der Hui, 29. August 2018.",
            ("Longde", "Ningxia", "China", "CN"),
        ),
        # a country's region without a city
        (
            "A giant panda cub plays at a research center in northwest China's Shaanxi Province, Jan. 22, 2021.",
            (None, "Shaanxi", "China", "CN"),
        ),
        (
            "Aerial photo shows the Baimahu Bridge in Huai'an of east China's Jiangsu Province. The bridge is done.",
            ("Huai'an", "Jiangsu", "China", "CN"),
        ),
        # the kind of the anchor place between the direction and its name
        (
            "Children play in the village of Grigoropolisskaya, northwest of the Russian southern city of "
            "Stavropol, June 25, 2014.",
            ("Grigoropolisskaya", None, "Russia", "RU"),
        ),
        # a slot ends with its sentence; a kind in lower case is no part of the name
        (
            "Manifestation devant le Palais de l'Elysée, à Paris. Faisant suite au livre.",
            ("Paris", None, "France", "FR"),
        ),
        ("An actor practices in Beijing city, China, 28 October 2016. He waits.", ("Beijing", None, "China", "CN")),
    ],
)
def test_place_phrases_of_wire_captions(caption, place):
    record = parse_block(caption)
    assert (record.city, record.region, record.country, record.country_code) == place


def test_labels_alone_on_their_lines_from_two_on():
    record = parse_block(
        "Photographer\nSergio Perez\nLocation\nMADRID, SPAIN\nReuters / Friday, May 13, 2016\n\n"
        "A fire rages at a tire dump near a residential development in Sesena, south of Madrid, Spain, "
        "May 13, 2016. REUTERS/Sergio Perez"
    )
    assert record.caption.startswith("A fire rages") and record.credit == "Sergio Perez"
    assert (record.city, record.country_code, record.date_start.isoformat()) == ("Madrid", "ES", "2016-05-13")


@pytest.mark.parametrize(
    "block, credit, source_id",
    [
        ("Blumen werden verpackt. (Quelle: Xinhua/Guo Xulei)", "Xinhua/Guo Xulei", None),
        ("La visite du chancelier autrichien à Kehrsatz, le 18 septembre.DENIS BALIBOUSE", "DENIS BALIBOUSE", None),
        (
            "Ein Lager in Altglienicke.\nBildrechte: Bundesarchiv, Bild 183-37695-0048 / CC-BY-SA",
            "Bundesarchiv",
            "Bild 183-37695-0048",
        ),
        (
            "Transeúntes por la Puerta del Sol.\nAutor: Azpiazu Imbert, Salvador Ramón de © AMVG-Fondo Azpiazu",
            "Azpiazu Imbert, Salvador Ramón de",
            None,
        ),
    ],
)
def test_credit_parts_that_name_no_one_are_dropped(block, credit, source_id):
    record = parse_block(block)
    assert (record.credit, record.source_id) == (credit, source_id)
    assert "truncated_text" not in record.problems


def test_a_title_line_with_year_and_holder_beside_the_caption():
    record = parse_block(
        "Männer versuchen beim Fingerhakeln den Gegner über den Tisch zu ziehen.\n\n"
        "Männer beim Fingerhakeln, 1983 © Werek"
    )
    assert record.caption == "Männer versuchen beim Fingerhakeln den Gegner über den Tisch zu ziehen."
    assert (record.credit, record.date_start.isoformat(), record.date_precision) == ("Werek", "1983-01-01", "year")


@pytest.mark.parametrize(
    "block",
    [
        "A dog.\nModel Released: No",
        "Un chien.\nAutorisations: Modèle - non | Propriété - non",
        "Un perro.\nAutorizaciones: Modelo - no",
    ],
)
def test_a_missing_model_release_in_any_wording(block):
    assert parse_block(block).caveats == ["no_model_release"]


def test_a_record_in_json_casts_no_language_vote_with_its_keys():
    record = parse_block('{"suchtext": "J.Morris, Manchester Utd inside right 7th January 1948", "bildnummer": "1"}')
    assert record.language == "en"


@pytest.mark.parametrize(
    "caption, place",
    [
        (
            "Recruits undergo training in the district administration building, central Donetsk, "
            "Eastern Ukraine May 18, 2014.",
            ("Donetsk", None, "Ukraine", "UA"),
        ),
        ("People rally in Seoul, South Korea, Aug. 14, 2022.", ("Seoul", None, "South Korea", "KR")),
        (
            "Girls hold hands in Aleppo's Bab al-Hadeed district, Syria, April 7, 2015.",
            ("Aleppo", None, "Syria", "SY"),
        ),
        (
            "Un helicóptero sobrevuela un almacén en La Courneuve, en Francia.",
            ("La Courneuve", None, "France", "FR"),
        ),
        (
            "Londres, Royaume-Uni, 27 avril 2021 : les médecins étudiants prennent une pause.",
            ("Londres", None, "United Kingdom", "GB"),
        ),
    ],
)
def test_more_place_slots(caption, place):
    record = parse_block(caption)
    assert (record.city, record.region, record.country, record.country_code) == place


def test_a_press_photo_archive_page():
    record = parse_block(
        "Pressefoto 53259\nDresden 1957\nDRESDEN 15.06.1957\n"
        "Spaziergang in der historischen Altstadt von Dresden. Im Hintergrund die Ruine des Residenzschlosses.\n"
        "Foto: Klaus Morgenstern\nPressefoto ID: 53259\n"
        "Quell- und Urhebernachweis: © ddrbildarchiv.de/Klaus Morgenstern"
    )
    assert record.caption.startswith("DRESDEN 15.06.1957 Spaziergang") and record.caption.endswith("Residenzschlosses.")
    assert (record.source_id, record.credit) == ("53259", "ddrbildarchiv.de/Klaus Morgenstern")
    assert (record.city, record.country_code, record.date_start.isoformat()) == ("Dresden", "DE", "1957-06-15")


def test_a_dateline_closing_the_caption_gives_place_and_date():
    record = parse_block(
        "Touristen sitzen auf den Bänken am Rande des Alexanderplatzes und beobachten das Treiben.\n"
        "BERLIN 28.03.1970\nSources and credit: © Morgenstern"
    )
    assert record.caption.endswith("Treiben.") and record.credit == "Morgenstern"
    assert (record.city, record.date_start.isoformat()) == ("Berlin", "1970-03-28")


def test_an_original_caption_label_and_a_credit_glued_to_it():
    record = parse_block(
        "Peaceful Life\nOriginal caption: The outbreak of war has not disrupted the peaceful life of the Reich. "
        "Schalke were the champions again. 1939.New York Public Library"
    )
    assert record.caption.startswith("The outbreak") and record.caption.endswith("1939.")
    assert record.credit == "New York Public Library" and "truncated_text" not in record.problems


def test_a_postcode_is_no_part_of_the_town():
    assert parse_block("Une ferme.\nLieu: 19390 Chaumeil, France").city == "Chaumeil"


@pytest.mark.parametrize(
    "caption",
    [
        # a few words after the last full stop: a label or a name the page put after the caption
        'Carl Borgward aus Bremen baute ein Technikimperium auf, das allerdings 1961 in Konkurs ging." Sammlung',
        "On the beach, Avalon Bay, Catalina Island. Copyright 1906. LC-USZ62-76899. bibliographic record",
        # two capitalised words close a title or a name
        "Paris La grande Crue de la Seine de 1910 – Le pont Alexandre III",
    ],
)
def test_a_caption_closing_on_a_name_or_label_is_not_cut_off(caption):
    assert "truncated_text" not in parse_block(caption).problems


def test_an_exiv2_dump_is_read_like_an_exiftool_one():
    record = parse_block(
        "Iptc.Application2.Caption                    String     56  Die Insel Stromboli mit dem Vulkan\n"
        "Iptc.Application2.Program                    String      7  digiKam\n"
        "Exif.Photo.PixelXDimension                   Short       1  200\n"
        "Exif.Photo.PixelYDimension                   Short       1  130\n"
        "Exif.Image.XResolution                       Rational    1  300\n"
        "Exif.Image.ResolutionUnit                    Short       1  inch\n"
        "Iptc.Application2.Credit                     String      8  U.S Navy\n"
        "Iptc.Application2.City                       String     19  Straits of Magellan"
    )
    assert record.caption == "Die Insel Stromboli mit dem Vulkan"
    assert (record.width_px, record.height_px, record.dpi, record.credit) == (200, 130, 300, "U.S Navy")
    assert record.city == "Straits of Magellan"


def test_a_cue_word_says_which_date_is_the_pictures():
    record = parse_block(
        "Soldaten bei der Übernahme von Pferden in der Normandie, aufgenommen im Mai 1943. Die Berichterstattung "
        "schreibt am 29.05.1943 auf der Rückseite des Bildes: Die Wehrmacht kauft Pferde ein."
    )
    assert (record.date_start.isoformat(), record.date_precision) == ("1943-05-01", "month")


def test_a_caption_pasted_twice_is_one_and_a_placeholder_is_none():
    sentence = "Angela Merkel sitzt auf der Bühne neben Kristina Vogel, ehemalige Bahnradsportlerin."
    assert parse_block(f"{sentence} {sentence}").caption == sentence
    assert parse_block("Caption-Abstract                : [...]\nImage Width   : 10").caption == ""


@pytest.mark.parametrize(("opening", "closing"), [("(", ")"), ("[", "]"), ("{", "}")])
def test_words_deep_inside_brackets_are_still_the_caption(opening, closing):
    # the placeholder test ('[...]' is no caption) looks at the whole text: words after 200 or
    # 5,000 brackets are caption text, not an empty caption
    for depth in (300, 5000):
        record = parse_block(opening * depth + "Fans jubeln im Stadion." + closing * depth)
        assert "Fans jubeln im Stadion." in record.caption
    # false friends: brackets and dots alone are still no caption
    assert parse_block(opening * 5000 + "..." + closing * 5000).caption == ""
    # the words without the hundreds of brackets around them
    assert parse_block(opening * 300 + "Fans jubeln im Stadion." + closing * 300).caption == "Fans jubeln im Stadion."
    assert parse_block(opening * 201 + "Berlin, 2019" + closing * 201).caption == "Berlin, 2019"


@pytest.mark.parametrize(
    "block",
    [
        # false friends (review of 065983a): runs of separators or placeholders are no caption
        # text, and what is left with no letter is no caption
        "." * 300,
        "=" * 300 + "1",
        "=" * 300,
        "*" * 250 + " 2019",
        "[...]" * 60,
        "[" * 250 + "..." + "]" * 250,
        "~" * 300 + " 12",
        "_" * 400,
        "…" * 200,
        "(…)" * 80 + " 3",
        "#" * 120 + " 42 " + "#" * 120,
    ],
)
def test_a_run_of_separators_or_placeholders_is_no_caption(block):
    assert parse_block(block).caption == ""


@pytest.mark.parametrize(
    ("block", "caption"),
    [
        # the words after or between such runs are the caption, without the runs
        ("." * 300 + " Fans celebrate in the stadium.", "Fans celebrate in the stadium."),
        ("=" * 300 + " Fans jubeln im Stadion. " + "=" * 300, "Fans jubeln im Stadion."),
        ("[...]" * 60 + " Les supporters fêtent la victoire.", "Les supporters fêtent la victoire."),
        ("~" * 50 + " Los aficionados celebran el gol.", "Los aficionados celebran el gol."),
        # false friends: a writer's ellipsis or four dots stay
        ("Fans celebrate in the stadium...", "Fans celebrate in the stadium..."),
        ("Les supporters attendent le départ....", "Les supporters attendent le départ...."),
    ],
)
def test_words_beside_a_run_of_separators_are_the_caption_without_it(block, caption):
    assert parse_block(block).caption == caption


def test_the_agency_in_a_dateline_is_a_marker_and_the_dateline_stays():
    record = parse_block("BEIJING, 1 septiembre, 2021 (Xinhua) -- El presidente chino se dirige a los participantes.")
    assert record.caption.startswith("BEIJING, 1 septiembre, 2021 -- El presidente")
    wire = parse_block("KYIV, Ukraine (Reuters) - Russian drones hit the city overnight, officials said.")
    assert (wire.caption[:15], wire.city, wire.country_code) == ("KYIV, Ukraine -", "Kyiv", "UA")


def test_a_country_in_parentheses_after_a_name():
    record = parse_block("Las paradisíacas islas Galápagos (Ecuador) no se han escapado de la gripe aviar.")
    assert (record.city, record.country_code) == (None, "EC")
    swiss = parse_block("Ueli Maurer pendant la visite officielle à Kehrsatz (BE), le 18 septembre.")
    assert swiss.country_code != "BE"  # '(BE)' is the canton of Bern, not Belgium


def test_a_credit_line_of_its_own_after_the_caption():
    record = parse_block(
        "Der Schweizer Finanzminister Ueli Maurer ist zurückgetreten. Das Parlament lobt seine Arbeit.\n\n"
        "7. Dezember, Bundeshaus, Bern. Keystone / Peter Clonzer"
    )
    assert record.credit == "Keystone / Peter Clonzer" and record.country_code == "CH"
    assert record.caption.endswith("seine Arbeit.")


def test_a_wiki_template_value_keeps_what_it_states():
    record = parse_block(
        "{{Information\n|description={{en|1=2nd Baumanskaya Street 1 k1}}\n|source={{own}}\n"
        "|author={{Creator:Artem Svetlov}}\n|date={{According to Exif data|2022-07-03|location=Moscow}}\n}}\n"
        "{{Taken with|Pentax K10D|sf=1|own=1}}"
    )
    assert record.caption == "2nd Baumanskaya Street 1 k1"
    assert (record.credit, record.date_start.isoformat()) == ("Artem Svetlov", "2022-07-03")


def test_a_page_header_of_short_lines_over_the_caption():
    record = parse_block(
        "Manifestation du 1er mai.\n01 mai 2023\nManifestation du 1er mai.\n\n© Marc CHAUMEIL / Divergence\n\n"
        "1er mai 2023. Paris. Place de la Nation. Black bloc affrontant la police et la gendarmerie lors du défilé.\n\n"
        "MC3155025"
    )
    assert record.caption.startswith("1er mai 2023. Paris.") and record.source_id == "MC3155025"
    assert (record.date_start.isoformat(), record.date_precision) == ("2023-05-01", "day")


def test_a_quoted_title_and_a_date_alone_on_its_line():
    record = parse_block('"Transeúntes por la Puerta del Sol de Madrid"\nSignatura: AZP-207/AF0000259\nHacia 1900')
    assert record.caption == "Transeúntes por la Puerta del Sol de Madrid"
    assert (record.date_start.isoformat(), record.approximate) == ("1900-01-01", True)


def test_a_major_city_in_parentheses_is_the_place():
    record = parse_block("Vendedora de pavos en la plaza Santa Cruz (Madrid)")
    assert (record.city, record.country_code) == ("Madrid", "ES")


def test_a_city_named_outside_any_place_phrase_is_the_last_resort():
    dative = parse_block("Der Nebel liegt über Madrid am frühen Morgen des Feiertags.")
    assert (dative.city, dative.country_code) == ("Madrid", "ES")
    paired = parse_block("A cyclist rides home to Ulm, Bavaria from Munich, Germany after the final stage.")
    assert (paired.city, paired.country_code) == ("Munich", "DE")
    building = parse_block("Aviones en la Base Aérea de Zaragoza durante la visita del ministro.")
    assert (building.city, building.country_code) == ("Zaragoza", "ES")
    # a surname, an airport code and a building named after a city are no places
    person = parse_block("Singer Michael Jackson waves to fans before the show.")
    code = parse_block("THE crowd waits. The band plays on.")
    cinema = parse_block("Die Filmbühne Wien ist hell erleuchtet.")
    assert [person.city, code.city, cinema.city] == [None, None, None]


def test_a_record_table_pasted_from_a_catalogue_page():
    record = parse_block(
        "Le maire inaugure le pont neuf sur la Saône. [légende d'origine]\n"
        "Vue prise depuis la rive gauche, la foule au premier plan.\n"
        "Catégories\n| Ouvrages d'art |\n| Ville |\n"
        "| Référence | ABC 12 XY 345 |\n|---|---|\n| Date de début | 14/07/1921 |\n"
        "| Photographe(s) | Jean Martin - |\n| Lieu(x) | Bourgogne - Chalon-sur-Saône - Saône-et-Loire - |\n"
        "| Mention obligatoire | © Jean Martin/Archives municipales |\n"
    )
    assert record.caption == "Le maire inaugure le pont neuf sur la Saône."
    assert (record.source_id, record.date_start.isoformat()) == ("ABC 12 XY 345", "1921-07-14")
    assert (record.credit, record.caveats) == ("Jean Martin/Archives municipales", ["mandatory_credit"])
    assert (record.city, record.region, record.country_code) == ("Chalon-sur-Saône", "Bourgogne", "FR")


def test_a_catalogue_line_whose_value_opens_with_the_copyright_sign():
    record = parse_block(
        "Le port de Marseille au petit matin.\n\nRéférence ABC 9 Z 12\nPhotographe(s) Paul Roux\n"
        "Lieu(x) Provence - Marseille -\nMention obligatoire © Paul Roux/Fonds Roux\n"
    )
    assert (record.credit, record.caveats) == ("Paul Roux/Fonds Roux", ["mandatory_credit"])
    assert (record.city, record.region, record.country_code) == ("Marseille", "Provence", "FR")


def test_json_keys_no_label_names_stay_out_of_the_caption():
    record = parse_block(
        '{"result": [{"id": "123456", "description": "Ein Kran hebt das Dach auf die Halle.", '
        '"subject": [{"name": ".Bau", "rank": 1}, {"name": ".Hamburg", "rank": 2}], "query": "x"}]}'
    )
    assert record.caption == "Ein Kran hebt das Dach auf die Halle."


def test_a_notice_among_comma_separated_phrases_goes_alone():
    record = parse_block("Bildnummer: 0012345678\nSuchtext: Junge springt ins Wasser,model released, Symbolfoto")
    assert record.caption == "Junge springt ins Wasser"


def test_an_id_or_a_file_name_over_the_caption_is_no_caption():
    record = parse_block(
        "(RM) 8812345670\nHARBOUR - FISHING BOATS 1952\n"
        "Fishing boats return to the harbour at dawn while the crews unload the night's catch onto the quay."
    )
    assert record.caption.startswith("Fishing boats return") and record.source_id == "8812345670"
    filed = parse_block("DOCK 3.114.tif\nA steamer leaves the dock at Tilbury while tugs hold the barges back…")
    assert filed.caption.startswith("A steamer leaves") and filed.source_id is None
    numbered = parse_block("991203-N-4421K-007 Sailors man the rails as the ship leaves port, December 3, 1999.")
    assert numbered.caption.startswith("Sailors man") and numbered.source_id == "991203-N-4421K-007"


def test_a_photo_sharing_page_taken_on_line_is_the_date_and_uploaded_on_is_not():
    record = parse_block(
        "Kinder spielen im Hof der Schule, um 1950.\n\n312 views\nUploaded on March 3, 2012\nTaken on June 9, 2011"
    )
    assert record.date_start == date(2011, 6, 9)


def test_a_credit_sentence_closing_the_caption():
    record = parse_block(
        "Sailors man the rails as the ship leaves San Diego. U.S. Navy photo by Seaman John Doe. (RELEASED)"
    )
    assert record.caption == "Sailors man the rails as the ship leaves San Diego."
    assert "John Doe" in record.credit
    assert parse_block("A photo by the river shows boats.").caption == "A photo by the river shows boats."


def test_a_building_before_a_capital_and_a_district_after_its_city():
    record = parse_block("Die Regierung tagt am Mittwoch.\n\n3. Mai, Reichstag, Berlin. Keystone / Anna Muster")
    assert (record.city, record.region, record.country_code) == ("Berlin", None, "DE")
    district = parse_block("Berlin-Spandau, Zitadelle, Westtor")
    assert (district.city, district.country_code) == ("Berlin-Spandau", "DE")
    group = parse_block("Die Mitte-Fraktion stimmt dem Antrag zu.")
    assert group.city is None


def test_a_nested_template_parameter_that_is_a_label():
    record = parse_block(
        "{{Information\n|description={{en|1=Courtyard of a house}}\n"
        "|date={{According to Exif data|2021-05-02|location=Vienna}}\n|author=[[User:Someone|Someone]]\n}}"
    )
    assert (record.city, record.country_code) == ("Vienna", "AT")


def test_a_short_title_without_a_full_stop_is_not_cut_off():
    record = parse_block("Caption: Der Hafen von Lindau mit dem Leuchtturm am Abend, 1950 gemalt")
    assert "truncated_text" not in record.problems
    cut = parse_block("Image Description: Ein Kran\nArtist: Max Mustermann (Agentur Nor")
    assert "truncated_text" in cut.problems


def test_a_mountain_is_no_city_and_a_city_is_placed_by_what_follows_it():
    mountain = parse_block("Hikers rest below the summit at Mount Kazbek, Georgia. REUTERS/Jane Roe")
    assert (mountain.city, mountain.country_code) == (None, "GE")
    cape = parse_block("Fans celebrate at the stadium in Cape Town, South Africa.")
    assert (cape.city, cape.country_code) == ("Cape Town", "ZA")
    placed = parse_block("NBA, Basketball Herren, USA Feb 2, 2024 Boston, Massachusetts, USA Celtics guard shoots.")
    assert (placed.city, placed.region, placed.country_code) == ("Boston", "Massachusetts", "US")
    country_only = parse_block("Arbeiter kommen am Bahnhof von Chengdu an. Die Ernte in China beginnt.")
    assert (country_only.city, country_only.country_code) == ("Chengdu", "CN")


def test_a_catalogue_page_opening_with_its_photographer_and_life_dates():
    record = parse_block(
        "Gómez Ruiz, Ana\n\n\nSevilla, 1901 - 1975\n\nMercado de flores en la plaza Nueva (Sevilla)\n\n"
        "Fecha: 1931\nMedidas imagen: 180 x 240 mm\nDerechos: © Archivo Municipal"
    )
    assert record.caption == "Mercado de flores en la plaza Nueva (Sevilla)"
    assert (record.credit, record.city, record.country_code) == ("Gómez Ruiz, Ana", "Sevilla", "ES")
    # an object measured without pixels, dpi or a word of printing states no print size
    assert (record.print_width_cm, record.print_height_cm) == (None, None)
    printed = parse_block("A harbour at dawn.\nPrint size: 20 x 30 cm")
    assert (printed.print_width_cm, printed.print_height_cm) == (20.0, 30.0)


def test_a_library_record_copyright_year_and_reproduction_number_after_the_description():
    record = parse_block(
        "Fishing boats at the pier, Santa Cruz, Calif. Copyright 1908. Prints and Photographs Division.\n"
        "LC-USZ62-12345.\nbibliographic record"
    )
    assert record.caption == "Fishing boats at the pier, Santa Cruz, Calif."
    assert (record.source_id, record.date_start) == ("LC-USZ62-12345", date(1908, 1, 1))


def test_a_museum_record_with_an_inventory_number_takes_its_title():
    record = parse_block(
        "Vista del puerto\n\nNúm. inventario: 12345F\n\nTítulo: Barcas en la playa\n\nAutor: Juan Pérez\n\n"
        "Sobre la arena, barcas de pesca y redes tendidas al sol."
    )
    assert record.caption == "Barcas en la playa"


def test_a_source_in_brackets_and_a_photographer_sentence_end_the_description():
    record = parse_block(
        "Blick auf das Rathaus am Markt, Aufnahmedatum unbekannt, vielleicht um 1962 [stadtarchiv]. "
        "Im Krieg war das Rathaus schwer beschädigt worden, der Wiederaufbau dauerte bis 1958."
    )
    assert record.caption == "Blick auf das Rathaus am Markt, Aufnahmedatum unbekannt, vielleicht um 1962."
    assert (record.credit, record.date_start, record.approximate) == ("stadtarchiv", date(1962, 1, 1), True)
    assert parse_block("He wrote [sic]. The letter was never sent, and the house was sold.").credit is None
    shop = parse_block(
        "Boutique, 12 rue des Lombards, Paris, 1908. Photographie de Jean Roux (1860-1931). "
        "Musée de la ville. Un certificat vous sera envoyé."
    )
    assert (shop.caption, shop.credit) == ("Boutique, 12 rue des Lombards, Paris, 1908.", "Jean Roux")


def test_credits_written_after_the_caption_without_a_separator_of_their_own():
    glued = parse_block("Niños juegan en la fuente de la plaza Mayor (Salamanca).Ana Pérez (EFE)")
    assert (glued.caption, glued.credit) == (
        "Niños juegan en la fuente de la plaza Mayor (Salamanca).",
        "Ana Pérez EFE",
    )
    unstopped = parse_block("Kinder spielen im Schnee am Stadtrand Foto: picture-alliance/ dpa")
    assert (unstopped.caption, unstopped.credit) == ("Kinder spielen im Schnee am Stadtrand", "picture-alliance/ dpa")
    wire = parse_block(
        "412345678 - Keystone-ATS/Anna Muster - Des skieurs attendent le télésiège à Verbier, 3 mars 2021"
    )
    assert (wire.source_id, wire.credit) == ("412345678", "Keystone-ATS/Anna Muster")
    assert wire.caption.startswith("Des skieurs attendent")
    assert parse_block("Portrait of Hans Lindner (1902–1971)").credit is None


def test_a_region_and_country_heading_the_caption_place_its_town():
    record = parse_block(
        "Ohio, Estados Unidos\n"
        "Una mujer vota en un colegio electoral instalado en una iglesia en Dayton durante la jornada de hoy. "
        "Siga el blog\n"
        "Fotografía: Ana Pérez / AP"
    )
    assert record.caption.startswith("Una mujer vota")
    assert (record.city, record.region, record.country_code) == ("Dayton", "Ohio", "US")
    several = parse_block("Soldaten hissen die Fahne über dem Reichstag Foto: tass Anna Muster/tass/dpa")
    assert several.credit == "tass Anna Muster/tass/dpa"


def test_a_nul_character_inside_a_wiki_description_is_no_language_mark():
    record = parse_block("{{Information\n|description={{en|1=Algoma\x00 Steel mill}}\n|date=2001\n}}")
    assert record.caption == "Algoma Steel mill"
    assert parse_block("{{Information\n|description=\x00en\x00 a mill}}").caption is not None


def test_trailing_credits_and_markers_of_wires_libraries_and_web_pages_leave_the_caption():
    german_ap = parse_block("Kinder laufen über den zugefrorenen See im Stadtpark. (AP-Foto/Anna Muster)")
    assert (german_ap.caption, german_ap.credit) == (
        "Kinder laufen über den zugefrorenen See im Stadtpark.",
        "AP-Foto/Anna Muster",
    )
    # a label without a colon before the credit, and a lone label left once the credit was read
    bare = parse_block("Le marché aux fleurs sur le quai, le 3 mai 1931. Ph. Studio Lévy - DR - Coll. Musée Vert")
    assert (bare.caption, bare.credit) == (
        "Le marché aux fleurs sur le quai, le 3 mai 1931.",
        "Studio Lévy - DR - Coll. Musée Vert",
    )
    keystone = parse_block("Des skieurs au départ de la course, le 2 février 1948. Photo KEYSTONE / Archiv-Muster")
    assert (keystone.caption, keystone.credit) == (
        "Des skieurs au départ de la course, le 2 février 1948.",
        "KEYSTONE / Archiv-Muster",
    )
    # a web page's link text and a credit sentence holding full stops and the picture's date
    flickr = parse_block("Two boys fishing from the pier. Photo by Acme News Co., 1931 June 4. // View in Flickr")
    assert (flickr.caption, flickr.credit) == ("Two boys fishing from the pier.", "Acme News Co.")
    assert flickr.date_start == date(1931, 6, 4)
    initials = parse_block("A parade in the main street. Photo by Jane Roe for U.S. Daily News, 1952 May 1.")
    assert (initials.caption, initials.credit) == ("A parade in the main street.", "Jane Roe for U.S. Daily News")
    # a wire's reference to its story after the credit, a stock page's title suffix
    story = parse_block(
        "Der Bürgermeister spricht am 02.05.2012 im Rathaus. Foto: Anna Muster/dpa "
        "(zu dpa «Bürgermeister tritt zurück» vom 03.05.2012) +++ dpa-Bildfunk +++"
    )
    assert (story.caption, story.credit) == ("Der Bürgermeister spricht am 02.05.2012 im Rathaus.", "Anna Muster/dpa")
    stock = parse_block("Des cyclistes traversent le pont au lever du soleil. Jean Dupont/Agence Nord Banque D'Images")
    assert (stock.caption, stock.credit) == (
        "Des cyclistes traversent le pont au lever du soleil.",
        "Jean Dupont/Agence Nord",
    )
    assert parse_block("The company moved its offices in 1990. Frankfurt/Main").credit is None


def test_a_credit_after_von_or_by_in_a_line_of_its_own_below_the_caption():
    record = parse_block(
        "Sprung ins Wasser: Ein Junge springt vom Steg in den Badesee.\n\n"
        "Starnberg, von Anna Muster/dpa, publiziert am 2. Juli"
    )
    assert (record.caption, record.credit) == (
        "Sprung ins Wasser: Ein Junge springt vom Steg in den Badesee.",
        "Anna Muster/dpa",
    )
    assert parse_block("A portrait painted by Anna Muster/Berlin, 1920.").credit is None


def test_a_story_line_under_a_stock_caption_is_its_event_place_and_date_not_its_text():
    record = parse_block(
        "Mandatory Credit: Photo by Jane Roe/Shutterstock (12345678b)\n"
        "Anna Muster\n"
        "The Spring Film Gala, Red Carpet, Toronto, Canada - 12 Apr 2019"
    )
    assert record.caption == "Anna Muster"
    assert (record.city, record.country_code, record.date_start) == ("Toronto", "CA", date(2019, 4, 12))
    # a caption sentence states its own date and place: they win over the story line's
    sentence = parse_block(
        "Anna Muster arrives at the gala in Toronto, Canada on April 11, 2019.\n"
        "The Spring Film Gala, Red Carpet, Montreal, Canada - 12 Apr 2019"
    )
    assert sentence.caption == "Anna Muster arrives at the gala in Toronto, Canada on April 11, 2019."
    assert (sentence.city, sentence.date_start) == ("Toronto", date(2019, 4, 11))
    # a wrapped caption line ending on a date after a dash stays (a full stop before the dash)
    wrapped = parse_block(
        "Skaters on the frozen canal in Ottawa.\nThe ice was thick enough to skate, Sunday. - 12 Jan 2019"
    )
    assert wrapped.caption.endswith("- 12 Jan 2019")


def test_a_picture_library_byline_source_and_archive_intro_leave_the_caption():
    record = parse_block(
        "Aus dem Stadt-Archiv: Marktfrauen vor dem Rathaus (1912) – von Anna Muster (Anna Maria Muster) "
        "Quelle: Stadtarchiv Musterstadt/Anna Muster"
    )
    assert (record.caption, record.credit) == (
        "Marktfrauen vor dem Rathaus (1912)",
        "Stadtarchiv Musterstadt/Anna Muster",
    )
    assert "truncated_text" not in record.problems
    english = parse_block("From the archives: Dockers unload bananas at the quay (1936) - by Jane Roe")
    assert (english.caption, english.credit) == ("Dockers unload bananas at the quay (1936)", "Jane Roe")


def test_a_name_line_over_its_credit_line_and_a_page_parenthesis_are_not_caption():
    record = parse_block(
        "( Rue des Lombards, boutique d'un marchand de vin, mars 1908\nJean Roux\n© Jean Roux / Musée de la Ville / )"
    )
    assert (record.caption, record.credit) == (
        "Rue des Lombards, boutique d'un marchand de vin, mars 1908",
        "Jean Roux / Musée de la Ville",
    )
    assert "truncated_text" not in record.problems
    # a name line that is no credit's stays in the caption
    kept = parse_block("Harbour at dawn\nJean Roux\n© Musée de la Ville")
    assert kept.caption == "Harbour at dawn Jean Roux"


def test_a_caption_without_its_full_stop_is_whole_when_a_credit_follows_it():
    inline = parse_block(
        "Kinder spielen am Nachmittag im frisch gefallenen Schnee auf dem großen Platz vor dem alten Rathaus "
        "Foto: Anna Muster/dpa"
    )
    assert "truncated_text" not in inline.problems
    next_line = parse_block(
        "Niños juegan por la tarde en la nieve recién caída en la gran plaza frente al antiguo ayuntamiento\n"
        "Fotografía: Ana Pérez / EFE"
    )
    assert "truncated_text" not in next_line.problems
    alone = parse_block(
        "Kinder spielen am Nachmittag im frisch gefallenen Schnee auf dem großen Platz vor dem alten Rathaus der Stad"
    )
    assert "truncated_text" in alone.problems


@pytest.mark.parametrize(
    "caption, language",
    [
        # only words French and Spanish share as stopwords: spelling and content words decide
        ("Un grupo de gente baila en la plaza de Sevilla.", "es"),
        ("Un défilé de mode en plein air à Lyon.", "fr"),
        # a month name is one language's
        ("Kiosque, place Carnot, septembre 1901", "fr"),
        ("Quiosco en la plaza Mayor, noviembre 1931", "es"),
        # imago's German keywords under an English word
        ("Jane Roe 04 88 her Frau Musik hoch ganz stehend", "de"),
    ],
)
def test_short_captions_are_read_in_their_language(caption, language):
    assert parse_block(caption).language == language


def test_a_translation_glued_to_the_full_stop_is_cut_and_reuters_desk_tags_leave_the_credit():
    record = parse_block(
        "12 de mayo: Un grupo de bomberos apaga un incendio en el bosque cerca de la ciudad de Cuenca, España."
        "A group of firefighters put out a fire in the forest near the city of Cuenca, Spain, May 12, 2021. "
        "REUTERS/Ana Pérez/File Photo TPX IMAGES OF THE DAY SEARCH “FIRES” FOR THIS STORY. SEARCH “REUTERS POY” "
        "FOR ALL BEST OF 2021 PACKAGES."
    )
    assert record.caption.endswith("cerca de la ciudad de Cuenca, España.")
    assert (record.language, record.credit) == ("es", "REUTERS/Ana Pérez")


def test_a_block_without_a_caption_is_in_the_language_of_its_place_names():
    record = parse_block("[IPTC] City : Sevilla\n[XMP] Country : España")
    assert (record.caption, record.language) == ("", "es")


def test_web_page_credit_labels_wire_spellings_and_a_field_run_on_after_the_caption():
    page = parse_block(
        "Copyright de l’image Jean Dupont/AFP Image caption Des manifestants défilent dans le centre de Lyon."
    )
    assert (page.caption, page.credit) == ("Des manifestants défilent dans le centre de Lyon.", "Jean Dupont/AFP")
    spanish_ap = parse_block(
        "Un perro corre por la playa de Valparaíso, Chile, el lunes 3 de abril de 2023. (Foto AP/Ana Pérez)"
    )
    assert spanish_ap.credit == "Foto AP/Ana Pérez"
    assert parse_block("Die Ministerin spricht im Parlament.\nBild: ANNA MUSTER (APA)").credit == "ANNA MUSTER APA"
    comma = parse_block("Blick in den Lesesaal der Bibliothek, Foto: imago images / Anna Muster")
    assert (comma.caption, comma.credit) == ("Blick in den Lesesaal der Bibliothek", "imago images / Anna Muster")
    taken = parse_block("Des enfants jouent dans la neige à Grenoble. Photo prise par Jean Dupont.")
    assert (taken.caption, taken.credit) == ("Des enfants jouent dans la neige à Grenoble.", "Jean Dupont")
    # a labelled field after the last sentence is that field: its date wins over the caption's
    field = parse_block("Dog show at the town hall on 3rd May 1962, the winner with his owner.    Date: 1962")
    assert field.caption == "Dog show at the town hall on 3rd May 1962, the winner with his owner."
    assert (field.date_start, field.date_precision) == (date(1962, 1, 1), "year")
    assert parse_block("He wrote one line. Nothing more: the rest was lost").caption.endswith("the rest was lost")


def test_a_city_and_country_heading_the_caption_are_its_place_not_its_text():
    record = parse_block(
        "Lima, Perú\nVotantes hacen cola ante un colegio electoral del barrio de Miraflores durante la mañana "
        "del domingo en la capital\nFotografía: Ana Pérez / EFE"
    )
    assert record.caption.startswith("Votantes hacen cola")
    assert (record.city, record.country_code) == ("Lima", "PE")


def test_web_page_captions_under_logos_titles_teasers_and_labels():
    titled = parse_block(
        "Site logo\n\n\nMarktstände am Alexanderplatz (Mai 1931)\n\n"
        "Händler bieten am Alexanderplatz Obst und Gemüse an. Die Aufnahme zeigt den Markt am Vormittag, "
        "kurz bevor die Straßenbahn die Haltestelle erreicht.\n\n© Stadtarchiv"
    )
    assert titled.caption.startswith("Händler bieten am Alexanderplatz")
    assert titled.headline == "Marktstände am Alexanderplatz (Mai 1931)"
    teaser = parse_block(
        "El alcalde de la ciudad inauguró el nuevo puente sobre el río Segura junto a los vecinos 3\n"
        "El alcalde de la ciudad inauguró esta mañana el nuevo puente sobre el río Segura, acompañado por "
        "cientos de vecinos que cruzaron a pie la pasarela por primera vez."
    )
    assert teaser.caption.startswith("El alcalde de la ciudad inauguró esta mañana")
    labelled = parse_block(
        "Der Abriss beginnt...\n\nZum Bild:\n\nArbeiter lösen die ersten Segmente aus der Mauer am Bahnhof. "
        "Grenzsoldaten halten die wartenden Menschen zurück.\n\nFotografiert am:\n\n14.11.1989"
    )
    assert labelled.caption.startswith("Arbeiter lösen die ersten Segmente")
    assert labelled.date_start == date(1989, 11, 14) and "truncated_text" not in labelled.problems


def test_a_quotation_in_the_first_language_is_not_cut_as_the_translation():
    record = parse_block(
        "Das Foto zeigt Bauern auf dem Markt in der Stadt, aufgenommen im Mai 1950. Die Zeitung schreibt dazu: "
        '"Die Bauern verkaufen ihre Pferde. Das kraeftige Zugpferd ist bei den Bauern der Gegend sehr beliebt, '
        'so dass die Preise auf dem Markt steigen." This photo shows farmers at the market in the town, taken in '
        'May 1950. The newspaper writes: "The farmers are selling their horses. The strong draft horse is very '
        'popular with the farmers of the region, so that the prices at the market are rising."'
    )
    assert record.caption.endswith('so dass die Preise auf dem Markt steigen."')
    assert record.language == "de"


def test_a_date_closing_the_caption_alone_is_the_pictures_date():
    # a date the text mentions in another year, or without a year of its own, gives way
    later = parse_block(
        "Ein Panzer, nach 1940 erbeutet, steht an der Barrikade in der Rue de Rivoli. Paris, France - 1944"
    )
    assert (later.date_start, later.date_precision) == (date(1944, 1, 1), "year")
    yearless = parse_block("In his speech on March 3rd the mayor opened the new bridge over the river. 1951.")
    assert (yearless.date_start, yearless.date_precision) == (date(1951, 1, 1), "year")
    # a full date within that year stays: it is more precise
    precise = parse_block("The mayor opened the new bridge over the river on 3 March 1951. Bridges - 1951")
    assert precise.date_start == date(1951, 3, 3)


# --- labels glued to the value before them (a page's fields copied without line breaks) ----------


def test_labels_glued_to_the_value_before_them_are_read_as_labels():
    block = (
        "Berlin, Germany. 3rd March, 2021. Cyclists ride past the closed Brandenburg Gate.\n"
        "Image details\n"
        "Contributor:\n"
        "Jane Roe / Example Stock PhotoImage ID:\n"
        "3K9QX7BFile size:\n"
        "22.4 MB (1.1 MB Compressed download)Releases:\n"
        "Model - no | Property - noDo I need a release?Dimensions:\n"
        "4000 x 2667 px | 33.9 x 22.6 cm | 13.3 x 8.9 inches | 300dpiDate taken:\n"
        "3 March 2021More information:\n"
    )
    record = parse_block(block, today=date(2026, 11, 30))
    assert record.credit == "Jane Roe / Example Stock Photo"
    assert record.source_id == "3K9QX7B"
    assert (record.width_px, record.height_px, record.dpi) == (4000, 2667, 300)
    assert record.date_start == date(2021, 3, 3) and record.date_precision == "day"
    assert record.caveats == ["no_model_release"]
    assert record.caption == "Berlin, Germany. 3rd March, 2021. Cyclists ride past the closed Brandenburg Gate."
    assert "truncated_text" not in record.problems and "missing_dpi" not in record.problems


def test_a_label_with_its_gloss_in_brackets_is_that_label():
    block = (
        "Hamburg, Deutschland. Boote im Hafen am Morgen.\n"
        "Bildanbieter:\nMax Muster / Beispiel Stock FotoBild-ID:\nQ1W2E3RDateigröße:\n"
        "12,0 MB (2,0 MB Komprimierter Download)Freigaben (Releases):\n"
        "Model - nein | Eigentum - nein\n"
        "5000 x 3000 px | 42,3 x 25,4 cm | 16,7 x 10 inches | 300dpiAufnahmedatum:\n12. Mai 2022\n"
    )
    record = parse_block(block, today=date(2026, 11, 30))
    assert record.caveats == ["no_model_release"]
    assert record.source_id == "Q1W2E3R" and record.credit == "Max Muster / Beispiel Stock Foto"
    assert record.date_start == date(2022, 5, 12) and record.dpi == 300


def test_a_line_ending_in_a_colon_without_a_glued_known_label_stays_whole():
    from captions.ingest.layout import _glued_label

    assert _glued_label("Image ID:") == ("Image ID:",)  # a whole label line
    assert _glued_label("Interview with McDonald:") == ("Interview with McDonald:",)  # no label inside
    assert _glued_label("Seen at the iPhone launch, they said:") == ("Seen at the iPhone launch, they said:",)
    assert _glued_label("Photo by Jane RoeDate taken:") == ("Photo by Jane Roe", "Date taken:")


@pytest.mark.parametrize(
    ("block", "credit"),
    (
        ("A man walks past the stock exchange in the city.\nCredit: Reuters/Jane Roe/Files", "Reuters/Jane Roe"),
        ("A man walks past the stock exchange in the city. REUTERS/Jane Roe/File", "REUTERS/Jane Roe"),
        ("Fans celebrate after the match in the city. REUTERS/Jane Roe ORG XMIT: XYZ101", "REUTERS/Jane Roe"),
        # 'Archiv' after a slash is stated so
        ("Ein Mann geht über die Brücke. Foto: Jane Roe/dpa/Archiv", "Jane Roe/dpa/Archiv"),
    ),
)
def test_a_wire_desk_tag_or_a_file_marker_after_the_credit_is_no_part_of_it(block, credit):
    record = parse_block(block)
    assert record.credit == credit
    assert record.source_id is None
