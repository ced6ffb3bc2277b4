"""From the caption's raw lines to the description an editor reads.

PURE: no Django import. The caption keeps what describes the picture, including its dateline
('THE HAGUE, NETHERLANDS - JUNE 25:', '06.05.2025, Berlin:'), and loses what the agency
wraps around it: credit lines, wire markers ('FILE -', '+++ dpa-Bildfunk +++'), notices,
language prefixes and the second language of a bilingual caption. A truncated caption stays
truncated: the parser reports the cut, it does not guess the rest.
"""

from __future__ import annotations

import bisect
import re
from array import array
from functools import lru_cache
from itertools import accumulate
from pathlib import Path

from captions.core import dates, places
from captions.core.text import alternation, compile_guarded, fold

from .lexicon import (
    ALL_SENTENCE_OPENERS,
    BYLINE_WORD,
    CUE_WORDS,
    DANGLING_WORDS,
    LABELS,
    LANGUAGES,
    NAME_JOINER,
    NAME_JOINERS,
    NAME_PARTICLE,
    NOTICE_WORDS,
    PERSON_NAME,
    PERSON_NAME_CAPS,
    PHOTO_WORD,
    SHARED_STOPWORDS,
    SPELLING_CONTAINS,
    SPELLING_ENDINGS,
    WHOLE_AT_END,
    WORD_LANGUAGE,
    dangling_words,
    load_data,
)
from .notices import (
    AGENCY_LINES,
    BARE_LABEL_LINE_RE,
    DANGLING_BARE_LABEL_RE,
    DANGLING_LABEL_RE,
    DATELINE_AGENCY_RE,
    INITIAL_STOP,
    LEADING_MARKER_RE,
    STOCK_REFERENCE_RE,
    TRAILING_MARKER_CUE_SEARCH,
    TRAILING_MARKER_RE,
    caveats_in,
    closing_agency,
    contains_any,
    credit_patterns_for,
    is_name_agency_line,
    known_notice_prefix,
    may_hold_credit,
    reads_as_sentence,
    search_credit,
    strip_reference_tokens,
    without_bare_label,
    without_sentence_after_bar,
)

LANGUAGE_NAMES = {
    "en": "en",
    "eng": "en",
    "english": "en",
    "englisch": "en",
    "anglais": "en",
    "ingles": "en",
    "de": "de",
    "ger": "de",
    "deu": "de",
    "deutsch": "de",
    "german": "de",
    "allemand": "de",
    "aleman": "de",
    "fr": "fr",
    "fra": "fr",
    "fre": "fr",
    "francais": "fr",
    "french": "fr",
    "franzosisch": "fr",
    "frances": "fr",
    "es": "es",
    "spa": "es",
    "esp": "es",
    "espanol": "es",
    "spanish": "es",
    "spanisch": "es",
    "espagnol": "es",
    "castellano": "es",
}
_PREFIX_WORDS = (
    r"English|Englisch|Anglais|Inglés|Ingles|Deutsch|German|Allemand|Alemán|Aleman|Français|Francais"
    r"|French|Französisch|Francés|Frances|Español|Espanol|Spanish|Spanisch|Espagnol|Castellano"
)
LANGUAGE_PREFIX_RE = compile_guarded(
    r"(?:^|(?<=\s))(?:\[(EN|DE|FR|ES)\]\s{0,2}:?|\b(EN|DE|FR|ES|ENG|GER|DEU|FRA|SPA)\s{0,2}[:|]|\b("
    + _PREFIX_WORDS
    + r")\s{0,2}:)\s{0,3}"
)
# What every LANGUAGE_PREFIX_RE match outside brackets contains, as a pattern that opens with
# a capital letter: the regex engine jumps between capitals instead of trying the full
# pattern (which opens with a look-behind) at every position of the caption.
_PREFIX_CUE_RE = re.compile(r"(?:EN|DE|FR|ES|ENG|GER|DEU|FRA|SPA|" + _PREFIX_WORDS + r")\s{0,2}[:|]")
IMAGO_SPLIT = " *** "
# (the look-behind after the first blank: the engine skips to each blank instead of trying
# the look-behind at every position; the same matches as '(?<=[.!?])\s{1,5}')
_SENTENCE_SPLIT_RE = re.compile(r"\s(?<=[.!?]\s)\s{0,4}(?=[A-ZÀ-ÝĀ-ɏ\"'«(])")
# Notices inside a caption sentence: only unmistakable wording, since a caption may well say
# 'police restricted access' or 'an oil embargo'.
_CAPTION_NOTICE_RE = re.compile(
    r"editorial use|editorial only|nur (?:fur|zur) redaktionell|redaktionelle verwendung|usage editorial"
    r"|utilisation editoriale|uso editorial|mandatory credit|obligatorische quellenangabe|credit obligatoire"
    r"|credito obligatorio|embargoed|embargo\s?:|sperrfrist|embargo (?:until|jusqu|hasta)"
    r"|not released|releases?\s?:|model release|no model release|no sales|rights managed|this image could have"
    r"|dieses bild kann|cette image peut|esta imagen (?:puede|podria)|must credit|restrictions\s?:"
)
# Stems every pattern of _CAPTION_NOTICE_RE and every standing notice contains (checked on
# the casefolded text): most captions contain none, and skip the folding and sentence split.
_NOTICE_STEMS = (
    "editorial",
    "éditorial",
    "redaktion",
    "usage",
    "utilisation",
    "uso",
    "mandatory",
    "quellenangabe",
    "credit",
    "crédit",
    "embargo",
    "sperrfrist",
    "releas",
    "model",
    "no sales",
    "rights",
    "image",
    "bild",
    "imagen",
    "restriction",
)
_DATELINE_START_RE = re.compile(
    r"^(?:[A-ZÀ-ÝĀ-ɏ][A-ZÀ-ÝĀ-ɏ.'\- ]{2,40}"
    r"(?:,|\s\(|\s[-–—]\s|\s\d{1,2}\.\d{1,2}\.\d{2,4}\b)|\d{1,2}\.\d{1,2}\.\d{2,4},)"
)
# A dateline alone on the last line of a caption: 'BERLIN 28.03.1970' (picture archives).
CLOSING_DATELINE_RE = re.compile(
    r"[A-ZÀ-ÝĀ-ɏ][A-ZÀ-ÝĀ-ɏ'\-]{2,30}(?: [A-ZÀ-ÝĀ-ɏ][A-ZÀ-ÝĀ-ɏ'\-]{1,30}){0,2} \d{1,2}\.\d{1,2}\.\d{2,4}"
)
ARTICLE_PARAGRAPH = 600  # characters: longer than a caption line ever runs
_TERMINAL = frozenset(".!?…\"'»)]”’")


def language_of_prefix(word: str | None) -> str | None:
    if not word:
        return None
    return LANGUAGE_NAMES.get(fold(word))


def first_language_segment(text: str) -> tuple[str, str | None]:
    """Keep the first language of a bilingual caption; report that language when labelled.

    Handles 'English: … Deutsch: …' (Wikimedia Commons), 'DE: … EN: …', '[EN] …' and imago's
    'deutscher Text *** English text'.
    """
    if IMAGO_SPLIT in text:
        text = text.split(IMAGO_SPLIT, 1)[0]
    for separator in (" / ", " | ", " // "):
        if separator in text:
            left, right = text.split(separator, 1)
            left_language = line_language(left) if left.rstrip()[-1:] in ".!?" else None
            if left_language and line_language(right, minimum=1) not in (None, left_language):
                text = left
                break
    if ":" not in text and "|" not in text and "[" not in text:
        return text, None  # every language prefix has one of these
    if "[" not in text and not _PREFIX_CUE_RE.search(text[:20_000]):
        return text, None
    matches = list(LANGUAGE_PREFIX_RE.finditer(text[:20_000]))
    if not matches:
        return text, None
    first = matches[0]
    language = language_of_prefix(first.group(1) or first.group(2) or first.group(3))
    if first.start() > 0 and text[: first.start()].strip():
        # Text before the first prefix is the first language; cut at the prefix.
        return text[: first.start()], None
    end = matches[1].start() if len(matches) > 1 else len(text)
    return text[first.end() : end], language


# word -> the votes it casts: one for its language, or half for each language sharing it
# (a distinctive stopword wins over a shared spelling). One dict probe per word of a caption.
_WORD_VOTES: dict[str, tuple[tuple[str, float], ...]] = {
    **{word: ((language, 1),) for word, language in CUE_WORDS.items()},
    **{word: tuple((language, 0.5) for language in shared) for word, shared in SHARED_STOPWORDS.items()},
    **{word: ((language, 1),) for word, language in WORD_LANGUAGE.items()},
}


def _votes(text: str, strip: str) -> dict[str, float]:
    votes: dict[str, float] = {}
    lookup = _WORD_VOTES.get
    for word in text.casefold().split():
        cast = lookup(word.strip(strip))
        if cast:
            for language, weight in cast:
                votes[language] = votes.get(language, 0) + weight
    return votes


def stopword_votes(text: str) -> dict[str, float]:
    """Votes per language from stopwords; shared words count half for each language."""
    return _votes(text[:3000], ".,;:!?()\"'«»")


@lru_cache(maxsize=16384)  # words recur: an archive's keyword lines share most of theirs
def _spelling_of(word: str) -> tuple[str, ...]:
    languages = []
    for language, cues in SPELLING_CONTAINS.items():
        if any(cue in word for cue in cues) or word.endswith(SPELLING_ENDINGS.get(language, ())):
            languages.append(language)
    return tuple(languages)


def spelling_votes(text: str) -> dict[str, float]:
    """Half a vote per word for each language its spelling points to (captions/data/
    language_cues.json): the evidence for a caption with too few stopwords to decide."""
    votes: dict[str, float] = {}
    for word in text[:3000].casefold().split():
        word = word.strip(".,;:!?()\"'«»“”„")
        if len(word) < 3:
            continue
        for language in _spelling_of(word[:40]):
            votes[language] = votes.get(language, 0.0) + 0.5
    return votes


def line_language(text: str, *, minimum: float = 2) -> str | None:
    """The language a line is clearly written in, or None when the evidence is thin."""
    votes = stopword_votes(text)
    if not votes:
        return None
    best = max(votes, key=votes.get)
    ordered = sorted(votes.values(), reverse=True)
    if ordered[0] >= minimum and (len(ordered) == 1 or ordered[0] >= 2 * ordered[1]):
        return best
    return None


# Where a caption may switch language: after a sentence, at a ' - ' separator, or before a
# credit label ('... sind." Foto: Archiv This motif ...').
# (or a sentence glued to the last one's full stop: '... Estado de Goias, Brasil.An adult male ...')
_LANGUAGE_BOUNDARY_RE = re.compile(
    r"(?<=[.!?\"”])\s{1,5}(?=[A-ZÀ-ÝĀ-ɏ\"'«(])|\s[-–—]\s|(?<=[a-zà-ÿĀ-ɏ]{2}[.!?])(?=[A-ZÀ-ÝĀ-ɏ][a-zà-ÿĀ-ɏ ])"
)


def _decided(votes: dict[str, float], minimum: float) -> str | None:
    if not votes:
        return None
    ordered = sorted(votes.items(), key=lambda item: item[1], reverse=True)
    if ordered[0][1] >= minimum and (len(ordered) == 1 or ordered[0][1] >= 2 * ordered[1][1]):
        return ordered[0][0]
    return None


def undecided(votes: dict[str, float]) -> bool:
    """Do the votes leave two languages level, or nearly (the best under twice the next)?"""
    return len(votes) > 1 and _decided(votes, 0) is None


def cut_second_language(text: str) -> str:
    """Keep the first language of a caption whose translation follows without a marker
    ('... à Paris - Croix - A demonstrator holds ...', '... worden sind." This motif ...').

    The text is cut at the first boundary where what comes before is clearly one language and
    everything after clearly another. Votes are counted once per segment and summed from the
    end, so the cost stays linear in the text, however many sentences it has.
    """
    if len(text) < 80:
        return text
    text = text[:20_000]
    # Two languages with real evidence each, or there is nothing to cut (most captions).
    if sum(1 for votes in stopword_votes_all(text).values() if votes >= 2) < 2:
        return text
    cuts = [match.start() for match in _LANGUAGE_BOUNDARY_RE.finditer(text)]
    if not cuts:
        return text
    bounds = [0, *cuts, len(text)]
    segments = [stopword_votes_all(text[start:end]) for start, end in zip(bounds, bounds[1:], strict=False)]
    suffix: list[dict[str, float]] = [{}] * (len(segments) + 1)
    for index in range(len(segments) - 1, -1, -1):
        merged = dict(suffix[index + 1])
        for language, weight in segments[index].items():
            merged[language] = merged.get(language, 0.0) + weight
        suffix[index] = merged
    prefix: dict[str, float] = {}
    for index, cut in enumerate(cuts):
        for language, weight in segments[index].items():
            prefix[language] = prefix.get(language, 0.0) + weight
        first = _decided(prefix, 2)
        if first is None:
            continue
        rest = _decided(suffix[index + 1], 4)
        if rest is not None and rest != first and len(text) - cut >= 40:
            if _decided(segments[index + 1], 1) == first:
                # the sentence after the cut is still the first language (a quotation's
                # sentences: '... schreibt: "Die Wehrmacht kauft Pferde ein. Das kraeftige ...'):
                # the translation starts further on
                continue
            return text[:cut].rstrip(" -–—")
    return text


