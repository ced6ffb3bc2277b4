"""The admin's "paste caption block" page: paste or upload, preview every parsed field with
derived print sizes and each problem beside its field, save through the import service."""

import datetime as dt
import pathlib

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from captions.models import Photo
from tests.builders import editor

pytestmark = pytest.mark.django_db
PASTE = reverse("admin:captions_photo_paste")
SEED_BLOCK = (pathlib.Path(__file__).parent / "data" / "seed_caption_block.txt").read_text(encoding="utf-8")
SECOND_BLOCK = """Schoolchildren march through the old town of Edinburgh.
Image ID: 2R4X9KJ
3648 x 2736 px | 30,9 x 23,2 cm | 12,2 x 9,1 inches | 300dpi
Date taken: 30 May 2017
Location: Edinburgh, Scotland, UK"""


@pytest.fixture
def ed_client(client):
    client.force_login(editor())
    return client


def row(preview, key):
    return next(r for r in preview["rows"] if r["key"] == key)


def test_preview_shows_every_field_sizes_and_problems_beside_their_field(ed_client):
    response = ed_client.post(PASTE, {"text": SEED_BLOCK, "preview": "Preview"})
    assert response.status_code == 200
    [preview] = response.context["previews"]
    assert row(preview, "caption")["value"].startswith("Der russische Präsident Wladimir Putin")
    assert row(preview, "pixels")["value"] == "1880 × 1160 px" and row(preview, "dpi")["value"] == 150
    assert row(preview, "sizes")["value"] == (
        "at 150 dpi: 31.8 × 19.6 cm · 12.5 × 7.7 in · at 300 dpi: 15.9 × 9.8 cm · 6.3 × 3.9 in"
    )
    assert "31.8 × 19.6 cm" in row(preview, "stated")["value"]
    assert row(preview, "date")["value"] == "2. Dezember 2025 → 2025-12-02 (day)"
    assert row(preview, "place")["value"] == "Kremlin, Moscow, Russia (RU)"
    assert "May have imperfections" in row(preview, "caveats")["value"]
    # The cut-off notice is named in plain words, beside the notice it is about.
    assert row(preview, "restrictions")["value"].endswith("ein Reportagebild handel")
    assert any("cut off" in p for p in row(preview, "restrictions")["problems"])
    assert row(preview, "caption")["problems"] == []
    assert "1 problem" in response.text and "new photo" in response.text
    assert Photo.objects.count() == 0  # a preview saves nothing


def test_save_creates_the_photo_and_lands_on_its_change_form(ed_client):
    response = ed_client.post(PASTE, {"text": SEED_BLOCK, "save": "Save"})
    photo = Photo.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("admin:captions_photo_change", args=[photo.pk])
    assert (photo.width_px, photo.height_px, photo.dpi, photo.problems) == (1880, 1160, 150, ["truncated_text"])
    assert photo.needs_review and photo.place.city == "Moscow"
    record = photo.history.first()
    assert record.history_user.username == "ed" and record.history_change_reason == "pasted"
    page = ed_client.get(response["Location"]).text
    assert "This record needs review" in page and "Text is cut off mid-word" in page


def test_pasting_the_same_block_again_updates_nothing(ed_client):
    ed_client.post(PASTE, {"text": SEED_BLOCK, "save": "Save"})
    preview = ed_client.post(PASTE, {"text": SEED_BLOCK, "preview": "Preview"})
    assert "nothing to change" in preview.text  # the preview already says "unchanged"
    response = ed_client.post(PASTE, {"text": SEED_BLOCK, "save": "Save"}, follow=True)
    assert Photo.objects.count() == 1
    assert "Nothing to save: created 0, updated 0, unchanged 1, flagged 1." in response.text
    assert Photo.objects.get().history.count() == 1  # "unchanged" wrote nothing


def test_several_blocks_land_on_the_list_of_them(ed_client):
    response = ed_client.post(PASTE, {"text": SEED_BLOCK + "\n---\n" + SECOND_BLOCK, "save": "Save"})
    assert Photo.objects.count() == 2
    assert response.status_code == 302 and "id__in=" in response["Location"]
    listing = ed_client.get(response["Location"])
    assert len(listing.context["cl"].result_list) == 2


