"""Articles an editor may want to link to a photo.

A suggestion is an article published within `WINDOW_DAYS` of the shoot date that shares names
with the caption: people and places written with a capital ("Putin", "Witkoff") or any name
the photo's place is known under, in any language ("Moskau" in the caption, "Moscow" in the
article). Only photos dated to a day or a month get suggestions: "1960s" is no neighbourhood.

No library extracts names from four languages cheaply and predictably, so this is a plain
heuristic written here, and the shared names are shown so the editor can judge each one.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from captions.core.text import fold
from captions.models import Article, Photo

WINDOW_DAYS = 7
MAX_SPAN_DAYS = 31
MAX_CANDIDATES = 200
MAX_SUGGESTIONS = 5
MIN_NAME = 3

_CAPITALISED = re.compile(r"\b[^\W\d_][\w’'-]*", re.UNICODE)
# Capitalised words that are not names: sentence starters and function words of the four
# caption languages, and the words of agency boilerplate.
_NOT_NAMES = frozenset(
    [
        "the",
        "this",
        "that",
        "these",
        "those",
        "there",
        "their",
        "they",
        "then",
        "when",
        "where",
        "while",
        "with",
        "from",
        "into",
        "after",
        "before",
        "and",
        "but",
        "for",
        "not",
        "its",
        "his",
        "her",
        "our",
        "your",
        "who",
        "what",
        "which",
        "about",
        "also",
        "some",
        "many",
        "most",
        "more",
        "der",
        "die",
        "das",
        "dem",
        "den",
        "des",
        "ein",
        "eine",
        "einer",
        "eines",
        "einem",
        "und",
        "oder",
        "aber",
        "mit",
        "von",
        "vom",
        "zum",
        "zur",
        "bei",
        "nach",
        "vor",
        "auf",
        "aus",
        "für",
        "fur",
        "über",
        "uber",
        "unter",
        "ist",
        "sind",
        "war",
        "wird",
        "wurde",
        "werden",
        "hat",
        "haben",
        "sich",
        "le",
        "la",
        "les",
        "un",
        "une",
        "des",
        "du",
        "et",
        "ou",
        "mais",
        "avec",
        "pour",
        "dans",
        "sur",
        "par",
        "est",
        "sont",
        "el",
        "los",
        "las",
        "una",
        "unos",
        "unas",
        "y",
        "o",
        "pero",
        "con",
        "para",
        "por",
        "en",
        "del",
        "al",
        "es",
        "son",
        "photo",
        "foto",
        "image",
        "bild",
        "picture",
        "editorial",
        "credit",
        "copyright",
        "reuters",
        "getty",
        "alamy",
        "dpa",
        "afp",
        "efe",
        "imago",
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
        "montag",
        "dienstag",
        "mittwoch",
        "donnerstag",
        "freitag",
        "samstag",
        "sonntag",
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
        "januar",
        "februar",
        "märz",
        "marz",
        "juni",
        "juli",
        "oktober",
        "dezember",
    ]
)


def names_in(text: str) -> set[str]:
    """Folded capitalised words of `text` that may be names of people or places."""
    names = set()
    for match in _CAPITALISED.finditer(text or ""):
        word = match.group(0).strip("’'-")
        if len(word) < MIN_NAME or not word[0].isupper():
            continue
        for part in word.split("-"):  # "Trump-Schwiegersohn" names Trump
            folded = fold(part)
            if len(folded) >= MIN_NAME and part[:1].isupper() and folded not in _NOT_NAMES:
                names.add(folded)
    return names


def place_names(photo: Photo) -> set[str]:
    """Every name the photo's place is known under, folded (from the place table)."""
    if not photo.place_id or not photo.place.search_names:
        return set()
    return {name for name in photo.place.search_names.split("|") if len(name) >= MIN_NAME}


@dataclass(frozen=True)
class Suggestion:
    article: Article
    shared_names: tuple[str, ...]  # folded, as they matched

    @property
    def score(self) -> int:
        return len(self.shared_names)


def _article_words(article: Article) -> tuple[set[str], str]:
    text = " ".join((article.headline, article.summary, article.body))
    return names_in(text), " " + " ".join(re.findall(r"\w+", fold(text))) + " "


def window(photo: Photo) -> tuple[dt.date, dt.date] | None:
    """Publication dates an article needs to be suggested, or None when the photo's date is
    missing or too vague."""
    if not photo.date_start or not photo.date_end:
        return None
    if (photo.date_end - photo.date_start).days > MAX_SPAN_DAYS:
        return None
    return photo.date_start - dt.timedelta(days=WINDOW_DAYS), photo.date_end + dt.timedelta(days=WINDOW_DAYS)


def suggest_articles(photo: Photo, *, limit: int = MAX_SUGGESTIONS) -> list[Suggestion]:
    """Unlinked articles published around the shoot date that share names with the caption,
    most shared names first, then nearest in time. One query."""
    dates = window(photo)
    if dates is None:
        return []
    caption_names = names_in(" ".join((photo.caption, photo.headline, photo.keywords)))
    places = place_names(photo)
    if not caption_names and not places:
        return []
    candidates = (
        Article.objects.filter(published_date__range=dates)
        .exclude(photos=photo)
        .only("headline", "publication", "published_date", "summary", "body", "url")
        .order_by("-published_date", "id")[:MAX_CANDIDATES]
    )
    found = []
    for article in candidates:
        article_names, article_text = _article_words(article)
        shared = caption_names & article_names
        shared |= {name for name in places if f" {name} " in article_text}
        if shared:
            found.append(Suggestion(article, tuple(sorted(shared))))
    middle = photo.date_start + (photo.date_end - photo.date_start) / 2
    found.sort(key=lambda s: (-s.score, abs((s.article.published_date - middle).days), s.article.pk))
    return found[:limit]