def stopword_votes_all(text: str) -> dict[str, float]:
    """stopword_votes over the whole text (no 3,000-character window; curly double quotes are
    stripped from the words too, which stopword_votes leaves on them)."""
    return _votes(text, ".,;:!?()\"'«»“”")


def split_headline(paragraphs: list[list[str]]) -> tuple[str | None, list[str] | None, int]:
    """(headline, caption lines, index of the caption paragraph) from the leading prose.

    A short title line without a full stop, followed by the caption (a separate paragraph,
    or a line that opens with a dateline), is a headline: Getty and AP pages print one.
    """
    if not paragraphs:
        return None, None, -1
    first = paragraphs[0]
    head = first[0]
    if len(first) > 1 and is_gallery_title(head):
        # a gallery's title over the picture's lines ('UK news in pictures' / '19 October 2020' /
        # 'A man walks past ...'): the page's heading
        return head, first[1:], 0
    if _looks_like_title(head) or (len(first) == 1 and _trailing_heading(head)):
        if len(first) > 2 and fold(first[1].strip()) == fold(head.strip()):
            first = first[1:]  # the title printed twice over the text (the page's and the picture's)
        if len(first) > 1 and (_DATELINE_START_RE.match(first[1]) or _title_over_sentence(head, first[1])):
            return head, first[1:], 0
        if len(first) == 1 and len(paragraphs) > 1 and len(" ".join(paragraphs[1])) > len(head):
            second = paragraphs[1]
            if (
                len(second) == 1
                and len(paragraphs) > 2
                and _looks_like_title(second[0])
                and any(_is_full_sentence(line) for line in paragraphs[2])
            ):
                # a page's name or logo line, then the picture's title, then its caption
                # ('GHDI logo' / 'Ein Propagandawagen … (August-September 1930)' / 'Nach der …')
                return second[0], paragraphs[2], 2
            if (
                len(second) == 1
                and len(paragraphs) > 2
                and second[0].rstrip().endswith(("...", "…"))
                and len(second[0].split()) >= 8
                and len(" ".join(paragraphs[2])) <= ARTICLE_PARAGRAPH
                and _reads_as_prose(" ".join(paragraphs[2]))
            ):
                # a standfirst cut short under the headline ('When the teams faced off ...'),
                # then the picture's caption: the teaser of the article, not the caption
                return head, paragraphs[2], 2
            return head, second, 1
        if len(first) == 1 and len(paragraphs) > 2:
            # short lines, each a paragraph of its own, between the title and the caption (a
            # page's share button, the title again): the first paragraph of full sentences
            for index, paragraph in enumerate(paragraphs[1:4], start=1):
                if any(_is_full_sentence(line) for line in paragraph):
                    return head, paragraph, index
                if len(paragraph) > 1 or len(paragraph[0]) >= 60:
                    break
    if len(paragraphs) > 1 and len(first) > 1 and all(len(line) < 60 and not _is_full_sentence(line) for line in first):
        # A page header of short lines ('Manifestation du 1er mai.' / '01 mai 2023' / ...) over
        # the caption: the first paragraph with a full sentence is the caption.
        for index, paragraph in enumerate(paragraphs[1:4], start=1):
            if any(_is_full_sentence(line) for line in paragraph):
                return first[0], paragraph, index
    return None, first, 0


_GALLERY_TITLES = load_data("credit_patterns.json")["gallery_titles"]
_GALLERY_TITLE_RE = re.compile(
    r"(?i:(?:[^\W\d][\w'’\-]*\s){0,6}(?:"
    + alternation(_GALLERY_TITLES["endings"])
    + r")|"
    + alternation(_GALLERY_TITLES["whole"])
    + r")\s{0,2}:?"
)


def is_gallery_title(line: str) -> bool:
    """A gallery's title line ('UK news in pictures', 'Bilder des Tages'; gallery_titles): at
    most seven words before the ending, no stop after it."""
    line = line.strip()
    return len(line) <= 80 and _GALLERY_TITLE_RE.fullmatch(line) is not None


def _reads_as_prose(text: str) -> bool:
    """Words of a caption, not a date or a credit alone: four words or more once its credit and
    its date are left out ('The garrison team against Example United, November 21st, 1931'; not
    'November 21, 1931', 'el sábado 21 de noviembre de 1931', 'Foto: Ana Ruiz/EFE')."""
    text = strip_credits(text)[0]
    found = dates.find_date(text)
    if found is not None and found.text:
        text = text.replace(found.text, " ", 1)
    return sum(1 for word in text.split() if any(char.isalpha() for char in word)) >= 4


def _trailing_heading(line: str) -> bool:
    """A heading of a few words that trails off ('Le village, il y a 100 ans...', 'Das Dorf vor
    hundert Jahren …'): two to eight words and an ellipsis, no sentence before it."""
    words = line.split()
    text = line.rstrip()
    if not 2 <= len(words) <= 8 or not text.endswith(("...", "…")):
        return False
    return _looks_like_title(text.rstrip(".… "))


def _is_full_sentence(line: str) -> bool:
    end = line.rstrip()
    if end[-1:] in ")]" and len(end) > 80:
        # a credit in brackets after the sentence: '... on Sept 7. [Provided to Example Daily]'
        opening = end.rfind("[" if end[-1] == "]" else "(")
        if opening > 0:  # (a closing bracket without its opening: the line as it is)
            end = end[:opening].rstrip()
    return len(line) >= 80 and end[-1:] in '.!?"”»'


_TITLE_ABBREVIATIONS = frozenset(load_data("credit_patterns.json")["title_abbreviations"])


# Capitalised words that open a sentence after a capital letter's full stop, by language: a
# pronoun or a conjunction, an article in any word's company in a language of capitalised nouns
# ('Plan B. Er klappt', 'Plan B. Die Idee klappt'), or before a word in lower case in the
# others ('Plan B. La idea funciona'; 'Jean M. Le Pen' is a name)
_CAPTION_LABELS = load_data("caption_labels.json")
_SENTENCE_WORDS = {
    language: (
        frozenset(_CAPTION_LABELS["sentence_pronouns"].get(language, ())),
        frozenset(_CAPTION_LABELS["sentence_openers"].get(language, ())),
        language in _CAPTION_LABELS["nouns_capitalised"],
    )
    for language in LANGUAGES
}
_OPENING_QUOTES = "(\"'“«„"


def _opens_sentence(after: str, languages) -> bool:
    words = after.split(None, 2)
    first = words[0].lstrip(_OPENING_QUOTES) if words else ""
    for language in languages:
        pronouns, articles, nouns_capitalised = _SENTENCE_WORDS[language]
        if first in pronouns:
            return True
        if first in articles and (nouns_capitalised or (len(words) > 1 and words[1][:1].islower())):
            return True
    return False


def _text_languages(text: str) -> tuple[str, ...]:
    """The text's language when its stopwords say it clearly (three votes or more, twice the
    next: line_language); else all four (a short quote's 'On a ...' votes English)."""
    language = line_language(text, minimum=3)
    return (language,) if language else LANGUAGES


def _has_sentence_stop(text: str) -> bool:
    """A full stop and a blank inside `text` that ends a sentence: not a title's ('Mrs.
    Example'; title_abbreviations), nor an initial's ('Booker T. Washington'). A capital letter
    alone before the stop is an initial or a sentence's last word ('Plan B.', 'vitamin C.'): it
    ends the sentence when a sentence's opening word follows ('Plan B. Er klappt', 'Plan B. It
    works'; _opens_sentence) in the text's language when its stopwords say it clearly ('Tarun K.
    Das at his desk' is English, and 'Das' no article there), in any of the four otherwise; else
    it is a name's initial."""
    at = text.find(". ")
    languages = None
    while at >= 0:
        before = text[max(0, at - 30) : at + 1].split()
        word = before[-1] if before else ""
        if len(word) == 2 and word[0].isupper():
            languages = languages or _text_languages(text)
            if _opens_sentence(text[at + 2 : at + 80], languages):
                return True
        elif word.lstrip(_OPENING_QUOTES) not in _TITLE_ABBREVIATIONS:
            return True
        at = text.find(". ", at + 2)
    return False


def unquoted(text: str) -> str:
    """A caption wholly in quotes is a title quoted by its catalogue: '"Transeúntes por la
    Puerta del Sol de Madrid"'; quoted sentences are someone's words, and keep their quotes
    ('« Ici, en Belgique, le gris domine notre quotidien ... dans mon jardin. »')."""
    for opening, closing in (('"', '"'), ("“", "”"), ("«", "»"), ("„", "“")):
        if len(text) > 2 and text[0] == opening and text[-1] == closing and opening not in text[1:-1]:
            inner = text[1:-1].strip()
            if inner[-1:] in ".!?" or _has_sentence_stop(inner):
                return text
            return inner
    return text


# A wire desk's tag over its caption: 'BRITAIN-US-ENT-MUSIC-JACKSON', 'CHINA-XINJIANG-COTTON'
# (three words in capitals or more, joined by hyphens, alone on the line)
DESK_TAG_RE = re.compile(r"[A-Z][A-Z0-9]{1,20}(?:-[A-Z0-9]{1,20}){2,10}")


def is_slug(paragraph: list[str]) -> bool:
    """A wire slug line: capitals, digits and separators only, a few words, no full stop."""
    if len(paragraph) != 1:
        return False
    line = paragraph[0].strip()
    return (
        0 < len(line.split()) <= 12
        and line[-1:] not in ".!?:"
        and any(character.isalpha() for character in line)
        and not any(character.islower() for character in line)
    )


def _title_over_sentence(head: str, line: str) -> bool:
    """A short title line over a full sentence in the same paragraph ('Liberté, égalité,
    brasier et muguet' / 'Les manifestants ... à Paris.'), not a caption wrapped mid-sentence:
    the title has a few words, the next line opens a sentence and closes it, twice as long (a
    credit in parentheses may follow the sentence: '... of houses. (U.S. Army photo by ...)')."""
    end = line.rstrip()
    if end[-1:] == ")" and "(" in end:
        end = end[: end.rfind("(")].rstrip()
    elif end[-1:] not in ".!?" and line[:1].isupper() and len(end) < 2000:
        end = strip_credits(end)[0].rstrip()  # a credit after the stop: '... begonnen. © dpa'
    if not line[:1].isupper() or end[-1:] not in ".!?":
        return False
    if is_keyword_line(head):
        # a page's keywords over the caption ('Exampletown, Zugunglück, Regionalbahn' / 'Die
        # Bergung hat begonnen.'): no title's length to compare with
        return len(end.split()) >= 4
    if line.split(" ", 1)[0] in ALL_SENTENCE_OPENERS and not _INNER_STOP_RE.search(head):
        # a sentence opening with an article or a demonstrative ('La foto, tomada el ...', 'The
        # picture ...'), no line of a caption wrapped mid-sentence: longer than the title
        return len(line) >= max(60, len(head) + 20)
    words = len(head.split())
    return (words <= 8 or (words <= 12 and len(line) >= 3 * len(head))) and len(line) >= max(60, 2 * len(head))


_KEYWORD_RE = re.compile(r"[^\W\d_][^\s,\d.!?;:]*(?: [^\W\d_][^\s,\d.!?;:]*){0,2}")


def is_keyword_line(line: str) -> bool:
    """A page's keywords for the picture, as its alt text gives them: three to eight parts
    between commas, each one to three words, no digit, no stop ('Exampletown, Zugunglück,
    Regionalbahn', 'harbour, fog, fishing boats')."""
    parts = line.strip().split(", ")
    return 3 <= len(parts) <= 8 and len(line) <= 120 and all(_KEYWORD_RE.fullmatch(part) for part in parts)


def is_alt_text(line: str) -> bool:
    """A page's alt text for the picture: one plain sentence of a few words that names no one,
    no place and no date ('A soldier lies on the ground holding a weapon while another soldier
    kneels beside him.'): no capitalised word but the first, no digit, no quote, no label."""
    if not 20 <= len(line) <= 200 or line[-1:] != "." or _INNER_STOP_RE.search(line):
        return False
    if any(character.isdigit() or character in _NOT_IN_ALT_TEXT for character in line):
        return False
    return not any(word[:1].isupper() for word in line.split()[1:])


