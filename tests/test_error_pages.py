"""Error pages say what happened and what to do, in the archive's own layout."""

import pytest
from django.test import Client, override_settings
from django.urls import path

from tests.builders import make_user, researcher

pytestmark = pytest.mark.django_db


@override_settings(DEBUG=False)
def test_missing_photo_gets_a_helpful_404(client):
    client.force_login(researcher())
    response = client.get("/photos/987654/")
    assert response.status_code == 404
    assert "There is no page at this address" in response.text
    assert 'href="/"' in response.text


@override_settings(DEBUG=False)
def test_refusal_names_the_role_needed(client):
    client.force_login(make_user("norole"))
    response = client.get("/")
    assert response.status_code == 403
    assert "Exports and print spec sheets: Production." in response.text


@override_settings(DEBUG=False)
def test_researcher_export_refusal_says_production_is_needed(client):
    client.force_login(researcher("re-403"))
    response = client.get("/export/specs.csv")
    assert response.status_code == 403
    assert "Production" in response.text


@override_settings(DEBUG=False)
def test_server_error_page_reassures_and_stands_alone():
    from django.template import loader

    html = loader.get_template("500.html").render()
    assert "Nothing you saved before this page was lost" in html
    assert "{%" not in html


def _broken_view(request):
    raise RuntimeError("simulated failure")


urlpatterns = [path("broken/", _broken_view)]


@override_settings(DEBUG=False, ROOT_URLCONF=__name__)
def test_an_unexpected_error_shows_the_500_page():
    response = Client(raise_request_exception=False).get("/broken/")
    assert response.status_code == 500
    assert "Something went wrong on our side" in response.content.decode()
