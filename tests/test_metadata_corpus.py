"""The real corpus, on demand: every image file under $IMAGE_CORPUS read by the archive and by
exiftool, field by field (the figures in docs/METADATA.md come from the same comparison,
`bench/metadata_corpus.py`). The corpus lives outside the repository:

    IMAGE_CORPUS=/work/corpus/images .venv/bin/python -m pytest tests/test_metadata_corpus.py
"""

import os

import pytest

from bench import metadata_corpus
from tests import exiftool_reference
from tests.image_files import needs_exiftool

CORPUS = os.environ.get("IMAGE_CORPUS", "")
GOAL = 0.98  # issue 10: at least 98% of the fields exiftool reads

pytestmark = [
    needs_exiftool,
    pytest.mark.skipif(not CORPUS, reason="IMAGE_CORPUS is not set: the real corpus is checked on demand"),
]


@pytest.fixture(scope="module")
def measured():
    if not os.path.isdir(CORPUS):
        pytest.fail(f"IMAGE_CORPUS={CORPUS} is not a folder")
    return metadata_corpus.measure(CORPUS)


def test_the_corpus_reads_like_exiftool(measured):
    states = [state for row in measured["rows"] for state in row["outcome"].values()]
    read = [s for s in states if s != "extra"]
    right = [s for s in read if s in ("match", "match_utf8")]
    assert read, "no field read in the corpus"
    assert len(right) / len(read) >= GOAL, metadata_corpus.report(measured, details=True)


def test_every_file_is_read_or_refused_with_a_reason(measured):
    for row in measured["rows"]:
        assert not row["error"], row  # read_metadata never raises: a bad file is a warning or a pixel error


def test_the_corpus_folder_holds_enough_files(measured):
    families = {row["family"] for row in measured["rows"]}
    assert len(measured["rows"]) >= 60 and {"JPEG", "PNG", "TIFF"} <= families, exiftool_reference.FIELDS


# --- every real file through the admin and through import_images ------------------------------


@pytest.fixture
def corpus_files():
    if not os.path.isdir(CORPUS):
        pytest.fail(f"IMAGE_CORPUS={CORPUS} is not a folder")
    return metadata_corpus.image_files(CORPUS)


def stored_disagreements(photo, path: str, ref: dict) -> tuple[int, list[str]]:
    """The stored record against exiftool's reading of its file, on the fields the SPEC says come
    from it: pixels as displayed (not for a raw file: exiftool gives the sensor's, the record its
    preview's), dpi, shoot date, caption, credit, place (city, region and sublocation as spelt,
    the country as its code). (values compared, the ones that disagree)."""
    from captions.core import places

    compared, wrong = 0, []

    def check(name, want, have):
        nonlocal compared
        if want in (None, "", []):
            return
        compared += 1
        if want != have and not exiftool_reference.utf8_better(want, have):
            wrong.append(f"{os.path.relpath(path, CORPUS)} {name}: exiftool {want!r}, stored {have!r}")

    if exiftool_reference.family(path) != "raw":
        check("width_px", ref.get("width_px"), photo.width_px)
        check("height_px", ref.get("height_px"), photo.height_px)
    dpi = ref.get("dpi")
    check("dpi", dpi if isinstance(dpi, int) and 1 <= dpi <= 10000 else None, photo.dpi)
    check("date", ref.get("date_created"), photo.date_start.isoformat() if photo.date_start else None)
    check("caption", ref.get("caption"), exiftool_reference.clean(photo.caption) or None)
    check("credit", ref.get("credit"), photo.credit or None)
    place = photo.place
    for name in ("sublocation", "city", "region"):
        check(name, ref.get(name), getattr(place, name, "") or None)
    country = places.find_country(ref.get("country_code") or "") or places.find_country(ref.get("country") or "")
    if country is not None:
        check("country_code", country.code, getattr(place, "country_code", "") or None)
    elif ref.get("country_code") or ref.get("country"):  # not a country: kept as supplied, flagged
        compared += 1
        if "unknown_country" not in photo.problems:
            wrong.append(f"{os.path.relpath(path, CORPUS)} country: {ref.get('country')!r} not flagged")
    return compared, wrong


def left_behind(digest: str) -> list[str]:
    """A refused file's traces: a record with its hash, the file, its renditions."""
    from django.core.files.storage import default_storage

    from captions.models import Photo

    left = ["a record"] if Photo.objects.filter(content_hash=digest).exists() else []
    for folder in ("photos", "renditions"):
        if default_storage.exists(f"{folder}/{digest[:2]}"):
            _dirs, names = default_storage.listdir(f"{folder}/{digest[:2]}")
            left += [f"{folder}/{digest[:2]}/{name}" for name in names if name.startswith(digest)]
    return left