_NOT_IN_ALT_TEXT = frozenset(':;/()[]"«»“”„|©')
# A capitalised word after a sentence's first, or a digit: a caption names someone, somewhere
# or a date
_NAMED_RE = re.compile(r"\d|(?<=[\w,;:'’] )[A-ZÀ-ÝĀ-ɏ]")


def names_or_dates(text: str) -> bool:
    return _NAMED_RE.search(text) is not None


def without_trailing_links(line: str) -> str:
    """A line without the page's link text closing it ('... l'édifice. Agrandir l’image
    (Nouvelle fenêtre)')."""
    if not TRAILING_MARKER_CUE_SEARCH(line[-60:]):
        return line
    marker = TRAILING_MARKER_RE.search(line, max(0, len(line) - 200))
    return line[: marker.start()].rstrip() if marker else line


def looks_like_title(line: str) -> bool:
    return _looks_like_title(line)


def _looks_like_title(line: str) -> bool:
    words = line.split()
    if not words or len(words) > 12 or line[-1] in ",;:":
        return False
    # a parenthesis may close a title ('Ein Propagandawagen … Berlins (August-September 1930)',
    # '… world trade center (2001)'); another closing stop may not
    # ('Dorfkern (ca. 1930)': an abbreviation's stop inside the closing brackets is no sentence's;
    # nor is the title's own stop before them: 'La cour de récréation. (1930)')
    if line[-1] in _TERMINAL and not (
        line[-1] == ")"
        and "(" in line
        and not _INNER_STOP_RE.search(line, 0, len(line[: line.rfind("(")].rstrip().removesuffix(".")))
    ):
        return False
    return fold(words[-1]) not in DANGLING_WORDS


_INNER_STOP_RE = re.compile(r"[.!?]\s")


def join_caption_lines(lines: list[str]) -> str:
    """Join wrapped lines; stop where the text turns into something else.

    Two things follow a caption without a blank line in pasted blocks: its translation
    (the next line switches language) and the article it illustrates (a paragraph far longer
    than any caption). Both start after a finished sentence.
    """
    if not lines:
        return ""
    if len(lines) == 1:
        return lines[0]
    kept = [lines[0]]
    length = len(lines[0])
    first_language = line_language(lines[0])
    for line in lines[1:]:
        if kept[-1].rstrip()[-1:] in '.!?"”':
            if len(line) > ARTICLE_PARAGRAPH and len(line) > 2 * length:
                break
            if first_language:
                other = line_language(line)
                if other and other != first_language:
                    break
        kept.append(line)
        length += len(line)
    return " ".join(kept)


# A notice after the credit, behind a dash: '... Foto: -/KCNA/dpa - ACHTUNG: Nur zur
# redaktionellen Verwendung ... und nur mit vollständiger Nennung des vorstehenden Credits'
_NOTICE_TAIL_RE = re.compile(
    r"\s[-–—]\s(?=(?:" + alternation(load_data("credit_patterns.json")["notice_openers"]) + r")\s?:\s)"
)


def cut_notice_tail(text: str) -> tuple[str, str | None]:
    """(the text before a dash and a notice closing it, the notice), or the text and None (a
    caption's own 'Achtung:' goes on unless it is a notice's wording)."""
    if "CHTUNG" not in text and "chtung" not in text and "TTENTION" not in text and "TENCI" not in text:
        return text, None
    for match in _NOTICE_TAIL_RE.finditer(text[:20_000]):
        notice = text[match.end() :].strip()
        if len(notice) <= 600 and (_CAPTION_NOTICE_RE.search(fold(notice)) or caveats_in(fold(notice))):
            return text[: match.start()].rstrip(), notice
    return text, None


def strip_credits(text: str) -> tuple[str, list[str]]:
    """Remove inline credit lines; return the text and the credits as stated."""
    credits: list[str] = []
    bracketed = False  # the last credit read was in brackets
    if len(text) > 20_000:
        text = text[:20_000]
    if not may_hold_credit(text):
        return text, credits
    for pattern in credit_patterns_for(text):
        found = search_credit(pattern, text)
        guard = 0
        while found and guard < 5:
            guard += 1
            if found.start() == 0 and reads_as_sentence(found.group("credit")):
                # 'Photo: Sunset over the bay at Monterey, ...': a label over the caption itself,
                # no name after it; the label goes and the sentence stays
                text = text[found.start("credit") :]
                break
            credits.append(without_bare_label(found.group("credit").strip()))
            bracketed = text[found.start() : found.end()].lstrip()[:1] == "("
            text = (text[: found.start()] + " " + text[found.end() :]).strip()
            found = search_credit(pattern, text)
    if not credits:
        closing = closing_agency(text)
        if closing:
            credits.append(closing.group("credit"))
            text = text[: closing.start()].rstrip()
    if credits and text[-1:] in ",;" and not bracketed:
        # '... Gedächtniskirche, Foto: imago images / Schöning' (a comma before a credit in brackets
        # is the caption's own: '... le 24 janvier 2017, (Xinhua/Jean Roe)')
        text = text.rstrip(" ,;")
    elif credits and text[-2:] in (" /", " |"):  # '... de Madrid / Reuters / Juan Medina'
        text = text[:-2].rstrip()
    if credits and ":" in text[-30:]:  # '... propagación. Foto:' once 'EFE/José Jácome.' was read
        dangling = DANGLING_LABEL_RE.search(text, max(0, len(text) - 30))
        if dangling:
            text = text[: dangling.start()].rstrip()
    elif credits:  # '... 1936. Photo' once 'KEYSTONE / Photopress-Archiv' was read
        dangling = DANGLING_BARE_LABEL_RE.search(text, max(0, len(text) - 12))
        if dangling:
            text = text[: dangling.start()].rstrip()
    return text, credits


@lru_cache(maxsize=8192)
def credits_in_line(line: str) -> tuple[str, ...]:
    """Credits stated on a notice or credit line (memoised: these lines are boilerplate)."""
    if line.strip() in AGENCY_LINES:
        return (line.strip(),)  # an agency's name alone on its line: 'AP', 'Keystone'
    labelled = BARE_LABEL_LINE_RE.fullmatch(line.strip()) if line[:1] in "PF" else None
    if labelled:
        return (labelled.group("credit"),)  # 'PHOTO JANE ROE, LA PRESSE'
    if "/" in line and len(line) <= 160 and is_name_agency_line(line):
        return (line.strip(),)  # 'JANE ROE/AFP/GETTY IMAGES'
    found = strip_credits(without_sentence_after_bar(line) if " | " in line else line)[1]
    if not found and _may_hold_boilerplate(line.lstrip("* ")):
        # a credit's prescribed wording as a notice line: 'Credit line must read: Jane Roe'
        found = strip_boilerplate(line.lstrip("* "))[1]
    return tuple(found)


def strip_notices(text: str) -> tuple[str, list[str]]:
    """Drop notice sentences from the caption text; return them for the restriction text."""
    if not contains_any(text[:20_000].casefold(), _NOTICE_STEMS):
        return text, []
    folded_all = fold(text[:20_000])
    if not _CAPTION_NOTICE_RE.search(folded_all) and not known_notice_prefix(folded_all[-200:]):
        return text, []
    kept, removed = [], []
    for sentence in _SENTENCE_SPLIT_RE.split(text):
        folded = fold(sentence)
        if _CAPTION_NOTICE_RE.search(folded) or known_notice_prefix(folded):
            match = _CAPTION_NOTICE_RE.search(folded)
            comma = folded.rfind(",", 0, match.start()) if match else -1
            if comma > 0 and len(folded) == len(sentence) and not known_notice_prefix(folded):
                # a list of phrases with the notice among them ('Happiness girl in jump,model
                # released, Symbolfoto'): the notice and what follows it go, the head stays
                removed.append(sentence[comma + 1 :].strip())
                kept.append(sentence[:comma])
                continue
            if len(sentence.split()) <= 25 or known_notice_prefix(folded):
                removed.append(sentence.strip())
                continue
            # A long sentence with a notice tail: cut the tail off at the notice.
            match = _CAPTION_NOTICE_RE.search(folded)
            if match and match.start() > 0:
                removed.append(sentence[match.start() :].strip())
                sentence = sentence[: match.start()]
        kept.append(sentence)
    return " ".join(kept), removed


# A reference token closing the text has a digit or imago's 'x' in its last characters.
_REFERENCE_CUE_RE = re.compile(r"[\dx]")


# A territory token behind a bar closing the caption, as dpa and the agencies it feeds append it:
# '... data protection, Lock. | usage worldwide', '| Verwendung weltweit', '| Nutzung nur in
# Deutschland', '| usage Germany only': where the picture may go, no description and no tag (SPEC:
# territory tokens map to no tag)
_TERRITORY_TAIL_RE = re.compile(
    r"\s{0,3}\|\s{0,3}(?i:usage|use|verwendung|nutzung|utilisation|uso)\s(?:"
    r"(?i:worldwide|weltweit|dans le monde entier|mundial|en todo el mundo)"
    r"|(?i:only in|nur in|uniquement en|solo en)\s[A-ZÀ-Ý][\w .,-]{1,60}"
    r"|[A-ZÀ-Ý][\w.,-]{1,30}(?:\s[A-Z][\w.,-]{1,30}){0,3}\s(?i:only|nur|uniquement|solamente)"
    r")\.?\s{0,3}$"
)


def strip_markers(text: str) -> str:
    """Drop wire markers: 'FILE - ' / 'ARCHIV - ' before the text, '+++ dpa-Bildfunk +++' after."""
    if "|" in text[-100:]:
        territory = _TERRITORY_TAIL_RE.search(text, max(0, len(text) - 100))
        if territory:
            text = text[: territory.start()]
    if text[:1].isupper() or text[:1] in "+(":
        text = LEADING_MARKER_RE.sub("", text, count=1)
        if "(" in text[:120]:
            head = DATELINE_AGENCY_RE.sub("", text[:120], count=1)
            text = head + text[120:]
    tail = max(0, len(text) - 600)  # a run of markers closing the text is never longer
    # the last marker of a run closes the text: its cue is in the last characters, or it is a
    # story reference closing on ')'
    if TRAILING_MARKER_CUE_SEARCH(text[-40:]) or (
        text.rstrip()[-1:] == ")" and TRAILING_MARKER_CUE_SEARCH(text[tail:])
    ):
        marker = TRAILING_MARKER_RE.search(text, tail)
        if marker:
            text = text[: marker.start()]
    if text[-1:] == ")" and ")" in text[-6:-1]:
        text = without_editor_initials(text)
    if _REFERENCE_CUE_RE.search(text, max(0, len(text) - 45)):
        text = strip_reference_tokens(text)
    if " [" in text:
        text = _cut_at_bracket_label(text)
    return text


# The wire desk's initials closing a caption, each in brackets: '... celebración. (Xinhua/Li Xiang)
# (jg) (ah) (ce)', '(rtg)(jcb)', '(mm/dd)': the editors who handled the picture, no description and
# no credit
_EDITOR_INITIALS_RE = re.compile(r"(?:\s{0,2}\([a-z]{1,4}(?:/[a-z]{1,4})?\)){1,8}\s{0,3}$")
_INITIALS_GROUP_RE = re.compile(r"\(([a-z/]{1,9})\)")
# what a lower-case word in brackets may be besides initials: an agency in lower case ('(dpa)'), a
# page's note ('(sic)')
_NOT_INITIALS = frozenset(
    fold(word)
    for key in ("agencies", "note_words")
    for word in load_data("credit_patterns.json")[key]
    if " " not in word
)


def without_editor_initials(text: str) -> str:
    """The text without the editors' initials closing it (_EDITOR_INITIALS_RE): a run of two
    groups or more, or one after a credit's closing bracket ('(Xinhua/Mu Yu) (vf)'); a word a
    caption may close on in brackets ('(dpa)', '(sic)') is none."""
    run = _EDITOR_INITIALS_RE.search(text, max(0, len(text) - 80))
    if run is None:
        return text
    groups = [(group.start(), group.group(1)) for group in _INITIALS_GROUP_RE.finditer(text, run.start())]
    while groups and groups[0][1] in _NOT_INITIALS:
        groups.pop(0)  # '... Berlin. (dpa) (ah)': the agency stays, the initials after it go
    if not groups or any(word in _NOT_INITIALS for _start, word in groups):
        return text
    head = text[: groups[0][0]].rstrip()
    if len(groups) < 2 and head[-1:] != ")":
        return text
    return head if len(head) >= 20 else text


# 'Calif. Copyright 1906. Prints and Photographs Division. LC-USZ62-76899.': a copyright
# statement with its year, after the description, opens the library's own notes.
_COPYRIGHT_SENTENCE_RE = re.compile(r"(?<=[.!?])\s{1,3}(?:Copyright|COPYRIGHT|©|\(c\))\s{0,2}(?:\d{4}|by\s)")


