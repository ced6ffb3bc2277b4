"""Articles and their links to photos."""

from __future__ import annotations

import datetime as dt

from captions.models import Article, Photo


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


def link_article(*, photo: Photo, article: Article) -> None:
    photo.articles.add(article)
