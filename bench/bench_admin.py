"""The editor's admin at scale: the photo change list under every filter and a search, and
the bulk actions, on the database DATABASE_URL names (PostgreSQL).

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/bench_admin DEBUG=1 .venv/bin/python manage.py migrate
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/bench_admin DEBUG=1 \
        .venv/bin/python manage.py generate_archive --count 200000 --seed 4
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/bench_admin DEBUG=1 .venv/bin/python bench/bench_admin.py

Prints, per change-list URL, the median wall time of five requests and the query count; then
the time of each bulk action on 500 photos (in a transaction that is rolled back, so the
database stays as generated). Figures: docs/ADMIN_PERFORMANCE.md.
"""

import os
import statistics
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "archive.settings")
os.environ.setdefault("DEBUG", "1")

import django

django.setup()

from django.contrib.auth.models import Group, User  # noqa: E402
from django.db import connection, transaction  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402

from captions.models import Article, Photo, Place  # noqa: E402
from captions.roles import EDITORS  # noqa: E402
from captions.services import bulk  # noqa: E402

CHANGELIST = "/admin/captions/photo/"
QUERIES = [
    "",
    "?needs_review__exact=1",
    "?country=DE",
    "?decade=1940",
    "?caveat=embargo",
    "?has_image=no",
    "?supplier=Alamy",
    "?q=Berlin",
    "?q=Moskau",
    "?p=200",
]
RUNS = 5
BULK_SIZE = 500


class Rollback(Exception):
    pass


def timed_get(client, url):
    times = []
    for _ in range(RUNS):
        start = time.perf_counter()
        response = client.get(url)
        times.append(time.perf_counter() - start)
        assert response.status_code == 200, (url, response.status_code)
    with CaptureQueriesContext(connection) as queries:
        client.get(url)
    return statistics.median(times), len(queries.captured_queries)


def timed_bulk(name, action):
    start = time.perf_counter()
    try:
        with transaction.atomic():
            outcome = action()
            raise Rollback
    except Rollback:
        pass
    return name, time.perf_counter() - start, outcome.changed


def main():
    from django.test.utils import setup_test_environment

    setup_test_environment()
    assert connection.vendor == "postgresql", "run this on PostgreSQL"
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE captions_photo")
    total = Photo.objects.count()
    user, _ = User.objects.get_or_create(username="bench-editor", defaults={"is_staff": True})
    user.groups.add(Group.objects.get(name=EDITORS))
    client = Client()
    client.force_login(user)
    print(f"{total:,} photos")
    print(f"{'change list':34} {'median ms':>10} {'queries':>8}")
    for query in QUERIES:
        seconds, count = timed_get(client, CHANGELIST + query)
        print(f"{query or '(no filter)':34} {seconds * 1000:10.0f} {count:8d}")

    photos = Photo.objects.filter(pk__in=list(Photo.objects.order_by("-pk").values_list("pk", flat=True)[:BULK_SIZE]))
    place = Place.objects.exclude(country_code="").first()
    article = Article.objects.first()
    print(f"\nbulk action on {BULK_SIZE} photos (rolled back)")
    for name, seconds, changed in (
        timed_bulk("set place", lambda: bulk.bulk_set_place(photos=photos, place=place, user=user)),
        timed_bulk("add caveat", lambda: bulk.bulk_set_caveat(photos=photos, tag="embargo", value=True, user=user)),
        timed_bulk("mark reviewed", lambda: bulk.bulk_mark_reviewed(photos=photos, user=user)),
        timed_bulk("link article", lambda: bulk.bulk_link_article(photos=photos, article=article, user=user)),
    ):
        print(f"{name:34} {seconds * 1000:10.0f} ms  ({changed} changed)")


if __name__ == "__main__":
    main()
