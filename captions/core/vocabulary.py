"""The closed vocabularies of the record (SPEC): caveat tags and problem codes, one table each.

PURE: no Django import. The parser tags and flags with these codes; validation, the models,
the pages and the exports read their labels and what each problem is about from here. The
labels are English msgids: Django code translates them (`gettext_lazy(term.label)`, as
`captions.models.CAVEAT_LABELS` does), and `makemessages` finds them through `gettext_noop`.
"""

from __future__ import annotations

import string
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


# What the parser says about a problem it found, beside the code: English templates (msgids,
# `str.format` fields), one table. The parser fills them in (`problem_detail`); the pages read a
# filled-in sentence back into its template and values (`read_problem_detail`) to show it in
# the reader's language with the reader's number format.
PROBLEM_DETAILS: dict[str, str] = {
    "notice_cut": gettext_noop("Notice cut off: '…{text}'"),
    "caption_cut": gettext_noop("Caption ends mid-sentence: '…{text}'"),
    "field_cut": gettext_noop("Field '{label}' ends mid-sentence: '…{text}'"),
    "credit_cut": gettext_noop("Credit cut off: '{text}'"),
    "record_cut": gettext_noop("Record cut off after '…{text}'"),
    "unreadable": gettext_noop("Block could not be read"),
    "country_in_place": gettext_noop("Country not recognised in place '{text}'"),
    "country_in_dateline": gettext_noop("Country not recognised in dateline '{text}'"),
    "country_unknown": gettext_noop("Country '{text}' not recognised"),
    "date_invalid": gettext_noop("Date '{text}' does not exist"),
    "date_future": gettext_noop("Date '{text}' is in the future"),
    "pixels_range": gettext_noop("Pixel size stated out of range (must be 1 to 999999 px)"),
    "pixels_missing": gettext_noop("No pixel size stated"),
    "dpi_range": gettext_noop("dpi stated out of range (must be 1 to 999999)"),
    "dpi_missing": gettext_noop("No dpi stated"),
    "width_mismatch": gettext_noop("Stated width {value} {unit}, but {pixels} px at {dpi} dpi print {derived} {unit}"),
    "height_mismatch": gettext_noop(
        "Stated height {value} {unit}, but {pixels} px at {dpi} dpi print {derived} {unit}"
    ),
}
DETAIL_SEPARATOR = "; "  # several details of one problem (a cut notice and a cut caption)


def problem_detail(key: str, **values) -> str:
    return PROBLEM_DETAILS[key].format(**values)


def _detail_pattern(template: str):
    import re  # noqa: PLC0415

    pattern, seen = "", set()
    for literal, name, _spec, _conv in string.Formatter().parse(template):
        pattern += re.escape(literal)
        if name is not None:
            pattern += f"(?P={name})" if name in seen else f"(?P<{name}>.*?)"
            seen.add(name)
    return re.compile(pattern)


def read_problem_detail(detail: str) -> list[tuple[str, dict[str, str]] | str]:
    """A detail the parser wrote, as (template key, values) for each sentence in it; a
    sentence no template makes comes back as it is."""
    if not _PATTERNS:
        _PATTERNS.update({key: _detail_pattern(template) for key, template in PROBLEM_DETAILS.items()})
    parts, pending = [], ""
    for piece in detail.split(DETAIL_SEPARATOR):
        pending = f"{pending}{DETAIL_SEPARATOR}{piece}" if pending else piece
        for key, pattern in _PATTERNS.items():
            found = pattern.fullmatch(pending)
            if found:
                parts.append((key, found.groupdict()))
                pending = ""
                break
    if pending:
        parts.append(pending)
    return parts


_PATTERNS: dict = {}


# Why a record was written (its history row's reason), stored as a code with its values
# ("bulk_place {"place": "Moskau"}") so each reader sees it in their own language. The
# templates are msgids (%-format fields); `change_reason` encodes, `read_change_reason` decodes.
CHANGE_REASONS: dict[str, str] = {
    "edited": gettext_noop("Edited"),
    "pasted": gettext_noop("Pasted caption block"),
    "import": gettext_noop("Imported caption block"),
    "import_images": gettext_noop("Imported with its image file"),
    "restored": gettext_noop("Restored from the archive of %(exported_at)s"),
    "article_linked": gettext_noop("Linked article “%(headline)s”"),
    "bulk_place": gettext_noop("Bulk: place set to %(place)s"),
    "bulk_caveat_added": gettext_noop("Bulk: caveat %(tag)s added"),
    "bulk_caveat_removed": gettext_noop("Bulk: caveat %(tag)s removed"),
    "bulk_reviewed": gettext_noop("Bulk: marked reviewed"),
    "bulk_article": gettext_noop("Bulk: linked article “%(headline)s”"),
}
REASON_MAX_LENGTH = 100  # the history table's column
# The writes that set a record's values from a supplier's block or file: a re-import keeps the
# fields any other write changed (selectors.history.fields_edited_since_import)
IMPORT_REASONS = frozenset({"import", "pasted", "import_images"})


def change_reason(code: str, **values: str) -> str:
    """The stored form of a reason: its code, then its values as JSON, cut to fit the column
    (the longest value is shortened, with '…')."""
    import json  # noqa: PLC0415

    if code not in CHANGE_REASONS:
        raise ValueError(f"unknown change reason {code!r}")
    values = {name: str(value) for name, value in values.items()}
    while True:
        stored = f"{code} {json.dumps(values, ensure_ascii=False)}" if values else code
        if len(stored) <= REASON_MAX_LENGTH:
            return stored
        longest = max(values, key=lambda name: len(values[name]))
        values[longest] = values[longest][: max(0, len(values[longest]) - (len(stored) - REASON_MAX_LENGTH) - 1)] + "…"


def read_change_reason(stored: str | None) -> tuple[str, dict[str, str]] | None:
    """(code, values) of a stored reason; None for no reason or a free text from before codes."""
    import json  # noqa: PLC0415

    if not stored:
        return None
    code, _space, rest = stored.partition(" ")
    if code not in CHANGE_REASONS:
        return None
    if not rest:
        return code, {}
    try:
        values = json.loads(rest)
    except ValueError:
        return None
    return (code, values) if isinstance(values, dict) else None
