"""The browse filter fields built in Python (captions/templatetags/filter_fields.py): the same
HTML as the template they replaced (tests/data/reference_templates/filter_field.html)."""

from pathlib import Path

import pytest
from django.template import Context, Template
from django.utils import translation

from captions.models import Photo
from captions.selectors.filters import PhotoFilterSet
from captions.services import lightboxes as lightbox_services
from tests.builders import make_article, researcher

REFERENCE = Template((Path(__file__).parent / "data" / "reference_templates" / "filter_field.html").read_text())
TAG = Template("{% load filter_fields %}{% filter_field field placeholder=placeholder checkbox=checkbox text=text %}")
FIELDS = [  # as browse.html lays them out
    ("q", {"placeholder": "e.g. <Putin> & “Kreml”"}),
    ("taken_after", {"placeholder": "1945"}),
    ("taken_before", {"placeholder": "1945-06"}),
    ("undated", {"checkbox": True}),
    ("place", {"placeholder": "Moskau"}),
    ("country", {"placeholder": "RU"}),
    ("caveat", {}),
    ("orientation", {}),
    ("min_print_width_cm", {"placeholder": "30"}),
    ("at_dpi", {"placeholder": "300"}),
    ("article", {"placeholder": "article number", "text": True}),
    ("lightbox", {}),
    ("sort", {}),
]
DATA = [
    {},
    {"q": 'Kreml "<b>"', "caveat": "editorial_only", "orientation": "portrait", "sort": "taken", "at_dpi": "300"},
    {"taken_after": "1945-13", "country": "XX", "min_print_width_cm": "-3", "caveat": "nonsense"},
    {"undated": "1", "taken_after": "1960", "sort": "lightbox"},
    {"undated": "on", "article": "999999", "lightbox": "{lightbox}"},
    {"lightbox": "12345", "at_dpi": "abc", "q": "x" * 300},
]


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["en", "de"])
@pytest.mark.parametrize("data", DATA)
def test_filter_fields_are_the_templates_html(language, data):
    user = researcher()
    make_article()
    lightbox = lightbox_services.create_lightbox(owner=user, name='Story "<one>"')
    params = {key: value.replace("{lightbox}", str(lightbox.pk)) for key, value in data.items()}
    with translation.override(language):
        form = PhotoFilterSet(params, queryset=Photo.objects.all(), viewer=user).form
        form.is_valid()
        for name, options in FIELDS:
            values = {"field": form[name], "placeholder": "", "checkbox": False, "text": False, **options}
            assert TAG.render(Context(values)) == REFERENCE.render(Context(values)), name
