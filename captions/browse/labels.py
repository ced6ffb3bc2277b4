"""Facet values as a reader of the current language names them (the template filters of
`archive_tags` and the browse page's links built in Python share them)."""

from __future__ import annotations

from django.utils.translation import get_language
from django.utils.translation import gettext as _

from captions.core import places
from captions.models import CAVEAT_LABELS


def country_name(code):
    """A country's name in the current language ('Russia', 'Russland')."""
    return places.country_display_name(code or "", get_language() or "en")


def caveat_label(tag):
    return CAVEAT_LABELS.get(tag, tag)


def decade_label(decade):
    return _("%(decade)ss") % {"decade": decade}


def orientation_label(name):
    return {"landscape": _("landscape"), "portrait": _("portrait"), "square": _("square")}.get(name, name)
