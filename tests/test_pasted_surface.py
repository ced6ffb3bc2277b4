"""A block reads the same however it travelled: from a web page, a Mac, Windows, a forwarded
mail, a code listing (captions/ingest/surface.py).

Pure tests: no database. The blocks are written for these tests; scripts/perturb_corpus.py runs
the same transformations over the real corpus.
"""

from __future__ import annotations

import unicodedata
from datetime import date

import pytest

from captions.ingest import parse_block, parse_blocks
from captions.ingest.surface import normalise

TODAY = date(2025, 12, 31)

WIRE = """Fischer flicken Netze am Kai von Sète, Frankreich, am 4. Mai 2023. Die Fangquoten werden neu verhandelt.
Foto: Jeanne Müller/dpa
Bildnummer: 318245091 | 5568 x 3712 Pixel | 300 dpi | 47,1 x 31,4 cm
Nur für redaktionelle Verwendung"""

RECORD = """Caption: A café owner in Zürich stacks chairs & tables at closing time.
Credit: Ana García / Keystone
Date taken: 12 March 2021
City: Zürich
Country: Switzerland
Image ID: KEY12345678"""

FIELDS = (
    "caption",
    "width_px",
    "height_px",
    "dpi",
    "date_start",
    "city",
    "country_code",
    "credit",
    "source_id",
    "caveats",
)


def _fields(text: str) -> tuple:
    record = parse_block(text, today=TODAY)
    return tuple(getattr(record, name) for name in FIELDS)


def _every_other_space(text: str, space: str) -> str:
    words = text.split(" ")
    return "".join(word + (space if index % 2 else " ") for index, word in enumerate(words[:-1])) + words[-1]


TRANSFORMATIONS = {
    "windows line ends": lambda text: text.replace("\n", "\r\n"),
    "no-break spaces": lambda text: _every_other_space(text, "\u00a0"),
    "narrow no-break spaces": lambda text: _every_other_space(text, "\u202f"),
    "soft hyphens": lambda text: text.replace("Netze", "Net\u00adze").replace("chairs", "chai\u00adrs"),
    "decomposed accents (a Mac)": lambda text: unicodedata.normalize("NFD", text),
    "a forwarded mail": lambda text: "\n".join("> " + line for line in text.split("\n")),
    "a mail forwarded twice": lambda text: "\n".join("> > " + line for line in text.split("\n")),
    "a code listing's indent": lambda text: "\n".join("    " + line for line in text.split("\n")),
    "blanks at line ends": lambda text: "\n".join(line + " \t" for line in text.split("\n")),
    "HTML line breaks": lambda text: text.replace("\n", "<br>\n"),
    "HTML line breaks only": lambda text: text.replace("\n", "<br/>"),
    "HTML entities": lambda text: text.replace("&", "&amp;").replace("é", "&eacute;").replace("ü", "&#252;"),
    "a byte-order mark and zero-width spaces": lambda text: "\ufeff" + text.replace("\n", "\n\u200b"),
}


@pytest.mark.parametrize("name", sorted(TRANSFORMATIONS))
@pytest.mark.parametrize("block", [WIRE, RECORD], ids=["wire caption", "label record"])
def test_a_block_reads_the_same_however_it_travelled(block, name):
    assert _fields(TRANSFORMATIONS[name](block)) == _fields(block)


def test_the_plain_blocks_read_as_expected():
    # the reference the transformations are held to is itself right
    assert _fields(WIRE)[1:4] == (5568, 3712, 300)
    assert _fields(WIRE)[5:9] == ("Sète", "FR", "Jeanne Müller/dpa", "318245091")
    assert _fields(RECORD)[0] == "A café owner in Zürich stacks chairs & tables at closing time."
    assert _fields(RECORD)[5:9] == ("Zürich", "CH", "Ana García / Keystone", "KEY12345678")


def test_the_record_keeps_the_text_as_received():
    text = "> Fischer in Sète.\r\n> Foto: Jeanne Müller/dpa"
    assert parse_block(text).raw_text == text


def test_blocks_separated_in_a_forwarded_mail_are_still_blocks():
    text = "> Fishermen in Sète, France.\n> ---\n> Farmers near Lyon, France."
    assert [record.city for record in parse_blocks(text)] == ["Sète", "Lyon"]


def test_what_only_looks_like_the_surface_is_kept():
    # a bare '&' is text; a single quoted line among others is no mail quoting; a tab inside a
    # line (a table's cell) stays
    assert normalise("AT&T and Marks & Spencer; R&D") == "AT&T and Marks & Spencer; R&D"
    assert normalise("Caption line\n> 18 years\nCredit: X") == "Caption line\n> 18 years\nCredit: X"
    assert normalise("a\tb\nc\td") == "a\tb\nc\td"
    assert normalise("&notanentity; stays") == "&notanentity; stays"
    assert normalise("a&nbsp;x&amp;y&#x2019;s") == "a x&y\u2019s"