def cut_copyright_tail(text: str) -> str:
    """The description before a copyright sentence that follows it; the text unchanged when
    there is none (or nothing before it)."""
    if "opyright" not in text and "©" not in text and "(c)" not in text:
        return text
    match = _COPYRIGHT_SENTENCE_RE.search(text)
    return text[: match.start()].rstrip() if match and match.start() >= 20 else text


# A source named in brackets where the picture's description ends: '... vielleicht um 1956
# [bildindex]. Bei den Bombenangriffen ...' (what follows is the library's background text).
_BRACKET_SOURCE_RE = re.compile(r"(?<=\S)\s\[([^\W\d][\w.\-]{1,30})\](?=[.!?](?:\s|$))")
_NOT_SOURCES = frozenset(["sic", "ca", "circa", "c", "etc", "ff", "f", "ibid", "id", "vgl", "cf"])


def cut_at_source_tag(text: str) -> tuple[str, str | None]:
    """(the description up to a bracketed source closing its sentence, the source), or the
    text unchanged and None."""
    if "[" not in text:
        return text, None
    match = _BRACKET_SOURCE_RE.search(text)
    if match is None or match.start() < 20 or fold(match.group(1)).rstrip(".") in _NOT_SOURCES:
        return text, None
    return text[: match.start()].rstrip() + text[match.end() : match.end() + 1], match.group(1)


# A sentence naming the photographer after the description, before a museum's or shop's
# notes: '... 1903-1904. Photographie d'Eugène Atget (1857-1927). Paris, musée Carnavalet.'
_PHOTOGRAPHER_SENTENCE_RE = re.compile(
    r"(?<=[.!?])\s{1,3}(?:Photographie|Photograph|Photo|Foto|Fotografie|Fotografía)\s(?:" + BYLINE_WORD + r"\s|d'|d’)"
    r"(?P<name>[A-ZÀ-ÝĀ-ɏ][^.!?()\d]{1,60}?)(?:\s\(\d{4}\s?[-–]\s?\d{4}\))?[.!?](?=\s|$)"
)


# A sentence of its own naming the photographer inside the caption, the description going on
# after it: '... hacia 1925-1930. Fotógrafo Tomás Martín Gil. En esta imagen ...', '...
# Photographer: Jane Roe. The view ...' (the occupation as a label, the name alone)
_PHOTOGRAPHER_NOTE_RE = re.compile(
    r"(?<=[.!?])\s{1,3}(?:"
    + alternation(
        word[:1].upper() + word[1:] for word in load_data("caption_labels.json")["trade_words"]["photographer"]
    )
    + r")"
    # (initials and two particles in the name too: 'Fotógrafo Ana M. de la Roe.'; lexicon.PERSON_NAME)
    r"\s{0,2}:?\s{1,2}(?P<name>[A-ZÀ-ÝĀ-ɏ][\w'’\-]{1,25}(?:\s(?:"
    + NAME_PARTICLE
    + r"\s)?[A-ZÀ-ÝĀ-ɏ][\w'’\-]{1,25}){1,3}|"
    + PERSON_NAME
    + r")"
    r"\.(?=\s|$)"
)


# A photographer's label after a comma closing a library's record sentence, in lower case or not,
# and the name: '..., published Berliner Morgenpost, 05.10.1928, photo: A. u. E. Frankl', '...,
# Aufnahme: Anna Beispiel' (two photographers' initials joined by 'and' before their one surname)
_CLOSING_PHOTOGRAPHER_RE = re.compile(
    r",\s(?:[Pp]hoto|[Ff]oto|[Pp]hotograph|[Aa]ufnahme|[Pp]hotographer|[Ff]otograf|[Pp]hotographe|[Ff]otógrafo)\s?:\s"
    r"(?P<name>(?:[A-ZÀ-ÝĀ-ɏ]\.\s(?:u\.|und|and|&|et|y)\s)?" + PERSON_NAME + r")\s{0,3}$"
)


def cut_closing_photographer(text: str) -> tuple[str, str | None]:
    """(the caption without a photographer's label and name closing it after a comma, the name),
    or the text unchanged and None."""
    if ":" not in text[-60:]:
        return text, None
    match = _CLOSING_PHOTOGRAPHER_RE.search(text, max(0, len(text) - 90))
    if match is None or match.start() < 20:
        return text, None
    return text[: match.start()].rstrip(), match.group("name")


def cut_photographer_note(text: str) -> tuple[str, str | None]:
    """(the caption without the sentence naming its photographer, the name), or the text
    unchanged and None."""
    if "otógraf" not in text and "hotograph" not in text and "otograf" not in text:
        return text, None
    match = _PHOTOGRAPHER_NOTE_RE.search(text)
    if match is None or match.start() < 20:
        return text, None
    return (text[: match.start()] + text[match.end() :]).strip(), match.group("name")


_NEGATIVES = load_data("citations.json")["negatives"]
# A sentence of what the picture was taken on, closing the caption: '... Tennessee." 35mm nitrate
# negative by Marion Post Wolcott for the Farm Security Administration.', '8×10 inch dry plate
# glass negative, Detroit Publishing Company.' (a few words of size and material before it)
_NEGATIVE_SENTENCE_RE = re.compile(
    r"(?<=[.!?\"”»])\s{1,3}(?:[\w×.\-]{1,20}\s){0,6}(?i:"
    + "|".join(re.escape(word) for word in sorted(_NEGATIVES, key=len, reverse=True))
    + r")(?:\s"
    + BYLINE_WORD
    # (an initial's stop inside the name: '... negative by Jane Q. Roe.', '... by M. Roe.')
    + r"\s|,\s)(?P<name>[A-ZÀ-ÝĀ-ɏ](?:[^.!?()\n]|"
    + INITIAL_STOP
    + r"){1,80}?)\.?\s{0,3}$"
)
_NEGATIVE_CUES = tuple(dict.fromkeys(word[1:6] for word in _NEGATIVES))


def cut_at_photographer(text: str) -> tuple[str, str | None]:
    """(the description before a sentence naming its photographer, the name), or the text
    unchanged and None."""
    if contains_any(text[-200:], _NEGATIVE_CUES):
        negative = _NEGATIVE_SENTENCE_RE.search(text, max(0, len(text) - 200))
        if negative is not None and negative.start() >= 20:
            return text[: negative.start()].rstrip(), negative.group("name").strip()
    if "hoto" not in text and "oto" not in text:
        return text, None
    match = _PHOTOGRAPHER_SENTENCE_RE.search(text)
    if match is None or match.start() < 20:
        return text, None
    return text[: match.start()].rstrip(), match.group("name").strip()


def _cut_at_bracket_label(text: str) -> str:
    """An archive's note of what the text before it is ('... jeunes Lorraines. [légende
    d'origine] Pendant le voyage ...', '[original caption]'): a label of ours in brackets ends
    the description there; what follows is the archive's own text."""
    for match in _BRACKET_LABEL_RE.finditer(text):
        if fold(match.group(1)).rstrip(".") in LABELS:
            return text[: match.start()].rstrip()
    return text


# A labelled field run on after the caption's last sentence: '... with girdle.     Date: 1935'
_TRAILING_FIELD_RE = re.compile(
    r"(?<=[.!?\"”»)])\s{1,8}(?P<label>[A-ZÀ-ÝĀ-ɏ][\w'’\-]{1,20}(?: [\w'’\-]{1,20}){0,2}) ?:\s{0,3}[^\n:]{1,80}$"
)
_NOT_TRAILING_FIELDS = frozenset(["caption", "headline"])


def cut_trailing_field(text: str) -> tuple[str, tuple[str, str, str, int] | None]:
    """(the caption, (field, label, value, rank)) when a field label of the data and its value
    follow the last sentence ('... with girdle. Date: 1935'); else (the text, None)."""
    if ":" not in text[-100:]:
        return text, None
    match = _TRAILING_FIELD_RE.search(text, max(0, len(text) - 140))
    if match is None or match.start() < 20:
        return text, None
    label = fold(match.group("label"))
    known = LABELS.get(label)
    if known is None or known[0] in _NOT_TRAILING_FIELDS:
        return text, None
    value = text[match.end("label") :].lstrip(" :").strip()
    return text[: match.start()].rstrip(), (known[0], label, value, known[2])


_BRACKET_LABEL_RE = re.compile(r"(?<=\S)\s\[([^\[\]\n]{2,40})\](?!\S)")


def strip_stock_reference(text: str) -> tuple[str, str | None]:
    """'... Susan Sprung..Adobe Stock #118102236' -> ('... Susan Sprung.', '118102236'): a stock
    library's number closing the caption is a marker, and the picture's id."""
    tail = text[-40:]
    if "#" not in tail and "No." not in tail and "Nr." not in tail:
        return text, None
    match = STOCK_REFERENCE_RE.search(text, max(0, len(text) - 60))
    if not match:
        return text, None
    return text[: match.start()].rstrip(), match.group("ref")


def unbracketed(text: str) -> str:
    """A parenthesis the page opened before the caption and closed after its credit ('(
    Marchand ambulant, place Saint-Médard, 1899' ... '© Eugène Atget / )'): not the caption's."""
    if text[:1] == "(" and text.count("(") > text.count(")"):
        return text[1:].lstrip()
    return text


# A gallery's counter before its caption: '5/16 Obama conversa con Varufakis.'
_GALLERY_COUNTER_RE = re.compile(r"\d{1,3} ?/ ?\d{1,3}\s{1,3}")
# A photographer's name alone on a line: two to four capitalised words ('Laurent Antonoff'), or a
# name with initials and particles ('Jane Q. Roe', 'Ana de la Roe', 'JANE Q. ROE'; lexicon.PERSON_NAME)
_NAME_LINE_RE = re.compile(
    r"[A-ZÀ-ÝĀ-ɏ][\w'’\-]{1,25}(?: (?:" + NAME_PARTICLE + r" )?[A-ZÀ-ÝĀ-ɏ][\w'’\-]{1,25}){1,3}"
    r"|" + PERSON_NAME + r"|" + PERSON_NAME_CAPS
)
# A full stop that ends a sentence, not an initial's ('Jane Q. Roe', 'M. Roe')
_SENTENCE_STOP_RE = re.compile(r"(?<![\s.\-][A-ZÀ-ÞĀ-ɏ])(?<!^[A-ZÀ-ÞĀ-ɏ])\. ")
# A page's bullet or arrow before a caption (list items, gallery arrows, quoting marks): '▲ ...',
# '► ...', '■ ...', '> ...'
_BULLETS = "•·▪‣◦▲△►▶▷▸▹▻■□▪▫●○◆◇◉★☆→➔➜➝➞➡➤⇒»>*"
LEADING_BULLET_RE = re.compile("[" + re.escape(_BULLETS) + r"]{1,3}\s{1,3}(?=\S)")
# Markdown's strong emphasis pasted with the text: '**EFE-ASTURIAS**. OVD05. ...', '__Berlin__'
_EMPHASIS_RE = re.compile(r"(\*\*|__)(?=\S)([^*_\n]{1,200}?)(?<=\S)\1")


def without_bullet(text: str) -> str:
    """The caption without the bullet a page put before it, and without Markdown's '**' around
    its words."""
    if text[:1] in _BULLETS:
        bullet = LEADING_BULLET_RE.match(text)
        if bullet:
            text = text[bullet.end() :]
    if "**" in text or "__" in text:
        text = _EMPHASIS_RE.sub(r"\2", text)
    return text


_DOUBLED_MIN = 20  # characters: a shorter line repeated is a title or a place, not a caption


_BOILERPLATE = load_data("credit_patterns.json")["wire_boilerplate"]


def _phrases(kind: str) -> str:
    return "|".join(re.escape(phrase) for phrase in sorted(_BOILERPLATE[kind], key=len, reverse=True))


# A wire's own sentence inside the caption: a phrase of the data at a sentence's start (or
# glued to the last full stop: '... scheme.Photo credit should read ...'), then the rest of
# its sentence, up to 200 characters.
_BOILERPLATE_RE = re.compile(
    # (a wire's notice in capitals run on after its credit without a stop: '... Press
    # Service/Handout via REUTERS ATTENTION EDITORS - THIS IMAGE HAS BEEN SUPPLIED BY A THIRD PARTY.')
    r"(?:^|(?<=[.!?]\s)|(?<=[.!?][\"”»']\s)|(?<=[.!?])(?=[A-Z])|(?<=\w\s)(?=(?-i:ATTENTION|THIS\s(?:IMAGE|PICTURE))))"
    r"(?:(?P<credit>"
    + _phrases("credit")
    + r")|(?P<date>"
    + _phrases("shoot_date")
    + r")|"
    + _phrases("dropped")
    + r")\b\s{0,2}:?\s{0,3}(?P<rest>(?:[^.!?\n]|(?<=\b\d)\.|(?<=\b\d\d)\.){0,200})(?:[.!?](?=\s|$)|$)",
    re.IGNORECASE,
)
# Every phrase's first four characters, casefolded: a caption none of whose sentences opens
# with one of them skips the search (most do)
_BOILERPLATE_STARTS = frozenset(
    phrase[:4].casefold() for kind in ("credit", "shoot_date", "dropped") for phrase in _BOILERPLATE[kind]
)
_SENTENCE_GAP = frozenset(" \"”»'")


