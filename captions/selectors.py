"""Reads: every query shape the pages use, with their joins declared once."""
from django.db.models import Count, Prefetch

from captions.models import Article, Photo


def photos_for_browse():
    return Photo.objects.select_related("place")


def photo_with_relations():
    return Photo.objects.select_related("place").prefetch_related(
        Prefetch("articles", queryset=Article.objects.order_by("-published_date", "headline"))
    )


def articles_for_list():
    return Article.objects.annotate(photo_count=Count("photos"))
