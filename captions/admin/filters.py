"""The photo change list's filters. Each reads small tables or fixed values, never a scan of the
photos; the conditions are the same selectors and QuerySet methods browse uses."""

from __future__ import annotations

import datetime as dt

from django.contrib import admin, messages
from django.utils import timezone
from django.utils.translation import get_language, gettext
from django.utils.translation import gettext_lazy as _

from captions.core import places
from captions.core.text import name_key
from captions.models import CAVEAT_LABELS, CAVEAT_TAGS
from captions.selectors import articles as article_selectors
from captions.selectors import photos as photo_selectors
from captions.selectors import places as place_selectors


class CountryFilter(admin.SimpleListFilter):
    title = _("country")
    parameter_name = "country"

    def lookups(self, request, model_admin):
        """Only the countries photos were taken in, by their name in the reader's language."""
        codes = place_selectors.countries_with_photos()
        if self.value() and self.value() not in codes:  # new since the list was cached: still filter by it
            codes = [*codes, self.value()]
        language = get_language() or "en"
        named = [(code, places.country_display_name(code, language)) for code in codes]
        return [(code, f"{name} ({code})") for code, name in sorted(named, key=lambda item: name_key(item[1]))]

    def queryset(self, request, queryset):
        return queryset.in_country(self.value()) if self.value() else queryset


class DecadeFilter(admin.SimpleListFilter):
    title = _("decade taken")
    parameter_name = "decade"

    def lookups(self, request, model_admin):
        this_decade = timezone.localdate().year // 10 * 10
        return [(str(d), gettext("%(decade)ss") % {"decade": d}) for d in range(this_decade, 1890, -10)]

    def queryset(self, request, queryset):
        if self.value() is None:
            return queryset
        text = self.value().strip()
        decade = int(text) if text.isascii() and text.isdigit() and len(text) <= 4 else None
        if decade is None or not 1 <= decade <= 9990:
            # a hand-edited address ('decade=99999' was a server error: no date has that year)
            messages.warning(
                request,
                gettext(
                    "“%(value)s” is not a decade (a year from 1 to 9990, such as 1940): the list is not filtered by it."
                )
                % {"value": text[:40]},
            )
            return queryset
        # The browse page's date window: a "circa 1945" photo is in the 1940s.
        return photo_selectors.taken_between(queryset, dt.date(decade, 1, 1), dt.date(decade + 9, 12, 31))


class CaveatFilter(admin.SimpleListFilter):
    title = _("caveat")
    parameter_name = "caveat"

    def lookups(self, request, model_admin):
        return [(tag, CAVEAT_LABELS[tag]) for tag in CAVEAT_TAGS]

    def queryset(self, request, queryset):
        return queryset.with_caveat(self.value()) if self.value() in CAVEAT_TAGS else queryset


class SupplierFilter(admin.SimpleListFilter):
    title = _("supplier")
    parameter_name = "supplier"

    def lookups(self, request, model_admin):
        suppliers = photo_selectors.suppliers()
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
        if self.value() in ("yes", "no"):
            return queryset.with_image(self.value() == "yes")
        return queryset


class ArticleLanguageFilter(admin.SimpleListFilter):
    """The languages articles are in; an article without one is "not stated" (Django's own
    filter would give it a link with no text)."""

    title = _("language")
    parameter_name = "language"
    NONE = "-"

    def lookups(self, request, model_admin):
        languages, some_without = article_selectors.article_languages()
        return [(code, code) for code in languages] + ([(self.NONE, _("not stated"))] if some_without else [])

    def queryset(self, request, queryset):
        if self.value() == self.NONE:
            return queryset.filter(language="")
        return queryset.filter(language=self.value()) if self.value() else queryset
