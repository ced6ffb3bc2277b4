"""The closed vocabularies of the record (SPEC): caveat tags and problem codes.

PURE: no Django import. The parser tags and flags with these codes; the models, validation,
pages and exports show them.
"""

CAVEAT_CODES = frozenset({"imperfect_historical", "editorial_only", "no_model_release", "embargo", "mandatory_credit"})
PROBLEM_CODES = frozenset(
    {
        "print_size_mismatch",
        "invalid_date",
        "future_date",
        "missing_dimensions",
        "missing_dpi",
        "truncated_text",
        "unknown_country",
    }
)
