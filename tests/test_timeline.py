"""The timeline of the results: bars per decade, per year inside a decade, each a link that
narrows the date window; its numbers agree with what the link finds; the query budget."""

import datetime as dt
import re

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from captions.selectors import facets
from tests.builders import make_photo, researcher

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def fresh_cache():
    cache.clear()
    yield
    cache.clear()


def dated(caption, start, end, **values):
    return make_photo(caption=caption, date_start=start, date_end=end, **values)


def year(y, caption="photo"):
    return dated(caption, dt.date(y, 5, 1), dt.date(y, 5, 1))


@pytest.fixture
def browse(client):
    client.force_login(researcher())

    def get(**params):
        response = client.get(reverse("browse"), params)
        assert response.status_code == 200
        return response

    return get


def bars(response) -> list[tuple[str, int, str | None]]:
    """(label, count, link) of each bar, as a reader and a screen reader get them."""
    html = response.content.decode()
    nav = html.split('<nav class="timeline"', 1)[1].split("</nav>", 1)[0]
    found = []
    for item in re.findall(r"<li>(.*?)</li>", nav, re.S):
        label = re.search(r'<span class="label">([^<]+)</span>', item).group(1)
        spoken = re.search(r'<span class="visually-hidden">: ([^<]+)</span>', item).group(1)
        count = 0 if spoken == "no photos" else int(spoken.split()[0].replace(",", ""))
        link = re.search(r'<a href="([^"]+)"', item)
        found.append((label, count, link.group(1).replace("&amp;", "&") if link else None))
    return found


def test_decades_of_the_results_with_gaps_and_links_that_narrow_the_window(browse):
    for y in (1945, 1947, 1966, 1968, 1969):
        year(y)
    dated("the sixties", dt.date(1960, 1, 1), dt.date(1969, 12, 31))  # a decade counts in every year of it
    make_photo(caption="undated one", date_start=None, date_end=None, date_edtf="", date_text="", date_precision="")
    shown = bars(browse())
    assert shown == [
        ("1940s", 2, "?taken_after=1940&taken_before=1949"),
        ("1950s", 0, None),
        ("1960s", 4, "?taken_after=1960&taken_before=1969"),
    ]


def test_inside_a_decade_the_bars_are_its_years_and_their_numbers_are_what_the_link_finds(browse):
    for y in (1962, 1966, 1966, 1969):
        year(y)
    dated("the sixties", dt.date(1960, 1, 1), dt.date(1969, 12, 31))
    dated("1965 to 1966", dt.date(1965, 6, 1), dt.date(1966, 6, 1))
    year(1971)
    response = browse(taken_after="1960", taken_before="1969")
    shown = bars(response)
    assert [label for label, _, _ in shown] == [str(y) for y in range(1960, 1970)]
    counts = {label: n for label, n, _ in shown}
    assert counts == {
        "1960": 1, "1961": 1, "1962": 2, "1963": 1, "1964": 1,
        "1965": 2, "1966": 4, "1967": 1, "1968": 1, "1969": 2,
    }  # fmt: skip
    assert "Years of the 1960s" in response.content.decode()
    link_1966 = dict((label, link) for label, _, link in shown)["1966"]
    assert link_1966 == "?taken_after=1966&taken_before=1966"
    narrowed = browse(taken_after="1966", taken_before="1966")
    assert narrowed.context["total"].value == counts["1966"]
    current = narrowed.content.decode().split('aria-current="true"')
    assert len(current) >= 2 and "1966" in current[1][:400]  # the year shown is marked as the current one


def test_the_timeline_follows_the_other_filters(browse):
    year(1966, caption="Harbour")
    year(1966, caption="Mountain")
    year(1981, caption="Harbour")
    assert [(label, n) for label, n, _ in bars(browse(q="Harbour"))] == [("1960s", 1), ("1970s", 0), ("1980s", 1)]
    assert "timeline" not in browse(q="zeppelin").content.decode().split("<footer")[0].split('class="results"')[1]


def test_decades_cost_no_query_and_years_one(client):
    client.force_login(researcher())
    for y in (1962, 1966, 1975):
        year(y)

    def queries(**params):
        cache.clear()
        with CaptureQueriesContext(connection) as captured:
            assert client.get(reverse("browse"), params).status_code == 200
        return len(captured.captured_queries)

    # (windows that are not a whole decade: the facet summary answers a whole decade its own way)
    wide = queries(taken_after="1951", taken_before="1978")  # decades: the facet counts already read
    inside = queries(taken_after="1961", taken_before="1968")  # + the years of the decade
    assert inside == wide + 1
    for y in range(1960, 1970):
        year(y)
    assert queries(taken_after="1961", taken_before="1968") == inside  # not one more per photo


def test_past_the_cap_the_years_are_estimated_and_cached(browse, monkeypatch):
    monkeypatch.setattr(facets, "COUNT_CAP", 3)
    for y in (1961, 1962, 1963, 1964, 1965):
        year(y)
    first = browse(taken_after="1960", taken_before="1969", q="photo")
    assert "(estimated)" in first.content.decode()
    assert sum(n for _, n, _ in bars(first)) >= 4  # read from the first COUNT_CAP + 1 rows
    year(1966)
    again = browse(taken_after="1960", taken_before="1969", q="photo", page=1)
    assert bars(again) == bars(first)  # from the cache, as the facets


def test_german_labels(client):
    client.force_login(researcher())
    year(1966)
    page = client.get(reverse("browse"), {"taken_after": "1960", "taken_before": "1969"}, HTTP_ACCEPT_LANGUAGE="de")
    text = page.content.decode()
    assert "Die Jahre der 1960er" in text and "alle Jahrzehnte" in text and "keine Fotos" in text
