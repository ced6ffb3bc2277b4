"""axe-core finds no critical or serious violation on the pages researchers and editors use
most: browse (wide and phone), a photo, an article, the admin change list, change form (with
an embargo and articles) and paste page (with its preview)."""

import datetime as dt
import pathlib

import pytest
from django.utils import timezone

from captions.demo.loader import load_seed
from tests.browser.axe import serious_violations
from tests.builders import editor, make_article, make_photo, researcher
from tests.conftest import artifact

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

SEED_BLOCK = (pathlib.Path(__file__).parent.parent / "data" / "seed_caption_block.txt").read_text(encoding="utf-8")


@pytest.fixture(autouse=True)
def roles():
    from django.contrib.auth.models import Group, Permission

    from captions.roles import sync_role_groups

    sync_role_groups(Group, Permission)


@pytest.fixture
def archive():
    seed = load_seed().photo
    article = seed.articles.get()
    make_photo(
        caption="A photo under embargo in Moscow.",
        embargo_until=timezone.now() + dt.timedelta(days=2),
        caveat_embargo=True,
        articles=[make_article(headline="Second article", url="https://example.org/second")],
    )
    make_photo(caption="Square in Berlin", width_px=2000, height_px=2000, caveat_editorial_only=True)
    return seed, article


def check(page, name):
    found = serious_violations(page)
    page.screenshot(path=artifact(f"axe-{name}.png"), full_page=True)
    assert not found, f"{name}:\n" + "\n".join(found)


@pytest.mark.parametrize("locale", ["en-US", "de-DE"])
def test_researcher_pages_have_no_serious_violation(page_for, archive, locale):
    seed, article = archive
    page = page_for(researcher(), locale=locale)
    for name, path in [
        ("browse", "/"),
        ("browse-filtered", "/?place=Moskau&caveat=editorial_only"),
        ("browse-error", "/?taken_after=soon"),
        ("photo", seed.get_absolute_url()),
        ("article", article.get_absolute_url()),
        ("articles", "/articles/"),
        ("lightboxes", "/lightboxes/"),
    ]:
        page.goto(page.base_url + path)
        check(page, f"{name}-{locale}")
    phone = page_for(researcher("re2"), locale=locale, viewport=(390, 844))
    phone.goto(phone.base_url + "/?place=Moskau")
    check(phone, f"browse-phone-{locale}")


@pytest.mark.parametrize("locale", ["en-US", "de-DE"])
def test_admin_pages_have_no_serious_violation(page_for, archive, locale):
    seed, _article = archive
    page = page_for(editor("editor"), locale=locale)
    for name, path in [
        ("admin-index", "/admin/"),
        ("admin-changelist", "/admin/captions/photo/"),
        ("admin-changelist-filtered", "/admin/captions/photo/?country=RU"),
        ("admin-change", f"/admin/captions/photo/{seed.pk}/change/"),
        ("admin-add", "/admin/captions/photo/add/"),
        ("admin-history", f"/admin/captions/photo/{seed.pk}/history/"),
        ("admin-paste", "/admin/captions/photo/paste/"),
        ("admin-articles", "/admin/captions/article/"),
    ]:
        page.goto(page.base_url + path)
        check(page, f"{name}-{locale}")
    page.goto(page.base_url + "/admin/captions/photo/paste/")
    page.fill("#id_text", SEED_BLOCK)
    page.click("input[name=preview]")
    page.wait_for_selector("tr.row-caption")
    check(page, f"admin-paste-preview-{locale}")
    # a validation error on the change form
    page.goto(page.base_url + f"/admin/captions/photo/{seed.pk}/change/")
    # every input has its own name: the embargo's date and time, the autocomplete boxes
    assert (
        page.get_by_label("Date:" if locale == "en-US" else "Datum:").first.get_attribute("id") == "id_embargo_until_0"
    )
    assert page.locator("#id_embargo_until_1").evaluate("el => el.labels[0].textContent").strip()
    assert page.locator(".field-articles .select2-search__field").get_attribute("aria-label")
    page.fill("#id_width_px", "0")  # the first of a row of three fields
    page.click("input[name=_continue]")
    page.wait_for_selector(".errornote")
    check(page, f"admin-change-error-{locale}")
    # the message does not run into the next field's label
    overlaps = page.evaluate(
        """() => {
          const e = document.querySelector("#id_width_px_error").getBoundingClientRect();
          return [...document.querySelectorAll("label")].map(l => [l.textContent, l.getBoundingClientRect()])
            .filter(([, r]) => r.width && r.left < e.right && e.left < r.right && r.top < e.bottom && e.top < r.bottom)
            .map(([text]) => text);
        }"""
    )
    assert overlaps == []
