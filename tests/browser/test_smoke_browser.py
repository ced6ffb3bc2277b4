"""The real browser reaches the app: sign in through the form, see the seed-like record."""

import re

import pytest

from tests.builders import make_article, make_photo, researcher
from tests.conftest import artifact

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_sign_in_form_and_photo_page(page_for):
    user = researcher()
    article = make_article(headline="Kremlin seeks a global reordering", publication="The Moscow Times")
    make_photo(caption="Der russische Präsident Wladimir Putin hält im Kreml ein Treffen ab.", articles=[article])
    page = page_for()
    page.goto(page.base_url + "/")
    assert "/accounts/login/" in page.url
    page.fill("#id_username", user.username)
    page.fill("#id_password", "pw-" + user.username)
    page.click("button[type=submit]")
    page.wait_for_url(page.base_url + "/")
    page.click("text=Der russische Präsident")
    page.wait_for_url(re.compile(r"/photos/\d+/(\?.*)?$"))  # with the results' query (previous/next)
    assert page.locator("h1").inner_text().startswith("Der russische Präsident")
    page.click("text=Kremlin seeks a global reordering")
    page.wait_for_url("**/articles/*/")
    assert "Kremlin seeks a global reordering" in page.locator("h1").inner_text()
    page.screenshot(path=artifact("smoke-article.png"), full_page=True)
