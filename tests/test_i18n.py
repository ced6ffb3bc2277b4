"""German and English: language from the browser or the switcher, numbers and dates in the
user's locale, filter messages in the user's language."""

import datetime as dt
import re

import pytest
from django.urls import reverse

from tests.builders import make_article, make_photo, make_place, researcher

pytestmark = pytest.mark.django_db


def text(response) -> str:
    return re.sub(r"\s+", " ", response.content.decode())


@pytest.fixture
def seed_like():
    article = make_article(headline="Kremlin seeks a global reordering", published_date=dt.date(2025, 12, 3))
    place = make_place(city="Moscow", country="Russia", country_code="RU")
    return make_photo(
        caption="Putin im Kreml",
        width_px=1880,
        height_px=1160,
        dpi=150,
        place=place,
        caveat_editorial_only=True,
        articles=[article],
    )


def test_the_browser_language_picks_german(client, seed_like):
    client.force_login(researcher())
    page = text(client.get(reverse("browse"), HTTP_ACCEPT_LANGUAGE="de-DE,de;q=0.9"))
    assert '<html lang="de">' in page
    assert "Fotos finden" in page and "Aufgenommen ab" in page
    assert "15,9 × 9,8 cm bei 300 dpi" in page
    assert "Nur redaktionelle Nutzung" in page
    assert "Russland" in page and "Russische Föderation" not in page  # the country facet, in everyday German
    assert "1 Foto" in page


def test_english_by_default(client, seed_like):
    client.force_login(researcher())
    page = text(client.get(reverse("browse"), HTTP_ACCEPT_LANGUAGE="en"))
    assert "Find photos" in page and "15.9 × 9.8 cm at 300 dpi" in page and "Russia" in page


def test_the_photo_page_in_german_uses_decimal_commas_and_german_dates(client, seed_like):
    client.force_login(researcher())
    page = text(client.get(reverse("photo_detail", args=[seed_like.pk]), HTTP_ACCEPT_LANGUAGE="de"))
    assert "31,8 × 19,6 cm · 12,5 × 7,7 in" in page
    assert "Druckgröße bei 300 dpi" in page
    assert "2. Dezember 2025" in page
    assert "3. Dezember 2025" in page  # the article's publication date


def test_the_switcher_changes_the_language_and_it_sticks(client, seed_like):
    client.force_login(researcher())
    response = client.post(reverse("set_language"), {"language": "de", "next": "/"}, HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 302
    assert "Fotos finden" in text(client.get(reverse("browse"), HTTP_ACCEPT_LANGUAGE="en"))
    client.post(reverse("set_language"), {"language": "en", "next": "/"})
    assert "Find photos" in text(client.get(reverse("browse"), HTTP_ACCEPT_LANGUAGE="de"))


def test_filter_messages_come_in_german(client):
    client.force_login(researcher())
    page = text(
        client.get(
            reverse("browse"), {"taken_after": "Dezember 2025", "taken_before": "2025-02-30"}, HTTP_ACCEPT_LANGUAGE="de"
        )
    )
    assert "„Dezember 2025“ ist kein Datum" in page
    assert "„2025-02-30“ gibt es im Kalender nicht" in page


def test_big_counts_use_the_locale_grouping(client, monkeypatch):
    from django.core.cache import cache

    from captions.selectors import facets

    cache.clear()
    client.force_login(researcher())
    for _ in range(3):
        make_photo()
    monkeypatch.setattr(facets, "browse_counts", lambda qs, **kw: (facets.Total(10_000, capped=True), facets.Facets()))
    assert "Mehr als 10.000 Fotos" in text(client.get(reverse("browse"), HTTP_ACCEPT_LANGUAGE="de"))
    assert "More than 10,000 photos" in text(client.get(reverse("browse"), HTTP_ACCEPT_LANGUAGE="en"))
    cache.clear()


# --- the editor's admin and the print shop's PDF, in German ---------------------------------


def test_the_admin_change_form_comes_in_german(client):
    from tests.builders import editor

    photo = make_photo(
        caption="Putin im Kreml",
        supplier="Alamy",
        caveat_editorial_only=True,
        problems=["truncated_text"],
        needs_review=True,
    )
    client.force_login(editor())
    page = text(client.get(reverse("admin:captions_photo_change", args=[photo.pk]), HTTP_ACCEPT_LANGUAGE="de"))
    assert '<html lang="de"' in page
    assert "Bildarchiv" in page and "Photo archive" not in page  # the admin's header
    assert "Bildunterschrift und Bildnachweis" in page and "Hinweise und Rechte" in page  # fieldsets
    assert "Dieser Datensatz muss geprüft werden" in page and "Text bricht mitten im Wort ab" in page
    assert "Nur redaktionelle Nutzung" in page and "Kein Model-Release" in page  # caveat checkboxes
    # derived print sizes: German words and decimal commas (150 dpi native, then 300 dpi)
    assert "bei 150 dpi (nativ)" in page and "31,8 × 19,6 cm · 12,5 × 7,7 in" in page
    assert "15,9 × 9,8 cm · 6,3 × 3,9 in" in page and "2,2 Megapixel, Querformat" in page
    assert "Caption &amp; credit" not in page and "This record needs review" not in page


def test_the_print_spec_sheet_comes_in_german(client):
    import io

    from pypdf import PdfReader

    from tests.builders import production

    place = make_place(city="Moskau", country="Russia", country_code="RU")
    photo = make_photo(
        caption="Putin im Kreml",
        supplier="Alamy",
        source_id="2R7XW4K",
        credit="Alamy / ITAR-TASS",
        place=place,
        caveat_editorial_only=True,
        caveat_no_model_release=True,
    )
    client.force_login(production())
    response = client.get(reverse("photo_spec_pdf", args=[photo.pk]), HTTP_ACCEPT_LANGUAGE="de-DE,de;q=0.9")
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    [sheet] = [re.sub(r"\s+", " ", p.extract_text()) for p in PdfReader(io.BytesIO(response.content)).pages]
    assert f"Druckdatenblatt · Foto {photo.pk}" in sheet and "Alamy · Bildnummer 2R7XW4K" in sheet
    assert "HINWEISE UND EINSCHRÄNKUNGEN – VOR DEM DRUCK LESEN" in sheet
    assert "Nur redaktionelle Nutzung" in sheet and "Kein Model-Release" in sheet
    assert "Druckgrößen" in sheet and "Breite × Höhe (cm)" in sheet
    assert "31,8 × 19,6" in sheet and "nativ (wie geliefert)" in sheet  # 1880 × 1160 px at 150 dpi
    assert "15,9 × 9,8" in sheet and "Druckqualität" in sheet  # at 300 dpi
    assert "Bildnachweis: Alamy / ITAR-TASS" in sheet and "Seite 1 von 1" in sheet
    assert "Print spec" not in sheet and "CAVEATS" not in sheet and "31.8" not in sheet


@pytest.mark.django_db
def test_places_read_in_the_reader_language(client):
    from tests.builders import make_photo, make_place, researcher

    photo = make_photo(
        caption="Treffen im Kreml",
        place=make_place(sublocation="Kremlin", city="Moscow", country="Russia", country_code="RU"),
    )
    client.force_login(researcher("re-place-de"))
    german = client.get(f"/photos/{photo.pk}/", HTTP_ACCEPT_LANGUAGE="de").content.decode()
    assert "Kremlin, Moscow, Russland" in german
    english = client.get(f"/photos/{photo.pk}/", HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "Kremlin, Moscow, Russia" in english
