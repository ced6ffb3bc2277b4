"""The one FilterSet behind browse, exports and the command line (SPEC "Interfaces").

Strict: a malformed value is a form error on its field (shown next to it) and selects no
rows, never a server error.
"""

from __future__ import annotations

import copy
import re

import django_filters
from django import forms
from django.core.exceptions import ValidationError
from django.db.models import F
from django.http import QueryDict
from django.utils.translation import gettext_lazy as _

from captions.core import dimensions
from captions.core.dates import parse_bound
from captions.core.places import find_country
from captions.models import CAVEAT_LABELS, CAVEAT_TAGS, Article, Lightbox, Photo
from captions.selectors import embargo
from captions.selectors import lightboxes as lightbox_selectors
from captions.selectors import photos as photo_selectors
from captions.selectors.places import place_ids_in_country, place_ids_matching
from captions.selectors.search import filter_words


class PartialDateField(forms.CharField):
    """'YYYY', 'YYYY-MM' or 'YYYY-MM-DD' -> (first day, last day) of what it names."""

    default_error_messages = {
        "invalid_partial_date": _(
            "“%(value)s” is not a date: use YYYY, YYYY-MM or YYYY-MM-DD (for example 1945, 2025-12 or 2025-12-02)."
        ),
        "nonexistent_date": _("“%(value)s” is not on the calendar: check the month and the day."),
    }
    shape = re.compile(r"\d{4}(?:-\d{1,2}(?:-\d{1,2})?)?")

    def to_python(self, value):
        value = super().to_python(value)
        if not value:
            return None
        value = value.strip()
        if not self.shape.fullmatch(value):
            raise ValidationError(
                self.error_messages["invalid_partial_date"], code="invalid_partial_date", params={"value": value}
            )
        try:
            return parse_bound(value)
        except ValueError:
            raise ValidationError(
                self.error_messages["nonexistent_date"], code="nonexistent_date", params={"value": value}
            ) from None


class CountryCodeField(forms.CharField):
    """An ISO 3166-1 code (alpha-2 or alpha-3, any case) -> its alpha-2 code."""

    def to_python(self, value):
        value = super().to_python(value)
        if not value:
            return None
        country = find_country(value.strip().upper())
        if country is None:
            raise ValidationError(
                _("%(code)s is not an ISO country code (use two letters, such as RU or DE)."),
                code="unknown_country",
                params={"code": value},
            )
        return country.code


class CountryCodeFilter(django_filters.Filter):
    field_class = CountryCodeField


class PartialDateFilter(django_filters.Filter):
    """One end of the shoot-date window. The two ends are applied together, as one interval
    overlap, by `PhotoFilterSet.filter_queryset` (see `selectors.taken_between`): a photo dated
    "circa 1945" (1945-01-01..1945-12-31) matches a window in June 1945; an undated photo
    matches no date window."""

    field_class = PartialDateField

    def filter(self, qs, value):
        return qs


ORIENTATION_CHOICES = [(o, _(o)) for o in dimensions.ORIENTATIONS]
# The first choice is what the sort menu shows when none is asked for, so it must be the
# default the queryset applies (DEFAULT_SORT).
SORT_CHOICES = [
    ("-added", _("recently added first")),
    ("added", _("first added first")),
    ("-taken", _("newest shoot date first")),
    ("taken", _("oldest shoot date first")),
    ("lightbox", _("lightbox order")),
]
DEFAULT_SORT = SORT_CHOICES[0][0]
SORT_ORDER = {
    "taken": [F("date_start").asc(nulls_last=True), "id"],
    "-taken": [F("date_start").desc(nulls_last=True), "-id"],
    "added": ["created_at", "id"],
    "-added": ["-created_at", "-id"],
    "lightbox": ["lightbox_position", "id"],  # the alias selectors.lightboxes.photos_in sets
}
# Whose lightboxes the `lightbox` filter may name: a user's (the pages, the API), or every one
# (the command line, whose operator reads the whole archive anyway).
EVERY_LIGHTBOX = object()


class LightboxChoiceField(forms.ModelChoiceField):
    default_error_messages = {
        "invalid_choice": _(
            "There is no lightbox %(value)s that you may open: check the number, or ask its owner to share it."
        ),
    }

    def label_from_instance(self, obj):
        return _("%(name)s (%(owner)s)") % {"name": obj.name, "owner": obj.owner.get_username()}


class LightboxFilter(django_filters.ModelChoiceFilter):
    field_class = LightboxChoiceField


