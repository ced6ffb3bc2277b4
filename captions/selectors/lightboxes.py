"""Reads about lightboxes, and the one rule of who may do what with one.

A lightbox is open to its owner and to everyone it is shared with: a share names a person or a
group, and lets them read it or also edit it (add, remove, reorder, notes). Only the owner
shares, renames and deletes it. Every view asks `access_to` (or the querysets below), never
the tables itself.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, field

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.db.models import Count, Exists, F, Max, OuterRef, Q, QuerySet

from captions.models import Lightbox, LightboxItem, LightboxShare, Photo


class Access(enum.IntEnum):
    """What a user may do with a lightbox; each level includes the ones below it."""

    NONE = 0
    READ = 1
    EDIT = 2
    OWN = 3


def _share_condition(user, prefix: str = "shares__") -> Q:
    return Q(**{f"{prefix}user": user}) | Q(**{f"{prefix}group__in": user.groups.all()})


def visible_lightboxes(user) -> QuerySet:
    """The lightboxes `user` may open: their own and those shared with them or their groups,
    most recently changed first."""
    if user is None or not user.is_authenticated:
        return Lightbox.objects.none()
    shared = LightboxShare.objects.filter(lightbox=OuterRef("pk")).filter(_share_condition(user, prefix=""))
    return (
        Lightbox.objects.filter(Q(owner=user) | Exists(shared)).select_related("owner").order_by("-updated_at", "-id")
    )


def editable_lightboxes(user) -> QuerySet:
    """The lightboxes `user` may add photos to: their own and those shared with them to edit."""
    if user is None or not user.is_authenticated:
        return Lightbox.objects.none()
    shared = LightboxShare.objects.filter(lightbox=OuterRef("pk"), can_edit=True).filter(
        _share_condition(user, prefix="")
    )
    return (
        Lightbox.objects.filter(Q(owner=user) | Exists(shared)).select_related("owner").order_by("-updated_at", "-id")
    )


def every_lightbox() -> QuerySet:
    """Every lightbox (the command line, whose operator may read the whole archive anyway)."""
    return Lightbox.objects.select_related("owner").order_by("-updated_at", "-id")


def access_to(lightbox: Lightbox, user) -> Access:
    if user is None or not user.is_authenticated:
        return Access.NONE
    if lightbox.owner_id == user.pk:
        return Access.OWN
    shares = list(
        LightboxShare.objects.filter(lightbox=lightbox)
        .filter(_share_condition(user, prefix=""))
        .values_list("can_edit", flat=True)
    )
    if not shares:
        return Access.NONE
    return Access.EDIT if any(shares) else Access.READ


def lightbox_by_id(raw) -> Lightbox | None:
    raw = str(raw or "").strip()
    return Lightbox.objects.select_related("owner").filter(pk=int(raw)).first() if raw.isdigit() else None


def lightbox_with_counts(user) -> list[Lightbox]:
    """The lightbox list page: each visible lightbox with `photo_count`, `shared` (it has
    shares) and `access` for `user`, in one query plus one for the shares."""
    rows = list(visible_lightboxes(user).annotate(photo_count=Count("items", distinct=True)))
    shared_ids = set(
        LightboxShare.objects.filter(lightbox__in=[lb.pk for lb in rows]).values_list("lightbox_id", flat=True)
    )
    editable_ids = set(editable_lightboxes(user).filter(pk__in=[lb.pk for lb in rows]).values_list("pk", flat=True))
    for lightbox in rows:
        lightbox.is_shared = lightbox.pk in shared_ids
        if lightbox.owner_id == user.pk:
            lightbox.access = Access.OWN
        else:
            lightbox.access = Access.EDIT if lightbox.pk in editable_ids else Access.READ
    return rows


def items_of(lightbox: Lightbox) -> list[LightboxItem]:
    """The lightbox's photos in order, each item with its photo (and place) loaded."""
    return list(
        LightboxItem.objects.filter(lightbox=lightbox)
        .select_related("photo", "photo__place")
        .order_by("position", "id")
    )


def positions_in(lightbox: Lightbox) -> dict[int, int]:
    """photo id -> its place in the lightbox, counted from 1 as the page shows it."""
    ids = LightboxItem.objects.filter(lightbox=lightbox).order_by("position", "id").values_list("photo_id", flat=True)
    return {photo_id: number for number, photo_id in enumerate(ids, start=1)}


def photo_count(lightbox: Lightbox) -> int:
    return LightboxItem.objects.filter(lightbox=lightbox).count()


def next_position(lightbox: Lightbox) -> int:
    last = LightboxItem.objects.filter(lightbox=lightbox).aggregate(last=Max("position"))["last"]
    return 0 if last is None else last + 1


def photo_ids_in(lightbox: Lightbox | None, photo_ids) -> set[int]:
    """Which of these photos (a page of cards) are in the lightbox: one query per page."""
    if lightbox is None:
        return set()
    return set(
        LightboxItem.objects.filter(lightbox=lightbox, photo_id__in=list(photo_ids)).values_list("photo_id", flat=True)
    )


def lightboxes_holding(photo: Photo, user) -> list[Lightbox]:
    """The lightboxes `user` may open that hold this photo (the photo page)."""
    return list(visible_lightboxes(user).filter(items__photo=photo))


def shares_of(lightbox: Lightbox) -> list[LightboxShare]:
    return list(
        LightboxShare.objects.filter(lightbox=lightbox)
        .select_related("group", "user")
        .order_by("group__name", "user__username")
    )


def photos_in(qs: QuerySet, lightbox: Lightbox) -> QuerySet:
    """`qs` narrowed to the lightbox's photos, with `lightbox_position` to order them by (the
    alias reuses the filter's join, so each photo comes once)."""
    return qs.filter(lightbox_items__lightbox=lightbox).alias(lightbox_position=F("lightbox_items__position"))


def existing_photo_ids(photo_ids) -> list[int]:
    """Which of these ids are photos that exist, in the order given."""
    wanted = list(photo_ids)
    found = set(Photo.objects.filter(pk__in=wanted).values_list("pk", flat=True))
    return [pid for pid in wanted if pid in found]


# --- whom a lightbox can be shared with ------------------------------------------------------


def group_named(name: str) -> Group | None:
    return Group.objects.filter(name__iexact=name.strip()).first()


def group_names() -> list[str]:
    return list(Group.objects.order_by("name").values_list("name", flat=True))


def person_named(username: str):
    """The active user who signs in as `username` (any case), or None."""
    return get_user_model().objects.filter(username__iexact=username.strip(), is_active=True).first()


# --- the lightbox the browse cards add to ---------------------------------------------------

ACTIVE_SESSION_KEY = "captions:active_lightbox"


CHOOSER_SIZE = 100  # the lightboxes offered to add to; more than a person keeps going at once


@dataclass
class AddTarget:
    """What the "add" buttons of a page need: the lightbox they add to (the one the user chose
    last, kept in the session, while they may still edit it; else the one changed last), the
    others they may add to, and which of the page's photos are in the active one already."""

    active: Lightbox | None = None
    editable: list[Lightbox] = field(default_factory=list)
    photo_ids: set[int] = field(default_factory=set)


def add_target(user, chosen_id, photo_ids=()) -> AddTarget:
    """Two queries: the editable lightboxes, and the page's photos in the active one."""
    editable = list(editable_lightboxes(user)[:CHOOSER_SIZE])
    if not editable:
        return AddTarget()
    active = next((lb for lb in editable if lb.pk == chosen_id), editable[0])
    return AddTarget(
        active=active, editable=editable, photo_ids=photo_ids_in(active, photo_ids) if photo_ids else set()
    )
