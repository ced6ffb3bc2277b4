"""A researcher in a real browser: sign in, filter by "Moskau" and December 2025, find the seed
photo, open it, follow its article and come back; the same in German. Screenshots of each page
are kept in test-artifacts/."""

import re

import pytest

from captions.demo.loader import load_seed
from tests.builders import make_photo, make_place, researcher
from tests.conftest import artifact

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

LABELS = {
    "en": {
        "place": "Place",
        "after": "Taken after",
        "before": "Taken before",
        "search": "Search",
        "article": "As Moscow prepares for possible negotiations",
        "back": "Back to the results",
        "count": "1 photo",
        "print": "15.9 × 9.8 cm at 300 dpi",
        "native": "31.8 × 19.6 cm",
    },
    "de": {
        "place": "Ort",
        "after": "Aufgenommen ab",
        "before": "Aufgenommen bis",
        "search": "Suchen",
        "article": "As Moscow prepares for possible negotiations",
        "back": "Zurück zu den Treffern",
        "count": "1 Foto",
        "print": "15,9 × 9,8 cm bei 300 dpi",
        "native": "31,8 × 19,6 cm",
    },
}


@pytest.fixture(autouse=True)
def roles():
    # A transactional test empties every table afterwards, the groups the migration made too.
    from django.contrib.auth.models import Group, Permission

    from captions.roles import sync_role_groups

    sync_role_groups(Group, Permission)


@pytest.fixture
def archive():
    seed = load_seed().photo
    berlin = make_place(city="Berlin", country="Germany", country_code="DE")
    make_photo(caption="Commuters wait at the central station in Berlin.", place=berlin)  # same day, elsewhere
    make_photo(
        caption="Moscow in winter, years earlier.",
        place=seed.place,
        date_text="1995",
        date_edtf="1995",
        date_start=seed.date_start.replace(year=1995, month=1, day=1),
        date_end=seed.date_start.replace(year=1995, month=12, day=31),
        date_precision="year",
    )
    return seed


@pytest.mark.parametrize("language, locale", [("en", "en-GB"), ("de", "de-DE")])
def test_researcher_finds_the_seed_photo_and_its_article(page_for, archive, language, locale):
    words = LABELS[language]
    user = researcher(f"re-{language}")
    page = page_for(locale=locale)
    page.goto(page.base_url + "/")
    page.fill("#id_username", user.username)
    page.fill("#id_password", "pw-" + user.username)
    page.click("button[type=submit]")
    page.wait_for_url(page.base_url + "/")

    page.get_by_label(words["place"], exact=True).fill("Moskau")
    page.get_by_label(words["after"]).fill("2025-12")
    page.get_by_label(words["before"]).fill("2025-12")
    page.get_by_label(words["before"]).press("Enter")  # the keyboard submits the filters
    page.wait_for_url(re.compile(r"place=Moskau"))
    assert "taken_after=2025-12" in page.url and "taken_before=2025-12" in page.url
    heading = page.locator("#results-title").inner_text()
    assert heading == words["count"], heading
    card = page.locator(".card").first
    assert "Wladimir Putin" in card.inner_text()
    assert words["print"] in card.inner_text()
    page.screenshot(path=artifact(f"browse-moskau-{language}.png"), full_page=True)
    results_url = page.url

    card.locator("a").first.click()
    page.wait_for_url(re.compile(r"/photos/\d+/\?.*place=Moskau.*&page=1$"))  # the results come along
    assert "Wladimir Putin" in page.locator("h1").inner_text()
    assert words["native"] in page.locator("dl.fields").inner_text()
    page.screenshot(path=artifact(f"photo-seed-{language}.png"), full_page=True)

    page.get_by_role("link", name=re.compile(words["article"])).click()
    page.wait_for_url(re.compile(r"/articles/\d+/$"))
    assert words["article"] in page.locator("h1").inner_text()
    page.screenshot(path=artifact(f"article-seed-{language}.png"), full_page=True)

    page.locator(".card a").first.click()  # the article leads back to its photo
    page.wait_for_url(re.compile(r"/photos/\d+/$"))
    page.get_by_role("link", name=words["back"]).click()  # and back to the search
    page.wait_for_url(results_url)
    assert page.locator("#id_place").input_value() == "Moskau"


def test_a_malformed_filter_shows_its_message_beside_the_field(page_for):
    page = page_for(researcher())
    page.goto(page.base_url + "/?taken_after=Dezember+2025&place=Moskau")
    error = page.locator("#id_taken_after_error")
    assert "is not a date" in error.inner_text()
    assert page.locator("#id_taken_after").get_attribute("aria-invalid") == "true"
    page.screenshot(path=artifact("browse-error-en.png"), full_page=True)


def test_browse_on_a_phone(page_for, archive):
    page = page_for(researcher())
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(page.base_url + "/?place=Russland")
    assert page.locator(".card").count() == 2
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= 390, f"the page scrolls sideways on a phone ({width}px)"
    page.screenshot(path=artifact("browse-phone.png"), full_page=True)
