"""A record whose every hidden field holds a word found nowhere else, and the checks that none of
those words reaches a viewer who may see only its embargo card (test_embargo, test_url_matrix)."""

import datetime as dt
import io
import zipfile
from zoneinfo import ZoneInfo

from pypdf import PdfReader

from tests.builders import make_photo, make_place
from tests.export_helpers import body_text

# Every field the card hides holds a word that appears nowhere else.
SECRETS = {
    "caption": "Zanzibarcaption minister signs the budget",
    "headline": "Quixoteheadline",
    "credit": "Plutocredit Photo Agency",
    "creator": "Ozymandiascreator",
    "copyright_notice": "Copyright Vermilioncopyright",
    "supplier": "Xylosupplier",
    "source_id": "SECRETID4711",
    "keywords": "Krakenkeyword, budget",
    "restriction_text": "EMBARGOED: Wombatrestriction until further notice",
    "place_text": "Yodelvillage, Iceland",
    "date_text": "17. Juli 1961",
}
SECRET_PLACE = "Yodelvillage"
SECRET_WORDS = [
    "Zanzibarcaption",
    "Quixoteheadline",
    "Plutocredit",
    "Ozymandiascreator",
    "Vermilioncopyright",
    "Xylosupplier",
    "SECRETID4711",
    "Krakenkeyword",
    "Wombatrestriction",
    SECRET_PLACE,
    "1961",
]
UNTIL = dt.datetime(2099, 3, 4, 0, 1, tzinfo=ZoneInfo("Europe/Berlin"))
CARD = "Embargoed until 4 March 2099, 00:01 CET"


def secret_photo(article, **overrides):
    values = dict(
        SECRETS,
        place=make_place(city=SECRET_PLACE, country="Iceland", country_code="IS"),
        date_start=dt.date(1961, 7, 17),
        date_end=dt.date(1961, 7, 17),
        date_edtf="1961-07-17",
        width_px=4711,
        height_px=1234,
        caveat_embargo=True,
        caveat_editorial_only=True,
        embargo_until=UNTIL,
        articles=[article],
    )
    values.update(overrides)
    return make_photo(**values)


def pdf_text(data: bytes) -> str:
    return " ".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages)


def file_text(name: str, data: bytes) -> str:
    """What a file says in words: a PDF's text; anything else as bytes read both as UTF-8 and as
    Latin-1 (so a word in a JPEG's XMP or IPTC is found whichever way it was written)."""
    if name.endswith(".pdf") or data.startswith(b"%PDF-"):
        return pdf_text(data)
    return data.decode("utf-8", "ignore") + " " + data.decode("latin-1")


def page_text(response) -> str:
    content_type = response.get("Content-Type", "")
    if content_type.startswith("application/pdf"):
        return pdf_text(response.content)
    if content_type.startswith("application/zip"):  # a print package: every file in it
        archive = zipfile.ZipFile(io.BytesIO(b"".join(response.streaming_content)))
        return " ".join(name + " " + file_text(name, archive.read(name)) for name in archive.namelist())
    if content_type.startswith("image/"):
        return file_text("", response.content)
    if response.streaming:
        return body_text(response)
    return response.content.decode()


def assert_no_secret(text: str, where: str, echo=()):
    """No secret word in `text`, once the viewer's own query (`echo`, shown back in the
    form, the filter chips and the export's metadata) is taken out."""
    for value in echo:
        text = text.replace(str(value), "")
    leaked = [word for word in SECRET_WORDS if word.lower() in text.lower()]
    assert not leaked, f"{where} shows {leaked}"
