"""Previous / next through the results with the arrow keys, in Chromium: from a card of the
browse page to its photo, right arrow to the next result (across a page boundary), left back;
the static script runs under the app's CSP (no inline script)."""

import re

import pytest

from tests.builders import make_photo, researcher
from tests.conftest import artifact

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_arrow_keys_walk_through_the_results(page_for):
    photos = [make_photo(caption=f"Harbour {n:02d}") for n in range(26)]  # newest first: photos[25] is result 1
    make_photo(caption="Mountain")
    errors = []
    page = page_for(researcher())
    page.on("console", lambda message: errors.append(message.text) if message.type == "error" else None)
    page.goto(page.base_url + "/?q=Harbour")
    page.get_by_role("link", name=re.compile("Harbour 25")).click()
    page.wait_for_url(re.compile(rf"/photos/{photos[25].pk}/\?q=Harbour&page=1$"))
    assert page.get_by_text("result 1", exact=True).is_visible()
    page.screenshot(path=artifact("results-keys-first.png"), full_page=True)

    page.keyboard.press("ArrowRight")
    page.wait_for_url(re.compile(rf"/photos/{photos[24].pk}/\?q=Harbour&page=1$"))
    page.keyboard.press("ArrowLeft")
    page.wait_for_url(re.compile(rf"/photos/{photos[25].pk}/\?q=Harbour&page=1$"))
    assert page.locator('a[rel="prev"]').count() == 0  # the first result has no previous one

    # the last result of page 1 leads on to the first of page 2
    page.goto(page.base_url + f"/photos/{photos[2].pk}/?q=Harbour&page=1")
    assert page.get_by_text("result 24", exact=True).is_visible()
    page.keyboard.press("ArrowRight")
    page.wait_for_url(re.compile(rf"/photos/{photos[1].pk}/\?q=Harbour&page=2$"))
    page.get_by_role("link", name=re.compile("Back to the results")).click()
    page.wait_for_url(re.compile(r"/\?q=Harbour&page=2$"))
    assert page.get_by_text("page 2 (results 25–26 of 26)").is_visible()
    assert not [e for e in errors if "Content Security Policy" in e], errors


def test_arrow_keys_with_a_modifier_are_left_to_the_browser(page_for):
    photos = [make_photo(caption=f"Harbour {n:02d}") for n in range(3)]
    page = page_for(researcher())
    url = page.base_url + f"/photos/{photos[1].pk}/?q=Harbour&page=1"
    page.goto(url)
    assert page.locator('a[rel="next"]').count() == 1
    page.keyboard.press("Shift+ArrowRight")
    page.keyboard.press("Control+ArrowLeft")
    page.wait_for_timeout(300)  # a navigation would have started by now
    assert page.url == url


def test_the_timeline_narrows_from_decades_to_years_with_clicks(page_for):
    import datetime as dt

    for y in (1944, 1962, 1966, 1966):
        make_photo(caption=f"Harbour {y}", date_start=dt.date(y, 5, 1), date_end=dt.date(y, 5, 1))
    page = page_for(researcher())
    page.goto(page.base_url + "/?q=Harbour")
    timeline = page.get_by_role("navigation", name="Decades")
    page.screenshot(path=artifact("timeline-decades.png"), full_page=True)
    timeline.get_by_role("link", name=re.compile(r"^1960s")).click()
    page.wait_for_url(re.compile(r"q=Harbour&taken_after=1960&taken_before=1969$"))
    years = page.get_by_role("navigation", name=re.compile("Years of the 1960s"))
    assert years.get_by_role("listitem").count() == 10
    years.get_by_role("link", name=re.compile(r"^1966")).click()
    page.wait_for_url(re.compile(r"taken_after=1966&taken_before=1966$"))
    assert page.locator(".card").count() == 2
    page.screenshot(path=artifact("timeline-years.png"), full_page=True)
