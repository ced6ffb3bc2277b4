"""The parser's cheap gates (substring tests before a regex) answer exactly what the plain
tests they stand for answer: a faster gate may never change what is parsed.

Pure (no database).
"""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from captions.ingest import notices
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
