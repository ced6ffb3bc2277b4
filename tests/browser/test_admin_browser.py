"""An editor's day in the real browser: paste the seed block, save it as parsed, upload an
image, see the thumbnail in the change list and the history entry."""

import io
import pathlib

import pytest
from PIL import Image

from captions.models import Photo
from tests.builders import editor, make_photo
from tests.conftest import artifact

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

SEED_BLOCK = (pathlib.Path(__file__).parent.parent / "data" / "seed_caption_block.txt").read_text(encoding="utf-8")


def jpeg_bytes() -> bytes:
    out = io.BytesIO()
    image = Image.new("RGB", (1880, 1160), "darkslategray")
    image.paste(Image.new("RGB", (600, 400), "goldenrod"), (640, 380))
    image.save(out, "JPEG", dpi=(150, 150))
    return out.getvalue()


def test_paste_save_upload_thumbnail_and_history(page_for):
    user = editor("editor")
    page = page_for(user)
    page.goto(page.base_url + "/admin/captions/photo/")
    page.click("text=Paste caption block")
    page.fill("#id_text", SEED_BLOCK)
    page.click("input[name=preview]")
    caption_row = page.locator("tr.row-caption")
    assert "Der russische Präsident" in caption_row.inner_text()
    assert "31.8 × 19.6 cm" in page.locator("tr.row-sizes").inner_text()
    page.screenshot(path=artifact("admin-paste-preview.png"), full_page=True)

    page.click("input[name=save]")  # fixes nothing: saves the block as parsed
    page.wait_for_selector(".review-problems")
    photo = Photo.objects.get()
    assert page.url.endswith(f"/admin/captions/photo/{photo.pk}/change/")
    assert "Text is cut off mid-word" in page.locator(".review-problems").inner_text()
    assert "31.8 × 19.6 cm · 12.5 × 7.7 in" in page.locator("table.print-sizes").inner_text()
    page.screenshot(path=artifact("admin-change-form.png"), full_page=True)

    page.set_input_files(
        "#id_image", files=[{"name": "putin-kremlin.jpg", "mimeType": "image/jpeg", "buffer": jpeg_bytes()}]
    )
    page.click("input[name=_continue]")
    page.wait_for_selector(".messagelist")
    assert "Resolution" not in page.locator(".messagelist").inner_text()  # the record already had 150 dpi
    page.screenshot(path=artifact("admin-change-form-with-image.png"), full_page=True)

    page.goto(page.base_url + "/admin/captions/photo/")
    thumbnail = page.locator("#result_list img[width='64']").first
    thumbnail.wait_for()
    assert page.evaluate("img => img.complete && img.naturalWidth", thumbnail.element_handle()) == 240
    page.screenshot(path=artifact("admin-change-list.png"), full_page=True)

    page.goto(page.base_url + f"/admin/captions/photo/{photo.pk}/history/")
    history = page.locator("#change-history").inner_text()
    assert "editor" in history and "Image file:" in history and "Pasted caption block" in history
    page.screenshot(path=artifact("admin-history.png"), full_page=True)


def test_edit_conflict_message_in_the_browser(page_for):
    photo = make_photo(caption="Original caption")
    anna, ben = editor("anna"), editor("ben")
    first = page_for(anna)
    second = page_for()  # page_for signs in through one test client: the second editor uses the form
    url = f"/admin/captions/photo/{photo.pk}/change/"
    second.goto(second.base_url + "/admin/login/?next=" + url)
    second.fill("#id_username", ben.username)
    second.fill("#id_password", "pw-" + ben.username)
    second.click("input[type=submit]")
    first.goto(first.base_url + url)
    first.fill("#id_caption", "Anna's caption")
    first.click("input[name=_save]")
    second.fill("#id_credit", "Ben's credit")
    second.click("input[name=_save]")
    error = second.locator(".errorlist.nonfield").inner_text()
    assert "anna saved this photo while you were editing it" in error and "Anna's caption" in error
    assert second.input_value("#id_caption") == "Anna's caption"
    assert second.input_value("#id_credit") == "Ben's credit"
    second.screenshot(path=artifact("admin-edit-conflict.png"), full_page=True)
