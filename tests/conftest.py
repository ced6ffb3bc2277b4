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
        raise pytest.UsageError(
            f"REQUIRE_BROWSER is set but {CHROMIUM} is missing: run scripts/install-browser.sh"
        )
    skip = pytest.mark.skip(reason=f"Debian's chromium is not installed ({CHROMIUM}); run `make browser`")
    for item in browser_items:
        item.add_marker(skip)
