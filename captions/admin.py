"""Admin: configuration only. The full editor workflow builds on this."""
from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from captions.models import Article, Photo, Place


@admin.register(Place)
class PlaceAdmin(admin.ModelAdmin):
    list_display = ["sublocation", "city", "region", "country", "country_code"]
    list_filter = ["country_code"]
    search_fields = ["sublocation", "city", "region", "country", "search_names"]


@admin.register(Article)
class ArticleAdmin(SimpleHistoryAdmin):
    list_display = ["headline", "publication", "published_date", "language"]
    list_filter = ["publication", "language"]
    search_fields = ["headline", "publication", "url", "summary"]
    date_hierarchy = "published_date"


@admin.register(Photo)
class PhotoAdmin(SimpleHistoryAdmin):
    list_display = ["__str__", "supplier", "source_id", "width_px", "height_px", "dpi", "date_text", "place", "needs_review"]
    list_filter = ["needs_review", "supplier", "place__country_code"]
    list_select_related = ["place"]
    search_fields = ["caption", "credit", "source_id", "place__search_names"]
    autocomplete_fields = ["place", "articles"]
    readonly_fields = ["problems", "created_at", "updated_at"]
    fieldsets = [
        ("Caption & credit", {"fields": ["caption", "headline", "language", "credit", "creator", "copyright_notice", "keywords", "supplier", "source_id"]}),
        ("Pixels & print", {"fields": ["width_px", "height_px", "dpi"]}),
        ("Shoot date", {"fields": ["date_text", "date_edtf", "date_start", "date_end", "date_precision", "date_approximate"]}),
        ("Place", {"fields": ["place", "place_text"]}),
        ("Caveats & rights", {"fields": ["caveat_editorial_only", "caveat_no_model_release", "caveat_mandatory_credit", "caveat_imperfect_historical", "caveat_embargo", "embargo_until", "restriction_text"]}),
        ("Image", {"fields": ["image"]}),
        ("Articles", {"fields": ["articles"]}),
        ("Review", {"fields": ["needs_review", "problems", "created_at", "updated_at"]}),
    ]
