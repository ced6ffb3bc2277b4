"""In a real browser: a researcher gathers photos into a lightbox from the search results and a
photo page, orders them by drag and by keyboard, notes one and shares the lightbox with
Production; a production colleague finds it shared, in that order, with the note, and downloads
its print package: the archive's caption and credit in each file, renditions of the exact size,
the sheets and the specs, and the embargoed photo left out. Screenshots in test-artifacts/."""

import datetime as dt
import io
import json
import re
import zipfile

import pytest
from django.utils import timezone
from PIL import Image

from captions.core import dimensions
from captions.images import metadata
from captions.selectors import lightboxes as selectors
from captions.services import lightboxes as lightbox_services
from tests.builders import editor, make_photo, production, researcher
from tests.conftest import artifact
from tests.image_files import pixels
from tests.package_helpers import store_file

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture(autouse=True)
def roles():
    # A transactional test empties every table afterwards, the groups the migration made too.
    from django.contrib.auth.models import Group, Permission

    from captions.roles import sync_role_groups

    sync_role_groups(Group, Permission)


def order_on_page(page) -> list[int]:
    return [int(n) for n in page.locator("ol.lightbox-items > li").evaluate_all("els => els.map(e => e.dataset.photo)")]


def test_a_researcher_gathers_and_shares_a_lightbox_and_production_downloads_its_package(page_for):
    def photo(caption, **values):
        return store_file(
            make_photo(caption=caption, credit="Archive / Anna", **values), pixels(size=(1880, 1160)), "jpg"
        )

    gate = photo("Kremlin gate at dawn")
    square = photo("Kremlin seen from Red Square")
    wall = photo("Kremlin wall in snow")
    held = photo("Kremlin summit under embargo", embargo_until=timezone.now() + dt.timedelta(days=2))
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
    # an editor the lightbox is shared with adds a photo under embargo (researchers see only its card)
    desk = editor("desk")
    lightbox_services.share(lightbox=lightbox, user=desk, can_edit=True)
    lightbox_services.add_photos(lightbox=lightbox, photo_ids=[held.pk])
    page.goto(page.base_url + lightbox.get_absolute_url())
    assert order_on_page(page) == [gate.pk, wall.pk, square.pk, held.pk]
    assert "Embargoed until" in page.locator(f"#item-{held.pk}").inner_text()
    assert "Kremlin summit" not in page.locator(f"#item-{held.pk}").inner_text()

    # drag the photo from Red Square to the top
    page.locator(f"#item-{square.pk} .drag-handle").drag_to(
        page.locator(f"#item-{gate.pk}"), target_position={"x": 10, "y": 5}
    )
    page.locator(".lightbox-status", has_text="New order saved.").wait_for()
    assert order_on_page(page) == [square.pk, gate.pk, wall.pk, held.pk]
    # the keyboard: focus the wall's handle, arrow up once
    page.locator(f"#item-{wall.pk} .drag-handle").focus()
    page.keyboard.press("ArrowUp")
    page.locator(".lightbox-status", has_text="New order saved.").wait_for()
    assert order_on_page(page) == [square.pk, wall.pk, gate.pk, held.pk]
    assert [item.photo_id for item in selectors.items_of(lightbox)] == [square.pk, wall.pk, gate.pk, held.pk]

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
    assert order_on_page(colleague) == [square.pk, wall.pk, gate.pk, held.pk]
    assert "Lead picture: crop to the towers" in colleague.locator("ol.lightbox-items").inner_text()
    assert colleague.get_by_role("button", name="Take out").count() == 0
    colleague.screenshot(path=artifact("lightbox-shared-with-production.png"), full_page=True)

    # ... and downloads its print package, 10 cm wide at 300 dpi
    colleague.get_by_label("width in cm (empty: the file's own pixels)").fill("10")
    with colleague.expect_download() as download_info:
        colleague.get_by_role("button", name="Download the print package (ZIP)").click()
    download = download_info.value
    assert download.suggested_filename.startswith(f"package_lightbox-{lightbox.pk}-kremlin-talks_")
    with open(download.path(), "rb") as handle:
        archive = zipfile.ZipFile(io.BytesIO(handle.read()))
    order = [square, wall, gate]
    assert archive.namelist() == [
        "specs.csv",
        "specs.json",
        *[
            name
            for n, p in enumerate(order, 1)
            for name in (f"photos/00{n}-photo-{p.pk}.jpg", f"print/00{n}-photo-{p.pk}_print_10cm_300dpi.jpg")
        ],
        "sheets.pdf",
        "README.txt",
    ]
    assert [row["id"] for row in json.loads(archive.read("specs.json"))["photos"]] == [p.pk for p in order]
    for n, p in enumerate(order, 1):
        for name in (f"photos/00{n}-photo-{p.pk}.jpg", f"print/00{n}-photo-{p.pk}_print_10cm_300dpi.jpg"):
            found = metadata.read_metadata(archive.read(name), name=name)
            assert (found.caption, found.credit, found.archive_id) == (p.caption, "Archive / Anna", str(p.pk))
        with Image.open(io.BytesIO(archive.read(f"print/00{n}-photo-{p.pk}_print_10cm_300dpi.jpg"))) as image:
            assert image.size == dimensions.rendition_pixels(1880, 1160, dpi=300, width_cm=10)
    assert archive.read("sheets.pdf").startswith(b"%PDF-")
    readme = archive.read("README.txt").decode("utf-8")
    assert "no. 4 in the lightbox: embargoed until" in readme
    assert not [name for name in archive.namelist() if f"photo-{held.pk}" in name]