@pytest.mark.django_db
def test_every_real_file_uploads_through_the_admin_or_is_refused_with_a_message(client, corpus_files):
    """The editor's form, file by file: no server error; a refused file gets a message beside the
    image field and leaves nothing (no record, no file, no rendition); a stored record holds what
    exiftool reads on the fields the SPEC takes from the file."""
    from django.core.files.uploadedfile import SimpleUploadedFile
    from django.urls import reverse

    from captions.images import files
    from captions.models import Photo
    from tests.admin_forms import form_data
    from tests.builders import editor

    tags = exiftool_reference.run_exiftool(corpus_files)
    client.force_login(editor())
    client.raise_request_exception = True  # a server error fails the test with its traceback
    add = reverse("admin:captions_photo_add")
    blank = form_data(client.get(add))
    stored = refused = compared = 0
    wrong: list[str] = []
    for path in corpus_files:
        with open(path, "rb") as handle:
            data = handle.read()
        form = {**blank, "caption": "", "headline": "", "date_text": ""}
        form["image"] = SimpleUploadedFile(os.path.basename(path), data)
        response = client.post(add, form)
        digest = files.content_hash(data)
        if response.status_code == 302:
            stored += 1
            photo = Photo.objects.get(content_hash=digest)
            ref = exiftool_reference.reference_fields(*tags.get(path, ({}, {})))
            count, disagree = stored_disagreements(photo, path, ref)
            compared, wrong = compared + count, wrong + disagree
            continue
        assert response.status_code == 200, (path, response.status_code)
        errors = response.context["adminform"].form.errors
        assert list(errors) == ["image"] and errors["image"][0].strip(), (path, errors)
        duplicate = any(e.code == "duplicate_image" for e in errors.as_data().get("image", []))
        refused += not duplicate
        if not duplicate:
            assert not left_behind(digest), (path, left_behind(digest))
    print(f"admin: {stored} stored, {refused} refused of {len(corpus_files)} files")
    print(f"stored values equal to exiftool's: {compared - len(wrong)}/{compared}", *wrong, sep="\n")
    assert stored >= len(corpus_files) * 0.8, (stored, refused)
    assert compared - len(wrong) >= compared * GOAL, wrong


@pytest.mark.django_db
def test_every_real_file_through_the_many_files_page(client, corpus_files):
    """The admin's "Upload many images" page, one request per file as its script sends them: the
    same checks as the editor's form."""
    from django.core.files.uploadedfile import SimpleUploadedFile
    from django.urls import reverse

    from captions.images import files
    from captions.models import Photo
    from tests.builders import editor

    tags = exiftool_reference.run_exiftool(corpus_files)
    client.force_login(editor())
    client.raise_request_exception = True
    one = reverse("admin:captions_photo_upload_one")
    states = {"stored": 0, "refused": 0, "duplicate": 0}
    compared, wrong = 0, []
    for path in corpus_files:
        with open(path, "rb") as handle:
            data = handle.read()
        response = client.post(one, {"file": SimpleUploadedFile(os.path.basename(path), data)})
        assert response.status_code == 200, (path, response.status_code)
        body = response.json()
        states[body["status"]] += 1
        assert body["message"].strip(), (path, body)
        digest = files.content_hash(data)
        if body["status"] == "refused":
            assert not left_behind(digest), (path, left_behind(digest))
        elif body["status"] == "stored":
            ref = exiftool_reference.reference_fields(*tags.get(path, ({}, {})))
            count, disagree = stored_disagreements(Photo.objects.get(pk=body["photo"]), path, ref)
            compared, wrong = compared + count, wrong + disagree
    print(f"many files: {states}; stored values equal to exiftool's: {compared - len(wrong)}/{compared}")
    assert states["stored"] >= len(corpus_files) * 0.8, states
    assert compared - len(wrong) >= compared * GOAL, wrong


@pytest.mark.django_db(transaction=True)
def test_import_images_takes_the_whole_corpus_and_a_rerun_creates_nothing(corpus_files):
    from io import StringIO

    from django.core.management import call_command

    out = StringIO()
    call_command("import_images", CORPUS, stdout=out)
    first = out.getvalue().splitlines()[0]
    print("import_images:", out.getvalue())
    created = int(first.split(",")[0].split()[1])
    assert created >= len(corpus_files) * 0.8, out.getvalue()
    again = StringIO()
    call_command("import_images", CORPUS, stdout=again)
    assert again.getvalue().splitlines()[0].startswith("created 0, updated 0, unchanged"), again.getvalue()
