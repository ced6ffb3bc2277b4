"""The browse page's links, built once per page in Python: each facet value, timeline bar and
page number is the page's own query string with one or two parameters changed.

The template did this with one `{% querystring %}` per link (about 50 a page), each copying the
request's QueryDict (a deep copy) and encoding every parameter again. `QueryLinks` encodes the
page's parameters once and each link only re-encodes what it changes: the same strings as
Django's `querystring` tag (tests/test_browse_links.py checks them against it).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from urllib.parse import urlencode

from django.contrib.humanize.templatetags.humanize import intcomma

from captions.browse.labels import caveat_label, country_name, decade_label, orientation_label


class QueryLinks:
    """`link(**changes)` is `{% querystring **changes %}` on the query string `query` (a
    QueryDict): a value of None removes the parameter, any other value replaces it."""

    def __init__(self, query):
        self._empty = not query
        self._encoding = query.encoding
        self._parts = {key: [self._encode(key, value) for value in values] for key, values in query.lists()}

    def _encode(self, key, value) -> str:
        # what QueryDict.urlencode writes for one value
        return urlencode({key.encode(self._encoding): str(value).encode(self._encoding)})

    def link(self, **changes) -> str:
        parts = dict(self._parts)
        for key, value in changes.items():
            if value is None:
                parts.pop(key, None)
            else:
                parts[key] = [self._encode(key, value)]
        if not parts and self._empty:
            return ""
        return "?" + "&".join(part for values in parts.values() for part in values)


@dataclass(frozen=True)
class FacetLink:
    href: str
    label: str
    count: str  # with the reader's thousands separator
    current: bool = False


@dataclass
class FacetLinks:
    countries: list[FacetLink] = field(default_factory=list)
    decades: list[FacetLink] = field(default_factory=list)
    undated: FacetLink | None = None
    caveats: list[FacetLink] = field(default_factory=list)
    orientations: list[FacetLink] = field(default_factory=list)


def facet_links(facets, query, links: QueryLinks) -> FacetLinks:
    """The facet lists' links (the first 12 countries), labels and counts in the reader's
    language; `query`: the request's GET (which value is the current one)."""
    country = (query.get("country") or "").upper()
    caveat, orientation = query.get("caveat"), query.get("orientation")
    return FacetLinks(
        countries=[
            FacetLink(links.link(country=code, page=None), country_name(code), intcomma(n), country == code)
            for code, n in facets.countries[:12]
        ],
        decades=[
            FacetLink(
                links.link(taken_after=decade, taken_before=int(decade) + 9, undated=None, page=None),
                decade_label(decade),
                intcomma(n),
            )
            for decade, n in facets.decades
        ],
        undated=FacetLink(
            links.link(undated="1", taken_after=None, taken_before=None, page=None), "", intcomma(facets.undated)
        )
        if facets.undated
        else None,
        caveats=[
            FacetLink(links.link(caveat=tag, page=None), str(caveat_label(tag)), intcomma(n), caveat == tag)
            for tag, n in facets.caveats
        ],
        orientations=[
            FacetLink(
                links.link(orientation=name, page=None), str(orientation_label(name)), intcomma(n), orientation == name
            )
            for name, n in facets.orientations
        ],
    )


def timeline_links(timeline, links: QueryLinks) -> dict:
    """Each bar's link (by its start year) and the "all decades" link."""
    if not timeline:
        return {}
    return {
        "all": links.link(taken_after=None, taken_before=None, page=None),
        "bars": [
            (bar, links.link(taken_after=bar.after, taken_before=bar.before, undated=None, page=None))
            for bar in timeline.bars
        ],
    }