def test_json_with_curled_quotes_from_a_word_processor_is_still_a_record():
    text = (
        "{ \u201cbildnummer\u201d: \u201c0093882934\u201d, \u201csuchtext\u201d: \u201cGirl jumps on a beach\u201d, "
        "\u201cfotografen\u201d: \u201cJane Roe\u201d }"
    )
    record = parse_block(text)
    assert (record.caption, record.source_id, record.credit) == ("Girl jumps on a beach", "0093882934", "Jane Roe")


_FORWARDED = """---------- Forwarded message ---------
From: Picture Desk <desk@example.org>
Date: Mon, 6 May 2024 at 10:12
Subject: Pic for tomorrow
To: <archive@example.org>

Fischer flicken Netze am Kai von Sète, Frankreich, am 4. Mai 2023.
Foto: Jeanne Müller/dpa"""


@pytest.mark.parametrize(
    "separator",
    [
        "---------- Forwarded message ---------",
        "Begin forwarded message:",
        "-------- Weitergeleitete Nachricht --------",
        "-------- Message transféré --------",
        "---------- Mensaje reenviado ---------",
        "-----Original Message-----",
    ],
)
def test_a_forwarded_mails_header_is_no_part_of_the_block(separator):
    for text in (_FORWARDED.replace("---------- Forwarded message ---------", separator),):
        for form in (text, "\n".join("> " + line for line in text.split("\n"))):
            record = parse_block(form, today=TODAY)
            assert record.caption == "Fischer flicken Netze am Kai von Sète, Frankreich, am 4. Mai 2023."
            # the mail's 'Date:' is when it was sent, not when the picture was taken
            assert record.date_start == date(2023, 5, 4)
            assert (record.credit, record.city) == ("Jeanne Müller/dpa", "Sète")


def test_words_of_a_forward_line_inside_a_caption_are_text():
    text = "Ein Briefträger bringt die weitergeleitete Nachricht ins Rathaus von Sète, Frankreich."
    assert parse_block(text).caption == text


def test_markdown_or_chat_emphasis_around_labels_and_words_is_taken_off():
    plain = (
        "Fishermen unload their catch in the harbour.\nDate: 3 May 2019\nPlace: Sassnitz, Germany\nCredit: Jane Roe/dpa"
    )
    expected = parse_block(plain)
    for marked in (
        plain.replace("Date:", "**Date:**").replace("Place:", "**Place:**").replace("Credit:", "**Credit:**"),
        plain.replace("Date:", "**Date**:").replace("Place:", "__Place__:").replace("Jane Roe", "**Jane Roe**"),
    ):
        record = parse_block(marked)
        fields = ("caption", "date_start", "city", "country_code", "credit")
        assert [getattr(record, name) for name in fields] == [getattr(expected, name) for name in fields], marked
    # imago's separator between its languages is no emphasis; nor are marks not hugging a word
    assert normalise("Fischer am Hafen *** Fishermen at the harbour *** Copyright: xJanexRoex") == (
        "Fischer am Hafen *** Fishermen at the harbour *** Copyright: xJanexRoex"
    )
    assert normalise("a ** b ** c") == "a ** b ** c"


def test_a_short_german_caption_with_the_word_an_is_german():
    # 'an' is a German preposition as well as an English article: no evidence for either
    # (lexicon.STOPWORDS keeps only words one language owns)
    assert parse_block("Fischer bringen ihren Fang an Land.\nFoto: Ina Muster/dpa").language == "de"
    assert parse_block("An aerial view of the flooded village.").language == "en"


# --- curled quotes, as a word processor or a mail program writes them ---------------------------


def _read(text: str) -> tuple:
    record = parse_block(text, today=TODAY)
    return (record.caption, record.credit, record.source_id, record.city, record.date_start)


def test_a_key_arrow_value_map_with_curled_quotes_reads_as_with_straight_ones():
    straight = (
        '"Caption/Abstract" -> "Villagers gather in the market square of Example, Austria, on January 22, 2015.",\n'
        '"By-line" -> "Jane Roe",\n"Credit" -> "Example Agency",\n"City" -> "Graz",\n'
        '"Original Transmission Reference" -> "AB123456"'
    )
    curled = straight.replace('"', "\u201c").replace("\u201c -> \u201c", "\u201d -> \u201c")
    curled = curled.replace("\u201c,\n", "\u201d,\n").rstrip("\u201c") + "\u201d"
    assert "\u201cJane Roe\u201d," in curled
    assert _read(curled) == _read(straight)
    assert _read(curled)[1:3] == ("Example Agency", "AB123456")
    # some pairs curled, some not (a value too long for the program that curled the others)
    mixed = curled.replace("\u201cCaption/Abstract\u201d", '"Caption/Abstract"', 1)
    assert _read(mixed) == _read(straight)


