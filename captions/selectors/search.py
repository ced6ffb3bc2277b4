"""Words: search over a photo's caption, headline, keywords, credit and place.

On PostgreSQL this is full-text search: the four fields are stored as one German and one
English tsvector, the generated column `search_document` (migration 0014: the expression
`search_vector()` builds, computed once when a row is written, with the GIN index
`photo_search_doc` on it), and a query matches when its words match under either language's
stemming, so "Treffens" finds "Treffen" and "meetings" finds "meeting". A filter reads the
stored value: no plan recomputes `to_tsvector` on the rows it passes.

On SQLite (development, tests) there is no full-text engine worth the name, so each word
becomes a case-insensitive match of its shortest Snowball stem at the start of a word (a
regular expression: 'script' finds "scripts" but not "description"): the same stemmer family
PostgreSQL uses, so both backends agree on the everyday cases.

The place is searched under every name it has (`place_words`): a run of the query's words
that names a place in the archive ('Kremlin', 'Moskau', 'Russland', 'New York') matches a
photo whose text holds those words *or* whose place is known under that name. The place ids
come from one query to the small place table and go into the photo query as a list, so on
PostgreSQL the condition stays a bitmap OR of the GIN index and the place_id index.

`highlight()` marks the words of a text that the query matched, by the same stems, on both
backends (PostgreSQL's ts_headline would need one call per row and one language per call).
"""

from __future__ import annotations

import re
import threading
from functools import lru_cache

import snowballstemmer
from django.contrib.postgres.search import SearchQuery, SearchVector, SearchVectorField
from django.db import connection
from django.db.models import Expression, Q, QuerySet
from django.db.models.expressions import Col
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from captions.core.text import fold
from captions.models import Photo
from captions.selectors.places import place_ids_by_name, place_ids_matching

SEARCH_FIELDS = ("caption", "headline", "keywords", "credit")
SEARCH_CONFIGS = ("german", "english")  # PostgreSQL text search configurations
INDEX_NAME = "photo_search_gin"  # migration 0003's index on the expression; replaced by 0014
DOCUMENT_COLUMN = "search_document"  # migration 0014, PostgreSQL only, not a model field
DOCUMENT_INDEX = "photo_search_doc"
MAX_WORDS = 12
MIN_STEM = 3
MAX_PLACE_WORDS = 3  # the longest run of words tried as one place name ('Rio de Janeiro')
MIN_PLACE_WORD = 3  # two letters are prose or a code ('in', 'de', 'us'): the place filter takes codes
# Words on both of PostgreSQL's stop lists (english.stop and german.stop, from Snowball): alone
# they make an empty text query, which matches nothing, so "text or place" would shrink to the
# place (some are also names of places in GeoNames). They are never place words.
STOP_IN_BOTH = frozenset({"am", "an", "in", "so", "was", "will"})

_WORD = re.compile(r"\w+", re.UNICODE)
_THREAD = threading.local()


def _stemmers() -> list:
    """This thread's Snowball stemmers. A stemmer keeps the word it works on in the instance, so
    the threads of a gthread worker sharing one garbled each other's words (IndexError, a server
    error on a search page under load)."""
    stemmers = getattr(_THREAD, "stemmers", None)
    if stemmers is None:
        stemmers = _THREAD.stemmers = [snowballstemmer.stemmer(config) for config in SEARCH_CONFIGS]
    return stemmers


def search_vector():
    """The indexed expression. Queries must use this very expression for the GIN index to
    serve them, so the migration builds its index from it too."""
    vectors = [SearchVector(*SEARCH_FIELDS, config=config) for config in SEARCH_CONFIGS]
    combined = vectors[0]
    for vector in vectors[1:]:
        combined = combined + vector
    return combined


class _DocumentColumn:
    """What `Col` needs to name the generated column (it is not a model field)."""

    column = DOCUMENT_COLUMN
    name = DOCUMENT_COLUMN
    model = Photo

    def get_col(self, alias, output_field=None):  # pragma: no cover - Col never asks
        return Col(alias, self, output_field)


class SearchDocument(Expression):
    """The stored `search_document` column of the query's photo table, under whatever alias
    the query gives that table (a subquery relabels it)."""

    output_field = SearchVectorField()

    def resolve_expression(self, query=None, allow_joins=True, reuse=None, summarize=False, for_save=False):
        return Col(query.get_initial_alias(), _DocumentColumn(), output_field=SearchVectorField())


def search_query(text: str):
    queries = [SearchQuery(text, config=config, search_type="websearch") for config in SEARCH_CONFIGS]
    combined = queries[0]
    for query in queries[1:]:
        combined = combined | query
    return combined


def query_words(text: str) -> list[str]:
    """The words of a search, in order, without repeats, at most MAX_WORDS."""
    seen: list[str] = []
    for word in _WORD.findall(text or ""):
        if word.casefold() not in (w.casefold() for w in seen):
            seen.append(word)
    return seen[:MAX_WORDS]


