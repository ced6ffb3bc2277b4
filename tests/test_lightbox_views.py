"""The lightbox pages (SPEC /lightboxes/...): what each kind of user may do, each refusal proved,
and the add buttons on browse and the photo page."""

import pytest
from django.contrib.auth.models import Group, User
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from captions.models import Lightbox, LightboxShare
from captions.roles import RESEARCHERS
from captions.selectors import lightboxes as selectors
from captions.services import lightboxes as services
from tests.builders import editor, make_article, make_photo, make_user, production, researcher
from tests.embargo_helpers import CARD, SECRETS, assert_no_secret, secret_photo

pytestmark = pytest.mark.django_db


def order_of(lightbox):
    return [item.photo_id for item in selectors.items_of(lightbox)]


@pytest.fixture
def setup():
    """An owner's lightbox with two photos, shared with a reader and an editor of it."""
    owner, reader, helper = researcher("owner"), production("reader"), researcher("helper")
    a, b = make_photo(caption="Kremlin gate"), make_photo(caption="Red Square")
    lightbox = services.create_lightbox(owner=owner, name="Kremlin talks")
    services.add_photos(lightbox=lightbox, photo_ids=[a.pk, b.pk])
    services.share(lightbox=lightbox, user=reader)
    services.share(lightbox=lightbox, user=helper, can_edit=True)
    return {"lightbox": lightbox, "owner": owner, "reader": reader, "helper": helper, "photos": [a, b]}


def url(name, lightbox):
    return reverse(name, args=[lightbox.pk])


# --- who may do what: every refusal ------------------------------------------------------------

EDITS = ["lightbox_add", "lightbox_remove", "lightbox_reorder", "lightbox_note"]
OWNER_ONLY = ["lightbox_share", "lightbox_unshare", "lightbox_rename", "lightbox_delete"]


@pytest.mark.parametrize("name", ["lightbox_detail", *EDITS, *OWNER_ONLY])
def test_anonymous_users_are_sent_to_sign_in(client, setup, name):
    response = client.post(url(name, setup["lightbox"])) if name != "lightbox_detail" else None
    response = response or client.get(url(name, setup["lightbox"]))
    assert response.status_code == 302 and response["Location"].startswith("/accounts/login/")


@pytest.mark.parametrize("name", ["lightbox_detail", *EDITS, *OWNER_ONLY])
def test_a_user_without_a_role_is_refused_even_if_shared_with(client, setup, name):
    nobody = make_user("nobody")
    LightboxShare.objects.create(lightbox=setup["lightbox"], user=nobody, can_edit=True)
    client.force_login(nobody)
    send = client.get if name == "lightbox_detail" else client.post
    assert send(url(name, setup["lightbox"]), {"photo": setup["photos"][0].pk}).status_code == 403


def test_the_list_refuses_a_user_without_a_role(client):
    client.force_login(make_user("nobody"))
    assert client.get(reverse("lightbox_list")).status_code == 403
    assert client.post(reverse("lightbox_list"), {"name": "x"}).status_code == 403
    assert not Lightbox.objects.exists()


@pytest.mark.parametrize("name", ["lightbox_detail", *EDITS, *OWNER_ONLY])
def test_a_lightbox_not_shared_with_you_is_not_found(client, setup, name):
    client.force_login(editor("stranger"))  # even an editor of the archive
    send = client.get if name == "lightbox_detail" else client.post
    response = send(url(name, setup["lightbox"]), {"photo": setup["photos"][0].pk, "name": "Mine now"})
    assert response.status_code == 404
    assert order_of(setup["lightbox"]) == [p.pk for p in setup["photos"]]
    assert Lightbox.objects.get().name == "Kremlin talks"


@pytest.mark.parametrize("name", EDITS)
def test_a_lightbox_shared_to_look_at_refuses_changes(client, setup, name):
    client.force_login(setup["reader"])
    a, b = setup["photos"]
    response = client.post(url(name, setup["lightbox"]), {"photo": a.pk, "move": "down", "note": "mine"})
    assert response.status_code == 403
    assert order_of(setup["lightbox"]) == [a.pk, b.pk]


