"""The paste preview as an editor reads it (issue 15, items 5 and 6): a block the archive holds,
a near-duplicate of a record, a block that repeats or nearly repeats an earlier block of the
same paste; each says what saving will do, with the choice beside it, on a wide screen and a
390 px phone, in English and German; no page scrolls sideways."""

import pathlib

import pytest

from captions import ingest
from captions.models import Photo
from captions.services import imports
from tests.browser.axe import serious_violations
from tests.builders import editor
from tests.conftest import artifact

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

DATA = pathlib.Path(__file__).parent.parent / "data"
SEED_ALONE = (DATA / "seed_caption_block.txt").read_text(encoding="utf-8")
SEED_WITH_ARTICLE = (DATA.parent.parent / "captions" / "demo" / "seed.txt").read_text(encoding="utf-8")
SEED_EDITED = SEED_ALONE.replace("ein Treffen", "ein Gespräch")


def boats(n):
    return (
        f"Fishing boats return to the harbour of Hamburg at dawn after the storm, number {n}.\n"
        "4000 x 3000 px | 300dpi\nDate taken: 3 May 2019\nLocation: Hamburg, Germany"
    )


PASTE = "\n---\n".join([SEED_EDITED, boats(1), boats(2), boats(2)])
WIDE, PHONE = (1280, 900), (390, 844)


@pytest.fixture(autouse=True)
def roles():
    from django.contrib.auth.models import Group, Permission

    from captions.roles import sync_role_groups

    sync_role_groups(Group, Permission)


@pytest.mark.parametrize("locale", ["en-US", "de-DE"])
@pytest.mark.parametrize("viewport", [WIDE, PHONE], ids=["wide", "phone"])
def test_the_paste_preview_names_each_match_and_its_choice(page_for, locale, viewport):
    imports.import_blocks(blocks=ingest.parse_blocks(SEED_WITH_ARTICLE))
    seed = Photo.objects.get()
    page = page_for(editor(), locale=locale, viewport=viewport)
    page.goto(page.base_url + "/admin/captions/photo/paste/")
    page.fill("textarea[name=text]", PASTE)
    page.click("input[name=preview]")
    # the click does not wait for the preview page: .all() takes what is there at once
    page.locator(".paste-preview h2").first.wait_for()
    headings = [h.inner_text() for h in page.locator(".paste-preview h2").all()]
    english = locale == "en-US"
    assert f"#{seed.pk}" in headings[0] and ("matches" if english else "entspricht") in headings[0]
    assert ("new photo" if english else "neues Foto") in headings[1]
    assert ("matches block 2" if english else "entspricht Block 2") in headings[2].replace("\n", " ")
    assert "block 3" in headings[3].lower()
    assert page.locator("input[name=near_3][value=keep]").is_visible()
    widths = page.evaluate("() => ({doc: document.documentElement.scrollWidth, view: innerWidth})")
    assert widths["doc"] <= widths["view"], widths
    name = f"paste-duplicates-{locale[:2]}-{'phone' if viewport == PHONE else 'wide'}.png"
    page.screenshot(path=artifact(name), full_page=True)
    assert serious_violations(page) == []  # axe-core: the marks, the choice boxes, the stacked rows
    # the choice works from the page: block 3 kept apart, the rest as offered. The summary above
    # no longer says what Save does: it is struck through, with a note (paste.js) ...
    summary = page.locator(".expected-summary")
    assert "created 1, updated 2" in summary.inner_text() or "neu 1, aktualisiert 2" in summary.inner_text()
    page.locator("input[name=near_3][value=keep]").check()
    assert page.locator(".choices-changed").first.is_visible()
    assert "outdated" in summary.get_attribute("class")
    page.screenshot(path=artifact(name.replace(".png", "-changed.png")), full_page=True)
    # ... and Save without "Preview again" saves nothing: it shows the preview of the choice made
    page.locator("input[name=save]").first.click()
    page.wait_for_load_state()
    assert Photo.objects.count() == 1
    assert page.locator(".changed-since-preview").is_visible()
    assert page.locator("input[name=near_3][value=keep]").is_checked()
    summary = page.locator(".expected-summary").inner_text()
    assert ("created 2, updated 1" if english else "neu 2, aktualisiert 1") in summary
    assert not page.locator(".choices-changed").first.is_visible()
    widths = page.evaluate("() => ({doc: document.documentElement.scrollWidth, view: innerWidth})")
    assert widths["doc"] <= widths["view"], widths
    page.screenshot(path=artifact(name.replace(".png", "-changed-saved.png")), full_page=True)
    page.locator("input[name=save]").first.click()
    page.wait_for_load_state()
    assert Photo.objects.count() == 3  # the seed (updated), boats 1 and boats 2 (block 4: the same photo)
    seed.refresh_from_db()
    assert "ein Gespräch" in seed.caption