def _may_hold_boilerplate(text: str) -> bool:
    """Does the text, or one of its first 200 sentences, open with the start of a phrase (or
    does a wire's notice in capitals run on after its credit)?"""
    if text[:4].casefold() in _BOILERPLATE_STARTS or "ATTENTION EDITORS" in text or "THIS IMAGE HAS" in text:
        return True
    position = text.find(".")
    for _ in range(200):
        if position < 0:
            return False
        start = position + 1
        while start < len(text) and start - position <= 3 and text[start] in _SENTENCE_GAP:
            start += 1
        if text[start : start + 4].casefold() in _BOILERPLATE_STARTS:
            return True
        position = text.find(".", start)
    return False


def strip_boilerplate(text: str) -> tuple[str, list[str], str | None]:
    """The caption without the wire's own sentences ('PRESS ASSOCIATION Photo.', 'Issue date:
    Friday February 3, 2017.', 'See PA story POLITICS Scotland.'), the credits they state
    ('Photo credit should read: Jonathan Brady/PA Wire') and the picture's date they state
    ('Picture date: Tuesday June 24, 2014.') or None. The day the wire issued the picture is
    not the day it was taken: an issue date is dropped, not read."""
    if len(text) < 20 or not _may_hold_boilerplate(text):
        return text, [], None
    credits: list[str] = []
    shoot_date = None
    kept: list[str] = []
    position = 0
    for match in _BOILERPLATE_RE.finditer(text[:20_000]):
        rest = match.group("rest").strip()
        if match.group("credit"):
            if not rest:
                continue
            credits.append(rest)
        elif match.group("date"):
            if not rest or not any(character.isdigit() for character in rest):
                continue
            shoot_date = shoot_date or rest
        kept.append(text[position : match.start()])
        position = match.end()
    if not kept:
        return text, [], None
    kept.append(text[position:])
    return " ".join(" ".join(kept).split()), credits, shoot_date


def undoubled_lines(lines: list[str]) -> tuple[list[str], str | None]:
    """A caption a web page prints twice, as the picture's alt text and as its caption: the
    second copy may open with the gallery's counter ('5/16 ') and carry the credit glued to its
    end ('... aus' / '... ausFoto: Fredrik von Erichsen'). The caption once, with what the
    second copy adds after it; and a name alone on the line after the copies ('Laurent
    Antonoff'), which is the credit: (lines, credit or None)."""
    for index in range(min(len(lines), 6) - 1):
        if len(lines[index]) < _DOUBLED_MIN and not _short_copy_credited(lines, index):
            continue
        following = index + 1
        if (
            following + 1 < len(lines)
            and len(lines[following]) <= 12
            and _GALLERY_COUNTER_RE.fullmatch(lines[following].strip() + " ")
        ):
            following += 1  # the gallery's counter on a line of its own between the copies ('2/36')
        if len(lines[following]) < min(_DOUBLED_MIN, len(lines[index])):
            continue
        # (the copies compared with their runs of spaces collapsed: '... agricoles.  Photo X' and
        # '... agricoles. Photo X' are one caption)
        first = " ".join(lines[index].split()).lstrip(_BULLETS).strip()  # ('• La argentina ...': the page's bullet)
        if first[:_DOUBLED_MIN] not in " ".join(lines[following].split())[: _DOUBLED_MIN + 16]:
            continue  # (most captions: the next line does not open with this one)
        second = " ".join(lines[following].split())
        if second[:1].isdigit():
            counter = _GALLERY_COUNTER_RE.match(second)
            if counter:
                second = second[counter.end() :]
        if second.startswith(first):
            rest = second[len(first) :].strip()
            tail = _tail_credit(first, rest)
            if tail is not None:
                # what the second copy adds is no description: an unlabelled source after the
                # closed sentence or after a separator ('... the city.' / '... the city. Estevan
                # Fire Rescue', 'Plaza Mayor' / 'Plaza Mayor / Diario Ejemplo')
                after = [line for line in lines[following + 1 :] if line.strip() != tail]
                return [*lines[:index], first, *after], tail
            kept = [*lines[:index], first + (" " + rest if rest else "")]
        elif len(second) >= _DOUBLED_MIN and first.startswith(second):
            rest = first[len(second) :]  # the first copy carries the credit: '... Feuern. Foto: ...' / '... Feuern.'
            kept = [*lines[:index], first]
        else:
            continue
        after = lines[following + 1 :]
        if len(after) == 1 and not rest and first[-1:] in ".!?" and _is_credit_slot(after[0].strip()):
            return kept, after[0].strip()
        return kept + after, None
    return lines, None


# A social network's caption: a line of hashtags under it ('#Rohingya #Bangladesh #AP'), and
# the agency's photo hashtag before the photographer closing it ('... police said. #APPhoto Dar
# Yasin', '#APPhoto by Jane Roe', '#ReutersPhoto Jane Roe')
_HASHTAG_LINE_RE = re.compile(r"#[^\s#]{1,60}(?:\s{1,3}#[^\s#]{1,60}){1,60}")
_HASHTAG_CREDIT_RE = re.compile(
    r"(?<=[.!?\"»”)])\s{1,3}#[A-Za-z]{0,20}" + PHOTO_WORD + r"\s(?:" + BYLINE_WORD + r"\s)?"
    r"(?P<credit>[A-ZÀ-ÝĀ-ɏ][\w'’.\-]{0,30}(?:\s[A-ZÀ-ÝĀ-ɏ][\w'’.\-]{0,30}){0,4}|" + PERSON_NAME + r")\s{0,3}$"
)


def without_hashtags(lines: list[str]) -> tuple[list[str], str | None]:
    """The caption's lines without the lines of hashtags under its first, and the photographer
    its photo hashtag names at the end of the text: (lines, credit or None)."""
    lines = [
        line
        for index, line in enumerate(lines)
        if not (index and line.lstrip()[:1] == "#" and _HASHTAG_LINE_RE.fullmatch(line.strip()))
    ]
    last = lines[-1] if lines else ""
    if "#" not in last[-120:]:
        return lines, None
    tagged = _HASHTAG_CREDIT_RE.search(last, max(0, len(last) - 160))
    if tagged is None:
        return lines, None
    return [*lines[:-1], last[: tagged.start()].rstrip()], tagged.group("credit")


def name_line_under(lines: list[str], is_place) -> str | None:
    """The photographer's name alone on the last line under a caption whose sentence closed on
    the line before ('... le 3 mars 2022.' / 'Jean Roe'): two to four capitalised words, no
    place; None otherwise."""
    if len(lines) < 2 or lines[-2].rstrip()[-1:] not in '.!?"»”':
        return None
    line = lines[-1].strip()
    if not _is_credit_slot(line) or "," in line or not _NAME_LINE_RE.fullmatch(line) or is_place(line):
        return None
    if fold(line.split()[0]) in _NOT_NAMES:
        return None  # a label and its name ('Photo Jean ROE'): the credit patterns read it
    return line


_TAIL_SEPARATORS = "/|-–— "


def _short_copy_credited(lines: list[str], index: int) -> bool:
    """A short caption (a title: 'Plaza Mayor') printed twice, the second copy adding its
    source after a slash or a bar ('Plaza Mayor / Diario Ejemplo')."""
    first = lines[index].strip()
    if len(first) < 8 or index + 1 >= len(lines):
        return False
    second = lines[index + 1].strip()
    return second.startswith(first) and second[len(first) : len(first) + 3] in (" / ", " | ")


def _tail_credit(first: str, rest: str) -> str | None:
    """The source a caption's second copy adds after it, when it is one: after the copy's closed
    sentence or a separator, a few capitalised words, no label (a labelled credit is the credit
    patterns'), no sentence."""
    if not rest:
        return None
    separated = rest[:1] in "/|–—" or rest[:2] == "- "
    if not separated and first[-1:] not in '.!?"»”':
        return None
    name = rest.lstrip(_TAIL_SEPARATORS).strip()
    if strip_credits(". " + name)[1] or strip_credits(first + " " + rest)[1]:
        return None  # ('... Feuern. Foto: Jane Roe': the credit patterns read it, label and all)
    if _is_credit_slot(name) or (separated and _ONE_NAME_RE.fullmatch(name)):
        return name
    return None


_ONE_NAME_RE = re.compile(r"[A-ZÀ-ÝĀ-ɏ][\w'’.&\-]{1,30}")


def _is_credit_slot(line: str) -> bool:
    """A short line under a caption printed twice: the page's credit ('Laurent Antonoff',
    'Karl-Heinz Hug, Keystone'), not text: a few capitalised words, no digit, no sentence."""
    if not line or len(line) > 60 or line[-1] in ".!?:" or any(c.isdigit() for c in line):
        return False
    if ". " in line and _SENTENCE_STOP_RE.search(line):
        return False
    words = line.replace(",", " ").replace("/", " ").split()
    return (
        0 < len(words) <= 6
        and _NAME_LINE_RE.match(line) is not None
        and all(word[:1].isupper() or word in NAME_JOINERS for word in words)
    )


# A date alone in parentheses after the caption's last sentence: '... fest im Griff. (12.02.2026).'
_DATE_NOTE_RE = compile_guarded(r"(?<=[.!?\"»”])\s{1,3}\((?P<date>[^()\n]{4,30})\)\.?\s{0,3}$")


def cut_date_note(text: str, is_date) -> tuple[str, str | None]:
    """(the caption, the date) when a date alone in parentheses closes it, after its last
    sentence ('... Fraumünsters. (10. März 2018)'): a page's note of when, not description."""
    if text[-1:] not in ").":
        return text, None
    note = _DATE_NOTE_RE.search(text, max(0, len(text) - 40))
    if note is None or not any(c.isdigit() for c in note.group("date")) or not is_date(note.group("date")):
        return text, None
    return text[: note.start()].rstrip(), note.group("date")


# A name alone in parentheses after the caption's last sentence: the credit a paper prints in the
# caption's own line ('... el jueves. (Jose Sotomayor)', '... à Paris. (L'Obs)', '... de jóvenes.
# (La Tercera de Chile)', '... on Friday. (Jane Roe/CBC)'): one to six capitalised words, a
# particle or a slash between them
# (in square brackets too, as Al Jazeera prints its credits: '... on Friday. [Jane Roe/Al Jazeera]')
_NOTE_NAME = (
    r"[A-ZÀ-ÝĀ-ɏ][\w'’.\-]{0,30}(?:\s{0,2}/\s{0,2}[A-ZÀ-ÝĀ-ɏ][\w'’.\-]{0,30}"
    r"|\s" + NAME_JOINER + r"(?=\s)"
    r"|\s[A-ZÀ-ÝĀ-ɏ][\w'’.\-]{0,30}){0,7}"
)
_NAME_NOTE_RE = re.compile(
    # (a dash before it, as a broadcaster's page prints it: '... l'antimatière. - [Jane Roe]')
    # (spaces inside the parentheses, as some papers print them: '... on Friday. ( Jane Roe / The Daily Example )')
    r"(?<=[.!?\"»”])\s{1,3}(?:[-–—]\s{1,2})?(?:\(\s{0,2}(?P<name>"
    + _NOTE_NAME
    + r")\s{0,2}\)|\[(?P<bracketed>"
    + _NOTE_NAME
    + r")\])\s{0,3}$"
)
# Words in such parentheses that say what the picture or the page is, not who took it (data:
# picture_kind_tags, leading_markers, credit_labels, credit_format_tails, note_words)
_NOT_NAMES = frozenset(
    fold(word)
    for kind in (
        "picture_kind_tags",
        "leading_markers",
        "credit_labels",
        "credit_format_tails",
        "parenthesis_labels",
        "note_words",
    )
    for word in load_data("credit_patterns.json")[kind]
)


NOT_NAMES = _NOT_NAMES


def cut_name_note(text: str, is_place, is_date) -> tuple[str, str | None]:
    """(the caption, the name) when a name alone in parentheses closes the caption after its
    last sentence; a place ('... (Berlin)'), a date or a kind of picture ('(Archives)') is no
    name: the text unchanged and None then."""
    if text[-1:] not in ")]" or len(text) < 30:
        return text, None
    note = _NAME_NOTE_RE.search(text, max(0, len(text) - 260))
    if note is None:
        return text, None
    name = (note.group("name") or note.group("bracketed")).strip()
    if fold(name) in _NOT_NAMES or len(name) > 80 or is_place(name) or is_date(name):
        return text, None
    return text[: note.start()].rstrip(), name