@pytest.mark.parametrize("name", OWNER_ONLY)
def test_only_the_owner_shares_renames_and_deletes(client, setup, name):
    client.force_login(setup["helper"])  # may edit the photos, not the lightbox itself
    share = LightboxShare.objects.get(user=setup["reader"])
    response = client.post(url(name, setup["lightbox"]), {"user": "helper", "share": share.pk, "name": "Mine"})
    assert response.status_code == 403
    assert Lightbox.objects.get().name == "Kremlin talks" and LightboxShare.objects.count() == 2


@pytest.mark.parametrize("name", [*EDITS, *OWNER_ONLY, "lightbox_choose"])
def test_changes_are_posts_only(client, setup, name):
    client.force_login(setup["owner"])
    target = reverse(name) if name == "lightbox_choose" else url(name, setup["lightbox"])
    assert client.get(target).status_code == 405


# --- the pages ---------------------------------------------------------------------------------


def test_the_list_shows_own_and_shared_lightboxes_and_creates_one(client, setup):
    client.force_login(setup["reader"])
    page = client.get(reverse("lightbox_list"))
    assert page.status_code == 200 and "Kremlin talks" in page.text and "owner" in page.text
    response = client.post(reverse("lightbox_list"), {"name": "  Print run  "})
    created = Lightbox.objects.get(name="Print run")
    assert response.status_code == 302 and response["Location"] == created.get_absolute_url()
    assert created.owner == setup["reader"]
    assert client.session[selectors.ACTIVE_SESSION_KEY] == created.pk  # the add buttons now use it


def test_a_lightbox_without_a_name_is_refused_beside_the_field(client):
    client.force_login(researcher())
    response = client.post(reverse("lightbox_list"), {"name": "   "})
    assert response.status_code == 400 and 'id="name-error"' in response.text
    assert not Lightbox.objects.exists()


def test_the_owner_sees_photos_in_order_with_notes_and_every_tool(client, setup):
    lightbox, (a, b) = setup["lightbox"], setup["photos"]
    services.reorder(lightbox=lightbox, photo_ids=[b.pk, a.pk])
    services.set_note(lightbox=lightbox, photo_id=a.pk, note="Lead picture")
    client.force_login(setup["owner"])
    page = client.get(lightbox.get_absolute_url())
    assert page.status_code == 200
    assert [item.photo_id for item in page.context["items"]] == [b.pk, a.pk]
    assert page.text.index("Red Square") < page.text.index("Kremlin gate")
    assert "Lead picture" in page.text and "Take out" in page.text and "Stop sharing" in page.text
    assert f'href="/?lightbox={lightbox.pk}"' in page.text


def test_a_reader_sees_photos_and_notes_but_no_tools(client, setup):
    lightbox, (a, _b) = setup["lightbox"], setup["photos"]
    services.set_note(lightbox=lightbox, photo_id=a.pk, note="Lead picture")
    client.force_login(setup["reader"])
    page = client.get(lightbox.get_absolute_url())
    assert page.status_code == 200 and "Lead picture" in page.text and "Kremlin gate" in page.text
    assert "Take out" not in page.text and "Save note" not in page.text and "Stop sharing" not in page.text


def test_an_embargoed_photo_stays_in_the_lightbox_as_its_card(client, setup):
    """In its place, in the lightbox's order, as the embargo card for those who may not see it
    (nothing its card hides), whole for editors; the lightbox filter on browse keeps it too."""
    lightbox = setup["lightbox"]
    held = secret_photo(make_article())
    services.add_photos(lightbox=lightbox, photo_ids=[held.pk])
    services.share(lightbox=lightbox, user=editor("desk"))
    client.force_login(setup["reader"])
    page = client.get(lightbox.get_absolute_url())
    assert [item.photo_id for item in page.context["items"]] == [p.pk for p in setup["photos"]] + [held.pk]
    assert CARD in page.text
    assert_no_secret(page.text, "the lightbox page")
    browse = client.get(reverse("browse"), {"lightbox": lightbox.pk})
    assert CARD in browse.text and len(browse.context["page"].rows) == 3
    assert_no_secret(browse.text, "browse by lightbox", echo=[lightbox.pk])
    client.force_login(User.objects.get(username="desk"))
    assert SECRETS["caption"] in client.get(lightbox.get_absolute_url()).text  # editors see it whole