def test_a_curled_apostrophe_or_closing_quote_before_a_credit_reads_as_a_straight_one():
    for apostrophe in ("'", "\u2019"):
        record = parse_block(
            f"Paris, France, 3 mai 2021 : des passants traversent le pont d{apostrophe}Iéna sous la pluie."
            f" Jean Exemple / Alamy Banque D{apostrophe}Images",
            today=TODAY,
        )
        assert record.credit == "Jean Exemple / Alamy", apostrophe
        assert record.caption.endswith("sous la pluie."), apostrophe
    for opening, closing in (('"', '"'), ("\u201c", "\u201d"), ("\u00ab ", " \u00bb")):
        record = parse_block(
            f"Members of the caucus speak outside the Senate in support of the {opening}Example Act.{closing}"
            " Photo by Jane Roe/UPI",
            today=TODAY,
        )
        assert record.credit == "Jane Roe/UPI", opening


@pytest.mark.parametrize(
    ("text", "caption", "credit"),
    [
        (
            "Ein Kran setzt die Turmspitze auf die Kapelle. 📷 Foto: Jana Roe/dpa",
            "Ein Kran setzt die Turmspitze auf die Kapelle.",
            "Jana Roe/dpa",
        ),
        (
            "A crane lifts the spire onto the chapel. 📸 Photo: Jane Roe",
            "A crane lifts the spire onto the chapel.",
            "Jane Roe",
        ),
        (
            "Une grue pose la flèche sur la chapelle. ➡️ Crédit photo : Jeanne Exemple",
            "Une grue pose la flèche sur la chapelle.",
            "Jeanne Exemple",
        ),
        (
            "Una grúa coloca la aguja en la capilla. 📷 Foto: Juana Ejemplo/EFE",
            "Una grúa coloca la aguja en la capilla.",
            "Juana Ejemplo/EFE",
        ),
        # a camera's pictograph standing for the label itself
        (
            "A crane lifts the spire onto the chapel. 📸: Jane Roe",
            "A crane lifts the spire onto the chapel.",
            "Jane Roe",
        ),
    ],
)
def test_a_pictograph_before_a_credit_label_or_for_it_leaves_the_credit(text, caption, credit):
    record = parse_block(text)
    assert (record.caption, record.credit) == (caption, credit)


@pytest.mark.parametrize(
    ("text", "caption", "credit"),
    [
        # a pictograph right after the caption's last word, no sentence stop, before a credit
        # label: the credit, as the same line without the sign gives it
        ("Fans jubeln im Stadion 🎉 Foto: Jana Roe/dpa", "Fans jubeln im Stadion", "Jana Roe/dpa"),
        ("Fans celebrate in the stadium 🙌🏽 Photo: Jane Roe/AP", "Fans celebrate in the stadium", "Jane Roe/AP"),
        (
            "Les supporters fêtent la victoire 🎉🎉 Photo : Jean Roe/AFP",
            "Les supporters fêtent la victoire",
            "Jean Roe/AFP",
        ),
        (
            "Los aficionados celebran en el estadio ⚽ Foto: Juan Roe/EFE",
            "Los aficionados celebran en el estadio",
            "Juan Roe/EFE",
        ),
    ],
)
def test_a_pictograph_after_a_word_before_a_credit_label_leaves_the_credit(text, caption, credit):
    record = parse_block(text)
    assert (record.caption, record.credit) == (caption, credit)


def test_a_pictograph_after_a_word_before_a_label_that_heads_no_credit_stays():
    # false friends: the label's word opens a sentence, no credit, so the sign is the caption's
    for text in (
        "Schau dir das an 👉 Bild: die Brücke in der Abenddämmerung.",
        "Look at this 👉 Photo: the bridge at dusk over the river.",
    ):
        record = parse_block(text)
        assert (record.caption, record.credit) == (text, None)


def test_a_pictograph_before_no_credit_label_stays():
    # false friends: a pictograph inside the caption, or before a word that only opens with a
    # label's letters ('Fotoausstellung:'), is the caption's own
    assert parse_block("Die Kinder 😀 winken vom Karussell. Foto: Jana Roe/dpa").caption == (
        "Die Kinder 😀 winken vom Karussell."
    )
    # (nor one inside a sentence before a label's word: no credit starts there)
    assert parse_block("Schau dir das an 👉 Bild: die Brücke in der Abenddämmerung.").caption == (
        "Schau dir das an 👉 Bild: die Brücke in der Abenddämmerung."
    )
    record = parse_block("📷 Fotoausstellung: Bilder aus Kleinstadt hängen im Rathaus.")
    assert record.caption.startswith("📷 Fotoausstellung:") and record.credit is None


@pytest.mark.parametrize(
    "block",
    [
        # the wire's credit and copyright notice pasted on a line of its own, a blank line and
        # stray spaces around it: the credit is the name, the notice no caption text
        "Protesters gather outside the courthouse in Chicago.   \n\n  Jane Roe/Copyright 2024 The AP."
        " All rights reserved.  ",
        "Protesters gather outside the courthouse in Chicago.\r\nJane Roe/Copyright 2024 The AP."
        " All rights reserved.\r\n",
        "Protesters gather outside the courthouse in Chicago. copyright: City Archive, photographer: Jane Roe.\n",
    ],
)
def test_a_pasted_credit_with_its_copyright_notice_or_label_pair_gives_the_name(block):
    record = parse_block(block)
    assert (record.caption, record.credit) == ("Protesters gather outside the courthouse in Chicago.", "Jane Roe")
