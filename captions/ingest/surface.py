"""What the way a text travelled adds to it, taken off before it is read.

PURE: no Django import. The same caption reaches an editor copied from a web page (no-break
spaces, soft hyphens, HTML entities), from a Mac (accents as separate combining marks), from a
Windows file (CR LF), forwarded by mail ('> ' before every line) or out of a code listing or a
log (every line indented). None of that is the caption's content, and a reader that sees it
misreads the rest: a label not found behind '> ', a name not matched with a soft hyphen inside,
'&amp;' kept in a credit. `normalise` is applied to each block before anything reads it (the
record keeps its raw text as received); scripts/perturb_corpus.py measures what each of these
does to the corpus when it is not taken off.
"""

from __future__ import annotations

import html
import re
import textwrap
import unicodedata
from html.entities import html5

from captions.core.text import lazy_compile

from .lexicon import MAIL_FORWARD_LINES, MAIL_HEADER_LABELS, load_data

# Zero-width and direction marks, the byte-order mark, the word joiner: invisible, no content.
# (The zero-width joiner U+200D stays: it is part of emoji and of some scripts' letters.)
_INVISIBLE_RE = lazy_compile("[\u00ad\u200b\u200c\u200e\u200f\u2060\ufeff]")
# Spaces of other widths than the plain one, as pages write them between a number and its unit,
# in thousands, after a French colon: read as plain spaces.
_SPACES = str.maketrans(dict.fromkeys("\u00a0\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u205f", " "))
_ODD_SPACE_RE = lazy_compile("[\u00a0\u2002-\u200a\u202f\u205f]")
# An HTML character reference with its semicolon ('&amp;', '&nbsp;', '&#39;', '&#x2019;'); a bare
# '&' ('AT&T', 'Marks & Spencer') is text.
_ENTITY_RE = lazy_compile(r"&(?:[A-Za-z][A-Za-z0-9]{1,30}|#[0-9]{1,7}|#[xX][0-9A-Fa-f]{1,6});")
# A forwarded mail's quoting: '>' or '> > ' at the start of a line
_MAIL_QUOTE_RE = lazy_compile(r"^(?:>[ \t]?)+", re.MULTILINE)
_QUOTED_LINE_RE = lazy_compile(r"^[ \t]*>", re.MULTILINE)
# an HTML line break, with the blanks around it and the newline after it if there is one:
# a page's or a CMS export's source copied as text ('Caption<br>Foto: X<br/>')
_BR_RE = lazy_compile(r"[ \t]*<br[ \t]{0,5}/?>[ \t]*\n?", re.IGNORECASE)
# '---------- Forwarded message ---------', 'Begin forwarded message:', '-------- Message transféré --------'
_FORWARD_LINE_RE = lazy_compile(
    r"^[ \t]*[-_=*]*[ \t]*(?:"
    + "|".join(re.escape(line) for line in sorted(MAIL_FORWARD_LINES, key=len, reverse=True))
    + r")[ \t]?:?[ \t]*[-_=*]*[ \t]*$",
    re.IGNORECASE | re.MULTILINE,
)
_HEADER_LINE_RE = lazy_compile(
    r"(?:"
    + "|".join(re.escape(label) for label in sorted(set(MAIL_HEADER_LABELS), key=len, reverse=True))
    + r")[ \t]?:",
    re.IGNORECASE,
)
# Markdown's or a chat's emphasis around a word or a label, as a message or a document copied
# as text keeps it ('**Date:** 3 May 2019', '__Credit__: Jane Roe'): the words. The marks must
# hug the words (imago's ' *** ' between its languages is no emphasis) and hold no line break.
_EMPHASIS_RE = lazy_compile(r"(\*\*|__)(?=[^\s*_])([^*_\n]{1,80}?)(?<=[^\s*_])\1")
# A pictograph or symbol (an emoji, an arrow, a dingbat; never '©' or '®', which notices reads)
# before a credit label and its colon, as social posts and newsletters decorate the credit
# ('... in den Turm. 📷 Foto: Jana Roe/dpa'): nothing, so the label reads as written; a camera's
# pictograph before a colon stands for the label itself ('📸: Jane Roe' -> 'Photo: Jane Roe';
# captions/data/credit_patterns.json credit_labels, pictograph_labels)
_CREDIT_DATA = load_data("credit_patterns.json")
_PICTOGRAPH = "[\u2190-\u21ff\u2300-\u23ff\u25a0-\u27bf\u2b00-\u2bff\U0001f000-\U0001faff]"
_PICTOGRAPH_LABEL_RE = lazy_compile(
    # (opening a line or after a sentence's end only: '... an 👉 Bild: die Brücke' keeps its sign)
    '(?:^|(?<=[.!?"”»)] ))'
    + _PICTOGRAPH
    + "[\ufe0f\U0001f3fb-\U0001f3ff]?[ \t]{1,3}(?=(?i:"
    + "|".join(re.escape(label) for label in sorted(_CREDIT_DATA["credit_labels"], key=len, reverse=True))
    + ")[ \t]?:)",
    re.MULTILINE,
)
# (the same sign after any word: dropped only where the credit readers then read a credit after
# the label, assemble.build; see without_label_pictographs)
_ANY_PICTOGRAPH_LABEL_RE = lazy_compile(
    "(?<=\\w)[ \t]{1,3}(?:"
    + _PICTOGRAPH
    + "[\ufe0f\U0001f3fb-\U0001f3ff]?){1,4}(?=[ \t]{1,3}(?i:"
    + "|".join(re.escape(label) for label in sorted(_CREDIT_DATA["credit_labels"], key=len, reverse=True))
    + ")[ \t]?:)"
)
_PICTOGRAPH_LABELS = _CREDIT_DATA["pictograph_labels"]
_PICTOGRAPH_COLON_RE = lazy_compile(
    "(" + "|".join(re.escape(sign) for sign in _PICTOGRAPH_LABELS) + ")\ufe0f?(?=[ \t]?:)"
)
# blanks at a line's end: nothing (a tab between cells stays; only the line's end is trimmed)
_TRAILING_BLANKS_RE = lazy_compile(r"[ \t]+$", re.MULTILINE)