def test_adding_one_photo_comes_back_to_the_page_it_came_from(client, setup):
    lightbox, photo = setup["lightbox"], make_photo(caption="Envoys arrive")
    client.force_login(setup["helper"])
    response = client.post(url("lightbox_add", lightbox), {"photo": photo.pk, "next": "/?q=envoys"})
    assert response.status_code == 302 and response["Location"] == "/?q=envoys"
    assert order_of(lightbox)[-1] == photo.pk
    followed = client.get("/?q=envoys")
    assert "Added 1 photo to “Kremlin talks”." in followed.text


def test_next_never_leaves_the_site(client, setup):
    client.force_login(setup["owner"])
    photo = make_photo()
    response = client.post(url("lightbox_add", setup["lightbox"]), {"photo": photo.pk, "next": "https://evil.example/"})
    assert response["Location"] == setup["lightbox"].get_absolute_url()


def test_the_script_gets_json(client, setup):
    client.force_login(setup["owner"])
    photo = make_photo()
    response = client.post(
        url("lightbox_add", setup["lightbox"]), {"photo": photo.pk}, headers={"accept": "application/json"}
    )
    assert response.status_code == 200
    assert response.json() == {
        "ok": True,
        "message": "Added 1 photo to “Kremlin talks”.",
        "added": [photo.pk],
        "already": [],
        "count": 3,
    }
    removed = client.post(
        url("lightbox_remove", setup["lightbox"]), {"photo": photo.pk}, headers={"accept": "application/json"}
    )
    assert removed.json()["ok"] and removed.json()["count"] == 2


@pytest.mark.parametrize("given", [{}, {"photo": "abc"}, {"photo": "1; drop"}])
def test_a_malformed_photo_is_a_message_not_an_error(client, setup, given):
    client.force_login(setup["owner"])
    response = client.post(url("lightbox_add", setup["lightbox"]), given, headers={"accept": "application/json"})
    assert response.status_code == 400 and "Say which photo" in response.json()["message"]


def test_add_all_results_adds_the_search_in_its_order(client, setup):
    lightbox = setup["lightbox"]
    found = [make_photo(caption=f"Envoy arrives {n}") for n in range(3)]
    client.force_login(setup["owner"])
    response = client.post(url("lightbox_add", lightbox), {"selection": "q=envoy&sort=added", "next": "/?q=envoy"})
    assert response.status_code == 302
    assert order_of(lightbox) == [p.pk for p in setup["photos"]] + [p.pk for p in found]


def test_add_all_results_refuses_a_search_larger_than_the_limit(client, setup, settings):
    settings.CAPTIONS_LIGHTBOX_MAX_PHOTOS = 3
    for n in range(4):
        make_photo(caption=f"Envoy {n}")
    client.force_login(setup["owner"])
    response = client.post(
        url("lightbox_add", setup["lightbox"]), {"selection": "q=envoy"}, headers={"accept": "application/json"}
    )
    assert response.status_code == 400
    assert "more than 3 photos" in response.json()["message"]
    assert len(order_of(setup["lightbox"])) == 2


def test_add_all_results_with_a_broken_filter_adds_nothing(client, setup):
    client.force_login(setup["owner"])
    response = client.post(
        url("lightbox_add", setup["lightbox"]),
        {"selection": "taken_after=soon"},
        headers={"accept": "application/json"},
    )
    assert response.status_code == 400 and "need fixing" in response.json()["message"]


def test_a_full_lightbox_says_so(client, setup, settings):
    settings.CAPTIONS_LIGHTBOX_MAX_PHOTOS = 2
    client.force_login(setup["owner"])
    response = client.post(
        url("lightbox_add", setup["lightbox"]), {"photo": make_photo().pk}, headers={"accept": "application/json"}
    )
    assert response.status_code == 400 and "at most 2 photos" in response.json()["message"]


def test_reorder_by_drag_and_by_buttons(client, setup):
    lightbox, (a, b) = setup["lightbox"], setup["photos"]
    c = make_photo()
    services.add_photos(lightbox=lightbox, photo_ids=[c.pk])
    client.force_login(setup["helper"])
    dragged = client.post(url("lightbox_reorder", lightbox), {"order": f"{c.pk},{a.pk},{b.pk}"})
    assert dragged.status_code == 302 and order_of(lightbox) == [c.pk, a.pk, b.pk]
    client.post(url("lightbox_reorder", lightbox), {"photo": b.pk, "move": "up"})
    assert order_of(lightbox) == [c.pk, b.pk, a.pk]
    client.post(url("lightbox_reorder", lightbox), {"photo": c.pk, "move": "last"})
    assert order_of(lightbox) == [b.pk, a.pk, c.pk]


