"""Reads: every query shape the pages use, with their joins declared once."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.db import connection
from django.db.models import Count, F, Func, Prefetch, Q, QuerySet, Value
from django.db.models.lookups import Exact, GreaterThan, LessThan

from captions import dimensions
from captions.models import Article, Photo

PAGE_SIZES = (24, 48, 96)
MAX_OFFSET = 10_000  # deeper pages are not offered: narrow the search instead (bounded work)
MORE_LIKE_THIS = 6
ARTICLE_PHOTOS = 60


TAKEN_RANGE_INDEX = "photo_taken_range"


def taken_range():
    """The shoot interval as one PostgreSQL daterange, both ends included. Migration 0005 puts a
    GiST index on exactly this expression (for dated photos), so a date window is one `&&`
    probe of it. Undated photos would give an unbounded range; callers exclude them."""
    from django.contrib.postgres.fields import DateRangeField

    return Func(F("date_start"), F("date_end"), Value("[]"), function="daterange", output_field=DateRangeField())


def taken_between(qs: QuerySet, first: dt.date | None, last: dt.date | None) -> QuerySet:
    """Photos whose shoot interval overlaps the window [first, last]; either end may be open.

    A closed window on PostgreSQL is `daterange(date_start, date_end) && window` on the GiST
    index: a btree cannot serve `date_end >= first AND date_start <= last` for a window in the
    middle of history, where each half alone selects half the archive. An open window keeps
    its one comparison, which the btree indexes photo_date_end / photo_date_interval serve.
    Undated photos match no window (on PostgreSQL they must be excluded by hand, since their
    range is unbounded)."""
    if first and last and connection.vendor == "postgresql":
        from django.db.backends.postgresql.psycopg_any import DateRange

        return qs.alias(taken_range=taken_range()).filter(
            date_start__isnull=False, taken_range__overlap=DateRange(first, last, "[]")
        )
    if first:
        qs = qs.filter(date_end__gte=first)
    if last:
        qs = qs.filter(date_start__lte=last)
    return qs


def width_excess():
    """width_px - height_px: its sign is the orientation. Indexed as `photo_width_excess`
    (models.Photo.Meta.indexes), so the orientation filter is an index range scan, and
    PostgreSQL keeps statistics on it (it would guess a third for `width_px < height_px`)."""
    return F("width_px") - F("height_px")


def orientation_condition(name: str):
    """The orientation as a condition on width_excess(); a photo without pixels has none."""
    lookup = {dimensions.LANDSCAPE: GreaterThan, dimensions.PORTRAIT: LessThan, dimensions.SQUARE: Exact}[name]
    return lookup(width_excess(), 0)


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
