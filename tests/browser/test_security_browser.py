"""The content security policy blocks inline script, and the pages still work under it."""

import pytest

from tests.builders import editor, make_photo, researcher

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def watch_console(page):
    errors = []
    page.on("console", lambda message: errors.append(message.text) if message.type == "error" else None)
    return errors


def test_language_switcher_works_without_inline_script(page_for):
    make_photo(caption="Harbour at dawn")
    page = page_for(researcher("re-csp"))
    errors = watch_console(page)
    page.goto(page.base_url + "/")
    assert page.locator("h1").first.inner_text().endswith("photo")
    with page.expect_navigation():  # the change submits the form: wait for the new page
        page.select_option("#lang-select", "de")
    assert page.locator("h1").first.inner_text().endswith("Foto")
    assert not [e for e in errors if "Content Security Policy" in e]


def test_admin_change_form_scripts_run_under_the_policy(page_for):
    photo = make_photo(caption="Harbour at dawn")
    page = page_for(editor("ed-csp"))
    errors = watch_console(page)
    page.goto(page.base_url + f"/admin/captions/photo/{photo.pk}/change/")
    page.locator(".select2-selection").first.click()  # the place autocomplete is script
    page.keyboard.type("Mos")
    page.locator(".select2-results__option").first.wait_for()
    assert not [e for e in errors if "Content Security Policy" in e]


def test_an_injected_script_in_a_caption_does_not_run(page_for):
    photo = make_photo(caption='<img src=x onerror="document.title=\'pwned\'"><script>document.title="pwned"</script>')
    page = page_for(researcher("re-xss"))
    page.goto(page.base_url + f"/photos/{photo.pk}/")
    assert page.title() != "pwned"
    assert "<script>" in page.locator(".caption, main").first.inner_text()  # shown as text
