"""In a real browser: a researcher gathers photos into a lightbox from the search results and a
photo page, orders them by drag and by keyboard, notes one and shares the lightbox with
Production; a production colleague finds it shared, in that order, with the note. Screenshots
in test-artifacts/."""

import re

import pytest

from captions.selectors import lightboxes as selectors
from tests.builders import make_photo, production, researcher
from tests.conftest import artifact

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture(autouse=True)
def roles():
    # A transactional test empties every table afterwards, the groups the migration made too.
    from django.contrib.auth.models import Group, Permission

    from captions.roles import sync_role_groups

    sync_role_groups(Group, Permission)


def order_on_page(page) -> list[int]:
    return [int(n) for n in page.locator("ol.lightbox-items > li").evaluate_all("els => els.map(e => e.dataset.photo)")]


def test_a_researcher_gathers_orders_and_shares_a_lightbox(page_for):
    gate = make_photo(caption="Kremlin gate at dawn")
    square = make_photo(caption="Kremlin seen from Red Square")
    wall = make_photo(caption="Kremlin wall in snow")
    make_photo(caption="Harbour in Hamburg")
    shop = production("shop")

    page = page_for(researcher("anna"))
    page.goto(page.base_url + "/?q=Kremlin")
    page.get_by_label("Gather photos in a lightbox:").fill("Kremlin talks")
    with page.expect_navigation():
        page.get_by_role("button", name="Start").click()
    assert page.get_by_role("heading", name="Kremlin talks").is_visible()
    lightbox = selectors.lightbox_by_id(re.search(r"/lightboxes/(\d+)/", page.url).group(1))

    # from the search results: two cards, each button flips in place (no page load)
    page.goto(page.base_url + "/?q=Kremlin&sort=added")
    cards = page.locator("li.card")
    for caption in ("Kremlin gate at dawn", "Kremlin wall in snow"):
        card = cards.filter(has_text=caption)
        card.get_by_role("button", name="Add to “Kremlin talks”").click()
        card.get_by_role("button", name="In “Kremlin talks” · take out").wait_for()
    assert "Added 1 photo" in page.locator(".lightbox-status").inner_text()
    page.screenshot(path=artifact("lightbox-browse-cards.png"), full_page=True)

    # from a photo page
    page.goto(page.base_url + f"/photos/{square.pk}/")
    with page.expect_navigation():
        page.get_by_role("button", name="Add to “Kremlin talks”").click()
    assert page.locator(".photo-lightboxes").get_by_role("link", name="Kremlin talks").is_visible()

    page.goto(page.base_url + lightbox.get_absolute_url())
    assert order_on_page(page) == [gate.pk, wall.pk, square.pk]

    # drag the photo from Red Square to the top
    page.locator(f"#item-{square.pk} .drag-handle").drag_to(
        page.locator(f"#item-{gate.pk}"), target_position={"x": 10, "y": 5}
    )
    page.locator(".lightbox-status", has_text="New order saved.").wait_for()
    assert order_on_page(page) == [square.pk, gate.pk, wall.pk]
    # the keyboard: focus the wall's handle, arrow up once
    page.locator(f"#item-{wall.pk} .drag-handle").focus()
    page.keyboard.press("ArrowUp")
    page.locator(".lightbox-status", has_text="New order saved.").wait_for()
    assert order_on_page(page) == [square.pk, wall.pk, gate.pk]
    assert [item.photo_id for item in selectors.items_of(lightbox)] == [square.pk, wall.pk, gate.pk]

    # a note, then share with Production to look at
    page.get_by_label("Note").first.fill("Lead picture: crop to the towers")
    with page.expect_navigation():
        page.get_by_role("button", name="Save note").first.click()
    page.get_by_label("With a group").select_option("Production")
    with page.expect_navigation():
        page.get_by_role("button", name="Share", exact=True).click()
    assert "Shared with Production to look at." in page.locator(".messages").inner_text()
    page.screenshot(path=artifact("lightbox-owner.png"), full_page=True)

    # production finds it shared, in order, with the note, and cannot change it
    colleague = page_for(shop)
    colleague.goto(colleague.base_url + "/lightboxes/")
    with colleague.expect_navigation():
        colleague.get_by_role("link", name="Kremlin talks").click()
    assert order_on_page(colleague) == [square.pk, wall.pk, gate.pk]
    assert "Lead picture: crop to the towers" in colleague.locator("ol.lightbox-items").inner_text()
    assert colleague.get_by_role("button", name="Take out").count() == 0
    colleague.screenshot(path=artifact("lightbox-shared-with-production.png"), full_page=True)
