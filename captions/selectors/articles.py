"""Reads about articles: the list with its word search, photo counts, an article's photos."""

from __future__ import annotations

from django.db.models import Count, Q, QuerySet

from captions.models import Article, Photo
from captions.selectors import embargo
from captions.selectors.photos import photos_for_browse

ARTICLE_PHOTOS = 60


def all_articles() -> QuerySet:
    return Article.objects.all()


def article_by_id(raw) -> Article | None:
    """The article a form's id names, or None (not a number, or gone)."""
    raw = str(raw or "").strip()
    return Article.objects.filter(pk=int(raw)).first() if raw.isdigit() else None


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


def article_photos(article: Article, *, sees_embargoed: bool, limit: int = ARTICLE_PHOTOS) -> tuple[list, bool]:
    """The article's photos (at most `limit`) and whether there are more. An embargoed one is
    its card for a viewer who may not see it, after the others (in shoot-date order, its place
    would tell its date)."""
    rows = list(photos_for_browse().filter(articles=article).order_by("date_start", "id")[: limit + 1])
    return embargo.shown_all(rows[:limit], sees=sees_embargoed, cards_last=True), len(rows) > limit


def article_languages() -> tuple[list[str], bool]:
    """The languages articles are in (sorted), and whether some article states none."""
    values = set(Article.objects.order_by().values_list("language", flat=True).distinct())
    return sorted(v for v in values if v), "" in values or None in values