def test_text_file_upload(ed_client):
    upload = SimpleUploadedFile("caption.txt", SEED_BLOCK.encode("cp1252", errors="replace"))
    response = ed_client.post(PASTE, {"file": upload, "preview": "Preview"})
    [preview] = response.context["previews"]
    assert row(preview, "caption")["value"].startswith("Der russische Präsident")  # decoded from Windows-1252


def test_binary_file_is_refused_beside_the_file_field(ed_client):
    response = ed_client.post(
        PASTE, {"file": SimpleUploadedFile("dump.dat", bytes(range(256)) * 4), "preview": "Preview"}
    )
    assert response.context["form"].errors.as_data()["file"][0].code == "not_text"
    assert "is not a text file" in response.text


def test_a_picture_chosen_by_mistake_is_named_beside_the_file_field_and_nothing_is_saved(ed_client):
    from io import BytesIO

    from PIL import Image

    buffer = BytesIO()
    Image.new("RGB", (40, 30), "red").save(buffer, "JPEG")
    before = Photo.objects.count()
    response = ed_client.post(
        PASTE, {"file": SimpleUploadedFile("caption.txt", buffer.getvalue()), "preview": "Preview", "save": "Save"}
    )
    assert response.status_code == 200
    assert response.context["form"].errors.as_data()["file"][0].code == "not_text"
    assert "“caption.txt” is a JPEG file, not a text file" in response.text
    assert Photo.objects.count() == before


def test_a_windows_unicode_text_file_is_read(ed_client):
    upload = SimpleUploadedFile("caption.txt", SEED_BLOCK.encode("utf-16"))
    response = ed_client.post(PASTE, {"file": upload, "preview": "Preview"})
    [preview] = response.context["previews"]
    assert row(preview, "caption")["value"].startswith("Der russische Präsident")


def test_empty_paste_says_what_to_do(ed_client):
    response = ed_client.post(PASTE, {"text": "   ", "preview": "Preview"})
    assert "Paste a caption block, or choose a text file." in response.text


def test_change_list_links_to_the_paste_page(ed_client):
    assert f'href="{PASTE}"' in ed_client.get(reverse("admin:captions_photo_changelist")).text


def test_add_form_points_to_the_paste_page(ed_client):
    page = ed_client.get(reverse("admin:captions_photo_add")).text
    assert f'<a href="{PASTE}">Paste it</a>' in page


def test_a_300_dpi_block_shows_its_print_size_once(ed_client):
    response = ed_client.post(PASTE, {"text": SECOND_BLOCK, "preview": "Preview"})
    [preview] = response.context["previews"]
    assert row(preview, "sizes")["value"] == "at 300 dpi: 30.9 × 23.2 cm · 12.2 × 9.1 in"


def test_a_block_that_cannot_be_saved_comes_back_and_the_others_are_saved(ed_client, monkeypatch):
    from django.core.exceptions import ValidationError
    from django.db import DatabaseError

    from captions.services import imports

    real = imports.save_parsed_caption
    real_batch = imports._save_batch

    def database_error(*args, write=True, **kwargs):  # the batch fails, so the blocks are saved one by one
        if write:
            raise DatabaseError("simulated")
        return real_batch(*args, write=write, **kwargs)  # the preview's dry run writes nothing: it runs

    def refuse_edinburgh(*, parsed, **kwargs):
        if "Edinburgh" in parsed.caption:
            raise ValidationError({"caption": ["simulated refusal"]})
        return real(parsed=parsed, **kwargs)

    monkeypatch.setattr(imports, "_save_batch", database_error)
    monkeypatch.setattr(imports, "save_parsed_caption", refuse_edinburgh)
    response = ed_client.post(PASTE, {"text": SEED_BLOCK + "\n---\n" + SECOND_BLOCK, "save": "Save"}, follow=True)
    assert response.status_code == 200
    assert Photo.objects.count() == 1  # the seed block was saved
    messages = [str(m) for m in response.context["messages"]]
    assert any("Block 2 was not saved: caption: simulated refusal" in m for m in messages)
    assert "Schoolchildren march through the old town of Edinburgh." in response.context["text"]
    assert [p["rows"][0]["value"] for p in response.context["previews"]][0].startswith("Schoolchildren")


