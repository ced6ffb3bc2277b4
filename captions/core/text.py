"""Text helpers every pure module shares: folding text for comparison, word lists as tries.

PURE: no Django import. Folding lives here and nowhere else, in three forms for three jobs:

- `fold`              compare words as a reader would ('Höhe' = 'hohe', 'it’s' = "it's"):
                      the parser's labels and notices, search highlighting, article suggestions
- `fold_same_length`  the same idea, one character for one, so a span found in the folded
                      text indexes the original (the dates parser)
- `name_key`          the key a place name is indexed under (punctuation dropped too); stored
                      in `Place.search_names`, so it must not change without recomputing them
"""

from __future__ import annotations

import re
import re._constants as _sre_constants  # the parse's opcodes (first_char_class)
import re._parser as _sre_parser  # a pattern's parse, as re.compile reads it
import unicodedata
from functools import lru_cache

_QUOTES = str.maketrans(
    {
        "\u2019": "'",
        "\u2018": "'",
        "\u02bc": "'",
        "\u00b4": "'",
        "`": "'",
        "\u201c": '"',
        "\u201d": '"',
        "\u201e": '"',
        "\u00ab": '"',
        "\u00bb": '"',
        "\u2013": "-",
        "\u2014": "-",
        "\u2212": "-",
    }
)


def _accent_table() -> dict[int, str]:
    """Latin letters with diacritics -> their base letters, built once from Unicode data."""
    table = {}
    for code in range(0xC0, 0x250):
        char = chr(code)
        base = "".join(c for c in unicodedata.normalize("NFKD", char) if not unicodedata.combining(c))
        if base != char and base.isascii():
            table[code] = base
    table[ord("ß")] = "ss"
    return table


_ACCENTS = _accent_table()


# str.translate with a dict looks every character up in Python objects (several µs for a
# caption line, even an ASCII one); the same mappings applied by a regex to just the few
# characters they change give the same text several times faster. `_QUOTES` maps only
# non-ASCII characters besides '`'.
_QUOTE_CHARS_RE = re.compile("[" + "".join(chr(code) for code in _QUOTES if code >= 128) + "]")
_ACCENT_CHARS_RE = re.compile("[" + "".join(chr(code) for code in sorted(_ACCENTS)) + "]")
_QUOTE_MAP = {chr(code): value for code, value in _QUOTES.items()}
_ACCENT_MAP = {chr(code): value for code, value in _ACCENTS.items()}


def _straight_quote(match: re.Match) -> str:
    return _QUOTE_MAP[match.group()]


def _accent_base(match: re.Match) -> str:
    return _ACCENT_MAP[match.group()]


@lru_cache(maxsize=4096)
def fold(text: str) -> str:
    """Casefold, strip accents, straighten quotes and dashes, collapse whitespace.

    Used to compare labels and notice wordings the way a reader would: 'Höhe' = 'hohe',
    'it’s' = "it's". Cached because the same labels recur in every block.
    """
    # Same steps, same order as text.translate(_QUOTES).casefold().translate(_ACCENTS)
    # (the order matters: 'ŉ' casefolds to a quote that must stay unstraightened).
    if "`" in text:
        text = text.replace("`", "'")
    if text.isascii():
        return " ".join(text.lower().split())  # casefold() of ASCII is lower()
    text = _QUOTE_CHARS_RE.sub(_straight_quote, text).casefold()
    if not text.isascii():
        text = _ACCENT_CHARS_RE.sub(_accent_base, text)
        if not text.isascii():
            # Rare: combining marks or letters outside Latin-1/Latin Extended.
            text = "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))
    return " ".join(text.split())


#: a decimal digit (one regex search is cheaper than a generator over the characters)
DIGIT_RE = re.compile(r"\d")


def has_digit(text: str) -> bool:
    """Does `text` hold a decimal digit?"""
    return DIGIT_RE.search(text) is not None


# An apostrophe in a word of a list matches either way a text writes it: straight or curled
# ('Banque d’images' as 'Banque d'images'), as a page, a word processor or a mail program gives it.
_APOSTROPHE_CLASS = "['\u2019]"


def _escaped(word: str) -> str:
    if "'" not in word:
        return re.escape(word)
    return _APOSTROPHE_CLASS.join(re.escape(part) for part in word.split("'"))


def _straight_apostrophes(words) -> list[str]:
    return list(dict.fromkeys(word.replace("\u2019", "'") for word in words))


def alternation(words) -> str:
    """A regex alternation of `words` as written (escaped; an apostrophe matches straight or
    curled), longer words first so that a word is not cut short by another that begins it:
    'della|del|de'. Not grouped."""
    words = _straight_apostrophes(words)
    return "|".join(_escaped(word) for word in sorted(words, key=len, reverse=True))