def normalise(text: str) -> str:
    """The text without what pastes, pages, mails and listings add to it (see the module)."""
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    if "&" in text and ";" in text and "<rdf:" not in text:  # an XMP packet decodes its own
        text = _ENTITY_RE.sub(_entity, text)
    # (not in JSON, where a newline inside a string is no JSON)
    if ("<br" in text or "<BR" in text) and text.lstrip()[:1] not in ("{", "["):
        text = _BR_RE.sub("\n", text)
    if not text.isascii():  # (every invisible character and odd space is beyond ASCII; the test is free)
        if _INVISIBLE_RE.search(text):
            text = _INVISIBLE_RE.sub("", text)
        if _ODD_SPACE_RE.search(text):
            text = text.translate(_SPACES)
    if not text.isascii() and ":" in text and _PICTOGRAPH_LABEL_RE.search(text):
        text = _PICTOGRAPH_LABEL_RE.sub("", text)
    if not text.isascii() and ":" in text and _PICTOGRAPH_COLON_RE.search(text):
        text = _PICTOGRAPH_COLON_RE.sub(lambda match: _PICTOGRAPH_LABELS[match.group(1)], text)
    if not text.isascii() and not unicodedata.is_normalized("NFC", text):
        text = unicodedata.normalize("NFC", text)
    if ">" in text:
        text = _unquote_mail(text)
    if "**" in text or "__" in text:
        text = _EMPHASIS_RE.sub(r"\2", text)
    if "essage" in text or "achricht" in text or "ensaje" in text:
        text = _without_forward_headers(text)
    if " \n" in text or "\t\n" in text or text.endswith((" ", "\t")):
        text = _TRAILING_BLANKS_RE.sub("", text)
    if text[:1] in (" ", "\t") or "\n " in text or "\n\t" in text:
        text = textwrap.dedent(text)
    return text


def _entity(match: re.Match) -> str:
    reference = match.group(0)
    if reference[1] != "#" and reference[1:] not in html5:
        return reference  # no such entity ('&notanentity;' is not '&not' and more): as written
    character = html.unescape(reference)
    return " " if character == "\u00a0" else character


def _unquote_mail(text: str) -> str:
    """Every written line quoted with '>' (at least two): the quoting off. One quoted line among
    others is text ('> 18 years', an arrow)."""
    lines = [line for line in text.split("\n") if line.strip()]
    if len(lines) < 2 or len(_QUOTED_LINE_RE.findall(text)) < len(lines):
        return text
    return _MAIL_QUOTE_RE.sub("", textwrap.dedent(text))


def _without_forward_headers(text: str) -> str:
    """A forwarded mail's separator line and the header lines under it (From, Date, To,
    Subject, in the four languages) are the mail's, not the block's: taken off. A 'Date:' there
    is when the mail was sent, not when the picture was taken."""
    kept: list[str] = []
    position = 0
    for found in _FORWARD_LINE_RE.finditer(text):
        if found.start() < position:
            continue  # inside the header of the one before
        kept.append(text[position : found.start()])
        position = found.end()
        lines = text[position:].split("\n", 64)
        index = 1 if lines and not lines[0].strip() else 0  # the rest of the separator's line
        while index < len(lines) - 1 and not lines[index].strip():
            index += 1
        while index < len(lines) - 1 and len(lines[index]) < 300 and _HEADER_LINE_RE.match(lines[index].strip()):
            index += 1
        position += sum(len(line) + 1 for line in lines[:index])
    kept.append(text[position:])
    return "".join(kept)


def without_label_pictographs(text: str) -> str:
    """`text` without a pictograph between a word and a credit label ('Fans jubeln im Stadion 🎉
    Foto: Jana Roe/dpa' -> '... Stadion Foto: Jana Roe/dpa'); the caller keeps the sign unless a
    credit is then read after the label ('Schau dir das an 👉 Bild: die Brücke ...' keeps it)."""
    if text.isascii() or ":" not in text:
        return text
    return _ANY_PICTOGRAPH_LABEL_RE.sub("", text)
