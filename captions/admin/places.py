"""Places in the admin."""

from django.contrib import admin

from captions.admin.permissions import EditorsWriteMixin
from captions.admin.safety import ReadableIdsMixin
from captions.models import Place
from captions.services.places import save_place


@admin.register(Place)
class PlaceAdmin(ReadableIdsMixin, EditorsWriteMixin, admin.ModelAdmin):
    list_display = ["sublocation", "city", "region", "country", "country_code"]
    list_filter = ["country_code"]
    search_fields = ["sublocation", "city", "region", "country", "search_names"]

    def save_model(self, request, obj, form, change):
        save_place(place=obj)