def word_trie(words) -> str:
    """A regex alternation of `words` shaped as a trie, longer words first where one word
    begins another: the same matches as 'a|ab|abc' under a trailing boundary, but the engine
    rejects most positions after one character instead of trying every word there."""
    root: dict = {}
    for word in _straight_apostrophes(words):
        node = root
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}

    def build(node: dict) -> str:
        branches = [
            (_APOSTROPHE_CLASS if char == "'" else re.escape(char)) + build(child)
            for char, child in sorted(node.items())
            if char
        ]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{body})?" if "" in node else body

    return build(root)


# --- one character for one (the dates parser) -----------------------------------------------


def _build_fold_table() -> dict[int, str]:
    table: dict[int, str] = {}
    for code in range(0xC0, 0x250):
        char = chr(code)
        base = unicodedata.normalize("NFKD", char)[:1]
        if base.isascii() and base.isalpha():
            table[code] = base.lower()
    table.update({ord("ø"): "o", ord("Ø"): "o", ord("ł"): "l", ord("Ł"): "l", ord("đ"): "d"})
    table.update({ord("º"): "o", ord("ª"): "a"})
    for dash in "\u2010\u2011\u2012\u2013\u2014\u2015\u2212":
        table[ord(dash)] = "-"
    for quote in "\u2018\u2019\u02bc\u00b4`":
        table[ord(quote)] = "'"
    return table


_FOLD_TABLE = _build_fold_table()


_FOLD_CHARS = {chr(code): char for code, char in _FOLD_TABLE.items()}
_NON_ASCII = re.compile(r"[^\x00-\x7f]")


def _fold_char(match: re.Match) -> str:
    char = match.group()
    return _FOLD_CHARS.get(char, char)


def fold_same_length(text: str) -> str:
    """Lower case, accents stripped, dashes and quotes unified, one character for one: spans
    found in the result index the original text (the dates parser matches on it)."""
    # re.sub over the few non-ASCII characters is several times faster than str.translate
    # on a whole non-ASCII caption; the replacements keep the length.
    if not text.isascii():
        text = _NON_ASCII.sub(_fold_char, text)
    return text.lower()


# --- place-name keys ---------------------------------------------------------------------------

_STRIP_MARKS = {code: None for code in range(0x300, 0x370)}
_STRIP_MARKS.update(
    {
        ord("ø"): "o",
        ord("ł"): "l",
        ord("æ"): "ae",
        ord("œ"): "oe",
        ord("đ"): "d",
        ord("ð"): "d",
        ord("þ"): "th",
        ord("ı"): "i",
    }
)
_NON_WORD = re.compile(r"[\W_]+")


@lru_cache(maxsize=65536)
def name_key(text: str) -> str:
    """The key a place name is indexed and searched under: case-, accent- and
    punctuation-insensitive, 'Moscú' -> 'moscu', 'U.S.' -> 'u s'. Place rows store these keys
    (`Place.search_names`), so changing this function means recomputing them."""
    if text.isascii():
        folded = text.lower()
        if "  " not in folded and folded.replace(" ", "").isalnum():
            return folded.strip()  # letters, digits and single blanks: what the substitution leaves
    else:
        # NFKD first ('𝐀' -> 'A', 'é' -> 'e' + accent), then casefold ('ß' -> 'ss'), then drop marks
        folded = unicodedata.normalize("NFKD", text).casefold().translate(_STRIP_MARKS)
    return _NON_WORD.sub(" ", folded).strip()


class NameKeys(dict):
    """name_key as a plain dict of every text asked: for building a place table (some 400,000
    names, most asked two or three times), where name_key's bounded cache would only churn."""

    def __missing__(self, text: str) -> str:
        key = self[text] = name_key.__wrapped__(text)
        return key


# --- a look-ahead of the first characters before a pattern ------------------------------------------

_CATEGORY_CLASSES = {
    _sre_constants.CATEGORY_SPACE: r"\s",
    _sre_constants.CATEGORY_NOT_SPACE: r"\S",
    _sre_constants.CATEGORY_DIGIT: r"\d",
    _sre_constants.CATEGORY_NOT_DIGIT: r"\D",
    _sre_constants.CATEGORY_WORD: r"\w",
    _sre_constants.CATEGORY_NOT_WORD: r"\W",
}
_ZERO_WIDTH = (_sre_constants.AT, _sre_constants.ASSERT, _sre_constants.ASSERT_NOT)
_REPEATS = (_sre_constants.MAX_REPEAT, _sre_constants.MIN_REPEAT, _sre_constants.POSSESSIVE_REPEAT)


