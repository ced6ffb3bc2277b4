"""Lightbox writes (captions.services.lightboxes) and the access rule they rely on
(captions.selectors.lightboxes): order, notes, limits, sharing."""

import pytest
from django.contrib.auth.models import Group
from django.core.exceptions import ValidationError

from captions.models import Lightbox, LightboxItem
from captions.roles import PRODUCTION, RESEARCHERS
from captions.selectors import lightboxes as selectors
from captions.selectors.lightboxes import Access
from captions.services import lightboxes as services
from tests.builders import editor, make_photo, production, researcher

pytestmark = pytest.mark.django_db


def order_of(lightbox):
    return [item.photo_id for item in selectors.items_of(lightbox)]


def positions_of(lightbox):
    return [item.position for item in selectors.items_of(lightbox)]


@pytest.fixture
def box():
    return services.create_lightbox(owner=researcher(), name="  Kremlin   talks ")


def test_a_new_lightbox_has_its_name_tidied_and_is_its_owners(box):
    assert box.name == "Kremlin talks"
    assert selectors.access_to(box, box.owner) == Access.OWN


def test_a_lightbox_needs_a_name():
    with pytest.raises(ValidationError) as caught:
        services.create_lightbox(owner=researcher(), name="   ")
    assert "name" in caught.value.message_dict


def test_photos_are_appended_in_the_order_given_and_each_only_once(box):
    a, b, c = make_photo(), make_photo(), make_photo()
    outcome = services.add_photos(lightbox=box, photo_ids=[b.pk, a.pk, b.pk])
    assert outcome.added == [b.pk, a.pk]
    again = services.add_photos(lightbox=box, photo_ids=[a.pk, c.pk, 999_999])
    assert (again.added, again.already, again.missing) == ([c.pk], [a.pk], [999_999])
    assert order_of(box) == [b.pk, a.pk, c.pk]
    assert positions_of(box) == [0, 1, 2]


def test_a_full_lightbox_refuses_the_whole_addition_and_says_how_many_fit(box, settings):
    settings.CAPTIONS_LIGHTBOX_MAX_PHOTOS = 3
    photos = [make_photo() for _ in range(4)]
    services.add_photos(lightbox=box, photo_ids=[photos[0].pk, photos[1].pk])
    with pytest.raises(ValidationError) as caught:
        services.add_photos(lightbox=box, photo_ids=[photos[2].pk, photos[3].pk])
    assert caught.value.code == "lightbox_full"
    assert "at most 3 photos" in caught.value.messages[0] and "2 more" in caught.value.messages[0]
    assert order_of(box) == [photos[0].pk, photos[1].pk]  # nothing of the refused addition
    services.add_photos(lightbox=box, photo_ids=[photos[0].pk, photos[2].pk])  # one new: fits
    assert order_of(box) == [photos[0].pk, photos[1].pk, photos[2].pk]


def test_removing_closes_the_gap_and_leaves_the_photo_in_the_archive(box):
    a, b, c = make_photo(), make_photo(), make_photo()
    services.add_photos(lightbox=box, photo_ids=[a.pk, b.pk, c.pk])
    assert services.remove_photos(lightbox=box, photo_ids=[b.pk]) == 1
    assert order_of(box) == [a.pk, c.pk] and positions_of(box) == [0, 1]
    assert services.remove_photos(lightbox=box, photo_ids=[b.pk]) == 0
    b.refresh_from_db()  # still there


def test_reorder_takes_the_whole_new_order_and_refuses_a_stale_one(box):
    a, b, c = make_photo(), make_photo(), make_photo()
    services.add_photos(lightbox=box, photo_ids=[a.pk, b.pk, c.pk])
    services.reorder(lightbox=box, photo_ids=[c.pk, a.pk, b.pk])
    assert order_of(box) == [c.pk, a.pk, b.pk] and positions_of(box) == [0, 1, 2]
    with pytest.raises(ValidationError) as caught:
        services.reorder(lightbox=box, photo_ids=[a.pk, b.pk])  # a page that missed c
    assert caught.value.code == "stale_order"
    assert order_of(box) == [c.pk, a.pk, b.pk]


