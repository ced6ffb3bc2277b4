"""Articles and their links to photos."""

from __future__ import annotations

import datetime as dt

from captions.core.vocabulary import change_reason
from captions.models import Article, Photo
from captions.services import bulk


def create_or_update_article(
    *,
    headline: str,
    url: str | None = None,
    publication: str = "",
    published_date: dt.date | None = None,
    language: str = "",
    summary: str = "",
    body: str = "",
) -> Article:
    """One article per URL; without a URL, one per publication + headline."""
    if url:
        article = Article.objects.filter(url=url).first()
    else:
        article = Article.objects.filter(url__isnull=True, publication=publication, headline=headline).first()
    article = article or Article()
    article.headline, article.url, article.publication = headline, url or None, publication
    article.published_date, article.language = published_date, language
    article.summary, article.body = summary, body
    article.full_clean()
    article.save()
    return article


def link_article(*, photo: Photo, article: Article, user=None) -> bool:
    """Link one article to one photo (the photo page), through the same path as the bulk action:
    a history record naming the article and a new version. False when it was linked already."""
    outcome = bulk.bulk_link_article(
        photos=Photo.objects.filter(pk=photo.pk),
        article=article,
        user=user,
        reason=change_reason("article_linked", headline=article.headline),
    )
    return bool(outcome.changed)
