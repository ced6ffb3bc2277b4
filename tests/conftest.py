"""Shared fixtures: users per role, builders for records, the browser gate."""

import os
import shutil

import pytest

CHROMIUM = "/usr/bin/chromium"


def pytest_collection_modifyitems(config, items):
    browser_items = [item for item in items if "browser" in item.keywords]
    if not browser_items:
        return
    have_browser = os.path.exists(CHROMIUM) or shutil.which("chromium")
    if have_browser:
        return
    if os.environ.get("REQUIRE_BROWSER"):
        raise pytest.UsageError(f"REQUIRE_BROWSER is set but {CHROMIUM} is missing: run scripts/install-browser.sh")
    skip = pytest.mark.skip(reason=f"Debian's chromium is not installed ({CHROMIUM}); run `make browser`")
    for item in browser_items:
        item.add_marker(skip)


@pytest.fixture(autouse=True)
def english_after_each_test():
    """A request in German leaves German active on the test's thread (LocaleMiddleware does not
    switch back): the next test would read German messages. Every test starts from the default."""
    yield
    from django.conf import settings

    if not settings.configured:  # make test-pure: no Django, no language to reset
        return
    from django.utils import translation

    translation.deactivate()


# --- real-browser fixtures (Playwright driving Debian's Chromium) ---------------------------

CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
ARTIFACTS = os.path.join(os.path.dirname(os.path.dirname(__file__)), "test-artifacts")


@pytest.fixture(scope="session")
def browser():
    """One headless Chromium for the session. Playwright never downloads a browser here."""
    # Playwright's sync API runs an event loop in this thread; Django's ORM refuses to run
    # beside one unless told it is safe (the test thread is not serving async requests).
    os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        chromium = pw.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def page_for(browser, live_server):
    """`page_for(user, locale='en')` -> a Playwright page signed in as `user` on the live server.

    Screenshots: `page.screenshot(path=artifact('name.png'))` keeps them in test-artifacts/.
    """
    contexts = []

    def make(user=None, locale="en-US", viewport=(1280, 900)):
        width, height = viewport
        context = browser.new_context(locale=locale, viewport={"width": width, "height": height})
        contexts.append(context)
        if user is not None:
            from django.test import Client

            client = Client()  # one per user: signing in a second user keeps the first one's session
            client.force_login(user)
            cookie = client.cookies["sessionid"]
            context.add_cookies([{"name": "sessionid", "value": cookie.value, "url": live_server.url}])
        page = context.new_page()
        page.set_default_timeout(10_000)
        page.base_url = live_server.url
        return page

    yield make
    for context in contexts:
        context.close()


def artifact(name: str) -> str:
    os.makedirs(ARTIFACTS, exist_ok=True)
    return os.path.join(ARTIFACTS, name)
