"""Who may export: Production and superusers; Researchers (and editors) get 403; anonymous
visitors are sent to sign in. Every export URL is checked. The buttons follow the same rule."""

import pytest
from django.urls import reverse

from tests.builders import editor, make_photo, make_user, production, researcher

pytestmark = pytest.mark.django_db

EXPORT_URLS = ["export_specs_csv", "export_specs_json", "export_specs_pdf", "photo_spec_pdf"]


def url_for(name, photo):
    return reverse(name, args=[photo.pk]) if name == "photo_spec_pdf" else reverse(name)


@pytest.mark.parametrize("name", EXPORT_URLS)
def test_researchers_are_refused_every_export(client, name):
    photo = make_photo()
    client.force_login(researcher())
    assert client.get(url_for(name, photo)).status_code == 403


@pytest.mark.parametrize("name", EXPORT_URLS)
def test_editors_are_refused_every_export(client, name):
    photo = make_photo()
    client.force_login(editor())
    assert client.get(url_for(name, photo)).status_code == 403


@pytest.mark.parametrize("name", EXPORT_URLS)
@pytest.mark.parametrize(
    "make_user_for", [production, lambda: make_user("root", superuser=True)], ids=["production", "superuser"]
)
def test_production_and_superusers_may_export(client, name, make_user_for):
    photo = make_photo()
    client.force_login(make_user_for())
    response = client.get(url_for(name, photo))
    assert response.status_code == 200
    assert "attachment" in response["Content-Disposition"] or name == "photo_spec_pdf"


@pytest.mark.parametrize("name", EXPORT_URLS)
def test_anonymous_visitors_are_sent_to_sign_in(client, name):
    photo = make_photo()
    response = client.get(url_for(name, photo))
    assert response.status_code == 302 and response["Location"].startswith("/accounts/login/")


def test_browse_shows_export_buttons_with_the_current_filters_to_production_only(client):
    make_photo()
    client.force_login(production())
    page = client.get(reverse("browse"), {"caveat": "editorial_only"})
    assert page.status_code == 200
    assert 'href="/export/specs.csv?caveat=editorial_only"' in page.text
    assert 'href="/export/specs.csv?caveat=editorial_only&amp;dialect=excel-de"' in page.text
    assert 'href="/export/specs.json?caveat=editorial_only"' in page.text
    assert 'href="/export/specs.pdf?caveat=editorial_only"' in page.text
    client.force_login(researcher())
    page = client.get(reverse("browse"), {"caveat": "editorial_only"})
    assert page.status_code == 200 and "/export/specs" not in page.text


def test_photo_page_offers_its_sheet_to_production_and_says_when_an_embargoed_one_comes(client):
    import datetime as dt

    from django.utils import timezone

    photo = make_photo()
    embargoed = make_photo(
        embargo_until=timezone.now() + dt.timedelta(days=2),
        date_start=dt.date(1999, 1, 1),
        date_end=dt.date(1999, 1, 1),
    )
    client.force_login(production())
    page = client.get(reverse("photo_detail", args=[photo.pk]))
    assert f'href="/photos/{photo.pk}/spec.pdf"' in page.text
    page = client.get(reverse("photo_detail", args=[embargoed.pk]))
    assert "spec.pdf" not in page.text and "Spec sheet available when the embargo ends" in page.text
    client.force_login(researcher())
    page = client.get(reverse("photo_detail", args=[photo.pk]))
    assert page.status_code == 200 and "spec.pdf" not in page.text
