"""The photo card (browse grid, "more from this place", an article's photos, a lightbox), built
in Python: `{% photo_cards photos %}` for a list, `{% photo_card photo %}` for one.

Why not a template: the card was `captions/_photo_card.html` included once per photo, and at 24
cards a page it was a quarter of the browse page's Python (7.5 ms of ~30 ms: ~40 variable
lookups, a URL reverse, a `floatformat` pair and the lightbox button's two reverses, two
`blocktranslate`s and a `{% csrf_token %}` per card). Here what is the same for every card of a
page (the photo URL's shape, the lightbox button's URLs, labels and token, the words to mark) is
worked out once, and each card is one format string: the same HTML, byte for byte
(tests/test_photo_cards.py renders every kind of card against the markup it replaced).

Nothing is cached: a card reads only its photo, the request and the clock, so an edit, an
embargo ending, another language or another viewer shows at once, with no key to get wrong.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass

from django import template
from django.middleware.csrf import get_token
from django.template.defaultfilters import floatformat
from django.urls import reverse
from django.utils import timezone
from django.utils.html import conditional_escape, escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.text import Truncator, add_truncation_text, calculate_truncate_chars_length
from django.utils.translation import gettext

from captions.models import CAVEAT_LABELS
from captions.selectors import search
from captions.templatetags.archive_tags import place_label
from captions.times import local_datetime

register = template.Library()

_ID = 2147483647  # a photo id no URL pattern reads differently: the reversed URL's placeholder


@dataclass
class CardSettings:
    """What every card of one page shares."""

    url_head: str  # '/photos/' of '/photos/<id>/'
    url_tail: str
    browse_query: str  # the page's query string: a card's link opens the photo "from the results"
    words: str  # the search's words, marked in the caption
    toggle: tuple | None  # the lightbox button's parts, when the page has an active lightbox
    in_lightbox: frozenset | set
    now: object


def _settings(context) -> CardSettings:
    url = reverse("photo_detail", args=[_ID])
    head, _, tail = url.partition(str(_ID))
    lightbox = context.get("active_lightbox") if context.get("cards_add_to_lightbox") else None
    toggle = None
    if lightbox:
        request = context["request"]
        add_url = escape(reverse("lightbox_add", args=[lightbox.pk]))
        remove_url = escape(reverse("lightbox_remove", args=[lightbox.pk]))
        name = conditional_escape(lightbox.name)
        add_label = gettext("Add to “%(name)s”") % {"name": name}
        remove_label = gettext("In “%(name)s” · take out") % {"name": name}
        token = escape(context.get("csrf_token") or get_token(request))
        toggle = (add_url, remove_url, add_label, remove_label, token, escape(request.get_full_path()))
    return CardSettings(
        url_head=head,
        url_tail=tail,
        browse_query=str(conditional_escape(context.get("browse_query") or "")),
        words=context.get("words") or "",
        toggle=toggle,
        in_lightbox=context.get("lightbox_photo_ids") or frozenset(),
        now=timezone.now(),
    )


def truncated(text: str, length: int) -> str:
    """`text|truncatechars:length`, without Django's walk over every character when no character
    can be a combining mark (they all are at U+0300 or above; then each character counts one)."""
    text = unicodedata.normalize("NFC", text)
    if text and max(text) >= "\u0300":
        return Truncator(text).chars(length)
    if len(text) <= length:
        return text
    return add_truncation_text(text[: max(calculate_truncate_chars_length(length, None), 0)], None)


def _ratio(photo) -> str:
    return f"{photo.width_px} / {photo.height_px}" if photo.has_pixels else "3 / 2"


def card_html(photo, page: CardSettings) -> str:
    if getattr(photo, "withheld", False):
        return (
            '\n<li class="card embargoed withheld"><span class="placeholder embargo-box" style="aspect-ratio: 3 / 2">'
            f"<span>{escape(photo.text)}</span></span></li>\n\n"
        )
    embargo = photo.is_embargoed(page.now)
    href = f"{page.url_head}{photo.pk}{page.url_tail}{page.browse_query}"
    if embargo:
        if photo.embargo_until:
            notice = gettext("Embargoed until %(until)s") % {"until": escape(local_datetime(photo.embargo_until))}
        else:
            notice = gettext("Embargoed: end not known yet")
        box = f'<span class="placeholder embargo-box" style="aspect-ratio: {_ratio(photo)}">'
        picture = f"{box}<span>{notice}</span></span>\n  "
    elif photo.thumbnail:
        size = ""
        if photo.has_pixels:
            w, h = photo.width_px, photo.height_px
            size = f' width="{w}" height="{h}" style="aspect-ratio: {w} / {h}"'
        picture = f'<img src="{escape(photo.thumbnail.url)}" alt="" loading="lazy"{size}>\n  '
    else:
        picture = f'<span class="placeholder" aria-hidden="true" style="aspect-ratio: {_ratio(photo)}"></span>'
    if photo.caption and page.words:
        caption = search.highlight(truncated(photo.caption, 140), page.words)
    elif photo.caption:
        caption = escape(truncated(photo.caption, 140))
    else:
        caption = gettext("(no caption)")
    where = escape(photo.date_text) if photo.date_text else gettext("undated")
    if photo.place:
        where += f" · {escape(place_label(photo.place))}"
    if photo.has_pixels:
        pixels = f"{photo.width_px} × {photo.height_px} px"
        size = photo.print_size_300
        if size:
            pixels += " · " + gettext("%(w)s × %(h)s cm at 300 dpi") % {
                "w": floatformat(size.width_cm, 1),
                "h": floatformat(size.height_cm, 1),
            }
    else:
        pixels = gettext("no pixel size")
    tags = photo.caveats
    badges = ""
    if tags:
        badges = (
            '<span class="badges">'
            + "".join(f'<span class="badge badge-{tag}">{escape(CAVEAT_LABELS.get(tag, tag))}</span>' for tag in tags)
            + "</span>"
        )
    button = _toggle_html(photo, page) if page.toggle else ""
    return (
        f'\n<li class="card{" embargoed" if embargo else ""}">\n'
        f'  <a href="{href}">\n'
        f"  {picture}\n"
        f'  <span class="cap">{caption}</span>\n'
        f"  </a>\n"
        f'  <span class="meta">{where}</span>\n'
        f'  <span class="meta">{pixels}</span>\n'
        f"  {badges}\n"
        f"  {button}\n"
        f"</li>\n"
    )


def _toggle_html(photo, page: CardSettings) -> str:
    add_url, remove_url, add_label, remove_label, token, here = page.toggle
    inside = photo.pk in page.in_lightbox
    button = (
        f'<button type="submit" data-in="true">{remove_label}</button>'
        if inside
        else f'<button type="submit" data-in="false">{add_label}</button>'
    )
    return (
        f'\n<form method="post" class="lightbox-toggle" action="{remove_url if inside else add_url}"\n'
        f'      data-lightbox-toggle data-add-url="{add_url}" data-remove-url="{remove_url}" '
        f'data-add-label="{add_label}" data-remove-label="{remove_label}">'
        f'<input type="hidden" name="csrfmiddlewaretoken" value="{token}">\n'
        f'  <input type="hidden" name="photo" value="{photo.pk}"><input type="hidden" name="next" value="{here}">\n'
        f"  {button}\n"
        f"</form>\n"
    )


@register.simple_tag(takes_context=True)
def photo_cards(context, photos) -> SafeString:
    """Every photo of `photos` as its card (`<li>`s for a `<ul class="grid">`)."""
    page = _settings(context)
    return mark_safe("".join(card_html(photo, page) for photo in photos))  # every value escaped above


@register.simple_tag(takes_context=True)
def photo_card(context, photo) -> SafeString:
    return photo_cards(context, [photo])