def test_move_by_one_and_to_the_ends_clamped(box):
    a, b, c = make_photo(), make_photo(), make_photo()
    services.add_photos(lightbox=box, photo_ids=[a.pk, b.pk, c.pk])
    assert services.move(lightbox=box, photo_id=c.pk, by=-1)
    assert order_of(box) == [a.pk, c.pk, b.pk]
    assert services.move(lightbox=box, photo_id=b.pk, by=-(10**9))
    assert order_of(box) == [b.pk, a.pk, c.pk]
    assert not services.move(lightbox=box, photo_id=b.pk, by=-1)  # at the top already
    assert not services.move(lightbox=box, photo_id=999_999, by=1)


def test_a_note_belongs_to_the_photo_in_this_lightbox(box):
    a = make_photo()
    services.add_photos(lightbox=box, photo_ids=[a.pk])
    item = services.set_note(lightbox=box, photo_id=a.pk, note="  Lead picture, crop left  ")
    assert item.note == "Lead picture, crop left"
    assert services.set_note(lightbox=box, photo_id=make_photo().pk, note="x") is None


def test_a_deleted_photo_leaves_its_lightboxes(box):
    a, b = make_photo(), make_photo()
    services.add_photos(lightbox=box, photo_ids=[a.pk, b.pk])
    a.delete()
    assert order_of(box) == [b.pk]


def test_deleting_a_lightbox_keeps_its_photos(box):
    a = make_photo()
    services.add_photos(lightbox=box, photo_ids=[a.pk])
    services.delete_lightbox(lightbox=box)
    assert not Lightbox.objects.exists() and not LightboxItem.objects.exists()
    a.refresh_from_db()


def test_sharing_with_a_person_or_a_group_to_read_or_to_edit(box):
    colleague, shop, stranger = researcher("colleague"), production("shop"), researcher("stranger")
    assert selectors.access_to(box, colleague) == Access.NONE
    services.share(lightbox=box, user=colleague)
    assert selectors.access_to(box, colleague) == Access.READ
    services.share(lightbox=box, user=colleague, can_edit=True)  # sharing again changes the right
    assert selectors.access_to(box, colleague) == Access.EDIT
    services.share(lightbox=box, group=Group.objects.get(name=PRODUCTION))
    assert selectors.access_to(box, shop) == Access.READ
    assert selectors.access_to(box, stranger) == Access.NONE
    assert box in selectors.visible_lightboxes(shop) and box not in selectors.editable_lightboxes(shop)
    assert box in selectors.editable_lightboxes(colleague)
    assert box not in selectors.visible_lightboxes(stranger)


def test_a_person_and_their_group_both_sharing_gives_the_wider_right(box):
    colleague = researcher("colleague")
    services.share(lightbox=box, user=colleague)
    services.share(lightbox=box, group=Group.objects.get(name=RESEARCHERS), can_edit=True)
    assert selectors.access_to(box, colleague) == Access.EDIT
    assert list(selectors.visible_lightboxes(colleague)) == [box]  # once, not once per share


def test_unsharing_and_sharing_with_the_owner(box):
    colleague = editor("colleague")
    share = services.share(lightbox=box, user=colleague)
    assert services.unshare(lightbox=box, share_id=share.pk)
    assert not services.unshare(lightbox=box, share_id=share.pk)
    assert selectors.access_to(box, colleague) == Access.NONE
    with pytest.raises(ValidationError):
        services.share(lightbox=box, user=box.owner)


def test_the_add_target_is_the_chosen_lightbox_while_the_user_may_edit_it():
    owner, colleague = researcher("owner"), researcher("colleague")
    mine = services.create_lightbox(owner=colleague, name="Mine")
    theirs = services.create_lightbox(owner=owner, name="Theirs")
    assert selectors.add_target(colleague, theirs.pk).active == mine  # not shared: not offered
    services.share(lightbox=theirs, user=colleague, can_edit=True)
    photo = make_photo()
    services.add_photos(lightbox=theirs, photo_ids=[photo.pk])
    target = selectors.add_target(colleague, theirs.pk, [photo.pk, make_photo().pk])
    assert target.active == theirs and set(target.editable) == {mine, theirs}
    assert target.photo_ids == {photo.pk}
    assert selectors.add_target(researcher("new"), None).active is None