def test_a_huge_paste_previews_the_first_hundred_and_saves_all(ed_client):
    from captions.editorial.paste import PASTE_PREVIEW_LIMIT

    blocks = [
        f"Boats number {n} leave the harbour of Valletta, Malta.\nImage ID: HUGE{n:04d}\n"
        "4000 x 3000 px | 33.9 x 25.4 cm | 13.3 x 10 inches | 300dpi"
        for n in range(PASTE_PREVIEW_LIMIT + 20)
    ]
    text = "\n---\n".join(blocks)
    response = ed_client.post(PASTE, {"text": text, "preview": "Preview"})
    assert len(response.context["previews"]) == PASTE_PREVIEW_LIMIT
    assert "the 20 others are saved too" in response.content.decode()
    response = ed_client.post(PASTE, {"text": text, "save": "Save"})
    assert response.status_code == 302 and response["Location"] == reverse("admin:captions_photo_changelist")
    assert Photo.objects.filter(source_id__startswith="HUGE").count() == PASTE_PREVIEW_LIMIT + 20


EMBARGOED_BLOCK = """Bundeskanzler empfängt die Delegation im Kanzleramt.
3000 x 2000 px | 300dpi
EMBARGOED UNTIL 4 MARCH 2099, 00:01 CET"""


@pytest.mark.parametrize(
    ("language", "embargo", "name"),
    [("en", "4 March 2099, 00:01 CET", "German"), ("de", "4. März 2099, 00:01 MEZ", "Deutsch")],
)
def test_the_preview_shows_the_embargo_time_with_its_zone_and_the_language_by_name(ed_client, language, embargo, name):
    response = ed_client.post(PASTE, {"text": EMBARGOED_BLOCK, "preview": "Preview"}, HTTP_ACCEPT_LANGUAGE=language)
    preview = response.context["previews"][0]
    assert row(preview, "embargo")["value"] == embargo  # as on cards, pages and sheets, not ISO text
    assert row(preview, "language")["value"] == name


@pytest.mark.parametrize(
    ("block", "stored", "shown"),
    [
        # written in UTC (no language to place it): in Berlin the moment is January of year 10000;
        # kept as the last minute the archive's zone has
        ("Embargo: 31.12.9999 23:59", "9999-12-31T22:59:00+00:00", "31 December 9999, 23:59 CET"),
        ("Harbour at dusk.\nEmbargo until 31 December 9999, 23:30 GMT", "9999-12-31T22:59:00+00:00", "23:59 CET"),
        # in CET, the first minute of year 1 is before UTC's first moment
        ("Hafen am Morgen.\nEmbargo: 1.1.0001 00:01 MEZ", "0001-01-01T00:00:00+00:00", "1 January 0001, 00:53 LMT"),
    ],
)
def test_an_embargo_at_the_edge_of_the_calendar_is_previewed_saved_and_shown(ed_client, client, block, stored, shown):
    # the preview was a server error (OverflowError in timezone.localtime), and so was saving
    text = block + "\n3000 x 2000 px, 300 dpi"
    response = ed_client.post(PASTE, {"text": text, "preview": "Preview"})
    assert response.status_code == 200
    assert shown in row(response.context["previews"][0], "embargo")["value"]
    response = ed_client.post(PASTE, {"text": text, "save": "Save"})
    assert response.status_code == 302
    photo = Photo.objects.get()
    assert photo.embargo_until.astimezone(dt.UTC).isoformat() == stored
    for url in (
        response["Location"],
        reverse("browse"),
        reverse("photo_detail", args=[photo.pk]),
        reverse("api_photo_item", args=[photo.pk]),
        reverse("api_photo_list"),
        reverse("export_specs_csv"),
        reverse("export_specs_json"),
    ):
        assert ed_client.get(url).status_code in (200, 403, 409), url  # no server error
    from tests.builders import researcher

    client.force_login(researcher())
    page = client.get(reverse("browse")).text
    if photo.embargo_until.year == 9999:  # still embargoed: the card says until when
        assert shown in page and client.get(reverse("api_photo_item", args=[photo.pk])).status_code == 409
    else:  # long over: the photo itself
        assert "Hafen am Morgen." in page
