"""Articles in the admin."""

from django.contrib import admin
from django.db import models
from simple_history.admin import SimpleHistoryAdmin

from captions.admin.filters import ArticleLanguageFilter
from captions.admin.history import ReadableHistoryMixin
from captions.admin.permissions import EditorsWriteMixin
from captions.admin.safety import ReadableIdsMixin
from captions.models import Article


@admin.register(Article)
class ArticleAdmin(ReadableIdsMixin, ReadableHistoryMixin, EditorsWriteMixin, SimpleHistoryAdmin):
    list_display = ["headline", "publication", "published_date", "language"]
    list_filter = ["publication", ArticleLanguageFilter]
    search_fields = ["headline", "publication", "url", "summary"]
    date_hierarchy = "published_date"
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}  # a pasted "www.…" becomes https
