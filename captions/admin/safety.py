"""Ids a hand-made request sends the change lists: a selection or a lookup naming a number no row
can have ('abc', '99999999999999999999') reached the database driver (ValueError, OverflowError:
server errors). They get the admin's own answers instead."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.admin import helpers
from django.contrib.admin.options import IncorrectLookupParameters
from django.contrib.admin.views import main
from django.http import HttpResponseRedirect
from django.utils.translation import gettext

from captions import validation

# the change list's own parameters, which are no lookups (a search may well be a long number)
_NOT_LOOKUPS = {
    main.ALL_VAR,
    main.ORDER_VAR,
    main.PAGE_VAR,
    main.SEARCH_VAR,
    main.ERROR_FLAG,
    main.TO_FIELD_VAR,
    main.IS_POPUP_VAR,
    main.IS_FACETS_VAR,
}


class ReadableIdsMixin:
    def response_action(self, request, queryset):
        """A bulk action whose selection names no row is refused with a message, nothing done."""
        selected = request.POST.getlist(helpers.ACTION_CHECKBOX_NAME)
        if any(validation.row_id(value) is None for value in selected):
            self.message_user(
                request,
                gettext("The selection could not be read (a number that names no record): nothing was done."),
                messages.ERROR,
            )
            return HttpResponseRedirect(request.get_full_path())
        return super().response_action(request, queryset)

    def get_changelist_instance(self, request):
        """A lookup by a number beyond any id ('?id__in=99999999999999999999') is an invalid
        lookup, as Django's change list answers one it cannot read (to '?e=1')."""
        own_filters = {
            getattr(item, "parameter_name", None) for item in self.get_list_filter(request) if isinstance(item, type)
        }  # the list filters' parameters read their values themselves ('decade': DecadeFilter)
        for key, values in request.GET.lists():
            if key in _NOT_LOOKUPS or key in own_filters:
                continue
            for value in values:
                for part in value.split(","):
                    part = part.strip()
                    if part.isascii() and part.isdigit() and validation.row_id(part) is None:
                        raise IncorrectLookupParameters(f"{key}: {part[:40]} is beyond any number a record can hold")
        return super().get_changelist_instance(request)
