"""captions.core.text: the three folds and word tries. Pure: no Django (make test-pure)."""

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from captions.core.text import fold, fold_same_length, lazy_compile, name_key, word_trie


@pytest.mark.parametrize(
    "text, folded",
    [
        ("Höhe", "hohe"),
        ("it’s", "it's"),
        ("Straße", "strasse"),
        ("  Bildnachweis:\t Foto  ", "bildnachweis: foto"),
        ("Crédit – obligatoire", "credit - obligatoire"),
        ("ASCII stays", "ascii stays"),
    ],
)
def test_fold_compares_words_as_a_reader_would(text, folded):
    assert fold(text) == folded


@pytest.mark.parametrize("text", ["Dezember 2025", "2. Déc. 2025", "Straße – 1960er", "ﬁve ŉ Ⅻ"])
def test_fold_same_length_keeps_every_span_where_it_was(text):
    folded = fold_same_length(text)
    assert len(folded) == len(text)
    assert folded == folded.lower()


def test_fold_same_length_unifies_accents_dashes_and_quotes():
    assert fold_same_length("Décembre – l’été") == "decembre - l'ete"


@pytest.mark.parametrize(
    "text, key",
    [("Moscú", "moscu"), ("U.S.A.", "u s a"), ("  ÉTATS-UNIS ", "etats unis"), ("Łódź", "lodz"), ("Æro", "aero")],
)
def test_name_key_drops_case_accents_and_punctuation(text, key):
    assert name_key(text) == key


def test_a_word_trie_matches_exactly_the_words_and_prefers_the_longest():
    words = ["jan", "januar", "january", "june", "juni"]
    pattern = re.compile(rf"\b(?:{word_trie(words)})\b")
    for word in words:
        assert pattern.fullmatch(word)
    assert pattern.search("in january").group() == "january"
    assert not pattern.search("ju") and not pattern.search("janu")


@given(st.text(alphabet=" \t\n_.,'-aZ9éß", max_size=12))
def test_name_key_fast_path_gives_what_the_substitution_gives(text):
    """name_key's shortcut for ASCII letters, digits and single blanks against its general path."""
    folded = text.lower() if text.isascii() else None
    if folded is not None:
        assert name_key.__wrapped__(text) == re.sub(r"[\W_]+", " ", folded).strip()


def test_a_lazy_pattern_is_its_compiled_pattern():
    lazy = lazy_compile(r"(?P<word>[a-zß]+)\s", re.IGNORECASE)
    compiled = re.compile(r"(?P<word>[a-zß]+)\s", re.IGNORECASE)
    assert lazy.pattern == compiled.pattern
    text = "Zwei STRASSE drei straße "
    assert [m.span() for m in lazy.finditer(text)] == [m.span() for m in compiled.finditer(text)]
    assert lazy.sub("-", text) == compiled.sub("-", text)
    assert (lazy.flags, lazy.groups, lazy.groupindex) == (compiled.flags, compiled.groups, compiled.groupindex)
    assert lazy.search(text, 5).span() == compiled.search(text, 5).span()


def test_every_lazy_module_pattern_compiles():
    """A lazy pattern compiles on first use, so a broken one would wait for the caption that needs
    it: every one of the parser's is compiled here."""
    import sys

    import captions.ingest  # noqa: F401  (imports every parser module)
    from captions.core.text import LazyPattern

    found = 0
    for name, module in list(sys.modules.items()):
        if name.startswith("captions."):
            for value in vars(module).values():
                if isinstance(value, LazyPattern):
                    assert isinstance(value.flags, int)  # (compiles it)
                    found += 1
    assert found > 300