class PhotoFilterForm(forms.Form):
    def clean(self):
        cleaned = super().clean()
        after, before = cleaned.get("taken_after"), cleaned.get("taken_before")
        if after and before and after[0] > before[1]:
            self.add_error(
                "taken_before",
                ValidationError(
                    _("“Taken before” is earlier than “taken after”: no date fits between them."),
                    code="empty_date_window",
                ),
            )
        if cleaned.get("sort") == "lightbox" and not cleaned.get("lightbox"):
            self.add_error(
                "sort",
                ValidationError(
                    _("“Lightbox order” needs a lightbox: choose one, or another order."), code="no_lightbox"
                ),
            )
        if cleaned.get("undated") and (after or before):
            self.add_error(
                "undated",
                ValidationError(
                    _("An undated photo matches no date window: clear the dates or this box."),
                    code="undated_with_dates",
                ),
            )
        return cleaned


class PhotoFilterSet(django_filters.FilterSet):
    q = django_filters.CharFilter(label=_("Words"), method="filter_words", max_length=200)
    taken_after = PartialDateFilter(label=_("Taken after"))
    taken_before = PartialDateFilter(label=_("Taken before"))
    place = django_filters.CharFilter(label=_("Place"), method="filter_place", max_length=200)
    country = CountryCodeFilter(label=_("Country code"), method="filter_country")
    caveat = django_filters.ChoiceFilter(
        label=_("Caveat"), choices=[(t, CAVEAT_LABELS[t]) for t in CAVEAT_TAGS], method="filter_caveat"
    )
    orientation = django_filters.ChoiceFilter(
        label=_("Orientation"), choices=ORIENTATION_CHOICES, method="filter_orientation"
    )
    min_print_width_cm = django_filters.NumberFilter(
        label=_("Prints at least (cm wide)"), method="filter_min_print_width", min_value=0.1, max_value=10_000
    )
    at_dpi = django_filters.NumberFilter(
        label=_("at dpi"), method="filter_noop", min_value=dimensions.MIN_DPI, max_value=dimensions.MAX_DPI
    )
    article = django_filters.ModelChoiceFilter(
        label=_("Article"), queryset=Article.objects.all(), method="filter_article"
    )
    lightbox = LightboxFilter(label=_("Lightbox"), queryset=Lightbox.objects.none(), method="filter_lightbox")
    sort = django_filters.ChoiceFilter(label=_("Sort"), choices=SORT_CHOICES, method="filter_noop", empty_label=None)
    undated = django_filters.BooleanFilter(
        label=_("Only undated photos"), method="filter_undated", widget=forms.CheckboxInput
    )

    class Meta:
        model = Photo
        fields: list[str] = []
        form = PhotoFilterForm

    def __init__(self, data=None, queryset=None, *, sees_embargoed: bool = False, viewer=None, prefix=None):
        # Who looks decides what an embargoed photo matches (selectors.embargo); the safe
        # default is a viewer who may not see them.
        self.sees_embargoed = sees_embargoed
        self.place_ids: dict[str, list[int]] = {}  # what the place and country filters resolved
        # django-filter's BaseFilterSet.__init__, but for its deep copy of every filter (with
        # its querysets, choices and lazy labels: ~600 deepcopy calls, the largest part of
        # building a FilterSet, on every browse page, photo page and API call). A shallow copy
        # of each is enough: what a FilterSet sets on its filters (parent, model, the
        # lightbox queryset) is set on the copy, and the form's fields come from the form
        # class built once (`get_form_class`), which Django's Form copies per instance.
        if queryset is None:
            queryset = self._meta.model._default_manager.all()
        self.is_bound = data is not None
        self.data = data or QueryDict()
        self.queryset = queryset
        self.request = None
        self.form_prefix = prefix
        self.filters = {name: _own_copy(filter_) for name, filter_ in self.base_filters.items()}
        for filter_ in self.filters.values():
            filter_.model = queryset.model
            filter_.parent = self
        # `viewer`: the user whose lightboxes `lightbox` may name (EVERY_LIGHTBOX for the command
        # line); without one, `lightbox` names none, so no view can forget the check.
        self.viewer = viewer

    _form_class = None

    @classmethod
    def get_form_class(cls):
        """The form class, built once per FilterSet class (django-filter builds a new class,
        and a new field per filter, for every instance). Its `lightbox` field chooses among no
        lightbox until `form` gives a form the viewer's."""
        if cls.__dict__.get("_form_class") is None:
            prototype = {name: _own_copy(filter_) for name, filter_ in cls.base_filters.items()}
            fields = {name: filter_.field for name, filter_ in prototype.items()}
            cls._form_class = type(f"{cls.__name__}Form", (cls._meta.form,), fields)
        return cls._form_class

    @property
    def form(self):
        if not hasattr(self, "_form"):
            form = super().form
            # Only when the parameter is given is the field read (validated, or shown with its
            # choices); building the viewer's lightbox query (a subquery over their groups) is
            # then worth its ~1 ms.
            if form.add_prefix("lightbox") in self.data:
                form.fields["lightbox"].queryset = self.viewer_lightboxes()
        return self._form

    def viewer_lightboxes(self):
        if self.viewer is EVERY_LIGHTBOX:
            return lightbox_selectors.every_lightbox()
        return lightbox_selectors.visible_lightboxes(self.viewer)

    def filter_noop(self, qs, name, value):
        return qs  # read by other filters (at_dpi) or applied last (sort)

    def filter_words(self, qs, name, value):
        return filter_words(qs, value)

    def filter_undated(self, qs, name, value):
        return qs.filter(date_start__isnull=True) if value else qs

    # Place and country filter by a literal list of place ids (one query in the small place
    # table first): PostgreSQL then estimates the selection from place_id's statistics and
    # starts a small place from its index, where a subquery or a join left it guessing and
    # walking the sort order's index through the whole archive.
    # The ids are kept (`place_ids`, by filter name) for the counts, which read the same places.
    def filter_place(self, qs, name, value):
        value = value.strip()
        if not value:
            return qs
        self.place_ids[name] = [row["pk"] for row in place_ids_matching(value)]
        return qs.filter(place_id__in=self.place_ids[name])

    def filter_country(self, qs, name, value):
        self.place_ids[name] = place_ids_in_country(value)
        return qs.filter(place_id__in=self.place_ids[name])

    def filter_caveat(self, qs, name, value):
        return qs.with_caveat(value)

    def filter_orientation(self, qs, name, value):
        return qs.filter(photo_selectors.orientation_condition(value))

    def filter_min_print_width(self, qs, name, value):
        at_dpi = int(self.form.cleaned_data.get("at_dpi") or dimensions.DEFAULT_TARGET_DPI)
        return qs.filter(width_px__gte=dimensions.pixels_for(float(value), at_dpi))

    def filter_article(self, qs, name, value):
        return qs.filter(articles=value)

    def filter_lightbox(self, qs, name, value):
        return lightbox_selectors.photos_in(qs, value)

    def filter_queryset(self, queryset):
        queryset = super().filter_queryset(queryset)
        after, before = self.form.cleaned_data.get("taken_after"), self.form.cleaned_data.get("taken_before")
        return photo_selectors.taken_between(queryset, after[0] if after else None, before[1] if before else None)

    @property
    def qs(self):
        # Strict, like django-filter's FilterView: any invalid value selects nothing, so an
        # export never silently widens to "everything" because one filter was mistyped.
        if self.is_bound and not self.is_valid():
            return self.queryset.none()
        qs = embargo.for_viewer(super().qs, sees=self.sees_embargoed, hidden=self.reads_hidden)
        return qs.order_by(*SORT_ORDER[self.order])

    @property
    def date_window(self) -> tuple:
        """(first day of taken_after, last day of taken_before), each None when not given."""
        cleaned = self.form.cleaned_data if self.is_bound and self.form.is_valid() else {}
        after, before = cleaned.get("taken_after"), cleaned.get("taken_before")
        return (after[0] if after else None, before[1] if before else None)

    @property
    def order(self) -> str:
        cleaned = self.form.cleaned_data if self.is_bound else {}
        # A lightbox keeps its own order unless another is asked for.
        return cleaned.get("sort") or ("lightbox" if cleaned.get("lightbox") else DEFAULT_SORT)

    @property
    def reads_hidden(self) -> bool:
        """Whether the filters or the order read what an embargoed photo's card hides."""
        return embargo.hidden_by(self.active_filters, self.order)

    @property
    def active_filters(self) -> dict:
        """The filters given a value, with their values (an unticked box and an empty field
        are not given one)."""
        if not self.is_bound or not self.form.is_valid():
            return {}
        cleaned = self.form.cleaned_data
        return {name: cleaned[name] for name in self.filters if cleaned.get(name) not in (None, "", False)}

    @property
    def target_dpi(self) -> int:
        if self.is_bound and self.form.is_valid() and self.form.cleaned_data.get("at_dpi"):
            return int(self.form.cleaned_data["at_dpi"])
        return dimensions.DEFAULT_TARGET_DPI


def _own_copy(filter_):
    """A filter of one FilterSet instance: its own attributes and field arguments, and its
    method bound to it (django-filter's FilterMethod holds the filter it belongs to)."""
    own = copy.copy(filter_)
    own.__dict__.pop("_field", None)
    own.extra = dict(filter_.extra)
    if filter_.method is not None:
        own.method = filter_.method
    return own


def photo_ids_selected(params, *, sees_embargoed: bool, viewer, limit: int) -> tuple[list[int], dict[str, list[str]]]:
    """The ids of the photos the browse filters in `params` select for this viewer, in the
    page's order, at most `limit` + 1 (so a caller sees that a selection is larger than it
    takes), and the errors per filter when one does not validate (then no ids): "add all
    results" to a lightbox."""
    filterset = PhotoFilterSet(params, queryset=Photo.objects.all(), sees_embargoed=sees_embargoed, viewer=viewer)
    if not filterset.is_valid():
        return [], {name: list(messages) for name, messages in filterset.form.errors.items()}
    return list(filterset.qs.values_list("pk", flat=True)[: limit + 1]), {}
