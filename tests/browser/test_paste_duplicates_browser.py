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
    # the choice works from the page: block 3 kept apart, the rest as offered
    page.locator("input[name=near_3][value=keep]").check()
    page.locator("input[name=save]").first.click()
    page.wait_for_load_state()
    assert Photo.objects.count() == 3  # the seed (updated), boats 1 and boats 2 (block 4: the same photo)
    seed.refresh_from_db()
    assert "ein Gespräch" in seed.caption
