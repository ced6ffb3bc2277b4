"""Text helpers every pure module shares: folding text for comparison, word lists as tries.

PURE: no Django import. `fold` is the one way the parser, the dates and the place index
compare words as a reader would ('Höhe' = 'hohe', 'it’s' = "it's").
"""

from __future__ import annotations

import re
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


def word_trie(words) -> str:
    """A regex alternation of `words` shaped as a trie, longer words first where one word
    begins another: the same matches as 'a|ab|abc' under a trailing boundary, but the engine
    rejects most positions after one character instead of trying every word there."""
    root: dict = {}
    for word in words:
        node = root
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}

    def build(node: dict) -> str:
        branches = [re.escape(char) + build(child) for char, child in sorted(node.items()) if char]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{body})?" if "" in node else body

    return build(root)
