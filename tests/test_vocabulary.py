"""captions.core.vocabulary: one table of caveat tags and problem codes. Pure: no Django."""

from captions.core.vocabulary import CAVEAT_CODES, CAVEAT_TAGS, CAVEATS, PROBLEM_CODES, PROBLEMS
from captions.ingest import parse_blocks

SPEC_CAVEATS = {"imperfect_historical", "editorial_only", "no_model_release", "embargo", "mandatory_credit"}
SPEC_PROBLEMS = {
    "print_size_mismatch",
    "invalid_date",
    "future_date",
    "missing_dimensions",
    "missing_dpi",
    "truncated_text",
    "unknown_country",
}


def test_the_table_holds_exactly_the_spec_vocabularies():
    assert CAVEAT_CODES == SPEC_CAVEATS and PROBLEM_CODES == SPEC_PROBLEMS
    assert list(CAVEAT_TAGS) == sorted(SPEC_CAVEATS)


def test_every_term_has_one_row_and_a_label():
    for table in (CAVEATS, PROBLEMS):
        codes = [term.code for term in table]
        assert len(codes) == len(set(codes))
        assert all(term.label and term.label[0].isupper() for term in table)
    assert all(caveat.short and caveat.short == caveat.short.lower() for caveat in CAVEATS)
    assert all(problem.fields for problem in PROBLEMS)


def test_the_parser_speaks_only_the_tables_words():
    text = (
        "Fans at the stadium.\nEDITORIAL USE ONLY. MANDATORY CREDIT. No model release.\n"
        "Date: 31 February 2025\nCountry: Atlantis\n---\nA cut-off capt"
    )
    caveats, problems = set(), set()
    for record in parse_blocks(text):
        caveats |= set(record.caveats)
        problems |= set(record.problems)
    assert {"editorial_only", "mandatory_credit"} <= caveats <= CAVEAT_CODES
    assert {"missing_dimensions", "missing_dpi"} <= problems <= PROBLEM_CODES


def test_the_import_reasons_are_change_reason_codes():
    # a code renamed in one table and not the other would make every import read as a hand edit
    from captions.core.vocabulary import CHANGE_REASONS, IMPORT_REASONS

    assert IMPORT_REASONS.issubset(CHANGE_REASONS)