@lru_cache(maxsize=8192)
def stems(word: str) -> frozenset[str]:
    """The German and English stems of a word, folded (accents and case removed)."""
    folded = fold(word)
    return frozenset(fold(stemmer.stemWord(word.casefold())) for stemmer in _stemmers()) | {folded}


def substring_for(word: str) -> str:
    """The shortest stem of `word` that is still a prefix of it as written (SQLite fallback):
    'Treffens' -> 'Treff', 'meetings' -> 'meet', 'Kreml' -> 'Kreml'."""
    lowered = word.casefold()
    candidates = [
        lowered[: len(stem)]
        for stem in (stemmer.stemWord(lowered) for stemmer in _stemmers())
        if len(stem) >= MIN_STEM and lowered.startswith(stem)
    ]
    return min(candidates, key=len) if candidates else lowered


def place_words(words: list[str]) -> list[tuple[int, int, list[int]]]:
    """The runs of `words` that name places in the archive, as (first word, number of words,
    place ids): longest runs first, no word in two runs. One query to the place table."""
    candidates: list[tuple[int, int, str]] = []
    for length in range(min(MAX_PLACE_WORDS, len(words)), 0, -1):
        for first in range(len(words) - length + 1):
            phrase = " ".join(words[first : first + length])
            if length == 1 and (len(phrase) < MIN_PLACE_WORD or phrase.casefold() in STOP_IN_BOTH):
                continue
            candidates.append((first, length, phrase))
    if not candidates:
        return []
    places = place_ids_by_name(phrase for _, _, phrase in candidates)
    runs: list[tuple[int, int, list[int]]] = []
    taken: set[int] = set()
    for first, length, phrase in candidates:  # longest runs first, by construction
        span = set(range(first, first + length))
        ids = places.get(phrase)
        if ids and not span & taken:
            runs.append((first, length, ids))
            taken |= span
    return runs


def _text_holds(word: str) -> Q:
    """SQLite: one of the text fields holds a word starting with the word's shortest stem."""
    pattern = r"(?<!\w)" + re.escape(substring_for(word))
    match = Q()
    for field in SEARCH_FIELDS:
        match |= Q(**{f"{field}__iregex": pattern})
    return match


def filter_words(qs: QuerySet, text: str) -> QuerySet:
    """Photos whose caption, headline, keywords, credit or place hold every word of `text`."""
    words = query_words(text)
    if not words:
        return qs
    runs = place_words(words)
    in_places = {index for first, length, _ in runs for index in range(first, first + length)}
    plain = [word for index, word in enumerate(words) if index not in in_places]
    if connection.vendor == "postgresql":
        qs = qs.alias(search=SearchDocument())
        match = Q(search=search_query(" ".join(plain))) if plain else Q()
        for first, length, ids in runs:
            match &= Q(search=search_query(" ".join(words[first : first + length]))) | Q(place_id__in=ids)
        return qs.filter(match)
    for word in plain:
        qs = qs.filter(_text_holds(word))
    for first, length, ids in runs:
        text_match = Q()
        for word in words[first : first + length]:
            text_match &= _text_holds(word)
        qs = qs.filter(text_match | Q(place_id__in=ids))
    return qs


def highlight(text: str, query: str) -> SafeString:
    """`text`, HTML-escaped, with each word the query matched wrapped in <mark>."""
    text = text or ""
    wanted: set[str] = set()
    prefixes: list[str] = []
    for word in query_words(query):
        wanted |= stems(word)
        prefixes.append(fold(substring_for(word)))
    if not wanted:
        return escape(text)
    out, last = [], 0
    for match in _WORD.finditer(text):
        word = match.group(0)
        folded = fold(word)
        if stems(word) & wanted or any(len(p) >= MIN_STEM and folded.startswith(p) for p in prefixes):
            out.append(escape(text[last : match.start()]))
            out.append(f"<mark>{escape(word)}</mark>")
            last = match.end()
    out.append(escape(text[last:]))
    return mark_safe("".join(out))


def matching_term(qs: QuerySet, term: str, *, ids_at_most: int = 0) -> QuerySet:
    """Photos whose words match `term`, whose place is known under it in any language, or whose
    supplier image id it is (the admin's search box): one query with indexed branches, not
    Django's LIKE '%…%' over every caption, which reads the whole table on each search.

    `ids_at_most`: first read the ids of the word matches, at most this many + 1 (the GIN
    index alone); when they are that few, the list filters by them (a primary-key lookup and a
    sort of a few rows), else by the subquery (a walk of the list's order that meets matches
    often enough to stop early)."""
    words = filter_words(Photo.objects.order_by(), term).values("pk")
    matches = Q(pk__in=words)
    if ids_at_most:
        ids = list(words.values_list("pk", flat=True)[: ids_at_most + 1])
        if len(ids) <= ids_at_most:
            matches = Q(pk__in=ids)
    place_ids = [row["pk"] for row in place_ids_matching(term)]
    if place_ids:
        matches |= Q(place_id__in=place_ids)
    if " " not in term and any(ch.isdigit() for ch in term):  # looks like an image id
        matches |= Q(source_id=term)
    return qs.filter(matches)
