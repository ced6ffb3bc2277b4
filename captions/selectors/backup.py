"""Reads for the archive backup (services.backup): every row of every table the archive is made
of, in primary-key order, a chunk at a time, as plain values keyed by column (`place_id`).

The tables, in the order a restore needs them (what a row points at comes first):

    place, article, photo (with the ids of its articles), and with history:
    article_history, photo_history, photo_history_link

Which columns: every concrete field the model has today, so a field added later is backed up
without a change here. A user a history row names is written by username (users are not part
of the archive; a restore finds them by name).
"""

from __future__ import annotations

from collections.abc import Iterator
from itertools import islice

from django.contrib.auth import get_user_model

from captions.models import Article, Photo, Place

CHUNK_SIZE = 2000

HistoricalPhoto = Photo.history.model
HistoricalArticle = Article.history.model
HistoricalPhotoLink = HistoricalPhoto.historicalphoto_articles_set.rel.related_model  # simple-history's m2m table
PhotoLink = Photo.articles.through

TABLES = {
    "place": Place,
    "article": Article,
    "photo": Photo,
    "article_history": HistoricalArticle,
    "photo_history": HistoricalPhoto,
    "photo_history_link": HistoricalPhotoLink,
}
HISTORY_TABLES = ("article_history", "photo_history", "photo_history_link")


def columns(model) -> list:
    return list(model._meta.concrete_fields)


def names_user(field) -> bool:
    return field.many_to_one and field.related_model is get_user_model()


def _chunks(iterator, size):
    while chunk := list(islice(iterator, size)):
        yield chunk


def table_rows(table: str, *, chunk_size: int = CHUNK_SIZE) -> Iterator[dict]:
    """Every row of `table` as {attname: value}; a photo row also gets "articles": [ids]."""
    model = TABLES[table]
    fields = columns(model)
    usernames = {}
    if any(names_user(f) for f in fields):
        usernames = dict(get_user_model().objects.values_list("pk", "username"))
    attnames = [f.attname for f in fields]
    values = model._base_manager.order_by("pk").values_list(*attnames).iterator(chunk_size=chunk_size)
    for chunk in _chunks(values, chunk_size):
        links: dict[int, list[int]] = {}
        if model is Photo:
            pks = [row[0] for row in chunk]
            for photo_id, article_id in (
                PhotoLink.objects.filter(photo_id__in=pks)
                .order_by("photo_id", "article_id")
                .values_list("photo_id", "article_id")
            ):
                links.setdefault(photo_id, []).append(article_id)
        for row in chunk:
            record = {}
            for field, value in zip(fields, row, strict=True):
                if names_user(field):
                    record[field.name] = usernames.get(value) if value is not None else None
                else:
                    record[field.attname] = value
            if model is Photo:
                record["articles"] = links.get(row[0], [])
            yield record


def table_count(table: str) -> int:
    return TABLES[table]._base_manager.count()


def holds_rows(tables) -> dict[str, int]:
    """{table: rows} for the tables of `tables` that are not empty."""
    counts = {table: table_count(table) for table in tables}
    return {table: n for table, n in counts.items() if n}


def user_ids_by_name() -> dict[str, int]:
    """Every user's id by username (a few hundred accounts: read once per restore)."""
    return dict(get_user_model().objects.values_list("username", "pk"))
