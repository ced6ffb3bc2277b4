"""Where the caption ends and the credit begins: captions printed twice, credits glued to the
caption's last word or following it without a full stop, wire boilerplate inside the caption.

Pure tests: no database. The blocks are written for these tests (no corpus block is copied);
each shows one general rule.
"""

from __future__ import annotations

from datetime import date

from captions.ingest import parse_block

TODAY = date(2025, 12, 31)


def _parse(text: str):
    return parse_block(text, today=TODAY)


# --- a caption printed twice (alt text, then caption) --------------------------------------------


def test_a_caption_printed_twice_with_the_credit_glued_to_the_second_copy():
    record = _parse(
        "Leere Bänke vor dem Rathaus am frühen Morgen nach dem Sturm\n"
        "Leere Bänke vor dem Rathaus am frühen Morgen nach dem SturmFoto: Anna Beispiel\n"
    )
    assert record.caption == "Leere Bänke vor dem Rathaus am frühen Morgen nach dem Sturm"
    assert record.credit == "Anna Beispiel"
    assert "truncated_text" not in record.problems


def test_a_gallery_counter_before_the_second_copy_and_an_agency_credit_after_it():
    record = _parse(
        "Los vecinos limpian la plaza tras la riada.\n"
        "12/40 Los vecinos limpian la plaza tras la riada.JUAN PÉREZ | EFE\n"
    )
    assert record.caption == "Los vecinos limpian la plaza tras la riada."
    assert record.credit == "JUAN PÉREZ | EFE"


def test_a_name_alone_after_the_two_copies_is_the_credit():
    record = _parse(
        "Des enfants jouent dans la fontaine de la place centrale pendant la canicule.\n"
        "Des enfants jouent dans la fontaine de la place centrale pendant la canicule.\n"
        "Marie Exemple\n"
    )
    assert record.caption == "Des enfants jouent dans la fontaine de la place centrale pendant la canicule."
    assert record.credit == "Marie Exemple"


def test_two_copies_ending_in_their_credit_give_one_caption_and_no_separator():
    line = "Una mujer vota en un colegio electoral de Sevilla / Reuters / Ana Ejemplo"
    record = _parse(f"{line}\n{line}\n")
    assert record.caption == "Una mujer vota en un colegio electoral de Sevilla"
    assert record.credit == "Reuters / Ana Ejemplo"


def test_a_short_line_repeated_is_no_doubled_caption():
    record = _parse("Berlin\nBerlin, Alexanderplatz: Passanten warten an der Ampel.\n")
    assert "Alexanderplatz" in record.caption


# --- an inline credit label without a full stop before it ------------------------------------------


def test_a_credit_label_after_a_caption_without_its_full_stop():
    record = _parse("Nur wenige Kunden kommen noch an den Stand am Markt Foto: Karl von Muster")
    assert record.caption == "Nur wenige Kunden kommen noch an den Stand am Markt"
    assert record.credit == "Karl von Muster"
    assert "truncated_text" not in record.problems


def test_a_lower_case_label_word_inside_the_sentence_is_no_credit():
    record = _parse("The exhibition shows the photo: Harbour at Night, taken in winter by an unknown amateur")
    assert record.credit is None
