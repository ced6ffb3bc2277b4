"""Property tests: the parser keeps its contract for any text at all.

Pure (no database). Hypothesis feeds arbitrary text with control characters, huge numbers,
labels and notices in odd places, and valid blocks cut at random points; every result must
still be a whole record: every SPEC field present with its type, a coherent date interval,
only known codes, sorted.
"""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from captions.ingest import parse_block, parse_blocks
from tests.parser_contract import check_record

VALID_BLOCKS = [
    "Der russische Präsident hält im Kreml ein Treffen ab.\n1880 x 1160 px | 31,8 x 19,6 cm | 12,5 x 7,7 inches | "
    "150dpi\n"
    "Aufnahmedatum:\n2. Dezember 2025\nOrt:\nKremlin, Moscow,russia\nWeitere Informationen:\n"
    "Dieses Bild kann kleinere Mängel aufweisen, da es sich um ein historisches Bild oder ein Reportagebild handelt.",
    "PARIS, FRANCE - JULY 26: Fireworks light up the Eiffel Tower on July 26, 2024 in Paris, France. (Photo by Ana "
    "Ribeiro/Getty Images)\n\n"
    "DETAILS\nRestrictions: Editorial use only.\nCredit: Ana Ribeiro / Staff\nEditorial #: 2164501234\n"
    "Date created: July 26, 2024\n"
    "Release info: Not released. More information\nMax file size: 6000 x 4000 px (20.00 x 13.33 in) - 300 dpi - 9 MB",
    "06.05.2025, Berlin: Merz spricht im Bundestag. Foto: Kay Nietfeld/dpa +++ dpa-Bildfunk +++\n"
    "Sperrfrist: 06.05.2025, 18:00 Uhr MESZ\n5568 x 3712 Pixel, 300 dpi",
    "Image Width : 5472\nImage Height : 3648\nX Resolution : 300\nResolution Unit : inches\n"
    "Caption-Abstract : Fans cheer in London, Britain, September 14, 2024. REUTERS/John Doe\n"
    "Country-Primary Location Name : UK\nSpecial Instructions : EDITORIAL USE ONLY",
    "MADRID, 05/06/2025.- Sánchez interviene en el Congreso. EFE/Juan Carlos Hidalgo\n"
    "Solo uso editorial. Crédito obligatorio.\n"
    "Tamaño: 3.000 x 2.000 píxeles; Resolución: 300 ppp",
]

FRAGMENTS = st.sampled_from(
    [
        "Date taken:",
        "Aufnahmedatum:",
        "Location:",
        "Ort:",
        "Lieu :",
        "Fecha:",
        "Credit:",
        "Bildnummer:",
        "Image ID: 2XK4P7M",
        "x",
        " × ",
        "px",
        "cm",
        "inches",
        "dpi",
        "ppp",
        "|",
        "---",
        "\n",
        "\t",
        ":",
        "(",
        ")",
        "99999999999999999999",
        "0",
        "-1",
        "4.000",
        "3,508",
        "5\u202f472",
        "31,8",
        "1e309",
        "31 February 2019",
        "circa 1945",
        "1960s",
        "undated",
        "Embargo:",
        "CET",
        "MESZ",
        "00:01",
        "Editorial use only",
        "Mandatory Credit",
        "Releases: Model - no",
        "REUTERS/",
        "(AP Photo/",
        "Foto: ",
        "*** ",
        "English: ",
        "...",
        "…",
        "\x00",
        "\x1b",
        "\u202e",
        "\ufeff",
        "\r",
        "Dieses Bild kann kleinere Mängel aufweisen, da es",
    ]
)
HOSTILE_TEXT = st.lists(st.one_of(FRAGMENTS, st.text(max_size=30)), max_size=40).map("".join)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(HOSTILE_TEXT)
def test_any_text_gives_a_whole_record(text):
    check_record(parse_block(text))


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=400))
def test_any_unicode_gives_a_whole_record(text):
    for record in parse_blocks(text):
        check_record(record)


@settings(max_examples=300, deadline=None)
@given(st.sampled_from(VALID_BLOCKS), st.data())
def test_valid_blocks_cut_anywhere_give_whole_records(block, data):
    cut = data.draw(st.integers(min_value=0, max_value=len(block)))
    check_record(parse_block(block[:cut]))


@settings(max_examples=100, deadline=None)
@given(
    st.integers(min_value=0, max_value=10**30),
    st.integers(min_value=0, max_value=10**30),
    st.integers(min_value=-5, max_value=10**25),
)
def test_any_numbers_in_a_size_line_stay_in_range(width, height, dpi):
    record = parse_block(f"A dog.\n{width} x {height} px | 1,5 x 2 cm | {dpi} dpi")
    check_record(record)
    if record.width_px is None:
        assert "missing_dimensions" in record.problems
    if record.dpi is None:
        assert "missing_dpi" in record.problems


@settings(max_examples=50, deadline=None)
@given(
    st.sampled_from(VALID_BLOCKS), st.text(alphabet="\x00\x01\x07\x0b\x1f\x7f\u200b", min_size=1, max_size=5), st.data()
)
def test_control_characters_anywhere_are_harmless(block, junk, data):
    position = data.draw(st.integers(min_value=0, max_value=len(block)))
    check_record(parse_block(block[:position] + junk + block[position:]))