def test_a_stale_drag_is_refused_and_says_to_reload(client, setup):
    a, _b = setup["photos"]
    client.force_login(setup["owner"])
    response = client.post(
        url("lightbox_reorder", setup["lightbox"]), {"order": f"{a.pk}"}, headers={"accept": "application/json"}
    )
    assert response.status_code == 409 and "reload" in response.json()["message"]
    bad = client.post(
        url("lightbox_reorder", setup["lightbox"]), {"order": "x,y"}, headers={"accept": "application/json"}
    )
    assert bad.status_code == 400
    no_move = client.post(
        url("lightbox_reorder", setup["lightbox"]),
        {"photo": a.pk, "move": "sideways"},
        headers={"accept": "application/json"},
    )
    assert no_move.status_code == 400


def test_a_note_is_saved_and_a_too_long_one_refused(client, setup):
    lightbox, (a, _b) = setup["lightbox"], setup["photos"]
    client.force_login(setup["helper"])
    client.post(url("lightbox_note", lightbox), {"photo": a.pk, "note": "Crop to the gate"})
    assert selectors.items_of(lightbox)[0].note == "Crop to the gate"
    response = client.post(
        url("lightbox_note", lightbox), {"photo": a.pk, "note": "x" * 2001}, headers={"accept": "application/json"}
    )
    assert response.status_code == 400 and "2000" in response.json()["message"]
    gone = client.post(
        url("lightbox_note", lightbox), {"photo": make_photo().pk, "note": "x"}, headers={"accept": "application/json"}
    )
    assert gone.status_code == 404


def test_the_owner_shares_with_a_group_or_a_person_and_stops(client, setup):
    lightbox = setup["lightbox"]
    colleague = researcher("colleague")
    client.force_login(setup["owner"])
    client.post(url("lightbox_share", lightbox), {"user": "COLLEAGUE", "can_edit": "1"})
    assert selectors.access_to(lightbox, colleague) == selectors.Access.EDIT
    client.post(url("lightbox_share", lightbox), {"group": "researchers"})
    assert LightboxShare.objects.filter(lightbox=lightbox, group=Group.objects.get(name=RESEARCHERS)).exists()
    share = LightboxShare.objects.get(user=colleague)
    client.post(url("lightbox_unshare", lightbox), {"share": share.pk})
    assert not LightboxShare.objects.filter(user=colleague).exists()


@pytest.mark.parametrize(
    "given,says",
    [
        ({"user": "nosuchperson"}, "No one signs in as “nosuchperson”"),
        ({"group": "Photographers"}, "There is no group “Photographers”"),
        ({}, "either a group or a person"),
        ({"user": "helper", "group": "Editors"}, "either a group or a person"),
        ({"user": "owner"}, "You own this lightbox already"),
    ],
)
def test_a_share_that_cannot_be_made_says_why(client, setup, given, says):
    client.force_login(setup["owner"])
    response = client.post(url("lightbox_share", setup["lightbox"]), given, headers={"accept": "application/json"})
    assert response.status_code == 400 and says in response.json()["message"]


def test_rename_and_delete(client, setup):
    lightbox = setup["lightbox"]
    client.force_login(setup["owner"])
    client.post(url("lightbox_rename", lightbox), {"name": "Kremlin talks, page 3"})
    assert Lightbox.objects.get().name == "Kremlin talks, page 3"
    empty = client.post(url("lightbox_rename", lightbox), {"name": " "}, headers={"accept": "application/json"})
    assert empty.status_code == 400
    response = client.post(url("lightbox_delete", lightbox))
    assert response.status_code == 302 and response["Location"] == reverse("lightbox_list")
    assert not Lightbox.objects.exists()
    for photo in setup["photos"]:
        photo.refresh_from_db()


