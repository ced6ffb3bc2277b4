"""Every browse shape is planned on an index (PostgreSQL; issue 11, items 2 and 3).

A generated archive (generate_archive, a few thousand photos, ANALYZEd), the count cap
lowered so that the shapes fall on both sides of it as they do at a million photos. Each page
is requested as a researcher; every query it sends that reads the photo table is EXPLAINed
with ANALYZE and must

* hold no sequential scan of `captions_photo`: with `enable_seqscan` off, so that a small
  table's cheap scan does not hide a missing index (a plan that still scans has no index
  path at all), and
* read a bounded number of photo rows (rows returned plus rows removed by a filter, per scan
  node): the cap + 1, or a page's walk of the sort order, at most a third of the archive.

No timing is asserted; the figures at a million photos are in docs/BENCHMARKS.md.
"""

import datetime as dt
import json

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from captions import synthetic
from captions.selectors import facets
from tests.builders import editor, researcher

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(connection.vendor != "postgresql", reason="plans are PostgreSQL's"),
]

COUNT = 4_000
CAP = 200
SHAPES = [
    {},
    {"place": "Moskau"},
    {"place": "Berlin"},
    {"country": "DE"},
    {"taken_after": "2025-12", "taken_before": "2025-12"},
    {"taken_after": "1960", "taken_before": "1969"},
    {"taken_after": "2020"},
    {"taken_before": "1910"},
    {"undated": "1"},
    {"q": "Feuerwehrleute"},
    {"q": "firefighters"},
    {"q": "mate"},
    {"q": "zeppelinhangar"},
    {"caveat": "editorial_only"},
    {"caveat": "embargo"},
    {"orientation": "portrait"},
    {"country": "DE", "caveat": "editorial_only"},
    {"min_print_width_cm": "30", "at_dpi": "300"},
    {"place": "Berlin", "taken_after": "1960", "taken_before": "1989", "q": "demonstrators"},
    {"country": "DE", "orientation": "portrait", "taken_after": "1960", "taken_before": "1969"},
    {"sort": "taken"},
    {"sort": "-taken", "page": "3"},
]


@pytest.fixture
def archive(db):
    """Generated inside the test's transaction (rolled back after), then ANALYZEd. ANALYZE's
    row counts outlive a rollback (pg_class is updated in place), so the tables are emptied
    and ANALYZEd again before the rollback: later tests (generate_archive's bulk path reads
    pg_class.reltuples) see no trace of this archive."""
    from captions.models import Article, Photo, Place

    synthetic.generate_archive(count=COUNT, seed=91, today=dt.date(2026, 11, 29))
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    yield
    Photo.objects.all().delete()
    Article.objects.all().delete()
    Place.objects.all().delete()
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")


def scans_of(plan: dict):
    if plan.get("Relation Name") == "captions_photo":
        yield plan
    for child in plan.get("Plans", []):
        yield from scans_of(child)


def photo_queries(client, params) -> list[str]:
    cache.clear()
    with CaptureQueriesContext(connection) as captured:
        response = client.get(reverse("browse"), params)
    assert response.status_code == 200, params
    assert response.context["valid"], params
    return [
        q["sql"]
        for q in captured.captured_queries
        if "captions_photo" in q["sql"] and q["sql"].lstrip().upper().startswith("SELECT")
    ]


def explain_text(sql: str) -> str:
    with connection.cursor() as cursor:
        cursor.execute("SET LOCAL enable_seqscan = off")
        cursor.execute(f"EXPLAIN (ANALYZE) {sql}")
        lines = [row[0] for row in cursor.fetchall()]
        cursor.execute("SET LOCAL enable_seqscan = on")
    return "\n".join(lines)


def explain(sql: str) -> dict:
    with connection.cursor() as cursor:
        cursor.execute("SET LOCAL enable_seqscan = off")
        cursor.execute(f"EXPLAIN (ANALYZE, FORMAT JSON) {sql}")
        plan = cursor.fetchone()[0]
        cursor.execute("SET LOCAL enable_seqscan = on")
    return (json.loads(plan) if isinstance(plan, str) else plan)[0]["Plan"]


def test_every_browse_shape_reads_the_photos_through_an_index_and_a_bounded_number_of_rows(
    archive, client, monkeypatch
):
    monkeypatch.setattr(facets, "COUNT_CAP", CAP)
    # the cap's rows, or a page's walk of the sort order until 25 matches (a selection of 3 %
    # walks ~900 rows, 2 % ~1,200): a third of the archive at most, never all of it
    bound = max(CAP + 1, COUNT // 3)
    for user in (researcher(), editor()):
        client.force_login(user)
        for params in SHAPES:
            for sql in photo_queries(client, params):
                plan = explain(sql)
                for scan in scans_of(plan):
                    assert "Seq Scan" not in scan["Node Type"], (params, sql[-300:], explain_text(sql))
                    read = scan.get("Actual Rows", 0) * scan.get("Actual Loops", 1) + scan.get(
                        "Rows Removed by Filter", 0
                    )
                    assert read <= bound, (params, sql[-300:], read, explain_text(sql))
    # the summary answers the whole archive and single facet values without reading a photo
    answered = ({}, {"country": "DE"}, {"caveat": "editorial_only"}, {"taken_after": "1960", "taken_before": "1969"})
    for params in answered:
        queries = photo_queries(client, params)  # as the editor: no embargoed part to subtract
        assert not [q for q in queries if "GROUP BY s.place_id" in q], (params, queries)  # no facet aggregate
        assert any("LIMIT 25" in q for q in queries)  # the page itself


def test_an_export_counts_the_embargoed_photos_left_out_on_their_own_indexes(archive, client):
    """The export's header says how many embargoed photos it left out before its first byte:
    counted as the two halves of the embargo rule, each on its own index, not a BitmapOr of
    both that reads every embargoed photo's heap page (at a million photos 0.3-0.9 s before
    the first byte; BENCHMARKS.md, Export)."""
    from tests.builders import production

    client.force_login(production())
    for url in (reverse("export_specs_csv"), reverse("export_specs_json")):
        with CaptureQueriesContext(connection) as captured:
            response = client.get(url)
            b"".join(response.streaming_content)
        [count] = [q["sql"] for q in captured.captured_queries if "UNION ALL" in q["sql"] and "COUNT(*)" in q["sql"]]
        plan = explain(count)
        text = explain_text(count)
        assert "BitmapOr" not in text and "Seq Scan" not in text, text
        scans = list(scans_of(plan))
        # each half on its own index: an index-only scan once the visibility map is set (as
        # autovacuum keeps it; inside this test's transaction the planner may take a bitmap)
        assert sorted(_index_of(scan) for scan in scans) == ["photo_embargo_open_facets", "photo_embargo_until"], text
        assert int(response["X-Archive-Embargoed-Left-Out"]) == sum(
            scan["Actual Rows"] * scan.get("Actual Loops", 1) for scan in scans
        )


def _index_of(scan: dict) -> str:
    """The index a scan of the photo table reads (a bitmap heap scan's: its bitmap index scan's)."""
    if "Index Name" in scan:
        return scan["Index Name"]
    [child] = scan["Plans"]
    return child["Index Name"]