class _AnyFirst(Exception):
    """A match may open with any character (or the reader does not know the construct)."""


def _first_pieces(items, pieces: set[str]) -> bool:
    """Add to `pieces` the class items ('\\U00000041', a range, '\\s') one of which opens every
    non-empty match of the parsed sequence `items`; True when the sequence may match empty."""
    for op, av in items:
        if op is _sre_constants.LITERAL:
            pieces.add(f"\\U{av:08x}")
            return False
        if op is _sre_constants.IN:
            for item_op, item in av:
                if item_op is _sre_constants.LITERAL:
                    pieces.add(f"\\U{item:08x}")
                elif item_op is _sre_constants.RANGE:
                    pieces.add(f"\\U{item[0]:08x}-\\U{item[1]:08x}")
                elif item_op is _sre_constants.CATEGORY and item in _CATEGORY_CLASSES:
                    pieces.add(_CATEGORY_CLASSES[item])
                else:  # a negated class, a locale category
                    raise _AnyFirst
            return False
        if op in _ZERO_WIDTH:  # '^', '\\b', a look-behind or look-ahead: the next item opens
            continue
        if op is _sre_constants.BRANCH:
            empty = False
            for alternative in av[1]:
                empty |= _first_pieces(alternative.data, pieces)
            if not empty:
                return False
        elif op is _sre_constants.SUBPATTERN:
            if (av[1] | av[2]) & re.IGNORECASE:  # '(?i:...)': another case setting than the look-ahead's
                raise _AnyFirst
            if not _first_pieces(av[3].data, pieces):
                return False
        elif op is _sre_constants.ATOMIC_GROUP:
            if not _first_pieces(av.data, pieces):
                return False
        elif op in _REPEATS:
            if not _first_pieces(av[2].data, pieces) and av[0] > 0:
                return False
        else:  # any character, a character but one, a back-reference
            raise _AnyFirst
    return True


def first_char_class(pattern: str, flags: int = 0) -> str | None:
    """The character class ('[\\U00000028\\s]') one of whose characters opens every match of
    `pattern`, read from its parse: the first consuming item of each way through it (look-behinds,
    look-aheads and anchors skipped, optional items adding the next's); None when a match may be
    empty or open with any character."""
    pieces: set[str] = set()
    try:
        if _first_pieces(_sre_parser.parse(pattern, flags).data, pieces):
            return None
    except _AnyFirst:
        return None
    return "[" + "".join(sorted(pieces)) + "]"


def compile_guarded(pattern: str, flags: int = 0) -> re.Pattern:
    """re.compile(pattern, flags), behind a look-ahead of the characters its matches open with
    ('(?=[...])(?:pattern)', in its own case setting): a pattern opening with a look-behind,
    optional blanks or a case-insensitive trie gives the engine no first character to skip to, so
    a search enters the whole pattern at every position; the look-ahead turns most positions away
    after one test. Every match opens with one of those characters, so search, match, finditer,
    sub and split give the same spans and groups (the look-ahead captures nothing). A pattern
    whose first characters cannot be read (a match may be empty or open with anything) is
    compiled as it is. `.pattern` is the guarded text: build no other pattern from it."""
    first = first_char_class(pattern, flags)
    if first is not None:
        try:
            return re.compile(f"(?={first})(?:{pattern})", flags)
        except re.error:  # global flags opening the text ('(?i)...') must stay first: no guard
            pass
    return re.compile(pattern, flags)


class LazyPattern:
    """re.compile(pattern, flags) on first use: a module pattern's compile (some 380 of them, a
    quarter of the parser's import) waits until a caption needs it, and a process that parses one
    block compiles a fifth of them. `.pattern` is the text from the start; any other attribute
    compiles the pattern and keeps its methods on the instance, so a call after the first costs
    what a compiled pattern's does. The same object throughout (identity, hash), like a pattern."""

    _KEPT = ("search", "match", "fullmatch", "finditer", "findall", "sub", "subn", "split", "scanner")

    def __init__(self, pattern: str, flags: int = 0) -> None:
        self.pattern = pattern
        self._flags = flags

    def __getattr__(self, name: str):
        if name.startswith("__") or name in ("pattern", "_flags"):  # (dunders: copy, pickle; no compile)
            raise AttributeError(name)
        compiled = re.compile(self.pattern, self._flags)
        for kept in self._KEPT:
            setattr(self, kept, getattr(compiled, kept))
        self.flags, self.groups, self.groupindex = compiled.flags, compiled.groups, compiled.groupindex
        return getattr(compiled, name)


def lazy_compile(pattern: str, flags: int = 0) -> LazyPattern:
    """A module-level pattern compiled on first use (LazyPattern)."""
    return LazyPattern(pattern, flags)
