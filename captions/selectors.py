"""Reads: every query shape the pages use, with their joins declared once."""
from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Count, Prefetch, Q, QuerySet

from captions.models import Article, Photo

PAGE_SIZES = (24, 48, 96)
MAX_OFFSET = 10_000  # deeper pages are not offered: narrow the search instead (bounded work)
MORE_LIKE_THIS = 6
ARTICLE_PHOTOS = 60


def photos_for_browse():
    return Photo.objects.select_related("place")


def photo_with_relations():
    return Photo.objects.select_related("place").prefetch_related(
        Prefetch("articles", queryset=Article.objects.order_by("-published_date", "headline"))
    )


@dataclass
class ResultPage:
    """One page of results, found without counting the whole selection: it reads one row
    more than it shows to know whether a next page exists."""

    rows: list
    number: int
    per_page: int
    has_next: bool
    beyond_limit: bool = False  # a page past MAX_OFFSET was asked for

    @property
    def has_previous(self) -> bool:
        return self.number > 1

    @property
    def previous_page_number(self) -> int:
        return self.number - 1

    @property
    def next_page_number(self) -> int:
        return self.number + 1

    @property
    def start_index(self) -> int:
        return (self.number - 1) * self.per_page + 1 if self.rows else 0

    @property
    def end_index(self) -> int:
        return (self.number - 1) * self.per_page + len(self.rows)

    def __iter__(self):
        return iter(self.rows)

    def __len__(self):
        return len(self.rows)


def page_number(raw) -> int:
    try:
        number = int(raw)
    except (TypeError, ValueError):
        return 1
    return max(1, number)


def result_page(qs: QuerySet, *, number: int, per_page: int) -> ResultPage:
    last_page = max(1, MAX_OFFSET // per_page)
    beyond = number > last_page
    number = min(number, last_page)
    offset = (number - 1) * per_page
    rows = list(qs[offset : offset + per_page + 1])
    has_next = len(rows) > per_page and number < last_page
    return ResultPage(rows[:per_page], number, per_page, has_next, beyond_limit=beyond)


def more_from_place(photo: Photo, limit: int = MORE_LIKE_THIS) -> list[Photo]:
    """Other photos of the same place, nearest shoot dates first (index photo_place_date)."""
    if not photo.place_id:
        return []
    qs = photos_for_browse().filter(place_id=photo.place_id).exclude(pk=photo.pk)
    return list(qs.order_by("-date_start", "-id")[:limit])


def more_from_same_date(photo: Photo, limit: int = MORE_LIKE_THIS) -> list[Photo]:
    """Other photos dated exactly the same day (or the same month, year, decade) as this one."""
    if not photo.date_start:
        return []
    qs = photos_for_browse().filter(date_start=photo.date_start, date_end=photo.date_end).exclude(pk=photo.pk)
    return list(qs.order_by("-id")[:limit])


def articles_matching(text: str = "") -> QuerySet:
    qs = Article.objects.all()
    for word in (text or "").split()[:12]:
        qs = qs.filter(Q(headline__icontains=word) | Q(summary__icontains=word) | Q(publication__icontains=word))
    return qs.order_by("-published_date", "headline", "id")


def with_photo_counts(articles: list[Article]) -> list[Article]:
    """Set `photo_count` on each article of a page, in one query for the page (not a GROUP BY
    over the whole link table)."""
    through = Photo.articles.through
    counts = dict(
        through.objects.filter(article_id__in=[a.pk for a in articles])
        .values_list("article_id")
        .annotate(n=Count("pk"))
    )
    for article in articles:
        article.photo_count = counts.get(article.pk, 0)
    return articles


def article_photos(article: Article, limit: int = ARTICLE_PHOTOS) -> tuple[list[Photo], bool]:
    """The article's photos (at most `limit`) and whether there are more."""
    rows = list(photos_for_browse().filter(articles=article).order_by("date_start", "id")[: limit + 1])
    return rows[:limit], len(rows) > limit
