"""Many files at once in the admin, in the real browser under the Content-Security-Policy:
picked and dropped files each go up in their own request with a progress bar, and every row
ends as stored (link to the new record), duplicate (link to the existing one) or refused."""

import base64

import pytest

from captions.models import Photo
from tests.builders import editor
from tests.conftest import artifact
from tests.image_files import pixels

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def watch_console(page):
    errors = []
    page.on("console", lambda message: errors.append(message.text) if message.type == "error" else None)
    return errors


def test_pick_and_drop_many_files(page_for):
    first = pixels("JPEG", size=(120, 80), color="navy")
    page = page_for(editor("ed-many"))
    errors = watch_console(page)
    requests = []
    page.on("request", lambda request: requests.append(request.url) if request.method == "POST" else None)
    page.goto(page.base_url + "/admin/captions/photo/")
    with page.expect_navigation():
        page.click("text=Upload many images")
    page.wait_for_load_state("load")  # upload.js (deferred) is listening
    files = [
        {"name": "harbour.jpg", "mimeType": "image/jpeg", "buffer": first},
        {"name": "scan.png", "mimeType": "image/png", "buffer": pixels("PNG", size=(40, 60), color="maroon")},
        {"name": "again.jpg", "mimeType": "image/jpeg", "buffer": first},
        {"name": "notes.jpg", "mimeType": "image/jpeg", "buffer": b"%PDF-1.4 an invoice"},
    ]
    page.set_input_files("#id_files", files=files)  # the change starts the uploads
    page.locator("#upload-results li[data-status]").nth(3).wait_for()  # every row has ended
    rows = page.locator("#upload-results li")
    statuses = rows.evaluate_all("rows => rows.map(r => r.dataset.status)")
    assert sorted(statuses) == ["duplicate", "refused", "stored", "stored"]
    harbour = Photo.objects.get(width_px=120)
    duplicate_row = page.locator("#upload-results li[data-status=duplicate]")
    href = duplicate_row.locator("a").get_attribute("href")
    assert href == f"/admin/captions/photo/{harbour.pk}/change/"
    assert "it is a PDF document" in page.locator("#upload-results li[data-status=refused]").inner_text()
    assert len([url for url in requests if url.endswith("/upload/one/")]) == 4  # one request per file
    page.screenshot(path=artifact("admin-upload-many.png"), full_page=True)

    # a file dropped on the zone
    webp = base64.b64encode(pixels("WEBP", size=(30, 30), color="olive")).decode()
    page.evaluate(
        """data => {
            const bytes = Uint8Array.from(atob(data), c => c.charCodeAt(0));
            const transfer = new DataTransfer();
            transfer.items.add(new File([bytes], "dropped.webp", {type: "image/webp"}));
            const zone = document.querySelector("[data-drop-zone]");
            zone.dispatchEvent(new DragEvent("drop", {dataTransfer: transfer, bubbles: true, cancelable: true}));
        }""",
        webp,
    )
    page.locator("#upload-results li[data-status]").nth(4).wait_for()
    last = page.locator("#upload-results li").last
    assert last.get_attribute("data-status") == "stored" and "dropped.webp" in last.inner_text()
    stored = Photo.objects.get(width_px=30)
    last.locator("a").click()
    page.wait_for_url(f"**/admin/captions/photo/{stored.pk}/change/")
    assert Photo.objects.count() == 3
    assert not [e for e in errors if "Content Security Policy" in e], errors
