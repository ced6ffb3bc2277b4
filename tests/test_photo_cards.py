"""The photo card built in Python (captions/templatetags/photo_cards.py): the same HTML as the
template it replaced, for every kind of card, and always current (nothing is cached)."""

import datetime as dt
from pathlib import Path
from unittest import mock

import pytest
from django.template import Context, Template
from django.template.defaultfilters import truncatechars
from django.test import RequestFactory
from django.urls import reverse
from django.utils import timezone, translation

from captions.models import Lightbox
from captions.selectors import embargo
from captions.services import records
from captions.templatetags.photo_cards import truncated
from tests.builders import editor, make_photo, make_place, researcher

REFERENCE = (Path(__file__).parent / "data" / "reference_templates" / "photo_card.html").read_text()
CARDS = Template("{% load photo_cards %}{% photo_cards photos %}")


def _context(photos, user, **extra):
    request = RequestFactory().get("/", {"q": "Kreml", "page": "2"})
    request.user = user
    values = {
        "request": request,
        "csrf_token": "the-token",
        "browse_query": "?q=Kreml&page=2",
        "words": "",
        **extra,
    }
    return request, values


def _reference(photos, values):
    template = Template(REFERENCE)
    return "".join(template.render(Context({**values, "photo": photo})) for photo in photos)


def _kinds():
    moscow = make_place(city="Moskau", country="Russia", country_code="RU")
    future = timezone.now() + dt.timedelta(days=30)
    past = timezone.now() - dt.timedelta(days=30)
    return [
        make_photo(place=moscow, caveat_editorial_only=True, caveat_mandatory_credit=True),
        make_photo(caption='Kreml <script>alert("x")</script> & “quotes”', place=moscow),
        make_photo(caption="A" * 300, width_px=None, height_px=None, dpi=None),
        make_photo(caption="Größer als der Kreml " * 10),
        make_photo(caption="Ca\u0301rdenas q\u0301 " * 12),
        make_photo(caption="", date_text="", date_edtf="", date_start=None, date_end=None, date_precision=""),
        make_photo(dpi=None, caveat_no_model_release=True),
        make_photo(embargo_until=future, caveat_embargo=True),
        make_photo(embargo_until=None, caveat_embargo=True),
        make_photo(embargo_until=past, caveat_embargo=True, place=moscow),
        make_photo(thumbnail="renditions/ab/a b&c.jpg"),
        make_photo(thumbnail="renditions/ab/nopixels.jpg", width_px=None, height_px=None),
    ]


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["en", "de"])
@pytest.mark.parametrize("words", ["", "Kreml quotes"])
def test_cards_are_the_templates_html_byte_for_byte(language, words):
    user = researcher()
    photos = _kinds()
    shown = [*photos, embargo.card_for(photos[5]), embargo.card_for(photos[6])]
    with translation.override(language):
        _, values = _context(shown, user, words=words)
        assert CARDS.render(Context({**values, "photos": shown})) == _reference(shown, values)


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["en", "de"])
def test_cards_with_the_lightbox_button_are_the_templates_html(language):
    user = researcher()
    photos = _kinds()[:3]
    lightbox = Lightbox.objects.create(name='Story <b>"one"</b> & more', owner=user)
    with translation.override(language):
        _, values = _context(
            photos,
            user,
            cards_add_to_lightbox=True,
            active_lightbox=lightbox,
            lightbox_photo_ids={photos[1].pk},
        )
        html = CARDS.render(Context({**values, "photos": photos}))
        assert html == _reference(photos, values)
    assert html.count('data-in="true"') == 1 and html.count('data-in="false"') == 2


@pytest.mark.parametrize(
    "text",
    [
        "",
        "short",
        "a" * 140,
        "a" * 141,
        "ä" * 141,
        "Kreml " * 40,
        "q\u0301" * 150,
        "e\u0301" * 150,
        "日本" * 80,
        "x" * 139 + "\u0301",
    ],
)
@pytest.mark.parametrize("language", ["en", "de"])
def test_truncated_is_truncatechars(text, language):
    with translation.override(language):
        for length in (1, 2, 140):
            assert truncated(text, length) == truncatechars(text, length)


# --- always current: what a fragment cache would have had to get right -------------------------


def _browse(client, **params):
    return client.get(reverse("browse"), params).content.decode()


@pytest.mark.django_db
def test_an_edit_shows_on_the_next_page(client):
    client.force_login(researcher())
    photo = make_photo(caption="Before the edit")
    assert "Before the edit" in _browse(client)
    photo.caption = "After the edit"
    records.save_photo(photo=photo)
    page = _browse(client)
    assert "After the edit" in page and "Before the edit" not in page


@pytest.mark.django_db
def test_an_embargo_that_ends_shows_the_photo(client):
    client.force_login(researcher())
    ends = timezone.now() + dt.timedelta(hours=1)
    make_photo(caption="Summit handshake", embargo_until=ends, caveat_embargo=True)
    page = _browse(client)
    assert "Summit handshake" not in page and "withheld" in page
    later = ends + dt.timedelta(minutes=1)
    with mock.patch("django.utils.timezone.now", return_value=later):
        page = _browse(client)
    assert "Summit handshake" in page and "withheld" not in page


@pytest.mark.django_db
def test_the_language_switches_the_card(client):
    client.force_login(researcher())
    make_photo(caption="", caveat_editorial_only=True, width_px=None, height_px=None, dpi=None)
    english = _browse(client)
    client.cookies["django_language"] = "de"
    german = client.get(reverse("browse"), HTTP_ACCEPT_LANGUAGE="de").content.decode()
    assert "(no caption)" in english and "no pixel size" in english
    assert "(no caption)" not in german and "no pixel size" not in german
    with translation.override("de"):
        assert translation.gettext("no pixel size") in german


@pytest.mark.django_db
def test_the_role_decides_what_a_card_shows(client):
    ends = timezone.now() + dt.timedelta(days=2)
    make_photo(caption="Embargoed summit", embargo_until=ends, caveat_embargo=True)
    client.force_login(researcher())
    assert "Embargoed summit" not in _browse(client)
    client.force_login(editor())
    page = _browse(client)
    assert "Embargoed summit" in page and 'class="card embargoed"' in page