_CLICK_WORDS = tuple(fold(word) for word in load_data("credit_patterns.json")["click_words"])
_NOTE_PART_SPLIT_RE = re.compile(r"\s[-–/]\s|,\s|\s?/\s?")
_NOTE_PART_RE = re.compile(_NOTE_NAME)
_NOTE_PART_WORDS = 6  # words of one part of a source note ('Historische Ansichtskarte')


def is_click_instruction(text: str) -> bool:
    """'(cliquez sur la photo pour l'agrandir)', 'Click to enlarge', 'Haga clic para ampliar': a
    page's instruction, no description."""
    folded = fold(text.strip(" ()[].").lstrip("»>→ "))
    return len(folded) <= 100 and folded.startswith(_CLICK_WORDS) and folded[:1].isalpha()


def closing_note(line: str, is_place, is_date) -> tuple[bool, str | None]:
    """A line of its own in parentheses under the caption: (True, None) for a page's instruction
    ('(cliquez sur la photo pour l'agrandir)'), (True, source) for its source in capitalised
    parts, without a digit ('(Historische Ansichtskarte - N.A.)', '(Archivo Ejemplo / Fondo
    Ruiz)'), (False, None) for anything else (a date, a place, a kind of picture, a sentence: read
    as before)."""
    stripped = line.strip().rstrip(".")
    if not (stripped[:1] == "(" and stripped[-1:] == ")") or len(stripped) > 122:
        return False, None
    inner = stripped[1:-1].strip()
    if "(" in inner or ")" in inner or not inner:
        return False, None
    if is_click_instruction(inner):
        return True, None
    if any(character.isdigit() for character in inner) or fold(inner) in _NOT_NAMES:
        return False, None
    parts = _NOTE_PART_SPLIT_RE.split(inner)
    if len(parts) < 2 or len(inner.split()) > 10:
        return False, None  # one name alone is cut_name_note's (after the caption's last sentence)
    for part in parts:
        part = part.strip()
        if not part or len(part.split()) > _NOTE_PART_WORDS or not _NOTE_PART_RE.fullmatch(part):
            return False, None
    if is_place(inner) or is_date(inner) or any(fold(part.strip()) in _NOT_NAMES for part in parts):
        return False, None
    return True, inner


_CREDIT_WORDS = load_data("credit_patterns.json")
_RUN_CREDIT_LABELS = frozenset(_CREDIT_WORDS["credit_labels"]) | {"Fotografías", "Fotografias", "Fotografien"}
# A label of the byline a page prints after the caption ('Texto:', 'Fotografías:', 'Documentación:',
# 'Text:', 'Bild:'), as printed: capitalised, with its colon (credit_labels and byline_labels)
_RUN_LABEL_RE = compile_guarded(
    r"(?<![\w-])(?P<label>"
    + "|".join(
        re.escape(label)
        for label in sorted(_RUN_CREDIT_LABELS | frozenset(_CREDIT_WORDS["byline_labels"]), key=len, reverse=True)
    )
    + r")\s{0,2}:\s{0,3}"
)
_RUN_VALUE_MAX = 80  # characters of one contributor's name and its closing punctuation


def cut_byline_run(text: str) -> tuple[str, str | None]:
    """(the caption, the picture's credit) when a run of labelled contributors closes it after its
    last sentence ('... sesenta. Fotografías: Familia Roe. Documentación: D. Jane Roe', '...
    Texto: Ana Ruiz | Fotos: Jane Roe'): two labels at least, one of them a credit label, each
    value a short name; the text unchanged and None otherwise."""
    tail_start = max(0, len(text) - 400)
    if text.count(":", tail_start) < 2:
        return text, None
    matches = list(_RUN_LABEL_RE.finditer(text, tail_start))
    if len(matches) < 2:
        return text, None
    for index, first in enumerate(matches[:-1]):
        before = text[: first.start()].rstrip()
        if not before or before[-1] not in '.!?"»”|;':
            continue
        run = matches[index:]
        values = [
            text[match.end() : (run[at + 1].start() if at + 1 < len(run) else len(text))]
            for at, match in enumerate(run)
        ]
        if any(len(value) > _RUN_VALUE_MAX or not value.strip(" .;|/,") for value in values):
            continue
        credits = [
            value.strip().rstrip(" .;|/,").strip()
            for match, value in zip(run, values, strict=True)
            if match.group("label") in _RUN_CREDIT_LABELS
        ]
        if credits:
            return before.rstrip(" |;"), credits[0]
    return text, None


# A wire's notices closing the text after its credit, short runs of words in capitals ('... via
# REUTERS NO RESALES. NO ARCHIVES.', '... EPA-EFE/JANE ROE MANDATORY CREDIT'): each opens with
# 'NO' or with the wording of a notice (data: notice_words)
_NOTICE_WORDS_FOLDED = tuple(load_data("credit_patterns.json")["notice_words"])
_NOTICE_RUN = 8  # words of one such notice at most


def cut_capital_notices(text: str) -> tuple[str, list[str]]:
    """(the text, the notices) without the wire's notices in capitals that close it ('NO
    RESALES.', 'NO ARCHIVES.', 'MANDATORY CREDIT'); four at most."""
    notices: list[str] = []
    for _ in range(4):
        words = text[-200:].split()
        run = 0
        while run < min(len(words), _NOTICE_RUN) and words[-1 - run].strip(".!?,;:").isupper():
            run += 1
        best = 0
        for size in range(1, run + 1):
            folded = fold(" ".join(words[-size:]))
            if folded.startswith("no ") or folded.startswith(_NOTICE_WORDS_FOLDED):
                best = size
        if not best:
            break
        notice = " ".join(words[-best:])
        notices.insert(0, notice)
        text = text[: text.rstrip().rfind(notice)].rstrip()
    return text, notices


def undoubled(text: str) -> str:
    """A caption pasted twice is one caption ('A B. A B.'); a placeholder ('[...]', '...') is none.
    (The whole text is looked at: words after 200 brackets or dots are still a caption.) Runs of
    separators or placeholders ('.' * 300, '=' * 300, '[...]' * 60, hundreds of brackets around the
    words) are no caption text: the words are, without them, and a text left with no letter is none."""
    if _SEPARATOR_RUN_RE.search(text):
        text = " ".join(_SEPARATOR_RUN_RE.sub(" ", text).split())
        if not any(character.isalpha() for character in text):
            return ""
    if not any(character.isalnum() for character in text):
        return ""
    half = len(text) // 2
    if len(text) > 40 and text[half : half + 1] == " ":
        if text[:half] == text[half + 1 :]:
            return text[:half]
        if _CURLY_QUOTES_RE.search(text) and _straight(text[:half]) == _straight(text[half + 1 :]):
            return text[:half]  # the copies differ in their quotes only: 'l'Assistance' / 'l’Assistance'
    return text


# a run of ten or more of one mark (dots, rules, brackets, pictographs) or of three or more
# placeholders ('[...][...][...]'): a page's separator or filler, not the caption's words (a
# writer's '...' or '....' stays)
_SEPARATOR_RUN_RE = re.compile(r"([^\w\s])\1{9,}|(?:[\[(]\s*(?:\.{2,}|…)\s*[\])]\s*){3,}")
_CURLY_QUOTES_RE = re.compile("[‘’“”]")
_STRAIGHT_QUOTES = str.maketrans({"‘": "'", "’": "'", "“": '"', "”": '"'})


def _straight(text: str) -> str:
    return text.translate(_STRAIGHT_QUOTES)


def normalize_space(text: str) -> str:
    return " ".join(text.split())


_LAST_STOP_RE = re.compile(r"[.!?][\"”»']?\s(?!.*[.!?][\"”»']?\s)", re.DOTALL)


def looks_cut_off(
    text: str,
    *,
    is_place,
    credit_after: bool = False,
    language: str | None = None,
    begins_place=None,
    trailing: bool = False,
) -> bool:
    """Does prose end in a word fragment? See SPEC 'truncated_text'.

    Signals: an ellipsis with no full text after it, an unclosed parenthesis, a last word a
    sentence cannot end on ('der', 'the'), a last word that is a piece of a longer one (judged
    in the text's `language` when known: see is_piece_of_word) or of a well-known place's name
    in a dateline's slot (`begins_place`: '..., in Hamburg, Germ'), or a long sentence without
    its closing punctuation — unless it ends on a place name or a number, which captions often
    do, or on a whole word of its language that the lists lack (is_whole_in: 'Habichtplatz',
    'ago'), or a credit followed it (`credit_after`: '... Soldaten bewacht Foto:
    picture-alliance/ dpa'; the text ran on past its last word, so that word is whole).
    A block's `trailing` line that is not the caption's (see block_ends_cut) counts only by its
    last word: a dangling word or a piece of a word or place name, never a missing stop, an
    ellipsis ('... more') or an open parenthesis; a word in capitals is a name, and a capitalised
    article a page's button cut off ('Show More Show Les').
    """
    text = text.rstrip()
    if not text:
        return False
    if trailing and text[-1:] in _TERMINAL:
        return False
    if trailing and (not text[-1:].isalpha() or text.split()[-1].isupper()):
        return False
    if text.endswith(("...", "…")):
        # a page's ellipsis before the credit it printed ('... veillent au grain… | Jane ROE',
        # '... am 7. August 2012 ... (Foto: dpa)'): the text ran on past it, cut only where the
        # word before it is a piece of one ('... une mes… Reuters/...'); so where a full stop
        # closes the ellipsis ('... les cyclistes de pédaler....', '... und dann….'): a page
        # cutting a text adds the ellipsis alone, and a cut just after a sentence's stop leaves
        # no piece of a word
        closed = text.endswith(("....", "…."))
        return not (credit_after or closed) or _cut_before_ellipsis(text.rstrip(".… "), language)
    if text.count("(") > text.count(")") and text.rfind("(") > text.rfind(")"):
        # the last bracket opened is left open ('... (AP Photo/Jane Ro'); one opened early and
        # never closed before later pairs that are ('(notons que ... (trop) flou. ... (et les
        # petits), ... mixte.') is the writer's slip, no cut
        return True
    last = text[-1]
    if last in _TERMINAL:
        return False
    words = text.split()
    # 'Pará' after a comma is a place ('in Belém, Pará'), not Spanish 'para' left dangling.
    named = words[-1][:1].isupper() and len(words) > 1 and words[-2].endswith(",")
    if len(words) > 3 and _two_letter_acronym(words):
        return False  # '... talks run by the UN', '... Gipfel der EU': no 'un' or 'au' left dangling
    if fold(words[-1]) in dangling_words(language) and len(words) > 3 and not named:
        # (a trailing line's capitalised one is a page's button cut off: 'Show More Show Les')
        return not trailing or words[-1][:1].islower()
    if text.count(",") >= len(words) // 2:
        return False  # a keyword line ('Innenstadt, Weihnachtsmarkt, Stände, Winter') is no sentence
    if words[-1].isupper() and words[-1].isalpha() and any(char.islower() for char in words[-2]):
        return False  # an acronym after running text ('... members of the CGT', '... for VOA'): no piece
    if (
        not credit_after
        and len(words) >= 4
        and begins_place is not None
        and _cut_place(words, language, begins_place, is_place)
    ):
        return True
    if not credit_after and len(words) >= 4 and _begins_earlier_place(words, text, language, is_place):
        return True
    # '... immer wieder besch', '... de la crise sanit', '... in seiner Rede zur Eröff', '... the
    # NATO alli', '... am 24. Okto': a word cut short (a capital after a lower-case word or a
    # number: a noun, not a name's run; no place: a place's name has a capital, so a lower-case
    # word is none, 'muri' or 'bles' as Muri)
    last_word = words[-1]
    if (
        not credit_after
        and len(words) >= 5
        and (last_word[:1].islower() or words[-2][:1].islower() or not words[-2][:1].isalpha())
        and len(last_word) <= 30
        and is_piece_of_word(last_word.lower() if last_word[:1].isupper() else last_word, language)
        and (last_word[:1].islower() or not is_place(last_word))
    ):
        return True
    # '... durch die Luzerner Alts', '... à Jeune Afri', '... Hans Peter Zieg': a capitalised word
    # after another (a name's run, a German noun before it) cut short (is_piece_of_name)
    if (
        not credit_after
        and not trailing
        and len(words) >= 5
        and words[-2][:1].isupper()
        and is_piece_of_name(last_word, language)
        and not is_place(last_word)
    ):
        return True
    if trailing:
        return False
    # A caption ending on a number ('... in 1945', '... 3-1') is complete; the last character
    # being a letter already says it does not. (A regex for "ends in a number" searched over
    # the last word cost 3.3 s for one word of 19,000 digits and a letter: quadratic.)
    if not last.isalpha() or len(words) < 12 or credit_after:
        return False
    # What follows the last full stop: a few words there are a label or a name the page put
    # after the caption ('... Konkurs ging." Sammlung', '... 76899. bibliographic record').
    end = _LAST_STOP_RE.search(text[-300:])
    if end is not None and len(text[-300:][end.end() :].split()) < 5:
        return False
    # Two capitalised words close a name or a title ('Le pont Alexandre III', 'Eugène Atget'),
    # not a sentence cut short ('die geplanten Kürzu').
    if len(words) >= 2 and words[-1][:1].isupper() and words[-2][:1].isupper():
        return False  # (a piece of a name was read above: 'Jeune Afri')
    if is_whole_word(words[-1]):
        return False  # '... de l'Eglise et de l'Etat', '... la lionne Princesse': a word, not a piece
    if language in LANGUAGES and is_whole_in(words[-1], language):
        return False  # '... a few weeks ago', '... sous eau', '... die Spezialkräfte'
    if language in LANGUAGES and _inflects_whole_word(words[-1], language):
        return False  # '... im Chor des Fraumünsters': a whole word's genitive or plural
    if language in LANGUAGES and is_rare_word_in(words[-1], language):
        return False  # '... pourrait être ajournée', '... las calles embarradas': rare, whole
    if not _begins_a_word(words[-1], language):
        return False  # '... at a factory in Tidaholm', '... au stade Kassam': begins no known word
    tail = text.rsplit(",", 1)[-1].strip()
    return not (is_place(tail) or is_place(words[-1]))


