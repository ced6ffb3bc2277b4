"""The closed vocabularies of the record (SPEC): caveat tags and problem codes, one table each.

PURE: no Django import. The parser tags and flags with these codes; validation, the models,
the pages and the exports read their labels and what each problem is about from here. The
labels are English msgids: Django code translates them (`gettext_lazy(term.label)`, as
`captions.models.CAVEAT_LABELS` does), and `makemessages` finds them through `gettext_noop`.
"""

from __future__ import annotations

from dataclasses import dataclass


def gettext_noop(message: str) -> str:
    """Marks a msgid for `makemessages` (it looks for this name) without translating it here."""
    return message


@dataclass(frozen=True)
class Caveat:
    code: str
    label: str  # the full label (a filter, a form, a spec sheet)
    short: str  # a few words (the admin change list's column)


@dataclass(frozen=True)
class Problem:
    code: str
    label: str
    fields: tuple[str, ...]  # the record fields it is about: changing one re-opens the check
    recheckable: bool  # can be checked again from the record's fields after an edit


CAVEATS: tuple[Caveat, ...] = (
    Caveat("editorial_only", gettext_noop("Editorial use only"), gettext_noop("editorial only")),
    Caveat("embargo", gettext_noop("Embargo"), gettext_noop("embargo")),
    Caveat(
        "imperfect_historical",
        gettext_noop("May have imperfections (historical / reportage)"),
        gettext_noop("imperfect historical"),
    ),
    Caveat("mandatory_credit", gettext_noop("Mandatory credit"), gettext_noop("mandatory credit")),
    Caveat("no_model_release", gettext_noop("No model release"), gettext_noop("no model release")),
)

_DATE_FIELDS = ("date_text", "date_edtf", "date_start", "date_end")
# A stated size that was discarded, or a cut-off text, cannot be checked again from the
# record: such a problem stays until an editor changes its fields or marks the record reviewed.
PROBLEMS: tuple[Problem, ...] = (
    Problem(
        "print_size_mismatch",
        gettext_noop("A stated print size disagrees with pixels and dpi"),
        ("width_px", "height_px", "dpi"),
        recheckable=False,
    ),
    Problem("invalid_date", gettext_noop("The shoot date does not exist"), _DATE_FIELDS, recheckable=True),
    Problem("future_date", gettext_noop("The shoot date is in the future"), _DATE_FIELDS, recheckable=True),
    Problem("missing_dimensions", gettext_noop("No pixel size stated"), ("width_px", "height_px"), recheckable=True),
    Problem("missing_dpi", gettext_noop("No resolution (dpi) stated"), ("dpi",), recheckable=True),
    Problem(
        "truncated_text",
        gettext_noop("Text is cut off mid-word"),
        ("caption", "headline", "restriction_text"),
        recheckable=False,
    ),
    Problem(
        "unknown_country",
        gettext_noop("The country is not recognized"),
        ("place", "place_text"),
        recheckable=True,
    ),
)

CAVEAT_CODES = frozenset(caveat.code for caveat in CAVEATS)
CAVEAT_TAGS = tuple(sorted(CAVEAT_CODES))  # the order every page and export lists them in
PROBLEM_CODES = frozenset(problem.code for problem in PROBLEMS)
