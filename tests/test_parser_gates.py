"""The parser's cheap gates (substring tests before a regex) answer exactly what the plain
tests they stand for answer: a faster gate may never change what is parsed.

Pure (no database).
"""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from captions.core import dates, places
from captions.core.text import compile_guarded, first_char_class
from captions.ingest import assemble, caption_text, citations, layout, notices, place_fields, place_slots, sizes
from captions.ingest.notices import TRAILING_MARKER_CUE_SEARCH, TRAILING_MARKER_CUES, contains_any, credit_patterns_for

# Text made of the needles themselves, pieces of them and the characters they turn on, so that
# the needles, and near misses of them, turn up often.
_NEEDLES = sorted(
    {needle for _, gate, gated, others in notices._CREDIT_GATES for needle in (gate, *gated, *others) if needle}
    | set(TRAILING_MARKER_CUES)
)
_PIECES = st.one_of(
    st.sampled_from(_NEEDLES),
    st.sampled_from(_NEEDLES).map(lambda needle: needle[1:]),
    st.sampled_from(_NEEDLES).map(lambda needle: needle.upper()),
    st.sampled_from(list(" .,:;/|()[]'’\"«»-–—©+=…?!ßİ")),
    st.text(max_size=8),
)
TEXTS = st.lists(_PIECES, max_size=12).map("".join)


_ONE_BY_ONE = [
    (pattern, as_is, gate, notices._needle_test(gated), notices._needle_test(others))
    for pattern, (as_is, gate, gated, others) in zip(notices.INLINE_CREDIT_RES, notices._CREDIT_GATES, strict=True)
]


def _credit_patterns_one_by_one(text: str) -> list:
    """credit_patterns_for as it was written first: every pattern's own gate, in order."""
    lowered = text.casefold()
    chosen = [
        pattern
        for pattern, as_is, gate, gated, others in _ONE_BY_ONE
        if (gate and gate in (text if as_is else lowered) and gated(text if as_is else lowered))
        or (others is not None and others(text if as_is else lowered))
    ]
    if notices._CAPS_CLOSING_RE in chosen and not text.rstrip()[-1:].isupper():
        chosen.remove(notices._CAPS_CLOSING_RE)
    return chosen


@settings(max_examples=1000, deadline=None)
@given(TEXTS)
def test_credit_patterns_for_tests_each_distinct_gate_once_with_the_same_answer(text):
    assert credit_patterns_for(text) == _credit_patterns_one_by_one(text)


@settings(max_examples=1000, deadline=None)
@given(TEXTS)
def test_trailing_marker_cue_search_is_contains_any(text):
    assert bool(TRAILING_MARKER_CUE_SEARCH(text)) == contains_any(text, TRAILING_MARKER_CUES)


def test_every_trailing_cue_with_an_apostrophe_is_listed_in_both_forms_once():
    # (the trie's apostrophe matches either form: exact only while this holds)
    for cue in TRAILING_MARKER_CUES:
        apostrophes = cue.count("'") + cue.count("\u2019")
        assert apostrophes <= 1
        if apostrophes:
            assert cue.replace("\u2019", "'") in TRAILING_MARKER_CUES
            assert cue.replace("'", "\u2019") in TRAILING_MARKER_CUES
    for cue in TRAILING_MARKER_CUES:
        assert TRAILING_MARKER_CUE_SEARCH(cue)
        assert TRAILING_MARKER_CUE_SEARCH(f"... {cue} ...")


# --- compile_guarded: a look-ahead of a pattern's first characters --------------------------


def _guarded_patterns() -> list[tuple[str, re.Pattern, re.Pattern]]:
    """(name, guarded, the same pattern without its guard) for every guarded module pattern."""
    found = []
    for module in (notices, sizes, assemble, dates, caption_text, citations, layout, place_slots, place_fields, places):
        for name, value in vars(module).items():
            if isinstance(value, re.Pattern) and value.pattern.startswith("(?=[") and ")(?:" in value.pattern:
                bare = value.pattern[value.pattern.index(")(?:") + 4 : -1]
                found.append((f"{module.__name__}.{name}", value, re.compile(bare, value.flags)))
    return found


_GUARDED = _guarded_patterns()
# Invented text in the shapes the guarded patterns read: sizes, dates, credits, places, markers.
_GUARD_PIECES = st.one_of(
    st.sampled_from(
        [
            "12 x 18 cm",
            "3/4",
            "8 in high x 10 in wide",
            "300 dpi",
            "DPI: 72",
            " circa 1950",
            "ca. 1920",
            "um 1900",
            "vers 1930",
            "+++ dpa-Bildfunk +++",
            " (Archivbild)",
            " Stock Photo",
            "Show More",
            "(zu dpa «Ein Test» vom 1.2.2020)",
            " =ME",
            "...more",
            "Foto: Jane Roe/dpa",
            "Photo by",
            " in ",
            "Exampletown",
            "Bavaria",
            "(Bayern)",
            "2024-03-03",
            "March 3, 2024",
            "le 3 mars",
            " à ",
            " de ",
            "Image 3 of 12",
            "ID: 1234",
            "75001",
            "Nr. 4",
            "EN:",
            "DE -",
            "Picture 7",
        ]
    ),
    st.sampled_from(list(" \n.,:;/|()[]'’\"«»-–—©+=…?!ßİKkſ0123456789")),
    st.text(max_size=6),
)
_GUARD_TEXTS = st.lists(_GUARD_PIECES, max_size=14).map("".join)


def test_the_guarded_patterns_are_there():
    assert len(_GUARDED) >= 20


@settings(max_examples=300, deadline=None)
@given(_GUARD_TEXTS)
def test_a_guarded_pattern_finds_what_the_bare_pattern_finds(text):
    def spans(matches):
        return [(m.span(), m.groups()) for m in matches]

    for name, guarded, bare in _GUARDED:
        assert spans(guarded.finditer(text)) == spans(bare.finditer(text)), name
        for start in (0, 1, len(text) // 2):
            found, expected = guarded.search(text, start), bare.search(text, start)
            assert (found and found.span()) == (expected and expected.span()), name
            found, expected = guarded.match(text, start), bare.match(text, start)
            assert (found and found.span()) == (expected and expected.span()), name


@pytest.mark.parametrize(
    "pattern, flags, first",
    [
        (r"(?<=\S)\s(?:ab|[c-e]|\d)", 0, r"[\s]"),
        (r"\b(?:x{0,2}y|z)", 0, r"[\U00000078\U00000079\U0000007a]"),
        (r"a?", 0, None),  # may be empty
        (r".b", 0, None),  # any character
        (r"[^a]b", 0, None),
        (r"(?i:ab)c", 0, None),  # another case setting
    ],
)
def test_first_char_class(pattern, flags, first):
    assert first_char_class(pattern, flags) == first


def test_a_guard_keeps_the_case_setting():
    guarded = compile_guarded(r"(?<=\s)(?:kelvin|straße)", re.IGNORECASE)
    for text in (" KELVIN", " \u212aelvin", " STRASSE", " Straße", " ſtraße"):
        assert (guarded.search(text) is None) == (re.search(r"(?<=\s)(?:kelvin|straße)", text, re.IGNORECASE) is None)