def _inflects_whole_word(word: str, language: str) -> bool:
    """Is `word` a whole word of the language with its genitive's or plural's '-s' or '-es'
    ('Fraumünsters', 'Kunsthauses'): the ending makes no piece of a word."""
    if len(word) < 6 or word[-1:] != "s":
        return False
    return is_whole_in(word[:-1], language) or (word[-2:] == "es" and is_whole_in(word[:-2], language))


def _two_letter_acronym(words: list[str]) -> bool:
    """Is the last of `words` an acronym of two capitals after running lower-case text ('... led
    by the AU', '... Gipfel der EU', '... troops from the US')? The two words before it have
    lower-case letters and the one just before is all lower-case, so a capitalised word cut to
    two letters ('Bundespräsident St', 'the city of Ma') and an all-capital caption are none."""
    last = words[-1]
    return (
        len(last) == 2
        and last.isalpha()
        and last.isupper()
        and words[-2].isalpha()
        and words[-2].islower()
        and any(char.islower() for char in words[-3])
    )


@lru_cache(maxsize=8192)
def _begins_a_word(word: str, language: str | None) -> bool:
    """Could `word` (a caption's last, no word of the lists) be a piece of a known word: does it
    begin a longer word of any of the four languages' large lists (a German one: or does a tail
    of it after a head of three letters, a compound's last word cut short: 'Mühlbach|pla')? A
    rare name or word no list holds begins none ('Tidaholm', 'Kassam', 'clavandier'): cut inside
    it or not, nothing tells, and a whole one is the likelier (SPEC: a fragment is flagged)."""
    folded = word.strip(".,;:!?\"'”“»«)(").casefold()
    if not folded.isalpha() or len(folded) > _LONGEST_WORD:
        return True
    starts = [folded]
    if language == "de":
        starts += [folded[start:] for start in range(_COMPOUND_HEAD_LETTERS, len(folded) - 2)]
    return any(_large_words(each).longer_as_common(start, _RARE_WORD_ZIPF) for each in LANGUAGES for start in starts)


# a block's last line this long at least is prose whose last word counts (SPEC 'truncated_text':
# the block ends in a word fragment), not a label's value or a credit
_TRAILING_LINE_WORDS = 8


def block_ends_cut(raw: str, caption: str, *, is_place, language: str | None, begins_place=None) -> str | None:
    """The block's last line when it is prose that ends in a word fragment though the caption does
    not end there (SPEC 'truncated_text': the block, or a field, ends in a word fragment): a
    paragraph cut off after the caption, which the caption left out as a related text or a
    second description ('... Der Weihnachtsbaum stand damals vor der Spark'). Judged by its last
    word alone (looks_cut_off with `trailing`); a line the caption ends with is the caption's."""
    tail = raw[-2000:].rstrip()
    line = tail[tail.rfind("\n") + 1 :].strip()
    if len(line.split()) < _TRAILING_LINE_WORDS:
        return None
    if normalize_space(line)[-30:] in caption[-2000:]:
        return None
    cut = looks_cut_off(line, is_place=is_place, language=language, begins_place=begins_place, trailing=True)
    return line if cut else None


def _cut_before_ellipsis(stem: str, language: str | None = None) -> bool:
    """Is the last word before an ellipsis the text ran on past a piece of a word ('... des
    milliers de fid… Reuters/...')? Not an everyday word, nor a rare word of the text's language
    ('... les cyclistes de pédaler....', as looks_cut_off reads a last word)."""
    words = stem.split()
    if not words:
        return True
    last = words[-1]
    if not last[-1:].isalpha() or last[:1].isupper() or is_whole_word(last):
        return False
    return not (language in LANGUAGES and is_rare_word_in(last, language))


_LOWER_WORD_RE = re.compile(r"(?<![\w'’-])[^\W\d_A-Z]{2,20}(?![\w'’-])")


def frequency_votes(text: str) -> dict[str, float]:
    """Language votes from how common each lower-case word of the text (its first 40) is in each
    language (wordfreq's small lists): a word clearly more common in one language (by a Zipf
    of 1.5 or more, and common there: 3 or more) votes for it ('celebra', 'gol' for Spanish).
    For short captions whose stop words and spelling say too little."""
    from wordfreq import zipf_frequency  # noqa: PLC0415  (31 MB of word lists, loaded on first use)

    votes: dict[str, float] = {}
    for match in list(_LOWER_WORD_RE.finditer(text[:400]))[:40]:
        word = match.group()
        scores = sorted(
            ((zipf_frequency(word, language, wordlist="small"), language) for language in LANGUAGES),
            reverse=True,
        )
        (top, language), (second, _other) = scores[0], scores[1]
        if top >= 3 and top - second >= 1.5:
            votes[language] = votes.get(language, 0.0) + 1
    return votes


_WORD_CHARACTERS_RE = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*$")


@lru_cache(maxsize=8192)
def is_whole_word(word: str) -> bool:
    """Is `word` (a caption's last) an everyday word of one of the four languages, not a piece
    of one cut off ('Kürzu', 'commer', 'trai')? wordfreq's small lists hold the words used at
    least once in a million (Zipf 3); a word of three letters or fewer may be a fragment that
    happens to be a word ('ci', 'the c'), so only longer ones count. The part after an
    apostrophe is the word ("l'Etat")."""
    word = word.strip(".,;:!?\"'”“»«)(").rsplit("'", 1)[-1].rsplit("’", 1)[-1]
    if len(word) < 4 or not _WORD_CHARACTERS_RE.match(word):
        return False
    from wordfreq import zipf_frequency  # noqa: PLC0415  (31 MB of word lists, loaded on first use)

    lower = word.lower()
    return any(zipf_frequency(lower, language, wordlist="small") > 0 for language in LANGUAGES)


@lru_cache(maxsize=1)
def _frequent_words() -> tuple[str, ...]:
    """The 40,000 most frequent words of each of the four languages (wordfreq's small lists,
    loaded with the frequencies is_whole_word reads), sorted for prefix lookups."""
    from wordfreq import top_n_list  # noqa: PLC0415  (loaded on first use, as is_whole_word's)

    return tuple(
        sorted(
            {word for language in LANGUAGES for word in top_n_list(language, 40000, wordlist="small") if word.isalpha()}
        )
    )


@lru_cache(maxsize=8192)
def is_word_fragment(word: str) -> bool:
    """Is `word` (a caption's last) the beginning of a word cut short: lower case, four letters at
    least, no word of the four languages itself, but the start of a frequent one ('besch',
    'sanit', 'vaccin')? A rare whole word (a German compound, a name) begins none."""
    if len(word) < 4 or not word.isalpha() or not word[:1].islower() or is_whole_word(word):
        return False
    words = _frequent_words()
    at = bisect.bisect_right(words, word)
    return at < len(words) and words[at].startswith(word)


_PLACE_PREPOSITIONS = frozenset(
    fold(word) for word in load_data("place_phrases.json")["place_prepositions"] if " " not in word
)
# the words of a place's name before a dateline's comma ('Rio de Janeiro, Bra')
_PLACE_NAME_WORDS = 4
# A word this common in the text's language (Zipf) is taken as the word, not a place's piece
# ('Cara' in Spanish, 'John' in English)
_COMMON_WORD_ZIPF = 4.0


def _cut_place(words: list[str], language: str | None, begins_place, is_place) -> bool:
    """Does the text end on a place's name cut off in a dateline's slot, after a comma or a place
    preposition ('... in Hamburg, Germ', '... en la ciudad de Venez')? The piece begins the name
    of a well-known place (a country, a first-level region, a curated city), is no place itself
    and no common word of the text's language."""
    last = words[-1]
    if not (last[:1].isupper() and last.isalpha() and not last.isupper() and len(last) >= 3):
        return False
    before = words[-2]
    if not (before.endswith(",") or fold(before) in _PLACE_PREPOSITIONS):
        return False
    folded = last.casefold()
    languages = (language,) if language in LANGUAGES else LANGUAGES
    country_slot = before.endswith(",") and _place_before_comma(words[:-1], is_place)
    if any(_language_words(each)[1].get(folded, 0.0) >= _COMMON_WORD_ZIPF for each in languages) and not (
        language in _LOWER_CASE_WORDS_LANGUAGES and _names_a_place_slot(words, country_slot)
    ):
        return False
    return bool(begins_place(last, country_slot))


# languages that write their common words in lower case mid-sentence, months, days and
# nationalities too: a capitalised one there after a place's preposition is a name ('en Cara',
# Spanish for face, is a piece of Caracas; English 'in August' and German 'am Bode' are not)
_LOWER_CASE_WORDS_LANGUAGES = ("es", "fr")


def _names_a_place_slot(words: list[str], country_slot: bool) -> bool:
    """Does the last word stand where a place's name goes: a dateline's country slot after a
    place and its comma, or after a place's preposition that does not join a name's words
    ('la ciudad de Cara', 'en Cara'; not 'la Plaza de Mayo', 'Avenida 5 de Mayo')?"""
    if country_slot:
        return True
    before = fold(words[-2])
    if before not in _PLACE_PREPOSITIONS:
        return False
    return before not in NAME_JOINERS or (len(words) > 2 and words[-3][:1].islower())


def _place_before_comma(words: list[str], is_place) -> bool:
    """Do the last words (the last one closing on a comma) name a place, of one word or a few
    ('Palermo,', 'Rio de Janeiro,')?"""
    for count in range(1, min(_PLACE_NAME_WORDS, len(words)) + 1):
        name = " ".join(words[-count:]).rstrip(",")
        if count > 1 and not words[-count][:1].isupper():
            continue
        if is_place(name):
            return True
    return False


_NAME_RE = re.compile(r"[^\W\d_][^\W\d_'’-]*")


def _begins_earlier_place(words: list[str], text: str, language: str | None, is_place) -> bool:
    """Does the text end on a capitalised word that begins, cut short, the name of a place the
    same text wrote in full before ('... in Manila, Philippines, ... a pastime in the Philip')?
    A caption repeats its places (its dateline, its place slot), so the piece is read against
    them; the word itself is no place, no common word of the text's language ('Mann' before
    'Mannheim', French 'Mars' before 'Marseille') and no surname after a first name ('Anna Ham')."""
    last = words[-1]
    if not (last[:1].isupper() and last.isalpha() and not last.isupper() and len(last) >= 3):
        return False
    if words[-2][:1].isupper() and words[-2].isalpha():
        return False  # a first name before it: a surname ('... their coach Anna Ham', not 'Hamburg')
    folded = last.casefold()
    # a common word of the text's language (of any, when it is unknown) is whole: 'Mann' before
    # 'Mannheim', French 'Mars' (March) before 'Marseille'; outside German, whose nouns are
    # capitalised, not after a place's preposition or a name's joiner ('much of Color', 'la más
    # popular de Valen')
    languages = (language,) if language in LANGUAGES else LANGUAGES
    before = fold(words[-2])
    if (language == "de" or (before not in _PLACE_PREPOSITIONS and before not in NAME_JOINERS)) and any(
        _language_words(each)[1].get(folded, 0.0) >= _COMMON_WORD_ZIPF for each in languages
    ):
        return False
    head = text[: len(text) - len(last)].casefold()
    if folded not in head:
        return False
    names = {
        name
        for match in _NAME_RE.finditer(text[: len(text) - len(last)])
        if len(name := match.group()) >= len(last) + 2 and name.casefold().startswith(folded)
    }
    return bool(names) and not is_place(last) and any(is_place(name) for name in names)


