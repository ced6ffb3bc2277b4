"""Browse at scale: EXPLAIN ANALYZE of every query shape of the browse page, and the page's
wall time through Django's test client, on the database DATABASE_URL names.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/archive DEBUG=1 \
        .venv/bin/python manage.py generate_archive --count 1000000
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/archive DEBUG=1 .venv/bin/python bench/bench_browse.py

Prints, per search, the plan's top lines, its execution time and whether it used a sequential
scan of captions_photo. Figures: docs/BROWSE_PERFORMANCE.md.
"""
import os
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "archive.settings")
os.environ.setdefault("DEBUG", "1")

import django  # noqa: E402

django.setup()

from django.contrib.auth.models import Group, User  # noqa: E402
from django.core.cache import cache  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402

from captions.roles import RESEARCHERS  # noqa: E402

SEARCHES = [
    {},
    {"sort": "-taken"},
    {"sort": "taken"},
    {"place": "Moskau"},
    {"place": "Russland", "taken_after": "2025-12", "taken_before": "2025-12"},
    {"taken_after": "1945-06", "taken_before": "1945-06"},
    {"q": "Feuerwehrleute"},
    {"q": "firefighters Berlin"},
    {"caveat": "embargo"},
    {"country": "DE", "orientation": "portrait"},
    {"min_print_width_cm": "60"},
    {"undated": "1"},
]


def explain(sql, params):
    with connection.cursor() as cursor:
        cursor.execute("EXPLAIN (ANALYZE, BUFFERS OFF) " + sql, params)
        return [row[0] for row in cursor.fetchall()]


def main():
    from django.test.utils import setup_test_environment

    setup_test_environment()  # so responses carry their template context
    assert connection.vendor == "postgresql", "run this on PostgreSQL"
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE captions_photo")
        cursor.execute("SELECT count(*) FROM captions_photo")
        print(f"photos: {cursor.fetchone()[0]:,}")
    user, _ = User.objects.get_or_create(username="bench-researcher")
    user.groups.add(Group.objects.get(name=RESEARCHERS))
    client = Client(HTTP_HOST="localhost")
    client.force_login(user)
    for params in SEARCHES:
        cache.clear()
        for label in ("cold", "warm"):
            with CaptureQueriesContext(connection) as captured:
                started = time.perf_counter()
                response = client.get("/", params)
                elapsed = (time.perf_counter() - started) * 1000
            assert response.status_code == 200
            print(f"\n{params or 'no filters'} [{label}]: {elapsed:.0f} ms, {len(captured.captured_queries)} queries, "
                  f"total shown: {response.context['total']}")
        for query in captured.captured_queries:
            sql = query["sql"]
            if "captions_photo" not in sql:
                continue
            plan = explain(sql, None)
            seq = any("Seq Scan on captions_photo" in line for line in plan)
            runtime = next((line for line in plan if line.startswith("Execution Time")), "")
            print(f"  {'SEQ SCAN ' if seq else ''}{runtime} :: {sql[:110]}")


if __name__ == "__main__":
    main()
