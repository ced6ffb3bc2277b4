"""Services of the editor workflow (captions/services/: photos, bulk, images) and the history
selector behind the conflict message, called directly."""

import pytest
from django.contrib.auth.models import User
from django.core.files.uploadedfile import SimpleUploadedFile

from captions import ingest
from captions.images import uploads
from captions.models import Photo
from captions.services import bulk, imports, photos, records
from captions.services import images as image_services
from tests.admin_forms import image_file
from tests.builders import make_photo

pytestmark = pytest.mark.django_db


def test_an_edit_of_a_saved_record_must_say_which_version_it_was_based_on():
    photo = make_photo(caption="first")
    photo.caption = "mine"
    with pytest.raises(records.EditConflict):
        photos.save_edited_photo(photo=photo, base_version=None)
    photo.refresh_from_db()
    assert (photo.caption, photo.version) == ("first", 1)


def test_bulk_action_leaves_a_record_that_breaks_a_rule_unchanged_and_says_why():
    good = make_photo()
    bad = make_photo()
    Photo.objects.filter(pk=bad.pk).update(date_text="31. Februar 2025")  # broken behind the model's back
    user = User.objects.create(username="bulk")
    outcome = bulk.bulk_set_caveat(photos=Photo.objects.all(), tag="embargo", value=True, user=user)
    assert outcome.changed == 1 and [p.pk for p, _ in outcome.refused] == [bad.pk]
    assert "“31. Februar 2025” is not a date that exists" in outcome.refused[0][1]
    assert Photo.objects.get(pk=good.pk).caveat_embargo and not Photo.objects.get(pk=bad.pk).caveat_embargo


def test_bulk_set_caveat_rejects_an_unknown_tag():
    with pytest.raises(ValueError):
        bulk.bulk_set_caveat(photos=Photo.objects.all(), tag="secret", value=True, user=None)


def test_attach_image_notes_what_it_did():
    photo = make_photo(width_px=100, height_px=100, dpi=None, credit="")
    upload = SimpleUploadedFile("a.jpg", image_file("JPEG", size=(320, 200), dpi=(72, 72)))
    prepared = uploads.prepare_upload(uploads.identify_upload(upload))
    notes = image_services.attach_image(photo=photo, prepared=prepared).notes
    assert "Pixel size set from the file: 320 × 200 px (the record said 100 × 100)." in notes
    assert "Resolution 72 dpi read from the file (JFIF)." in notes
    assert (photo.width_px, photo.height_px, photo.dpi) == (320, 200, 72) and photo.thumbnail.name


TITLED_IMPOSSIBLE_DAY = (
    "Regatta on the lake, November 31, 2023\n\nRowers cross the finish line off Exampleton pier on "
    "November 30, 2023.\n\n2400 x 1600 px, 300 dpi"
)


def test_an_invalid_date_found_in_the_title_survives_edits_that_leave_the_title():
    photo = imports.save_parsed_caption(parsed=ingest.parse_block(TITLED_IMPOSSIBLE_DAY)).photo
    assert photo.problems == ["invalid_date"] and photo.date_text == "November 30, 2023"

    def edit(**changes):
        for name, value in changes.items():
            setattr(photo, name, value)
        photos.save_edit(
            photo=photo,
            base_version=photo.version,
            user=None,
            changed_fields=list(changes),
            previous_problems=photo.problems,
        )
        photo.refresh_from_db()

    edit(caption="Rowers cross the finish line off Exampleton pier.", credit="Jane Roe")
    assert photo.problems == ["invalid_date"] and photo.needs_review  # the title still names the day
    edit(headline="Regatta on the lake, November 30, 2023")
    assert photo.problems == [] and not photo.needs_review  # the title corrected: the flag goes


def test_review_state():
    photo = make_photo(dpi=None, problems=["missing_dpi", "truncated_text"], needs_review=True)
    photos.review_state(photo, previous_problems=photo.problems, changed_fields=["credit"], reviewed=False)
    assert photo.problems == ["missing_dpi", "truncated_text"] and photo.needs_review
    photos.review_state(photo, previous_problems=photo.problems, changed_fields=[], reviewed=True)
    assert photo.problems == [] and not photo.needs_review
