"""The photo change list's bulk actions: each reads its input from the box beside the action
menu, calls one service in `captions.services.bulk` and reports what it did."""

from __future__ import annotations

from django import forms
from django.contrib import admin, messages
from django.contrib.admin.helpers import ActionForm
from django.contrib.admin.widgets import AutocompleteSelect
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _

from captions.models import CAVEAT_LABELS, CAVEAT_TAGS, Article, Photo, Place
from captions.services import bulk


class PhotoActionForm(ActionForm):
    """The inputs the bulk actions need, next to the action menu."""

    place = forms.ModelChoiceField(
        Place.objects.all(),
        required=False,
        label=_("Place"),
        widget=AutocompleteSelect(Photo._meta.get_field("place"), admin.site),
    )
    caveat = forms.ChoiceField(
        choices=[("", _("— caveat —"))] + [(t, CAVEAT_LABELS[t]) for t in CAVEAT_TAGS],
        required=False,
        label=_("Caveat"),
    )
    article = forms.ModelChoiceField(
        Article.objects.all(),
        required=False,
        label=_("Article"),
        widget=AutocompleteSelect(Photo._meta.get_field("articles"), admin.site),
    )


def _report(modeladmin, request, outcome, done: str):
    modeladmin.message_user(
        request,
        ngettext("%(n)d photo: %(done)s.", "%(n)d photos: %(done)s.", outcome.changed)
        % {"n": outcome.changed, "done": done},
        messages.SUCCESS,
    )
    for photo, reason in outcome.refused[:20]:
        modeladmin.message_user(
            request,
            gettext("Photo #%(pk)s was left unchanged: %(reason)s") % {"pk": photo.pk, "reason": reason},
            messages.WARNING,
        )


def _action_input(modeladmin, request, name: str, message: str):
    form = modeladmin.action_form(request.POST)
    form.fields["action"].choices = modeladmin.get_action_choices(request)
    value = form.cleaned_data.get(name) if form.is_valid() else None
    if not value:
        modeladmin.message_user(request, message, messages.ERROR)
    return value


@admin.action(description=_("Set the place of the selected photos"), permissions=["change"])
def set_place(modeladmin, request, queryset):
    place = _action_input(
        modeladmin, request, "place", gettext("Choose the place in the “Place” box next to the action.")
    )
    if place:
        _report(
            modeladmin,
            request,
            bulk.bulk_set_place(photos=queryset, place=place, user=request.user),
            gettext("place set to %(place)s") % {"place": place.label},
        )


def _set_caveat(modeladmin, request, queryset, *, value: bool):
    tag = _action_input(
        modeladmin, request, "caveat", gettext("Choose the caveat in the “Caveat” box next to the action.")
    )
    if tag:
        done = gettext("caveat “%(tag)s” added") if value else gettext("caveat “%(tag)s” removed")
        _report(
            modeladmin,
            request,
            bulk.bulk_set_caveat(photos=queryset, tag=tag, value=value, user=request.user),
            done % {"tag": CAVEAT_LABELS[tag]},
        )


@admin.action(description=_("Add a caveat to the selected photos"), permissions=["change"])
def add_caveat(modeladmin, request, queryset):
    _set_caveat(modeladmin, request, queryset, value=True)


@admin.action(description=_("Remove a caveat from the selected photos"), permissions=["change"])
def remove_caveat(modeladmin, request, queryset):
    _set_caveat(modeladmin, request, queryset, value=False)


@admin.action(description=_("Mark the selected photos reviewed"), permissions=["change"])
def mark_reviewed(modeladmin, request, queryset):
    _report(
        modeladmin,
        request,
        bulk.bulk_mark_reviewed(photos=queryset, user=request.user),
        gettext("marked reviewed"),
    )


@admin.action(description=_("Link an article to the selected photos"), permissions=["change"])
def link_article(modeladmin, request, queryset):
    article = _action_input(
        modeladmin, request, "article", gettext("Choose the article in the “Article” box next to the action.")
    )
    if article:
        _report(
            modeladmin,
            request,
            bulk.bulk_link_article(photos=queryset, article=article, user=request.user),
            gettext("linked to “%(headline)s”") % {"headline": article.headline},
        )
