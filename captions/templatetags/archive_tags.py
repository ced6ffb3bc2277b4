"""Template helpers for the researcher pages: highlighting, labels in the user's language."""

from __future__ import annotations

from django import template
from django.utils import formats

from captions.browse.labels import caveat_label, country_name, decade_label, orientation_label
from captions.selectors import search
from captions.times import local_datetime as _local_datetime

register = template.Library()


@register.filter
def highlight(text, words):
    """The text, escaped, with the words a search matched in <mark>."""
    return search.highlight(text or "", words or "")


register.filter(country_name)
register.filter(caveat_label)
register.filter(decade_label)
register.filter(orientation_label)


@register.filter
def decade_end(decade):
    return int(decade) + 9


@register.filter
def embargoed(photo):
    return photo.is_embargoed()


@register.simple_tag(takes_context=True)
def query_without(context, name):
    """The current query string without parameter `name` (and back on the first page)."""
    params = context["request"].GET.copy()
    for key in (name, "page"):
        params.pop(key, None)
    return "?" + params.urlencode() if params else "?"


@register.filter
def place_label(place):
    """A place as a reader of the current language writes it: the parts as supplied, the
    country in everyday words ('Kremlin, Moscow, Russland')."""
    if place is None:
        return ""
    country = country_name(place.country_code) if place.country_code else place.country
    return ", ".join(part for part in (place.sublocation, place.city, place.region, country) if part)


@register.filter
def local_datetime(value):
    """A time as every page shows one: '4 March 2026, 00:01 CET' / '4. März 2026, 00:01 MEZ'."""
    return _local_datetime(value)


@register.filter
def change_reason(stored):
    """A history row's reason (a code with its values) in the current language."""
    from captions.editorial.display import reason_text  # noqa: PLC0415

    return reason_text(stored)


@register.filter
def local_ratio(ratio):
    """An aspect ratio as the reader writes numbers: '3:2' stays, '1.62:1' is '1,62:1' in German."""
    text = str(ratio or "")
    number, colon, rest = text.partition(":")
    if colon and "." in number:
        try:
            return f"{formats.number_format(float(number), 2)}:{rest}"
        except ValueError:
            return text
    return text


@register.filter
def language_label(code):
    """An ISO 639-1 code as its language's name in the reader's language ('de' -> 'Deutsch' /
    'German'); a code Django does not know stays as it is."""
    from django.utils.translation import get_language_info  # noqa: PLC0415

    try:
        return get_language_info(str(code)).get("name_translated") or code
    except KeyError:
        return code
