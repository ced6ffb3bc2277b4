"""The photo change list's filters. Each reads small tables or fixed values, never a scan of the
photos; the conditions are the same selectors and QuerySet methods browse uses."""

from __future__ import annotations

import datetime as dt

from django.contrib import admin
from django.core.cache import cache
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from captions.models import CAVEAT_LABELS, CAVEAT_TAGS, Photo, Place


class CountryFilter(admin.SimpleListFilter):
    title = _("country")
    parameter_name = "country"

    def lookups(self, request, model_admin):
        rows = (
            Place.objects.exclude(country_code="").order_by("country").values_list("country_code", "country").distinct()
        )
        return [(code, f"{name or code} ({code})") for code, name in rows]

    def queryset(self, request, queryset):
        return queryset.filter(place__country_code=self.value()) if self.value() else queryset


class DecadeFilter(admin.SimpleListFilter):
    title = _("decade taken")
    parameter_name = "decade"

    def lookups(self, request, model_admin):
        this_decade = timezone.localdate().year // 10 * 10
        return [(str(d), gettext("%(decade)ss") % {"decade": d}) for d in range(this_decade, 1890, -10)]

    def queryset(self, request, queryset):
        if not (self.value() or "").isdigit():
            return queryset
        decade = int(self.value())
        # Intervals overlapping the decade: a "circa 1945" photo is in the 1940s.
        return queryset.filter(date_start__lte=dt.date(decade + 9, 12, 31), date_end__gte=dt.date(decade, 1, 1))


class CaveatFilter(admin.SimpleListFilter):
    title = _("caveat")
    parameter_name = "caveat"

    def lookups(self, request, model_admin):
        return [(tag, CAVEAT_LABELS[tag]) for tag in CAVEAT_TAGS]

    def queryset(self, request, queryset):
        return queryset.with_caveat(self.value()) if self.value() in CAVEAT_TAGS else queryset


class SupplierFilter(admin.SimpleListFilter):
    """Suppliers are a handful of agencies; listing them takes a DISTINCT over every photo,
    so the list is cached for a few minutes instead of read on each page."""

    title = _("supplier")
    parameter_name = "supplier"
    CACHE_KEY, CACHE_SECONDS = "captions:admin:suppliers", 300

    def lookups(self, request, model_admin):
        suppliers = cache.get_or_set(
            self.CACHE_KEY,
            lambda: list(
                Photo.objects.exclude(supplier="").order_by("supplier").values_list("supplier", flat=True).distinct()
            ),
            self.CACHE_SECONDS,
        )
        if self.value() and self.value() not in suppliers:  # new since the list was cached: still filter by it
            suppliers = sorted([*suppliers, self.value()])
        return [(name, name) for name in suppliers]

    def queryset(self, request, queryset):
        return queryset.filter(supplier=self.value()) if self.value() else queryset


class HasImageFilter(admin.SimpleListFilter):
    title = _("image file")
    parameter_name = "has_image"

    def lookups(self, request, model_admin):
        return [("yes", _("has an image")), ("no", _("no image yet"))]

    def queryset(self, request, queryset):
        if self.value() == "yes":
            return queryset.exclude(image="")
        if self.value() == "no":
            return queryset.filter(image="")
        return queryset
