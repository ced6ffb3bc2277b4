"""Shared by the export tests: the seed record built in code, and readers for each format."""

import csv
import datetime as dt
import io
import json

from tests.builders import make_article, make_photo, make_place

SEED_CAPTION = (
    "Der russische Präsident Wladimir Putin hält im Kreml ein Treffen mit dem Sondergesandten des Präsidenten "
    "der Vereinigten Staaten von Amerika Steve Witkoff und Trump-Schwiegersohn Jared Kushner über den Krieg "
    "zwischen der Ukraine und Russland ab."
)
SEED_RESTRICTION = (
    "Dieses Bild kann kleinere Mängel aufweisen, da es sich um ein historisches Bild oder ein Reportagebild handel"
)
SEED_ARTICLE_URL = "https://www.themoscowtimes.com/2025/12/02/kremlin-seeks-global-reordering"


def seed_photo(**overrides):
    """The archive's first real record (samples/000_...): 1880 x 1160 px at 150 dpi."""
    article = make_article(
        headline="As Moscow prepares for possible negotiations with Washington",
        publication="The Moscow Times",
        url=SEED_ARTICLE_URL,
        published_date=dt.date(2025, 12, 2),
    )
    values = dict(
        caption=SEED_CAPTION,
        width_px=1880,
        height_px=1160,
        dpi=150,
        date_text="2. Dezember 2025",
        date_edtf="2025-12-02",
        date_start=dt.date(2025, 12, 2),
        date_end=dt.date(2025, 12, 2),
        date_precision="day",
        place=make_place(sublocation="Kremlin", city="Moscow", country="Russia", country_code="RU"),
        place_text="Kremlin, Moscow,russia",
        caveat_imperfect_historical=True,
        restriction_text=SEED_RESTRICTION,
        language="de",
        problems=["truncated_text"],
        needs_review=True,
        articles=[article],
    )
    values.update(overrides)
    return make_photo(**values)


def body_text(response) -> str:
    return b"".join(response.streaming_content).decode("utf-8")


def csv_records(text: str, delimiter: str = ",") -> list[dict]:
    """The rows as `csv.DictReader` reads them, as a script or a spreadsheet import would: the
    first line must be the header and every row must have exactly its columns."""
    from captions.exports.csv_format import COLUMNS

    reader = csv.DictReader(io.StringIO(text.removeprefix("\ufeff"), newline=""), delimiter=delimiter)
    rows = list(reader)
    assert tuple(reader.fieldnames) == COLUMNS, reader.fieldnames
    for row in rows:
        assert None not in row and None not in row.values(), row  # no short or long line
    return rows


def json_document(response) -> dict:
    return json.loads(body_text(response))