@lru_cache(maxsize=4)
def _language_words(language: str) -> tuple[tuple[str, ...], dict[str, float]]:
    """wordfreq's small list of one language (its words used at least once in a million, Zipf 3
    and up; casefolded, 'strasse'): the words sorted for prefix lookups and their Zipf values.
    Loaded on first use (a few hundredths of a second; the lists is_whole_word reads)."""
    from wordfreq import get_frequency_list  # noqa: PLC0415  (loaded on first use)

    zipf: dict[str, float] = {}
    for centibels, bucket in enumerate(get_frequency_list(language, wordlist="small")):
        for word in bucket:
            if word.isalpha():
                zipf.setdefault(word, 9 - centibels / 100)
    return tuple(sorted(zipf)), zipf


# wordfreq's large lists hold the words of a language down to once in a hundred million; a word
# used at least this often (Zipf: about once in ten million words) is a word of the language,
# though the small lists (once in a million) lack it ('ajournée', 'strömte', 'embarradas')
_RARE_WORD_ZIPF = 1.5
# a rare word is a piece when a longer word it begins is this much more common (Zipf): the large
# lists hold loan words and names that are pieces of a language's own words ('spark' in German,
# 2.8, before 'Sparkasse', 4.1), so the margin is lower than a common word's (_PIECE_MARGIN)
_RARE_PIECE_MARGIN = 1.0
# a word that begins a longer one is taken as whole against the small lists' verdict (a piece:
# 'strömte' before 'strömten') only when this common: the large list's rarest words are often a
# page's names or pieces ('stec', 1.6 in English, before the village Stecken)
_RARE_WORD_OVER_PIECE_ZIPF = 2.0


class _WordStore:
    """One language's words from wordfreq's large list (alphabetic, casefolded, at Zipf
    _RARE_WORD_ZIPF or more), sorted in one string with their offsets and frequencies: about a
    tenth of the memory of a dict of 400,000 words (8 MB, not 70). Looked up by bisection."""

    __slots__ = ("_centibels", "_starts", "_text")

    def __init__(self, pairs: list[tuple[str, int]]) -> None:
        # pairs: (word, centibels below 9 Zipf), sorted by word, each word once
        self._text = "\n".join(word for word, _ in pairs) + "\n"
        self._starts = array("I", accumulate((len(word) + 1 for word, _ in pairs), initial=0))
        self._starts.pop()
        self._centibels = array("H", (centibels for _, centibels in pairs))

    def __len__(self) -> int:
        return len(self._starts)

    def _word(self, index: int) -> str:
        start = self._starts[index]
        return self._text[start : self._text.index("\n", start)]

    def zipf(self, word: str) -> float:
        """The word's Zipf value, 0 when the list lacks it."""
        at = bisect.bisect_left(range(len(self)), word, key=self._word)
        return 9 - self._centibels[at] / 100 if at < len(self) and self._word(at) == word else 0.0

    def longer_as_common(self, word: str, zipf: float) -> bool:
        """Does the list hold a longer word beginning with `word` used `zipf` or more?"""
        at = bisect.bisect_right(range(len(self)), word, key=self._word)
        while at < len(self) and (longer := self._word(at)).startswith(word):
            if 9 - self._centibels[at] / 100 >= zipf and longer != word:
                return True
            at += 1
        return False


@lru_cache(maxsize=4)
def _large_words(language: str) -> _WordStore:
    """wordfreq's large list of one language (read straight from its file, not through
    wordfreq's own cache, which would keep all 300,000-600,000 words of it): the words used
    _RARE_WORD_ZIPF or more. Built on a caption's first missing stop and kept between processes
    in the place tables' cache directory (CAPTIONS_CACHE_DIR; bench/bench_wordlists.py)."""
    from wordfreq import available_languages  # noqa: PLC0415  (loaded on first use)

    source = Path(available_languages("large")[language])
    return places.load_cached_table(f"words-{language}", (source, Path(__file__)), lambda: _build_word_store(source))


def _build_word_store(source: Path) -> _WordStore:
    from wordfreq import read_cBpack  # noqa: PLC0415  (loaded on first use)

    buckets = read_cBpack(str(source))[: round((9 - _RARE_WORD_ZIPF) * 100) + 1]
    # (a word stands once in wordfreq's list, in the bucket of its frequency)
    return _WordStore(
        sorted((word, centibels) for centibels, bucket in enumerate(buckets) for word in bucket if word.isalpha())
    )


@lru_cache(maxsize=8192)
def is_rare_word_in(word: str, language: str, at_least: float = _RARE_WORD_ZIPF) -> bool:
    """Is `word` (a caption's last, four letters at least) a word of `language` that the small
    lists lack, found in its large list at `at_least` Zipf ('ajournée', 'strömte', 'embarradas',
    'necktie'), and no piece of a word: no longer word it begins is far more common there (by
    _RARE_PIECE_MARGIN), as 'versammlung' is than 'versa', 'sparkasse' than 'spark'?"""
    folded = word.strip(".,;:!?\"'”“»«)(").casefold()
    if len(folded) < 4 or len(folded) > _LONGEST_WORD or not folded.isalpha():
        return False
    if fold(folded) in dangling_words(language):
        return False
    store = _large_words(language)
    own = store.zipf(folded)
    return own >= at_least and not store.longer_as_common(folded, own + _RARE_PIECE_MARGIN)


# A capitalised word (a name's, a German noun's) is a piece of one when it is rarer than this in
# each of the four large lists (Zipf) and a longer word it begins is more common in one of them
# by the margin and at least as common as this ('afri' 2.2 and 'africa', 'robi' 2.2 and 'robinson')
_NAME_PIECE_AT_MOST = 3.0
_NAME_PIECE_MARGIN = 1.5


@lru_cache(maxsize=8192)
def is_piece_of_name(word: str, language: str | None = None) -> bool:
    """Is `word` (a caption's last, capitalised, after another capitalised word) the beginning of
    a name or a capitalised word cut short ('Stadtteil Münch', 'Jeune Afri', 'Kashgar Prefe',
    'Robert R. Robi')? Four letters at least, rare in all four languages' large lists (names are
    shared by them), the longer word looked for in the text's `language` and English (the wires'
    language of names; all four when the language is unknown): a French surname is no piece of a
    German verb ('Biet', 'bietet'). A whole name of a person or place no list holds begins no
    common word ('Tidaholm', 'Kassam'), and a common word ('Fest', 'Bell', 'Dort') is whole."""
    if len(word) < 4 or len(word) > _LONGEST_WORD or not word.isalpha() or not word[:1].isupper() or word.isupper():
        return False
    folded = word.casefold()
    own = max(_large_words(language).zipf(folded) for language in LANGUAGES)
    if own >= _NAME_PIECE_AT_MOST:
        return False
    wanted = max(own + _NAME_PIECE_MARGIN, _NAME_PIECE_AT_MOST)
    languages = (language, "en") if language in LANGUAGES else LANGUAGES
    return any(_large_words(each).longer_as_common(folded, wanted) for each in languages)


# A piece of a word is rarer than the word it begins: a word of the text's language rarer than
# this (Zipf) may still be a piece, when a longer word it begins is more common by the margin
# ('presi' and 'presidente' in Spanish, 'deci' and 'decir'); a more common one is whole ('beste').
_PIECE_AT_MOST = 3.5
_PIECE_MARGIN = 1.5


@lru_cache(maxsize=8192)
def is_piece_of_word(word: str, language: str | None = None) -> bool:
    """Is `word` (a caption's last, lower case) the beginning of a word cut short? Without a
    language: is_word_fragment (no word of the four languages, the start of a frequent one).
    With the text's language, judged in it: a word of that language used less than about three
    times in a million whose longer words are far more common ('presi', 'deci'), or no word of
    it but the start of one ('vaccin' in English, 'alli', 'capi' in French) — four letters at
    least, or three that are no word of any of the four languages ('öff')."""
    if language in LANGUAGES and is_rare_word_in(word, language, _RARE_WORD_OVER_PIECE_ZIPF):
        return False  # a word of the language the small lists lack ('strömte' before 'strömten')
    if is_word_fragment(word):
        return True
    if language not in LANGUAGES or len(word) < 3 or not word.isalpha() or not word[:1].islower():
        return False
    folded = word.casefold()
    if len(folded) < 4 and is_whole_word_anywhere(folded):
        return False
    words, zipf = _language_words(language)
    own = zipf.get(folded, 0.0)
    if own >= _PIECE_AT_MOST:
        return False
    at = bisect.bisect_right(words, folded)
    while at < len(words) and words[at].startswith(folded):
        if zipf[words[at]] >= own + _PIECE_MARGIN:
            return True
        at += 1
    return False


# A German compound is whole when it ends on a word of the language this common (Zipf) at least
# this long, after a head of three letters or more ('Habicht|platz', 'Spezial|kräfte')
_COMPOUND_TAIL_ZIPF = 3.5
_COMPOUND_TAIL_LETTERS = 4
_COMPOUND_HEAD_LETTERS = 3
# a word of three letters is whole when this common in the text's language ('ago', 'más', 'eau')
_SHORT_WORD_ZIPF = 4.5


_LONGEST_WORD = 64  # letters: longer than any compound a caption ends on ('Donaudampfschifffahrt...')


@lru_cache(maxsize=8192)
def is_whole_in(word: str, language: str) -> bool:
    """Is `word` (a caption's last, without its closing stop) a whole word of `language` though
    wordfreq's small lists lack it or it is short: a word of three letters common in the language
    ('ago', 'más', 'eau'), or a German compound ending on a word of the language ('Habichtplatz',
    'Separatistenführer')? Never a piece of a word (is_piece_of_word) nor a word a sentence
    cannot end on."""
    folded = word.strip(".,;:!?\"'”“»«)(").casefold()
    if len(folded) > _LONGEST_WORD:
        return False  # no word of a language (and each start below would cost its length again)
    if fold(folded) in WHOLE_AT_END.get(language, ()):
        return True  # a German separable verb's particle ('Die Saison fängt morgen an')
    if not folded.isalpha() or fold(folded) in dangling_words(language) or is_piece_of_word(folded, language):
        return False
    zipf = _language_words(language)[1]
    if len(folded) == 3:
        return zipf.get(folded, 0.0) >= _SHORT_WORD_ZIPF
    if language != "de":
        return False
    return any(
        zipf.get(folded[start:], 0.0) >= _COMPOUND_TAIL_ZIPF
        for start in range(_COMPOUND_HEAD_LETTERS, len(folded) - _COMPOUND_TAIL_LETTERS + 1)
    )


@lru_cache(maxsize=4096)
def is_whole_word_anywhere(word: str) -> bool:
    """Is `word` (casefolded) in the small list of any of the four languages, whatever its length?"""
    return any(word in _language_words(language)[1] for language in LANGUAGES)


def ends_in_fragment(text: str) -> bool:
    """Does a notice end in a word cut short ('... not for commerc')? Its last word, without
    closing punctuation, begins a word of the notice vocabulary but is none of them."""
    text = text.rstrip()
    if not text or text[-1] in _TERMINAL or not text[-1].isalpha():
        return False
    last = fold(text.split()[-1])
    if len(last) < 3 or last in NOTICE_WORDS:
        return False
    return any(word.startswith(last) for word in NOTICE_WORDS)


# --- credits of web pages flattened to text ---------------------------------------------------

_PHOTOGRAPHER_TRADES = frozenset(
    fold(word) for words in load_data("caption_labels.json")["trade_words"].values() for word in words
)


def without_doubled_credit(text: str, credits: list[str]) -> str:
    """The caption without a credit's name printed bare before the credit read after it, as a
    page flattens its credit span and its copyright line together ('... à Namur Jane Roe ©Jane
    Roe'): two to four capitalised words closing the text with no punctuation, after a
    capitalised word or a sentence's stop. The name as the caption's subject stays: after a word
    in lower case ('Portrait of Jane Roe', 'le photographe Jean Roe'), after a photographer's
    trade ('Fotograf Hans Roe'), or alone."""
    end = text.rstrip()
    for credit in credits:
        name = credit.strip(" ©").strip()
        words = name.split()
        if not 2 <= len(words) <= 4 or not end.endswith(" " + name):
            continue
        if not all(word[:1].isupper() or word in NAME_JOINERS for word in words):
            continue
        head = end[: -len(name)].rstrip()
        before = head.rpartition(" ")[2]
        if len(head) < 20 or not before or not before[:1].isupper() and before[-1:] not in ".!?":
            continue
        if fold(before) in _PHOTOGRAPHER_TRADES:
            continue
        return head
    return text


def without_translated_line(lines: list[str]) -> list[str]:
    """The caption's lines up to one that closes on a credit, when the next line is in another
    language: its translation, a credit of its own after it ('... the crowd. Photo by Jane
    Roe/Example' / 'Die Menge ... (© Agentur)'; SPEC: a bilingual block keeps its first
    language)."""
    for index, line in enumerate(lines[:-1]):
        if len(line) < 40 or not strip_credits(line)[1]:
            continue
        first, second = line_language(line), line_language(lines[index + 1])
        if first and second and first != second:
            return lines[: index + 1]
    return lines