def test_choosing_the_lightbox_the_cards_add_to(client, setup):
    other = services.create_lightbox(owner=setup["owner"], name="Other story")
    client.force_login(setup["helper"])
    assert client.post(reverse("lightbox_choose"), {"lightbox": other.pk}).status_code == 404  # not shared
    response = client.post(reverse("lightbox_choose"), {"lightbox": setup["lightbox"].pk, "next": "/"})
    assert response.status_code == 302 and client.session[selectors.ACTIVE_SESSION_KEY] == setup["lightbox"].pk
    client.force_login(setup["reader"])  # may only look: cannot add through it
    assert client.post(reverse("lightbox_choose"), {"lightbox": setup["lightbox"].pk}).status_code == 404


# --- the add buttons on browse and on the photo page -------------------------------------------


def test_browse_cards_add_to_the_active_lightbox_and_show_whats_in(client, setup):
    a, _b = setup["photos"]
    outside = make_photo(caption="Kremlin wall")
    client.force_login(setup["owner"])
    page = client.get(reverse("browse"), {"q": "Kremlin"})
    assert "Adding to" in page.text and "Add all results (up to 1,000)" in page.text
    assert page.context["lightbox_photo_ids"] == {a.pk}
    assert 'data-in="true"' in page.text and 'data-in="false"' in page.text
    assert f'value="{outside.pk}"' in page.text


def test_browse_offers_to_start_a_lightbox_when_there_is_none(client):
    make_photo()
    client.force_login(researcher("new"))
    page = client.get(reverse("browse"))
    assert "Gather photos in a lightbox:" in page.text and "Add all results" not in page.text


def test_browse_with_an_active_lightbox_runs_the_same_queries_whatever_the_page_size(client, setup):
    client.force_login(setup["owner"])
    for _ in range(60):
        make_photo()

    def queries(size):
        with CaptureQueriesContext(connection) as captured:
            assert client.get(reverse("browse"), {"per_page": size, "q": "Test"}).status_code == 200
        return len(captured.captured_queries)

    assert queries(24) == queries(48) == queries(96)


def test_the_photo_page_lists_its_lightboxes_and_adds_to_others(client, setup):
    a, _b = setup["photos"]
    other = services.create_lightbox(owner=setup["owner"], name="Other story")
    client.force_login(setup["owner"])
    page = client.get(reverse("photo_detail", args=[a.pk]))
    assert page.status_code == 200
    assert [lb.pk for lb in page.context["holding_lightboxes"]] == [setup["lightbox"].pk]
    assert f'formaction="/lightboxes/{other.pk}/add/"' in page.text or "Add to “Other story”" in page.text
    client.force_login(setup["reader"])
    read_only = client.get(reverse("photo_detail", args=[a.pk]))
    assert "Kremlin talks" in read_only.text and "Take out" not in read_only.text


def test_the_lightbox_pages_speak_german(client, setup):
    client.force_login(setup["owner"])
    headers = {"accept-language": "de"}
    listing = client.get(reverse("lightbox_list"), headers=headers)
    assert "Leuchtkästen" in listing.text and "Leuchtkasten anlegen" in listing.text
    page = client.get(setup["lightbox"].get_absolute_url(), headers=headers)
    assert "Herausnehmen" in page.text and "Nicht mehr teilen" in page.text and "Notiz sichern" in page.text
    added = client.post(
        url("lightbox_add", setup["lightbox"]),
        {"photo": make_photo().pk},
        headers={"accept": "application/json", **headers},
    )
    assert added.json()["message"] == "1 Foto zu „Kremlin talks“ hinzugefügt."
    refused = client.get(reverse("browse"), {"lightbox": 999}, headers=headers)
    assert "Es gibt keinen Leuchtkasten 999" in refused.text


@pytest.mark.parametrize("name", ["lightbox_add", "lightbox_remove"])
def test_a_photo_number_beyond_any_id_is_a_message_not_an_error(client, setup, name):
    # '99999999999999999999' passed the whole-number check and overflowed in the database driver
    client.force_login(setup["owner"])
    given = {"photo": "99999999999999999999"}
    response = client.post(url(name, setup["lightbox"]), given, headers={"accept": "application/json"})
    assert response.status_code == 400 and "Say which photo" in response.json()["message"]
    assert order_of(setup["lightbox"]) == [p.pk for p in setup["photos"]]
