"""Lightboxes: create, rename, delete; add, remove, reorder photos and write their notes; share.

Keyword-only writes that validate and then save. Who may call which is the views' question
(`captions.selectors.lightboxes.access_to`); these functions only keep a lightbox consistent:
a photo is in a lightbox at most once, positions run 0, 1, 2 ... in the order shown, and a
lightbox holds at most `MAX_PHOTOS`.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext_lazy as _

from captions import conf
from captions.models import Lightbox, LightboxItem, LightboxShare
from captions.selectors import lightboxes as lightbox_selectors


@dataclass
class AddOutcome:
    added: list[int] = field(default_factory=list)
    already: list[int] = field(default_factory=list)  # in the lightbox before
    missing: list[int] = field(default_factory=list)  # no such photo (deleted meanwhile)


def _locked(lightbox: Lightbox) -> Lightbox:
    """The lightbox row locked for this transaction, so two tabs adding at once do not take the
    same positions (PostgreSQL; SQLite serialises writers anyway)."""
    return Lightbox.objects.select_for_update().get(pk=lightbox.pk)


def _touch(lightbox: Lightbox) -> None:
    lightbox.save(update_fields=["updated_at"])  # recently changed lightboxes come first


def create_lightbox(*, owner, name: str) -> Lightbox:
    lightbox = Lightbox(owner=owner, name=" ".join((name or "").split()))
    lightbox.full_clean()
    lightbox.save()
    return lightbox


def rename_lightbox(*, lightbox: Lightbox, name: str) -> Lightbox:
    lightbox.name = " ".join((name or "").split())
    lightbox.full_clean()
    lightbox.save(update_fields=["name", "updated_at"])
    return lightbox


def delete_lightbox(*, lightbox: Lightbox) -> None:
    lightbox.delete()  # its items and shares go with it; the photos stay in the archive


@transaction.atomic
def add_photos(*, lightbox: Lightbox, photo_ids) -> AddOutcome:
    """Append the photos (in the order given) that are not in the lightbox yet. Refused whole,
    with a ValidationError, when the lightbox would hold more than `MAX_PHOTOS`."""
    lightbox = _locked(lightbox)
    wanted = list(dict.fromkeys(int(pid) for pid in photo_ids))
    existing = lightbox_selectors.existing_photo_ids(wanted)
    outcome = AddOutcome(missing=[pid for pid in wanted if pid not in set(existing)])
    present = lightbox_selectors.photo_ids_in(lightbox, existing)
    outcome.already = [pid for pid in existing if pid in present]
    new = [pid for pid in existing if pid not in present]
    limit = conf.lightbox_max_photos()
    count = lightbox_selectors.photo_count(lightbox)
    if count + len(new) > limit:
        raise ValidationError(
            _(
                "A lightbox holds at most %(limit)s photos; this one has %(count)s, and %(new)s more would not fit. "
                "Start another lightbox, or narrow the selection."
            ),
            code="lightbox_full",
            params={"limit": limit, "count": count, "new": len(new)},
        )
    position = lightbox_selectors.next_position(lightbox)
    LightboxItem.objects.bulk_create(
        LightboxItem(lightbox=lightbox, photo_id=pid, position=position + offset) for offset, pid in enumerate(new)
    )
    outcome.added = new
    if new:
        _touch(lightbox)
    return outcome


@transaction.atomic
def remove_photos(*, lightbox: Lightbox, photo_ids) -> int:
    """Take the photos out (the photos themselves stay in the archive); how many were in it."""
    lightbox = _locked(lightbox)
    removed, _by_model = LightboxItem.objects.filter(
        lightbox=lightbox, photo_id__in=[int(p) for p in photo_ids]
    ).delete()
    if removed:
        _renumber(lightbox, [item.pk for item in lightbox_selectors.items_of(lightbox)])
        _touch(lightbox)
    return removed


def _renumber(lightbox: Lightbox, item_ids: list[int]) -> None:
    items = {item.pk: item for item in LightboxItem.objects.filter(lightbox=lightbox)}
    changed = []
    for position, item_id in enumerate(item_ids):
        item = items[item_id]
        if item.position != position:
            item.position = position
            changed.append(item)
    LightboxItem.objects.bulk_update(changed, ["position"], batch_size=500)


@transaction.atomic
def reorder(*, lightbox: Lightbox, photo_ids) -> None:
    """Put the photos in this order. `photo_ids` must name every photo of the lightbox exactly
    once (a drag sends the whole order): a stale page, whose list no longer matches, is refused
    rather than guessed at."""
    lightbox = _locked(lightbox)
    items = lightbox_selectors.items_of(lightbox)
    by_photo = {item.photo_id: item.pk for item in items}
    order = [int(pid) for pid in photo_ids]
    if sorted(order) != sorted(by_photo):
        raise ValidationError(
            _("The lightbox changed meanwhile (someone added or removed a photo): reload it and move the photo again."),
            code="stale_order",
        )
    _renumber(lightbox, [by_photo[pid] for pid in order])
    _touch(lightbox)


@transaction.atomic
def move(*, lightbox: Lightbox, photo_id: int, by: int) -> bool:
    """Move one photo `by` places (-1 up, +1 down, clamped at the ends): the keyboard's and
    the no-script way. False when it did not move (not there, or already at that end)."""
    lightbox = _locked(lightbox)
    items = lightbox_selectors.items_of(lightbox)
    ids = [item.photo_id for item in items]
    if photo_id not in ids:
        return False
    start = ids.index(photo_id)
    end = max(0, min(len(ids) - 1, start + by))
    if end == start:
        return False
    ids.insert(end, ids.pop(start))
    by_photo = {item.photo_id: item.pk for item in items}
    _renumber(lightbox, [by_photo[pid] for pid in ids])
    _touch(lightbox)
    return True


def set_note(*, lightbox: Lightbox, photo_id: int, note: str) -> LightboxItem | None:
    """The note beside one photo; None when the photo is not in the lightbox (any more)."""
    item = LightboxItem.objects.filter(lightbox=lightbox, photo_id=photo_id).first()
    if item is None:
        return None
    item.note = (note or "").strip()
    item.full_clean()
    item.save(update_fields=["note"])
    _touch(lightbox)
    return item


def share(*, lightbox: Lightbox, group=None, user=None, can_edit: bool = False) -> LightboxShare:
    """Share with one group or one person (to read, or also to edit); sharing again with the same
    group or person changes what they may do."""
    if (group is None) == (user is None):
        raise ValueError("share with exactly one group or one user")
    if user is not None and user.pk == lightbox.owner_id:
        raise ValidationError(_("You own this lightbox already; share it with someone else."), code="share_with_owner")
    row, _created = LightboxShare.objects.update_or_create(
        lightbox=lightbox, group=group, user=user, defaults={"can_edit": can_edit}
    )
    return row


def unshare(*, lightbox: Lightbox, share_id) -> bool:
    deleted, _by_model = LightboxShare.objects.filter(lightbox=lightbox, pk=share_id).delete()
    return bool(deleted)