EDINBURGH = """Schoolchildren march through the old town of Edinburgh.
Image ID: 2R4X9KJ
3648 x 2736 px | 30,9 x 23,2 cm | 12,2 x 9,1 inches | 300dpi
Date taken: 30 May 2017
Location: Edinburgh, Scotland, UK"""
# the agency's corrected block: a new caption and date, the place an editor corrected as before
CORRECTED = EDINBURGH.replace("march through", "parade through").replace("30 May", "31 May")


@pytest.mark.parametrize("locale", ["en-US", "de-DE"])
@pytest.mark.parametrize("viewport", [WIDE, PHONE], ids=["wide", "phone"])
def test_the_paste_preview_shows_an_update_a_kept_edit_and_previews_again_with_the_box(page_for, locale, viewport):
    """An update whose place an editor corrected by hand (kept), a near-duplicate of the seed
    and a new photo; ticking the box and "Preview again" shows the edit replaced and the
    summary that saving with the box gives; the save does it."""
    from captions.services import photos
    from tests.builders import make_place

    imports.import_blocks(blocks=ingest.parse_blocks(SEED_WITH_ARTICLE))
    imports.import_blocks(blocks=ingest.parse_blocks(EDINBURGH))
    record = Photo.objects.get(source_id="2R4X9KJ")
    record.place = make_place(city="Leith", region="Scotland", country="United Kingdom", country_code="GB")
    user = editor()
    photos.save_edited_photo(photo=record, base_version=record.version, user=user)
    english = locale == "en-US"
    page = page_for(user, locale=locale, viewport=viewport)
    page.goto(page.base_url + "/admin/captions/photo/paste/")
    page.fill("textarea[name=text]", "\n---\n".join([CORRECTED, SEED_EDITED, boats(1)]))
    page.click("input[name=preview]")
    kind = "phone" if viewport == PHONE else "wide"
    page.screenshot(path=artifact(f"paste-edits-{locale[:2]}-{kind}.png"), full_page=True)
    block_1 = page.locator("#block-1")
    assert ("Leith" in block_1.locator(".kept-edit").inner_text()) and block_1.locator(".replaced-edit").count() == 0
    widths = page.evaluate("() => ({doc: document.documentElement.scrollWidth, view: innerWidth})")
    assert widths["doc"] <= widths["view"], widths

    page.locator("input[name=overwrite_edits]").check()
    page.locator("input[name=preview]").first.click()
    page.wait_for_load_state()
    page.screenshot(path=artifact(f"paste-edits-again-{locale[:2]}-{kind}.png"), full_page=True)
    replaced = page.locator("#block-1 .replaced-edit").inner_text()
    assert ("will replace your edit of place" if english else "ersetzt Ihre Korrektur von Ort") in replaced
    assert page.locator("input[name=overwrite_edits]").is_checked()
    summary = page.locator(".expected-summary").inner_text()
    assert ("created 1, updated 2" if english else "neu 1, aktualisiert 2") in summary
    widths = page.evaluate("() => ({doc: document.documentElement.scrollWidth, view: innerWidth})")
    assert widths["doc"] <= widths["view"], widths
    assert serious_violations(page) == []
    page.locator("input[name=save]").first.click()
    page.wait_for_load_state()
    record.refresh_from_db()
    assert record.place.city == "Edinburgh" and record.date_text == "31 May 2017"


@pytest.mark.parametrize(("locale", "viewport"), [("en-US", WIDE), ("de-DE", PHONE)], ids=["en-wide", "de-phone"])
def test_a_near_duplicate_with_only_a_kept_edit_says_it_is_left_as_it_is(page_for, locale, viewport):
    from captions.services import photos

    imports.import_blocks(blocks=ingest.parse_blocks(SEED_ALONE))
    seed = Photo.objects.get()
    seed.caption = seed.caption.replace("ein Treffen", "ein Arbeitstreffen")  # an editor's correction
    user = editor()
    photos.save_edited_photo(photo=seed, base_version=seed.version, user=user)
    page = page_for(user, locale=locale, viewport=viewport)
    page.goto(page.base_url + "/admin/captions/photo/paste/")
    page.fill("textarea[name=text]", SEED_EDITED)
    page.click("input[name=preview]")
    heading = page.locator("#block-1 h2").inner_text()
    english = locale == "en-US"
    assert f"#{seed.pk}, " + ("nothing to change" if english else "nichts zu ändern") in heading
    choice = page.locator("#block-1 .near-duplicate label").first.inner_text()
    assert ("leave" if english else "bleibt, wie es ist") in choice
    widths = page.evaluate("() => ({doc: document.documentElement.scrollWidth, view: innerWidth})")
    assert widths["doc"] <= widths["view"], widths
    page.screenshot(path=artifact(f"paste-near-kept-{locale[:2]}.png"), full_page=True)
    page.locator("input[name=save]").first.click()
    page.wait_for_load_state()
    said = page.locator(".messagelist").inner_text()
    assert ("nothing to update in it" if english else "darin nichts zu aktualisieren") in said
