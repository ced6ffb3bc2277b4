"""The embargo rule of the read layer: who sees an embargoed photo, and what everyone else sees.

Editors (whoever may change photos, superusers included) see everything. Everyone else sees an
embargoed photo only as its card, "Embargoed until 4 March 2026, 00:01 CET": no caption,
headline, credit, supplier or image id, place, keywords, restrictions, caveats, date or pixels.
The card is the same wherever the photo turns up for them: the browse grid, its own page, an
article's page, the API.

And the photo is found by nothing the card hides. For them a word search, a filter or a sort on
the shoot date passes it by (`PhotoFilterSet`, through `hidden_by`), facet counts leave it out
(`facets_for`), and an export says how many embargoed photos it left out only among those the
same filters show as cards: no count, order or neighbourhood tells what the card does not.
What stays visible is what the card shows: that an embargoed photo exists, when it ends, and
which article it is linked to (the article's page lists it as a card).

Exports and the API leave embargoed photos out for everyone, editors included: they are the
ways a photo leaves the archive (`PhotoQuerySet.releasable`).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from django.utils import timezone
from django.utils.translation import gettext

from captions.times import iso_datetime, local_datetime

# Filters that only read what the card shows: the article a photo is linked to, the lightbox
# someone put it in (a lightbox keeps its embargoed photos, as cards, in its order), that it is
# embargoed, and the page's own settings. Every other filter reads something the card hides.
SHOWN_FILTERS = frozenset({"article", "lightbox", "sort", "at_dpi"})
SHOWN_VALUES = frozenset({("caveat", "embargo")})
# Orders that read something the card hides (the shoot date).
HIDDEN_ORDERS = frozenset({"taken", "-taken"})


def sees_embargoed(user) -> bool:
    """Whether `user` sees embargoed photos whole: editors and superusers (change_photo)."""
    return bool(user is not None and user.is_active and user.has_perm("captions.change_photo"))


def until_text(until: dt.datetime | None) -> str:
    """The embargo's end in the reader's language and the archive's time zone, zone named:
    '4 March 2026, 00:01 CET'; "" when the end is not known."""
    return local_datetime(until)


@dataclass(frozen=True)
class EmbargoCard:
    """All that a viewer who may not see an embargoed photo learns of it. It carries no other
    field, so no template can show one by mistake."""

    embargo_until: dt.datetime | None
    withheld = True  # templates ask `photo.withheld`; a Photo has no such attribute

    @property
    def until(self) -> str:
        return until_text(self.embargo_until)

    @property
    def text(self) -> str:
        if self.embargo_until is None:
            return gettext("Embargoed: end not known yet")
        return gettext("Embargoed until %(until)s") % {"until": self.until}

    def as_dict(self) -> dict:
        """The card in the API's JSON."""
        return {
            "embargoed": True,
            "embargo_until": iso_datetime(self.embargo_until),
            "text": self.text,
        }


def card_for(photo) -> EmbargoCard:
    return EmbargoCard(photo.embargo_until)


def shown(photo, *, sees: bool, now: dt.datetime | None = None):
    """The photo itself, or its card when it is embargoed and the viewer may not see it."""
    if sees or not photo.is_embargoed(now):
        return photo
    return card_for(photo)


def shown_all(photos: Iterable, *, sees: bool, now: dt.datetime | None = None, cards_last: bool = False) -> list:
    """`shown` for each photo of a page. `cards_last`: for a list in shoot-date order, where a
    card's place would tell its date."""
    now = now or timezone.now()
    items = [shown(photo, sees=sees, now=now) for photo in photos]
    if cards_last:
        items.sort(key=lambda item: isinstance(item, EmbargoCard))
    return items


def hidden_by(active_filters: dict, sort: str | None) -> bool:
    """Whether a selection made with these filters ({name: value}) and this order reads
    something a card hides (then, for a viewer who may not see embargoed photos, it holds none
    of them)."""
    return sort in HIDDEN_ORDERS or any(
        name not in SHOWN_FILTERS and (name, value) not in SHOWN_VALUES for name, value in active_filters.items()
    )


def for_viewer(qs, *, sees: bool, hidden: bool):
    """The selection `qs` as a viewer may have it: whole for editors; without embargoed photos
    when it was made by what their cards hide."""
    return qs if sees or not hidden else qs.releasable()


def countable(qs, *, sees: bool):
    """The photos of a selection whose facets (country, decade, caveat, orientation) a viewer
    may count: a card counts under none of them."""
    return qs if sees else qs.releasable()
