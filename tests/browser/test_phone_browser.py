"""On a 390×844 phone screen: the results come first and the filters wait behind a button that
keeps the active ones visible as chips; no page scrolls sideways, however long a caption's
words, a credit or an article's URL."""

import datetime as dt

import pytest

from captions.services import lightboxes as lightbox_services
from tests.builders import make_article, make_photo, make_place, researcher
from tests.conftest import artifact

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PHONE = (390, 844)
LONG_WORD = "Donaudampfschifffahrtsgesellschaftskapitänsmützenabzeichenherstellungsbetrieb"
LONG_URL = "https://www.example.org/news/2025/12/02/" + "a-very-long-slug-without-any-break-" * 6 + "end"


@pytest.fixture(autouse=True)
def roles():
    from django.contrib.auth.models import Group, Permission

    from captions.roles import sync_role_groups

    sync_role_groups(Group, Permission)


@pytest.fixture
def archive():
    moscow = make_place()
    article = make_article(headline=f"Talks in the Kremlin {LONG_WORD}", url=LONG_URL, summary=LONG_WORD * 2)
    photos = [
        make_photo(
            caption=f"Putin meets the envoys in the Kremlin {n}. {LONG_WORD} {LONG_URL}",
            credit=f"Kremlin Pool/{LONG_WORD}",
            keywords=LONG_WORD,
            restriction_text=f"Editorial use only {LONG_URL}",
            caveat_editorial_only=True,
            place=moscow,
            articles=[article],
        )
        for n in range(6)
    ]
    for year in range(1905, 2025, 10):  # a timeline of twelve decades on the browse page
        make_photo(
            caption=f"Street scene of {year}",
            date_text=str(year),
            date_edtf=str(year),
            date_start=dt.date(year, 1, 1),
            date_end=dt.date(year, 12, 31),
            date_precision="year",
        )
    return photos, article


def assert_no_sideways_scroll(page):
    widths = page.evaluate(
        "() => ({doc: document.documentElement.scrollWidth, body: document.body.scrollWidth, view: innerWidth})"
    )
    assert widths["doc"] <= widths["view"], widths
    assert widths["body"] <= widths["view"], widths


def test_browse_on_a_phone_shows_results_first_and_filters_behind_a_button(page_for, archive):
    page = page_for(researcher(), viewport=PHONE)
    page.goto(page.base_url + "/?place=Moskau&caveat=editorial_only&sort=-taken")
    first_card = page.locator(".grid .card").first
    box = first_card.bounding_box()
    assert box["y"] < PHONE[1] - 100, f"the first card starts at {box['y']} px, below the first screen"
    # the filter form is folded; its button says how many filters are on
    assert not page.locator("#id_q").is_visible()
    toggle = page.locator("summary.filter-toggle")
    assert toggle.is_visible()
    assert "2" in toggle.inner_text()
    # the active filters stay visible as chips, each one removes its filter
    chips = page.locator("ul.chips li")
    assert chips.count() == 2
    assert "Moskau" in chips.first.inner_text()
    assert "Editorial use only" in chips.nth(1).inner_text()  # a choice by its label, not its code
    page.screenshot(path=artifact("phone-browse.png"))
    assert_no_sideways_scroll(page)

    page.get_by_role("link", name="Remove filter Place").click()
    page.wait_for_load_state()
    assert "place=" not in page.url and "caveat=editorial_only" in page.url
    assert page.locator("ul.chips li").count() == 1

    # the button unfolds the whole form
    page.locator("summary.filter-toggle").click()
    assert page.locator("#id_q").is_visible()
    page.fill("#id_place", "Moscow")
    page.get_by_role("button", name="Search").click()
    page.wait_for_url("**place=Moscow**")
    assert page.locator(".grid .card").count() == 6
    page.goto(page.base_url + "/")  # every photo: the timeline of twelve decades scrolls inside itself
    assert page.locator(".timeline").count() in (0, 1)
    page.screenshot(path=artifact("phone-browse-all.png"))
    assert_no_sideways_scroll(page)


def test_a_filter_error_keeps_the_form_open_on_a_phone(page_for, archive):
    page = page_for(researcher(), viewport=PHONE)
    page.goto(page.base_url + "/?taken_after=soon")
    assert page.locator("#id_taken_after").is_visible()
    assert page.locator("#id_taken_after_error").is_visible()


def test_the_wide_screen_keeps_the_filters_open_beside_the_results(page_for, archive):
    page = page_for(researcher())
    page.goto(page.base_url + "/")
    assert page.locator("#id_q").is_visible()
    assert not page.locator("summary.filter-toggle").is_visible()


def test_photo_article_and_lightbox_pages_fit_a_phone(page_for, archive):
    photos, article = archive
    user = researcher()
    lightbox = lightbox_services.create_lightbox(owner=user, name=f"Kremlin {LONG_WORD}")
    lightbox_services.add_photos(lightbox=lightbox, photo_ids=[p.pk for p in photos[:3]])
    page = page_for(user, viewport=PHONE)
    for name, path in [
        ("photo", photos[0].get_absolute_url()),
        ("article", article.get_absolute_url()),
        ("lightboxes", "/lightboxes/"),
        ("lightbox", lightbox.get_absolute_url()),
        ("articles", "/articles/"),
    ]:
        page.goto(page.base_url + path)
        assert page.locator("h1").first.is_visible()
        page.screenshot(path=artifact(f"phone-{name}.png"), full_page=True)
        assert_no_sideways_scroll(page)


@pytest.mark.parametrize("viewport", [(1280, 900), PHONE], ids=["wide", "phone"])
@pytest.mark.parametrize("locale", ["en-US", "de-DE"])
def test_the_cards_add_buttons_wrap_a_long_lightbox_name_inside_the_card(page_for, archive, locale, viewport):
    """A card's "Add to “…”" button names the lightbox: a long name (in German, with its
    'hinzufügen' at the end) wraps inside the card instead of running over the next card and
    widening the page (it did: 1,486 px in a 1,280 px window)."""
    user = researcher()
    lightbox_services.create_lightbox(owner=user, name="Moskau-Gipfel Dezember für die Wochenendausgabe der Zeitung")
    page = page_for(user, locale=locale, viewport=viewport)
    page.goto(page.base_url + "/")
    buttons = page.locator(".lightbox-toggle button")
    assert buttons.count() >= 6
    assert_no_sideways_scroll(page)
    for i in range(buttons.count()):
        card = buttons.nth(i).locator("xpath=ancestor::li[contains(@class, 'card')]").bounding_box()
        button = buttons.nth(i).bounding_box()
        assert button["x"] + button["width"] <= card["x"] + card["width"] + 1, (i, button, card)
