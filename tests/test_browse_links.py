"""The browse page's links built once in Python (captions/browse/links.py) are Django's
`{% querystring %}` strings."""

import pytest
from django.http import QueryDict
from django.template import RequestContext, Template
from django.test import RequestFactory

from captions.browse.links import QueryLinks

CHANGES = [
    {"country": "DE", "page": None},
    {"taken_after": 1960, "taken_before": 1969, "undated": None, "page": None},
    {"undated": "1", "taken_after": None, "taken_before": None, "page": None},
    {"taken_after": None, "taken_before": None, "page": None},
    {"page": 3},
    {"caveat": "editorial_only", "page": None},
]
QUERIES = [
    "",
    "page=2",
    "q=Kreml+Moskau&page=2",
    "q=%C3%A4%C3%B6%C3%BC+%26+%3D&country=de&country=RU",
    "taken_after=1960&taken_before=1969&sort=-taken",
    "undated=1&per_page=48",
    "place=S%C3%A3o+Paulo&caveat=embargo&orientation=portrait&lightbox=3&q=",
]


@pytest.mark.parametrize("query", QUERIES)
def test_links_are_the_querystring_tags(query):
    request = RequestFactory().get("/?" + query)
    links = QueryLinks(request.GET)
    for changes in CHANGES:
        tag = "{% querystring " + " ".join(f"{k}=v{i}" for i, k in enumerate(changes)) + " %}"
        values = {f"v{i}": value for i, value in enumerate(changes.values())}
        expected = Template(tag).render(RequestContext(request, values))
        assert links.link(**changes) == expected.replace("&amp;", "&")


def test_an_empty_query_without_parameters_is_no_link():
    assert QueryLinks(QueryDict("")).link(page=None) == ""
    assert QueryLinks(QueryDict("page=2")).link(page=None) == "?"
